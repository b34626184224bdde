/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-demo.c — `aimak-cli demo`: creates or removes demo data, for trying
 * the app and for the benchmarks. Demo rows are flagged, so removal is exact. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-cli.h"

/* A million priorities is far beyond any real programme and still quick to make. */
#define DEMO_MAX 1000000

int
aimak_cli_demo (int argc, char **argv)
{
  int n_priorities = 0;
  int n_activities = 0;
  gint64 seed = 1;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "priorities", 'p', 0, G_OPTION_ARG_INT, &n_priorities,
      N_("Create N demo priorities"), "N" },
    { "activities", 'a', 0, G_OPTION_ARG_INT, &n_activities,
      N_("Create M demo capacity-building activities"), "M" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the generator: the same seed gives the same data (default 1)"), "S" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Delete every demo record, and nothing else"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!aimak_cli_parse_options ("demo", "",
                                _("Creates plausible demo priorities and activities, every one "
                                  "flagged as demo data (the window shows a banner while any "
                                  "exist), or removes them all with --remove."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (n_priorities < 0 || n_priorities > DEMO_MAX)
    return aimak_cli_usage (_("--priorities must be between 0 and %d"), DEMO_MAX);
  if (n_activities < 0 || n_activities > DEMO_MAX)
    return aimak_cli_usage (_("--activities must be between 0 and %d"), DEMO_MAX);
  if (seed < 0 || seed > G_MAXUINT32)
    return aimak_cli_usage (_("--seed must be between 0 and %u"), G_MAXUINT32);
  if (remove && (n_priorities > 0 || n_activities > 0))
    return aimak_cli_usage (_("--remove cannot be combined with --priorities or --activities"));
  if (!remove && n_priorities == 0 && n_activities == 0)
    return aimak_cli_usage (_("nothing to do: give --priorities N, --activities M or --remove"));

  db = aimak_cli_open_db (remove ? AIMAK_DB_OPEN_NO_CREATE : AIMAK_DB_OPEN_DEFAULT);
  if (db == NULL)
    return AIMAK_CLI_FAILED;

  if (remove)
    {
      guint np = 0, na = 0, nv = 0;

      if (!aimak_demo_remove_counts (db, &np, &na, &nv, &error))
        return aimak_cli_fail_error (g_steal_pointer (&error));
      g_print (ngettext ("Removed %u demo priority.\n", "Removed %u demo priorities.\n", np), np);
      g_print (ngettext ("Removed %u demo activity.\n", "Removed %u demo activities.\n", na), na);
      g_print (ngettext ("Removed %u demo indicator value.\n",
                         "Removed %u demo indicator values.\n", nv), nv);
      return AIMAK_CLI_OK;
    }

  if (!aimak_demo_create (db, (guint) n_priorities, (guint) n_activities, (guint32) seed, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (n_priorities > 0)
    g_print (ngettext ("Created %d demo priority.\n", "Created %d demo priorities.\n",
                       n_priorities), n_priorities);
  if (n_activities > 0)
    g_print (ngettext ("Created %d demo activity.\n", "Created %d demo activities.\n",
                       n_activities), n_activities);
  return AIMAK_CLI_OK;
}
