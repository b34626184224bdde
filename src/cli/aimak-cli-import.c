/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-import.c — `aimak-cli import-indicators FILE.csv`: imports
 * indicator values from a CSV file, all or nothing unless told otherwise. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"

typedef struct
{
  int         last_percent;
  const char *path;
} Progress;

static void end_progress (Progress *p);

/* Printed as found, not collected: a huge file of bad rows must not fill
 * the memory, and the user sees the first problems at once. */
static void
print_problem (const AimakProblem *problem,
               gpointer                  user_data)
{
  Progress *p = user_data;

  end_progress (p);
  g_printerr ("%s:%u: %s\n", p->path, problem->line, problem->message);
}

/* Only for a person watching a terminal: a redirected stderr gets the bad
 * rows and nothing else. */
static void
show_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  Progress *p = user_data;
  int percent = total ? (int) (done * 100 / total) : 0;

  if (percent == p->last_percent)
    return;
  p->last_percent = percent;
  /* TRANSLATORS: progress of an import on the terminal */
  fprintf (stderr, "\r%s %3d%%", _("Importing…"), percent);
  fflush (stderr);
}

static void
end_progress (Progress *p)
{
  if (p->last_percent >= 0)
    {
      fprintf (stderr, "\r\033[K");
      fflush (stderr);
      p->last_percent = -1;
    }
}

int
aimak_cli_import_indicators (int argc, char **argv)
{
  gboolean skip_bad = FALSE, dry_run = FALSE;
  GOptionEntry entries[] = {
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows even if some rows are bad"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file; change nothing"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AimakImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { -1, NULL };
  gboolean tty;
  AimakImportMode mode;
  const char *path;

  if (!aimak_cli_parse ("import-indicators", _("FILE.csv"),
                        _("Imports indicator values from a CSV file with the columns area "
                          "(code or exact name), indicator (code), year, sex (F/M/T), value, "
                          "source and optionally note; comma or semicolon separated, UTF-8. "
                          "The header may also be in Russian or Kyrgyz (территория, "
                          "показатель, год, пол, значение, источник, примечание; аймак, "
                          "көрсөткүч, жыл, жынысы, маани, булак, эскертүү).\n\n"
                          "Every row is checked first. If any row is bad, each is reported "
                          "as FILE:LINE: reason and nothing is imported, unless "
                          "--skip-bad-rows is given. A value that already exists for the "
                          "same area, indicator, year, sex and source is updated."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc != 2)
    return aimak_cli_usage (argc < 2 ? _("give the CSV file to import")
                                     : _("give exactly one CSV file"));
  if (skip_bad && dry_run)
    return aimak_cli_usage (_("--dry-run and --skip-bad-rows cannot be used together"));
  path = argv[1];
  /* "-" is standard input, read once: a pipe works. */
  file = g_str_equal (path, "-") ? g_file_new_for_path ("/dev/stdin")
                                 : g_file_new_for_commandline_arg (path);

  db = aimak_cli_open_db (dry_run ? AIMAK_CLI_OPEN_READ : AIMAK_DB_OPEN_DEFAULT);
  if (db == NULL)
    return AIMAK_CLI_FAILED;

  mode = dry_run ? AIMAK_IMPORT_CHECK
                 : skip_bad ? AIMAK_IMPORT_SKIP_BAD : AIMAK_IMPORT_ALL_OR_NOTHING;
  tty = isatty (STDERR_FILENO);
  /* Messages name the file as it was given, like the bad-row lines do. */
  progress.path = g_str_equal (path, "-") ? "<stdin>" : path;
  {
    g_autoptr(GInputStream) in = NULL;
    g_autoptr(GFileInfo) info = NULL;
    GError *open_error = NULL;
    AimakImportRun run = { mode, NULL, tty ? show_progress : NULL, print_problem, &progress, 0 };

    in = G_INPUT_STREAM (g_file_read (file, NULL, &open_error));
    if (in == NULL)
      {
        aimak_cli_fail (_("Could not open “%s”: %s"), progress.path, open_error->message);
        g_error_free (open_error);
        return AIMAK_CLI_FAILED;
      }
    info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (in),
                                           G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
    report = aimak_import_indicators_stream (db, in, progress.path,
                                             info ? g_file_info_get_size (info) : 0, &run,
                                             &error);
  }
  end_progress (&progress);
  if (report == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));

  if (dry_run)
    {
      if (report->bad_rows > 0)
        return aimak_cli_fail (ngettext ("%u bad row, %u good (nothing was imported: "
                                         "--dry-run)",
                                         "%u bad rows, %u good (nothing was imported: "
                                         "--dry-run)", report->bad_rows),
                               report->bad_rows, report->good_rows);
      g_print (ngettext ("Checked %u row: all good (nothing was imported: --dry-run)\n",
                         "Checked %u rows: all good (nothing was imported: --dry-run)\n",
                         report->good_rows), report->good_rows);
      return AIMAK_CLI_OK;
    }

  if (!report->committed)
    {
      if (report->good_rows == 0)
        return aimak_cli_fail (_("no row of “%s” is good; nothing was imported"), progress.path);
      return aimak_cli_fail (ngettext ("%u bad row (and %u good); nothing was imported. "
                                       "Correct it, or run again with --skip-bad-rows to "
                                       "import only the good rows.",
                                       "%u bad rows (and %u good); nothing was imported. "
                                       "Correct them, or run again with --skip-bad-rows to "
                                       "import only the good rows.", report->bad_rows),
                             report->bad_rows, report->good_rows);
    }

  /* TRANSLATORS: "Imported 12 values (10 new, 2 updated, 0 unchanged)" */
  g_print (ngettext ("Imported %u value (%u new, %u updated, %u unchanged)",
                     "Imported %u values (%u new, %u updated, %u unchanged)",
                     report->good_rows),
           report->good_rows, report->inserted, report->updated, report->unchanged);
  if (report->bad_rows > 0)
    g_print (ngettext ("; skipped %u bad row", "; skipped %u bad rows", report->bad_rows),
             report->bad_rows);
  g_print ("\n");
  return AIMAK_CLI_OK;
}
