/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync.c — pushing and pulling records between a desk's database and
 * the office server (aimak-sync.h), through the merge engine that exchange
 * packages use (aimak-merge.h) and the same way of reading and storing a
 * record (aimak-package-private.h).
 *
 * Every batch is one transaction on the server and, after the server
 * committed, one in the local database; the local one is the only place where
 * the bookkeeping (base revisions, the pulled position) moves. So a cut after
 * the server committed and before the local commit leaves the server ahead:
 * the next push finds the server already holding this desk's revision with
 * the same fields (Unchanged) and only moves the base, and the next pull
 * finds records it already has (Unchanged).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-db-private.h"
#include "aimak-json.h"
#include "aimak-package-private.h"
#include "aimak-server-private.h"
#include "aimak-sync-areas-private.h"
#include "aimak-sync.h"

/* Records per transaction. */
#define BATCH 500

typedef struct
{
  AimakDb                 *db;
  PGconn                  *conn;
  const AimakServerConfig *config;
  gboolean                 dry_run;
  GCancellable            *cancellable;
  AimakSyncResult         *result;
  GHashTable              *conflicts;   /* uuid → TRUE, so a record is reported once */
  GPtrArray               *columns[3];  /* field columns per entity */
  char                    *areas_json;  /* the configured areas as a JSON array */
} Sync;

void
aimak_sync_result_free (AimakSyncResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_clear_pointer (&result->rejected, g_ptr_array_unref);
  g_clear_pointer (&result->area_changes, g_ptr_array_unref);
  g_free (result->synced_at);
  g_strfreev (result->not_sent_areas);
  g_free (result);
}

static AimakSyncResult *
result_new (gboolean dry_run)
{
  AimakSyncResult *result = g_new0 (AimakSyncResult, 1);

  result->dry_run = dry_run;
  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_item_free);
  result->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_item_free);
  return result;
}

static GPtrArray *
sync_columns (Sync             *s,
              const EntityDef  *def,
              GError          **error)
{
  guint e = (guint) (def - aimak_package_entities);

  if (s->columns[e] == NULL)
    s->columns[e] = _aimak_package_field_columns (s->db, def, error);
  return s->columns[e];
}

static void
add_item (Sync           *s,
          AimakMergeItem *item)
{
  const AimakMergeRecord *r = item->theirs ? item->theirs : item->mine;

  if (item->kind == AIMAK_MERGE_CONFLICT)
    {
      if (g_hash_table_contains (s->conflicts, r->uuid))
        {
          aimak_merge_item_free (item);
          return;
        }
      g_hash_table_add (s->conflicts, g_strdup (r->uuid));
      g_ptr_array_add (s->result->conflicts, item);
    }
  else
    g_ptr_array_add (s->result->rejected, item);
}

/* ---- Server rows as records ---- */

#define RECORD_COLUMNS "entity, uuid, area_code, revision, deleted, origin_desk, " \
                       "changed_by_desk, changed_at, fields::text, seq"

/* The record of row @i of a result of RECORD_COLUMNS, or NULL when damaged. */
static AimakMergeRecord *
record_from_result (const PGresult *res,
                    int             i)
{
  g_autoptr(AimakMergeRecord) r =
    aimak_merge_record_new (PQgetvalue (res, i, 0), PQgetvalue (res, i, 1),
                            PQgetvalue (res, i, 2),
                            g_ascii_strtoll (PQgetvalue (res, i, 3), NULL, 10));

  r->deleted = g_strcmp0 (PQgetvalue (res, i, 4), "t") == 0;
  r->origin = g_strdup (PQgetvalue (res, i, 5));
  r->changed_by = g_strdup (PQgetvalue (res, i, 6));
  r->changed_at = g_strdup (PQgetvalue (res, i, 7));
  if (!_aimak_package_record_set_fields (r, PQgetvalue (res, i, 8)))
    return NULL;
  return g_steal_pointer (&r);
}

/* The server's record @uuid as this desk may read it, or NULL (no error)
 * when there is none. */
static AimakMergeRecord *
server_record (Sync        *s,
               const char  *uuid,
               GError     **error)
{
  const char *values[] = { uuid };
  g_autoptr(PGresult) res = _aimak_server_exec (s->conn, error, "SELECT " RECORD_COLUMNS
                                                " FROM aimak.record WHERE uuid = $1", 1, values);

  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return record_from_result (res, 0);
}

/* ---- Local bookkeeping ---- */

static gboolean
set_state (AimakDb     *db,
           const char  *key,
           const char  *value,
           GError     **error)
{
  return aimak_db_exec (db, error, "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "tt", key, value);
}

/* After the server holds @revision of record @uuid: that is the new base.
 * With @settle (the server had the same fields already), the local revision
 * becomes the server's too, unless the record was edited again meanwhile. */
static gboolean
set_base (AimakDb          *db,
          const EntityDef  *def,
          const char       *uuid,
          gint64            loaded_revision,
          gint64            revision,
          gboolean          settle,
          GError          **error)
{
  g_autofree char *sql = NULL;

  if (settle)
    {
      sql = g_strdup_printf ("UPDATE \"%s\" SET revision = ?, base_revision = ? "
                             "WHERE \"%s\" = ? AND revision = ?", def->table, def->id_column);
      return aimak_db_exec (db, error, sql, "IItI", MAX (revision, loaded_revision), revision,
                            uuid, loaded_revision);
    }
  sql = g_strdup_printf ("UPDATE \"%s\" SET base_revision = ? WHERE \"%s\" = ?", def->table,
                         def->id_column);
  return aimak_db_exec (db, error, sql, "It", revision, uuid);
}

/* ---- Push ---- */

typedef struct
{
  const EntityDef *def;
  GPtrArray       *mine;     /* AimakMergeRecord *: this batch */
  GPtrArray       *done;     /* AimakMergeRecord *: the server holds them (revision = server's) */
  GArray          *settled;  /* gboolean per done: the server had the same fields already */
  GArray          *loaded;   /* gint64 per done: the local revision when loaded */
} PushBatch;

/* Writes @r to the server when its copy is still this desk's base. */
static gboolean
push_one (Sync                    *s,
          PushBatch               *batch,
          const AimakMergeRecord  *r,
          GError                 **error)
{
  g_autofree char *rev = g_strdup_printf ("%" G_GINT64_FORMAT, r->revision);
  g_autofree char *base = g_strdup_printf ("%" G_GINT64_FORMAT, r->base);
  g_autofree char *fields = _aimak_package_fields_json (r);
  g_autofree char *now = aimak_db_now ();
  const char *values[] = { r->uuid, r->entity, r->area_code, rev, r->origin ? r->origin : "",
                           r->changed_by ? r->changed_by : "", r->changed_at ? r->changed_at : now,
                           r->deleted ? "true" : "false", fields, base };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(AimakMergeRecord) theirs = NULL;
  AimakMergeItem *item;
  GError *local_error = NULL;
  gboolean settled;

  res = _aimak_server_exec (s->conn, error,
                            "INSERT INTO aimak.record AS r (uuid, entity, area_code, revision, "
                            "origin_desk, changed_by_desk, changed_at, deleted, fields) "
                            "VALUES ($1, $2, $3, $4::bigint, $5, $6, $7, $8::boolean, $9::jsonb) "
                            "ON CONFLICT (uuid) DO UPDATE SET area_code = excluded.area_code, "
                            "revision = excluded.revision, changed_by_desk = "
                            "excluded.changed_by_desk, changed_at = excluded.changed_at, "
                            "deleted = excluded.deleted, fields = excluded.fields "
                            "WHERE r.revision = $10::bigint AND r.entity = excluded.entity "
                            "RETURNING revision", 10, values);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1)
    {
      settled = FALSE;
      g_ptr_array_add (batch->done, aimak_merge_record_copy (r));
      g_array_append_val (batch->settled, settled);
      g_array_append_val (batch->loaded, r->revision);
      return TRUE;
    }
  /* The server's copy changed since this desk's base: the merge engine says
   * whether it is the same as mine (a push that was cut) or a conflict. */
  theirs = server_record (s, r->uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (theirs == NULL)
    {
      add_item (s, aimak_merge_classify (NULL, r, _("The server holds this record in an area "
                                                     "this desk may not read.")));
      return TRUE;
    }
  item = aimak_merge_classify (r, theirs, NULL);
  if (item->kind == AIMAK_MERGE_UNCHANGED)
    {
      settled = TRUE;
      g_ptr_array_add (batch->done, aimak_merge_record_copy (theirs));
      g_array_append_val (batch->settled, settled);
      g_array_append_val (batch->loaded, r->revision);
      aimak_merge_item_free (item);
      return TRUE;
    }
  if (item->kind == AIMAK_MERGE_UPDATED)
    item->kind = AIMAK_MERGE_CONFLICT;
  add_item (s, item);
  return TRUE;
}

static gboolean
push_local_work (AimakDb   *db,
                 gpointer   user_data,
                 GError   **error)
{
  PushBatch *batch = user_data;

  for (guint i = 0; i < batch->done->len; i++)
    {
      const AimakMergeRecord *r = g_ptr_array_index (batch->done, i);

      if (!set_base (db, batch->def, r->uuid, g_array_index (batch->loaded, gint64, i),
                     r->revision, g_array_index (batch->settled, gboolean, i), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
push_batch (Sync       *s,
            PushBatch  *batch,
            GError    **error)
{
  guint pushed = 0;

  if (!_aimak_server_exec_simple (s->conn, "BEGIN", error))
    return FALSE;
  for (guint i = 0; i < batch->mine->len; i++)
    if (!push_one (s, batch, g_ptr_array_index (batch->mine, i), error))
      {
        PQclear (PQexec (s->conn, "ROLLBACK"));
        return FALSE;
      }
  for (guint i = 0; i < batch->done->len; i++)
    if (!g_array_index (batch->settled, gboolean, i))
      pushed++;
  s->result->pushed += pushed;
  if (s->dry_run)
    return _aimak_server_exec_simple (s->conn, "ROLLBACK", error);
  if (!_aimak_server_exec_simple (s->conn, "COMMIT", error))
    return FALSE;
  return aimak_db_run_in_transaction (s->db, push_local_work, batch, error);
}

/* Pushes every changed record of @def in the configured areas. */
static gboolean
push_entity (Sync             *s,
             const EntityDef  *def,
             GError          **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE revision > "
                                          "base_revision AND area_code IN (SELECT value FROM "
                                          "json_each (?))%s ORDER BY \"%s\"", def->id_column,
                                          def->table, def->where, def->id_column);
  GPtrArray *columns = sync_columns (s, def, error);

  if (columns == NULL ||
      !aimak_db_foreach (s->db, error, aimak_db_row_add_text, uuids, sql, "t", s->areas_json))
    return FALSE;
  for (guint start = 0; start < uuids->len; start += BATCH)
    {
      g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_record_free);
      g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_merge_record_free);
      g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (gboolean));
      g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (gint64));
      PushBatch batch = { def, mine, done, settled, loaded };

      if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
        return FALSE;
      for (guint i = start; i < MIN (uuids->len, start + BATCH); i++)
        {
          AimakMergeRecord *r = _aimak_package_load_record (s->db, def, columns,
                                                            uuids->pdata[i], error);

          if (r == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (r != NULL)
            g_ptr_array_add (mine, r);
        }
      if (!push_batch (s, &batch, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Pull ---- */

typedef struct
{
  Sync      *s;
  PGresult  *res;
  gint64     position;  /* the seq of the batch's last row */
} PullBatch;

/* Writes @theirs here as the server has it, in a savepoint: a record that
 * cannot be stored (a code unknown here) becomes Rejected with the reason. */
static gboolean
store_pulled (Sync            *s,
              const EntityDef *def,
              AimakMergeItem  *item,
              GError         **error)
{
  g_autoptr(AimakMergeRecord) r = aimak_merge_record_copy (item->theirs);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *columns = sync_columns (s, def, error);

  if (columns == NULL || !aimak_db_begin (s->db, error))
    {
      aimak_merge_item_free (item);
      return FALSE;
    }
  r->base = r->revision;
  if (_aimak_package_store_record (s->db, def, columns, r, NULL, &local_error))
    {
      s->result->pulled++;
      aimak_merge_item_free (item);
      return aimak_db_commit (s->db, error);
    }
  aimak_db_rollback (s->db);
  item->kind = AIMAK_MERGE_REJECTED;
  g_ptr_array_set_size (item->fields, 0);
  g_free (item->reason);
  item->reason = g_strdup_printf (_("It cannot be stored here: %s"), local_error->message);
  add_item (s, item);
  return TRUE;
}

static gboolean
pull_one (Sync                    *s,
          const AimakMergeRecord  *theirs,
          GError                 **error)
{
  const EntityDef *def = _aimak_package_entity (theirs->entity);
  g_autoptr(AimakMergeRecord) mine = NULL;
  g_autofree char *reason = NULL;
  AimakMergeItem *item;

  if (def == NULL)
    reason = g_strdup_printf (_("A record of an unknown kind “%s”: the server holds data of a "
                                "newer version of Aimak."), theirs->entity);
  else if (aimak_db_query_int (s->db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?", "t",
                               theirs->area_code) == 0)
    reason = g_strdup_printf (_("Unknown area “%s”."), theirs->area_code);
  if (reason == NULL)
    {
      GPtrArray *columns = sync_columns (s, def, error);

      if (columns == NULL)
        return FALSE;
      mine = _aimak_package_load_record (s->db, def, columns, theirs->uuid, error);
      if (mine == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  item = aimak_merge_classify (mine, theirs, reason);
  switch (item->kind)
    {
    case AIMAK_MERGE_NEW:
    case AIMAK_MERGE_UPDATED:
      return store_pulled (s, def, item, error);
    case AIMAK_MERGE_UNCHANGED:
      s->result->unchanged++;
      aimak_merge_item_free (item);
      /* The same fields with a newer revision (a push of mine whose local end
       * was cut, or the same edit on both sides): that revision is the base. */
      if (theirs->revision > mine->base && aimak_merge_record_same (mine, theirs))
        return set_base (s->db, def, mine->uuid, mine->revision, theirs->revision, TRUE, error);
      return TRUE;
    default:
      add_item (s, item);
      return TRUE;
    }
}

static gboolean
pull_local_work (AimakDb   *db,
                 gpointer   user_data,
                 GError   **error)
{
  PullBatch *batch = user_data;
  g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT, batch->position);

  for (int i = 0; i < PQntuples (batch->res); i++)
    {
      g_autoptr(AimakMergeRecord) theirs = record_from_result (batch->res, i);

      if (theirs == NULL)
        {
          g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_FAILED,
                       _("The server sent a record that cannot be read (%s)."),
                       PQgetvalue (batch->res, i, 1));
          return FALSE;
        }
      if (!pull_one (batch->s, theirs, error))
        return FALSE;
    }
  if (batch->s->dry_run)
    {
      /* A dry run writes nothing: fail on purpose so that it all rolls back. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dry run");
      return FALSE;
    }
  return set_state (db, "pulled_seq", position, error);
}

static gboolean
pull (Sync     *s,
      gint64    position,
      GError  **error)
{
  for (;;)
    {
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, position);
      g_autofree char *limit = g_strdup_printf ("%d", BATCH);
      const char *values[] = { after, limit };
      g_autoptr(PGresult) res = NULL;
      g_autoptr(GError) local_error = NULL;
      PullBatch batch = { s, NULL, position };
      int n;

      if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
        return FALSE;
      res = _aimak_server_exec (s->conn, error, "SELECT " RECORD_COLUMNS " FROM aimak.record "
                                "WHERE seq > $1::bigint ORDER BY seq LIMIT $2::integer",
                                2, values);
      if (res == NULL)
        return FALSE;
      n = PQntuples (res);
      if (n == 0)
        return TRUE;
      batch.res = res;
      batch.position = g_ascii_strtoll (PQgetvalue (res, n - 1, 9), NULL, 10);
      if (!aimak_db_run_in_transaction (s->db, pull_local_work, &batch, &local_error) &&
          !(s->dry_run && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      position = batch.position;
      if (n < BATCH)
        return TRUE;
    }
}

/* The position to pull from: 0 when this desk last synced with another
 * server (or never). */
static gint64
start_position (Sync    *s,
                GError **error)
{
  g_autoptr(PGresult) res = _aimak_server_exec (s->conn, error, "SELECT value FROM aimak.meta "
                                                "WHERE key = 'server_id'", 0, NULL);
  g_autofree char *known = NULL;
  g_autofree char *seq = NULL;
  const char *server_id;

  if (res == NULL)
    return -1;
  server_id = PQntuples (res) > 0 ? PQgetvalue (res, 0, 0) : "";
  known = aimak_db_query_text (s->db, NULL, "SELECT value FROM sync_state "
                               "WHERE key = 'server_id'", NULL);
  if (g_strcmp0 (known, server_id) != 0)
    {
      if (!s->dry_run && (!set_state (s->db, "server_id", server_id, error) ||
                          !set_state (s->db, "pulled_seq", "0", error)))
        return -1;
      return 0;
    }
  seq = aimak_db_query_text (s->db, NULL, "SELECT value FROM sync_state "
                             "WHERE key = 'pulled_seq'", NULL);
  return seq ? g_ascii_strtoll (seq, NULL, 10) : 0;
}

/* ---- Running a sync ---- */

gboolean
aimak_sync_run (AimakDb                 *db,
                const AimakServerConfig *config,
                const char              *password,
                gboolean                 dry_run,
                GCancellable            *cancellable,
                AimakSyncResult        **result_out,
                GError                 **error)
{
  g_autoptr(AimakSyncResult) result = result_new (dry_run);
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GHashTable) conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *json = aimak_json_string_array (config ? (const char * const *) config->areas
                                                          : NULL, -1);
  Sync s = { db, NULL, config, dry_run, cancellable, result, conflicts, { NULL }, json };
  gboolean ok = FALSE;
  gint64 position;

  g_return_val_if_fail (db != NULL && config != NULL, FALSE);
  if (!dry_run && aimak_db_is_read_only (db))
    {
      g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                           _("The database is open read-only; it cannot be synced."));
      return FALSE;
    }
  conn = _aimak_server_open_desk (config, password, NULL, cancellable, error);
  if (conn == NULL)
    return FALSE;
  s.conn = conn;
  /* The list of areas first: records may be in an area a change created. */
  if (!_aimak_sync_pull_areas (db, conn, dry_run, &result->area_changes, error))
    goto out;
  for (guint e = 0; aimak_package_entities[e].entity != NULL; e++)
    if (!push_entity (&s, &aimak_package_entities[e], error))
      goto out;
  /* What the push left behind: changes to areas this desk may only read. */
  {
    gint64 n = aimak_server_read_only_changes (db, config, &result->not_sent_areas, error);

    if (n < 0)
      goto out;
    result->not_sent = (guint) n;
  }
  position = start_position (&s, error);
  if (position < 0 || !pull (&s, position, error))
    goto out;
  if (!dry_run)
    {
      result->synced_at = aimak_db_now ();
      if (!set_state (db, "last_synced_at", result->synced_at, error))
        goto out;
    }
  ok = TRUE;
out:
  for (guint e = 0; e < G_N_ELEMENTS (s.columns); e++)
    g_clear_pointer (&s.columns[e], g_ptr_array_unref);
  if (ok && result_out != NULL)
    *result_out = g_steal_pointer (&result);
  return ok;
}
