/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-job.h — work run in a GTask thread on a database connection of its
 * own (an SQLite connection is not shared between threads): the thread opens
 * the database of the caller's connection, runs the work and returns its
 * result or its error to the task's callback. */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

/* The work, in the thread: TRUE with its result in *@result (left NULL by
 * work that has none), or FALSE with @error set (a result left in *@result
 * is then freed). */
typedef gboolean (*AimakDbJobFunc) (AimakDb       *db,
                                    gpointer       data,
                                    gpointer      *result,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Runs @func in a thread of @task on a new connection to the database of
 * @db, opened with @flags, and hands it @data (freed with @data_free when the
 * task goes); a result nobody takes is freed with @result_free. */
void     aimak_db_job_run      (GTask            *task,
                                AimakDb          *db,
                                AimakDbFlags      flags,
                                AimakDbJobFunc    func,
                                gpointer          data,
                                GDestroyNotify    data_free,
                                GDestroyNotify    result_free);
/* The @data given to aimak_db_job_run(). */
gpointer aimak_db_job_get_data (GAsyncResult     *result);
/* TRUE when the work succeeded, with its result in *@out (when @out is not
 * NULL; otherwise it is freed); FALSE with @error set when the database
 * could not be opened, the work failed or the task was cancelled. */
gboolean aimak_db_job_finish   (GAsyncResult     *result,
                                gpointer         *out,
                                GError          **error);

G_END_DECLS
