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

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_AREA_CODE,
  ROW_PROP_AREA_NAME,
  ROW_PROP_RANK,
  ROW_PROP_TITLE,
  ROW_PROP_MARKER,
  ROW_PROP_TARGET_GROUPS,
  ROW_PROP_BUDGET,
  ROW_PROP_STATUS,
  ROW_PROP_STATUS_LABEL,
  ROW_PROP_UPDATED_AT,
  ROW_PROP_IS_DEMO,
  ROW_N_PROPS
};

static GParamSpec *row_props[ROW_N_PROPS];

static void
aimak_priority_row_finalize (GObject *object)
{
  AimakPriorityRow *self = AIMAK_PRIORITY_ROW (object);

  g_free (self->id);
  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->title);
  g_free (self->target_groups);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->updated_at);
  G_OBJECT_CLASS (aimak_priority_row_parent_class)->finalize (object);
}

static void
aimak_priority_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakPriorityRow *self = AIMAK_PRIORITY_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:            g_value_set_string (value, self->id); break;
    case ROW_PROP_AREA_CODE:     g_value_set_string (value, self->area_code); break;
    case ROW_PROP_AREA_NAME:     g_value_set_string (value, self->area_name); break;
    case ROW_PROP_RANK:          g_value_set_int (value, self->rank); break;
    case ROW_PROP_TITLE:         g_value_set_string (value, self->title); break;
    case ROW_PROP_MARKER:        g_value_set_int (value, self->marker); break;
    case ROW_PROP_TARGET_GROUPS: g_value_set_string (value, self->target_groups); break;
    case ROW_PROP_BUDGET:        g_value_set_double (value, self->budget); break;
    case ROW_PROP_STATUS:        g_value_set_string (value, self->status); break;
    case ROW_PROP_STATUS_LABEL:  g_value_set_string (value, self->status_label); break;
    case ROW_PROP_UPDATED_AT:    g_value_set_string (value, self->updated_at); break;
    case ROW_PROP_IS_DEMO:       g_value_set_boolean (value, self->is_demo); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_priority_row_class_init (AimakPriorityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aimak_priority_row_finalize;
  object_class->get_property = aimak_priority_row_get_property;

  row_props[ROW_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0, flags);
  row_props[ROW_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_MARKER] = g_param_spec_int ("marker", NULL, NULL, 0, 2, 0, flags);
  row_props[ROW_PROP_TARGET_GROUPS] = g_param_spec_string ("target-groups", NULL, NULL, NULL,
                                                           flags);
  /* NaN (no budget) is a valid value of this read-only property; the default cannot be NaN. */
  row_props[ROW_PROP_BUDGET] = g_param_spec_double ("budget", NULL, NULL, -G_MAXDOUBLE,
                                                    G_MAXDOUBLE, 0, flags);
  row_props[ROW_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                          flags);
  row_props[ROW_PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_props);
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
