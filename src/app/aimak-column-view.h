/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-column-view.h — a column of a GtkColumnView whose cells come from a
 * "setup" and a "bind" callback, as the tables built in code (the area
 * profile's indicators, the import preview) make them, and the cells those
 * callbacks and the tables' cell code (Priorities, Capacity Building) make. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Appends a resizable column titled @title to @view; @setup and @bind are the
 * GtkSignalListItemFactory handlers, both given @column as their user data. A
 * @width above 0 is the column's fixed width; otherwise the column expands. */
void aimak_column_view_append (GtkColumnView *view,
                               const char    *title,
                               GCallback      setup,
                               GCallback      bind,
                               int            column,
                               int            width);

/* A cell's label: aligned at @xalign (0 start, 1 end), ellipsized at the end
 * when @ellipsize, with the style class @css_class when it is not NULL
 * ("numeric" for figures). */
GtkWidget *aimak_column_view_label_new    (float        xalign,
                                           gboolean     ellipsize,
                                           const char  *css_class);

/* A box of @label (which expands) and a "Demo" tag after it (@label's next
 * sibling), which the bind shows only for a record generated as demo data. */
GtkWidget *aimak_column_view_demo_box_new (GtkWidget   *label);

G_END_DECLS
