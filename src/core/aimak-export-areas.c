/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-areas.c — the By area sheet of a workbook that covers more than one
 * area: for each area holding priorities or activities, its priorities (COUNTIF over
 * the Priorities sheet), its budget and gender budget (SUMIFS over the Priorities
 * sheet, rejected priorities left out, as on the Gender budget sheet), the gender
 * budget share of all proposals (the Summary's definition), its capacity-building
 * activities and their participants by sex; then a total row. Each figure is cached
 * beside its formula, computed by the same rules as aimak_summary_compute().
 * See aimak-export-private.h.
 */
#include "config.h"

#include <stdlib.h>

#include "aimak-export-private.h"
#include "aimak-summary.h"

enum
{
  C_AREA, C_PCODE, C_PRIORITIES, C_BUDGET, C_GENDER, C_SHARE, C_ACTIVITIES, C_WOMEN, C_MEN,
  C_TOTAL, C_N
};

typedef struct
{
  char   *code;
  guint   priorities;
  double  budget;      /* not rejected */
  double  gender;      /* not rejected, marker 1 or 2 */
  guint   activities;
  double  women;
  double  men;
} AreaRow;

static void
area_row_free (gpointer data)
{
  AreaRow *a = data;

  g_free (a->code);
  g_free (a);
}

typedef struct
{
  Export     *x;
  Sheet      *s;
  GHashTable *rows;         /* code → AreaRow * */
  AreaRow     total;
  char        pcode_range[96], budget_range[96], marker_range[96];
  char       *live;
  GString    *formula;
} Areas;

static AreaRow *
row_of (Areas      *ar,
        const char *code)
{
  AreaRow *a = g_hash_table_lookup (ar->rows, code);

  if (a == NULL)
    {
      a = g_new0 (AreaRow, 1);
      a->code = g_strdup (code);
      g_hash_table_insert (ar->rows, a->code, a);
    }
  return a;
}

/* One (area, status, marker) group: the rules of aimak_summary_compute(). */
static gboolean
add_priorities (AimakStmt  *st,
                gpointer    user_data,
                GError    **error)
{
  Areas *ar = user_data;
  AreaRow *a = row_of (ar, aimak_stmt_text (st, 0));
  const char *marker = aimak_stmt_text (st, 2);
  double budget = aimak_stmt_double_or_nan (st, 4);

  a->priorities += (guint) aimak_stmt_int64 (st, 3);
  if (aimak_summary_status_class (aimak_stmt_text (st, 1)) == AIMAK_STATUS_CLASS_REJECTED)
    return TRUE;
  a->budget += budget;
  if (g_strcmp0 (marker, "1") == 0 || g_strcmp0 (marker, "2") == 0)
    a->gender += budget;
  return TRUE;
}

static gboolean
add_activities (AimakStmt  *st,
                gpointer    user_data,
                GError    **error)
{
  Areas *ar = user_data;

  row_of (ar, aimak_stmt_text (st, 0))->activities = (guint) aimak_stmt_int64 (st, 1);
  return TRUE;
}

/* Participants of the roles in the code list, as the Capacity building sheet and the
 * Summary count them. */
static gboolean
add_participants (AimakStmt  *st,
                  gpointer    user_data,
                  GError    **error)
{
  Areas *ar = user_data;
  AreaRow *a;

  if (!g_hash_table_contains (ar->x->codes.roles.by_code, aimak_stmt_text (st, 1)))
    return TRUE;
  a = row_of (ar, aimak_stmt_text (st, 0));
  a->women += aimak_stmt_double_or_nan (st, 2);
  a->men += aimak_stmt_double_or_nan (st, 3);
  return TRUE;
}

static gboolean
load_area_rows (Areas *ar)
{
  Export *x = ar->x;

  TRY (aimak_db_foreach (x->db, &x->error, add_priorities, ar,
                         "SELECT p.area_code, p.status, p.gender_marker, count(*), "
                         "total (CASE WHEN p.budget_kgs - p.budget_kgs = 0 "
                         "THEN p.budget_kgs END) FROM priority p "
                         "WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
                         " GROUP BY 1, 2, 3", "t", x->scope_json));
  TRY (aimak_db_foreach (x->db, &x->error, add_activities, ar,
                         "SELECT a.area_code, count(*) FROM activity a "
                         "WHERE a.deleted_at IS NULL AND " IN_SCOPE ("a.area_code")
                         " GROUP BY 1", "t", x->scope_json));
  return aimak_db_foreach (x->db, &x->error, add_participants, ar,
                           "SELECT a.area_code, ap.role_code, total (ap.women), "
                           "total (ap.men) FROM activity_participant ap "
                           "JOIN activity a ON a.id = ap.activity_id "
                           "WHERE a.deleted_at IS NULL AND " IN_SCOPE ("a.area_code")
                           " GROUP BY 1, 2", "t", x->scope_json);
}

static gboolean
write_share (Areas     *ar,
             lxw_row_t  row,
             double     gender,
             double     budget)
{
  Export *x = ar->x;
  char c_budget[16], c_gender[16];

  lxw_rowcol_to_cell (c_budget, row, C_BUDGET);
  lxw_rowcol_to_cell (c_gender, row, C_GENDER);
  g_string_printf (ar->formula, "=IF(%s=0,\"\",%s/%s)", c_budget, c_gender, c_budget);
  return cell_share (x, ar->s, row, C_SHARE, ar->formula->str, gender, budget);
}

static gboolean
write_participants (Areas      *ar,
                    lxw_row_t   row,
                    double      women,
                    double      men,
                    lxw_format *format)
{
  Export *x = ar->x;
  char c1[16], c2[16];

  TRY (cell_number (x, ar->s, row, C_WOMEN, women, format));
  TRY (cell_number (x, ar->s, row, C_MEN, men, format));
  lxw_rowcol_to_cell (c1, row, C_WOMEN);
  lxw_rowcol_to_cell (c2, row, C_MEN);
  g_string_printf (ar->formula, "=%s+%s", c1, c2);
  return cell_formula (x, ar->s, row, C_TOTAL, ar->formula->str, women + men, format);
}

/* One area: its figures as formulas over the Priorities sheet, cached. */
static gboolean
write_area_row (Areas     *ar,
                lxw_row_t  row,
                AreaRow   *a)
{
  Export *x = ar->x;
  Sheet *s = ar->s;
  char code[16];

  TRY (cell_string (x, s, row, C_AREA, area_name (x, a->code), x->f_text));
  TRY (cell_string (x, s, row, C_PCODE, a->code, x->f_text));
  lxw_rowcol_to_cell (code, row, C_PCODE);
  g_string_printf (ar->formula, "=COUNTIF(%s,%s)", ar->pcode_range, code);
  TRY (cell_formula (x, s, row, C_PRIORITIES, ar->formula->str, a->priorities, x->f_count));
  g_string_printf (ar->formula, "=SUMIFS(%s,%s,%s%s)", ar->budget_range, ar->pcode_range, code,
                   ar->live);
  TRY (cell_formula (x, s, row, C_BUDGET, ar->formula->str, a->budget, x->f_kgs));
  g_string_printf (ar->formula, "=SUMIFS(%s,%s,%s,%s,1%s)+SUMIFS(%s,%s,%s,%s,2%s)",
                   ar->budget_range, ar->pcode_range, code, ar->marker_range, ar->live,
                   ar->budget_range, ar->pcode_range, code, ar->marker_range, ar->live);
  TRY (cell_formula (x, s, row, C_GENDER, ar->formula->str, a->gender, x->f_kgs));
  TRY (write_share (ar, row, a->gender, a->budget));
  TRY (cell_number (x, s, row, C_ACTIVITIES, a->activities, x->f_count));
  TRY (write_participants (ar, row, a->women, a->men, x->f_count));
  ar->total.priorities += a->priorities;
  ar->total.budget += a->budget;
  ar->total.gender += a->gender;
  ar->total.activities += a->activities;
  ar->total.women += a->women;
  ar->total.men += a->men;
  s->last_row = row;
  return TRUE;
}

/* SUM of every column, the share of the totals, then what the sheet counts. */
static gboolean
write_area_totals (Areas     *ar,
                   lxw_row_t  last_data)
{
  Export *x = ar->x;
  Sheet *s = ar->s;
  lxw_row_t row = last_data + 1;
  const lxw_col_t sums[] = { C_PRIORITIES, C_BUDGET, C_GENDER, C_ACTIVITIES };
  const double cached[] = { ar->total.priorities, ar->total.budget, ar->total.gender,
                            ar->total.activities };
  static const AimakExportString notes[] = { AIMAK_XS_NOTE_AREAS,
                                             AIMAK_XS_SHARE_PROPOSALS_DEF };
  char c1[16], c2[16];

  TRY (cell_string (x, s, row, C_AREA, aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW),
                    x->f_total_label));
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    TRY (cell_column_sum (x, s, row, sums[i], last_data, cached[i],
                          sums[i] == C_BUDGET || sums[i] == C_GENDER ? x->f_total_kgs
                                                                    : x->f_total_count));
  TRY (write_share (ar, row, ar->total.gender, ar->total.budget));
  TRY (cell_column_sum (x, s, row, C_WOMEN, last_data, ar->total.women, x->f_total_count));
  TRY (cell_column_sum (x, s, row, C_MEN, last_data, ar->total.men, x->f_total_count));
  lxw_rowcol_to_cell (c1, row, C_WOMEN);
  lxw_rowcol_to_cell (c2, row, C_MEN);
  g_string_printf (ar->formula, "=%s+%s", c1, c2);
  TRY (cell_formula (x, s, row, C_TOTAL, ar->formula->str, ar->total.women + ar->total.men,
                     x->f_total_count));
  TRY (sheet_notes (x, s, row + 2, C_AREA, notes, G_N_ELEMENTS (notes)));
  s->last_row = row + 3;
  return TRUE;
}

static gint
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
fill_areas (Areas *ar)
{
  Export *x = ar->x;
  g_autofree gpointer *codes = NULL;
  guint n = 0;
  lxw_row_t row = FIRST_DATA_ROW;

  TRY (load_area_rows (ar));
  codes = g_hash_table_get_keys_as_array (ar->rows, &n);
  qsort (codes, n, sizeof (gpointer), compare_codes);
  for (guint i = 0; i < n; i++, row++)
    TRY (write_area_row (ar, row, g_hash_table_lookup (ar->rows, codes[i])));
  if (n == 0)
    {
      TRY (cell_string (x, ar->s, row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_AREA_DATA), NULL));
      ar->s->last_row = row;
      ar->s->width[C_AREA] = 14;
    }
  TRY (sheet_filter (x, ar->s, ar->s->last_row));
  return write_area_totals (ar, ar->s->last_row);
}

gboolean
write_areas (Export *x)
{
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_N_PRIORITIES,
    AIMAK_XS_COL_BUDGET_PROPOSALS, AIMAK_XS_COL_GENDER_BUDGET, AIMAK_XS_SHARE_PROPOSALS,
    AIMAK_XS_COL_N_ACTIVITIES, AIMAK_XS_COL_TOTAL_WOMEN, AIMAK_XS_COL_TOTAL_MEN,
    AIMAK_XS_COL_TOTAL_PARTICIPANTS,
  };
  const char *headers[C_N];
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      area_row_free);
  Areas ar = { .x = x, .s = &x->sheets[SHEET_AREAS], .rows = rows, .formula = formula };
  gboolean ok;

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  column_range (x, ar.pcode_range, sizeof ar.pcode_range,
                priority_column (x, "area_code") + 1);
  column_range (x, ar.budget_range, sizeof ar.budget_range, priority_column (x, "budget_kgs"));
  column_range (x, ar.marker_range, sizeof ar.marker_range,
                priority_column (x, "gender_marker"));
  {
    char status_range[96];

    column_range (x, status_range, sizeof status_range, priority_column (x, "status"));
    ar.live = not_rejected (x, status_range);
  }
  ok = sheet_title (x, ar.s, AIMAK_XS_TITLE_AREAS) &&
       sheet_headers (x, ar.s, headers, C_N, TRUE) &&
       fill_areas (&ar) &&
       sheet_finish (x, ar.s, ar.s->last_row, C_N - 1);
  g_free (ar.live);
  return ok;
}
