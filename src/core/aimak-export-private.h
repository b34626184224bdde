/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-private.h — the state one export shares between its files: the
 * Export struct (options, the workbook, code lists, formats, running totals for
 * the Cover and the gender budget), the Sheet it writes into, and the cell
 * writers every sheet uses. Only the aimak-export-*.c files include it.
 *
 *   aimak-export.c             the public API, the temporary file, the read transaction
 *   aimak-export-setup.c       code lists, scope, links, formats, sheets; freeing
 *   aimak-export-cells.c       cell writers and the frame of every sheet
 *   aimak-export-profile.c     Profile          aimak-export-priorities.c  Priorities
 *   aimak-export-alignment.c   Alignment        aimak-export-indicators.c  Indicators
 *   aimak-export-capacity.c    Capacity         aimak-export-budget.c      Gender budget
 *   aimak-export-areas.c       Areas (per-area breakdown, when the export covers
 *                              more than one area)
 *   aimak-export-received.c    Data received (exchange packages per area and desk)
 *   aimak-export-cover.c       Cover (written last: it lists what the others found)
 */
#pragma once

#include <xlsxwriter.h>

#include "aimak-code-table.h"
#include "aimak-export.h"
#include "aimak-export-strings.h"
#include "aimak-field.h"
#include "aimak-db.h"

G_BEGIN_DECLS

#define MAX_COLS        64
#define CELL_CHARS_MAX  32767   /* Excel's limit for one cell */
#define WIDTH_CAP_TEXT  44
#define WIDTH_CAP_WRAP  36
#define HEADER_WIDTH    14      /* headers wrap at this width unless the column is wider */
#define LINE_HEIGHT     15.0    /* points per line of Calibri 11 */
#define FIRST_DATA_ROW  2       /* row 0 title, row 1 header */
#define CHART_MAX_ROWS  25

enum
{
  SHEET_COVER,
  SHEET_PROFILE,
  SHEET_PRIORITIES,
  SHEET_INDICATORS,
  SHEET_CAPACITY,
  SHEET_BUDGET,
  SHEET_ALIGNMENT,
  SHEET_AREAS,      /* only when the export covers more than one area (x->consolidated) */
  SHEET_RECEIVED,   /* the same */
  N_SHEETS
};

/* The Priorities sheet's columns, laid out from the priority field table
 * (aimak-field.h): every field with an export cell, in export order; the area takes
 * two columns (its name and its P-code), the checklist one per item. */
typedef struct
{
  const AimakField *field;
  lxw_col_t         col;       /* its (first) column on the sheet */
  int               sql_col;   /* its column in the priorities query; -1 for links */
  AimakCodeTable   *list;      /* the code list of a CODE or CODES field, else NULL */
} PriorityColumn;

typedef struct
{
  PriorityColumn columns[MAX_COLS];
  guint          n_columns;
  lxw_col_t      n_fixed;        /* the columns before the checklist's */
  lxw_col_t      checklist_col;  /* the first checklist item's column */
  lxw_col_t      desk_col;       /* "Source desk", after the fields' columns */
  int            desk_sql_col;   /* p.origin_desk in the query */
  lxw_col_t      n_cols;
  char          *sql;            /* the priorities query: p.id, then the fields' columns */
  /* The query's columns that every row reads, found once rather than per row. */
  int            q_marker, q_funding, q_start, q_end, q_budget, q_status, q_is_demo;
  int            q_area, q_rank, q_title;
} PriorityLayout;

typedef struct
{
  lxw_worksheet *ws;
  const char    *name;
  guint          n_cols;
  lxw_row_t      last_row;             /* last row written */
  guint16        width[MAX_COLS];      /* widest content seen, in characters */
  guint16        cap[MAX_COLS];        /* widest a column may get; wrapped text wraps here */
  guint16        fixed[MAX_COLS];      /* a width set in advance, 0 = fit the content */
  lxw_row_t      height_row;           /* the row whose wrapped lines are being counted */
  guint          lines;
  const char    *header[MAX_COLS];     /* column headers, for the Cover's list of cut texts */
} Sheet;

typedef struct
{
  char     *name;
  int       level;
  char     *period_name;   /* "Old (now New)", see area_period_name() */
  gboolean  period_done;
} AreaInfo;

/* The codes linked to one priority, each list joined by \x1f; checklist entries are
 * "item\x1eanswer". */
typedef struct
{
  char *groups;
  char *gcm;
  char *sdg;
  char *checklist;
} Links;

typedef struct
{
  AimakDb              *db;
  const char           *lang;
  const AimakScope     *scope;
  gboolean              suppress_small;
  int                   threshold;
  char                 *scope_json;     /* JSON array of area codes; NULL = every area */
  char                 *scope_label;
  char                 *scope_note;
  GDateTime            *now;
  char                 *footer;

  lxw_workbook         *wb;
  gboolean              constant_memory;
  Sheet                 sheets[N_SHEETS];

  /* Formats, created once per workbook */
  lxw_format           *f_title, *f_header, *f_text, *f_wrap, *f_int, *f_count, *f_number,
                       *f_kgs, *f_date, *f_percent, *f_check, *f_bold, *f_total_label,
                       *f_total_count, *f_total_kgs, *f_total_number, *f_suppressed;

  AimakCodeTables       codes;          /* the code lists in the workbook language */
  GPtrArray            *priority_headers; /* char *, the Priorities sheet's headers */
  PriorityLayout        playout;        /* the Priorities sheet's columns */
  GHashTable           *areas;          /* code → AreaInfo * */
  GHashTable           *links;          /* priority id → Links * */
  GHashTable           *desks;          /* desk UUID → its name as the workbook shows it */
  char                 *self_desk;      /* this database's desk UUID, or NULL */
  gboolean              consolidated;   /* more than one area: the Areas and Data
                                         * received sheets are written */

  /* Progress and cancellation */
  GCancellable         *cancellable;
  AimakExportProgress   progress;
  gpointer              progress_data;
  guint64               work_total;
  guint64               work_done;
  double                reported;

  /* What the sheets found, for the cover and the gender budget */
  guint                 n_priorities;
  guint                 n_activities;
  int                   first_year;
  int                   last_year;
  gboolean              has_demo;
  GPtrArray            *sources;        /* char *, first-seen order */
  GHashTable           *source_set;
  double                budget_marker[3];   /* rejected priorities excluded */
  double                budget_adopted;     /* approved, in progress, completed */
  double                gender_adopted;     /* the same with marker 1–2 */
  double               *budget_funding; /* per funding source, then "none" last */
  lxw_row_t             priorities_last_row;
  gboolean              status_list_by_name;

  GPtrArray            *hidden;         /* Noted *: cells hidden on the Profile sheet */
  GPtrArray            *cut;            /* Noted *: texts cut at Excel's cell limit */

  AimakExportStats      stats;
  GError               *error;
} Export;

/* A cell the Cover lists: where it is, what it holds, why it is as it is. */
typedef struct
{
  char *where;   /* "'Profile'!H5" */
  char *what;
  char *why;
} Noted;

#define TRY(expr) G_STMT_START { if (!(expr)) return FALSE; } G_STMT_END

/* The rows of an area code column in the export's scope (?1, a JSON array of codes,
 * or NULL for every area). */
#define IN_SCOPE(col) "(?1 IS NULL OR " col " IN (SELECT value FROM json_each(?1)))"

/* aimak-export-setup.c */
G_GNUC_INTERNAL char       *join_names          (AimakCodeTable *cl,
                                                 const char     *codes,
                                                 gboolean        with_code);
G_GNUC_INTERNAL const char *area_name           (Export     *x,
                                                 const char *code);
/* As area_name(), but "Old (now New)" for an area renamed or ended after the
 * workbook's last year (issue 17), as the cover names it. */
G_GNUC_INTERNAL const char *area_period_name    (Export     *x,
                                                 const char *code);
G_GNUC_INTERNAL gboolean    load_lists          (Export     *x);
G_GNUC_INTERNAL gboolean    resolve_scope       (Export     *x);
G_GNUC_INTERNAL gboolean    load_links          (Export     *x);
G_GNUC_INTERNAL gboolean    create_formats      (Export     *x);
G_GNUC_INTERNAL gboolean    add_sheets          (Export     *x);
/* The desks known here (aimak-export-received.c): x->desks, x->self_desk,
 * x->consolidated. */
G_GNUC_INTERNAL gboolean    load_desks          (Export     *x);
/* The name of the desk @uuid: "This desk", its name, or "Desk 1a2b3c4d". */
G_GNUC_INTERNAL const char *desk_name           (Export     *x,
                                                 const char *uuid);
G_GNUC_INTERNAL char       *build_footer        (Export     *x);
G_GNUC_INTERNAL void        export_clear        (Export     *x);

/* aimak-export-cells.c */
G_GNUC_INTERNAL void        noted_free          (gpointer    data);
G_GNUC_INTERNAL void        note_cell           (GPtrArray  *list,
                                                 const char *sheet,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *what,
                                                 const char *why);
G_GNUC_INTERNAL gboolean    set_lxw_error       (Export     *x,
                                                 lxw_error   err,
                                                 const char *what);
G_GNUC_INTERNAL gboolean    check               (Export     *x,
                                                 lxw_error   err,
                                                 const char *what);
G_GNUC_INTERNAL gboolean    set_null_error      (Export     *x,
                                                 const char *what);
G_GNUC_INTERNAL gboolean    cell_string         (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *text,
                                                 lxw_format *format);
G_GNUC_INTERNAL gboolean    cell_number         (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 double      value,
                                                 lxw_format *format);
G_GNUC_INTERNAL gboolean    cell_date           (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *iso,
                                                 lxw_format *format);
G_GNUC_INTERNAL gboolean    cell_formula        (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *formula,
                                                 double      cached,
                                                 lxw_format *format);
/* A percentage: @numerator / @denominator cached, "" when @denominator is 0. */
G_GNUC_INTERNAL gboolean    cell_share          (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *formula,
                                                 double      numerator,
                                                 double      denominator);
/* =SUM(first:last) of the data rows of column @col, at @row of that column. */
G_GNUC_INTERNAL gboolean    cell_column_sum     (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 lxw_row_t   last_data,
                                                 double      cached,
                                                 lxw_format *format);
G_GNUC_INTERNAL gboolean    cell_link           (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   row,
                                                 lxw_col_t   col,
                                                 const char *sheet_name,
                                                 const char *text);
/* Writes a sheet's data row from @st; FALSE when a cell could not be written (the
 * error is in x->error). */
typedef gboolean (*SheetRowFunc) (gpointer   data,
                                  AimakStmt *st);
/* Calls @write with @data for each row of @sql, run over the export's scope (?1, see
 * IN_SCOPE()); stops at the first row that fails, its error in x->error. */
G_GNUC_INTERNAL gboolean    sheet_rows          (Export       *x,
                                                 const char   *sql,
                                                 SheetRowFunc  write,
                                                 gpointer      data);
G_GNUC_INTERNAL void        report              (Export     *x,
                                                 double      fraction);
G_GNUC_INTERNAL gboolean    row_done            (Export     *x);
G_GNUC_INTERNAL gboolean    row_failed          (Export     *x,
                                                 GError    **error);
G_GNUC_INTERNAL gboolean    sheet_title         (Export           *x,
                                                 Sheet            *s,
                                                 AimakExportString title);
G_GNUC_INTERNAL gboolean    sheet_headers       (Export             *x,
                                                 Sheet              *s,
                                                 const char * const *headers,
                                                 guint               n,
                                                 gboolean            write);
G_GNUC_INTERNAL gboolean    sheet_filter        (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   last_row);
G_GNUC_INTERNAL gboolean    sheet_notes         (Export                  *x,
                                                 Sheet                   *s,
                                                 lxw_row_t                row,
                                                 lxw_col_t                col,
                                                 const AimakExportString *notes,
                                                 guint                    n);
G_GNUC_INTERNAL gboolean    sheet_finish        (Export     *x,
                                                 Sheet      *s,
                                                 lxw_row_t   print_last_row,
                                                 lxw_col_t   print_last_col);

/* aimak-export-priorities.c */
G_GNUC_INTERNAL gboolean    priority_layout_init (Export     *x);
/* The column of the field @field_id on the Priorities sheet. */
G_GNUC_INTERNAL lxw_col_t   priority_column      (Export     *x,
                                                  const char *field_id);

/* aimak-export-alignment.c: the Alignment sheet, filled with the Priorities sheet. */
typedef struct
{
  lxw_col_t first_gcm;
  lxw_col_t first_sdg;
  lxw_col_t count_col;
  guint64  *covered;     /* per GCM then SDG column: priorities linked */
} Alignment;

G_GNUC_INTERNAL gboolean    write_alignment_headers (Export     *x,
                                                     Alignment  *al);
G_GNUC_INTERNAL gboolean    write_alignment_row     (Export     *x,
                                                     Alignment  *al,
                                                     lxw_row_t   row,
                                                     const char *area,
                                                     int         rank,
                                                     const char *title,
                                                     Links      *links);
G_GNUC_INTERNAL gboolean    finish_alignment        (Export     *x,
                                                     Alignment  *al);

/* aimak-export-budget.c: SUMIFS criteria shared with the Areas sheet. */
G_GNUC_INTERNAL void        append_criterion    (GString    *out,
                                                 const char *prefix,
                                                 const char *text);
G_GNUC_INTERNAL char       *not_rejected        (Export     *x,
                                                 const char *status_range);
/* An absolute range of one column of the Priorities sheet's data rows. */
G_GNUC_INTERNAL void        column_range        (Export     *x,
                                                 char       *buf,
                                                 gsize       size,
                                                 lxw_col_t   col);

/* One per sheet, called in this order (the Cover last). */
G_GNUC_INTERNAL gboolean    write_profile       (Export     *x);
G_GNUC_INTERNAL gboolean    write_priorities    (Export     *x);
G_GNUC_INTERNAL gboolean    write_indicators    (Export     *x);
G_GNUC_INTERNAL gboolean    write_capacity      (Export     *x);
G_GNUC_INTERNAL gboolean    write_budget        (Export     *x);
G_GNUC_INTERNAL gboolean    write_areas         (Export     *x);
G_GNUC_INTERNAL gboolean    write_received      (Export     *x);
G_GNUC_INTERNAL gboolean    write_cover         (Export     *x);

G_END_DECLS
