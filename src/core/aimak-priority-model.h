/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-model.h — a GListModel over the priority table that scales to
 * 100,000 rows: set_filter() queries only the rowids that match (FTS5 for text
 * search), and row objects are built on demand in get_item().
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITY_ROW (aimak_priority_row_get_type ())
G_DECLARE_FINAL_TYPE (AimakPriorityRow, aimak_priority_row, AIMAK, PRIORITY_ROW, GObject)

/* Read-only properties: "id", "area-code", "area-name", "rank" (int), "title",
 * "marker" (int), "target-groups" (names joined ", " in the db language),
 * "budget" (double, NaN = empty), "status", "status-label", "updated-at",
 * "is-demo" (boolean). */
const char *aimak_priority_row_get_id            (AimakPriorityRow *self);
const char *aimak_priority_row_get_area_code     (AimakPriorityRow *self);
const char *aimak_priority_row_get_area_name     (AimakPriorityRow *self);
int         aimak_priority_row_get_rank          (AimakPriorityRow *self);
const char *aimak_priority_row_get_title         (AimakPriorityRow *self);
int         aimak_priority_row_get_marker        (AimakPriorityRow *self);
const char *aimak_priority_row_get_target_groups (AimakPriorityRow *self);
double      aimak_priority_row_get_budget        (AimakPriorityRow *self);
const char *aimak_priority_row_get_status_label  (AimakPriorityRow *self);
const char *aimak_priority_row_get_updated_at    (AimakPriorityRow *self);
gboolean    aimak_priority_row_get_is_demo       (AimakPriorityRow *self);

/* Sort orders. Ties keep the programme order (area code, rank). Descending is
 * the exact reverse for RANK, TITLE and UPDATED; BUDGET puts empty budgets last
 * both ways; MARKER, STATUS and AREA reverse the groups and keep the programme
 * order inside each group. Sort through the filter, not a GtkSortListModel: the
 * model sorts 100,000 rows with an index, a GtkSorter would fetch every row. */
typedef enum
{
  AIMAK_PRIORITY_SORT_RANK,     /* area name in the db language, then rank */
  AIMAK_PRIORITY_SORT_AREA,     /* area name in the db language, then rank */
  AIMAK_PRIORITY_SORT_TITLE,    /* case-insensitive for ASCII */
  AIMAK_PRIORITY_SORT_MARKER,
  AIMAK_PRIORITY_SORT_BUDGET,
  AIMAK_PRIORITY_SORT_STATUS,   /* workflow order of the status table */
  AIMAK_PRIORITY_SORT_UPDATED,
} AimakPrioritySort;

typedef struct
{
  char              *search;        /* words, prefix-matched over title, problem, description */
  char              *area_code;     /* the area with all its children; NULL = all */
  char              *status;        /* NULL = any */
  int                marker;        /* -1 = any */
  char              *target_group;  /* NULL = any */
  char              *sector_code;   /* NULL = any */
  AimakPrioritySort  sort;
  gboolean           descending;
} AimakPriorityFilter;

#define AIMAK_TYPE_PRIORITY_MODEL (aimak_priority_model_get_type ())
G_DECLARE_FINAL_TYPE (AimakPriorityModel, aimak_priority_model, AIMAK, PRIORITY_MODEL, GObject)

/* Empty until the first set_filter(). */
AimakPriorityModel *aimak_priority_model_new        (AimakDb                   *db);
/* Re-queries the ids that match @filter (NULL = everything; empty strings = any)
 * and emits items-changed (0, old n, new n). @filter is copied. Results are
 * cached between calls and dropped when the database has changed, so calling
 * it after an edit is enough; on error the previous list stays. */
gboolean            aimak_priority_model_set_filter (AimakPriorityModel        *self,
                                                     const AimakPriorityFilter *filter,
                                                     GError                   **error);
/* Re-runs the current filter (after edits) and drops cached rows. */
void                aimak_priority_model_reload     (AimakPriorityModel        *self);
/* Non-deleted priorities in the database, for "N of M shown". */
guint               aimak_priority_model_get_total  (AimakPriorityModel        *self);
/* What the last items-changed really changed, as the list views need it (the
 * signal itself reports the whole list): the @position rows before the span
 * and the rows after its @added are the same rows as before, in the same
 * places counted from either end; all of it when the database changed. */
void                aimak_priority_model_get_changed_span (AimakPriorityModel *self,
                                                           guint              *position,
                                                           guint              *removed,
                                                           guint              *added);
/* Position of @id in the model, or -1. */
int                 aimak_priority_model_find       (AimakPriorityModel        *self,
                                                     const char                *id);

/* Turns user words into a safe FTS5 prefix query ("word"* AND ...); NULL when
 * there is no word. */
char               *aimak_priority_fts_query        (const char                *search);

/* How many non-deleted priorities an area has (with the areas within it), by
 * status (workflow order, names in the db language, only statuses in use) and
 * by gender marker; for the Priorities section of an area's profile. */
typedef struct
{
  char  *code;
  char  *name;
  guint  count;
} AimakPriorityStatusCount;

typedef struct
{
  guint      total;
  guint      by_marker[3];
  GPtrArray *by_status;    /* AimakPriorityStatusCount */
} AimakPriorityCounts;

AimakPriorityCounts *aimak_priority_counts      (AimakDb             *db,
                                                 const char          *area_code,
                                                 GError             **error);
void                 aimak_priority_counts_free (AimakPriorityCounts *counts);
/* Non-deleted priorities of exactly @area_code: the last rank there. */
guint                aimak_priority_count_own   (AimakDb             *db,
                                                 const char          *area_code);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPriorityCounts, aimak_priority_counts_free)

void                aimak_priority_filter_init      (AimakPriorityFilter       *filter);
void                aimak_priority_filter_clear     (AimakPriorityFilter       *filter);

G_END_DECLS
