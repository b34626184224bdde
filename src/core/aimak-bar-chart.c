/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-bar-chart.c — see the header. One scale for all bars (one indicator, one
 * unit); the category labels (years) on the left, a legend above. */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "aimak-bar-chart.h"
#include "aimak-page-flow.h"

#define TEXT_SIZE  8.0
#define BAR_H      9.5
#define BAR_GAP    2.0
#define GROUP_GAP  5.0
#define LEGEND_H   22.0

struct _AimakBarChart
{
  char    *women_label;
  char    *men_label;
  guint    n;
  char   **labels;
  double  *women;
  double  *men;
  char   **women_text;
  char   **men_text;
  double   width;
};

AimakBarChart *
aimak_bar_chart_new (const char         *women_label,
                     const char         *men_label,
                     const AimakFlowBar *bars,
                     guint               n_bars,
                     double              width)
{
  AimakBarChart *chart = g_new0 (AimakBarChart, 1);

  chart->women_label = g_strdup (women_label ? women_label : "");
  chart->men_label = g_strdup (men_label ? men_label : "");
  chart->n = n_bars;
  chart->labels = g_new0 (char *, n_bars + 1);
  chart->women_text = g_new0 (char *, n_bars + 1);
  chart->men_text = g_new0 (char *, n_bars + 1);
  chart->women = g_new0 (double, n_bars);
  chart->men = g_new0 (double, n_bars);
  chart->width = width;
  for (guint i = 0; i < n_bars; i++)
    {
      chart->labels[i] = g_strdup (bars[i].label ? bars[i].label : "");
      chart->women_text[i] = g_strdup (bars[i].women_text ? bars[i].women_text : "");
      chart->men_text[i] = g_strdup (bars[i].men_text ? bars[i].men_text : "");
      chart->women[i] = bars[i].women;
      chart->men[i] = bars[i].men;
    }
  return chart;
}

void
aimak_bar_chart_free (AimakBarChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->women_label);
  g_free (chart->men_label);
  g_strfreev (chart->labels);
  g_strfreev (chart->women_text);
  g_strfreev (chart->men_text);
  g_free (chart->women);
  g_free (chart->men);
  g_free (chart);
}

double
aimak_bar_chart_get_height (const AimakBarChart *chart)
{
  return LEGEND_H + chart->n * (2 * BAR_H + BAR_GAP + GROUP_GAP);
}

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* Solid for women, hatched for men. */
static void
fill_bar (cairo_t  *cr,
          double    x,
          double    y,
          double    w,
          double    h,
          gboolean  men)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  if (men)
    cairo_set_source_rgb (cr, 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0);
  cairo_fill_preserve (cr);
  if (men)
    {
      cairo_clip (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
      cairo_set_line_width (cr, 1.2);
      for (double d = x - h; d < x + w; d += 4.5)
        {
          cairo_move_to (cr, d, y + h);
          cairo_line_to (cr, d + h, y);
        }
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           double      *w,
           double      *h)
{
  int pw, ph;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w)
    *w = pw;
  if (h)
    *h = ph;
}

/* Shows @text with its left edge at @x, centred on @mid vertically. */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       mid)
{
  double h;

  text_size (layout, text, NULL, &h);
  cairo_move_to (cr, x, mid - h / 2);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
chart_layout (PangoContext *context)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (AIMAK_PAGE_FONT);

  pango_font_description_set_size (font, (int) (TEXT_SIZE * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
draw_legend (const AimakBarChart *chart,
             cairo_t             *cr,
             PangoLayout         *text,
             double               left,
             double               top)
{
  double w;

  fill_bar (cr, left, top + 2, 10, 10, FALSE);
  set_grey (cr, 0);
  show_text (cr, text, chart->women_label, left + 14, top + 7);
  text_size (text, chart->women_label, &w, NULL);
  left += 14 + w + 16;
  fill_bar (cr, left, top + 2, 10, 10, TRUE);
  set_grey (cr, 0);
  show_text (cr, text, chart->men_label, left + 14, top + 7);
}

void
aimak_bar_chart_draw (const AimakBarChart *chart,
                      cairo_t             *cr,
                      PangoContext        *context,
                      double               left,
                      double               top)
{
  g_autoptr(PangoLayout) text = chart_layout (context);
  double label_w = 0, value_w = 0, max = 0, x0, span, y, w;

  for (guint i = 0; i < chart->n; i++)
    {
      text_size (text, chart->labels[i], &w, NULL);
      label_w = MAX (label_w, w);
      text_size (text, chart->women_text[i], &w, NULL);
      value_w = MAX (value_w, w);
      text_size (text, chart->men_text[i], &w, NULL);
      value_w = MAX (value_w, w);
      if (!isnan (chart->women[i]))
        max = MAX (max, chart->women[i]);
      if (!isnan (chart->men[i]))
        max = MAX (max, chart->men[i]);
    }
  label_w = MIN (label_w, chart->width / 4);
  if (max <= 0)
    max = 1;
  x0 = left + label_w + 8;
  span = MAX (chart->width - label_w - 8 - value_w - 8, 20);

  cairo_save (cr);
  draw_legend (chart, cr, text, left, top);
  y = top + LEGEND_H;
  for (guint i = 0; i < chart->n; i++)
    {
      const double values[2] = { chart->women[i], chart->men[i] };
      const char *texts[2] = { chart->women_text[i], chart->men_text[i] };

      set_grey (cr, 0);
      show_text (cr, text, chart->labels[i], left, y + BAR_H + BAR_GAP / 2);
      for (guint s = 0; s < 2; s++)
        {
          double by = y + s * (BAR_H + BAR_GAP), len;

          if (isnan (values[s]))
            {
              /* No bar at all: a missing figure is not a zero. */
              set_grey (cr, 0.4);
              show_text (cr, text, texts[s], x0 + 4, by + BAR_H / 2);
              continue;
            }
          len = MAX (values[s], 0) / max * span;
          fill_bar (cr, x0, by, len, BAR_H, s == 1);
          set_grey (cr, 0);
          show_text (cr, text, texts[s], x0 + len + 4, by + BAR_H / 2);
        }
      y += 2 * BAR_H + BAR_GAP + GROUP_GAP;
    }
  set_grey (cr, 0.3);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x0, top + LEGEND_H - 4);
  cairo_line_to (cr, x0, y - GROUP_GAP + 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}
