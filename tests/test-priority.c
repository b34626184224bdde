/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-priority.c — the priority record: every validation rule both ways, the
 * checklist's suggested marker, the status gate, writes with their change log,
 * soft delete and undelete, dense ranks, duplicate, and demo data that leave
 * everything else untouched. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-demo-private.h"
#include "aimak-test-util.h"
#include "aimak-priority-private.h"
#include "aimak-db-private.h"

#define BARSKOON   "KG02210815000"
#define DARKAN     "KG02210820000"
#define JETI_OGUZ  "KG02210000000"

/* A temporary folder with a database (tests/aimak-test-util.h). */
typedef AimakTestDb Fixture;

static gint64
count (AimakDb    *db,
       const char *sql,
       const char *arg)
{
  g_autoptr(GError) error = NULL;
  gint64 n = arg ? aimak_db_query_int (db, -1, &error, sql, "t", arg)
                 : aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

/* Every row of @sql as text, so that two states of the database can be compared. */
static char *
dump (AimakDb    *db,
      const char *sql)
{
  sqlite3_stmt *st = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (aimak_db_get_handle (db), sql, -1, &st, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (st); i++)
        {
          const char *t = (const char *) sqlite3_column_text (st, i);
          g_string_append_printf (out, "%s\t", t ? t : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (st);
  return g_string_free (out, FALSE);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->message);
      g_assert_cmpstr (p->message, !=, "");
      if (g_strcmp0 (p->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
problem_for (const AimakPriority *p,
             const char          *field)
{
  g_autoptr(GPtrArray) problems = aimak_priority_validate (p);

  return has_problem (problems, field);
}

static guint
n_problems (const AimakPriority *p)
{
  g_autoptr(GPtrArray) problems = aimak_priority_validate (p);

  return problems->len;
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static AimakPriorityIndicator *
full_indicator (void)
{
  AimakPriorityIndicator *ind = aimak_priority_indicator_new ("Women and men employed", "persons");

  ind->baseline_f = 10;
  ind->baseline_m = 20;
  ind->target_f = 30;
  ind->target_m = 25;
  return ind;
}

static void
answer_all (AimakPriority *p,
            const char    *answer)
{
  static const char * const items[] = {
    "sex_disaggregated_data", "women_consulted", "stigma_addressed", "women_decide",
    "budget_benefits_women", "indicators_by_sex", "risks_assessed", "care_access",
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    aimak_priority_set_answer (p, items[i], answer);
}

/* A priority that satisfies every rule for marker 2 and status approved. */
static AimakPriority *
complete_priority (const char *area)
{
  AimakPriority *p = aimak_priority_new (area);

  set_text (&p->title, "Greenhouses for women's groups");
  set_text (&p->problem, "Women left behind farm small plots with low income.");
  set_text (&p->sector_code, "31120");
  p->gender_marker = 2;
  set_text (&p->marker_justification, "Designed with the women's council.");
  g_ptr_array_add (p->target_groups, g_strdup ("women_left_behind"));
  g_ptr_array_add (p->indicators, full_indicator ());
  answer_all (p, "yes");
  p->budget_kgs = 250000;
  p->start_year = 2025;
  p->end_year = 2026;
  return p;
}

/* ------------------------------------------------------------------------ */

static void
test_date_valid (void)
{
  g_assert_true (aimak_date_is_valid ("2024-02-29"));
  g_assert_true (aimak_date_is_valid ("2025-12-31"));
  g_assert_false (aimak_date_is_valid ("2023-02-29"));
  g_assert_false (aimak_date_is_valid ("2025-04-31"));
  g_assert_false (aimak_date_is_valid ("2025-13-01"));
  g_assert_false (aimak_date_is_valid ("2025-1-01"));
  g_assert_false (aimak_date_is_valid ("25-01-2025"));
  g_assert_false (aimak_date_is_valid ("2025/01/01"));
  g_assert_false (aimak_date_is_valid (""));
  g_assert_false (aimak_date_is_valid (NULL));
}

static void
test_suggest_marker (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

  /* Nothing answered: 0. */
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 0);
  /* Score 5 (2 yes + 1 partly): 0. */
  aimak_priority_set_answer (p, "sex_disaggregated_data", "yes");
  aimak_priority_set_answer (p, "stigma_addressed", "yes");
  aimak_priority_set_answer (p, "care_access", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 0);
  /* Score 6: 1. */
  aimak_priority_set_answer (p, "risks_assessed", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
  /* "no" counts nothing. */
  aimak_priority_set_answer (p, "women_decide", "no");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);

  /* Score 16 but women not consulted: at most 1. */
  answer_all (p, "yes");
  aimak_priority_set_answer (p, "women_consulted", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
  /* Score 14 without indicators by sex: 1. */
  aimak_priority_set_answer (p, "women_consulted", "yes");
  aimak_priority_set_answer (p, "indicators_by_sex", "no");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
  /* Indicators by sex "partly" is enough: score 15 → 2. */
  aimak_priority_set_answer (p, "indicators_by_sex", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 2);

  /* Exactly 12 with both conditions: 2; 11: 1. */
  answer_all (p, "no");
  aimak_priority_set_answer (p, "women_consulted", "yes");
  aimak_priority_set_answer (p, "indicators_by_sex", "yes");
  aimak_priority_set_answer (p, "sex_disaggregated_data", "yes");
  aimak_priority_set_answer (p, "stigma_addressed", "yes");
  aimak_priority_set_answer (p, "women_decide", "yes");
  aimak_priority_set_answer (p, "risks_assessed", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
  aimak_priority_set_answer (p, "care_access", "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 2);
  /* Unanswering an item lowers the score again. */
  aimak_priority_set_answer (p, "care_access", NULL);
  g_assert_null (aimak_priority_get_answer (p, "care_access"));
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
}

static void
test_rule_title (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);

  g_assert_cmpuint (n_problems (p), ==, 0);
  set_text (&p->title, "   ");
  g_assert_true (problem_for (p, "title"));
  set_text (&p->title, "");
  g_assert_true (problem_for (p, "title"));
  g_assert_cmpuint (n_problems (p), ==, 1);
  set_text (&p->title, "Water");
  g_assert_false (problem_for (p, "title"));
}

static void
test_rule_years (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);

  p->start_year = 2026;
  p->end_year = 2025;
  g_assert_true (problem_for (p, "end_year"));
  p->end_year = 2026;
  g_assert_false (problem_for (p, "end_year"));
  /* Empty years are allowed. */
  p->start_year = 0;
  p->end_year = 2020;
  g_assert_false (problem_for (p, "end_year"));
  p->end_year = 0;
  p->start_year = 2030;
  g_assert_cmpuint (n_problems (p), ==, 0);
  p->start_year = 1900;
  g_assert_true (problem_for (p, "start_year"));
  p->start_year = 2025;
  p->end_year = 3000;
  g_assert_true (problem_for (p, "end_year"));
}

static void
test_rule_budget (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);

  p->budget_kgs = -1;
  g_assert_true (problem_for (p, "budget_kgs"));
  p->budget_kgs = 0;
  g_assert_false (problem_for (p, "budget_kgs"));
  p->budget_kgs = NAN;
  g_assert_false (problem_for (p, "budget_kgs"));
  p->budget_kgs = 1e6;
  g_assert_cmpuint (n_problems (p), ==, 0);
}

static void
test_rule_hearing (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);

  p->hearing_participants_f = -3;
  g_assert_true (problem_for (p, "hearing_participants_f"));
  g_assert_false (problem_for (p, "hearing_participants_m"));
  p->hearing_participants_f = 0;
  p->hearing_participants_m = -2;
  g_assert_false (problem_for (p, "hearing_participants_f"));
  g_assert_true (problem_for (p, "hearing_participants_m"));
  p->hearing_participants_m = -1;  /* empty */
  g_assert_cmpuint (n_problems (p), ==, 0);

  set_text (&p->hearing_date, "2025-02-30");
  g_assert_true (problem_for (p, "hearing_date"));
  set_text (&p->hearing_date, "2025-03-01");
  g_assert_cmpuint (n_problems (p), ==, 0);
}

static void
test_rule_marker_justification (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

  set_text (&p->title, "Street lighting");
  g_assert_cmpuint (n_problems (p), ==, 0);
  /* Marker 1 with a checklist that supports it: justification still needed. */
  answer_all (p, "partly");
  g_assert_cmpint (aimak_priority_suggest_marker (p), ==, 1);
  p->gender_marker = 1;
  g_assert_true (problem_for (p, "marker_justification"));
  set_text (&p->marker_justification, "  ");
  g_assert_true (problem_for (p, "marker_justification"));
  set_text (&p->marker_justification, "Women asked for it at the hearing.");
  g_assert_cmpuint (n_problems (p), ==, 0);
  p->gender_marker = 0;
  set_text (&p->marker_justification, "");
  g_assert_cmpuint (n_problems (p), ==, 0);
}

static void
test_rule_marker_above_suggestion (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems2 = NULL;
  AimakProblem *problem;

  set_text (&p->title, "Street lighting");
  /* Checklist empty: suggests 0; marker 1 says more than the checklist supports. */
  p->gender_marker = 1;
  problems = aimak_priority_validate_field (p, "marker_justification");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  /* The message says what the checklist supports. */
  g_assert_nonnull (strstr (problem->message, "0"));
  g_assert_nonnull (strstr (problem->message, "checklist"));

  /* With the checklist supporting 1 the generic message is used. */
  answer_all (p, "partly");
  problems2 = aimak_priority_validate_field (p, "marker_justification");
  g_assert_cmpuint (problems2->len, ==, 1);
  g_assert_cmpstr (((AimakProblem *) g_ptr_array_index (problems2, 0))->message, !=,
                   problem->message);
  /* A justification that says why clears it. */
  answer_all (p, "no");
  set_text (&p->marker_justification, "The checklist was filled before the consultation.");
  g_assert_false (problem_for (p, "marker_justification"));
}

static void
test_rule_marker2 (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  AimakPriorityIndicator *ind;

  g_assert_cmpuint (n_problems (p), ==, 0);

  /* Target group. */
  g_ptr_array_set_size (p->target_groups, 0);
  g_assert_true (problem_for (p, "target_groups"));
  g_ptr_array_add (p->target_groups, g_strdup ("returning_women_migrants"));
  g_assert_false (problem_for (p, "target_groups"));

  /* Indicator with baseline and target for both sexes. */
  g_ptr_array_set_size (p->indicators, 0);
  g_assert_true (problem_for (p, "indicators"));
  ind = aimak_priority_indicator_new ("Employed", "persons");
  ind->baseline_f = 1;
  ind->baseline_m = 2;
  ind->target_f = 3;
  g_ptr_array_add (p->indicators, ind);
  g_assert_true (problem_for (p, "indicators"));   /* target for men missing */
  ind->target_m = 4;
  g_assert_false (problem_for (p, "indicators"));
  ind->baseline_f = NAN;
  g_assert_true (problem_for (p, "indicators"));
  ind->baseline_f = 0;                              /* zero is a value */
  g_assert_false (problem_for (p, "indicators"));

  /* Women consulted: "yes" only. */
  aimak_priority_set_answer (p, "women_consulted", "partly");
  g_assert_true (problem_for (p, "checklist"));
  aimak_priority_set_answer (p, "women_consulted", NULL);
  g_assert_true (problem_for (p, "checklist"));
  aimak_priority_set_answer (p, "women_consulted", "yes");
  g_assert_false (problem_for (p, "checklist"));

  /* Marker 1 needs none of these. */
  p->gender_marker = 1;
  g_ptr_array_set_size (p->target_groups, 0);
  g_ptr_array_set_size (p->indicators, 0);
  aimak_priority_set_answer (p, "women_consulted", "no");
  g_assert_cmpuint (n_problems (p), ==, 0);
}

static void
test_rule_indicator_name (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  AimakPriorityIndicator *ind = aimak_priority_indicator_new ("", "");

  g_ptr_array_add (p->indicators, ind);
  g_assert_true (problem_for (p, "indicators"));
  set_text (&ind->name, "Households reached");
  g_assert_cmpuint (n_problems (p), ==, 0);
}

static void
test_rule_decision (void)
{
  const char *statuses[] = { "approved", "in_progress", "completed" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(AimakPriority) p = complete_priority (BARSKOON);

      set_text (&p->status, statuses[i]);
      g_assert_true (problem_for (p, "kenesh_decision_no"));
      g_assert_true (problem_for (p, "kenesh_decision_date"));
      set_text (&p->kenesh_decision_no, "12-3");
      g_assert_false (problem_for (p, "kenesh_decision_no"));
      g_assert_true (problem_for (p, "kenesh_decision_date"));
      set_text (&p->kenesh_decision_date, "2024-13-01");
      g_assert_true (problem_for (p, "kenesh_decision_date"));
      set_text (&p->kenesh_decision_date, "2024-12-20");
      g_assert_cmpuint (n_problems (p), ==, 0);
    }
  {
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    /* Proposed and draft need no decision. */
    set_text (&p->status, "proposed");
    g_assert_cmpuint (n_problems (p), ==, 0);
    set_text (&p->status, "rejected");
    g_assert_cmpuint (n_problems (p), ==, 0);
  }
}

static void
test_labels (void)
{
  g_assert_cmpstr (aimak_priority_status_label ("draft"), ==, "Draft");
  g_assert_cmpstr (aimak_priority_status_label ("approved"), ==, "Approved by local kenesh");
  g_assert_cmpstr (aimak_priority_status_label ("nonsense"), ==, "nonsense");
  g_assert_cmpstr (aimak_priority_field_label ("end_year"), ==, "End year");
  g_assert_true (aimak_priority_status_needs_decision ("in_progress"));
  g_assert_false (aimak_priority_status_needs_decision ("proposed"));
  g_assert_false (aimak_priority_status_is_final ("draft"));
  g_assert_false (aimak_priority_status_is_final ("rejected"));
  g_assert_true (aimak_priority_status_is_final ("proposed"));
}

static void
test_copy (void)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  g_autoptr(AimakPriority) c = aimak_priority_copy (p);

  g_assert_cmpstr (c->title, ==, p->title);
  g_assert_true (c->title != p->title);
  g_assert_cmpuint (c->indicators->len, ==, 1);
  g_assert_true (g_ptr_array_index (c->indicators, 0) != g_ptr_array_index (p->indicators, 0));
  g_assert_cmpstr (aimak_priority_get_answer (c, "women_consulted"), ==, "yes");
  g_assert_cmpfloat (c->budget_kgs, ==, 250000);
  aimak_priority_set_answer (c, "women_consulted", "no");
  g_assert_cmpstr (aimak_priority_get_answer (p, "women_consulted"), ==, "yes");
}

/* ------------------------------------------------------------------------ */

static char *
create (AimakDb    *db,
        const char *area,
        const char *title)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (area);
  g_autoptr(GError) error = NULL;

  set_text (&p->title, title);
  g_assert_true (aimak_priority_create (db, p, &error));
  g_assert_no_error (error);
  return g_strdup (p->id);
}

static int
rank_of (AimakDb    *db,
         const char *id)
{
  return (int) count (db, "SELECT rank FROM priority WHERE id = ?", id);
}

/* Ranks of the live priorities of @area are exactly 1..n. */
static void
assert_dense (AimakDb    *db,
              const char *area)
{
  gint64 n = count (db, "SELECT count(*) FROM priority WHERE area_code = ? AND deleted_at IS NULL",
                    area);
  gint64 distinct = count (db, "SELECT count(DISTINCT rank) FROM priority WHERE area_code = ? "
                               "AND deleted_at IS NULL", area);
  gint64 lo = count (db, "SELECT coalesce(min(rank), 1) FROM priority WHERE area_code = ? "
                         "AND deleted_at IS NULL", area);
  gint64 hi = count (db, "SELECT coalesce(max(rank), 0) FROM priority WHERE area_code = ? "
                         "AND deleted_at IS NULL", area);

  g_assert_cmpint (distinct, ==, n);
  g_assert_cmpint (lo, ==, 1);
  g_assert_cmpint (hi, ==, n);
}

static void
test_create_load (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  g_autoptr(AimakPriority) q = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id2 = NULL;
  AimakPriorityIndicator *ind;
  AimakChange *c;

  g_ptr_array_add (p->gcm, g_strdup ("2"));
  g_ptr_array_add (p->sdg, g_strdup ("5.a"));
  set_text (&p->funding_source, "local_budget");
  p->hearing_participants_f = 12;
  set_text (&p->hearing_date, "2024-11-05");
  g_assert_true (aimak_priority_create (f->db, p, &error));
  g_assert_no_error (error);
  g_assert_nonnull (p->id);
  g_assert_cmpint (p->rank, ==, 1);
  g_assert_nonnull (p->created_at);
  g_assert_cmpstr (p->created_at, ==, p->updated_at);

  q = aimak_priority_load (f->db, p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q->title, ==, p->title);
  g_assert_cmpstr (q->problem, ==, p->problem);
  g_assert_cmpstr (q->sector_code, ==, "31120");
  g_assert_cmpint (q->gender_marker, ==, 2);
  g_assert_cmpfloat (q->budget_kgs, ==, 250000);
  g_assert_cmpstr (q->funding_source, ==, "local_budget");
  g_assert_cmpint (q->start_year, ==, 2025);
  g_assert_cmpint (q->hearing_participants_f, ==, 12);
  g_assert_cmpint (q->hearing_participants_m, ==, -1);
  g_assert_cmpstr (q->hearing_date, ==, "2024-11-05");
  g_assert_null (q->kenesh_decision_date);
  g_assert_null (q->deleted_at);
  g_assert_false (q->is_demo);
  g_assert_cmpuint (q->target_groups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (q->gcm, 0), ==, "2");
  g_assert_cmpstr (g_ptr_array_index (q->sdg, 0), ==, "5.a");
  g_assert_cmpuint (g_hash_table_size (q->checklist), ==, 8);
  g_assert_cmpuint (q->indicators->len, ==, 1);
  ind = g_ptr_array_index (q->indicators, 0);
  g_assert_cmpstr (ind->name, ==, "Women and men employed");
  g_assert_cmpfloat (ind->target_f, ==, 30);
  g_assert_true (isnan (ind->actual_m));

  log = aimak_change_log_list (f->db, "priority", p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  c = g_ptr_array_index (log, 0);
  g_assert_cmpstr (c->action, ==, "create");
  g_assert_cmpstr (c->new_value, ==, p->title);

  /* The next one in the area is ranked after it; another area starts at 1. */
  id2 = create (f->db, BARSKOON, "Second");
  g_assert_cmpint (rank_of (f->db, id2), ==, 2);
  g_free (id2);
  id2 = create (f->db, DARKAN, "Elsewhere");
  g_assert_cmpint (rank_of (f->db, id2), ==, 1);

  /* Not found. */
  g_assert_null (aimak_priority_load (f->db, "no-such-id", &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
}

static void
test_create_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count (f->db, "SELECT count(*) FROM priority", NULL);
  gint64 log_before = count (f->db, "SELECT count(*) FROM change_log", NULL);

  {
    /* Proposed with problems (no title). */
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    set_text (&p->title, "");
    set_text (&p->status, "proposed");
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Title is required."));
    g_assert_null (p->id);
    g_clear_error (&error);
    /* As a draft it is saved, problems and all. */
    set_text (&p->status, "draft");
    g_assert_true (aimak_priority_create (f->db, p, &error));
    g_assert_no_error (error);
    g_assert_nonnull (p->id);
  }
  {
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    set_text (&p->sector_code, "99999");
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "99999"));
    g_clear_error (&error);
  }
  {
    g_autoptr(AimakPriority) p = complete_priority ("KG99999999999");
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    g_ptr_array_add (p->target_groups, g_strdup ("martians"));
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    aimak_priority_set_answer (p, "women_consulted", "maybe");
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
    p->gender_marker = 3;
    g_assert_false (aimak_priority_create (f->db, p, &error));
    g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Only the draft got in. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority", NULL), ==, before + 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log", NULL), ==, log_before + 1);
}

static AimakChange *
find_change (GPtrArray  *log,
             const char *field)
{
  for (guint i = 0; i < log->len; i++)
    {
      AimakChange *c = g_ptr_array_index (log, i);
      if (g_strcmp0 (c->field, field) == 0)
        return c;
    }
  return NULL;
}

static void
test_update_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
  g_autoptr(AimakPriority) q = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created_updated = NULL;
  AimakChange *c;

  set_text (&p->title, "Water");
  g_ptr_array_add (p->target_groups, g_strdup ("women_left_behind"));
  p->budget_kgs = 1000;
  g_assert_true (aimak_priority_create (f->db, p, NULL));
  created_updated = g_strdup (p->updated_at);

  /* Saving without changes writes nothing. */
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity_id = ?", p->id),
                   ==, 1);
  g_assert_cmpstr (p->updated_at, ==, created_updated);

  g_usleep (2000);
  set_text (&p->title, "Drinking water");
  g_ptr_array_insert (p->target_groups, 0, g_strdup ("children_left_behind"));
  p->budget_kgs = NAN;
  p->start_year = 2025;
  aimak_priority_set_answer (p, "women_consulted", "partly");
  g_ptr_array_add (p->indicators, full_indicator ());
  set_text (&p->sector_code, "43040");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p->updated_at, >, created_updated);

  log = aimak_change_log_list (f->db, "priority", p->id, &error);
  g_assert_no_error (error);
  /* create + title, target_groups, budget_kgs, start_year, checklist, indicators, sector_code */
  g_assert_cmpuint (log->len, ==, 8);
  g_assert_cmpstr (((AimakChange *) g_ptr_array_index (log, log->len - 1))->action, ==, "create");
  c = find_change (log, "title");
  g_assert_cmpstr (c->action, ==, "update");
  g_assert_cmpstr (c->old_value, ==, "Water");
  g_assert_cmpstr (c->new_value, ==, "Drinking water");
  c = find_change (log, "target_groups");
  g_assert_cmpstr (c->old_value, ==, "women_left_behind");
  g_assert_cmpstr (c->new_value, ==, "children_left_behind,women_left_behind");
  c = find_change (log, "budget_kgs");
  g_assert_cmpstr (c->old_value, ==, "1000");
  g_assert_null (c->new_value);
  c = find_change (log, "start_year");
  g_assert_null (c->old_value);
  g_assert_cmpstr (c->new_value, ==, "2025");
  c = find_change (log, "checklist");
  g_assert_cmpstr (c->old_value, ==, "");
  g_assert_cmpstr (c->new_value, ==, "women_consulted=partly");
  c = find_change (log, "indicators");
  g_assert_nonnull (strstr (c->new_value, "Women and men employed"));
  c = find_change (log, "sector_code");
  g_assert_null (c->old_value);
  g_assert_cmpstr (c->new_value, ==, "43040");
  g_assert_null (find_change (log, "problem"));

  /* The stored record has the new values. */
  q = aimak_priority_load (f->db, p->id, NULL);
  g_assert_cmpstr (q->title, ==, "Drinking water");
  g_assert_cmpuint (q->target_groups->len, ==, 2);
  g_assert_true (isnan (q->budget_kgs));
  g_assert_cmpstr (aimak_priority_get_answer (q, "women_consulted"), ==, "partly");
  g_assert_cmpuint (q->indicators->len, ==, 1);

  /* Reordering the target groups is not a change. */
  g_ptr_array_remove_index (p->target_groups, 0);
  g_ptr_array_add (p->target_groups, g_strdup ("children_left_behind"));
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity_id = ?", p->id),
                   ==, 8);

  /* Unknown id. */
  set_text (&p->id, "no-such-id");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
}

static void
test_status_transitions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  g_autoptr(AimakPriority) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  /* A draft with a problem: marker 2 without an indicator by sex. */
  g_ptr_array_set_size (p->indicators, 0);
  g_assert_true (aimak_priority_create (f->db, p, &error));
  before = dump (f->db, "SELECT * FROM priority");

  /* draft → proposed is refused, and nothing of the same update is written. */
  set_text (&p->status, "proposed");
  set_text (&p->title, "Changed title");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "indicator"));
  g_clear_error (&error);
  {
    g_autofree char *after = dump (f->db, "SELECT * FROM priority");
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity_id = ?", p->id),
                   ==, 1);

  /* Fixed: now it may move on. */
  g_ptr_array_add (p->indicators, full_indicator ());
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  stored = aimak_priority_load (f->db, p->id, NULL);
  g_assert_cmpstr (stored->status, ==, "proposed");
  g_clear_pointer (&stored, aimak_priority_free);

  /* While proposed, an edit that breaks a rule is refused too. */
  set_text (&p->title, "");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
  g_clear_error (&error);
  set_text (&p->title, "Changed title");

  /* proposed → approved needs the kenesh decision. */
  set_text (&p->status, "approved");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "kenesh"));
  g_clear_error (&error);
  set_text (&p->kenesh_decision_no, "7-2");
  set_text (&p->kenesh_decision_date, "2024-12-20");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);

  /* Back to draft is always allowed, problems or not; so is rejected. */
  set_text (&p->status, "draft");
  set_text (&p->title, "");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  set_text (&p->status, "rejected");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  stored = aimak_priority_load (f->db, p->id, NULL);
  g_assert_cmpstr (stored->status, ==, "rejected");
  g_assert_cmpstr (stored->title, ==, "");

  /* An unknown status is refused. */
  set_text (&p->status, "archived");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = create (f->db, BARSKOON, "A");
  g_autofree char *b = create (f->db, BARSKOON, "B");
  g_autofree char *c = create (f->db, BARSKOON, "C");
  g_autofree char *d = create (f->db, BARSKOON, "D");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(AimakPriority) p = NULL;
  AimakChange *change;

  g_assert_true (aimak_priority_delete (f->db, b, &error));
  g_assert_no_error (error);
  assert_dense (f->db, BARSKOON);
  g_assert_cmpint (rank_of (f->db, a), ==, 1);
  g_assert_cmpint (rank_of (f->db, c), ==, 2);
  g_assert_cmpint (rank_of (f->db, d), ==, 3);
  /* Soft: the row is still there, with its old rank. */
  p = aimak_priority_load (f->db, b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p->deleted_at);
  g_assert_cmpint (p->rank, ==, 2);

  /* Deleting twice, editing, moving a deleted priority: refused. */
  g_assert_false (aimak_priority_delete (f->db, b, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  set_text (&p->title, "B2");
  g_assert_false (aimak_priority_update (f->db, p, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (aimak_priority_move (f->db, b, 1, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (aimak_priority_undelete (f->db, a, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID);
  g_clear_error (&error);

  /* Undelete: back at rank 2, the others shift down. */
  g_assert_true (aimak_priority_undelete (f->db, b, &error));
  g_assert_no_error (error);
  assert_dense (f->db, BARSKOON);
  g_assert_cmpint (rank_of (f->db, a), ==, 1);
  g_assert_cmpint (rank_of (f->db, b), ==, 2);
  g_assert_cmpint (rank_of (f->db, c), ==, 3);
  g_assert_cmpint (rank_of (f->db, d), ==, 4);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority WHERE id = ? AND "
                                 "deleted_at IS NULL", b), ==, 1);

  /* When the area shrank meanwhile, the undeleted one goes to the end. */
  g_assert_true (aimak_priority_delete (f->db, d, NULL));
  g_assert_true (aimak_priority_delete (f->db, a, NULL));
  g_assert_true (aimak_priority_delete (f->db, b, NULL));
  assert_dense (f->db, BARSKOON);
  g_assert_true (aimak_priority_undelete (f->db, d, NULL));
  assert_dense (f->db, BARSKOON);
  g_assert_cmpint (rank_of (f->db, d), ==, 2);

  log = aimak_change_log_list (f->db, "priority", b, &error);
  g_assert_no_error (error);
  /* Newest first: delete, undelete, delete, create. */
  g_assert_cmpuint (log->len, ==, 4);
  change = g_ptr_array_index (log, 0);
  g_assert_cmpstr (change->action, ==, "delete");
  g_assert_null (change->old_value);
  g_assert_nonnull (change->new_value);
  change = g_ptr_array_index (log, 1);
  g_assert_cmpstr (change->action, ==, "undelete");
  g_assert_nonnull (change->old_value);
  g_assert_null (change->new_value);
  g_assert_cmpstr (((AimakChange *) g_ptr_array_index (log, 2))->action, ==, "delete");
  g_assert_cmpstr (((AimakChange *) g_ptr_array_index (log, 3))->action, ==, "create");
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *a = create (f->db, BARSKOON, "A");
  g_autofree char *b = create (f->db, BARSKOON, "B");
  g_autofree char *c = create (f->db, BARSKOON, "C");
  g_autofree char *other = create (f->db, DARKAN, "Other");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  AimakChange *change;

  /* C up by one: A, C, B. */
  g_assert_true (aimak_priority_move (f->db, c, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rank_of (f->db, a), ==, 1);
  g_assert_cmpint (rank_of (f->db, c), ==, 2);
  g_assert_cmpint (rank_of (f->db, b), ==, 3);
  assert_dense (f->db, BARSKOON);

  /* Far beyond the top clamps to 1: C, A, B. */
  g_assert_true (aimak_priority_move (f->db, c, -10, &error));
  g_assert_cmpint (rank_of (f->db, c), ==, 1);
  g_assert_cmpint (rank_of (f->db, a), ==, 2);
  g_assert_cmpint (rank_of (f->db, b), ==, 3);

  /* A down by 5 clamps to the end: C, B, A. */
  g_assert_true (aimak_priority_move (f->db, a, 5, &error));
  g_assert_cmpint (rank_of (f->db, c), ==, 1);
  g_assert_cmpint (rank_of (f->db, b), ==, 2);
  g_assert_cmpint (rank_of (f->db, a), ==, 3);
  assert_dense (f->db, BARSKOON);

  /* Moving the last one further down changes and logs nothing. */
  g_assert_true (aimak_priority_move (f->db, a, 1, &error));
  g_assert_cmpint (rank_of (f->db, a), ==, 3);

  /* The other area is untouched. */
  g_assert_cmpint (rank_of (f->db, other), ==, 1);

  /* Delete in the middle, then move: still dense. */
  g_assert_true (aimak_priority_delete (f->db, b, NULL));
  g_assert_true (aimak_priority_move (f->db, a, -1, NULL));
  assert_dense (f->db, BARSKOON);
  g_assert_cmpint (rank_of (f->db, a), ==, 1);
  g_assert_cmpint (rank_of (f->db, c), ==, 2);

  log = aimak_change_log_list (f->db, "priority", a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);  /* create, move to 3, move to 1 */
  change = g_ptr_array_index (log, 0);
  g_assert_cmpstr (change->field, ==, "rank");
  g_assert_cmpstr (change->old_value, ==, "2");
  g_assert_cmpstr (change->new_value, ==, "1");
  change = g_ptr_array_index (log, 1);
  g_assert_cmpstr (change->old_value, ==, "2");
  g_assert_cmpstr (change->new_value, ==, "3");

  g_assert_false (aimak_priority_move (f->db, "nope", 1, &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
}

static void
test_change_area (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = create (f->db, BARSKOON, "A");
  g_autofree char *b = create (f->db, BARSKOON, "B");
  g_autofree char *c = create (f->db, BARSKOON, "C");
  g_autofree char *x = create (f->db, DARKAN, "X");
  g_autoptr(AimakPriority) p = aimak_priority_load (f->db, a, NULL);
  g_autoptr(GError) error = NULL;

  set_text (&p->area_code, DARKAN);
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  assert_dense (f->db, BARSKOON);
  assert_dense (f->db, DARKAN);
  g_assert_cmpint (rank_of (f->db, b), ==, 1);
  g_assert_cmpint (rank_of (f->db, c), ==, 2);
  g_assert_cmpint (rank_of (f->db, x), ==, 1);
  g_assert_cmpint (rank_of (f->db, a), ==, 2);
  g_assert_cmpint (p->rank, ==, 2);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  g_autofree char *first = create (f->db, BARSKOON, "First");
  g_autofree char *last = NULL;
  g_autofree char *copy_id = NULL;
  g_autoptr(AimakPriority) copy = NULL;
  g_autoptr(GError) error = NULL;

  set_text (&p->kenesh_decision_no, "1-1");
  set_text (&p->kenesh_decision_date, "2024-12-01");
  set_text (&p->status, "approved");
  g_ptr_array_add (p->gcm, g_strdup ("19"));
  g_assert_true (aimak_priority_create (f->db, p, &error));
  g_assert_no_error (error);
  last = create (f->db, BARSKOON, "Last");

  copy_id = aimak_priority_duplicate (f->db, p->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy_id);
  g_assert_cmpstr (copy_id, !=, p->id);
  copy = aimak_priority_load (f->db, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->title, ==, "Greenhouses for women's groups (copy)");
  g_assert_cmpstr (copy->status, ==, "draft");
  g_assert_cmpint (copy->rank, ==, 3);
  g_assert_cmpint (rank_of (f->db, first), ==, 1);
  g_assert_cmpint (rank_of (f->db, p->id), ==, 2);
  g_assert_cmpint (rank_of (f->db, last), ==, 4);
  assert_dense (f->db, BARSKOON);
  g_assert_cmpuint (copy->target_groups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (copy->gcm, 0), ==, "19");
  g_assert_cmpuint (g_hash_table_size (copy->checklist), ==, 8);
  g_assert_cmpuint (copy->indicators->len, ==, 1);
  g_assert_cmpint (copy->gender_marker, ==, 2);
  g_assert_cmpfloat (copy->budget_kgs, ==, 250000);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity_id = ? AND "
                                 "action = 'create'", copy_id), ==, 1);

  g_assert_null (aimak_priority_duplicate (f->db, "nope", &error));
  g_assert_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND);
}

static void
test_read_only (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) rw = aimak_test_open_db (dir);
  g_autoptr(AimakDb) ro = NULL;
  g_autoptr(AimakPriority) p = complete_priority (BARSKOON);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&rw, aimak_db_unref);
  ro = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (aimak_priority_create (ro, p, &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
  g_assert_null (p->id);
  g_clear_pointer (&ro, aimak_db_unref);
  aimak_test_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* Demo data                                                                 */

static const char * const snapshot_sql[] = {
  "SELECT * FROM priority WHERE is_demo = 0 ORDER BY id",
  "SELECT * FROM priority_target_group WHERE priority_id IN (SELECT id FROM priority "
  "WHERE is_demo = 0) ORDER BY 1, 2",
  "SELECT * FROM priority_checklist WHERE priority_id IN (SELECT id FROM priority "
  "WHERE is_demo = 0) ORDER BY 1, 2",
  "SELECT * FROM priority_indicator WHERE priority_id IN (SELECT id FROM priority "
  "WHERE is_demo = 0) ORDER BY id",
  "SELECT * FROM priority_gcm WHERE priority_id IN (SELECT id FROM priority "
  "WHERE is_demo = 0) ORDER BY 1, 2",
  "SELECT * FROM activity WHERE is_demo = 0 ORDER BY id",
  "SELECT * FROM activity_participant WHERE activity_id IN (SELECT id FROM activity "
  "WHERE is_demo = 0) ORDER BY 1, 2",
  "SELECT count(*), sum(value), group_concat(id) FROM indicator_value WHERE is_demo = 0",
  "SELECT * FROM change_log WHERE entity_id IN (SELECT id FROM priority WHERE is_demo = 0) "
  "ORDER BY id",
  "SELECT (SELECT count(*) FROM area), (SELECT count(*) FROM target_group)",
};

static char *
snapshot (AimakDb *db)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (snapshot_sql); i++)
    {
      g_autofree char *part = dump (db, snapshot_sql[i]);
      g_string_append_printf (s, "== %u\n%s", i, part);
    }
  return g_string_free (s, FALSE);
}

static void
test_demo_create_remove (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AimakPriority) mine = complete_priority (BARSKOON);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *activity = aimak_uuid_new ();
  guint np = 0, na = 0, nv = 0, n = 0;

  /* The user's own records: a priority, an activity, a demo indicator value. */
  g_assert_true (aimak_priority_create (f->db, mine, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_db_exec (f->db, &error,
                                "INSERT INTO activity (id, area_code, date, type, topic, "
                                "created_at, updated_at) VALUES (?, ?, '2025-03-01', 'training', "
                                "'Planning', '2025-03-01', '2025-03-01')", "tt", activity,
                                BARSKOON));
  g_assert_true (aimak_db_exec (f->db, &error,
                                "INSERT INTO activity_participant VALUES (?, 'women_group', 7, 2)",
                                "t", activity));
  g_assert_true (aimak_db_exec (f->db, &error,
                                "INSERT INTO activity_priority VALUES (?, ?)", "tt",
                                activity, mine->id));
  g_assert_no_error (error);
  g_assert_false (aimak_demo_present (f->db));
  before = snapshot (f->db);

  g_assert_true (aimak_demo_create (f->db, 300, 40, 7, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_demo_present (f->db));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority WHERE is_demo = 1", NULL), ==, 300);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM activity WHERE is_demo = 1", NULL), ==, 40);
  /* Every demo priority has links; no demo statistics are invented. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority p WHERE is_demo = 1 AND NOT "
                                 "EXISTS (SELECT 1 FROM priority_target_group g WHERE "
                                 "g.priority_id = p.id)", NULL), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority p WHERE is_demo = 1 AND NOT "
                                 "EXISTS (SELECT 1 FROM priority_checklist c WHERE "
                                 "c.priority_id = p.id)", NULL), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM indicator_value WHERE is_demo = 1", NULL),
                   ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT gender_marker) FROM priority "
                                 "WHERE is_demo = 1", NULL), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT status) FROM priority "
                                 "WHERE is_demo = 1", NULL), >=, 5);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT sector_code) FROM priority "
                                 "WHERE is_demo = 1", NULL), >=, 10);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT area_code) FROM priority "
                                 "WHERE is_demo = 1", NULL), >=, 50);
  /* The pilots get more than their share. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority WHERE is_demo = 1 AND "
                                 "area_code IN ('KG02210815000', 'KG03220856000', "
                                 "'KG02210000000', 'KG03220000000')", NULL), >=, 5);
  {
    /* Demo data obey the rules: past draft only without problems, ranks dense. */
    g_autoptr(AimakStmt) st = aimak_db_prepare (f->db, &error,
                                                "SELECT id FROM priority WHERE is_demo = 1", NULL);
    guint checked = 0;
    while (aimak_stmt_next (st, &error))
      {
        g_autoptr(AimakPriority) p = aimak_priority_load (f->db, aimak_stmt_text (st, 0), NULL);
        g_autoptr(GPtrArray) problems = aimak_priority_validate (p);

        g_assert_true (p->is_demo);
        if (aimak_priority_status_is_final (p->status))
          g_assert_cmpuint (problems->len, ==, 0);
        g_assert_cmpint (aimak_date_is_valid (p->hearing_date) || p->hearing_date == NULL,
                         ==, TRUE);
        checked++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (checked, ==, 300);
  }
  assert_dense (f->db, BARSKOON);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM (SELECT area_code FROM priority WHERE "
                                 "deleted_at IS NULL GROUP BY area_code HAVING max(rank) <> "
                                 "count(*) OR count(DISTINCT rank) <> count(*))", NULL), ==, 0);

  /* A priority the user adds after the demo data is ranked after them; removing
   * the demo data closes the gap. */
  {
    g_autoptr(AimakPriority) late = aimak_priority_new (BARSKOON);
    gint64 n_barskoon;

    set_text (&late->title, "Added after the demo data");
    g_assert_true (aimak_priority_create (f->db, late, &error));
    n_barskoon = count (f->db, "SELECT count(*) FROM priority WHERE area_code = ? AND "
                               "deleted_at IS NULL", BARSKOON);
    g_assert_cmpint (late->rank, ==, n_barskoon);

    g_assert_true (aimak_demo_remove_counts (f->db, &np, &na, &nv, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (np, ==, 300);
    g_assert_cmpuint (na, ==, 40);
    g_assert_cmpuint (nv, ==, 0);
    g_assert_cmpint (rank_of (f->db, late->id), ==, 2);
    assert_dense (f->db, BARSKOON);
    g_assert_true (aimak_priority_delete (f->db, late->id, &error));
    g_assert_no_error (error);
    g_assert_true (aimak_db_exec (f->db, &error, "DELETE FROM change_log WHERE entity_id = ?; ",
                                  "t", late->id));
    g_assert_true (aimak_db_exec (f->db, &error, "DELETE FROM priority WHERE id = ?", "t",
                                  late->id));
  }
  g_assert_false (aimak_demo_present (f->db));
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority_target_group WHERE priority_id "
                                 "NOT IN (SELECT id FROM priority)", NULL), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM priority_fts", NULL), ==,
                   count (f->db, "SELECT count(*) FROM priority", NULL));

  /* A demo indicator value (as an importer might flag one) goes too. */
  g_assert_true (aimak_db_exec (f->db, &error,
                                "INSERT INTO indicator_value (area_code, indicator_code, year, "
                                "sex, value, source, is_demo) SELECT ?, code, 2024, 'F', 1, "
                                "'demo', 1 FROM indicator LIMIT 1", "t", BARSKOON));
  g_assert_true (aimak_demo_present (f->db));
  g_assert_true (aimak_demo_remove (f->db, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (aimak_demo_present (f->db));
  /* Nothing left to remove. */
  g_assert_true (aimak_demo_remove (f->db, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_demo_seed (void)
{
  g_autofree char *dir1 = aimak_test_tmpdir ();
  g_autofree char *dir2 = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db1 = aimak_test_open_db (dir1);
  g_autoptr(AimakDb) db2 = aimak_test_open_db (dir2);
  const char *sql = "SELECT area_code, rank, title, gender_marker, status, budget_kgs "
                    "FROM priority ORDER BY area_code, rank";
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (aimak_demo_create (db1, 120, 5, 42, NULL));
  g_assert_true (aimak_demo_create (db2, 120, 5, 42, NULL));
  a = dump (db1, sql);
  b = dump (db2, sql);
  g_assert_cmpstr (a, ==, b);
  /* A second run with the same seed adds new rows, never clashing ids. */
  g_assert_true (aimak_demo_create (db1, 120, 5, 42, NULL));
  g_assert_cmpint (count (db1, "SELECT count(*) FROM priority", NULL), ==, 240);
  g_assert_true (aimak_demo_create (db2, 120, 0, 43, NULL));
  c = dump (db2, sql);
  g_assert_cmpstr (c, !=, b);
  g_clear_pointer (&db1, aimak_db_unref);
  g_clear_pointer (&db2, aimak_db_unref);
  aimak_test_rmdir (dir1);
  aimak_test_rmdir (dir2);
}

/* A burst of typing in one field is one row of the change log: the row keeps
 * the value before the burst and takes each new one; another field, a change of
 * several fields or a plain update start new rows; a burst that ends where it
 * began leaves no row. */
static void
test_update_burst (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = create (f->db, "KG02210815000", "Water");
  g_autoptr(AimakPriority) p = NULL;
  g_autoptr(GError) error = NULL;
  const char *log_sql = "SELECT count(*) FROM change_log WHERE entity = 'priority' AND "
                        "entity_id = ? AND action = 'update'";
  const char *typed[] = { "Women who", "Women who come back", "Women who come back find no work" };
  gint64 burst = 0;
  gint64 first;

  p = aimak_priority_load (f->db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      set_text (&p->problem, typed[i]);
      g_assert_true (aimak_priority_update_burst (f->db, p, &burst, &error));
      g_assert_no_error (error);
      g_assert_cmpint (burst, >, 0);
      g_assert_cmpint (count (f->db, log_sql, id), ==, 1);
    }
  first = burst;
  {
    g_autoptr(GPtrArray) log = aimak_change_log_list (f->db, "priority", id, &error);
    AimakChange *c = g_ptr_array_index (log, 0);

    g_assert_cmpstr (c->field, ==, "problem");
    g_assert_cmpstr (c->old_value, ==, "");
    g_assert_cmpstr (c->new_value, ==, "Women who come back find no work");
  }
  /* Another field: a new row, and a new burst. */
  set_text (&p->description, "Courses");
  g_assert_true (aimak_priority_update_burst (f->db, p, &burst, &error));
  g_assert_cmpint (count (f->db, log_sql, id), ==, 2);
  g_assert_cmpint (burst, !=, first);
  /* Back to the first field with the old burst: it is no longer the newest row. */
  burst = first;
  set_text (&p->problem, "Women who come back find no paid work");
  g_assert_true (aimak_priority_update_burst (f->db, p, &burst, &error));
  g_assert_cmpint (count (f->db, log_sql, id), ==, 3);
  /* Typed back to where the burst began: the burst's row goes. */
  set_text (&p->problem, "Women who come back find no work");
  g_assert_true (aimak_priority_update_burst (f->db, p, &burst, &error));
  g_assert_cmpint (count (f->db, log_sql, id), ==, 2);
  g_assert_cmpint (burst, ==, 0);
  /* Two fields at once: a row each, and no burst to continue. */
  set_text (&p->title, "Water for all");
  set_text (&p->partners, "UN Women");
  g_assert_true (aimak_priority_update_burst (f->db, p, &burst, &error));
  g_assert_cmpint (count (f->db, log_sql, id), ==, 4);
  g_assert_cmpint (burst, ==, 0);
  /* The plain update logs every change on its own. */
  set_text (&p->partners, "UN Women, IOM");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  set_text (&p->partners, "UN Women, IOM, UNDP");
  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_cmpint (count (f->db, log_sql, id), ==, 6);
  /* A refused update leaves the burst as it was. */
  burst = 12345;
  p->start_year = 2030;
  p->end_year = 2020;
  set_text (&p->status, "approved");
  g_assert_false (aimak_priority_update_burst (f->db, p, &burst, &error));
  g_clear_error (&error);
  g_assert_cmpint (burst, ==, 12345);
}

/* The marker-2 problem names the checklist item with the checklist's own words
 * (its code list, in the interface language), in every language. */
static void
test_checklist_problem_name (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const langs[] = { "en", "ru", "ky" };
  g_autoptr(AimakPriority) p = aimak_priority_new ("KG02210815000");
  const char *old_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (old_language);

  set_text (&p->title, "Jobs");
  set_text (&p->marker_justification, "For women returnees.");
  p->gender_marker = 2;
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name_%s FROM checklist_item "
                                              "WHERE code = 'women_consulted'", langs[i]);
      g_autofree char *name = aimak_db_query_text (f->db, NULL, sql, NULL);
      g_autoptr(GPtrArray) problems = NULL;
      const char *message = NULL;

      g_setenv ("LANGUAGE", langs[i], TRUE);
      g_assert_cmpstr (aimak_lang_current (), ==, langs[i]);
      problems = aimak_priority_validate (p);
      for (guint j = 0; j < problems->len; j++)
        if (g_str_equal (((AimakProblem *) g_ptr_array_index (problems, j))->field, "checklist"))
          message = ((AimakProblem *) g_ptr_array_index (problems, j))->message;
      g_assert_nonnull (name);
      g_assert_nonnull (message);
      g_test_message ("%s: %s", langs[i], message);
      g_assert_nonnull (strstr (message, name));
    }
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/priority/date-valid", test_date_valid);
  g_test_add_func ("/priority/suggest-marker", test_suggest_marker);
  g_test_add_func ("/priority/rule/title", test_rule_title);
  g_test_add_func ("/priority/rule/years", test_rule_years);
  g_test_add_func ("/priority/rule/budget", test_rule_budget);
  g_test_add_func ("/priority/rule/hearing", test_rule_hearing);
  g_test_add_func ("/priority/rule/marker-justification", test_rule_marker_justification);
  g_test_add_func ("/priority/rule/marker-above-suggestion", test_rule_marker_above_suggestion);
  g_test_add_func ("/priority/rule/marker-2", test_rule_marker2);
  g_test_add_func ("/priority/rule/indicator-name", test_rule_indicator_name);
  g_test_add_func ("/priority/rule/kenesh-decision", test_rule_decision);
  g_test_add_func ("/priority/labels", test_labels);
  g_test_add_func ("/priority/copy", test_copy);
#define ADD(path, fn) g_test_add ("/priority/" path, Fixture, NULL, aimak_test_db_set_up, fn, \
                                  aimak_test_db_tear_down)
  ADD ("create-load", test_create_load);
  ADD ("create-refused", test_create_refused);
  ADD ("update-log", test_update_log);
  ADD ("update-burst", test_update_burst);
  ADD ("checklist-problem-name", test_checklist_problem_name);
  ADD ("status-transitions", test_status_transitions);
  ADD ("delete-undelete", test_delete_undelete);
  ADD ("move", test_move);
  ADD ("change-area", test_change_area);
  ADD ("duplicate", test_duplicate);
  g_test_add_func ("/priority/read-only", test_read_only);
  ADD ("demo/create-remove", test_demo_create_remove);
  g_test_add_func ("/priority/demo/seed", test_demo_seed);

  return g_test_run ();
}
