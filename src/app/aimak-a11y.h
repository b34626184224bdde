/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-a11y.h — accessible names GTK 4.8 leaves out, given as widgets are mapped. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs (once per process) the hook that names widgets as they are mapped. */
void  aimak_a11y_init            (void);

/* The label (role alert) that repeats the toasts shown above @widget, once one was. */
GtkWidget *aimak_a11y_get_announcer (GtkWidget *widget);

/* A validation problem (NULL: none) told on @field and on the widget in it that takes
 * the focus: its description and its invalid state. */
void       aimak_a11y_set_problem   (GtkWidget  *field,
                                     const char *problem);

G_END_DECLS
