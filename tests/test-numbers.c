/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-numbers.c — the app's number and date helpers (src/app/aimak-numbers.c)
 * keep their names but follow core's one grammar and one formatter: what the
 * priority and activity editors store is what the value dialog and the CSV
 * import would read, and numbers are shown as the interface language writes them. */
#include "config.h"

#include <math.h>

#include "aimak-numbers.h"

#define NNBSP "\xe2\x80\xaf"

static void
test_parse (void)
{
  double v = 0;
  int n = 0;

  /* "15.03.2026" typed into a count was stored as 15,032,026. */
  g_assert_false (aimak_numbers_parse_count ("15.03.2026", -1, &n));
  g_assert_cmpint (n, ==, -1);
  /* The editor accepted "1.234,5" where the value dialog refused it. */
  g_assert_false (aimak_numbers_parse_number ("1.234,5", &v));
  g_assert_false (aimak_numbers_parse_number ("1,234", &v));
  g_assert_false (aimak_numbers_parse_number ("12345678901234567890", &v));
  g_assert_false (aimak_numbers_parse_number ("1e308", &v));
  g_assert_true (aimak_numbers_parse_number ("1 234,5", &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_true (aimak_numbers_parse_number ("1,234.5", &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_true (aimak_numbers_parse_number ("  ", &v));
  g_assert_true (isnan (v));
  g_assert_true (aimak_numbers_parse_count ("3 675", -1, &n));
  g_assert_cmpint (n, ==, 3675);
  /* Counts are whole and at most 10^9. */
  g_assert_false (aimak_numbers_parse_count ("2000000000", -1, &n));
  g_assert_false (aimak_numbers_parse_count ("2,5", -1, &n));
}

static void
test_format (void)
{
  g_setenv ("LANGUAGE", "ru", TRUE);
  {
    g_autofree char *pop = aimak_numbers_format_grouped (63900, 0);
    g_autofree char *budget = aimak_numbers_format_budget (1250000.5);
    g_autofree char *share = aimak_numbers_format_percent (69.23, 1);
    g_autofree char *edit = aimak_numbers_format_number (12.5);
    g_autofree char *date = aimak_numbers_format_date ("2026-03-15");
    g_assert_cmpstr (pop, ==, "63" NNBSP "900");
    g_assert_cmpstr (budget, ==, "1" NNBSP "250" NNBSP "000,50");
    g_assert_cmpstr (share, ==, "69,2\xc2\xa0%");
    g_assert_cmpstr (edit, ==, "12,5");
    g_assert_cmpstr (date, ==, "15.03.2026");
  }
  g_setenv ("LANGUAGE", "en", TRUE);
  {
    g_autofree char *pop = aimak_numbers_format_grouped (63900, 0);
    g_autofree char *share = aimak_numbers_format_percent (30.26, 1);
    g_autofree char *date = aimak_numbers_format_date ("2026-03-15");
    g_assert_cmpstr (pop, ==, "63,900");
    g_assert_cmpstr (share, ==, "30.3%");
    g_assert_cmpstr (date, ==, "2026-03-15");
  }
}

static void
test_dates (void)
{
  g_autofree char *a = aimak_numbers_parse_date (" 15.03.2026 ");
  g_autofree char *b = aimak_numbers_parse_date ("2026-03-15");
  g_autofree char *c = aimak_numbers_parse_date (" 31.02.2026 ");

  g_assert_cmpstr (a, ==, "2026-03-15");
  g_assert_cmpstr (b, ==, "2026-03-15");
  g_assert_cmpstr (c, ==, "31.02.2026");     /* kept, so validation names it */
  g_assert_true (aimak_numbers_date_matches ("15.03.2026", "2026-03-15"));
  g_assert_true (aimak_numbers_date_matches ("", NULL));
  g_assert_false (aimak_numbers_date_matches ("16.03.2026", "2026-03-15"));
}

/* A change's time in the local zone (the zone is kept between calls). */
static void
test_timestamp (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 2, 23, 30, 0);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d %H:%M");

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *a = aimak_numbers_format_timestamp ("2026-12-02T23:30:00Z");
      g_autofree char *b = aimak_numbers_format_timestamp ("2026-12-02T23:30:00");

      g_assert_cmpstr (a, ==, expected);
      g_assert_cmpstr (b, ==, expected);  /* no zone: UTC */
    }
  {
    g_autofree char *empty = aimak_numbers_format_timestamp ("");
    g_autofree char *bad = aimak_numbers_format_timestamp ("yesterday");

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (bad, ==, "yesterday");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbers/parse", test_parse);
  g_test_add_func ("/numbers/format", test_format);
  g_test_add_func ("/numbers/dates", test_dates);
  g_test_add_func ("/numbers/timestamp", test_timestamp);
  return g_test_run ();
}
