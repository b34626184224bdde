/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-programme.c — the programme document of a rayon with its ayil aimaks and
 * 500 priorities (issue 14: ODT in under 2 s): building the model and writing the
 * ODT, wall-clock and CPU time, in Russian. A benchmark (meson test --benchmark
 * programme -v) that prints the figures next to the goal.
 *
 *   bench-programme [N_PRIORITIES] */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-programme.h"
#include "aimak-test-util.h"

#define GOAL_MS    2000.0
#define JETI_OGUZ  "KG02210000000"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1.0e6;
}

/* @n demo priorities (with their texts, indicators and checklists) moved into the
 * ayil aimaks of Jeti-Oguz, proposed or approved, within 2026–2028. */
static void
prepare (AimakDb *db,
         guint    n)
{
  g_autoptr(GError) error = NULL;

  aimak_demo_create (db, n * 2, 200, 14, &error);
  g_assert_no_error (error);
  aimak_db_exec (db, &error,
                 "WITH c(code, i) AS (SELECT code, row_number() OVER (ORDER BY code) - 1 FROM area "
                 "WHERE parent_code = ?1), "
                 "p(id, j) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM priority "
                 "WHERE deleted_at IS NULL LIMIT ?2) "
                 "UPDATE priority SET area_code = (SELECT code FROM c WHERE c.i = "
                 "(SELECT j FROM p WHERE p.id = priority.id) % (SELECT count(*) FROM c)), "
                 "status = CASE WHEN rowid % 2 = 0 THEN 'approved' ELSE 'proposed' END, "
                 "start_year = 2026, end_year = 2028 WHERE id IN (SELECT id FROM p)",
                 "ti", JETI_OGUZ, (int) n);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 500;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(AimakProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  AimakProgrammeOptions opts;
  double t0, c0, t_build, c_build, t_odt, c_odt;
  GStatBuf st;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR") ? g_getenv ("AIMAK_LOCALEDIR")
                                                                : LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);
  aimak_lang_gettext ("ru", "Women");   /* see test-programme.c */
  dir = aimak_test_tmpdir ();
  db = aimak_test_open_db (dir);
  prepare (db, n);
  path = g_build_filename (dir, "programme.odt", NULL);

  aimak_programme_options_init (&opts);
  opts.area_code = g_strdup (JETI_OGUZ);
  opts.include_below = TRUE;
  opts.year_from = 2026;
  opts.year_to = 2028;
  opts.lang = g_strdup ("ru");
  t0 = now_ms ();
  c0 = cpu_ms ();
  programme = aimak_programme_build (db, &opts, NULL, &error);
  g_assert_no_error (error);
  t_build = now_ms () - t0;
  c_build = cpu_ms () - c0;
  aimak_programme_options_clear (&opts);

  t0 = now_ms ();
  c0 = cpu_ms ();
  aimak_programme_write_odt (programme, path, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  t_odt = now_ms () - t0;
  c_odt = cpu_ms () - c0;
  g_stat (path, &st);

  printf ("programme of a rayon: %u priorities, %u monitoring rows, %u activities\n",
          programme->priorities->len, programme->monitoring->len, programme->activities->len);
  printf ("  build the model   %8.1f ms (CPU %8.1f ms)\n", t_build, c_build);
  printf ("  write the ODT     %8.1f ms (CPU %8.1f ms), %.1f kB\n", t_odt, c_odt,
          st.st_size / 1024.0);
  printf ("  total             %8.1f ms  goal < %.0f ms: %s\n", t_build + t_odt, GOAL_MS,
          t_build + t_odt < GOAL_MS ? "met" : "NOT MET");
  aimak_test_rmdir (dir);
  return 0;
}
