/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator.c — the indicator catalogue, the shared memory functions and
 * the parsing helpers of the importer and the editor. The values live in
 * aimak-indicator-value.c, the profile's queries in aimak-indicator-profile.c. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-code-list.h"
#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-lang.h"


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
gboolean
_aimak_indicator_fail_with_problems (GPtrArray  *problems,
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

static AimakIndicator *
indicator_from_row (AimakStmt *st)
{
  AimakIndicator *ind = g_new0 (AimakIndicator, 1);

  ind->code = g_strdup (aimak_stmt_text (st, 0));
  ind->name_en = g_strdup (aimak_stmt_text (st, 1));
  ind->name_ru = g_strdup (aimak_stmt_text (st, 2));
  ind->name_ky = g_strdup (aimak_stmt_text (st, 3));
  ind->unit = g_strdup (aimak_stmt_text (st, 4));
  ind->by_sex = aimak_stmt_int (st, 5) != 0;
  ind->is_key = aimak_stmt_int (st, 6) != 0;
  ind->description = g_strdup (aimak_stmt_text (st, 7));
  ind->is_reference = aimak_stmt_int (st, 8) != 0;
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

static gboolean
add_indicator (AimakStmt *row,
               gpointer   data,
               GError   **error)
{
  g_ptr_array_add (data, indicator_from_row (row));
  return TRUE;
}

GPtrArray *
aimak_indicator_catalogue (AimakDb  *db,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_free);
  SortData d;

  g_return_val_if_fail (db != NULL, NULL);

  if (!aimak_db_foreach (db, error, add_indicator, list,
                         "SELECT " INDICATOR_COLUMNS " FROM indicator", NULL))
    return NULL;
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

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!aimak_db_first_row (db, &st, error,
                           "SELECT " INDICATOR_COLUMNS " FROM indicator WHERE code = ?", "t", code))
    return NULL;
  if (st != NULL)
    return indicator_from_row (st);
  g_set_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND,
               _("There is no indicator with the code “%s”."), code);
  return NULL;
}

GPtrArray *
aimak_indicator_validate (const AimakIndicator *indicator)
{
  GPtrArray *problems = aimak_problem_list_new ();

  g_return_val_if_fail (indicator != NULL, problems);

  if (aimak_field_text_is_blank (indicator->code))
    aimak_problem_list_add (problems, "code", _("Enter a code."));
  else if (!is_code (indicator->code))
    aimak_problem_list_add (problems, "code",
                             _("A code may contain only capital Latin letters (A–Z), digits "
                               "and “_”."));
  else if (strlen (indicator->code) > 40)
    aimak_problem_list_add (problems, "code", _("A code may have at most 40 characters."));
  if (aimak_field_text_is_blank (indicator->name_en))
    aimak_problem_list_add (problems, "name_en", _("Enter the name in English."));
  if (aimak_field_text_is_blank (indicator->unit))
    aimak_problem_list_add (problems, "unit", _("Choose a unit."));
  else if (!is_code (indicator->unit))
    aimak_problem_list_add (problems, "unit",
                             _("A unit code may contain only capital Latin letters (A–Z), "
                               "digits and “_”."));
  return problems;
}

static char *
strip_dup (const char *s)
{
  return s ? g_strstrip (g_strdup (s)) : g_strdup ("");
}

static gboolean
add_body (AimakDb  *db,
          gpointer  data,
          GError  **error)
{
  const AimakIndicator *ind = data;

  return aimak_db_exec (db, error,
                        "INSERT INTO indicator (code, name_en, name_ru, name_ky, unit, by_sex, "
                        "is_key, description, is_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        "tttttbbt", ind->code, ind->name_en, ind->name_ru, ind->name_ky,
                        ind->unit, ind->by_sex, ind->is_key, ind->description) &&
         aimak_db_log_change (db, AIMAK_INDICATOR_ENTITY, ind->code, "create", "name_en",
                              NULL, ind->name_en, error) &&
         aimak_db_log_change (db, AIMAK_INDICATOR_ENTITY, ind->code, "create", "unit",
                              NULL, ind->unit, error);
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

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);

  if (problems)
    *problems = NULL;
  found = aimak_indicator_validate (indicator);
  if (found->len > 0)
    return _aimak_indicator_fail_with_problems (g_steal_pointer (&found), problems,
                               AIMAK_INDICATOR_ERROR_INVALID, error);

  if (!aimak_db_query_count (db, &exists, error,
                             "SELECT count(*) FROM indicator WHERE code = ?", "t",
                             indicator->code))
    return FALSE;
  if (exists > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("An indicator with the code “%s” already "
                                                "exists."), indicator->code);
      aimak_problem_list_add (found, "code", msg);
      return _aimak_indicator_fail_with_problems (g_steal_pointer (&found), problems,
                                 AIMAK_INDICATOR_ERROR_EXISTS, error);
    }

  {
    AimakIndicator stripped = *indicator;

    stripped.name_en = name_en = strip_dup (indicator->name_en);
    stripped.name_ru = name_ru = strip_dup (indicator->name_ru);
    stripped.name_ky = name_ky = strip_dup (indicator->name_ky);
    stripped.description = description = strip_dup (indicator->description);
    return aimak_db_run_in_transaction (db, add_body, &stripped, error);
  }
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
  static const AimakCodeLabel labels[] = {
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

  return aimak_code_label_lookup (labels, G_N_ELEMENTS (labels), unit);
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

