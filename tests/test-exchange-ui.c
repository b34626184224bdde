/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-exchange-ui.c — the "Done when", through the real windows: two
 * databases play an ayil okmotu and its rayon. The okmotu sends (Send Data…),
 * the rayon receives (the preview's counts, its filter), then corrects one
 * budget; the okmotu edits the same priority and sends again; the rayon's
 * Receive Data shows the conflict, Apply stays off until every field is
 * decided, the test decides field by field and applies, and the rayon has the
 * chosen values; the toast's Undo takes the receive back.
 *
 * With AIMAK_TEST_SCREENSHOTS=DIR the preview and the conflict view are saved
 * there as PNG (the language and colour scheme are the environment's). */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "aimak-area-change.h"
#include "aimak-capacity-page.h"
#include "aimak-merge-review.h"
#include "aimak-numbers.h"
#include "aimak-problem.h"
#include "aimak-receive-dialog.h"
#include "aimak-send-dialog.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define JETI_OGUZ "KG02210000000"

static void
on_sent (AimakSendDialog *dialog,
         gboolean         ok,
         int             *result)
{
  *result = ok ? 1 : 2;
}

/* Send Data… from @window for Jeti-Oguz and the ayil aimaks below it. */
static void
send (AimakWindow *window,
      AimakDb     *db,
      GFile       *file)
{
  AimakSendDialog *dialog;
  guint shown[3], expected[3];
  int result = 0;
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-data", NULL));
  aimak_test_iterate ();
  dialog = AIMAK_SEND_DIALOG (aimak_test_find_toplevel (AIMAK_TYPE_SEND_DIALOG));
  g_assert_nonnull (dialog);
  aimak_send_dialog_set_include_below (dialog, TRUE);
  aimak_send_dialog_get_counts (dialog, shown);
  g_assert_true (aimak_package_count (db, JETI_OGUZ, TRUE, expected, NULL));
  g_assert_cmpuint (shown[0], ==, expected[0]);
  g_assert_cmpuint (shown[1], ==, expected[1]);
  g_assert_cmpuint (shown[0], >, 0);
  g_assert_true (aimak_test_save_png (GTK_WIDGET (dialog), "exchange-send.png", 1500));
  g_signal_connect (dialog, "finished", G_CALLBACK (on_sent), &result);
  aimak_send_dialog_send_to (dialog, file);
  while (result == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result, ==, 1);
  aimak_test_iterate ();
  g_assert_true (g_file_query_exists (file, NULL));
  /* The dialog closed itself. */
  g_assert_null (aimak_test_find_toplevel (AIMAK_TYPE_SEND_DIALOG));
}

/* Drops @file on @window as a file manager would: a GdkFileList. */
static gboolean
drop_file (AimakWindow *window,
           GFile       *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        {
          g_signal_emit_by_name (c, "drop", &value, 10.0, 10.0, &taken);
          return taken;
        }
    }
  g_assert_not_reached ();
}

/* The dropped (or chosen) package opens Receive Data; waits for its preview. */
static AimakReceiveDialog *
open_receive (AimakWindow *window,
              GFile       *file,
              gboolean     by_drop)
{
  AimakReceiveDialog *dialog;
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  if (by_drop)
    g_assert_true (drop_file (window, file));
  else
    aimak_window_receive_file (window, file);
  aimak_test_iterate ();
  dialog = AIMAK_RECEIVE_DIALOG (aimak_test_find_toplevel (AIMAK_TYPE_RECEIVE_DIALOG));
  g_assert_nonnull (dialog);
  while (!aimak_receive_dialog_is_loaded (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  aimak_test_iterate ();
  return dialog;
}

static gboolean
can_apply (AimakReceiveDialog *dialog)
{
  /* The Apply button follows the action's enabled state. */
  GtkWidget *button = aimak_test_find_button (GTK_WIDGET (dialog),
                                              g_dgettext (GETTEXT_PACKAGE, "_Apply"));

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static void
apply (AimakReceiveDialog *dialog)
{
  g_assert_true (can_apply (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "receive.apply", NULL));
  aimak_test_iterate ();
  g_assert_null (aimak_test_find_toplevel (AIMAK_TYPE_RECEIVE_DIALOG));
}

static double
budget (AimakDb    *db,
        const char *id)
{
  g_autofree char *text = aimak_db_query_text (db, NULL, "SELECT budget_kgs FROM priority "
                                               "WHERE id = ?", "t", id);

  return text ? g_ascii_strtod (text, NULL) : -1;
}

static char *
responsible (AimakDb    *db,
             const char *id)
{
  return aimak_db_query_text (db, NULL, "SELECT responsible FROM priority WHERE id = ?", "t",
                              id);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
}

static void
test_exchange (void)
{
  g_autofree char *dir_o = aimak_test_tmpdir ();
  g_autofree char *dir_r = aimak_test_tmpdir ();
  g_autofree char *out = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (out, "jeti-oguz.aimak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimakDb) okmotu = aimak_test_open_db (dir_o);
  g_autoptr(AimakDb) rayon = aimak_test_open_db (dir_r);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autofree char *pid = NULL;
  g_autofree char *who = NULL;
  g_autofree char *gone = NULL;
  AimakWindow *w_okmotu, *w_rayon;
  AimakReceiveDialog *dialog;
  AimakPackagePreview *p;
  AimakMergeReview *review;
  gint64 n_sent, n_priorities;

  g_assert_true (aimak_demo_create (okmotu, 120, 12, 3, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_db_exec (okmotu, &error, "UPDATE desk SET name = 'Barskoon ayil okmotu' "
                                "WHERE is_self = 1", NULL));
  g_assert_true (aimak_db_exec (rayon, &error, "UPDATE desk SET name = 'Jeti-Oguz rayon' "
                                "WHERE is_self = 1", NULL));
  w_okmotu = aimak_window_new (NULL, okmotu);
  w_rayon = aimak_window_new (NULL, rayon);
  gtk_window_present (GTK_WINDOW (w_okmotu));
  gtk_window_present (GTK_WINDOW (w_rayon));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (w_okmotu, JETI_OGUZ));
  g_assert_true (aimak_window_select_area (w_rayon, JETI_OGUZ));
  aimak_test_iterate ();

  /* The okmotu sends; the rayon previews: everything is new, nothing written yet. */
  send (w_okmotu, okmotu, file);
  dialog = open_receive (w_rayon, file, FALSE);
  p = aimak_receive_dialog_get_preview (dialog);
  g_assert_nonnull (p);
  n_sent = p->manifest->n_priorities + p->manifest->n_activities;
  g_assert_cmpuint (p->counts[AIMAK_MERGE_NEW], ==, n_sent);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_CONFLICT], ==, 0);
  g_assert_cmpstr (p->manifest->origin_desk_name, ==, "Barskoon ayil okmotu");
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM priority",
                                       NULL), ==, 0);
  aimak_receive_dialog_set_filter (dialog, AIMAK_MERGE_NEW);
  g_assert_cmpuint (aimak_receive_dialog_count_shown (dialog), ==, n_sent);
  aimak_receive_dialog_set_filter (dialog, -1);
  g_assert_cmpuint (aimak_receive_dialog_count_shown (dialog), ==, p->items->len);
  g_assert_true (aimak_test_save_png (GTK_WIDGET (dialog), "exchange-preview.png", 1500));
  n_priorities = p->manifest->n_priorities;
  apply (dialog);   /* the dialog, and its preview, are gone */
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM priority",
                                       NULL), ==, n_priorities);

  pid = aimak_db_query_text (okmotu, NULL, "SELECT id FROM priority WHERE area_code IN "
                             "(SELECT code FROM area WHERE parent_code = ?) AND deleted_at IS "
                             "NULL ORDER BY rank, id LIMIT 1", "t", JETI_OGUZ);
  g_assert_nonnull (pid);

  /* Received priorities show their origin: a badge in the list, a line in
   * the editor. */
  {
    g_autofree char *origin = aimak_package_origin_name (rayon, pid);
    g_autofree char *mine = aimak_package_origin_name (okmotu, pid);
    g_autofree char *from = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "From desk %s"),
                                             "Barskoon ayil okmotu");
    g_autofree char *area = aimak_db_query_text (rayon, NULL, "SELECT area_code FROM priority "
                                                 "WHERE id = ?", "t", pid);

    g_assert_cmpstr (origin, ==, "Barskoon ayil okmotu");
    g_assert_null (mine);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w_rayon), "win.show-priorities",
                                               "s", JETI_OGUZ));
    aimak_test_wait_ms (500);
    g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (w_rayon), "Barskoon ayil okmotu"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w_rayon), "win.open-priority",
                                               "(ss)", area, pid));
    aimak_test_wait_ms (500);
    g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (w_rayon), from));
    g_assert_true (aimak_test_save_png (GTK_WIDGET (w_rayon), "exchange-origin.png", 1500));
  }
  /* So do received activities, in their editor. */
  {
    g_autofree char *aid = aimak_db_query_text (rayon, NULL, "SELECT id FROM activity "
                                                "ORDER BY id LIMIT 1", NULL);
    g_autofree char *from = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "From desk %s"),
                                             "Barskoon ayil okmotu");
    AimakCapacityPage *page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (w_rayon, "capacity"));
    AimakActivityEditor *editor = aimak_capacity_page_get_editor (page);

    g_assert_nonnull (aid);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w_rayon), "win.show-view", "s",
                                               "capacity"));
    aimak_test_wait_ms (300);
    g_assert_true (aimak_activity_editor_load (editor, aid, &error));
    g_assert_no_error (error);
    g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (editor), from));
    g_assert_true (aimak_activity_editor_load (editor, NULL, &error));
    g_assert_null (aimak_test_find_label (GTK_WIDGET (editor), from));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w_rayon), "win.show-view", "s",
                                               "areas"));
  }

  /* The rayon corrects a budget (and who is responsible); the okmotu changes
   * the same priority and sends again. */
  g_assert_true (aimak_db_exec (rayon, &error, "UPDATE priority SET budget_kgs = 111000, "
                                "responsible = 'Rayon administration' WHERE id = ?", "t", pid));
  g_assert_true (aimak_db_exec (okmotu, &error, "UPDATE priority SET budget_kgs = 222000, "
                                "responsible = 'Ayil okmotu' WHERE id = ?", "t", pid));
  /* And a priority deleted there that the rayon edited: a conflict too. */
  gone = aimak_db_query_text (okmotu, NULL, "SELECT id FROM priority WHERE area_code IN "
                              "(SELECT code FROM area WHERE parent_code = ?) AND deleted_at IS "
                              "NULL ORDER BY rank, id LIMIT 1 OFFSET 1", "t", JETI_OGUZ);
  g_assert_true (aimak_db_exec (rayon, &error, "UPDATE priority SET partners = 'UNDP' "
                                "WHERE id = ?", "t", gone));
  g_assert_true (aimak_db_exec (okmotu, &error, "UPDATE priority SET deleted_at = "
                                "'2026-12-01T00:00:00Z' WHERE id = ?", "t", gone));
  g_assert_no_error (error);
  send (w_okmotu, okmotu, file);

  /* The conflict, field by field; Apply waits for every field. */
  dialog = open_receive (w_rayon, file, TRUE);
  p = aimak_receive_dialog_get_preview (dialog);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_CONFLICT], ==, 2);
  review = AIMAK_MERGE_REVIEW (aimak_receive_dialog_get_review (dialog));
  g_assert_cmpuint (aimak_merge_review_get_n_conflicts (review), ==, 2);
  g_assert_cmpuint (aimak_merge_review_get_n_undecided (review), ==, 2);
  /* Deleted there, edited here: never a silent deletion; the rayon keeps it. */
  g_assert_nonnull (aimak_merge_review_get_button (review, gone, "deleted",
                                                   AIMAK_MERGE_TAKE_THEIRS));
  click (aimak_merge_review_get_button (review, gone, NULL, AIMAK_MERGE_KEEP_MINE));
  g_assert_cmpuint (aimak_merge_review_get_n_undecided (review), ==, 1);
  g_assert_false (can_apply (dialog));
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (review), GTK_TYPE_STACK));

    gtk_stack_set_visible_child_name (stack, "conflicts");
    g_assert_true (aimak_test_save_png (GTK_WIDGET (dialog), "exchange-conflict.png", 1500));
  }
  {
    /* Values read as the editors show them: the budget grouped, not "111000.0". */
    GtkWidget *button = aimak_merge_review_get_button (review, pid, "budget_kgs",
                                                       AIMAK_MERGE_KEEP_MINE);
    g_autofree char *grouped = aimak_numbers_format_grouped (111000, 0);

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))),
                     ==, grouped);
  }
  click (aimak_merge_review_get_button (review, pid, "budget_kgs", AIMAK_MERGE_TAKE_THEIRS));
  g_assert_false (can_apply (dialog));
  g_assert_true (aimak_test_save_png (GTK_WIDGET (dialog), "exchange-conflict-half-decided.png", 1500));
  click (aimak_merge_review_get_button (review, pid, "responsible", AIMAK_MERGE_KEEP_MINE));
  g_assert_cmpuint (aimak_merge_review_get_n_undecided (review), ==, 0);
  g_assert_true (can_apply (dialog));
  /* Keep Mine for the whole record, then back to the per-field choice. */
  click (aimak_merge_review_get_button (review, pid, NULL, AIMAK_MERGE_KEEP_MINE));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    aimak_merge_review_get_button (review, pid, "budget_kgs", AIMAK_MERGE_KEEP_MINE))));
  click (aimak_merge_review_get_button (review, pid, "budget_kgs", AIMAK_MERGE_TAKE_THEIRS));
  apply (dialog);
  g_assert_cmpfloat (budget (rayon, pid), ==, 222000);
  who = responsible (rayon, pid);
  g_assert_cmpstr (who, ==, "Rayon administration");
  g_clear_pointer (&who, g_free);
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT deleted_at IS NULL FROM "
                                       "priority WHERE id = ?", "t", gone), ==, 1);

  /* Undo in the toast takes the whole receive back. */
  receipts = aimak_package_list_receipts (rayon, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  click (aimak_test_find_button (GTK_WIDGET (w_rayon), g_dgettext (GETTEXT_PACKAGE, "_Undo")));
  g_assert_cmpfloat (budget (rayon, pid), ==, 111000);
  who = responsible (rayon, pid);
  g_assert_cmpstr (who, ==, "Rayon administration");
  g_clear_pointer (&receipts, g_ptr_array_unref);
  receipts = aimak_package_list_receipts (rayon, FALSE, &error);
  g_assert_cmpuint (receipts->len, ==, 1);

  /* Not a package: the reason, nothing changed, Esc closes. */
  {
    g_autofree char *text = g_build_filename (out, "letter.aimak", NULL);
    g_autoptr(GFile) letter = g_file_new_for_path (text);
    g_autofree char *before = aimak_db_query_text (rayon, NULL, "SELECT group_concat (revision) "
                                                   "FROM priority", NULL);
    g_autofree char *after = NULL;
    GtkWidget *status;

    g_assert_true (g_file_set_contents (text, "not a package", -1, NULL));
    dialog = open_receive (w_rayon, letter, TRUE);
    g_assert_null (aimak_receive_dialog_get_preview (dialog));
    g_assert_false (can_apply (dialog));
    status = aimak_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE);
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                              "letter.aimak"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "receive.cancel", NULL));
    aimak_test_iterate ();
    g_assert_null (aimak_test_find_toplevel (AIMAK_TYPE_RECEIVE_DIALOG));
    after = aimak_db_query_text (rayon, NULL, "SELECT group_concat (revision) FROM priority",
                                 NULL);
    g_assert_cmpstr (before, ==, after);
  }

  gtk_window_destroy (GTK_WINDOW (w_okmotu));
  gtk_window_destroy (GTK_WINDOW (w_rayon));
  aimak_test_iterate ();
  aimak_test_rmdir (dir_o);
  aimak_test_rmdir (dir_r);
  aimak_test_rmdir (out);
}

/* ---- Issue 17: the area changes a package carries ---- */

#define BARSKOON "KG02210815000"
#define JETI_AA  "KG02210830000"
#define MERGED   "KG02210900000"

static void
apply_list (AimakDb    *db,
            const char *csv)
{
  g_autofree char *text = g_strconcat ("effective_date,kind,old_codes,new_code,name_en,"
                                       "name_ru,name_ky,parent_code,legal_act\n", csv, NULL);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakAreaChangeList) list = aimak_area_change_list_read (in, "test.csv", problems,
                                                                     NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (aimak_area_change_apply (db, list, problems, &error), >, 0);
  g_assert_no_error (error);
}

/* The okmotu merged Barskoon with Jeti-Oguz (test data, not an official change)
 * and merged a third ayil aimak, which the rayon had already merged elsewhere:
 * the preview lists the first New and the second Refused with the reason, Apply
 * applies the merger before the records, Undo takes both back. */
static void
test_area_changes (void)
{
  g_autofree char *dir_o = aimak_test_tmpdir ();
  g_autofree char *dir_r = aimak_test_tmpdir ();
  g_autofree char *out = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (out, "areas.aimak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimakDb) okmotu = aimak_test_open_db (dir_o);
  g_autoptr(AimakDb) rayon = aimak_test_open_db (dir_r);
  g_autoptr(AimakPackageManifest) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *third = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  AimakWindow *w_rayon;
  AimakReceiveDialog *dialog;
  AimakPackagePreview *p;
  AimakAreaChangeBatch *merged, *refused;

  g_assert_true (aimak_demo_create (okmotu, 40, 6, 3, &error));
  g_assert_no_error (error);
  third = aimak_db_query_text (okmotu, NULL, "SELECT code FROM area WHERE parent_code = ? AND "
                               "code NOT IN (?, ?) ORDER BY code LIMIT 1", "ttt", JETI_OGUZ,
                               BARSKOON, JETI_AA);
  apply_list (okmotu, "2024-07-01,merged_into," BARSKOON ";" JETI_AA "," MERGED
              ",Barskoon-Jeti-Oguz,Барскоон-Жети-Огуз,Барскоон-Жети-Өгүз," JETI_OGUZ
              ",Test law (test data)\n");
  theirs = g_strdup_printf ("2024-07-01,merged_into,%s,KG02210910000,Tamga (test),"
                            "Тамга (тест),Тамга (тест)," JETI_OGUZ ",Test law (test data)\n",
                            third);
  apply_list (okmotu, theirs);
  mine = g_strdup_printf ("2024-03-01,merged_into,%s,KG02210920000,Ak-Terek (test),"
                          "Ак-Терек (тест),Ак-Терек (тест)," JETI_OGUZ
                          ",Other test law (test data)\n", third);
  apply_list (rayon, mine);
  g_assert_true (aimak_db_exec (okmotu, &error, "INSERT INTO priority (id, area_code, rank, "
                                "title, status, created_at, updated_at) VALUES ('p-merged', '"
                                MERGED "', 1, 'Drinking water for the merged aimak', 'draft', "
                                "'x', 'x')", NULL));
  m = aimak_package_write (okmotu, JETI_OGUZ, TRUE, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->n_area_changes, ==, 2);

  w_rayon = aimak_window_new (NULL, rayon);
  gtk_window_present (GTK_WINDOW (w_rayon));
  aimak_test_iterate ();
  dialog = open_receive (w_rayon, file, FALSE);
  p = aimak_receive_dialog_get_preview (dialog);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->area_changes->len, ==, 2);
  merged = p->area_changes->pdata[0];
  refused = p->area_changes->pdata[1];
  g_assert_cmpint (merged->status, ==, AIMAK_AREA_BATCH_NEW);
  g_assert_cmpint (refused->status, ==, AIMAK_AREA_BATCH_REFUSED);
  if (g_getenv ("AIMAK_TEST_SCREENSHOTS") == NULL)
    g_assert_cmpstr (merged->summary, ==, "Barskoon, Djeti-Oguz merged into Barskoon-Jeti-Oguz "
                     "on 2024-07-01");
  /* Both listed in the dialog, the refusal with its reason. */
  g_assert_nonnull (aimak_test_find_row (GTK_WIDGET (dialog), merged->summary));
  g_assert_nonnull (aimak_test_find_row (GTK_WIDGET (dialog), refused->summary));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     aimak_test_find_row (GTK_WIDGET (dialog), refused->summary))),
                   ==, refused->reason);
  g_assert_true (aimak_test_save_png (GTK_WIDGET (dialog), "exchange-area-changes.png", 1500));
  apply (dialog);
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM priority WHERE "
                                       "id = 'p-merged' AND area_code = ?", "t", MERGED), ==, 1);
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM area WHERE "
                                       "code = 'KG02210910000'", NULL), ==, 0);
  /* Undo takes the records and the merger back. */
  click (aimak_test_find_button (GTK_WIDGET (w_rayon), g_dgettext (GETTEXT_PACKAGE, "_Undo")));
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM area WHERE "
                                       "code = ?", "t", MERGED), ==, 0);
  g_assert_cmpint (aimak_db_query_int (rayon, -1, NULL, "SELECT count(*) FROM priority",
                                       NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (w_rayon));
  aimak_test_iterate ();
  aimak_test_rmdir (dir_o);
  aimak_test_rmdir (dir_r);
  aimak_test_rmdir (out);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("AIMAK_TEST_SCREENSHOTS") == NULL)
    g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("AIMAK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/exchange-ui/done-when", test_exchange);
  g_test_add_func ("/exchange-ui/area-changes", test_area_changes);
  return g_test_run ();
}
