/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-card.c — one figure of the Summary view. The table under the chart
 * carries the same numbers as text, so they can be selected, read by a screen
 * reader and copied into a spreadsheet. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-focus-stop.h"
#include "aimak-summary-card-private.h"
#include "aimak-widget-util.h"

struct _AimakSummaryCard
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *note_label;
  GtkButton         *copy_button;
  AimakChart        *chart;
  GtkScrolledWindow *table_scroller;
  GtkGrid           *table;
  GtkWidget         *table_stop;   /* AimakFocusStop around the table */

  /* Owned references */
  char              *title;
  GPtrArray         *copy_lines;   /* char *: tab-separated lines */
  GPtrArray         *cells;        /* GPtrArray * of GtkLabel * per row, header first */
};

G_DEFINE_FINAL_TYPE (AimakSummaryCard, aimak_summary_card, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
aimak_summary_card_set_title (AimakSummaryCard *self,
                              const char       *title)
{
  g_autofree char *copy_label = NULL;

  g_return_if_fail (AIMAK_IS_SUMMARY_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
  /* Translators: accessible name of a card's copy button, e.g. "Copy Priorities by Status". */
  copy_label = g_strdup_printf (_("Copy %s"), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
aimak_summary_card_get_title (AimakSummaryCard *self)
{
  return self->title;
}

AimakChart *
aimak_summary_card_get_chart (AimakSummaryCard *self)
{
  return self->chart;
}

void
aimak_summary_card_set_note (AimakSummaryCard *self,
                             const char       *note)
{
  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note);
}

const char *
aimak_summary_card_get_note (AimakSummaryCard *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->note_label))
           ? gtk_label_get_text (self->note_label) : NULL;
}

static void
clear_table (AimakSummaryCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->copy_lines, 0);
}

/* A table with more columns than this scrolls sideways on a narrow card,
 * with each name on one line; a narrower one wraps its names and headers
 * and always fits. (GTK 4.8 measures a scroller's height for the least
 * width of its content: wrapped names would make it very tall.) */
#define FOLDING_COLUMNS 3

/* Puts the table in its sideways scroller or straight into the card. */
static void
place_table (AimakSummaryCard *self,
             gboolean          scrolled)
{
  GtkWidget *table = self->table_stop;
  GtkWidget *parent = gtk_widget_get_parent (table);
  GtkWidget *card_box = gtk_widget_get_parent (GTK_WIDGET (self->table_scroller));

  if (scrolled == (parent != card_box))
    return;
  g_object_ref (table);
  if (scrolled)
    {
      gtk_box_remove (GTK_BOX (card_box), table);
      gtk_scrolled_window_set_child (self->table_scroller, table);
    }
  else
    {
      gtk_viewport_set_child (GTK_VIEWPORT (parent), NULL);
      gtk_box_insert_child_after (GTK_BOX (card_box), table,
                                  gtk_widget_get_prev_sibling (GTK_WIDGET (self->table_scroller)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->table_scroller), scrolled);
  g_object_unref (table);
}

static GtkLabel *
cell (AimakSummaryCard *self,
      const char       *text,
      guint             row,
      guint             column,
      gboolean          wrap)
{
  /* A table to screen readers: column headers, row headers and cells, with their
   * positions (the grid has the role "table", see the .ui). */
  GtkAccessibleRole role = row == 0 ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                           : column == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                           : GTK_ACCESSIBLE_ROLE_CELL;
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) row + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) column + 1,
                                  -1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* The table is one Tab stop (an AimakFocusStop): Tab enters at the first
   * row's name, Up and Down go from row to row (the name describes the row's
   * figures, see set_table), Tab leaves. Other cells take no focus (not
   * "focusable" FALSE: GTK 4.8's label would still swallow Tab). */
  if (row > 0 && column == 0)
    gtk_widget_set_focusable (label, TRUE);
  else
    gtk_widget_set_can_focus (label, FALSE);
  if (column == 0)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), wrap);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* A long name asks for a line of its own only up to here, so that two
       * cards still share a wide window (in Russian too). */
      if (wrap)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (row == 0)
    {
      gtk_widget_add_css_class (label, "summary-table-header");
      /* Russian headers are long words; numbers below them never wrap. */
      if (wrap && column > 0)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
        }
    }
  gtk_grid_attach (self->table, label, (int) column, (int) row, 1, 1);
  return GTK_LABEL (label);
}

/* What a screen reader says on a row's name: the row's figures with their
 * column headers ("Women: 30.3 %, Men: 31.4 %"). */
static void
describe_row (GtkLabel           *name,
              const char * const *headers,
              const char * const *row,
              guint               n_cols)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 1; c < n_cols; c++)
    {
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%s: %s", headers[c] ? headers[c] : "", row[c] ? row[c] : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static char *
join_tabs (const char * const *cells_text,
           guint               n)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *clean = g_strdup (cells_text[i] ? cells_text[i] : "");
      /* A tab or newline inside a name would break the table's shape. */
      g_strdelimit (clean, "\t\n\r", ' ');
      if (i > 0)
        g_string_append_c (line, '\t');
      g_string_append (line, clean);
    }
  return g_string_free (line, FALSE);
}

void
aimak_summary_card_set_table (AimakSummaryCard   *self,
                              const char * const *headers,
                              GPtrArray          *rows,
                              GPtrArray          *copy_rows)
{
  guint n_cols;
  gboolean wrap;
  GPtrArray *header_cells;

  g_return_if_fail (AIMAK_IS_SUMMARY_CARD (self));

  clear_table (self);
  n_cols = g_strv_length ((char **) headers);
  wrap = n_cols <= FOLDING_COLUMNS;
  place_table (self, !wrap);
  header_cells = g_ptr_array_new ();
  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (header_cells, cell (self, headers[c], 0, c, wrap));
  g_ptr_array_add (self->cells, header_cells);
  g_ptr_array_add (self->copy_lines, join_tabs (headers, n_cols));

  for (guint r = 0; rows && r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      const char * const *copy_row = copy_rows ? g_ptr_array_index (copy_rows, r) : row;
      GPtrArray *row_cells = g_ptr_array_new ();

      for (guint c = 0; c < n_cols; c++)
        g_ptr_array_add (row_cells, cell (self, row[c], r + 1, c, wrap));
      describe_row (g_ptr_array_index (row_cells, 0), headers, row, n_cols);
      g_ptr_array_add (self->cells, row_cells);
      g_ptr_array_add (self->copy_lines, join_tabs (copy_row, n_cols));
    }
}

char *
aimak_summary_card_get_table_text (AimakSummaryCard *self)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n", self->title ? self->title : "");
  for (guint i = 0; i < self->copy_lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (self->copy_lines, i));
  return g_string_free (text, FALSE);
}

const char *
aimak_summary_card_get_cell (AimakSummaryCard *self,
                             guint             row,
                             guint             column)
{
  GPtrArray *row_cells;

  if (row >= self->cells->len)
    return NULL;
  row_cells = g_ptr_array_index (self->cells, row);
  if (column >= row_cells->len)
    return NULL;
  return gtk_label_get_text (g_ptr_array_index (row_cells, column));
}

static void
on_copy_clicked (AimakSummaryCard *self)
{
  g_autofree char *text = aimak_summary_card_get_table_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
aimak_summary_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakSummaryCard *self = AIMAK_SUMMARY_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_summary_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AimakSummaryCard *self = AIMAK_SUMMARY_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE: aimak_summary_card_set_title (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_summary_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_SUMMARY_CARD);
  /* The template's box is not a bound child, so it is unparented here. */
  aimak_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (aimak_summary_card_parent_class)->dispose (object);
}

static void
aimak_summary_card_finalize (GObject *object)
{
  AimakSummaryCard *self = AIMAK_SUMMARY_CARD (object);

  g_free (self->title);
  g_ptr_array_unref (self->copy_lines);
  g_ptr_array_unref (self->cells);
  G_OBJECT_CLASS (aimak_summary_card_parent_class)->finalize (object);
}

static void
aimak_summary_card_class_init (AimakSummaryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_summary_card_dispose;
  object_class->finalize = aimak_summary_card_finalize;
  object_class->get_property = aimak_summary_card_get_property;
  object_class->set_property = aimak_summary_card_set_property;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIMAK_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-summary-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, note_label);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, chart);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryCard, table);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aimak_summary_card_init (AimakSummaryCard *self)
{
  self->copy_lines = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* One Tab stop for the table, where the grid was. */
  {
    GtkWidget *grid = GTK_WIDGET (self->table);
    GtkWidget *box = gtk_widget_get_parent (grid);

    self->table_stop = aimak_focus_stop_new ();
    gtk_box_insert_child_after (GTK_BOX (box), self->table_stop, grid);
    g_object_ref (grid);
    gtk_box_remove (GTK_BOX (box), grid);
    aimak_focus_stop_set_child (AIMAK_FOCUS_STOP (self->table_stop), grid);
    g_object_unref (grid);
  }
}
