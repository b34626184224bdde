/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-map-input.c — what is under a point, tooltips, pointer, and the
 * keyboard (arrows move to the nearest area in that direction). */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-map-private.h"

/* ---- picking ---- */

const char *
aimak_map_get_code_at (AimakMap *self,
                       double    x,
                       double    y)
{
  Transform t;
  double lon, lat;
  const AimakGeoFeature *f;

  g_return_val_if_fail (AIMAK_IS_MAP (self), NULL);
  if (!aimak_map_ensure_geo (self))
    return NULL;
  aimak_map_current_transform (self, &t);
  /* Points first: the cities are holes and pilot ayil aimaks sit inside districts. */
  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);
      double px, py;

      if (!p->is_city && !p->is_pilot)
        continue;
      aimak_map_to_screen (&t, p->lon, p->lat, &px, &py);
      if (hypot (px - x, py - y) <= 8)
        return p->code;
    }
  aimak_map_to_geo (&t, x, y, &lon, &lat);
  f = aimak_geo_hit (self->geo, lon, lat);
  return f ? f->code : NULL;
}

gboolean
aimak_map_get_area_point (AimakMap   *self,
                          const char *code,
                          double     *x,
                          double     *y)
{
  const AimakGeoFeature *f;
  Transform t;

  g_return_val_if_fail (AIMAK_IS_MAP (self), FALSE);
  if (code == NULL || !aimak_map_ensure_geo (self))
    return FALSE;
  aimak_map_current_transform (self, &t);
  if ((f = aimak_geo_lookup (self->geo, code)))
    {
      aimak_map_to_screen (&t, f->center_x, f->center_y, x, y);
      return TRUE;
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);

      if (g_strcmp0 (p->code, code) == 0 && (p->is_city || p->is_pilot))
        {
          aimak_map_to_screen (&t, p->lon, p->lat, x, y);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
aimak_map_activate_at (AimakMap *self,
                       double    x,
                       double    y)
{
  const char *code = aimak_map_get_code_at (self, x, y);
  g_autofree char *copy = NULL;

  if (code == NULL)
    return FALSE;
  copy = g_strdup (code);
  g_free (self->cursor);
  self->cursor = g_strdup (copy);
  g_signal_emit_by_name (self, "area-activated", copy);
  return TRUE;
}

static char *
describe_area (AimakMap   *self,
               const char *code)
{
  AimakArea *a = g_hash_table_lookup (self->areas, code);
  gboolean pilot = a ? a->is_pilot : g_hash_table_contains (self->pilot_features, code);

  if (a && pilot)
    return g_strdup_printf (_("%s (%s), pilot area"), aimak_map_area_name (self, code),
                            aimak_area_type_label (a->type));
  if (a)
    return g_strdup_printf ("%s (%s)", aimak_map_area_name (self, code), aimak_area_type_label (a->type));
  return g_strdup (aimak_map_area_name (self, code));
}

gboolean
aimak_map_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  AimakMap *self = AIMAK_MAP (widget);
  const char *code = keyboard ? self->cursor : aimak_map_get_code_at (self, x, y);
  g_autofree char *text = NULL;

  if (code == NULL)
    return FALSE;
  text = describe_area (self, code);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
aimak_map_on_motion (GtkEventControllerMotion *motion,
                     double                    x,
                     double                    y,
                     AimakMap                 *self)
{
  const char *code = aimak_map_get_code_at (self, x, y);

  if (g_strcmp0 (code, self->hover) == 0)
    return;
  g_free (self->hover);
  self->hover = g_strdup (code);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), code ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
aimak_map_on_leave (GtkEventControllerMotion *motion,
                    AimakMap                 *self)
{
  g_clear_pointer (&self->hover, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
aimak_map_on_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    AimakMap         *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  aimak_map_activate_at (self, x, y);
}

/* ---- keyboard: arrows move to the nearest area in that direction ---- */

static gboolean
area_screen_point (AimakMap   *self,
                   const char *code,
                   double     *x,
                   double     *y)
{
  return aimak_map_get_area_point (self, code, x, y);
}

void
aimak_map_update_accessible (AimakMap *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->selected)
    g_string_append_printf (text, _("Selected: %s."), aimak_map_area_name (self, self->selected));
  if (self->cursor)
    {
      g_autofree char *d = describe_area (self, self->cursor);
      g_string_append_printf (text, " %s", d);
    }
  g_string_append_printf (text, " %s",
                          _("Use the arrow keys to move between areas and Enter to open one."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, g_strstrip (text->str), -1);
}

static void
move_cursor (AimakMap *self,
             double    dx,
             double    dy)
{
  if (self->geo == NULL)
    return;
  {
  double cx, cy, best = G_MAXDOUBLE;
  const char *best_code = NULL;
  guint n = aimak_geo_get_n_features (self->geo);

  if (self->cursor == NULL || !area_screen_point (self, self->cursor, &cx, &cy))
    {
      const char *start = self->highlighted->len ? g_ptr_array_index (self->highlighted, 0)
                                                 : aimak_geo_get_feature (self->geo, 0)->code;
      g_free (self->cursor);
      self->cursor = g_strdup (start);
      aimak_map_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  for (guint i = 0; i < n + self->points->len; i++)
    {
      const char *code;
      double x, y, along, across, score;

      if (i < n)
        code = aimak_geo_get_feature (self->geo, i)->code;
      else
        {
          MapPoint *p = g_ptr_array_index (self->points, i - n);
          if (!p->is_city)
            continue;
          code = p->code;
        }
      if (g_strcmp0 (code, self->cursor) == 0 || !area_screen_point (self, code, &x, &y))
        continue;
      along = (x - cx) * dx + (y - cy) * dy;
      across = fabs ((x - cx) * dy - (y - cy) * dx);
      if (along <= 1)
        continue;
      /* Prefer areas straight ahead over ones far to the side. */
      score = along + 2.5 * across;
      if (score < best)
        {
          best = score;
          best_code = code;
        }
    }
  if (best_code)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_free (self->cursor);
      self->cursor = g_strdup (best_code);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
      aimak_map_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
  }
}

gboolean
aimak_map_on_key_pressed (GtkEventControllerKey *key,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          AimakMap              *self)
{
  if (self->geo == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: move_cursor (self, -1, 0); return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: move_cursor (self, 1, 0); return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: move_cursor (self, 0, -1); return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: move_cursor (self, 0, 1); return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (self->cursor)
        {
          g_autofree char *code = g_strdup (self->cursor);
          g_signal_emit_by_name (self, "area-activated", code);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

void
aimak_map_on_focus_enter (GtkEventControllerFocus *focus,
                          AimakMap                *self)
{
  if (self->cursor == NULL && self->geo)
    {
      self->cursor = g_strdup (self->highlighted->len ? g_ptr_array_index (self->highlighted, 0)
                                                      : aimak_geo_get_feature (self->geo, 0)->code);
      aimak_map_update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
aimak_map_on_focus_leave (GtkEventControllerFocus *focus,
                          AimakMap                *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

