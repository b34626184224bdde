/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-dialog.c — the import runs in a GTask thread with its own
 * database connection (SQLite connections are not shared across threads),
 * so the window stays responsive on a 50 MB file. Progress reaches the main
 * loop through one pending idle at a time; Stop cancels, and the core rolls
 * the transaction back, so a stopped import changes nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-db-job.h"
#include "aimak-file-chooser.h"
#include "aimak-import-dialog-private.h"
#include "aimak-import-preview-item.h"
#include "aimak-problem-row.h"
#include "aimak-toast.h"
#include "aimak-column-view.h"

#define PREVIEW_ROWS  500
#define MAX_PROBLEMS  1000

/* ---- the dialog ---- */

struct _AimakImportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *close_button;
  GtkWidget         *import_button;
  GtkWidget         *import_good_button;
  GtkWidget         *choose_other_button;
  GtkStack          *stack;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *summary_label;
  GtkWidget         *problems_box;
  GtkListBox        *problems_list;
  GtkLabel          *preview_label;
  GtkColumnView     *preview_view;
  AdwStatusPage     *error_page;

  /* Owned references */
  AimakDb           *db;
  GFile             *file;
  GPtrArray         *preview;       /* AimakImportPreviewRow * */
  AimakImportReport *report;
  GListStore        *preview_items;
  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;

  /* Progress from the worker thread */
  GMutex             progress_lock;
  double             progress;
  gboolean           progress_pending;
  gboolean           closing;
};

G_DEFINE_FINAL_TYPE (AimakImportDialog, aimak_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  AimakImportDialog *self;     /* for progress; the task holds it */
  char              *language;
  GFile             *file;
  AimakImportMode    mode;
} TaskData;

typedef struct
{
  GPtrArray         *preview;
  AimakImportReport *report;
} TaskResult;

static void
task_data_free (TaskData *data)
{
  g_free (data->language);
  g_clear_object (&data->file);
  g_free (data);
}

static void
task_result_free (TaskResult *result)
{
  g_clear_pointer (&result->preview, g_ptr_array_unref);
  g_clear_pointer (&result->report, aimak_import_report_free);
  g_free (result);
}

static void
set_step (AimakImportDialog *self,
          const char        *step)
{
  gboolean preview = g_strcmp0 (step, "preview") == 0;
  guint good = self->report ? self->report->good_rows : 0;
  guint bad = self->report ? self->report->bad_rows : 0;

  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (self->import_button, preview);
  gtk_widget_set_sensitive (self->import_button, preview && bad == 0 && good > 0);
  gtk_widget_set_visible (self->import_good_button, preview && bad > 0 && good > 0);
  gtk_widget_set_visible (self->choose_other_button,
                          preview || g_strcmp0 (step, "error") == 0);
  if (preview && bad > 0 && good > 0)
    gtk_widget_add_css_class (self->import_good_button, "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 preview && bad == 0 ? self->import_button : NULL);
}

const char *
aimak_import_dialog_get_step (AimakImportDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GPtrArray *
aimak_import_dialog_get_preview (AimakImportDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

const AimakImportReport *
aimak_import_dialog_get_report (AimakImportDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

/* ---- progress ---- */

static gboolean
progress_idle (gpointer data)
{
  AimakImportDialog *self = data;
  double fraction;

  g_mutex_lock (&self->progress_lock);
  fraction = self->progress;
  self->progress_pending = FALSE;
  g_mutex_unlock (&self->progress_lock);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  return G_SOURCE_REMOVE;
}

/* Worker thread: remember the latest figure, wake the main loop once. */
static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AimakImportDialog *self = user_data;
  gboolean schedule;

  g_mutex_lock (&self->progress_lock);
  self->progress = total ? (double) done / total : 0;
  schedule = !self->progress_pending;
  self->progress_pending = TRUE;
  g_mutex_unlock (&self->progress_lock);
  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle, g_object_ref (self), g_object_unref);
}

/* ---- the worker ---- */

/* A check returns the preview and the report, an import the report. */
static gboolean
run_task (AimakDb       *db,
          gpointer       task_data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  TaskData *data = task_data;
  TaskResult *r = g_new0 (TaskResult, 1);

  *result = r;
  aimak_db_set_language (db, data->language);
  if (data->mode == AIMAK_IMPORT_CHECK)
    {
      r->preview = aimak_import_preview (db, data->file, PREVIEW_ROWS, error);
      if (r->preview == NULL)
        return FALSE;
    }
  r->report = aimak_import_indicators (db, data->file, data->mode, cancellable, on_progress,
                                       data->self, error);
  return r->report != NULL;
}

static void on_task_done (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
start_task (AimakImportDialog *self,
            AimakImportMode    mode)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data = g_new0 (TaskData, 1);

  data->self = self;
  data->language = g_strdup (aimak_db_get_language (self->db));
  data->file = g_object_ref (self->file);
  data->mode = mode;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->progress = 0;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label,
                      mode == AIMAK_IMPORT_CHECK ? _("Checking the file…") : _("Importing…"));
  set_step (self, "progress");

  task = g_task_new (self, self->cancellable, on_task_done, NULL);
  g_task_set_source_tag (task, start_task);
  aimak_db_job_run (task, self->db, AIMAK_DB_OPEN_NO_CREATE, run_task, data,
                    (GDestroyNotify) task_data_free, (GDestroyNotify) task_result_free);
}

/* ---- preview ---- */

static char *
preview_text (AimakImportPreviewRow *row,
              int                    column)
{
  if (column == -2)
    return g_strdup_printf ("%u", row->line);
  if (column == -1)
    return g_strdup (row->reason ? row->reason : _("OK"));
  return g_strdup (row->fields[column] ? row->fields[column] : "");
}

static void
setup_preview_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);

  gtk_list_item_set_child (list_item,
                           aimak_column_view_label_new (column == -2 ? 1 : 0, TRUE, NULL));
}

static void
bind_preview_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AimakImportPreviewItem *item = gtk_list_item_get_item (list_item);
  AimakImportPreviewRow *row = aimak_import_preview_item_get_row (item);
  int column = GPOINTER_TO_INT (user_data);
  g_autofree char *text = preview_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column >= -1 ? text : NULL);
  if (column == -1 && row->reason)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_preview_column (AimakImportDialog *self,
                    const char        *title,
                    int                column,
                    int                width)
{
  aimak_column_view_append (self->preview_view, title, G_CALLBACK (setup_preview_cell),
                            G_CALLBACK (bind_preview_cell), column, width);
}

static void
show_preview (AimakImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *rows = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint good = self->report->good_rows, bad = self->report->bad_rows;

  rows = g_strdup_printf (ngettext ("%u row", "%u rows", good + bad), good + bad);
  if (bad == 0)
    summary = g_strdup_printf (_("%s: %s, all good. Import saves them in one step."), name, rows);
  else if (good == 0)
    summary = g_strdup_printf (_("%s: %s, none can be imported. Correct the file and choose it "
                                 "again."), name, rows);
  else
    summary = g_strdup_printf (ngettext ("%s: %s, %u bad. Correct the file, or import only the "
                                         "%u good rows.",
                                         "%s: %s, %u bad. Correct the file, or import only the "
                                         "%u good rows.", bad),
                               name, rows, bad, good);
  gtk_label_set_text (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < self->report->problems->len && i < MAX_PROBLEMS; i++)
    {
      AimakProblem *p = g_ptr_array_index (self->report->problems, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), p->line);

      gtk_list_box_append (self->problems_list, aimak_problem_row_new (p, line));
    }
  if (self->report->problems->len > MAX_PROBLEMS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("… and %u more"),
                                                self->report->problems->len - MAX_PROBLEMS);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (self->problems_box, self->report->problems->len > 0);

  g_list_store_remove_all (self->preview_items);
  for (guint i = 0; self->preview && i < self->preview->len; i++)
    {
      g_autoptr(AimakImportPreviewItem) item =
        aimak_import_preview_item_new (g_ptr_array_index (self->preview, i));

      g_list_store_append (self->preview_items, item);
    }
  {
    guint shown = self->preview ? self->preview->len : 0;
    g_autofree char *text = shown < good + bad
      ? g_strdup_printf (_("The first %u rows"), shown)
      : g_strdup (_("All rows"));
    gtk_label_set_text (self->preview_label, text);
  }
  adw_window_title_set_subtitle (self->window_title, name);
  set_step (self, "preview");
}

static void
show_error (AimakImportDialog *self,
            const GError      *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  set_step (self, "error");
}

/* The file was checked: its preview and report. */
static void
checked (AimakImportDialog *self,
         TaskResult        *r)
{
  if (self->closing)
    {
      task_result_free (r);
      return;
    }
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->report, aimak_import_report_free);
  self->preview = g_steal_pointer (&r->preview);
  self->report = g_steal_pointer (&r->report);
  task_result_free (r);
  show_preview (self);
}

void
aimak_import_dialog_load_file (AimakImportDialog *self,
                               GFile             *file)
{
  g_return_if_fail (AIMAK_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_set_object (&self->file, file);
  start_task (self, AIMAK_IMPORT_CHECK);
}

/* ---- import ---- */

/* The import ran: committed, or refused because the file changed since the
 * check. */
static void
imported (AimakImportDialog *self,
          TaskResult        *r)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;
  AimakImportReport *report = r->report;

  if (!report->committed)
    {
      /* The file changed since the check and now has bad rows. */
      g_clear_pointer (&self->report, aimak_import_report_free);
      self->report = g_steal_pointer (&r->report);
      task_result_free (r);
      if (!self->closing)
        show_preview (self);
      return;
    }
  if (report->bad_rows > 0)
    message = g_strdup_printf (ngettext ("Imported %u value (%u new, %u updated); %u bad rows "
                                         "left out",
                                         "Imported %u values (%u new, %u updated); %u bad rows "
                                         "left out", report->good_rows),
                               report->good_rows, report->inserted, report->updated,
                               report->bad_rows);
  else
    message = g_strdup_printf (ngettext ("Imported %u value (%u new, %u updated)",
                                         "Imported %u values (%u new, %u updated)",
                                         report->good_rows),
                               report->good_rows, report->inserted, report->updated);
  task_result_free (r);
  if (parent)
    aimak_toast_show (GTK_WIDGET (parent), message);
  g_signal_emit (self, signals[IMPORTED], 0);
  if (!self->closing)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
on_task_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AimakImportDialog *self = AIMAK_IMPORT_DIALOG (source);
  TaskData *data = aimak_db_job_get_data (result);
  g_autoptr(GError) error = NULL;
  TaskResult *r = NULL;

  if (aimak_db_job_finish (result, (gpointer *) &r, &error))
    {
      if (data->mode == AIMAK_IMPORT_CHECK)
        checked (self, r);
      else
        imported (self, r);
      return;
    }
  if (self->closing)
    return;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
  else if (data->mode == AIMAK_IMPORT_CHECK)
    set_step (self, "choose");
  else
    {
      show_preview (self);
      gtk_label_set_text (self->summary_label, _("The import was stopped. Nothing was changed."));
    }
}

static void
on_import_clicked (GtkButton         *button,
                   AimakImportDialog *self)
{
  if (self->file)
    start_task (self, AIMAK_IMPORT_ALL_OR_NOTHING);
}

static void
on_import_good_clicked (GtkButton         *button,
                        AimakImportDialog *self)
{
  if (self->file)
    start_task (self, AIMAK_IMPORT_SKIP_BAD);
}

static void
on_cancel_task_clicked (GtkButton         *button,
                        AimakImportDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
on_close_clicked (GtkButton         *button,
                  AimakImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_choose_clicked (GtkButton         *button,
                   AimakImportDialog *self)
{
  aimak_file_chooser_ask_open (GTK_WINDOW (self), _("Choose a CSV File"),
                               AIMAK_CHOOSER_FILTER_CSV, TRUE, &self->chooser,
                               (AimakFileChosen) aimak_import_dialog_load_file, self);
}

static gboolean
aimak_import_dialog_close_request (GtkWindow *window)
{
  AimakImportDialog *self = AIMAK_IMPORT_DIALOG (window);

  /* A running task holds a reference and finishes (rolled back) on its own. */
  self->closing = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (aimak_import_dialog_parent_class)->close_request (window);
}

static void
aimak_import_dialog_dispose (GObject *object)
{
  AimakImportDialog *self = AIMAK_IMPORT_DIALOG (object);

  aimak_file_chooser_clear (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (aimak_import_dialog_parent_class)->dispose (object);
}

static void
aimak_import_dialog_finalize (GObject *object)
{
  AimakImportDialog *self = AIMAK_IMPORT_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->report, aimak_import_report_free);
  g_clear_object (&self->preview_items);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->progress_lock);
  G_OBJECT_CLASS (aimak_import_dialog_parent_class)->finalize (object);
}

static void
aimak_import_dialog_class_init (AimakImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aimak_import_dialog_dispose;
  object_class->finalize = aimak_import_dialog_finalize;
  window_class->close_request = aimak_import_dialog_close_request;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakImportDialog, name)
  BIND (window_title);
  BIND (close_button);
  BIND (import_button);
  BIND (import_good_button);
  BIND (choose_other_button);
  BIND (stack);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (summary_label);
  BIND (problems_box);
  BIND (problems_list);
  BIND (preview_label);
  BIND (preview_view);
  BIND (error_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_good_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_task_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aimak_import_dialog_init (AimakImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_mutex_init (&self->progress_lock);
  self->preview_items = g_list_store_new (AIMAK_TYPE_IMPORT_PREVIEW_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview_items)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  add_preview_column (self, _("Line"), -2, 56);
  add_preview_column (self, _("Status"), -1, 300);
  add_preview_column (self, _("Area"), AIMAK_IMPORT_COL_AREA, 120);
  add_preview_column (self, _("Indicator"), AIMAK_IMPORT_COL_INDICATOR, 110);
  add_preview_column (self, _("Year"), AIMAK_IMPORT_COL_YEAR, 56);
  add_preview_column (self, _("Sex"), AIMAK_IMPORT_COL_SEX, 50);
  add_preview_column (self, _("Value"), AIMAK_IMPORT_COL_VALUE, 80);
  add_preview_column (self, _("Source"), AIMAK_IMPORT_COL_SOURCE, -1);
  add_preview_column (self, _("Note"), AIMAK_IMPORT_COL_NOTE, 80);
  set_step (self, "choose");
}

AimakImportDialog *
aimak_import_dialog_new (GtkWindow *parent,
                         AimakDb   *db)
{
  AimakImportDialog *self;

  g_return_val_if_fail (db != NULL, NULL);
  self = g_object_new (AIMAK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->db = aimak_db_ref (db);
  return self;
}
