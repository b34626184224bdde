/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backup-private.h — test hooks of aimak-backup.c: functions only the tests call. */
#pragma once

#include "aimak-backup.h"
#include "aimak-db-private.h"

G_BEGIN_DECLS

/* aimak_backup_create() through a connection of its own (usable from a worker
 * thread). */
char            *aimak_backup_create_for_path (const char  *db_path,
                                               GDateTime   *now,
                                               GError     **error);
/* The newest backup of @db_path that passes aimak_backup_verify(), or NULL
 * with AIMAK_BACKUP_ERROR_NO_BACKUP. */
char            *aimak_backup_find_newest_good (const char *db_path,
                                                GError    **error);
/* Removes all but the newest @keep backups of each database (and stale
 * temporary files) in @backup_dir; returns how many backups were removed. */
guint            aimak_backup_prune          (const char   *backup_dir,
                                              int           keep,
                                              GError      **error);

/* aimak-backup.c, for aimak-backup-restore.c. */
G_GNUC_INTERNAL void     set_write_error        (GError     **error,
                                                 const char  *path,
                                                 int          sys,
                                                 const char  *reason);
G_GNUC_INTERNAL gboolean fsync_path             (const char  *path,
                                                 gboolean     is_dir,
                                                 const char  *display,
                                                 GError     **error);
G_GNUC_INTERNAL void     unlink_with_side_files (const char  *path);
G_GNUC_INTERNAL char    *side_file              (const char  *db_path,
                                                 const char  *suffix);
G_GNUC_INTERNAL const char *write_reason        (sqlite3     *handle,
                                                 int          rc);
G_GNUC_INTERNAL void     set_sqlite_write_error (GError     **error,
                                                 const char  *path,
                                                 sqlite3     *handle,
                                                 int          rc);
G_GNUC_INTERNAL gboolean write_temp_copy        (sqlite3     *src,
                                                 const char  *dir,
                                                 const char  *target,
                                                 char       **tmp_out,
                                                 GError     **error);

G_END_DECLS
