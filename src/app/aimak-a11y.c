/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-a11y.c — names for the actionable widgets GTK 4.8 and libadwaita 1.2
 * leave without one (or with a doubled one), given when each widget is mapped.
 *
 * What GTK 4.8 does, and what is done here:
 * - A name is the accessible label *and* the labelled-by widgets' names, joined: a
 *   button or check button with a label sets both (the label with its mnemonic
 *   underscore, and its label child), giving "_Cancel Cancel". The label without
 *   the underscore becomes the only name.
 * - Nothing is named from its content: a drop-down's toggle button, a menu
 *   button with only an icon, a list row, a flow-box tile or a column-view row
 *   read as their type names. The drop-down's button is labelled by the drop-down
 *   and describes its current value; an icon button takes its tooltip; a row or
 *   tile is labelled by the labels it shows.
 * Widgets that already have an accessible label or labelled-by relation are left
 * alone (gtk_test_accessible_has_property() is the only way 4.8 offers to ask). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include <adwaita.h>

#include "aimak-a11y.h"

#define MAX_LABELS 4

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* @text without mnemonic underscores ("_Cancel" → "Cancel", "a__b" → "a_b"). */
static char *
aimak_a11y_strip_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (s, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

/* A button's or check button's label, once, without its underscore. */
static void
on_label_changed (GtkWidget  *widget,
                  GParamSpec *pspec G_GNUC_UNUSED,
                  gpointer    data G_GNUC_UNUSED)
{
  const char *label = NULL;
  g_autofree char *plain = NULL;

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (label == NULL || *label == '\0')
    return;
  plain = aimak_a11y_strip_mnemonic (label);
  set_label (widget, plain);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels,
                guint      depth)
{
  if (depth > 8 || labels->len >= MAX_LABELS || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      /* A row mapped before it is bound shows empty labels: they count too. */
      if (text != NULL && *text != '\0')
        for (guint i = 0; i < labels->len; i++)
          if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
            return;
      g_ptr_array_add (labels, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels, depth + 1);
}

/* @widget labelled by the labels it shows (at most four, each text once). */
/* @widget named with the texts of the labels it shows, joined; again whenever one
 * of them changes (a list row bound to another item). Relations are not used:
 * GTK 4.8 reads a labelled-by list's references unreliably. */
static gboolean
update_from_content (gpointer data)
{
  GtkWidget *widget = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_object_set_data (G_OBJECT (widget), "aimak-a11y-pending", NULL);
  collect_labels (widget, labels, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *t = gtk_label_get_text (labels->pdata[i]);

      if (*t == '\0' || !gtk_widget_get_visible (labels->pdata[i]))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, t);
    }
  if (text->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text->str, -1);
  g_object_unref (widget);
  return G_SOURCE_REMOVE;
}

static void
on_content_changed (GObject    *label G_GNUC_UNUSED,
                    GParamSpec *pspec G_GNUC_UNUSED,
                    gpointer    data)
{
  GObject *widget = data;

  if (g_object_get_data (widget, "aimak-a11y-pending") != NULL)
    return;
  g_object_set_data (widget, "aimak-a11y-pending", GINT_TO_POINTER (1));
  g_idle_add (update_from_content, g_object_ref (widget));
}

static void
label_by_content (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (widget, labels, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      g_signal_connect_object (labels->pdata[i], "notify::label",
                               G_CALLBACK (on_content_changed), widget, 0);
      g_signal_connect_object (labels->pdata[i], "notify::visible",
                               G_CALLBACK (on_content_changed), widget, 0);
    }
  update_from_content (g_object_ref (widget));
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type,
                    guint      depth)
{
  if (depth > 4)
    return NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_child_of_type (c, type, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

static char *
first_label_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (widget, labels, 0);
  for (guint i = 0; i < labels->len; i++)
    if (*gtk_label_get_text (labels->pdata[i]) != '\0')
      return g_strdup (gtk_label_get_text (labels->pdata[i]));
  return NULL;
}

/* The drop-down's current value, as its button shows it. */
static gboolean
update_drop_down (gpointer data)
{
  GtkWidget *drop_down = data;
  GtkWidget *button = find_child_of_type (drop_down, GTK_TYPE_TOGGLE_BUTTON, 0);
  g_autofree char *value = NULL;

  if (button != NULL)
    value = first_label_text (button);
  if (value != NULL)
    {
      const char *name = g_object_get_data (G_OBJECT (drop_down), "aimak-a11y-name");
      /* TRANSLATORS: a drop-down's name and its current value, read by a screen reader */
      g_autofree char *label = name ? g_strdup_printf (_("%s: %s"), name, value) : g_strdup (value);

      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  g_object_unref (drop_down);
  return G_SOURCE_REMOVE;
}

static void
on_drop_down_selected (GtkWidget  *drop_down,
                       GParamSpec *pspec G_GNUC_UNUSED,
                       gpointer    data G_GNUC_UNUSED)
{
  g_idle_add (update_drop_down, g_object_ref (drop_down));
}

static void
fix_drop_down (GtkWidget *drop_down)
{
  GtkWidget *button = find_child_of_type (drop_down, GTK_TYPE_TOGGLE_BUTTON, 0);
  const char *tooltip = gtk_widget_get_tooltip_text (drop_down);

  if (!has_name (drop_down) && tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip, -1);
  if (tooltip != NULL)
    g_object_set_data_full (G_OBJECT (drop_down), "aimak-a11y-name", g_strdup (tooltip), g_free);
  if (button == NULL)
    return;
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected), NULL);
  on_drop_down_selected (drop_down, NULL, NULL);
}

static void
update_menu_button (GtkWidget  *menu_button,
                    GParamSpec *pspec G_GNUC_UNUSED,
                    gpointer    data G_GNUC_UNUSED)
{
  GtkWidget *button = find_child_of_type (menu_button, GTK_TYPE_TOGGLE_BUTTON, 0);
  const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button));
  const char *tooltip = gtk_widget_get_tooltip_text (menu_button);
  g_autofree char *text = NULL;

  if (label != NULL)
    text = aimak_a11y_strip_mnemonic (label);
  else if (tooltip != NULL)
    text = g_strdup (tooltip);
  else
    text = first_label_text (menu_button);
  if (text == NULL)
    return;
  if (g_object_get_data (G_OBJECT (menu_button), "aimak-a11y-named") != NULL ||
      !has_name (menu_button))
    {
      g_object_set_data (G_OBJECT (menu_button), "aimak-a11y-named", GINT_TO_POINTER (1));
      set_label (menu_button, text);
    }
  if (button != NULL)
    set_label (button, text);
}

static void
fix_menu_button (GtkWidget *menu_button)
{
  g_signal_connect (menu_button, "notify::label", G_CALLBACK (update_menu_button), NULL);
  g_signal_connect (menu_button, "notify::tooltip-text", G_CALLBACK (update_menu_button), NULL);
  update_menu_button (menu_button, NULL, NULL);
}

static gboolean
is_search_icon (const char *icon)
{
  return g_strcmp0 (icon, "system-search-symbolic") == 0 || g_strcmp0 (icon, "edit-find-symbolic") == 0;
}

static void
fix_button (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  GtkWidget *image = gtk_button_get_child (GTK_BUTTON (button));

  /* A drop-down's or menu button's own button is named with its owner. */
  if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
    return;

  g_signal_connect (button, "notify::label", G_CALLBACK (on_label_changed), NULL);
  if (label != NULL)
    on_label_changed (button, NULL, NULL);
  else if (is_search_icon (gtk_button_get_icon_name (GTK_BUTTON (button))) ||
           (GTK_IS_IMAGE (image) && is_search_icon (gtk_image_get_icon_name (GTK_IMAGE (image)))))
    /* libadwaita's search button reads "GtkImage" */
    set_label (button, gtk_widget_get_tooltip_text (button) ? gtk_widget_get_tooltip_text (button)
                                                            : _("Search"));
  else if (!has_name (button))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      if (tooltip != NULL)
        set_label (button, tooltip);
      else if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "go-previous-symbolic") == 0 ||
               (GTK_IS_IMAGE (image) &&
                g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "go-previous-symbolic") == 0))
        set_label (button, _("Back"));
      else
        label_by_content (button);
    }
}

/* The mouse wheel over a spin button in a scrolled page scrolls the page; it never
 * changes the number (a participant count was changed and saved that way). */
static gboolean
on_spin_scroll (GtkEventControllerScroll *controller,
                double                    dx G_GNUC_UNUSED,
                double                    dy,
                gpointer                  data G_GNUC_UNUSED)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;
  double page;

  if (scrolled == NULL)
    return FALSE;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adj);
  /* GTK's own step for a wheel notch: the page size to the power 2/3. */
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy * pow (page, 2.0 / 3.0));
  return TRUE;
}

static void
stop_wheel (GtkWidget *spin)
{
  GtkEventController *controller;

  if (gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW) == NULL)
    return;
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_name (controller, "aimak-no-wheel");
  /* Before the spin button's own scroll controller, which runs in the bubble phase. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_spin_scroll), NULL);
  gtk_widget_add_controller (spin, controller);
}

/* Toasts, announced. libadwaita 1.2's toasts are not read by screen readers and
 * GTK 4.8 has no announcement call (gtk_accessible_announce() is 4.14). What 4.8
 * offers is the "alert" role (an AT-SPI notification, which screen readers present
 * when it is shown): each toast overlay gets a label of that role, invisible to the
 * eye, that takes each toast's text and is shown afresh. */
static GtkWidget *
announcer_for (GtkWidget *overlay)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (overlay), "aimak-announcer");
  GtkWidget *child;

  if (label != NULL)
    return label;
  child = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));
  if (!GTK_IS_BOX (child))
    return NULL;
  label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                        "visible", FALSE, "wrap", TRUE, NULL);
  g_object_set_data (G_OBJECT (label), "aimak-a11y", GINT_TO_POINTER (1));
  gtk_widget_add_css_class (label, "aimak-announcer");
  gtk_box_append (GTK_BOX (child), label);
  g_object_set_data (G_OBJECT (overlay), "aimak-announcer", label);
  return label;
}

static void
announce_toast (GtkWidget *toast_widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (toast_widget, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *label = overlay != NULL ? announcer_for (overlay) : NULL;
  g_autofree char *text = first_label_text (toast_widget);

  if (label == NULL || text == NULL)
    return;
  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (label, TRUE);
}

GtkWidget *
aimak_a11y_get_announcer (GtkWidget *widget)
{
  GtkWidget *overlay = ADW_IS_TOAST_OVERLAY (widget)
                       ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? g_object_get_data (G_OBJECT (overlay), "aimak-announcer") : NULL;
}

static void fix_flow_box_child (GtkWidget *child);

static void
fix_widget (GtkWidget *widget)
{
  const char *type;

  if (g_object_get_data (G_OBJECT (widget), "aimak-a11y") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "aimak-a11y", GINT_TO_POINTER (1));
  type = G_OBJECT_TYPE_NAME (widget);

  /* A label and a labelled-by relation both: GTK 4.8 reads both ("Threshold
   * Threshold"); the label given on purpose stays. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (GTK_IS_SPIN_BUTTON (widget))
    stop_wheel (widget);
  else if (GTK_IS_DROP_DOWN (widget))
    fix_drop_down (widget);
  else if (GTK_IS_MENU_BUTTON (widget))
    fix_menu_button (widget);
  else if (GTK_IS_BUTTON (widget))
    fix_button (widget);
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_changed), NULL);
      on_label_changed (widget, NULL, NULL);
    }
  else if (GTK_IS_IMAGE (widget) && GTK_IS_SEARCH_ENTRY (gtk_widget_get_parent (widget)) &&
           g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "edit-clear-symbolic") == 0 &&
      !has_name (widget))
    /* the search entry's clear icon, a button to screen readers */
    set_label (widget, _("Clear"));
  else if (GTK_IS_SEARCH_ENTRY (widget) && !has_name (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      set_label (widget, placeholder != NULL ? placeholder : _("Search"));
    }
  else if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)) &&
           !gtk_widget_get_focusable (widget))
    /* GTK 4.8's label grabs the focus when Tab reaches a selectable label and
     * says it took it even when the label is not focusable: the focus stays
     * where it was and Tab goes no further. Out of the focus chain instead;
     * the mouse still selects and copies. */
    gtk_widget_set_can_focus (widget, FALSE);
  if (GTK_IS_FLOW_BOX_CHILD (widget))
    fix_flow_box_child (widget);
  if ((GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget) ||
       g_str_equal (type, "GtkListItemWidget") || g_str_equal (type, "GtkColumnViewRow")) &&
      !has_name (widget))
    label_by_content (widget);
}

static void
fix_tree (GtkWidget *widget)
{
  fix_widget (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    fix_tree (c);
}

/* Each widget once, when it is mapped; a window, stack, revealer or popover names
 * everything below it, also the views, pages and rows not shown yet. */
static gboolean
on_map_hook (GSignalInvocationHint *hint G_GNUC_UNUSED,
             guint                  n_params,
             const GValue          *params,
             gpointer               data G_GNUC_UNUSED)
{
  GtkWidget *widget;

  if (n_params < 1 || !G_VALUE_HOLDS (&params[0], GTK_TYPE_WIDGET))
    return TRUE;
  widget = g_value_get_object (&params[0]);
  if (widget == NULL)
    return TRUE;
  /* Each time a toast shows, not once. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    announce_toast (widget);
  if (GTK_IS_ROOT (widget) || GTK_IS_STACK (widget) || GTK_IS_REVEALER (widget) ||
      GTK_IS_POPOVER (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwViewStack") ||
      g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwLeaflet"))
    fix_tree (widget);
  else
    fix_widget (widget);
  return TRUE;
}

/* Focused entry rows. In GTK 4.8 an AdwEntryRow (libadwaita 1.2) is the text-box
 * node and its inner GtkText, which has the keyboard focus, has the role "none" and
 * is not in the tree; the row answers "focused" with gtk_widget_has_focus() on
 * itself, which is false while its text has the focus, so no node reads as
 * focused. GtkEntry and GtkSpinButton ask their inner text instead; AdwEntryRow
 * does so only from libadwaita 1.4. Here the row's platform state asks whether the
 * root's focus is inside the row. GTK 4.8 has no public hook for it: the
 * accessible interface's vtable (gtkaccessibleprivate.h in 4.8: get_at_context,
 * then get_platform_state) is patched for exactly GTK 4.8 with libadwaita 1.2. */
typedef struct
{
  GTypeInterface g_iface;
  gpointer       get_at_context;
  gboolean     (*get_platform_state) (GtkAccessible *self,
                                      int            state);
} AccessibleIface48;

#define PLATFORM_STATE_FOCUSED 1

static gboolean (*widget_get_platform_state) (GtkAccessible *self,
                                              int            state);

static gboolean
entry_row_get_platform_state (GtkAccessible *self,
                              int            state)
{
  if (state == PLATFORM_STATE_FOCUSED && ADW_IS_ENTRY_ROW (self))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      return focus != NULL && gtk_widget_has_focus (focus) &&
             (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
    }
  return widget_get_platform_state (self, state);
}

static void
patch_entry_row_focus (void)
{
  g_autoptr(GTypeClass) klass = NULL;
  AccessibleIface48 *iface;

  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8 ||
      adw_get_major_version () != 1 || adw_get_minor_version () != 2)
    return;
  klass = g_type_class_ref (ADW_TYPE_ENTRY_ROW);
  iface = g_type_interface_peek (klass, GTK_TYPE_ACCESSIBLE);
  if (iface == NULL || iface->get_platform_state == NULL ||
      iface->get_platform_state == entry_row_get_platform_state)
    return;
  widget_get_platform_state = iface->get_platform_state;
  iface->get_platform_state = entry_row_get_platform_state;
}

/* Tab through flow boxes used for layout. GTK 4.8's flow box gives the focus to
 * one of its children and says it took it even when the child refuses it: a
 * child that is not focusable (a tile without action, a box with a title) and
 * has nothing focusable inside stops Tab for good. Here a child that is not
 * focusable passes the focus to its content (as GTK does from 4.10), and a box
 * whose children are all not focusable moves the focus like any container. */
static gboolean (*flow_box_focus) (GtkWidget *widget, GtkDirectionType direction);
static gboolean (*flow_box_child_focus) (GtkWidget *widget, GtkDirectionType direction);

static gboolean
flow_box_child_focus_through (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  GtkWidget *child;

  if (gtk_widget_get_focusable (widget))
    return flow_box_child_focus (widget, direction);
  child = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (widget));
  return child != NULL && gtk_widget_child_focus (child, direction);
}

static gboolean
flow_box_focus_through (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkWidgetClass *plain = g_type_class_peek (GTK_TYPE_WIDGET);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_FLOW_BOX_CHILD (c) && gtk_widget_get_focusable (c))
      return flow_box_focus (widget, direction);
  return plain->focus (widget, direction);
}

static void
patch_flow_box_focus (void)
{
  GtkWidgetClass *box = g_type_class_ref (GTK_TYPE_FLOW_BOX);
  GtkWidgetClass *child = g_type_class_ref (GTK_TYPE_FLOW_BOX_CHILD);

  if (box->focus != flow_box_focus_through)
    {
      flow_box_focus = box->focus;
      box->focus = flow_box_focus_through;
    }
  if (child->focus != flow_box_child_focus_through)
    {
      flow_box_child_focus = child->focus;
      child->focus = flow_box_child_focus_through;
    }
}

/* A tile that does nothing when activated is no Tab stop: a child of a flow box
 * that selects nothing and has no handler for child-activated. */
static void
fix_flow_box_child (GtkWidget *child)
{
  GtkWidget *box = gtk_widget_get_parent (child);

  if (GTK_IS_FLOW_BOX (box) &&
      gtk_flow_box_get_selection_mode (GTK_FLOW_BOX (box)) == GTK_SELECTION_NONE &&
      !g_signal_has_handler_pending (box, g_signal_lookup ("child-activated", GTK_TYPE_FLOW_BOX),
                                     0, FALSE))
    gtk_widget_set_focusable (child, FALSE);
}

void
aimak_a11y_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint map = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map, 0, on_map_hook, NULL, NULL);
      patch_entry_row_focus ();
      patch_flow_box_focus ();
      g_once_init_leave (&done, 1);
    }
}

static GtkWidget *
first_field (GtkWidget *widget,
             guint      depth)
{
  if (depth > 0 && gtk_widget_get_focusable (widget) &&
      (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
       GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget)))
    return widget;
  if (depth > 8)
    return NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_field (c, depth + 1);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
aimak_a11y_set_problem (GtkWidget  *field,
                        const char *problem)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_WIDGET (field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : "", -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  /* An entry row is itself the focusable text node (see entry_row_get_platform_state);
   * another row passes the problem to the field inside it that takes the focus. */
  if (ADW_IS_ENTRY_ROW (field) || (inner = first_field (field, 0)) == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : "", -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}
