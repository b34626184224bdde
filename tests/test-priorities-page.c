/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-priorities-page.c — the Priorities view through its real widgets: a
 * priority is created in Barskoon, filled in the editor, held in draft by the
 * marker-2 rules until they are met, found by filters and search, moved,
 * deleted and restored from the toast. Every step is checked in the list, in
 * what the widgets show, and in the database.
 *
 * /priorities/screenshot draws example priorities of Barskoon only when asked:
 *   AIMAK_SCREENSHOT=file.png        where to save it (else the test is skipped)
 *   AIMAK_SCREENSHOT_ROOT=1          grab the X screen instead of rendering the window
 *   AIMAK_SCREENSHOT_SCROLL=0.5      scroll the editor down by that fraction
 *   AIMAK_SCREENSHOT_REFUSED=1       show a refused status change with its problems
 *   AIMAK_SCREENSHOT_WIDTH=640       a narrow window (the editor as a page)
 *   AIMAK_SCREENSHOT_AREA=CODE       another area (e.g. an empty one)
 *   AIMAK_SCREENSHOT_LANGUAGE=ru     names from the data (areas, code lists) in that language
 * ADW_DEBUG_COLOR_SCHEME=prefer-dark gives the dark variant. */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "aimak-marker-badge.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor.h"
#include "aimak-priorities-page.h"
#include "aimak-priority-editor-private.h"
#include "aimak-priority-indicator-row.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"
/* The widgets of the page and of its editor, by name. */
#define FIELD(name) aimak_priority_editor_get_field_widget (editor, name)
#define WIDGET(name) aimak_priorities_page_get_widget (page, name)

static gboolean
is_drawn_button (GtkWidget     *widget,
                 gconstpointer  label)
{
  return aimak_test_is_button (widget, label) && gtk_widget_is_drawable (widget);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return aimak_test_find (root, is_drawn_button, label);
}

/* Activates the shortcut of @widget (its class bindings or its own
 * controllers) that @keyval + @mods trigger, as a key press would. */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          gboolean match = gtk_shortcut_trigger_equal (trigger, wanted);

          if (!match && GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            match = gtk_shortcut_trigger_equal (
                      gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                      wanted) ||
                    gtk_shortcut_trigger_equal (
                      gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                      wanted);
          if (match)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return g_steal_pointer (&column);
    }
  g_assert_not_reached ();
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static guint
n_rows (AimakPrioritiesPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (aimak_priorities_page_get_selection (page)));
}

static char *
row_title (AimakPrioritiesPage *page,
           guint                i)
{
  g_autoptr(AimakPriorityRow) row = aimak_priorities_page_get_row (page, i);

  return g_strdup (aimak_priority_row_get_title (row));
}

/* Selects @code in an AdwComboRow or GtkDropDown whose items are @codes (with
 * @offset leading "all"/"none" items). */
static guint
index_of (const char * const *codes,
          const char         *code)
{
  for (guint i = 0; codes[i]; i++)
    if (g_str_equal (codes[i], code))
      return i;
  g_assert_not_reached ();
}

static const char * const statuses[] = {
  "draft", "proposed", "approved", "in_progress", "completed", "rejected", NULL
};

static AimakPriority *
load (AimakDb    *db,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  AimakPriority *p = aimak_priority_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static char *
new_priority (AimakPrioritiesPage *page,
              AimakPriorityEditor *editor)
{
  GtkWidget *button = WIDGET ("new-button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
  g_assert_nonnull (aimak_priority_editor_get_id (editor));
  return g_strdup (aimak_priority_editor_get_id (editor));
}

/* The flow through the Priorities view, one case per stage so that the first failure
 * does not hide the rest: each case starts from the state the stages before it leave,
 * made with the core API before the window opens, in Barskoon, with the view open. */
typedef struct
{
  AimakTestDb          base;
  AimakWindow         *window;
  AimakPrioritiesPage *page;
  AimakPriorityEditor *editor;
  char                *id, *id2, *id3, *copy_id;  /* the priorities the stage starts with */
} Flow;

typedef enum
{
  FLOW_EMPTY,        /* no priority */
  FLOW_TYPED,        /* "Jobs for returning women" typed in, a draft, open */
  FLOW_PROPOSED,     /* the same, proposed with marker 2 and all it needs, open */
  FLOW_THREE,        /* and two more: "Drinking water…" and "Remittance…" */
  FLOW_COPIED,       /* and a draft copy of the first, open */
} FlowStage;

static char *
flow_create (AimakDb       *db,
             AimakPriority *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_priority_create (db, p, &error));
  g_assert_no_error (error);
  return g_strdup (p->id);
}

static void
flow_set_text (char       **field,
               const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The records the stages before @stage leave, as the editor saved them. */
static void
flow_make_state (Flow      *f,
                 FlowStage  stage)
{
  AimakDb *db = f->base.db;

  if (stage >= FLOW_TYPED)
    {
      g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

      flow_set_text (&p->title, "Jobs for returning women");
      flow_set_text (&p->problem,
                     "Women who come back from Russia find no paid work in the village.");
      flow_set_text (&p->description,
                     "Vocational courses in sewing and greenhouse farming, with childcare.");
      if (stage >= FLOW_PROPOSED)
        {
          AimakPriorityIndicator *ind = aimak_priority_indicator_new ("Returnees in paid work",
                                                                      "persons");

          p->gender_marker = 2;
          flow_set_text (&p->status, "proposed");
          g_ptr_array_add (p->target_groups, g_strdup ("returning_women_migrants"));
          aimak_priority_set_answer (p, "women_consulted", "yes");
          flow_set_text (&p->marker_justification,
                         "The priority exists for women returnees; they chose it at the hearing.");
          ind->baseline_f = 4;
          ind->baseline_m = 11;
          ind->target_f = 40;
          ind->target_m = 40;
          g_ptr_array_add (p->indicators, ind);
        }
      f->id = flow_create (db, p);
    }
  if (stage >= FLOW_THREE)
    {
      g_autoptr(AimakPriority) p2 = aimak_priority_new (BARSKOON);
      g_autoptr(AimakPriority) p3 = aimak_priority_new (BARSKOON);

      flow_set_text (&p2->title, "Drinking water for the upper village");
      flow_set_text (&p2->description, "A new pipeline from the spring to the school.");
      g_ptr_array_add (p2->target_groups, g_strdup ("elderly_left_behind"));
      f->id2 = flow_create (db, p2);
      flow_set_text (&p3->title, "Remittance savings groups");
      p3->gender_marker = 1;
      f->id3 = flow_create (db, p3);
    }
  if (stage >= FLOW_COPIED)
    {
      g_autoptr(GError) error = NULL;

      f->copy_id = aimak_priority_duplicate (db, f->id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (f->copy_id);
    }
}

static void
flow_set_up (Flow          *f,
             gconstpointer  data)
{
  FlowStage stage = GPOINTER_TO_INT (data);
  const char *open_id;

  aimak_test_db_set_up (&f->base, NULL);
  flow_make_state (f, stage);
  f->window = aimak_window_new (NULL, f->base.db);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (f->window, BARSKOON));
  aimak_window_show_view (f->window, "priorities");
  aimak_test_iterate ();
  f->page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (f->window, "priorities"));
  f->editor = aimak_priorities_page_get_editor (f->page);
  /* The view lists what is chosen on it, not the Areas view's selection. */
  g_assert_null (aimak_priorities_page_get_scope (f->page));
  aimak_priorities_page_set_scope (f->page, BARSKOON);
  aimak_test_iterate ();
  open_id = f->copy_id ? f->copy_id : f->id;
  if (open_id != NULL)
    {
      g_assert_true (aimak_priorities_page_select_id (f->page, open_id));
      aimak_test_iterate ();
      g_assert_cmpstr (aimak_priority_editor_get_id (f->editor), ==, open_id);
    }
}

static void
flow_tear_down (Flow          *f,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  g_free (f->id);
  g_free (f->id2);
  g_free (f->id3);
  g_free (f->copy_id);
  aimak_test_db_tear_down (&f->base, NULL);
}

/* A new priority from the empty state; typing saves after a pause; Ctrl+Z. */
static void
test_flow_new_and_type (Flow          *f,
                        gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakPrioritiesPage *page = f->page;
  AimakPriorityEditor *editor = f->editor;
  g_autofree char *id = NULL;

  /* An area without priorities shows the empty state with its button. */
  g_assert_cmpstr (aimak_priorities_page_get_list_state (page), ==, "empty");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "No Priorities in Barskoon"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Add Priority"));
  g_assert_cmpstr (aimak_priorities_page_get_count_text (page), ==, "0 of 0 priorities");

  /* New priority with the "+" button, in the selected area, open in the editor. */
  id = new_priority (page, editor);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (aimak_priorities_page_get_list_state (page), ==, "list");
  g_assert_cmpstr (aimak_priorities_page_get_selected_id (page), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (
                      GTK_COLUMN_VIEW (WIDGET ("column-view")))), ==, 7);
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->area_code, ==, BARSKOON);
    g_assert_cmpint (p->rank, ==, 1);
    g_assert_cmpstr (p->status, ==, "draft");
  }
  /* An empty title is a problem shown inline and in the summary. */
  g_assert_cmpstr (aimak_priority_editor_get_inline_problem (editor, "title"), ==,
                   "Title is required.");
  g_assert_true (gtk_widget_has_css_class (FIELD ("title"),
                                           "error"));

  /* Typing: saved after the pause, one field at a time. */
  gtk_widget_grab_focus (FIELD ("title"));
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("title")),
                         "Jobs for returning women");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  /* The list follows the save without taking the keyboard away. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), FIELD ("title")));
  set_text_view (FIELD ("problem"),
                 "Women who come back from Russia find no paid work in the village.");
  set_text_view (FIELD ("description"),
                 "Vocational courses in sewing and greenhouse farming, with childcare.");
  {
    /* Not yet written: the description waits for its pause. */
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->title, ==, "Jobs for returning women");
    g_assert_cmpstr (p->description, ==, "");
  }
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->title, ==, "Jobs for returning women");
    g_assert_cmpstr (p->problem, ==,
                     "Women who come back from Russia find no paid work in the village.");
    g_assert_cmpstr (p->description, ==,
                     "Vocational courses in sewing and greenhouse farming, with childcare.");
  }
  g_assert_null (aimak_priority_editor_get_inline_problem (editor, "title"));
  {
    g_autofree char *t = row_title (page, 0);
    g_assert_cmpstr (t, ==, "Jobs for returning women");
  }
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Jobs for returning women"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "1. Jobs for returning women"));
  g_assert_cmpstr (aimak_priority_editor_get_history_title (editor, 0), ==,
                   "Description: — → Vocational courses in sewing and greenhouse farming, "
                   "with childcare.");

  /* Ctrl+Z in the editor takes back the last field and saves. */
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->description, ==, "");
    g_assert_cmpstr (p->problem, ==,
                     "Women who come back from Russia find no paid work in the village.");
  }
  set_text_view (FIELD ("description"),
                 "Vocational courses in sewing and greenhouse farming, with childcare.");
  g_assert_true (aimak_priority_editor_flush (editor));
}

/* Marker 2 holds the priority in draft until its rules are met. */
static void
test_flow_marker_rules (Flow          *f,
                        gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakPriorityEditor *editor = f->editor;
  const char *id = f->id;
  GtkWidget *status_row, *marker_row;
  AimakPriorityIndicatorRow *ind_row;

  /* Marker 2, then "proposed": refused while the marker-2 rules are not met. */
  marker_row = FIELD ("gender_marker");
  status_row = FIELD ("status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (marker_row), 2);
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpint (p->gender_marker, ==, 2);
  }
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "2 Principal"));
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "target_groups"));
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "checklist"));
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "indicators"));
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "marker_justification"));
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 4);
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "4 Problems"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), index_of (statuses, "proposed"));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->status, ==, "draft");
    g_assert_cmpint (p->gender_marker, ==, 2);
  }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==,
                    index_of (statuses, "draft"));
  g_assert_nonnull (aimak_priority_editor_get_refusal (editor));
  g_assert_true (g_str_has_prefix (aimak_priority_editor_get_refusal (editor),
                                   "The priority cannot be “Proposed for public hearing”"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), aimak_priority_editor_get_refusal (editor)));

  /* A target group: still refused. */
  gtk_check_button_set_active (aimak_priority_editor_get_check (editor, "target_groups",
                                                                "returning_women_migrants"),
                               TRUE);
  aimak_test_iterate ();
  g_assert_null (aimak_priority_editor_get_inline_problem (editor, "target_groups"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), index_of (statuses, "proposed"));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->status, ==, "draft");
    g_assert_cmpuint (p->target_groups->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (p->target_groups, 0), ==, "returning_women_migrants");
  }

  /* The checklist answer, the justification and an indicator by sex. */
  gtk_toggle_button_set_active (aimak_priority_editor_get_answer_button (editor, "women_consulted",
                                                                         "yes"), TRUE);
  aimak_test_iterate ();
  g_assert_null (aimak_priority_editor_get_inline_problem (editor, "checklist"));
  set_text_view (FIELD ("marker_justification"),
                 "The priority exists for women returnees; they chose it at the hearing.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-indicator", NULL);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_priority_editor_get_n_indicators (editor), ==, 1);
  ind_row = AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_editor_get_indicator_row (editor, 0));
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 0),
                         "Returnees in paid work");
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 1), "persons");
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 2), "4");
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 3), "11");
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 4), "40");
  /* Still one value short: not yet enough for marker 2. */
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "indicators"));
  /* Text that is not a number is shown as a problem and not saved. */
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 5), "forty");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  g_assert_cmpstr (aimak_priority_editor_get_inline_problem (editor, "indicators"), ==,
                   "Indicator values must be numbers, for example 120 or 12.5.\n"
                   "Gender marker 2 needs an indicator with baseline and target for both "
                   "women and men.");
  gtk_editable_set_text (aimak_priority_indicator_row_get_field (ind_row, 5), "40");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 0);
  {
    g_autoptr(AimakPriority) p = load (db, id);
    AimakPriorityIndicator *ind;

    g_assert_cmpstr (p->marker_justification, ==,
                     "The priority exists for women returnees; they chose it at the hearing.");
    g_assert_cmpstr (aimak_priority_get_answer (p, "women_consulted"), ==, "yes");
    g_assert_cmpuint (p->indicators->len, ==, 1);
    ind = g_ptr_array_index (p->indicators, 0);
    g_assert_cmpstr (ind->name, ==, "Returnees in paid work");
    g_assert_cmpstr (ind->unit, ==, "persons");
    g_assert_cmpfloat (ind->baseline_f, ==, 4);
    g_assert_cmpfloat (ind->baseline_m, ==, 11);
    g_assert_cmpfloat (ind->target_f, ==, 40);
    g_assert_cmpfloat (ind->target_m, ==, 40);
    g_assert_true (isnan (ind->actual_f));
  }

  /* Now "proposed" is accepted. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), index_of (statuses, "proposed"));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpstr (p->status, ==, "proposed");
  }
  g_assert_null (aimak_priority_editor_get_refusal (editor));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==,
                    index_of (statuses, "proposed"));
  g_assert_cmpstr (aimak_priority_editor_get_history_title (editor, 0), ==,
                   "Status: Draft → Proposed for public hearing");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Proposed for public hearing"));
}

/* Two more priorities through the editor, then the filters, search and sorting. */
static void
test_flow_filters (Flow          *f,
                   gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakPrioritiesPage *page = f->page;
  AimakPriorityEditor *editor = f->editor;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;

  /* Two more priorities for the filters. */
  id2 = new_priority (page, editor);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("title")),
                         "Drinking water for the upper village");
  set_text_view (FIELD ("description"),
                 "A new pipeline from the spring to the school.");
  gtk_check_button_set_active (aimak_priority_editor_get_check (editor, "target_groups",
                                                                "elderly_left_behind"), TRUE);
  aimak_test_iterate ();
  id3 = new_priority (page, editor);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("title")),
                         "Remittance savings groups");
  adw_combo_row_set_selected (ADW_COMBO_ROW (FIELD ("gender_marker")),
                              1);
  g_assert_true (aimak_priority_editor_flush (editor));
  aimak_test_wait_ms (50);
  g_assert_cmpuint (n_rows (page), ==, 3);
  g_assert_cmpstr (aimak_priorities_page_get_count_text (page), ==, "3 of 3 priorities");
  {
    g_autoptr(AimakPriority) p2 = load (db, id2);
    g_autoptr(AimakPriority) p3 = load (db, id3);
    g_assert_cmpstr (p2->title, ==, "Drinking water for the upper village");
    g_assert_cmpint (p2->rank, ==, 2);
    g_assert_cmpint (p3->rank, ==, 3);
    g_assert_cmpint (p3->gender_marker, ==, 1);
  }

  /* Filter by marker: "2 Principal" is item 3 after "All Markers". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIDGET ("marker")), 3);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autofree char *t = row_title (page, 0);
    g_assert_cmpstr (t, ==, "Jobs for returning women");
  }
  g_assert_cmpstr (aimak_priorities_page_get_count_text (page), ==, "1 of 3 priorities");
  /* The cells on screen follow the rows. */
  g_assert_nonnull (aimak_test_find_label (WIDGET ("column-view"), "Jobs for returning women"));
  g_assert_null (aimak_test_find_label (WIDGET ("column-view"), "Drinking water for the upper village"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIDGET ("marker")), 2);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autofree char *t = row_title (page, 0);
    g_assert_cmpstr (t, ==, "Remittance savings groups");
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIDGET ("marker")), 0);

  /* Filter by target group: "Elderly people left behind" is the 5th group. */
  {
    GtkDropDown *groups = GTK_DROP_DOWN (WIDGET ("target-group"));
    GListModel *items = gtk_drop_down_get_model (groups);
    guint elderly = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(AimakCodeItem) s = g_list_model_get_item (items, i);
        if (g_str_equal (aimak_code_item_get_name (s), "Elderly people left behind"))
          elderly = i;
      }
    g_assert_cmpuint (elderly, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (groups, elderly);
    aimak_test_iterate ();
    g_assert_cmpuint (n_rows (page), ==, 1);
    g_assert_nonnull (aimak_test_find_label (WIDGET ("column-view"), "Drinking water for the upper village"));
    g_assert_null (aimak_test_find_label (WIDGET ("column-view"), "Jobs for returning women"));
    {
      g_autofree char *t = row_title (page, 0);
      g_assert_cmpstr (t, ==, "Drinking water for the upper village");
    }
    gtk_drop_down_set_selected (groups, 0);
    aimak_test_iterate ();
    g_assert_cmpuint (n_rows (page), ==, 3);
  }

  /* Search by a word of the description (Ctrl+F goes to the search entry). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_is_focus (WIDGET ("search")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         WIDGET ("search")));
  gtk_editable_set_text (GTK_EDITABLE (WIDGET ("search")),
                         "greenhouse");
  aimak_test_wait_ms (400);
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autofree char *t = row_title (page, 0);
    g_assert_cmpstr (t, ==, "Jobs for returning women");
  }
  gtk_editable_set_text (GTK_EDITABLE (WIDGET ("search")),
                         "volcano");
  aimak_test_wait_ms (400);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (aimak_priorities_page_get_list_state (page), ==, "no-match");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "No Matching Priorities"));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.clear-filters", NULL);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* Sorting by a column header re-queries the model in that order. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (WIDGET ("column-view"));
    g_autoptr(GtkColumnViewColumn) title_column = find_column (view, "Title");
    g_autoptr(GtkColumnViewColumn) rank_column = find_column (view, "Rank");
    g_autofree char *first = NULL;
    g_autofree char *last = NULL;

    gtk_column_view_sort_by_column (view, title_column, GTK_SORT_ASCENDING);
    aimak_test_iterate ();
    first = row_title (page, 0);
    g_assert_cmpstr (first, ==, "Drinking water for the upper village");
    gtk_column_view_sort_by_column (view, title_column, GTK_SORT_DESCENDING);
    aimak_test_iterate ();
    g_free (first);
    first = row_title (page, 0);
    g_assert_cmpstr (first, ==, "Remittance savings groups");
    gtk_column_view_sort_by_column (view, rank_column, GTK_SORT_ASCENDING);
    aimak_test_iterate ();
    last = row_title (page, 2);
    g_assert_cmpstr (last, ==, "Remittance savings groups");
  }
}

/* Moving by rank with Alt+arrows, deleting with Undo, duplicating. */
static void
test_flow_move_delete (Flow          *f,
                       gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakPrioritiesPage *page = f->page;
  AimakPriorityEditor *editor = f->editor;
  const char *id = f->id;
  const char *id2 = f->id2;

  /* Alt+Down moves the open priority down one rank. */
  g_assert_true (aimak_priorities_page_select_id (page, id));
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_priority_editor_get_id (editor), ==, id);
  g_assert_true (press_shortcut (GTK_WIDGET (page), GDK_KEY_Down, GDK_ALT_MASK));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_autoptr(AimakPriority) p2 = load (db, id2);
    g_autofree char *t0 = row_title (page, 0);
    g_autofree char *t1 = row_title (page, 1);

    g_assert_cmpint (p->rank, ==, 2);
    g_assert_cmpint (p2->rank, ==, 1);
    g_assert_cmpstr (t0, ==, "Drinking water for the upper village");
    g_assert_cmpstr (t1, ==, "Jobs for returning women");
  }
  g_assert_cmpstr (aimak_priorities_page_get_selected_id (page), ==, id);
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "2. Jobs for returning women"));
  g_assert_true (press_shortcut (GTK_WIDGET (page), GDK_KEY_Up, GDK_ALT_MASK));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_cmpint (p->rank, ==, 1);
  }

  /* Delete (the Delete key of the list), then Undo in the toast. */
  g_assert_true (press_shortcut (WIDGET ("column-view"),
                                 GDK_KEY_Delete, 0));
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_cmpstr (aimak_priorities_page_get_count_text (page), ==, "2 of 2 priorities");
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_autoptr(AimakPriority) p2 = load (db, id2);
    g_assert_nonnull (p->deleted_at);
    g_assert_cmpint (p2->rank, ==, 1);
  }
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Priority deleted"));
  {
    GtkWidget *undo = find_button (GTK_WIDGET (window), "_Undo");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 3);
  {
    g_autoptr(AimakPriority) p = load (db, id);
    g_assert_null (p->deleted_at);
    g_assert_cmpint (p->rank, ==, 1);
    g_assert_cmpstr (p->status, ==, "proposed");
  }
  g_assert_cmpstr (aimak_priority_editor_get_id (editor), ==, id);
  g_assert_cmpstr (aimak_priorities_page_get_selected_id (page), ==, id);

  /* Duplicate from the menu: a draft copy right after the original. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.duplicate", NULL);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 4);
  {
    const AimakPriority *copy = aimak_priority_editor_get_priority (editor);
    g_assert_cmpstr (copy->id, !=, id);
    g_assert_cmpstr (copy->title, ==, "Jobs for returning women (copy)");
    g_assert_cmpstr (copy->status, ==, "draft");
    g_assert_cmpint (copy->rank, ==, 2);
  }
}

/* The selected area against "all areas", and moving the open copy to another area. */
static void
test_flow_areas (Flow          *f,
                 gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakPrioritiesPage *page = f->page;
  AimakPriorityEditor *editor = f->editor;
  const char *id2 = f->id2;

  /* "All areas" vs the selected area: another area shows none of these. */
  g_assert_false (gtk_widget_get_visible (FIELD ("area_code")));
  g_assert_true (aimak_window_select_area (window, "KG03220856000"));
  aimak_test_iterate ();
  /* Choosing an area elsewhere does not change the list under the user. */
  g_assert_cmpuint (n_rows (page), ==, 4);
  aimak_priorities_page_set_scope (page, "KG03220856000");
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (aimak_priorities_page_get_list_state (page), ==, "empty");

  /* The open copy can be moved to the newly chosen area from its Area row. */
  g_assert_true (gtk_widget_get_visible (FIELD ("area_code")));
  g_signal_emit_by_name (FIELD ("area_code"), "clicked");
  aimak_test_iterate ();
  {
    const AimakPriority *copy = aimak_priority_editor_get_priority (editor);
    g_autoptr(AimakPriority) stored = load (db, copy->id);

    g_assert_cmpstr (stored->area_code, ==, "KG03220856000");
    g_assert_cmpint (stored->rank, ==, 1);
  }
  g_assert_false (gtk_widget_get_visible (FIELD ("area_code")));
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autoptr(AimakPriority) p2 = load (db, id2);
    g_assert_cmpint (p2->rank, ==, 2);   /* Barskoon's ranks closed the gap */
  }
  aimak_priorities_page_set_scope (page, NULL);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 4);
  /* Across areas the Area column is back (a single ayil aimak does not need it). */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (
                      GTK_COLUMN_VIEW (WIDGET ("column-view")))), ==, 8);
}

/* A priority being typed when the user opens another is saved first. */
static void
test_priorities_switch_saves (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = aimak_window_new (NULL, db);
  AimakPrioritiesPage *page;
  AimakPriorityEditor *editor;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_window_show_view (window, "priorities");
  aimak_test_iterate ();
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  editor = aimak_priorities_page_get_editor (page);
  g_assert_true (press_shortcut (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK));
  aimak_test_iterate ();
  a = g_strdup (aimak_priority_editor_get_id (editor));
  g_assert_nonnull (a);
  b = new_priority (page, editor);
  g_assert_true (aimak_priorities_page_select_id (page, a));
  aimak_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("title")),
                         "Typed just before switching");
  g_assert_true (aimak_priorities_page_select_id (page, b));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, a);
    g_assert_cmpstr (p->title, ==, "Typed just before switching");
  }
  /* A budget that is not a number is not saved, and says why. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("budget_kgs")),
                         "a lot");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  g_assert_cmpstr (aimak_priority_editor_get_inline_problem (editor, "budget_kgs"), ==,
                   "Enter an amount in som, for example 150000.");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("budget_kgs")),
                         "1 250 000");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  {
    g_autoptr(AimakPriority) p = load (db, b);
    g_assert_cmpfloat (p->budget_kgs, ==, 1250000);
  }
  g_assert_null (aimak_priority_editor_get_inline_problem (editor, "budget_kgs"));
  /* One grammar (issue 12): a date typed dd.mm.yyyy is stored ISO; a date typed
   * into a count is refused, not stored as 15,032,026. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("hearing_date")), "15.03.2026");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("hearing_participants_f")), "15.03.2026");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 200);
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "hearing_participants_f"));
  {
    g_autoptr(AimakPriority) p = load (db, b);
    g_assert_cmpstr (p->hearing_date, ==, "2026-03-15");
    g_assert_cmpint (p->hearing_participants_f, !=, 15032026);
  }
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("hearing_participants_f")), "");

  /* Closing the window right after typing loses nothing. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("responsible")), "Ayil okmotu social worker");
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  {
    g_autoptr(AimakPriority) p = load (db, b);
    g_assert_cmpstr (p->responsible, ==, "Ayil okmotu social worker");
  }
}

/* Without a chosen area, New explains instead of guessing an area. */
static void
test_priorities_no_area (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = aimak_window_new (NULL, db);
  AimakPrioritiesPage *page;

  gtk_window_present (GTK_WINDOW (window));
  aimak_window_show_view (window, "priorities");
  aimak_test_iterate ();
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  g_assert_null (aimak_window_get_area (window));
  g_assert_cmpstr (aimak_priorities_page_get_list_state (page), ==, "empty");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "No Priorities Yet"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Choose an Area"));
  /* The scope says what is listed: every area. */
  g_assert_null (aimak_priorities_page_get_scope (page));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (WIDGET ("scope"))), ==, 0);

  g_assert_true (press_shortcut (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK));
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM priority", NULL),
                   ==, 0);
  /* Ctrl+N offers to choose the area: a dialog, whose default opens the
   * Areas view with the caret in its search. */
  aimak_test_answer_choose_area (GTK_WIDGET (window),
                                 "Choose an area first: every priority belongs to an area");
  g_assert_cmpstr (aimak_window_get_view (window), ==, "areas");
  aimak_window_show_view (window, "priorities");
  aimak_test_iterate ();

  /* "Choose an Area" in the empty state goes to the Areas view. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (window), "_Choose an Area"), "clicked");
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_window_get_view (window), ==, "areas");

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* A read-only database: every edit control is insensitive. */
static void
test_priorities_read_only (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autoptr(AimakDb) ro = NULL;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *page;
  AimakPriorityEditor *editor;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);

    g_free (p->title);
    p->title = g_strdup ("Read-only priority");
    g_assert_true (aimak_priority_create (db, p, &error));
    g_assert_no_error (error);
    id = g_strdup (p->id);
    path = g_strdup (aimak_db_get_path (db));
  }
  ro = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = aimak_window_new (NULL, ro);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_window_show_view (window, "priorities");
  aimak_test_iterate ();
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  editor = aimak_priorities_page_get_editor (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_true (aimak_priorities_page_select_id (page, id));
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_priority_editor_get_id (editor), ==, id);
  g_assert_false (gtk_widget_is_sensitive (FIELD ("title")));
  g_assert_false (gtk_widget_is_sensitive (FIELD ("status")));
  g_assert_false (gtk_widget_is_sensitive (WIDGET ("new-button")));
  g_assert_false (press_shortcut (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK) &&
                  n_rows (page) != 1);
  aimak_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* Screenshot (only with AIMAK_SCREENSHOT=file.png): example priorities of a
 * planner in Barskoon, the list beside the editor, as the metainfo shows it. */

typedef struct
{
  const char *title;
  const char *problem;
  const char *description;
  const char *sector;
  int         marker;
  const char *status;
  double      budget;
  const char *groups[3];
} Example;

static const Example examples[] = {
  { "Paid work for women returning from migration",
    "Women who come back from Russia and Kazakhstan find no paid work in Barskoon; "
    "many leave again within a year.",
    "Sewing and greenhouse courses with a small start-up grant, held in the afternoon "
    "near the school so that mothers can attend.",
    "16020", 2, "proposed", 1850000, { "returning_women_migrants", "women_headed_households" } },
  { "Kindergarten places for working mothers",
    "The village kindergarten has 60 places for about 200 children.",
    "Open a second group in the former club building.",
    "16015", 1, "draft", 2400000, { "women_left_behind", "children_left_behind" } },
  { "Drinking water for the upper streets",
    "The upper streets get water two hours a day.",
    "A pipeline from the spring to the upper streets and the school.",
    "43040", 0, "approved", 4200000, { NULL } },
  { "Savings groups for remittance families",
    "Remittances are spent on consumption; families have no safe way to save.",
    "Village savings groups with training in budgeting and mobile transfers.",
    "24050", 1, "draft", 350000, { "migrant_households" } },
  { "Legal aid desk for migrants' documents",
    "Returnees lose months on passports, pensions and children's documents.",
    "A weekly desk with a lawyer at the ayil okmotu.",
    "15190", 1, "draft", 280000, { "returning_women_migrants", "returning_men_migrants" } },
  { "Vocational training for young people before they leave",
    "Young people migrate without a trade and take the lowest-paid jobs.",
    "Courses in welding, cooking and tourism services with the lyceum in Karakol.",
    "11330", 1, "draft", 900000, { "potential_migrants" } },
};

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  if (g_getenv ("AIMAK_SCREENSHOT_ROOT"))
    {
      /* The whole X screen as it is shown (xvfb-run -s "-screen 0 1400x900x24"). */
      g_autofree char *quoted = g_shell_quote (path);
      g_autofree char *command = g_strdup_printf ("import -window root %s", quoted);
      int status = 0;

      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      return;
    }

  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_object_unref (texture);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
}

static void
test_priorities_screenshot (void)
{
  const char *path = g_getenv ("AIMAK_SCREENSHOT");
  g_autofree char *dir = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autofree char *first = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *page;

  if (path == NULL)
    {
      g_test_skip ("set AIMAK_SCREENSHOT=file.png to take a screenshot");
      return;
    }
  dir = aimak_test_tmpdir ();
  db = aimak_test_open_db (dir);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      const Example *e = &examples[i];
      g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
      g_autoptr(GError) error = NULL;

      g_free (p->title);
      p->title = g_strdup (e->title);
      g_free (p->problem);
      p->problem = g_strdup (e->problem);
      g_free (p->description);
      p->description = g_strdup (e->description);
      p->sector_code = g_strdup (e->sector);
      p->budget_kgs = e->budget;
      p->start_year = 2026;
      p->end_year = 2027;
      p->funding_source = g_strdup (i % 2 ? "local_budget" : "donor");
      p->responsible = g_strdup ("Barskoon ayil okmotu");
      for (guint g = 0; g < G_N_ELEMENTS (e->groups) && e->groups[g]; g++)
        g_ptr_array_add (p->target_groups, g_strdup (e->groups[g]));
      p->gender_marker = e->marker;
      if (e->marker > 0)
        {
          g_free (p->marker_justification);
          p->marker_justification = g_strdup ("Women returnees named this priority at the "
                                              "community meeting of March 2026.");
        }
      if (e->marker == 2)
        {
          AimakPriorityIndicator *ind =
            aimak_priority_indicator_new ("Returnees in paid work", "persons");

          ind->baseline_f = 4;
          ind->baseline_m = 11;
          ind->target_f = 40;
          ind->target_m = 25;
          g_ptr_array_add (p->indicators, ind);
          aimak_priority_set_answer (p, "women_consulted", "yes");
          aimak_priority_set_answer (p, "sex_disaggregated_data", "yes");
          aimak_priority_set_answer (p, "indicators_by_sex", "yes");
          aimak_priority_set_answer (p, "care_access", "yes");
          aimak_priority_set_answer (p, "women_decide", "partly");
          aimak_priority_set_answer (p, "budget_benefits_women", "yes");
          aimak_priority_set_answer (p, "risks_assessed", "partly");
          g_free (p->hearing_date);
          p->hearing_date = g_strdup ("2026-03-12");
          p->hearing_participants_f = 46;
          p->hearing_participants_m = 31;
        }
      if (g_str_equal (e->status, "approved"))
        {
          g_free (p->kenesh_decision_no);
          p->kenesh_decision_no = g_strdup ("14-3");
          p->kenesh_decision_date = g_strdup ("2026-04-02");
        }
      g_free (p->status);
      p->status = g_strdup (e->status);
      g_assert_true (aimak_priority_create (db, p, &error));
      g_assert_no_error (error);
      if (first == NULL)
        first = g_strdup (p->id);
      if (i == 0)
        {
          /* A little history to show. */
          p->budget_kgs = 1650000;
          g_assert_true (aimak_priority_update (db, p, &error));
          p->budget_kgs = e->budget;
          g_assert_true (aimak_priority_update (db, p, &error));
        }
    }

  window = aimak_window_new (NULL, db);
  if (g_getenv ("AIMAK_SCREENSHOT_WIDTH"))
    gtk_window_set_default_size (GTK_WINDOW (window),
                                 atoi (g_getenv ("AIMAK_SCREENSHOT_WIDTH")), 900);
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  /* Another area shows its empty state. */
  g_assert_true (aimak_window_select_area (window, g_getenv ("AIMAK_SCREENSHOT_AREA") ?
                                                   g_getenv ("AIMAK_SCREENSHOT_AREA") : BARSKOON));
  aimak_window_show_view (window, "priorities");
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  aimak_priorities_page_select_id (page, first);
  aimak_test_wait_ms (500);
  if (g_getenv ("AIMAK_SCREENSHOT_WIDTH"))
    {
      /* Narrow: Enter on the row opens the editor as a page. */
      g_signal_emit_by_name (WIDGET ("column-view"), "activate", 0);
      aimak_test_wait_ms (500);
    }
  if (g_getenv ("AIMAK_SCREENSHOT_REFUSED"))
    {
      /* The last priority, made marker 2 and proposed: refused, with its problems. */
      AimakPriorityEditor *editor = aimak_priorities_page_get_editor (page);

      gtk_single_selection_set_selected (aimak_priorities_page_get_selection (page),
                                         G_N_ELEMENTS (examples) - 1);
      aimak_test_iterate ();
      adw_combo_row_set_selected (ADW_COMBO_ROW (FIELD ("gender_marker")), 2);
      aimak_test_iterate ();
      adw_combo_row_set_selected (ADW_COMBO_ROW (FIELD ("status")),
                                  index_of (statuses, "proposed"));
      aimak_test_wait_ms (300);
    }
  if (g_getenv ("AIMAK_SCREENSHOT_SCROLL"))
    {
      /* A fraction of the editor's height, to look at its lower groups. */
      GtkWidget *w = aimak_test_find_type (GTK_WIDGET (aimak_priorities_page_get_editor (page)),
                                           ADW_TYPE_PREFERENCES_PAGE);
      double fraction = g_ascii_strtod (g_getenv ("AIMAK_SCREENSHOT_SCROLL"), NULL);

      w = w ? aimak_test_find_type (w, GTK_TYPE_SCROLLED_WINDOW) : NULL;
      if (w)
        {
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
          gtk_adjustment_set_value (adj, fraction * gtk_adjustment_get_upper (adj));
        }
      aimak_test_wait_ms (300);
    }
  save_screenshot (GTK_WIDGET (window), path);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  if (!g_getenv ("AIMAK_SCREENSHOT_LANGUAGE"))
    g_setenv ("LANGUAGE", "en", TRUE);
  else
    g_setenv ("LANGUAGE", g_getenv ("AIMAK_SCREENSHOT_LANGUAGE"), TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  {
    /* AdwApplication loads the app's style sheet; without one, the test does. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
#define FLOW(path, stage, fn) g_test_add ("/priorities/flow-" path, Flow, \
                                          GINT_TO_POINTER (stage), flow_set_up, fn, \
                                          flow_tear_down)
  FLOW ("new-and-type", FLOW_EMPTY, test_flow_new_and_type);
  FLOW ("marker-rules", FLOW_TYPED, test_flow_marker_rules);
  FLOW ("filters", FLOW_PROPOSED, test_flow_filters);
  FLOW ("move-delete", FLOW_THREE, test_flow_move_delete);
  FLOW ("areas", FLOW_COPIED, test_flow_areas);
#undef FLOW
  g_test_add_func ("/priorities/switch-saves", test_priorities_switch_saves);
  g_test_add_func ("/priorities/no-area", test_priorities_no_area);
  g_test_add_func ("/priorities/read-only", test_priorities_read_only);
  g_test_add_func ("/priorities/screenshot", test_priorities_screenshot);
  return g_test_run ();
}
