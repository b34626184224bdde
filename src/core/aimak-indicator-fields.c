/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator-fields.c — the fields of an indicator value (an area's figure
 * of one indicator, year and sex, with its source), once: what the loader, the
 * change log and the value editor iterate. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-field.h"
#include "aimak-indicator.h"

#define OFF(m) G_STRUCT_OFFSET (AimakIndicatorValue, m)
#define EDIT AIMAK_FIELD_EDITABLE

/* In change-log order; the columned fields in this order are also the
 * columns of the loader's SELECT. */
static const AimakField value_fields[] = {
  { .id = "id", .column = "id", .kind = AIMAK_FIELD_INT64, .offset = OFF (id),
    .flags = AIMAK_FIELD_INSERT_ONLY },
  { .id = "area_code", .column = "area_code", .label = N_("Area"), .kind = AIMAK_FIELD_TEXT,
    .flags = EDIT, .offset = OFF (area_code) },
  { .id = "indicator_code", .column = "indicator_code", .label = N_("Indicator"),
    .kind = AIMAK_FIELD_TEXT, .flags = EDIT, .offset = OFF (indicator_code) },
  { .id = "year", .column = "year", .label = N_("Year"), .kind = AIMAK_FIELD_INT,
    .flags = EDIT, .offset = OFF (year), .empty_int = G_MININT },
  { .id = "sex", .column = "sex", .label = N_("Sex"), .kind = AIMAK_FIELD_SEX,
    .flags = EDIT, .offset = OFF (sex) },
  { .id = "value", .column = "value", .label = N_("Value"), .kind = AIMAK_FIELD_DOUBLE,
    .flags = EDIT, .offset = OFF (value) },
  { .id = "source", .column = "source", .label = N_("Source"), .kind = AIMAK_FIELD_TEXT,
    .flags = EDIT | AIMAK_FIELD_TRIM, .offset = OFF (source) },
  { .id = "note", .column = "note", .label = N_("Note"), .kind = AIMAK_FIELD_LONG_TEXT,
    .flags = EDIT, .offset = OFF (note) },
  { .id = "is_reference", .column = "is_reference", .kind = AIMAK_FIELD_BOOL,
    .flags = AIMAK_FIELD_INSERT_ONLY, .offset = OFF (is_reference) },
  { .id = "original_value", .column = "original_value", .kind = AIMAK_FIELD_DOUBLE,
    .flags = EDIT | AIMAK_FIELD_UNLOGGED, .offset = OFF (original_value) },
  { .id = "original_source", .column = "original_source", .kind = AIMAK_FIELD_TEXT,
    .flags = EDIT | AIMAK_FIELD_UNLOGGED | AIMAK_FIELD_NULLABLE,
    .offset = OFF (original_source) },
  { .id = "deleted_at", .column = "deleted_at", .kind = AIMAK_FIELD_TEXT,
    .flags = AIMAK_FIELD_INSERT_ONLY | AIMAK_FIELD_NULLABLE, .offset = OFF (deleted_at) },
};

const AimakField *
aimak_indicator_value_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (value_fields);
  return value_fields;
}

const AimakField *
aimak_indicator_value_field_by_id (const char *id)
{
  return aimak_field_find (value_fields, G_N_ELEMENTS (value_fields), id);
}
