/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-focus-stop.h — a bin that makes its child one Tab stop: Tab and
 * Shift+Tab enter it once and leave it at the next press, arrows move inside.
 * GTK 4.8's list and column views make every row a Tab stop otherwise. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_FOCUS_STOP (aimak_focus_stop_get_type ())
G_DECLARE_FINAL_TYPE (AimakFocusStop, aimak_focus_stop, AIMAK, FOCUS_STOP, GtkWidget)

GtkWidget *aimak_focus_stop_new       (void);
void       aimak_focus_stop_set_child (AimakFocusStop *self,
                                       GtkWidget      *child);

G_END_DECLS
