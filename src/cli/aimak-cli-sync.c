/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-sync.c — `aimak-cli sync`: syncs this desk's database with its
 * office server (aimak-sync.h), as set with `aimak-cli server set`.
 * Exit status: 0 synced, 1 not synced or conflicts left undecided (listed;
 * decide them with --prefer), 2 bad arguments.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"
#include "aimak-cli-server.h"

static void
print_item (const AimakMergeItem *item)
{
  g_autofree char *label = aimak_package_item_label (item);
  const AimakMergeRecord *r = item->theirs ? item->theirs : item->mine;

  g_print ("%-12s %-16s %-14s %s\n", aimak_merge_kind_to_string (item->kind), r->entity,
           r->area_code, label);
  if (item->reason != NULL)
    g_print ("             %s\n", item->reason);
  for (guint i = 0; item->kind == AIMAK_MERGE_CONFLICT && i < item->fields->len; i++)
    {
      const AimakMergeField *f = g_ptr_array_index (item->fields, i);

      /* TRANSLATORS: a conflicting field: its name, this desk's value, the server's. */
      g_print (_("             %s: mine “%s”, server “%s”\n"), f->field,
               f->mine ? f->mine : "", f->theirs ? f->theirs : "");
    }
}

void
aimak_cli_print_area_change_counts (GPtrArray *batches,
                                    gboolean   dry_run)
{
  if (batches == NULL || batches->len == 0)
    return;
  /* TRANSLATORS: lists of area changes (issue 17): applied, already here, refused (each
   * refused one is listed above with the reason). */
  g_print (dry_run ? _("Dry run: area changes: would apply %u, unchanged %u, refused %u\n")
                   : _("Area changes: applied %u, unchanged %u, refused %u\n"),
           aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_NEW),
           aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_UNCHANGED),
           aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_REFUSED));
}

static void
print_result (const AimakSyncResult *result)
{
  aimak_cli_print_area_changes (result->area_changes, FALSE);
  aimak_cli_print_area_change_counts (result->area_changes, result->dry_run);
  for (guint i = 0; i < result->conflicts->len; i++)
    print_item (g_ptr_array_index (result->conflicts, i));
  for (guint i = 0; i < result->rejected->len; i++)
    print_item (g_ptr_array_index (result->rejected, i));
  g_print (result->dry_run
           ? _("Dry run: would push %u, pull %u; unchanged %u, conflicts %u, rejected %u\n")
           : _("Pushed %u, pulled %u; unchanged %u, conflicts %u, rejected %u\n"),
           result->pushed, result->pulled, result->unchanged, result->conflicts->len,
           result->rejected->len);
  if (result->not_sent > 0)
    {
      g_autofree char *areas = g_strjoinv (", ", result->not_sent_areas);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u change to areas this desk may only read was not sent (%s); "
                            "the server takes this desk’s changes only for its own areas.\n",
                            "%u changes to areas this desk may only read were not sent (%s); "
                            "the server takes this desk’s changes only for its own areas.\n",
                            result->not_sent), result->not_sent, areas);
    }
}

int
aimak_cli_sync (int argc, char **argv)
{
  g_autofree char *password_file = NULL, *password = NULL, *prefer = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what a sync would do; change nothing on either side"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer,
      N_("Decide every conflict: keep mine, or take theirs (the server’s)"), "mine|theirs" },
    { NULL },  /* --password-file: aimak_cli_password_file_option() */
    { NULL }
  };
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakSyncResult) result = NULL;

  aimak_cli_password_file_option (&entries[2], &password_file);
  if (!aimak_cli_parse ("sync", "",
                        _("Pushes this desk’s changes to its office server and pulls the "
                          "changes of the areas it may read, through the same merge as "
                          "exchange packages. A record changed on both sides is a conflict: "
                          "nothing is overwritten until it is decided with --prefer. Exit "
                          "status: 0 synced, 1 not synced or conflicts left, 2 bad arguments."),
                        entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (argc > 1 || (prefer && strcmp (prefer, "mine") != 0 && strcmp (prefer, "theirs") != 0))
    return aimak_cli_usage (_("--prefer takes “mine” or “theirs”"));
  if (!aimak_cli_open_desk (AIMAK_DB_OPEN_NO_CREATE, &db, &config))
    return AIMAK_CLI_FAILED;
  password = aimak_cli_read_password (password_file, &error);
  if (password_file != NULL && password == NULL)
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (!aimak_sync_run (db, config, password, dry_run, NULL, &result, &error))
    return aimak_cli_fail_error (g_steal_pointer (&error));
  if (result->conflicts->len > 0 && prefer != NULL && !dry_run)
    {
      g_autoptr(AimakSyncResult) decided = NULL;
      AimakMergeChoice choice = g_str_equal (prefer, "mine") ? AIMAK_MERGE_KEEP_MINE
                                                             : AIMAK_MERGE_TAKE_THEIRS;
      guint n = result->conflicts->len;

      for (guint i = 0; i < n; i++)
        aimak_merge_item_choose_all (g_ptr_array_index (result->conflicts, i), choice);
      if (!aimak_sync_apply_decisions (db, config, password, result->conflicts, NULL, &decided,
                                       &error))
        return aimak_cli_fail_error (g_steal_pointer (&error));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u conflict decided\n",
                            "%u conflicts decided\n", n), n);
      decided->pushed += result->pushed;
      decided->pulled += result->pulled;
      /* The area changes were pulled by the first pass: still to be told. */
      if (decided->area_changes == NULL || decided->area_changes->len == 0)
        {
          g_clear_pointer (&decided->area_changes, g_ptr_array_unref);
          decided->area_changes = g_steal_pointer (&result->area_changes);
        }
      g_clear_pointer (&result, aimak_sync_result_free);
      result = g_steal_pointer (&decided);
    }
  print_result (result);
  if (result->conflicts->len > 0)
    return aimak_cli_fail (g_dngettext (GETTEXT_PACKAGE,
                                        "%u record was changed both here and on the server; "
                                        "decide with --prefer mine or --prefer theirs",
                                        "%u records were changed both here and on the server; "
                                        "decide with --prefer mine or --prefer theirs",
                                        result->conflicts->len), result->conflicts->len);
  return AIMAK_CLI_OK;
}
