/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli.c — headless Aimak: check, areas, export, import, demo data.
 * Results go to stdout, errors to stderr in the user's language. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-programme.h"
#include "aimak-cli-server.h"
#include "aimak-i18n.h"
#include "aimak-problem.h"

static char *opt_database;

static const struct
{
  const char      *name;
  AimakCliCommand  run;
  const char      *help;
} commands[] = {
  { "check", aimak_cli_check, N_("Check the database’s integrity and count its records") },
  { "areas", aimak_cli_areas,
    N_("List areas with their codes; apply or undo a list of territorial changes") },
  { "migrate", aimak_cli_migrate,
    N_("Upgrade the database to this version’s schema (after a backup), or create it") },
  { "backup", aimak_cli_backup, N_("Back up the database, or list its backups") },
  { "restore", aimak_cli_restore, N_("Replace the database with a checked backup") },
  { "import-indicators", aimak_cli_import_indicators,
    N_("Import indicator values from a CSV file") },
  { "demo", aimak_cli_demo, N_("Create or remove demo data (flagged as demo)") },
  { "export", aimak_cli_export,
    N_("Write the Excel workbook of an area, the pilot areas or all areas") },
  { "package", aimak_cli_package,
    N_("Write an exchange package of an area’s data to send to another desk") },
  { "receive", aimak_cli_receive,
    N_("Receive an exchange package: preview, conflicts, then apply") },
  { "summary", aimak_cli_summary,
    N_("Print the Summary figures of an area, the pilot areas or all areas") },
  { "programme", aimak_cli_programme,
    N_("Write the local development programme of an area as ODT or PDF") },
  { "server", aimak_cli_server,
    N_("Office server: setting it up, and this desk’s settings") },
  { "sync", aimak_cli_sync,
    N_("Sync this desk’s database with its office server") },
};

int
aimak_cli_fail_as (int         status,
                   const char *format,
                   ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("aimak-cli: %s\n", message);
  return status;
}

char *
aimak_cli_as_given (const char *message,
                    const char *resolved,
                    const char *given)
{
  GString *text = g_string_new (message);

  /* Messages name the file as the user wrote it, not the absolute path the
   * command resolved it to. */
  if (resolved && given && *resolved && g_strcmp0 (resolved, given) != 0)
    {
      g_autofree char *dir = g_path_get_dirname (resolved);
      g_autofree char *given_dir = g_path_get_dirname (given);

      g_string_replace (text, resolved, given, 0);
      /* Its folder too ("The folder “…” does not exist"), unless that is the
       * current folder, which "." would not make clearer. */
      if (!g_path_is_absolute (given) && g_strcmp0 (given_dir, ".") != 0)
        {
          /* Quoted as English, Russian and Kyrgyz quote. */
          static const char *const quotes[][2] = { { "“", "”" }, { "«", "»" } };

          for (guint q = 0; q < G_N_ELEMENTS (quotes); q++)
            {
              g_autofree char *quoted = g_strconcat (quotes[q][0], dir, quotes[q][1], NULL);
              g_autofree char *given_quoted = g_strconcat (quotes[q][0], given_dir,
                                                           quotes[q][1], NULL);
              g_string_replace (text, quoted, given_quoted, 0);
            }
        }
    }
  return g_string_free (text, FALSE);
}

int
aimak_cli_fail_error_as_given (GError     *error,
                               const char *file,
                               const char *file_given)
{
  g_autofree char *db_path = aimak_cli_get_database_path ();
  g_autofree char *message = NULL;

  if (error == NULL)
    return aimak_cli_fail_error (NULL);
  /* FILE first: the database's path may be a prefix of it. Then the database, then
   * its folder (backups/ beside it), each as the user wrote it. */
  message = aimak_cli_as_given (error->message, file, file_given);
  if (opt_database)
    {
      g_autofree char *as_db = aimak_cli_as_given (message, db_path, opt_database);
      g_autofree char *dir = g_path_get_dirname (db_path);
      g_autofree char *given_dir = g_path_get_dirname (opt_database);
      g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
      g_autofree char *given_prefix = g_strcmp0 (given_dir, ".") == 0
                                      ? g_strdup ("")
                                      : g_strconcat (given_dir, G_DIR_SEPARATOR_S, NULL);

      g_free (message);
      message = g_steal_pointer (&as_db);
      if (!g_path_is_absolute (opt_database) && g_strcmp0 (dir, G_DIR_SEPARATOR_S) != 0)
        {
          GString *text = g_string_new (message);
          g_string_replace (text, prefix, given_prefix, 0);
          g_free (message);
          message = g_string_free (text, FALSE);
        }
    }
  g_free (error->message);
  error->message = g_steal_pointer (&message);
  return aimak_cli_fail_error (error);
}

int
aimak_cli_fail_error (GError *error)
{
  int code = error && error->domain == G_OPTION_ERROR ? AIMAK_CLI_USAGE : AIMAK_CLI_FAILED;

  g_printerr ("aimak-cli: %s\n", error ? error->message : _("unknown error"));
  g_clear_error (&error);
  return code;
}

int
aimak_cli_fail_problems (GPtrArray  *problems,
                         const char *file,
                         const char *message)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      /* TRANSLATORS: "FILE:LINE: message", as compilers print it. */
      g_printerr (_("aimak-cli: %s:%u: %s\n"), file, p->line, p->message);
    }
  return aimak_cli_fail ("%s", message);
}

gboolean
aimak_cli_parse (const char    *command,
                 const char    *parameter_string,
                 const char    *summary,
                 GOptionEntry  *entries,
                 int           *argc,
                 char        ***argv)
{
  const GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
      N_("Use the database at PATH instead of the default"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *prog = g_strdup_printf ("aimak-cli %s", command);

  g_set_prgname (prog);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("aimak-cli %s: %s\n", command, error->message);
      g_printerr (_("Run “aimak-cli %s --help” to see the options.\n"), command);
      return FALSE;
    }
  /* An empty path (a script's unset variable) would be the current folder. */
  if (opt_database && *opt_database == '\0')
    {
      g_printerr ("aimak-cli %s: %s\n", command,
                  _("--database needs the path of a database file"));
      return FALSE;
    }
  return TRUE;
}

char *
aimak_cli_get_database_path (void)
{
  /* Resolved here, once, so that nothing later depends on the current folder
   * (which may be read-only or not even readable). */
  return opt_database ? aimak_file_absolute (opt_database) : aimak_db_default_path ();
}

/* SQLite's quick_check reads the whole file: only `check` runs it when it opens
 * the database (a migration and a kept backup are checked in any case). */
static gboolean quick_check_on_open;

AimakDb *
aimak_cli_open_db (AimakDbFlags flags)
{
  g_autofree char *path = aimak_cli_get_database_path ();
  g_autoptr(GError) error = NULL;
  AimakDb *db = aimak_db_open (path, quick_check_on_open ? flags
                                                         : flags | AIMAK_DB_OPEN_NO_QUICK_CHECK,
                               &error);

  if (db == NULL)
    {
      g_autofree char *message = aimak_cli_as_given (error->message, path, opt_database);
      g_printerr ("aimak-cli: %s\n", message);
    }
  return db;
}

void
aimak_cli_progress_show (double   fraction,
                         gpointer progress)
{
  AimakCliProgress *p = progress;
  int percent = (int) (fraction * 100.0 + 0.5);

  if (percent == p->last)
    return;
  p->last = percent;
  g_printerr ("\r%s %3d %%", p->what, percent);
}

void
aimak_cli_progress_end (AimakCliProgress *progress)
{
  if (progress->last >= 0)
    g_printerr ("\n");
}

AimakDb *
aimak_cli_open_db_read (const char *lang)
{
  AimakDb *db = aimak_cli_open_db (AIMAK_CLI_OPEN_READ);

  if (db != NULL)
    aimak_db_set_language (db, lang ? lang : aimak_lang_current ());
  return db;
}

gboolean
aimak_cli_parse_options (const char    *command,
                         const char    *parameter_string,
                         const char    *summary,
                         GOptionEntry  *entries,
                         int           *argc,
                         char        ***argv)
{
  if (!aimak_cli_parse (command, parameter_string, summary, entries, argc, argv))
    return FALSE;
  if (*argc > 1)
    {
      aimak_cli_fail (_("unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_cli_lang_ok (const char *lang)
{
  if (lang && !aimak_lang_is_valid (lang))
    {
      aimak_cli_fail (_("unknown language “%s”: use en, ru or ky"), lang);
      return FALSE;
    }
  return TRUE;
}

void
aimak_cli_scope_options (GOptionEntry  entries[3],
                         AimakCliScope *scope)
{
  const GOptionEntry options[] = {
    { "area", 'a', 0, G_OPTION_ARG_STRING, &scope->area,
      N_("The area with code CODE and everything below it"), N_("CODE") },
    { "pilots", 0, 0, G_OPTION_ARG_NONE, &scope->pilots, N_("The pilot areas"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &scope->all, N_("All areas"), NULL },
  };

  memcpy (entries, options, sizeof options);
}

gboolean
aimak_cli_scope_ok (const AimakCliScope *scope,
                    AimakScopeKind      *kind)
{
  if ((scope->area != NULL) + scope->pilots + scope->all != 1)
    {
      aimak_cli_fail (_("give exactly one of --area CODE, --pilots or --all"));
      return FALSE;
    }
  *kind = scope->area ? AIMAK_SCOPE_AREA : scope->pilots ? AIMAK_SCOPE_PILOTS : AIMAK_SCOPE_ALL;
  return TRUE;
}

void
aimak_cli_scope_clear (AimakCliScope *scope)
{
  g_clear_pointer (&scope->area, g_free);
}

int
aimak_cli_check (int argc, char **argv)
{
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean clean;

  if (!aimak_cli_parse ("check", "", _("Runs SQLite’s integrity and foreign-key checks and "
                                       "prints the number of records in each table. "
                                       "Exits with 0 only if the database is clean."),
                        NULL, &argc, &argv))
    return AIMAK_CLI_USAGE;
  /* Only reads: never creates, upgrades or otherwise changes the file. */
  quick_check_on_open = TRUE;
  db = aimak_cli_open_db (AIMAK_CLI_OPEN_READ);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  clean = aimak_db_check (db, report, &error);
  g_print ("%s", report->str);
  if (error)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (!clean)
    return aimak_cli_fail (_("the database “%s” has problems (see above)"),
                           aimak_db_get_path (db));
  return AIMAK_CLI_OK;
}

int
aimak_cli_migrate (int argc, char **argv)
{
  g_autoptr(AimakDb) db = NULL;
  g_autofree char *path = NULL;
  int before = -1;

  if (!aimak_cli_parse_options ("migrate", "",
                                _("Upgrades the database to the schema of this version of Aimak, "
                                  "as opening it in the app does: a dated backup is made first, "
                                  "and a failed upgrade leaves the file as it was. Commands that "
                                  "only read (check, areas, summary, export, --dry-run) ask for "
                                  "this instead of upgrading the file themselves. A missing "
                                  "database is created."),
                                NULL, &argc, &argv))
    return AIMAK_CLI_USAGE;
  path = aimak_cli_get_database_path ();
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Read-only first: the version it had, for the message. */
      db = aimak_cli_open_db (AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE);
      if (db == NULL)
        return AIMAK_CLI_FAILED;
      before = aimak_db_get_version (db);
      g_clear_pointer (&db, aimak_db_unref);
    }
  db = aimak_cli_open_db (AIMAK_DB_OPEN_DEFAULT);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (before < 0)
    {
      g_print (_("Created “%s” (schema %d).\n"), aimak_db_get_path (db),
               aimak_db_get_version (db));
      return AIMAK_CLI_OK;
    }
  if (aimak_db_is_read_only (db) && before < aimak_db_latest_version ())
    return aimak_cli_fail (_("“%s” cannot be upgraded: the file or its folder is read-only"),
                           aimak_db_get_path (db));
  if (before == aimak_db_get_version (db))
    g_print (_("“%s” is up to date (schema %d).\n"), aimak_db_get_path (db), before);
  else
    g_print (_("Upgraded “%s” from schema %d to %d.\n"), aimak_db_get_path (db), before,
             aimak_db_get_version (db));
  return AIMAK_CLI_OK;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: aimak-cli COMMAND [OPTIONS…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-20s %s\n", commands[i].name, _(commands[i].help));
  fprintf (out, "\n%s\n", _("Run “aimak-cli COMMAND --help” for a command’s options. "
                            "Every command takes --database PATH."));
}

int
main (int argc, char **argv)
{
  aimak_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return AIMAK_CLI_USAGE;
    }
  if (g_strcmp0 (argv[1], "--version") == 0 || g_strcmp0 (argv[1], "-V") == 0)
    {
      g_print ("aimak-cli %s\n", PACKAGE_VERSION);
      return AIMAK_CLI_OK;
    }
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return AIMAK_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("aimak-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return AIMAK_CLI_USAGE;
}
