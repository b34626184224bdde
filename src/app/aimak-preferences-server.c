/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-preferences-server.c — the Office Server page of the preferences
 * (issue 16): the connection settings, saved in the database a moment after
 * each change (aimak_server_config_save(), never the password); the password,
 * kept in the keyring (aimak-secret.h); the areas this desk works on;
 * Test Connection, which runs in a worker thread and says what failed; and
 * Stop Using This Server, which removes the settings and the password after
 * saying what happens to the changes not sent yet. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-ask.h"
#include "aimak-file-chooser.h"
#include "aimak-preferences-window-private.h"
#include "aimak-secret.h"
#include "aimak-server.h"
#include "aimak-sync.h"
#include "aimak-toast.h"
#include "aimak-widget-util.h"

/* The TLS modes, in the order of the Encryption combo row. */
static const char * const sslmodes[] = {
  "verify-full", "verify-ca", "require", "prefer", "disable",
};

/* Areas listed in the search popover at most; the search narrows them. */
#define MAX_CHOICES 60

static guint
sslmode_index (const char *sslmode)
{
  for (guint i = 0; i < G_N_ELEMENTS (sslmodes); i++)
    if (g_strcmp0 (sslmode, sslmodes[i]) == 0)
      return i;
  return 0;
}

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
field_dup (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (field_text (row)));

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static AimakServerConfig *
config_from_fields (AimakPreferencesWindow *self)
{
  AimakServerConfig *config = aimak_server_config_new ();
  g_autoptr(GStrvBuilder) areas = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_free (config->host);
  config->host = field_dup (self->host_row);
  config->port = (guint16) gtk_spin_button_get_value_as_int (self->port_spin);
  g_free (config->dbname);
  config->dbname = field_dup (self->database_row);
  g_free (config->user);
  config->user = field_dup (self->user_row);
  g_free (config->sslmode);
  config->sslmode = g_strdup (sslmodes[MIN (adw_combo_row_get_selected (self->tls_row),
                                            G_N_ELEMENTS (sslmodes) - 1)]);
  g_free (config->sslrootcert);
  config->sslrootcert = field_dup (self->ca_row);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->areas_list, i)); i++)
    g_strv_builder_add (areas, g_object_get_data (G_OBJECT (row), "area-code"));
  g_strfreev (config->areas);
  config->areas = g_strv_builder_end (areas);
  return config;
}

static void
set_test_result (AimakPreferencesWindow *self,
                 const char             *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  /* Subtitles are markup in libadwaita 1.2. */
  adw_action_row_set_subtitle (self->test_row, escaped);
}

static void
on_sync_settings_changed (AimakPreferencesWindow *self)
{
  g_autoptr(GObject) window = g_weak_ref_get (&self->window);

  if (window)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-changed", NULL);
}

static gboolean
save_cb (gpointer user_data)
{
  AimakPreferencesWindow *self = user_data;
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (db == NULL || aimak_db_is_read_only (db))
    return G_SOURCE_REMOVE;
  config = config_from_fields (self);
  if (!aimak_server_config_validate (config, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved yet: %s"), error->message);

      set_test_result (self, message);
      self->save_problem = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (!aimak_server_config_save (db, config, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      set_test_result (self, message);
      self->save_problem = TRUE;
      return G_SOURCE_REMOVE;
    }
  /* A connection test's result stays; only the saving problem goes. */
  if (self->save_problem)
    set_test_result (self, NULL);
  self->save_problem = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->stop_group), TRUE);
  on_sync_settings_changed (self);
  return G_SOURCE_REMOVE;
}

static void
on_server_field_changed (AimakPreferencesWindow *self)
{
  if (self->loading)
    return;
  aimak_timeout_restart (&self->save_id, 400, save_cb, self);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AimakPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aimak_secret_store_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    aimak_toast_show (GTK_WIDGET (self), error->message);
}

static gboolean
store_password_cb (gpointer user_data)
{
  AimakPreferencesWindow *self = user_data;
  g_autoptr(AimakServerConfig) config = config_from_fields (self);
  AimakSecretAccount account = aimak_secret_account_of (config);

  self->password_id = 0;
  if (config->host == NULL || config->user == NULL || config->dbname == NULL)
    return G_SOURCE_REMOVE;
  aimak_secret_store_async (&account, field_text (self->password_row),
                            self->server_cancellable, on_password_stored,
                            g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_password_changed (AimakPreferencesWindow *self)
{
  if (self->loading)
    return;
  aimak_timeout_restart (&self->password_id, 600, store_password_cb, self);
}

/* The server's message says what failed; the first line says what to do. */
static char *
describe_error (const GError *error)
{
  const char *what = NULL;

  if (error->domain == AIMAK_SERVER_ERROR)
    switch ((AimakServerError) error->code)
      {
      case AIMAK_SERVER_ERROR_UNREACHABLE:
        what = _("The server cannot be reached. Check the host and port, and that this "
                 "computer is online.");
        break;
      case AIMAK_SERVER_ERROR_BAD_PASSWORD:
        what = _("The server refused the user name or password.");
        break;
      case AIMAK_SERVER_ERROR_CERTIFICATE:
        what = _("The server’s certificate could not be verified. Check the certificate "
                 "authority file, or ask who runs the server.");
        break;
      case AIMAK_SERVER_ERROR_SCHEMA_TOO_OLD:
        what = _("The server’s database is older than this version of Aimak. Whoever runs "
                 "the server must upgrade it with “aimak-cli server init”.");
        break;
      case AIMAK_SERVER_ERROR_SCHEMA_TOO_NEW:
        what = _("The server’s database was made by a newer version of Aimak. Update Aimak "
                 "on this computer.");
        break;
      case AIMAK_SERVER_ERROR_NO_GRANT:
        what = _("This user may not work on every area listed below. Remove the areas the "
                 "server has not granted, or ask who runs the server.");
        break;
      case AIMAK_SERVER_ERROR_CONFIG:
        what = _("The settings are incomplete.");
        break;
      default:
        break;
      }
  if (what == NULL)
    return g_strdup (error->message);
  return g_strdup_printf ("%s\n%s", what, error->message);
}

/* A green tick or a red warning before the result, or nothing. */
static void
set_test_outcome (AimakPreferencesWindow *self,
                  int                     outcome)
{
  GtkWidget *icon = GTK_WIDGET (self->test_icon);

  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_set_visible (icon, outcome != 0);
  /* libadwaita 1.2 keeps the row's prefix box, and its spacing, when its only
   * child is hidden: the title would stand indented from the other rows'. */
  gtk_widget_set_visible (gtk_widget_get_parent (icon), outcome != 0);
  if (outcome == 0)
    return;
  gtk_image_set_from_icon_name (self->test_icon, outcome > 0 ? "emblem-ok-symbolic"
                                                             : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, outcome > 0 ? "success" : "error");
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AimakPreferencesWindow) self = user_data;
  g_autoptr(AimakServerInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!aimak_server_test_connection_finish (result, &info, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  if (error != NULL)
    {
      text = describe_error (error);
      set_test_outcome (self, -1);
    }
  else
    {
      g_autofree char *areas = info->ministry || info->granted_areas == NULL
                               ? g_strdup (_("all areas"))
                               : g_strjoinv (", ", info->granted_areas);

      /* Translators: "Connected to PostgreSQL 15.5 as desk_naryn; server schema 1; may
       * write: 41708" */
      text = g_strdup_printf (_("Connected to PostgreSQL %s as %s; server schema %d; may "
                                "write: %s"), info->server_version, info->role,
                              info->schema_version, areas);
      set_test_outcome (self, 1);
    }
  set_test_result (self, text);
}

static void
on_test_clicked (AimakPreferencesWindow *self)
{
  g_autoptr(AimakServerConfig) config = config_from_fields (self);
  g_autoptr(GError) error = NULL;
  const char *password = field_text (self->password_row);

  set_test_outcome (self, 0);
  if (!aimak_server_config_validate (config, &error))
    {
      g_autofree char *text = describe_error (error);

      set_test_outcome (self, -1);
      set_test_result (self, text);
      return;
    }
  self->save_problem = FALSE;
  set_test_result (self, _("Connecting…"));
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  aimak_server_test_connection_async (config, password[0] ? password : NULL,
                                      self->server_cancellable, on_tested,
                                      g_object_ref (self));
}

static const char *
db_language (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);

  return db ? aimak_db_get_language (db) : "en";
}

static void
on_remove_area_clicked (GtkButton              *button,
                        AimakPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->areas_list, row);
  on_server_field_changed (self);
}

static gboolean
has_area (AimakPreferencesWindow *self,
          const char             *code)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->areas_list, i)); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "area-code"), code) == 0)
      return TRUE;
  return FALSE;
}

/* A row of an area: its name, and its kind and code below. An area the
 * database does not know (a stored code from another reference) shows its
 * code. */
static GtkWidget *
area_row_new (AimakPreferencesWindow *self,
              const char             *code,
              gboolean                removable)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(AimakArea) area = db ? aimak_area_get (db, code, NULL) : NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 area ? aimak_area_name (area, db_language (self)) : code);
  /* Translators: an area's kind and code, e.g. "Rayon · 41708" */
  subtitle = area ? g_strdup_printf (_("%s · %s"), aimak_area_type_label (area->type), code)
                  : g_strdup (code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "area-code", g_strdup (code), g_free);
  if (removable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), area
                                                ? aimak_area_name (area, db_language (self))
                                                : code);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_area_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
fill_area_choices (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->area_search));
  g_autofree char *needle = g_utf8_casefold (search, -1);
  GtkListBoxRow *row;
  guint shown = 0;

  while ((row = gtk_list_box_get_row_at_index (self->area_choices, 0)))
    gtk_list_box_remove (self->area_choices, GTK_WIDGET (row));
  if (db == NULL)
    return;
  if (self->all_areas == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->all_areas = aimak_area_list (db, -1, &error);
      if (self->all_areas == NULL)
        {
          aimak_toast_show (GTK_WIDGET (self), error->message);
          return;
        }
    }
  for (guint i = 0; i < self->all_areas->len && shown < MAX_CHOICES; i++)
    {
      AimakArea *area = g_ptr_array_index (self->all_areas, i);

      if (has_area (self, area->code) || (needle[0] && !aimak_area_matches (area, needle)))
        continue;
      gtk_list_box_append (self->area_choices, area_row_new (self, area->code, FALSE));
      shown++;
    }
}

static void
on_area_popover_show (AimakPreferencesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->area_search), "");
  fill_area_choices (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_search));
}

static void
on_area_search_changed (AimakPreferencesWindow *self)
{
  fill_area_choices (self);
}

static void
add_area (AimakPreferencesWindow *self,
          const char             *code)
{
  if (code == NULL || has_area (self, code))
    return;
  gtk_list_box_append (self->areas_list, area_row_new (self, code, TRUE));
  on_server_field_changed (self);
}

static void
on_area_chosen (AimakPreferencesWindow *self,
                GtkListBoxRow          *row)
{
  add_area (self, g_object_get_data (G_OBJECT (row), "area-code"));
  gtk_popover_popdown (self->area_popover);
}

static void
on_area_search_activate (AimakPreferencesWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->area_choices, 0);

  if (first)
    on_area_chosen (self, first);
}

static void
on_password_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AimakPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = aimak_secret_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error)
    {
      aimak_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  /* Typed while the keyring answered: the user's text wins. */
  if (password != NULL && field_text (self->password_row)[0] == '\0')
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      self->loading = FALSE;
    }
  aimak_server_password_free (g_steal_pointer (&password));
}

/* ---- Stop Using This Server ---- */

static void
on_password_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimakPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aimak_secret_clear_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The password could not be removed from "
                                                    "the keyring: %s"), error->message);

      aimak_toast_show (GTK_WIDGET (self), message);
    }
}

static void
on_stop_response (AdwMessageDialog       *dialog,
                  const char             *response,
                  AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  AimakSecretAccount account;

  if (g_strcmp0 (response, "stop") != 0 || db == NULL)
    return;
  /* A change typed a moment ago must not bring the settings back. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->password_id, g_source_remove);
  config = aimak_server_config_load (db, &error);
  if (config == NULL || !aimak_server_config_clear (db, &error))
    {
      aimak_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  if (config->host != NULL && config->user != NULL && config->dbname != NULL)
    {
      account = aimak_secret_account_of (config);
      aimak_secret_clear_async (&account, self->server_cancellable, on_password_cleared,
                                g_object_ref (self));
    }
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  self->loading = FALSE;
  set_test_outcome (self, 0);
  set_test_result (self, NULL);
  _aimak_preferences_server_load (self);
  on_sync_settings_changed (self);
  aimak_toast_show (GTK_WIDGET (self), _("This desk no longer syncs with the office server."));
}

/* The dialog's text: what stops, what stays, and what happens to the
 * changes not sent yet. */
static char *
stop_body (AimakDb                 *db,
           const AimakServerConfig *config)
{
  gint64 pending = aimak_sync_pending_count (db, NULL);
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, _("This desk will no longer sync with “%s”. Everything in "
                                  "this computer’s database stays as it is, and the server "
                                  "keeps what it has received. The server settings and the "
                                  "password saved in the keyring are removed."),
                          config->host ? config->host : "");
  g_string_append (body, "\n\n");
  if (pending > 0)
    g_string_append_printf (body, g_dngettext (NULL,
                                               "%d change not sent yet stays queued on this "
                                               "computer; it is sent if this desk is set to "
                                               "this server again.",
                                               "%d changes not sent yet stay queued on this "
                                               "computer; they are sent if this desk is set to "
                                               "this server again.", pending), (int) pending);
  else
    g_string_append (body, _("Every change of this desk is on the server."));
  return g_string_free (body, FALSE);
}

static void
on_stop_clicked (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (db == NULL)
    return;
  config = aimak_server_config_load (db, &error);
  if (config == NULL)
    {
      aimak_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  body = stop_body (db, config);
  dialog = aimak_ask_new (GTK_WINDOW (self), _("Stop Using This Server?"), body, "stop",
                         _("_Stop Using"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_aimak_preferences_server_load (AimakPreferencesWindow *self)
{
  AimakDb *db = _aimak_preferences_window_get_db (self);
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  AimakSecretAccount account;
  GtkListBoxRow *row;

  if (db == NULL)
    return;
  config = aimak_server_config_load (db, &error);
  if (config == NULL)
    {
      set_test_result (self, error->message);
      return;
    }
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), config->host ? config->host : "");
  gtk_spin_button_set_value (self->port_spin,
                             config->port ? config->port : AIMAK_SERVER_DEFAULT_PORT);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), config->dbname ? config->dbname : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), config->user ? config->user : "");
  adw_combo_row_set_selected (self->tls_row, sslmode_index (config->sslmode));
  gtk_editable_set_text (GTK_EDITABLE (self->ca_row),
                         config->sslrootcert ? config->sslrootcert : "");
  while ((row = gtk_list_box_get_row_at_index (self->areas_list, 0)))
    gtk_list_box_remove (self->areas_list, GTK_WIDGET (row));
  for (guint i = 0; config->areas && config->areas[i]; i++)
    gtk_list_box_append (self->areas_list, area_row_new (self, config->areas[i], TRUE));
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->stop_group), config->host != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), !aimak_db_is_read_only (db));
  if (aimak_db_is_read_only (db))
    set_test_result (self, _("The database is open read-only: the server settings cannot be "
                             "changed."));
  if (config->host == NULL || config->user == NULL || config->dbname == NULL)
    return;
  account = aimak_secret_account_of (config);
  aimak_secret_lookup_async (&account, self->server_cancellable, on_password_found,
                             g_object_ref (self));
}

/* libadwaita 1.2's password row shows its peek toggle as a button with only
 * an icon and no name for screen readers: name it once the row is built. */
static void
name_peek_icons (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *child = GTK_IS_BUTTON (c) ? gtk_button_get_child (GTK_BUTTON (c)) : NULL;
      const char *icon = GTK_IS_IMAGE (child) ? gtk_image_get_icon_name (GTK_IMAGE (child)) : NULL;

      if (icon != NULL && g_str_has_prefix (icon, "view-"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show Password"), -1);
      name_peek_icons (c);
    }
}

void
_aimak_preferences_server_init (AimakPreferencesWindow *self)
{
  name_peek_icons (GTK_WIDGET (self->password_row));
  set_test_outcome (self, 0);
  self->server_cancellable = g_cancellable_new ();
}

void
_aimak_preferences_server_ca_chosen (gpointer  owner,
                                     GFile    *file)
{
  AimakPreferencesWindow *self = owner;
  g_autofree char *path = g_file_get_path (file);

  /* A file without a local path (a remote location) cannot be read by libpq. */
  if (path == NULL)
    {
      aimak_toast_show (GTK_WIDGET (self),
                        _("The certificate authority file must be a file on this computer."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->ca_row), path);
}

static void
on_ca_choose_clicked (AimakPreferencesWindow *self)
{
  aimak_file_chooser_ask_open (GTK_WINDOW (self), _("Choose the Certificate Authority File"),
                               AIMAK_CHOOSER_FILTER_CERTIFICATES, TRUE, &self->ca_chooser,
                               _aimak_preferences_server_ca_chosen, self);
}

void
_aimak_preferences_server_dispose (AimakPreferencesWindow *self)
{
  aimak_file_chooser_clear (&self->ca_chooser);
  /* A change typed just before closing is still saved. */
  if (self->save_id)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_cb (self);
    }
  if (self->password_id)
    {
      g_clear_handle_id (&self->password_id, g_source_remove);
      store_password_cb (self);
    }
  aimak_cancellable_clear (&self->server_cancellable);
  g_clear_pointer (&self->all_areas, g_ptr_array_unref);
}

void
_aimak_preferences_server_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, port_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, tls_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, ca_button);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, test_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, test_icon);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, area_popover);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, area_search);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, area_choices);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, areas_list);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, stop_group);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, on_server_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_area_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_area_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_area_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_area_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_choose_clicked);
}
