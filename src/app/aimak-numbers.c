/* aimak-numbers.c — number and time formatting for the app. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "aimak-numbers.h"

/* Digits grouped by threes with the locale's separator; where the locale has
 * none (C, POSIX) a narrow no-break space, the SI way that reads the same in
 * English, Russian and Kyrgyz. */
char *
aimak_numbers_format_grouped (double value,
                              int    decimals)
{
  struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep && *lc->thousands_sep ? lc->thousands_sep : "\u202f";
  const char *point = lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  g_autofree char *digits = NULL;
  GString *out;
  const char *p;
  gsize n_int;

  if (isnan (value) || isinf (value))
    return g_strdup ("");
  /* "C" formatting, so that the digits and the point are known. */
  digits = g_strdup_printf ("%.*f", CLAMP (decimals, 0, 6), fabs (value));
  for (char *c = digits; *c; c++)
    if (*c == ',')
      *c = '.';
  out = g_string_new (value < 0 && g_strcmp0 (digits, "0") != 0 ? "−" : NULL);
  p = digits;
  n_int = strcspn (digits, ".");
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, p[i]);
    }
  if (p[n_int] == '.')
    {
      g_string_append (out, point);
      g_string_append (out, p + n_int + 1);
    }
  return g_string_free (out, FALSE);
}

char *
aimak_numbers_format_budget (double value)
{
  gboolean whole = value == floor (value) || fabs (value) >= 1e15;

  return aimak_numbers_format_grouped (value, whole ? 0 : 2);
}

char *
aimak_numbers_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

gboolean
aimak_numbers_parse_number (const char *text,
                    double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *p;
  const char *last_sep = NULL;
  int n_sep = 0;
  char *end = NULL;
  double v;

  *value = NAN;
  if (text == NULL)
    return TRUE;
  /* Drop every kind of space people use to group digits. */
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'')
        continue;
      if (c == ',' || c == '.')
        {
          n_sep++;
          last_sep = p;
        }
      g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    return TRUE;

  /* "1,250,000" and "1.250.000" group thousands; with two kinds of separator
   * ("1,250,000.5", "1.250.000,5") the last one is the decimal mark; a single
   * separator is a decimal mark ("1250000,5"). */
  if (n_sep > 0)
    {
      char dec = *last_sep;
      gboolean mixed = FALSE;
      g_autoptr(GString) num = g_string_new (NULL);
      int seen = 0;

      for (gsize i = 0; i < clean->len; i++)
        if ((clean->str[i] == ',' || clean->str[i] == '.') && clean->str[i] != dec)
          mixed = TRUE;
      for (gsize i = 0; i < clean->len; i++)
        {
          char c = clean->str[i];

          if (c != ',' && c != '.')
            {
              g_string_append_c (num, c);
              continue;
            }
          seen++;
          if (n_sep > 1 && !mixed)
            continue;                       /* all grouping */
          if (seen < n_sep)
            {
              if (c == dec)
                return FALSE;               /* "1.2,3.4" */
              continue;
            }
          g_string_append_c (num, '.');
        }
      g_string_assign (clean, num->str);
    }

  v = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
aimak_numbers_parse_count (const char *text,
                   int         empty,
                   int        *value)
{
  double v;

  *value = empty;
  if (!aimak_numbers_parse_number (text, &v))
    return FALSE;
  if (isnan (v))
    return TRUE;
  if (v < 0 || v != floor (v) || v > G_MAXINT)
    return FALSE;
  *value = (int) v;
  return TRUE;
}

char *
aimak_numbers_format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
      utc = g_date_time_new_from_iso8601 (iso, tz);
    }
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  /* Translators: date and time of a change, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
