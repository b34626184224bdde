/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c — the export benchmark of DESIGN.md "Performance": a demo database with
 * 100,000 priorities and 1,000 activities, exported with `aimak-cli export --all`, against
 * the floor: floor-xlsx writing the same number of cells (same mix of strings and
 * numbers, same average string length, same constant_memory setting) straight with
 * libxlsxwriter. Both run as child processes in this one run, alternately, several
 * times, and the medians are compared. Each child's CPU time (user + system) and peak
 * memory come from wait4()'s rusage; the ratio is taken on CPU time, because wall time
 * on a shared machine measures the neighbours too (both are printed).
 * Goals: Aimak within 1.5× of the floor, peak memory under 200 MB.
 *
 * The demo database and a first export (which counts the cells) are made by a child
 * of this program (`bench-export --prepare`): Linux carries a process's peak memory
 * across exec, so a big parent would make every measured child look as big.
 *
 * Usage: bench-export AIMAK-CLI FLOOR-XLSX [N_PRIORITIES [N_ACTIVITIES [RUNS]]]
 * Exit status 1 when a goal is missed, so that a regression is not just a number.
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "aimak-test-util.h"

extern char **environ;

#define GOAL_RATIO   1.5
#define GOAL_PEAK_KB (200 * 1024)

typedef struct
{
  double seconds;
  double cpu;
  long   peak_kb;
} Run;

static Run
run_child (const char * const *argv)
{
  Run run = { 0 };
  struct rusage usage = { 0 };
  gint64 start = g_get_monotonic_time ();
  pid_t pid;
  int status = 0;
  posix_spawn_file_actions_t actions;

  /* The children's stdout (the path) is not part of the measurement. */
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 1, "/dev/null", O_WRONLY, 0);
  if (posix_spawn (&pid, argv[0], &actions, NULL, (char **) argv, environ) != 0)
    g_error ("could not start %s", argv[0]);
  posix_spawn_file_actions_destroy (&actions);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4 failed for %s", argv[0]);
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
            usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run.peak_kb = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed with status %d", argv[0], status);
  return run;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* In the child: the demo database, then one export in-process that counts the cells.
 * Writes "key value" lines to @stats_path. */
static int
prepare (const char *dir,
         guint       n_priorities,
         guint       n_activities,
         const char *stats_path)
{
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autofree char *out = g_build_filename (dir, "Aimak-all.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AimakExportOptions opts = { 0 };
  AimakExportStats stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  double demo_s;

  if (!aimak_demo_create (db, n_priorities, n_activities, 1, &error))
    g_error ("demo data: %s", error->message);
  demo_s = (g_get_monotonic_time () - start) / 1e6;
  opts.scope.kind = AIMAK_SCOPE_ALL;
  opts.lang = (char *) "en";
  opts.suppress_small = TRUE;
  opts.threshold = AIMAK_EXPORT_DEFAULT_THRESHOLD;
  start = g_get_monotonic_time ();
  if (!aimak_export_workbook_full (db, &opts, out, NULL, NULL, NULL, &stats, &error))
    g_error ("export: %s", error->message);
  g_string_append_printf (text, "demo_s %f\ninproc_s %f\n", demo_s,
                          (g_get_monotonic_time () - start) / 1e6);
  g_string_append_printf (text, "strings %" G_GUINT64_FORMAT "\nnumbers %" G_GUINT64_FORMAT
                          "\nformulas %" G_GUINT64_FORMAT "\nstring_bytes %" G_GUINT64_FORMAT
                          "\npriorities %u\nconstant_memory %d\n", stats.n_strings,
                          stats.n_numbers, stats.n_formulas, stats.string_bytes,
                          stats.n_priorities, stats.constant_memory);
  if (!g_file_set_contents (stats_path, text->str, -1, &error))
    g_error ("%s", error->message);
  return 0;
}

static double
stat_value (const char *text,
            const char *key)
{
  g_autofree char *needle = g_strdup_printf ("%s ", key);
  const char *at = strstr (text, needle);

  if (at == NULL)
    g_error ("no %s in the statistics", key);
  return g_ascii_strtod (at + strlen (needle), NULL);
}

int
main (int argc, char **argv)
{
  const char *cli, *floor_program;
  guint n_priorities = 100000, n_activities = 1000, runs = 3;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *floor_out = NULL;
  g_autofree char *stats_path = NULL;
  g_autofree char *stats_text = NULL;
  g_autofree char *arg_p = NULL;
  g_autofree char *arg_a = NULL;
  g_autofree double *aimak_s = NULL;
  g_autofree double *floor_s = NULL;
  g_autofree double *aimak_cpu = NULL;
  g_autofree double *floor_cpu = NULL;
  long aimak_peak = 0, floor_peak = 0;
  double demo_s, inproc_s, ratio, wall_ratio;
  guint64 cells, rows, string_cols, number_cols, string_len, n_strings, n_numbers, n_formulas;
  gboolean constant_memory;
  char rows_arg[32], scol_arg[32], ncol_arg[32], len_arg[32], cm_arg[4];
  gboolean ok;

  if (argc == 6 && g_strcmp0 (argv[1], "--prepare") == 0)
    return prepare (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
                    (guint) g_ascii_strtoull (argv[4], NULL, 10), argv[5]);
  if (argc < 3)
    {
      g_printerr ("usage: %s AIMAK-CLI FLOOR-XLSX [N_PRIORITIES [N_ACTIVITIES [RUNS]]]\n",
                  argv[0]);
      return 2;
    }
  cli = argv[1];
  floor_program = argv[2];
  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ||
      !g_file_test (floor_program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("%s: %s or %s is not a program\n", argv[0], cli, floor_program);
      return 2;
    }
  if (argc > 3)
    n_priorities = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  if (argc > 4)
    n_activities = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  if (argc > 5)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[5], NULL, 10));

  dir = aimak_test_tmpdir ();
  db_path = g_build_filename (dir, "aimak.db", NULL);
  out = g_build_filename (dir, "Aimak-all.xlsx", NULL);
  floor_out = g_build_filename (dir, "floor.xlsx", NULL);

  /* The demo database and the cell counts, from a child (see the top of the file). */
  stats_path = g_build_filename (dir, "stats.txt", NULL);
  arg_p = g_strdup_printf ("%u", n_priorities);
  arg_a = g_strdup_printf ("%u", n_activities);
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    const char *prepare_argv[] = { self ? self : argv[0], "--prepare", dir, arg_p, arg_a,
                                   stats_path, NULL };
    run_child (prepare_argv);
  }
  if (!g_file_get_contents (stats_path, &stats_text, NULL, NULL))
    g_error ("the preparation wrote no statistics");
  demo_s = stat_value (stats_text, "demo_s");
  inproc_s = stat_value (stats_text, "inproc_s");
  n_strings = (guint64) stat_value (stats_text, "strings");
  n_numbers = (guint64) stat_value (stats_text, "numbers");
  n_formulas = (guint64) stat_value (stats_text, "formulas");
  constant_memory = stat_value (stats_text, "constant_memory") != 0;

  cells = n_strings + n_numbers + n_formulas;
  rows = MAX ((guint64) stat_value (stats_text, "priorities"), 1);
  string_cols = (n_strings + rows / 2) / rows;
  number_cols = (n_numbers + n_formulas + rows / 2) / rows;
  string_len = n_strings ? (guint64) stat_value (stats_text, "string_bytes") / n_strings : 12;
  g_snprintf (rows_arg, sizeof rows_arg, "%" G_GUINT64_FORMAT, rows);
  g_snprintf (scol_arg, sizeof scol_arg, "%" G_GUINT64_FORMAT, string_cols);
  g_snprintf (ncol_arg, sizeof ncol_arg, "%" G_GUINT64_FORMAT, number_cols);
  g_snprintf (len_arg, sizeof len_arg, "%" G_GUINT64_FORMAT, string_len);
  g_snprintf (cm_arg, sizeof cm_arg, "%d", constant_memory ? 1 : 0);

  aimak_s = g_new0 (double, runs);
  floor_s = g_new0 (double, runs);
  aimak_cpu = g_new0 (double, runs);
  floor_cpu = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      const char *aimak_argv[] = { cli, "export", "--database", db_path, "--all", "--lang", "en",
                                   "--suppress-small", "5", "--force", "-o", out, NULL };
      const char *floor_argv[] = { floor_program, floor_out, rows_arg, scol_arg, ncol_arg,
                                   len_arg, cm_arg, NULL };
      Run a, f;

      /* Alternating, so that a busy machine slows both alike. */
      a = run_child (aimak_argv);
      f = run_child (floor_argv);
      aimak_s[i] = a.seconds;
      floor_s[i] = f.seconds;
      aimak_cpu[i] = a.cpu;
      floor_cpu[i] = f.cpu;
      aimak_peak = MAX (aimak_peak, a.peak_kb);
      floor_peak = MAX (floor_peak, f.peak_kb);
      g_print ("run %u: aimak %.2f s wall, %.2f s CPU, %ld MB   "
               "floor %.2f s wall, %.2f s CPU, %ld MB\n", i + 1, a.seconds, a.cpu,
               a.peak_kb / 1024, f.seconds, f.cpu, f.peak_kb / 1024);
    }

  wall_ratio = median (aimak_s, runs) / median (floor_s, runs);
  ratio = median (aimak_cpu, runs) / median (floor_cpu, runs);
  ok = ratio <= GOAL_RATIO && aimak_peak < GOAL_PEAK_KB;
  g_print ("\n");
  g_print ("demo database:          %u priorities, %u activities, made in %.1f s\n",
           n_priorities, n_activities, demo_s);
  g_print ("workbook:               %" G_GUINT64_FORMAT " cells (%" G_GUINT64_FORMAT
           " strings, %" G_GUINT64_FORMAT " numbers and dates, %" G_GUINT64_FORMAT
           " formulas), %s mode\n", cells, n_strings, n_numbers, n_formulas,
           constant_memory ? "constant_memory" : "normal");
  g_print ("floor:                  %" G_GUINT64_FORMAT " rows x (%" G_GUINT64_FORMAT
           " strings of %" G_GUINT64_FORMAT " bytes + %" G_GUINT64_FORMAT " numbers)\n",
           rows, string_cols, string_len, number_cols);
  g_print ("export in-process:      %.2f s wall (first run, cold cache)\n", inproc_s);
  g_print ("aimak-cli export:       %.2f s CPU, %.2f s wall (medians of %u)\n",
           median (aimak_cpu, runs), median (aimak_s, runs), runs);
  g_print ("floor-xlsx:             %.2f s CPU, %.2f s wall (medians of %u)\n",
           median (floor_cpu, runs), median (floor_s, runs), runs);
  g_print ("ratio (CPU time):       %.2fx (goal <= %.1fx)\n", ratio, GOAL_RATIO);
  g_print ("ratio (wall time):      %.2fx\n", wall_ratio);
  g_print ("peak memory, aimak-cli: %.1f MB (goal < %d MB)\n", aimak_peak / 1024.0,
           GOAL_PEAK_KB / 1024);
  g_print ("peak memory, floor:     %.1f MB\n", floor_peak / 1024.0);
  g_print ("%s\n", ok ? "goals met" : "GOALS MISSED");

  aimak_test_rmdir (dir);
  return ok ? 0 : 1;
}
