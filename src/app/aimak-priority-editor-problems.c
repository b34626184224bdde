/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor-problems.c — the problems of the priority: a warning
 * icon inside each field's row, the fixed-height bar above the form with its
 * count button, and the list in the button's popover (AimakProblemRow). */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-field-problem.h"
#include "aimak-priority-editor-private.h"
#include "aimak-problem-row.h"

/* A refused status change is explained on the status row itself, where the user
 * is; any other refusal in the fixed-height bar above the form. Neither moves a
 * field above the one being edited. */
void
_aimak_priority_editor_set_refusal (AimakPriorityEditor *self,
                                    const char          *message,
                                    gboolean             is_status)
{
  self->refusal_is_status = message != NULL && is_status;
  self->refusal_is_area = FALSE;
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               self->refusal_is_status ? message : "");
  if (self->refusal_is_status)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "refused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "refused");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->refusal_is_status ? message : "", -1);
  _aimak_priority_editor_update_bar (self);
}

/* The problems of @field are shown by a warning icon (with the text as its
 * tooltip) inside the field's own row and by the row's error style: neither
 * changes any height, so no field moves while the user types. @field_row is the
 * row that gets .error; the icon goes into @icon_parent, or into the row. */
void
_aimak_priority_editor_attach_problem_icon (AimakPriorityEditor *self,
                                            const char          *field,
                                            GtkWidget           *field_row,
                                            GtkWidget           *icon_parent)
{
  GtkWidget *icon = aimak_field_problem_icon_new ();

  if (icon_parent && GTK_IS_BOX (icon_parent))
    gtk_box_append (GTK_BOX (icon_parent), icon);
  else if (ADW_IS_ENTRY_ROW (field_row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field_row), icon);
  else if (ADW_IS_EXPANDER_ROW (field_row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (field_row), icon);
  else if (ADW_IS_ACTION_ROW (field_row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (field_row), icon);
  else
    g_return_if_reached ();
  g_hash_table_replace (self->problem_icons, g_strdup (field), icon);
  if (field_row)
    g_hash_table_replace (self->field_rows, g_strdup (field), field_row);
}

static GtkWidget *
field_widget (GtkWidget  *editor,
              const char *field)
{
  return aimak_priority_editor_get_field_widget (AIMAK_PRIORITY_EDITOR (editor), field);
}

static void
on_problem_activated (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      AimakPriorityEditor *self)
{
  aimak_field_problem_activated (self->problems_popover, row, field_widget, GTK_WIDGET (self));
}

/* The fixed-height bar: a refusal that has no row of its own, else what the
 * problems mean; and the button that lists them. */
void
_aimak_priority_editor_update_bar (AimakPriorityEditor *self)
{
  const char *text = "";

  if (self->refusal && !self->refusal_is_status)
    text = self->refusal;
  else if (self->n_problems > 0)
    text = _("A draft can be saved with problems, but it cannot move past draft until "
             "they are solved");
  gtk_label_set_text (self->bar_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bar_label), *text ? text : NULL);
  if (self->refusal && !self->refusal_is_status)
    gtk_widget_add_css_class (GTK_WIDGET (self->bar_label), "problem-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->bar_label), "problem-label");

  aimak_field_problem_show_count (GTK_WIDGET (self->problems_button), self->problems_content,
                                  self->n_problems);
}

void
_aimak_priority_editor_update_problems (AimakPriorityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GString) signature = g_string_new (NULL);

  if (self->current == NULL)
    problems = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_problem_free);
  else
    problems = aimak_priority_validate (self->current);

  /* Text that could not be read comes first: it is what the user just typed. */
  g_hash_table_iter_init (&iter, self->parse_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AimakProblem *problem = g_new0 (AimakProblem, 1);

      problem->field = g_strdup (key);
      problem->message = g_strdup (value);
      g_ptr_array_insert (problems, 0, problem);
    }

  if (self->current)
    aimak_marker_badge_set_marker (self->suggested_badge,
                                   aimak_priority_suggest_marker (self->current));

  /* This runs on every keystroke: rebuild the rows only when the problems change. */
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *problem = g_ptr_array_index (problems, i);
      g_string_append_printf (signature, "%s\x1f%s\x1e", problem->field, problem->message);
    }
  if (self->problems_signature && g_str_equal (self->problems_signature, signature->str))
    return;
  g_free (self->problems_signature);
  self->problems_signature = g_strdup (signature->str);

  for (guint i = 0; i < self->summary_rows->len; i++)
    gtk_list_box_remove (self->problems_list, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);
  g_hash_table_remove_all (self->problem_texts);

  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *problem = g_ptr_array_index (problems, i);
      const char *old = g_hash_table_lookup (texts, problem->field);
      char *text = old ? g_strconcat (old, "\n", problem->message, NULL)
                       : g_strdup (problem->message);
      GtkWidget *row;

      g_ptr_array_add (strings, text);
      g_hash_table_replace (texts, problem->field, text);
      g_hash_table_replace (self->problem_texts, g_strdup (problem->field), g_strdup (text));

      row = aimak_problem_row_new (problem, aimak_priority_field_label (problem->field));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->problems_list, row);
      g_ptr_array_add (self->summary_rows, row);
    }

  g_hash_table_iter_init (&iter, self->problem_icons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (texts, key);
      GtkWidget *field_row = g_hash_table_lookup (self->field_rows, key);

      aimak_field_problem_icon_show (value, text);
      /* The problem describes the field that takes the focus, not only its row. */
      if (field_row)
        aimak_field_problem_mark (field_row, text);
    }

  self->n_problems = problems->len;
  _aimak_priority_editor_update_bar (self);

  /* A refusal explains a status change that was not made; once the problems
   * behind it are solved it has nothing left to say. */
  if (self->refusal_is_status && problems->len == 0)
    _aimak_priority_editor_set_refusal (self, NULL, FALSE);
}

void
aimak_priority_editor_reveal_field (AimakPriorityEditor *self,
                                    const char          *field)
{
  GtkWidget *widget;

  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  widget = aimak_priority_editor_get_field_widget (self, field);
  if (widget)
    aimak_field_problem_reveal (widget);
}

GtkListBox *
aimak_priority_editor_get_problem_list (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->problems_list;
}

const char *
aimak_priority_editor_get_inline_problem (AimakPriorityEditor *self,
                                          const char          *field)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->problem_texts, field);
}

guint
aimak_priority_editor_get_n_problems (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), 0);
  return self->n_problems;
}

const char *
aimak_priority_editor_get_refusal (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->refusal;
}

void
_aimak_priority_editor_class_init_problems (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMAK_TYPE_PROBLEM_ROW);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
}
