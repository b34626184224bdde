/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-review.h — conflicts that a sync found, shown to the user in a
 * dialog that decides them (nothing is overwritten silently); the sync
 * button stores and sends the decisions with
 * aimak_sync_apply_decisions_async(). */
#pragma once

#include <adwaita.h>

#include "aimak-server.h"
#include "aimak-sync.h"

G_BEGIN_DECLS

/* Shows @conflicts (AimakMergeItem *, of kind Conflict; the review takes
 * ownership of the array) in a modal dialog over @widget's window. */
void       aimak_sync_review_present        (GtkWidget               *widget,
                                             GPtrArray               *conflicts,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
/* The decided items (fields chosen), or NULL when the user put the review
 * off (the records stay as they are on both sides; the next sync finds the
 * conflicts again). */
GPtrArray *aimak_sync_review_present_finish (GAsyncResult            *result);

G_END_DECLS
