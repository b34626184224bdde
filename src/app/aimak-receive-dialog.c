/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-receive-dialog.c — see aimak-receive-dialog.h. The preview runs in a
 * GTask thread on a connection of its own (a connection is not shared between
 * threads; the preview's trial writes are rolled back); Apply runs on the
 * window's connection, in one transaction. After it the window's views are
 * reloaded and a toast offers Undo, which takes the whole receive back. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-change.h"
#include "aimak-db-job.h"
#include "aimak-field.h"
#include "aimak-file-chooser.h"
#include "aimak-merge-review.h"
#include "aimak-receive-dialog.h"
#include "aimak-sync-area-changes.h"
#include "aimak-toast.h"
#include "aimak-window.h"

struct _AimakReceiveDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkStackSwitcher    *switcher;
  GtkButton           *apply_button;
  GtkStack            *state_stack;
  GtkStack            *content_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwActionRow        *desk_row;
  AdwActionRow        *areas_row;
  AdwActionRow        *created_row;
  AdwActionRow        *counts_row;
  GtkBox              *filter_box;
  GtkListBox          *records_list;
  GtkStackPage        *conflicts_page;
  AimakMergeReview    *review;
  GtkWidget           *areas_group;  /* the area changes the package carries, or NULL */

  /* Owned references */
  AimakDb             *db;
  GFile               *file;
  GCancellable        *cancellable;
  AimakPackagePreview *preview;
  GPtrArray           *items;     /* the preview's items, shared with the review */
  GtkWindow           *parent;    /* weak */

  int                  filter;    /* AimakMergeKind, or -1 for all */
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (AimakReceiveDialog, aimak_receive_dialog, ADW_TYPE_WINDOW)

/* ---------------------------------------------------------- labels */


static const char *
entity_label (const char *entity)
{
  if (g_strcmp0 (entity, "priority") == 0)
    return C_("record", "Priority");
  if (g_strcmp0 (entity, "activity") == 0)
    return C_("record", "Activity");
  return C_("record", "Indicator value");
}

static char *
desk_text (const AimakPackageManifest *m)
{
  if (m->origin_desk_name != NULL && *m->origin_desk_name != '\0')
    return g_strdup (m->origin_desk_name);
  return g_strjoinv (", ", m->areas);
}

/* ---------------------------------------------------------- the job */

/* @data: the package's path. */
static gboolean
preview_work (AimakDb       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  *result = aimak_package_preview (db, data, error);
  return *result != NULL;
}

/* ---------------------------------------------------------- the preview */

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  AimakReceiveDialog *self = user_data;
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "aimak-kind"));

  return self->filter < 0 || kind == self->filter;
}

static GtkWidget *
record_row (const AimakMergeItem *item)
{
  const AimakMergeRecord *r = item->theirs ? item->theirs : item->mine;
  g_autofree char *label = aimak_package_item_label (item);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind = gtk_label_new (aimak_merge_kind_to_string (item->kind));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (item->kind == AIMAK_MERGE_REJECTED && item->reason != NULL)
    subtitle = g_strdup_printf ("%s · %s — %s", entity_label (r->entity), r->area_code,
                                item->reason);
  else
    subtitle = g_strdup_printf ("%s · %s", entity_label (r->entity), r->area_code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (kind, "caption-heading");
  if (item->kind == AIMAK_MERGE_CONFLICT || item->kind == AIMAK_MERGE_REJECTED)
    gtk_widget_add_css_class (kind, item->kind == AIMAK_MERGE_CONFLICT ? "warning" : "error");
  else if (item->kind == AIMAK_MERGE_NEW || item->kind == AIMAK_MERGE_UPDATED)
    gtk_widget_add_css_class (kind, "accent");
  else
    gtk_widget_add_css_class (kind, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  g_object_set_data (G_OBJECT (row), "aimak-kind", GINT_TO_POINTER (item->kind));
  return row;
}

/* One change list of areas the package carries, with what applying does with it. */
static GtkWidget *
area_change_row (const AimakAreaChangeBatch *b)
{
  GtkWidget *row = aimak_sync_area_changes_batch_row (b, FALSE);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

/* "Area changes": listed above the records, applied before them. */
static void
show_area_changes (AimakReceiveDialog *self)
{
  const AimakPackagePreview *p = self->preview;
  GtkWidget *manifest = gtk_widget_get_ancestor (GTK_WIDGET (self->desk_row),
                                                 ADW_TYPE_PREFERENCES_GROUP);

  if (p->area_changes == NULL || p->area_changes->len == 0 || manifest == NULL)
    return;
  self->areas_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->areas_group),
                                   _("Area Changes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->areas_group),
                                         _("Changes to the list of areas that the sending desk "
                                           "applied. New ones are applied before the records."));
  for (guint i = 0; i < p->area_changes->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->areas_group),
                               area_change_row (p->area_changes->pdata[i]));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (manifest)), self->areas_group,
                              manifest);
}

static void
on_filter_toggled (GtkToggleButton    *button,
                   AimakReceiveDialog *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "aimak-kind"));
  gtk_list_box_invalidate_filter (self->records_list);
}

static void
add_filter_button (AimakReceiveDialog *self,
                   int                 kind,
                   const char         *name,
                   guint               count,
                   GtkToggleButton   **group)
{
  g_autofree char *label = g_strdup_printf ("%s (%u)", name, count);
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "aimak-kind", GINT_TO_POINTER (kind));
  if (*group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), *group);
  else
    *group = GTK_TOGGLE_BUTTON (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), kind == self->filter);
  g_signal_connect (button, "toggled", G_CALLBACK (on_filter_toggled), self);
  gtk_box_append (self->filter_box, button);
}

static void
update_apply (AimakReceiveDialog *self)
{
  gboolean can = self->preview != NULL &&
                 aimak_merge_review_get_all_decided (self->review) &&
                 (self->preview->counts[AIMAK_MERGE_NEW] +
                  self->preview->counts[AIMAK_MERGE_UPDATED] +
                  self->preview->counts[AIMAK_MERGE_CONFLICT] +
                  aimak_area_change_batches_count (self->preview->area_changes,
                                                 AIMAK_AREA_BATCH_NEW)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receive.apply", can);
}

static void
on_decided_changed (AimakReceiveDialog *self)
{
  update_apply (self);
}

static void
show_manifest (AimakReceiveDialog *self)
{
  const AimakPackagePreview *p = self->preview;
  const AimakPackageManifest *m = p->manifest;
  g_autofree char *desk = desk_text (m);
  g_autoptr(GString) areas = g_string_new (NULL);
  g_autofree char *counts = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (m->created_at, NULL);

  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);

      created = g_date_time_format (local, "%x %H:%M");
    }
  /* Each area by its name here, and its code (an unknown area by its code). */
  for (guint i = 0; m->areas != NULL && m->areas[i] != NULL; i++)
    {
      g_autoptr(AimakArea) area = aimak_area_get (self->db, m->areas[i], NULL);

      if (areas->len > 0)
        g_string_append (areas, ", ");
      if (area != NULL)
        g_string_append_printf (areas, "%s (%s)",
                                aimak_area_name (area, aimak_db_get_language (self->db)),
                                m->areas[i]);
      else
        g_string_append (areas, m->areas[i]);
    }
  /* TRANSLATORS: what a package holds. */
  counts = g_strdup_printf (_("%u priorities, %u activities, %u indicator values"),
                            m->n_priorities, m->n_activities, m->n_values);
  adw_action_row_set_subtitle (self->desk_row, desk);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->desk_row), m->origin_desk);
  adw_action_row_set_subtitle (self->areas_row, areas->str);
  adw_action_row_set_subtitle (self->created_row, created ? created : m->created_at);
  adw_action_row_set_subtitle (self->counts_row, counts);
}

static void
show_preview (AimakReceiveDialog *self)
{
  const AimakPackagePreview *p = self->preview;
  GtkToggleButton *group = NULL;
  static const AimakMergeKind order[] = { AIMAK_MERGE_CONFLICT, AIMAK_MERGE_NEW,
                                          AIMAK_MERGE_UPDATED, AIMAK_MERGE_REJECTED,
                                          AIMAK_MERGE_UNCHANGED };

  show_manifest (self);
  show_area_changes (self);
  add_filter_button (self, -1, C_("records", "All"), p->items->len, &group);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if (p->counts[order[k]] > 0)
      add_filter_button (self, order[k], aimak_merge_kind_to_string (order[k]),
                         p->counts[order[k]], &group);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < p->items->len; i++)
      {
        const AimakMergeItem *item = g_ptr_array_index (p->items, i);

        if (item->kind == order[k])
          gtk_list_box_append (self->records_list, record_row (item));
      }
  gtk_list_box_set_filter_func (self->records_list, filter_row, self, NULL);
  self->items = g_ptr_array_ref (p->items);
  aimak_merge_review_set_items (self->review, self->items);
  gtk_stack_page_set_visible (self->conflicts_page, p->counts[AIMAK_MERGE_CONFLICT] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), p->counts[AIMAK_MERGE_CONFLICT] > 0);
  if (p->counts[AIMAK_MERGE_CONFLICT] > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Conflicts (%u)"),
                                                p->counts[AIMAK_MERGE_CONFLICT]);

      gtk_stack_page_set_title (self->conflicts_page, title);
    }
  gtk_stack_set_visible_child_name (self->state_stack, "preview");
  update_apply (self);
}

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AimakReceiveDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  AimakPackagePreview *preview = NULL;

  aimak_db_job_finish (result, (gpointer *) &preview, &error);
  gtk_spinner_stop (self->spinner);
  self->loaded = TRUE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (preview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "receive.apply", FALSE);
      return;
    }
  self->preview = preview;
  show_preview (self);
}

static void
start_preview (AimakReceiveDialog *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_preview_done,
                                      g_object_ref (self));
  char *path = g_file_get_path (self->file);

  if (path == NULL)
    path = g_file_get_uri (self->file);
  gtk_spinner_start (self->spinner);
  aimak_db_job_run (task, self->db, AIMAK_DB_OPEN_NO_CREATE, preview_work, path, g_free,
                    (GDestroyNotify) aimak_package_preview_free);
}

/* ---------------------------------------------------------- apply and undo */

typedef struct
{
  AimakDb   *db;
  gint64     receipt;
  GtkWindow *window;   /* weak */
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *u = data;

  aimak_db_unref (u->db);
  g_clear_weak_pointer (&u->window);
  g_free (u);
}

static void
on_toast_undo (AdwToast *toast,
               UndoData *u)
{
  g_autoptr(GError) error = NULL;
  gboolean undone = aimak_package_undo_receive (u->db, u->receipt, &error);

  if (!AIMAK_IS_WINDOW (u->window))
    return;
  aimak_window_reload_data (AIMAK_WINDOW (u->window));
  if (undone)
    aimak_toast_show (GTK_WIDGET (u->window), _("The receive was undone"));
  else
    aimak_toast_show_error (GTK_WIDGET (u->window), error);
}

/* The toast of the newest receive: only its Undo is offered, so that an older
 * toast still queued cannot undo a receive that a newer one stands on. */
static AdwToast *last_toast;

static void
announce_received (AimakReceiveDialog *self,
                   guint               written,
                   gint64              receipt)
{
  g_autofree char *desk = desk_text (self->preview->manifest);
  g_autofree char *title = NULL;
  AdwToast *toast;
  UndoData *u;

  if (!AIMAK_IS_WINDOW (self->parent))
    return;
  /* TRANSLATORS: %u records, %s the sending desk (or its areas). */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Received %u record from %s",
                                        "Received %u records from %s", written), written, desk);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (written > 0)
    {
      u = g_new0 (UndoData, 1);
      u->db = aimak_db_ref (self->db);
      u->receipt = receipt;
      g_set_weak_pointer (&u->window, self->parent);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "aimak-undo", u, undo_data_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_undo), u);
    }
  if (last_toast != NULL)
    adw_toast_dismiss (last_toast);
  g_set_weak_pointer (&last_toast, toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  aimak_window_reload_data (AIMAK_WINDOW (self->parent));
  aimak_window_add_toast (AIMAK_WINDOW (self->parent), toast);
}

static void
receive_apply (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimakReceiveDialog *self = AIMAK_RECEIVE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint written = 0;
  gint64 receipt = 0;

  if (self->preview == NULL || !aimak_merge_review_get_all_decided (self->review))
    return;
  if (!aimak_package_apply_full (self->db, self->preview, TRUE, &written, &receipt, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      gtk_widget_action_set_enabled (widget, "receive.apply", FALSE);
      return;
    }
  announce_received (self, written, receipt);
  gtk_window_close (GTK_WINDOW (self));
}

static void
receive_cancel (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---------------------------------------------------------- public */

gboolean
aimak_receive_dialog_is_loaded (AimakReceiveDialog *self)
{
  return self->loaded;
}

AimakPackagePreview *
aimak_receive_dialog_get_preview (AimakReceiveDialog *self)
{
  return self->preview;
}

GtkWidget *
aimak_receive_dialog_get_review (AimakReceiveDialog *self)
{
  return GTK_WIDGET (self->review);
}

guint
aimak_receive_dialog_count_shown (AimakReceiveDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->records_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && filter_row (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

void
aimak_receive_dialog_set_filter (AimakReceiveDialog *self,
                                 int                 kind)
{
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "aimak-kind")) == kind)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
}

AimakReceiveDialog *
aimak_receive_dialog_new (GtkWindow *parent,
                          AimakDb   *db,
                          GFile     *file)
{
  AimakReceiveDialog *self = g_object_new (AIMAK_TYPE_RECEIVE_DIALOG,
                                           "transient-for", parent, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Receive Data — %s"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->parent, parent);
  self->db = aimak_db_ref (db);
  self->file = g_object_ref (file);
  start_preview (self);
  return self;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     AimakDb         *db)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = aimak_file_chooser_accepted (chooser, response);

  if (file != NULL)
    gtk_window_present (GTK_WINDOW (aimak_receive_dialog_new (parent, db, file)));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
aimak_receive_dialog_choose (GtkWindow *parent,
                             AimakDb   *db)
{
  GtkFileChooserNative *chooser = aimak_file_chooser_new (parent, _("Receive Data"),
                                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  aimak_file_chooser_add_filter (chooser, AIMAK_CHOOSER_FILTER_PACKAGES);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response),
                         aimak_db_ref (db), (GClosureNotify) (void (*) (void)) aimak_db_unref,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------- the class */

static void
aimak_receive_dialog_dispose (GObject *object)
{
  AimakReceiveDialog *self = AIMAK_RECEIVE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_RECEIVE_DIALOG);
  G_OBJECT_CLASS (aimak_receive_dialog_parent_class)->dispose (object);
}

static void
aimak_receive_dialog_finalize (GObject *object)
{
  AimakReceiveDialog *self = AIMAK_RECEIVE_DIALOG (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->preview, aimak_package_preview_free);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (aimak_receive_dialog_parent_class)->finalize (object);
}

static void
aimak_receive_dialog_class_init (AimakReceiveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_receive_dialog_dispose;
  object_class->finalize = aimak_receive_dialog_finalize;
  g_type_ensure (AIMAK_TYPE_MERGE_REVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-receive-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, switcher);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, state_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, desk_row);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, areas_row);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, created_row);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, counts_row);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, records_list);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, conflicts_page);
  gtk_widget_class_bind_template_child (widget_class, AimakReceiveDialog, review);
  gtk_widget_class_bind_template_callback (widget_class, on_decided_changed);
  gtk_widget_class_install_action (widget_class, "receive.apply", NULL, receive_apply);
  gtk_widget_class_install_action (widget_class, "receive.cancel", NULL, receive_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "receive.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "receive.apply", NULL);
}

static void
aimak_receive_dialog_init (AimakReceiveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->filter = -1;
  aimak_merge_review_set_label_funcs (self->review, aimak_package_item_label,
                                      aimak_merge_review_field_label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receive.apply", FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));
}
