/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-damaged-dialog.c — the dialog for a database that cannot be opened. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-backups.h"
#include "aimak-damaged-dialog.h"

struct _AimakDamagedDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned references */
  char             *db_path;
  char             *backup;
};

G_DEFINE_FINAL_TYPE (AimakDamagedDialog, aimak_damaged_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
aimak_damaged_dialog_finalize (GObject *object)
{
  AimakDamagedDialog *self = AIMAK_DAMAGED_DIALOG (object);

  g_free (self->db_path);
  g_free (self->backup);
  G_OBJECT_CLASS (aimak_damaged_dialog_parent_class)->finalize (object);
}

static void
aimak_damaged_dialog_class_init (AimakDamagedDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = aimak_damaged_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-damaged-dialog.ui");
}

static void
aimak_damaged_dialog_init (AimakDamagedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
is_restorable (const GError *error)
{
  /* Only these leave a file that a backup may replace; an unreadable file
   * (permissions, a missing folder) needs the planner, not a restore. */
  return error->domain == AIMAK_DB_ERROR &&
         (error->code == AIMAK_DB_ERROR_CORRUPT || error->code == AIMAK_DB_ERROR_NOT_AIMAK ||
          error->code == AIMAK_DB_ERROR_TOO_NEW);
}

static const char *
heading_for (const GError *error)
{
  if (error->domain == AIMAK_DB_ERROR)
    switch (error->code)
      {
      case AIMAK_DB_ERROR_CORRUPT:
        return _("The Database Is Damaged");
      case AIMAK_DB_ERROR_NOT_AIMAK:
        return _("This Is Not an Aimak Database");
      case AIMAK_DB_ERROR_TOO_NEW:
        return _("The Database Needs a Newer Aimak");
      default:
        break;
      }
  return _("The Database Could Not Be Opened");
}

AimakDamagedDialog *
aimak_damaged_dialog_new (GtkWindow             *parent,
                          const char            *db_path,
                          const GError          *error,
                          const AimakBackupInfo *newest_good)
{
  AimakDamagedDialog *self;
  g_autoptr(GString) body = g_string_new (error->message);
  gboolean restorable;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (AIMAK_TYPE_DAMAGED_DIALOG, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  restorable = is_restorable (error) && newest_good != NULL;
  if (restorable)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = aimak_backups_format_time (newest_good->time);
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *base = g_path_get_basename (db_path);
      g_autofree char *aside = g_strdup_printf ("%s.%s-%s", base,
                                                error->code == AIMAK_DB_ERROR_TOO_NEW
                                                ? "newer" : "damaged", date);

      self->backup = g_strdup (newest_good->path);
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              _("You can restore the newest good backup, made on %s. The "
                                "file that cannot be opened is then kept, unchanged, in the "
                                "same folder as “%s”."),
                              when, aside);
    }
  else if (is_restorable (error))
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("There is no good backup of it to restore. Open another file, "
                               "or quit; this file stays as it is."));
    }
  else
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Open another file, or quit and check the file and its "
                               "folder."));
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading_for (error));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "restore", restorable);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                           restorable ? "restore" : "open");
  return self;
}

const char *
aimak_damaged_dialog_get_db_path (AimakDamagedDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_DAMAGED_DIALOG (self), NULL);
  return self->db_path;
}

const char *
aimak_damaged_dialog_get_backup (AimakDamagedDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_DAMAGED_DIALOG (self), NULL);
  return self->backup;
}
