/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-programme-pdf.c — the programme document as PDF (issue 14): built on demo
 * data for a rayon with its ayil aimaks in English, Russian and Kyrgyz; the page
 * count is stable; pdftotext (poppler-utils) finds every section title, every
 * priority title and the demo mark on every page; the metadata, bookmarks and
 * embedded fonts are there; cancelling and failing leave no file behind. */
#include "config.h"

#include <string.h>

#include "aimak-test-util.h"
#include "aimak-programme.h"
#include "aimak-programme-pdf.h"

#define RAYON     "KG02210000000"   /* Jeti-Oguz */
#define BARSKOON  "KG02210815000"

typedef struct
{
  char    *dir;
  AimakDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = aimak_test_tmpdir ();
  f->db = aimak_test_open_db (f->dir);
  g_assert_true (aimak_demo_create (f->db, 120, 20, 7, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  aimak_db_unref (f->db);
  aimak_test_rmdir (f->dir);
  g_free (f->dir);
}

static AimakProgramme *
build (Fixture    *f,
       const char *area,
       const char *lang)
{
  AimakProgrammeOptions opts;
  g_autoptr(GError) error = NULL;
  AimakProgramme *p;

  aimak_programme_options_init (&opts);
  opts.area_code = g_strdup (area);
  opts.include_below = TRUE;
  opts.year_from = 2026;
  opts.year_to = 2028;
  opts.lang = g_strdup (lang);
  p = aimak_programme_build (f->db, &opts, NULL, &error);
  aimak_programme_options_clear (&opts);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* Whitespace runs as one space: pdftotext breaks lines where the page does. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *s = text; *s; s++)
    {
      if (g_ascii_isspace (*s))
        space = TRUE;
      else
        {
          if (space && out->len)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *s);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
have_poppler (void)
{
  g_autofree char *a = g_find_program_in_path ("pdftotext");
  g_autofree char *b = g_find_program_in_path ("pdfinfo");

  if (a && b)
    return TRUE;
  g_test_skip ("pdftotext/pdfinfo not found: install poppler-utils to read the PDF back");
  return FALSE;
}

static void
check_text (const AimakProgramme *p,
            const char           *path,
            guint                 n_pages)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autofree char *flat = squeeze (text);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  const AimakProgrammeLabel sections[] = {
    AIMAK_PL_SECTION_PASSPORT, AIMAK_PL_SECTION_SITUATION, AIMAK_PL_SECTION_PRIORITIES,
    AIMAK_PL_SECTION_PLAN, AIMAK_PL_SECTION_ANNEX, AIMAK_PL_SECTION_PARTICIPATION,
    AIMAK_PL_SECTION_MONITORING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *want = squeeze (aimak_programme_label (p, sections[i]));
      if (strstr (flat, want) == NULL)
        g_error ("section title “%s” not found in the %s PDF", want, p->lang);
    }
  g_assert_cmpuint (p->priorities->len, >, 0);
  for (guint i = 0; i < p->priorities->len; i++)
    {
      AimakProgrammePriority *pr = g_ptr_array_index (p->priorities, i);
      g_autofree char *want = squeeze (pr->title);

      if (strstr (flat, want) == NULL)
        g_error ("priority title “%s” not found in the %s PDF", want, p->lang);
    }
  /* pdftotext ends every page with a form feed. */
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = squeeze (pages[i]);
      g_autofree char *mark = squeeze (aimak_programme_label (p, AIMAK_PL_DEMO_MARK));
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *m = g_strdup_printf ("%u", n_pages);
      GString *footer = g_string_new (aimak_programme_label (p, AIMAK_PL_PAGE_OF));

      g_assert_true (p->is_demo);
      g_assert_nonnull (strstr (page, mark));
      g_string_replace (footer, "{n}", n, 0);
      g_string_replace (footer, "{m}", m, 0);
      g_assert_nonnull (strstr (page, footer->str));
      g_string_free (footer, TRUE);
    }
}

/* The PDF holds binary streams: strstr() would stop at the first NUL. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
check_info (const AimakProgramme *p,
            const char           *path,
            guint                 n_pages)
{
  const char *info_argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *info = run (info_argv);
  g_autofree char *fonts = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  char *pages;

  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (g_strchug (pages + 7), NULL, 10), ==, n_pages);
  g_assert_nonnull (strstr (info, p->title));
  g_assert_nonnull (strstr (info, p->area_name));
  g_assert_nonnull (strstr (info, p->period));
  g_assert_nonnull (strstr (info, "A4"));
  /* Every font embedded (the "emb" column). */
  fonts = run (fonts_argv);
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] && *lines[i]; i++)
    g_assert_null (strstr (lines[i], " no  "));
  /* Bookmarks: the catalogue has an outline. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (contains_bytes (contents, length, "/Outlines"));
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  const char *langs[] = { "en", "ru", "ky" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(AimakProgramme) p = build (f, RAYON, langs[l]);
      g_autoptr(AimakProgrammeLayout) layout = NULL;
      g_autoptr(AimakProgrammeLayout) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("programme-%s.pdf", langs[l]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      guint n, landscape = 0;

      layout = aimak_programme_layout_new (p, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      n = aimak_programme_layout_get_n_pages (layout);
      g_assert_cmpuint (n, >, 3);
      /* The same input gives the same pages. */
      again = aimak_programme_layout_new (p, NULL, NULL, NULL, &error);
      g_assert_cmpuint (aimak_programme_layout_get_n_pages (again), ==, n);
      for (guint i = 0; i < n; i++)
        {
          double w, h;

          aimak_programme_layout_get_page_size (layout, i, &w, &h);
          landscape += w > h;
          g_assert_cmpfloat_with_epsilon (MIN (w, h), 595.2756, 0.01);
          g_assert_cmpfloat_with_epsilon (MAX (w, h), 841.8898, 0.01);
        }
      /* The action plan is on landscape pages, the rest portrait. */
      g_assert_cmpuint (landscape, >, 0);
      g_assert_cmpuint (landscape, <, n);
      g_assert_true (aimak_programme_write_pdf (p, path, NULL, &error));
      g_assert_no_error (error);
      if (!have_poppler ())
        return;
      check_info (p, path, n);
      check_text (p, path, n);
    }
}

static void
test_replace_and_refuse (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AimakProgramme) p = build (f, BARSKOON, "ru");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "barskoon.pdf", NULL);
  g_autofree char *db_path = g_build_filename (f->dir, "aimak.db", NULL);
  g_autofree char *digest = aimak_test_file_digest (db_path);

  g_assert_true (aimak_programme_write_pdf_full (p, path, db_path, FALSE, NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  /* An existing document is replaced only when asked. */
  g_assert_false (aimak_programme_write_pdf_full (p, path, db_path, FALSE, NULL, NULL, NULL,
                                                  &error));
  g_assert_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (aimak_programme_write_pdf_full (p, path, db_path, TRUE, NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  /* The database is never a target. */
  g_assert_false (aimak_programme_write_pdf_full (p, db_path, db_path, TRUE, NULL, NULL, NULL,
                                                  &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *after = aimak_test_file_digest (db_path);
    g_assert_cmpstr (after, ==, digest);
  }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (fraction > 0.3)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel_and_fail (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AimakProgramme) p = build (f, RAYON, "ky");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  guint before = count_files (f->dir);

  /* Cancelled half way through: no file, no temporary file. */
  g_assert_false (aimak_programme_write_pdf_full (p, path, NULL, FALSE, on_progress, cancellable,
                                                  cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, before);

  g_assert_null (aimak_programme_layout_new (p, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A folder that does not exist: a message, nothing written. */
  g_assert_false (aimak_programme_write_pdf (p, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_files (f->dir), ==, before);
}

/* No priority at all: every section is still there, saying so, and not demo. */
static void
test_empty (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  Fixture f = { dir, aimak_test_open_db (dir) };
  g_autoptr(AimakProgramme) p = build (&f, BARSKOON, "ru");
  g_autoptr(AimakProgrammeLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (p->priorities->len, ==, 0);
  g_assert_false (p->is_demo);
  layout = aimak_programme_layout_new (p, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aimak_programme_layout_get_n_pages (layout), >, 1);
  g_assert_true (aimak_programme_layout_write_pdf (layout, path, NULL, &error));
  g_assert_no_error (error);
  if (have_poppler ())
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      g_autofree char *text = run (argv);
      g_autofree char *flat = squeeze (text);
      g_autofree char *none = squeeze (aimak_programme_label (p, AIMAK_PL_NO_PRIORITIES));
      g_autofree char *plan = squeeze (aimak_programme_label (p, AIMAK_PL_SECTION_PLAN));
      g_autofree char *mark = squeeze (aimak_programme_label (p, AIMAK_PL_DEMO_MARK));

      g_assert_nonnull (strstr (flat, none));
      g_assert_nonnull (strstr (flat, plan));
      g_assert_null (strstr (flat, mark));
    }
  aimak_db_unref (f.db);
  aimak_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/programme-pdf/languages", Fixture, NULL, fixture_setup, test_languages,
              fixture_teardown);
  g_test_add ("/programme-pdf/replace-and-refuse", Fixture, NULL, fixture_setup,
              test_replace_and_refuse, fixture_teardown);
  g_test_add ("/programme-pdf/cancel-and-fail", Fixture, NULL, fixture_setup,
              test_cancel_and_fail, fixture_teardown);
  g_test_add_func ("/programme-pdf/empty", test_empty);
  return g_test_run ();
}
