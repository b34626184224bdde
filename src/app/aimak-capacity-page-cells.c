/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-capacity-page-cells.c — the cells of the Capacity Building table,
 * made in C. GtkBuilderListItemFactory parsed a template for every cell GTK
 * made (about 200 rows of 7 cells when the view is first shown: 80 ms of the
 * switch with 1,000 activities) and watched expressions for each bind; here
 * a setup makes a label and a bind sets its text. Rows are snapshots (a
 * reload makes new ones), so nothing needs watching. */
#include "config.h"

#include "aimak-capacity-page-private.h"
#include "aimak-column-view.h"

typedef enum
{
  CELL_DATE,
  CELL_AREA,
  CELL_TYPE,
  CELL_TOPIC,
  CELL_WOMEN,
  CELL_MEN,
  CELL_TOTAL,
  N_CELLS
} Cell;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Cell cell = GPOINTER_TO_INT (data);
  gboolean figure = cell >= CELL_WOMEN;
  GtkWidget *label =
    aimak_column_view_label_new (figure ? 1 : 0, !figure && cell != CELL_DATE,
                                 figure || cell == CELL_DATE ? "numeric" : NULL);

  if (cell == CELL_TOTAL)
    gtk_widget_add_css_class (label, "heading");
  if (cell == CELL_AREA || cell == CELL_TYPE)
    gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, cell == CELL_TOPIC ? aimak_column_view_demo_box_new (label)
                                                    : label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  Cell cell = GPOINTER_TO_INT (data);
  AimakActivityRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = cell == CELL_TOPIC ? gtk_widget_get_first_child (child) : child;
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  switch (cell)
    {
    case CELL_DATE: g_object_get (row, "date-shown", &text, NULL); break;
    case CELL_AREA: text = g_strdup (aimak_activity_row_get_area_name (row)); break;
    case CELL_TYPE: text = g_strdup (aimak_activity_row_get_type_label (row)); break;
    case CELL_TOPIC:
      text = g_strdup (aimak_activity_row_get_topic (row));
      gtk_widget_set_visible (gtk_widget_get_last_child (child),
                              aimak_activity_row_get_is_demo (row));
      break;
    case CELL_WOMEN: text = g_strdup_printf ("%u", aimak_activity_row_get_women (row)); break;
    case CELL_MEN: text = g_strdup_printf ("%u", aimak_activity_row_get_men (row)); break;
    case CELL_TOTAL:
      {
        guint total = 0;

        g_object_get (row, "total", &total, NULL);
        text = g_strdup_printf ("%u", total);
        break;
      }
    case N_CELLS:
    default: g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
}

void
aimak_capacity_page_set_cell_factories (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  g_return_if_fail (g_list_model_get_n_items (columns) == N_CELLS);
  for (guint i = 0; i < N_CELLS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (column, factory);
    }
}
