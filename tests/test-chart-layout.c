/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-layout.c — the chart's layout apart from its drawing: axis
 * steps and ranges, bar lengths, per-category scales, label strides. */
#include "config.h"

#include <math.h>
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

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/chart-layout/nice-step", test_nice_step);
  g_test_add_func ("/chart-layout/bars-and-labels", test_bars_and_labels);
  g_test_add_func ("/chart-layout/scales", test_scales);
  return g_test_run ();
}
