/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-move.c — moving a former area's open priorities and
 * activities to its successor, each move in the record's history. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"

/* Open: a priority not completed, rejected or deleted; an activity dated on or
 * after the day the area ended (it took place in the successor). */
#define OPEN_PRIORITIES "FROM priority WHERE area_code = ?1 AND deleted_at IS NULL " \
                        "AND status NOT IN ('completed', 'rejected')"
#define OPEN_ACTIVITIES "FROM activity WHERE area_code = ?1 AND deleted_at IS NULL " \
                        "AND date >= coalesce ((SELECT valid_to FROM area WHERE code = ?1), " \
                        "'9999')"

gboolean
aimak_area_count_open (AimakDb     *db,
                       const char  *code,
                       guint       *n_priorities,
                       guint       *n_activities,
                       GError     **error)
{
  gint64 np = aimak_db_query_int (db, -1, error, "SELECT count(*) " OPEN_PRIORITIES, "t", code);
  gint64 na = np < 0 ? -1 : aimak_db_query_int (db, -1, error, "SELECT count(*) "
                                                OPEN_ACTIVITIES, "t", code);

  if (na < 0)
    return FALSE;
  *n_priorities = (guint) np;
  *n_activities = (guint) na;
  return TRUE;
}

typedef struct
{
  const char *from;
  char       *to;
  GPtrArray  *priorities;
  GPtrArray  *activities;
} Move;

static char *
single_successor (AimakDb     *db,
                  const char  *code,
                  GError     **error)
{
  g_autoptr(GPtrArray) next = aimak_area_successors (db, code, error);
  const char *to = NULL;

  if (next == NULL)
    return NULL;
  for (guint i = 0; i < next->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (next, i);
      if (c->kind == AIMAK_AREA_CHANGE_PART_TRANSFERRED)
        continue;
      if (to && g_strcmp0 (to, c->new_code) != 0)
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                       _("“%s” was split into several areas: move its priorities one by one "
                         "in their editor."), code);
          return NULL;
        }
      to = c->new_code;
    }
  if (to == NULL)
    g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                 _("“%s” is a current area: it has no successor."), code);
  return g_strdup (to);
}

static gboolean
move_work (AimakDb  *db,
           gpointer  user_data,
           GError  **error)
{
  Move *m = user_data;
  g_autofree char *now = aimak_db_now ();

  if (!aimak_db_foreach (db, error, aimak_db_row_add_text, m->priorities,
                         "SELECT id " OPEN_PRIORITIES " ORDER BY rank", "t", m->from) ||
      !aimak_db_foreach (db, error, aimak_db_row_add_text, m->activities,
                         "SELECT id " OPEN_ACTIVITIES " ORDER BY date", "t", m->from))
    return FALSE;
  for (guint i = 0; i < m->priorities->len; i++)
    {
      const char *id = g_ptr_array_index (m->priorities, i);
      /* After the successor's own priorities, in their order. */
      if (!aimak_db_exec (db, error,
                          "UPDATE priority SET area_code = ?2, updated_at = ?3, rank = "
                          "(SELECT coalesce (max (rank), 0) + 1 FROM priority WHERE "
                          "area_code = ?2 AND deleted_at IS NULL) WHERE id = ?1",
                          "ttt", id, m->to, now) ||
          !aimak_db_log_change (db, "priority", id, "update", "area_code", m->from, m->to,
                                error))
        return FALSE;
    }
  for (guint i = 0; i < m->activities->len; i++)
    {
      const char *id = g_ptr_array_index (m->activities, i);
      if (!aimak_db_exec (db, error, "UPDATE activity SET area_code = ?2, updated_at = ?3 "
                          "WHERE id = ?1", "ttt", id, m->to, now) ||
          !aimak_db_log_change (db, "activity", id, "update", "area_code", m->from, m->to,
                                error))
        return FALSE;
    }
  return TRUE;
}

gboolean
aimak_area_move_open_to_successor (AimakDb     *db,
                                   const char  *code,
                                   guint       *n_priorities,
                                   guint       *n_activities,
                                   GError     **error)
{
  g_autoptr(GPtrArray) priorities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *to = single_successor (db, code, error);
  Move m = { code, to, priorities, activities };

  if (to == NULL)
    return FALSE;
  if (!aimak_db_run_in_transaction (db, move_work, &m, error))
    return FALSE;
  if (n_priorities)
    *n_priorities = priorities->len;
  if (n_activities)
    *n_activities = activities->len;
  return TRUE;
}
