/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-areas-page.c — the Areas view. The tree is a GtkTreeListModel over
 * oblasts; while the user searches it is replaced by a flat list of matches
 * in all three languages and codes, each with its parent chain. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-item.h"
#include "aimak-area-profile.h"
#include "aimak-areas-page-private.h"
#include "aimak-focus-stop.h"

struct _AimakAreasPage
{
  AimakPage           parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *back_bar;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  AimakAreaProfile   *profile;
  GtkSwitch          *former_switch;
  GtkLabel           *as_of_label;

  /* Owned references */
  GtkSingleSelection *selection;
  GtkTreeListModel   *tree;
  GPtrArray          *all_areas;   /* AimakArea, for search */
  gboolean            selecting;
  gboolean            setting_area;  /* the tree chose the area: no need to select it */
  guint               fold_id;
};

G_DEFINE_FINAL_TYPE (AimakAreasPage, aimak_areas_page, AIMAK_TYPE_PAGE)

static GListModel *
children_model (AimakAreasPage *self,
                const char     *parent_code)
{
  g_autoptr(GPtrArray) areas = aimak_area_children (aimak_page_get_db (AIMAK_PAGE (self)), parent_code, NULL);
  GListStore *store;

  gboolean former = gtk_switch_get_active (self->former_switch);

  if (areas == NULL || areas->len == 0)
    return NULL;
  store = g_list_store_new (AIMAK_TYPE_AREA_ITEM);
  for (guint i = 0; i < areas->len; i++)
    {
      g_autoptr(AimakAreaItem) item = NULL;

      /* Current areas only, unless "Show former areas" is on. */
      if (!former && !aimak_area_is_current (g_ptr_array_index (areas, i)))
        continue;
      item =
        aimak_area_item_new (g_ptr_array_index (areas, i), aimak_db_get_language (aimak_page_get_db (AIMAK_PAGE (self))), NULL);
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  AimakAreasPage *self = user_data;
  AimakAreaItem *area = item;

  if (aimak_area_item_get_subtitle (area) != NULL || aimak_area_item_get_level (area) >= 3)
    return NULL;
  return children_model (self, aimak_area_item_get_code (area));
}

/* The area chosen in the tree becomes the page's (and so the window's). */
static void
set_area (AimakAreasPage *self,
          const char     *code)
{
  self->setting_area = TRUE;
  aimak_page_set_area_code (AIMAK_PAGE (self), code);
  self->setting_area = FALSE;
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      AimakAreasPage     *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  AimakAreaItem *item;

  if (row == NULL || self->selecting)
    return;
  item = gtk_tree_list_row_get_item (row);
  set_area (self, aimak_area_item_get_code (item));
  g_object_unref (item);
  /* A tap on a narrow window opens the profile; the expander still expands. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "profile");
}

/* From an idle: the leaflet folds while it is allocated, and a widget shown
 * then would wait for the next relayout to get a size. */
static gboolean
update_back_bar (gpointer data)
{
  AimakAreasPage *self = data;

  self->fold_id = 0;
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

static void
on_folded_changed (AimakAreasPage *self)
{
  if (self->fold_id == 0)
    self->fold_id = g_idle_add (update_back_bar, self);
}

static void
on_back_clicked (AimakAreasPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
rebuild_tree (AimakAreasPage *self,
              GListModel     *roots)
{
  GtkTreeListModel *tree = gtk_tree_list_model_new (roots, FALSE, FALSE, create_children,
                                                    self, NULL);

  g_set_object (&self->tree, tree);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_object_unref (tree);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   AimakAreasPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *needle = g_utf8_casefold (g_strstrip (g_strdup (text)), -1);
  GListStore *store;
  g_autoptr(GHashTable) names = NULL;

  if (aimak_page_get_db (AIMAK_PAGE (self)) == NULL)
    return;
  if (*needle == '\0')
    {
      rebuild_tree (self, children_model (self, NULL));
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      if (aimak_page_get_area_code (AIMAK_PAGE (self)))
        aimak_areas_page_select (self, aimak_page_get_area_code (AIMAK_PAGE (self)));
      return;
    }

  store = g_list_store_new (AIMAK_TYPE_AREA_ITEM);
  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->all_areas->len; i++)
    {
      AimakArea *a = g_ptr_array_index (self->all_areas, i);
      g_hash_table_insert (names, a->code, a);
    }
  for (guint i = 0; i < self->all_areas->len; i++)
    {
      AimakArea *a = g_ptr_array_index (self->all_areas, i);
      g_autoptr(GString) chain = g_string_new (NULL);
      g_autoptr(AimakAreaItem) item = NULL;

      if (!aimak_area_matches (a, needle) ||
          (!aimak_area_is_current (a) && !gtk_switch_get_active (self->former_switch)))
        continue;
      for (AimakArea *p = g_hash_table_lookup (names, a->parent_code ? a->parent_code : "");
           p != NULL; p = g_hash_table_lookup (names, p->parent_code ? p->parent_code : ""))
        {
          if (chain->len)
            g_string_append (chain, " · ");
          g_string_append (chain, aimak_area_name (p, aimak_db_get_language (aimak_page_get_db (AIMAK_PAGE (self)))));
        }
      if (chain->len == 0)
        g_string_append (chain, aimak_area_type_label (a->type));
      item = aimak_area_item_new (a, aimak_db_get_language (aimak_page_get_db (AIMAK_PAGE (self))), chain->str);
      g_list_store_append (store, item);
    }
  rebuild_tree (self, G_LIST_MODEL (store));
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (store)) ? "list"
                                                                                    : "empty");
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_search_activate (GtkSearchEntry *entry,
                    AimakAreasPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The entry captures keys typed in the list, Enter too: an Enter meant
   * for a row must not choose the first area. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)))
    return;
  if (g_list_model_get_n_items (model) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static void
on_stop_search (GtkSearchEntry *entry,
                AimakAreasPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_row_activated (GtkListView    *view,
                  guint           position,
                  AimakAreasPage *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  /* Enter chooses the area as a click or Space does (and still expands). */
  if (row && gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  if (row && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* Row widgets: expander ▸ name [pilot] / subtitle. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *pilot = gtk_label_new (_("Pilot"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (pilot, "pilot-badge");
  gtk_widget_set_valign (pilot, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), pilot);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (name);
  GtkWidget *pilot = gtk_widget_get_next_sibling (labels);
  g_autoptr(AimakAreaItem) item = gtk_tree_list_row_get_item (row);
  const char *sub = aimak_area_item_get_subtitle (item);
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (name), aimak_area_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (subtitle), sub ? sub : "");
  gtk_widget_set_visible (subtitle, sub != NULL);
  gtk_widget_set_visible (pilot, aimak_area_item_get_is_pilot (item));
  if (aimak_area_item_get_valid_to (item))
    {
      /* TRANSLATORS: a former area in the Areas list; %s is the day the change took effect. */
      g_autofree char *ended = g_strdup_printf (_("Former area since %s"),
                                                aimak_area_item_get_valid_to (item));
      gtk_label_set_text (GTK_LABEL (subtitle), sub ? sub : ended);
      gtk_widget_set_visible (subtitle, TRUE);
      gtk_widget_set_opacity (name, 0.7);
      description = g_strdup_printf (_("%s, former area"), aimak_area_item_get_name (item));
    }
  else
    {
      gtk_widget_set_opacity (name, 1.0);
      description = aimak_area_item_get_is_pilot (item)
        ? g_strdup_printf (_("%s, pilot area"), aimak_area_item_get_name (item))
        : g_strdup (aimak_area_item_get_name (item));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
aimak_areas_page_load (AimakAreasPage *self)
{
  g_clear_pointer (&self->all_areas, g_ptr_array_unref);
  if (aimak_page_get_db (AIMAK_PAGE (self)) == NULL)
    return;
  self->all_areas = aimak_area_list (aimak_page_get_db (AIMAK_PAGE (self)), -1, NULL);
  if (self->all_areas == NULL)
    self->all_areas = g_ptr_array_new ();
  rebuild_tree (self, children_model (self, NULL));
  {
    g_autofree char *as_of = aimak_area_list_as_of (aimak_page_get_db (AIMAK_PAGE (self)));
    gtk_label_set_text (self->as_of_label, as_of);
  }
}

/* The switch rebuilds the list as it is (a search stays a search). */
static void
on_former_toggled (AimakAreasPage *self)
{
  const char *code = aimak_page_get_area_code (AIMAK_PAGE (self));

  if (aimak_page_get_db (AIMAK_PAGE (self)) == NULL)
    return;
  on_search_changed (self->search_entry, self);
  if (code && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    aimak_areas_page_select (self, code);
}

/* After a change list was applied or undone: the areas, and the profile. */
void
aimak_areas_page_reload (AimakAreasPage *self)
{
  g_autofree char *code = g_strdup (aimak_page_get_area_code (AIMAK_PAGE (self)));

  g_return_if_fail (AIMAK_IS_AREAS_PAGE (self));
  aimak_areas_page_load (self);
  if (code)
    {
      /* The area may be gone (an undo removes the areas a list created). */
      g_autoptr(AimakArea) area = aimak_area_get (aimak_page_get_db (AIMAK_PAGE (self)), code,
                                                  NULL);
      if (area && aimak_areas_page_select (self, code))
        aimak_area_profile_reload (self->profile);
      else
        aimak_page_set_area_code (AIMAK_PAGE (self), NULL);
    }
}

static void
on_profile_area_activated (AimakAreaProfile *profile,
                           const char       *code,
                           AimakAreasPage   *self)
{
  aimak_areas_page_select (self, code);
}

static void
aimak_areas_page_dispose (GObject *object)
{
  AimakAreasPage *self = AIMAK_AREAS_PAGE (object);

  g_clear_handle_id (&self->fold_id, g_source_remove);
  /* AimakPage's dispose unparents what is left. */
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_AREAS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  G_OBJECT_CLASS (aimak_areas_page_parent_class)->dispose (object);
}

static void
aimak_areas_page_finalize (GObject *object)
{
  AimakAreasPage *self = AIMAK_AREAS_PAGE (object);

  g_clear_pointer (&self->all_areas, g_ptr_array_unref);
  G_OBJECT_CLASS (aimak_areas_page_parent_class)->finalize (object);
}

static void
aimak_areas_page_db_changed (AimakPage *page)
{
  aimak_areas_page_load (AIMAK_AREAS_PAGE (page));
}

/* The profile shows the page's area; set from outside, the tree selects it. */
static void
aimak_areas_page_area_changed (AimakPage *page)
{
  AimakAreasPage *self = AIMAK_AREAS_PAGE (page);
  const char *code = aimak_page_get_area_code (page);

  aimak_area_profile_set_area (self->profile, aimak_page_get_db (page), code);
  if (!self->setting_area && code)
    aimak_areas_page_select (self, code);
}

static void
aimak_areas_page_class_init (AimakAreasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_areas_page_dispose;
  object_class->finalize = aimak_areas_page_finalize;
  AIMAK_PAGE_CLASS (klass)->db_changed = aimak_areas_page_db_changed;
  AIMAK_PAGE_CLASS (klass)->area_changed = aimak_areas_page_area_changed;

  g_type_ensure (AIMAK_TYPE_AREA_PROFILE);
  g_type_ensure (AIMAK_TYPE_FOCUS_STOP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-areas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, profile);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, former_switch);
  gtk_widget_class_bind_template_child (widget_class, AimakAreasPage, as_of_label);
  gtk_widget_class_bind_template_callback (widget_class, on_former_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_area_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
aimak_areas_page_init (AimakAreasPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected",
                    G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/* Walks down the tree from the top-level unit, expanding each parent. */
gboolean
aimak_areas_page_select (AimakAreasPage *self,
                         const char     *code)
{
  g_autoptr(GPtrArray) chain = NULL;
  GListModel *model;
  guint start = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (AIMAK_IS_AREAS_PAGE (self), FALSE);
  if (aimak_page_get_db (AIMAK_PAGE (self)) == NULL || code == NULL)
    return FALSE;
  chain = aimak_area_chain (aimak_page_get_db (AIMAK_PAGE (self)), code, NULL);
  if (chain == NULL)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* A former area is only in the list with the former ones. */
  for (guint i = 0; i < chain->len && !gtk_switch_get_active (self->former_switch); i++)
    if (!aimak_area_is_current (g_ptr_array_index (chain, i)))
      {
        gtk_switch_set_active (self->former_switch, TRUE);
        return aimak_areas_page_select (self, code);
      }
  model = G_LIST_MODEL (self->tree);
  self->selecting = TRUE;
  for (guint depth = 0; depth < chain->len; depth++)
    {
      AimakArea *target = g_ptr_array_index (chain, depth);
      guint n = g_list_model_get_n_items (model);

      found = FALSE;
      if (target->level == 0)
        continue;
      for (guint i = start; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
          g_autoptr(AimakAreaItem) item = gtk_tree_list_row_get_item (row);

          if (g_strcmp0 (aimak_area_item_get_code (item), target->code) != 0)
            continue;
          if (depth + 1 < chain->len)
            gtk_tree_list_row_set_expanded (row, TRUE);
          else
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                          "u", i);
            }
          start = i + 1;
          found = TRUE;
          break;
        }
      if (!found)
        break;
    }
  self->selecting = FALSE;
  if (found)
    set_area (self, code);
  return found;
}

void
aimak_areas_page_set_search (AimakAreasPage *self,
                             const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self->search_entry, self);
}

GListModel *
aimak_areas_page_get_model (AimakAreasPage *self)
{
  return G_LIST_MODEL (self->selection);
}

void
aimak_areas_page_focus_search (AimakAreasPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* On a narrow window: which of the two panes is shown ("list" or "profile");
 * on a wide one both are, and this says "both". */
const char *
aimak_areas_page_get_pane (AimakAreasPage *self)
{
  g_return_val_if_fail (AIMAK_IS_AREAS_PAGE (self), NULL);
  if (!adw_leaflet_get_folded (self->leaflet))
    return "both";
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

GtkWidget *
aimak_areas_page_get_widget (AimakAreasPage *self,
                             const char     *name)
{
  g_return_val_if_fail (AIMAK_IS_AREAS_PAGE (self), NULL);
  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_entry);
  if (g_str_equal (name, "list"))
    return GTK_WIDGET (self->list_view);
  if (g_str_equal (name, "profile"))
    return GTK_WIDGET (self->profile);
  if (g_str_equal (name, "back"))
    return GTK_WIDGET (self->back_bar);
  if (g_str_equal (name, "former"))
    return GTK_WIDGET (self->former_switch);
  if (g_str_equal (name, "as-of"))
    return GTK_WIDGET (self->as_of_label);
  return NULL;
}
