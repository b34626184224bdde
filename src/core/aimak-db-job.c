/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-job.c — see aimak-db-job.h. */
#include "config.h"

#include "aimak-db-job.h"

typedef struct
{
  char             *db_path;
  AimakDbFlags      flags;
  AimakDbJobFunc    func;
  gpointer          data;
  GDestroyNotify    data_free;
  GDestroyNotify    result_free;
} DbJob;

static void
db_job_free (DbJob *job)
{
  g_free (job->db_path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
db_job_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DbJob *job = task_data;
  g_autoptr(AimakDb) db = NULL;
  gpointer result = NULL;
  GError *error = NULL;

  db = aimak_db_open (job->db_path, job->flags, &error);
  if (db != NULL && job->func (db, job->data, &result, cancellable, &error))
    {
      g_task_return_pointer (task, result, job->result_free);
      return;
    }
  if (result != NULL && job->result_free != NULL)
    job->result_free (result);
  g_task_return_error (task, error);
}

void
aimak_db_job_run (GTask            *task,
                  AimakDb          *db,
                  AimakDbFlags      flags,
                  AimakDbJobFunc    func,
                  gpointer          data,
                  GDestroyNotify    data_free,
                  GDestroyNotify    result_free)
{
  DbJob *job = g_new0 (DbJob, 1);

  g_return_if_fail (G_IS_TASK (task));
  job->db_path = g_strdup (aimak_db_get_path (db));
  job->flags = flags;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_task_data (task, job, (GDestroyNotify) db_job_free);
  g_task_run_in_thread (task, db_job_thread);
}

gpointer
aimak_db_job_get_data (GAsyncResult *result)
{
  DbJob *job = g_task_get_task_data (G_TASK (result));

  return job->data;
}

gboolean
aimak_db_job_finish (GAsyncResult  *result,
                     gpointer      *out,
                     GError       **error)
{
  DbJob *job = g_task_get_task_data (G_TASK (result));
  GError *local_error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (out != NULL)
    *out = value;
  else if (value != NULL && job->result_free != NULL)
    job->result_free (value);
  return TRUE;
}
