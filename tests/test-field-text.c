/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-field-text.c — the two texts of a field's value: aimak_field_get_text()
 * as the change log records it, and aimak_field_get_exact_text(), which tells
 * apart any two values (blank text, the 16th and 17th digits of a double,
 * a code listed twice), and AimakFieldChange as aimak_field_change_new()
 * makes it. */
#include "config.h"

#include <math.h>

#include "aimak-core.h"
#include "aimak-field.h"

static char *
text_of (const char    *id,
         AimakPriority *p,
         gboolean       exact)
{
  const AimakField *f = aimak_priority_field_by_id (id);

  g_assert_nonnull (f);
  return exact ? aimak_field_get_exact_text (f, p) : aimak_field_get_text (f, p);
}

static void
test_texts (void)
{
  g_autoptr(AimakPriority) p = aimak_priority_new ("KG02210815000");
  g_autofree char *blank = NULL;
  g_autofree char *blank_exact = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *budget_exact = NULL;
  g_autofree char *empty_budget = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *groups_exact = NULL;
  g_autofree char *none_exact = NULL;

  /* A nullable date: NULL and "" are one value; blank text is kept apart. */
  g_free (p->hearing_date);
  p->hearing_date = NULL;
  none_exact = text_of ("hearing_date", p, TRUE);
  g_assert_cmpstr (none_exact, ==, "");
  p->hearing_date = g_strdup ("  ");
  blank = text_of ("hearing_date", p, FALSE);
  blank_exact = text_of ("hearing_date", p, TRUE);
  g_assert_null (blank);
  g_assert_cmpstr (blank_exact, ==, "  ");

  /* Doubles: the change log keeps 15 digits, the exact text all 17. */
  p->budget_kgs = 0.12345678901234566;
  budget = text_of ("budget_kgs", p, FALSE);
  budget_exact = text_of ("budget_kgs", p, TRUE);
  g_assert_cmpstr (budget, ==, "0.123456789012346");
  g_assert_cmpstr (budget_exact, ==, "0.12345678901234566");
  p->budget_kgs = NAN;
  empty_budget = text_of ("budget_kgs", p, TRUE);
  g_assert_null (empty_budget);

  /* Codes: sorted either way; a code twice is once only in the log's text. */
  g_ptr_array_add (p->target_groups, g_strdup ("women_left_behind"));
  g_ptr_array_add (p->target_groups, g_strdup ("returning_women_migrants"));
  g_ptr_array_add (p->target_groups, g_strdup ("women_left_behind"));
  groups = text_of ("target_groups", p, FALSE);
  groups_exact = text_of ("target_groups", p, TRUE);
  g_assert_cmpstr (groups, ==, "returning_women_migrants,women_left_behind");
  g_assert_cmpstr (groups_exact, ==,
                   "returning_women_migrants,women_left_behind,women_left_behind");
}

static void
test_change (void)
{
  AimakFieldChange *c = aimak_field_change_new ("start_year", NULL, "2026");
  AimakFieldChange *d = aimak_field_change_new ("title", "", "Water");

  g_assert_cmpstr (c->field, ==, "start_year");
  g_assert_null (c->old_text);
  g_assert_cmpstr (c->new_text, ==, "2026");
  g_assert_cmpstr (d->field, ==, "title");
  g_assert_cmpstr (d->old_text, ==, "");
  g_assert_cmpstr (d->new_text, ==, "Water");
  aimak_field_change_free (c);
  aimak_field_change_free (d);
  aimak_field_change_free (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-text/texts", test_texts);
  g_test_add_func ("/field-text/change", test_change);
  return g_test_run ();
}
