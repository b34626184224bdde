/* aimak-export-capacity.c — the Capacity building sheet: every activity with its
 * participants by role, women and men, the totals, and the chart of participants by role.
 * See aimak-export-private.h.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"

gboolean
write_capacity (Export *x)
{
  Sheet *s = &x->sheets[SHEET_CAPACITY];
  enum { C_AREA, C_DATE, C_TYPE, C_TOPIC, C_FACILITATOR, C_FIRST_ROLE };
  guint n_roles = x->roles.list->len;
  lxw_col_t c_women = C_FIRST_ROLE + 2 * n_roles;
  lxw_col_t c_men = c_women + 1, c_total = c_women + 2, c_pre = c_women + 3;
  lxw_col_t c_post = c_women + 4, c_demo = c_women + 5, c_linked = c_women + 6;
  lxw_col_t n_cols = c_women + 7;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint64 *sums = g_new0 (guint64, 2 * n_roles);
  g_autofree guint *row_values = g_new0 (guint, 2 * n_roles);
  g_autoptr(AimakStmt) st = NULL;
  g_autoptr(GString) formula = g_string_new (NULL);
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW, last_data, total_row, block_first, r;
  const char *yes = aimak_export_string (x->lang, AIMAK_XS_YES);
  char c1[16], c2[16];
  lxw_chart *chart;
  lxw_chart_options chart_opts = { .x_offset = 10, .y_offset = 10, .x_scale = 1.3,
                                   .y_scale = 1.3 };

  if (n_cols > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many participant roles for one sheet (%u)."), n_roles);
      return FALSE;
    }
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_AREA)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_DATE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TYPE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOPIC)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_FACILITATOR)));
  for (guint i = 0; i < n_roles; i++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_WOMEN,
                                                           "role", role->name));
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_MEN,
                                                           "role", role->name));
    }
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_WOMEN)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_MEN)));
  g_ptr_array_add (headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_PARTICIPANTS)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PRE_SCORE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_POST_SCORE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_DEMO)));
  g_ptr_array_add (headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_LINKED_PRIORITIES)));
  s->cap[C_TOPIC] = WIDTH_CAP_WRAP;
  s->cap[c_linked] = WIDTH_CAP_WRAP;
  for (lxw_col_t c = C_FIRST_ROLE; c < c_pre; c++)
    s->fixed[c] = 12;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_CAPACITY));
  TRY (sheet_headers (x, s, (const char * const *) headers->pdata, n_cols, TRUE));

  st = aimak_db_prepare (x->db, &x->error,
    "SELECT a.area_code, a.date, a.type, a.topic, a.facilitator, a.pre_score, a.post_score,"
    " a.is_demo,"
    " (SELECT group_concat(role_code || char(30) || women || char(30) || men, char(31))"
    "   FROM activity_participant WHERE activity_id = a.id),"
    /* The priorities the activity serves, by rank and title, live ones only. */
    " (SELECT group_concat(t, char(31)) FROM (SELECT p.rank || '. ' || p.title AS t"
    "   FROM activity_priority ap JOIN priority p ON p.id = ap.priority_id"
    "   WHERE ap.activity_id = a.id AND p.deleted_at IS NULL ORDER BY p.rank, p.id))"
    " FROM activity a WHERE a.deleted_at IS NULL AND " IN_SCOPE ("a.area_code")
    " ORDER BY a.area_code, a.date, a.id",
    "t", x->scope_json);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      g_auto(GStrv) parts = NULL;
      guint women = 0, men = 0;

      memset (row_values, 0, 2 * n_roles * sizeof (guint));
      parts = g_strsplit (aimak_stmt_text (st, 8), "\x1f", -1);
      for (guint i = 0; parts[i]; i++)
        {
          g_auto(GStrv) f = g_strsplit (parts[i], "\x1e", 3);
          Code *role;

          if (g_strv_length (f) != 3)
            continue;
          role = g_hash_table_lookup (x->roles.by_code, f[0]);
          if (role == NULL)
            continue;
          row_values[2 * role->index] += (guint) g_ascii_strtoull (f[1], NULL, 10);
          row_values[2 * role->index + 1] += (guint) g_ascii_strtoull (f[2], NULL, 10);
        }
      TRY (cell_string (x, s, row, C_AREA, area_name (x, aimak_stmt_text (st, 0)), x->f_text));
      TRY (cell_date (x, s, row, C_DATE, aimak_stmt_text (st, 1), x->f_date));
      TRY (cell_string (x, s, row, C_TYPE, code_name (&x->activity_types, aimak_stmt_text (st, 2)),
                        x->f_text));
      TRY (cell_string (x, s, row, C_TOPIC, aimak_stmt_text (st, 3), x->f_wrap));
      TRY (cell_string (x, s, row, C_FACILITATOR, aimak_stmt_text (st, 4), x->f_text));
      for (guint i = 0; i < 2 * n_roles; i++)
        {
          TRY (cell_number (x, s, row, C_FIRST_ROLE + i, row_values[i], x->f_count));
          sums[i] += row_values[i];
          if (i % 2 == 0)
            women += row_values[i];
          else
            men += row_values[i];
        }
      /* Women total = every second cell from the first role's women. */
      for (guint sex = 0; sex < 2; sex++)
        {
          g_string_assign (formula, "=");
          for (guint i = 0; i < n_roles; i++)
            {
              lxw_rowcol_to_cell (c1, row, C_FIRST_ROLE + 2 * i + sex);
              g_string_append_printf (formula, "%s%s", i ? "+" : "", c1);
            }
          if (n_roles == 0)
            g_string_append_c (formula, '0');
          TRY (cell_formula (x, s, row, sex ? c_men : c_women, formula->str,
                             sex ? men : women, x->f_count));
        }
      lxw_rowcol_to_cell (c1, row, c_women);
      lxw_rowcol_to_cell (c2, row, c_men);
      g_string_printf (formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, row, c_total, formula->str, women + men, x->f_count));
      TRY (cell_number (x, s, row, c_pre, aimak_stmt_double_or_nan (st, 5), x->f_number));
      TRY (cell_number (x, s, row, c_post, aimak_stmt_double_or_nan (st, 6), x->f_number));
      {
        g_auto(GStrv) linked = g_strsplit (aimak_stmt_text (st, 9), "\x1f", -1);
        g_autofree char *joined = g_strjoinv ("; ", linked);
        TRY (cell_string (x, s, row, c_linked, joined, x->f_wrap));
      }
      if (sqlite3_column_int (st, 7))
        {
          x->has_demo = TRUE;
          TRY (cell_string (x, s, row, c_demo, yes, x->f_text));
        }
      x->n_activities++;
      s->last_row = row++;
      TRY (row_done (x));
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  x->stats.n_activities = x->n_activities;
  if (row == FIRST_DATA_ROW)
    {
      /* No activities: the sheet, its totals and its chart are still complete (zeros). */
      TRY (cell_string (x, s, row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_ACTIVITIES), NULL));
      s->last_row = row++;
      s->width[C_AREA] = 14;
    }
  last_data = s->last_row;
  TRY (sheet_filter (x, s, last_data));

  /* Totals row. */
  total_row = last_data + 1;
  TRY (cell_string (x, s, total_row, C_AREA, aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW),
                    x->f_total_label));
  for (lxw_col_t c = C_FIRST_ROLE; c <= c_total; c++)
    {
      guint64 sum = 0;

      if (c < c_women)
        sum = sums[c - C_FIRST_ROLE];
      else
        for (guint i = 0; i < 2 * n_roles; i++)
          if (c == c_total || (guint) (c - c_women) == i % 2)
            sum += sums[i];
      lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, c);
      lxw_rowcol_to_cell (c2, last_data, c);
      g_string_printf (formula, "=SUM(%s:%s)", c1, c2);
      TRY (cell_formula (x, s, total_row, c, formula->str, sum, x->f_total_count));
    }

  /* Participants by role: the totals row again, one role per line, for the chart. */
  r = total_row + 2;
  TRY (cell_string (x, s, r++, C_AREA,
                    aimak_export_string (x->lang, AIMAK_XS_PARTICIPANTS_BY_ROLE), x->f_bold));
  TRY (cell_string (x, s, r, C_AREA, aimak_export_string (x->lang, AIMAK_XS_COL_ROLE),
                    x->f_header));
  TRY (cell_string (x, s, r, C_DATE, aimak_export_string (x->lang, AIMAK_XS_COL_WOMEN),
                    x->f_header));
  TRY (cell_string (x, s, r, C_TYPE, aimak_export_string (x->lang, AIMAK_XS_COL_MEN),
                    x->f_header));
  TRY (cell_string (x, s, r, C_TOPIC, aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL),
                    x->f_header));
  block_first = ++r;
  for (guint i = 0; i < n_roles; i++, r++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);

      TRY (cell_string (x, s, r, C_AREA, role->name, x->f_wrap));
      for (guint sex = 0; sex < 2; sex++)
        {
          lxw_rowcol_to_cell (c1, total_row, C_FIRST_ROLE + 2 * i + sex);
          g_string_printf (formula, "=%s", c1);
          TRY (cell_formula (x, s, r, sex ? C_TYPE : C_DATE, formula->str,
                             sums[2 * i + sex], x->f_count));
        }
      lxw_rowcol_to_cell (c1, r, C_DATE);
      lxw_rowcol_to_cell (c2, r, C_TYPE);
      g_string_printf (formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, r, C_TOPIC, formula->str, sums[2 * i] + sums[2 * i + 1],
                         x->f_count));
    }

  chart = workbook_add_chart (x->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    return set_null_error (x, "chart");
  chart_title_set_name (chart, aimak_export_string (x->lang, AIMAK_XS_CHART_CAPACITY));
  for (guint sex = 0; sex < 2; sex++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        return set_null_error (x, "chart");
      chart_series_set_categories (series, s->name, block_first, C_AREA,
                                   MAX (r, block_first + 1) - 1, C_AREA);
      chart_series_set_values (series, s->name, block_first, sex ? C_TYPE : C_DATE,
                               MAX (r, block_first + 1) - 1, sex ? C_TYPE : C_DATE);
      chart_series_set_name (series, aimak_export_string (x->lang, sex ? AIMAK_XS_COL_MEN
                                                                       : AIMAK_XS_COL_WOMEN));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  TRY (check (x, worksheet_insert_chart_opt (s->ws, block_first - 1, C_TOPIC + 2, chart,
                                             &chart_opts), s->name));
  return sheet_finish (x, s, MAX (r, block_first + 20), n_cols - 1);
}
