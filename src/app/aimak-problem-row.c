/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-problem-row.c — see aimak-problem-row.h. */

#include "config.h"

#include "aimak-problem-row.h"

struct _AimakProblemRow
{
  AdwActionRow  parent_instance;

  AimakProblem *problem;
};

G_DEFINE_FINAL_TYPE (AimakProblemRow, aimak_problem_row, ADW_TYPE_ACTION_ROW)

/* Shows @problem (a copy is kept) with @place; NULL hides the row, which keeps
 * its place in the list. */
static void
aimak_problem_row_set_problem (AimakProblemRow    *self,
                               const AimakProblem *problem,
                               const char         *place)
{
  g_return_if_fail (AIMAK_IS_PROBLEM_ROW (self));

  g_clear_pointer (&self->problem, aimak_problem_free);
  if (problem)
    self->problem = aimak_problem_copy (problem);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), problem ? problem->message : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), place ? place : "");
  gtk_widget_set_visible (GTK_WIDGET (self), problem != NULL);
}

void
aimak_problem_row_set_message (AimakProblemRow *self,
                               const char      *field,
                               const char      *message)
{
  g_autoptr(AimakProblem) problem = NULL;

  g_return_if_fail (AIMAK_IS_PROBLEM_ROW (self));
  if (message)
    problem = aimak_problem_new (field, AIMAK_PROBLEM_ERROR, message);
  aimak_problem_row_set_problem (self, problem, NULL);
}

const char *
aimak_problem_row_get_field (AimakProblemRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PROBLEM_ROW (self), NULL);
  return self->problem ? self->problem->field : NULL;
}

static void
aimak_problem_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_PROBLEM_ROW);
  G_OBJECT_CLASS (aimak_problem_row_parent_class)->dispose (object);
}

static void
aimak_problem_row_finalize (GObject *object)
{
  AimakProblemRow *self = AIMAK_PROBLEM_ROW (object);

  g_clear_pointer (&self->problem, aimak_problem_free);
  G_OBJECT_CLASS (aimak_problem_row_parent_class)->finalize (object);
}

static void
aimak_problem_row_class_init (AimakProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_problem_row_dispose;
  object_class->finalize = aimak_problem_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-problem-row.ui");
}

static void
aimak_problem_row_init (AimakProblemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aimak_problem_row_new (const AimakProblem *problem,
                       const char         *place)
{
  AimakProblemRow *self = g_object_new (AIMAK_TYPE_PROBLEM_ROW, NULL);

  aimak_problem_row_set_problem (self, problem, place);
  return GTK_WIDGET (self);
}
