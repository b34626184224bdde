/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field-problem.h — how both editors show the problem of a field and take
 * the user to it: a warning icon inside the field's own row that never changes
 * a height, and a reveal that opens, focuses and scrolls to the field. One
 * place, so that the priority and the activity editor behave alike. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A warning icon for a field's row, transparent until it has a problem. */
GtkWidget *aimak_field_problem_icon_new  (void);
/* Shows @text as the icon's tooltip and accessible state, or hides it (NULL)
 * while keeping its place. */
void       aimak_field_problem_icon_show (GtkWidget  *icon,
                                          const char *text);
/* Marks @row, a field's row or widget, with the problem @text or clears it
 * (NULL): its .error style, and the accessible description and invalid state of
 * the widget in it that takes the focus (aimak_a11y_set_problem()). */
void       aimak_field_problem_mark      (GtkWidget  *row,
                                          const char *text);
/* Expands every AdwExpanderRow around (and at) @widget, focuses it (or its
 * first focusable child) and, from the next frame until what was opened has
 * finished growing, scrolls its GtkScrolledWindow so that it is in view. */
void       aimak_field_problem_reveal    (GtkWidget  *widget);

/* The widget of @editor that takes the focus for @field, or NULL. */
typedef GtkWidget *(*AimakFieldProblemLookup) (GtkWidget  *editor,
                                               const char *field);
/* For ::row-activated of an editor's list of problems (AimakProblemRow) in
 * @popover: closes the popover and reveals the field of @row, as @lookup finds
 * it in @editor. */
void       aimak_field_problem_activated (GtkPopover              *popover,
                                          GtkListBoxRow           *row,
                                          AimakFieldProblemLookup  lookup,
                                          GtkWidget               *editor);

/* The editors' fixed-height problem button: "N Problems" with a warning icon
 * (sensitive, it opens the list) or "No Problems" with a check. */
void       aimak_field_problem_show_count (GtkWidget        *button,
                                           AdwButtonContent *content,
                                           guint             n_problems);

G_END_DECLS
