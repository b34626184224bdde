/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-slot.c — see aimak-priority-slot.h. */
#include "config.h"

#include "aimak-priority-slot.h"

struct _AimakPrioritySlot
{
  GObject parent_instance;

  guint   position;
};

G_DEFINE_FINAL_TYPE (AimakPrioritySlot, aimak_priority_slot, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
aimak_priority_slot_class_init (AimakPrioritySlotClass *klass)
{
  /**
   * AimakPrioritySlot::changed:
   *
   * The row at this slot's position is another one now: whoever shows it
   * reads it again (aimak_priority_slots_get_row()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aimak_priority_slot_init (AimakPrioritySlot *self)
{
}

AimakPrioritySlot *
aimak_priority_slot_new (guint position)
{
  AimakPrioritySlot *self = g_object_new (AIMAK_TYPE_PRIORITY_SLOT, NULL);

  self->position = position;
  return self;
}

guint
aimak_priority_slot_get_position (AimakPrioritySlot *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_SLOT (self), 0);
  return self->position;
}

void
aimak_priority_slot_changed (AimakPrioritySlot *self)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_SLOT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
