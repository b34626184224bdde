/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor-choices.c — the choices from the code lists: the
 * dropdowns (sector, gender marker, funding source, status), the check lists
 * (target groups, GCM objectives, SDG targets) and the gender checklist. The
 * lists are AimakCodeList objects declared in aimak-priority-editor.ui; a
 * dropdown with an "all label" (sector, funding source) offers "None" or
 * "Not decided" first, which stores no code. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "aimak-priority-editor-private.h"

/* The code list of choice @field (a dropdown's model, the list of a check
 * list or the checklist's items), or NULL when @field is no choice. */
AimakCodeList *
_aimak_priority_editor_code_list (AimakPriorityEditor *self,
                                  const char          *field)
{
  return field ? g_hash_table_lookup (self->code_lists, field) : NULL;
}

/* The list in the template named @name, or a new one the editor keeps. */
static AimakCodeList *
template_list (AimakPriorityEditor *self,
               const char          *name)
{
  AimakCodeList *lists[] = {
    self->groups_list, self->gcm_list, self->sdg_list, self->checklist_list,
  };
  AimakCodeList *list;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (aimak_code_list_get_name (lists[i]), name) == 0)
      return lists[i];
  list = aimak_code_list_new (name);
  g_ptr_array_add (self->own_lists, list);
  return list;
}

/* The gender marker reads "2 Principal" in its dropdown, as on the badge. */
static char *
marker_item_label (AimakCodeItem *item,
                   const char    *code,
                   const char    *name)
{
  /* Translators: a gender equality marker, e.g. "2 Principal" */
  return g_strdup_printf (_("%d %s"), atoi (code ? code : "0"), name ? name : "");
}

static void
set_combo_code (AdwComboRow   *row,
                AimakCodeList *list,
                const char    *code)
{
  guint i = code && *code ? aimak_code_list_find (list, code) : G_MAXUINT;

  if (i != G_MAXUINT)
    adw_combo_row_set_selected (row, i);
  else if (aimak_code_list_get_all_label (list))
    adw_combo_row_set_selected (row, 0);
}

/* The code chosen in @row, or NULL for none ("None", "Not decided"). */
static const char *
combo_code (AdwComboRow   *row,
            AimakCodeList *list)
{
  const char *code = aimak_code_list_get_code (list, adw_combo_row_get_selected (row));

  return code && *code ? code : NULL;
}

static void
update_codes_subtitle (AdwExpanderRow  *row,
                       AimakCodeList   *list,
                       const GPtrArray *codes)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gboolean on = FALSE;

      for (guint j = 0; codes && j < codes->len && !on; j++)
        on = g_strcmp0 (g_ptr_array_index (codes, j), aimak_code_item_get_code (item)) == 0;
      if (!on)
        continue;
      if (s->len)
        g_string_append (s, ", ");
      g_string_append (s, aimak_code_item_get_name (item));
    }
  adw_expander_row_set_subtitle (row, s->len ? s->str : _("None chosen"));
}

static AdwExpanderRow *
codes_row (AimakPriorityEditor *self,
           const char          *field)
{
  return ADW_EXPANDER_ROW (g_hash_table_lookup (self->field_widgets, field));
}

static void
fill_checks (AimakPriorityEditor *self,
             const char          *field,
             const GPtrArray     *codes)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *code;
      gboolean on = FALSE;

      if (!g_str_has_prefix (key, prefix))
        continue;
      code = (const char *) key + strlen (prefix);
      for (guint i = 0; codes && i < codes->len && !on; i++)
        on = g_strcmp0 (g_ptr_array_index (codes, i), code) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (value), on);
    }
  update_codes_subtitle (codes_row (self, field), _aimak_priority_editor_code_list (self, field),
                         codes);
}

static void
fill_checklist (AimakPriorityEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist_list));

  for (guint i = 0; i < n; i++)
    {
      const char *item = aimak_code_list_get_code (self->checklist_list, i);
      const char *answer = aimak_priority_get_answer (self->current, item);
      static const char * const answers[] = {
        AIMAK_CHECKLIST_YES, AIMAK_CHECKLIST_PARTLY, AIMAK_CHECKLIST_NO,
      };

      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          g_autofree char *key = g_strdup_printf ("%s:%s", item, answers[a]);
          GtkToggleButton *button = g_hash_table_lookup (self->answer_buttons, key);

          if (button)
            gtk_toggle_button_set_active (button, g_strcmp0 (answer, answers[a]) == 0);
        }
    }
}

/* Shows choice @field of "current" in its widget (called while filling). */
void
_aimak_priority_editor_fill_choice (AimakPriorityEditor *self,
                                    const char          *field)
{
  const AimakField *f = _aimak_priority_editor_field (field);
  GtkWidget *widget = g_hash_table_lookup (self->field_widgets, field);
  AimakCodeList *list = _aimak_priority_editor_code_list (self, field);
  int *num = aimak_field_int_slot (f, self->current);
  char **text = aimak_field_text_slot (f, self->current);
  GPtrArray **codes = aimak_field_codes_slot (f, self->current);

  if (list == NULL)
    return;
  if (ADW_IS_COMBO_ROW (widget))
    {
      /* An int field (the gender marker) chooses the code that reads as it. */
      g_autofree char *code = num ? g_strdup_printf ("%d", *num) : g_strdup (text ? *text : NULL);

      set_combo_code (ADW_COMBO_ROW (widget), list, code);
    }
  else if (codes && ADW_IS_EXPANDER_ROW (widget))
    fill_checks (self, field, *codes);
  else if (_aimak_priority_editor_is_field (field, "checklist"))
    fill_checklist (self);
}

/* A dropdown: its code (none for "None", "Not decided") into the field. */
static void
on_combo_changed (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "aimak-field");
  const AimakField *f = _aimak_priority_editor_field (field);
  const char *code;
  int *num;

  if (self->filling || self->current == NULL || f == NULL)
    return;
  code = combo_code (row, _aimak_priority_editor_code_list (self, field));
  if ((num = aimak_field_int_slot (f, self->current)))
    {
      if (code == NULL)
        return;
      *num = atoi (code);
    }
  else
    {
      /* A field that must have a code keeps it when nothing is chosen. */
      if (code == NULL && !(f->flags & AIMAK_FIELD_NULLABLE))
        return;
      aimak_editor_replace_str (aimak_field_text_slot (f, self->current), code);
    }
  _aimak_priority_editor_field_changed (self, field, TRUE);
}

static void
on_check_toggled (GtkCheckButton      *check,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (check), "aimak-field");
  const char *code = g_object_get_data (G_OBJECT (check), "aimak-code");
  GPtrArray *codes;
  gboolean active = gtk_check_button_get_active (check);

  if (self->filling || self->current == NULL)
    return;
  codes = *_aimak_priority_editor_codes_slot (self->current, field);
  for (guint i = codes->len; i > 0; i--)
    if (g_strcmp0 (g_ptr_array_index (codes, i - 1), code) == 0)
      g_ptr_array_remove_index (codes, i - 1);
  if (active)
    g_ptr_array_add (codes, g_strdup (code));

  update_codes_subtitle (codes_row (self, field), _aimak_priority_editor_code_list (self, field),
                         codes);
  _aimak_priority_editor_field_changed (self, field, TRUE);
}

static void
on_answer_toggled (GtkToggleButton     *button,
                   AimakPriorityEditor *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "aimak-item");
  const char *answer = g_object_get_data (G_OBJECT (button), "aimak-answer");

  if (self->filling || self->current == NULL || !gtk_toggle_button_get_active (button))
    return;
  aimak_priority_set_answer (self->current, item, answer);
  _aimak_priority_editor_field_changed (self, "checklist", TRUE);
}

static void
add_check_rows (AimakPriorityEditor *self,
                const char          *field)
{
  AimakCodeList *list = _aimak_priority_editor_code_list (self, field);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *code = aimak_code_item_get_code (item);
      const char *name = aimak_code_item_get_name (item);
      /* Lists whose codes readers know (GCM, SDG) show them. */
      gboolean show_code = g_strcmp0 (aimak_code_item_get_label (item), name) != 0;
      g_autofree char *title = show_code ? g_strdup_printf ("%s · %s", code, name)
                                         : g_strdup (name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "aimak-field", g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (check), "aimak-code", g_strdup (code), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      adw_expander_row_add_row (codes_row (self, field), row);
      g_ptr_array_add (self->dynamic_rows, row);
      g_hash_table_replace (self->checks, g_strdup_printf ("%s:%s", field, code), check);
    }
}

/* The three answers of checklist item @item, linked. */
static GtkWidget *
answer_box (AimakPriorityEditor *self,
            const char          *item,
            const char          *name)
{
  static const struct { const char *answer; const char *label; } answers[] = {
    { AIMAK_CHECKLIST_YES, N_("Yes") },
    { AIMAK_CHECKLIST_PARTLY, N_("Partly") },
    { AIMAK_CHECKLIST_NO, N_("No") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(answers[a].label));
      /* Translators: accessible name of an answer, "<checklist item>: Yes" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), name, _(answers[a].label));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data_full (G_OBJECT (button), "aimak-item", g_strdup (item), g_free);
      g_object_set_data (G_OBJECT (button), "aimak-answer", (gpointer) answers[a].answer);
      g_signal_connect (button, "toggled", G_CALLBACK (on_answer_toggled), self);
      gtk_box_append (GTK_BOX (box), button);
      g_hash_table_replace (self->answer_buttons,
                            g_strdup_printf ("%s:%s", item, answers[a].answer), button);
    }
  return box;
}

static void
add_checklist_rows (AimakPriorityEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist_list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) entry = g_list_model_get_item (G_LIST_MODEL (self->checklist_list),
                                                              i);
      const char *item = aimak_code_item_get_code (entry);
      const char *name = aimak_code_item_get_name (entry);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (g_strcmp0 (item, "women_consulted") == 0)
        _aimak_priority_editor_attach_problem_icon (self, "checklist", row, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), answer_box (self, item, name));
      adw_preferences_group_add (self->checklist_group, row);
      g_ptr_array_add (self->dynamic_rows, row);
    }
  /* The suggestion closes the list: it follows from the answers above. */
  g_object_ref (self->suggested_row);
  adw_preferences_group_remove (self->checklist_group, GTK_WIDGET (self->suggested_row));
  adw_preferences_group_add (self->checklist_group, GTK_WIDGET (self->suggested_row));
  g_object_unref (self->suggested_row);
}

void
_aimak_priority_editor_clear_choices (AimakPriorityEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *parent = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  /* The new rows show no problem yet: let update_problems() fill them. */
  g_clear_pointer (&self->problems_signature, g_free);
  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->answer_buttons);
  /* The checklist's icon went with its row. */
  g_hash_table_remove (self->problem_icons, "checklist");
  g_hash_table_remove (self->field_rows, "checklist");
}

/* Registers choice @field edited by @widget: a dropdown's model is its code
 * list; a check list's is the template's list of that name. */
void
_aimak_priority_editor_add_choice (AimakPriorityEditor *self,
                                   const char          *field,
                                   GtkWidget           *widget)
{
  const AimakField *f = _aimak_priority_editor_field (field);
  AimakCodeList *list = NULL;

  if (f == NULL || f->code_list == NULL)
    return;
  if (ADW_IS_COMBO_ROW (widget))
    {
      list = AIMAK_CODE_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (widget)));
      g_signal_connect (widget, "notify::selected", G_CALLBACK (on_combo_changed), self);
    }
  else
    list = template_list (self, f->code_list);
  g_hash_table_replace (self->code_lists, (gpointer) f->id, list);
}

/* (Re)loads every code list from the editor's database, in its language, and
 * builds the check rows from them. */
void
_aimak_priority_editor_load_choices (AimakPriorityEditor *self)
{
  g_autoptr(GHashTable) loaded = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer field, list;

  self->filling++;
  g_hash_table_iter_init (&iter, self->code_lists);
  while (g_hash_table_iter_next (&iter, &field, &list))
    {
      g_autoptr(GError) error = NULL;

      if (!g_hash_table_add (loaded, list))
        continue;
      /* A list that cannot be read offers no choices, as before it was read. */
      if (!aimak_code_list_load (list, self->db, &error))
        g_debug ("code list %s: %s", aimak_code_list_get_name (list), error->message);
    }
  aimak_marker_names_load (self->db);
  g_hash_table_iter_init (&iter, self->code_lists);
  while (g_hash_table_iter_next (&iter, &field, &list))
    if (ADW_IS_EXPANDER_ROW (g_hash_table_lookup (self->field_widgets, field)))
      add_check_rows (self, field);
  add_checklist_rows (self);
  self->filling--;
}

void
_aimak_priority_editor_class_init_choices (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMAK_TYPE_CODE_LIST);
  g_type_ensure (AIMAK_TYPE_CODE_ITEM);
  gtk_widget_class_bind_template_callback (widget_class, marker_item_label);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakPriorityEditor, name)
  BIND (groups_list);
  BIND (gcm_list);
  BIND (sdg_list);
  BIND (checklist_list);
#undef BIND
}

GtkCheckButton *
aimak_priority_editor_get_check (AimakPriorityEditor *self,
                                 const char          *field,
                                 const char          *code)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, code);

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->checks, key);
}

GtkToggleButton *
aimak_priority_editor_get_answer_button (AimakPriorityEditor *self,
                                         const char          *item,
                                         const char          *answer)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", item, answer);

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->answer_buttons, key);
}
