/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-editor-common.h — small things the priority and the activity editor
 * both do to their record and form, in one place so that they behave alike
 * (how they show problems is in aimak-field-problem.h). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Replaces the string *@dst by a copy of @src (which may be *@dst itself). */
void aimak_editor_replace_str       (char                **dst,
                                     const char           *src);

/* Says in @group's description from which desk a received record came
 * (@origin, the desk's name, freed here), or nothing when it is NULL. */
void aimak_editor_show_origin       (AdwPreferencesGroup  *group,
                                     char                 *origin);

/* Calls @on_leave (a GtkEventControllerFocus::leave handler) with @editor when
 * the focus leaves @widget: where an editor ends a burst of typing. */
void aimak_editor_watch_focus_leave (GtkWidget            *widget,
                                     GCallback             on_leave,
                                     gpointer              editor);

G_END_DECLS
