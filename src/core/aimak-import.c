/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import.c — CSV import of indicator values: the rows that
 * aimak-import-parse.c read and checked, written in one transaction.
 * The file is read record by record; what stays in memory is the lookup
 * tables of areas and indicators and the list of bad rows. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-import-private.h"
#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-db-private.h"

G_DEFINE_QUARK (aimak-import-error-quark, aimak_import_error)

/* How often (in bytes read) the progress callback is called. */
#define PROGRESS_STEP (256 * 1024)

void
aimak_import_report_free (AimakImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

void
aimak_import_preview_row_free (AimakImportPreviewRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < AIMAK_IMPORT_N_COLS; i++)
    g_free (row->fields[i]);
  g_free (row->reason);
  g_free (row);
}
/* ---- writing ---- */

typedef struct
{
  AimakImportReport *report;
  char              *now;
  /* This desk's id (schema 4), or NULL: new values then get their identity
   * from the insert trigger. Set here, the trigger's per-row UPDATE is saved,
   * which at 700,000 rows is most of an import's time. */
  char              *desk;
  /* The new values' UUIDs rise through one import (see next_uuid()). */
  guint64            uuid_base;
  guint64            uuid_count;
} Writer;

/* A version 4 UUID (random, RFC 4122 layout) whose first 48 bits count up from
 * a random start through one import; the other 74 random bits come fresh for
 * every value. Identities stay as unique as g_uuid_string_random()'s, but each
 * new value lands at the end of the index on uuid instead of on a random page
 * of it: random keys made SQLite spill and rewrite most of that index's pages
 * for every few rows, which made a 50 MB import 2.7 times slower than before
 * schema 4. */
static char *
next_uuid (Writer *w)
{
  guint64 head = (w->uuid_base + w->uuid_count++) & G_GUINT64_CONSTANT (0xffffffffffff);
  guint32 r1 = g_random_int (), r2 = g_random_int (), r3 = g_random_int ();

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          (guint32) (head >> 16), (guint32) (head & 0xffff),
                          r1 & 0xfff, 0x8000 | ((r1 >> 12) & 0x3fff),
                          r2 & 0xffff, r3);
}

/* Inserts the row, or updates the value with the same (area, indicator,
 * year, sex, source) — restoring it if it was deleted. */
static gboolean
write_row (AimakDb    *db,
           Writer     *w,
           const Row  *row,
           GError    **error)
{
  char sex[2] = { row->sex, '\0' };
  g_autofree char *new_text = _aimak_indicator_format_value (row->value);
  gint64 id = 0;
  double old_value = NAN, original_value = NAN;
  g_autofree char *old_note = NULL, *original_source = NULL;
  gboolean deleted = FALSE, is_reference = FALSE;

  {
    g_autoptr(AimakStmt) st = NULL;

    if (!aimak_db_first_row (db, &st, error,
                             "SELECT id, value, note, deleted_at IS NOT NULL, "
                             "is_reference, original_value, original_source "
                             "FROM indicator_value WHERE area_code = ? AND "
                             "indicator_code = ? AND year = ? AND sex = ? "
                             "AND source = ?",
                             "ttitt", row->area_code, row->indicator->code,
                             row->year, sex, row->source))
      return FALSE;
    if (st != NULL)
      {
        id = sqlite3_column_int64 (st, 0);
        old_value = aimak_stmt_double_or_nan (st, 1);
        old_note = g_strdup (aimak_stmt_text (st, 2));
        deleted = sqlite3_column_int (st, 3) != 0;
        is_reference = sqlite3_column_int (st, 4) != 0;
        original_value = aimak_stmt_double_or_nan (st, 5);
        original_source = g_strdup ((const char *) sqlite3_column_text (st, 6));
      }
  }

  if (id == 0)
    {
      g_autofree char *uuid = w->desk ? next_uuid (w) : NULL;

      if (!aimak_db_exec (db, error,
                          "INSERT INTO indicator_value (area_code, indicator_code, year, sex, "
                          "value, source, note, is_reference, updated_at, uuid, origin_desk, "
                          "changed_by_desk) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                          "ttitdtttttt", row->area_code, row->indicator->code, row->year, sex,
                          row->value, row->source, row->note ? row->note : "", w->now, uuid,
                          w->desk, w->desk))
        return FALSE;
      id = sqlite3_last_insert_rowid (aimak_db_get_handle (db));
      w->report->inserted++;
      return _aimak_indicator_log_value (db, w->now, id, "import", "value", NULL, new_text, error);
    }

  {
    g_autofree char *old_text = _aimak_indicator_format_value (old_value);
    const char *note = row->note ? row->note : old_note;
    gboolean value_changed = g_strcmp0 (old_text, new_text) != 0;
    gboolean note_changed = g_strcmp0 (old_note, note) != 0;

    if (!value_changed && !note_changed && !deleted)
      {
        w->report->unchanged++;
        return TRUE;
      }
    /* As in the editor: a corrected reference figure keeps what was published. */
    if (is_reference && value_changed && isnan (original_value))
      {
        original_value = old_value;
        g_free (original_source);
        original_source = g_strdup (row->source);
      }
    if (!aimak_db_exec (db, error,
                        "UPDATE indicator_value SET value = ?, note = ?, deleted_at = NULL, "
                        "original_value = ?, original_source = ?, updated_at = ? WHERE id = ?",
                        "dtdttI", row->value, note, original_value, original_source, w->now, id) ||
        (deleted &&
         !_aimak_indicator_log_value (db, w->now, id, "undelete", "", NULL, NULL, error)) ||
        (value_changed &&
         !_aimak_indicator_log_value (db, w->now, id, "import", "value", old_text, new_text,
                                      error)) ||
        (note_changed &&
         !_aimak_indicator_log_value (db, w->now, id, "import", "note", old_note, note, error)))
      return FALSE;
    w->report->updated++;
  }
  return TRUE;
}

AimakImportReport *
aimak_import_indicators (AimakDb              *db,
                         GFile                *file,
                         AimakImportMode       mode,
                         GCancellable         *cancellable,
                         AimakImportProgress   progress,
                         gpointer              user_data,
                         GError              **error)
{
  AimakImportRun run = { mode, cancellable, progress, NULL, user_data, G_MAXUINT };

  return aimak_import_indicators_full (db, file, &run, error);
}

AimakImportReport *
aimak_import_indicators_full (AimakDb               *db,
                              GFile                 *file,
                              const AimakImportRun  *run,
                              GError               **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *display = NULL;
  guint64 total_bytes = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  in = import_open_file (file, &display, &total_bytes, run->cancellable, error);
  if (in == NULL)
    return NULL;
  return aimak_import_indicators_stream (db, in, display, total_bytes, run, error);
}


/* ---- importing ---- */

/* One run of the import over a file. */
typedef struct
{
  Importer                *imp;
  AimakImportReport       *report;
  Writer                   w;
  AimakImportMode          mode;
  gboolean                 in_transaction;
  gboolean                 writing;        /* rows are still written */
  GCancellable            *cancellable;
  AimakImportProgress      progress;
  AimakImportProblemFunc   on_problem;
  gpointer                 user_data;
  guint                    max_problems;
  GHashTable              *seen;           /* row key → line */
  guint64                  last_progress;
  guint                    rows;
} Import;

/* All or nothing, or nothing good: the rows written are rolled back, and that is
 * no error. */
static GQuark
import_discard_quark (void)
{
  return g_quark_from_static_string ("aimak-import-discard-quark");
}

static void
add_problem (Import *im,
             char   *reason)
{
  AimakProblem *p = aimak_problem_new_take (NULL, AIMAK_PROBLEM_ERROR, reason);

  p->line = aimak_csv_reader_get_line (im->imp->reader);
  if (im->on_problem)
    im->on_problem (p, im->user_data);
  if (im->report->problems->len < im->max_problems)
    g_ptr_array_add (im->report->problems, p);
  else
    aimak_problem_free (p);
}

/* Two rows for one value: which is right cannot be guessed, and the last one
 * silently winning would hide it. Refuses the file. */
static gboolean
check_repeat (Import     *im,
              const Row  *row,
              GError    **error)
{
  g_autofree char *key = import_row_key (row);
  guint line = aimak_csv_reader_get_line (im->imp->reader);
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (im->seen, key));

  if (first)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_DUPLICATE,
                   _("%s:%u: this row repeats line %u (the same area, indicator, "
                     "year, sex and source); nothing was imported. Keep one of the "
                     "two lines."), im->imp->display, line, first);
      return FALSE;
    }
  g_hash_table_insert (im->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
  return TRUE;
}

/* One record: checked, and written when it is good and rows are still written.
 * @error is set for a repeated row (*@fatal) or a failed write. */
static gboolean
import_record (Import     *im,
               GPtrArray  *fields,
               gboolean   *fatal,
               GError    **error)
{
  AimakDb *db = im->imp->db;
  Row row;
  char *reason = import_check_record (im->imp, fields, &row);
  gboolean ok = TRUE;

  if (reason == NULL && !check_repeat (im, &row, error))
    {
      import_row_clear (&row);
      *fatal = TRUE;
      return FALSE;
    }
  if (reason)
    {
      im->report->bad_rows++;
      add_problem (im, reason);
      /* All or nothing: the rest is still checked, so the user sees every bad
       * row at once, but no longer written. */
      if (im->mode == AIMAK_IMPORT_ALL_OR_NOTHING)
        im->writing = FALSE;
      return TRUE;
    }
  im->report->good_rows++;
  if (im->writing && !write_row (db, &im->w, &row, error))
    {
      g_prefix_error (error, "%s:%u: ", im->imp->display,
                      aimak_csv_reader_get_line (im->imp->reader));
      ok = FALSE;
    }
  import_row_clear (&row);
  return ok;
}

static void
report_progress (Import *im)
{
  guint64 done;

  if (im->progress == NULL)
    return;
  done = aimak_csv_reader_get_offset (im->imp->reader);
  if (done - im->last_progress >= PROGRESS_STEP)
    {
      im->last_progress = done;
      im->progress (done, MAX (im->imp->total_bytes, done), im->user_data);
    }
}

/* Every record of the file; FALSE with @error (already naming the file and line)
 * when the file cannot be read, a row repeats another or a write fails. */
static gboolean
import_records (Import  *im,
                GError **error)
{
  GPtrArray *fields = NULL;
  GError *local_error = NULL;
  gboolean fatal = FALSE;

  while (aimak_csv_reader_next (im->imp->reader, &fields, im->cancellable, &local_error))
    {
      if (import_all_blank (fields))
        continue;
      im->rows++;
      if ((im->rows & 1023) == 0 &&
          g_cancellable_set_error_if_cancelled (im->cancellable, &local_error))
        break;
      if (!import_record (im, fields, &fatal, &local_error))
        {
          if (fatal)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          break;
        }
      report_progress (im);
    }
  if (local_error)
    {
      if (local_error->domain == AIMAK_CSV_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        import_reader_error (im->imp, local_error, error);
      else
        g_propagate_error (error, local_error);
      return FALSE;
    }
  if (im->rows == 0)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_EMPTY,
                   _("%s: the file has a header but no data rows."), im->imp->display);
      return FALSE;
    }
  return TRUE;
}

/* The records, then, when writing, the import in the change log, or a discard when
 * nothing is to be kept. */
static gboolean
import_rows (AimakDb   *db,
             gpointer   user_data,
             GError   **error)
{
  Import *im = user_data;
  AimakImportReport *report = im->report;
  g_autofree char *log_name = NULL;
  g_autofree char *summary = NULL;

  if (!import_records (im, error))
    return FALSE;
  if (!im->in_transaction)
    return TRUE;
  if (report->good_rows == 0 || (im->mode != AIMAK_IMPORT_SKIP_BAD && report->bad_rows > 0))
    {
      g_set_error_literal (error, import_discard_quark (), 0, "discarded");
      return FALSE;
    }
  /* The log names the file, not the folders it was in. */
  log_name = g_path_get_basename (im->imp->display);
  summary = g_strdup_printf ("inserted=%u updated=%u unchanged=%u bad_rows_skipped=%u",
                             report->inserted, report->updated, report->unchanged,
                             report->bad_rows);
  return aimak_db_log_change_at (db, im->w.now, "import", log_name, "import", "", NULL, summary,
                                 error);
}

/* Every insert or update of a value is a statement with a trigger (schema 4),
 * so SQLite keeps a statement journal of the pages it changes. With the
 * default temp_store that journal soon becomes a temporary file, and every
 * row then costs about ten write() calls: that, not the triggers' work, made
 * a 50 MB import 2.7 times slower than before schema 4. The journal holds one
 * statement's pages at a time, so keeping it in memory costs a few KiB. The
 * setting is put back afterwards; outside a transaction, changing it drops
 * nothing but temporary tables, of which an import has none. */
static gboolean
import_with_memory_temp_store (AimakDb  *db,
                               Import   *im,
                               GError  **error)
{
  gint64 saved = aimak_db_query_int (db, 0, NULL, "PRAGMA temp_store", NULL);
  gboolean own = !aimak_db_in_transaction (db);
  gboolean ok;

  if (own)
    aimak_db_exec_script (db, "PRAGMA temp_store = MEMORY", NULL);
  ok = aimak_db_run_in_transaction (db, import_rows, im, error);
  if (own && saved != 2)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA temp_store = %d", (int) saved);
      aimak_db_exec_script (db, restore, NULL);
    }
  return ok;
}

/* Checking reads the file; importing reads it inside one transaction, kept only
 * when the mode says so. */
static gboolean
run_import (Import   *im,
            GError  **error)
{
  GError *local_error = NULL;
  gboolean ok;

  if (!im->in_transaction)
    return import_rows (im->imp->db, im, error);
  ok = import_with_memory_temp_store (im->imp->db, im, &local_error);
  if (ok)
    {
      im->report->committed = TRUE;
      return TRUE;
    }
  if (local_error->domain == import_discard_quark ())
    {
      g_error_free (local_error);
      im->report->inserted = im->report->updated = im->report->unchanged = 0;
      return TRUE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

AimakImportReport *
aimak_import_indicators_stream (AimakDb               *db,
                                GInputStream          *in,
                                const char            *display,
                                guint64                total_bytes,
                                const AimakImportRun  *run,
                                GError               **error)
{
  g_auto(Importer) imp = { 0 };
  g_autoptr(AimakImportReport) report = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *now = NULL;
  g_autofree char *desk = NULL;
  Import im = { 0 };
  guint64 end;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (run != NULL, NULL);

  if (!importer_open (&imp, db, in, display, total_bytes, run->cancellable, error))
    return NULL;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report = g_new0 (AimakImportReport, 1);
  report->problems = aimak_problem_list_new ();
  now = aimak_db_now ();
  im.imp = &imp;
  im.report = report;
  im.w.report = report;
  im.w.now = now;
  if (run->mode != AIMAK_IMPORT_CHECK)
    desk = aimak_db_query_text (db, NULL, "SELECT id FROM desk WHERE is_self = 1", NULL);
  im.w.desk = desk;
  im.w.uuid_base = ((guint64) g_random_int () << 16) ^ g_random_int ();
  im.mode = run->mode;
  im.in_transaction = im.writing = run->mode != AIMAK_IMPORT_CHECK;
  im.cancellable = run->cancellable;
  im.progress = run->progress;
  im.on_problem = run->on_problem;
  im.user_data = run->user_data;
  im.max_problems = run->max_problems;
  im.seen = seen;
  if (!run_import (&im, error))
    return NULL;
  end = MAX (imp.total_bytes, aimak_csv_reader_get_offset (imp.reader));
  if (run->progress)
    run->progress (end, end, run->user_data);
  return g_steal_pointer (&report);
}
