/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-wrap-layout.h — a layout manager that places a widget's children in
 * a row and wraps them onto further rows where the row is too narrow for
 * their natural widths (large text, long translations), so that nothing has
 * to be cut. A child that expands (a wrapping label) stays in a row while it
 * fits there in two lines, and takes the room left over; a row without one
 * is aligned by its first child's halign. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_WRAP_LAYOUT (aimak_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (AimakWrapLayout, aimak_wrap_layout, AIMAK, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *aimak_wrap_layout_new (int spacing,
                                         int row_spacing);

G_END_DECLS
