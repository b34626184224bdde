/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-window.c — the main window. The window owns the database and the
 * selected area and hands both to every view through bound properties. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-a11y.h"
#include "aimak-area-changes-dialog.h"
#include "aimak-area-profile.h"
#include "aimak-ask.h"
#include "aimak-areas-page.h"
#include "aimak-capacity-page.h"
#include "aimak-export-dialog.h"
#include "aimak-programme-dialog.h"
#include "aimak-priorities-page.h"
#include "aimak-receive-dialog.h"
#include "aimak-send-dialog.h"
#include "aimak-settings.h"
#include "aimak-summary-page.h"
#include "aimak-toast.h"
#include "aimak-sync-button.h"
#include "aimak-window.h"

struct _AimakWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AimakAreasPage       *areas_page;
  AdwBin               *priorities_bin;
  AdwBin               *capacity_bin;
  AdwBin               *summary_bin;
  GtkRevealer          *demo_banner;
  GtkRevealer          *readonly_banner;
  AimakSyncButton      *sync_button;

  /* The views other than Areas are made after the first frame or when first
   * shown or asked for (see build_page()); NULL until then. They get the
   * database when first shown (bit i of bound_pages, in the order of
   * ensure_page()). */
  guint                 prebuild_id;
  guint                 bound_pages;
  AimakPrioritiesPage  *priorities_page;
  AimakCapacityPage    *capacity_page;
  AimakSummaryPage     *summary_page;

  /* Owned references */
  AimakDb              *db;
  char                 *area_code;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AimakWindow, aimak_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DB, PROP_AREA_CODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

AimakDb *
aimak_window_get_db (AimakWindow *self)
{
  return self->db;
}

const char *
aimak_window_get_area (AimakWindow *self)
{
  return self->area_code;
}

static void
set_area_code (AimakWindow *self,
               const char  *code)
{
  if (g_strcmp0 (self->area_code, code) == 0)
    return;
  g_free (self->area_code);
  self->area_code = g_strdup (code);
  if (self->settings && code)
    g_settings_set_string (self->settings, "last-area", code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_CODE]);
}

gboolean
aimak_window_select_area (AimakWindow *self,
                          const char  *code)
{
  g_return_val_if_fail (AIMAK_IS_WINDOW (self), FALSE);
  return aimak_areas_page_select (self->areas_page, code);
}

/* Priorities, Capacity Building and Summary are made after the first frame,
 * one per idle (prebuild_idle), or when first shown or asked for if sooner:
 * the first window builds only the Areas view. Each fills its models from the
 * database when first shown or asked for (ensure_page). Returns the page
 * named @name (NULL for another name). */
static GtkWidget *
build_page (AimakWindow *self,
            const char  *name,
            gboolean    *made)
{
  struct { const char *name; AdwBin *bin; GType type; gpointer *page; } pages[] = {
    { "priorities", self->priorities_bin, AIMAK_TYPE_PRIORITIES_PAGE,
      (gpointer *) &self->priorities_page },
    { "capacity", self->capacity_bin, AIMAK_TYPE_CAPACITY_PAGE,
      (gpointer *) &self->capacity_page },
    { "summary", self->summary_bin, AIMAK_TYPE_SUMMARY_PAGE, (gpointer *) &self->summary_page },
  };

  for (guint i = 0; name && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (name, pages[i].name))
      {
        if (*pages[i].page == NULL)
          {
            *pages[i].page = g_object_new (pages[i].type, NULL);
            adw_bin_set_child (pages[i].bin, *pages[i].page);
            *made = TRUE;
          }
        return *pages[i].page;
      }
  return NULL;
}

static GtkWidget *
ensure_page (AimakWindow *self,
             const char  *name)
{
  static const char * const lazy[] = { "priorities", "capacity", "summary" };
  gboolean made = FALSE;
  GtkWidget *page = build_page (self, name, &made);

  /* Made ahead hidden (prebuild_idle), out of the accessibility tree. */
  if (page && g_strcmp0 (name, adw_view_stack_get_visible_child_name (self->view_stack)) == 0)
    gtk_widget_set_visible (page, TRUE);

  for (guint i = 0; page && i < G_N_ELEMENTS (lazy); i++)
    if (g_str_equal (name, lazy[i]) && !(self->bound_pages & (1u << i)))
      {
        self->bound_pages |= 1u << i;
        /* The area first: the page then reads its data once, when it gets
         * the database. */
        g_object_bind_property (self, "area-code", page, "area-code", G_BINDING_SYNC_CREATE);
        g_object_bind_property (self, "db", page, "db", G_BINDING_SYNC_CREATE);
      }
  return page;
}

static gboolean
prebuild_idle (gpointer data)
{
  AimakWindow *self = data;

  /* Capacity Building only: its list is small (its activities, not the
   * priorities), so made and filled now its switch is only a frame. It
   * re-reads when shown if the database changed meanwhile. (Priorities and
   * Summary stay made on first show: hidden, they still reached the
   * accessibility tree of the view shown, test-a11y.) */
  gtk_widget_set_visible (ensure_page (self, "capacity"), FALSE);
  self->prebuild_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                AimakWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (self->prebuild_id == 0)
    self->prebuild_id = g_idle_add_full (G_PRIORITY_LOW, prebuild_idle, self, NULL);
}

static void
on_map (AimakWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, on_map, NULL);
  if (clock)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint), self, 0);
}

static void
on_visible_child_changed (AimakWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

void
aimak_window_show_view (AimakWindow *self,
                        const char  *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
aimak_window_get_view (AimakWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
aimak_window_get_page (AimakWindow *self,
                       const char  *name)
{
  GtkWidget *page = ensure_page (self, name);

  return page ? page : adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
aimak_window_add_toast (AimakWindow *self,
                        AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Re-reads whether demo data are present and shows or hides the banner. */
static void
aimak_window_update_banners (AimakWindow *self)
{
  /* aimak_demo_present() answers what the banner asks (any demo record at
   * all); aimak_demo_count_records() is for when the count matters. */
  gtk_revealer_set_reveal_child (self->demo_banner,
                                 self->db != NULL && aimak_demo_present (self->db));
  gtk_revealer_set_reveal_child (self->readonly_banner,
                                 self->db && aimak_db_is_read_only (self->db));
}

static void
set_db (AimakWindow *self,
        AimakDb     *db)
{
  g_autofree char *last = NULL;

  g_clear_pointer (&self->db, aimak_db_unref);
  self->db = db ? aimak_db_ref (db) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  aimak_window_update_banners (self);
  if (self->settings)
    last = g_settings_get_string (self->settings, "last-area");
  if (db && last && *last)
    aimak_areas_page_select (self->areas_page, last);
}

/* The office server (issue 16): win.sync syncs now, win.sync-changed re-reads
 * the settings after Preferences changed them. */
static void
win_sync (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);

  if (g_strcmp0 (action_name, "win.sync") == 0)
    aimak_sync_button_sync (self->sync_button);
  else
    aimak_sync_button_refresh (self->sync_button);
}

/* Widgets raise toasts through these two actions (see aimak-toast.h) rather
 * than by reaching for the window. */
static void
win_show_toast (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  if (g_str_equal (action_name, "win.show-error"))
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (AIMAK_WINDOW (widget)->toast_overlay, toast);
}

static void
win_update_banners (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  aimak_window_update_banners (AIMAK_WINDOW (widget));
}

/* A sync brought records in while the window was open: the views re-read
 * them in place. The open priority keeps its place in the list, and what its
 * editor held is saved first (aimak_priority_editor_reload flushes), so no
 * edit is lost and nothing moves under the cursor but the changed values. */
static void
win_data_arrived (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);
  const char *view = aimak_window_get_view (self);

  if (self->priorities_page)
    {
      /* The list of areas may have changed too (a sync's area changes, issue 17). */
      aimak_priorities_page_reload_areas (self->priorities_page);
      aimak_priority_editor_reload (aimak_priorities_page_get_editor (self->priorities_page));
      aimak_priorities_page_reload (self->priorities_page);
    }
  aimak_areas_page_reload (self->areas_page);
  /* Capacity Building and the Summary re-read whenever they are shown. */
  if (g_strcmp0 (view, "summary") == 0 && self->summary_page)
    AIMAK_PAGE_GET_CLASS (self->summary_page)->db_changed (AIMAK_PAGE (self->summary_page));
  aimak_window_update_banners (self);
}

static void
win_focus_search (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);

  if (g_strcmp0 (aimak_window_get_view (self), "areas") == 0)
    aimak_areas_page_focus_search (self->areas_page);
  else
    gtk_widget_activate_action (aimak_window_get_page (self, aimak_window_get_view (self)),
                                "page.search", NULL);
}

/* The import dialog lives with the profile, which refreshes after an import. */
static void
win_import_csv (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AimakAreaProfile *profile = aimak_area_profile_find (widget);

  if (profile)
    aimak_area_profile_import_csv (profile, AIMAK_WINDOW (widget)->db);
}

static void
win_export (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);

  if (self->db)
    gtk_window_present (GTK_WINDOW (aimak_export_dialog_new (GTK_WINDOW (self), self->db,
                                                             self->area_code)));
}

/* Exchange packages: Send Data…, Receive Data…, and .aimak files dropped on
 * the window. A receive changes records under every view: they read again
 * with the database set anew (as after restoring a backup). */
void
aimak_window_reload_data (AimakWindow *self)
{
  g_autoptr(AimakDb) db = self->db ? aimak_db_ref (self->db) : NULL;
  g_autofree char *area = g_strdup (self->area_code);

  g_object_set (self, "db", NULL, NULL);
  g_object_set (self, "db", db, NULL);
  if (area != NULL)
    aimak_areas_page_select (self->areas_page, area);
}

/* What the editors hold waits for a pause; a package sent or received now
 * must see it (an invalid form stays as it is, unsaved). */
static void
save_pending_edits (AimakWindow *self)
{
  if (self->priorities_page)
    aimak_priority_editor_save_pending (aimak_priorities_page_get_editor (self->priorities_page),
                                        NULL);
  if (self->capacity_page)
    aimak_activity_editor_save_pending (aimak_capacity_page_get_editor (self->capacity_page),
                                        NULL);
}

void
aimak_window_receive_file (AimakWindow *self,
                           GFile       *file)
{
  save_pending_edits (self);
  if (self->db)
    gtk_window_present (GTK_WINDOW (aimak_receive_dialog_new (GTK_WINDOW (self), self->db,
                                                              file)));
}

static void
win_exchange (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);

  if (self->db == NULL)
    return;
  save_pending_edits (self);
  if (g_str_equal (action_name, "win.send-data"))
    gtk_window_present (GTK_WINDOW (aimak_send_dialog_new (GTK_WINDOW (self), self->db,
                                                           self->area_code)));
  else
    aimak_receive_dialog_choose (GTK_WINDOW (self), self->db);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AimakWindow   *self)
{
  GSList *files = NULL;
  g_autoptr(GSList) one = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = one = g_slist_prepend (NULL, g_value_get_object (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".aimak"))
        {
          aimak_window_receive_file (self, l->data);
          return TRUE;
        }
    }
  return FALSE;
}

/* Programme Document… of the primary menu and of the area profile. */
static void
win_programme (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);

  if (self->db)
    gtk_window_present (GTK_WINDOW (aimak_programme_dialog_new (GTK_WINDOW (self), self->db,
                                                                self->area_code)));
}

/* Apply Area Changes… (issue 17): the Areas view reloads, a toast offers Undo. */
static void
on_area_changes_applied (AimakAreaChangesDialog *dialog,
                         gint64                  batch,
                         AimakWindow            *self)
{
  AdwToast *toast = adw_toast_new (_("Area changes applied"));

  aimak_areas_page_reload (self->areas_page);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-area-changes");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (batch));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
win_apply_area_changes (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);
  AimakAreaChangesDialog *dialog;

  if (self->db == NULL)
    return;
  dialog = aimak_area_changes_dialog_new (GTK_WINDOW (self), self->db);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_area_changes_applied), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
win_undo_area_changes (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;
  if (!aimak_area_change_undo (self->db, g_variant_get_int64 (parameter), &error))
    {
      aimak_toast_show_error (widget, error);
      return;
    }
  aimak_areas_page_reload (self->areas_page);
  aimak_toast_show (widget, _("Area changes undone"));
}

static void
win_show_view (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  aimak_window_show_view (AIMAK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* From an area's profile to its priorities. */
static void
win_show_priorities (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AimakWindow *self = AIMAK_WINDOW (widget);
  const char *code = NULL, *id = NULL;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(ss)")))
    g_variant_get (parameter, "(&s&s)", &code, &id);
  else
    code = g_variant_get_string (parameter, NULL);
  aimak_window_show_view (self, "priorities");
  ensure_page (self, "priorities");
  if (g_str_equal (action_name, "win.show-priorities"))
    aimak_priorities_page_set_scope (self->priorities_page, code);
  else
    aimak_priorities_page_open (self->priorities_page, code, id);
}

static void
save_window_state (AimakWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* After the dialog has finished its response: closing the window takes the
 * dialog with it. */
static gboolean
close_after_discard (gpointer data)
{
  GtkWindow *window = data;
  GtkApplication *app = gtk_window_get_application (window);

  if (g_object_get_data (G_OBJECT (window), "aimak-quitting") && app)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AimakWindow      *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    {
      g_object_set_data (G_OBJECT (self), "aimak-quitting", NULL);
      return;
    }
  if (self->priorities_page)
    aimak_priority_editor_discard (aimak_priorities_page_get_editor (self->priorities_page));
  if (self->capacity_page)
    aimak_activity_editor_discard (aimak_capacity_page_get_editor (self->capacity_page));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_after_discard, g_object_ref (self),
                   g_object_unref);
}

/* Nothing typed is lost on close or quit: the editors save what waits for its
 * pause; what cannot be saved (it is invalid) makes the window ask. */
static gboolean
save_edits_or_ask (AimakWindow *self)
{
  g_autoptr(GError) p_error = NULL;
  g_autoptr(GError) a_error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* A view not made yet has no edits. */
  if (self->priorities_page)
    aimak_priority_editor_save_pending (aimak_priorities_page_get_editor (self->priorities_page),
                                        &p_error);
  if (self->capacity_page)
    aimak_activity_editor_save_pending (aimak_capacity_page_get_editor (self->capacity_page),
                                        &a_error);
  if (p_error == NULL && a_error == NULL)
    return TRUE;
  aimak_window_show_view (self, p_error ? "priorities" : "capacity");
  body = g_strjoin ("\n\n", p_error ? p_error->message : a_error->message,
                    p_error && a_error ? a_error->message : NULL, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Changes Cannot Be Saved"), body));
  aimak_ask_add_answers (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard Changes"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
aimak_window_close_request (GtkWindow *window)
{
  if (!save_edits_or_ask (AIMAK_WINDOW (window)))
    return TRUE;
  save_window_state (AIMAK_WINDOW (window));
  return GTK_WINDOW_CLASS (aimak_window_parent_class)->close_request (window);
}

static void
aimak_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AimakWindow *self = AIMAK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB: g_value_set_boxed (value, self->db); break;
    case PROP_AREA_CODE: g_value_set_string (value, self->area_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AimakWindow *self = AIMAK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB: set_db (self, g_value_get_boxed (value)); break;
    case PROP_AREA_CODE: set_area_code (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_window_dispose (GObject *object)
{
  AimakWindow *self = AIMAK_WINDOW (object);

  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_WINDOW);
  /* Went with their bins. */
  self->priorities_page = NULL;
  self->capacity_page = NULL;
  self->summary_page = NULL;
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (aimak_window_parent_class)->dispose (object);
}

static void
aimak_window_finalize (GObject *object)
{
  AimakWindow *self = AIMAK_WINDOW (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_free (self->area_code);
  G_OBJECT_CLASS (aimak_window_parent_class)->finalize (object);
}

static void
aimak_window_class_init (AimakWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const views[] = { "areas", "priorities", "capacity", "summary" };

  aimak_a11y_init ();  /* names GTK 4.8 leaves out (aimak-a11y.c) */
  object_class->dispose = aimak_window_dispose;
  object_class->finalize = aimak_window_finalize;
  object_class->get_property = aimak_window_get_property;
  object_class->set_property = aimak_window_set_property;
  window_class->close_request = aimak_window_close_request;

  properties[PROP_DB] = g_param_spec_boxed ("db", NULL, NULL, AIMAK_TYPE_DB,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIMAK_TYPE_AREAS_PAGE);
  g_type_ensure (AIMAK_TYPE_SYNC_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, areas_page);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, priorities_bin);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, capacity_bin);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, summary_bin);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, readonly_banner);
  gtk_widget_class_bind_template_child (widget_class, AimakWindow, sync_button);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, win_focus_search);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", win_show_toast);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", win_show_toast);
  gtk_widget_class_install_action (widget_class, "win.update-banners", NULL, win_update_banners);
  gtk_widget_class_install_action (widget_class, "win.data-arrived", NULL, win_data_arrived);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", win_show_view);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, win_import_csv);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, win_export);
  gtk_widget_class_install_action (widget_class, "win.programme-document", NULL, win_programme);
  gtk_widget_class_install_action (widget_class, "win.apply-area-changes", NULL,
                                   win_apply_area_changes);
  gtk_widget_class_install_action (widget_class, "win.undo-area-changes", "x",
                                   win_undo_area_changes);
  gtk_widget_class_install_action (widget_class, "win.send-data", NULL, win_exchange);
  gtk_widget_class_install_action (widget_class, "win.receive-data", NULL, win_exchange);
  gtk_widget_class_install_action (widget_class, "win.show-priorities", "s", win_show_priorities);
  gtk_widget_class_install_action (widget_class, "win.add-priority", "s", win_show_priorities);
  gtk_widget_class_install_action (widget_class, "win.open-priority", "(ss)",
                                   win_show_priorities);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, win_sync);
  gtk_widget_class_install_action (widget_class, "win.sync-changed", NULL, win_sync);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.sync", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

static void
aimak_window_init (AimakWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
    GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

    gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  self->settings = aimak_settings_new_if_installed ();
  if (self->settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1280, 820);

  g_object_bind_property (self, "db", self->areas_page, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "db", self->sync_button, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->areas_page, "area-code", self, "area-code",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  on_visible_child_changed (self);
}

AimakWindow *
aimak_window_new (GtkApplication *application,
                  AimakDb        *db)
{
  return g_object_new (AIMAK_TYPE_WINDOW, "application", application, "db", db, NULL);
}
