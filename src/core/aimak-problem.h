/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-problem.h — one validation problem, the same shape for priorities,
 * activities, indicator values and import rows, so that every editor and
 * dialog shows problems with one widget and every report prints them alike.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AIMAK_PROBLEM_ERROR,    /* blocks saving (or the row is rejected) */
  AIMAK_PROBLEM_WARNING,  /* shown, but does not block */
} AimakProblemSeverity;

/* @field names what the problem is about: a column ("title", "end_year"), a
 * sub-field ("women.<role>", "indicator.2.target_women") or NULL for the whole
 * record; @line is the physical line of an import row, 0 when not from a file;
 * @message is translated and names neither the file nor the line. */
typedef struct
{
  char                 *field;
  char                 *message;
  AimakProblemSeverity  severity;
  guint                 line;
} AimakProblem;

#define AIMAK_TYPE_PROBLEM (aimak_problem_get_type ())

GType         aimak_problem_get_type    (void) G_GNUC_CONST;
AimakProblem *aimak_problem_new         (const char           *field,
                                         AimakProblemSeverity  severity,
                                         const char           *message);
AimakProblem *aimak_problem_new_take    (const char           *field,
                                         AimakProblemSeverity  severity,
                                         char                 *message);
AimakProblem *aimak_problem_copy        (const AimakProblem   *problem);
void          aimak_problem_free        (AimakProblem         *problem);

/* A GPtrArray of AimakProblem * that frees its elements. */
GPtrArray    *aimak_problem_list_new    (void);
/* Appends an error-severity problem for @field (a convenience for validators). */
void          aimak_problem_list_add    (GPtrArray            *problems,
                                         const char           *field,
                                         const char           *message);
/* Appends an error-severity problem for @field on @line of a file, taking
 * @message. */
void          aimak_problem_at          (GPtrArray            *problems,
                                         guint                 line,
                                         const char           *field,
                                         char                 *message);
gboolean      aimak_problem_list_has_errors (GPtrArray        *problems);
/* The problems of one field only, as a new list (copies). */
GPtrArray    *aimak_problem_list_for_field  (GPtrArray        *problems,
                                             const char       *field);
/* All messages joined by newlines (for an error's message), or NULL if empty. */
char         *aimak_problem_list_join   (GPtrArray            *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakProblem, aimak_problem_free)

G_END_DECLS
