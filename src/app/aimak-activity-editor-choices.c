/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor-choices.c — the choices from the code lists: the
 * activity types of the Type dropdown and the participant roles, each a row
 * with counts of women and men, with their totals below. The lists are
 * AimakCodeList objects declared in aimak-activity-editor.ui. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-activity-editor-private.h"
#include "aimak-wrap-layout.h"
#include "aimak-numbers.h"

void
_aimak_activity_editor_update_totals (AimakActivityEditor *self)
{
  int women, men;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL, *ws = NULL, *ms = NULL, *share = NULL;

  if (self->current == NULL)
    return;
  women = aimak_activity_total_women (self->current);
  men = aimak_activity_total_men (self->current);
  /* The sums go in a row after the counts, not in the group's description above
   * them: a description that rewraps would move the counts being typed. */
  if (women >= 0 && men >= 0 && women + men > 0)
    /* Translators: participants of one activity: total, women, men, share of women. */
    text = g_strdup_printf (_("%s participants: %s women, %s men (%s women)"),
                            all = aimak_number_format (women + men, 0, NULL),
                            ws = aimak_number_format (women, 0, NULL),
                            ms = aimak_number_format (men, 0, NULL),
                            share = aimak_number_format_percent (100.0 * women / (women + men), 1, NULL));
  if (self->totals_row)
    {
      /* One line always, so that the groups below keep their place too. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->totals_row), text ? text : "—");
      gtk_widget_set_tooltip_text (self->totals_row, text);
    }
}

static void
on_count_value_changed (GtkSpinButton       *spin,
                        AimakActivityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "field");
  const char *role = strchr (field, '.') + 1;
  int n = gtk_spin_button_get_value_as_int (spin);

  if (self->filling || self->current == NULL)
    return;
  g_hash_table_remove (self->parse_errors, field);
  if (g_str_has_prefix (field, "women."))
    aimak_activity_set_participants (self->current, role, n,
                                     aimak_activity_get_men (self->current, role));
  else
    aimak_activity_set_participants (self->current, role,
                                     aimak_activity_get_women (self->current, role), n);
  _aimak_activity_editor_changed (self);
}

/* Typing updates the count before the spin button commits its value, so the totals
 * and the problems follow every keystroke; "-3" shows as a problem, not as 0. */
static void
on_count_text_changed (GtkEditable         *editable,
                       AimakActivityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *role = strchr (field, '.') + 1;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gint64 n;

  if (self->filling || self->current == NULL)
    return;
  if (*text == '\0')
    n = 0;
  else
    {
      double whole;
      /* The one grammar (aimak-number.h): "1 234" is a count, "15.03.2026" is not;
       * the range (0 to 10^9) is core validation's, which names it. */
      gboolean ok = aimak_numbers_parse_number (text, &whole) && whole == floor (whole) &&
                    fabs (whole) <= G_MAXINT;
      n = ok ? (gint64) whole : 0;
      if (!ok)
        {
          g_hash_table_insert (self->parse_errors, g_strdup (field),
                               g_strdup_printf (_("“%s” is not a whole number."), text));
          _aimak_activity_editor_changed (self);
          return;
        }
    }
  g_hash_table_remove (self->parse_errors, field);
  if (g_str_has_prefix (field, "women."))
    aimak_activity_set_participants (self->current, role, (int) n,
                                     aimak_activity_get_men (self->current, role));
  else
    aimak_activity_set_participants (self->current, role,
                                     aimak_activity_get_women (self->current, role), (int) n);
  _aimak_activity_editor_changed (self);
}

static void
clear_roles (AimakActivityEditor *self)
{
  if (self->totals_row)
    adw_preferences_group_remove (self->participants_group, self->totals_row);
  self->totals_row = NULL;
  for (guint i = 0; i < self->role_rows->len; i++)
    adw_preferences_group_remove (self->participants_group,
                                  g_ptr_array_index (self->role_rows, i));
  g_ptr_array_set_size (self->role_rows, 0);
  g_hash_table_remove_all (self->spins);
}

static GtkWidget *
count_spin (AimakActivityEditor *self,
            const char          *role_code,
            const char          *role_name,
            gboolean             women)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
  g_autofree char *field = g_strconcat (women ? "women." : "men.", role_code, NULL);
  /* Translators: accessible name of a count field, e.g. "Women: Local kenesh deputy". */
  g_autofree char *a11y = g_strdup_printf (women ? _("Women: %s") : _("Men: %s"), role_name);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, a11y);
  g_object_set_data_full (G_OBJECT (spin), "a11y", g_strdup (a11y), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (spin), "field", g_strdup (field), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_count_value_changed), self);
  g_signal_connect (spin, "changed", G_CALLBACK (on_count_text_changed), self);
  _aimak_activity_editor_watch_focus (self, spin);
  g_hash_table_insert (self->spins, g_steal_pointer (&field), spin);
  return spin;
}

/* A role's row: its name, then the counts of women and men. The counts stay
 * beside the name while the whole name fits there, else they go under it
 * (aimak-wrap-layout.c), so that large text or a long Russian role never
 * squeezes the name into a narrow column of short lines. */
static GtkWidget *
role_row (AimakActivityEditor *self,
          const char          *code,
          const char          *name)
{
  GtkWidget *row = GTK_WIDGET (g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_set_data_full (G_OBJECT (row), "role", g_strdup (code), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "aimak-role-row");
  gtk_widget_set_layout_manager (box, aimak_wrap_layout_new (12, 6));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title");
  gtk_widget_set_halign (counts, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (counts), count_spin (self, code, name, TRUE));
  gtk_box_append (GTK_BOX (counts), count_spin (self, code, name, FALSE));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return row;
}

static void
add_role_rows (AimakActivityEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->role_list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (self->role_list), i);
      const char *code = aimak_code_item_get_code (item);
      const char *name = aimak_code_item_get_name (item);
      GtkWidget *row = role_row (self, code, name);

      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
  self->totals_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->totals_row), _("Total"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self->totals_row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->totals_row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->totals_row), "—");
  adw_preferences_group_add (self->participants_group, self->totals_row);
  _aimak_activity_editor_update_totals (self);
}

/* (Re)loads the types and roles from the editor's database, in its language;
 * without a database there are no roles to count. */
void
_aimak_activity_editor_load_choices (AimakActivityEditor *self)
{
  AimakCodeList *lists[] = { self->type_list, self->role_list };

  clear_roles (self);
  if (self->db == NULL)
    return;
  self->filling++;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GError) error = NULL;

      /* A list that cannot be read offers no choices, as before it was read. */
      if (!aimak_code_list_load (lists[i], self->db, &error))
        g_debug ("code list %s: %s", aimak_code_list_get_name (lists[i]), error->message);
    }
  self->filling--;
  add_role_rows (self);
}

/* The activity type at @position of the Type dropdown, or NULL. */
const char *
_aimak_activity_editor_type_code (AimakActivityEditor *self,
                                  guint                position)
{
  return aimak_code_list_get_code (self->type_list, position);
}

/* Shows the counts of "current" in the spin buttons (called while filling). */
void
_aimak_activity_editor_fill_counts (AimakActivityEditor *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = key;
      gboolean women = g_str_has_prefix (field, "women.");
      const char *role = strchr (field, '.') + 1;
      int n = women ? aimak_activity_get_women (self->current, role)
                    : aimak_activity_get_men (self->current, role);

      gtk_spin_button_set_value (value, MAX (n, 0));
    }
}

void
_aimak_activity_editor_class_init_choices (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMAK_TYPE_CODE_LIST);
  g_type_ensure (AIMAK_TYPE_CODE_ITEM);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, type_list);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, role_list);
}

GtkSpinButton *
aimak_activity_editor_get_count_spin (AimakActivityEditor *self,
                                      const char          *role_code,
                                      gboolean             women)
{
  g_autofree char *field = g_strconcat (women ? "women." : "men.", role_code, NULL);

  return g_hash_table_lookup (self->spins, field);
}
