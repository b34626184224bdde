/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-dialog.c — the Export Workbook dialog. The export runs in a GTask thread
 * with a read-only database connection of its own (a connection is not shared between
 * threads), reports progress through an atomic the main loop polls, and can be
 * cancelled; the window stays responsive throughout (AimakSaveDialog). When the
 * workbook is saved the window shows a toast with Open and Show in Folder.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-ask.h"
#include "aimak-db-job.h"
#include "aimak-dialog-title.h"
#include "aimak-export-dialog.h"
#include "aimak-settings.h"
#include "aimak-widget-util.h"

struct _AimakExportDialog
{
  AimakSaveDialog       parent_instance;

  /* Template widgets */
  AdwPreferencesPage   *page;
  AdwComboRow          *scope_row;
  GtkStringList        *scope_model;
  AdwComboRow          *language_row;
  GtkSwitch            *suppress_switch;
  GtkSpinButton        *threshold_spin;
  AdwEntryRow          *name_row;
  AdwActionRow         *folder_row;
  GtkButton            *export_button;
  GtkLabel             *error_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;

  /* Owned references */
  AimakDb              *db;
  char                 *area_code;
  GFile                *folder;
  GSettings            *settings;

  /* State */
  AimakScopeKind        scope_kinds[3];  /* what each row of scope_model stands for */
  char                 *proposed_name;
  gboolean              name_edited;
};

G_DEFINE_FINAL_TYPE (AimakExportDialog, aimak_export_dialog, AIMAK_TYPE_SAVE_DIALOG)

static const char * const languages[] = { "en", "ru", "ky" };

/* ------------------------------------------------------------- the job */

typedef struct
{
  AimakExportOptions  opts;
  char               *path;
  gint               *permille;          /* shared with the dialog */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->opts.scope.area_code);
  g_free (job->opts.lang);
  g_free (job->path);
  g_free (job->permille);
  g_free (job);
}

static void
job_progress (double   fraction,
              gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (job->permille, (gint) (fraction * 1000));
}

static gboolean
export_work (AimakDb       *db,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *job = data;

  return aimak_export_workbook (db, &job->opts, job->path, cancellable, job_progress, job,
                                error);
}

/* ---------------------------------------------------------- the dialog */

static AimakScopeKind
selected_scope (AimakExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  return i < G_N_ELEMENTS (self->scope_kinds) ? self->scope_kinds[i] : AIMAK_SCOPE_ALL;
}

static void
propose_name (AimakExportDialog *self)
{
  AimakScope scope = { selected_scope (self), NULL };

  scope.area_code = scope.kind == AIMAK_SCOPE_AREA ? self->area_code : NULL;
  g_free (self->proposed_name);
  self->proposed_name = aimak_export_default_filename (self->db, &scope, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->proposed_name);
  self->name_edited = FALSE;
}

static void
on_scope_changed (AimakExportDialog *self)
{
  /* A name the user typed is kept; a proposed one follows the scope. */
  if (!self->name_edited && self->db)
    propose_name (self);
}

static void
on_name_changed (AimakExportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  self->name_edited = g_strcmp0 (text, self->proposed_name) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_name_activated (AimakExportDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "export.start", NULL);
}

static void
update_folder_row (AimakExportDialog *self)
{
  g_autofree char *shown = self->folder ? g_file_get_parse_name (self->folder) : NULL;

  adw_action_row_set_subtitle (self->folder_row, shown ? shown : "");
}

void
aimak_export_dialog_set_folder (AimakExportDialog *self,
                                GFile             *folder)
{
  g_return_if_fail (AIMAK_IS_EXPORT_DIALOG (self));
  g_set_object (&self->folder, folder);
  update_folder_row (self);
}

/* The name as entered, with ".xlsx" added when it has no such ending; NULL and a
 * message when it cannot be a file name. */
static char *
checked_name (AimakExportDialog *self,
              char             **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (*name == '\0')
    {
      *message = g_strdup (_("Enter a name for the workbook file."));
      return NULL;
    }
  if (strchr (name, G_DIR_SEPARATOR) || g_strcmp0 (name, ".") == 0 ||
      g_strcmp0 (name, "..") == 0)
    {
      *message = g_strdup (_("The file name cannot contain “/”. Choose the folder with "
                             "the Choose button."));
      return NULL;
    }
  if (!g_str_has_suffix (name, ".xlsx") && !g_str_has_suffix (name, ".XLSX"))
    {
      char *with = g_strconcat (name, ".xlsx", NULL);
      g_free (name);
      name = with;
    }
  return g_steal_pointer (&name);
}

static void
show_error (AimakExportDialog *self,
            const char        *message)
{
  aimak_label_show_message (self->error_label, message);
}

static void
set_running (AimakExportDialog *self,
             gboolean           running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", !running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  if (running)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
save_settings (AimakExportDialog *self)
{
  static const char * const scopes[] = { "area", "pilots", "all" };
  guint lang = adw_combo_row_get_selected (self->language_row);
  g_autofree char *folder = self->folder ? g_file_get_path (self->folder) : NULL;

  if (self->settings == NULL)
    return;
  if (lang < G_N_ELEMENTS (languages))
    g_settings_set_string (self->settings, "export-language", languages[lang]);
  g_settings_set_string (self->settings, "export-scope", scopes[selected_scope (self)]);
  g_settings_set_boolean (self->settings, "export-suppress-small",
                          gtk_switch_get_active (self->suppress_switch));
  g_settings_set_int (self->settings, "export-threshold",
                      gtk_spin_button_get_value_as_int (self->threshold_spin));
  if (folder)
    g_settings_set_string (self->settings, "export-folder", folder);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AimakExportDialog *self = AIMAK_EXPORT_DIALOG (source);
  AimakSaveDialog *base = AIMAK_SAVE_DIALOG (self);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = aimak_db_job_finish (result, NULL, &error);

  aimak_save_dialog_end (base);
  set_running (self, FALSE);
  if (ok)
    {
      save_settings (self);
      aimak_save_dialog_saved (base, file, _("Workbook saved"), TRUE);
    }
  else if (aimak_save_dialog_failed (base, error))
    show_error (self, error->message);
}

static void
start_export (AimakExportDialog *self,
              GFile             *file,
              gboolean           replace)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  ExportJob *job = g_new0 (ExportJob, 1);
  guint lang = adw_combo_row_get_selected (self->language_row);

  job->opts.scope.kind = selected_scope (self);
  job->opts.scope.area_code = job->opts.scope.kind == AIMAK_SCOPE_AREA
                              ? g_strdup (self->area_code) : NULL;
  job->opts.lang = g_strdup (lang < G_N_ELEMENTS (languages) ? languages[lang] : "en");
  job->opts.suppress_small = gtk_switch_get_active (self->suppress_switch);
  job->opts.threshold = gtk_spin_button_get_value_as_int (self->threshold_spin);
  job->opts.replace = replace;
  job->path = g_file_get_path (file);
  job->permille = g_new0 (gint, 1);
  if (job->path == NULL)
    {
      export_job_free (job);
      show_error (self, _("This folder cannot be written to directly. Choose another one."));
      return;
    }

  cancellable = aimak_save_dialog_begin (AIMAK_SAVE_DIALOG (self), self->progress_bar,
                                         job->permille, TRUE);
  set_running (self, TRUE);
  task = g_task_new (self, cancellable, on_export_done, g_object_ref (file));
  g_task_set_source_tag (task, start_export);
  aimak_db_job_run (task, self->db, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE,
                    export_work, job, (GDestroyNotify) export_job_free, NULL);
}

static void
on_replace_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     AimakExportDialog *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "aimak-file");

  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, file, TRUE);
}

static void
export_start (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimakExportDialog *self = AIMAK_EXPORT_DIALOG (widget);
  g_autofree char *message = NULL;
  g_autofree char *name = checked_name (self, &message);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (self)))
    return;
  if (name == NULL)
    {
      show_error (self, message);
      return;
    }
  if (self->folder == NULL)
    {
      show_error (self, _("Choose a folder for the workbook."));
      return;
    }
  file = g_file_get_child (self->folder, name);
  path = g_file_get_path (file);
  /* What may never be replaced (the database, a backup, a file that is not a
   * workbook) is refused before anyone is asked whether to replace it. */
  if (path && !aimak_file_check_workbook_target (path, aimak_db_get_path (self->db), TRUE, NULL,
                                                 &error))
    {
      show_error (self, error->message);
      return;
    }
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
    {
      AdwMessageDialog *ask = aimak_ask_new (GTK_WINDOW (self), _("Replace the Existing File?"),
                                             NULL, "replace", _("_Replace"),
                                             ADW_RESPONSE_DESTRUCTIVE);

      adw_message_dialog_format_body (ask, _("A file named “%s” is already in this folder. "
                                             "Replacing it overwrites its contents."), name);
      g_object_set_data_full (G_OBJECT (ask), "aimak-file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (ask, "response", G_CALLBACK (on_replace_response), self, 0);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  start_export (self, file, FALSE);
}

static void
on_folder_chosen (AimakSaveDialog *dialog,
                  GFile           *folder)
{
  aimak_export_dialog_set_folder (AIMAK_EXPORT_DIALOG (dialog), folder);
}

static void
export_choose_folder (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AimakExportDialog *self = AIMAK_EXPORT_DIALOG (widget);

  if (aimak_save_dialog_is_choosing (AIMAK_SAVE_DIALOG (self)))
    return;
  aimak_save_dialog_choose (AIMAK_SAVE_DIALOG (self), _("Choose a Folder for the Workbook"),
                            GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), self->folder,
                            NULL, on_folder_chosen);
}

static void
aimak_export_dialog_dispose (GObject *object)
{
  AimakExportDialog *self = AIMAK_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  G_OBJECT_CLASS (aimak_export_dialog_parent_class)->dispose (object);
}

static void
aimak_export_dialog_finalize (GObject *object)
{
  AimakExportDialog *self = AIMAK_EXPORT_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_free (self->area_code);
  g_free (self->proposed_name);
  G_OBJECT_CLASS (aimak_export_dialog_parent_class)->finalize (object);
}

static void
aimak_export_dialog_class_init (AimakExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_export_dialog_dispose;
  object_class->finalize = aimak_export_dialog_finalize;

  g_type_ensure (AIMAK_TYPE_DIALOG_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, scope_model);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, suppress_switch);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimakExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, export_start);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL,
                                   export_choose_folder);
  aimak_save_dialog_class_install_cancel (widget_class, "export.cancel");
}

static void
aimak_export_dialog_init (AimakExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = aimak_settings_new_if_installed ();
}

static GFile *
default_folder (GSettings *settings)
{
  g_autofree char *saved = settings ? g_settings_get_string (settings, "export-folder") : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (saved && *saved && g_file_test (saved, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (saved);
  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

AimakExportDialog *
aimak_export_dialog_new (GtkWindow  *parent,
                         AimakDb    *db,
                         const char *area_code)
{
  AimakExportDialog *self;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *saved_scope = NULL;
  guint n = 0, selected = 0;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (AIMAK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->db = aimak_db_ref (db);
  aimak_save_dialog_set_parent (AIMAK_SAVE_DIALOG (self), parent);
  if (area_code && *area_code)
    {
      g_autoptr(AimakArea) area = aimak_area_get (db, area_code, NULL);

      if (area)
        {
          g_autofree char *label = g_strdup_printf (_("%s and all areas in it"),
                                                    aimak_area_name (area, NULL));
          self->area_code = g_strdup (area_code);
          gtk_string_list_append (self->scope_model, label);
          self->scope_kinds[n++] = AIMAK_SCOPE_AREA;
        }
    }
  gtk_string_list_append (self->scope_model, _("Pilot areas"));
  self->scope_kinds[n++] = AIMAK_SCOPE_PILOTS;
  gtk_string_list_append (self->scope_model, _("All areas"));
  self->scope_kinds[n++] = AIMAK_SCOPE_ALL;

  /* The selected area when there is one; otherwise what was exported last time. */
  saved_scope = self->settings ? g_settings_get_string (self->settings, "export-scope") : NULL;
  if (self->area_code == NULL && g_strcmp0 (saved_scope, "all") == 0)
    selected = n - 1;
  adw_combo_row_set_selected (self->scope_row, selected);

  /* Until the user has chosen one, the workbook speaks the interface's language. */
  {
    g_autoptr(GVariant) chosen = self->settings
      ? g_settings_get_user_value (self->settings, "export-language") : NULL;

    lang = chosen ? g_variant_dup_string (chosen, NULL) : g_strdup (aimak_lang_current ());
  }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (lang, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  if (self->settings)
    {
      gtk_switch_set_active (self->suppress_switch,
                             g_settings_get_boolean (self->settings, "export-suppress-small"));
      gtk_spin_button_set_value (self->threshold_spin,
                                 g_settings_get_int (self->settings, "export-threshold"));
    }
  else
    gtk_switch_set_active (self->suppress_switch, TRUE);

  folder = default_folder (self->settings);
  aimak_export_dialog_set_folder (self, folder);
  propose_name (self);
  return self;
}
