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

/* Shows a date field in its entry (as the user typed it, if it means the same day)
 * and its day in the calendar. */
static void
fill_date (AimakActivityEditor *self,
           GtkEditable         *editable,
           const char          *date)
{
  g_autofree char *shown = NULL;
  int y, m, d;

  if (!aimak_numbers_date_matches (gtk_editable_get_text (editable), date))
    set_editable_text (editable, shown = aimak_numbers_format_date (date));
  if (aimak_activity_date_is_valid (date) && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (y, m, d, 12, 0, 0);
      if (when)
        gtk_calendar_select_day (self->calendar, when);
    }
}

/* Shows field @f of the current activity in @widget, the widget named after it, as
 * the field's kind says. */
static void
fill_field (AimakActivityEditor *self,
            const AimakField    *f,
            GtkWidget           *widget)
{
  AimakActivity *a = self->current;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      char *text = *aimak_field_text_slot (f, a);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                text ? text : "", -1);
    }
  else if (ADW_IS_COMBO_ROW (widget))
    {
      AdwComboRow *row = ADW_COMBO_ROW (widget);
      const char *code = *aimak_field_text_slot (f, a);

      /* An unknown code selects nothing (G_MAXUINT is GTK_INVALID_LIST_POSITION). */
      adw_combo_row_set_selected (row, code ? aimak_code_list_find (
                                                AIMAK_CODE_LIST (adw_combo_row_get_model (row)),
                                                code)
                                            : GTK_INVALID_LIST_POSITION);
    }
  else if (GTK_IS_EDITABLE (widget) && f->kind == AIMAK_FIELD_DATE)
    fill_date (self, GTK_EDITABLE (widget), *aimak_field_text_slot (f, a));
  else if (GTK_IS_EDITABLE (widget) && f->kind == AIMAK_FIELD_DOUBLE)
    {
      g_autofree char *text = format_score (*aimak_field_double_slot (f, a));

      set_editable_text (GTK_EDITABLE (widget), text);
    }
  else if (GTK_IS_EDITABLE (widget))
    set_editable_text (GTK_EDITABLE (widget), *aimak_field_text_slot (f, a));
}

void
_aimak_activity_editor_fill (AimakActivityEditor *self)
{
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  if (self->current == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->filling++;
  g_hash_table_remove_all (self->parse_errors);
  _aimak_activity_editor_update_area_row (self);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->field_widgets, fields[i].id);

      if (widget && (fields[i].flags & AIMAK_FIELD_EDITABLE))
        fill_field (self, &fields[i], widget);
    }
  _aimak_activity_editor_fill_counts (self);
  fill_priorities (self);
  self->filling--;

  gtk_stack_set_visible_child_name (self->stack, "editor");
  _aimak_activity_editor_update_problems (self);
}

/* What a score field says when its text is not a number. */
static char *
not_a_number (const AimakField *f,
              const char       *text)
{
  if (g_str_equal (f->id, "pre_score"))
    return g_strdup_printf (_("The pre-test score “%s” is not a number."), text);
  return g_strdup_printf (_("The post-test score “%s” is not a number."), text);
}

/* Entry rows: the field is the one the entry is named after; its text becomes a
 * value as the field's kind says. */
static void
on_text_changed (AimakActivityEditor *self,
                 GtkEditable         *editable)
{
  const AimakField *f = aimak_activity_field_by_id (gtk_widget_get_name (GTK_WIDGET (editable)));
  const char *text = gtk_editable_get_text (editable);

  if (self->filling || self->current == NULL || f == NULL)
    return;
  if (f->kind == AIMAK_FIELD_DOUBLE)
    {
      double v;

      if (parse_score (text, &v))
        {
          g_hash_table_remove (self->parse_errors, f->id);
          *aimak_field_double_slot (f, self->current) = v;
        }
      else
        g_hash_table_insert (self->parse_errors, g_strdup (f->id), not_a_number (f, text));
    }
  else if (f->kind == AIMAK_FIELD_DATE)
    {
      /* Dates are typed dd.mm.yyyy or ISO and stored ISO (aimak-number.h). */
      g_autofree char *date = aimak_numbers_parse_date (text);
      aimak_editor_replace_str (aimak_field_text_slot (f, self->current), date);
    }
  else
    aimak_editor_replace_str (aimak_field_text_slot (f, self->current), text);
  _aimak_activity_editor_changed (self);
}

static void
on_type_selected (AimakActivityEditor *self,
                  GParamSpec          *pspec,
                  AdwComboRow         *row)
{
  const AimakField *f = aimak_activity_field_by_id (gtk_widget_get_name (GTK_WIDGET (row)));
  AimakCodeList *list = AIMAK_CODE_LIST (adw_combo_row_get_model (row));

  if (self->filling || self->current == NULL || f == NULL)
    return;
  aimak_editor_replace_str (aimak_field_text_slot (f, self->current),
                            aimak_code_list_get_code (list, adw_combo_row_get_selected (row)));
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
  aimak_editor_replace_str (&self->current->area_code, self->selected_area);
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
on_buffer_changed (GtkTextBuffer       *buffer,
                   AimakActivityEditor *self)
{
  const AimakField *f = g_object_get_data (G_OBJECT (buffer), "aimak-field");
  GtkTextIter start, end;
  char **slot;

  if (self->filling || self->current == NULL)
    return;
  slot = aimak_field_text_slot (f, self->current);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (*slot);
  *slot = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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

  self->field_widgets = aimak_field_widgets_find (GTK_WIDGET (self), fields, n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->field_widgets, fields[i].id);

      if (widget == NULL || !(fields[i].flags & AIMAK_FIELD_EDITABLE))
        continue;
      if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget))
        _aimak_activity_editor_watch_focus (self, widget);
      if (GTK_IS_TEXT_VIEW (widget))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

          g_object_set_data (G_OBJECT (buffer), "aimak-field", (gpointer) &fields[i]);
          g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
        }
    }
}

void
_aimak_activity_editor_class_init_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_area_clicked);
}
