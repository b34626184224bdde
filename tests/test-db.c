/* test-db.c — opening, creating, migrating and refusing databases, and the
 * reference data a new database starts with. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "aimak-test-util.h"

static gint64
count (AimakDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

static void
test_fresh_counts (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 1"), ==, 9);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 2"), ==, 53);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 3"), ==, 460);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 0"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area a LEFT JOIN area p "
                              "ON a.parent_code = p.code WHERE a.level > 1 "
                              "AND (p.code IS NULL OR p.level <> a.level - 1)"), ==, 0);
  aimak_test_rmdir (dir);
}

static void
test_pilots (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GPtrArray) pilots = aimak_area_pilots (db, NULL);
  const char *expected[] = { "KG02210000000", "KG03220000000", "KG02210815000", "KG03220856000" };

  g_assert_nonnull (pilots);
  g_assert_cmpuint (pilots->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AimakArea *a = g_ptr_array_index (pilots, i);
      g_assert_cmpstr (a->code, ==, expected[i]);
      g_assert_true (a->is_pilot);
    }
  {
    g_autoptr(AimakArea) barskoon = aimak_area_get (db, "KG02210815000", NULL);
    g_assert_cmpstr (barskoon->name_en, ==, "Barskoon");
    g_assert_cmpstr (barskoon->name_ky, ==, "Барскоон");
    /* Level-3 Russian names are missing: Russian falls back to Kyrgyz. */
    g_assert_cmpstr (aimak_area_name (barskoon, "ru"), ==, "Барскоон");
  }
  aimak_test_rmdir (dir);
}

static void
test_codelists (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  g_assert_cmpint (count (db, "SELECT count(*) FROM gender_marker"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM gcm_objective"), ==, 23);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sdg_target"), ==, 14);
  g_assert_cmpint (count (db, "SELECT count(*) FROM sector"), ==, 30);
  g_assert_cmpint (count (db, "SELECT count(*) FROM target_group"), ==, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM status"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM role"), ==, 8);
  g_assert_cmpint (count (db, "SELECT count(*) FROM funding_source"), ==, 7);
  g_assert_cmpint (count (db, "SELECT count(*) FROM checklist_item"), ==, 8);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity_type"), ==, 5);
  /* Status order follows the code list's order column. */
  g_assert_cmpint (count (db, "SELECT sort FROM status WHERE code = 'approved'"), ==, 3);
  {
    g_autofree char *name = aimak_db_query_text (db, NULL,
                                                 "SELECT aimak_name (name_en, name_ru, name_ky) "
                                                 "FROM target_group WHERE code = ?", "t",
                                                 "returning_women_migrants");
    g_assert_cmpstr (name, ==, "Returning women migrants");
  }
  aimak_test_rmdir (dir);
}

static void
test_indicators_by_sex (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  /* Every oblast-level unit has women's and men's values from the NSC. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM area a WHERE a.level = 1 AND "
                              "(SELECT count(*) FROM indicator_value v WHERE v.area_code = a.code "
                              "AND v.sex = 'F' AND v.source = '" AIMAK_SOURCE_NSC "') > 0 AND "
                              "(SELECT count(*) FROM indicator_value v WHERE v.area_code = a.code "
                              "AND v.sex = 'M' AND v.source = '" AIMAK_SOURCE_NSC "') > 0"), ==, 9);
  /* Unemployment rate, women and men, Issyk-Kul, a known observation. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT sex) FROM indicator_value WHERE "
                              "indicator_code = 'SL_TLF_UEM' AND area_code = 'KG02000000000'"),
                   ==, 3);
  /* Rayon population 2021 from the WFP file, for all 40 rayons, with its caveat as source. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE indicator_code = 'POP' "
                              "AND year = 2021 AND source = '" AIMAK_SOURCE_WFP "'"), ==, 40);
  g_assert_cmpint (count (db, "SELECT CAST (value AS INTEGER) FROM indicator_value WHERE "
                              "indicator_code = 'POP' AND area_code = 'KG03220000000' "
                              "AND year = 2021"), ==, 296100);
  /* National figures keep their own sources; disagreeing sources both stay. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE area_code = 'KG' "
                              "AND indicator_code = 'RETURNEES' AND year = 2024"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE source = ''"), ==, 0);
  aimak_test_rmdir (dir);
}

static void
test_reopen_idempotent (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  gint64 values;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    values = count (db, "SELECT count(*) FROM indicator_value");
  }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(AimakDb) db = aimak_test_open_db (dir);
      g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
      g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value"), ==, values);
      g_assert_cmpint (count (db, "SELECT count(*) FROM area"), ==, 523);
      g_assert_cmpstr (aimak_db_query_text (db, NULL, "PRAGMA journal_mode", NULL), ==, "wal");
      g_assert_cmpint (count (db, "PRAGMA foreign_keys"), ==, 1);
    }
  aimak_test_rmdir (dir);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = aimak_test_file_digest (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_autofree char *after = aimak_test_file_digest (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (db);
  g_assert_error (error, AIMAK_DB_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  sqlite3 *handle;

  g_assert_true (g_file_set_contents (text, "hello, this is not a database\n", -1, NULL));
  assert_refused (text, AIMAK_DB_ERROR_NOT_AIMAK);

  g_assert_cmpint (sqlite3_open (other, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE contacts (name TEXT); "
                                         "INSERT INTO contacts VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  assert_refused (other, AIMAK_DB_ERROR_NOT_AIMAK);
  aimak_test_rmdir (dir);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  sqlite3 *handle;

  aimak_db_unref (aimak_test_open_db (dir));
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  assert_refused (path, AIMAK_DB_ERROR_TOO_NEW);
  aimak_test_rmdir (dir);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  sqlite3 *handle;

  aimak_db_unref (aimak_test_open_db (dir));
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* Overwrite the middle of the file (b-tree pages) with garbage, keep the header. */
  g_assert_cmpuint (len, >, 200000);
  for (gsize i = len / 3; i < len / 3 + 60000; i++)
    contents[i] = (char) (i * 7919);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_refused (path, AIMAK_DB_ERROR_CORRUPT);

  /* A truncated file too. */
  g_assert_true (g_file_set_contents (path, contents, 4096 * 3, NULL));
  assert_refused (path, AIMAK_DB_ERROR_CORRUPT);
  aimak_test_rmdir (dir);
}

static void
test_reference_failure_rolls_back (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *ref = g_build_filename (dir, "reference", NULL);
  g_autofree char *areas = g_build_filename (ref, "admin", "areas.csv", NULL);
  g_autofree char *facts = g_build_filename (ref, "indicators", "national_facts.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GFile) ref_dir = g_file_new_for_path (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) broken = NULL;
  g_autofree char *contents = NULL;
  AimakDb *db;

  aimak_test_copy_reference (ref);

  /* A value that is not a number in the last file loaded: everything before it must go. */
  g_assert_true (g_file_get_contents (facts, &contents, NULL, NULL));
  broken = g_string_new (contents);
  g_string_append (broken, "KG,POP,2023,T,lots,somebody,\n");
  g_assert_true (g_file_set_contents (facts, broken->str, -1, NULL));
  db = aimak_db_open_with_reference (path, AIMAK_DB_OPEN_DEFAULT, ref_dir, &error);
  g_assert_null (db);
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "indicators/national_facts.csv"));
  g_assert_nonnull (strstr (error->message, "line 34"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A row with a missing field in the areas file. */
  g_assert_true (g_file_set_contents (facts, contents, -1, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (areas, &contents, NULL, NULL));
  g_string_assign (broken, contents);
  g_string_append (broken, "KG99000000000,1,oblast\n");
  g_assert_true (g_file_set_contents (areas, broken->str, -1, NULL));
  db = aimak_db_open_with_reference (path, AIMAK_DB_OPEN_DEFAULT, ref_dir, &error);
  g_assert_null (db);
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "admin/areas.csv"));
  g_assert_nonnull (strstr (error->message, "line 524"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* With the original files it works. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (areas, contents, -1, NULL));
  db = aimak_db_open_with_reference (path, AIMAK_DB_OPEN_DEFAULT, ref_dir, &error);
  g_assert_no_error (error);
  aimak_db_unref (db);
  aimak_test_rmdir (dir);
}

static void
test_transactions (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "test", "1", "update", "f", "a", "b", &error));
  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "test", "2", "update", "f", "a", "b", &error));
  aimak_db_rollback (db);
  g_assert_true (aimak_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE entity = 'test'"), ==, 1);
  aimak_test_rmdir (dir);
}

static void
test_read_only_flag (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;

  aimak_db_unref (aimak_test_open_db (dir));
  db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_db_is_read_only (db));
  g_assert_false (aimak_db_begin (db, &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db/fresh-counts", test_fresh_counts);
  g_test_add_func ("/db/pilots", test_pilots);
  g_test_add_func ("/db/codelists", test_codelists);
  g_test_add_func ("/db/indicators-by-sex", test_indicators_by_sex);
  g_test_add_func ("/db/reopen-idempotent", test_reopen_idempotent);
  g_test_add_func ("/db/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/db/refuse-newer", test_refuse_newer);
  g_test_add_func ("/db/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/db/reference-failure-rolls-back", test_reference_failure_rolls_back);
  g_test_add_func ("/db/transactions", test_transactions);
  g_test_add_func ("/db/read-only", test_read_only_flag);
  return g_test_run ();
}
