/* aimak-chart.c — grouped/stacked bars, donut and line charts with Cairo.
 * One layout routine both measures and draws (cr == NULL measures), so the
 * height asked for horizontal bars always matches what is drawn. Colours
 * come from the theme's named colours at draw time; every series also has a
 * pattern (bars) or a dash and marker shape (lines), so the chart reads
 * without colour too. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart.h"
#include "aimak-numbers.h"

#define PAD        8.0
#define BAR_H      18.0
#define BAR_GAP    3.0
#define GROUP_GAP  10.0
#define SWATCH     14.0

typedef struct
{
  char              *name;
  GArray            *values;      /* double */
  GArray            *absent;      /* gboolean per category: not applicable, or NULL */
  char              *color_name;
  AimakChartPattern  pattern;
} Series;

typedef struct
{
  graphene_rect_t  rect;
  char            *text;
} Hit;

struct _AimakChart
{
  GtkWidget       parent_instance;

  AimakChartKind  kind;
  char           *title;
  char           *empty_text;
  char           *unit;
  gboolean        horizontal;
  gboolean        independent;
  GPtrArray      *categories;      /* char * */
  GPtrArray      *category_units;  /* char * or NULL, parallel to categories */
  GPtrArray      *series;          /* Series * */
  GPtrArray      *hits;            /* Hit *, from the last draw, for tooltips */
  double          donut_total_h;   /* heights of the donut's total and of its word */
  double          donut_word_h;    /* "Total" at the last draw, for tests */
};

G_DEFINE_FINAL_TYPE (AimakChart, aimak_chart, GTK_TYPE_WIDGET)

/* Theme palette names with the Adwaita values as fallback when the theme
 * does not define them. Orange and blue stay apart for the common colour
 * vision deficiencies. */
static const struct { const char *name; const char *fallback; } palette[] = {
  { "orange_4", "#e66100" },
  { "blue_4",   "#1c71d8" },
  { "purple_3", "#9141ac" },
  { "green_5",  "#26a269" },
  { "red_3",    "#e01b24" },
  { "yellow_5", "#e5a50a" },
  { "brown_3",  "#986a44" },
};

typedef struct
{
  AimakChart  *self;
  cairo_t     *cr;          /* NULL while measuring */
  double       width;
  GdkRGBA      fg, dim, grid, bg;
  PangoLayout *layout;
  PangoLayout *small;
  double       line_h;
  double       small_h;
} Ctx;

static void
series_free (Series *s)
{
  g_free (s->name);
  g_free (s->color_name);
  g_array_unref (s->values);
  g_clear_pointer (&s->absent, g_array_unref);
  g_free (s);
}

static void
hit_free (Hit *hit)
{
  g_free (hit->text);
  g_free (hit);
}

char *
aimak_chart_format_value (double      value,
                          const char *unit)
{
  int digits;
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("—");
  if (value == rint (value) || a >= 100)
    digits = 0;
  else if (a >= 1)
    digits = 1;
  else
    digits = 2;
  {
    g_autofree char *number = aimak_numbers_format_grouped (value, digits);
    if (g_strcmp0 (unit, "%") == 0)
      return aimak_numbers_format_percent (value, digits);
    return g_strconcat (number, unit ? unit : "", NULL);
  }
}

static double
value_at (AimakChart *self,
          guint       s,
          guint       c)
{
  Series *series = g_ptr_array_index (self->series, s);

  return c < series->values->len ? g_array_index (series->values, double, c) : NAN;
}

/* A value the category does not have at all (men of a women-only indicator): drawn
 * and described as nothing, not as "no data". */
static gboolean
is_absent (AimakChart *self,
           guint       s,
           guint       c)
{
  Series *series = g_ptr_array_index (self->series, s);

  return series->absent && c < series->absent->len &&
         g_array_index (series->absent, gboolean, c);
}

/* "Category — Series: value", or "Category: value" when the series has no name
 * (a single unnamed series). */
static char *
bar_tip (AimakChart *self,
         const char *cat,
         guint       s,
         const char *value)
{
  const char *name = self->kind == AIMAK_CHART_DONUT ? NULL
                     : ((Series *) g_ptr_array_index (self->series, s))->name;

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%s: %s", cat, value);
  return g_strdup_printf ("%s — %s: %s", cat, name, value);
}

static const char *
unit_of (AimakChart *self,
         guint       c)
{
  const char *u = c < self->category_units->len ? g_ptr_array_index (self->category_units, c)
                                                : NULL;
  return u ? u : (self->unit ? self->unit : "");
}

static gboolean
has_values (AimakChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (!isnan (value_at (self, s, c)))
        return TRUE;
  return FALSE;
}

static AimakChartPattern
series_pattern (AimakChart *self,
                guint       s)
{
  Series *series = g_ptr_array_index (self->series, s);

  if (series->pattern != AIMAK_CHART_PATTERN_AUTO)
    return series->pattern;
  return (AimakChartPattern) (s % 4);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

static void
series_color (Ctx     *ctx,
              guint    index,
              gboolean by_category,
              GdkRGBA *rgba)
{
  AimakChart *self = ctx->self;
  const char *name = NULL;
  guint p = index % G_N_ELEMENTS (palette);

  if (!by_category && index < self->series->len)
    name = ((Series *) g_ptr_array_index (self->series, index))->color_name;
  lookup_color (GTK_WIDGET (self), name ? name : palette[p].name, palette[p].fallback, rgba);
}

static void
add_hit (Ctx        *ctx,
         double      x,
         double      y,
         double      w,
         double      h,
         const char *text)
{
  Hit *hit;

  if (ctx->cr == NULL)
    return;
  hit = g_new0 (Hit, 1);
  graphene_rect_init (&hit->rect, x, y, w, h);
  hit->text = g_strdup (text);
  g_ptr_array_add (ctx->self->hits, hit);
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           double       max_width,
           double      *w,
           double      *h)
{
  int pw, ph;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w) *w = pw;
  if (h) *h = ph;
}

/* @align: 0 left, 0.5 centre, 1 right of @x. With @max_width > 0 the text is
 * ellipsized (one line) or wrapped (@lines > 1) to that width. Returns the height. */
static double
draw_text (Ctx           *ctx,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         align,
           double         max_width,
           int            lines,
           const GdkRGBA *color)
{
  int pw, ph;

  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX (lines, 1));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, align >= 1 ? PANGO_ALIGN_RIGHT
                                          : align > 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
    }
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (ctx->cr)
    {
      double left = max_width > 0 ? x - align * max_width : x - align * pw;

      cairo_save (ctx->cr);
      gdk_cairo_set_source_rgba (ctx->cr, color);
      cairo_move_to (ctx->cr, left, y);
      pango_cairo_show_layout (ctx->cr, layout);
      cairo_restore (ctx->cr);
    }
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  return ph;
}

/* Fills the current path with @color and overlays @pattern in the background
 * colour, so each series keeps its look in grey scale. */
static void
fill_pattern (Ctx               *ctx,
              const GdkRGBA     *color,
              AimakChartPattern  pattern)
{
  cairo_t *cr = ctx->cr;
  double x1, y1, x2, y2;
  GdkRGBA over = ctx->bg;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  over.alpha = 0.75;
  gdk_cairo_set_source_rgba (cr, &over);
  cairo_set_line_width (cr, 1.6);
  switch (pattern)
    {
    case AIMAK_CHART_PATTERN_HATCH:
    case AIMAK_CHART_PATTERN_CROSS:
      for (double d = x1 - (y2 - y1); d < x2; d += 6)
        {
          cairo_move_to (cr, d, y2);
          cairo_line_to (cr, d + (y2 - y1), y1);
          if (pattern == AIMAK_CHART_PATTERN_CROSS)
            {
              cairo_move_to (cr, d, y1);
              cairo_line_to (cr, d + (y2 - y1), y2);
            }
        }
      cairo_stroke (cr);
      break;
    case AIMAK_CHART_PATTERN_DOTS:
      for (double y = floor (y1 / 6) * 6 + 3; y < y2; y += 6)
        for (double x = floor (x1 / 6) * 6 + ((int) (y / 6) % 2 ? 3 : 0); x < x2; x += 6)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 1.3, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case AIMAK_CHART_PATTERN_AUTO:
    case AIMAK_CHART_PATTERN_SOLID:
    default:
      break;
    }
  cairo_restore (cr);
}

static void
fill_rect (Ctx               *ctx,
           double             x,
           double             y,
           double             w,
           double             h,
           const GdkRGBA     *color,
           AimakChartPattern  pattern)
{
  if (ctx->cr == NULL || w <= 0 || h <= 0)
    return;
  cairo_rectangle (ctx->cr, x, y, w, h);
  fill_pattern (ctx, color, pattern);
}

/* Line series: dash and marker shape by index. */
static void
set_dash (cairo_t *cr,
          guint    s)
{
  static const double dashed[] = { 7, 4 };
  static const double dotted[] = { 2, 3 };
  static const double dashdot[] = { 8, 3, 2, 3 };

  switch (s % 4)
    {
    case 1: cairo_set_dash (cr, dashed, 2, 0); break;
    case 2: cairo_set_dash (cr, dotted, 2, 0); break;
    case 3: cairo_set_dash (cr, dashdot, 4, 0); break;
    default: cairo_set_dash (cr, NULL, 0, 0); break;
    }
}

static void
draw_marker (Ctx           *ctx,
             guint          s,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  cairo_t *cr = ctx->cr;
  double r = 4.5;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  switch (s % 4)
    {
    case 1:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y + r);
      cairo_line_to (cr, x - r - 1, y + r);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      cairo_close_path (cr);
      break;
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &ctx->bg);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Nice axis step for a range of @max (1, 2, 2.5, 5 × 10^n). */
static double
nice_step (double max,
           int    ticks)
{
  double raw = max / ticks, mag, norm;

  if (raw <= 0 || !isfinite (raw))
    return 1;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1) return mag;
  if (norm <= 2) return 2 * mag;
  if (norm <= 2.5) return 2.5 * mag;
  if (norm <= 5) return 5 * mag;
  return 10 * mag;
}

/* ---- legend ---- */

static guint
legend_count (AimakChart *self)
{
  return self->kind == AIMAK_CHART_DONUT ? self->categories->len : self->series->len;
}

static const char *
legend_label (AimakChart *self,
              guint       i)
{
  if (self->kind == AIMAK_CHART_DONUT)
    return g_ptr_array_index (self->categories, i);
  return ((Series *) g_ptr_array_index (self->series, i))->name;
}

static void
draw_swatch (Ctx    *ctx,
             guint   i,
             double  x,
             double  y)
{
  AimakChart *self = ctx->self;
  GdkRGBA color;

  if (ctx->cr == NULL)
    return;
  series_color (ctx, i, self->kind == AIMAK_CHART_DONUT, &color);
  if (self->kind == AIMAK_CHART_LINE)
    {
      cairo_save (ctx->cr);
      set_dash (ctx->cr, i);
      gdk_cairo_set_source_rgba (ctx->cr, &color);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_move_to (ctx->cr, x - 4, y + SWATCH / 2);
      cairo_line_to (ctx->cr, x + SWATCH + 4, y + SWATCH / 2);
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);
      draw_marker (ctx, i, x + SWATCH / 2, y + SWATCH / 2, &color);
    }
  else
    {
      AimakChartPattern p = self->kind == AIMAK_CHART_DONUT ? (AimakChartPattern) (i % 4)
                                                            : series_pattern (self, i);
      fill_rect (ctx, x, y, SWATCH, SWATCH, &color, p);
    }
}

/* Legend as flowing rows from @y; returns its height. Donut legends carry
 * values and shares, drawn by the donut itself. */
static double
layout_legend (Ctx    *ctx,
               double  y)
{
  AimakChart *self = ctx->self;
  double x = PAD, row_h = MAX (SWATCH, ctx->small_h), h = row_h;
  guint n = legend_count (self);

  if (n < 2 && self->kind != AIMAK_CHART_LINE)
    return 0;
  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      const char *label = legend_label (self, i);
      double tw, item;

      text_size (ctx->small, label, 0, &tw, NULL);
      tw = MIN (tw, ctx->width - 2 * PAD - SWATCH - 12);
      item = SWATCH + 10 + tw;
      if (x > PAD && x + item > ctx->width - PAD)
        {
          x = PAD;
          y += row_h + 4;
          h += row_h + 4;
        }
      draw_swatch (ctx, i, x + 4, y + (row_h - SWATCH) / 2);
      draw_text (ctx, ctx->small, label, x + SWATCH + 10, y + (row_h - ctx->small_h) / 2, 0,
                 tw + 1, 1, &ctx->fg);
      x += item + 16;
    }
  return h;
}

/* ---- horizontal bars ---- */

static double
layout_hbars (Ctx    *ctx,
              double  y)
{
  AimakChart *self = ctx->self;
  gboolean stacked = self->kind == AIMAK_CHART_STACKED_BARS;
  double name_w = 0, value_w = 0, max_all = 0, x0, bar_w, start = y;

  for (guint s = 0; s < self->series->len && !stacked; s++)
    {
      double w;
      text_size (ctx->small, legend_label (self, s), 0, &w, NULL);
      name_w = MAX (name_w, MIN (w, ctx->width / 4));
    }
  if (name_w > 0)
    name_w += 8;
  for (guint c = 0; c < self->categories->len; c++)
    {
      double sum = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, c), w;
          g_autofree char *label = aimak_chart_format_value (v, unit_of (self, c));

          if (!isnan (v))
            sum += MAX (v, 0);
          if (!stacked && !is_absent (self, s, c))
            {
              text_size (ctx->small, isnan (v) ? _("no data") : label, 0, &w, NULL);
              value_w = MAX (value_w, w);
              max_all = MAX (max_all, isnan (v) ? 0 : v);
            }
        }
      if (stacked)
        {
          g_autofree char *label = aimak_chart_format_value (sum, unit_of (self, c));
          double w;

          text_size (ctx->small, label, 0, &w, NULL);
          value_w = MAX (value_w, w);
          max_all = MAX (max_all, sum);
        }
    }
  value_w += 8;
  x0 = PAD + name_w;
  bar_w = MAX (ctx->width - PAD - value_w - x0, 20);

  for (guint c = 0; c < self->categories->len; c++)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      const char *unit = unit_of (self, c);
      double max = max_all, acc = 0, sum = 0;

      if (self->independent || stacked)
        {
          max = 0;
          for (guint s = 0; s < self->series->len; s++)
            {
              double v = value_at (self, s, c);
              if (!isnan (v))
                {
                  max = stacked ? max + MAX (v, 0) : MAX (max, v);
                  sum += MAX (v, 0);
                }
            }
          if (stacked && !self->independent)
            max = max_all;
        }
      if (max <= 0)
        max = 1;

      y += draw_text (ctx, ctx->layout, cat, PAD, y, 0, ctx->width - 2 * PAD, 2, &ctx->fg) + 3;
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, c), len;
          GdkRGBA color;
          g_autofree char *label = aimak_chart_format_value (v, unit);
          g_autofree char *tip = bar_tip (self, cat, s, isnan (v) ? _("no data") : label);

          if (is_absent (self, s, c))
            continue;
          series_color (ctx, s, FALSE, &color);
          len = isnan (v) ? 0 : MAX (v, 0) / max * bar_w;
          if (stacked)
            {
              double lw;

              fill_rect (ctx, x0 + acc, y, len, BAR_H, &color, series_pattern (self, s));
              add_hit (ctx, x0 + acc, y, len, BAR_H, tip);
              text_size (ctx->small, label, 0, &lw, NULL);
              /* A label goes inside its segment only if it fits there. */
              if (!isnan (v) && lw + 6 < len && ctx->cr)
                {
                  GdkRGBA back = ctx->bg;
                  double tx = x0 + acc + (len - lw) / 2 - 2, ty = y + (BAR_H - ctx->small_h) / 2;

                  back.alpha = 0.85;
                  gdk_cairo_set_source_rgba (ctx->cr, &back);
                  cairo_rectangle (ctx->cr, tx, ty, lw + 4, ctx->small_h);
                  cairo_fill (ctx->cr);
                  draw_text (ctx, ctx->small, label, tx + 2, ty, 0, 0, 1, &ctx->fg);
                }
              acc += len;
              continue;
            }
          if (name_w > 0)
            draw_text (ctx, ctx->small, legend_label (self, s), PAD, y + (BAR_H - ctx->small_h) / 2,
                       0, name_w - 8, 1, &ctx->dim);
          fill_rect (ctx, x0, y, len, BAR_H, &color, series_pattern (self, s));
          add_hit (ctx, x0, y, MAX (len, 4), BAR_H, tip);
          draw_text (ctx, ctx->small, isnan (v) ? _("no data") : label, x0 + len + 4,
                     y + (BAR_H - ctx->small_h) / 2, 0, 0, 1, isnan (v) ? &ctx->dim : &ctx->fg);
          y += BAR_H + BAR_GAP;
        }
      if (stacked)
        {
          g_autofree char *total = aimak_chart_format_value (sum, unit);
          draw_text (ctx, ctx->small, total, x0 + acc + 4, y + (BAR_H - ctx->small_h) / 2,
                     0, 0, 1, &ctx->fg);
          y += BAR_H + BAR_GAP;
        }
      y += GROUP_GAP;
    }
  return y - start;
}

/* ---- vertical bars and lines share the axis ---- */

typedef struct
{
  double left, top, right, bottom;   /* plot rectangle */
  double min, max;
} Plot;

static void
value_range (AimakChart *self,
             double     *min,
             double     *max)
{
  *min = 0;
  *max = 0;
  for (guint c = 0; c < self->categories->len; c++)
    {
      double sum = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, c);

          if (isnan (v))
            continue;
          sum += MAX (v, 0);
          *max = MAX (*max, v);
          *min = MIN (*min, v);
        }
      if (self->kind == AIMAK_CHART_STACKED_BARS)
        *max = MAX (*max, sum);
    }
  if (*max <= *min)
    *max = *min + 1;
}

static double
plot_y (const Plot *p,
        double      v)
{
  return p->bottom - (v - p->min) / (p->max - p->min) * (p->bottom - p->top);
}

/* Axis with grid lines and tick labels; category labels below. */
static void
layout_axes (Ctx    *ctx,
             Plot   *p,
             double  y,
             double  height,
             int     label_lines)
{
  AimakChart *self = ctx->self;
  double min, max, step, tick_w = 0, cat_w;
  guint n = self->categories->len, every = 1;

  value_range (self, &min, &max);
  step = nice_step (max - min, 4);
  p->min = floor (min / step) * step;
  p->max = ceil (max / step) * step;
  if (p->max <= p->min)
    p->max = p->min + step;
  for (double t = p->min; t <= p->max + step / 2; t += step)
    {
      g_autofree char *label = aimak_chart_format_value (t, NULL);
      double w;

      text_size (ctx->small, label, 0, &w, NULL);
      tick_w = MAX (tick_w, w);
    }
  p->left = PAD + tick_w + 6;
  p->right = ctx->width - PAD - (self->kind == AIMAK_CHART_LINE ? 24 : 0);
  p->top = y + ctx->small_h + 4;
  p->bottom = y + height - label_lines * ctx->small_h - 6;
  if (p->bottom < p->top + 20)
    p->bottom = p->top + 20;
  if (ctx->cr == NULL)
    return;

  for (double t = p->min; t <= p->max + step / 2; t += step)
    {
      g_autofree char *label = aimak_chart_format_value (t, NULL);
      double ty = plot_y (p, t);

      gdk_cairo_set_source_rgba (ctx->cr, fabs (t) < step / 2 ? &ctx->dim : &ctx->grid);
      cairo_set_line_width (ctx->cr, 1);
      cairo_move_to (ctx->cr, p->left, round (ty) + 0.5);
      cairo_line_to (ctx->cr, p->right, round (ty) + 0.5);
      cairo_stroke (ctx->cr);
      draw_text (ctx, ctx->small, label, p->left - 6, ty - ctx->small_h / 2, 1, 0, 1, &ctx->dim);
    }

  /* Category labels: skip some when they would collide (many years). */
  cat_w = n ? (p->right - p->left) / n : 0;
  if (self->kind == AIMAK_CHART_LINE && n > 1)
    {
      double widest = 0;
      for (guint c = 0; c < n; c++)
        {
          double w;
          text_size (ctx->small, g_ptr_array_index (self->categories, c), 0, &w, NULL);
          widest = MAX (widest, w);
        }
      cat_w = (p->right - p->left) / (n - 1);
      every = (guint) ceil ((widest + 8) / MAX (cat_w, 1));
      every = MAX (every, 1);
    }
  for (guint c = 0; c < n; c += every)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      double cx = self->kind == AIMAK_CHART_LINE
        ? (n > 1 ? p->left + c * cat_w : (p->left + p->right) / 2)
        : p->left + (c + 0.5) * cat_w;
      double max_w = self->kind == AIMAK_CHART_LINE ? cat_w * every : cat_w - 4;

      draw_text (ctx, ctx->small, cat, cx, p->bottom + 4, 0.5, MAX (max_w, 24), label_lines,
                 &ctx->fg);
    }
}

static void
draw_vbars (Ctx    *ctx,
            double  y,
            double  height)
{
  AimakChart *self = ctx->self;
  gboolean stacked = self->kind == AIMAK_CHART_STACKED_BARS;
  guint n = self->categories->len, ns = MAX (self->series->len, 1);
  Plot p;
  double cat_w, bar_w;

  layout_axes (ctx, &p, y, height, 2);
  cat_w = (p.right - p.left) / MAX (n, 1);
  bar_w = stacked ? MIN (cat_w * 0.6, 72) : MIN (cat_w * 0.8 / ns, 56);

  for (guint c = 0; c < n; c++)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      const char *unit = unit_of (self, c);
      double gx = p.left + c * cat_w + (cat_w - (stacked ? bar_w : bar_w * ns)) / 2;
      double acc = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, c), top, bottom, x, lw;
          GdkRGBA color;
          g_autofree char *label = aimak_chart_format_value (v, unit);
          g_autofree char *tip = bar_tip (self, cat, s, isnan (v) ? _("no data") : label);

          if (isnan (v))
            continue;
          series_color (ctx, s, FALSE, &color);
          x = stacked ? gx : gx + s * bar_w;
          bottom = plot_y (&p, stacked ? acc : MIN (v, 0));
          top = plot_y (&p, stacked ? acc + MAX (v, 0) : MAX (v, 0));
          fill_rect (ctx, x + 1, top, bar_w - 2, bottom - top, &color, series_pattern (self, s));
          add_hit (ctx, x, top, bar_w, MAX (bottom - top, 4), tip);
          text_size (ctx->small, label, 0, &lw, NULL);
          if (stacked)
            {
              if (bottom - top > ctx->small_h + 2 && lw + 4 < bar_w && ctx->cr)
                {
                  GdkRGBA back = ctx->bg;
                  double ty = (top + bottom - ctx->small_h) / 2;

                  back.alpha = 0.85;
                  gdk_cairo_set_source_rgba (ctx->cr, &back);
                  cairo_rectangle (ctx->cr, x + (bar_w - lw) / 2 - 2, ty, lw + 4, ctx->small_h);
                  cairo_fill (ctx->cr);
                  draw_text (ctx, ctx->small, label, x + bar_w / 2, ty, 0.5, 0, 1, &ctx->fg);
                }
              acc += MAX (v, 0);
            }
          else if (lw <= bar_w + 6 || ns == 1)
            draw_text (ctx, ctx->small, label, x + bar_w / 2, top - ctx->small_h - 1, 0.5, 0, 1,
                       &ctx->fg);
        }
      if (stacked && self->series->len > 1)
        {
          g_autofree char *total = aimak_chart_format_value (acc, unit);
          draw_text (ctx, ctx->small, total, gx + bar_w / 2, plot_y (&p, acc) - ctx->small_h - 1,
                     0.5, 0, 1, &ctx->fg);
        }
    }
}

static void
draw_line (Ctx    *ctx,
           double  y,
           double  height)
{
  AimakChart *self = ctx->self;
  guint n = self->categories->len;
  Plot p;
  double step;
  guint label_every;

  layout_axes (ctx, &p, y, height, 1);
  step = n > 1 ? (p.right - p.left) / (n - 1) : 0;
  label_every = n <= 10 ? 1 : G_MAXUINT;

  for (guint s = 0; s < self->series->len; s++)
    {
      GdkRGBA color;
      gboolean pen = FALSE;
      guint last = G_MAXUINT, first = G_MAXUINT;

      series_color (ctx, s, FALSE, &color);
      cairo_save (ctx->cr);
      set_dash (ctx->cr, s);
      gdk_cairo_set_source_rgba (ctx->cr, &color);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < n; c++)
        {
          double v = value_at (self, s, c);
          double x = n > 1 ? p.left + c * step : (p.left + p.right) / 2;

          if (isnan (v))
            {
              pen = FALSE;   /* a gap where a year is missing */
              continue;
            }
          if (first == G_MAXUINT)
            first = c;
          last = c;
          if (pen)
            cairo_line_to (ctx->cr, x, plot_y (&p, v));
          else
            cairo_move_to (ctx->cr, x, plot_y (&p, v));
          pen = TRUE;
        }
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);

      for (guint c = 0; c < n; c++)
        {
          double v = value_at (self, s, c);
          double x = n > 1 ? p.left + c * step : (p.left + p.right) / 2, py;
          g_autofree char *label = NULL;
          g_autofree char *tip = NULL;
          gboolean above = TRUE;

          if (isnan (v))
            continue;
          py = plot_y (&p, v);
          label = aimak_chart_format_value (v, unit_of (self, c));
          if (*legend_label (self, s) == '\0')
            tip = g_strdup_printf ("%s: %s", (char *) g_ptr_array_index (self->categories, c),
                                   label);
          else
            tip = g_strdup_printf ("%s, %s: %s", legend_label (self, s),
                                   (char *) g_ptr_array_index (self->categories, c), label);
          draw_marker (ctx, s, x, py, &color);
          add_hit (ctx, x - 6, py - 6, 12, 12, tip);
          if (label_every != 1 && c != first && c != last)
            continue;
          /* The highest series at a point labels above, the others below,
           * so labels of close values do not sit on each other. */
          for (guint o = 0; o < self->series->len; o++)
            if (o != s && !isnan (value_at (self, o, c)) &&
                (value_at (self, o, c) > v || (value_at (self, o, c) == v && o < s)))
              above = FALSE;
          /* The end labels lean inwards, clear of the axis and the edge. */
          draw_text (ctx, ctx->small, label, x, above ? py - ctx->small_h - 4 : py + 5,
                     n > 1 && c == 0 ? 0.1 : n > 1 && c == n - 1 ? 0.9 : 0.5, 0, 1, &ctx->fg);
        }
    }
}

static void
draw_donut (Ctx    *ctx,
            double  y,
            double  height)
{
  AimakChart *self = ctx->self;
  guint n = self->categories->len;
  double total = 0, angle = -G_PI / 2, r, cx, cy, lx, ly;
  g_autofree char *total_label = NULL;

  for (guint c = 0; c < n; c++)
    {
      double v = value_at (self, 0, c);
      if (!isnan (v) && v > 0)
        total += v;
    }
  r = MIN (height, ctx->width * 0.45) / 2 - 4;
  r = MAX (r, 20);
  cx = PAD + r + 4;
  cy = y + height / 2;
  for (guint c = 0; c < n && total > 0; c++)
    {
      double v = value_at (self, 0, c), sweep;
      GdkRGBA color;
      const char *cat = g_ptr_array_index (self->categories, c);
      g_autofree char *label = NULL;
      g_autofree char *tip = NULL, *share = NULL;

      if (isnan (v) || v <= 0)
        continue;
      sweep = v / total * 2 * G_PI;
      series_color (ctx, c, TRUE, &color);
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, r, angle, angle + sweep);
      cairo_arc_negative (ctx->cr, cx, cy, r * 0.58, angle + sweep, angle);
      cairo_close_path (ctx->cr);
      fill_pattern (ctx, &color, (AimakChartPattern) (c % 4));
      /* Slices are separated by a gap in the background colour. */
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, r, angle, angle + sweep);
      cairo_arc_negative (ctx->cr, cx, cy, r * 0.58, angle + sweep, angle);
      cairo_close_path (ctx->cr);
      gdk_cairo_set_source_rgba (ctx->cr, &ctx->bg);
      cairo_set_line_width (ctx->cr, 1.5);
      cairo_stroke (ctx->cr);
      label = aimak_chart_format_value (v, unit_of (self, c));
      tip = g_strdup_printf ("%s: %s (%s)", cat, label, share = aimak_numbers_format_percent (v / total * 100, 0));
      add_hit (ctx, cx + cos (angle + sweep / 2) * r * 0.79 - 10,
               cy + sin (angle + sweep / 2) * r * 0.79 - 10, 20, 20, tip);
      angle += sweep;
    }
  total_label = aimak_chart_format_value (total, self->unit);
  {
    /* The figure is the point of the hole: bold and larger than the word under it,
     * shrunk (never ellipsized) only as far as the hole needs, and never below the
     * word's size. */
    PangoLayout *big = pango_layout_copy (ctx->small);
    PangoFontDescription *font = pango_font_description_copy (
      pango_layout_get_font_description (ctx->small) ? pango_layout_get_font_description (ctx->small)
      : pango_context_get_font_description (pango_layout_get_context (ctx->small)));
    int base = pango_font_description_get_size (font);
    double hole = r * 0.58 * 2 - 8, tw, th, wh;

    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    for (double scale = 1.6; ; scale -= 0.1)
      {
        pango_font_description_set_size (font, (int) (base * scale));
        pango_layout_set_font_description (big, font);
        text_size (big, total_label, 0, &tw, &th);
        if (tw <= hole || scale <= 1.05)
          break;
      }
    text_size (ctx->small, _("Total"), 0, NULL, &wh);
    draw_text (ctx, big, total_label, cx, cy - (th + wh) / 2, 0.5, 0, 1, &ctx->fg);
    draw_text (ctx, ctx->small, _("Total"), cx, cy - (th + wh) / 2 + th, 0.5, r * 1.1, 1,
               &ctx->dim);
    self->donut_total_h = th;
    self->donut_word_h = wh;
    pango_font_description_free (font);
    g_object_unref (big);
  }

  /* Legend beside the ring with value and share. */
  lx = cx + r + 16;
  ly = y + MAX ((height - n * (ctx->small_h + 6)) / 2, 0);
  for (guint c = 0; c < n; c++)
    {
      double v = value_at (self, 0, c);
      g_autofree char *value = aimak_chart_format_value (v, unit_of (self, c));
      g_autofree char *text = NULL, *share = NULL;

      if (isnan (v))
        text = g_strdup_printf ("%s — %s", (char *) g_ptr_array_index (self->categories, c),
                                _("no data"));
      else
        text = g_strdup_printf ("%s — %s (%s)",
                                (char *) g_ptr_array_index (self->categories, c), value,
                                share = aimak_numbers_format_percent (total > 0 ? MAX (v, 0) / total * 100 : 0, 0));
      draw_swatch (ctx, c, lx, ly + (ctx->small_h - SWATCH) / 2);
      draw_text (ctx, ctx->small, text, lx + SWATCH + 6, ly, 0,
                 MAX (ctx->width - lx - SWATCH - 6 - PAD, 40), 1, &ctx->fg);
      ly += ctx->small_h + 6;
    }
}

/* ---- the widget ---- */

static void
ctx_init (Ctx        *ctx,
          AimakChart *self,
          cairo_t    *cr,
          double      width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  PangoFontDescription *font;
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  double h;

  ctx->self = self;
  ctx->cr = cr;
  ctx->width = width;
  /* gtk_widget_get_color () is 4.10; this is its 4.8 equivalent. */
  gtk_style_context_get_color (style, &ctx->fg);
  ctx->dim = ctx->fg;
  ctx->dim.alpha *= 0.62;
  ctx->grid = ctx->fg;
  ctx->grid.alpha *= 0.13;
  if (!gtk_style_context_lookup_color (style, "card_bg_color", &ctx->bg) || ctx->bg.alpha < 0.9)
    lookup_color (widget, "view_bg_color", "#ffffff", &ctx->bg);
  ctx->layout = gtk_widget_create_pango_layout (widget, NULL);
  ctx->small = gtk_widget_create_pango_layout (widget, NULL);
  font = pango_font_description_copy (pango_context_get_font_description (pango));
  pango_font_description_set_size (font, MAX (pango_font_description_get_size (font) * 0.88,
                                              7 * PANGO_SCALE));
  pango_layout_set_font_description (ctx->small, font);
  pango_font_description_free (font);
  text_size (ctx->layout, "Ag", 0, NULL, &h);
  ctx->line_h = h;
  text_size (ctx->small, "Ag", 0, NULL, &h);
  ctx->small_h = h;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_object (&ctx->layout);
  g_clear_object (&ctx->small);
}

static double
title_height (Ctx *ctx)
{
  AimakChart *self = ctx->self;
  double h;

  PangoAttrList *attrs;

  if (self->title == NULL || *self->title == '\0')
    return 0;
  /* Measured exactly as it is drawn (bold, at most three lines): bold Kyrgyz and
   * Russian titles wrap to more lines than the regular weight would. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (ctx->layout, attrs);
  pango_layout_set_wrap (ctx->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (ctx->layout, -3);
  pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_END);
  text_size (ctx->layout, self->title, ctx->width - 2 * PAD, NULL, &h);
  pango_layout_set_attributes (ctx->layout, NULL);
  pango_attr_list_unref (attrs);
  return h + 8;
}

/* The whole chart; with ctx->cr == NULL only measures. Returns the height used. */
static double
layout_chart (Ctx    *ctx,
              double  height)
{
  AimakChart *self = ctx->self;
  double y = 2, legend_h, th;

  th = title_height (ctx);
  if (th > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (ctx->layout, attrs);
      draw_text (ctx, ctx->layout, self->title, PAD, y, 0, ctx->width - 2 * PAD, 3, &ctx->fg);
      pango_layout_set_attributes (ctx->layout, NULL);
      pango_attr_list_unref (attrs);
      y += th;
    }

  if (!has_values (self))
    {
      const char *text = self->empty_text ? self->empty_text : _("No data");
      double h = ctx->cr ? MAX (height - y, ctx->line_h) : ctx->line_h * 3;

      draw_text (ctx, ctx->layout, text, ctx->width / 2, y + (h - ctx->line_h) / 2, 0.5,
                 ctx->width - 2 * PAD, 3, &ctx->dim);
      return y + h;
    }

  if (self->horizontal && self->kind != AIMAK_CHART_LINE && self->kind != AIMAK_CHART_DONUT)
    {
      y += layout_hbars (ctx, y);
      y += layout_legend (ctx, y) + 4;
      return y;
    }

  if (self->kind == AIMAK_CHART_DONUT)
    {
      if (ctx->cr)
        draw_donut (ctx, y, height - y - 2);
      return height;
    }

  /* Legend first (bottom), the plot takes the rest. */
  {
    Ctx measure = *ctx;
    measure.cr = NULL;
    legend_h = layout_legend (&measure, 0);
  }
  if (ctx->cr)
    {
      double plot_h = height - y - legend_h - (legend_h > 0 ? 8 : 0);

      if (self->kind == AIMAK_CHART_LINE)
        draw_line (ctx, y, plot_h);
      else
        draw_vbars (ctx, y, plot_h);
      layout_legend (ctx, y + plot_h + 8);
    }
  return height;
}

static void
aimak_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  AimakChart *self = AIMAK_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 140;
      *natural = 420;
      return;
    }
  if (self->horizontal && self->kind != AIMAK_CHART_LINE && self->kind != AIMAK_CHART_DONUT)
    {
      Ctx ctx = { 0 };
      double h;

      ctx_init (&ctx, self, NULL, for_size > 0 ? for_size : 420);
      h = layout_chart (&ctx, 0);
      ctx_clear (&ctx);
      *minimum = *natural = (int) ceil (h);
      return;
    }
  *minimum = 140;
  *natural = 240;
}

static GtkSizeRequestMode
aimak_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
aimak_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  AimakChart *self = AIMAK_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;
  Ctx ctx = { 0 };

  g_ptr_array_set_size (self->hits, 0);
  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ctx_init (&ctx, self, cr, width);
  layout_chart (&ctx, height);
  ctx_clear (&ctx);
  cairo_destroy (cr);
}

static gboolean
aimak_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  AimakChart *self = AIMAK_CHART (widget);

  for (guint i = 0; i < self->hits->len; i++)
    {
      Hit *hit = g_ptr_array_index (self->hits, i);

      if (graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          gtk_tooltip_set_text (tooltip, hit->text);
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_accessible (AimakChart *self)
{
  g_autofree char *text = aimak_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
changed (AimakChart *self)
{
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
aimak_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (aimak_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
aimak_chart_finalize (GObject *object)
{
  AimakChart *self = AIMAK_CHART (object);

  g_free (self->title);
  g_free (self->empty_text);
  g_free (self->unit);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->category_units);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->hits);
  G_OBJECT_CLASS (aimak_chart_parent_class)->finalize (object);
}

static void
aimak_chart_class_init (AimakChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = aimak_chart_finalize;
  widget_class->measure = aimak_chart_measure;
  widget_class->get_request_mode = aimak_chart_get_request_mode;
  widget_class->snapshot = aimak_chart_snapshot;
  widget_class->query_tooltip = aimak_chart_query_tooltip;
  widget_class->css_changed = aimak_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aimak_chart_init (AimakChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->category_units = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "aimak-chart");
  update_accessible (self);
}

GtkWidget *
aimak_chart_new (AimakChartKind kind)
{
  AimakChart *self = g_object_new (AIMAK_TYPE_CHART, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
aimak_chart_set_kind (AimakChart     *self,
                      AimakChartKind  kind)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  self->kind = kind;
  changed (self);
}

AimakChartKind
aimak_chart_get_kind (AimakChart *self)
{
  g_return_val_if_fail (AIMAK_IS_CHART (self), AIMAK_CHART_GROUPED_BARS);
  return self->kind;
}

void
aimak_chart_set_title (AimakChart *self,
                       const char *title)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_free (self->title);
  self->title = g_strdup (title);
  changed (self);
}

const char *
aimak_chart_get_title (AimakChart *self)
{
  g_return_val_if_fail (AIMAK_IS_CHART (self), NULL);
  return self->title;
}

void
aimak_chart_set_horizontal (AimakChart *self,
                            gboolean    horizontal)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  self->horizontal = horizontal;
  changed (self);
}

void
aimak_chart_set_independent_scales (AimakChart *self,
                                    gboolean    independent)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  self->independent = independent;
  changed (self);
}

void
aimak_chart_set_empty_text (AimakChart *self,
                            const char *text)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  changed (self);
}

void
aimak_chart_clear (AimakChart *self)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->category_units, 0);
  g_ptr_array_set_size (self->series, 0);
  changed (self);
}

void
aimak_chart_set_categories (AimakChart         *self,
                            const char * const *labels)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->category_units, 0);
  for (guint i = 0; labels && labels[i]; i++)
    {
      g_ptr_array_add (self->categories, g_strdup (labels[i]));
      g_ptr_array_add (self->category_units, NULL);
    }
  changed (self);
}

void
aimak_chart_set_unit (AimakChart *self,
                      const char *unit)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_free (self->unit);
  self->unit = g_strdup (unit);
  changed (self);
}

void
aimak_chart_set_category_unit (AimakChart *self,
                               guint       category,
                               const char *unit)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);
  g_free (g_ptr_array_index (self->category_units, category));
  g_ptr_array_index (self->category_units, category) = g_strdup (unit);
  changed (self);
}

void
aimak_chart_set_absent (AimakChart *self,
                        guint       series,
                        guint       category)
{
  Series *s;

  g_return_if_fail (AIMAK_IS_CHART (self));
  g_return_if_fail (series < self->series->len && category < self->categories->len);
  s = g_ptr_array_index (self->series, series);
  if (s->absent == NULL)
    s->absent = g_array_new (FALSE, TRUE, sizeof (gboolean));
  if (s->absent->len <= category)
    g_array_set_size (s->absent, category + 1);
  g_array_index (s->absent, gboolean, category) = TRUE;
  changed (self);
}

double
aimak_chart_get_title_height (AimakChart *self,
                              double      width)
{
  Ctx ctx = { 0 };
  double h;

  g_return_val_if_fail (AIMAK_IS_CHART (self), 0);
  ctx_init (&ctx, self, NULL, width);
  h = title_height (&ctx);
  ctx_clear (&ctx);
  return h;
}

char **
aimak_chart_dup_tooltips (AimakChart *self)
{
  char **texts;

  g_return_val_if_fail (AIMAK_IS_CHART (self), NULL);
  texts = g_new0 (char *, self->hits->len + 1);
  for (guint i = 0; i < self->hits->len; i++)
    texts[i] = g_strdup (((Hit *) g_ptr_array_index (self->hits, i))->text);
  return texts;
}

void
aimak_chart_get_donut_label_heights (AimakChart *self,
                                     double     *total,
                                     double     *word)
{
  g_return_if_fail (AIMAK_IS_CHART (self));
  if (total)
    *total = self->donut_total_h;
  if (word)
    *word = self->donut_word_h;
}

guint
aimak_chart_add_series (AimakChart   *self,
                        const char   *name,
                        const double *values,
                        guint         n_values)
{
  Series *s;

  g_return_val_if_fail (AIMAK_IS_CHART (self), 0);
  g_return_val_if_fail (n_values == self->categories->len, 0);
  s = g_new0 (Series, 1);
  s->name = g_strdup (name ? name : "");
  s->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  s->pattern = AIMAK_CHART_PATTERN_AUTO;
  if (n_values)
    g_array_append_vals (s->values, values, n_values);
  g_ptr_array_add (self->series, s);
  changed (self);
  return self->series->len - 1;
}

void
aimak_chart_set_series_style (AimakChart        *self,
                              guint              series,
                              const char        *color_name,
                              AimakChartPattern  pattern)
{
  Series *s;

  g_return_if_fail (AIMAK_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  s = g_ptr_array_index (self->series, series);
  g_free (s->color_name);
  s->color_name = g_strdup (color_name);
  s->pattern = pattern;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
aimak_chart_get_n_categories (AimakChart *self)
{
  return self->categories->len;
}

const char *
aimak_chart_get_category (AimakChart *self,
                          guint       category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

guint
aimak_chart_get_n_series (AimakChart *self)
{
  return self->series->len;
}

const char *
aimak_chart_get_series_name (AimakChart *self,
                             guint       series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

double
aimak_chart_get_value (AimakChart *self,
                       guint       series,
                       guint       category)
{
  g_return_val_if_fail (series < self->series->len, NAN);
  return value_at (self, series, category);
}

char *
aimak_chart_describe (AimakChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (AIMAK_IS_CHART (self), NULL);
  if (self->title && *self->title)
    g_string_append_printf (text, "%s. ", self->title);
  if (!has_values (self))
    {
      g_string_append (text, self->empty_text ? self->empty_text : _("No data"));
      return g_string_free (text, FALSE);
    }

  if (self->kind == AIMAK_CHART_LINE)
    {
      for (guint s = 0; s < self->series->len; s++)
        {
          gboolean first = TRUE;

          g_string_append_printf (text, "%s: ", legend_label (self, s));
          for (guint c = 0; c < self->categories->len; c++)
            {
              double v = value_at (self, s, c);
              g_autofree char *value = NULL;

              if (isnan (v))
                continue;
              value = aimak_chart_format_value (v, unit_of (self, c));
              g_string_append_printf (text, "%s%s %s", first ? "" : ", ",
                                      (char *) g_ptr_array_index (self->categories, c), value);
              first = FALSE;
            }
          g_string_append (text, ". ");
        }
    }
  else if (self->kind == AIMAK_CHART_DONUT)
    {
      double total = 0;
      g_autofree char *total_text = NULL;

      for (guint c = 0; c < self->categories->len; c++)
        if (!isnan (value_at (self, 0, c)) && value_at (self, 0, c) > 0)
          total += value_at (self, 0, c);
      for (guint c = 0; c < self->categories->len; c++)
        {
          double v = value_at (self, 0, c);
          g_autofree char *value = aimak_chart_format_value (v, unit_of (self, c));
          g_autofree char *share = NULL;

          if (isnan (v))
            g_string_append_printf (text, "%s: %s. ",
                                    (char *) g_ptr_array_index (self->categories, c), _("no data"));
          else
            g_string_append_printf (text, "%s: %s (%s). ",
                                    (char *) g_ptr_array_index (self->categories, c), value,
                                    share = aimak_numbers_format_percent (total > 0 ? MAX (v, 0) / total * 100 : 0, 0));
        }
      total_text = aimak_chart_format_value (total, self->unit);
      g_string_append_printf (text, _("Total: %s."), total_text);
      g_string_append_c (text, ' ');
    }
  else
    {
      for (guint c = 0; c < self->categories->len; c++)
        {
          g_string_append_printf (text, "%s: ", (char *) g_ptr_array_index (self->categories, c));
          for (guint s = 0; s < self->series->len; s++)
            {
              double v = value_at (self, s, c);
              g_autofree char *value = aimak_chart_format_value (v, unit_of (self, c));

              if (is_absent (self, s, c))
                continue;
              g_string_append_printf (text, "%s%s %s", s ? ", " : "", legend_label (self, s),
                                      isnan (v) ? _("no data") : value);
            }
          g_string_append (text, ". ");
        }
    }
  while (text->len && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}
