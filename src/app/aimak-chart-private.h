/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart-private.h — the chart's instance and the parts of its drawing:
 * aimak-chart-layout.c (what to draw: values, ranges, steps, labels; no
 * Cairo), aimak-chart-draw.c (text, patterns, markers, the legend and the
 * whole chart), aimak-chart-plots.c (horizontal bars, vertical bars with
 * their axis, lines, the donut). One layout routine both measures and draws
 * (cr == NULL measures), so the height asked for horizontal bars always
 * matches what is drawn. */
#pragma once

#include "aimak-chart.h"

G_BEGIN_DECLS

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
  GPtrArray      *texts;           /* AimakChartText *, recorded while drawing for tests, or NULL */
};

/* A text as drawn: its box, and whether Pango had to ellipsize it. */
typedef struct
{
  double    x, y, w, h;
  char     *text;
  gboolean  ellipsized;
} AimakChartText;

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
  double       bar_h;       /* a bar: never lower than the small text beside it */
} Ctx;

typedef struct
{
  double left, top, right, bottom;   /* plot rectangle */
  double min, max;
} Plot;

void aimak_chart_series_free (Series *s);
void aimak_chart_hit_free (Hit *hit);

/* aimak-chart-layout.c */
double aimak_chart_value_at (AimakChart *self, guint s, guint c);
gboolean aimak_chart_is_absent (AimakChart *self, guint s, guint c);
char * aimak_chart_bar_tip (AimakChart *self, const char *cat, guint s, const char *value);
const char * aimak_chart_unit_of (AimakChart *self, guint c);
gboolean aimak_chart_has_values (AimakChart *self);
AimakChartPattern aimak_chart_series_pattern (AimakChart *self, guint s);
double aimak_chart_nice_step (double max, int ticks);
guint aimak_chart_legend_count (AimakChart *self);
const char * aimak_chart_legend_label (AimakChart *self, guint i);
double aimak_chart_plot_y (const Plot *p, double v);
double aimak_chart_category_scale (AimakChart *self, guint c, double max_all, double *sum);
double aimak_chart_bar_length (double v, double max, double bar_w);
void aimak_chart_axis_range (AimakChart *self, double *lo, double *hi, double *step);
guint aimak_chart_label_stride (double widest, double slot);

/* aimak-chart-draw.c */
void aimak_chart_series_color (Ctx *ctx, guint index, gboolean by_category, GdkRGBA *rgba);
void aimak_chart_add_hit (Ctx *ctx, double x, double y, double w, double h, const char *text);
void aimak_chart_text_size (PangoLayout *layout, const char *text, double max_width, double *w, double *h);
double aimak_chart_draw_text (Ctx *ctx, PangoLayout *layout, const char *text, double x, double y, double align, double max_width, int lines, const GdkRGBA *color);
void aimak_chart_fill_pattern (Ctx *ctx, const GdkRGBA *color, AimakChartPattern pattern);
void aimak_chart_fill_rect (Ctx *ctx, double x, double y, double w, double h, const GdkRGBA *color, AimakChartPattern pattern);
void aimak_chart_set_dash (cairo_t *cr, guint s);
void aimak_chart_draw_marker (Ctx *ctx, guint s, double x, double y, const GdkRGBA *color);
void aimak_chart_draw_swatch (Ctx *ctx, guint i, double x, double y);
void aimak_chart_scale_font (PangoFontDescription *font, double factor);
void aimak_chart_ctx_init (Ctx *ctx, AimakChart *self, cairo_t *cr, double width);
void aimak_chart_ctx_clear (Ctx *ctx);
double aimak_chart_title_height (Ctx *ctx);
double aimak_chart_layout (Ctx *ctx, double height);

/* aimak-chart-plots.c */
double aimak_chart_layout_hbars (Ctx *ctx, double y);
void aimak_chart_draw_vbars (Ctx *ctx, double y, double height);
void aimak_chart_draw_line (Ctx *ctx, double y, double height);
double aimak_chart_layout_donut (Ctx *ctx, double y, double height);

/* For tests. */
/* Draws @self at @width × @height (with @height 0: the height it asks for at that
 * width, returned in @height) and returns every text drawn, as AimakChartText. */
GPtrArray      *aimak_chart_draw_for_test      (AimakChart        *self,
                                                int                width,
                                                int               *height);
GtkWidget      *aimak_chart_new                (AimakChartKind     kind);
AimakChartKind  aimak_chart_get_kind           (AimakChart        *self);
const char     *aimak_chart_get_title          (AimakChart        *self);
/* The height the title takes at @width (bold, wrapped as drawn). */
double          aimak_chart_get_title_height   (AimakChart        *self,
                                                double             width);
/* The tooltip texts of the last draw, in drawing order. */
char          **aimak_chart_dup_tooltips       (AimakChart        *self);
/* Pixel heights of the donut's total and of the word "Total" under it, at the last
 * draw (0 before). */
void            aimak_chart_get_donut_label_heights (AimakChart   *self,
                                                     double       *total,
                                                     double       *word);
guint           aimak_chart_get_n_categories   (AimakChart        *self);
const char     *aimak_chart_get_category       (AimakChart        *self,
                                                guint              category);
guint           aimak_chart_get_n_series       (AimakChart        *self);
const char     *aimak_chart_get_series_name    (AimakChart        *self,
                                                guint              series);
double          aimak_chart_get_value          (AimakChart        *self,
                                                guint              series,
                                                guint              category);
/* The text alternative: title, then every value with its series and category. */
char           *aimak_chart_describe           (AimakChart        *self);

G_END_DECLS
