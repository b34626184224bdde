/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-receive-dialog.h — Receive Data: the preview of an exchange package
 * (each record New, Unchanged, Updated, Conflict or Rejected, filterable), the
 * conflicts to decide field by field, and Apply, in one transaction; then a
 * toast with Undo. The package is read off the main thread; nothing is
 * written before Apply. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_RECEIVE_DIALOG (aimak_receive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakReceiveDialog, aimak_receive_dialog, AIMAK, RECEIVE_DIALOG, AdwWindow)

/* Opens @file (a .aimak package) for @parent's database. */
AimakReceiveDialog *aimak_receive_dialog_new          (GtkWindow          *parent,
                                                       AimakDb            *db,
                                                       GFile              *file);
/* Asks for a package with the file chooser, then opens it. */
void                aimak_receive_dialog_choose       (GtkWindow          *parent,
                                                       AimakDb            *db);
/* TRUE once the preview is shown (or its error); for tests. */
gboolean            aimak_receive_dialog_is_loaded    (AimakReceiveDialog *self);
AimakPackagePreview *aimak_receive_dialog_get_preview (AimakReceiveDialog *self);
GtkWidget          *aimak_receive_dialog_get_review   (AimakReceiveDialog *self);
/* The number of rows the records list shows with the current filter. */
guint               aimak_receive_dialog_count_shown  (AimakReceiveDialog *self);
/* Shows only records of @kind; -1 shows all. */
void                aimak_receive_dialog_set_filter   (AimakReceiveDialog *self,
                                                       int                 kind);

G_END_DECLS
