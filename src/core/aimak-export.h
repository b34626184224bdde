/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export.h — the Excel workbook that ministries and donors receive: cover,
 * profile, priorities (an Excel table), indicators, capacity building, gender budget
 * and alignment sheets, in English, Russian or Kyrgyz, for one area with everything
 * below it, the pilot areas or all areas. Written with libxlsxwriter to a temporary
 * file beside the target and renamed over it only when complete.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-summary.h"

G_BEGIN_DECLS

#define AIMAK_EXPORT_ERROR (aimak_export_error_quark ())

typedef enum
{
  AIMAK_EXPORT_ERROR_INVALID,    /* bad options: language, threshold, scope */
  AIMAK_EXPORT_ERROR_PATH,       /* the target cannot be written (folder, read-only...) */
  AIMAK_EXPORT_ERROR_NO_SPACE,   /* the disk is full */
  AIMAK_EXPORT_ERROR_WRITE,      /* libxlsxwriter or the file system failed otherwise */
  AIMAK_EXPORT_ERROR_REFUSED,    /* the target is a database, a backup or not a workbook */
  AIMAK_EXPORT_ERROR_EXISTS,     /* the target is a workbook and replace was not asked for */
} AimakExportError;

#define AIMAK_EXPORT_DEFAULT_THRESHOLD 5

typedef struct
{
  AimakScope  scope;
  char       *lang;             /* "en", "ru" or "ky"; NULL = "en" */
  gboolean    suppress_small;   /* small counts of migrant/returnee women as "<N" */
  int         threshold;        /* N; 0 = AIMAK_EXPORT_DEFAULT_THRESHOLD */
  gboolean    replace;          /* an existing workbook at the target may be replaced */
} AimakExportOptions;

/* Called from the exporting thread with 0 ≤ @fraction ≤ 1, at most about 200 times. */
typedef void (*AimakExportProgress) (double   fraction,
                                     gpointer user_data);

/* What an export wrote: the benchmark writes as many cells with a bare libxlsxwriter
 * program to find the floor. */
typedef struct
{
  guint64  n_strings;
  guint64  n_numbers;          /* numbers and dates */
  guint64  n_formulas;
  guint64  string_bytes;       /* total UTF-8 length of the strings */
  guint    n_priorities;
  guint    n_activities;
  guint    n_profile_rows;
  guint    n_indicator_rows;
  gboolean constant_memory;    /* written in libxlsxwriter's constant_memory mode */
} AimakExportStats;

GQuark    aimak_export_error_quark      (void);

/* Writes the workbook to @path. On failure or cancellation nothing is left at @path
 * (an existing file there stays as it was) and no temporary file remains. The
 * database is read in one read transaction: @db must not be used by another
 * thread meanwhile (the app opens a connection of its own for the export thread). */
gboolean  aimak_export_workbook         (AimakDb                   *db,
                                         const AimakExportOptions  *opts,
                                         const char                *path,
                                         GCancellable              *cancellable,
                                         AimakExportProgress        progress,
                                         gpointer                   progress_data,
                                         GError                   **error);
/* The same, also filling @stats (may be NULL). */
gboolean  aimak_export_workbook_full    (AimakDb                   *db,
                                         const AimakExportOptions  *opts,
                                         const char                *path,
                                         GCancellable              *cancellable,
                                         AimakExportProgress        progress,
                                         gpointer                   progress_data,
                                         AimakExportStats          *stats,
                                         GError                   **error);

/* "Aimak-<area>-<YYYY-MM-DD>.xlsx" with the area's English name made safe for a file
 * name ("Aimak-pilot-areas-…", "Aimak-all-areas-…"). @date NULL = today. */
char     *aimak_export_default_filename (AimakDb                   *db,
                                         const AimakScope          *scope,
                                         GDateTime                 *date);

/* Workbooks with more cells than this are written in libxlsxwriter's constant_memory
 * mode, which keeps memory flat but cannot write an Excel table object (the
 * priorities then get a plain autofilter). Returns the previous limit. For tests
 * and the benchmark. */
guint64   aimak_export_set_memory_limit (guint64                    n_cells);

G_END_DECLS
