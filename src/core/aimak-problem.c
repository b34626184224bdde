/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-problem.c — see aimak-problem.h. */
#include "config.h"

#include "aimak-problem.h"

G_DEFINE_BOXED_TYPE (AimakProblem, aimak_problem, aimak_problem_copy, aimak_problem_free)

AimakProblem *
aimak_problem_new_take (const char           *field,
                        AimakProblemSeverity  severity,
                        char                 *message)
{
  AimakProblem *problem = g_new0 (AimakProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  problem->severity = severity;
  return problem;
}

AimakProblem *
aimak_problem_new (const char           *field,
                   AimakProblemSeverity  severity,
                   const char           *message)
{
  return aimak_problem_new_take (field, severity, g_strdup (message));
}

AimakProblem *
aimak_problem_copy (const AimakProblem *problem)
{
  AimakProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);
  copy = aimak_problem_new (problem->field, problem->severity, problem->message);
  copy->line = problem->line;
  return copy;
}

void
aimak_problem_free (AimakProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
aimak_problem_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_problem_free);
}

void
aimak_problem_list_add (GPtrArray  *problems,
                        const char *field,
                        const char *message)
{
  g_return_if_fail (problems != NULL);
  g_ptr_array_add (problems, aimak_problem_new (field, AIMAK_PROBLEM_ERROR, message));
}

void
aimak_problem_at (GPtrArray  *problems,
                  guint       line,
                  const char *field,
                  char       *message)
{
  AimakProblem *p = aimak_problem_new_take (field, AIMAK_PROBLEM_ERROR, message);

  p->line = line;
  g_ptr_array_add (problems, p);
}

gboolean
aimak_problem_list_has_errors (GPtrArray *problems)
{
  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      const AimakProblem *p = g_ptr_array_index (problems, i);

      if (p->severity == AIMAK_PROBLEM_ERROR)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
aimak_problem_list_for_field (GPtrArray  *problems,
                              const char *field)
{
  GPtrArray *out = aimak_problem_list_new ();

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const AimakProblem *p = g_ptr_array_index (problems, i);

      if (g_strcmp0 (p->field, field) == 0)
        g_ptr_array_add (out, aimak_problem_copy (p));
    }
  return out;
}

char *
aimak_problem_list_join (GPtrArray *problems)
{
  GString *s;

  if (problems == NULL || problems->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const AimakProblem *p = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, p->message);
    }
  return g_string_free (s, FALSE);
}
