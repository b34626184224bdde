/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-safety.h — what every file Aimak writes must respect: never replace
 * the wrong file, never call a broken file finished, never leave temporary files
 * behind. Shared by the database, the backups and the workbook export.
 *
 * Temporary files carry the writing process's id in their names
 * (".aimak-incomplete-PID-XXXXXX.db", ".NAME.xlsx.aimak-PID-XXXXXX",
 * "NAME.db.new-PID-XXXXXXXX"). aimak_file_clean_stale_temps() removes one when
 * that process is gone, or, whatever the name says (older names carry no id; an
 * id may be reused), when it was last written more than an hour ago: nothing
 * Aimak writes takes that long without touching its file.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

typedef enum
{
  AIMAK_FILE_KIND_MISSING,
  AIMAK_FILE_KIND_OTHER,       /* exists, but none of the below (an empty file too) */
  AIMAK_FILE_KIND_SQLITE,      /* an SQLite database, Aimak's or not */
  AIMAK_FILE_KIND_WORKBOOK,    /* a zip holding xl/workbook.xml */
} AimakFileKind;

#define AIMAK_STALE_TEMP_SECONDS (60 * 60)

/* @path made absolute against the current folder, without touching the disk
 * (works in a folder that cannot be read). */
char          *aimak_file_absolute          (const char   *path);

/* TRUE if @a and @b are the same file (same device and inode: another path, a
 * symbolic or a hard link). FALSE if either is missing. */
gboolean       aimak_file_same              (const char   *a,
                                             const char   *b);

/* TRUE when @dir is, or is inside, a folder named "backups" (which holds database
 * backups only: no document or workbook is written there). */
gboolean       aimak_file_in_backups_folder (const char   *dir);
/* TRUE when @path names the database @db_path or one of its side files (its WAL,
 * shared memory or journal), which may not exist at this moment; FALSE when
 * @db_path is NULL. */
gboolean       aimak_file_is_database_file  (const char   *path,
                                             const char   *db_path);

/* Checks a finished workbook: every part of the zip inflates to its recorded
 * size and CRC, the XML parts end with the end tag of their root element, and
 * xl/workbook.xml is there. On failure @error (G_IO_ERROR) says what is wrong
 * with which part. */
gboolean       aimak_file_verify_workbook   (const char   *path,
                                             GError      **error);

/* Removes Aimak's own stale temporary files in @dir (see above); returns how
 * many. Never touches anything else. */
guint          aimak_file_clean_stale_temps (const char   *dir);

/* The pattern for g_mkstemp() of a temporary file named after @base. */
char          *aimak_file_temp_template     (const char   *dir,
                                             const char   *base,
                                             const char   *suffix);

/* Creates an empty, hidden temporary file ".NAME.aimak-PID-XXXXXX" beside
 * @path in @dir (proving the folder writable) after removing the stale ones
 * there, and returns its path; NULL with the errno in *@saved_errno when it
 * cannot. The mode follows the umask like any new file. */
char          *aimak_file_create_temp_beside (const char  *dir,
                                              const char  *path,
                                              int         *saved_errno);

/* Runs between begin and end send libxlsxwriter's own stderr lines ("[ERROR]",
 * "[WARNING]") to the debug log instead of the terminal: the caller reports the
 * failure in the user's language. Other output in that window is passed on.
 * Serialised process-wide. */
void           aimak_file_quiet_stderr_begin (void);
void           aimak_file_quiet_stderr_end   (void);

/* What aimak_file_judge_target() says of a file Aimak is about to write. */
typedef enum
{
  AIMAK_TARGET_OK,
  AIMAK_TARGET_NO_NAME,       /* no path at all */
  AIMAK_TARGET_DATABASE,      /* the database or one of its side files, under any name */
  AIMAK_TARGET_IN_BACKUPS,    /* inside a "backups" folder */
  AIMAK_TARGET_FOLDER,        /* an existing folder */
  AIMAK_TARGET_SPECIAL,       /* exists and is not a regular file */
  AIMAK_TARGET_READ_ONLY,     /* an existing file made read-only */
  AIMAK_TARGET_SQLITE,        /* an existing SQLite database (said by the kind function) */
  AIMAK_TARGET_OTHER_KIND,    /* an existing file of another kind than the one written */
  AIMAK_TARGET_EXISTS,        /* a file of the right kind, and replacing was not asked for */
  AIMAK_TARGET_NO_FOLDER,     /* its folder does not exist */
} AimakTargetVerdict;

/* Says whether the existing regular file @path is of the kind being written:
 * AIMAK_TARGET_OK, or AIMAK_TARGET_SQLITE / AIMAK_TARGET_OTHER_KIND. */
typedef AimakTargetVerdict (*AimakTargetKindFunc) (const char *path);

/* The one rule for every target Aimak writes (the workbook, the programme
 * document), checked in this order: a name, not the database @db_path (may be
 * NULL) nor a side file of it, not in a backups folder; an existing target must
 * be a writable regular file that @kind accepts, and is replaced only when
 * @replace; the folder must exist. On AIMAK_TARGET_OK *@dir_out (may be NULL)
 * gets the folder. The caller turns a refusal into its own message. */
AimakTargetVerdict aimak_file_judge_target   (const char          *path,
                                              const char          *db_path,
                                              gboolean             replace,
                                              AimakTargetKindFunc  kind,
                                              char               **dir_out);

/* What a caller of aimak_file_check_target() says for @verdict: @message (an
 * N_() literal, translated when used) takes the file's display name as its %s
 * (the folder's for AIMAK_TARGET_NO_FOLDER). A table ends with AIMAK_TARGET_OK. */
typedef struct
{
  AimakTargetVerdict  verdict;
  int                 code;
  const char         *message;
} AimakTargetMessage;

/* The words every target check shares. */
#define AIMAK_TARGET_READ_ONLY_MESSAGE \
  N_("The file “%s” is read-only and cannot be replaced. Choose another " \
     "name or make the file writable.")
#define AIMAK_TARGET_NO_FOLDER_MESSAGE N_("The folder “%s” does not exist.")

/* aimak_file_judge_target(), a refusal set in @error (@domain) from @messages. */
gboolean       aimak_file_check_target      (const char               *path,
                                             const char               *db_path,
                                             gboolean                  replace,
                                             AimakTargetKindFunc       kind,
                                             GQuark                    domain,
                                             const AimakTargetMessage *messages,
                                             char                    **dir_out,
                                             GError                  **error);

/* Refuses a workbook target that must not be replaced: the database @db_path
 * (may be NULL) or one of its side files under any name, any SQLite database,
 * anything in a "backups" folder, an existing file that is not a workbook, a
 * folder or a read-only file. An existing workbook is refused with
 * AIMAK_EXPORT_ERROR_EXISTS unless @replace. On success *@dir_out (may be NULL)
 * gets the folder. */
gboolean       aimak_file_check_workbook_target (const char  *path,
                                                 const char  *db_path,
                                                 gboolean     replace,
                                                 char       **dir_out,
                                                 GError     **error);

G_END_DECLS
