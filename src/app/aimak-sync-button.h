/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-button.h — the office server's sync state in the header bar
 * (issue 16): hidden when no server is configured; otherwise when the desk
 * last synced, how many changes wait, a spinner while syncing, or why the
 * last sync failed. It also runs the syncs: on demand (win.sync) and every
 * few minutes, in a worker thread on its own database connection, and opens
 * the conflict review when the server's copy and this desk's both changed. */
#pragma once

#include <adwaita.h>

#include "aimak-db.h"

G_BEGIN_DECLS

typedef enum
{
  AIMAK_SYNC_STATE_UNCONFIGURED, /* no server: the button is hidden */
  AIMAK_SYNC_STATE_SYNCED,       /* nothing waiting; shows when it last synced */
  AIMAK_SYNC_STATE_PENDING,      /* local changes wait to be sent */
  AIMAK_SYNC_STATE_SYNCING,
  AIMAK_SYNC_STATE_OFFLINE,      /* the server could not be reached */
  AIMAK_SYNC_STATE_FAILED,       /* the server was reached but the sync failed */
} AimakSyncState;

#define AIMAK_TYPE_SYNC_BUTTON (aimak_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (AimakSyncButton, aimak_sync_button, AIMAK, SYNC_BUTTON, AdwBin)

AimakSyncButton *aimak_sync_button_new        (void);
void             aimak_sync_button_set_db     (AimakSyncButton *self,
                                               AimakDb         *db);
/* Reads again whether a server is configured, the number of changes waiting
 * and the last sync time (after the settings changed, or an edit). */
void             aimak_sync_button_refresh    (AimakSyncButton *self);
/* Starts a sync now unless one runs or no server is configured; a failure
 * then opens the popover with the reason. */
void             aimak_sync_button_sync       (AimakSyncButton *self);
AimakSyncState   aimak_sync_button_get_state  (AimakSyncButton *self);
/* The short text shown in the button, e.g. "3 changes waiting". */
const char      *aimak_sync_button_get_text   (AimakSyncButton *self);

G_END_DECLS
