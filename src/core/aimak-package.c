/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package.c — see aimak-package.h and docs/exchange-format.md.
 *
 * Records are read and written generically: a record's fields are its table's
 * columns (from PRAGMA table_info, so a column added by a migration travels
 * without a change here) minus the bookkeeping ones, plus its child rows as
 * canonical JSON made by SQLite itself. Column names in SQL come only from the
 * database's own schema, never from a package; values are always bound.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "aimak-db-private.h"
#include "aimak-json.h"
#include "aimak-file-safety.h"
#include "aimak-package.h"
#include "aimak-package-private.h"

G_DEFINE_QUARK (aimak-package-error-quark, aimak_package_error)

static const ChildDef priority_children[] = {
  { "target_groups",
    "SELECT json_group_array (group_code) FROM (SELECT group_code FROM priority_target_group "
    "WHERE priority_id = ?1 ORDER BY group_code)",
    "DELETE FROM priority_target_group WHERE priority_id = ?1",
    "INSERT INTO priority_target_group (priority_id, group_code) "
    "SELECT ?1, value FROM json_each (?2)" },
  { "gcm",
    "SELECT json_group_array (objective_code) FROM (SELECT objective_code FROM priority_gcm "
    "WHERE priority_id = ?1 ORDER BY objective_code)",
    "DELETE FROM priority_gcm WHERE priority_id = ?1",
    "INSERT INTO priority_gcm (priority_id, objective_code) SELECT ?1, value FROM json_each (?2)" },
  { "sdg",
    "SELECT json_group_array (target_code) FROM (SELECT target_code FROM priority_sdg "
    "WHERE priority_id = ?1 ORDER BY target_code)",
    "DELETE FROM priority_sdg WHERE priority_id = ?1",
    "INSERT INTO priority_sdg (priority_id, target_code) SELECT ?1, value FROM json_each (?2)" },
  { "checklist",
    "SELECT json_group_object (item_code, answer) FROM (SELECT item_code, answer "
    "FROM priority_checklist WHERE priority_id = ?1 ORDER BY item_code)",
    "DELETE FROM priority_checklist WHERE priority_id = ?1",
    "INSERT INTO priority_checklist (priority_id, item_code, answer) "
    "SELECT ?1, key, value FROM json_each (?2)" },
  { "indicators",
    "SELECT json_group_array (json_object ('position', position, 'name', name, 'unit', unit, "
    "'baseline_f', baseline_f, 'baseline_m', baseline_m, 'target_f', target_f, "
    "'target_m', target_m, 'actual_f', actual_f, 'actual_m', actual_m)) "
    "FROM (SELECT * FROM priority_indicator WHERE priority_id = ?1 ORDER BY position, id)",
    "DELETE FROM priority_indicator WHERE priority_id = ?1",
    "INSERT INTO priority_indicator (priority_id, position, name, unit, baseline_f, baseline_m, "
    "target_f, target_m, actual_f, actual_m) "
    "SELECT ?1, coalesce (json_extract (value, '$.position'), 0), "
    "coalesce (json_extract (value, '$.name'), ''), coalesce (json_extract (value, '$.unit'), ''), "
    "json_extract (value, '$.baseline_f'), json_extract (value, '$.baseline_m'), "
    "json_extract (value, '$.target_f'), json_extract (value, '$.target_m'), "
    "json_extract (value, '$.actual_f'), json_extract (value, '$.actual_m') "
    "FROM json_each (?2)" },
  { NULL }
};

static const ChildDef activity_children[] = {
  { "participants",
    "SELECT json_group_array (json_array (role_code, women, men)) FROM (SELECT role_code, "
    "women, men FROM activity_participant WHERE activity_id = ?1 ORDER BY role_code)",
    "DELETE FROM activity_participant WHERE activity_id = ?1",
    "INSERT INTO activity_participant (activity_id, role_code, women, men) "
    "SELECT ?1, json_extract (value, '$[0]'), json_extract (value, '$[1]'), "
    "json_extract (value, '$[2]') FROM json_each (?2)" },
  { "priorities",
    "SELECT json_group_array (priority_id) FROM (SELECT priority_id FROM activity_priority "
    "WHERE activity_id = ?1 ORDER BY priority_id)",
    "DELETE FROM activity_priority WHERE activity_id = ?1",
    "INSERT INTO activity_priority (activity_id, priority_id) SELECT ?1, value FROM json_each (?2)" },
  { NULL }
};

static const ChildDef no_children[] = { { NULL } };

/* Priorities before activities (activities link to them), values last. */
const EntityDef aimak_package_entities[] = {
  { "priority", "priority", "id", "", priority_children },
  { "activity", "activity", "id", "", activity_children },
  { "indicator_value", "indicator_value", "uuid",
    " AND is_reference = 0 AND uuid IS NOT NULL", no_children },
  { NULL }
};

/* Columns that are bookkeeping, or carried in the record itself. */
static const char *const skip_columns[] = {
  "id", "uuid", "area_code", "deleted_at", "updated_at", "revision", "base_revision",
  "origin_desk", "changed_by_desk", "is_reference", NULL
};

const EntityDef *
_aimak_package_entity (const char *entity)
{
  for (guint i = 0; aimak_package_entities[i].entity != NULL; i++)
    if (g_strcmp0 (aimak_package_entities[i].entity, entity) == 0)
      return &aimak_package_entities[i];
  return NULL;
}

gboolean
_aimak_package_sqlite_fail (sqlite3  *handle,
                            int       rc,
                            GError  **error)
{
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL, "%s",
               handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  return FALSE;
}

/* Prepares @sql on @handle and binds @values (char *, NULL binds NULL) as ?1… */
sqlite3_stmt *
_aimak_package_prepare (sqlite3     *handle,
                        const char  *sql,
                        GPtrArray   *values,
                        GError     **error)
{
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &st, NULL);

  if (rc != SQLITE_OK)
    {
      _aimak_package_sqlite_fail (handle, rc, error);
      return NULL;
    }
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      rc = v ? sqlite3_bind_text (st, i + 1, v, -1, SQLITE_TRANSIENT)
             : sqlite3_bind_null (st, i + 1);
      if (rc != SQLITE_OK)
        {
          sqlite3_finalize (st);
          _aimak_package_sqlite_fail (handle, rc, error);
          return NULL;
        }
    }
  return st;
}

/* Runs @sql with @values to its end. */
gboolean
_aimak_package_exec (sqlite3     *handle,
                     const char  *sql,
                     GPtrArray   *values,
                     GError     **error)
{
  sqlite3_stmt *st = _aimak_package_prepare (handle, sql, values, error);
  int rc;

  if (st == NULL)
    return FALSE;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    ;
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return _aimak_package_sqlite_fail (handle, rc, error);
  return TRUE;
}

static gboolean
add_field_column (AimakStmt *row,
                  gpointer   user_data,
                  GError   **error)
{
  const char *name = aimak_stmt_text (row, 0);

  if (!g_strv_contains (skip_columns, name))
    g_ptr_array_add (user_data, g_strdup (name));
  return TRUE;
}

/* The field columns of @def's table: every column but the bookkeeping ones. */
GPtrArray *
_aimak_package_field_columns (AimakDb          *db,
                              const EntityDef  *def,
                              GError          **error)
{
  return aimak_db_list (db, error, add_field_column, g_free,
                        "SELECT name FROM pragma_table_info (?) ORDER BY cid", "t", def->table);
}

/* This desk's record @uuid of @def, or NULL (no error) when there is none. */
AimakMergeRecord *
_aimak_package_load_record (AimakDb          *db,
                            const EntityDef  *def,
                            GPtrArray        *columns,
                            const char       *uuid,
                            GError          **error)
{
  sqlite3 *handle = aimak_db_get_handle (db);
  g_autoptr(GString) sql = g_string_new ("SELECT area_code, revision, base_revision, "
                                         "origin_desk, changed_by_desk, updated_at, "
                                         "deleted_at IS NOT NULL");
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(AimakMergeRecord) r = NULL;
  sqlite3_stmt *st;
  int rc;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (char *) columns->pdata[i]);
  g_string_append_printf (sql, " FROM \"%s\" WHERE \"%s\" = ?1", def->table, def->id_column);
  g_ptr_array_add (values, (gpointer) uuid);
  st = _aimak_package_prepare (handle, sql->str, values, error);
  if (st == NULL)
    return NULL;
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (st);
      if (rc != SQLITE_DONE)
        _aimak_package_sqlite_fail (handle, rc, error);
      return NULL;
    }
  r = aimak_merge_record_new (def->entity, uuid, (const char *) sqlite3_column_text (st, 0),
                              sqlite3_column_int64 (st, 1));
  r->base = sqlite3_column_int64 (st, 2);
  r->origin = g_strdup ((const char *) sqlite3_column_text (st, 3));
  r->changed_by = g_strdup ((const char *) sqlite3_column_text (st, 4));
  r->changed_at = g_strdup ((const char *) sqlite3_column_text (st, 5));
  r->deleted = sqlite3_column_int (st, 6);
  for (guint i = 0; i < columns->len; i++)
    if (sqlite3_column_type (st, 7 + i) != SQLITE_NULL)
      aimak_merge_record_set (r, columns->pdata[i], (const char *) sqlite3_column_text (st, 7 + i));
  sqlite3_finalize (st);
  for (const ChildDef *c = def->children; c->name != NULL; c++)
    {
      g_autofree char *json = aimak_db_query_text (db, error, c->read_sql, "t", uuid);

      if (json == NULL)
        return NULL;
      aimak_merge_record_set (r, c->name, json);
    }
  return g_steal_pointer (&r);
}

char *
aimak_package_desk_id (AimakDb  *db,
                       GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  char *id = aimak_db_query_text (db, &local_error, "SELECT id FROM desk WHERE is_self = 1",
                                  NULL);

  if (id == NULL && local_error == NULL)
    g_set_error_literal (&local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_FOUND,
                         _("This database has no desk identity; upgrade it first."));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return id;
}

static int
compare_keys (const void *a,
              const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The record's fields as a JSON object with sorted keys: the canonical form
 * that the checksum covers and that the package stores. */
char *
_aimak_package_fields_json (const AimakMergeRecord *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (r->fields,
                                                                                 NULL);
  guint n = g_strv_length ((char **) keys);

  qsort (keys, n, sizeof (char *), compare_keys);
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, aimak_merge_record_get (r, keys[i]));
    }
  json_builder_end_object (b);
  return aimak_json_builder_text (b);
}

void
_aimak_package_checksum_add (GChecksum              *sum,
                             const AimakMergeRecord *r,
                             const char             *fields_json)
{
  g_autofree char *line = g_strdup_printf ("%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%s\t%s\n",
                                           r->entity, r->uuid, r->area_code, r->revision,
                                           r->deleted ? 1 : 0, r->origin ? r->origin : "",
                                           r->changed_by ? r->changed_by : "",
                                           r->changed_at ? r->changed_at : "", fields_json);

  g_checksum_update (sum, (const guchar *) line, -1);
}

char *
aimak_package_item_label (const AimakMergeItem *item)
{
  const AimakMergeRecord *r = item->theirs ? item->theirs : item->mine;
  const char *entity = r->entity;

  if (g_strcmp0 (entity, "priority") == 0)
    {
      const char *title = aimak_merge_record_get (r, "title");

      return g_strdup (title && *title ? title : _("(untitled)"));
    }
  if (g_strcmp0 (entity, "activity") == 0)
    return g_strdup_printf ("%s %s", aimak_merge_record_get (r, "date") ?: "",
                            aimak_merge_record_get (r, "topic") ?: "");
  return g_strdup_printf ("%s %s %s: %s", aimak_merge_record_get (r, "indicator_code") ?: "",
                          aimak_merge_record_get (r, "year") ?: "",
                          aimak_merge_record_get (r, "sex") ?: "",
                          aimak_merge_record_get (r, "value") ?: "");
}

void
aimak_package_manifest_free (AimakPackageManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->app_version);
  g_free (manifest->origin_desk);
  g_free (manifest->origin_desk_name);
  g_strfreev (manifest->areas);
  g_free (manifest->created_at);
  g_free (manifest->checksum);
  g_free (manifest->area_change_checksum);
  g_free (manifest);
}

void
aimak_package_preview_free (AimakPackagePreview *preview)
{
  if (preview == NULL)
    return;
  aimak_package_manifest_free (preview->manifest);
  g_clear_pointer (&preview->items, g_ptr_array_unref);
  g_clear_pointer (&preview->area_changes, g_ptr_array_unref);
  g_free (preview);
}
