/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-area-changes.h — what a sync did with the lists of area changes
 * published on the office server (issue 17), told to the planner: the toast,
 * the lines of the sync popover and a dialog listing them, each applied list
 * with a way to its new area in the Areas view, each refused one with the
 * reason. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

/* The toast after a sync: NULL when no list was applied or refused. */
char      *aimak_sync_area_changes_toast_text  (GPtrArray            *batches);
/* The popover's lines, one per applied or refused list (a refused one with
 * its reason): NULL when there is none. */
char      *aimak_sync_area_changes_detail_text (GPtrArray            *batches);
/* One list of area changes as a row: what changed, why it was refused (or
 * the legal act), and its status ("Applied" for a new one when @applied). */
GtkWidget *aimak_sync_area_changes_batch_row   (const AimakAreaChangeBatch *b,
                                                gboolean                    applied);
/* "Area Changes From the Office Server": the applied and refused lists;
 * Show in Areas opens the Areas view of @parent (an AimakWindow) on the new
 * area. */
GtkWidget *aimak_sync_area_changes_dialog_new  (GtkWindow            *parent,
                                                GPtrArray            *batches);

G_END_DECLS
