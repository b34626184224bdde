/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-slots.h — the list model of the Priorities view: one item per
 * position that stays the same object while the rows behind it change, over an
 * AimakPriorityModel. GTK 4.8 then keeps the row widgets on screen when a
 * search or filter replaces the rows, instead of making them anew and looking
 * for their old items among every new row (half a second with 100,000 rows);
 * the view fills the cells again from the position when a slot reports
 * ::changed (see aimak-priorities-page-cells.c). */
#pragma once

#include <gtk/gtk.h>
#include "aimak-core.h"
#include "aimak-priority-slot.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITY_SLOTS (aimak_priority_slots_get_type ())
G_DECLARE_FINAL_TYPE (AimakPrioritySlots, aimak_priority_slots, AIMAK, PRIORITY_SLOTS, GObject)

AimakPrioritySlots *aimak_priority_slots_new         (AimakPriorityModel *model);
/* The row now at @position (a new reference), or NULL past the end. */
AimakPriorityRow   *aimak_priority_slots_get_row     (AimakPrioritySlots *self,
                                                      guint               position);

/* Every held slot reports ::changed: what its cells show besides the row
 * changed (e.g. the origin badges were read again). */
void                aimak_priority_slots_refresh     (AimakPrioritySlots *self);

/* The view's scrolled window (NULL: none): held slots off its screen are
 * told of their new rows after the frame, a chunk per frame, or when it
 * scrolls. */
void                aimak_priority_slots_set_view    (AimakPrioritySlots *self,
                                                      GtkScrolledWindow  *view);

G_END_DECLS
