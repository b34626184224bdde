/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-package.c — receiving an exchange package with arbitrary contents: the
 * preview, then applying it (inside a transaction rolled back afterwards, so
 * that every input meets the same database). A package is what arrives by
 * e-mail or on a USB stick from another desk: nothing in it may crash Aimak,
 * and a refused package must say why. */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "aimak-core.h"
#include "aimak-fuzz.h"

static char *dir;
static char *package_path;
static AimakDb *db;

static void
cleanup (void)
{
  g_clear_pointer (&db, aimak_db_unref);
  if (dir)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *p = g_build_filename (dir, name, NULL);
          g_unlink (p);
        }
      g_rmdir (dir);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  dir = g_dir_make_tmp ("aimak-fuzz-package-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "desk.db", NULL);
  package_path = g_build_filename (dir, "input.aimak", NULL);
  /* A real desk's database, with the reference areas and code lists and a few
   * priorities of its own for packages to update or conflict with. */
  db = aimak_db_open (db_path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!aimak_demo_create (db, 30, 5, 1, &error))
    g_error ("%s", error->message);
  atexit (cleanup);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakPackagePreview) preview = NULL;
  guint written = 0;

  if (!g_file_set_contents (package_path, (const char *) data, size, &error))
    g_error ("%s", error->message);
  preview = aimak_package_preview (db, package_path, &error);
  if (preview == NULL)
    {
      if (error == NULL || *error->message == '\0')
        __builtin_trap ();
      return 0;
    }
  for (guint i = 0; i < preview->items->len; i++)
    {
      AimakMergeItem *item = g_ptr_array_index (preview->items, i);
      g_autofree char *label = aimak_package_item_label (item);

      aimak_merge_item_choose_all (item, i % 2 ? AIMAK_MERGE_TAKE_THEIRS : AIMAK_MERGE_KEEP_MINE);
    }
  if (!aimak_db_begin (db, &error))
    g_error ("%s", error->message);
  if (!aimak_package_apply (db, preview, TRUE, &written, &error))
    {
      if (error == NULL)
        __builtin_trap ();
      g_clear_error (&error);
    }
  aimak_db_rollback (db);
  if (aimak_db_in_transaction (db))
    __builtin_trap ();
  return 0;
}
