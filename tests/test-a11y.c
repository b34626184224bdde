/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y.c — what a screen reader gets: the window's accessibility tree as
 * AT-SPI serves it (the real bus, not GTK's test backend), walked over D-Bus
 * in each view (Areas, profile, Priorities, Summary, Capacity Building, both
 * editors, the dialogs). Every actionable node (button, toggle, menu button,
 * combo, entry, spin button, list item, link, check box, tab) must have a real
 * name: not empty, not a type name such as "GtkMenuButton", without a mnemonic
 * underscore and not doubled ("Cancel Cancel", "From year Years"). An entry
 * row given the focus must report a focused node.
 *
 * The walk runs in a thread of its own with its own connection to the
 * accessibility bus, while the main thread runs the main loop that answers it.
 * Needs the session bus (dbus-run-session), which starts the accessibility
 * bus and its registry (at-spi2-core). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "aimak-activity-editor.h"
#include "aimak-activity-editor-private.h"
#include "aimak-capacity-page.h"
#include "aimak-export-dialog.h"
#include "aimak-import-dialog.h"
#include "aimak-preferences-window.h"
#include "aimak-priorities-page-private.h"
#include "aimak-priority-editor.h"
#include "aimak-priority-editor-private.h"
#include "aimak-programme-dialog.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-value-dialog.h"
#include "aimak-value-dialog-private.h"
#include "aimak-window.h"
#include "aimak-a11y.h"
#include "aimak-toast.h"
#include "aimak-areas-page.h"
#include "aimak-key-figure-card.h"
#include "aimak-areas-page-private.h"
#include "aimak-problem-row.h"

#define BARSKOON "KG02210815000"


/* AtspiStateType */
#define STATE_FOCUSED 12
#define STATE_VISIBLE 30

/* GTK 4.8 answers GetRoleName with its own role names ("button", "checkbox",
 * "text box"); AT-SPI's own names are listed too. */
static const char * const actionable_roles[] = {
  "button", "push button", "toggle button", "combo box", "text box", "search box", "entry",
  "password text", "spin button", "list item", "link", "checkbox", "check box", "radio",
  "radio button", "tab", "page tab", "menu item", "menu item checkbox", "menu item radio",
  "check menu item", "radio menu item", "slider", "row", "table row", "switch", "tree item",
  NULL
};

typedef struct
{
  GDBusConnection *bus;
  char            *app;          /* our bus name on the accessibility bus */
  GHashTable      *seen;         /* path → TRUE: each node counted once over all views */
  GPtrArray       *unnamed;      /* "view: role 'name' path" */
  GPtrArray       *bad_names;
  guint            n_actionable;
  gboolean         any_focused;
  char            *focused_name;
  char            *focused_description;
  const char      *view;
  gboolean         editor_focused;
  guint            n_tables;       /* nodes of role table, column header */
  guint            n_column_headers;
  gboolean         done;
} Walk;

static GVariant *
call (Walk       *w,
      const char *path,
      const char *iface,
      const char *method,
      GVariant   *args,
      const char *type)
{
  g_autoptr(GError) error = NULL;
  GVariant *ret = g_dbus_connection_call_sync (w->bus, w->app, path, iface, method, args,
                                               G_VARIANT_TYPE (type), G_DBUS_CALL_FLAGS_NONE,
                                               10000, NULL, &error);

  if (ret == NULL)
    g_test_message ("%s %s.%s: %s", path, iface, method, error->message);
  return ret;
}

static char *
node_property (Walk       *w,
               const char *path,
               const char *property)
{
  g_autoptr(GVariant) ret = call (w, path, "org.freedesktop.DBus.Properties", "Get",
                                  g_variant_new ("(ss)", "org.a11y.atspi.Accessible", property),
                                  "(v)");
  g_autoptr(GVariant) v = NULL;

  if (ret == NULL)
    return g_strdup ("");
  g_variant_get (ret, "(v)", &v);
  return g_variant_dup_string (v, NULL);
}

static char *
node_name (Walk       *w,
           const char *path)
{
  return node_property (w, path, "Name");
}

/* A word for comparison: lower case, without underscores, an ellipsis or a plural "s". */
static char *
norm_word (const char *word)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *down = g_utf8_strdown (word, -1);

  for (const char *p = down; *p; p++)
    if (*p != '_' && *p != ':')
      g_string_append_c (s, *p);
  if (g_str_has_suffix (s->str, "…"))
    g_string_truncate (s, s->len - strlen ("…"));
  if (s->len > 3 && s->str[s->len - 1] == 's')
    g_string_truncate (s, s->len - 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "Cancel Cancel", "Add Value… Add Value…", "From year Years". */
static gboolean
is_doubled (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \n", -1);
  g_autoptr(GPtrArray) norm = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (norm, norm_word (words[i]));
  for (guint i = 0; i + 1 < norm->len; i++)
    if (*(char *) norm->pdata[i] && g_str_equal (norm->pdata[i], norm->pdata[i + 1]))
      return TRUE;
  if (norm->len >= 4 && norm->len % 2 == 0)
    {
      guint half = norm->len / 2;
      gboolean same = TRUE;

      for (guint i = 0; i < half && same; i++)
        same = g_str_equal (norm->pdata[i], norm->pdata[i + half]);
      return same;
    }
  return FALSE;
}

static gboolean
is_type_name (const char *name)
{
  return g_type_from_name (name) != 0 ||
         ((g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw") ||
           g_str_has_prefix (name, "Aimak")) && strchr (name, ' ') == NULL);
}

static void walk_node (Walk *w, const char *path, guint depth);

/* The first name met below @path, depth first: what the node shows, for the report. */
static char *
first_name_below (Walk       *w,
                  const char *path,
                  guint       depth)
{
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *child_path;
  const char *child_bus;

  if (depth > 6)
    return NULL;
  children = call (w, path, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
  if (children == NULL)
    return NULL;
  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &child_bus, &child_path))
    {
      g_autofree char *name = node_name (w, child_path);

      if (name != NULL && *name != '\0' && !is_type_name (name))
        return g_steal_pointer (&name);
      g_clear_pointer (&name, g_free);
      name = first_name_below (w, child_path, depth + 1);
      if (name != NULL)
        return g_steal_pointer (&name);
    }
  return NULL;
}

static void
check_node (Walk       *w,
            const char *path,
            const char *role,
            guint32     states)
{
  g_autofree char *name = NULL;

  if (g_str_equal (role, "table"))
    w->n_tables++;
  else if (g_str_equal (role, "column header"))
    w->n_column_headers++;
  if ((states & (1u << STATE_FOCUSED)) != 0)
    {
      w->any_focused = TRUE;
      g_free (w->focused_name);
      w->focused_name = node_name (w, path);
      g_free (w->focused_description);
      w->focused_description = node_property (w, path, "Description");
    }
  /* Every visible node, also in views not shown (GTK 4.8 never sets "showing"). */
  if (!g_strv_contains (actionable_roles, role) ||
      (states & (1u << STATE_VISIBLE)) == 0 ||
      g_hash_table_contains (w->seen, path))
    return;
  g_hash_table_add (w->seen, g_strdup (path));
  w->n_actionable++;
  name = node_name (w, path);
  g_strstrip (name);
  if (g_getenv ("AIMAK_A11Y_DUMP") != NULL)
    {
      g_autofree char *hint = first_name_below (w, path, 0);
      g_test_message ("node %s: %s '%s' (%s)", w->view, role, name, hint ? hint : "");
    }
  if (*name == '\0' || is_type_name (name))
    {
      g_autofree char *hint = first_name_below (w, path, 0);
      g_ptr_array_add (w->unnamed, g_strdup_printf ("%s: %s '%s' showing '%s'", w->view, role,
                                                    name, hint ? hint : ""));
    }
  else if (strchr (name, '_') != NULL || is_doubled (name))
    g_ptr_array_add (w->bad_names, g_strdup_printf ("%s: %s '%s'", w->view, role, name));
}

static void
walk_node (Walk       *w,
           const char *path,
           guint       depth)
{
  g_autoptr(GVariant) role = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *role_name = "";
  const char *child_path;
  const char *child_bus;
  guint32 states = 0;

  if (depth > 80)
    return;
  role = call (w, path, "org.a11y.atspi.Accessible", "GetRoleName", NULL, "(s)");
  state = call (w, path, "org.a11y.atspi.Accessible", "GetState", NULL, "(au)");
  if (role != NULL)
    g_variant_get (role, "(&s)", &role_name);
  if (state != NULL)
    {
      g_autoptr(GVariant) au = g_variant_get_child_value (state, 0);
      if (g_variant_n_children (au) > 0)
        g_variant_get_child (au, 0, "u", &states);
    }
  /* Hidden widgets (other views, closed popovers) are not read. */
  if (depth > 0 && (states & (1u << STATE_VISIBLE)) == 0)
    return;
  check_node (w, path, role_name, states);
  children = call (w, path, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
  if (children == NULL)
    return;
  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_loop (iter, "(&s&o)", &child_bus, &child_path))
    walk_node (w, child_path, depth + 1);
}

static gpointer
walk_thread (gpointer data)
{
  Walk *w = data;

  walk_node (w, "/org/a11y/atspi/accessible/root", 0);
  g_atomic_int_set (&w->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Walks the whole tree of this process (every window) once, answering on the main loop. */
static void
walk (Walk       *w,
      const char *view)
{
  g_autoptr(GThread) thread = NULL;

  aimak_test_wait_ms (300);
  w->view = view;
  w->done = FALSE;
  w->any_focused = FALSE;
  g_clear_pointer (&w->focused_name, g_free);
  g_clear_pointer (&w->focused_description, g_free);
  thread = g_thread_new ("a11y-walk", walk_thread, w);
  while (!g_atomic_int_get (&w->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
}

/* Our own name on the accessibility bus: the registry's child whose process is us. */
static char *
find_app (GDBusConnection *bus)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GVariant) ret = NULL;
      g_autoptr(GVariantIter) iter = NULL;
      const char *name;
      const char *path;

      ret = g_dbus_connection_call_sync (bus, "org.a11y.atspi.Registry",
                                         "/org/a11y/atspi/accessible/root",
                                         "org.a11y.atspi.Accessible", "GetChildren", NULL,
                                         G_VARIANT_TYPE ("(a(so))"), G_DBUS_CALL_FLAGS_NONE,
                                         10000, NULL, NULL);
      if (ret != NULL)
        {
          g_variant_get (ret, "(a(so))", &iter);
          while (g_variant_iter_loop (iter, "(&s&o)", &name, &path))
            {
              g_autoptr(GVariant) pid = NULL;
              guint32 p = 0;

              pid = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus",
                                                 "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                 "GetConnectionUnixProcessID",
                                                 g_variant_new ("(s)", name),
                                                 G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                                 10000, NULL, NULL);
              if (pid != NULL)
                g_variant_get (pid, "(u)", &p);
              if (p == (guint32) getpid ())
                return g_strdup (name);
            }
        }
      aimak_test_wait_ms (100);
    }
  return NULL;
}

typedef struct
{
  GDBusConnection *bus;
  char            *app;
  gboolean         done;
} Connect;

static gpointer
connect_thread (gpointer data)
{
  Connect *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) ret = NULL;
  const char *address = NULL;

  if (session != NULL)
    ret = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  if (ret != NULL)
    {
      g_variant_get (ret, "(&s)", &address);
      c->bus = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
    }
  if (c->bus == NULL)
    g_test_message ("no accessibility bus: %s", error ? error->message : "?");
  else
    c->app = find_app (c->bus);
  g_atomic_int_set (&c->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
report (Walk *w)
{
  g_test_message ("%u actionable nodes; %u without a name, %u with a bad name",
                  w->n_actionable, w->unnamed->len, w->bad_names->len);
  for (guint i = 0; i < w->unnamed->len; i++)
    g_test_message ("unnamed %s", (char *) w->unnamed->pdata[i]);
  for (guint i = 0; i < w->bad_names->len; i++)
    g_test_message ("bad name %s", (char *) w->bad_names->pdata[i]);
}

static void
present (GtkWidget *dialog,
         Walk      *w,
         const char *view)
{
  gtk_window_present (GTK_WINDOW (dialog));
  aimak_test_iterate ();
  walk (w, view);
  gtk_window_destroy (GTK_WINDOW (dialog));
  aimak_test_iterate ();
}

static void
walk_views (Walk        *w,
            AimakWindow *window,
            AimakDb     *db)
{
  AimakPrioritiesPage *prio = NULL;
  GtkWidget *capacity;

  walk (w, "areas");
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_test_iterate ();
  walk (w, "profile");
  aimak_window_show_view (window, "priorities");
  walk (w, "priorities");
  aimak_window_show_view (window, "summary");
  w->n_tables = w->n_column_headers = 0;
  walk (w, "summary");
  /* The Summary's figure tables are tables, with column headers. */
  g_test_message ("summary: %u tables, %u column headers", w->n_tables, w->n_column_headers);
  g_assert_cmpuint (w->n_tables, >, 0);
  g_assert_cmpuint (w->n_column_headers, >, w->n_tables);
  aimak_window_show_view (window, "capacity");
  walk (w, "capacity");

  /* The activity editor: a new activity. */
  capacity = aimak_window_get_page (window, "capacity");
  gtk_widget_activate_action (capacity, "capacity.add", NULL);
  aimak_test_wait_ms (300);
  walk (w, "activity editor");

  /* The priority editor: Ctrl+N's new priority; its title has the focus. */
  aimak_window_show_view (window, "priorities");
  prio = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  g_signal_emit_by_name (aimak_priorities_page_get_widget (prio, "new-button"), "clicked");
  aimak_test_wait_ms (300);
  walk (w, "priority editor");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_test_message ("focused after New Priority: %s (window active %d, focus widget %s, has focus %d)",
                    w->focused_name ? w->focused_name : "(none)",
                    gtk_window_is_active (GTK_WINDOW (window)),
                    focus ? G_OBJECT_TYPE_NAME (focus) : "none", focus ? gtk_widget_has_focus (focus) : 0);
  }
  w->editor_focused = w->any_focused;
  g_assert_true (aimak_priority_editor_flush (aimak_priorities_page_get_editor (prio)));

  present (GTK_WIDGET (aimak_export_dialog_new (GTK_WINDOW (window), db, BARSKOON)), w,
           "export dialog");
  present (GTK_WIDGET (aimak_import_dialog_new (GTK_WINDOW (window), db)), w, "import dialog");
  present (GTK_WIDGET (aimak_programme_dialog_new (GTK_WINDOW (window), db, BARSKOON)), w,
           "programme dialog");
  present (GTK_WIDGET (aimak_preferences_window_new (GTK_WINDOW (window))), w, "preferences");
}

static void
names_in (const char *language)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  Connect c = { 0 };
  Walk w = { 0 };
  g_autoptr(GThread) thread = NULL;
  AimakWindow *window;

  /* The run is in @language from its start (see main). */
  if (g_str_equal (language, "ru"))
    g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Priorities"), ==, "Приоритеты");
  g_assert_true (aimak_demo_create (tdb->db, 12, 12, 7, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();

  thread = g_thread_new ("a11y-connect", connect_thread, &c);
  while (!g_atomic_int_get (&c.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  if (c.app == NULL)
    {
      g_clear_object (&c.bus);
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("this process is not on the accessibility bus (no at-spi2-core?)");
      return;
    }

  w.bus = c.bus;
  w.app = c.app;
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.unnamed = g_ptr_array_new_with_free_func (g_free);
  w.bad_names = g_ptr_array_new_with_free_func (g_free);
  walk_views (&w, window, tdb->db);
  report (&w);
  g_assert_cmpuint (w.n_actionable, >, 50);

  /* A toast is repeated by a label of role alert (an AT-SPI notification). */
  aimak_toast_show (GTK_WIDGET (window), "Priority duplicated");
  aimak_test_wait_ms (300);
  {
    GtkWidget *announcer = aimak_a11y_get_announcer (aimak_window_get_page (window, "areas"));

    g_assert_nonnull (announcer);
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (announcer)), ==,
                     GTK_ACCESSIBLE_ROLE_ALERT);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (announcer)), ==, "Priority duplicated");
    g_assert_true (gtk_widget_get_visible (announcer));
  }
  g_assert_cmpuint (w.unnamed->len, ==, 0);
  g_assert_cmpuint (w.bad_names->len, ==, 0);
  g_assert_true (w.editor_focused);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_clear_pointer (&w.seen, g_hash_table_unref);
  g_clear_pointer (&w.unnamed, g_ptr_array_unref);
  g_clear_pointer (&w.bad_names, g_ptr_array_unref);
  g_free (w.focused_name);
  g_free (w.focused_description);
  g_free (w.app);
  g_object_unref (w.bus);
}

/* The counts are zero in English and in Russian (longer words, other labels). */
static void
test_a11y_names (void)
{
  names_in ("en");
}

static void
test_a11y_names_ru (void)
{
  names_in ("ru");
}

/* The mouse wheel over a participant count scrolls the editor's page and leaves
 * the number alone. */
static void
test_a11y_wheel (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakWindow *window = aimak_window_new (NULL, tdb->db);
  GtkWidget *capacity;
  AimakActivityEditor *editor;
  GtkSpinButton *spin;
  GtkWidget *scrolled;
  GtkAdjustment *adj;
  GtkEventController *wheel = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;
  double before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 600);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_window_show_view (window, "capacity");
  capacity = aimak_window_get_page (window, "capacity");
  gtk_widget_activate_action (capacity, "capacity.add", NULL);
  aimak_test_wait_ms (300);
  editor = aimak_capacity_page_get_editor (AIMAK_CAPACITY_PAGE (capacity));
  spin = aimak_activity_editor_get_count_spin (editor, "local_authority", TRUE);
  gtk_spin_button_set_value (spin, 7);
  aimak_test_iterate ();
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (spin), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, 0);
  before = gtk_adjustment_get_value (adj);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (spin));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "aimak-no-wheel") == 0)
        wheel = c;
    }
  g_assert_nonnull (wheel);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (wheel), ==, GTK_PHASE_CAPTURE);
  /* One notch down, as GTK delivers it to the first controller. */
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  aimak_test_iterate ();
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 7);
  if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj))
    g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, before);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* Enter on an area chooses it, as a click or Space does. Enter reaches the row
 * (list.activate-item, GtkListItemWidget's Enter binding) after the search
 * entry, which captures the list's keys, has seen it: its activate must not
 * choose the first area then. */
static void
test_a11y_areas_enter (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakAreasPage *page;
  GtkWidget *list;
  GListModel *model;
  guint pos = GTK_INVALID_LIST_POSITION;
  g_autofree char *code = NULL;

  g_assert_true (aimak_demo_create (tdb->db, 12, 12, 7, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  page = AIMAK_AREAS_PAGE (aimak_window_get_page (window, "areas"));
  aimak_areas_page_set_search (page, "o");
  aimak_test_wait_ms (400);  /* the entry's own delayed search-changed */
  model = aimak_areas_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
  pos = 2;
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, pos);
    g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

    g_object_get (item, "code", &code, NULL);
  }
  g_assert_nonnull (code);
  g_assert_cmpstr (aimak_window_get_area (window), !=, code);
  list = aimak_areas_page_get_widget (page, "list");
  gtk_widget_grab_focus (list);
  aimak_test_iterate ();
  /* What Enter does, in GTK's order: the capturing entry first, then the row. */
  g_signal_emit_by_name (aimak_areas_page_get_widget (page, "search"), "activate");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", pos));
  aimak_test_iterate ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, pos);
  g_assert_cmpstr (aimak_window_get_area (window), ==, code);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
}

/* Connects @w to the accessibility bus as the names test does; FALSE (and the
 * test skipped) when this process is not on it. */
static gboolean
walk_connect (Walk *w)
{
  Connect c = { 0 };
  g_autoptr(GThread) thread = g_thread_new ("a11y-connect", connect_thread, &c);

  while (!g_atomic_int_get (&c.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  if (c.app == NULL)
    {
      g_clear_object (&c.bus);
      g_test_skip ("this process is not on the accessibility bus (no at-spi2-core?)");
      return FALSE;
    }
  w->bus = c.bus;
  w->app = c.app;
  w->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->unnamed = g_ptr_array_new_with_free_func (g_free);
  w->bad_names = g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}

static void
walk_clear (Walk *w)
{
  g_clear_pointer (&w->seen, g_hash_table_unref);
  g_clear_pointer (&w->unnamed, g_ptr_array_unref);
  g_clear_pointer (&w->bad_names, g_ptr_array_unref);
  g_clear_pointer (&w->focused_name, g_free);
  g_clear_pointer (&w->focused_description, g_free);
  g_clear_pointer (&w->app, g_free);
  g_clear_object (&w->bus);
}

/* Where the focus is after a refused save, a screen reader reads the problem:
 * the focused node's description (not a row beside it that takes no focus).
 * The priority editor saves as one types; a status past draft is refused while
 * there are problems, with the reason on the status row, where the user is
 * (the form does not move: test-editor-layout); each problem in the list
 * takes the focus to its field. The value dialog's Save puts the focus on
 * the first field with a problem. */
static void
test_a11y_problem_focus (void)
{
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakPrioritiesPage *prio;
  AimakPriorityEditor *editor;
  AimakValueDialog *dialog;
  GtkListBoxRow *first;
  const char *field;
  const char *problem;
  GtkWidget *focus;
  GtkWidget *widget;
  Walk w = { 0 };

  g_assert_true (aimak_demo_create (tdb->db, 12, 12, 7, &error));
  g_assert_no_error (error);
  window = aimak_window_new (NULL, tdb->db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  if (!walk_connect (&w))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_true (aimak_window_select_area (window, BARSKOON));
  aimak_window_show_view (window, "priorities");
  prio = AIMAK_PRIORITIES_PAGE (aimak_window_get_page (window, "priorities"));
  editor = aimak_priorities_page_get_editor (prio);
  g_signal_emit_by_name (aimak_priorities_page_get_widget (prio, "new-button"), "clicked");
  aimak_test_wait_ms (300);

  /* A title and marker 2: problems further down; then a status past draft. */
  gtk_editable_set_text (GTK_EDITABLE (aimak_priority_editor_get_field_widget (editor, "title")),
                         "Jobs for women");
  adw_combo_row_set_selected (ADW_COMBO_ROW (aimak_priority_editor_get_field_widget (editor,
                                                                                    "gender_marker")),
                              2);
  aimak_test_iterate ();
  g_assert_cmpuint (aimak_priority_editor_get_n_problems (editor), >, 0);
  /* As a user does: the status row has the focus, a status is chosen in its list. */
  gtk_widget_grab_focus (aimak_priority_editor_get_field_widget (editor, "status"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (aimak_priority_editor_get_field_widget (editor, "status")),
                              1);
  aimak_test_wait_ms (300);
  g_assert_nonnull (aimak_priority_editor_get_refusal (editor));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  widget = aimak_priority_editor_get_field_widget (editor, "status");
  g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
  walk (&w, "refused status");
  g_test_message ("refused status: focused '%s', described '%s'",
                  w.focused_name ? w.focused_name : "",
                  w.focused_description ? w.focused_description : "");
  g_assert_cmpstr (w.focused_description, ==, aimak_priority_editor_get_refusal (editor));

  /* The first problem of the list, activated: its field has the focus and reads it. */
  first = gtk_list_box_get_row_at_index (aimak_priority_editor_get_problem_list (editor), 0);
  g_assert_nonnull (first);
  field = aimak_problem_row_get_field (AIMAK_PROBLEM_ROW (first));
  problem = aimak_priority_editor_get_inline_problem (editor, field);
  g_assert_nonnull (problem);
  g_signal_emit_by_name (aimak_priority_editor_get_problem_list (editor), "row-activated", first);
  aimak_test_wait_ms (300);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  widget = aimak_priority_editor_get_field_widget (editor, field);
  g_assert_nonnull (focus);
  g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
  walk (&w, "problem chosen");
  g_test_message ("problem chosen: focused '%s', described '%s'; problem of %s: %s",
                  w.focused_name ? w.focused_name : "",
                  w.focused_description ? w.focused_description : "", field, problem);
  g_assert_cmpstr (w.focused_description, ==, problem);
  g_assert_true (aimak_priority_editor_flush (editor));

  /* The value dialog: nothing entered, Save. */
  dialog = aimak_value_dialog_new_value (GTK_WINDOW (window), tdb->db, BARSKOON, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  aimak_test_wait_ms (300);
  g_assert_false (aimak_value_dialog_save (dialog));
  aimak_test_wait_ms (300);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  walk (&w, "value dialog");
  g_test_message ("value dialog: focused '%s' (%s), described '%s'",
                  w.focused_name ? w.focused_name : "", G_OBJECT_TYPE_NAME (focus),
                  w.focused_description ? w.focused_description : "");
  g_assert_nonnull (w.focused_description);
  g_assert_cmpstr (w.focused_description, !=, "");
  g_assert_true (gtk_widget_has_css_class (focus, "error") ||
                 gtk_widget_has_css_class (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW),
                                           "error"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  walk_clear (&w);
}

int
main (int argc, char **argv)
{
  /* "--language=ru" runs the names test in Russian. */
  const char *language = aimak_test_take_language (&argc, argv);

  g_unsetenv ("GTK_A11Y");
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  if (g_str_equal (language, "ru"))
    {
      g_test_add_func ("/a11y/names-ru", test_a11y_names_ru);
      return g_test_run ();
    }
  g_test_add_func ("/a11y/names", test_a11y_names);
  g_test_add_func ("/a11y/wheel", test_a11y_wheel);
  g_test_add_func ("/a11y/areas-enter", test_a11y_areas_enter);
  g_test_add_func ("/a11y/problem-focus", test_a11y_problem_focus);
  return g_test_run ();
}
