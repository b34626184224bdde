/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-capacity-page.c — the Capacity building view: the register of activities
 * with search and filters, totals of the listed activities by sex and role, and the
 * editor beside the list. The list is re-read from the database after each save,
 * so the totals always match what is stored. On narrow windows the leaflet folds and
 * the editor becomes a page of its own, with a back button to the list.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-activity-editor.h"
#include "aimak-capacity-page-private.h"
#include "aimak-toast.h"
#include "aimak-undo-toast.h"
#include "aimak-number.h"

struct _AimakCapacityPage
{
  AimakPage            parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *editor_header;
  GtkWidget           *back_button;
  GtkSearchEntry      *search_entry;
  GtkButton           *add_button;
  GtkDropDown         *area_filter;
  GtkDropDown         *type_filter;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *type_column;
  GtkSingleSelection  *selection;
  GListStore          *store;
  AdwStatusPage       *empty_page;
  GtkLabel            *totals_label;
  GtkLabel            *roles_label;
  AimakActivityEditor *editor;

  /* Owned references */
  guint                reloading;
  AimakDb             *loaded_db;     /* what the list shows, unowned: compared only */
  gint64               loaded_stamp;  /* aimak_db_change_stamp() when it was read */
  guint                browse_idle;   /* clears browsing after a key press */
  guint                fit_idle;      /* fit_columns() after the list's width changed */
  double               type_needs;    /* list width that showed every column */
  gboolean             area_choice;   /* area_filter offers the selected area first */
  gboolean             browsing;      /* the selection moves with the keyboard */
  gboolean             disposed;      /* the leaflet notifies while it is torn down */
};

G_DEFINE_FINAL_TYPE (AimakCapacityPage, aimak_capacity_page, AIMAK_TYPE_PAGE)

/* ------------------------------------------------------------------------ */
/* Filters                                                                   */

/* An empty bound is open; a bad one is marked and ignored rather than hiding rows. */
static char *
date_bound (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *iso = NULL;

  /* The one date grammar of core: "15.03.2026" as planners write it, or ISO. */
  if (*text == '\0' || aimak_date_parse (text, &iso, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      return iso;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry),
                               _("Not a date: write it as 31.12.2026 or 2026-12-31. "
                                 "This bound is ignored."));
  return NULL;
}

static void
build_filter (AimakCapacityPage   *self,
              AimakActivityFilter *filter)
{
  const char *area = aimak_page_get_area_code (AIMAK_PAGE (self));
  AimakCodeItem *type = gtk_drop_down_get_selected_item (self->type_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  filter->search = *search ? g_strdup (search) : NULL;
  filter->area_code = self->area_choice && area &&
                      gtk_drop_down_get_selected (self->area_filter) == 0
                        ? g_strdup (area) : NULL;
  /* "All types" has an empty code. */
  filter->type = type && *aimak_code_item_get_code (type)
                   ? g_strdup (aimak_code_item_get_code (type)) : NULL;
  filter->date_from = date_bound (self->from_entry);
  filter->date_to = date_bound (self->to_entry);
}

static gboolean
filter_is_active (const AimakActivityFilter *filter)
{
  return filter->search || filter->type || filter->date_from || filter->date_to;
}

/* ------------------------------------------------------------------------ */
/* The list and its totals                                                   */

static void
show_totals (AimakCapacityPage *self,
             GPtrArray         *rows)
{
  g_autoptr(AimakActivityTotals) t = NULL;
  g_autoptr(GString) roles = g_string_new (NULL);
  g_autofree char *text = NULL;
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));

  t = db ? aimak_activity_totals (db, rows, NULL) : NULL;
  if (t == NULL || t->count == 0)
    {
      gtk_label_set_text (self->totals_label, _("No activities listed"));
      gtk_label_set_text (self->roles_label, "");
      return;
    }
  if (isnan (t->women_share))
    /* Translators: totals bar of the activity list when nobody took part. */
    text = g_strdup_printf (ngettext ("%u activity · no participants",
                                      "%u activities · no participants", t->count), t->count);
  else
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u activity", "%u activities",
                                                          t->count), t->count);
      g_autofree char *all = NULL, *women = NULL, *men = NULL, *share = NULL;
      /* Translators: totals bar: activities · participants · women · men · share of women. */
      text = g_strdup_printf (_("%s · %s participants · %s women · %s men · %s women"), count,
                              all = aimak_number_format (t->women + t->men, 0, NULL),
                              women = aimak_number_format (t->women, 0, NULL),
                              men = aimak_number_format (t->men, 0, NULL),
                              share = aimak_number_format_percent (100.0 * t->women_share, 1, NULL));
    }
  gtk_label_set_text (self->totals_label, text);

  for (guint i = 0; i < t->by_role->len; i++)
    {
      AimakSummaryRoleItem *r = g_ptr_array_index (t->by_role, i);
      if (r->women + r->men == 0)
        continue;
      if (roles->len)
        g_string_append (roles, "  ·  ");
      /* Translators: participants of one role in the totals bar. */
      g_string_append_printf (roles, _("%s: %u women, %u men"), r->label, r->women, r->men);
    }
  gtk_label_set_text (self->roles_label, roles->str);
}

static void
select_id (AimakCapacityPage *self,
           const char        *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint pos = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; id && i < n; i++)
    {
      g_autoptr(AimakActivityRow) row = g_list_model_get_item (model, i);
      if (g_strcmp0 (aimak_activity_row_get_id (row), id) == 0)
        {
          pos = i;
          break;
        }
    }
  self->reloading++;
  gtk_single_selection_set_selected (self->selection, pos);
  self->reloading--;
}

static gboolean
list_is_alone (AimakCapacityPage *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0;
}

/* The list marks the activity in the editor while the editor is in view. On a narrow
 * window's list page nothing is marked, so that choosing the same activity again
 * changes the selection and opens it. */
static void
sync_selection (AimakCapacityPage *self)
{
  select_id (self, list_is_alone (self) ? NULL : aimak_activity_editor_get_id (self->editor));
}

static void
show_editor (AimakCapacityPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
show_list (AimakCapacityPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
reload (AimakCapacityPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  AimakActivityFilter filter = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;
  build_filter (self, &filter);
  rows = aimak_activity_query (db, &filter, &error);
  if (rows == NULL)
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      aimak_activity_filter_clear (&filter);
      return;
    }
  self->loaded_db = db;
  self->loaded_stamp = aimak_db_change_stamp (db);
  self->reloading++;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  self->reloading--;
  sync_selection (self);
  show_totals (self, rows);

  if (rows->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (filter_is_active (&filter))
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Activities"));
          adw_status_page_set_description (self->empty_page,
                                           _("Change the search or the filters to see more"));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Activities Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Record trainings, workshops and community "
                                             "dialogues with the number of women and men "
                                             "who took part in each role"));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  aimak_activity_filter_clear (&filter);
}

/* Switching away from an activity saves it; one that cannot be saved is reported. */
static void
leave_current (AimakCapacityPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!aimak_activity_editor_has_unsaved (self->editor))
    return;
  if (!aimak_activity_editor_flush (self->editor, &error))
    {
      aimak_toast_show (GTK_WIDGET (self),
                        aimak_activity_editor_get_id (self->editor)
                          ? _("The last changes were not saved: the activity had problems")
                          : _("The new activity was not saved: it had problems"));
    }
}

static void
on_selection_changed (AimakCapacityPage *self)
{
  g_autoptr(GError) error = NULL;
  AimakActivityRow *row;

  if (self->reloading)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return;
  if (g_strcmp0 (aimak_activity_row_get_id (row),
                 aimak_activity_editor_get_id (self->editor)) != 0)
    {
      leave_current (self);
      if (!aimak_activity_editor_load (self->editor, aimak_activity_row_get_id (row), &error))
        {
          aimak_page_show_error (AIMAK_PAGE (self), error);
          return;
        }
    }
  /* Arrow keys only move through the list; a click, a tap or Enter opens. */
  if (!self->browsing)
    show_editor (self);
}

static gboolean
browse_done (gpointer data)
{
  AimakCapacityPage *self = data;

  self->browsing = FALSE;
  self->browse_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Runs before the list handles the key, so the selection change it makes is known to
 * come from the keyboard. */
static gboolean
on_list_key_pressed (AimakCapacityPage *self)
{
  self->browsing = TRUE;
  if (self->browse_idle == 0)
    self->browse_idle = g_idle_add (browse_done, self);
  return GDK_EVENT_PROPAGATE;
}

static void
on_row_activated (AimakCapacityPage *self,
                  guint              position)
{
  g_autoptr(AimakActivityRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

  if (row == NULL)
    return;
  self->browsing = FALSE;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  else
    on_selection_changed (self);
  if (g_strcmp0 (aimak_activity_row_get_id (row),
                 aimak_activity_editor_get_id (self->editor)) == 0)
    {
      show_editor (self);
      aimak_activity_editor_focus (self->editor);
    }
}

/* A narrow list leaves the type to the filter and the editor, so that the topic and the
 * figures stay in view; the column comes back once the list is as wide as it was when
 * every column fitted (no flicker around one width). */
static gboolean
fit_columns (gpointer data)
{
  AimakCapacityPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->list_scroller);
  double page = gtk_adjustment_get_page_size (adj);
  double upper = gtk_adjustment_get_upper (adj);

  self->fit_idle = 0;
  if (page <= 0)
    return G_SOURCE_REMOVE;
  if (gtk_column_view_column_get_visible (self->type_column))
    {
      if (upper > page + 0.5)
        {
          self->type_needs = upper;
          gtk_column_view_column_set_visible (self->type_column, FALSE);
        }
    }
  else if (page >= self->type_needs)
    gtk_column_view_column_set_visible (self->type_column, TRUE);
  return G_SOURCE_REMOVE;
}

/* Not from inside the size allocation that changed the adjustment. */
static void
on_list_width_changed (AimakCapacityPage *self)
{
  if (self->fit_idle == 0 && !self->disposed)
    self->fit_idle = g_idle_add (fit_columns, self);
}

static void
on_folded_changed (AimakCapacityPage *self)
{
  if (self->disposed)
    return;
  gtk_widget_set_visible (self->editor_header, adw_leaflet_get_folded (self->leaflet));
  sync_selection (self);
}

/* The back button, Alt+Left, the mouse's back button and a swipe all end here. */
static void
on_visible_child_changed (AimakCapacityPage *self)
{
  if (self->disposed)
    return;
  if (list_is_alone (self))
    {
      leave_current (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
  sync_selection (self);
}

static void
on_back_clicked (AimakCapacityPage *self)
{
  show_list (self);
}

static void
on_editor_saved (AimakCapacityPage *self,
                 const char        *id,
                 gboolean           created)
{
  reload (self);
}

static void
on_filter_changed (AimakCapacityPage *self)
{
  if (self->reloading)
    return;
  reload (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
capacity_add (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (widget);
  const char *area = aimak_page_get_area_code (AIMAK_PAGE (self));

  if (aimak_page_is_read_only (AIMAK_PAGE (self)))
    return;
  if (!aimak_page_check_area_for_new (AIMAK_PAGE (self), area,
                                      _("Choose an area first: an activity belongs to an area")))
    return;
  leave_current (self);
  select_id (self, NULL);
  aimak_activity_editor_new_activity (self->editor, area);
  show_editor (self);
  aimak_activity_editor_focus (self->editor);
}

/* @data: the id of the deleted activity. */
static void
undo_delete (GtkWidget *page,
             gpointer   data)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (page);
  const char *id = data;
  g_autoptr(GError) error = NULL;
  AimakDb *db = self ? aimak_page_get_db (AIMAK_PAGE (self)) : NULL;

  if (db == NULL || !aimak_activity_undelete (db, id, &error))
    {
      if (error)
        aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  leave_current (self);
  aimak_activity_editor_load (self->editor, id, NULL);
  reload (self);
}

static void
capacity_delete (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (widget);
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  g_autofree char *id = g_strdup (aimak_activity_editor_get_id (self->editor));
  g_autoptr(GError) error = NULL;

  if (db == NULL || aimak_page_is_read_only (AIMAK_PAGE (self)) ||
      !aimak_activity_editor_is_shown (self->editor))
    return;
  if (id == NULL)
    {
      /* A new activity that was never saved: just drop it. */
      aimak_activity_editor_load (self->editor, NULL, NULL);
      show_list (self);
      return;
    }
  if (!aimak_activity_delete (db, id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  aimak_activity_editor_load (self->editor, NULL, NULL);
  show_list (self);
  reload (self);

  aimak_page_add_toast (AIMAK_PAGE (self),
                        aimak_undo_toast_new (_("Activity deleted"), widget, undo_delete,
                                              g_steal_pointer (&id), g_free));
}

static void
page_search (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------ */
/* Database, area and visibility                                             */

static void
update_area_filter (AimakCapacityPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  const char *code = aimak_page_get_area_code (AIMAK_PAGE (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(AimakArea) area = db && code ? aimak_area_get (db, code, NULL) : NULL;

  self->area_choice = area != NULL;
  if (area)
    {
      /* Translators: area filter of the activity list, e.g. "Suzak and below". */
      const char *name = aimak_area_name (area, aimak_db_get_language (db));
      g_autofree char *label = g_strdup_printf (_("%s and below"), name);
      gtk_string_list_append (list, label);
    }
  gtk_string_list_append (list, _("All areas"));
  self->reloading++;
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->area_filter, 0);
  self->reloading--;
}

/* The type filter's code list (declared in the .ui), in the database's language. */
static void
update_type_filter (AimakCapacityPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  g_autoptr(GError) error = NULL;

  self->reloading++;
  if (db && !aimak_code_list_load (AIMAK_CODE_LIST (gtk_drop_down_get_model (self->type_filter)),
                                   db, &error))
    aimak_page_show_error (AIMAK_PAGE (self), error);
  gtk_drop_down_set_selected (self->type_filter, 0);
  self->reloading--;
}

static void
update_read_only (AimakCapacityPage *self)
{
  gboolean ro = aimak_page_is_read_only (AIMAK_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capacity.add", !ro);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capacity.delete", !ro);
  aimak_activity_editor_set_read_only (self->editor, ro);
}

static void
aimak_capacity_page_db_changed (AimakPage *page)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (page);

  aimak_activity_editor_set_db (self->editor, aimak_page_get_db (page));
  update_type_filter (self);
  update_area_filter (self);
  update_read_only (self);
  reload (self);
}

static void
aimak_capacity_page_area_changed (AimakPage *page)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (page);

  aimak_activity_editor_set_selected_area (self->editor, aimak_page_get_area_code (page));
  update_area_filter (self);
  reload (self);
}

/* Other views and the command line change activities too: re-read when shown,
 * unless nothing changed since the list was read (as when the page was just
 * given the database). */
static void
aimak_capacity_page_map (GtkWidget *widget)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (widget);
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));

  GTK_WIDGET_CLASS (aimak_capacity_page_parent_class)->map (widget);
  if (db == NULL || db != self->loaded_db || aimak_db_change_stamp (db) != self->loaded_stamp)
    reload (self);
}

/* ------------------------------------------------------------------------ */
/* For tests                                                                 */

AimakActivityEditor *
aimak_capacity_page_get_editor (AimakCapacityPage *self)
{
  return self->editor;
}

GListModel *
aimak_capacity_page_get_model (AimakCapacityPage *self)
{
  return G_LIST_MODEL (self->selection);
}

const char *
aimak_capacity_page_get_totals_text (AimakCapacityPage *self)
{
  return gtk_label_get_text (self->totals_label);
}

const char *
aimak_capacity_page_get_roles_text (AimakCapacityPage *self)
{
  return gtk_label_get_text (self->roles_label);
}

void
aimak_capacity_page_set_search (AimakCapacityPage *self,
                                const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  reload (self);  /* without waiting for the entry's search delay */
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
aimak_capacity_page_dispose (GObject *object)
{
  AimakCapacityPage *self = AIMAK_CAPACITY_PAGE (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->browse_idle, g_source_remove);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_CAPACITY_PAGE);
  G_OBJECT_CLASS (aimak_capacity_page_parent_class)->dispose (object);
}

static void
aimak_capacity_page_class_init (AimakCapacityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AimakPageClass *page_class = AIMAK_PAGE_CLASS (klass);

  object_class->dispose = aimak_capacity_page_dispose;
  widget_class->map = aimak_capacity_page_map;
  page_class->db_changed = aimak_capacity_page_db_changed;
  page_class->area_changed = aimak_capacity_page_area_changed;

  g_type_ensure (AIMAK_TYPE_ACTIVITY_ROW);
  g_type_ensure (AIMAK_TYPE_CODE_LIST);
  g_type_ensure (AIMAK_TYPE_CODE_ITEM);
  g_type_ensure (AIMAK_TYPE_ACTIVITY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-capacity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, editor_header);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, type_column);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, selection);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, store);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, roles_label);
  gtk_widget_class_bind_template_child (widget_class, AimakCapacityPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_list_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "capacity.add", NULL, capacity_add);
  gtk_widget_class_install_action (widget_class, "capacity.delete", NULL, capacity_delete);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, page_search);
}

static void
aimak_capacity_page_init (AimakCapacityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Newest first until the user sorts otherwise. */
  aimak_capacity_page_set_cell_factories (self->column_view);
  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->list_scroller), "changed",
                           G_CALLBACK (on_list_width_changed), self, G_CONNECT_SWAPPED);
  update_type_filter (self);
  update_area_filter (self);
  show_totals (self, NULL);
}
