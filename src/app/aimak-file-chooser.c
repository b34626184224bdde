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

/* Each AimakChooserFilter: its name, the patterns of its files' names, and
 * their suffix and MIME type where a pattern alone does not find them all. */
static const struct
{
  const char *name;
  const char *patterns[3];   /* NULL-terminated */
  const char *suffix;        /* or NULL */
  const char *mime_type;     /* or NULL */
} filters[] = {
  [AIMAK_CHOOSER_FILTER_PACKAGES] = { N_("Aimak exchange packages"), { "*.aimak" }, "aimak" },
  [AIMAK_CHOOSER_FILTER_CSV] = { N_("CSV files"), { "*.csv", "*.CSV" }, NULL, "text/csv" },
  [AIMAK_CHOOSER_FILTER_DATABASES] = { N_("Aimak databases"), { "*.db" }, NULL,
                                       "application/vnd.sqlite3" },
  [AIMAK_CHOOSER_FILTER_CERTIFICATES] = { N_("Certificates"), { "*.pem", "*.crt" }, NULL,
                                          "application/x-x509-ca-cert" },
  [AIMAK_CHOOSER_FILTER_ALL] = { N_("All files"), { "*" } },
};

void
aimak_file_chooser_add_filter (GtkFileChooserNative *chooser,
                               AimakChooserFilter    filter)
{
  g_autoptr(GtkFileFilter) f = gtk_file_filter_new ();

  g_return_if_fail (filter < G_N_ELEMENTS (filters));
  gtk_file_filter_set_name (f, _(filters[filter].name));
  for (guint i = 0; filters[filter].patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (f, filters[filter].patterns[i]);
  if (filters[filter].suffix != NULL)
    gtk_file_filter_add_suffix (f, filters[filter].suffix);
  if (filters[filter].mime_type != NULL)
    gtk_file_filter_add_mime_type (f, filters[filter].mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), f);
}

GFile *
aimak_file_chooser_accepted (GtkNativeDialog *chooser,
                             int              response)
{
  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
}

typedef struct
{
  GtkFileChooserNative **slot;
  AimakFileChosen        chosen;
  gpointer               owner;
} Showing;

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Showing         *showing)
{
  g_autoptr(GFile) file = aimak_file_chooser_accepted (chooser, response);

  if (file)
    showing->chosen (showing->owner, file);
  aimak_file_chooser_clear (showing->slot);
}

void
aimak_file_chooser_show (GtkFileChooserNative  *chooser,
                         GtkFileChooserNative **slot,
                         AimakFileChosen        chosen,
                         gpointer               owner)
{
  Showing *showing = g_new0 (Showing, 1);

  g_return_if_fail (*slot == NULL);
  showing->slot = slot;
  showing->chosen = chosen;
  showing->owner = owner;
  *slot = chooser;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), showing,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
aimak_file_chooser_ask_open (GtkWindow             *parent,
                             const char            *title,
                             AimakChooserFilter     filter,
                             gboolean               all_files,
                             GtkFileChooserNative **slot,
                             AimakFileChosen        chosen,
                             gpointer               owner)
{
  GtkFileChooserNative *chooser;

  if (*slot != NULL)
    return;
  chooser = aimak_file_chooser_new (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  aimak_file_chooser_add_filter (chooser, filter);
  if (all_files)
    aimak_file_chooser_add_filter (chooser, AIMAK_CHOOSER_FILTER_ALL);
  aimak_file_chooser_show (chooser, slot, chosen, owner);
}

void
aimak_file_chooser_clear (GtkFileChooserNative **slot)
{
  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}
