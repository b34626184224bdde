/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-programme.c — the programme document's model (issue 14) on demo data and on
 * priorities with known statuses: which priorities are in, the figures against
 * aimak_summary_compute() for the same scope, "no data" never shown as 0, the demo
 * flag, the labels in Russian and Kyrgyz, bad options, and the ODT package. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-programme.h"
#include "aimak-test-util.h"
#include "aimak-demo-private.h"

#define BARSKOON   "KG02210815000"
#define JETI_OGUZ  "KG02210000000"

typedef struct
{
  char    *dir;
  AimakDb *db;
} Fixture;

/* A priority of Barskoon with @status and years; returns its id. */
static char *
add_priority (Fixture    *f,
              const char *title,
              const char *status,
              int         start,
              int         end,
              gboolean    deleted)
{
  g_autoptr(GError) error = NULL;
  char *id = aimak_uuid_new ();

  aimak_db_exec (f->db, &error,
                 "INSERT INTO priority (id, area_code, rank, title, status, gender_marker, "
                 "budget_kgs, funding_source, start_year, end_year, created_at, updated_at, "
                 "deleted_at) VALUES (?, ?, 100, ?, ?, 2, 150000, 'donor', ?, ?, 'x', 'x', ?)",
                 "ttttjjt", id, BARSKOON, title, status, start ? start : G_MININT,
                 end ? end : G_MININT, deleted ? "2026-01-01" : NULL);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = aimak_test_tmpdir ();
  f->db = aimak_test_open_db (f->dir);
  if (data != NULL)
    {
      aimak_demo_create (f->db, 1500, 120, 7, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, aimak_db_unref);
  aimak_test_rmdir (f->dir);
  g_free (f->dir);
}

static AimakProgramme *
build (Fixture            *f,
       const char         *area,
       gboolean            below,
       int                 from,
       int                 to,
       const char         *lang,
       const char * const *statuses,
       GError            **error)
{
  AimakProgrammeOptions opts;
  AimakProgramme *p;

  aimak_programme_options_init (&opts);
  opts.area_code = g_strdup (area);
  opts.include_below = below;
  opts.year_from = from;
  opts.year_to = to;
  opts.lang = g_strdup (lang);
  opts.statuses = statuses ? g_strdupv ((char **) statuses) : NULL;
  p = aimak_programme_build (f->db, &opts, NULL, error);
  aimak_programme_options_clear (&opts);
  return p;
}

static const AimakProgrammePriority *
find_priority (const AimakProgramme *p,
               const char           *id)
{
  for (guint i = 0; i < p->priorities->len; i++)
    {
      const AimakProgrammePriority *pp = g_ptr_array_index (p->priorities, i);
      if (g_str_equal (pp->id, id))
        return pp;
    }
  return NULL;
}

/* Default statuses: proposed and approved in the period; draft, rejected, deleted
 * and those outside the period never. */
static void
test_statuses (Fixture       *f,
               gconstpointer  data)
{
  static const char * const all_live[] = { "draft", "proposed", "approved", "in_progress",
                                           "completed", NULL };
  static const char * const rejected[] = { "proposed", "rejected", NULL };
  g_autofree char *proposed = add_priority (f, "Proposed one", "proposed", 2026, 2027, FALSE);
  g_autofree char *approved = add_priority (f, "Approved one", "approved", 2027, 2029, FALSE);
  g_autofree char *open_years = add_priority (f, "No years", "approved", 0, 0, FALSE);
  g_autofree char *draft = add_priority (f, "Draft one", "draft", 2026, 2027, FALSE);
  g_autofree char *rej = add_priority (f, "Rejected one", "rejected", 2026, 2027, FALSE);
  g_autofree char *deleted = add_priority (f, "Deleted one", "approved", 2026, 2027, TRUE);
  g_autofree char *before = add_priority (f, "Before the period", "approved", 2020, 2025, FALSE);
  g_autoptr(AimakProgramme) p = NULL;
  g_autoptr(GError) error = NULL;

  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->priorities->len, ==, 3);
  g_assert_nonnull (find_priority (p, proposed));
  g_assert_nonnull (find_priority (p, approved));
  g_assert_nonnull (find_priority (p, open_years));
  g_assert_null (find_priority (p, draft));
  g_assert_null (find_priority (p, rej));
  g_assert_null (find_priority (p, deleted));
  g_assert_null (find_priority (p, before));
  g_assert_cmpstr (p->statuses[0], ==, "proposed");
  g_assert_cmpstr (p->statuses[1], ==, "approved");
  g_assert_null (p->statuses[2]);
  /* Numbered 1..n in document order, and every one in the action plan's sector list. */
  for (guint i = 0; i < p->priorities->len; i++)
    g_assert_cmpuint (((AimakProgrammePriority *) g_ptr_array_index (p->priorities, i))->number, ==, i + 1);
  /* Budget: three included priorities of 150,000 som, all marker 2 from donors. */
  g_assert_cmpfloat (p->budget_total->kgs, ==, 450000);
  g_assert_cmpstr (p->budget_total->thousand.text, ==, "450.0");
  g_assert_cmpfloat_with_epsilon (p->gender_share.value, 100.0, 1e-9);
  g_assert_cmpuint (p->plan_sources->len, ==, 1);
  g_assert_cmpstr (((AimakCode *) g_ptr_array_index (p->plan_sources, 0))->code, ==, "donor");
  g_clear_pointer (&p, aimak_programme_free);

  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", all_live, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->priorities->len, ==, 4);
  g_assert_nonnull (find_priority (p, draft));
  g_assert_null (find_priority (p, rej));
  g_clear_pointer (&p, aimak_programme_free);

  /* Asking for rejected ones is refused, not silently ignored. */
  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", rejected, &error);
  g_assert_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID);
  g_assert_null (p);
}

/* The same figures as aimak_summary_compute() for the same scope: a rayon with the
 * areas below it, every status but rejected, a period holding every demo year. */
static void
test_figures_match_summary (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const all_live[] = { "draft", "proposed", "approved", "in_progress",
                                           "completed", NULL };
  g_autoptr(AimakProgramme) p = NULL;
  g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, JETI_OGUZ);
  g_autoptr(AimakSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  guint n_priorities = 0;

  p = build (f, JETI_OGUZ, TRUE, 2020, 2030, "en", all_live, &error);
  g_assert_no_error (error);
  s = aimak_summary_compute (f->db, scope, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < s->priorities_by_status->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (s->priorities_by_status, i);
      if (!g_str_equal (item->code, "rejected"))
        n_priorities += (guint) item->value;
    }
  g_assert_cmpuint (p->priorities->len, >, 5);
  g_assert_cmpuint (p->priorities->len, ==, n_priorities);
  g_assert_cmpfloat_with_epsilon (p->budget_total->kgs, s->budget_total, 0.01);
  for (guint m = 0; m < 3; m++)
    {
      AimakProgrammeMoney *mine = g_ptr_array_index (p->budget_by_marker, m);
      AimakSummaryItem *theirs = g_ptr_array_index (s->budget_by_marker, m);

      g_assert_cmpstr (mine->code, ==, theirs->code);
      g_assert_cmpfloat_with_epsilon (mine->kgs, theirs->value, 0.01);
    }
  for (guint i = 0; i < s->budget_by_funding->len; i++)
    {
      AimakSummaryItem *theirs = g_ptr_array_index (s->budget_by_funding, i);
      gboolean found = FALSE;

      for (guint j = 0; j < p->budget_by_source->len; j++)
        {
          AimakProgrammeMoney *mine = g_ptr_array_index (p->budget_by_source, j);
          if (!g_str_equal (mine->code, theirs->code))
            continue;
          g_assert_cmpfloat_with_epsilon (mine->kgs, theirs->value, 0.01);
          found = TRUE;
        }
      g_assert_true (found || theirs->value == 0);
    }
  /* All proposals are in: the document's share is the Summary's "all proposals". */
  g_assert_cmpfloat_with_epsilon (p->gender_share.value, 100 * s->gender_share_proposals, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->gender_share_proposals.value, 100 * s->gender_share_proposals, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->gender_share_adopted.value, 100 * s->gender_share_adopted, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->gender_budget->kgs, s->gender_budget_total, 0.01);
  /* Participants of the activities of the period: at most the Summary's (all dates). */
  g_assert_cmpuint (p->activity_women, <=, s->participants_women);
  g_assert_cmpuint (p->activity_men, <=, s->participants_men);
  g_assert_true (p->is_demo);
  g_assert_cmpuint (p->monitoring->len, >, 0);
}

static const AimakProgrammeFigure *
find_figure (const AimakProgramme *p,
             const char           *key)
{
  for (guint i = 0; i < p->figures->len; i++)
    {
      const AimakProgrammeFigure *fig = g_ptr_array_index (p->figures, i);
      if (g_str_equal (fig->key, key))
        return fig;
    }
  return NULL;
}

/* A figure without data says so; it is never 0. A real 0 stays 0. */
static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_new ();
  g_autoptr(AimakProgramme) p = NULL;
  g_autoptr(GError) error = NULL;
  const AimakProgrammeFigure *pop, *returnees;

  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->figures->len, ==, 5);
  returnees = find_figure (p, "RETURNEES");
  g_assert_nonnull (returnees);
  g_assert_false (returnees->own->women.has_value);
  g_assert_true (isnan (returnees->own->women.value));
  g_assert_cmpstr (returnees->own->women.text, ==, "no data");
  g_assert_cmpint (returnees->own->year, ==, 0);
  /* The rayon above has its population from the reference data. */
  pop = find_figure (p, "POP");
  g_assert_cmpuint (pop->comparisons->len, >=, 2);
  g_assert_cmpstr (((AimakProgrammeFigureValue *) g_ptr_array_index (pop->comparisons, 0))->area_code, ==,
                   JETI_OGUZ);
  g_assert_true (((AimakProgrammeFigureValue *) g_ptr_array_index (pop->comparisons, 0))->total.has_value);
  /* Rayon, oblast, then the country. */
  g_assert_cmpuint (pop->comparisons->len, ==, 3);
  g_assert_cmpstr (((AimakProgrammeFigureValue *) g_ptr_array_index (pop->comparisons, 2))->area_code, ==, "KG");
  g_assert_true (((AimakProgrammeFigureValue *) g_ptr_array_index (pop->comparisons, 2))->total.has_value);
  /* Nothing included: the plan says there is nothing, the share has no data. */
  g_assert_cmpuint (p->priorities->len, ==, 0);
  g_assert_false (p->gender_share.has_value);
  g_assert_cmpstr (p->gender_share.text, ==, "no data");
  g_clear_pointer (&p, aimak_programme_free);

  /* Women counted (0 is a figure), men not: "0" and "no data". */
  g_free (v->area_code);
  v->area_code = g_strdup (BARSKOON);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup ("RETURNEES");
  v->year = 2024;
  v->sex = 'F';
  v->value = 0;
  g_free (v->source);
  v->source = g_strdup ("Ayil okmotu register");
  aimak_indicator_value_save (f->db, v, NULL, &error);
  g_assert_no_error (error);
  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", NULL, &error);
  g_assert_no_error (error);
  returnees = find_figure (p, "RETURNEES");
  g_assert_cmpint (returnees->own->year, ==, 2024);
  g_assert_true (returnees->own->women.has_value);
  g_assert_cmpfloat (returnees->own->women.value, ==, 0);
  /* A count of returning women below 5 in an ayil aimak is not printed. */
  g_assert_cmpstr (returnees->own->women.text, ==, "<5");
  g_assert_false (returnees->own->men.has_value);
  g_assert_cmpstr (returnees->own->men.text, ==, "no data");
  g_assert_cmpstr (returnees->own->source, ==, "Ayil okmotu register");
  g_assert_false (p->is_demo);
}

static void
test_demo_flag (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AimakProgramme) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  p = build (f, JETI_OGUZ, TRUE, 2024, 2030, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (p->is_demo);
  g_assert_cmpstr (aimak_programme_label (p, AIMAK_PL_DEMO_MARK), ==, "DEMO DATA — not for approval");
  g_clear_pointer (&p, aimak_programme_free);

  aimak_demo_remove (f->db, NULL, &error);
  g_assert_no_error (error);
  id = add_priority (f, "Real one", "approved", 2026, 2027, FALSE);
  p = build (f, JETI_OGUZ, TRUE, 2024, 2030, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (p->is_demo);
  g_assert_cmpuint (p->priorities->len, ==, 1);
  g_assert_cmpstr (((AimakProgrammePriority *) g_ptr_array_index (p->priorities, 0))->title, ==, "Real one");
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = add_priority (f, "Water", "approved", 2026, 2027, FALSE);
  g_autoptr(AimakProgramme) ru = NULL, ky = NULL;
  g_autoptr(GError) error = NULL;
  const AimakProgrammePriority *pp;

  ru = build (f, BARSKOON, FALSE, 2026, 2028, "ru", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aimak_programme_label (ru, AIMAK_PL_SECTION_PASSPORT), ==, "1. Паспорт программы");
  g_assert_cmpstr (aimak_programme_label (ru, AIMAK_PL_NO_DATA), ==, "нет данных");
  g_assert_cmpstr (ru->area_name, ==, "Барскоон");
  pp = find_priority (ru, id);
  g_assert_cmpstr (pp->status_label, ==, "Утверждён местным кенешем");
  g_assert_cmpstr (pp->budget_thousand.text, ==, "150,0");
  ky = build (f, BARSKOON, FALSE, 2026, 2028, "ky", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aimak_programme_label (ky, AIMAK_PL_SECTION_PLAN), ==, "4. Иш-аракеттер планы");
  g_assert_cmpstr (aimak_programme_label (ky, AIMAK_PL_COL_WOMEN), ==, "Аялдар");
  /* The database's own language is left as it was. */
  g_assert_cmpstr (aimak_db_get_language (f->db), ==, "en");
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const unknown[] = { "finished", NULL };
  struct { const char *area; int from, to; const char *lang; int code; } cases[] = {
    { BARSKOON, 1980, 1982, "en", AIMAK_PROGRAMME_ERROR_INVALID },
    { BARSKOON, 2028, 2026, "en", AIMAK_PROGRAMME_ERROR_INVALID },
    { BARSKOON, 2026, 2040, "en", AIMAK_PROGRAMME_ERROR_INVALID },
    { BARSKOON, 2026, 2028, "de", AIMAK_PROGRAMME_ERROR_INVALID },
    { "KG99", 2026, 2028, "en", AIMAK_PROGRAMME_ERROR_UNKNOWN_AREA },
    { "", 2026, 2028, "en", AIMAK_PROGRAMME_ERROR_INVALID },
  };
  g_autoptr(GError) error = NULL;
  AimakProgramme *p;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      p = build (f, cases[i].area, FALSE, cases[i].from, cases[i].to, cases[i].lang, NULL, &error);
      g_assert_null (p);
      g_assert_error (error, AIMAK_PROGRAMME_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }
  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", unknown, &error);
  g_assert_null (p);
  g_assert_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "finished"));
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
test_odt (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = add_priority (f, "Water & <roads>", "approved", 2026, 2027, FALSE);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "programme.odt", NULL);
  g_autofree char *db_path = g_build_filename (f->dir, "aimak.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AimakProgramme) p = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_mkdir (out_dir, 0700);
  p = build (f, BARSKOON, FALSE, 2026, 2028, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_programme_write_odt (p, path, db_path, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* ODF: "mimetype" is the first entry, stored (method 0), with its content right after. */
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpint (contents[8] | contents[9] << 8, ==, 0);
  g_assert_cmpmem (contents + 30, 8, "mimetype", 8);
  g_assert_cmpmem (contents + 38, 39, "application/vnd.oasis.opendocument.text", 39);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* An existing document is replaced only when asked; the database never. */
  g_assert_false (aimak_programme_write_odt (p, path, db_path, FALSE, NULL, &error));
  g_assert_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (aimak_programme_write_odt (p, path, db_path, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (aimak_programme_write_odt (p, db_path, db_path, TRUE, NULL, &error));
  g_assert_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_REFUSED);
  g_clear_error (&error);

  /* Cancelled: nothing new, no temporary file. */
  g_cancellable_cancel (cancelled);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (out_dir, "cancelled.odt", NULL);
  g_assert_false (aimak_programme_write_odt (p, path, db_path, FALSE, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (out_dir), ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR") ? g_getenv ("AIMAK_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GLib decides on the first translated message of the process whether it
   * translates at all; under LC_ALL=C.UTF-8 and LANGUAGE=en that decision must be
   * taken with a language that has a catalogue, as the CLI's is. */
  aimak_lang_gettext ("ru", "Women");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn, demo) \
  g_test_add (path, Fixture, (demo) ? "demo" : NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/programme/statuses", test_statuses, FALSE);
  ADD ("/programme/figures-match-summary", test_figures_match_summary, TRUE);
  ADD ("/programme/no-data", test_no_data, FALSE);
  ADD ("/programme/demo-flag", test_demo_flag, TRUE);
  ADD ("/programme/languages", test_languages, FALSE);
  ADD ("/programme/bad-options", test_bad_options, FALSE);
  ADD ("/programme/odt", test_odt, FALSE);
  return g_test_run ();
}
