/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page-filters.c — the Priorities view's filters, its sort
 * order, the area scope and the column widths. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aimak-area-item.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page-private.h"
#include "aimak-wrap-layout.h"


/* ------------------------------------------------------------------------ */
/* Filters and sorting                                                       */

/* The code of the dropdown's selected code list item; NULL for "All …". */
static const char *
dropdown_code (GtkDropDown *dropdown)
{
  AimakCodeItem *item = gtk_drop_down_get_selected_item (dropdown);
  const char *code = item ? aimak_code_item_get_code (item) : NULL;

  return code && *code ? code : NULL;
}

void
aimak_priorities_page_apply_filter (AimakPrioritiesPage *self)
{
  AimakPriorityFilter filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *marker = dropdown_code (self->marker_dropdown);

  if (self->model == NULL)
    return;
  aimak_priority_filter_init (&filter);
  filter.search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter.area_code = g_strdup (self->scope_code);
  filter.status = g_strdup (dropdown_code (self->status_dropdown));
  filter.marker = marker ? atoi (marker) : -1;
  filter.target_group = g_strdup (dropdown_code (self->group_dropdown));
  filter.sector_code = g_strdup (dropdown_code (self->sector_dropdown));
  filter.sort = self->sort;
  filter.descending = self->descending;

  id = g_strdup (aimak_priority_editor_get_id (self->editor));
  if (!aimak_priorities_page_requery (self, &filter, &error))
    aimak_page_show_error (AIMAK_PAGE (self), error);
  aimak_priority_filter_clear (&filter);
  aimak_priorities_page_select_quietly (self, id);
  aimak_priorities_page_update_list_state (self);
}

void
aimak_priorities_page_on_filter_changed (AimakPrioritiesPage *self)
{
  if (self->updating)
    return;
  aimak_priorities_page_update_area_column (self);
  aimak_priorities_page_apply_filter (self);
}

int
aimak_priorities_page_sort_probe (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      data)
{
  SortProbe *probe = data;

  probe->page->probed = (int) probe->sort;
  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8 does not say which column the user sorted by (that API came in 4.10),
 * so ask the column view's sorter to compare two items: it asks the primary
 * column's sorter first, which records its sort key and answers "smaller",
 * and the answer comes back inverted when the order is descending. */
void
aimak_priorities_page_on_sort_changed (GtkSorter           *sorter,
                                       GtkSorterChange      change,
                                       AimakPrioritiesPage *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  /* Two distinct items: a sorter answers "equal" for one item and itself. */
  self->probed = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->probed < 0)
    {
      self->sort = AIMAK_PRIORITY_SORT_RANK;
      self->descending = FALSE;
    }
  else
    {
      self->sort = (AimakPrioritySort) self->probed;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  aimak_priorities_page_apply_filter (self);
}

void
aimak_priorities_page_on_search_activate (AimakPrioritiesPage *self)
{
  /* Enter moves to the results. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
aimak_priorities_page_on_stop_search (AimakPrioritiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The filters' lists, in the database's language; each starts at "All …". */
void
aimak_priorities_page_fill_filters (AimakPrioritiesPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  GtkDropDown *dropdowns[] = { self->status_dropdown, self->marker_dropdown,
                               self->group_dropdown, self->sector_dropdown };

  self->updating++;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      AimakCodeList *list = AIMAK_CODE_LIST (gtk_drop_down_get_model (dropdowns[i]));
      g_autoptr(GError) error = NULL;

      if (db && !aimak_code_list_load (list, db, &error))
        g_warning ("%s", error->message);
      gtk_drop_down_set_selected (dropdowns[i], 0);
    }
  self->updating--;
}

/* The marker's items read "2 Principal", as its badges do; the button shows
 * the chosen one (wrapped, with its whole text as tooltip), the list wraps. */
static void
bind_marker_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  data)
{
  AimakCodeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *code = aimak_code_item_get_code (item);
  g_autofree char *text = *code ? aimak_marker_label (atoi (code))
                                : g_strdup (aimak_code_item_get_name (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (GPOINTER_TO_INT (data))
    gtk_widget_set_tooltip_text (label, text);
}

static void
setup_marker_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped at words, never cut: short of room (large text, a narrow window)
   * "All Markers" takes two lines rather than reading "All M…kers". */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (data) ? 36 : 40);
  gtk_list_item_set_child (list_item, label);
}

void
aimak_priorities_page_init_marker_filter (AimakPrioritiesPage *self)
{
  /* The filters wrap onto a second row rather than being squeezed into
   * "All S… uses" (large text, Russian): the row stays a GtkBox for
   * place_filters(), laid out by a wrapping layout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->filter_box), aimak_wrap_layout_new (6, 6));
  for (int button = 0; button <= 1; button++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_marker_item),
                        GINT_TO_POINTER (button));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_marker_item), GINT_TO_POINTER (button));
      if (button)
        gtk_drop_down_set_factory (self->marker_dropdown, factory);
      else
        gtk_drop_down_set_list_factory (self->marker_dropdown, factory);
    }
}

/* ------------------------------------------------------------------------ */
/* AimakPage                                                                 */

/* The Area column says something only when the list spans several areas. */
void
aimak_priorities_page_update_area_column (AimakPrioritiesPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  g_autoptr(AimakArea) a = NULL;
  gboolean one_area = FALSE;

  if (db && self->scope_code)
    {
      a = aimak_area_get (db, self->scope_code, NULL);
      one_area = a && a->level >= 3;
    }
  /* Removed rather than hidden: GTK 4.8 gives no extra width to the expanding
   * Title column while another column is invisible. */
  if (self->area_column == NULL)
    return;
  if (one_area && gtk_column_view_column_get_column_view (self->area_column))
    gtk_column_view_remove_column (self->column_view, self->area_column);
  else if (!one_area && gtk_column_view_column_get_column_view (self->area_column) == NULL)
    gtk_column_view_insert_column (self->column_view, 1, self->area_column);
}

/* The scope list: "All Areas", then every area in tree order, each with its
 * parents as subtitle so that two ayil aimaks of one name can be told apart. */
static void
append_areas (AimakPrioritiesPage *self,
              AimakDb             *db,
              const char          *parent_code,
              const char          *chain)
{
  g_autoptr(GPtrArray) areas = aimak_area_children (db, parent_code, NULL);

  for (guint i = 0; areas && i < areas->len; i++)
    {
      AimakArea *a = g_ptr_array_index (areas, i);
      const char *name = aimak_area_name (a, aimak_db_get_language (db));
      g_autoptr(AimakAreaItem) item = NULL;
      g_autofree char *sub = NULL;

      /* Former areas come after the current ones, and only with records. */
      if (!aimak_area_is_current (a))
        continue;
      item = aimak_area_item_new (a, aimak_db_get_language (db),
                                  chain ? chain : aimak_area_type_label (a->type));
      g_list_store_append (self->scope_items, item);
      if (a->level < 3)
        {
          /* Translators: the parents of an area, nearest first: "Jeti-Oguz · Issyk-Kul" */
          sub = chain ? g_strdup_printf (_("%s · %s"), name, chain) : g_strdup (name);
          append_areas (self, db, a->code, sub);
        }
    }
}

/* Former areas that still hold priorities or activities stay choosable
 * (history is never rewritten), marked "(former)", after the current ones. */
static void
append_former_areas (AimakPrioritiesPage *self,
                     AimakDb             *db)
{
  const char *lang = aimak_db_get_language (db);
  g_autoptr(GPtrArray) former = aimak_area_former_with_records (db, NULL);

  for (guint i = 0; former && i < former->len; i++)
    {
      AimakArea a = *(AimakArea *) g_ptr_array_index (former, i);
      g_autofree char *label = aimak_area_former_label (aimak_area_name (&a, lang));
      g_autofree char *sub = aimak_area_name_for_period (db, a.code, 0, lang);
      g_autoptr(AimakAreaItem) item = NULL;

      a.name_en = a.name_ru = a.name_ky = label;
      item = aimak_area_item_new (&a, lang, sub);
      g_list_store_append (self->scope_items, item);
    }
}

void
aimak_priorities_page_fill_scope (AimakPrioritiesPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  AimakArea all = { 0 };
  g_autoptr(AimakAreaItem) all_item = NULL;
  g_autofree char *all_name = g_strdup (_("All Areas"));

  self->updating++;
  g_list_store_remove_all (self->scope_items);
  all.code = (char *) "";
  all.name_en = all.name_ru = all.name_ky = all_name;
  all_item = aimak_area_item_new (&all, "en", _("Priorities of every area"));
  g_list_store_append (self->scope_items, all_item);
  if (db)
    {
      append_areas (self, db, NULL, NULL);
      append_former_areas (self, db);
    }
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (self->scope_items));
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  g_clear_pointer (&self->scope_code, g_free);
  self->updating--;
}

static void
scroll_to_top (AimakPrioritiesPage *self)
{
  /* Through the list, not the adjustment: the list keeps its own anchor. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    aimak_priorities_page_scroll_to (self, 0);
}

void
aimak_priorities_page_on_scope_changed (AimakPrioritiesPage *self)
{
  guint i = gtk_drop_down_get_selected (self->scope_dropdown);
  g_autoptr(AimakAreaItem) item = NULL;
  const char *code = NULL;

  if (self->updating)
    return;
  if (i != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (G_LIST_MODEL (self->scope_items), i);
  if (item && *aimak_area_item_get_code (item))
    code = aimak_area_item_get_code (item);
  if (g_strcmp0 (code, self->scope_code) == 0)
    return;
  g_free (self->scope_code);
  self->scope_code = g_strdup (code);
  aimak_priorities_page_update_area_column (self);
  aimak_priorities_page_apply_filter (self);
  /* Another area's list starts at its top. */
  scroll_to_top (self);
}

/* Natural width of @widget as it would be drawn here (with this window's
 * fonts and styles), measured while it is briefly a child of the page. */
static int
natural_width (AimakPrioritiesPage *self,
               GtkWidget           *widget)
{
  int natural = 0;

  g_object_ref_sink (widget);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_unparent (widget);
  g_object_unref (widget);
  return natural;
}

/* The width a column needs for @widget's natural width in a cell: the cell's
 * padding on both sides (libadwaita's column view cells). */
#define CELL_PADDING 24

static int
numeric_label_width (AimakPrioritiesPage *self,
                     const char          *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  return natural_width (self, label);
}

static gboolean
refit_idle (gpointer data)
{
  AimakPrioritiesPage *self = data;

  g_object_set_data (G_OBJECT (self), "aimak-refit", NULL);
  aimak_priorities_page_fit_columns (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refit (AimakPrioritiesPage *self)
{
  if (g_object_get_data (G_OBJECT (self), "aimak-refit"))
    return;
  g_object_set_data (G_OBJECT (self), "aimak-refit", GINT_TO_POINTER (1));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refit_idle, g_object_ref (self), g_object_unref);
}

/* The text size changed (Large Text, another font): every column is fitted
 * anew from the widths of the .ui, so that they also shrink back. */
static void
on_font_changed (AimakPrioritiesPage *self)
{
  g_object_set_data (G_OBJECT (self), "aimak-reset-widths", GINT_TO_POINTER (1));
  queue_refit (self);
}

/* A budget wider than any bound before: the Budget column is fitted to it. Only
 * the number of characters is compared here (cheap on every bind; digits are
 * tabular), the width is measured by the fit. */
void
aimak_priorities_page_note_budget (AimakPrioritiesPage *self,
                                   const char          *text)
{
  const char *widest = g_object_get_data (G_OBJECT (self), "aimak-widest-budget");

  if (text == NULL || (widest && g_utf8_strlen (text, -1) <= g_utf8_strlen (widest, -1)))
    return;
  g_object_set_data_full (G_OBJECT (self), "aimak-widest-budget", g_strdup (text), g_free);
  queue_refit (self);
}

/* Columns at least as wide as their translated titles (with room for the
 * sort arrow), the Marker column as wide as its longest badge and the Budget
 * column as its widest budget so far, all measured with this window's fonts:
 * a Kyrgyz "Changed", a Russian marker name or a budget at large text is not
 * clipped. Fitted again when the text size changes. */
void
aimak_priorities_page_fit_columns (AimakPrioritiesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  const char *widest = g_object_get_data (G_OBJECT (self), "aimak-widest-budget");
  gboolean reset = g_object_get_data (G_OBJECT (self), "aimak-reset-widths") != NULL;
  int badge = 0, budget = widest ? numeric_label_width (self, widest) : 0;

  if (g_object_get_data (G_OBJECT (self), "aimak-font-watch") == NULL)
    {
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

      g_object_set_data (G_OBJECT (self), "aimak-font-watch", GINT_TO_POINTER (1));
      g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (on_font_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "notify::gtk-font-name", G_CALLBACK (on_font_changed),
                               self, G_CONNECT_SWAPPED);
    }
  g_object_set_data (G_OBJECT (self), "aimak-reset-widths", NULL);
  for (int m = 0; m <= 2; m++)
    {
      GtkWidget *b = aimak_marker_badge_new ();
      int width;

      aimak_marker_badge_set_marker (AIMAK_MARKER_BADGE (b), m);
      width = natural_width (self, b);
      badge = MAX (badge, width);
    }
  for (guint i = 0; i <= g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = i < g_list_model_get_n_items (columns)
        ? g_list_model_get_item (columns, i)
        : self->area_column_ref ? g_object_ref (self->area_column_ref) : NULL;
      GtkWidget *title;
      int need, ui_width;

      if (col == NULL || gtk_column_view_column_get_expand (col))
        continue;
      /* The width the .ui gave, kept from the first fit. */
      ui_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (col), "aimak-ui-width"));
      if (ui_width == 0)
        {
          ui_width = gtk_column_view_column_get_fixed_width (col);
          g_object_set_data (G_OBJECT (col), "aimak-ui-width", GINT_TO_POINTER (ui_width));
        }
      title = gtk_label_new (gtk_column_view_column_get_title (col));
      gtk_widget_add_css_class (title, "heading");
      /* Cell and header padding, and the sort indicator. */
      need = natural_width (self, title) + 40;
      if (col == self->marker_column)
        need = MAX (need, badge + CELL_PADDING);
      if (gtk_column_view_column_get_sorter (col) == GTK_SORTER (self->budget_sorter))
        need = MAX (need, budget + CELL_PADDING);
      if (reset)
        gtk_column_view_column_set_fixed_width (col, MAX (ui_width, need));
      else if (gtk_column_view_column_get_fixed_width (col) < need)
        gtk_column_view_column_set_fixed_width (col, need);
    }
}

#define POPOVER_MAX_HEIGHT 400

static void
on_popover_list_changed (GtkAdjustment     *adj,
                         GtkScrolledWindow *scroller)
{
  double upper = gtk_adjustment_get_upper (adj);
  double page = gtk_adjustment_get_page_size (adj);
  int now = MAX (gtk_scrolled_window_get_min_content_height (scroller), (int) page);

  /* Grown by what is missing: the list's own padding is not in the page. */
  if (page > 0 && upper > page + 0.5 && now + (upper - page) <= POPOVER_MAX_HEIGHT)
    gtk_scrolled_window_set_min_content_height (scroller, now + (int) ceil (upper - page));
}

static GtkWidget *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_SCROLLED_WINDOW (c))
        return c;
      if ((found = find_scroller (c)))
        return found;
    }
  return NULL;
}

void
aimak_priorities_page_fit_popover_list (GtkDropDown *dropdown)
{
  GtkWidget *scroller = find_scroller (GTK_WIDGET (dropdown));

  if (scroller)
    g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                             "changed", G_CALLBACK (on_popover_list_changed), scroller, 0);
}

