/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-preferences-window.c — settings bound to GSettings, and the backups
 * of the open database with a way to restore each. The Office Server page is
 * aimak-preferences-server.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-ask.h"
#include "aimak-backups.h"
#include "aimak-preferences-window-private.h"
#include "aimak-toast.h"
#include "aimak-window.h"


G_DEFINE_FINAL_TYPE (AimakPreferencesWindow, aimak_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static const char * const languages[] = { "en", "ru", "ky" };

static gboolean
language_to_index (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *lang = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (lang, languages[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_language (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (languages[i < G_N_ELEMENTS (languages) ? i : 0]);
}

static void restore_clicked (GtkButton              *button,
                             AimakPreferencesWindow *self);

/* win.show-toast, as on the main window: the pages raise their messages with
 * aimak_toast_show(). */
static void
show_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget), toast);
}

static void
show_error (AimakPreferencesWindow *self,
            const char             *heading,
            const GError           *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
backup_row_new (AimakPreferencesWindow *self,
                AimakBackupInfo        *info,
                gboolean                can_restore)
{
  g_autofree char *when = aimak_backups_format_time (info->time);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *accessible = g_strdup_printf (_("Restore the backup of %s"), when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  gtk_widget_set_tooltip_text (row, info->path);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, can_restore);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "backup-time", g_strdup (when), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The database of the window the preferences belong to (NULL once it is gone). */
AimakDb *
_aimak_preferences_window_get_db (AimakPreferencesWindow *self)
{
  g_autoptr(AimakWindow) window = g_weak_ref_get (&self->window);

  return window ? aimak_window_get_db (window) : NULL;
}

/* Re-reads the backup folder of the parent window's database. */
static void
aimak_preferences_window_refresh_backups (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GtkListBoxRow *row;
  gboolean writable;

  g_return_if_fail (AIMAK_IS_PREFERENCES_WINDOW (self));
  while ((row = gtk_list_box_get_row_at_index (self->backups_list, 0)))
    gtk_list_box_remove (self->backups_list, GTK_WIDGET (row));
  writable = db != NULL && !aimak_db_is_read_only (db);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), writable);
  if (db == NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, "");
      return;
    }
  dir = aimak_backup_dir_for (aimak_db_get_path (db));
  {
    /* Subtitles are markup in libadwaita 1.2; a path may hold '&' or '<'. */
    g_autofree char *escaped = g_markup_escape_text (dir, -1);
    adw_action_row_set_subtitle (self->folder_row, escaped);
  }
  backups = aimak_backup_list (aimak_db_get_path (db), &error);
  if (backups == NULL)
    {
      aimak_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups_list,
                         backup_row_new (self, g_ptr_array_index (backups, i), writable));
}

static void
on_confirm_response (AdwMessageDialog       *dialog,
                     const char             *response,
                     AimakPreferencesWindow *self)
{
  g_autoptr(AimakWindow) window = g_weak_ref_get (&self->window);
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autofree char *previous = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || window == NULL)
    return;
  if (!aimak_backups_restore_into_window (window, backup, &previous, &error))
    show_error (self, _("The Backup Was Not Restored"), error);
  else
    {
      g_autofree char *base = g_path_get_basename (previous ? previous : "");
      g_autofree char *message = g_strdup_printf (_("Backup restored. The previous state was "
                                                    "saved as “%s”."), base);
      aimak_toast_show (GTK_WIDGET (self), message);
    }
  aimak_preferences_window_refresh_backups (self);
}

static void
restore_clicked (GtkButton              *button,
                 AimakPreferencesWindow *self)
{
  const char *when = g_object_get_data (G_OBJECT (button), "backup-time");
  g_autofree char *body = g_strdup_printf (_("The database will be replaced by the backup made "
                                             "on %s. Changes made since then are not in it, "
                                             "but the current state is backed up first, so "
                                             "you can go back."), when);
  AdwMessageDialog *dialog = aimak_ask_new (GTK_WINDOW (self), _("Restore This Backup?"), body,
                                            "restore", _("_Restore"), ADW_RESPONSE_DESTRUCTIVE);

  g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "backup-path")),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_now_clicked (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (db == NULL)
    return;
  path = aimak_backup_create (db, NULL, &error);
  if (path == NULL)
    {
      show_error (self, _("The Backup Was Not Made"), error);
      return;
    }
  aimak_toast_show (GTK_WIDGET (self), _("Backup made"));
  aimak_preferences_window_refresh_backups (self);
}

static void
on_open_folder_clicked (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;

  if (db == NULL)
    return;
  dir = aimak_backup_dir_for (aimak_db_get_path (db));
  /* An empty folder is better than an error about a missing one. */
  g_mkdir_with_parents (dir, 0700);
  uri = g_filename_to_uri (dir, NULL, NULL);
  if (uri)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
aimak_preferences_window_dispose (GObject *object)
{
  AimakPreferencesWindow *self = AIMAK_PREFERENCES_WINDOW (object);

  _aimak_preferences_server_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (aimak_preferences_window_parent_class)->dispose (object);
}

static void
aimak_preferences_window_finalize (GObject *object)
{
  AimakPreferencesWindow *self = AIMAK_PREFERENCES_WINDOW (object);

  g_weak_ref_clear (&self->window);
  G_OBJECT_CLASS (aimak_preferences_window_parent_class)->finalize (object);
}

static void
aimak_preferences_window_class_init (AimakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aimak_preferences_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = aimak_preferences_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, suppress_switch);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_now_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_activated);
  _aimak_preferences_server_class_init (widget_class);
}

static void
aimak_preferences_window_init (AimakPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "export-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, language_to_index,
                                index_to_language, NULL, NULL);
  g_settings_bind (self->settings, "export-suppress-small", self->suppress_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-threshold", self->threshold_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-keep", self->keep_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_weak_ref_init (&self->window, NULL);
  _aimak_preferences_server_init (self);
}

AimakPreferencesWindow *
aimak_preferences_window_new (GtkWindow *parent)
{
  AimakPreferencesWindow *self = g_object_new (AIMAK_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent, NULL);

  if (AIMAK_IS_WINDOW (parent))
    g_weak_ref_set (&self->window, parent);
  aimak_preferences_window_refresh_backups (self);
  _aimak_preferences_server_load (self);
  return self;
}
