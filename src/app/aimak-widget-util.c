/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-widget-util.c — see aimak-widget-util.h. */
#include "config.h"

#include "aimak-widget-util.h"

void
aimak_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

GtkWindow *
aimak_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
aimak_cancellable_clear (GCancellable **slot)
{
  g_cancellable_cancel (*slot);
  g_clear_object (slot);
}

void
aimak_timeout_restart (guint       *source_id,
                       guint        interval_ms,
                       GSourceFunc  func,
                       gpointer     data)
{
  g_clear_handle_id (source_id, g_source_remove);
  *source_id = g_timeout_add (interval_ms, func, data);
}

void
aimak_label_show_message (GtkLabel   *label,
                          const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
