/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-column-view.c — see aimak-column-view.h. */
#include "config.h"

#include <glib/gi18n.h>

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

GtkWidget *
aimak_column_view_label_new (float       xalign,
                             gboolean    ellipsize,
                             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
aimak_column_view_demo_box_new (GtkWidget *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: a tag on priorities and activities generated as demo data */
  GtkWidget *demo = gtk_label_new (_("Demo"));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (demo, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (demo, "demo-badge");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), demo);
  return box;
}
