/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-scope.c — what a desk with an office server may change
 * (aimak_server_check_writable() in the write layer), the changes a sync
 * cannot send (aimak_server_read_only_changes()), and stopping to use a
 * server (aimak_server_config_clear()). No server is needed: the refusal
 * happens before anything is sent. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-activity-private.h"
#include "aimak-core.h"
#include "aimak-server.h"
#include "aimak-sync.h"
#include "aimak-test-util.h"

#define AKSUU "KG02205000000"   /* this desk's area */
#define JETI  "KG02210000000"   /* an area it may only read */

typedef AimakTestDb Fixture;

static gint64
count (AimakDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

static void
configure (AimakDb    *db,
           const char *areas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://desk_a@server.kg/aimak", NULL, &error);

  g_assert_no_error (error);
  g_strfreev (c->areas);
  c->areas = *areas ? g_strsplit (areas, ",", -1) : g_new0 (char *, 1);
  g_assert_true (aimak_server_config_save (db, c, &error));
  g_assert_no_error (error);
}

static char *
create_priority (AimakDb    *db,
                 const char *area,
                 GError    **error)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (area);

  g_free (p->title);
  p->title = g_strdup ("Drinking water");
  if (!aimak_priority_create (db, p, error))
    return NULL;
  return g_strdup (p->id);
}

static char *
area_name (AimakDb    *db,
           const char *code)
{
  g_autoptr(AimakArea) area = aimak_area_get (db, code, NULL);

  g_assert_nonnull (area);
  return g_strdup (aimak_area_name (area, aimak_db_get_language (db)));
}

/* The error is the read-only one, names @code's area, and says why. */
static void
assert_refused (AimakDb    *db,
                GError    **error,
                const char *code)
{
  g_autofree char *name = area_name (db, code);
  g_autofree char *own = area_name (db, AKSUU);

  g_assert_error (*error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_READ_ONLY_AREA);
  g_assert_nonnull (strstr ((*error)->message, name));
  g_assert_nonnull (strstr ((*error)->message, own));
  g_assert_nonnull (strstr ((*error)->message, "only read"));
  g_clear_error (error);
}

#define REVISIONS "SELECT group_concat (revision || '/' || base_revision || '/' || " \
                  "coalesce (deleted_at, '-') || '/' || rank || '/' || title, ';') FROM " \
                  "(SELECT * FROM priority ORDER BY id)"

static void
test_priorities (Fixture       *f,
                 gconstpointer  data)
{
  AimakDb *db = f->db;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(AimakPriority) p = NULL;

  /* Without a server every area is this desk's. */
  theirs = create_priority (db, JETI, &error);
  g_assert_no_error (error);
  /* As if received from the server: its revision is the base. */
  g_assert_true (aimak_db_exec (db, &error, "UPDATE priority SET base_revision = revision",
                                NULL));
  configure (db, AKSUU);
  mine = create_priority (db, AKSUU, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mine);

  before = aimak_db_query_text (db, NULL, REVISIONS, NULL);
  g_assert_null (create_priority (db, JETI, &error));
  assert_refused (db, &error, JETI);
  p = aimak_priority_load (db, theirs, &error);
  g_free (p->title);
  p->title = g_strdup ("Edited here");
  g_assert_false (aimak_priority_update (db, p, &error));
  assert_refused (db, &error, JETI);
  g_assert_false (aimak_priority_delete (db, theirs, &error));
  assert_refused (db, &error, JETI);
  g_assert_false (aimak_priority_move (db, theirs, 1, &error));
  assert_refused (db, &error, JETI);
  g_assert_null (aimak_priority_duplicate (db, theirs, &error));
  assert_refused (db, &error, JETI);
  /* Nor may a priority of this desk move into that area. */
  g_clear_pointer (&p, aimak_priority_free);
  p = aimak_priority_load (db, mine, &error);
  g_free (p->area_code);
  p->area_code = g_strdup (JETI);
  g_assert_false (aimak_priority_update (db, p, &error));
  assert_refused (db, &error, JETI);
  after = aimak_db_query_text (db, NULL, REVISIONS, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (db, "SELECT count(*) FROM priority"), ==, 2);

  /* This desk's own priority is edited as always. */
  g_clear_pointer (&p, aimak_priority_free);
  p = aimak_priority_load (db, mine, &error);
  g_free (p->title);
  p->title = g_strdup ("Drinking water, phase 2");
  g_assert_true (aimak_priority_update (db, p, &error));
  g_assert_no_error (error);
  g_assert_true (aimak_priority_delete (db, mine, &error));
  g_assert_true (aimak_priority_undelete (db, mine, &error));
  g_assert_no_error (error);
}

static void
test_activities_and_values (Fixture       *f,
                            gconstpointer  data)
{
  AimakDb *db = f->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakActivity) a = aimak_activity_new (JETI);
  g_autoptr(AimakActivity) own = aimak_activity_new (AKSUU);
  g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_new ();
  g_autofree char *indicator = aimak_db_query_text (db, NULL, "SELECT code FROM indicator "
                                                    "ORDER BY code LIMIT 1", NULL);
  g_autofree char *activity_id = NULL;
  gint64 value_id;

  g_free (a->topic);
  a->topic = g_strdup ("Gender-responsive budgeting");
  aimak_activity_set_participants (a, "local_authority", 1, 0);
  g_free (own->topic);
  own->topic = g_strdup ("Gender-responsive budgeting");
  aimak_activity_set_participants (own, "local_authority", 1, 0);
  g_free (v->area_code);
  v->area_code = g_strdup (JETI);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup (indicator);
  v->year = 2025;
  v->sex = 'T';
  v->value = 12;
  g_free (v->source);
  v->source = g_strdup ("Survey of this desk");

  /* Made before the server was set. */
  g_assert_true (aimak_activity_create (db, a, &error));
  g_assert_no_error (error);
  activity_id = g_strdup (a->id);
  g_assert_true (aimak_indicator_value_save (db, v, NULL, &error));
  g_assert_no_error (error);
  value_id = v->id;
  configure (db, AKSUU);

  g_free (a->topic);
  a->topic = g_strdup ("Edited here");
  g_assert_false (aimak_activity_update (db, a, &error));
  assert_refused (db, &error, JETI);
  g_assert_false (aimak_activity_delete (db, activity_id, &error));
  assert_refused (db, &error, JETI);
  g_clear_pointer (&a->id, g_free);
  g_assert_false (aimak_activity_create (db, a, &error));
  assert_refused (db, &error, JETI);
  g_assert_true (aimak_activity_create (db, own, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity WHERE topic = 'Edited here' "
                          "OR deleted_at IS NOT NULL"), ==, 0);

  v->value = 13;
  g_assert_false (aimak_indicator_value_save (db, v, NULL, &error));
  assert_refused (db, &error, JETI);
  g_assert_false (aimak_indicator_value_delete (db, value_id, &error));
  assert_refused (db, &error, JETI);
  v->id = 0;
  v->year = 2024;
  g_assert_false (aimak_indicator_value_save (db, v, NULL, &error));
  assert_refused (db, &error, JETI);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE is_reference = 0"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT value FROM indicator_value WHERE is_reference = 0"),
                   ==, 12);
}

/* A desk with a server but no areas of its own sends nothing: it is told so. */
static void
test_no_areas (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = area_name (f->db, AKSUU);

  configure (f->db, "");
  g_assert_null (create_priority (f->db, AKSUU, &error));
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_READ_ONLY_AREA);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, "no areas of its own"));
}

/* Changes that no sync sends are counted, with their areas; stopping to use
 * the server keeps the records and the queue, and lifts the refusal. */
static void
test_unsent_and_clear (Fixture       *f,
                       gconstpointer  data)
{
  AimakDb *db = f->db;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) areas = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (aimak_server_read_only_changes (db, NULL, NULL, &error), ==, 0);
  g_free (create_priority (db, JETI, &error));
  g_free (create_priority (db, JETI, &error));
  g_assert_no_error (error);
  configure (db, AKSUU);
  mine = create_priority (db, AKSUU, &error);
  g_assert_no_error (error);
  g_assert_true (aimak_db_exec (db, &error, "INSERT INTO sync_state (key, value) VALUES "
                                "('pulled_seq', '42')", NULL));
  g_assert_cmpint (aimak_server_read_only_changes (db, NULL, &areas, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpstrv (areas, ((const char *[]) { JETI, NULL }));
  g_assert_cmpint (aimak_sync_pending_count (db, NULL), ==, 1);

  g_assert_true (aimak_server_config_clear (db, &error));
  g_assert_no_error (error);
  g_assert_false (aimak_server_is_configured (db));
  g_assert_cmpint (count (db, "SELECT count(*) FROM sync_setting"), ==, 0);
  /* The data and the queue stay, and so does where the pull stopped. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM priority WHERE revision > base_revision"),
                   ==, 3);
  g_assert_cmpint (count (db, "SELECT value FROM sync_state WHERE key = 'pulled_seq'"), ==, 42);
  g_assert_cmpint (aimak_sync_pending_count (db, NULL), ==, 0);
  g_assert_cmpint (aimak_server_read_only_changes (db, NULL, NULL, &error), ==, 0);
  again = create_priority (db, JETI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  /* Set to the server again: what waited is waiting again. */
  configure (db, AKSUU);
  g_assert_cmpint (aimak_sync_pending_count (db, NULL), ==, 1);
  g_assert_cmpint (aimak_server_read_only_changes (db, NULL, NULL, &error), ==, 3);
}

/* A CSV import is held to the same rule: a row of an area this desk may only
 * read is a bad row with the reason, so all-or-nothing imports nothing and
 * skip-bad imports only the desk's own rows. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  AimakDb *db = f->db;
  g_autoptr(GError) error = NULL;
  g_autofree char *indicator = aimak_db_query_text (db, NULL, "SELECT code FROM indicator "
                                                    "ORDER BY code LIMIT 1", NULL);
  g_autofree char *path = g_build_filename (f->dir, "values.csv", NULL);
  g_autofree char *csv = g_strdup_printf ("area,indicator,year,sex,value,source\n"
                                          "%s,%s,2025,T,10,Survey of this desk\n"
                                          "%s,%s,2025,T,20,Survey of this desk\n",
                                          AKSUU, indicator, JETI, indicator);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = area_name (db, JETI);
  AimakImportReport *report;
  const AimakProblem *problem;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  configure (db, AKSUU);

  report = aimak_import_indicators (db, file, AIMAK_IMPORT_ALL_OR_NOTHING, NULL, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->good_rows, ==, 1);
  g_assert_cmpuint (report->bad_rows, ==, 1);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, name));
  g_assert_nonnull (strstr (problem->message, "only read"));
  aimak_import_report_free (report);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE is_reference = 0"),
                   ==, 0);

  report = aimak_import_indicators (db, file, AIMAK_IMPORT_SKIP_BAD, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->committed);
  aimak_import_report_free (report);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE is_reference = 0"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE is_reference = 0 "
                          "AND area_code = '" AKSUU "'"), ==, 1);
  /* Without a server every area is the desk's own again. */
  g_assert_true (aimak_server_config_clear (db, &error));
  report = aimak_import_indicators (db, file, AIMAK_IMPORT_ALL_OR_NOTHING, NULL, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->bad_rows, ==, 0);
  g_assert_true (report->committed);
  aimak_import_report_free (report);
  g_assert_cmpint (count (db, "SELECT count(*) FROM indicator_value WHERE is_reference = 0"),
                   ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server-scope/priorities", Fixture, NULL, aimak_test_db_set_up, test_priorities,
              aimak_test_db_tear_down);
  g_test_add ("/server-scope/activities-and-values", Fixture, NULL, aimak_test_db_set_up,
              test_activities_and_values, aimak_test_db_tear_down);
  g_test_add ("/server-scope/no-areas", Fixture, NULL, aimak_test_db_set_up, test_no_areas,
              aimak_test_db_tear_down);
  g_test_add ("/server-scope/unsent-and-clear", Fixture, NULL, aimak_test_db_set_up,
              test_unsent_and_clear, aimak_test_db_tear_down);
  g_test_add ("/server-scope/import", Fixture, NULL, aimak_test_db_set_up, test_import,
              aimak_test_db_tear_down);
  return g_test_run ();
}
