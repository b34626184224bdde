/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-chart.c — grouped/stacked bars, donut and line charts with Cairo.
 * This file: the widget and its API; the drawing is in aimak-chart-*.c
 * (see aimak-chart-private.h). */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart-private.h"
#include "aimak-numbers.h"


G_DEFINE_FINAL_TYPE (AimakChart, aimak_chart, GTK_TYPE_WIDGET)

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
  if (self->kind == AIMAK_CHART_DONUT ||
      (self->horizontal && self->kind != AIMAK_CHART_LINE))
    {
      Ctx ctx = { 0 };
      double h;

      aimak_chart_ctx_init (&ctx, self, NULL, for_size > 0 ? for_size : 420);
      h = aimak_chart_layout (&ctx, 0);
      aimak_chart_ctx_clear (&ctx);
      *minimum = *natural = (int) ceil (h);
      /* A donut's legend is never cut: at least its height, else as before. */
      if (self->kind == AIMAK_CHART_DONUT)
        {
          *minimum = MAX (*minimum, 140);
          *natural = MAX (*natural, 240);
        }
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
  aimak_chart_ctx_init (&ctx, self, cr, width);
  aimak_chart_layout (&ctx, height);
  aimak_chart_ctx_clear (&ctx);
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

/* The setters of the chart's texts: a copy of @text in *@field, then redrawn. */
static void
set_text (AimakChart  *self,
          char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
  changed (self);
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
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_chart_series_free);
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_chart_hit_free);
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
  set_text (self, &self->title, title);
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
  set_text (self, &self->empty_text, text);
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
  set_text (self, &self->unit, unit);
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
  aimak_chart_ctx_init (&ctx, self, NULL, width);
  h = aimak_chart_title_height (&ctx);
  aimak_chart_ctx_clear (&ctx);
  return h;
}

static void
chart_text_free (AimakChartText *t)
{
  g_free (t->text);
  g_free (t);
}

GPtrArray *
aimak_chart_draw_for_test (AimakChart *self,
                           int         width,
                           int        *height)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_text_free);
  cairo_surface_t *surface;
  cairo_t *cr;
  Ctx ctx = { 0 };

  g_return_val_if_fail (AIMAK_IS_CHART (self), texts);
  if (*height <= 0)
    gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, NULL, height, NULL, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, *height);
  cr = cairo_create (surface);
  g_ptr_array_set_size (self->hits, 0);
  self->texts = texts;
  aimak_chart_ctx_init (&ctx, self, cr, width);
  aimak_chart_layout (&ctx, *height);
  aimak_chart_ctx_clear (&ctx);
  self->texts = NULL;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return texts;
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
  return aimak_chart_value_at (self, series, category);
}

char *
aimak_chart_describe (AimakChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (AIMAK_IS_CHART (self), NULL);
  if (self->title && *self->title)
    g_string_append_printf (text, "%s. ", self->title);
  if (!aimak_chart_has_values (self))
    {
      g_string_append (text, self->empty_text ? self->empty_text : _("No data"));
      return g_string_free (text, FALSE);
    }

  if (self->kind == AIMAK_CHART_LINE)
    {
      for (guint s = 0; s < self->series->len; s++)
        {
          gboolean first = TRUE;

          g_string_append_printf (text, "%s: ", aimak_chart_legend_label (self, s));
          for (guint c = 0; c < self->categories->len; c++)
            {
              double v = aimak_chart_value_at (self, s, c);
              g_autofree char *value = NULL;

              if (isnan (v))
                continue;
              value = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
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
        if (!isnan (aimak_chart_value_at (self, 0, c)) && aimak_chart_value_at (self, 0, c) > 0)
          total += aimak_chart_value_at (self, 0, c);
      for (guint c = 0; c < self->categories->len; c++)
        {
          double v = aimak_chart_value_at (self, 0, c);
          g_autofree char *value = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));
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
              double v = aimak_chart_value_at (self, s, c);
              g_autofree char *value = aimak_chart_format_value (v, aimak_chart_unit_of (self, c));

              if (aimak_chart_is_absent (self, s, c))
                continue;
              g_string_append_printf (text, "%s%s %s", s ? ", " : "", aimak_chart_legend_label (self, s),
                                      isnan (v) ? _("no data") : value);
            }
          g_string_append (text, ". ");
        }
    }
  while (text->len && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

