/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-ui.c — the office server in the GUI (issue 16), run by
 * keyring-session.sh so that passwords go to a real keyring: the Office
 * Server preferences saved and loaded, Test Connection naming an unreachable
 * host, the header-bar sync button following the changes waiting; and, when
 * PostgreSQL is installed, the "Done when": two desks and one server
 * sync, one goes offline and edits, the other edits the same priority, the
 * conflict is reviewed and resolved, and a third desk without the grant reads
 * neither desk's area. */
#include "config.h"

#include <adwaita.h>
#include <sys/wait.h>

#include "aimak-areas-page.h"
#include "aimak-area-item.h"
#include "aimak-merge-review.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor-private.h"
#include "aimak-preferences-window-private.h"
#include "aimak-secret.h"
#include "aimak-server.h"
#include "aimak-sync.h"
#include "aimak-sync-areas.h"
#include "aimak-sync-button-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"  /* Issyk-Kul › Jeti-Oguz › Barskoon */
#define BATKEN   "KG05000000000"
#define JETI_OGUZ "KG02210830000"
#define MERGED   "KG02210900000"  /* test data, not an official code */
#define AREAS_HEADER "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky," \
                     "parent_code,legal_act\n"

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  aimak_test_iterate ();
  return TRUE;
}

static gboolean
spinner_stopped (gpointer data)
{
  return !gtk_spinner_get_spinning (AIMAK_PREFERENCES_WINDOW (data)->test_spinner);
}

static gboolean
not_syncing (gpointer data)
{
  return aimak_sync_button_get_state (data) != AIMAK_SYNC_STATE_SYNCING;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The sync button in the header bar of @window. */
static AimakSyncButton *
sync_button_of (AimakWindow *window)
{
  return AIMAK_SYNC_BUTTON (aimak_test_find_type (GTK_WIDGET (window), AIMAK_TYPE_SYNC_BUTTON));
}

/* Done with a main window: its database let go (the sync button stops its
 * timers) and the window hidden, not destroyed, because GTK 4.8 can run a
 * tooltip timeout of a destroyed window under Xvfb's still pointer
 * (gdk_surface_get_device_position on no surface). */
static void
retire_window (AimakWindow *window)
{
  g_object_set (window, "db", NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  aimak_test_iterate ();
}

typedef struct
{
  GMainLoop *loop;
  char      *password;
} Lookup;

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;

  lookup->password = aimak_secret_lookup_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (lookup->loop);
}

static char *
keyring_password (const char *host,
                  guint       port,
                  const char *user,
                  const char *database)
{
  AimakSecretAccount account = { host, port, user, database };
  Lookup lookup = { g_main_loop_new (NULL, FALSE), NULL };

  aimak_secret_lookup_async (&account, NULL, on_lookup, &lookup);
  g_main_loop_run (lookup.loop);
  g_main_loop_unref (lookup.loop);
  return lookup.password;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_secret_store_finish (result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

static void
keyring_store (const AimakServerConfig *config,
               const char              *password)
{
  AimakSecretAccount account = { config->host, config->port, config->user, config->dbname };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  aimak_secret_store_async (&account, password, NULL, on_stored, loop);
  g_main_loop_run (loop);
}

/* The fields go to the database (not the password), and come back in a
 * new preferences window; the password goes to the keyring. */
static void
test_preferences_saved_loaded (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  AimakPreferencesWindow *prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  g_autoptr(AimakServerConfig) config = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  aimak_test_iterate ();
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (prefs), "Areas of This Desk"));
  /* The default TLS mode is the strictest. */
  g_assert_cmpuint (adw_combo_row_get_selected (prefs->tls_row), ==, 0);

  set_text (prefs->host_row, "db.example.kg");
  gtk_spin_button_set_value (prefs->port_spin, 6432);
  set_text (prefs->database_row, "aimak");
  set_text (prefs->user_row, "desk_barskoon");
  adw_combo_row_set_selected (prefs->tls_row, 1);
  set_text (prefs->password_row, "secret-ÿ");
  /* An area from the search popover, as a user picks it. */
  gtk_popover_popup (prefs->area_popover);
  aimak_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (prefs->area_search), "Barskoon");
  aimak_test_wait_ms (300);
  g_signal_emit_by_name (prefs->area_search, "activate");
  aimak_test_iterate ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (prefs->areas_list, 0));
  aimak_test_wait_ms (900);

  config = aimak_server_config_load (tdb->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->host, ==, "db.example.kg");
  g_assert_cmpuint (config->port, ==, 6432);
  g_assert_cmpstr (config->dbname, ==, "aimak");
  g_assert_cmpstr (config->user, ==, "desk_barskoon");
  g_assert_cmpstr (config->sslmode, ==, "verify-ca");
  g_assert_cmpuint (g_strv_length (config->areas), ==, 1);
  g_assert_cmpstr (config->areas[0], ==, BARSKOON);
  password = keyring_password ("db.example.kg", 6432, "desk_barskoon", "aimak");
  g_assert_cmpstr (password, ==, "secret-ÿ");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* A second window shows what was saved, the password from the keyring. */
  prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  aimak_test_wait_ms (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->host_row)), ==, "db.example.kg");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->port_spin), ==, 6432);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->user_row)), ==, "desk_barskoon");
  g_assert_cmpuint (adw_combo_row_get_selected (prefs->tls_row), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->password_row)), ==, "secret-ÿ");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (prefs), "Barskoon"));

  /* The certificate authority file, chosen with the button beside its field
   * (the portal cannot be driven here: the chooser's answer is given). A file
   * with no local path is refused; a local one is saved as typed would be. */
  {
    g_autofree char *ca = g_build_filename (tdb->dir, "office-ca.pem", NULL);
    g_autoptr(GFile) ca_file = g_file_new_for_path (ca);
    g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.org/ca.pem");
    g_autoptr(AimakServerConfig) saved = NULL;

    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (prefs->ca_button)));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (prefs->ca_button)), ==,
                     "Choose the Certificate Authority File");
    _aimak_preferences_server_ca_chosen (prefs, remote);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->ca_row)), ==, "");
    _aimak_preferences_server_ca_chosen (prefs, ca_file);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->ca_row)), ==, ca);
    aimak_test_wait_ms (900);
    saved = aimak_server_config_load (tdb->db, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (saved->sslrootcert, ==, ca);
  }

  /* An incomplete change is not saved, and the page says why. */
  set_text (prefs->database_row, "");
  aimak_test_wait_ms (700);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (prefs->test_row), "Not saved yet"));
  {
    g_autoptr(AimakServerConfig) again = aimak_server_config_load (tdb->db, &error);
    g_assert_cmpstr (again->dbname, ==, "aimak");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  retire_window (window);
}

/* Test Connection runs off the main thread and names what failed. */
static void
test_connection_unreachable (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  AimakPreferencesWindow *prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  const char *subtitle;

  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  set_text (prefs->host_row, "127.0.0.1");
  gtk_spin_button_set_value (prefs->port_spin, aimak_test_dead_port ());
  set_text (prefs->database_row, "aimak");
  set_text (prefs->user_row, "desk_barskoon");
  adw_combo_row_set_selected (prefs->tls_row, 4);
  aimak_test_iterate ();
  g_signal_emit_by_name (prefs->test_button, "clicked");
  /* The window stays responsive: the spinner turns while libpq connects. */
  g_assert_true (gtk_spinner_get_spinning (prefs->test_spinner));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (prefs->test_button)));
  g_assert_true (wait_until (spinner_stopped, prefs, 60));
  subtitle = adw_action_row_get_subtitle (prefs->test_row);
  g_test_message ("Test Connection said: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "The server cannot be reached"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs->test_icon)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (prefs->test_icon), "error"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (prefs->test_button)));

  /* Incomplete settings are refused before any connection, naming the field. */
  set_text (prefs->user_row, "");
  g_signal_emit_by_name (prefs->test_button, "clicked");
  g_assert_false (gtk_spinner_get_spinning (prefs->test_spinner));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (prefs->test_row), "user name"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  retire_window (window);
}

static AimakServerConfig *
desk_config (const char *host,
             guint       port,
             const char *user,
             const char *sslmode,
             const char *area)
{
  AimakServerConfig *config = aimak_server_config_new ();
  const char *areas[] = { area, NULL };

  config->host = g_strdup (host);
  config->port = port;
  config->dbname = g_strdup ("aimak");
  config->user = g_strdup (user);
  g_free (config->sslmode);
  config->sslmode = g_strdup (sslmode);
  g_strfreev (config->areas);
  config->areas = g_strdupv ((char **) areas);
  return config;
}

static char *
new_priority (AimakDb    *db,
              const char *area,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  AimakPriority *p = aimak_priority_new (area);
  char *id;

  p->title = g_strdup (title);
  g_assert_true (aimak_priority_create (db, p, &error));
  g_assert_no_error (error);
  id = g_strdup (p->id);
  aimak_priority_free (p);
  return id;
}

static void
set_title (AimakDb    *db,
           const char *id,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  AimakPriority *p = aimak_priority_load (db, id, &error);

  g_assert_no_error (error);
  g_free (p->title);
  p->title = g_strdup (title);
  g_assert_true (aimak_priority_update (db, p, &error));
  g_assert_no_error (error);
  aimak_priority_free (p);
}

/* The button follows the settings and the changes waiting, and an
 * unreachable server shows as offline with the reason. */
static void
test_button_states (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  AimakSyncButton *button = sync_button_of (window);
  g_autoptr(AimakServerConfig) config = desk_config ("127.0.0.1", aimak_test_dead_port (),
                                                     "desk_barskoon", "disable", BARSKOON);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *tooltip;

  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_nonnull (button);
  /* No server: no button. */
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_UNCONFIGURED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));

  g_assert_true (aimak_server_config_save (tdb->db, config, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-changed", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_SYNCED);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "Not synced yet");

  /* Edits of the desk's area wait for the server, counted. */
  id = new_priority (tdb->db, BARSKOON, "Drinking water for Barskoon");
  aimak_sync_button_refresh (button);
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_PENDING);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "1 waiting");
  g_free (new_priority (tdb->db, BARSKOON, "A kindergarten"));
  aimak_sync_button_refresh (button);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "2 waiting");
  /* A change to an area this desk may only read (made outside the editors,
   * which refuse it) is not counted as waiting; the popover says it stays. */
  g_assert_true (aimak_db_exec (tdb->db, &error, "INSERT INTO priority (id, area_code, rank, "
                                "title, created_at, updated_at) VALUES ('ro-1', ?, 1, 'Road', "
                                "'x', 'x')", "t", BATKEN));
  aimak_sync_button_refresh (button);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "2 waiting");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (
    gtk_widget_get_first_child (GTK_WIDGET (button)))),
    "1 change to areas this desk may only read stays on this computer"));

  /* Ctrl+Shift+S syncs; the server is not there: offline, with the reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_SYNCING);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "Syncing…");
  /* Edits go on while it runs. */
  set_title (tdb->db, id, "Drinking water for Barskoon and Tamga");
  g_assert_true (wait_until (not_syncing, button, 60));
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_OFFLINE);
  g_assert_cmpstr (aimak_sync_button_get_text (button), ==, "Offline");
  tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_first_child (
    gtk_widget_get_first_child (GTK_WIDGET (button))));
  g_test_message ("Offline tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "2 changes waiting"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (button), "Offline"));
  /* Server Settings in the popover opens the Office Server page. */
  {
    GtkWidget *menu = aimak_test_find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
    GtkWidget *label;
    g_autoptr(GList) toplevels = NULL;
    AdwPreferencesWindow *prefs = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    aimak_test_iterate ();
    label = aimak_test_find_label (popover, "Server Settings");
    g_assert_nonnull (label);
    g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
    aimak_test_iterate ();
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (AIMAK_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        prefs = l->data;
    g_assert_nonnull (prefs);
    g_assert_cmpstr (adw_preferences_window_get_visible_page_name (prefs), ==, "server");
    gtk_window_destroy (GTK_WINDOW (prefs));
  }
  retire_window (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Stop Using This Server…: the dialog says what happens to the changes not
 * sent; Cancel changes nothing; Stop Using removes the settings and the
 * password, hides the sync button, and keeps the records and their queue. */
static void
test_stop_using (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakServerConfig) config = desk_config ("db.example.kg", 5432, "desk_barskoon",
                                                     "verify-full", BARSKOON);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  AimakWindow *window;
  AimakSyncButton *button;
  AimakPreferencesWindow *prefs;
  AdwMessageDialog *dialog;

  g_assert_true (aimak_server_config_save (tdb->db, config, &error));
  keyring_store (config, "pw-barskoon");
  g_free (new_priority (tdb->db, BARSKOON, "Drinking water for Barskoon"));
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_present (GTK_WINDOW (window));
  button = sync_button_of (window);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  aimak_test_wait_ms (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs->stop_group)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (prefs->stop_button)));

  /* Cancel: nothing changes. */
  g_signal_emit_by_name (prefs->stop_button, "clicked");
  aimak_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stop Using This Server?");
  g_test_message ("Stop dialog: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "db.example.kg"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "1 change not sent yet stays queued"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  aimak_test_iterate ();
  g_assert_true (aimak_server_is_configured (tdb->db));

  /* Stop Using. */
  g_signal_emit_by_name (prefs->stop_button, "clicked");
  aimak_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  aimak_test_wait_ms (500);
  g_assert_false (aimak_server_is_configured (tdb->db));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->host_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefs->password_row)), ==, "");
  g_assert_null (gtk_list_box_get_row_at_index (prefs->areas_list, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prefs->stop_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_UNCONFIGURED);
  password = keyring_password ("db.example.kg", 5432, "desk_barskoon", "aimak");
  g_assert_null (password);
  g_assert_cmpint (aimak_db_query_int (tdb->db, -1, NULL, "SELECT count(*) FROM priority "
                                       "WHERE revision > base_revision", NULL), ==, 1);
  /* Nothing typed a moment later brings the settings back. */
  aimak_test_wait_ms (800);
  g_assert_false (aimak_server_is_configured (tdb->db));
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_false (aimak_server_is_configured (tdb->db));
  retire_window (window);
}

/* The priority editor, on a priority of an area this desk may only read:
 * the form is not editable and says why on opening; an edit is refused with
 * the reason, and nothing is stored. */
static void
test_editor_read_only_area (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakServerConfig) config = desk_config ("db.example.kg", 5432, "desk_batken",
                                                     "verify-full", BATKEN);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = new_priority (tdb->db, BARSKOON, "Drinking water for Barskoon");
  g_autofree char *stored = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = aimak_priority_editor_new ();
  GtkWidget *title;
  const char *refusal;

  g_assert_true (aimak_server_config_save (tdb->db, config, &error));
  gtk_window_set_child (GTK_WINDOW (window), editor);
  aimak_priority_editor_set_db (AIMAK_PRIORITY_EDITOR (editor), tdb->db);
  g_assert_true (aimak_priority_editor_load (AIMAK_PRIORITY_EDITOR (editor), id, &error));
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  title = aimak_priority_editor_get_field_widget (AIMAK_PRIORITY_EDITOR (editor), "title");
  /* Said on opening, and the form is not editable. */
  g_assert_false (gtk_widget_is_sensitive (title));
  refusal = aimak_priority_editor_get_refusal (AIMAK_PRIORITY_EDITOR (editor));
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "This desk may only read “Barskoon”"));
  /* Text set by other means is still refused at the save. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Drinking water, edited in Batken");
  g_assert_false (aimak_priority_editor_flush (AIMAK_PRIORITY_EDITOR (editor)));
  aimak_test_iterate ();
  refusal = aimak_priority_editor_get_refusal (AIMAK_PRIORITY_EDITOR (editor));
  g_test_message ("Refusal: %s", refusal);
  g_assert_nonnull (strstr (refusal, "This desk may only read “Barskoon”"));
  g_assert_nonnull (strstr (refusal, "Batken"));
  stored = aimak_db_query_text (tdb->db, &error, "SELECT title FROM priority WHERE id = ?", "t",
                                id);
  g_assert_cmpstr (stored, ==, "Drinking water for Barskoon");
  aimak_priority_editor_discard (AIMAK_PRIORITY_EDITOR (editor));
  gtk_widget_set_visible (window, FALSE);
  aimak_test_iterate ();
}

/* The shortcuts window lists Sync Now and every accelerator the application
 * and the main window set. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  const char *expected[] = {
    "<Control><Shift>s", "<Control>f", "<Control>e", "<Control>comma", "<Control>question",
    "<Control>w", "<Control>q", "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Control>n",
    "Delete", "<Alt>Up", "<Alt>Down", "<Control>z",
  };

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        g_ptr_array_add (listed, accel);
      }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < listed->len && !found; j++)
        found = g_strcmp0 (g_ptr_array_index (listed, j), expected[i]) == 0;
      if (!found)
        g_error ("The shortcuts window does not list %s", expected[i]);
    }
}

/* tests/pg-server.sh CMD DIR: its output (the admin URL for start), or NULL
 * when PostgreSQL is not installed. */
static char *
pg_server (const char *cmd,
           const char *dir)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pg-server.sh", NULL);
  const char *argv[] = { "sh", script, cmd, dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_free (out);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pg-server.sh %s: %s\n%s", cmd, error->message, err);
  return g_strstrip (out);
}

typedef struct
{
  AimakTestDb     *tdb;
  AimakWindow     *window;
  AimakSyncButton *button;
} Desk;

static void
desk_open (Desk                    *desk,
           const AimakServerConfig *config,
           const char              *password)
{
  g_autoptr(GError) error = NULL;

  desk->tdb = aimak_test_db_new ();
  g_assert_true (aimak_server_config_save (desk->tdb->db, config, &error));
  g_assert_no_error (error);
  keyring_store (config, password);
  desk->window = aimak_window_new (NULL, desk->tdb->db);
  gtk_window_present (GTK_WINDOW (desk->window));
  desk->button = sync_button_of (desk->window);
  aimak_test_iterate ();
}

static void
desk_close (Desk *desk)
{
  retire_window (desk->window);
  aimak_test_db_free (desk->tdb);
}

/* Ctrl+Shift+S on @desk's window, and the wait until the sync ended. */
static AimakSyncState
desk_sync (Desk *desk)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.sync", NULL));
  g_assert_cmpint (aimak_sync_button_get_state (desk->button), ==, AIMAK_SYNC_STATE_SYNCING);
  g_assert_true (wait_until (not_syncing, desk->button, 120));
  g_test_message ("sync: %s", aimak_sync_button_get_text (desk->button));
  return aimak_sync_button_get_state (desk->button);
}

static char *
title_of (Desk       *desk,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  AimakPriority *p = aimak_priority_load (desk->tdb->db, id, &error);
  char *title;

  if (p == NULL)
    return NULL;
  title = g_strdup (p->title);
  aimak_priority_free (p);
  return title;
}

static GtkWidget *
find_review_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
set_up_server (const char *dir,
               AimakDb    *db,
               AimakServerConfig **admin_out,
               char      **admin_pw_out)
{
  g_autofree char *url = pg_server ("start", dir);
  g_autofree char *pw_file = g_build_filename (dir, "admin.pw", NULL);
  g_autoptr(GError) error = NULL;
  char *admin_pw = NULL;

  g_assert_true (g_file_get_contents (pw_file, &admin_pw, NULL, &error));
  g_assert_no_error (error);
  g_strstrip (admin_pw);
  *admin_out = aimak_server_config_from_url (url, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_server_init (*admin_out, admin_pw, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  *admin_pw_out = admin_pw;
}

static void
add_desk (const AimakServerConfig *admin,
          const char              *admin_pw,
          const char              *name,
          const char              *area)
{
  const char *areas[] = { area, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_server_add_desk (admin, admin_pw, name, "pw-of-desk", areas, FALSE,
                                        NULL, &error));
  g_assert_no_error (error);
}

/* The "Done when", through the sync buttons of three windows. */
static void
test_two_desks_conflict (void)
{
  g_autofree char *tmp = aimak_test_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "pg", NULL);
  g_autoptr(AimakServerConfig) admin = NULL;
  g_autoptr(AimakServerConfig) config_a = NULL;
  g_autoptr(AimakServerConfig) config_b = NULL;
  g_autoptr(AimakServerConfig) config_c = NULL;
  g_autofree char *admin_pw = NULL;
  g_autofree char *found = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  Desk a = { 0 }, b = { 0 }, c = { 0 };
  GtkWidget *dialog;

  found = pg_server ("find", dir);
  if (found == NULL)
    {
      g_test_skip ("PostgreSQL is not installed (Debian package postgresql)");
      aimak_test_rmdir (tmp);
      return;
    }
  {
    g_autoptr(AimakTestDb) setup = aimak_test_db_new ();

    set_up_server (dir, setup->db, &admin, &admin_pw);
  }
  add_desk (admin, admin_pw, "desk_a", BARSKOON);
  add_desk (admin, admin_pw, "desk_b", BARSKOON);
  add_desk (admin, admin_pw, "desk_c", BATKEN);
  config_a = desk_config (admin->host, admin->port, "desk_a", "disable", BARSKOON);
  config_b = desk_config (admin->host, admin->port, "desk_b", "disable", BARSKOON);
  config_c = desk_config (admin->host, admin->port, "desk_c", "disable", BATKEN);
  desk_open (&a, config_a, "pw-of-desk");
  desk_open (&b, config_b, "pw-of-desk");
  desk_open (&c, config_c, "pw-of-desk");

  /* Both sync: A's priority reaches B. */
  id = new_priority (a.tdb->db, BARSKOON, "Drinking water");
  g_assert_cmpint (desk_sync (&a), ==, AIMAK_SYNC_STATE_SYNCED);
  g_assert_cmpint (desk_sync (&b), ==, AIMAK_SYNC_STATE_SYNCED);
  title = title_of (&b, id);
  g_assert_cmpstr (title, ==, "Drinking water");
  g_clear_pointer (&title, g_free);

  /* A is offline (the server is down) and edits; its edit waits. */
  g_free (pg_server ("stop", dir));
  g_assert_cmpint (desk_sync (&a), ==, AIMAK_SYNC_STATE_OFFLINE);
  set_title (a.tdb->db, id, "Drinking water for Barskoon");
  aimak_sync_button_refresh (a.button);
  g_assert_cmpint (aimak_sync_button_get_state (a.button), ==, AIMAK_SYNC_STATE_OFFLINE);
  g_free (pg_server ("start", dir));

  /* B edits the same priority and syncs first. */
  set_title (b.tdb->db, id, "Drinking water and sewage");
  g_assert_cmpint (desk_sync (&b), ==, AIMAK_SYNC_STATE_SYNCED);

  /* A back online: the conflict is reviewed, nothing overwritten meanwhile. */
  desk_sync (&a);
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  title = title_of (&a, id);
  g_assert_cmpstr (title, ==, "Drinking water for Barskoon");
  g_clear_pointer (&title, g_free);
  /* The exchange's review, field by field: Apply waits until it is decided;
   * Keep Mine, then Apply Decisions, clicked as the user does. */
  {
    AimakMergeReview *review = AIMAK_MERGE_REVIEW (aimak_test_find_type (dialog,
                                                                         AIMAK_TYPE_MERGE_REVIEW));
    GtkWidget *keep;

    g_assert_nonnull (review);
    g_assert_cmpuint (aimak_merge_review_get_n_conflicts (review), ==, 1);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "apply"));
    g_assert_nonnull (aimak_test_find_label (dialog, "Drinking water and sewage"));
    keep = aimak_merge_review_get_button (review, id, NULL, AIMAK_MERGE_KEEP_MINE);
    g_assert_nonnull (keep);
    g_signal_emit_by_name (keep, "clicked");
    aimak_test_iterate ();
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                            "apply"));
    g_signal_emit_by_name (gtk_widget_get_ancestor (aimak_test_find_label (dialog,
                                                                           "Apply Decisions"),
                                                    GTK_TYPE_BUTTON), "clicked");
  }
  aimak_test_iterate ();
  g_assert_true (wait_until (not_syncing, a.button, 120));
  g_assert_null (find_review_dialog ());
  g_assert_cmpint (aimak_sync_button_get_state (a.button), ==, AIMAK_SYNC_STATE_SYNCED);

  /* B gets the decision. */
  g_assert_cmpint (desk_sync (&b), ==, AIMAK_SYNC_STATE_SYNCED);
  title = title_of (&b, id);
  g_assert_cmpstr (title, ==, "Drinking water for Barskoon");
  g_clear_pointer (&title, g_free);

  /* C, granted Batken only, syncs but reads nothing of Barskoon. */
  g_assert_cmpint (desk_sync (&c), ==, AIMAK_SYNC_STATE_SYNCED);
  title = title_of (&c, id);
  g_assert_null (title);

  desk_close (&a);
  desk_close (&b);
  desk_close (&c);
  g_free (pg_server ("stop", dir));
  aimak_test_rmdir (tmp);
}

/* A change list of areas read from @csv (its header added). */
static AimakAreaChangeList *
area_list (const char *csv)
{
  g_autofree char *text = g_strconcat (AREAS_HEADER, csv, NULL);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (text), -1,
                                                                     g_free);
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) error = NULL;
  AimakAreaChangeList *list = aimak_area_change_list_read (in, "test.csv", problems, NULL,
                                                           &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  return list;
}

/* The first drawable label below @root whose text begins with @prefix. */
static GtkLabel *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (c) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (c)), prefix)
          && gtk_widget_is_drawable (c))
        return GTK_LABEL (c);
      if ((found = find_label_prefix (c, prefix)))
        return found;
    }
  return NULL;
}

static gboolean
scope_has (AimakPrioritiesPage *page,
           const char          *code)
{
  GListModel *items = G_LIST_MODEL (page->scope_items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AimakAreaItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (aimak_area_item_get_code (item), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Issue 17: the owner publishes a merger of Barskoon; desk A's sync button
 * applies it and says so (a toast with Details, the popover), its views show
 * the new area and Barskoon as former; desk B, which merged Barskoon
 * elsewhere on its own, is told the list was refused and why. */
static void
test_area_changes (void)
{
  g_autofree char *tmp = aimak_test_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "pg", NULL);
  g_autofree char *found = pg_server ("find", dir);
  g_autoptr(AimakServerConfig) admin = NULL, config_a = NULL, config_b = NULL;
  g_autoptr(AimakAreaChangeList) merger = NULL, own = NULL;
  g_autoptr(AimakTestDb) owner = NULL;
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *admin_pw = NULL;
  AimakPrioritiesPage *priorities;
  Desk a = { 0 }, b = { 0 };
  GtkLabel *toast;
  GtkWidget *dialog;

  if (found == NULL)
    {
      g_test_skip ("PostgreSQL is not installed (Debian package postgresql)");
      aimak_test_rmdir (tmp);
      return;
    }
  owner = aimak_test_db_new ();
  set_up_server (dir, owner->db, &admin, &admin_pw);
  add_desk (admin, admin_pw, "desk_a", BARSKOON);
  add_desk (admin, admin_pw, "desk_b", BARSKOON);
  config_a = desk_config (admin->host, admin->port, "desk_a", "disable", BARSKOON);
  config_b = desk_config (admin->host, admin->port, "desk_b", "disable", BARSKOON);
  desk_open (&a, config_a, "pw-of-desk");
  desk_open (&b, config_b, "pw-of-desk");
  own = area_list ("2024-05-01,merged_into," BARSKOON ",KG02210815001,Other (test),,,"
                   "KG02210000000,Other law (test data)\n");
  g_assert_cmpint (aimak_area_change_apply (b.tdb->db, own, problems, &error), >, 0);
  merger = area_list ("2024-07-01,merged_into," BARSKOON ";" JETI_OGUZ "," MERGED
                      ",Barskoon-Jeti-Oguz (test),,,KG02210000000,Test law (test data)\n");
  g_assert_true (aimak_server_publish_area_changes (admin, admin_pw, owner->db, merger, NULL,
                                                    NULL, &error));
  g_assert_no_error (error);

  /* A: applied, and told. */
  priorities = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (a.window, "priorities"));
  g_assert_false (scope_has (priorities, MERGED));
  g_assert_cmpint (desk_sync (&a), ==, AIMAK_SYNC_STATE_SYNCED);
  toast = find_label_prefix (GTK_WIDGET (a.window),
                             "Area changes from the office server applied: ");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (gtk_label_get_text (toast), "Barskoon-Jeti-Oguz (test)"));
  g_assert_nonnull (strstr (gtk_label_get_text (a.button->detail_label),
                            "Applied: "));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a.button->area_changes_button)));
  /* The views re-read the list of areas: the new area in the Areas view and
   * the Priorities scope, Barskoon kept as a former area. */
  g_assert_true (scope_has (priorities, MERGED));
  g_assert_true (aimak_window_select_area (a.window, BARSKOON));
  aimak_test_iterate ();
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (a.window), "Merged into Barskoon-Jeti-Oguz "
                                       "(test) on 2024-07-01"));
  /* Area Changes… lists it; Show in Areas opens the new area. */
  g_signal_emit_by_name (a.button->area_changes_button, "clicked");
  aimak_test_iterate ();
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_label_prefix (dialog, "Applied"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "areas"));
  g_signal_emit_by_name (gtk_widget_get_ancestor (aimak_test_find_label (dialog,
                                                                         "Show in Areas"),
                                                  GTK_TYPE_BUTTON), "clicked");
  aimak_test_iterate ();
  g_assert_null (find_review_dialog ());
  g_assert_cmpstr (aimak_window_get_view (a.window), ==, "areas");
  g_assert_cmpstr (aimak_window_get_area (a.window), ==, MERGED);

  /* B: refused with the reason, nothing changed. */
  g_assert_cmpint (desk_sync (&b), ==, AIMAK_SYNC_STATE_SYNCED);
  toast = find_label_prefix (GTK_WIDGET (b.window),
                             "Area changes from the office server refused: ");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (gtk_label_get_text (toast), "already ended on 2024-05-01"));
  g_assert_nonnull (strstr (gtk_label_get_text (b.button->detail_label), "Refused: "));
  g_assert_nonnull (strstr (gtk_label_get_text (b.button->detail_label),
                            "already ended on 2024-05-01"));
  g_assert_null (aimak_area_get (b.tdb->db, MERGED, NULL));
  /* Its dialog gives the reason too, and no Show in Areas. */
  g_signal_emit_by_name (b.button->area_changes_button, "clicked");
  aimak_test_iterate ();
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_label_prefix (dialog, "It contradicts this desk’s list of areas"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "areas"));
  gtk_window_close (GTK_WINDOW (dialog));
  aimak_test_iterate ();

  desk_close (&a);
  desk_close (&b);
  g_free (pg_server ("stop", dir));
  aimak_test_rmdir (tmp);
}

/* Whatever the translation's width, the popover is tall enough for its
 * labels: GTK 4.8 measures a popover's height for a wider width than it gives
 * its child, and the Russian button row (wider than the labels) had the
 * buttons cut off at the bottom. Longer button labels stand in for other
 * translations. */
static void
popover_fits (GtkWidget *popover)
{
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (popover));
  int width = gtk_widget_get_width (box);
  int height = gtk_widget_get_height (box);
  int margins = gtk_widget_get_margin_top (box) + gtk_widget_get_margin_bottom (box);
  int needed = 0;

  g_assert_cmpint (width, >, 0);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL,
                      width + gtk_widget_get_margin_start (box) + gtk_widget_get_margin_end (box),
                      &needed, NULL, NULL, NULL);
  g_test_message ("popover box %d x %d, needs %d", width, height, needed - margins);
  g_assert_cmpint (height, >=, needed - margins);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
    }
}

static void
test_popover_fits (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  AimakSyncButton *button = sync_button_of (window);
  g_autoptr(AimakServerConfig) config = desk_config ("127.0.0.1", aimak_test_dead_port (),
                                                     "desk_barskoon", "disable", BARSKOON);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button->menu_button));
  GtkWidget *settings;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_server_config_save (tdb->db, config, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-changed", NULL);
  g_free (new_priority (tdb->db, BARSKOON, "Drinking water for Barskoon"));
  /* The longest text the popover shows: changes waiting, and one that stays. */
  g_assert_true (aimak_db_exec (tdb->db, &error, "INSERT INTO priority (id, area_code, rank, "
                                "title, created_at, updated_at) VALUES ('ro-1', ?, 1, 'Road', "
                                "'x', 'x')", "t", BATKEN));
  aimak_sync_button_refresh (button);
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_PENDING);
  gtk_menu_button_popup (button->menu_button);
  aimak_test_iterate ();
  g_assert_nonnull (aimak_test_find_label (popover, "Server Settings"));
  settings = gtk_widget_get_ancestor (aimak_test_find_label (popover, "Server Settings"),
                                      GTK_TYPE_BUTTON);
  gtk_menu_button_popdown (button->menu_button);
  /* The button row grows a few pixels at a time, from narrower than the
   * labels to twice as wide: somewhere in that range a line of the labels
   * wraps differently at the width measured and at the width given. */
  for (guint i = 0; i <= 40; i++)
    {
      g_autofree char *padding = g_strnfill (i, 'n');
      g_autofree char *label = g_strconcat ("Server _Settings ", padding, NULL);

      gtk_button_set_label (GTK_BUTTON (settings), label);
      gtk_menu_button_popup (button->menu_button);
      aimak_test_wait_ms (100);
      g_test_message ("button label: %s", label);
      popover_fits (popover);
      gtk_menu_button_popdown (button->menu_button);
      aimak_test_iterate ();
    }
  retire_window (window);
}

int
main (int   argc,
      char *argv[])
{
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/sync-ui/preferences-saved-loaded", test_preferences_saved_loaded);
  g_test_add_func ("/sync-ui/test-connection-unreachable", test_connection_unreachable);
  g_test_add_func ("/sync-ui/button-states", test_button_states);
  g_test_add_func ("/sync-ui/stop-using", test_stop_using);
  g_test_add_func ("/sync-ui/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/sync-ui/editor-read-only-area", test_editor_read_only_area);
  g_test_add_func ("/sync-ui/two-desks-conflict", test_two_desks_conflict);
  g_test_add_func ("/sync-ui/area-changes", test_area_changes);
  g_test_add_func ("/sync-ui/popover-fits", test_popover_fits);
  return g_test_run ();
}
