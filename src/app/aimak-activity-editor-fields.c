/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor-fields.c — the activity's fields and the widgets that
 * edit them: filling the form from the record, reading each change back, and
 * the priorities of the area that the activity can be linked to. */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "aimak-activity-editor-private.h"
#include "aimak-field-widgets.h"
#include "aimak-numbers.h"

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static char *
format_score (double score)
{
  return aimak_numbers_format_number (score);   /* "" for NaN */
}

/* "" → NaN; "75", "62.5" and "62,5" are numbers; anything else is not. */
static gboolean
parse_score (const char *text,
             double     *value)
{
  /* The one grammar of every field (aimak-number.h). */
  return aimak_numbers_parse_number (text, value);
}

static char *
area_label (AimakDb    *db,
            const char *code)
{
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (db == NULL || code == NULL)
    return g_strdup (_("No area"));
  chain = aimak_area_chain (db, code, NULL);
  if (chain == NULL)
    return g_strdup (code);
  /* "Suzak (Ayil aimak) · Suzak · Jalal-Abad": the area first, then where it lies;
   * the type, because an ayil aimak often shares its rayon's name. */
  for (guint i = chain->len; i > 0; i--)
    {
      AimakArea *a = g_ptr_array_index (chain, i - 1);
      if (a->level == 0)
        continue;
      if (text->len)
        g_string_append (text, " · ");
      g_string_append (text, aimak_area_name (a, aimak_db_get_language (db)));
      if (i == chain->len)
        g_string_append_printf (text, " (%s)", aimak_area_type_label (a->type));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_priority_rows (AimakActivityEditor *self)
{
  for (guint i = 0; i < self->priority_rows->len; i++)
    adw_expander_row_remove (self->priorities_row, g_ptr_array_index (self->priority_rows, i));
  g_ptr_array_set_size (self->priority_rows, 0);
  g_hash_table_remove_all (self->priority_checks);
}

/* "1 of 3 priorities linked": counted from the record, so a tick shows at once. */
static void
update_linked (AimakActivityEditor *self)
{
  g_autofree char *subtitle = NULL;
  guint linked = 0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->priority_checks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    linked += self->current && aimak_activity_has_priority (self->current, key);
  if (self->n_linkable == 0)
    subtitle = g_strdup (_("There are no priorities in this area yet"));
  else
    subtitle = g_strdup_printf (ngettext ("%u of %u priority linked",
                                          "%u of %u priorities linked", self->n_linkable),
                                linked, self->n_linkable);
  adw_expander_row_set_subtitle (self->priorities_row, subtitle);
}

static void
on_priority_toggled (GtkCheckButton      *check,
                     AimakActivityEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "priority-id");

  if (self->filling || self->current == NULL)
    return;
  aimak_activity_set_priority (self->current, id, gtk_check_button_get_active (check));
  update_linked (self);
  self->burst_break = TRUE;
  _aimak_activity_editor_changed (self);
}

static void
fill_priorities (AimakActivityEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;

  clear_priority_rows (self);
  self->n_linkable = 0;
  if (self->db == NULL || self->current == NULL)
    return;
  items = aimak_activity_linkable_priorities (self->db, self->current->area_code, NULL);
  for (guint i = 0; items && i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = aimak_activity_has_priority (self->current, item->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->label, -1);
      g_object_set_data_full (G_OBJECT (check), "priority-id", g_strdup (item->code), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_priority_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->priorities_row, row);
      g_ptr_array_add (self->priority_rows, row);
      g_hash_table_insert (self->priority_checks, g_strdup (item->code), check);
    }
  self->n_linkable = items ? items->len : 0;
  update_linked (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priorities_row), self->n_linkable > 0);
}

void
_aimak_activity_editor_update_area_row (AimakActivityEditor *self)
{
  g_autofree char *label = area_label (self->db, self->current ? self->current->area_code : NULL);

  adw_action_row_set_subtitle (self->area_row, label);
  gtk_widget_set_visible (GTK_WIDGET (self->area_button),
                          self->current && self->selected_area &&
                          g_strcmp0 (self->selected_area, self->current->area_code) != 0);
}

void
_aimak_activity_editor_fill (AimakActivityEditor *self)
{
  AimakActivity *a = self->current;
  g_autofree char *shown_date = NULL;
  g_autofree char *pre = NULL;
  g_autofree char *post = NULL;

  if (a == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->filling++;
  g_hash_table_remove_all (self->parse_errors);
  _aimak_activity_editor_update_area_row (self);
  if (!aimak_numbers_date_matches (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), a->date))
    set_editable_text (GTK_EDITABLE (self->date_row), shown_date = aimak_numbers_format_date (a->date));
  if (aimak_activity_date_is_valid (a->date))
    {
      int y, m, d;
      if (sscanf (a->date, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) when = g_date_time_new_local (y, m, d, 12, 0, 0);
          if (when)
            gtk_calendar_select_day (self->calendar, when);
        }
    }
  /* An unknown type selects nothing (G_MAXUINT is GTK_INVALID_LIST_POSITION). */
  adw_combo_row_set_selected (self->type_row, a->type ? aimak_code_list_find (self->type_list,
                                                                              a->type)
                                                      : GTK_INVALID_LIST_POSITION);
  set_editable_text (GTK_EDITABLE (self->topic_row), a->topic);
  set_editable_text (GTK_EDITABLE (self->facilitator_row), a->facilitator);
  pre = format_score (a->pre_score);
  post = format_score (a->post_score);
  set_editable_text (GTK_EDITABLE (self->pre_row), pre);
  set_editable_text (GTK_EDITABLE (self->post_row), post);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            a->notes ? a->notes : "", -1);

  _aimak_activity_editor_fill_counts (self);
  fill_priorities (self);
  self->filling--;

  gtk_stack_set_visible_child_name (self->stack, "editor");
  _aimak_activity_editor_update_problems (self);
}

static void
on_text_changed (AimakActivityEditor *self,
                 GtkEditable         *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->filling || self->current == NULL)
    return;
  if (editable == GTK_EDITABLE (self->date_row))
    {
      g_autofree char *date = aimak_numbers_parse_date (text);
      _aimak_activity_editor_replace_str (&self->current->date, date);
    }
  else if (editable == GTK_EDITABLE (self->topic_row))
    _aimak_activity_editor_replace_str (&self->current->topic, text);
  else if (editable == GTK_EDITABLE (self->facilitator_row))
    _aimak_activity_editor_replace_str (&self->current->facilitator, text);
  else if (editable == GTK_EDITABLE (self->pre_row) || editable == GTK_EDITABLE (self->post_row))
    {
      gboolean pre = editable == GTK_EDITABLE (self->pre_row);
      const char *field = pre ? "pre_score" : "post_score";
      double v;

      if (parse_score (text, &v))
        {
          g_hash_table_remove (self->parse_errors, field);
          if (pre)
            self->current->pre_score = v;
          else
            self->current->post_score = v;
        }
      else
        g_hash_table_insert (self->parse_errors, g_strdup (field),
                             g_strdup_printf (pre ? _("The pre-test score “%s” is not a number.")
                                                  : _("The post-test score “%s” is not a number."),
                                              text));
    }
  _aimak_activity_editor_changed (self);
}

static void
on_type_selected (AimakActivityEditor *self)
{
  guint i = adw_combo_row_get_selected (self->type_row);

  if (self->filling || self->current == NULL)
    return;
  _aimak_activity_editor_replace_str (&self->current->type,
                                      _aimak_activity_editor_type_code (self, i));
  self->burst_break = TRUE;
  _aimak_activity_editor_changed (self);
}

static void
on_day_selected (AimakActivityEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *text = aimak_numbers_format_date (iso);

  if (self->filling)
    return;
  self->burst_break = TRUE;   /* a day picked is a choice, not typing */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
on_area_clicked (AimakActivityEditor *self)
{
  if (self->current == NULL || self->selected_area == NULL)
    return;
  _aimak_activity_editor_replace_str (&self->current->area_code, self->selected_area);
  /* Links to priorities of the old area would point elsewhere now. */
  g_ptr_array_set_size (self->current->priorities, 0);
  self->filling++;
  _aimak_activity_editor_update_area_row (self);
  fill_priorities (self);
  self->filling--;
  self->burst_break = TRUE;
  _aimak_activity_editor_changed (self);
}

static void
on_notes_changed (GtkTextBuffer       *buffer,
                  AimakActivityEditor *self)
{
  GtkTextIter start, end;

  if (self->filling || self->current == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->current->notes);
  self->current->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _aimak_activity_editor_changed (self);
}

GtkWidget *
aimak_activity_editor_get_field_widget (AimakActivityEditor *self,
                                        const char          *field)
{
  GtkWidget *widget = g_hash_table_lookup (self->field_widgets, field);

  return widget ? widget : _aimak_activity_editor_field_row (self, field);
}

GtkCheckButton *
aimak_activity_editor_get_priority_check (AimakActivityEditor *self,
                                          const char          *id)
{
  return g_hash_table_lookup (self->priority_checks, id);
}

const char *
aimak_activity_editor_get_state_text (AimakActivityEditor *self)
{
  return gtk_label_get_text (self->state_label);
}

/* A field's widget is the one in aimak-activity-editor.ui named after the
 * field's id (aimak-field.h). */
void
_aimak_activity_editor_init_fields (AimakActivityEditor *self)
{
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);
  GtkWidget *typed[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->topic_row),
    GTK_WIDGET (self->facilitator_row), GTK_WIDGET (self->pre_row),
    GTK_WIDGET (self->post_row), GTK_WIDGET (self->notes_view),
  };

  self->field_widgets = aimak_field_widgets_find (GTK_WIDGET (self), fields, n);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    _aimak_activity_editor_watch_focus (self, typed[i]);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);
}

void
_aimak_activity_editor_class_init_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_area_clicked);
}
