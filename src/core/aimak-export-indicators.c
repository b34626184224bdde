/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-indicators.c — the Indicators sheet: baseline, target and actual of every
 * priority's indicators, women, men and (for counts) a total. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-export-private.h"

/* A total of women and men only means something for counts: two percentages or two
 * average incomes do not add up. Units are free text, so this knows the usual words
 * for counted things in the three languages; an empty unit is taken as a count. */
static gboolean
is_count_unit (const char *unit)
{
  static const char * const words[] = {
    "person", "people", "household", "participant", "number", "count", "pcs",
    "чел", "домохоз", "хозяйств", "участник", "число", "семей", "семьи", "шт",
    "адам", "үй-бүлө", "үй чарба", "катышуучу", "саны", "даана",
  };
  g_autofree char *folded = NULL;

  if (unit == NULL || *unit == '\0')
    return TRUE;
  if (strchr (unit, '%'))
    return FALSE;
  folded = g_utf8_casefold (unit, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
total_formula (Export    *x,
               Sheet     *s,
               lxw_row_t  row,
               lxw_col_t  col,
               double     women,
               double     men,
               gboolean   additive)
{
  char formula[64], a[16], b[16];

  /* A missing half would make a false total. */
  if (!additive || isnan (women) || isnan (men))
    return TRUE;
  lxw_rowcol_to_cell (a, row, col - 2);
  lxw_rowcol_to_cell (b, row, col - 1);
  g_snprintf (formula, sizeof formula, "=%s+%s", a, b);
  return cell_formula (x, s, row, col, formula, women + men, x->f_number);
}

enum { C_AREA, C_RANK, C_PRIORITY, C_INDICATOR, C_UNIT, C_BW, C_BM, C_BT, C_TW, C_TM, C_TT,
       C_AW, C_AM, C_AT, C_N };

typedef struct
{
  Export    *x;
  lxw_row_t  row;
} Indicators;

static gboolean
write_indicator_row (gpointer   data,
                     AimakStmt *st)
{
  Indicators *ind = data;
  Export *x = ind->x;
  lxw_row_t row = ind->row;
  Sheet *s = &x->sheets[SHEET_INDICATORS];
  const char *unit = aimak_stmt_text (st, 4);
  gboolean additive = is_count_unit (unit);
  double v[6];

  for (guint i = 0; i < 6; i++)
    v[i] = aimak_stmt_double_or_nan (st, 5 + i);
  TRY (cell_string (x, s, row, C_AREA, area_name (x, aimak_stmt_text (st, 0)), x->f_text));
  TRY (cell_number (x, s, row, C_RANK, aimak_stmt_int (st, 1), x->f_int));
  TRY (cell_string (x, s, row, C_PRIORITY, aimak_stmt_text (st, 2), x->f_wrap));
  TRY (cell_string (x, s, row, C_INDICATOR, aimak_stmt_text (st, 3), x->f_wrap));
  TRY (cell_string (x, s, row, C_UNIT, unit, x->f_text));
  for (guint i = 0; i < 3; i++)
    {
      lxw_col_t col = C_BW + 3 * i;

      TRY (cell_number (x, s, row, col, v[2 * i], x->f_number));
      TRY (cell_number (x, s, row, col + 1, v[2 * i + 1], x->f_number));
      TRY (total_formula (x, s, row, col + 2, v[2 * i], v[2 * i + 1], additive));
    }
  s->last_row = ind->row++;
  return row_done (x);
}

gboolean
write_indicators (Export *x)
{
  Sheet *s = &x->sheets[SHEET_INDICATORS];
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_RANK, AIMAK_XS_COL_PRIORITY, AIMAK_XS_COL_INDICATOR,
    AIMAK_XS_COL_UNIT, AIMAK_XS_COL_BASELINE_WOMEN, AIMAK_XS_COL_BASELINE_MEN,
    AIMAK_XS_COL_BASELINE_TOTAL, AIMAK_XS_COL_TARGET_WOMEN, AIMAK_XS_COL_TARGET_MEN,
    AIMAK_XS_COL_TARGET_TOTAL, AIMAK_XS_COL_ACTUAL_WOMEN, AIMAK_XS_COL_ACTUAL_MEN,
    AIMAK_XS_COL_ACTUAL_TOTAL,
  };
  const char *headers[C_N];
  Indicators ind = { x, FIRST_DATA_ROW };

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  s->cap[C_PRIORITY] = WIDTH_CAP_WRAP;
  s->cap[C_INDICATOR] = 40;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_INDICATORS));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));
  TRY (sheet_rows (x,
    "SELECT p.area_code, p.rank, p.title, pi.name, pi.unit, pi.baseline_f, pi.baseline_m,"
    " pi.target_f, pi.target_m, pi.actual_f, pi.actual_m"
    " FROM priority p JOIN priority_indicator pi ON pi.priority_id = p.id"
    " WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
    " ORDER BY p.area_code, p.rank, p.id, pi.position, pi.id",
    write_indicator_row, &ind));
  x->stats.n_indicator_rows = ind.row - FIRST_DATA_ROW;
  if (ind.row == FIRST_DATA_ROW)
    {
      TRY (cell_string (x, s, ind.row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITY_INDICATORS), NULL));
      s->last_row = ind.row;
      s->width[C_AREA] = 12;
    }
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, s->last_row, C_N - 1);
}
