/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c — aimak_export_workbook() through the real core: the label table, the
 * proposed file name, what happens to the target folder on failure (a folder as target,
 * a read-only file, a folder that cannot be written, cancellation: a clear error and
 * nothing left behind), progress, both libxlsxwriter modes, agreement with the Summary
 * figures, a decimal-comma locale, and an export from another thread. The workbook's
 * contents are read back in detail by check-workbook.py and check-workbook-openpyxl.py;
 * here they are read with `unzip -p` where a test needs them.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "aimak-test-util.h"

#define JETI_OGUZ "KG02210000000"
#define BARSKOON  "KG02210815000"

typedef struct
{
  AimakTestDb base;  /* the database and its folder */
  char       *out;   /* an empty folder for workbooks */
} Fixture;

static void
add_priority (AimakDb    *db,
              const char *id,
              int         rank,
              const char *title,
              int         marker,
              double      budget,
              const char *funding)
{
  g_autoptr(GError) error = NULL;

  aimak_db_exec (db, &error,
                 "INSERT INTO priority (id, area_code, rank, title, status, gender_marker,"
                 " budget_kgs, funding_source, start_year, end_year, hearing_date,"
                 " created_at, updated_at) VALUES (?, ?, ?, ?, 'approved', ?, ?, ?, 2025, 2027,"
                 " '2025-03-14', 'x', 'x')",
                 "ttitidt", id, BARSKOON, rank, title, marker, budget, funding);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  aimak_test_db_set_up (&f->base, data);
  f->out = aimak_test_tmpdir ();
  add_priority (f->base.db, "p1", 1, "=SUM(A1:A2) is not a formula", 2, 1250000.5, "local_budget");
  add_priority (f->base.db, "p2", 2, "Kindergarten", 0, 300000, NULL);
  add_priority (f->base.db, "p3", 3, "Returnee women's cooperative", 1, 450000, "donor");
  aimak_db_exec (f->base.db, &error, "INSERT INTO priority_gcm VALUES ('p1', '7')", NULL);
  aimak_db_exec (f->base.db, &error,
                 "INSERT INTO activity (id, area_code, date, type, created_at, updated_at)"
                 " VALUES ('a1', ?, '2025-05-20', 'training', 'x', 'x')", "t", BARSKOON);
  aimak_db_exec (f->base.db, &error,
                 "INSERT INTO activity_participant VALUES ('a1', 'local_authority', 3, 2)", NULL);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aimak_test_db_tear_down (&f->base, data);
  aimak_test_rmdir (f->out);
  g_free (f->out);
}

static AimakExportOptions
options (AimakScopeKind  kind,
         const char     *lang)
{
  AimakExportOptions opts = { 0 };

  opts.scope.kind = kind;
  opts.scope.area_code = kind == AIMAK_SCOPE_AREA ? (char *) JETI_OGUZ : NULL;
  opts.lang = (char *) lang;
  opts.threshold = AIMAK_EXPORT_DEFAULT_THRESHOLD;
  return opts;
}

/* The names in @dir, sorted and joined by spaces: what a user would see in the folder. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A part of the .xlsx (a zip file) as text, read with unzip(1). */
static char *
read_part (const char *xlsx,
           const char *part)
{
  const char *argv[] = { "unzip", "-p", xlsx, part, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static void
test_strings (void)
{
  static const char * const langs[] = { "en", "ru", "ky" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      for (int id = 0; id < AIMAK_XS_N_STRINGS; id++)
        {
          const char *s = aimak_export_string (langs[l], id);
          g_assert_nonnull (s);
          if (*s == '\0')
            g_error ("label %d is empty in %s", id, langs[l]);
          g_assert_true (g_utf8_validate (s, -1, NULL));
        }
      /* Sheet names: Excel's rules. */
      for (int id = AIMAK_XS_SHEET_COVER; id <= AIMAK_XS_SHEET_ALIGNMENT; id++)
        {
          const char *name = aimak_export_string (langs[l], id);
          g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
          g_assert_null (strpbrk (name, "[]:*?/\\"));
          g_assert_cmpint (name[0], !=, '\'');
          g_assert_cmpint (name[strlen (name) - 1], !=, '\'');
          for (int other = AIMAK_XS_SHEET_COVER; other < id; other++)
            {
              g_autofree char *a = g_utf8_casefold (name, -1);
              g_autofree char *b = g_utf8_casefold (aimak_export_string (langs[l], other), -1);
              g_assert_cmpstr (a, !=, b);
            }
        }
    }
  /* Russian and Kyrgyz are translations, not copies of the English. */
  g_assert_cmpstr (aimak_export_string ("ru", AIMAK_XS_SHEET_PRIORITIES), ==, "Приоритеты");
  g_assert_cmpstr (aimak_export_string ("ky", AIMAK_XS_SHEET_PRIORITIES), ==, "Артыкчылыктар");
  g_assert_cmpstr (aimak_export_string ("xx", AIMAK_XS_SHEET_PRIORITIES), ==, "Priorities");
  {
    g_autofree char *s = aimak_export_string_subst ("ru", AIMAK_XS_COL_ROLE_WOMEN, "role",
                                                    "Депутат");
    g_assert_cmpstr (s, ==, "Депутат: женщины");
  }
  g_assert_cmpstr (aimak_export_unit_label ("ky", "PERSONS"), ==, "адам");
  g_assert_cmpstr (aimak_export_unit_label ("ru", "NEW_UNIT"), ==, "NEW_UNIT");
}

static void
test_default_filename (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, 3, 14, 10, 0, 0);
  AimakScope area = { AIMAK_SCOPE_AREA, (char *) JETI_OGUZ };
  AimakScope pilots = { AIMAK_SCOPE_PILOTS, NULL };
  AimakScope all = { AIMAK_SCOPE_ALL, NULL };
  g_autofree char *a = aimak_export_default_filename (f->base.db, &area, date);
  g_autofree char *p = aimak_export_default_filename (f->base.db, &pilots, date);
  g_autofree char *x = aimak_export_default_filename (f->base.db, &all, date);

  g_assert_cmpstr (a, ==, "Aimak-Jeti-Oguz-2025-03-14.xlsx");
  g_assert_cmpstr (p, ==, "Aimak-pilot-areas-2025-03-14.xlsx");
  g_assert_cmpstr (x, ==, "Aimak-all-areas-2025-03-14.xlsx");
}

typedef struct
{
  double   last;
  guint    calls;
  gboolean monotonic;
  double   cancel_at;
  GCancellable *cancellable;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  if (fraction < p->last)
    p->monotonic = FALSE;
  p->last = fraction;
  p->calls++;
  if (p->cancellable && fraction >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_export_ok (Fixture       *f,
                gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_AREA, "en");
  g_autofree char *path = g_build_filename (f->out, "Aimak.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *workbook = NULL;
  g_autoptr(AimakSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  AimakExportStats stats = { 0 };
  Progress progress = { .monotonic = TRUE };

  g_assert_true (aimak_export_workbook_full (f->base.db, &opts, path, NULL, on_progress, &progress,
                                             &stats, &error));
  g_assert_no_error (error);
  listing = list_folder (f->out);
  g_assert_cmpstr (listing, ==, "Aimak.xlsx");
  g_assert_true (progress.monotonic);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_false (stats.constant_memory);

  summary = aimak_summary_compute (f->base.db, &opts.scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_priorities, ==, summary->priorities_total);
  g_assert_cmpuint (stats.n_activities, ==, summary->activities_total);

  /* The title starting with "=" went in as a string, the table is there. */
  sheet = read_part (path, "xl/worksheets/sheet3.xml");
  g_assert_nonnull (sheet);
  g_assert_null (strstr (sheet, "<f>SUM(A1:A2)"));
  g_assert_nonnull (strstr (sheet, "<tableParts count=\"1\">"));
  g_assert_nonnull (strstr (sheet, "<v>1250000.5</v>"));
  workbook = read_part (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (workbook, "=SUM(A1:A2) is not a formula"));
}

static void
test_replaces_existing (Fixture       *f,
                        gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "ky");
  g_autofree char *path = g_build_filename (f->out, "old.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;

  /* An existing workbook, replaced only when asked to. */
  opts.lang = (char *) "en";
  g_assert_true (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_chmod (path, 0640);
  before = aimak_test_file_digest (path);
  opts.lang = (char *) "ky";
  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_EXISTS);
  g_clear_error (&error);
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  opts.replace = TRUE;
  g_assert_true (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (before, !=, after);
  listing = list_folder (f->out);
  g_assert_cmpstr (listing, ==, "old.xlsx");
  sheet = read_part (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (sheet, "Артыкчылыктар"));
}

static void
assert_fails_cleanly (Fixture            *f,
                      const char         *path,
                      int                 code,
                      const char         *words)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "en");
  g_autofree char *before = list_folder (f->out);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, code);
  g_test_message ("%s → %s", path, error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  after = list_folder (f->out);
  g_assert_cmpstr (before, ==, after);
}

static void
test_target_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->out, "Workbook.xlsx", NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  assert_fails_cleanly (f, sub, AIMAK_EXPORT_ERROR_PATH, "is a folder");
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  assert_fails_cleanly (f, f->out, AIMAK_EXPORT_ERROR_PATH, "is a folder");
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out, "locked.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "the ministry's copy", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = aimak_test_file_digest (path);
  assert_fails_cleanly (f, path, AIMAK_EXPORT_ERROR_PATH, "read-only");
  after = aimak_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (f->out, "locked", NULL);
  g_autofree char *path = NULL;
  g_autofree char *missing = g_build_filename (f->out, "no-such-folder", "x.xlsx", NULL);
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "en");
  g_autoptr(GError) error = NULL;

  /* root may write into a folder without write permission; /sys refuses even root. */
  if (geteuid () == 0)
    path = g_strdup ("/sys/aimak-test-export.xlsx");
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      path = g_build_filename (locked, "x.xlsx", NULL);
    }
  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "permission"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (geteuid () != 0)
    {
      g_autofree char *listing = list_folder (locked);
      g_assert_cmpstr (listing, ==, "");
    }
  assert_fails_cleanly (f, missing, AIMAK_EXPORT_ERROR_PATH, "does not exist");
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_AREA, "kg");
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  opts.lang = (char *) "ru";
  opts.scope.area_code = (char *) "KG99999999999";
  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "KG99999999999"));
  g_clear_error (&error);
  opts.scope.area_code = (char *) JETI_OGUZ;
  opts.threshold = -3;
  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (aimak_export_workbook (f->base.db, &opts, "", NULL, NULL, NULL, &error));
  g_assert_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID);
  listing = list_folder (f->out);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "ru");
  g_autofree char *path = g_build_filename (f->out, "cancelled.xlsx", NULL);
  g_autofree char *kept = g_build_filename (f->out, "kept.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { .monotonic = TRUE, .cancel_at = 0.2, .cancellable = cancellable };

  /* Enough priorities for progress to be reported before the end. */
  g_assert_true (aimak_demo_create (f->base.db, 3000, 10, 3, &error));
  g_assert_no_error (error);
  g_assert_false (aimak_export_workbook (f->base.db, &opts, path, cancellable, on_progress,
                                         &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 1.0);
  listing = list_folder (f->out);
  g_assert_cmpstr (listing, ==, "");
  g_clear_error (&error);

  /* Cancelling an export over an existing file keeps that file as it was. */
  {
    lxw_workbook *previous = workbook_new (kept);   /* a workbook, so it may be replaced */
    workbook_add_worksheet (previous, NULL);
    g_assert_cmpint (workbook_close (previous), ==, LXW_NO_ERROR);
  }
  opts.replace = TRUE;
  before = aimak_test_file_digest (kept);
  g_cancellable_reset (cancellable);
  progress.last = 0;
  g_assert_false (aimak_export_workbook (f->base.db, &opts, kept, cancellable, on_progress,
                                         &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = aimak_test_file_digest (kept);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (f->out);
  g_assert_cmpstr (listing, ==, "kept.xlsx");
}

static void
test_constant_memory (Fixture       *f,
                      gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "en");
  g_autofree char *path = g_build_filename (f->out, "large.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *parts = NULL;
  g_autoptr(GError) error = NULL;
  AimakExportStats stats = { 0 };
  guint64 previous = aimak_export_set_memory_limit (0);

  g_assert_true (aimak_export_workbook_full (f->base.db, &opts, path, NULL, NULL, NULL, &stats,
                                             &error));
  aimak_export_set_memory_limit (previous);
  g_assert_no_error (error);
  g_assert_true (stats.constant_memory);
  g_assert_cmpuint (stats.n_priorities, ==, 3);
  g_assert_cmpuint (stats.n_strings, >, 100);
  g_assert_cmpuint (stats.n_formulas, >, 10);
  sheet = read_part (path, "xl/worksheets/sheet3.xml");
  {
    /* 25 fixed columns (the last two: problem statement and description), then one
     * per checklist item, then the source desk. */
    gint64 items = aimak_db_query_int (f->base.db, 0, NULL, "SELECT count(*) FROM checklist_item",
                                       NULL);
    int last = 25 + (int) items;
    g_autofree char *filter = g_strdup_printf ("<autoFilter ref=\"A2:%c%c5\"/>",
                                               'A' + last / 26 - 1, 'A' + last % 26);
    g_assert_cmpint (items, >, 0);
    g_assert_cmpint (last, <, 52);
    g_assert_nonnull (strstr (sheet, filter));
  }
  g_assert_nonnull (strstr (sheet, "t=\"inlineStr\"><is><t>=SUM(A1:A2) is not a formula"));
  g_assert_null (read_part (path, "xl/tables/table1.xml"));
}

/* libxlsxwriter prints numbers with the locale's decimal separator; a Russian desktop
 * must still get "1250000.5" in the XML. */
static void
test_decimal_comma_locale (Fixture       *f,
                           gconstpointer  data)
{
  AimakExportOptions opts = options (AIMAK_SCOPE_ALL, "ru");
  g_autofree char *path = g_build_filename (f->out, "ru.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *locales = g_build_filename (f->base.dir, "locales", NULL);
  g_autoptr(GError) error = NULL;
  const char *found = NULL;

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8"))
    found = "ru_RU.UTF-8";
  else
    {
      /* Not installed: compile one into a private folder, as glibc allows. */
      g_autofree char *target = g_build_filename (locales, "ru_RU.UTF-8", NULL);
      const char *argv[] = { "localedef", "-i", "ru_RU", "-f", "UTF-8", target, NULL };
      int status = 1;

      g_mkdir_with_parents (locales, 0700);
      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
        {
          g_setenv ("LOCPATH", locales, TRUE);
          if (setlocale (LC_NUMERIC, "ru_RU.UTF-8"))
            found = "ru_RU.UTF-8 (compiled)";
        }
    }
  if (found == NULL)
    {
      g_unsetenv ("LOCPATH");
      g_test_skip ("no locale with a decimal comma is available");
      return;
    }
  g_test_message ("LC_NUMERIC=%s, decimal point “%s”", found, localeconv ()->decimal_point);
  g_assert_true (aimak_export_workbook (f->base.db, &opts, path, NULL, NULL, NULL, &error));
  setlocale (LC_NUMERIC, saved);
  g_unsetenv ("LOCPATH");
  g_assert_no_error (error);
  sheet = read_part (path, "xl/worksheets/sheet3.xml");
  g_assert_nonnull (strstr (sheet, "<v>1250000.5</v>"));
  g_assert_null (strstr (sheet, "<v>1250000,5</v>"));
}

typedef struct
{
  char               *db_path;
  char               *path;
  gboolean            ok;
  char               *message;
} ThreadJob;

static gpointer
export_thread (gpointer data)
{
  ThreadJob *job = data;
  AimakExportOptions opts = options (AIMAK_SCOPE_PILOTS, "ky");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = aimak_db_open (job->db_path, AIMAK_DB_OPEN_READ_ONLY, &error);

  if (db)
    job->ok = aimak_export_workbook (db, &opts, job->path, NULL, NULL, NULL, &error);
  if (error)
    job->message = g_strdup (error->message);
  return NULL;
}

/* What the app does: a thread with its own read-only connection. */
static void
test_thread (Fixture       *f,
             gconstpointer  data)
{
  ThreadJob job = { 0 };
  GThread *thread;
  g_autofree char *workbook = NULL;

  job.db_path = g_strdup (aimak_db_get_path (f->base.db));
  job.path = g_build_filename (f->out, "pilots.xlsx", NULL);
  thread = g_thread_new ("export", export_thread, &job);
  g_thread_join (thread);
  g_assert_cmpstr (job.message, ==, NULL);
  g_assert_true (job.ok);
  workbook = read_part (job.path, "docProps/core.xml");
  g_assert_nonnull (strstr (workbook, "Пилоттук аймактар"));
  g_free (job.db_path);
  g_free (job.path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add ("/export/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/export/strings", test_strings);
  ADD ("default-filename", test_default_filename);
  ADD ("ok", test_export_ok);
  ADD ("replaces-existing", test_replaces_existing);
  ADD ("target-is-folder", test_target_is_folder);
  ADD ("read-only-file", test_read_only_file);
  ADD ("unwritable-folder", test_unwritable_folder);
  ADD ("bad-options", test_bad_options);
  ADD ("cancel", test_cancel);
  ADD ("constant-memory", test_constant_memory);
  ADD ("decimal-comma-locale", test_decimal_comma_locale);
  ADD ("thread", test_thread);
#undef ADD
  return g_test_run ();
}
