/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart-draw.c — drawing primitives (text, patterns, markers), the
 * legend, and the whole chart: title, plot, legend. Colours come from the
 * theme's named colours at draw time; every series also has a pattern (bars)
 * or a dash and marker shape (lines), so the chart reads without colour too. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart-private.h"
#include "aimak-numbers.h"

/* The palette's named colours, defined in ui/style.css (light) and
 * ui/style-dark.css (dark and high-contrast dark), so that every series is at
 * least 3:1 against its card in each style; the fallbacks are the light values,
 * for a widget without the application's style (tests/check-contrast.py checks
 * both). Orange and blue stay apart for the common colour vision deficiencies. */
static const struct { const char *name; const char *fallback; } palette[] = {
  { "aimak_chart_1", "#e66100" },
  { "aimak_chart_2", "#1c71d8" },
  { "aimak_chart_3", "#9141ac" },
  { "aimak_chart_4", "#26a269" },
  { "aimak_chart_5", "#e01b24" },
  { "aimak_chart_6", "#946300" },
  { "aimak_chart_7", "#986a44" },
};

/* The libadwaita palette colours (fixed in every style) each entry stands for. */
static const char * const adwaita_hues[] = {
  "orange_4", "blue_4", "purple_3", "green_5", "red_3", "yellow_5", "brown_3",
};

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

void
aimak_chart_series_color (Ctx     *ctx,
                          guint    index,
                          gboolean by_category,
                          GdkRGBA *rgba)
{
  AimakChart *self = ctx->self;
  const char *name = NULL;
  guint p = index % G_N_ELEMENTS (palette);

  if (!by_category && index < self->series->len)
    name = ((Series *) g_ptr_array_index (self->series, index))->color_name;
  /* A series given one of libadwaita's palette colours takes the palette entry of
   * that hue, which follows the style. */
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (adwaita_hues); i++)
    if (g_str_equal (name, adwaita_hues[i]))
      {
        p = i;
        name = NULL;
      }
  lookup_color (GTK_WIDGET (self), name ? name : palette[p].name, palette[p].fallback, rgba);
}

void
aimak_chart_add_hit (Ctx        *ctx,
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

void
aimak_chart_text_size (PangoLayout *layout,
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
double
aimak_chart_draw_text (Ctx           *ctx,
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

      if (ctx->self->texts)
        {
          AimakChartText *t = g_new0 (AimakChartText, 1);
          PangoRectangle ink, logical;

          /* The box of the text itself, wherever the alignment put it in @max_width. */
          pango_layout_get_pixel_extents (layout, &ink, &logical);
          t->x = left + logical.x;
          t->y = y;
          t->w = logical.width;
          t->h = ph;
          t->text = g_strdup (text);
          t->ellipsized = pango_layout_is_ellipsized (layout);
          g_ptr_array_add (ctx->self->texts, t);
        }
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
void
aimak_chart_fill_pattern (Ctx               *ctx,
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

void
aimak_chart_fill_rect (Ctx               *ctx,
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
  aimak_chart_fill_pattern (ctx, color, pattern);
}

/* Line series: dash and marker shape by index. */
void
aimak_chart_set_dash (cairo_t *cr,
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

void
aimak_chart_draw_marker (Ctx           *ctx,
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

void
aimak_chart_draw_swatch (Ctx    *ctx,
                         guint   i,
                         double  x,
                         double  y)
{
  AimakChart *self = ctx->self;
  GdkRGBA color;

  if (ctx->cr == NULL)
    return;
  aimak_chart_series_color (ctx, i, self->kind == AIMAK_CHART_DONUT, &color);
  if (self->kind == AIMAK_CHART_LINE)
    {
      cairo_save (ctx->cr);
      aimak_chart_set_dash (ctx->cr, i);
      gdk_cairo_set_source_rgba (ctx->cr, &color);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_move_to (ctx->cr, x - 4, y + SWATCH / 2);
      cairo_line_to (ctx->cr, x + SWATCH + 4, y + SWATCH / 2);
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);
      aimak_chart_draw_marker (ctx, i, x + SWATCH / 2, y + SWATCH / 2, &color);
    }
  else
    {
      AimakChartPattern p = self->kind == AIMAK_CHART_DONUT ? (AimakChartPattern) (i % 4)
                                                            : aimak_chart_series_pattern (self, i);
      aimak_chart_fill_rect (ctx, x, y, SWATCH, SWATCH, &color, p);
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
  guint n = aimak_chart_legend_count (self);

  if (n < 2 && self->kind != AIMAK_CHART_LINE)
    return 0;
  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      const char *label = aimak_chart_legend_label (self, i);
      double tw, item;

      aimak_chart_text_size (ctx->small, label, 0, &tw, NULL);
      tw = MIN (tw, ctx->width - 2 * PAD - SWATCH - 12);
      item = SWATCH + 10 + tw;
      if (x > PAD && x + item > ctx->width - PAD)
        {
          x = PAD;
          y += row_h + 4;
          h += row_h + 4;
        }
      aimak_chart_draw_swatch (ctx, i, x + 4, y + (row_h - SWATCH) / 2);
      aimak_chart_draw_text (ctx, ctx->small, label, x + SWATCH + 10, y + (row_h - ctx->small_h) / 2, 0,
                 tw + 1, 1, &ctx->fg);
      x += item + 16;
    }
  return h;
}

/* ---- the widget ---- */

void
aimak_chart_ctx_init (Ctx        *ctx,
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
  aimak_chart_scale_font (font, 0.88);
  pango_layout_set_font_description (ctx->small, font);
  pango_font_description_free (font);
  aimak_chart_text_size (ctx->layout, "Ag", 0, NULL, &h);
  ctx->line_h = h;
  aimak_chart_text_size (ctx->small, "Ag", 0, NULL, &h);
  ctx->small_h = h;
  ctx->bar_h = MAX (BAR_H, ceil (h) + 2);
}

/* Scales @font by @factor in the units it has. GTK 4 gives widgets absolute
 * (pixel) sizes that already include the text scale (Large Text): setting the
 * scaled pixel count as points would scale by the text scale a second time (a
 * "small" text 1.17× the body at 1×, 2× at 1.5×). */
void
aimak_chart_scale_font (PangoFontDescription *font,
                        double                factor)
{
  int size = (int) round (pango_font_description_get_size (font) * factor);

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, MAX (size, 9 * PANGO_SCALE));
  else
    pango_font_description_set_size (font, MAX (size, 7 * PANGO_SCALE));
}

void
aimak_chart_ctx_clear (Ctx *ctx)
{
  g_clear_object (&ctx->layout);
  g_clear_object (&ctx->small);
}

double
aimak_chart_title_height (Ctx *ctx)
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
  aimak_chart_text_size (ctx->layout, self->title, ctx->width - 2 * PAD, NULL, &h);
  pango_layout_set_attributes (ctx->layout, NULL);
  pango_attr_list_unref (attrs);
  return h + 8;
}

/* The whole chart; with ctx->cr == NULL only measures. Returns the height used. */
double
aimak_chart_layout (Ctx    *ctx,
                    double  height)
{
  AimakChart *self = ctx->self;
  double y = 2, legend_h, th;

  th = aimak_chart_title_height (ctx);
  if (th > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (ctx->layout, attrs);
      aimak_chart_draw_text (ctx, ctx->layout, self->title, PAD, y, 0, ctx->width - 2 * PAD, 3, &ctx->fg);
      pango_layout_set_attributes (ctx->layout, NULL);
      pango_attr_list_unref (attrs);
      y += th;
    }

  if (!aimak_chart_has_values (self))
    {
      const char *text = self->empty_text ? self->empty_text : _("No data");
      double h = ctx->cr ? MAX (height - y, ctx->line_h) : ctx->line_h * 3;

      aimak_chart_draw_text (ctx, ctx->layout, text, ctx->width / 2, y + (h - ctx->line_h) / 2, 0.5,
                 ctx->width - 2 * PAD, 3, &ctx->dim);
      return y + h;
    }

  if (self->horizontal && self->kind != AIMAK_CHART_LINE && self->kind != AIMAK_CHART_DONUT)
    {
      y += aimak_chart_layout_hbars (ctx, y);
      y += layout_legend (ctx, y) + 4;
      return y;
    }

  if (self->kind == AIMAK_CHART_DONUT)
    {
      double h = aimak_chart_layout_donut (ctx, y, ctx->cr ? height - y - 2 : 0);

      return ctx->cr ? height : y + h + 2;
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
        aimak_chart_draw_line (ctx, y, plot_h);
      else
        aimak_chart_draw_vbars (ctx, y, plot_h);
      layout_legend (ctx, y + plot_h + 8);
    }
  return height;
}

