/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-capacity.c — the Capacity building sheet: every activity with its
 * participants by role, women and men, the totals, and the chart of participants by role.
 * The columns are the activity fields that have an export cell, in export order
 * (aimak-activity-fields.c); the participants field spreads over a women and a men
 * column per role and the three totals. See aimak-export-private.h.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"
#include "aimak-activity.h"
#include "aimak-field.h"

/* The participants-by-role block below the totals and its chart use the first four
 * columns, whatever the fields above them. */
enum { B_ROLE, B_WOMEN, B_MEN, B_TOTAL };

#define MAX_FIELDS 16

/* One exported activity field: its first column and its column in the query (-1: none). */
typedef struct
{
  const AimakField *field;
  lxw_col_t         col;
  int               sql_col;
} ActivityColumn;

/* c_first_role, c_women, c_men and c_total are the participants field's columns. */
typedef struct
{
  Export        *x;
  Sheet         *s;
  guint          n_roles;
  ActivityColumn columns[MAX_FIELDS];
  guint          n_columns;
  lxw_col_t      c_first_role, c_women, c_men, c_total, n_cols;
  int            q_participants, q_linked;
  char          *sql;
  guint64       *sums;          /* per role: women, men */
  guint         *row_values;    /* the same for the row being written */
  GString       *formula;
  lxw_row_t      row;
} Capacity;


static const char linked_sql[] =
  /* The priorities the activity serves, by rank and title, live ones only. */
  " (SELECT group_concat(t, char(31)) FROM (SELECT p.rank || '. ' || p.title AS t"
  "   FROM activity_priority ap JOIN priority p ON p.id = ap.priority_id"
  "   WHERE ap.activity_id = a.id AND p.deleted_at IS NULL ORDER BY p.rank, p.id))";
static const char participants_sql[] =
  " (SELECT group_concat(role_code || char(30) || women || char(30) || men, char(31))"
  "   FROM activity_participant WHERE activity_id = a.id)";

/* The columns and the query from the activity field table: every field with an
 * export cell, in export order, one column each but the participants'. */
static void
capacity_layout (Capacity *c)
{
  guint n_fields;
  const AimakField *fields = aimak_activity_fields (&n_fields);
  g_autoptr(GPtrArray) sorted = aimak_field_exported (fields, n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT a.id");
  lxw_col_t col = 0;
  int sql_col = 1;

  for (guint i = 0; i < sorted->len && i < MAX_FIELDS; i++)
    {
      ActivityColumn *ac = &c->columns[c->n_columns++];

      ac->field = g_ptr_array_index (sorted, i);
      ac->col = col++;
      ac->sql_col = sql_col++;
      if (ac->field->column != NULL)
        g_string_append_printf (sql, ", a.%s", ac->field->column);
      else if (g_str_equal (ac->field->id, "participants"))
        {
          g_string_append_c (sql, ',');
          g_string_append (sql, participants_sql);
          c->q_participants = ac->sql_col;
          c->c_first_role = ac->col;
          c->c_women = c->c_first_role + 2 * c->n_roles;
          c->c_men = c->c_women + 1;
          c->c_total = c->c_women + 2;
          col = c->c_total + 1;
        }
      else
        {
          g_string_append_c (sql, ',');
          g_string_append (sql, linked_sql);
          c->q_linked = ac->sql_col;
        }
    }
  c->n_cols = col;
  g_string_append (sql, " FROM activity a WHERE a.deleted_at IS NULL AND "
                   IN_SCOPE ("a.area_code") " ORDER BY a.area_code, a.date, a.id");
  c->sql = g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
write_capacity_headers (Capacity *c)
{
  Export *x = c->x;
  Sheet *s = c->s;
  static const AimakExportString totals[] = {
    AIMAK_XS_COL_TOTAL_WOMEN, AIMAK_XS_COL_TOTAL_MEN, AIMAK_XS_COL_TOTAL_PARTICIPANTS,
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < c->n_columns; k++)
    {
      const AimakField *f = c->columns[k].field;

      if (f->export_width > 0)
        s->cap[c->columns[k].col] = f->export_width;
      if (c->columns[k].sql_col != c->q_participants)
        {
          g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, f->export_header)));
          continue;
        }
      for (guint i = 0; i < c->n_roles; i++)
        {
          AimakCode *role = g_ptr_array_index (x->codes.roles.list, i);
          g_ptr_array_add (headers, aimak_export_string_subst (x->lang, f->export_header,
                                                               "role", role->name));
          g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_MEN,
                                                               "role", role->name));
        }
      for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
        g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, totals[i])));
    }
  for (lxw_col_t col = c->c_first_role; col <= c->c_total; col++)
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
      AimakCode *role;

      if (g_strv_length (f) != 3)
        continue;
      role = g_hash_table_lookup (c->x->codes.roles.by_code, f[0]);
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
      TRY (cell_number (x, s, row, c->c_first_role + i, c->row_values[i], x->f_count));
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
          lxw_rowcol_to_cell (c1, row, c->c_first_role + 2 * i + sex);
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

/* One field's cell(s) of an activity's row, as the field's export cell says. */
static gboolean
write_field_cell (Capacity             *c,
                  const ActivityColumn *ac,
                  AimakStmt            *st)
{
  Export *x = c->x;
  Sheet *s = c->s;
  const char *text = aimak_stmt_text (st, ac->sql_col);

  switch (ac->field->export_cell)
    {
    case AIMAK_FIELD_CELL_AREA:   /* the name only: activities carry no P-code column */
      return cell_string (x, s, c->row, ac->col, area_period_name (x, text), x->f_text);
    case AIMAK_FIELD_CELL_DATE:
      return cell_date (x, s, c->row, ac->col, text, x->f_date);
    case AIMAK_FIELD_CELL_CODE_NAME:
      return cell_string (x, s, c->row, ac->col,
                          aimak_code_table_name (&x->codes.activity_types, text), x->f_text);
    case AIMAK_FIELD_CELL_WRAP:
      return cell_string (x, s, c->row, ac->col, text, x->f_wrap);
    case AIMAK_FIELD_CELL_NUMBER:
      return cell_number (x, s, c->row, ac->col, aimak_stmt_double_or_nan (st, ac->sql_col),
                          x->f_number);
    case AIMAK_FIELD_CELL_YES:
      if (!aimak_stmt_int (st, ac->sql_col))
        return TRUE;
      x->has_demo = TRUE;
      return cell_string (x, s, c->row, ac->col, aimak_export_string (x->lang, AIMAK_XS_YES),
                          x->f_text);
    case AIMAK_FIELD_CELL_CUSTOM:
      if (ac->sql_col == c->q_participants)
        {
          read_participants (c, text);
          return write_participants (c);
        }
      else
        {
          g_auto(GStrv) linked = g_strsplit (text, "\x1f", -1);
          g_autofree char *joined = g_strjoinv ("; ", linked);

          return cell_string (x, s, c->row, ac->col, joined, x->f_wrap);
        }
    case AIMAK_FIELD_CELL_TEXT:
    default:
      return cell_string (x, s, c->row, ac->col, text, x->f_text);
    }
}

static gboolean
write_activity_row (gpointer   data,
                    AimakStmt *st)
{
  Capacity *c = data;
  Export *x = c->x;

  for (guint k = 0; k < c->n_columns; k++)
    TRY (write_field_cell (c, &c->columns[k], st));
  x->n_activities++;
  c->s->last_row = c->row++;
  return row_done (x);
}

/* The totals row below the data: a SUM per role column and the three totals. */
static gboolean
write_capacity_totals (Capacity  *c,
                       lxw_row_t  last_data,
                       lxw_row_t  total_row)
{
  Export *x = c->x;
  Sheet *s = c->s;

  TRY (cell_string (x, s, total_row, 0, aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW),
                    x->f_total_label));
  for (lxw_col_t col = c->c_first_role; col <= c->c_total; col++)
    {
      guint64 sum = 0;

      if (col < c->c_women)
        sum = c->sums[col - c->c_first_role];
      else
        for (guint i = 0; i < 2 * c->n_roles; i++)
          if (col == c->c_total || (guint) (col - c->c_women) == i % 2)
            sum += c->sums[i];
      TRY (cell_column_sum (x, s, total_row, col, last_data, sum, x->f_total_count));
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
    { B_ROLE, AIMAK_XS_COL_ROLE }, { B_WOMEN, AIMAK_XS_COL_WOMEN },
    { B_MEN, AIMAK_XS_COL_MEN }, { B_TOTAL, AIMAK_XS_COL_TOTAL },
  };
  char c1[16], c2[16];

  TRY (cell_string (x, s, (*r)++, B_ROLE,
                    aimak_export_string (x->lang, AIMAK_XS_PARTICIPANTS_BY_ROLE), x->f_bold));
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    TRY (cell_string (x, s, *r, heads[i].col, aimak_export_string (x->lang, heads[i].header),
                      x->f_header));
  ++*r;
  for (guint i = 0; i < c->n_roles; i++, (*r)++)
    {
      AimakCode *role = g_ptr_array_index (x->codes.roles.list, i);

      TRY (cell_string (x, s, *r, B_ROLE, role->name, x->f_wrap));
      for (guint sex = 0; sex < 2; sex++)
        {
          lxw_rowcol_to_cell (c1, total_row, c->c_first_role + 2 * i + sex);
          g_string_printf (c->formula, "=%s", c1);
          TRY (cell_formula (x, s, *r, sex ? B_MEN : B_WOMEN, c->formula->str,
                             c->sums[2 * i + sex], x->f_count));
        }
      lxw_rowcol_to_cell (c1, *r, B_WOMEN);
      lxw_rowcol_to_cell (c2, *r, B_MEN);
      g_string_printf (c->formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, *r, B_TOTAL, c->formula->str,
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
      chart_series_set_categories (series, s->name, block_first, B_ROLE,
                                   MAX (r, block_first + 1) - 1, B_ROLE);
      chart_series_set_values (series, s->name, block_first, sex ? B_MEN : B_WOMEN,
                               MAX (r, block_first + 1) - 1, sex ? B_MEN : B_WOMEN);
      chart_series_set_name (series, aimak_export_string (x->lang, sex ? AIMAK_XS_COL_MEN
                                                                       : AIMAK_XS_COL_WOMEN));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return check (x, worksheet_insert_chart_opt (s->ws, block_first - 1, B_TOTAL + 2, chart,
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
  TRY (sheet_rows (x, c->sql, write_activity_row, c));
  x->stats.n_activities = x->n_activities;
  if (c->row == FIRST_DATA_ROW)
    {
      /* No activities: the sheet, its totals and its chart are still complete (zeros). */
      TRY (cell_string (x, s, c->row, 0,
                        aimak_export_string (x->lang, AIMAK_XS_NO_ACTIVITIES), NULL));
      s->last_row = c->row++;
      s->width[0] = 14;
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
  guint n_roles = x->codes.roles.list->len;
  g_autofree guint64 *sums = g_new0 (guint64, 2 * n_roles);
  g_autofree guint *row_values = g_new0 (guint, 2 * n_roles);
  g_autoptr(GString) formula = g_string_new (NULL);
  Capacity c = {
    .x = x, .s = &x->sheets[SHEET_CAPACITY], .n_roles = n_roles, .q_participants = -1,
    .q_linked = -1, .sums = sums, .row_values = row_values, .formula = formula,
    .row = FIRST_DATA_ROW,
  };
  gboolean ok;

  capacity_layout (&c);
  ok = fill_capacity (&c);
  g_free (c.sql);
  return ok;
}
