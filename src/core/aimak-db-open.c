/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-open.c — opening the Aimak database: the file's header and size
 * checked before SQLite sees it, read-only and immutable opens, a new database
 * created beside its target and renamed, the migrations (after a backup) and the
 * integrity check. The statement helpers are in aimak-db.c.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-backup.h"
#include "aimak-db-private.h"
#include "aimak-file-safety.h"
#include "aimak-reference.h"
#include "aimak-resources.h" /* registers the schema and reference data */

#define MIGRATIONS_PATH RESOURCE_PREFIX "/migrations/"
#define SQLITE_MAGIC "SQLite format 3"

char *
aimak_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "aimak", "aimak.db", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char **
list_migrations (void)
{
  /* Referencing the resource keeps it linked from the static library; its
   * constructor registers it. */
  (void) aimak_core_get_resource ();

  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  guint n = names ? g_strv_length (names) : 0;

  if (n > 0)
    qsort (names, n, sizeof (char *), compare_strings);
  return g_steal_pointer (&names);
}

int
aimak_db_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return names ? (int) g_strv_length (names) : 0;
}
int
aimak_db_get_version (AimakDb *db)
{
  return (int) aimak_db_query_int (db, 0, NULL, "PRAGMA user_version", NULL);
}

/* Migrations that need more than SQL: run after the version's script, in
 * its transaction. */
static const struct
{
  int        version;
  gboolean (*step) (AimakDb *db, GFile *reference_dir, GError **error);
} migration_steps[] = {
  { 1, aimak_reference_load },           /* a new database's reference data */
  { 3, aimak_reference_refresh_names },  /* names corrected since it was made */
};

static gboolean
run_migration_steps (AimakDb  *db,
                     int       version,
                     GFile    *reference_dir,
                     GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migration_steps); i++)
    if (migration_steps[i].version == version &&
        !migration_steps[i].step (db, reference_dir, error))
      return FALSE;
  return TRUE;
}

typedef struct
{
  char  **names;      /* the migration scripts, version 1 first */
  int     current;    /* the database's version */
  GFile  *reference_dir;
} Migration;

static gboolean
migrate_work (AimakDb   *db,
              gpointer   user_data,
              GError   **error)
{
  Migration *m = user_data;

  for (int v = m->current + 1; v <= (int) g_strv_length (m->names); v++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH, m->names[v - 1], NULL);
      g_autoptr(GBytes) script = g_resources_lookup_data (path, 0, error);
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (script == NULL ||
          !aimak_db_exec_script (db, g_bytes_get_data (script, NULL), error) ||
          !run_migration_steps (db, v, m->reference_dir, error) ||
          !aimak_db_exec_script (db, pragma, error))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), v);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run_migrations (AimakDb  *db,
                GFile    *reference_dir,
                GError  **error)
{
  g_auto(GStrv) names = list_migrations ();
  int current = aimak_db_get_version (db);

  /* The header was checked, but a WAL can carry another version. */
  if (current < 0 || current > aimak_db_latest_version ())
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_TOO_NEW,
                   _("“%s” has a schema version (%d) that this version of Aimak cannot "
                     "read. It was not changed."), aimak_db_get_path (db), current);
      return FALSE;
    }
  if (names == NULL || current >= (int) g_strv_length (names))
    return TRUE;
  /* All the versions in one transaction: a failure in a later one (a reference
   * file that cannot be read) leaves the file as it was, not half upgraded. */
  {
    Migration m = { names, current, reference_dir };
    return aimak_db_run_in_transaction (db, migrate_work, &m, error);
  }
}

static guint32
header_u32 (const guint8 *header,
            guint         offset)
{
  return (guint32) header[offset] << 24 | (guint32) header[offset + 1] << 16 |
         (guint32) header[offset + 2] << 8 | header[offset + 3];
}

/* A file cut short (a copy that stopped, a full disk) may still read as a
 * smaller valid database. SQLite writes whole pages and keeps the page count
 * in the header; when no WAL or journal is waiting to complete the file, both
 * must agree with its size. */
static gboolean
check_size (const char    *path,
            const guint8  *header,
            GError       **error)
{
  static const char * const side[] = { "-wal", "-journal" };
  guint page_size = (guint) header[16] << 8 | header[17];
  guint32 n_pages = header_u32 (header, 28);
  GStatBuf st;

  if (page_size == 1)
    page_size = 65536;
  for (guint i = 0; i < G_N_ELEMENTS (side); i++)
    {
      g_autofree char *p = g_strconcat (path, side[i], NULL);

      if (g_file_test (p, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  if (g_stat (path, &st) != 0 || page_size < 512 || (page_size & (page_size - 1)) != 0)
    return TRUE;   /* SQLite reports these itself */
  if (st.st_size % page_size != 0 ||
      (header_u32 (header, 92) == header_u32 (header, 24) &&
       (guint64) n_pages * page_size > (guint64) st.st_size))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT,
                   _("The database “%s” is damaged: the file is shorter than its contents "
                     "(perhaps a copy was cut off). It was not changed; restore a backup or "
                     "open another file."), path);
      return FALSE;
    }
  return TRUE;
}

/* The first 100 bytes of the file, read through SQLite's VFS and not with
 * open()/close(): closing any descriptor of a file drops every POSIX lock this
 * process holds on it, so reading the header of a database that another
 * connection here has open (the daily backup does) would leave that connection
 * unprotected, and another program closing it would then delete its WAL. The
 * VFS shares descriptors and defers the close while locks are held. */
static gboolean
read_header (const char *path,
             guint8      header[100],
             gsize      *n)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  /* xOpen may look for URI parameters after the name: end it with NULs. */
  g_autofree char *name = g_malloc0 (strlen (path) + 4);
  sqlite3_int64 size = 0;
  int out_flags = 0, rc;

  strcpy (name, path);
  rc = vfs->xOpen (vfs, name, file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &out_flags);
  if (rc != SQLITE_OK)
    return FALSE;
  rc = file->pMethods->xFileSize (file, &size);
  if (rc == SQLITE_OK)
    {
      *n = (gsize) MIN (size, 100);
      rc = file->pMethods->xRead (file, header, 100, 0);
      if (rc == SQLITE_IOERR_SHORT_READ)
        rc = SQLITE_OK;   /* zero-filled; @n says how much is real */
    }
  file->pMethods->xClose (file);
  return rc == SQLITE_OK;
}

/* Reads what an Aimak database must say in its 100-byte header without
 * letting SQLite's pager touch the file. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[100];
  gsize n = 0;
  guint32 app_id, user_version;

  if (g_access (path, R_OK) != 0)
    {
      int saved = errno;

      if (saved == EACCES || saved == EPERM)
        g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                     _("Could not open “%s”: Permission denied. Check that you may read the "
                       "file, or open another one."), path);
      else
        g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                     _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!read_header (path, header, &n))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                   _("Could not open “%s”: the file cannot be read. Check the file, or open "
                     "another one."), path);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_AIMAK,
                   _("“%s” is not an Aimak database (it is not an SQLite database at all). "
                     "It was not changed."), path);
      return FALSE;
    }
  app_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
           (guint32) header[70] << 8 | header[71];
  user_version = (guint32) header[60] << 24 | (guint32) header[61] << 16 |
                 (guint32) header[62] << 8 | header[63];
  if (app_id != AIMAK_DB_APPLICATION_ID)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_AIMAK,
                   _("“%s” is an SQLite database of another program, not an Aimak database. "
                     "It was not changed."), path);
      return FALSE;
    }
  /* Compared unsigned: SQLite reads the field as a signed integer, and a
   * negative version must not reach the migrations. */
  if (user_version > (guint32) aimak_db_latest_version ())
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Aimak (schema %u; this "
                     "version reads up to %d). Update Aimak to open it. It was not changed."),
                   path, user_version, aimak_db_latest_version ());
      return FALSE;
    }
  if (!check_size (path, header, error))
    return FALSE;
  return TRUE;
}

static sqlite3 *
open_handle (const char *path,
             int         flags,
             GError    **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path,
                   handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  return handle;
}

static gboolean
wal_is_empty (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

/* A read-only connection that has not changed anything yet. A WAL database in
 * a folder we may not write to cannot build its shared-memory index; when no
 * WAL content is waiting, reading it as immutable is exact. */
static sqlite3 *
open_immutable (const char *path,
                GError    **error)
{
  g_autofree char *absolute = aimak_file_absolute (path);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, error);
  g_autofree char *uri = NULL;

  if (file_uri == NULL)
    return NULL;
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  return open_handle (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/* A WAL database that nobody has open has neither "-wal" nor "-shm" beside it
 * (the last connection to close removes them). A read-only connection would
 * create both and leave them behind; read as immutable instead, which is exact
 * while nothing waits in a WAL. */
static gboolean
wal_mode_and_closed (const char *path)
{
  static const char * const side[] = { "-wal", "-shm", "-journal" };
  guint8 header[100];
  gsize n = 0;

  if (!read_header (path, header, &n) || n < 20 || header[18] != 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (side); i++)
    {
      g_autofree char *p = g_strconcat (path, side[i], NULL);

      if (g_file_test (p, G_FILE_TEST_EXISTS))
        return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_read_only_handle (const char *path,
                       GError    **error)
{
  sqlite3 *handle;
  int rc, primary;

  if (wal_mode_and_closed (path))
    return open_immutable (path, error);
  handle = open_handle (path, SQLITE_OPEN_READONLY, error);
  if (handle == NULL)
    return NULL;
  rc = sqlite3_exec (handle, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  primary = rc & 0xff;
  if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN)
    return handle;   /* fine, or a problem the checks report */

  sqlite3_close_v2 (handle);
  if (!wal_is_empty (path))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                   _("The database “%s” cannot be read: its folder is read-only and recent "
                     "changes are still in “%s-wal”. Copy the folder to a place where you "
                     "may write and open the copy."), path, path);
      return NULL;
    }
  return open_immutable (path, error);
}

static gboolean
quick_check (AimakDb  *db,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *result = aimak_db_query_text (db, &local_error, "PRAGMA quick_check", NULL);

  if (local_error || g_strcmp0 (result, "ok") != 0)
    {
      /* SQLite's findings are page numbers, for `aimak-cli check`, not for
       * the planner. */
      g_debug ("quick_check of %s: %.200s", aimak_db_get_path (db),
               local_error ? local_error->message : result);
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_CORRUPT,
                   _("The database “%s” is damaged: parts of it cannot be read. It was not "
                     "changed; restore a backup or open another file."),
                   aimak_db_get_path (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
path_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* What killed writes left in the folders a read-write session writes to: the
 * database's own and its backups folder (see aimak-file-safety.h). */
static void
clean_folders (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = aimak_backup_dir_for (path);

  aimak_file_clean_stale_temps (dir);
  aimak_file_clean_stale_temps (backups);
}

/* TRUE if the file holds anything worth a backup before it is migrated. */
static gboolean
has_content (AimakDb *db)
{
  return aimak_db_get_version (db) > 0 ||
         aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM sqlite_master", NULL) > 0;
}

static AimakDb *
open_existing (const char   *path,
               AimakDbFlags  flags,
               GFile        *reference_dir,
               GError      **error)
{
  g_autoptr(AimakDb) db = NULL;
  sqlite3 *handle;
  gboolean read_only;
  int version;

  if (!check_header (path, error))
    return NULL;

  /* Every check runs on a read-only connection: a damaged file must stay
   * exactly as it is (a read-write connection could roll back a journal into
   * it or checkpoint its WAL when it closes). */
  handle = open_read_only_handle (path, error);
  if (handle == NULL)
    return NULL;
  db = _aimak_db_new (handle, path, TRUE);
  version = aimak_db_get_version (db);
  if ((!(flags & AIMAK_DB_OPEN_NO_QUICK_CHECK) || version < aimak_db_latest_version ()) &&
      !quick_check (db, error))
    return NULL;
  if (version > aimak_db_latest_version ())
    {
      /* The header read before may predate a migration still in the WAL. */
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Aimak (schema %d; this "
                     "version reads up to %d). Update Aimak to open it. It was not changed."),
                   path, version, aimak_db_latest_version ());
      return NULL;
    }
  if (aimak_db_query_int (db, 0, NULL,
                          "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                          "AND name IN ('area', 'priority', 'change_log')", NULL) != 3 &&
      version > 0)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_AIMAK,
                   _("“%s” does not have the tables of an Aimak database. It was not changed."),
                   path);
      return NULL;
    }

  /* Reading an older schema would fail in odd places; upgrading it is a write
   * the caller did not ask for. */
  if ((flags & AIMAK_DB_OPEN_READ_ONLY) && (flags & AIMAK_DB_OPEN_CURRENT_SCHEMA) &&
      version < aimak_db_latest_version ())
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NEEDS_MIGRATION,
                   _("“%s” was written by an older version of Aimak (schema %d; this version "
                     "uses %d) and must be upgraded before it can be read. Open it once in "
                     "Aimak, or run “aimak-cli migrate --database %s”; a backup is made "
                     "first. It was not changed."),
                   path, version, aimak_db_latest_version (), path);
      return NULL;
    }
  read_only = (flags & AIMAK_DB_OPEN_READ_ONLY) || !path_writable (path);
  if (read_only)
    {
      if (!aimak_db_exec_script (db, "PRAGMA foreign_keys = ON", error))
        return NULL;
      return g_steal_pointer (&db);
    }

  /* A migration rewrites months of work: keep the state before it, and do not
   * touch the file (not even its journal mode) if that copy cannot be made. */
  if (version < aimak_db_latest_version () && has_content (db))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *backup = aimak_backup_create (db, NULL, &local_error);

      if (backup == NULL)
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_BACKUP,
                       _("“%s” must be upgraded for this version of Aimak, but it could "
                         "not be backed up first, so it was not changed. %s"),
                       path, local_error->message);
          return NULL;
        }
    }

  g_clear_pointer (&db, aimak_db_unref);
  clean_folders (path);
  handle = open_handle (path, SQLITE_OPEN_READWRITE, error);
  if (handle == NULL)
    return NULL;
  db = _aimak_db_new (handle, path, FALSE);
  if (!aimak_db_exec_script (db, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* Migrations before the switch to WAL: a failed one is rolled back and
   * leaves the file exactly as it was. */
  if (aimak_db_get_version (db) < aimak_db_latest_version () &&
      !run_migrations (db, reference_dir, error))
    return NULL;
  if ((flags & AIMAK_DB_OPEN_HOLD_WRITES) && (flags & AIMAK_DB_OPEN_NO_QUICK_CHECK) &&
      version == aimak_db_latest_version ())
    {
      /* Not checked yet: the switch to WAL waits for aimak_db_release_writes(). */
      if (!aimak_db_exec_script (db, "PRAGMA synchronous = NORMAL", error) ||
          !_aimak_db_hold_writes (db, error))
        return NULL;
      return g_steal_pointer (&db);
    }
  if (!aimak_db_exec_script (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error))
    return NULL;
  return g_steal_pointer (&db);
}

/* A new database is built under a temporary name and renamed when it is
 * complete, so a failed reference load leaves nothing behind. */
static gboolean
create_new (const char  *path,
            GFile       *reference_dir,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  /* The process id lets a later start remove what a killed one left. */
  g_autofree char *tmp = g_strdup_printf ("%s.new-%d-%08x", path, (int) getpid (),
                                          g_random_int ());
  g_autoptr(AimakDb) db = NULL;
  g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);
  sqlite3 *handle;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                             AIMAK_DB_APPLICATION_ID);
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  clean_folders (path);
  handle = open_handle (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (handle == NULL)
    return FALSE;
  db = _aimak_db_new (handle, tmp, FALSE);
  ok = aimak_db_exec_script (db, "PRAGMA foreign_keys = ON", error) &&
       aimak_db_exec_script (db, pragma, error) &&
       run_migrations (db, reference_dir, error);
  g_clear_pointer (&db, aimak_db_unref);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_unlink (journal);
    }
  return ok;
}

AimakDb *
aimak_db_open_with_reference (const char   *path,
                              AimakDbFlags  flags,
                              GFile        *reference_dir,
                              GError      **error)
{
  g_autoptr(GFile) default_dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (reference_dir == NULL)
    reference_dir = default_dir = aimak_reference_default_dir ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (flags & (AIMAK_DB_OPEN_NO_CREATE | AIMAK_DB_OPEN_READ_ONLY))
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_FOUND,
                       _("There is no database at “%s”. Check the path; this command does "
                         "not create one (“aimak-cli migrate” or the app does)."), path);
          return NULL;
        }
      if (!create_new (path, reference_dir, error))
        return NULL;
      /* Just built here: nothing to check before writing to it. */
      flags &= ~AIMAK_DB_OPEN_HOLD_WRITES;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  return open_existing (path, flags, reference_dir, error);
}

gboolean
aimak_db_quick_check_file (const char  *path,
                           GError     **error)
{
  g_autoptr(AimakDb) db = NULL;
  sqlite3 *handle;

  g_return_val_if_fail (path != NULL, FALSE);

  handle = open_read_only_handle (path, error);
  if (handle == NULL)
    return FALSE;
  db = _aimak_db_new (handle, path, TRUE);
  return quick_check (db, error);
}

AimakDb *
aimak_db_open (const char   *path,
               AimakDbFlags  flags,
               GError      **error)
{
  return aimak_db_open_with_reference (path, flags, NULL, error);
}

gboolean
aimak_db_check (AimakDb  *db,
                GString  *report,
                GError  **error)
{
  gboolean clean = TRUE;
  g_autoptr(AimakStmt) tables = NULL;

  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error, "PRAGMA integrity_check", NULL);
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, error))
      {
        const char *line = aimak_stmt_text (st, 0);
        if (g_strcmp0 (line, "ok") != 0)
          clean = FALSE;
        g_string_append_printf (report, "integrity_check\t%s\n", line);
      }
  }
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error, "PRAGMA foreign_key_check", NULL);
    guint n = 0;
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, error))
      {
        n++;
        clean = FALSE;
        g_string_append_printf (report, "foreign_key_check\t%s row %lld → %s\n",
                                aimak_stmt_text (st, 0),
                                (long long) sqlite3_column_int64 (st, 1),
                                aimak_stmt_text (st, 2));
      }
    if (n == 0)
      g_string_append (report, "foreign_key_check\tok\n");
  }
  tables = aimak_db_prepare (db, error,
                             "SELECT name FROM sqlite_master WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'priority_fts%' "
                             "ORDER BY name", NULL);
  if (tables == NULL)
    return FALSE;
  while (aimak_stmt_next (tables, error))
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", aimak_stmt_text (tables, 0));
      gint64 n = aimak_db_query_int (db, -1, NULL, sql, NULL);

      g_string_append_printf (report, "%s\t%" G_GINT64_FORMAT "\n",
                              aimak_stmt_text (tables, 0), n);
      sqlite3_free (sql);
    }
  return clean;
}
