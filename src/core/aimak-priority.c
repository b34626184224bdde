/* aimak-priority.c — the priority record, its gender-aware rules and its writes.
 * Every write is one transaction and leaves a trace in the change log, so the
 * history panel can show who changed what, and deletion can be undone. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-number.h"
#include "aimak-csv.h"
#include "aimak-lang.h"
#include "aimak-priority-private.h"
#include "aimak-db-private.h"

G_DEFINE_QUARK (aimak-priority-error-quark, aimak_priority_error)

#define ENTITY "priority"

#define PRIORITY_COLUMNS \
  "id, area_code, rank, title, problem, description, sector_code, gender_marker, " \
  "marker_justification, status, budget_kgs, funding_source, responsible, partners, " \
  "start_year, end_year, hearing_date, hearing_participants_f, hearing_participants_m, " \
  "kenesh_decision_no, kenesh_decision_date, is_demo, created_at, updated_at, deleted_at"

/* The eight items of the gender checklist (table checklist_item). */
static const char * const checklist_items[] = {
  "sex_disaggregated_data", "women_consulted", "stigma_addressed", "women_decide",
  "budget_benefits_women", "indicators_by_sex", "risks_assessed", "care_access", NULL
};

/* ------------------------------------------------------------------------ */
/* Memory                                                                    */

AimakPriorityIndicator *
aimak_priority_indicator_new (const char *name,
                              const char *unit)
{
  AimakPriorityIndicator *ind = g_new0 (AimakPriorityIndicator, 1);

  ind->name = g_strdup (name ? name : "");
  ind->unit = g_strdup (unit ? unit : "");
  ind->baseline_f = ind->baseline_m = NAN;
  ind->target_f = ind->target_m = NAN;
  ind->actual_f = ind->actual_m = NAN;
  return ind;
}

AimakPriorityIndicator *
aimak_priority_indicator_copy (const AimakPriorityIndicator *ind)
{
  AimakPriorityIndicator *copy;

  g_return_val_if_fail (ind != NULL, NULL);
  copy = g_memdup2 (ind, sizeof *ind);
  copy->name = g_strdup (ind->name);
  copy->unit = g_strdup (ind->unit);
  return copy;
}

void
aimak_priority_indicator_free (AimakPriorityIndicator *ind)
{
  if (ind == NULL)
    return;
  g_free (ind->name);
  g_free (ind->unit);
  g_free (ind);
}

static GHashTable *
checklist_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

AimakPriority *
aimak_priority_new (const char *area_code)
{
  AimakPriority *p = g_new0 (AimakPriority, 1);

  p->area_code = g_strdup (area_code);
  p->title = g_strdup ("");
  p->problem = g_strdup ("");
  p->description = g_strdup ("");
  p->marker_justification = g_strdup ("");
  p->status = g_strdup ("draft");
  p->budget_kgs = NAN;
  p->responsible = g_strdup ("");
  p->partners = g_strdup ("");
  p->hearing_participants_f = -1;
  p->hearing_participants_m = -1;
  p->kenesh_decision_no = g_strdup ("");
  p->target_groups = g_ptr_array_new_with_free_func (g_free);
  p->gcm = g_ptr_array_new_with_free_func (g_free);
  p->sdg = g_ptr_array_new_with_free_func (g_free);
  p->checklist = checklist_new ();
  p->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_priority_indicator_free);
  return p;
}

static GPtrArray *
strv_array_copy (const GPtrArray *src)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; src && i < src->len; i++)
    g_ptr_array_add (dst, g_strdup (g_ptr_array_index (src, i)));
  return dst;
}

AimakPriority *
aimak_priority_copy (const AimakPriority *p)
{
  AimakPriority *c;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (p != NULL, NULL);
  c = g_memdup2 (p, sizeof *p);
  c->id = g_strdup (p->id);
  c->area_code = g_strdup (p->area_code);
  c->title = g_strdup (p->title);
  c->problem = g_strdup (p->problem);
  c->description = g_strdup (p->description);
  c->sector_code = g_strdup (p->sector_code);
  c->marker_justification = g_strdup (p->marker_justification);
  c->status = g_strdup (p->status);
  c->funding_source = g_strdup (p->funding_source);
  c->responsible = g_strdup (p->responsible);
  c->partners = g_strdup (p->partners);
  c->hearing_date = g_strdup (p->hearing_date);
  c->kenesh_decision_no = g_strdup (p->kenesh_decision_no);
  c->kenesh_decision_date = g_strdup (p->kenesh_decision_date);
  c->created_at = g_strdup (p->created_at);
  c->updated_at = g_strdup (p->updated_at);
  c->deleted_at = g_strdup (p->deleted_at);
  c->target_groups = strv_array_copy (p->target_groups);
  c->gcm = strv_array_copy (p->gcm);
  c->sdg = strv_array_copy (p->sdg);
  c->checklist = checklist_new ();
  if (p->checklist)
    {
      g_hash_table_iter_init (&iter, p->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (c->checklist, g_strdup (key), g_strdup (value));
    }
  c->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_priority_indicator_free);
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    g_ptr_array_add (c->indicators,
                     aimak_priority_indicator_copy (g_ptr_array_index (p->indicators, i)));
  return c;
}

void
aimak_priority_free (AimakPriority *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->area_code);
  g_free (p->title);
  g_free (p->problem);
  g_free (p->description);
  g_free (p->sector_code);
  g_free (p->marker_justification);
  g_free (p->status);
  g_free (p->funding_source);
  g_free (p->responsible);
  g_free (p->partners);
  g_free (p->hearing_date);
  g_free (p->kenesh_decision_no);
  g_free (p->kenesh_decision_date);
  g_free (p->created_at);
  g_free (p->updated_at);
  g_free (p->deleted_at);
  g_clear_pointer (&p->target_groups, g_ptr_array_unref);
  g_clear_pointer (&p->gcm, g_ptr_array_unref);
  g_clear_pointer (&p->sdg, g_ptr_array_unref);
  g_clear_pointer (&p->checklist, g_hash_table_unref);
  g_clear_pointer (&p->indicators, g_ptr_array_unref);
  g_free (p);
}

void
aimak_change_free (AimakChange *change)
{
  if (change == NULL)
    return;
  g_free (change->ts);
  g_free (change->action);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* NULL for nullable text columns that are empty, so that "" and NULL are one value. */
static const char *
nullable (const char *s)
{
  return is_blank (s) ? NULL : s;
}

gboolean
aimak_date_is_valid (const char *date)
{
  return aimak_date_is_iso (date);
}

const char *
aimak_priority_get_answer (const AimakPriority *p,
                           const char          *item_code)
{
  g_return_val_if_fail (p != NULL, NULL);
  return p->checklist ? g_hash_table_lookup (p->checklist, item_code) : NULL;
}

void
aimak_priority_set_answer (AimakPriority *p,
                           const char    *item_code,
                           const char    *answer)
{
  g_return_if_fail (p != NULL && item_code != NULL);
  if (answer == NULL || *answer == '\0')
    g_hash_table_remove (p->checklist, item_code);
  else
    g_hash_table_replace (p->checklist, g_strdup (item_code), g_strdup (answer));
}

gboolean
aimak_priority_status_needs_decision (const char *status)
{
  return g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "in_progress") == 0 ||
         g_strcmp0 (status, "completed") == 0;
}

/* Draft and rejected may hold problems; every other status is a promise that
 * the priority is complete. */
gboolean
aimak_priority_status_is_final (const char *status)
{
  return g_strcmp0 (status, "draft") != 0 && g_strcmp0 (status, "rejected") != 0;
}

const char *
aimak_priority_status_label (const char *status)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "draft", N_("Draft") },
    { "proposed", N_("Proposed for public hearing") },
    { "approved", N_("Approved by local kenesh") },
    { "in_progress", N_("In progress") },
    { "completed", N_("Completed") },
    { "rejected", N_("Rejected") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].code) == 0)
      return _(labels[i].label);
  return status ? status : "";
}

const char *
aimak_priority_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "area_code", N_("Area") },
    { "rank", N_("Rank") },
    { "title", N_("Title") },
    { "problem", N_("Problem statement") },
    { "description", N_("Description") },
    { "sector_code", N_("Sector") },
    { "gender_marker", N_("Gender marker") },
    { "marker_justification", N_("Marker justification") },
    { "status", N_("Status") },
    { "budget_kgs", N_("Budget (KGS)") },
    { "funding_source", N_("Funding source") },
    { "responsible", N_("Responsible body") },
    { "partners", N_("Partners") },
    { "start_year", N_("Start year") },
    { "end_year", N_("End year") },
    { "hearing_date", N_("Public hearing date") },
    { "hearing_participants_f", N_("Women at the hearing") },
    { "hearing_participants_m", N_("Men at the hearing") },
    { "kenesh_decision_no", N_("Kenesh decision number") },
    { "kenesh_decision_date", N_("Kenesh decision date") },
    { "target_groups", N_("Target groups") },
    { "gcm", N_("GCM objectives") },
    { "sdg", N_("SDG targets") },
    { "checklist", N_("Gender checklist") },
    { "indicators", N_("Indicators") },
    { "deleted_at", N_("Deleted") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);
  return field ? field : "";
}

/* ------------------------------------------------------------------------ */
/* Rules                                                                     */

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

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  aimak_problem_list_add (problems, field, message);
}

static gboolean
indicator_is_sex_disaggregated (const AimakPriorityIndicator *ind)
{
  return !isnan (ind->baseline_f) && !isnan (ind->baseline_m) &&
         !isnan (ind->target_f) && !isnan (ind->target_m);
}

static gboolean
year_in_range (int year)
{
  return year >= 1990 && year <= 2100;
}

/* Plausible numbers and clean text (aimak-number.h): a budget of 1e308, a
 * count of 10^12 people, a percentage of 250, a NUL or control character. */
static void
check_input (const AimakPriority *p,
             GPtrArray           *problems)
{
  static const struct { const char *field; gsize offset; gboolean multiline; } texts[] = {
    { "title", G_STRUCT_OFFSET (AimakPriority, title), FALSE },
    { "problem", G_STRUCT_OFFSET (AimakPriority, problem), TRUE },
    { "description", G_STRUCT_OFFSET (AimakPriority, description), TRUE },
    { "marker_justification", G_STRUCT_OFFSET (AimakPriority, marker_justification), TRUE },
    { "funding_source", G_STRUCT_OFFSET (AimakPriority, funding_source), FALSE },
    { "responsible", G_STRUCT_OFFSET (AimakPriority, responsible), FALSE },
    { "partners", G_STRUCT_OFFSET (AimakPriority, partners), TRUE },
    { "kenesh_decision_no", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_no), FALSE },
  };
  const struct { const char *field; int value; } counts[] = {
    { "hearing_participants_f", p->hearing_participants_f },
    { "hearing_participants_m", p->hearing_participants_m },
  };
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!aimak_text_check (G_STRUCT_MEMBER (char *, p, texts[i].offset), -1, texts[i].multiline,
                           aimak_priority_field_label (texts[i].field), &error))
      {
        add_problem (problems, texts[i].field, error->message);
        g_clear_error (&error);
      }
  if (!isnan (p->budget_kgs) && p->budget_kgs >= 0 && !isinf (p->budget_kgs) &&
      !aimak_number_check (p->budget_kgs, AIMAK_NUMBER_MONEY,
                           aimak_priority_field_label ("budget_kgs"), &error))
    {
      add_problem (problems, "budget_kgs", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i].value >= 0 &&
        !aimak_number_check (counts[i].value, AIMAK_NUMBER_COUNT,
                             aimak_priority_field_label (counts[i].field), &error))
      {
        add_problem (problems, counts[i].field, error->message);
        g_clear_error (&error);
      }
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
          add_problem (problems, "indicators", error->message);
          g_clear_error (&error);
        }
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (!isnan (values[v]) && !aimak_number_check (values[v], kind, label, &error))
          {
            add_problem (problems, "indicators", error->message);
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

GPtrArray *
aimak_priority_validate (const AimakPriority *p)
{
  GPtrArray *problems = aimak_problem_list_new ();
  int suggested;

  g_return_val_if_fail (p != NULL, problems);

  if (is_blank (p->title))
    add_problem (problems, "title", _("Title is required."));

  if (p->start_year != 0 && !year_in_range (p->start_year))
    add_problem (problems, "start_year", _("Start year must be between 1990 and 2100."));
  if (p->end_year != 0 && !year_in_range (p->end_year))
    add_problem (problems, "end_year", _("End year must be between 1990 and 2100."));
  else if (p->start_year != 0 && p->end_year != 0 && p->end_year < p->start_year)
    add_problem (problems, "end_year", _("End year must not be before the start year."));

  if (!isnan (p->budget_kgs) && (p->budget_kgs < 0 || isinf (p->budget_kgs)))
    add_problem (problems, "budget_kgs", _("Budget must not be negative."));

  if (p->hearing_participants_f < -1)
    add_problem (problems, "hearing_participants_f",
                 _("The number of women at the public hearing must not be negative."));
  if (p->hearing_participants_m < -1)
    add_problem (problems, "hearing_participants_m",
                 _("The number of men at the public hearing must not be negative."));
  if (!is_blank (p->hearing_date) && !aimak_date_is_valid (p->hearing_date))
    add_problem (problems, "hearing_date",
                 _("Public hearing date is not a valid date (YYYY-MM-DD)."));

  /* Gender marker rules of DESIGN.md. */
  suggested = aimak_priority_suggest_marker (p);
  if (p->gender_marker < 0 || p->gender_marker > 2)
    add_problem (problems, "gender_marker", _("Gender marker must be 0, 1 or 2."));
  else if (p->gender_marker > 0 && is_blank (p->marker_justification))
    {
      if (p->gender_marker > suggested)
        {
          g_autofree char *msg =
            g_strdup_printf (_("The gender checklist supports marker %d: explain in the "
                               "justification why the marker is %d."),
                             suggested, p->gender_marker);
          add_problem (problems, "marker_justification", msg);
        }
      else
        add_problem (problems, "marker_justification",
                     _("Gender marker 1 or 2 needs a justification."));
    }
  if (p->gender_marker == 2)
    {
      gboolean has_indicator = FALSE;

      if (p->target_groups == NULL || p->target_groups->len == 0)
        add_problem (problems, "target_groups",
                     _("Gender marker 2 needs at least one target group."));
      for (guint i = 0; p->indicators && i < p->indicators->len; i++)
        has_indicator |= indicator_is_sex_disaggregated (g_ptr_array_index (p->indicators, i));
      if (!has_indicator)
        add_problem (problems, "indicators",
                     _("Gender marker 2 needs an indicator with baseline and target "
                       "for both women and men."));
      if (g_strcmp0 (aimak_priority_get_answer (p, "women_consulted"), AIMAK_CHECKLIST_YES) != 0)
        {
          g_autofree char *item = checklist_item_name ("women_consulted");
          /* Translators: %s is the checklist item as the checklist names it */
          g_autofree char *msg = g_strdup_printf (_("Gender marker 2 needs a “yes” on the "
                                                    "checklist item “%s”."), item);

          add_problem (problems, "checklist", msg);
        }
    }

  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);

      if (is_blank (ind->name))
        {
          add_problem (problems, "indicators", _("Every indicator needs a name."));
          break;
        }
    }

  /* A kenesh decision makes a priority approved. */
  if (aimak_priority_status_needs_decision (p->status))
    {
      if (is_blank (p->kenesh_decision_no))
        add_problem (problems, "kenesh_decision_no",
                     _("An approved priority needs the number of the kenesh decision."));
      if (is_blank (p->kenesh_decision_date))
        add_problem (problems, "kenesh_decision_date",
                     _("An approved priority needs the date of the kenesh decision."));
    }
  if (!is_blank (p->kenesh_decision_date) && !aimak_date_is_valid (p->kenesh_decision_date))
    add_problem (problems, "kenesh_decision_date",
                 _("Kenesh decision date is not a valid date (YYYY-MM-DD)."));
  check_input (p, problems);

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
/* Text forms for the change log                                            */

static int
compare_str_ptr (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that the order in which codes were picked is not a change. */
static char *
codes_text (const GPtrArray *codes)
{
  g_autoptr(GPtrArray) sorted = strv_array_copy (codes);
  GString *s = g_string_new (NULL);

  g_ptr_array_sort (sorted, compare_str_ptr);
  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0 && g_strcmp0 (g_ptr_array_index (sorted, i), g_ptr_array_index (sorted, i - 1)) == 0)
        continue;
      if (s->len)
        g_string_append_c (s, ',');
      g_string_append (s, g_ptr_array_index (sorted, i));
    }
  return g_string_free (s, FALSE);
}

char *
_aimak_priority_checklist_text (GHashTable *checklist)
{
  GString *s = g_string_new (NULL);
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  if (checklist)
    keys = g_hash_table_get_keys_as_array (checklist, &n);
  if (keys)
    qsort (keys, n, sizeof (gpointer), compare_str_ptr);
  for (guint i = 0; i < n; i++)
    {
      if (s->len)
        g_string_append_c (s, ',');
      g_string_append_printf (s, "%s=%s", (char *) keys[i],
                              (char *) g_hash_table_lookup (checklist, keys[i]));
    }
  return g_string_free (s, FALSE);
}

static char *
double_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return NULL;
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

static void
append_number (GString    *s,
               const char *sep,
               double      v)
{
  g_autofree char *t = double_text (v);

  g_string_append_printf (s, "%s%s", sep, t ? t : "");
}

/* "name [unit] F baseline→target (actual), M ...; next", readable in the history. */
char *
_aimak_priority_indicators_text (const GPtrArray *indicators)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; indicators && i < indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (indicators, i);

      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, ind->name);
      if (*ind->unit)
        g_string_append_printf (s, " [%s]", ind->unit);
      append_number (s, " F ", ind->baseline_f);
      append_number (s, "→", ind->target_f);
      append_number (s, "/", ind->actual_f);
      append_number (s, " M ", ind->baseline_m);
      append_number (s, "→", ind->target_m);
      append_number (s, "/", ind->actual_m);
    }
  return g_string_free (s, FALSE);
}

static char *
int_text (int v,
          int empty)
{
  return v == empty ? NULL : g_strdup_printf ("%d", v);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static AimakPriority *
priority_from_stmt (AimakStmt *st)
{
  AimakPriority *p = aimak_priority_new (NULL);

#define COL_TEXT_OR_NULL(i) \
  (sqlite3_column_type (st, (i)) == SQLITE_NULL ? NULL : g_strdup (aimak_stmt_text (st, (i))))
#define SET_TEXT(field, i) G_STMT_START { g_free (p->field); \
    p->field = g_strdup (aimak_stmt_text (st, (i))); } G_STMT_END

  p->id = g_strdup (aimak_stmt_text (st, 0));
  p->area_code = g_strdup (aimak_stmt_text (st, 1));
  p->rank = sqlite3_column_int (st, 2);
  SET_TEXT (title, 3);
  SET_TEXT (problem, 4);
  SET_TEXT (description, 5);
  p->sector_code = COL_TEXT_OR_NULL (6);
  p->gender_marker = sqlite3_column_int (st, 7);
  SET_TEXT (marker_justification, 8);
  SET_TEXT (status, 9);
  p->budget_kgs = aimak_stmt_double_or_nan (st, 10);
  p->funding_source = COL_TEXT_OR_NULL (11);
  SET_TEXT (responsible, 12);
  SET_TEXT (partners, 13);
  p->start_year = aimak_stmt_int_or (st, 14, 0);
  p->end_year = aimak_stmt_int_or (st, 15, 0);
  p->hearing_date = COL_TEXT_OR_NULL (16);
  p->hearing_participants_f = aimak_stmt_int_or (st, 17, -1);
  p->hearing_participants_m = aimak_stmt_int_or (st, 18, -1);
  SET_TEXT (kenesh_decision_no, 19);
  p->kenesh_decision_date = COL_TEXT_OR_NULL (20);
  p->is_demo = sqlite3_column_int (st, 21) != 0;
  p->created_at = g_strdup (aimak_stmt_text (st, 22));
  p->updated_at = g_strdup (aimak_stmt_text (st, 23));
  p->deleted_at = COL_TEXT_OR_NULL (24);

#undef COL_TEXT_OR_NULL
#undef SET_TEXT
  return p;
}

static gboolean
load_codes (AimakDb    *db,
            const char *sql,
            const char *id,
            GPtrArray  *into,
            GError    **error)
{
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, error, sql, "t", id);
  GError *local_error = NULL;

  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    g_ptr_array_add (into, g_strdup (aimak_stmt_text (st, 0)));
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_links (AimakDb       *db,
            AimakPriority *p,
            GError       **error)
{
  GError *local_error = NULL;

  if (!load_codes (db, "SELECT l.group_code FROM priority_target_group l "
                       "LEFT JOIN target_group t ON t.code = l.group_code "
                       "WHERE l.priority_id = ? ORDER BY t.sort, l.group_code",
                   p->id, p->target_groups, error) ||
      !load_codes (db, "SELECT l.objective_code FROM priority_gcm l "
                       "LEFT JOIN gcm_objective t ON t.code = l.objective_code "
                       "WHERE l.priority_id = ? ORDER BY t.sort, l.objective_code",
                   p->id, p->gcm, error) ||
      !load_codes (db, "SELECT l.target_code FROM priority_sdg l "
                       "LEFT JOIN sdg_target t ON t.code = l.target_code "
                       "WHERE l.priority_id = ? ORDER BY t.sort, l.target_code",
                   p->id, p->sdg, error))
    return FALSE;

  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT item_code, answer FROM priority_checklist "
                                                "WHERE priority_id = ?", "t", p->id);
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, &local_error))
      aimak_priority_set_answer (p, aimak_stmt_text (st, 0), aimak_stmt_text (st, 1));
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
  }
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT name, unit, baseline_f, baseline_m, "
                                                "target_f, target_m, actual_f, actual_m "
                                                "FROM priority_indicator WHERE priority_id = ? "
                                                "ORDER BY position, id", "t", p->id);
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, &local_error))
      {
        AimakPriorityIndicator *ind = aimak_priority_indicator_new (aimak_stmt_text (st, 0),
                                                                    aimak_stmt_text (st, 1));
        ind->baseline_f = aimak_stmt_double_or_nan (st, 2);
        ind->baseline_m = aimak_stmt_double_or_nan (st, 3);
        ind->target_f = aimak_stmt_double_or_nan (st, 4);
        ind->target_m = aimak_stmt_double_or_nan (st, 5);
        ind->actual_f = aimak_stmt_double_or_nan (st, 6);
        ind->actual_m = aimak_stmt_double_or_nan (st, 7);
        g_ptr_array_add (p->indicators, ind);
      }
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
  }
  return TRUE;
}

AimakPriority *
aimak_priority_load (AimakDb    *db,
                     const char *id,
                     GError    **error)
{
  g_autoptr(AimakPriority) p = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id != NULL)
    {
      g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                  "SELECT " PRIORITY_COLUMNS
                                                  " FROM priority WHERE id = ?", "t", id);
      if (st == NULL)
        return NULL;
      if (aimak_stmt_next (st, &local_error))
        p = priority_from_stmt (st);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (p == NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority “%s” does not exist."), id ? id : "");
      return NULL;
    }
  if (!load_links (db, p, error))
    return NULL;
  return g_steal_pointer (&p);
}

/* ------------------------------------------------------------------------ */
/* Checks that need the database                                             */

static gboolean
code_exists (AimakDb    *db,
             const char *sql,
             const char *code,
             GError    **error)
{
  return aimak_db_query_int (db, 0, error, sql, "t", code) > 0;
}

static gboolean
invalid (GError    **error,
         const char *field,
         const char *code)
{
  g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
               _("%s: unknown code “%s”."), aimak_priority_field_label (field), code);
  return FALSE;
}

/* What the database itself would refuse (unknown codes, values out of range),
 * reported in words before it gets there. */
static gboolean
check_storable (AimakDb             *db,
                const AimakPriority *p,
                GError             **error)
{
  static const struct { const char *field; const char *sql; } lists[] = {
    { "target_groups", "SELECT count(*) FROM target_group WHERE code = ?" },
    { "gcm", "SELECT count(*) FROM gcm_objective WHERE code = ?" },
    { "sdg", "SELECT count(*) FROM sdg_target WHERE code = ?" },
  };
  GError *local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;

#define CHECK(cond, field, code) G_STMT_START { \
    gboolean ok_ = (cond); \
    if (local_error) { g_propagate_error (error, local_error); return FALSE; } \
    if (!ok_) return invalid (error, field, code); } G_STMT_END

  if (is_blank (p->area_code))
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
                   _("A priority needs an area."));
      return FALSE;
    }
  CHECK (code_exists (db, "SELECT count(*) FROM area WHERE code = ?", p->area_code,
                      &local_error), "area_code", p->area_code);
  if (p->gender_marker < 0 || p->gender_marker > 2)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
                   _("Gender marker must be 0, 1 or 2."));
      return FALSE;
    }
  CHECK (code_exists (db, "SELECT count(*) FROM status WHERE code = ?", p->status,
                      &local_error), "status", p->status ? p->status : "");
  if (nullable (p->sector_code))
    CHECK (code_exists (db, "SELECT count(*) FROM sector WHERE code = ?", p->sector_code,
                        &local_error), "sector_code", p->sector_code);
  if (nullable (p->funding_source))
    CHECK (code_exists (db, "SELECT count(*) FROM funding_source WHERE code = ?",
                        p->funding_source, &local_error), "funding_source", p->funding_source);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GPtrArray *codes = l == 0 ? p->target_groups : l == 1 ? p->gcm : p->sdg;

      for (guint i = 0; codes && i < codes->len; i++)
        CHECK (code_exists (db, lists[l].sql, g_ptr_array_index (codes, i), &local_error),
               lists[l].field, (const char *) g_ptr_array_index (codes, i));
    }
  g_hash_table_iter_init (&iter, p->checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CHECK (code_exists (db, "SELECT count(*) FROM checklist_item WHERE code = ?", key,
                          &local_error), "checklist", (const char *) key);
      if (g_strcmp0 (value, AIMAK_CHECKLIST_YES) != 0 &&
          g_strcmp0 (value, AIMAK_CHECKLIST_PARTLY) != 0 &&
          g_strcmp0 (value, AIMAK_CHECKLIST_NO) != 0)
        return invalid (error, "checklist", value);
    }
#undef CHECK
  return TRUE;
}

/* The gate of the workflow: past draft only without problems. */
static gboolean
check_status_gate (const AimakPriority *p,
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

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static gboolean
write_codes (AimakDb         *db,
             const char      *delete_sql,
             const char      *insert_sql,
             const char      *id,
             const GPtrArray *codes,
             GError         **error)
{
  if (!aimak_db_exec (db, error, delete_sql, "t", id))
    return FALSE;
  for (guint i = 0; codes && i < codes->len; i++)
    if (!aimak_db_exec (db, error, insert_sql, "tt", id, g_ptr_array_index (codes, i)))
      return FALSE;
  return TRUE;
}

static gboolean
write_target_groups (AimakDb *db, const AimakPriority *p, GError **error)
{
  return write_codes (db, "DELETE FROM priority_target_group WHERE priority_id = ?",
                      "INSERT OR IGNORE INTO priority_target_group (priority_id, group_code) "
                      "VALUES (?, ?)", p->id, p->target_groups, error);
}

static gboolean
write_gcm (AimakDb *db, const AimakPriority *p, GError **error)
{
  return write_codes (db, "DELETE FROM priority_gcm WHERE priority_id = ?",
                      "INSERT OR IGNORE INTO priority_gcm (priority_id, objective_code) "
                      "VALUES (?, ?)", p->id, p->gcm, error);
}

static gboolean
write_sdg (AimakDb *db, const AimakPriority *p, GError **error)
{
  return write_codes (db, "DELETE FROM priority_sdg WHERE priority_id = ?",
                      "INSERT OR IGNORE INTO priority_sdg (priority_id, target_code) "
                      "VALUES (?, ?)", p->id, p->sdg, error);
}

static gboolean
write_checklist (AimakDb *db, const AimakPriority *p, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!aimak_db_exec (db, error, "DELETE FROM priority_checklist WHERE priority_id = ?",
                      "t", p->id))
    return FALSE;
  g_hash_table_iter_init (&iter, p->checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!aimak_db_exec (db, error,
                        "INSERT INTO priority_checklist (priority_id, item_code, answer) "
                        "VALUES (?, ?, ?)", "ttt", p->id, key, value))
      return FALSE;
  return TRUE;
}

static gboolean
write_indicators (AimakDb *db, const AimakPriority *p, GError **error)
{
  if (!aimak_db_exec (db, error, "DELETE FROM priority_indicator WHERE priority_id = ?",
                      "t", p->id))
    return FALSE;
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);

      if (!aimak_db_exec (db, error,
                          "INSERT INTO priority_indicator (priority_id, position, name, unit, "
                          "baseline_f, baseline_m, target_f, target_m, actual_f, actual_m) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "tittdddddd",
                          p->id, (int) i, ind->name ? ind->name : "",
                          ind->unit ? ind->unit : "",
                          ind->baseline_f, ind->baseline_m, ind->target_f, ind->target_m,
                          ind->actual_f, ind->actual_m))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_all_links (AimakDb *db, const AimakPriority *p, GError **error)
{
  return write_target_groups (db, p, error) && write_gcm (db, p, error) &&
         write_sdg (db, p, error) && write_checklist (db, p, error) &&
         write_indicators (db, p, error);
}

static gboolean
insert_row (AimakDb             *db,
            const AimakPriority *p,
            GError             **error)
{
  return aimak_db_exec (db, error,
                        "INSERT INTO priority (" PRIORITY_COLUMNS ") VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "ttittttittdtttjjtjjttbttt",
                        p->id, p->area_code, p->rank, p->title ? p->title : "",
                        p->problem ? p->problem : "", p->description ? p->description : "",
                        nullable (p->sector_code), p->gender_marker,
                        p->marker_justification ? p->marker_justification : "",
                        p->status, p->budget_kgs, nullable (p->funding_source),
                        p->responsible ? p->responsible : "", p->partners ? p->partners : "",
                        p->start_year ? p->start_year : G_MININT,
                        p->end_year ? p->end_year : G_MININT,
                        nullable (p->hearing_date),
                        p->hearing_participants_f == -1 ? G_MININT : p->hearing_participants_f,
                        p->hearing_participants_m == -1 ? G_MININT : p->hearing_participants_m,
                        p->kenesh_decision_no ? p->kenesh_decision_no : "",
                        nullable (p->kenesh_decision_date), p->is_demo, p->created_at,
                        p->updated_at, p->deleted_at);
}

static int
count_in_area (AimakDb    *db,
               const char *area_code,
               GError    **error)
{
  return (int) aimak_db_query_int (db, 0, error,
                                   "SELECT count(*) FROM priority "
                                   "WHERE area_code = ? AND deleted_at IS NULL",
                                   "t", area_code);
}

/* Runs @body inside one transaction: commit on success, rollback on failure. */
typedef gboolean (*TxBody) (AimakDb *db, gpointer data, GError **error);

static gboolean
in_transaction (AimakDb  *db,
                TxBody    body,
                gpointer  data,
                GError  **error)
{
  if (!aimak_db_begin (db, error))
    return FALSE;
  if (!body (db, data, error))
    {
      aimak_db_rollback (db);
      return FALSE;
    }
  return aimak_db_commit (db, error);
}

static gboolean
create_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakPriority *p = data;
  GError *local_error = NULL;
  int n;

  if (!check_storable (db, p, error) || !check_status_gate (p, error))
    return FALSE;
  n = count_in_area (db, p->area_code, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  p->rank = n + 1;
  return insert_row (db, p, error) && write_all_links (db, p, error) &&
         aimak_db_log_change (db, ENTITY, p->id, "create", "", NULL, p->title, error);
}

gboolean
aimak_priority_create (AimakDb       *db,
                       AimakPriority *p,
                       GError       **error)
{
  g_autoptr(AimakPriority) work = NULL;

  g_return_val_if_fail (db != NULL && p != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Work on a copy so that @p is untouched when the write fails. */
  work = aimak_priority_copy (p);
  g_free (work->id);
  work->id = aimak_uuid_new ();
  g_free (work->created_at);
  work->created_at = aimak_db_now ();
  g_free (work->updated_at);
  work->updated_at = g_strdup (work->created_at);
  g_clear_pointer (&work->deleted_at, g_free);
  if (work->status == NULL)
    work->status = g_strdup ("draft");

  if (!in_transaction (db, create_body, work, error))
    return FALSE;

  g_free (p->id);
  p->id = g_steal_pointer (&work->id);
  p->rank = work->rank;
  g_free (p->created_at);
  p->created_at = g_steal_pointer (&work->created_at);
  g_free (p->updated_at);
  p->updated_at = g_steal_pointer (&work->updated_at);
  g_clear_pointer (&p->deleted_at, g_free);
  if (p->status == NULL)
    p->status = g_strdup ("draft");
  return TRUE;
}

/* One scalar column of the diff. */
typedef struct
{
  const char *field;
  char       *old_text;
  char       *new_text;
} Diff;

static void
diff_clear (gpointer data)
{
  Diff *d = data;

  g_free (d->old_text);
  g_free (d->new_text);
}

static void
diff_add (GArray     *diffs,
          const char *field,
          char       *old_text,
          char       *new_text)
{
  Diff d = { field, old_text, new_text };

  if (g_strcmp0 (old_text, new_text) == 0)
    {
      g_free (old_text);
      g_free (new_text);
      return;
    }
  g_array_append_val (diffs, d);
}

static char *
text_or_null (const char *s,
              gboolean    is_nullable)
{
  if (is_nullable)
    return g_strdup (nullable (s));
  return g_strdup (s ? s : "");
}

static GArray *
compute_diff (const AimakPriority *old,
              const AimakPriority *p)
{
  GArray *diffs = g_array_new (FALSE, TRUE, sizeof (Diff));

  g_array_set_clear_func (diffs, diff_clear);
#define DIFF_TEXT(f, n) diff_add (diffs, #f, text_or_null (old->f, n), text_or_null (p->f, n))
  DIFF_TEXT (area_code, FALSE);
  DIFF_TEXT (title, FALSE);
  DIFF_TEXT (problem, FALSE);
  DIFF_TEXT (description, FALSE);
  DIFF_TEXT (sector_code, TRUE);
  diff_add (diffs, "gender_marker", int_text (old->gender_marker, G_MININT),
            int_text (p->gender_marker, G_MININT));
  DIFF_TEXT (marker_justification, FALSE);
  DIFF_TEXT (status, FALSE);
  diff_add (diffs, "budget_kgs", double_text (old->budget_kgs), double_text (p->budget_kgs));
  DIFF_TEXT (funding_source, TRUE);
  DIFF_TEXT (responsible, FALSE);
  DIFF_TEXT (partners, FALSE);
  diff_add (diffs, "start_year", int_text (old->start_year, 0), int_text (p->start_year, 0));
  diff_add (diffs, "end_year", int_text (old->end_year, 0), int_text (p->end_year, 0));
  DIFF_TEXT (hearing_date, TRUE);
  diff_add (diffs, "hearing_participants_f", int_text (old->hearing_participants_f, -1),
            int_text (p->hearing_participants_f, -1));
  diff_add (diffs, "hearing_participants_m", int_text (old->hearing_participants_m, -1),
            int_text (p->hearing_participants_m, -1));
  DIFF_TEXT (kenesh_decision_no, FALSE);
  DIFF_TEXT (kenesh_decision_date, TRUE);
#undef DIFF_TEXT
  diff_add (diffs, "target_groups", codes_text (old->target_groups), codes_text (p->target_groups));
  diff_add (diffs, "gcm", codes_text (old->gcm), codes_text (p->gcm));
  diff_add (diffs, "sdg", codes_text (old->sdg), codes_text (p->sdg));
  diff_add (diffs, "checklist", _aimak_priority_checklist_text (old->checklist), _aimak_priority_checklist_text (p->checklist));
  diff_add (diffs, "indicators", _aimak_priority_indicators_text (old->indicators),
            _aimak_priority_indicators_text (p->indicators));
  return diffs;
}

typedef struct
{
  AimakPriority *p;
  char          *now;
  gboolean       changed;
  gint64        *burst;         /* NULL: every change gets its own log row */
} UpdateData;

gboolean
aimak_change_log_burst (AimakDb     *db,
                        const char  *entity,
                        const char  *entity_id,
                        const char  *field,
                        const char  *old_value,
                        const char  *new_value,
                        gint64      *burst,
                        GError     **error)
{
  GError *local_error = NULL;
  gint64 newest;
  g_autofree char *newest_field = NULL;
  g_autofree char *first_value = NULL;

  g_return_val_if_fail (db != NULL && burst != NULL, FALSE);

  newest = *burst > 0 ? aimak_db_query_int (db, 0, &local_error,
                                            "SELECT max(id) FROM change_log WHERE entity = ? "
                                            "AND entity_id = ?", "tt", entity, entity_id)
                      : 0;
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (newest > 0 && newest == *burst)
    newest_field = aimak_db_query_text (db, NULL, "SELECT field FROM change_log WHERE id = ? "
                                        "AND action = 'update'", "j", newest);
  if (newest_field && g_strcmp0 (newest_field, field) == 0)
    {
      g_autofree char *now = aimak_db_now ();

      /* Still the same burst of typing in the same field: one row for all of it. */
      first_value = aimak_db_query_text (db, NULL, "SELECT old_value FROM change_log "
                                         "WHERE id = ?", "j", newest);
      if (g_strcmp0 (first_value ? first_value : "", new_value ? new_value : "") == 0)
        {
          *burst = 0;
          return aimak_db_exec (db, error, "DELETE FROM change_log WHERE id = ?", "j", newest);
        }
      return aimak_db_exec (db, error, "UPDATE change_log SET new_value = ?, ts = ? "
                            "WHERE id = ?", "ttj", new_value, now, newest);
    }
  if (!aimak_db_log_change (db, entity, entity_id, "update", field, old_value, new_value, error))
    return FALSE;
  *burst = aimak_db_query_int (db, 0, NULL, "SELECT last_insert_rowid()", "");
  return TRUE;
}

static gboolean
update_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  UpdateData *u = data;
  AimakPriority *p = u->p;
  g_autoptr(AimakPriority) old = NULL;
  g_autoptr(GArray) diffs = NULL;
  gboolean area_changed;

  old = aimak_priority_load (db, p->id, error);
  if (old == NULL)
    return FALSE;
  if (old->deleted_at != NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority “%s” has been deleted: restore it before editing."),
                   old->title);
      return FALSE;
    }
  diffs = compute_diff (old, p);
  if (diffs->len == 0)
    return TRUE;
  if (!check_storable (db, p, error) || !check_status_gate (p, error))
    return FALSE;

  /* A priority that changes area leaves a gap there and joins the end of the new one. */
  area_changed = g_strcmp0 (old->area_code, p->area_code) != 0;
  if (area_changed)
    {
      GError *local_error = NULL;
      int n = count_in_area (db, p->area_code, &local_error);

      if (local_error)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (!aimak_db_exec (db, error,
                          "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                          "AND deleted_at IS NULL AND rank > ?", "ti", old->area_code, old->rank))
        return FALSE;
      p->rank = n + 1;
    }
  else
    p->rank = old->rank;

  if (!aimak_db_exec (db, error,
                      "UPDATE priority SET area_code = ?, rank = ?, title = ?, problem = ?, "
                      "description = ?, sector_code = ?, gender_marker = ?, "
                      "marker_justification = ?, status = ?, budget_kgs = ?, "
                      "funding_source = ?, responsible = ?, partners = ?, start_year = ?, "
                      "end_year = ?, hearing_date = ?, hearing_participants_f = ?, "
                      "hearing_participants_m = ?, kenesh_decision_no = ?, "
                      "kenesh_decision_date = ?, updated_at = ? WHERE id = ?",
                      "tittttittdtttjjtjjtttt",
                      p->area_code, p->rank, p->title ? p->title : "",
                      p->problem ? p->problem : "", p->description ? p->description : "",
                      nullable (p->sector_code), p->gender_marker,
                      p->marker_justification ? p->marker_justification : "",
                      p->status, p->budget_kgs, nullable (p->funding_source),
                      p->responsible ? p->responsible : "", p->partners ? p->partners : "",
                      p->start_year ? p->start_year : G_MININT,
                      p->end_year ? p->end_year : G_MININT,
                      nullable (p->hearing_date),
                      p->hearing_participants_f == -1 ? G_MININT : p->hearing_participants_f,
                      p->hearing_participants_m == -1 ? G_MININT : p->hearing_participants_m,
                      p->kenesh_decision_no ? p->kenesh_decision_no : "",
                      nullable (p->kenesh_decision_date), u->now, p->id))
    return FALSE;

  for (guint i = 0; i < diffs->len; i++)
    {
      Diff *d = &g_array_index (diffs, Diff, i);
      gboolean ok = TRUE;

      if (g_str_equal (d->field, "target_groups"))
        ok = write_target_groups (db, p, error);
      else if (g_str_equal (d->field, "gcm"))
        ok = write_gcm (db, p, error);
      else if (g_str_equal (d->field, "sdg"))
        ok = write_sdg (db, p, error);
      else if (g_str_equal (d->field, "checklist"))
        ok = write_checklist (db, p, error);
      else if (g_str_equal (d->field, "indicators"))
        ok = write_indicators (db, p, error);
      if (!ok)
        return FALSE;
      /* One field changed by the editor's burst of typing: fold it into the burst's row. */
      if (u->burst && diffs->len == 1 && !area_changed)
        ok = aimak_change_log_burst (db, ENTITY, p->id, d->field, d->old_text, d->new_text,
                                     u->burst, error);
      else
        ok = aimak_db_log_change (db, ENTITY, p->id, "update", d->field, d->old_text,
                                  d->new_text, error);
      if (!ok)
        return FALSE;
    }
  /* A change of several fields at once is no part of a burst of typing. */
  if (u->burst && (diffs->len != 1 || area_changed))
    *u->burst = 0;
  if (area_changed)
    {
      g_autofree char *old_rank = g_strdup_printf ("%d", old->rank);
      g_autofree char *new_rank = g_strdup_printf ("%d", p->rank);

      if (!aimak_db_log_change (db, ENTITY, p->id, "update", "rank", old_rank, new_rank, error))
        return FALSE;
    }
  u->changed = TRUE;
  return TRUE;
}

static gboolean
update_priority (AimakDb       *db,
                 AimakPriority *p,
                 gint64        *burst,
                 GError       **error)
{
  UpdateData u = { 0 };
  int old_rank;
  gint64 old_burst;

  g_return_val_if_fail (db != NULL && p != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (p->id == NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has not been saved yet."));
      return FALSE;
    }

  old_rank = p->rank;
  old_burst = burst ? *burst : 0;
  u.p = p;
  u.burst = burst;
  u.now = aimak_db_now ();
  if (!in_transaction (db, update_body, &u, error))
    {
      if (burst)
        *burst = old_burst;   /* what the rolled-back transaction wrote is gone */
      p->rank = old_rank;
      g_free (u.now);
      return FALSE;
    }
  if (u.changed)
    {
      g_free (p->updated_at);
      p->updated_at = g_steal_pointer (&u.now);
    }
  g_free (u.now);
  return TRUE;
}

gboolean
aimak_priority_update (AimakDb       *db,
                       AimakPriority *p,
                       GError       **error)
{
  return update_priority (db, p, NULL, error);
}

gboolean
aimak_priority_update_burst (AimakDb       *db,
                             AimakPriority *p,
                             gint64        *burst,
                             GError       **error)
{
  g_return_val_if_fail (burst != NULL, FALSE);
  return update_priority (db, p, burst, error);
}

typedef struct
{
  const char *id;
  int         delta;
  char       *new_id;
} RankData;

/* Reads area, rank and deleted_at of @id. */
static gboolean
get_place (AimakDb     *db,
           const char  *id,
           char       **area_code,
           int         *rank,
           gboolean    *deleted,
           char       **title,
           GError     **error)
{
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                              "SELECT area_code, rank, deleted_at IS NOT NULL, "
                                              "title FROM priority WHERE id = ?", "t", id);
  GError *local_error = NULL;

  if (st == NULL)
    return FALSE;
  if (!aimak_stmt_next (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                     _("The priority “%s” does not exist."), id);
      return FALSE;
    }
  *area_code = g_strdup (aimak_stmt_text (st, 0));
  *rank = sqlite3_column_int (st, 1);
  *deleted = sqlite3_column_int (st, 2) != 0;
  if (title)
    *title = g_strdup (aimak_stmt_text (st, 3));
  return TRUE;
}

static gboolean
delete_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *now = aimak_db_now ();
  int rank;
  gboolean deleted;

  if (!get_place (db, r->id, &area, &rank, &deleted, NULL, error))
    return FALSE;
  if (deleted)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has already been deleted."));
      return FALSE;
    }
  /* The deleted row keeps its rank, which is where undelete puts it back. */
  return aimak_db_exec (db, error, "UPDATE priority SET deleted_at = ?, updated_at = ? "
                        "WHERE id = ?", "ttt", now, now, r->id) &&
         aimak_db_exec (db, error, "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                        "AND deleted_at IS NULL AND rank > ?", "ti", area, rank) &&
         aimak_db_log_change (db, ENTITY, r->id, "delete", "deleted_at", NULL, now, error);
}

gboolean
aimak_priority_delete (AimakDb    *db,
                       const char *id,
                       GError    **error)
{
  RankData r = { id, 0, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return in_transaction (db, delete_body, &r, error);
}

static gboolean
undelete_body (AimakDb  *db,
               gpointer  data,
               GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *old_deleted = NULL;
  g_autofree char *now = aimak_db_now ();
  GError *local_error = NULL;
  int rank, n;
  gboolean deleted;

  if (!get_place (db, r->id, &area, &rank, &deleted, NULL, error))
    return FALSE;
  if (!deleted)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID,
                   _("The priority is not deleted."));
      return FALSE;
    }
  n = count_in_area (db, area, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  rank = CLAMP (rank, 1, n + 1);
  old_deleted = aimak_db_query_text (db, NULL, "SELECT deleted_at FROM priority WHERE id = ?",
                                     "t", r->id);
  return aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                        "AND deleted_at IS NULL AND rank >= ?", "ti", area, rank) &&
         aimak_db_exec (db, error, "UPDATE priority SET deleted_at = NULL, rank = ?, "
                        "updated_at = ? WHERE id = ?", "itt", rank, now, r->id) &&
         aimak_db_log_change (db, ENTITY, r->id, "undelete", "deleted_at", old_deleted, NULL,
                              error);
}

gboolean
aimak_priority_undelete (AimakDb    *db,
                         const char *id,
                         GError    **error)
{
  RankData r = { id, 0, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return in_transaction (db, undelete_body, &r, error);
}

static gboolean
move_body (AimakDb  *db,
           gpointer  data,
           GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *now = aimak_db_now ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GError *local_error = NULL;
  int rank, n, target;
  gboolean deleted;

  if (!get_place (db, r->id, &area, &rank, &deleted, NULL, error))
    return FALSE;
  if (deleted)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has been deleted: restore it before moving it."));
      return FALSE;
    }
  n = count_in_area (db, area, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  target = (int) CLAMP ((gint64) rank + r->delta, 1, n);
  if (target == rank)
    return TRUE;
  if (target < rank)
    {
      if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                          "AND deleted_at IS NULL AND rank >= ? AND rank < ?", "tii",
                          area, target, rank))
        return FALSE;
    }
  else if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                           "AND deleted_at IS NULL AND rank > ? AND rank <= ?", "tii",
                           area, rank, target))
    return FALSE;
  old_text = g_strdup_printf ("%d", rank);
  new_text = g_strdup_printf ("%d", target);
  return aimak_db_exec (db, error, "UPDATE priority SET rank = ?, updated_at = ? WHERE id = ?",
                        "itt", target, now, r->id) &&
         aimak_db_log_change (db, ENTITY, r->id, "update", "rank", old_text, new_text, error);
}

gboolean
aimak_priority_move (AimakDb    *db,
                     const char *id,
                     int         delta,
                     GError    **error)
{
  RankData r = { id, delta, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return in_transaction (db, move_body, &r, error);
}

static gboolean
duplicate_body (AimakDb  *db,
                gpointer  data,
                GError  **error)
{
  RankData *r = data;
  g_autoptr(AimakPriority) p = aimak_priority_load (db, r->id, error);
  char *title;

  if (p == NULL)
    return FALSE;
  if (p->deleted_at)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has been deleted: restore it before duplicating it."));
      return FALSE;
    }
  /* Translators: the title of a duplicated priority; %s is the original title. */
  title = g_strdup_printf (_("%s (copy)"), p->title);
  g_free (p->title);
  p->title = title;
  g_free (p->status);
  p->status = g_strdup ("draft");
  /* The copy is the user's own record, even when made from a demo one. */
  p->is_demo = FALSE;
  g_free (p->id);
  p->id = aimak_uuid_new ();
  g_free (p->created_at);
  p->created_at = aimak_db_now ();
  g_free (p->updated_at);
  p->updated_at = g_strdup (p->created_at);
  p->rank += 1;
  if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                      "AND deleted_at IS NULL AND rank >= ?", "ti", p->area_code, p->rank) ||
      !insert_row (db, p, error) || !write_all_links (db, p, error) ||
      !aimak_db_log_change (db, ENTITY, p->id, "create", "", r->id, p->title, error))
    return FALSE;
  r->new_id = g_steal_pointer (&p->id);
  return TRUE;
}

char *
aimak_priority_duplicate (AimakDb    *db,
                          const char *id,
                          GError    **error)
{
  RankData r = { id, 0, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, NULL);
  if (!in_transaction (db, duplicate_body, &r, error))
    {
      g_free (r.new_id);
      return NULL;
    }
  return r.new_id;
}

GPtrArray *
aimak_change_log_list (AimakDb    *db,
                       const char *entity,
                       const char *entity_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_change_free);
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                              "SELECT ts, action, field, old_value, new_value "
                                              "FROM change_log WHERE entity = ? AND "
                                              "entity_id = ? ORDER BY id DESC",
                                              "tt", entity, entity_id);
  GError *local_error = NULL;

  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    {
      AimakChange *c = g_new0 (AimakChange, 1);

      c->ts = g_strdup (aimak_stmt_text (st, 0));
      c->action = g_strdup (aimak_stmt_text (st, 1));
      c->field = g_strdup (aimak_stmt_text (st, 2));
      if (sqlite3_column_type (st, 3) != SQLITE_NULL)
        c->old_value = g_strdup (aimak_stmt_text (st, 3));
      if (sqlite3_column_type (st, 4) != SQLITE_NULL)
        c->new_value = g_strdup (aimak_stmt_text (st, 4));
      g_ptr_array_add (changes, c);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}
