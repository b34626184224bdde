/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-save-dialog.c — the base of the dialogs that write a file in a thread
 * (see the header). */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-core.h"
#include "aimak-file-chooser.h"
#include "aimak-save-dialog.h"
#include "aimak-window.h"

typedef struct
{
  GtkWindow             *parent;           /* weak */
  GCancellable          *cancellable;      /* the running job */
  GtkProgressBar        *progress_bar;
  gint                  *progress_permille; /* shared with the running job */
  gboolean               progress_percent;
  guint                  progress_source;
  gboolean               close_when_done;
  GtkFileChooserNative  *chooser;
} AimakSaveDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AimakSaveDialog, aimak_save_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- the job */

static gboolean
poll_progress (gpointer user_data)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (user_data);
  int permille = priv->progress_permille ? g_atomic_int_get (priv->progress_permille) : 0;

  gtk_progress_bar_set_fraction (priv->progress_bar, permille / 1000.0);
  if (priv->progress_percent)
    {
      g_autofree char *text = aimak_number_format_percent (permille / 10, 0, NULL);

      gtk_progress_bar_set_text (priv->progress_bar, text);
    }
  return G_SOURCE_CONTINUE;
}

GCancellable *
aimak_save_dialog_begin (AimakSaveDialog *self,
                         GtkProgressBar  *bar,
                         gint            *permille,
                         gboolean         percent)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  g_return_val_if_fail (AIMAK_IS_SAVE_DIALOG (self), NULL);
  g_return_val_if_fail (priv->cancellable == NULL, NULL);
  priv->cancellable = g_cancellable_new ();
  priv->progress_bar = bar;
  priv->progress_permille = permille;
  priv->progress_percent = percent;
  gtk_progress_bar_set_fraction (bar, 0);
  priv->progress_source = g_timeout_add (100, poll_progress, self);
  return priv->cancellable;
}

void
aimak_save_dialog_end (AimakSaveDialog *self)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  g_clear_handle_id (&priv->progress_source, g_source_remove);
  priv->progress_permille = NULL;   /* freed with the job */
  g_clear_object (&priv->cancellable);
}

gboolean
aimak_save_dialog_is_running (AimakSaveDialog *self)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  return priv->cancellable != NULL;
}

gboolean
aimak_save_dialog_is_closing (AimakSaveDialog *self)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  return priv->close_when_done;
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (
    AIMAK_SAVE_DIALOG (widget));

  /* While writing, Cancel stops it and leaves the dialog open. */
  if (priv->cancellable)
    g_cancellable_cancel (priv->cancellable);
  else
    gtk_window_close (GTK_WINDOW (widget));
}

void
aimak_save_dialog_class_install_cancel (GtkWidgetClass *widget_class,
                                        const char     *action_name)
{
  gtk_widget_class_install_action (widget_class, action_name, NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, action_name, NULL);
}

gboolean
aimak_save_dialog_failed (AimakSaveDialog *self,
                          const GError    *error)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
  if (priv->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------ after saving */

static void
show_uri (GtkWindow  *parent,
          const char *uri)
{
  /* GtkFileLauncher is GTK 4.10; gtk_show_uri goes through the OpenURI portal in a
   * sandbox and through GIO outside. */
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
on_show_items_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager answers (or a sandbox keeps it out of reach): open the folder. */
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("FileManager1.ShowItems failed: %s", error->message);
      show_uri (NULL, uri);
    }
}

static void
show_in_folder (GFile *file)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);
      show_uri (NULL, folder_uri);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE,
                          5000, NULL, on_show_items_done, g_object_ref (file));
}

static void
on_toast_open (AdwToast *toast,
               gpointer  user_data)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "aimak-file");
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "aimak-window");
  g_autofree char *uri = g_file_get_uri (file);

  show_uri (window, uri);
}

static void
on_toast_show_folder (GtkButton *button,
                      AdwToast  *toast)
{
  show_in_folder (g_object_get_data (G_OBJECT (toast), "aimak-file"));
  adw_toast_dismiss (toast);
}

static void
announce_saved (AimakSaveDialog *self,
                GFile           *file,
                const char      *title,
                gboolean         show_folder)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);
  AdwToast *toast;
  GtkWidget *box, *label, *button;
  g_autofree char *tooltip = NULL;

  if (!AIMAK_IS_WINDOW (priv->parent))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "aimak-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "aimak-window", priv->parent);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open), NULL);
  if (show_folder)
    {
      /* A toast has one button of its own; Show in Folder sits beside the title. */
      tooltip = g_file_get_parse_name (file);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = gtk_label_new (title);
      gtk_widget_set_tooltip_text (label, tooltip);
      button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_toast_show_folder), toast, 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      adw_toast_set_custom_title (toast, box);
    }
  aimak_window_add_toast (AIMAK_WINDOW (priv->parent), toast);
}

void
aimak_save_dialog_saved (AimakSaveDialog *self,
                         GFile           *file,
                         const char      *title,
                         gboolean         show_folder)
{
  g_return_if_fail (AIMAK_IS_SAVE_DIALOG (self));
  announce_saved (self, file, title, show_folder);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------ the file chooser */

void
aimak_save_dialog_choose (AimakSaveDialog       *self,
                          const char            *title,
                          GtkFileChooserAction   action,
                          const char            *accept_label,
                          GFile                 *folder,
                          const char            *name,
                          AimakSaveDialogChosen  chosen)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);
  GtkFileChooserNative *chooser;

  g_return_if_fail (AIMAK_IS_SAVE_DIALOG (self));
  g_return_if_fail (priv->chooser == NULL);
  chooser = aimak_file_chooser_new (GTK_WINDOW (self), title, action, accept_label);
  if (name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  aimak_file_chooser_show (chooser, &priv->chooser, (AimakFileChosen) chosen, self);
}

gboolean
aimak_save_dialog_is_choosing (AimakSaveDialog *self)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  return priv->chooser != NULL;
}

/* ------------------------------------------------------------- the dialog */

void
aimak_save_dialog_set_parent (AimakSaveDialog *self,
                              GtkWindow       *parent)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  g_return_if_fail (AIMAK_IS_SAVE_DIALOG (self));
  if (priv->parent)
    g_object_remove_weak_pointer (G_OBJECT (priv->parent), (gpointer *) &priv->parent);
  priv->parent = parent;
  if (parent)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &priv->parent);
}

static gboolean
aimak_save_dialog_close_request (GtkWindow *window)
{
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (
    AIMAK_SAVE_DIALOG (window));

  /* Closing while writing cancels first; the dialog goes once nothing is left behind. */
  if (priv->cancellable)
    {
      priv->close_when_done = TRUE;
      g_cancellable_cancel (priv->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (aimak_save_dialog_parent_class)->close_request (window);
}

static void
aimak_save_dialog_dispose (GObject *object)
{
  AimakSaveDialog *self = AIMAK_SAVE_DIALOG (object);
  AimakSaveDialogPrivate *priv = aimak_save_dialog_get_instance_private (self);

  aimak_file_chooser_clear (&priv->chooser);
  g_clear_handle_id (&priv->progress_source, g_source_remove);
  g_clear_object (&priv->cancellable);
  aimak_save_dialog_set_parent (self, NULL);
  G_OBJECT_CLASS (aimak_save_dialog_parent_class)->dispose (object);
}

static void
aimak_save_dialog_class_init (AimakSaveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aimak_save_dialog_dispose;
  window_class->close_request = aimak_save_dialog_close_request;

  /* Emitted when a job that saves ends: TRUE when the file was saved. */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
aimak_save_dialog_init (AimakSaveDialog *self)
{
}
