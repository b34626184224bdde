/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile-editing.c — the profile's actions: add, edit and
 * delete values (with undo), add an indicator, the history of a value, and
 * the CSV import. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-profile-private.h"
#include "aimak-import-dialog.h"
#include "aimak-toast.h"
#include "aimak-value-dialog.h"
#include "aimak-widget-util.h"


void
aimak_area_profile_update_actions (AimakAreaProfile *self)
{
  gboolean ro = aimak_area_profile_read_only (self);
  gboolean has_area = self->code != NULL && self->db != NULL;
  gboolean has_row = aimak_area_profile_selected_row (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-value", !ro && has_area);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-value-for", !ro && has_area);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit-value", !ro && has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.delete-value", !ro && has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-indicator", !ro);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.import-csv", !ro);
  gtk_widget_set_sensitive (self->history_button, has_row);
}

static void
on_value_saved (AimakValueDialog *dialog,
                AimakAreaProfile *self)
{
  aimak_area_profile_reload (self);
  aimak_toast_show (GTK_WIDGET (self), _("Value saved"));
}

static void
on_indicator_added (AimakValueDialog *dialog,
                    const char       *code,
                    AimakAreaProfile *self)
{
  g_autofree char *text = g_strdup_printf (_("Indicator %s added to the catalogue"), code);

  aimak_toast_show (GTK_WIDGET (self), text);
}

/* The value dialog of the action: add a value (for the indicator given, else
 * the filtered one), edit the selected row's values, or add an indicator to
 * the catalogue. */
static void
profile_open_value_dialog (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);
  AimakIndicatorRow *row = aimak_area_profile_selected_row (self);
  GtkWindow *parent = aimak_widget_get_window (widget);
  AimakValueDialog *dialog;

  if (aimak_area_profile_read_only (self))
    return;
  if (g_str_equal (action_name, "profile.add-indicator"))
    dialog = aimak_value_dialog_new_indicator (parent, self->db);
  else if (g_str_equal (action_name, "profile.edit-value") && row)
    dialog = aimak_value_dialog_new_edit (parent, self->db, self->code, row);
  else if (g_str_has_prefix (action_name, "profile.add-value") && self->code)
    dialog = aimak_value_dialog_new_value (parent, self->db, self->code,
                                           parameter ? g_variant_get_string (parameter, NULL)
                                                     : self->filter_code);
  else
    return;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_value_saved), self, 0);
  g_signal_connect_object (dialog, "indicator-added", G_CALLBACK (on_indicator_added), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
aimak_area_profile_on_table_activate (GtkColumnView    *view,
                                      guint             position,
                                      AimakAreaProfile *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.edit-value", NULL);
}

typedef gboolean (*ValueChange) (AimakDb  *db,
                                 gint64    id,
                                 GError  **error);

typedef struct
{
  GArray      *ids;     /* gint64 */
  ValueChange  change;  /* aimak_indicator_value_delete() or _undelete() */
} ValueChanges;

/* One row is one to three values (@data: a ValueChanges): all change
 * together, or none. */
static gboolean
change_values (AimakDb  *db,
               gpointer  data,
               GError  **error)
{
  ValueChanges *changes = data;

  for (guint i = 0; i < changes->ids->len; i++)
    if (!changes->change (db, g_array_index (changes->ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

typedef struct
{
  GWeakRef  profile;
  AimakDb  *db;
  GArray   *ids;     /* gint64 */
} UndoDelete;

static void
undo_delete_free (gpointer data)
{
  UndoDelete *undo = data;

  g_weak_ref_clear (&undo->profile);
  aimak_db_unref (undo->db);
  g_array_unref (undo->ids);
  g_free (undo);
}

static void
on_undo_delete (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(AimakAreaProfile) self = g_weak_ref_get (&undo->profile);
  g_autoptr(GError) error = NULL;
  ValueChanges undelete = { undo->ids, aimak_indicator_value_undelete };
  gboolean ok = aimak_db_run_in_transaction (undo->db, change_values, &undelete, &error);

  if (self)
    {
      aimak_area_profile_reload (self);
      if (!ok)
        aimak_toast_show_error (GTK_WIDGET (self), error);
    }
}

static void
profile_delete_value (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (widget);
  AimakIndicatorRow *row = aimak_area_profile_selected_row (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ValueChanges delete = { ids, aimak_indicator_value_delete };
  g_autofree char *title = NULL;
  UndoDelete *undo;
  AdwToast *toast;
  gboolean ok;

  if (aimak_area_profile_read_only (self) || row == NULL)
    return;
  if (row->id_f) g_array_append_val (ids, row->id_f);
  if (row->id_m) g_array_append_val (ids, row->id_m);
  if (row->id_t) g_array_append_val (ids, row->id_t);
  /* One row is one to three values: all go together, or none. */
  ok = aimak_db_run_in_transaction (self->db, change_values, &delete, &error);
  if (!ok)
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  title = g_strdup_printf (_("Deleted %s, %d"), row->name, row->year);
  undo = g_new0 (UndoDelete, 1);
  g_weak_ref_init (&undo->profile, self);
  undo->db = aimak_db_ref (self->db);
  undo->ids = g_array_ref (ids);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo,
                         (GClosureNotify) (void (*) (void)) undo_delete_free, 0);
  aimak_area_profile_reload (self);
  aimak_toast_add (GTK_WIDGET (self), toast);
}

/* A row of a history list, in plain text (not markup). */
static GtkWidget *
history_row_new (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The history of each value of the selected row, built when the popover opens. */
GtkWidget *
aimak_area_profile_build_history (AimakAreaProfile *self)
{
  AimakIndicatorRow *row = aimak_area_profile_selected_row (self);
  struct { char sex; gint64 id; } values[3];

  aimak_area_profile_clear_box (self->history_box);
  if (row == NULL)
    return GTK_WIDGET (self->history_box);
  values[0].sex = 'F'; values[0].id = row->id_f;
  values[1].sex = 'M'; values[1].id = row->id_m;
  values[2].sex = 'T'; values[2].id = row->id_t;
  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *heading = NULL;
      GtkWidget *label, *list;

      if (values[v].id == 0)
        continue;
      changes = aimak_indicator_value_history (self->db, values[v].id, &error);
      heading = g_strdup_printf ("%s, %d — %s", row->name, row->year,
                                 aimak_indicator_sex_label (values[v].sex));
      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (self->history_box, label);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_box_append (self->history_box, list);
      if (changes == NULL)
        {
          gtk_list_box_append (GTK_LIST_BOX (list), history_row_new (error->message, NULL));
          continue;
        }
      if (changes->len == 0)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             history_row_new (_("No changes recorded"), NULL));
      for (guint i = 0; i < changes->len; i++)
        {
          AimakIndicatorChange *c = g_ptr_array_index (changes, i);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          if (g_strcmp0 (c->action, "reference") == 0)
            {
              title = g_strdup_printf (_("Reference value: %s"), c->old_value ? c->old_value : "—");
              subtitle = g_strdup_printf (_("Source: %s"), c->new_value ? c->new_value : "—");
            }
          else if (c->field && *c->field)
            {
              title = g_strdup_printf (_("%s: %s → %s"), c->field,
                                       c->old_value ? c->old_value : "—",
                                       c->new_value ? c->new_value : "—");
              subtitle = g_strdup_printf ("%s · %s", c->action, c->ts);
            }
          else
            {
              title = g_strdup (c->action);
              subtitle = g_strdup (c->ts);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), history_row_new (title, subtitle));
        }
    }
  return GTK_WIDGET (self->history_box);
}

void
aimak_area_profile_on_history_show (GtkPopover       *popover,
                                    AimakAreaProfile *self)
{
  aimak_area_profile_build_history (self);
}


static void
on_imported (AimakImportDialog *dialog,
             AimakAreaProfile  *self)
{
  aimak_area_profile_reload (self);
}

void
aimak_area_profile_import_csv (AimakAreaProfile *self,
                               AimakDb          *db)
{
  AimakImportDialog *dialog;

  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));
  if (db == NULL)
    db = self->db;
  if (db == NULL)
    return;
  if (aimak_db_is_read_only (db))
    {
      aimak_toast_show (GTK_WIDGET (self),
                        _("The database is open read-only: nothing can be imported"));
      return;
    }
  dialog = aimak_import_dialog_new (aimak_widget_get_window (GTK_WIDGET (self)), db);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
profile_import_csv (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  aimak_area_profile_import_csv (AIMAK_AREA_PROFILE (widget), NULL);
}

void
aimak_area_profile_class_init_editing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "profile.add-value", NULL,
                                   profile_open_value_dialog);
  gtk_widget_class_install_action (widget_class, "profile.add-value-for", "s",
                                   profile_open_value_dialog);
  gtk_widget_class_install_action (widget_class, "profile.edit-value", NULL,
                                   profile_open_value_dialog);
  gtk_widget_class_install_action (widget_class, "profile.delete-value", NULL,
                                   profile_delete_value);
  gtk_widget_class_install_action (widget_class, "profile.add-indicator", NULL,
                                   profile_open_value_dialog);
  gtk_widget_class_install_action (widget_class, "profile.import-csv", NULL, profile_import_csv);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "profile.add-value", NULL);
}
