/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backups.c — daily backup at start-up and restoring into the window. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-backups.h"

char *
aimak_backups_format_time (GDateTime *time)
{
  /* Translators: date and time of a backup, see g_date_time_format(). */
  return g_date_time_format (time, _("%-d %B %Y, %H:%M"));
}

typedef struct
{
  char      *db_path;
  int        keep;
  GSettings *settings;
} DailyData;

static void
daily_data_free (gpointer p)
{
  DailyData *data = p;

  g_free (data->db_path);
  g_clear_object (&data->settings);
  g_free (data);
}

static void
daily_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DailyData *data = task_data;
  GError *error = NULL;
  char *made = NULL;

  if (!aimak_backup_daily (data->db_path, NULL, data->keep, &made, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, made, g_free);
}

static void
daily_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AimakWindow *window = AIMAK_WINDOW (source);
  DailyData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);

  if (error)
    {
      g_autofree char *message = g_strdup_printf (_("Today’s backup could not be made. %s"),
                                                  error->message);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-error", "s", message);
      return;
    }
  if (made && data->settings)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      g_settings_set_string (data->settings, "last-backup-date", today);
    }
}

void
aimak_backups_start_daily (AimakWindow *window,
                           GSettings   *settings)
{
  AimakDb *db = aimak_window_get_db (window);
  g_autoptr(GTask) task = NULL;
  DailyData *data;

  g_return_if_fail (AIMAK_IS_WINDOW (window));
  /* A database that cannot change needs no new copy, and its folder is
   * usually read-only as well. */
  if (db == NULL || aimak_db_is_read_only (db))
    return;
  data = g_new0 (DailyData, 1);
  data->db_path = g_strdup (aimak_db_get_path (db));
  data->keep = settings ? g_settings_get_int (settings, "backups-keep")
                        : AIMAK_BACKUP_KEEP_DEFAULT;
  data->settings = settings ? g_object_ref (settings) : NULL;
  task = g_task_new (window, NULL, daily_done, NULL);
  g_task_set_source_tag (task, aimak_backups_start_daily);
  g_task_set_task_data (task, data, daily_data_free);
  g_task_run_in_thread (task, daily_thread);
}

gboolean
aimak_backups_restore_into_window (AimakWindow  *window,
                                   const char   *backup,
                                   char        **previous,
                                   GError      **error)
{
  AimakDb *db;
  g_autofree char *path = NULL;
  g_autoptr(AimakDb) reopened = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GError) verify_error = NULL;
  gboolean ok;

  g_return_val_if_fail (AIMAK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  db = aimak_window_get_db (window);
  if (db == NULL)
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE,
                   _("No database is open."));
      return FALSE;
    }
  path = g_strdup (aimak_db_get_path (db));
  /* A bad file must not disturb the open window at all. */
  if (!aimak_backup_verify (backup, &verify_error))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                   _("%s The current database was not changed."), verify_error->message);
      return FALSE;
    }

  /* The window's views drop their references with the property; the
   * restore refuses to go on if any connection is still open. */
  g_object_set (window, "db", NULL, NULL);
  ok = aimak_backup_restore (backup, path, previous, error);
  reopened = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &open_error);
  if (reopened == NULL)
    {
      if (ok)
        g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }
  g_object_set (window, "db", reopened, NULL);
  return ok;
}
