/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page-cells.c — the cells of the Priorities table. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aimak-area-item.h"
#include "aimak-column-view.h"
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
static void bind_cell (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  data);

typedef struct
{
  GtkSignalListItemFactory *factory;  /* passed on to bind_cell() */
  gpointer                  page;
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
    bind_cell (w->factory, item, w->page);
}

/* item_row(), and the cell now follows the slot it shows. */
static AimakPriorityRow *
watched_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritySlot *slot = gtk_list_item_get_item (item);
  SlotWatch *w = g_object_get_data (G_OBJECT (item), SLOT_WATCH);

  if (w == NULL)
    {
      w = g_new0 (SlotWatch, 1);
      w->factory = factory;
      w->page = data;
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

static GtkWidget *
figure_cell_new (void)
{
  return aimak_column_view_label_new (1, FALSE, "numeric");
}

static GtkWidget *
text_cell_new (void)
{
  GtkWidget *label = aimak_column_view_label_new (0, TRUE, NULL);

  lazy_tooltip (label);
  return label;
}

static void
bind_rank (AimakPrioritiesPage *self,
           GtkWidget           *label,
           AimakPriorityRow    *row)
{
  g_autofree char *text = g_strdup_printf ("%d", aimak_priority_row_get_rank (row));

  gtk_label_set_text (GTK_LABEL (label), text);
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

/* The title, the demo tag and the origin badge of a received priority. */
static GtkWidget *
title_cell_new (void)
{
  GtkWidget *title = aimak_column_view_label_new (0, TRUE, NULL);
  GtkWidget *box = aimak_column_view_demo_box_new (title);
  GtkWidget *origin = aimak_column_view_label_new (0.5, FALSE, "caption-heading");

  lazy_tooltip (title);
  gtk_label_set_width_chars (GTK_LABEL (title), 16);
  gtk_widget_add_css_class (origin, "accent");
  gtk_widget_set_valign (origin, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), origin);
  return box;
}

static void
bind_title (AimakPrioritiesPage *self,
            GtkWidget           *box,
            AimakPriorityRow    *row)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_last_child (box);
  const char *origin = origin_of (self, aimak_priority_row_get_id (row));
  g_autofree char *from = origin ? g_strdup_printf (_("From desk %s"), origin) : NULL;

  gtk_label_set_text (GTK_LABEL (title), aimak_priority_row_get_title (row));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (title),
                          aimak_priority_row_get_is_demo (row));
  gtk_label_set_text (GTK_LABEL (badge), origin ? origin : "");
  gtk_widget_set_visible (badge, origin != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  from ? from : "", -1);
}

static void
bind_marker (AimakPrioritiesPage *self,
             GtkWidget           *badge,
             AimakPriorityRow    *row)
{
  aimak_marker_badge_set_marker (AIMAK_MARKER_BADGE (badge), aimak_priority_row_get_marker (row));
}

static void
bind_budget (AimakPrioritiesPage *self,
             GtkWidget           *label,
             AimakPriorityRow    *row)
{
  g_autofree char *text = aimak_numbers_format_budget (aimak_priority_row_get_budget (row));

  gtk_label_set_text (GTK_LABEL (label), text);
  aimak_priorities_page_note_budget (self, text);
}

static GtkWidget *
updated_cell_new (void)
{
  GtkWidget *label = aimak_column_view_label_new (0, FALSE, "numeric");

  gtk_widget_add_css_class (label, "dim-label");
  lazy_tooltip (label);
  return label;
}

/* The list shows the day; the tooltip has the time. */
static void
bind_updated (AimakPrioritiesPage *self,
              GtkWidget           *label,
              AimakPriorityRow    *row)
{
  g_autofree char *full =
    aimak_numbers_format_timestamp (aimak_priority_row_get_updated_at (row));
  g_autofree char *day = g_strdup (full);
  char *space = strchr (day, ' ');

  if (space)
    *space = '\0';
  gtk_label_set_text (GTK_LABEL (label), day);
  g_object_set_data_full (G_OBJECT (label), "aimak-tooltip", g_steal_pointer (&full), g_free);
}

/* The columns of the table, in the order of the .ui: how a cell is made, and
 * how it shows a row (a text column: the text of its row into the label). */
typedef struct
{
  GtkWidget   *(*make) (void);
  void         (*bind) (AimakPrioritiesPage *self,
                        GtkWidget           *child,
                        AimakPriorityRow    *row);
  const char  *(*text) (AimakPriorityRow    *row);
} Cell;

static const Cell cells[] = {
  { figure_cell_new, bind_rank, NULL },
  { text_cell_new, NULL, aimak_priority_row_get_area_name },
  { title_cell_new, bind_title, NULL },
  { aimak_marker_badge_new, bind_marker, NULL },
  { text_cell_new, NULL, aimak_priority_row_get_target_groups },
  { figure_cell_new, bind_budget, NULL },
  { text_cell_new, NULL, aimak_priority_row_get_status_label },
  { updated_cell_new, bind_updated, NULL },
};

#define CELL "aimak-cell"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  const Cell *cell = g_object_get_data (G_OBJECT (factory), CELL);

  gtk_list_item_set_child (item, cell->make ());
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  const Cell *cell = g_object_get_data (G_OBJECT (factory), CELL);
  g_autoptr(AimakPriorityRow) row = watched_row (factory, item, data);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (cell->bind)
    cell->bind (data, child, row);
  else
    gtk_label_set_text (GTK_LABEL (child), cell->text (row) ? cell->text (row) : "");
}

void
aimak_priorities_page_set_cell_factories (AimakPrioritiesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_return_if_fail (g_list_model_get_n_items (columns) == G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), CELL, (gpointer) &cells[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      gtk_column_view_column_set_factory (column, factory);
    }
}
