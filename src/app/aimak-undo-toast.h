/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-undo-toast.h — the toast a deletion raises: its Undo button calls
 * back the widget that deleted, if that widget is still there. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @widget is the widget that raised the toast, or NULL when it has gone. */
typedef void (*AimakUndoFunc) (GtkWidget *widget,
                               gpointer   data);

/* A high-priority toast saying @title with an "_Undo" button that calls @undo
 * with @widget (held weakly) and @data; @data is freed with @data_free when
 * the toast goes. Show it with aimak_toast_add(). */
AdwToast *aimak_undo_toast_new (const char     *title,
                                GtkWidget      *widget,
                                AimakUndoFunc   undo,
                                gpointer        data,
                                GDestroyNotify  data_free);

G_END_DECLS
