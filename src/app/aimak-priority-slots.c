/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-slots.c — stable items per position over the priority model. */
#include "config.h"

#include "aimak-priority-slots.h"

struct _AimakPrioritySlots
{
  GObject             parent_instance;

  AimakPriorityModel *model;
  GPtrArray          *slots;   /* AimakPrioritySlot * or NULL, made when asked for */
};

static void aimak_priority_slots_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AimakPrioritySlots, aimak_priority_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      aimak_priority_slots_list_init))

static GType
aimak_priority_slots_get_item_type (GListModel *list)
{
  return AIMAK_TYPE_PRIORITY_SLOT;
}

static guint
aimak_priority_slots_get_n_items (GListModel *list)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (list);

  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static gpointer
aimak_priority_slots_get_item (GListModel *list,
                               guint       position)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (list);
  AimakPrioritySlot *slot;

  if (position >= aimak_priority_slots_get_n_items (list))
    return NULL;
  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = aimak_priority_slot_new (position);
      g_ptr_array_index (self->slots, position) = slot;
    }
  return g_object_ref (slot);
}

static void
aimak_priority_slots_list_init (GListModelInterface *iface)
{
  iface->get_item_type = aimak_priority_slots_get_item_type;
  iface->get_n_items = aimak_priority_slots_get_n_items;
  iface->get_item = aimak_priority_slots_get_item;
}

static void
on_items_changed (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  AimakPrioritySlots *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

AimakPriorityRow *
aimak_priority_slots_get_row (AimakPrioritySlots *self,
                              guint               position)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_SLOTS (self), NULL);
  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->model), position);
}

static void
aimak_priority_slots_dispose (GObject *object)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (object);

  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (aimak_priority_slots_parent_class)->dispose (object);
}

static void
aimak_priority_slots_finalize (GObject *object)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (object);

  g_ptr_array_unref (self->slots);
  G_OBJECT_CLASS (aimak_priority_slots_parent_class)->finalize (object);
}

static void
aimak_priority_slots_class_init (AimakPrioritySlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aimak_priority_slots_dispose;
  object_class->finalize = aimak_priority_slots_finalize;
}

/* Slots are made when asked for: the array has holes. */
static void
slot_unref (gpointer slot)
{
  if (slot)
    g_object_unref (slot);
}

static void
aimak_priority_slots_init (AimakPrioritySlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_unref);
}

AimakPrioritySlots *
aimak_priority_slots_new (AimakPriorityModel *model)
{
  AimakPrioritySlots *self;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (model), NULL);
  self = g_object_new (AIMAK_TYPE_PRIORITY_SLOTS, NULL);
  self->model = g_object_ref (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}
