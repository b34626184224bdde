/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart.h — a small chart widget drawn with Cairo: grouped or stacked
 * bars (vertical or horizontal), a donut, a line. Data are categories and
 * series of values (NaN = no value); the widget draws value labels, a legend
 * with patterns as well as colours (readable without colour), follows the
 * light/dark style, and publishes a text alternative of the numbers as its
 * accessible description. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  AIMAK_CHART_GROUPED_BARS,
  AIMAK_CHART_STACKED_BARS,
  AIMAK_CHART_DONUT,
  AIMAK_CHART_LINE,
} AimakChartKind;

typedef enum
{
  AIMAK_CHART_PATTERN_AUTO = -1,   /* by series index: solid, hatch, dots, cross */
  AIMAK_CHART_PATTERN_SOLID,
  AIMAK_CHART_PATTERN_HATCH,
  AIMAK_CHART_PATTERN_DOTS,
  AIMAK_CHART_PATTERN_CROSS,
} AimakChartPattern;

#define AIMAK_TYPE_CHART (aimak_chart_get_type ())
G_DECLARE_FINAL_TYPE (AimakChart, aimak_chart, AIMAK, CHART, GtkWidget)

void            aimak_chart_set_kind           (AimakChart        *self,
                                                AimakChartKind     kind);
void            aimak_chart_set_title          (AimakChart        *self,
                                                const char        *title);
/* Bars grow to the right, one category per block (good for long names). */
void            aimak_chart_set_horizontal     (AimakChart        *self,
                                                gboolean           horizontal);
/* Each category scaled to its own largest value: for categories in different
 * units (persons next to percent). Only value labels, no shared axis, are drawn. */
void            aimak_chart_set_independent_scales (AimakChart    *self,
                                                    gboolean       independent);
/* Shown instead of the chart while there are no values. */
void            aimak_chart_set_empty_text     (AimakChart        *self,
                                                const char        *text);

/* Removes categories and series. */
void            aimak_chart_clear              (AimakChart        *self);
/* NULL-terminated labels: bar groups, line x positions (e.g. years), donut slices. */
void            aimak_chart_set_categories     (AimakChart        *self,
                                                const char * const *labels);
/* Suffix for every value label ("%", " persons"), or per category (wins). */
void            aimak_chart_set_unit           (AimakChart        *self,
                                                const char        *unit);
void            aimak_chart_set_category_unit  (AimakChart        *self,
                                                guint              category,
                                                const char        *unit);
/* @n_values must equal the number of categories; NaN = no value. Returns the index. */
guint           aimak_chart_add_series         (AimakChart        *self,
                                                const char        *name,
                                                const double      *values,
                                                guint              n_values);
/* The value of @series in @category does not exist at all (men of a women-only
 * indicator): nothing is drawn or described for it, not "no data". */
void            aimak_chart_set_absent         (AimakChart        *self,
                                                guint              series,
                                                guint              category);
/* @color_name: a named colour of the theme (e.g. "blue_4"), NULL for the palette. */
void            aimak_chart_set_series_style   (AimakChart        *self,
                                                guint              series,
                                                const char        *color_name,
                                                AimakChartPattern  pattern);


/* "12 345", "12.3", "0.25" followed by @unit; "—" for NaN. */
char           *aimak_chart_format_value       (double             value,
                                                const char        *unit);

/* Test hooks are in aimak-chart-private.h. */

G_END_DECLS
