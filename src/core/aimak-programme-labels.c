/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-labels.c — the words of the programme document, the freeing of
 * the model and the small shared helpers. The labels go through gettext in the
 * document's language (aimak_lang_gettext()), independently of the interface's.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-lang.h"
#include "aimak-number.h"
#include "aimak-programme-private.h"

G_DEFINE_QUARK (aimak-programme-error-quark, aimak_programme_error)

static const char * const label_msgids[AIMAK_PL_N_LABELS] = {
  [AIMAK_PL_DOC_TITLE] = N_("Local socio-economic development programme"),
  [AIMAK_PL_CONTENTS] = N_("Contents"),
  [AIMAK_PL_DEMO_MARK] = N_("DEMO DATA — not for approval"),
  [AIMAK_PL_PAGE_OF] = N_("Page {n} of {m}"),
  [AIMAK_PL_NO_DATA] = N_("no data"),
  [AIMAK_PL_SECTION_PASSPORT] = N_("1. Programme passport"),
  [AIMAK_PL_SECTION_SITUATION] = N_("2. Current situation"),
  [AIMAK_PL_SECTION_PRIORITIES] = N_("3. Problems and priorities"),
  [AIMAK_PL_SECTION_PLAN] = N_("4. Action plan"),
  [AIMAK_PL_SECTION_ANNEX] = N_("5. Gender and migration annex"),
  [AIMAK_PL_SECTION_PARTICIPATION] = N_("6. Public participation"),
  [AIMAK_PL_SECTION_MONITORING] = N_("7. Monitoring"),
  [AIMAK_PL_SUB_KEY_FIGURES] = N_("Key figures by sex"),
  [AIMAK_PL_SUB_COMPARISON] = N_("Comparison with the rayon, the oblast and the country"),
  [AIMAK_PL_SUB_CHART] = N_("Women and men"),
  [AIMAK_PL_SUB_HEARINGS] = N_("Public hearings"),
  [AIMAK_PL_SUB_CAPACITY] = N_("Capacity-building activities"),
  [AIMAK_PL_SUB_GENDER_BUDGET] = N_("Budget by gender marker"),
  [AIMAK_PL_COL_NO] = N_("No."),
  [AIMAK_PL_COL_INDICATOR] = N_("Indicator"),
  [AIMAK_PL_COL_UNIT] = N_("Unit"),
  [AIMAK_PL_COL_YEAR] = N_("Year"),
  [AIMAK_PL_COL_WOMEN] = N_("Women"),
  [AIMAK_PL_COL_MEN] = N_("Men"),
  [AIMAK_PL_COL_TOTAL] = N_("Total"),
  [AIMAK_PL_COL_SOURCE] = N_("Source"),
  [AIMAK_PL_COL_AREA] = N_("Area"),
  [AIMAK_PL_COL_LEVEL] = N_("Level"),
  [AIMAK_PL_COL_PRIORITY] = N_("Priority"),
  [AIMAK_PL_COL_ACTIVITY] = N_("Activity and description"),
  [AIMAK_PL_COL_TARGET_GROUPS] = N_("Target groups"),
  [AIMAK_PL_COL_RESPONSIBLE] = N_("Responsible"),
  [AIMAK_PL_COL_PARTNERS] = N_("Partners"),
  [AIMAK_PL_COL_PERIOD] = N_("Period"),
  [AIMAK_PL_COL_COST] = N_("Cost, thousand som"),
  [AIMAK_PL_COL_INDICATORS] = N_("Indicators: baseline → target value (women / men)"),
  [AIMAK_PL_COL_MARKER] = N_("Gender marker"),
  [AIMAK_PL_COL_JUSTIFICATION] = N_("Justification of the marker"),
  [AIMAK_PL_COL_CHECKLIST] = N_("Gender checklist"),
  [AIMAK_PL_COL_GCM] = N_("GCM objectives"),
  [AIMAK_PL_COL_SDG] = N_("SDG targets"),
  [AIMAK_PL_COL_DATE] = N_("Date"),
  [AIMAK_PL_COL_TYPE] = N_("Type"),
  [AIMAK_PL_COL_TOPIC] = N_("Topic"),
  [AIMAK_PL_COL_ROLES] = N_("Participants by role (women / men)"),
  [AIMAK_PL_COL_BASELINE] = N_("Baseline (women / men)"),
  [AIMAK_PL_COL_TARGET] = N_("Target value (women / men)"),
  [AIMAK_PL_COL_REPORTER] = N_("Who reports"),
  [AIMAK_PL_COL_FREQUENCY] = N_("When"),
  [AIMAK_PL_COL_REPORT_TO] = N_("To whom"),
  [AIMAK_PL_COL_STATUS] = N_("Status"),
  [AIMAK_PL_COL_BUDGET] = N_("Budget, thousand som"),
  [AIMAK_PL_COL_SHARE] = N_("Share"),
  [AIMAK_PL_LABEL_PROBLEM] = N_("Problem statement"),
  [AIMAK_PL_LABEL_DESCRIPTION] = N_("Description"),
  [AIMAK_PL_TOTAL] = N_("Total"),
  [AIMAK_PL_NO_PRIORITIES] = N_("No priority has one of the chosen statuses in this period."),
  [AIMAK_PL_NO_HEARINGS] = N_("No public hearing is recorded for these priorities."),
  [AIMAK_PL_NO_ACTIVITIES] = N_("No capacity-building activity is recorded for this period."),
  [AIMAK_PL_NO_INDICATORS] = N_("No indicator is set for these priorities."),
  [AIMAK_PL_MONITORING_NOTE] = N_("The responsible bodies report on the indicators to the local "
                                  "kenesh every half year, as the Law on local self-government "
                                  "requires."),
  [AIMAK_PL_SITUATION_NOTE] = N_("Each figure is the latest year with data, with its source; "
                                 "“no data” means that no figure is recorded, not zero."),
  [AIMAK_PL_STATUSES_NOTE] = NULL,   /* filled by the builder */
  [AIMAK_PL_COL_FUNDING] = N_("Funding source"),
  [AIMAK_PL_SUB_BUDGET_BY_SOURCE] = N_("Budget by funding source"),
};

void
aimak_programme_fill_labels (AimakProgramme *p)
{
  for (guint i = 0; i < AIMAK_PL_N_LABELS; i++)
    {
      g_free (p->labels[i]);
      p->labels[i] = g_strdup (label_msgids[i] ? aimak_lang_gettext (p->lang, label_msgids[i]) : "");
    }
}

const char *
aimak_programme_label (const AimakProgramme *programme,
                       AimakProgrammeLabel   id)
{
  g_return_val_if_fail (programme != NULL, "");
  if (id >= AIMAK_PL_N_LABELS || programme->labels[id] == NULL)
    return "";
  return programme->labels[id];
}

const char *
aimak_programme_type_label (const char *type,
                            const char *lang)
{
  const char *msgid = aimak_area_type_msgid (type);

  if (msgid)
    return aimak_lang_gettext (lang, msgid);
  return type ? type : "";
}

/* ------------------------------------------------------------ values */

void
aimak_programme_value_set (AimakProgrammeValue *v,
                           double               value,
                           int                  decimals,
                           const char          *lang)
{
  g_free (v->text);
  v->has_value = isfinite (value);
  v->value = v->has_value ? value : NAN;
  v->text = v->has_value ? aimak_number_format (value, decimals, lang)
                         : g_strdup (aimak_lang_gettext (lang, label_msgids[AIMAK_PL_NO_DATA]));
}

void
aimak_programme_value_percent (AimakProgrammeValue *v,
                               double               percent,
                               const char          *lang)
{
  g_free (v->text);
  v->has_value = isfinite (percent);
  v->value = v->has_value ? percent : NAN;
  v->text = v->has_value ? aimak_number_format_percent (percent, 1, lang)
                         : g_strdup (aimak_lang_gettext (lang, label_msgids[AIMAK_PL_NO_DATA]));
}

void
aimak_programme_value_clear (AimakProgrammeValue *value)
{
  if (value == NULL)
    return;
  g_clear_pointer (&value->text, g_free);
  value->has_value = FALSE;
  value->value = NAN;
}

const char *
aimak_programme_plan_cost (const AimakProgramme         *programme,
                           const AimakProgrammePriority *priority,
                           guint                         source_index)
{
  const AimakCode *source;

  g_return_val_if_fail (programme != NULL && priority != NULL, "");
  if (source_index >= programme->plan_sources->len || !priority->budget_thousand.has_value)
    return "";
  source = g_ptr_array_index (programme->plan_sources, source_index);
  return g_strcmp0 (source->code, priority->funding_code) == 0 ? priority->budget_thousand.text : "";
}

/* ------------------------------------------------------------ freeing */

void
aimak_programme_money_free (AimakProgrammeMoney *m)
{
  if (m == NULL)
    return;
  g_free (m->code);
  g_free (m->label);
  aimak_programme_value_clear (&m->thousand);
  aimak_programme_value_clear (&m->share);
  g_free (m);
}

void
aimak_programme_field_free (AimakProgrammeField *f)
{
  if (f == NULL)
    return;
  g_free (f->key);
  g_free (f->label);
  g_free (f->value);
  g_free (f);
}

static void
indicator_free (AimakProgrammeIndicator *ind)
{
  g_free (ind->name);
  g_free (ind->unit);
  g_free (ind->text);
  aimak_programme_value_clear (&ind->baseline_women);
  aimak_programme_value_clear (&ind->baseline_men);
  aimak_programme_value_clear (&ind->target_women);
  aimak_programme_value_clear (&ind->target_men);
  g_free (ind);
}

static void
answer_free (AimakProgrammeAnswer *a)
{
  g_free (a->item_code);
  g_free (a->question);
  g_free (a->answer);
  g_free (a->answer_label);
  g_free (a);
}

AimakProgrammeIndicator *
aimak_programme_indicator_new (void)
{
  return g_new0 (AimakProgrammeIndicator, 1);
}

GPtrArray *
aimak_programme_indicators_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
}

GPtrArray *
aimak_programme_answers_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
}

void
aimak_programme_priority_free (AimakProgrammePriority *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->area_code);
  g_free (p->area_name);
  g_free (p->title);
  g_free (p->problem);
  g_free (p->description);
  g_free (p->sector_code);
  g_free (p->sector_name);
  g_free (p->status);
  g_free (p->status_label);
  g_free (p->marker_label);
  g_free (p->marker_justification);
  g_clear_pointer (&p->target_groups, g_ptr_array_unref);
  g_free (p->target_groups_text);
  aimak_programme_value_clear (&p->budget_thousand);
  g_free (p->funding_code);
  g_free (p->funding_label);
  g_free (p->responsible);
  g_free (p->partners);
  g_free (p->period);
  g_clear_pointer (&p->indicators, g_ptr_array_unref);
  g_clear_pointer (&p->checklist, g_ptr_array_unref);
  g_clear_pointer (&p->gcm, g_ptr_array_unref);
  g_clear_pointer (&p->sdg, g_ptr_array_unref);
  g_free (p->gcm_text);
  g_free (p->sdg_text);
  g_free (p->hearing_date);
  g_free (p->decision_no);
  g_free (p->decision_date);
  g_free (p->indicators_text);
  g_free (p->marker_text);
  g_free (p);
}

void
aimak_programme_sector_free (AimakProgrammeSector *s)
{
  if (s == NULL)
    return;
  g_free (s->code);
  g_free (s->name);
  g_clear_pointer (&s->priorities, g_ptr_array_unref);
  g_free (s);
}

void
aimak_programme_free (AimakProgramme *p)
{
  if (p == NULL)
    return;
  g_free (p->area_code);
  g_free (p->lang);
  g_strfreev (p->statuses);
  g_free (p->title);
  g_free (p->area_name);
  g_free (p->area_type);
  g_free (p->period);
  g_free (p->generated_on);
  for (guint i = 0; i < AIMAK_PL_N_LABELS; i++)
    g_free (p->labels[i]);
  g_clear_pointer (&p->passport, g_ptr_array_unref);
  g_clear_pointer (&p->budget_by_source, g_ptr_array_unref);
  aimak_programme_money_free (p->budget_total);
  aimak_programme_value_clear (&p->gender_share);
  aimak_programme_value_clear (&p->gender_share_adopted);
  aimak_programme_value_clear (&p->gender_share_proposals);
  g_clear_pointer (&p->figures, g_ptr_array_unref);
  g_free (p->chart_title);
  g_free (p->chart_unit);
  g_free (p->chart_source);
  g_clear_pointer (&p->chart, g_ptr_array_unref);
  /* Borrowers first: sectors, hearings and monitoring rows point into priorities. */
  g_clear_pointer (&p->sectors, g_ptr_array_unref);
  g_clear_pointer (&p->hearings, g_ptr_array_unref);
  g_clear_pointer (&p->monitoring, g_ptr_array_unref);
  g_clear_pointer (&p->priorities, g_ptr_array_unref);
  g_clear_pointer (&p->plan_sources, g_ptr_array_unref);
  g_clear_pointer (&p->plan_totals, g_ptr_array_unref);
  g_clear_pointer (&p->budget_by_marker, g_ptr_array_unref);
  aimak_programme_money_free (p->gender_budget);
  g_clear_pointer (&p->activities, g_ptr_array_unref);
  g_clear_pointer (&p->activity_roles, g_ptr_array_unref);
  g_free (p);
}

/* ------------------------------------------------------------ options */

void
aimak_programme_options_init (AimakProgrammeOptions *opts)
{
  g_return_if_fail (opts != NULL);
  memset (opts, 0, sizeof *opts);
}

void
aimak_programme_options_clear (AimakProgrammeOptions *opts)
{
  g_return_if_fail (opts != NULL);
  g_clear_pointer (&opts->area_code, g_free);
  g_clear_pointer (&opts->lang, g_free);
  g_clear_pointer (&opts->statuses, g_strfreev);
  memset (opts, 0, sizeof *opts);
}

char *
aimak_programme_area_with_kind (const char *name,
                                const char *kind)
{
  g_autofree char *name_folded = NULL;
  g_autofree char *kind_folded = NULL;

  if (kind == NULL || *kind == '\0')
    return g_strdup (name ? name : "");
  name_folded = g_utf8_casefold (name ? name : "", -1);
  kind_folded = g_utf8_casefold (kind, -1);
  if (strstr (name_folded, kind_folded) != NULL)
    return g_strdup (name);
  return g_strdup_printf ("%s (%s)", name ? name : "", kind);
}
