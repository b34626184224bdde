/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page.c — the Priorities view.
 *
 * The table is a GtkColumnView over AimakPriorityModel (through the stable
 * slots of aimak-priority-slots.h), which filters and sorts in SQL so that
 * 100,000 rows stay fast: the column headers only tell which order the user
 * asked for, and the model is queried again in it.
 * Edits happen in the editor beside the table; after each save the model is
 * reloaded with the selection kept. Actions (new, delete, move, duplicate)
 * work on the priority open in the editor. The parts are in
 * aimak-priorities-page-*.c (see aimak-priorities-page-private.h).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aimak-focus-stop.h"
#include "aimak-area-item.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page-private.h"
#include "aimak-toast.h"

G_DEFINE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page, AIMAK_TYPE_PAGE)

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

void
aimak_priorities_page_update_list_state (AimakPrioritiesPage *self)
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

void
aimak_priorities_page_update_banners (AimakPrioritiesPage *self)
{
  /* Demo priorities come and go: the window's banner follows. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.update-banners", NULL);
}

/* GtkColumnView of GTK 4.8 has no aimak_priorities_page_scroll_to(); its list view has the action. */
void
aimak_priorities_page_scroll_to (AimakPrioritiesPage *self,
                                 guint                pos)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", pos);
}

/* Shows the row of @id (if the filters let it through) without reloading the editor. */
void
aimak_priorities_page_select_quietly (AimakPrioritiesPage *self,
                                      const char          *id)
{
  int pos = self->model && id ? aimak_priority_model_find (self->model, id) : -1;

  self->updating++;
  gtk_single_selection_set_selected (self->selection,
                                     pos >= 0 ? (guint) pos : GTK_INVALID_LIST_POSITION);
  self->updating--;
  if (pos >= 0)
    aimak_priorities_page_scroll_to (self, (guint) pos);
}

/* Opens @id in the editor (NULL closes it) and selects its row. */
void
aimak_priorities_page_open_priority (AimakPrioritiesPage *self,
                                     const char          *id)
{
  g_autoptr(GError) error = NULL;

  if (!aimak_priority_editor_load (self->editor, id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      aimak_priority_editor_load (self->editor, NULL, NULL);
    }
  aimak_priorities_page_select_quietly (self, aimak_priority_editor_get_id (self->editor));
  update_editor_header (self);
  aimak_priorities_page_update_actions (self);
}

/* Runs the model's query again (@filter NULL: the same filter). The view sees
 * the same slot objects (aimak-priority-slots.h), so it keeps its cells and
 * binds them again. The caller selects again by id. */
gboolean
aimak_priorities_page_requery (AimakPrioritiesPage       *self,
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

void
aimak_priorities_page_reload (AimakPrioritiesPage *self)
{
  g_autofree char *id = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->model == NULL)
    return;
  id = g_strdup (aimak_priority_editor_get_id (self->editor));
  aimak_priorities_page_requery (self, NULL, NULL);
  aimak_priorities_page_select_quietly (self, id);
  aimak_priorities_page_update_list_state (self);
  update_editor_header (self);
  aimak_priorities_page_update_actions (self);
  aimak_priorities_page_update_banners (self);
}

static gboolean
reload_idle (gpointer data)
{
  AimakPrioritiesPage *self = data;

  self->reload_id = 0;
  aimak_priorities_page_reload (self);
  return G_SOURCE_REMOVE;
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
  aimak_priorities_page_open_priority (self, id);
}

void
aimak_priorities_page_show_editor (AimakPrioritiesPage *self)
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
    aimak_priorities_page_open_priority (self, aimak_priority_row_get_id (row));
  aimak_priorities_page_show_editor (self);
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
  /* Saves come from inside the editor's handlers: aimak_priorities_page_reload the list after them. */
  update_editor_header (self);
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
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
      aimak_priority_slots_set_view (self->slots, self->list_scroller);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->slots));
  self->updating--;
  aimak_priorities_page_fill_filters (self);
  aimak_priorities_page_fill_scope (self);
  aimak_priorities_page_fit_columns (self);
  aimak_priorities_page_update_area_column (self);
  aimak_priorities_page_apply_filter (self);
  update_editor_header (self);
  aimak_priorities_page_update_actions (self);
}

static void
aimak_priorities_page_area_changed (AimakPage *page)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (page);

  /* The editor stays open: its Area row offers to move the priority here. The
   * list keeps the scope chosen on it. */
  aimak_priority_editor_set_target_area (self->editor, aimak_page_get_area_code (page));
  aimak_priorities_page_update_list_state (self);
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
                                          aimak_priorities_page_on_sort_changed, self);
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
  G_OBJECT_CLASS (aimak_priorities_page_parent_class)->finalize (object);
}

/* GTK 4.8's drop-down list guesses its height from the first rows, and a list
 * of wrapped names comes out short: its last item is cut off although there
 * is room. Once the list knows its real height, the popover is given it (up
 * to the point where scrolling is expected anyway). */
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
  g_type_ensure (AIMAK_TYPE_FOCUS_STOP);
  g_type_ensure (AIMAK_TYPE_CODE_LIST);
  g_type_ensure (AIMAK_TYPE_CODE_ITEM);
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed",
                                                G_CALLBACK (aimak_priorities_page_on_filter_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_scope_changed",
                                                G_CALLBACK (aimak_priorities_page_on_scope_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_activate",
                                                G_CALLBACK (aimak_priorities_page_on_search_activate));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stop_search",
                                                G_CALLBACK (aimak_priorities_page_on_stop_search));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_selection_changed",
                                                G_CALLBACK (on_selection_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (on_row_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_folded_changed",
                                                G_CALLBACK (on_folded_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_back_clicked",
                                                G_CALLBACK (on_back_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_editor_saved",
                                                G_CALLBACK (on_editor_saved));

  gtk_widget_class_install_action (widget_class, "page.search", NULL, aimak_priorities_page_action_search);
  gtk_widget_class_install_action (widget_class, "page.new", NULL, aimak_priorities_page_action_new);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, aimak_priorities_page_action_delete);
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, aimak_priorities_page_action_move);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, aimak_priorities_page_action_move);
  gtk_widget_class_install_action (widget_class, "page.duplicate", NULL, aimak_priorities_page_action_duplicate);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, aimak_priorities_page_action_clear_filters);
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
  aimak_priorities_page_set_cell_factories (self);
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
      gtk_custom_sorter_set_sort_func (sorters[i].sorter, aimak_priorities_page_sort_probe, probe, g_free);
    }
  aimak_priorities_page_init_marker_filter (self);
  aimak_priorities_page_fit_popover_list (self->status_dropdown);
  aimak_priorities_page_fit_popover_list (self->marker_dropdown);
  aimak_priorities_page_fit_popover_list (self->group_dropdown);
  aimak_priorities_page_fit_popover_list (self->sector_dropdown);
  /* The Area column comes and goes (aimak_priorities_page_update_area_column): keep it alive. */
  self->area_column_ref = g_object_ref (self->area_column);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (aimak_priorities_page_on_sort_changed), self, 0);
  aimak_priorities_page_update_actions (self);
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

void
aimak_priorities_page_reload_areas (AimakPrioritiesPage *self)
{
  g_autofree char *scope = NULL;

  g_return_if_fail (AIMAK_IS_PRIORITIES_PAGE (self));
  scope = g_strdup (self->scope_code);
  aimak_priorities_page_fill_scope (self);
  /* The same area stays chosen, quietly: the list keeps its place. */
  self->updating++;
  aimak_priorities_page_set_scope (self, scope);
  self->updating--;
  if (gtk_drop_down_get_selected (self->scope_dropdown) > 0)
    self->scope_code = g_steal_pointer (&scope);
  else if (scope != NULL)
    {
      aimak_priorities_page_update_area_column (self);
      aimak_priorities_page_apply_filter (self);
    }
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
  aimak_priorities_page_clear_filters (self);
  aimak_priorities_page_open_priority (self, id);
  aimak_priorities_page_show_editor (self);
}
