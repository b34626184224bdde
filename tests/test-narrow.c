/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-narrow.c — every view at 360, 600 and 1200 px: no widget outside the
 * window, the key widgets shown or reachable (the area list as its own page,
 * the Priorities filters in a menu), a tap opening a row on narrow windows. */
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "aimak-areas-page-private.h"
#include "aimak-priorities-page-private.h"
#include "aimak-summary-page-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"
#include "aimak-summary-card-private.h"

#define BARSKOON "KG02210815000"

/* Every drawn widget lies inside the window, except inside a scrolled area
 * (which may be wider than its viewport and scrolls). */
static void
assert_inside (GtkWidget *window,
               GtkWidget *root,
               int        width)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      graphene_rect_t b;

      /* A scrollbar's slider is drawn a little past the scroller's edge. */
      if (!gtk_widget_is_drawable (c) || GTK_IS_NATIVE (c) || GTK_IS_SCROLLBAR (c))
        continue;
      if (gtk_widget_compute_bounds (c, window, &b) && b.size.width > 0)
        {
          /* Header bars reach 1 px past the edges by design (negative margins). */
          if (b.origin.x < -1.5 || b.origin.x + b.size.width > width + 1.5)
            {
              g_autoptr(GString) chain = g_string_new (NULL);

              for (GtkWidget *p = c; p; p = gtk_widget_get_parent (p))
                g_string_append_printf (chain, " < %s", G_OBJECT_TYPE_NAME (p));
              g_error ("%s lies at x %.0f, width %.0f in a %d px window",
                       chain->str, b.origin.x, b.size.width, width);
            }
        }
      if (GTK_IS_SCROLLED_WINDOW (c))
        {
          GtkPolicyType h;

          /* One that cannot scroll sideways lays its content out in its own
           * width: that content must fit too. */
          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (c), &h, NULL);
          if (h != GTK_POLICY_NEVER)
            continue;
        }
      assert_inside (window, c, width);
    }
}

/* With AIMAK_TEST_SCREENSHOTS=DIR, a PNG of the window as the test sees it. */
static void
save_png (GtkWidget  *widget,
          const char *view,
          int         width,
          const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%d%s-%s.png", view, width, what,
                                           g_getenv ("LANGUAGE"));

  aimak_test_save_png (widget, name, 1000);
}

static AimakWindow *
open_window (AimakDb            *db,
             int                 width,
             const char * const *views)
{
  AimakWindow *window = aimak_window_new (NULL, db);
  const char *all_views[] = { "areas", "priorities", "capacity", "summary" };

  /* Only the views checked count towards the window's width (a window once
   * widened does not shrink back). */
  for (guint a = 0; a < G_N_ELEMENTS (all_views); a++)
    gtk_widget_set_visible (aimak_window_get_page (window, all_views[a]),
                            g_strv_contains (views, all_views[a]));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  return window;
}

/* Layout runs on the frame clock: wait for frames, not just idles, until
 * @widget has a size (a loaded machine may take a while). */
static void
wait_frames (GtkWidget *widget)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () < start + 300 * 1000 ||
         (gtk_widget_get_width (widget) == 0 &&
          g_get_monotonic_time () < start + 5 * G_USEC_PER_SEC))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  aimak_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
check_view (AimakWindow *window,
            const char  *view,
            int          width)
{
  GtkWidget *page;
  GtkWidget *best = NULL;
  int min = 0, best_min = 0;

  aimak_window_show_view (window, view);
  page = aimak_window_get_page (window, view);
  wait_frames (page);
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  aimak_test_widest (page, &best, &best_min);
  g_test_message ("%s at %d px: minimum width %d (widest: %s %s %d)", view, width, min,
                  best ? G_OBJECT_TYPE_NAME (best) : "-",
                  best && gtk_widget_get_parent (best)
                    ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (best)) : "-", best_min);
  if (g_str_equal (view, "summary") && width >= 1200)
    /* Two cards a line need more in Russian; the window still narrows to
     * where they fold into one (see shrink_summary). */
    g_assert_cmpint (min, <, 700);
  else
    g_assert_cmpint (min, <=, 360);
  /* The default size counts the window's shadow; the content gets the rest. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  assert_inside (GTK_WIDGET (window), GTK_WIDGET (window),
                 gtk_widget_get_width (GTK_WIDGET (window)));
  save_png (GTK_WIDGET (window), view, width, "");
}

static void
check_areas (AimakWindow *window,
             int          width)
{
  AimakAreasPage *page = AIMAK_AREAS_PAGE (aimak_window_get_page (window, "areas"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (aimak_areas_page_get_model (page));
  GtkWidget *search = aimak_areas_page_get_widget (page, "search");
  GtkWidget *profile = aimak_areas_page_get_widget (page, "profile");

  aimak_window_show_view (window, "areas");
  wait_frames (GTK_WIDGET (page));
  if (width >= 1200)
    {
      /* Side by side. */
      g_assert_cmpstr (aimak_areas_page_get_pane (page), ==, "both");
      g_assert_true (gtk_widget_is_drawable (search));
      g_assert_true (gtk_widget_is_drawable (profile));
      g_assert_false (gtk_widget_is_drawable (aimak_areas_page_get_widget (page, "back")));
      return;
    }
  /* The list has its own page; a tap on a row opens the profile, Back returns. */
  g_assert_cmpstr (aimak_areas_page_get_pane (page), ==, "list");
  g_assert_true (gtk_widget_is_drawable (search));
  g_assert_false (gtk_widget_is_drawable (profile));
  gtk_single_selection_set_selected (selection, 0);
  wait_frames (gtk_widget_get_first_child (aimak_areas_page_get_widget (page, "back")));
  g_assert_cmpstr (aimak_areas_page_get_pane (page), ==, "profile");
  g_assert_true (gtk_widget_is_drawable (profile));
  g_assert_true (gtk_widget_is_drawable (aimak_areas_page_get_widget (page, "back")));
  save_png (GTK_WIDGET (window), "areas", width, "-profile");
  /* An oblast's profile, with its tables, does not widen the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  assert_inside (GTK_WIDGET (window), GTK_WIDGET (window),
                 gtk_widget_get_width (GTK_WIDGET (window)));
  gtk_widget_activate (gtk_widget_get_first_child (aimak_areas_page_get_widget (page, "back")));
  wait_frames (GTK_WIDGET (page));
  g_assert_cmpstr (aimak_areas_page_get_pane (page), ==, "list");
}

static void
check_priorities (AimakWindow *window,
                  int          width)
{
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  GtkWidget *filter_button = aimak_priorities_page_get_widget (page, "filter-button");
  GtkWidget *column_view = aimak_priorities_page_get_widget (page, "column-view");
  const char *filters[] = { "status", "marker", "target-group", "sector" };

  aimak_window_show_view (window, "priorities");
  wait_frames (GTK_WIDGET (page));
  g_assert_true (gtk_widget_is_drawable (aimak_priorities_page_get_widget (page, "search")));
  g_assert_true (gtk_widget_is_drawable (aimak_priorities_page_get_widget (page, "scope")));
  g_assert_true (gtk_widget_is_drawable (aimak_priorities_page_get_widget (page, "new-button")));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *filter = aimak_priorities_page_get_widget (page, filters[i]);

      if (width >= 1200)
        g_assert_true (gtk_widget_is_drawable (filter));
      else
        /* Folded into the Filters menu. */
        g_assert_true (gtk_widget_is_ancestor (filter, GTK_WIDGET (gtk_menu_button_get_popover (
                                                 GTK_MENU_BUTTON (filter_button)))));
    }
  g_assert_cmpint (gtk_widget_is_drawable (filter_button), ==, width < 1200);
  /* A single click or tap opens a row when the list is alone. */
  g_assert_cmpint (gtk_column_view_get_single_click_activate (GTK_COLUMN_VIEW (column_view)), ==,
                   width < 1200);
  if (width < 1200)
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
      wait_frames (GTK_WIDGET (page));
      save_png (GTK_WIDGET (window), "priorities", width, "-filters");
      g_assert_true (gtk_widget_is_drawable (aimak_priorities_page_get_widget (page, "status")));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (filter_button));
      g_signal_emit_by_name (column_view, "activate", 0);
      wait_frames (GTK_WIDGET (page));
      g_assert_true (gtk_widget_is_drawable (aimak_priorities_page_get_widget (page,
                                                                              "editor-title")));
      g_assert_false (gtk_widget_is_drawable (column_view));
    }
}

/* Every drawn label below @root is whole: none ellipsized, none given less
 * height than its wrapped text needs (cut off at the bottom). */
static guint
assert_labels_whole (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_is_drawable (c))
        continue;
      if (GTK_IS_LABEL (c) && *gtk_label_get_text (GTK_LABEL (c)))
        {
          int min_h = 0;

          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (c), &min_h,
                              NULL, NULL, NULL);
          if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (c))) ||
              gtk_widget_get_height (c) < min_h)
            g_error ("label \"%s\" is cut: %d×%d px, needs %d px high%s",
                     gtk_label_get_text (GTK_LABEL (c)), gtk_widget_get_width (c),
                     gtk_widget_get_height (c), min_h,
                     pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (c)))
                       ? ", ellipsized" : "");
          n++;
        }
      n += assert_labels_whole (c);
    }
  return n;
}

static void
collect_tiles (GtkWidget *root,
               GPtrArray *tiles)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_has_css_class (c, "summary-tile"))
        g_ptr_array_add (tiles, c);
      collect_tiles (c, tiles);
    }
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkScrolledWindow *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (c))
        return GTK_SCROLLED_WINDOW (c);
      if ((found = find_scroller (c)))
        return found;
    }
  return NULL;
}

static graphene_rect_t
bounds (GtkWidget *widget,
        GtkWidget *relative_to)
{
  graphene_rect_t b;

  g_assert_true (gtk_widget_compute_bounds (widget, relative_to, &b));
  return b;
}

/* The Summary reflows: one key figure and one card a line on a narrow window,
 * several side by side on a wide one; the many-column participants table
 * scrolls sideways in its own scroller when the card is narrower than it. */
static void
check_summary (AimakWindow *window,
               int          width)
{
  AimakSummaryPage *page = AIMAK_SUMMARY_PAGE (aimak_window_get_page (window, "summary"));
  GtkWidget *status = GTK_WIDGET (aimak_summary_page_get_card (page, "priorities_by_status"));
  GtkWidget *marker = GTK_WIDGET (aimak_summary_page_get_card (page, "priorities_by_marker"));
  GtkWidget *roles =
    GTK_WIDGET (aimak_summary_page_get_card (page, "participants_by_role_and_sex"));
  GtkScrolledWindow *table_scroller = find_scroller (roles);
  GtkAdjustment *h;
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
  graphene_rect_t first, b, bs, bm;

  aimak_window_show_view (window, "summary");
  wait_frames (GTK_WIDGET (page));
  g_assert_cmpuint (assert_labels_whole (GTK_WIDGET (page)), >, 50);

  collect_tiles (GTK_WIDGET (page), tiles);
  g_assert_cmpuint (tiles->len, ==, 6);
  first = bounds (g_ptr_array_index (tiles, 0), GTK_WIDGET (page));
  b = bounds (g_ptr_array_index (tiles, 1), GTK_WIDGET (page));
  if (width <= 360)
    /* One tile a line. */
    g_assert_cmpfloat (b.origin.y, >=, first.origin.y + first.size.height);
  else
    g_assert_cmpfloat (b.origin.y, ==, first.origin.y);
  if (width >= 1200)
    {
      b = bounds (g_ptr_array_index (tiles, 2), GTK_WIDGET (page));
      g_assert_cmpfloat (b.origin.y, ==, first.origin.y);
    }

  bs = bounds (status, GTK_WIDGET (page));
  bm = bounds (marker, GTK_WIDGET (page));
  if (width >= 1200)
    /* Side by side. */
    g_assert_cmpfloat (bm.origin.y, ==, bs.origin.y);
  else
    {
      g_assert_cmpfloat (bm.origin.x, ==, bs.origin.x);
      g_assert_cmpfloat (bm.origin.y, >=, bs.origin.y + bs.size.height);
    }

  /* A table is as tall as its rows, not as its least width would make it
   * (GTK 4.8 measures scrolled content so), and the card no taller. */
  {
    AimakSummaryCard *card = AIMAK_SUMMARY_CARD (status);
    GtkWidget *table = aimak_test_find (status, has_css_class, "summary-table");
    guint rows = 0;

    while (aimak_summary_card_get_cell (card, rows, 0))
      rows++;
    g_assert_cmpuint (rows, >, 2);
    g_assert_cmpint (gtk_widget_get_height (table), <=, 60 * (int) rows);
  }
  g_assert_nonnull (table_scroller);
  h = gtk_scrolled_window_get_hadjustment (table_scroller);
  if (width <= 360)
    /* The five columns do not fit a phone: they scroll, not the page. */
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
  else if (width >= 1200)
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h));
}

/* A wide window with the Summary shown narrows to 360 px: the cards fold
 * back to one a line once the window is narrower than 700 px (a user's drag
 * goes on past that point; here a second resize). */
static void
shrink_summary (AimakWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 700);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_frames (GTK_WIDGET (window));
  check_view (window, "summary", 360);
  check_summary (window, 360);
}

static void
set_language (const char *lang)
{
  extern int _nl_msg_cat_cntr;

  g_setenv ("LANGUAGE", lang, TRUE);
  /* gettext caches lookups until told that catalogues changed. */
  ++_nl_msg_cat_cntr;
}

static void
check_views (const char         *lang,
             const char * const *views)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;
  const int widths[] = { 360, 600, 1200 };

  aimak_db_set_language (db, lang);
  g_assert_true (aimak_demo_create (db, 30, 10, 7, &error));
  g_assert_no_error (error);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      AimakWindow *window = open_window (db, widths[w], views);

      g_assert_true (aimak_window_select_area (window, BARSKOON));
      aimak_test_iterate ();
      for (guint v = 0; views[v]; v++)
        {
          check_view (window, views[v], widths[w]);
          if (g_str_equal (views[v], "areas"))
            check_areas (window, widths[w]);
          else if (g_str_equal (views[v], "priorities"))
            check_priorities (window, widths[w]);
          else if (g_str_equal (views[v], "summary"))
            {
              check_summary (window, widths[w]);
              if (widths[w] >= 1200)
                shrink_summary (window);
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
      aimak_test_iterate ();
    }
}

static void
test_views (void)
{
  const char *views[] = { "areas", "priorities", "capacity", "summary", NULL };

  set_language ("en");
  check_views ("en", views);
}

/* Russian words are long: labels wrap, tiles and cards reflow, nothing
 * widens the window. */
static void
test_summary_russian (void)
{
  const char *views[] = { "summary", NULL };

  set_language ("ru");
  g_assert_cmpstr (_("Russian"), ==, "Русский");
  check_views ("ru", views);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("AIMAK_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The application loads style.css (paddings count); there is no application here. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Layouts are checked at rest, not in the middle of a leaflet's slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita 1.2's view switcher bar allocates its hidden box at width 0 when it
   * appears on a narrow window, with a GTK warning that is not ours to fail on:
   * only criticals stay fatal here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/narrow/views", test_views);
  g_test_add_func ("/narrow/summary/russian", test_summary_russian);
  return g_test_run ();
}
