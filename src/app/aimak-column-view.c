/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-column-view.c — see aimak-column-view.h. */
#include "config.h"

#include "aimak-column-view.h"

void
aimak_column_view_append (GtkColumnView *view,
                          const char    *title,
                          GCallback      setup,
                          GCallback      bind,
                          int            column,
                          int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", setup, GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}
