/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-area-changes-ui.c — areas that change in the window, under Xvfb (issue 17):
 * Barskoon merged with Jeti-Oguz in a test change list (TEST DATA, not an official
 * change). The Areas view lists current areas until "Show former areas" is on and
 * says which list it reflects; a former area's profile links to its successor and
 * moves open work there after a confirmation; the successor lists its predecessors
 * and the sum of their counts; the Apply Area Changes dialog lists problems with
 * their lines, previews, applies, and the toast's Undo takes the list back. The
 * Priorities area filter lists the successor among the current areas and Barskoon,
 * which still holds priorities, after them as "(former)"; a new priority is not
 * created there. The successor's Summary counts its own records only and says
 * how many of Barskoon's are left out, with a link to Barskoon's Summary. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "aimak-area-changes-dialog.h"
#include "aimak-area-profile-private.h"
#include "aimak-areas-page-private.h"
#include "aimak-priorities-page-private.h"
#include "aimak-summary-page-private.h"
#include "aimak-area-item.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define BARSKOON  "KG02210815000"
#define JETI_OGUZ "KG02210830000"
#define MERGED    "KG02210900000"
#define TON       "KG02220815000"
#define KANT        "KG08206600010"
#define LYUKSEMBURG "KG08206839000"
#define HEADER "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code," \
               "legal_act\n"

typedef struct
{
  AimakTestDb     base;
  AimakWindow    *window;
  AimakAreasPage *page;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (
    HEADER "2024-07-01,merged_into," BARSKOON ";" JETI_OGUZ "," MERGED ",Barskoon-Jeti-Oguz,,,"
    "KG02210000000,Test law (TEST DATA)\n", -1, NULL);
  g_autoptr(AimakAreaChangeList) list = NULL;
  g_autoptr(GError) error = NULL;

  aimak_test_db_set_up (&f->base, NULL);
  g_assert_true (aimak_db_exec_script (f->base.db,
    "INSERT INTO priority (id, area_code, rank, title, status, created_at, updated_at) VALUES "
    "('p-open', '" BARSKOON "', 1, 'Open', 'draft', 'x', 'x'), "
    "('p-done', '" BARSKOON "', 2, 'Done', 'completed', 'x', 'x');"
    "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) VALUES "
    "('" BARSKOON "', 'POP', 2020, 'T', 1000, 'Test'), "
    "('" JETI_OGUZ "', 'POP', 2020, 'T', 2500, 'Test');", &error));
  list = aimak_area_change_list_read (in, "test.csv", problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aimak_area_change_apply (f->base.db, list, problems, &error), ==, 1);
  f->window = aimak_window_new (NULL, f->base.db);
  f->page = AIMAK_AREAS_PAGE (aimak_window_get_page (f->window, "areas"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  aimak_test_iterate ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  aimak_test_db_tear_down (&f->base, NULL);
}

static gboolean
model_has (GListModel *model,
           const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(AimakAreaItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (aimak_area_item_get_code (item), code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  GtkSwitch *former = GTK_SWITCH (aimak_areas_page_get_widget (f->page, "former"));
  GtkLabel *as_of = GTK_LABEL (aimak_areas_page_get_widget (f->page, "as-of"));
  GListModel *model = aimak_areas_page_get_model (f->page);

  g_assert_false (gtk_switch_get_active (former));
  g_assert_nonnull (strstr (gtk_label_get_text (as_of), "Areas as of 2024-07-01"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (as_of)));
  aimak_areas_page_set_search (f->page, "Barskoon");
  aimak_test_iterate ();
  g_assert_true (model_has (model, MERGED));
  g_assert_false (model_has (model, BARSKOON));
  gtk_switch_set_active (former, TRUE);
  aimak_test_iterate ();
  g_assert_true (model_has (model, MERGED));
  g_assert_true (model_has (model, BARSKOON));
  gtk_switch_set_active (former, FALSE);
  aimak_test_iterate ();
  g_assert_false (model_has (model, BARSKOON));
}

static AdwActionRow *
row_with_title (GtkListBox *list,
                const char *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) &&
        g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), prefix))
      return ADW_ACTION_ROW (c);
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_profile_link (Fixture       *f,
                   gconstpointer  data)
{
  AimakAreaProfile *profile =
    AIMAK_AREA_PROFILE (aimak_areas_page_get_widget (f->page, "profile"));
  GtkListBox *changes = aimak_area_profile_get_changes (profile);
  AdwActionRow *link, *move_row, *sum;
  GtkWidget *button;
  AdwMessageDialog *dialog;

  g_assert_true (aimak_window_select_area (f->window, BARSKOON));
  aimak_test_iterate ();
  /* A former area turns the switch on to be shown in the list. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (aimak_areas_page_get_widget (f->page,
                                                                                "former"))));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (changes)));
  link = row_with_title (changes, "Merged into Barskoon-Jeti-Oguz on 2024-07-01");
  g_assert_nonnull (link);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (link)));

  /* Move the open priority, after the confirmation that gives the counts. */
  move_row = row_with_title (changes, "Open priorities and activities");
  g_assert_nonnull (move_row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (move_row), "Priorities: 1"));
  button = aimak_test_find_button (GTK_WIDGET (move_row), "_Move to Successor…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "or rejected: 1"));
  adw_message_dialog_response (dialog, "move");
  aimak_test_iterate ();
  g_assert_cmpint (aimak_db_query_int (f->base.db, -1, NULL, "SELECT count(*) FROM priority "
                                       "WHERE area_code = ?", "t", MERGED), ==, 1);
  g_assert_cmpint (aimak_db_query_int (f->base.db, -1, NULL, "SELECT count(*) FROM priority "
                                       "WHERE area_code = ?", "t", BARSKOON), ==, 1);
  g_assert_null (row_with_title (changes, "Open priorities and activities"));

  /* Values of different sources, and a year with one former area's value only. */
  g_assert_true (aimak_db_exec_script (f->base.db,
    "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) VALUES "
    "('" BARSKOON "', 'MIGR_ABROAD', 2022, 'T', 40, 'Ayil okmotu register'), "
    "('" JETI_OGUZ "', 'MIGR_ABROAD', 2022, 'T', 60, 'Rayon statistics'), "
    "('" JETI_OGUZ "', 'POP', 2021, 'T', 2600, 'Test');", NULL));

  /* The link opens the successor, which lists its predecessors and their sum. */
  link = row_with_title (changes, "Merged into");
  g_signal_emit_by_name (link, "activated");
  aimak_test_iterate ();
  g_assert_cmpstr (aimak_window_get_area (f->window), ==, MERGED);
  g_assert_nonnull (row_with_title (changes, "Formed from Barskoon on 2024-07-01"));
  g_assert_nonnull (row_with_title (changes, "Formed from Djeti-Oguz on 2024-07-01"));
  sum = row_with_title (changes, "Population — sum of former areas (Barskoon + Djeti-Oguz)");
  g_assert_nonnull (sum);
  g_test_message ("sum: %s", adw_action_row_get_subtitle (sum));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (sum), "2020: 3"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (sum), "500 (Test)"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (sum),
                            "2021: not comparable (values of 1 of 2 former areas)"));
  /* Never a sum of different sources: the row says not comparable, and why. */
  g_assert_null (row_with_title (changes, "Labour migrants abroad — sum of former areas"));
  sum = row_with_title (changes, "Labour migrants abroad — former areas: not comparable");
  g_assert_nonnull (sum);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (sum),
                            "2022: not comparable (different sources: Ayil okmotu register; "
                            "Rayon statistics)"));
  g_assert_nonnull (row_with_title (changes, "Rates and shares: not comparable"));
}

/* A city that goes on and takes an ayil aimak in (the shipped example's change):
 * its profile says it took it in, not that it was formed from it, and its own
 * count is part of the sum, named. */
static void
test_took_in (Fixture       *f,
              gconstpointer  data)
{
  AimakAreaProfile *profile =
    AIMAK_AREA_PROFILE (aimak_areas_page_get_widget (f->page, "profile"));
  GtkListBox *changes = aimak_area_profile_get_changes (profile);
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (
    HEADER "2024-07-01,merged_into," LYUKSEMBURG "," KANT ",,,,,Test law (TEST DATA)\n", -1,
    NULL);
  g_autoptr(AimakAreaChangeList) list = NULL;
  g_autoptr(GError) error = NULL;
  AdwActionRow *sum;

  g_assert_true (aimak_db_exec_script (f->base.db,
    "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) VALUES "
    "('" KANT "', 'POP', 2022, 'T', 24000, 'Test'), "
    "('" LYUKSEMBURG "', 'POP', 2022, 'T', 6100, 'Test');", &error));
  list = aimak_area_change_list_read (in, "kant.csv", problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aimak_area_change_apply (f->base.db, list, problems, &error), ==, 2);
  g_assert_true (aimak_window_select_area (f->window, KANT));
  aimak_test_iterate ();
  g_assert_nonnull (row_with_title (changes, "Took in Lyuksemburg on 2024-07-01"));
  g_assert_null (row_with_title (changes, "Formed from"));
  sum = row_with_title (changes, "Population — sum of former areas (Kant (city) + Lyuksemburg)");
  g_assert_nonnull (sum);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (sum), "2022: 30,100 (Test)"));
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  char *path = g_build_filename (f->base.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *bad = write_csv (f, "bad.csv", HEADER
                                    "2024-13-01,renamed," TON ",,Ton-2,,,,Test\n"
                                    "2025-01-01,renamed,KG99999999999,,X,,,,Test\n");
  g_autofree char *good = write_csv (f, "good.csv", "# EXAMPLE ONLY: test data\n" HEADER
                                     "2025-01-01,renamed," TON ",,Ton-Renamed,,,,Test law 7\n");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  AimakAreaChangesDialog *dialog = NULL;
  GtkWidget *problems, *apply;
  GtkWidget *row;
  g_autoptr(AimakArea) ton = NULL;
  g_autoptr(AimakArea) ton_back = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.apply-area-changes", NULL);
  aimak_test_iterate ();
  {
    GListModel *tops = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (tops, i);
        if (AIMAK_IS_AREA_CHANGES_DIALOG (w))
          dialog = AIMAK_AREA_CHANGES_DIALOG (w);
      }
  }
  g_assert_nonnull (dialog);
  problems = aimak_area_changes_dialog_get_widget (dialog, "problems");
  apply = aimak_area_changes_dialog_get_widget (dialog, "apply");
  aimak_area_changes_dialog_load_file (dialog, bad_file);
  aimak_test_iterate ();
  g_assert_true (gtk_widget_is_drawable (problems));
  g_assert_false (gtk_widget_get_sensitive (apply));
  row = gtk_widget_get_first_child (problems);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Line 2");
  row = gtk_widget_get_next_sibling (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Line 3");

  aimak_area_changes_dialog_load_file (dialog, good_file);
  aimak_test_iterate ();
  g_assert_false (gtk_widget_get_visible (problems));
  g_assert_true (gtk_widget_is_drawable (aimak_area_changes_dialog_get_widget (dialog,
                                                                                "preview")));
  g_assert_true (gtk_widget_get_sensitive (apply));
  /* The preview shows what the file says about itself and the legal act it cites. */
  row = gtk_widget_get_first_child (aimak_area_changes_dialog_get_widget (dialog, "preview"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Notes in the file");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "EXAMPLE ONLY: test data");
  row = gtk_widget_get_next_sibling (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Legal act");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Test law 7");
  g_signal_emit_by_name (apply, "clicked");
  aimak_test_iterate ();
  ton = aimak_area_get (f->base.db, TON, NULL);
  g_assert_cmpstr (ton->name_en, ==, "Ton-Renamed");
  g_assert_cmpint (aimak_area_change_last_batch (f->base.db, NULL), ==, 2);

  /* The toast's Undo. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-area-changes", "x",
                              (gint64) 2);
  aimak_test_iterate ();
  ton_back = aimak_area_get (f->base.db, TON, NULL);
  g_assert_cmpstr (ton_back->name_en, ==, "Ton");
}

static guint
scope_index (AimakPrioritiesPage *page,
             const char          *code)
{
  GListModel *items = G_LIST_MODEL (page->scope_items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AimakAreaItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (aimak_area_item_get_code (item), code) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
test_priorities_filter (Fixture       *f,
                        gconstpointer  data)
{
  AimakPrioritiesPage *page =
    AIMAK_PRIORITIES_PAGE (aimak_window_get_page (f->window, "priorities"));
  GListModel *items = G_LIST_MODEL (page->scope_items);
  guint merged, barskoon, ton, last_current = 0;
  g_autoptr(AimakAreaItem) former = NULL;
  g_autoptr(GError) error = NULL;

  aimak_window_show_view (f->window, "priorities");
  aimak_test_iterate ();
  merged = scope_index (page, MERGED);
  barskoon = scope_index (page, BARSKOON);
  ton = scope_index (page, TON);
  g_assert_cmpuint (merged, <, g_list_model_get_n_items (items));
  g_assert_cmpuint (ton, <, g_list_model_get_n_items (items));
  g_assert_cmpuint (barskoon, <, g_list_model_get_n_items (items));
  /* Jeti-Oguz ended too but holds nothing: not listed. */
  g_assert_cmpuint (scope_index (page, JETI_OGUZ), ==, G_MAXUINT);
  /* Former areas come after every current one. */
  for (guint i = 1; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AimakAreaItem) item = g_list_model_get_item (items, i);

      if (aimak_area_item_get_valid_to (item) == NULL)
        last_current = i;
    }
  g_assert_cmpuint (barskoon, >, last_current);
  former = g_list_model_get_item (items, barskoon);
  g_assert_cmpstr (aimak_area_item_get_name (former), ==, "Barskoon (former)");
  g_assert_nonnull (strstr (aimak_area_item_get_subtitle (former), "now Barskoon-Jeti-Oguz"));

  /* With every area listed, the Area column says which of them ended. */
  {
    GListModel *rows = G_LIST_MODEL (aimak_priorities_page_get_selection (page));
    guint n_former = 0;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (page->slots, i);

        if (g_strcmp0 (aimak_priority_row_get_area_code (row), BARSKOON) == 0)
          {
            g_assert_cmpstr (aimak_priority_row_get_area_name (row), ==, "Barskoon (former)");
            n_former++;
          }
        else
          g_assert_null (strstr (aimak_priority_row_get_area_name (row), "(former)"));
      }
    g_assert_cmpuint (n_former, ==, 2);
  }

  /* Its priorities are shown; a new one is refused with the successor's name. */
  gtk_drop_down_set_selected (page->scope_dropdown, barskoon);
  aimak_test_iterate ();
  g_assert_cmpstr (page->scope_code, ==, BARSKOON);
  aimak_priorities_page_action_new (GTK_WIDGET (page), "page.new", NULL);
  aimak_test_iterate ();
  g_assert_cmpint (aimak_db_query_int (f->base.db, -1, NULL,
                                       "SELECT count(*) FROM priority WHERE area_code = ?",
                                       "t", BARSKOON), ==, 2);
  g_assert_false (aimak_area_check_open_for_new (f->base.db, BARSKOON, &error));
  g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Barskoon-Jeti-Oguz"));
  g_clear_error (&error);
  g_assert_true (aimak_area_check_open_for_new (f->base.db, MERGED, &error));
  g_assert_no_error (error);
}

static void
test_summary_former (Fixture       *f,
                     gconstpointer  data)
{
  AimakSummaryPage *page = AIMAK_SUMMARY_PAGE (aimak_window_get_page (f->window, "summary"));
  GtkLabel *line = aimak_summary_page_get_former_label (page);
  g_autofree char *code = NULL;
  gboolean handled = FALSE;

  g_object_set (f->window, "area-code", MERGED, NULL);
  aimak_window_show_view (f->window, "summary");
  aimak_summary_page_set_scope (page, AIMAK_SCOPE_AREA);
  aimak_test_iterate ();
  /* Barskoon's two priorities stay Barskoon's: not in the successor's figures. */
  g_assert_nonnull (aimak_summary_page_get_summary (page));
  g_assert_cmpuint (aimak_summary_page_get_summary (page)->priorities_total, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (line)));
  g_assert_nonnull (strstr (gtk_label_get_text (line), "2 priorities, 0 activities"));
  g_assert_nonnull (strstr (gtk_label_get_text (line), "Barskoon"));
  g_assert_null (strstr (gtk_label_get_text (line), "Jeti-Oguz"));   /* it holds nothing */
  /* The link shows Barskoon's own Summary, which counts its priorities and says it
   * is a former area, with a link back to the area it is part of now. */
  g_signal_emit_by_name (line, "activate-link", "area:" BARSKOON, &handled);
  aimak_test_iterate ();
  g_assert_true (handled);
  g_object_get (f->window, "area-code", &code, NULL);
  g_assert_cmpstr (code, ==, BARSKOON);
  g_assert_cmpuint (aimak_summary_page_get_summary (page)->priorities_total, ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (line)));
  g_assert_nonnull (strstr (gtk_label_get_text (line), "Former area since 2024-07-01, now part of "));
  g_assert_nonnull (strstr (gtk_label_get_label (line), "href=\"area:" MERGED "\""));
  g_assert_null (strstr (gtk_label_get_text (line), "Not counted here"));
  handled = FALSE;
  g_signal_emit_by_name (line, "activate-link", "area:" MERGED, &handled);
  aimak_test_iterate ();
  g_assert_true (handled);
  g_clear_pointer (&code, g_free);
  g_object_get (f->window, "area-code", &code, NULL);
  g_assert_cmpstr (code, ==, MERGED);
  /* A current area without former areas has no line. */
  g_object_set (f->window, "area-code", TON, NULL);
  aimak_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (line)));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add ("/area-changes-ui/switch", Fixture, NULL, set_up, test_switch, tear_down);
  g_test_add ("/area-changes-ui/profile-link", Fixture, NULL, set_up, test_profile_link,
              tear_down);
  g_test_add ("/area-changes-ui/took-in", Fixture, NULL, set_up, test_took_in, tear_down);
  g_test_add ("/area-changes-ui/dialog", Fixture, NULL, set_up, test_dialog, tear_down);
  g_test_add ("/area-changes-ui/priorities-filter", Fixture, NULL, set_up,
              test_priorities_filter, tear_down);
  g_test_add ("/area-changes-ui/summary-former", Fixture, NULL, set_up, test_summary_former,
              tear_down);
  return g_test_run ();
}
