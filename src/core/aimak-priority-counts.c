/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-counts.c — the counts of an area's priorities by status, for
 * the area's page and the summary. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-priority-model.h"
#include "aimak-db.h"

/* ------------------------------------------------------------------------ */
/* Counts for one area                                                       */

static void
status_count_free (gpointer data)
{
  AimakPriorityStatusCount *c = data;

  g_free (c->code);
  g_free (c->name);
  g_free (c);
}

void
aimak_priority_counts_free (AimakPriorityCounts *counts)
{
  if (counts == NULL)
    return;
  g_clear_pointer (&counts->by_status, g_ptr_array_unref);
  g_free (counts);
}

/* A row (gender marker, count). */
static gboolean
add_marker_count (AimakStmt *row,
                  gpointer   data,
                  GError   **error)
{
  AimakPriorityCounts *counts = data;
  int marker = aimak_stmt_int (row, 0);
  guint n = (guint) aimak_stmt_int64 (row, 1);

  counts->total += n;
  if (marker >= 0 && marker < (int) G_N_ELEMENTS (counts->by_marker))
    counts->by_marker[marker] += n;
  return TRUE;
}

/* A row (status, its name, count). */
static gboolean
add_status_count (AimakStmt *row,
                  gpointer   data,
                  GError   **error)
{
  AimakPriorityCounts *counts = data;
  AimakPriorityStatusCount *c = g_new0 (AimakPriorityStatusCount, 1);
  const char *name = aimak_stmt_text (row, 1);

  c->code = g_strdup (aimak_stmt_text (row, 0));
  c->name = g_strdup (name && *name ? name : c->code);
  c->count = (guint) aimak_stmt_int64 (row, 2);
  g_ptr_array_add (counts->by_status, c);
  return TRUE;
}

#define AREA_AND_CHILDREN \
  "WITH RECURSIVE t(code) AS (SELECT ?1 UNION ALL " \
  "SELECT c.code FROM area c JOIN t ON c.parent_code = t.code) "

AimakPriorityCounts *
aimak_priority_counts (AimakDb     *db,
                       const char  *area_code,
                       GError     **error)
{
  g_autoptr(AimakPriorityCounts) counts = g_new0 (AimakPriorityCounts, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  counts->by_status = g_ptr_array_new_with_free_func (status_count_free);
  if (!aimak_db_foreach (db, error, add_marker_count, counts,
                         AREA_AND_CHILDREN
                         "SELECT p.gender_marker, count(*) FROM priority p "
                         "WHERE p.deleted_at IS NULL AND p.area_code IN (SELECT code FROM t) "
                         "GROUP BY p.gender_marker", "t", area_code))
    return NULL;
  /* A status missing from the code list still counts, after the known ones. */
  if (!aimak_db_foreach (db, error, add_status_count, counts,
                         AREA_AND_CHILDREN
                         "SELECT p.status, aimak_name(s.name_en, s.name_ru, s.name_ky), "
                         "count(*) FROM priority p LEFT JOIN status s ON s.code = p.status "
                         "WHERE p.deleted_at IS NULL AND p.area_code IN (SELECT code FROM t) "
                         "GROUP BY p.status ORDER BY s.code IS NULL, s.sort, p.status",
                         "t", area_code))
    return NULL;
  return g_steal_pointer (&counts);
}

guint
aimak_priority_count_own (AimakDb    *db,
                          const char *area_code)
{
  g_return_val_if_fail (db != NULL, 0);
  return (guint) aimak_db_query_int (db, 0, NULL,
                                     "SELECT count(*) FROM priority WHERE area_code = ? "
                                     "AND deleted_at IS NULL", "t", area_code ? area_code : "");
}
