/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor-layout.c — the editors stay still while the user types: the place
 * of every field (its bounds relative to the editor) is the same before and
 * after changes that add and remove problems, in the priority editor and in
 * the activity editor. And a click on a problem opens, focuses and scrolls to
 * its field; a refused status change is told on the status row. */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "aimak-activity-editor-private.h"
#include "aimak-capacity-page.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor.h"
#include "aimak-priorities-page.h"
#include "aimak-priority-editor-private.h"
#include "aimak-priority-indicator-row.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"
#define SUZAK_AA "KG03220856000"

static const char * const priority_fields[] = {
  "title", "problem", "description", "sector_code", "area_code", "gender_marker",
  "marker_justification", "target_groups", "gcm", "sdg", "budget_kgs", "funding_source",
  "responsible", "partners", "start_year", "end_year", "hearing_date",
  "hearing_participants_f", "hearing_participants_m", "kenesh_decision_no",
  "kenesh_decision_date", "status", NULL
};

/* The bounds of each widget relative to @editor, as "field x y w h" lines. The
 * area row is measured instead of its (hidden) Move button. */
static char *
layout_of (GtkWidget          *editor,
           GtkWidget *(*widget_of) (GtkWidget *editor, const char *field),
           const char * const *fields)
{
  GString *s = g_string_new (NULL);

  aimak_test_wait_ms (50);
  for (guint i = 0; fields[i]; i++)
    {
      GtkWidget *w = widget_of (editor, fields[i]);
      graphene_rect_t b;

      g_assert_nonnull (w);
      if (!gtk_widget_get_visible (w) || !gtk_widget_get_mapped (w))
        w = gtk_widget_get_ancestor (gtk_widget_get_parent (w), ADW_TYPE_PREFERENCES_ROW);
      g_assert_true (gtk_widget_compute_bounds (w, editor, &b));
      g_string_append_printf (s, "%s %.0f %.0f %.0f %.0f\n", fields[i], b.origin.x, b.origin.y,
                              b.size.width, b.size.height);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
priority_widget (GtkWidget  *editor,
                 const char *field)
{
  return aimak_priority_editor_get_field_widget (AIMAK_PRIORITY_EDITOR (editor), field);
}

static GtkWidget *
activity_widget (GtkWidget  *editor,
                 const char *field)
{
  if (g_str_has_prefix (field, "women.") || g_str_has_prefix (field, "men."))
    return GTK_WIDGET (aimak_activity_editor_get_count_spin (AIMAK_ACTIVITY_EDITOR (editor),
                                                             strchr (field, '.') + 1,
                                                             field[0] == 'w'));
  return aimak_activity_editor_get_field_widget (AIMAK_ACTIVITY_EDITOR (editor), field);
}

static GtkWidget *
check_widget (GtkWidget  *editor,
              const char *code)
{
  return GTK_WIDGET (aimak_priority_editor_get_check (AIMAK_PRIORITY_EDITOR (editor),
                                                      "target_groups", code));
}

static AimakPriorityIndicatorRow *current_row;
static const char * const indicator_fields[] = { "1", "2", "3", "4", "5", "6", "7", NULL };

static GtkWidget *
indicator_field (GtkWidget  *editor,
                 const char *index)
{
  return GTK_WIDGET (aimak_priority_indicator_row_get_field (current_row,
                                                             (guint) atoi (index)));
}

static AimakWindow *
open_window (AimakDb    *db,
             const char *area,
             const char *view,
             int         height)
{
  AimakWindow *window = aimak_window_new (NULL, db);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, height);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, area));
  aimak_window_show_view (window, view);
  aimak_test_iterate ();
  return window;
}

static AimakPriorityEditor *
new_priority (AimakWindow *window)
{
  AimakPrioritiesPage *page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  AimakPriorityEditor *editor = aimak_priorities_page_get_editor (page);

  g_signal_emit_by_name (aimak_priorities_page_get_widget (page, "new-button"), "clicked");
  aimak_test_iterate ();
  g_assert_nonnull (aimak_priority_editor_get_id (editor));
  return editor;
}

/* Title emptied and refilled, marker 2 (four problems further down) and back,
 * a budget that is not a number and back: no field moves. */
static void
test_priority_still (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, BARSKOON, "priorities", 900);
  AimakPriorityEditor *editor = new_priority (window);
  GtkWidget *e = GTK_WIDGET (editor);
  g_autofree char *before = NULL;
  struct { const char *field; const char *text; guint problems; } steps[] = {
    { "title", "Jobs for returning women", 0 },
    { "budget_kgs", "a lot", 1 },
    { "budget_kgs", "150000", 0 },
    { "title", "", 1 },
    { "title", "Jobs for returning women", 0 },
  };

  /* The new priority starts with one problem: its empty title. */
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 1);
  before = layout_of (e, priority_widget, priority_fields);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *after = NULL;

      gtk_editable_set_text (GTK_EDITABLE (priority_widget (e, steps[i].field)), steps[i].text);
      aimak_test_iterate ();
      g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, steps[i].problems);
      after = layout_of (e, priority_widget, priority_fields);
      g_assert_cmpstr (after, ==, before);
    }

  /* Marker 2 brings four problems below the marker; marker 0 takes them away. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (priority_widget (e, "gender_marker")), 2);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 4);
  g_assert_nonnull (aimak_priority_editor_get_inline_problem (editor, "marker_justification"));
  {
    g_autofree char *after = layout_of (e, priority_widget, priority_fields);
    g_assert_cmpstr (after, ==, before);
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (priority_widget (e, "gender_marker")), 0);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 0);
  {
    g_autofree char *after = layout_of (e, priority_widget, priority_fields);
    g_assert_cmpstr (after, ==, before);
  }

  /* Ticking target groups: the list of names in the expander's header grows,
   * the check rows below it stay where they are. */
  {
    GtkWidget *groups = priority_widget (e, "target_groups");
    g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, NULL, "SELECT code FROM target_group "
                                                "ORDER BY sort, code", NULL);
    g_autofree char *checks_before = NULL;

    while (aimak_stmt_next (st, NULL))
      g_ptr_array_add (codes, g_strdup (aimak_stmt_text (st, 0)));
    g_ptr_array_add (codes, NULL);
    g_assert_cmpuint (codes->len, >, 5);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (groups), TRUE);
    aimak_test_wait_ms (400);   /* the expander's animation */
    checks_before = layout_of (e, check_widget, (const char * const *) codes->pdata);
    for (guint i = 0; i + 1 < codes->len; i++)
      {
        g_autofree char *after = NULL;

        gtk_check_button_set_active (aimak_priority_editor_get_check (editor, "target_groups",
                                                                      codes->pdata[i]), TRUE);
        aimak_test_iterate ();
        after = layout_of (e, check_widget, (const char * const *) codes->pdata);
        g_assert_cmpstr (after, ==, checks_before);
      }
  }

  /* An indicator's long name: its header does not grow over the fields below. */
  gtk_widget_activate_action (e, "editor.add-indicator", NULL);
  aimak_test_wait_ms (400);
  {
    AimakPriorityIndicatorRow *row =
      AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_editor_get_indicator_row (editor, 0));
    g_autofree char *fields_before = NULL;
    const char *names[] = { "Women", "Women and men returnees in paid work in the village and in "
                            "the rayon centre, counted by the ayil okmotu each quarter" };

    current_row = row;
    fields_before = layout_of (e, indicator_field, indicator_fields);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *after = NULL;

        gtk_editable_set_text (aimak_priority_indicator_row_get_field (row, 0), names[i]);
        aimak_test_iterate ();
        after = layout_of (e, indicator_field, indicator_fields);
        g_assert_cmpstr (after, ==, fields_before);
      }
  }

  g_assert_true (aimak_priority_editor_flush (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static gboolean
is_in_view (GtkWidget *widget)
{
  GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t b;

  g_assert_nonnull (sw);
  g_assert_true (gtk_widget_compute_bounds (widget, sw, &b));
  /* Its first line at least: an opened expander can be taller than the view. */
  return b.origin.y >= 0 && b.origin.y + MIN (b.size.height, 50) <= gtk_widget_get_height (sw);
}

/* The reveal follows the field while opened expanders grow (an animation, so
 * slower on a loaded machine): wait for it, for 3 s at most. */
static gboolean
comes_into_view (GtkWidget *widget)
{
  for (guint waited = 0; waited < 3000; waited += 50)
    {
      if (is_in_view (widget))
        return TRUE;
      aimak_test_wait_ms (50);
    }
  return is_in_view (widget);
}

static GtkListBoxRow *
problem_row (GtkListBox *list,
             const char *subtitle)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) &&
        g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (c)), subtitle) == 0)
      return GTK_LIST_BOX_ROW (c);
  return NULL;
}

static void
click_problem (GtkListBox *list,
               const char *field_label)
{
  GtkListBoxRow *row = problem_row (list, field_label);

  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (list, "row-activated", row);
  aimak_test_wait_ms (100);
}

/* In a short window, a click on a problem far down the form opens its expander,
 * focuses the field and scrolls it into view; a refused status change is told
 * on the status row. */
static void
test_priority_problem_click (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, BARSKOON, "priorities", 560);
  AimakPriorityEditor *editor = new_priority (window);
  GtkWidget *e = GTK_WIDGET (editor);
  GtkListBox *list = aimak_priority_editor_get_problem_list (editor);
  GtkWidget *groups = priority_widget (e, "target_groups");
  GtkWidget *status = priority_widget (e, "status");
  GtkWidget *focus;
  const char *refusal;
  g_autofree char *before = NULL;

  gtk_editable_set_text (GTK_EDITABLE (priority_widget (e, "title")), "Jobs for women");
  adw_combo_row_set_selected (ADW_COMBO_ROW (priority_widget (e, "gender_marker")), 2);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), ==, 4);
  aimak_test_wait_ms (100);
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "4 Problems"));
  g_assert_false (is_in_view (groups));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (groups)));

  click_problem (list, "Target groups");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (groups)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == groups || gtk_widget_is_ancestor (focus, groups));
  g_assert_true (comes_into_view (groups));

  /* The indicators' problem: the Add button at the end of the form. */
  click_problem (list, "Indicators");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == priority_widget (e, "indicators") ||
                 gtk_widget_is_ancestor (focus, priority_widget (e, "indicators")));
  g_assert_true (comes_into_view (priority_widget (e, "indicators")));

  /* The checklist answer, in the middle. */
  click_problem (list, "Gender checklist");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == priority_widget (e, "checklist"));
  g_assert_true (comes_into_view (focus));

  /* A refused status: the reason is on the status row, nothing above it moves. */
  aimak_priority_editor_reveal_field (editor, "status");
  aimak_test_wait_ms (100);
  before = layout_of (e, priority_widget, priority_fields);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), 1);
  aimak_test_iterate ();
  refusal = aimak_priority_editor_get_refusal (editor);
  g_assert_nonnull (refusal);
  g_assert_nonnull (aimak_test_find_label (status, refusal));
  g_assert_true (gtk_widget_has_css_class (status, "refused"));
  {
    g_autofree char *after = layout_of (e, priority_widget, priority_fields);
    g_auto(GStrv) a = g_strsplit (after, "\n", -1);
    g_auto(GStrv) b = g_strsplit (before, "\n", -1);

    /* Every field up to the status row itself stays where it was. */
    for (guint i = 0; b[i] && !g_str_has_prefix (b[i], "status "); i++)
      g_assert_cmpstr (a[i], ==, b[i]);
  }
  /* Solving the problems takes the reason away. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (priority_widget (e, "gender_marker")), 0);
  aimak_test_iterate ();
  g_assert_null (aimak_priority_editor_get_refusal (editor));
  g_assert_false (gtk_widget_has_css_class (status, "refused"));

  g_assert_true (aimak_priority_editor_flush (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static const char * const activity_fields[] = {
  "area_code", "date", "type", "topic", "facilitator", "women.local_authority",
  "men.local_authority", "women.other", "pre_score", "post_score", "notes", NULL
};

/* A new activity (two problems), made valid and saved, then a score that is
 * not a number and back: nothing moves, also not after the first save. */
static void
test_activity_still (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, SUZAK_AA, "capacity", 900);
  AimakCapacityPage *page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  AimakActivityEditor *editor = aimak_capacity_page_get_editor (page);
  GtkWidget *e = GTK_WIDGET (editor);
  g_autofree char *before = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "capacity.add", NULL);
  aimak_test_iterate ();
  g_assert_true (aimak_activity_editor_is_shown (editor));
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 2);
  before = layout_of (e, activity_widget, activity_fields);

  gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "topic")), "Budget hearings");
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 1);
  {
    g_autofree char *after = layout_of (e, activity_widget, activity_fields);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (activity_widget (e, "women.local_authority")), 7);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 0);
  aimak_test_wait_ms (AIMAK_ACTIVITY_EDITOR_DELAY_MS + 200);
  g_assert_nonnull (aimak_activity_editor_get_id (editor));
  g_assert_cmpstr (aimak_activity_editor_get_state_text (editor), ==, "All changes saved.");
  {
    g_autofree char *after = layout_of (e, activity_widget, activity_fields);
    g_assert_cmpstr (after, ==, before);
  }
  /* Typing the topic with pauses: saved each time, one entry in the log. */
  {
    const char *typed[] = { "Budget hearings for", "Budget hearings for women deputies" };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "topic")), typed[i]);
        aimak_test_wait_ms (AIMAK_ACTIVITY_EDITOR_DELAY_MS + 200);
      }
    g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log WHERE "
                                         "entity = 'activity' AND field = 'topic'", NULL),
                     ==, 1);
  }
  gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "pre_score")), "abc");
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 1);
  {
    g_autofree char *after = layout_of (e, activity_widget, activity_fields);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "pre_score")), "");
  gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "topic")), "");
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 1);
  {
    g_autofree char *after = layout_of (e, activity_widget, activity_fields);
    g_assert_cmpstr (after, ==, before);
  }

  /* A click on the topic's problem focuses the topic. */
  gtk_widget_grab_focus (activity_widget (e, "notes"));
  click_problem (aimak_activity_editor_get_problem_list (editor), "Topic");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         activity_widget (e, "topic")));
  gtk_editable_set_text (GTK_EDITABLE (activity_widget (e, "topic")), "Budget hearings");
  aimak_test_iterate ();

  g_assert_true (aimak_activity_editor_flush (editor, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* "0 of 1 priority linked" follows the tick at once, before any save. */
static void
test_activity_linked_count (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autofree char *prio = aimak_uuid_new ();
  AimakWindow *window;
  AimakCapacityPage *page;
  AimakActivityEditor *editor;
  GtkWidget *expander;
  GtkCheckButton *check;

  g_assert_true (aimak_db_exec (db, NULL,
                                "INSERT INTO priority (id, area_code, rank, title, created_at, "
                                "updated_at) VALUES (?, ?, 1, 'Kindergarten', 'x', 'x')",
                                "tt", prio, SUZAK_AA));
  window = open_window (db, SUZAK_AA, "capacity", 900);
  page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  editor = aimak_capacity_page_get_editor (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "capacity.add", NULL);
  aimak_test_iterate ();
  check = aimak_activity_editor_get_priority_check (editor, prio);
  g_assert_nonnull (check);
  expander = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "0 of 1 priority linked");
  gtk_check_button_set_active (check, TRUE);
  aimak_test_iterate ();
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "1 of 1 priority linked");
  gtk_check_button_set_active (check, FALSE);
  aimak_test_iterate ();
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "0 of 1 priority linked");

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static gint64
n_log (AimakDb    *db,
       const char *id,
       const char *field)
{
  return aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM change_log WHERE "
                             "entity = 'priority' AND entity_id = ? AND field = ?", "tt",
                             id, field);
}

/* Typing with pauses is one entry of the history per field, until the focus
 * leaves the field; indicators read "women"/"men" in the history, not F/M. */
static void
test_history_burst (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, BARSKOON, "priorities", 900);
  AimakPriorityEditor *editor = new_priority (window);
  GtkWidget *e = GTK_WIDGET (editor);
  const char *id = aimak_priority_editor_get_id (editor);
  GtkWidget *title = priority_widget (e, "title");
  GtkWidget *view = priority_widget (e, "problem");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *typed[] = { "Women", "Women who come back", "Women who come back are the main",
                          "Women who come back are the main beneficiaries of the",
                          "Women who come back are the main beneficiaries of the courses." };

  gtk_widget_grab_focus (view);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_text_buffer_set_text (buffer, typed[i], -1);
      aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 150);   /* saved after each pause */
      g_assert_cmpint (n_log (db, id, "problem"), ==, 1);
    }
  g_assert_cmpstr (aimak_priority_editor_get_history_title (editor, 0), ==,
                   "Problem statement: — → Women who come back are the main beneficiaries "
                   "of the courses.");

  /* Another field: its own entry. Back in the first field later: a new entry. */
  gtk_widget_grab_focus (title);
  aimak_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (title), "Jobs");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 150);
  gtk_editable_set_text (GTK_EDITABLE (title), "Jobs for returning women");
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 150);
  g_assert_cmpint (n_log (db, id, "title"), ==, 1);
  g_assert_cmpstr (aimak_priority_editor_get_history_title (editor, 0), ==,
                   "Title: — → Jobs for returning women");
  gtk_widget_grab_focus (view);
  aimak_test_iterate ();
  gtk_text_buffer_set_text (buffer, "Returnees find no work.", -1);
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 150);
  g_assert_cmpint (n_log (db, id, "problem"), ==, 2);
  /* Leaving the field ends the burst, even without another save between. */
  gtk_widget_grab_focus (title);
  aimak_test_iterate ();
  gtk_widget_grab_focus (view);
  aimak_test_iterate ();
  gtk_text_buffer_set_text (buffer, "Returnees find no paid work.", -1);
  aimak_test_wait_ms (AIMAK_PRIORITY_EDITOR_DELAY_MS + 150);
  g_assert_cmpint (n_log (db, id, "problem"), ==, 3);

  /* An indicator with values by sex: the history says women and men. */
  gtk_widget_activate_action (e, "editor.add-indicator", NULL);
  aimak_test_iterate ();
  {
    AimakPriorityIndicatorRow *row =
      AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_editor_get_indicator_row (editor, 0));
    const char *values[] = { "Returnees in paid work", "persons", "4", "11", "40", "30" };
    const char *h;

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      gtk_editable_set_text (aimak_priority_indicator_row_get_field (row, i), values[i]);
    g_assert_true (aimak_priority_editor_flush (editor));
    h = aimak_priority_editor_get_history_title (editor, 0);
    /* Added (empty), then filled in: "—: women — → —, …" → the filled one. */
    g_assert_true (g_str_has_prefix (h, "Indicators: —: women — → —, men — → — → "));
    g_assert_true (g_str_has_suffix (h, " → Returnees in paid work [persons]: "
                                        "women 4 → 40, men 11 → 30"));
    g_assert_null (strstr (h, " F "));
    g_assert_null (strstr (h, " M "));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/editor-layout/priority-still", test_priority_still);
  g_test_add_func ("/editor-layout/priority-problem-click", test_priority_problem_click);
  g_test_add_func ("/editor-layout/activity-still", test_activity_still);
  g_test_add_func ("/editor-layout/activity-linked-count", test_activity_linked_count);
  g_test_add_func ("/editor-layout/history-burst", test_history_burst);
  return g_test_run ();
}
