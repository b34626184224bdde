/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field-problem.c — see aimak-field-problem.h. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aimak-a11y.h"
#include "aimak-field-problem.h"
#include "aimak-problem-row.h"

/* The icon keeps its place when there is no problem (it is only transparent):
 * an icon that came and went would change the width left to the row's title,
 * which could then wrap to another line and move every row below. */
void
aimak_field_problem_icon_show (GtkWidget  *icon,
                               const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (icon));
  gtk_widget_set_opacity (icon, text ? 1.0 : 0.0);
  gtk_widget_set_can_target (icon, text != NULL);
  gtk_widget_set_tooltip_text (icon, text);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, text == NULL,
                               -1);
}

void
aimak_field_problem_mark (GtkWidget  *row,
                          const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  if (text)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  aimak_a11y_set_problem (row, text);
}

GtkWidget *
aimak_field_problem_icon_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "problem-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem"), -1);
  aimak_field_problem_icon_show (icon, NULL);
  return icon;
}

static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adj;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (sw == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sw));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));
  value = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  /* Some context above the field, and the whole field when it fits. */
  top = bounds.origin.y - 48;
  bottom = bounds.origin.y + bounds.size.height + 12;
  /* A field out of view comes to near the top, where an opened expander has
   * room below it for its rows. */
  if (top < value || bottom > value + page)
    value = top;
  gtk_adjustment_set_value (adj, value);
}

/* Expanders open with an animation, so the field keeps moving for a while
 * after the click: follow it each frame until the rows have settled. */
#define FOLLOW_US (700 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gint64 until;
} Follow;

static gboolean
follow_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Follow *follow = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (follow->until == 0)
    follow->until = now + FOLLOW_US;
  scroll_into_view (widget);
  return now < follow->until ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
aimak_field_problem_reveal (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  /* A row that takes no focus itself (an expander) gives it to its first child. */
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  gtk_widget_add_tick_callback (widget, follow_tick, g_new0 (Follow, 1), g_free);
}

void
aimak_field_problem_activated (GtkPopover              *popover,
                               GtkListBoxRow           *row,
                               AimakFieldProblemLookup  lookup,
                               GtkWidget               *editor)
{
  g_autofree char *field = g_strdup (aimak_problem_row_get_field (AIMAK_PROBLEM_ROW (row)));
  GtkWidget *widget;

  gtk_popover_popdown (popover);
  widget = field ? lookup (editor, field) : NULL;
  if (widget)
    aimak_field_problem_reveal (widget);
}

void
aimak_field_problem_show_count (GtkWidget        *button,
                                AdwButtonContent *content,
                                guint             n_problems)
{
  g_autofree char *count = NULL;

  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (ADW_IS_BUTTON_CONTENT (content));

  if (n_problems > 0)
    count = g_strdup_printf (ngettext ("%u Problem", "%u Problems", n_problems), n_problems);
  else
    count = g_strdup (_("No Problems"));
  adw_button_content_set_label (content, count);
  adw_button_content_set_icon_name (content, n_problems > 0 ? "dialog-warning-symbolic"
                                                            : "emblem-ok-symbolic");
  gtk_widget_set_sensitive (button, n_problems > 0);
  if (n_problems > 0)
    gtk_widget_add_css_class (button, "has-problems");
  else
    gtk_widget_remove_css_class (button, "has-problems");
}
