/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile-charts.c — the profile's two charts: women and men in
 * the latest year (of the area, or else of its oblast or the country), and
 * the trend of the selected table row. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "aimak-area-profile-private.h"
#include "aimak-key-figure-card.h"
#include "aimak-toast.h"


/* Women vs men for the latest year of each sex-split indicator the area has;
 * key indicators first, at most four so that the chart stays readable. */
static gboolean
fill_sex_chart (AimakAreaProfile *self,
                GPtrArray        *all_rows,
                GHashTable       *catalogue,
                const char       *other_label)
{
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) women = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) men = g_array_new (FALSE, FALSE, sizeof (double));
  guint available = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < all_rows->len; i++)
      {
        AimakIndicatorRow *r = g_ptr_array_index (all_rows, i);

        AimakIndicatorRow *first;

        if (!r->by_sex || (isnan (r->women) && isnan (r->men)))
          continue;
        /* Rows are newest first: the first one is the latest year. Another source of
         * that year replaces it only by the rule of aimak_indicator_series(), so the
         * chart shows the same source as the trend and the cards. */
        first = g_hash_table_lookup (seen, r->indicator_code);
        if (first)
          {
            guint at;
            if (first->year == r->year && aimak_indicator_row_preferred (r, first) &&
                g_ptr_array_find (picked, first, &at))
              {
                picked->pdata[at] = r;
                g_hash_table_insert (seen, r->indicator_code, r);
              }
            continue;
          }
        if ((pass == 0) != aimak_area_profile_is_key_indicator (catalogue, r->indicator_code))
          continue;
        g_hash_table_insert (seen, r->indicator_code, r);
        available++;
        if (picked->len < 4)
          g_ptr_array_add (picked, r);
      }

  if (other_label && picked->len == 0)
    return FALSE;
  aimak_chart_clear (self->sex_chart);
  if (other_label)
    {
      /* Clearly someone else's figures: the area itself has none by sex. */
      g_autofree char *title =
        g_strdup_printf (_("No values by sex for this area. For comparison, %s, latest year"),
                         other_label);
      aimak_chart_set_title (self->sex_chart, title);
    }
  else if (available > picked->len)
    {
      g_autofree char *title = g_strdup_printf (_("Women and men, latest year (%u of %u indicators)"),
                                                picked->len, available);
      aimak_chart_set_title (self->sex_chart, title);
    }
  else
    aimak_chart_set_title (self->sex_chart, _("Women and men, latest year"));
  for (guint i = 0; i < picked->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (picked, i);
      if (r->n_differing > 0)
        {
          g_autofree char *differ = aimak_key_figure_card_differ_text (r->n_differing);
          g_ptr_array_add (labels, g_strdup_printf ("%s, %d (%s)", r->name, r->year, differ));
        }
      else
        g_ptr_array_add (labels, g_strdup_printf ("%s, %d", r->name, r->year));
      g_array_append_val (women, r->women);
      g_array_append_val (men, r->men);
    }
  g_ptr_array_add (labels, NULL);
  aimak_chart_set_categories (self->sex_chart, (const char * const *) labels->pdata);
  for (guint i = 0; i < picked->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (picked, i);
      aimak_chart_set_category_unit (self->sex_chart, i, aimak_area_profile_value_suffix (r->unit));
    }
  if (picked->len > 0)
    {
      aimak_chart_add_series (self->sex_chart, aimak_indicator_sex_label ('F'),
                              (double *) women->data, women->len);
      aimak_chart_add_series (self->sex_chart, aimak_indicator_sex_label ('M'),
                              (double *) men->data, men->len);
      aimak_chart_set_series_style (self->sex_chart, 0, "orange_4", AIMAK_CHART_PATTERN_SOLID);
      aimak_chart_set_series_style (self->sex_chart, 1, "blue_4", AIMAK_CHART_PATTERN_HATCH);
      /* Only the sexes an indicator has: a women-only indicator (adolescent births,
       * maternal deaths) has no men's value to be missing. */
      for (guint i = 0; i < picked->len; i++)
        {
          AimakIndicatorRow *r = g_ptr_array_index (picked, i);
          g_autofree char *sexes = aimak_indicator_sexes (self->db, r->indicator_code);

          if (*sexes && !strchr (sexes, 'F'))
            aimak_chart_set_absent (self->sex_chart, 0, i);
          if (*sexes && !strchr (sexes, 'M'))
            aimak_chart_set_absent (self->sex_chart, 1, i);
        }
    }
  return picked->len > 0;
}

/* An area without values by sex shows its oblast's, or else the country's. */
void
aimak_area_profile_fill_sex_chart (AimakAreaProfile *self,
                                   GPtrArray        *chain,
                                   GPtrArray        *all_rows,
                                   GHashTable       *catalogue)
{
  AimakArea *area = g_ptr_array_index (chain, chain->len - 1);
  const char *lang = aimak_db_get_language (self->db);
  g_autoptr(AimakArea) national = NULL;
  AimakArea *others[2] = { NULL, NULL };

  if (fill_sex_chart (self, all_rows, catalogue, NULL))
    return;
  if (area->level >= 2)
    others[0] = g_ptr_array_index (chain, 0);
  if (area->level >= 1 && (national = aimak_area_get (self->db, AIMAK_NATIONAL_CODE, NULL)))
    others[others[0] ? 1 : 0] = national;
  for (guint i = 0; i < G_N_ELEMENTS (others) && others[i]; i++)
    {
      g_autoptr(GPtrArray) rows = aimak_indicator_rows (self->db, others[i]->code, NULL, 0, 0,
                                                        NULL);
      g_autofree char *owned = NULL;
      const char *label = aimak_area_profile_comparison_label (others[i], lang, &owned);

      if (rows && fill_sex_chart (self, rows, catalogue, label))
        return;
    }
}

void
aimak_area_profile_fill_trend_chart (AimakAreaProfile        *self,
                                     const AimakIndicatorRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  /* A line each for women, men and the total, when any year has a value. */
  static const struct { char sex; const char *color; } lines[3] = {
    { 'F', "orange_4" }, { 'M', "blue_4" }, { 'T', "purple_3" },
  };
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean has[3] = { FALSE };
  g_autofree char *title = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    g_ptr_array_add (values, g_array_new (FALSE, FALSE, sizeof (double)));
  aimak_chart_clear (self->trend_chart);
  if (row == NULL || self->db == NULL)
    {
      aimak_chart_set_title (self->trend_chart, _("Trend"));
      aimak_chart_set_empty_text (self->trend_chart,
                                  _("Select an indicator in the table to see its trend"));
      return;
    }
  series = aimak_indicator_series (self->db, self->code, row->indicator_code, &error);
  if (series == NULL)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  title = g_strdup_printf (_("Trend: %s (%s)"), row->name, aimak_indicator_unit_label (row->unit));
  {
    guint most = 0;

    for (guint i = 0; i < series->len; i++)
      most = MAX (most, ((AimakIndicatorRow *) g_ptr_array_index (series, i))->n_differing);
    if (most > 0)
      {
        g_autofree char *differ = aimak_key_figure_card_differ_text (most);
        char *with = g_strdup_printf ("%s · %s", title, differ);
        g_free (title);
        title = with;
      }
  }
  aimak_chart_set_title (self->trend_chart, title);
  aimak_chart_set_empty_text (self->trend_chart, _("No values over the years"));
  for (guint i = 0; i < series->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (series, i);

      double year_values[3] = { r->women, r->men, r->total };

      g_ptr_array_add (years, g_strdup_printf ("%d", r->year));
      for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
        {
          g_array_append_val (g_ptr_array_index (values, l), year_values[l]);
          has[l] |= !isnan (year_values[l]);
        }
    }
  g_ptr_array_add (years, NULL);
  aimak_chart_set_categories (self->trend_chart, (const char * const *) years->pdata);
  aimak_chart_set_unit (self->trend_chart, aimak_area_profile_value_suffix (row->unit));
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      GArray *line = g_ptr_array_index (values, l);

      if (has[l])
        aimak_chart_set_series_style (self->trend_chart,
                                      aimak_chart_add_series (self->trend_chart,
                                                              aimak_indicator_sex_label (lines[l].sex),
                                                              (double *) line->data, line->len),
                                      lines[l].color, AIMAK_CHART_PATTERN_AUTO);
    }
}
void
aimak_area_profile_init_charts (AimakAreaProfile *self)
{
  aimak_chart_set_kind (self->sex_chart, AIMAK_CHART_GROUPED_BARS);
  aimak_chart_set_horizontal (self->sex_chart, TRUE);
  aimak_chart_set_independent_scales (self->sex_chart, TRUE);
  aimak_chart_set_title (self->sex_chart, _("Women and men, latest year"));
  aimak_chart_set_empty_text (self->sex_chart, _("No values by sex for this area yet"));
  aimak_chart_set_kind (self->trend_chart, AIMAK_CHART_LINE);
}
