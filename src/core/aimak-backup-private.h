/* aimak-backup-private.h — test hooks of aimak-backup.c: functions only the tests call. */
#pragma once

#include "aimak-backup.h"

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

G_END_DECLS
