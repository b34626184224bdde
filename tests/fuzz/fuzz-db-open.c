/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-db-open.c — opening a database file with arbitrary contents, read-only
 * and read-write, and then using it (integrity and foreign-key checks, record
 * counts, the area list), as the app does with whatever file it is given. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "aimak-core.h"
#include "aimak-db-private.h"
#include "aimak-fuzz.h"

static char *dir;
static char *db_path;
static GFile *no_reference;

static void
clear_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (p);
    }
  /* Backups made before a migration of a fuzzed file. */
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (backups, name, NULL);
      g_unlink (p);
    }
  g_rmdir (backups);
}

static void
cleanup (void)
{
  if (dir)
    {
      clear_files ();
      g_rmdir (dir);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  dir = g_dir_make_tmp ("aimak-fuzz-db-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "input.db", NULL);
  /* A file that needs the first migration would load the whole reference
   * data (a second per input); without it the migration fails and is rolled
   * back, which is the path worth fuzzing. */
  no_reference = g_file_new_build_filename (dir, "no-reference", NULL);
  atexit (cleanup);
  return 0;
}

static void
use (AimakDb *db)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  aimak_db_check (db, report, NULL);
  areas = aimak_area_list (db, -1, NULL);
  (void) aimak_db_get_version (db);
  backups = aimak_backup_list (aimak_db_get_path (db), NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const AimakDbFlags flags[] = { AIMAK_DB_OPEN_READ_ONLY, AIMAK_DB_OPEN_DEFAULT };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(AimakDb) db = NULL;

      clear_files ();
      if (!g_file_set_contents (db_path, (const char *) data, size, &error))
        g_error ("%s", error->message);
      db = aimak_db_open_with_reference (db_path, flags[i], no_reference, &error);
      if (db == NULL)
        {
          /* Refused: with a message, and the file exactly as it was. */
          g_autofree char *contents = NULL;
          gsize len = 0;

          if (error == NULL || *error->message == '\0')
            __builtin_trap ();
          if (!g_file_get_contents (db_path, &contents, &len, NULL) || len != size ||
              (size > 0 && memcmp (contents, data, size) != 0))
            __builtin_trap ();
          g_clear_error (&error);
          continue;
        }
      use (db);
      if ((flags[i] & AIMAK_DB_OPEN_READ_ONLY) && !aimak_db_is_read_only (db))
        __builtin_trap ();
    }
  clear_files ();
  return 0;
}
