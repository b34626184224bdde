/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialogs-narrow.c — the Export Workbook, Send Data, Programme Document, Apply
 * Area Changes and Import Indicator Values dialogs, each opened through its window
 * action, fit a 360 px window in the language of the process (--language=ru, ky: the
 * Russian and Kyrgyz labels are longer than the English ones).
 * With AIMAK_TEST_SCREENSHOTS=DIR set, it saves PNGs of each dialog at its default
 * width and at 360 px into DIR (with "-dark" under a dark style).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aimak-area-changes-dialog.h"
#include "aimak-export-dialog.h"
#include "aimak-import-dialog-private.h"
#include "aimak-programme-dialog.h"
#include "aimak-send-dialog.h"
#include "aimak-test-gui.h"
#include "aimak-test-util.h"
#include "aimak-window.h"

#define JETI_OGUZ "KG02210000000"
#define TON       "KG02220815000"
#define NARROW    360

typedef struct
{
  AimakTestDb  base;
  AimakWindow *window;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  aimak_test_db_set_up (&f->base, data);
  f->window = aimak_window_new (NULL, f->base.db);
  gtk_window_present (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  g_assert_true (aimak_window_select_area (f->window, JETI_OGUZ));
  aimak_test_iterate ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  aimak_test_iterate ();
  aimak_test_db_tear_down (&f->base, data);
}

/* Opens the dialog of @type through @action of the window. */
static GtkWidget *
open_dialog (Fixture    *f,
             const char *action,
             GType       type)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  aimak_test_iterate ();
  dialog = aimak_test_find_toplevel (type);
  g_assert_nonnull (dialog);
  return dialog;
}

/* @dialog's minimum width, window frame included, is at most 360 px; with
 * AIMAK_TEST_SCREENSHOTS, PNGs of it at its default width and at 360 px. */
static void
assert_fits (GtkWidget  *dialog,
             const char *what)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *dark = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "-dark" : "";
  g_autofree char *wide_png = g_strdup_printf ("%s-%s%s.png", what, language, dark);
  g_autofree char *narrow_png = g_strdup_printf ("%s-narrow-%s%s.png", what, language, dark);
  GtkWidget *best = NULL;
  int best_min = 0;
  int min = 0;

  aimak_test_save_png (dialog, wide_png, 300);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  aimak_test_widest (gtk_widget_get_first_child (dialog), &best, &best_min);
  g_test_message ("%s (%s): %d px; widest inside: %s, %d px", what, language, min,
                  best ? G_OBJECT_TYPE_NAME (best) : "-", best_min);
  g_assert_cmpint (min, <=, NARROW);
  gtk_window_set_default_size (GTK_WINDOW (dialog), NARROW, 700);
  aimak_test_save_png (dialog, narrow_png, 300);
}

/* A dialog that is only opened and measured. */
typedef struct
{
  const char *action;
  GType     (*get_type) (void);
  const char *name;
} Plain;

static const Plain export_dialog = { "win.export", aimak_export_dialog_get_type, "export-dialog" };
static const Plain send_dialog = { "win.send-data", aimak_send_dialog_get_type, "send-dialog" };
static const Plain programme_dialog = { "win.programme-document",
                                        aimak_programme_dialog_get_type, "programme-dialog" };

static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  const Plain *plain = data;
  GtkWidget *dialog = open_dialog (f, plain->action, plain->get_type ());

  assert_fits (dialog, plain->name);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Before a change list is chosen, and with one that renames an area. */
static void
test_area_changes (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, "win.apply-area-changes", AIMAK_TYPE_AREA_CHANGES_DIALOG);
  g_autofree char *path = g_build_filename (f->base.dir, "changes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_fits (dialog, "area-changes-dialog");
  g_assert_true (g_file_set_contents (path,
    "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"
    "2025-01-01,renamed," TON ",,Ton-Renamed,,,,Test law 7\n", -1, NULL));
  aimak_area_changes_dialog_load_file (AIMAK_AREA_CHANGES_DIALOG (dialog), file);
  aimak_test_iterate ();
  assert_fits (dialog, "area-changes-dialog-loaded");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The first step (choose a file). The preview of a file is only measured: its
 * header holds four labelled buttons (Choose Another File…, Cancel, Import Only
 * Good Rows, Import), wider than 360 px in any language. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, "win.import-csv", AIMAK_TYPE_IMPORT_DIALOG);
  AimakImportDialog *import = AIMAK_IMPORT_DIALOG (dialog);
  g_autofree char *path = g_build_filename (f->base.dir, "values.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *best = NULL;
  int best_min = 0;
  int min = 0;

  g_assert_cmpstr (aimak_import_dialog_get_step (import), ==, "choose");
  assert_fits (dialog, "import-dialog");

  g_assert_true (g_file_set_contents (path,
    "area,indicator,year,sex,value,source,note\n"
    JETI_OGUZ ",RETURNEES,2022,F,41,Jeti-Oguz rayon,\n"
    JETI_OGUZ ",NO_SUCH_INDICATOR,2022,T,5,Jeti-Oguz rayon,\n", -1, NULL));
  aimak_import_dialog_load_file (import, file);
  while (!g_str_equal (aimak_import_dialog_get_step (import), "preview")
         && g_get_monotonic_time () < end)
    aimak_test_wait_ms (50);
  g_assert_cmpstr (aimak_import_dialog_get_step (import), ==, "preview");
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  aimak_test_widest (gtk_widget_get_first_child (dialog), &best, &best_min);
  g_test_message ("import-dialog preview (%s): %d px, not asserted; widest inside: %s, %d px",
                  g_getenv ("LANGUAGE"), min, G_OBJECT_TYPE_NAME (best), best_min);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  const char *language = aimak_test_take_language (&argc, argv);

  aimak_test_gui_init (&argc, &argv);
  adw_init ();
  /* A run in another language must really be translated. */
  if (!g_str_equal (language, "en"))
    g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Cancel"), !=, "_Cancel");
  g_test_add ("/dialogs-narrow/export", Fixture, &export_dialog, set_up, test_plain, tear_down);
  g_test_add ("/dialogs-narrow/send", Fixture, &send_dialog, set_up, test_plain, tear_down);
  g_test_add ("/dialogs-narrow/programme", Fixture, &programme_dialog, set_up, test_plain,
              tear_down);
  g_test_add ("/dialogs-narrow/area-changes", Fixture, NULL, set_up, test_area_changes,
              tear_down);
  g_test_add ("/dialogs-narrow/import", Fixture, NULL, set_up, test_import, tear_down);
  return g_test_run ();
}
