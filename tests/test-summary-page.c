/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-summary-page.c — the Summary view through its real widgets under Xvfb: the
 * gender budget share as two figures (adopted programme, all proposals), each with
 * its definition, and rejected priorities in neither (issue 11); the same figures
 * when a large database is counted in a thread. */
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

/* Waits up to 20 s for the count in a thread (its spinner) to end. */
static void
wait_computed (GtkWidget *summary)
{
  GtkWidget *spinner = aimak_test_find_type (summary, GTK_TYPE_SPINNER);

  g_assert_nonnull (spinner);
  for (guint i = 0; i < 400 && gtk_widget_get_visible (spinner); i++)
    aimak_test_wait_ms (50);
  g_assert_false (gtk_widget_get_visible (spinner));
}

static void
check_two_shares (gboolean in_thread)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  AimakWindow *window;
  AimakSummaryPage *summary;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* Adopted: 300 000 of which 100 000 with marker 1 → 33.3 %. All proposals add a
   * draft of 200 000 with marker 2 → 300 000 of 500 000 = 60.0 %. The rejected
   * 1 000 000 with marker 2 counts in neither. */
  priority (db, "approved", 1, 100000);
  priority (db, "completed", 0, 200000);
  priority (db, "draft", 2, 200000);
  priority (db, "rejected", 2, 1000000);
  /* A database counted as large (by its highest row id) is counted in a thread
   * on a connection of its own, with a spinner meanwhile: the same figures. */
  if (in_thread)
    {
      g_assert_true (aimak_db_exec (db, &error, "UPDATE priority SET rowid = rowid + 50000 "
                                    "WHERE status = 'rejected'", NULL));
      g_assert_no_error (error);
      g_assert_true (aimak_summary_is_large (db, 20000));
    }

  window = aimak_window_new (NULL, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, SUZAK_AA));
  aimak_window_show_view (window, "summary");
  aimak_test_iterate ();
  summary = AIMAK_SUMMARY_PAGE (aimak_window_get_page (window, "summary"));
  wait_computed (GTK_WIDGET (summary));

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

static void
test_two_shares (void)
{
  check_two_shares (FALSE);
}

static void
test_two_shares_in_thread (void)
{
  check_two_shares (TRUE);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/summary-page/two-shares", test_two_shares);
  g_test_add_func ("/summary-page/two-shares-in-thread", test_two_shares_in_thread);
  return g_test_run ();
}
