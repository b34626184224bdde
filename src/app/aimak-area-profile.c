/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile.c — the right-hand side of the Areas view. Parent areas
 * are links; activating one (or a district on the map) emits ::area-activated
 * so the tree follows. Everything below the header is read again from the
 * database on reload(), which every edit, delete, undo and import ends with.
 * The charts, the tables and the editing live in aimak-area-profile-*.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-profile-private.h"
#include "aimak-focus-stop.h"
#include "aimak-key-figure-card.h"
#include "aimak-toast.h"

G_DEFINE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, GTK_TYPE_WIDGET)

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
aimak_area_profile_read_only (AimakAreaProfile *self)
{
  return self->db == NULL || aimak_db_is_read_only (self->db);
}

/* "%" for percent; counts and rates carry their unit in the unit column. */
const char *
aimak_area_profile_value_suffix (const char *unit)
{
  return g_strcmp0 (unit, AIMAK_UNIT_PERCENT) == 0 ? "%" : "";
}

char *
aimak_area_profile_format_number (double      value,
                                  const char *unit)
{
  return aimak_chart_format_value (value, aimak_area_profile_value_suffix (unit));
}

void
aimak_area_profile_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* ---- header ---- */

static void
on_chain_link (GtkButton        *button,
               AimakAreaProfile *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "area-code");

  g_signal_emit (self, signals[AREA_ACTIVATED], 0, code);
}

static void
on_map_area_activated (AimakMap         *map,
                       const char       *code,
                       AimakAreaProfile *self)
{
  if (g_strcmp0 (code, self->code) != 0)
    g_signal_emit (self, signals[AREA_ACTIVATED], 0, code);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text && *text ? text : _("not given"));
}

static void
fill_header (AimakAreaProfile *self,
             GPtrArray        *chain)
{
  const char *lang = aimak_db_get_language (self->db);
  AimakArea *area = g_ptr_array_index (chain, chain->len - 1);
  g_autofree char *subtitle = NULL;

  aimak_area_profile_clear_box (self->chain_box);
  for (guint i = 0; i + 1 < chain->len; i++)
    {
      AimakArea *parent = g_ptr_array_index (chain, i);
      GtkWidget *link = gtk_button_new_with_label (aimak_area_name (parent, lang));
      g_autofree char *tip = g_strdup_printf (_("Show %s"), aimak_area_name (parent, lang));

      gtk_widget_add_css_class (link, "flat");
      gtk_widget_add_css_class (link, "chain-link");
      gtk_widget_set_tooltip_text (link, tip);
      g_object_set_data_full (G_OBJECT (link), "area-code", g_strdup (parent->code), g_free);
      g_signal_connect (link, "clicked", G_CALLBACK (on_chain_link), self);
      if (i > 0)
        gtk_box_append (self->chain_box, gtk_label_new ("›"));
      gtk_box_append (self->chain_box, link);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chain_box), chain->len > 1);

  gtk_label_set_text (self->title_label, aimak_area_name (area, lang));
  if (area->valid_to)
    /* TRANSLATORS: "Ayil aimak · KG02210815000 · former area since 2024-07-01". */
    subtitle = g_strdup_printf (_("%s · %s · former area since %s"),
                                aimak_area_type_label (area->type), area->code, area->valid_to);
  else
    subtitle = g_strdup_printf ("%s · %s", aimak_area_type_label (area->type), area->code);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (self->pilot_badge, area->is_pilot);
  set_subtitle (self->name_en_row, area->name_en);
  /* Level-3 areas have no Russian name: the Kyrgyz one stands in (ky → ru → en). */
  set_subtitle (self->name_ru_row, aimak_area_name (area, "ru"));
  set_subtitle (self->name_ky_row, aimak_area_name (area, "ky"));
  set_subtitle (self->type_row, aimak_area_type_label (area->type));
  set_subtitle (self->code_row, area->code);
  set_subtitle (self->pilot_row, area->is_pilot ? _("Pilot area of the gender and migration "
                                                    "project (2019)")
                                                : _("Not a pilot area"));
}
/* ---- key figure cards ---- */

static void
fill_cards (AimakAreaProfile *self,
            GHashTable       *catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = aimak_indicator_key_figures (self->db, self->code, &error);
  const char * const *keys = aimak_indicator_key_codes ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->key_box))))
    gtk_flow_box_remove (self->key_box, child);
  if (figures == NULL)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint k = 0; keys[k]; k++)
    {
      AimakKeyFigure *found = NULL;

      for (guint i = 0; i < figures->len; i++)
        {
          AimakKeyFigure *f = g_ptr_array_index (figures, i);
          if (g_strcmp0 (f->key, keys[k]) == 0)
            found = f;
        }
      {
        AimakIndicator *ind = g_hash_table_lookup (catalogue, keys[k]);
        const char *full = found ? found->name
                                 : (ind ? aimak_indicator_name (ind, aimak_db_get_language (self->db))
                                        : keys[k]);

        GtkWidget *card = aimak_key_figure_card_new (keys[k], found, full);

        gtk_flow_box_append (self->key_box, card);
        /* The tile is read, not activated: Tab goes to its Add Value… button only. */
        gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
      }
    }
}

const char *
aimak_area_profile_comparison_label (AimakArea  *area,
                                     const char *lang,
                                     char      **owned)
{
  if (g_strcmp0 (area->code, AIMAK_NATIONAL_CODE) == 0)
    return _("Kyrgyz Republic");
  if (g_strcmp0 (area->type, "oblast") == 0)
    *owned = g_strdup_printf (_("Oblast: %s"), aimak_area_name (area, lang));
  else
    *owned = g_strdup_printf (_("%s: %s"), aimak_area_type_label (area->type),
                              aimak_area_name (area, lang));
  return *owned;
}

gboolean
aimak_area_profile_is_key_indicator (GHashTable *catalogue,
                                     const char *code)
{
  AimakIndicator *ind = g_hash_table_lookup (catalogue, code);

  return ind && ind->is_key;
}

void
aimak_area_profile_reload (AimakAreaProfile *self)
{
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) all_rows = NULL;
  g_autoptr(GPtrArray) catalogue_list = NULL;
  g_autoptr(GHashTable) catalogue = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));
  aimak_area_profile_update_actions (self);
  if (self->db == NULL || self->code == NULL ||
      (chain = aimak_area_chain (self->db, self->code, NULL)) == NULL || chain->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      aimak_map_set_selected (self->map, NULL);
      return;
    }

  fill_header (self, chain);
  aimak_area_profile_fill_changes (self);
  aimak_area_priorities_set_area (self->priorities, self->db, self->code);
  aimak_map_set_selected (self->map, self->code);
  catalogue_list = aimak_indicator_catalogue (self->db, &error);
  if (catalogue_list == NULL)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < catalogue_list->len; i++)
    {
      AimakIndicator *ind = g_ptr_array_index (catalogue_list, i);
      g_hash_table_insert (catalogue, ind->code, ind);
    }
  all_rows = aimak_indicator_rows (self->db, self->code, NULL, 0, 0, &error);
  if (all_rows == NULL)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  fill_cards (self, catalogue);
  aimak_area_profile_fill_filter (self, all_rows);
  aimak_area_profile_fill_sex_chart (self, chain, all_rows, catalogue);
  aimak_area_profile_reload_table (self);
  aimak_area_profile_fill_comparison (self, chain, all_rows, catalogue);
  gtk_stack_set_visible_child_name (self->stack, "profile");
}

void
aimak_area_profile_set_area (AimakAreaProfile *self,
                             AimakDb          *db,
                             const char       *code)
{
  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));

  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
      aimak_map_set_db (self->map, db);
    }
  if (g_strcmp0 (self->code, code) != 0)
    {
      g_free (self->code);
      self->code = g_strdup (code);
      /* A new area starts at the top of its table, and of the page. */
      g_list_store_remove_all (self->rows);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  aimak_area_profile_reload (self);
}

static void
on_filter_changed (AimakAreaProfile *self)
{
  guint i;

  if (self->updating_filter)
    return;
  i = gtk_drop_down_get_selected (self->indicator_dropdown);
  g_free (self->filter_code);
  self->filter_code = i > 0 && i <= self->filter_codes->len
                        ? g_strdup (g_ptr_array_index (self->filter_codes, i - 1)) : NULL;
  aimak_area_profile_reload (self);
}

static void
on_indicator_dropdown (GtkDropDown      *dropdown,
                       GParamSpec       *pspec,
                       AimakAreaProfile *self)
{
  on_filter_changed (self);
}

static void
on_years_changed (GtkSpinButton    *spin,
                  AimakAreaProfile *self)
{
  if (self->updating_filter)
    return;
  /* Keep the range the right way round. */
  if (spin == self->year_from &&
      gtk_spin_button_get_value (self->year_from) > gtk_spin_button_get_value (self->year_to))
    gtk_spin_button_set_value (self->year_to, gtk_spin_button_get_value (self->year_from));
  else if (spin == self->year_to &&
           gtk_spin_button_get_value (self->year_to) < gtk_spin_button_get_value (self->year_from))
    gtk_spin_button_set_value (self->year_from, gtk_spin_button_get_value (self->year_to));
  aimak_area_profile_reload (self);
}

void
aimak_area_profile_set_filter (AimakAreaProfile *self,
                               const char       *indicator_code,
                               int               year_from,
                               int               year_to)
{
  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));
  self->updating_filter = TRUE;
  g_free (self->filter_code);
  self->filter_code = g_strdup (indicator_code);
  gtk_spin_button_set_value (self->year_from, year_from > 0 ? year_from : 1990);
  gtk_spin_button_set_value (self->year_to, year_to > 0 ? year_to : 2100);
  self->updating_filter = FALSE;
  aimak_area_profile_reload (self);
}
static AimakAreaProfile *
find_in (GtkWidget *widget)
{
  if (AIMAK_IS_AREA_PROFILE (widget))
    return AIMAK_AREA_PROFILE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AimakAreaProfile *found = find_in (c);
      if (found)
        return found;
    }
  return NULL;
}

AimakAreaProfile *
aimak_area_profile_find (GtkWidget *ancestor)
{
  g_return_val_if_fail (GTK_IS_WIDGET (ancestor), NULL);
  return find_in (ancestor);
}

/* ---- accessors for tests ---- */

GtkListBox *
aimak_area_profile_get_changes (AimakAreaProfile *self)
{
  return self->changes_list;
}

AimakMap *
aimak_area_profile_get_map (AimakAreaProfile *self)
{
  return self->map;
}

AimakChart *
aimak_area_profile_get_sex_chart (AimakAreaProfile *self)
{
  return self->sex_chart;
}

AimakChart *
aimak_area_profile_get_trend_chart (AimakAreaProfile *self)
{
  return self->trend_chart;
}

GListModel *
aimak_area_profile_get_rows (AimakAreaProfile *self)
{
  return G_LIST_MODEL (self->rows);
}

GListModel *
aimak_area_profile_get_comparison (AimakAreaProfile *self)
{
  return G_LIST_MODEL (self->compare_rows);
}

void
aimak_area_profile_select_row (AimakAreaProfile *self,
                               guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
}
/* ---- class ---- */

static void
aimak_area_profile_dispose (GObject *object)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_AREA_PROFILE);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->compare_rows);
  G_OBJECT_CLASS (aimak_area_profile_parent_class)->dispose (object);
}

static void
aimak_area_profile_finalize (GObject *object)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (object);

  g_clear_pointer (&self->filter_codes, g_ptr_array_unref);
  g_free (self->filter_code);
  G_OBJECT_CLASS (aimak_area_profile_parent_class)->finalize (object);
}

static void
aimak_area_profile_class_init (AimakAreaProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_area_profile_dispose;
  object_class->finalize = aimak_area_profile_finalize;
  signals[AREA_ACTIVATED] = g_signal_new ("area-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AIMAK_TYPE_AREA_PRIORITIES);
  g_type_ensure (AIMAK_TYPE_MAP);
  g_type_ensure (AIMAK_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-area-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, stack);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, chain_box);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, pilot_badge);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, scroller);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, priorities);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_ru_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_ky_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, type_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, code_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, pilot_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, key_box);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, map);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, sex_chart);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, year_from);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, year_to);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, table_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, table_empty_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, table_view);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, history_button);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, history_popover);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, history_box);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, trend_card);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, compare_group);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, compare_caption);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, compare_view);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_map_area_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_table_activate",
                                                G_CALLBACK (aimak_area_profile_on_table_activate));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_history_show",
                                                G_CALLBACK (aimak_area_profile_on_history_show));

  aimak_area_profile_class_init_editing (widget_class);
  g_type_ensure (AIMAK_TYPE_FOCUS_STOP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_area_profile_init (AimakAreaProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter_codes = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (AIMAK_TYPE_PROFILE_ITEM);
  self->compare_rows = g_list_store_new (AIMAK_TYPE_PROFILE_ITEM);
  aimak_area_profile_init_tables (self);
  g_signal_connect (self->indicator_dropdown, "notify::selected",
                    G_CALLBACK (on_indicator_dropdown), self);
  g_signal_connect (self->year_from, "value-changed", G_CALLBACK (on_years_changed), self);
  g_signal_connect (self->year_to, "value-changed", G_CALLBACK (on_years_changed), self);

  /* The names, type and code are read, not activated: no Tab stops. */
  {
    AdwActionRow *facts[] = { self->name_en_row, self->name_ru_row, self->name_ky_row,
                              self->type_row, self->code_row, self->pilot_row };

    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (facts[i]), FALSE);
        gtk_widget_set_focusable (GTK_WIDGET (facts[i]), FALSE);
      }
  }
  aimak_area_profile_init_charts (self);
  aimak_area_profile_fill_trend_chart (self, NULL);
  aimak_area_profile_update_actions (self);
}

const AimakIndicatorRow *
aimak_area_profile_item_get_row (gpointer item)
{
  return aimak_profile_item_get_row (item);
}

const char *
aimak_area_profile_item_get_area_label (gpointer item)
{
  return aimak_profile_item_get_area_label (item);
}
