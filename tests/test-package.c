/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-package.c — record identity and exchange packages: a round trip gives
 * identical records, sending again changes nothing, conflicts are found (a
 * budget corrected on both sides, deleted against edited), damaged, truncated,
 * foreign and newer packages are refused and change nothing. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "aimak-test-util.h"
#include "aimak-db-private.h"
#include "aimak-package-private.h"

#define RAYON "KG02210000000"    /* Jeti-Oguz */

typedef AimakTestDesks Fixture;  /* the okmotu sends, the rayon receives */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  aimak_test_desks_set_up (f, 600, 60);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  aimak_test_desks_tear_down (f);
}

static gint64
count (AimakDb    *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, NULL);

  g_assert_no_error (error);
  return n;
}

static AimakPackageManifest *
send (Fixture *f,
      gboolean replace)
{
  g_autoptr(GError) error = NULL;
  AimakPackageManifest *m = aimak_package_write (f->okmotu, RAYON, TRUE, f->package, replace,
                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static AimakPackagePreview *
preview (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AimakPackagePreview *p = aimak_package_preview (f->rayon, f->package, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static guint
receive (Fixture *f,
         gboolean decided)
{
  g_autoptr(AimakPackagePreview) p = preview (f);
  g_autoptr(GError) error = NULL;
  guint written = 0;

  g_assert_true (aimak_package_apply (f->rayon, p, decided, &written, &error));
  g_assert_no_error (error);
  return written;
}

/* Every record of @entity in both databases, compared field by field. */
static void
assert_same_records (AimakDb    *a,
                     AimakDb    *b,
                     const char *entity)
{
  const EntityDef *def = _aimak_package_entity (entity);
  g_autoptr(GPtrArray) columns = _aimak_package_field_columns (a, def, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE area_code IN (SELECT code "
                                          "FROM area WHERE code = ?1 OR parent_code = ?1)",
                                          def->id_column, def->table);
  g_autoptr(AimakStmt) st = aimak_db_prepare (a, NULL, sql, "t", RAYON);
  guint n = 0;

  while (aimak_stmt_next (st, NULL))
    {
      const char *uuid = aimak_stmt_text (st, 0);
      g_autoptr(AimakMergeRecord) ra = _aimak_package_load_record (a, def, columns, uuid, NULL);
      g_autoptr(AimakMergeRecord) rb = _aimak_package_load_record (b, def, columns, uuid, NULL);

      g_assert_nonnull (rb);
      g_assert_true (aimak_merge_record_same (ra, rb));
      g_assert_cmpint (ra->revision, ==, rb->revision);
      g_assert_cmpstr (ra->origin, ==, rb->origin);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *desk = aimak_package_desk_id (f->okmotu, &error);
  g_autofree char *other = aimak_package_desk_id (f->rayon, &error);
  g_autofree char *id = aimak_db_query_text (f->okmotu, &error,
                                             "SELECT id FROM priority LIMIT 1", NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (desk), ==, 36);
  g_assert_cmpstr (desk, !=, other);
  /* New records carry this desk as origin and start at revision 1. */
  g_assert_cmpint (count (f->okmotu, "SELECT count(*) FROM priority WHERE origin_desk IS NULL "
                          "OR revision <> 1 OR base_revision <> 0"), ==, 0);
  /* Any edit bumps the revision once; the exchange's own bookkeeping does not. */
  g_assert_true (aimak_db_exec (f->okmotu, &error,
                                "UPDATE priority SET budget_kgs = 5000 WHERE id = ?", "t", id));
  g_assert_cmpint (aimak_db_query_int (f->okmotu, 0, NULL, "SELECT revision FROM priority "
                                       "WHERE id = ?", "t", id), ==, 2);
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET base_revision = "
                                "revision WHERE id = ?", "t", id));
  g_assert_cmpint (aimak_db_query_int (f->okmotu, 0, NULL, "SELECT revision FROM priority "
                                       "WHERE id = ?", "t", id), ==, 2);
  /* A value a desk enters gets a UUID; reference values never do. */
  g_assert_cmpint (count (f->okmotu, "SELECT count(*) FROM indicator_value "
                          "WHERE is_reference = 1 AND uuid IS NOT NULL"), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m = send (f, FALSE);
  g_autoptr(AimakPackageManifest) again = NULL;
  g_autoptr(AimakPackagePreview) p = NULL;
  gint64 expected = count (f->okmotu, "SELECT count(*) FROM priority p JOIN area a ON "
                                      "a.code = p.area_code WHERE a.code = '" RAYON "' OR "
                                      "a.parent_code = '" RAYON "'");

  g_assert_cmpint (m->n_priorities, ==, expected);
  g_assert_cmpuint (m->n_activities, >, 0);
  g_assert_cmpuint (strlen (m->checksum), ==, 64);
  /* Sending made what was sent the base. */
  g_assert_cmpint (count (f->okmotu, "SELECT count(*) FROM priority WHERE area_code IN (SELECT "
                          "code FROM area WHERE code = '" RAYON "' OR parent_code = '" RAYON "') "
                          "AND base_revision <> revision"), ==, 0);

  p = preview (f);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_NEW], ==, m->n_priorities + m->n_activities);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_REJECTED], ==, 0);
  /* The preview wrote nothing. */
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority"), ==, 0);

  g_assert_cmpuint (receive (f, FALSE), ==, m->n_priorities + m->n_activities);
  assert_same_records (f->okmotu, f->rayon, "priority");
  assert_same_records (f->okmotu, f->rayon, "activity");
  /* The receive is one entry in the history. */
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM change_log WHERE entity = 'package'"),
                   ==, 1);

  /* The same package again, and a new one with no change: nothing happens. */
  g_assert_cmpuint (receive (f, FALSE), ==, 0);
  again = send (f, TRUE);
  g_assert_cmpstr (again->checksum, ==, m->checksum);
  g_assert_cmpuint (receive (f, FALSE), ==, 0);
  assert_same_records (f->okmotu, f->rayon, "priority");
}

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m1 = send (f, FALSE);
  g_autoptr(AimakPackageManifest) m2 = NULL;
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *partners = NULL;
  guint conflicts = 0;

  receive (f, FALSE);
  budget = aimak_db_query_text (f->okmotu, NULL, "SELECT id FROM priority WHERE area_code IN "
                                "(SELECT code FROM area WHERE parent_code = ?) ORDER BY id "
                                "LIMIT 1", "t", RAYON);
  edited = aimak_db_query_text (f->okmotu, NULL, "SELECT id FROM priority WHERE area_code IN "
                                "(SELECT code FROM area WHERE parent_code = ?) ORDER BY id "
                                "LIMIT 1 OFFSET 1", "t", RAYON);
  quiet = aimak_db_query_text (f->okmotu, NULL, "SELECT id FROM priority WHERE area_code IN "
                               "(SELECT code FROM area WHERE parent_code = ?) ORDER BY id "
                               "LIMIT 1 OFFSET 2", "t", RAYON);
  deleted = g_strdup (edited);
  /* The rayon corrects a budget and edits a priority that the okmotu deletes;
   * the okmotu changes the same budget, and edits a third one alone. */
  g_assert_true (aimak_db_exec (f->rayon, &error, "UPDATE priority SET budget_kgs = 111000 "
                                "WHERE id = ?", "t", budget));
  g_assert_true (aimak_db_exec (f->rayon, &error, "UPDATE priority SET responsible = "
                                "'Rayon administration' WHERE id = ?", "t", edited));
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET budget_kgs = 222000 "
                                "WHERE id = ?", "t", budget));
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET deleted_at = "
                                "'2026-12-01T00:00:00Z' WHERE id = ?", "t", deleted));
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET partners = 'IOM' "
                                "WHERE id = ?", "t", quiet));
  g_assert_no_error (error);
  m2 = send (f, TRUE);
  p = preview (f);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_CONFLICT], ==, 2);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_UPDATED], ==, 1);
  for (guint i = 0; i < p->items->len; i++)
    {
      AimakMergeItem *item = g_ptr_array_index (p->items, i);

      if (item->kind != AIMAK_MERGE_CONFLICT)
        continue;
      conflicts++;
      if (g_str_equal (item->theirs->uuid, budget))
        {
          AimakMergeField *field = g_ptr_array_index (item->fields, 0);

          g_assert_cmpuint (item->fields->len, ==, 1);
          g_assert_cmpstr (field->field, ==, "budget_kgs");
          g_assert_cmpfloat (g_ascii_strtod (field->mine, NULL), ==, 111000);
          g_assert_cmpfloat (g_ascii_strtod (field->theirs, NULL), ==, 222000);
          g_assert_true (aimak_merge_item_choose (item, "budget_kgs", AIMAK_MERGE_TAKE_THEIRS));
        }
      else
        {
          /* Deleted there, edited here: never a silent deletion. */
          g_assert_cmpstr (item->theirs->uuid, ==, deleted);
          g_assert_true (item->theirs->deleted);
          g_assert_false (item->mine->deleted);
        }
    }
  g_assert_cmpuint (conflicts, ==, 2);
  /* Undecided, the whole package is refused and nothing changes. */
  g_assert_false (aimak_package_apply (f->rayon, p, FALSE, NULL, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_CONFLICTS);
  g_clear_error (&error);
  g_assert_cmpint (aimak_db_query_int (f->rayon, 0, NULL, "SELECT budget_kgs FROM priority "
                                       "WHERE id = ?", "t", budget), ==, 111000);
  /* Decided: theirs for the budget, mine (kept, not deleted) for the other. */
  g_assert_true (aimak_package_apply (f->rayon, p, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aimak_db_query_int (f->rayon, 0, NULL, "SELECT budget_kgs FROM priority "
                                       "WHERE id = ?", "t", budget), ==, 222000);
  g_assert_cmpint (aimak_db_query_int (f->rayon, 0, NULL, "SELECT deleted_at IS NULL FROM "
                                       "priority WHERE id = ?", "t", deleted), ==, 1);
  partners = aimak_db_query_text (f->rayon, NULL, "SELECT partners FROM priority WHERE id = ?",
                                  "t", quiet);
  g_assert_cmpstr (partners, ==, "IOM");
  /* Received again: no conflict any more. */
  {
    g_autoptr(AimakPackagePreview) again = preview (f);

    g_assert_cmpuint (again->counts[AIMAK_MERGE_CONFLICT], ==, 0);
  }
}

static void
corrupt (const char *path,
         const char *sql)
{
  sqlite3 *h = NULL;

  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
}

static void
assert_refused (Fixture    *f,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackagePreview) p = aimak_package_preview (f->rayon, path, &error);

  g_assert_null (p);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority"), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m = send (f, FALSE);
  g_autofree char *bytes = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.aimak", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  gsize len;

  g_assert_true (g_file_get_contents (f->package, &bytes, &len, NULL));
  /* Truncated. */
  g_assert_true (g_file_set_contents (copy, bytes, len / 2, NULL));
  assert_refused (f, copy, AIMAK_PACKAGE_ERROR_DAMAGED);
  /* One record changed after writing: the checksum no longer matches. */
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  corrupt (copy, "UPDATE record SET fields = replace (fields, '\"title\":\"', '\"title\":\"X') "
                 "WHERE rowid = (SELECT min (rowid) FROM record WHERE entity = 'priority')");
  assert_refused (f, copy, AIMAK_PACKAGE_ERROR_DAMAGED);
  /* A record removed: the counts no longer match (nor the checksum). */
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  corrupt (copy, "DELETE FROM record WHERE rowid = (SELECT max (rowid) FROM record)");
  assert_refused (f, copy, AIMAK_PACKAGE_ERROR_DAMAGED);
  /* Fields that are not a JSON object. */
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  corrupt (copy, "UPDATE record SET fields = '[1,2' WHERE rowid = 1");
  assert_refused (f, copy, AIMAK_PACKAGE_ERROR_DAMAGED);
  /* A newer format is refused by name. */
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  corrupt (copy, "PRAGMA user_version = 2");
  assert_refused (f, copy, AIMAK_PACKAGE_ERROR_NEWER);
  /* Not a package: a text file, and a database. */
  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  assert_refused (f, text, AIMAK_PACKAGE_ERROR_NOT_PACKAGE);
  assert_refused (f, aimak_db_get_path (f->okmotu), AIMAK_PACKAGE_ERROR_NOT_PACKAGE);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *digest = NULL;
  g_autofree char *after = NULL;
  AimakPackageManifest *m;

  m = aimak_package_write (f->okmotu, RAYON, TRUE, aimak_db_get_path (f->okmotu), TRUE, &error);
  g_assert_null (m);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (text, "keep me", -1, NULL));
  m = aimak_package_write (f->okmotu, RAYON, TRUE, text, TRUE, &error);
  g_assert_null (m);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET);
  g_clear_error (&error);
  /* Nor a side file of the database, nor anything in a backups folder. */
  {
    g_autofree char *wal = g_strconcat (aimak_db_get_path (f->okmotu), "-wal", NULL);
    g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
    g_autofree char *in_backups = g_build_filename (backups, "p.aimak", NULL);

    m = aimak_package_write (f->okmotu, RAYON, TRUE, wal, TRUE, &error);
    g_assert_null (m);
    g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET);
    g_clear_error (&error);
    g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
    m = aimak_package_write (f->okmotu, RAYON, TRUE, in_backups, FALSE, &error);
    g_assert_null (m);
    g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET);
    g_clear_error (&error);
    g_assert_false (g_file_test (in_backups, G_FILE_TEST_EXISTS));
  }
  m = aimak_package_write (f->okmotu, "KG99", TRUE, f->package, FALSE, &error);
  g_assert_null (m);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NO_AREA);
  g_clear_error (&error);
  aimak_package_manifest_free (send (f, FALSE));
  digest = aimak_test_file_digest (f->package);
  m = aimak_package_write (f->okmotu, RAYON, TRUE, f->package, FALSE, &error);
  g_assert_null (m);
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_EXISTS);
  after = aimak_test_file_digest (f->package);
  g_assert_cmpstr (digest, ==, after);
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (text, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
  }
}

static void
test_unknown_area (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m = send (f, FALSE);
  g_autoptr(AimakPackagePreview) p = NULL;
  g_autoptr(GError) error = NULL;

  /* The receiving desk does not know one ayil aimak (its reference list is older). */
  g_assert_true (aimak_db_exec_script (f->rayon, "PRAGMA foreign_keys = OFF; DELETE FROM area "
                                       "WHERE code = 'KG02210815000'; PRAGMA foreign_keys = ON",
                                       &error));
  g_assert_no_error (error);
  p = preview (f);
  g_assert_cmpuint (p->counts[AIMAK_MERGE_REJECTED], >, 0);
  for (guint i = 0; i < p->items->len; i++)
    {
      AimakMergeItem *item = g_ptr_array_index (p->items, i);

      if (g_str_equal (item->theirs->area_code, "KG02210815000"))
        {
          g_assert_cmpint (item->kind, ==, AIMAK_MERGE_REJECTED);
          g_assert_nonnull (strstr (item->reason, "KG02210815000"));
        }
    }
  /* The rest is applied; the rejected records are not. */
  g_assert_true (aimak_package_apply (f->rayon, p, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority WHERE area_code = "
                          "'KG02210815000'"), ==, 0);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM priority"), ==,
                   p->counts[AIMAK_MERGE_NEW] -
                   count (f->rayon, "SELECT count(*) FROM activity"));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The tables of what travels (priorities, activities, the values a desk
 * entered, with their child rows) and the desks, as sorted lines of quoted
 * values; integer row ids are left out (child rows that a receive
 * rewrites get new ones, and they never travel). */
static char *
dump (AimakDb *db)
{
  sqlite3 *h = aimak_db_get_handle (db);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (h, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND (name LIKE 'priority%' OR name LIKE "
                                       "'activity%' OR name IN ('indicator_value', 'desk')) "
                                       "AND name NOT LIKE '%fts%' "
                                       "ORDER BY name", -1, &tables,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *cols_sql = g_strdup_printf ("SELECT group_concat ('quote(\"' || name || "
                                                   "'\")', ' || ''|'' || ') FROM "
                                                   "pragma_table_info ('%s') WHERE NOT (pk = 1 "
                                                   "AND upper (type) = 'INTEGER')", table);
      sqlite3_stmt *cols = NULL;
      sqlite3_stmt *rows = NULL;
      g_autofree char *sql = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (h, cols_sql, -1, &cols, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (cols), ==, SQLITE_ROW);
      sql = g_strdup_printf ("SELECT %s FROM \"%s\"%s", sqlite3_column_text (cols, 0), table,
                             g_str_equal (table, "indicator_value") ? " WHERE is_reference = 0"
                                                                    : "");
      sqlite3_finalize (cols);
      g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup_printf ("%s: %s", table,
                                                 sqlite3_column_text (rows, 0)));
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_dump (AimakDb    *db,
             const char *b)
{
  g_autofree char *a = dump (db);

  if (g_strcmp0 (a, b) != 0)
    {
      g_auto(GStrv) la = g_strsplit (a, "\n", -1);
      g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

      for (guint i = 0; la[i] != NULL && lb[i] != NULL; i++)
        if (g_strcmp0 (la[i], lb[i]) != 0)
          {
            g_test_message ("first difference:\n  %s\n  %s", la[i], lb[i]);
            break;
          }
    }
  g_assert_true (g_str_equal (a, b));
}

static gint64
receive_receipt (Fixture *f,
                 gboolean take_theirs)
{
  g_autoptr(AimakPackagePreview) p = preview (f);
  g_autoptr(GError) error = NULL;
  gint64 receipt = 0;

  for (guint i = 0; i < p->items->len; i++)
    if (((AimakMergeItem *) p->items->pdata[i])->kind == AIMAK_MERGE_CONFLICT)
      aimak_merge_item_choose_all (p->items->pdata[i], take_theirs ? AIMAK_MERGE_TAKE_THEIRS
                                                                   : AIMAK_MERGE_KEEP_MINE);
  g_assert_true (aimak_package_apply_full (f->rayon, p, TRUE, NULL, &receipt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (receipt, >, 0);
  return receipt;
}

static char *
first_priority (AimakDb *db,
                guint    offset)
{
  return aimak_db_query_text (db, NULL, "SELECT id FROM priority WHERE area_code IN (SELECT "
                              "code FROM area WHERE parent_code = ?) ORDER BY id LIMIT 1 "
                              "OFFSET ?", "ti", RAYON, (int) offset);
}

/* Apply, then undo, gives the database as it was; twice, back to empty. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m1 = send (f, FALSE);
  g_autoptr(AimakPackageManifest) m2 = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  g_autofree char *budget = first_priority (f->okmotu, 0);
  g_autofree char *gone = first_priority (f->okmotu, 1);
  AimakPackageReceipt *r;
  gint64 id1, id2;

  id1 = receive_receipt (f, TRUE);
  /* Both sides change one budget; the okmotu deletes another priority. */
  g_assert_true (aimak_db_exec (f->rayon, &error, "UPDATE priority SET budget_kgs = 111000 "
                                "WHERE id = ?", "t", budget));
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET budget_kgs = 222000 "
                                "WHERE id = ?", "t", budget));
  g_assert_true (aimak_db_exec (f->okmotu, &error, "UPDATE priority SET deleted_at = "
                                "'2026-12-01T00:00:00Z' WHERE id = ?", "t", gone));
  g_assert_no_error (error);
  edited = dump (f->rayon);
  m2 = send (f, TRUE);
  id2 = receive_receipt (f, TRUE);
  g_assert_cmpint (aimak_db_query_int (f->rayon, 0, NULL, "SELECT budget_kgs FROM priority "
                                       "WHERE id = ?", "t", budget), ==, 222000);
  after = dump (f->rayon);
  g_assert_cmpstr (after, !=, edited);

  receipts = aimak_package_list_receipts (f->rayon, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  r = receipts->pdata[0];
  g_assert_cmpint (r->id, ==, id2);
  g_assert_cmpstr (r->origin_desk, ==, m2->origin_desk);
  g_assert_cmpstr (r->checksum, ==, m2->checksum);
  g_assert_cmpuint (r->n_conflicts, ==, 1);
  g_assert_cmpuint (r->n_updated, ==, 1);
  g_assert_cmpuint (g_strv_length (r->areas), >, 0);
  g_assert_cmpuint (((AimakPackageReceipt *) receipts->pdata[1])->n_new, ==,
                    m1->n_priorities + m1->n_activities);

  /* The first receive cannot be undone while the second stands on it. */
  g_assert_false (aimak_package_undo_receive (f->rayon, id1, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_true (aimak_package_undo_receive (f->rayon, id2, &error));
  g_assert_no_error (error);
  assert_dump (f->rayon, edited);
  g_assert_false (aimak_package_undo_receive (f->rayon, id2, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO);
  g_clear_error (&error);

  /* Now the rayon's own budget correction stands on the first receive. */
  g_assert_false (aimak_package_undo_receive (f->rayon, id1, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO);
  g_clear_error (&error);
  assert_dump (f->rayon, edited);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM change_log WHERE entity = 'package' "
                          "AND action = 'undo-receive'"), ==, 1);
  g_clear_pointer (&receipts, g_ptr_array_unref);
  receipts = aimak_package_list_receipts (f->rayon, TRUE, NULL);
  g_assert_cmpuint (receipts->len, ==, 2);
  g_assert_true (((AimakPackageReceipt *) receipts->pdata[0])->undone);
}

/* A record changed here after a receive keeps that receive from being undone,
 * with the record named, and nothing changes. */
static void
test_undo_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m = send (f, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *id = first_priority (f->okmotu, 0);
  g_autofree char *title = aimak_db_query_text (f->okmotu, NULL, "SELECT title FROM priority "
                                                "WHERE id = ?", "t", id);
  gint64 receipt = receive_receipt (f, TRUE);

  g_assert_true (aimak_db_exec (f->rayon, &error, "UPDATE priority SET budget_kgs = 5 "
                                "WHERE id = ?", "t", id));
  edited = dump (f->rayon);
  g_assert_false (aimak_package_undo_receive (f->rayon, receipt, &error));
  g_assert_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO);
  g_assert_nonnull (strstr (error->message, title));
  g_clear_error (&error);
  assert_dump (f->rayon, edited);
  (void) m;
}

/* The same package twice gives the same records. */
static void
test_apply_twice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AimakPackageManifest) m = send (f, FALSE);
  g_autofree char *empty = dump (f->rayon);
  g_autofree char *once = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  first = receive_receipt (f, TRUE);
  once = dump (f->rayon);
  second = receive_receipt (f, TRUE);
  assert_dump (f->rayon, once);
  receipts = aimak_package_list_receipts (f->rayon, FALSE, NULL);
  g_assert_cmpuint (receipts->len, ==, 2);
  g_assert_cmpuint (((AimakPackageReceipt *) receipts->pdata[0])->n_unchanged, ==,
                    m->n_priorities + m->n_activities + m->n_values);
  g_assert_cmpint (count (f->rayon, "SELECT count(*) FROM package_receipt_before b JOIN "
                          "package_receipt r ON r.id = b.receipt_id WHERE r.id = (SELECT "
                          "max (id) FROM package_receipt)"), ==, 0);
  /* Undone, newest first: back to the empty database, child rows and all. */
  g_assert_true (aimak_package_undo_receive (f->rayon, second, &error));
  assert_dump (f->rayon, once);
  g_assert_true (aimak_package_undo_receive (f->rayon, first, &error));
  g_assert_no_error (error);
  assert_dump (f->rayon, empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/package/identity", Fixture, NULL, fixture_setup, test_identity,
              fixture_teardown);
  g_test_add ("/package/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);
  g_test_add ("/package/conflicts", Fixture, NULL, fixture_setup, test_conflicts,
              fixture_teardown);
  g_test_add ("/package/refused", Fixture, NULL, fixture_setup, test_refused,
              fixture_teardown);
  g_test_add ("/package/targets", Fixture, NULL, fixture_setup, test_targets,
              fixture_teardown);
  g_test_add ("/package/unknown-area", Fixture, NULL, fixture_setup, test_unknown_area,
              fixture_teardown);
  g_test_add ("/package/undo", Fixture, NULL, fixture_setup, test_undo, fixture_teardown);
  g_test_add ("/package/undo-refused", Fixture, NULL, fixture_setup, test_undo_refused,
              fixture_teardown);
  g_test_add ("/package/apply-twice", Fixture, NULL, fixture_setup, test_apply_twice,
              fixture_teardown);
  return g_test_run ();
}
