/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor.c — the activity editor: its class, template and
 * lifecycle, and saving.
 *
 * The widgets edit "current", a copy of the record. Each change re-validates at once
 * (so problems follow every keystroke) and restarts a short timer; when it fires the
 * record is written as a whole if it is valid — created the first time, updated
 * after that — and the core logs each changed field. While there are problems
 * nothing is written, so the database keeps the last valid version.
 *
 * Saves from typing in one field fold into one change_log row (one entry per
 * field per burst, aimak_activity_update_burst()) until the focus leaves the
 * field, a choice (type, area, linked priority) is made, or another activity is
 * shown. How the parts divide the work: aimak-activity-editor-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-activity-editor-private.h"
#include "aimak-package.h"
#include "aimak-toast.h"
#include "aimak-widget-util.h"

G_DEFINE_FINAL_TYPE (AimakActivityEditor, aimak_activity_editor, GTK_TYPE_WIDGET)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
save_now (AimakActivityEditor  *self,
          GError              **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean created;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->current == NULL || !self->dirty || self->db == NULL)
    return TRUE;
  if (self->read_only)
    {
      g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                           _("The database is read-only: changes cannot be saved."));
      return FALSE;
    }

  problems = aimak_activity_validate (self->current);
  if (problems->len > 0 || g_hash_table_size (self->parse_errors) > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The activity has problems and was not saved."));
      GHashTableIter iter;
      gpointer key, value;

      _aimak_activity_editor_update_problems (self);
      /* Each problem by name, for the question on close. */
      g_hash_table_iter_init (&iter, self->problem_texts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_string_append_printf (text, "\n• %s", (char *) value);
      g_set_error_literal (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID, text->str);
      return FALSE;
    }

  created = self->current->id == NULL;
  if (created || self->burst_break)
    self->burst = 0;
  if (created ? !aimak_activity_create (self->db, self->current, &local_error)
              : !aimak_activity_update_burst (self->db, self->current, &self->burst,
                                              &local_error))
    {
      gtk_label_set_text (self->state_label, local_error->message);
      aimak_toast_show (GTK_WIDGET (self), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->dirty = FALSE;
  if (self->burst_break)
    self->burst = 0;
  self->burst_break = FALSE;
  _aimak_activity_editor_update_problems (self);
  if (!self->disposing)
    g_signal_emit (self, signals[SAVED], 0, self->current->id, created);
  return TRUE;
}

static gboolean
save_timeout (gpointer data)
{
  AimakActivityEditor *self = data;

  self->save_id = 0;
  save_now (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Called after every change to "current". */
void
_aimak_activity_editor_changed (AimakActivityEditor *self)
{
  if (self->filling || self->current == NULL)
    return;
  self->dirty = TRUE;
  self->touched = TRUE;
  _aimak_activity_editor_update_problems (self);
  aimak_timeout_restart (&self->save_id, AIMAK_ACTIVITY_EDITOR_DELAY_MS, save_timeout, self);
}

gboolean
aimak_activity_editor_flush (AimakActivityEditor  *self,
                             GError              **error)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);
  return save_now (self, error);
}

gboolean
aimak_activity_editor_has_unsaved (AimakActivityEditor *self)
{
  return self->current != NULL && self->dirty;
}

/* Leaving a typed field ends its burst: what waits for its pause is saved now
 * (as part of the burst, when it can be), later typing there is a new entry. */
static void
on_field_focus_leave (GtkEventControllerFocus *controller,
                      AimakActivityEditor     *self)
{
  if (self->save_id && self->current && self->current->id)
    save_now (self, NULL);
  self->burst = 0;
}

void
_aimak_activity_editor_watch_focus (AimakActivityEditor *self,
                                    GtkWidget           *widget)
{
  aimak_editor_watch_focus_leave (widget, G_CALLBACK (on_field_focus_leave), self);
}

/* An activity of an area this desk may only read (office server) is shown as
 * it is, not edited, and the state line says why from the start rather than at
 * the save, as in the priority editor. */
static void
update_sensitivity (AimakActivityEditor *self)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->basics_group), GTK_WIDGET (self->participants_group),
    GTK_WIDGET (self->scores_group), GTK_WIDGET (self->priorities_row),
    GTK_WIDGET (self->notes_view), GTK_WIDGET (self->delete_button),
  };
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->refusal, g_free);
  if (!self->read_only && self->current != NULL && self->db != NULL &&
      !aimak_server_check_writable (self->db, self->current->area_code, &error))
    self->refusal = g_strdup (error->message);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], !self->read_only && self->refusal == NULL);
  _aimak_activity_editor_update_state (self);
}

gboolean
aimak_activity_editor_load (AimakActivityEditor  *self,
                            const char           *id,
                            GError              **error)
{
  g_autoptr(AimakActivity) a = NULL;

  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (id != NULL)
    {
      a = aimak_activity_load (self->db, id, error);
      if (a == NULL)
        return FALSE;
    }
  g_clear_pointer (&self->current, aimak_activity_free);
  self->current = g_steal_pointer (&a);
  self->dirty = FALSE;
  self->touched = FALSE;
  self->burst = 0;
  _aimak_activity_editor_fill (self);
  update_sensitivity (self);
  /* A received activity says where it came from. */
  aimak_editor_show_origin (self->basics_group,
                            id && self->db ? aimak_package_activity_origin_name (self->db, id)
                                           : NULL);
  return TRUE;
}

void
aimak_activity_editor_new_activity (AimakActivityEditor *self,
                                    const char          *area_code)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->current, aimak_activity_free);
  self->current = aimak_activity_new (area_code);
  adw_preferences_group_set_description (self->basics_group, NULL);
  /* The first type is chosen; none when there are no types. */
  aimak_editor_replace_str (&self->current->type, _aimak_activity_editor_type_code (self, 0));
  self->dirty = TRUE;   /* a new activity is unsaved until it is valid */
  self->touched = FALSE;
  self->burst = 0;
  _aimak_activity_editor_fill (self);
  update_sensitivity (self);
}

const char *
aimak_activity_editor_get_id (AimakActivityEditor *self)
{
  return self->current ? self->current->id : NULL;
}

gboolean
aimak_activity_editor_is_shown (AimakActivityEditor *self)
{
  return self->current != NULL;
}

gboolean
aimak_activity_editor_save_pending (AimakActivityEditor  *self,
                                    GError              **error)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);
  /* A new activity nobody typed into is not an edit: there is nothing to keep. */
  if (self->current == NULL || !self->dirty || (self->current->id == NULL && !self->touched))
    return TRUE;
  return save_now (self, error);
}

void
aimak_activity_editor_discard (AimakActivityEditor *self)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->dirty = FALSE;
  self->touched = FALSE;
}

void
aimak_activity_editor_focus (AimakActivityEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_row));
}

void
aimak_activity_editor_set_db (AimakActivityEditor *self,
                              AimakDb             *db)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));

  if (self->db == db)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->current, aimak_activity_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  self->db = db ? aimak_db_ref (db) : NULL;
  _aimak_activity_editor_load_choices (self);
  _aimak_activity_editor_fill (self);
  update_sensitivity (self);
}

void
aimak_activity_editor_set_read_only (AimakActivityEditor *self,
                                     gboolean             read_only)
{
  self->read_only = read_only;
  update_sensitivity (self);
}

void
aimak_activity_editor_set_selected_area (AimakActivityEditor *self,
                                         const char          *area_code)
{
  aimak_editor_replace_str (&self->selected_area, area_code);
  if (self->current)
    _aimak_activity_editor_update_area_row (self);
}

static void
aimak_activity_editor_dispose (GObject *object)
{
  AimakActivityEditor *self = AIMAK_ACTIVITY_EDITOR (object);

  /* A pending valid change is written rather than lost when the window closes. */
  self->disposing = TRUE;
  if (self->dirty && self->current && self->current->id && !self->read_only)
    save_now (self, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_ACTIVITY_EDITOR);
  aimak_widget_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (aimak_activity_editor_parent_class)->dispose (object);
}

static void
aimak_activity_editor_finalize (GObject *object)
{
  AimakActivityEditor *self = AIMAK_ACTIVITY_EDITOR (object);

  g_clear_pointer (&self->current, aimak_activity_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->priority_rows, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_pointer (&self->priority_checks, g_hash_table_unref);
  g_clear_pointer (&self->parse_errors, g_hash_table_unref);
  g_clear_pointer (&self->field_widgets, g_hash_table_unref);
  g_clear_pointer (&self->problem_icons, g_hash_table_unref);
  g_clear_pointer (&self->problem_texts, g_hash_table_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_free (self->selected_area);
  g_free (self->refusal);
  G_OBJECT_CLASS (aimak_activity_editor_parent_class)->finalize (object);
}

static void
aimak_activity_editor_class_init (AimakActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_activity_editor_dispose;
  object_class->finalize = aimak_activity_editor_finalize;

  /* SAVED (id, created): after each successful write. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                 G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-activity-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, name)
  BIND (stack);
  BIND (prefs_page);
  BIND (state_label);
  BIND (problems_button);
  BIND (problems_popover);
  BIND (problems_list);
  BIND (problems_content);
  BIND (participants_header);
  BIND (basics_group);
  BIND (area_row);
  BIND (area_button);
  BIND (date_row);
  BIND (calendar);
  BIND (type_row);
  BIND (topic_row);
  BIND (facilitator_row);
  BIND (participants_group);
  BIND (scores_group);
  BIND (pre_row);
  BIND (post_row);
  BIND (priorities_row);
  BIND (notes_view);
  BIND (delete_button);
#undef BIND
  _aimak_activity_editor_class_init_fields (widget_class);
  _aimak_activity_editor_class_init_problems (widget_class);
  _aimak_activity_editor_class_init_choices (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_activity_editor_init (AimakActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_rows = g_ptr_array_new ();
  self->priority_rows = g_ptr_array_new ();
  self->spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->priority_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->problem_icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problem_rows = g_ptr_array_new ();
  _aimak_activity_editor_init_fields (self);
  _aimak_activity_editor_init_problems (self);
  _aimak_activity_editor_update_totals (self);
}

GtkWidget *
aimak_activity_editor_new (void)
{
  return g_object_new (AIMAK_TYPE_ACTIVITY_EDITOR, NULL);
}
