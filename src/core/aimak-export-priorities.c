/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-priorities.c — the Priorities sheet (an Excel table, or a plain filter in
 * constant_memory mode) and, from the same query, the Alignment sheet: which GCM
 * objectives and SDG targets each priority supports. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"
#include "aimak-field.h"
#include "aimak-summary.h"

/* ---- the columns, from the priority field table ---- */

/* Every field with an export cell, in export order: the area takes two columns (its
 * name and its P-code), the checklist one per item, any other field one. The query
 * reads p.id, then the column of each field that has one. */
static AimakCodeTable *code_list_of (Export           *x,
                               const AimakField *f);
static int       sql_column   (Export           *x,
                               const char       *field_id);

gboolean
priority_layout_init (Export *x)
{
  PriorityLayout *pl = &x->playout;
  guint n_fields;
  const AimakField *fields = aimak_priority_fields (&n_fields);
  g_autoptr(GPtrArray) sorted = aimak_field_exported (fields, n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT p.id");
  lxw_col_t col = 0;
  int sql_col = 1;

  for (guint i = 0; i < sorted->len && i < MAX_COLS; i++)
    {
      PriorityColumn *pc = &pl->columns[pl->n_columns++];

      pc->field = g_ptr_array_index (sorted, i);
      pc->col = col;
      pc->sql_col = -1;
      pc->list = pc->field->export_cell == AIMAK_FIELD_CELL_CODE_NAME ||
                 pc->field->export_cell == AIMAK_FIELD_CELL_CODE_NAMES ||
                 pc->field->export_cell == AIMAK_FIELD_CELL_CODE_LABELS
                 ? code_list_of (x, pc->field) : NULL;
      if (pc->field->column != NULL)
        {
          pc->sql_col = sql_col++;
          g_string_append_printf (sql, ", p.%s", pc->field->column);
        }
      if (pc->field->export_cell == AIMAK_FIELD_CELL_CUSTOM)
        {
          pl->checklist_col = col;
          col += x->codes.checklist.list->len;
        }
      else
        {
          col += pc->field->export_cell == AIMAK_FIELD_CELL_AREA ? 2 : 1;
          pl->n_fixed = col;
        }
    }
  /* Where each priority came from: this desk or the desk that sent it. */
  pl->desk_col = col++;
  pl->desk_sql_col = sql_col++;
  g_string_append (sql, ", p.origin_desk");
  pl->n_cols = col;
  g_string_append (sql, " FROM priority p WHERE p.deleted_at IS NULL AND "
                   IN_SCOPE ("p.area_code") " ORDER BY p.area_code, p.rank, p.id");
  pl->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  pl->q_marker = sql_column (x, "gender_marker");
  pl->q_funding = sql_column (x, "funding_source");
  pl->q_start = sql_column (x, "start_year");
  pl->q_end = sql_column (x, "end_year");
  pl->q_budget = sql_column (x, "budget_kgs");
  pl->q_status = sql_column (x, "status");
  pl->q_is_demo = sql_column (x, "is_demo");
  pl->q_area = sql_column (x, "area_code");
  pl->q_rank = sql_column (x, "rank");
  pl->q_title = sql_column (x, "title");
  return TRUE;
}

static const PriorityColumn *
find_column (Export     *x,
             const char *field_id)
{
  for (guint i = 0; i < x->playout.n_columns; i++)
    if (g_str_equal (x->playout.columns[i].field->id, field_id))
      return &x->playout.columns[i];
  g_return_val_if_reached (NULL);
}

lxw_col_t
priority_column (Export     *x,
                 const char *field_id)
{
  const PriorityColumn *pc = find_column (x, field_id);

  return pc ? pc->col : 0;
}

/* The field's column in the priorities query. */
static int
sql_column (Export     *x,
            const char *field_id)
{
  const PriorityColumn *pc = find_column (x, field_id);

  return pc ? pc->sql_col : 0;
}

static gboolean
write_priority_headers (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  PriorityLayout *pl = &x->playout;
  GPtrArray *headers;

  /* The strings live as long as the export, because the table and the Cover's list of
   * cut texts refer to them. */
  x->priority_headers = headers = g_ptr_array_new_with_free_func (g_free);
  if (pl->n_cols > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many gender checklist items for one sheet (%u)."),
                   x->codes.checklist.list->len);
      return FALSE;
    }
  for (guint i = 0; i < pl->n_columns; i++)
    {
      const AimakField *f = pl->columns[i].field;

      if (f->export_cell == AIMAK_FIELD_CELL_CUSTOM)
        {
          for (guint k = 0; k < x->codes.checklist.list->len; k++)
            {
              AimakCode *item = g_ptr_array_index (x->codes.checklist.list, k);

              s->cap[pl->columns[i].col + k] = 20;
              g_ptr_array_add (headers, aimak_export_string_subst (x->lang, f->export_header,
                                                                   "item", item->name));
            }
          continue;
        }
      if (f->export_width > 0)
        s->cap[pl->columns[i].col] = f->export_width;
      g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, f->export_header)));
      if (f->export_cell == AIMAK_FIELD_CELL_AREA)
        g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PCODE)));
    }
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_SOURCE_DESK)));
  s->cap[pl->desk_col] = 30;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_PRIORITIES));
  /* With a table, libxlsxwriter writes the header cells itself from the table's columns. */
  return sheet_headers (x, s, (const char * const *) headers->pdata, headers->len,
                        x->constant_memory);
}

static gboolean
add_priority_table (Export    *x,
                    lxw_row_t  last_row)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  guint n = x->priority_headers->len;
  lxw_table_column columns[MAX_COLS];
  lxw_table_column *column_ptrs[MAX_COLS + 1];
  lxw_table_options options = {
    .name = (char *) "Priorities",
    .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
    .style_type_number = 9,
    .columns = column_ptrs,
  };

  memset (columns, 0, sizeof columns);
  for (guint c = 0; c < n; c++)
    {
      columns[c].header = g_ptr_array_index (x->priority_headers, c);
      columns[c].header_format = x->f_header;
      column_ptrs[c] = &columns[c];
    }
  column_ptrs[n] = NULL;
  return check (x, worksheet_add_table (s->ws, FIRST_DATA_ROW - 1, 0, last_row, n - 1,
                                        &options), s->name);
}

static gboolean
add_priority_validation (Export    *x,
                         lxw_row_t  last_row)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  char *marker_list[] = { (char *) "0", (char *) "1", (char *) "2", NULL };
  g_autofree char **status_list = g_new0 (char *, x->codes.statuses.list->len + 1);
  lxw_data_validation marker = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = marker_list,
    .input_title = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_MARKER_TITLE),
    .input_message = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_MARKER),
  };
  lxw_data_validation status = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = status_list,
    .input_title = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_STATUS_TITLE),
    .input_message = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_STATUS),
  };
  gsize list_chars = 0;
  gboolean list_ok = TRUE;
  lxw_col_t marker_col = priority_column (x, "gender_marker");
  lxw_col_t status_col = priority_column (x, "status");

  TRY (check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, marker_col, last_row,
                                                  marker_col, &marker), s->name));
  for (guint i = 0; i < x->codes.statuses.list->len; i++)
    {
      AimakCode *c = g_ptr_array_index (x->codes.statuses.list, i);
      status_list[i] = c->name;
      list_chars += g_utf8_strlen (c->name, -1) + 1;
      if (strchr (c->name, ',') || strchr (c->name, '"'))
        list_ok = FALSE;
    }
  /* Excel allows 255 characters in a literal list; a longer one (a user-extended status
   * list) refers to the status names on the cover through a defined name instead. */
  if (!list_ok || list_chars > 255)
    {
      status.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      status.value_list = NULL;
      status.value_formula = (char *) "=AimakStatuses";
      x->status_list_by_name = TRUE;
    }
  return check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, status_col, last_row,
                                                    status_col, &status), s->name);
}

/* The checklist answers of one priority, one column per item, "yes"/"partly"/"no" in
 * the workbook's language; an item not answered stays empty. */
static gboolean
write_checklist (Export     *x,
                 Sheet      *s,
                 lxw_row_t   row,
                 const char *answers)
{
  g_auto(GStrv) parts = NULL;

  if (answers == NULL)
    return TRUE;
  parts = g_strsplit (answers, "\x1f", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *sep = strchr (parts[i], '\x1e');
      AimakCode *item;
      AimakExportString word;

      if (sep == NULL)
        continue;
      *sep = '\0';
      item = g_hash_table_lookup (x->codes.checklist.by_code, parts[i]);
      if (item == NULL)
        continue;
      word = g_str_equal (sep + 1, "yes") ? AIMAK_XS_ANSWER_YES
             : g_str_equal (sep + 1, "partly") ? AIMAK_XS_ANSWER_PARTLY : AIMAK_XS_ANSWER_NO;
      TRY (cell_string (x, s, row, x->playout.checklist_col + item->index, aimak_export_string (x->lang, word),
                        x->f_text));
    }
  return TRUE;
}

typedef struct
{
  Export    *x;
  Alignment  al;
  lxw_row_t  row;
} Priorities;

/* An INT cell: empty for NULL and for the field's "empty" value. */
static double
int_cell_value (const AimakField *f,
                AimakStmt        *st,
                int               sql_col)
{
  int v;

  if (aimak_stmt_is_null (st, sql_col))
    return NAN;
  v = aimak_stmt_int (st, sql_col);
  return v == f->empty_int ? NAN : v;
}

/* The codes of a link field ("target_groups", "gcm", "sdg"), joined by \x1f. */
static const char *
link_codes (const AimakField *f,
            Links            *links)
{
  if (links == NULL)
    return NULL;
  if (g_str_equal (f->id, "target_groups"))
    return links->groups;
  if (g_str_equal (f->id, "gcm"))
    return links->gcm;
  if (g_str_equal (f->id, "sdg"))
    return links->sdg;
  return NULL;
}

/* The code list a CODE or CODES field shows names from. */
static AimakCodeTable *
code_list_of (Export           *x,
              const AimakField *f)
{
  AimakCodeTable *list = aimak_code_tables_find (&x->codes, f->code_list);

  g_return_val_if_fail (list != NULL, &x->codes.sectors);
  return list;
}

/* One field's cell(s) of a priority's row, as the field's export cell says. */
static gboolean
write_field_cell (Export               *x,
                  lxw_row_t             row,
                  const PriorityColumn *pc,
                  AimakStmt            *st,
                  Links                *links)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  const AimakField *f = pc->field;
  const char *text = pc->sql_col >= 0 && !aimak_stmt_is_null (st, pc->sql_col)
                     ? aimak_stmt_text (st, pc->sql_col) : NULL;

  switch (f->export_cell)
    {
    case AIMAK_FIELD_CELL_TEXT:
      return cell_string (x, s, row, pc->col, text, x->f_text);
    case AIMAK_FIELD_CELL_WRAP:
      return cell_string (x, s, row, pc->col, text, x->f_wrap);
    case AIMAK_FIELD_CELL_INT:
      return cell_number (x, s, row, pc->col, int_cell_value (f, st, pc->sql_col), x->f_int);
    case AIMAK_FIELD_CELL_MONEY:
      return cell_number (x, s, row, pc->col, aimak_stmt_double_or_nan (st, pc->sql_col),
                          x->f_kgs);
    case AIMAK_FIELD_CELL_NUMBER:
      return cell_number (x, s, row, pc->col, aimak_stmt_double_or_nan (st, pc->sql_col),
                          x->f_number);
    case AIMAK_FIELD_CELL_DATE:
      return cell_date (x, s, row, pc->col, text, x->f_date);
    case AIMAK_FIELD_CELL_CODE_NAME:
      return cell_string (x, s, row, pc->col, aimak_code_table_name (pc->list, text), x->f_text);
    case AIMAK_FIELD_CELL_CODE_NAMES:
    case AIMAK_FIELD_CELL_CODE_LABELS:
      {
        g_autofree char *names = join_names (pc->list, link_codes (f, links),
                                             f->export_cell == AIMAK_FIELD_CELL_CODE_LABELS);
        return cell_string (x, s, row, pc->col, names, x->f_wrap);
      }
    case AIMAK_FIELD_CELL_AREA:
      return cell_string (x, s, row, pc->col, area_period_name (x, text), x->f_text) &&
             cell_string (x, s, row, pc->col + 1, text, x->f_text);
    case AIMAK_FIELD_CELL_YES:
      return cell_string (x, s, row, pc->col,
                          aimak_stmt_int (st, pc->sql_col) ? aimak_export_string (x->lang,
                                                                                  AIMAK_XS_YES)
                                                           : NULL,
                          x->f_text);
    case AIMAK_FIELD_CELL_CUSTOM:
      return write_checklist (x, s, row, links ? links->checklist : NULL);
    case AIMAK_FIELD_CELL_NONE:
    default:
      return TRUE;
    }
}

/* One row of the Priorities sheet: every exported field in export order. */
static gboolean
write_priority_cells (Export    *x,
                      lxw_row_t  row,
                      AimakStmt *st,
                      Links     *links)
{
  int q_desk = x->playout.desk_sql_col;

  for (guint i = 0; i < x->playout.n_columns; i++)
    TRY (write_field_cell (x, row, &x->playout.columns[i], st, links));
  return cell_string (x, &x->sheets[SHEET_PRIORITIES], row, x->playout.desk_col,
                      desk_name (x, aimak_stmt_is_null (st, q_desk) ? NULL
                                                                    : aimak_stmt_text (st, q_desk)),
                      x->f_text);
}

/* Figures for the cover and the gender budget. */
static void
tally_priority (Export    *x,
                AimakStmt *st)
{
  const PriorityLayout *pl = &x->playout;
  int q_funding = pl->q_funding;
  int marker = aimak_stmt_int (st, pl->q_marker);
  double budget = aimak_stmt_double_or_nan (st, pl->q_budget);
  const char *funding = aimak_stmt_is_null (st, q_funding) ? NULL
                                                           : aimak_stmt_text (st, q_funding);
  int start = aimak_stmt_int_or (st, pl->q_start, 0);
  int end = aimak_stmt_int_or (st, pl->q_end, 0);
  AimakStatusClass cls = aimak_summary_status_class (aimak_stmt_text (st, pl->q_status));

  x->n_priorities++;
  if (aimak_stmt_int (st, pl->q_is_demo) != 0)
    x->has_demo = TRUE;
  if (start && (x->first_year == 0 || start < x->first_year))
    x->first_year = start;
  if (end && end > x->last_year)
    x->last_year = end;
  /* The rule of aimak_summary_status_class(): rejected priorities count in no
   * total, and the adopted programme is approved, in progress or completed. */
  if (isfinite (budget) && cls != AIMAK_STATUS_CLASS_REJECTED)
    {
      AimakCode *fc = funding ? g_hash_table_lookup (x->codes.funding.by_code, funding) : NULL;

      if (marker >= 0 && marker <= 2)
        x->budget_marker[marker] += budget;
      x->budget_funding[fc ? fc->index : x->codes.funding.list->len] += budget;
      if (cls == AIMAK_STATUS_CLASS_ADOPTED)
        {
          x->budget_adopted += budget;
          if (marker == 1 || marker == 2)
            x->gender_adopted += budget;
        }
    }
}

static gboolean
priority_row (gpointer   data,
              AimakStmt *st)
{
  Priorities *p = data;
  Export *x = p->x;
  Links *links = g_hash_table_lookup (x->links, aimak_stmt_text (st, 0));

  TRY (write_priority_cells (x, p->row, st, links));
  TRY (write_alignment_row (x, &p->al, p->row, aimak_stmt_text (st, x->playout.q_area),
                            aimak_stmt_int (st, x->playout.q_rank),
                            aimak_stmt_text (st, x->playout.q_title), links));
  tally_priority (x, st);
  x->sheets[SHEET_PRIORITIES].last_row = x->sheets[SHEET_ALIGNMENT].last_row = p->row++;
  return row_done (x);
}

/* The table (or the filter in constant_memory mode), the validation lists and the
 * print setup, after the last row. */
static gboolean
finish_priorities (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];

  x->priorities_last_row = s->last_row;
  TRY (add_priority_validation (x, s->last_row));
  if (x->constant_memory)
    TRY (sheet_filter (x, s, s->last_row));
  else
    TRY (add_priority_table (x, s->last_row));
  return sheet_finish (x, s, s->last_row, s->n_cols - 1);
}

static gboolean
fill_priorities (Priorities *p)
{
  Export *x = p->x;
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];

  TRY (write_priority_headers (x));
  TRY (write_alignment_headers (x, &p->al));
  TRY (sheet_rows (x, x->playout.sql, priority_row, p));
  x->stats.n_priorities = x->n_priorities;
  if (p->row == FIRST_DATA_ROW)
    {
      /* A table needs one data row; an empty one says why it is empty. */
      TRY (cell_string (x, s, p->row, priority_column (x, "title"),
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap));
      TRY (cell_string (x, a, p->row, 2,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap));
      s->last_row = a->last_row = p->row++;
    }
  TRY (finish_priorities (x));
  return finish_alignment (x, &p->al);
}

/* The Priorities and the Alignment sheets, row by row from one query. */
gboolean
write_priorities (Export *x)
{
  Priorities p = { .x = x, .row = FIRST_DATA_ROW };
  gboolean ok = fill_priorities (&p);

  g_free (p.al.covered);
  return ok;
}
