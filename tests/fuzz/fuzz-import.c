/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c — the indicator import on arbitrary files: the preview the
 * dialog shows and a full check (AIMAK_IMPORT_CHECK, which writes nothing)
 * against a real database with the reference data, and the same bytes as a
 * stream (standard input), which must give the same verdict. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "aimak-core.h"
#include "aimak-fuzz.h"

static char *dir;
static char *csv_path;
static AimakDb *db;

static void
cleanup (void)
{
  g_clear_pointer (&db, aimak_db_unref);
  if (dir)
    {
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_autofree char *db_path = g_build_filename (dir, "aimak.db", NULL);
      g_autofree char *wal = g_build_filename (dir, "aimak.db-wal", NULL);
      g_autofree char *shm = g_build_filename (dir, "aimak.db-shm", NULL);

      g_unlink (csv_path);
      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (backups);
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
  dir = g_dir_make_tmp ("aimak-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "aimak.db", NULL);
  csv_path = g_build_filename (dir, "input.csv", NULL);
  db = aimak_db_open (db_path, AIMAK_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  atexit (cleanup);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(AimakImportReport) report = NULL;
  gint64 before, after;

  if (!g_file_set_contents (csv_path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  preview = aimak_import_preview (db, file, 50, &error);
  if (preview == NULL && (error == NULL || *error->message == '\0'))
    __builtin_trap ();
  g_clear_error (&error);

  before = aimak_db_query_int (db, -1, NULL, "SELECT total_changes()", NULL);
  report = aimak_import_indicators (db, file, AIMAK_IMPORT_CHECK, NULL, NULL, NULL, &error);
  if (report == NULL && (error == NULL || *error->message == '\0'))
    __builtin_trap ();
  after = aimak_db_query_int (db, -1, NULL, "SELECT total_changes()", NULL);
  /* CHECK mode never writes, whatever the input. */
  if (after != before || (report && (report->committed || report->inserted)))
    __builtin_trap ();
  if (aimak_db_in_transaction (db))
    __builtin_trap ();

  /* The same bytes as standard input (a stream read once, as for
   * `import-indicators -`): the same verdict, messages naming "<stdin>". */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
    g_autoptr(GError) stream_error = NULL;
    AimakImportRun run = { AIMAK_IMPORT_CHECK, NULL, NULL, NULL, NULL, G_MAXUINT };
    g_autoptr(AimakImportReport) piped =
      aimak_import_indicators_stream (db, in, "<stdin>", 0, &run, &stream_error);

    if ((piped == NULL) != (report == NULL))
      __builtin_trap ();
    if (piped == NULL && (stream_error == NULL || strstr (stream_error->message, "<stdin>") == NULL))
      __builtin_trap ();
    if (piped && (piped->good_rows != report->good_rows || piped->bad_rows != report->bad_rows ||
                  piped->committed))
      __builtin_trap ();
    if (aimak_db_query_int (db, -1, NULL, "SELECT total_changes()", NULL) != after)
      __builtin_trap ();
  }
  return 0;
}
