/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c — Export Workbook through the real widgets under Xvfb: Ctrl+E's
 * action opens the dialog with the selected area, the proposed file name and the saved
 * options; Export writes the workbook in the background and the window shows the
 * "Workbook saved" toast; a folder that cannot be written shows the reason in the
 * dialog; an existing file asks before it is replaced; Cancel stops a running export
 * and leaves nothing behind. The folder is set directly: the file chooser portal
 * cannot be driven from a test.
 * With AIMAK_TEST_SCREENSHOTS=DIR set, it saves PNGs of the dialog into DIR.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "aimak-export-dialog.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define JETI_OGUZ "KG02210000000"
#define BARSKOON  "KG02210815000"

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;
      const char *label = NULL;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        {
          if (GTK_IS_LABEL (c))
            label = gtk_label_get_text (GTK_LABEL (c));
          else if (GTK_IS_BUTTON (c))
            label = gtk_button_get_label (GTK_BUTTON (c));
          if (text == NULL || g_strcmp0 (label, text) == 0)
            return c;
        }
      if ((found = find_widget (c, type, text)))
        return found;
    }
  return NULL;
}

static AimakExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (AIMAK_IS_EXPORT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return AIMAK_EXPORT_DIALOG (w);
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static AimakExportDialog *
open_dialog (AimakWindow *window)
{
  AimakExportDialog *dialog;

  /* The action Ctrl+E is bound to (the binding itself is set by the application). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  aimak_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *out = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected_name = g_strdup_printf ("Aimak-Jeti-Oguz-%s.xlsx", today);
  g_autofree char *expected_path = g_build_filename (out, expected_name, NULL);
  g_autofree char *listing = NULL;
  g_autofree char *workbook = NULL;
  AimakWindow *window;
  AimakExportDialog *dialog;
  AdwComboRow *scope_row, *language_row;
  GtkWidget *name_row, *error_label;
  AimakTestFinished finished = { 0 };

  aimak_db_exec (db, &error,
                 "INSERT INTO priority (id, area_code, rank, title, status, gender_marker,"
                 " budget_kgs, created_at, updated_at) VALUES ('p1', ?, 1, 'Water', 'draft', 2,"
                 " 1000, 'x', 'x')", "t", BARSKOON);
  g_assert_no_error (error);
  g_settings_set_string (settings, "export-language", "ky");
  g_settings_set_int (settings, "export-threshold", 7);

  window = aimak_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, JETI_OGUZ));
  aimak_test_iterate ();

  /* Opens with the selected area, the saved language and threshold, a proposed name. */
  dialog = open_dialog (window);
  scope_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  g_assert_nonnull (scope_row);
  g_assert_cmpuint (adw_combo_row_get_selected (scope_row), ==, 0);
  {
    GtkStringObject *item = adw_combo_row_get_selected_item (scope_row);
    g_assert_nonnull (strstr (gtk_string_object_get_string (item), "Jeti-Oguz"));
  }
  name_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, expected_name);
  {
    GtkSpinButton *spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (dialog),
                                                        GTK_TYPE_SPIN_BUTTON, NULL));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 7);
  }

  /* The proposed name follows the scope. */
  adw_combo_row_set_selected (scope_row, 2);
  aimak_test_iterate ();
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), "all-areas"));
  adw_combo_row_set_selected (scope_row, 0);
  aimak_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, expected_name);

  /* Russian, and the export. */
  language_row = NULL;
  for (GtkWidget *w = GTK_WIDGET (scope_row); w; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_COMBO_ROW (w) && w != GTK_WIDGET (scope_row))
      language_row = ADW_COMBO_ROW (w);
  g_assert_nonnull (language_row);
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 2);   /* ky, saved */
  adw_combo_row_set_selected (language_row, 1);
  aimak_export_dialog_set_folder (dialog, folder);
  aimak_test_iterate ();
  aimak_test_save_png (GTK_WIDGET (dialog), "export-dialog.png", 2000);
  g_signal_connect (dialog, "finished", G_CALLBACK (aimak_test_on_finished), &finished);
  click (GTK_WIDGET (dialog), "_Export");
  aimak_test_wait_finished (&finished);
  g_assert_true (finished.ok);
  g_assert_null (find_dialog ());
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, expected_name);
  {
    const char *argv[] = { "unzip", "-p", expected_path, "xl/workbook.xml", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &workbook, NULL,
                  NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (workbook, "Приоритеты"));
  }
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Workbook saved"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Show in _Folder"));
  aimak_test_save_png (GTK_WIDGET (window), "export-toast.png", 2000);
  {
    g_autofree char *lang = g_settings_get_string (settings, "export-language");
    g_autofree char *saved_folder = g_settings_get_string (settings, "export-folder");
    g_assert_cmpstr (lang, ==, "ru");
    g_assert_cmpstr (saved_folder, ==, out);
  }

  /* Again, to the same file: asks before replacing. */
  dialog = open_dialog (window);
  finished = (AimakTestFinished) { 0 };
  g_signal_connect (dialog, "finished", G_CALLBACK (aimak_test_on_finished), &finished);
  click (GTK_WIDGET (dialog), "_Export");
  aimak_test_iterate ();
  {
    AdwMessageDialog *ask = find_message_dialog ();
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "replace");
  }
  aimak_test_wait_finished (&finished);
  g_assert_true (finished.ok);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, expected_name);

  /* "Cancel" in that question leaves the workbook as it was. */
  {
    g_autofree char *before = aimak_test_file_digest (expected_path);
    g_autofree char *after = NULL;
    AdwMessageDialog *ask;

    dialog = open_dialog (window);
    click (GTK_WIDGET (dialog), "_Export");
    aimak_test_iterate ();
    ask = find_message_dialog ();
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "cancel");
    if (find_message_dialog () == ask)
      gtk_window_close (GTK_WINDOW (ask));
    aimak_test_iterate ();
    g_assert_false (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
    after = aimak_test_file_digest (expected_path);
    g_assert_cmpstr (before, ==, after);
    click (GTK_WIDGET (dialog), "_Cancel");
    aimak_test_iterate ();
  }

  /* A file of that name that is not a workbook is never replaced, and nobody is
   * asked whether to replace it. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *saved = NULL;
    gsize saved_len = 0;

    g_assert_true (g_file_get_contents (expected_path, &saved, &saved_len, NULL));
    g_assert_true (g_file_set_contents (expected_path, "notes, not a workbook", -1, NULL));
    before = aimak_test_file_digest (expected_path);
    dialog = open_dialog (window);
    click (GTK_WIDGET (dialog), "_Export");
    aimak_test_iterate ();
    g_assert_null (find_message_dialog ());
    g_assert_false (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
    error_label = NULL;
    for (GtkWidget *w = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_PAGE, NULL); w;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_LABEL (w))
        error_label = w;
    g_assert_nonnull (error_label);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                              "not an Excel workbook"));
    aimak_test_save_png (GTK_WIDGET (dialog), "export-refused.png", 2000);
    after = aimak_test_file_digest (expected_path);
    g_assert_cmpstr (before, ==, after);
    click (GTK_WIDGET (dialog), "_Cancel");
    aimak_test_iterate ();
    g_assert_true (g_file_set_contents (expected_path, saved, saved_len, NULL));
  }

  /* A folder that cannot be written: the reason in the dialog, which stays open. */
  dialog = open_dialog (window);
  finished = (AimakTestFinished) { 0 };
  g_signal_connect (dialog, "finished", G_CALLBACK (aimak_test_on_finished), &finished);
  {
    g_autofree char *locked_path = g_build_filename (out, "locked", NULL);
    g_autoptr(GFile) locked = NULL;

    /* root may write into a read-only folder; /sys refuses even root. */
    if (geteuid () == 0)
      {
        g_free (locked_path);
        locked_path = g_strdup ("/sys");
      }
    else
      g_assert_cmpint (g_mkdir (locked_path, 0555), ==, 0);
    locked = g_file_new_for_path (locked_path);
    aimak_export_dialog_set_folder (dialog, locked);
  }
  click (GTK_WIDGET (dialog), "_Export");
  aimak_test_wait_finished (&finished);
  g_assert_false (finished.ok);
  g_assert_true (find_dialog () == dialog);
  /* The error label is the one below the preferences page. */
  error_label = NULL;
  for (GtkWidget *w = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_PAGE, NULL); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      error_label = w;
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "permission"));
  aimak_test_save_png (GTK_WIDGET (dialog), "export-error.png", 2000);

  /* Cancel while writing: nothing is left, the dialog stays for another try. */
  g_assert_true (aimak_demo_create (db, 4000, 20, 5, &error));
  g_assert_no_error (error);
  aimak_export_dialog_set_folder (dialog, folder);
  adw_combo_row_set_selected (scope_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog),
                                                                      ADW_TYPE_COMBO_ROW, NULL)),
                              2);
  aimak_test_iterate ();
  finished = (AimakTestFinished) { 0 };
  click (GTK_WIDGET (dialog), "_Export");
  g_assert_true (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog),
                                                        ADW_TYPE_PREFERENCES_PAGE, NULL)));
  click (GTK_WIDGET (dialog), "_Cancel");
  aimak_test_wait_finished (&finished);
  g_assert_false (finished.ok);
  g_assert_false (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
  g_assert_true (find_dialog () == dialog);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, expected_name);

  /* Cancel without an export closes the dialog. */
  click (GTK_WIDGET (dialog), "_Cancel");
  aimak_test_iterate ();
  g_assert_null (find_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
  aimak_test_rmdir (out);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/export-dialog/export", test_export_dialog);
  return g_test_run ();
}
