/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db.h — the Aimak database: opening, checking, migrating, and a small
 * helper layer over sqlite3 so that no call site repeats prepare/bind/step/reset.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMAK_DB_ERROR (aimak_db_error_quark ())

typedef enum
{
  AIMAK_DB_ERROR_OPEN,
  AIMAK_DB_ERROR_NOT_AIMAK,
  AIMAK_DB_ERROR_TOO_NEW,
  AIMAK_DB_ERROR_CORRUPT,
  AIMAK_DB_ERROR_READ_ONLY,
  AIMAK_DB_ERROR_BUSY,
  AIMAK_DB_ERROR_SQL,
  AIMAK_DB_ERROR_REFERENCE,
  AIMAK_DB_ERROR_NOT_FOUND,
  AIMAK_DB_ERROR_INVALID,
  AIMAK_DB_ERROR_BACKUP,      /* the backup before a migration failed */
  AIMAK_DB_ERROR_NEEDS_MIGRATION, /* read-only, but the schema is older than this version's */
} AimakDbError;

typedef enum
{
  AIMAK_DB_OPEN_DEFAULT   = 0,
  AIMAK_DB_OPEN_READ_ONLY = 1 << 0,
  AIMAK_DB_OPEN_NO_CREATE = 1 << 1,
  /* With READ_ONLY: refuse an older schema (AIMAK_DB_ERROR_NEEDS_MIGRATION)
   * instead of reading it as it is; for commands that must not upgrade it. */
  AIMAK_DB_OPEN_CURRENT_SCHEMA = 1 << 2,
  /* Skip SQLite's quick_check, which reads the whole file (0.4 s at 250 MB):
   * for the app, which runs aimak_db_quick_check_file() after its first frame,
   * and for commands other than `check`. A file that must be migrated is
   * still checked before its backup is made. */
  AIMAK_DB_OPEN_NO_QUICK_CHECK = 1 << 3,
  /* With NO_QUICK_CHECK, read-write, current schema: nothing is written to
   * the file (no SQL write, no journal-mode switch, no checkpoint when the
   * connection closes) until aimak_db_release_writes(); for the app, whose
   * check runs after the first frame and a damaged file must stay as it is. */
  AIMAK_DB_OPEN_HOLD_WRITES = 1 << 4,
} AimakDbFlags;

/* "AIMK": identifies an Aimak database in the SQLite header. */
#define AIMAK_DB_APPLICATION_ID 0x41494D4B

typedef struct _AimakDb AimakDb;
/* A prepared statement; the app and the CLI read rows only through the
 * aimak_stmt_*() accessors below and never see sqlite3 itself. */
typedef struct sqlite3_stmt AimakStmt;

GQuark       aimak_db_error_quark          (void);
GType        aimak_db_get_type             (void) G_GNUC_CONST;
#define AIMAK_TYPE_DB (aimak_db_get_type ())
char        *aimak_db_default_path         (void);
int          aimak_db_latest_version       (void);

/* SQLite's quick_check of the file at @path on a read-only connection of its
 * own (so from any thread): FALSE with AIMAK_DB_ERROR_CORRUPT, the message
 * aimak_db_open() gives, when parts of it cannot be read. */
gboolean     aimak_db_quick_check_file     (const char    *path,
                                            GError       **error);
AimakDb     *aimak_db_open                 (const char    *path,
                                            AimakDbFlags   flags,
                                            GError       **error);
AimakDb     *aimak_db_ref                  (AimakDb       *db);
void         aimak_db_unref                (AimakDb       *db);

const char  *aimak_db_get_path             (AimakDb       *db);
/* TRUE while an AIMAK_DB_OPEN_HOLD_WRITES connection refuses writes. */
gboolean     aimak_db_get_writes_held      (AimakDb       *db);
/* Ends the hold (after aimak_db_quick_check_file() passed): writes allowed,
 * the file switched to WAL if it was not yet. */
gboolean     aimak_db_release_writes       (AimakDb       *db,
                                            GError       **error);
/* aimak_db_quick_check_file() of @db's file in a thread, for a connection
 * opened with AIMAK_DB_OPEN_HOLD_WRITES. Until it returns, a write on @db
 * (aimak_db_begin) waits for it instead of being refused: when it passed, the
 * hold is released first (as aimak_db_release_writes); when the file is
 * damaged, the write fails with the check's error. @callback runs in the
 * thread-default main context of the caller. */
void         aimak_db_quick_check_async    (AimakDb             *db,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     aimak_db_quick_check_finish   (GAsyncResult        *result,
                                            GError             **error);
gboolean     aimak_db_is_read_only         (AimakDb       *db);
int          aimak_db_get_version          (AimakDb       *db);
void         aimak_db_set_language         (AimakDb       *db,
                                            const char    *lang);
const char  *aimak_db_get_language         (AimakDb       *db);

/* Statements are cached per connection; the autoptr resets them.
 * Bind types: 't' text (NULL binds NULL), 'i' int, 'I' gint64,
 * 'd' double (NaN binds NULL), 'j' int (G_MININT binds NULL), 'b' gboolean.
 */
AimakStmt   *aimak_db_prepare              (AimakDb       *db,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
AimakStmt   *aimak_db_prepare_va           (AimakDb       *db,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            va_list        args);
/* TRUE while there is a row; FALSE at the end or on error (then @error is set). */
gboolean     aimak_stmt_next               (AimakStmt     *stmt,
                                            GError       **error);
/* Steps @stmt to its end (a write, or rows nobody reads); FALSE with @error
 * when a step fails. */
gboolean     aimak_stmt_run                (AimakStmt     *stmt,
                                            GError       **error);
/* Prepares @sql with @types as aimak_db_prepare() does and steps to its first
 * row: TRUE with *@row on that row, or TRUE with *@row NULL when there is
 * none; FALSE with @error when the query fails. Release *@row (autoptr). */
gboolean     aimak_db_first_row            (AimakDb       *db,
                                            AimakStmt    **row,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
gboolean     aimak_db_first_row_va         (AimakDb       *db,
                                            AimakStmt    **row,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            va_list        args);
void         aimak_stmt_release            (AimakStmt     *stmt);
const char  *aimak_stmt_text               (AimakStmt     *stmt,
                                            int            col);
double       aimak_stmt_double_or_nan      (AimakStmt     *stmt,
                                            int            col);
int          aimak_stmt_int_or             (AimakStmt     *stmt,
                                            int            col,
                                            int            fallback);
int          aimak_stmt_int                (AimakStmt     *stmt,
                                            int            col);
gint64       aimak_stmt_int64              (AimakStmt     *stmt,
                                            int            col);
gboolean     aimak_stmt_is_null            (AimakStmt     *stmt,
                                            int            col);

/* Called for each row of aimak_db_foreach(); return FALSE with @error set to
 * stop with that error. */
typedef gboolean (*AimakRowFunc)           (AimakStmt     *row,
                                            gpointer       user_data,
                                            GError       **error);
/* An AimakRowFunc that appends a copy of the row's first column (text) to
 * @user_data, a GPtrArray that frees with g_free() (aimak-db-rows.c). */
gboolean     aimak_db_row_add_text         (AimakStmt     *row,
                                            gpointer       user_data,
                                            GError       **error);

/* Prepares @sql with @types as aimak_db_prepare() does, calls @func for every
 * row and returns TRUE at the end; FALSE with @error when preparing, a step or
 * @func fails. The one loop that every row reader shares. */
gboolean     aimak_db_foreach              (AimakDb       *db,
                                            GError       **error,
                                            AimakRowFunc   func,
                                            gpointer       user_data,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
/* A new array (elements freed with @free_func) that @func fills as
 * aimak_db_foreach() calls it with the array as @user_data: the list of
 * the rows of @sql. NULL with @error when the query or @func fails. */
GPtrArray   *aimak_db_list                 (AimakDb       *db,
                                            GError       **error,
                                            AimakRowFunc   func,
                                            GDestroyNotify free_func,
                                            const char    *sql,
                                            const char    *types,
                                            ...);

gboolean     aimak_db_exec                 (AimakDb       *db,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
gboolean     aimak_db_exec_script          (AimakDb       *db,
                                            const char    *sql,
                                            GError       **error);
gint64       aimak_db_query_int            (AimakDb       *db,
                                            gint64         fallback,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
/* The number of the first column of the first row into *@value (0 when there
 * is no row or it is NULL); FALSE with @error when the query fails, which
 * aimak_db_query_int() cannot tell from its fallback. */
gboolean     aimak_db_query_count          (AimakDb       *db,
                                            gint64        *value,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);
char        *aimak_db_query_text           (AimakDb       *db,
                                            GError       **error,
                                            const char    *sql,
                                            const char    *types,
                                            ...);

/* Nested transactions (savepoints inside one outer transaction). */
gboolean     aimak_db_begin                (AimakDb       *db,
                                            GError       **error);
gboolean     aimak_db_commit               (AimakDb       *db,
                                            GError       **error);
void         aimak_db_rollback             (AimakDb       *db);
gboolean     aimak_db_in_transaction       (AimakDb       *db);

typedef gboolean (*AimakDbWorkFunc)        (AimakDb       *db,
                                            gpointer       user_data,
                                            GError       **error);

/* Runs @work inside a transaction (a savepoint when one is already open):
 * commits when it returns TRUE, and when it returns FALSE rolls back only
 * what it did — never the caller's own savepoint — and passes its error on.
 * Every write of core goes through this. */
gboolean     aimak_db_run_in_transaction   (AimakDb        *db,
                                            AimakDbWorkFunc work,
                                            gpointer        user_data,
                                            GError        **error);

/* Runs @read inside one read transaction so that everything it reads is one
 * snapshot of the database (the export, the Summary); read-only databases allow
 * it. Inside a transaction that is already open it just runs @read. @read must
 * not write. Returns what @read returns, with its error. */
gboolean     aimak_db_run_in_read_transaction (AimakDb        *db,
                                               AimakDbWorkFunc read,
                                               gpointer        user_data,
                                               GError        **error);

/* Grows whenever the database changed: by this connection or, once it has
 * committed, by another one. Views re-read only when it moved. */
gint64       aimak_db_change_stamp         (AimakDb       *db);

/* The change log: every edit with old and new values, stamped now. */
gboolean     aimak_db_log_change           (AimakDb       *db,
                                            const char    *entity,
                                            const char    *entity_id,
                                            const char    *action,
                                            const char    *field,
                                            const char    *old_value,
                                            const char    *new_value,
                                            GError       **error);
/* The same row stamped @ts (an import's rows share the time it began). */
gboolean     aimak_db_log_change_at        (AimakDb       *db,
                                            const char    *ts,
                                            const char    *entity,
                                            const char    *entity_id,
                                            const char    *action,
                                            const char    *field,
                                            const char    *old_value,
                                            const char    *new_value,
                                            GError       **error);

char        *aimak_db_now                  (void);
char        *aimak_uuid_new                (void);

/* Integrity and foreign-key checks; fills @report with readable lines. */
gboolean     aimak_db_check                (AimakDb       *db,
                                            GString       *report,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakDb, aimak_db_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakStmt, aimak_stmt_release)

G_END_DECLS
