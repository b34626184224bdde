/* aimak-map.c — the map is tessellated once into a cached render node for a
 * given size, theme and selection. While the widget is resized the cached
 * node is only scaled; a new one is drawn once the size has settled. Hover
 * and keyboard focus are drawn over the cache as single outlines. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-map.h"

#define MAP_PAD        6.0
#define LEGEND_H       26.0
#define REBUILD_DELAY  180   /* ms after the last resize */

typedef struct
{
  char   *code;
  double  lon, lat;
  gboolean is_city;      /* Bishkek / Osh: holes in the district map */
  gboolean is_pilot;
} MapPoint;

struct _AimakMap
{
  GtkWidget      parent_instance;

  /* Owned references */
  AimakDb       *db;
  AimakGeo      *geo;           /* NULL until parsed (in a thread, at start-up) */
  GHashTable    *areas;         /* code → AimakArea */
  GHashTable    *pilot_features;/* code → code (districts that are or hold a pilot) */
  GPtrArray     *points;        /* MapPoint * */
  char          *lang;
  char          *selected;
  GPtrArray     *highlighted;   /* char * */
  char          *selected_point;/* an ayil aimak inside its highlighted rayon */
  char          *hover;
  char          *cursor;        /* keyboard focus */

  /* The cache */
  GskRenderNode *cache;
  double         cache_w, cache_h;
  GdkRGBA        cache_colors[3];  /* fg, accent, background the cache was drawn with */
  guint          rebuild_id;
  guint          n_renders;
};

G_DEFINE_FINAL_TYPE (AimakMap, aimak_map, GTK_TYPE_WIDGET)

static gboolean ensure_geo (AimakMap *self);
static void theme_colors (AimakMap *self, GdkRGBA colors[3]);

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  double k, ox, oy, xs;
  double min_x, max_y;
} Transform;

static void
map_point_free (MapPoint *p)
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

static void
to_screen (const Transform *t,
           double           lon,
           double           lat,
           double          *x,
           double          *y)
{
  *x = t->ox + (lon - t->min_x) * t->xs * t->k;
  *y = t->oy + (t->max_y - lat) * t->k;
}

static void
to_geo (const Transform *t,
        double           x,
        double           y,
        double          *lon,
        double          *lat)
{
  *lon = (x - t->ox) / (t->xs * t->k) + t->min_x;
  *lat = t->max_y - (y - t->oy) / t->k;
}

static void
current_transform (AimakMap  *self,
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

          to_screen (t, p->x, p->y, &x, &y);
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

static const char *
area_name (AimakMap   *self,
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
  color (widget, "purple_3", "#9141ac", &pilot);
  color (widget, "view_bg_color", "#ffffff", &bg);
  land = fg;
  land.alpha *= 0.09;
  border = fg;
  border.alpha *= 0.38;
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

      to_screen (&t, p->lon, p->lat, &x, &y);
      if (p->is_city)
        {
          int tw, th;

          draw_point (cr, x, y, sel ? 6.5 : 4.5, sel ? &accent : &fg, &bg);
          pango_layout_set_text (layout, area_name (self, p->code), -1);
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

static void
invalidate (AimakMap *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rebuild_timeout (gpointer data)
{
  AimakMap *self = data;

  self->rebuild_id = 0;
  invalidate (self);
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

  current_transform (self, &t);
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
  color (widget, "purple_3", "#9141ac", &pilot);
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

static void
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
      if (self->rebuild_id)
        g_source_remove (self->rebuild_id);
      self->rebuild_id = g_timeout_add (REBUILD_DELAY, rebuild_timeout, self);
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
  if (self->cursor && gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;
      color (widget, "accent_color", "#1c71d8", &accent);
      draw_outline (self, snapshot, self->cursor, &accent, TRUE);
    }
  draw_legend (self, snapshot, h);
}

static void
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

static GtkSizeRequestMode
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

static void
aimak_map_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (aimak_map_parent_class)->css_changed (widget, change);
  /* Most style changes are state changes (hover, focus, backdrop) that leave
   * the colours alone; snapshot() compares the colours and redraws if needed. */
  gtk_widget_queue_draw (widget);
}

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
  if (!ensure_geo (self))
    return NULL;
  current_transform (self, &t);
  /* Points first: the cities are holes and pilot ayil aimaks sit inside districts. */
  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);
      double px, py;

      if (!p->is_city && !p->is_pilot)
        continue;
      to_screen (&t, p->lon, p->lat, &px, &py);
      if (hypot (px - x, py - y) <= 8)
        return p->code;
    }
  to_geo (&t, x, y, &lon, &lat);
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
  if (code == NULL || !ensure_geo (self))
    return FALSE;
  current_transform (self, &t);
  if ((f = aimak_geo_lookup (self->geo, code)))
    {
      to_screen (&t, f->center_x, f->center_y, x, y);
      return TRUE;
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      MapPoint *p = g_ptr_array_index (self->points, i);

      if (g_strcmp0 (p->code, code) == 0 && (p->is_city || p->is_pilot))
        {
          to_screen (&t, p->lon, p->lat, x, y);
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
  g_signal_emit (self, signals[AREA_ACTIVATED], 0, copy);
  return TRUE;
}

static char *
describe_area (AimakMap   *self,
               const char *code)
{
  AimakArea *a = g_hash_table_lookup (self->areas, code);
  gboolean pilot = a ? a->is_pilot : g_hash_table_contains (self->pilot_features, code);

  if (a && pilot)
    return g_strdup_printf (_("%s (%s), pilot area"), area_name (self, code),
                            aimak_area_type_label (a->type));
  if (a)
    return g_strdup_printf ("%s (%s)", area_name (self, code), aimak_area_type_label (a->type));
  return g_strdup (area_name (self, code));
}

static gboolean
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

static void
on_motion (GtkEventControllerMotion *motion,
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

static void
on_leave (GtkEventControllerMotion *motion,
          AimakMap                 *self)
{
  g_clear_pointer (&self->hover, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click (GtkGestureClick *gesture,
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

static void
update_accessible (AimakMap *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->selected)
    g_string_append_printf (text, _("Selected: %s."), area_name (self, self->selected));
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
      update_accessible (self);
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
      g_free (self->cursor);
      self->cursor = g_strdup (best_code);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
  }
}

static gboolean
on_key_pressed (GtkEventControllerKey *key,
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
          g_signal_emit (self, signals[AREA_ACTIVATED], 0, code);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
on_focus_enter (GtkEventControllerFocus *focus,
                AimakMap                *self)
{
  if (self->cursor == NULL && self->geo)
    {
      self->cursor = g_strdup (self->highlighted->len ? g_ptr_array_index (self->highlighted, 0)
                                                      : aimak_geo_get_feature (self->geo, 0)->code);
      update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                AimakMap                *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

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
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate (self);
}

/* The widget reads the map in a thread so that the window opens without
 * waiting ~0.2 s for the GeoJSON; a query that needs it before then waits. */
static gboolean
ensure_geo (AimakMap *self)
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

  if (geo)
    g_task_return_pointer (task, geo, (GDestroyNotify) aimak_geo_unref);
  else
    g_task_return_error (task, error);
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
  update_accessible (self);
  invalidate (self);
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
  ensure_geo (self);
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
  ensure_geo (self);
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
  invalidate (self);
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
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) map_point_free);
  self->highlighted = g_ptr_array_new_with_free_func (g_free);
  task = g_task_new (self, NULL, on_geo_loaded, NULL);
  g_task_run_in_thread (task, load_geo_thread);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "aimak-map");
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, key);
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of Kyrgyzstan's districts"), -1);
  update_accessible (self);
}

GtkWidget *
aimak_map_new (void)
{
  return g_object_new (AIMAK_TYPE_MAP, NULL);
}
