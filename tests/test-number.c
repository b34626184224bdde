/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-number.c — the one grammar for numbers and dates (tables of accepted
 * and refused strings), the plausible ranges of each kind of figure, the
 * number formatter in each interface language, and the text check. */
#include "config.h"

#include <math.h>

#include "aimak-number-private.h"
#include "aimak-test-util.h"
#include "aimak-priority-private.h"

#define NNBSP "\xe2\x80\xaf"   /* U+202F narrow no-break space */
#define NBSP  "\xc2\xa0"       /* U+00A0 no-break space */

static void
test_parse_accepted (void)
{
  struct { const char *text; AimakNumberFlags flags; double value; } cases[] = {
    { "1234.5", 0, 1234.5 },
    { "1234,5", 0, 1234.5 },
    { "1 234,5", 0, 1234.5 },
    { "1 234.5", 0, 1234.5 },
    { "1,234.5", 0, 1234.5 },
    { "1,234,567", 0, 1234567 },
    { "1,234,567.25", 0, 1234567.25 },
    { "1" NBSP "234,5", 0, 1234.5 },
    { "1" NNBSP "234" NNBSP "567", 0, 1234567 },
    { "1'234'567", 0, 1234567 },
    { "12,5", 0, 12.5 },
    { "0,125", 0, 0.125 },
    { "1234,567", 0, 1234.567 },
    { "12,500", AIMAK_NUMBER_COMMA_IS_DECIMAL, 12.5 },
    { "1,234", AIMAK_NUMBER_COMMA_IS_DECIMAL, 1.234 },
    { "1.234", 0, 1.234 },
    { "  42  ", 0, 42 },
    { NBSP "42" NNBSP, 0, 42 },
    { "-3.25", 0, -3.25 },
    { "+7", 0, 7 },
    { "\xe2\x88\x92" "2", 0, -2 },
    { "-0", 0, 0 },
    { "0.5", 0, 0.5 },
    { "999999999999999", 0, 999999999999999.0 },     /* 15 digits */
    { "1.50000000000000000000", 0, 1.5 },            /* trailing zeros are exact */
    { "0.000000000000000000001", 0, 1e-21 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      if (!aimak_number_parse (cases[i].text, cases[i].flags, &v, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_cmpfloat_with_epsilon (v, cases[i].value, 1e-12 * MAX (1, fabs (v)));
      g_assert_false (signbit (v) && v == 0);
    }
}

static void
test_parse_refused (void)
{
  struct { const char *text; AimakNumberFlags flags; int code; const char *says; } cases[] = {
    { "", 0, AIMAK_NUMBER_ERROR_EMPTY, "Enter a number" },
    { "   ", 0, AIMAK_NUMBER_ERROR_EMPTY, "Enter a number" },
    { "15.03.2026", 0, AIMAK_NUMBER_ERROR_SYNTAX, "looks like a date" },
    { "1.3.2026", 0, AIMAK_NUMBER_ERROR_SYNTAX, "looks like a date" },
    { "1.2.3", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1,23,4", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1.234,5", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1.234.567", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1,234", 0, AIMAK_NUMBER_ERROR_AMBIGUOUS, "whole number or as a decimal" },
    { "12,500", 0, AIMAK_NUMBER_ERROR_AMBIGUOUS, "whole number or as a decimal" },
    { "1 234,567.5", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "12 34", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1 2345", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1234 567", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1 234,5 6", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1  234", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1,234 567", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { ".5", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "5.", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "-", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "--5", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "abc", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "12%", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1e308", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1e-22", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "inf", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "-inf", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "nan", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "0x10", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "12345678901234567890", 0, AIMAK_NUMBER_ERROR_PRECISION, "at most 15" },
    { "1234567890123456", 0, AIMAK_NUMBER_ERROR_PRECISION, "at most 15" },
    { "0.1234567890123456", 0, AIMAK_NUMBER_ERROR_PRECISION, "at most 15" },
    { "1,234.5,6", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
    { "1\x01" "2", 0, AIMAK_NUMBER_ERROR_SYNTAX, "is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      if (aimak_number_parse (cases[i].text, cases[i].flags, &v, &error))
        g_error ("“%s” was accepted as %.17g", cases[i].text, v);
      g_assert_error (error, AIMAK_NUMBER_ERROR, cases[i].code);
      g_assert_cmpfloat (v, ==, -999);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("“%s”: message “%s” does not say “%s”", cases[i].text, error->message,
                 cases[i].says);
    }
}

static void
test_ranges (void)
{
  struct { double value; AimakNumberKind kind; gboolean ok; } cases[] = {
    { 0, AIMAK_NUMBER_COUNT, TRUE },
    { 1e9, AIMAK_NUMBER_COUNT, TRUE },
    { 1e9 + 1, AIMAK_NUMBER_COUNT, FALSE },
    { 1e-22, AIMAK_NUMBER_COUNT, FALSE },
    { 2.5, AIMAK_NUMBER_COUNT, FALSE },
    { -1, AIMAK_NUMBER_COUNT, FALSE },
    { 1e308, AIMAK_NUMBER_COUNT, FALSE },
    { 0, AIMAK_NUMBER_PERCENT, TRUE },
    { 100, AIMAK_NUMBER_PERCENT, TRUE },
    { 100.01, AIMAK_NUMBER_PERCENT, FALSE },
    { -0.1, AIMAK_NUMBER_PERCENT, FALSE },
    { 1052.5, AIMAK_NUMBER_RATE, TRUE },
    { -950, AIMAK_NUMBER_RATE, FALSE },              /* a negative sex ratio */
    { 1e308, AIMAK_NUMBER_RATE, FALSE },
    { 9999999999999.99, AIMAK_NUMBER_MONEY, TRUE },
    { 1e13, AIMAK_NUMBER_MONEY, FALSE },
    { -1, AIMAK_NUMBER_MONEY, FALSE },
    { -5, AIMAK_NUMBER_ANY, TRUE },
    { 1e13, AIMAK_NUMBER_ANY, FALSE },
    { 1e308, AIMAK_NUMBER_ANY, FALSE },
    { NAN, AIMAK_NUMBER_ANY, FALSE },
    { INFINITY, AIMAK_NUMBER_MONEY, FALSE },
    { -INFINITY, AIMAK_NUMBER_PERCENT, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = aimak_number_check (cases[i].value, cases[i].kind, "Value", &error);

      if (ok != cases[i].ok)
        g_error ("%.17g as kind %d gave %d", cases[i].value, cases[i].kind, ok);
      if (!ok)
        {
          g_assert_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE);
          g_assert_true (g_str_has_prefix (error->message, "Value "));
        }
    }

  /* The message names the range as the interface writes numbers. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (aimak_number_check (-3, AIMAK_NUMBER_COUNT, "Women at the hearing", &error));
    g_assert_cmpstr (error->message, ==,
                     "Women at the hearing must be a whole number from 0 to 1,000,000,000.");
  }

  g_assert_cmpint (aimak_number_kind_for_unit ("PERSONS"), ==, AIMAK_NUMBER_COUNT);
  g_assert_cmpint (aimak_number_kind_for_unit ("NUMBER"), ==, AIMAK_NUMBER_COUNT);
  g_assert_cmpint (aimak_number_kind_for_unit ("PT"), ==, AIMAK_NUMBER_PERCENT);
  g_assert_cmpint (aimak_number_kind_for_unit ("PER_1000_WOMEN"), ==, AIMAK_NUMBER_RATE);
  g_assert_cmpint (aimak_number_kind_for_unit ("KGS"), ==, AIMAK_NUMBER_MONEY);
  g_assert_cmpint (aimak_number_kind_for_unit (" % "), ==, AIMAK_NUMBER_PERCENT);
  g_assert_cmpint (aimak_number_kind_for_unit ("человек"), ==, AIMAK_NUMBER_COUNT);
  g_assert_cmpint (aimak_number_kind_for_unit ("Адам"), ==, AIMAK_NUMBER_COUNT);
  g_assert_cmpint (aimak_number_kind_for_unit ("hectares"), ==, AIMAK_NUMBER_ANY);
  g_assert_cmpint (aimak_number_kind_for_unit (NULL), ==, AIMAK_NUMBER_ANY);

  /* Parse and check in one go, as every field does. */
  {
    g_autoptr(GError) error = NULL;
    double v = -1;
    g_assert_false (aimak_number_parse_kind ("15.03.2026", 0, AIMAK_NUMBER_COUNT, "Count", &v,
                                             &error));
    g_assert_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_SYNTAX);
    g_clear_error (&error);
    g_assert_true (aimak_number_parse_kind ("3 675", 0, AIMAK_NUMBER_COUNT, "Count", &v, &error));
    g_assert_cmpfloat (v, ==, 3675);
  }
}

static void
test_format (void)
{
  struct { double value; int decimals; const char *lang; const char *expect; } cases[] = {
    { 3675, 0, "en", "3,675" },
    { 3675, 0, "ru", "3" NNBSP "675" },
    { 3675, 0, "ky", "3" NNBSP "675" },
    { 63900, 0, "ru", "63" NNBSP "900" },
    { 1234567.25, 2, "en", "1,234,567.25" },
    { 1234567.25, 2, "ru", "1" NNBSP "234" NNBSP "567,25" },
    { 30.26, 1, "en", "30.3" },
    { 69.2, 1, "ru", "69,2" },
    { -1500, 0, "en", "−1,500" },
    { -0.01, 0, "ru", "0" },
    { 999, 0, "en", "999" },
    { 0, 1, "en", "0.0" },
    { NAN, 1, "en", "" },
    { INFINITY, 0, "ru", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = aimak_number_format (cases[i].value, cases[i].decimals, cases[i].lang);
      g_assert_cmpstr (s, ==, cases[i].expect);
    }

  {
    g_autofree char *en = aimak_number_format_percent (30.3, 1, "en");
    g_autofree char *ru = aimak_number_format_percent (69.2, 1, "ru");
    g_autofree char *ky = aimak_number_format_percent (100, 0, "ky");
    g_autofree char *none = aimak_number_format_percent (NAN, 0, "ky");
    g_assert_cmpstr (en, ==, "30.3%");
    g_assert_cmpstr (ru, ==, "69,2" NBSP "%");
    g_assert_cmpstr (ky, ==, "100" NBSP "%");
    g_assert_cmpstr (none, ==, "");
  }

  /* The interface language decides when none is given. */
  {
    g_autofree char *en = NULL, *ru = NULL;
    g_setenv ("LANGUAGE", "ru", TRUE);
    ru = aimak_number_format (3675.5, 1, NULL);
    g_setenv ("LANGUAGE", "en", TRUE);
    en = aimak_number_format (3675.5, 1, NULL);
    g_assert_cmpstr (ru, ==, "3" NNBSP "675,5");
    g_assert_cmpstr (en, ==, "3,675.5");
  }

  /* The edit form reads back to the same value in every language. */
  {
    double values[] = { 12.5, 1.234, 1234.567, 0.125, -3.25, 150000, 1e14, 0.1, 1e-21,
                        -0.000012345, 123456789012.345,
                        /* Just under a power of ten: log10() rounds it up to -13 (fuzz-number). */
                        9.99999999999999e-14 };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      for (guint l = 0; l < 3; l++)
        {
          const char *lang = (const char *[]) { "en", "ru", "ky" }[l];
          g_autofree char *s = aimak_number_format_plain (values[i], lang);
          g_autoptr(GError) error = NULL;
          double back = NAN;

          if (!aimak_number_parse (s, 0, &back, &error))
            g_error ("%s form “%s” of %.17g does not read back: %s", lang, s, values[i],
                     error->message);
          g_assert_cmpfloat (back, ==, values[i]);
        }
    g_autofree char *ru = aimak_number_format_plain (12.5, "ru");
    g_autofree char *en = aimak_number_format_plain (12.5, "en");
    g_assert_cmpstr (ru, ==, "12,5");
    g_assert_cmpstr (en, ==, "12.5");
  }
}

static void
test_dates (void)
{
  struct { const char *text; const char *iso; } good[] = {
    { "15.03.2026", "2026-03-15" },
    { "1.3.2026", "2026-03-01" },
    { " 29.02.2024 ", "2024-02-29" },
    { "2026-03-15", "2026-03-15" },
    { "2024-02-29", "2024-02-29" },
    { "31.12.1999", "1999-12-31" },
  };
  struct { const char *text; int code; } bad[] = {
    { "", AIMAK_NUMBER_ERROR_EMPTY },
    { "29.02.2025", AIMAK_NUMBER_ERROR_DATE },
    { "31.06.2026", AIMAK_NUMBER_ERROR_DATE },
    { "2026-13-01", AIMAK_NUMBER_ERROR_DATE },
    { "2026-02-30", AIMAK_NUMBER_ERROR_DATE },
    { "00.01.2026", AIMAK_NUMBER_ERROR_DATE },
    { "15.03.26", AIMAK_NUMBER_ERROR_DATE },
    { "03/15/2026", AIMAK_NUMBER_ERROR_DATE },
    { "2026-3-15", AIMAK_NUMBER_ERROR_DATE },
    { "15.03.2026.", AIMAK_NUMBER_ERROR_DATE },
    { "15032026", AIMAK_NUMBER_ERROR_DATE },
    { "tomorrow", AIMAK_NUMBER_ERROR_DATE },
    { "2026-03-15T10:00", AIMAK_NUMBER_ERROR_DATE },
    { "115.03.2026", AIMAK_NUMBER_ERROR_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (!aimak_date_parse (good[i].text, &iso, &error))
        g_error ("“%s” was refused: %s", good[i].text, error->message);
      g_assert_cmpstr (iso, ==, good[i].iso);
      g_assert_true (aimak_date_is_iso (iso));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (aimak_date_parse (bad[i].text, &iso, &error))
        g_error ("“%s” was accepted as %s", bad[i].text, iso);
      g_assert_error (error, AIMAK_NUMBER_ERROR, bad[i].code);
      g_assert_null (iso);
    }
  /* Only the ISO form is the stored form. */
  g_assert_false (aimak_date_is_iso ("15.03.2026"));
  g_assert_false (aimak_date_is_iso ("2025-02-29"));
  g_assert_false (aimak_date_is_iso (NULL));

  {
    g_autofree char *ru = aimak_date_format ("2026-03-15", "ru");
    g_autofree char *ky = aimak_date_format ("2026-03-15", "ky");
    g_autofree char *en = aimak_date_format ("2026-03-15", "en");
    g_autofree char *odd = aimak_date_format ("someday", "ru");
    g_autofree char *none = aimak_date_format (NULL, "ru");
    g_assert_cmpstr (ru, ==, "15.03.2026");
    g_assert_cmpstr (ky, ==, "15.03.2026");
    g_assert_cmpstr (en, ==, "2026-03-15");
    g_assert_cmpstr (odd, ==, "someday");
    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_text (void)
{
  struct { const char *text; gssize len; gboolean multiline; gboolean ok; const char *says; } cases[] = {
    { "Clean water for Naryn", -1, FALSE, TRUE, NULL },
    { "Вода для Нарына — «чистая»", -1, FALSE, TRUE, NULL },
    { "line one\nline two\twith a tab", -1, TRUE, TRUE, NULL },
    { "line one\nline two", -1, FALSE, FALSE, "one line" },
    { "tab\there", -1, FALSE, FALSE, "U+0009" },
    { "Title\0 cut here", 15, FALSE, FALSE, "NUL character (code 0) at position 6" },
    { "Title\0 cut here", 15, TRUE, FALSE, "NUL character" },
    { "bell\a", -1, TRUE, FALSE, "(U+0007) at position 5" },
    { "escape\x1b[31m", -1, TRUE, FALSE, "U+001B" },
    { "del\x7f", -1, FALSE, FALSE, "U+007F" },
    { "c1\xc2\x85", -1, TRUE, FALSE, "U+0085" },
    { "bad\xff", -1, FALSE, FALSE, "not valid UTF-8" },
    { NULL, -1, FALSE, TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = aimak_text_check (cases[i].text, cases[i].len, cases[i].multiline, "Title",
                                      &error);

      if (ok != cases[i].ok)
        g_error ("text case %u gave %d", i, ok);
      if (!ok)
        {
          g_assert_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_TEXT);
          g_assert_true (g_str_has_prefix (error->message, "Title "));
          if (strstr (error->message, cases[i].says) == NULL)
            g_error ("text case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
        }
    }
}

/* ---- every way a value comes in uses these checks ---- */

static const char *
problem_of (GPtrArray  *problems,
            const char *field)
{
  /* Priorities, activities and values all report AimakProblem. */
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      if (g_str_equal (p->field, field))
        return p->message;
    }
  return NULL;
}

static void
assert_problem (GPtrArray  *problems,
                const char *field,
                const char *says)
{
  const char *message = problem_of (problems, field);

  if (message == NULL || strstr (message, says) == NULL)
    g_error ("field %s: expected “%s”, got “%s”", field, says, message ? message : "(none)");
}

static void
test_indicator_values (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  struct { const char *indicator; double value; gboolean ok; const char *says; } cases[] = {
    { "POP", 1e308, FALSE, "The value must be a whole number from 0 to 1,000,000,000." },
    { "POP", 1e-22, FALSE, "whole number" },
    { "POP", 12345678901234567890.0, FALSE, "whole number" },
    { "POP", 63900, TRUE, NULL },
    { "SEX_RATIO", -950, FALSE, "The value must be a rate from 0 to 1,000,000,000." },
    { "SEX_RATIO", 1052.5, TRUE, NULL },
    { "SI_POV_NAHC", 140, FALSE, "The value must be a percentage from 0 to 100." },
    { "SI_POV_NAHC", 32.5, TRUE, NULL },
    { "POP", INFINITY, FALSE, "Enter a number." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_new ();
      g_autoptr(GPtrArray) problems = NULL;

      g_free (v->area_code);
      v->area_code = g_strdup ("KG02210815000");
      g_free (v->indicator_code);
      v->indicator_code = g_strdup (cases[i].indicator);
      v->year = 2023;
      v->value = cases[i].value;
      g_free (v->source);
      v->source = g_strdup ("Test");
      problems = aimak_indicator_validate_value (db, v);
      if (cases[i].ok)
        g_assert_null (problem_of (problems, "value"));
      else
        assert_problem (problems, "value", cases[i].says);
    }

  /* Text: a control character in the source or the note is refused. */
  {
    g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_new ();
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;

    g_free (v->area_code);
    v->area_code = g_strdup ("KG02210815000");
    g_free (v->indicator_code);
    v->indicator_code = g_strdup ("POP");
    v->year = 2023;
    v->value = 5;
    g_free (v->source);
    v->source = g_strdup ("Census\x1b[2J");
    g_free (v->note);
    v->note = g_strdup ("first line\nsecond\x07");
    problems = aimak_indicator_validate_value (db, v);
    assert_problem (problems, "source", "The source contains an invisible control character "
                                        "(U+001B) at position 7");
    assert_problem (problems, "note", "(U+0007)");
    g_assert_false (aimak_indicator_value_save (db, v, NULL, &error));
    g_assert_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_INVALID);
  }
  g_clear_pointer (&db, aimak_db_unref);
  aimak_test_rmdir (dir);
}

static void
test_priorities_and_activities (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new ("KG02210815000");
  g_autoptr(AimakActivity) a = aimak_activity_new ("KG02210815000");
  g_autoptr(GPtrArray) problems = NULL;
  AimakPriorityIndicator *ind;

  g_free (p->title);
  p->title = g_strdup ("Clean\x01water");
  p->budget_kgs = 1e308;
  p->hearing_participants_f = 2000000000;
  p->hearing_participants_m = 40;
  ind = aimak_priority_indicator_new ("Girls enrolled", "%");
  ind->baseline_f = 250;
  g_ptr_array_add (p->indicators, ind);
  ind = aimak_priority_indicator_new ("Wells\x1b built", "number");
  ind->target_m = 1e-22;
  g_ptr_array_add (p->indicators, ind);
  problems = aimak_priority_validate (p);
  assert_problem (problems, "title", "contains an invisible control character (U+0001)");
  assert_problem (problems, "budget_kgs", "must be an amount of at least 0 and less than "
                                          "10,000,000,000,000.");
  assert_problem (problems, "hearing_participants_f", "must be a whole number from 0 to "
                                                      "1,000,000,000.");
  g_assert_null (problem_of (problems, "hearing_participants_m"));
  assert_problem (problems, "indicators", "Indicator “Girls enrolled” must be a percentage");
  {
    gboolean named_control = FALSE;
    for (guint i = 0; i < problems->len; i++)
      {
        AimakProblem *p2 = g_ptr_array_index (problems, i);
        named_control |= g_str_equal (p2->field, "indicators") &&
                         strstr (p2->message, "(U+001B)") != NULL;
      }
    g_assert_true (named_control);
  }
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The editor stores what it parsed; a date-like count never becomes 15,032,026. */
  {
    double v = 0;
    g_assert_false (aimak_number_parse_kind ("15.03.2026", 0, AIMAK_NUMBER_COUNT, "x", &v, NULL));
    g_assert_cmpfloat (v, ==, 0);
  }

  /* One date grammar: the stored form is ISO, and both validators agree. */
  g_assert_true (aimak_date_is_valid ("2024-02-29"));
  g_assert_false (aimak_date_is_valid ("2025-02-29"));
  g_assert_false (aimak_date_is_valid ("29.02.2024"));
  g_assert_true (aimak_activity_date_is_valid ("2024-02-29"));
  g_assert_false (aimak_activity_date_is_valid ("0000-01-01"));
  g_assert_false (aimak_date_is_valid ("0000-01-01"));

  g_free (a->topic);
  a->topic = g_strdup ("Budget\x7f hearing");
  aimak_activity_set_participants (a, "official", 2000000000, 3);
  problems = aimak_activity_validate (a);
  assert_problem (problems, "topic", "(U+007F)");
  assert_problem (problems, "participants", "must be a whole number from 0 to 1,000,000,000.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/parse-accepted", test_parse_accepted);
  g_test_add_func ("/number/parse-refused", test_parse_refused);
  g_test_add_func ("/number/ranges", test_ranges);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/dates", test_dates);
  g_test_add_func ("/number/text", test_text);
  g_test_add_func ("/number/indicator-values", test_indicator_values);
  g_test_add_func ("/number/priorities-and-activities", test_priorities_and_activities);
  return g_test_run ();
}
