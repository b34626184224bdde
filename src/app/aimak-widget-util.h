/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-widget-util.h — what several custom widgets do alike: to their children,
 * to find the window they are in, to show a message in a label, to wait for a
 * pause and to drop a background job. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Unparents every child of @widget: what a widget that lays out its own
 * children (or whose template's top box is not a bound child) does in its
 * dispose, after gtk_widget_dispose_template() if it has a template. */
void       aimak_widget_unparent_children (GtkWidget *widget);
/* The window @widget is in, or NULL when it is in none (yet): the parent of
 * the dialogs it opens. */
GtkWindow *aimak_widget_get_window        (GtkWidget *widget);
/* Shows @message in @label (a form's error line), or hides @label when
 * @message is NULL. */
void       aimak_label_show_message       (GtkLabel     *label,
                                           const char   *message);
/* (Re)starts the pause timer in *@source_id: @func runs once @interval_ms after
 * the last call (typing, resizing), not after each. */
void       aimak_timeout_restart          (guint        *source_id,
                                           guint         interval_ms,
                                           GSourceFunc   func,
                                           gpointer      data);
/* Cancels the job of the cancellable in *@slot, if any, and clears *@slot:
 * a job that a newer one replaces, or that the widget's dispose ends. */
void       aimak_cancellable_clear        (GCancellable **slot);

G_END_DECLS
