/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-application.h — the Aimak application: options, actions, the window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_APPLICATION (aimak_application_get_type ())
G_DECLARE_FINAL_TYPE (AimakApplication, aimak_application, AIMAK, APPLICATION, AdwApplication)

AimakApplication *aimak_application_new           (void);
/* Opens @path in a new window, or shows the damaged-database dialog for it. */
void              aimak_application_open_database (AimakApplication *self,
                                                   const char       *path);

G_END_DECLS
