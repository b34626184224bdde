/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-fields.c — the fields of an activity of the capacity-building
 * register, once: what the loader, the validation, the change log, the writes,
 * the editor and the Capacity building sheet iterate. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-export-strings.h"
#include "aimak-field.h"
#include "aimak-activity-private.h"

#define OFF(m) G_STRUCT_OFFSET (AimakActivity, m)
#define EDIT AIMAK_FIELD_EDITABLE

static char *
priorities_to_text (gconstpointer record)
{
  return _aimak_activity_priorities_text (((const AimakActivity *) record)->priorities);
}

static void
participants_copy (gpointer      dst,
                   gconstpointer src)
{
  AimakActivity *d = dst;
  const AimakActivity *s = src;

  g_ptr_array_set_size (d->participants, 0);
  for (guint i = 0; s->participants && i < s->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (s->participants, i);
      aimak_activity_set_participants (d, p->role_code, p->women, p->men);
    }
}

/* In change-log order; the columned fields in this order are also the
 * columns of the loader's SELECT. */
static const AimakField activity_fields[] = {
  { .id = "id", .column = "id", .kind = AIMAK_FIELD_TEXT, .offset = OFF (id),
    .flags = AIMAK_FIELD_INSERT_ONLY },
  { .id = "area_code", .column = "area_code", .label = N_("Area"),
    .kind = AIMAK_FIELD_CODE, .flags = EDIT, .offset = OFF (area_code),
    .required = N_("Choose the area of the activity."),
    .export_header = AIMAK_XS_COL_AREA, .export_cell = AIMAK_FIELD_CELL_AREA,
    .export_order = 1 },
  { .id = "date", .column = "date", .label = N_("Date"), .kind = AIMAK_FIELD_DATE,
    .flags = EDIT, .offset = OFF (date), .required = N_("Enter the date of the activity."),
    .export_header = AIMAK_XS_COL_DATE, .export_cell = AIMAK_FIELD_CELL_DATE,
    .export_order = 2 },
  { .id = "type", .column = "type", .label = N_("Type"), .kind = AIMAK_FIELD_CODE,
    .flags = EDIT, .offset = OFF (type), .code_list = "activity_type",
    .required = N_("Choose the type of the activity."),
    .export_header = AIMAK_XS_COL_TYPE, .export_cell = AIMAK_FIELD_CELL_CODE_NAME,
    .export_order = 3 },
  { .id = "topic", .column = "topic", .label = N_("Topic"), .kind = AIMAK_FIELD_TEXT,
    .flags = EDIT | AIMAK_FIELD_ONE_PROBLEM, .offset = OFF (topic),
    .required = N_("Enter the topic of the activity."),
    .export_header = AIMAK_XS_COL_TOPIC, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 4, .export_width = 36 },
  { .id = "facilitator", .column = "facilitator", .label = N_("Facilitator or organisation"),
    .kind = AIMAK_FIELD_TEXT, .flags = EDIT, .offset = OFF (facilitator),
    .export_header = AIMAK_XS_COL_FACILITATOR, .export_cell = AIMAK_FIELD_CELL_TEXT,
    .export_order = 5 },
  { .id = "pre_score", .column = "pre_score", .label = N_("Pre-test score"),
    .kind = AIMAK_FIELD_DOUBLE, .flags = EDIT | AIMAK_FIELD_ROUND_TRIP,
    .offset = OFF (pre_score), .min = 0, .max = 100,
    .invalid = N_("The pre-test score must be between 0 and 100."),
    .export_header = AIMAK_XS_COL_PRE_SCORE, .export_cell = AIMAK_FIELD_CELL_NUMBER,
    .export_order = 7 },
  { .id = "post_score", .column = "post_score", .label = N_("Post-test score"),
    .kind = AIMAK_FIELD_DOUBLE, .flags = EDIT | AIMAK_FIELD_ROUND_TRIP,
    .offset = OFF (post_score), .min = 0, .max = 100,
    .invalid = N_("The post-test score must be between 0 and 100."),
    .export_header = AIMAK_XS_COL_POST_SCORE, .export_cell = AIMAK_FIELD_CELL_NUMBER,
    .export_order = 8 },
  { .id = "notes", .column = "notes", .label = N_("Notes"), .kind = AIMAK_FIELD_LONG_TEXT,
    .flags = EDIT, .offset = OFF (notes) },
  { .id = "is_demo", .column = "is_demo", .kind = AIMAK_FIELD_BOOL,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (is_demo),
    .export_header = AIMAK_XS_COL_DEMO, .export_cell = AIMAK_FIELD_CELL_YES,
    .export_order = 9 },
  { .id = "created_at", .column = "created_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (created_at) },
  { .id = "updated_at", .column = "updated_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (updated_at) },
  { .id = "deleted_at", .column = "deleted_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY | AIMAK_FIELD_NULLABLE, .offset = OFF (deleted_at) },
  { .id = "priorities", .label = N_("Linked priorities"), .kind = AIMAK_FIELD_CODES,
    .flags = EDIT, .offset = OFF (priorities),
    .link_table = "activity_priority", .link_column = "priority_id",
    .to_text = priorities_to_text,
    .export_header = AIMAK_XS_COL_LINKED_PRIORITIES, .export_cell = AIMAK_FIELD_CELL_CUSTOM,
    .export_order = 10, .export_width = 36 },
  { .id = "participants", .label = N_("Participants"), .kind = AIMAK_FIELD_CUSTOM,
    .flags = EDIT, .offset = OFF (participants), .code_list = "role",
    .link_table = "activity_participant",
    .copy = participants_copy, .diff = _aimak_activity_participants_diff,
    .export_header = AIMAK_XS_COL_ROLE_WOMEN, .export_cell = AIMAK_FIELD_CELL_CUSTOM,
    .export_order = 6 },
};

const AimakField *
aimak_activity_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (activity_fields);
  return activity_fields;
}

const AimakField *
aimak_activity_field_by_id (const char *id)
{
  return aimak_field_find (activity_fields, G_N_ELEMENTS (activity_fields), id);
}
