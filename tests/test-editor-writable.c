/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor-writable.c — a record of an area this desk may only read (an
 * office server whose areas of this desk are others) opens not editable in
 * both editors, which say why at once; once the server is no longer used
 * ("Stop Using This Server") and the record is shown again, it is editable
 * and the refusal has gone. */
#include "config.h"

#include <adwaita.h>

#include "aimak-activity-editor-private.h"
#include "aimak-priority-editor-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"

#define SUZAK_AA "KG03220856000"
#define BARSKOON "KG02210815000"

/* Sets an office server whose areas of this desk are only Barskoon. */
static void
use_server (AimakDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://desk_a@server.kg/aimak", NULL, &error);

  g_assert_no_error (error);
  g_strfreev (c->areas);
  c->areas = g_strsplit (BARSKOON, ",", -1);
  g_assert_true (aimak_server_config_save (db, c, &error));
  g_assert_no_error (error);
}

static void
stop_using_server (AimakDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_server_config_clear (db, &error));
  g_assert_no_error (error);
}

static GtkWidget *
show_in_window (GtkWidget *editor)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  return window;
}

static void
test_priority (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakPriority) p = aimak_priority_new (SUZAK_AA);
  g_autoptr(GError) error = NULL;
  AimakPriorityEditor *editor = AIMAK_PRIORITY_EDITOR (aimak_priority_editor_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (editor));
  g_autofree char *refusal = NULL;
  GtkWidget *title;

  g_free (p->title);
  p->title = g_strdup ("Drinking water");
  g_assert_true (aimak_priority_create (tdb->db, p, &error));
  g_assert_no_error (error);
  use_server (tdb->db);

  aimak_priority_editor_set_db (editor, tdb->db);
  g_assert_true (aimak_priority_editor_load (editor, p->id, &error));
  g_assert_no_error (error);
  aimak_test_iterate ();
  title = aimak_priority_editor_get_field_widget (editor, "title");
  g_assert_false (gtk_widget_is_sensitive (title));
  g_assert_false (aimak_server_check_writable (tdb->db, SUZAK_AA, &error));
  refusal = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_cmpstr (aimak_priority_editor_get_refusal (editor), ==, refusal);
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (editor), refusal));

  stop_using_server (tdb->db);
  aimak_priority_editor_reload (editor);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_is_sensitive (title));
  g_assert_null (aimak_priority_editor_get_refusal (editor));
  g_assert_null (aimak_test_find_label (GTK_WIDGET (editor), refusal));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static void
test_activity (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
  g_autoptr(GError) error = NULL;
  AimakActivityEditor *editor = AIMAK_ACTIVITY_EDITOR (aimak_activity_editor_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (editor));
  g_autofree char *refusal = NULL;
  GtkWidget *topic;

  g_free (a->topic);
  a->topic = g_strdup ("Gender-responsive budgeting for ayil okmotu staff");
  g_free (a->facilitator);
  a->facilitator = g_strdup ("Suzak ayil okmotu");
  aimak_activity_set_participants (a, "local_authority", 12, 5);
  g_assert_true (aimak_activity_create (tdb->db, a, &error));
  g_assert_no_error (error);
  use_server (tdb->db);
  /* What the core says at a save, the editor says when the activity opens. */
  g_assert_false (aimak_server_check_writable (tdb->db, SUZAK_AA, &error));
  refusal = g_strdup (error->message);
  g_clear_error (&error);

  aimak_activity_editor_set_db (editor, tdb->db);
  g_assert_true (aimak_activity_editor_load (editor, a->id, &error));
  g_assert_no_error (error);
  aimak_test_iterate ();
  topic = aimak_activity_editor_get_field_widget (editor, "topic");
  g_assert_false (gtk_widget_is_sensitive (topic));
  g_assert_false (gtk_widget_is_sensitive (aimak_activity_editor_get_field_widget (editor,
                                                                                  "notes")));
  g_assert_cmpstr (aimak_activity_editor_get_state_text (editor), ==, refusal);

  /* A new activity in that area is refused at once too. */
  aimak_activity_editor_new_activity (editor, SUZAK_AA);
  aimak_test_iterate ();
  g_assert_false (gtk_widget_is_sensitive (topic));
  g_assert_cmpstr (aimak_activity_editor_get_state_text (editor), ==, refusal);

  stop_using_server (tdb->db);
  g_assert_true (aimak_activity_editor_load (editor, a->id, &error));
  g_assert_no_error (error);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_is_sensitive (topic));
  g_assert_cmpstr (aimak_activity_editor_get_state_text (editor), ==, "All changes saved.");
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/editor-writable/priority", test_priority);
  g_test_add_func ("/editor-writable/activity", test_activity);
  return g_test_run ();
}
