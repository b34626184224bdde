/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-private.h — what the two halves of the import share: reading and
 * checking a file (aimak-import-parse.c: the header, the lookups of areas and
 * indicators, every row checked with the editor's rules, the preview) and writing
 * it (aimak-import.c: one transaction for all the rows, the change log). Also the
 * import's test hooks.
 */
#pragma once

#include "aimak-csv.h"
#include "aimak-import.h"
#include "aimak-indicator.h"

G_BEGIN_DECLS

/* First byte of an area-name entry shared by several areas. */
#define AMBIGUOUS '\x01'

typedef struct
{
  AimakDb        *db;
  char           *display;          /* the file's name in messages */
  guint64         total_bytes;
  AimakCsvReader *reader;
  int             cols[AIMAK_IMPORT_N_COLS];
  guint           n_header;
  gboolean        decimal_comma;
  GHashTable     *area_codes;       /* upper-case code → code */
  GHashTable     *area_names;       /* casefolded name → code, or AMBIGUOUS + codes */
  GHashTable     *area_refusals;    /* code → why this desk may not write it, or "" */
  GHashTable     *indicators;       /* code → AimakIndicator * */
} Importer;

G_GNUC_INTERNAL void  importer_clear (Importer *imp);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

/* One checked row of the file. */
typedef struct
{
  const char           *area_code;   /* owned by the lookups */
  const AimakIndicator *indicator;   /* owned by the lookups */
  int                   year;
  char                  sex;
  double                value;
  char                 *source;
  char                 *note;        /* NULL when the file has no note column */
} Row;

G_GNUC_INTERNAL gboolean      importer_open        (Importer      *imp,
                                                    AimakDb       *db,
                                                    GInputStream  *in,
                                                    const char    *display,
                                                    guint64        total_bytes,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
G_GNUC_INTERNAL GInputStream *import_open_file     (GFile         *file,
                                                    char         **display,
                                                    guint64       *total_bytes,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
G_GNUC_INTERNAL void          import_reader_error  (Importer      *imp,
                                                    GError        *cause,
                                                    GError       **error);
G_GNUC_INTERNAL void          import_row_clear     (Row           *row);
G_GNUC_INTERNAL gboolean      import_all_blank     (GPtrArray     *fields);
/* NULL with @row filled when the record is a good row, else why it is not. */
G_GNUC_INTERNAL char         *import_check_record  (Importer      *imp,
                                                    GPtrArray     *fields,
                                                    Row           *row);
G_GNUC_INTERNAL char         *import_row_key       (const Row     *row);

/* Test hook: aimak_import_indicators_stream() on a file. */
AimakImportReport *aimak_import_indicators_full (AimakDb                *db,
                                                 GFile                  *file,
                                                 const AimakImportRun   *run,
                                                 GError                **error);

G_END_DECLS
