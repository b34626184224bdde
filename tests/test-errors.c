/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-errors.c — the error paths a planner can reach, each with a message
 * that says what happened and what to do, and none leaving a half-written file
 * or a half-applied change: a database locked by another program, a full disk
 * (RLIMIT_FSIZE in a child process, SIGXFSZ ignored) during a backup and
 * during database writes, permission denied, read-only files and folders (which
 * still export), and files or folders that vanished. As root, the permission cases run in a child that has
 * dropped to "nobody", since root may write anywhere. */
#include "config.h"

#include <sqlite3.h>

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "aimak-backup-private.h"
#include "aimak-test-util.h"

#define NOBODY 65534

/* Where the parent leaves files for a child test and checks them after. */
static char *shared_dir;

static char *
shared_path (const char *name)
{
  return g_build_filename (shared_dir, name, NULL);
}

static void
add_marker (AimakDb    *db,
            const char *marker)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_begin (db, &error));
  g_assert_true (aimak_db_log_change (db, "marker", marker, "create", NULL, NULL, marker,
                                      &error));
  g_assert_true (aimak_db_commit (db, &error));
}

static gint64
count_marker (AimakDb    *db,
              const char *marker)
{
  return aimak_db_query_int (db, -1, NULL,
                             "SELECT count(*) FROM change_log WHERE entity = 'marker' "
                             "AND entity_id = ?", "t", marker);
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

static void
assert_integrity_ok (AimakDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = aimak_db_query_text (db, &error, "PRAGMA integrity_check", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "ok");
}

static void
limit_file_size (rlim_t bytes)
{
  struct rlimit rl = { bytes, bytes };

  /* Writes past the limit fail with EFBIG instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static void
drop_root (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (NOBODY), ==, 0);
  g_assert_cmpint (setuid (NOBODY), ==, 0);
  g_assert_cmpint (geteuid (), ==, NOBODY);
}

/* ------------------------------------------------------------------ busy */

/* Another program holds the write lock: an edit waits the busy timeout, then
 * fails with AIMAK_DB_ERROR_BUSY and a message, and nothing is half-written;
 * reading goes on meanwhile; the same edit succeeds once the lock is gone. */
static void
test_errors_busy (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start, waited;
  gint64 before;

  add_marker (db, "before");
  before = aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log", NULL);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO change_log (ts, entity, "
                                 "entity_id) VALUES ('t', 'marker', 'other')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Reading is not blocked (WAL). */
  start = g_get_monotonic_time ();
  g_assert_cmpint (count_marker (db, "before"), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* A transaction... */
  start = g_get_monotonic_time ();
  g_assert_false (aimak_db_begin (db, &error));
  waited = g_get_monotonic_time () - start;
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_assert_nonnull (strstr (error->message, "Try again"));
  g_assert_false (aimak_db_in_transaction (db));
  g_clear_error (&error);
  g_assert_cmpint (waited, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (waited, <, 10 * G_USEC_PER_SEC);

  /* ...and a single statement. */
  g_assert_false (aimak_db_log_change (db, "marker", "mine", "create", NULL, NULL, "x", &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_BUSY);
  g_clear_error (&error);

  /* The other program gives up its change: nothing of either was written. */
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log", NULL),
                   ==, before);

  /* The lock is gone: the same edit goes through. */
  add_marker (db, "mine");
  g_assert_cmpint (count_marker (db, "mine"), ==, 1);
  sqlite3_close (other);
  assert_integrity_ok (db);
  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

/* ------------------------------------------------------------- disk full */

static void
test_errors_disk_full_backup (void)
{
  g_autofree char *path = shared_path ("aimak.db");
  g_autofree char *backups = shared_path ("backups");
  g_autofree char *copy = shared_path ("copy.db");

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
      g_autofree char *made = NULL;

      g_assert_no_error (error);
      limit_file_size (256 * 1024);
      made = aimak_backup_create (db, NULL, &error);
      g_assert_null (made);
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
      g_print ("%s\n", error->message);
      g_clear_error (&error);
      g_assert_false (aimak_backup_write (db, copy, FALSE, &error));
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
      g_print ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (shared_dir);
    g_autoptr(GError) error = NULL;
    g_autofree char *old = aimak_backup_create (db, NULL, &error);
    g_autofree char *digest = aimak_test_file_digest (old);
    g_autofree char *digest_after = NULL;

    g_assert_no_error (error);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*Could not write*File too large*Free some disk space*"
                               "Nothing was changed*");
    /* Nothing half-written: only the old backup, unchanged; no copy, no temp. */
    g_assert_cmpuint (count_files (backups, NULL), ==, 1);
    digest_after = aimak_test_file_digest (old);
    g_assert_cmpstr (digest, ==, digest_after);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_files (shared_dir, ".aimak-incomplete-"), ==, 0);
  }
}

static void
test_errors_disk_full_write (void)
{
  g_autofree char *path = shared_path ("aimak.db");

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
      g_autofree char *big = g_strnfill (2000, 'x');
      gboolean ok = TRUE;

      g_assert_no_error (error);
      limit_file_size (128 * 1024);
      g_assert_true (aimak_db_begin (db, &error));
      for (int i = 0; i < 2000 && ok; i++)
        {
          g_autofree char *id = g_strdup_printf ("big-%d", i);
          ok = aimak_db_log_change (db, "marker", id, "create", NULL, NULL, big, &error);
        }
      if (ok)
        ok = aimak_db_commit (db, &error);
      else
        aimak_db_rollback (db);
      g_assert_false (ok);
      g_assert_false (aimak_db_in_transaction (db));
      g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL);
      g_print ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (shared_dir);
    g_autoptr(GError) error = NULL;

    add_marker (db, "before");
    g_clear_pointer (&db, aimak_db_unref);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*could not be saved*File too large*Free some disk space*");

    /* None of the transaction, all of what was there, and it still works. */
    db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    assert_integrity_ok (db);
    g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log "
                                         "WHERE entity_id LIKE 'big-%'", NULL), ==, 0);
    g_assert_cmpint (count_marker (db, "before"), ==, 1);
    add_marker (db, "after");
    g_assert_cmpint (count_marker (db, "after"), ==, 1);
  }
}

/* ---------------------------------------------------- permission denied */

static void
test_errors_permission (void)
{
  g_autofree char *rw_dir = shared_path ("rw");
  g_autofree char *ro_dir = shared_path ("ro");
  g_autofree char *rw_db = g_build_filename (rw_dir, "aimak.db", NULL);
  g_autofree char *ro_file_db = g_build_filename (rw_dir, "readonly.db", NULL);
  g_autofree char *ro_dir_db = g_build_filename (ro_dir, "aimak.db", NULL);
  g_autofree char *secret_db = g_build_filename (rw_dir, "secret.db", NULL);
  g_autofree char *backup = g_build_filename (rw_dir, "backup.db", NULL);
  g_autofree char *ro2_dir = shared_path ("ro2");
  g_autofree char *ro2_db = g_build_filename (ro2_dir, "aimak.db", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakDb) rw = NULL;
      g_autoptr(AimakDb) ro_file = NULL;
      g_autoptr(AimakDb) ro_folder = NULL;
      g_autofree char *into_ro = g_build_filename (ro_dir, "copy.db", NULL);
      g_autofree char *made = NULL;

      drop_root ();

      /* A read-only file opens read-only: reading works, an edit says why not. */
      ro_file = aimak_db_open (ro_file_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (aimak_db_is_read_only (ro_file));
      g_assert_cmpint (count_marker (ro_file, "ro-file"), ==, 1);
      g_assert_false (aimak_db_begin (ro_file, &error));
      g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "read-only"));
      g_clear_error (&error);

      /* A database in a read-only folder (no WAL files can be made there). */
      ro_folder = aimak_db_open (ro_dir_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (aimak_db_is_read_only (ro_folder));
      g_assert_cmpint (count_marker (ro_folder, "ro-folder"), ==, 1);
      g_assert_cmpint (aimak_db_query_int (ro_folder, 0, NULL, "SELECT count(*) FROM area",
                                           NULL), >, 500);
      g_assert_false (aimak_db_log_change (ro_folder, "marker", "x", "create", NULL, NULL,
                                           NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      /* Export still works from it. */
      {
        AimakExportOptions opts = { { AIMAK_SCOPE_PILOTS, NULL }, (char *) "en", TRUE, 0 };
        g_autofree char *xlsx = g_build_filename (rw_dir, "from-read-only.xlsx", NULL);

        g_assert_true (aimak_export_workbook (ro_folder, &opts, xlsx, NULL, NULL, NULL,
                                              &error));
        g_assert_no_error (error);
        g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
      }

      /* A read-only folder whose database still has changes in its WAL (the
       * app was killed) cannot be read exactly: it says so and what to do. */
      g_assert_null (aimak_db_open (ro2_db, AIMAK_DB_OPEN_DEFAULT, &error));
      g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "aimak.db-wal"));
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* Its backups folder cannot be made there. */
      made = aimak_backup_create (ro_folder, NULL, &error);
      g_assert_null (made);
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* A backup into a folder we may not write to. */
      rw = aimak_db_open (rw_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_false (aimak_db_is_read_only (rw));
      g_assert_false (aimak_backup_write (rw, into_ro, FALSE, &error));
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* A restore into a read-only folder changes nothing. */
      g_assert_false (aimak_backup_restore (backup, ro_dir_db, NULL, &error));
      g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "read-only"));
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* A file we may not read. */
      g_assert_null (aimak_db_open (secret_db, AIMAK_DB_OPEN_DEFAULT, &error));
      g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_assert_nonnull (strstr (error->message, "secret.db"));
      g_print ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *ro_digest = NULL;
    g_autofree char *ro_digest_after = NULL;

    g_assert_cmpint (g_mkdir (rw_dir, 0777), ==, 0);
    g_assert_cmpint (g_mkdir (ro_dir, 0755), ==, 0);
    g_chmod (shared_dir, 0755);
    g_chmod (rw_dir, 0777);
    {
      g_autoptr(AimakDb) db = aimak_db_open (rw_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      add_marker (db, "ro-file");
      add_marker (db, "ro-folder");
      g_assert_true (aimak_backup_write (db, ro_file_db, FALSE, &error));
      g_assert_true (aimak_backup_write (db, secret_db, FALSE, &error));
      g_assert_true (aimak_backup_write (db, backup, FALSE, &error));
      g_assert_no_error (error);
    }
    {
      /* The folder's database was used in WAL mode and closed cleanly, as
       * the app leaves it: a WAL header and no -wal or -shm beside it. */
      g_autoptr(AimakDb) db = NULL;
      g_autoptr(GFile) from = g_file_new_for_path (rw_db);
      g_autoptr(GFile) to = g_file_new_for_path (ro_dir_db);

      g_assert_true (g_file_copy (from, to, 0, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      db = aimak_db_open (ro_dir_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
    {
      /* Committed changes still in the WAL, no shared-memory file. */
      g_autoptr(AimakDb) db = aimak_db_open (rw_db, AIMAK_DB_OPEN_DEFAULT, &error);
      g_autofree char *shm = g_strconcat (ro2_db, "-shm", NULL);
      sqlite3 *h;

      g_assert_cmpint (g_mkdir (ro2_dir, 0755), ==, 0);
      g_assert_true (aimak_backup_write (db, ro2_db, FALSE, &error));
      g_assert_cmpint (sqlite3_open (ro2_db, &h), ==, SQLITE_OK);
      sqlite3_db_config (h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      g_assert_cmpint (sqlite3_exec (h, "PRAGMA journal_mode = WAL; INSERT INTO change_log "
                                     "(ts, entity, entity_id) VALUES ('t', 'marker', 'w')",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (h);
      g_unlink (shm);
      g_chmod (ro2_db, 0644);
      g_chmod (ro2_dir, 0555);
    }
    g_chmod (rw_db, 0666);
    g_chmod (ro_file_db, 0444);
    g_chmod (ro_dir_db, 0644);
    g_chmod (backup, 0644);
    g_chmod (secret_db, 0000);
    g_chmod (ro_dir, 0555);
    if (geteuid () == 0)
      {
        /* nobody may write in rw/ and create files there. */
        g_assert_cmpint (chown (rw_dir, NOBODY, NOBODY), ==, 0);
        g_assert_cmpint (chown (rw_db, NOBODY, NOBODY), ==, 0);
      }
    ro_digest = aimak_test_file_digest (ro_dir_db);

    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*Could not create the folder*Permission denied*"
                               "Check that you may write there*");
    g_test_trap_assert_stdout ("*Could not write*copy.db*Permission denied*");
    g_test_trap_assert_stdout ("*is read-only*Nothing was changed*");
    g_test_trap_assert_stdout ("*secret.db*Permission denied*");
    g_test_trap_assert_stdout ("*its folder is read-only and recent changes are still in*");
    g_chmod (ro2_dir, 0755);

    g_chmod (ro_dir, 0755);
    ro_digest_after = aimak_test_file_digest (ro_dir_db);
    g_assert_cmpstr (ro_digest, ==, ro_digest_after);
    g_assert_cmpuint (count_files (ro_dir, NULL), ==, 1);
  }
}

/* ---------------------------------------------------------- vanished */

static void
test_errors_vanished (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *sub = g_build_filename (dir, "export", NULL);
  g_autofree char *target = g_build_filename (sub, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autofree char *backup = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GPtrArray) list = NULL;

  add_marker (db, "kept");
  backup = aimak_backup_create (db, NULL, &error);
  g_assert_no_error (error);

  /* The chosen target folder was removed before writing. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_false (aimak_backup_write (db, target, FALSE, &error));
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_nonnull (strstr (error->message, "choose another folder"));
  g_clear_error (&error);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));

  /* The same for an export: the folder chosen in the dialog is gone. */
  {
    AimakExportOptions opts = { { AIMAK_SCOPE_PILOTS, NULL }, (char *) "en", TRUE, 0 };
    g_autofree char *xlsx = g_build_filename (sub, "plan.xlsx", NULL);

    g_assert_false (aimak_export_workbook (db, &opts, xlsx, NULL, NULL, NULL, &error));
    g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_PATH);
    g_assert_nonnull (strstr (error->message, "export"));
    g_clear_error (&error);
    g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
  }

  /* A backup listed a moment ago was deleted: the restore says so and the
   * database is untouched. */
  list = aimak_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (g_unlink (backup), ==, 0);
  g_clear_pointer (&db, aimak_db_unref);
  {
    g_autofree char *digest = aimak_test_file_digest (path);
    g_autofree char *digest_after = NULL;

    g_assert_false (aimak_backup_restore (backup, path, NULL, &error));
    g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "does not exist"));
    g_assert_nonnull (strstr (error->message, "The current database was not changed"));
    g_clear_error (&error);
    digest_after = aimak_test_file_digest (path);
    g_assert_cmpstr (digest, ==, digest_after);
  }

  /* The file is deleted while the app has it open: a backup through the
   * open connection still saves everything. */
  {
    g_autoptr(AimakDb) open_db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autofree char *rescue = g_build_filename (dir, "rescue.db", NULL);
    g_autoptr(AimakDb) check = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_true (aimak_backup_write (open_db, rescue, FALSE, &error));
    g_assert_no_error (error);
    check = aimak_db_open (rescue, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_marker (check, "kept"), ==, 1);
  }

  /* Once closed, the deleted (or moved) database: a backup of it says so
   * instead of creating an empty one. */
  made = aimak_backup_create_for_path (path, NULL, &error);
  g_assert_null (made);
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE);
  g_assert_nonnull (strstr (error->message, "no longer exists"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (aimak_backup_daily (path, NULL, 3, NULL, &error) == FALSE);
  g_assert_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE);
  g_clear_error (&error);

  aimak_test_rmdir (dir);
}

static void
with_shared_dir (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  if (!g_test_subprocess ())
    {
      shared_dir = aimak_test_tmpdir ();
      g_setenv ("AIMAK_TEST_SHARED_DIR", shared_dir, TRUE);
    }
  func ();
  if (!g_test_subprocess ())
    {
      aimak_test_rmdir (shared_dir);
      g_clear_pointer (&shared_dir, g_free);
    }
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* A child test finds the parent's files through the environment. */
  if (g_test_subprocess ())
    shared_dir = g_strdup (g_getenv ("AIMAK_TEST_SHARED_DIR"));

  g_test_add_func ("/errors/busy", test_errors_busy);
  g_test_add_data_func ("/errors/disk-full-backup", test_errors_disk_full_backup,
                        with_shared_dir);
  g_test_add_data_func ("/errors/disk-full-write", test_errors_disk_full_write,
                        with_shared_dir);
  g_test_add_data_func ("/errors/permission", test_errors_permission, with_shared_dir);
  g_test_add_func ("/errors/vanished", test_errors_vanished);
  return g_test_run ();
}
