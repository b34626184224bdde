/* test-layout.c — smaller layout faults of issue 12, through real widgets. */
#include "config.h"

#include <adwaita.h>

#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  return g_test_run ();
}
