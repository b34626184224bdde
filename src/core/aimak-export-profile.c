/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-profile.c — the Profile sheet: the latest figures of every indicator of
 * every area, women and men apart, one row per source, small counts hidden; and the
 * chart of women against men. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-area-change.h"
#include "aimak-export-private.h"
#include "aimak-indicator.h"
#include "aimak-lang.h"

static gboolean
is_small_count_indicator (const char *code)
{
  return g_strcmp0 (code, "MIGR_ABROAD") == 0 || g_strcmp0 (code, "MIGR_LABOUR") == 0 ||
         g_strcmp0 (code, "RETURNEES") == 0;
}

static void
note_sources (Export     *x,
              const char *joined,
              GString    *cell)
{
  g_auto(GStrv) parts = g_strsplit (joined ? joined : "", "\x1f", -1);

  /* Reference sources with an official name in the workbook's language use it. */
  for (guint i = 0; parts[i]; i++)
    {
      const char *label = aimak_indicator_source_label (parts[i], x->lang);
      if (label != parts[i])
        {
          g_free (parts[i]);
          parts[i] = g_strdup (label);
        }
    }
  for (guint i = 0; parts[i]; i++)
    {
      gboolean dup = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint j = 0; j < i; j++)
        dup = dup || g_strcmp0 (parts[j], parts[i]) == 0;
      if (dup)
        continue;
      g_string_append_printf (cell, "%s%s", cell->len ? "; " : "", parts[i]);
      if (!g_hash_table_contains (x->source_set, parts[i]))
        {
          char *copy = g_strdup (parts[i]);
          g_hash_table_add (x->source_set, copy);
          g_ptr_array_add (x->sources, copy);
        }
    }
}


/* Complementary suppression. Where a women's count is hidden (below the threshold)
 * or a women's or men's count is missing, showing the two other figures of
 * women + men = total would give it away by subtraction; the total is hidden then as
 * well. A missing total gives nothing away (women and men are shown themselves).
 * Each source has its own row, but a reader subtracts across rows as readily as
 * along one (one source's total minus another's men), so the rule looks at every
 * source of the same area, indicator and year together: @group says what they show. */
typedef struct
{
  gboolean hide_women;      /* below the threshold: "<n" */
  gboolean hide_total;      /* would reveal a hidden or missing count */
} Hiding;

typedef struct
{
  double min_f, max_f;      /* the smallest and largest women's count of all sources */
  int    n_f, n_m;          /* how many sources give the women's, the men's count */
} Group;


static Hiding
profile_hiding (Export      *x,
                const char  *area,
                const char  *code,
                double       f,
                double       t,
                const Group *group)
{
  AreaInfo *info = g_hash_table_lookup (x->areas, area);
  Hiding h = { FALSE, FALSE };
  gboolean women_protected, any_men, any_women_shown;

  if (!x->suppress_small || info == NULL || info->level != 3 || !is_small_count_indicator (code))
    return h;
  h.hide_women = isfinite (f) && f < x->threshold;
  women_protected = group->n_f == 0 || (isfinite (group->min_f) && group->min_f < x->threshold);
  any_men = group->n_m > 0;
  any_women_shown = isfinite (group->max_f) && group->max_f >= x->threshold;
  /* With women protected, men and a total shown would give the women; with men
   * missing everywhere, women and a total would give the men. */
  h.hide_total = isfinite (t) && ((women_protected && any_men) || (!any_men && any_women_shown));
  return h;
}

/* The Profile sheet's columns; the chart reads women and men from two hidden columns
 * right of the chart, where a hidden value is an empty cell: a text such as "<5" would
 * be drawn as 0. */
enum { C_AREA, C_PCODE, C_INDICATOR, C_UNIT, C_YEAR, C_WOMEN, C_MEN, C_TOTAL, C_SOURCE,
       C_OTHERS, C_NOTE, C_N };
enum { C_CHART_WOMEN = C_N + 20, C_CHART_MEN };

typedef struct
{
  Export     *x;
  Sheet      *s;
  lxw_row_t   row;
  const char *headers[C_N];
  char       *threshold_text;   /* "<5" */
  char       *why_small;
  GString    *sources;
  /* The chart: the first run of one unit in the first area with figures. */
  char       *chart_area;
  char       *chart_unit;
  lxw_row_t   chart_first, chart_last;
  gboolean    chart_open;
  gboolean    any_hidden_in_chart;
  GArray     *chart_hidden;     /* gboolean per chart row: the women's bar is hidden */
  /* Areas formed from former areas, in code order: after each one's own rows, the
   * sum of its former areas (issue 17). */
  GPtrArray  *successors;
  guint       next_successor;
} Profile;

/* One row of the profile query. */
typedef struct
{
  const char  *area;
  const char  *code;
  const char  *name;
  const char  *unit;
  int          year;
  double       f, m, t;
  lxw_format  *fmt;
  Hiding       h;
} ProfileRow;

static void
profile_clear (Profile *p)
{
  g_free (p->threshold_text);
  g_free (p->why_small);
  g_string_free (p->sources, TRUE);
  g_free (p->chart_area);
  g_free (p->chart_unit);
  g_array_unref (p->chart_hidden);
  g_clear_pointer (&p->successors, g_ptr_array_unref);
}

/* The Cover lists every hidden cell: "Women, <indicator>, <area>, <year>" and why. */
static void
note_hidden (Profile          *p,
             const ProfileRow *r)
{
  Export *x = p->x;
  g_autofree char *year_text = g_strdup_printf ("%d", r->year);
  const struct { gboolean on; lxw_col_t col; AimakExportString sex; const char *why; }
    hid[] = {
      { r->h.hide_women, C_WOMEN, AIMAK_XS_COL_WOMEN, p->why_small },
      { r->h.hide_total, C_TOTAL, AIMAK_XS_COL_TOTAL,
        aimak_export_string (x->lang, AIMAK_XS_HIDDEN_COMPLEMENT) },
    };

  for (guint k = 0; k < G_N_ELEMENTS (hid); k++)
    {
      g_autofree char *what = NULL;
      const char *keys[] = { "what", "indicator", "area", "year" };
      const char *values[] = { aimak_export_string (x->lang, hid[k].sex), r->name,
                               area_name (x, r->area), year_text };

      if (!hid[k].on)
        continue;
      what = g_strdup (aimak_export_string (x->lang, AIMAK_XS_HIDDEN_WHAT));
      for (guint v = 0; v < G_N_ELEMENTS (keys); v++)
        {
          g_autofree char *key = g_strdup_printf ("{%s}", keys[v]);
          g_auto(GStrv) parts = g_strsplit (what, key, -1);
          g_free (what);
          what = g_strjoinv (values[v], parts);
        }
      note_cell (x->hidden, p->s->name, p->row, hid[k].col, what, hid[k].why);
    }
}

/* Women, men and total, each hidden where the rule says so. */
static gboolean
write_figures (Profile          *p,
               const ProfileRow *r)
{
  Export *x = p->x;
  Sheet *s = p->s;

  if (r->h.hide_women)
    TRY (cell_string (x, s, p->row, C_WOMEN, p->threshold_text, x->f_suppressed));
  else
    TRY (cell_number (x, s, p->row, C_WOMEN, r->f, r->fmt));
  TRY (cell_number (x, s, p->row, C_MEN, r->m, r->fmt));
  if (r->h.hide_total)
    TRY (cell_string (x, s, p->row, C_TOTAL,
                      aimak_export_string (x->lang, AIMAK_XS_SUPPRESSED_TOTAL),
                      x->f_suppressed));
  else
    TRY (cell_number (x, s, p->row, C_TOTAL, r->t, r->fmt));
  if (r->h.hide_women || r->h.hide_total)
    note_hidden (p, r);
  return TRUE;
}

/* The chart takes the first run of rows of one unit in the first area that has a
 * women's or men's figure, at most CHART_MAX_ROWS of them. */
static gboolean
chart_row (Profile          *p,
           const ProfileRow *r)
{
  gboolean in_chart = FALSE;

  if (p->chart_open)
    {
      if (p->chart_area == NULL && (isfinite (r->f) || isfinite (r->m) || r->h.hide_women))
        {
          p->chart_area = g_strdup (r->area);
          p->chart_unit = g_strdup (r->unit);
          p->chart_first = p->chart_last = p->row;
          in_chart = TRUE;
        }
      else if (p->chart_area != NULL && g_strcmp0 (p->chart_area, r->area) == 0 &&
               g_strcmp0 (p->chart_unit, r->unit) == 0 &&
               p->row - p->chart_first < CHART_MAX_ROWS)
        {
          p->chart_last = p->row;
          in_chart = TRUE;
        }
      else if (p->chart_area != NULL)
        p->chart_open = FALSE;
    }
  if (in_chart)
    {
      gboolean hidden = r->h.hide_women;

      TRY (cell_number (p->x, p->s, p->row, C_CHART_WOMEN, r->h.hide_women ? NAN : r->f,
                        r->fmt));
      TRY (cell_number (p->x, p->s, p->row, C_CHART_MEN, r->m, r->fmt));
      g_array_set_size (p->chart_hidden, p->row - p->chart_first + 1);
      g_array_index (p->chart_hidden, gboolean, p->row - p->chart_first) = hidden;
      p->any_hidden_in_chart |= hidden;
    }
  return TRUE;
}

/* ---- the sum of former areas (issue 17) ----
 * After an area formed from former areas, its former areas' figures for the years
 * before the change: a count as "sum of former areas (A + B)" where every former
 * area has a value of the same source and year (aimak_area_predecessor_sums(), the
 * rule the area profile follows), otherwise each former area on its own row,
 * marked not comparable; rates and shares always per former area. */

static const char successors_sql[] =
    "SELECT DISTINCT new_code FROM area_change WHERE undone = 0 AND kind <> 'renamed'"
    " AND old_code <> new_code AND " IN_SCOPE ("new_code") " ORDER BY new_code";

/* The indicators of the former areas before the change, in the order of the sheet. */
static const char former_indicators_sql[] =
    "SELECT i.code, i.name_en, i.name_ru, i.name_ky, i.unit, max (v.year), max (v.is_demo)"
    " FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code"
    " WHERE v.deleted_at IS NULL AND v.year < ?2"
    " AND v.area_code IN (SELECT value FROM json_each (?1))"
    " GROUP BY i.code ORDER BY i.is_key DESC, i.unit, i.code";

/* Each former area's values of one indicator, one row per source: in year ?4, or
 * with ?4 = 0 in each area's latest year before the change. */
static const char former_values_sql[] =
    "WITH v AS (SELECT area_code, year, sex, value, source FROM indicator_value"
    "  WHERE deleted_at IS NULL AND indicator_code = ?1 AND year < ?3"
    "  AND area_code IN (SELECT value FROM json_each (?2))),"
    " l AS (SELECT area_code, max (year) AS y FROM v GROUP BY area_code),"
    " g AS (SELECT v.area_code AS a, v.year AS y, v.source AS src,"
    "  max (CASE WHEN v.sex = 'F' THEN v.value END) AS f,"
    "  max (CASE WHEN v.sex = 'M' THEN v.value END) AS m,"
    "  max (CASE WHEN v.sex = 'T' THEN v.value END) AS t"
    "  FROM v JOIN l ON l.area_code = v.area_code"
    "  WHERE (?4 = 0 AND v.year = l.y) OR v.year = ?4 GROUP BY v.area_code, v.year, v.source)"
    " SELECT a, y, src, f, m, t, min (f) OVER w, max (f) OVER w, count (f) OVER w,"
    "  count (m) OVER w FROM g WINDOW w AS (PARTITION BY a, y) ORDER BY a, src";

typedef struct
{
  Profile    *p;
  const char *code;         /* the area formed from the former areas */
  char       *first_date;   /* the day of the change */
  GStrv       members;      /* the former areas summed; empty: not summable */
  char       *shown;        /* JSON array of the former areas shown */
  char       *parts;        /* "A + B", their names before the change */
  ProfileRow  r;            /* the indicator at hand */
  const char *note;         /* for the rows of former areas */
} Former;

/* One row of the section: @r's figures, @area_cell in the area column. */
static gboolean
write_former_row (Profile     *p,
                  ProfileRow  *r,
                  const char  *area_cell,
                  const char  *source,
                  const Group *group,
                  const char  *note)
{
  Export *x = p->x;
  Sheet *s = p->s;
  lxw_row_t row = p->row;

  r->h = profile_hiding (x, r->area, r->code, r->f, r->t, group);
  TRY (cell_string (x, s, row, C_AREA, area_cell, x->f_wrap));
  TRY (cell_string (x, s, row, C_PCODE, r->area, x->f_text));
  TRY (cell_string (x, s, row, C_INDICATOR, r->name, x->f_wrap));
  TRY (cell_string (x, s, row, C_UNIT, aimak_export_unit_label (x->lang, r->unit), x->f_text));
  TRY (cell_number (x, s, row, C_YEAR, r->year, x->f_int));
  TRY (write_figures (p, r));
  g_string_truncate (p->sources, 0);
  note_sources (x, source, p->sources);
  TRY (cell_string (x, s, row, C_SOURCE, p->sources->str, x->f_wrap));
  TRY (cell_string (x, s, row, C_NOTE, note, x->f_wrap));
  s->last_row = p->row++;
  return row_done (x);
}

static gboolean
former_value_row (AimakStmt  *st,
                  gpointer    user_data,
                  GError    **error)
{
  Former *fm = user_data;
  Export *x = fm->p->x;
  ProfileRow r = fm->r;
  Group group = { aimak_stmt_double_or_nan (st, 6), aimak_stmt_double_or_nan (st, 7),
                  aimak_stmt_int (st, 8), aimak_stmt_int (st, 9) };
  g_autofree char *then = NULL;

  r.area = aimak_stmt_text (st, 0);
  /* A city that took an ayil aimak in: its own figures are on its own rows. */
  if (g_strcmp0 (r.area, fm->code) == 0)
    return TRUE;
  r.year = aimak_stmt_int (st, 1);
  r.f = aimak_stmt_double_or_nan (st, 3);
  r.m = aimak_stmt_double_or_nan (st, 4);
  r.t = aimak_stmt_double_or_nan (st, 5);
  then = aimak_area_period_name (x->db, r.area, r.year, x->lang);
  return write_former_row (fm->p, &r, then ? then : area_name (x, r.area),
                           aimak_stmt_text (st, 2), &group, fm->note)
         || row_failed (x, error);
}

/* Each former area's values of the indicator at hand in @year (0: its latest). */
static gboolean
former_values (Former                  *fm,
               int                      year,
               AimakExportString        note)
{
  Export *x = fm->p->x;
  g_autofree char *text = aimak_export_string_subst (x->lang, note, "area",
                                                     area_name (x, fm->code));

  fm->note = text;
  return aimak_db_foreach (x->db, &x->error, former_value_row, fm, former_values_sql, "ttii",
                           fm->r.code, fm->shown, atoi (fm->first_date), year);
}

static double
sum_of (GPtrArray  *sums,
        int         year,
        const char *source)
{
  for (guint i = 0; sums && i < sums->len; i++)
    {
      AimakAreaPredecessorSum *s = g_ptr_array_index (sums, i);

      if (s->comparable && s->year == year && g_strcmp0 (s->sources, source) == 0)
        return s->sum;
    }
  return NAN;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
former_sum_label (Former *fm)
{
  Export *x = fm->p->x;
  g_autofree char *text = aimak_export_string_subst (x->lang, AIMAK_XS_FORMER_SUM, "area",
                                                     area_name (x, fm->code));
  g_auto(GStrv) split = g_strsplit (text, "{parts}", -1);

  return g_strjoinv (fm->parts, split);
}

/* The rows of the sum in @year, one per source that gives every former area a value. */
static gboolean
former_sum_rows (Former     *fm,
                 GPtrArray **sums,
                 int         year)
{
  Export *x = fm->p->x;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  Group group = { INFINITY, -INFINITY, 0, 0 };

  for (guint k = 0; k < 3; k++)
    for (guint i = 0; i < sums[k]->len; i++)
      {
        AimakAreaPredecessorSum *s = g_ptr_array_index (sums[k], i);

        if (s->comparable && s->year == year &&
            !g_ptr_array_find_with_equal_func (sources, s->sources, g_str_equal, NULL))
          g_ptr_array_add (sources, s->sources);
      }
  g_ptr_array_sort (sources, compare_strings);
  for (guint i = 0; i < sources->len; i++)
    {
      double f = sum_of (sums[0], year, g_ptr_array_index (sources, i));

      group.n_f += isfinite (f);
      group.n_m += isfinite (sum_of (sums[1], year, g_ptr_array_index (sources, i)));
      group.min_f = isfinite (f) ? MIN (group.min_f, f) : group.min_f;
      group.max_f = isfinite (f) ? MAX (group.max_f, f) : group.max_f;
    }
  if (group.n_f == 0)
    group.min_f = group.max_f = NAN;
  label = former_sum_label (fm);
  note = aimak_export_string_subst (x->lang, AIMAK_XS_FORMER_SUM_NOTE, "date", fm->first_date);
  for (guint i = 0; i < sources->len; i++)
    {
      const char *source = g_ptr_array_index (sources, i);
      ProfileRow r = fm->r;

      r.area = fm->code;
      r.year = year;
      r.f = sum_of (sums[0], year, source);
      r.m = sum_of (sums[1], year, source);
      r.t = sum_of (sums[2], year, source);
      TRY (write_former_row (fm->p, &r, label, source, &group, note));
    }
  return TRUE;
}

/* The sum of a count in its latest comparable year, one row per source that gives
 * every former area a value; *@latest_done says whether that year is @latest. */
static gboolean
former_sums (Former   *fm,
             int       latest,
             gboolean *latest_done)
{
  Export *x = fm->p->x;
  GPtrArray *sums[3] = { NULL, NULL, NULL };   /* women, men, total */
  gboolean ok;
  int year = 0;

  for (guint k = 0; k < 3; k++)
    {
      sums[k] = aimak_area_predecessor_sums (x->db, fm->code, fm->r.code, k == 0 ? "F"
                                             : k == 1 ? "M" : "T", &x->error);
      if (sums[k] == NULL)
        break;
      for (guint i = 0; i < sums[k]->len; i++)
        {
          AimakAreaPredecessorSum *s = g_ptr_array_index (sums[k], i);

          if (s->comparable)
            year = MAX (year, s->year);
        }
    }
  *latest_done = year == latest;
  ok = sums[0] && sums[1] && sums[2] && (year == 0 || former_sum_rows (fm, sums, year));
  for (guint k = 0; k < 3; k++)
    g_clear_pointer (&sums[k], g_ptr_array_unref);
  return ok;
}

static gboolean
former_indicator (AimakStmt  *st,
                  gpointer    user_data,
                  GError    **error)
{
  Former *fm = user_data;
  Export *x = fm->p->x;
  int latest = aimak_stmt_int (st, 5);
  gboolean latest_done = FALSE;
  gboolean ok = TRUE;

  fm->r.code = aimak_stmt_text (st, 0);
  fm->r.name = aimak_lang_pick (x->lang, aimak_stmt_text (st, 1), aimak_stmt_text (st, 2),
                                aimak_stmt_text (st, 3));
  if (*fm->r.name == '\0')
    fm->r.name = fm->r.code;
  fm->r.unit = aimak_stmt_text (st, 4);
  fm->r.fmt = g_strcmp0 (fm->r.unit, "PERSONS") == 0 || g_strcmp0 (fm->r.unit, "NUMBER") == 0
              ? x->f_count : x->f_number;
  if (aimak_stmt_int (st, 6))
    x->has_demo = TRUE;
  if (!aimak_area_indicator_is_count (x->db, fm->r.code, NULL))
    ok = former_values (fm, 0, AIMAK_XS_FORMER_RATE);
  else if (fm->members[0] == NULL)
    ok = former_values (fm, 0, AIMAK_XS_FORMER_PART);
  else
    ok = former_sums (fm, latest, &latest_done) &&
         (latest_done || former_values (fm, latest, AIMAK_XS_FORMER_NOT_COMPARABLE));
  return ok || row_failed (x, error);
}

/* "A + B" and the JSON array of the former areas of @fm->code. */
static gboolean
former_setup (Former *fm)
{
  Export *x = fm->p->x;
  g_autoptr(GPtrArray) preds = aimak_area_predecessors (x->db, fm->code, &x->error);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  if (preds == NULL)
    return FALSE;
  fm->members = aimak_area_sum_members (x->db, fm->code, &fm->first_date, &x->error);
  if (fm->members == NULL)
    return FALSE;
  if (fm->members[0] != NULL)
    g_strv_builder_addv (shown, (const char **) fm->members);
  for (guint i = 0; fm->members[0] == NULL && i < preds->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (preds, i);

      g_strv_builder_add (shown, c->old_code);
      if (fm->first_date == NULL || strcmp (c->effective_date, fm->first_date) < 0)
        {
          g_free (fm->first_date);
          fm->first_date = g_strdup (c->effective_date);
        }
    }
  codes = g_strv_builder_end (shown);
  for (guint i = 0; codes[i]; i++)
    {
      g_autofree char *quoted = g_strescape (codes[i], NULL);
      g_autofree char *name = aimak_area_name_on (x->db, codes[i], fm->first_date, x->lang,
                                                  NULL);

      g_string_append_printf (json, "%s\"%s\"", i ? "," : "", quoted);
      g_string_append_printf (parts, "%s%s", i ? " + " : "", name ? name : codes[i]);
    }
  g_string_append_c (json, ']');
  fm->shown = g_string_free (g_steal_pointer (&json), FALSE);
  fm->parts = g_string_free (g_steal_pointer (&parts), FALSE);
  return fm->first_date != NULL;
}

static gboolean
former_section (Profile    *p,
                const char *code)
{
  Export *x = p->x;
  Former fm = { .p = p, .code = code };
  gboolean ok;

  ok = !former_setup (&fm) ? x->error == NULL
       : aimak_db_foreach (x->db, &x->error, former_indicator, &fm, former_indicators_sql,
                           "ti", fm.shown, atoi (fm.first_date));
  g_free (fm.first_date);
  g_strfreev (fm.members);
  g_free (fm.shown);
  g_free (fm.parts);
  return ok;
}

/* The sections of the areas formed from former areas whose codes sort before
 * @area (NULL: all that are left), each after the area's own rows. */
static gboolean
former_sections_before (Profile    *p,
                        const char *area)
{
  while (p->next_successor < p->successors->len)
    {
      const char *code = g_ptr_array_index (p->successors, p->next_successor);

      if (area != NULL && strcmp (code, area) >= 0)
        return TRUE;
      p->next_successor++;
      TRY (former_section (p, code));
    }
  return TRUE;
}

static gboolean
write_profile_row (gpointer   data,
                   AimakStmt *st)
{
  Profile *p = data;
  Export *x = p->x;
  Sheet *s = p->s;
  lxw_row_t row = p->row;
  int differing = aimak_stmt_int (st, 12);
  Group group = { aimak_stmt_double_or_nan (st, 13), aimak_stmt_double_or_nan (st, 14),
                  aimak_stmt_int (st, 15), aimak_stmt_int (st, 16) };
  ProfileRow r = {
    .area = aimak_stmt_text (st, 0),
    .code = aimak_stmt_text (st, 1),
    .unit = aimak_stmt_text (st, 5),
    .year = aimak_stmt_int (st, 6),
    .f = aimak_stmt_double_or_nan (st, 7),
    .m = aimak_stmt_double_or_nan (st, 8),
    .t = aimak_stmt_double_or_nan (st, 9),
  };

  TRY (former_sections_before (p, r.area));
  row = p->row;
  r.h = profile_hiding (x, r.area, r.code, r.f, r.t, &group);
  r.fmt = g_strcmp0 (r.unit, "PERSONS") == 0 || g_strcmp0 (r.unit, "NUMBER") == 0
          ? x->f_count : x->f_number;
  r.name = aimak_lang_pick (x->lang, aimak_stmt_text (st, 2), aimak_stmt_text (st, 3),
                            aimak_stmt_text (st, 4));
  if (*r.name == '\0')
    r.name = r.code;
  {
    /* The area as it was that year, with its name now beside it (issue 17). */
    g_autofree char *then = aimak_area_period_name (x->db, r.area, r.year, x->lang);

    TRY (cell_string (x, s, row, C_AREA, then ? then : area_name (x, r.area), x->f_text));
  }
  TRY (cell_string (x, s, row, C_PCODE, r.area, x->f_text));
  TRY (cell_string (x, s, row, C_INDICATOR, r.name, x->f_wrap));
  TRY (cell_string (x, s, row, C_UNIT, aimak_export_unit_label (x->lang, r.unit), x->f_text));
  TRY (cell_number (x, s, row, C_YEAR, r.year, x->f_int));
  TRY (write_figures (p, &r));
  g_string_truncate (p->sources, 0);
  note_sources (x, aimak_stmt_text (st, 10), p->sources);
  TRY (cell_string (x, s, row, C_SOURCE, p->sources->str, x->f_wrap));
  if (differing > 0)
    {
      g_autofree char *n = g_strdup_printf ("%d", differing);
      g_autofree char *note = aimak_export_string_subst (x->lang, AIMAK_XS_SOURCES_DIFFER,
                                                         "n", n);
      TRY (cell_string (x, s, row, C_OTHERS, note, x->f_wrap));
    }
  if (aimak_stmt_int (st, 11))
    x->has_demo = TRUE;
  TRY (chart_row (p, &r));
  s->last_row = p->row++;
  return row_done (x);
}

/* The latest year of each indicator in each area, women, men and total side by side,
 * one row per source: values of different sources are never combined (see
 * aimak_indicator_rows()), and a row says how many other sources of the same figure
 * give different values — the partition by (area, indicator, year) counts the
 * sources, the one by the values too counts those that agree.
 * Key indicators first, then grouped by unit, so that the chart (the first run of
 * one unit in the first area) compares like with like. */
static const char profile_sql[] =
    "WITH v AS ("
    "  SELECT area_code, indicator_code, year, sex, value, source, is_demo"
    "  FROM indicator_value WHERE deleted_at IS NULL AND " IN_SCOPE ("area_code") "),"
    " latest AS (SELECT area_code, indicator_code, max(year) AS year FROM v"
    "  GROUP BY area_code, indicator_code),"
    " g AS (SELECT v.area_code AS a, v.indicator_code AS c, v.year AS y, v.source AS src,"
    "  max(CASE WHEN v.sex = 'F' THEN v.value END) AS f,"
    "  max(CASE WHEN v.sex = 'M' THEN v.value END) AS m,"
    "  max(CASE WHEN v.sex = 'T' THEN v.value END) AS t, max(v.is_demo) AS demo"
    "  FROM v JOIN latest l ON l.area_code = v.area_code AND"
    "   l.indicator_code = v.indicator_code AND l.year = v.year"
    "  GROUP BY v.area_code, v.indicator_code, v.year, v.source)"
    " SELECT g.a, g.c, i.name_en, i.name_ru, i.name_ky, i.unit, g.y, g.f, g.m, g.t, g.src,"
    "  g.demo, count(*) OVER (PARTITION BY g.a, g.c, g.y)"
    "   - count(*) OVER (PARTITION BY g.a, g.c, g.y, g.f, g.m, g.t),"
    "  min(g.f) OVER w, max(g.f) OVER w, count(g.f) OVER w, count(g.m) OVER w"
    " FROM g JOIN indicator i ON i.code = g.c"
    " WINDOW w AS (PARTITION BY g.a, g.c, g.y)"
    " ORDER BY g.a, i.is_key DESC, i.unit, g.c, g.src";

/* "Women and men in <area> (<unit>)"; without a unit, without the brackets. */
static char *
profile_chart_title (Profile *p)
{
  Export *x = p->x;
  g_autofree char *with_area = aimak_export_string_subst (x->lang, AIMAK_XS_CHART_PROFILE,
                                                          "area",
                                                          p->chart_area
                                                          ? area_name (x, p->chart_area)
                                                          : x->scope_label);
  g_autofree char *unit_label = g_strdup (p->chart_unit
                                          ? aimak_export_unit_label (x->lang, p->chart_unit)
                                          : "");
  g_auto(GStrv) parts = g_strsplit (with_area, "{unit}", -1);
  char *title = g_strjoinv (unit_label, parts);

  if (p->chart_unit == NULL)
    {
      /* No unit: drop the empty brackets. */
      char *bracket = strstr (title, " ()");
      if (bracket)
        *bracket = '\0';
    }
  return title;
}

/* The gap of a hidden value says what it is: "<5 (hidden)"; the other bars carry
 * no label. */
static gboolean
label_hidden_bars (Profile          *p,
                   lxw_chart_series *series)
{
  Export *x = p->x;
  guint n = p->chart_hidden->len;
  const char *suppressed = aimak_export_string (x->lang, AIMAK_XS_SUPPRESSED_TOTAL);
  g_autofree char *hidden_label = g_strdup_printf ("%s (%s)", p->threshold_text, suppressed);
  g_autofree lxw_chart_data_label *labels = g_new0 (lxw_chart_data_label, n);
  g_autofree lxw_chart_data_label **list = g_new0 (lxw_chart_data_label *, n + 1);

  for (guint k = 0; k < n; k++)
    {
      if (g_array_index (p->chart_hidden, gboolean, k))
        labels[k].value = hidden_label;
      else
        labels[k].hide = LXW_TRUE;
      list[k] = &labels[k];
    }
  chart_series_set_labels (series);
  return check (x, chart_series_set_labels_custom (series, list), p->s->name);
}

/* Women against men; on an empty sheet the chart points at the empty first row. */
static gboolean
add_profile_chart (Profile *p)
{
  Export *x = p->x;
  Sheet *s = p->s;
  lxw_chart_options chart_opts = { .x_offset = 10, .x_scale = 1.4, .y_scale = 1.6 };
  g_autofree char *title = NULL;
  lxw_chart *chart;

  if (p->chart_area == NULL)
    p->chart_first = p->chart_last = FIRST_DATA_ROW;
  chart = workbook_add_chart (x->wb, LXW_CHART_BAR);
  if (chart == NULL)
    return set_null_error (x, "chart");
  title = profile_chart_title (p);
  chart_title_set_name (chart, title);
  /* A hidden value is a gap (an empty cell), never a bar of 0. */
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  for (guint i = 0; i < 2; i++)
    {
      lxw_col_t col = i == 0 ? C_CHART_WOMEN : C_CHART_MEN;
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        return set_null_error (x, "chart");
      chart_series_set_categories (series, s->name, p->chart_first, C_INDICATOR,
                                   p->chart_last, C_INDICATOR);
      chart_series_set_values (series, s->name, p->chart_first, col, p->chart_last, col);
      chart_series_set_name (series, p->headers[i == 0 ? C_WOMEN : C_MEN]);
      if (i == 0 && p->any_hidden_in_chart)
        TRY (label_hidden_bars (p, series));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return check (x, worksheet_insert_chart_opt (s->ws, FIRST_DATA_ROW, C_N + 1, chart,
                                               &chart_opts), s->name);
}

static gboolean
fill_profile (Profile *p)
{
  Export *x = p->x;
  Sheet *s = p->s;
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_INDICATOR, AIMAK_XS_COL_UNIT,
    AIMAK_XS_COL_YEAR, AIMAK_XS_COL_WOMEN, AIMAK_XS_COL_MEN, AIMAK_XS_COL_TOTAL,
    AIMAK_XS_COL_SOURCE, AIMAK_XS_COL_SOURCES_DIFFER, AIMAK_XS_COL_NOTE,
  };
  lxw_row_col_options hidden_col = { .hidden = LXW_TRUE };

  for (guint c = 0; c < C_N; c++)
    p->headers[c] = aimak_export_string (x->lang, header_ids[c]);
  s->cap[C_INDICATOR] = WIDTH_CAP_WRAP;
  s->cap[C_SOURCE] = WIDTH_CAP_WRAP;
  s->cap[C_OTHERS] = 24;
  s->cap[C_NOTE] = WIDTH_CAP_WRAP;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_PROFILE));
  TRY (sheet_headers (x, s, p->headers, C_N, TRUE));
  TRY (aimak_db_foreach (x->db, &x->error, aimak_db_row_add_text, p->successors,
                         successors_sql, "t", x->scope_json));
  TRY (sheet_rows (x, profile_sql, write_profile_row, p));
  TRY (former_sections_before (p, NULL));
  if (p->row == FIRST_DATA_ROW)
    {
      TRY (cell_string (x, s, p->row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_INDICATORS), NULL));
      s->last_row = p->row;
    }
  x->stats.n_profile_rows = p->row - FIRST_DATA_ROW;
  TRY (check (x, worksheet_set_column_opt (s->ws, C_CHART_WOMEN, C_CHART_MEN, 10, NULL,
                                           &hidden_col), s->name));
  TRY (add_profile_chart (p));
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, MAX (s->last_row, FIRST_DATA_ROW + 23), C_N + 9);
}

gboolean
write_profile (Export *x)
{
  g_autofree char *n_text = g_strdup_printf ("%d", x->threshold);
  Profile p = {
    .x = x,
    .s = &x->sheets[SHEET_PROFILE],
    .row = FIRST_DATA_ROW,
    .threshold_text = g_strdup_printf ("<%d", x->threshold),
    .why_small = aimak_export_string_subst (x->lang, AIMAK_XS_HIDDEN_SMALL, "n", n_text),
    .sources = g_string_new (NULL),
    .chart_open = TRUE,
    .chart_hidden = g_array_new (FALSE, TRUE, sizeof (gboolean)),
    .successors = g_ptr_array_new_with_free_func (g_free),
  };
  gboolean ok = fill_profile (&p);

  profile_clear (&p);
  return ok;
}
