/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-lazy.c — the first window builds only the Areas view (issue 18):
 * Priorities, Capacity Building and Summary are made after the first frame,
 * Capacity Building's list is filled then, the Priorities list only when it
 * is shown or asked for; a page asked for earlier is made at once. */
#include "config.h"

#include <adwaita.h>

#include "aimak-capacity-page-private.h"
#include "aimak-priorities-page-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

static AdwViewStack *
find_stack (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwViewStack *found = ADW_IS_VIEW_STACK (c) ? ADW_VIEW_STACK (c) : find_stack (c);

      if (found)
        return found;
    }
  return NULL;
}

/* What the view stack holds for @name: the page, or NULL while not made. */
static GtkWidget *
made_page (AimakWindow *window,
           const char  *name)
{
  AdwViewStack *stack = find_stack (GTK_WIDGET (window));
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, name);

  g_assert_true (ADW_IS_BIN (child));
  return adw_bin_get_child (ADW_BIN (child));
}

static void
test_pages_after_first_frame (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakCapacityPage *capacity;
  AimakPrioritiesPage *priorities;
  gint64 give_up;

  g_assert_true (aimak_demo_create (tdb->db, 40, 10, 1, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  g_assert_null (made_page (window, "priorities"));
  g_assert_null (made_page (window, "capacity"));
  g_assert_null (made_page (window, "summary"));

  gtk_window_present (GTK_WINDOW (window));
  give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((made_page (window, "capacity") == NULL ||
          g_list_model_get_n_items (aimak_capacity_page_get_model (
            AIMAK_CAPACITY_PAGE (made_page (window, "capacity")))) == 0) &&
         g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  aimak_test_iterate ();

  g_assert_cmpstr (aimak_window_get_view (window), ==, "areas");
  capacity = AIMAK_CAPACITY_PAGE (made_page (window, "capacity"));
  g_assert_nonnull (capacity);
  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (capacity)), ==, 10);
  /* Priorities and Summary: made when shown or asked for, with their data. */
  g_assert_null (made_page (window, "priorities"));
  g_assert_null (made_page (window, "summary"));
  priorities = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  g_assert_true (made_page (window, "priorities") == GTK_WIDGET (priorities));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (priorities->selection)), ==, 40);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* Asked for before the first frame: made then, with its data. */
static void
test_page_asked_for_early (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  GtkWidget *page;

  g_assert_true (aimak_demo_create (tdb->db, 12, 3, 1, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  page = aimak_window_get_page (window, "capacity");
  g_assert_true (AIMAK_IS_CAPACITY_PAGE (page));
  g_assert_true (made_page (window, "capacity") == page);
  g_assert_null (made_page (window, "priorities"));
  g_assert_cmpuint (g_list_model_get_n_items (aimak_capacity_page_get_model (
    AIMAK_CAPACITY_PAGE (page))), ==, 3);
  aimak_window_show_view (window, "summary");
  g_assert_nonnull (made_page (window, "summary"));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/window-lazy/pages-after-first-frame", test_pages_after_first_frame);
  g_test_add_func ("/window-lazy/page-asked-for-early", test_page_asked_for_early);
  return g_test_run ();
}
