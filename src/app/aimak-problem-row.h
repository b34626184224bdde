/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-problem-row.h — the one row that shows an AimakProblem: a warning icon,
 * the message as the title and where the problem is (a field's label, "Line 4")
 * as the subtitle. The problem lists of both editors, the fields of the value
 * dialog and the problems of an import all show their problems with it. */
#pragma once

#include <adwaita.h>

#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PROBLEM_ROW (aimak_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (AimakProblemRow, aimak_problem_row, AIMAK, PROBLEM_ROW, AdwActionRow)

/* A row showing @problem, with @place (may be NULL) as its subtitle. */
GtkWidget          *aimak_problem_row_new         (const AimakProblem *problem,
                                                   const char         *place);
/* Shows an error of @message about @field; NULL hides the row. */
void                aimak_problem_row_set_message (AimakProblemRow    *self,
                                                   const char         *field,
                                                   const char         *message);
/* The field of the problem shown, or NULL. */
const char         *aimak_problem_row_get_field   (AimakProblemRow    *self);

G_END_DECLS
