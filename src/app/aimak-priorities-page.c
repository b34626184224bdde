/* aimak-priorities-page.c — the Priorities view.
 *
 * The table is a GtkColumnView over AimakPriorityModel (through the stable
 * slots of aimak-priority-slots.h), which filters and sorts in SQL so that
 * 100,000 rows stay fast: the column headers only tell which order the user
 * asked for, and the model is queried again in it.
 * Edits happen in the editor beside the table; after each save the model is
 * reloaded with the selection kept. Actions (new, delete, move, duplicate)
 * work on the priority open in the editor.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aimak-area-item.h"
#include "aimak-marker-badge.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page.h"
#include "aimak-priority-editor.h"
#include "aimak-priority-slots.h"
#include "aimak-window.h"

/* What a column's sorter stands for, see on_sort_changed(). */
typedef struct
{
  AimakPrioritiesPage *page;
  AimakPrioritySort    sort;
} SortProbe;

struct _AimakPrioritiesPage
{
  AimakPage            parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *scope_dropdown;
  GtkBox              *filter_box;
  GtkMenuButton       *filter_button;
  GtkBox              *filter_popover_box;
  GtkScrolledWindow   *list_scroller;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *marker_dropdown;
  GtkDropDown         *group_dropdown;
  GtkDropDown         *sector_dropdown;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_button;
  GtkWidget           *new_button;
  GtkStack            *editor_stack;
  AimakPriorityEditor *editor;
  GtkLabel            *editor_title;
  AimakMarkerBadge    *editor_badge;
  GtkWidget           *back_button;
  GtkColumnViewColumn *area_column;
  GtkColumnViewColumn *marker_column;
  GtkCustomSorter     *rank_sorter;
  GtkCustomSorter     *area_sorter;
  GtkCustomSorter     *title_sorter;
  GtkCustomSorter     *marker_sorter;
  GtkCustomSorter     *budget_sorter;
  GtkCustomSorter     *status_sorter;
  GtkCustomSorter     *updated_sorter;

  /* Owned references */
  AimakPriorityModel  *model;
  AimakPrioritySlots  *slots;          /* what the view shows: stable items over model */
  char                *selected_id;
  GtkColumnViewColumn *area_column_ref;
  GPtrArray           *status_codes;
  GPtrArray           *group_codes;
  GPtrArray           *sector_codes;
  AimakPrioritySort    sort;
  gboolean             descending;
  int                  probed;
  guint                updating;
  guint                reload_id;
  char                *scope_code;     /* the listed area with its children; NULL = all */
  GListStore          *scope_items;    /* AimakAreaItem, "All Areas" first (code "") */
  guint                fold_id;
};

G_DEFINE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page, AIMAK_TYPE_PAGE)

static void apply_filter       (AimakPrioritiesPage *self);
static void update_actions     (AimakPrioritiesPage *self);
static void update_area_column (AimakPrioritiesPage *self);

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

/* The cells are made in C rather than by GtkBuilderListItemFactory templates:
 * after each search keystroke GTK binds its ~200 kept rows again, so a bind
 * must be cheap: plain setters, no expression watches, tooltips only when
 * asked for (measured with 100,000 priorities: 0.3–1 s per keystroke before,
 * 20–40 ms after). Rows are snapshots (the model makes new ones on reload),
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

static void
setup_rank (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  gtk_list_item_set_child (item, cell_label (1, FALSE, "numeric"));
}

static void
bind_rank (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);
  g_autofree char *text = g_strdup_printf ("%d", aimak_priority_row_get_rank (row));

  set_label (item, text);
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = cell_label (0, TRUE, NULL);

  lazy_tooltip (label);
  gtk_list_item_set_child (item, label);
}

static void
bind_area (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);

  set_label (item, aimak_priority_row_get_area_name (row));
}

static void
setup_title (GtkSignalListItemFactory *factory,
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
  gtk_list_item_set_child (item, box);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  const char *text = aimak_priority_row_get_title (row);

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (title),
                          aimak_priority_row_get_is_demo (row));
}

static void
setup_marker (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  gtk_list_item_set_child (item, aimak_marker_badge_new ());
}

static void
bind_marker (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);

  aimak_marker_badge_set_marker (AIMAK_MARKER_BADGE (gtk_list_item_get_child (item)),
                                 aimak_priority_row_get_marker (row));
}

static void
bind_groups (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);

  set_label (item, aimak_priority_row_get_target_groups (row));
}

static void
setup_budget (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  gtk_list_item_set_child (item, cell_label (1, FALSE, "numeric"));
}

static void
bind_budget (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);
  double budget = aimak_priority_row_get_budget (row);
  g_autofree char *text = aimak_numbers_format_budget (budget);

  set_label (item, text);
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);

  set_label (item, aimak_priority_row_get_status_label (row));
}

static void
setup_updated (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = cell_label (0, FALSE, "numeric");

  gtk_widget_add_css_class (label, "dim-label");
  lazy_tooltip (label);
  gtk_list_item_set_child (item, label);
}

/* The list shows the day; the tooltip has the time. */
static void
bind_updated (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  AimakPrioritiesPage *self = data;
  g_autoptr(AimakPriorityRow) row = item_row (self, item);
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

/* ------------------------------------------------------------------------ */
/* State                                                                     */

static char *
area_name (AimakPrioritiesPage *self,
           const char          *code)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  g_autoptr(AimakArea) area = NULL;

  if (db == NULL || code == NULL)
    return NULL;
  area = aimak_area_get (db, code, NULL);
  return area ? g_strdup (aimak_area_name (area, aimak_db_get_language (db))) : g_strdup (code);
}

static gboolean
filters_active (AimakPrioritiesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0' ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->marker_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->group_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->sector_dropdown) > 0;
}

static void
update_list_state (AimakPrioritiesPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint total = self->model ? aimak_priority_model_get_total (self->model) : 0;
  const char *area = self->scope_code ? self->scope_code
                                       : aimak_page_get_area_code (AIMAK_PAGE (self));
  g_autofree char *count = NULL;

  /* Translators: "3 of 12 priorities": shown of all in the database */
  count = g_strdup_printf (ngettext ("%u of %u priority", "%u of %u priorities", total),
                           n, total);
  gtk_label_set_text (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filters_active (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    {
      g_autofree char *name = area_name (self, area);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      gboolean in_area = self->scope_code != NULL;

      if (in_area)
        {
          /* Translators: empty state, %s is an area */
          title = g_strdup_printf (_("No Priorities in %s"), name);
          description = g_strdup (_("Add the development priorities of this area’s programme: "
                                    "what the area will do, for whom, and at what cost"));
        }
      else if (area)
        {
          title = g_strdup (_("No Priorities Yet"));
          /* Translators: %s is an area */
          description = g_strdup_printf (_("Add the first priority of %s"), name);
        }
      else
        {
          title = g_strdup (_("No Priorities Yet"));
          description = g_strdup (_("Choose an area in the Areas view, then add its priorities"));
        }
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description);
      if (area)
        {
          gtk_button_set_label (GTK_BUTTON (self->empty_button), _("_Add Priority"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), NULL);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "page.new");
        }
      else
        {
          gtk_button_set_label (GTK_BUTTON (self->empty_button), _("_Choose an Area"));
          /* The target first: the helper checks it against the action's type. */
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button),
                                                  g_variant_new_string ("areas"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.show-view");
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
update_editor_header (AimakPrioritiesPage *self)
{
  const AimakPriority *p = aimak_priority_editor_get_priority (self->editor);

  if (p == NULL)
    {
      gtk_label_set_text (self->editor_title, _("Priority"));
      aimak_marker_badge_set_marker (self->editor_badge, -1);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }
  if (p->title && *p->title)
    {
      /* Translators: editor heading, "3. Title of the priority" */
      g_autofree char *text = g_strdup_printf (_("%d. %s"), p->rank, p->title);
      gtk_label_set_text (self->editor_title, text);
    }
  else
    gtk_label_set_text (self->editor_title, _("Untitled Priority"));
  aimak_marker_badge_set_marker (self->editor_badge, p->gender_marker);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

static void
update_banners (AimakPrioritiesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (AIMAK_IS_WINDOW (root))
    aimak_window_update_banners (AIMAK_WINDOW (root));
}

/* GtkColumnView of GTK 4.8 has no scroll_to(); its list view has the action. */
static void
scroll_to (AimakPrioritiesPage *self,
           guint                pos)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", pos);
}

/* Shows the row of @id (if the filters let it through) without reloading the editor. */
static void
select_quietly (AimakPrioritiesPage *self,
                const char          *id)
{
  int pos = self->model && id ? aimak_priority_model_find (self->model, id) : -1;

  self->updating++;
  gtk_single_selection_set_selected (self->selection,
                                     pos >= 0 ? (guint) pos : GTK_INVALID_LIST_POSITION);
  self->updating--;
  if (pos >= 0)
    scroll_to (self, (guint) pos);
}

/* Opens @id in the editor (NULL closes it) and selects its row. */
static void
open_priority (AimakPrioritiesPage *self,
               const char          *id)
{
  g_autoptr(GError) error = NULL;

  if (!aimak_priority_editor_load (self->editor, id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      aimak_priority_editor_load (self->editor, NULL, NULL);
    }
  select_quietly (self, aimak_priority_editor_get_id (self->editor));
  update_editor_header (self);
  update_actions (self);
}

/* Runs the model's query again (@filter NULL: the same filter). The view sees
 * the same slot objects (aimak-priority-slots.h), so it keeps its cells and
 * binds them again. The caller selects again by id. */
static gboolean
requery (AimakPrioritiesPage       *self,
         const AimakPriorityFilter *filter,
         GError                   **error)
{
  gboolean ok = TRUE;

  self->updating++;
  /* Unselected first: a selection looks for its item among the new rows. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (filter)
    ok = aimak_priority_model_set_filter (self->model, filter, error);
  else
    aimak_priority_model_reload (self->model);
  self->updating--;
  return ok;
}

static void
reload (AimakPrioritiesPage *self)
{
  g_autofree char *id = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->model == NULL)
    return;
  id = g_strdup (aimak_priority_editor_get_id (self->editor));
  requery (self, NULL, NULL);
  select_quietly (self, id);
  update_list_state (self);
  update_editor_header (self);
  update_actions (self);
  update_banners (self);
}

static gboolean
reload_idle (gpointer data)
{
  AimakPrioritiesPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */
/* Filters and sorting                                                       */

static const char *
dropdown_code (GtkDropDown *dropdown,
               GPtrArray   *codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || codes == NULL || i > codes->len)
    return NULL;
  return g_ptr_array_index (codes, i - 1);
}

static void
apply_filter (AimakPrioritiesPage *self)
{
  AimakPriorityFilter filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint marker = gtk_drop_down_get_selected (self->marker_dropdown);

  if (self->model == NULL)
    return;
  aimak_priority_filter_init (&filter);
  filter.search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter.area_code = g_strdup (self->scope_code);
  filter.status = g_strdup (dropdown_code (self->status_dropdown, self->status_codes));
  filter.marker = marker > 0 && marker != GTK_INVALID_LIST_POSITION ? (int) marker - 1 : -1;
  filter.target_group = g_strdup (dropdown_code (self->group_dropdown, self->group_codes));
  filter.sector_code = g_strdup (dropdown_code (self->sector_dropdown, self->sector_codes));
  filter.sort = self->sort;
  filter.descending = self->descending;

  id = g_strdup (aimak_priority_editor_get_id (self->editor));
  if (!requery (self, &filter, &error))
    aimak_page_show_error (AIMAK_PAGE (self), error);
  aimak_priority_filter_clear (&filter);
  select_quietly (self, id);
  update_list_state (self);
}

static void
on_filter_changed (AimakPrioritiesPage *self)
{
  if (self->updating)
    return;
  update_area_column (self);
  apply_filter (self);
}

static int
sort_probe (gconstpointer a,
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
static void
on_sort_changed (GtkSorter           *sorter,
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
  apply_filter (self);
}

static void
on_search_activate (AimakPrioritiesPage *self)
{
  /* Enter moves to the results. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search (AimakPrioritiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
fill_dropdown (AimakPrioritiesPage *self,
               GtkDropDown         *dropdown,
               GPtrArray          **codes,
               const char          *all_label,
               const char          *sql)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(AimakStmt) st = NULL;

  g_clear_pointer (codes, g_ptr_array_unref);
  *codes = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (list, all_label);
  if (db)
    st = aimak_db_prepare (db, NULL, sql, NULL);
  while (st && aimak_stmt_next (st, NULL))
    {
      g_ptr_array_add (*codes, g_strdup (aimak_stmt_text (st, 0)));
      gtk_string_list_append (list, aimak_stmt_text (st, 1));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
  g_object_unref (list);
}

static void
fill_filters (AimakPrioritiesPage *self)
{
  GtkStringList *markers = gtk_string_list_new (NULL);

  self->updating++;
  fill_dropdown (self, self->status_dropdown, &self->status_codes, _("All Statuses"),
                 "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM status "
                 "ORDER BY sort, code");
  fill_dropdown (self, self->group_dropdown, &self->group_codes, _("All Target Groups"),
                 "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM target_group "
                 "ORDER BY sort, code");
  fill_dropdown (self, self->sector_dropdown, &self->sector_codes, _("All Sectors"),
                 "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM sector "
                 "ORDER BY sort, code");
  gtk_string_list_append (markers, _("All Markers"));
  for (int m = 0; m <= 2; m++)
    {
      g_autofree char *label = aimak_marker_label (m);
      gtk_string_list_append (markers, label);
    }
  gtk_drop_down_set_model (self->marker_dropdown, G_LIST_MODEL (markers));
  gtk_drop_down_set_selected (self->marker_dropdown, 0);
  g_object_unref (markers);
  self->updating--;
}

/* ------------------------------------------------------------------------ */
/* Selection and the editor                                                  */

static void
on_selection_changed (AimakPrioritiesPage *self)
{
  g_autoptr(AimakPriorityRow) row = NULL;
  const char *id = NULL;

  if (self->updating)
    return;
  row = aimak_priority_slots_get_row (self->slots,
                                      gtk_single_selection_get_selected (self->selection));
  if (row)
    id = aimak_priority_row_get_id (row);
  if (g_strcmp0 (id, aimak_priority_editor_get_id (self->editor)) == 0)
    return;
  open_priority (self, id);
}

static void
show_editor (AimakPrioritiesPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
on_row_activated (AimakPrioritiesPage *self,
                  guint                position)
{
  g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (self->slots, position);

  if (row == NULL)
    return;
  if (g_strcmp0 (aimak_priority_row_get_id (row), aimak_priority_editor_get_id (self->editor)))
    open_priority (self, aimak_priority_row_get_id (row));
  show_editor (self);
  aimak_priority_editor_focus_title (self->editor);
}

/* Moves the four filter drop-downs between the filter row (wide) and the
 * Filters menu (narrow). Run from an idle: the leaflet folds while it is
 * being allocated, when widgets must not change parents. */
static gboolean
place_filters (gpointer data)
{
  AimakPrioritiesPage *self = data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  GtkWidget *filters[] = { GTK_WIDGET (self->status_dropdown), GTK_WIDGET (self->marker_dropdown),
                           GTK_WIDGET (self->group_dropdown), GTK_WIDGET (self->sector_dropdown) };
  GtkBox *target = folded ? self->filter_popover_box : self->filter_box;

  self->fold_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *parent = gtk_widget_get_parent (filters[i]);

      if (parent == GTK_WIDGET (target))
        continue;
      g_object_ref (filters[i]);
      gtk_box_remove (GTK_BOX (parent), filters[i]);
      if (folded)
        gtk_box_append (target, filters[i]);
      else if (i == 0)
        gtk_box_prepend (target, filters[i]);
      else
        gtk_box_insert_child_after (target, filters[i], filters[i - 1]);
      g_object_unref (filters[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), folded);
  return G_SOURCE_REMOVE;
}

static void
on_folded_changed (AimakPrioritiesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button, folded);
  /* A tap opens a row when the list has the window to itself. */
  gtk_column_view_set_single_click_activate (self->column_view, folded);
  if (self->fold_id == 0)
    self->fold_id = g_idle_add (place_filters, self);
}

static void
on_back_clicked (AimakPrioritiesPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_editor_saved (AimakPrioritiesPage *self,
                 const char          *id)
{
  /* Saves come from inside the editor's handlers: reload the list after them. */
  update_editor_header (self);
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static gboolean
can_edit (AimakPrioritiesPage *self)
{
  return aimak_page_get_db (AIMAK_PAGE (self)) && !aimak_page_is_read_only (AIMAK_PAGE (self));
}

static void
update_actions (AimakPrioritiesPage *self)
{
  gboolean editable = can_edit (self);
  const AimakPriority *p = aimak_priority_editor_get_priority (self->editor);
  gboolean open = editable && p != NULL && p->deleted_at == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.duplicate", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-up", open && p->rank > 1);
  /* Ranks run 1..n inside an area: the last one has nowhere to go. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-down",
                                 open && (guint) p->rank <
                                 aimak_priority_count_own (aimak_page_get_db (AIMAK_PAGE (self)),
                                                           p->area_code));
}

static void
page_search (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters (AimakPrioritiesPage *self)
{
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->marker_dropdown, 0);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  self->updating--;
  apply_filter (self);
}

static void
page_clear_filters (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  clear_filters (AIMAK_PRIORITIES_PAGE (widget));
}

/* After a new priority appears: make sure the list shows it, then open it. */
static void
show_new (AimakPrioritiesPage *self,
          const char          *id)
{
  requery (self, NULL, NULL);
  if (aimak_priority_model_find (self->model, id) < 0)
    clear_filters (self);
  /* Still hidden: it is in another area than the listed one, so list that area. */
  if (aimak_priority_model_find (self->model, id) < 0)
    {
      g_autoptr(AimakPriority) p = aimak_priority_load (aimak_page_get_db (AIMAK_PAGE (self)),
                                                        id, NULL);
      if (p)
        aimak_priorities_page_set_scope (self, p->area_code);
    }
  open_priority (self, id);
  update_list_state (self);
  update_banners (self);
  show_editor (self);
  aimak_priority_editor_focus_title (self->editor);
}

static void
page_new (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  /* The listed area; with all areas listed, the one chosen in the Areas view. */
  const char *area = self->scope_code ? self->scope_code
                                      : aimak_page_get_area_code (AIMAK_PAGE (self));
  g_autoptr(AimakPriority) p = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;
  if (area == NULL)
    {
      AdwToast *toast =
        adw_toast_new (_("Choose an area first: every priority belongs to an area"));

      adw_toast_set_button_label (toast, _("_Choose Area"));
      adw_toast_set_action_name (toast, "win.show-view");
      adw_toast_set_action_target (toast, "s", "areas");
      aimak_page_add_toast (AIMAK_PAGE (self), toast);
      return;
    }
  aimak_priority_editor_flush (self->editor);
  p = aimak_priority_new (area);
  if (!aimak_priority_create (db, p, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  show_new (self, p->id);
}

typedef struct
{
  GWeakRef  page;
  char     *id;
} UndoDelete;

static void
undo_delete_free (gpointer data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_weak_ref_clear (&undo->page);
  g_free (undo->id);
  g_free (undo);
}

static void
on_undo_delete (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(AimakPrioritiesPage) self = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;

  if (self == NULL || !can_edit (self))
    return;
  if (!aimak_priority_undelete (aimak_page_get_db (AIMAK_PAGE (self)), undo->id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  show_new (self, undo->id);
}

static void
page_delete (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  g_autofree char *id = g_strdup (aimak_priority_editor_get_id (self->editor));
  g_autoptr(GError) error = NULL;
  guint pos = gtk_single_selection_get_selected (self->selection);
  guint n;
  AdwToast *toast;
  UndoDelete *undo;
  g_autofree char *next_id = NULL;

  if (id == NULL || !can_edit (self))
    return;
  aimak_priority_editor_flush (self->editor);
  if (!aimak_priority_delete (aimak_page_get_db (AIMAK_PAGE (self)), id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  aimak_priority_editor_load (self->editor, NULL, NULL);
  requery (self, NULL, NULL);

  /* The row that takes the deleted one's place is opened, so Delete can go on. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n > 0 && pos != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (self->slots,
                                                                      MIN (pos, n - 1));
      next_id = g_strdup (aimak_priority_row_get_id (row));
    }
  open_priority (self, next_id);
  update_list_state (self);
  update_banners (self);
  if (next_id == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  toast = adw_toast_new (_("Priority deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoDelete, 1);
  g_weak_ref_init (&undo->page, self);
  undo->id = g_steal_pointer (&id);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo,
                         undo_delete_free, 0);
  aimak_page_add_toast (AIMAK_PAGE (self), toast);
}

static void
page_move (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  const char *id = aimak_priority_editor_get_id (self->editor);
  g_autoptr(GError) error = NULL;
  int delta = g_str_equal (action_name, "page.move-up") ? -1 : 1;

  if (id == NULL || !can_edit (self))
    return;
  aimak_priority_editor_flush (self->editor);
  if (!aimak_priority_move (aimak_page_get_db (AIMAK_PAGE (self)), id, delta, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  aimak_priority_editor_reload (self->editor);
  reload (self);
}

static void
page_duplicate (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  const char *id = aimak_priority_editor_get_id (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;

  if (id == NULL || !can_edit (self))
    return;
  aimak_priority_editor_flush (self->editor);
  copy = aimak_priority_duplicate (aimak_page_get_db (AIMAK_PAGE (self)), id, &error);
  if (copy == NULL)
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  show_new (self, copy);
  aimak_page_add_toast (AIMAK_PAGE (self), adw_toast_new (_("Priority duplicated")));
}

/* ------------------------------------------------------------------------ */
/* AimakPage                                                                 */

/* The Area column says something only when the list spans several areas. */
static void
update_area_column (AimakPrioritiesPage *self)
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

static void
fill_scope (AimakPrioritiesPage *self)
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
    append_areas (self, db, NULL, NULL);
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
    scroll_to (self, 0);
}

static void
on_scope_changed (AimakPrioritiesPage *self)
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
  update_area_column (self);
  apply_filter (self);
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

/* Columns at least as wide as their translated titles (with room for the
 * sort arrow) and the Marker column as wide as its longest badge: a Kyrgyz
 * "Changed" or a Russian marker name is not clipped. */
static void
fit_columns (AimakPrioritiesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  int badge = 0;

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
      int need;

      if (col == NULL)
        continue;
      title = gtk_label_new (gtk_column_view_column_get_title (col));

      gtk_widget_add_css_class (title, "heading");
      /* Cell and header padding, and the sort indicator. */
      need = natural_width (self, title) + 40;
      if (col == self->marker_column)
        need = MAX (need, badge + 24);
      if (gtk_column_view_column_get_fixed_width (col) < need &&
          !gtk_column_view_column_get_expand (col))
        gtk_column_view_column_set_fixed_width (col, need);
    }
}

static void
aimak_priorities_page_db_changed (AimakPage *page)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (page);
  AimakDb *db = aimak_page_get_db (page);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  aimak_priority_editor_set_db (self->editor, db);
  aimak_priority_editor_set_read_only (self->editor, aimak_page_is_read_only (page));
  aimak_priority_editor_set_target_area (self->editor, aimak_page_get_area_code (page));
  self->updating++;
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->slots);
  g_clear_object (&self->model);
  if (db)
    {
      aimak_marker_names_load (db);
      self->model = aimak_priority_model_new (db);
      self->slots = aimak_priority_slots_new (self->model);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->slots));
  self->updating--;
  fill_filters (self);
  fill_scope (self);
  fit_columns (self);
  update_area_column (self);
  apply_filter (self);
  update_editor_header (self);
  update_actions (self);
}

static void
aimak_priorities_page_area_changed (AimakPage *page)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (page);

  /* The editor stays open: its Area row offers to move the priority here. The
   * list keeps the scope chosen on it. */
  aimak_priority_editor_set_target_area (self->editor, aimak_page_get_area_code (page));
  update_list_state (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkSingleSelection *
aimak_priorities_page_get_selection (AimakPrioritiesPage *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return self->selection;
}

AimakPriorityEditor *
aimak_priorities_page_get_editor (AimakPrioritiesPage *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return self->editor;
}

const char *
aimak_priorities_page_get_selected_id (AimakPrioritiesPage *self)
{
  g_autoptr(AimakPriorityRow) row = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  if (self->slots)
    row = aimak_priority_slots_get_row (self->slots,
                                        gtk_single_selection_get_selected (self->selection));
  g_free (self->selected_id);
  self->selected_id = row ? g_strdup (aimak_priority_row_get_id (row)) : NULL;
  return self->selected_id;
}

gboolean
aimak_priorities_page_select_id (AimakPrioritiesPage *self,
                                 const char          *id)
{
  int pos;

  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), FALSE);
  pos = self->model && id ? aimak_priority_model_find (self->model, id) : -1;
  if (pos < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, (guint) pos);
  return TRUE;
}

AimakPriorityRow *
aimak_priorities_page_get_row (AimakPrioritiesPage *self,
                               guint                position)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return self->slots ? aimak_priority_slots_get_row (self->slots, position) : NULL;
}

const char *
aimak_priorities_page_get_count_text (AimakPrioritiesPage *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
aimak_priorities_page_get_list_state (AimakPrioritiesPage *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

GtkWidget *
aimak_priorities_page_get_widget (AimakPrioritiesPage *self,
                                  const char          *name)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_entry);
  if (g_str_equal (name, "status"))
    return GTK_WIDGET (self->status_dropdown);
  if (g_str_equal (name, "marker"))
    return GTK_WIDGET (self->marker_dropdown);
  if (g_str_equal (name, "target-group"))
    return GTK_WIDGET (self->group_dropdown);
  if (g_str_equal (name, "sector"))
    return GTK_WIDGET (self->sector_dropdown);
  if (g_str_equal (name, "scope"))
    return GTK_WIDGET (self->scope_dropdown);
  if (g_str_equal (name, "filter-button"))
    return GTK_WIDGET (self->filter_button);
  if (g_str_equal (name, "list-scroller"))
    return GTK_WIDGET (self->list_scroller);
  if (g_str_equal (name, "column-view"))
    return GTK_WIDGET (self->column_view);
  if (g_str_equal (name, "new-button"))
    return self->new_button;
  if (g_str_equal (name, "empty-page"))
    return GTK_WIDGET (self->empty_page);
  if (g_str_equal (name, "editor-title"))
    return GTK_WIDGET (self->editor_title);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Object                                                                    */

static void
aimak_priorities_page_map (GtkWidget *widget)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  GtkRoot *root;
  GtkWidget *focus;

  GTK_WIDGET_CLASS (aimak_priorities_page_parent_class)->map (widget);

  /* Switching to this view puts the keyboard in it, so that Ctrl+N, Delete
   * and Alt+Up/Down work at once. */
  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
aimak_priorities_page_dispose (GObject *object)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (object);

  /* What was typed in the last pause is saved before the window goes away. */
  if (self->editor)
    {
      g_signal_handlers_disconnect_by_func (self->editor, on_editor_saved, self);
      aimak_priority_editor_flush (self->editor);
    }
  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* Removing the columns changes the sorter: nothing to re-query any more. */
  if (self->column_view)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sort_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PRIORITIES_PAGE);
  g_clear_object (&self->area_column_ref);
  g_clear_object (&self->scope_items);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  g_clear_object (&self->slots);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (aimak_priorities_page_parent_class)->dispose (object);
}

static void
aimak_priorities_page_finalize (GObject *object)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (object);

  g_free (self->selected_id);
  g_free (self->scope_code);
  g_clear_pointer (&self->status_codes, g_ptr_array_unref);
  g_clear_pointer (&self->group_codes, g_ptr_array_unref);
  g_clear_pointer (&self->sector_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (aimak_priorities_page_parent_class)->finalize (object);
}

/* GTK 4.8's drop-down list guesses its height from the first rows, and a list
 * of wrapped names comes out short: its last item is cut off although there
 * is room. Once the list knows its real height, the popover is given it (up
 * to the point where scrolling is expected anyway). */
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

static void
fit_popover_list (GtkDropDown *dropdown)
{
  GtkWidget *scroller = find_scroller (GTK_WIDGET (dropdown));

  if (scroller)
    g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                             "changed", G_CALLBACK (on_popover_list_changed), scroller, 0);
}

static void
aimak_priorities_page_class_init (AimakPrioritiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AimakPageClass *page_class = AIMAK_PAGE_CLASS (klass);

  object_class->dispose = aimak_priorities_page_dispose;
  object_class->finalize = aimak_priorities_page_finalize;
  widget_class->map = aimak_priorities_page_map;
  page_class->db_changed = aimak_priorities_page_db_changed;
  page_class->area_changed = aimak_priorities_page_area_changed;

  g_type_ensure (AIMAK_TYPE_PRIORITY_ROW);
  g_type_ensure (AIMAK_TYPE_AREA_ITEM);
  g_type_ensure (AIMAK_TYPE_MARKER_BADGE);
  g_type_ensure (AIMAK_TYPE_PRIORITY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-priorities-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakPrioritiesPage, name)
  BIND (leaflet);
  BIND (search_entry);
  BIND (scope_dropdown);
  BIND (filter_box);
  BIND (filter_button);
  BIND (filter_popover_box);
  BIND (list_scroller);
  BIND (status_dropdown);
  BIND (marker_dropdown);
  BIND (group_dropdown);
  BIND (sector_dropdown);
  BIND (count_label);
  BIND (list_stack);
  BIND (column_view);
  BIND (selection);
  BIND (empty_page);
  BIND (empty_button);
  BIND (new_button);
  BIND (editor_stack);
  BIND (editor);
  BIND (editor_title);
  BIND (editor_badge);
  BIND (back_button);
  BIND (area_column);
  BIND (marker_column);
  BIND (rank_sorter);
  BIND (area_sorter);
  BIND (title_sorter);
  BIND (marker_sorter);
  BIND (budget_sorter);
  BIND (status_sorter);
  BIND (updated_sorter);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, setup_rank);
  gtk_widget_class_bind_template_callback (widget_class, bind_rank);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_area",
                                                G_CALLBACK (setup_text));
  gtk_widget_class_bind_template_callback (widget_class, bind_area);
  gtk_widget_class_bind_template_callback (widget_class, setup_title);
  gtk_widget_class_bind_template_callback (widget_class, bind_title);
  gtk_widget_class_bind_template_callback (widget_class, setup_marker);
  gtk_widget_class_bind_template_callback (widget_class, bind_marker);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_groups",
                                                G_CALLBACK (setup_text));
  gtk_widget_class_bind_template_callback (widget_class, bind_groups);
  gtk_widget_class_bind_template_callback (widget_class, setup_budget);
  gtk_widget_class_bind_template_callback (widget_class, bind_budget);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_status",
                                                G_CALLBACK (setup_text));
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, setup_updated);
  gtk_widget_class_bind_template_callback (widget_class, bind_updated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, page_search);
  gtk_widget_class_install_action (widget_class, "page.new", NULL, page_new);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, page_delete);
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, page_move);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, page_move);
  gtk_widget_class_install_action (widget_class, "page.duplicate", NULL, page_duplicate);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, page_clear_filters);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "page.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "page.move-down", NULL);
}

static void
aimak_priorities_page_init (AimakPrioritiesPage *self)
{
  struct { GtkCustomSorter *sorter; AimakPrioritySort sort; } sorters[] = {
    { NULL, AIMAK_PRIORITY_SORT_RANK },
    { NULL, AIMAK_PRIORITY_SORT_AREA },
    { NULL, AIMAK_PRIORITY_SORT_TITLE },
    { NULL, AIMAK_PRIORITY_SORT_MARKER },
    { NULL, AIMAK_PRIORITY_SORT_BUDGET },
    { NULL, AIMAK_PRIORITY_SORT_STATUS },
    { NULL, AIMAK_PRIORITY_SORT_UPDATED },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sort = AIMAK_PRIORITY_SORT_RANK;
  self->scope_items = g_list_store_new (AIMAK_TYPE_AREA_ITEM);

  sorters[0].sorter = self->rank_sorter;
  sorters[1].sorter = self->area_sorter;
  sorters[2].sorter = self->title_sorter;
  sorters[3].sorter = self->marker_sorter;
  sorters[4].sorter = self->budget_sorter;
  sorters[5].sorter = self->status_sorter;
  sorters[6].sorter = self->updated_sorter;
  for (guint i = 0; i < G_N_ELEMENTS (sorters); i++)
    {
      SortProbe *probe = g_new0 (SortProbe, 1);

      probe->page = self;
      probe->sort = sorters[i].sort;
      gtk_custom_sorter_set_sort_func (sorters[i].sorter, sort_probe, probe, g_free);
    }
  fit_popover_list (self->status_dropdown);
  fit_popover_list (self->marker_dropdown);
  fit_popover_list (self->group_dropdown);
  fit_popover_list (self->sector_dropdown);
  /* The Area column comes and goes (update_area_column): keep it alive. */
  self->area_column_ref = g_object_ref (self->area_column);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, 0);
  update_actions (self);
}

void
aimak_priorities_page_set_scope (AimakPrioritiesPage *self,
                                 const char          *code)
{
  guint n, found = 0;

  g_return_if_fail (AIMAK_IS_PRIORITIES_PAGE (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->scope_items));
  for (guint i = 1; code && *code && i < n; i++)
    {
      g_autoptr(AimakAreaItem) item = g_list_model_get_item (G_LIST_MODEL (self->scope_items), i);

      if (g_strcmp0 (aimak_area_item_get_code (item), code) == 0)
        {
          found = i;
          break;
        }
    }
  gtk_drop_down_set_selected (self->scope_dropdown, found);
}

const char *
aimak_priorities_page_get_scope (AimakPrioritiesPage *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITIES_PAGE (self), NULL);
  return self->scope_code;
}

/* Lists @code and opens @id (NULL: a new priority in @code). */
void
aimak_priorities_page_open (AimakPrioritiesPage *self,
                            const char          *code,
                            const char          *id)
{
  g_return_if_fail (AIMAK_IS_PRIORITIES_PAGE (self));
  aimak_priorities_page_set_scope (self, code);
  if (id == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "page.new", NULL);
      return;
    }
  clear_filters (self);
  open_priority (self, id);
  show_editor (self);
}
