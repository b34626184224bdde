/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-test-gui.c — helpers shared by the GUI tests. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "aimak-test-gui.h"

void
aimak_test_gui_init (int    *argc,
                     char ***argv)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((x11 == NULL || *x11 == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      printf ("1..0 # SKIP no display: DISPLAY and WAYLAND_DISPLAY are unset "
              "(run under xvfb-run)\n");
      fflush (stdout);
      exit (0);
    }
  gtk_test_init (argc, argv, NULL);
}

void
aimak_test_iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

GtkWidget *
aimak_test_find_label (GtkWidget  *root,
                       const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0 &&
          gtk_widget_is_drawable (c))
        return c;
      if ((found = aimak_test_find_label (c, text)))
        return found;
    }
  return NULL;
}

GtkWidget *
aimak_test_find_type (GtkWidget *root,
                      GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = aimak_test_find_type (c, type)))
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();  /* not ours */
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) top = g_list_model_get_item (tops, i);

      if (ADW_IS_MESSAGE_DIALOG (top))
        dialog = ADW_MESSAGE_DIALOG (top);
    }
  return dialog;
}

void
aimak_test_answer_choose_area (GtkWidget  *window,
                               const char *body)
{
  AdwMessageDialog *dialog = find_message_dialog ();
  GtkWidget *focus;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "choose");
  adw_message_dialog_response (dialog, "choose");
  aimak_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
}

static gboolean
on_wait_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
aimak_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  aimak_test_iterate ();
}

gboolean
aimak_test_save_png (GtkWidget  *widget,
                     const char *name,
                     guint       settle_ms)
{
  const char *dir = g_getenv ("AIMAK_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int w, h;

  if (dir == NULL)
    return TRUE;
  aimak_test_wait_ms (settle_ms);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn yet", name);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return TRUE;
}
