/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor-problems.c — the activity's problems: a warning icon
 * inside each field's row, the count button and its list (AimakProblemRow),
 * and the state line that says whether the activity is saved. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-activity-editor-private.h"
#include "aimak-field.h"
#include "aimak-field-problem.h"
#include "aimak-problem-row.h"

GtkWidget *
_aimak_activity_editor_field_row (AimakActivityEditor *self,
                                  const char          *field)
{
  GtkWidget *widget = g_hash_table_lookup (self->field_widgets, field);

  /* The row around a field's widget (the Area row around its button); the
   * counts of a role are their own rows. */
  if (widget)
    return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  return g_hash_table_lookup (self->spins, field);
}

/* The widget that takes the focus for @field: a count for "participants". */
static GtkWidget *
focus_widget (GtkWidget  *editor,
              const char *field)
{
  AimakActivityEditor *self = AIMAK_ACTIVITY_EDITOR (editor);

  if (g_str_equal (field, "participants") && self->role_rows->len > 0)
    {
      const char *role = g_object_get_data (g_ptr_array_index (self->role_rows, 0), "role");
      g_autofree char *first = g_strconcat ("women.", role, NULL);

      return g_hash_table_lookup (self->spins, first);
    }
  return aimak_activity_editor_get_field_widget (self, field);
}

/* A field's problems show as a warning icon inside its row (text in the tooltip)
 * and the row's error style; neither changes a height, so nothing moves while
 * the user types. */
static void
attach_problem_icon (AimakActivityEditor *self,
                     const char          *field,
                     GtkWidget           *row)
{
  GtkWidget *icon = aimak_field_problem_icon_new ();

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  else
    gtk_box_prepend (GTK_BOX (row), icon);
  g_hash_table_insert (self->problem_icons, g_strdup (field), icon);
}

static void
add_problem_text (AimakActivityEditor *self,
                  const AimakProblem  *problem)
{
  const char *old = g_hash_table_lookup (self->problem_texts, problem->field);
  GtkWidget *row = aimak_problem_row_new (problem, aimak_activity_field_label (problem->field));

  g_hash_table_insert (self->problem_texts, g_strdup (problem->field),
                       old ? g_strconcat (old, "\n", problem->message, NULL)
                           : g_strdup (problem->message));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problem_rows, row);
}

static void
on_problem_activated (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      AimakActivityEditor *self)
{
  aimak_field_problem_activated (self->problems_popover, row, focus_widget, GTK_WIDGET (self));
}

void
_aimak_activity_editor_update_state (AimakActivityEditor *self)
{
  const char *text;

  if (self->current == NULL)
    return;
  if (self->read_only)
    text = _("The database is read-only: this activity cannot be changed.");
  else if (self->refusal)
    text = self->refusal;
  else if (self->current->id == NULL)
    text = self->n_problems > 0
             ? _("New activity — it is saved as soon as it has no problems.")
             : _("New activity — saving…");
  else if (self->dirty && self->n_problems > 0)
    text = _("Not saved: solve its problems first. The database keeps the last saved version.");
  else if (self->dirty)
    text = _("Saving…");
  else
    text = _("All changes saved.");
  gtk_label_set_text (self->state_label, text);
}

void
_aimak_activity_editor_update_problems (AimakActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->current == NULL)
    return;

  for (guint i = 0; i < self->problem_rows->len; i++)
    gtk_list_box_remove (self->problems_list, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);
  g_hash_table_remove_all (self->problem_texts);
  self->n_problems = 0;

  /* Text that is not a number comes first: the record still holds the old value. */
  g_hash_table_iter_init (&iter, self->parse_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(AimakProblem) parse = aimak_problem_new (key, AIMAK_PROBLEM_ERROR, value);

      add_problem_text (self, parse);
      self->n_problems++;
    }
  problems = aimak_activity_validate (self->current);
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);

      if (g_hash_table_contains (self->parse_errors, p->field))
        continue;
      add_problem_text (self, p);
      self->n_problems++;
    }

  /* Each field: its icon, its error style, its accessible description. */
  g_hash_table_iter_init (&iter, self->problem_icons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (self->problem_texts, key);
      GtkWidget *row = _aimak_activity_editor_field_row (self, key);

      aimak_field_problem_icon_show (value, text);
      if (row)
        aimak_field_problem_mark (row, text);
    }
  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (self->problem_texts, key);

      aimak_field_problem_mark (value, text);
      gtk_widget_set_tooltip_text (value, text ? text : g_object_get_data (value, "a11y"));
    }

  aimak_field_problem_show_count (GTK_WIDGET (self->problems_button), self->problems_content,
                                  self->n_problems);
  _aimak_activity_editor_update_totals (self);
  _aimak_activity_editor_update_state (self);
}

GtkListBox *
aimak_activity_editor_get_problem_list (AimakActivityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), NULL);
  return self->problems_list;
}

guint
aimak_activity_editor_get_n_problems (AimakActivityEditor *self)
{
  return self->current ? self->n_problems : 0;
}

const char *
aimak_activity_editor_get_inline_problem (AimakActivityEditor *self,
                                          const char          *field)
{
  return self->current ? g_hash_table_lookup (self->problem_texts, field) : NULL;
}

/* Every field with a rule of its own shows its problems on the row of the widget
 * named after it (aimak-field-widgets.h); call after _aimak_activity_editor_init_fields(). */
void
_aimak_activity_editor_init_problems (AimakActivityEditor *self)
{
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->field_widgets, fields[i].id);

      if (widget && (fields[i].required || fields[i].invalid))
        attach_problem_icon (self, fields[i].id,
                             gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW));
    }
  /* "At least one participant" belongs to the group: beside its Women/Men heading. */
  attach_problem_icon (self, "participants", GTK_WIDGET (self->participants_header));
}

void
_aimak_activity_editor_class_init_problems (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMAK_TYPE_PROBLEM_ROW);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
}
