/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-areas.h — area changes on the office server (issue 17): the
 * server's owner publishes a change list (server schema 2, table
 * aimak.area_change_batch, which desks read and cannot write); every sync
 * applies, before it moves any record, the published lists the desk lacks,
 * through the same checks and apply as a list read from a file
 * (aimak_area_change_batches_receive()).
 */
#pragma once

#include "aimak-area-change.h"
#include "aimak-server.h"

G_BEGIN_DECLS

/* Publishes @list on the server of @config, connecting as its owner: checked
 * first against @db (the owner's database, as for aimak_server_init()), in a
 * transaction that is rolled back, and refused (AIMAK_DB_ERROR_INVALID, with
 * the reason) when it contradicts @db's list of areas. @uuid_out (may be
 * NULL) gets the identity every desk will record it under. */
gboolean aimak_server_publish_area_changes (const AimakServerConfig  *config,
                                            const char               *password,
                                            AimakDb                  *db,
                                            AimakAreaChangeList      *list,
                                            char                    **uuid_out,
                                            GCancellable             *cancellable,
                                            GError                  **error);

G_END_DECLS
