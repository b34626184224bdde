/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-layout.c — the chart's layout apart from its drawing: axis
 * steps and ranges, bar lengths, per-category scales, label strides; and the
 * texts of drawn charts at normal and large text (GNOME's Large Text, a text
 * scale of 1.5: gtk-xft-dpi 144 × 1024): none cut, none on another. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "aimak-chart-private.h"

static void
test_nice_step (void)
{
  g_assert_cmpfloat (aimak_chart_nice_step (4, 4), ==, 1);
  g_assert_cmpfloat (aimak_chart_nice_step (7, 4), ==, 2);
  g_assert_cmpfloat (aimak_chart_nice_step (10, 4), ==, 2.5);
  g_assert_cmpfloat (aimak_chart_nice_step (18, 4), ==, 5);
  g_assert_cmpfloat (aimak_chart_nice_step (30, 4), ==, 10);
  g_assert_cmpfloat (aimak_chart_nice_step (0.4, 4), ==, 0.1);
  /* Nothing to divide: a step of 1, not a division by zero. */
  g_assert_cmpfloat (aimak_chart_nice_step (0, 4), ==, 1);
  g_assert_cmpfloat (aimak_chart_nice_step (NAN, 4), ==, 1);
}

static void
test_bars_and_labels (void)
{
  g_assert_cmpfloat (aimak_chart_bar_length (50, 100, 200), ==, 100);
  g_assert_cmpfloat (aimak_chart_bar_length (NAN, 100, 200), ==, 0);
  g_assert_cmpfloat (aimak_chart_bar_length (-5, 100, 200), ==, 0);
  /* Labels 40 px wide in 20 px slots: every third one. */
  g_assert_cmpuint (aimak_chart_label_stride (40, 20), ==, 3);
  g_assert_cmpuint (aimak_chart_label_stride (10, 100), ==, 1);
  g_assert_cmpuint (aimak_chart_label_stride (10, 0), ==, 18);
}

static void
test_scales (void)
{
  AimakChart *chart = AIMAK_CHART (g_object_ref_sink (aimak_chart_new (AIMAK_CHART_GROUPED_BARS)));
  const char * const cats[] = { "Persons", "Percent", NULL };
  const double women[] = { 1200, 40 }, men[] = { 800, NAN };
  double lo, hi, step, sum;

  aimak_chart_set_categories (chart, cats);
  aimak_chart_add_series (chart, "Women", women, 2);
  aimak_chart_add_series (chart, "Men", men, 2);

  /* One axis for all: from 0 to a nice number above the largest value. */
  aimak_chart_axis_range (chart, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (step, ==, 500);
  g_assert_cmpfloat (hi, ==, 1500);

  /* Shared scale: the largest of all; independent: each category's own. */
  g_assert_cmpfloat (aimak_chart_category_scale (chart, 1, 1200, &sum), ==, 1200);
  aimak_chart_set_independent_scales (chart, TRUE);
  g_assert_cmpfloat (aimak_chart_category_scale (chart, 1, 1200, &sum), ==, 40);
  g_assert_cmpfloat (sum, ==, 40);
  g_assert_cmpfloat (aimak_chart_category_scale (chart, 0, 1200, &sum), ==, 1200);
  g_assert_cmpfloat (sum, ==, 2000);

  /* Stacked with independent scales: the category's sum. */
  aimak_chart_set_kind (chart, AIMAK_CHART_STACKED_BARS);
  g_assert_cmpfloat (aimak_chart_category_scale (chart, 0, 2000, &sum), ==, 2000);
  g_object_unref (chart);
}

/* GTK's text scale: what GNOME's Large Text sets through XSETTINGS (Xft/DPI). */
static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1024 * scale), NULL);
}

static gboolean
boxes_overlap (const AimakChartText *a,
               const AimakChartText *b)
{
  /* A pixel of slack: neighbouring lines of one layout may touch. */
  return a->x + a->w > b->x + 1 && b->x + b->w > a->x + 1 &&
         a->y + a->h > b->y + 1 && b->y + b->h > a->y + 1;
}

/* Every text inside the chart, whole (not ellipsized) unless it is in
 * @may_cut, and clear of every other text. */
static void
assert_texts_fit (GPtrArray          *texts,
                  int                 width,
                  int                 height,
                  const char * const *may_cut)
{
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      AimakChartText *t = g_ptr_array_index (texts, i);

      if (t->ellipsized && !(may_cut && g_strv_contains (may_cut, t->text)))
        g_error ("“%s” is cut at %d px", t->text, width);
      g_assert_cmpfloat (t->x, >=, -0.5);
      if (t->x + t->w > width + 0.5)
        g_error ("“%s” runs out of the chart (%.0f > %d)", t->text, t->x + t->w, width);
      g_assert_cmpfloat (t->y + t->h, <=, height + 0.5);
      for (guint j = i + 1; j < texts->len; j++)
        {
          AimakChartText *u = g_ptr_array_index (texts, j);

          if (boxes_overlap (t, u))
            g_error ("“%s” (%.0f,%.0f %.0f×%.0f) overlaps “%s” (%.0f,%.0f %.0f×%.0f) at %d px",
                     t->text, t->x, t->y, t->w, t->h, u->text, u->x, u->y, u->w, u->h, width);
        }
    }
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (((AimakChartText *) g_ptr_array_index (texts, i))->text, text))
      return TRUE;
  return FALSE;
}

/* The profile's comparison chart: women and men of four indicators, bars
 * across, as wide as its card at 1280 px with the text at 1× and at 1.5×
 * (and narrower). Before: "Women" was cut to "Wo…" and the value labels, taller than
 * the 18 px bars, ran into the next bar's. */
static void
test_comparison (gconstpointer data)
{
  double scale = *(const double *) data;
  AimakChart *chart = AIMAK_CHART (g_object_ref_sink (aimak_chart_new (AIMAK_CHART_GROUPED_BARS)));
  const char * const cats[] = {
    "Proportion of population living below the national poverty line, 2023",
    "Unemployment rate, 2024",
    "Adolescent birth rate (per 1,000 women aged 15-19 years), 2024",
    "Death rate due to road traffic injuries, 2023", NULL };
  const double women[] = { 30.3, 4.6, 13.8, 3 }, men[] = { 31.4, 4.5, NAN, 12.6 };
  const int widths[] = { 500, 380, 300 };

  set_text_scale (scale);
  aimak_chart_set_horizontal (chart, TRUE);
  aimak_chart_set_independent_scales (chart, TRUE);
  aimak_chart_set_title (chart, "Women and men, latest year (4 of 28 indicators)");
  aimak_chart_set_categories (chart, cats);
  aimak_chart_set_category_unit (chart, 0, "%");
  aimak_chart_set_category_unit (chart, 1, "%");
  aimak_chart_add_series (chart, "Women", women, 4);
  aimak_chart_add_series (chart, "Men", men, 4);
  aimak_chart_set_absent (chart, 1, 2);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int height = 0;
      g_autoptr(GPtrArray) texts = aimak_chart_draw_for_test (chart, widths[i], &height);

      assert_texts_fit (texts, widths[i], height, NULL);
      g_assert_true (has_text (texts, "Women"));
      g_assert_true (has_text (texts, "31.4%"));
      g_assert_true (has_text (texts, "12.6"));
    }
  /* Russian names are longer. */
  {
    const char * const ru[] = { "Женщины", "Мужчины" };
    int height = 0;
    g_autoptr(GPtrArray) texts = NULL;

    aimak_chart_clear (chart);
    aimak_chart_set_categories (chart, cats);
    aimak_chart_add_series (chart, ru[0], women, 4);
    aimak_chart_add_series (chart, ru[1], men, 4);
    texts = aimak_chart_draw_for_test (chart, 300, &height);
    assert_texts_fit (texts, 300, height, NULL);
    g_assert_true (has_text (texts, "Женщины"));
  }
  set_text_scale (1);
  g_object_unref (chart);
}

/* The Summary's donuts: every legend entry keeps its count and share, beside
 * the ring or under it, at 1× and 1.5×, in a wide and a narrow card. Before:
 * "1 Significant — 68,236,000 (84%)" was ellipsized to "1 Significant —…". */
static void
test_donut_legend (gconstpointer data)
{
  double scale = *(const double *) data;
  AimakChart *chart = AIMAK_CHART (g_object_ref_sink (aimak_chart_new (AIMAK_CHART_DONUT)));
  const char * const cats[] = { "0 Not targeted", "1 Significant", "2 Principal", NULL };
  const double budget[] = { 11129000, 68236000, 2033000 };
  const int widths[] = { 600, 420, 300 };

  set_text_scale (scale);
  aimak_chart_set_title (chart, "Budget by Gender Marker, KGS");
  aimak_chart_set_categories (chart, cats);
  aimak_chart_add_series (chart, NULL, budget, 3);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int height = 0;
      g_autoptr(GPtrArray) texts = aimak_chart_draw_for_test (chart, widths[i], &height);

      assert_texts_fit (texts, widths[i], height, NULL);
      g_assert_true (has_text (texts, "68,236,000 (84%)"));
      g_assert_true (has_text (texts, "11,129,000 (14%)"));
      g_assert_true (has_text (texts, "2,033,000 (2%)"));
      g_assert_true (has_text (texts, "81,398,000"));
    }
  set_text_scale (1);
  g_object_unref (chart);
}

/* Years on a line: at 1.5× the value labels of neighbouring years would
 * overlap; every so many are drawn, the latest always. */
static void
test_line_labels (gconstpointer data)
{
  double scale = *(const double *) data;
  AimakChart *chart = AIMAK_CHART (g_object_ref_sink (aimak_chart_new (AIMAK_CHART_LINE)));
  const char * const years[] = { "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023",
                                 "2024", NULL };
  const double w[] = { 31.2, 30.8, 29.9, 30.1, 33.4, 32.6, 31.8, 30.3, 29.7 };
  const double m[] = { 32.0, 31.5, 30.2, 31.0, 34.1, 33.0, 32.5, 31.4, 30.6 };
  int height = 240;
  g_autoptr(GPtrArray) texts = NULL;

  set_text_scale (scale);
  aimak_chart_set_title (chart, "Trend: Poverty rate (%)");
  aimak_chart_set_categories (chart, years);
  aimak_chart_set_unit (chart, "%");
  aimak_chart_add_series (chart, "Women", w, 9);
  aimak_chart_add_series (chart, "Men", m, 9);
  texts = aimak_chart_draw_for_test (chart, 380, &height);
  assert_texts_fit (texts, 380, height, NULL);
  g_assert_true (has_text (texts, "29.7%"));
  set_text_scale (1);
  g_object_unref (chart);
}

/* The "small" chart text is smaller than the body text at every scale (it
 * was 1.17× the body at 1× and 2× at 1.5×: a pixel size set as points). */
static void
test_small_text (gconstpointer data)
{
  double scale = *(const double *) data;
  AimakChart *chart = AIMAK_CHART (g_object_ref_sink (aimak_chart_new (AIMAK_CHART_GROUPED_BARS)));
  GtkWidget *label;
  const char * const cats[] = { "Persons", NULL };
  const double v[] = { 12 };
  int body_h, height = 0;
  g_autoptr(GPtrArray) texts = NULL;

  set_text_scale (scale);
  label = g_object_ref_sink (gtk_label_new ("Women"));
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &body_h, NULL, NULL);
  aimak_chart_set_horizontal (chart, TRUE);
  aimak_chart_set_categories (chart, cats);
  aimak_chart_add_series (chart, "Women", v, 1);
  aimak_chart_add_series (chart, "Men", v, 1);
  texts = aimak_chart_draw_for_test (chart, 400, &height);
  for (guint i = 0; i < texts->len; i++)
    {
      AimakChartText *t = g_ptr_array_index (texts, i);

      if (g_str_equal (t->text, "Women"))
        g_assert_cmpfloat (t->h, <, body_h);
      if (g_str_equal (t->text, "Persons"))
        g_assert_cmpfloat (fabs (t->h - body_h), <=, 1);
    }
  /* Large text is larger. */
  if (scale > 1)
    g_assert_cmpint (body_h, >=, 24);
  set_text_scale (1);
  g_object_unref (label);
  g_object_unref (chart);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/chart-layout/nice-step", test_nice_step);
  g_test_add_func ("/chart-layout/bars-and-labels", test_bars_and_labels);
  g_test_add_func ("/chart-layout/scales", test_scales);
  {
    static const double normal = 1, large = 1.5;

    g_test_add_data_func ("/chart-layout/comparison-1x", &normal, test_comparison);
    g_test_add_data_func ("/chart-layout/comparison-1.5x", &large, test_comparison);
    g_test_add_data_func ("/chart-layout/donut-legend-1x", &normal, test_donut_legend);
    g_test_add_data_func ("/chart-layout/donut-legend-1.5x", &large, test_donut_legend);
    g_test_add_data_func ("/chart-layout/line-labels-1x", &normal, test_line_labels);
    g_test_add_data_func ("/chart-layout/line-labels-1.5x", &large, test_line_labels);
    g_test_add_data_func ("/chart-layout/small-text-1x", &normal, test_small_text);
    g_test_add_data_func ("/chart-layout/small-text-1.5x", &large, test_small_text);
  }
  return g_test_run ();
}
