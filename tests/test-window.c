/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the main window through its real widgets: it opens on a
 * fresh database, lists the top-level units, searches and selects areas. */
#include "config.h"

#include <adwaita.h>

#include "aimak-area-item.h"
#include "aimak-areas-page-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

static char *
row_code (GListModel *model,
          guint       i)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
  g_autoptr(AimakAreaItem) item = gtk_tree_list_row_get_item (row);

  return g_strdup (aimak_area_item_get_code (item));
}

static void
test_window_areas (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = aimak_window_new (NULL, db);
  AimakAreasPage *page = AIMAK_AREAS_PAGE (aimak_window_get_page (window, "areas"));
  GListModel *model = aimak_areas_page_get_model (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);
  g_autofree char *first = NULL;

  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();

  /* The tree starts with the 9 top-level units, in English here. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  first = row_code (model, 0);
  g_assert_cmpstr (first, ==, "KG05000000000");  /* Batken sorts first */
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Choose an Area"));

  /* Search in English finds the pilot ayil aimak, with its parents as subtitle. */
  aimak_areas_page_set_search (page, "Barskoon");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autofree char *code = row_code (model, 0);
    g_assert_cmpstr (code, ==, "KG02210815000");
  }
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Jeti-Oguz · Issyk-Kul"));

  /* In Kyrgyz/Russian spelling too. */
  aimak_areas_page_set_search (page, "Барскоон");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Selecting the result shows its details. */
  gtk_single_selection_set_selected (selection, 0);
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_window_get_area (window), ==, "KG02210815000");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Barskoon"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Pilot area"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Ayil aimak · KG02210815000"));

  /* By code, and a search with no match shows the empty state. */
  aimak_areas_page_set_search (page, "KG0322085600");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  aimak_areas_page_set_search (page, "Atlantis");
  aimak_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "No Matching Areas"));

  /* Selecting by code expands the tree down to the area. */
  g_assert_true (aimak_window_select_area (window, "KG03220856000"));
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_window_get_area (window), ==, "KG03220856000");
  {
    guint pos = gtk_single_selection_get_selected (selection);
    g_autofree char *code = row_code (model, pos);
    g_assert_cmpstr (code, ==, "KG03220856000");
  }
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (window), "Suzak"));

  /* Every view fits a narrow window. */
  {
    const char *views[] = { "areas", "priorities", "capacity", "summary" };
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        int min = 0;
        gtk_widget_measure (aimak_window_get_page (window, views[i]), GTK_ORIENTATION_HORIZONTAL,
                            -1, &min, NULL, NULL, NULL);
        g_test_message ("%s view: minimum width %d", views[i], min);
        g_assert_cmpint (min, <=, 400);
      }
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
  g_test_add_func ("/window/areas", test_window_areas);
  return g_test_run ();
}
