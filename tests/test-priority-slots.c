/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-priority-slots.c — the Priorities list's model reports only what a
 * search changed (issue 18): the tail that went or came (items-changed), then
 * ::changed of each held slot whose row is another one, and of no other;
 * nothing when the rows stayed; the held slots show the new rows. */
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
on_slot_changed (AimakPrioritySlot *slot,
                 GArray            *positions)
{
  guint p = aimak_priority_slot_get_position (slot);

  g_array_append_val (positions, p);
}

static gboolean
contains (GArray *positions,
          guint   p)
{
  for (guint i = 0; i < positions->len; i++)
    if (g_array_index (positions, guint, i) == p)
      return TRUE;
  return FALSE;
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
  g_autoptr(GArray) slot_changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) ids_before = g_ptr_array_new_with_free_func (g_free);
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
    {
      g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (slots, i);

      g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));
      g_signal_connect (held->pdata[i], "changed", G_CALLBACK (on_slot_changed), slot_changes);
      g_ptr_array_add (ids_before, g_strdup (aimak_priority_row_get_id (row)));
    }
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* The same rows again: nothing to report. */
  search (model, NULL);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (slot_changes->len, ==, 0);

  /* A search: the tail goes, then only held positions are reported. */
  search (model, "women");
  narrowed = g_list_model_get_n_items (G_LIST_MODEL (slots));
  g_assert_cmpuint (narrowed, >, 10);
  g_assert_cmpuint (narrowed, <, all);
  /* Only the tail: GTK 4.8 would bind all its rows again for any other. */
  g_assert_cmpuint (changes->len, ==, 1);
  {
    Change *tail = &g_array_index (changes, Change, 0);

    g_assert_cmpuint (tail->position, ==, narrowed);
    g_assert_cmpuint (tail->removed, ==, all - narrowed);
    g_assert_cmpuint (tail->added, ==, 0);
  }
  g_assert_cmpuint (slot_changes->len, >, 0);
  g_assert_cmpuint (slot_changes->len, <=, 10);
  /* The held slots are the same objects and show the rows now there. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(AimakPriorityRow) row = aimak_priority_slots_get_row (slots, i);
      g_autoptr(AimakPriorityRow) expected = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (again == held->pdata[i]);
      g_assert_cmpstr (aimak_priority_row_get_id (row), ==, aimak_priority_row_get_id (expected));
      /* ::changed exactly where the row is another one. */
      g_assert_cmpint (contains (slot_changes, i), ==,
                       g_strcmp0 (ids_before->pdata[i], aimak_priority_row_get_id (row)) != 0);
    }

  /* A refresh: every held slot, and nothing for GTK. */
  g_array_set_size (changes, 0);
  g_array_set_size (slot_changes, 0);
  aimak_priority_slots_refresh (slots);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (slot_changes->len, ==, 10);

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
