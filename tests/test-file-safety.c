/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-safety.c — the guards around the files Aimak writes: which workbook
 * targets are refused, the read-back check of a finished workbook, which stale
 * temporary files are removed, and read-only opens that leave nothing beside the
 * file they read (TAP).
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "aimak-file-safety-private.h"
#include "aimak-test-util.h"

static char *
make_workbook (const char *dir,
               const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);

  for (int row = 0; row < 2000; row++)
    worksheet_write_number (ws, row, 0, row * 1.5, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static void
test_verify_workbook (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *good = make_workbook (dir, "good.xlsx");
  g_autofree char *cut = g_build_filename (dir, "cut.xlsx", NULL);
  g_autofree char *flipped = g_build_filename (dir, "flipped.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_file_verify_workbook (good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aimak_file_sniff (good), ==, AIMAK_FILE_KIND_WORKBOOK);

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  /* Cut short: the list of parts at the end is gone. */
  g_assert_true (g_file_set_contents (cut, contents, len / 2, NULL));
  g_assert_false (aimak_file_verify_workbook (cut, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* One byte changed inside a compressed part: its CRC no longer matches. */
  contents[len / 3] ^= 0x55;
  g_assert_true (g_file_set_contents (flipped, contents, len, NULL));
  g_assert_false (aimak_file_verify_workbook (flipped, &error));
  g_assert_nonnull (strstr (error->message, "incomplete"));
  g_clear_error (&error);
  aimak_test_rmdir (dir);
}

static void
test_workbook_target (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  const char *dir = tdb->dir;
  const char *db_path = aimak_db_get_path (db);
  g_autofree char *workbook = make_workbook (dir, "w.xlsx");
  g_autofree char *link = g_build_filename (dir, "link.xlsx", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.xlsx", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *in_backups = g_build_filename (backups, "w.xlsx", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.xlsx", NULL);
  g_autofree char *out_dir = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (db_path, link), ==, 0);
  g_assert_true (g_file_set_contents (text, "notes", -1, NULL));
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);

  g_assert_false (aimak_file_check_workbook_target (db_path, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (aimak_file_check_workbook_target (link, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (aimak_file_check_workbook_target (wal, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  /* Any SQLite file, even with no database open. */
  g_assert_false (aimak_file_check_workbook_target (db_path, NULL, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (aimak_file_check_workbook_target (text, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (aimak_file_check_workbook_target (in_backups, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (aimak_file_check_workbook_target (workbook, db_path, FALSE, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (aimak_file_check_workbook_target (workbook, db_path, TRUE, &out_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out_dir, ==, dir);
  g_assert_true (aimak_file_check_workbook_target (fresh, db_path, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static char *
touch (const char *dir,
       const char *name,
       const char *content,
       gboolean    old)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  if (old)
    {
      g_autoptr(GDateTime) then = g_date_time_new_now_local ();
      g_autoptr(GDateTime) earlier = g_date_time_add_hours (then, -2);
      gint64 t = g_date_time_to_unix (earlier);
      struct timespec times[2] = { { t, 0 }, { t, 0 } };

      g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    }
  return path;
}

static void
test_clean_stale (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "true", NULL);
  g_autofree char *gone_pid = NULL;
  g_autofree char *own_pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL;
  g_autofree char *dead_backup = NULL, *dead_export = NULL, *dead_new = NULL;
  g_autofree char *running = NULL, *old_plain = NULL, *fresh_plain = NULL;
  g_autofree char *users = NULL, *old_workbook_name = NULL, *unrelated = NULL;

  g_assert_true (g_subprocess_wait (child, NULL, NULL));
  gone_pid = g_strdup (g_subprocess_get_identifier (child));
  if (gone_pid == NULL)
    gone_pid = g_strdup ("2147483000");
  n1 = g_strdup_printf (".aimak-incomplete-%s-aB3dE5.db", gone_pid);
  n2 = g_strdup_printf (".w.xlsx.aimak-%s-aB3dE5", gone_pid);
  n3 = g_strdup_printf ("plan.sqlite.new-%s-0123abcd", gone_pid);
  dead_backup = touch (dir, n1, "x", FALSE);
  dead_export = touch (dir, n2, "PK", FALSE);
  dead_new = touch (dir, n3, "", FALSE);
  {
    g_autofree char *n4 = g_strdup_printf (".aimak-incomplete-%s-zZ9yY8.db", own_pid);
    running = touch (dir, n4, "x", FALSE);
  }
  old_plain = touch (dir, ".aimak-incomplete-Qw3Er4.db", "x", TRUE);
  fresh_plain = touch (dir, ".aimak-incomplete-Ty5Ui6.db", "x", FALSE);
  users = touch (dir, ".notes.xlsx.backup", "mine", TRUE);
  old_workbook_name = touch (dir, ".w.xlsx.Op7As8", "PK", TRUE);
  unrelated = touch (dir, "aimak-incomplete-notes.db", "x", TRUE);

  g_assert_cmpuint (aimak_file_clean_stale_temps (dir), ==, 5);
  g_assert_false (g_file_test (dead_backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_export, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_new, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_plain, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_workbook_name, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_plain, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (users, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  aimak_test_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* Reading a WAL database nobody has open leaves no "-wal" or "-shm" beside it,
 * whether it opens or turns out damaged; an older schema is refused, unchanged,
 * when the current one is required. */
static void
test_read_only_leaves_nothing (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_clear_pointer (&path, g_free);
  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    path = g_strdup (aimak_db_get_path (db));
  }
  before = count_entries (dir);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_query_int (db, 0, &error, "SELECT count(*) FROM area", NULL),
                     >, 0);
    g_assert_cmpuint (count_entries (dir), ==, before);
  }
  g_assert_cmpuint (count_entries (dir), ==, before);

  /* An older schema: refused with the command that upgrades it. */
  {
    sqlite3 *handle = NULL;
    g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 1", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (handle);
  }
  before = count_entries (dir);
  digest = aimak_test_file_digest (path);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY |
                                           AIMAK_DB_OPEN_CURRENT_SCHEMA, &error);
    g_assert_null (db);
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NEEDS_MIGRATION);
    g_assert_nonnull (strstr (error->message, "aimak-cli migrate"));
    g_clear_error (&error);
  }
  {
    g_autofree char *after = aimak_test_file_digest (path);
    g_assert_cmpstr (after, ==, digest);
  }
  g_assert_cmpuint (count_entries (dir), ==, before);

  /* Damaged: refused, and still nothing beside it. */
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    for (gsize off = 4096 * 2; off + 300 < len; off += 4096 * 2)
      memset (contents + off + 8, 0xff, 200);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_assert_null (db);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_entries (dir), ==, before);

  /* A missing file is named, and not created. */
  {
    g_autofree char *missing = g_build_filename (dir, "typo.db", NULL);
    g_autoptr(AimakDb) db = aimak_db_open (missing, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_assert_null (db);
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "no database at"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-safety/verify-workbook", test_verify_workbook);
  g_test_add_func ("/file-safety/workbook-target", test_workbook_target);
  g_test_add_func ("/file-safety/clean-stale", test_clean_stale);
  g_test_add_func ("/file-safety/read-only-leaves-nothing", test_read_only_leaves_nothing);
  return g_test_run ();
}
