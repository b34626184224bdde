/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-chooser.h — the one way the app asks for a file: a modal native
 * chooser (GtkFileDialog is GTK 4.10; the native chooser goes through the file
 * chooser portal, which in a sandbox is what grants access to the file), the
 * filters of the kinds of file the app reads and writes, and the file chosen
 * when the answer accepts it.
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
/* The kinds of file a chooser offers. */
typedef enum
{
  AIMAK_CHOOSER_FILTER_PACKAGES,   /* Aimak exchange packages, *.aimak */
  AIMAK_CHOOSER_FILTER_CSV,        /* CSV files */
  AIMAK_CHOOSER_FILTER_DATABASES,  /* Aimak databases, *.db */
  AIMAK_CHOOSER_FILTER_CERTIFICATES, /* PEM certificates, *.pem, *.crt */
  AIMAK_CHOOSER_FILTER_ALL,        /* All files */
} AimakChooserFilter;

/* Adds the filter @filter to @chooser. */
void                  aimak_file_chooser_add_filter  (GtkFileChooserNative *chooser,
                                                      AimakChooserFilter    filter);
/* The file chosen in @chooser when @response accepts it, else NULL. */
GFile                *aimak_file_chooser_accepted    (GtkNativeDialog      *chooser,
                                                      int                   response);

/* Called with the file the user accepted in a chooser of @owner's. */
typedef void (*AimakFileChosen) (gpointer  owner,
                                 GFile    *file);

/* Shows @chooser (taken), kept in *@slot (NULL until then) while it is up:
 * when the user answers, @chosen gets @owner and the file if one was
 * accepted, and the chooser goes from *@slot. */
void                  aimak_file_chooser_show        (GtkFileChooserNative  *chooser,
                                                      GtkFileChooserNative **slot,
                                                      AimakFileChosen        chosen,
                                                      gpointer               owner);
/* Asks for a file to open over @parent: a chooser titled @title offering
 * @filter, then all files when @all_files, shown as aimak_file_chooser_show()
 * shows it; nothing when a chooser of *@slot is already up. */
void                  aimak_file_chooser_ask_open    (GtkWindow             *parent,
                                                      const char            *title,
                                                      AimakChooserFilter     filter,
                                                      gboolean               all_files,
                                                      GtkFileChooserNative **slot,
                                                      AimakFileChosen        chosen,
                                                      gpointer               owner);
/* Closes the chooser in *@slot, if any (an owner's dispose). */
void                  aimak_file_chooser_clear       (GtkFileChooserNative **slot);

G_END_DECLS
