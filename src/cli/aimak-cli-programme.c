/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-programme.c — `aimak-cli programme`: the local development programme
 * document (issue 14) of an area for a period, as ODT or PDF, without the window.
 * On success the only thing on stdout is the path written; progress goes to
 * stderr, and only when stderr is a terminal.
 * Exit status: 0 written, 1 the document could not be written (nothing was left
 * behind), 2 bad arguments (including an unknown area code, language or status).
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-programme.h"
#include "aimak-programme.h"
#if __has_include ("aimak-programme-pdf.h")
#include "aimak-programme-pdf.h"
#define HAVE_PROGRAMME_PDF 1
#endif

/* "proposed, approved" → { "proposed", "approved", NULL }; NULL on an empty list. */
static char **
split_statuses (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i]; i++)
    {
      char *code = g_strstrip (parts[i]);
      if (*code)
        g_ptr_array_add (out, g_strdup (code));
    }
  if (out->len == 0)
    return NULL;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_steal (out, NULL);
}

static gboolean
parse_year (const char *text,
            const char *option,
            int        *out)
{
  guint64 year;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1990, 2100, &year, NULL))
    {
      aimak_cli_fail (_("%s must be a year from 1990 to 2100, not “%s”"), option, text);
      return FALSE;
    }
  *out = (int) year;
  return TRUE;
}

static const char *
guess_format (const char *format,
              const char *output)
{
  if (format)
    return format;
  return g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF") ? "pdf" : "odt";
}

static gboolean
write_document (AimakProgramme *programme,
                const char     *format,
                const char     *target,
                const char     *db_path,
                gboolean        force,
                GError        **error)
{
  if (g_str_equal (format, "odt"))
    return aimak_programme_write_odt (programme, target, db_path, force, NULL, error);
#ifdef HAVE_PROGRAMME_PDF
  return aimak_programme_write_pdf_full (programme, target, db_path, force, NULL, NULL, NULL,
                                         error);
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("PDF output is not available in this build; write an ODT document "
                         "with --format odt."));
  return FALSE;
#endif
}

/* Checks the arguments that need no database; FALSE after printing why. */
static gboolean
check_arguments (const char  *area,
                 const char  *output,
                 const char  *lang,
                 const char  *format)
{
  if (area == NULL || *area == '\0')
    {
      aimak_cli_fail (_("give the area of the programme with --area CODE"));
      return FALSE;
    }
  if (output == NULL || *output == '\0')
    {
      aimak_cli_fail (_("give the file to write with -o FILE (.odt or .pdf)"));
      return FALSE;
    }
  if (!aimak_cli_lang_ok (lang))
    return FALSE;
  if (format && !g_str_equal (format, "odt") && !g_str_equal (format, "pdf"))
    {
      aimak_cli_fail (_("unknown format “%s”: use odt or pdf"), format);
      return FALSE;
    }
  return TRUE;
}

int
aimak_cli_programme (int argc, char **argv)
{
  g_autofree char *area = NULL, *lang = NULL, *output = NULL, *format = NULL;
  g_autofree char *from = NULL, *to = NULL, *statuses = NULL, *target = NULL;
  gboolean below = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "area", 'a', 0, G_OPTION_ARG_STRING, &area, N_("The area with code CODE"), N_("CODE") },
    { "include-below", 0, 0, G_OPTION_ARG_NONE, &below,
      N_("Also the areas below it (a rayon with its ayil aimaks)"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First year of the programme (default: this year)"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last year of the programme (default: two years after the first)"), N_("YEAR") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the document: en, ru or ky (default: the user’s language)"), N_("LANG") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &statuses,
      N_("Include the priorities with these statuses, separated by commas (default: "
         "proposed,approved; rejected ones never)"), N_("LIST") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("odt or pdf (default: from the name of FILE)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the document to FILE"),
      N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it is an existing document"), NULL },
    { NULL }
  };
  AimakProgrammeOptions opts;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(AimakProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean tty = isatty (STDERR_FILENO);
  AimakCliProgress progress = AIMAK_CLI_PROGRESS_INIT (_("Preparing the programme…"));

  if (!aimak_cli_parse_options ("programme", "",
                                _("Writes the local development programme of an area for a "
                                  "period (passport, current situation, problems and priorities, "
                                  "action plan, gender and migration annex, public "
                                  "participation, monitoring) as an OpenDocument text (ODT) to "
                                  "edit, or as a PDF. The file is written under a temporary name "
                                  "beside FILE and renamed when complete. Prints the path of the "
                                  "document. An existing document is replaced only with --force; "
                                  "a database, a file in a backups folder or any other file is "
                                  "never replaced. Exit status: 0 success, 1 the document could "
                                  "not be written, 2 bad arguments."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (!check_arguments (area, output, lang, format))
    return AIMAK_CLI_USAGE;

  aimak_programme_options_init (&opts);
  opts.year_from = g_date_time_get_year (now);
  if (!parse_year (from, "--from", &opts.year_from))
    return AIMAK_CLI_USAGE;
  opts.year_to = opts.year_from + 2;
  if (!parse_year (to, "--to", &opts.year_to))
    return AIMAK_CLI_USAGE;
  opts.area_code = g_strdup (area);
  opts.include_below = below;
  opts.lang = g_strdup (lang ? lang : aimak_lang_current ());
  opts.statuses = statuses ? split_statuses (statuses) : NULL;
  if (statuses && opts.statuses == NULL)
    {
      aimak_programme_options_clear (&opts);
      return aimak_cli_usage (_("--status needs at least one status"));
    }

  /* Read-only: writing the document never changes the database. */
  db = aimak_cli_open_db (AIMAK_CLI_OPEN_READ);
  if (db == NULL)
    {
      aimak_programme_options_clear (&opts);
      return AIMAK_CLI_FAILED;
    }
  target = aimak_file_absolute (output);
  if (!aimak_programme_check_target (target, aimak_db_get_path (db), force, NULL, &error))
    {
      aimak_programme_options_clear (&opts);
      goto failed;
    }
  opts.progress = tty ? aimak_cli_progress_show : NULL;
  opts.progress_data = &progress;
  programme = aimak_programme_build (db, &opts, NULL, &error);
  aimak_programme_options_clear (&opts);
  aimak_cli_progress_end (&progress);
  if (programme == NULL)
    {
      if (error->domain == AIMAK_PROGRAMME_ERROR &&
          (error->code == AIMAK_PROGRAMME_ERROR_INVALID ||
           error->code == AIMAK_PROGRAMME_ERROR_UNKNOWN_AREA))
        return aimak_cli_usage ("%s", error->message);
      return aimak_cli_fail ("%s", error->message);
    }
  if (write_document (programme, guess_format (format, output), target,
                      aimak_db_get_path (db), force, &error))
    {
      g_print ("%s\n", output);
      return AIMAK_CLI_OK;
    }

failed:
  if (g_error_matches (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_EXISTS))
    return aimak_cli_fail (_("“%s” exists already; add --force to replace it"), output);
  {
    g_autofree char *message = aimak_cli_as_given (error->message, target, output);
    return aimak_cli_fail ("%s", message);
  }
}
