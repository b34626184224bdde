/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-dialog.c — the Programme Document dialog. Every build (the preview,
 * saving, printing) runs in a GTask thread with a read-only database connection of
 * its own, as the workbook export does; saving and printing report progress through
 * an atomic the main loop polls and can be cancelled. The preview lays out the
 * whole document (so that it shows "page 1 of N" truly) and draws its first pages
 * with the same code as the PDF and the printer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-db-job.h"
#include "aimak-dialog-title.h"
#include "aimak-programme-dialog.h"
#include "aimak-widget-util.h"

#define N_STATUSES 5

struct _AimakProgrammeDialog
{
  AimakSaveDialog       parent_instance;

  /* Template widgets */
  AdwComboRow          *area_row;
  GtkStringList        *area_model;
  GtkSpinButton        *from_spin;
  GtkSpinButton        *to_spin;
  AdwComboRow          *language_row;
  AdwComboRow          *format_row;
  AdwPreferencesGroup  *status_group;
  GtkStack             *preview_stack;
  GtkDrawingArea       *preview_area;
  GtkSpinner           *preview_spinner;
  GtkLabel             *preview_message;
  GtkLabel             *pages_label;
  GtkLabel             *error_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;

  /* Owned references */
  AimakDb              *db;
  GPtrArray            *area_codes;       /* char *, parallel to area_model */
  GCancellable         *preview_cancellable;
  AimakProgrammeLayout *preview;

  /* State */
  GtkCheckButton       *status_checks[N_STATUSES];
  guint                 preview_source;
};

G_DEFINE_FINAL_TYPE (AimakProgrammeDialog, aimak_programme_dialog, AIMAK_TYPE_SAVE_DIALOG)

static const char * const languages[] = { "en", "ru", "ky" };
/* Every status but rejected, which a programme never includes. */
static const char * const statuses[N_STATUSES] = {
  "draft", "proposed", "approved", "in_progress", "completed"
};

static void schedule_preview (AimakProgrammeDialog *self);

/* ------------------------------------------------------------- the job */

typedef enum
{
  JOB_PREVIEW,
  JOB_SAVE,
  JOB_PRINT,
} JobKind;

typedef struct
{
  JobKind                kind;
  AimakProgrammeOptions  opts;
  char                  *path;
  gboolean               pdf;
  gint                  *permille;   /* shared with the dialog; NULL for the preview */
} Job;

static void
job_free (Job *job)
{
  aimak_programme_options_clear (&job->opts);
  g_free (job->path);
  g_free (job->permille);
  g_free (job);
}

/* The model takes the first 40 %, the pages or the file the rest. */
static void
job_progress_build (double   fraction,
                    gpointer user_data)
{
  Job *job = user_data;

  if (job->permille)
    g_atomic_int_set (job->permille, (gint) (fraction * 400));
}

static void
job_progress_write (double   fraction,
                    gpointer user_data)
{
  Job *job = user_data;

  if (job->permille)
    g_atomic_int_set (job->permille, 400 + (gint) (fraction * 600));
}

/* The preview and printing return the layout; saving returns none. */
static gboolean
job_work (AimakDb       *db,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;
  g_autoptr(AimakProgramme) programme = aimak_programme_build (db, &job->opts, cancellable,
                                                               error);
  const char *db_path = aimak_db_get_path (db);

  if (programme == NULL)
    return FALSE;
  if (job->kind != JOB_SAVE)
    {
      *result = aimak_programme_layout_new (programme, job_progress_write, job, cancellable,
                                            error);
      return *result != NULL;
    }
  if (job->pdf)
    return aimak_programme_write_pdf_full (programme, job->path, db_path, TRUE,
                                           job_progress_write, job, cancellable, error);
  return aimak_programme_write_odt (programme, job->path, db_path, TRUE, cancellable, error);
}

static void
job_run (AimakProgrammeDialog *self,
         GTask                *task,
         Job                  *job)
{
  aimak_db_job_run (task, self->db, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE, job_work,
                    job, (GDestroyNotify) job_free, (GDestroyNotify) aimak_programme_layout_free);
}

/* ------------------------------------------------------------- options */

void
aimak_programme_dialog_get_options (AimakProgrammeDialog  *self,
                                    AimakProgrammeOptions *opts)
{
  guint area = adw_combo_row_get_selected (self->area_row);
  guint lang = adw_combo_row_get_selected (self->language_row);
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();

  g_return_if_fail (AIMAK_IS_PROGRAMME_DIALOG (self));
  aimak_programme_options_init (opts);
  opts->area_code = area < self->area_codes->len
                    ? g_strdup (g_ptr_array_index (self->area_codes, area)) : NULL;
  /* A rayon's programme covers its ayil aimaks; an ayil aimak has none below it. */
  opts->include_below = TRUE;
  opts->year_from = gtk_spin_button_get_value_as_int (self->from_spin);
  opts->year_to = gtk_spin_button_get_value_as_int (self->to_spin);
  opts->lang = g_strdup (lang < G_N_ELEMENTS (languages) ? languages[lang] : "en");
  for (guint i = 0; i < N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      g_strv_builder_add (chosen, statuses[i]);
  opts->statuses = g_strv_builder_end (chosen);
}

static gboolean
is_pdf (AimakProgrammeDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 1;
}

static gboolean
any_status (AimakProgrammeDialog *self)
{
  for (guint i = 0; i < N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      return TRUE;
  return FALSE;
}

static void
show_error (AimakProgrammeDialog *self,
            const char           *message)
{
  aimak_label_show_message (self->error_label, message);
}

static void
on_options_changed (AimakProgrammeDialog *self)
{
  show_error (self, NULL);
  schedule_preview (self);
}

/* The period stays 1 to 10 years long whichever end moves. */
static void
on_from_changed (AimakProgrammeDialog *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_spin);

  if (to < from || to > from + 9)
    gtk_spin_button_set_value (self->to_spin, to < from ? from : from + 9);
  on_options_changed (self);
}

static void
on_to_changed (AimakProgrammeDialog *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_spin);

  if (from > to || to > from + 9)
    gtk_spin_button_set_value (self->from_spin, from > to ? to : to - 9);
  on_options_changed (self);
}

/* ------------------------------------------------------------- preview */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AimakProgrammeDialog *self = user_data;
  const double gap = 12;
  double total_w = 0, max_h = 0, scale, x;
  guint n;

  if (self->preview == NULL)
    return;
  /* Two pages side by side where there is room, one on a narrow window. */
  n = MIN (aimak_programme_layout_get_n_pages (self->preview), width >= 440 ? 2u : 1u);
  for (guint i = 0; i < n; i++)
    {
      double w, h;

      aimak_programme_layout_get_page_size (self->preview, i, &w, &h);
      total_w += w;
      max_h = MAX (max_h, h);
    }
  if (n == 0 || total_w <= 0)
    return;
  scale = MIN ((width - gap * (n + 1)) / total_w, (height - 2 * gap) / max_h);
  if (scale <= 0)
    return;
  x = (width - total_w * scale - gap * (n - 1)) / 2;
  for (guint i = 0; i < n; i++)
    {
      double w, h, y;

      aimak_programme_layout_get_page_size (self->preview, i, &w, &h);
      y = (height - h * scale) / 2;
      cairo_save (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_rectangle (cr, x + 1, y + 2, w * scale, h * scale);
      cairo_fill (cr);
      /* Paper is white in a dark window too. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y, w * scale, h * scale);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      aimak_programme_layout_draw_page (self->preview, i, cr);
      cairo_restore (cr);
      x += w * scale + gap;
    }
}

static void
set_preview (AimakProgrammeDialog *self,
             AimakProgrammeLayout *layout)
{
  g_clear_pointer (&self->preview, aimak_programme_layout_free);
  self->preview = layout;
  if (layout)
    {
      guint n = aimak_programme_layout_get_n_pages (layout);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The document has %u page.",
                                                            "The document has %u pages.", n),
                                               n);

      gtk_label_set_text (self->pages_label, text);
      gtk_stack_set_visible_child_name (self->preview_stack, "pages");
      gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
    }
  else
    gtk_label_set_text (self->pages_label, "");
}

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AimakProgrammeDialog *self = AIMAK_PROGRAMME_DIALOG (source);
  g_autoptr(GError) error = NULL;
  AimakProgrammeLayout *layout = NULL;

  aimak_db_job_finish (result, (gpointer *) &layout, &error);
  /* A newer preview replaced this one: its result is not wanted. */
  if (g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable)
    {
      g_clear_pointer (&layout, aimak_programme_layout_free);
      return;
    }
  g_clear_object (&self->preview_cancellable);
  gtk_spinner_stop (self->preview_spinner);
  if (layout)
    {
      set_preview (self, layout);
      return;
    }
  set_preview (self, NULL);
  gtk_label_set_text (self->preview_message, error->message);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
}

static Job *
job_new (AimakProgrammeDialog *self,
         JobKind               kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  aimak_programme_dialog_get_options (self, &job->opts);
  job->opts.progress = job_progress_build;
  job->opts.progress_data = job;
  job->pdf = is_pdf (self);
  return job;
}

static gboolean
start_preview (gpointer user_data)
{
  AimakProgrammeDialog *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->preview_source = 0;
  aimak_cancellable_clear (&self->preview_cancellable);
  if (!any_status (self))
    {
      set_preview (self, NULL);
      gtk_label_set_text (self->preview_message, _("Choose at least one status."));
      gtk_stack_set_visible_child_name (self->preview_stack, "message");
      return G_SOURCE_REMOVE;
    }
  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->preview_spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "busy");
  task = g_task_new (self, self->preview_cancellable, on_preview_done, NULL);
  g_task_set_source_tag (task, start_preview);
  job_run (self, task, job_new (self, JOB_PREVIEW));
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (AimakProgrammeDialog *self)
{
  if (self->db == NULL)
    return;
  /* Typing a year or clicking through the statuses rebuilds once, after a pause. */
  aimak_timeout_restart (&self->preview_source, 300, start_preview, self);
}

AimakProgrammeLayout *
aimak_programme_dialog_get_preview (AimakProgrammeDialog *self)
{
  g_return_val_if_fail (AIMAK_IS_PROGRAMME_DIALOG (self), NULL);
  return self->preview_cancellable || self->preview_source ? NULL : self->preview;
}

/* ------------------------------------------------------------- printing */

static void
on_request_page_setup (GtkPrintOperation    *op,
                       GtkPrintContext      *context,
                       int                   page,
                       GtkPageSetup         *setup,
                       AimakProgrammeLayout *layout)
{
  gtk_page_setup_set_orientation (setup,
                                  aimak_programme_layout_page_is_landscape (layout, page)
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation    *op,
              GtkPrintContext      *context,
              int                   page,
              AimakProgrammeLayout *layout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, scale;

  aimak_programme_layout_get_page_size (layout, page, &w, &h);
  /* On A4 the scale is 1; on another paper the page shrinks to fit. */
  scale = MIN (gtk_print_context_get_width (context) / w,
               gtk_print_context_get_height (context) / h);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  aimak_programme_layout_draw_page (layout, page, cr);
  cairo_restore (cr);
}

GtkPrintOperation *
aimak_programme_print_operation_new (AimakProgrammeLayout *layout,
                                     const char           *job_name)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (layout != NULL, NULL);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_n_pages (op, (int) aimak_programme_layout_get_n_pages (layout));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, FALSE);
  if (job_name)
    gtk_print_operation_set_job_name (op, job_name);
  g_object_set_data_full (G_OBJECT (op), "aimak-layout", layout,
                          (GDestroyNotify) aimak_programme_layout_free);
  g_signal_connect (op, "request-page-setup", G_CALLBACK (on_request_page_setup), layout);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), layout);
  return op;
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               AimakProgrammeDialog    *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      show_error (self, error ? error->message : _("Printing failed."));
    }
  g_object_unref (op);
}

static void
run_print (AimakProgrammeDialog *self,
           AimakProgrammeLayout *layout)
{
  GtkPrintOperation *op = aimak_programme_print_operation_new (layout, gtk_window_get_title (
                                                                 GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (op, TRUE);
  g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), self, 0);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_unref (op);
}

/* ------------------------------------------------------------- saving */

static void
set_running (AimakProgrammeDialog *self,
             gboolean              running,
             const char           *what)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  if (what)
    gtk_label_set_text (self->progress_label, what);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_spin), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_spin), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.save", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.print", !running);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AimakProgrammeDialog *self = AIMAK_PROGRAMME_DIALOG (source);
  AimakSaveDialog *base = AIMAK_SAVE_DIALOG (self);
  g_autoptr(GFile) file = user_data;   /* NULL when printing */
  g_autoptr(GError) error = NULL;
  AimakProgrammeLayout *layout = NULL;
  gboolean ok;

  ok = aimak_db_job_finish (result, (gpointer *) &layout, &error);
  aimak_save_dialog_end (base);
  set_running (self, FALSE, NULL);

  if (ok && file)
    aimak_save_dialog_saved (base, file, _("Programme document saved"), FALSE);
  else if (ok && aimak_save_dialog_is_closing (base))
    aimak_programme_layout_free (layout);
  else if (ok)
    run_print (self, layout);
  else if (aimak_save_dialog_failed (base, error))
    show_error (self, error->message);
}

static void
start_job (AimakProgrammeDialog *self,
           JobKind               kind,
           GFile                *file)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  Job *job;

  if (aimak_save_dialog_is_running (AIMAK_SAVE_DIALOG (self)))
    return;
  if (!any_status (self))
    {
      show_error (self, _("Choose at least one status."));
      return;
    }
  job = job_new (self, kind);
  job->permille = g_new0 (gint, 1);
  if (file)
    {
      job->path = g_file_get_path (file);
      if (job->path == NULL)
        {
          job_free (job);
          show_error (self, _("This folder cannot be written to directly. Choose another one."));
          return;
        }
    }
  show_error (self, NULL);
  cancellable = aimak_save_dialog_begin (AIMAK_SAVE_DIALOG (self), self->progress_bar,
                                         job->permille, FALSE);
  set_running (self, TRUE, kind == JOB_SAVE ? _("Writing the programme…")
                                            : _("Preparing the pages for printing…"));
  task = g_task_new (self, cancellable, on_job_done, file ? g_object_ref (file) : NULL);
  g_task_set_source_tag (task, start_job);
  job_run (self, task, job);
}

void
aimak_programme_dialog_save_to (AimakProgrammeDialog *self,
                                GFile                *file)
{
  g_return_if_fail (AIMAK_IS_PROGRAMME_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  start_job (self, JOB_SAVE, file);
}

/* "Aimak-programme-Barskoon-2026-2028-ru.pdf": the area's English name made safe. */
static char *
proposed_name (AimakProgrammeDialog *self)
{
  AimakProgrammeOptions opts;
  g_autoptr(AimakArea) area = NULL;
  g_autofree char *safe = NULL;
  char *name;

  aimak_programme_dialog_get_options (self, &opts);
  area = opts.area_code ? aimak_area_get (self->db, opts.area_code, NULL) : NULL;
  safe = g_strdup (area ? aimak_area_name (area, "en") : "area");
  for (char *c = safe; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      *c = '-';
  name = g_strdup_printf ("Aimak-programme-%s-%d-%d-%s.%s", safe, opts.year_from, opts.year_to,
                          opts.lang, is_pdf (self) ? "pdf" : "odt");
  aimak_programme_options_clear (&opts);
  return name;
}

static void
on_file_chosen (AimakSaveDialog *dialog,
                GFile           *file)
{
  /* The chooser has asked before replacing a file. */
  start_job (AIMAK_PROGRAMME_DIALOG (dialog), JOB_SAVE, file);
}

static void
programme_save (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AimakProgrammeDialog *self = AIMAK_PROGRAMME_DIALOG (widget);
  AimakSaveDialog *base = AIMAK_SAVE_DIALOG (self);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (aimak_save_dialog_is_running (base) || aimak_save_dialog_is_choosing (base))
    return;
  if (!any_status (self))
    {
      show_error (self, _("Choose at least one status."));
      return;
    }
  name = proposed_name (self);
  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (documents);
  aimak_save_dialog_choose (base, _("Save the Programme Document"), GTK_FILE_CHOOSER_ACTION_SAVE,
                            _("_Save"), folder, name, on_file_chosen);
}

static void
programme_print (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_job (AIMAK_PROGRAMME_DIALOG (widget), JOB_PRINT, NULL);
}

/* ------------------------------------------------------------- the dialog */

static void
aimak_programme_dialog_dispose (GObject *object)
{
  AimakProgrammeDialog *self = AIMAK_PROGRAMME_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  aimak_cancellable_clear (&self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PROGRAMME_DIALOG);
  G_OBJECT_CLASS (aimak_programme_dialog_parent_class)->dispose (object);
}

static void
aimak_programme_dialog_finalize (GObject *object)
{
  AimakProgrammeDialog *self = AIMAK_PROGRAMME_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->preview, aimak_programme_layout_free);
  g_ptr_array_unref (self->area_codes);
  G_OBJECT_CLASS (aimak_programme_dialog_parent_class)->finalize (object);
}

static void
aimak_programme_dialog_class_init (AimakProgrammeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_programme_dialog_dispose;
  object_class->finalize = aimak_programme_dialog_finalize;

  g_type_ensure (AIMAK_TYPE_DIALOG_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-programme-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, area_model);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, from_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, to_spin);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, preview_area);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, preview_message);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, pages_label);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AimakProgrammeDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed);

  gtk_widget_class_install_action (widget_class, "programme.save", NULL, programme_save);
  gtk_widget_class_install_action (widget_class, "programme.print", NULL, programme_print);
  aimak_save_dialog_class_install_cancel (widget_class, "programme.cancel");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "programme.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "programme.print", NULL);
}

static void
aimak_programme_dialog_init (AimakProgrammeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);

  /* Proposed and approved by default: what goes to the hearing and what the kenesh
   * has adopted. */
  for (guint i = 0; i < N_STATUSES; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *check = gtk_check_button_new ();
      const char *label = aimak_priority_status_label (statuses[i]);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_str_equal (statuses[i], "proposed") ||
                                   g_str_equal (statuses[i], "approved"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_options_changed), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      adw_preferences_group_add (self->status_group, GTK_WIDGET (row));
      self->status_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

/* The area itself first, then the areas above it up to the oblast; then the pilot
 * areas, so that the dialog opened from the menu without a selection has a choice. */
static void
fill_areas (AimakProgrammeDialog *self,
            const char           *area_code)
{
  g_autoptr(GPtrArray) chain = area_code ? aimak_area_chain (self->db, area_code, NULL) : NULL;
  g_autoptr(GPtrArray) pilots = aimak_area_pilots (self->db, NULL);
  GPtrArray *lists[] = { chain, pilots };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint k = 0; lists[l] && k < lists[l]->len; k++)
      {
        AimakArea *area = g_ptr_array_index (lists[l], l == 0 ? lists[l]->len - 1 - k : k);
        g_autofree char *label = NULL;
        gboolean seen = FALSE;

        for (guint i = 0; i < self->area_codes->len && !seen; i++)
          seen = g_str_equal (g_ptr_array_index (self->area_codes, i), area->code);
        if (seen)
          continue;
        if (!aimak_area_is_current (area))   /* history: its programme can still be made */
          label = aimak_area_former_label (aimak_area_name (area, NULL));
        else
          label = area->level < 3 ? g_strdup_printf (_("%s and all areas in it"),
                                                     aimak_area_name (area, NULL))
                                  : g_strdup (aimak_area_name (area, NULL));
        gtk_string_list_append (self->area_model, label);
        g_ptr_array_add (self->area_codes, g_strdup (area->code));
      }
}

AimakProgrammeDialog *
aimak_programme_dialog_new (GtkWindow  *parent,
                            AimakDb    *db,
                            const char *area_code)
{
  AimakProgrammeDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *lang = aimak_lang_current ();
  int year = g_date_time_get_year (now);

  g_return_val_if_fail (db != NULL, NULL);
  self = g_object_new (AIMAK_TYPE_PROGRAMME_DIALOG, "transient-for", parent, NULL);
  self->db = aimak_db_ref (db);
  aimak_save_dialog_set_parent (AIMAK_SAVE_DIALOG (self), parent);
  fill_areas (self, area_code && *area_code ? area_code : NULL);
  adw_combo_row_set_selected (self->area_row, 0);
  /* Until chosen, the document speaks the interface's language. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (lang, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  /* A three-year programme from this year, as the pilot municipalities wrote. */
  gtk_spin_button_set_value (self->from_spin, year);
  gtk_spin_button_set_value (self->to_spin, year + 2);
  schedule_preview (self);
  return self;
}
