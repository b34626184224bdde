/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-capacity.c — the Capacity building sheet: every activity with its
 * participants by role, women and men, the totals, and the chart of participants by role.
 * See aimak-export-private.h.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"

enum { C_AREA, C_DATE, C_TYPE, C_TOPIC, C_FACILITATOR, C_FIRST_ROLE };

/* The columns after the roles' (women, men per role) are counted from c_women. */
typedef struct
{
  Export    *x;
  Sheet     *s;
  guint      n_roles;
  lxw_col_t  c_women, c_men, c_total, c_pre, c_post, c_demo, c_linked, n_cols;
  guint64   *sums;          /* per role: women, men */
  guint     *row_values;    /* the same for the row being written */
  GString   *formula;
  lxw_row_t  row;
} Capacity;

static gboolean
write_capacity_headers (Capacity *c)
{
  Export *x = c->x;
  Sheet *s = c->s;
  static const AimakExportString before[] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_DATE, AIMAK_XS_COL_TYPE, AIMAK_XS_COL_TOPIC,
    AIMAK_XS_COL_FACILITATOR,
  };
  static const AimakExportString after[] = {
    AIMAK_XS_COL_TOTAL_WOMEN, AIMAK_XS_COL_TOTAL_MEN, AIMAK_XS_COL_TOTAL_PARTICIPANTS,
    AIMAK_XS_COL_PRE_SCORE, AIMAK_XS_COL_POST_SCORE, AIMAK_XS_COL_DEMO,
    AIMAK_XS_COL_LINKED_PRIORITIES,
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, before[i])));
  for (guint i = 0; i < c->n_roles; i++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_WOMEN,
                                                           "role", role->name));
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_MEN,
                                                           "role", role->name));
    }
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, after[i])));
  s->cap[C_TOPIC] = WIDTH_CAP_WRAP;
  s->cap[c->c_linked] = WIDTH_CAP_WRAP;
  for (lxw_col_t col = C_FIRST_ROLE; col < c->c_pre; col++)
    s->fixed[col] = 12;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_CAPACITY));
  return sheet_headers (x, s, (const char * const *) headers->pdata, c->n_cols, TRUE);
}

/* "role\x1ewomen\x1emen" joined by \x1f into the row's counts per role. */
static void
read_participants (Capacity   *c,
                   const char *joined)
{
  g_auto(GStrv) parts = g_strsplit (joined, "\x1f", -1);

  memset (c->row_values, 0, 2 * c->n_roles * sizeof (guint));
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (parts[i], "\x1e", 3);
      Code *role;

      if (g_strv_length (f) != 3)
        continue;
      role = g_hash_table_lookup (c->x->roles.by_code, f[0]);
      if (role == NULL)
        continue;
      c->row_values[2 * role->index] += (guint) g_ascii_strtoull (f[1], NULL, 10);
      c->row_values[2 * role->index + 1] += (guint) g_ascii_strtoull (f[2], NULL, 10);
    }
}

/* The counts per role, then women, men and all as formulas over them. */
static gboolean
write_participants (Capacity *c)
{
  Export *x = c->x;
  Sheet *s = c->s;
  lxw_row_t row = c->row;
  guint women = 0, men = 0;
  char c1[16], c2[16];

  for (guint i = 0; i < 2 * c->n_roles; i++)
    {
      TRY (cell_number (x, s, row, C_FIRST_ROLE + i, c->row_values[i], x->f_count));
      c->sums[i] += c->row_values[i];
      if (i % 2 == 0)
        women += c->row_values[i];
      else
        men += c->row_values[i];
    }
  /* Women total = every second cell from the first role's women. */
  for (guint sex = 0; sex < 2; sex++)
    {
      g_string_assign (c->formula, "=");
      for (guint i = 0; i < c->n_roles; i++)
        {
          lxw_rowcol_to_cell (c1, row, C_FIRST_ROLE + 2 * i + sex);
          g_string_append_printf (c->formula, "%s%s", i ? "+" : "", c1);
        }
      if (c->n_roles == 0)
        g_string_append_c (c->formula, '0');
      TRY (cell_formula (x, s, row, sex ? c->c_men : c->c_women, c->formula->str,
                         sex ? men : women, x->f_count));
    }
  lxw_rowcol_to_cell (c1, row, c->c_women);
  lxw_rowcol_to_cell (c2, row, c->c_men);
  g_string_printf (c->formula, "=%s+%s", c1, c2);
  return cell_formula (x, s, row, c->c_total, c->formula->str, women + men, x->f_count);
}

static gboolean
write_activity_row (Capacity  *c,
                    AimakStmt *st)
{
  Export *x = c->x;
  Sheet *s = c->s;
  lxw_row_t row = c->row;

  read_participants (c, aimak_stmt_text (st, 8));
  TRY (cell_string (x, s, row, C_AREA, area_name (x, aimak_stmt_text (st, 0)), x->f_text));
  TRY (cell_date (x, s, row, C_DATE, aimak_stmt_text (st, 1), x->f_date));
  TRY (cell_string (x, s, row, C_TYPE, code_name (&x->activity_types, aimak_stmt_text (st, 2)),
                    x->f_text));
  TRY (cell_string (x, s, row, C_TOPIC, aimak_stmt_text (st, 3), x->f_wrap));
  TRY (cell_string (x, s, row, C_FACILITATOR, aimak_stmt_text (st, 4), x->f_text));
  TRY (write_participants (c));
  TRY (cell_number (x, s, row, c->c_pre, aimak_stmt_double_or_nan (st, 5), x->f_number));
  TRY (cell_number (x, s, row, c->c_post, aimak_stmt_double_or_nan (st, 6), x->f_number));
  {
    g_auto(GStrv) linked = g_strsplit (aimak_stmt_text (st, 9), "\x1f", -1);
    g_autofree char *joined = g_strjoinv ("; ", linked);
    TRY (cell_string (x, s, row, c->c_linked, joined, x->f_wrap));
  }
  if (aimak_stmt_int (st, 7))
    {
      x->has_demo = TRUE;
      TRY (cell_string (x, s, row, c->c_demo, aimak_export_string (x->lang, AIMAK_XS_YES),
                        x->f_text));
    }
  x->n_activities++;
  s->last_row = c->row++;
  return row_done (x);
}

static gboolean
activity_row (AimakStmt  *st,
              gpointer    user_data,
              GError    **error)
{
  Capacity *c = user_data;

  return write_activity_row (c, st) || row_failed (c->x, error);
}

static const char activities_sql[] =
  "SELECT a.area_code, a.date, a.type, a.topic, a.facilitator, a.pre_score, a.post_score,"
  " a.is_demo,"
  " (SELECT group_concat(role_code || char(30) || women || char(30) || men, char(31))"
  "   FROM activity_participant WHERE activity_id = a.id),"
  /* The priorities the activity serves, by rank and title, live ones only. */
  " (SELECT group_concat(t, char(31)) FROM (SELECT p.rank || '. ' || p.title AS t"
  "   FROM activity_priority ap JOIN priority p ON p.id = ap.priority_id"
  "   WHERE ap.activity_id = a.id AND p.deleted_at IS NULL ORDER BY p.rank, p.id))"
  " FROM activity a WHERE a.deleted_at IS NULL AND " IN_SCOPE ("a.area_code")
  " ORDER BY a.area_code, a.date, a.id";

/* The totals row below the data: a SUM per role column and the three totals. */
static gboolean
write_capacity_totals (Capacity  *c,
                       lxw_row_t  last_data,
                       lxw_row_t  total_row)
{
  Export *x = c->x;
  Sheet *s = c->s;
  char c1[16], c2[16];

  TRY (cell_string (x, s, total_row, C_AREA, aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW),
                    x->f_total_label));
  for (lxw_col_t col = C_FIRST_ROLE; col <= c->c_total; col++)
    {
      guint64 sum = 0;

      if (col < c->c_women)
        sum = c->sums[col - C_FIRST_ROLE];
      else
        for (guint i = 0; i < 2 * c->n_roles; i++)
          if (col == c->c_total || (guint) (col - c->c_women) == i % 2)
            sum += c->sums[i];
      lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, col);
      lxw_rowcol_to_cell (c2, last_data, col);
      g_string_printf (c->formula, "=SUM(%s:%s)", c1, c2);
      TRY (cell_formula (x, s, total_row, col, c->formula->str, sum, x->f_total_count));
    }
  return TRUE;
}

/* Participants by role: the totals row again, one role per line, for the chart.
 * Returns the row after the block in @r. */
static gboolean
write_roles_block (Capacity  *c,
                   lxw_row_t  total_row,
                   lxw_row_t *r)
{
  Export *x = c->x;
  Sheet *s = c->s;
  static const struct { lxw_col_t col; AimakExportString header; } heads[] = {
    { C_AREA, AIMAK_XS_COL_ROLE }, { C_DATE, AIMAK_XS_COL_WOMEN },
    { C_TYPE, AIMAK_XS_COL_MEN }, { C_TOPIC, AIMAK_XS_COL_TOTAL },
  };
  char c1[16], c2[16];

  TRY (cell_string (x, s, (*r)++, C_AREA,
                    aimak_export_string (x->lang, AIMAK_XS_PARTICIPANTS_BY_ROLE), x->f_bold));
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    TRY (cell_string (x, s, *r, heads[i].col, aimak_export_string (x->lang, heads[i].header),
                      x->f_header));
  ++*r;
  for (guint i = 0; i < c->n_roles; i++, (*r)++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);

      TRY (cell_string (x, s, *r, C_AREA, role->name, x->f_wrap));
      for (guint sex = 0; sex < 2; sex++)
        {
          lxw_rowcol_to_cell (c1, total_row, C_FIRST_ROLE + 2 * i + sex);
          g_string_printf (c->formula, "=%s", c1);
          TRY (cell_formula (x, s, *r, sex ? C_TYPE : C_DATE, c->formula->str,
                             c->sums[2 * i + sex], x->f_count));
        }
      lxw_rowcol_to_cell (c1, *r, C_DATE);
      lxw_rowcol_to_cell (c2, *r, C_TYPE);
      g_string_printf (c->formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, *r, C_TOPIC, c->formula->str,
                         c->sums[2 * i] + c->sums[2 * i + 1], x->f_count));
    }
  return TRUE;
}

static gboolean
add_capacity_chart (Capacity  *c,
                    lxw_row_t  block_first,
                    lxw_row_t  r)
{
  Export *x = c->x;
  Sheet *s = c->s;
  lxw_chart_options chart_opts = { .x_offset = 10, .y_offset = 10, .x_scale = 1.3,
                                   .y_scale = 1.3 };
  lxw_chart *chart = workbook_add_chart (x->wb, LXW_CHART_COLUMN);

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
  return check (x, worksheet_insert_chart_opt (s->ws, block_first - 1, C_TOPIC + 2, chart,
                                               &chart_opts), s->name);
}

static gboolean
fill_capacity (Capacity *c)
{
  Export *x = c->x;
  Sheet *s = c->s;
  lxw_row_t last_data, total_row, block_first, r;

  if (c->n_cols > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many participant roles for one sheet (%u)."), c->n_roles);
      return FALSE;
    }
  TRY (write_capacity_headers (c));
  TRY (aimak_db_foreach (x->db, &x->error, activity_row, c, activities_sql, "t",
                         x->scope_json));
  x->stats.n_activities = x->n_activities;
  if (c->row == FIRST_DATA_ROW)
    {
      /* No activities: the sheet, its totals and its chart are still complete (zeros). */
      TRY (cell_string (x, s, c->row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_ACTIVITIES), NULL));
      s->last_row = c->row++;
      s->width[C_AREA] = 14;
    }
  last_data = s->last_row;
  TRY (sheet_filter (x, s, last_data));
  total_row = last_data + 1;
  TRY (write_capacity_totals (c, last_data, total_row));
  r = total_row + 2;
  TRY (write_roles_block (c, total_row, &r));
  block_first = total_row + 4;
  TRY (add_capacity_chart (c, block_first, r));
  return sheet_finish (x, s, MAX (r, block_first + 20), c->n_cols - 1);
}

gboolean
write_capacity (Export *x)
{
  guint n_roles = x->roles.list->len;
  lxw_col_t c_women = C_FIRST_ROLE + 2 * n_roles;
  g_autofree guint64 *sums = g_new0 (guint64, 2 * n_roles);
  g_autofree guint *row_values = g_new0 (guint, 2 * n_roles);
  g_autoptr(GString) formula = g_string_new (NULL);
  Capacity c = {
    .x = x, .s = &x->sheets[SHEET_CAPACITY], .n_roles = n_roles,
    .c_women = c_women, .c_men = c_women + 1, .c_total = c_women + 2, .c_pre = c_women + 3,
    .c_post = c_women + 4, .c_demo = c_women + 5, .c_linked = c_women + 6,
    .n_cols = c_women + 7,
    .sums = sums, .row_values = row_values, .formula = formula, .row = FIRST_DATA_ROW,
  };

  return fill_capacity (&c);
}
