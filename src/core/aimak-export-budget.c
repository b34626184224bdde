/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-budget.c — the Gender budget sheet: the budget by gender marker and by
 * funding source as SUMIFS over the Priorities sheet, the adopted programme and its
 * gender share. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>

#include "aimak-export-private.h"
#include "aimak-summary.h"

/* @text as an Excel string literal with @prefix ("<>" for "not"), quotes doubled. */
void
append_criterion (GString    *out,
                  const char *prefix,
                  const char *text)
{
  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The names of the statuses of class @cls, in list order: the Priorities sheet
 * writes a status by its name. */
static GPtrArray *
status_names (Export           *x,
              AimakStatusClass  cls)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < x->codes.statuses.list->len; i++)
    {
      AimakCode *c = g_ptr_array_index (x->codes.statuses.list, i);

      if (aimak_summary_status_class (c->code) == cls)
        g_ptr_array_add (names, c->name);
    }
  return names;
}

/* ",<status range>,\"<>Rejected\"" for each rejected status, so that SUMIFS leaves
 * rejected priorities out of every total (the rule of aimak_summary_status_class()). */
char *
not_rejected (Export     *x,
              const char *status_range)
{
  g_autoptr(GPtrArray) rejected = status_names (x, AIMAK_STATUS_CLASS_REJECTED);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rejected->len; i++)
    {
      g_string_append_printf (out, ",%s,", status_range);
      append_criterion (out, "<>", g_ptr_array_index (rejected, i));
    }
  return g_string_free (out, FALSE);
}

/* "SUMIFS(...)+SUMIFS(...)" over the adopted statuses, with @extra criteria; "0" when
 * the status list has none. */
static char *
sum_adopted (Export     *x,
             const char *budget_range,
             const char *status_range,
             const char *extra)
{
  g_autoptr(GPtrArray) adopted = status_names (x, AIMAK_STATUS_CLASS_ADOPTED);
  GString *out;

  if (adopted->len == 0)
    return g_strdup ("0");
  out = g_string_new (NULL);
  for (guint i = 0; i < adopted->len; i++)
    {
      g_string_append_printf (out, "%sSUMIFS(%s,%s,", i > 0 ? "+" : "", budget_range,
                              status_range);
      append_criterion (out, "", g_ptr_array_index (adopted, i));
      g_string_append_printf (out, "%s)", extra);
    }
  return g_string_free (out, FALSE);
}

enum { C_BREAKDOWN, C_CODE, C_CATEGORY, C_BUDGET, C_SHARE, C_N };

typedef struct
{
  Export    *x;
  Sheet     *s;
  /* Ranges of the Priorities sheet's columns, absolute, with the sheet's name. */
  char       budget_range[96], marker_range[96], funding_range[96], status_range[96];
  char      *live;           /* the SUMIFS criteria that leave rejected priorities out */
  double     total;          /* rejected priorities excluded */
  char       total_cell[16], adopted_cell[16], gender_cell[16];
  lxw_row_t  total_row, adopted_row, gender_row, share_row, share_all_row;
  GString   *formula;
} Budget;

/* One row of the breakdown: its code (a text, or a number, or none), the budget as
 * the SUMIFS prepared in b->formula, and its share. */
static gboolean
write_breakdown (Budget            *b,
                 lxw_row_t          row,
                 AimakExportString  breakdown,
                 const char        *code_text,
                 double             code_number,
                 const char        *category,
                 double             cached)
{
  Export *x = b->x;
  char c1[16];

  TRY (cell_string (x, b->s, row, C_BREAKDOWN, aimak_export_string (x->lang, breakdown),
                    x->f_text));
  if (code_text)
    TRY (cell_string (x, b->s, row, C_CODE, code_text, x->f_text));
  else
    TRY (cell_number (x, b->s, row, C_CODE, code_number, x->f_int));
  TRY (cell_string (x, b->s, row, C_CATEGORY, category, x->f_text));
  TRY (cell_formula (x, b->s, row, C_BUDGET, b->formula->str, cached, x->f_kgs));
  lxw_rowcol_to_cell (c1, row, C_BUDGET);
  g_string_printf (b->formula, "=IF(%s=0,\"\",%s/%s)", b->total_cell, c1, b->total_cell);
  return cell_share (x, b->s, row, C_SHARE, b->formula->str, cached, b->total);
}

/* The three gender marker rows, then one per funding source and "none". */
static gboolean
write_breakdowns (Budget *b)
{
  Export *x = b->x;
  Sheet *s = b->s;
  guint n_funding = x->codes.funding.list->len;
  lxw_row_t row = FIRST_DATA_ROW;
  char c1[16];

  for (guint i = 0; i < 3; i++, row++)
    {
      GPtrArray *markers = x->codes.markers.list;
      AimakCode *m = i < markers->len ? g_ptr_array_index (markers, i) : NULL;

      lxw_rowcol_to_cell (c1, row, C_CODE);
      g_string_printf (b->formula, "=SUMIFS(%s,%s,%s%s)", b->budget_range, b->marker_range,
                       c1, b->live);
      TRY (write_breakdown (b, row, AIMAK_XS_BY_MARKER, NULL, i, m ? m->name : "",
                            x->budget_marker[i]));
    }
  for (guint i = 0; i <= n_funding; i++, row++)
    {
      AimakCode *f = i < n_funding ? g_ptr_array_index (x->codes.funding.list, i) : NULL;

      /* The priorities show funding by name; no source is an empty cell. */
      lxw_rowcol_to_cell (c1, row, C_CATEGORY);
      if (f)
        g_string_printf (b->formula, "=SUMIFS(%s,%s,%s%s)", b->budget_range, b->funding_range,
                         c1, b->live);
      else
        g_string_printf (b->formula, "=SUMIFS(%s,%s,\"\"%s)", b->budget_range,
                         b->funding_range, b->live);
      TRY (write_breakdown (b, row, AIMAK_XS_BY_FUNDING, f ? f->code : "", NAN,
                            f ? f->name : aimak_export_string (x->lang, AIMAK_XS_NO_FUNDING),
                            x->budget_funding[i]));
    }
  s->last_row = row - 1;
  return sheet_filter (x, s, s->last_row);
}

/* The total, the adopted programme, its gender budget and the two shares, each share
 * with its definition. */
static gboolean
write_budget_totals (Budget *b)
{
  Export *x = b->x;
  Sheet *s = b->s;

  TRY (cell_string (x, s, b->total_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_TOTAL_BUDGET), x->f_total_label));
  TRY (cell_column_sum (x, s, b->total_row, C_BUDGET, FIRST_DATA_ROW + 2, b->total,
                        x->f_total_kgs));
  TRY (cell_string (x, s, b->adopted_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *sum = sum_adopted (x, b->budget_range, b->status_range, "");
    g_string_printf (b->formula, "=%s", sum);
    TRY (cell_formula (x, s, b->adopted_row, C_BUDGET, b->formula->str, x->budget_adopted,
                       x->f_kgs));
  }
  TRY (cell_string (x, s, b->gender_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_GENDER_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *m1 = g_strdup_printf (",%s,1", b->marker_range);
    g_autofree char *m2 = g_strdup_printf (",%s,2", b->marker_range);
    g_autofree char *sum1 = sum_adopted (x, b->budget_range, b->status_range, m1);
    g_autofree char *sum2 = sum_adopted (x, b->budget_range, b->status_range, m2);
    g_string_printf (b->formula, "=%s+%s", sum1, sum2);
    TRY (cell_formula (x, s, b->gender_row, C_BUDGET, b->formula->str, x->gender_adopted,
                       x->f_kgs));
  }
  return TRUE;
}

static gboolean
write_budget_shares (Budget *b)
{
  Export *x = b->x;
  Sheet *s = b->s;
  char c1[16], c2[16];

  TRY (cell_string (x, s, b->share_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED), x->f_bold));
  g_string_printf (b->formula, "=IF(%s=0,\"\",%s/%s)", b->adopted_cell, b->gender_cell,
                   b->adopted_cell);
  TRY (cell_share (x, s, b->share_row, C_BUDGET, b->formula->str, x->gender_adopted,
                   x->budget_adopted));
  TRY (cell_string (x, s, b->share_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED_DEF), x->f_wrap));
  TRY (cell_string (x, s, b->share_all_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS), x->f_bold));
  lxw_rowcol_to_cell (c1, FIRST_DATA_ROW + 1, C_BUDGET);
  lxw_rowcol_to_cell (c2, FIRST_DATA_ROW + 2, C_BUDGET);
  g_string_printf (b->formula, "=IF(%s=0,\"\",(%s+%s)/%s)", b->total_cell, c1, c2,
                   b->total_cell);
  TRY (cell_share (x, s, b->share_all_row, C_BUDGET, b->formula->str,
                   x->budget_marker[1] + x->budget_marker[2], b->total));
  TRY (cell_string (x, s, b->share_all_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS_DEF), x->f_wrap));
  s->width[C_CATEGORY] = MAX (s->width[C_CATEGORY], 30);
  return TRUE;
}

static gboolean
add_budget_chart (Budget *b)
{
  Export *x = b->x;
  Sheet *s = b->s;
  lxw_chart_options chart_opts = { .x_offset = 10, .x_scale = 1.1, .y_scale = 1.2 };
  lxw_chart_series *series;
  lxw_chart *chart = workbook_add_chart (x->wb, LXW_CHART_PIE);

  if (chart == NULL)
    return set_null_error (x, "chart");
  chart_title_set_name (chart, aimak_export_string (x->lang, AIMAK_XS_CHART_BUDGET));
  series = chart_add_series (chart, NULL, NULL);
  if (series == NULL)
    return set_null_error (x, "chart");
  chart_series_set_categories (series, s->name, FIRST_DATA_ROW, C_CATEGORY,
                               FIRST_DATA_ROW + 2, C_CATEGORY);
  chart_series_set_values (series, s->name, FIRST_DATA_ROW, C_BUDGET,
                           FIRST_DATA_ROW + 2, C_BUDGET);
  chart_series_set_name (series, aimak_export_string (x->lang, AIMAK_XS_COL_BUDGET));
  chart_series_set_labels (series);
  chart_series_set_labels_percentage (series);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return check (x, worksheet_insert_chart_opt (s->ws, FIRST_DATA_ROW, C_N + 1, chart,
                                               &chart_opts), s->name);
}

/* An absolute range of one column of the Priorities sheet's data rows. */
void
column_range (Export    *x,
              char      *buf,
              gsize      size,
              lxw_col_t  col)
{
  char c1[16], c2[16];

  lxw_rowcol_to_cell_abs (c1, FIRST_DATA_ROW, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (c2, x->priorities_last_row, col, TRUE, TRUE);
  g_snprintf (buf, size, "'%s'!%s:%s", x->sheets[SHEET_PRIORITIES].name, c1, c2);
}

static void
budget_layout (Budget *b)
{
  Export *x = b->x;

  column_range (x, b->budget_range, sizeof b->budget_range, priority_column (x, "budget_kgs"));
  column_range (x, b->marker_range, sizeof b->marker_range, priority_column (x, "gender_marker"));
  column_range (x, b->funding_range, sizeof b->funding_range, priority_column (x, "funding_source"));
  column_range (x, b->status_range, sizeof b->status_range, priority_column (x, "status"));
  b->live = not_rejected (x, b->status_range);
  b->total = x->budget_marker[0] + x->budget_marker[1] + x->budget_marker[2];
  /* The total (three marker rows + funding rows + a blank row) is below the list,
   * then the adopted programme and the two shares, each with its definition. */
  b->total_row = FIRST_DATA_ROW + 3 + x->codes.funding.list->len + 1 + 1;
  b->adopted_row = b->total_row + 1;
  b->gender_row = b->total_row + 2;
  b->share_row = b->total_row + 3;
  b->share_all_row = b->total_row + 4;
  lxw_rowcol_to_cell_abs (b->total_cell, b->total_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (b->adopted_cell, b->adopted_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (b->gender_cell, b->gender_row, C_BUDGET, TRUE, TRUE);
}

gboolean
write_budget (Export *x)
{
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_BREAKDOWN, AIMAK_XS_COL_CODE, AIMAK_XS_COL_CATEGORY,
    AIMAK_XS_COL_BUDGET, AIMAK_XS_COL_SHARE,
  };
  const char *headers[C_N];
  g_autoptr(GString) formula = g_string_new (NULL);
  Budget b = { .x = x, .s = &x->sheets[SHEET_BUDGET], .formula = formula };
  gboolean ok;

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  b.s->cap[C_CATEGORY] = 40;
  b.s->cap[C_SHARE] = WIDTH_CAP_WRAP;
  budget_layout (&b);
  ok = sheet_title (x, b.s, AIMAK_XS_TITLE_BUDGET) &&
       sheet_headers (x, b.s, headers, C_N, TRUE) &&
       write_breakdowns (&b) && write_budget_totals (&b) && write_budget_shares (&b) &&
       add_budget_chart (&b) &&
       sheet_finish (x, b.s, MAX (b.share_all_row, FIRST_DATA_ROW + 18), C_N + 10);
  g_free (b.live);
  return ok;
}
