/* aimak-priority-editor-fields.c — the fields of the record and the widgets
 * that edit them: which member of AimakPriority a field is, how a field is
 * copied and compared, how it is shown in its widget and read back from it.
 * See aimak-priority-editor-private.h for how the editor is split. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aimak-field-problem.h"
#include "aimak-numbers.h"
#include "aimak-priority-editor-private.h"

/* Every field the editor writes, in the order of the form. */
static const char * const all_fields[] = {
  "area_code", "title", "problem", "description", "sector_code", "gender_marker",
  "marker_justification", "target_groups", "checklist", "gcm", "sdg", "budget_kgs",
  "funding_source", "responsible", "partners", "start_year", "end_year", "hearing_date",
  "hearing_participants_f", "hearing_participants_m", "kenesh_decision_no",
  "kenesh_decision_date", "status", "indicators", NULL
};

gboolean
_aimak_priority_editor_is_field (const char *field,
                                 const char *name)
{
  return g_strcmp0 (field, name) == 0;
}

static GPtrArray *
codes_copy (const GPtrArray *src)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; src && i < src->len; i++)
    g_ptr_array_add (dst, g_strdup (g_ptr_array_index (src, i)));
  return dst;
}

/* The address of a text field of @p, or NULL when @field is not text. */
static char **
text_slot (AimakPriority *p,
           const char    *field)
{
  static const struct { const char *field; gsize offset; } slots[] = {
    { "area_code", G_STRUCT_OFFSET (AimakPriority, area_code) },
    { "title", G_STRUCT_OFFSET (AimakPriority, title) },
    { "problem", G_STRUCT_OFFSET (AimakPriority, problem) },
    { "description", G_STRUCT_OFFSET (AimakPriority, description) },
    { "sector_code", G_STRUCT_OFFSET (AimakPriority, sector_code) },
    { "marker_justification", G_STRUCT_OFFSET (AimakPriority, marker_justification) },
    { "status", G_STRUCT_OFFSET (AimakPriority, status) },
    { "funding_source", G_STRUCT_OFFSET (AimakPriority, funding_source) },
    { "responsible", G_STRUCT_OFFSET (AimakPriority, responsible) },
    { "partners", G_STRUCT_OFFSET (AimakPriority, partners) },
    { "hearing_date", G_STRUCT_OFFSET (AimakPriority, hearing_date) },
    { "kenesh_decision_no", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_no) },
    { "kenesh_decision_date", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_date) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (_aimak_priority_editor_is_field (field, slots[i].field))
      return G_STRUCT_MEMBER_P (p, slots[i].offset);
  return NULL;
}

/* The address of an int field of @p, or NULL. */
static int *
int_slot (AimakPriority *p,
          const char    *field)
{
  if (_aimak_priority_editor_is_field (field, "gender_marker"))
    return &p->gender_marker;
  if (_aimak_priority_editor_is_field (field, "start_year"))
    return &p->start_year;
  if (_aimak_priority_editor_is_field (field, "end_year"))
    return &p->end_year;
  if (_aimak_priority_editor_is_field (field, "hearing_participants_f"))
    return &p->hearing_participants_f;
  if (_aimak_priority_editor_is_field (field, "hearing_participants_m"))
    return &p->hearing_participants_m;
  return NULL;
}

GPtrArray **
_aimak_priority_editor_codes_slot (AimakPriority *p,
                                   const char    *field)
{
  if (_aimak_priority_editor_is_field (field, "target_groups"))
    return &p->target_groups;
  if (_aimak_priority_editor_is_field (field, "gcm"))
    return &p->gcm;
  if (_aimak_priority_editor_is_field (field, "sdg"))
    return &p->sdg;
  return NULL;
}

/* Copies one field from @src to @dst. */
void
_aimak_priority_editor_copy_field (AimakPriority       *dst,
                                   const AimakPriority *src,
                                   const char          *field)
{
  AimakPriority *s = (AimakPriority *) src;
  char **text;
  int *num;
  GPtrArray **codes;

  if ((text = text_slot (dst, field)))
    _aimak_priority_editor_replace_str (text, *text_slot (s, field));
  else if ((num = int_slot (dst, field)))
    *num = *int_slot (s, field);
  else if ((codes = _aimak_priority_editor_codes_slot (dst, field)))
    {
      g_ptr_array_unref (*codes);
      *codes = codes_copy (*_aimak_priority_editor_codes_slot (s, field));
    }
  else if (_aimak_priority_editor_is_field (field, "budget_kgs"))
    dst->budget_kgs = src->budget_kgs;
  else if (_aimak_priority_editor_is_field (field, "checklist"))
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_remove_all (dst->checklist);
      g_hash_table_iter_init (&iter, src->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        aimak_priority_set_answer (dst, key, value);
    }
  else if (_aimak_priority_editor_is_field (field, "indicators"))
    {
      g_ptr_array_set_size (dst->indicators, 0);
      for (guint i = 0; i < src->indicators->len; i++)
        g_ptr_array_add (dst->indicators,
                         aimak_priority_indicator_copy (g_ptr_array_index (src->indicators, i)));
    }
  else
    g_warn_if_reached ();
}

static char *
number_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return isnan (v) ? g_strdup ("") : g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", v));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* A canonical text of one field, to tell whether a change changes anything. */
char *
_aimak_priority_editor_field_text (const AimakPriority *p,
                                   const char          *field)
{
  AimakPriority *q = (AimakPriority *) p;
  GString *s = g_string_new (NULL);
  char **text;
  int *num;
  GPtrArray **codes;

  if ((text = text_slot (q, field)))
    g_string_append (s, *text ? *text : "");   /* NULL and "" are one value, as stored */
  else if ((num = int_slot (q, field)))
    g_string_append_printf (s, "%d", *num);
  else if ((codes = _aimak_priority_editor_codes_slot (q, field)))
    {
      g_autoptr(GPtrArray) sorted = codes_copy (*codes);

      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf (s, "%s,", (char *) g_ptr_array_index (sorted, i));
    }
  else if (_aimak_priority_editor_is_field (field, "budget_kgs"))
    {
      g_autofree char *t = number_text (p->budget_kgs);
      g_string_append (s, t);
    }
  else if (_aimak_priority_editor_is_field (field, "checklist"))
    {
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

      g_hash_table_iter_init (&iter, p->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_ptr_array_add (pairs, g_strdup_printf ("%s=%s", (char *) key, (char *) value));
      g_ptr_array_sort (pairs, compare_strings);
      for (guint j = 0; j < pairs->len; j++)
        g_string_append_printf (s, "%s,", (char *) g_ptr_array_index (pairs, j));
    }
  else if (_aimak_priority_editor_is_field (field, "indicators"))
    {
      for (guint i = 0; i < p->indicators->len; i++)
        {
          AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);
          double v[6] = { ind->baseline_f, ind->baseline_m, ind->target_f, ind->target_m,
                          ind->actual_f, ind->actual_m };

          g_string_append_printf (s, "%s\x1f%s", ind->name ? ind->name : "",
                                  ind->unit ? ind->unit : "");
          for (guint j = 0; j < 6; j++)
            {
              g_autofree char *t = number_text (v[j]);
              g_string_append_printf (s, "\x1f%s", t);
            }
          g_string_append_c (s, '\x1e');
        }
    }
  return g_string_free (s, FALSE);
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
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
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

/* Shows field @field of "current" in its widget. */
void
_aimak_priority_editor_fill_field (AimakPriorityEditor *self,
                                   const char          *field)
{
  AimakPriority *p = self->current;
  GtkWidget *widget = g_hash_table_lookup (self->field_widgets, field);
  char **text;
  int *num;

  if (p == NULL)
    return;
  self->filling++;
  if (_aimak_priority_editor_is_field (field, "area_code"))
    _aimak_priority_editor_update_area_row (self);
  else if (_aimak_priority_editor_is_field (field, "indicators"))
    _aimak_priority_editor_fill_indicators (self);
  else if (_aimak_priority_editor_code_list (self, field))
    _aimak_priority_editor_fill_choice (self, field);
  else if (_aimak_priority_editor_is_field (field, "budget_kgs"))
    {
      g_autofree char *shown = aimak_numbers_format_number (p->budget_kgs);
      set_entry_text (widget, shown);
    }
  else if ((text = text_slot (p, field)) && GTK_IS_TEXT_VIEW (widget))
    set_buffer_text (GTK_TEXT_VIEW (widget), *text);
  else if (text && g_str_has_suffix (field, "_date"))
    set_date_text (widget, *text);
  else if (text)
    set_entry_text (widget, *text);
  else if ((num = int_slot (p, field)))
    /* A year is 0 when not set, a count of participants -1. */
    set_entry_int (widget, *num, g_str_has_suffix (field, "_year") ? 0 : -1);
  self->filling--;
}

void
_aimak_priority_editor_fill_all (AimakPriorityEditor *self)
{
  for (guint i = 0; all_fields[i]; i++)
    _aimak_priority_editor_fill_field (self, all_fields[i]);
}

/* Entry rows: which field, and how its text becomes a value. */
static void
on_entry_changed (GtkEditable         *editable,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "aimak-field");
  const char *text = gtk_editable_get_text (editable);
  char **slot;
  gboolean ok = TRUE;
  const char *message = NULL;

  if (self->filling || self->current == NULL || field == NULL)
    return;

  if ((slot = text_slot (self->current, field)))
    {
      /* Dates are typed dd.mm.yyyy or ISO and stored ISO (aimak-number.h). */
      g_autofree char *date = g_str_has_suffix (field, "_date") ? aimak_numbers_parse_date (text)
                                                                : NULL;
      _aimak_priority_editor_replace_str (slot, date ? date : text);
    }
  else if (_aimak_priority_editor_is_field (field, "budget_kgs"))
    {
      double v;

      ok = aimak_numbers_parse_number (text, &v);
      if (ok)
        self->current->budget_kgs = v;
      message = _("Enter an amount in som, for example 150000.");
    }
  else if (_aimak_priority_editor_is_field (field, "start_year") ||
           _aimak_priority_editor_is_field (field, "end_year"))
    {
      int v;

      ok = aimak_numbers_parse_count (text, 0, &v);
      if (ok)
        *int_slot (self->current, field) = v;
      message = _("Enter a year, for example 2026.");
    }
  else if (_aimak_priority_editor_is_field (field, "hearing_participants_f") ||
           _aimak_priority_editor_is_field (field, "hearing_participants_m"))
    {
      int v;

      ok = aimak_numbers_parse_count (text, -1, &v);
      if (ok)
        *int_slot (self->current, field) = v;
      message = _("Enter a whole number of people, 0 or more.");
    }

  if (ok)
    g_hash_table_remove (self->parse_errors, field);
  else
    g_hash_table_insert (self->parse_errors, g_strdup (field), g_strdup (message));
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
  _aimak_priority_editor_replace_str (text_slot (self->current, field), text);
  _aimak_priority_editor_field_changed (self, field, FALSE);
}

#define MEMBER(name) G_STRUCT_OFFSET (AimakPriorityEditor, name)
#define NONE ((gssize) -1)

/* The widgets of the template by field id: the widget that edits the field,
 * the row that gets the .error style (the widget itself when NONE) and the box
 * that holds its problem icon (inside the row when NONE). A new field of the
 * form is one widget in aimak-priority-editor.ui and one line here. The check
 * lists' rows, the checklist and the indicators are built from data. */
static const struct
{
  const char *field;
  gssize      widget;
  gssize      row;
  gssize      icon_parent;
} bindings[] = {
  { "area_code", MEMBER (move_area_button), MEMBER (area_row), NONE },
  { "title", MEMBER (title_row), NONE, NONE },
  { "problem", MEMBER (problem_view), MEMBER (problem_row), MEMBER (problem_caption) },
  { "description", MEMBER (description_view), MEMBER (description_row),
    MEMBER (description_caption) },
  { "sector_code", MEMBER (sector_row), NONE, NONE },
  { "gender_marker", MEMBER (marker_row), NONE, NONE },
  { "marker_justification", MEMBER (justification_view), MEMBER (justification_row),
    MEMBER (justification_caption) },
  { "target_groups", MEMBER (groups_row), NONE, NONE },
  { "gcm", MEMBER (gcm_row), NONE, NONE },
  { "sdg", MEMBER (sdg_row), NONE, NONE },
  { "budget_kgs", MEMBER (budget_row), NONE, NONE },
  { "funding_source", MEMBER (funding_row), NONE, NONE },
  { "responsible", MEMBER (responsible_row), NONE, NONE },
  { "partners", MEMBER (partners_row), NONE, NONE },
  { "start_year", MEMBER (start_year_row), NONE, NONE },
  { "end_year", MEMBER (end_year_row), NONE, NONE },
  { "hearing_date", MEMBER (hearing_date_row), NONE, NONE },
  { "hearing_participants_f", MEMBER (participants_f_row), NONE, NONE },
  { "hearing_participants_m", MEMBER (participants_m_row), NONE, NONE },
  { "kenesh_decision_no", MEMBER (decision_no_row), NONE, NONE },
  { "kenesh_decision_date", MEMBER (decision_date_row), NONE, NONE },
  { "status", MEMBER (status_row), NONE, NONE },
};

static GtkWidget *
member (AimakPriorityEditor *self,
        gssize               offset)
{
  return offset == NONE ? NULL : G_STRUCT_MEMBER (GtkWidget *, self, offset);
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

/* Connects every field's widget to its field, after the template is built. */
void
_aimak_priority_editor_init_fields (AimakPriorityEditor *self)
{
  GtkWidget *icon;

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      const char *field = bindings[i].field;
      GtkWidget *widget = member (self, bindings[i].widget);
      GtkWidget *row = member (self, bindings[i].row);

      if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget))
        _aimak_priority_editor_watch_focus (self, widget);
      if (GTK_IS_TEXT_VIEW (widget))
        bind_text_view (self, GTK_TEXT_VIEW (widget), field);
      g_object_set_data (G_OBJECT (widget), "aimak-field", (gpointer) field);
      g_hash_table_replace (self->field_widgets, g_strdup (field), widget);
      _aimak_priority_editor_attach_problem_icon (self, field, row ? row : widget,
                                                  member (self, bindings[i].icon_parent));
    }

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
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_install_action (widget_class, "editor.add-indicator", NULL,
                                   editor_add_indicator);
}
