/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-wrap-layout.c — children in rows that wrap; see aimak-wrap-layout.h. */
#include "config.h"

#include "aimak-wrap-layout.h"

struct _AimakWrapLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
  int row_spacing;
};

G_DEFINE_FINAL_TYPE (AimakWrapLayout, aimak_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width @child asks for in a row: its natural width, but for a child that
 * expands (a wrapping label) the least width at which it takes at most two
 * lines' height, so that a name may wrap once beside the controls after it. */
static int
wanted_width (GtkWidget *child,
              int        width)
{
  int min, nat, one_line, lo, hi;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  nat = MIN (nat, width);
  if (!gtk_widget_get_hexpand (child) || min >= nat)
    return nat;
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat, NULL, &one_line, NULL, NULL);
  lo = min;
  hi = nat;
  while (hi - lo > 4)
    {
      int mid = (lo + hi) / 2, h;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, mid, NULL, &h, NULL, NULL);
      if (h <= 2 * one_line + 1)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* Lays the children of @widget out in @width: with @allocate, allocates them
 * from the top (@height is the whole height, rows are centred in theirs only);
 * returns the height the rows take. */
static int
layout_rows (AimakWrapLayout *self,
             GtkWidget       *widget,
             int              width,
             gboolean         allocate)
{
  GtkWidget *row_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (row_start)
    {
      GtkWidget *child, *row_end = NULL;
      int x = 0, row_h = 0, n_expand = 0, left, used = 0;

      /* Which children go in this row: at least one, then while they fit. */
      for (child = row_start; child; child = gtk_widget_get_next_sibling (child))
        {
          int nat;

          if (!gtk_widget_should_layout (child))
            continue;
          nat = wanted_width (child, width);
          if (used > 0 && used + self->spacing + nat > width)
            break;
          used += (used > 0 ? self->spacing : 0) + nat;
          n_expand += gtk_widget_get_hexpand (child);
          row_end = child;
        }
      if (row_end == NULL)
        break;
      left = MAX (width - used, 0);
      for (child = row_start; ; child = gtk_widget_get_next_sibling (child))
        {
          int nat, h;

          if (gtk_widget_should_layout (child))
            {
              nat = wanted_width (child, width);
              if (n_expand > 0 && gtk_widget_get_hexpand (child))
                nat += left / n_expand;
              gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat, NULL, &h, NULL, NULL);
              row_h = MAX (row_h, h);
              g_object_set_data (G_OBJECT (child), "aimak-wrap-width", GINT_TO_POINTER (nat));
            }
          if (child == row_end)
            break;
        }
      if (allocate)
        {
          /* A row with nothing to expand is aligned as its first child asks. */
          if (n_expand == 0 && gtk_widget_get_halign (row_start) == GTK_ALIGN_END)
            x = left;
          else if (n_expand == 0 && gtk_widget_get_halign (row_start) == GTK_ALIGN_CENTER)
            x = left / 2;
          for (child = row_start; ; child = gtk_widget_get_next_sibling (child))
            {
              if (gtk_widget_should_layout (child))
                {
                  int w = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "aimak-wrap-width"));
                  int h, cy;

                  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
                  cy = gtk_widget_get_valign (child) == GTK_ALIGN_FILL ? y : y + (row_h - h) / 2;
                  gtk_widget_size_allocate (child,
                                            &(GtkAllocation) { x, cy,
                                                               w, gtk_widget_get_valign (child) == GTK_ALIGN_FILL ? row_h : h },
                                            -1);
                  x += w + self->spacing;
                }
              if (child == row_end)
                break;
            }
        }
      y += row_h;
      row_start = gtk_widget_get_next_sibling (row_end);
      while (row_start && !gtk_widget_should_layout (row_start))
        row_start = gtk_widget_get_next_sibling (row_start);
      if (row_start)
        y += self->row_spacing;
    }
  return y;
}

static void
aimak_wrap_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  AimakWrapLayout *self = AIMAK_WRAP_LAYOUT (manager);
  int min = 0, nat = 0, n = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child's minimum; naturally all in one row. */
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int cmin, cnat;

          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, orientation, -1, &cmin, &cnat, NULL, NULL);
          min = MAX (min, cmin);
          nat += (n++ > 0 ? self->spacing : 0) + cnat;
        }
      *minimum = min;
      *natural = nat;
      return;
    }
  if (for_size < 0)
    {
      int m, w;

      aimak_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1, &m, &w, NULL, NULL);
      for_size = w;
    }
  *minimum = *natural = layout_rows (self, widget, for_size, FALSE);
}

static void
aimak_wrap_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  layout_rows (AIMAK_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static GtkSizeRequestMode
aimak_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
aimak_wrap_layout_class_init (AimakWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = aimak_wrap_layout_measure;
  layout_class->allocate = aimak_wrap_layout_allocate;
  layout_class->get_request_mode = aimak_wrap_layout_get_request_mode;
}

static void
aimak_wrap_layout_init (AimakWrapLayout *self)
{
}

GtkLayoutManager *
aimak_wrap_layout_new (int spacing,
                       int row_spacing)
{
  AimakWrapLayout *self = g_object_new (AIMAK_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  self->row_spacing = row_spacing;
  return GTK_LAYOUT_MANAGER (self);
}
