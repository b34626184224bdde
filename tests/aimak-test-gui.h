/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-test-gui.h — helpers shared by the GUI tests. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init(), or, without a display (neither DISPLAY nor WAYLAND_DISPLAY set, as in
 * a Flatpak build's test step), a skipped TAP test: "1..0 # SKIP ..." and exit 0 (meson's
 * TAP runner counts exit status 77 as an error, not a skip). */
void       aimak_test_gui_init   (int         *argc,
                                  char      ***argv);
/* Takes a "--language=LL" argument out of @argv (default "en"), sets LANGUAGE
 * to it and loads the build tree's catalogues (AIMAK_LOCALEDIR), before
 * aimak_test_gui_init(): a language needs a process of its own, as GLib decides
 * once per process whether .ui strings are translated. Returns the language. */
const char *aimak_test_take_language (int   *argc,
                                      char **argv);
/* Runs the main loop until it is idle, a few times over, so that idle
 * handlers scheduled by other idle handlers run too. */
void       aimak_test_iterate    (void);
/* Runs the main loop for @ms milliseconds (timers, animations, frames), then
 * until it is idle: a user pausing. */
void       aimak_test_wait_ms    (guint       ms);
/* Whether @widget is the one looked for; @data is what the caller gave. */
typedef gboolean (*AimakTestMatch) (GtkWidget     *widget,
                                    gconstpointer  data);

/* The first widget below @root, depth first in child order, that @match
 * accepts with @data. */
GtkWidget *aimak_test_find       (GtkWidget      *root,
                                  AimakTestMatch  match,
                                  gconstpointer   data);
/* The first drawable label below @root whose text is @text. */
GtkWidget *aimak_test_find_label (GtkWidget  *root,
                                  const char *text);
/* The first widget below @root of @type. */
GtkWidget *aimak_test_find_type  (GtkWidget  *root,
                                  GType       type);
/* The widget below @root with the largest minimum width, the innermost of
 * equals, into @best and @best_min (start them at NULL and 0): what widens a
 * window, for the message of a failure. Lists, popovers and what scrolls
 * sideways are not looked into. */
void       aimak_test_widest     (GtkWidget  *root,
                                  GtkWidget **best,
                                  int        *best_min);
/* A button whose label is @label (a const char *), shown or not. */
gboolean   aimak_test_is_button  (GtkWidget     *widget,
                                  gconstpointer  label);
/* The first button below @root whose label is @label, shown or not. */
GtkWidget *aimak_test_find_button (GtkWidget  *root,
                                   const char *label);
/* A preferences row whose title is @title (a const char *), shown or not. */
gboolean   aimak_test_is_row     (GtkWidget     *widget,
                                  gconstpointer  title);
/* The first preferences row below @root whose title is @title, shown or not. */
GtkWidget *aimak_test_find_row   (GtkWidget  *root,
                                  const char *title);
/* A visible toplevel window of @type, or NULL. */
gpointer   aimak_test_find_toplevel (GType type);
/* What a dialog's "finished" signal (gboolean ok, as the save dialogs emit
 * when their work is done, failed or was cancelled) said: set it to zeroes, connect
 * aimak_test_on_finished() with it as the data, then wait. */
typedef struct
{
  gboolean done;
  gboolean ok;
} AimakTestFinished;

void       aimak_test_on_finished   (gpointer           dialog,
                                     gboolean           ok,
                                     AimakTestFinished *finished);
/* Runs the main loop until @finished is done (two minutes at most), asserts
 * that it is, then until idle. */
void       aimak_test_wait_finished (AimakTestFinished *finished);

/* The "choose an area first" dialog: asserts it is shown saying @body with
 * Choose Area as its default, answers Choose Area and asserts that the caret
 * went to a search entry of @window. */
void       aimak_test_answer_choose_area (GtkWidget  *window,
                                          const char *body);

/* With AIMAK_TEST_SCREENSHOTS=DIR set: lets the window settle for @settle_ms,
 * then saves a PNG of @widget as it is drawn to DIR/@name. TRUE when a PNG was
 * saved (or none was asked for); FALSE when nothing was drawn yet. */
gboolean   aimak_test_save_png   (GtkWidget  *widget,
                                  const char *name,
                                  guint       settle_ms);

G_END_DECLS
