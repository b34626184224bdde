/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-db-job.c — aimak_db_job_run() runs its work on a connection of its own to
 * the caller's database, hands the result or the error to the callback, and
 * frees the job's data and an untaken or failed result. */
#include "config.h"

#include "aimak-db-job.h"
#include "aimak-test-util.h"

typedef struct
{
  AimakDb  *caller;
  gboolean  fail;
  gboolean  no_result;
  gboolean  write;
  int      *freed;     /* data and results freed so far */
} Work;

static void
work_free (Work *work)
{
  g_atomic_int_inc (work->freed);
  g_free (work);
}

static void
result_free (char *result)
{
  g_free (result);
}

static gboolean
work (AimakDb       *db,
      gpointer       data,
      gpointer      *result,
      GCancellable  *cancellable,
      GError       **error)
{
  Work *w = data;

  g_assert_true (db != w->caller);
  g_assert_cmpstr (aimak_db_get_path (db), ==, aimak_db_get_path (w->caller));
  if (w->write)
    return aimak_db_exec (db, error, "DELETE FROM change_log", "");
  if (w->no_result)
    return TRUE;
  *result = g_strdup ("made");
  if (w->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed");
      return FALSE;
    }
  return TRUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
run (AimakDb      *db,
     AimakDbFlags  flags,
     Work         *w)
{
  GAsyncResult *result = NULL;
  GTask *task = g_task_new (NULL, NULL, on_done, &result);

  aimak_db_job_run (task, db, flags, work, w, (GDestroyNotify) work_free,
                    (GDestroyNotify) result_free);
  g_object_unref (task);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (aimak_db_job_get_data (result) == w);
  return result;
}

/* The worker thread may drop the task (and with it the data) a moment after
 * the callback ran. */
static void
assert_freed_once (GAsyncResult *result,
                   int          *freed)
{
  g_object_unref (result);
  for (guint i = 0; i < 5000 && g_atomic_int_get (freed) == 0; i++)
    g_usleep (1000);
  g_assert_cmpint (g_atomic_int_get (freed), ==, 1);
}

static void
test_result (AimakTestDb   *f,
             gconstpointer  data)
{
  int freed = 0;
  Work *w = g_new0 (Work, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  GAsyncResult *result;

  w->caller = f->db;
  w->freed = &freed;
  result = run (f->db, AIMAK_DB_OPEN_NO_CREATE, w);
  g_assert_true (aimak_db_job_finish (result, (gpointer *) &made, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (made, ==, "made");
  assert_freed_once (result, &freed);
}

static void
test_failure (AimakTestDb   *f,
              gconstpointer  data)
{
  int freed = 0;
  Work *w = g_new0 (Work, 1);
  g_autoptr(GError) error = NULL;
  char *made = NULL;
  GAsyncResult *result;

  w->caller = f->db;
  w->freed = &freed;
  w->fail = TRUE;
  result = run (f->db, AIMAK_DB_OPEN_NO_CREATE, w);
  g_assert_false (aimak_db_job_finish (result, (gpointer *) &made, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (made);
  assert_freed_once (result, &freed);
}

static void
test_no_result (AimakTestDb   *f,
                gconstpointer  data)
{
  int freed = 0;
  Work *w = g_new0 (Work, 1);
  g_autoptr(GError) error = NULL;
  char *made = (char *) "untouched";
  GAsyncResult *result;

  w->caller = f->db;
  w->freed = &freed;
  w->no_result = TRUE;
  result = run (f->db, AIMAK_DB_OPEN_NO_CREATE, w);
  g_assert_true (aimak_db_job_finish (result, (gpointer *) &made, &error));
  g_assert_null (made);
  assert_freed_once (result, &freed);
}

static void
test_read_only (AimakTestDb   *f,
                gconstpointer  data)
{
  int freed = 0;
  Work *w = g_new0 (Work, 1);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result;

  w->caller = f->db;
  w->freed = &freed;
  w->write = TRUE;
  result = run (f->db, AIMAK_DB_OPEN_NO_CREATE, w);
  g_assert_true (aimak_db_job_finish (result, NULL, &error));
  g_assert_no_error (error);
  assert_freed_once (result, &freed);

  /* The same write on a read-only connection is refused. */
  freed = 0;
  w = g_new0 (Work, 1);
  w->caller = f->db;
  w->freed = &freed;
  w->write = TRUE;
  result = run (f->db, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE, w);
  g_assert_false (aimak_db_job_finish (result, NULL, &error));
  g_assert_nonnull (error);
  assert_freed_once (result, &freed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, AimakTestDb, NULL, aimak_test_db_set_up, fn, \
                                  aimak_test_db_tear_down)
  ADD ("/db-job/result", test_result);
  ADD ("/db-job/failure", test_failure);
  ADD ("/db-job/no-result", test_no_result);
  ADD ("/db-job/read-only", test_read_only);
#undef ADD
  return g_test_run ();
}
