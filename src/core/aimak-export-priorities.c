/* aimak-export-priorities.c — the Priorities sheet (an Excel table, or a plain filter in
 * constant_memory mode) and, from the same query, the Alignment sheet: which GCM
 * objectives and SDG targets each priority supports. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"

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

typedef struct
{
  lxw_col_t first_gcm;
  lxw_col_t first_sdg;
  lxw_col_t count_col;
  guint64  *covered;     /* per GCM then SDG column: priorities linked */
} Alignment;

static gboolean
write_priority_headers (Export    *x,
                        Alignment *al)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  g_autoptr(GPtrArray) align_headers = g_ptr_array_new_with_free_func (g_free);
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
  TRY (sheet_headers (x, s, (const char * const *) headers->pdata, headers->len,
                      x->constant_memory));

  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_AREA)));
  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_RANK)));
  g_ptr_array_add (align_headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PRIORITY)));
  al->first_gcm = 3;
  for (guint i = 0; i < x->gcm.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->gcm.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_GCM_SHORT, "code", c->code));
    }
  al->first_sdg = al->first_gcm + x->gcm.list->len;
  for (guint i = 0; i < x->sdg.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->sdg.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_SDG_SHORT, "code", c->code));
    }
  al->count_col = al->first_sdg + x->sdg.list->len;
  g_ptr_array_add (align_headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_N_LINKS)));
  if (align_headers->len > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many GCM objectives and SDG targets for one sheet (%u)."),
                   align_headers->len);
      return FALSE;
    }
  al->covered = g_new0 (guint64, al->count_col - al->first_gcm);
  a->cap[2] = WIDTH_CAP_WRAP;
  TRY (sheet_title (x, a, AIMAK_XS_TITLE_ALIGNMENT));
  for (lxw_col_t c = al->first_gcm; c < al->count_col; c++)
    a->fixed[c] = 8;
  a->fixed[al->count_col] = 12;
  TRY (sheet_headers (x, a, (const char * const *) align_headers->pdata, align_headers->len,
                      TRUE));
  return TRUE;
}

static gboolean
write_alignment_links (Export     *x,
                       Alignment  *al,
                       lxw_row_t   row,
                       CodeList   *cl,
                       lxw_col_t   first,
                       const char *codes,
                       guint      *n_links)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  g_auto(GStrv) parts = NULL;

  if (codes == NULL || *codes == '\0')
    return TRUE;
  parts = g_strsplit (codes, "\x1f", -1);
  for (guint i = 0; parts[i]; i++)
    {
      Code *c = g_hash_table_lookup (cl->by_code, parts[i]);

      if (c == NULL)
        continue;
      TRY (cell_number (x, a, row, first + c->index, 1, x->f_check));
      al->covered[first + c->index - al->first_gcm]++;
      (*n_links)++;
    }
  return TRUE;
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

gboolean
write_priorities (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  Alignment al = { 0 };
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW;
  const char *yes = aimak_export_string (x->lang, AIMAK_XS_YES);
  char formula[96], c1[16], c2[16];
  gboolean ok = FALSE;

  if (!write_priority_headers (x, &al))
    goto out;

  st = aimak_db_prepare (x->db, &x->error,
    "SELECT p.area_code, p.rank, p.title, p.sector_code, p.gender_marker,"
    " p.marker_justification, p.budget_kgs, p.funding_source, p.responsible, p.partners,"
    " p.start_year, p.end_year, p.status, p.hearing_date, p.hearing_participants_f,"
    " p.hearing_participants_m, p.kenesh_decision_no, p.kenesh_decision_date, p.is_demo,"
    " p.id, p.problem, p.description"
    " FROM priority p WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
    " ORDER BY p.area_code, p.rank, p.id",
    "t", x->scope_json);
  if (st == NULL)
    goto out;
  while (aimak_stmt_next (st, &local_error))
    {
      const char *area = aimak_stmt_text (st, 0);
      int marker = sqlite3_column_int (st, 4);
      double budget = aimak_stmt_double_or_nan (st, 6);
      const char *funding = (const char *) sqlite3_column_text (st, 7);
      int start = aimak_stmt_int_or (st, 10, 0);
      int end = aimak_stmt_int_or (st, 11, 0);
      gboolean demo = sqlite3_column_int (st, 18) != 0;
      Links *links = g_hash_table_lookup (x->links, aimak_stmt_text (st, 19));
      const char *group_codes = links ? links->groups : NULL;
      const char *gcm_codes = links ? links->gcm : NULL;
      const char *sdg_codes = links ? links->sdg : NULL;
      g_autofree char *groups = join_names (&x->target_groups, group_codes, FALSE);
      g_autofree char *gcm = join_names (&x->gcm, gcm_codes, TRUE);
      g_autofree char *sdg = join_names (&x->sdg, sdg_codes, TRUE);
      guint n_links = 0;

      if (!cell_number (x, s, row, PC_RANK, sqlite3_column_int (st, 1), x->f_int) ||
          !cell_string (x, s, row, PC_AREA, area_name (x, area), x->f_text) ||
          !cell_string (x, s, row, PC_PCODE, area, x->f_text) ||
          !cell_string (x, s, row, PC_TITLE, aimak_stmt_text (st, 2), x->f_wrap) ||
          !cell_string (x, s, row, PC_SECTOR,
                        code_name (&x->sectors, aimak_stmt_text (st, 3)), x->f_text) ||
          !cell_string (x, s, row, PC_TARGET_GROUPS, groups, x->f_wrap) ||
          !cell_number (x, s, row, PC_MARKER, marker, x->f_int) ||
          !cell_string (x, s, row, PC_JUSTIFICATION, aimak_stmt_text (st, 5), x->f_wrap) ||
          !cell_string (x, s, row, PC_GCM, gcm, x->f_wrap) ||
          !cell_string (x, s, row, PC_SDG, sdg, x->f_wrap) ||
          !cell_number (x, s, row, PC_BUDGET, budget, x->f_kgs) ||
          !cell_string (x, s, row, PC_FUNDING, code_name (&x->funding, funding), x->f_text) ||
          !cell_string (x, s, row, PC_RESPONSIBLE, aimak_stmt_text (st, 8), x->f_text) ||
          !cell_string (x, s, row, PC_PARTNERS, aimak_stmt_text (st, 9), x->f_wrap) ||
          !cell_number (x, s, row, PC_START, start ? start : NAN, x->f_int) ||
          !cell_number (x, s, row, PC_END, end ? end : NAN, x->f_int) ||
          !cell_string (x, s, row, PC_STATUS,
                        code_name (&x->statuses, aimak_stmt_text (st, 12)), x->f_text) ||
          !cell_date (x, s, row, PC_HEARING_DATE, aimak_stmt_text (st, 13), x->f_date) ||
          !cell_number (x, s, row, PC_HEARING_F, aimak_stmt_double_or_nan (st, 14), x->f_int) ||
          !cell_number (x, s, row, PC_HEARING_M, aimak_stmt_double_or_nan (st, 15), x->f_int) ||
          !cell_string (x, s, row, PC_DECISION_NO, aimak_stmt_text (st, 16), x->f_text) ||
          !cell_date (x, s, row, PC_DECISION_DATE, aimak_stmt_text (st, 17), x->f_date) ||
          !cell_string (x, s, row, PC_DEMO, demo ? yes : NULL, x->f_text) ||
          !cell_string (x, s, row, PC_PROBLEM, aimak_stmt_text (st, 20), x->f_wrap) ||
          !cell_string (x, s, row, PC_DESCRIPTION, aimak_stmt_text (st, 21), x->f_wrap) ||
          !write_checklist (x, s, row, links ? links->checklist : NULL))
        goto out;

      /* The same row on the Alignment sheet: 1 where the priority supports the objective. */
      if (!cell_string (x, a, row, 0, area_name (x, area), x->f_text) ||
          !cell_number (x, a, row, 1, sqlite3_column_int (st, 1), x->f_int) ||
          !cell_string (x, a, row, 2, aimak_stmt_text (st, 2), x->f_wrap) ||
          !write_alignment_links (x, &al, row, &x->gcm, al.first_gcm, gcm_codes, &n_links) ||
          !write_alignment_links (x, &al, row, &x->sdg, al.first_sdg, sdg_codes, &n_links))
        goto out;
      lxw_rowcol_to_cell (c1, row, al.first_gcm);
      lxw_rowcol_to_cell (c2, row, al.count_col - 1);
      g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", c1, c2);
      if (!cell_formula (x, a, row, al.count_col, formula, n_links, x->f_int))
        goto out;

      /* Figures for the cover and the gender budget. */
      x->n_priorities++;
      if (demo)
        x->has_demo = TRUE;
      if (start && (x->first_year == 0 || start < x->first_year))
        x->first_year = start;
      if (end && end > x->last_year)
        x->last_year = end;
      /* The rule of aimak_summary_status_class(): rejected priorities count in no
       * total, and the adopted programme is approved, in progress or completed. */
      if (isfinite (budget) &&
          aimak_summary_status_class (aimak_stmt_text (st, 12)) != AIMAK_STATUS_CLASS_REJECTED)
        {
          Code *fc = funding ? g_hash_table_lookup (x->funding.by_code, funding) : NULL;

          if (marker >= 0 && marker <= 2)
            x->budget_marker[marker] += budget;
          x->budget_funding[fc ? fc->index : x->funding.list->len] += budget;
          if (aimak_summary_status_class (aimak_stmt_text (st, 12)) == AIMAK_STATUS_CLASS_ADOPTED)
            {
              x->budget_adopted += budget;
              if (marker == 1 || marker == 2)
                x->gender_adopted += budget;
            }
        }
      s->last_row = a->last_row = row++;
      if (!row_done (x))
        goto out;
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      goto out;
    }
  x->stats.n_priorities = x->n_priorities;

  if (row == FIRST_DATA_ROW)
    {
      /* A table needs one data row; an empty one says why it is empty. */
      if (!cell_string (x, s, row, PC_TITLE,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap) ||
          !cell_string (x, a, row, 2,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap))
        goto out;
      s->last_row = a->last_row = row++;
    }
  x->priorities_last_row = s->last_row;

  if (!add_priority_validation (x, s->last_row))
    goto out;
  if (x->constant_memory)
    {
      if (!sheet_filter (x, s, s->last_row) ||
          !sheet_finish (x, s, s->last_row, s->n_cols - 1))
        goto out;
    }
  else if (!add_priority_table (x, s->last_row) ||
           !sheet_finish (x, s, s->last_row, s->n_cols - 1))
    goto out;

  /* Alignment: how many priorities support each objective, then what the codes mean. */
  {
    lxw_row_t filter_last = a->last_row;
    lxw_row_t r = a->last_row + 1;
    const char *sum_label = aimak_export_string (x->lang, AIMAK_XS_COVERAGE_ROW);

    if (!sheet_filter (x, a, filter_last) ||
        !cell_string (x, a, r, 2, sum_label, x->f_total_label))
      goto out;
    for (lxw_col_t c = al.first_gcm; c <= al.count_col; c++)
      {
        guint64 n = 0;

        if (c < al.count_col)
          n = al.covered[c - al.first_gcm];
        else
          for (lxw_col_t k = 0; k < al.count_col - al.first_gcm; k++)
            n += al.covered[k];
        lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, c);
        lxw_rowcol_to_cell (c2, filter_last, c);
        g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", c1, c2);
        if (!cell_formula (x, a, r, c, formula, n, x->f_total_count))
          goto out;
      }
    r += 2;
    if (!cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_LEGEND), x->f_bold) ||
        !cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_GCM_LONG), NULL))
      goto out;
    for (guint i = 0; i < x->gcm.list->len; i++, r++)
      {
        Code *c = g_ptr_array_index (x->gcm.list, i);
        g_autofree char *label = aimak_export_string_subst (x->lang, AIMAK_XS_GCM_SHORT,
                                                            "code", c->code);
        if (!cell_string (x, a, r, 1, label, NULL) || !cell_string (x, a, r, 2, c->name, NULL))
          goto out;
      }
    if (!cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_SDG_LONG), NULL))
      goto out;
    for (guint i = 0; i < x->sdg.list->len; i++, r++)
      {
        Code *c = g_ptr_array_index (x->sdg.list, i);
        g_autofree char *label = aimak_export_string_subst (x->lang, AIMAK_XS_SDG_SHORT,
                                                            "code", c->code);
        if (!cell_string (x, a, r, 1, label, NULL) || !cell_string (x, a, r, 2, c->name, NULL))
          goto out;
      }
    /* The legend's long texts must not widen the area column. */
    a->width[0] = MIN (a->width[0], 30);
    a->width[1] = MIN (a->width[1], 10);
    if (!sheet_finish (x, a, r - 1, al.count_col))
      goto out;
  }
  ok = TRUE;

out:
  g_free (al.covered);
  return ok;
}
