/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field-widgets.h — how an editor finds the widgets of its fields: a
 * widget in the editor's .ui named after a field's id (aimak-field.h) edits
 * that field. Adding a field to a form is then a row of the field table and a
 * widget of that name, not a line in the editor's code. */
#pragma once

#include <gtk/gtk.h>

#include "aimak-field.h"

G_BEGIN_DECLS

/* The widgets under @root whose name is the id of one of @fields, as a table
 * from the id (the table's own string) to the widget (not referenced). */
GHashTable *aimak_field_widgets_find (GtkWidget        *root,
                                      const AimakField *fields,
                                      guint             n_fields);

/* The widget under @root named @id (a field's id), or NULL. */
GtkWidget  *aimak_field_widgets_lookup (GtkWidget        *root,
                                        const char       *id);

G_END_DECLS
