/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor.c — the priority editor: its class, template and
 * lifecycle, and showing a priority.
 *
 * Two copies of the record are kept: "saved" is what the database holds and
 * "current" what the widgets show. How a change is saved and taken back is in
 * aimak-priority-editor-history.c; how the other parts divide the work, in
 * aimak-priority-editor-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-field-problem.h"
#include "aimak-priority-editor-private.h"
#include "aimak-widget-util.h"

G_DEFINE_FINAL_TYPE (AimakPriorityEditor, aimak_priority_editor, GTK_TYPE_WIDGET)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
_aimak_priority_editor_emit_saved (AimakPriorityEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0, self->saved->id);
}

static void
update_sensitivity (AimakPriorityEditor *self)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->basics_group), GTK_WIDGET (self->gender_group),
    GTK_WIDGET (self->checklist_group), GTK_WIDGET (self->alignment_group),
    GTK_WIDGET (self->budget_group), GTK_WIDGET (self->hearing_group),
    GTK_WIDGET (self->indicators_group),
  };
  gboolean editable = !self->read_only && self->saved != NULL && self->saved->deleted_at == NULL;
  g_autoptr(GError) error = NULL;

  /* An area this desk may only read (office server): the form is shown as it
   * is, not edited, and says why from the start rather than at the save. Once
   * the area can be written (the server is no longer used), that goes. */
  if (editable && self->db != NULL &&
      !aimak_server_check_writable (self->db, self->saved->area_code, &error))
    {
      editable = FALSE;
      _aimak_priority_editor_set_refusal (self, error->message, FALSE);
      self->refusal_is_area = TRUE;
    }
  else if (editable && self->refusal_is_area)
    _aimak_priority_editor_set_refusal (self, NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-indicator", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", editable);
}

char *
_aimak_priority_editor_area_label (AimakPriorityEditor *self,
                                   const char          *code,
                                   gboolean             with_type)
{
  g_autoptr(AimakArea) area = NULL;

  if (self->db && code)
    area = aimak_area_get (self->db, code, NULL);
  if (area == NULL)
    return g_strdup (code ? code : "");
  if (!with_type)
    return g_strdup (aimak_area_name (area, aimak_db_get_language (self->db)));
  return g_strdup_printf ("%s · %s", aimak_area_name (area, aimak_db_get_language (self->db)),
                          aimak_area_type_label (area->type));
}

void
_aimak_priority_editor_update_area_row (AimakPriorityEditor *self)
{
  g_autofree char *subtitle = NULL;
  gboolean can_move;

  subtitle = self->current
               ? _aimak_priority_editor_area_label (self, self->current->area_code, TRUE)
               : g_strdup ("");
  adw_action_row_set_subtitle (self->area_row, subtitle);
  can_move = self->current && self->target_area &&
             g_strcmp0 (self->target_area, self->current->area_code) != 0;
  if (can_move)
    {
      g_autofree char *name = _aimak_priority_editor_area_label (self, self->target_area, FALSE);
      /* Translators: a button that moves the priority to another area */
      g_autofree char *label = g_strdup_printf (_("Move to %s"), name);

      gtk_label_set_text (self->move_area_label, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->move_area_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (self->move_area_button, can_move);
}

static void
on_move_area_clicked (AimakPriorityEditor *self)
{
  if (self->current == NULL || self->target_area == NULL || self->read_only)
    return;
  aimak_editor_replace_str (&self->current->area_code, self->target_area);
  _aimak_priority_editor_update_area_row (self);
  _aimak_priority_editor_field_changed (self, "area_code", TRUE);
}

void
aimak_priority_editor_set_target_area (AimakPriorityEditor *self,
                                       const char          *code)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  aimak_editor_replace_str (&self->target_area, code);
  _aimak_priority_editor_update_area_row (self);
}

gboolean
aimak_priority_editor_load (AimakPriorityEditor *self,
                            const char          *id,
                            GError             **error)
{
  g_autoptr(AimakPriority) p = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  aimak_priority_editor_flush (self);
  _aimak_priority_editor_end_burst (self);
  if (id && self->db)
    {
      p = aimak_priority_load (self->db, id, error);
      if (p == NULL)
        return FALSE;
    }
  if (self->saved == NULL || p == NULL || g_strcmp0 (self->saved->id, p->id) != 0)
    {
      g_ptr_array_set_size (self->undo, 0);
      g_hash_table_remove_all (self->parse_errors);
      _aimak_priority_editor_set_refusal (self, NULL, FALSE);
    }
  g_clear_pointer (&self->saved, aimak_priority_free);
  g_clear_pointer (&self->current, aimak_priority_free);
  if (p)
    {
      self->current = aimak_priority_copy (p);
      self->saved = g_steal_pointer (&p);
      _aimak_priority_editor_fill_all (self);
    }
  else
    _aimak_priority_editor_fill_indicators (self);
  _aimak_priority_editor_update_area_row (self);
  _aimak_priority_editor_update_problems (self);
  _aimak_priority_editor_refresh_history (self);
  update_sensitivity (self);
  /* A received priority says where it came from. */
  aimak_editor_show_origin (self->basics_group,
                            id && self->db ? aimak_package_origin_name (self->db, id) : NULL);
  return TRUE;
}

void
aimak_priority_editor_reload (AimakPriorityEditor *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  if (self->saved == NULL)
    return;
  aimak_priority_editor_flush (self);
  id = g_strdup (self->saved->id);
  if (!aimak_priority_editor_load (self, id, NULL))
    aimak_priority_editor_load (self, NULL, NULL);
}

const char *
aimak_priority_editor_get_id (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->saved ? self->saved->id : NULL;
}

const AimakPriority *
aimak_priority_editor_get_priority (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->saved;
}

void
aimak_priority_editor_set_read_only (AimakPriorityEditor *self,
                                     gboolean             read_only)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  self->read_only = read_only;
  update_sensitivity (self);
}

gboolean
aimak_priority_editor_save_pending (AimakPriorityEditor  *self,
                                    GError              **error)
{
  g_autoptr(GString) text = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);
  if (self->saved == NULL || self->read_only)
    return TRUE;
  aimak_priority_editor_flush (self);
  /* Problems of a draft do not stop a save; only text that is no value does. */
  if (g_hash_table_size (self->parse_errors) == 0)
    return TRUE;
  text = g_string_new (NULL);
  g_hash_table_iter_init (&iter, self->parse_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (text->len)
        g_string_append_c (text, '\n');
      /* Translators: a field that cannot be saved, "Budget (KGS): Enter an amount…" */
      g_string_append_printf (text, _("%s: %s"), aimak_priority_field_label (key),
                              (char *) value);
    }
  g_set_error_literal (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID, text->str);
  return FALSE;
}

void
aimak_priority_editor_discard (AimakPriorityEditor *self)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_free);
  g_hash_table_remove_all (self->parse_errors);
}

void
aimak_priority_editor_focus_title (AimakPriorityEditor *self)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

GtkWidget *
aimak_priority_editor_get_field_widget (AimakPriorityEditor *self,
                                        const char          *field)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  if (_aimak_priority_editor_is_field (field, "checklist"))
    {
      GtkToggleButton *yes = aimak_priority_editor_get_answer_button (self, "women_consulted",
                                                                       AIMAK_CHECKLIST_YES);
      return yes ? GTK_WIDGET (yes) : NULL;
    }
  if (_aimak_priority_editor_is_field (field, "indicators"))
    return self->indicator_rows->len > 0 ? g_ptr_array_index (self->indicator_rows, 0)
                                          : self->add_indicator_button;
  return g_hash_table_lookup (self->field_widgets, field);
}

guint
aimak_priority_editor_get_n_indicators (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), 0);
  return self->indicator_rows->len;
}

GtkWidget *
aimak_priority_editor_get_indicator_row (AimakPriorityEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->indicator_rows->len, NULL);
  return g_ptr_array_index (self->indicator_rows, index);
}

const char *
aimak_priority_editor_get_history_title (AimakPriorityEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->history_rows->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->history_rows, index));
}

void
aimak_priority_editor_set_db (AimakPriorityEditor *self,
                              AimakDb             *db)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));

  aimak_priority_editor_load (self, NULL, NULL);
  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
    }
  _aimak_priority_editor_clear_choices (self);
  if (db != NULL)
    _aimak_priority_editor_load_choices (self);
}

static void
aimak_priority_editor_dispose (GObject *object)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (object);

  /* What was typed in the last pause is not lost when the window closes. */
  if (self->pending && !self->read_only)
    aimak_priority_editor_flush (self);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PRIORITY_EDITOR);
  aimak_widget_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (aimak_priority_editor_parent_class)->dispose (object);
}

static void
aimak_priority_editor_finalize (GObject *object)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->saved, aimak_priority_free);
  g_clear_pointer (&self->current, aimak_priority_free);
  g_free (self->pending);
  g_free (self->burst_field);
  g_free (self->refusal);
  g_free (self->target_area);
  g_free (self->problems_signature);
  g_ptr_array_unref (self->undo);
  g_hash_table_unref (self->code_lists);
  g_ptr_array_unref (self->own_lists);
  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->answer_buttons);
  g_ptr_array_unref (self->dynamic_rows);
  g_ptr_array_unref (self->indicator_rows);
  g_ptr_array_unref (self->summary_rows);
  g_ptr_array_unref (self->history_rows);
  g_hash_table_unref (self->field_widgets);
  g_hash_table_unref (self->field_rows);
  g_hash_table_unref (self->problem_icons);
  g_hash_table_unref (self->problem_texts);
  g_hash_table_unref (self->parse_errors);
  G_OBJECT_CLASS (aimak_priority_editor_parent_class)->finalize (object);
}

static void
aimak_priority_editor_class_init (AimakPriorityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_priority_editor_dispose;
  object_class->finalize = aimak_priority_editor_finalize;

  /* ::saved (id): a field has been written to the database. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AIMAK_TYPE_MARKER_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-priority-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakPriorityEditor, name)
  BIND (prefs_page);
  BIND (problem_bar);
  BIND (bar_label);
  BIND (problems_button);
  BIND (problems_popover);
  BIND (problems_list);
  BIND (problems_content);
  BIND (problem_caption);
  BIND (description_caption);
  BIND (justification_caption);
  BIND (indicators_header);
  BIND (basics_group);
  BIND (gender_group);
  BIND (checklist_group);
  BIND (alignment_group);
  BIND (budget_group);
  BIND (hearing_group);
  BIND (indicators_group);
  BIND (history_group);
  BIND (title_row);
  BIND (problem_row);
  BIND (problem_view);
  BIND (description_row);
  BIND (description_view);
  BIND (sector_row);
  BIND (area_row);
  BIND (move_area_button);
  BIND (move_area_label);
  BIND (marker_row);
  BIND (justification_row);
  BIND (justification_view);
  BIND (groups_row);
  BIND (suggested_row);
  BIND (suggested_badge);
  BIND (gcm_row);
  BIND (sdg_row);
  BIND (budget_row);
  BIND (funding_row);
  BIND (responsible_row);
  BIND (partners_row);
  BIND (start_year_row);
  BIND (end_year_row);
  BIND (hearing_date_row);
  BIND (participants_f_row);
  BIND (participants_m_row);
  BIND (decision_no_row);
  BIND (decision_date_row);
  BIND (status_row);
  BIND (no_indicators_row);
  BIND (add_indicator_button);
  BIND (no_history_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_move_area_clicked);
  _aimak_priority_editor_class_init_fields (widget_class);
  _aimak_priority_editor_class_init_history (widget_class);
  _aimak_priority_editor_class_init_problems (widget_class);
  _aimak_priority_editor_class_init_choices (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_priority_editor_init (AimakPriorityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _aimak_priority_editor_step_free);
  self->code_lists = g_hash_table_new (g_str_hash, g_str_equal);
  self->own_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->answer_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dynamic_rows = g_ptr_array_new ();
  self->indicator_rows = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->field_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  _aimak_priority_editor_init_fields (self);
  _aimak_priority_editor_update_bar (self);
  update_sensitivity (self);
}

GtkWidget *
aimak_priority_editor_new (void)
{
  return g_object_new (AIMAK_TYPE_PRIORITY_EDITOR, NULL);
}
