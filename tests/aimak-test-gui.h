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
/* Runs the main loop until it is idle, a few times over, so that idle
 * handlers scheduled by other idle handlers run too. */
void       aimak_test_iterate    (void);
/* Runs the main loop for @ms milliseconds (timers, animations, frames), then
 * until it is idle: a user pausing. */
void       aimak_test_wait_ms    (guint       ms);
/* The first drawable label below @root whose text is @text. */
GtkWidget *aimak_test_find_label (GtkWidget  *root,
                                  const char *text);
/* The first widget below @root of @type. */
GtkWidget *aimak_test_find_type  (GtkWidget  *root,
                                  GType       type);
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
