/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-receipt.c — what a receive leaves behind (schema 5): the
 * package_receipt row, the before-image of every record it wrote, the list of
 * receipts, and undoing a receive as a whole (aimak-package.h).
 *
 * A before-image (package_receipt_before.before_json) is a JSON object:
 *   { "area_code", "revision", "base", "origin", "changed_by", "changed_at",
 *     "deleted_at" (null when live), "fields": { field → text },
 *     "after_revision": the revision the receive stored }
 * and NULL when the receive added the record. A record the receive added has
 * revision = base_revision afterwards (aimak_merge_item_result()); a local
 * change bumps only the revision, so "changed here since" is revision ≠ base
 * for added records and revision ≠ after_revision for the others.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-area-change.h"
#include "aimak-json.h"
#include "aimak-db-private.h"
#include "aimak-package-private.h"

/* ---- Recording ---- */

gboolean
_aimak_package_receipt_begin (AimakDb              *db,
                              AimakPackagePreview  *preview,
                              gint64               *receipt_id,
                              GError              **error)
{
  const AimakPackageManifest *m = preview->manifest;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *areas = NULL;
  g_autofree char *now = aimak_db_now ();

  json_builder_begin_array (b);
  for (guint i = 0; m->areas != NULL && m->areas[i] != NULL; i++)
    if (*m->areas[i] != '\0')
      json_builder_add_string_value (b, m->areas[i]);
  json_builder_end_array (b);
  areas = aimak_json_builder_text (b);
  if (!aimak_db_exec (db, error,
                      "INSERT INTO package_receipt (checksum, origin_desk, desk_name, areas, "
                      "created_at, received_at, n_new, n_updated, n_unchanged, n_conflicts, "
                      "n_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "ttttttiiiii", m->checksum ? m->checksum : "",
                      m->origin_desk ? m->origin_desk : "",
                      m->origin_desk_name ? m->origin_desk_name : "", areas,
                      m->created_at ? m->created_at : now, now,
                      (int) preview->counts[AIMAK_MERGE_NEW],
                      (int) preview->counts[AIMAK_MERGE_UPDATED],
                      (int) preview->counts[AIMAK_MERGE_UNCHANGED],
                      (int) preview->counts[AIMAK_MERGE_CONFLICT],
                      (int) preview->counts[AIMAK_MERGE_REJECTED]))
    return FALSE;
  *receipt_id = sqlite3_last_insert_rowid (aimak_db_get_handle (db));
  return TRUE;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
before_json (AimakDb                *db,
             const EntityDef        *def,
             const AimakMergeRecord *mine,
             gint64                  after_revision,
             GError                **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *sql = g_strdup_printf ("SELECT deleted_at FROM \"%s\" WHERE \"%s\" = ?",
                                          def->table, def->id_column);
  g_autofree char *deleted_at = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GError *local_error = NULL;

  deleted_at = aimak_db_query_text (db, &local_error, sql, "t", mine->uuid);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  json_builder_begin_object (b);
  add_string (b, "area_code", mine->area_code);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, mine->revision);
  json_builder_set_member_name (b, "base");
  json_builder_add_int_value (b, mine->base);
  add_string (b, "origin", mine->origin);
  add_string (b, "changed_by", mine->changed_by);
  add_string (b, "changed_at", mine->changed_at);
  add_string (b, "deleted_at", deleted_at);
  json_builder_set_member_name (b, "after_revision");
  json_builder_add_int_value (b, after_revision);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, mine->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_string (b, key, value);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return aimak_json_builder_text (b);
}

gboolean
_aimak_package_receipt_before (AimakDb                 *db,
                               gint64                   receipt_id,
                               const EntityDef         *def,
                               const AimakMergeRecord  *mine,
                               const AimakMergeRecord  *result,
                               GError                 **error)
{
  g_autofree char *json = NULL;

  if (mine != NULL)
    {
      json = before_json (db, def, mine, result->revision, error);
      if (json == NULL)
        return FALSE;
    }
  /* The same record twice in one package: the first before-image is the one. */
  return aimak_db_exec (db, error,
                        "INSERT OR IGNORE INTO package_receipt_before "
                        "(receipt_id, entity, uuid, before_json) VALUES (?, ?, ?, ?)",
                        "Ittt", receipt_id, def->entity, result->uuid, json);
}

/* ---- Listing ---- */

static char **
parse_areas (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (out, json_node_get_string (node));
        }
    }
  return g_strv_builder_end (out);
}

static gboolean
add_receipt (AimakStmt *row,
             gpointer   user_data,
             GError   **error)
{
  GPtrArray *list = user_data;
  AimakPackageReceipt *r = g_new0 (AimakPackageReceipt, 1);

  r->id = aimak_stmt_int64 (row, 0);
  r->checksum = g_strdup (aimak_stmt_text (row, 1));
  r->origin_desk = g_strdup (aimak_stmt_text (row, 2));
  r->desk_name = g_strdup (aimak_stmt_text (row, 3));
  r->areas = parse_areas (aimak_stmt_text (row, 4));
  r->created_at = g_strdup (aimak_stmt_text (row, 5));
  r->received_at = g_strdup (aimak_stmt_text (row, 6));
  r->n_new = aimak_stmt_int (row, 7);
  r->n_updated = aimak_stmt_int (row, 8);
  r->n_unchanged = aimak_stmt_int (row, 9);
  r->n_conflicts = aimak_stmt_int (row, 10);
  r->n_rejected = aimak_stmt_int (row, 11);
  r->undone = aimak_stmt_int (row, 12) != 0;
  g_ptr_array_add (list, r);
  return TRUE;
}

GPtrArray *
aimak_package_list_receipts (AimakDb   *db,
                             gboolean   include_undone,
                             GError   **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  return aimak_db_list (db, error, add_receipt, (GDestroyNotify) aimak_package_receipt_free,
                        "SELECT id, checksum, origin_desk, desk_name, areas, created_at, "
                        "received_at, n_new, n_updated, n_unchanged, n_conflicts, n_rejected, "
                        "undone FROM package_receipt WHERE ?1 OR undone = 0 "
                        "ORDER BY received_at DESC, id DESC", "b", include_undone);
}

char *
aimak_package_desk_name (AimakDb    *db,
                         const char *desk_id)
{
  char *name;

  if (desk_id == NULL || *desk_id == '\0')
    return NULL;
  name = aimak_db_query_text (db, NULL,
                              "SELECT name FROM (SELECT name, 0 AS o, '' AS t FROM desk "
                              "WHERE id = ?1 AND name <> '' UNION ALL SELECT desk_name, 1, "
                              "received_at FROM package_receipt WHERE origin_desk = ?1 "
                              "AND desk_name <> '') ORDER BY o, t DESC LIMIT 1", "t", desk_id);
  return name;
}

void
aimak_package_receipt_free (AimakPackageReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->checksum);
  g_free (receipt->origin_desk);
  g_free (receipt->desk_name);
  g_strfreev (receipt->areas);
  g_free (receipt->created_at);
  g_free (receipt->received_at);
  g_free (receipt);
}

/* ---- Undoing a receive ---- */

typedef struct
{
  char             *entity;
  char             *uuid;
  AimakMergeRecord *before;        /* NULL: the receive added it */
  char             *deleted_at;
  gint64            after_revision;
} BeforeRow;

static void
before_row_free (BeforeRow *row)
{
  g_free (row->entity);
  g_free (row->uuid);
  g_clear_pointer (&row->before, aimak_merge_record_free);
  g_free (row->deleted_at);
  g_free (row);
}

static const char *
member_text (JsonObject *o,
             const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
parse_before (BeforeRow  *row,
              const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *fields;
  g_autoptr(GList) members = NULL;
  AimakMergeRecord *r;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  o = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (o, "fields") || member_text (o, "area_code") == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "fields")))
    return FALSE;
  r = row->before = aimak_merge_record_new (row->entity, row->uuid, member_text (o, "area_code"),
                                            json_object_get_int_member_with_default (o, "revision", 1));
  r->base = json_object_get_int_member_with_default (o, "base", 0);
  r->origin = g_strdup (member_text (o, "origin"));
  r->changed_by = g_strdup (member_text (o, "changed_by"));
  r->changed_at = g_strdup (member_text (o, "changed_at"));
  row->deleted_at = g_strdup (member_text (o, "deleted_at"));
  r->deleted = row->deleted_at != NULL;
  row->after_revision = json_object_get_int_member_with_default (o, "after_revision", -1);
  fields = json_object_get_object_member (o, "fields");
  members = json_object_get_members (fields);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = member_text (fields, l->data);

      if (value != NULL)
        aimak_merge_record_set (r, l->data, value);
    }
  return TRUE;
}

static gboolean
add_before_row (AimakStmt *st,
                gpointer   user_data,
                GError   **error)
{
  GPtrArray *rows = user_data;
  BeforeRow *row = g_new0 (BeforeRow, 1);

  row->entity = g_strdup (aimak_stmt_text (st, 0));
  row->uuid = g_strdup (aimak_stmt_text (st, 1));
  g_ptr_array_add (rows, row);
  if (_aimak_package_entity (row->entity) == NULL ||
      (!aimak_stmt_is_null (st, 2) && !parse_before (row, aimak_stmt_text (st, 2))))
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO,
                   _("The record of what this receive replaced is damaged; it cannot be "
                     "undone."));
      return FALSE;
    }
  return TRUE;
}

/* A short name of the record @row for messages. */
static char *
row_label (AimakDb         *db,
           const EntityDef *def,
           GPtrArray       *columns,
           BeforeRow       *row)
{
  g_autoptr(AimakMergeRecord) now = _aimak_package_load_record (db, def, columns, row->uuid,
                                                                NULL);
  AimakMergeItem item = { AIMAK_MERGE_UNCHANGED, NULL, now ? now : row->before, NULL, NULL };

  if (item.theirs == NULL)
    return g_strdup (row->uuid);
  return aimak_package_item_label (&item);
}

/* Refuses when @row's record moved on after the receive @receipt_id: changed
 * here, or written by a later receive that is not undone. */
static gboolean
check_unchanged (AimakDb    *db,
                 gint64      receipt_id,
                 BeforeRow  *row,
                 GError    **error)
{
  const EntityDef *def = _aimak_package_entity (row->entity);
  g_autoptr(GPtrArray) columns = _aimak_package_field_columns (db, def, error);
  g_autofree char *sql = g_strdup_printf ("SELECT revision, base_revision FROM \"%s\" "
                                          "WHERE \"%s\" = ?", def->table, def->id_column);
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *label = NULL;
  gint64 later;
  gboolean moved = TRUE;

  if (columns == NULL)
    return FALSE;
  later = aimak_db_query_int (db, 0, NULL,
                              "SELECT b.receipt_id FROM package_receipt_before b "
                              "JOIN package_receipt r ON r.id = b.receipt_id "
                              "WHERE b.entity = ? AND b.uuid = ? AND b.receipt_id > ? "
                              "AND r.undone = 0 ORDER BY b.receipt_id LIMIT 1",
                              "ttI", row->entity, row->uuid, receipt_id);
  st = aimak_db_prepare (db, error, sql, "t", row->uuid);
  if (st == NULL)
    return FALSE;
  if (aimak_stmt_next (st, NULL))
    {
      gint64 revision = aimak_stmt_int64 (st, 0);

      moved = row->before == NULL ? revision != aimak_stmt_int64 (st, 1)
                                  : revision != row->after_revision;
    }
  g_clear_pointer (&st, aimak_stmt_release);
  if (later == 0 && !moved)
    return TRUE;
  label = row_label (db, def, columns, row);
  if (later != 0)
    g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO,
                 _("“%s” was changed again by a later receive; undo that receive first."),
                 label);
  else
    g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO,
                 _("“%s” was changed here after this receive; undoing it would lose that "
                   "change, so nothing was undone."), label);
  return FALSE;
}

static gboolean
restore_row (AimakDb    *db,
             BeforeRow  *row,
             GError    **error)
{
  const EntityDef *def = _aimak_package_entity (row->entity);
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *sql = NULL;

  if (row->before != NULL)
    {
      columns = _aimak_package_field_columns (db, def, error);
      return columns != NULL &&
             _aimak_package_store_record (db, def, columns, row->before, row->deleted_at, error);
    }
  for (const ChildDef *c = def->children; c->name != NULL; c++)
    if (!aimak_db_exec (db, error, c->delete_sql, "t", row->uuid))
      return FALSE;
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?", def->table, def->id_column);
  return aimak_db_exec (db, error, sql, "t", row->uuid);
}

/* Before-images back in entity order (priorities before the activities that
 * link to them); added records deleted in the reverse order. */
static int
entity_rank (const char *entity)
{
  const EntityDef *def = _aimak_package_entity (entity);

  return def ? (int) (def - aimak_package_entities) : 99;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const BeforeRow *x = *(BeforeRow * const *) a;
  const BeforeRow *y = *(BeforeRow * const *) b;
  int rx = x->before ? entity_rank (x->entity) : 200 - entity_rank (x->entity);
  int ry = y->before ? entity_rank (y->entity) : 200 - entity_rank (y->entity);

  return rx != ry ? rx - ry : strcmp (x->uuid, y->uuid);
}

typedef struct
{
  gint64 receipt_id;
} UndoJob;

static gboolean
undo_work (AimakDb   *db,
           gpointer   user_data,
           GError   **error)
{
  UndoJob *job = user_data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) before_row_free);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, job->receipt_id);
  g_autofree char *count = NULL;
  gint64 undone = aimak_db_query_int (db, -1, NULL, "SELECT undone FROM package_receipt "
                                      "WHERE id = ?", "I", job->receipt_id);

  if (undone != 0)
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO,
                   undone < 0 ? _("There is no receive number %s.")
                              : _("Receive number %s was already undone."), id);
      return FALSE;
    }
  if (!aimak_db_foreach (db, error, add_before_row, rows,
                         "SELECT entity, uuid, before_json FROM package_receipt_before "
                         "WHERE receipt_id = ?", "I", job->receipt_id))
    return FALSE;
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    if (!check_unchanged (db, job->receipt_id, rows->pdata[i], error))
      return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!restore_row (db, rows->pdata[i], error))
      return FALSE;
  /* The records first: an area a change created is empty again only then. */
  {
    GError *local_error = NULL;

    if (!aimak_area_change_undo_receipt (db, job->receipt_id, &local_error))
      {
        g_set_error_literal (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_UNDO,
                             local_error->message);
        g_error_free (local_error);
        return FALSE;
      }
  }
  count = g_strdup_printf ("%u", rows->len);
  return aimak_db_exec (db, error, "UPDATE package_receipt SET undone = 1 WHERE id = ?", "I",
                        job->receipt_id) &&
         aimak_db_log_change (db, "package", id, "undo-receive", "records", NULL, count, error);
}

gboolean
aimak_package_undo_receive (AimakDb  *db,
                            gint64    receipt_id,
                            GError  **error)
{
  UndoJob job = { receipt_id };

  g_return_val_if_fail (db != NULL, FALSE);
  return aimak_db_run_in_transaction (db, undo_work, &job, error);
}

/* ---- Origins, for the badges ---- */

/* Names of the desks: this database's desk table, else the newest receipt. */
#define DESK_NAMES \
  "WITH names (desk, name) AS (SELECT origin_desk, desk_name FROM (SELECT origin_desk, " \
  "desk_name, row_number () OVER (PARTITION BY origin_desk ORDER BY received_at DESC, id DESC) " \
  "AS n FROM package_receipt WHERE desk_name <> '') WHERE n = 1) "

/* The origin desk's name of the record @id found by @sql (its origin, when
 * not this desk). */
static char *
origin_name (AimakDb    *db,
             const char *sql,
             const char *id)
{
  g_autofree char *origin = aimak_db_query_text (db, NULL, sql, "t", id);
  char *name;

  if (origin == NULL)
    return NULL;
  name = aimak_package_desk_name (db, origin);
  /* A desk that left no name is shown by the start of its UUID. */
  return name ? name : g_strndup (origin, 8);
}

char *
aimak_package_origin_name (AimakDb    *db,
                           const char *priority_id)
{
  return origin_name (db, "SELECT origin_desk FROM priority WHERE id = ? AND "
                      "origin_desk IS NOT NULL AND origin_desk <> coalesce ((SELECT "
                      "id FROM desk WHERE is_self = 1), '')", priority_id);
}

char *
aimak_package_activity_origin_name (AimakDb    *db,
                                    const char *activity_id)
{
  return origin_name (db, "SELECT origin_desk FROM activity WHERE id = ? AND "
                      "origin_desk IS NOT NULL AND origin_desk <> coalesce ((SELECT "
                      "id FROM desk WHERE is_self = 1), '')", activity_id);
}

gint64
aimak_package_receive_stamp (AimakDb *db)
{
  return aimak_db_query_int (db, 0, NULL, "SELECT coalesce (max (id), 0) FROM change_log "
                             "WHERE entity = 'package'", NULL);
}

GHashTable *
aimak_package_received_priorities (AimakDb  *db,
                                   GError  **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  st = aimak_db_prepare (db, error, DESK_NAMES
                         "SELECT p.id, coalesce (nullif (d.name, ''), n.name, "
                         "substr (p.origin_desk, 1, 8)) FROM priority p "
                         "LEFT JOIN desk d ON d.id = p.origin_desk "
                         "LEFT JOIN names n ON n.desk = p.origin_desk "
                         "WHERE p.origin_desk IS NOT NULL AND p.origin_desk <> coalesce ((SELECT "
                         "id FROM desk WHERE is_self = 1), '')", NULL);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    g_hash_table_insert (table, g_strdup (aimak_stmt_text (st, 0)),
                         g_strdup (aimak_stmt_text (st, 1)));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&table);
}
