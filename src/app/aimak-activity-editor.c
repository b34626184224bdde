/* aimak-activity-editor.c — the activity editor.
 *
 * The widgets edit "current", a copy of the record. Each change re-validates at once
 * (so problems follow every keystroke) and restarts a short timer; when it fires the
 * record is written as a whole if it is valid — created the first time, updated
 * after that — and the core logs each changed field. While there are problems
 * nothing is written, so the database keeps the last valid version.
 *
 * Saves from typing in one field fold into one change_log row (one entry per
 * field per burst, aimak_activity_update_burst()) until the focus leaves the
 * field, a choice (type, area, linked priority) is made, or another activity is
 * shown.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "aimak-activity-editor.h"
#include "aimak-field-problem.h"
#include "aimak-numbers.h"
#include "aimak-window.h"

struct _AimakActivityEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesPage  *prefs_page;
  GtkLabel            *state_label;
  GtkMenuButton       *problems_button;
  GtkPopover          *problems_popover;
  GtkListBox          *problems_list;
  AdwButtonContent    *problems_content;
  GtkBox              *participants_header;
  AdwPreferencesGroup *basics_group;
  AdwActionRow        *area_row;
  GtkButton           *area_button;
  AdwEntryRow         *date_row;
  GtkCalendar         *calendar;
  AdwComboRow         *type_row;
  AdwEntryRow         *topic_row;
  AdwEntryRow         *facilitator_row;
  AdwPreferencesGroup *participants_group;
  AdwPreferencesGroup *scores_group;
  AdwEntryRow         *pre_row;
  AdwEntryRow         *post_row;
  AdwExpanderRow      *priorities_row;
  GtkTextView         *notes_view;
  GtkButton           *delete_button;

  /* Built from the database */
  GHashTable          *problem_icons;    /* field → warning icon inside its row */
  GHashTable          *problem_texts;    /* field → its problems, one a line */
  GPtrArray           *problem_rows;     /* rows of problems_list */
  guint                n_linkable;       /* priorities of the area that can be linked */
  GPtrArray           *role_rows;        /* AdwActionRow *, one per role */
  GtkWidget           *totals_row;       /* after the roles: the sums as they are typed */
  GPtrArray           *priority_rows;    /* rows inside priorities_row */
  GHashTable          *spins;            /* "women.<role>" / "men.<role>" → GtkSpinButton */
  GHashTable          *priority_checks;  /* priority id → GtkCheckButton */
  GPtrArray           *type_codes;

  /* Owned references */
  AimakDb             *db;
  AimakActivity       *current;
  char                *selected_area;
  GHashTable          *parse_errors;     /* field → message for text that is not a number */
  guint                save_id;
  guint                filling;
  guint                n_problems;
  gboolean             dirty;
  gboolean             touched;          /* the user changed something since it was shown */
  gint64               burst;            /* change_log row of the burst of typing */
  gboolean             burst_break;      /* a choice was made: no part of a burst */
  gboolean             read_only;
  gboolean             disposing;
};

G_DEFINE_FINAL_TYPE (AimakActivityEditor, aimak_activity_editor, GTK_TYPE_WIDGET)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_problems (AimakActivityEditor *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static void
replace_str (char       **dst,
             const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dst);
  *dst = copy;
}

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
toast (AimakActivityEditor *self,
       const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (AIMAK_IS_WINDOW (root))
    aimak_window_add_toast (AIMAK_WINDOW (root), adw_toast_new (message));
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                    */

static gboolean
save_now (AimakActivityEditor  *self,
          GError              **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean created;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->current == NULL || !self->dirty || self->db == NULL)
    return TRUE;
  if (self->read_only)
    {
      g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY,
                           _("The database is read-only: changes cannot be saved."));
      return FALSE;
    }

  problems = aimak_activity_validate (self->current);
  if (problems->len > 0 || g_hash_table_size (self->parse_errors) > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The activity has problems and was not saved."));
      GHashTableIter iter;
      gpointer key, value;

      update_problems (self);
      /* Each problem by name, for the question on close. */
      g_hash_table_iter_init (&iter, self->problem_texts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_string_append_printf (text, "\n• %s", (char *) value);
      g_set_error_literal (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID, text->str);
      return FALSE;
    }

  created = self->current->id == NULL;
  if (created || self->burst_break)
    self->burst = 0;
  if (created ? !aimak_activity_create (self->db, self->current, &local_error)
              : !aimak_activity_update_burst (self->db, self->current, &self->burst,
                                              &local_error))
    {
      gtk_label_set_text (self->state_label, local_error->message);
      toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->dirty = FALSE;
  if (self->burst_break)
    self->burst = 0;
  self->burst_break = FALSE;
  update_problems (self);
  if (!self->disposing)
    g_signal_emit (self, signals[SAVED], 0, self->current->id, created);
  return TRUE;
}

static gboolean
save_timeout (gpointer data)
{
  AimakActivityEditor *self = data;

  self->save_id = 0;
  save_now (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Called after every change to "current". */
static void
changed (AimakActivityEditor *self)
{
  if (self->filling || self->current == NULL)
    return;
  self->dirty = TRUE;
  self->touched = TRUE;
  update_problems (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (AIMAK_ACTIVITY_EDITOR_DELAY_MS, save_timeout, self);
}

gboolean
aimak_activity_editor_flush (AimakActivityEditor  *self,
                             GError              **error)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);
  return save_now (self, error);
}

gboolean
aimak_activity_editor_has_unsaved (AimakActivityEditor *self)
{
  return self->current != NULL && self->dirty;
}

/* ------------------------------------------------------------------------ */
/* Problems                                                                  */

static GtkWidget *
field_row (AimakActivityEditor *self,
           const char          *field)
{
  if (g_str_equal (field, "date"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (field, "type"))
    return GTK_WIDGET (self->type_row);
  if (g_str_equal (field, "area_code"))
    return GTK_WIDGET (self->area_row);
  if (g_str_equal (field, "pre_score"))
    return GTK_WIDGET (self->pre_row);
  if (g_str_equal (field, "post_score"))
    return GTK_WIDGET (self->post_row);
  if (g_str_equal (field, "topic"))
    return GTK_WIDGET (self->topic_row);
  if (g_str_equal (field, "facilitator"))
    return GTK_WIDGET (self->facilitator_row);
  return g_hash_table_lookup (self->spins, field);
}

/* The widget that takes the focus for @field: a count for "participants". */
static GtkWidget *
focus_widget (AimakActivityEditor *self,
              const char          *field)
{
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
                  const char          *field,
                  const char          *message)
{
  const char *old = g_hash_table_lookup (self->problem_texts, field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  g_hash_table_insert (self->problem_texts, g_strdup (field),
                       old ? g_strconcat (old, "\n", message, NULL) : g_strdup (message));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), aimak_activity_field_label (field));
  gtk_widget_add_css_class (icon, "problem-icon");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problem_rows, row);
}

static void
on_problem_activated (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      AimakActivityEditor *self)
{
  g_autofree char *field = g_strdup (g_object_get_data (G_OBJECT (row), "field"));

  gtk_popover_popdown (self->problems_popover);
  aimak_activity_editor_reveal_field (self, field);
}

static void
update_state (AimakActivityEditor *self)
{
  const char *text;

  if (self->current == NULL)
    return;
  if (self->read_only)
    text = _("The database is read-only: this activity cannot be changed.");
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

static void
update_totals (AimakActivityEditor *self)
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
update_problems (AimakActivityEditor *self)
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
      add_problem_text (self, key, value);
      self->n_problems++;
    }
  problems = aimak_activity_validate (self->current);
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);

      if (g_hash_table_contains (self->parse_errors, p->field))
        continue;
      add_problem_text (self, p->field, p->message);
      self->n_problems++;
    }

  /* Each field: its icon, its error style, its accessible description. */
  g_hash_table_iter_init (&iter, self->problem_icons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (self->problem_texts, key);
      GtkWidget *row = field_row (self, key);

      aimak_field_problem_icon_show (value, text);
      if (row && text)
        gtk_widget_add_css_class (row, "error");
      else if (row)
        gtk_widget_remove_css_class (row, "error");
      if (row)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        text ? text : "", -1);
    }
  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (self->problem_texts, key);

      if (text)
        gtk_widget_add_css_class (value, "error");
      else
        gtk_widget_remove_css_class (value, "error");
      gtk_widget_set_tooltip_text (value, text ? text : g_object_get_data (value, "a11y"));
    }

  aimak_field_problem_show_count (GTK_WIDGET (self->problems_button), self->problems_content,
                                  self->n_problems);
  update_totals (self);
  update_state (self);
}

/* ------------------------------------------------------------------------ */
/* Filling the widgets                                                       */

static void
clear_priority_rows (AimakActivityEditor *self)
{
  for (guint i = 0; i < self->priority_rows->len; i++)
    adw_expander_row_remove (self->priorities_row, g_ptr_array_index (self->priority_rows, i));
  g_ptr_array_set_size (self->priority_rows, 0);
  g_hash_table_remove_all (self->priority_checks);
}

static void on_priority_toggled (GtkCheckButton      *check,
                                 AimakActivityEditor *self);

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

static void
update_area_row (AimakActivityEditor *self)
{
  g_autofree char *label = area_label (self->db, self->current ? self->current->area_code : NULL);

  adw_action_row_set_subtitle (self->area_row, label);
  gtk_widget_set_visible (GTK_WIDGET (self->area_button),
                          self->current && self->selected_area &&
                          g_strcmp0 (self->selected_area, self->current->area_code) != 0);
}

static void
fill (AimakActivityEditor *self)
{
  AimakActivity *a = self->current;
  g_autofree char *shown_date = NULL;
  g_autofree char *pre = NULL;
  g_autofree char *post = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint type_index = GTK_INVALID_LIST_POSITION;

  if (a == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->filling++;
  g_hash_table_remove_all (self->parse_errors);
  update_area_row (self);
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
  for (guint i = 0; self->type_codes && i < self->type_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->type_codes, i), a->type) == 0)
      type_index = i;
  adw_combo_row_set_selected (self->type_row, type_index);
  set_editable_text (GTK_EDITABLE (self->topic_row), a->topic);
  set_editable_text (GTK_EDITABLE (self->facilitator_row), a->facilitator);
  pre = format_score (a->pre_score);
  post = format_score (a->post_score);
  set_editable_text (GTK_EDITABLE (self->pre_row), pre);
  set_editable_text (GTK_EDITABLE (self->post_row), post);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            a->notes ? a->notes : "", -1);

  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = key;
      gboolean women = g_str_has_prefix (field, "women.");
      const char *role = strchr (field, '.') + 1;
      int n = women ? aimak_activity_get_women (a, role) : aimak_activity_get_men (a, role);

      gtk_spin_button_set_value (value, MAX (n, 0));
    }
  fill_priorities (self);
  self->filling--;

  gtk_stack_set_visible_child_name (self->stack, "editor");
  update_problems (self);
}

gboolean
aimak_activity_editor_load (AimakActivityEditor  *self,
                            const char           *id,
                            GError              **error)
{
  g_autoptr(AimakActivity) a = NULL;

  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (id != NULL)
    {
      a = aimak_activity_load (self->db, id, error);
      if (a == NULL)
        return FALSE;
    }
  g_clear_pointer (&self->current, aimak_activity_free);
  self->current = g_steal_pointer (&a);
  self->dirty = FALSE;
  self->touched = FALSE;
  self->burst = 0;
  fill (self);
  return TRUE;
}

void
aimak_activity_editor_new_activity (AimakActivityEditor *self,
                                    const char          *area_code)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->current, aimak_activity_free);
  self->current = aimak_activity_new (area_code);
  if (self->type_codes && self->type_codes->len > 0)
    replace_str (&self->current->type, g_ptr_array_index (self->type_codes, 0));
  self->dirty = TRUE;   /* a new activity is unsaved until it is valid */
  self->touched = FALSE;
  self->burst = 0;
  fill (self);
}

const char *
aimak_activity_editor_get_id (AimakActivityEditor *self)
{
  return self->current ? self->current->id : NULL;
}

gboolean
aimak_activity_editor_is_shown (AimakActivityEditor *self)
{
  return self->current != NULL;
}

void
aimak_activity_editor_reveal_field (AimakActivityEditor *self,
                                    const char          *field)
{
  GtkWidget *widget;

  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));
  widget = field ? focus_widget (self, field) : NULL;
  if (widget)
    aimak_field_problem_reveal (widget);
}

GtkListBox *
aimak_activity_editor_get_problem_list (AimakActivityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), NULL);
  return self->problems_list;
}

gboolean
aimak_activity_editor_save_pending (AimakActivityEditor  *self,
                                    GError              **error)
{
  g_return_val_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self), FALSE);
  /* A new activity nobody typed into is not an edit: there is nothing to keep. */
  if (self->current == NULL || !self->dirty || (self->current->id == NULL && !self->touched))
    return TRUE;
  return save_now (self, error);
}

void
aimak_activity_editor_discard (AimakActivityEditor *self)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->dirty = FALSE;
  self->touched = FALSE;
}

void
aimak_activity_editor_focus (AimakActivityEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_row));
}

/* ------------------------------------------------------------------------ */
/* Signal handlers                                                           */

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
      replace_str (&self->current->date, date);
    }
  else if (editable == GTK_EDITABLE (self->topic_row))
    replace_str (&self->current->topic, text);
  else if (editable == GTK_EDITABLE (self->facilitator_row))
    replace_str (&self->current->facilitator, text);
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
  changed (self);
}

static void
on_type_selected (AimakActivityEditor *self)
{
  guint i = adw_combo_row_get_selected (self->type_row);

  if (self->filling || self->current == NULL || self->type_codes == NULL)
    return;
  replace_str (&self->current->type, i < self->type_codes->len
                                       ? g_ptr_array_index (self->type_codes, i) : NULL);
  self->burst_break = TRUE;
  changed (self);
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
  replace_str (&self->current->area_code, self->selected_area);
  /* Links to priorities of the old area would point elsewhere now. */
  g_ptr_array_set_size (self->current->priorities, 0);
  self->filling++;
  update_area_row (self);
  fill_priorities (self);
  self->filling--;
  self->burst_break = TRUE;
  changed (self);
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
  changed (self);
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
          changed (self);
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
  changed (self);
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
  changed (self);
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
  changed (self);
}

/* ------------------------------------------------------------------------ */
/* Database and code lists                                                   */

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

/* Leaving a typed field ends its burst: what waits for its pause is saved now
 * (as part of the burst, when it can be), later typing there is a new entry. */
static void
on_field_focus_leave (GtkEventControllerFocus *controller,
                      AimakActivityEditor     *self)
{
  if (self->save_id && self->current && self->current->id)
    save_now (self, NULL);
  self->burst = 0;
}

static void
watch_focus (AimakActivityEditor *self,
             GtkWidget           *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
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
  watch_focus (self, spin);
  g_hash_table_insert (self->spins, g_steal_pointer (&field), spin);
  return spin;
}

static void
load_roles (AimakActivityEditor *self)
{
  g_autoptr(AimakStmt) st = NULL;

  clear_roles (self);
  if (self->db == NULL)
    return;
  st = aimak_db_prepare (self->db, NULL,
                         "SELECT code, aimak_name (name_en, name_ru, name_ky) FROM role "
                         "ORDER BY sort, code", NULL);
  while (st && aimak_stmt_next (st, NULL))
    {
      const char *code = aimak_stmt_text (st, 0);
      const char *name = aimak_stmt_text (st, 1);
      GtkWidget *row = adw_action_row_new ();

      g_object_set_data_full (G_OBJECT (row), "role", g_strdup (code), g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_spin (self, code, name, TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_spin (self, code, name, FALSE));
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
  self->totals_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->totals_row), _("Total"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self->totals_row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->totals_row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->totals_row), "—");
  adw_preferences_group_add (self->participants_group, self->totals_row);
  update_totals (self);
}

static void
load_types (AimakActivityEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(AimakStmt) st = NULL;

  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  self->type_codes = g_ptr_array_new_with_free_func (g_free);
  if (self->db)
    st = aimak_db_prepare (self->db, NULL,
                           "SELECT code, aimak_name (name_en, name_ru, name_ky) "
                           "FROM activity_type ORDER BY sort, code", NULL);
  while (st && aimak_stmt_next (st, NULL))
    {
      g_ptr_array_add (self->type_codes, g_strdup (aimak_stmt_text (st, 0)));
      gtk_string_list_append (names, aimak_stmt_text (st, 1));
    }
  self->filling++;
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  self->filling--;
}

void
aimak_activity_editor_set_db (AimakActivityEditor *self,
                              AimakDb             *db)
{
  g_return_if_fail (AIMAK_IS_ACTIVITY_EDITOR (self));

  if (self->db == db)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->current, aimak_activity_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  self->db = db ? aimak_db_ref (db) : NULL;
  load_types (self);
  load_roles (self);
  fill (self);
}

void
aimak_activity_editor_set_read_only (AimakActivityEditor *self,
                                     gboolean             read_only)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->basics_group), GTK_WIDGET (self->participants_group),
    GTK_WIDGET (self->scores_group), GTK_WIDGET (self->priorities_row),
    GTK_WIDGET (self->notes_view), GTK_WIDGET (self->delete_button),
  };

  self->read_only = read_only;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], !read_only);
  update_state (self);
}

void
aimak_activity_editor_set_selected_area (AimakActivityEditor *self,
                                         const char          *area_code)
{
  replace_str (&self->selected_area, area_code);
  if (self->current)
    update_area_row (self);
}

/* ------------------------------------------------------------------------ */
/* For tests                                                                 */

GtkWidget *
aimak_activity_editor_get_field_widget (AimakActivityEditor *self,
                                        const char          *field)
{
  if (g_strcmp0 (field, "topic") == 0)
    return GTK_WIDGET (self->topic_row);
  if (g_strcmp0 (field, "facilitator") == 0)
    return GTK_WIDGET (self->facilitator_row);
  if (g_strcmp0 (field, "notes") == 0)
    return GTK_WIDGET (self->notes_view);
  if (g_strcmp0 (field, "area_code") == 0)
    return GTK_WIDGET (self->area_button);
  return field_row (self, field);
}

GtkSpinButton *
aimak_activity_editor_get_count_spin (AimakActivityEditor *self,
                                      const char          *role_code,
                                      gboolean             women)
{
  g_autofree char *field = g_strconcat (women ? "women." : "men.", role_code, NULL);

  return g_hash_table_lookup (self->spins, field);
}

GtkCheckButton *
aimak_activity_editor_get_priority_check (AimakActivityEditor *self,
                                          const char          *id)
{
  return g_hash_table_lookup (self->priority_checks, id);
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

const char *
aimak_activity_editor_get_state_text (AimakActivityEditor *self)
{
  return gtk_label_get_text (self->state_label);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
aimak_activity_editor_dispose (GObject *object)
{
  AimakActivityEditor *self = AIMAK_ACTIVITY_EDITOR (object);

  /* A pending valid change is written rather than lost when the window closes. */
  self->disposing = TRUE;
  if (self->dirty && self->current && self->current->id && !self->read_only)
    save_now (self, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_ACTIVITY_EDITOR);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (aimak_activity_editor_parent_class)->dispose (object);
}

static void
aimak_activity_editor_finalize (GObject *object)
{
  AimakActivityEditor *self = AIMAK_ACTIVITY_EDITOR (object);

  g_clear_pointer (&self->current, aimak_activity_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->priority_rows, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_pointer (&self->priority_checks, g_hash_table_unref);
  g_clear_pointer (&self->parse_errors, g_hash_table_unref);
  g_clear_pointer (&self->problem_icons, g_hash_table_unref);
  g_clear_pointer (&self->problem_texts, g_hash_table_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_free (self->selected_area);
  G_OBJECT_CLASS (aimak_activity_editor_parent_class)->finalize (object);
}

static void
aimak_activity_editor_class_init (AimakActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_activity_editor_dispose;
  object_class->finalize = aimak_activity_editor_finalize;

  /* SAVED (id, created): after each successful write. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                 G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, prefs_page);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, problems_button);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, problems_popover);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, problems_list);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, problems_content);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, participants_header);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, basics_group);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, area_button);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, scores_group);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, pre_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, post_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, priorities_row);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AimakActivityEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_area_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_activity_editor_init (AimakActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_rows = g_ptr_array_new ();
  self->priority_rows = g_ptr_array_new ();
  self->spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->priority_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->problem_icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problem_rows = g_ptr_array_new ();
  watch_focus (self, GTK_WIDGET (self->date_row));
  watch_focus (self, GTK_WIDGET (self->topic_row));
  watch_focus (self, GTK_WIDGET (self->facilitator_row));
  watch_focus (self, GTK_WIDGET (self->pre_row));
  watch_focus (self, GTK_WIDGET (self->post_row));
  watch_focus (self, GTK_WIDGET (self->notes_view));
  attach_problem_icon (self, "area_code", GTK_WIDGET (self->area_row));
  attach_problem_icon (self, "date", GTK_WIDGET (self->date_row));
  attach_problem_icon (self, "type", GTK_WIDGET (self->type_row));
  attach_problem_icon (self, "topic", GTK_WIDGET (self->topic_row));
  attach_problem_icon (self, "pre_score", GTK_WIDGET (self->pre_row));
  attach_problem_icon (self, "post_score", GTK_WIDGET (self->post_row));
  /* "At least one participant" belongs to the group: beside its Women/Men heading. */
  attach_problem_icon (self, "participants", GTK_WIDGET (self->participants_header));

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);
  update_totals (self);
}

GtkWidget *
aimak_activity_editor_new (void)
{
  return g_object_new (AIMAK_TYPE_ACTIVITY_EDITOR, NULL);
}
