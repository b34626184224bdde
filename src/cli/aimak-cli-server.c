/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-server.c — `aimak-cli server …` and `aimak-cli sync`: the office
 * server from the command line (aimak-server.h, aimak-sync.h).
 * Passwords come from AIMAK_SERVER_PASSWORD or --password-file (a desk's new
 * password from --desk-password-file or a prompt), never from arguments that
 * other users could see; URLs are printed without them.
 * Exit status: 0 done, 1 failed (sync: or conflicts left undecided, listed),
 * 2 bad arguments.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-server.h"

#define PASSWORD_ENV "AIMAK_SERVER_PASSWORD"

char *
aimak_cli_read_password (const char  *file,
                         GError     **error)
{
  g_autofree char *contents = NULL;

  if (file == NULL)
    return g_strdup (g_getenv (PASSWORD_ENV));
  if (!g_file_get_contents (file, &contents, NULL, error))
    return NULL;
  contents[strcspn (contents, "\r\n")] = '\0';
  return g_steal_pointer (&contents);
}

/* Asks for a new password on the terminal, twice, without echo. */
static char *
prompt_password (const char *name)
{
  struct termios old, quiet;
  char first[256] = "", second[256] = "";
  gboolean same;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &old) != 0)
    return NULL;
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  g_printerr (_("New password for desk %s: "), name);
  if (fgets (first, sizeof first, stdin) == NULL)
    first[0] = '\0';
  g_printerr ("\n");
  g_printerr (_("The same password again: "));
  if (fgets (second, sizeof second, stdin) == NULL)
    second[0] = '\0';
  g_printerr ("\n");
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  first[strcspn (first, "\r\n")] = '\0';
  second[strcspn (second, "\r\n")] = '\0';
  same = strcmp (first, second) == 0 && *first != '\0';
  return same ? g_strdup (first) : NULL;
}

void
aimak_cli_owner_options (GOptionEntry  entries[2],
                         char        **url,
                         char        **password_file)
{
  const GOptionEntry url_option = {
    "url", 'u', 0, G_OPTION_ARG_STRING, url,
    N_("The server database, as postgresql://owner@host:port/database?sslmode=…"), N_("URL")
  };

  entries[0] = url_option;
  aimak_cli_password_file_option (&entries[1], password_file);
}

/* The config from --url (its password, if any, goes to @password). */
AimakServerConfig *
aimak_cli_server_config (const char  *url,
                         char       **password,
                         const char  *password_file,
                         GError     **error)
{
  g_autofree char *url_password = NULL;
  g_autoptr(AimakServerConfig) config = aimak_server_config_from_url (url, &url_password, error);

  if (config == NULL)
    return NULL;
  *password = url_password ? g_steal_pointer (&url_password) : NULL;
  if (*password == NULL || password_file != NULL)
    {
      g_free (*password);
      *password = aimak_cli_read_password (password_file, error);
      if (password_file != NULL && *password == NULL)
        return NULL;
    }
  return g_steal_pointer (&config);
}

gboolean
aimak_cli_open_desk (AimakDbFlags        flags,
                     AimakDb           **db,
                     AimakServerConfig **config)
{
  g_autoptr(GError) error = NULL;

  *db = aimak_cli_open_db (flags);
  if (*db == NULL)
    return FALSE;
  *config = aimak_server_config_load (*db, &error);
  if (*config == NULL)
    {
      aimak_cli_fail_error (g_steal_pointer (&error));
      return FALSE;
    }
  if ((*config)->host == NULL)
    {
      aimak_cli_fail (_("no office server is set for this desk (aimak-cli server set)"));
      return FALSE;
    }
  return TRUE;
}

void
aimak_cli_password_file_option (GOptionEntry  *entry,
                                char         **password_file)
{
  const GOptionEntry option = {
    "password-file", 0, 0, G_OPTION_ARG_FILENAME, password_file,
    N_("Read the password from FILE (else AIMAK_SERVER_PASSWORD)"), N_("FILE")
  };

  *entry = option;
}

static int
server_init (int argc, char **argv)
{
  g_autofree char *url = NULL, *password_file = NULL, *password = NULL;
  GOptionEntry entries[] = {
    { NULL }, { NULL },  /* --url, --password-file: aimak_cli_owner_options() */
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int from = 0, to = 0;

  aimak_cli_owner_options (entries, &url, &password_file);
  if (!aimak_cli_parse ("server init", "",
                        _("Creates the Aimak schema on a PostgreSQL database, or upgrades it, "
                          "as the database’s owner, and loads the areas. Refuses a server set up "
                          "by a newer Aimak."), entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (url == NULL)
    return aimak_cli_usage (_("give the server with --url postgresql://…"));
  config = aimak_cli_server_config (url, &password, password_file, &error);
  if (config == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  db = aimak_cli_open_db (AIMAK_CLI_OPEN_READ);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (!aimak_server_init (config, password, db, &from, &to, NULL, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  shown = aimak_server_config_to_url (config);
  if (from == to)
    g_print (_("%s: server schema %d is current; areas loaded\n"), shown, to);
  else
    g_print (_("%s: server schema %d → %d; areas loaded\n"), shown, from, to);
  return AIMAK_CLI_OK;
}

static int
server_add_desk (int argc, char **argv)
{
  g_autofree char *url = NULL, *password_file = NULL, *password = NULL, *areas = NULL;
  g_autofree char *desk_file = NULL, *desk_password = NULL;
  gboolean ministry = FALSE;
  GOptionEntry entries[] = {
    { NULL }, { NULL },  /* --url, --password-file: aimak_cli_owner_options() */
    { "areas", 'a', 0, G_OPTION_ARG_STRING, &areas,
      N_("The areas the desk writes, comma-separated"), N_("CODE,…") },
    { "ministry", 0, 0, G_OPTION_ARG_NONE, &ministry, N_("The desk reads every area"), NULL },
    { "desk-password-file", 0, 0, G_OPTION_ARG_FILENAME, &desk_file,
      N_("Read the desk’s new password from FILE (else it is asked for)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;

  aimak_cli_owner_options (entries, &url, &password_file);
  if (!aimak_cli_parse ("server add-desk", "NAME",
                        _("Creates the PostgreSQL role of a desk, or updates its areas and "
                          "password, as the server database’s owner. The desk reads its areas "
                          "and every area under them, and writes only its own."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc != 2 || url == NULL || (areas == NULL && !ministry))
    return aimak_cli_usage (_("give the desk’s NAME, the server with --url and its areas with "
                              "--areas CODE,… (or --ministry)"));
  config = aimak_cli_server_config (url, &password, password_file, &error);
  if (config == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  desk_password = desk_file ? aimak_cli_read_password (desk_file, &error) : prompt_password (argv[1]);
  if (desk_password == NULL)
    return error ? aimak_cli_fail_error (g_steal_pointer (&error))
                 : aimak_cli_fail (_("no password for the desk: give --desk-password-file FILE "
                                     "or type the same password twice"));
  codes = areas ? g_strsplit (areas, ",", -1) : g_new0 (char *, 1);
  if (!aimak_server_add_desk (config, password, argv[1], desk_password,
                              (const char * const *) codes, ministry, NULL, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  g_print (_("Desk %s may write %s\n"), argv[1], areas ? areas : "—");
  return AIMAK_CLI_OK;
}

/* `server set`: stores this desk's settings in its database. */
static int
server_set (int argc, char **argv)
{
  g_autofree char *url = NULL, *areas = NULL, *password = NULL;
  GOptionEntry entries[] = {
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url,
      N_("This desk’s server, as postgresql://desk@host:port/database?sslmode=…"), N_("URL") },
    { "areas", 'a', 0, G_OPTION_ARG_STRING, &areas,
      N_("The areas this desk works on, comma-separated"), N_("CODE,…") },
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  if (!aimak_cli_parse ("server set", "",
                        _("Stores this desk’s office server and areas in its database (never "
                          "the password)."), entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (url == NULL)
    return aimak_cli_usage (_("give the server with --url postgresql://…"));
  config = aimak_server_config_from_url (url, &password, &error);
  if (config == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (password != NULL)
    return aimak_cli_fail (_("the URL carries a password, which is never stored: give it with "
                             "AIMAK_SERVER_PASSWORD or --password-file when syncing"));
  g_strfreev (config->areas);
  config->areas = areas && *areas ? g_strsplit (areas, ",", -1) : g_new0 (char *, 1);
  db = aimak_cli_open_db (AIMAK_DB_OPEN_DEFAULT);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (!aimak_server_config_save (db, config, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  shown = aimak_server_config_to_url (config);
  g_print ("%s\n", shown);
  return AIMAK_CLI_OK;
}

/* `server unset`: this desk stops using its server. The records and the
 * changes not sent yet stay (aimak_server_config_clear()). */
static int
server_unset (int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 pending;

  if (!aimak_cli_parse ("server unset", "",
                        _("Stops using the office server: removes this desk’s server settings "
                          "from its database. The records stay; changes not sent yet stay "
                          "queued and are sent if the desk is set to the same server again. "
                          "A password kept in the desktop keyring is removed by the app, "
                          "not here."), entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc > 1)
    return aimak_cli_usage (_("server unset takes no arguments"));
  db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (!aimak_server_is_configured (db))
    {
      g_print (_("No office server is set for this desk; nothing changed.\n"));
      return AIMAK_CLI_OK;
    }
  config = aimak_server_config_load (db, &error);
  if (config == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  pending = aimak_sync_pending_count (db, NULL);
  if (!aimak_server_config_clear (db, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  shown = aimak_server_config_to_url (config);
  g_print (_("This desk no longer syncs with %s\n"), shown);
  if (pending > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%d change not sent yet stays queued; it is sent if this desk is set "
                          "to this server again.\n",
                          "%d changes not sent yet stay queued; they are sent if this desk is "
                          "set to this server again.\n", pending), (int) pending);
  return AIMAK_CLI_OK;
}

/* `server status`: the settings, the changes waiting, the last sync, and,
 * with a password, the connection test. */
static int
server_status (int argc, char **argv)
{
  g_autofree char *password_file = NULL, *password = NULL, *shown = NULL;
  gboolean test = FALSE;
  GOptionEntry entries[] = {
    { "test", 't', 0, G_OPTION_ARG_NONE, &test, N_("Also test the connection"), NULL },
    { NULL },  /* --password-file: aimak_cli_password_file_option() */
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(AimakServerInfo) info = NULL;
  g_autofree char *areas = NULL, *when = NULL, *n_pending = NULL;
  gint64 pending;

  aimak_cli_password_file_option (&entries[1], &password_file);
  if (!aimak_cli_parse ("server status", "", _("Shows this desk’s office server settings, the "
                                               "changes waiting and the last sync."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (!aimak_cli_open_desk (AIMAK_CLI_OPEN_READ, &db, &config))
    return AIMAK_CLI_FAILED;
  shown = aimak_server_config_to_url (config);
  areas = g_strjoinv (",", config->areas);
  pending = aimak_sync_pending_count (db, NULL);
  last = aimak_sync_last_synced (db);
  when = last ? g_date_time_format_iso8601 (last) : g_strdup (_("never"));
  n_pending = g_strdup_printf ("%" G_GINT64_FORMAT, pending);
  g_print (_("Server: %s\nAreas: %s\nChanges waiting: %s\nLast synced: %s\n"),
           shown, areas, n_pending, when);
  {
    gint64 not_sent = aimak_server_read_only_changes (db, NULL, NULL, NULL);

    if (not_sent > 0)
      {
        g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, not_sent);

        g_print (_("Changes never sent (areas this desk may only read): %s\n"), n);
      }
  }
  if (!test)
    return AIMAK_CLI_OK;
  password = aimak_cli_read_password (password_file, &error);
  if (password_file != NULL && password == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (!aimak_server_test_connection (config, password, &info, NULL, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  g_print (_("Connected as %s to PostgreSQL %s, server schema %d\n"), info->role,
           info->server_version, info->schema_version);
  return AIMAK_CLI_OK;
}

int
aimak_cli_server (int argc, char **argv)
{
  static const struct
  {
    const char      *name;
    AimakCliCommand  run;
  } subcommands[] = {
    { "init", server_init }, { "add-desk", server_add_desk },
    { "set", server_set }, { "unset", server_unset }, { "status", server_status },
    { "publish-area-changes", aimak_cli_server_publish_area_changes },
  };

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (subcommands); i++)
    if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (argc - 1, argv + 1);
  g_printerr (_("Usage: aimak-cli server %s [OPTIONS…]\n"), "init|add-desk|set|unset|status|publish-area-changes");
  return AIMAK_CLI_USAGE;
}
