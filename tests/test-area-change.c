/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-area-change.c — areas that change (issue 17): Barskoon merged with its
 * neighbour Jeti-Oguz in a test change list (test data, not an official change):
 * the successor and its predecessors, the sum rules (counts summed, rates not),
 * open priorities and activities moved or left, undo, an invalid list refused
 * with its line numbers and nothing changed, names as they were in a period. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-area-change.h"
#include "aimak-problem.h"
#include "aimak-test-util.h"

#define BARSKOON  "KG02210815000"
#define JETI_OGUZ "KG02210830000"
#define MERGED    "KG02210900000"
#define RAYON     "KG02210000000"

static const char merge_csv[] =
  "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
  "# test data: not an official change\n"
  "2024-07-01,merged_into," BARSKOON ";" JETI_OGUZ "," MERGED ",Barskoon-Jeti-Oguz,"
  "Барскоон-Жети-Огуз,Барскоон-Жети-Өгүз," RAYON ",Test law (test data)\n";

static AimakAreaChangeList *
read_list (const char *csv,
           GPtrArray  *problems)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GError) error = NULL;
  AimakAreaChangeList *list = aimak_area_change_list_read (in, "test.csv", problems, NULL,
                                                           &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static gint64
apply (AimakDb    *db,
       const char *csv)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangeList) list = read_list (csv, problems);
  g_autoptr(GError) error = NULL;
  gint64 batch;

  g_assert_cmpuint (problems->len, ==, 0);
  batch = aimak_area_change_apply (db, list, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  return batch;
}

static void
exec (AimakDb    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_exec_script (db, sql, &error));
  g_assert_no_error (error);
}

/* Two priorities and two activities in Barskoon, values of a count and a rate
 * in both former areas. */
static void
add_records (AimakDb *db)
{
  exec (db,
        "INSERT INTO priority (id, area_code, rank, title, status, created_at, updated_at) "
        "VALUES ('p-open', '" BARSKOON "', 1, 'Open', 'draft', 'x', 'x'), "
        "('p-done', '" BARSKOON "', 2, 'Done', 'completed', 'x', 'x'), "
        "('p-mine', '" JETI_OGUZ "', 1, 'Other', 'approved', 'x', 'x');"
        "INSERT INTO activity (id, area_code, date, type, created_at, updated_at) "
        "VALUES ('a-after', '" BARSKOON "', '2024-09-01', (SELECT code FROM activity_type "
        "LIMIT 1), 'x', 'x'), ('a-before', '" BARSKOON "', '2023-05-01', (SELECT code FROM "
        "activity_type LIMIT 1), 'x', 'x');"
        "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
        "VALUES ('" BARSKOON "', 'POP', 2020, 'T', 1000, 'Test'), "
        "('" JETI_OGUZ "', 'POP', 2020, 'T', 2500, 'Test'), "
        "('" JETI_OGUZ "', 'POP', 2021, 'T', 2600, 'Test'), "
        "('" BARSKOON "', 'SI_POV_NAHC', 2020, 'T', 20, 'Test'), "
        "('" JETI_OGUZ "', 'SI_POV_NAHC', 2020, 'T', 30, 'Test');");
}

static void
test_preview (AimakTestDb   *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangeList) list = read_list (merge_csv, problems);
  g_autoptr(AimakAreaChangePreview) p = NULL;
  g_autoptr(GError) error = NULL;

  add_records (f->db);
  g_assert_true (aimak_area_change_list_check (f->db, list, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  p = aimak_area_change_preview (f->db, list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->ending->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (p->ending, 0), BARSKOON "\tBarskoon"));
  g_assert_cmpuint (p->beginning->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (p->beginning, 0), MERGED));
  g_assert_cmpuint (p->n_priorities, ==, 3);
  g_assert_cmpuint (p->n_activities, ==, 2);
  g_assert_cmpuint (p->n_values, ==, 5);
  /* A preview changes nothing. */
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM area WHERE "
                                       "valid_to IS NOT NULL OR code = ?", "t", MERGED), ==, 0);
}

static void
test_merge (AimakTestDb   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakArea) barskoon = NULL;
  g_autoptr(AimakArea) merged = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *then = NULL;
  g_autofree char *as_of = NULL;
  gint64 batch = apply (f->db, merge_csv);

  g_assert_cmpint (batch, ==, 1);
  barskoon = aimak_area_get (f->db, BARSKOON, &error);
  g_assert_cmpstr (barskoon->valid_to, ==, "2024-07-01");
  g_assert_false (aimak_area_is_current (barskoon));
  merged = aimak_area_get (f->db, MERGED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (merged->parent_code, ==, RAYON);
  g_assert_cmpint (merged->level, ==, 3);
  g_assert_cmpstr (merged->valid_from, ==, "2024-07-01");
  g_assert_cmpstr (merged->name_ru, ==, "Барскоон-Жети-Огуз");

  next = aimak_area_successors (f->db, BARSKOON, &error);
  g_assert_cmpuint (next->len, ==, 1);
  g_assert_cmpstr (((AimakAreaChange *) g_ptr_array_index (next, 0))->new_code, ==, MERGED);
  g_assert_cmpint (((AimakAreaChange *) g_ptr_array_index (next, 0))->kind, ==,
                   AIMAK_AREA_CHANGE_MERGED_INTO);
  before = aimak_area_predecessors (f->db, MERGED, &error);
  g_assert_cmpuint (before->len, ==, 2);

  /* Current areas by default; former ones on request. */
  current = aimak_area_list_full (f->db, 3, FALSE, &error);
  all = aimak_area_list_full (f->db, 3, TRUE, &error);
  g_assert_cmpuint (all->len, ==, current->len + 2);
  for (guint i = 0; i < current->len; i++)
    g_assert_cmpstr (((AimakArea *) g_ptr_array_index (current, i))->code, !=, BARSKOON);

  then = aimak_area_name_for_period (f->db, BARSKOON, 2022, "en");
  g_assert_cmpstr (then, ==, "Barskoon (now Barskoon-Jeti-Oguz)");
  g_clear_pointer (&then, g_free);
  then = aimak_area_period_name (f->db, "KG02220815000", 2022, "en");
  g_assert_null (then); /* Ton never changed */
  as_of = aimak_area_list_as_of (f->db);
  g_assert_nonnull (strstr (as_of, "2024-07-01"));
  /* One history entry for the whole list. */
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM change_log "
                                       "WHERE entity = 'area_change'", NULL), ==, 1);
}

static void
test_sums (AimakTestDb   *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sums = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  AimakAreaPredecessorSum *s;

  add_records (f->db);
  apply (f->db, merge_csv);
  sums = aimak_area_predecessor_sums (f->db, MERGED, "POP", "T", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sums->len, ==, 2);
  s = g_ptr_array_index (sums, 0);
  g_assert_cmpint (s->year, ==, 2020);
  g_assert_cmpfloat (s->sum, ==, 3500);
  g_assert_cmpuint (s->n_areas, ==, 2);
  g_assert_cmpuint (s->n_former, ==, 2);
  g_assert_true (s->comparable);
  g_assert_cmpstr (s->sources, ==, "Test");
  s = g_ptr_array_index (sums, 1);
  g_assert_cmpint (s->year, ==, 2021);
  g_assert_false (s->comparable); /* Barskoon has no 2021 value: not summed */
  g_assert_true (isnan (s->sum));
  g_assert_cmpuint (s->n_areas, ==, 1);
  g_clear_pointer (&sums, g_ptr_array_unref);

  /* Values of different sources are never added together. */
  exec (f->db, "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
        "VALUES ('" BARSKOON "', 'POP', 2021, 'T', 900, 'Other survey')");
  sums = aimak_area_predecessor_sums (f->db, MERGED, "POP", "T", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sums->len, ==, 2);
  s = g_ptr_array_index (sums, 1);
  g_assert_false (s->comparable);
  g_assert_cmpstr (s->sources, ==, "Other survey; Test");
  g_assert_cmpuint (s->n_areas, ==, 2);

  /* A rate is never summed: not comparable. */
  rates = aimak_area_predecessor_sums (f->db, MERGED, "SI_POV_NAHC", "T", &error);
  g_assert_null (rates);
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
  g_assert_false (aimak_area_indicator_is_count (f->db, "SI_POV_NAHC", NULL));
  g_assert_true (aimak_area_indicator_is_count (f->db, "POP", NULL));
}

static void
test_move_open (AimakTestDb   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint np = 0, na = 0;

  add_records (f->db);
  apply (f->db, merge_csv);
  g_assert_true (aimak_area_count_open (f->db, BARSKOON, &np, &na, &error));
  g_assert_cmpuint (np, ==, 1);
  g_assert_cmpuint (na, ==, 1);
  g_assert_true (aimak_area_move_open_to_successor (f->db, BARSKOON, &np, &na, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (np, ==, 1);
  g_assert_cmpuint (na, ==, 1);
  /* Open ones moved, the rest left: history is not rewritten. */
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM priority WHERE "
                                       "id = 'p-open' AND area_code = ?", "t", MERGED), ==, 1);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM priority WHERE "
                                       "id = 'p-done' AND area_code = ?", "t", BARSKOON), ==, 1);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM activity WHERE "
                                       "id = 'a-after' AND area_code = ?", "t", MERGED), ==, 1);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM activity WHERE "
                                       "id = 'a-before' AND area_code = ?", "t", BARSKOON), ==, 1);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM change_log WHERE "
                                       "entity = 'priority' AND entity_id = 'p-open' AND "
                                       "field = 'area_code' AND old_value = ? AND new_value = ?",
                                       "tt", BARSKOON, MERGED), ==, 1);
  /* The new area now has records: the change cannot be undone. */
  g_assert_false (aimak_area_change_undo (f->db, 1, &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
  g_clear_error (&error);
  /* A current area has no successor to move to. */
  g_assert_false (aimak_area_move_open_to_successor (f->db, MERGED, NULL, NULL, &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
}

static void
test_undo (AimakTestDb   *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakArea) barskoon = NULL;
  g_autofree char *as_of_before = aimak_area_list_as_of (f->db);
  g_autofree char *as_of_after = NULL;
  gint64 batch;

  add_records (f->db);
  batch = apply (f->db, merge_csv);
  g_assert_false (aimak_area_change_undo (f->db, batch + 1, &error));
  g_clear_error (&error);
  g_assert_true (aimak_area_change_undo (f->db, batch, &error));
  g_assert_no_error (error);
  barskoon = aimak_area_get (f->db, BARSKOON, &error);
  g_assert_null (barskoon->valid_to);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM area WHERE "
                                       "code = ? OR valid_to IS NOT NULL", "t", MERGED), ==, 0);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM area_change "
                                       "WHERE undone = 0", NULL), ==, 0);
  as_of_after = aimak_area_list_as_of (f->db);
  g_assert_cmpstr (as_of_after, ==, as_of_before);
  g_assert_cmpint (aimak_area_change_last_batch (f->db, NULL), ==, 0);
  /* And it can be applied again. */
  g_assert_cmpint (apply (f->db, merge_csv), ==, batch + 1);
}

static void
test_invalid (AimakTestDb   *f,
              gconstpointer  data)
{
  static const char csv[] =
    "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
    "2024-02-30,merged_into," BARSKOON ",KG02210900000,X,,," RAYON ",Test\n"      /* 2 */
    "2024-07-01,merged_into,KG99999999999," MERGED ",X,,," RAYON ",Test\n"        /* 3 */
    "2024-07-01,merged_into," BARSKOON "," BARSKOON ",,,,,Test\n"                 /* 4 */
    "2024-07-01,eaten_by," BARSKOON "," MERGED ",,,,,Test\n"                      /* 5 */
    "2024-07-01,code_changed," BARSKOON ",KG02210950000,B2,,," RAYON ",Test\n"    /* 6 */
    "2024-08-01,merged_into," BARSKOON "," JETI_OGUZ ",,,,,Test\n"                /* 7 */
    "2024-09-01,part_transferred,KG02210950000," BARSKOON ",,,,,Test\n"           /* 8 */
    "2024-07-01,merged_into," JETI_OGUZ ",KG02210960000,J,,," RAYON ",\n";        /* 9 */
  static const guint lines[] = { 2, 3, 4, 5, 7, 8, 9 };
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangeList) list = read_list (csv, problems);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (aimak_area_change_apply (f->db, list, problems, &error), ==, 0);
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      g_test_message ("line %u: %s", p->line, p->message);
      g_assert_cmpuint (p->line, >, 0);
      g_assert_true (*p->message);
      g_hash_table_add (seen, GUINT_TO_POINTER (p->line));
      if (i > 0)
        g_assert_cmpuint (p->line, >=, ((AimakProblem *) g_ptr_array_index (problems,
                                                                            i - 1))->line);
    }
  /* Line 6 is fine; 7: Barskoon already ended (overlapping periods); 8: a cycle. */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_true (g_hash_table_contains (seen, GUINT_TO_POINTER (lines[i])));
  g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (6)));
  /* Nothing changed. */
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM area_change",
                                       NULL), ==, 0);
  g_assert_cmpint (aimak_db_query_int (f->db, -1, NULL, "SELECT count(*) FROM area WHERE "
                                       "valid_to IS NOT NULL OR valid_from IS NOT NULL",
                                       NULL), ==, 0);
}

static void
test_rename (AimakTestDb   *f,
             gconstpointer  data)
{
  g_autofree char *then = NULL;
  g_autofree char *now = NULL;

  apply (f->db,
         "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
         "2025-01-01,renamed," BARSKOON ",,Barskoon-Renamed,,,,Test law (test data)\n");
  then = aimak_area_name_for_period (f->db, BARSKOON, 2022, "en");
  g_assert_cmpstr (then, ==, "Barskoon (now Barskoon-Renamed)");
  now = aimak_area_name_for_period (f->db, BARSKOON, 2025, "en");
  g_assert_cmpstr (now, ==, "Barskoon-Renamed");
  g_assert_true (aimak_area_change_undo (f->db, 1, NULL));
  g_clear_pointer (&now, g_free);
  now = aimak_area_name_for_period (f->db, BARSKOON, 2022, "en");
  g_assert_cmpstr (now, ==, "Barskoon");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, AimakTestDb, NULL, aimak_test_db_set_up, fn, \
                                  aimak_test_db_tear_down)
  ADD ("/area-change/preview", test_preview);
  ADD ("/area-change/merge", test_merge);
  ADD ("/area-change/sums", test_sums);
  ADD ("/area-change/move-open", test_move_open);
  ADD ("/area-change/undo", test_undo);
  ADD ("/area-change/invalid", test_invalid);
  ADD ("/area-change/rename", test_rename);
  return g_test_run ();
}
