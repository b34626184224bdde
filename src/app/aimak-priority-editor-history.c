/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor-history.c — saving, undo and the History group.
 *
 * A change updates "current" at once (so the problems shown follow every
 * keystroke) and marks its field pending; after AIMAK_PRIORITY_EDITOR_DELAY_MS,
 * or as soon as another field changes, only that field is copied onto "saved"
 * and written with aimak_priority_update(). So every save is one field, and the
 * undo stack holds the record as it was before each save. Choices (lists,
 * toggles) are saved at once.
 *
 * The history gets one entry per field per burst of typing, not one per pause:
 * the saves of a typed field fold into the change_log row of the burst's first
 * save (aimak_priority_update_burst()) until the focus leaves the field, another
 * field is saved, a choice is made, undo is used, another priority is shown, or
 * AIMAK_PRIORITY_EDITOR_BURST_SECONDS pass without a save. Choices are one entry
 * each, as a status change must stay in the history.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "aimak-marker-badge.h"
#include "aimak-numbers.h"
#include "aimak-priority-editor-private.h"

void
_aimak_priority_editor_step_free (AimakPriorityEditorStep *step)
{
  g_free (step->field);
  aimak_priority_free (step->before);
  g_free (step);
}

/* Writes @field of "current" onto the stored record. */
void
_aimak_priority_editor_end_burst (AimakPriorityEditor *self)
{
  self->burst = 0;
  g_clear_pointer (&self->burst_field, g_free);
}

static gboolean
save_field (AimakPriorityEditor *self,
            const char          *field,
            gboolean             record_undo,
            gboolean             typed)
{
  g_autoptr(AimakPriority) next = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saved == NULL || self->db == NULL)
    return FALSE;
  next = aimak_priority_copy (self->saved);
  _aimak_priority_editor_copy_field (next, self->current, field);
  if (_aimak_priority_editor_field_equal (self->saved, next, field))
    return TRUE;

  if (!typed || !_aimak_priority_editor_is_field (self->burst_field, field) ||
      g_get_monotonic_time () - self->burst_time > AIMAK_PRIORITY_EDITOR_BURST_SECONDS * G_USEC_PER_SEC)
    _aimak_priority_editor_end_burst (self);
  if (!aimak_priority_update_burst (self->db, next, &self->burst, &error))
    {
      if (_aimak_priority_editor_is_field (field, "status"))
        {
          /* The core refuses a status past draft while there are problems:
           * the status stays, every other field is already saved. */
          _aimak_priority_editor_copy_field (self->current, self->saved, "status");
          _aimak_priority_editor_fill_field (self, "status");
          _aimak_priority_editor_set_refusal (self, error->message, TRUE);
        }
      else
        {
          g_autofree char *msg = g_strdup_printf (_("Could not save “%s”: %s"),
                                                  aimak_priority_field_label (field),
                                                  error->message);
          _aimak_priority_editor_set_refusal (self, msg, FALSE);
        }
      _aimak_priority_editor_update_problems (self);
      return FALSE;
    }

  if (typed)
    {
      aimak_editor_replace_str (&self->burst_field, field);
      self->burst_time = g_get_monotonic_time ();
    }
  else
    _aimak_priority_editor_end_burst (self);
  if (record_undo)
    {
      AimakPriorityEditorStep *step = g_new0 (AimakPriorityEditorStep, 1);

      step->field = g_strdup (field);
      step->before = g_steal_pointer (&self->saved);
      g_ptr_array_add (self->undo, step);
    }
  else
    g_clear_pointer (&self->saved, aimak_priority_free);
  self->saved = g_steal_pointer (&next);
  /* updated_at follows the record */
  aimak_editor_replace_str (&self->current->updated_at, self->saved->updated_at);
  if (_aimak_priority_editor_is_field (field, "status") || self->refusal)
    _aimak_priority_editor_set_refusal (self, NULL, FALSE);
  _aimak_priority_editor_update_problems (self);
  _aimak_priority_editor_refresh_history (self);
  _aimak_priority_editor_emit_saved (self);
  return TRUE;
}

gboolean
aimak_priority_editor_flush (AimakPriorityEditor *self)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  field = g_steal_pointer (&self->pending);
  if (field == NULL)
    return TRUE;
  /* Text that is not a number is not saved; the field shows why. */
  if (g_hash_table_contains (self->parse_errors, field))
    return FALSE;
  return save_field (self, field, TRUE, self->pending_typed);
}

static gboolean
on_pause (gpointer data)
{
  AimakPriorityEditor *self = data;

  self->pending_id = 0;
  aimak_priority_editor_flush (self);
  return G_SOURCE_REMOVE;
}

/* "current" has changed in @field: show its problems now, save after a pause
 * (typing) or at once (a choice). */
void
_aimak_priority_editor_field_changed (AimakPriorityEditor *self,
                                      const char          *field,
                                      gboolean             at_once)
{
  if (self->filling || self->saved == NULL || self->read_only)
    return;
  if (self->pending && !_aimak_priority_editor_is_field (self->pending, field))
    aimak_priority_editor_flush (self);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  aimak_editor_replace_str (&self->pending, field);
  self->pending_typed = !at_once;
  _aimak_priority_editor_update_problems (self);
  if (at_once)
    aimak_priority_editor_flush (self);
  else
    self->pending_id = g_timeout_add (AIMAK_PRIORITY_EDITOR_DELAY_MS, on_pause, self);
}

gboolean
_aimak_priority_editor_undo (AimakPriorityEditor *self)
{
  AimakPriorityEditorStep *step;
  g_autoptr(AimakPriority) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  if (self->saved == NULL || self->read_only)
    return FALSE;
  aimak_priority_editor_flush (self);
  _aimak_priority_editor_end_burst (self);
  /* A field with text that is not a number goes back to what is stored. */
  if (g_hash_table_size (self->parse_errors) > 0)
    {
      g_autoptr(GList) keys = g_hash_table_get_keys (self->parse_errors);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (GList *l = keys; l; l = l->next)
        g_ptr_array_add (fields, g_strdup (l->data));
      g_hash_table_remove_all (self->parse_errors);
      for (guint i = 0; i < fields->len; i++)
        {
          _aimak_priority_editor_copy_field (self->current, self->saved,
                                             g_ptr_array_index (fields, i));
          _aimak_priority_editor_fill_field (self, g_ptr_array_index (fields, i));
        }
      _aimak_priority_editor_update_problems (self);
      return TRUE;
    }
  if (self->undo->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  field = g_strdup (step->field);
  next = aimak_priority_copy (self->saved);
  _aimak_priority_editor_copy_field (next, step->before, field);
  _aimak_priority_editor_step_free (step);
  if (!aimak_priority_update (self->db, next, &error))
    {
      _aimak_priority_editor_set_refusal (self, error->message, FALSE);
      _aimak_priority_editor_update_problems (self);
      return FALSE;
    }
  aimak_priority_free (self->saved);
  self->saved = g_steal_pointer (&next);
  _aimak_priority_editor_copy_field (self->current, self->saved, field);
  aimak_editor_replace_str (&self->current->updated_at, self->saved->updated_at);
  _aimak_priority_editor_fill_field (self, field);
  _aimak_priority_editor_set_refusal (self, NULL, FALSE);
  _aimak_priority_editor_update_problems (self);
  _aimak_priority_editor_refresh_history (self);
  _aimak_priority_editor_emit_saved (self);
  return TRUE;
}

static void
editor_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (widget);

  if (!_aimak_priority_editor_undo (self))
    gtk_widget_error_bell (widget);
}

static char *
shorten (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  if (g_utf8_strlen (text, -1) > 80)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 79);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (text);
}

static char *
logged_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  return aimak_numbers_format_number (g_ascii_strtod (text, NULL));
}

/* The change log keeps indicators as "name [unit] F 4→40/ M 11→40/12; …";
 * the history says it in the interface's words: women and men, not F and M. */
static char *
indicators_words (const char *value)
{
  g_autoptr(GRegex) re = g_regex_new ("^(.*?) F ([^→ ]*)→([^/ ]*)/(\\S*) M ([^→ ]*)→([^/ ]*)/(\\S*)$",
                                      0, 0, NULL);
  g_auto(GStrv) parts = g_strsplit (value, "; ", -1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (s->len)
        g_string_append (s, "; ");
      if (!g_regex_match (re, parts[i], 0, &match))
        {
          g_string_append (s, parts[i]);
          continue;
        }
      {
        g_autofree char *name = g_match_info_fetch (match, 1);
        char *raw[6] = { NULL };
        char *n[6] = { NULL };

        for (guint j = 0; j < 6; j++)
          {
            raw[j] = g_match_info_fetch (match, (int) j + 2);
            n[j] = logged_number (raw[j]);
          }
        /* Translators: an indicator in the history: name, then baseline → target
         * for women and for men */
        g_string_append_printf (s, _("%s: women %s → %s, men %s → %s"),
                                *name ? name : "—", n[0], n[1], n[3], n[4]);
        if (*raw[2] || *raw[5])
          /* Translators: appended to an indicator in the history: actual values */
          g_string_append_printf (s, _(" (actual: women %s, men %s)"), n[2], n[5]);
        for (guint j = 0; j < 6; j++)
          {
            g_free (raw[j]);
            g_free (n[j]);
          }
      }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A stored value of @field in words: names instead of codes. */
static char *
display_value (AimakPriorityEditor *self,
               const char          *field,
               const char          *value)
{
  AimakCodeList *list;

  if (value == NULL || *value == '\0')
    return g_strdup ("");
  if (_aimak_priority_editor_is_field (field, "status"))
    return g_strdup (aimak_priority_status_label (value));
  if (_aimak_priority_editor_is_field (field, "area_code"))
    return _aimak_priority_editor_area_label (self, value, FALSE);
  if (_aimak_priority_editor_is_field (field, "gender_marker"))
    return aimak_marker_label (atoi (value));
  if (_aimak_priority_editor_is_field (field, "budget_kgs"))
    return aimak_numbers_format_budget (g_ascii_strtod (value, NULL));
  if (_aimak_priority_editor_is_field (field, "indicators"))
    return indicators_words (value);
  /* Status and marker have their words above; the other lists name codes. */
  list = _aimak_priority_editor_code_list (self, field);
  if (list)
    {
      g_auto(GStrv) parts = g_strsplit (value, ",", -1);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; parts[i]; i++)
        {
          char *eq = strchr (parts[i], '=');

          if (s->len)
            g_string_append (s, ", ");
          if (eq)
            {
              *eq = '\0';
              g_string_append_printf (s, "%s: %s", aimak_code_list_name_for (list, parts[i]),
                                      eq + 1);
            }
          else
            g_string_append (s, aimak_code_list_name_for (list, parts[i]));
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  return g_strdup (value);
}

/* The checklist is stored as a whole; the history names only the answers that changed. */
static void
checklist_difference (const char  *old_value,
                      const char  *new_value,
                      char       **old_out,
                      char       **new_out)
{
  g_auto(GStrv) olds = g_strsplit (old_value ? old_value : "", ",", -1);
  g_auto(GStrv) news = g_strsplit (new_value ? new_value : "", ",", -1);
  g_autoptr(GString) o = g_string_new (NULL);
  g_autoptr(GString) n = g_string_new (NULL);

  for (guint i = 0; news[i]; i++)
    if (*news[i] && !g_strv_contains ((const char * const *) olds, news[i]))
      g_string_append_printf (n, "%s%s", n->len ? "," : "", news[i]);
  for (guint i = 0; olds[i]; i++)
    if (*olds[i] && !g_strv_contains ((const char * const *) news, olds[i]))
      g_string_append_printf (o, "%s%s", o->len ? "," : "", olds[i]);
  *old_out = g_string_free (g_steal_pointer (&o), FALSE);
  *new_out = g_string_free (g_steal_pointer (&n), FALSE);
}

void
_aimak_priority_editor_refresh_history (AimakPriorityEditor *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  if (self->db && self->saved)
    changes = aimak_change_log_list (self->db, "priority", self->saved->id, NULL);

  for (guint i = 0; changes && i < changes->len && shown < 100; i++, shown++)
    {
      AimakChange *c = g_ptr_array_index (changes, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *when = aimak_numbers_format_timestamp (c->ts);
      g_autofree char *title = NULL;

      if (g_strcmp0 (c->action, "create") == 0)
        title = g_strdup (_("Created"));
      else if (g_strcmp0 (c->action, "delete") == 0)
        title = g_strdup (_("Deleted"));
      else if (g_strcmp0 (c->action, "undelete") == 0)
        title = g_strdup (_("Restored"));
      else
        {
          g_autofree char *old_raw = NULL, *new_raw = NULL;
          g_autofree char *old_words = NULL, *new_words = NULL;
          g_autofree char *old_short = NULL, *new_short = NULL;

          if (_aimak_priority_editor_is_field (c->field, "checklist"))
            checklist_difference (c->old_value, c->new_value, &old_raw, &new_raw);
          else
            {
              old_raw = g_strdup (c->old_value);
              new_raw = g_strdup (c->new_value);
            }
          old_words = display_value (self, c->field, old_raw);
          new_words = display_value (self, c->field, new_raw);
          old_short = shorten (old_words);
          new_short = shorten (new_words);
          /* Translators: a change in the history: "Title: old → new" */
          title = g_strdup_printf (_("%s: %s → %s"), aimak_priority_field_label (c->field),
                                   old_short, new_short);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (row, 0);
      adw_action_row_set_subtitle (row, when);
      adw_preferences_group_add (self->history_group, GTK_WIDGET (row));
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (self->no_history_row, self->history_rows->len == 0);
}

void
_aimak_priority_editor_class_init_history (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, editor_undo);
}
