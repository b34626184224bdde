/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-toast.c — toasts raised through the window's actions. */
#include "config.h"

#include "aimak-toast.h"

void
aimak_toast_show (GtkWidget  *widget,
                  const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_widget_activate_action (widget, "win.show-toast", "s", text);
}

void
aimak_toast_show_error (GtkWidget    *widget,
                        const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_widget_activate_action (widget, "win.show-error", "s", error->message);
}

void
aimak_toast_add (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}
