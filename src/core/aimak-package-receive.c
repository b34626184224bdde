/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-receive.c — reading, previewing and applying an exchange
 * package (aimak-package.h). A package is untrusted input: it is opened
 * read-only and immutable with the schema untrusted, checked (application id,
 * format, integrity, checksum, counts) before any record is looked at, and a
 * record's field names are used only after they are matched against this
 * database's own columns.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-area-change.h"
#include "aimak-db-private.h"
#include "aimak-file-safety.h"
#include "aimak-package-private.h"

gboolean
_aimak_package_damaged (GError    **error,
                        const char *detail)
{
  g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_DAMAGED,
               _("The package is damaged (%s); nothing was received. Ask for it to be sent "
                 "again."), detail);
  return FALSE;
}

gboolean
_aimak_package_record_set_fields (AimakMergeRecord *r,
                                  const char       *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      aimak_merge_record_set (r, l->data, json_node_get_string (node));
    }
  return TRUE;
}

static AimakMergeRecord *
record_from_row (sqlite3_stmt *st)
{
  g_autoptr(AimakMergeRecord) r = NULL;

  if (sqlite3_column_type (st, 0) != SQLITE_TEXT || sqlite3_column_type (st, 1) != SQLITE_TEXT ||
      sqlite3_column_type (st, 2) != SQLITE_TEXT || sqlite3_column_type (st, 3) != SQLITE_INTEGER)
    return NULL;
  r = aimak_merge_record_new ((const char *) sqlite3_column_text (st, 0),
                              (const char *) sqlite3_column_text (st, 1),
                              (const char *) sqlite3_column_text (st, 2),
                              sqlite3_column_int64 (st, 3));
  r->deleted = sqlite3_column_int (st, 4) != 0;
  r->origin = g_strdup ((const char *) sqlite3_column_text (st, 5));
  r->changed_by = g_strdup ((const char *) sqlite3_column_text (st, 6));
  r->changed_at = g_strdup ((const char *) sqlite3_column_text (st, 7));
  if (!_aimak_package_record_set_fields (r, (const char *) sqlite3_column_text (st, 8)))
    return NULL;
  return g_steal_pointer (&r);
}

gboolean
_aimak_package_read_checksum (sqlite3    *pkg,
                              char      **checksum_out,
                              GPtrArray **records_out,
                              GError    **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_record_free);
  sqlite3_stmt *st = NULL;
  int rc;

  st = _aimak_package_prepare (pkg, "SELECT entity, uuid, area_code, revision, deleted, "
                               "origin_desk, changed_by_desk, changed_at, fields FROM record "
                               "ORDER BY CASE entity WHEN 'priority' THEN 0 "
                               "WHEN 'activity' THEN 1 WHEN 'indicator_value' THEN 2 "
                               "ELSE 3 END, entity, uuid", NULL, NULL);
  if (st == NULL)
    return _aimak_package_damaged (error, sqlite3_errmsg (pkg));
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      AimakMergeRecord *r = record_from_row (st);

      if (r == NULL)
        {
          sqlite3_finalize (st);
          return _aimak_package_damaged (error, _("a record cannot be read"));
        }
      _aimak_package_checksum_add (sum, r, (const char *) sqlite3_column_text (st, 8));
      g_ptr_array_add (records, r);
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return _aimak_package_damaged (error, sqlite3_errstr (rc));
  if (checksum_out != NULL)
    *checksum_out = g_strdup (g_checksum_get_string (sum));
  if (records_out != NULL)
    *records_out = g_steal_pointer (&records);
  return TRUE;
}

static char *
pragma_text (sqlite3    *pkg,
             const char *sql)
{
  sqlite3_stmt *st = _aimak_package_prepare (pkg, sql, NULL, NULL);
  char *out = NULL;

  if (st == NULL)
    return NULL;
  if (sqlite3_step (st) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  return out;
}

static sqlite3 *
open_package (const char  *path,
              int         *format_out,
              GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *format = NULL;
  g_autofree char *check = NULL;
  sqlite3 *pkg = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      _aimak_package_file_application_id (path) != AIMAK_PACKAGE_APPLICATION_ID)
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not an Aimak exchange package."), path);
      return NULL;
    }
  {
    g_autofree char *abs = aimak_file_absolute (path);
    g_autofree char *file_uri = g_filename_to_uri (abs, NULL, error);

    if (file_uri == NULL)
      return NULL;
    uri = g_strconcat (file_uri, "?immutable=1", NULL);
  }
  rc = sqlite3_open_v2 (uri, &pkg, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK || !_aimak_package_exec (pkg, "PRAGMA trusted_schema = OFF", NULL, NULL))
    {
      _aimak_package_damaged (error, pkg ? sqlite3_errmsg (pkg) : sqlite3_errstr (rc));
      sqlite3_close (pkg);
      return NULL;
    }
  format = pragma_text (pkg, "PRAGMA user_version");
  *format_out = format ? atoi (format) : 0;
  check = pragma_text (pkg, "PRAGMA quick_check");
  if (*format_out <= AIMAK_PACKAGE_FORMAT && g_strcmp0 (check, "ok") != 0)
    {
      _aimak_package_damaged (error, check ? check : _("the file cannot be read"));
      sqlite3_close (pkg);
      return NULL;
    }
  return pkg;
}

static AimakPackageManifest *
read_manifest (sqlite3  *pkg,
               GError  **error)
{
  g_autoptr(AimakPackageManifest) m = g_new0 (AimakPackageManifest, 1);
  g_autoptr(GHashTable) kv = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *st = _aimak_package_prepare (pkg, "SELECT key, value FROM manifest", NULL, NULL);
  const char *required[] = { "format", "origin_desk", "areas", "created_at", "checksum",
                             "count.priority", "count.activity", "count.indicator_value" };

  if (st == NULL)
    {
      _aimak_package_damaged (error, _("it has no manifest"));
      return NULL;
    }
  while (sqlite3_step (st) == SQLITE_ROW)
    g_hash_table_replace (kv, g_strdup ((const char *) sqlite3_column_text (st, 0)),
                          g_strdup ((const char *) sqlite3_column_text (st, 1)));
  sqlite3_finalize (st);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (g_hash_table_lookup (kv, required[i]) == NULL)
      {
        _aimak_package_damaged (error, _("its manifest is incomplete"));
        return NULL;
      }
  m->format = atoi (g_hash_table_lookup (kv, "format"));
  m->app_version = g_strdup (g_hash_table_lookup (kv, "app_version"));
  m->origin_desk = g_strdup (g_hash_table_lookup (kv, "origin_desk"));
  m->origin_desk_name = g_strdup (g_hash_table_lookup (kv, "origin_desk_name"));
  m->areas = g_strsplit (g_hash_table_lookup (kv, "areas"), ",", -1);
  m->created_at = g_strdup (g_hash_table_lookup (kv, "created_at"));
  m->checksum = g_strdup (g_hash_table_lookup (kv, "checksum"));
  m->n_priorities = atoi (g_hash_table_lookup (kv, "count.priority"));
  m->n_activities = atoi (g_hash_table_lookup (kv, "count.activity"));
  m->n_values = atoi (g_hash_table_lookup (kv, "count.indicator_value"));
  /* Absent in packages written before area changes travelled. */
  m->area_change_checksum = g_strdup (g_hash_table_lookup (kv, "area_change_checksum"));
  if (m->area_change_checksum != NULL)
    m->n_area_changes = atoi (g_hash_table_lookup (kv, "count.area_change")
                              ? g_hash_table_lookup (kv, "count.area_change") : "0");
  return g_steal_pointer (&m);
}

/* Opens and checks @path: the manifest and the records, whose checksum and
 * counts must match it. */
static AimakPackageManifest *
read_package (const char  *path,
              GPtrArray  **records_out,
              GPtrArray  **areas_out,
              GError     **error)
{
  g_autoptr(AimakPackageManifest) m = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *checksum = NULL;
  guint counts[4] = { 0 };
  int format = 0;
  sqlite3 *pkg = open_package (path, &format, error);

  if (pkg == NULL)
    return NULL;
  if (format > AIMAK_PACKAGE_FORMAT)
    {
      g_autofree char *version = pragma_text (pkg, "SELECT value FROM manifest "
                                                   "WHERE key = 'app_version'");

      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NEWER,
                   _("The package was written in package format %d by Aimak %s; this version "
                     "reads format %d. Update Aimak to receive it."),
                   format, version ? version : "?", AIMAK_PACKAGE_FORMAT);
      sqlite3_close (pkg);
      return NULL;
    }
  m = read_manifest (pkg, error);
  if (m == NULL || !_aimak_package_read_checksum (pkg, &checksum, &records, error) ||
      !_aimak_package_areas_read (pkg, m, areas_out, error))
    {
      sqlite3_close (pkg);
      return NULL;
    }
  sqlite3_close (pkg);
  if (g_strcmp0 (checksum, m->checksum) != 0)
    {
      _aimak_package_damaged (error, _("its checksum does not match its records"));
      return NULL;
    }
  for (guint i = 0; i < records->len; i++)
    {
      const AimakMergeRecord *r = g_ptr_array_index (records, i);
      const EntityDef *def = _aimak_package_entity (r->entity);

      counts[def ? (guint) (def - aimak_package_entities) : 3]++;
    }
  if (counts[0] != m->n_priorities || counts[1] != m->n_activities || counts[2] != m->n_values)
    {
      _aimak_package_damaged (error, _("its record counts do not match its manifest"));
      return NULL;
    }
  *records_out = g_steal_pointer (&records);
  return g_steal_pointer (&m);
}

/* ---- Storing one record ---- */

static gboolean
check_field_names (const EntityDef         *def,
                   GPtrArray               *columns,
                   const AimakMergeRecord  *r,
                   GError                 **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, r->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean known = g_ptr_array_find_with_equal_func (columns, key, g_str_equal, NULL);

      for (const ChildDef *c = def->children; !known && c->name != NULL; c++)
        known = g_str_equal (c->name, key);
      if (!known)
        {
          g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NEWER,
                       _("It has a field “%s” that this version of Aimak does not know."),
                       (const char *) key);
          return FALSE;
        }
    }
  return TRUE;
}

/* Writes the row of @r: an update with revision -1, or an insert with it, so
 * that the revision triggers stay out of the way; the real revision is set
 * last by store_record(). */
static gboolean
store_row (AimakDb                 *db,
           const EntityDef         *def,
           GPtrArray               *columns,
           const AimakMergeRecord  *r,
           gboolean                 exists,
           const char              *deleted_at,
           GError                 **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *now = aimak_db_now ();
  const char *changed_at = r->changed_at ? r->changed_at : now;

  g_ptr_array_add (values, r->uuid);
  for (guint i = 0; i < columns->len; i++)
    g_ptr_array_add (values, (gpointer) aimak_merge_record_get (r, columns->pdata[i]));
  g_ptr_array_add (values, r->area_code);
  g_ptr_array_add (values, (gpointer) changed_at);
  g_ptr_array_add (values, r->deleted ? (gpointer) (deleted_at ? deleted_at : changed_at) : NULL);
  g_ptr_array_add (values, r->origin ? r->origin : "");
  if (exists)
    {
      g_string_printf (sql, "UPDATE \"%s\" SET ", def->table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "\"%s\" = ?%u, ", (char *) columns->pdata[i], i + 2);
      g_string_append_printf (sql, "area_code = ?%u, updated_at = ?%u, deleted_at = ?%u, "
                              "origin_desk = ?%u, revision = -1 WHERE \"%s\" = ?1",
                              columns->len + 2, columns->len + 3, columns->len + 4,
                              columns->len + 5, def->id_column);
    }
  else
    {
      g_string_printf (sql, "INSERT INTO \"%s\" (\"%s\"", def->table, def->id_column);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", \"%s\"", (char *) columns->pdata[i]);
      g_string_append (sql, ", area_code, updated_at, deleted_at, origin_desk, revision) VALUES (?1");
      for (guint i = 0; i < columns->len + 4; i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append (sql, ", -1)");
    }
  return _aimak_package_exec (aimak_db_get_handle (db), sql->str, values, error);
}

gboolean
_aimak_package_store_record (AimakDb                 *db,
                             const EntityDef         *def,
                             GPtrArray               *columns,
                             const AimakMergeRecord  *r,
                             const char              *deleted_at,
                             GError                 **error)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?",
                                                def->table, def->id_column);
  g_autofree char *final_sql = g_strdup_printf ("UPDATE \"%s\" SET revision = ?, "
                                                "base_revision = ?, changed_by_desk = ? "
                                                "WHERE \"%s\" = ?", def->table, def->id_column);
  gint64 exists;

  if (!check_field_names (def, columns, r, error) ||
      !aimak_db_query_count (db, &exists, error, count_sql, "t", r->uuid))
    return FALSE;
  if (!store_row (db, def, columns, r, exists > 0, deleted_at, error))
    return FALSE;
  for (const ChildDef *c = def->children; c->name != NULL; c++)
    {
      const char *json = aimak_merge_record_get (r, c->name);

      if (!aimak_db_exec (db, error, c->delete_sql, "t", r->uuid) ||
          !aimak_db_exec (db, error, c->insert_sql, "tt", r->uuid, json ? json : "[]"))
        return FALSE;
    }
  return aimak_db_exec (db, error, final_sql, "IItt", r->revision, r->base, r->changed_by,
                        r->uuid);
}

/* ---- Preview and apply ---- */

typedef struct
{
  GPtrArray *records;
  GPtrArray *items;
  GPtrArray *columns[3];
  GPtrArray *areas;
} PreviewJob;

static char *
reject_reason (AimakDb                *db,
               const EntityDef        *def,
               const AimakMergeRecord *r)
{
  if (def == NULL)
    return g_strdup_printf (_("A record of an unknown kind “%s”: the package is from a newer "
                              "version of Aimak."), r->entity);
  if (aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?", "t",
                          r->area_code) == 0)
    return g_strdup_printf (_("Unknown area “%s”."), r->area_code);
  return NULL;
}

/* Stores what applying @item would store, inside a savepoint kept until the
 * whole preview is rolled back, so that a later record may depend on it; a
 * failure makes the item Rejected with the database's reason. */
static void
try_item (AimakDb         *db,
          const EntityDef *def,
          GPtrArray       *columns,
          AimakMergeItem  *item)
{
  g_autoptr(GError) error = NULL;
  const AimakMergeRecord *r = item->theirs;

  if (!aimak_db_begin (db, &error))
    return;
  if (_aimak_package_store_record (db, def, columns, r, NULL, &error))
    {
      aimak_db_commit (db, NULL);
      return;
    }
  aimak_db_rollback (db);
  item->kind = AIMAK_MERGE_REJECTED;
  g_ptr_array_set_size (item->fields, 0);
  g_free (item->reason);
  item->reason = g_strdup_printf (_("It cannot be stored here: %s"), error->message);
}

static gboolean
preview_work (AimakDb   *db,
              gpointer   user_data,
              GError   **error)
{
  PreviewJob *job = user_data;

  /* The area changes first, as applying does: a record in an area they
   * create is then not Rejected. */
  if (!aimak_area_change_batches_receive (db, job->areas, 0, FALSE, error))
    return FALSE;
  for (guint i = 0; i < job->records->len; i++)
    {
      const AimakMergeRecord *theirs = g_ptr_array_index (job->records, i);
      const EntityDef *def = _aimak_package_entity (theirs->entity);
      guint e = def ? (guint) (def - aimak_package_entities) : 0;
      g_autofree char *reason = reject_reason (db, def, theirs);
      g_autoptr(AimakMergeRecord) mine = NULL;
      AimakMergeItem *item;

      if (def != NULL && reason == NULL)
        {
          if (job->columns[e] == NULL)
            job->columns[e] = _aimak_package_field_columns (db, def, error);
          if (job->columns[e] == NULL)
            return FALSE;
          mine = _aimak_package_load_record (db, def, job->columns[e], theirs->uuid, error);
          if (mine == NULL && error != NULL && *error != NULL)
            return FALSE;
        }
      item = aimak_merge_classify (mine, theirs, reason);
      if (item->kind != AIMAK_MERGE_UNCHANGED && item->kind != AIMAK_MERGE_REJECTED)
        try_item (db, def, job->columns[e], item);
      g_ptr_array_add (job->items, item);
    }
  /* A preview writes nothing: fail on purpose so that everything rolls back. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "preview");
  return FALSE;
}

AimakPackagePreview *
aimak_package_preview (AimakDb     *db,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(AimakPackagePreview) preview = g_new0 (AimakPackagePreview, 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;
  PreviewJob job = { NULL, NULL, { NULL }, NULL };

  g_return_val_if_fail (db != NULL && path != NULL, NULL);
  preview->manifest = read_package (path, &records, &preview->area_changes, error);
  if (preview->manifest == NULL)
    return NULL;
  preview->items = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_item_free);
  job.records = records;
  job.items = preview->items;
  job.areas = preview->area_changes;
  aimak_db_run_in_transaction (db, preview_work, &job, &local_error);
  for (guint e = 0; e < G_N_ELEMENTS (job.columns); e++)
    g_clear_pointer (&job.columns[e], g_ptr_array_unref);
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < preview->items->len; i++)
    preview->counts[((AimakMergeItem *) preview->items->pdata[i])->kind]++;
  return g_steal_pointer (&preview);
}

typedef struct
{
  AimakPackagePreview *preview;
  guint                written;
  gint64               receipt_id;
} ApplyJob;

static gboolean
apply_work (AimakDb   *db,
            gpointer   user_data,
            GError   **error)
{
  ApplyJob *job = user_data;
  g_autofree char *summary = NULL;
  g_autofree char *receipt = NULL;

  if (!_aimak_package_receipt_begin (db, job->preview, &job->receipt_id, error) ||
      !aimak_area_change_batches_receive (db, job->preview->area_changes, job->receipt_id,
                                          FALSE, error))
    return FALSE;
  for (guint i = 0; i < job->preview->items->len; i++)
    {
      const AimakMergeItem *item = g_ptr_array_index (job->preview->items, i);
      g_autoptr(AimakMergeRecord) result = aimak_merge_item_result (item);
      const EntityDef *def;
      g_autoptr(GPtrArray) columns = NULL;
      g_autoptr(AimakMergeRecord) before = NULL;
      GError *local_error = NULL;

      if (result == NULL)
        continue;
      def = _aimak_package_entity (result->entity);
      columns = _aimak_package_field_columns (db, def, error);
      if (columns == NULL)
        return FALSE;
      /* The record as it is now, inside this transaction: its before-image. */
      before = _aimak_package_load_record (db, def, columns, result->uuid, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (!_aimak_package_receipt_before (db, job->receipt_id, def, before, result, error) ||
          !_aimak_package_store_record (db, def, columns, result, NULL, error))
        return FALSE;
      job->written++;
    }
  /* One entry in the history for the whole package. */
  summary = g_strdup_printf ("%u", job->written);
  receipt = g_strdup_printf ("%" G_GINT64_FORMAT, job->receipt_id);
  return aimak_db_log_change (db, "package", job->preview->manifest->origin_desk, "receive",
                              "records", receipt, summary, error);
}

gboolean
aimak_package_apply (AimakDb              *db,
                     AimakPackagePreview  *preview,
                     gboolean              conflicts_decided,
                     guint                *n_written,
                     GError              **error)
{
  return aimak_package_apply_full (db, preview, conflicts_decided, n_written, NULL, error);
}

gboolean
aimak_package_apply_full (AimakDb              *db,
                          AimakPackagePreview  *preview,
                          gboolean              conflicts_decided,
                          guint                *n_written,
                          gint64               *receipt_id,
                          GError              **error)
{
  ApplyJob job = { preview, 0, 0 };

  g_return_val_if_fail (db != NULL && preview != NULL, FALSE);
  if (!conflicts_decided && preview->counts[AIMAK_MERGE_CONFLICT] > 0)
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_CONFLICTS,
                   g_dngettext (GETTEXT_PACKAGE, "%u record was changed both here and there; "
                                "choose which to keep.",
                                "%u records were changed both here and there; choose which "
                                "to keep.", preview->counts[AIMAK_MERGE_CONFLICT]),
                   preview->counts[AIMAK_MERGE_CONFLICT]);
      return FALSE;
    }
  if (!aimak_db_run_in_transaction (db, apply_work, &job, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = job.written;
  if (receipt_id != NULL)
    *receipt_id = job.receipt_id;
  return TRUE;
}
