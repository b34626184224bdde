/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-slot.h — one item of AimakPrioritySlots: a position of the
 * Priorities view's list that stays the same object while the row shown there
 * changes (see aimak-priority-slots.h). Its ::changed signal tells the cells
 * showing it that the row there is another one. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITY_SLOT (aimak_priority_slot_get_type ())
G_DECLARE_FINAL_TYPE (AimakPrioritySlot, aimak_priority_slot, AIMAK, PRIORITY_SLOT, GObject)

AimakPrioritySlot *aimak_priority_slot_new          (guint              position);
guint              aimak_priority_slot_get_position (AimakPrioritySlot *self);
/* Emits ::changed: the row at this position is another one. */
void               aimak_priority_slot_changed      (AimakPrioritySlot *self);

G_END_DECLS
