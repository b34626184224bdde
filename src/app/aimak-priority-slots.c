/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-slots.c — stable items per position over the priority model.
 *
 * The slots someone holds (GTK: the rows it keeps, about 200) are known; the
 * others are not kept. When the model's rows change, only what changed is
 * reported: the tail that was added or removed (items-changed), then each held
 * slot whose row is another one (the slot's ::changed, which its cells follow).
 * Reporting the whole list as changed made GTK 4.8 look for its tracked rows
 * (focus, scroll anchor) among every new position, making a slot for each one;
 * and GTK 4.8 binds all its kept rows again for any items-changed of the kept
 * positions, not only the changed ones (issue 18, docs/perf-notes-18.md).
 *
 * Each row whose cells change is measured again at the next frame: with the
 * view's scrolled window, the held rows on screen (and a few around) are
 * reported at once and the others after the frame, a chunk per frame, or as
 * soon as the view scrolls. */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "aimak-priority-slots.h"

/* Rows reported beyond the estimated screen, and per idle afterwards. */
#define SCREEN_MARGIN 3
#define IDLE_CHUNK    32

struct _AimakPrioritySlots
{
  GObject             parent_instance;

  AimakPriorityModel *model;
  GHashTable         *held;      /* position → AimakPrioritySlot *, unowned (weak) */
  GtkScrolledWindow  *view;      /* weak */
  GtkAdjustment      *adjustment;
  GHashTable         *deferred;  /* positions still to be reported (a set) */
  GdkFrameClock      *clock;     /* while some wait: its after-paint starts idle_id */
  guint               idle_id;
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

/* A slot nobody holds any more leaves the table. */
static void
on_slot_gone (gpointer  data,
              GObject  *where)
{
  AimakPrioritySlots *self = data;
  AimakPrioritySlot *slot = (AimakPrioritySlot *) where;
  gpointer position = GUINT_TO_POINTER (aimak_priority_slot_get_position (slot));

  if (g_hash_table_lookup (self->held, position) == (gpointer) where)
    g_hash_table_remove (self->held, position);
}

static gpointer
aimak_priority_slots_get_item (GListModel *list,
                               guint       position)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (list);
  AimakPrioritySlot *slot;

  if (position >= aimak_priority_slots_get_n_items (list))
    return NULL;
  slot = g_hash_table_lookup (self->held, GUINT_TO_POINTER (position));
  if (slot)
    return g_object_ref (slot);
  slot = aimak_priority_slot_new (position);
  g_hash_table_insert (self->held, GUINT_TO_POINTER (position), slot);
  g_object_weak_ref (G_OBJECT (slot), on_slot_gone, self);
  return slot;
}

static void
aimak_priority_slots_list_init (GListModelInterface *iface)
{
  iface->get_item_type = aimak_priority_slots_get_item_type;
  iface->get_n_items = aimak_priority_slots_get_n_items;
  iface->get_item = aimak_priority_slots_get_item;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Tells the held slots at @positions that their rows are other ones. Not by
 * items-changed: GTK 4.8 then binds every row it keeps (about 200) again, not
 * only the changed ones; a slot's ::changed reaches only the cells that show
 * it (aimak-priorities-page-cells.c). */
static void
report (AimakPrioritySlots *self,
        GArray             *positions)
{
  guint n_items = aimak_priority_slots_get_n_items (G_LIST_MODEL (self));

  for (guint i = 0; i < positions->len; i++)
    {
      guint p = g_array_index (positions, guint, i);
      AimakPrioritySlot *slot = g_hash_table_lookup (self->held, GUINT_TO_POINTER (p));

      if (p < n_items && slot != NULL)
        {
          g_object_ref (slot);
          aimak_priority_slot_changed (slot);
          g_object_unref (slot);
        }
    }
}

/* Takes up to @max deferred positions (all for 0), sorted. */
static GArray *
take_deferred (AimakPrioritySlots *self,
               guint               max)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->deferred);
  while ((max == 0 || out->len < max) && g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint p = GPOINTER_TO_UINT (key) - 1;

      g_hash_table_iter_remove (&iter);
      if (g_hash_table_contains (self->held, GUINT_TO_POINTER (p)))
        g_array_append_val (out, p);
    }
  g_array_sort (out, compare_positions);
  return out;
}

static void stop_waiting (AimakPrioritySlots *self);

static gboolean
report_deferred_idle (gpointer data)
{
  AimakPrioritySlots *self = data;
  g_autoptr(GArray) chunk = take_deferred (self, IDLE_CHUNK);

  self->idle_id = 0;
  report (self, chunk);
  if (g_hash_table_size (self->deferred) == 0)
    stop_waiting (self);
  return G_SOURCE_REMOVE;
}

/* A frame is out: the next chunk, once it is done. */
static void
on_after_paint (AimakPrioritySlots *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, report_deferred_idle, self, NULL);
}

static void
stop_waiting (AimakPrioritySlots *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->clock)
    g_signal_handlers_disconnect_by_func (self->clock, on_after_paint, self);
  g_clear_object (&self->clock);
}

/* Reports what waits after the next frame; at once without a frame clock. */
static void
wait_for_frame (AimakPrioritySlots *self)
{
  GdkFrameClock *clock = self->view ? gtk_widget_get_frame_clock (GTK_WIDGET (self->view)) : NULL;

  if (clock == NULL)
    {
      g_autoptr(GArray) all = take_deferred (self, 0);

      stop_waiting (self);
      report (self, all);
      return;
    }
  if (self->clock == clock)
    return;
  stop_waiting (self);
  self->clock = g_object_ref (clock);
  g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static gboolean
flush_idle (gpointer data)
{
  AimakPrioritySlots *self = data;
  g_autoptr(GArray) all = take_deferred (self, 0);

  self->idle_id = 0;
  stop_waiting (self);
  report (self, all);
  return G_SOURCE_REMOVE;
}

/* The view scrolls: what waits is reported before the next frame. Not at
 * once: the adjustment also moves while the view is being allocated, when
 * its rows must not change. */
static void
flush_deferred (AimakPrioritySlots *self)
{
  if (g_hash_table_size (self->deferred) == 0)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_idle, self, NULL);
}

/* The positions on screen, estimated from the adjustment over @n rows of the
 * same height (the list's rows are one line each). FALSE when unknown. */
static gboolean
screen_range (AimakPrioritySlots *self,
              guint               n,
              guint              *first,
              guint              *last)
{
  double upper, value, page;

  if (self->adjustment == NULL || n == 0)
    return FALSE;
  upper = gtk_adjustment_get_upper (self->adjustment);
  value = gtk_adjustment_get_value (self->adjustment);
  page = gtk_adjustment_get_page_size (self->adjustment);
  if (upper <= 0 || page <= 0)
    return FALSE;
  *first = (guint) MAX (0.0, floor (value / upper * n) - SCREEN_MARGIN);
  *last = (guint) MIN ((double) n, ceil ((value + page) / upper * n) + SCREEN_MARGIN);
  return TRUE;
}

/* The model reports (0, old n, new n); its changed span says what changed. */
static void
on_items_changed (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  AimakPrioritySlots *self)
{
  guint old_n = removed, new_n = added;
  guint span_position, span_removed, span_added, end, first = 0, last = G_MAXUINT;
  g_autoptr(GArray) now = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) still = take_deferred (self, 0);  /* stale from before */
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (position == 0);
  aimak_priority_model_get_changed_span (self->model, &span_position, &span_removed,
                                         &span_added);
  if (!screen_range (self, old_n, &first, &last))
    first = 0, last = G_MAXUINT;
  /* Rows move from the span on, unless as many came as went. */
  end = span_removed == span_added ? span_position + span_removed : MIN (old_n, new_n);
  for (guint i = 0; i < still->len; i++)
    g_hash_table_add (self->deferred, GUINT_TO_POINTER (g_array_index (still, guint, i) + 1));
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint p = GPOINTER_TO_UINT (key);
      gboolean stale = p < MIN (old_n, new_n) &&
                       ((p >= span_position && p < end) ||
                        g_hash_table_contains (self->deferred, GUINT_TO_POINTER (p + 1)));

      if (!stale)
        {
          /* Unchanged, or in the tail reported below. */
          g_hash_table_remove (self->deferred, GUINT_TO_POINTER (p + 1));
          continue;
        }
      if (p >= first && p < last)
        {
          g_hash_table_remove (self->deferred, GUINT_TO_POINTER (p + 1));
          g_array_append_val (now, p);
        }
      else
        g_hash_table_add (self->deferred, GUINT_TO_POINTER (p + 1));
    }
  g_array_sort (now, compare_positions);

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  /* The same slots, now showing other rows. */
  report (self, now);
  if (g_hash_table_size (self->deferred) > 0)
    wait_for_frame (self);
}

void
aimak_priority_slots_refresh (AimakPrioritySlots *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (AIMAK_IS_PRIORITY_SLOTS (self));
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint p = GPOINTER_TO_UINT (key);

      g_array_append_val (all, p);
    }
  g_array_sort (all, compare_positions);
  report (self, all);
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
  GHashTableIter iter;
  gpointer slot;

  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    g_object_weak_unref (slot, on_slot_gone, self);
  g_hash_table_remove_all (self->held);
  stop_waiting (self);
  aimak_priority_slots_set_view (self, NULL);
  G_OBJECT_CLASS (aimak_priority_slots_parent_class)->dispose (object);
}

static void
aimak_priority_slots_finalize (GObject *object)
{
  AimakPrioritySlots *self = AIMAK_PRIORITY_SLOTS (object);

  g_hash_table_unref (self->held);
  g_hash_table_unref (self->deferred);
  G_OBJECT_CLASS (aimak_priority_slots_parent_class)->finalize (object);
}

static void
aimak_priority_slots_class_init (AimakPrioritySlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aimak_priority_slots_dispose;
  object_class->finalize = aimak_priority_slots_finalize;
}

static void
aimak_priority_slots_init (AimakPrioritySlots *self)
{
  self->held = g_hash_table_new (g_direct_hash, g_direct_equal);
  /* Keys are position + 1: a set's key cannot be NULL. */
  self->deferred = g_hash_table_new (g_direct_hash, g_direct_equal);
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

void
aimak_priority_slots_set_view (AimakPrioritySlots *self,
                               GtkScrolledWindow  *view)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_SLOTS (self));
  if (self->adjustment)
    g_signal_handlers_disconnect_by_func (self->adjustment, flush_deferred, self);
  g_clear_object (&self->adjustment);
  g_clear_weak_pointer (&self->view);
  if (view == NULL)
    return;
  g_set_weak_pointer (&self->view, view);
  self->adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (view));
  g_signal_connect_swapped (self->adjustment, "value-changed", G_CALLBACK (flush_deferred), self);
}
