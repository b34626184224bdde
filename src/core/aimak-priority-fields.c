/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-fields.c — the fields of a priority, once: what the loader,
 * the validation, the change log, the writes, the editor and the workbook
 * iterate. Adding a field: the migration, one row here, one widget in the
 * editor's .ui (named after the id), and its column header for the workbook. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-strings.h"
#include "aimak-field.h"
#include "aimak-priority-private.h"

#define OFF(m) G_STRUCT_OFFSET (AimakPriority, m)
#define EDIT AIMAK_FIELD_EDITABLE

static char *
checklist_to_text (gconstpointer record)
{
  return _aimak_priority_checklist_text (((const AimakPriority *) record)->checklist);
}

static void
checklist_copy (gpointer      dst,
                gconstpointer src)
{
  AimakPriority *d = dst;
  const AimakPriority *s = src;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (d->checklist);
  if (s->checklist == NULL)
    return;
  g_hash_table_iter_init (&iter, s->checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    aimak_priority_set_answer (d, key, value);
}

static char *
indicators_to_text (gconstpointer record)
{
  return _aimak_priority_indicators_text (((const AimakPriority *) record)->indicators);
}

static void
indicators_copy (gpointer      dst,
                 gconstpointer src)
{
  AimakPriority *d = dst;
  const AimakPriority *s = src;

  g_ptr_array_set_size (d->indicators, 0);
  for (guint i = 0; s->indicators && i < s->indicators->len; i++)
    g_ptr_array_add (d->indicators,
                     aimak_priority_indicator_copy (g_ptr_array_index (s->indicators, i)));
}

/* In change-log order; the columned fields in this order are also the
 * columns of the loader's SELECT and of the INSERT. */
static const AimakField priority_fields[] = {
  { .id = "id", .column = "id", .kind = AIMAK_FIELD_TEXT, .offset = OFF (id),
    .flags = AIMAK_FIELD_INSERT_ONLY },
  { .id = "area_code", .column = "area_code", .label = N_("Area"),
    .kind = AIMAK_FIELD_CODE, .flags = EDIT, .offset = OFF (area_code),
    .export_header = AIMAK_XS_COL_AREA, .export_cell = AIMAK_FIELD_CELL_AREA,
    .export_order = 2 },
  { .id = "rank", .column = "rank", .label = N_("Rank"), .kind = AIMAK_FIELD_INT,
    .flags = EDIT | AIMAK_FIELD_UNLOGGED, .offset = OFF (rank), .empty_int = G_MININT,
    .export_header = AIMAK_XS_COL_RANK, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 1 },
  { .id = "title", .column = "title", .label = N_("Title"), .kind = AIMAK_FIELD_TEXT,
    .flags = EDIT, .offset = OFF (title), .required = N_("Title is required."),
    .export_header = AIMAK_XS_COL_TITLE, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 3, .export_width = 36 },
  { .id = "problem", .column = "problem", .label = N_("Problem statement"),
    .kind = AIMAK_FIELD_LONG_TEXT, .flags = EDIT, .offset = OFF (problem),
    .export_header = AIMAK_XS_COL_PROBLEM, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 23, .export_width = 36 },
  { .id = "description", .column = "description", .label = N_("Description"),
    .kind = AIMAK_FIELD_LONG_TEXT, .flags = EDIT, .offset = OFF (description),
    .export_header = AIMAK_XS_COL_DESCRIPTION, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 24, .export_width = 36 },
  { .id = "sector_code", .column = "sector_code", .label = N_("Sector"),
    .kind = AIMAK_FIELD_CODE, .flags = EDIT | AIMAK_FIELD_NULLABLE,
    .offset = OFF (sector_code), .code_list = "sector",
    .export_header = AIMAK_XS_COL_SECTOR, .export_cell = AIMAK_FIELD_CELL_CODE_NAME,
    .export_order = 4 },
  { .id = "gender_marker", .column = "gender_marker", .label = N_("Gender marker"),
    .kind = AIMAK_FIELD_INT, .flags = EDIT, .offset = OFF (gender_marker),
    .empty_int = G_MININT, .min = 0, .max = 2, .code_list = "gender_marker",
    .invalid = N_("Gender marker must be 0, 1 or 2."),
    .export_header = AIMAK_XS_COL_MARKER, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 6 },
  { .id = "marker_justification", .column = "marker_justification",
    .label = N_("Marker justification"), .kind = AIMAK_FIELD_LONG_TEXT, .flags = EDIT,
    .offset = OFF (marker_justification),
    .export_header = AIMAK_XS_COL_JUSTIFICATION, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 7, .export_width = 36 },
  { .id = "status", .column = "status", .label = N_("Status"), .kind = AIMAK_FIELD_CODE,
    .flags = EDIT, .offset = OFF (status), .code_list = "status",
    .export_header = AIMAK_XS_COL_STATUS, .export_cell = AIMAK_FIELD_CELL_CODE_NAME,
    .export_order = 16 },
  { .id = "budget_kgs", .column = "budget_kgs", .label = N_("Budget (KGS)"),
    .kind = AIMAK_FIELD_DOUBLE, .flags = EDIT, .offset = OFF (budget_kgs),
    .number_kind = AIMAK_NUMBER_MONEY, .invalid = N_("Budget must not be negative."),
    .export_header = AIMAK_XS_COL_BUDGET, .export_cell = AIMAK_FIELD_CELL_MONEY,
    .export_order = 10 },
  { .id = "funding_source", .column = "funding_source", .label = N_("Funding source"),
    .kind = AIMAK_FIELD_CODE, .flags = EDIT | AIMAK_FIELD_NULLABLE | AIMAK_FIELD_CHECK_TEXT,
    .offset = OFF (funding_source), .code_list = "funding_source",
    .export_header = AIMAK_XS_COL_FUNDING, .export_cell = AIMAK_FIELD_CELL_CODE_NAME,
    .export_order = 11 },
  { .id = "responsible", .column = "responsible", .label = N_("Responsible body"),
    .kind = AIMAK_FIELD_TEXT, .flags = EDIT, .offset = OFF (responsible),
    .export_header = AIMAK_XS_COL_RESPONSIBLE, .export_cell = AIMAK_FIELD_CELL_TEXT,
    .export_order = 12 },
  { .id = "partners", .column = "partners", .label = N_("Partners"),
    .kind = AIMAK_FIELD_LONG_TEXT, .flags = EDIT, .offset = OFF (partners),
    .export_header = AIMAK_XS_COL_PARTNERS, .export_cell = AIMAK_FIELD_CELL_WRAP,
    .export_order = 13, .export_width = 36 },
  { .id = "start_year", .column = "start_year", .label = N_("Start year"),
    .kind = AIMAK_FIELD_INT, .flags = EDIT, .offset = OFF (start_year), .empty_int = 0,
    .min = 1990, .max = 2100, .invalid = N_("Start year must be between 1990 and 2100."),
    .export_header = AIMAK_XS_COL_START_YEAR, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 14 },
  { .id = "end_year", .column = "end_year", .label = N_("End year"),
    .kind = AIMAK_FIELD_INT, .flags = EDIT, .offset = OFF (end_year), .empty_int = 0,
    .min = 1990, .max = 2100, .invalid = N_("End year must be between 1990 and 2100."),
    .export_header = AIMAK_XS_COL_END_YEAR, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 15 },
  { .id = "hearing_date", .column = "hearing_date", .label = N_("Public hearing date"),
    .kind = AIMAK_FIELD_DATE, .flags = EDIT | AIMAK_FIELD_NULLABLE,
    .offset = OFF (hearing_date),
    .invalid = N_("Public hearing date is not a valid date (YYYY-MM-DD)."),
    .export_header = AIMAK_XS_COL_HEARING_DATE, .export_cell = AIMAK_FIELD_CELL_DATE,
    .export_order = 17 },
  { .id = "hearing_participants_f", .column = "hearing_participants_f",
    .label = N_("Women at the hearing"), .kind = AIMAK_FIELD_INT, .flags = EDIT,
    .offset = OFF (hearing_participants_f), .empty_int = -1, .min = 0, .max = G_MAXINT,
    .number_kind = AIMAK_NUMBER_COUNT,
    .invalid = N_("The number of women at the public hearing must not be negative."),
    .export_header = AIMAK_XS_COL_HEARING_WOMEN, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 18 },
  { .id = "hearing_participants_m", .column = "hearing_participants_m",
    .label = N_("Men at the hearing"), .kind = AIMAK_FIELD_INT, .flags = EDIT,
    .offset = OFF (hearing_participants_m), .empty_int = -1, .min = 0, .max = G_MAXINT,
    .number_kind = AIMAK_NUMBER_COUNT,
    .invalid = N_("The number of men at the public hearing must not be negative."),
    .export_header = AIMAK_XS_COL_HEARING_MEN, .export_cell = AIMAK_FIELD_CELL_INT,
    .export_order = 19 },
  { .id = "kenesh_decision_no", .column = "kenesh_decision_no",
    .label = N_("Kenesh decision number"), .kind = AIMAK_FIELD_TEXT, .flags = EDIT,
    .offset = OFF (kenesh_decision_no),
    .export_header = AIMAK_XS_COL_DECISION_NO, .export_cell = AIMAK_FIELD_CELL_TEXT,
    .export_order = 20 },
  { .id = "kenesh_decision_date", .column = "kenesh_decision_date",
    .label = N_("Kenesh decision date"), .kind = AIMAK_FIELD_DATE,
    .flags = EDIT | AIMAK_FIELD_NULLABLE, .offset = OFF (kenesh_decision_date),
    .invalid = N_("Kenesh decision date is not a valid date (YYYY-MM-DD)."),
    .export_header = AIMAK_XS_COL_DECISION_DATE, .export_cell = AIMAK_FIELD_CELL_DATE,
    .export_order = 21 },
  { .id = "is_demo", .column = "is_demo", .kind = AIMAK_FIELD_BOOL,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (is_demo),
    .export_header = AIMAK_XS_COL_DEMO, .export_cell = AIMAK_FIELD_CELL_YES,
    .export_order = 22 },
  { .id = "created_at", .column = "created_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (created_at) },
  { .id = "updated_at", .column = "updated_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (updated_at) },
  { .id = "deleted_at", .column = "deleted_at", .label = N_("Deleted"),
    .kind = AIMAK_FIELD_TEXT, .flags = AIMAK_FIELD_INSERT_ONLY | AIMAK_FIELD_NULLABLE,
    .offset = OFF (deleted_at) },
  { .id = "target_groups", .label = N_("Target groups"), .kind = AIMAK_FIELD_CODES,
    .flags = EDIT, .offset = OFF (target_groups), .code_list = "target_group",
    .link_table = "priority_target_group", .link_column = "group_code",
    .link_order_table = "target_group",
    .export_header = AIMAK_XS_COL_TARGET_GROUPS, .export_cell = AIMAK_FIELD_CELL_CODE_NAMES,
    .export_order = 5, .export_width = 36 },
  { .id = "gcm", .label = N_("GCM objectives"), .kind = AIMAK_FIELD_CODES, .flags = EDIT,
    .offset = OFF (gcm), .code_list = "gcm_objective",
    .link_table = "priority_gcm", .link_column = "objective_code",
    .link_order_table = "gcm_objective",
    .export_header = AIMAK_XS_COL_GCM, .export_cell = AIMAK_FIELD_CELL_CODE_LABELS,
    .export_order = 8, .export_width = 36 },
  { .id = "sdg", .label = N_("SDG targets"), .kind = AIMAK_FIELD_CODES, .flags = EDIT,
    .offset = OFF (sdg), .code_list = "sdg_target",
    .link_table = "priority_sdg", .link_column = "target_code",
    .link_order_table = "sdg_target",
    .export_header = AIMAK_XS_COL_SDG, .export_cell = AIMAK_FIELD_CELL_CODE_LABELS,
    .export_order = 9, .export_width = 36 },
  { .id = "checklist", .label = N_("Gender checklist"), .kind = AIMAK_FIELD_CUSTOM,
    .flags = EDIT, .offset = OFF (checklist), .code_list = "checklist_item",
    .link_table = "priority_checklist", .link_column = "item_code",
    .to_text = checklist_to_text, .copy = checklist_copy,
    .export_header = AIMAK_XS_CHECKLIST_COL, .export_cell = AIMAK_FIELD_CELL_CUSTOM,
    .export_order = 25 },
  { .id = "indicators", .label = N_("Indicators"), .kind = AIMAK_FIELD_CUSTOM,
    .flags = EDIT, .offset = OFF (indicators), .link_table = "priority_indicator",
    .to_text = indicators_to_text, .copy = indicators_copy },
};

const AimakField *
aimak_priority_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (priority_fields);
  return priority_fields;
}

const AimakField *
aimak_priority_field_by_id (const char *id)
{
  return aimak_field_find (priority_fields, G_N_ELEMENTS (priority_fields), id);
}
