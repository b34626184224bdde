/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-focus-stop.c — one Tab stop around a list: see the header. */
#include "config.h"

#include "aimak-focus-stop.h"
#include "aimak-widget-util.h"

struct _AimakFocusStop
{
  GtkWidget parent_instance;
};

static void aimak_focus_stop_buildable_init (GtkBuildableIface *iface);
static GtkBuildableIface *parent_buildable;

G_DEFINE_FINAL_TYPE_WITH_CODE (AimakFocusStop, aimak_focus_stop, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      aimak_focus_stop_buildable_init))

static gboolean
aimak_focus_stop_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;

  if (child == NULL)
    return FALSE;
  /* Tab with the focus inside leaves: the parent moves on to the next stop. */
  if (tab && gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  return gtk_widget_child_focus (child, direction);
}

static void
aimak_focus_stop_dispose (GObject *object)
{
  aimak_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (aimak_focus_stop_parent_class)->dispose (object);
}

static void
aimak_focus_stop_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
aimak_focus_stop_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = aimak_focus_stop_add_child;
}

static void
aimak_focus_stop_class_init (AimakFocusStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aimak_focus_stop_dispose;
  widget_class->focus = aimak_focus_stop_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_focus_stop_init (AimakFocusStop *self)
{
}

GtkWidget *
aimak_focus_stop_new (void)
{
  return g_object_new (AIMAK_TYPE_FOCUS_STOP, NULL);
}

/* Puts @child (unparented) inside, in place of the child there was. */
void
aimak_focus_stop_set_child (AimakFocusStop *self,
                            GtkWidget      *child)
{
  GtkWidget *old;

  g_return_if_fail (AIMAK_IS_FOCUS_STOP (self));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  while ((old = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (old);
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
}
