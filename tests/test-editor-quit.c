/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor-quit.c — nothing typed is lost on quit (Ctrl+Q, app.quit) or
 * close: text typed a moment before, still waiting for the editors' pause, is
 * in the database when it is opened again. Edits that cannot be saved (they
 * are invalid) make the window ask: Keep Editing leaves everything open,
 * Discard quits without them. */
#include "config.h"

#include <adwaita.h>

#include "aimak-activity-editor-private.h"
#include "aimak-application.h"
#include "aimak-capacity-page.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor.h"
#include "aimak-priorities-page.h"
#include "aimak-priority-editor-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define SUZAK_AA "KG03220856000"

static AimakApplication *app;

/* The app's own quit action and accelerators, without running its main loop;
 * not unique, so that it does not meet another test on the session bus. An app
 * that has quit is done, so each test runs in a process of its own. */
static void
new_app (void)
{
  g_autoptr(GError) error = NULL;

  if (app)
    return;
  app = aimak_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
}

static AimakWindow *
open_window (AimakDb    *db,
             const char *view)
{
  AimakWindow *window;

  new_app ();
  window = aimak_window_new (GTK_APPLICATION (app), db);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, view);
  aimak_test_iterate ();
  return window;
}

static gboolean
is_open (AimakWindow *window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL;
}

/* Ctrl+Q: the accelerator activates app.quit from the window. */
static void
press_quit (AimakWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.quit", NULL));
  aimak_test_iterate ();
}

static AdwMessageDialog *
find_dialog (AimakWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* A click on the dialog's button, as the user answers. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkWidget *button = aimak_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
}

static gint64
count (const char *dir,
       const char *sql,
       const char *arg)
{
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  return aimak_db_query_int (db, -1, NULL, sql, arg ? "t" : "", arg);
}

static AimakActivityEditor *
add_activity (AimakWindow *window)
{
  AimakCapacityPage *page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  AimakActivityEditor *editor = aimak_capacity_page_get_editor (page);

  gtk_widget_activate_action (GTK_WIDGET (page), "capacity.add", NULL);
  aimak_test_iterate ();
  g_assert_true (aimak_activity_editor_is_shown (editor));
  return editor;
}

/* A new activity typed and Ctrl+Q at once, before the editor's pause. */
static void
test_quit_saves_activity (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  AimakWindow *window;
  AimakActivityEditor *editor;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    window = open_window (db, "capacity");
  }
  editor = add_activity (window);
  gtk_editable_set_text (GTK_EDITABLE (aimak_activity_editor_get_field_widget (editor, "topic")),
                         "Women in the local budget");
  gtk_spin_button_set_value (aimak_activity_editor_get_count_spin (editor, "local_authority",
                                                                   TRUE), 9);
  g_assert_null (aimak_activity_editor_get_id (editor));
  press_quit (window);
  g_assert_false (is_open (window));
  g_assert_null (find_dialog (window));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM activity WHERE topic = ?",
                          "Women in the local budget"), ==, 1);
  g_assert_cmpint (count (dir, "SELECT sum(women) FROM activity_participant", NULL), ==, 9);
  aimak_test_rmdir (dir);
}

/* A priority title typed and the window closed at once. Then Ctrl+Q. */
static void
test_close_saves_priority (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  AimakWindow *window;
  AimakPrioritiesPage *page;
  AimakPriorityEditor *editor;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    window = open_window (db, "priorities");
  }
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  editor = aimak_priorities_page_get_editor (page);
  g_signal_emit_by_name (aimak_priorities_page_get_widget (page, "new-button"), "clicked");
  aimak_test_iterate ();
  g_assert_nonnull (aimak_priority_editor_get_id (editor));
  gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (editor, "title")),
                         "Kindergarten for returnee families");
  gtk_window_close (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_false (is_open (window));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM priority WHERE title = ?",
                          "Kindergarten for returnee families"), ==, 1);

  /* The same through Ctrl+Q, with a partner's name. */
  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    window = open_window (db, "priorities");
  }
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  editor = aimak_priorities_page_get_editor (page);
  g_signal_emit_by_name (aimak_priorities_page_get_widget (page, "new-button"), "clicked");
  aimak_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (editor, "title")),
                         "Water for the upper village");
  press_quit (window);
  g_assert_false (is_open (window));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM priority WHERE title = ?",
                          "Water for the upper village"), ==, 1);
  aimak_test_rmdir (dir);
}

/* An activity without participants cannot be saved: Ctrl+Q asks. Keep Editing
 * keeps the window and what was typed; Discard quits, and nothing is written. */
static void
test_invalid_activity_asks (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  AimakWindow *window;
  AimakActivityEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *topic;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    window = open_window (db, "capacity");
  }
  editor = add_activity (window);
  topic = aimak_activity_editor_get_field_widget (editor, "topic");
  /* An untouched new activity is no edit: it would not ask. Typing is one. */
  gtk_editable_set_text (GTK_EDITABLE (topic), "Budget hearing");
  press_quit (window);
  g_assert_true (is_open (window));
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changes Cannot Be Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "participant"));
  answer (dialog, "_Keep Editing");
  g_assert_true (is_open (window));
  g_assert_null (find_dialog (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (topic)), ==, "Budget hearing");
  g_assert_cmpstr (aimak_window_get_view (window), ==, "capacity");

  press_quit (window);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  answer (dialog, "_Discard Changes");
  g_assert_false (is_open (window));
  g_assert_cmpint (count (dir, "SELECT count(*) FROM activity", NULL), ==, 0);
  aimak_test_rmdir (dir);
}

/* A priority whose budget is not a number: closing asks, Discard closes. */
static void
test_invalid_priority_asks (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  AimakWindow *window;
  AdwMessageDialog *dialog;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    window = open_window (db, "priorities");
  }
  {
    AimakPrioritiesPage *page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window,
                                                                              "priorities"));
    AimakPriorityEditor *peditor = aimak_priorities_page_get_editor (page);

    g_signal_emit_by_name (aimak_priorities_page_get_widget (page, "new-button"), "clicked");
    aimak_test_iterate ();
    gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (peditor,
                                                                                 "title")),
                           "Savings groups");
    gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (peditor,
                                                                                 "budget_kgs")),
                           "a lot");
  }
  gtk_window_close (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (is_open (window));
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Budget (KGS)"));
  answer (dialog, "_Discard Changes");
  g_assert_false (is_open (window));
  /* The title, saved when the budget was begun, stays; the budget is not written. */
  g_assert_cmpint (count (dir, "SELECT count(*) FROM priority WHERE title = ? AND "
                               "budget_kgs IS NULL", "Savings groups"), ==, 1);
  aimak_test_rmdir (dir);
}

static void
in_child (gconstpointer data)
{
  void (*body) (void) = (void (*) (void)) data;

  if (g_test_subprocess ())
    {
      body ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_data_func ("/editor-quit/activity", test_quit_saves_activity, in_child);
  g_test_add_data_func ("/editor-quit/priority", test_close_saves_priority, in_child);
  g_test_add_data_func ("/editor-quit/invalid-activity-asks", test_invalid_activity_asks,
                        in_child);
  g_test_add_data_func ("/editor-quit/invalid-priority-asks", test_invalid_priority_asks,
                        in_child);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
