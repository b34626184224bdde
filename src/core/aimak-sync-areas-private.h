/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-areas-private.h — the sync's step for area changes (aimak-sync.c). */
#pragma once

#include "aimak-server-private.h"
#include "aimak-sync-areas.h"

G_BEGIN_DECLS

/* Reads every change list published on the server of @conn, in the order it
 * was published, and receives them in @db in one transaction (rolled back
 * for a @dry_run). @batches_out gets them (AimakAreaChangeBatch *), each New
 * (applied now), Unchanged or Refused with the reason; a refused one stops
 * nothing else. */
gboolean _aimak_sync_pull_areas (AimakDb     *db,
                                 PGconn      *conn,
                                 gboolean     dry_run,
                                 GPtrArray  **batches_out,
                                 GError     **error);

G_END_DECLS
