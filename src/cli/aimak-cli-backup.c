/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-backup.c — `aimak-cli backup` and `aimak-cli restore`: the same
 * backups and checked, atomic restore as the app's Preferences, headless. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-cli.h"

int
aimak_cli_backup (int argc, char **argv)
{
  gboolean force = FALSE, list = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_("List the backups in the backup folder (date, size in bytes, file)"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *db_path = NULL;

  if (!aimak_cli_parse ("backup", _("[FILE]"),
                        _("Writes a consistent copy of the database to FILE, or, without FILE, "
                          "a dated copy into the backup folder beside the database. It is "
                          "safe while Aimak has the database open. Prints the file written."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc > 2)
    return aimak_cli_usage (_("too many arguments: give one FILE at most"));

  if (list)
    {
      g_autoptr(GPtrArray) backups = NULL;

      if (argc > 1)
        return aimak_cli_usage (_("--list takes no FILE"));
      db_path = aimak_cli_get_database_path ();
      backups = aimak_backup_list (db_path, &error);
      if (backups == NULL)
        return aimak_cli_fail_error_as_given (g_steal_pointer (&error), NULL, NULL);
      for (guint i = 0; i < backups->len; i++)
        {
          AimakBackupInfo *info = g_ptr_array_index (backups, i);
          g_autofree char *when = g_date_time_format (info->time, "%Y-%m-%d %H:%M:%S");

          g_print ("%s\t%" G_GOFFSET_FORMAT "\t%s\n", when, info->size, info->path);
        }
      return AIMAK_CLI_OK;
    }

  /* A backup only reads the database: it is copied as it is, never upgraded. */
  db = aimak_cli_open_db (AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (argc == 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      path = g_file_get_path (file);
      if (!aimak_backup_write (db, path, force, &error))
        return aimak_cli_fail_error_as_given (g_steal_pointer (&error), path, argv[1]);
    }
  else
    {
      path = aimak_backup_create (db, NULL, &error);
      if (path == NULL)
        return aimak_cli_fail_error_as_given (g_steal_pointer (&error), NULL, NULL);
    }
  g_print ("%s\n", path);
  return AIMAK_CLI_OK;
}

int
aimak_cli_restore (int argc, char **argv)
{
  gboolean newest = FALSE;
  GOptionEntry entries[] = {
    { "newest", 0, 0, G_OPTION_ARG_NONE, &newest,
      N_("Restore the newest good backup from the backup folder"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;

  if (!aimak_cli_parse ("restore", _("FILE"),
                        _("Replaces the database with the backup FILE. FILE must be an "
                          "undamaged Aimak database that this version can read; otherwise "
                          "nothing changes. The current database is backed up first (or, if "
                          "it is damaged, kept beside it as NAME.damaged-DATE). Close Aimak "
                          "before restoring."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if ((newest && argc != 1) || (!newest && argc != 2))
    return aimak_cli_usage (_("give the backup FILE to restore, or --newest"));
  db_path = aimak_cli_get_database_path ();
  if (newest)
    {
      if (!aimak_backup_restore_newest (db_path, &backup, &previous, &error))
        return aimak_cli_fail_error_as_given (g_steal_pointer (&error), NULL, NULL);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      backup = g_file_get_path (file);
      if (!aimak_backup_restore (backup, db_path, &previous, &error))
        return aimak_cli_fail_error_as_given (g_steal_pointer (&error), backup, argv[1]);
    }
  g_print (_("Restored “%s” into “%s”.\n"), backup, db_path);
  if (previous)
    g_print (_("The previous database was kept as “%s”.\n"), previous);
  return AIMAK_CLI_OK;
}
