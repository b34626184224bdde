/* aimak-export-budget.c — the Gender budget sheet: the budget by gender marker and by
 * funding source as SUMIFS over the Priorities sheet, the adopted programme and its
 * gender share. See aimak-export-private.h.
 */
#include "config.h"

#include "aimak-export-private.h"
#include "aimak-summary.h"

/* @text as an Excel string literal with @prefix ("<>" for "not"), quotes doubled. */
static void
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

/* ",<status range>,\"<>Rejected\"" for each rejected status, so that SUMIFS leaves
 * rejected priorities out of every total (the rule of aimak_summary_status_class()). */
static char *
not_rejected (Export     *x,
              const char *status_range)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);

      if (aimak_summary_status_class (c->code) != AIMAK_STATUS_CLASS_REJECTED)
        continue;
      g_string_append_printf (out, ",%s,", status_range);
      append_criterion (out, "<>", c->name);
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
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);

      if (aimak_summary_status_class (c->code) != AIMAK_STATUS_CLASS_ADOPTED)
        continue;
      g_string_append_printf (out, "%sSUMIFS(%s,%s,", out->len ? "+" : "", budget_range,
                              status_range);
      append_criterion (out, "", c->name);
      g_string_append_printf (out, "%s)", extra);
    }
  if (out->len == 0)
    g_string_append_c (out, '0');
  return g_string_free (out, FALSE);
}

gboolean
write_budget (Export *x)
{
  Sheet *s = &x->sheets[SHEET_BUDGET];
  Sheet *p = &x->sheets[SHEET_PRIORITIES];
  enum { C_BREAKDOWN, C_CODE, C_CATEGORY, C_BUDGET, C_SHARE, C_N };
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_BREAKDOWN, AIMAK_XS_COL_CODE, AIMAK_XS_COL_CATEGORY,
    AIMAK_XS_COL_BUDGET, AIMAK_XS_COL_SHARE,
  };
  const char *headers[C_N];
  char budget_range[96], marker_range[96], funding_range[96], status_range[96];
  char c1[16], c2[16], total_cell[16], adopted_cell[16], gender_cell[16];
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autofree char *live = NULL;
  double total = x->budget_marker[0] + x->budget_marker[1] + x->budget_marker[2];
  guint n_funding = x->funding.list->len;
  lxw_row_t row = FIRST_DATA_ROW, total_row, adopted_row, gender_row, share_row, share_all_row;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options chart_opts = { .x_offset = 10, .x_scale = 1.1, .y_scale = 1.2 };

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  s->cap[C_CATEGORY] = 40;
  s->cap[C_SHARE] = WIDTH_CAP_WRAP;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_BUDGET));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));

#define COLUMN_RANGE(buf, col) G_STMT_START {                                    \
    lxw_rowcol_to_cell_abs (c1, FIRST_DATA_ROW, col, TRUE, TRUE);                 \
    lxw_rowcol_to_cell_abs (c2, x->priorities_last_row, col, TRUE, TRUE);         \
    g_snprintf (buf, sizeof buf, "'%s'!%s:%s", p->name, c1, c2);                  \
  } G_STMT_END
  COLUMN_RANGE (budget_range, PC_BUDGET);
  COLUMN_RANGE (marker_range, PC_MARKER);
  COLUMN_RANGE (funding_range, PC_FUNDING);
  COLUMN_RANGE (status_range, PC_STATUS);
#undef COLUMN_RANGE
  live = not_rejected (x, status_range);

  /* The total (three marker rows + funding rows + a blank row) is below the list,
   * then the adopted programme and the two shares, each with its definition. */
  total_row = FIRST_DATA_ROW + 3 + n_funding + 1 + 1;
  adopted_row = total_row + 1;
  gender_row = total_row + 2;
  share_row = total_row + 3;
  share_all_row = total_row + 4;
  lxw_rowcol_to_cell_abs (total_cell, total_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (adopted_cell, adopted_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (gender_cell, gender_row, C_BUDGET, TRUE, TRUE);

  for (guint i = 0; i < 3; i++, row++)
    {
      Code *m = i < x->markers.list->len ? g_ptr_array_index (x->markers.list, i) : NULL;

      TRY (cell_string (x, s, row, C_BREAKDOWN, aimak_export_string (x->lang, AIMAK_XS_BY_MARKER),
                        x->f_text));
      TRY (cell_number (x, s, row, C_CODE, i, x->f_int));
      TRY (cell_string (x, s, row, C_CATEGORY, m ? m->name : "", x->f_text));
      lxw_rowcol_to_cell (c1, row, C_CODE);
      g_string_printf (formula, "=SUMIFS(%s,%s,%s%s)", budget_range, marker_range, c1, live);
      TRY (cell_formula (x, s, row, C_BUDGET, formula->str, x->budget_marker[i], x->f_kgs));
      lxw_rowcol_to_cell (c1, row, C_BUDGET);
      g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", total_cell, c1, total_cell);
      if (total > 0)
        TRY (cell_formula (x, s, row, C_SHARE, formula->str, x->budget_marker[i] / total,
                           x->f_percent));
      else
        TRY (cell_formula_str (x, s, row, C_SHARE, formula->str, "", x->f_percent));
    }
  for (guint i = 0; i <= n_funding; i++, row++)
    {
      Code *f = i < n_funding ? g_ptr_array_index (x->funding.list, i) : NULL;

      TRY (cell_string (x, s, row, C_BREAKDOWN,
                        aimak_export_string (x->lang, AIMAK_XS_BY_FUNDING), x->f_text));
      TRY (cell_string (x, s, row, C_CODE, f ? f->code : NULL, x->f_text));
      TRY (cell_string (x, s, row, C_CATEGORY,
                        f ? f->name : aimak_export_string (x->lang, AIMAK_XS_NO_FUNDING),
                        x->f_text));
      /* The priorities show funding by name; no source is an empty cell. */
      lxw_rowcol_to_cell (c1, row, C_CATEGORY);
      if (f)
        g_string_printf (formula, "=SUMIFS(%s,%s,%s%s)", budget_range, funding_range, c1, live);
      else
        g_string_printf (formula, "=SUMIFS(%s,%s,\"\"%s)", budget_range, funding_range, live);
      TRY (cell_formula (x, s, row, C_BUDGET, formula->str, x->budget_funding[i], x->f_kgs));
      lxw_rowcol_to_cell (c1, row, C_BUDGET);
      g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", total_cell, c1, total_cell);
      if (total > 0)
        TRY (cell_formula (x, s, row, C_SHARE, formula->str, x->budget_funding[i] / total,
                           x->f_percent));
      else
        TRY (cell_formula_str (x, s, row, C_SHARE, formula->str, "", x->f_percent));
    }
  s->last_row = row - 1;
  TRY (sheet_filter (x, s, s->last_row));

  TRY (cell_string (x, s, total_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_TOTAL_BUDGET), x->f_total_label));
  lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, C_BUDGET);
  lxw_rowcol_to_cell (c2, FIRST_DATA_ROW + 2, C_BUDGET);
  g_string_printf (formula, "=SUM(%s:%s)", c1, c2);
  TRY (cell_formula (x, s, total_row, C_BUDGET, formula->str, total, x->f_total_kgs));
  TRY (cell_string (x, s, adopted_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *sum = sum_adopted (x, budget_range, status_range, "");
    g_string_printf (formula, "=%s", sum);
    TRY (cell_formula (x, s, adopted_row, C_BUDGET, formula->str, x->budget_adopted, x->f_kgs));
  }
  TRY (cell_string (x, s, gender_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_GENDER_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *m1 = g_strdup_printf (",%s,1", marker_range);
    g_autofree char *m2 = g_strdup_printf (",%s,2", marker_range);
    g_autofree char *sum1 = sum_adopted (x, budget_range, status_range, m1);
    g_autofree char *sum2 = sum_adopted (x, budget_range, status_range, m2);
    g_string_printf (formula, "=%s+%s", sum1, sum2);
    TRY (cell_formula (x, s, gender_row, C_BUDGET, formula->str, x->gender_adopted, x->f_kgs));
  }
  TRY (cell_string (x, s, share_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED), x->f_bold));
  g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", adopted_cell, gender_cell, adopted_cell);
  if (x->budget_adopted > 0)
    TRY (cell_formula (x, s, share_row, C_BUDGET, formula->str,
                       x->gender_adopted / x->budget_adopted, x->f_percent));
  else
    TRY (cell_formula_str (x, s, share_row, C_BUDGET, formula->str, "", x->f_percent));
  TRY (cell_string (x, s, share_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED_DEF), x->f_wrap));
  TRY (cell_string (x, s, share_all_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS), x->f_bold));
  lxw_rowcol_to_cell (c1, FIRST_DATA_ROW + 1, C_BUDGET);
  lxw_rowcol_to_cell (c2, FIRST_DATA_ROW + 2, C_BUDGET);
  g_string_printf (formula, "=IF(%s=0,\"\",(%s+%s)/%s)", total_cell, c1, c2, total_cell);
  if (total > 0)
    TRY (cell_formula (x, s, share_all_row, C_BUDGET, formula->str,
                       (x->budget_marker[1] + x->budget_marker[2]) / total, x->f_percent));
  else
    TRY (cell_formula_str (x, s, share_all_row, C_BUDGET, formula->str, "", x->f_percent));
  TRY (cell_string (x, s, share_all_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS_DEF), x->f_wrap));
  s->width[C_CATEGORY] = MAX (s->width[C_CATEGORY], 30);

  chart = workbook_add_chart (x->wb, LXW_CHART_PIE);
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
  TRY (check (x, worksheet_insert_chart_opt (s->ws, FIRST_DATA_ROW, C_N + 1, chart,
                                             &chart_opts), s->name));
  return sheet_finish (x, s, MAX (share_all_row, FIRST_DATA_ROW + 18), C_N + 10);
}
