/* test-indicator.c — the indicator catalogue, validation of values (each
 * rule, both ways), saving with the change log, correcting reference values,
 * soft delete and undo, and the profile queries (table rows, key figures,
 * series). */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "aimak-test-util.h"
#include "aimak-indicator-private.h"

#define BARSKOON     "KG02210815000"
#define SUZAK_RAYON  "KG03220000000"
#define SUZAK_AA     "KG03220856000"
#define ISSYK_KUL    "KG02000000000"

typedef struct
{
  char    *dir;
  AimakDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = aimak_test_tmpdir ();
  f->db = aimak_test_open_db (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aimak_db_unref (f->db);
  aimak_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
count (AimakDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

static AimakIndicatorValue *
value_new (const char *area,
           const char *indicator,
           int         year,
           char        sex,
           double      value,
           const char *source)
{
  AimakIndicatorValue *v = aimak_indicator_value_new ();

  g_free (v->area_code);
  v->area_code = g_strdup (area);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup (indicator);
  v->year = year;
  v->sex = sex;
  v->value = value;
  g_free (v->source);
  v->source = g_strdup (source);
  return v;
}

/* The fields of the problems, comma-joined in order ("" when valid). */
static char *
problem_fields (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      g_assert_nonnull (p->message);
      g_assert_cmpstr (p->message, !=, "");
      if (i)
        g_string_append_c (s, ',');
      g_string_append (s, p->field);
    }
  return g_string_free (s, FALSE);
}

static char *
validate_fields (AimakDb             *db,
                 AimakIndicatorValue *v)
{
  g_autoptr(GPtrArray) problems = aimak_indicator_validate_value (db, v);

  return problem_fields (problems);
}

static void
assert_valid (AimakDb             *db,
              AimakIndicatorValue *v)
{
  g_autofree char *fields = validate_fields (db, v);

  g_assert_cmpstr (fields, ==, "");
}

static void
assert_invalid (AimakDb             *db,
                AimakIndicatorValue *v,
                const char          *field)
{
  g_autofree char *fields = validate_fields (db, v);

  g_assert_cmpstr (fields, ==, field);
}

static void
test_validate_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AimakIndicatorValue) v = value_new (BARSKOON, "POP", 2023, 'F', 100, "Test");

  assert_valid (f->db, v);

  /* year 1990–2100 */
  v->year = 1989;
  assert_invalid (f->db, v, "year");
  v->year = 1990;
  assert_valid (f->db, v);
  v->year = 2100;
  assert_valid (f->db, v);
  v->year = 2101;
  assert_invalid (f->db, v, "year");
  v->year = 2023;

  /* value finite */
  v->value = NAN;
  assert_invalid (f->db, v, "value");
  v->value = INFINITY;
  assert_invalid (f->db, v, "value");
  v->value = 0;
  assert_valid (f->db, v);

  /* counts (PERSONS) ≥ 0 */
  v->value = -1;
  assert_invalid (f->db, v, "value");
  v->value = 100;

  /* counts (NUMBER) ≥ 0 */
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("VC_IHR_PSRCN");
  v->value = -0.5;
  assert_invalid (f->db, v, "value");
  v->value = 3;
  assert_valid (f->db, v);

  /* percent 0–100 */
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("SI_POV_NAHC");
  v->value = 100.01;
  assert_invalid (f->db, v, "value");
  v->value = -0.01;
  assert_invalid (f->db, v, "value");
  v->value = 0;
  assert_valid (f->db, v);
  v->value = 100;
  assert_valid (f->db, v);

  /* other units: only finiteness */
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("SH_DYN_MORT");
  v->value = 250;
  assert_valid (f->db, v);

  /* source not empty */
  g_free (v->source);
  v->source = g_strdup ("   ");
  assert_invalid (f->db, v, "source");
  g_free (v->source);
  v->source = g_strdup ("");
  assert_invalid (f->db, v, "source");
  g_free (v->source);
  v->source = g_strdup ("Test");

  /* sex F/M/T, and F/M only when the indicator is split by sex */
  v->sex = 'X';
  assert_invalid (f->db, v, "sex");
  v->sex = 'M';
  assert_valid (f->db, v);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("EMIGRANTS");     /* by_sex = 0 */
  assert_invalid (f->db, v, "sex");
  v->sex = 'T';
  assert_valid (f->db, v);

  /* area and indicator exist */
  g_free (v->area_code);
  v->area_code = g_strdup ("KG99999999999");
  assert_invalid (f->db, v, "area_code");
  g_free (v->area_code);
  v->area_code = g_strdup ("");
  assert_invalid (f->db, v, "area_code");
  g_free (v->area_code);
  v->area_code = g_strdup (BARSKOON);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("NO_SUCH");
  assert_invalid (f->db, v, "indicator_code");
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("POP");
  assert_valid (f->db, v);

  /* every problem at once */
  {
    g_autoptr(AimakIndicatorValue) bad = value_new ("", "POP", 3000, 'Q', NAN, "");
    g_autofree char *fields = validate_fields (f->db, bad);
    g_assert_cmpstr (fields, ==, "area_code,year,sex,value,source");
  }
}

static void
test_catalogue (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = aimak_indicator_catalogue (f->db, &error);
  g_autoptr(GPtrArray) problems = NULL;
  AimakIndicator ind = { 0 };
  gboolean found = FALSE;
  gint64 logged = count (f->db, "SELECT count(*) FROM change_log WHERE entity = 'indicator'");

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, count (f->db, "SELECT count(*) FROM indicator"));
  for (guint i = 1; i < list->len; i++)
    {
      AimakIndicator *a = g_ptr_array_index (list, i - 1), *b = g_ptr_array_index (list, i);
      g_assert_cmpint (g_utf8_collate (a->name_en, b->name_en), <=, 0);
    }
  for (guint i = 0; i < list->len; i++)
    {
      AimakIndicator *a = g_ptr_array_index (list, i);
      if (g_str_equal (a->code, "POP"))
        {
          found = TRUE;
          g_assert_cmpstr (a->unit, ==, "PERSONS");
          g_assert_true (a->by_sex);
          g_assert_true (a->is_key);
          g_assert_true (a->is_reference);
          g_assert_cmpstr (aimak_indicator_name (a, "ru"), ==, "Население");
        }
    }
  g_assert_true (found);

  /* A new indicator. */
  ind.code = (char *) "WATER_ACCESS_HH";
  ind.name_en = (char *) "Households with piped water";
  ind.name_ru = (char *) "Домохозяйства с водопроводом";
  ind.name_ky = (char *) "";
  ind.unit = (char *) "PT";
  ind.by_sex = FALSE;
  g_assert_true (aimak_indicator_add (f->db, &ind, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  {
    g_autoptr(AimakIndicator) got = aimak_indicator_get (f->db, "WATER_ACCESS_HH", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (got->name_ru, ==, "Домохозяйства с водопроводом");
    g_assert_false (got->by_sex);
    g_assert_false (got->is_reference);
    /* Missing Kyrgyz name falls back to Russian. */
    g_assert_cmpstr (aimak_indicator_name (got, "ky"), ==, "Домохозяйства с водопроводом");
  }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity = 'indicator'"),
                   >, logged);

  /* The same code again is refused, with the problem on "code". */
  g_assert_false (aimak_indicator_add (f->db, &ind, &problems, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *fields = problem_fields (problems);
    g_assert_cmpstr (fields, ==, "code");
  }
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Bad code, no English name, no unit. */
  ind.code = (char *) "water access";
  ind.name_en = (char *) "  ";
  ind.unit = (char *) "";
  g_assert_false (aimak_indicator_add (f->db, &ind, &problems, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *fields = problem_fields (problems);
    g_assert_cmpstr (fields, ==, "code,name_en,unit");
  }
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Without a problems array the error still says what is wrong. */
  ind.code = (char *) "OK_CODE";
  ind.name_en = (char *) "Fine";
  ind.unit = (char *) "per cent";
  g_assert_false (aimak_indicator_add (f->db, &ind, NULL, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unit"));
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM indicator WHERE code = 'OK_CODE'"), ==, 0);

  g_assert_cmpstr (aimak_indicator_unit_label ("PT"), ==, "%");
  g_assert_cmpstr (aimak_indicator_unit_label ("PERSONS"), ==, "persons");
  g_assert_cmpstr (aimak_indicator_unit_label ("FURLONGS"), ==, "FURLONGS");
}

static void
test_save_and_log (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AimakIndicatorValue) v = value_new (BARSKOON, "POP", 2023, 'F', 5120, "  Ayil okmotu  ");
  g_autoptr(AimakIndicatorValue) dup = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 before = count (f->db, "SELECT count(*) FROM indicator_value");

  g_assert_true (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpint (v->id, >, 0);
  g_assert_cmpstr (v->source, ==, "Ayil okmotu");
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM indicator_value"), ==, before + 1);

  /* Update: one log row per changed field, with old and new. */
  v->value = 5150;
  g_free (v->note);
  v->note = g_strdup ("corrected after the census");
  g_assert_true (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_no_error (error);
  history = aimak_indicator_value_history (f->db, v->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  {
    AimakIndicatorChange *c0 = g_ptr_array_index (history, 0);
    AimakIndicatorChange *c1 = g_ptr_array_index (history, 1);
    AimakIndicatorChange *c2 = g_ptr_array_index (history, 2);
    g_assert_cmpstr (c0->action, ==, "create");
    g_assert_cmpstr (c0->new_value, ==, "5120");
    g_assert_cmpstr (c1->action, ==, "update");
    g_assert_cmpstr (c1->field, ==, "value");
    g_assert_cmpstr (c1->old_value, ==, "5120");
    g_assert_cmpstr (c1->new_value, ==, "5150");
    g_assert_cmpstr (c2->field, ==, "note");
    g_assert_cmpstr (c2->old_value, ==, "");
    g_assert_cmpstr (c2->new_value, ==, "corrected after the census");
  }

  /* A second value with the same identity is refused; nothing is written. */
  dup = value_new (BARSKOON, "POP", 2023, 'F', 1, "Ayil okmotu");
  g_assert_false (aimak_indicator_value_save (f->db, dup, &problems, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_nonnull (problems);
  g_assert_cmpstr (((AimakProblem *) g_ptr_array_index (problems, 0))->field, ==, "source");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_cmpint (dup->id, ==, 0);

  /* An invalid value is refused with its problems and changes nothing. */
  v->value = -3;
  g_assert_false (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *fields = problem_fields (problems);
    g_assert_cmpstr (fields, ==, "value");
  }
  {
    g_autoptr(AimakIndicatorValue) stored = aimak_indicator_value_load (f->db, v->id, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (stored->value, ==, 5150);
  }

  /* Missing id. */
  {
    g_autoptr(AimakIndicatorValue) gone = aimak_indicator_value_load (f->db, 999999, &error);
    g_assert_null (gone);
    g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND);
  }
}

static gint64
reference_id (AimakDb    *db,
              const char *area,
              const char *indicator,
              int         year,
              const char *sex)
{
  g_autoptr(GError) error = NULL;
  gint64 id = aimak_db_query_int (db, 0, &error,
                                  "SELECT id FROM indicator_value WHERE area_code = ? AND "
                                  "indicator_code = ? AND year = ? AND sex = ? AND is_reference",
                                  "ttit", area, indicator, year, sex);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_correct_reference (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = reference_id (f->db, SUZAK_RAYON, "POP", 2021, "T");
  g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_load (f->db, id, &error);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *published_source = NULL;
  double published;

  g_assert_no_error (error);
  g_assert_true (v->is_reference);
  g_assert_true (isnan (v->original_value));
  g_assert_null (v->original_source);
  published = v->value;
  published_source = g_strdup (v->source);

  /* Not corrected yet: the history already shows the published figure. */
  history = aimak_indicator_value_history (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AimakIndicatorChange *) g_ptr_array_index (history, 0))->action, ==,
                   "reference");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* First correction: value and source. */
  v->value = published + 1000;
  g_free (v->source);
  v->source = g_strdup ("Suzak rayon statistics office, 2021 register");
  g_assert_true (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (v->original_value, ==, published);
  g_assert_cmpstr (v->original_source, ==, published_source);

  /* Second correction: the original stays the published one. */
  v->value = published + 2000;
  g_assert_true (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AimakIndicatorValue) stored = aimak_indicator_value_load (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_true (stored->is_reference);
    g_assert_cmpfloat (stored->value, ==, published + 2000);
    g_assert_cmpfloat (stored->original_value, ==, published);
    g_assert_cmpstr (stored->original_source, ==, published_source);
  }

  history = aimak_indicator_value_history (f->db, id, &error);
  g_assert_no_error (error);
  {
    g_autofree char *published_text = g_strdup_printf ("%.15g", published);
    AimakIndicatorChange *ref_value = g_ptr_array_index (history, 0);
    AimakIndicatorChange *ref_source = g_ptr_array_index (history, 1);
    gboolean saw_source_change = FALSE;
    guint value_changes = 0;

    g_assert_cmpstr (ref_value->action, ==, "reference");
    g_assert_cmpstr (ref_value->field, ==, "value");
    g_assert_cmpstr (ref_value->new_value, ==, published_text);
    g_assert_cmpstr (ref_source->field, ==, "source");
    g_assert_cmpstr (ref_source->new_value, ==, published_source);
    for (guint i = 2; i < history->len; i++)
      {
        AimakIndicatorChange *c = g_ptr_array_index (history, i);
        g_assert_cmpstr (c->action, ==, "update");
        if (g_str_equal (c->field, "source"))
          {
            saw_source_change = TRUE;
            g_assert_cmpstr (c->old_value, ==, published_source);
          }
        if (g_str_equal (c->field, "value"))
          value_changes++;
      }
    g_assert_true (saw_source_change);
    g_assert_cmpuint (value_changes, ==, 2);
  }

  /* A reference value cannot be moved to another year. */
  v->year = 2022;
  g_assert_false (aimak_indicator_value_save (f->db, v, &problems, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *fields = problem_fields (problems);
    g_assert_cmpstr (fields, ==, "year");
  }
}

static gboolean
rows_have_id (GPtrArray *rows,
              gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (rows, i);
      if (r->id_f == id || r->id_m == id || r->id_t == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakIndicatorValue) v = value_new (BARSKOON, "POP", 2023, 'M', 4980, "Ayil okmotu");
  g_autoptr(GPtrArray) history = NULL;
  gint64 id;

  g_assert_true (aimak_indicator_value_save (f->db, v, NULL, &error));
  g_assert_no_error (error);
  id = v->id;

  g_assert_true (aimak_indicator_value_delete (f->db, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, BARSKOON, NULL, 0, 0, &error);
    g_autoptr(AimakIndicatorValue) stored = aimak_indicator_value_load (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_false (rows_have_id (rows, id));
    g_assert_nonnull (stored->deleted_at);
  }
  /* Deleting twice is harmless and not logged twice. */
  g_assert_true (aimak_indicator_value_delete (f->db, id, &error));

  g_assert_true (aimak_indicator_value_undelete (f->db, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, BARSKOON, NULL, 0, 0, &error);
    g_autoptr(AimakIndicatorValue) stored = aimak_indicator_value_load (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_true (rows_have_id (rows, id));
    g_assert_null (stored->deleted_at);
    g_assert_cmpfloat (stored->value, ==, 4980);
  }

  history = aimak_indicator_value_history (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((AimakIndicatorChange *) g_ptr_array_index (history, 1))->action, ==, "delete");
  g_assert_cmpstr (((AimakIndicatorChange *) g_ptr_array_index (history, 2))->action, ==,
                   "undelete");

  /* Entering a deleted value again brings the same record back. */
  g_assert_true (aimak_indicator_value_delete (f->db, id, &error));
  {
    g_autoptr(AimakIndicatorValue) again = value_new (BARSKOON, "POP", 2023, 'M', 4990,
                                                      "Ayil okmotu");
    g_assert_true (aimak_indicator_value_save (f->db, again, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (again->id, ==, id);
    g_assert_null (again->deleted_at);
  }

  /* Editing another value into the identity of a deleted one replaces it
   * (the deleted one could never be restored without a collision). */
  {
    g_autoptr(AimakIndicatorValue) other = value_new (BARSKOON, "POP", 2023, 'M', 5000,
                                                      "Rayon statistics");
    g_assert_true (aimak_indicator_value_delete (f->db, id, &error));
    g_assert_true (aimak_indicator_value_save (f->db, other, NULL, &error));
    g_assert_no_error (error);
    g_free (other->source);
    other->source = g_strdup ("Ayil okmotu");
    g_assert_true (aimak_indicator_value_save (f->db, other, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f->db, "SELECT count(*) FROM indicator_value WHERE area_code = '"
                                   BARSKOON "' AND sex = 'M'"), ==, 1);
    g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE action = 'purge'"),
                     ==, 1);
  }

  g_assert_false (aimak_indicator_value_delete (f->db, 424242, &error));
  g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND);
}

static AimakKeyFigure *
find_figure (GPtrArray  *figures,
             const char *key)
{
  for (guint i = 0; i < figures->len; i++)
    {
      AimakKeyFigure *k = g_ptr_array_index (figures, i);
      if (g_str_equal (k->key, key))
        return k;
    }
  return NULL;
}

static void
save_or_die (AimakDb    *db,
             const char *area,
             const char *indicator,
             int         year,
             char        sex,
             double      value,
             const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakIndicatorValue) v = value_new (area, indicator, year, sex, value, source);

  g_assert_true (aimak_indicator_value_save (db, v, NULL, &error));
  g_assert_no_error (error);
}

static void
test_key_figures (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AimakKeyFigure *k;

  g_assert_cmpstr (aimak_indicator_key_codes ()[0], ==, "POP");
  g_assert_cmpuint (g_strv_length ((char **) aimak_indicator_key_codes ()), ==, 5);

  /* Suzak rayon: the reference data has population 2021 and poverty 2020
   * (totals from WFP PRISM), nothing else. */
  {
    g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (f->db, SUZAK_RAYON, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (figures->len, ==, 2);
    k = find_figure (figures, "POP");
    g_assert_nonnull (k);
    g_assert_cmpint (k->year, ==, 2021);
    g_assert_cmpfloat (k->total, ==, 296100);
    g_assert_true (isnan (k->women) && isnan (k->men));
    g_assert_cmpstr (k->source, ==, AIMAK_SOURCE_WFP);
    k = find_figure (figures, "SI_POV_NAHC");
    g_assert_nonnull (k);
    g_assert_cmpint (k->year, ==, 2020);
    g_assert_cmpstr (k->unit, ==, "PT");
    g_assert_null (find_figure (figures, "MIGR_ABROAD"));
    g_assert_null (find_figure (figures, "RETURNEES"));
    g_assert_null (find_figure (figures, "SL_TLF_UEM"));
  }

  /* Barskoon: nothing at all — no card claims a figure. */
  {
    g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (f->db, BARSKOON, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (figures->len, ==, 0);
  }

  /* The latest year wins; MIGR_LABOUR stands in for MIGR_ABROAD. */
  save_or_die (f->db, BARSKOON, "POP", 2020, 'F', 5000, "Ayil okmotu");
  save_or_die (f->db, BARSKOON, "POP", 2023, 'F', 5120, "Ayil okmotu");
  save_or_die (f->db, BARSKOON, "POP", 2023, 'M', 4980, "Ayil okmotu");
  save_or_die (f->db, BARSKOON, "MIGR_LABOUR", 2022, 'M', 700, "Ayil okmotu");
  {
    g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (f->db, BARSKOON, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (figures->len, ==, 2);
    k = find_figure (figures, "POP");
    g_assert_cmpint (k->year, ==, 2023);
    g_assert_cmpfloat (k->women, ==, 5120);
    g_assert_cmpfloat (k->men, ==, 4980);
    g_assert_true (isnan (k->total));
    k = find_figure (figures, "MIGR_ABROAD");
    g_assert_nonnull (k);
    g_assert_cmpstr (k->indicator_code, ==, "MIGR_LABOUR");
    g_assert_cmpfloat (k->men, ==, 700);
  }
  /* A figure for abroad replaces the stand-in. */
  save_or_die (f->db, BARSKOON, "MIGR_ABROAD", 2021, 'F', 300, "Ayil okmotu");
  {
    g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (f->db, BARSKOON, &error);
    k = find_figure (figures, "MIGR_ABROAD");
    g_assert_cmpstr (k->indicator_code, ==, "MIGR_ABROAD");
    g_assert_cmpint (k->year, ==, 2021);
  }

  /* Issyk-Kul oblast: unemployment by sex at the NSC's latest year. */
  {
    g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (f->db, ISSYK_KUL, &error);
    gint64 latest = count (f->db, "SELECT max(year) FROM indicator_value WHERE area_code = "
                                  "'" ISSYK_KUL "' AND indicator_code = 'SL_TLF_UEM'");
    g_assert_no_error (error);
    k = find_figure (figures, "SL_TLF_UEM");
    g_assert_nonnull (k);
    g_assert_cmpint (k->year, ==, latest);
    g_assert_false (isnan (k->women));
    g_assert_false (isnan (k->men));
  }
}

static void
test_rows_and_series (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* National returnees 2024: two sources of a total → one row per source. */
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, "KG", "RETURNEES", 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
    for (guint i = 0; i < rows->len; i++)
      {
        AimakIndicatorRow *r = g_ptr_array_index (rows, i);
        g_assert_cmpint (r->year, ==, 2024);
        g_assert_false (isnan (r->total));
        g_assert_null (strstr (r->source, "; "));
        g_assert_true (r->is_reference);
        /* Issue 11: each row knows that the other source differs. */
        g_assert_cmpuint (r->n_differing, ==, 1);
      }
  }
  /* National population 2021: women, men and total from one source → one row. */
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, "KG", "POP", 2021, 2021, &error);
    AimakIndicatorRow *r;
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    r = g_ptr_array_index (rows, 0);
    g_assert_cmpfloat (r->women, ==, 3343000);
    g_assert_cmpfloat (r->men, ==, 3294000);
    g_assert_cmpfloat (r->total, ==, 6637000);
    g_assert_cmpint (r->id_f, >, 0);
    g_assert_cmpint (r->id_m, >, 0);
    g_assert_cmpint (r->id_t, >, 0);
    g_assert_cmpstr (r->unit, ==, "PERSONS");
    g_assert_true (r->by_sex);
  }
  /* Women and men from one source, the total from another: values of different
   * sources are never combined (issue 11), so one row per source. */
  save_or_die (f->db, BARSKOON, "POP", 2023, 'F', 5120, "Ayil okmotu");
  save_or_die (f->db, BARSKOON, "POP", 2023, 'M', 4980, "Ayil okmotu");
  save_or_die (f->db, BARSKOON, "POP", 2023, 'T', 10100, "Rayon statistics");
  save_or_die (f->db, BARSKOON, "POP", 2021, 'T', 9900, "Rayon statistics");
  save_or_die (f->db, BARSKOON, "RETURNEES", 2022, 'F', 40, "Ayil okmotu");
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, BARSKOON, NULL, 0, 0, &error);
    AimakIndicatorRow *r;
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 4);
    /* By name: "Migrants returned…" before "Population"; newest year first. */
    r = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (r->indicator_code, ==, "RETURNEES");
    g_assert_true (isnan (r->men) && isnan (r->total));
    g_assert_cmpuint (r->n_differing, ==, 0);
    r = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (r->indicator_code, ==, "POP");
    g_assert_cmpint (r->year, ==, 2023);
    g_assert_cmpfloat (r->women, ==, 5120);
    g_assert_cmpfloat (r->men, ==, 4980);
    g_assert_true (isnan (r->total));
    g_assert_cmpstr (r->source, ==, "Ayil okmotu");
    g_assert_cmpuint (r->n_differing, ==, 1);
    r = g_ptr_array_index (rows, 2);
    g_assert_cmpint (r->year, ==, 2023);
    g_assert_true (isnan (r->women) && isnan (r->men));
    g_assert_cmpfloat (r->total, ==, 10100);
    g_assert_cmpstr (r->source, ==, "Rayon statistics");
    r = g_ptr_array_index (rows, 3);
    g_assert_cmpint (r->year, ==, 2021);
  }
  /* Filters: indicator and year range. */
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, BARSKOON, "POP", 2022, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);   /* 2023, one row per source */
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = aimak_indicator_rows (f->db, BARSKOON, NULL, 0, 2022, &error);
    g_assert_cmpuint (rows->len, ==, 2);
  }
  /* Series: ascending, one row per year. */
  {
    g_autoptr(GPtrArray) series = aimak_indicator_series (f->db, ISSYK_KUL, "SL_TLF_UEM", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (series->len, >, 5);
    for (guint i = 1; i < series->len; i++)
      g_assert_cmpint (((AimakIndicatorRow *) g_ptr_array_index (series, i - 1))->year, <,
                       ((AimakIndicatorRow *) g_ptr_array_index (series, i))->year);
  }
  {
    g_autoptr(GPtrArray) series = aimak_indicator_series (f->db, "KG", "RETURNEES", &error);
    AimakIndicatorRow *r;
    g_assert_no_error (error);
    g_assert_cmpuint (series->len, ==, 1);
    /* One source shown whole, the other counted as differing. */
    r = g_ptr_array_index (series, 0);
    g_assert_null (strstr (r->source, "; "));
    g_assert_cmpuint (r->n_differing, ==, 1);
  }
  /* Series of Barskoon's population 2023: the source with women and men wins whole;
   * the total is not borrowed from the other source. */
  {
    g_autoptr(GPtrArray) series = aimak_indicator_series (f->db, BARSKOON, "POP", &error);
    AimakIndicatorRow *r;
    g_assert_no_error (error);
    r = g_ptr_array_index (series, series->len - 1);
    g_assert_cmpint (r->year, ==, 2023);
    g_assert_cmpstr (r->source, ==, "Ayil okmotu");
    g_assert_true (isnan (r->total));
    g_assert_cmpuint (r->n_differing, ==, 1);
  }
  /* Which sexes an indicator has (issue 12: a women-only indicator shows no men). */
  {
    g_autofree char *adolescent = aimak_indicator_sexes (f->db, "SP_DYN_ADKL");
    g_autofree char *pop = aimak_indicator_sexes (f->db, "POP");
    g_autofree char *none = aimak_indicator_sexes (f->db, "NO_SUCH_INDICATOR");
    g_assert_cmpstr (adolescent, ==, "F");
    g_assert_cmpstr (pop, ==, "FMT");
    g_assert_cmpstr (none, ==, "");
  }
  /* Reference sources with an official Russian/Kyrgyz name are shown in it (issue 12);
   * a planner's source stays as written. */
  g_assert_cmpstr (aimak_indicator_source_label ("National Statistical Committee of the "
                                                 "Kyrgyz Republic", "ru"), ==,
                   "Национальный статистический комитет Кыргызской Республики");
  g_assert_cmpstr (aimak_indicator_source_label ("National Statistical Committee of the "
                                                 "Kyrgyz Republic", "ky"), ==,
                   "Кыргыз Республикасынын Улуттук статистикалык комитети");
  g_assert_cmpstr (aimak_indicator_source_label ("Ayil okmotu", "ru"), ==, "Ayil okmotu");
  /* Names follow the database's language. */
  aimak_db_set_language (f->db, "ru");
  {
    g_autoptr(GPtrArray) rows = aimak_indicator_rows (f->db, BARSKOON, "POP", 0, 0, &error);
    g_assert_cmpstr (((AimakIndicatorRow *) g_ptr_array_index (rows, 0))->name, ==, "Население");
  }
}

static void
test_parse_number (void)
{
  struct { const char *text; gboolean comma; gboolean ok; double value; } cases[] = {
    { "1234.5", FALSE, TRUE, 1234.5 },
    { "1234.5", TRUE, TRUE, 1234.5 },
    { "1 234,5", TRUE, TRUE, 1234.5 },
    { "1\xc2\xa0" "234,5", TRUE, TRUE, 1234.5 },        /* no-break space */
    { "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567", TRUE, TRUE, 1234567 }, /* narrow nbsp */
    { "12,5", TRUE, TRUE, 12.5 },
    { "  42  ", FALSE, TRUE, 42 },
    { "-3.25", FALSE, TRUE, -3.25 },
    { "+7", FALSE, TRUE, 7 },
    { "\xe2\x88\x92" "2", FALSE, TRUE, -2 },            /* minus sign */
    { "0.5", FALSE, TRUE, 0.5 },
    { ".5", FALSE, FALSE, 0 },            /* a number starts with a digit */
    { "12,5", FALSE, TRUE, 12.5 },        /* one comma, not three digits: decimal */
    { "1,234", FALSE, FALSE, 0 },
    { "12.5.3", FALSE, FALSE, 0 },
    { "12.5.3", TRUE, FALSE, 0 },
    { "1.234,5", TRUE, FALSE, 0 },
    { "abc", FALSE, FALSE, 0 },
    { "inf", FALSE, FALSE, 0 },
    { "-inf", FALSE, FALSE, 0 },
    { "nan", FALSE, FALSE, 0 },
    { "NaN", TRUE, FALSE, 0 },
    { "1e5", FALSE, FALSE, 0 },
    { "0x10", FALSE, FALSE, 0 },
    { "", FALSE, FALSE, 0 },
    { "   ", FALSE, FALSE, 0 },
    { "-", FALSE, FALSE, 0 },
    { "5.", FALSE, FALSE, 0 },
    { "12 34", TRUE, FALSE, 0 },
    { "1 2345", TRUE, FALSE, 0 },
    { "12 5,5", TRUE, FALSE, 0 },
    { "1 234,5 6", TRUE, FALSE, 0 },
    { "12%", FALSE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = -999;
      gboolean ok = aimak_indicator_parse_number (cases[i].text, cases[i].comma, &v);
      if (ok != cases[i].ok)
        g_error ("parse_number (\"%s\", %d) gave %d", cases[i].text, cases[i].comma, ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (v, cases[i].value, 1e-9);
    }
}

static void
test_parse_sex (void)
{
  struct { const char *text; char sex; } cases[] = {
    { "F", 'F' }, { "f", 'F' }, { "Women", 'F' }, { "female", 'F' }, { "Женщины", 'F' },
    { "ж", 'F' }, { "Ж", 'F' }, { "аялдар", 'F' }, { "Аял", 'F' },
    { "M", 'M' }, { "men", 'M' }, { "Мужчины", 'M' }, { "м", 'M' }, { "эркектер", 'M' },
    { "Эркек", 'M' },
    { "T", 'T' }, { "total", 'T' }, { "Всего", 'T' }, { "бардыгы", 'T' }, { " t ", 'T' },
    { "", 0 }, { "X", 0 }, { "wom", 0 }, { "both?", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (aimak_indicator_parse_sex (cases[i].text) != cases[i].sex)
      g_error ("parse_sex (\"%s\") gave '%c'", cases[i].text,
               aimak_indicator_parse_sex (cases[i].text));
  g_assert_cmpstr (aimak_indicator_sex_label ('F'), ==, "Women");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The build tree's catalogues, for the translated source names. */
  if (g_getenv ("AIMAK_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add ("/indicator/validate-rules", Fixture, NULL, fixture_set_up, test_validate_rules,
              fixture_tear_down);
  g_test_add ("/indicator/catalogue", Fixture, NULL, fixture_set_up, test_catalogue,
              fixture_tear_down);
  g_test_add ("/indicator/save-and-log", Fixture, NULL, fixture_set_up, test_save_and_log,
              fixture_tear_down);
  g_test_add ("/indicator/correct-reference", Fixture, NULL, fixture_set_up,
              test_correct_reference, fixture_tear_down);
  g_test_add ("/indicator/delete-undelete", Fixture, NULL, fixture_set_up, test_delete_undelete,
              fixture_tear_down);
  g_test_add ("/indicator/key-figures", Fixture, NULL, fixture_set_up, test_key_figures,
              fixture_tear_down);
  g_test_add ("/indicator/rows-and-series", Fixture, NULL, fixture_set_up,
              test_rows_and_series, fixture_tear_down);
  g_test_add_func ("/indicator/parse-number", test_parse_number);
  g_test_add_func ("/indicator/parse-sex", test_parse_sex);
  return g_test_run ();
}
