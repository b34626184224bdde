/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-task.c — see aimak-task.h. */
#include "config.h"

#include "aimak-task.h"

void
aimak_task_return_result (GTask          *task,
                          gpointer        result,
                          GDestroyNotify  result_free,
                          GError         *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

gboolean
aimak_task_finish_result (GAsyncResult   *result,
                          gpointer       *out,
                          GDestroyNotify  result_free,
                          GError        **error)
{
  gpointer value = g_task_propagate_pointer (G_TASK (result), error);

  if (value == NULL)
    return FALSE;
  if (out != NULL)
    *out = value;
  else
    result_free (value);
  return TRUE;
}
