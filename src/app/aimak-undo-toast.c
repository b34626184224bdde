/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-undo-toast.c — see aimak-undo-toast.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-undo-toast.h"

typedef struct
{
  GWeakRef        widget;
  AimakUndoFunc   undo;
  gpointer        data;
  GDestroyNotify  data_free;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *u = data;

  g_weak_ref_clear (&u->widget);
  if (u->data_free)
    u->data_free (u->data);
  g_free (u);
}

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *u)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&u->widget);

  u->undo (widget, u->data);
}

AdwToast *
aimak_undo_toast_new (const char     *title,
                      GtkWidget      *widget,
                      AimakUndoFunc   undo,
                      gpointer        data,
                      GDestroyNotify  data_free)
{
  AdwToast *toast = adw_toast_new (title);
  Undo *u = g_new0 (Undo, 1);

  g_weak_ref_init (&u->widget, widget);
  u->undo = undo;
  u->data = data;
  u->data_free = data_free;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), u, undo_free, 0);
  return toast;
}
