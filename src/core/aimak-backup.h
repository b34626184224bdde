/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backup.h — copies of the database that a planner can go back to:
 * consistent snapshots through SQLite's online backup API, the daily and
 * pre-migration backups kept beside the database, their verification, and
 * restoring one in place without ever leaving a half-written database.
 *
 * Backups of a database at DIR/NAME.db live in DIR/backups/ (for the default
 * database that is $XDG_DATA_HOME/aimak/backups/) and are named
 * NAME-YYYY-MM-DD-HHMMSS.db (local time; "-N" is added if two fall in the
 * same second): the name says which database a backup belongs to, and listing,
 * the daily backup and restoring the newest consider only that database's. Each is a self-contained SQLite file in rollback-journal mode.
 * Every file is written under a temporary name in its folder, synced and then
 * renamed, so a crash or a full disk leaves either the old state or the new.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_BACKUP_ERROR (aimak_backup_error_quark ())

typedef enum
{
  AIMAK_BACKUP_ERROR_WRITE,      /* the copy could not be written (disk full, permission) */
  AIMAK_BACKUP_ERROR_SOURCE,     /* the database to copy could not be read or is gone */
  AIMAK_BACKUP_ERROR_INVALID,    /* a file to restore is damaged, foreign or too new */
  AIMAK_BACKUP_ERROR_IN_USE,     /* the database is open in another program */
  AIMAK_BACKUP_ERROR_NO_BACKUP,  /* there is no good backup to restore */
  AIMAK_BACKUP_ERROR_EXISTS,     /* the target file exists already */
} AimakBackupError;

#define AIMAK_BACKUP_KEEP_DEFAULT 14

typedef struct
{
  char      *path;
  GDateTime *time;               /* local time, from the name */
  goffset    size;               /* bytes */
} AimakBackupInfo;

GQuark           aimak_backup_error_quark    (void);

/* The folder that holds the backups of the database at @db_path. */
char            *aimak_backup_dir_for        (const char   *db_path);

/* Writes a consistent copy of @db to @dest (temporary name, fsync, rename).
 * Refuses to replace an existing @dest unless @overwrite. */
gboolean         aimak_backup_write          (AimakDb      *db,
                                              const char   *dest,
                                              gboolean      overwrite,
                                              GError      **error);

/* A new timestamped backup of @db in its backups folder; @now NULL = now.
 * Returns the path of the new file. Does not remove old backups. */
char            *aimak_backup_create         (AimakDb      *db,
                                              GDateTime    *now,
                                              GError      **error);

/* The start-up backup: at most one a day. If the backups folder has no backup
 * dated @now's day (@now NULL = now), makes one and removes all but the newest
 * @keep (@keep <= 0 keeps all). *@made (may be NULL) gets the new path or NULL
 * when today's backup existed already. FALSE only on error. */
gboolean         aimak_backup_daily          (const char   *db_path,
                                              GDateTime    *now,
                                              int           keep,
                                              char        **made,
                                              GError      **error);


/* The backups of the database at @db_path, newest first (AimakBackupInfo *).
 * An absent folder gives an empty array. */
GPtrArray       *aimak_backup_list           (const char   *db_path,
                                              GError      **error);
void             aimak_backup_info_free      (AimakBackupInfo *info);

/* Checks that @path is an undamaged Aimak database (full integrity_check) of a
 * version this program reads, without changing it. */
gboolean         aimak_backup_verify         (const char   *path,
                                              GError      **error);


/* Puts the Aimak database @backup in place of @db_path. Nothing changes unless
 * @backup verifies. A good current database is backed up first; a damaged,
 * foreign or newer one is moved aside to "<name>.damaged-<date>" (or
 * "<name>.newer-<date>") untouched. *@previous (may be NULL) gets where the
 * previous database went. Every connection to @db_path must be closed: if
 * another program still has it open, nothing changes (AIMAK_BACKUP_ERROR_IN_USE). */
gboolean         aimak_backup_restore        (const char   *backup,
                                              const char   *db_path,
                                              char        **previous,
                                              GError      **error);

/* aimak_backup_restore() with the newest good backup; *@restored_from (may be
 * NULL) gets its path. */
gboolean         aimak_backup_restore_newest (const char   *db_path,
                                              char        **restored_from,
                                              char        **previous,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakBackupInfo, aimak_backup_info_free)

G_END_DECLS
