/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-validate.c — the rules of a priority: each field's own rules
 * from its descriptor (required, ranges, dates, plausible numbers, clean text),
 * the gender-aware rules across fields, the checks that need the database
 * (codes that exist) and the gate of the workflow (past draft only without
 * problems). */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "aimak-code-list.h"
#include "aimak-csv.h"
#include "aimak-lang.h"
#include "aimak-number.h"
#include "aimak-priority-private.h"

/* The eight items of the gender checklist (table checklist_item). */
static const char * const checklist_items[] = {
  "sex_disaggregated_data", "women_consulted", "stigma_addressed", "women_decide",
  "budget_benefits_women", "indicators_by_sex", "risks_assessed", "care_access", NULL
};

/* The marker the checklist supports. Each of the eight items scores
 * yes = 2, partly = 1, no or unanswered = 0 (at most 16).
 *   2 (principal)   score ≥ 12, "women_consulted" = yes and "indicators_by_sex" yes or partly:
 *                   gender equality cannot be the main objective of a priority designed
 *                   without the women concerned or without a way to measure it by sex;
 *   1 (significant) score ≥ 6;
 *   0               otherwise.
 * The planner decides; a higher marker needs a justification (see validate). */
int
aimak_priority_suggest_marker (const AimakPriority *p)
{
  int score = 0;
  const char *consulted, *by_sex;

  g_return_val_if_fail (p != NULL, 0);
  for (guint i = 0; checklist_items[i]; i++)
    {
      const char *answer = aimak_priority_get_answer (p, checklist_items[i]);

      if (g_strcmp0 (answer, AIMAK_CHECKLIST_YES) == 0)
        score += 2;
      else if (g_strcmp0 (answer, AIMAK_CHECKLIST_PARTLY) == 0)
        score += 1;
    }
  consulted = aimak_priority_get_answer (p, "women_consulted");
  by_sex = aimak_priority_get_answer (p, "indicators_by_sex");
  if (score >= 12 && g_strcmp0 (consulted, AIMAK_CHECKLIST_YES) == 0 &&
      (g_strcmp0 (by_sex, AIMAK_CHECKLIST_YES) == 0 ||
       g_strcmp0 (by_sex, AIMAK_CHECKLIST_PARTLY) == 0))
    return 2;
  if (score >= 6)
    return 1;
  return 0;
}

static gboolean
indicator_is_sex_disaggregated (const AimakPriorityIndicator *ind)
{
  return !isnan (ind->baseline_f) && !isnan (ind->baseline_m) &&
         !isnan (ind->target_f) && !isnan (ind->target_m);
}

/* Plausible numbers and clean text in the indicators (aimak-number.h). */
static void
check_indicators (const AimakPriority *p,
                  GPtrArray           *problems)
{
  GError *error = NULL;

  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);
      double values[] = { ind->baseline_f, ind->baseline_m, ind->target_f, ind->target_m };
      AimakNumberKind kind = aimak_number_kind_for_unit (ind->unit);
      g_autofree char *label = g_strdup_printf (_("Indicator “%s”"),
                                                ind->name ? ind->name : "");

      if (!aimak_text_check (ind->name, -1, FALSE, aimak_priority_field_label ("indicators"),
                             &error) ||
          !aimak_text_check (ind->unit, -1, FALSE, aimak_priority_field_label ("indicators"),
                             &error))
        {
          aimak_problem_list_add (problems, "indicators", error->message);
          g_clear_error (&error);
        }
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (!isnan (values[v]) && !aimak_number_check (values[v], kind, label, &error))
          {
            aimak_problem_list_add (problems, "indicators", error->message);
            g_clear_error (&error);
            break;
          }
    }
}

/* The name of checklist item @code as the checklist shows it: from the code list
 * of the reference data, in the interface language with the usual fallback. A
 * problem then names the item in the very words of the row the user answers. */
static char *
checklist_item_name (const char *code)
{
  g_autoptr(GInputStream) in = NULL;
  AimakCsvReader *reader;
  GPtrArray *fields = NULL;
  g_autoptr(GPtrArray) header = NULL;
  char *name = NULL;
  int c_code, c_en, c_ru, c_ky;

  in = g_resources_open_stream (RESOURCE_PREFIX "/reference/codelists/gender_checklist.csv",
                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (in == NULL)
    return g_strdup (code);
  reader = aimak_csv_reader_new (in, ',');
  if (aimak_csv_reader_next (reader, &fields, NULL, NULL))
    {
      header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (header, g_strdup (g_ptr_array_index (fields, i)));
    }
  c_code = header ? aimak_csv_column (header, "code") : -1;
  c_en = header ? aimak_csv_column (header, "name_en") : -1;
  c_ru = header ? aimak_csv_column (header, "name_ru") : -1;
  c_ky = header ? aimak_csv_column (header, "name_ky") : -1;
  while (name == NULL && c_code >= 0 && aimak_csv_reader_next (reader, &fields, NULL, NULL))
    if (g_strcmp0 (aimak_csv_field (fields, c_code), code) == 0)
      name = g_strdup (aimak_lang_pick (aimak_lang_current (), aimak_csv_field (fields, c_en),
                                        aimak_csv_field (fields, c_ru),
                                        aimak_csv_field (fields, c_ky)));
  aimak_csv_reader_free (reader);
  return name ? name : g_strdup (code);
}

/* Gender marker rules of DESIGN.md. */
static void
check_marker (const AimakPriority *p,
              GPtrArray           *problems)
{
  int suggested = aimak_priority_suggest_marker (p);
  gboolean has_indicator = FALSE;

  if (p->gender_marker < 0 || p->gender_marker > 2)
    return;   /* the field's own rule says so */
  if (p->gender_marker > 0 && aimak_field_text_is_blank (p->marker_justification))
    {
      if (p->gender_marker > suggested)
        {
          g_autofree char *msg =
            g_strdup_printf (_("The gender checklist supports marker %d: explain in the "
                               "justification why the marker is %d."),
                             suggested, p->gender_marker);
          aimak_problem_list_add (problems, "marker_justification", msg);
        }
      else
        aimak_problem_list_add (problems, "marker_justification",
                                _("Gender marker 1 or 2 needs a justification."));
    }
  if (p->gender_marker != 2)
    return;
  if (p->target_groups == NULL || p->target_groups->len == 0)
    aimak_problem_list_add (problems, "target_groups",
                            _("Gender marker 2 needs at least one target group."));
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    has_indicator |= indicator_is_sex_disaggregated (g_ptr_array_index (p->indicators, i));
  if (!has_indicator)
    aimak_problem_list_add (problems, "indicators",
                            _("Gender marker 2 needs an indicator with baseline and target "
                              "for both women and men."));
  if (g_strcmp0 (aimak_priority_get_answer (p, "women_consulted"), AIMAK_CHECKLIST_YES) != 0)
    {
      g_autofree char *item = checklist_item_name ("women_consulted");
      /* Translators: %s is the checklist item as the checklist names it */
      g_autofree char *msg = g_strdup_printf (_("Gender marker 2 needs a “yes” on the "
                                                "checklist item “%s”."), item);

      aimak_problem_list_add (problems, "checklist", msg);
    }
}

GPtrArray *
aimak_priority_validate (const AimakPriority *p)
{
  GPtrArray *problems;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  g_return_val_if_fail (p != NULL, aimak_problem_list_new ());

  /* Each field's own rules, from the table. */
  problems = aimak_field_check_editable (fields, n, p);

  /* Rules across fields. */
  if (p->start_year != 0 && p->end_year >= 1990 && p->end_year <= 2100 &&
      p->end_year < p->start_year)
    aimak_problem_list_add (problems, "end_year",
                            _("End year must not be before the start year."));
  check_marker (p, problems);
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);

      if (aimak_field_text_is_blank (ind->name))
        {
          aimak_problem_list_add (problems, "indicators", _("Every indicator needs a name."));
          break;
        }
    }
  /* A kenesh decision makes a priority approved. */
  if (aimak_priority_status_needs_decision (p->status))
    {
      if (aimak_field_text_is_blank (p->kenesh_decision_no))
        aimak_problem_list_add (problems, "kenesh_decision_no",
                                _("An approved priority needs the number of the kenesh "
                                  "decision."));
      if (aimak_field_text_is_blank (p->kenesh_decision_date))
        aimak_problem_list_add (problems, "kenesh_decision_date",
                                _("An approved priority needs the date of the kenesh "
                                  "decision."));
    }
  check_indicators (p, problems);
  return problems;
}

GPtrArray *
aimak_priority_validate_field (const AimakPriority *p,
                               const char          *field)
{
  GPtrArray *all = aimak_priority_validate (p);

  for (guint i = all->len; i > 0; i--)
    {
      AimakProblem *problem = g_ptr_array_index (all, i - 1);

      if (g_strcmp0 (problem->field, field) != 0)
        g_ptr_array_remove_index (all, i - 1);
    }
  return all;
}

/* ------------------------------------------------------------------------ */
/* Checks that need the database                                             */

static gboolean
invalid (GError    **error,
         const char *field,
         const char *code)
{
  g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
               _("%s: unknown code “%s”."), aimak_priority_field_label (field), code);
  return FALSE;
}

/* Every code of the table's CODE and CODES fields is in its list. */
static gboolean
check_codes (AimakDb             *db,
             const AimakPriority *p,
             GError             **error)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);
  GError *local_error = NULL;

  for (guint i = 0; i < n; i++)
    {
      const AimakField *f = &fields[i];
      GPtrArray *codes = f->kind == AIMAK_FIELD_CODES
                         ? *aimak_field_codes_slot (f, (gpointer) p) : NULL;
      const char *code = f->kind == AIMAK_FIELD_CODE
                         ? *aimak_field_text_slot (f, (gpointer) p) : NULL;

      if (f->code_list == NULL || (f->kind != AIMAK_FIELD_CODE && f->kind != AIMAK_FIELD_CODES))
        continue;
      if (f->kind == AIMAK_FIELD_CODE && (f->flags & AIMAK_FIELD_NULLABLE) && aimak_field_text_is_blank (code))
        continue;
      for (guint c = 0; c < (codes ? codes->len : 1); c++)
        {
          const char *one = codes ? g_ptr_array_index (codes, c) : code;

          if (!aimak_code_list_contains (db, f->code_list, one, &local_error))
            {
              if (local_error)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              return invalid (error, f->id, one ? one : "");
            }
        }
    }
  return TRUE;
}

/* What the database itself would refuse (unknown codes, values out of range),
 * reported in words before it gets there. */
gboolean
_aimak_priority_check_storable (AimakDb             *db,
                                const AimakPriority *p,
                                GError             **error)
{
  GError *local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 n;

  if (aimak_field_text_is_blank (p->area_code))
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
                   _("A priority needs an area."));
      return FALSE;
    }
  if (!aimak_db_query_count (db, &n, error, "SELECT count(*) FROM area WHERE code = ?", "t",
                             p->area_code))
    return FALSE;
  if (n == 0)
    return invalid (error, "area_code", p->area_code);
  if (p->gender_marker < 0 || p->gender_marker > 2)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
                   _("Gender marker must be 0, 1 or 2."));
      return FALSE;
    }
  if (!check_codes (db, p, error))
    return FALSE;
  g_hash_table_iter_init (&iter, p->checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!aimak_code_list_contains (db, "checklist_item", key, &local_error))
        {
          if (local_error)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          return invalid (error, "checklist", key);
        }
      if (g_strcmp0 (value, AIMAK_CHECKLIST_YES) != 0 &&
          g_strcmp0 (value, AIMAK_CHECKLIST_PARTLY) != 0 &&
          g_strcmp0 (value, AIMAK_CHECKLIST_NO) != 0)
        return invalid (error, "checklist", value);
    }
  return TRUE;
}

/* The gate of the workflow: past draft only without problems. */
gboolean
_aimak_priority_check_status_gate (const AimakPriority *p,
                                   GError             **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) msg = NULL;

  if (!aimak_priority_status_is_final (p->status))
    return TRUE;
  problems = aimak_priority_validate (p);
  if (problems->len == 0)
    return TRUE;
  msg = g_string_new (NULL);
  g_string_printf (msg, _("The priority cannot be “%s” while it has problems:"),
                   aimak_priority_status_label (p->status));
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *problem = g_ptr_array_index (problems, i);
      g_string_append_printf (msg, "\n• %s", problem->message);
    }
  g_set_error_literal (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID, msg->str);
  return FALSE;
}

