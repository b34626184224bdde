/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-code-list.c — the code-list model, the row loop, transactions that
 * roll back only their own work, and the shared problem type. */
#include "config.h"

#include <string.h>

#include "aimak-test-util.h"

/* Each case runs on the {dir, db} fixture of aimak-test-util.h. */
typedef AimakTestDb Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
test_every_list (Fixture       *f,
                 gconstpointer  data)
{
  const char * const *names = aimak_code_list_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakCodeList) list = aimak_code_list_new_loaded (f->db, names[i], &error);
      g_autofree char *sql = NULL;
      gint64 rows;

      g_assert_no_error (error);
      g_assert_nonnull (list);
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == AIMAK_TYPE_CODE_ITEM);
      /* As many items as the table has rows. */
      sql = g_strdup_printf ("SELECT count(*) FROM %s", names[i]);
      rows = aimak_db_query_int (f->db, -1, &error, sql, NULL);
      g_assert_no_error (error);
      g_assert_cmpint (rows, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, rows);
      for (guint j = 0; j < rows; j++)
        {
          g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), j);

          g_assert_cmpstr (aimak_code_item_get_code (item), !=, "");
          g_assert_cmpstr (aimak_code_item_get_name (item), !=, "");
          g_assert_cmpuint (aimak_code_list_find (list, aimak_code_item_get_code (item)), ==, j);
          g_assert_true (aimak_code_list_contains (f->db, names[i],
                                                   aimak_code_item_get_code (item), &error));
          g_assert_no_error (error);
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), rows));
      g_assert_false (aimak_code_list_contains (f->db, names[i], "no such code", &error));
      g_assert_no_error (error);
    }
}

static void
test_order_language_and_labels (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakCodeList) status = aimak_code_list_new_loaded (f->db, "status", &error);
  g_autoptr(AimakCodeList) marker = NULL;
  g_autoptr(AimakCodeList) sdg = NULL;
  g_autoptr(AimakCodeItem) first = NULL;
  g_autoptr(AimakCodeItem) principal = NULL;
  g_autoptr(AimakCodeItem) target = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name_ru = NULL;
  guint calls = 0;

  g_assert_no_error (error);
  /* In the code list's own order (sort), not alphabetical. */
  expected = aimak_db_query_text (f->db, &error,
                                  "SELECT code FROM status ORDER BY sort, code LIMIT 1", NULL);
  g_assert_cmpstr (aimak_code_list_get_code (status, 0), ==, expected);

  /* The database language names the items; a reload follows a change. */
  name_ru = aimak_db_query_text (f->db, &error,
                                 "SELECT name_ru FROM status WHERE code = ?", "t", expected);
  g_signal_connect (status, "items-changed", G_CALLBACK (on_items_changed), &calls);
  aimak_db_set_language (f->db, "ru");
  g_assert_true (aimak_code_list_load (status, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (status), 0);
  g_assert_cmpstr (aimak_code_item_get_name (first), ==, name_ru);
  g_assert_cmpstr (aimak_code_list_name_for (status, expected), ==, name_ru);
  g_assert_cmpstr (aimak_code_list_name_for (status, "unknown"), ==, "unknown");
  aimak_db_set_language (f->db, "en");

  /* The marker list carries the definitions; codes are text. */
  marker = aimak_code_list_new_loaded (f->db, "gender_marker", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (marker)), ==, 3);
  principal = g_list_model_get_item (G_LIST_MODEL (marker), 2);
  g_assert_cmpstr (aimak_code_item_get_code (principal), ==, "2");
  g_assert_cmpuint (strlen (aimak_code_item_get_description (principal)), >, 10);

  /* SDG targets are labelled with their code. */
  sdg = aimak_code_list_new_loaded (f->db, "sdg_target", &error);
  g_assert_no_error (error);
  target = g_list_model_get_item (G_LIST_MODEL (sdg), 0);
  g_assert_true (g_str_has_prefix (aimak_code_item_get_label (target),
                                   aimak_code_item_get_code (target)));
}

static void
test_all_label_and_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakCodeList) sector = aimak_code_list_new ("sector");
  g_autoptr(AimakCodeList) bogus = aimak_code_list_new ("sector; DROP TABLE priority");
  guint n;

  aimak_code_list_set_all_label (sector, "All sectors");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sector)), ==, 1);
  g_assert_true (aimak_code_list_load (sector, f->db, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (sector));
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpstr (aimak_code_list_get_code (sector, 0), ==, "");
  g_assert_cmpuint (aimak_code_list_find (sector, ""), ==, 0);
  aimak_code_list_set_all_label (sector, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sector)), ==, n - 1);
  g_assert_cmpstr (aimak_code_list_get_code (sector, 0), !=, "");

  /* An unknown list name is an error, never SQL; the list stays as it was. */
  g_assert_false (aimak_code_list_load (bogus, f->db, &error));
  g_assert_error (error, AIMAK_CODE_LIST_ERROR, AIMAK_CODE_LIST_ERROR_UNKNOWN_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bogus)), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, &error, "SELECT count(*) FROM priority", NULL),
                   ==, 0);
  g_assert_no_error (error);
}

/* ---- Rows and transactions ---- */

static gboolean
count_row (AimakStmt  *row,
           gpointer    user_data,
           GError    **error)
{
  guint *n = user_data;

  (*n)++;
  if (*n == 3 && aimak_stmt_is_null (row, 1))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop at three");
      return FALSE;
    }
  return TRUE;
}

static void
test_foreach (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (aimak_db_foreach (f->db, &error, count_row, &n,
                                   "SELECT code, 1 FROM status WHERE code <> ?", "t", "x"));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM status",
                                              NULL));
  /* The row function's error stops the loop and reaches the caller. */
  n = 0;
  g_assert_false (aimak_db_foreach (f->db, &error, count_row, &n,
                                    "SELECT code, NULL FROM status", NULL));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, ==, 3);
  g_clear_error (&error);
  /* A bad statement is an error, not a crash. */
  g_assert_false (aimak_db_foreach (f->db, &error, count_row, &n, "SELECT nonsense FROM", NULL));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL);
}

typedef struct
{
  const char *note;
  gboolean    fail;
} Work;

static gboolean
insert_note (AimakDb  *db,
             gpointer  user_data,
             GError  **error)
{
  Work *w = user_data;

  if (!aimak_db_exec (db, error, "INSERT INTO t (note) VALUES (?)", "t", w->note))
    return FALSE;
  if (w->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  return TRUE;
}

static gboolean
outer_work (AimakDb  *db,
            gpointer  user_data,
            GError  **error)
{
  Work inner = { "inner", TRUE };
  g_autoptr(GError) inner_error = NULL;

  if (!aimak_db_exec (db, error, "INSERT INTO t (note) VALUES ('outer')", NULL))
    return FALSE;
  /* The nested failure undoes only "inner"; the caller goes on. */
  g_assert_false (aimak_db_run_in_transaction (db, insert_note, &inner, &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (aimak_db_in_transaction (db));
  return aimak_db_exec (db, error, "INSERT INTO t (note) VALUES ('after')", NULL);
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Work ok = { "kept", FALSE };
  Work bad = { "dropped", TRUE };
  g_autofree char *notes = NULL;

  g_assert_true (aimak_db_exec_script (f->db, "CREATE TABLE t (note TEXT)", &error));
  g_assert_true (aimak_db_run_in_transaction (f->db, insert_note, &ok, &error));
  g_assert_no_error (error);
  g_assert_false (aimak_db_run_in_transaction (f->db, insert_note, &bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (aimak_db_in_transaction (f->db));
  g_assert_true (aimak_db_run_in_transaction (f->db, outer_work, NULL, &error));
  g_assert_no_error (error);
  notes = aimak_db_query_text (f->db, &error,
                               "SELECT group_concat (note, ',') FROM (SELECT note FROM t "
                               "ORDER BY rowid)", NULL);
  g_assert_cmpstr (notes, ==, "kept,outer,after");
}

static void
test_problems (void)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *joined = NULL;
  AimakProblem *warning;

  g_assert_false (aimak_problem_list_has_errors (problems));
  g_assert_null (aimak_problem_list_join (problems));
  warning = aimak_problem_new ("budget", AIMAK_PROBLEM_WARNING, "Large budget.");
  g_ptr_array_add (problems, warning);
  g_assert_false (aimak_problem_list_has_errors (problems));
  aimak_problem_list_add (problems, "title", "A title is needed.");
  aimak_problem_list_add (problems, "title", "Too long.");
  g_assert_true (aimak_problem_list_has_errors (problems));
  titles = aimak_problem_list_for_field (problems, "title");
  g_assert_cmpuint (titles->len, ==, 2);
  joined = aimak_problem_list_join (problems);
  g_assert_cmpstr (joined, ==, "Large budget.\nA title is needed.\nToo long.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/code-list/every-list", Fixture, NULL, aimak_test_db_set_up, test_every_list,
              aimak_test_db_tear_down);
  g_test_add ("/code-list/order-language-labels", Fixture, NULL, aimak_test_db_set_up,
              test_order_language_and_labels, aimak_test_db_tear_down);
  g_test_add ("/code-list/all-label-and-errors", Fixture, NULL, aimak_test_db_set_up,
              test_all_label_and_errors, aimak_test_db_tear_down);
  g_test_add ("/db/foreach", Fixture, NULL, aimak_test_db_set_up, test_foreach, aimak_test_db_tear_down);
  g_test_add ("/db/run-in-transaction", Fixture, NULL, aimak_test_db_set_up, test_transactions,
              aimak_test_db_tear_down);
  g_test_add_func ("/problem/list", test_problems);
  return g_test_run ();
}
