/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y-keys.c — the keyboard alone (issue 20): each table is one Tab stop
 * with the arrows inside (the Priorities table, the profile's tables, the
 * Summary's tables), Tab never stops at something that has no action, and
 * never gets stuck. Tab is the window's move-focus, as the key does. The
 * screen reader's side is test-a11y.c. */
#include "config.h"

#include <adwaita.h>

#include "aimak-areas-page.h"
#include "aimak-areas-page-private.h"
#include "aimak-focus-stop.h"
#include "aimak-key-figure-card.h"
#include "aimak-priorities-page-private.h"
#include "aimak-summary-card.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"

/* Tab stops inside a view with the demo data of idle-stops. The profile took
 * 34 (a stop per row of the value and names tables, each tile, but none for
 * the tiles' Add Value… buttons); now 17, each with an action. The Summary
 * never let Tab through its title; now its scope and export buttons, and per
 * card the Copy button and the table (one stop each, arrows inside): 20. */
#define PROFILE_STOPS 17
#define SUMMARY_STOPS 20

static gboolean
focus_inside (GtkWidget *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The Priorities table is one Tab stop: Tab from the search entry reaches it,
 * the next Tab leaves it (GTK 4.8 stops at every row otherwise), Shift+Tab
 * comes back, arrows move inside. Tab is the window's move-focus, i.e.
 * gtk_widget_child_focus on the window. */
static void
test_a11y_table_tab (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *prio;
  GtkWidget *table;
  guint presses = 0;

  g_assert_true (aimak_demo_create (tdb->db, 12, 12, 7, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_window_show_view (window, "priorities");
  aimak_test_wait_ms (300);
  prio = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  table = aimak_priorities_page_get_widget (prio, "column-view");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (aimak_priorities_page_get_selection (prio))),
                    >, 2);
  gtk_widget_grab_focus (aimak_priorities_page_get_widget (prio, "search"));
  aimak_test_iterate ();
  while (!focus_inside (GTK_WIDGET (window), table) && presses < 30)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      presses++;
    }
  g_assert_true (focus_inside (GTK_WIDGET (window), table));
  /* Arrows stay inside. */
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN);
  g_assert_true (focus_inside (GTK_WIDGET (window), table));
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_false (focus_inside (GTK_WIDGET (window), table));
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_inside (GTK_WIDGET (window), table));
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD);
  g_assert_false (focus_inside (GTK_WIDGET (window), table));

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* What one Tab cycle through a view met. */
typedef struct
{
  guint stops;        /* all Tab stops of the window */
  guint page_stops;   /* those inside the view's page */
  guint max_per_table; /* the most stops inside one table or list (the Areas list too) */
} TabCycle;

/* Tabs through the window's whole focus chain as the Tab key does (the
 * window's move-focus, which starts over after the last stop) and fails on a
 * stop that has no action (a selectable label, a tile, a row that is only
 * read) and on a press that leaves the focus where it was (a widget that
 * swallows Tab). Counts the stops, those inside @page and the most inside one
 * table. */
static TabCycle
check_tab_stops (GtkWidget  *window,
                 GtkWidget  *page,
                 const char *view)
{
  g_autoptr(GHashTable) per_table = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;
  GtkWidget *prev = NULL;
  TabCycle cycle = { 0 };

  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;
      GtkWidget *table;
      GtkWidget *row;
      guint n;

      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      if (focus == first)
        break;
      if (focus == prev)
        g_error ("%s: Tab is stuck at a %s in a %s", view, G_OBJECT_TYPE_NAME (focus),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
      prev = focus;
      if (first == NULL)
        first = focus;
      cycle.stops++;
      if (page != NULL && gtk_widget_is_ancestor (focus, page))
        cycle.page_stops++;
      if (g_getenv ("AIMAK_A11Y_DUMP") != NULL)
        {
          g_autoptr(GString) chain = g_string_new (NULL);

          for (GtkWidget *w = focus; w != NULL && w != window; w = gtk_widget_get_parent (w))
            g_string_append_printf (chain, "%s%s", chain->len ? " < " : "", G_OBJECT_TYPE_NAME (w));
          g_test_message ("%s stop %u: %s", view, cycle.stops, chain->str);
        }
      table = gtk_widget_get_ancestor (focus, AIMAK_TYPE_FOCUS_STOP);
      if (table == NULL)
        table = gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW);
      if (table == NULL)
        table = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW);
      if (table != NULL)
        {
          n = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, table)) + 1;
          g_hash_table_insert (per_table, table, GUINT_TO_POINTER (n));
          cycle.max_per_table = MAX (cycle.max_per_table, n);
        }
      row = GTK_IS_LIST_BOX_ROW (focus) ? focus : NULL;
      /* A table's row name is the table's stop; any other label has no action. */
      if ((GTK_IS_LABEL (focus) && gtk_widget_get_ancestor (focus, AIMAK_TYPE_FOCUS_STOP) == NULL) ||
          GTK_IS_FLOW_BOX_CHILD (focus) ||
          (row != NULL && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)) &&
           gtk_widget_get_first_child (row) != NULL))
        g_error ("%s: Tab stops at a %s with no action", view, G_OBJECT_TYPE_NAME (focus));
    }
  g_test_message ("%s: %u Tab stops, %u in the view, at most %u in one table", view,
                  cycle.stops, cycle.page_stops, cycle.max_per_table);
  return cycle;
}

/* In a Summary table, Down goes from row to row inside it and Tab leaves it. */
static void
check_summary_table (GtkWidget *window,
                     GtkWidget *page)
{
  GtkWidget *focus = NULL;
  GtkWidget *table;
  GtkWidget *row;

  for (guint i = 0; i < 60; i++)
    {
      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, page) && GTK_IS_LABEL (focus) &&
          gtk_widget_get_ancestor (focus, AIMAK_TYPE_SUMMARY_CARD) != NULL)
        break;
      focus = NULL;
    }
  g_assert_nonnull (focus);
  table = gtk_widget_get_ancestor (focus, AIMAK_TYPE_FOCUS_STOP);
  g_assert_nonnull (table);
  g_test_message ("summary table entered at '%s'", gtk_label_get_text (GTK_LABEL (focus)));
  row = focus;
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_DOWN);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_true (focus != row);
  g_assert_true (gtk_widget_is_ancestor (focus, table));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (gtk_widget_is_ancestor (focus, table));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, table));
}

/* Every table of the profile and the Summary is one Tab stop: the Tab presses
 * that cross the profile were 34 (8 rows of values, 6 rows of names) and
 * Tab never got through the Summary (its title swallowed it). */
static void
test_a11y_idle_stops (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  TabCycle cycle;

  g_assert_true (aimak_demo_create (tdb->db, 12, 12, 7, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_test_wait_ms (300);
  cycle = check_tab_stops (GTK_WIDGET (window),
                           aimak_areas_page_get_widget (AIMAK_AREAS_PAGE (aimak_window_get_page (window, "areas")),
                                                        "profile"),
                           "profile");
  /* Parent areas, programme, Add Value… of the tiles without data, Add
   * Priority, map, chart buttons, filters, the value table: no more. */
  g_assert_cmpuint (cycle.page_stops, >=, 8);
  g_assert_cmpuint (cycle.page_stops, <=, PROFILE_STOPS);
  g_assert_cmpuint (cycle.max_per_table, ==, 1);
  aimak_window_show_view (window, "summary");
  aimak_test_wait_ms (300);
  cycle = check_tab_stops (GTK_WIDGET (window), aimak_window_get_page (window, "summary"),
                           "summary");
  /* Scope, export, and per card its Copy button and its table. */
  g_assert_cmpuint (cycle.page_stops, >=, 4);
  g_assert_cmpuint (cycle.page_stops, <=, SUMMARY_STOPS);
  g_assert_cmpuint (cycle.max_per_table, ==, 1);
  check_summary_table (GTK_WIDGET (window), aimak_window_get_page (window, "summary"));
  aimak_window_show_view (window, "capacity");
  aimak_test_wait_ms (300);
  cycle = check_tab_stops (GTK_WIDGET (window), aimak_window_get_page (window, "capacity"),
                           "capacity");
  g_assert_cmpuint (cycle.page_stops, >=, 3);
  g_assert_cmpuint (cycle.max_per_table, <=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/a11y-keys/table-tab", test_a11y_table_tab);
  g_test_add_func ("/a11y-keys/idle-stops", test_a11y_idle_stops);
  return g_test_run ();
}
