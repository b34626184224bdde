/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-sync-button-run.c — the sync runs behind the sync button: the
 * password from the keyring, aimak_sync_run_async() in a worker thread on its
 * own connection (edits go on meanwhile), the result shown, and conflicts
 * handed to the conflict review, whose decisions go back through
 * aimak_sync_apply_decisions() in a worker thread too. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-secret.h"
#include "aimak-server.h"
#include "aimak-sync.h"
#include "aimak-sync-area-changes.h"
#include "aimak-sync-button-private.h"
#include "aimak-sync-review.h"
#include "aimak-window.h"

typedef struct
{
  AimakSyncButton   *self;      /* owned */
  AimakDb           *db;
  AimakServerConfig *config;
  char              *password;  /* wiped when freed */
} Run;

static void
run_free (Run *run)
{
  g_object_unref (run->self);
  aimak_db_unref (run->db);
  aimak_server_config_free (run->config);
  aimak_server_password_free (run->password);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
toast (AimakSyncButton *self,
       const char      *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
finish_run (AimakSyncButton *self,
            const GError    *error)
{
  g_clear_pointer (&self->error_message, g_free);
  self->offline = FALSE;
  if (error != NULL)
    {
      self->error_message = g_strdup (error->message);
      self->offline = g_error_matches (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_UNREACHABLE)
                      || g_error_matches (error, AIMAK_SERVER_ERROR,
                                          AIMAK_SERVER_ERROR_CONNECTION_LOST);
    }
  /* Not SYNCING any more, so that refresh reads the new state. */
  self->state = AIMAK_SYNC_STATE_SYNCED;
  g_clear_object (&self->cancellable);
  aimak_sync_button_refresh (self);
  if (error != NULL && self->interactive)
    _aimak_sync_button_show_failure (self);
}

static gboolean
was_refused (GPtrArray  *before,
             const char *uuid)
{
  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      const AimakAreaChangeBatch *b = g_ptr_array_index (before, i);

      if (b->status == AIMAK_AREA_BATCH_REFUSED && g_strcmp0 (b->uuid, uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Lists of area changes the sync applied or refused (issue 17): the views
 * re-read the list of areas, the popover keeps them, and a toast tells them,
 * with Details. A list refused again at every sync is told once (or when the
 * sync was asked for). TRUE when the toast was shown. */
static gboolean
report_area_changes (AimakSyncButton *self,
                     AimakSyncResult *result)
{
  GPtrArray *batches = result->area_changes;
  guint applied = aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_NEW);
  guint refused = aimak_area_change_batches_count (batches, AIMAK_AREA_BATCH_REFUSED);
  gboolean news = applied > 0 || self->interactive;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  AdwToast *toast;

  if (applied + refused == 0)
    return FALSE;
  for (guint i = 0; !news && i < batches->len; i++)
    {
      const AimakAreaChangeBatch *b = g_ptr_array_index (batches, i);

      news = b->status == AIMAK_AREA_BATCH_REFUSED && !was_refused (self->area_changes, b->uuid);
    }
  g_clear_pointer (&self->area_changes, g_ptr_array_unref);
  self->area_changes = g_steal_pointer (&result->area_changes);
  _aimak_sync_button_update (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  message = aimak_sync_area_changes_toast_text (self->area_changes);
  if (!news || !AIMAK_IS_WINDOW (root))
    return FALSE;
  /* A toast's title is markup; area names are not. */
  title = g_markup_escape_text (message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, refused > 0 ? 0 : 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Details"));
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (_aimak_sync_button_show_area_changes), self,
                           G_CONNECT_SWAPPED);
  aimak_window_add_toast (AIMAK_WINDOW (root), toast);
  return TRUE;
}

static void
report_result (AimakSyncButton *self,
               AimakSyncResult *result)
{
  g_autofree char *message = NULL;
  guint applied = aimak_area_change_batches_count (result->area_changes, AIMAK_AREA_BATCH_NEW);
  gboolean told;

  self->not_sent = result->not_sent;
  _aimak_sync_button_update (self);
  told = report_area_changes (self, result);
  if (result->rejected && result->rejected->len > 0)
    {
      message = g_strdup_printf (g_dngettext (NULL,
                                              "The server refused %u change; this desk may "
                                              "write only the areas it is granted.",
                                              "The server refused %u changes; this desk may "
                                              "write only the areas it is granted.",
                                              result->rejected->len),
                                 result->rejected->len);
      toast (self, message);
    }
  else if (result->not_sent > 0 && self->interactive)
    {
      /* Translators: after a sync; the second sentence says why */
      message = g_strdup_printf (g_dngettext (NULL,
                                              "Synced: %u sent, %u received. %u change to "
                                              "areas this desk may only read was not sent.",
                                              "Synced: %u sent, %u received. %u changes to "
                                              "areas this desk may only read were not sent.",
                                              result->not_sent),
                                 result->pushed, result->pulled, result->not_sent);
      toast (self, message);
    }
  else if (!told && (self->interactive || result->pulled > 0))
    {
      /* Translators: after a sync, e.g. "Synced: 3 sent, 2 received" */
      message = g_strdup_printf (_("Synced: %u sent, %u received"), result->pushed,
                                 result->pulled);
      toast (self, message);
    }
  if (result->pulled > 0 || applied > 0)
    /* The views show what the database holds: give them the records received
     * and the list of areas changed (the Areas tree, the profile, the
     * Priorities scope). */
    gtk_widget_activate_action (GTK_WIDGET (self), "win.data-arrived", NULL);
}

static void on_reviewed (GObject      *source,
                         GAsyncResult *res,
                         gpointer      user_data);

/* A sync, or the decisions' way back, ended (@run taken): its result told and
 * its conflicts handed to the review; after the decisions, those changed on
 * the server again while the user decided, to decide again. */
static void
run_ended (Run             *run,
           AimakSyncResult *result,
           const GError    *error)
{
  g_autoptr(Run) owned = run;
  AimakSyncButton *self = run->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  finish_run (self, error);
  if (result == NULL)
    return;
  report_result (self, result);
  if (result->conflicts && result->conflicts->len > 0)
    aimak_sync_review_present (GTK_WIDGET (self), g_steal_pointer (&result->conflicts),
                               NULL, on_reviewed, g_steal_pointer (&owned));
}

/* A sync's end, or the end of one that sent the review's decisions. */
static void
on_synced (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(AimakSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  aimak_sync_run_finish (res, &result, &error);
  run_ended (user_data, result, error);
}

/* The review's decisions: stored and sent in a worker thread while the
 * button spins again. */
static void
on_reviewed (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GPtrArray) decided = aimak_sync_review_present_finish (res);
  AimakSyncButton *self = run->self;

  if (decided == NULL || self->db != run->db || self->state == AIMAK_SYNC_STATE_SYNCING)
    return;
  self->state = AIMAK_SYNC_STATE_SYNCING;
  self->interactive = TRUE;
  self->cancellable = g_cancellable_new ();
  _aimak_sync_button_update (self);
  {
    /* Handed on: the arguments must not read run after it was stolen. */
    Run *owned = g_steal_pointer (&run);

    aimak_sync_apply_decisions_async (owned->db, owned->config, owned->password, decided,
                                      self->cancellable, on_synced, owned);
  }
}

static void
on_password (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;

  run->password = aimak_secret_lookup_finish (res, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without a keyring the server may still let the desk in (a client
   * certificate, peer authentication); if not, it says the password is wrong. */
  if (error)
    g_debug ("No password from the keyring: %s", error->message);
  aimak_sync_run_async (run->db, run->config, run->password, FALSE,
                        run->self->cancellable, on_synced, run);
  run = NULL;
}

void
_aimak_sync_button_start (AimakSyncButton *self,
                          gboolean         interactive)
{
  g_autoptr(AimakServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  AimakSecretAccount account;
  Run *run;

  if (self->state == AIMAK_SYNC_STATE_SYNCING || self->db == NULL)
    return;
  if (!aimak_server_is_configured (self->db))
    {
      aimak_sync_button_refresh (self);
      return;
    }
  self->interactive = interactive;
  config = aimak_server_config_load (self->db, &error);
  if (config == NULL)
    {
      finish_run (self, error);
      return;
    }
  self->state = AIMAK_SYNC_STATE_SYNCING;
  g_object_notify (G_OBJECT (self), "state");
  _aimak_sync_button_update (self);
  self->cancellable = g_cancellable_new ();
  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->db = aimak_db_ref (self->db);
  run->config = g_steal_pointer (&config);
  account = aimak_secret_account_of (run->config);
  aimak_secret_lookup_async (&account, self->cancellable, on_password, run);
}

static gboolean
auto_sync_cb (gpointer user_data)
{
  _aimak_sync_button_start (AIMAK_SYNC_BUTTON (user_data), FALSE);
  return G_SOURCE_CONTINUE;
}

/* Every few minutes (the sync-interval setting; 0 turns it off) while a
 * server is configured; an offline desk tries again at the same pace. */
void
_aimak_sync_button_schedule (AimakSyncButton *self)
{
  guint minutes = 5;

  g_clear_handle_id (&self->auto_id, g_source_remove);
  if (self->settings)
    minutes = g_settings_get_uint (self->settings, "sync-interval");
  if (minutes > 0)
    self->auto_id = g_timeout_add_seconds (minutes * 60, auto_sync_cb, self);
}
