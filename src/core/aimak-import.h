/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import.h — CSV import of indicator values, shared by the GUI dialog
 * and `aimak-cli import-indicators`. The file is streamed (never read whole),
 * every row validated with the same rules as the editor, and all writes go into
 * one transaction that a bad row (all-or-nothing), a cancellation or an error
 * rolls back.
 *
 * The file: UTF-8 with or without BOM, ',' or ';' separated (detected from the
 * header; an Excel "sep=;" first line is understood), RFC 4180 quoting, LF or CRLF.
 * The first record is the header; column names are matched case-insensitively,
 * ignoring spaces, '_', '-' and '.'; other columns are ignored:
 *   area       area, area code, code, area name, territory;
 *              территория, код территории, код, район, аймак; аймак коду, аймактын коду
 *   indicator  indicator, indicator code; показатель, код показателя;
 *              көрсөткүч, көрсөткүч коду, көрсөткүчтүн коду
 *   year       year; год; жыл
 *   sex        sex, gender; пол; жыныс, жынысы
 *   value      value; значение; маани, мааниси
 *   source     source; источник; булак, булагы
 *   note       note, notes, comment, comments; примечание, комментарий; эскертүү,
 *              эскертме (optional)
 * All but note are required; a file without them is refused. Areas are given by
 * code (any case) or by exact name (en/ru/ky, case-insensitive; a name shared by
 * several areas is refused, naming their codes). Indicators by code (any case).
 * Sex as aimak_indicator_parse_sex() reads it. A value is "1234.5", "1 234,5", or
 * "12,5" when the separator is ';' (see aimak_indicator_parse_number()). Rows that
 * are entirely empty are skipped. An existing (area, indicator, year, sex, source)
 * is updated, a soft-deleted one restored. Two rows of one file for the same
 * (area, indicator, year, sex, source) refuse the whole file (both lines named).
 * A row with a stray quote ("Te"st", "Test"junk) is a bad row saying why.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-problem.h"

G_BEGIN_DECLS

#define AIMAK_IMPORT_ERROR (aimak_import_error_quark ())

typedef enum
{
  AIMAK_IMPORT_ERROR_HEADER,     /* no recognised header / a required column missing */
  AIMAK_IMPORT_ERROR_ENCODING,   /* not UTF-8 (e.g. Windows-1251) */
  AIMAK_IMPORT_ERROR_SYNTAX,     /* e.g. a quote not closed before the end */
  AIMAK_IMPORT_ERROR_IO,
  AIMAK_IMPORT_ERROR_EMPTY,      /* a header but no data rows, or nothing at all */
  AIMAK_IMPORT_ERROR_DUPLICATE,  /* two rows for the same (area, indicator, year, sex, source) */
} AimakImportError;


typedef struct
{
  guint      good_rows;
  guint      bad_rows;
  GPtrArray *problems;           /* AimakProblem * (line set, field NULL), all of them, by line */
  guint      inserted;           /* values written as new (0 in CHECK mode or when not committed) */
  guint      updated;            /* existing values whose value/note changed */
  guint      unchanged;          /* existing values identical to the row */
  gboolean   committed;          /* the writes were committed */
} AimakImportReport;

/* Called from the thread that runs the import, after each chunk of the file. */
typedef void (*AimakImportProgress) (guint64  bytes_done,
                                     guint64  bytes_total,
                                     gpointer user_data);

typedef enum
{
  AIMAK_IMPORT_CHECK,            /* validate only (preview, --dry-run) */
  AIMAK_IMPORT_ALL_OR_NOTHING,   /* import only if there is no bad row */
  AIMAK_IMPORT_SKIP_BAD,         /* import the good rows */
} AimakImportMode;

GQuark             aimak_import_error_quark (void);

/* Returns NULL with @error for a problem of the whole file (cannot be read, not
 * UTF-8, no header, unclosed quote, two rows for one value, cancelled, database error) — its message names
 * the file and, where there is one, the line. Otherwise a report; with bad rows in
 * ALL_OR_NOTHING mode nothing is written and report->committed is FALSE.
 * Change log (entity "indicator_value"): a new value gets action "import", field
 * "value", new_value; a changed value action "import", field "value" and/or "note"
 * with old and new; a deleted value that the file brings back also "undelete". Plus
 * one entry (entity "import", entity_id the file name) summing up the import.
 * Run it on its own AimakDb connection when other threads use the database. */
AimakImportReport *aimak_import_indicators  (AimakDb             *db,
                                             GFile               *file,
                                             AimakImportMode      mode,
                                             GCancellable        *cancellable,
                                             AimakImportProgress  progress,
                                             gpointer             user_data,
                                             GError             **error);

/* Called for each bad row as soon as it is found (from the importing thread). */
typedef void (*AimakImportProblemFunc) (const AimakProblem *problem,
                                        gpointer                  user_data);

/* How one import runs, besides its input: the @mode, @cancellable and
 * @progress of aimak_import_indicators(), and @on_problem, called for each bad
 * row, with at most @max_problems of them kept in report->problems
 * (report->bad_rows still counts all): with a callback and a small
 * @max_problems, memory stays flat even for a huge file of bad rows.
 * @user_data goes to both callbacks. */
typedef struct
{
  AimakImportMode         mode;
  GCancellable           *cancellable;
  AimakImportProgress     progress;
  AimakImportProblemFunc  on_problem;
  gpointer                user_data;
  guint                   max_problems;
} AimakImportRun;

/* As aimak_import_indicators(), as @run says, reading @in once from where it
 * is (a pipe or standard input works). @display names the input in messages
 * as the user gave it ("data.csv", "../x.csv", "<stdin>"); @total_bytes is for
 * the progress (0 when unknown). The GFile variants name the file by its full
 * path. */
AimakImportReport *aimak_import_indicators_stream (AimakDb                *db,
                                                   GInputStream           *in,
                                                   const char             *display,
                                                   guint64                 total_bytes,
                                                   const AimakImportRun   *run,
                                                   GError                **error);

/* The columns of a preview row, in this order whatever the file's order. */
typedef enum
{
  AIMAK_IMPORT_COL_AREA,
  AIMAK_IMPORT_COL_INDICATOR,
  AIMAK_IMPORT_COL_YEAR,
  AIMAK_IMPORT_COL_SEX,
  AIMAK_IMPORT_COL_VALUE,
  AIMAK_IMPORT_COL_SOURCE,
  AIMAK_IMPORT_COL_NOTE,
  AIMAK_IMPORT_N_COLS,
} AimakImportColumn;

typedef struct
{
  guint  line;
  char  *fields[AIMAK_IMPORT_N_COLS];   /* as written in the file ("" when absent) */
  char  *reason;                        /* NULL if good; translated */
} AimakImportPreviewRow;

/* The first @max_rows data rows with their status, AimakImportPreviewRow *.
 * File-level problems as for aimak_import_indicators(); a file with a header and
 * no data rows is AIMAK_IMPORT_ERROR_EMPTY. */
GPtrArray         *aimak_import_preview     (AimakDb             *db,
                                             GFile               *file,
                                             guint                max_rows,
                                             GError             **error);

void               aimak_import_report_free      (AimakImportReport     *report);
void               aimak_import_preview_row_free (AimakImportPreviewRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakImportReport, aimak_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakImportPreviewRow, aimak_import_preview_row_free)

G_END_DECLS
