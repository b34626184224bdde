/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-bar-chart.h — the women-vs-men bar chart of the programme document, drawn
 * with Cairo and Pango for print: horizontal bars, women solid and men hatched (they
 * read apart in grey print), the value written at each bar and "no data" written
 * where a value is missing, never a bar of 0. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* One category of the chart: women's and men's value, NaN = no data. */
typedef struct
{
  const char *label;
  double      women;
  double      men;
  const char *women_text;   /* the formatted value, or the translated "no data" */
  const char *men_text;
} AimakFlowBar;

typedef struct _AimakBarChart AimakBarChart;

AimakBarChart *aimak_bar_chart_new        (const char         *women_label,
                                           const char         *men_label,
                                           const AimakFlowBar *bars,
                                           guint               n_bars,
                                           double              width);
void           aimak_bar_chart_free       (AimakBarChart      *chart);
double         aimak_bar_chart_get_height (const AimakBarChart *chart);
/* Draws the chart at (@left, @top), its texts laid out in @context. */
void           aimak_bar_chart_draw       (const AimakBarChart *chart,
                                           cairo_t            *cr,
                                           PangoContext       *context,
                                           double              left,
                                           double              top);

G_END_DECLS
