/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-layout.c — issue 12 through real widgets: the profile's Priorities
 * section and its buttons, a new area opening at its top, the rank buttons at
 * the ends of the list, demo activities marked, names and export language in
 * a Russian interface, the app icon from the build tree, drop-downs and
 * badges that show their whole text. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "aimak-application.h"
#include "aimak-area-priorities-private.h"
#include "aimak-area-profile.h"
#include "aimak-areas-page-private.h"
#include "aimak-export-dialog.h"
#include "aimak-marker-badge.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON  "KG02210815000"
#define DARKAN    "KG02210820000"
#define SUZAK_AA  "KG03220856000"

/* Layout runs on the frame clock: let a few frames pass, not only idles. */
static void
wait_frames (void)
{
  gint64 end = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  aimak_test_iterate ();
}

static AimakWindow *
open_window (AimakDb *db,
             int      width,
             int      height)
{
  AimakWindow *window = aimak_window_new (NULL, db);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  return window;
}

static void
close_window (AimakWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

static char *
add_priority (AimakDb    *db,
              const char *area,
              const char *title,
              const char *status,
              int         marker)
{
  g_autoptr(AimakPriority) p = aimak_priority_new (area);
  g_autoptr(GError) error = NULL;

  g_free (p->title);
  p->title = g_strdup (title);
  p->gender_marker = marker;
  if (marker > 0)
    {
      g_free (p->marker_justification);
      p->marker_justification = g_strdup ("Women asked for it.");
    }
  if (!aimak_priority_create (db, p, &error))
    g_error ("%s", error->message);
  /* Statuses past the draft need a complete priority; only the count matters here. */
  g_assert_true (aimak_db_exec (db, &error, "UPDATE priority SET status = ? WHERE id = ?", "tt",
                                status, p->id));
  return g_strdup (p->id);
}

static guint
count_rows (AimakPrioritiesPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (aimak_priorities_page_get_selection (page)));
}

/* A preferences row by its title. */
static gboolean
is_drawn_row (GtkWidget     *widget,
              gconstpointer  title)
{
  return aimak_test_is_row (widget, title) && gtk_widget_is_drawable (widget);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return aimak_test_find (root, is_drawn_row, title);
}

/* The first drawn scrolled window below @root that can scroll down. */
static GtkScrolledWindow *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (c) && gtk_widget_is_drawable (c))
        {
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (c));

          if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 100)
            return GTK_SCROLLED_WINDOW (c);
        }
      if ((found = find_scroller (c)))
        return found;
    }
  return NULL;
}

/* ---- From an area to its priorities ---- */

static void
test_profile_priorities (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autofree char *first = add_priority (db, BARSKOON, "Drinking water", "draft", 0);
  g_autofree char *second = add_priority (db, BARSKOON, "Sewing courses", "proposed", 2);
  g_autofree char *third = add_priority (db, BARSKOON, "Safe migration clubs", "draft", 1);
  g_autofree char *fourth = add_priority (db, BARSKOON, "Street lights", "draft", 2);
  g_autofree char *elsewhere = add_priority (db, DARKAN, "Water for Darkan", "draft", 0);
  AimakWindow *window = open_window (db, 1400, 900);
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  AimakAreaPriorities *section;
  GtkWidget *list;
  const char *summary;

  g_assert_true (aimak_window_select_area (window, BARSKOON));
  wait_frames ();
  section = AIMAK_AREA_PRIORITIES (aimak_test_find_type (GTK_WIDGET (window),
                                                         AIMAK_TYPE_AREA_PRIORITIES));
  g_assert_nonnull (section);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (section)));

  /* Counts by status (workflow order) and by marker; Darkan's is not counted. */
  summary = aimak_area_priorities_get_summary (section);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "4 priorities: Draft: 3, Proposed for public hearing: 1"));
  g_assert_nonnull (strstr (summary, "2 Principal: 2, 1 Significant: 1, 0 Not targeted: 1"));
  /* The first three by rank. */
  g_assert_cmpuint (aimak_area_priorities_get_n_top (section), ==, 3);
  list = aimak_area_priorities_get_widget (section, "top-list");
  g_assert_nonnull (find_row (list, "1. Drinking water"));
  g_assert_nonnull (find_row (list, "3. Safe migration clubs"));
  g_assert_null (find_row (list, "4. Street lights"));

  /* Show All opens the Priorities view on this area. */
  gtk_widget_activate (aimak_area_priorities_get_widget (section, "show-all"));
  wait_frames ();
  g_assert_cmpstr (aimak_window_get_view (window), ==, "priorities");
  g_assert_cmpstr (aimak_priorities_page_get_scope (page), ==, BARSKOON);
  g_assert_cmpuint (count_rows (page), ==, 4);

  /* A top row opens that priority. */
  aimak_window_show_view (window, "areas");
  wait_frames ();
  g_signal_emit_by_name (list, "row-activated", find_row (list, "2. Sewing courses"));
  wait_frames ();
  g_assert_cmpstr (aimak_window_get_view (window), ==, "priorities");
  g_assert_cmpstr (aimak_priority_editor_get_id (aimak_priorities_page_get_editor (page)), ==,
                   second);

  /* Add Priority… opens a new priority of this area, even with all areas listed. */
  aimak_priorities_page_set_scope (page, NULL);
  aimak_window_show_view (window, "areas");
  g_assert_true (aimak_window_select_area (window, DARKAN));
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  wait_frames ();
  gtk_widget_activate (aimak_area_priorities_get_widget (section, "add"));
  wait_frames ();
  g_assert_cmpstr (aimak_window_get_view (window), ==, "priorities");
  g_assert_cmpstr (aimak_priorities_page_get_scope (page), ==, BARSKOON);
  {
    const AimakPriority *p =
      aimak_priority_editor_get_priority (aimak_priorities_page_get_editor (page));

    g_assert_nonnull (p);
    g_assert_cmpstr (p->area_code, ==, BARSKOON);
    g_assert_cmpint (p->rank, ==, 5);
  }
  g_assert_cmpuint (count_rows (page), ==, 5);

  /* Back on the profile, the section counts it. */
  aimak_window_show_view (window, "areas");
  wait_frames ();
  g_assert_nonnull (strstr (aimak_area_priorities_get_summary (section), "5 priorities"));

  close_window (window);
}

/* Selecting an area elsewhere does not change what the Priorities view lists;
 * its scope is shown on it, and "All Areas" lists by area name, then rank,
 * with the Area column. */
static void
test_priorities_scope (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autofree char *a = add_priority (db, SUZAK_AA, "Grants", "draft", 0);
  g_autofree char *b = add_priority (db, BARSKOON, "Water", "draft", 0);
  g_autofree char *c = add_priority (db, BARSKOON, "Clubs", "draft", 0);
  AimakWindow *window = open_window (db, 1400, 900);
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  GtkWidget *scope = aimak_priorities_page_get_widget (page, "scope");
  GtkColumnView *view = GTK_COLUMN_VIEW (aimak_priorities_page_get_widget (page, "column-view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  gboolean has_area = FALSE;

  aimak_window_show_view (window, "priorities");
  wait_frames ();
  g_assert_true (gtk_widget_is_drawable (scope));
  g_assert_nonnull (aimak_test_find_label (scope, "All Areas"));
  /* Barskoon before Suzak, by name; rank inside an area. */
  {
    g_autoptr(AimakPriorityRow) r0 = aimak_priorities_page_get_row (page, 0);
    g_autoptr(AimakPriorityRow) r1 = aimak_priorities_page_get_row (page, 1);
    g_autoptr(AimakPriorityRow) r2 = aimak_priorities_page_get_row (page, 2);

    g_assert_cmpstr (aimak_priority_row_get_id (r0), ==, b);
    g_assert_cmpstr (aimak_priority_row_get_id (r1), ==, c);
    g_assert_cmpstr (aimak_priority_row_get_id (r2), ==, a);
  }
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      has_area |= g_strcmp0 (gtk_column_view_column_get_title (col), "Area") == 0 &&
                  gtk_column_view_column_get_visible (col);
    }
  g_assert_true (has_area);

  /* A click on the map or the tree does not change the list. */
  aimak_window_show_view (window, "areas");
  g_assert_true (aimak_window_select_area (window, "KG04000000000"));
  aimak_window_show_view (window, "priorities");
  wait_frames ();
  g_assert_null (aimak_priorities_page_get_scope (page));
  g_assert_cmpuint (count_rows (page), ==, 3);

  /* Chosen on the view, and shown there. */
  aimak_priorities_page_set_scope (page, BARSKOON);
  wait_frames ();
  g_assert_cmpuint (count_rows (page), ==, 2);
  g_assert_nonnull (aimak_test_find_label (scope, "Barskoon"));
  close_window (window);
}

/* ---- A new area opens at its top ---- */

static void
test_scroll_reset (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *page;
  AimakAreasPage *areas;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adj;

  g_assert_true (aimak_demo_create (db, 300, 0, 11, &error));
  g_assert_no_error (error);
  window = open_window (db, 1200, 700);
  areas = AIMAK_AREAS_PAGE (aimak_window_get_page (window, "areas"));
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));

  /* The profile. */
  g_assert_true (aimak_window_select_area (window, "KG02000000000"));
  wait_frames ();
  scroller = find_scroller (aimak_areas_page_get_widget (areas, "profile"));
  g_assert_nonnull (scroller);
  adj = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adj, 600);
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 100);
  g_assert_true (aimak_window_select_area (window, "KG03000000000"));
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  /* The priority list, all areas, then one oblast. */
  aimak_window_show_view (window, "priorities");
  wait_frames ();
  adj = gtk_scrolled_window_get_vadjustment (
          GTK_SCROLLED_WINDOW (aimak_priorities_page_get_widget (page, "list-scroller")));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj) + 400);
  gtk_adjustment_set_value (adj, 400);
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 100);
  aimak_priorities_page_set_scope (page, "KG03000000000");
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  close_window (window);
}

/* ---- Smaller faults ---- */

static gboolean
action_enabled (GtkWidget  *widget,
                const char *name)
{
  /* GTK 4.8 has no getter for widget actions: ask the muxer through a button. */
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  gtk_widget_set_parent (button, widget);
  aimak_test_iterate ();
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  return enabled;
}

static void
test_move_ends (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autofree char *only = add_priority (db, SUZAK_AA, "Only one", "draft", 0);
  g_autofree char *first = add_priority (db, BARSKOON, "First", "draft", 0);
  g_autofree char *last = add_priority (db, BARSKOON, "Last", "draft", 0);
  AimakWindow *window = open_window (db, 1400, 900);
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  GtkWidget *w = GTK_WIDGET (page);

  aimak_window_show_view (window, "priorities");
  wait_frames ();
  g_assert_true (aimak_priorities_page_select_id (page, only));
  aimak_test_iterate ();
  g_assert_false (action_enabled (w, "page.move-up"));
  g_assert_false (action_enabled (w, "page.move-down"));
  g_assert_true (aimak_priorities_page_select_id (page, first));
  aimak_test_iterate ();
  g_assert_false (action_enabled (w, "page.move-up"));
  g_assert_true (action_enabled (w, "page.move-down"));
  g_assert_true (aimak_priorities_page_select_id (page, last));
  aimak_test_iterate ();
  g_assert_true (action_enabled (w, "page.move-up"));
  g_assert_false (action_enabled (w, "page.move-down"));
  /* After a move the ends change places. */
  gtk_widget_activate_action (w, "page.move-up", NULL);
  aimak_test_iterate ();
  g_assert_false (action_enabled (w, "page.move-up"));
  g_assert_true (action_enabled (w, "page.move-down"));
  close_window (window);
}

static void
test_demo_activity_badge (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  GtkWidget *page;
  guint badges = 0;
  GtkWidget *demo;

  g_assert_true (aimak_demo_create (db, 0, 5, 3, &error));
  g_assert_no_error (error);
  window = open_window (db, 1400, 900);
  aimak_window_show_view (window, "capacity");
  wait_frames ();
  page = aimak_window_get_page (window, "capacity");
  demo = aimak_test_find_label (page, "Demo");
  g_assert_nonnull (demo);
  g_assert_true (gtk_widget_has_css_class (demo, "demo-badge"));
  for (GtkWidget *w = demo; w; w = gtk_widget_get_next_sibling (w))
    badges++;
  g_assert_cmpuint (badges, >=, 1);
  close_window (window);
}

/* The app icon comes from the GResource: the About window shows it from the
 * build tree too. */
static void
test_app_icon (void)
{
  g_autoptr(AimakApplication) app = aimak_application_new ();
  g_autoptr(GError) error = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

/* ---- Translated interfaces ---- */

static void
set_language (const char *lang)
{
  extern int _nl_msg_cat_cntr;

  g_setenv ("LANGUAGE", lang, TRUE);
  /* gettext caches lookups until told that catalogues changed. */
  ++_nl_msg_cat_cntr;
}

/* Every drawn marker badge below @root has the width it needs. */
static guint
assert_badges_whole (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (AIMAK_IS_MARKER_BADGE (c) && gtk_widget_is_drawable (c))
        {
          GtkWidget *label = gtk_widget_get_first_child (c);
          GtkWidget *cell = gtk_widget_get_parent (c);
          int natural = 0;

          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          g_test_message ("badge “%s”: natural %d, cell %d", gtk_label_get_text (GTK_LABEL (label)),
                          natural, gtk_widget_get_width (cell));
          g_assert_cmpint (gtk_widget_get_width (cell), >=, natural);
          n++;
        }
      n += assert_badges_whole (c);
    }
  return n;
}

/* The column header label showing @title has the width it needs. */
static void
assert_header_whole (GtkWidget  *column_view,
                     const char *title)
{
  GtkWidget *label = aimak_test_find_label (column_view, title);
  int natural = 0;

  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("header “%s”: natural %d, given %d", title, natural,
                  gtk_widget_get_width (label));
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
}

static AdwComboRow *
language_row (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (c))
        {
          GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (c));
          g_autoptr(GtkStringObject) first = model ? g_list_model_get_item (model, 0) : NULL;

          if (GTK_IS_STRING_OBJECT (first) &&
              g_strcmp0 (gtk_string_object_get_string (first), "English") == 0)
            return ADW_COMBO_ROW (c);
        }
      if ((found = language_row (c)))
        return found;
    }
  return NULL;
}

static void
test_russian (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *page;
  GtkWidget *row;
  GtkWidget *dialog;

  set_language ("ru");
  g_assert_cmpstr (_("Russian"), ==, "Русский");
  db = aimak_test_open_db (dir);
  aimak_db_set_language (db, "ru");
  a = add_priority (db, BARSKOON, "Вода", "draft", 0);
  b = add_priority (db, BARSKOON, "Курсы", "draft", 1);
  c = add_priority (db, BARSKOON, "Клубы", "draft", 2);
  window = open_window (db, 1400, 900);

  /* A level-3 area has no Russian name: the Kyrgyz one, not "not given". */
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  wait_frames ();
  row = find_row (GTK_WIDGET (window), "Русский");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Барскоон");

  /* Russian marker names fit their badges in the list. */
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  aimak_window_show_view (window, "priorities");
  wait_frames ();
  g_assert_cmpuint (assert_badges_whole (aimak_priorities_page_get_widget (page, "column-view")),
                    >=, 3);

  /* The workbook's language defaults to the interface's. */
  dialog = GTK_WIDGET (aimak_export_dialog_new (GTK_WINDOW (window), db, BARSKOON));
  gtk_window_present (GTK_WINDOW (dialog));
  aimak_test_iterate ();
  g_assert_nonnull (language_row (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (language_row (dialog)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);

  /* Kyrgyz: the "Changed" header is whole. */
  set_language ("ky");
  aimak_db_set_language (db, "ky");
  window = open_window (db, 1400, 900);
  page = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  aimak_window_show_view (window, "priorities");
  wait_frames ();
  assert_header_whole (aimak_priorities_page_get_widget (page, "column-view"), _("Changed"));
  g_assert_cmpstr (_("Changed"), !=, "Changed");
  assert_badges_whole (aimak_priorities_page_get_widget (page, "column-view"));
  close_window (window);

  set_language ("en");
  aimak_test_rmdir (dir);
}

static GtkWidget *
drawn_label (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && gtk_widget_is_drawable (c))
        return c;
      if ((found = drawn_label (c)))
        return found;
    }
  return NULL;
}

/* Drop-down buttons show long names whole, wrapped at words (issue 20: never
 * "All S… uses" at large text), and in a tooltip; two names with the same
 * beginning stay apart. */
static void
test_dropdown_names (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, 1400, 900);
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  const char *filters[] = { "status", "marker", "target-group", "sector", "scope" };

  aimak_window_show_view (window, "priorities");
  wait_frames ();
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (aimak_priorities_page_get_widget (page, filters[i]));
      guint n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
      GtkWidget *label;

      g_assert_cmpuint (n, >, 2);
      gtk_drop_down_set_selected (dropdown, n - 1);
      wait_frames ();
      label = drawn_label (GTK_WIDGET (dropdown));
      g_assert_nonnull (label);
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, gtk_label_get_text (GTK_LABEL (label)));
      gtk_drop_down_set_selected (dropdown, 0);
    }
  close_window (window);
}

/* The marker filter's list shows every item, the last one whole. */
static void
test_marker_popover (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window = open_window (db, 1400, 900);
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  const char *filters[] = { "marker", "status", "marker" };

  aimak_window_show_view (window, "priorities");
  wait_frames ();
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *dropdown = aimak_priorities_page_get_widget (page, filters[i]);
      GtkWidget *popover;
      GtkScrolledWindow *scroller;
      GtkAdjustment *adj;

      g_signal_emit_by_name (dropdown, "activate");
      wait_frames ();
      wait_frames ();
      popover = aimak_test_find_type (dropdown, GTK_TYPE_POPOVER);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_visible (popover));
      scroller = GTK_SCROLLED_WINDOW (aimak_test_find_type (popover, GTK_TYPE_SCROLLED_WINDOW));
      adj = gtk_scrolled_window_get_vadjustment (scroller);
      g_test_message ("%s: list %g px, shown %g px", filters[i], gtk_adjustment_get_upper (adj),
                      gtk_adjustment_get_page_size (adj));
      g_assert_cmpfloat (gtk_adjustment_get_upper (adj), <=, gtk_adjustment_get_page_size (adj) + 0.5);
      gtk_popover_popdown (GTK_POPOVER (popover));
      wait_frames ();
    }
  close_window (window);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  /* gtk_test_init() leaves the "C" locale, where gettext ignores LANGUAGE. */
  setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("AIMAK_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add_func ("/layout/profile-priorities", test_profile_priorities);
  g_test_add_func ("/layout/priorities-scope", test_priorities_scope);
  g_test_add_func ("/layout/scroll-reset", test_scroll_reset);
  g_test_add_func ("/layout/move-ends", test_move_ends);
  g_test_add_func ("/layout/demo-activity-badge", test_demo_activity_badge);
  g_test_add_func ("/layout/app-icon", test_app_icon);
  g_test_add_func ("/layout/russian", test_russian);
  g_test_add_func ("/layout/dropdown-names", test_dropdown_names);
  g_test_add_func ("/layout/marker-popover", test_marker_popover);
  return g_test_run ();
}
