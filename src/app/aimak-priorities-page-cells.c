/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page-cells.c — the cells of the Priorities table. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aimak-area-item.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page-private.h"

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

/* The cells are made in C rather than by GtkBuilderListItemFactory templates:
 * after each search keystroke GTK binds its ~200 kept rows again, so a bind
 * must be cheap: plain setters, no expression watches, tooltips only when
 * asked for (measured with 100,000 priorities: 0.3–1 s per keystroke before,
 * 20–40 ms after). Rows are snapshots (the model makes new ones on aimak_priorities_page_reload),
 * so nothing needs to watch them. */

static GtkWidget *
cell_label (float       xalign,
            gboolean    ellipsize,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The row behind a cell, looked up by position (a new reference). */
static AimakPriorityRow *
item_row (AimakPrioritiesPage *self,
          GtkListItem         *item)
{
  AimakPrioritySlot *slot = gtk_list_item_get_item (item);
  AimakPriorityRow *row = NULL;

  if (slot && self->slots)
    row = aimak_priority_slots_get_row (self->slots, aimak_priority_slot_get_position (slot));
  return row ? row : g_object_new (AIMAK_TYPE_PRIORITY_ROW, NULL);
}

/* A cell follows its slot: when the row at the slot's position is another
 * one (a search, filter, sort or edit), the slot's ::changed binds the cell
 * again, and GTK is not told (GTK 4.8 binds every row it keeps again for any
 * items-changed; see aimak-priority-slots.c). */
typedef void (*BindFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  data);

typedef struct
{
  GtkSignalListItemFactory *factory;  /* passed on to bind; unused there */
  gpointer                  page;
  BindFunc                  bind;
  AimakPrioritySlot        *slot;     /* weak */
  gulong                    handler;
} SlotWatch;

#define SLOT_WATCH "aimak-slot-watch"

static void
slot_watch_free (SlotWatch *w)
{
  if (w->slot)
    g_signal_handler_disconnect (w->slot, w->handler);
  g_clear_weak_pointer (&w->slot);
  g_free (w);
}

static void
on_slot_changed (AimakPrioritySlot *slot,
                 GtkListItem       *item)
{
  SlotWatch *w = g_object_get_data (G_OBJECT (item), SLOT_WATCH);

  /* The item may show another slot since (GTK moved it). */
  if (w && gtk_list_item_get_item (item) == (gpointer) slot)
    w->bind (w->factory, item, w->page);
}

/* item_row(), and the cell now follows the slot it shows. */
static AimakPriorityRow *
watched_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data,
             BindFunc                  bind)
{
  AimakPrioritySlot *slot = gtk_list_item_get_item (item);
  SlotWatch *w = g_object_get_data (G_OBJECT (item), SLOT_WATCH);

  if (w == NULL)
    {
      w = g_new0 (SlotWatch, 1);
      w->factory = factory;
      w->page = data;
      w->bind = bind;
      g_object_set_data_full (G_OBJECT (item), SLOT_WATCH, w, (GDestroyNotify) slot_watch_free);
    }
  if (w->slot != slot)
    {
      if (w->slot)
        g_signal_handler_disconnect (w->slot, w->handler);
      w->handler = 0;
      g_set_weak_pointer (&w->slot, slot);
      if (slot)
        w->handler = g_signal_connect (slot, "changed", G_CALLBACK (on_slot_changed), item);
    }
  return item_row (data, item);
}

/* Tooltips are asked for when shown: setting one on each bind costs a round
 * trip to the display server (GTK checks where the pointer is). The text is
 * the "aimak-tooltip" data, or the label's own (ellipsized) text. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "aimak-tooltip");

  if (text == NULL && GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
lazy_tooltip (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

static void
set_label (GtkListItem *item,
           const char  *text)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
}

void
aimak_priorities_page_setup_rank (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  gtk_list_item_set_child (item, cell_label (1, FALSE, "numeric"));
}

void
aimak_priorities_page_bind_rank (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_rank);
  g_autofree char *text = g_strdup_printf ("%d", aimak_priority_row_get_rank (row));

  set_label (item, text);
}

void
aimak_priorities_page_setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = cell_label (0, TRUE, NULL);

  lazy_tooltip (label);
  gtk_list_item_set_child (item, label);
}

void
aimak_priorities_page_bind_area (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_area);

  set_label (item, aimak_priority_row_get_area_name (row));
}

/* Received priorities carry the name of the desk they came from: read once per
 * receive (the stamp changes with each receive and undo), looked up per bind.
 * The read scans every priority (46 ms at 100,000: no index on origin_desk),
 * so it is made in an idle after the frame, not in the first bind: until then
 * the table read before (none at first) is used, and when the new one has
 * origins (or the old one had), the held rows are bound again. */
typedef struct
{
  gint64      stamp;    /* of the table read; -1 before the first */
  GHashTable *origins;
  guint       idle_id;
} Origins;

static void
origins_free (Origins *o)
{
  g_clear_handle_id (&o->idle_id, g_source_remove);
  g_clear_pointer (&o->origins, g_hash_table_unref);
  g_free (o);
}

static gboolean
read_origins_idle (gpointer data)
{
  AimakPrioritiesPage *self = data;
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  Origins *o = g_object_get_data (G_OBJECT (self), "aimak-origins");
  gboolean had, has;

  if (o == NULL)
    return G_SOURCE_REMOVE;
  o->idle_id = 0;
  if (db == NULL)
    return G_SOURCE_REMOVE;
  had = o->origins != NULL && g_hash_table_size (o->origins) > 0;
  g_clear_pointer (&o->origins, g_hash_table_unref);
  o->stamp = aimak_package_receive_stamp (db);
  o->origins = aimak_package_received_priorities (db, NULL);
  has = o->origins != NULL && g_hash_table_size (o->origins) > 0;
  if ((had || has) && self->slots)
    aimak_priority_slots_refresh (self->slots);
  return G_SOURCE_REMOVE;
}

static const char *
origin_of (AimakPrioritiesPage *self,
           const char          *id)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  Origins *o = g_object_get_data (G_OBJECT (self), "aimak-origins");

  if (db == NULL || id == NULL)
    return NULL;
  if (o == NULL)
    {
      o = g_new0 (Origins, 1);
      o->stamp = -1;
      g_object_set_data_full (G_OBJECT (self), "aimak-origins", o, (GDestroyNotify) origins_free);
    }
  if (o->idle_id == 0 && o->stamp != aimak_package_receive_stamp (db))
    o->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_origins_idle,
                                  g_object_ref (self), g_object_unref);
  return o->origins ? g_hash_table_lookup (o->origins, id) : NULL;
}

void
aimak_priorities_page_setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = cell_label (0, TRUE, NULL);
  /* Translators: a tag on priorities generated as demo data */
  GtkWidget *demo = gtk_label_new (_("Demo"));

  gtk_widget_set_hexpand (title, TRUE);
  lazy_tooltip (title);
  gtk_label_set_width_chars (GTK_LABEL (title), 16);
  gtk_widget_set_valign (demo, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (demo, "demo-badge");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), demo);
  {
    /* The origin badge of a received priority (after the demo tag). */
    GtkWidget *origin = cell_label (0.5, FALSE, "caption-heading");

    gtk_widget_add_css_class (origin, "accent");
    gtk_widget_set_valign (origin, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (box), origin);
  }
  gtk_list_item_set_child (item, box);
}

void
aimak_priorities_page_bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_title);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  const char *text = aimak_priority_row_get_title (row);

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (title),
                          aimak_priority_row_get_is_demo (row));
  {
    GtkWidget *badge = gtk_widget_get_last_child (box);
    const char *origin = origin_of (self, aimak_priority_row_get_id (row));
    g_autofree char *from = origin ? g_strdup_printf (_("From desk %s"), origin) : NULL;

    gtk_label_set_text (GTK_LABEL (badge), origin ? origin : "");
    gtk_widget_set_visible (badge, origin != NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    from ? from : "", -1);
  }
}

void
aimak_priorities_page_setup_marker (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  gtk_list_item_set_child (item, aimak_marker_badge_new ());
}

void
aimak_priorities_page_bind_marker (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_marker);

  aimak_marker_badge_set_marker (AIMAK_MARKER_BADGE (gtk_list_item_get_child (item)),
                                 aimak_priority_row_get_marker (row));
}

void
aimak_priorities_page_bind_groups (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_groups);

  set_label (item, aimak_priority_row_get_target_groups (row));
}

void
aimak_priorities_page_setup_budget (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  gtk_list_item_set_child (item, cell_label (1, FALSE, "numeric"));
}

void
aimak_priorities_page_bind_budget (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_budget);
  double budget = aimak_priority_row_get_budget (row);
  g_autofree char *text = aimak_numbers_format_budget (budget);

  set_label (item, text);
  aimak_priorities_page_note_budget (self, text);
}

void
aimak_priorities_page_bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_status);

  set_label (item, aimak_priority_row_get_status_label (row));
}

void
aimak_priorities_page_setup_updated (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = cell_label (0, FALSE, "numeric");

  gtk_widget_add_css_class (label, "dim-label");
  lazy_tooltip (label);
  gtk_list_item_set_child (item, label);
}

/* The list shows the day; the tooltip has the time. */
void
aimak_priorities_page_bind_updated (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  g_autoptr(AimakPriorityRow) row =
    watched_row (factory, item, data, aimak_priorities_page_bind_updated);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *full =
    aimak_numbers_format_timestamp (aimak_priority_row_get_updated_at (row));
  g_autofree char *day = g_strdup (full);
  char *space = strchr (day, ' ');

  if (space)
    *space = '\0';
  gtk_label_set_text (GTK_LABEL (label), day);
  g_object_set_data_full (G_OBJECT (label), "aimak-tooltip", g_steal_pointer (&full), g_free);
}

