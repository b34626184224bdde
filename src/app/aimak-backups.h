/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-backups.h — the app's side of backups: the daily backup at start-up
 * (in a worker thread), restoring a backup into an open window, and the words
 * used to show a backup to the planner. */
#pragma once

#include <adwaita.h>

#include "aimak-core.h"
#include "aimak-window.h"

G_BEGIN_DECLS

/* "28 November 2026, 14:05" in the user's language. */
char     *aimak_backups_format_time         (GDateTime    *time);

/* Makes today's backup of @window's database in a worker thread unless it
 * exists (or the database is read-only); records the date in @settings
 * (may be NULL) and reports a failure as a toast in @window. */
void      aimak_backups_start_daily         (AimakWindow  *window,
                                             GSettings    *settings);

/* Replaces @window's database by @backup: checks it, closes the window's
 * connection, restores (the current state is backed up first) and gives the
 * window the re-opened database. On failure the window gets its unchanged
 * database back. *@previous (may be NULL) gets where the old state went. */
gboolean  aimak_backups_restore_into_window (AimakWindow  *window,
                                             const char   *backup,
                                             char        **previous,
                                             GError      **error);

G_END_DECLS
