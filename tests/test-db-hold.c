/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db-hold.c — a write made while the app's start-up quick_check runs
 * (AIMAK_DB_OPEN_HOLD_WRITES with aimak_db_quick_check_async) waits for the
 * check and lands, instead of being refused as read-only (issue 18); on a
 * damaged file it fails with the check's error and the file stays as it was. */
#include "config.h"

#include "aimak-test-util.h"

static void
add_marker (AimakDb     *db,
            const char  *marker,
            GError     **error)
{
  if (aimak_db_begin (db, error))
    {
      if (aimak_db_log_change (db, "marker", marker, "create", NULL, NULL, marker, error))
        aimak_db_commit (db, error);
      else
        aimak_db_rollback (db);
    }
}

static gint64
count_marker (AimakDb    *db,
              const char *marker)
{
  return aimak_db_query_int (db, -1, NULL,
                             "SELECT count(*) FROM change_log WHERE entity = 'marker' "
                             "AND entity_id = ?", "t", marker);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GError **error = data;

  if (!aimak_db_quick_check_finish (result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "passed");
}

static void
wait_checked (GError **error)
{
  while (*error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static char *
make_db (const char *dir)
{
  char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);

  /* Enough pages that damage in the middle hits data, not the header. */
  g_assert_true (aimak_demo_create (db, 300, 10, 1, &error));
  g_assert_no_error (error);
  add_marker (db, "before", &error);
  g_assert_no_error (error);
  return path;
}

/* The edit is made right after the check started, before it could finish:
 * it waits, then is written, and the hold is over. */
static void
test_write_waits_for_check (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) checked = NULL;

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                           AIMAK_DB_OPEN_HOLD_WRITES, &error);

    g_assert_no_error (error);
    g_assert_true (aimak_db_get_writes_held (db));
    aimak_db_quick_check_async (db, on_checked, &checked);
    add_marker (db, "during-check", &error);
    g_assert_no_error (error);
    g_assert_false (aimak_db_get_writes_held (db));
    g_assert_cmpint (count_marker (db, "during-check"), ==, 1);
    wait_checked (&checked);
    g_assert_error (checked, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* the check passed */
    add_marker (db, "after-check", &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (count_marker (db, "during-check"), ==, 1);
    g_assert_cmpint (count_marker (db, "after-check"), ==, 1);
  }
  aimak_test_rmdir (dir);
}

/* Without a check under way the hold refuses writes as before. */
static void
test_write_refused_without_check (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                         AIMAK_DB_OPEN_HOLD_WRITES, &error);

  g_assert_no_error (error);
  add_marker (db, "refused", &error);
  g_assert_nonnull (error);
  g_assert_true (aimak_db_get_writes_held (db));
  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

static void
damage_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize i = len / 3; i < len / 3 + 50000 && i < len; i++)
    data[i] = (char) ((i * 31) % 251);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

/* A damaged file: the waiting write fails with the check's error (not
 * "read-only") and nothing reaches the file. */
static void
test_write_on_damaged_file (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = make_db (dir);
  g_autofree char *digest = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) checked = NULL;

  damage_file (path);
  digest = aimak_test_file_digest (path);
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK |
                                           AIMAK_DB_OPEN_HOLD_WRITES, &error);

    g_assert_no_error (error);
    aimak_db_quick_check_async (db, on_checked, &checked);
    add_marker (db, "lost", &error);
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT);
    g_assert_true (aimak_db_get_writes_held (db));
    wait_checked (&checked);
    g_assert_error (checked, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT);
  }
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (digest, ==, after);
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db-hold/write-waits-for-check", test_write_waits_for_check);
  g_test_add_func ("/db-hold/write-refused-without-check", test_write_refused_without_check);
  g_test_add_func ("/db-hold/write-on-damaged-file", test_write_on_damaged_file);
  return g_test_run ();
}
