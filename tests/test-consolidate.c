/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consolidate.c — consolidation (issue 15): two ayil okmotu desks send a
 * package each; a rayon desk receives both. Its Priorities list, its Capacity
 * building register and its Summary, for the rayon, for the oblast and for all
 * areas, then hold every received record of both areas, and per area exactly
 * that area's. */
#include "config.h"

#include <glib/gstdio.h>

#include "aimak-test-util.h"
#include "aimak-package.h"
#include "aimak-priority-model.h"
#include "aimak-activity.h"
#include "aimak-summary.h"

#define RAYON "KG02210000000"    /* Jeti-Oguz */

typedef struct
{
  gint64 priorities;
  gint64 activities;
  double budget;              /* all proposals: rejected priorities left out */
  gint64 women;
} Counts;

typedef struct
{
  char    *dir;
  AimakDb *okmotu[2];
  AimakDb *rayon;
  char    *area[2];
  Counts   sent[2];
} Fixture;

static gint64
query_int (AimakDb    *db,
           const char *sql,
           const char *area)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, "t", area);

  g_assert_no_error (error);
  return n;
}

/* What one okmotu holds for @area: the figures the rayon must show after receiving. */
static void
count_area (AimakDb    *db,
            const char *area,
            Counts     *c)
{
  g_autoptr(GError) error = NULL;

  c->priorities = query_int (db, "SELECT count(*) FROM priority WHERE area_code = ? "
                             "AND deleted_at IS NULL", area);
  c->activities = query_int (db, "SELECT count(*) FROM activity WHERE area_code = ? "
                             "AND deleted_at IS NULL", area);
  c->women = query_int (db, "SELECT coalesce (sum (ap.women), 0) FROM activity_participant ap "
                        "JOIN activity a ON a.id = ap.activity_id WHERE a.area_code = ? "
                        "AND a.deleted_at IS NULL", area);
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, &error,
                                                "SELECT total (budget_kgs) FROM priority WHERE "
                                                "area_code = ? AND deleted_at IS NULL AND "
                                                "status <> 'rejected'", "t", area);

    g_assert_no_error (error);
    g_assert_true (aimak_stmt_next (st, &error));
    c->budget = aimak_stmt_double_or_nan (st, 0);
  }
}

/* The level-3 area under the rayon with the most priorities on @db, other than @not. */
static char *
busiest_area (AimakDb    *db,
              const char *not)
{
  g_autoptr(GError) error = NULL;
  char *code = aimak_db_query_text (db, &error,
                                    "SELECT p.area_code FROM priority p JOIN area a "
                                    "ON a.code = p.area_code WHERE a.parent_code = ?1 "
                                    "AND p.area_code <> ?2 AND p.deleted_at IS NULL "
                                    "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
                                    "tt", RAYON, not ? not : "");

  g_assert_no_error (error);
  g_assert_nonnull (code);
  return code;
}

static void
send_and_receive (Fixture *f,
                  guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("okmotu-%u.aimak", i);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(AimakPackageManifest) m = NULL;
  g_autoptr(AimakPackagePreview) p = NULL;
  guint written = 0;

  m = aimak_package_write (f->okmotu[i], f->area[i], FALSE, path, FALSE, &error);
  g_assert_no_error (error);
  p = aimak_package_preview (f->rayon, path, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_package_apply (f->rayon, p, FALSE, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, >, 0);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = aimak_test_tmpdir ();
  f->okmotu[0] = aimak_test_open_db_in (f->dir, "okmotu-0");
  f->okmotu[1] = aimak_test_open_db_in (f->dir, "okmotu-1");
  f->rayon = aimak_test_open_db_in (f->dir, "rayon");
  /* Demo data spreads over every ayil aimak: each okmotu sends its own one. */
  g_assert_true (aimak_demo_create (f->okmotu[0], 2000, 1500, 3, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_demo_create (f->okmotu[1], 2000, 1500, 5, &error));
  g_assert_no_error (error);
  f->area[0] = busiest_area (f->okmotu[0], NULL);
  f->area[1] = busiest_area (f->okmotu[1], f->area[0]);
  for (guint i = 0; i < 2; i++)
    {
      count_area (f->okmotu[i], f->area[i], &f->sent[i]);
      g_assert_cmpint (f->sent[i].priorities, >, 0);
      send_and_receive (f, i);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&f->okmotu[i], aimak_db_unref);
      g_free (f->area[i]);
    }
  g_clear_pointer (&f->rayon, aimak_db_unref);
  aimak_test_rmdir (f->dir);
  g_free (f->dir);
}

/* The three levels that consolidate: the rayon, its oblast, all areas (NULL). */
static char *
level_code (Fixture *f,
            guint    level)
{
  g_autoptr(GError) error = NULL;
  char *oblast;

  if (level == 0)
    return g_strdup (RAYON);
  if (level == 2)
    return NULL;
  oblast = aimak_db_query_text (f->rayon, &error, "SELECT parent_code FROM area WHERE code = ?",
                                "t", RAYON);
  g_assert_no_error (error);
  g_assert_nonnull (oblast);
  return oblast;
}

static guint
list_count (AimakDb    *db,
            const char *area)
{
  g_autoptr(AimakPriorityModel) model = aimak_priority_model_new (db);
  g_autoptr(GError) error = NULL;
  AimakPriorityFilter filter;
  guint n;

  aimak_priority_filter_init (&filter);
  filter.area_code = g_strdup (area);
  g_assert_true (aimak_priority_model_set_filter (model, &filter, &error));
  g_assert_no_error (error);
  aimak_priority_filter_clear (&filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  return n;
}

static void
register_count (AimakDb    *db,
                const char *area,
                guint      *n,
                guint      *women)
{
  AimakActivityFilter filter = { .area_code = (char *) area };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = aimak_activity_query (db, &filter, &error);
  g_autoptr(AimakActivityTotals) totals = NULL;

  g_assert_no_error (error);
  totals = aimak_activity_totals (db, rows, &error);
  g_assert_no_error (error);
  *n = rows->len;
  *women = totals->women;
}

static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  Counts both = {
    f->sent[0].priorities + f->sent[1].priorities,
    f->sent[0].activities + f->sent[1].activities,
    f->sent[0].budget + f->sent[1].budget,
    f->sent[0].women + f->sent[1].women,
  };

  for (guint level = 0; level < 3; level++)
    {
      g_autofree char *code = level_code (f, level);
      g_autoptr(AimakScope) scope = aimak_scope_new (code ? AIMAK_SCOPE_AREA : AIMAK_SCOPE_ALL,
                                                     code);
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakSummary) summary = aimak_summary_compute (f->rayon, scope, &error);
      guint n_activities, women;

      g_assert_cmpint (both.activities, >, 0);
      g_assert_cmpint (both.women, >, 0);
      g_test_message ("level %u: %s", level, code ? code : "all areas");
      g_assert_no_error (error);
      g_assert_cmpuint (list_count (f->rayon, code), ==, both.priorities);
      register_count (f->rayon, code, &n_activities, &women);
      g_assert_cmpuint (n_activities, ==, both.activities);
      g_assert_cmpuint (women, ==, both.women);
      g_assert_cmpuint (summary->priorities_total, ==, both.priorities);
      g_assert_cmpuint (summary->activities_total, ==, both.activities);
      g_assert_cmpuint (summary->participants_women, ==, both.women);
      g_assert_cmpfloat_with_epsilon (summary->budget_total, both.budget, 0.01);
    }
}

/* Each ayil aimak alone shows exactly what its desk sent. */
static void
test_per_area (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, f->area[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakSummary) summary = aimak_summary_compute (f->rayon, scope, &error);
      guint n_activities, women;

      g_assert_no_error (error);
      g_assert_cmpuint (list_count (f->rayon, f->area[i]), ==, f->sent[i].priorities);
      register_count (f->rayon, f->area[i], &n_activities, &women);
      g_assert_cmpuint (n_activities, ==, f->sent[i].activities);
      g_assert_cmpuint (summary->priorities_total, ==, f->sent[i].priorities);
      g_assert_cmpfloat_with_epsilon (summary->budget_total, f->sent[i].budget, 0.01);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/consolidate/levels", Fixture, NULL, fixture_setup, test_levels,
              fixture_teardown);
  g_test_add ("/consolidate/per-area", Fixture, NULL, fixture_setup, test_per_area,
              fixture_teardown);
  return g_test_run ();
}
