/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-programme-dialog.c — Programme Document… through the real widgets under Xvfb:
 * the window action opens the dialog with the selected area, this year's three-year
 * period, proposed and approved priorities and no way to choose rejected ones; the
 * preview lays out the document; saving (through the test hook: the file chooser
 * portal cannot be driven) writes a PDF and an ODT; Cancel stops a running save and
 * leaves nothing behind; printing draws the same pages (exported to a file); the
 * dialog fits a 360 px window (in Russian and Kyrgyz too: test-dialogs-narrow.c).
 * With AIMAK_TEST_SCREENSHOTS=DIR set, it saves PNGs of the dialog into DIR.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "aimak-programme-dialog.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define JETI_OGUZ "KG02210000000"

static AimakProgrammeDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (AIMAK_IS_PROGRAMME_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return AIMAK_PROGRAMME_DIALOG (w);
    }
  return NULL;
}

/* Every widget of @type below @root, in order. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect (c, type, out);
    }
}

static GtkWidget *
nth (GtkWidget *root,
     GType      type,
     guint      n)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (root, type, all);
  g_assert_cmpuint (all->len, >, n);
  return g_ptr_array_index (all, n);
}

static AimakProgrammeLayout *
wait_preview (AimakProgrammeDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (aimak_programme_dialog_get_preview (dialog) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (aimak_programme_dialog_get_preview (dialog));
  return aimak_programme_dialog_get_preview (dialog);
}

static AimakProgrammeDialog *
open_dialog (AimakWindow *window)
{
  AimakProgrammeDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.programme-document",
                                             NULL));
  aimak_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
check_defaults (AimakProgrammeDialog *dialog)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  AimakProgrammeOptions opts;
  AdwComboRow *area_row = ADW_COMBO_ROW (nth (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));
  AdwComboRow *format_row = ADW_COMBO_ROW (nth (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2));
  GtkStringObject *item = adw_combo_row_get_selected_item (area_row);

  /* The window's area, with the ayil aimaks in it; the format to edit. */
  g_assert_nonnull (strstr (gtk_string_object_get_string (item), "Jeti-Oguz"));
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, 0);
  aimak_programme_dialog_get_options (dialog, &opts);
  g_assert_cmpstr (opts.area_code, ==, JETI_OGUZ);
  g_assert_true (opts.include_below);
  g_assert_cmpint (opts.year_from, ==, g_date_time_get_year (now));
  g_assert_cmpint (opts.year_to, ==, g_date_time_get_year (now) + 2);
  g_assert_cmpstr (opts.lang, ==, "en");
  g_assert_cmpuint (g_strv_length (opts.statuses), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) opts.statuses, "proposed"));
  g_assert_true (g_strv_contains ((const char * const *) opts.statuses, "approved"));
  aimak_programme_options_clear (&opts);

  /* Five statuses to choose from; rejected is not one of them. */
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
    g_assert_cmpuint (checks->len, ==, 5);
    g_assert_null (aimak_test_find_label (GTK_WIDGET (dialog), "Rejected"));
    for (guint i = 0; i < checks->len; i++)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
    aimak_programme_dialog_get_options (dialog, &opts);
    g_assert_cmpuint (g_strv_length (opts.statuses), ==, 5);
    g_assert_false (g_strv_contains ((const char * const *) opts.statuses, "rejected"));
    aimak_programme_options_clear (&opts);
    for (guint i = 0; i < checks->len; i++)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), i == 1 || i == 2);
  }
}

static void
check_save (AimakWindow *window,
            const char  *out,
            guint        format,
            const char  *name,
            const char  *magic)
{
  AimakProgrammeDialog *dialog = open_dialog (window);
  g_autofree char *path = g_build_filename (out, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  AimakTestFinished finished = { 0 };

  adw_combo_row_set_selected (ADW_COMBO_ROW (nth (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2)),
                              format);
  g_signal_connect (dialog, "finished", G_CALLBACK (aimak_test_on_finished), &finished);
  aimak_programme_dialog_save_to (dialog, file);
  g_assert_true (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
  aimak_test_wait_finished (&finished);
  g_assert_true (finished.ok);
  g_assert_null (find_dialog ());
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, magic));
}

/* Printing draws the same pages: exported to a PDF by GTK, the page count is the
 * layout's and the action plan's pages are landscape. */
static void
check_print (AimakDb    *db,
             const char *out)
{
  g_autofree char *path = g_build_filename (out, "printed.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakProgramme) programme = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  AimakProgrammeLayout *layout;
  AimakProgrammeOptions opts;
  guint n, landscape = 0;

  aimak_programme_options_init (&opts);
  opts.area_code = g_strdup (JETI_OGUZ);
  opts.include_below = TRUE;
  opts.year_from = 2026;
  opts.year_to = 2028;
  opts.lang = g_strdup ("ru");
  programme = aimak_programme_build (db, &opts, NULL, &error);
  aimak_programme_options_clear (&opts);
  g_assert_no_error (error);
  layout = aimak_programme_layout_new (programme, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = aimak_programme_layout_get_n_pages (layout);
  for (guint i = 0; i < n; i++)
    landscape += aimak_programme_layout_page_is_landscape (layout, i);
  g_assert_cmpuint (landscape, >, 0);
  op = aimak_programme_print_operation_new (layout, "test");
  gtk_print_operation_set_export_filename (op, path);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: the printed page count is not checked");
      return;
    }
  {
    g_autofree char *info = NULL;
    g_autofree char *want = g_strdup_printf ("%u", n);
    g_autofree char *count = NULL;
    const char *argv[] = { "pdfinfo", path, NULL };
    char *pages;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL,
                  NULL, &error);
    g_assert_no_error (error);
    pages = strstr (info, "\nPages:");
    g_assert_nonnull (pages);
    count = g_strndup (pages + 7, strcspn (pages + 7, "\n"));
    g_assert_cmpstr (g_strstrip (count), ==, want);
  }
}

static void
check_cancel (AimakWindow *window,
              const char  *out)
{
  AimakProgrammeDialog *dialog = open_dialog (window);
  g_autofree char *path = g_build_filename (out, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = count_files (out);
  AimakTestFinished finished = { 0 };

  adw_combo_row_set_selected (ADW_COMBO_ROW (nth (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2)), 1);
  g_signal_connect (dialog, "finished", G_CALLBACK (aimak_test_on_finished), &finished);
  aimak_programme_dialog_save_to (dialog, file);
  g_assert_true (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
  /* Cancel (Escape) while writing stops the job and keeps the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "programme.cancel", NULL));
  aimak_test_wait_finished (&finished);
  g_assert_false (finished.ok);
  g_assert_true (find_dialog () == dialog);
  g_assert_false (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (out), ==, before);
  /* Cancel again closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "programme.cancel", NULL));
  aimak_test_iterate ();
  g_assert_null (find_dialog ());
}

static void
test_programme_dialog (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *out = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  AimakProgrammeDialog *dialog;
  AimakProgrammeLayout *preview;
  AimakWindow *window;

  g_assert_true (aimak_demo_create (db, 300, 30, 3, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, JETI_OGUZ));
  aimak_test_iterate ();

  dialog = open_dialog (window);
  check_defaults (dialog);
  preview = wait_preview (dialog);
  g_assert_cmpuint (aimak_programme_layout_get_n_pages (preview), >, 3);
  aimak_test_save_png (GTK_WIDGET (dialog), "programme-dialog.png", 1500);

  /* It fits a 360 px window. */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL,
                        NULL);
    g_assert_cmpint (min, <=, 360);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 700);
    aimak_test_wait_ms (200);
    aimak_test_save_png (GTK_WIDGET (dialog), "programme-dialog-narrow.png", 1500);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  aimak_test_iterate ();

  check_save (window, out, 1, "programme.pdf", "%PDF-");
  check_save (window, out, 0, "programme.odt", "PK");
  check_cancel (window, out);
  check_print (db, out);
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (out);
  aimak_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/programme-dialog/open-save-cancel-print", test_programme_dialog);
  return g_test_run ();
}
