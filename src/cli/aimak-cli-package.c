/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-package.c — `aimak-cli package` and `aimak-cli receive`: exchange
 * packages from the command line (docs/exchange-format.md).
 * package: 0 written (its path on stdout), 1 not written, 2 bad arguments.
 * receive: 0 applied (or, with --dry-run, previewed without conflicts), 1 not
 * applied (a damaged or newer package, or conflicts without --prefer: they are
 * listed), 2 bad arguments. `receive --list` lists what was received,
 * `receive --undo ID` takes a receive back (1 when refused).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-server.h"

int
aimak_cli_package (int argc, char **argv)
{
  g_autofree char *area = NULL;
  g_autofree char *output = NULL;
  gboolean below = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "area", 'a', 0, G_OPTION_ARG_STRING, &area, N_("The area with code CODE"), N_("CODE") },
    { "include-below", 0, 0, G_OPTION_ARG_NONE, &below,
      N_("Also every area under it (a rayon’s ayil aimaks)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the package to FILE (.aimak)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it is an existing package"), NULL },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackageManifest) m = NULL;

  if (!aimak_cli_parse_options ("package", "",
                                _("Writes an exchange package of the priorities, activities and "
                                  "indicator values entered for an area, to send to the desk "
                                  "above (by e-mail or on a USB stick). Reference data is not "
                                  "sent. What was sent becomes the base of the next exchange. "
                                  "Exit status: 0 written, 1 not written, 2 bad arguments."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (area == NULL || output == NULL || *output == '\0')
    return aimak_cli_usage (_("give the area with --area CODE and the file with -o FILE.aimak"));
  db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  m = aimak_package_write (db, area, below, output, force, &error);
  if (g_error_matches (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NO_AREA))
    return aimak_cli_usage (_("there is no area with the code “%s” (see “aimak-cli areas”)"),
                            area);
  if (m == NULL)
    {
      g_autofree char *target = aimak_file_absolute (output);

      return aimak_cli_fail_error_as_given (g_steal_pointer (&error), target, output);
    }
  g_printerr (_("%u priorities, %u activities, %u indicator values\n"),
              m->n_priorities, m->n_activities, m->n_values);
  g_print ("%s\n", output);
  return AIMAK_CLI_OK;
}

static void
print_item (const AimakMergeItem *item)
{
  g_autofree char *label = aimak_package_item_label (item);
  const AimakMergeRecord *r = item->theirs;

  g_print ("%-12s %-16s %-14s %s\n", aimak_merge_kind_to_string (item->kind), r->entity,
           r->area_code, label);
  if (item->reason != NULL)
    g_print ("             %s\n", item->reason);
  if (item->kind != AIMAK_MERGE_CONFLICT)
    return;
  for (guint i = 0; i < item->fields->len; i++)
    {
      const AimakMergeField *f = g_ptr_array_index (item->fields, i);

      /* TRANSLATORS: a conflicting field: its name, this desk's value, the package's. */
      g_print (_("             %s: mine “%s”, theirs “%s”\n"), f->field,
               f->mine ? f->mine : "", f->theirs ? f->theirs : "");
    }
}

static void
print_preview (const AimakPackagePreview *preview)
{
  const AimakPackageManifest *m = preview->manifest;
  g_autofree char *areas = g_strjoinv (", ", m->areas);

  g_print (_("Package from desk %s%s%s, areas %s, written %s by Aimak %s\n"), m->origin_desk,
           m->origin_desk_name && *m->origin_desk_name ? " — " : "",
           m->origin_desk_name ? m->origin_desk_name : "", areas, m->created_at,
           m->app_version ? m->app_version : "?");
  aimak_cli_print_area_changes (preview->area_changes, TRUE);
  for (guint i = 0; i < preview->items->len; i++)
    {
      const AimakMergeItem *item = g_ptr_array_index (preview->items, i);

      if (item->kind != AIMAK_MERGE_UNCHANGED)
        print_item (item);
    }
  g_print (_("New %u, unchanged %u, updated %u, conflicts %u, rejected %u\n"),
           preview->counts[AIMAK_MERGE_NEW], preview->counts[AIMAK_MERGE_UNCHANGED],
           preview->counts[AIMAK_MERGE_UPDATED], preview->counts[AIMAK_MERGE_CONFLICT],
           preview->counts[AIMAK_MERGE_REJECTED]);
}

static int
receive_list (AimakDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = aimak_package_list_receipts (db, TRUE, &error);

  if (receipts == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  for (guint i = 0; i < receipts->len; i++)
    {
      const AimakPackageReceipt *r = g_ptr_array_index (receipts, i);
      g_autofree char *areas = g_strjoinv (", ", r->areas);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s (%s)\t%s\n", r->id, r->received_at,
               *r->desk_name ? r->desk_name : "?", r->origin_desk, areas);
      g_print (_("\tnew %u, updated %u, unchanged %u, conflicts %u, rejected %u%s\n"),
               r->n_new, r->n_updated, r->n_unchanged, r->n_conflicts, r->n_rejected,
               r->undone ? _(" — undone") : "");
    }
  return AIMAK_CLI_OK;
}

static int
receive_undo (AimakDb    *db,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (id, 10, 1, G_MAXINT64, &n, NULL))
    return aimak_cli_usage (_("--undo takes the number of a receive (see --list)"));
  if (!aimak_package_undo_receive (db, (gint64) n, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  g_print (_("Receive %s was undone.\n"), id);
  return AIMAK_CLI_OK;
}

int
aimak_cli_receive (int argc, char **argv)
{
  g_autofree char *prefer = NULL;
  g_autofree char *undo = NULL;
  gboolean dry_run = FALSE, list = FALSE;
  gint64 receipt = 0;
  g_autofree char *number = NULL;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list,
      N_("List the packages received here, newest first, with their numbers"), NULL },
    { "undo", 0, 0, G_OPTION_ARG_STRING, &undo,
      N_("Take back the receive with number ID as a whole"), N_("ID") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only show what receiving would do; change nothing"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer,
      N_("Resolve every conflict by keeping this desk’s version (mine) or the package’s "
         "(theirs)"), N_("mine|theirs") },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackagePreview) preview = NULL;
  guint written = 0, refused;

  if (!aimak_cli_parse ("receive", _("FILE"),
                        _("Receives an exchange package: shows each record as new, unchanged, "
                          "updated, in conflict or rejected (with the reason), then applies "
                          "it in one transaction. A record changed both here and in the "
                          "package is a conflict: without --prefer nothing is applied and the "
                          "conflicts are listed field by field. Receiving the same package "
                          "again changes nothing. --list shows what was received; --undo "
                          "takes a receive back unless its records changed since. Exit "
                          "status: 0 applied, 1 not applied, 2 bad arguments."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if ((list || undo != NULL) && argc == 1)
    {
      db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
      if (db == NULL)
        return AIMAK_CLI_FAILED;
      return list ? receive_list (db) : receive_undo (db, undo);
    }
  if (argc != 2 || list || undo != NULL)
    return aimak_cli_usage (_("give one package file to receive"));
  if (prefer != NULL && g_strcmp0 (prefer, "mine") != 0 && g_strcmp0 (prefer, "theirs") != 0)
    return aimak_cli_usage (_("--prefer takes “mine” or “theirs”"));
  db = aimak_cli_open_db (AIMAK_DB_OPEN_NO_CREATE);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  preview = aimak_package_preview (db, argv[1], &error);
  if (preview == NULL)
    {
      g_autofree char *source = aimak_file_absolute (argv[1]);

      return aimak_cli_fail_error_as_given (g_steal_pointer (&error), source, argv[1]);
    }
  print_preview (preview);
  if (prefer != NULL)
    for (guint i = 0; i < preview->items->len; i++)
      aimak_merge_item_choose_all (g_ptr_array_index (preview->items, i),
                                   g_str_equal (prefer, "mine") ? AIMAK_MERGE_KEEP_MINE
                                                                : AIMAK_MERGE_TAKE_THEIRS);
  if (preview->counts[AIMAK_MERGE_CONFLICT] > 0 && prefer == NULL)
    return aimak_cli_fail (_("nothing was received: resolve the conflicts above with "
                             "--prefer mine or --prefer theirs"));
  if (dry_run)
    {
      aimak_cli_print_area_change_counts (preview->area_changes, TRUE);
      return AIMAK_CLI_OK;
    }
  refused = aimak_area_change_batches_count (preview->area_changes, AIMAK_AREA_BATCH_REFUSED);
  if (!aimak_package_apply_full (db, preview, TRUE, &written, &receipt, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record received\n", "%u records received\n",
                        written), written);
  /* What applying did with the lists of area changes: one of the preview's
   * New ones may be refused now, and is listed again with the reason. */
  if (aimak_area_change_batches_count (preview->area_changes, AIMAK_AREA_BATCH_REFUSED) > refused)
    aimak_cli_print_area_changes (preview->area_changes, FALSE);
  aimak_cli_print_area_change_counts (preview->area_changes, FALSE);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, receipt);
  /* TRANSLATORS: %s is the number of the receive, twice. */
  g_printerr (_("This is receive %s; take it back with “aimak-cli receive --undo %s”.\n"),
              number, number);
  return AIMAK_CLI_OK;
}
