/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-merge.c — the merge engine, table-driven: every kind of outcome, field
 * conflicts and their resolution, tombstones, and idempotence (the same or an
 * older package applied again changes nothing). */
#include "config.h"

#include "aimak-merge.h"

typedef struct
{
  const char     *name;
  /* mine: -1 revision = no local record */
  gint64          mine_rev, mine_base;
  gboolean        mine_deleted;
  const char     *mine_budget;
  gint64          theirs_rev;
  gboolean        theirs_deleted;
  const char     *theirs_budget;
  const char     *reject;
  AimakMergeKind  expect;
  guint           expect_fields;  /* differing fields listed */
} Case;

static const Case cases[] = {
  { "new record", -1, 0, FALSE, NULL, 1, FALSE, "100", NULL, AIMAK_MERGE_NEW, 0 },
  { "tombstone of an unseen record is kept", -1, 0, FALSE, NULL, 4, TRUE, "100", NULL,
    AIMAK_MERGE_NEW, 0 },
  { "same content", 3, 3, FALSE, "100", 3, FALSE, "100", NULL, AIMAK_MERGE_UNCHANGED, 0 },
  { "same content, both edited alike", 4, 3, FALSE, "150", 4, FALSE, "150", NULL,
    AIMAK_MERGE_UNCHANGED, 0 },
  { "package sent twice", 3, 3, FALSE, "100", 3, FALSE, "999", NULL, AIMAK_MERGE_UNCHANGED, 0 },
  { "older package after a newer one", 5, 5, FALSE, "100", 4, FALSE, "90", NULL,
    AIMAK_MERGE_UNCHANGED, 0 },
  { "changed there only", 3, 3, FALSE, "100", 4, FALSE, "120", NULL, AIMAK_MERGE_UPDATED, 1 },
  { "deleted there only", 3, 3, FALSE, "100", 4, TRUE, "100", NULL, AIMAK_MERGE_UPDATED, 1 },
  { "changed on both sides", 4, 3, FALSE, "110", 4, FALSE, "120", NULL, AIMAK_MERGE_CONFLICT,
    1 },
  { "deleted there, edited here", 4, 3, FALSE, "110", 4, TRUE, "100", NULL,
    AIMAK_MERGE_CONFLICT, 2 },
  { "edited there, deleted here", 4, 3, TRUE, "100", 4, FALSE, "120", NULL,
    AIMAK_MERGE_CONFLICT, 2 },
  { "rejected by the caller", 3, 3, FALSE, "100", 4, FALSE, "120", "Unknown area.",
    AIMAK_MERGE_REJECTED, 0 },
  { "damaged: no revision", 3, 3, FALSE, "100", 0, FALSE, "120", NULL, AIMAK_MERGE_REJECTED, 0 },
};

static AimakMergeRecord *
make (gint64      rev,
      gint64      base,
      gboolean    deleted,
      const char *budget)
{
  AimakMergeRecord *r = aimak_merge_record_new ("priority", "6b1d0c9e-uuid", "41704", rev);

  r->base = base;
  r->deleted = deleted;
  aimak_merge_record_set (r, "title", "Support for returning women");
  aimak_merge_record_set (r, "budget_kgs", budget);
  return r;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(AimakMergeRecord) mine = c->mine_rev < 0 ? NULL
    : make (c->mine_rev, c->mine_base, c->mine_deleted, c->mine_budget);
  g_autoptr(AimakMergeRecord) theirs = make (c->theirs_rev, 0, c->theirs_deleted,
                                             c->theirs_budget);
  g_autoptr(AimakMergeItem) item = aimak_merge_classify (mine, theirs, c->reject);
  g_autoptr(AimakMergeRecord) result = aimak_merge_item_result (item);

  g_assert_cmpstr (aimak_merge_kind_to_string (item->kind), ==,
                   aimak_merge_kind_to_string (c->expect));
  g_assert_cmpuint (item->fields->len, ==, c->expect_fields);
  if (c->expect == AIMAK_MERGE_REJECTED)
    g_assert_nonnull (item->reason);
  switch (c->expect)
    {
    case AIMAK_MERGE_NEW:
    case AIMAK_MERGE_UPDATED:
      g_assert_nonnull (result);
      g_assert_true (aimak_merge_record_same (result, theirs));
      g_assert_cmpint (result->revision, ==, c->theirs_rev);
      g_assert_cmpint (result->base, ==, c->theirs_rev);
      /* Applying the same record again is a no-op. */
      {
        g_autoptr(AimakMergeItem) again = aimak_merge_classify (result, theirs, NULL);

        g_assert_cmpint (again->kind, ==, AIMAK_MERGE_UNCHANGED);
      }
      break;
    case AIMAK_MERGE_CONFLICT:
      /* Unresolved, a conflict keeps mine but with a revision above both. */
      g_assert_nonnull (result);
      g_assert_true (aimak_merge_record_same (result, mine));
      g_assert_cmpint (result->revision, >, MAX (c->mine_rev, c->theirs_rev));
      g_assert_cmpint (result->base, ==, c->theirs_rev);
      break;
    default:
      g_assert_null (result);
    }
}

static void
test_conflict_per_field (void)
{
  g_autoptr(AimakMergeRecord) mine = make (5, 3, FALSE, "110");
  g_autoptr(AimakMergeRecord) theirs = make (4, 0, FALSE, "120");
  g_autoptr(AimakMergeItem) item = NULL;
  g_autoptr(AimakMergeRecord) mixed = NULL;
  g_autoptr(AimakMergeRecord) all_theirs = NULL;
  g_autoptr(AimakMergeItem) back = NULL;

  aimak_merge_record_set (mine, "responsible", "Ayil okmotu");
  aimak_merge_record_set (theirs, "responsible", "Rayon administration");
  aimak_merge_record_set (theirs, "partners", "IOM");
  item = aimak_merge_classify (mine, theirs, NULL);
  g_assert_cmpint (item->kind, ==, AIMAK_MERGE_CONFLICT);
  /* budget_kgs, partners (only theirs has it), responsible — sorted by id. */
  g_assert_cmpuint (item->fields->len, ==, 3);
  g_assert_cmpstr (((AimakMergeField *) item->fields->pdata[0])->field, ==, "budget_kgs");
  g_assert_cmpstr (((AimakMergeField *) item->fields->pdata[1])->field, ==, "partners");
  g_assert_null (((AimakMergeField *) item->fields->pdata[1])->mine);
  g_assert_false (aimak_merge_item_choose (item, "title", AIMAK_MERGE_TAKE_THEIRS));

  /* Theirs for the budget, mine for the rest. */
  g_assert_true (aimak_merge_item_choose (item, "budget_kgs", AIMAK_MERGE_TAKE_THEIRS));
  mixed = aimak_merge_item_result (item);
  g_assert_cmpstr (aimak_merge_record_get (mixed, "budget_kgs"), ==, "120");
  g_assert_cmpstr (aimak_merge_record_get (mixed, "responsible"), ==, "Ayil okmotu");
  g_assert_null (aimak_merge_record_get (mixed, "partners"));
  g_assert_cmpint (mixed->revision, ==, 6);
  g_assert_cmpint (mixed->base, ==, 4);

  /* Sent back, the resolution is a plain update on the other side, whose own
   * record is still the one it sent (revision 4, base 4 once sent). */
  theirs->base = 4;
  back = aimak_merge_classify (theirs, mixed, NULL);
  g_assert_cmpint (back->kind, ==, AIMAK_MERGE_UPDATED);

  /* All theirs: the result is theirs exactly, with their revision. */
  aimak_merge_item_choose_all (item, AIMAK_MERGE_TAKE_THEIRS);
  all_theirs = aimak_merge_item_result (item);
  g_assert_true (aimak_merge_record_same (all_theirs, theirs));
  g_assert_cmpint (all_theirs->revision, ==, 4);
}

static void
test_deletion_conflict (void)
{
  g_autoptr(AimakMergeRecord) mine = make (4, 3, FALSE, "110");
  g_autoptr(AimakMergeRecord) theirs = make (4, 0, TRUE, "100");
  g_autoptr(AimakMergeItem) item = aimak_merge_classify (mine, theirs, NULL);
  g_autoptr(AimakMergeRecord) kept = NULL;
  g_autoptr(AimakMergeRecord) deleted = NULL;

  g_assert_cmpint (item->kind, ==, AIMAK_MERGE_CONFLICT);
  g_assert_cmpstr (((AimakMergeField *) item->fields->pdata[0])->field, ==, "deleted");
  /* Default: never a silent deletion. */
  kept = aimak_merge_item_result (item);
  g_assert_false (kept->deleted);
  g_assert_true (aimak_merge_item_choose (item, "deleted", AIMAK_MERGE_TAKE_THEIRS));
  deleted = aimak_merge_item_result (item);
  g_assert_true (deleted->deleted);
  /* Only the deletion was taken: the budget edit stays, so the revision rises. */
  g_assert_cmpstr (aimak_merge_record_get (deleted, "budget_kgs"), ==, "110");
  g_assert_cmpint (deleted->revision, ==, 5);
}

static void
test_out_of_order (void)
{
  /* Packages 1 (revision 2) and 2 (revision 3, deleted) in either order give
   * the same end state. */
  g_autoptr(AimakMergeRecord) p1 = make (2, 0, FALSE, "100");
  g_autoptr(AimakMergeRecord) p2 = make (3, 0, TRUE, "100");
  const AimakMergeRecord *orders[2][2] = { { p1, p2 }, { p2, p1 } };
  AimakMergeRecord *ends[2] = { NULL, NULL };

  for (guint o = 0; o < 2; o++)
    {
      AimakMergeRecord *local = NULL;

      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(AimakMergeItem) item = aimak_merge_classify (local, orders[o][i], NULL);
          AimakMergeRecord *next = aimak_merge_item_result (item);

          g_assert_true (item->kind != AIMAK_MERGE_CONFLICT);
          if (next != NULL)
            {
              aimak_merge_record_free (local);
              local = next;
            }
        }
      ends[o] = local;
    }
  g_assert_true (aimak_merge_record_same (ends[0], ends[1]));
  g_assert_true (ends[0]->deleted);
  g_assert_cmpint (ends[0]->revision, ==, ends[1]->revision);
  aimak_merge_record_free (ends[0]);
  aimak_merge_record_free (ends[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/classify/%s", cases[i].name);

      g_strdelimit (path + 7, " ,:", '-');
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/merge/conflict-per-field", test_conflict_per_field);
  g_test_add_func ("/merge/deletion-conflict", test_deletion_conflict);
  g_test_add_func ("/merge/out-of-order", test_out_of_order);
  return g_test_run ();
}
