/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-priority-editor-changes.c — when an edit in the priority editor counts
 * as a change: the stored text again, a blank date where none was stored, a
 * number written another way or an empty year saves nothing; a number typed
 * over a stored one that differs only after its 15th digit is a step (not
 * logged); every other change is one undo step and one History entry. Then
 * what undo takes back, step by step, and what the History shows. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "aimak-priority-editor-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"

#define SUZAK_AA "KG03220856000"

typedef struct
{
  AimakTestDb         *tdb;
  AimakPriorityEditor *editor;
  GtkWidget           *window;
} Fixture;

/* Flushes what waits for its pause and says what the editor and the database
 * hold: undo steps, change_log rows, History rows and the newest one's title. */
static char *
state (Fixture *f)
{
  gint64 logged;
  const char *top;

  aimak_priority_editor_flush (f->editor);
  aimak_test_iterate ();
  logged = aimak_db_query_int (f->tdb->db, -1, NULL, "SELECT count(*) FROM change_log", NULL);
  top = f->editor->history_rows->len ? aimak_priority_editor_get_history_title (f->editor, 0)
                                     : "";
  return g_strdup_printf ("steps=%u log=%" G_GINT64_FORMAT " history=%u top=%s",
                          f->editor->undo->len, logged, f->editor->history_rows->len, top);
}

static void
set_text (Fixture    *f,
          const char *field,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (f->editor, field)),
                         text);
}

static void
set_indicator (Fixture    *f,
               guint       index,
               guint       entry,
               const char *text)
{
  AimakPriorityIndicatorRow *row =
    AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_editor_get_indicator_row (f->editor, index));

  gtk_editable_set_text (aimak_priority_indicator_row_get_field (row, entry), text);
}

/* What state() says after each undo of test_changes(), in turn. */
static const char * const after_undo[] = {
  "steps=10 log=11 history=11 top=Indicators: Girls at school "
  "[%]: women 0.123456789012346 → —, men — → —; Women in paid "
  "work… → Girls at school [%]: women 0.123456789012346 → —, "
  "men — → —; —: women — → —, me…",
  "steps=9 log=12 history=12 top=Indicators: Girls at school "
  "[%]: women 0.123456789012346 → —, men — → —; —: women — → —, "
  "me… → Girls at school [%]: women 0.123456789012346 → —, men "
  "— → —",
  "steps=8 log=12 history=12 top=Indicators: Girls at school "
  "[%]: women 0.123456789012346 → —, men — → —; —: women — → —, "
  "me… → Girls at school [%]: women 0.123456789012346 → —, men "
  "— → —",
  "steps=7 log=13 history=13 top=Gender checklist: Women "
  "migrants and returnees were consulted: yes → —",
  "steps=6 log=14 history=14 top=Target groups: — → Returning "
  "women migrants",
  "steps=5 log=15 history=15 top=Target groups: Returning women "
  "migrants → —",
  "steps=4 log=16 history=16 top=Start year: 2026 → —",
  "steps=3 log=17 history=17 top=Budget (KGS): 150,000 → 0.12",
  "steps=2 log=17 history=17 top=Budget (KGS): 150,000 → 0.12",
  "steps=1 log=18 history=18 top=Public hearing date: "
  "2026-03-05 → —",
  "steps=0 log=19 history=19 top=Title: Clean drinking water → "
  "Drinking water"
};

#define ASSERT_STATE(f, expected)              \
  G_STMT_START {                               \
    g_autofree char *s_ = state (f);           \
    g_assert_cmpstr (s_, ==, (expected));      \
  } G_STMT_END

static void
test_changes (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(AimakPriority) p = aimak_priority_new (SUZAK_AA);
  g_autoptr(GError) error = NULL;
  Fixture f = { tdb, AIMAK_PRIORITY_EDITOR (aimak_priority_editor_new ()), gtk_window_new () };
  const AimakPriority *saved;
  AimakPriorityIndicator *ind;

  g_free (p->title);
  p->title = g_strdup ("Drinking water");
  p->budget_kgs = 0.12345678901234566;
  ind = aimak_priority_indicator_new ("Girls at school", "%");
  ind->baseline_f = 0.12345678901234566;
  g_ptr_array_add (p->indicators, ind);
  g_assert_true (aimak_priority_create (tdb->db, p, &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (f.window), GTK_WIDGET (f.editor));
  gtk_window_set_default_size (GTK_WINDOW (f.window), 900, 800);
  gtk_window_present (GTK_WINDOW (f.window));
  aimak_priority_editor_set_db (f.editor, tdb->db);
  g_assert_true (aimak_priority_editor_load (f.editor, p->id, &error));
  g_assert_no_error (error);
  ASSERT_STATE (&f, "steps=0 log=1 history=1 top=Created");

  /* Text: the stored text again is no change; another text is one step. */
  set_text (&f, "title", "Drinking water");
  ASSERT_STATE (&f, "steps=0 log=1 history=1 top=Created");
  set_text (&f, "title", "Clean drinking water");
  ASSERT_STATE (&f, "steps=1 log=2 history=2 top=Title: Drinking water → Clean "
                  "drinking water");

  /* A date where none was stored: blank text is no change (a typed date is
   * trimmed); a date is one step. */
  set_text (&f, "hearing_date", "");
  ASSERT_STATE (&f, "steps=1 log=2 history=2 top=Title: Drinking water → Clean "
                  "drinking water");
  set_text (&f, "hearing_date", "  ");
  ASSERT_STATE (&f, "steps=1 log=2 history=2 top=Title: Drinking water → Clean "
                  "drinking water");
  set_text (&f, "hearing_date", "");
  ASSERT_STATE (&f, "steps=1 log=2 history=2 top=Title: Drinking water → Clean "
                  "drinking water");
  set_text (&f, "hearing_date", "2026-03-05");
  ASSERT_STATE (&f, "steps=2 log=3 history=3 top=Public hearing date: — → "
                  "2026-03-05");

  /* Numbers: the same amount written another way is no change; an amount
   * typed over a stored one with more digits than can be typed (17, from
   * elsewhere) is one, even though both read the same to 15 digits. */
  set_text (&f, "budget_kgs", "0.123456789012346");
  ASSERT_STATE (&f, "steps=3 log=3 history=3 top=Public hearing date: — → "
                  "2026-03-05");
  set_text (&f, "budget_kgs", "150000");
  ASSERT_STATE (&f, "steps=4 log=4 history=4 top=Budget (KGS): 0.12 → 150,000");
  set_text (&f, "budget_kgs", "150000.00");
  ASSERT_STATE (&f, "steps=4 log=4 history=4 top=Budget (KGS): 0.12 → 150,000");

  /* A year: empty stays empty; a year is a change. */
  set_text (&f, "start_year", "");
  ASSERT_STATE (&f, "steps=4 log=4 history=4 top=Budget (KGS): 0.12 → 150,000");
  set_text (&f, "start_year", "2026");
  ASSERT_STATE (&f, "steps=5 log=5 history=5 top=Start year: — → 2026");

  /* A code list: a code ticked is a change, and unticked again another. */
  gtk_check_button_set_active (aimak_priority_editor_get_check (f.editor, "target_groups",
                                                                "returning_women_migrants"), TRUE);
  ASSERT_STATE (&f, "steps=6 log=6 history=6 top=Target groups: — → Returning "
                  "women migrants");
  gtk_check_button_set_active (aimak_priority_editor_get_check (f.editor, "target_groups",
                                                                "returning_women_migrants"), FALSE);
  ASSERT_STATE (&f, "steps=7 log=7 history=7 top=Target groups: Returning women "
                  "migrants → —");

  /* The checklist: an answer is a change. */
  gtk_toggle_button_set_active (aimak_priority_editor_get_answer_button (f.editor,
                                                                         "women_consulted",
                                                                         "yes"), TRUE);
  ASSERT_STATE (&f, "steps=8 log=8 history=8 top=Gender checklist: — → Women "
                  "migrants and returnees were consulted: yes");

  /* Indicators: a value typed over a stored one with 17 digits is a change;
   * the same value again is not; a new indicator and its name are changes. */
  set_indicator (&f, 0, 2, "0.123456789012346");
  ASSERT_STATE (&f, "steps=9 log=8 history=8 top=Gender checklist: — → Women "
                  "migrants and returnees were consulted: yes");
  set_indicator (&f, 0, 2, "0.1234567890123460");
  ASSERT_STATE (&f, "steps=9 log=8 history=8 top=Gender checklist: — → Women "
                  "migrants and returnees were consulted: yes");
  gtk_widget_activate_action (GTK_WIDGET (f.editor), "editor.add-indicator", NULL);
  ASSERT_STATE (&f, "steps=10 log=9 history=9 top=Indicators: Girls at school "
                  "[%]: women 0.123456789012346 → —, men — → — → Girls at "
                  "school [%]: women 0.123456789012346 → —, men — → —; —: women "
                  "— → —, me…");
  set_indicator (&f, 1, 0, "Women in paid work");
  ASSERT_STATE (&f, "steps=11 log=10 history=10 top=Indicators: Girls at school "
                  "[%]: women 0.123456789012346 → —, men — → —; —: women — → —, "
                  "me… → Girls at school [%]: women 0.123456789012346 → —, men "
                  "— → —; Women in paid work…");

  /* Undo takes back one step at a time, newest first, and logs each step it
   * takes back that was logged; then there is nothing left to undo. */
  for (guint i = 0; i < G_N_ELEMENTS (after_undo); i++)
    {
      g_assert_true (_aimak_priority_editor_undo (f.editor));
      ASSERT_STATE (&f, after_undo[i]);
    }
  g_assert_false (_aimak_priority_editor_undo (f.editor));
  saved = aimak_priority_editor_get_priority (f.editor);
  g_assert_cmpstr (saved->title, ==, "Drinking water");
  g_assert_cmpfloat (saved->budget_kgs, ==, 0.12345678901234566);
  g_assert_cmpuint (saved->indicators->len, ==, 1);
  ind = g_ptr_array_index (saved->indicators, 0);
  g_assert_cmpfloat (ind->baseline_f, ==, 0.12345678901234566);

  gtk_window_destroy (GTK_WINDOW (f.window));
  aimak_test_iterate ();
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/priority-editor-changes/changes", test_changes);
  return g_test_run ();
}
