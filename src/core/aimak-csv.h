/* aimak-csv.h — a streaming RFC 4180 CSV reader: UTF-8 with or without BOM,
 * comma or semicolon, quoted fields with separators and newlines inside.
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
  AIMAK_CSV_ERROR_TOO_LONG,    /* a record over AIMAK_CSV_MAX_RECORD bytes */
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
guint64         aimak_csv_reader_get_offset  (AimakCsvReader *reader);
char            aimak_csv_reader_get_separator (AimakCsvReader *reader);

/* Column lookup by header name; -1 when absent. */
int             aimak_csv_column             (GPtrArray      *header,
                                              const char     *name);
const char     *aimak_csv_field              (GPtrArray      *fields,
                                              int             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakCsvReader, aimak_csv_reader_free)

G_END_DECLS
