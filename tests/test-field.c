/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-field.c — the field tables of priorities, activities and indicator
 * values: each column exists in its table, ids are unique, every member the
 * editors show has a descriptor, values read back from their text for every
 * kind, and the change log records exactly the changed fields. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-test-util.h"
#include "aimak-field-private.h"

#define BARSKOON "KG02210815000"

/* Each case runs on the {dir, db} fixture of aimak-test-util.h. */
typedef AimakTestDb Fixture;

typedef const AimakField *(*TableFunc) (guint *n_fields);

static const struct
{
  const char *table;
  TableFunc   fields;
} tables[] = {
  { "priority", aimak_priority_fields },
  { "activity", aimak_activity_fields },
  { "indicator_value", aimak_indicator_value_fields },
};

static gboolean
contains (GPtrArray  *strings,
          const char *s)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), s))
      return TRUE;
  return FALSE;
}

/* Every column a descriptor names exists in its table, every link table has
 * the link column, and every code list named exists. */
static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  const char * const *lists = aimak_code_list_names ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) columns = _aimak_field_table_columns (f->db, tables[t].table, &error);
      guint n;
      const AimakField *fields = tables[t].fields (&n);

      g_assert_no_error (error);
      g_assert_cmpuint (columns->len, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const AimakField *field = &fields[i];

          if (field->column)
            {
              if (!contains (columns, field->column))
                g_error ("%s.%s: no such column", tables[t].table, field->column);
              g_assert_null (field->link_table);
            }
          else
            g_assert_nonnull (field->link_table);
          if (field->link_table)
            {
              g_autoptr(GPtrArray) link = _aimak_field_table_columns (f->db, field->link_table,
                                                                      &error);
              g_assert_no_error (error);
              g_assert_cmpuint (link->len, >, 0);
              if (field->link_column && !contains (link, field->link_column))
                g_error ("%s.%s: no such column", field->link_table, field->link_column);
            }
          if (field->code_list)
            g_assert_true (g_strv_contains (lists, field->code_list));
          if (field->kind == AIMAK_FIELD_CUSTOM)
            g_assert_true (field->to_text != NULL || field->diff != NULL);
          if ((field->flags & AIMAK_FIELD_EDITABLE) && !(field->flags & AIMAK_FIELD_UNLOGGED))
            g_assert_nonnull (field->label);
        }
    }
}

static void
test_ids_unique (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      guint n;
      const AimakField *fields = tables[t].fields (&n);
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) orders = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < n; i++)
        {
          g_assert_false (g_hash_table_contains (ids, fields[i].id));
          g_hash_table_add (ids, (gpointer) fields[i].id);
          if (fields[i].export_cell != AIMAK_FIELD_CELL_NONE)
            {
              g_assert_cmpint (fields[i].export_order, >, 0);
              g_assert_false (g_hash_table_contains (orders,
                                                     GINT_TO_POINTER (fields[i].export_order)));
              g_hash_table_add (orders, GINT_TO_POINTER (fields[i].export_order));
            }
        }
    }
  g_assert_cmpstr (aimak_priority_field_by_id ("title")->column, ==, "title");
  g_assert_null (aimak_priority_field_by_id ("no_such_field"));
  g_assert_nonnull (aimak_activity_field_by_id ("topic"));
  g_assert_nonnull (aimak_indicator_value_field_by_id ("source"));
}

/* The members the editors show, each with a descriptor at its offset. */
static void
test_editor_members (void)
{
  static const struct { const char *id; gsize offset; } priority[] = {
    { "area_code", G_STRUCT_OFFSET (AimakPriority, area_code) },
    { "title", G_STRUCT_OFFSET (AimakPriority, title) },
    { "problem", G_STRUCT_OFFSET (AimakPriority, problem) },
    { "description", G_STRUCT_OFFSET (AimakPriority, description) },
    { "sector_code", G_STRUCT_OFFSET (AimakPriority, sector_code) },
    { "gender_marker", G_STRUCT_OFFSET (AimakPriority, gender_marker) },
    { "marker_justification", G_STRUCT_OFFSET (AimakPriority, marker_justification) },
    { "status", G_STRUCT_OFFSET (AimakPriority, status) },
    { "budget_kgs", G_STRUCT_OFFSET (AimakPriority, budget_kgs) },
    { "funding_source", G_STRUCT_OFFSET (AimakPriority, funding_source) },
    { "responsible", G_STRUCT_OFFSET (AimakPriority, responsible) },
    { "partners", G_STRUCT_OFFSET (AimakPriority, partners) },
    { "start_year", G_STRUCT_OFFSET (AimakPriority, start_year) },
    { "end_year", G_STRUCT_OFFSET (AimakPriority, end_year) },
    { "hearing_date", G_STRUCT_OFFSET (AimakPriority, hearing_date) },
    { "hearing_participants_f", G_STRUCT_OFFSET (AimakPriority, hearing_participants_f) },
    { "hearing_participants_m", G_STRUCT_OFFSET (AimakPriority, hearing_participants_m) },
    { "kenesh_decision_no", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_no) },
    { "kenesh_decision_date", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_date) },
    { "target_groups", G_STRUCT_OFFSET (AimakPriority, target_groups) },
    { "gcm", G_STRUCT_OFFSET (AimakPriority, gcm) },
    { "sdg", G_STRUCT_OFFSET (AimakPriority, sdg) },
    { "checklist", G_STRUCT_OFFSET (AimakPriority, checklist) },
    { "indicators", G_STRUCT_OFFSET (AimakPriority, indicators) },
  };
  static const struct { const char *id; gsize offset; } activity[] = {
    { "area_code", G_STRUCT_OFFSET (AimakActivity, area_code) },
    { "date", G_STRUCT_OFFSET (AimakActivity, date) },
    { "type", G_STRUCT_OFFSET (AimakActivity, type) },
    { "topic", G_STRUCT_OFFSET (AimakActivity, topic) },
    { "facilitator", G_STRUCT_OFFSET (AimakActivity, facilitator) },
    { "pre_score", G_STRUCT_OFFSET (AimakActivity, pre_score) },
    { "post_score", G_STRUCT_OFFSET (AimakActivity, post_score) },
    { "notes", G_STRUCT_OFFSET (AimakActivity, notes) },
    { "participants", G_STRUCT_OFFSET (AimakActivity, participants) },
    { "priorities", G_STRUCT_OFFSET (AimakActivity, priorities) },
  };
  static const struct { const char *id; gsize offset; } value[] = {
    { "area_code", G_STRUCT_OFFSET (AimakIndicatorValue, area_code) },
    { "indicator_code", G_STRUCT_OFFSET (AimakIndicatorValue, indicator_code) },
    { "year", G_STRUCT_OFFSET (AimakIndicatorValue, year) },
    { "sex", G_STRUCT_OFFSET (AimakIndicatorValue, sex) },
    { "value", G_STRUCT_OFFSET (AimakIndicatorValue, value) },
    { "source", G_STRUCT_OFFSET (AimakIndicatorValue, source) },
    { "note", G_STRUCT_OFFSET (AimakIndicatorValue, note) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    {
      const AimakField *f = aimak_priority_field_by_id (priority[i].id);
      g_assert_nonnull (f);
      g_assert_cmpuint (f->offset, ==, priority[i].offset);
      g_assert_true (f->flags & AIMAK_FIELD_EDITABLE);
      g_assert_cmpstr (aimak_field_get_label (f), !=, "");
      g_assert_cmpstr (aimak_priority_field_label (priority[i].id), ==,
                       aimak_field_get_label (f));
    }
  for (guint i = 0; i < G_N_ELEMENTS (activity); i++)
    {
      const AimakField *f = aimak_activity_field_by_id (activity[i].id);
      g_assert_nonnull (f);
      g_assert_cmpuint (f->offset, ==, activity[i].offset);
      g_assert_true (f->flags & AIMAK_FIELD_EDITABLE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (value); i++)
    {
      const AimakField *f = aimak_indicator_value_field_by_id (value[i].id);
      g_assert_nonnull (f);
      g_assert_cmpuint (f->offset, ==, value[i].offset);
      g_assert_true (f->flags & AIMAK_FIELD_EDITABLE);
    }
}

/* Text → value → text gives the same text; equal() and copy_value() agree. */
static void
round_trip (const AimakField *f,
            gpointer          a,
            gpointer          b,
            const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  g_assert_true (aimak_field_set_text (f, a, text, &error));
  g_assert_no_error (error);
  back = aimak_field_get_text (f, a);
  g_assert_cmpstr (back, ==, text);
  if (!aimak_field_equal (f, a, b))
    {
      aimak_field_copy_value (f, b, a);
      g_assert_true (aimak_field_equal (f, a, b));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
  g_autoptr(AimakPriority) q = aimak_priority_new (BARSKOON);
  g_autoptr(AimakActivity) a = aimak_activity_new (BARSKOON);
  g_autoptr(AimakActivity) b = aimak_activity_new (BARSKOON);
  g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_new ();
  g_autoptr(AimakIndicatorValue) w = aimak_indicator_value_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *checklist = NULL;

  round_trip (aimak_priority_field_by_id ("title"), p, q, "Clean water for Barskoon");
  round_trip (aimak_priority_field_by_id ("problem"), p, q, "Line one\nline two");
  round_trip (aimak_priority_field_by_id ("sector_code"), p, q, "11230");
  round_trip (aimak_priority_field_by_id ("sector_code"), p, q, NULL);
  round_trip (aimak_priority_field_by_id ("hearing_date"), p, q, "2025-03-15");
  round_trip (aimak_priority_field_by_id ("start_year"), p, q, "2025");
  round_trip (aimak_priority_field_by_id ("start_year"), p, q, NULL);
  g_assert_cmpint (p->start_year, ==, 0);
  round_trip (aimak_priority_field_by_id ("hearing_participants_f"), p, q, "17");
  round_trip (aimak_priority_field_by_id ("hearing_participants_f"), p, q, NULL);
  g_assert_cmpint (p->hearing_participants_f, ==, -1);
  round_trip (aimak_priority_field_by_id ("budget_kgs"), p, q, "1250000.5");
  round_trip (aimak_priority_field_by_id ("budget_kgs"), p, q, NULL);
  g_assert_true (isnan (p->budget_kgs));
  round_trip (aimak_priority_field_by_id ("target_groups"), p, q,
              "returning_women_migrants,women_left_behind");
  round_trip (aimak_priority_field_by_id ("is_demo"), p, q, "1");
  round_trip (aimak_activity_field_by_id ("pre_score"), a, b, "62.5");
  round_trip (aimak_indicator_value_field_by_id ("sex"), v, w, "F");
  round_trip (aimak_indicator_value_field_by_id ("id"), v, w, "42");
  round_trip (aimak_indicator_value_field_by_id ("value"), v, w, "0.1");

  /* Codes read as a set: the order of picking is no change. */
  g_ptr_array_set_size (q->target_groups, 0);
  g_ptr_array_add (q->target_groups, g_strdup ("women_left_behind"));
  g_ptr_array_add (q->target_groups, g_strdup ("returning_women_migrants"));
  g_ptr_array_add (q->target_groups, g_strdup ("women_left_behind"));
  codes = aimak_field_get_text (aimak_priority_field_by_id ("target_groups"), q);
  g_assert_cmpstr (codes, ==, "returning_women_migrants,women_left_behind");
  g_assert_true (aimak_field_equal (aimak_priority_field_by_id ("target_groups"), p, q));

  /* Custom fields: text and copy. */
  aimak_priority_set_answer (p, "women_consulted", AIMAK_CHECKLIST_YES);
  aimak_priority_set_answer (p, "care_access", AIMAK_CHECKLIST_NO);
  checklist = aimak_field_get_text (aimak_priority_field_by_id ("checklist"), p);
  g_assert_cmpstr (checklist, ==, "care_access=no,women_consulted=yes");
  g_assert_false (aimak_field_equal (aimak_priority_field_by_id ("checklist"), p, q));
  aimak_field_copy_value (aimak_priority_field_by_id ("checklist"), q, p);
  g_assert_true (aimak_field_equal (aimak_priority_field_by_id ("checklist"), p, q));
  g_assert_false (aimak_field_set_text (aimak_priority_field_by_id ("checklist"), p, "x",
                                        &error));
  g_clear_error (&error);

  /* Text that does not read as the kind is refused, the value untouched. */
  g_assert_false (aimak_field_set_text (aimak_priority_field_by_id ("start_year"), p, "20x5",
                                        &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (aimak_field_set_text (aimak_indicator_value_field_by_id ("sex"), v, "X",
                                        &error));
  g_clear_error (&error);
  g_assert_cmpint (v->sex, ==, 'F');
}

/* The field's own rules: the same problems the record's validation reports. */
static void
test_check (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();

  aimak_field_check (aimak_priority_field_by_id ("title"), p, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((AimakProblem *) problems->pdata[0])->field, ==, "title");
  p->start_year = 1980;
  aimak_field_check (aimak_priority_field_by_id ("start_year"), p, problems);
  g_assert_cmpuint (problems->len, ==, 2);
  p->budget_kgs = -5;
  aimak_field_check (aimak_priority_field_by_id ("budget_kgs"), p, problems);
  p->budget_kgs = 1e300;
  aimak_field_check (aimak_priority_field_by_id ("budget_kgs"), p, problems);
  g_assert_cmpuint (problems->len, ==, 4);
  p->hearing_date = g_strdup ("2025-02-30");
  aimak_field_check (aimak_priority_field_by_id ("hearing_date"), p, problems);
  g_assert_cmpuint (problems->len, ==, 5);
  p->start_year = 2025;
  p->budget_kgs = 1000;
  g_ptr_array_set_size (problems, 0);
  g_free (p->title);
  p->title = g_strdup ("Water");
  for (const char * const *id = (const char * const[]) { "title", "start_year", "budget_kgs",
                                                         NULL }; *id; id++)
    aimak_field_check (aimak_priority_field_by_id (*id), p, problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* An update through the table logs one row per changed field, and only those. */
static void
test_change_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
  g_autoptr(AimakPriority) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GPtrArray) log = NULL;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  g_free (p->title);
  p->title = g_strdup ("Clean water");
  g_assert_true (aimak_priority_create (f->db, p, &error));
  g_assert_no_error (error);

  stored = aimak_priority_load (f->db, p->id, &error);
  g_assert_no_error (error);
  diff = aimak_field_diff (fields, n, stored, p);
  g_assert_cmpuint (diff->len, ==, 0);
  g_clear_pointer (&diff, g_ptr_array_unref);

  g_assert_true (aimak_field_set_text (aimak_priority_field_by_id ("title"), p,
                                       "Clean water for all", &error));
  g_assert_true (aimak_field_set_text (aimak_priority_field_by_id ("start_year"), p, "2026",
                                       &error));
  g_assert_true (aimak_field_set_text (aimak_priority_field_by_id ("target_groups"), p,
                                       "women_left_behind", &error));
  diff = aimak_field_diff (fields, n, stored, p);
  g_assert_cmpuint (diff->len, ==, 3);
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[0])->field, ==, "title");
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[1])->field, ==, "start_year");
  g_assert_null (((AimakFieldChange *) diff->pdata[1])->old_text);
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[1])->new_text, ==, "2026");
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[2])->field, ==, "target_groups");

  g_assert_true (aimak_priority_update (f->db, p, &error));
  g_assert_no_error (error);
  log = aimak_change_log_list (f->db, "priority", p->id, &error);
  g_assert_no_error (error);
  /* Newest first: the three updates in reverse table order, then the create. */
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_cmpstr (((AimakChange *) log->pdata[0])->field, ==, "target_groups");
  g_assert_cmpstr (((AimakChange *) log->pdata[1])->field, ==, "start_year");
  g_assert_cmpstr (((AimakChange *) log->pdata[2])->field, ==, "title");
  g_assert_cmpstr (((AimakChange *) log->pdata[2])->old_value, ==, "Clean water");
  g_assert_cmpstr (((AimakChange *) log->pdata[2])->new_value, ==, "Clean water for all");
  g_assert_cmpstr (((AimakChange *) log->pdata[3])->action, ==, "create");

  /* What was written reads back equal, field by field. */
  g_clear_pointer (&stored, aimak_priority_free);
  stored = aimak_priority_load (f->db, p->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    if (fields[i].flags & AIMAK_FIELD_EDITABLE)
      g_assert_true (aimak_field_equal (&fields[i], stored, p));
}

/* The activity's table: participants diff by role and sex. */
static void
test_activity_diff (void)
{
  g_autoptr(AimakActivity) a = aimak_activity_new (BARSKOON);
  g_autoptr(AimakActivity) b = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  aimak_activity_set_participants (a, "kenesh_deputy", 3, 4);
  b = aimak_activity_copy (a);
  aimak_activity_set_participants (b, "kenesh_deputy", 5, 4);
  g_free (b->topic);
  b->topic = g_strdup ("Budget hearings");
  diff = aimak_field_diff (fields, n, a, b);
  g_assert_cmpuint (diff->len, ==, 2);
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[0])->field, ==, "topic");
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[1])->field, ==, "women.kenesh_deputy");
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[1])->old_text, ==, "3");
  g_assert_cmpstr (((AimakFieldChange *) diff->pdata[1])->new_text, ==, "5");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/field/schema", Fixture, NULL, aimak_test_db_set_up, test_schema, aimak_test_db_tear_down);
  g_test_add_func ("/field/ids-unique", test_ids_unique);
  g_test_add_func ("/field/editor-members", test_editor_members);
  g_test_add_func ("/field/round-trip", test_round_trip);
  g_test_add_func ("/field/check", test_check);
  g_test_add ("/field/change-log", Fixture, NULL, aimak_test_db_set_up, test_change_log,
              aimak_test_db_tear_down);
  g_test_add_func ("/field/activity-diff", test_activity_diff);
  return g_test_run ();
}
