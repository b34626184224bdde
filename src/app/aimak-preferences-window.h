/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-preferences-window.h — preferences: export defaults, backups. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_PREFERENCES_WINDOW (aimak_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AimakPreferencesWindow, aimak_preferences_window, AIMAK,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

AimakPreferencesWindow *aimak_preferences_window_new             (GtkWindow *parent);

G_END_DECLS
