/* test-priority-model.c — the SQL-backed list of priorities: filters (area with
 * its children, status, marker, target group, sector), word-prefix search in
 * English and Cyrillic, sort orders, row properties, totals and positions. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-test-util.h"
#include "aimak-priority-row-private.h"

#define ISSYK_KUL  "KG02000000000"
#define JETI_OGUZ  "KG02210000000"
#define BARSKOON   "KG02210815000"
#define DARKAN     "KG02210820000"
#define SUZAK_AA   "KG03220856000"
#define SUZAK      "KG03220000000"
#define ALAMUDUN   "KG08203000000"

typedef struct
{
  char               *dir;
  AimakDb            *db;
  AimakPriorityModel *model;
  GHashTable         *ids;     /* short name → id */
  guint               changes; /* items-changed emissions */
  guint               last_removed, last_added;
} Fixture;

typedef struct
{
  const char *key;
  const char *area;
  const char *title;
  const char *description;
  const char *status;
  int         marker;
  const char *target_group;
  const char *sector;
  double      budget;
} Spec;

/* Every one valid, so that any status can be stored. */
static const Spec specs[] = {
  { "water", BARSKOON, "Drinking water for Barskoon", "Repair of the pipeline and taps",
    "draft", 0, "women_left_behind", "43040", 500000 },
  { "sewing", BARSKOON, "Sewing courses", "Vocational training with childcare for returnees",
    "proposed", 2, "returning_women_migrants", "11330", 120000 },
  { "vodo", DARKAN, "Водоснабжение села", "Ремонт водопровода, женщины носят воду",
    "approved", 1, "women_left_behind", "43040", NAN },
  { "grants", SUZAK_AA, "Start-up grants for returning migrants", "Small grants with coaching",
    "in_progress", 2, "returning_men_migrants", "16020", 2000000 },
  { "lights", SUZAK, "Street lighting", "Solar lights on main streets for safety",
    "completed", 1, "women_headed_households", "43042", 75000 },
  { "kinder", ALAMUDUN, "Day care for working mothers", "Community kindergarten",
    "rejected", 0, "children_left_behind", "16015", 0 },
  { "clubs", BARSKOON, "Safe migration clubs for youth", "Weekly clubs in the school",
    "draft", 1, "potential_migrants", "11231", 30000 },
};

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_assert_cmpuint (position, ==, 0);
  f->changes++;
  f->last_removed = removed;
  f->last_added = added;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = aimak_test_tmpdir ();
  f->db = aimak_test_open_db (f->dir);
  f->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      const Spec *s = &specs[i];
      g_autoptr(AimakPriority) p = aimak_priority_new (s->area);
      AimakPriorityIndicator *ind = aimak_priority_indicator_new ("People reached", "persons");

      set_text (&p->title, s->title);
      set_text (&p->description, s->description);
      set_text (&p->status, s->status);
      set_text (&p->sector_code, s->sector);
      p->gender_marker = s->marker;
      if (s->marker > 0)
        set_text (&p->marker_justification, "Women asked for it.");
      g_ptr_array_add (p->target_groups, g_strdup (s->target_group));
      if (i == 0)
        g_ptr_array_add (p->target_groups, g_strdup ("returning_women_migrants"));
      ind->baseline_f = ind->baseline_m = 1;
      ind->target_f = ind->target_m = 2;
      g_ptr_array_add (p->indicators, ind);
      aimak_priority_set_answer (p, "women_consulted", "yes");
      p->budget_kgs = s->budget;
      if (aimak_priority_status_needs_decision (s->status))
        {
          set_text (&p->kenesh_decision_no, "1-1");
          set_text (&p->kenesh_decision_date, "2024-12-01");
        }
      g_assert_true (aimak_priority_create (f->db, p, &error));
      g_assert_no_error (error);
      g_hash_table_insert (f->ids, (gpointer) s->key, g_strdup (p->id));
      g_usleep (1500);  /* distinct updated_at */
    }
  f->model = aimak_priority_model_new (f->db);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_pointer (&f->ids, g_hash_table_unref);
  g_clear_pointer (&f->db, aimak_db_unref);
  aimak_test_rmdir (f->dir);
  g_free (f->dir);
}

static const char *
id_of (Fixture    *f,
       const char *key)
{
  const char *id = g_hash_table_lookup (f->ids, key);

  g_assert_nonnull (id);
  return id;
}

static const char *
key_of (Fixture    *f,
        const char *id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, f->ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, id) == 0)
      return key;
  return "?";
}

/* The model's rows as "key key key". */
static char *
keys (Fixture *f)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, key_of (f, aimak_priority_row_get_id (row)));
    }
  return g_string_free (s, FALSE);
}

/* Applies a filter given as a few fields and returns keys(). */
static char *
run (Fixture           *f,
     const char        *search,
     const char        *area,
     const char        *status,
     int                marker,
     const char        *target_group,
     const char        *sector,
     AimakPrioritySort  sort,
     gboolean           descending)
{
  AimakPriorityFilter filter;
  g_autoptr(GError) error = NULL;
  char *result;

  aimak_priority_filter_init (&filter);
  filter.search = g_strdup (search);
  filter.area_code = g_strdup (area);
  filter.status = g_strdup (status);
  filter.marker = marker;
  filter.target_group = g_strdup (target_group);
  filter.sector_code = g_strdup (sector);
  filter.sort = sort;
  filter.descending = descending;
  g_assert_true (aimak_priority_model_set_filter (f->model, &filter, &error));
  g_assert_no_error (error);
  aimak_priority_filter_clear (&filter);
  result = keys (f);
  g_test_message ("filter: %s", result);
  return result;
}

#define SEARCH(f, text) run ((f), (text), NULL, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE)

static void
assert_keys (char       *got,
             const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_fts_query (void)
{
  char *q;

  q = aimak_priority_fts_query ("wat");
  g_assert_cmpstr (q, ==, "\"wat\"*");
  g_free (q);
  q = aimak_priority_fts_query ("  Вод  wat ");
  g_assert_cmpstr (q, ==, "\"Вод\"* \"wat\"*");
  g_free (q);
  /* FTS5 syntax in the user's text means nothing. */
  q = aimak_priority_fts_query ("a\"b OR c* NEAR(d) -e:f ^g");
  g_assert_cmpstr (q, ==, "\"a\"* \"b\"* \"OR\"* \"c\"* \"NEAR\"* \"d\"* \"e\"* \"f\"* \"g\"*");
  g_free (q);
  q = aimak_priority_fts_query ("returnee's");
  g_assert_cmpstr (q, ==, "\"returnee\"* \"s\"*");
  g_free (q);
  g_assert_null (aimak_priority_fts_query (""));
  g_assert_null (aimak_priority_fts_query (NULL));
  g_assert_null (aimak_priority_fts_query (" -- \"\" * "));
}

static void
test_all_and_total (Fixture       *f,
                    gconstpointer  data)
{
  /* Before any filter the model is empty; set_filter (NULL) shows everything. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_cmpint (g_list_model_get_item_type (G_LIST_MODEL (f->model)), ==,
                   AIMAK_TYPE_PRIORITY_ROW);
  g_assert_true (aimak_priority_model_set_filter (f->model, NULL, NULL));
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 7);
  g_assert_cmpuint (aimak_priority_model_get_total (f->model), ==, 7);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 7));
  /* Programme order: area name (Alamudun, Barskoon, Darkan, Suzak), then rank. */
  assert_keys (keys (f), "kinder water sewing clubs vodo lights grants");

  /* Shown vs total. */
  g_free (run (f, NULL, NULL, "draft", -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 2);
  g_assert_cmpuint (aimak_priority_model_get_total (f->model), ==, 7);
  g_assert_cmpuint (f->last_removed, ==, 7);
  g_assert_cmpuint (f->last_added, ==, 2);
}

static void
test_filter_area (Fixture       *f,
                  gconstpointer  data)
{
  /* An oblast includes its rayons and their ayil aimaks. */
  assert_keys (run (f, NULL, ISSYK_KUL, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "water sewing clubs vodo");
  assert_keys (run (f, NULL, JETI_OGUZ, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "water sewing clubs vodo");
  assert_keys (run (f, NULL, BARSKOON, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "water sewing clubs");
  /* A rayon with priorities of its own and of its ayil aimak. */
  assert_keys (run (f, NULL, SUZAK, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "lights grants");
  assert_keys (run (f, NULL, SUZAK_AA, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "grants");
  assert_keys (run (f, NULL, "KG04000000000", NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK,
                    FALSE), "");
  /* An empty string is "all". */
  assert_keys (run (f, NULL, "", NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "kinder water sewing clubs vodo lights grants");
}

static void
test_filter_fields (Fixture       *f,
                    gconstpointer  data)
{
  assert_keys (run (f, NULL, NULL, "approved", -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "vodo");
  assert_keys (run (f, NULL, NULL, "nonsense", -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "");
  assert_keys (run (f, NULL, NULL, NULL, 2, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "sewing grants");
  assert_keys (run (f, NULL, NULL, NULL, 0, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "kinder water");
  assert_keys (run (f, NULL, NULL, NULL, -1, "women_left_behind", NULL, AIMAK_PRIORITY_SORT_RANK,
                    FALSE), "water vodo");
  /* A priority with two target groups is found by either. */
  assert_keys (run (f, NULL, NULL, NULL, -1, "returning_women_migrants", NULL,
                    AIMAK_PRIORITY_SORT_RANK, FALSE), "water sewing");
  assert_keys (run (f, NULL, NULL, NULL, -1, NULL, "43040", AIMAK_PRIORITY_SORT_RANK, FALSE),
               "water vodo");
  /* Filters combine. */
  assert_keys (run (f, NULL, BARSKOON, "draft", 1, "potential_migrants", "11231",
                    AIMAK_PRIORITY_SORT_RANK, FALSE), "clubs");
  assert_keys (run (f, NULL, ISSYK_KUL, NULL, -1, "women_left_behind", "43040",
                    AIMAK_PRIORITY_SORT_TITLE, FALSE), "water vodo");
  assert_keys (run (f, "water", ISSYK_KUL, NULL, 0, "women_left_behind", "43040",
                    AIMAK_PRIORITY_SORT_BUDGET, TRUE), "water");
  assert_keys (run (f, NULL, SUZAK, "completed", 2, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE),
               "");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  /* Word prefixes as they are typed, over title, problem and description. */
  assert_keys (SEARCH (f, "w"), "kinder water sewing clubs grants"); /* water, with, weekly, working */
  assert_keys (SEARCH (f, "wat"), "water");
  assert_keys (SEARCH (f, "WATER"), "water");
  assert_keys (SEARCH (f, "pipel"), "water");         /* description */
  assert_keys (SEARCH (f, "return"), "sewing grants"); /* returnees, returning */
  assert_keys (SEARCH (f, "return gran"), "grants");   /* every word must match */
  assert_keys (SEARCH (f, "safe"), "clubs lights");     /* "Safe" and "safety" */
  /* Cyrillic, any case. */
  assert_keys (SEARCH (f, "вод"), "vodo");
  assert_keys (SEARCH (f, "Водосн"), "vodo");
  assert_keys (SEARCH (f, "ЖЕНЩ"), "vodo");
  assert_keys (SEARCH (f, "села ремонт"), "vodo");
  assert_keys (SEARCH (f, "водаа"), "");
  /* Nothing FTS5 would choke on reaches it; punctuation only is no filter. */
  assert_keys (SEARCH (f, "\"wat"), "water");
  /* "OR" is a word to find here, not an operator (no word starts with "or"); "and" is. */
  assert_keys (SEARCH (f, "water OR"), "");
  assert_keys (SEARCH (f, "water AND"), "water");
  assert_keys (SEARCH (f, "NEAR( *"), "");
  assert_keys (SEARCH (f, " - \" "), "kinder water sewing clubs vodo lights grants");
  assert_keys (SEARCH (f, ""), "kinder water sewing clubs vodo lights grants");
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
#define SORT(s, d) run (f, NULL, NULL, NULL, -1, NULL, NULL, (s), (d))
  assert_keys (SORT (AIMAK_PRIORITY_SORT_RANK, TRUE),
               "grants lights vodo clubs sewing water kinder");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_TITLE, FALSE),
               "kinder water clubs sewing grants lights vodo");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_TITLE, TRUE),
               "vodo lights grants sewing clubs water kinder");
  /* Ties keep the programme order. */
  assert_keys (SORT (AIMAK_PRIORITY_SORT_MARKER, FALSE),
               "water kinder clubs vodo lights sewing grants");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_MARKER, TRUE),
               "sewing grants clubs vodo lights water kinder");
  /* No budget comes last both ways. */
  assert_keys (SORT (AIMAK_PRIORITY_SORT_BUDGET, FALSE),
               "kinder clubs lights sewing water grants vodo");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_BUDGET, TRUE),
               "grants water sewing lights clubs kinder vodo");
  /* Workflow order of the status table. */
  assert_keys (SORT (AIMAK_PRIORITY_SORT_STATUS, FALSE),
               "water clubs sewing vodo grants lights kinder");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_STATUS, TRUE),
               "kinder lights grants vodo sewing water clubs");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_UPDATED, TRUE),
               "clubs kinder lights grants vodo sewing water");
  assert_keys (SORT (AIMAK_PRIORITY_SORT_UPDATED, FALSE),
               "water sewing vodo grants lights kinder clubs");
  /* By area name: Alamudun, Barskoon, Darkan, Suzak (rayon code before ayil aimak). */
  assert_keys (SORT (AIMAK_PRIORITY_SORT_AREA, FALSE),
               "kinder water sewing clubs vodo lights grants");
#undef SORT
}

static void
test_row_properties (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AimakPriorityRow) row = NULL;
  g_autoptr(AimakPriorityRow) again = NULL;
  g_autofree char *title = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *label = NULL;
  double budget = 0;
  int marker = -1, rank = 0;
  gboolean is_demo = TRUE;
  int pos;

  g_free (SEARCH (f, NULL));
  pos = aimak_priority_model_find (f->model, id_of (f, "water"));
  g_assert_cmpint (pos, ==, 1);  /* after Alamudun's */
  row = g_list_model_get_item (G_LIST_MODEL (f->model), pos);
  g_assert_cmpstr (aimak_priority_row_get_id (row), ==, id_of (f, "water"));
  g_assert_cmpstr (aimak_priority_row_get_area_code (row), ==, BARSKOON);
  g_assert_cmpstr (aimak_priority_row_get_area_name (row), ==, "Barskoon");
  g_assert_cmpint (aimak_priority_row_get_rank (row), ==, 1);
  g_assert_cmpstr (aimak_priority_row_get_title (row), ==, "Drinking water for Barskoon");
  g_assert_cmpint (aimak_priority_row_get_marker (row), ==, 0);
  /* Names in the order of the code list, joined. */
  g_assert_cmpstr (aimak_priority_row_get_target_groups (row), ==,
                   "Returning women migrants, Women left behind by migrant family members");
  g_assert_cmpfloat (aimak_priority_row_get_budget (row), ==, 500000);
  g_assert_cmpstr (aimak_priority_row_get_status (row), ==, "draft");
  g_assert_cmpstr (aimak_priority_row_get_status_label (row), ==, "Draft");
  g_assert_nonnull (aimak_priority_row_get_updated_at (row));
  g_assert_false (aimak_priority_row_get_is_demo (row));
  /* The same object while cached. */
  again = g_list_model_get_item (G_LIST_MODEL (f->model), pos);
  g_assert_true (again == row);

  /* Through GObject properties, as list item expressions read them. */
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (f->model),
                               aimak_priority_model_find (f->model, id_of (f, "vodo")));
  g_object_get (row, "title", &title, "target-groups", &groups, "budget", &budget,
                "marker", &marker, "rank", &rank, "is-demo", &is_demo, "status-label", &label,
                NULL);
  g_assert_cmpstr (title, ==, "Водоснабжение села");
  g_assert_cmpstr (groups, ==, "Women left behind by migrant family members");
  g_assert_true (isnan (budget));
  g_assert_cmpint (marker, ==, 1);
  g_assert_cmpint (rank, ==, 1);
  g_assert_false (is_demo);
  g_assert_cmpstr (label, ==, "Approved by local kenesh");

  /* Names follow the database language, falling back ky → ru → en. */
  aimak_db_set_language (f->db, "ky");
  aimak_priority_model_reload (f->model);
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (f->model),
                               aimak_priority_model_find (f->model, id_of (f, "water")));
  g_assert_cmpstr (aimak_priority_row_get_area_name (row), ==, "Барскоон");
  g_assert_cmpstr (aimak_priority_row_get_status_label (row), ==, "Долбоор");
  g_assert_nonnull (strstr (aimak_priority_row_get_target_groups (row), "Кайтып келген"));
}

static void
test_find_reload (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changes;

  g_free (run (f, NULL, BARSKOON, NULL, -1, NULL, NULL, AIMAK_PRIORITY_SORT_RANK, FALSE));
  g_assert_cmpint (aimak_priority_model_find (f->model, id_of (f, "clubs")), ==, 2);
  g_assert_cmpint (aimak_priority_model_find (f->model, id_of (f, "vodo")), ==, -1);
  g_assert_cmpint (aimak_priority_model_find (f->model, "no-such-id"), ==, -1);
  g_assert_cmpint (aimak_priority_model_find (f->model, NULL), ==, -1);

  /* After an edit, reload shows it and drops cached rows. */
  g_assert_true (aimak_priority_move (f->db, id_of (f, "clubs"), -2, &error));
  g_assert_true (aimak_priority_delete (f->db, id_of (f, "sewing"), &error));
  g_assert_no_error (error);
  changes = f->changes;
  aimak_priority_model_reload (f->model);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  assert_keys (keys (f), "clubs water");
  g_assert_cmpuint (aimak_priority_model_get_total (f->model), ==, 6);
  {
    g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
    g_assert_cmpint (aimak_priority_row_get_rank (row), ==, 1);
  }
  /* Deleted priorities are not found by search either. */
  assert_keys (SEARCH (f, "sewing"), "");
  g_assert_true (aimak_priority_undelete (f->db, id_of (f, "sewing"), &error));
  assert_keys (SEARCH (f, "sewing"), "sewing");

  /* An edited title is searchable at once (the FTS triggers). */
  {
    g_autoptr(AimakPriority) p = aimak_priority_load (f->db, id_of (f, "kinder"), &error);
    set_text (&p->title, "Kindergarten for working mothers");
    g_assert_true (aimak_priority_update (f->db, p, &error));
    g_assert_no_error (error);
  }
  assert_keys (SEARCH (f, "kindergar"), "kinder");
  assert_keys (SEARCH (f, "day care"), "");
  g_assert_cmpuint (aimak_priority_model_get_total (f->model), ==, 7);
}

static void
test_demo_flag (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint demo = 0;

  g_assert_true (aimak_demo_create (f->db, 50, 0, 3, &error));
  g_assert_no_error (error);
  g_free (SEARCH (f, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 57);
  g_assert_cmpuint (aimak_priority_model_get_total (f->model), ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      demo += aimak_priority_row_get_is_demo (row);
      g_assert_cmpstr (aimak_priority_row_get_title (row), !=, "");
    }
  g_assert_cmpuint (demo, ==, 50);
}

/* "All Areas" reads as a programme: areas by name in the db language, each
 * area's priorities by rank (the P-code order of before looked random). */
static void
test_all_areas_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AimakPriorityFilter filter;
  g_autofree char *last_name = NULL;
  g_autofree char *last_code = NULL;
  int last_rank = 0;

  g_assert_true (aimak_demo_create (f->db, 60, 0, 5, &error));
  g_assert_no_error (error);
  aimak_priority_filter_init (&filter);
  g_assert_true (aimak_priority_model_set_filter (f->model, &filter, &error));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->model)); i++)
    {
      g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      const char *name = aimak_priority_row_get_area_name (row);

      const char *code = aimak_priority_row_get_area_code (row);

      if (last_code && g_strcmp0 (last_code, code) == 0)
        g_assert_cmpint (aimak_priority_row_get_rank (row), >, last_rank);
      else if (last_name)
        g_assert_cmpint (g_utf8_collate (last_name, name), <=, 0);
      last_rank = aimak_priority_row_get_rank (row);
      g_free (last_name);
      last_name = g_strdup (name);
      g_free (last_code);
      last_code = g_strdup (code);
    }
  /* Names in Kyrgyz order the list differently: Alamudun is Аламүдүн, still first
   * of ours, and Barskoon (Барскоон) before Darkan (Дарkan). */
  aimak_db_set_language (f->db, "ky");
  g_assert_true (aimak_priority_model_set_filter (f->model, &filter, &error));
  {
    g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
    g_assert_cmpint (g_utf8_collate (aimak_priority_row_get_area_name (row), "Б"), <, 0);
  }
  aimak_priority_filter_clear (&filter);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPriorityCounts) oblast = NULL;
  g_autoptr(AimakPriorityCounts) barskoon = NULL;
  g_autoptr(AimakPriorityCounts) empty = NULL;
  AimakPriorityStatusCount *c;

  /* Issyk-Kul: water, sewing, clubs (Barskoon) and vodo (Darkan). */
  oblast = aimak_priority_counts (f->db, ISSYK_KUL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (oblast->total, ==, 4);
  g_assert_cmpuint (oblast->by_marker[0], ==, 1);
  g_assert_cmpuint (oblast->by_marker[1], ==, 2);
  g_assert_cmpuint (oblast->by_marker[2], ==, 1);
  /* Workflow order: draft (2), proposed, approved; names in the db language. */
  g_assert_cmpuint (oblast->by_status->len, ==, 3);
  c = g_ptr_array_index (oblast->by_status, 0);
  g_assert_cmpstr (c->code, ==, "draft");
  g_assert_cmpstr (c->name, ==, "Draft");
  g_assert_cmpuint (c->count, ==, 2);
  c = g_ptr_array_index (oblast->by_status, 2);
  g_assert_cmpstr (c->code, ==, "approved");
  g_assert_cmpuint (c->count, ==, 1);

  /* Deleted priorities do not count. */
  g_assert_true (aimak_priority_delete (f->db, id_of (f, "clubs"), &error));
  barskoon = aimak_priority_counts (f->db, BARSKOON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (barskoon->total, ==, 2);
  g_assert_cmpuint (barskoon->by_marker[1], ==, 0);
  g_assert_cmpuint (barskoon->by_status->len, ==, 2);

  empty = aimak_priority_counts (f->db, "KG04000000000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->total, ==, 0);
  g_assert_cmpuint (empty->by_status->len, ==, 0);
}

/* A database of schema version 1 with priorities gets the list indexes and the
 * prefix search index of version 2, its priorities findable as before. */
static void
test_migration_2 (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *downgrade =
    "DROP INDEX priority_list; DROP INDEX priority_list_title; "
    "DROP INDEX priority_list_budget; DROP INDEX priority_list_updated; "
    "DROP TABLE priority_fts; "
    "CREATE VIRTUAL TABLE priority_fts USING fts5 (title, problem, description, "
    "content = 'priority', content_rowid = 'rowid', "
    "tokenize = 'unicode61 remove_diacritics 2'); "
    "INSERT INTO priority_fts (priority_fts) VALUES ('rebuild'); "
    "PRAGMA user_version = 1;";

  g_assert_cmpint (aimak_db_latest_version (), >=, 2);
  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

    set_text (&p->title, "Водоснабжение");
    g_assert_true (aimak_priority_create (db, p, &error));
    g_assert_true (aimak_demo_create (db, 30, 0, 1, &error));
    g_assert_no_error (error);
    g_assert_true (aimak_db_exec_script (db, downgrade, &error));
    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_get_version (db), ==, 1);
  }
  {
    /* Opened read-only it stays at version 1, without the list indexes: the
     * list still works. */
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_autoptr(AimakPriorityModel) model = NULL;
    AimakPriorityFilter filter;

    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_get_version (db), ==, 1);
    model = aimak_priority_model_new (db);
    aimak_priority_filter_init (&filter);
    filter.search = g_strdup ("вод");
    filter.sort = AIMAK_PRIORITY_SORT_TITLE;
    g_assert_true (aimak_priority_model_set_filter (model, &filter, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    g_assert_cmpuint (aimak_priority_model_get_total (model), ==, 31);
    aimak_priority_filter_clear (&filter);
  }
  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autoptr(AimakPriorityModel) model = NULL;
    AimakPriorityFilter filter;

    g_assert_no_error (error);
    g_assert_cmpint (aimak_db_get_version (db), ==, aimak_db_latest_version ());
    g_assert_cmpint (aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM sqlite_master "
                                         "WHERE type = 'index' AND name LIKE 'priority_list%'",
                                         NULL), ==, 4);
    model = aimak_priority_model_new (db);
    aimak_priority_filter_init (&filter);
    filter.search = g_strdup ("в");
    g_assert_true (aimak_priority_model_set_filter (model, &filter, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    g_free (filter.search);
    filter.search = g_strdup ("w");
    g_assert_true (aimak_priority_model_set_filter (model, &filter, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
    g_assert_cmpuint (aimak_priority_model_get_total (model), ==, 31);
    aimak_priority_filter_clear (&filter);
  }
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add_func ("/priority-model/fts-query", test_fts_query);
  ADD ("/priority-model/all-and-total", test_all_and_total);
  ADD ("/priority-model/filter-area", test_filter_area);
  ADD ("/priority-model/filter-fields", test_filter_fields);
  ADD ("/priority-model/search", test_search);
  ADD ("/priority-model/sort", test_sort);
  ADD ("/priority-model/row-properties", test_row_properties);
  ADD ("/priority-model/find-reload", test_find_reload);
  ADD ("/priority-model/demo-flag", test_demo_flag);
  ADD ("/priority-model/all-areas-order", test_all_areas_order);
  ADD ("/priority-model/counts", test_counts);
  g_test_add_func ("/priority-model/migration-2", test_migration_2);
#undef ADD

  return g_test_run ();
}
