/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator-profile.c — the queries behind the profile page: the table
 * of an area's figures (one row per indicator and year, the preferred source),
 * the trend series and the key figures. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-lang.h"

/* ---- the profile ---- */

/* One stored value as the profile queries see it. */
typedef struct
{
  gint64   id;
  char     sex;
  double   value;
  char    *source;
  gboolean is_reference;
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *c = data;
  g_free (c->source);
}

/* The values of one indicator in one year, gathered before they become rows. */
typedef struct
{
  char      *code;
  char      *name;
  char      *unit;
  gboolean   by_sex;
  int        year;
  GArray    *cells;    /* Cell */
} Group;

static void
group_init (Group *g)
{
  memset (g, 0, sizeof *g);
  g->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (g->cells, cell_clear);
}

static void
group_reset (Group *g)
{
  g_clear_pointer (&g->code, g_free);
  g_clear_pointer (&g->name, g_free);
  g_clear_pointer (&g->unit, g_free);
  g_array_set_size (g->cells, 0);
}

static void
group_clear (Group *g)
{
  group_reset (g);
  g_array_unref (g->cells);
}

static AimakIndicatorRow *
row_new (const Group *g)
{
  AimakIndicatorRow *r = g_new0 (AimakIndicatorRow, 1);

  r->indicator_code = g_strdup (g->code);
  r->name = g_strdup (g->name);
  r->unit = g_strdup (g->unit);
  r->by_sex = g->by_sex;
  r->year = g->year;
  r->women = r->men = r->total = NAN;
  return r;
}

static void
row_put (AimakIndicatorRow *r,
         const Cell        *c)
{
  switch (c->sex)
    {
    case 'F':
      r->women = c->value;
      r->id_f = c->id;
      break;
    case 'M':
      r->men = c->value;
      r->id_m = c->id;
      break;
    default:
      r->total = c->value;
      r->id_t = c->id;
      break;
    }
  if (c->is_reference)
    r->is_reference = TRUE;
  if (r->source == NULL)
    r->source = g_strdup (c->source);
}

static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Two sources disagree when any of women/men/total differs (one giving a value the
 * other does not is a difference too). */
static gboolean
rows_differ (const AimakIndicatorRow *a,
             const AimakIndicatorRow *b)
{
  return !same_value (a->women, b->women) || !same_value (a->men, b->men) ||
         !same_value (a->total, b->total);
}

/* Counts, for each of @rows[first..], the other rows that differ from it. */
static void
count_differing (GPtrArray *rows,
                 guint      first)
{
  for (guint i = first; i < rows->len; i++)
    for (guint j = first; j < rows->len; j++)
      if (i != j && rows_differ (g_ptr_array_index (rows, i), g_ptr_array_index (rows, j)))
        ((AimakIndicatorRow *) g_ptr_array_index (rows, i))->n_differing++;
}

/* One row per source: values of different sources are never combined into one row
 * (a women's figure of one source beside a total of another would let a reader
 * subtract figures that were never meant to add up). Cells arrive ordered by source,
 * so a source's cells are consecutive. */
static void
group_emit (const Group *g,
            GPtrArray   *rows)
{
  AimakIndicatorRow *r = NULL;
  const char *source = NULL;
  guint first = rows->len;

  if (g->cells->len == 0)
    return;
  for (guint i = 0; i < g->cells->len; i++)
    {
      const Cell *c = &g_array_index (g->cells, Cell, i);
      if (r == NULL || !g_str_equal (source, c->source))
        {
          r = row_new (g);
          g_ptr_array_add (rows, r);
          source = c->source;
        }
      row_put (r, c);
    }
  count_differing (rows, first);
}

/* The rows being read: the (indicator, year) at hand, and the rows made so far. */
typedef struct
{
  Group      group;
  GPtrArray *rows;
} Collect;

/* A value of the query ordered by indicator, year and source: each (indicator,
 * year) becomes rows with group_emit() when the next one starts. */
static gboolean
collect_value (AimakStmt  *st,
               gpointer    user_data,
               GError    **error)
{
  Collect *co = user_data;
  Group *g = &co->group;
  const char *code = aimak_stmt_text (st, 1);
  int year = aimak_stmt_int (st, 5);
  Cell c;

  if (g->code == NULL || !g_str_equal (g->code, code) || g->year != year)
    {
      group_emit (g, co->rows);
      group_reset (g);
      g->code = g_strdup (code);
      g->name = g_strdup (aimak_stmt_text (st, 2));
      g->unit = g_strdup (aimak_stmt_text (st, 3));
      g->by_sex = aimak_stmt_int (st, 4) != 0;
      g->year = year;
    }
  c.id = aimak_stmt_int64 (st, 0);
  c.sex = aimak_stmt_text (st, 6)[0];
  c.value = aimak_stmt_double_or_nan (st, 7);
  c.source = g_strdup (aimak_stmt_text (st, 8));
  c.is_reference = aimak_stmt_int (st, 9) != 0;
  g_array_append_val (g->cells, c);
  return TRUE;
}

#define ROW_QUERY \
  "SELECT v.id, v.indicator_code, aimak_name (i.name_en, i.name_ru, i.name_ky), i.unit, " \
  "i.by_sex, v.year, v.sex, v.value, v.source, v.is_reference " \
  "FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code " \
  "WHERE v.area_code = ?1 AND v.deleted_at IS NULL AND (?2 IS NULL OR v.indicator_code = ?2) " \
  "AND (?3 = 0 OR v.year >= ?3) AND (?4 = 0 OR v.year <= ?4) " \
  "ORDER BY v.indicator_code, v.year, v.source, v.sex"

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AimakIndicatorRow *x = *(AimakIndicatorRow * const *) a;
  const AimakIndicatorRow *y = *(AimakIndicatorRow * const *) b;
  int c = g_utf8_collate (x->name, y->name);

  if (c == 0)
    c = strcmp (x->indicator_code, y->indicator_code);
  if (c == 0)
    c = y->year - x->year;
  if (c == 0)
    c = g_strcmp0 (x->source, y->source);
  return c;
}

/* The rows of ROW_QUERY, by indicator, year and source; @sorted: as the profile
 * shows them (compare_rows()). */
static GPtrArray *
collect_rows (AimakDb    *db,
              const char *area_code,
              const char *indicator_code,
              int         year_from,
              int         year_to,
              gboolean    sorted,
              GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_row_free);
  Collect co = { .rows = rows };
  gboolean ok;

  group_init (&co.group);
  ok = aimak_db_foreach (db, error, collect_value, &co, ROW_QUERY, "ttii", area_code,
                         indicator_code, year_from, year_to);
  group_emit (&co.group, rows);
  group_clear (&co.group);
  if (!ok)
    return NULL;
  if (sorted)
    g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

GPtrArray *
aimak_indicator_rows (AimakDb    *db,
                      const char *area_code,
                      const char *indicator_code,
                      int         year_from,
                      int         year_to,
                      GError    **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  return collect_rows (db, area_code, indicator_code, year_from, year_to, TRUE, error);
}

/* Which of several sources of one year a single-valued view (trend, card)
 * shows: one with women and men, then a user's figure before reference data,
 * then the fuller one, then the first by name — stable, never an average. */
static int
row_rank (const AimakIndicatorRow *r)
{
  int rank = 0;

  if (!isnan (r->women) && !isnan (r->men))
    rank += 100;
  if (!r->is_reference)
    rank += 10;
  rank += !isnan (r->women) + !isnan (r->men) + !isnan (r->total);
  return rank;
}

/* The reference sources with a translation; the strings are the ones the reference
 * loader stores (aimak-reference.c and data/reference/indicators/). */
static const char * const translated_sources[] = {
  N_("National Statistical Committee of the Kyrgyz Republic"),
  N_("WFP PRISM (original source not stated)"),
  N_("WFP PRISM (attributed there to the Ministry of Labour and Social Development, 2020)"),
  N_("National Bank of the Kyrgyz Republic"),
};

const char *
aimak_indicator_source_label (const char *source,
                              const char *lang)
{
  if (source == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (translated_sources); i++)
    if (g_str_equal (source, translated_sources[i]))
      return aimak_lang_gettext (lang, translated_sources[i]);
  return source;
}

char *
aimak_indicator_sexes (AimakDb    *db,
                       const char *indicator_code)
{
  g_autoptr(AimakStmt) st = NULL;
  gboolean has[3] = { FALSE, FALSE, FALSE };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (db != NULL && indicator_code != NULL, g_string_free (out, FALSE));
  st = aimak_db_prepare (db, NULL, "SELECT DISTINCT sex FROM indicator_value "
                                   "WHERE indicator_code = ? AND deleted_at IS NULL",
                         "t", indicator_code);
  while (st && aimak_stmt_next (st, NULL))
    {
      const char *sex = aimak_stmt_text (st, 0);
      has[sex[0] == 'F' ? 0 : sex[0] == 'M' ? 1 : 2] = TRUE;
    }
  if (has[0])
    g_string_append_c (out, 'F');
  if (has[1])
    g_string_append_c (out, 'M');
  if (has[2])
    g_string_append_c (out, 'T');
  return g_string_free (out, FALSE);
}

gboolean
aimak_indicator_row_preferred (const AimakIndicatorRow *a,
                               const AimakIndicatorRow *b)
{
  int ra = row_rank (a), rb = row_rank (b);

  if (ra != rb)
    return ra > rb;
  return g_strcmp0 (a->source, b->source) < 0;
}

GPtrArray *
aimak_indicator_series (AimakDb    *db,
                        const char *area_code,
                        const char *indicator_code,
                        GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *series;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);
  g_return_val_if_fail (indicator_code != NULL, NULL);

  all = collect_rows (db, area_code, indicator_code, 0, 0, FALSE, error);
  if (all == NULL)
    return NULL;
  /* Rows come by year ascending, a year's sources by name; each row already counts
   * the other sources of its year that differ from it, so the chosen row keeps its
   * count. */
  series = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_row_free);
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (all, i);
      AimakIndicatorRow *last = series->len ? g_ptr_array_index (series, series->len - 1) : NULL;

      if (last && last->year == r->year)
        {
          if (row_rank (r) > row_rank (last))
            {
              g_ptr_array_index (series, series->len - 1) = r;
              aimak_indicator_row_free (last);
            }
          else
            aimak_indicator_row_free (r);
          continue;
        }
      g_ptr_array_add (series, r);
    }
  return series;
}

static const char * const key_codes[] = {
  "POP", "MIGR_ABROAD", "RETURNEES", "SI_POV_NAHC", "SL_TLF_UEM", NULL
};

const char * const *
aimak_indicator_key_codes (void)
{
  return key_codes;
}

GPtrArray *
aimak_indicator_key_figures (AimakDb    *db,
                             const char *area_code,
                             GError    **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_key_figure_free);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  for (guint i = 0; key_codes[i]; i++)
    {
      g_autoptr(GPtrArray) series = aimak_indicator_series (db, area_code, key_codes[i], error);
      AimakIndicatorRow *r;
      AimakKeyFigure *f;

      if (series == NULL)
        return NULL;
      /* The census counts residents away in labour migration without saying
       * where; it is the best stand-in when "abroad" is not published. */
      if (series->len == 0 && g_str_equal (key_codes[i], "MIGR_ABROAD"))
        {
          g_ptr_array_unref (series);
          series = aimak_indicator_series (db, area_code, "MIGR_LABOUR", error);
          if (series == NULL)
            return NULL;
        }
      if (series->len == 0)
        continue;
      r = g_ptr_array_index (series, series->len - 1);
      f = g_new0 (AimakKeyFigure, 1);
      f->key = g_strdup (key_codes[i]);
      f->indicator_code = g_strdup (r->indicator_code);
      f->name = g_strdup (r->name);
      f->unit = g_strdup (r->unit);
      f->year = r->year;
      f->women = r->women;
      f->men = r->men;
      f->total = r->total;
      f->source = g_strdup (r->source);
      f->n_differing = r->n_differing;
      g_ptr_array_add (figures, f);
    }
  return g_steal_pointer (&figures);
}

