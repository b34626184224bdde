/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-state.c — what surrounds a sync (aimak-sync.h): the changes
 * waiting, the last sync time, storing decided conflicts, and running a sync
 * in a worker thread on its own connection.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-db-job.h"
#include "aimak-db-private.h"
#include "aimak-json.h"
#include "aimak-package-private.h"
#include "aimak-sync.h"
#include "aimak-task.h"

gint64
aimak_sync_pending_count (AimakDb  *db,
                          GError  **error)
{
  g_autoptr(AimakServerConfig) config = aimak_server_config_load (db, error);
  g_autofree char *areas = NULL;
  gint64 total = 0;

  if (config == NULL)
    return -1;
  if (config->host == NULL || config->areas == NULL || config->areas[0] == NULL)
    return 0;
  areas = aimak_json_string_array ((const char * const *) config->areas, -1);
  for (guint e = 0; aimak_package_entities[e].entity != NULL; e++)
    {
      const EntityDef *def = &aimak_package_entities[e];
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE revision > "
                                              "base_revision AND area_code IN (SELECT value "
                                              "FROM json_each (?))%s", def->table, def->where);
      gint64 n;

      if (!aimak_db_query_count (db, &n, error, sql, "t", areas))
        return -1;
      total += n;
    }
  return total;
}

GDateTime *
aimak_sync_last_synced (AimakDb *db)
{
  g_autofree char *when = aimak_db_query_text (db, NULL, "SELECT value FROM sync_state "
                                               "WHERE key = 'last_synced_at'", NULL);

  return when ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
}

/* ---- Decided conflicts ---- */

static gboolean
decide_work (AimakDb   *db,
             gpointer   user_data,
             GError   **error)
{
  GPtrArray *items = user_data;
  guint written = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const AimakMergeItem *item = g_ptr_array_index (items, i);
      g_autoptr(AimakMergeRecord) result = NULL;
      g_autoptr(GPtrArray) columns = NULL;
      const EntityDef *def;

      if (item->kind != AIMAK_MERGE_CONFLICT)
        continue;
      result = aimak_merge_item_result (item);
      def = result ? _aimak_package_entity (result->entity) : NULL;
      if (def == NULL)
        continue;
      columns = _aimak_package_field_columns (db, def, error);
      if (columns == NULL || !_aimak_package_store_record (db, def, columns, result, NULL, error))
        return FALSE;
      written++;
    }
  summary = g_strdup_printf ("%u", written);
  return aimak_db_log_change (db, "sync", "server", "resolve", "records", NULL, summary, error);
}

gboolean
aimak_sync_apply_decisions (AimakDb                 *db,
                            const AimakServerConfig *config,
                            const char              *password,
                            GPtrArray               *items,
                            GCancellable            *cancellable,
                            AimakSyncResult        **result_out,
                            GError                 **error)
{
  g_return_val_if_fail (db != NULL && items != NULL, FALSE);
  if (!aimak_db_run_in_transaction (db, decide_work, items, error))
    return FALSE;
  return aimak_sync_run (db, config, password, FALSE, cancellable, result_out, error);
}

/* ---- In a worker thread ---- */

typedef struct
{
  AimakServerConfig *config;
  char              *password;
  gboolean           dry_run;
  GPtrArray         *decided;     /* NULL for a plain sync */
} RunData;

static void
run_data_free (RunData *data)
{
  aimak_server_config_free (data->config);
  aimak_server_password_free (data->password);
  g_clear_pointer (&data->decided, g_ptr_array_unref);
  g_free (data);
}

static gboolean
run_work (AimakDb       *db,
          gpointer       task_data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  RunData *data = task_data;

  if (data->decided != NULL)
    return aimak_sync_apply_decisions (db, data->config, data->password, data->decided,
                                       cancellable, (AimakSyncResult **) result, error);
  return aimak_sync_run (db, data->config, data->password, data->dry_run,
                         cancellable, (AimakSyncResult **) result, error);
}

static void
run_in_thread (GTask                   *task,
               AimakDb                 *db,
               const AimakServerConfig *config,
               const char              *password,
               gboolean                 dry_run,
               GPtrArray               *decided)
{
  RunData *data = g_new0 (RunData, 1);

  data->config = aimak_server_config_copy (config);
  data->password = g_strdup (password);
  data->dry_run = dry_run;
  data->decided = decided != NULL ? g_ptr_array_ref (decided) : NULL;
  aimak_db_job_run (task, db, AIMAK_DB_OPEN_NO_CREATE, run_work, data,
                    (GDestroyNotify) run_data_free, (GDestroyNotify) aimak_sync_result_free);
}

void
aimak_sync_run_async (AimakDb                 *db,
                      const AimakServerConfig *config,
                      const char              *password,
                      gboolean                 dry_run,
                      GCancellable            *cancellable,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, aimak_sync_run_async);
  run_in_thread (task, db, config, password, dry_run, NULL);
}

void
aimak_sync_apply_decisions_async (AimakDb                 *db,
                                  const AimakServerConfig *config,
                                  const char              *password,
                                  GPtrArray               *items,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (items != NULL);
  g_task_set_source_tag (task, aimak_sync_apply_decisions_async);
  run_in_thread (task, db, config, password, FALSE, items);
}

gboolean
aimak_sync_run_finish (GAsyncResult     *result,
                       AimakSyncResult **result_out,
                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return aimak_db_job_finish (result, (gpointer *) result_out, error);
}
