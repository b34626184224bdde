/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-csv.h — a streaming RFC 4180 CSV reader: UTF-8 with or without BOM
 * (a doubled BOM too; a U+FEFF inside a field is dropped), comma or semicolon,
 * quoted fields with separators and newlines inside, LF, CRLF or CR lines.
 * UTF-16, UTF-32 and NUL bytes are refused as such, not as "not UTF-8". The
 * stream is read once, from its start: a pipe or standard input works.
 * It never holds more than one record and one read buffer in memory. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMAK_CSV_ERROR (aimak_csv_error_quark ())

typedef enum
{
  AIMAK_CSV_ERROR_ENCODING,
  AIMAK_CSV_ERROR_SYNTAX,
  AIMAK_CSV_ERROR_IO,
  AIMAK_CSV_ERROR_TOO_LONG,    /* a record over AIMAK_CSV_MAX_RECORD bytes, inside quotes */
  AIMAK_CSV_ERROR_LINE_TOO_LONG, /* the same with no quote open: not a CSV table */
  AIMAK_CSV_ERROR_UTF16,       /* UTF-16, with or without a byte order mark */
  AIMAK_CSV_ERROR_UTF32,       /* UTF-32 */
  AIMAK_CSV_ERROR_NUL,         /* a NUL byte: a binary file or a damaged one */
} AimakCsvError;

/* A record this long is not a table row but, almost always, a quote that was
 * never closed: stopping there keeps memory flat whatever the file. */
#define AIMAK_CSV_MAX_RECORD (1024 * 1024)

typedef struct _AimakCsvReader AimakCsvReader;

GQuark          aimak_csv_error_quark        (void);
AimakCsvReader *aimak_csv_reader_new         (GInputStream   *stream,
                                              char            separator);
void            aimak_csv_reader_free        (AimakCsvReader *reader);
/* TRUE with a record in @fields (owned by the reader until the next call);
 * FALSE at the end, or on error with @error set. */
gboolean        aimak_csv_reader_next        (AimakCsvReader *reader,
                                              GPtrArray     **fields,
                                              GCancellable   *cancellable,
                                              GError        **error);
guint           aimak_csv_reader_get_line    (AimakCsvReader *reader);
/* The physical line the reader has reached: for an error, the line of the bad
 * byte (a record may span lines). Lines end with LF, CRLF or a lone CR. */
guint           aimak_csv_reader_get_current_line (AimakCsvReader *reader);
/* Why the last record is malformed although it could be read (a quote inside
 * an unquoted field, text after a closing quote), translated; NULL if it is fine.
 * Owned by the reader until the next call. */
const char     *aimak_csv_reader_get_problem (AimakCsvReader *reader);
guint64         aimak_csv_reader_get_offset  (AimakCsvReader *reader);
char            aimak_csv_reader_get_separator (AimakCsvReader *reader);

/* Column lookup by header name; -1 when absent. */
int             aimak_csv_column             (GPtrArray      *header,
                                              const char     *name);
const char     *aimak_csv_field              (GPtrArray      *fields,
                                              int             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakCsvReader, aimak_csv_reader_free)

G_END_DECLS
