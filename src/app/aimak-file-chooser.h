/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-chooser.h — the one way the app asks for a file: a modal native
 * chooser (GtkFileDialog is GTK 4.10; the native chooser goes through the file
 * chooser portal, which in a sandbox is what grants access to the file), the
 * filter of exchange packages, and the file chosen when the answer accepts it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal native chooser over @parent with a "_Cancel" button; connect its
 * "response" and show it. Free with g_object_unref(). */
GtkFileChooserNative *aimak_file_chooser_new         (GtkWindow            *parent,
                                                      const char           *title,
                                                      GtkFileChooserAction  action,
                                                      const char           *accept_label);
/* Adds the filter of Aimak exchange packages (*.aimak) to @chooser. */
void                  aimak_file_chooser_add_packages (GtkFileChooserNative *chooser);
/* The file chosen in @chooser when @response accepts it, else NULL. */
GFile                *aimak_file_chooser_accepted    (GtkNativeDialog      *chooser,
                                                      int                   response);

G_END_DECLS
