/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart-layout.c — what a chart shows, apart from how it is drawn:
 * values, units, patterns, value ranges and axis steps. No Cairo here. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart-private.h"
#include "aimak-numbers.h"

void
aimak_chart_series_free (Series *s)
{
  g_free (s->name);
  g_free (s->color_name);
  g_array_unref (s->values);
  g_clear_pointer (&s->absent, g_array_unref);
  g_free (s);
}

void
aimak_chart_hit_free (Hit *hit)
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

double
aimak_chart_value_at (AimakChart *self,
                      guint       s,
                      guint       c)
{
  Series *series = g_ptr_array_index (self->series, s);

  return c < series->values->len ? g_array_index (series->values, double, c) : NAN;
}

/* A value the category does not have at all (men of a women-only indicator): drawn
 * and described as nothing, not as "no data". */
gboolean
aimak_chart_is_absent (AimakChart *self,
                       guint       s,
                       guint       c)
{
  Series *series = g_ptr_array_index (self->series, s);

  return series->absent && c < series->absent->len &&
         g_array_index (series->absent, gboolean, c);
}

/* "Category — Series: value", or "Category: value" when the series has no name
 * (a single unnamed series). */
char *
aimak_chart_bar_tip (AimakChart *self,
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

const char *
aimak_chart_unit_of (AimakChart *self,
                     guint       c)
{
  const char *u = c < self->category_units->len ? g_ptr_array_index (self->category_units, c)
                                                : NULL;
  return u ? u : (self->unit ? self->unit : "");
}

gboolean
aimak_chart_has_values (AimakChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (!isnan (aimak_chart_value_at (self, s, c)))
        return TRUE;
  return FALSE;
}

AimakChartPattern
aimak_chart_series_pattern (AimakChart *self,
                            guint       s)
{
  Series *series = g_ptr_array_index (self->series, s);

  if (series->pattern != AIMAK_CHART_PATTERN_AUTO)
    return series->pattern;
  return (AimakChartPattern) (s % 4);
}

/* Nice axis step for a range of @max (1, 2, 2.5, 5 × 10^n). */
double
aimak_chart_nice_step (double max,
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

guint
aimak_chart_legend_count (AimakChart *self)
{
  return self->kind == AIMAK_CHART_DONUT ? self->categories->len : self->series->len;
}

const char *
aimak_chart_legend_label (AimakChart *self,
                          guint       i)
{
  if (self->kind == AIMAK_CHART_DONUT)
    return g_ptr_array_index (self->categories, i);
  return ((Series *) g_ptr_array_index (self->series, i))->name;
}


static void
aimak_chart_value_range (AimakChart *self,
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
          double v = aimak_chart_value_at (self, s, c);

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

double
aimak_chart_plot_y (const Plot *p,
                    double      v)
{
  return p->bottom - (v - p->min) / (p->max - p->min) * (p->bottom - p->top);
}


/* The scale of category @c in horizontal bars: the largest value of all
 * categories (@max_all), or with independent scales the category's own
 * largest value (its sum when stacked); never 0. @sum gets the category's
 * sum of positive values. */
double
aimak_chart_category_scale (AimakChart *self,
                            guint       c,
                            double      max_all,
                            double     *sum)
{
  gboolean stacked = self->kind == AIMAK_CHART_STACKED_BARS;
  double max = max_all;

  *sum = 0;
  if (self->independent || stacked)
    {
      max = 0;
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = aimak_chart_value_at (self, s, c);
          if (!isnan (v))
            {
              max = stacked ? max + MAX (v, 0) : MAX (max, v);
              *sum += MAX (v, 0);
            }
        }
      if (stacked && !self->independent)
        max = max_all;
    }
  return max > 0 ? max : 1;
}

/* The length of a bar of @v on a scale of @max over @bar_w pixels; no value
 * and negative values have none. */
double
aimak_chart_bar_length (double v,
                        double max,
                        double bar_w)
{
  return isnan (v) ? 0 : MAX (v, 0) / max * bar_w;
}

/* The axis of @self: from @lo to @hi in steps of @step (nice numbers), so
 * that every value is inside. */
void
aimak_chart_axis_range (AimakChart *self,
                        double     *lo,
                        double     *hi,
                        double     *step)
{
  double min, max;

  aimak_chart_value_range (self, &min, &max);
  *step = aimak_chart_nice_step (max - min, 4);
  *lo = floor (min / *step) * *step;
  *hi = ceil (max / *step) * *step;
  if (*hi <= *lo)
    *hi = *lo + *step;
}

/* Every how many categories a label is drawn, so that labels @widest pixels
 * wide do not collide in slots @slot pixels apart (many years on a line). */
guint
aimak_chart_label_stride (double widest,
                          double slot)
{
  guint every = (guint) ceil ((widest + 8) / MAX (slot, 1));

  return MAX (every, 1);
}
