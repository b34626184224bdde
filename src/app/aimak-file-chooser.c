/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-chooser.c — the modal native file chooser the dialogs share. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-file-chooser.h"

GtkFileChooserNative *
aimak_file_chooser_new (GtkWindow            *parent,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept_label)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action,
                                                               accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

void
aimak_file_chooser_add_packages (GtkFileChooserNative *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Aimak exchange packages"));
  gtk_file_filter_add_pattern (filter, "*.aimak");
  gtk_file_filter_add_suffix (filter, "aimak");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

GFile *
aimak_file_chooser_accepted (GtkNativeDialog *chooser,
                             int              response)
{
  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
}
