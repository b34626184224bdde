/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-change-log.c — the change log's rows (AimakChange) and their reader. */
#include "config.h"

#include "aimak-change-log.h"
#include "aimak-packed.h"

/* The texts live in the row's own block: a row of the log is never edited. */
AimakChange *
aimak_change_new (const char *ts,
                  const char *action,
                  const char *field,
                  const char *old_value,
                  const char *new_value)
{
  static const gsize offsets[] = {
    G_STRUCT_OFFSET (AimakChange, ts),
    G_STRUCT_OFFSET (AimakChange, action),
    G_STRUCT_OFFSET (AimakChange, field),
    G_STRUCT_OFFSET (AimakChange, old_value),
    G_STRUCT_OFFSET (AimakChange, new_value),
  };
  const char *texts[] = { ts, action, field, old_value, new_value };

  return _aimak_packed_new (sizeof (AimakChange), G_N_ELEMENTS (texts), offsets, texts);
}

void
aimak_change_free (AimakChange *change)
{
  g_free (change);
}

/* A NULL column stays NULL (aimak_stmt_text() would give ""). */
static const char *
text_or_null (AimakStmt *row,
              int        col)
{
  return aimak_stmt_is_null (row, col) ? NULL : aimak_stmt_text (row, col);
}

static gboolean
add_change (AimakStmt *row,
            gpointer   data,
            GError   **error)
{
  g_ptr_array_add (data, aimak_change_new (aimak_stmt_text (row, 0), aimak_stmt_text (row, 1),
                                           aimak_stmt_text (row, 2), text_or_null (row, 3),
                                           text_or_null (row, 4)));
  return TRUE;
}

GPtrArray *
aimak_change_log_read (AimakDb    *db,
                       const char *entity,
                       const char *entity_id,
                       gboolean    newest_first,
                       GError    **error)
{
  return aimak_db_list (db, error, add_change, (GDestroyNotify) aimak_change_free,
                        newest_first
                          ? "SELECT ts, action, field, old_value, new_value FROM change_log "
                            "WHERE entity = ? AND entity_id = ? ORDER BY id DESC"
                          : "SELECT ts, action, field, old_value, new_value FROM change_log "
                            "WHERE entity = ? AND entity_id = ? ORDER BY id",
                        "tt", entity, entity_id);
}

GPtrArray *
aimak_change_log_list (AimakDb    *db,
                       const char *entity,
                       const char *entity_id,
                       GError    **error)
{
  return aimak_change_log_read (db, entity, entity_id, TRUE, error);
}
