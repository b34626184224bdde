/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-server-areas.c — `aimak-cli server publish-area-changes`: the
 * server's owner publishes a change list of areas, which every desk applies
 * at its next sync (aimak-sync-areas.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-server.h"
#include "aimak-problem.h"
#include "aimak-sync-areas.h"

void
aimak_cli_print_area_changes (GPtrArray *batches,
                              gboolean   all)
{
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      const AimakAreaChangeBatch *b = g_ptr_array_index (batches, i);

      if (!all && b->status == AIMAK_AREA_BATCH_UNCHANGED)
        continue;
      g_print ("%-12s %-16s %s\n", aimak_area_batch_status_label (b->status), "area_change",
               b->summary ? b->summary : b->uuid);
      if (b->reason != NULL)
        g_print ("             %s\n", b->reason);
    }
}

int
aimak_cli_server_publish_area_changes (int argc, char **argv)
{
  g_autofree char *url = NULL, *password_file = NULL, *password = NULL, *uuid = NULL;
  GOptionEntry entries[] = {
    { NULL }, { NULL },  /* --url, --password-file: aimak_cli_owner_options() */
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangeList) list = NULL;
  g_autoptr(GError) error = NULL;

  aimak_cli_owner_options (entries, &url, &password_file);
  if (!aimak_cli_parse ("server publish-area-changes", "FILE.csv",
                        _("Publishes a list of territorial changes on the office server, as the "
                          "server database’s owner, after checking it against this database. "
                          "Every desk applies it at its next sync, before any record moves; "
                          "desks that wrote an area that ends may write its successor."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc != 2 || url == NULL)
    return aimak_cli_usage (_("give one change list (FILE.csv) and the server with --url "
                              "postgresql://…"));
  config = aimak_cli_server_config (url, &password, password_file, &error);
  if (config == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  file = g_file_new_for_commandline_arg (argv[1]);
  list = aimak_area_change_list_load (file, problems, NULL, &error);
  if (list == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (aimak_problem_list_has_errors (problems))
    return aimak_cli_fail_problems (problems, argv[1],
                                    _("the change list has problems (see above): nothing was "
                                      "published"));
  db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (!aimak_server_publish_area_changes (config, password, db, list, &uuid, NULL, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  g_print (_("Published the change list as %s; every desk applies it at its next sync.\n"),
           uuid);
  return AIMAK_CLI_OK;
}
