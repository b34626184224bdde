/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import.c — how long a big CSV import takes and how much memory it
 * needs. Generates files of about 5 MB and 50 MB (AIMAK_BENCH_MB overrides
 * the large size) in a temporary directory, imports each into a fresh
 * database, and prints time, throughput and the peak resident set (VmHWM).
 * Streaming means the peak must not grow with the file: the 50 MB run may
 * not raise VmHWM by anything near 50 MB over the 5 MB run. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aimak-test-util.h"

/* VmHWM of this process in KiB. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmHWM:");
  return p ? strtol (p + 6, NULL, 10) : -1;
}

static GPtrArray *
area_codes (AimakDb *db)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, NULL, "SELECT code FROM area ORDER BY code",
                                              NULL);

  while (aimak_stmt_next (st, NULL))
    g_ptr_array_add (codes, g_strdup (aimak_stmt_text (st, 0)));
  return codes;
}

/* Writes distinct (area, indicator, year, sex, source) rows until @bytes. */
static guint
write_csv (const char *path,
           GPtrArray  *areas,
           guint64     bytes)
{
  static const char * const indicators[] = {
    "POP", "MIGR_ABROAD", "RETURNEES", "SI_POV_NAHC", "SL_TLF_UEM"
  };
  FILE *out = fopen (path, "w");
  guint64 written = 0;
  guint rows = 0;

  g_assert_nonnull (out);
  written += fprintf (out, "area;indicator;year;sex;value;source;note\n");
  for (guint batch = 0; written < bytes; batch++)
    for (guint a = 0; a < areas->len && written < bytes; a++)
      for (guint i = 0; i < G_N_ELEMENTS (indicators) && written < bytes; i++)
        for (int year = 1990; year <= 2100 && written < bytes; year++)
          for (int s = 0; s < 3 && written < bytes; s++)
            {
              /* Decimal commas and a quoted note, as a Russian Excel writes; the
               * counts (the first three indicators) are whole, as their unit asks. */
              if (i < 3)
                written += fprintf (out, "%s;%s;%d;%c;%u;Benchmark source %u;\"note; %u\"\n",
                                    (const char *) g_ptr_array_index (areas, a), indicators[i],
                                    year, "FMT"[s], rows % 1000, batch, rows);
              else
                written += fprintf (out, "%s;%s;%d;%c;%u,%u;Benchmark source %u;\"note; %u\"\n",
                                    (const char *) g_ptr_array_index (areas, a), indicators[i],
                                    year, "FMT"[s], rows % 100, rows % 10, batch, rows);
              rows++;
            }
  g_assert_cmpint (fclose (out), ==, 0);
  return rows;
}

static void
run (const char *label,
     guint64     bytes,
     const char *tmp)
{
  g_autofree char *dir = g_build_filename (tmp, label, NULL);
  g_autofree char *csv = g_build_filename (dir, "bench.csv", NULL);
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AimakImportReport) check = NULL, report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GFileInfo) info = NULL;
  double gen_s, check_s, import_s;
  long rss_before, rss_check, rss_after;
  guint rows;
  goffset size;

  g_mkdir_with_parents (dir, 0700);
  db = aimak_test_open_db (dir);
  areas = area_codes (db);
  rows = write_csv (csv, areas, bytes);
  gen_s = g_timer_elapsed (timer, NULL);
  file = g_file_new_for_path (csv);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  size = g_file_info_get_size (info);

  rss_before = peak_rss_kib ();
  g_timer_start (timer);
  check = aimak_import_indicators (db, file, AIMAK_IMPORT_CHECK, NULL, NULL, NULL, &error);
  check_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (check->bad_rows, ==, 0);
  rss_check = peak_rss_kib ();

  g_timer_start (timer);
  report = aimak_import_indicators (db, file, AIMAK_IMPORT_ALL_OR_NOTHING, NULL, NULL, NULL,
                                    &error);
  import_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->inserted, ==, rows);
  rss_after = peak_rss_kib ();

  printf ("%-6s file %.1f MB, %u rows (generated in %.1f s)\n", label, size / 1e6, rows, gen_s);
  printf ("%-6s check only: %.2f s (%.0f rows/s, %.1f MB/s)\n", label, check_s, rows / check_s,
          size / 1e6 / check_s);
  printf ("%-6s import:     %.2f s (%.0f rows/s, %.1f MB/s), %u values + %u change-log rows\n",
          label, import_s, rows / import_s, size / 1e6 / import_s, report->inserted,
          report->inserted + 1);
  printf ("%-6s VmHWM: %ld KiB before, %ld KiB after check, %ld KiB after import "
          "(+%ld KiB for this file)\n",
          label, rss_before, rss_check, rss_after, rss_after - rss_before);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  const char *mb_env = g_getenv ("AIMAK_BENCH_MB");
  guint64 large = (mb_env ? g_ascii_strtoull (mb_env, NULL, 10) : 50) * 1000 * 1000;
  g_autofree char *tmp = aimak_test_tmpdir ();
  long start = peak_rss_kib ();

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  printf ("VmHWM at start: %ld KiB\n", start);
  run ("small", large / 10, tmp);
  run ("large", large, tmp);
  aimak_test_rmdir (tmp);
  return 0;
}
