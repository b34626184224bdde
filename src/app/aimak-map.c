/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-map.c — the map is tessellated once into a cached render node for a
 * given size, theme and selection. While the widget is resized the cached
 * node is only scaled; a new one is drawn once the size has settled. Hover
 * and keyboard focus are drawn over the cache as single outlines.
 * The parts are in aimak-map-*.c (see aimak-map-private.h). */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-map-private.h"
#include "aimak-task.h"

G_DEFINE_FINAL_TYPE (AimakMap, aimak_map, GTK_TYPE_WIDGET)

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- data ---- */

static void
compute_highlight (AimakMap *self)
{
  AimakArea *a = self->selected ? g_hash_table_lookup (self->areas, self->selected) : NULL;

  g_ptr_array_set_size (self->highlighted, 0);
  g_clear_pointer (&self->selected_point, g_free);
  if (a == NULL || self->geo == NULL)
    return;
  if (a->level == 3)
    {
      if (a->parent_code && aimak_geo_lookup (self->geo, a->parent_code))
        g_ptr_array_add (self->highlighted, g_strdup (a->parent_code));
      self->selected_point = g_strdup (a->code);
    }
  else if (a->level == 2 && aimak_geo_lookup (self->geo, a->code))
    g_ptr_array_add (self->highlighted, g_strdup (a->code));
  else if (a->level == 1)
    {
      for (guint i = 0; i < aimak_geo_get_n_features (self->geo); i++)
        {
          const AimakGeoFeature *f = aimak_geo_get_feature (self->geo, i);
          if (g_strcmp0 (f->parent_code, a->code) == 0)
            g_ptr_array_add (self->highlighted, g_strdup (f->code));
        }
      /* Bishkek and Osh city have no districts on the map: their point. */
      if (self->highlighted->len == 0)
        g_ptr_array_add (self->highlighted, g_strdup (a->code));
    }
}

/* Areas, pilots and city points from the database; needs the map. */
static void
load_areas (AimakMap *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AimakDb *db = self->db;

  if (self->geo == NULL)
    return;
  g_hash_table_remove_all (self->areas);
  g_hash_table_remove_all (self->pilot_features);
  g_ptr_array_set_size (self->points, 0);
  g_clear_pointer (&self->lang, g_free);
  if (db)
    {
      self->lang = g_strdup (aimak_db_get_language (db));
      list = aimak_area_list (db, -1, &error);
      if (list == NULL)
        g_warning ("Cannot read areas for the map: %s", error->message);
    }
  if (list)
    {
      /* The table takes the areas over. */
      g_ptr_array_set_free_func (list, NULL);
      for (guint i = 0; i < list->len; i++)
        {
          AimakArea *a = g_ptr_array_index (list, i);
          g_hash_table_insert (self->areas, a->code, a);
        }
    }
  {
    GHashTableIter iter;
    AimakArea *a;

    g_hash_table_iter_init (&iter, self->areas);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &a))
      {
        gboolean city = a->level == 1 && self->geo && !isnan (a->lat) &&
                        !aimak_geo_lookup (self->geo, a->code);

        if (city)
          {
            for (guint i = 0; i < aimak_geo_get_n_features (self->geo); i++)
              if (g_strcmp0 (aimak_geo_get_feature (self->geo, i)->parent_code, a->code) == 0)
                city = FALSE;
          }
        if (a->is_pilot && a->level == 2)
          g_hash_table_add (self->pilot_features, g_strdup (a->code));
        if (a->is_pilot && a->level == 3 && a->parent_code)
          g_hash_table_add (self->pilot_features, g_strdup (a->parent_code));
        if (city || (a->level == 3 && !isnan (a->lat) && !isnan (a->lon)))
          {
            MapPoint *p = g_new0 (MapPoint, 1);
            p->code = g_strdup (a->code);
            p->lon = a->lon;
            p->lat = a->lat;
            p->is_city = city;
            p->is_pilot = a->is_pilot;
            g_ptr_array_add (self->points, p);
          }
      }
  }
  compute_highlight (self);
  aimak_map_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  aimak_map_invalidate (self);
}

/* The widget reads the map in a thread so that the window opens without
 * waiting ~0.2 s for the GeoJSON; a query that needs it before then waits. */
gboolean
aimak_map_ensure_geo (AimakMap *self)
{
  g_autoptr(GError) error = NULL;

  if (self->geo)
    return TRUE;
  self->geo = aimak_geo_get_default (&error);
  if (self->geo == NULL)
    {
      g_warning ("Cannot load the map: %s", error->message);
      return FALSE;
    }
  load_areas (self);
  return TRUE;
}

static void
load_geo_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  AimakGeo *geo = aimak_geo_get_default (&error);

  aimak_task_return_result (task, geo, (GDestroyNotify) aimak_geo_unref, error);
}

static void
on_geo_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AimakMap *self = AIMAK_MAP (source);
  g_autoptr(GError) error = NULL;
  AimakGeo *geo = g_task_propagate_pointer (G_TASK (result), &error);

  if (geo == NULL)
    {
      g_warning ("Cannot load the map: %s", error->message);
      return;
    }
  if (self->geo)
    {
      aimak_geo_unref (geo);
      return;
    }
  self->geo = geo;
  load_areas (self);
}

void
aimak_map_set_db (AimakMap *self,
                  AimakDb  *db)
{
  g_return_if_fail (AIMAK_IS_MAP (self));
  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
    }
  load_areas (self);
}

void
aimak_map_set_selected (AimakMap   *self,
                        const char *code)
{
  g_return_if_fail (AIMAK_IS_MAP (self));
  if (g_strcmp0 (self->selected, code) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (code);
  compute_highlight (self);
  aimak_map_update_accessible (self);
  aimak_map_invalidate (self);
}

const char *
aimak_map_get_selected_code (AimakMap *self)
{
  g_return_val_if_fail (AIMAK_IS_MAP (self), NULL);
  return self->selected;
}

GPtrArray *
aimak_map_get_highlighted_codes (AimakMap *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (AIMAK_IS_MAP (self), codes);
  aimak_map_ensure_geo (self);
  for (guint i = 0; i < self->highlighted->len; i++)
    g_ptr_array_add (codes, g_strdup (g_ptr_array_index (self->highlighted, i)));
  return codes;
}

GPtrArray *
aimak_map_get_pilot_codes (AimakMap *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *code;

  g_return_val_if_fail (AIMAK_IS_MAP (self), codes);
  aimak_map_ensure_geo (self);
  g_hash_table_iter_init (&iter, self->pilot_features);
  while (g_hash_table_iter_next (&iter, (gpointer *) &code, NULL))
    g_ptr_array_add (codes, g_strdup (code));
  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);
      if (p->is_pilot)
        g_ptr_array_add (codes, g_strdup (p->code));
    }
  return codes;
}

guint
aimak_map_get_n_renders (AimakMap *self)
{
  return self->n_renders;
}

static void
on_scale_factor (GObject    *object,
                 GParamSpec *pspec,
                 AimakMap   *self)
{
  aimak_map_invalidate (self);
}

static void
aimak_map_dispose (GObject *object)
{
  AimakMap *self = AIMAK_MAP (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  G_OBJECT_CLASS (aimak_map_parent_class)->dispose (object);
}

static void
aimak_map_finalize (GObject *object)
{
  AimakMap *self = AIMAK_MAP (object);

  g_clear_pointer (&self->geo, aimak_geo_unref);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_hash_table_unref (self->areas);
  g_hash_table_unref (self->pilot_features);
  g_ptr_array_unref (self->points);
  g_ptr_array_unref (self->highlighted);
  g_free (self->lang);
  g_free (self->selected);
  g_free (self->selected_point);
  g_free (self->hover);
  g_free (self->cursor);
  G_OBJECT_CLASS (aimak_map_parent_class)->finalize (object);
}

static void
aimak_map_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (aimak_map_parent_class)->css_changed (widget, change);
  /* Most style changes are state changes (hover, focus, backdrop) that leave
   * the colours alone; snapshot() compares the colours and redraws if needed. */
  gtk_widget_queue_draw (widget);
}

static void
aimak_map_class_init (AimakMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_map_dispose;
  object_class->finalize = aimak_map_finalize;
  widget_class->snapshot = aimak_map_snapshot;
  widget_class->measure = aimak_map_measure;
  widget_class->get_request_mode = aimak_map_get_request_mode;
  widget_class->css_changed = aimak_map_css_changed;
  widget_class->query_tooltip = aimak_map_query_tooltip;

  signals[AREA_ACTIVATED] = g_signal_new ("area-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aimak_map_init (AimakMap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GTask) task = NULL;

  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) aimak_area_free);
  self->pilot_features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_map_map_point_free);
  self->highlighted = g_ptr_array_new_with_free_func (g_free);
  task = g_task_new (self, NULL, on_geo_loaded, NULL);
  g_task_run_in_thread (task, load_geo_thread);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "aimak-map");
  g_signal_connect (motion, "motion", G_CALLBACK (aimak_map_on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (aimak_map_on_leave), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (click, "released", G_CALLBACK (aimak_map_on_click), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (aimak_map_on_key_pressed), self);
  gtk_widget_add_controller (widget, key);
  g_signal_connect (focus, "enter", G_CALLBACK (aimak_map_on_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (aimak_map_on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of Kyrgyzstan's districts"), -1);
  aimak_map_update_accessible (self);
}

GtkWidget *
aimak_map_new (void)
{
  return g_object_new (AIMAK_TYPE_MAP, NULL);
}
