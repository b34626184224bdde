/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-editor-common.c — see aimak-editor-common.h. */

#include "config.h"

#include <glib/gi18n.h>

#include "aimak-editor-common.h"

void
aimak_editor_replace_str (char       **dst,
                          const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dst);
  *dst = copy;
}

void
aimak_editor_show_origin (AdwPreferencesGroup *group,
                          char                *origin)
{
  g_autofree char *owned = origin;
  g_autofree char *from = owned ? g_strdup_printf (_("From desk %s"), owned) : NULL;

  adw_preferences_group_set_description (group, from);
}

void
aimak_editor_watch_focus_leave (GtkWidget *widget,
                                GCallback  on_leave,
                                gpointer   editor)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", on_leave, editor);
  gtk_widget_add_controller (widget, focus);
}
