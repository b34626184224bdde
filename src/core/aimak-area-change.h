/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change.h — areas that change (the 2024 territorial reform): reading a
 * change list (CSV), checking it against the database, previewing it, applying
 * it in one transaction and undoing it; successors, predecessors, the sum of
 * former areas' counts and moving a former area's open work to its successor.
 *
 * A change list has the columns effective_date, kind, old_codes (several
 * separated by ";"), new_code, name_en, name_ru, name_ky, parent_code, legal_act.
 * Kinds: merged_into (the old areas end and become part of new_code, created when
 * it does not exist), split_from (new_code begins, split from the old area, which
 * ends), renamed (new names for old_code = new_code), code_changed (old_code ends,
 * new_code begins) and part_transferred (part of old_code goes to new_code; both
 * go on). History is never rewritten: a former area keeps its records.
 */
#pragma once

#include "aimak-area.h"

G_BEGIN_DECLS

typedef enum
{
  AIMAK_AREA_CHANGE_MERGED_INTO,
  AIMAK_AREA_CHANGE_SPLIT_FROM,
  AIMAK_AREA_CHANGE_RENAMED,
  AIMAK_AREA_CHANGE_CODE_CHANGED,
  AIMAK_AREA_CHANGE_PART_TRANSFERRED,
} AimakAreaChangeKind;

/* One row of a change list. */
typedef struct
{
  guint                line;
  char                *effective_date;   /* YYYY-MM-DD */
  AimakAreaChangeKind  kind;
  GStrv                old_codes;
  char                *new_code;
  char                *name_en;
  char                *name_ru;
  char                *name_ky;
  char                *parent_code;
  char                *legal_act;
} AimakAreaChangeRow;

typedef struct
{
  char      *source_name;  /* the file's name, for the history */
  GPtrArray *rows;         /* AimakAreaChangeRow * */
  char      *batch_uuid;   /* the batch's identity across desks; NULL: a new one */
} AimakAreaChangeList;

/* What receiving an applied change list from another desk or the office
 * server does with it. */
typedef enum
{
  AIMAK_AREA_BATCH_NEW,        /* not here yet: applied */
  AIMAK_AREA_BATCH_UNCHANGED,  /* already applied here (the same batch or the same changes) */
  AIMAK_AREA_BATCH_REFUSED,    /* contradicts this desk's list, or was undone here */
} AimakAreaBatchStatus;

/* One applied change list as it travels (aimak-area-change-travel.c). */
typedef struct
{
  char                 *uuid;
  char                 *list_name;   /* the list's name where it was applied */
  char                 *applied_at;  /* when it was applied there */
  AimakAreaChangeList  *list;
  AimakAreaBatchStatus  status;      /* set by aimak_area_change_batches_receive() */
  char                 *reason;      /* translated, for a refused batch */
  char                 *summary;     /* translated: "Lyuksemburg merged into Kant on 2024-07-01" */
} AimakAreaChangeBatch;

/* What applying a list would do. */
typedef struct
{
  GPtrArray *ending;       /* char * "CODE\tname\tdate\tbecomes": areas that end */
  GPtrArray *beginning;    /* char * "CODE\tname\tdate": areas that begin */
  GPtrArray *renamed;      /* char * "CODE\told name\tnew name" */
  guint      n_priorities; /* records attached to the areas that end or are renamed */
  guint      n_values;
  guint      n_activities;
} AimakAreaChangePreview;

/* One applied change, read back. */
typedef struct
{
  gint64               id;
  gint64               batch;
  char                *effective_date;
  AimakAreaChangeKind  kind;
  char                *old_code;
  char                *new_code;
  char                *legal_act;
  char                *applied_at;
} AimakAreaChange;

/* The sum of the former areas' values of a count indicator in one year, from one
 * source; or, when no one source gives a value for every former area that year,
 * a "not comparable" entry (values of different sources are never added). */
typedef struct
{
  int       year;
  double    sum;           /* NAN when not comparable */
  guint     n_areas;       /* former areas with a value that year (from this source) */
  guint     n_former;      /* former areas in all */
  char     *sources;       /* the sum's one source; not comparable: those found, "; "-joined */
  gboolean  comparable;    /* every former area has a value from this one source */
} AimakAreaPredecessorSum;

const char          *aimak_area_change_kind_to_string (AimakAreaChangeKind kind);
gboolean             aimak_area_change_kind_from_string (const char         *text,
                                                         AimakAreaChangeKind *kind);
/* "Merged into", "Split from", … translated. */
const char          *aimak_area_change_kind_label (AimakAreaChangeKind kind);

void                 aimak_area_change_row_free   (AimakAreaChangeRow   *row);
void                 aimak_area_change_list_free  (AimakAreaChangeList  *list);
void                 aimak_area_change_preview_free (AimakAreaChangePreview *preview);
void                 aimak_area_change_free       (AimakAreaChange      *change);
void                 aimak_area_predecessor_sum_free (AimakAreaPredecessorSum *sum);

/* Reads a change list. Rows that cannot be read (bad dates, unknown kinds,
 * missing fields) become AimakProblems with their line in @problems and are
 * left out; @error is for a file that cannot be read as CSV at all. */
AimakAreaChangeList *aimak_area_change_list_read  (GInputStream         *stream,
                                                   const char           *source_name,
                                                   GPtrArray            *problems,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
AimakAreaChangeList *aimak_area_change_list_load  (GFile                *file,
                                                   GPtrArray            *problems,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
/* Checks @list against the database: unknown codes, cycles, overlapping
 * periods (an area that already ended, a new area that already exists, an area
 * ended twice), changes dated before an area began. Adds problems with their
 * line; returns FALSE only on a database error. */
gboolean             aimak_area_change_list_check (AimakDb              *db,
                                                   AimakAreaChangeList  *list,
                                                   GPtrArray            *problems,
                                                   GError              **error);
AimakAreaChangePreview *aimak_area_change_preview (AimakDb              *db,
                                                   AimakAreaChangeList  *list,
                                                   GError              **error);
/* Checks and applies @list in one transaction (one history entry); returns the
 * number of the applied batch (for undo), or 0 with @error (AIMAK_DB_ERROR_INVALID
 * and the problems in @problems when the list has errors). Nothing is changed on
 * failure. */
gint64               aimak_area_change_apply      (AimakDb              *db,
                                                   AimakAreaChangeList  *list,
                                                   GPtrArray            *problems,
                                                   GError              **error);
/* Takes an applied batch back. Refused (nothing changed) when it is not the
 * newest batch still applied, or when an area it created now has records. */
gboolean             aimak_area_change_undo       (AimakDb              *db,
                                                   gint64                batch,
                                                   GError              **error);
/* The newest batch still applied, 0 if none. */
gint64               aimak_area_change_last_batch (AimakDb              *db,
                                                   GError              **error);

/* Applied changes (AimakAreaChange *) that @code went into (successors) or
 * came from (predecessors); renames are in neither. */
GPtrArray           *aimak_area_successors        (AimakDb              *db,
                                                   const char           *code,
                                                   GError              **error);
GPtrArray           *aimak_area_predecessors      (AimakDb              *db,
                                                   const char           *code,
                                                   GError              **error);
/* @code's name as it was on @date (YYYY-MM-DD), in @lang: the names before a
 * later rename. A newly allocated string. */
char                *aimak_area_name_on           (AimakDb              *db,
                                                   const char           *code,
                                                   const char           *date,
                                                   const char           *lang,
                                                   GError              **error);
/* "Old name (now New name)" for an area that was renamed or ended after @year,
 * else the plain name. For exports and the programme document. */
char                *aimak_area_name_for_period   (AimakDb              *db,
                                                   const char           *code,
                                                   int                   year,
                                                   const char           *lang);

/* As aimak_area_name_for_period(), but NULL (at the cost of one indexed query)
 * when @code was never renamed, merged or recoded: the caller's plain name
 * stands. @year <= 0: the area's own latest name. */
char                *aimak_area_period_name       (AimakDb              *db,
                                                   const char           *code,
                                                   int                   year,
                                                   const char           *lang);

/* TRUE when @indicator_code's values are counts (persons, numbers) that may be
 * added across areas; rates and shares are never summed. */
gboolean             aimak_area_indicator_is_count (AimakDb             *db,
                                                    const char          *indicator_code,
                                                    GError             **error);
/* For years before @code began: the sum of its predecessors' values of the count
 * indicator @indicator_code (sex "T", "F" or "M"), by year: one comparable
 * AimakAreaPredecessorSum per source that covers every former area that year,
 * else one not comparable entry for the year; the caller marks a sum "sum of
 * former areas" and shows a not comparable year per former area. An empty array
 * when @code has no predecessors; an AIMAK_DB_ERROR_INVALID error for a rate or
 * share, or a split or transferred part ("not comparable": show it per former area). */
GPtrArray           *aimak_area_predecessor_sums  (AimakDb              *db,
                                                   const char           *code,
                                                   const char           *indicator_code,
                                                   const char           *sex,
                                                   GError              **error);

/* The areas whose counts aimak_area_predecessor_sums() adds up for @code: its
 * former areas (and @code itself when it existed before, as a city that took
 * ayil aimaks in), with the first day of the change in @first_date. Empty when
 * @code has no predecessors or they are not summable (a split, a part). */
GStrv                aimak_area_sum_members       (AimakDb              *db,
                                                   const char           *code,
                                                   char                **first_date,
                                                   GError              **error);

/* Open priorities (not completed, rejected or deleted) and activities dated on or
 * after the area ended, of the former area @code: what moving would move. */
gboolean             aimak_area_count_open        (AimakDb              *db,
                                                   const char           *code,
                                                   guint                *n_priorities,
                                                   guint                *n_activities,
                                                   GError              **error);
/* Moves them, in one transaction, to @code's only successor, each move recorded
 * in the record's history. Refused when @code has no single successor. */
gboolean             aimak_area_move_open_to_successor (AimakDb         *db,
                                                        const char      *code,
                                                        guint           *n_priorities,
                                                        guint           *n_activities,
                                                        GError         **error);

/* Former areas (AimakArea *) that still hold priorities or activities, by name:
 * area choosers list them after the current ones, marked as former. */
GPtrArray           *aimak_area_former_with_records (AimakDb            *db,
                                                     GError            **error);
/* TRUE when new priorities and activities may be created in @code; FALSE with a
 * translated AIMAK_DB_ERROR_INVALID naming the successor for a former area. */
gboolean             aimak_area_check_open_for_new (AimakDb             *db,
                                                    const char          *code,
                                                    GError             **error);
/* The former areas that @code came from (through any number of changes) and
 * that still hold records (AimakArea *, by name), with the number of their
 * priorities and activities: what a successor's figures leave out. */
GPtrArray           *aimak_area_former_records    (AimakDb              *db,
                                                   const char           *code,
                                                   guint                *n_priorities,
                                                   guint                *n_activities,
                                                   GError              **error);
/* "Barskoon (former)", translated; newly allocated. */
char                *aimak_area_former_label      (const char           *name);

/* "Areas as of DATE (LIST)", from app_meta. Translated, newly allocated. */
char                *aimak_area_list_as_of        (AimakDb              *db);

/* ---- Area changes that travel (exchange packages, the office server) ---- */

void                  aimak_area_change_batch_free (AimakAreaChangeBatch *batch);
/* "New", "Unchanged", "Refused", translated. */
const char           *aimak_area_batch_status_label (AimakAreaBatchStatus status);
/* How many of @batches (AimakAreaChangeBatch *; NULL for none) have @status. */
guint                 aimak_area_change_batches_count (GPtrArray            *batches,
                                                       AimakAreaBatchStatus  status);
/* The batches applied here and not undone (AimakAreaChangeBatch *), oldest
 * first, each with its list rebuilt from the area_change rows; a batch
 * applied before schema 8 gets its UUID now (so call it in a write
 * transaction). */
GPtrArray            *aimak_area_change_batches_applied (AimakDb         *db,
                                                         GError         **error);
/* The rows of @batch as a JSON array (the form packages and the office server
 * carry), and back: NULL with a G_IO_ERROR_INVALID_DATA error for JSON that
 * is not a change list. */
char                 *aimak_area_change_batch_rows_json (const AimakAreaChangeBatch *batch);
/* A batch of @uuid named @list_name, applied at @applied_at ("" for NULL
 * either), whose list holds @rows (AimakAreaChangeRow *, a new reference; an
 * empty array when NULL). */
AimakAreaChangeBatch *aimak_area_change_batch_new (const char *uuid,
                                                   const char *list_name,
                                                   const char *applied_at,
                                                   GPtrArray  *rows);
AimakAreaChangeBatch *aimak_area_change_batch_new_from_json (const char  *uuid,
                                                             const char  *list_name,
                                                             const char  *applied_at,
                                                             const char  *rows_json,
                                                             GError     **error);
/* Receives @batches in order, inside the caller's transaction: a batch
 * applied here already is Unchanged; one undone here, or that the checks of
 * aimak_area_change_apply() refuse (it contradicts this desk's list), is
 * Refused with the reason and changes nothing; the others are applied, each
 * with its own UUID, through aimak_area_change_apply(). @receipt_id (0: none)
 * is the package receive that brings them; @from_server marks a sync's.
 * Sets each batch's status, reason and summary; FALSE only on a database
 * error. */
gboolean              aimak_area_change_batches_receive (AimakDb         *db,
                                                         GPtrArray       *batches,
                                                         gint64           receipt_id,
                                                         gboolean         from_server,
                                                         GError         **error);
/* Undoes the batches receive @receipt_id brought, newest first, inside the
 * caller's transaction (aimak_area_change_undo()). */
gboolean              aimak_area_change_undo_receipt (AimakDb            *db,
                                                      gint64              receipt_id,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakAreaChangeBatch, aimak_area_change_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakAreaChangeList, aimak_area_change_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakAreaChangePreview, aimak_area_change_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakAreaChange, aimak_area_change_free)

G_END_DECLS
