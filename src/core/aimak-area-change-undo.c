/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-undo.c — taking an applied change list back as a whole. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"

typedef struct
{
  gint64     batch;
  GPtrArray *created;  /* codes of the areas the batch created */
} Undo;

static gboolean
undo_row (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  /* Read by the caller's loop; here only the created areas are collected. */
  Undo *u = user_data;

  if (aimak_stmt_int (st, 0))
    g_ptr_array_add (u->created, g_strdup (aimak_stmt_text (st, 1)));
  return TRUE;
}

static gboolean
refuse_if_used (AimakDb     *db,
                const char  *code,
                GError     **error)
{
  gint64 n = aimak_db_query_int (db, -1, error,
                                 "SELECT (SELECT count(*) FROM priority WHERE area_code = ?1) + "
                                 "(SELECT count(*) FROM activity WHERE area_code = ?1) + "
                                 "(SELECT count(*) FROM indicator_value WHERE area_code = ?1) + "
                                 "(SELECT count(*) FROM area WHERE parent_code = ?1)",
                                 "t", code);
  if (n < 0)
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   _("The change cannot be undone: the new area “%s” now has priorities, "
                     "activities or values. Move them back first."), code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_as_of (AimakDb  *db,
               gint64    batch,
               GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch);
  g_autofree char *before = aimak_db_query_text (db, NULL, "SELECT old_value FROM change_log "
                                                 "WHERE entity = 'area_change' AND "
                                                 "entity_id = ? AND action = 'apply' "
                                                 "ORDER BY id DESC LIMIT 1", "t", id);
  g_auto(GStrv) parts = before ? g_strsplit (before, "\t", 2) : NULL;
  g_autofree char *after = NULL;

  if (parts && parts[0] && parts[1] &&
      !aimak_db_exec (db, error, "INSERT OR REPLACE INTO app_meta (key, value) VALUES "
                      "('area_list_date', ?), ('area_list_name', ?)", "tt", parts[0], parts[1]))
    return FALSE;
  return aimak_db_log_change (db, "area_change", id, "undo", "area_list", NULL, before, error);
}

static gboolean
undo_work (AimakDb  *db,
           gpointer  user_data,
           GError  **error)
{
  Undo *u = user_data;
  gint64 last = aimak_area_change_last_batch (db, error);

  if (last < 0)
    return FALSE;
  if (u->batch != last)
    {
      if (last == 0)
        g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                             _("There is no applied area change to undo."));
      else
        g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                     _("Only the newest applied change list can be undone (number %d)."),
                     (int) last);
      return FALSE;
    }
  if (!aimak_db_foreach (db, error, undo_row, u,
                         "SELECT created_new, new_code FROM area_change WHERE batch = ?",
                         "I", u->batch))
    return FALSE;
  for (guint i = 0; i < u->created->len; i++)
    if (!refuse_if_used (db, g_ptr_array_index (u->created, i), error))
      return FALSE;
  /* Newest row first: names and validity as each row found them. */
  if (!aimak_db_exec (db, error,
                      "UPDATE area SET valid_to = (SELECT c.old_valid_to FROM area_change c "
                      "WHERE c.batch = ?1 AND c.old_code = area.code AND c.kind IN "
                      "('merged_into', 'split_from', 'code_changed') ORDER BY c.id LIMIT 1) "
                      "WHERE code IN (SELECT old_code FROM area_change WHERE batch = ?1 AND "
                      "kind IN ('merged_into', 'split_from', 'code_changed'))", "I", u->batch) ||
      !aimak_db_exec (db, error,
                      "UPDATE area SET (name_en, name_ru, name_ky) = (SELECT c.old_name_en, "
                      "c.old_name_ru, c.old_name_ky FROM area_change c WHERE c.batch = ?1 AND "
                      "c.old_code = area.code AND c.kind = 'renamed' ORDER BY c.id LIMIT 1) "
                      "WHERE code IN (SELECT old_code FROM area_change WHERE batch = ?1 AND "
                      "kind = 'renamed')", "I", u->batch))
    return FALSE;
  for (guint i = u->created->len; i > 0; i--)
    if (!aimak_db_exec (db, error, "DELETE FROM area WHERE code = ?", "t",
                        g_ptr_array_index (u->created, i - 1)))
      return FALSE;
  return aimak_db_exec (db, error, "UPDATE area_change SET undone = 1 WHERE batch = ?", "I",
                        u->batch) &&
         restore_as_of (db, u->batch, error);
}

gboolean
aimak_area_change_undo (AimakDb  *db,
                        gint64    batch,
                        GError  **error)
{
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  Undo u = { batch, created };

  return aimak_db_run_in_transaction (db, undo_work, &u, error);
}
