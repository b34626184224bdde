/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-task.h — the two ends of a GTask that returns a pointer, once: the
 * worker returns its result or its error, and the _finish() function hands the
 * result to an optional out argument. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns @result (freed with @result_free if nobody takes it) from @task, or
 * @error (taken) when @result is NULL. */
void     aimak_task_return_result  (GTask          *task,
                                    gpointer        result,
                                    GDestroyNotify  result_free,
                                    GError         *error);

/* The pointer @result returned into *@out (when @out is not NULL; otherwise it
 * is freed with @result_free); FALSE with @error set when the task failed. */
gboolean aimak_task_finish_result  (GAsyncResult   *result,
                                    gpointer       *out,
                                    GDestroyNotify  result_free,
                                    GError        **error);

G_END_DECLS
