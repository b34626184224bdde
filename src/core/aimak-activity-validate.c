/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-validate.c — the rules of an activity: each field's own from
 * the field table (aimak-activity-fields.c), then the date, the participants
 * and the scores across fields. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity-private.h"
#include "aimak-number.h"
#include "aimak-priority.h"

/* ---- Validation ---- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  g_ptr_array_add (problems, aimak_problem_new_take (field, AIMAK_PROBLEM_ERROR, message));
}

gboolean
aimak_activity_date_is_valid (const char *date)
{
  return aimak_date_is_iso (date);
}

/* The latest date allowed: the same day one year from today. Planned activities
 * may be entered ahead, but not so far that a typo in the year goes unnoticed. */
static char *
latest_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);

  return g_date_time_format (later, "%Y-%m-%d");
}

/* The date: a real date, at most a year ahead (blank is the field's own rule). */
static void
check_date (const AimakActivity *a,
            GPtrArray           *problems)
{
  g_autofree char *latest = NULL;

  if (a->date == NULL || *a->date == '\0')
    return;
  if (!aimak_activity_date_is_valid (a->date))
    {
      add_problem (problems, "date",
                   g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, "
                                      "for example 2024-03-15."), a->date));
      return;
    }
  latest = latest_date ();
  if (strcmp (a->date, latest) > 0)
    add_problem (problems, "date",
                 g_strdup_printf (_("The date is more than a year in the future "
                                    "(the latest allowed is %s)."), latest));
}

static void
check_participants (const AimakActivity *a,
                    GPtrArray           *problems)
{
  gint64 women = 0, men = 0;
  GError *error = NULL;

  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);

      if (p->women < 0)
        {
          g_autofree char *field = g_strconcat ("women.", p->role_code, NULL);
          add_problem (problems, field, g_strdup (_("The number of women cannot be negative.")));
        }
      else
        women += p->women;
      if (p->men < 0)
        {
          g_autofree char *field = g_strconcat ("men.", p->role_code, NULL);
          add_problem (problems, field, g_strdup (_("The number of men cannot be negative.")));
        }
      else
        men += p->men;
    }
  if (women + men == 0)
    add_problem (problems, "participants",
                 g_strdup (_("Enter at least one participant (women or men in some role).")));
  /* Plausible counts (aimak-number.h). */
  if (!aimak_number_check (women, AIMAK_NUMBER_COUNT, _("Women"), &error) ||
      !aimak_number_check (men, AIMAK_NUMBER_COUNT, _("Men"), &error))
    {
      add_problem (problems, "participants", g_strdup (error->message));
      g_clear_error (&error);
    }
}

GPtrArray *
aimak_activity_validate (const AimakActivity *a)
{
  GPtrArray *problems;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  g_return_val_if_fail (a != NULL, aimak_problem_list_new ());

  /* Each field's own rules from the table: the area, the date, the type and
   * the topic are required (without a topic two trainings on one day cannot
   * be told apart); clean text; scores from 0 to 100. */
  problems = aimak_field_check_editable (fields, n, a);
  check_date (a, problems);
  check_participants (a, problems);
  if (!isnan (a->post_score) && isnan (a->pre_score))
    add_problem (problems, "post_score",
                 g_strdup (_("A post-test score needs a pre-test score to compare with.")));
  return problems;
}

const char *
aimak_activity_field_label (const char *field)
{
  const AimakField *f = aimak_activity_field_by_id (field);

  if (field == NULL)
    return "";
  if (f && f->label)
    return aimak_field_get_label (f);
  if (g_str_has_prefix (field, "women.") || g_str_has_prefix (field, "men."))
    return _("Participants");
  return field;
}

gboolean
_aimak_activity_check_valid (const AimakActivity *a,
                             GError             **error)
{
  g_autoptr(GPtrArray) problems = aimak_activity_validate (a);
  g_autoptr(GString) text = NULL;

  if (problems->len == 0)
    return TRUE;
  text = g_string_new (_("The activity was not saved:"));
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (text, " %s", p->message);
    }
  g_set_error_literal (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID, text->str);
  return FALSE;
}

