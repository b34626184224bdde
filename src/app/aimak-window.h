/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-window.h — the main window: header bar with the view switcher, the
 * four views, banners and toasts. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_WINDOW (aimak_window_get_type ())
G_DECLARE_FINAL_TYPE (AimakWindow, aimak_window, AIMAK, WINDOW, AdwApplicationWindow)

AimakWindow *aimak_window_new          (GtkApplication *application,
                                        AimakDb        *db);
AimakDb     *aimak_window_get_db       (AimakWindow    *self);
const char  *aimak_window_get_area     (AimakWindow    *self);
gboolean     aimak_window_select_area  (AimakWindow    *self,
                                        const char     *code);
void         aimak_window_show_view    (AimakWindow    *self,
                                        const char     *name);
const char  *aimak_window_get_view     (AimakWindow    *self);
void         aimak_window_add_toast    (AimakWindow    *self,
                                        AdwToast       *toast);
GtkWidget   *aimak_window_get_page     (AimakWindow    *self,
                                        const char     *name);
/* After records changed underneath the views (a package received or undone):
 * every view reads the database again. */
void         aimak_window_reload_data  (AimakWindow    *self);
/* Opens Receive Data for @file (drag and drop, tests). */
void         aimak_window_receive_file (AimakWindow    *self,
                                        GFile          *file);

G_END_DECLS
