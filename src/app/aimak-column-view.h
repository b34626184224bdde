/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-column-view.h — a column of a GtkColumnView whose cells come from a
 * "setup" and a "bind" callback, as the tables built in code (the area
 * profile's indicators, the import preview) make them. */
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

G_END_DECLS
