/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-export.c — `aimak-cli export`: the Excel workbook of an area, the pilot
 * areas or everything, without the window. On success the only thing on stdout is
 * the path written, so scripts can pick it up; progress goes to stderr, and only
 * when stderr is a terminal.
 * Exit status: 0 written, 1 the export failed (nothing was left behind), 2 bad
 * arguments (including an unknown area code or language).
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"

int
aimak_cli_export (int argc, char **argv)
{
  g_auto(AimakCliScope) scope = { 0 };
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autofree char *target = NULL;
  gboolean force = FALSE;
  int suppress = -1;
  GOptionEntry entries[] = {
    { NULL }, { NULL }, { NULL },  /* --area, --pilots, --all: aimak_cli_scope_options() */
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the workbook: en, ru or ky (default: the user’s language)"),
      N_("LANG") },
    { "suppress-small", 0, 0, G_OPTION_ARG_INT, &suppress,
      N_("Show counts of migrant or returnee women below N in ayil aimaks as “<N”"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the workbook to FILE (.xlsx)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it is an existing workbook"), NULL },
    { NULL }
  };
  AimakExportOptions opts = { 0 };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(AimakArea) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean tty = isatty (STDERR_FILENO);
  AimakCliProgress progress = AIMAK_CLI_PROGRESS_INIT (_("Exporting…"));
  gboolean ok;

  aimak_cli_scope_options (entries, &scope);
  if (!aimak_cli_parse_options ("export", "",
                                _("Writes the Excel workbook (cover, profile, priorities, "
                                  "indicators, capacity building, gender budget and alignment) "
                                  "for one scope: --area CODE, --pilots or --all. The file is "
                                  "written under a temporary name beside FILE and renamed when "
                                  "complete. Prints the path of the workbook. An existing "
                                  "workbook is replaced only with --force; a database, a file in "
                                  "a backups folder or any other file is never replaced. Exit "
                                  "status: 0 success, 1 the workbook could not be written, 2 bad "
                                  "arguments."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (!aimak_cli_scope_ok (&scope, &opts.scope.kind))
    return AIMAK_CLI_USAGE;
  if (output == NULL || *output == '\0')
    return aimak_cli_usage (_("give the file to write with -o FILE.xlsx"));
  if (!aimak_cli_lang_ok (lang))
    return AIMAK_CLI_USAGE;
  if (suppress != -1 && (suppress < 1 || suppress > 100))
    return aimak_cli_usage (_("--suppress-small must be between 1 and 100"));

  /* Read-only: exporting never changes the database, and works on a backup copy too. */
  db = aimak_cli_open_db (AIMAK_CLI_OPEN_READ);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (scope.area)
    {
      found = aimak_area_get (db, scope.area, NULL);
      if (found == NULL)
        return aimak_cli_usage (_("there is no area with the code “%s” (see “aimak-cli areas”)"),
                                scope.area);
    }

  opts.scope.area_code = scope.area;
  opts.lang = (char *) (lang ? lang : aimak_lang_current ());
  opts.suppress_small = suppress != -1;
  opts.threshold = suppress != -1 ? suppress : AIMAK_EXPORT_DEFAULT_THRESHOLD;
  opts.replace = force;

  /* Resolved here, once: the core never depends on the current folder. */
  target = aimak_file_absolute (output);
  ok = aimak_export_workbook (db, &opts, target, NULL, tty ? aimak_cli_progress_show : NULL,
                              &progress, &error);
  aimak_cli_progress_end (&progress);
  if (g_error_matches (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_EXISTS))
    return aimak_cli_fail (_("“%s” exists already; add --force to replace it"), output);
  if (!ok)
    {
      g_autofree char *message = aimak_cli_as_given (error->message, target, output);
      return aimak_cli_fail ("%s", message);
    }
  g_print ("%s\n", output);
  return AIMAK_CLI_OK;
}
