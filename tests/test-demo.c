/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo.c — aimak_demo_count_records(), which the window's demo banner asks. */
#include "config.h"

#include <glib/gstdio.h>

#include "aimak-demo-private.h"
#include "aimak-test-util.h"

static gint64
count_where_demo (AimakDb    *db,
                  const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE is_demo = 1", table);

  return aimak_db_query_int (db, -1, NULL, sql, NULL);
}

static void
test_count_records (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  gint64 expected;

  /* A new database has no demo records. */
  g_assert_cmpint (aimak_demo_count_records (db, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (aimak_demo_create (db, 12, 5, 3, &error));
  g_assert_no_error (error);
  expected = count_where_demo (db, "priority") + count_where_demo (db, "activity") +
             count_where_demo (db, "indicator_value");
  g_assert_cmpint (count_where_demo (db, "priority"), ==, 12);
  g_assert_cmpint (count_where_demo (db, "activity"), ==, 5);
  g_assert_cmpint (aimak_demo_count_records (db, &error), ==, expected);
  g_assert_no_error (error);
  g_assert_true (aimak_demo_present (db));

  /* Removing them brings the count back to 0. */
  g_assert_true (aimak_demo_remove (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aimak_demo_count_records (db, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_false (aimak_demo_present (db));
  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/count-records", test_count_records);
  return g_test_run ();
}
