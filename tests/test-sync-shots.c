/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-shots.c — screenshots of the office server in the GUI (issue 16),
 * taken only with AIMAK_TEST_SCREENSHOTS=DIR (skipped otherwise): Preferences
 * → Office Server unconfigured and configured, Test Connection's answers,
 * the Stop Using dialog, and every state of the header-bar sync button with
 * its popover. Run it once per language and colour scheme, e.g.
 *   AIMAK_TEST_SCREENSHOTS=/tmp/shots LANGUAGE=ru ADW_DEBUG_COLOR_SCHEME=prefer-dark \
 *     tests/keyring-session.sh _build/tests/test-sync-shots
 * It still asserts what it shows, so that a broken state cannot be
 * photographed as if it worked. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>

#include "aimak-preferences-window-private.h"
#include "aimak-priority-editor-private.h"
#include "aimak-secret.h"
#include "aimak-server.h"
#include "aimak-sync.h"
#include "aimak-sync-button-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"  /* Issyk-Kul › Jeti-Oguz › Barskoon */
#define JETI     "KG02210000000"

static const char *shots;

/* Saves @widget as drawn, in its own window or popover, to shots/@name. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *path = g_build_filename (shots, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int w, h;

  aimak_test_wait_ms (700);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (aimak_secret_store_finish (result, NULL));
  g_main_loop_quit (user_data);
}

static void
configure (AimakDb *db,
           guint    port)
{
  g_autoptr(AimakServerConfig) config = aimak_server_config_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AimakSecretAccount account;

  config->host = g_strdup (port ? "127.0.0.1" : "aimak.issyk-kul.example.kg");
  config->port = port ? port : AIMAK_SERVER_DEFAULT_PORT;
  config->dbname = g_strdup ("aimak");
  config->user = g_strdup ("desk_barskoon");
  g_strfreev (config->areas);
  config->areas = g_strsplit (BARSKOON, ",", -1);
  if (port)
    {
      g_free (config->sslmode);
      config->sslmode = g_strdup ("disable");
    }
  g_assert_true (aimak_server_config_save (db, config, &error));
  g_assert_no_error (error);
  account = (AimakSecretAccount) { config->host, config->port, config->user, config->dbname };
  aimak_secret_store_async (&account, "a-desk-password", NULL, on_stored, loop);
  g_main_loop_run (loop);
}

static AimakPreferencesWindow *
open_prefs (AimakWindow *window)
{
  AimakPreferencesWindow *prefs = aimak_preferences_window_new (GTK_WINDOW (window));

  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 1240);
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  aimak_test_wait_ms (400);
  return prefs;
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

static gboolean
tested (AimakPreferencesWindow *prefs)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_spinner_get_spinning (prefs->test_spinner) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  aimak_test_iterate ();
  return !gtk_spinner_get_spinning (prefs->test_spinner);
}

static void
test_preferences (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window;
  AimakPreferencesWindow *prefs;
  AdwMessageDialog *dialog;

  aimak_db_set_language (tdb->db, g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE")
                                                                        : "", "ru")
                                  ? "ru" : "en");
  window = aimak_window_new (NULL, tdb->db);
  prefs = open_prefs (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prefs->stop_group)));
  shot (GTK_WIDGET (prefs), "prefs-server-unconfigured.png");
  gtk_window_destroy (GTK_WINDOW (prefs));

  configure (tdb->db, 0);
  {
    g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

    p->title = g_strdup ("Drinking water");
    g_assert_true (aimak_priority_create (tdb->db, p, NULL));
  }
  prefs = open_prefs (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs->stop_group)));
  shot (GTK_WIDGET (prefs), "prefs-server-configured.png");

  g_signal_emit_by_name (prefs->stop_button, "clicked");
  aimak_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  shot (GTK_WIDGET (dialog), "stop-using-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  aimak_test_iterate ();

  /* Test Connection: incomplete settings, then a server that is not there. */
  gtk_editable_set_text (GTK_EDITABLE (prefs->user_row), "");
  g_signal_emit_by_name (prefs->test_button, "clicked");
  shot (GTK_WIDGET (prefs), "prefs-test-incomplete.png");
  gtk_editable_set_text (GTK_EDITABLE (prefs->user_row), "desk_barskoon");
  gtk_editable_set_text (GTK_EDITABLE (prefs->host_row), "127.0.0.1");
  gtk_spin_button_set_value (prefs->port_spin, aimak_test_dead_port ());
  adw_combo_row_set_selected (prefs->tls_row, 4);
  g_signal_emit_by_name (prefs->test_button, "clicked");
  g_assert_true (tested (prefs));
  shot (GTK_WIDGET (prefs), "prefs-test-unreachable.png");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_object_set (window, "db", NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  aimak_test_iterate ();
}

static gboolean
not_syncing (AimakSyncButton *button)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (aimak_sync_button_get_state (button) == AIMAK_SYNC_STATE_SYNCING &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  aimak_test_iterate ();
  return aimak_sync_button_get_state (button) != AIMAK_SYNC_STATE_SYNCING;
}

/* The header bar, and the popover of the sync button. */
static void
shoot_state (AimakWindow     *window,
             AimakSyncButton *button,
             const char      *name)
{
  GtkWidget *header = aimak_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autofree char *bar = g_strdup_printf ("headerbar-%s.png", name);
  g_autofree char *details = g_strdup_printf ("sync-popover-%s.png", name);

  g_assert_nonnull (header);
  shot (header, bar);
  gtk_menu_button_popup (button->menu_button);
  aimak_test_wait_ms (300);
  shot (GTK_WIDGET (gtk_menu_button_get_popover (button->menu_button)), details);
  gtk_menu_button_popdown (button->menu_button);
  aimak_test_iterate ();
}

static void
test_header_bar (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  AimakSyncButton *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  button = AIMAK_SYNC_BUTTON (aimak_test_find_type (GTK_WIDGET (window),
                                                    AIMAK_TYPE_SYNC_BUTTON));
  aimak_test_wait_ms (500);
  shot (aimak_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR),
        "headerbar-unconfigured.png");

  configure (tdb->db, aimak_test_dead_port ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-changed", NULL);
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_SYNCED);
  shoot_state (window, button, "synced");

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

      p->title = g_strdup_printf ("Drinking water %d", i + 1);
      g_assert_true (aimak_priority_create (tdb->db, p, NULL));
    }
  /* A change to an area this desk may only read, made before the server was set. */
  g_assert_true (aimak_db_exec (tdb->db, NULL, "INSERT INTO priority (id, area_code, rank, "
                                "title, created_at, updated_at) VALUES ('ro-1', ?, 1, "
                                "'Pasture road', 'x', 'x')", "t", JETI));
  aimak_sync_button_refresh (button);
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_PENDING);
  shoot_state (window, button, "pending");

  /* Syncing lasts a blink against a closed port: shown as it looks. */
  button->state = AIMAK_SYNC_STATE_SYNCING;
  _aimak_sync_button_update (button);
  shot (aimak_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR), "headerbar-syncing.png");
  button->state = AIMAK_SYNC_STATE_PENDING;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  g_assert_true (not_syncing (button));
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_OFFLINE);
  aimak_test_wait_ms (300);
  gtk_menu_button_popdown (button->menu_button);
  shoot_state (window, button, "offline");

  /* A failure other than being offline, e.g. the server refused the password. */
  g_free (button->error_message);
  button->error_message = g_strdup (_("The server refused the user name or password."));
  button->offline = FALSE;
  aimak_sync_button_refresh (button);
  g_assert_cmpint (aimak_sync_button_get_state (button), ==, AIMAK_SYNC_STATE_FAILED);
  shoot_state (window, button, "failed");
  g_object_set (window, "db", NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  aimak_test_iterate ();
}

/* The priority editor refusing an edit to an area this desk may only read. */
static void
test_editor_refusal (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakPriority) p = aimak_priority_new (JETI);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = aimak_priority_editor_new ();
  GtkWidget *title;

  aimak_db_set_language (tdb->db, g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE")
                                                                        : "", "ru")
                                  ? "ru" : "en");
  p->title = g_strdup ("Pasture road");
  g_assert_true (aimak_priority_create (tdb->db, p, NULL));
  configure (tdb->db, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 900);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  aimak_priority_editor_set_db (AIMAK_PRIORITY_EDITOR (editor), tdb->db);
  g_assert_true (aimak_priority_editor_load (AIMAK_PRIORITY_EDITOR (editor), p->id, NULL));
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  title = aimak_priority_editor_get_field_widget (AIMAK_PRIORITY_EDITOR (editor), "title");
  gtk_editable_set_text (GTK_EDITABLE (title), "Pasture road, edited in Barskoon");
  g_assert_false (aimak_priority_editor_flush (AIMAK_PRIORITY_EDITOR (editor)));
  shot (window, "editor-read-only-area.png");
  aimak_priority_editor_discard (AIMAK_PRIORITY_EDITOR (editor));
  gtk_widget_set_visible (window, FALSE);
  aimak_test_iterate ();
}

static void
skip_without_dir (void)
{
  g_test_skip ("set AIMAK_TEST_SCREENSHOTS=DIR to take the office server's screenshots");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (g_getenv ("AIMAK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  shots = g_getenv ("AIMAK_TEST_SCREENSHOTS");
  if (shots == NULL)
    {
      g_test_add_func ("/sync-shots/skipped", skip_without_dir);
      return g_test_run ();
    }
  g_mkdir_with_parents (shots, 0755);
  g_test_add_func ("/sync-shots/preferences", test_preferences);
  g_test_add_func ("/sync-shots/header-bar", test_header_bar);
  g_test_add_func ("/sync-shots/editor-refusal", test_editor_refusal);
  return g_test_run ();
}
