/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-package-areas.c — exchange packages carry the area changes the sender
 * applied (issue 17): the receiver's preview lists them, applying applies
 * them before the records (a priority in the new area is accepted), a second
 * receive finds them Unchanged, a change that contradicts the receiver's
 * list or that the receiver undid is Refused with the reason and blocks only
 * the records that need it, and undoing the receive undoes them too, or
 * refuses when the new area has records since. The merger of Barskoon and
 * Jeti-Oguz is test data, not an official change. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "aimak-area-change.h"
#include "aimak-demo.h"
#include "aimak-package.h"
#include "aimak-problem.h"
#include "aimak-test-util.h"

#define RAYON     "KG02210000000"    /* Jeti-Oguz rayon */
#define BARSKOON  "KG02210815000"
#define JETI_OGUZ "KG02210830000"
#define MERGED    "KG02210900000"
#define OTHER     "KG02210910000"

static const char merge_csv[] =
  "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
  "2024-07-01,merged_into," BARSKOON ";" JETI_OGUZ "," MERGED ",Barskoon-Jeti-Oguz,"
  "Барскоон-Жети-Огуз,Барскоон-Жети-Өгүз," RAYON ",Test law (test data)\n";

/* The same Barskoon merged into another new area: contradicts merge_csv. */
static const char other_csv[] =
  "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
  "2024-05-01,merged_into," BARSKOON "," OTHER ",Barskoon-East,Барскоон-Восток,"
  "Барскоон-Чыгыш," RAYON ",Other test law (test data)\n";

typedef AimakTestDesks Fixture;

static gint64
count (AimakDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

static gint64
apply_csv (AimakDb    *db,
           const char *csv)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakAreaChangeList) list = aimak_area_change_list_read (in, "test.csv", problems,
                                                                     NULL, &error);
  gint64 batch;

  g_assert_no_error (error);
  batch = aimak_area_change_apply (db, list, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  return batch;
}

static void
exec (AimakDb    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_exec_script (db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  aimak_test_desks_set_up (f, 100, 20);
  apply_csv (f->okmotu, merge_csv);
  if (data != NULL)
    exec (f->okmotu, "INSERT INTO priority (id, area_code, rank, title, status, created_at, "
                     "updated_at) VALUES ('p-merged', '" MERGED "', 1, 'In the new area', "
                     "'draft', 'x', 'x')");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  aimak_test_desks_tear_down (f);
}

static void
send (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackageManifest) m = aimak_package_write (f->okmotu, RAYON, TRUE, f->package,
                                                           TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  g_assert_cmpuint (m->n_area_changes, ==, 1);
}

static AimakPackagePreview *
preview (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AimakPackagePreview *p = aimak_package_preview (f->rayon, f->package, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_nonnull (p->area_changes);
  return p;
}

static AimakMergeItem *
find_item (AimakPackagePreview *p,
           const char          *uuid)
{
  for (guint i = 0; i < p->items->len; i++)
    {
      AimakMergeItem *item = g_ptr_array_index (p->items, i);

      if (g_str_equal (item->theirs->uuid, uuid))
        return item;
    }
  g_assert_not_reached ();
}

static gint64
receive (Fixture             *f,
         AimakPackagePreview *p)
{
  g_autoptr(GError) error = NULL;
  gint64 receipt = 0;

  g_assert_true (aimak_package_apply_full (f->rayon, p, FALSE, NULL, &receipt, &error));
  g_assert_no_error (error);
  return receipt;
}

/* Carried, previewed, applied before the records, then Unchanged. */
static void
test_carry (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(AimakPackagePreview) again = NULL;
  AimakAreaChangeBatch *b;
  g_autofree char *sent = NULL;

  send (f);
  sent = aimak_db_query_text (f->okmotu, NULL, "SELECT batch_uuid FROM area_change", NULL);
  g_assert_true (g_uuid_string_is_valid (sent));
  p = preview (f);
  g_assert_cmpuint (p->area_changes->len, ==, 1);
  b = p->area_changes->pdata[0];
  g_assert_cmpint (b->status, ==, AIMAK_AREA_BATCH_NEW);
  g_assert_cmpstr (b->uuid, ==, sent);
  g_assert_nonnull (strstr (b->summary, "merged into Barskoon-Jeti-Oguz on 2024-07-01"));
  g_assert_nonnull (strstr (b->summary, "Barskoon"));
  /* The preview wrote nothing; the priority in the new area is not Rejected. */
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "'"), ==, 0);
  g_assert_cmpint (find_item (p, "p-merged")->kind, ==, AIMAK_MERGE_NEW);
  receive (f, p);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "' AND "
                          "parent_code = '" RAYON "' AND valid_from = '2024-07-01'"), ==, 1);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code IN ('" BARSKOON "', '"
                          JETI_OGUZ "') AND valid_to = '2024-07-01'"), ==, 2);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority WHERE id = 'p-merged' AND "
                          "area_code = '" MERGED "'"), ==, 1);
  {
    g_autofree char *got = aimak_db_query_text (f->rayon, NULL, "SELECT DISTINCT batch_uuid "
                                                "FROM area_change WHERE receipt_id IS NOT NULL",
                                                NULL);
    g_autofree char *legal = aimak_db_query_text (f->rayon, NULL, "SELECT DISTINCT legal_act "
                                                  "FROM area_change", NULL);
    g_assert_cmpstr (got, ==, sent);
    g_assert_cmpstr (legal, ==, "Test law (test data)");
  }
  /* Received again: Unchanged, nothing applied twice. */
  again = preview (f);
  g_assert_cmpint (((AimakAreaChangeBatch *) again->area_changes->pdata[0])->status, ==,
                   AIMAK_AREA_BATCH_UNCHANGED);
  receive (f, again);
  g_assert_cmpint (count (f->rayon, "SELECT count(DISTINCT batch) FROM area_change"), ==, 1);
  /* Sent on from the rayon: the same identity travels on. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) batches = aimak_area_change_batches_applied (f->rayon, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (batches->len, ==, 1);
    g_assert_cmpstr (((AimakAreaChangeBatch *) batches->pdata[0])->uuid, ==, sent);
  }
}

/* The receiver applied the same list from its file: Unchanged, not a
 * contradiction. */
static void
test_same_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimakPackagePreview) p = NULL;

  apply_csv (f->rayon, merge_csv);
  send (f);
  p = preview (f);
  g_assert_cmpint (((AimakAreaChangeBatch *) p->area_changes->pdata[0])->status, ==,
                   AIMAK_AREA_BATCH_UNCHANGED);
  g_assert_cmpint (find_item (p, "p-merged")->kind, ==, AIMAK_MERGE_NEW);
}

/* Barskoon merged into another area here: Refused with the reason; only the
 * record in the new area is Rejected, the rest is received. */
static void
test_contradiction (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AimakPackagePreview) p = NULL;
  AimakAreaChangeBatch *b;

  apply_csv (f->rayon, other_csv);
  send (f);
  p = preview (f);
  b = p->area_changes->pdata[0];
  g_assert_cmpint (b->status, ==, AIMAK_AREA_BATCH_REFUSED);
  g_assert_nonnull (strstr (b->reason, "contradicts"));
  g_assert_nonnull (strstr (b->reason, BARSKOON));
  g_assert_nonnull (strstr (b->reason, "already ended on 2024-05-01"));
  g_assert_cmpint (find_item (p, "p-merged")->kind, ==, AIMAK_MERGE_REJECTED);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_NEW], >, 10);
  receive (f, p);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "'"), ==, 0);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area_change WHERE new_code = '"
                          MERGED "'"), ==, 0);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority"), ==,
                   count (f->okmotu, "SELECT count(*) FROM priority WHERE area_code IN "
                          "(SELECT code FROM area WHERE parent_code = '" RAYON "' OR code = '"
                          RAYON "')") - 1);
}

/* Undoing the receive undoes its area changes; undone here by hand, the
 * list is Refused when it comes again. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(AimakPackagePreview) again = NULL;
  g_autoptr(AimakPackagePreview) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 receipt;

  send (f);
  p = preview (f);
  receipt = receive (f, p);
  g_assert_true (aimak_package_undo_receive (f->rayon, receipt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "'"), ==, 0);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE valid_to IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area_change WHERE undone = 0"), ==, 0);
  /* A receive that was undone may come again. */
  again = preview (f);
  g_assert_cmpint (((AimakAreaChangeBatch *) again->area_changes->pdata[0])->status, ==,
                   AIMAK_AREA_BATCH_NEW);
  receive (f, again);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "'"), ==, 1);
  /* Undone here by hand (the area is empty: the package had no record in it). */
  g_assert_true (aimak_area_change_undo (f->rayon, aimak_area_change_last_batch (f->rayon, NULL),
                                         &error));
  g_assert_no_error (error);
  third = preview (f);
  g_assert_cmpint (((AimakAreaChangeBatch *) third->area_changes->pdata[0])->status, ==,
                   AIMAK_AREA_BATCH_REFUSED);
  g_assert_nonnull (strstr (((AimakAreaChangeBatch *) third->area_changes->pdata[0])->reason,
                            "undone on this desk"));
}

/* A priority added in the new area since: undoing the receive is refused,
 * naming the area, and nothing changes. */
static void
test_undo_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 receipt;

  send (f);
  p = preview (f);
  receipt = receive (f, p);
  exec (f->rayon, "INSERT INTO priority (id, area_code, rank, title, status, created_at, "
                  "updated_at) VALUES ('p-here', '" MERGED "', 2, 'Added here', 'draft', "
                  "'x', 'x')");
  g_assert_false (aimak_package_undo_receive (f->rayon, receipt, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO);
  g_assert_nonnull (strstr (error->message, "area changes"));
  g_assert_nonnull (strstr (error->message, MERGED));
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area WHERE code = '" MERGED "'"), ==, 1);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority WHERE area_code = '"
                          MERGED "'"), ==, 1);
  g_assert_cmpint (count (f->rayon, "SELECT undone FROM package_receipt"), ==, 0);
}

/* An altered area change is damage: nothing is received. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(AimakDb) pkg = NULL;

  send (f);
  {
    sqlite3 *h = NULL;

    g_assert_cmpint (sqlite3_open (f->package, &h), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (h, "UPDATE area_change SET rows = replace (rows, "
                                   "'2024-07-01', '2024-01-01')", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (h);
  }
  p = aimak_package_preview (f->rayon, f->package, &error);
  g_assert_null (p);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_DAMAGED);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM area_change"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/package-areas/carry", Fixture, "p", fixture_setup, test_carry,
              fixture_teardown);
  g_test_add ("/package-areas/same-changes", Fixture, "p", fixture_setup, test_same_changes,
              fixture_teardown);
  g_test_add ("/package-areas/contradiction", Fixture, "p", fixture_setup, test_contradiction,
              fixture_teardown);
  g_test_add ("/package-areas/undo", Fixture, NULL, fixture_setup, test_undo,
              fixture_teardown);
  g_test_add ("/package-areas/undo-refused", Fixture, NULL, fixture_setup, test_undo_refused,
              fixture_teardown);
  g_test_add ("/package-areas/damaged", Fixture, NULL, fixture_setup, test_damaged,
              fixture_teardown);
  return g_test_run ();
}
