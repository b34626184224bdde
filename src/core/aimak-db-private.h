/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-db-private.h — the sqlite3 handle behind an AimakDb, for core modules
 * that need what the helper layer does not offer (the online backup API,
 * last_insert_rowid, progress handlers). Never included by the app or the CLI.
 */
#pragma once

#include <sqlite3.h>

#include "aimak-db.h"

G_BEGIN_DECLS

sqlite3 *aimak_db_get_handle (AimakDb *db);

/* aimak-db-open.c: an AimakDb around an open handle (taken over). */
G_GNUC_INTERNAL AimakDb *_aimak_db_new (sqlite3    *handle,
                                        const char *path,
                                        gboolean    read_only);

/* aimak-db.c: refuse writes until aimak_db_release_writes(). */
G_GNUC_INTERNAL gboolean _aimak_db_hold_writes (AimakDb  *db,
                                                GError  **error);

AimakDb     *aimak_db_open_with_reference  (const char    *path,
                                            AimakDbFlags   flags,
                                            GFile         *reference_dir,
                                            GError       **error);

G_END_DECLS
