/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-summary-page.c — the Summary view through its real widgets under Xvfb: the
 * gender budget share as two figures (adopted programme, all proposals), each with
 * its definition, and rejected priorities in neither (issue 11). */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "aimak-summary-page-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define SUZAK_AA "KG03220856000"

static void
priority (AimakDb    *db,
          const char *status,
          int         marker,
          double      budget)
{
  g_autofree char *id = aimak_uuid_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_exec (db, &error,
                                "INSERT INTO priority (id, area_code, rank, title, status, "
                                "gender_marker, budget_kgs, created_at, updated_at) "
                                "VALUES (?, ?, 1, 'P', ?, ?, ?, 'x', 'x')",
                                "tttid", id, SUZAK_AA, status, marker, budget));
  g_assert_no_error (error);
}

static void
test_two_shares (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window;
  AimakSummaryPage *summary;
  g_autofree char *text = NULL;

  /* Adopted: 300 000 of which 100 000 with marker 1 → 33.3 %. All proposals add a
   * draft of 200 000 with marker 2 → 300 000 of 500 000 = 60.0 %. The rejected
   * 1 000 000 with marker 2 counts in neither. */
  priority (db, "approved", 1, 100000);
  priority (db, "completed", 0, 200000);
  priority (db, "draft", 2, 200000);
  priority (db, "rejected", 2, 1000000);

  window = aimak_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "summary");
  aimak_test_iterate ();
  summary = AIMAK_SUMMARY_PAGE (aimak_window_get_page (window, "summary"));

  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "share"), ==, "33.3%");
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "share-all"), ==, "60.0%");
  g_assert_cmpstr (aimak_summary_page_get_tile (summary, "budget"), ==, "500,000");
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (summary),
                                           "Gender budget share, adopted programme"));
  g_assert_nonnull (aimak_test_find_label (GTK_WIDGET (summary),
                                           "Gender budget share, all proposals"));
  text = aimak_summary_page_get_text (summary);
  g_assert_nonnull (strstr (text, "Gender budget share, adopted programme\t33.3%"));
  g_assert_nonnull (strstr (text, "Gender budget share, all proposals\t60.0%"));

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/summary-page/two-shares", test_two_shares);
  return g_test_run ();
}
