/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-areas.c — publishing change lists of areas on the office server
 * and pulling them into a desk's database (aimak-sync-areas.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-sync-areas-private.h"

typedef struct
{
  GPtrArray *batches;
  gboolean   from_server;
  gboolean   dry_run;
} Receive;

static gboolean
receive_work (AimakDb  *db,
              gpointer  user_data,
              GError  **error)
{
  Receive *r = user_data;

  if (!aimak_area_change_batches_receive (db, r->batches, 0, r->from_server, error))
    return FALSE;
  if (r->dry_run)
    {
      /* Fail on purpose: everything rolls back. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dry run");
      return FALSE;
    }
  return TRUE;
}

/* Receives @batches, for real or (@dry_run) only to classify them. */
static gboolean
receive (AimakDb    *db,
         GPtrArray  *batches,
         gboolean    from_server,
         gboolean    dry_run,
         GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  Receive r = { batches, from_server, dry_run };

  if (aimak_db_run_in_transaction (db, receive_work, &r, &local_error))
    return TRUE;
  if (dry_run && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Every change list published on the server, in the order it was published. */
static GPtrArray *
fetch_published (PGconn  *conn,
                 GError **error)
{
  g_autoptr(GPtrArray) batches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_change_batch_free);
  g_autoptr(PGresult) res =
    _aimak_server_exec (conn, error, "SELECT uuid::text, list_name, to_char (published_at AT "
                        "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), rows::text "
                        "FROM aimak.area_change_batch ORDER BY seq", 0, NULL);

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      AimakAreaChangeBatch *b =
        aimak_area_change_batch_new_from_json (PQgetvalue (res, i, 0), PQgetvalue (res, i, 1),
                                               PQgetvalue (res, i, 2), PQgetvalue (res, i, 3),
                                               error);

      if (b == NULL)
        return NULL;
      g_ptr_array_add (batches, b);
    }
  return g_steal_pointer (&batches);
}

gboolean
aimak_server_publish_area_changes (const AimakServerConfig  *config,
                                   const char               *password,
                                   AimakDb                  *db,
                                   AimakAreaChangeList      *list,
                                   char                    **uuid_out,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *rows = NULL;
  AimakAreaChangeBatch *batch;
  const char *values[3];

  g_return_val_if_fail (config != NULL && db != NULL && list != NULL, FALSE);
  if (list->rows->len == 0)
    {
      g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                           _("The change list has no changes."));
      return FALSE;
    }
  conn = _aimak_server_connect (config, password, cancellable, error);
  if (conn == NULL || !_aimak_server_check_schema (conn, error) ||
      (batches = fetch_published (conn, error)) == NULL)
    return FALSE;
  /* Checked as every desk will apply it: after the lists published before. */
  batch = aimak_area_change_batch_new (uuid, list->source_name, NULL, list->rows);
  g_ptr_array_add (batches, batch);
  if (!receive (db, batches, TRUE, TRUE, error))
    return FALSE;
  if (batch->status == AIMAK_AREA_BATCH_REFUSED)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   _("The change list was not published: %s"), batch->reason);
      return FALSE;
    }
  rows = aimak_area_change_batch_rows_json (batch);
  values[0] = uuid;
  values[1] = batch->list_name;
  values[2] = rows;
  res = _aimak_server_exec (conn, error, "SELECT aimak.publish_area_changes ($1::uuid, $2, "
                            "$3::jsonb)", 3, values);
  if (res == NULL)
    return FALSE;
  if (uuid_out != NULL)
    *uuid_out = g_steal_pointer (&uuid);
  return TRUE;
}

gboolean
_aimak_sync_pull_areas (AimakDb     *db,
                        PGconn      *conn,
                        gboolean     dry_run,
                        GPtrArray  **batches_out,
                        GError     **error)
{
  g_autoptr(GPtrArray) batches = fetch_published (conn, error);

  if (batches == NULL)
    return FALSE;
  /* A read-only database cannot even try them (a dry run of one is allowed). */
  if (aimak_db_is_read_only (db))
    g_ptr_array_set_size (batches, 0);
  if (batches->len > 0 && !receive (db, batches, TRUE, dry_run, error))
    return FALSE;
  *batches_out = g_steal_pointer (&batches);
  return TRUE;
}
