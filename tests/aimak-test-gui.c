/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-test-gui.c — helpers shared by the GUI tests. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const char *
aimak_test_take_language (int   *argc,
                          char **argv)
{
  const char *language = "en";

  for (int i = 1; i < *argc; i++)
    if (g_str_has_prefix (argv[i], "--language="))
      {
        language = argv[i] + strlen ("--language=");
        memmove (&argv[i], &argv[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  g_setenv ("LANGUAGE", language, TRUE);
  /* The catalogues of the build tree. */
  setlocale (LC_ALL, "");
  if (g_getenv ("AIMAK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AIMAK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return language;
}

void
aimak_test_iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

GtkWidget *
aimak_test_find (GtkWidget      *root,
                 AimakTestMatch  match,
                 gconstpointer   data)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (match (c, data))
        return c;
      if ((found = aimak_test_find (c, match, data)))
        return found;
    }
  return NULL;
}

void
aimak_test_widest (GtkWidget  *root,
                   GtkWidget **best,
                   int        *best_min)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkPolicyType h = GTK_POLICY_NEVER;
      int min = 0;

      /* Lists scroll, and a popover or dialog is a window of its own. */
      if (!gtk_widget_get_visible (c) || GTK_IS_NATIVE (c) || GTK_IS_COLUMN_VIEW (c) ||
          GTK_IS_LIST_VIEW (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > *best_min || (min == *best_min && *best && gtk_widget_is_ancestor (c, *best)))
        {
          *best_min = min;
          *best = c;
        }
      /* What scrolls sideways does not widen the window. */
      if (GTK_IS_SCROLLED_WINDOW (c))
        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (c), &h, NULL);
      if (h == GTK_POLICY_NEVER)
        aimak_test_widest (c, best, best_min);
    }
}

static gboolean
is_drawn_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_drawable (widget);
}

GtkWidget *
aimak_test_find_label (GtkWidget  *root,
                       const char *text)
{
  return aimak_test_find (root, is_drawn_label, text);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
aimak_test_find_type (GtkWidget *root,
                      GType      type)
{
  return aimak_test_find (root, is_of_type, &type);
}

gboolean
aimak_test_is_button (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
aimak_test_find_button (GtkWidget  *root,
                        const char *label)
{
  return aimak_test_find (root, aimak_test_is_button, label);
}

gboolean
aimak_test_is_row (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
aimak_test_find_row (GtkWidget  *root,
                     const char *title)
{
  return aimak_test_find (root, aimak_test_is_row, title);
}

gpointer
aimak_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

void
aimak_test_on_finished (gpointer           dialog G_GNUC_UNUSED,
                        gboolean           ok,
                        AimakTestFinished *finished)
{
  finished->done = TRUE;
  finished->ok = ok;
}

void
aimak_test_wait_finished (AimakTestFinished *finished)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!finished->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (finished->done);
  aimak_test_iterate ();
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
