/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-large-text.c — the views at GNOME's Large Text (a text scale of 1.5:
 * GtkSettings:gtk-xft-dpi at 144 × 1024, as XSETTINGS sets it), switched on
 * while the window is open and back off: nothing cut.
 *   /large-text/priorities   every Marker badge and Budget figure of the table
 *                            fits its cell; the filter drop-downs show their
 *                            values whole, side by side or wrapped, never on
 *                            each other; the columns go back at 1×
 *   /large-text/roles        the participant roles of the activity editor are
 *                            not squeezed into a narrow column (at most two
 *                            lines each) */
#include "config.h"

#include <adwaita.h>

#include "aimak-activity.h"
#include "aimak-capacity-page.h"
#include "aimak-marker-badge.h"
#include "aimak-numbers.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON "KG02210815000"
#define SUZAK_AA "KG03220856000"

static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1024 * scale), NULL);
  /* The styles change, the columns are fitted in an idle, the list lays out again. */
  aimak_test_wait_ms (500);
}

/* @widget is drawn whole: its natural width fits the width it was given, and
 * that lies inside its parent (a table cell clips what sticks out). */
static void
assert_whole (GtkWidget  *widget,
              const char *what)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  graphene_rect_t bounds;
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (widget, parent, &bounds));
  if (natural > gtk_widget_get_width (widget) ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (parent) + 0.5)
    g_error ("%s is cut: needs %d px, has %d px in a cell of %d px", what, natural,
             gtk_widget_get_width (widget), gtk_widget_get_width (parent));
}

/* Checks every drawn cell of the Marker and Budget columns; returns how many. */
static guint
check_cells (GtkWidget *root,
             GPtrArray *budgets)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_is_drawable (c))
        continue;
      int marker = -1;

      if (AIMAK_IS_MARKER_BADGE (c))
        g_object_get (c, "marker", &marker, NULL);
      if (marker >= 0)
        {
          assert_whole (c, "a marker badge");
          n++;
          continue;
        }
      if (GTK_IS_LABEL (c) && g_ptr_array_find_with_equal_func (budgets, gtk_label_get_text (GTK_LABEL (c)),
                                                               g_str_equal, NULL))
        {
          assert_whole (c, gtk_label_get_text (GTK_LABEL (c)));
          n++;
        }
      n += check_cells (c, budgets);
    }
  return n;
}

/* A drawn label with a text. */
static gboolean
is_text_label (GtkWidget     *widget,
               gconstpointer  data G_GNUC_UNUSED)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         *gtk_label_get_text (GTK_LABEL (widget));
}

/* The filter drop-downs: values not ellipsized, drop-downs apart. */
static void
check_filters (AimakPrioritiesPage *page)
{
  const char *names[] = { "status", "marker", "target-group", "sector" };
  graphene_rect_t rects[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *dropdown = aimak_priorities_page_get_widget (page, names[i]);
      GtkWidget *button = aimak_test_find_type (dropdown, GTK_TYPE_TOGGLE_BUTTON);
      GtkWidget *label = aimak_test_find (button, is_text_label, NULL);

      g_assert_nonnull (label);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        g_error ("the %s filter shows “%s” cut", names[i], gtk_label_get_text (GTK_LABEL (label)));
      assert_whole (label, gtk_label_get_text (GTK_LABEL (label)));
      g_assert_true (gtk_widget_compute_bounds (dropdown, GTK_WIDGET (page), &rects[i]));
      for (guint j = 0; j < i; j++)
        if (graphene_rect_intersection (&rects[i], &rects[j], NULL))
          g_error ("the %s and %s filters overlap", names[j], names[i]);
    }
}

/* Waits (at most 5 s, the machine may be busy) until the table has laid its
 * cells out at the columns' widths: each column's header as wide as asked. */
static void
wait_for_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (int tries = 0; tries < 25; tries++)
    {
      gboolean settled = TRUE;

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);
          GtkWidget *badge = NULL;
          int natural;

          if (col != NULL && gtk_column_view_column_get_title (col) &&
              g_str_equal (gtk_column_view_column_get_title (col), "Marker"))
            badge = aimak_test_find_type (GTK_WIDGET (view), AIMAK_TYPE_MARKER_BADGE);
          if (badge == NULL)
            continue;
          gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          settled = gtk_widget_get_width (gtk_widget_get_parent (badge)) >= natural;
        }
      if (settled)
        return;
      aimak_test_wait_ms (200);
    }
}

static void
test_priorities (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func (g_free);
  const double amounts[] = { 123456789, 98765432, 1500000 };
  GtkColumnViewColumn *marker_column, *budget_column = NULL;
  AimakPrioritiesPage *page;
  AimakWindow *window;
  GListModel *columns;
  int marker_1x;

  for (int m = 0; m <= 2; m++)
    {
      g_autoptr(AimakPriority) p = aimak_priority_new (BARSKOON);
      g_autoptr(GError) error = NULL;

      g_free (p->title);
      p->title = g_strdup_printf ("Priority with marker %d", m);
      p->budget_kgs = amounts[m];
      p->gender_marker = m;
      if (m > 0)
        p->marker_justification = g_strdup ("Women returnees named it at the community meeting.");
      g_assert_true (aimak_priority_create (tdb->db, p, &error));
      g_assert_no_error (error);
      g_ptr_array_add (budgets, aimak_numbers_format_budget (amounts[m]));
    }
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_window_show_view (window, "priorities");
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  aimak_test_wait_ms (500);
  g_assert_cmpuint (check_cells (aimak_priorities_page_get_widget (page, "column-view"), budgets), ==, 6);
  check_filters (page);
  marker_column = page->marker_column;
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (aimak_priorities_page_get_widget (page, "column-view")));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_sorter (col) == GTK_SORTER (page->budget_sorter))
        budget_column = col;
    }
  g_assert_nonnull (budget_column);
  marker_1x = gtk_column_view_column_get_fixed_width (marker_column);

  /* Large Text switched on with the window open. */
  set_text_scale (1.5);
  wait_for_columns (GTK_COLUMN_VIEW (aimak_priorities_page_get_widget (page, "column-view")));
  g_assert_cmpuint (check_cells (aimak_priorities_page_get_widget (page, "column-view"), budgets), ==, 6);
  check_filters (page);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (marker_column), >, marker_1x);

  /* And off again: the columns are as narrow as before. */
  set_text_scale (1);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (marker_column), ==, marker_1x);
  check_cells (aimak_priorities_page_get_widget (page, "column-view"), budgets);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* A label that shows @text. */
static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The rows of the participant roles (a row with counts): the role's name in at
 * most two lines, inside its row, and the counts whole. */
static guint
check_roles (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_PREFERENCES_ROW (c) && aimak_test_find_type (c, GTK_TYPE_SPIN_BUTTON))
        {
          const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c));
          GtkWidget *label = aimak_test_find (c, is_label_with, name);
          GtkWidget *spin = aimak_test_find_type (c, GTK_TYPE_SPIN_BUTTON);
          int lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
          graphene_rect_t bounds;

          if (lines > 2)
            g_error ("the role “%s” takes %d lines in %d px", name, lines,
                     gtk_widget_get_width (label));
          g_assert_true (gtk_widget_compute_bounds (label, c, &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (c));
          assert_whole (gtk_widget_get_parent (spin), "the counts");
          n++;
          continue;
        }
      n += check_roles (c);
    }
  return n;
}

static void
test_roles (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
  g_autoptr(GError) error = NULL;
  AimakActivityEditor *editor;
  AimakCapacityPage *page;
  AimakWindow *window;

  g_free (a->topic);
  a->topic = g_strdup ("Gender-responsive budgeting for ayil okmotu staff");
  aimak_activity_set_participants (a, "local_authority", 12, 5);
  g_assert_true (aimak_activity_create (tdb->db, a, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "capacity");
  aimak_test_iterate ();
  page = AIMAK_CAPACITY_PAGE (aimak_window_get_page (window, "capacity"));
  editor = aimak_capacity_page_get_editor (page);
  g_signal_emit_by_name (aimak_test_find_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW), "activate", 0);
  aimak_test_wait_ms (300);
  g_assert_cmpstr (aimak_activity_editor_get_id (editor), ==, a->id);
  g_assert_cmpuint (check_roles (GTK_WIDGET (editor)), >=, 8);
  set_text_scale (1.5);
  g_assert_cmpuint (check_roles (GTK_WIDGET (editor)), >=, 8);
  set_text_scale (1);
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
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
  g_test_add_func ("/large-text/priorities", test_priorities);
  g_test_add_func ("/large-text/roles", test_roles);
  return g_test_run ();
}
