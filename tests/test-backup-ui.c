/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup-ui.c — backups through the real widgets: the damaged-database
 * dialog (its words and responses, and "Restore Newest Good Backup" through
 * the application, which then opens the restored data), the Preferences list
 * of backups with its Restore… buttons (the window then shows the restored
 * data; a damaged backup is refused and the window keeps its database), a
 * read-only database (banner, restore disabled), and an edit made while another
 * program holds the write lock (busy, the text stays in the form). */
#include "config.h"

#include <sqlite3.h>

#include <string.h>
#include <glib/gstdio.h>

#include "aimak-application.h"
#include "aimak-damaged-dialog.h"
#include "aimak-preferences-window.h"
#include "aimak-priority-editor-private.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

static void
add_marker (AimakDb    *db,
            const char *marker)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aimak_db_log_change (db, "marker", marker, "create", NULL, NULL, marker,
                                      &error));
  g_assert_no_error (error);
}

static gint64
count_marker (AimakDb    *db,
              const char *marker)
{
  return aimak_db_query_int (db, -1, NULL,
                             "SELECT count(*) FROM change_log WHERE entity = 'marker' "
                             "AND entity_id = ?", "t", marker);
}

static void
damage_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize i = len / 3; i < len / 3 + 50000 && i < len; i++)
    data[i] = (char) ((i * 31) % 251);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect (c, type, out);
    }
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];
  return NULL;
}

/* The newest toplevel of @type other than @except. */
static GtkWidget *
find_toplevel (GType      type,
               GtkWidget *except)
{
  g_autoptr(GListModel) tops = gtk_window_get_toplevels ();

  g_object_ref (tops);
  for (guint i = g_list_model_get_n_items (tops); i > 0; i--)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (tops, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && w != except &&
          gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* Clicks the button of a message dialog's response, as a planner would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button = NULL;

  collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "clicked" itself: activate() only emits it after a 250 ms animation. */
  g_signal_emit_by_name (button, "clicked");
  aimak_test_iterate ();
}

/* The Restore… buttons of the backup rows, newest first. */
static GPtrArray *
restore_buttons (AimakPreferencesWindow *prefs)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Restore…") == 0)
      g_ptr_array_add (found, buttons->pdata[i]);
  return found;
}

static void
test_damaged_dialog (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *aside = g_strdup_printf ("“plan.db.damaged-%s”", today);
  AimakDamagedDialog *dialog;
  const char *body;

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autoptr(GDateTime) t = g_date_time_new_local (2026, 6, 3, 9, 41, 0);
    g_autofree char *made = aimak_backup_create (db, t, &error);
    g_assert_no_error (error);
  }
  damage_file (path);
  g_assert_null (aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error));
  backups = aimak_backup_list (path, NULL);

  /* With a backup: every way out, restore first and suggested. */
  dialog = aimak_damaged_dialog_new (NULL, path, error, backups->pdata[0]);
  gtk_window_present (GTK_WINDOW (dialog));
  aimak_test_iterate ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Database Is Damaged");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "3 June 2026, 09:41"));
  g_assert_nonnull (strstr (body, aside));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "restore"),
                   ==, "_Restore Newest Good Backup");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "open"),
                   ==, "_Open Another File…");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "quit"),
                   ==, "_Quit");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "restore"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "restore"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "restore");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "quit");
  g_assert_cmpstr (aimak_damaged_dialog_get_backup (dialog), ==,
                   ((AimakBackupInfo *) backups->pdata[0])->path);
  /* The words are on screen. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "The Database Is Damaged"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Without a backup: restore is offered but cannot be chosen. */
  dialog = aimak_damaged_dialog_new (NULL, path, error, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "open");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "no good backup"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);

  /* Newer and foreign files have their own headings. */
  {
    g_autoptr(GError) newer = g_error_new (AIMAK_DB_ERROR, AIMAK_DB_ERROR_TOO_NEW, "newer");
    g_autoptr(GError) foreign = g_error_new (AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_AIMAK, "x");
    g_autoptr(GError) denied = g_error_new (AIMAK_DB_ERROR, AIMAK_DB_ERROR_OPEN, "denied");

    dialog = aimak_damaged_dialog_new (NULL, path, newer, backups->pdata[0]);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "The Database Needs a Newer Aimak");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                              "plan.db.newer-"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    dialog = aimak_damaged_dialog_new (NULL, path, foreign, backups->pdata[0]);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "This Is Not an Aimak Database");
    gtk_window_destroy (GTK_WINDOW (dialog));
    /* A file that cannot be read is not replaced by a backup. */
    dialog = aimak_damaged_dialog_new (NULL, path, denied, backups->pdata[0]);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "The Database Could Not Be Opened");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "restore"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

/* The application on a damaged database: the dialog, then "Restore Newest
 * Good Backup" puts the backup in place, keeps the damaged file aside
 * untouched and opens a window on the restored data. */
static void
test_damaged_restore_through_app (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakApplication) app = aimak_application_new ();
  g_autofree char *digest = NULL;
  AimakDamagedDialog *dialog = NULL;
  AimakWindow *window = NULL;
  guint damaged_files = 0;

  {
    g_autoptr(AimakDb) db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
    g_autofree char *made = NULL;

    add_marker (db, "saved");
    made = aimak_backup_create (db, NULL, &error);
    g_assert_no_error (error);
    add_marker (db, "lost");
  }
  damage_file (path);
  digest = aimak_test_file_digest (path);

  /* Another instance of the real app may run in this session. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE |
                           G_APPLICATION_HANDLES_COMMAND_LINE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  aimak_application_open_database (app, path);
  /* The whole-file check runs after the first frame: the window comes first,
   * and the file is not written while it is up. */
  {
    GList *first = gtk_application_get_windows (GTK_APPLICATION (app));
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    g_assert_nonnull (first);
    g_assert_true (AIMAK_IS_WINDOW (first->data));
    g_assert_null (first->next);
    g_assert_true (aimak_db_get_writes_held (aimak_window_get_db (first->data)));
    while (dialog == NULL && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
          if (AIMAK_IS_DAMAGED_DIALOG (l->data))
            dialog = l->data;
      }
  }
  aimak_test_iterate ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *now = aimak_test_file_digest (path);

    g_assert_cmpstr (now, ==, digest);
  }
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app))->next);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "restore"));

  click_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_assert_false (AIMAK_IS_DAMAGED_DIALOG (l->data));
      if (AIMAK_IS_WINDOW (l->data))
        window = l->data;
    }
  g_assert_nonnull (window);
  g_assert_cmpstr (aimak_db_get_path (aimak_window_get_db (window)), ==, path);
  g_assert_cmpint (count_marker (aimak_window_get_db (window), "saved"), ==, 1);
  g_assert_cmpint (count_marker (aimak_window_get_db (window), "lost"), ==, 0);
  /* The restored file passes its check after the first frame and is written. */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (aimak_db_get_writes_held (aimak_window_get_db (window)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (aimak_db_get_writes_held (aimak_window_get_db (window)));
    add_marker (aimak_window_get_db (window), "after-check");
  }

  /* The damaged file is beside it, byte for byte. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)))
      if (g_str_has_prefix (name, "plan.db.damaged-") && !g_str_has_suffix (name, "-wal"))
        {
          g_autofree char *aside = g_build_filename (dir, name, NULL);
          g_autofree char *aside_digest = aimak_test_file_digest (aside);

          g_assert_cmpstr (aside_digest, ==, digest);
          damaged_files++;
        }
  }
  g_assert_cmpuint (damaged_files, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

static void
test_preferences_restore (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  AimakWindow *window;
  AimakPreferencesWindow *prefs;
  AdwMessageDialog *confirm;
  g_autoptr(GPtrArray) buttons = NULL;
  AimakDb *before;
  GtkWidget *page;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    g_autoptr(GDateTime) t = g_date_time_new_local (2026, 7, 1, 8, 30, 0);
    g_autoptr(GDateTime) t2 = g_date_time_new_local (2026, 7, 2, 8, 30, 0);
    g_autofree char *made = NULL;

    add_marker (db, "in-backup");
    made = aimak_backup_create (db, t, &error);
    bad = aimak_backup_create (db, t2, &error);
    g_assert_no_error (error);
    add_marker (db, "after-backup");
    window = aimak_window_new (NULL, db);
  }
  damage_file (bad);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();

  prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "backups");
  gtk_window_present (GTK_WINDOW (prefs));
  aimak_test_iterate ();

  /* The list: newest first, with date and size, each with its button. */
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "2 July 2026, 08:30"));
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "1 July 2026, 08:30"));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autofree char *size = NULL;
    GStatBuf st;

    collect (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, rows);
    g_assert_cmpint (g_stat (bad, &st), ==, 0);
    size = g_format_size (st.st_size);
    g_assert_nonnull (find_label (GTK_WIDGET (prefs), size));
  }
  buttons = restore_buttons (prefs);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_true (gtk_widget_get_sensitive (buttons->pdata[0]));

  /* The damaged (newest) one is refused; the window keeps its database. */
  before = aimak_window_get_db (window);
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  aimak_test_iterate ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "2 July 2026, 08:30"));
  click_response (confirm, "restore");
  {
    AdwMessageDialog *failed = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG,
                                                                  NULL));
    g_assert_nonnull (failed);
    g_assert_cmpstr (adw_message_dialog_get_heading (failed), ==, "The Backup Was Not Restored");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (failed), "is damaged"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (failed),
                              "The current database was not changed"));
    gtk_window_destroy (GTK_WINDOW (failed));
  }
  g_assert_true (aimak_window_get_db (window) == before);
  g_assert_cmpint (count_marker (before, "after-backup"), ==, 1);

  /* The good one: the window then shows the restored data, its views too. */
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = restore_buttons (prefs);
  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  aimak_test_iterate ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (confirm);
  click_response (confirm, "restore");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (aimak_window_get_db (window));
  g_assert_cmpint (count_marker (aimak_window_get_db (window), "in-backup"), ==, 1);
  g_assert_cmpint (count_marker (aimak_window_get_db (window), "after-backup"), ==, 0);
  page = aimak_window_get_page (window, "priorities");
  {
    AimakDb *page_db = NULL;
    g_object_get (page, "db", &page_db, NULL);
    g_assert_true (page_db == aimak_window_get_db (window));
    aimak_db_unref (page_db);
  }
  /* The state before the restore is now the newest backup in the list. */
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = restore_buttons (prefs);
  g_assert_cmpuint (buttons->len, ==, 3);
  {
    g_autoptr(GPtrArray) list = aimak_backup_list (path, NULL);
    g_autoptr(AimakDb) saved = aimak_db_open (((AimakBackupInfo *) list->pdata[0])->path,
                                              AIMAK_DB_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_marker (saved, "after-backup"), ==, 1);
  }
  /* And the restored database takes edits. */
  add_marker (aimak_window_get_db (window), "after-restore");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

static void
test_read_only_window (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = NULL;
  AimakWindow *window;
  AimakPreferencesWindow *prefs;
  GtkWidget *label;
  g_autoptr(GPtrArray) buttons = NULL;

  {
    g_autoptr(AimakDb) rw = aimak_test_open_db (dir);
    g_autofree char *made = aimak_backup_create (rw, NULL, &error);
    g_assert_no_error (error);
  }
  db = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = aimak_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  label = find_label (GTK_WIDGET (window), "The database is read-only: you can browse and "
                                           "export, but not change anything.");
  g_assert_nonnull (label);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
                   gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));

  /* Nothing to restore into, and no backup to make there. */
  prefs = aimak_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  aimak_test_iterate ();
  buttons = restore_buttons (prefs);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (buttons->pdata[0]));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

/* Another program holds the write lock: the editor waits the busy timeout,
 * says the database is busy, and the text stays in the form, so that the
 * planner's next keystroke saves it. */
static void
test_busy_edit_kept (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(AimakPriority) p = aimak_priority_new ("KG02210815000");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = aimak_priority_editor_new ();
  GtkWidget *title;
  sqlite3 *other = NULL;
  gint64 start;
  g_autofree char *stored = NULL;

  g_free (p->title);
  p->title = g_strdup ("Clean water for Barskoon");
  g_assert_true (aimak_priority_create (db, p, &error));
  gtk_window_set_child (GTK_WINDOW (window), editor);
  aimak_priority_editor_set_db (AIMAK_PRIORITY_EDITOR (editor), db);
  g_assert_true (aimak_priority_editor_load (AIMAK_PRIORITY_EDITOR (editor), p->id, &error));
  gtk_window_present (GTK_WINDOW (window));
  aimak_test_iterate ();
  title = aimak_priority_editor_get_field_widget (AIMAK_PRIORITY_EDITOR (editor), "title");

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO change_log (ts, entity, "
                                 "entity_id) VALUES ('t', 'marker', 'other')", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  gtk_editable_set_text (GTK_EDITABLE (title), "Clean water for Barskoon and Tamga");
  start = g_get_monotonic_time ();
  g_assert_false (aimak_priority_editor_flush (AIMAK_PRIORITY_EDITOR (editor)));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  aimak_test_iterate ();
  g_assert_nonnull (strstr (aimak_priority_editor_get_refusal (AIMAK_PRIORITY_EDITOR (editor)),
                            "The database is busy"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   "Clean water for Barskoon and Tamga");
  stored = aimak_db_query_text (db, &error, "SELECT title FROM priority WHERE id = ?", "t", p->id);
  g_assert_cmpstr (stored, ==, "Clean water for Barskoon");
  g_clear_pointer (&stored, g_free);

  /* The other program is done: the next keystroke saves the whole text. */
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  gtk_editable_set_text (GTK_EDITABLE (title), "Clean water for Barskoon and Tamga.");
  g_assert_true (aimak_priority_editor_flush (AIMAK_PRIORITY_EDITOR (editor)));
  stored = aimak_db_query_text (db, &error, "SELECT title FROM priority WHERE id = ?", "t", p->id);
  g_assert_cmpstr (stored, ==, "Clean water for Barskoon and Tamga.");
  g_assert_null (aimak_priority_editor_get_refusal (AIMAK_PRIORITY_EDITOR (editor)));

  gtk_window_destroy (GTK_WINDOW (window));
  aimak_test_iterate ();
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/backup-ui/damaged-dialog", test_damaged_dialog);
  g_test_add_func ("/backup-ui/damaged-restore-through-app", test_damaged_restore_through_app);
  g_test_add_func ("/backup-ui/preferences-restore", test_preferences_restore);
  g_test_add_func ("/backup-ui/read-only-window", test_read_only_window);
  g_test_add_func ("/backup-ui/busy-edit-kept", test_busy_edit_kept);
  return g_test_run ();
}
