/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-application.c — start-up, the database to open, app-wide actions.
 *
 * One instance per session (GApplication uniqueness on the session bus): a
 * second `aimak` hands its command line to the running one, which brings its
 * window to the front; a different --database is not opened beside the first
 * but reported on the second's stderr, so one database is never open twice
 * and nothing is written from two windows. A database that cannot be opened
 * gets the damaged-database dialog, never a crash or a silent new file. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aimak-application.h"
#include "aimak-backups.h"
#include "aimak-damaged-dialog.h"
#include "aimak-file-chooser.h"
#include "aimak-preferences-window.h"
#include "aimak-settings.h"
#include "aimak-window.h"

struct _AimakApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;      /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (AimakApplication, aimak_application, ADW_TYPE_APPLICATION)

static void open_database (AimakApplication *self,
                           const char       *path,
                           const char       *restored_from,
                           const char       *previous);

static AimakWindow *
find_main_window (AimakApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (AIMAK_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return g_strcmp0 (a, b) == 0;
}

/* A message at start-up, before there is a main window: it is an application
 * window itself, so the app keeps running while it is up. */
static void
show_message (AimakApplication *self,
              GtkWindow        *parent,
              const char       *heading,
              const char       *body,
              GCallback         on_response,
              gpointer          data,
              GDestroyNotify    data_free)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (on_response)
    g_signal_connect_data (dialog, "response", on_response, data,
                           (GClosureNotify) (void (*) (void)) data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  AimakApplication *self = AIMAK_APPLICATION (g_application_get_default ());
  char *db_path = user_data;
  g_autoptr(GFile) file = aimak_file_chooser_accepted (chooser, response);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  /* Cancelled (or not a local file): back to the choice, so the planner is
   * never left with nothing. */
  open_database (self, path ? path : db_path, NULL, NULL);
  g_free (db_path);
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
choose_other_file (AimakApplication *self,
                   const char       *db_path)
{
  GtkFileChooserNative *chooser;
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  chooser = aimak_file_chooser_new (NULL, _("Open an Aimak Database"),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  aimak_file_chooser_add_filter (chooser, AIMAK_CHOOSER_FILTER_DATABASES);
  aimak_file_chooser_add_filter (chooser, AIMAK_CHOOSER_FILTER_ALL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  /* The dialog is not an application window: hold the app while it is up. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_strdup (db_path));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_restore_failed_response (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  open_database (AIMAK_APPLICATION (g_application_get_default ()), user_data, NULL, NULL);
}

static void
on_damaged_response (AimakDamagedDialog *dialog,
                     const char         *response,
                     AimakApplication   *self)
{
  g_autofree char *db_path = g_strdup (aimak_damaged_dialog_get_db_path (dialog));

  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autofree char *backup = g_strdup (aimak_damaged_dialog_get_backup (dialog));
      g_autofree char *previous = NULL;
      g_autoptr(GError) error = NULL;

      if (aimak_backup_restore (backup, db_path, &previous, &error))
        open_database (self, db_path, backup, previous);
      else
        show_message (self, NULL, _("The Backup Could Not Be Restored"), error->message,
                      G_CALLBACK (on_restore_failed_response), g_strdup (db_path), g_free);
    }
  else if (g_strcmp0 (response, "open") == 0)
    choose_other_file (self, db_path);
  /* "quit": the dialog was the last window. */
}

static void
show_open_problem (AimakApplication *self,
                   const char       *path,
                   const GError     *error)
{
  g_autoptr(GPtrArray) backups = aimak_backup_list (path, NULL);
  AimakBackupInfo *newest_good = NULL;
  AimakDamagedDialog *dialog;

  for (guint i = 0; backups && i < backups->len && !newest_good; i++)
    {
      AimakBackupInfo *info = g_ptr_array_index (backups, i);

      if (aimak_backup_verify (info->path, NULL))
        newest_good = info;
    }
  dialog = aimak_damaged_dialog_new (NULL, path, error, newest_good);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_damaged_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The check after the first frame came back: a sound file gets its writes and
 * its daily backups; a damaged one loses the window to the damaged-file
 * dialog, as at start, and nothing was written to it. */
static void
on_check_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AimakApplication *self = AIMAK_APPLICATION (g_application_get_default ());
  GWeakRef *ref = user_data;
  g_autoptr(AimakWindow) window = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  AimakDb *db;

  g_weak_ref_clear (ref);
  g_free (ref);
  g_application_release (G_APPLICATION (self));
  if (window == NULL || (db = aimak_window_get_db (window)) == NULL)
    return;
  if (!aimak_db_quick_check_finish (result, &error))
    {
      g_autofree char *path = g_strdup (aimak_db_get_path (db));

      /* The dialog first, so the app keeps a window meanwhile. */
      show_open_problem (self, path, error);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  if (!aimak_db_release_writes (db, &error))
    {
      g_warning ("Could not allow writes to %s: %s", aimak_db_get_path (db), error->message);
      return;
    }
  aimak_backups_start_daily (window, self->settings);
}

static void
on_first_frame (GdkFrameClock *clock,
                AimakWindow   *window)
{
  AimakApplication *self = AIMAK_APPLICATION (g_application_get_default ());
  AimakDb *db = aimak_window_get_db (window);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, window);
  g_weak_ref_init (ref, window);
  /* Held while the thread reads, so a closed window does not end the app
   * under it. An edit saved meanwhile waits for the check (aimak-db.h). */
  g_application_hold (G_APPLICATION (self));
  aimak_db_quick_check_async (db, on_check_done, ref);
}

static void
on_window_map (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_map, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame), widget, 0);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
open_database (AimakApplication *self,
               const char       *path,
               const char       *restored_from,
               const char       *previous)
{
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;

  /* No full-file read before the first frame: the quick_check runs after it
   * (a file to migrate is still checked first), and until it passed nothing
   * is written to the file. */
  db = aimak_db_open (path, AIMAK_DB_OPEN_NO_QUICK_CHECK | AIMAK_DB_OPEN_HOLD_WRITES, &error);
  if (db == NULL)
    {
      show_open_problem (self, path, error);
      return;
    }
  window = aimak_window_new (GTK_APPLICATION (self), db);
  g_signal_connect (window, "map", G_CALLBACK (on_window_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (restored_from)
    {
      g_autofree char *base = g_path_get_basename (previous ? previous : "");
      g_autofree char *message = g_strdup_printf (_("The newest good backup was restored. The "
                                                    "file that could not be opened was kept as "
                                                    "“%s”."),
                                                  base);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      aimak_window_add_toast (window, toast);
    }
  /* The daily backups start once the check passed (on_check_done). */
}

static void
aimak_application_activate (GApplication *app)
{
  AimakApplication *self = AIMAK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window == NULL && windows != NULL)
    window = windows->data;
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = aimak_db_default_path ();
  open_database (self, path, NULL, NULL);
}

/* Every start, the first and any later one, arrives here in the running
 * instance: a database is open in one window only, never twice. */
static int
aimak_application_command_line (GApplication            *app,
                                GApplicationCommandLine *cmdline)
{
  AimakApplication *self = AIMAK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  AimakWindow *main_window = find_main_window (self);
  const char *database = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);
      path = g_file_get_path (file);
    }
  else
    path = aimak_db_default_path ();

  if (main_window != NULL)
    {
      AimakDb *db = aimak_window_get_db (main_window);

      if (db && !same_file (aimak_db_get_path (db), path))
        g_application_command_line_printerr (cmdline,
                                             _("Aimak is already running with the database "
                                               "“%s”; its window was brought to the front. "
                                               "To open “%s”, close Aimak first.\n"),
                                             aimak_db_get_path (db), path);
      gtk_window_present (GTK_WINDOW (main_window));
      return 0;
    }
  if (windows != NULL)
    {
      /* The start-up dialog is up: show it rather than a second one. */
      gtk_window_present (windows->data);
      return 0;
    }
  open_database (self, path, NULL, NULL);
  return 0;
}

static int
aimak_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aimak %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
app_quit (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));
  gboolean asked = FALSE;

  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);

  /* A window with edits that cannot be saved asks first and stays (its
   * "Discard" quits again); then Aimak does not quit under the question. */
  for (GList *l = windows; l; l = l->next)
    if (AIMAK_IS_WINDOW (l->data))
      {
        g_object_set_data (l->data, "aimak-quitting", GINT_TO_POINTER (TRUE));
        gtk_window_close (l->data);
        asked |= g_list_find (gtk_application_get_windows (app), l->data) != NULL;
      }
  g_list_free_full (windows, g_object_unref);
  if (!asked)
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
  /* Which official list the areas reflect (issue 17). */
  if (AIMAK_IS_WINDOW (parent) && aimak_window_get_db (AIMAK_WINDOW (parent)))
    {
      g_autofree char *as_of = aimak_area_list_as_of (aimak_window_get_db (AIMAK_WINDOW (parent)));

      adw_about_window_add_legal_section (about, _("Area list"), as_of, GTK_LICENSE_CUSTOM,
                                          _("Territorial changes (the 2024 reform) are applied "
                                            "from a change list with Apply Area Changes…; "
                                            "former areas keep their records."));
    }
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
  g_clear_object (&AIMAK_APPLICATION (object)->settings);
  G_OBJECT_CLASS (aimak_application_parent_class)->finalize (object);
}

static void
aimak_application_class_init (AimakApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = aimak_application_finalize;
  app_class->activate = aimak_application_activate;
  app_class->command_line = aimak_application_command_line;
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
  self->settings = aimak_settings_new_if_installed ();
}

void
aimak_application_open_database (AimakApplication *self,
                                 const char       *path)
{
  g_return_if_fail (AIMAK_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);
  open_database (self, path, NULL, NULL);
}

AimakApplication *
aimak_application_new (void)
{
  return g_object_new (AIMAK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
