/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-i18n.c — see aimak-i18n.h. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "aimak-i18n.h"

void
aimak_i18n_init (void)
{
  setlocale (LC_ALL, "");
  /* AIMAK_LOCALEDIR lets a build-tree run (meson devenv, tests) find its catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR") ? g_getenv ("AIMAK_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
