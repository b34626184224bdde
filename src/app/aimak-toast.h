/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-toast.h — how a widget raises a toast without knowing the window:
 * plain messages activate the window's actions win.show-toast and
 * win.show-error (parameter: the text); a toast with a button (Undo) goes to
 * the nearest AdwToastOverlay above the widget. Outside a window nothing
 * shows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast of @text with the default timeout. */
void aimak_toast_show       (GtkWidget    *widget,
                             const char   *text);
/* A toast of @error's message that stays until dismissed. */
void aimak_toast_show_error (GtkWidget    *widget,
                             const GError *error);
/* Shows @toast (taken) in the overlay above @widget. */
void aimak_toast_add        (GtkWidget    *widget,
                             AdwToast     *toast);

G_END_DECLS
