/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor-fields.c — the fields of the record and the widgets
 * that edit them: which member of AimakPriority a field is, how a field is
 * copied and compared, how it is shown in its widget and read back from it.
 * See aimak-priority-editor-private.h for how the editor is split. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aimak-field-problem.h"
#include "aimak-field-widgets.h"
#include "aimak-numbers.h"
#include "aimak-priority-editor-private.h"

gboolean
_aimak_priority_editor_is_field (const char *field,
                                 const char *name)
{
  return g_strcmp0 (field, name) == 0;
}

/* The descriptor of @field (aimak-field.h); the editor knows a field by its id. */
const AimakField *
_aimak_priority_editor_field (const char *field)
{
  return field ? aimak_priority_field_by_id (field) : NULL;
}

/* The address of a text field of @p (text, code or date), or NULL. */
static char **
text_slot (AimakPriority *p,
           const char    *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);

  return f ? aimak_field_text_slot (f, p) : NULL;
}

/* The address of an int field of @p, or NULL. */
static int *
int_slot (AimakPriority *p,
          const char    *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);

  return f ? aimak_field_int_slot (f, p) : NULL;
}

static double *
double_slot (AimakPriority *p,
             const char    *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);

  return f ? aimak_field_double_slot (f, p) : NULL;
}

GPtrArray **
_aimak_priority_editor_codes_slot (AimakPriority *p,
                                   const char    *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);

  return f ? aimak_field_codes_slot (f, p) : NULL;
}

/* Copies one field from @src to @dst. */
void
_aimak_priority_editor_copy_field (AimakPriority       *dst,
                                   const AimakPriority *src,
                                   const char          *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);

  g_return_if_fail (f != NULL);
  aimak_field_copy_value (f, dst, src);
}

/* The same double: NaN (empty) is one value, and -0 is not 0. */
static gboolean
same_number (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b && signbit (a) == signbit (b);
}

static gboolean
same_indicators (const GPtrArray *a,
                 const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      AimakPriorityIndicator *x = g_ptr_array_index (a, i);
      AimakPriorityIndicator *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->name ? x->name : "", y->name ? y->name : "") != 0 ||
          g_strcmp0 (x->unit ? x->unit : "", y->unit ? y->unit : "") != 0 ||
          !same_number (x->baseline_f, y->baseline_f) ||
          !same_number (x->baseline_m, y->baseline_m) ||
          !same_number (x->target_f, y->target_f) ||
          !same_number (x->target_m, y->target_m) ||
          !same_number (x->actual_f, y->actual_f) ||
          !same_number (x->actual_m, y->actual_m))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when @field has the same value in @a and @b, so that an edit of it
 * changes nothing: by aimak_field_get_exact_text(), and the indicators, whose
 * text for the history rounds their numbers, value by value. */
gboolean
_aimak_priority_editor_field_equal (const AimakPriority *a,
                                    const AimakPriority *b,
                                    const char          *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_return_val_if_fail (f != NULL, FALSE);

  if (_aimak_priority_editor_is_field (field, "indicators"))
    return same_indicators (a->indicators, b->indicators);
  text_a = aimak_field_get_exact_text (f, a);
  text_b = aimak_field_get_exact_text (f, b);
  return g_strcmp0 (text_a, text_b) == 0;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *old = buffer_text (view);

  if (g_strcmp0 (old, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
set_entry_text (gpointer    editable,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* A stored ISO date in the interface's form, unless the entry already says it. */
static void
set_date_text (gpointer    editable,
               const char *iso)
{
  g_autofree char *shown = aimak_numbers_format_date (iso);

  if (!aimak_numbers_date_matches (gtk_editable_get_text (GTK_EDITABLE (editable)), iso))
    set_entry_text (editable, shown);
}

static void
set_entry_int (gpointer editable,
               int      value,
               int      empty)
{
  g_autofree char *text = value == empty ? g_strdup ("") : g_strdup_printf ("%d", value);

  set_entry_text (editable, text);
}

/* Leaving a typed field ends its burst: what is typed there later is a new entry
 * of the history. What waits for its pause is saved now, as part of the burst. */
static void
on_field_focus_leave (GtkEventControllerFocus *controller,
                      AimakPriorityEditor     *self)
{
  if (self->pending && self->pending_typed)
    aimak_priority_editor_flush (self);
  _aimak_priority_editor_end_burst (self);
}

void
_aimak_priority_editor_watch_focus (AimakPriorityEditor *self,
                                    GtkWidget           *widget)
{
  aimak_editor_watch_focus_leave (widget, G_CALLBACK (on_field_focus_leave), self);
}

/* Indicators are one field: the whole list as the rows show it. */
static void
read_indicators (AimakPriorityEditor *self)
{
  gboolean all_ok = TRUE;

  g_ptr_array_set_size (self->current->indicators, 0);
  for (guint i = 0; i < self->indicator_rows->len; i++)
    {
      gboolean ok = TRUE;
      AimakPriorityIndicatorRow *row = g_ptr_array_index (self->indicator_rows, i);
      AimakPriorityIndicator *ind = aimak_priority_indicator_row_get_indicator (row, &ok);

      g_ptr_array_add (self->current->indicators, ind);
      all_ok &= ok;
    }
  if (all_ok)
    g_hash_table_remove (self->parse_errors, "indicators");
  else
    g_hash_table_insert (self->parse_errors, g_strdup ("indicators"),
                         g_strdup (_("Indicator values must be numbers, "
                                     "for example 120 or 12.5.")));
}

static void
on_indicator_changed (AimakPriorityIndicatorRow   *row,
                      AimakPriorityEditor *self)
{
  if (self->filling || self->current == NULL)
    return;
  read_indicators (self);
  _aimak_priority_editor_field_changed (self, "indicators", FALSE);
}

static void
on_indicator_remove (AimakPriorityIndicatorRow   *row,
                     AimakPriorityEditor *self)
{
  if (self->current == NULL || self->read_only)
    return;
  aimak_priority_editor_flush (self);
  g_ptr_array_remove (self->indicator_rows, row);
  adw_preferences_group_remove (self->indicators_group, GTK_WIDGET (row));
  gtk_widget_set_visible (self->no_indicators_row, self->indicator_rows->len == 0);
  read_indicators (self);
  _aimak_priority_editor_field_changed (self, "indicators", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->indicators_group));
}

static AimakPriorityIndicatorRow *
add_indicator_row (AimakPriorityEditor          *self,
                   const AimakPriorityIndicator *ind)
{
  AimakPriorityIndicatorRow *row =
    AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_indicator_row_new ());

  aimak_priority_indicator_row_set_indicator (row, ind);
  g_signal_connect (row, "changed", G_CALLBACK (on_indicator_changed), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_indicator_remove), self);
  _aimak_priority_editor_watch_focus (self, GTK_WIDGET (row));
  adw_preferences_group_add (self->indicators_group, GTK_WIDGET (row));
  g_ptr_array_add (self->indicator_rows, row);
  gtk_widget_set_visible (self->no_indicators_row, FALSE);
  return row;
}

void
_aimak_priority_editor_fill_indicators (AimakPriorityEditor *self)
{
  for (guint i = 0; i < self->indicator_rows->len; i++)
    adw_preferences_group_remove (self->indicators_group,
                                  g_ptr_array_index (self->indicator_rows, i));
  g_ptr_array_set_size (self->indicator_rows, 0);
  for (guint i = 0; self->current && i < self->current->indicators->len; i++)
    add_indicator_row (self, g_ptr_array_index (self->current->indicators, i));
  gtk_widget_set_visible (self->no_indicators_row, self->indicator_rows->len == 0);
}

static void
editor_add_indicator (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (widget);
  g_autoptr(AimakPriorityIndicator) ind = NULL;
  AimakPriorityIndicatorRow *row;

  if (self->current == NULL || self->read_only)
    return;
  aimak_priority_editor_flush (self);
  ind = aimak_priority_indicator_new ("", "");
  row = add_indicator_row (self, ind);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  read_indicators (self);
  _aimak_priority_editor_field_changed (self, "indicators", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (aimak_priority_indicator_row_get_field (row, 0)));
}

/* Shows field @field of "current" in its widget, by the field's kind. */
void
_aimak_priority_editor_fill_field (AimakPriorityEditor *self,
                                   const char          *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);
  AimakPriority *p = self->current;
  GtkWidget *widget = g_hash_table_lookup (self->field_widgets, field);
  char **text;
  int *num;
  double *number;

  if (p == NULL || f == NULL)
    return;
  self->filling++;
  if (_aimak_priority_editor_is_field (field, "area_code"))
    _aimak_priority_editor_update_area_row (self);
  else if (_aimak_priority_editor_is_field (field, "indicators"))
    _aimak_priority_editor_fill_indicators (self);
  else if (f->code_list)
    _aimak_priority_editor_fill_choice (self, field);
  else if (widget == NULL)
    ;   /* not on the form (the rank has its own buttons) */
  else if ((number = double_slot (p, field)))
    {
      g_autofree char *shown = aimak_numbers_format_number (*number);
      set_entry_text (widget, shown);
    }
  else if ((text = text_slot (p, field)) && GTK_IS_TEXT_VIEW (widget))
    set_buffer_text (GTK_TEXT_VIEW (widget), *text);
  else if (text && f->kind == AIMAK_FIELD_DATE)
    set_date_text (widget, *text);
  else if (text)
    set_entry_text (widget, *text);
  else if ((num = int_slot (p, field)))
    set_entry_int (widget, *num, f->empty_int);
  self->filling--;
}

void
_aimak_priority_editor_fill_all (AimakPriorityEditor *self)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  for (guint i = 0; i < n; i++)
    if (fields[i].flags & AIMAK_FIELD_EDITABLE)
      _aimak_priority_editor_fill_field (self, fields[i].id);
}

/* What a number field says when its text is not a number of its kind. */
static const char *
number_message (const AimakField *f)
{
  if (f->number_kind == AIMAK_NUMBER_MONEY)
    return _("Enter an amount in som, for example 150000.");
  if (f->number_kind == AIMAK_NUMBER_COUNT)
    return _("Enter a whole number of people, 0 or more.");
  return _("Enter a year, for example 2026.");
}

/* Entry rows: which field, and how its text becomes a value by its kind. */
static void
on_entry_changed (GtkEditable         *editable,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "aimak-field");
  const AimakField *f = _aimak_priority_editor_field (field);
  const char *text = gtk_editable_get_text (editable);
  char **slot;
  int *num;
  double *number;
  gboolean ok = TRUE;

  if (self->filling || self->current == NULL || f == NULL)
    return;

  if ((slot = text_slot (self->current, field)))
    {
      /* Dates are typed dd.mm.yyyy or ISO and stored ISO (aimak-number.h). */
      g_autofree char *date = f->kind == AIMAK_FIELD_DATE ? aimak_numbers_parse_date (text)
                                                         : NULL;
      aimak_editor_replace_str (slot, date ? date : text);
    }
  else if ((number = double_slot (self->current, field)))
    {
      double v;

      ok = aimak_numbers_parse_number (text, &v);
      if (ok)
        *number = v;
    }
  else if ((num = int_slot (self->current, field)))
    {
      int v;

      ok = aimak_numbers_parse_count (text, f->empty_int, &v);
      if (ok)
        *num = v;
    }

  if (ok)
    g_hash_table_remove (self->parse_errors, field);
  else
    g_hash_table_insert (self->parse_errors, g_strdup (field), g_strdup (number_message (f)));
  _aimak_priority_editor_field_changed (self, field, FALSE);
}

static void
on_buffer_changed (GtkTextBuffer       *buffer,
                   AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "aimak-field");
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "aimak-view");
  g_autofree char *text = NULL;

  if (self->filling || self->current == NULL)
    return;
  text = buffer_text (view);
  aimak_editor_replace_str (text_slot (self->current, field), text);
  _aimak_priority_editor_field_changed (self, field, FALSE);
}

static void
bind_text_view (AimakPriorityEditor *self,
                GtkTextView         *view,
                const char          *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* Ctrl+Z undoes whole fields of the priority, not keystrokes. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_object_set_data (G_OBJECT (buffer), "aimak-field", (gpointer) field);
  g_object_set_data (G_OBJECT (buffer), "aimak-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
}

/* Connects every field's widget to its field, after the template is built. A
 * field's widget is the one in aimak-priority-editor.ui named after the field's
 * id (aimak-field.h); its problems mark the row around it, and a text view's
 * icon goes into the caption above it. So a new field of the form is a row of
 * the field table and a widget of that name. The check rows, the checklist and
 * the indicators are built from data. */
void
_aimak_priority_editor_init_fields (AimakPriorityEditor *self)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);
  g_autoptr(GHashTable) named = aimak_field_widgets_find (GTK_WIDGET (self), fields, n);
  GtkWidget *icon;

  for (guint i = 0; i < n; i++)
    {
      const char *field = fields[i].id;
      GtkWidget *widget = g_hash_table_lookup (named, field);
      GtkWidget *row;

      if (widget == NULL || !(fields[i].flags & AIMAK_FIELD_EDITABLE))
        continue;
      row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
      if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget))
        _aimak_priority_editor_watch_focus (self, widget);
      if (GTK_IS_TEXT_VIEW (widget))
        bind_text_view (self, GTK_TEXT_VIEW (widget), field);
      else if (GTK_IS_EDITABLE (widget))
        g_signal_connect (widget, "changed", G_CALLBACK (on_entry_changed), self);
      g_object_set_data (G_OBJECT (widget), "aimak-field", (gpointer) field);
      g_hash_table_replace (self->field_widgets, g_strdup (field), widget);
      _aimak_priority_editor_attach_problem_icon (self, field, row,
                                                  GTK_IS_TEXT_VIEW (widget)
                                                    ? gtk_widget_get_prev_sibling (widget)
                                                    : NULL);
      if (ADW_IS_COMBO_ROW (widget) || ADW_IS_EXPANDER_ROW (widget))
        _aimak_priority_editor_add_choice (self, field, widget);
    }
  /* The checklist's rows are built from its list. */
  _aimak_priority_editor_add_choice (self, "checklist", NULL);

  aimak_expander_row_limit_lines (self->groups_row);
  aimak_expander_row_limit_lines (self->gcm_row);
  aimak_expander_row_limit_lines (self->sdg_row);

  /* Problems of the indicator list as a whole: beside its Add button. */
  icon = aimak_field_problem_icon_new ();
  gtk_box_prepend (self->indicators_header, icon);
  g_hash_table_replace (self->problem_icons, g_strdup ("indicators"), icon);
}

void
_aimak_priority_editor_class_init_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-indicator", NULL,
                                   editor_add_indicator);
}
