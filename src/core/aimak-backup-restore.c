/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backup-restore.c — restoring a backup: the copy is made and checked beside
 * the database, the database being replaced is backed up (or, when it cannot be
 * opened, moved aside), and only then is the copy renamed over it. The backups
 * themselves are written, listed and checked in aimak-backup.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-backup-private.h"
#include "aimak-file-safety.h"
#include "aimak-db-private.h"

static char *
aside_name (const char *db_path,
            const char *kind,
            GDateTime  *now)
{
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (now, "%H%M%S");

  for (guint n = 0;; n++)
    {
      char *path = n == 0 ? g_strdup_printf ("%s.%s-%s", db_path, kind, date)
                 : n == 1 ? g_strdup_printf ("%s.%s-%s-%s", db_path, kind, date, time)
                 : g_strdup_printf ("%s.%s-%s-%s-%u", db_path, kind, date, time, n);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Makes sure nobody has @db_path open, and that what its WAL holds is in the
 * main file, so the file (without side files) is the whole database. The last
 * connection to close checkpoints and deletes the WAL: if the WAL is still
 * there after ours closed, another connection is open. */
static gboolean
settle_current (const char  *db_path,
                GError     **error)
{
  g_autofree char *wal = side_file (db_path, "-wal");
  g_autofree char *shm = side_file (db_path, "-shm");
  g_autofree char *journal = side_file (db_path, "-journal");
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      /* Only a read: if others have it open, the file must stay as it is. */
      sqlite3_busy_timeout (handle, 2500);
      rc = sqlite3_exec (handle, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("Could not prepare “%s” for the restore: %s. Nothing was changed."),
                   db_path, write_reason (handle, rc));
      sqlite3_close_v2 (handle);
      return FALSE;
    }
  sqlite3_close_v2 (handle);
  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_IN_USE,
                   _("The database “%s” is open in another program (another Aimak window or "
                     "aimak-cli, perhaps). Close it and try again; nothing was changed."),
                   db_path);
      return FALSE;
    }
  /* Without a WAL the index is stale; a new one is built on the next open. */
  g_unlink (shm);
  return TRUE;
}

static gboolean
set_wal_mode (const char  *path,
              const char  *display,
              GError     **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_write_error (error, display, handle, rc);
      sqlite3_close_v2 (handle);
      return FALSE;
    }
  /* The last connection to close folds the (empty) WAL back and removes it. */
  sqlite3_close_v2 (handle);
  return fsync_path (path, FALSE, display, error);
}

static gboolean
move_aside (const char  *db_path,
            const char  *aside,
            GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-journal" };
  g_autofree char *shm = side_file (db_path, "-shm");

  if (g_rename (db_path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("Could not move the damaged database “%s” aside: %s. Check that you "
                     "may write to its folder. Nothing was changed."),
                   db_path, g_strerror (saved));
      return FALSE;
    }
  /* Its WAL or journal belongs to it: kept with it, never applied to the new file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = side_file (db_path, suffixes[i]);
      g_autofree char *to = side_file (aside, suffixes[i]);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  g_unlink (shm);
  return TRUE;
}

/* The backup must be good and the database's folder writable before anything
 * is touched. */
static gboolean
check_restore (const char  *backup,
               const char  *db_path,
               const char  *dir,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!aimak_backup_verify (backup, &local_error))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                   _("%s The current database was not changed."), local_error->message);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("The folder “%s” does not exist."), dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0 ||
      (g_file_test (db_path, G_FILE_TEST_EXISTS) && g_access (db_path, W_OK) != 0))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("The database “%s” or its folder is read-only, so a backup cannot be "
                     "restored there. Nothing was changed."), db_path);
      return FALSE;
    }
  return TRUE;
}

/* The copy goes beside the target first, read through SQLite so that a WAL the
 * chosen file may have is included, and is checked again there. Returns the
 * temporary file's path. */
static char *
copy_beside (const char  *backup,
             const char  *dir,
             const char  *db_path,
             GError     **error)
{
  g_autoptr(AimakDb) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;

  source = aimak_db_open (backup, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE,
                          error);
  if (source == NULL)
    return NULL;
  if (!write_temp_copy (aimak_db_get_handle (source), dir, db_path, &tmp, error))
    return NULL;
  g_clear_pointer (&source, aimak_db_unref);
  /* The restored file keeps the permissions the database had. */
  if (g_stat (db_path, &st) == 0)
    g_chmod (tmp, st.st_mode & 07777);
  if (!aimak_backup_verify (tmp, &local_error))
    {
      unlink_with_side_files (tmp);
      set_write_error (error, tmp, EIO, local_error->message);
      return NULL;
    }
  /* An Aimak database is in WAL mode, so that readers (aimak-cli, an export)
   * never wait for a writer; switch before it is in place, not at its first
   * open, which another program's lock could then block. */
  if (!set_wal_mode (tmp, db_path, error))
    {
      unlink_with_side_files (tmp);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

/* The database being replaced is backed up first; one that cannot be opened
 * (damaged, not Aimak's, too new) is moved aside instead. */
static gboolean
keep_current (const char  *db_path,
              GDateTime   *now,
              char       **saved,
              char       **aside,
              GError     **error)
{
  g_autoptr(AimakDb) current = NULL;
  g_autoptr(GError) local_error = NULL;

  current = aimak_db_open (db_path, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE,
                           &local_error);
  if (current != NULL)
    {
      *saved = aimak_backup_create (current, now, &local_error);
      g_clear_pointer (&current, aimak_db_unref);
      if (*saved == NULL)
        {
          g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                       _("The current database could not be backed up before the "
                         "restore: %s"), local_error->message);
          return FALSE;
        }
      if (!settle_current (db_path, error))
        {
          g_unlink (*saved);
          return FALSE;
        }
      return TRUE;
    }
  if (local_error->domain == AIMAK_DB_ERROR &&
      (local_error->code == AIMAK_DB_ERROR_CORRUPT ||
       local_error->code == AIMAK_DB_ERROR_NOT_AIMAK ||
       local_error->code == AIMAK_DB_ERROR_TOO_NEW))
    {
      *aside = aside_name (db_path, local_error->code == AIMAK_DB_ERROR_TOO_NEW
                                    ? "newer" : "damaged", now);
      return move_aside (db_path, *aside, error);
    }
  g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE,
               _("%s The backup was not restored."), local_error->message);
  return FALSE;
}

gboolean
aimak_backup_restore (const char  *backup,
                      const char  *db_path,
                      char       **previous,
                      GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);
  if (previous)
    *previous = NULL;

  dir = g_path_get_dirname (db_path);
  if (!check_restore (backup, db_path, dir, error))
    return FALSE;
  tmp = copy_beside (backup, dir, db_path, error);
  if (tmp == NULL)
    return FALSE;
  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !keep_current (db_path, now, &saved, &aside, error))
    {
      unlink_with_side_files (tmp);
      return FALSE;
    }
  if (g_rename (tmp, db_path) != 0)
    {
      int saved_errno = errno;

      /* Put the previous database back where it was. */
      if (aside)
        g_rename (aside, db_path);
      unlink_with_side_files (tmp);
      set_write_error (error, db_path, saved_errno, NULL);
      return FALSE;
    }
  if (!fsync_path (dir, TRUE, db_path, error))
    return FALSE;
  if (previous)
    *previous = g_strdup (aside ? aside : saved);
  return TRUE;
}

gboolean
aimak_backup_restore_newest (const char  *db_path,
                             char       **restored_from,
                             char       **previous,
                             GError     **error)
{
  g_autofree char *newest = aimak_backup_find_newest_good (db_path, error);

  if (restored_from)
    *restored_from = NULL;
  if (newest == NULL)
    return FALSE;
  if (!aimak_backup_restore (newest, db_path, previous, error))
    return FALSE;
  if (restored_from)
    *restored_from = g_steal_pointer (&newest);
  return TRUE;
}
