/* aimak-area-profile.c — the right-hand side of the Areas view. Parent areas
 * are links; activating one (or a district on the map) emits ::area-activated
 * so the tree follows. Everything below the header is read again from the
 * database on reload(), which every edit, delete, undo and import ends with. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-area-priorities.h"
#include "aimak-area-profile.h"
#include "aimak-import-dialog.h"
#include "aimak-value-dialog.h"
#include "aimak-window.h"

/* ---- row items of the two tables ---- */

#define AIMAK_TYPE_PROFILE_ITEM (aimak_profile_item_get_type ())
G_DECLARE_FINAL_TYPE (AimakProfileItem, aimak_profile_item, AIMAK, PROFILE_ITEM, GObject)

struct _AimakProfileItem
{
  GObject            parent_instance;
  AimakIndicatorRow *row;
  char              *area_label;
  char              *sexes;        /* aimak_indicator_sexes() of the row's indicator */
};

G_DEFINE_FINAL_TYPE (AimakProfileItem, aimak_profile_item, G_TYPE_OBJECT)

static void
aimak_profile_item_finalize (GObject *object)
{
  AimakProfileItem *self = AIMAK_PROFILE_ITEM (object);

  g_clear_pointer (&self->row, aimak_indicator_row_free);
  g_free (self->sexes);
  g_free (self->area_label);
  G_OBJECT_CLASS (aimak_profile_item_parent_class)->finalize (object);
}

static void
aimak_profile_item_class_init (AimakProfileItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aimak_profile_item_finalize;
}

static void
aimak_profile_item_init (AimakProfileItem *self)
{
}

/* Takes @row. */
static AimakProfileItem *
profile_item_new (AimakIndicatorRow *row,
                  const char        *area_label,
                  AimakDb           *db,
                  GHashTable        *sexes_cache)
{
  AimakProfileItem *item = g_object_new (AIMAK_TYPE_PROFILE_ITEM, NULL);
  const char *sexes = g_hash_table_lookup (sexes_cache, row->indicator_code);

  if (sexes == NULL)
    {
      sexes = aimak_indicator_sexes (db, row->indicator_code);
      g_hash_table_insert (sexes_cache, g_strdup (row->indicator_code), (char *) sexes);
    }
  item->row = row;
  item->area_label = g_strdup (area_label);
  item->sexes = g_strdup (sexes);
  return item;
}

const AimakIndicatorRow *
aimak_area_profile_item_get_row (gpointer item)
{
  g_return_val_if_fail (AIMAK_IS_PROFILE_ITEM (item), NULL);
  return AIMAK_PROFILE_ITEM (item)->row;
}

const char *
aimak_area_profile_item_get_area_label (gpointer item)
{
  g_return_val_if_fail (AIMAK_IS_PROFILE_ITEM (item), NULL);
  return AIMAK_PROFILE_ITEM (item)->area_label;
}

/* ---- the profile ---- */

struct _AimakAreaProfile
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  AimakAreaPriorities *priorities;
  GtkBox             *chain_box;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkWidget          *pilot_badge;
  AdwActionRow       *name_en_row;
  AdwActionRow       *name_ru_row;
  AdwActionRow       *name_ky_row;
  AdwActionRow       *type_row;
  AdwActionRow       *code_row;
  AdwActionRow       *pilot_row;
  GtkFlowBox         *key_box;
  AimakMap           *map;
  AimakChart         *sex_chart;
  AimakChart         *trend_chart;
  GtkDropDown        *indicator_dropdown;
  GtkSpinButton      *year_from;
  GtkSpinButton      *year_to;
  GtkStack           *table_stack;
  GtkLabel           *table_empty_label;
  GtkColumnView      *table_view;
  GtkWidget          *history_button;
  GtkPopover         *history_popover;
  GtkBox             *history_box;
  GtkWidget          *trend_card;
  GtkWidget          *compare_group;
  GtkLabel           *compare_caption;
  GtkColumnView      *compare_view;

  /* Owned references */
  AimakDb            *db;
  char               *code;
  GListStore         *rows;
  GtkSingleSelection *selection;
  GListStore         *compare_rows;
  GPtrArray          *filter_codes;    /* char *, parallel to the dropdown after "All" */
  char               *filter_code;     /* NULL = all indicators */
  gboolean            updating_filter;
};

G_DEFINE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, GTK_TYPE_WIDGET)

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

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

static void reload_table (AimakAreaProfile *self);
static void update_actions (AimakAreaProfile *self);

static gboolean
read_only (AimakAreaProfile *self)
{
  return self->db == NULL || aimak_db_is_read_only (self->db);
}

static void
show_toast (AimakAreaProfile *self,
            AdwToast         *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (AIMAK_IS_WINDOW (root))
    aimak_window_add_toast (AIMAK_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (AimakAreaProfile *self,
            const GError     *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  show_toast (self, toast);
}

static GtkWindow *
parent_window (AimakAreaProfile *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* "%" for percent; counts and rates carry their unit in the unit column. */
static const char *
value_suffix (const char *unit)
{
  return g_strcmp0 (unit, AIMAK_UNIT_PERCENT) == 0 ? "%" : "";
}

static char *
format_number (double      value,
               const char *unit)
{
  return aimak_chart_format_value (value, value_suffix (unit));
}

static void
clear_box (GtkBox *box)
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

  clear_box (self->chain_box);
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

/* "1 other source differs": beside a figure chosen among sources that disagree
 * (the rule is aimak_indicator_series()'s). */
static char *
sources_differ_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other source differs",
                                       "%u other sources differ", n), n);
}

static GtkWidget *
figure_line (const char *label,
             const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *l = gtk_label_new (label);
  GtkWidget *v = gtk_label_new (value);

  gtk_widget_add_css_class (l, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_set_hexpand (l, TRUE);
  gtk_widget_add_css_class (v, "key-figure-value");
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_label_set_selectable (GTK_LABEL (v), TRUE);
  gtk_box_append (GTK_BOX (box), l);
  gtk_box_append (GTK_BOX (box), v);
  return box;
}

/* Short card titles; the indicator's full name is the tooltip. */
static const char *
card_title (const char           *key,
            const AimakKeyFigure *figure)
{
  if (g_strcmp0 (key, "POP") == 0)
    return _("Population");
  if (g_strcmp0 (key, "MIGR_ABROAD") == 0)
    /* The census figure of residents away for work stands in when
     * "abroad" is not published; the title must not claim more. */
    return figure && g_strcmp0 (figure->indicator_code, key) != 0 ? _("Away in labour migration")
                                                                  : _("Labour migrants abroad");
  if (g_strcmp0 (key, "RETURNEES") == 0)
    return _("Returned migrants");
  if (g_strcmp0 (key, "SI_POV_NAHC") == 0)
    return _("Poverty rate");
  if (g_strcmp0 (key, "SL_TLF_UEM") == 0)
    return _("Unemployment rate");
  return figure ? figure->name : key;
}

static GtkWidget *
key_card (AimakAreaProfile     *self,
          const char           *key,
          const AimakKeyFigure *figure,
          GHashTable           *catalogue)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title;
  AimakIndicator *ind = g_hash_table_lookup (catalogue, key);
  const char *full = figure ? figure->name
                            : (ind ? aimak_indicator_name (ind, aimak_db_get_language (self->db))
                                   : key);
  const char *name = card_title (key, figure);
  g_autoptr(GString) a11y = g_string_new (name);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "key-figure");
  title = gtk_label_new (name);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Long indicator names wrap instead of widening the card, so that five
   * cards fit on a line. */
  gtk_label_set_width_chars (GTK_LABEL (title), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 15);
  gtk_widget_set_tooltip_text (title, full);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (card), title);

  if (figure == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No data"));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Value…"));
      g_autofree char *tip = g_strdup_printf (_("Add a value of “%s” for this area"), name);

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_add_css_class (none, "key-figure-none");
      gtk_widget_set_vexpand (none, TRUE);
      gtk_widget_set_valign (none, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (card), none);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "profile.add-value-for");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
      gtk_widget_set_tooltip_text (button, tip);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "key-figure-add");
      gtk_box_append (GTK_BOX (card), button);
      g_string_append_printf (a11y, ": %s", _("No data"));
    }
  else
    {
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *caption;
      g_autofree char *source = NULL;
      g_autofree char *year_source = NULL;
      struct { char sex; double v; } parts[] = {
        { 'F', figure->women }, { 'M', figure->men }, { 'T', figure->total },
      };
      gboolean split = !isnan (figure->women) || !isnan (figure->men);

      gtk_widget_set_vexpand (values, TRUE);
      gtk_widget_set_valign (values, GTK_ALIGN_CENTER);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *text = NULL;

          /* With a split, women and men always show ("—" when one is missing);
           * the total only if it was published. */
          if (isnan (parts[i].v) && (!split || parts[i].sex == 'T'))
            continue;
          text = format_number (parts[i].v, figure->unit);
          if (g_strcmp0 (figure->unit, AIMAK_UNIT_PERCENT) != 0 &&
              g_strcmp0 (figure->unit, AIMAK_UNIT_PERSONS) != 0 && !isnan (parts[i].v))
            {
              char *with_unit = g_strdup_printf ("%s %s", text,
                                                 aimak_indicator_unit_label (figure->unit));
              g_free (text);
              text = with_unit;
            }
          gtk_box_append (GTK_BOX (values),
                          figure_line (aimak_indicator_sex_label (parts[i].sex), text));
          g_string_append_printf (a11y, ", %s %s", aimak_indicator_sex_label (parts[i].sex), text);
        }
      gtk_box_append (GTK_BOX (card), values);
      source = g_strdup (aimak_indicator_source_label (figure->source, aimak_lang_current ()));
      year_source = g_strdup_printf ("%d · %s", figure->year, source);
      caption = gtk_label_new (year_source);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 15);
      gtk_widget_set_tooltip_text (caption, year_source);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (card), caption);
      g_string_append_printf (a11y, ". %s", year_source);
      if (figure->n_differing > 0)
        {
          g_autofree char *differ = sources_differ_text (figure->n_differing);
          GtkWidget *note = gtk_label_new (differ);

          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_label_set_wrap (GTK_LABEL (note), TRUE);
          gtk_widget_set_tooltip_text (note, _("The figure shown comes from one source whole; "
                                               "the table lists every source with its value."));
          gtk_widget_add_css_class (note, "caption");
          gtk_widget_add_css_class (note, "warning");
          gtk_widget_add_css_class (note, "key-figure-differs");
          gtk_box_append (GTK_BOX (card), note);
          g_string_append_printf (a11y, ". %s", differ);
        }

    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y->str, -1);
  return card;
}

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
      show_error (self, error);
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
      gtk_flow_box_append (self->key_box, key_card (self, keys[k], found, catalogue));
    }
}

static const char *
comparison_label (AimakArea  *area,
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

/* ---- charts ---- */

static gboolean
is_key_indicator (GHashTable *catalogue,
                  const char *code)
{
  AimakIndicator *ind = g_hash_table_lookup (catalogue, code);

  return ind && ind->is_key;
}

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
        if ((pass == 0) != is_key_indicator (catalogue, r->indicator_code))
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
          g_autofree char *differ = sources_differ_text (r->n_differing);
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
      aimak_chart_set_category_unit (self->sex_chart, i, value_suffix (r->unit));
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
static void
fill_sex_chart_with_context (AimakAreaProfile *self,
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
      const char *label = comparison_label (others[i], lang, &owned);

      if (rows && fill_sex_chart (self, rows, catalogue, label))
        return;
    }
}

static void
fill_trend_chart (AimakAreaProfile        *self,
                  const AimakIndicatorRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) w = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean has_w = FALSE, has_m = FALSE, has_t = FALSE;
  g_autofree char *title = NULL;

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
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Trend: %s (%s)"), row->name, aimak_indicator_unit_label (row->unit));
  {
    guint most = 0;

    for (guint i = 0; i < series->len; i++)
      most = MAX (most, ((AimakIndicatorRow *) g_ptr_array_index (series, i))->n_differing);
    if (most > 0)
      {
        g_autofree char *differ = sources_differ_text (most);
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

      g_ptr_array_add (years, g_strdup_printf ("%d", r->year));
      g_array_append_val (w, r->women);
      g_array_append_val (m, r->men);
      g_array_append_val (t, r->total);
      has_w |= !isnan (r->women);
      has_m |= !isnan (r->men);
      has_t |= !isnan (r->total);
    }
  g_ptr_array_add (years, NULL);
  aimak_chart_set_categories (self->trend_chart, (const char * const *) years->pdata);
  aimak_chart_set_unit (self->trend_chart, value_suffix (row->unit));
  if (has_w)
    aimak_chart_set_series_style (self->trend_chart,
                                  aimak_chart_add_series (self->trend_chart,
                                                          aimak_indicator_sex_label ('F'),
                                                          (double *) w->data, w->len),
                                  "orange_4", AIMAK_CHART_PATTERN_AUTO);
  if (has_m)
    aimak_chart_set_series_style (self->trend_chart,
                                  aimak_chart_add_series (self->trend_chart,
                                                          aimak_indicator_sex_label ('M'),
                                                          (double *) m->data, m->len),
                                  "blue_4", AIMAK_CHART_PATTERN_AUTO);
  if (has_t)
    aimak_chart_set_series_style (self->trend_chart,
                                  aimak_chart_add_series (self->trend_chart,
                                                          aimak_indicator_sex_label ('T'),
                                                          (double *) t->data, t->len),
                                  "purple_3", AIMAK_CHART_PATTERN_AUTO);
}

/* ---- tables ---- */

static char *
column_text (AimakProfileItem *item,
             Column            column)
{
  AimakIndicatorRow *r = item->row;
  double v;

  switch (column)
    {
    case COL_AREA: return g_strdup (item->area_label ? item->area_label : "");
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
      gboolean exists = item->sexes == NULL || *item->sexes == '\0' ||
                        strchr (item->sexes, sex) != NULL;
      return g_strdup (column != COL_TOTAL && r->by_sex && exists ? "—" : "");
    }
  return format_number (v, r->unit);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column == COL_YEAR || column == COL_WOMEN || column == COL_MEN ||
                     column == COL_TOTAL;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (!numeric)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
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

static AimakIndicatorRow *
selected_row (AimakAreaProfile *self)
{
  AimakProfileItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? item->row : NULL;
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      AimakAreaProfile   *self)
{
  fill_trend_chart (self, selected_row (self));
  update_actions (self);
}

/* The oblast's and the country's latest values of the key indicators and of
 * the indicators this area has (or of the filtered one). */
static void
fill_comparison (AimakAreaProfile *self,
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
      const char *label = comparison_label (other, lang, &owned);

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
               !is_key_indicator (catalogue, r->indicator_code)))
            {
              aimak_indicator_row_free (r);
              continue;
            }
          g_hash_table_insert (done, r->indicator_code, GINT_TO_POINTER (r->year));
          item = profile_item_new (r, label, self->db, sexes_cache);
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
static void
fill_filter (AimakAreaProfile *self,
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

static void
reload_table (AimakAreaProfile *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int from = gtk_spin_button_get_value_as_int (self->year_from);
  int to = gtk_spin_button_get_value_as_int (self->year_to);
  AimakIndicatorRow *old = selected_row (self);
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
      show_error (self, error);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      AimakIndicatorRow *r = g_ptr_array_index (rows, i);
      g_autoptr(AimakProfileItem) item = profile_item_new (r, NULL, self->db, sexes_cache);

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
  fill_trend_chart (self, selected_row (self));
  update_actions (self);
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
  update_actions (self);
  if (self->db == NULL || self->code == NULL ||
      (chain = aimak_area_chain (self->db, self->code, NULL)) == NULL || chain->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      aimak_map_set_selected (self->map, NULL);
      return;
    }

  fill_header (self, chain);
  aimak_area_priorities_set_area (self->priorities, self->db, self->code);
  aimak_map_set_selected (self->map, self->code);
  catalogue_list = aimak_indicator_catalogue (self->db, &error);
  if (catalogue_list == NULL)
    {
      show_error (self, error);
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
      show_error (self, error);
      return;
    }
  fill_cards (self, catalogue);
  fill_filter (self, all_rows);
  fill_sex_chart_with_context (self, chain, all_rows, catalogue);
  reload_table (self);
  fill_comparison (self, chain, all_rows, catalogue);
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

const char *
aimak_area_profile_get_area (AimakAreaProfile *self)
{
  return self->code;
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

/* ---- editing ---- */

static void
update_actions (AimakAreaProfile *self)
{
  gboolean ro = read_only (self);
  gboolean has_area = self->code != NULL && self->db != NULL;
  gboolean has_row = selected_row (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-value", !ro && has_area);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-value-for", !ro && has_area);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit-value", !ro && has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.delete-value", !ro && has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-indicator", !ro);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.import-csv", !ro);
  gtk_widget_set_sensitive (self->history_button, has_row);
}

static void
on_value_saved (AimakValueDialog *dialog,
                AimakAreaProfile *self)
{
  AdwToast *toast = adw_toast_new (_("Value saved"));

  aimak_area_profile_reload (self);
  show_toast (self, toast);
}

static void
on_indicator_added (AimakValueDialog *dialog,
                    const char       *code,
                    AimakAreaProfile *self)
{
  g_autofree char *text = g_strdup_printf (_("Indicator %s added to the catalogue"), code);

  show_toast (self, adw_toast_new (text));
}

static void
present_dialog (AimakAreaProfile *self,
                AimakValueDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_value_saved), self, 0);
  g_signal_connect_object (dialog, "indicator-added", G_CALLBACK (on_indicator_added), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
profile_add_value (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);
  const char *indicator = parameter ? g_variant_get_string (parameter, NULL) : self->filter_code;

  if (read_only (self) || self->code == NULL)
    return;
  present_dialog (self, aimak_value_dialog_new_value (parent_window (self), self->db, self->code,
                                                      indicator));
}

static void
profile_edit_value (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);
  AimakIndicatorRow *row = selected_row (self);

  if (read_only (self) || row == NULL)
    return;
  present_dialog (self, aimak_value_dialog_new_edit (parent_window (self), self->db, self->code,
                                                     row));
}

static void
profile_add_indicator (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);

  if (read_only (self))
    return;
  present_dialog (self, aimak_value_dialog_new_indicator (parent_window (self), self->db));
}

static void
on_table_activate (GtkColumnView    *view,
                   guint             position,
                   AimakAreaProfile *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.edit-value", NULL);
}

typedef struct
{
  GWeakRef  profile;
  AimakDb  *db;
  GArray   *ids;     /* gint64 */
} UndoDelete;

static void
undo_delete_free (gpointer data)
{
  UndoDelete *undo = data;

  g_weak_ref_clear (&undo->profile);
  aimak_db_unref (undo->db);
  g_array_unref (undo->ids);
  g_free (undo);
}

static void
on_undo_delete (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(AimakAreaProfile) self = g_weak_ref_get (&undo->profile);
  g_autoptr(GError) error = NULL;
  gboolean ok = aimak_db_begin (undo->db, &error);

  for (guint i = 0; ok && i < undo->ids->len; i++)
    ok = aimak_indicator_value_undelete (undo->db, g_array_index (undo->ids, gint64, i), &error);
  if (ok)
    ok = aimak_db_commit (undo->db, &error);
  else
    aimak_db_rollback (undo->db);
  if (self)
    {
      aimak_area_profile_reload (self);
      if (!ok)
        show_error (self, error);
    }
}

static void
profile_delete_value (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);
  AimakIndicatorRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = NULL;
  UndoDelete *undo;
  AdwToast *toast;
  gboolean ok;

  if (read_only (self) || row == NULL)
    return;
  if (row->id_f) g_array_append_val (ids, row->id_f);
  if (row->id_m) g_array_append_val (ids, row->id_m);
  if (row->id_t) g_array_append_val (ids, row->id_t);
  /* One row is one to three values: all go together, or none. */
  ok = aimak_db_begin (self->db, &error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = aimak_indicator_value_delete (self->db, g_array_index (ids, gint64, i), &error);
  if (ok)
    ok = aimak_db_commit (self->db, &error);
  else
    aimak_db_rollback (self->db);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Deleted %s, %d"), row->name, row->year);
  undo = g_new0 (UndoDelete, 1);
  g_weak_ref_init (&undo->profile, self);
  undo->db = aimak_db_ref (self->db);
  undo->ids = g_array_ref (ids);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo,
                         (GClosureNotify) (void (*) (void)) undo_delete_free, 0);
  aimak_area_profile_reload (self);
  show_toast (self, toast);
}

/* The history of each value of the selected row, built when the popover opens. */
GtkWidget *
aimak_area_profile_build_history (AimakAreaProfile *self)
{
  AimakIndicatorRow *row = selected_row (self);
  struct { char sex; gint64 id; } values[3];

  clear_box (self->history_box);
  if (row == NULL)
    return GTK_WIDGET (self->history_box);
  values[0].sex = 'F'; values[0].id = row->id_f;
  values[1].sex = 'M'; values[1].id = row->id_m;
  values[2].sex = 'T'; values[2].id = row->id_t;
  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *heading = NULL;
      GtkWidget *label, *list;

      if (values[v].id == 0)
        continue;
      changes = aimak_indicator_value_history (self->db, values[v].id, &error);
      heading = g_strdup_printf ("%s, %d — %s", row->name, row->year,
                                 aimak_indicator_sex_label (values[v].sex));
      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (self->history_box, label);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_box_append (self->history_box, list);
      if (changes == NULL)
        {
          GtkWidget *r = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), error->message);
          gtk_list_box_append (GTK_LIST_BOX (list), r);
          continue;
        }
      if (changes->len == 0)
        {
          GtkWidget *r = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), _("No changes recorded"));
          gtk_list_box_append (GTK_LIST_BOX (list), r);
        }
      for (guint i = 0; i < changes->len; i++)
        {
          AimakIndicatorChange *c = g_ptr_array_index (changes, i);
          GtkWidget *r = adw_action_row_new ();
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          if (g_strcmp0 (c->action, "reference") == 0)
            {
              title = g_strdup_printf (_("Reference value: %s"), c->old_value ? c->old_value : "—");
              subtitle = g_strdup_printf (_("Source: %s"), c->new_value ? c->new_value : "—");
            }
          else if (c->field && *c->field)
            {
              title = g_strdup_printf (_("%s: %s → %s"), c->field,
                                       c->old_value ? c->old_value : "—",
                                       c->new_value ? c->new_value : "—");
              subtitle = g_strdup_printf ("%s · %s", c->action, c->ts);
            }
          else
            {
              title = g_strdup (c->action);
              subtitle = g_strdup (c->ts);
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
          gtk_list_box_append (GTK_LIST_BOX (list), r);
        }
    }
  return GTK_WIDGET (self->history_box);
}

static void
on_history_show (GtkPopover       *popover,
                 AimakAreaProfile *self)
{
  aimak_area_profile_build_history (self);
}

/* ---- import ---- */

static void
on_imported (AimakImportDialog *dialog,
             AimakAreaProfile  *self)
{
  aimak_area_profile_reload (self);
}

void
aimak_area_profile_import_csv (AimakAreaProfile *self,
                               AimakDb          *db)
{
  AimakImportDialog *dialog;

  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));
  if (db == NULL)
    db = self->db;
  if (db == NULL)
    return;
  if (aimak_db_is_read_only (db))
    {
      show_toast (self, adw_toast_new (_("The database is open read-only: nothing can be imported")));
      return;
    }
  dialog = aimak_import_dialog_new (parent_window (self), db);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
profile_import_csv (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  aimak_area_profile_import_csv (AIMAK_AREA_PROFILE (widget), NULL);
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
  gtk_widget_class_bind_template_callback (widget_class, on_map_area_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_table_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_history_show);

  gtk_widget_class_install_action (widget_class, "profile.add-value", NULL, profile_add_value);
  gtk_widget_class_install_action (widget_class, "profile.add-value-for", "s", profile_add_value);
  gtk_widget_class_install_action (widget_class, "profile.edit-value", NULL, profile_edit_value);
  gtk_widget_class_install_action (widget_class, "profile.delete-value", NULL,
                                   profile_delete_value);
  gtk_widget_class_install_action (widget_class, "profile.add-indicator", NULL,
                                   profile_add_indicator);
  gtk_widget_class_install_action (widget_class, "profile.import-csv", NULL, profile_import_csv);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "profile.add-value", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_area_profile_init (AimakAreaProfile *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter_codes = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (AIMAK_TYPE_PROFILE_ITEM);
  self->compare_rows = g_list_store_new (AIMAK_TYPE_PROFILE_ITEM);
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

  g_signal_connect (self->indicator_dropdown, "notify::selected",
                    G_CALLBACK (on_indicator_dropdown), self);
  g_signal_connect (self->year_from, "value-changed", G_CALLBACK (on_years_changed), self);
  g_signal_connect (self->year_to, "value-changed", G_CALLBACK (on_years_changed), self);

  aimak_chart_set_kind (self->sex_chart, AIMAK_CHART_GROUPED_BARS);
  aimak_chart_set_horizontal (self->sex_chart, TRUE);
  aimak_chart_set_independent_scales (self->sex_chart, TRUE);
  aimak_chart_set_title (self->sex_chart, _("Women and men, latest year"));
  aimak_chart_set_empty_text (self->sex_chart, _("No values by sex for this area yet"));
  aimak_chart_set_kind (self->trend_chart, AIMAK_CHART_LINE);
  fill_trend_chart (self, NULL);
  update_actions (self);
}
