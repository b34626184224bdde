/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-i18n.h — what the app's and the CLI's main() do first for translations. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds Aimak's text domain in UTF-8:
 * to the folder in AIMAK_LOCALEDIR when it is set (a build-tree run: meson
 * devenv, tests), else to the installed catalogues. */
void aimak_i18n_init (void);

G_END_DECLS
