/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-save-dialog.h — what the dialogs that write a file in a thread share (the
 * Export Workbook and the Programme Document dialogs): the running job's
 * cancellable and progress, Cancel and closing while it runs, the file chooser,
 * the "finished" signal and the toast that announces the saved file on the
 * window that opened the dialog. A subclass keeps its own options, job and
 * widgets.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_SAVE_DIALOG (aimak_save_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (AimakSaveDialog, aimak_save_dialog, AIMAK, SAVE_DIALOG, AdwWindow)

struct _AimakSaveDialogClass
{
  AdwWindowClass parent_class;
};

/* Called with the file chosen in aimak_save_dialog_choose(). */
typedef void (*AimakSaveDialogChosen) (AimakSaveDialog *self,
                                       GFile           *file);

/* The window whose toast announces the saved file (held weakly; may be NULL). */
void          aimak_save_dialog_set_parent  (AimakSaveDialog       *self,
                                             GtkWindow             *parent);

/* A job starts: returns its cancellable (owned by the dialog) and shows the
 * progress the job stores in *@permille (0–1000, shared with the job and freed
 * with it) in @bar every 100 ms, with the percentage as text when @percent. */
GCancellable *aimak_save_dialog_begin       (AimakSaveDialog       *self,
                                             GtkProgressBar        *bar,
                                             gint                  *permille,
                                             gboolean               percent);
/* The job has ended (its result not yet looked at): polling stops. */
void          aimak_save_dialog_end         (AimakSaveDialog       *self);
gboolean      aimak_save_dialog_is_running  (AimakSaveDialog       *self);
/* TRUE when the dialog was closed while the job ran: it goes when the job ends. */
gboolean      aimak_save_dialog_is_closing  (AimakSaveDialog       *self);
/* Installs @action_name (the subclass's "….cancel") as Cancel, bound to
 * Escape: it stops a running job (the dialog stays), otherwise closes the
 * dialog. */
void          aimak_save_dialog_class_install_cancel (GtkWidgetClass *widget_class,
                                                      const char     *action_name);

/* The job saved @file: a toast "@title" with Open (and Show in Folder when
 * @show_folder) on the parent window, "finished" with TRUE, and the dialog goes. */
void          aimak_save_dialog_saved       (AimakSaveDialog       *self,
                                             GFile                 *file,
                                             const char            *title,
                                             gboolean               show_folder);
/* The job failed with @error: "finished" with FALSE; the dialog goes if it was
 * closed meanwhile. Returns TRUE when the dialog stays and @error is no cancel,
 * so that the caller shows it. */
gboolean      aimak_save_dialog_failed      (AimakSaveDialog       *self,
                                             const GError          *error);

/* Shows the native file chooser (through the portal in a sandbox) over the
 * dialog, opened in @folder (may be NULL) with @name proposed (may be NULL);
 * @chosen gets the file when the user accepts. */
void          aimak_save_dialog_choose      (AimakSaveDialog       *self,
                                             const char            *title,
                                             GtkFileChooserAction   action,
                                             const char            *accept_label,
                                             GFile                 *folder,
                                             const char            *name,
                                             AimakSaveDialogChosen  chosen);
gboolean      aimak_save_dialog_is_choosing (AimakSaveDialog       *self);

G_END_DECLS
