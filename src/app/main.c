/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the aimak GUI. */
#include "config.h"

#include "aimak-application.h"
#include "aimak-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AimakApplication) app = NULL;

  aimak_i18n_init ();
  app = aimak_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
