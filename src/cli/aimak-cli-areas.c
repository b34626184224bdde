/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-areas.c — aimak-cli areas: list the areas (current ones, or --all
 * with the former ones), apply a list of territorial changes (preview first,
 * --dry-run changes nothing) and undo one. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aimak-cli.h"

#define NOTHING_CHANGED _("the change list has problems (see above): nothing was changed")

static int
list_areas (int argc, char **argv)
{
  int level = -1;
  gboolean all = FALSE;
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "level", 'l', 0, G_OPTION_ARG_INT, &level, N_("Only areas of level N (1–3)"), "N" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Names in LANG (en, ru or ky)"), "LANG" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Also former areas (ended in a territorial change)"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  if (!aimak_cli_parse_options ("areas", "[apply-changes FILE.csv | undo-change ID]",
                                _("Prints the code and name of each current area, tab-separated; "
                                  "with --all also the former ones, with a third column saying "
                                  "when they ended. “areas apply-changes FILE.csv” applies a "
                                  "list of territorial changes, “areas undo-change ID” takes one "
                                  "back."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (level != -1 && (level < 1 || level > 3))
    return aimak_cli_usage (_("--level must be 1, 2 or 3"));
  if (!aimak_cli_lang_ok (lang))
    return AIMAK_CLI_USAGE;
  db = aimak_cli_open_db_read (lang);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  areas = aimak_area_list_full (db, level, all, &error);
  if (areas == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  for (guint i = 0; i < areas->len; i++)
    {
      AimakArea *a = g_ptr_array_index (areas, i);
      const char *name = aimak_area_name (a, aimak_db_get_language (db));

      if (aimak_area_is_current (a))
        g_print ("%s\t%s\n", a->code, name);
      else
        {
          /* TRANSLATORS: the third column of “aimak-cli areas --all”. */
          g_autofree char *ended = g_strdup_printf (_("former area, ended %s"), a->valid_to);
          g_print ("%s\t%s\t%s\n", a->code, name, ended);
        }
    }
  return AIMAK_CLI_OK;
}

static void
print_section (const char *title,
               GPtrArray  *lines)
{
  if (lines->len == 0)
    return;
  g_print ("%s\n", title);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (lines, i));

      g_print ("  %s\n", line);
    }
}

static void
print_preview (AimakAreaChangePreview *p)
{
  g_autofree char *ending = g_strdup_printf (_("Areas that end (%u):"), p->ending->len);
  g_autofree char *beginning = g_strdup_printf (_("Areas that begin (%u):"), p->beginning->len);
  g_autofree char *renamed = g_strdup_printf (_("Areas renamed (%u):"), p->renamed->len);

  print_section (ending, p->ending);
  print_section (beginning, p->beginning);
  print_section (renamed, p->renamed);
  g_print (_("Records of the areas that end — priorities: %u, indicator values: %u, "
             "activities: %u. They stay attached to the former areas; open ones can be moved "
             "to the successor from the area’s profile.\n"),
           p->n_priorities, p->n_values, p->n_activities);
}

static int
apply_changes (int argc, char **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check and preview only: change nothing"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangeList) list = NULL;
  g_autoptr(AimakAreaChangePreview) preview = NULL;
  GError *error = NULL;
  gint64 batch;

  if (!aimak_cli_parse ("areas apply-changes", "FILE.csv",
                        _("Reads a list of territorial changes (columns of "
                          "area-changes-template.csv), checks it, prints what it would do and "
                          "applies it in one step that “areas undo-change” can take back."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc != 2)
    return aimak_cli_usage (_("give exactly one change list (FILE.csv)"));
  file = g_file_new_for_commandline_arg (argv[1]);
  list = aimak_area_change_list_load (file, problems, NULL, &error);
  if (list == NULL)
    return aimak_cli_fail_error (error);
  db = aimak_cli_open_db (dry_run ? AIMAK_CLI_OPEN_READ : AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  aimak_db_set_language (db, aimak_lang_current ());
  if (!aimak_area_change_list_check (db, list, problems, &error))
    return aimak_cli_fail_error (error);
  if (aimak_problem_list_has_errors (problems))
    return aimak_cli_fail_problems (problems, argv[1], NOTHING_CHANGED);
  preview = aimak_area_change_preview (db, list, &error);
  if (preview == NULL)
    return aimak_cli_fail_error (error);
  print_preview (preview);
  if (dry_run)
    {
      g_print ("%s\n", _("Nothing was changed (--dry-run)."));
      return AIMAK_CLI_OK;
    }
  batch = aimak_area_change_apply (db, list, problems, &error);
  if (batch == 0)
    return problems->len ? aimak_cli_fail_problems (problems, argv[1], NOTHING_CHANGED)
                         : aimak_cli_fail_error (error);
  g_print (_("Applied as change list %d; undo it with “aimak-cli areas undo-change %d”.\n"),
           (int) batch, (int) batch);
  return AIMAK_CLI_OK;
}

static int
undo_change (int argc, char **argv)
{
  g_autoptr(AimakDb) db = NULL;
  GError *error = NULL;
  gint64 batch;
  char *end = NULL;

  if (!aimak_cli_parse ("areas undo-change", "ID",
                        _("Takes back the change list applied as ID (the newest one still "
                          "applied), as if it had never been applied."), NULL, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc != 2 || (batch = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    return aimak_cli_usage (_("give the number of the change list to undo"));
  db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  if (!aimak_area_change_undo (db, batch, &error))
    return aimak_cli_fail_error (error);
  g_print (_("Change list %d was undone.\n"), (int) batch);
  return AIMAK_CLI_OK;
}

/* "aimak-cli areas --database X apply-changes FILE" works as the subcommand
 * first does: the first word naming a subcommand moves to the front. */
static void
subcommand_first (int    argc,
                  char **argv)
{
  for (int i = 2; i < argc; i++)
    if (g_strcmp0 (argv[i], "apply-changes") == 0 || g_strcmp0 (argv[i], "undo-change") == 0)
      {
        char *word = argv[i];

        memmove (argv + 2, argv + 1, (gsize) (i - 1) * sizeof (char *));
        argv[1] = word;
        return;
      }
}

int
aimak_cli_areas (int argc, char **argv)
{
  subcommand_first (argc, argv);
  if (argc > 1 && g_strcmp0 (argv[1], "apply-changes") == 0)
    return apply_changes (argc - 1, argv + 1);
  if (argc > 1 && g_strcmp0 (argv[1], "undo-change") == 0)
    return undo_change (argc - 1, argv + 1);
  return list_areas (argc, argv);
}
