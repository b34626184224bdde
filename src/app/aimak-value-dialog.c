/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-value-dialog.c — the value editor and the new-indicator form share
 * one window (two pages of a stack), so that an indicator missing from the
 * catalogue can be added on the way and then chosen for the value. All
 * checks are the core's (aimak_indicator_validate_value / _add); the dialog
 * only parses the text of the year and value fields. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "aimak-field-problem.h"
#include "aimak-problem-row.h"
#include "aimak-value-dialog-private.h"
#include "aimak-field-widgets.h"
#include "aimak-widget-util.h"

struct _AimakValueDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkStack            *page_stack;
  AdwPreferencesGroup *value_group;
  GtkLabel            *value_general_error;
  AdwComboRow         *indicator_row;
  AimakProblemRow     *indicator_error;
  AdwEntryRow         *year_row;
  AimakProblemRow     *year_error;
  AdwComboRow         *sex_row;
  AimakProblemRow     *sex_error;
  AdwEntryRow         *value_row;
  AimakProblemRow     *value_error;
  AdwEntryRow         *source_row;
  AimakProblemRow     *source_error;
  AdwEntryRow         *note_row;
  GtkLabel            *indicator_general_error;
  AdwEntryRow         *code_row;
  AimakProblemRow     *code_error;
  AdwEntryRow         *name_en_row;
  AimakProblemRow     *name_en_error;
  AdwEntryRow         *name_ru_row;
  AdwEntryRow         *name_ky_row;
  AdwComboRow         *unit_row;
  AimakProblemRow     *unit_error;
  GtkSwitch           *by_sex_switch;
  AdwEntryRow         *description_row;
  GtkWidget           *unit_suffix;

  /* Owned references */
  AimakDb             *db;
  char                *area_code;
  AimakIndicatorValue *value;        /* what is being edited */
  GPtrArray           *indicators;   /* AimakIndicator *, parallel to indicator_row */
  char                 sexes[3];     /* parallel to sex_row */
  gint64               row_ids[3];   /* F, M, T of the edited table row */
  gboolean             row_mode;
  gboolean             indicator_only;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (AimakValueDialog, aimak_value_dialog, ADW_TYPE_WINDOW)

enum { SAVED, INDICATOR_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static int
sex_index (char sex)
{
  return sex == 'F' ? 0 : sex == 'M' ? 1 : 2;
}

/* Shows @message in @error_row under @field, and marks the field; NULL clears. */
static void
set_field_error (AimakProblemRow *error_row,
                 GtkWidget       *field,
                 const char      *message)
{
  aimak_problem_row_set_message (error_row, NULL, message);
  /* The message describes the field that takes the focus (see aimak-a11y.c). */
  aimak_field_problem_mark (field, message);
}

/* After a refused save the first field with a problem, in the form's order,
 * gets the focus: a screen reader reads its name and the problem. */
static gboolean
focus_first_error (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (gtk_widget_has_css_class (widget, "error") && gtk_widget_get_focusable (widget))
    return gtk_widget_grab_focus (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (focus_first_error (c))
      return TRUE;
  return FALSE;
}

/* A field's row is named after the field's id in the .ui (aimak-field-widgets.h);
 * the problem row under it is its next sibling. */
static AimakProblemRow *
problem_row_under (GtkWidget *row)
{
  GtkWidget *next = row ? gtk_widget_get_next_sibling (row) : NULL;

  return AIMAK_IS_PROBLEM_ROW (next) ? AIMAK_PROBLEM_ROW (next) : NULL;
}

/* Clears every field's problem on page @name of the stack. */
static void
clear_page_errors (AimakValueDialog *self,
                   const char       *name,
                   GtkLabel         *general)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, name);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        {
          AimakProblemRow *error = problem_row_under (c);

          if (error)
            set_field_error (error, c, NULL);
          g_ptr_array_add (stack, c);
        }
    }
  aimak_label_show_message (general, NULL);
}

static void
clear_value_errors (AimakValueDialog *self)
{
  clear_page_errors (self, "value", self->value_general_error);
}

static void
clear_indicator_errors (AimakValueDialog *self)
{
  clear_page_errors (self, "indicator", self->indicator_general_error);
}

static AimakIndicator *
current_indicator (AimakValueDialog *self)
{
  guint i = adw_combo_row_get_selected (self->indicator_row);

  return i < self->indicators->len ? g_ptr_array_index (self->indicators, i) : NULL;
}

/* Sexes offered follow the indicator: a total only when it is not split. */
static void
fill_sexes (AimakValueDialog *self,
            char              keep)
{
  AimakIndicator *ind = current_indicator (self);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = 0, selected = 0;

  if (ind == NULL || ind->by_sex)
    {
      self->sexes[n++] = 'F';
      self->sexes[n++] = 'M';
    }
  self->sexes[n++] = 'T';
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (list, aimak_indicator_sex_label (self->sexes[i]));
      if (self->sexes[i] == keep)
        selected = i;
    }
  for (guint i = n; i < 3; i++)
    self->sexes[i] = 0;
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->sex_row, selected);
}

static char
current_sex (AimakValueDialog *self)
{
  guint i = adw_combo_row_get_selected (self->sex_row);

  return i < 3 && self->sexes[i] ? self->sexes[i] : 'T';
}

static void
update_unit_suffix (AimakValueDialog *self)
{
  AimakIndicator *ind = current_indicator (self);

  gtk_label_set_text (GTK_LABEL (self->unit_suffix),
                      ind ? aimak_indicator_unit_label (ind->unit) : "");
}

static void
fill_indicators (AimakValueDialog *self,
                 const char       *select)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *catalogue = aimak_indicator_catalogue (self->db, &error);
  guint selected = 0;

  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = catalogue ? catalogue
                               : g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_indicator_free);
  if (catalogue == NULL)
    aimak_label_show_message (self->value_general_error, error->message);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      AimakIndicator *ind = g_ptr_array_index (self->indicators, i);

      gtk_string_list_append (list, aimak_indicator_name (ind, aimak_db_get_language (self->db)));
      if (g_strcmp0 (ind->code, select) == 0)
        selected = i;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->indicator_row, selected);
  self->loading = FALSE;
}

static void
load_fields (AimakValueDialog *self)
{
  AimakIndicatorValue *v = self->value;
  g_autofree char *year = v->year ? g_strdup_printf ("%d", v->year) : g_strdup ("");
  /* %.15g keeps every digit the user typed, without a locale's grouping. */
  g_autofree char *value = isnan (v->value) ? g_strdup ("") : g_strdup_printf ("%.15g", v->value);

  self->loading = TRUE;
  for (guint i = 0; i < self->indicators->len; i++)
    if (g_strcmp0 (((AimakIndicator *) g_ptr_array_index (self->indicators, i))->code,
                   v->indicator_code) == 0)
      adw_combo_row_set_selected (self->indicator_row, i);
  fill_sexes (self, v->sex);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), v->source ? v->source : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), v->note ? v->note : "");
  update_unit_suffix (self);
  self->loading = FALSE;
}

static void
on_indicator_selected (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       AimakValueDialog *self)
{
  if (self->sexes[0] == 0 && self->sexes[2] == 0)
    return;   /* not set up yet */
  fill_sexes (self, current_sex (self));
  update_unit_suffix (self);
}

/* In row mode the sex switches between the row's values. */
static void
on_sex_selected (AdwComboRow      *row,
                 GParamSpec       *pspec,
                 AimakValueDialog *self)
{
  char sex = current_sex (self);
  gint64 id;
  g_autoptr(GError) error = NULL;

  if (self->loading || !self->row_mode || sex == self->value->sex)
    return;
  id = self->row_ids[sex_index (sex)];
  if (id != 0)
    {
      AimakIndicatorValue *loaded = aimak_indicator_value_load (self->db, id, &error);

      if (loaded == NULL)
        {
          aimak_label_show_message (self->value_general_error, error->message);
          return;
        }
      aimak_indicator_value_free (self->value);
      self->value = loaded;
      load_fields (self);
    }
  else
    {
      /* No value of this sex in the row yet: a new one beside the others. */
      self->value->id = 0;
      self->value->sex = sex;
      self->value->value = NAN;
      g_clear_pointer (&self->value->original_source, g_free);
      self->value->original_value = NAN;
      self->value->is_reference = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
    }
  adw_window_title_set_subtitle (self->window_title,
                                 self->value->id ? _("Editing a stored value")
                                                 : _("A new value in this row"));
  clear_value_errors (self);
}

/* Shows each problem under its field; one that names no field of the form
 * goes above the fields of the page shown. */
static void
show_problems (AimakValueDialog *self,
               GPtrArray        *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      GtkWidget *row = p->field ? aimak_field_widgets_lookup (GTK_WIDGET (self->page_stack),
                                                              p->field)
                                : NULL;
      AimakProblemRow *error = problem_row_under (row);

      if (error)
        set_field_error (error, row, p->message);
      else
        aimak_label_show_message (self->indicator_only ||
                           g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack),
                                      "indicator") == 0
                             ? self->indicator_general_error : self->value_general_error,
                           p->message);
    }
}

/* A save the core refused: its problems under their fields, or else its error
 * above the fields of the page (@general). */
static void
show_refusal (AimakValueDialog *self,
              GPtrArray        *problems,
              const GError     *error,
              GtkLabel         *general)
{
  if (problems && problems->len)
    show_problems (self, problems);
  else
    aimak_label_show_message (general, error->message);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  char *end = NULL;
  gint64 v;

  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || *end != '\0' || v < G_MININT || v > G_MAXINT)
    return FALSE;
  *year = (int) v;
  return TRUE;
}

static gboolean
save_value (AimakValueDialog *self)
{
  g_autoptr(AimakIndicatorValue) v = aimak_indicator_value_copy (self->value);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = entry_text (self->year_row);
  g_autofree char *value_text = entry_text (self->value_row);
  AimakIndicator *ind = current_indicator (self);
  g_autoptr(GError) value_error = NULL;
  gboolean year_ok, value_ok;

  clear_value_errors (self);
  g_free (v->area_code);
  v->area_code = g_strdup (self->area_code);
  g_free (v->indicator_code);
  v->indicator_code = g_strdup (ind ? ind->code : "");
  v->sex = current_sex (self);
  year_ok = parse_year (year_text, &v->year);
  if (!year_ok)
    v->year = 0;
  /* The one grammar of every field (aimak-number.h): "12,5", "1 234,5" and
   * "1,234.5" read alike everywhere; the range of the unit is core's check. */
  value_ok = aimak_number_parse (value_text, AIMAK_NUMBER_FLAGS_NONE, &v->value, &value_error);
  if (!value_ok)
    v->value = NAN;
  g_free (v->source);
  v->source = entry_text (self->source_row);
  g_free (v->note);
  v->note = entry_text (self->note_row);

  problems = aimak_indicator_validate_value (self->db, v);
  if (!year_ok || !value_ok || problems->len > 0)
    {
      show_problems (self, problems);
      if (!year_ok)
        set_field_error (self->year_error, GTK_WIDGET (self->year_row),
                         *year_text ? _("Enter the year as a number, e.g. 2023")
                                    : _("Enter the year the value is for"));
      if (!value_ok)
        set_field_error (self->value_error, GTK_WIDGET (self->value_row),
                         *value_text ? value_error->message : _("Enter the value"));
      return FALSE;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);
  if (!aimak_indicator_value_save (self->db, v, &problems, &error))
    {
      show_refusal (self, problems, error, self->value_general_error);
      return FALSE;
    }
  aimak_indicator_value_free (self->value);
  self->value = g_steal_pointer (&v);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The save button and the title of the value form: editing a stored value or
 * adding a new one. */
static void
set_value_heading (AimakValueDialog *self,
                   gboolean          editing)
{
  gtk_button_set_label (GTK_BUTTON (self->save_button), editing ? _("_Save") : _("_Add"));
  adw_window_title_set_title (self->window_title, editing ? _("Edit Value") : _("New Value"));
}

/* Back from the new-indicator form to the value. */
static void
show_value_page (AimakValueDialog *self)
{
  gtk_stack_set_visible_child_name (self->page_stack, "value");
  set_value_heading (self, self->value->id != 0);
}

static gboolean
save_indicator (AimakValueDialog *self)
{
  g_autoptr(AimakIndicator) ind = g_new0 (AimakIndicator, 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *units = aimak_indicator_units ();
  guint u = adw_combo_row_get_selected (self->unit_row);

  clear_indicator_errors (self);
  ind->code = entry_text (self->code_row);
  ind->name_en = entry_text (self->name_en_row);
  ind->name_ru = entry_text (self->name_ru_row);
  ind->name_ky = entry_text (self->name_ky_row);
  ind->unit = g_strdup (u < g_strv_length ((char **) units) ? units[u] : "");
  ind->by_sex = gtk_switch_get_active (self->by_sex_switch);
  ind->description = entry_text (self->description_row);

  if (!aimak_indicator_add (self->db, ind, &problems, &error))
    {
      show_refusal (self, problems, error, self->indicator_general_error);
      return FALSE;
    }
  g_signal_emit (self, signals[INDICATOR_ADDED], 0, ind->code);
  if (self->indicator_only)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  /* Back to the value, with the new indicator chosen. */
  fill_indicators (self, ind->code);
  fill_sexes (self, current_sex (self));
  update_unit_suffix (self);
  show_value_page (self);
  return TRUE;
}

gboolean
aimak_value_dialog_save (AimakValueDialog *self)
{
  gboolean saved;

  g_return_val_if_fail (AIMAK_IS_VALUE_DIALOG (self), FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "indicator") == 0)
    saved = save_indicator (self);
  else
    saved = save_value (self);
  if (!saved && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_first_error (gtk_stack_get_visible_child (self->page_stack));
  return saved;
}

static void
on_save_clicked (GtkButton        *button,
                 AimakValueDialog *self)
{
  aimak_value_dialog_save (self);
}

static void
on_cancel_clicked (GtkButton        *button,
                   AimakValueDialog *self)
{
  /* From the indicator form reached through the value, Cancel goes back. */
  if (!self->indicator_only &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "indicator") == 0)
    {
      show_value_page (self);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_indicator_page (AimakValueDialog *self)
{
  clear_indicator_errors (self);
  gtk_stack_set_visible_child_name (self->page_stack, "indicator");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add Indicator"));
  adw_window_title_set_title (self->window_title, _("New Indicator"));
  adw_window_title_set_subtitle (self->window_title, _("Added to the catalogue for all areas"));
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
on_new_indicator_clicked (GtkButton        *button,
                          AimakValueDialog *self)
{
  show_indicator_page (self);
}

static void
fill_units (AimakValueDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char * const *units = aimak_indicator_units ();

  for (guint i = 0; units[i]; i++)
    gtk_string_list_append (list, aimak_indicator_unit_label (units[i]));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (list));
}

static void
aimak_value_dialog_finalize (GObject *object)
{
  AimakValueDialog *self = AIMAK_VALUE_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->value, aimak_indicator_value_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_free (self->area_code);
  G_OBJECT_CLASS (aimak_value_dialog_parent_class)->finalize (object);
}

static void
aimak_value_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_VALUE_DIALOG);
  G_OBJECT_CLASS (aimak_value_dialog_parent_class)->dispose (object);
}

static void
aimak_value_dialog_class_init (AimakValueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = aimak_value_dialog_finalize;
  object_class->dispose = aimak_value_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[INDICATOR_ADDED] = g_signal_new ("indicator-added", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AIMAK_TYPE_PROBLEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-value-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakValueDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (page_stack);
  BIND (value_group);
  BIND (value_general_error);
  BIND (indicator_row);
  BIND (indicator_error);
  BIND (year_row);
  BIND (year_error);
  BIND (sex_row);
  BIND (sex_error);
  BIND (value_row);
  BIND (value_error);
  BIND (source_row);
  BIND (source_error);
  BIND (note_row);
  BIND (indicator_general_error);
  BIND (code_row);
  BIND (code_error);
  BIND (name_en_row);
  BIND (name_en_error);
  BIND (name_ru_row);
  BIND (name_ky_row);
  BIND (unit_row);
  BIND (unit_error);
  BIND (by_sex_switch);
  BIND (description_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_indicator_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aimak_value_dialog_init (AimakValueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_suffix = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit_suffix, "dim-label");
  adw_entry_row_add_suffix (self->value_row, self->unit_suffix);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect (self->indicator_row, "notify::selected",
                    G_CALLBACK (on_indicator_selected), self);
  g_signal_connect (self->sex_row, "notify::selected", G_CALLBACK (on_sex_selected), self);
  fill_units (self);
}

static AimakValueDialog *
dialog_new (GtkWindow  *parent,
            AimakDb    *db,
            const char *area_code)
{
  AimakValueDialog *self = g_object_new (AIMAK_TYPE_VALUE_DIALOG,
                                         "transient-for", parent, NULL);
  g_autoptr(AimakArea) area = area_code ? aimak_area_get (db, area_code, NULL) : NULL;

  self->db = aimak_db_ref (db);
  self->area_code = g_strdup (area_code);
  self->value = aimak_indicator_value_new ();
  if (area)
    {
      g_autofree char *description =
        g_strdup_printf (_("%s (%s, %s)"), aimak_area_name (area, aimak_db_get_language (db)),
                         aimak_area_type_label (area->type), area->code);
      adw_preferences_group_set_title (self->value_group, description);
    }
  return self;
}

AimakValueDialog *
aimak_value_dialog_new_value (GtkWindow  *parent,
                              AimakDb    *db,
                              const char *area_code,
                              const char *indicator_code)
{
  AimakValueDialog *self;

  g_return_val_if_fail (db != NULL && area_code != NULL, NULL);
  self = dialog_new (parent, db, area_code);
  fill_indicators (self, indicator_code);
  fill_sexes (self, 'F');
  update_unit_suffix (self);
  set_value_heading (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (indicator_code ? (gpointer) self->year_row
                                                    : (gpointer) self->indicator_row));
  return self;
}

AimakValueDialog *
aimak_value_dialog_new_edit (GtkWindow               *parent,
                             AimakDb                 *db,
                             const char              *area_code,
                             const AimakIndicatorRow *row)
{
  AimakValueDialog *self;
  g_autoptr(GError) error = NULL;
  gint64 first;
  AimakIndicatorValue *loaded;

  g_return_val_if_fail (db != NULL && row != NULL, NULL);
  self = dialog_new (parent, db, area_code);
  self->row_mode = TRUE;
  self->row_ids[0] = row->id_f;
  self->row_ids[1] = row->id_m;
  self->row_ids[2] = row->id_t;
  first = row->id_f ? row->id_f : row->id_m ? row->id_m : row->id_t;
  fill_indicators (self, row->indicator_code);
  loaded = first ? aimak_indicator_value_load (db, first, &error) : NULL;
  if (loaded)
    {
      aimak_indicator_value_free (self->value);
      self->value = loaded;
    }
  else if (error)
    aimak_label_show_message (self->value_general_error, error->message);
  load_fields (self);
  set_value_heading (self, TRUE);
  adw_window_title_set_subtitle (self->window_title,
                                 (row->id_f != 0) + (row->id_m != 0) + (row->id_t != 0) > 1
                                   ? _("Choose the sex to edit each value of the row")
                                   : _("Editing a stored value"));
  gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
  return self;
}

AimakValueDialog *
aimak_value_dialog_new_indicator (GtkWindow *parent,
                                  AimakDb   *db)
{
  AimakValueDialog *self;

  g_return_val_if_fail (db != NULL, NULL);
  self = dialog_new (parent, db, NULL);
  self->indicator_only = TRUE;
  fill_indicators (self, NULL);
  show_indicator_page (self);
  return self;
}
