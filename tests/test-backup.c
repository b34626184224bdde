/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c — backups and restore: consistent copies while a writer is
 * busy, naming, listing and pruning, the once-a-day rule, verification of
 * damaged, foreign and newer files, restore (and its refusals, which change
 * nothing), the damaged database moved aside untouched, and the backup made
 * before a migration. */
#include "config.h"

#include <sqlite3.h>

#include <string.h>
#include <glib/gstdio.h>

#include "aimak-backup-private.h"
#include "aimak-test-util.h"

static void
add_marker (AimakDb    *db,
            const char *marker)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "marker", marker, "create", NULL, NULL, marker,
                                      &error));
  g_assert_true (aimak_db_commit (db, &error));
  g_assert_no_error (error);
}

static gint64
count_marker (const char *path,
              const char *marker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return aimak_db_query_int (db, -1, &error,
                             "SELECT count(*) FROM change_log WHERE entity = 'marker' "
                             "AND entity_id = ?", "t", marker);
}

static char *
make_db (const char *dir,
         const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return path;
}

static GDateTime *
local_time (int y, int m, int d, int hh, int mm, int ss)
{
  return g_date_time_new_local (y, m, d, hh, mm, ss);
}

static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Overwrites the middle of the file: pages of tables and indexes. */
static void
damage_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  for (gsize i = len / 3; i < len / 3 + 50000 && i < len; i++)
    data[i] = (char) ((i * 31) % 251);
  g_assert_true (g_file_set_contents (path, data, len, &error));
}

static void
test_backup_create_list_prune (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *other = g_build_filename (backups, "notes.txt", NULL);
  g_autofree char *dir_for = aimak_backup_dir_for (path);

  g_assert_cmpstr (dir_for, ==, backups);

  add_marker (db, "one");
  {
    g_autoptr(GDateTime) t = local_time (2026, 3, 1, 9, 5, 7);
    first = aimak_backup_create (db, t, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_str_has_suffix (first, "/backups/aimak-2026-03-01-090507.db"));
  add_marker (db, "two");
  {
    /* The same second twice gets a "-2", and still sorts after the first. */
    g_autoptr(GDateTime) t = local_time (2026, 3, 1, 9, 5, 7);
    second = aimak_backup_create (db, t, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_str_has_suffix (second, "/backups/aimak-2026-03-01-090507-2.db"));
  {
    g_autoptr(GDateTime) t = local_time (2026, 3, 2, 18, 0, 0);
    third = aimak_backup_create (db, t, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (other, "keep me", -1, NULL));

  /* Each backup is a self-contained rollback-journal database with what was
   * committed when it was made. */
  g_assert_cmpint (count_marker (first, "one"), ==, 1);
  g_assert_cmpint (count_marker (first, "two"), ==, 0);
  g_assert_cmpint (count_marker (second, "two"), ==, 1);
  {
    g_autofree char *data = NULL;
    gsize len;
    g_autofree char *wal = g_strconcat (first, "-wal", NULL);

    g_assert_true (g_file_get_contents (first, &data, &len, NULL));
    g_assert_cmpint (data[18], ==, 1);
    g_assert_cmpint (data[19], ==, 1);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (aimak_backup_verify (first, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_files (backups, ".aimak-incomplete-"), ==, 0);

  list = aimak_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((AimakBackupInfo *) list->pdata[0])->path, ==, third);
  g_assert_cmpstr (((AimakBackupInfo *) list->pdata[1])->path, ==, second);
  g_assert_cmpstr (((AimakBackupInfo *) list->pdata[2])->path, ==, first);
  g_assert_cmpint (g_date_time_get_day_of_month (((AimakBackupInfo *) list->pdata[0])->time),
                   ==, 2);
  g_assert_cmpint (((AimakBackupInfo *) list->pdata[0])->size, >, 100000);

  /* Pruning keeps the newest and leaves other files alone. */
  g_assert_cmpuint (aimak_backup_prune (backups, 2, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (aimak_backup_prune (backups, 0, &error), ==, 0);

  /* A database elsewhere lists nothing (the folder does not exist). */
  {
    g_autofree char *elsewhere = g_build_filename (dir, "sub", "x.db", NULL);
    g_autoptr(GPtrArray) none = aimak_backup_list (elsewhere, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }

  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

static void
test_backup_default_dir (void)
{
  g_autofree char *def = aimak_db_default_path ();
  g_autofree char *dir = aimak_backup_dir_for (def);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "aimak", "backups", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static void
test_backup_daily (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "plan.db");
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  char *made = NULL;

  for (int day = 1; day <= 5; day++)
    {
      g_autoptr(GDateTime) morning = local_time (2026, 4, day, 8, 0, 0);
      g_autoptr(GDateTime) evening = local_time (2026, 4, day, 20, 30, 0);

      g_assert_true (aimak_backup_daily (path, morning, 3, &made, &error));
      g_assert_no_error (error);
      g_assert_nonnull (made);
      g_clear_pointer (&made, g_free);
      /* Once a day only. */
      g_assert_true (aimak_backup_daily (path, evening, 3, &made, &error));
      g_assert_no_error (error);
      g_assert_null (made);
    }
  /* Keeps the newest 3. */
  g_assert_cmpuint (count_files (backups, "plan-"), ==, 3);
  {
    g_autofree char *newest = g_build_filename (backups, "plan-2026-04-05-080000.db", NULL);
    g_autofree char *gone = g_build_filename (backups, "plan-2026-04-02-080000.db", NULL);
    g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }
  aimak_test_rmdir (dir);
}

/* A backup while another connection is in the middle of a write has the
 * committed state, neither blocks nor waits. */
static void
test_backup_during_write (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  gint64 start;

  add_marker (db, "committed");
  writer = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_db_begin (writer, &error));
  g_assert_true (aimak_db_log_change (writer, "marker", "pending", "create", NULL, NULL, "x",
                                      &error));
  start = g_get_monotonic_time ();
  g_assert_true (aimak_backup_write (db, copy, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  aimak_db_rollback (writer);

  g_assert_cmpint (count_marker (copy, "committed"), ==, 1);
  g_assert_cmpint (count_marker (copy, "pending"), ==, 0);

  /* An existing target is refused unless asked; the database is not its own backup. */
  g_assert_false (aimak_backup_write (db, copy, FALSE, &error));
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "copy.db"));
  g_clear_error (&error);
  add_marker (db, "later");
  g_assert_true (aimak_backup_write (db, copy, TRUE, &error));
  g_assert_cmpint (count_marker (copy, "later"), ==, 1);
  g_assert_false (aimak_backup_write (db, path, TRUE, &error));
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "x.db", NULL);
    g_assert_false (aimak_backup_write (db, nowhere, FALSE, &error));
    g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, "no-such-folder"));
    g_clear_error (&error);
  }

  g_clear_pointer (&writer, aimak_db_unref);
  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

static void
test_backup_verify (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "aimak.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  const char *bad[] = { garbage, foreign, newer, damaged, truncated, empty, missing };
  const char *words[] = { "not an Aimak", "not an Aimak", "newer version", "damaged",
                          NULL, NULL, "does not exist" };

  g_assert_true (aimak_backup_verify (path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (garbage, "this is not a database at all, really", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    sqlite3 *h;
    g_assert_cmpint (sqlite3_open (foreign, &h), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (h, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (h);
  }
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_assert_true (aimak_backup_write (db, newer, FALSE, &error));
    g_assert_true (aimak_backup_write (db, damaged, FALSE, &error));
    g_assert_true (aimak_backup_write (db, truncated, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    sqlite3 *h;
    g_assert_cmpint (sqlite3_open (newer, &h), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (h, "PRAGMA user_version = 999", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (h);
  }
  damage_file (damaged);
  {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (truncated, &data, &len, NULL));
    g_assert_true (g_file_set_contents (truncated, data, len / 2, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *before = aimak_test_file_digest (bad[i]);
      g_autofree char *after = NULL;

      g_assert_false (aimak_backup_verify (bad[i], &error));
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID);
      if (words[i])
        g_assert_nonnull (strstr (error->message, words[i]));
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
      after = aimak_test_file_digest (bad[i]);
      g_assert_cmpstr (before, ==, after);
    }
  aimak_test_rmdir (dir);
}

static void
test_backup_restore (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "aimak.db-wal", NULL);
  g_autofree char *shm = g_build_filename (dir, "aimak.db-shm", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  add_marker (db, "before");
  backup = aimak_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  add_marker (db, "after");

  /* Refused while the database is open: nothing changes, no extra backup stays. */
  {
    g_autofree char *digest = aimak_test_file_digest (path);
    g_autofree char *digest_after = NULL;
    g_autoptr(GPtrArray) list = NULL;

    g_assert_false (aimak_backup_restore (backup, path, &previous, &error));
    g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_IN_USE);
    g_assert_nonnull (strstr (error->message, "nothing was changed"));
    g_clear_error (&error);
    g_assert_null (previous);
    digest_after = aimak_test_file_digest (path);
    g_assert_cmpstr (digest, ==, digest_after);
    list = aimak_backup_list (path, NULL);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM change_log "
                                         "WHERE entity_id = 'after'", NULL), ==, 1);
  }
  g_clear_pointer (&db, aimak_db_unref);

  g_assert_true (aimak_backup_restore (backup, path, &previous, &error));
  g_assert_no_error (error);
  /* One file, no stale side files, in WAL mode like every Aimak database. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (path, &data, &len, NULL));
    g_assert_cmpint (data[18], ==, 2);
  }
  g_assert_cmpint (count_marker (path, "before"), ==, 1);
  g_assert_cmpint (count_marker (path, "after"), ==, 0);
  /* The state before the restore was saved as a backup. */
  g_assert_nonnull (previous);
  g_assert_true (g_str_has_prefix (previous, dir));
  g_assert_cmpint (count_marker (previous, "after"), ==, 1);
  g_assert_cmpuint (count_files (dir, ".aimak-incomplete-"), ==, 0);

  /* The restored database opens for writing again. */
  db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (aimak_db_is_read_only (db));
  add_marker (db, "again");
  g_clear_pointer (&db, aimak_db_unref);

  /* Going back to the saved state works the same way. */
  g_clear_pointer (&previous, g_free);
  {
    g_autoptr(GPtrArray) list = aimak_backup_list (path, NULL);
    g_autofree char *saved = g_strdup (((AimakBackupInfo *) list->pdata[0])->path);
    g_assert_true (aimak_backup_restore (saved, path, &previous, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_marker (path, "after"), ==, 1);
    g_assert_cmpint (count_marker (previous, "again"), ==, 1);
  }

  aimak_test_rmdir (dir);
}

/* A damaged, foreign or newer file is refused and nothing changes. */
static void
test_backup_restore_refused (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "aimak.db");
  g_autofree char *bad = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = { bad, newer };

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    add_marker (db, "current");
    g_assert_true (aimak_backup_write (db, bad, FALSE, &error));
    g_assert_true (aimak_backup_write (db, newer, FALSE, &error));
  }
  damage_file (bad);
  {
    sqlite3 *h;
    g_assert_cmpint (sqlite3_open (newer, &h), ==, SQLITE_OK);
    sqlite3_exec (h, "PRAGMA user_version = 77", NULL, NULL, NULL);
    sqlite3_close (h);
  }
  digest = aimak_test_file_digest (path);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) list = NULL;

      g_assert_false (aimak_backup_restore (files[i], path, NULL, &error));
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "The current database was not changed"));
      g_clear_error (&error);
      after = aimak_test_file_digest (path);
      g_assert_cmpstr (digest, ==, after);
      list = aimak_backup_list (path, NULL);
      g_assert_cmpuint (list->len, ==, 0);
    }
  g_assert_cmpint (count_marker (path, "current"), ==, 1);
  g_assert_cmpuint (count_files (dir, ".aimak-incomplete-"), ==, 0);
  aimak_test_rmdir (dir);
}

/* The newest good backup replaces a damaged database; the damaged file is
 * moved aside byte for byte. A damaged backup is skipped. */
static void
test_backup_restore_damaged (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "aimak.db");
  g_autofree char *good = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *restored_from = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *aside_digest = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autoptr(GDateTime) t1 = local_time (2026, 5, 1, 10, 0, 0);
    g_autoptr(GDateTime) t2 = local_time (2026, 5, 2, 10, 0, 0);

    add_marker (db, "good");
    good = aimak_backup_create (db, t1, &error);
    newest = aimak_backup_create (db, t2, &error);
    g_assert_no_error (error);
  }
  damage_file (newest);
  damage_file (path);
  digest = aimak_test_file_digest (path);

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_assert_null (db);
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, path));
    g_clear_error (&error);
  }
  {
    g_autofree char *after = aimak_test_file_digest (path);
    g_autofree char *found = aimak_backup_find_newest_good (path, &error);
    g_assert_cmpstr (digest, ==, after);
    g_assert_cmpstr (found, ==, good);
  }

  g_assert_true (aimak_backup_restore_newest (path, &restored_from, &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (restored_from, ==, good);
  g_assert_nonnull (strstr (previous, "aimak.db.damaged-"));
  aside_digest = aimak_test_file_digest (previous);
  g_assert_cmpstr (aside_digest, ==, digest);
  g_assert_cmpint (count_marker (path, "good"), ==, 1);

  /* No good backup at all: a clear refusal, nothing moved. */
  damage_file (good);
  damage_file (path);
  g_clear_pointer (&digest, g_free);
  digest = aimak_test_file_digest (path);
  g_clear_pointer (&previous, g_free);
  g_assert_false (aimak_backup_restore_newest (path, NULL, &previous, &error));
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_NO_BACKUP);
  g_clear_error (&error);
  {
    g_autofree char *after = aimak_test_file_digest (path);
    g_assert_cmpstr (digest, ==, after);
  }
  aimak_test_rmdir (dir);
}

/* Opening never modifies a file it refuses: damaged, truncated, newer. */
static void
test_backup_open_untouched (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "aimak.db");
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *damaged_wal = g_build_filename (dir, "damaged-wal.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "damaged-wal.db-wal", NULL);
  g_autofree char *wal_digest = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *path; int code; } cases[] = {
    { truncated, -1 }, { newer, AIMAK_DB_ERROR_TOO_NEW }, { damaged, AIMAK_DB_ERROR_CORRUPT },
    { damaged_wal, AIMAK_DB_ERROR_CORRUPT },
  };

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_assert_true (aimak_backup_write (db, truncated, FALSE, &error));
    g_assert_true (aimak_backup_write (db, newer, FALSE, &error));
    g_assert_true (aimak_backup_write (db, damaged, FALSE, &error));
    g_assert_true (aimak_backup_write (db, damaged_wal, FALSE, &error));
  }
  {
    sqlite3 *h;

    /* Committed changes left in the WAL: a read-write connection would copy
     * them into the (damaged) file when it closes. */
    g_assert_cmpint (sqlite3_open (damaged_wal, &h), ==, SQLITE_OK);
    sqlite3_db_config (h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    g_assert_cmpint (sqlite3_exec (h, "PRAGMA journal_mode = WAL; "
                                   "INSERT INTO change_log (ts, entity, entity_id) "
                                   "VALUES ('t', 'marker', 'in-wal')", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (h);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    damage_file (damaged_wal);
    wal_digest = aimak_test_file_digest (wal);
  }
  {
    g_autofree char *data = NULL;
    gsize len;
    sqlite3 *h;

    g_assert_true (g_file_get_contents (truncated, &data, &len, NULL));
    g_assert_true (g_file_set_contents (truncated, data, len / 3, NULL));
    g_assert_cmpint (sqlite3_open (newer, &h), ==, SQLITE_OK);
    sqlite3_exec (h, "PRAGMA journal_mode = WAL; PRAGMA user_version = 50", NULL, NULL, NULL);
    sqlite3_close (h);
  }
  damage_file (damaged);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int ro = 0; ro < 2; ro++)
      {
        g_autofree char *before = aimak_test_file_digest (cases[i].path);
        g_autofree char *after = NULL;
        g_autoptr(AimakDb) db = aimak_db_open (cases[i].path,
                                               ro ? AIMAK_DB_OPEN_READ_ONLY
                                                  : AIMAK_DB_OPEN_DEFAULT, &error);

        g_assert_null (db);
        g_assert_nonnull (error);
        if (cases[i].code >= 0)
          g_assert_error (error, AIMAK_DB_ERROR, cases[i].code);
        g_assert_nonnull (strstr (error->message, cases[i].path));
        g_clear_error (&error);
        after = aimak_test_file_digest (cases[i].path);
        g_assert_cmpstr (before, ==, after);
      }
  {
    g_autofree char *after = aimak_test_file_digest (wal);
    g_assert_cmpstr (wal_digest, ==, after);
  }
  aimak_test_rmdir (dir);
}

/* An existing file that needs a migration is backed up first; if that is
 * impossible, it is not migrated. */
static void
test_backup_before_migration (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d; "
                                             "CREATE TABLE note (x); "
                                             "INSERT INTO note VALUES ('kept')",
                                             AIMAK_DB_APPLICATION_ID);
  sqlite3 *h;

  /* An Aimak file of schema version 0 with something in it. */
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);

  /* A file where the backup folder should be: the backup fails. */
  g_assert_true (g_file_set_contents (backups, "not a folder", -1, NULL));
  {
    g_autofree char *before = aimak_test_file_digest (path);
    g_autofree char *after = NULL;
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);

    g_assert_null (db);
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_BACKUP);
    g_assert_nonnull (strstr (error->message, "it was not changed"));
    g_clear_error (&error);
    after = aimak_test_file_digest (path);
    g_assert_cmpstr (before, ==, after);
  }
  g_unlink (backups);

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) list = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
    list = aimak_backup_list (path, &error);
    g_assert_cmpuint (list->len, ==, 1);
    /* The backup is the file as it was before the migration. */
    {
      sqlite3 *b;
      sqlite3_stmt *st;
      g_assert_cmpint (sqlite3_open_v2 (((AimakBackupInfo *) list->pdata[0])->path, &b,
                                        SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (b, "SELECT (SELECT x FROM note), "
                                           "(SELECT count(*) FROM sqlite_master), "
                                           "(SELECT user_version FROM pragma_user_version)",
                                           -1, &st, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, "kept");
      g_assert_cmpint (sqlite3_column_int (st, 1), ==, 1);
      g_assert_cmpint (sqlite3_column_int (st, 2), ==, 0);
      sqlite3_finalize (st);
      sqlite3_close (b);
    }
  }
  /* Opening it again (up to date) makes no new backup. */
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) list = aimak_backup_list (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }
  aimak_test_rmdir (dir);
}

/* Another program opening and closing the database must never delete the WAL
 * of a connection this process keeps open, even after the daily backup (or
 * any check) opened and closed the same file here. A close() of any descriptor
 * of the file drops all of this process's locks on it: the header is read
 * through SQLite's VFS so that this cannot happen. */
static void
test_backup_keeps_locks (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "aimak.db-wal", NULL);
  g_autofree char *child = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { child, "--read", path, NULL };
  int status = -1;

  add_marker (db, "kept");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* What the app does at start while its window has the database open. */
  g_assert_true (aimak_backup_daily (path, NULL, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_backup_verify (path, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* And a write here still reaches the file others read. */
  add_marker (db, "after");
  g_clear_pointer (&db, aimak_db_unref);
  g_assert_cmpint (count_marker (path, "after"), ==, 1);
  aimak_test_rmdir (dir);
}

/* Two databases in one folder: each gets its own daily backup, named after it,
 * and listing, pruning and restoring the newest never take the other's. */
static void
test_backup_two_databases (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *a = make_db (dir, "a.db");
  g_autofree char *b = make_db (dir, "b.db");
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *restored = NULL;
  char *made = NULL;

  for (int day = 1; day <= 3; day++)
    {
      g_autoptr(GDateTime) a_time = local_time (2026, 5, day, 8, 0, 0);
      g_autoptr(GDateTime) b_time = local_time (2026, 5, day, 9, 0, 0);

      g_assert_true (aimak_backup_daily (a, a_time, 2, &made, &error));
      g_assert_no_error (error);
      g_assert_nonnull (made);
      g_assert_true (g_str_has_prefix (strrchr (made, '/'), "/a-"));
      g_clear_pointer (&made, g_free);
      /* a's backup of today does not count as b's. */
      g_assert_true (aimak_backup_daily (b, b_time, 2, &made, &error));
      g_assert_no_error (error);
      g_assert_nonnull (made);
      g_assert_true (g_str_has_prefix (strrchr (made, '/'), "/b-"));
      g_clear_pointer (&made, g_free);
    }
  /* Each keeps its own newest two. */
  g_assert_cmpuint (count_files (backups, "a-"), ==, 2);
  g_assert_cmpuint (count_files (backups, "b-"), ==, 2);
  list = aimak_backup_list (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      AimakBackupInfo *info = g_ptr_array_index (list, i);
      g_assert_true (g_str_has_prefix (strrchr (info->path, '/'), "/a-"));
    }
  /* b's backups are newer, but a restores its own. */
  g_assert_true (aimak_backup_restore_newest (a, &restored, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (restored, "/a-2026-05-03-080000.db"));
  aimak_test_rmdir (dir);
}

/* A backup is as private as its database. */
static void
test_backup_keeps_mode (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir, "aimak.db");
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *dated = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  dated = aimak_backup_create_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dated, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_assert_true (aimak_backup_write (db, copy, FALSE, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/create-list-prune", test_backup_create_list_prune);
  g_test_add_func ("/backup/default-dir", test_backup_default_dir);
  g_test_add_func ("/backup/daily", test_backup_daily);
  g_test_add_func ("/backup/two-databases", test_backup_two_databases);
  g_test_add_func ("/backup/keeps-mode", test_backup_keeps_mode);
  g_test_add_func ("/backup/during-write", test_backup_during_write);
  g_test_add_func ("/backup/verify", test_backup_verify);
  g_test_add_func ("/backup/restore", test_backup_restore);
  g_test_add_func ("/backup/restore-refused", test_backup_restore_refused);
  g_test_add_func ("/backup/restore-damaged", test_backup_restore_damaged);
  g_test_add_func ("/backup/open-untouched", test_backup_open_untouched);
  g_test_add_func ("/backup/before-migration", test_backup_before_migration);
  g_test_add_func ("/backup/keeps-locks", test_backup_keeps_locks);
  return g_test_run ();
}
