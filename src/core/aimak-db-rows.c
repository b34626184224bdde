/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-rows.c — row functions for aimak_db_foreach() that many readers
 * share. */
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
