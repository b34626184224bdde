/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-map-render.c — the map drawn: projection, the cached render node,
 * hover and focus outlines, the legend, and the size asked for. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-map-private.h"
#include "aimak-widget-util.h"

static void theme_colors (AimakMap *self, GdkRGBA colors[3]);


void
aimak_map_map_point_free (MapPoint *p)
{
  g_free (p->code);
  g_free (p);
}

/* The legend's three entries, in the order drawn. */
static void
legend_labels (const char *labels[3])
{
  labels[0] = _("Selected");
  labels[1] = _("Pilot area");
  labels[2] = C_("map legend", "Bishkek, Osh");
}

/* Lays the legend out for @width: where each entry starts (x, and its line
 * from 0) and how many lines it needs. An entry that does not fit after
 * another goes to the next line, so a narrow window or a long translation
 * never cuts one off. */
static guint
legend_layout (GtkWidget *widget,
               double     width,
               double     xs[3],
               guint      lines_of[3])
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  const char *labels[3];
  double x = MAP_PAD;
  guint line = 0;

  legend_labels (labels);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int tw, th;
      double item;

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      item = 24 + tw;
      if (i > 0 && x + item > width - MAP_PAD)
        {
          line++;
          x = MAP_PAD;
        }
      xs[i] = x;
      lines_of[i] = line;
      x += item + 18;
    }
  return line + 1;
}

static double
legend_height (GtkWidget *widget,
               double     width)
{
  double xs[3];
  guint lines_of[3];

  return LEGEND_H * legend_layout (widget, width, xs, lines_of);
}

static double
map_height (AimakMap *self,
            double    height)
{
  return MAX (height - legend_height (GTK_WIDGET (self), gtk_widget_get_width (GTK_WIDGET (self))),
              10);
}

static void
transform_for (AimakMap  *self,
               double     w,
               double     h,
               Transform *t)
{
  double min_x, min_y, max_x, max_y, gw, gh;

  aimak_geo_get_bounds (self->geo, &min_x, &min_y, &max_x, &max_y);
  t->xs = aimak_geo_x_scale (self->geo);
  gw = (max_x - min_x) * t->xs;
  gh = max_y - min_y;
  t->k = MIN ((w - 2 * MAP_PAD) / gw, (h - 2 * MAP_PAD) / gh);
  t->k = MAX (t->k, 0.01);
  t->ox = (w - gw * t->k) / 2;
  t->oy = (h - gh * t->k) / 2;
  t->min_x = min_x;
  t->max_y = max_y;
}

void
aimak_map_to_screen (const Transform *t,
                     double           lon,
                     double           lat,
                     double          *x,
                     double          *y)
{
  *x = t->ox + (lon - t->min_x) * t->xs * t->k;
  *y = t->oy + (t->max_y - lat) * t->k;
}

void
aimak_map_to_geo (const Transform *t,
                  double           x,
                  double           y,
                  double          *lon,
                  double          *lat)
{
  *lon = (x - t->ox) / (t->xs * t->k) + t->min_x;
  *lat = t->max_y - (y - t->oy) / t->k;
}

void
aimak_map_current_transform (AimakMap  *self,
                             Transform *t)
{
  transform_for (self, gtk_widget_get_width (GTK_WIDGET (self)),
                 map_height (self, gtk_widget_get_height (GTK_WIDGET (self))), t);
}

/* Rings as one path; points closer than half a pixel are dropped, which
 * divides the work by ten at typical sizes without a visible change. */
static void
feature_path (cairo_t               *cr,
              const Transform       *t,
              const AimakGeoFeature *f)
{
  cairo_new_path (cr);
  for (guint r = 0; r < f->ring_starts->len; r++)
    {
      guint s = g_array_index (f->ring_starts, guint, r);
      guint e = r + 1 < f->ring_starts->len ? g_array_index (f->ring_starts, guint, r + 1)
                                            : f->points->len;
      double lx = -1e9, ly = -1e9;

      for (guint i = s; i < e; i++)
        {
          const AimakGeoPoint *p = &g_array_index (f->points, AimakGeoPoint, i);
          double x, y;

          aimak_map_to_screen (t, p->x, p->y, &x, &y);
          if (i == s)
            cairo_move_to (cr, x, y);
          else if (fabs (x - lx) + fabs (y - ly) >= 0.5 || i + 1 == e)
            cairo_line_to (cr, x, y);
          else
            continue;
          lx = x;
          ly = y;
        }
      cairo_close_path (cr);
    }
}

static void
color (GtkWidget  *widget,
       const char *name,
       const char *fallback,
       GdkRGBA    *rgba)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

static gboolean
is_highlighted (AimakMap   *self,
                const char *code)
{
  for (guint i = 0; i < self->highlighted->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->highlighted, i), code) == 0)
      return TRUE;
  return FALSE;
}

const char *
aimak_map_area_name (AimakMap   *self,
                     const char *code)
{
  AimakArea *a = g_hash_table_lookup (self->areas, code);
  const AimakGeoFeature *f;

  if (a)
    return aimak_area_name (a, self->lang);
  f = self->geo ? aimak_geo_lookup (self->geo, code) : NULL;
  return f ? aimak_geo_feature_name (f, self->lang) : code;
}

static void
hatch (cairo_t       *cr,
       double         x1,
       double         y1,
       double         x2,
       double         y2,
       const GdkRGBA *rgba)
{
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_set_line_width (cr, 1.4);
  for (double d = x1 - (y2 - y1); d < x2; d += 5)
    {
      cairo_move_to (cr, d, y2);
      cairo_line_to (cr, d + (y2 - y1), y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_point (cairo_t       *cr,
            double         x,
            double         y,
            double         r,
            const GdkRGBA *fill,
            const GdkRGBA *ring)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, ring);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* Everything that changes only with size, theme and selection. */
static GskRenderNode *
render_map (AimakMap *self,
            double    w,
            double    h)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, land, border, accent, pilot, bg;
  Transform t;

  self->n_renders++;
  transform_for (self, w, h, &t);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  color (widget, "accent_bg_color", "#3584e4", &accent);
  color (widget, "aimak_map_pilot", "#9141ac", &pilot);
  color (widget, "view_bg_color", "#ffffff", &bg);
  /* Land a step apart from the card, its boundaries at least 3:1 (ui/style*.css). */
  color (widget, "aimak_map_land", "#c0bfbc", &land);
  color (widget, "aimak_map_border", "#5e5c64", &border);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  for (guint i = 0; i < aimak_geo_get_n_features (self->geo); i++)
    {
      const AimakGeoFeature *f = aimak_geo_get_feature (self->geo, i);
      gboolean sel = is_highlighted (self, f->code);

      feature_path (cr, &t, f);
      gdk_cairo_set_source_rgba (cr, &land);
      cairo_fill_preserve (cr);
      if (sel)
        {
          GdkRGBA a = accent;
          a.alpha = 0.8;
          gdk_cairo_set_source_rgba (cr, &a);
          cairo_fill_preserve (cr);
        }
      if (g_hash_table_contains (self->pilot_features, f->code))
        {
          double x1, y1, x2, y2;

          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
          hatch (cr, x1, y1, x2, y2, &pilot);
          cairo_restore (cr);
        }
      gdk_cairo_set_source_rgba (cr, &border);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }

  /* Outlines on top so neighbours do not paint over them. */
  for (guint i = 0; i < aimak_geo_get_n_features (self->geo); i++)
    {
      const AimakGeoFeature *f = aimak_geo_get_feature (self->geo, i);
      gboolean sel = is_highlighted (self, f->code);
      gboolean pil = g_hash_table_contains (self->pilot_features, f->code);

      if (!sel && !pil)
        continue;
      feature_path (cr, &t, f);
      gdk_cairo_set_source_rgba (cr, pil ? &pilot : &fg);
      cairo_set_line_width (cr, pil ? 2.0 : 1.4);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);
      gboolean sel = is_highlighted (self, p->code) || g_strcmp0 (p->code, self->selected_point) == 0;
      double x, y;

      aimak_map_to_screen (&t, p->lon, p->lat, &x, &y);
      if (p->is_city)
        {
          int tw, th;

          draw_point (cr, x, y, sel ? 6.5 : 4.5, sel ? &accent : &fg, &bg);
          pango_layout_set_text (layout, aimak_map_area_name (self, p->code), -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          /* Labels outside the country's outline would overlap neighbours:
           * Bishkek's goes above, Osh's below its point. */
          /* A halo in the background colour keeps the name readable over borders. */
          cairo_move_to (cr, x - tw / 2.0, p->lat > 41.5 ? y - th - 6 : y + 6);
          pango_cairo_layout_path (cr, layout);
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_move_to (cr, x - tw / 2.0, p->lat > 41.5 ? y - th - 6 : y + 6);
          pango_cairo_show_layout (cr, layout);
        }
      else if (p->is_pilot || sel)
        draw_point (cr, x, y, sel ? 5 : 3.5, sel ? &fg : &pilot, &bg);
    }

  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

void
aimak_map_invalidate (AimakMap *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rebuild_timeout (gpointer data)
{
  AimakMap *self = data;

  self->rebuild_id = 0;
  aimak_map_invalidate (self);
  return G_SOURCE_REMOVE;
}

static void
draw_outline (AimakMap      *self,
              GtkSnapshot   *snapshot,
              const char    *code,
              const GdkRGBA *rgba,
              gboolean       dashed)
{
  const AimakGeoFeature *f = aimak_geo_lookup (self->geo, code);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  Transform t;
  cairo_t *cr;

  aimak_map_current_transform (self, &t);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_set_line_width (cr, 2.5);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  if (f)
    {
      feature_path (cr, &t, f);
      cairo_stroke (cr);
    }
  else
    {
      double x, y;

      if (aimak_map_get_area_point (self, code, &x, &y))
        {
          cairo_arc (cr, x, y, 9, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

static void
draw_legend (AimakMap    *self,
             GtkSnapshot *snapshot,
             double       y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int w = gtk_widget_get_width (widget);
  double xs[3];
  guint lines_of[3];
  guint lines = legend_layout (widget, w, xs, lines_of);
  double top = y;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, y, w, LEGEND_H * lines));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent, pilot, bg, land;
  const char *labels[3];
  double x;

  legend_labels (labels);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  color (widget, "accent_bg_color", "#3584e4", &accent);
  color (widget, "aimak_map_pilot", "#9141ac", &pilot);
  color (widget, "view_bg_color", "#ffffff", &bg);
  land = fg;
  land.alpha *= 0.09;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int tw, th;
      double sy;

      x = xs[i];
      y = top + LEGEND_H * lines_of[i];
      sy = y + (LEGEND_H - 14) / 2;

      if (i == 0)
        {
          GdkRGBA a = accent;
          a.alpha = 0.8;
          cairo_rectangle (cr, x, sy, 18, 14);
          gdk_cairo_set_source_rgba (cr, &a);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, 1.2);
          cairo_stroke (cr);
        }
      else if (i == 1)
        {
          cairo_save (cr);
          cairo_rectangle (cr, x, sy, 18, 14);
          gdk_cairo_set_source_rgba (cr, &land);
          cairo_fill_preserve (cr);
          cairo_clip_preserve (cr);
          hatch (cr, x, sy, x + 18, sy + 14, &pilot);
          gdk_cairo_set_source_rgba (cr, &pilot);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        draw_point (cr, x + 9, sy + 7, 4.5, &fg, &bg);
      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x + 24, y + (LEGEND_H - th) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
}

void
aimak_map_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  AimakMap *self = AIMAK_MAP (widget);
  double w = gtk_widget_get_width (widget);
  double h = map_height (self, gtk_widget_get_height (widget));

  if (self->geo == NULL || w < 4 || h < 4)
    return;
  if (self->cache)
    {
      GdkRGBA now[3];

      /* Light/dark or accent changed: the cached colours are stale. */
      theme_colors (self, now);
      for (guint i = 0; i < G_N_ELEMENTS (now); i++)
        if (!gdk_rgba_equal (&now[i], &self->cache_colors[i]))
          g_clear_pointer (&self->cache, gsk_render_node_unref);
    }
  if (self->cache && (self->cache_w != w || self->cache_h != h))
    {
      /* Resizing: scale what we have and redraw properly once it settles. */
      double s = MIN (w / self->cache_w, h / self->cache_h);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((w - self->cache_w * s) / 2,
                                                              (h - self->cache_h * s) / 2));
      gtk_snapshot_scale (snapshot, s, s);
      gtk_snapshot_append_node (snapshot, self->cache);
      gtk_snapshot_restore (snapshot);
      aimak_timeout_restart (&self->rebuild_id, REBUILD_DELAY, rebuild_timeout, self);
    }
  else
    {
      if (self->cache == NULL)
        {
          self->cache = render_map (self, w, h);
          theme_colors (self, self->cache_colors);
          self->cache_w = w;
          self->cache_h = h;
        }
      gtk_snapshot_append_node (snapshot, self->cache);
    }

  if (self->hover)
    {
      GdkRGBA fg;
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
      draw_outline (self, snapshot, self->hover, &fg, FALSE);
    }
  /* The keyboard cursor shows whenever the map has the focus: the arrow keys are
   * taken by the map, so the window never learns to show focus (focus-visible). */
  if (self->cursor && gtk_widget_has_focus (widget))
    {
      GdkRGBA accent;
      color (widget, "accent_color", "#1c71d8", &accent);
      draw_outline (self, snapshot, self->cursor, &accent, TRUE);
    }
  draw_legend (self, snapshot, h);
}

void
aimak_map_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  AimakMap *self = AIMAK_MAP (widget);
  double aspect = 2.0;

  if (self->geo)
    {
      double min_x, min_y, max_x, max_y;
      aimak_geo_get_bounds (self->geo, &min_x, &min_y, &max_x, &max_y);
      aspect = (max_x - min_x) * aimak_geo_x_scale (self->geo) / (max_y - min_y);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 520;
    }
  else
    {
      double w = for_size > 0 ? for_size : 520;
      *minimum = *natural = (int) ceil ((w - 2 * MAP_PAD) / aspect + 2 * MAP_PAD +
                                        legend_height (widget, w));
    }
}

GtkSizeRequestMode
aimak_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
theme_colors (AimakMap *self,
              GdkRGBA   colors[3])
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors[0]);
  color (widget, "accent_bg_color", "#3584e4", &colors[1]);
  color (widget, "view_bg_color", "#ffffff", &colors[2]);
}

