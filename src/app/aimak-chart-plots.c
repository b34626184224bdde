/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart-plots.c — the plots: horizontal bars, vertical bars on an
 * axis, lines, and the donut. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart-private.h"
#include "aimak-numbers.h"

/* ---- horizontal bars ---- */

/* The widths of the series names (grouped bars) and of the widest value
 * label, and the largest value (or stacked sum) of all categories. */
static void
hbars_measure (Ctx    *ctx,
               double *name_w_out,
               double *value_w_out,
               double *max_all_out)
{
  AimakChart *self = ctx->self;
  gboolean stacked = self->kind == AIMAK_CHART_STACKED_BARS;
  double name_w = 0, value_w = 0, max_all = 0;

  /* Series names beside their bars, whole: where the widest would take more
   * than two fifths of the width (large text, long words), every name goes on
   * its own line above its bar instead (name_w < 0). */
  for (guint s = 0; s < self->series->len && !stacked; s++)
    {
      double w;
      aimak_chart_text_size (ctx->small, aimak_chart_legend_label (self, s), 0, &w, NULL);
      name_w = MAX (name_w, ceil (w));
    }
  if (name_w > 0)
    name_w = name_w + 8 <= ctx->width * 0.4 ? name_w + 8 : -1;
  for (guint c = 0; c < self->categories->len; c++)
    {
      double sum = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = aimak_chart_value_at (self, s, c), w;
          g_autofree char *label = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));

          if (!isnan (v))
            sum += MAX (v, 0);
          if (!stacked && !aimak_chart_is_absent (self, s, c))
            {
              aimak_chart_text_size (ctx->small, isnan (v) ? _("no data") : label, 0, &w, NULL);
              value_w = MAX (value_w, w);
              max_all = MAX (max_all, isnan (v) ? 0 : v);
            }
        }
      if (stacked)
        {
          g_autofree char *label = aimak_chart_format_value (sum, aimak_chart_unit_of (self, c));
          double w;

          aimak_chart_text_size (ctx->small, label, 0, &w, NULL);
          value_w = MAX (value_w, w);
          max_all = MAX (max_all, sum);
        }
    }
  *name_w_out = name_w;
  *value_w_out = value_w;
  *max_all_out = max_all;
}

/* A stacked segment's value goes inside the segment only if it fits there. */
static void
draw_segment_label (Ctx        *ctx,
                    const char *label,
                    double      x,
                    double      y,
                    double      len)
{
  GdkRGBA back = ctx->bg;
  double lw, tx, ty;

  aimak_chart_text_size (ctx->small, label, 0, &lw, NULL);
  if (lw + 6 >= len || ctx->cr == NULL)
    return;
  tx = x + (len - lw) / 2 - 2;
  ty = y + (ctx->bar_h - ctx->small_h) / 2;
  back.alpha = 0.85;
  gdk_cairo_set_source_rgba (ctx->cr, &back);
  cairo_rectangle (ctx->cr, tx, ty, lw + 4, ctx->small_h);
  cairo_fill (ctx->cr);
  aimak_chart_draw_text (ctx, ctx->small, label, tx + 2, ty, 0, 0, 1, &ctx->fg);
}

double
aimak_chart_layout_hbars (Ctx    *ctx,
                          double  y)
{
  AimakChart *self = ctx->self;
  gboolean stacked = self->kind == AIMAK_CHART_STACKED_BARS;
  double name_w, value_w, max_all, x0, bar_w, start = y;

  hbars_measure (ctx, &name_w, &value_w, &max_all);
  value_w += 8;
  x0 = PAD + MAX (name_w, 0);
  bar_w = MAX (ctx->width - PAD - value_w - x0, 20);

  for (guint c = 0; c < self->categories->len; c++)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      const char *unit = aimak_chart_unit_of (self, c);
      double sum, acc = 0;
      double max = aimak_chart_category_scale (self, c, max_all, &sum);

      y += aimak_chart_draw_text (ctx, ctx->layout, cat, PAD, y, 0, ctx->width - 2 * PAD, 3, &ctx->fg) + 3;
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = aimak_chart_value_at (self, s, c), len;
          GdkRGBA color;
          g_autofree char *label = aimak_chart_format_value (v, unit);
          g_autofree char *tip = aimak_chart_bar_tip (self, cat, s, isnan (v) ? _("no data") : label);

          if (aimak_chart_is_absent (self, s, c))
            continue;
          aimak_chart_series_color (ctx, s, FALSE, &color);
          len = aimak_chart_bar_length (v, max, bar_w);
          if (stacked)
            {
              aimak_chart_fill_rect (ctx, x0 + acc, y, len, ctx->bar_h, &color,
                                     aimak_chart_series_pattern (self, s));
              aimak_chart_add_hit (ctx, x0 + acc, y, len, ctx->bar_h, tip);
              if (!isnan (v))
                draw_segment_label (ctx, label, x0 + acc, y, len);
              acc += len;
              continue;
            }
          if (name_w > 0)
            aimak_chart_draw_text (ctx, ctx->small, aimak_chart_legend_label (self, s), PAD,
                                   y + (ctx->bar_h - ctx->small_h) / 2, 0, 0, 1, &ctx->dim);
          else if (name_w < 0)
            y += aimak_chart_draw_text (ctx, ctx->small, aimak_chart_legend_label (self, s), PAD, y,
                                        0, ctx->width - 2 * PAD, 2, &ctx->dim) + 1;
          aimak_chart_fill_rect (ctx, x0, y, len, ctx->bar_h, &color, aimak_chart_series_pattern (self, s));
          aimak_chart_add_hit (ctx, x0, y, MAX (len, 4), ctx->bar_h, tip);
          aimak_chart_draw_text (ctx, ctx->small, isnan (v) ? _("no data") : label, x0 + len + 4,
                     y + (ctx->bar_h - ctx->small_h) / 2, 0, 0, 1, isnan (v) ? &ctx->dim : &ctx->fg);
          y += ctx->bar_h + BAR_GAP;
        }
      if (stacked)
        {
          g_autofree char *total = aimak_chart_format_value (sum, unit);
          aimak_chart_draw_text (ctx, ctx->small, total, x0 + acc + 4, y + (ctx->bar_h - ctx->small_h) / 2,
                     0, 0, 1, &ctx->fg);
          y += ctx->bar_h + BAR_GAP;
        }
      y += GROUP_GAP;
    }
  return y - start;
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
  double step, tick_w = 0, cat_w;
  guint n = self->categories->len, every = 1;

  aimak_chart_axis_range (self, &p->min, &p->max, &step);
  for (double t = p->min; t <= p->max + step / 2; t += step)
    {
      g_autofree char *label = aimak_chart_format_value (t, NULL);
      double w;

      aimak_chart_text_size (ctx->small, label, 0, &w, NULL);
      tick_w = MAX (tick_w, w);
    }
  p->left = PAD + tick_w + 6;
  p->right = ctx->width - PAD - (self->kind == AIMAK_CHART_LINE ? 24 : 0);
  p->top = y + ctx->small_h + 4;
  /* Category labels start below the lowest tick label, which is centred on the
   * bottom line and would otherwise touch the first category's. */
  p->bottom = y + height - label_lines * ctx->small_h - ctx->small_h / 2 - 4;
  if (p->bottom < p->top + 20)
    p->bottom = p->top + 20;
  if (ctx->cr == NULL)
    return;

  for (double t = p->min; t <= p->max + step / 2; t += step)
    {
      g_autofree char *label = aimak_chart_format_value (t, NULL);
      double ty = aimak_chart_plot_y (p, t);

      gdk_cairo_set_source_rgba (ctx->cr, fabs (t) < step / 2 ? &ctx->dim : &ctx->grid);
      cairo_set_line_width (ctx->cr, 1);
      cairo_move_to (ctx->cr, p->left, round (ty) + 0.5);
      cairo_line_to (ctx->cr, p->right, round (ty) + 0.5);
      cairo_stroke (ctx->cr);
      aimak_chart_draw_text (ctx, ctx->small, label, p->left - 6, ty - ctx->small_h / 2, 1, 0, 1, &ctx->dim);
    }

  /* Category labels: skip some when they would collide (many years). */
  cat_w = n ? (p->right - p->left) / n : 0;
  if (self->kind == AIMAK_CHART_LINE && n > 1)
    {
      double widest = 0;
      for (guint c = 0; c < n; c++)
        {
          double w;
          aimak_chart_text_size (ctx->small, g_ptr_array_index (self->categories, c), 0, &w, NULL);
          widest = MAX (widest, w);
        }
      cat_w = (p->right - p->left) / (n - 1);
      every = aimak_chart_label_stride (widest, cat_w);
    }
  for (guint c = 0; c < n; c += every)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      double cx = self->kind == AIMAK_CHART_LINE
        ? (n > 1 ? p->left + c * cat_w : (p->left + p->right) / 2)
        : p->left + (c + 0.5) * cat_w;
      double max_w = self->kind == AIMAK_CHART_LINE ? cat_w * every : cat_w - 4;

      aimak_chart_draw_text (ctx, ctx->small, cat, cx, p->bottom + ctx->small_h / 2 + 2, 0.5, MAX (max_w, 24), label_lines,
                 &ctx->fg);
    }
}

void
aimak_chart_draw_vbars (Ctx    *ctx,
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
      const char *unit = aimak_chart_unit_of (self, c);
      double gx = p.left + c * cat_w + (cat_w - (stacked ? bar_w : bar_w * ns)) / 2;
      double acc = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = aimak_chart_value_at (self, s, c), top, bottom, x, lw;
          GdkRGBA color;
          g_autofree char *label = aimak_chart_format_value (v, unit);
          g_autofree char *tip = aimak_chart_bar_tip (self, cat, s, isnan (v) ? _("no data") : label);

          if (isnan (v))
            continue;
          aimak_chart_series_color (ctx, s, FALSE, &color);
          x = stacked ? gx : gx + s * bar_w;
          bottom = aimak_chart_plot_y (&p, stacked ? acc : MIN (v, 0));
          top = aimak_chart_plot_y (&p, stacked ? acc + MAX (v, 0) : MAX (v, 0));
          aimak_chart_fill_rect (ctx, x + 1, top, bar_w - 2, bottom - top, &color, aimak_chart_series_pattern (self, s));
          aimak_chart_add_hit (ctx, x, top, bar_w, MAX (bottom - top, 4), tip);
          aimak_chart_text_size (ctx->small, label, 0, &lw, NULL);
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
                  aimak_chart_draw_text (ctx, ctx->small, label, x + bar_w / 2, ty, 0.5, 0, 1, &ctx->fg);
                }
              acc += MAX (v, 0);
            }
          else if (lw <= bar_w + 6 || ns == 1)
            aimak_chart_draw_text (ctx, ctx->small, label, x + bar_w / 2, top - ctx->small_h - 1, 0.5, 0, 1,
                       &ctx->fg);
        }
      if (stacked && self->series->len > 1)
        {
          g_autofree char *total = aimak_chart_format_value (acc, unit);
          aimak_chart_draw_text (ctx, ctx->small, total, gx + bar_w / 2, aimak_chart_plot_y (&p, acc) - ctx->small_h - 1,
                     0.5, 0, 1, &ctx->fg);
        }
    }
}

void
aimak_chart_draw_line (Ctx    *ctx,
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
  /* Value labels every so many points, counted back from the latest, so that
   * labels as wide as the widest do not run into each other (large text). */
  {
    double widest = 0;

    for (guint s = 0; s < self->series->len; s++)
      for (guint c = 0; c < n; c++)
        {
          double v = aimak_chart_value_at (self, s, c), w;
          g_autofree char *label = NULL;

          if (isnan (v))
            continue;
          label = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
          aimak_chart_text_size (ctx->small, label, 0, &w, NULL);
          widest = MAX (widest, w);
        }
    label_every = n > 1 ? aimak_chart_label_stride (widest, step) : 1;
  }

  for (guint s = 0; s < self->series->len; s++)
    {
      GdkRGBA color;
      gboolean pen = FALSE;
      guint last = G_MAXUINT, first = G_MAXUINT;

      aimak_chart_series_color (ctx, s, FALSE, &color);
      cairo_save (ctx->cr);
      aimak_chart_set_dash (ctx->cr, s);
      gdk_cairo_set_source_rgba (ctx->cr, &color);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < n; c++)
        {
          double v = aimak_chart_value_at (self, s, c);
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
            cairo_line_to (ctx->cr, x, aimak_chart_plot_y (&p, v));
          else
            cairo_move_to (ctx->cr, x, aimak_chart_plot_y (&p, v));
          pen = TRUE;
        }
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);

      for (guint c = 0; c < n; c++)
        {
          double v = aimak_chart_value_at (self, s, c);
          double x = n > 1 ? p.left + c * step : (p.left + p.right) / 2, py;
          g_autofree char *label = NULL;
          g_autofree char *tip = NULL;
          gboolean above = TRUE;

          if (isnan (v))
            continue;
          py = aimak_chart_plot_y (&p, v);
          label = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
          if (*aimak_chart_legend_label (self, s) == '\0')
            tip = g_strdup_printf ("%s: %s", (char *) g_ptr_array_index (self->categories, c),
                                   label);
          else
            tip = g_strdup_printf ("%s, %s: %s", aimak_chart_legend_label (self, s),
                                   (char *) g_ptr_array_index (self->categories, c), label);
          aimak_chart_draw_marker (ctx, s, x, py, &color);
          aimak_chart_add_hit (ctx, x - 6, py - 6, 12, 12, tip);
          if ((last - c) % label_every != 0)
            continue;
          /* The highest series at a point labels above, the others below,
           * so labels of close values do not sit on each other. */
          for (guint o = 0; o < self->series->len; o++)
            if (o != s && !isnan (aimak_chart_value_at (self, o, c)) &&
                (aimak_chart_value_at (self, o, c) > v || (aimak_chart_value_at (self, o, c) == v && o < s)))
              above = FALSE;
          /* The end labels lean inwards, clear of the axis and the edge. */
          aimak_chart_draw_text (ctx, ctx->small, label, x, above ? py - ctx->small_h - 4 : py + 5,
                     n > 1 && c == 0 ? 0.1 : n > 1 && c == n - 1 ? 0.9 : 0.5, 0, 1, &ctx->fg);
        }
    }
}

/* The ring of the donut around (@cx, @cy), its slices and the total in its hole. */
static void
donut_ring (Ctx    *ctx,
            double  total,
            double  cx,
            double  cy,
            double  r)
{
  AimakChart *self = ctx->self;
  double angle = -G_PI / 2;
  g_autofree char *total_label = NULL;

  for (guint c = 0; c < self->categories->len && total > 0; c++)
    {
      double v = aimak_chart_value_at (self, 0, c), sweep;
      GdkRGBA color;
      const char *cat = g_ptr_array_index (self->categories, c);
      g_autofree char *label = NULL;
      g_autofree char *tip = NULL, *share = NULL;

      if (isnan (v) || v <= 0)
        continue;
      sweep = v / total * 2 * G_PI;
      aimak_chart_series_color (ctx, c, TRUE, &color);
      for (int pass = 0; pass < 2; pass++)
        {
          cairo_new_path (ctx->cr);
          cairo_arc (ctx->cr, cx, cy, r, angle, angle + sweep);
          cairo_arc_negative (ctx->cr, cx, cy, r * 0.58, angle + sweep, angle);
          cairo_close_path (ctx->cr);
          if (pass == 0)
            {
              aimak_chart_fill_pattern (ctx, &color, (AimakChartPattern) (c % 4));
              continue;
            }
          /* Slices are separated by a gap in the background colour. */
          gdk_cairo_set_source_rgba (ctx->cr, &ctx->bg);
          cairo_set_line_width (ctx->cr, 1.5);
          cairo_stroke (ctx->cr);
        }
      label = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
      tip = g_strdup_printf ("%s: %s (%s)", cat, label, share = aimak_numbers_format_percent (v / total * 100, 0));
      aimak_chart_add_hit (ctx, cx + cos (angle + sweep / 2) * r * 0.79 - 10,
               cy + sin (angle + sweep / 2) * r * 0.79 - 10, 20, 20, tip);
      angle += sweep;
    }
  total_label = aimak_chart_format_value (total, self->unit);
  {
    /* The figure is the point of the hole: bold and larger than the word under it,
     * shrunk (never ellipsized) only as far as the hole needs, and never below the
     * word's size. */
    PangoLayout *big = pango_layout_copy (ctx->small);
    PangoFontDescription *base = pango_font_description_copy (
      pango_layout_get_font_description (ctx->small) ? pango_layout_get_font_description (ctx->small)
      : pango_context_get_font_description (pango_layout_get_context (ctx->small)));
    double hole = r * 0.58 * 2 - 8, tw, th, wh;

    for (double scale = 1.6; ; scale -= 0.1)
      {
        PangoFontDescription *font = pango_font_description_copy (base);

        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
        aimak_chart_scale_font (font, scale);
        pango_layout_set_font_description (big, font);
        pango_font_description_free (font);
        aimak_chart_text_size (big, total_label, 0, &tw, &th);
        if (tw <= hole || scale <= 1.05)
          break;
      }
    aimak_chart_text_size (ctx->small, _("Total"), 0, NULL, &wh);
    aimak_chart_draw_text (ctx, big, total_label, cx, cy - (th + wh) / 2, 0.5, 0, 1, &ctx->fg);
    aimak_chart_draw_text (ctx, ctx->small, _("Total"), cx, cy - (th + wh) / 2 + th, 0.5, r * 1.1, 1,
               &ctx->dim);
    self->donut_total_h = th;
    self->donut_word_h = wh;
    pango_font_description_free (base);
    g_object_unref (big);
  }
}

/* The figure of slice @c in the legend: "value (share)", or "no data". */
static char *
donut_figure (AimakChart *self,
              guint       c,
              double      total)
{
  double v = aimak_chart_value_at (self, 0, c);
  g_autofree char *value = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
  g_autofree char *share = NULL;

  if (isnan (v))
    return g_strdup (_("no data"));
  share = aimak_numbers_format_percent (total > 0 ? MAX (v, 0) / total * 100 : 0, 0);
  return g_strdup_printf ("%s (%s)", value, share);
}

/* The donut's legend from (@x, @y) in @width: per slice a swatch, its name and its
 * figure, never cut: "name — figure" on one line when it fits, else the name (up
 * to two lines) and the figure on a line of its own. Returns its height. */
static double
donut_legend (Ctx    *ctx,
              double  total,
              double  x,
              double  y,
              double  width)
{
  AimakChart *self = ctx->self;
  double start = y, text_x = x + SWATCH + 6, text_w = MAX (width - SWATCH - 6, 1);

  for (guint c = 0; c < self->categories->len; c++)
    {
      const char *cat = g_ptr_array_index (self->categories, c);
      g_autofree char *figure = donut_figure (self, c, total);
      g_autofree char *line = g_strdup_printf ("%s — %s", cat, figure);
      double w;

      if (c > 0)
        y += 6;
      if (ctx->cr)
        aimak_chart_draw_swatch (ctx, c, x, y + (ctx->small_h - SWATCH) / 2);
      aimak_chart_text_size (ctx->small, line, 0, &w, NULL);
      if (w <= text_w)
        {
          y += aimak_chart_draw_text (ctx, ctx->small, line, text_x, y, 0, 0, 1, &ctx->fg);
          continue;
        }
      y += aimak_chart_draw_text (ctx, ctx->small, cat, text_x, y, 0, text_w, 2, &ctx->fg);
      y += aimak_chart_draw_text (ctx, ctx->small, figure, text_x, y, 0, 0, 1, &ctx->fg);
    }
  return y - start;
}

/* The widest legend figure: the legend beside the ring needs at least that. */
static double
donut_widest_figure (Ctx    *ctx,
                     double  total)
{
  double widest = 0;

  for (guint c = 0; c < ctx->self->categories->len; c++)
    {
      g_autofree char *figure = donut_figure (ctx->self, c, total);
      double w;

      aimak_chart_text_size (ctx->small, figure, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The donut from @y: the ring with its legend beside it or, where the legend
 * would be too narrow there (large text, a narrow card), under it. With
 * @height <= 0 only measures; returns the height it takes (with a @height,
 * at most that when the ring can shrink far enough). */
double
aimak_chart_layout_donut (Ctx    *ctx,
                          double  y,
                          double  height)
{
  AimakChart *self = ctx->self;
  double total = 0, r, legend_w, legend_h, need, figure_w;
  gboolean beside;
  Ctx measure = *ctx;

  measure.cr = NULL;
  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = aimak_chart_value_at (self, 0, c);
      if (!isnan (v) && v > 0)
        total += v;
    }
  figure_w = donut_widest_figure (ctx, total);
  r = MAX (MIN (height > 0 ? height : 232, ctx->width * 0.45) / 2 - 4, 20);
  beside = ctx->width - (PAD + 2 * (r + 4) + 16) - PAD >= SWATCH + 6 + MAX (figure_w, 6 * ctx->small_h);
  for (;;)
    {
      legend_w = beside ? ctx->width - (PAD + 2 * (r + 4) + 16) - PAD : ctx->width - 2 * PAD;
      legend_h = donut_legend (&measure, total, 0, 0, legend_w);
      need = beside ? MAX (2 * r + 8, legend_h) : 2 * r + 8 + 8 + legend_h;
      if (height <= 0 || need <= height || r <= 20)
        break;
      r = MAX (beside ? r - 4 : (height - legend_h - 16) / 2, 20);
    }
  if (ctx->cr == NULL)
    return need;
  if (beside)
    {
      double cy = y + MAX (height, need) / 2;

      donut_ring (ctx, total, PAD + r + 4, cy, r);
      donut_legend (ctx, total, PAD + 2 * (r + 4) + 16, MAX (cy - legend_h / 2, y), legend_w);
    }
  else
    {
      donut_ring (ctx, total, ctx->width / 2, y + r + 4, r);
      donut_legend (ctx, total, PAD, y + 2 * r + 16, legend_w);
    }
  return need;
}
