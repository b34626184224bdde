/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-number.c — the one grammar for numbers and dates, the plausible
 * ranges, and the one number formatter. See aimak-number.h. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-lang.h"
#include "aimak-number-private.h"

G_DEFINE_QUARK (aimak-number-error-quark, aimak_number_error)

/* ---- parsing numbers ---- */

/* Characters people put between groups of three digits. */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'' || c == 0x2019;
}

static gboolean
is_blank_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static char *
strip_blank (const char *text)
{
  const char *p = text;
  const char *e = text + strlen (text);

  while (*p && is_blank_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (e > p)
    {
      const char *prev = g_utf8_find_prev_char (p, e);
      if (prev == NULL || !is_blank_char (g_utf8_get_char (prev)))
        break;
      e = prev;
    }
  return g_strndup (p, e - p);
}

/* "15.03.2026", "1.3.26", "2026-03-15": a date typed into a number field. */
static gboolean
looks_like_date (const char *s)
{
  guint len[3] = { 0, 0, 0 };
  guint part = 0;

  for (; *s; s++)
    {
      if (g_ascii_isdigit (*s))
        len[part]++;
      else if ((*s == '.' || *s == '/' || *s == '-') && part < 2 && len[part] > 0)
        part++;
      else
        return FALSE;
    }
  if (part != 2)
    return FALSE;
  if (len[0] == 4)
    return len[1] <= 2 && len[2] <= 2 && len[2] > 0;
  return len[0] <= 2 && len[1] <= 2 && (len[2] == 2 || len[2] == 4);
}

static gboolean
syntax_error (const char  *text,
              GError     **error)
{
  if (looks_like_date (text))
    g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_SYNTAX,
                 _("“%s” looks like a date, not a number."), text);
  else
    g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_SYNTAX,
                 _("“%s” is not a number: write it like 1234.5, 1 234,5 or 1,234.5."), text);
  return FALSE;
}

/* The body of a number as runs of digits and the separator before each run. */
typedef struct
{
  char  sep;      /* '.', ',' or ' ' (any group space); 0 for the first run */
  guint len;
  gsize start;    /* where the run's digits start in the digit string */
} Run;

typedef struct
{
  GString *digits;       /* the digits alone, then the C-locale number */
  GArray  *runs;         /* Run */
  guint    n_point, n_comma, n_space;
  int      decimal_run;  /* index of the run after the decimal mark, or -1 */
  char     group_kind;   /* ' ' or ',' */
} Parse;

/* Splits @p into runs of digits; FALSE when a character is not a digit or a
 * separator, or a separator is not between two digits (first, last, doubled). */
static gboolean
split_runs (Parse      *ps,
            const char *p)
{
  Run run = { 0, 0, 0 };
  gboolean in_run = FALSE;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char sep;

      if (c >= '0' && c <= '9')
        {
          if (!in_run)
            {
              run.start = ps->digits->len;
              run.len = 0;
              in_run = TRUE;
            }
          g_string_append_c (ps->digits, (char) c);
          run.len++;
          continue;
        }
      if (c == '.')
        sep = '.', ps->n_point++;
      else if (c == ',')
        sep = ',', ps->n_comma++;
      else if (is_group_space (c))
        sep = ' ', ps->n_space++;
      else
        return FALSE;
      /* A separator must come between two digits: not first, not doubled. */
      if (!in_run)
        return FALSE;
      g_array_append_val (ps->runs, run);
      in_run = FALSE;
      run.sep = sep;
    }
  if (!in_run)
    return FALSE;
  g_array_append_val (ps->runs, run);
  return TRUE;
}

/* Which separator is the decimal mark, and which groups thousands. */
static gboolean
find_decimal_mark (Parse             *ps,
                   AimakNumberFlags   flags,
                   const char        *s,
                   GError           **error)
{
  GArray *runs = ps->runs;
  char last_sep = g_array_index (runs, Run, runs->len - 1).sep;

  if (ps->n_point > 1)
    return syntax_error (s, error);
  if (ps->n_point == 1)
    {
      if (last_sep != '.' || (ps->n_comma > 0 && ps->n_space > 0))
        return syntax_error (s, error);
      ps->decimal_run = runs->len - 1;
      ps->group_kind = ps->n_comma > 0 ? ',' : ' ';
    }
  else if (ps->n_comma == 1 && (ps->n_space > 0 || (flags & AIMAK_NUMBER_COMMA_IS_DECIMAL)))
    {
      if (last_sep != ',')
        return syntax_error (s, error);
      ps->decimal_run = runs->len - 1;
      ps->group_kind = ' ';
    }
  else if (ps->n_comma == 1)
    {
      Run *first = &g_array_index (runs, Run, 0);
      Run *last = &g_array_index (runs, Run, 1);

      if (runs->len == 2 && last->len == 3 && first->len <= 3 &&
          ps->digits->str[first->start] != '0')
        {
          g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_AMBIGUOUS,
                       _("“%s” could be read as a whole number or as a decimal: write "
                         "thousands with a space (1 234) and decimals with a point "
                         "(1.234)."), s);
          return FALSE;
        }
      ps->decimal_run = runs->len - 1;
      ps->group_kind = ' ';
    }
  else if (ps->n_comma > 1)
    {
      if (ps->n_space > 0)
        return syntax_error (s, error);
      ps->group_kind = ',';
    }
  else
    ps->group_kind = ' ';
  return TRUE;
}

/* Groups: one to three digits, then exactly three each. */
static gboolean
groups_valid (Parse *ps)
{
  guint n_int = ps->decimal_run >= 0 ? (guint) ps->decimal_run : ps->runs->len;

  for (guint i = 0; i < n_int; i++)
    {
      Run *r = &g_array_index (ps->runs, Run, i);

      if (i > 0 && (r->sep != ps->group_kind || r->len != 3))
        return FALSE;
      if (i == 0 && n_int > 1 && r->len > 3)
        return FALSE;
    }
  return TRUE;
}

/* Significant digits: leading zeros and the fraction's trailing zeros do not
 * count. Then the decimal point goes into the digit string. */
static gboolean
place_decimal_point (Parse       *ps,
                     const char  *s,
                     GError     **error)
{
  GString *digits = ps->digits;
  gsize int_len = digits->len;
  gsize first = 0, last = digits->len;
  guint significant;

  if (ps->decimal_run >= 0)
    int_len = g_array_index (ps->runs, Run, ps->decimal_run).start;
  while (first < digits->len && digits->str[first] == '0')
    first++;
  while (last > int_len && digits->str[last - 1] == '0')
    last--;
  significant = last > first ? (guint) (last - first) : 0;
  if (significant > AIMAK_NUMBER_MAX_DIGITS)
    {
      g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_PRECISION,
                   _("“%s” has more digits than can be kept exactly (at most %d "
                     "significant digits)."), s, AIMAK_NUMBER_MAX_DIGITS);
      return FALSE;
    }
  if (ps->decimal_run >= 0)
    g_string_insert_c (digits, int_len, '.');
  return TRUE;
}

gboolean
aimak_number_parse (const char        *text,
                    AimakNumberFlags   flags,
                    double            *out,
                    GError           **error)
{
  g_autofree char *s = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  Parse ps = { digits, runs, 0, 0, 0, -1, 0 };
  const char *p;
  gboolean negative = FALSE;
  char *end = NULL;
  double v;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return syntax_error ("?", error);
  s = strip_blank (text ? text : "");
  if (*s == '\0')
    {
      g_set_error_literal (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_EMPTY,
                           _("Enter a number."));
      return FALSE;
    }

  p = s;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  else if (g_str_has_prefix (p, "\xe2\x88\x92"))     /* U+2212 MINUS SIGN */
    {
      negative = TRUE;
      p += 3;
    }
  if (!split_runs (&ps, p))
    return syntax_error (s, error);
  if (!find_decimal_mark (&ps, flags, s, error))
    return FALSE;
  if (!groups_valid (&ps))
    return syntax_error (s, error);
  if (!place_decimal_point (&ps, s, error))
    return FALSE;
  if (negative)
    g_string_prepend_c (digits, '-');

  v = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return syntax_error (s, error);
  *out = v == 0 ? 0 : v;       /* no "-0" */
  return TRUE;
}

/* ---- ranges ---- */

AimakNumberKind
aimak_number_kind_for_unit (const char *unit)
{
  static const char * const count_words[] = {
    "persons", "person", "people", "number", "count", "человек", "чел", "чел.",
    "человека", "число", "количество", "адам", "киши", "саны", NULL
  };
  static const char * const money_words[] = {
    "som", "сом", "kgs", "usd", "$", "сомов", "сом.", NULL
  };
  g_autofree char *folded = NULL;

  if (unit == NULL || *unit == '\0')
    return AIMAK_NUMBER_ANY;
  if (g_str_equal (unit, "PERSONS") || g_str_equal (unit, "NUMBER"))
    return AIMAK_NUMBER_COUNT;
  if (g_str_equal (unit, "PT"))
    return AIMAK_NUMBER_PERCENT;
  if (g_str_has_prefix (unit, "PER_"))
    return AIMAK_NUMBER_RATE;
  if (g_str_equal (unit, "KGS") || g_str_equal (unit, "USD"))
    return AIMAK_NUMBER_MONEY;
  /* Free text, as typed for a priority's indicator. */
  {
    g_autofree char *stripped = g_strstrip (g_strdup (unit));
    folded = g_utf8_casefold (stripped, -1);
  }
  if (g_str_equal (folded, "%") || g_str_equal (folded, "percent") ||
      g_str_equal (folded, "процент") || g_str_equal (folded, "пайыз"))
    return AIMAK_NUMBER_PERCENT;
  if (g_strv_contains (count_words, folded))
    return AIMAK_NUMBER_COUNT;
  if (g_strv_contains (money_words, folded))
    return AIMAK_NUMBER_MONEY;
  return AIMAK_NUMBER_ANY;
}

gboolean
aimak_number_check (double            value,
                    AimakNumberKind   kind,
                    const char       *field,
                    GError          **error)
{
  g_autofree char *limit = NULL;
  gboolean ok;

  if (!isfinite (value))
    {
      g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                   _("%s must be a finite number."), field);
      return FALSE;
    }
  switch (kind)
    {
    case AIMAK_NUMBER_COUNT:
      ok = value >= 0 && value <= AIMAK_NUMBER_MAX_COUNT && value == floor (value);
      if (!ok)
        {
          limit = aimak_number_format (AIMAK_NUMBER_MAX_COUNT, 0, NULL);
          g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                       _("%s must be a whole number from 0 to %s."), field, limit);
        }
      return ok;
    case AIMAK_NUMBER_PERCENT:
      ok = value >= 0 && value <= 100;
      if (!ok)
        g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                     _("%s must be a percentage from 0 to 100."), field);
      return ok;
    case AIMAK_NUMBER_RATE:
      ok = value >= 0 && value <= AIMAK_NUMBER_MAX_COUNT;
      if (!ok)
        {
          limit = aimak_number_format (AIMAK_NUMBER_MAX_COUNT, 0, NULL);
          g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                       _("%s must be a rate from 0 to %s."), field, limit);
        }
      return ok;
    case AIMAK_NUMBER_MONEY:
      ok = value >= 0 && value < AIMAK_NUMBER_MAX_MONEY;
      if (!ok)
        {
          limit = aimak_number_format (AIMAK_NUMBER_MAX_MONEY, 0, NULL);
          g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                       _("%s must be an amount of at least 0 and less than %s."), field,
                       limit);
        }
      return ok;
    case AIMAK_NUMBER_ANY:
    default:
      ok = fabs (value) < AIMAK_NUMBER_MAX_MONEY;
      if (!ok)
        {
          limit = aimak_number_format (AIMAK_NUMBER_MAX_MONEY, 0, NULL);
          g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_RANGE,
                       _("%s must be more than −%s and less than %s."), field, limit,
                       limit);
        }
      return ok;
    }
}

gboolean
aimak_number_parse_kind (const char        *text,
                         AimakNumberFlags   flags,
                         AimakNumberKind    kind,
                         const char        *field,
                         double            *out,
                         GError           **error)
{
  double v;

  if (!aimak_number_parse (text, flags, &v, error) ||
      !aimak_number_check (v, kind, field, error))
    return FALSE;
  *out = v;
  return TRUE;
}

/* ---- formatting ---- */

static gboolean
lang_is_cyrillic (const char *lang)
{
  const char *l = aimak_lang_normalize (lang ? lang : aimak_lang_current ());
  return g_str_equal (l, "ru") || g_str_equal (l, "ky");
}

char *
aimak_number_format (double      value,
                     int         decimals,
                     const char *lang)
{
  gboolean cyr = lang_is_cyrillic (lang);
  const char *sep = cyr ? "\u202f" : ",";
  const char *point = cyr ? "," : ".";
  g_autofree char *digits = NULL;
  GString *out;
  gsize n_int;
  gboolean zero = TRUE;

  if (!isfinite (value))
    return g_strdup ("");
  digits = g_strdup_printf ("%.*f", CLAMP (decimals, 0, 6), fabs (value));
  /* printf follows LC_NUMERIC; make the point known. */
  for (char *c = digits; *c; c++)
    if (*c == ',')
      *c = '.';
    else if (g_ascii_isdigit (*c) && *c != '0')
      zero = FALSE;
  out = g_string_new (value < 0 && !zero ? "−" : NULL);
  n_int = strcspn (digits, ".");
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  if (digits[n_int] == '.')
    {
      g_string_append (out, point);
      g_string_append (out, digits + n_int + 1);
    }
  return g_string_free (out, FALSE);
}

char *
aimak_number_format_percent (double      value,
                             int         decimals,
                             const char *lang)
{
  g_autofree char *number = aimak_number_format (value, decimals, lang);

  if (*number == '\0')
    return g_steal_pointer (&number);
  return g_strconcat (number, lang_is_cyrillic (lang) ? "\u00a0%" : "%", NULL);
}

char *
aimak_number_format_plain (double      value,
                           const char *lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;
  char *text;

  if (!isfinite (value))
    return g_strdup ("");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0.0 : value);
  text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
  if (strchr (text, 'e'))
    {
      /* No exponents: the grammar refuses them. Fifteen significant digits
       * in fixed notation, trailing zeros dropped. The exponent is the one
       * %.15g wrote: log10() rounds a value just under a power of ten up to
       * it (9.99999999999999e-14 to -13), and one decimal less rounds the
       * value to 1e-13. */
      int exponent = atoi (strchr (text, 'e') + 1);
      int decimals = CLAMP (14 - exponent, 0, 340);
      char *fixed = g_strdup_printf ("%.*f", decimals, value);
      char *end;

      for (char *c = fixed; *c; c++)
        if (*c == ',')
          *c = '.';
      end = fixed + strlen (fixed);
      if (strchr (fixed, '.'))
        {
          while (end > fixed && end[-1] == '0')
            *--end = '\0';
          if (end > fixed && end[-1] == '.')
            *--end = '\0';
        }
      g_free (text);
      text = fixed;
    }
  point = strchr (text, '.');
  /* A comma with exactly three digits after one to three would read as
   * thousands; such a number keeps its point. */
  if (point && lang_is_cyrillic (lang) && strchr (text, 'e') == NULL)
    {
      gsize int_len = point - text - (text[0] == '-' ? 1 : 0);
      gboolean ambiguous = strlen (point + 1) == 3 && int_len <= 3 &&
                           text[text[0] == '-' ? 1 : 0] != '0';
      if (!ambiguous)
        *point = ',';
    }
  return text;
}

/* ---- dates ---- */

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return n > 0;
}

static gboolean
split_date (const char *s,
            int        *y,
            int        *m,
            int        *d)
{
  gsize n = strlen (s);

  /* yyyy-mm-dd */
  if (n == 10 && s[4] == '-' && s[7] == '-' && all_digits (s, 4) && all_digits (s + 5, 2) &&
      all_digits (s + 8, 2))
    {
      *y = atoi (s);
      *m = atoi (s + 5);
      *d = atoi (s + 8);
      return TRUE;
    }
  /* d.m.yyyy, dd.mm.yyyy */
  {
    const char *dot1 = strchr (s, '.');
    const char *dot2 = dot1 ? strchr (dot1 + 1, '.') : NULL;

    if (dot1 == NULL || dot2 == NULL || strchr (dot2 + 1, '.'))
      return FALSE;
    if (!all_digits (s, dot1 - s) || dot1 - s > 2 ||
        !all_digits (dot1 + 1, dot2 - dot1 - 1) || dot2 - dot1 - 1 > 2 ||
        strlen (dot2 + 1) != 4 || !all_digits (dot2 + 1, 4))
      return FALSE;
    *d = atoi (s);
    *m = atoi (dot1 + 1);
    *y = atoi (dot2 + 1);
    return TRUE;
  }
}

static gboolean
real_date (int y,
           int m,
           int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
aimak_date_parse (const char  *text,
                  char       **iso,
                  GError     **error)
{
  g_autofree char *s = NULL;
  int y, m, d;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = "?";
  s = strip_blank (text ? text : "");
  if (*s == '\0')
    {
      g_set_error_literal (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_EMPTY,
                           _("Enter a date."));
      return FALSE;
    }
  if (!split_date (s, &y, &m, &d))
    {
      g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_DATE,
                   _("“%s” is not a date: write it as 31.12.2026 or 2026-12-31."), s);
      return FALSE;
    }
  if (!real_date (y, m, d))
    {
      g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_DATE,
                   _("“%s” is not a date of the calendar (check the day and the month)."), s);
      return FALSE;
    }
  if (iso)
    *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}

gboolean
aimak_date_is_iso (const char *iso)
{
  int y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-')
    return FALSE;
  return split_date (iso, &y, &m, &d) && real_date (y, m, d);
}

char *
aimak_date_format (const char *iso,
                   const char *lang)
{
  if (iso == NULL)
    return g_strdup ("");
  if (!aimak_date_is_iso (iso) || !lang_is_cyrillic (lang))
    return g_strdup (iso);
  return g_strdup_printf ("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* ---- text ---- */

gboolean
aimak_text_check (const char  *text,
                  gssize       length,
                  gboolean     multiline,
                  const char  *field,
                  GError     **error)
{
  const char *end;
  const char *p;
  guint position = 1;

  if (text == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, &end))
    {
      /* A NUL byte also stops validation: name it as what it is. */
      if (end < text + length && *end == '\0')
        g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_TEXT,
                     _("%s contains a NUL character (code 0) at position %u; remove it."),
                     field, (guint) g_utf8_strlen (text, end - text) + 1);
      else
        g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_TEXT,
                     _("%s is not valid UTF-8 text."), field);
      return FALSE;
    }
  for (p = text; p < text + length; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r')
        {
          if (multiline)
            continue;
        }
      else if (c >= 0x20 && (c < 0x7F || c > 0x9F))
        continue;
      if (c == '\n' || c == '\r')
        g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_TEXT,
                     _("%s must be on one line: remove the line break at position %u."),
                     field, position);
      else
        g_set_error (error, AIMAK_NUMBER_ERROR, AIMAK_NUMBER_ERROR_TEXT,
                     _("%s contains an invisible control character (U+%04X) at position "
                       "%u; remove it."), field, c, position);
      return FALSE;
    }
  return TRUE;
}
