/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-situation.c — sections 2 (current situation: the key figures of
 * aimak_indicator_key_figures() for the area and the areas above it, the
 * women-vs-men series of aimak_indicator_series()), 6 (public participation: the
 * hearings recorded on the priorities, the activities of aimak_activity_query()
 * with aimak_activity_totals()) and 7 (monitoring) of the programme model.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity.h"
#include "aimak-export-strings.h"
#include "aimak-indicator.h"
#include "aimak-lang.h"
#include "aimak-number.h"
#include "aimak-programme-private.h"

#define T(msgid) AIMAK_PROGRAMME_T (b, msgid)

/* Counts of migrant and returnee women below this are not printed for an ayil
 * aimak (a handful of people can be recognised), as the workbook's option does. */
#define SMALL_COUNT_THRESHOLD 5

static gboolean
is_small_count_indicator (const char *code)
{
  return g_strcmp0 (code, "MIGR_ABROAD") == 0 || g_strcmp0 (code, "MIGR_LABOUR") == 0 ||
         g_strcmp0 (code, "RETURNEES") == 0;
}

/* ------------------------------------------------------------ freeing */

static void
figure_value_free (AimakProgrammeFigureValue *v)
{
  if (v == NULL)
    return;
  g_free (v->level_label);
  g_free (v->area_code);
  g_free (v->area_name);
  aimak_programme_value_clear (&v->women);
  aimak_programme_value_clear (&v->men);
  aimak_programme_value_clear (&v->total);
  g_free (v->source);
  g_free (v);
}

void
aimak_programme_figure_free (AimakProgrammeFigure *f)
{
  if (f == NULL)
    return;
  g_free (f->key);
  g_free (f->indicator_code);
  g_free (f->name);
  g_free (f->unit);
  figure_value_free (f->own);
  g_clear_pointer (&f->comparisons, g_ptr_array_unref);
  g_free (f);
}

void
aimak_programme_chart_point_free (AimakProgrammeChartPoint *pt)
{
  if (pt == NULL)
    return;
  g_free (pt->label);
  aimak_programme_value_clear (&pt->women);
  aimak_programme_value_clear (&pt->men);
  g_free (pt);
}

void
aimak_programme_hearing_free (AimakProgrammeHearing *h)
{
  if (h == NULL)
    return;
  g_free (h->date);
  g_free (h->area_name);
  aimak_programme_value_clear (&h->women);
  aimak_programme_value_clear (&h->men);
  g_clear_pointer (&h->priorities, g_ptr_array_unref);
  g_free (h);
}

void
aimak_programme_activity_free (AimakProgrammeActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->date);
  g_free (a->area_name);
  g_free (a->type_label);
  g_free (a->topic);
  g_clear_pointer (&a->roles, g_ptr_array_unref);
  g_free (a);
}

void
aimak_programme_monitoring_row_free (AimakProgrammeMonitoringRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reporter);
  g_free (row->frequency);
  g_free (row->report_to);
  g_free (row);
}

/* ------------------------------------------------------------ key figures */

static gboolean
value_is_demo (AimakProgrammeBuild  *b,
               const char           *area_code,
               const AimakKeyFigure *kf)
{
  return aimak_db_query_int (b->db, 0, NULL,
                             "SELECT count(*) FROM indicator_value WHERE deleted_at IS NULL "
                             "AND is_demo = 1 AND area_code = ? AND indicator_code = ? "
                             "AND year = ? AND source = ?",
                             "ttit", area_code, kf->indicator_code, kf->year, kf->source) > 0;
}

static AimakProgrammeFigureValue *
figure_value (AimakProgrammeBuild  *b,
              AimakArea            *area,
              const AimakKeyFigure *kf)
{
  AimakProgrammeFigureValue *v = g_new0 (AimakProgrammeFigureValue, 1);
  gboolean hide_women, hide_total;

  v->level_label = g_strdup (aimak_programme_type_label (area->type, b->lang));
  v->area_code = g_strdup (area->code);
  v->area_name = g_strdup (aimak_area_name (area, b->lang));
  v->year = kf ? kf->year : 0;
  aimak_programme_value_set (&v->women, kf ? kf->women : NAN, 0, b->lang);
  aimak_programme_value_set (&v->men, kf ? kf->men : NAN, 0, b->lang);
  aimak_programme_value_set (&v->total, kf ? kf->total : NAN, 0, b->lang);
  if (kf && !g_str_equal (kf->unit, AIMAK_UNIT_PERSONS) && !g_str_equal (kf->unit, AIMAK_UNIT_NUMBER))
    {
      aimak_programme_value_set (&v->women, kf->women, 1, b->lang);
      aimak_programme_value_set (&v->men, kf->men, 1, b->lang);
      aimak_programme_value_set (&v->total, kf->total, 1, b->lang);
    }
  v->source = g_strdup (kf ? aimak_indicator_source_label (kf->source, b->lang) : "");
  v->is_demo = kf && value_is_demo (b, area->code, kf);
  if (kf == NULL || area->level != 3 || !is_small_count_indicator (kf->indicator_code))
    return v;
  /* Small counts of women hidden, and the total that would give them away. */
  hide_women = isfinite (kf->women) && kf->women < SMALL_COUNT_THRESHOLD;
  hide_total = isfinite (kf->total) && ((hide_women && isfinite (kf->men)) ||
                                        (!isfinite (kf->men) && isfinite (kf->women)));
  if (hide_women)
    {
      g_free (v->women.text);
      v->women.text = g_strdup_printf ("<%d", SMALL_COUNT_THRESHOLD);
    }
  if (hide_total)
    {
      g_free (v->total.text);
      v->total.text = g_strdup_printf ("<%d", SMALL_COUNT_THRESHOLD);
    }
  return v;
}

static const AimakKeyFigure *
find_key (GPtrArray  *figures,
          const char *key)
{
  for (guint i = 0; figures && i < figures->len; i++)
    {
      const AimakKeyFigure *kf = g_ptr_array_index (figures, i);
      if (g_strcmp0 (kf->key, key) == 0)
        return kf;
    }
  return NULL;
}

static char *
indicator_name (AimakProgrammeBuild *b,
                const char          *code,
                char               **unit)
{
  g_autoptr(AimakIndicator) ind = aimak_indicator_get (b->db, code, NULL);

  *unit = g_strdup (aimak_export_unit_label (b->lang, ind ? ind->unit : ""));
  return g_strdup (ind ? aimak_indicator_name (ind, b->lang) : code);
}

/* The areas from the programme's area up, nearest first (AimakArea *, borrowed
 * from @chain). */
static GPtrArray *
areas_up (GPtrArray *chain)
{
  GPtrArray *up = g_ptr_array_new ();

  for (guint i = chain->len; i > 0; i--)
    g_ptr_array_add (up, g_ptr_array_index (chain, i - 1));
  return up;
}

static gboolean
build_figures (AimakProgrammeBuild *b,
               GPtrArray           *up,
               GError             **error)
{
  const char * const *keys = aimak_indicator_key_codes ();
  g_autoptr(GPtrArray) per_area = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint a = 0; a < up->len; a++)
    {
      AimakArea *area = g_ptr_array_index (up, a);
      GPtrArray *figures = aimak_indicator_key_figures (b->db, area->code, error);

      if (figures == NULL)
        return FALSE;
      g_ptr_array_add (per_area, figures);
    }
  for (guint k = 0; keys[k]; k++)
    {
      AimakProgrammeFigure *f = g_new0 (AimakProgrammeFigure, 1);
      const AimakKeyFigure *own = find_key (g_ptr_array_index (per_area, 0), keys[k]);

      f->key = g_strdup (keys[k]);
      f->indicator_code = g_strdup (own ? own->indicator_code : keys[k]);
      f->name = indicator_name (b, f->indicator_code, &f->unit);
      f->own = figure_value (b, g_ptr_array_index (up, 0), own);
      b->p->is_demo = b->p->is_demo || f->own->is_demo;
      f->comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_value_free);
      for (guint a = 1; a < up->len; a++)
        {
          AimakProgrammeFigureValue *v =
            figure_value (b, g_ptr_array_index (up, a), find_key (g_ptr_array_index (per_area, a), keys[k]));

          b->p->is_demo = b->p->is_demo || v->is_demo;
          g_ptr_array_add (f->comparisons, v);
        }
      g_ptr_array_add (b->p->figures, f);
    }
  return TRUE;
}

/* ------------------------------------------------------------ chart */

static gboolean
try_chart (AimakProgrammeBuild *b,
           AimakArea           *area,
           const char          *code,
           gboolean            *found,
           GError             **error)
{
  g_autoptr(GPtrArray) series = aimak_indicator_series (b->db, area->code, code, error);
  g_autoptr(GString) sources = g_string_new (NULL);
  gboolean protect = area->level == 3 && is_small_count_indicator (code);
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;
  guint first;

  *found = FALSE;
  if (series == NULL)
    return FALSE;
  for (guint i = 0; i < series->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (series, i);
      if (protect && isfinite (r->women) && r->women < SMALL_COUNT_THRESHOLD)
        return TRUE;
    }
  /* The last ten years that have both women and men. */
  first = series->len > 10 ? series->len - 10 : 0;
  for (guint i = first; i < series->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (series, i);
      AimakProgrammeChartPoint *pt;
      const char *source;

      if (!isfinite (r->women) || !isfinite (r->men))
        continue;
      pt = g_new0 (AimakProgrammeChartPoint, 1);
      pt->label = g_strdup_printf ("%d", r->year);
      aimak_programme_value_set (&pt->women, r->women, r->women == round (r->women) ? 0 : 1, b->lang);
      aimak_programme_value_set (&pt->men, r->men, r->men == round (r->men) ? 0 : 1, b->lang);
      g_ptr_array_add (b->p->chart, pt);
      source = aimak_indicator_source_label (r->source, b->lang);
      if (strstr (sources->str, source) == NULL)
        g_string_append_printf (sources, "%s%s", sources->len ? "; " : "", source);
    }
  if (b->p->chart->len == 0)
    return TRUE;
  *found = TRUE;
  name = indicator_name (b, code, &unit);
  g_free (b->p->chart_title);
  b->p->chart_title = g_strdup_printf ("%s, %s: %s", name, unit, aimak_area_name (area, b->lang));
  g_free (b->p->chart_unit);
  b->p->chart_unit = g_steal_pointer (&unit);
  g_free (b->p->chart_source);
  b->p->chart_source = g_string_free (g_steal_pointer (&sources), FALSE);
  return TRUE;
}

/* The chart shows, for the area or else the nearest area above it, the first
 * indicator with values for women and men: migration first, the subject of the
 * annex, then the other key figures. */
static gboolean
build_chart (AimakProgrammeBuild *b,
             GPtrArray           *up,
             GError             **error)
{
  static const char * const codes[] = { "MIGR_ABROAD", "MIGR_LABOUR", "RETURNEES", "POP",
                                        "SL_TLF_UEM", "SI_POV_NAHC" };

  for (guint a = 0; a < up->len; a++)
    for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
      {
        gboolean found;

        if (!try_chart (b, g_ptr_array_index (up, a), codes[c], &found, error))
          return FALSE;
        if (found)
          return TRUE;
      }
  return TRUE;
}

gboolean
aimak_programme_build_situation (AimakProgrammeBuild *b,
                                 GError             **error)
{
  g_autoptr(GPtrArray) chain = aimak_area_chain (b->db, b->area->code, error);
  g_autoptr(GPtrArray) up = NULL;

  if (chain == NULL)
    return FALSE;
  if (chain->len == 0)
    {
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_UNKNOWN_AREA,
                   _("There is no area with the code “%s”."), b->area->code);
      return FALSE;
    }
  /* The chain starts at the oblast; the country comes above it, for the national
   * comparison. */
  if (((AimakArea *) g_ptr_array_index (chain, 0))->level > 0)
    {
      g_autofree char *country = aimak_db_query_text (b->db, NULL, "SELECT code FROM area WHERE "
                                                      "level = 0 ORDER BY code LIMIT 1", NULL);
      AimakArea *top = country ? aimak_area_get (b->db, country, NULL) : NULL;

      if (top)
        g_ptr_array_insert (chain, 0, top);
    }
  up = areas_up (chain);
  return build_figures (b, up, error) && build_chart (b, up, error);
}

/* ------------------------------------------------------------ participation */

static int
compare_hearings (gconstpointer a,
                  gconstpointer b)
{
  const AimakProgrammeHearing *ha = *(AimakProgrammeHearing * const *) a;
  const AimakProgrammeHearing *hb = *(AimakProgrammeHearing * const *) b;
  g_autofree char *ia = NULL, *ib = NULL;

  aimak_date_parse (ha->date, &ia, NULL);
  aimak_date_parse (hb->date, &ib, NULL);
  return g_strcmp0 (ia, ib);
}

/* One hearing per area and date; its attendance is the largest recorded on its
 * priorities (the same people heard all of them, so the counts are not added). */
static void
build_hearings (AimakProgrammeBuild *b)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < b->p->priorities->len; i++)
    {
      AimakProgrammePriority *pp = g_ptr_array_index (b->p->priorities, i);
      g_autofree char *key = NULL;
      AimakProgrammeHearing *h;

      if (*pp->hearing_date == '\0')
        continue;
      key = g_strconcat (pp->area_code, "\x1f", pp->hearing_date, NULL);
      h = g_hash_table_lookup (by_key, key);
      if (h == NULL)
        {
          h = g_new0 (AimakProgrammeHearing, 1);
          h->date = g_strdup (pp->hearing_date);
          h->area_name = g_strdup (pp->area_name);
          h->priorities = g_ptr_array_new ();
          aimak_programme_value_set (&h->women, NAN, 0, b->lang);
          aimak_programme_value_set (&h->men, NAN, 0, b->lang);
          g_hash_table_insert (by_key, g_steal_pointer (&key), h);
          g_ptr_array_add (b->p->hearings, h);
        }
      g_ptr_array_add (h->priorities, pp);
      if (pp->hearing_women >= 0 && (!h->women.has_value || pp->hearing_women > h->women.value))
        aimak_programme_value_set (&h->women, pp->hearing_women, 0, b->lang);
      if (pp->hearing_men >= 0 && (!h->men.has_value || pp->hearing_men > h->men.value))
        aimak_programme_value_set (&h->men, pp->hearing_men, 0, b->lang);
    }
  g_ptr_array_sort (b->p->hearings, compare_hearings);
}

static AimakProgrammeActivity *
activity_from (AimakProgrammeBuild *b,
               AimakActivityRow    *row)
{
  AimakProgrammeActivity *a = g_new0 (AimakProgrammeActivity, 1);

  a->date = aimak_date_format (aimak_activity_row_get_date (row), b->lang);
  a->area_name = g_strdup (aimak_activity_row_get_area_name (row));
  a->type_label = g_strdup (aimak_activity_row_get_type_label (row));
  a->topic = g_strdup (aimak_activity_row_get_topic (row));
  a->women = aimak_activity_row_get_women (row);
  a->men = aimak_activity_row_get_men (row);
  a->is_demo = aimak_activity_row_get_is_demo (row);
  a->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_role_item_free);
  for (guint r = 0; r < b->codes.roles.list->len; r++)
    {
      const AimakCode *code = g_ptr_array_index (b->codes.roles.list, r);
      guint women = 0, men = 0;
      AimakSummaryRoleItem *role;

      aimak_activity_row_get_role (row, code->code, &women, &men);
      if (women + men == 0)
        continue;
      role = g_new0 (AimakSummaryRoleItem, 1);
      role->code = g_strdup (code->code);
      role->label = g_strdup (code->name);
      role->women = women;
      role->men = men;
      g_ptr_array_add (a->roles, role);
    }
  return a;
}

static gboolean
build_activities (AimakProgrammeBuild *b,
                  GError             **error)
{
  AimakActivityFilter filter = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(AimakActivityTotals) totals = NULL;

  filter.area_code = b->area->code;
  filter.date_from = g_strdup_printf ("%04d-01-01", b->opts->year_from - 1);
  filter.date_to = g_strdup_printf ("%04d-12-31", b->opts->year_to);
  rows = aimak_activity_query (b->db, &filter, error);
  g_free (filter.date_from);
  g_free (filter.date_to);
  if (rows == NULL)
    return FALSE;
  /* Oldest first; only the programme's own area unless the areas below are in. */
  for (guint i = rows->len; i > 0; i--)
    {
      AimakActivityRow *row = g_ptr_array_index (rows, i - 1);

      if (!b->opts->include_below &&
          g_strcmp0 (aimak_activity_row_get_area_code (row), b->area->code) != 0)
        continue;
      g_ptr_array_add (kept, row);
      g_ptr_array_add (b->p->activities, activity_from (b, row));
      b->p->is_demo = b->p->is_demo || aimak_activity_row_get_is_demo (row);
    }
  totals = aimak_activity_totals (b->db, kept, error);
  if (totals == NULL)
    return FALSE;
  b->p->activity_women = totals->women;
  b->p->activity_men = totals->men;
  for (guint i = 0; i < totals->by_role->len; i++)
    {
      AimakSummaryRoleItem *item = g_ptr_array_index (totals->by_role, i);
      AimakSummaryRoleItem *role = g_new0 (AimakSummaryRoleItem, 1);

      role->code = g_strdup (item->code);
      role->label = g_strdup (item->label);
      role->women = item->women;
      role->men = item->men;
      g_ptr_array_add (b->p->activity_roles, role);
    }
  return TRUE;
}

gboolean
aimak_programme_build_participation (AimakProgrammeBuild *b,
                                     GError             **error)
{
  build_hearings (b);
  return build_activities (b, error);
}

/* ------------------------------------------------------------ monitoring */

static const char *
passport_value (AimakProgramme *p,
                const char     *key)
{
  for (guint i = 0; i < p->passport->len; i++)
    {
      AimakProgrammeField *f = g_ptr_array_index (p->passport, i);
      if (g_strcmp0 (f->key, key) == 0)
        return f->value;
    }
  return "";
}

void
aimak_programme_build_monitoring (AimakProgrammeBuild *b)
{
  for (guint i = 0; i < b->p->priorities->len; i++)
    {
      AimakProgrammePriority *pp = g_ptr_array_index (b->p->priorities, i);

      for (guint j = 0; j < pp->indicators->len; j++)
        {
          AimakProgrammeMonitoringRow *row = g_new0 (AimakProgrammeMonitoringRow, 1);

          row->priority = pp;
          row->indicator = g_ptr_array_index (pp->indicators, j);
          row->reporter = g_strdup (*pp->responsible ? pp->responsible
                                                     : passport_value (b->p, "developer"));
          row->frequency = g_strdup (T (N_("Half-yearly")));
          row->report_to = g_strdup (passport_value (b->p, "approver"));
          g_ptr_array_add (b->p->monitoring, row);
        }
    }
}

char *
aimak_programme_hearing_titles (const AimakProgrammeHearing *hearing)
{
  GString *titles = g_string_new (NULL);

  for (guint j = 0; hearing->priorities && j < hearing->priorities->len; j++)
    {
      AimakProgrammePriority *pr = g_ptr_array_index (hearing->priorities, j);
      g_string_append_printf (titles, "%s%u. %s", j ? "\n" : "", pr->number, pr->title);
    }
  return g_string_free (titles, FALSE);
}

char *
aimak_programme_roles_text (GPtrArray *roles)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; roles && i < roles->len; i++)
    {
      AimakSummaryRoleItem *r = g_ptr_array_index (roles, i);
      g_string_append_printf (text, "%s%s: %u / %u", i ? "\n" : "", r->label, r->women, r->men);
    }
  return g_string_free (text, FALSE);
}

char *
aimak_programme_indicator_label (const AimakProgrammeIndicator *indicator)
{
  return indicator->unit && *indicator->unit
         ? g_strdup_printf ("%s (%s)", indicator->name, indicator->unit)
         : g_strdup (indicator->name);
}

char **
aimak_programme_activity_row (const AimakProgrammeActivity *activity)
{
  char **row = g_new0 (char *, AIMAK_PROGRAMME_ACTIVITY_CELLS + 1);

  row[0] = g_strdup (activity->date);
  row[1] = g_strdup (activity->area_name);
  row[2] = g_strdup (activity->type_label);
  row[3] = g_strdup (activity->topic);
  row[4] = g_strdup_printf ("%u", activity->women);
  row[5] = g_strdup_printf ("%u", activity->men);
  row[6] = aimak_programme_roles_text (activity->roles);
  return row;
}
