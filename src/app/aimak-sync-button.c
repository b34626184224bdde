/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-button.c — what the sync button shows: the state, a short text,
 * a tooltip and the popover's details. The sync runs themselves are in
 * aimak-sync-button-run.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-preferences-window.h"
#include "aimak-server.h"
#include "aimak-settings.h"
#include "aimak-sync.h"
#include "aimak-sync-area-changes.h"
#include "aimak-sync-button-private.h"
#include "aimak-widget-util.h"

G_DEFINE_FINAL_TYPE (AimakSyncButton, aimak_sync_button, ADW_TYPE_BIN)

enum { PROP_0, PROP_DB, PROP_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* How often the number of waiting changes is read again (an indexed count). */
#define POLL_SECONDS 10

/* "Synced 5 min ago": short enough for a header bar; the popover and the
 * tooltip give the exact time. */
static char *
synced_text (GDateTime *then)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan span;

  if (then == NULL)
    return g_strdup (_("Not synced yet"));
  span = g_date_time_difference (now, then);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Synced just now"));
  /* Translators: abbreviated, for the header bar; "min" does not change with the number */
  if (span < G_TIME_SPAN_HOUR)
    return g_strdup_printf (_("Synced %d min ago"), (int) (span / G_TIME_SPAN_MINUTE));
  /* Translators: abbreviated, for the header bar; "h" does not change with the number */
  if (span < G_TIME_SPAN_DAY)
    return g_strdup_printf (_("Synced %d h ago"), (int) (span / G_TIME_SPAN_HOUR));
  /* Translators: abbreviated, for the header bar; "d" does not change with the number */
  return g_strdup_printf (_("Synced %d d ago"), (int) (span / G_TIME_SPAN_DAY));
}

/* "3 waiting" in the header bar; the tooltip says "3 changes waiting". */
static char *
pending_short_text (gint64 pending)
{
  /* Translators: abbreviated, for the header bar: changes waiting to be sent */
  return g_strdup_printf (g_dngettext (NULL, "%d waiting", "%d waiting", pending),
                          (int) pending);
}

static char *
pending_text (gint64 pending)
{
  return g_strdup_printf (g_dngettext (NULL, "%d change waiting", "%d changes waiting",
                                       pending), (int) pending);
}

/* The popover's second line: the exact time of the last sync and what waits. */
static char *
detail_text (AimakSyncButton *self)
{
  g_autofree char *when = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *areas = aimak_sync_area_changes_detail_text (self->area_changes);
  GString *text = g_string_new (NULL);

  if (self->error_message)
    g_string_append_printf (text, "%s\n\n", self->error_message);
  if (self->last_synced)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->last_synced);

      when = g_date_time_format (local, "%x %X");
      g_string_append_printf (text, _("Last synced: %s"), when);
    }
  else
    g_string_append (text, _("This desk has not synced with the server yet."));
  g_string_append_c (text, '\n');
  if (self->pending > 0)
    {
      waiting = pending_text (self->pending);
      g_string_append (text, waiting);
    }
  else
    g_string_append (text, _("Every change of this desk is on the server."));
  if (self->not_sent > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append_printf (text, g_dngettext (NULL,
                                                 "%u change to areas this desk may only read "
                                                 "stays on this computer: the server takes "
                                                 "this desk’s changes only for its own areas.",
                                                 "%u changes to areas this desk may only read "
                                                 "stay on this computer: the server takes "
                                                 "this desk’s changes only for its own areas.",
                                                 self->not_sent), self->not_sent);
    }
  if (areas != NULL)
    g_string_append_printf (text, "\n\n%s", areas);
  return g_string_free (text, FALSE);
}

static void
set_icon (AimakSyncButton *self,
          const char      *icon_name)
{
  if (icon_name == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child (self->icon_stack, GTK_WIDGET (self->spinner));
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_stack_set_visible_child (self->icon_stack, GTK_WIDGET (self->icon));
}

void
_aimak_sync_button_update (AimakSyncButton *self)
{
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  const char *heading = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), self->state != AIMAK_SYNC_STATE_UNCONFIGURED);
  switch (self->state)
    {
    case AIMAK_SYNC_STATE_UNCONFIGURED:
      return;
    case AIMAK_SYNC_STATE_SYNCED:
      text = synced_text (self->last_synced);
      heading = _("Up to Date");
      set_icon (self, "emblem-synchronizing-symbolic");
      break;
    case AIMAK_SYNC_STATE_PENDING:
      text = pending_short_text (self->pending);
      heading = _("Changes Waiting");
      set_icon (self, "emblem-synchronizing-symbolic");
      break;
    case AIMAK_SYNC_STATE_SYNCING:
      text = g_strdup (_("Syncing…"));
      heading = _("Syncing With the Office Server");
      set_icon (self, NULL);
      break;
    case AIMAK_SYNC_STATE_OFFLINE:
      text = g_strdup (_("Offline"));
      heading = _("The Office Server Cannot Be Reached");
      set_icon (self, "network-offline-symbolic");
      break;
    case AIMAK_SYNC_STATE_FAILED:
    default:
      text = g_strdup (_("Sync failed"));
      heading = _("The Last Sync Failed");
      set_icon (self, "dialog-warning-symbolic");
      break;
    }
  detail = detail_text (self);
  gtk_label_set_text (self->label, text);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->area_changes_button),
                          aimak_area_change_batches_count (self->area_changes,
                                                         AIMAK_AREA_BATCH_NEW) +
                          aimak_area_change_batches_count (self->area_changes,
                                                         AIMAK_AREA_BATCH_REFUSED) > 0);
  /* The tooltip carries the reason too, so that it is read without opening
   * the popover; the shortcut is named for keyboard users. */
  tooltip = g_strdup_printf ("%s\n%s\n%s", heading, detail,
                             _("Sync now: Ctrl+Shift+S"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static gboolean
popup_cb (gpointer user_data)
{
  AimakSyncButton *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->menu_button);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

void
_aimak_sync_button_show_failure (AimakSyncButton *self)
{
  /* After the new texts were measured, so that the popover fits them. */
  g_idle_add_full (G_PRIORITY_LOW, popup_cb, g_object_ref (self), NULL);
}

/* The popover's box is as wide as its widest row (in Russian, the buttons).
 * The labels are laid out at that width and no wider, whatever width GTK
 * measures them for, so that the height it measures is the height they take
 * (see the comment in aimak-sync-button.ui). */
static void
on_popover_show (AimakSyncButton *self)
{
  GtkWidget *rows[] = { adw_clamp_get_child (self->text_clamp), self->button_row,
                        GTK_WIDGET (self->area_changes_button) };
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int natural = 0;

      if (gtk_widget_get_visible (rows[i]))
        gtk_widget_measure (rows[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width = MAX (width, natural);
    }
  adw_clamp_set_maximum_size (self->text_clamp, width);
  adw_clamp_set_tightening_threshold (self->text_clamp, width);
}

/* Server Settings: the preferences, opened on the Office Server page. */
static void
on_settings_clicked (AimakSyncButton *self)
{
  AimakPreferencesWindow *prefs;

  gtk_menu_button_popdown (self->menu_button);
  prefs = aimak_preferences_window_new (aimak_widget_get_window (GTK_WIDGET (self)));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  gtk_window_present (GTK_WINDOW (prefs));
}

/* The lists of area changes of the last sync that applied or refused one,
 * from the toast's Details or the popover. */
void
_aimak_sync_button_show_area_changes (AimakSyncButton *self)
{
  gtk_menu_button_popdown (self->menu_button);
  if (self->area_changes == NULL)
    return;
  gtk_window_present (GTK_WINDOW (aimak_sync_area_changes_dialog_new (
    aimak_widget_get_window (GTK_WIDGET (self)), self->area_changes)));
}

static void
set_state (AimakSyncButton *self,
           AimakSyncState   state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  _aimak_sync_button_update (self);
}

static gboolean
poll_cb (gpointer user_data)
{
  aimak_sync_button_refresh (AIMAK_SYNC_BUTTON (user_data));
  return G_SOURCE_CONTINUE;
}

void
aimak_sync_button_refresh (AimakSyncButton *self)
{
  g_autoptr(GError) error = NULL;
  gint64 pending;

  g_return_if_fail (AIMAK_IS_SYNC_BUTTON (self));
  if (self->state == AIMAK_SYNC_STATE_SYNCING)
    return;
  if (self->db == NULL || !aimak_server_is_configured (self->db))
    {
      g_clear_handle_id (&self->poll_id, g_source_remove);
      g_clear_handle_id (&self->auto_id, g_source_remove);
      g_clear_pointer (&self->error_message, g_free);
      self->not_sent = 0;
      set_state (self, AIMAK_SYNC_STATE_UNCONFIGURED);
      return;
    }
  pending = aimak_sync_pending_count (self->db, &error);
  if (pending < 0)
    g_warning ("Counting the changes waiting for the server: %s", error->message);
  self->pending = MAX (pending, 0);
  /* What no sync will send: shown in the popover whether or not a sync ran. */
  self->not_sent = (guint) MAX (aimak_server_read_only_changes (self->db, NULL, NULL, NULL), 0);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  self->last_synced = aimak_sync_last_synced (self->db);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  if (self->auto_id == 0)
    _aimak_sync_button_schedule (self);
  if (self->error_message)
    set_state (self, self->offline ? AIMAK_SYNC_STATE_OFFLINE : AIMAK_SYNC_STATE_FAILED);
  else
    set_state (self, self->pending > 0 ? AIMAK_SYNC_STATE_PENDING : AIMAK_SYNC_STATE_SYNCED);
}

void
aimak_sync_button_set_db (AimakSyncButton *self,
                          AimakDb         *db)
{
  g_return_if_fail (AIMAK_IS_SYNC_BUTTON (self));
  if (self->db == db)
    return;
  aimak_cancellable_clear (&self->cancellable);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->area_changes, g_ptr_array_unref);
  self->db = db ? aimak_db_ref (db) : NULL;
  if (self->state == AIMAK_SYNC_STATE_SYNCING)
    self->state = AIMAK_SYNC_STATE_UNCONFIGURED;
  g_clear_handle_id (&self->auto_id, g_source_remove);
  aimak_sync_button_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

void
aimak_sync_button_sync (AimakSyncButton *self)
{
  g_return_if_fail (AIMAK_IS_SYNC_BUTTON (self));
  _aimak_sync_button_start (self, TRUE);
}

AimakSyncState
aimak_sync_button_get_state (AimakSyncButton *self)
{
  g_return_val_if_fail (AIMAK_IS_SYNC_BUTTON (self), AIMAK_SYNC_STATE_UNCONFIGURED);
  return self->state;
}

const char *
aimak_sync_button_get_text (AimakSyncButton *self)
{
  g_return_val_if_fail (AIMAK_IS_SYNC_BUTTON (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
aimak_sync_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AimakSyncButton *self = AIMAK_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DB: g_value_set_boxed (value, self->db); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_sync_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AimakSyncButton *self = AIMAK_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DB: aimak_sync_button_set_db (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_sync_button_dispose (GObject *object)
{
  AimakSyncButton *self = AIMAK_SYNC_BUTTON (object);

  aimak_cancellable_clear (&self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->auto_id, g_source_remove);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_SYNC_BUTTON);
  G_OBJECT_CLASS (aimak_sync_button_parent_class)->dispose (object);
}

static void
aimak_sync_button_finalize (GObject *object)
{
  AimakSyncButton *self = AIMAK_SYNC_BUTTON (object);

  g_free (self->error_message);
  g_clear_pointer (&self->area_changes, g_ptr_array_unref);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  G_OBJECT_CLASS (aimak_sync_button_parent_class)->finalize (object);
}

static void
aimak_sync_button_class_init (AimakSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_sync_button_dispose;
  object_class->finalize = aimak_sync_button_finalize;
  object_class->get_property = aimak_sync_button_get_property;
  object_class->set_property = aimak_sync_button_set_property;
  properties[PROP_DB] = g_param_spec_boxed ("db", NULL, NULL, AIMAK_TYPE_DB,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL,
                                             AIMAK_SYNC_STATE_UNCONFIGURED,
                                             AIMAK_SYNC_STATE_FAILED,
                                             AIMAK_SYNC_STATE_UNCONFIGURED,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, area_changes_button);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, text_clamp);
  gtk_widget_class_bind_template_child (widget_class, AimakSyncButton, button_row);
  gtk_widget_class_bind_template_callback (widget_class, on_settings_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, _aimak_sync_button_show_area_changes);
}

static void
aimak_sync_button_init (AimakSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = aimak_settings_new_if_installed ();
}

AimakSyncButton *
aimak_sync_button_new (void)
{
  return g_object_new (AIMAK_TYPE_SYNC_BUTTON, NULL);
}
