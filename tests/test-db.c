/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db.c — opening, creating, migrating and refusing databases, and the
 * reference data a new database starts with. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "aimak-area-private.h"
#include "aimak-db-private.h"
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
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;

  g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 1"), ==, 9);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 2"), ==, 53);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 3"), ==, 460);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 0"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area a LEFT JOIN area p "
                              "ON a.parent_code = p.code WHERE a.level > 1 "
                              "AND (p.code IS NULL OR p.level <> a.level - 1)"), ==, 0);
}

static void
test_pilots (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
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
}

static void
test_codelists (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;

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
}

static void
test_indicators_by_sex (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;

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
      g_autofree char *journal_mode = aimak_db_query_text (db, NULL, "PRAGMA journal_mode", NULL);

      g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
      g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value"), ==, values);
      g_assert_cmpint (count (db, "SELECT count(*) FROM area"), ==, 523);
      g_assert_cmpstr (journal_mode, ==, "wal");
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
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "test", "1", "update", "f", "a", "b", &error));
  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "test", "2", "update", "f", "a", "b", &error));
  aimak_db_rollback (db);
  g_assert_true (aimak_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE entity = 'test'"), ==, 1);
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

/* Version 3 refreshes the reference names of databases made before it. */

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table and the schema, as sorted lines, read without
 * Aimak; the full-text index's shadow tables are left out (a rebuild lays
 * them out differently with the same content). */
/* Record identity (migration 0004) is made anew when an old database is
 * upgraded: random UUIDs for the desk and the values, revisions from 1. */
static gboolean
is_identity_column (const char *name)
{
  static const char *const names[] = { "uuid", "origin_desk", "revision", "base_revision",
                                       "changed_by_desk" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

static GPtrArray *
dump (const char *path)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *h = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &h, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (h, "SELECT type, name, sql FROM sqlite_master "
                                       "WHERE name NOT LIKE 'priority_fts%' AND name <> 'desk'",
                                       -1, &st, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (st, 0);
      const char *name = (const char *) sqlite3_column_text (st, 1);

      g_ptr_array_add (lines, g_strdup_printf ("schema %s %s %s", type, name,
                                               sqlite3_column_text (st, 2)));
      if (g_str_equal (type, "table") && !g_str_has_prefix (name, "sqlite_"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (st);
  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (char *) tables->pdata[i]);

      g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &st, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          GString *line = g_string_new (tables->pdata[i]);

          for (int c = 0; c < sqlite3_column_count (st); c++)
            if (!is_identity_column (sqlite3_column_name (st, c)))
              g_string_append_printf (line, "|%d:%s", sqlite3_column_type (st, c),
                                      (const char *) sqlite3_column_text (st, c));
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (st);
    }
  sqlite3_close (h);
  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

static void
assert_same_dump (GPtrArray *expected,
                  GPtrArray *got)
{
  for (guint i = 0; i < MIN (expected->len, got->len); i++)
    g_assert_cmpstr (got->pdata[i], ==, expected->pdata[i]);
  g_assert_cmpuint (got->len, ==, expected->len);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *h = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  if (sqlite3_exec (h, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (h);
}

static char *
query_raw (const char *path,
           const char *sql)
{
  sqlite3 *h = NULL;
  sqlite3_stmt *st = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &h, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  sqlite3_close (h);
  return result;
}

/* Writes into the closed database at @path the names the reference data of
 * the release before version 3 had where they have been corrected since
 * (tests/data/reference-names-v2.csv: table, code, column, old value), as that
 * release left them; each must name exactly one row. Returns how many. */
static guint
write_old_names (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data",
                                                    "reference-names-v2.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr(AimakCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *f = NULL;
  guint n = 0;
  sqlite3 *h = NULL;

  g_assert_nonnull (in);
  reader = aimak_csv_reader_new (G_INPUT_STREAM (in), ',');
  g_assert_true (aimak_csv_reader_next (reader, &f, NULL, &error));   /* the header */
  g_assert_cmpstr (f->pdata[0], ==, "table");
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  while (aimak_csv_reader_next (reader, &f, NULL, &error))
    {
      char *sql = sqlite3_mprintf ("UPDATE \"%w\" SET \"%w\" = ?1 WHERE code = ?2 AND \"%w\" <> ?1",
                                   (char *) f->pdata[0], (char *) f->pdata[2],
                                   (char *) f->pdata[2]);
      sqlite3_stmt *st = NULL;

      g_assert_cmpuint (f->len, ==, 4);
      g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &st, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      sqlite3_bind_text (st, 1, f->pdata[3], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (st, 2, f->pdata[1], -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (st), ==, SQLITE_DONE);
      sqlite3_finalize (st);
      /* One row, and a name that differs from today's. */
      if (sqlite3_changes (h) != 1)
        g_error ("fixture row %s %s %s matches %d rows", (char *) f->pdata[0],
                 (char *) f->pdata[1], (char *) f->pdata[2], sqlite3_changes (h));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (h, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
  return n;
}

/* Version 2's indexes and search index undone: the schema of version 1. */
static const char downgrade_to_1[] =
  "DROP INDEX priority_list; DROP INDEX priority_list_title; "
  "DROP INDEX priority_list_budget; DROP INDEX priority_list_updated; "
  "DROP TABLE priority_fts; "
  "CREATE VIRTUAL TABLE priority_fts USING fts5 (title, problem, description, "
  "content = 'priority', content_rowid = 'rowid', "
  "tokenize = 'unicode61 remove_diacritics 2'); "
  "INSERT INTO priority_fts (priority_fts) VALUES ('rebuild'); "
  "PRAGMA user_version = 1;";

/* A current database with user data in @dir; its dump, and then the same
 * database as a release of schema @version (1 or 2) left it, names and all. */
static GPtrArray *
make_old (const char *dir,
          int         version)
{
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ton = NULL;
  GPtrArray *current;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    AimakIndicator ind = { 0 };

    g_assert_true (aimak_demo_create (db, 20, 5, 7, &error));
    g_assert_no_error (error);
    /* A user's own indicator, with a wrong letter the refresh must not touch. */
    ind.code = (char *) "WELLS_TON";
    ind.name_en = (char *) "Wells in Ton";
    ind.name_ru = (char *) "Колодцы в Тоне";
    ind.name_ky = (char *) "Тоӊдогу кудуктар";
    ind.unit = (char *) "NUMBER";
    g_assert_true (aimak_indicator_add (db, &ind, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
  }
  current = dump (path);
  exec_raw (path, aimak_test_undo_identity_sql);
  g_assert_cmpuint (write_old_names (path), >=, 50);
  exec_raw (path, version == 1 ? downgrade_to_1 : "PRAGMA user_version = 2");
  ton = query_raw (path, "SELECT name_ky FROM area WHERE code = 'KG02220000000'");
  g_assert_cmpstr (ton, ==, "Тоӊ");
  return current;
}

static void
assert_current_names (AimakDb *db)
{
  g_autofree char *ton = aimak_db_query_text (db, NULL, "SELECT name_ky FROM area "
                                              "WHERE code = 'KG02220000000'", NULL);
  g_autofree char *gcm13 = aimak_db_query_text (db, NULL, "SELECT name_ru FROM gcm_objective "
                                                "WHERE code = '13'", NULL);
  g_autofree char *sdg = aimak_db_query_text (db, NULL, "SELECT name_ru FROM sdg_target "
                                              "WHERE code = '17.18'", NULL);
  g_autofree char *mine = aimak_db_query_text (db, NULL, "SELECT name_ky FROM indicator "
                                               "WHERE code = 'WELLS_TON'", NULL);

  g_assert_cmpstr (ton, ==, "Тоң");
  g_assert_true (g_str_has_prefix (gcm13, "Применение практики помещения в центры содержания"));
  g_assert_nonnull (strstr (sdg, "гендерной принадлежности"));
  g_assert_cmpstr (mine, ==, "Тоӊдогу кудуктар");
}

static void
test_migrate_names_from_each_version (void)
{
  /* Version 0: an empty Aimak file gets everything, names as shipped. */
  {
    g_autofree char *dir = aimak_test_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
    g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                               AIMAK_DB_APPLICATION_ID);
    g_autofree char *ton = NULL;

    exec_raw (path, pragma);
    {
      g_autoptr(AimakDb) db = aimak_test_open_db (dir);
      g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
    }
    ton = query_raw (path, "SELECT name_ky FROM area WHERE code = 'KG02220000000'");
    g_assert_cmpstr (ton, ==, "Тоң");
    aimak_test_rmdir (dir);
  }
  /* Versions 1 and 2, with user data: opened as the app opens it, the names
   * become today's and nothing else changes. */
  for (int version = 1; version <= 2; version++)
    {
      g_autofree char *dir = aimak_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
      g_autoptr(GPtrArray) expected = make_old (dir, version);
      g_autoptr(GError) error = NULL;

      {
        g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);

        g_assert_no_error (error);
        g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
        assert_current_names (db);
      }
      {
        g_autoptr(GPtrArray) got = dump (path);
        assert_same_dump (expected, got);
      }
      aimak_test_rmdir (dir);
    }
}

/* A command that only reads refuses version 2 and changes nothing. */
static void
test_migrate_names_read_only (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GPtrArray) current = make_old (dir, 2);
  g_autofree char *before = aimak_test_file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY |
                                         AIMAK_DB_OPEN_CURRENT_SCHEMA, &error);

  g_assert_null (db);
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NEEDS_MIGRATION);
  g_assert_nonnull (strstr (error->message, "aimak-cli migrate"));
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  aimak_test_rmdir (dir);
}

/* The refresh is part of the upgrade's one transaction: a reference file it
 * cannot read leaves a database of version 2, and one of version 1 (whose
 * version 2 went well), exactly as it was. */
static void
test_migrate_names_failure_rolls_back (void)
{
  for (int from = 1; from <= 2; from++)
    {
      g_autofree char *dir = aimak_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
      g_autofree char *ref = g_build_filename (dir, "reference", NULL);
      g_autofree char *gcm = g_build_filename (ref, "codelists", "gcm_objectives.csv", NULL);
      g_autoptr(GFile) ref_dir = g_file_new_for_path (ref);
      g_autoptr(GPtrArray) current = make_old (dir, from);
      g_autoptr(GPtrArray) old = dump (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *broken = NULL;
      g_autofree char *version = NULL;
      g_autofree char *expected_version = g_strdup_printf ("%d", from);
      AimakDb *db;

      aimak_test_copy_reference (ref);
      g_assert_true (g_file_get_contents (gcm, &contents, NULL, NULL));
      broken = g_strconcat (contents, "24,Only two fields\n", NULL);
      g_assert_true (g_file_set_contents (gcm, broken, -1, NULL));
      db = aimak_db_open_with_reference (path, AIMAK_DB_OPEN_DEFAULT, ref_dir, &error);
      g_assert_null (db);
      g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE);
      g_assert_nonnull (strstr (error->message, "version 3"));
      g_assert_nonnull (strstr (error->message, "codelists/gcm_objectives.csv"));
      g_assert_nonnull (strstr (error->message, "line 25"));
      version = query_raw (path, "PRAGMA user_version");
      g_assert_cmpstr (version, ==, expected_version);
      {
        g_autoptr(GPtrArray) got = dump (path);
        assert_same_dump (old, got);
      }
      aimak_test_rmdir (dir);
    }
}

/* The app's open: no write of any kind reaches the file until the check
 * after the first frame released it. */
static void
test_hold_writes (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                           AIMAK_DB_OPEN_HOLD_WRITES, &error);

    g_assert_no_error (error);
    /* Just created: nothing to hold. */
    g_assert_false (aimak_db_get_writes_held (db));
  }
  before = aimak_test_file_digest (path);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                           AIMAK_DB_OPEN_HOLD_WRITES, &error);

    g_assert_no_error (error);
    g_assert_true (aimak_db_get_writes_held (db));
    g_assert_false (aimak_db_log_change (db, "marker", "held", "create", NULL, NULL, "held",
                                         &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                           AIMAK_DB_OPEN_HOLD_WRITES, &error);

    g_assert_no_error (error);
    g_assert_true (aimak_db_quick_check_file (path, &error));
    g_assert_no_error (error);
    g_assert_true (aimak_db_release_writes (db, &error));
    g_assert_no_error (error);
    g_assert_false (aimak_db_get_writes_held (db));
    g_assert_true (aimak_db_log_change (db, "marker", "free", "create", NULL, NULL, "free",
                                        &error));
    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log "
                                         "WHERE entity = 'marker'", NULL), ==, 1);
  }
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
  g_test_add_func ("/db/migrate-names/from-each-version", test_migrate_names_from_each_version);
  g_test_add_func ("/db/migrate-names/read-only", test_migrate_names_read_only);
  g_test_add_func ("/db/migrate-names/failure-rolls-back", test_migrate_names_failure_rolls_back);
  g_test_add_func ("/db/hold-writes", test_hold_writes);
  return g_test_run ();
}
