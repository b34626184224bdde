/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-numbers.c — number and time formatting for the app. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aimak-number.h"
#include "aimak-numbers.h"

/* Every number goes through core's one formatter and one grammar
 * (aimak-number.h), so the app, the workbook and the CLI agree. */
char *
aimak_numbers_format_grouped (double value,
                              int    decimals)
{
  return aimak_number_format (value, decimals, NULL);
}

char *
aimak_numbers_format_percent (double value,
                              int    decimals)
{
  return aimak_number_format_percent (value, decimals, NULL);
}

char *
aimak_numbers_format_budget (double value)
{
  gboolean whole = value == floor (value) || fabs (value) >= 1e15;

  return aimak_number_format (value, whole ? 0 : 2, NULL);
}

char *
aimak_numbers_format_number (double value)
{
  return aimak_number_format_plain (value, NULL);
}

gboolean
aimak_numbers_parse_number (const char *text,
                            double     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  double v;

  *value = NAN;
  if (*stripped == '\0')
    return TRUE;
  if (!aimak_number_parse (stripped, AIMAK_NUMBER_FLAGS_NONE, &v, NULL))
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
  if (!aimak_number_check (v, AIMAK_NUMBER_COUNT, "", NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

char *
aimak_numbers_parse_date (const char *text)
{
  char *iso = NULL;

  if (aimak_date_parse (text, &iso, NULL))
    return iso;
  return g_strstrip (g_strdup (text ? text : ""));
}

char *
aimak_numbers_format_date (const char *iso)
{
  return aimak_date_format (iso, NULL);
}

gboolean
aimak_numbers_date_matches (const char *typed,
                            const char *iso)
{
  g_autofree char *stored = aimak_numbers_parse_date (typed);

  return g_strcmp0 (stored, iso ? iso : "") == 0;
}

/* The local time zone, made once: g_date_time_to_local() makes a GTimeZone
 * from /etc/localtime on every call when TZ is unset (GLib 2.74 keeps it only
 * while TZ is the same string), and the Priorities list formats a timestamp
 * for every Updated cell it binds. */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());
  return zone;
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
  local = g_date_time_to_timezone (utc, local_zone ());
  /* Translators: date and time of a change, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
