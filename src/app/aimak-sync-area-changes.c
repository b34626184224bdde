/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-area-changes.c — the area changes a sync brought, told to the
 * planner (see the header). Unchanged lists (applied here before) are not
 * news and are left out. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-sync-area-changes.h"
#include "aimak-window.h"

static const char *
summary_of (const AimakAreaChangeBatch *b)
{
  return b->summary && *b->summary ? b->summary : b->list_name ? b->list_name : b->uuid;
}

static const AimakAreaChangeBatch *
first_with (GPtrArray            *batches,
            AimakAreaBatchStatus  status)
{
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    if (((AimakAreaChangeBatch *) g_ptr_array_index (batches, i))->status == status)
      return g_ptr_array_index (batches, i);
  return NULL;
}

char *
aimak_sync_area_changes_toast_text (GPtrArray *batches)
{
  guint applied = aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_NEW);
  guint refused = aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_REFUSED);

  if (applied == 1 && refused == 0)
    /* Translators: after a sync; %s says what changed, e.g. "Barskoon merged into
     * Barskoon-Jeti-Oguz on 2024-07-01" */
    return g_strdup_printf (_("Area changes from the office server applied: %s"),
                            summary_of (first_with (batches, AIMAK_AREA_BATCH_NEW)));
  if (applied > 1 && refused == 0)
    return g_strdup_printf (g_dngettext (NULL,
                                         "%u list of area changes from the office server "
                                         "applied",
                                         "%u lists of area changes from the office server "
                                         "applied", applied), applied);
  if (applied == 0 && refused == 1)
    /* Translators: after a sync; %s is the reason */
    return g_strdup_printf (_("Area changes from the office server refused: %s"),
                            first_with (batches, AIMAK_AREA_BATCH_REFUSED)->reason);
  if (applied == 0 && refused == 0)
    return NULL;
  /* Translators: after a sync: lists of area changes applied, and refused */
  return g_strdup_printf (_("Area changes from the office server: %u applied, %u refused"),
                          applied, refused);
}

char *
aimak_sync_area_changes_detail_text (GPtrArray *batches)
{
  GString *text;

  if (aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_NEW) +
      aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_REFUSED) == 0)
    return NULL;
  text = g_string_new (_("Area changes from the office server:"));
  for (guint i = 0; i < batches->len; i++)
    {
      const AimakAreaChangeBatch *b = g_ptr_array_index (batches, i);

      if (b->status == AIMAK_AREA_BATCH_UNCHANGED)
        continue;
      g_string_append (text, "\n• ");
      if (b->status == AIMAK_AREA_BATCH_NEW)
        /* Translators: a list of area changes a sync applied; %s says what changed */
        g_string_append_printf (text, _("Applied: %s"), summary_of (b));
      else
        /* Translators: a list of area changes a sync refused; what changed, then why */
        g_string_append_printf (text, _("Refused: %s. %s"), summary_of (b),
                                b->reason ? b->reason : "");
    }
  return g_string_free (text, FALSE);
}

/* The area an applied list leads to (its first change's new area), or NULL. */
static const char *
aimak_sync_area_changes_new_area (GPtrArray *batches)
{
  const AimakAreaChangeBatch *b = first_with (batches, AIMAK_AREA_BATCH_NEW);
  const AimakAreaChangeRow *row;

  if (b == NULL || b->list == NULL || b->list->rows->len == 0)
    return NULL;
  row = g_ptr_array_index (b->list->rows, 0);
  if (row->new_code && *row->new_code)
    return row->new_code;
  return row->old_codes ? row->old_codes[0] : NULL;
}

GtkWidget *
aimak_sync_area_changes_batch_row (const AimakAreaChangeBatch *b,
                                   gboolean                    applied)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (applied && b->status == AIMAK_AREA_BATCH_NEW
                                     ? C_("area changes", "Applied")
                                     : aimak_area_batch_status_label (b->status));
  const AimakAreaChangeRow *first = NULL;

  if (b->list != NULL && b->list->rows->len > 0)
    first = g_ptr_array_index (b->list->rows, 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary_of (b));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (b->reason != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), b->reason);
  else if (first != NULL && first->legal_act && *first->legal_act)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), first->legal_act);
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, b->status == AIMAK_AREA_BATCH_REFUSED ? "error"
                                    : b->status == AIMAK_AREA_BATCH_NEW ? "accent"
                                    : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  return row;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *code = g_object_get_data (G_OBJECT (dialog), "aimak-new-area");

  if (g_strcmp0 (response, "areas") != 0 || !AIMAK_IS_WINDOW (parent))
    return;
  aimak_window_show_view (AIMAK_WINDOW (parent), "areas");
  if (code != NULL)
    aimak_window_select_area (AIMAK_WINDOW (parent), code);
}

GtkWidget *
aimak_sync_area_changes_dialog_new (GtkWindow *parent,
                                    GPtrArray *batches)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled;
  const char *code = aimak_sync_area_changes_new_area (batches);
  guint n = 0;

  dialog = adw_message_dialog_new (parent, _("Area Changes From the Office Server"),
                                   _("The server’s owner published these changes to the list "
                                     "of areas, so that every desk has the same list. The "
                                     "applied ones are in the Areas view now; a refused one "
                                     "changed nothing here."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Area Changes From the Office Server"), -1);
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      const AimakAreaChangeBatch *b = g_ptr_array_index (batches, i);

      if (b->status != AIMAK_AREA_BATCH_UNCHANGED)
        {
          gtk_list_box_append (GTK_LIST_BOX (list),
                               aimak_sync_area_changes_batch_row (b, TRUE));
          n++;
        }
    }
  /* A few lists as they are (a scrolled window would measure their wrapped
   * titles short); more scroll in a fixed height. */
  if (n <= 3)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  else
    {
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Only when a list was applied: a refused one has no new area to show. */
  if (code != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "areas",
                                       _("Show in _Areas"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "areas",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "areas");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "aimak-new-area", g_strdup (code), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  return dialog;
}
