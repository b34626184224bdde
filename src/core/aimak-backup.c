/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backup.c — backups and restore of the Aimak database.
 *
 * Copies are made with SQLite's online backup API, which reads one consistent
 * snapshot even while the app writes (WAL), and written to a temporary file in
 * the target folder that is checked, synced and renamed into place.
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

G_DEFINE_QUARK (aimak-backup-error-quark, aimak_backup_error)

/* Files being written start with this prefix and carry the writer's process id;
 * aimak_file_clean_stale_temps() removes what a killed writer left. */
#define TMP_PREFIX ".aimak-incomplete-"
/* STEM-YYYY-MM-DD-HHMMSS[-N].db. The stem is the database's file name without
 * ".db": the name records which database a backup belongs to (a folder cannot
 * hold two databases of one name, and backups/ is beside its databases), so two
 * databases in one folder never take each other's backups for their own. The
 * default database is "aimak.db", so the names older versions gave its backups
 * (always "aimak-…") are still its own. */
#define NAME_PATTERN "^(.+?)-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?\\.db$"

typedef struct
{
  AimakBackupInfo  info;
  char            *stem;         /* the name of the database it belongs to */
  guint            seq;          /* the "-N" of names in the same second */
} BackupEntry;

/* "live" for ".../live.db": what the backups of @db_path are named after. */
static char *
backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

char *
aimak_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

void
aimak_backup_info_free (AimakBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
side_file (const char *db_path,
           const char *suffix)
{
  return g_strconcat (db_path, suffix, NULL);
}

/* The OS error of a failed write: ENOSPC, EFBIG, EACCES say more than
 * SQLite's "disk I/O error". */
static int
write_errno (sqlite3 *handle,
             int      rc)
{
  int sys = handle ? sqlite3_system_errno (handle) : 0;

  if (sys == 0 && (rc & 0xff) == SQLITE_FULL)
    sys = ENOSPC;
  return sys;
}

const char *
write_reason (sqlite3 *handle,
              int      rc)
{
  int sys = write_errno (handle, rc);

  if (sys != 0)
    return g_strerror (sys);
  return handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
}

/* What happened, and what the planner can do about it. */
void
set_write_error (GError     **error,
                 const char  *path,
                 int          sys,
                 const char  *reason)
{
  if (reason == NULL)
    reason = g_strerror (sys);
  if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
    g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                 _("Could not write “%s”: %s. Free some disk space, then try again. "
                   "Nothing was changed."), path, reason);
  else if (sys == EACCES || sys == EPERM || sys == EROFS)
    g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                 _("Could not write “%s”: %s. Check that you may write to that folder, or "
                   "choose another one. Nothing was changed."), path, reason);
  else
    g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                 _("Could not write “%s”: %s. Free some disk space or check that you may "
                   "write to that folder, then try again. Nothing was changed."),
                 path, reason);
}

void
set_sqlite_write_error (GError     **error,
                        const char  *path,
                        sqlite3     *handle,
                        int          rc)
{
  set_write_error (error, path, write_errno (handle, rc), write_reason (handle, rc));
}

gboolean
fsync_path (const char  *path,
            gboolean     is_dir,
            const char  *display,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd < 0)
    {
      set_write_error (error, display, errno, NULL);
      return FALSE;
    }
  /* Some file systems cannot sync a directory; the rename is still atomic. */
  if (fsync (fd) != 0 && !(is_dir && (errno == EINVAL || errno == EBADF)))
    {
      saved = errno;
      close (fd);
      set_write_error (error, display, saved, NULL);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

void
unlink_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = side_file (path, suffixes[i]);
      g_unlink (side);
    }
}

/* Copies @src into the fresh file @dest and leaves it a checked, synced,
 * self-contained database in rollback-journal mode. Messages name @display:
 * the file or folder the planner asked for, not the temporary name. */
static gboolean
write_copy (sqlite3     *src,
            const char  *dest,
            const char  *display,
            GError     **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc, finish_rc, tries = 0;
  char *check = NULL;

  rc = sqlite3_open_v2 (dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_write_error (error, display, out, rc);
      sqlite3_close_v2 (out);
      return FALSE;
    }
  sqlite3_extended_result_codes (out, 1);
  /* The temporary file is thrown away on failure: no journal needed. */
  sqlite3_exec (out, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);

  backup = sqlite3_backup_init (out, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_write_error (error, display, out, sqlite3_errcode (out));
      sqlite3_close_v2 (out);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && ++tries < 100);
  finish_rc = sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE,
                     _("The database “%s” is damaged and could not be copied (%s). "
                       "Restore an older backup instead."),
                     sqlite3_db_filename (src, "main"), sqlite3_errstr (rc));
      else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_IN_USE,
                     _("The database is busy: another program is writing to it. "
                       "Try again in a moment."));
      else
        set_sqlite_write_error (error, display, out, finish_rc != SQLITE_OK ? finish_rc : rc);
      sqlite3_close_v2 (out);
      return FALSE;
    }

  /* The pages came from a WAL database, so the copy says WAL in its header;
   * a backup must be one file that opens anywhere, even read-only. */
  rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *st = NULL;

      rc = sqlite3_prepare_v2 (out, "PRAGMA quick_check", -1, &st, NULL);
      if (rc == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW)
        check = g_strdup ((const char *) sqlite3_column_text (st, 0));
      sqlite3_finalize (st);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_write_error (error, display, out, rc);
      sqlite3_close_v2 (out);
      return FALSE;
    }
  sqlite3_close_v2 (out);
  if (g_strcmp0 (check, "ok") != 0)
    {
      set_write_error (error, display, EIO,
                       check ? check : _("the copy does not read back correctly"));
      g_free (check);
      return FALSE;
    }
  g_free (check);
  return fsync_path (dest, FALSE, display, error);
}

/* @target names the file being made, for the message. */
static char *
make_temp (const char  *dir,
           const char  *target,
           GError     **error)
{
  g_autofree char *tmpl = aimak_file_temp_template (dir, TMP_PREFIX, ".db");
  int fd;

  /* What a killed backup or restore left here goes first. */
  aimak_file_clean_stale_temps (dir);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_write_error (error, target ? target : dir, errno, NULL);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s. Check that you may write there, "
                     "or choose another folder."), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Writes the copy under a temporary name in @dir; *@tmp_out gets it. */
gboolean
write_temp_copy (sqlite3     *src,
                 const char  *dir,
                 const char  *target,
                 char       **tmp_out,
                 GError     **error)
{
  g_autofree char *tmp = NULL;

  if (!ensure_dir (dir, error))
    return FALSE;
  tmp = make_temp (dir, target, error);
  if (tmp == NULL)
    return FALSE;
  if (!write_copy (src, tmp, target ? target : dir, error))
    {
      unlink_with_side_files (tmp);
      return FALSE;
    }
  {
    const char *src_path = sqlite3_db_filename (src, "main");
    GStatBuf st;

    /* A copy is as private as its database (the temporary file starts 0600). */
    if (src_path && *src_path && g_stat (src_path, &st) == 0)
      g_chmod (tmp, st.st_mode & 0777);
  }
  *tmp_out = g_steal_pointer (&tmp);
  return TRUE;
}

static gboolean
rename_into_place (const char  *tmp,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);

  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      unlink_with_side_files (tmp);
      set_write_error (error, dest, saved, NULL);
      return FALSE;
    }
  return fsync_path (dir, TRUE, dest, error);
}

gboolean
aimak_backup_write (AimakDb     *db,
                    const char  *dest,
                    gboolean     overwrite,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (g_strcmp0 (dest, aimak_db_get_path (db)) == 0)
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_EXISTS,
                   _("A database cannot be backed up onto itself; choose another file name."));
      return FALSE;
    }
  if (!overwrite && g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_EXISTS,
                   _("“%s” exists already; choose another file name."), dest);
      return FALSE;
    }
  dir = g_path_get_dirname (dest);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_WRITE,
                   _("The folder “%s” does not exist; choose another folder."), dir);
      return FALSE;
    }
  if (!write_temp_copy (aimak_db_get_handle (db), dir, dest, &tmp, error))
    return FALSE;
  return rename_into_place (tmp, dest, error);
}

/* STEM-YYYY-MM-DD-HHMMSS.db, or with "-N" if that name is taken. */
static char *
unique_backup_name (const char *dir,
                    const char *db_path,
                    GDateTime  *now)
{
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *stamp = g_strdup_printf ("%s-%s", stem, date);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (stamp, ".db", NULL)
                                     : g_strdup_printf ("%s-%u.db", stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static char *
backup_into_dir (sqlite3     *src,
                 const char  *db_path,
                 GDateTime   *now,
                 GError     **error)
{
  g_autofree char *dir = aimak_backup_dir_for (db_path);
  g_autofree char *tmp = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GDateTime) local_now = now ? g_date_time_ref (now) : g_date_time_new_now_local ();

  if (!write_temp_copy (src, dir, NULL, &tmp, error))
    return NULL;
  dest = unique_backup_name (dir, db_path, local_now);
  if (!rename_into_place (tmp, dest, error))
    return NULL;
  return g_steal_pointer (&dest);
}

char *
aimak_backup_create (AimakDb    *db,
                     GDateTime  *now,
                     GError    **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  return backup_into_dir (aimak_db_get_handle (db), aimak_db_get_path (db), now, error);
}

char *
aimak_backup_create_for_path (const char  *db_path,
                              GDateTime   *now,
                              GError     **error)
{
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE,
                   _("The database “%s” no longer exists, so it could not be backed up. "
                     "If it was moved, open it from its new place."), db_path);
      return NULL;
    }
  /* Opening checks it first: a damaged database must not push good backups out. */
  db = aimak_db_open (db_path, AIMAK_DB_OPEN_NO_CREATE, &local_error);
  if (db == NULL)
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE, "%s",
                   local_error->message);
      return NULL;
    }
  return aimak_backup_create (db, now, error);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BackupEntry *x = *(BackupEntry * const *) a;
  const BackupEntry *y = *(BackupEntry * const *) b;
  int c = g_date_time_compare (y->info.time, x->info.time);

  if (c != 0)
    return c;
  return y->seq < x->seq ? -1 : y->seq > x->seq;
}

static void
entry_free (gpointer p)
{
  BackupEntry *e = p;

  g_free (e->info.path);
  g_free (e->stem);
  g_clear_pointer (&e->info.time, g_date_time_unref);
  g_free (e);
}

/* Backups in @dir of the database named @stem (NULL: of every database),
 * newest first (BackupEntry *). */
static GPtrArray *
scan_dir (const char  *dir,
          const char  *stem,
          GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GRegex) regex = g_regex_new (NAME_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_SOURCE,
                   _("Could not read the backup folder “%s”: %s"), dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (d)))
    {
      g_autoptr(GMatchInfo) match = NULL;
      GStatBuf st;
      BackupEntry *e;
      int v[6];
      g_autofree char *seq = NULL;
      g_autofree char *path = NULL;
      g_autofree char *owner = NULL;

      if (!g_regex_match (regex, name, 0, &match))
        continue;
      owner = g_match_info_fetch (match, 1);
      if (stem && g_strcmp0 (owner, stem) != 0)
        continue;
      for (int i = 0; i < 6; i++)
        {
          g_autofree char *s = g_match_info_fetch (match, i + 2);
          v[i] = atoi (s);
        }
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      e = g_new0 (BackupEntry, 1);
      e->info.time = g_date_time_new_local (v[0], v[1], v[2], v[3], v[4], v[5]);
      if (e->info.time == NULL)
        {
          g_free (e);
          continue;
        }
      e->info.path = g_steal_pointer (&path);
      e->info.size = st.st_size;
      e->stem = g_steal_pointer (&owner);
      seq = g_match_info_fetch (match, 8);
      e->seq = seq && *seq ? (guint) atoi (seq) : 1;
      g_ptr_array_add (entries, e);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
aimak_backup_list (const char  *db_path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *list;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = aimak_backup_dir_for (db_path);
  stem = backup_stem (db_path);
  entries = scan_dir (dir, stem, error);
  if (entries == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_backup_info_free);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *e = g_ptr_array_index (entries, i);
      AimakBackupInfo *info = g_new0 (AimakBackupInfo, 1);

      info->path = g_strdup (e->info.path);
      info->time = g_date_time_ref (e->info.time);
      info->size = e->info.size;
      g_ptr_array_add (list, info);
    }
  return list;
}

guint
aimak_backup_prune (const char  *backup_dir,
                    int          keep,
                    GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint removed = 0;

  g_return_val_if_fail (backup_dir != NULL, 0);
  aimak_file_clean_stale_temps (backup_dir);
  if (keep <= 0)
    return 0;
  entries = scan_dir (backup_dir, NULL, error);
  if (entries == NULL)
    return 0;
  /* @keep of each database's backups: one database's many backups must not
   * push out another's. Newest first, so count per name. */
  kept = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *e = g_ptr_array_index (entries, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (kept, e->stem));

      if (n < (guint) keep)
        g_hash_table_insert (kept, e->stem, GUINT_TO_POINTER (n + 1));
      else if (g_unlink (e->info.path) == 0)
        removed++;
    }
  return removed;
}

gboolean
aimak_backup_daily (const char  *db_path,
                    GDateTime   *now,
                    int          keep,
                    char       **made,
                    GError     **error)
{
  g_autoptr(GDateTime) local_now = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  int y, m, d;

  g_return_val_if_fail (db_path != NULL, FALSE);
  if (made)
    *made = NULL;
  /* The folder, not a setting, says whether today's backup exists: the setting
   * is per user, the backups are per database. */
  dir = aimak_backup_dir_for (db_path);
  stem = backup_stem (db_path);
  entries = scan_dir (dir, stem, error);
  if (entries == NULL)
    return FALSE;
  g_date_time_get_ymd (local_now, &y, &m, &d);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *e = g_ptr_array_index (entries, i);
      int ey, em, ed;

      g_date_time_get_ymd (e->info.time, &ey, &em, &ed);
      if (ey == y && em == m && ed == d)
        return TRUE;
    }
  path = aimak_backup_create_for_path (db_path, local_now, error);
  if (path == NULL)
    return FALSE;
  /* A failed clean-up leaves an extra backup, which is harmless. */
  aimak_backup_prune (dir, keep, NULL);
  if (made)
    *made = g_steal_pointer (&path);
  return TRUE;
}

gboolean
aimak_backup_verify (const char  *path,
                     GError     **error)
{
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                   _("“%s” does not exist or is not a file."), path);
      return FALSE;
    }
  db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE,
                      &local_error);
  if (db == NULL)
    {
      if (g_error_matches (local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_TOO_NEW))
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                     _("“%s” was made by a newer version of Aimak; update Aimak to "
                       "restore it."), path);
      else if (g_error_matches (local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_AIMAK))
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                     _("“%s” is not an Aimak database."), path);
      else if (g_error_matches (local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT))
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                     _("“%s” is damaged; choose another backup."), path);
      else
        g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID, "%s",
                     local_error->message);
      return FALSE;
    }
  result = aimak_db_query_text (db, &local_error, "PRAGMA integrity_check", NULL);
  if (local_error || g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_INVALID,
                   _("“%s” is damaged; choose another backup."), path);
      return FALSE;
    }
  return TRUE;
}

char *
aimak_backup_find_newest_good (const char  *db_path,
                               GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  list = aimak_backup_list (db_path, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      AimakBackupInfo *info = g_ptr_array_index (list, i);

      if (aimak_backup_verify (info->path, NULL))
        return g_strdup (info->path);
    }
  dir = aimak_backup_dir_for (db_path);
  g_set_error (error, AIMAK_BACKUP_ERROR, AIMAK_BACKUP_ERROR_NO_BACKUP,
               _("There is no good backup of “%s” in “%s”."), db_path, dir);
  return NULL;
}
