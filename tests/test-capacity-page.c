/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-capacity-page.c — the Capacity building and Summary views through their real
 * widgets: select Suzak, add an activity with 12 women and 5 men in the editor, see the
 * totals and the Summary's charts and tables change; validation shown inline; delete
 * with undo; search; a read-only database; a narrow window, where the editor is a page of
 * its own with a back button.
 *
 * With AIMAK_SCREENSHOT_DIR set, /capacity/screenshots also saves PNGs of both views
 * (light and dark) of the database in AIMAK_SCREENSHOT_DB, for looking at them.
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "aimak-activity-editor.h"
#include "aimak-capacity-page-private.h"
#include "aimak-summary-page-private.h"
#include "aimak-activity-editor-private.h"
#include "aimak-capacity-page.h"
#include "aimak-summary-page.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-activity-private.h"
#include "aimak-window.h"
#include "aimak-summary-card-private.h"
#include "aimak-chart-private.h"

#define SUZAK_AA "KG03220856000"

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  return aimak_test_find (root, is_action_button, action);
}

static gboolean
is_icon_button (GtkWidget     *widget,
                gconstpointer  icon)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon)
{
  return aimak_test_find (root, is_icon_button, icon);
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  GValue value = G_VALUE_INIT;
  char *text;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  text = g_value_dup_string (&value);
  g_value_unset (&value);
  return text;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
}

static void
set_text (AimakActivityEditor *editor,
          const char          *field,
          const char          *text)
{
  GtkWidget *w = aimak_activity_editor_get_field_widget (editor, field);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
  aimak_test_iterate ();
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    {
      g_test_message ("“%s” does not contain “%s”", haystack ? haystack : "(null)", needle);
      return FALSE;
    }
  return TRUE;
}

static gint64
db_count (AimakDb    *db,
          const char *sql)
{
  return aimak_db_query_int (db, -1, NULL, sql, NULL);
}

/* Adding an activity in Suzak through the real widgets and seeing it in the Summary,
 * one case per stage so that the first failure does not hide the rest. Each case has
 * a priority of Suzak to link to and, after the first, the activity the first one adds
 * (12 women and 5 men of the local authority), stored before the window opens and shown
 * in the editor. */
typedef struct
{
  AimakTestDb          base;
  AimakWindow         *window;
  AimakCapacityPage   *page;
  AimakSummaryPage    *summary;
  AimakActivityEditor *editor;
  GListModel          *model;
  char                *prio;   /* the priority's id */
  char                *id;     /* the activity's, when stored */
} Adding;

static void
adding_set_up (Adding        *f,
               gconstpointer  data)
{
  AimakDb *db;

  aimak_test_db_set_up (&f->base, NULL);
  db = f->base.db;
  f->prio = aimak_uuid_new ();
  /* A priority of Suzak to link the activity to. */
  g_assert_true (aimak_db_exec (db, NULL,
                                "INSERT INTO priority (id, area_code, rank, title, created_at, "
                                "updated_at) VALUES (?, ?, 1, 'Kindergarten for returnee "
                                "families', 'x', 'x')", "tt", f->prio, SUZAK_AA));
  if (GPOINTER_TO_INT (data))
    {
      g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
      g_autoptr(GError) error = NULL;

      g_free (a->topic);
      a->topic = g_strdup ("Gender-responsive budgeting for ayil okmotu staff");
      g_free (a->facilitator);
      a->facilitator = g_strdup ("Suzak ayil okmotu");
      aimak_activity_set_participants (a, "local_authority", 12, 5);
      g_assert_true (aimak_activity_create (db, a, &error));
      g_assert_no_error (error);
      f->id = g_strdup (a->id);
    }
  f->window = aimak_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  f->page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (f->window, "capacity"));
  f->summary = AIMAK_SUMMARY_PAGE (aimak_window_get_page (f->window, "summary"));
  f->editor = aimak_capacity_page_get_editor (f->page);
  f->model = aimak_capacity_page_get_model (f->page);

  g_assert_true (aimak_window_select_area (f->window, SUZAK_AA));
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_window_get_area (f->window), ==, SUZAK_AA);
  if (f->id != NULL)
    {
      /* Opened as a click on its row opens it. */
      aimak_window_show_view (f->window, "capacity");
      aimak_test_iterate ();
      g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, 1);
      g_signal_emit_by_name (aimak_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW),
                             "activate", 0);
      aimak_test_iterate ();
      g_assert_cmpstr (aimak_activity_editor_get_id (f->editor), ==, f->id);
    }
}

static void
adding_tear_down (Adding        *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  g_free (f->prio);
  g_free (f->id);
  aimak_test_db_tear_down (&f->base, NULL);
}

/* From the empty list to one saved activity, its problems on the way. */
static void
test_add_new (Adding        *f,
              gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakCapacityPage *page = f->page;
  AimakSummaryPage *summary = f->summary;
  AimakActivityEditor *editor = f->editor;
  GListModel *model = f->model;
  AimakSummaryCard *roles;
  AimakChart *chart;
  g_autofree char *id = NULL;

  /* The Summary before: nobody took part yet. */
  aimak_window_show_view (window, "summary");
  aimak_test_iterate ();
  g_assert_nonnull (aimak_summary_page_get_summary (summary));
  g_assert_cmpstr (aimak_summary_page_get_summary (summary)->scope_label, ==, "Suzak");
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "participants"), ==, "0");
  roles = aimak_summary_page_get_card (summary, "participants_by_role_and_sex");
  chart = aimak_summary_card_get_chart (roles);
  g_assert_cmpuint (aimak_chart_get_n_series (chart), ==, 0);
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 1), ==, "0");

  /* Capacity building: empty, then Add (the button behind Ctrl+N). */
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (aimak_capacity_page_get_totals_text (page), ==, "No activities listed");
  click (find_action_button (GTK_WIDGET (page), "capacity.add"));
  g_assert_true (aimak_activity_editor_is_shown (editor));
  g_assert_null (aimak_activity_editor_get_id (editor));
  /* A new activity has no topic and no participants yet: two problems, shown
   * beside their fields, nothing saved. */
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 2);
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "participants"),
                           "at least one participant"));
  g_assert_cmpstr (aimak_activity_editor_get_inline_problem (editor, "topic"), ==,
                   "Enter the topic of the activity.");
  g_assert_true (gtk_widget_has_css_class (aimak_activity_editor_get_field_widget (editor,
                                                                                   "topic"),
                                           "error"));
  aimak_test_wait_ms (100);   /* the editor's page is drawn once its transition is over */
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "2 Problems"));
  g_assert_true (contains (aimak_activity_editor_get_state_text (editor), "New activity"));

  set_text (editor, "topic", "Gender-responsive budgeting for ayil okmotu staff");
  set_text (editor, "facilitator", "Suzak ayil okmotu");
  aimak_test_wait_ms (AIMAK_ACTIVITY_EDITOR_DELAY_MS + 200);
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_null (aimak_activity_editor_get_inline_problem (editor, "topic"));
  g_assert_false (gtk_widget_has_css_class (aimak_activity_editor_get_field_widget (editor,
                                                                                    "topic"),
                                            "error"));

  gtk_spin_button_set_value (aimak_activity_editor_get_count_spin (editor, "local_authority",
                                                                   TRUE), 12);
  gtk_spin_button_set_value (aimak_activity_editor_get_count_spin (editor, "local_authority",
                                                                   FALSE), 5);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 0);
  g_assert_null (aimak_activity_editor_get_inline_problem (editor, "participants"));
  aimak_test_wait_ms (AIMAK_ACTIVITY_EDITOR_DELAY_MS + 200);

  /* Saved once, listed, and totalled. */
  g_assert_nonnull (aimak_activity_editor_get_id (editor));
  id = g_strdup (aimak_activity_editor_get_id (editor));
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity WHERE deleted_at IS NULL"), ==, 1);
  g_assert_cmpint (db_count (db, "SELECT sum(women) FROM activity_participant"), ==, 12);
  g_assert_cmpint (db_count (db, "SELECT sum(men) FROM activity_participant"), ==, 5);
  g_assert_cmpstr (aimak_activity_editor_get_state_text (editor), ==, "All changes saved.");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(AimakActivityRow) row = g_list_model_get_item (model, 0);
    guint total = 0;
    g_object_get (row, "total", &total, NULL);
    g_assert_cmpuint (total, ==, 17);
    g_assert_cmpstr (aimak_activity_row_get_topic (row), ==,
                     "Gender-responsive budgeting for ayil okmotu staff");
    g_assert_cmpstr (aimak_activity_row_get_area_name (row), ==, "Suzak");
  }
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "17 participants"));
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "12 women"));
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "5 men"));
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "70.6% women"));
  g_assert_true (contains (aimak_capacity_page_get_roles_text (page),
                           "Local authority staff (ayil okmotu / rayon administration): "
                           "12 women, 5 men"));
}

/* The Summary shows the activity's participants, as the core computes them. */
static void
test_add_summary (Adding        *f,
                  gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakSummaryPage *summary = f->summary;
  AimakSummaryCard *roles = aimak_summary_page_get_card (summary,
                                                         "participants_by_role_and_sex");
  AimakChart *chart = aimak_summary_card_get_chart (roles);
  AimakSummaryCard *types;

  /* The Summary after: tiles, the stacked bars and the table show 12 and 5. */
  aimak_window_show_view (window, "summary");
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "participants"), ==, "17");
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "activities"), ==, "1");
  g_assert_cmpuint (aimak_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (aimak_chart_get_series_name (chart, 0), ==, "Women");
  g_assert_cmpfloat (aimak_chart_get_value (chart, 0, 0), ==, 12);
  g_assert_cmpfloat (aimak_chart_get_value (chart, 1, 0), ==, 5);
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 0), ==,
                   "Local authority staff (ayil okmotu / rayon administration)");
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 1), ==, "12");
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 2), ==, "5");
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 3), ==, "17");
  g_assert_cmpstr (aimak_summary_card_get_cell (roles, 1, 4), ==, "70.6%");
  g_assert_true (contains (aimak_summary_card_get_note (roles), "12 women (70.6%) and 5 men"));
  {
    g_autofree char *desc = aimak_chart_describe (chart);
    g_assert_true (contains (desc, "12"));
    g_assert_true (contains (desc, "Women"));
  }
  types = aimak_summary_page_get_card (summary, "activities_by_type");
  g_assert_cmpstr (aimak_summary_card_get_cell (types, 1, 0), ==, "Training");
  g_assert_cmpstr (aimak_summary_card_get_cell (types, 1, 1), ==, "1");
  g_assert_cmpfloat (aimak_chart_get_value (aimak_summary_card_get_chart (types), 0, 0), ==, 1);
  {
    g_autofree char *tsv = NULL;

    /* The card's Copy button puts the table on the clipboard, tab-separated. */
    click (find_icon_button (GTK_WIDGET (roles), "edit-copy-symbolic"));
    tsv = clipboard_text (GTK_WIDGET (roles));
    g_assert_true (contains (tsv, "Participants by Role and Sex\nRole\tWomen\tMen\tTotal"));
    g_assert_true (contains (tsv, "\t12\t5\t17\t70.6%"));
  }
  /* The same figures as the core function the export and the CLI use. */
  {
    g_autoptr(AimakScope) scope = aimak_scope_new (AIMAK_SCOPE_AREA, SUZAK_AA);
    g_autoptr(AimakSummary) s = aimak_summary_compute (db, scope, NULL);
    g_assert_cmpuint (s->participants_women, ==,
                      aimak_summary_page_get_summary (summary)->participants_women);
    g_assert_cmpuint (s->participants_women, ==, 12);
  }
  /* Other scopes: the pilots include Suzak; all areas too. */
  aimak_summary_page_set_scope (summary, AIMAK_SCOPE_PILOTS);
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_summary_page_get_summary (summary)->scope_label, ==, "Pilot areas");
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "participants"), ==, "17");
  aimak_summary_page_set_scope (summary, AIMAK_SCOPE_AREA);
  aimak_test_iterate ();
}

/* Scores, counts and dates checked through the editor's widgets. */
static void
test_add_validation (Adding        *f,
                     gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakActivityEditor *editor = f->editor;
  const char *id = f->id;

  /* Validation through the widgets: a score that is not a number is not saved. */
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  set_text (editor, "pre_score", "abc");
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "pre_score"),
                           "not a number"));
  g_assert_true (gtk_widget_has_css_class (aimak_activity_editor_get_field_widget (editor,
                                                                                   "pre_score"),
                                           "error"));
  g_assert_true (contains (aimak_activity_editor_get_state_text (editor), "Not saved"));
  g_assert_false (aimak_activity_editor_flush (editor, NULL));
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity WHERE pre_score IS NULL"), ==, 1);
  /* A post-test without a pre-test, then both: saved. */
  set_text (editor, "pre_score", "");
  set_text (editor, "post_score", "85");
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "post_score"),
                           "pre-test"));
  set_text (editor, "pre_score", "120");
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "pre_score"),
                           "between 0 and 100"));
  set_text (editor, "pre_score", "40,5");
  g_assert_null (aimak_activity_editor_get_inline_problem (editor, "pre_score"));
  g_assert_true (aimak_activity_editor_flush (editor, NULL));
  {
    g_autoptr(AimakActivity) a = aimak_activity_load (db, id, NULL);
    g_assert_cmpfloat (a->pre_score, ==, 40.5);
    g_assert_cmpfloat (a->post_score, ==, 85);
  }
  /* A negative count typed in. */
  gtk_editable_set_text (GTK_EDITABLE (aimak_activity_editor_get_count_spin (editor,
                                                                             "kenesh_deputy",
                                                                             FALSE)), "-3");
  aimak_test_iterate ();
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "men.kenesh_deputy"),
                           "cannot be negative"));
  g_assert_false (aimak_activity_editor_flush (editor, NULL));
  gtk_editable_set_text (GTK_EDITABLE (aimak_activity_editor_get_count_spin (editor,
                                                                             "kenesh_deputy",
                                                                             FALSE)), "0");
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_activity_editor_get_n_problems (editor), ==, 0);
  /* A date more than a year ahead. */
  set_text (editor, "date", "2999-01-01");
  g_assert_true (contains (aimak_activity_editor_get_inline_problem (editor, "date"),
                           "more than a year"));
  set_text (editor, "date", "2024-03-15");
  g_assert_true (aimak_activity_editor_flush (editor, NULL));
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity WHERE date = '2024-03-15'"), ==, 1);
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM change_log WHERE entity = 'activity' AND "
                                 "field = 'date'"), ==, 1);
}

/* Linking the priority, searching, deleting with Undo. */
static void
test_add_link_search_delete (Adding        *f,
                             gconstpointer  data)
{
  AimakDb *db = f->base.db;
  AimakWindow *window = f->window;
  AimakCapacityPage *page = f->page;
  AimakActivityEditor *editor = f->editor;
  GListModel *model = f->model;
  const char *prio = f->prio;
  const char *id = f->id;

  /* Link the priority with its check button. */
  {
    GtkCheckButton *check = aimak_activity_editor_get_priority_check (editor, prio);
    g_assert_nonnull (check);
    g_assert_false (gtk_check_button_get_active (check));
    gtk_check_button_set_active (check, TRUE);
    aimak_test_iterate ();
    g_assert_true (aimak_activity_editor_flush (editor, NULL));
    g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity_priority"), ==, 1);
  }

  /* Search and filters. */
  aimak_capacity_page_set_search (page, "budgeting");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  aimak_capacity_page_set_search (page, "nothing like this");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (aimak_test_find_button (GTK_WIDGET (page), "_Add Activity"));
  aimak_capacity_page_set_search (page, "");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Delete, then Undo in the toast. */
  click (find_action_button (GTK_WIDGET (page), "capacity.delete"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (aimak_activity_editor_is_shown (editor));
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM activity WHERE deleted_at IS NOT NULL"),
                   ==, 1);
  click (aimak_test_find_button (GTK_WIDGET (window), "_Undo"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (aimak_activity_editor_get_id (editor), ==, id);
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "70.6% women"));
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM change_log WHERE action = 'undelete'"),
                   ==, 1);
}

static void
test_read_only (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) ro = NULL;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakCapacityPage *page;
  AimakActivityEditor *editor;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
    g_free (a->topic);
    a->topic = g_strdup ("Training");
    aimak_activity_set_participants (a, "other", 2, 1);
    g_assert_true (aimak_activity_create (db, a, &error));
  }
  ro = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  aimak_db_set_language (ro, "en");
  window = aimak_window_new (NULL, ro);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  editor = aimak_capacity_page_get_editor (page);
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (page)), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (page),
                                                               "capacity.add")));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (aimak_capacity_page_get_model (page)),
                                     0);
  aimak_test_iterate ();
  g_assert_true (aimak_activity_editor_is_shown (editor));
  g_assert_false (gtk_widget_is_sensitive (aimak_activity_editor_get_field_widget (editor,
                                                                                    "topic")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (
    aimak_activity_editor_get_count_spin (editor, "other", TRUE))));
  g_assert_true (contains (aimak_activity_editor_get_state_text (editor), "read-only"));
  g_assert_true (contains (aimak_capacity_page_get_totals_text (page), "3 participants"));

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

/* Ctrl+N with no area chosen adds nothing and offers to choose one: a dialog
 * (not only a toast, which the keyboard cannot reach in time) whose default
 * response opens the Areas view with the caret in its search. */
static void
test_add_without_area (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  AimakWindow *window;
  GtkWidget *page;

  window = aimak_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  page = aimak_window_get_page (window, "capacity");
  g_assert_null (aimak_page_get_area_code (AIMAK_PAGE (page)));

  gtk_widget_activate_action (page, "capacity.add", NULL);
  aimak_test_iterate ();
  g_assert_cmpint (aimak_db_query_int (db, -1, NULL, "SELECT count(*) FROM activity", NULL),
                   ==, 0);
  aimak_test_answer_choose_area (GTK_WIDGET (window),
                                 "Choose an area first: an activity belongs to an area");
  g_assert_cmpstr (aimak_window_get_view (window), ==, "areas");

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

/* Dates are read and shown as planners write them: the From bound takes
 * "01.01.2025" (the grammar of core, not only ISO), and in Russian the Date
 * column shows "15.06.2025" while the list still sorts by the stored ISO date. */
static void
test_dates_as_written (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  const char *dates[] = { "2024-03-01", "2025-06-15" };
  AimakWindow *window;
  AimakCapacityPage *page;
  GtkWidget *from;
  GtkWidget *shown;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
      g_free (a->topic);
      a->topic = g_strdup ("Training");
      g_free (a->date);
      a->date = g_strdup (dates[i]);
      aimak_activity_set_participants (a, "other", 2, 1);
      g_assert_true (aimak_activity_create (db, a, &error));
      g_assert_no_error (error);
    }
  g_setenv ("LANGUAGE", "ru", TRUE);
  window = aimak_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (page)), ==, 2);

  shown = aimak_test_find_label (GTK_WIDGET (page), "15.06.2025");
  g_assert_nonnull (shown);
  g_assert_null (aimak_test_find_label (GTK_WIDGET (page), "2025-06-15"));

  from = aimak_test_find_type (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  g_assert_nonnull (from);
  gtk_editable_set_text (GTK_EDITABLE (from), "01.01.2025");
  aimak_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (page)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (from), "32.01.2025");
  aimak_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (page)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  if (language)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Which page of the leaflet the user sees: "list" or "editor". */
static const char *
shown_page (AdwLeaflet *leaflet)
{
  return adw_leaflet_get_visible_child_name (leaflet);
}

static void
test_narrow (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakCapacityPage *page;
  AimakActivityEditor *editor;
  AdwLeaflet *leaflet;
  GtkWidget *back, *list;
  GListModel *model;
  int min = 0, nat = 0;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
      g_free (a->topic);
      a->topic = g_strdup ("Training");
      aimak_activity_set_participants (a, "other", 2 + i, 1);
      g_assert_true (aimak_activity_create (db, a, &error));
      g_assert_no_error (error);
    }
  window = aimak_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  editor = aimak_capacity_page_get_editor (page);
  model = aimak_capacity_page_get_model (page);
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  aimak_test_wait_ms (100);

  /* The view no longer holds the window wide: it fits a phone-sized window. */
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("capacity page: minimum width %d, natural %d", min, nat);
  g_assert_cmpint (min, <=, 400);
  /* Narrow enough that the list and the editor do not fit side by side. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <, 760);

  leaflet = ADW_LEAFLET (aimak_test_find_type (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  g_assert_nonnull (leaflet);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (shown_page (leaflet), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  list = aimak_test_find_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_true (gtk_widget_is_drawable (list));
  back = find_icon_button (GTK_WIDGET (page), "go-previous-symbolic");
  g_assert_nonnull (back);

  /* Choosing an activity shows the editor alone, with a back button. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  aimak_test_iterate ();
  aimak_test_wait_ms (300);  /* the leaflet's transition */
  g_assert_cmpstr (shown_page (leaflet), ==, "editor");
  g_assert_true (aimak_activity_editor_is_shown (editor));
  g_assert_nonnull (aimak_activity_editor_get_id (editor));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_is_drawable (back));
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_ancestor (list,
                                                                         GTK_TYPE_BOX)));

  /* Back: the list again, nothing marked, so the same activity can be chosen again. */
  click (back);
  aimak_test_wait_ms (300);
  g_assert_cmpstr (shown_page (leaflet), ==, "list");
  g_assert_true (gtk_widget_is_drawable (list));
  g_assert_false (gtk_widget_is_drawable (back));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  aimak_test_iterate ();
  g_assert_cmpstr (shown_page (leaflet), ==, "editor");
  click (back);
  g_assert_cmpstr (shown_page (leaflet), ==, "list");

  /* Enter on a row (the list's activate signal) opens the other activity. */
  {
    g_autoptr(AimakActivityRow) row = g_list_model_get_item (model, 1);
    g_signal_emit_by_name (list, "activate", 1);
    aimak_test_iterate ();
    g_assert_cmpstr (shown_page (leaflet), ==, "editor");
    g_assert_cmpstr (aimak_activity_editor_get_id (editor), ==, aimak_activity_row_get_id (row));
  }
  click (back);
  g_assert_cmpstr (shown_page (leaflet), ==, "list");

  /* Add (Ctrl+N) opens a new activity in the editor page; deleting it goes back. */
  gtk_widget_activate_action (GTK_WIDGET (page), "capacity.add", NULL);
  aimak_test_iterate ();
  g_assert_cmpstr (shown_page (leaflet), ==, "editor");
  g_assert_true (aimak_activity_editor_is_shown (editor));
  g_assert_null (aimak_activity_editor_get_id (editor));
  gtk_widget_activate_action (GTK_WIDGET (page), "capacity.delete", NULL);
  aimak_test_iterate ();
  g_assert_cmpstr (shown_page (leaflet), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Wide again: list and editor side by side, the back button gone. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  aimak_test_wait_ms (300);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 1);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_is_drawable (list));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (editor)));
  g_assert_false (gtk_widget_is_drawable (back));

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
is_scrolled (GtkWidget     *widget,
             gconstpointer  data G_GNUC_UNUSED)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_is_drawable (widget);
}

static GtkWidget *
find_scrolled (GtkWidget *root)
{
  return aimak_test_find (root, is_scrolled, NULL);
}

static void
test_screenshots (void)
{
  const char *out = g_getenv ("AIMAK_SCREENSHOT_DIR");
  const char *db_path = g_getenv ("AIMAK_SCREENSHOT_DB");
  const char *area = g_getenv ("AIMAK_SCREENSHOT_AREA");
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (out == NULL || db_path == NULL)
    {
      g_test_skip ("set AIMAK_SCREENSHOT_DIR and AIMAK_SCREENSHOT_DB to take screenshots");
      return;
    }
  db = aimak_db_open (db_path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    /* AdwApplication loads the app's style sheet; here there is no application. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  aimak_db_set_language (db, g_getenv ("AIMAK_SCREENSHOT_LANG")
                               ? g_getenv ("AIMAK_SCREENSHOT_LANG") : "en");
  for (int dark = 0; dark <= 1; dark++)
    {
      AimakWindow *window = aimak_window_new (NULL, db);
      AimakCapacityPage *page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
      GListModel *model = aimak_capacity_page_get_model (page);
      const char *views[] = { "capacity", "summary" };

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      gtk_window_present (GTK_WINDOW (window));
      aimak_test_iterate ();
      /* AIMAK_SCREENSHOT_AREA=none shows every area. */
      if (g_strcmp0 (area, "none") != 0)
        aimak_window_select_area (window, area ? area : SUZAK_AA);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s/%s-%s.png", out, views[v],
                                                   dark ? "dark" : "light");
          aimak_window_show_view (window, views[v]);
          aimak_test_iterate ();
          if (v == 0 && g_list_model_get_n_items (model) > 0)
            gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
          aimak_test_wait_ms (300);
          save_png (GTK_WIDGET (window), name);
          g_test_message ("saved %s", name);
          if (v == 0 && g_strcmp0 (area, "none") != 0)
            {
              /* The editor further down, then a new activity with its problems. */
              GtkWidget *editor = GTK_WIDGET (aimak_capacity_page_get_editor (page));
              GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                                                                          find_scrolled (editor)));
              g_autofree char *lower = g_strdup_printf ("%s/capacity-editor-%s.png", out,
                                                        dark ? "dark" : "light");
              g_autofree char *added = g_strdup_printf ("%s/capacity-new-%s.png", out,
                                                        dark ? "dark" : "light");

              gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
              aimak_test_wait_ms (200);
              save_png (GTK_WIDGET (window), lower);
              gtk_widget_activate_action (GTK_WIDGET (page), "capacity.add", NULL);
              gtk_editable_set_text (GTK_EDITABLE (aimak_activity_editor_get_field_widget (
                                       AIMAK_ACTIVITY_EDITOR (editor), "post_score")), "75");
              aimak_test_wait_ms (200);
              save_png (GTK_WIDGET (window), added);
              gtk_widget_activate_action (GTK_WIDGET (page), "capacity.delete", NULL);
            }
          if (v == 1)
            {
              /* The rest of the Summary, a screen further down each time. */
              GtkWidget *scroller = find_scrolled (aimak_window_get_page (window, "summary"));
              GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                                                                          scroller));
              for (int part = 2; part <= 4; part++)
                {
                  g_autofree char *more = g_strdup_printf ("%s/%s-%s-%d.png", out, views[v],
                                                           dark ? "dark" : "light", part);
                  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                                                 gtk_adjustment_get_page_size (adj) * 0.9);
                  aimak_test_wait_ms (200);
                  save_png (GTK_WIDGET (window), more);
                }
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
      aimak_test_iterate ();
    }
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
#define ADDING(path, stored, fn) g_test_add ("/capacity/add-activity-" path, Adding, \
                                             GINT_TO_POINTER (stored), adding_set_up, fn, \
                                             adding_tear_down)
  ADDING ("new", FALSE, test_add_new);
  ADDING ("summary", TRUE, test_add_summary);
  ADDING ("validation", TRUE, test_add_validation);
  ADDING ("link-search-delete", TRUE, test_add_link_search_delete);
#undef ADDING
  g_test_add_func ("/capacity/read-only", test_read_only);
  g_test_add_func ("/capacity/add-without-area", test_add_without_area);
  g_test_add_func ("/capacity/dates-as-written", test_dates_as_written);
  g_test_add_func ("/capacity/narrow", test_narrow);
  g_test_add_func ("/capacity/screenshots", test_screenshots);
  return g_test_run ();
}
