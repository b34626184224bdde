/* aimak-export-priorities.c — the Priorities sheet (an Excel table, or a plain filter in
 * constant_memory mode) and, from the same query, the Alignment sheet: which GCM
 * objectives and SDG targets each priority supports. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"
#include "aimak-summary.h"

static const AimakExportString priority_headers[PC_N] = {
  AIMAK_XS_COL_RANK, AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_TITLE,
  AIMAK_XS_COL_SECTOR, AIMAK_XS_COL_TARGET_GROUPS, AIMAK_XS_COL_MARKER,
  AIMAK_XS_COL_JUSTIFICATION, AIMAK_XS_COL_GCM, AIMAK_XS_COL_SDG, AIMAK_XS_COL_BUDGET,
  AIMAK_XS_COL_FUNDING, AIMAK_XS_COL_RESPONSIBLE, AIMAK_XS_COL_PARTNERS,
  AIMAK_XS_COL_START_YEAR, AIMAK_XS_COL_END_YEAR, AIMAK_XS_COL_STATUS,
  AIMAK_XS_COL_HEARING_DATE, AIMAK_XS_COL_HEARING_WOMEN, AIMAK_XS_COL_HEARING_MEN,
  AIMAK_XS_COL_DECISION_NO, AIMAK_XS_COL_DECISION_DATE, AIMAK_XS_COL_DEMO,
  AIMAK_XS_COL_PROBLEM, AIMAK_XS_COL_DESCRIPTION,
};

static gboolean
write_priority_headers (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  GPtrArray *headers;

  /* The fixed columns, then one per checklist item; the strings live as long as the
   * export, because the table and the Cover's list of cut texts refer to them. */
  x->priority_headers = headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < PC_N; c++)
    g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, priority_headers[c])));
  for (guint i = 0; i < x->checklist.list->len; i++)
    {
      Code *item = g_ptr_array_index (x->checklist.list, i);
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_CHECKLIST_COL,
                                                           "item", item->name));
    }
  if (headers->len > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many gender checklist items for one sheet (%u)."),
                   x->checklist.list->len);
      return FALSE;
    }
  for (guint c = PC_N; c < headers->len; c++)
    s->cap[c] = 20;
  s->cap[PC_PROBLEM] = WIDTH_CAP_WRAP;
  s->cap[PC_DESCRIPTION] = WIDTH_CAP_WRAP;
  s->cap[PC_TITLE] = WIDTH_CAP_WRAP;
  s->cap[PC_TARGET_GROUPS] = 36;
  s->cap[PC_JUSTIFICATION] = WIDTH_CAP_WRAP;
  s->cap[PC_GCM] = WIDTH_CAP_WRAP;
  s->cap[PC_SDG] = WIDTH_CAP_WRAP;
  s->cap[PC_PARTNERS] = 36;
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
  g_autofree char **status_list = g_new0 (char *, x->statuses.list->len + 1);
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

  TRY (check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, PC_MARKER, last_row,
                                                  PC_MARKER, &marker), s->name));
  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);
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
  return check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, PC_STATUS, last_row,
                                                    PC_STATUS, &status), s->name);
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
      Code *item;
      AimakExportString word;

      if (sep == NULL)
        continue;
      *sep = '\0';
      item = g_hash_table_lookup (x->checklist.by_code, parts[i]);
      if (item == NULL)
        continue;
      word = g_str_equal (sep + 1, "yes") ? AIMAK_XS_ANSWER_YES
             : g_str_equal (sep + 1, "partly") ? AIMAK_XS_ANSWER_PARTLY : AIMAK_XS_ANSWER_NO;
      TRY (cell_string (x, s, row, PC_N + item->index, aimak_export_string (x->lang, word),
                        x->f_text));
    }
  return TRUE;
}

/* The columns of the priorities query. */
enum
{
  Q_AREA, Q_RANK, Q_TITLE, Q_SECTOR, Q_MARKER, Q_JUSTIFICATION, Q_BUDGET, Q_FUNDING,
  Q_RESPONSIBLE, Q_PARTNERS, Q_START, Q_END, Q_STATUS, Q_HEARING_DATE, Q_HEARING_F,
  Q_HEARING_M, Q_DECISION_NO, Q_DECISION_DATE, Q_DEMO, Q_ID, Q_PROBLEM, Q_DESCRIPTION,
};

static const char priorities_sql[] =
  "SELECT p.area_code, p.rank, p.title, p.sector_code, p.gender_marker,"
  " p.marker_justification, p.budget_kgs, p.funding_source, p.responsible, p.partners,"
  " p.start_year, p.end_year, p.status, p.hearing_date, p.hearing_participants_f,"
  " p.hearing_participants_m, p.kenesh_decision_no, p.kenesh_decision_date, p.is_demo,"
  " p.id, p.problem, p.description"
  " FROM priority p WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
  " ORDER BY p.area_code, p.rank, p.id";

typedef struct
{
  Export    *x;
  Alignment  al;
  lxw_row_t  row;
} Priorities;

/* One row of the Priorities sheet. */
static gboolean
write_priority_cells (Export    *x,
                      lxw_row_t  row,
                      AimakStmt *st,
                      Links     *links)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  const char *area = aimak_stmt_text (st, Q_AREA);
  int start = aimak_stmt_int_or (st, Q_START, 0);
  int end = aimak_stmt_int_or (st, Q_END, 0);
  gboolean demo = aimak_stmt_int (st, Q_DEMO) != 0;
  const char *yes = aimak_export_string (x->lang, AIMAK_XS_YES);
  g_autofree char *groups = join_names (&x->target_groups, links ? links->groups : NULL, FALSE);
  g_autofree char *gcm = join_names (&x->gcm, links ? links->gcm : NULL, TRUE);
  g_autofree char *sdg = join_names (&x->sdg, links ? links->sdg : NULL, TRUE);
  const char *funding = aimak_stmt_is_null (st, Q_FUNDING) ? NULL
                                                           : aimak_stmt_text (st, Q_FUNDING);

  return cell_number (x, s, row, PC_RANK, aimak_stmt_int (st, Q_RANK), x->f_int) &&
         cell_string (x, s, row, PC_AREA, area_name (x, area), x->f_text) &&
         cell_string (x, s, row, PC_PCODE, area, x->f_text) &&
         cell_string (x, s, row, PC_TITLE, aimak_stmt_text (st, Q_TITLE), x->f_wrap) &&
         cell_string (x, s, row, PC_SECTOR,
                      code_name (&x->sectors, aimak_stmt_text (st, Q_SECTOR)), x->f_text) &&
         cell_string (x, s, row, PC_TARGET_GROUPS, groups, x->f_wrap) &&
         cell_number (x, s, row, PC_MARKER, aimak_stmt_int (st, Q_MARKER), x->f_int) &&
         cell_string (x, s, row, PC_JUSTIFICATION, aimak_stmt_text (st, Q_JUSTIFICATION),
                      x->f_wrap) &&
         cell_string (x, s, row, PC_GCM, gcm, x->f_wrap) &&
         cell_string (x, s, row, PC_SDG, sdg, x->f_wrap) &&
         cell_number (x, s, row, PC_BUDGET, aimak_stmt_double_or_nan (st, Q_BUDGET),
                      x->f_kgs) &&
         cell_string (x, s, row, PC_FUNDING, code_name (&x->funding, funding), x->f_text) &&
         cell_string (x, s, row, PC_RESPONSIBLE, aimak_stmt_text (st, Q_RESPONSIBLE),
                      x->f_text) &&
         cell_string (x, s, row, PC_PARTNERS, aimak_stmt_text (st, Q_PARTNERS), x->f_wrap) &&
         cell_number (x, s, row, PC_START, start ? start : NAN, x->f_int) &&
         cell_number (x, s, row, PC_END, end ? end : NAN, x->f_int) &&
         cell_string (x, s, row, PC_STATUS,
                      code_name (&x->statuses, aimak_stmt_text (st, Q_STATUS)), x->f_text) &&
         cell_date (x, s, row, PC_HEARING_DATE, aimak_stmt_text (st, Q_HEARING_DATE),
                    x->f_date) &&
         cell_number (x, s, row, PC_HEARING_F, aimak_stmt_double_or_nan (st, Q_HEARING_F),
                      x->f_int) &&
         cell_number (x, s, row, PC_HEARING_M, aimak_stmt_double_or_nan (st, Q_HEARING_M),
                      x->f_int) &&
         cell_string (x, s, row, PC_DECISION_NO, aimak_stmt_text (st, Q_DECISION_NO),
                      x->f_text) &&
         cell_date (x, s, row, PC_DECISION_DATE, aimak_stmt_text (st, Q_DECISION_DATE),
                    x->f_date) &&
         cell_string (x, s, row, PC_DEMO, demo ? yes : NULL, x->f_text) &&
         cell_string (x, s, row, PC_PROBLEM, aimak_stmt_text (st, Q_PROBLEM), x->f_wrap) &&
         cell_string (x, s, row, PC_DESCRIPTION, aimak_stmt_text (st, Q_DESCRIPTION),
                      x->f_wrap) &&
         write_checklist (x, s, row, links ? links->checklist : NULL);
}

/* Figures for the cover and the gender budget. */
static void
tally_priority (Export    *x,
                AimakStmt *st)
{
  int marker = aimak_stmt_int (st, Q_MARKER);
  double budget = aimak_stmt_double_or_nan (st, Q_BUDGET);
  const char *funding = aimak_stmt_is_null (st, Q_FUNDING) ? NULL
                                                           : aimak_stmt_text (st, Q_FUNDING);
  int start = aimak_stmt_int_or (st, Q_START, 0);
  int end = aimak_stmt_int_or (st, Q_END, 0);
  AimakStatusClass cls = aimak_summary_status_class (aimak_stmt_text (st, Q_STATUS));

  x->n_priorities++;
  if (aimak_stmt_int (st, Q_DEMO) != 0)
    x->has_demo = TRUE;
  if (start && (x->first_year == 0 || start < x->first_year))
    x->first_year = start;
  if (end && end > x->last_year)
    x->last_year = end;
  /* The rule of aimak_summary_status_class(): rejected priorities count in no
   * total, and the adopted programme is approved, in progress or completed. */
  if (isfinite (budget) && cls != AIMAK_STATUS_CLASS_REJECTED)
    {
      Code *fc = funding ? g_hash_table_lookup (x->funding.by_code, funding) : NULL;

      if (marker >= 0 && marker <= 2)
        x->budget_marker[marker] += budget;
      x->budget_funding[fc ? fc->index : x->funding.list->len] += budget;
      if (cls == AIMAK_STATUS_CLASS_ADOPTED)
        {
          x->budget_adopted += budget;
          if (marker == 1 || marker == 2)
            x->gender_adopted += budget;
        }
    }
}

static gboolean
priority_row (AimakStmt  *st,
              gpointer    user_data,
              GError    **error)
{
  Priorities *p = user_data;
  Export *x = p->x;
  Links *links = g_hash_table_lookup (x->links, aimak_stmt_text (st, Q_ID));

  if (!write_priority_cells (x, p->row, st, links) ||
      !write_alignment_row (x, &p->al, p->row, aimak_stmt_text (st, Q_AREA),
                            aimak_stmt_int (st, Q_RANK), aimak_stmt_text (st, Q_TITLE),
                            links))
    return row_failed (x, error);
  tally_priority (x, st);
  x->sheets[SHEET_PRIORITIES].last_row = x->sheets[SHEET_ALIGNMENT].last_row = p->row++;
  return row_done (x) || row_failed (x, error);
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
  TRY (aimak_db_foreach (x->db, &x->error, priority_row, p, priorities_sql, "t",
                         x->scope_json));
  x->stats.n_priorities = x->n_priorities;
  if (p->row == FIRST_DATA_ROW)
    {
      /* A table needs one data row; an empty one says why it is empty. */
      TRY (cell_string (x, s, p->row, PC_TITLE,
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
