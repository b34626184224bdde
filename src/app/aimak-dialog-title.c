/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-dialog-title.c — a dialog's header bar title that shrinks to "…", and
 * goes where even that leaves the buttons beside it no room. It shows the title
 * of the window it is in, so a .ui says the title once. */
#include "config.h"

#include "aimak-dialog-title.h"

struct _AimakDialogTitle
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *label;

  /* The window's title to the label, while in a window. */
  GBinding  *binding;
};

G_DEFINE_FINAL_TYPE (AimakDialogTitle, aimak_dialog_title, GTK_TYPE_WIDGET)

/* The label's sizes, but no minimum width: the header's buttons (whole labels,
 * long in Kyrgyz) come before the title, which the window's title (its
 * accessible name) still carries. */
static void
aimak_dialog_title_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  AimakDialogTitle *self = AIMAK_DIALOG_TITLE (widget);

  gtk_widget_measure (self->label, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 0;
}

static void
aimak_dialog_title_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AimakDialogTitle *self = AIMAK_DIALOG_TITLE (widget);
  int min = 0;

  gtk_widget_measure (self->label, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_set_child_visible (self->label, width >= min);
  if (width >= min)
    gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

static void
aimak_dialog_title_root (GtkWidget *widget)
{
  AimakDialogTitle *self = AIMAK_DIALOG_TITLE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (aimak_dialog_title_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    self->binding = g_object_bind_property (root, "title", self->label, "label",
                                            G_BINDING_SYNC_CREATE);
}

static void
aimak_dialog_title_unroot (GtkWidget *widget)
{
  AimakDialogTitle *self = AIMAK_DIALOG_TITLE (widget);

  g_clear_pointer (&self->binding, g_binding_unbind);
  GTK_WIDGET_CLASS (aimak_dialog_title_parent_class)->unroot (widget);
}

static void
aimak_dialog_title_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_DIALOG_TITLE);
  G_OBJECT_CLASS (aimak_dialog_title_parent_class)->dispose (object);
}

static void
aimak_dialog_title_class_init (AimakDialogTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_dialog_title_dispose;
  widget_class->measure = aimak_dialog_title_measure;
  widget_class->size_allocate = aimak_dialog_title_size_allocate;
  widget_class->root = aimak_dialog_title_root;
  widget_class->unroot = aimak_dialog_title_unroot;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-dialog-title.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakDialogTitle, label);
}

static void
aimak_dialog_title_init (AimakDialogTitle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
