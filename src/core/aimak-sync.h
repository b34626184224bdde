/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync.h — syncing a desk's local database with the office server
 * (aimak-server.h), through the same merge engine as exchange packages
 * (aimak-merge.h): one engine, the same New / Unchanged / Updated / Conflict
 * outcomes, the same conflict review.
 *
 * A sync pushes, then pulls:
 *  - push: every local record of the desk's configured areas changed since it
 *    last travelled (revision > base_revision) is written to the server when
 *    the server's copy is still the one this desk based its change on;
 *    otherwise it is a conflict;
 *  - pull: every server record changed since the last pulled position is
 *    classified against the local one: New and Updated are written here,
 *    Unchanged skipped, a Conflict left as it is on both sides and returned.
 * Nothing is overwritten silently: conflicts come back in the result for
 * review, and aimak_sync_apply_decisions() stores the decided records and
 * pushes them.
 *
 * Resumable and idempotent: work goes in batches, each one transaction on the
 * server and one in the local database, and the local bookkeeping (base
 * revisions, the pulled position) is written only after the server committed.
 * A cut at any point leaves both sides consistent; the next sync redoes at
 * most the batch that was cut, which then classifies as Unchanged.
 *
 * Local sync state (settings, the pulled position, the last sync time) lives
 * in the local database (schema 0007), never the password.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-merge.h"
#include "aimak-server.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean   dry_run;         /* nothing was written, on either side */
  guint      pushed;          /* local changes written to the server (would be, for a dry run) */
  guint      pulled;          /* server changes written here: New + Updated */
  guint      unchanged;       /* server records already here */
  GPtrArray *conflicts;       /* AimakMergeItem * of kind Conflict: mine = this desk's,
                               * theirs = the server's; neither side was changed */
  GPtrArray *rejected;        /* AimakMergeItem * of kind Rejected, with the reason */
  char      *synced_at;       /* ISO 8601 UTC when this sync ended; NULL for a dry run */
  guint      not_sent;        /* local changes to areas this desk may only read: kept here,
                               * never sent (aimak_server_read_only_changes()) */
  char     **not_sent_areas;  /* their area codes (NULL-terminated), or NULL */
  GPtrArray *area_changes;    /* AimakAreaChangeBatch * published on the server, pulled
                               * first: New (applied), Unchanged or Refused with the reason
                               * (aimak-sync-areas.h); NULL when the sync stopped before */
} AimakSyncResult;

/* Syncs @db with the server of @config (aimak_server_config_load() gives the
 * stored one), as described above. Blocking: use the _async variant from the
 * GUI. Returns TRUE when the sync ran to its end, conflicts or not (see
 * @result_out); FALSE with an AIMAK_SERVER_ERROR (UNREACHABLE,
 * CONNECTION_LOST, BAD_PASSWORD, ...), an AIMAK_DB_ERROR or
 * G_IO_ERROR_CANCELLED, and then whatever was committed before stays
 * consistent on both sides. @dry_run connects and classifies but writes
 * nothing. @result_out may be NULL. */
gboolean         aimak_sync_run                 (AimakDb                 *db,
                                                 const AimakServerConfig *config,
                                                 const char              *password,
                                                 gboolean                 dry_run,
                                                 GCancellable            *cancellable,
                                                 AimakSyncResult        **result_out,
                                                 GError                 **error);

/* Runs aimak_sync_run() in a worker thread on a second connection to the
 * same database file (aimak_db_get_path (@db)), so that edits go on while it
 * runs; SQLite serialises the short write transactions of both. Copies
 * @config and @password. */
void             aimak_sync_run_async           (AimakDb                 *db,
                                                 const AimakServerConfig *config,
                                                 const char              *password,
                                                 gboolean                 dry_run,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
/* Finishes aimak_sync_run_async() and aimak_sync_apply_decisions_async(). */
gboolean         aimak_sync_run_finish          (GAsyncResult            *result,
                                                 AimakSyncResult        **result_out,
                                                 GError                 **error);
/* aimak_sync_apply_decisions() in a worker thread on a second connection, as
 * aimak_sync_run_async(); finished by aimak_sync_run_finish(). */
void             aimak_sync_apply_decisions_async (AimakDb                 *db,
                                                   const AimakServerConfig *config,
                                                   const char              *password,
                                                   GPtrArray               *items,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);

/* Stores the decided conflicts @items (AimakMergeItem *, from a result's
 * conflicts, each field chosen with aimak_merge_item_choose() or
 * aimak_merge_item_choose_all(); undecided fields keep mine) in @db in one
 * transaction, through aimak_merge_item_result(), then runs a sync so that
 * the server gets the outcome. A record that changed again on the server in
 * the meantime comes back as a new conflict in @result_out. */
gboolean         aimak_sync_apply_decisions     (AimakDb                 *db,
                                                 const AimakServerConfig *config,
                                                 const char              *password,
                                                 GPtrArray               *items,
                                                 GCancellable            *cancellable,
                                                 AimakSyncResult        **result_out,
                                                 GError                 **error);

/* The number of local changes waiting to be pushed: records of the configured
 * areas with revision > base_revision. 0 when no server is configured; -1
 * with @error on a database error. Cheap (indexed): fine for a header bar. */
gint64           aimak_sync_pending_count       (AimakDb                 *db,
                                                 GError                 **error);

/* When this database last completed a sync (not a dry run), or NULL. */
GDateTime       *aimak_sync_last_synced         (AimakDb                 *db);

void             aimak_sync_result_free         (AimakSyncResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakSyncResult, aimak_sync_result_free)

G_END_DECLS
