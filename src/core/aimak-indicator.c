/* aimak-indicator.c — the indicator catalogue, the values of an area by year
 * and sex, and the queries of the profile page. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-lang.h"
#include "aimak-db-private.h"

#define ENTITY_VALUE     "indicator_value"
#define ENTITY_INDICATOR "indicator"

G_DEFINE_QUARK (aimak-indicator-error-quark, aimak_indicator_error)

/* ---- memory ---- */

void
aimak_indicator_free (AimakIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->code);
  g_free (indicator->name_en);
  g_free (indicator->name_ru);
  g_free (indicator->name_ky);
  g_free (indicator->unit);
  g_free (indicator->description);
  g_free (indicator);
}

void
aimak_indicator_value_free (AimakIndicatorValue *value)
{
  if (value == NULL)
    return;
  g_free (value->area_code);
  g_free (value->indicator_code);
  g_free (value->source);
  g_free (value->note);
  g_free (value->original_source);
  g_free (value->deleted_at);
  g_free (value);
}

void
aimak_indicator_row_free (AimakIndicatorRow *row)
{
  if (row == NULL)
    return;
  g_free (row->indicator_code);
  g_free (row->name);
  g_free (row->unit);
  g_free (row->source);
  g_free (row);
}

void
aimak_key_figure_free (AimakKeyFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->indicator_code);
  g_free (figure->key);
  g_free (figure->name);
  g_free (figure->unit);
  g_free (figure->source);
  g_free (figure);
}

void
aimak_indicator_change_free (AimakIndicatorChange *change)
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

GPtrArray *
_aimak_field_errors_new (void)
{
  return aimak_problem_list_new ();
}

void
_aimak_field_errors_add (GPtrArray  *problems,
                         const char *field,
                         const char *message)
{
  aimak_problem_list_add (problems, field, message);
}

char *
_aimak_indicator_format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return NULL;
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* Hands @problems to the caller (or frees it) and sets the INVALID error
 * whose message lists them, so a caller that shows only the GError still
 * tells the user everything. */
static gboolean
fail_with_problems (GPtrArray  *problems,
                    GPtrArray **out,
                    int         code,
                    GError    **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      if (i > 0)
        g_string_append_c (msg, ' ');
      g_string_append (msg, p->message);
    }
  g_set_error_literal (error, AIMAK_INDICATOR_ERROR, code, msg->str);
  if (out)
    *out = problems;
  else
    g_ptr_array_unref (problems);
  return FALSE;
}

/* ---- the catalogue ---- */

static gboolean
is_code (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isupper (*s) && !g_ascii_isdigit (*s) && *s != '_')
      return FALSE;
  return TRUE;
}

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

static AimakIndicator *
indicator_from_row (AimakStmt *st)
{
  AimakIndicator *ind = g_new0 (AimakIndicator, 1);

  ind->code = g_strdup (aimak_stmt_text (st, 0));
  ind->name_en = g_strdup (aimak_stmt_text (st, 1));
  ind->name_ru = g_strdup (aimak_stmt_text (st, 2));
  ind->name_ky = g_strdup (aimak_stmt_text (st, 3));
  ind->unit = g_strdup (aimak_stmt_text (st, 4));
  ind->by_sex = sqlite3_column_int (st, 5) != 0;
  ind->is_key = sqlite3_column_int (st, 6) != 0;
  ind->description = g_strdup (aimak_stmt_text (st, 7));
  ind->is_reference = sqlite3_column_int (st, 8) != 0;
  return ind;
}

#define INDICATOR_COLUMNS \
  "code, name_en, name_ru, name_ky, unit, by_sex, is_key, description, is_reference"

const char *
aimak_indicator_name (const AimakIndicator *indicator,
                      const char           *lang)
{
  return aimak_lang_pick (lang ? lang : aimak_lang_current (),
                          indicator->name_en, indicator->name_ru, indicator->name_ky);
}

typedef struct
{
  const char *lang;
} SortData;

static int
compare_indicators (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const AimakIndicator *x = *(AimakIndicator * const *) a;
  const AimakIndicator *y = *(AimakIndicator * const *) b;
  SortData *d = user_data;
  int c = g_utf8_collate (aimak_indicator_name (x, d->lang), aimak_indicator_name (y, d->lang));

  return c != 0 ? c : strcmp (x->code, y->code);
}

GPtrArray *
aimak_indicator_catalogue (AimakDb  *db,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_free);
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;
  SortData d;

  g_return_val_if_fail (db != NULL, NULL);

  st = aimak_db_prepare (db, error, "SELECT " INDICATOR_COLUMNS " FROM indicator", NULL);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    g_ptr_array_add (list, indicator_from_row (st));
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  d.lang = aimak_db_get_language (db);
  g_ptr_array_sort_with_data (list, compare_indicators, &d);
  return g_steal_pointer (&list);
}

AimakIndicator *
aimak_indicator_get (AimakDb    *db,
                     const char *code,
                     GError    **error)
{
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  st = aimak_db_prepare (db, error,
                         "SELECT " INDICATOR_COLUMNS " FROM indicator WHERE code = ?", "t", code);
  if (st == NULL)
    return NULL;
  if (aimak_stmt_next (st, &local_error))
    return indicator_from_row (st);
  if (local_error)
    g_propagate_error (error, local_error);
  else
    g_set_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND,
                 _("There is no indicator with the code “%s”."), code);
  return NULL;
}

GPtrArray *
aimak_indicator_validate (const AimakIndicator *indicator)
{
  GPtrArray *problems = _aimak_field_errors_new ();

  g_return_val_if_fail (indicator != NULL, problems);

  if (is_blank (indicator->code))
    _aimak_field_errors_add (problems, "code", _("Enter a code."));
  else if (!is_code (indicator->code))
    _aimak_field_errors_add (problems, "code",
                             _("A code may contain only capital Latin letters (A–Z), digits "
                               "and “_”."));
  else if (strlen (indicator->code) > 40)
    _aimak_field_errors_add (problems, "code", _("A code may have at most 40 characters."));
  if (is_blank (indicator->name_en))
    _aimak_field_errors_add (problems, "name_en", _("Enter the name in English."));
  if (is_blank (indicator->unit))
    _aimak_field_errors_add (problems, "unit", _("Choose a unit."));
  else if (!is_code (indicator->unit))
    _aimak_field_errors_add (problems, "unit",
                             _("A unit code may contain only capital Latin letters (A–Z), "
                               "digits and “_”."));
  return problems;
}

static char *
strip_dup (const char *s)
{
  return s ? g_strstrip (g_strdup (s)) : g_strdup ("");
}

gboolean
aimak_indicator_add (AimakDb               *db,
                     const AimakIndicator  *indicator,
                     GPtrArray            **problems,
                     GError               **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *name_en = NULL, *name_ru = NULL, *name_ky = NULL, *description = NULL;
  gint64 exists;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);

  if (problems)
    *problems = NULL;
  found = aimak_indicator_validate (indicator);
  if (found->len > 0)
    return fail_with_problems (g_steal_pointer (&found), problems,
                               AIMAK_INDICATOR_ERROR_INVALID, error);

  exists = aimak_db_query_int (db, -1, &local_error,
                               "SELECT count(*) FROM indicator WHERE code = ?", "t",
                               indicator->code);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (exists > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("An indicator with the code “%s” already "
                                                "exists."), indicator->code);
      _aimak_field_errors_add (found, "code", msg);
      return fail_with_problems (g_steal_pointer (&found), problems,
                                 AIMAK_INDICATOR_ERROR_EXISTS, error);
    }

  name_en = strip_dup (indicator->name_en);
  name_ru = strip_dup (indicator->name_ru);
  name_ky = strip_dup (indicator->name_ky);
  description = strip_dup (indicator->description);
  if (!aimak_db_begin (db, error))
    return FALSE;
  if (!aimak_db_exec (db, error,
                      "INSERT INTO indicator (code, name_en, name_ru, name_ky, unit, by_sex, "
                      "is_key, description, is_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                      "tttttbbt", indicator->code, name_en, name_ru, name_ky, indicator->unit,
                      indicator->by_sex, indicator->is_key, description) ||
      !aimak_db_log_change (db, ENTITY_INDICATOR, indicator->code, "create", "name_en",
                            NULL, name_en, error) ||
      !aimak_db_log_change (db, ENTITY_INDICATOR, indicator->code, "create", "unit",
                            NULL, indicator->unit, error))
    {
      aimak_db_rollback (db);
      return FALSE;
    }
  return aimak_db_commit (db, error);
}

static const char * const units[] = {
  "PERSONS", "NUMBER", "PT", "PER_1000_POP", "PER_10000_POP", "PER_100000_POP",
  "PER_1000_WOMEN", "PER_1000_LIVE_BIRTHS", "PER_100000_LIVE_BIRTHS",
  "PER_1000_UNINFECTED_POP", "PER_100000_WKRS_EMP", "KGS", "USD", NULL
};

const char * const *
aimak_indicator_units (void)
{
  return units;
}

const char *
aimak_indicator_unit_label (const char *unit)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "PERSONS", N_("persons") },
    { "NUMBER", N_("number") },
    { "PT", N_("%") },
    { "PER_1000_POP", N_("per 1,000 population") },
    { "PER_10000_POP", N_("per 10,000 population") },
    { "PER_100000_POP", N_("per 100,000 population") },
    { "PER_1000_WOMEN", N_("per 1,000 women") },
    { "PER_1000_LIVE_BIRTHS", N_("per 1,000 live births") },
    { "PER_100000_LIVE_BIRTHS", N_("per 100,000 live births") },
    { "PER_1000_UNINFECTED_POP", N_("per 1,000 uninfected population") },
    { "PER_100000_WKRS_EMP", N_("per 100,000 employees") },
    { "KGS", N_("som") },
    { "USD", N_("US dollars") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (unit, labels[i].code) == 0)
      return _(labels[i].label);
  return unit ? unit : "";
}

/* ---- validation of values ---- */

void
_aimak_indicator_check_value (const AimakIndicatorValue *v,
                              gboolean                   area_known,
                              const AimakIndicator      *ind,
                              GPtrArray                 *problems)
{
  if (is_blank (v->area_code))
    _aimak_field_errors_add (problems, "area_code", _("Choose an area."));
  else if (!area_known)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown area “%s”."), v->area_code);
      _aimak_field_errors_add (problems, "area_code", msg);
    }

  if (is_blank (v->indicator_code))
    _aimak_field_errors_add (problems, "indicator_code", _("Choose an indicator."));
  else if (ind == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown indicator “%s”."), v->indicator_code);
      _aimak_field_errors_add (problems, "indicator_code", msg);
    }

  if (v->year < 1990 || v->year > 2100)
    _aimak_field_errors_add (problems, "year", _("The year must be between 1990 and 2100."));

  if (v->sex != 'F' && v->sex != 'M' && v->sex != 'T')
    _aimak_field_errors_add (problems, "sex", _("Choose women, men or total."));
  else if (ind && !ind->by_sex && v->sex != 'T')
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not split by sex: enter a total."),
                                              aimak_indicator_name (ind, NULL));
      _aimak_field_errors_add (problems, "sex", msg);
    }

  if (!isfinite (v->value))
    _aimak_field_errors_add (problems, "value", _("Enter a number."));
  else
    {
      /* Each unit has its plausible range (aimak-number.h): a count is whole,
       * a share 0–100, nothing is 1e308. */
      g_autoptr(GError) range_error = NULL;
      if (!aimak_number_check (v->value, aimak_number_kind_for_unit (ind ? ind->unit : NULL),
                               _("The value"), &range_error))
        _aimak_field_errors_add (problems, "value", range_error->message);
    }

  if (is_blank (v->source))
    _aimak_field_errors_add (problems, "source",
                             _("Enter the source of the figure (who published it, and when)."));
  else
    {
      g_autoptr(GError) text_error = NULL;
      if (!aimak_text_check (v->source, -1, FALSE, _("The source"), &text_error))
        _aimak_field_errors_add (problems, "source", text_error->message);
    }
  {
    g_autoptr(GError) text_error = NULL;
    if (!aimak_text_check (v->note, -1, TRUE, _("The note"), &text_error))
      _aimak_field_errors_add (problems, "note", text_error->message);
  }
}

GPtrArray *
aimak_indicator_validate_value (AimakDb                   *db,
                                const AimakIndicatorValue *value)
{
  GPtrArray *problems = _aimak_field_errors_new ();
  g_autoptr(AimakIndicator) ind = NULL;
  gboolean area_known = FALSE;

  g_return_val_if_fail (db != NULL, problems);
  g_return_val_if_fail (value != NULL, problems);

  if (!is_blank (value->area_code))
    area_known = aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?",
                                     "t", value->area_code) > 0;
  if (!is_blank (value->indicator_code))
    ind = aimak_indicator_get (db, value->indicator_code, NULL);
  _aimak_indicator_check_value (value, area_known, ind, problems);
  return problems;
}

/* ---- values ---- */

AimakIndicatorValue *
aimak_indicator_value_new (void)
{
  AimakIndicatorValue *v = g_new0 (AimakIndicatorValue, 1);

  v->area_code = g_strdup ("");
  v->indicator_code = g_strdup ("");
  v->sex = 'T';
  v->value = NAN;
  v->source = g_strdup ("");
  v->note = g_strdup ("");
  v->original_value = NAN;
  return v;
}

AimakIndicatorValue *
aimak_indicator_value_copy (const AimakIndicatorValue *value)
{
  AimakIndicatorValue *v;

  g_return_val_if_fail (value != NULL, NULL);
  v = g_memdup2 (value, sizeof *value);
  v->area_code = g_strdup (value->area_code);
  v->indicator_code = g_strdup (value->indicator_code);
  v->source = g_strdup (value->source);
  v->note = g_strdup (value->note);
  v->original_source = g_strdup (value->original_source);
  v->deleted_at = g_strdup (value->deleted_at);
  return v;
}

#define VALUE_COLUMNS \
  "id, area_code, indicator_code, year, sex, value, source, note, is_reference, " \
  "original_value, original_source, deleted_at"

static AimakIndicatorValue *
value_from_row (AimakStmt *st)
{
  AimakIndicatorValue *v = g_new0 (AimakIndicatorValue, 1);
  const char *sex = aimak_stmt_text (st, 4);

  v->id = sqlite3_column_int64 (st, 0);
  v->area_code = g_strdup (aimak_stmt_text (st, 1));
  v->indicator_code = g_strdup (aimak_stmt_text (st, 2));
  v->year = sqlite3_column_int (st, 3);
  v->sex = sex[0];
  v->value = aimak_stmt_double_or_nan (st, 5);
  v->source = g_strdup (aimak_stmt_text (st, 6));
  v->note = g_strdup (aimak_stmt_text (st, 7));
  v->is_reference = sqlite3_column_int (st, 8) != 0;
  v->original_value = aimak_stmt_double_or_nan (st, 9);
  v->original_source = g_strdup ((const char *) sqlite3_column_text (st, 10));
  v->deleted_at = g_strdup ((const char *) sqlite3_column_text (st, 11));
  return v;
}

AimakIndicatorValue *
aimak_indicator_value_load (AimakDb  *db,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  st = aimak_db_prepare (db, error, "SELECT " VALUE_COLUMNS " FROM indicator_value WHERE id = ?",
                         "I", id);
  if (st == NULL)
    return NULL;
  if (aimak_stmt_next (st, &local_error))
    return value_from_row (st);
  if (local_error)
    g_propagate_error (error, local_error);
  else
    g_set_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND,
                 _("The indicator value %lld does not exist."), (long long) id);
  return NULL;
}

static gboolean
log_value (AimakDb    *db,
           gint64      id,
           const char *action,
           const char *field,
           const char *old_value,
           const char *new_value,
           GError    **error)
{
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return aimak_db_log_change (db, ENTITY_VALUE, entity_id, action, field, old_value,
                              new_value, error);
}

static gboolean
log_if_changed (AimakDb    *db,
                gint64      id,
                const char *field,
                const char *old_value,
                const char *new_value,
                GError    **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return log_value (db, id, "update", field, old_value, new_value, error);
}

static char *
sex_text (char sex)
{
  return g_strndup (&sex, 1);
}

/* Id of the value with the same identity as @v (not @v itself), 0 if none;
 * *@deleted tells whether it is soft-deleted. -1 on error. */
static gint64
find_same_key (AimakDb                   *db,
               const AimakIndicatorValue *v,
               gboolean                  *deleted,
               GError                   **error)
{
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *sex = sex_text (v->sex);
  GError *local_error = NULL;

  *deleted = FALSE;
  st = aimak_db_prepare (db, error,
                         "SELECT id, deleted_at IS NOT NULL FROM indicator_value "
                         "WHERE area_code = ? AND indicator_code = ? AND year = ? AND sex = ? "
                         "AND source = ? AND id <> ?",
                         "ttittI", v->area_code, v->indicator_code, v->year, sex, v->source,
                         v->id);
  if (st == NULL)
    return -1;
  if (aimak_stmt_next (st, &local_error))
    {
      *deleted = sqlite3_column_int (st, 1) != 0;
      return sqlite3_column_int64 (st, 0);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  return 0;
}

static gboolean
set_deleted (AimakDb  *db,
             gint64    id,
             gboolean  deleted,
             GError  **error)
{
  g_autofree char *now = aimak_db_now ();

  return aimak_db_exec (db, error,
                        "UPDATE indicator_value SET deleted_at = ?, updated_at = ? WHERE id = ?",
                        "ttI", deleted ? now : NULL, now, id) &&
         log_value (db, id, deleted ? "delete" : "undelete", "", NULL, NULL, error);
}

/* Writes @v over the stored @old (same id), one change-log row per changed field. */
static gboolean
update_value (AimakDb                   *db,
              const AimakIndicatorValue *old,
              AimakIndicatorValue       *v,
              GError                   **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autofree char *old_value = _aimak_indicator_format_value (old->value);
  g_autofree char *new_value = _aimak_indicator_format_value (v->value);
  g_autofree char *old_year = g_strdup_printf ("%d", old->year);
  g_autofree char *new_year = g_strdup_printf ("%d", v->year);
  g_autofree char *old_sex = sex_text (old->sex);
  g_autofree char *new_sex = sex_text (v->sex);
  g_autofree char *source = g_strstrip (g_strdup (v->source));
  const char *note = v->note ? v->note : "";
  double original_value = old->original_value;
  const char *original_source = old->original_source;

  /* The reference figure is kept the first time it is corrected, never again,
   * so a chain of corrections still leads back to what was published. */
  if (old->is_reference && isnan (original_value) &&
      (g_strcmp0 (old_value, new_value) != 0 || g_strcmp0 (old->source, source) != 0))
    {
      original_value = old->value;
      original_source = old->source;
    }

  if (!aimak_db_exec (db, error,
                      "UPDATE indicator_value SET area_code = ?, indicator_code = ?, year = ?, "
                      "sex = ?, value = ?, source = ?, note = ?, original_value = ?, "
                      "original_source = ?, updated_at = ? WHERE id = ?",
                      "ttitdttdttI", v->area_code, v->indicator_code, v->year, new_sex,
                      v->value, source, note, original_value, original_source, now, old->id) ||
      !log_if_changed (db, old->id, "area_code", old->area_code, v->area_code, error) ||
      !log_if_changed (db, old->id, "indicator_code", old->indicator_code, v->indicator_code,
                       error) ||
      !log_if_changed (db, old->id, "year", old_year, new_year, error) ||
      !log_if_changed (db, old->id, "sex", old_sex, new_sex, error) ||
      !log_if_changed (db, old->id, "value", old_value, new_value, error) ||
      !log_if_changed (db, old->id, "source", old->source, source, error) ||
      !log_if_changed (db, old->id, "note", old->note, note, error))
    return FALSE;

  g_free (v->source);
  v->source = g_steal_pointer (&source);
  v->is_reference = old->is_reference;
  v->original_value = original_value;
  g_free (v->original_source);
  v->original_source = g_strdup (original_source);
  g_clear_pointer (&v->deleted_at, g_free);
  return TRUE;
}

static gboolean
insert_value (AimakDb             *db,
              AimakIndicatorValue *v,
              GError             **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autofree char *sex = sex_text (v->sex);
  g_autofree char *source = g_strstrip (g_strdup (v->source));
  g_autofree char *text = _aimak_indicator_format_value (v->value);

  if (!aimak_db_exec (db, error,
                      "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, "
                      "source, note, is_reference, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                      "ttitdttt", v->area_code, v->indicator_code, v->year, sex, v->value,
                      source, v->note ? v->note : "", now))
    return FALSE;
  v->id = sqlite3_last_insert_rowid (aimak_db_get_handle (db));
  g_free (v->source);
  v->source = g_steal_pointer (&source);
  v->is_reference = FALSE;
  v->original_value = NAN;
  g_clear_pointer (&v->original_source, g_free);
  return log_value (db, v->id, "create", "value", NULL, text, error);
}

gboolean
aimak_indicator_value_save (AimakDb              *db,
                            AimakIndicatorValue  *value,
                            GPtrArray           **problems,
                            GError              **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(AimakIndicatorValue) old = NULL;
  gboolean other_deleted = FALSE;
  gint64 other;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (problems)
    *problems = NULL;
  found = aimak_indicator_validate_value (db, value);
  if (value->id != 0)
    {
      old = aimak_indicator_value_load (db, value->id, error);
      if (old == NULL)
        return FALSE;
      /* A reference figure belongs to its series: correct it, do not move it. */
      if (old->is_reference && found->len == 0)
        {
          const char *moved = NULL;
          if (g_strcmp0 (old->area_code, value->area_code) != 0)
            moved = "area_code";
          else if (g_strcmp0 (old->indicator_code, value->indicator_code) != 0)
            moved = "indicator_code";
          else if (old->year != value->year)
            moved = "year";
          else if (old->sex != value->sex)
            moved = "sex";
          if (moved)
            _aimak_field_errors_add (found, moved,
                                     _("The area, indicator, year and sex of a reference "
                                       "value cannot be changed; add a new value instead."));
        }
    }
  if (found->len > 0)
    return fail_with_problems (g_steal_pointer (&found), problems,
                               AIMAK_INDICATOR_ERROR_INVALID, error);

  {
    g_autoptr(AimakIndicatorValue) key = aimak_indicator_value_copy (value);
    g_free (key->source);
    key->source = g_strstrip (g_strdup (value->source));
    other = find_same_key (db, key, &other_deleted, error);
  }
  if (other < 0)
    return FALSE;
  if (other > 0 && !other_deleted)
    {
      _aimak_field_errors_add (found, "source",
                               _("This area already has a value of this indicator for this "
                                 "year and sex from this source: edit that value instead."));
      return fail_with_problems (g_steal_pointer (&found), problems,
                                 AIMAK_INDICATOR_ERROR_EXISTS, error);
    }

  if (!aimak_db_begin (db, error))
    return FALSE;
  if (other > 0 && value->id == 0)
    {
      /* A deleted value with the same identity comes back rather than
       * colliding with the unique key: its history stays in one place. */
      old = aimak_indicator_value_load (db, other, error);
      if (old == NULL || !set_deleted (db, other, FALSE, error))
        goto fail;
      value->id = other;
    }
  else if (other > 0)
    {
      /* Editing a value into the identity of a deleted one: the deleted one
       * cannot be restored any more (the key would collide), so it goes. */
      g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, other);
      if (!aimak_db_exec (db, error, "DELETE FROM indicator_value WHERE id = ?", "I", other) ||
          !aimak_db_log_change (db, ENTITY_VALUE, entity_id, "purge", "", NULL, NULL, error))
        goto fail;
    }
  if (old ? !update_value (db, old, value, error) : !insert_value (db, value, error))
    goto fail;
  return aimak_db_commit (db, error);

fail:
  aimak_db_rollback (db);
  return FALSE;
}

static gboolean
change_deleted (AimakDb  *db,
                gint64    id,
                gboolean  deleted,
                GError  **error)
{
  g_autoptr(AimakIndicatorValue) v = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  v = aimak_indicator_value_load (db, id, error);
  if (v == NULL)
    return FALSE;
  if ((v->deleted_at != NULL) == deleted)
    return TRUE;
  if (!aimak_db_begin (db, error))
    return FALSE;
  if (!set_deleted (db, id, deleted, error))
    {
      aimak_db_rollback (db);
      return FALSE;
    }
  return aimak_db_commit (db, error);
}

gboolean
aimak_indicator_value_delete (AimakDb  *db,
                              gint64    id,
                              GError  **error)
{
  return change_deleted (db, id, TRUE, error);
}

gboolean
aimak_indicator_value_undelete (AimakDb  *db,
                                gint64    id,
                                GError  **error)
{
  return change_deleted (db, id, FALSE, error);
}

static AimakIndicatorChange *
change_new (const char *ts,
            const char *action,
            const char *field,
            const char *old_value,
            const char *new_value)
{
  AimakIndicatorChange *c = g_new0 (AimakIndicatorChange, 1);

  c->ts = g_strdup (ts);
  c->action = g_strdup (action);
  c->field = g_strdup (field);
  c->old_value = g_strdup (old_value);
  c->new_value = g_strdup (new_value);
  return c;
}

GPtrArray *
aimak_indicator_value_history (AimakDb  *db,
                               gint64    id,
                               GError  **error)
{
  g_autoptr(AimakIndicatorValue) v = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  v = aimak_indicator_value_load (db, id, error);
  if (v == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_change_free);
  if (v->is_reference)
    {
      gboolean corrected = !isnan (v->original_value);
      g_autofree char *text = _aimak_indicator_format_value (corrected ? v->original_value
                                                                       : v->value);
      g_ptr_array_add (list, change_new ("", "reference", "value", NULL, text));
      g_ptr_array_add (list, change_new ("", "reference", "source", NULL,
                                         corrected && v->original_source ? v->original_source
                                                                         : v->source));
    }
  st = aimak_db_prepare (db, error,
                         "SELECT ts, action, field, old_value, new_value FROM change_log "
                         "WHERE entity = ? AND entity_id = ? ORDER BY id",
                         "tt", ENTITY_VALUE, entity_id);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    g_ptr_array_add (list, change_new (aimak_stmt_text (st, 0), aimak_stmt_text (st, 1),
                                       aimak_stmt_text (st, 2),
                                       (const char *) sqlite3_column_text (st, 3),
                                       (const char *) sqlite3_column_text (st, 4)));
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- the profile ---- */

/* One stored value as the profile queries see it. */
typedef struct
{
  gint64   id;
  char     sex;
  double   value;
  char    *source;
  gboolean is_reference;
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *c = data;
  g_free (c->source);
}

/* The values of one indicator in one year, gathered before they become rows. */
typedef struct
{
  char      *code;
  char      *name;
  char      *unit;
  gboolean   by_sex;
  int        year;
  GArray    *cells;    /* Cell */
} Group;

static void
group_init (Group *g)
{
  memset (g, 0, sizeof *g);
  g->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (g->cells, cell_clear);
}

static void
group_reset (Group *g)
{
  g_clear_pointer (&g->code, g_free);
  g_clear_pointer (&g->name, g_free);
  g_clear_pointer (&g->unit, g_free);
  g_array_set_size (g->cells, 0);
}

static void
group_clear (Group *g)
{
  group_reset (g);
  g_array_unref (g->cells);
}

static AimakIndicatorRow *
row_new (const Group *g)
{
  AimakIndicatorRow *r = g_new0 (AimakIndicatorRow, 1);

  r->indicator_code = g_strdup (g->code);
  r->name = g_strdup (g->name);
  r->unit = g_strdup (g->unit);
  r->by_sex = g->by_sex;
  r->year = g->year;
  r->women = r->men = r->total = NAN;
  return r;
}

static void
row_put (AimakIndicatorRow *r,
         const Cell        *c)
{
  switch (c->sex)
    {
    case 'F':
      r->women = c->value;
      r->id_f = c->id;
      break;
    case 'M':
      r->men = c->value;
      r->id_m = c->id;
      break;
    default:
      r->total = c->value;
      r->id_t = c->id;
      break;
    }
  if (c->is_reference)
    r->is_reference = TRUE;
  if (r->source == NULL)
    r->source = g_strdup (c->source);
}

static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Two sources disagree when any of women/men/total differs (one giving a value the
 * other does not is a difference too). */
static gboolean
rows_differ (const AimakIndicatorRow *a,
             const AimakIndicatorRow *b)
{
  return !same_value (a->women, b->women) || !same_value (a->men, b->men) ||
         !same_value (a->total, b->total);
}

/* Counts, for each of @rows[first..], the other rows that differ from it. */
static void
count_differing (GPtrArray *rows,
                 guint      first)
{
  for (guint i = first; i < rows->len; i++)
    for (guint j = first; j < rows->len; j++)
      if (i != j && rows_differ (g_ptr_array_index (rows, i), g_ptr_array_index (rows, j)))
        ((AimakIndicatorRow *) g_ptr_array_index (rows, i))->n_differing++;
}

/* One row per source: values of different sources are never combined into one row
 * (a women's figure of one source beside a total of another would let a reader
 * subtract figures that were never meant to add up). Cells arrive ordered by source,
 * so a source's cells are consecutive. */
static void
group_emit (const Group *g,
            GPtrArray   *rows)
{
  AimakIndicatorRow *r = NULL;
  const char *source = NULL;
  guint first = rows->len;

  if (g->cells->len == 0)
    return;
  for (guint i = 0; i < g->cells->len; i++)
    {
      const Cell *c = &g_array_index (g->cells, Cell, i);
      if (r == NULL || !g_str_equal (source, c->source))
        {
          r = row_new (g);
          g_ptr_array_add (rows, r);
          source = c->source;
        }
      row_put (r, c);
    }
  count_differing (rows, first);
}

/* Reads values ordered by indicator, year, source and turns each
 * (indicator, year) into rows with group_emit(). */
static GPtrArray *
collect_rows (AimakStmt  *st,
              GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_row_free);
  GError *local_error = NULL;
  Group g;

  group_init (&g);
  while (aimak_stmt_next (st, &local_error))
    {
      const char *code = aimak_stmt_text (st, 1);
      int year = sqlite3_column_int (st, 5);
      Cell c;

      if (g.code == NULL || !g_str_equal (g.code, code) || g.year != year)
        {
          group_emit (&g, rows);
          group_reset (&g);
          g.code = g_strdup (code);
          g.name = g_strdup (aimak_stmt_text (st, 2));
          g.unit = g_strdup (aimak_stmt_text (st, 3));
          g.by_sex = sqlite3_column_int (st, 4) != 0;
          g.year = year;
        }
      c.id = sqlite3_column_int64 (st, 0);
      c.sex = aimak_stmt_text (st, 6)[0];
      c.value = aimak_stmt_double_or_nan (st, 7);
      c.source = g_strdup (aimak_stmt_text (st, 8));
      c.is_reference = sqlite3_column_int (st, 9) != 0;
      g_array_append_val (g.cells, c);
    }
  group_emit (&g, rows);
  group_clear (&g);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define ROW_QUERY \
  "SELECT v.id, v.indicator_code, aimak_name (i.name_en, i.name_ru, i.name_ky), i.unit, " \
  "i.by_sex, v.year, v.sex, v.value, v.source, v.is_reference " \
  "FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code " \
  "WHERE v.area_code = ?1 AND v.deleted_at IS NULL AND (?2 IS NULL OR v.indicator_code = ?2) " \
  "AND (?3 = 0 OR v.year >= ?3) AND (?4 = 0 OR v.year <= ?4) " \
  "ORDER BY v.indicator_code, v.year, v.source, v.sex"

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AimakIndicatorRow *x = *(AimakIndicatorRow * const *) a;
  const AimakIndicatorRow *y = *(AimakIndicatorRow * const *) b;
  int c = g_utf8_collate (x->name, y->name);

  if (c == 0)
    c = strcmp (x->indicator_code, y->indicator_code);
  if (c == 0)
    c = y->year - x->year;
  if (c == 0)
    c = g_strcmp0 (x->source, y->source);
  return c;
}

GPtrArray *
aimak_indicator_rows (AimakDb    *db,
                      const char *area_code,
                      const char *indicator_code,
                      int         year_from,
                      int         year_to,
                      GError    **error)
{
  g_autoptr(AimakStmt) st = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  st = aimak_db_prepare (db, error, ROW_QUERY, "ttii", area_code, indicator_code,
                         year_from, year_to);
  if (st == NULL)
    return NULL;
  rows = collect_rows (st, error);
  if (rows)
    g_ptr_array_sort (rows, compare_rows);
  return rows;
}

/* Which of several sources of one year a single-valued view (trend, card)
 * shows: one with women and men, then a user's figure before reference data,
 * then the fuller one, then the first by name — stable, never an average. */
static int
row_rank (const AimakIndicatorRow *r)
{
  int rank = 0;

  if (!isnan (r->women) && !isnan (r->men))
    rank += 100;
  if (!r->is_reference)
    rank += 10;
  rank += !isnan (r->women) + !isnan (r->men) + !isnan (r->total);
  return rank;
}

/* The reference sources with a translation; the strings are the ones the reference
 * loader stores (aimak-reference.c and data/reference/indicators/). */
static const char * const translated_sources[] = {
  N_("National Statistical Committee of the Kyrgyz Republic"),
  N_("WFP PRISM (original source not stated)"),
  N_("WFP PRISM (attributed there to the Ministry of Labour and Social Development, 2020)"),
  N_("National Bank of the Kyrgyz Republic"),
};

const char *
aimak_indicator_source_label (const char *source,
                              const char *lang)
{
  if (source == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (translated_sources); i++)
    if (g_str_equal (source, translated_sources[i]))
      return aimak_lang_gettext (lang, translated_sources[i]);
  return source;
}

char *
aimak_indicator_sexes (AimakDb    *db,
                       const char *indicator_code)
{
  g_autoptr(AimakStmt) st = NULL;
  gboolean has[3] = { FALSE, FALSE, FALSE };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (db != NULL && indicator_code != NULL, g_string_free (out, FALSE));
  st = aimak_db_prepare (db, NULL, "SELECT DISTINCT sex FROM indicator_value "
                                   "WHERE indicator_code = ? AND deleted_at IS NULL",
                         "t", indicator_code);
  while (st && aimak_stmt_next (st, NULL))
    {
      const char *sex = aimak_stmt_text (st, 0);
      has[sex[0] == 'F' ? 0 : sex[0] == 'M' ? 1 : 2] = TRUE;
    }
  if (has[0])
    g_string_append_c (out, 'F');
  if (has[1])
    g_string_append_c (out, 'M');
  if (has[2])
    g_string_append_c (out, 'T');
  return g_string_free (out, FALSE);
}

gboolean
aimak_indicator_row_preferred (const AimakIndicatorRow *a,
                               const AimakIndicatorRow *b)
{
  int ra = row_rank (a), rb = row_rank (b);

  if (ra != rb)
    return ra > rb;
  return g_strcmp0 (a->source, b->source) < 0;
}

GPtrArray *
aimak_indicator_series (AimakDb    *db,
                        const char *area_code,
                        const char *indicator_code,
                        GError    **error)
{
  g_autoptr(AimakStmt) st = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *series;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);
  g_return_val_if_fail (indicator_code != NULL, NULL);

  st = aimak_db_prepare (db, error, ROW_QUERY, "ttii", area_code, indicator_code, 0, 0);
  if (st == NULL)
    return NULL;
  all = collect_rows (st, error);
  if (all == NULL)
    return NULL;
  /* Rows come by year ascending, a year's sources by name; each row already counts
   * the other sources of its year that differ from it, so the chosen row keeps its
   * count. */
  series = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_row_free);
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (all, i);
      AimakIndicatorRow *last = series->len ? g_ptr_array_index (series, series->len - 1) : NULL;

      if (last && last->year == r->year)
        {
          if (row_rank (r) > row_rank (last))
            {
              g_ptr_array_index (series, series->len - 1) = r;
              aimak_indicator_row_free (last);
            }
          else
            aimak_indicator_row_free (r);
          continue;
        }
      g_ptr_array_add (series, r);
    }
  return series;
}

static const char * const key_codes[] = {
  "POP", "MIGR_ABROAD", "RETURNEES", "SI_POV_NAHC", "SL_TLF_UEM", NULL
};

const char * const *
aimak_indicator_key_codes (void)
{
  return key_codes;
}

GPtrArray *
aimak_indicator_key_figures (AimakDb    *db,
                             const char *area_code,
                             GError    **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_key_figure_free);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  for (guint i = 0; key_codes[i]; i++)
    {
      g_autoptr(GPtrArray) series = aimak_indicator_series (db, area_code, key_codes[i], error);
      AimakIndicatorRow *r;
      AimakKeyFigure *f;

      if (series == NULL)
        return NULL;
      /* The census counts residents away in labour migration without saying
       * where; it is the best stand-in when "abroad" is not published. */
      if (series->len == 0 && g_str_equal (key_codes[i], "MIGR_ABROAD"))
        {
          g_ptr_array_unref (series);
          series = aimak_indicator_series (db, area_code, "MIGR_LABOUR", error);
          if (series == NULL)
            return NULL;
        }
      if (series->len == 0)
        continue;
      r = g_ptr_array_index (series, series->len - 1);
      f = g_new0 (AimakKeyFigure, 1);
      f->key = g_strdup (key_codes[i]);
      f->indicator_code = g_strdup (r->indicator_code);
      f->name = g_strdup (r->name);
      f->unit = g_strdup (r->unit);
      f->year = r->year;
      f->women = r->women;
      f->men = r->men;
      f->total = r->total;
      f->source = g_strdup (r->source);
      f->n_differing = r->n_differing;
      g_ptr_array_add (figures, f);
    }
  return g_steal_pointer (&figures);
}

/* ---- parsing ---- */

/* The one grammar of aimak-number.h; a semicolon-separated file writes a
 * decimal comma, so there a comma is never a thousands separator. */
gboolean
aimak_indicator_parse_number (const char *text,
                              gboolean    decimal_comma,
                              double     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  return aimak_number_parse (text, decimal_comma ? AIMAK_NUMBER_COMMA_IS_DECIMAL : 0, out, NULL);
}

char
aimak_indicator_parse_sex (const char *text)
{
  static const struct { const char *word; char sex; } words[] = {
    { "f", 'F' }, { "w", 'F' }, { "female", 'F' }, { "females", 'F' }, { "woman", 'F' },
    { "women", 'F' },
    { "ж", 'F' }, { "жен", 'F' }, { "жен.", 'F' }, { "женщина", 'F' }, { "женщины", 'F' },
    { "женский", 'F' },
    { "а", 'F' }, { "аял", 'F' }, { "аялдар", 'F' },
    { "m", 'M' }, { "male", 'M' }, { "males", 'M' }, { "man", 'M' }, { "men", 'M' },
    { "м", 'M' }, { "муж", 'M' }, { "муж.", 'M' }, { "мужчина", 'M' }, { "мужчины", 'M' },
    { "мужской", 'M' },
    { "э", 'M' }, { "эр", 'M' }, { "эркек", 'M' }, { "эркектер", 'M' },
    { "t", 'T' }, { "total", 'T' }, { "both", 'T' }, { "both sexes", 'T' }, { "all", 'T' },
    { "_t", 'T' },
    { "всего", 'T' }, { "итого", 'T' }, { "оба пола", 'T' }, { "все", 'T' },
    { "бардыгы", 'T' }, { "баары", 'T' }, { "жалпы", 'T' }, { "бардыгы болуп", 'T' },
  };
  g_autofree char *folded = NULL;

  if (text == NULL)
    return 0;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));
    folded = g_utf8_casefold (stripped, -1);
  }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      return words[i].sex;
  return 0;
}

const char *
aimak_indicator_sex_label (char sex)
{
  switch (sex)
    {
    case 'F':
      return _("Women");
    case 'M':
      return _("Men");
    case 'T':
      return _("Total");
    default:
      return "";
    }
}
