/* aimak-application.c — start-up, the database to open, app-wide actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-application.h"
#include "aimak-preferences-window.h"
#include "aimak-window.h"

struct _AimakApplication
{
  AdwApplication  parent_instance;
  char           *database;
};

G_DEFINE_FINAL_TYPE (AimakApplication, aimak_application, ADW_TYPE_APPLICATION)

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GApplication     *app)
{
  g_application_release (app);
}

static void
show_open_error (AimakApplication *self,
                 const GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Database Could Not Be Opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
aimak_application_activate (GApplication *app)
{
  AimakApplication *self = AIMAK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = self->database ? g_strdup (self->database) : aimak_db_default_path ();
  db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      show_open_error (self, error);
      return;
    }
  window = GTK_WINDOW (aimak_window_new (GTK_APPLICATION (app), db));
  gtk_window_present (window);
}

static int
aimak_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  AimakApplication *self = AIMAK_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aimak %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);
      self->database = g_file_get_path (file);
    }
  return -1;
}

static void
app_quit (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  for (GList *l = windows; l; l = l->next)
    if (AIMAK_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (app));
}

static void
app_preferences (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  AimakPreferencesWindow *prefs = aimak_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
app_about (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  const char *developers[] = { "Aimak contributors", NULL };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Aimak"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, "Aimak contributors");
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_website (about, "https://github.com/aimakplanner/aimak");
  adw_about_window_set_issue_url (about, "https://github.com/aimakplanner/aimak/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Gender-aware migration and development planning for "
                                   "local authorities in Kyrgyzstan: area profiles, "
                                   "priorities, capacity building and Excel workbooks."));
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about, _("Administrative areas"),
                                      "open-admin-data/kyrgyzstan-administrative-divisions "
                                      "v2026.06, derived from the OCHA COD-AB gazetteer",
                                      GTK_LICENSE_CUSTOM,
                                      _("Licensed under CC BY 4.0. Russian names from the OCHA "
                                        "COD-AB and the National Statistical Committee."));
  adw_about_window_add_legal_section (about, _("District boundaries"),
                                      "OCHA / Ministry of Emergency Situations of the Kyrgyz "
                                      "Republic (2018)", GTK_LICENSE_CUSTOM,
                                      _("OCHA Common Operational Dataset, administrative "
                                        "boundaries (CC BY-IGO), as mirrored in WFP-VAM/prism-app."));
  adw_about_window_add_legal_section (about, _("Indicators"),
                                      "National Statistical Committee of the Kyrgyz Republic",
                                      GTK_LICENSE_CUSTOM,
                                      _("National SDG reporting platform data. Rayon population "
                                        "and poverty from WFP PRISM (original source not "
                                        "stated). National figures each carry their own source."));
  adw_about_window_add_legal_section (about, _("Code lists"),
                                      "OECD DAC, UN A/RES/73/195, UN SDG, IATI",
                                      GTK_LICENSE_CUSTOM,
                                      _("Gender equality policy marker (OECD DAC), Global Compact "
                                        "for Migration objectives, SDG targets, IATI sector "
                                        "codes."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
aimak_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", app_quit },
    { "preferences", app_preferences },
    { "about", app_about },
  };
  const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (aimak_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
aimak_application_finalize (GObject *object)
{
  g_free (AIMAK_APPLICATION (object)->database);
  G_OBJECT_CLASS (aimak_application_parent_class)->finalize (object);
}

static void
aimak_application_class_init (AimakApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = aimak_application_finalize;
  app_class->activate = aimak_application_activate;
  app_class->startup = aimak_application_startup;
  app_class->handle_local_options = aimak_application_handle_local_options;
}

static void
aimak_application_init (AimakApplication *self)
{
  const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

AimakApplication *
aimak_application_new (void)
{
  return g_object_new (AIMAK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
