/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-send-dialog.c — see aimak-send-dialog.h. The package is written in a
 * GTask thread on a connection of its own (writing marks what was sent as the
 * base, so the connection writes); the dialog pulses its progress bar until
 * the job returns, then the window shows a toast and the dialog closes. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aimak-db-job.h"
#include "aimak-dialog-title.h"
#include "aimak-file-chooser.h"
#include "aimak-send-dialog.h"
#include "aimak-widget-util.h"
#include "aimak-window.h"

struct _AimakSendDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwActionRow         *area_row;
  AdwActionRow         *below_row;
  GtkSwitch            *below_switch;
  AdwActionRow         *priorities_row;
  AdwActionRow         *activities_row;
  AdwActionRow         *values_row;
  GtkLabel             *error_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *send_button;

  /* Owned references */
  AimakDb              *db;
  char                 *area_code;
  char                 *area_name;
  GtkFileChooserNative *chooser;
  GtkWindow            *parent;     /* weak */

  guint                 counts[3];
  guint                 pulse_id;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (AimakSendDialog, aimak_send_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- the job */

typedef struct
{
  char     *area_code;
  gboolean  below;
  char     *path;
} SendJob;

static void
send_job_free (SendJob *job)
{
  g_free (job->area_code);
  g_free (job->path);
  g_free (job);
}

static gboolean
send_work (AimakDb       *db,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  SendJob *job = data;

  *result = aimak_package_write (db, job->area_code, job->below, job->path, TRUE, error);
  return *result != NULL;
}

/* ------------------------------------------------------------- the dialog */

static void
set_count (AdwActionRow *row,
           guint         n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "aimak-count");

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "aimak-count", label);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_counts (AimakSendDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean below = gtk_switch_get_active (self->below_switch);

  if (self->db == NULL)
    return;
  memset (self->counts, 0, sizeof self->counts);
  if (self->area_code == NULL ||
      !aimak_package_count (self->db, self->area_code, below, self->counts, &error))
    {
      aimak_label_show_message (self->error_label, error ? error->message
                                                         : _("Choose an area first, in Areas."));
    }
  set_count (self->priorities_row, self->counts[0]);
  set_count (self->activities_row, self->counts[1]);
  set_count (self->values_row, self->counts[2]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "send.start",
                                 !self->busy && self->area_code != NULL &&
                                 self->counts[0] + self->counts[1] + self->counts[2] > 0);
}

static void
on_below_changed (AimakSendDialog *self)
{
  update_counts (self);
}

static void
set_busy (AimakSendDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->below_row), !busy);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  update_counts (self);
}

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
announce_sent (AimakSendDialog      *self,
               AimakPackageManifest *m,
               const char           *path)
{
  g_autofree char *name = g_path_get_basename (path);
  guint n = m->n_priorities + m->n_activities + m->n_values;
  g_autofree char *title = NULL;

  if (!AIMAK_IS_WINDOW (self->parent))
    return;
  /* TRANSLATORS: %u records, %s the package file's name. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record saved in %s",
                                        "%u records saved in %s", n), n, name);
  aimak_window_add_toast (AIMAK_WINDOW (self->parent), adw_toast_new (title));
}

static void
on_send_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AimakSendDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackageManifest) m = NULL;
  SendJob *job = aimak_db_job_get_data (result);

  set_busy (self, FALSE);
  if (!aimak_db_job_finish (result, (gpointer *) &m, &error))
    {
      aimak_label_show_message (self->error_label, error->message);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }
  announce_sent (self, m, job->path);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

void
aimak_send_dialog_send_to (AimakSendDialog *self,
                           GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  SendJob *job;
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (AIMAK_IS_SEND_DIALOG (self));
  if (self->busy || self->area_code == NULL)
    return;
  if (path == NULL)
    {
      aimak_label_show_message (self->error_label, _("The package can only be saved to a "
                                                     "local folder."));
      return;
    }
  job = g_new0 (SendJob, 1);
  job->area_code = g_strdup (self->area_code);
  job->below = gtk_switch_get_active (self->below_switch);
  /* The chooser asked before replacing; a name without the ending gets it. */
  job->path = g_str_has_suffix (path, ".aimak") ? g_strdup (path)
                                                : g_strconcat (path, ".aimak", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  self->pulse_id = g_timeout_add (100, pulse, self->progress_bar);
  task = g_task_new (NULL, NULL, on_send_done, g_object_ref (self));
  aimak_db_job_run (task, self->db, AIMAK_DB_OPEN_NO_CREATE, send_work, job,
                    (GDestroyNotify) send_job_free, (GDestroyNotify) aimak_package_manifest_free);
}

static char *
proposed_name (AimakSendDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *base = g_strdup (self->area_name ? self->area_name : self->area_code);

  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s %s.aimak", base, date);
}

static void
send_start (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimakSendDialog *self = AIMAK_SEND_DIALOG (widget);
  g_autofree char *name = proposed_name (self);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->busy)
    return;
  chooser = aimak_file_chooser_new (GTK_WINDOW (self), _("Save Exchange Package"),
                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  aimak_file_chooser_add_filter (chooser, AIMAK_CHOOSER_FILTER_PACKAGES);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  aimak_file_chooser_show (chooser, &self->chooser, (AimakFileChosen) aimak_send_dialog_send_to,
                           self);
}

static void
send_cancel (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* A package being written finishes (it is short); the dialog closes then. */
  if (!AIMAK_SEND_DIALOG (widget)->busy)
    gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------- public */

void
aimak_send_dialog_get_counts (AimakSendDialog *self,
                              guint            counts[3])
{
  memcpy (counts, self->counts, sizeof self->counts);
}

void
aimak_send_dialog_set_include_below (AimakSendDialog *self,
                                     gboolean         below)
{
  gtk_switch_set_active (self->below_switch, below);
}

AimakSendDialog *
aimak_send_dialog_new (GtkWindow  *parent,
                       AimakDb    *db,
                       const char *area_code)
{
  AimakSendDialog *self = g_object_new (AIMAK_TYPE_SEND_DIALOG, "transient-for", parent, NULL);
  g_autoptr(AimakArea) area = NULL;

  g_set_weak_pointer (&self->parent, parent);
  self->db = aimak_db_ref (db);
  self->area_code = g_strdup (area_code);
  if (area_code != NULL)
    area = aimak_area_get (db, area_code, NULL);
  if (area != NULL)
    self->area_name = g_strdup (aimak_area_name (area, aimak_db_get_language (db)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_row),
                                 self->area_name ? self->area_name
                                                 : _("No area is selected"));
  adw_action_row_set_subtitle (self->area_row, area_code ? area_code : "");
  update_counts (self);
  return self;
}

static void
aimak_send_dialog_dispose (GObject *object)
{
  AimakSendDialog *self = AIMAK_SEND_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  aimak_file_chooser_clear (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_SEND_DIALOG);
  G_OBJECT_CLASS (aimak_send_dialog_parent_class)->dispose (object);
}

static void
aimak_send_dialog_finalize (GObject *object)
{
  AimakSendDialog *self = AIMAK_SEND_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_free (self->area_code);
  g_free (self->area_name);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (aimak_send_dialog_parent_class)->finalize (object);
}

static void
aimak_send_dialog_class_init (AimakSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_send_dialog_dispose;
  object_class->finalize = aimak_send_dialog_finalize;
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  g_type_ensure (AIMAK_TYPE_DIALOG_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, below_row);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, below_switch);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, priorities_row);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, activities_row);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, values_row);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AimakSendDialog, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_below_changed);
  gtk_widget_class_install_action (widget_class, "send.start", NULL, send_start);
  gtk_widget_class_install_action (widget_class, "send.cancel", NULL, send_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "send.cancel", NULL);
}

static void
aimak_send_dialog_init (AimakSendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->send_button));
}
