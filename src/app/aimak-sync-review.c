/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-review.c — the conflict review of a sync. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-ask.h"
#include "aimak-merge-review.h"
#include "aimak-package.h"
#include "aimak-sync-review.h"
#include "aimak-widget-util.h"


static void
on_review_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *conflicts = g_task_get_task_data (task);

  /* Apply is enabled only when every conflict is decided (the review wrote
   * the choices into the items); anything else puts the review off. */
  if (g_strcmp0 (response, "apply") != 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (conflicts),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_all_decided (AimakMergeReview *review,
                GParamSpec       *pspec,
                AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "apply",
                                           aimak_merge_review_get_all_decided (review));
}

/* The same conflict review as for exchange packages (AimakMergeReview),
 * field by field, in a dialog. */
void
aimak_sync_review_present (GtkWidget           *widget,
                           GPtrArray           *conflicts,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *review;

  g_return_if_fail (conflicts != NULL && conflicts->len > 0);
  g_task_set_source_tag (task, aimak_sync_review_present);
  g_task_set_task_data (task, conflicts, (GDestroyNotify) g_ptr_array_unref);
  heading = g_strdup_printf (g_dngettext (NULL, "%u Conflict With the Server",
                                          "%u Conflicts With the Server", conflicts->len),
                             conflicts->len);
  dialog = adw_message_dialog_new (aimak_widget_get_window (widget), heading,
                                   _("This desk and the server both changed these records "
                                     "since the last sync. Nothing was overwritten. Choose "
                                     "which version to keep; the other desks get it with "
                                     "their next sync."));
  review = aimak_merge_review_new ();
  aimak_merge_review_set_label_funcs (AIMAK_MERGE_REVIEW (review), aimak_package_item_label,
                                      aimak_merge_review_field_label);
  aimak_merge_review_set_items (AIMAK_MERGE_REVIEW (review), conflicts);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), review);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  aimak_ask_add_answers (ADW_MESSAGE_DIALOG (dialog), "later", _("_Decide Later"), "apply",
                         _("_Apply Decisions"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (review, "notify::all-decided", G_CALLBACK (on_all_decided),
                           dialog, 0);
  on_all_decided (AIMAK_MERGE_REVIEW (review), NULL, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_review_response), task);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

GPtrArray *
aimak_sync_review_present_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
