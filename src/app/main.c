/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the aimak GUI. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "aimak-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AimakApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* AIMAK_LOCALEDIR lets a build-tree run (meson devenv, tests) find its catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR") ? g_getenv ("AIMAK_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = aimak_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
