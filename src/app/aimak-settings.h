/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-settings.h — the app's GSettings, where its schema is installed. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new GSettings of the application's schema, or NULL when the schema is not
 * installed (tests and a build run from its folder): the caller then keeps
 * its defaults instead of aborting in g_settings_new(). */
GSettings *aimak_settings_new_if_installed (void);

G_END_DECLS
