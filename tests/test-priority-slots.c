/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-priority-slots.c — the Priorities list's model reports only what a
 * search changed (issue 18): the tail that went or came, then the held slots
 * whose row is another one; nothing when the rows stayed; the held slots
 * show the new rows. */
#include "config.h"

#include <adwaita.h>

#include "aimak-priority-slots.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change c = { position, removed, added };

  g_array_append_val (changes, c);
}

static void
search (AimakPriorityModel *model,
        const char         *text)
{
  g_autoptr(GError) error = NULL;
  AimakPriorityFilter filter;

  aimak_priority_filter_init (&filter);
  filter.search = g_strdup (text);
  g_assert_true (aimak_priority_model_set_filter (model, &filter, &error));
  g_assert_no_error (error);
  aimak_priority_filter_clear (&filter);
}

static void
test_reports_what_changed (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPriorityModel) model = NULL;
  g_autoptr(AimakPrioritySlots) slots = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint all, narrowed;

  g_assert_true (aimak_demo_create (tdb->db, 300, 0, 7, &error));
  g_assert_no_error (error);
  model = aimak_priority_model_new (tdb->db);
  slots = aimak_priority_slots_new (model);
  search (model, NULL);
  all = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (all, ==, 300);
  /* A view holds the first ten rows. */
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* The same rows again: nothing to report. */
  search (model, NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  /* A search: the tail goes, then only held positions are reported. */
  search (model, "women");
  narrowed = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (narrowed, >, 10);
  g_assert_cmpuint (narrowed, <, all);
  g_assert_cmpuint (changes->len, >=, 2);
  {
    Change *tail = &g_array_index (changes, Change, 0);

    g_assert_cmpuint (tail->position, ==, narrowed);
    g_assert_cmpuint (tail->removed, ==, all - narrowed);
    g_assert_cmpuint (tail->added, ==, 0);
  }
  for (guint i = 1; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      g_assert_cmpuint (c->removed, ==, c->added);
      g_assert_cmpuint (c->position + c->added, <=, 10);
    }
  /* The held slots are the same objects and show the rows now there. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (slots, i);
      g_autoptr(AimakPriorityRow) expected = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (again == held->pdata[i]);
      g_assert_cmpstr (aimak_priority_row_get_id (row), ==, aimak_priority_row_get_id (expected));
    }

  /* Back to everything: the tail comes back. */
  g_array_set_size (changes, 0);
  search (model, NULL);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, narrowed);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, all - narrowed);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  g_test_add_func ("/priority-slots/reports-what-changed", test_reports_what_changed);
  return g_test_run ();
}
