/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db.c — an open Aimak database and the prepared-statement helpers every
 * other core module uses: binding, stepping, the row loop, transactions and the
 * change log. Opening and migrating are in aimak-db-open.c.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-db-private.h"
#include "aimak-lang.h"

struct _AimakDb
{
  gatomicrefcount  ref_count;
  sqlite3         *handle;
  char            *path;
  char            *lang;
  GHashTable      *stmt_cache;   /* SQL text → sqlite3_stmt */
  GPtrArray       *extra_stmts;  /* re-entrant uses of a cached statement */
  int              depth;        /* transaction nesting */
  gboolean         read_only;
  gboolean         writes_held;  /* AIMAK_DB_OPEN_HOLD_WRITES until released */
  struct PendingCheck *check;    /* aimak_db_quick_check_async() under way */
};

/* A check shared by its thread and the connection, which waits for it before
 * a write. */
typedef struct PendingCheck
{
  GMutex  lock;
  GCond   cond;
  gboolean done;
  GError  *error;
  char    *path;
} PendingCheck;

static void
pending_check_clear (gpointer data)
{
  PendingCheck *check = data;

  g_mutex_clear (&check->lock);
  g_cond_clear (&check->cond);
  g_clear_error (&check->error);
  g_free (check->path);
}

static void
pending_check_unref (PendingCheck *check)
{
  g_atomic_rc_box_release_full (check, pending_check_clear);
}

G_DEFINE_QUARK (aimak-db-error-quark, aimak_db_error)
G_DEFINE_BOXED_TYPE (AimakDb, aimak_db, aimak_db_ref, aimak_db_unref)


static void
set_sqlite_error (GError   **error,
                  sqlite3   *handle,
                  int        rc,
                  const char *what)
{
  int code = AIMAK_DB_ERROR_SQL;
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_BUSY,
                   _("The database is busy: another program is writing to it. "
                     "Try again in a moment."));
      return;
    }
  if (primary == SQLITE_READONLY)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                   _("The database is read-only: changes cannot be saved. Open a copy "
                     "that you may change, or ask for permission to write to it."));
      return;
    }
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR)
    {
      int sys = handle ? sqlite3_system_errno (handle) : 0;

      /* The OS error (ENOSPC, EFBIG, EIO) says more than "disk I/O error". */
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL,
                   _("The change could not be saved because the database could not be "
                     "written (%s). Free some disk space, then try again."),
                   sys ? g_strerror (sys) : primary == SQLITE_FULL ? g_strerror (ENOSPC)
                       : handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      return;
    }
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = AIMAK_DB_ERROR_CORRUPT;
  g_set_error (error, AIMAK_DB_ERROR, code, "%s: %s", what,
               handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
}

/* SQL function aimak_name(en, ru, ky): the name in the connection's language,
 * falling back as DESIGN.md says. */
static void
sql_aimak_name (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  AimakDb *db = sqlite3_user_data (ctx);
  const char *en = (const char *) sqlite3_value_text (argv[0]);
  const char *ru = (const char *) sqlite3_value_text (argv[1]);
  const char *ky = (const char *) sqlite3_value_text (argv[2]);
  const char *name = aimak_lang_pick (db->lang, en, ru, ky);

  sqlite3_result_text (ctx, name ? name : "", -1, SQLITE_TRANSIENT);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

AimakDb *
_aimak_db_new (sqlite3    *handle,
               const char *path,
               gboolean    read_only)
{
  AimakDb *db = g_new0 (AimakDb, 1);

  g_atomic_ref_count_init (&db->ref_count);
  db->handle = handle;
  db->path = g_strdup (path);
  db->lang = g_strdup (aimak_lang_current ());
  db->read_only = read_only;
  db->stmt_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_stmt);
  db->extra_stmts = g_ptr_array_new_with_free_func (finalize_stmt);
  sqlite3_create_function (handle, "aimak_name", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           db, sql_aimak_name, NULL, NULL);
  sqlite3_busy_timeout (handle, 2500);
  return db;
}

AimakDb *
aimak_db_ref (AimakDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_atomic_ref_count_inc (&db->ref_count);
  return db;
}

void
aimak_db_unref (AimakDb *db)
{
  g_return_if_fail (db != NULL);
  if (!g_atomic_ref_count_dec (&db->ref_count))
    return;
  g_clear_pointer (&db->check, pending_check_unref);
  g_hash_table_destroy (db->stmt_cache);
  g_ptr_array_free (db->extra_stmts, TRUE);
  sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db->lang);
  g_free (db);
}

const char *
aimak_db_get_path (AimakDb *db)
{
  return db->path;
}

sqlite3 *
aimak_db_get_handle (AimakDb *db)
{
  return db->handle;
}

gboolean
aimak_db_is_read_only (AimakDb *db)
{
  return db->read_only;
}

gboolean
aimak_db_get_writes_held (AimakDb *db)
{
  return db->writes_held;
}

gboolean
_aimak_db_hold_writes (AimakDb  *db,
                       GError  **error)
{
  /* query_only refuses every SQL write; the last connection to a WAL file
   * would otherwise copy the WAL into it when it closes. */
  sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!aimak_db_exec_script (db, "PRAGMA query_only = ON", error))
    return FALSE;
  db->writes_held = TRUE;
  return TRUE;
}

gboolean
aimak_db_release_writes (AimakDb  *db,
                         GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  if (!db->writes_held)
    return TRUE;
  if (!aimak_db_exec_script (db, "PRAGMA query_only = OFF; PRAGMA journal_mode = WAL", error))
    return FALSE;
  sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  db->writes_held = FALSE;
  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PendingCheck *check = task_data;
  GError *error = NULL;
  gboolean ok = aimak_db_quick_check_file (check->path, &error);

  g_mutex_lock (&check->lock);
  check->error = error ? g_error_copy (error) : NULL;
  check->done = TRUE;
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
aimak_db_quick_check_async (AimakDb             *db,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  PendingCheck *check = g_atomic_rc_box_new0 (PendingCheck);

  g_return_if_fail (db != NULL);
  g_mutex_init (&check->lock);
  g_cond_init (&check->cond);
  check->path = g_strdup (db->path);
  g_clear_pointer (&db->check, pending_check_unref);
  db->check = g_atomic_rc_box_acquire (check);
  g_task_set_source_tag (task, aimak_db_quick_check_async);
  g_task_set_task_data (task, check, (GDestroyNotify) pending_check_unref);
  g_task_run_in_thread (task, check_thread);
}

gboolean
aimak_db_quick_check_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Before a write: a held connection whose check is under way waits for it. */
static gboolean
wait_for_check (AimakDb  *db,
                GError  **error)
{
  PendingCheck *check = db->check;
  g_autoptr(GError) failed = NULL;

  if (!db->writes_held || check == NULL)
    return TRUE;
  g_mutex_lock (&check->lock);
  while (!check->done)
    g_cond_wait (&check->cond, &check->lock);
  failed = check->error ? g_error_copy (check->error) : NULL;
  g_mutex_unlock (&check->lock);
  if (failed)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  g_clear_pointer (&db->check, pending_check_unref);
  return aimak_db_release_writes (db, error);
}

void
aimak_db_set_language (AimakDb    *db,
                       const char *lang)
{
  g_free (db->lang);
  db->lang = g_strdup (aimak_lang_normalize (lang));
}

const char *
aimak_db_get_language (AimakDb *db)
{
  return db->lang;
}

gint64
aimak_db_change_stamp (AimakDb *db)
{
  gint64 version = aimak_db_query_int (db, 0, NULL, "PRAGMA data_version", NULL);

  g_return_val_if_fail (db != NULL, 0);
  /* Both only grow; this connection's count stays far below 2^32. */
  return sqlite3_total_changes64 (db->handle) + (version << 32);
}

static gboolean
bind_args (AimakDb      *db,
           sqlite3_stmt *stmt,
           const char   *types,
           va_list       args,
           GError      **error)
{
  int rc = SQLITE_OK;

  for (int i = 0; types && types[i] && rc == SQLITE_OK; i++)
    {
      int col = i + 1;

      switch (types[i])
        {
        case 't':
          {
            const char *s = va_arg (args, const char *);
            rc = s ? sqlite3_bind_text (stmt, col, s, -1, SQLITE_TRANSIENT)
                   : sqlite3_bind_null (stmt, col);
            break;
          }
        case 'i':
        case 'b':
          rc = sqlite3_bind_int (stmt, col, va_arg (args, int));
          break;
        case 'j':
          {
            int v = va_arg (args, int);
            rc = v == G_MININT ? sqlite3_bind_null (stmt, col) : sqlite3_bind_int (stmt, col, v);
            break;
          }
        case 'I':
          rc = sqlite3_bind_int64 (stmt, col, va_arg (args, gint64));
          break;
        case 'd':
          {
            double v = va_arg (args, double);
            rc = isnan (v) ? sqlite3_bind_null (stmt, col) : sqlite3_bind_double (stmt, col, v);
            break;
          }
        default:
          g_critical ("Unknown bind type '%c'", types[i]);
          rc = SQLITE_MISUSE;
        }
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db->handle, rc, "bind");
      return FALSE;
    }
  return TRUE;
}

AimakStmt *
aimak_db_prepare_va (AimakDb    *db,
                     GError    **error,
                     const char *sql,
                     const char *types,
                     va_list     args)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->stmt_cache, sql);
  int rc;

  if (stmt == NULL || sqlite3_stmt_busy (stmt))
    {
      gboolean reentrant = stmt != NULL;

      rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db->handle, rc, "prepare");
          return NULL;
        }
      if (reentrant)
        g_ptr_array_add (db->extra_stmts, stmt);
      else
        g_hash_table_insert (db->stmt_cache, g_strdup (sql), stmt);
    }
  if (!bind_args (db, stmt, types, args, error))
    {
      aimak_stmt_release (stmt);
      return NULL;
    }
  return stmt;
}

AimakStmt *
aimak_db_prepare (AimakDb    *db,
                  GError    **error,
                  const char *sql,
                  const char *types,
                  ...)
{
  va_list args;
  AimakStmt *stmt;

  va_start (args, types);
  stmt = aimak_db_prepare_va (db, error, sql, types, args);
  va_end (args);
  return stmt;
}

gboolean
aimak_stmt_next (AimakStmt *stmt,
                 GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, sqlite3_db_handle (stmt), rc, "step");
  return FALSE;
}

void
aimak_stmt_release (AimakStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

const char *
aimak_stmt_text (AimakStmt *stmt,
                 int        col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);

  return s ? s : "";
}

double
aimak_stmt_double_or_nan (AimakStmt *stmt,
                          int        col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, col);
}

int
aimak_stmt_int_or (AimakStmt *stmt,
                   int        col,
                   int        fallback)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int (stmt, col);
}

int
aimak_stmt_int (AimakStmt *stmt,
                int        col)
{
  return sqlite3_column_int (stmt, col);
}

gint64
aimak_stmt_int64 (AimakStmt *stmt,
                  int        col)
{
  return sqlite3_column_int64 (stmt, col);
}

gboolean
aimak_stmt_is_null (AimakStmt *stmt,
                    int        col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL;
}

/* Steps @stmt to its end, calling @func (when not NULL) on every row; a
 * FALSE from @func stops early, with its error if it set one. */
static gboolean
run_rows (AimakStmt     *stmt,
          AimakRowFunc   func,
          gpointer       user_data,
          GError       **error)
{
  GError *local_error = NULL;

  while (aimak_stmt_next (stmt, &local_error))
    if (func != NULL && !func (stmt, user_data, &local_error))
      break;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_stmt_run (AimakStmt *stmt,
                GError   **error)
{
  return run_rows (stmt, NULL, NULL, error);
}

gboolean
aimak_db_first_row_va (AimakDb    *db,
                       AimakStmt **row,
                       GError    **error,
                       const char *sql,
                       const char *types,
                       va_list     args)
{
  g_autoptr(AimakStmt) stmt = aimak_db_prepare_va (db, error, sql, types, args);
  GError *local_error = NULL;

  *row = NULL;
  if (stmt == NULL)
    return FALSE;
  if (aimak_stmt_next (stmt, &local_error))
    *row = g_steal_pointer (&stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_db_first_row (AimakDb    *db,
                    AimakStmt **row,
                    GError    **error,
                    const char *sql,
                    const char *types,
                    ...)
{
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = aimak_db_first_row_va (db, row, error, sql, types, args);
  va_end (args);
  return ok;
}

static gboolean
foreach_va (AimakDb       *db,
            GError       **error,
            AimakRowFunc   func,
            gpointer       user_data,
            const char    *sql,
            const char    *types,
            va_list        args)
{
  g_autoptr(AimakStmt) stmt = NULL;

  g_return_val_if_fail (func != NULL, FALSE);
  stmt = aimak_db_prepare_va (db, error, sql, types, args);
  return stmt != NULL && run_rows (stmt, func, user_data, error);
}

gboolean
aimak_db_foreach (AimakDb       *db,
                  GError       **error,
                  AimakRowFunc   func,
                  gpointer       user_data,
                  const char    *sql,
                  const char    *types,
                  ...)
{
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = foreach_va (db, error, func, user_data, sql, types, args);
  va_end (args);
  return ok;
}

GPtrArray *
aimak_db_list (AimakDb       *db,
               GError       **error,
               AimakRowFunc   func,
               GDestroyNotify free_func,
               const char    *sql,
               const char    *types,
               ...)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = foreach_va (db, error, func, list, sql, types, args);
  va_end (args);
  return ok ? g_steal_pointer (&list) : NULL;
}

gboolean
aimak_db_exec (AimakDb    *db,
               GError    **error,
               const char *sql,
               const char *types,
               ...)
{
  va_list args;
  g_autoptr(AimakStmt) stmt = NULL;

  va_start (args, types);
  stmt = aimak_db_prepare_va (db, error, sql, types, args);
  va_end (args);
  return stmt != NULL && aimak_stmt_run (stmt, error);
}

gboolean
aimak_db_exec_script (AimakDb    *db,
                      const char *sql,
                      GError    **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db->handle, rc, "exec");
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int_va (AimakDb    *db,
              gint64      fallback,
              GError    **error,
              const char *sql,
              const char *types,
              va_list     args)
{
  g_autoptr(AimakStmt) stmt = aimak_db_prepare_va (db, error, sql, types, args);

  if (stmt && aimak_stmt_next (stmt, error) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (stmt, 0);
  return fallback;
}

gint64
aimak_db_query_int (AimakDb    *db,
                    gint64      fallback,
                    GError    **error,
                    const char *sql,
                    const char *types,
                    ...)
{
  va_list args;
  gint64 result;

  va_start (args, types);
  result = query_int_va (db, fallback, error, sql, types, args);
  va_end (args);
  return result;
}

gboolean
aimak_db_query_count (AimakDb    *db,
                      gint64     *value,
                      GError    **error,
                      const char *sql,
                      const char *types,
                      ...)
{
  va_list args;
  GError *local_error = NULL;

  va_start (args, types);
  *value = query_int_va (db, 0, &local_error, sql, types, args);
  va_end (args);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

char *
aimak_db_query_text (AimakDb    *db,
                     GError    **error,
                     const char *sql,
                     const char *types,
                     ...)
{
  va_list args;
  g_autoptr(AimakStmt) stmt = NULL;

  va_start (args, types);
  stmt = aimak_db_prepare_va (db, error, sql, types, args);
  va_end (args);
  if (stmt && aimak_stmt_next (stmt, error) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup (aimak_stmt_text (stmt, 0));
  return NULL;
}

gboolean
aimak_db_begin (AimakDb *db,
                GError **error)
{
  g_autofree char *sql = NULL;

  if (db->read_only)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only: changes cannot be saved."),
                   db->path);
      return FALSE;
    }
  if (db->depth == 0 && !wait_for_check (db, error))
    return FALSE;
  sql = db->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                       : g_strdup_printf ("SAVEPOINT sp%d", db->depth);
  if (!aimak_db_exec_script (db, sql, error))
    return FALSE;
  db->depth++;
  return TRUE;
}

gboolean
aimak_db_commit (AimakDb *db,
                 GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db->depth > 0, FALSE);
  sql = db->depth == 1 ? g_strdup ("COMMIT")
                       : g_strdup_printf ("RELEASE sp%d", db->depth - 1);
  if (!aimak_db_exec_script (db, sql, error))
    {
      aimak_db_rollback (db);
      return FALSE;
    }
  db->depth--;
  return TRUE;
}

void
aimak_db_rollback (AimakDb *db)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (db->depth > 0);
  if (db->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d", db->depth - 1, db->depth - 1);
  sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  db->depth--;
}

gboolean
aimak_db_in_transaction (AimakDb *db)
{
  return db->depth > 0;
}

gboolean
aimak_db_run_in_transaction (AimakDb         *db,
                             AimakDbWorkFunc  work,
                             gpointer         user_data,
                             GError         **error)
{
  GError *local_error = NULL;
  int depth;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (work != NULL, FALSE);
  /* When begin fails nothing of ours is open, so nothing is rolled back:
   * rolling back there would undo the caller's savepoint instead. */
  if (!aimak_db_begin (db, error))
    return FALSE;
  depth = db->depth;
  if (!work (db, user_data, &local_error))
    {
      /* @work may have left a deeper level open by mistake; close those too. */
      while (db->depth >= depth)
        aimak_db_rollback (db);
      if (local_error == NULL)
        g_set_error_literal (&local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL,
                             _("The change could not be saved."));
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_warn_if_fail (db->depth == depth);
  return aimak_db_commit (db, error);
}

gboolean
aimak_db_run_in_read_transaction (AimakDb         *db,
                                  AimakDbWorkFunc  read,
                                  gpointer         user_data,
                                  GError         **error)
{
  GError *local_error = NULL;
  gboolean own, ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (read != NULL, FALSE);
  /* A plain BEGIN is a read transaction that read-only databases allow too;
   * inside a transaction already open everything is one snapshot anyway. */
  own = sqlite3_get_autocommit (db->handle) != 0;
  if (own && !aimak_db_exec_script (db, "BEGIN DEFERRED", error))
    return FALSE;
  ok = read (db, user_data, &local_error);
  if (own)
    sqlite3_exec (db->handle, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    {
      g_warn_if_fail (local_error != NULL);
      g_propagate_error (error, local_error);
    }
  return ok;
}

char *
aimak_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
aimak_uuid_new (void)
{
  return g_uuid_string_random ();
}

gboolean
aimak_db_log_change (AimakDb    *db,
                     const char *entity,
                     const char *entity_id,
                     const char *action,
                     const char *field,
                     const char *old_value,
                     const char *new_value,
                     GError    **error)
{
  g_autofree char *now = aimak_db_now ();

  return aimak_db_log_change_at (db, now, entity, entity_id, action, field, old_value, new_value,
                                 error);
}

gboolean
aimak_db_log_change_at (AimakDb    *db,
                        const char *ts,
                        const char *entity,
                        const char *entity_id,
                        const char *action,
                        const char *field,
                        const char *old_value,
                        const char *new_value,
                        GError    **error)
{
  return aimak_db_exec (db, error,
                        "INSERT INTO change_log (ts, entity, entity_id, action, field, "
                        "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        "ttttttt", ts, entity, entity_id, action, field ? field : "",
                        old_value, new_value);
}
