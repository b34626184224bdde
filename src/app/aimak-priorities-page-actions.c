/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page-actions.c — the Priorities view's actions: search,
 * clear filters, new, delete (with undo), move, duplicate. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aimak-area-item.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page-private.h"
#include "aimak-toast.h"
#include "aimak-undo-toast.h"

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static gboolean
can_edit (AimakPrioritiesPage *self)
{
  return aimak_page_get_db (AIMAK_PAGE (self)) && !aimak_page_is_read_only (AIMAK_PAGE (self));
}

/* The open priority's id once its edits are saved, for an action on it (delete,
 * move, duplicate); NULL when none is open or the database cannot be written. */
static const char *
flushed_priority_id (AimakPrioritiesPage *self)
{
  if (aimak_priority_editor_get_id (self->editor) == NULL || !can_edit (self))
    return NULL;
  aimak_priority_editor_flush (self->editor);
  return aimak_priority_editor_get_id (self->editor);
}

void
aimak_priorities_page_update_actions (AimakPrioritiesPage *self)
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

void
aimak_priorities_page_action_search (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
aimak_priorities_page_clear_filters (AimakPrioritiesPage *self)
{
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->marker_dropdown, 0);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  self->updating--;
  aimak_priorities_page_apply_filter (self);
}

void
aimak_priorities_page_action_clear_filters (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  aimak_priorities_page_clear_filters (AIMAK_PRIORITIES_PAGE (widget));
}

/* After a new priority appears: make sure the list shows it, then open it. */
static void
show_new (AimakPrioritiesPage *self,
          const char          *id)
{
  aimak_priorities_page_requery (self, NULL, NULL);
  if (aimak_priority_model_find (self->model, id) < 0)
    aimak_priorities_page_clear_filters (self);
  /* Still hidden: it is in another area than the listed one, so list that area. */
  if (aimak_priority_model_find (self->model, id) < 0)
    {
      g_autoptr(AimakPriority) p = aimak_priority_load (aimak_page_get_db (AIMAK_PAGE (self)),
                                                        id, NULL);
      if (p)
        aimak_priorities_page_set_scope (self, p->area_code);
    }
  aimak_priorities_page_open_priority (self, id);
  aimak_priorities_page_update_list_state (self);
  aimak_priorities_page_update_banners (self);
  aimak_priorities_page_show_editor (self);
  aimak_priority_editor_focus_title (self->editor);
}

void
aimak_priorities_page_action_new (GtkWidget  *widget,
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
  if (!aimak_page_check_area_for_new (AIMAK_PAGE (self), area,
                                      _("Choose an area first: every priority belongs to an area")))
    return;
  aimak_priority_editor_flush (self->editor);
  p = aimak_priority_new (area);
  if (!aimak_priority_create (db, p, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  show_new (self, p->id);
}

/* @data: the id of the deleted priority. */
static void
undo_delete (GtkWidget *page,
             gpointer   data)
{
  g_autoptr(GError) error = NULL;

  if (page == NULL || !can_edit (AIMAK_PRIORITIES_PAGE (page)))
    return;
  if (!aimak_priority_undelete (aimak_page_get_db (AIMAK_PAGE (page)), data, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (page), error);
      return;
    }
  show_new (AIMAK_PRIORITIES_PAGE (page), data);
}

void
aimak_priorities_page_action_delete (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  guint pos = gtk_single_selection_get_selected (self->selection);
  g_autofree char *id = g_strdup (flushed_priority_id (self));
  g_autoptr(GError) error = NULL;
  guint n;
  g_autofree char *next_id = NULL;

  if (id == NULL)
    return;
  if (!aimak_priority_delete (aimak_page_get_db (AIMAK_PAGE (self)), id, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  aimak_priority_editor_load (self->editor, NULL, NULL);
  aimak_priorities_page_requery (self, NULL, NULL);

  /* The row that takes the deleted one's place is opened, so Delete can go on. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n > 0 && pos != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (self->slots,
                                                                      MIN (pos, n - 1));
      next_id = g_strdup (aimak_priority_row_get_id (row));
    }
  aimak_priorities_page_open_priority (self, next_id);
  aimak_priorities_page_update_list_state (self);
  aimak_priorities_page_update_banners (self);
  if (next_id == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  aimak_page_add_toast (AIMAK_PAGE (self),
                        aimak_undo_toast_new (_("Priority deleted"), widget, undo_delete,
                                              g_steal_pointer (&id), g_free));
}

void
aimak_priorities_page_action_move (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  const char *id = flushed_priority_id (self);
  g_autoptr(GError) error = NULL;
  int delta = g_str_equal (action_name, "page.move-up") ? -1 : 1;

  if (id == NULL)
    return;
  if (!aimak_priority_move (aimak_page_get_db (AIMAK_PAGE (self)), id, delta, &error))
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  aimak_priority_editor_reload (self->editor);
  aimak_priorities_page_reload (self);
}

void
aimak_priorities_page_action_duplicate (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  AimakPrioritiesPage *self = AIMAK_PRIORITIES_PAGE (widget);
  const char *id = flushed_priority_id (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;

  if (id == NULL)
    return;
  copy = aimak_priority_duplicate (aimak_page_get_db (AIMAK_PAGE (self)), id, &error);
  if (copy == NULL)
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  show_new (self, copy);
  aimak_toast_show (GTK_WIDGET (self), _("Priority duplicated"));
}

