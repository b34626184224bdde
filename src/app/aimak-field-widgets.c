/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field-widgets.c — see aimak-field-widgets.h. */

#include "config.h"

#include "aimak-field-widgets.h"

static void
collect_named (GtkWidget  *widget,
               GHashTable *named)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      g_hash_table_insert (named, (gpointer) gtk_widget_get_name (c), c);
      collect_named (c, named);
    }
}

GHashTable *
aimak_field_widgets_find (GtkWidget        *root,
                          const AimakField *fields,
                          guint             n_fields)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *widgets = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (GTK_IS_WIDGET (root), widgets);

  collect_named (root, named);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (named, fields[i].id);

      if (widget)
        g_hash_table_insert (widgets, (gpointer) fields[i].id, widget);
    }
  return widgets;
}

GtkWidget *
aimak_field_widgets_lookup (GtkWidget  *root,
                            const char *id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root) && id != NULL, NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = g_str_equal (gtk_widget_get_name (c), id)
                         ? c : aimak_field_widgets_lookup (c, id);
      if (found)
        return found;
    }
  return NULL;
}
