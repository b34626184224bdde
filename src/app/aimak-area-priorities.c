/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-priorities.c — the Priorities section of the profile. Counts
 * come from core (aimak_priority_counts()), the top rows from the same model
 * as the Priorities view, so both agree on order and names. The buttons ask
 * the window to open the Priorities view on this area (win.show-priorities,
 * win.add-priority, win.open-priority). */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-priorities-private.h"
#include "aimak-marker-badge.h"

struct _AimakAreaPriorities
{
  GtkWidget   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkLabel            *summary_label;
  GtkListBox          *top_list;
  GtkWidget           *show_all_button;
  GtkWidget           *add_button;

  /* Owned references */
  AimakDb             *db;
  char                *code;
  guint                n_top;
};

G_DEFINE_FINAL_TYPE (AimakAreaPriorities, aimak_area_priorities, GTK_TYPE_WIDGET)

static char *
counts_text (const AimakPriorityCounts *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (counts->total == 0)
    return g_strdup (_("No priorities recorded for this area yet"));
  /* Translators: first part of the profile's priority counts */
  g_string_append_printf (text, ngettext ("%u priority", "%u priorities", counts->total),
                          counts->total);
  g_string_append (text, ": ");
  for (guint i = 0; i < counts->by_status->len; i++)
    {
      AimakPriorityStatusCount *c = g_ptr_array_index (counts->by_status, i);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a status or a marker and how many priorities have it, "Draft: 2" */
      g_string_append_printf (text, C_("count", "%s: %u"), c->name, c->count);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Gender marker:"));
  for (int m = 2; m >= 0; m--)
    {
      g_autofree char *label = aimak_marker_label (m);

      g_string_append (text, m == 2 ? " " : ", ");
      g_string_append_printf (text, C_("count", "%s: %u"), label, counts->by_marker[m]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
top_row (AimakPriorityRow *row,
         const char       *own_code)
{
  GtkWidget *r = adw_action_row_new ();
  GtkWidget *badge = aimak_marker_badge_new ();
  const char *title = aimak_priority_row_get_title (row);
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a priority in the profile, "3. Title" */
  heading = g_strdup_printf (_("%d. %s"), aimak_priority_row_get_rank (row),
                             title && *title ? title : _("Untitled Priority"));
  if (g_strcmp0 (aimak_priority_row_get_area_code (row), own_code) != 0)
    /* Translators: subtitle of a priority in the profile: area · status */
    subtitle = g_strdup_printf (_("%s · %s"), aimak_priority_row_get_area_name (row),
                                aimak_priority_row_get_status_label (row));
  else
    subtitle = g_strdup (aimak_priority_row_get_status_label (row));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), heading);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (r), 2);
  gtk_widget_set_tooltip_text (r, heading);
  aimak_marker_badge_set_marker (AIMAK_MARKER_BADGE (badge),
                                 aimak_priority_row_get_marker (row));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
  g_object_set_data_full (G_OBJECT (r), "priority-id",
                          g_strdup (aimak_priority_row_get_id (row)), g_free);
  return r;
}

/* Reads the counts and the top priorities again (after edits elsewhere). */
static void
aimak_area_priorities_reload (AimakAreaPriorities *self)
{
  g_autoptr(AimakPriorityCounts) counts = NULL;
  g_autoptr(AimakPriorityModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AimakPriorityFilter filter;
  GtkWidget *child;

  g_return_if_fail (AIMAK_IS_AREA_PRIORITIES (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->top_list))))
    gtk_list_box_remove (self->top_list, child);
  self->n_top = 0;
  if (self->db == NULL || self->code == NULL)
    return;

  aimak_marker_names_load (self->db);
  counts = aimak_priority_counts (self->db, self->code, &error);
  if (counts == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  text = counts_text (counts);
  gtk_label_set_text (self->summary_label, text);

  model = aimak_priority_model_new (self->db);
  aimak_priority_filter_init (&filter);
  filter.area_code = g_strdup (self->code);
  if (aimak_priority_model_set_filter (model, &filter, NULL))
    {
      guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), AIMAK_AREA_PRIORITIES_TOP);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AimakPriorityRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

          gtk_list_box_append (self->top_list, top_row (row, self->code));
        }
      self->n_top = n;
    }
  aimak_priority_filter_clear (&filter);
  gtk_widget_set_visible (GTK_WIDGET (self->top_list), self->n_top > 0);
  gtk_widget_set_sensitive (self->show_all_button, counts->total > 0);
  gtk_widget_set_sensitive (self->add_button, !aimak_db_is_read_only (self->db));
}

void
aimak_area_priorities_set_area (AimakAreaPriorities *self,
                                AimakDb             *db,
                                const char          *code)
{
  g_return_if_fail (AIMAK_IS_AREA_PRIORITIES (self));
  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
    }
  g_free (self->code);
  self->code = g_strdup (code);
  aimak_area_priorities_reload (self);
}

const char *
aimak_area_priorities_get_summary (AimakAreaPriorities *self)
{
  g_return_val_if_fail (AIMAK_IS_AREA_PRIORITIES (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

guint
aimak_area_priorities_get_n_top (AimakAreaPriorities *self)
{
  g_return_val_if_fail (AIMAK_IS_AREA_PRIORITIES (self), 0);
  return self->n_top;
}

GtkWidget *
aimak_area_priorities_get_widget (AimakAreaPriorities *self,
                                  const char          *name)
{
  g_return_val_if_fail (AIMAK_IS_AREA_PRIORITIES (self), NULL);
  if (g_str_equal (name, "show-all"))
    return self->show_all_button;
  if (g_str_equal (name, "add"))
    return self->add_button;
  if (g_str_equal (name, "top-list"))
    return GTK_WIDGET (self->top_list);
  return NULL;
}

static void
on_show_all (AimakAreaPriorities *self)
{
  if (self->code)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-priorities", "s", self->code);
}

static void
on_add (AimakAreaPriorities *self)
{
  if (self->code)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.add-priority", "s", self->code);
}

static void
on_row_activated (AimakAreaPriorities *self,
                  GtkListBoxRow       *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "priority-id");

  if (self->code && id)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-priority", "(ss)", self->code, id);
}

/* Priorities change in another view: coming back to the profile shows them. */
static void
aimak_area_priorities_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aimak_area_priorities_parent_class)->map (widget);
  aimak_area_priorities_reload (AIMAK_AREA_PRIORITIES (widget));
}

static void
aimak_area_priorities_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_AREA_PRIORITIES);
  G_OBJECT_CLASS (aimak_area_priorities_parent_class)->dispose (object);
}

static void
aimak_area_priorities_finalize (GObject *object)
{
  AimakAreaPriorities *self = AIMAK_AREA_PRIORITIES (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_free (self->code);
  G_OBJECT_CLASS (aimak_area_priorities_parent_class)->finalize (object);
}

static void
aimak_area_priorities_class_init (AimakAreaPrioritiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_area_priorities_dispose;
  object_class->finalize = aimak_area_priorities_finalize;
  widget_class->map = aimak_area_priorities_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-area-priorities.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakAreaPriorities, group);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaPriorities, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaPriorities, top_list);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaPriorities, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaPriorities, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_area_priorities_init (AimakAreaPriorities *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
