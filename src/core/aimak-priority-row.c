/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-row.c — one line of the priorities list (AimakPriorityRow),
 * built by AimakPriorityModel for the rows a view shows. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change.h"
#include "aimak-priority-model.h"
#include "aimak-priority-row-private.h"
#include "aimak-props.h"

/* ------------------------------------------------------------------------ */
/* AimakPriorityRow                                                          */

struct _AimakPriorityRow
{
  GObject   parent_instance;

  char     *id;
  char     *area_code;
  char     *area_name;
  int       rank;
  char     *title;
  int       marker;
  char     *target_groups;
  double    budget;
  char     *status;
  char     *status_label;
  char     *updated_at;
  gboolean  is_demo;
};

G_DEFINE_FINAL_TYPE (AimakPriorityRow, aimak_priority_row, G_TYPE_OBJECT)

#define ROW_STRING(name, member) AIMAK_PROP_STRING (name, AimakPriorityRow, member)

/* NaN (no budget) is a valid value of the read-only "budget"; its default cannot be NaN. */
static const AimakProp row_props[] = {
  ROW_STRING ("id", id),
  ROW_STRING ("area-code", area_code),
  ROW_STRING ("area-name", area_name),
  AIMAK_PROP_NUMBER ("rank", G_TYPE_INT, AimakPriorityRow, rank, 0, G_MAXINT),
  ROW_STRING ("title", title),
  AIMAK_PROP_NUMBER ("marker", G_TYPE_INT, AimakPriorityRow, marker, 0, 2),
  ROW_STRING ("target-groups", target_groups),
  AIMAK_PROP_NUMBER ("budget", G_TYPE_DOUBLE, AimakPriorityRow, budget, 0, 0),
  ROW_STRING ("status", status),
  ROW_STRING ("status-label", status_label),
  ROW_STRING ("updated-at", updated_at),
  AIMAK_PROP_BOOLEAN ("is-demo", AimakPriorityRow, is_demo),
};

static void
aimak_priority_row_finalize (GObject *object)
{
  aimak_props_free_strings (object, row_props, G_N_ELEMENTS (row_props));
  G_OBJECT_CLASS (aimak_priority_row_parent_class)->finalize (object);
}

static void
aimak_priority_row_class_init (AimakPriorityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_priority_row_finalize;
  aimak_props_install (object_class, row_props, G_N_ELEMENTS (row_props));
}

static void
aimak_priority_row_init (AimakPriorityRow *self)
{
  self->budget = NAN;
}

const char *
aimak_priority_row_get_id (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->id;
}

const char *
aimak_priority_row_get_area_code (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->area_code;
}

const char *
aimak_priority_row_get_area_name (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->area_name;
}

int
aimak_priority_row_get_rank (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), 0);
  return self->rank;
}

const char *
aimak_priority_row_get_title (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->title;
}

int
aimak_priority_row_get_marker (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), 0);
  return self->marker;
}

const char *
aimak_priority_row_get_target_groups (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->target_groups;
}

double
aimak_priority_row_get_budget (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NAN);
  return self->budget;
}

const char *
aimak_priority_row_get_status (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->status;
}

const char *
aimak_priority_row_get_status_label (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->status_label;
}

const char *
aimak_priority_row_get_updated_at (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->updated_at;
}

gboolean
aimak_priority_row_get_is_demo (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), FALSE);
  return self->is_demo;
}

/* The row of the model's row query, or an empty row when @st is NULL. */
AimakPriorityRow *
_aimak_priority_row_new_from_stmt (AimakStmt *st)
{
  AimakPriorityRow *row = g_object_new (AIMAK_TYPE_PRIORITY_ROW, NULL);

  if (st == NULL)
    {
      row->id = g_strdup ("");
      row->title = g_strdup ("");
      return row;
    }
  row->id = g_strdup (aimak_stmt_text (st, 0));
  row->area_code = g_strdup (aimak_stmt_text (st, 1));
  /* An area that ended in a territorial change keeps its priorities (history
   * is never rewritten): the list says so beside its name. */
  row->area_name = aimak_stmt_int (st, 12) ? aimak_area_former_label (aimak_stmt_text (st, 2))
                                            : g_strdup (aimak_stmt_text (st, 2));
  row->rank = aimak_stmt_int (st, 3);
  row->title = g_strdup (aimak_stmt_text (st, 4));
  row->marker = aimak_stmt_int (st, 5);
  row->target_groups = g_strdup (aimak_stmt_text (st, 6));
  row->budget = aimak_stmt_double_or_nan (st, 7);
  row->status = g_strdup (aimak_stmt_text (st, 8));
  row->status_label = g_strdup (aimak_stmt_text (st, 9));
  row->updated_at = g_strdup (aimak_stmt_text (st, 10));
  row->is_demo = aimak_stmt_int (st, 11) != 0;
  return row;
}
