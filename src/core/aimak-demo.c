/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-demo.c — demo data on request, for trying the app and for the benchmarks.
 *
 * Every row written here has is_demo = 1: the window shows a banner while any
 * exist, and remove() deletes exactly them. The texts are plausible English
 * phrases from the domain, never statistics: demo priorities have no real area
 * figures behind them, and no indicator values are invented.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-demo-private.h"
#include "aimak-priority.h"

typedef struct
{
  const char *sector;
  const char *title;
  const char *problem;
  const char *description;
  const char *gcm[2];
  const char *sdg[2];
} Template;

static const Template templates[] = {
  { "11330", "Vocational training in sewing and tailoring",
    "Returning women lack skills that local employers and markets ask for.",
    "Six-month courses with childcare during classes, followed by support to start home-based "
    "workshops.", { "18", "21" }, { "8.5", "5.a" } },
  { "11330", "Courses in welding and construction trades",
    "Young men leave for seasonal construction work abroad without recognised qualifications.",
    "Certified short courses with the local lyceum; certificates recognised in Russia and "
    "Kazakhstan.", { "18", "2" }, { "8.5", "10.7" } },
  { "11231", "Life skills and safe migration clubs for youth",
    "School leavers migrate without knowing their rights or the risks of irregular work.",
    "Weekly clubs in schools on contracts, documents, remittances and where to get help.",
    { "3", "7" }, { "10.7", "8.8" } },
  { "12220", "Mobile health visits to remote villages",
    "Elderly people and children left behind live far from the feldsher-midwife post.",
    "A monthly visit of the family medicine team with a schedule agreed with women's councils.",
    { "15", "2" }, { "1.3", "10.2" } },
  { "13020", "Reproductive health counselling for returning women",
    "Women returning from abroad rarely use reproductive health services.",
    "Confidential counselling days at the health post and referrals to the rayon hospital.",
    { "15", "21" }, { "5.1", "10.2" } },
  { "15112", "Gender-responsive budgeting in the ayil okmotu",
    "The local budget does not show how much spending benefits women and men.",
    "Training of the finance staff and a budget annex by sex for the programme's priorities.",
    { "1", "23" }, { "5.c", "17.18" } },
  { "15150", "Women's participation in village hearings",
    "Few women speak at public hearings on the local development programme.",
    "Separate preparatory meetings with women's groups at convenient hours before each hearing.",
    { "16", "17" }, { "5.5", "10.2" } },
  { "15180", "Crisis centre support for women facing violence",
    "Women whose husbands work abroad face pressure and violence from relatives.",
    "A hotline, a safe room agreement with the crisis centre and training for local police.",
    { "7", "16" }, { "5.2", "5.1" } },
  { "15185", "One-stop service window for migrant families",
    "Families of migrants spend days collecting documents in the rayon centre.",
    "A service window in the ayil okmotu for certificates, pensions and social benefits.",
    { "4", "15" }, { "16.9", "1.3" } },
  { "15190", "Pre-departure orientation for labour migrants",
    "People leave with informal recruiters and without contracts or registration.",
    "Orientation sessions with the migration service on legal pathways and recruitment.",
    { "5", "6" }, { "10.7", "8.8" } },
  { "15196", "Local register of migration by sex and age",
    "The ayil okmotu does not know how many women and men are abroad or have returned.",
    "A household survey each year and a register kept with the statistics office.",
    { "1", "23" }, { "17.18", "10.7" } },
  { "16010", "Social support for households left behind",
    "Households that receive no remittances fall into poverty without social assistance.",
    "Identification of families and referral to monthly benefits and winter fuel support.",
    { "7", "22" }, { "1.3", "10.2" } },
  { "16015", "Day care for children of working mothers",
    "Mothers cannot take jobs because there is no kindergarten place.",
    "A community kindergarten in the school building with parents' contribution.",
    { "16", "2" }, { "5.4", "8.5" } },
  { "16015", "After-school support for children left behind",
    "Children whose parents work abroad fall behind at school.",
    "An after-school centre with a psychologist and volunteer tutors.",
    { "16", "7" }, { "10.2", "1.3" } },
  { "16020", "Start-up grants for returning migrants",
    "Returning migrants cannot find work and plan to leave again.",
    "Small grants with business coaching; at least half of the grants go to women.",
    { "21", "19" }, { "8.5", "5.a" } },
  { "16020", "Public works employment in winter",
    "Seasonal unemployment pushes young men to leave in winter.",
    "Paid public works on roads and canals with equal pay for women and men.",
    { "2", "21" }, { "8.5", "10.2" } },
  { "16070", "Legal aid on labour rights for migrants",
    "Migrants return unpaid or injured and do not know where to complain.",
    "Legal consultations and help to claim wages and compensation.",
    { "6", "14" }, { "8.8", "16.9" } },
  { "24050", "Remittances into savings and investment",
    "Remittances are spent on consumption and ceremonies rather than income.",
    "Financial literacy sessions for families and a savings group with the local bank.",
    { "20", "19" }, { "10.c", "5.a" } },
  { "25030", "Business advice centre for women entrepreneurs",
    "Women with small businesses lack advice, registration help and access to credit.",
    "A consultant's office twice a week and a loan guarantee with the microcredit agency.",
    { "19", "16" }, { "5.a", "8.5" } },
  { "31120", "Greenhouses for women's groups",
    "Women left behind farm small plots with low and seasonal income.",
    "Greenhouses, seedlings and training in growing vegetables for the rayon market.",
    { "2", "19" }, { "5.a", "8.5" } },
  { "31194", "Dairy co-operative with returning migrants",
    "Milk is sold at low prices to intermediaries.",
    "A co-operative collection point with a cooling tank and a processing contract.",
    { "19", "21" }, { "8.5", "10.2" } },
  { "32130", "Small workshops for felt and handicrafts",
    "Craftswomen sell through intermediaries and earn little.",
    "Shared workshop space, design training and an online shop for felt products.",
    { "19", "16" }, { "5.a", "8.5" } },
  { "43040", "Rehabilitation of the drinking water system",
    "Women and girls spend hours each day fetching water.",
    "Repair of the pipeline and taps in each street, with a women-led water users' committee.",
    { "2", "15" }, { "5.4", "10.2" } },
  { "43041", "Land plots for returning families",
    "Returning families cannot get land for houses or farming.",
    "A transparent land allocation procedure with women registered as co-owners.",
    { "21", "2" }, { "5.a", "1.3" } },
  { "43042", "Street lighting and safe transport to school",
    "Girls and women avoid going out after dark.",
    "Solar street lights on main streets and a school bus agreed with parents.",
    { "7", "2" }, { "5.2", "10.2" } },
};

static const char * const target_group_phrases[][2] = {
  { "returning_women_migrants", "for returning women migrants" },
  { "returning_men_migrants", "for returning men migrants" },
  { "women_left_behind", "for women left behind" },
  { "children_left_behind", "for children left behind" },
  { "elderly_left_behind", "for elderly people left behind" },
  { "potential_migrants", "for young women and men" },
  { "women_headed_households", "for women-headed households" },
  { "migrant_households", "for migrant households" },
  { "persons_with_disabilities", "for persons with disabilities" },
  { "internal_migrants", "for internal migrants" },
};

static const char * const justifications[] = {
  "Women returnees are the main participants and the results are measured by sex.",
  "The priority was designed with the women's council and half of the benefits go to women.",
  "Care duties of women were taken into account in the time and place of activities.",
  "The problem was defined with sex-disaggregated data from the household survey.",
  "Women's groups asked for this priority at the preparatory meeting of the hearing.",
};

static const char * const responsibles[] = {
  "Ayil okmotu", "Social department of the ayil okmotu", "Rayon administration",
  "Rayon employment centre", "Family medicine centre", "Local school", "Women's council",
  "Youth committee",
};

static const char * const partners_list[] = {
  "", "Local NGO", "Women's council", "Rayon migration service", "Microcredit agency",
  "Development partner", "Aksakal court", "Local business association",
};

static const struct { const char *name; const char *unit; double lo, hi; } indicator_templates[] = {
  { "Participants completing the course", "persons", 5, 60 },
  { "People employed after the priority", "persons", 0, 40 },
  { "Households reached", "households", 10, 200 },
  { "Average monthly income", "KGS", 5000, 25000 },
  { "Speakers at the public hearing", "persons", 2, 30 },
  { "People using the service each month", "persons", 10, 300 },
  { "Share of grants received", "%", 10, 60 },
};

static const char * const checklist_codes[] = {
  "sex_disaggregated_data", "women_consulted", "stigma_addressed", "women_decide",
  "budget_benefits_women", "indicators_by_sex", "risks_assessed", "care_access",
};

static const char * const activity_topics[] = {
  "Gender-aware local development planning",
  "Using sex-disaggregated data in the area profile",
  "Preparing the public hearing with women's groups",
  "Gender-responsive budgeting for the local programme",
  "Safe migration and the rights of migrant workers",
  "Reintegration support for returning migrants",
  "Monitoring priorities with indicators by sex",
  "Preventing violence against women in migrant families",
};

static const char * const facilitators[] = {
  "Rayon gender focal point", "Trainer of the local self-government academy",
  "Migration service specialist", "NGO facilitator", "Ayil okmotu social specialist",
};

static const char * const role_codes[] = {
  "local_authority", "kenesh_deputy", "cbo_member", "community_leader", "women_group",
  "youth_group", "migrant_or_returnee", "other",
};

static const char * const activity_types[] = {
  "training", "workshop", "community_dialogue", "awareness_campaign", "hearing_preparation",
};

static const char * const funding_codes[] = {
  "local_budget", "republican_budget", "donor", "community", "diaspora", "private", "other",
};

typedef struct
{
  char *code;
  char *name;
} DemoArea;

static void
demo_area_clear (gpointer data)
{
  DemoArea *a = data;

  g_free (a->code);
  g_free (a->name);
}

static gboolean
add_demo_area (AimakStmt  *st,
               gpointer    user_data,
               GError    **error)
{
  GArray **lists = user_data;
  DemoArea a = { g_strdup (aimak_stmt_text (st, 0)), g_strdup (aimak_stmt_text (st, 1)) };

  if (aimak_stmt_int (st, 2))
    {
      DemoArea b = { g_strdup (a.code), g_strdup (a.name) };
      g_array_append_val (lists[1], b);
    }
  g_array_append_val (lists[0], a);
  return TRUE;
}

static gboolean
load_areas (AimakDb *db,
            GArray  *all,
            GArray  *pilots,
            GError **error)
{
  GArray *lists[] = { all, pilots };

  /* Level 2 and 3 areas; pilots are the pilot areas and everything below them. */
  if (!aimak_db_foreach (db, error, add_demo_area, lists,
                         "WITH RECURSIVE p(code) AS (SELECT code FROM area WHERE is_pilot = 1 "
                         "UNION SELECT a.code FROM area a JOIN p ON a.parent_code = p.code) "
                         "SELECT code, name_en, code IN (SELECT code FROM p) FROM area "
                         "WHERE level IN (2, 3) ORDER BY code", NULL))
    return FALSE;
  if (all->len == 0)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                   _("The database has no areas: demo data need the reference data."));
      return FALSE;
    }
  return TRUE;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static double
round_to (double v,
          double step)
{
  return floor (v / step + 0.5) * step;
}

/* Demo ids are time-ordered UUIDs (version 7 layout: milliseconds, then random
 * bits). Random version-4 ids would scatter 100,000 inserts over every B-tree
 * keyed by priority id; ordered ones append, which is several times faster and
 * leaves pages full. The random part comes from the global generator, not the
 * seed, so that two runs with one seed never share an id. */
static char *
demo_uuid (guint64 ms)
{
  guint32 a = g_random_int (), b = g_random_int (), c = g_random_int ();

  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x",
                          (guint32) (ms >> 16), (guint) (ms & 0xffff), a & 0xfff,
                          0x8000 | ((a >> 12) & 0x3fff), b & 0xffff, c);
}

static char *
random_date (GRand *rand,
             int    year_from,
             int    year_to)
{
  int y = g_rand_int_range (rand, year_from, year_to + 1);
  int m = g_rand_int_range (rand, 1, 13);
  int d = g_rand_int_range (rand, 1, g_date_get_days_in_month (m, y) + 1);

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static const char *
random_answer (GRand *rand,
               int    yes_percent,
               int    partly_percent)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (r < yes_percent)
    return AIMAK_CHECKLIST_YES;
  if (r < yes_percent + partly_percent)
    return AIMAK_CHECKLIST_PARTLY;
  return AIMAK_CHECKLIST_NO;
}

/* One plausible priority; the status is lowered to draft if the record would
 * not pass validation, so demo data obey the same rules as real data. */
static AimakPriority *
make_priority (GRand          *rand,
               const DemoArea *area,
               const char     *timestamp,
               char           *id)
{
  const Template *t = &templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
  int tg = g_rand_int_range (rand, 0, G_N_ELEMENTS (target_group_phrases));
  AimakPriority *p = aimak_priority_new (area->code);
  int r = g_rand_int_range (rand, 0, 100);
  int marker = r < 30 ? 0 : r < 75 ? 1 : 2;
  g_autoptr(GPtrArray) problems = NULL;
  int n_ind;

  g_free (p->title);
  p->title = g_strdup_printf ("%s %s", t->title, target_group_phrases[tg][1]);
  g_free (p->problem);
  p->problem = g_strdup_printf ("%s (%s)", t->problem, area->name);
  g_free (p->description);
  p->description = g_strdup (t->description);
  p->sector_code = g_strdup (t->sector);
  p->is_demo = TRUE;
  p->id = id;

  g_ptr_array_add (p->target_groups, g_strdup (target_group_phrases[tg][0]));
  if (g_rand_boolean (rand))
    {
      const char *other = target_group_phrases[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (target_group_phrases))][0];
      if (g_strcmp0 (other, target_group_phrases[tg][0]) != 0)
        g_ptr_array_add (p->target_groups, g_strdup (other));
    }
  g_ptr_array_add (p->gcm, g_strdup (t->gcm[0]));
  if (g_rand_boolean (rand))
    g_ptr_array_add (p->gcm, g_strdup (t->gcm[1]));
  g_ptr_array_add (p->sdg, g_strdup (t->sdg[0]));
  if (g_rand_boolean (rand))
    g_ptr_array_add (p->sdg, g_strdup (t->sdg[1]));

  /* Checklist answers that go with the intended marker. */
  for (guint i = 0; i < G_N_ELEMENTS (checklist_codes); i++)
    {
      const char *answer = marker == 2 ? random_answer (rand, 85, 15)
                           : marker == 1 ? random_answer (rand, 45, 35)
                           : random_answer (rand, 10, 30);
      aimak_priority_set_answer (p, checklist_codes[i], answer);
    }
  if (marker == 2 && g_rand_int_range (rand, 0, 10) < 9)
    aimak_priority_set_answer (p, "women_consulted", AIMAK_CHECKLIST_YES);
  p->gender_marker = marker;
  if (marker > 0)
    {
      g_free (p->marker_justification);
      p->marker_justification = g_strdup (PICK (rand, justifications));
    }

  n_ind = g_rand_int_range (rand, marker == 2 ? 1 : 0, 3);
  for (int i = 0; i < n_ind; i++)
    {
      int k = g_rand_int_range (rand, 0, G_N_ELEMENTS (indicator_templates));
      AimakPriorityIndicator *ind = aimak_priority_indicator_new (indicator_templates[k].name,
                                                                  indicator_templates[k].unit);
      double lo = indicator_templates[k].lo, hi = indicator_templates[k].hi;
      double step = hi > 1000 ? 100 : 1;

      ind->baseline_f = round_to (g_rand_double_range (rand, lo, (lo + hi) / 2), step);
      ind->baseline_m = round_to (g_rand_double_range (rand, lo, (lo + hi) / 2), step);
      ind->target_f = round_to (ind->baseline_f * g_rand_double_range (rand, 1.1, 2.0), step);
      ind->target_m = round_to (ind->baseline_m * g_rand_double_range (rand, 1.1, 1.6), step);
      if (g_rand_int_range (rand, 0, 10) == 0)
        ind->target_m = NAN;  /* some planners leave a value out */
      g_ptr_array_add (p->indicators, ind);
    }

  if (g_rand_int_range (rand, 0, 10) > 0)
    p->budget_kgs = round_to (exp (g_rand_double_range (rand, log (50000), log (20000000))),
                              1000);
  p->funding_source = g_strdup (PICK (rand, funding_codes));
  g_free (p->responsible);
  p->responsible = g_strdup (PICK (rand, responsibles));
  g_free (p->partners);
  p->partners = g_strdup (PICK (rand, partners_list));
  p->start_year = g_rand_int_range (rand, 2024, 2028);
  p->end_year = p->start_year + g_rand_int_range (rand, 0, 4);

  r = g_rand_int_range (rand, 0, 100);
  g_free (p->status);
  p->status = g_strdup (r < 25 ? "draft" : r < 50 ? "proposed" : r < 70 ? "approved"
                        : r < 85 ? "in_progress" : r < 93 ? "completed" : "rejected");
  if (g_strcmp0 (p->status, "draft") != 0)
    {
      p->hearing_date = random_date (rand, p->start_year - 1, p->start_year - 1);
      p->hearing_participants_f = g_rand_int_range (rand, 5, 80);
      p->hearing_participants_m = g_rand_int_range (rand, 5, 80);
    }
  if (aimak_priority_status_needs_decision (p->status))
    {
      g_free (p->kenesh_decision_no);
      p->kenesh_decision_no = g_strdup_printf ("%d-%d", g_rand_int_range (rand, 1, 40),
                                               g_rand_int_range (rand, 1, 12));
      p->kenesh_decision_date = g_strdup_printf ("%d-12-%02d", p->start_year - 1,
                                                 g_rand_int_range (rand, 10, 29));
    }
  problems = aimak_priority_validate (p);
  if (problems->len > 0 && aimak_priority_status_is_final (p->status))
    {
      g_free (p->status);
      p->status = g_strdup ("draft");
    }

  p->created_at = g_strdup (timestamp);
  p->updated_at = g_strdup (timestamp);
  return p;
}

/* Priorities are staged, one row each with their links as JSON, in a temporary
 * table and moved in batches by a few INSERT … SELECT statements. One INSERT per
 * row is several times slower here: FTS5 writes its pending terms to disk at
 * every statement savepoint (100,000 tiny index segments to merge), and a
 * priority has about 14 link rows. */
#define BATCH 5000

#define PRIORITY_COLUMNS \
  "id, area_code, rank, title, problem, description, sector_code, gender_marker, " \
  "marker_justification, status, budget_kgs, funding_source, responsible, partners, " \
  "start_year, end_year, hearing_date, hearing_participants_f, hearing_participants_m, " \
  "kenesh_decision_no, kenesh_decision_date, is_demo, created_at, updated_at"

static const char stage_create_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS demo_stage (" PRIORITY_COLUMNS ", "
  "target_groups, gcm, sdg, checklist, indicators); DELETE FROM temp.demo_stage";

static const char * const move_sql[] = {
  "INSERT INTO main.priority (" PRIORITY_COLUMNS ") SELECT " PRIORITY_COLUMNS
  " FROM temp.demo_stage ORDER BY rowid",
  "INSERT INTO main.priority_target_group (priority_id, group_code) "
  "SELECT s.id, j.value FROM temp.demo_stage s, json_each (s.target_groups) j",
  "INSERT INTO main.priority_gcm (priority_id, objective_code) "
  "SELECT s.id, j.value FROM temp.demo_stage s, json_each (s.gcm) j",
  "INSERT INTO main.priority_sdg (priority_id, target_code) "
  "SELECT s.id, j.value FROM temp.demo_stage s, json_each (s.sdg) j",
  "INSERT INTO main.priority_checklist (priority_id, item_code, answer) "
  "SELECT s.id, j.key, j.value FROM temp.demo_stage s, json_each (s.checklist) j",
  "INSERT INTO main.priority_indicator (priority_id, position, name, unit, baseline_f, "
  "baseline_m, target_f, target_m) SELECT s.id, j.key, j.value ->> 0, j.value ->> 1, "
  "j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 "
  "FROM temp.demo_stage s, json_each (s.indicators) j",
  "DELETE FROM temp.demo_stage",
};

/* The demo texts and codes are our own constants: no quotes or backslashes to escape. */
static char *
json_codes (const GPtrArray *codes)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (s, "%s\"%s\"", i ? "," : "", (char *) g_ptr_array_index (codes, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
append_json_number (GString *s,
                    double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (s, ',');
  g_string_append (s, isnan (v) ? "null" : g_ascii_dtostr (buf, sizeof buf, v));
}

static char *
json_checklist (GHashTable *checklist)
{
  GString *s = g_string_new ("{");
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (s, "%s\"%s\":\"%s\"", s->len > 1 ? "," : "", (char *) key,
                            (char *) value);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static char *
json_indicators (const GPtrArray *indicators)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (indicators, i);

      g_string_append_printf (s, "%s[\"%s\",\"%s\"", i ? "," : "", ind->name, ind->unit);
      append_json_number (s, ind->baseline_f);
      append_json_number (s, ind->baseline_m);
      append_json_number (s, ind->target_f);
      append_json_number (s, ind->target_m);
      g_string_append_c (s, ']');
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static gboolean
stage_priority (AimakDb             *db,
                const AimakPriority *p,
                GError             **error)
{
  g_autofree char *tg = json_codes (p->target_groups);
  g_autofree char *gcm = json_codes (p->gcm);
  g_autofree char *sdg = json_codes (p->sdg);
  g_autofree char *cl = json_checklist (p->checklist);
  g_autofree char *ind = json_indicators (p->indicators);

  return aimak_db_exec (db, error,
                        "INSERT INTO temp.demo_stage (" PRIORITY_COLUMNS ", target_groups, gcm, "
                        "sdg, checklist, indicators) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                        "ttittttittdtttjjtjjttttttttt",
                        p->id, p->area_code, p->rank, p->title, p->problem, p->description,
                        p->sector_code, p->gender_marker, p->marker_justification, p->status,
                        p->budget_kgs, p->funding_source, p->responsible, p->partners,
                        p->start_year, p->end_year, p->hearing_date,
                        p->hearing_participants_f < 0 ? G_MININT : p->hearing_participants_f,
                        p->hearing_participants_m < 0 ? G_MININT : p->hearing_participants_m,
                        p->kenesh_decision_no, p->kenesh_decision_date, p->created_at,
                        p->updated_at, tg, gcm, sdg, cl, ind);
}

static gboolean
move_staged (AimakDb *db,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (move_sql); i++)
    if (!aimak_db_exec (db, error, move_sql[i], NULL))
      return FALSE;
  return TRUE;
}

static gboolean
insert_activity (AimakDb    *db,
                 GRand      *rand,
                 const char *area_code,
                 const char *priority_id,
                 const char *timestamp,
                 GError    **error)
{
  g_autofree char *id = demo_uuid ((guint64) (g_get_real_time () / 1000));
  g_autofree char *date = random_date (rand, 2023, 2025);
  double pre = g_rand_int_range (rand, 30, 61);
  double post = pre + g_rand_int_range (rand, 5, 31);
  int n_roles = g_rand_int_range (rand, 2, 5);
  int first = g_rand_int_range (rand, 0, G_N_ELEMENTS (role_codes));

  if (!aimak_db_exec (db, error,
                      "INSERT INTO activity (id, area_code, date, type, topic, facilitator, "
                      "pre_score, post_score, is_demo, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", "ttttttddtt",
                      id, area_code, date, PICK (rand, activity_types),
                      PICK (rand, activity_topics), PICK (rand, facilitators), pre, post,
                      timestamp, timestamp))
    return FALSE;
  for (int i = 0; i < n_roles; i++)
    {
      const char *role = role_codes[(first + i) % G_N_ELEMENTS (role_codes)];

      if (!aimak_db_exec (db, error,
                          "INSERT INTO activity_participant (activity_id, role_code, women, men) "
                          "VALUES (?, ?, ?, ?)", "ttii", id, role,
                          g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 0, 21)))
        return FALSE;
    }
  if (priority_id &&
      !aimak_db_exec (db, error, "INSERT INTO activity_priority (activity_id, priority_id) "
                      "VALUES (?, ?)", "tt", id, priority_id))
    return FALSE;
  return TRUE;
}

/* Next free rank of each area that already has priorities. */
static gboolean
add_rank (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  g_hash_table_insert (user_data, g_strdup (aimak_stmt_text (st, 0)),
                       GINT_TO_POINTER (aimak_stmt_int (st, 1)));
  return TRUE;
}

static gboolean
load_ranks (AimakDb    *db,
            GHashTable *ranks,
            GError    **error)
{
  return aimak_db_foreach (db, error, add_rank, ranks,
                           "SELECT area_code, count(*) FROM priority "
                           "WHERE deleted_at IS NULL GROUP BY area_code", NULL);
}

static gboolean
create_body (AimakDb  *db,
             GRand    *rand,
             guint     n_priorities,
             guint     n_activities,
             GError  **error)
{
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (DemoArea));
  g_autoptr(GArray) pilots = g_array_new (FALSE, FALSE, sizeof (DemoArea));
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) created_area = g_array_new (FALSE, FALSE, sizeof (DemoArea *));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint64 id_base = (guint64) (g_get_real_time () / 1000);

  g_array_set_clear_func (areas, demo_area_clear);
  g_array_set_clear_func (pilots, demo_area_clear);
  if (!load_areas (db, areas, pilots, error) || !load_ranks (db, ranks, error))
    return FALSE;

  if (!aimak_db_exec_script (db, stage_create_sql, error))
    return FALSE;
  for (guint i = 0; i < n_priorities; i++)
    {
      /* A quarter in the pilot areas, where the programme is being tried. */
      GArray *from = pilots->len > 0 && g_rand_int_range (rand, 0, 4) == 0 ? pilots : areas;
      DemoArea *area = &g_array_index (from, DemoArea, g_rand_int_range (rand, 0, from->len));
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -g_rand_double_range (rand, 0,
                                                                                      3.0e7));
      g_autofree char *ts = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S.%fZ");
      g_autoptr(AimakPriority) p = make_priority (rand, area, ts, demo_uuid (id_base + i));
      int rank = GPOINTER_TO_INT (g_hash_table_lookup (ranks, area->code)) + 1;

      g_hash_table_replace (ranks, g_strdup (area->code), GINT_TO_POINTER (rank));
      p->rank = rank;
      if (!stage_priority (db, p, error))
        return FALSE;
      if ((i + 1) % BATCH == 0 && !move_staged (db, error))
        return FALSE;
      if (n_activities > 0)
        {
          g_ptr_array_add (created, g_steal_pointer (&p->id));
          g_array_append_val (created_area, area);
        }
    }
  if (!move_staged (db, error))
    return FALSE;

  for (guint i = 0; i < n_activities; i++)
    {
      g_autofree char *ts = aimak_db_now ();
      const char *priority_id = NULL;
      DemoArea *area;

      /* Many trainings prepare a particular priority: link those to one. */
      if (created->len > 0 && g_rand_int_range (rand, 0, 10) < 4)
        {
          guint k = g_rand_int_range (rand, 0, created->len);
          priority_id = g_ptr_array_index (created, k);
          area = g_array_index (created_area, DemoArea *, k);
        }
      else
        {
          GArray *from = pilots->len > 0 && g_rand_int_range (rand, 0, 10) < 6 ? pilots : areas;
          area = &g_array_index (from, DemoArea, g_rand_int_range (rand, 0, from->len));
        }
      if (!insert_activity (db, rand, area->code, priority_id, ts, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GRand *rand;
  guint  n_priorities;
  guint  n_activities;
} Create;

static gboolean
create_work (AimakDb   *db,
             gpointer   user_data,
             GError   **error)
{
  Create *c = user_data;

  return create_body (db, c->rand, c->n_priorities, c->n_activities, error);
}

gboolean
aimak_demo_create (AimakDb  *db,
                   guint     n_priorities,
                   guint     n_activities,
                   guint32   seed,
                   GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 cache_size;
  g_autofree char *restore = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One transaction of 100,000 priorities touches ~250 MB of pages; with the
   * default 2 MB page cache SQLite spills them to the WAL over and over. A
   * 128 MB cache for the time of the load is much faster (and 256 MB no faster). */
  cache_size = aimak_db_query_int (db, -2000, NULL, "PRAGMA cache_size", NULL);
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  if (n_priorities > 1000)
    aimak_db_exec_script (db, "PRAGMA cache_size = -131072", NULL);

  {
    Create c = { rand, n_priorities, n_activities };
    ok = aimak_db_run_in_transaction (db, create_work, &c, error);
  }
  aimak_db_exec_script (db, "DROP TABLE IF EXISTS temp.demo_stage", NULL);
  aimak_db_exec_script (db, restore, NULL);
  return ok;
}

static gboolean
count_demo (AimakDb    *db,
            const char *sql,
            guint      *n,
            GError    **error)
{
  gint64 count;
  gboolean ok = aimak_db_query_count (db, &count, error, sql, NULL);

  *n = (guint) count;
  return ok;
}

/* The counts of what is removed, filled by remove_body(). */
typedef struct
{
  guint priorities;
  guint activities;
  guint values;
} Removed;

static gboolean
remove_body (AimakDb   *db,
             gpointer   user_data,
             GError   **error)
{
  Removed *r = user_data;

  return count_demo (db, "SELECT count(*) FROM priority WHERE is_demo = 1", &r->priorities,
                     error) &&
         count_demo (db, "SELECT count(*) FROM activity WHERE is_demo = 1", &r->activities,
                     error) &&
         count_demo (db, "SELECT count(*) FROM indicator_value WHERE is_demo = 1", &r->values,
                     error) &&
         /* Their history goes with them: it describes records that no longer exist. */
         aimak_db_exec (db, error, "DELETE FROM change_log WHERE entity = 'priority' AND "
                        "entity_id IN (SELECT id FROM priority WHERE is_demo = 1)", NULL) &&
         aimak_db_exec (db, error, "DELETE FROM change_log WHERE entity = 'activity' AND "
                        "entity_id IN (SELECT id FROM activity WHERE is_demo = 1)", NULL) &&
         /* Links go first: activity_priority has no index on priority_id, so letting
          * the foreign-key cascade find them would scan it once per priority. */
         aimak_db_exec (db, error, "DELETE FROM activity_priority WHERE priority_id IN "
                        "(SELECT id FROM priority WHERE is_demo = 1) OR activity_id IN "
                        "(SELECT id FROM activity WHERE is_demo = 1)", NULL) &&
         aimak_db_exec (db, error, "DELETE FROM priority WHERE is_demo = 1", NULL) &&
         aimak_db_exec (db, error, "DELETE FROM activity WHERE is_demo = 1", NULL) &&
         aimak_db_exec (db, error, "DELETE FROM indicator_value WHERE is_demo = 1", NULL) &&
         /* Real priorities added after the demo ones are numbered after them: close the
          * gaps so that every area's ranks are 1..n again. */
         aimak_db_exec (db, error,
                        "UPDATE priority SET rank = r.n FROM (SELECT rowid AS rid, row_number() "
                        "OVER (PARTITION BY area_code ORDER BY rank, rowid) AS n FROM priority "
                        "WHERE deleted_at IS NULL) AS r WHERE priority.rowid = r.rid "
                        "AND priority.rank <> r.n", NULL);
}

gboolean
aimak_demo_remove_counts (AimakDb  *db,
                          guint    *n_priorities,
                          guint    *n_activities,
                          guint    *n_indicator_values,
                          GError  **error)
{
  Removed r = { 0, 0, 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!aimak_db_run_in_transaction (db, remove_body, &r, error))
    return FALSE;
  if (n_priorities)
    *n_priorities = r.priorities;
  if (n_activities)
    *n_activities = r.activities;
  if (n_indicator_values)
    *n_indicator_values = r.values;
  return TRUE;
}

gboolean
aimak_demo_remove (AimakDb  *db,
                   guint    *n_removed,
                   GError  **error)
{
  guint np = 0, na = 0, nv = 0;

  if (!aimak_demo_remove_counts (db, &np, &na, &nv, error))
    return FALSE;
  if (n_removed)
    *n_removed = np + na + nv;
  return TRUE;
}

gboolean
aimak_demo_present (AimakDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return aimak_db_query_int (db, 0, NULL,
                             "SELECT EXISTS (SELECT 1 FROM priority WHERE is_demo = 1) "
                             "OR EXISTS (SELECT 1 FROM activity WHERE is_demo = 1) "
                             "OR EXISTS (SELECT 1 FROM indicator_value WHERE is_demo = 1)",
                             NULL) != 0;
}

gint64
aimak_demo_count_records (AimakDb  *db,
                          GError  **error)
{
  gint64 n;

  g_return_val_if_fail (db != NULL, -1);
  if (!aimak_db_query_count (db, &n, error,
                             "SELECT (SELECT count(*) FROM priority WHERE is_demo = 1) + "
                             "(SELECT count(*) FROM activity WHERE is_demo = 1) + "
                             "(SELECT count(*) FROM indicator_value WHERE is_demo = 1)", NULL))
    return -1;
  return n;
}
