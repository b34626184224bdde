/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-changes-dialog.c — "Apply Area Changes…" (issue 17). The list is read
 * and checked as soon as it is chosen: problems are listed with their line and
 * Apply stays off; otherwise the areas that end and begin, and the records they
 * hold, are shown. Apply writes everything in one transaction; the window offers
 * Undo in a toast. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-changes-dialog.h"
#include "aimak-dialog-title.h"
#include "aimak-file-chooser.h"
#include "aimak-problem-row.h"
#include "aimak-wrap-layout.h"

struct _AimakAreaChangesDialog
{
  AdwWindow            parent_instance;

  GtkWidget           *apply_button;
  GtkWidget           *file_row;
  GtkLabel            *file_label;
  GtkLabel            *summary_label;
  GtkListBox          *problems_list;
  GtkListBox          *preview_list;

  AimakDb             *db;
  AimakAreaChangeList *list;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AimakAreaChangesDialog, aimak_area_changes_dialog, ADW_TYPE_WINDOW)

enum { APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_list_box_remove (box, child);
  gtk_widget_set_visible (GTK_WIDGET (box), FALSE);
}

static void
show_summary (AimakAreaChangesDialog *self,
              const char             *text)
{
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), text != NULL);
}

typedef enum { ROW_ENDS, ROW_BEGINS, ROW_RENAMED } RowKind;

static char *
preview_title (RowKind     kind,
               const char *name,
               const char *what)
{
  /* TRANSLATORS: the areas of a change list, e.g. "Barskoon ends on 2024-07-01". */
  if (kind == ROW_ENDS)
    return g_strdup_printf (_("%s ends on %s"), name, what);
  if (kind == ROW_BEGINS)
    return g_strdup_printf (_("%s begins on %s"), name, what);
  return g_strdup_printf (_("%s is renamed %s"), name, what);
}

static void
add_preview_rows (AimakAreaChangesDialog *self,
                  GPtrArray              *lines,
                  RowKind                 kind)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (lines, i), "\t", 4);
      guint n = g_strv_length (parts);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = preview_title (kind, n > 1 ? parts[1] : "", n > 2 ? parts[2] : "");
      g_autofree char *subtitle = n > 3 ? g_strdup_printf ("%s · %s", parts[0], parts[3])
                                        : g_strdup (parts[0]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->preview_list, row);
    }
}

static void
add_note_row (AimakAreaChangesDialog *self,
              const char             *title,
              const char             *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->preview_list, row);
}

/* What the file says about itself (its "#" lines: an example, a placeholder date)
 * and the legal acts it cites, so that nobody applies an example unawares. */
static void
add_file_notes (AimakAreaChangesDialog *self,
                GFile                  *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GPtrArray) acts = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  if (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL) &&
      g_utf8_validate (contents, length, NULL))
    {
      lines = g_strsplit (contents, "\n", 64);
      for (guint i = 0; lines[i]; i++)
        {
          char *line = g_strstrip (lines[i]);

          if (line[0] == '#' && notes->len < 2000)
            g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "",
                                    g_strstrip (line + 1));
        }
    }
  if (notes->len)
    add_note_row (self, _("Notes in the file"), notes->str);
  for (guint i = 0; i < self->list->rows->len; i++)
    {
      AimakAreaChangeRow *row = g_ptr_array_index (self->list->rows, i);

      if (row->legal_act && *row->legal_act &&
          !g_ptr_array_find_with_equal_func (acts, row->legal_act, g_str_equal, NULL))
        g_ptr_array_add (acts, row->legal_act);
    }
  for (guint i = 0; i < acts->len; i++)
    add_note_row (self, _("Legal act"), g_ptr_array_index (acts, i));
}

static void
show_preview (AimakAreaChangesDialog *self,
              AimakAreaChangePreview *p,
              GFile                  *file)
{
  g_autofree char *summary = NULL;

  add_file_notes (self, file);
  add_preview_rows (self, p->ending, ROW_ENDS);
  add_preview_rows (self, p->beginning, ROW_BEGINS);
  add_preview_rows (self, p->renamed, ROW_RENAMED);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), TRUE);
  summary = g_strdup_printf (_("Areas that end: %u; areas that begin: %u. Their records — "
                               "priorities: %u, indicator values: %u, activities: %u — stay "
                               "with the former areas."),
                             p->ending->len, p->beginning->len, p->n_priorities, p->n_values,
                             p->n_activities);
  show_summary (self, summary);
}

static void
show_problems (AimakAreaChangesDialog *self,
               GPtrArray              *problems)
{
  g_autofree char *summary = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *place = g_strdup_printf (_("Line %u"), p->line);

      gtk_list_box_append (self->problems_list, aimak_problem_row_new (p, place));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), TRUE);
  summary = g_strdup_printf (_("The change list cannot be applied (problems: %u). Nothing was "
                               "changed."), problems->len);
  show_summary (self, summary);
}

void
aimak_area_changes_dialog_load_file (AimakAreaChangesDialog *self,
                                     GFile                  *file)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(AimakAreaChangePreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_clear_pointer (&self->list, aimak_area_change_list_free);
  clear_list (self->problems_list);
  clear_list (self->preview_list);
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  gtk_label_set_text (self->file_label, name);
  self->list = aimak_area_change_list_load (file, problems, NULL, &error);
  if (self->list && !aimak_area_change_list_check (self->db, self->list, problems, &error))
    g_clear_pointer (&self->list, aimak_area_change_list_free);
  if (self->list == NULL)
    {
      show_summary (self, error ? error->message : NULL);
      return;
    }
  if (aimak_problem_list_has_errors (problems))
    {
      show_problems (self, problems);
      return;
    }
  preview = aimak_area_change_preview (self->db, self->list, &error);
  if (preview == NULL)
    {
      show_summary (self, error->message);
      return;
    }
  show_preview (self, preview, file);
  gtk_widget_set_sensitive (self->apply_button, self->list->rows->len > 0 &&
                                                !aimak_db_is_read_only (self->db));
}

static void
on_choose_clicked (AimakAreaChangesDialog *self)
{
  aimak_file_chooser_ask_open (GTK_WINDOW (self), _("Choose a Change List"),
                               AIMAK_CHOOSER_FILTER_CSV, FALSE, &self->chooser,
                               (AimakFileChosen) aimak_area_changes_dialog_load_file, self);
}

static void
on_apply_clicked (AimakAreaChangesDialog *self)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) error = NULL;
  gint64 batch;

  if (self->list == NULL)
    return;
  batch = aimak_area_change_apply (self->db, self->list, problems, &error);
  if (batch == 0)
    {
      clear_list (self->preview_list);
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      if (problems->len)
        show_problems (self, problems);
      else
        show_summary (self, error->message);
      return;
    }
  g_signal_emit (self, signals[APPLIED], 0, batch);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked (AimakAreaChangesDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
aimak_area_changes_dialog_dispose (GObject *object)
{
  AimakAreaChangesDialog *self = AIMAK_AREA_CHANGES_DIALOG (object);

  aimak_file_chooser_clear (&self->chooser);
  G_OBJECT_CLASS (aimak_area_changes_dialog_parent_class)->dispose (object);
}

static void
aimak_area_changes_dialog_finalize (GObject *object)
{
  AimakAreaChangesDialog *self = AIMAK_AREA_CHANGES_DIALOG (object);

  g_clear_pointer (&self->list, aimak_area_change_list_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  G_OBJECT_CLASS (aimak_area_changes_dialog_parent_class)->finalize (object);
}

static void
aimak_area_changes_dialog_class_init (AimakAreaChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_area_changes_dialog_dispose;
  object_class->finalize = aimak_area_changes_dialog_finalize;
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (AIMAK_TYPE_DIALOG_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-area-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaChangesDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aimak_area_changes_dialog_init (AimakAreaChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (self->file_row, aimak_wrap_layout_new (12, 6));
}

AimakAreaChangesDialog *
aimak_area_changes_dialog_new (GtkWindow *parent,
                               AimakDb   *db)
{
  AimakAreaChangesDialog *self = g_object_new (AIMAK_TYPE_AREA_CHANGES_DIALOG,
                                               "transient-for", parent, NULL);

  self->db = aimak_db_ref (db);
  return self;
}

GtkWidget *
aimak_area_changes_dialog_get_widget (AimakAreaChangesDialog *self,
                                      const char             *name)
{
  if (g_str_equal (name, "apply"))
    return self->apply_button;
  if (g_str_equal (name, "problems"))
    return GTK_WIDGET (self->problems_list);
  if (g_str_equal (name, "preview"))
    return GTK_WIDGET (self->preview_list);
  if (g_str_equal (name, "summary"))
    return GTK_WIDGET (self->summary_label);
  return NULL;
}
