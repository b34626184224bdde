/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-rows.c — row functions for aimak_db_foreach() that many readers
 * share, and the list of a query's rows. */
#include "config.h"

#include "aimak-db.h"

gboolean
aimak_db_row_add_text (AimakStmt *row,
                       gpointer   user_data,
                       GError   **error)
{
  g_ptr_array_add (user_data, g_strdup (aimak_stmt_text (row, 0)));
  return TRUE;
}

GPtrArray *
aimak_db_list (AimakDb       *db,
               GError       **error,
               AimakRowFunc   func,
               GDestroyNotify free_func,
               const char    *sql,
               const char    *types,
               ...)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = aimak_db_foreach_va (db, error, func, list, sql, types, args);
  va_end (args);
  return ok ? g_steal_pointer (&list) : NULL;
}
