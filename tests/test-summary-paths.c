/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-summary-paths.c — the Summary counts the links of a scope's priorities in two
 * ways (issue 18): looking up the links of every live priority, or counting every link
 * by code and taking away those of the other priorities (deleted, or in other areas).
 * On a demo database with deleted priorities, every scope gives the same figures both
 * ways, and the same as aimak_summary_compute(). */
#include "config.h"

#include "aimak-demo.h"
#include "aimak-priority.h"
#include "aimak-summary-private.h"
#include "aimak-test-util.h"

static char *
json_by (AimakDb          *db,
         const AimakScope *scope,
         AimakSummaryPath  path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakSummary) summary = aimak_summary_compute_by (db, scope, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return aimak_summary_to_json (summary, scope);
}

static void
assert_paths_agree (AimakDb          *db,
                    const AimakScope *scope)
{
  g_autofree char *live = json_by (db, scope, AIMAK_SUMMARY_PATH_BY_LIVE);
  g_autofree char *others = json_by (db, scope, AIMAK_SUMMARY_PATH_BY_OTHERS);
  g_autofree char *automatic = json_by (db, scope, AIMAK_SUMMARY_PATH_AUTO);

  g_assert_cmpstr (live, ==, others);
  g_assert_cmpstr (live, ==, automatic);
}

/* Soft-deletes every 15th priority of the first @n, by the app's own delete. */
static guint
delete_some (AimakDb *db,
             guint    n)
{
  guint deleted = 0;

  for (guint i = 0; i < n; i += 15)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = aimak_db_query_text (db, &error,
                                                 "SELECT id FROM priority ORDER BY rowid "
                                                 "LIMIT 1 OFFSET ?", "i", (int) i);

      g_assert_no_error (error);
      g_assert_true (aimak_priority_delete (db, id, &error));
      g_assert_no_error (error);
      deleted++;
    }
  return deleted;
}

static void
test_paths (AimakTestDb   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakScope) all = aimak_scope_new (AIMAK_SCOPE_ALL, NULL);
  g_autoptr(AimakScope) pilots = aimak_scope_new (AIMAK_SCOPE_PILOTS, NULL);
  g_autoptr(AimakScope) oblast = aimak_scope_new (AIMAK_SCOPE_AREA, "KG03000000000");
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(AimakSummary) summary = NULL;
  guint deleted;

  g_assert_true (aimak_demo_create (f->db, 1500, 60, 7, &error));
  g_assert_no_error (error);
  deleted = delete_some (f->db, 1500);
  g_assert_cmpuint (deleted, ==, 100);

  summary = aimak_summary_compute (f->db, all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->priorities_total, ==, 1500 - deleted);
  g_assert_cmpuint (summary->gcm_covered->len, >, 0);
  g_assert_cmpuint (summary->sdg_covered->len, >, 0);

  assert_paths_agree (f->db, all);
  assert_paths_agree (f->db, pilots);
  assert_paths_agree (f->db, oblast);
  /* A rayon and an ayil aimak of the oblast, and every tenth area of it. */
  codes = aimak_scope_area_codes (f->db, oblast, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, >, 2);
  for (guint i = 1; i < codes->len; i += 10)
    {
      g_autoptr(AimakScope) area = aimak_scope_new (AIMAK_SCOPE_AREA,
                                                    g_ptr_array_index (codes, i));

      assert_paths_agree (f->db, area);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/summary-paths/agree", AimakTestDb, NULL, aimak_test_db_set_up, test_paths,
              aimak_test_db_tear_down);
  return g_test_run ();
}
