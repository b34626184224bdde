/* bench-export.c — the export benchmark of DESIGN.md "Performance": a demo database with
 * 100,000 priorities and 1,000 activities, exported with `aimak-cli export --all`, against
 * the floor: floor-xlsx writing the same number of cells (same mix of strings and
 * numbers, same average string length, same constant_memory setting) straight with
 * libxlsxwriter. Both run as child processes in this one run, alternately, several
 * times; the medians are compared, and the peak memory of each child is read from
 * wait4()'s rusage. Goals: Aimak within 1.5× of the floor, peak memory under 200 MB.
 *
 * Usage: bench-export AIMAK-CLI FLOOR-XLSX [N_PRIORITIES [N_ACTIVITIES [RUNS]]]
 * Exit status 1 when a goal is missed, so that a regression is not just a number.
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
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

int
main (int argc, char **argv)
{
  const char *cli, *floor_program;
  guint n_priorities = 100000, n_activities = 1000, runs = 3;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *floor_out = NULL;
  g_autoptr(GError) error = NULL;
  AimakExportOptions opts = { 0 };
  AimakExportStats stats = { 0 };
  g_autofree double *aimak_s = NULL;
  g_autofree double *floor_s = NULL;
  long aimak_peak = 0, floor_peak = 0;
  gint64 start;
  double demo_s, inproc_s, ratio;
  guint64 cells, rows, string_cols, number_cols, string_len;
  char rows_arg[32], scol_arg[32], ncol_arg[32], len_arg[32], cm_arg[4];
  gboolean ok;

  if (argc < 3)
    {
      g_printerr ("usage: %s AIMAK-CLI FLOOR-XLSX [N_PRIORITIES [N_ACTIVITIES [RUNS]]]\n",
                  argv[0]);
      return 2;
    }
  cli = argv[1];
  floor_program = argv[2];
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

  /* The demo database, made once. */
  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);

    start = g_get_monotonic_time ();
    if (!aimak_demo_create (db, n_priorities, n_activities, 1, &error))
      g_error ("demo data: %s", error->message);
    demo_s = (g_get_monotonic_time () - start) / 1e6;

    /* One export in this process: warms the page cache and tells how many cells of
     * which kind the workbook has, for the floor. */
    opts.scope.kind = AIMAK_SCOPE_ALL;
    opts.lang = (char *) "en";
    opts.suppress_small = TRUE;
    opts.threshold = AIMAK_EXPORT_DEFAULT_THRESHOLD;
    start = g_get_monotonic_time ();
    if (!aimak_export_workbook_full (db, &opts, out, NULL, NULL, NULL, &stats, &error))
      g_error ("export: %s", error->message);
    inproc_s = (g_get_monotonic_time () - start) / 1e6;
  }

  cells = stats.n_strings + stats.n_numbers + stats.n_formulas;
  rows = MAX (stats.n_priorities, 1);
  string_cols = (stats.n_strings + rows / 2) / rows;
  number_cols = (stats.n_numbers + stats.n_formulas + rows / 2) / rows;
  string_len = stats.n_strings ? stats.string_bytes / stats.n_strings : 12;
  g_snprintf (rows_arg, sizeof rows_arg, "%" G_GUINT64_FORMAT, rows);
  g_snprintf (scol_arg, sizeof scol_arg, "%" G_GUINT64_FORMAT, string_cols);
  g_snprintf (ncol_arg, sizeof ncol_arg, "%" G_GUINT64_FORMAT, number_cols);
  g_snprintf (len_arg, sizeof len_arg, "%" G_GUINT64_FORMAT, string_len);
  g_snprintf (cm_arg, sizeof cm_arg, "%d", stats.constant_memory ? 1 : 0);

  aimak_s = g_new0 (double, runs);
  floor_s = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      const char *aimak_argv[] = { cli, "export", "--database", db_path, "--all", "--lang", "en",
                                   "--suppress-small", "5", "-o", out, NULL };
      const char *floor_argv[] = { floor_program, floor_out, rows_arg, scol_arg, ncol_arg,
                                   len_arg, cm_arg, NULL };
      Run a, f;

      /* Alternating, so that a busy machine slows both alike. */
      a = run_child (aimak_argv);
      f = run_child (floor_argv);
      aimak_s[i] = a.seconds;
      floor_s[i] = f.seconds;
      aimak_peak = MAX (aimak_peak, a.peak_kb);
      floor_peak = MAX (floor_peak, f.peak_kb);
      g_print ("run %u: aimak %.2f s (%ld MB)   floor %.2f s (%ld MB)\n", i + 1, a.seconds,
               a.peak_kb / 1024, f.seconds, f.peak_kb / 1024);
    }

  ratio = median (aimak_s, runs) / median (floor_s, runs);
  ok = ratio <= GOAL_RATIO && aimak_peak < GOAL_PEAK_KB;
  g_print ("\n");
  g_print ("demo database:          %u priorities, %u activities, made in %.1f s\n",
           n_priorities, n_activities, demo_s);
  g_print ("workbook:               %" G_GUINT64_FORMAT " cells (%" G_GUINT64_FORMAT
           " strings, %" G_GUINT64_FORMAT " numbers and dates, %" G_GUINT64_FORMAT
           " formulas), %s mode\n", cells, stats.n_strings, stats.n_numbers, stats.n_formulas,
           stats.constant_memory ? "constant_memory" : "normal");
  g_print ("floor:                  %" G_GUINT64_FORMAT " rows × (%" G_GUINT64_FORMAT
           " strings of %" G_GUINT64_FORMAT " bytes + %" G_GUINT64_FORMAT " numbers)\n",
           rows, string_cols, string_len, number_cols);
  g_print ("export in-process:      %.2f s\n", inproc_s);
  g_print ("aimak-cli export:       %.2f s (median of %u)\n", median (aimak_s, runs), runs);
  g_print ("floor-xlsx:             %.2f s (median of %u)\n", median (floor_s, runs), runs);
  g_print ("ratio:                  %.2f× (goal ≤ %.1f×)\n", ratio, GOAL_RATIO);
  g_print ("peak memory, aimak-cli: %.1f MB (goal < %d MB)\n", aimak_peak / 1024.0,
           GOAL_PEAK_KB / 1024);
  g_print ("peak memory, floor:     %.1f MB\n", floor_peak / 1024.0);
  g_print ("%s\n", ok ? "goals met" : "GOALS MISSED");

  aimak_test_rmdir (dir);
  return ok ? 0 : 1;
}
