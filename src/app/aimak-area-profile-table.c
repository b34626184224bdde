/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile-table.c — the profile's value table (filtered by
 * indicator and years) and the comparison table (the oblast's and the
 * country's latest values). */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "aimak-area-profile-private.h"
#include "aimak-column-view.h"
#include "aimak-toast.h"

typedef enum
{
  COL_AREA,
  COL_INDICATOR,
  COL_YEAR,
  COL_WOMEN,
  COL_MEN,
  COL_TOTAL,
  COL_UNIT,
  COL_SOURCE,
} Column;


static char *
column_text (AimakProfileItem *item,
             Column            column)
{
  AimakIndicatorRow *r = aimak_profile_item_get_row (item);
  double v;

  switch (column)
    {
    case COL_AREA:
      return g_strdup (aimak_profile_item_get_area_label (item)
                       ? aimak_profile_item_get_area_label (item) : "");
    case COL_INDICATOR: return g_strdup (r->name);
    case COL_YEAR: return g_strdup_printf ("%d", r->year);
    case COL_UNIT: return g_strdup (aimak_indicator_unit_label (r->unit));
    case COL_SOURCE: return g_strdup (aimak_indicator_source_label (r->source,
                                                                    aimak_lang_current ()));
    case COL_WOMEN: v = r->women; break;
    case COL_MEN: v = r->men; break;
    case COL_TOTAL: v = r->total; break;
    default: return g_strdup ("");
    }
  /* Without a split by sex only the total is shown; a missing part of a
   * split indicator says so with a dash, unless the indicator has no such
   * part at all (no men's value of a women-only indicator). */
  if (isnan (v))
    {
      char sex = column == COL_WOMEN ? 'F' : 'M';
      const char *sexes = aimak_profile_item_get_sexes (item);
      gboolean exists = sexes == NULL || *sexes == '\0' ||
                        strchr (sexes, sex) != NULL;
      return g_strdup (column != COL_TOTAL && r->by_sex && exists ? "—" : "");
    }
  return aimak_area_profile_format_number (v, r->unit);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  gboolean numeric = column == COL_YEAR || column == COL_WOMEN || column == COL_MEN ||
                     column == COL_TOTAL;

  gtk_list_item_set_child (list_item, aimak_column_view_label_new (numeric ? 1 : 0, !numeric,
                                                                   numeric ? "numeric" : NULL));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AimakProfileItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = column_text (item, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COL_SOURCE || column == COL_INDICATOR ||
                                      column == COL_AREA ? text : NULL);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            int            width)
{
  aimak_column_view_append (view, title, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell),
                            column, width);
}

static void
add_value_columns (GtkColumnView *view)
{
  add_column (view, _("Indicator"), COL_INDICATOR, -1);
  add_column (view, _("Year"), COL_YEAR, 60);
  add_column (view, _("Women"), COL_WOMEN, 84);
  add_column (view, _("Men"), COL_MEN, 84);
  add_column (view, _("Total"), COL_TOTAL, 92);
  add_column (view, _("Unit"), COL_UNIT, 100);
  add_column (view, _("Source"), COL_SOURCE, 170);
}

/* The tables sit inside the page's own scrolling, so each gets a height
 * that fits its rows, up to @max; beyond that it scrolls. */
static void
fit_table_height (GtkColumnView *view,
                  guint          n_rows,
                  int            max)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (view));

  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                MIN (38 + (int) n_rows * 34, max));
}

AimakIndicatorRow *
aimak_area_profile_selected_row (AimakAreaProfile *self)
{
  AimakProfileItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? aimak_profile_item_get_row (item) : NULL;
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      AimakAreaProfile   *self)
{
  aimak_area_profile_fill_trend_chart (self, aimak_area_profile_selected_row (self));
  aimak_area_profile_update_actions (self);
}

/* The oblast's and the country's latest values of the key indicators and of
 * the indicators this area has (or of the filtered one). */
void
aimak_area_profile_fill_comparison (AimakAreaProfile *self,
                                    GPtrArray        *chain,
                                    GPtrArray        *all_rows,
                                    GHashTable       *catalogue)
{
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sexes_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             g_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(AimakArea) national = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  const char *lang = aimak_db_get_language (self->db);
  AimakArea *area = g_ptr_array_index (chain, chain->len - 1);
  int from = gtk_spin_button_get_value_as_int (self->year_from);
  int to = gtk_spin_button_get_value_as_int (self->year_to);

  g_list_store_remove_all (self->compare_rows);
  for (guint i = 0; i < all_rows->len; i++)
    g_hash_table_add (own, ((AimakIndicatorRow *) g_ptr_array_index (all_rows, i))->indicator_code);
  if (area->level >= 2)
    g_ptr_array_add (others, g_ptr_array_index (chain, 0));
  if (area->level >= 1)
    {
      national = aimak_area_get (self->db, AIMAK_NATIONAL_CODE, NULL);
      if (national)
        g_ptr_array_add (others, national);
    }

  for (guint a = 0; a < others->len; a++)
    {
      AimakArea *other = g_ptr_array_index (others, a);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *owned = NULL;
      const char *label = aimak_area_profile_comparison_label (other, lang, &owned);

      rows = aimak_indicator_rows (self->db, other->code, self->filter_code, from, to, NULL);
      if (rows == NULL)
        continue;
      if (names->len)
        g_string_append (names, _(", "));
      g_string_append (names, label);
      g_ptr_array_set_free_func (rows, NULL);
      for (guint i = 0; i < rows->len; i++)
        {
          AimakIndicatorRow *r = g_ptr_array_index (rows, i);
          g_autoptr(AimakProfileItem) item = NULL;
          int latest = GPOINTER_TO_INT (g_hash_table_lookup (done, r->indicator_code));

          /* Newest year first per indicator: keep the rows of the first year seen. */
          if ((latest && latest != r->year) ||
              (self->filter_code == NULL && !g_hash_table_contains (own, r->indicator_code) &&
               !aimak_area_profile_is_key_indicator (catalogue, r->indicator_code)))
            {
              aimak_indicator_row_free (r);
              continue;
            }
          g_hash_table_insert (done, r->indicator_code, GINT_TO_POINTER (r->year));
          item = aimak_profile_item_new (r, label, self->db, sexes_cache);
          g_list_store_append (self->compare_rows, item);
        }
    }

  gtk_widget_set_visible (self->compare_group, others->len > 0);
  fit_table_height (self->compare_view,
                    g_list_model_get_n_items (G_LIST_MODEL (self->compare_rows)), 300);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->compare_rows)) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No values of %s to compare with."), names->str);
      gtk_label_set_text (self->compare_caption, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The latest year of the key indicators and of "
                                                 "those this area has, for: %s."), names->str);
      gtk_label_set_text (self->compare_caption, text);
    }
}

/* The dropdown lists the indicators the area has. */
void
aimak_area_profile_fill_filter (AimakAreaProfile *self,
                                GPtrArray        *all_rows)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint selected = 0;

  self->updating_filter = TRUE;
  g_ptr_array_set_size (self->filter_codes, 0);
  gtk_string_list_append (list, _("All indicators"));
  for (guint i = 0; i < all_rows->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (all_rows, i);

      if (g_hash_table_contains (seen, r->indicator_code))
        continue;
      g_hash_table_add (seen, r->indicator_code);
      g_ptr_array_add (self->filter_codes, g_strdup (r->indicator_code));
      gtk_string_list_append (list, r->name);
      if (g_strcmp0 (r->indicator_code, self->filter_code) == 0)
        selected = self->filter_codes->len;
    }
  if (selected == 0)
    g_clear_pointer (&self->filter_code, g_free);
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->indicator_dropdown, selected);
  self->updating_filter = FALSE;
}

void
aimak_area_profile_reload_table (AimakAreaProfile *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int from = gtk_spin_button_get_value_as_int (self->year_from);
  int to = gtk_spin_button_get_value_as_int (self->year_to);
  AimakIndicatorRow *old = aimak_area_profile_selected_row (self);
  g_autofree char *keep_code = old ? g_strdup (old->indicator_code) : NULL;
  int keep_year = old ? old->year : 0;
  guint select = GTK_INVALID_LIST_POSITION;
  g_autoptr(GHashTable) sexes_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             g_free);

  g_list_store_remove_all (self->rows);
  if (self->db == NULL || self->code == NULL)
    return;
  rows = aimak_indicator_rows (self->db, self->code, self->filter_code, from, to, &error);
  if (rows == NULL)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (rows, i);
      g_autoptr(AimakProfileItem) item = aimak_profile_item_new (r, NULL, self->db, sexes_cache);

      if (select == GTK_INVALID_LIST_POSITION && g_strcmp0 (r->indicator_code, keep_code) == 0 &&
          (r->year == keep_year || keep_year == 0))
        select = i;
      g_list_store_append (self->rows, item);
    }
  if (rows->len > 0)
    gtk_single_selection_set_selected (self->selection, select != GTK_INVALID_LIST_POSITION
                                                        ? select : 0);
  /* The hidden page would still be measured, as one line of text beside the
   * table's height: wider than a narrow window. */
  gtk_widget_set_visible (GTK_WIDGET (self->table_empty_label), rows->len == 0);
  gtk_stack_set_visible_child_name (self->table_stack, rows->len ? "table" : "empty");
  fit_table_height (self->table_view, rows->len, 320);
  gtk_widget_set_visible (self->trend_card, rows->len > 0);
  gtk_label_set_text (self->table_empty_label,
                      self->filter_code || from > 1990 || to < 2100
                        ? _("No values match the filter.")
                        : _("No indicator values for this area yet. Add one, or import a CSV file."));
  aimak_area_profile_fill_trend_chart (self, aimak_area_profile_selected_row (self));
  aimak_area_profile_update_actions (self);
}
void
aimak_area_profile_init_tables (AimakAreaProfile *self)
{
  GtkEventController *shortcuts;

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (self->selection));
  add_value_columns (self->table_view);

  {
    g_autoptr(GtkNoSelection) none =
      gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->compare_rows)));
    gtk_column_view_set_model (self->compare_view, GTK_SELECTION_MODEL (none));
  }
  gtk_drop_down_set_expression (self->indicator_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  add_column (self->compare_view, _("Area"), COL_AREA, 140);
  add_value_columns (self->compare_view);

  /* Delete deletes the selected row only while the table has the focus, so
   * that the key keeps deleting text in the filter's entries. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("profile.delete-value")));
  gtk_widget_add_controller (GTK_WIDGET (self->table_view), shortcuts);

}
