/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-summary.c — the Summary figures on a fixture database with known answers,
 * for each scope, and their JSON form. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "aimak-area-private.h"
#include "aimak-test-util.h"
#include "aimak-db-private.h"

#define SUZAK_AA     "KG03220856000"
#define SUZAK_RAYON  "KG03220000000"
#define BARSKOON_AA  "KG02210815000"

typedef struct
{
  AimakTestDb base;         /* a temporary folder with a database */
  char       *other_area;   /* a level-3 area outside the pilot rayons */
} Fixture;

static void
priority (Fixture    *f,
          const char *area,
          const char *status,
          int         marker,
          double      budget,
          const char *funding,
          const char *groups,
          const char *gcm,
          const char *sdg,
          gboolean    deleted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = aimak_uuid_new ();
  g_auto(GStrv) g = g_strsplit (groups, ",", -1);
  g_auto(GStrv) o = g_strsplit (gcm, ",", -1);
  g_auto(GStrv) s = g_strsplit (sdg, ",", -1);

  aimak_db_exec (f->base.db, &error,
                 "INSERT INTO priority (id, area_code, rank, title, status, gender_marker, "
                 "budget_kgs, funding_source, created_at, updated_at, deleted_at) "
                 "VALUES (?, ?, 1, 'P', ?, ?, ?, ?, '2024-01-01', '2024-01-01', ?)",
                 "tttidtt", id, area, status, marker, budget, funding,
                 deleted ? "2024-02-01" : NULL);
  g_assert_no_error (error);
  for (guint i = 0; g[i]; i++)
    if (*g[i])
      aimak_db_exec (f->base.db, &error, "INSERT INTO priority_target_group VALUES (?, ?)", "tt",
                     id, g[i]);
  for (guint i = 0; o[i]; i++)
    if (*o[i])
      aimak_db_exec (f->base.db, &error, "INSERT INTO priority_gcm VALUES (?, ?)", "tt", id, o[i]);
  for (guint i = 0; s[i]; i++)
    if (*s[i])
      aimak_db_exec (f->base.db, &error, "INSERT INTO priority_sdg VALUES (?, ?)", "tt", id, s[i]);
  g_assert_no_error (error);
}

static void
activity (Fixture    *f,
          const char *area,
          const char *type,
          const char *role1,
          int         w1,
          int         m1,
          const char *role2,
          int         w2,
          int         m2,
          gboolean    deleted)
{
  g_autoptr(AimakActivity) a = aimak_activity_new (area);
  g_autoptr(GError) error = NULL;

  g_free (a->type);
  a->type = g_strdup (type);
  g_free (a->date);
  a->date = g_strdup ("2024-06-01");
  g_free (a->topic);
  a->topic = g_strdup ("Training");
  aimak_activity_set_participants (a, role1, w1, m1);
  if (role2)
    aimak_activity_set_participants (a, role2, w2, m2);
  g_assert_true (aimak_activity_create (f->base.db, a, &error));
  g_assert_no_error (error);
  if (deleted)
    g_assert_true (aimak_activity_delete (f->base.db, a->id, &error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  aimak_test_db_set_up (&f->base, data);
  f->other_area = aimak_db_query_text (f->base.db, &error,
                                       "SELECT code FROM area WHERE level = 3 AND is_pilot = 0 "
                                       "AND parent_code NOT IN (?, 'KG02210000000') "
                                       "ORDER BY code LIMIT 1", "t", SUZAK_RAYON);
  g_assert_no_error (error);
  g_assert_nonnull (f->other_area);

  /* Suzak ayil aimak: three live priorities and a deleted one that must not count. */
  priority (f, SUZAK_AA, "draft", 2, 1000000, "local_budget",
            "returning_women_migrants,women_left_behind", "2,7", "5.1,10.7", FALSE);
  priority (f, SUZAK_AA, "approved", 1, 500000, "donor", "returning_women_migrants", "7", "",
            FALSE);
  priority (f, SUZAK_AA, "approved", 0, 250000, NULL, "", "", "", FALSE);
  priority (f, SUZAK_AA, "completed", 2, 9999999, "donor", "children_left_behind", "3", "1.3",
            TRUE);
  /* Barskoon (the other pilot), and an area outside the pilots. */
  priority (f, BARSKOON_AA, "proposed", 0, 2000000, "local_budget", "potential_migrants", "2",
            "", FALSE);
  priority (f, f->other_area, "completed", 1, 100, "community", "", "", "", FALSE);
  /* A priority without a budget counts as a priority but adds nothing to budgets. */
  priority (f, f->other_area, "draft", 2, NAN, NULL, "", "", "", FALSE);

  activity (f, SUZAK_AA, "training", "local_authority", 12, 5, "kenesh_deputy", 3, 0, FALSE);
  activity (f, SUZAK_AA, "workshop", "cbo_member", 2, 4, NULL, 0, 0, FALSE);
  activity (f, SUZAK_AA, "training", "women_group", 100, 0, NULL, 0, 0, TRUE);
  activity (f, BARSKOON_AA, "training", "community_leader", 1, 9, NULL, 0, 0, FALSE);
  activity (f, f->other_area, "community_dialogue", "other", 7, 7, NULL, 0, 0, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aimak_test_db_tear_down (&f->base, data);
  g_free (f->other_area);
}

static double
value_of (GPtrArray  *items,
          const char *code)
{
  for (guint i = 0; i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);
      if (g_strcmp0 (item->code, code) == 0)
        return item->value;
    }
  return -1;  /* absent */
}

static AimakSummaryRoleItem *
role_of (AimakSummary *s,
         const char   *code)
{
  for (guint i = 0; i < s->participants_by_role->len; i++)
    {
      AimakSummaryRoleItem *item = g_ptr_array_index (s->participants_by_role, i);
      if (g_strcmp0 (item->code, code) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static AimakSummary *
compute (Fixture        *f,
         AimakScopeKind  kind,
         const char     *area)
{
  g_autoptr(AimakScope) scope = aimak_scope_new (kind, area);
  g_autoptr(GError) error = NULL;
  AimakSummary *s = aimak_summary_compute (f->base.db, scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
check_suzak (AimakSummary *s)
{
  g_assert_cmpuint (s->priorities_total, ==, 3);

  /* Every status in list order, zeros included. */
  g_assert_cmpuint (s->priorities_by_status->len, ==, 6);
  g_assert_cmpstr (((AimakSummaryItem *) s->priorities_by_status->pdata[0])->code, ==, "draft");
  g_assert_cmpstr (((AimakSummaryItem *) s->priorities_by_status->pdata[0])->label, ==, "Draft");
  g_assert_cmpstr (((AimakSummaryItem *) s->priorities_by_status->pdata[5])->code, ==, "rejected");
  g_assert_cmpfloat (value_of (s->priorities_by_status, "draft"), ==, 1);
  g_assert_cmpfloat (value_of (s->priorities_by_status, "proposed"), ==, 0);
  g_assert_cmpfloat (value_of (s->priorities_by_status, "approved"), ==, 2);
  g_assert_cmpfloat (value_of (s->priorities_by_status, "completed"), ==, 0);

  g_assert_cmpuint (s->priorities_by_marker->len, ==, 3);
  g_assert_cmpfloat (value_of (s->priorities_by_marker, "0"), ==, 1);
  g_assert_cmpfloat (value_of (s->priorities_by_marker, "1"), ==, 1);
  g_assert_cmpfloat (value_of (s->priorities_by_marker, "2"), ==, 1);
  g_assert_cmpstr (((AimakSummaryItem *) s->priorities_by_marker->pdata[2])->label, ==,
                   "Principal");

  g_assert_cmpfloat (value_of (s->budget_by_marker, "0"), ==, 250000);
  g_assert_cmpfloat (value_of (s->budget_by_marker, "1"), ==, 500000);
  g_assert_cmpfloat (value_of (s->budget_by_marker, "2"), ==, 1000000);
  g_assert_cmpfloat (s->budget_total, ==, 1750000);
  /* All proposals: the draft counts; adopted programme: only the two approved. */
  g_assert_cmpfloat_with_epsilon (s->gender_share_proposals, 1500000.0 / 1750000.0, 1e-12);
  g_assert_cmpfloat (s->budget_adopted, ==, 750000);
  g_assert_cmpfloat (s->gender_budget_adopted, ==, 500000);
  g_assert_cmpfloat_with_epsilon (s->gender_share_adopted, 500000.0 / 750000.0, 1e-12);

  /* Every funding source, then "" for none. */
  g_assert_cmpuint (s->budget_by_funding->len, ==, 8);
  g_assert_cmpstr (((AimakSummaryItem *) s->budget_by_funding->pdata[7])->code, ==, "");
  g_assert_cmpstr (((AimakSummaryItem *) s->budget_by_funding->pdata[7])->label, ==,
                   "No funding source");
  g_assert_cmpfloat (value_of (s->budget_by_funding, "local_budget"), ==, 1000000);
  g_assert_cmpfloat (value_of (s->budget_by_funding, "donor"), ==, 500000);
  g_assert_cmpfloat (value_of (s->budget_by_funding, "community"), ==, 0);
  g_assert_cmpfloat (value_of (s->budget_by_funding, ""), ==, 250000);

  g_assert_cmpuint (s->priorities_by_target_group->len, ==, 10);
  g_assert_cmpfloat (value_of (s->priorities_by_target_group, "returning_women_migrants"), ==, 2);
  g_assert_cmpfloat (value_of (s->priorities_by_target_group, "women_left_behind"), ==, 1);
  g_assert_cmpfloat (value_of (s->priorities_by_target_group, "children_left_behind"), ==, 0);

  /* Only objectives and targets with at least one live priority, in list order. */
  g_assert_cmpuint (s->gcm_covered->len, ==, 2);
  g_assert_cmpstr (((AimakSummaryItem *) s->gcm_covered->pdata[0])->code, ==, "2");
  g_assert_cmpstr (((AimakSummaryItem *) s->gcm_covered->pdata[1])->code, ==, "7");
  g_assert_cmpfloat (value_of (s->gcm_covered, "2"), ==, 1);
  g_assert_cmpfloat (value_of (s->gcm_covered, "7"), ==, 2);
  g_assert_cmpfloat (value_of (s->gcm_covered, "3"), ==, -1);  /* only the deleted one */
  g_assert_cmpuint (s->sdg_covered->len, ==, 2);
  g_assert_cmpfloat (value_of (s->sdg_covered, "5.1"), ==, 1);
  g_assert_cmpfloat (value_of (s->sdg_covered, "10.7"), ==, 1);

  g_assert_cmpuint (s->participants_by_role->len, ==, 8);
  g_assert_cmpuint (role_of (s, "local_authority")->women, ==, 12);
  g_assert_cmpuint (role_of (s, "local_authority")->men, ==, 5);
  g_assert_cmpuint (role_of (s, "kenesh_deputy")->women, ==, 3);
  g_assert_cmpuint (role_of (s, "cbo_member")->men, ==, 4);
  g_assert_cmpuint (role_of (s, "women_group")->women, ==, 0);  /* deleted activity */
  g_assert_cmpuint (s->participants_women, ==, 17);
  g_assert_cmpuint (s->participants_men, ==, 9);

  g_assert_cmpuint (s->activities_by_type->len, ==, 5);
  g_assert_cmpfloat (value_of (s->activities_by_type, "training"), ==, 1);
  g_assert_cmpfloat (value_of (s->activities_by_type, "workshop"), ==, 1);
  g_assert_cmpfloat (value_of (s->activities_by_type, "community_dialogue"), ==, 0);
  g_assert_cmpuint (s->activities_total, ==, 2);
  g_assert_cmpuint (s->gcm_objectives_total, ==, 23);
  g_assert_cmpuint (s->sdg_targets_total, >, 10);
}

static void
test_area (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AimakSummary) aa = compute (f, AIMAK_SCOPE_AREA, SUZAK_AA);
  g_autoptr(AimakSummary) rayon = compute (f, AIMAK_SCOPE_AREA, SUZAK_RAYON);

  check_suzak (aa);
  g_assert_cmpstr (aa->scope_label, ==, "Suzak");
  /* The rayon includes its ayil aimaks: here the same figures. */
  check_suzak (rayon);
}

static void
test_pilots_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AimakSummary) p = compute (f, AIMAK_SCOPE_PILOTS, NULL);
  g_autoptr(AimakSummary) all = compute (f, AIMAK_SCOPE_ALL, NULL);

  g_assert_cmpstr (p->scope_label, ==, "Pilot areas");
  g_assert_cmpuint (p->priorities_total, ==, 4);
  g_assert_cmpfloat (p->budget_total, ==, 3750000);
  g_assert_cmpfloat_with_epsilon (p->gender_share_proposals, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (p->gender_share_adopted, 500000.0 / 750000.0, 1e-12);
  g_assert_cmpfloat (value_of (p->priorities_by_status, "proposed"), ==, 1);
  g_assert_cmpfloat (value_of (p->budget_by_funding, "local_budget"), ==, 3000000);
  g_assert_cmpfloat (value_of (p->priorities_by_target_group, "potential_migrants"), ==, 1);
  g_assert_cmpfloat (value_of (p->gcm_covered, "2"), ==, 2);
  g_assert_cmpuint (p->participants_women, ==, 18);
  g_assert_cmpuint (p->participants_men, ==, 18);
  g_assert_cmpfloat (value_of (p->activities_by_type, "training"), ==, 2);
  g_assert_cmpuint (p->activities_total, ==, 3);

  g_assert_cmpstr (all->scope_label, ==, "All areas");
  g_assert_cmpuint (all->priorities_total, ==, 6);
  g_assert_cmpfloat (all->budget_total, ==, 3750100);
  g_assert_cmpfloat_with_epsilon (all->gender_share_proposals, 1500100.0 / 3750100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (all->gender_share_adopted, 500100.0 / 750100.0, 1e-12);
  g_assert_cmpfloat (value_of (all->priorities_by_marker, "2"), ==, 2);
  g_assert_cmpfloat (value_of (all->budget_by_marker, "2"), ==, 1000000);
  g_assert_cmpfloat (value_of (all->budget_by_funding, "community"), ==, 100);
  g_assert_cmpfloat (value_of (all->priorities_by_status, "completed"), ==, 1);
  g_assert_cmpuint (all->participants_women, ==, 25);
  g_assert_cmpuint (all->participants_men, ==, 25);
  g_assert_cmpfloat (value_of (all->activities_by_type, "community_dialogue"), ==, 1);
  g_assert_cmpuint (all->activities_total, ==, 4);

  /* The scope's codes: pilots are the two ayil aimaks and the two rayons with children. */
  {
    g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_PILOTS, NULL);
    g_autoptr(GPtrArray) codes = aimak_scope_area_codes (f->base.db, scope, NULL);
    g_autoptr(GPtrArray) rayon = aimak_area_descendants (f->base.db, SUZAK_RAYON, NULL);
    g_autoptr(GPtrArray) jeti = aimak_area_descendants (f->base.db, "KG02210000000", NULL);
    g_assert_cmpuint (codes->len, ==, rayon->len + jeti->len);
    g_assert_true (g_ptr_array_find_with_equal_func (codes, SUZAK_AA, g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (codes, BARSKOON_AA, g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (codes, f->other_area, g_str_equal, NULL));
  }
  {
    g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_ALL, NULL);
    g_autoptr(GPtrArray) codes = aimak_scope_area_codes (f->base.db, scope, NULL);
    g_assert_cmpint (codes->len, ==, aimak_db_query_int (f->base.db, 0, NULL,
                                                         "SELECT count(*) FROM area", NULL));
  }
}

static void
test_empty_and_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakScope) bad = aimak_scope_new (AIMAK_SCOPE_AREA, "KG99999999999");
  g_autoptr(AimakScope) none = aimak_scope_new (AIMAK_SCOPE_AREA, NULL);
  g_autofree char *empty_area = aimak_db_query_text (f->base.db, NULL,
                                                     "SELECT code FROM area WHERE level = 3 "
                                                     "AND code NOT IN (?, ?, ?) ORDER BY code DESC "
                                                     "LIMIT 1", "ttt", SUZAK_AA, BARSKOON_AA,
                                                     f->other_area);
  g_autoptr(AimakSummary) s = compute (f, AIMAK_SCOPE_AREA, empty_area);

  g_assert_null (aimak_summary_compute (f->base.db, bad, &error));
  g_assert_error (error, AIMAK_SUMMARY_ERROR, AIMAK_SUMMARY_ERROR_UNKNOWN_AREA);
  g_assert_nonnull (strstr (error->message, "KG99999999999"));
  g_clear_error (&error);
  g_assert_null (aimak_scope_area_codes (f->base.db, bad, &error));
  g_assert_error (error, AIMAK_SUMMARY_ERROR, AIMAK_SUMMARY_ERROR_UNKNOWN_AREA);
  g_clear_error (&error);
  g_assert_null (aimak_summary_compute (f->base.db, none, &error));
  g_assert_error (error, AIMAK_SUMMARY_ERROR, AIMAK_SUMMARY_ERROR_UNKNOWN_AREA);
  g_clear_error (&error);
  g_assert_false (aimak_db_in_transaction (f->base.db));
  g_assert_true (sqlite3_get_autocommit (aimak_db_get_handle (f->base.db)));

  /* An area with nothing: zeros everywhere, no share (not 0 %). */
  g_assert_cmpuint (s->priorities_total, ==, 0);
  g_assert_cmpuint (s->priorities_by_status->len, ==, 6);
  g_assert_cmpfloat (s->budget_total, ==, 0);
  g_assert_true (isnan (s->gender_share_adopted));
  g_assert_true (isnan (s->gender_share_proposals));
  g_assert_cmpuint (s->gcm_covered->len, ==, 0);
  g_assert_cmpuint (s->participants_women + s->participants_men, ==, 0);
  g_assert_cmpuint (s->participants_by_role->len, ==, 8);
  g_assert_cmpuint (s->activities_total, ==, 0);
  {
    g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, empty_area);
    g_autofree char *json = aimak_summary_to_json (s, scope);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *o;

    g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
    o = json_node_get_object (json_parser_get_root (parser));
    JsonArray *shares = json_object_get_array_member (o, "gender_budget_shares");
    g_assert_cmpuint (json_array_get_length (shares), ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (
        json_array_get_object_element (shares, i), "value")));
  }
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AimakSummary) s = NULL;
  g_autoptr(AimakSummary) ky = NULL;

  aimak_db_set_language (f->base.db, "ru");
  s = compute (f, AIMAK_SCOPE_AREA, SUZAK_AA);
  g_assert_cmpstr (((AimakSummaryItem *) s->priorities_by_status->pdata[0])->label, ==,
                   "Черновик");
  g_assert_cmpstr (role_of (s, "kenesh_deputy")->label, ==, "Депутат местного кенеша");
  g_assert_cmpstr (s->language, ==, "ru");
  g_assert_cmpstr (s->scope_label, ==, "Сузак");
  g_assert_cmpuint (s->priorities_total, ==, 3);

  aimak_db_set_language (f->base.db, "ky");
  ky = compute (f, AIMAK_SCOPE_AREA, SUZAK_AA);
  g_assert_cmpstr (((AimakSummaryItem *) ky->priorities_by_status->pdata[0])->label, ==,
                   "Долбоор");
  aimak_db_set_language (f->base.db, "en");
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, SUZAK_AA);
  g_autoptr(AimakSummary) s = compute (f, AIMAK_SCOPE_AREA, SUZAK_AA);
  g_autofree char *json = aimak_summary_to_json (s, scope);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *keys[] = {
    "scope", "language", "priorities_total", "priorities_by_status", "priorities_by_marker",
    "budget_by_marker", "budget_by_funding", "budget_total", "budget_adopted",
    "gender_budget_shares",
    "priorities_by_target_group", "gcm_covered", "sdg_covered", "participants_by_role_and_sex",
    "participants_women", "participants_men", "activities_by_type", "activities_total",
    "gcm_objectives_total", "sdg_targets_total",
  };
  JsonObject *o, *scope_o, *item;
  JsonArray *arr;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpuint (json_object_get_size (o), ==, G_N_ELEMENTS (keys));

  scope_o = json_object_get_object_member (o, "scope");
  g_assert_cmpstr (json_object_get_string_member (scope_o, "kind"), ==, "area");
  g_assert_cmpstr (json_object_get_string_member (scope_o, "area_code"), ==, SUZAK_AA);
  g_assert_cmpstr (json_object_get_string_member (scope_o, "label"), ==, "Suzak");

  g_assert_cmpint (json_object_get_int_member (o, "priorities_total"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (o, "budget_total"), ==, 1750000);
  arr = json_object_get_array_member (o, "gender_budget_shares");
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  item = json_array_get_object_element (arr, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "adopted");
  g_assert_cmpstr (json_object_get_string_member (item, "label"), ==,
                   "Gender budget share, adopted programme");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "definition"), "approved"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "value"),
                                  500000.0 / 750000.0, 1e-12);
  item = json_array_get_object_element (arr, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "all_proposals");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "definition"), "drafts"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "value"),
                                  1500000.0 / 1750000.0, 1e-12);
  arr = json_object_get_array_member (o, "priorities_by_marker");
  g_assert_cmpuint (json_array_get_length (arr), ==, 3);
  item = json_array_get_object_element (arr, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "2");
  g_assert_cmpint (json_object_get_int_member (item, "value"), ==, 1);
  arr = json_object_get_array_member (o, "priorities_by_status");
  item = json_array_get_object_element (arr, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "approved");
  g_assert_cmpint (json_object_get_int_member (item, "value"), ==, 2);
  arr = json_object_get_array_member (o, "budget_by_funding");
  item = json_array_get_object_element (arr, json_array_get_length (arr) - 1);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "");
  g_assert_cmpfloat (json_object_get_double_member (item, "value"), ==, 250000);
  arr = json_object_get_array_member (o, "participants_by_role_and_sex");
  item = json_array_get_object_element (arr, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "local_authority");
  g_assert_cmpint (json_object_get_int_member (item, "women"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (item, "men"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (item, "total"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (o, "participants_women"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (o, "participants_men"), ==, 9);
  arr = json_object_get_array_member (o, "gcm_covered");
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  arr = json_object_get_array_member (o, "activities_by_type");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (arr, 0), "value"),
                   ==, 1);

  /* Pilots: the scope has no area code. */
  {
    g_autoptr(AimakScope) ps = aimak_scope_new (AIMAK_SCOPE_PILOTS, "ignored");
    g_autoptr(AimakSummary) p = compute (f, AIMAK_SCOPE_PILOTS, NULL);
    g_autofree char *pj = aimak_summary_to_json (p, ps);
    g_autoptr(JsonParser) pp = json_parser_new ();
    JsonObject *so;

    g_assert_null (ps->area_code);
    g_assert_true (json_parser_load_from_data (pp, pj, -1, NULL));
    so = json_object_get_object_member (json_node_get_object (json_parser_get_root (pp)), "scope");
    g_assert_cmpstr (json_object_get_string_member (so, "kind"), ==, "pilots");
    g_assert_true (json_object_get_null_member (so, "area_code"));
  }
}

/* Issue 11: a rejected priority counts in no budget total and in neither share,
 * whatever its marker; it is still shown as a count in its status row. */
static void
test_rejected_never_counts (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AimakSummary) s = NULL;

  priority (f, SUZAK_AA, "rejected", 2, 5000000, "donor", "", "", "", FALSE);
  priority (f, SUZAK_AA, "rejected", 0, 7000000, NULL, "", "", "", FALSE);
  s = compute (f, AIMAK_SCOPE_AREA, SUZAK_AA);
  g_assert_cmpfloat (value_of (s->priorities_by_status, "rejected"), ==, 2);
  g_assert_cmpfloat (s->budget_total, ==, 1750000);
  g_assert_cmpfloat (value_of (s->budget_by_marker, "2"), ==, 1000000);
  g_assert_cmpfloat (value_of (s->budget_by_marker, "0"), ==, 250000);
  g_assert_cmpfloat (value_of (s->budget_by_funding, "donor"), ==, 500000);
  g_assert_cmpfloat (value_of (s->budget_by_funding, ""), ==, 250000);
  g_assert_cmpfloat_with_epsilon (s->gender_share_proposals, 1500000.0 / 1750000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s->gender_share_adopted, 500000.0 / 750000.0, 1e-12);
  g_assert_cmpint (aimak_summary_status_class ("rejected"), ==, AIMAK_STATUS_CLASS_REJECTED);
  g_assert_cmpint (aimak_summary_status_class ("in_progress"), ==, AIMAK_STATUS_CLASS_ADOPTED);
  g_assert_cmpint (aimak_summary_status_class ("proposed"), ==, AIMAK_STATUS_CLASS_PROPOSAL);
}

/* The figures come from one read transaction, which also works on a read-only db. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_strdup (aimak_db_get_path (f->base.db));
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) ro = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, SUZAK_AA);
  g_autoptr(AimakSummary) s = NULL;

  g_assert_no_error (error);
  aimak_db_set_language (ro, "en");
  s = aimak_summary_compute (ro, scope, &error);
  g_assert_no_error (error);
  check_suzak (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/summary/area", test_area);
  ADD ("/summary/pilots-all", test_pilots_all);
  ADD ("/summary/empty-and-errors", test_empty_and_errors);
  ADD ("/summary/language", test_language);
  ADD ("/summary/json", test_json);
  ADD ("/summary/read-only", test_read_only);
  ADD ("/summary/rejected-never-counts", test_rejected_never_counts);
  return g_test_run ();
}
