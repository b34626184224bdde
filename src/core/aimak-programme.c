/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme.c — builds the programme document's model: options, the
 * priorities of the chosen statuses and period, sections 1 (passport), 3 (problems
 * and priorities), 4 (action plan) and 5 (annex); sections 2, 6 and 7 are in
 * aimak-programme-situation.c. Reads through the core APIs (aimak_priority_load(),
 * aimak_summary_compute(), aimak_indicator_key_figures() ...) in one read
 * transaction, with the database's name language switched to the document's.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-code-list.h"
#include "aimak-lang.h"
#include "aimak-number.h"
#include "aimak-priority.h"
#include "aimak-json.h"
#include "aimak-programme-private.h"
#include "aimak-summary.h"

#define T(msgid) AIMAK_PROGRAMME_T (b, msgid)

static const char * const default_statuses[] = { "proposed", "approved", NULL };

/* @template with "{key}" replaced by @value. */
static char *
subst (const char *template,
       const char *key,
       const char *value)
{
  g_autofree char *needle = g_strconcat ("{", key, "}", NULL);
  g_auto(GStrv) parts = g_strsplit (template, needle, -1);

  return g_strjoinv (value, parts);
}

static void
report (AimakProgrammeBuild *b,
        double               fraction)
{
  if (b->opts->progress)
    b->opts->progress (fraction, b->opts->progress_data);
}

/* ------------------------------------------------------------ options */

static gboolean
check_options (AimakDb                     *db,
               const AimakProgrammeOptions *opts,
               GError                     **error)
{
  const char *lang = opts->lang ? opts->lang : "en";

  if (!aimak_lang_is_valid (lang))
    {
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                   _("Unknown document language “%s”: use en, ru or ky."), lang);
      return FALSE;
    }
  if (opts->area_code == NULL || *opts->area_code == '\0')
    {
      g_set_error_literal (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                           _("Choose the area of the programme."));
      return FALSE;
    }
  if (opts->year_from < 1990 || opts->year_from > 2100 || opts->year_to < 1990 ||
      opts->year_to > 2100)
    {
      g_set_error_literal (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                           _("The years of the programme must be between 1990 and 2100."));
      return FALSE;
    }
  if (opts->year_to < opts->year_from || opts->year_to - opts->year_from > 10)
    {
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                   _("The period %d–%d is not valid: the last year must not come before the "
                     "first, and a programme lasts at most 11 years."),
                   opts->year_from, opts->year_to);
      return FALSE;
    }
  for (guint i = 0; opts->statuses && opts->statuses[i]; i++)
    {
      const char *code = opts->statuses[i];

      if (g_strcmp0 (code, "rejected") == 0)
        {
          g_set_error_literal (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                               _("Rejected priorities are never part of a programme."));
          return FALSE;
        }
      /* Without @error: a database error reads as an unknown status. */
      if (!aimak_code_list_contains (db, "status", code, NULL))
        {
          g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID,
                       _("Unknown status “%s”: use draft, proposed, approved, in_progress or "
                         "completed."), code);
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------ priorities */

/* Ids of the included priorities in document order: the programme's own area
 * first, then the areas below by code; by rank within an area. A priority is in
 * the period when its years overlap it (or are not set). */
static GPtrArray *
load_priority_ids (AimakProgrammeBuild *b,
                   GError             **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *areas_json =
    aimak_json_string_array ((const char * const *) b->area_codes->pdata, b->area_codes->len);
  g_autofree char *status_json =
    aimak_json_string_array ((const char * const *) b->p->statuses, -1);

  if (!aimak_db_foreach (b->db, error, aimak_db_row_add_text, ids,
                         "SELECT id FROM priority "
                         "WHERE deleted_at IS NULL AND status <> 'rejected' "
                         "AND area_code IN (SELECT value FROM json_each(?1)) "
                         "AND status IN (SELECT value FROM json_each(?2)) "
                         "AND (start_year IS NULL OR start_year = 0 OR start_year <= ?4) "
                         "AND (end_year IS NULL OR end_year = 0 OR end_year >= ?3) "
                         "ORDER BY area_code <> ?5, area_code, rank",
                         "ttiit", areas_json, status_json, b->opts->year_from,
                         b->opts->year_to, b->area->code))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Whole numbers without decimals, others with up to two. */
static int
decimals_for (double value)
{
  if (!isfinite (value) || value == round (value))
    return 0;
  if (value * 10 == round (value * 10))
    return 1;
  return 2;
}

static void
value_auto (AimakProgrammeValue *v,
            double               value,
            const char          *lang)
{
  aimak_programme_value_set (v, value, decimals_for (value), lang);
}

static GPtrArray *
codes_named (AimakCodeTable *list,
             GPtrArray      *codes,
             const char     *prefix_format)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_code_free);

  /* In code-list order, whatever order the priority holds them in. */
  for (guint i = 0; i < list->list->len; i++)
    {
      const AimakCode *c = g_ptr_array_index (list->list, i);
      g_autofree char *prefixed = NULL;

      if (!g_ptr_array_find_with_equal_func (codes, c->code, g_str_equal, NULL))
        continue;
      if (prefix_format)
        prefixed = g_strconcat (c->code, prefix_format, c->name, NULL);
      g_ptr_array_add (out, aimak_code_new (c->code, prefixed ? prefixed : c->name, NULL));
    }
  return out;
}

static void
fill_indicators (AimakProgrammeBuild    *b,
                 AimakProgrammePriority *pp,
                 const AimakPriority    *p)
{
  g_autoptr(GString) all = g_string_new (NULL);

  pp->indicators = aimak_programme_indicators_new ();
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      const AimakPriorityIndicator *src = g_ptr_array_index (p->indicators, i);
      AimakProgrammeIndicator *ind = aimak_programme_indicator_new ();

      ind->name = g_strdup (src->name ? src->name : "");
      ind->unit = g_strdup (src->unit ? src->unit : "");
      value_auto (&ind->baseline_women, src->baseline_f, b->lang);
      value_auto (&ind->baseline_men, src->baseline_m, b->lang);
      value_auto (&ind->target_women, src->target_f, b->lang);
      value_auto (&ind->target_men, src->target_m, b->lang);
      ind->text = g_strdup_printf ("%s%s%s%s: %s / %s → %s / %s", ind->name,
                                   *ind->unit ? " (" : "", ind->unit, *ind->unit ? ")" : "",
                                   ind->baseline_women.text, ind->baseline_men.text,
                                   ind->target_women.text, ind->target_men.text);
      g_string_append_printf (all, "%s%s", all->len ? "\n" : "", ind->text);
      g_ptr_array_add (pp->indicators, ind);
    }
  pp->indicators_text = g_string_free (g_steal_pointer (&all), FALSE);
}

static void
fill_checklist (AimakProgrammeBuild    *b,
                AimakProgrammePriority *pp,
                const AimakPriority    *p)
{
  pp->checklist = aimak_programme_answers_new ();
  for (guint i = 0; i < b->codes.checklist.list->len; i++)
    {
      const AimakCode *item = g_ptr_array_index (b->codes.checklist.list, i);
      const char *answer = aimak_priority_get_answer (p, item->code);
      AimakProgrammeAnswer *a = g_new0 (AimakProgrammeAnswer, 1);

      a->item_code = g_strdup (item->code);
      a->question = g_strdup (item->name);
      a->answer = g_strdup (answer);
      if (g_strcmp0 (answer, AIMAK_CHECKLIST_YES) == 0)
        a->answer_label = g_strdup (T (N_("Yes")));
      else if (g_strcmp0 (answer, AIMAK_CHECKLIST_PARTLY) == 0)
        a->answer_label = g_strdup (T (N_("Partly")));
      else if (g_strcmp0 (answer, AIMAK_CHECKLIST_NO) == 0)
        a->answer_label = g_strdup (T (N_("No")));
      else
        a->answer_label = g_strdup (T (N_("Not answered")));
      g_ptr_array_add (pp->checklist, a);
    }
}

static char *
period_text (AimakProgrammeBuild *b,
             int                  from,
             int                  to)
{
  if (from > 0 && to > 0 && from != to)
    return g_strdup_printf ("%d–%d", from, to);
  if (from > 0 || to > 0)
    return g_strdup_printf ("%d", from > 0 ? from : to);
  return g_strdup (T (N_("Not set")));
}

/* The names of @codes (AimakCode *) joined by @separator. */
static char *
names_joined (GPtrArray  *codes,
              const char *separator)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (names, ((AimakCode *) g_ptr_array_index (codes, i))->name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (separator, (char **) names->pdata);
}

static AimakProgrammePriority *
priority_from (AimakProgrammeBuild *b,
               const AimakPriority *p)
{
  AimakProgrammePriority *pp = g_new0 (AimakProgrammePriority, 1);
  g_autofree char *marker_code = g_strdup_printf ("%d", p->gender_marker);
  g_autoptr(AimakArea) area = aimak_area_get (b->db, p->area_code, NULL);

  pp->id = g_strdup (p->id);
  pp->number = b->p->priorities->len + 1;
  pp->area_code = g_strdup (p->area_code);
  pp->area_name = g_strdup (area ? aimak_area_name (area, b->lang) : p->area_code);
  pp->rank = p->rank;
  pp->title = g_strdup (p->title ? p->title : "");
  pp->problem = g_strdup (p->problem ? p->problem : "");
  pp->description = g_strdup (p->description ? p->description : "");
  pp->sector_code = g_strdup (p->sector_code ? p->sector_code : "");
  pp->sector_name = g_strdup (p->sector_code
                              ? aimak_code_table_name (&b->codes.sectors, p->sector_code)
                              : T (N_("No sector")));
  pp->status = g_strdup (p->status);
  pp->status_label = g_strdup (aimak_code_table_name (&b->codes.statuses, p->status));
  pp->marker = p->gender_marker;
  pp->marker_label = g_strdup (aimak_code_table_name (&b->codes.markers, marker_code));
  pp->marker_text = g_strdup_printf ("%d — %s", p->gender_marker, pp->marker_label);
  pp->marker_justification = g_strdup (p->marker_justification ? p->marker_justification : "");
  pp->target_groups = codes_named (&b->codes.target_groups, p->target_groups, NULL);
  pp->target_groups_text = names_joined (pp->target_groups, ", ");
  pp->budget_kgs = p->budget_kgs;
  aimak_programme_value_set (&pp->budget_thousand, p->budget_kgs / 1000.0, 1, b->lang);
  pp->funding_code = g_strdup (p->funding_source ? p->funding_source : "");
  pp->funding_label = g_strdup (p->funding_source
                                ? aimak_code_table_name (&b->codes.funding, p->funding_source)
                                : T (N_("No funding source")));
  pp->responsible = g_strdup (p->responsible ? p->responsible : "");
  pp->partners = g_strdup (p->partners ? p->partners : "");
  pp->start_year = p->start_year;
  pp->end_year = p->end_year;
  pp->period = period_text (b, p->start_year, p->end_year);
  fill_indicators (b, pp, p);
  fill_checklist (b, pp, p);
  pp->gcm = codes_named (&b->codes.gcm, p->gcm, ". ");
  pp->sdg = codes_named (&b->codes.sdg, p->sdg, " ");
  pp->gcm_text = names_joined (pp->gcm, "\n");
  pp->sdg_text = names_joined (pp->sdg, "\n");
  pp->hearing_date = aimak_date_format (p->hearing_date, b->lang);
  pp->hearing_women = p->hearing_participants_f;
  pp->hearing_men = p->hearing_participants_m;
  pp->decision_no = g_strdup (p->kenesh_decision_no ? p->kenesh_decision_no : "");
  pp->decision_date = aimak_date_format (p->kenesh_decision_date, b->lang);
  pp->is_demo = p->is_demo;
  return pp;
}

static gboolean
build_priorities (AimakProgrammeBuild *b,
                  GError             **error)
{
  g_autoptr(GPtrArray) ids = load_priority_ids (b, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AimakPriority) p = NULL;

      if (g_cancellable_set_error_if_cancelled (b->cancellable, error))
        return FALSE;
      p = aimak_priority_load (b->db, g_ptr_array_index (ids, i), error);
      if (p == NULL)
        return FALSE;
      g_ptr_array_add (b->p->priorities, priority_from (b, p));
      b->p->is_demo = b->p->is_demo || p->is_demo;
      if (i % 50 == 0)
        report (b, 0.1 + 0.6 * i / ids->len);
    }
  return TRUE;
}

/* Section 3: the sectors in list order, priorities without a sector last. */
static void
group_sectors (AimakProgrammeBuild *b)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < b->codes.sectors.list->len; i++)
    g_ptr_array_add (order, ((AimakCode *) g_ptr_array_index (b->codes.sectors.list, i))->code);
  g_ptr_array_add (order, (gpointer) "");
  for (guint s = 0; s < order->len; s++)
    {
      const char *code = g_ptr_array_index (order, s);
      AimakProgrammeSector *sector = NULL;

      for (guint i = 0; i < b->p->priorities->len; i++)
        {
          AimakProgrammePriority *pp = g_ptr_array_index (b->p->priorities, i);

          if (g_strcmp0 (pp->sector_code, code) != 0 &&
              !(*code == '\0' &&
                !g_hash_table_contains (b->codes.sectors.by_code, pp->sector_code)))
            continue;
          if (sector == NULL)
            {
              sector = g_new0 (AimakProgrammeSector, 1);
              sector->code = g_strdup (code);
              sector->name = g_strdup (pp->sector_name);
              sector->priorities = g_ptr_array_new ();
              g_ptr_array_add (b->p->sectors, sector);
            }
          g_ptr_array_add (sector->priorities, pp);
        }
    }
}

/* ------------------------------------------------------------ budget */

static AimakProgrammeMoney *
money_new (AimakProgrammeBuild *b,
           const char          *code,
           const char          *label,
           double               kgs,
           double               total)
{
  AimakProgrammeMoney *m = g_new0 (AimakProgrammeMoney, 1);

  m->code = g_strdup (code);
  m->label = g_strdup (label);
  m->kgs = kgs;
  aimak_programme_value_set (&m->thousand, kgs / 1000.0, 1, b->lang);
  aimak_programme_value_percent (&m->share, total > 0 ? 100.0 * kgs / total : NAN, b->lang);
  return m;
}

/* Sum of the budgets of the included priorities with @funding (NULL = any) and
 * @marker (-1 = any); *@used tells whether any priority has that source. */
static double
sum_budget (AimakProgramme *p,
            const char     *funding,
            int             marker,
            gboolean       *used)
{
  double sum = 0;

  if (used)
    *used = FALSE;
  for (guint i = 0; i < p->priorities->len; i++)
    {
      AimakProgrammePriority *pp = g_ptr_array_index (p->priorities, i);

      if ((funding && g_strcmp0 (pp->funding_code, funding) != 0) ||
          (marker >= 0 && pp->marker != marker) || !isfinite (pp->budget_kgs))
        continue;
      sum += pp->budget_kgs;
      if (used)
        *used = TRUE;
    }
  return sum;
}

static void
build_budget (AimakProgrammeBuild *b)
{
  AimakProgramme *p = b->p;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  double total = sum_budget (p, NULL, -1, NULL);
  double gender;

  for (guint i = 0; i < b->codes.funding.list->len; i++)
    g_ptr_array_add (sources, ((AimakCode *) g_ptr_array_index (b->codes.funding.list, i))->code);
  g_ptr_array_add (sources, (gpointer) "");
  for (guint i = 0; i < sources->len; i++)
    {
      const char *code = g_ptr_array_index (sources, i);
      const char *label = *code ? aimak_code_table_name (&b->codes.funding, code)
                                : T (N_("No funding source"));
      gboolean used;
      double sum = sum_budget (p, code, -1, &used);

      if (*code || used)
        g_ptr_array_add (p->budget_by_source, money_new (b, code, label, sum, total));
      if (!used)
        continue;
      g_ptr_array_add (p->plan_sources, aimak_code_new (code, label, NULL));
      g_ptr_array_add (p->plan_totals, money_new (b, code, label, sum, total));
    }
  p->budget_total = money_new (b, "", T (N_("Total")), total, total);
  for (int m = 0; m <= 2; m++)
    {
      g_autofree char *code = g_strdup_printf ("%d", m);

      g_ptr_array_add (p->budget_by_marker,
                       money_new (b, code, aimak_code_table_name (&b->codes.markers, code),
                                  sum_budget (p, NULL, m, NULL), total));
    }
  gender = sum_budget (p, NULL, 1, NULL) + sum_budget (p, NULL, 2, NULL);
  p->gender_budget = money_new (b, "1,2", T (N_("Gender marker 1 or 2")), gender, total);
  aimak_programme_value_percent (&p->gender_share, total > 0 ? 100.0 * gender / total : NAN,
                                 b->lang);
}

/* The two shares of the Summary view and the workbook, computed by
 * aimak_summary_compute() for the area with everything below it: shown when that
 * is the document's scope (an area without areas below, or include_below). */
static gboolean
build_summary_shares (AimakProgrammeBuild *b,
                      GError             **error)
{
  g_autoptr(AimakScope) scope = NULL;
  g_autoptr(AimakSummary) summary = NULL;

  aimak_programme_value_percent (&b->p->gender_share_adopted, NAN, b->lang);
  aimak_programme_value_percent (&b->p->gender_share_proposals, NAN, b->lang);
  if (!b->opts->include_below && b->area_codes->len > 1)
    return TRUE;
  scope = aimak_scope_new (AIMAK_SCOPE_AREA, b->area->code);
  summary = aimak_summary_compute (b->db, scope, error);
  if (summary == NULL)
    return FALSE;
  aimak_programme_value_percent (&b->p->gender_share_adopted,
                                 100.0 * summary->gender_share_adopted, b->lang);
  aimak_programme_value_percent (&b->p->gender_share_proposals,
                                 100.0 * summary->gender_share_proposals, b->lang);
  return TRUE;
}

/* ------------------------------------------------------------ passport */

static void
add_field (AimakProgramme *p,
           const char     *key,
           const char     *label,
           const char     *value,
           gboolean        fill_in)
{
  AimakProgrammeField *f = g_new0 (AimakProgrammeField, 1);

  f->key = g_strdup (key);
  f->label = g_strdup (label);
  f->value = g_strdup (fill_in ? "" : value);
  f->fill_in = fill_in;
  g_ptr_array_add (p->passport, f);
}

/* The kenesh decision when every included priority is adopted under one and the
 * same decision; otherwise NULL (a blank to fill in). */
static char *
common_decision (AimakProgrammeBuild *b)
{
  AimakProgrammePriority *first;

  if (b->p->priorities->len == 0)
    return NULL;
  first = g_ptr_array_index (b->p->priorities, 0);
  for (guint i = 0; i < b->p->priorities->len; i++)
    {
      AimakProgrammePriority *pp = g_ptr_array_index (b->p->priorities, i);

      if (!aimak_priority_status_needs_decision (pp->status) || *pp->decision_no == '\0' ||
          *pp->decision_date == '\0' || g_strcmp0 (pp->decision_no, first->decision_no) != 0 ||
          g_strcmp0 (pp->decision_date, first->decision_date) != 0)
        return NULL;
    }
  return g_strdup_printf ("№ %s, %s", first->decision_no, first->decision_date);
}

static void
body_names (AimakProgrammeBuild *b,
            char               **developer,
            char               **approver)
{
  const char *type = b->area->type;
  const char *dev, *app;

  if (g_strcmp0 (type, "ayil_aimak") == 0)
    {
      dev = T (N_("Ayil okmotu of {area} ayil aimak"));
      app = T (N_("Ayil kenesh of {area} ayil aimak"));
    }
  else if (g_str_has_prefix (type ? type : "", "city"))
    {
      dev = T (N_("Mayor’s office of the city of {area}"));
      app = T (N_("City kenesh of {area}"));
    }
  else
    {
      dev = T (N_("State administration of {area}"));
      app = T (N_("Local keneshes of {area}"));
    }
  *developer = subst (dev, "area", b->p->area_name);
  *approver = subst (app, "area", b->p->area_name);
}

static void
build_passport (AimakProgrammeBuild *b)
{
  AimakProgramme *p = b->p;
  g_autofree char *area = aimak_programme_area_with_kind (p->area_name, p->area_type);
  g_autofree char *developer = NULL, *approver = NULL;
  g_autofree char *decision = common_decision (b);

  body_names (b, &developer, &approver);
  add_field (p, "name", T (N_("Name of the programme")), p->title, FALSE);
  add_field (p, "area", T (N_("Area")), area, FALSE);
  add_field (p, "code", T (N_("Code")), p->area_code, FALSE);
  add_field (p, "period", T (N_("Period")), p->period, FALSE);
  add_field (p, "developer", T (N_("Developer")), developer, FALSE);
  add_field (p, "approver", T (N_("Approving body")), approver, FALSE);
  add_field (p, "decision", T (N_("Kenesh decision (number, date)")), decision, decision == NULL);
  add_field (p, "budget_total", T (N_("Total budget, thousand som")), p->budget_total->thousand.text,
             FALSE);
  for (guint i = 0; i < p->budget_by_source->len; i++)
    {
      AimakProgrammeMoney *m = g_ptr_array_index (p->budget_by_source, i);
      g_autofree char *key = g_strconcat ("budget.", m->code, NULL);
      g_autofree char *label = subst (T (N_("including {source}")), "source", m->label);

      if (m->kgs > 0)
        add_field (p, key, label, m->thousand.text, FALSE);
    }
  add_field (p, "gender_share_document",
             T (N_("Gender budget share of this programme (marker 1 or 2)")),
             p->gender_share.text, FALSE);
  if (!(!b->opts->include_below && b->area_codes->len > 1))
    {
      add_field (p, "gender_share_adopted", aimak_summary_share_label (AIMAK_SHARE_ADOPTED, b->lang),
                 p->gender_share_adopted.text, FALSE);
      add_field (p, "gender_share_proposals",
                 aimak_summary_share_label (AIMAK_SHARE_PROPOSALS, b->lang),
                 p->gender_share_proposals.text, FALSE);
    }
}

/* ------------------------------------------------------------ the whole */

static void
programme_init (AimakProgrammeBuild *b)
{
  AimakProgramme *p = g_new0 (AimakProgramme, 1);
  const AimakProgrammeOptions *opts = b->opts;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  b->p = p;
  p->area_code = g_strdup (b->area->code);
  p->include_below = opts->include_below;
  p->year_from = opts->year_from;
  p->year_to = opts->year_to;
  p->lang = g_strdup (b->lang);
  p->statuses = g_strdupv ((char **) (opts->statuses && opts->statuses[0] ? (const char * const *) opts->statuses
                                                                          : default_statuses));
  aimak_programme_fill_labels (p);
  /* The area as it was in the period, with its name now beside it (issue 17). */
  p->area_name = aimak_area_period_name (b->db, b->area->code, opts->year_to, b->lang);
  if (p->area_name == NULL)
    p->area_name = g_strdup (aimak_area_name (b->area, b->lang));
  p->area_type = g_strdup (aimak_programme_type_label (b->area->type, b->lang));
  p->period = period_text (b, opts->year_from, opts->year_to);
  {
    g_autofree char *area = aimak_programme_area_with_kind (p->area_name, p->area_type);

    p->title = g_strdup_printf ("%s — %s, %s", p->labels[AIMAK_PL_DOC_TITLE], area, p->period);
  }
  p->generated_on = aimak_date_format (today, b->lang);
  for (guint i = 0; p->statuses[i]; i++)
    g_ptr_array_add (names, (gpointer) aimak_code_table_name (&b->codes.statuses, p->statuses[i]));
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv ("; ", (char **) names->pdata);
  g_free (p->labels[AIMAK_PL_STATUSES_NOTE]);
  p->labels[AIMAK_PL_STATUSES_NOTE] = subst (T (N_("Included: the priorities with the status "
                                                   "{statuses}, in the period of the programme.")),
                                             "statuses", joined);
#define ARRAY(free_func) g_ptr_array_new_with_free_func ((GDestroyNotify) (free_func))
  p->passport = ARRAY (aimak_programme_field_free);
  p->budget_by_source = ARRAY (aimak_programme_money_free);
  p->figures = ARRAY (aimak_programme_figure_free);
  p->chart = ARRAY (aimak_programme_chart_point_free);
  p->priorities = ARRAY (aimak_programme_priority_free);
  p->sectors = ARRAY (aimak_programme_sector_free);
  p->plan_sources = ARRAY (aimak_code_free);
  p->plan_totals = ARRAY (aimak_programme_money_free);
  p->budget_by_marker = ARRAY (aimak_programme_money_free);
  p->hearings = ARRAY (aimak_programme_hearing_free);
  p->activities = ARRAY (aimak_programme_activity_free);
  p->activity_roles = ARRAY (aimak_summary_role_item_free);
  p->monitoring = ARRAY (aimak_programme_monitoring_row_free);
#undef ARRAY
  p->chart_title = g_strdup ("");
  p->chart_unit = g_strdup ("");
  p->chart_source = g_strdup ("");
}

/* The whole model, read in one snapshot of the database (an AimakDbWorkFunc). */
static gboolean
build_all (AimakDb  *db,
           gpointer  user_data,
           GError  **error)
{
  AimakProgrammeBuild *b = user_data;
  GError *local_error = NULL;

  /* The database speaks the document's language during the build. */
  if (!aimak_code_tables_load (&b->codes, b->db, error))
    return FALSE;
  b->area = aimak_area_get (b->db, b->opts->area_code, &local_error);
  if (b->area == NULL)
    {
      g_clear_error (&local_error);
      g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_UNKNOWN_AREA,
                   _("There is no area with the code “%s”."), b->opts->area_code);
      return FALSE;
    }
  b->area_codes = b->opts->include_below ? aimak_area_descendants (b->db, b->area->code, error)
                                         : g_ptr_array_new_with_free_func (g_free);
  if (b->area_codes == NULL)
    return FALSE;
  if (!b->opts->include_below)
    g_ptr_array_add (b->area_codes, g_strdup (b->area->code));
  programme_init (b);
  report (b, 0.05);
  if (!build_priorities (b, error))
    return FALSE;
  group_sectors (b);
  build_budget (b);
  if (!build_summary_shares (b, error))
    return FALSE;
  build_passport (b);
  report (b, 0.75);
  if (!aimak_programme_build_situation (b, error))
    return FALSE;
  report (b, 0.85);
  if (!aimak_programme_build_participation (b, error))
    return FALSE;
  aimak_programme_build_monitoring (b);
  report (b, 1.0);
  return TRUE;
}

AimakProgramme *
aimak_programme_build (AimakDb                     *db,
                       const AimakProgrammeOptions *opts,
                       GCancellable                *cancellable,
                       GError                     **error)
{
  AimakProgrammeBuild b = { 0 };
  g_autofree char *saved_lang = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL && opts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (db, opts, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  b.db = db;
  b.opts = opts;
  b.lang = opts->lang ? opts->lang : "en";
  b.cancellable = cancellable;

  /* Names that core functions give "in the db's language" follow the document. */
  saved_lang = g_strdup (aimak_db_get_language (db));
  aimak_db_set_language (db, b.lang);
  ok = aimak_db_run_in_read_transaction (db, build_all, &b, error);
  aimak_db_set_language (db, saved_lang);

  aimak_code_tables_clear (&b.codes);
  g_clear_pointer (&b.area, aimak_area_free);
  g_clear_pointer (&b.area_codes, g_ptr_array_unref);
  if (!ok)
    g_clear_pointer (&b.p, aimak_programme_free);
  return b.p;
}
