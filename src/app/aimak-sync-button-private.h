/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-button-private.h — shared by the sync button's display
 * (aimak-sync-button.c) and its sync runs (aimak-sync-button-run.c). */
#pragma once

#include "aimak-sync-button.h"

G_BEGIN_DECLS

struct _AimakSyncButton
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkButton      *button;
  GtkStack       *icon_stack;
  GtkImage       *icon;
  GtkSpinner     *spinner;
  GtkLabel       *label;
  GtkMenuButton  *menu_button;
  GtkLabel       *heading_label;
  GtkLabel       *detail_label;
  AdwClamp       *text_clamp;
  GtkWidget      *button_row;
  GtkButton      *area_changes_button;

  /* Owned references */
  AimakDb        *db;
  GCancellable   *cancellable;   /* of the running sync */
  GSettings      *settings;
  char           *error_message; /* why the last sync failed, or NULL */
  GDateTime      *last_synced;
  gint64          pending;
  guint           not_sent;      /* changes to areas this desk may only read, at the last sync */
  GPtrArray      *area_changes;  /* AimakAreaChangeBatch * of the last sync that applied or
                                  * refused a list of area changes, or NULL */
  AimakSyncState  state;
  gboolean        offline;       /* the last failure was the server being out of reach */
  gboolean        interactive;   /* the running sync was asked for: show its failure */
  guint           poll_id;       /* re-reads the pending count */
  guint           auto_id;       /* starts a sync every few minutes */
};

/* aimak-sync-button.c */
void _aimak_sync_button_update       (AimakSyncButton *self);
void _aimak_sync_button_show_failure (AimakSyncButton *self);
void _aimak_sync_button_show_area_changes (AimakSyncButton *self);

/* aimak-sync-button-run.c */
void _aimak_sync_button_start        (AimakSyncButton *self,
                                      gboolean         interactive);
void _aimak_sync_button_schedule     (AimakSyncButton *self);

G_END_DECLS
