/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority.h — a development priority of an area's programme: the record,
 * its gender-aware validation rules, and every write (create, update, soft delete,
 * undelete, rank moves, duplicate) as one transaction recorded in the change log.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-change-log.h"
#include "aimak-db.h"
#include "aimak-problem.h"

G_BEGIN_DECLS

#define AIMAK_PRIORITY_ERROR (aimak_priority_error_quark ())

typedef enum
{
  AIMAK_PRIORITY_ERROR_INVALID,
  AIMAK_PRIORITY_ERROR_NOT_FOUND,
} AimakPriorityError;

/* Answers of the gender checklist, as stored. */
#define AIMAK_CHECKLIST_YES    "yes"
#define AIMAK_CHECKLIST_PARTLY "partly"
#define AIMAK_CHECKLIST_NO     "no"

/* A sex-disaggregated indicator of a priority; NaN = empty. */
typedef struct
{
  char   *name;
  char   *unit;
  double  baseline_f, baseline_m;
  double  target_f, target_m;
  double  actual_f, actual_m;
} AimakPriorityIndicator;

typedef struct
{
  char       *id;
  char       *area_code;
  int         rank;

  char       *title;
  char       *problem;
  char       *description;
  char       *sector_code;                /* NULL = none */

  int         gender_marker;              /* 0, 1, 2 */
  char       *marker_justification;

  char       *status;                     /* code of table status */
  double      budget_kgs;                 /* NaN = empty */
  char       *funding_source;             /* NULL = none */
  char       *responsible;
  char       *partners;
  int         start_year, end_year;       /* 0 = empty */

  char       *hearing_date;               /* "YYYY-MM-DD" or NULL */
  int         hearing_participants_f;     /* -1 = empty */
  int         hearing_participants_m;     /* -1 = empty */
  char       *kenesh_decision_no;
  char       *kenesh_decision_date;       /* "YYYY-MM-DD" or NULL */

  gboolean    is_demo;
  char       *created_at, *updated_at, *deleted_at;

  GPtrArray  *target_groups;              /* char * codes */
  GPtrArray  *gcm;                        /* char * codes */
  GPtrArray  *sdg;                        /* char * codes */
  GHashTable *checklist;                  /* item_code → "yes" | "partly" | "no" */
  GPtrArray  *indicators;                 /* AimakPriorityIndicator * */
} AimakPriority;

GQuark                  aimak_priority_error_quark      (void);

AimakPriorityIndicator *aimak_priority_indicator_new    (const char                   *name,
                                                         const char                   *unit);
AimakPriorityIndicator *aimak_priority_indicator_copy   (const AimakPriorityIndicator *ind);
void                    aimak_priority_indicator_free   (AimakPriorityIndicator       *ind);

AimakPriority          *aimak_priority_new              (const char                   *area_code);
AimakPriority          *aimak_priority_copy             (const AimakPriority          *p);
void                    aimak_priority_free             (AimakPriority                *p);

/* Loads a priority, also a soft-deleted one (deleted_at is then set). */
AimakPriority          *aimak_priority_load             (AimakDb                      *db,
                                                         const char                   *id,
                                                         GError                      **error);
/* Sets id, rank = last + 1 in the area, timestamps; logs action "create".
 * Refuses a status past draft while validate() reports problems. */
gboolean                aimak_priority_create           (AimakDb                      *db,
                                                         AimakPriority                *p,
                                                         GError                      **error);
/* Writes the differences from the stored record, one change_log row per changed field
 * (lists as comma-joined codes, sorted). Refuses (AIMAK_PRIORITY_ERROR_INVALID, message
 * lists the problems) to leave a status other than draft/rejected while validate() has
 * problems, and then changes nothing: so an approved priority stays complete, and an
 * edit that would break it (e.g. clearing the title) is refused too. Unknown codes are
 * refused (INVALID); a deleted priority cannot be edited (NOT_FOUND). Updates
 * p->updated_at (only when something changed). The rank is changed by move() only;
 * a new area_code moves the priority to the end of that area. */
gboolean                aimak_priority_update           (AimakDb                      *db,
                                                         AimakPriority                *p,
                                                         GError                      **error);
/* The same, for an editor that saves as the user types: *@burst is 0 or the
 * change_log row this editing burst wrote last (it is set on return). When the
 * update changes one field only, and the newest row of this priority's log is
 * *@burst and an update of that same field, the row is folded into (its new
 * value and time replaced, its old value kept; removed when the value is back
 * where the burst began) instead of a new row for each pause in typing. The
 * caller ends a burst (sets 0) when the user leaves the field. */
gboolean                aimak_priority_update_burst     (AimakDb                      *db,
                                                         AimakPriority                *p,
                                                         gint64                       *burst,
                                                         GError                      **error);
/* Soft delete: sets deleted_at, closes the gap in the area's ranks; logs "delete". */
gboolean                aimak_priority_delete           (AimakDb                      *db,
                                                         const char                   *id,
                                                         GError                      **error);
/* Puts it back at its old rank (others shift down); logs "undelete". */
gboolean                aimak_priority_undelete         (AimakDb                      *db,
                                                         const char                   *id,
                                                         GError                      **error);
/* Moves by @delta ranks within the area (clamped to 1..n); logs field "rank". */
gboolean                aimak_priority_move             (AimakDb                      *db,
                                                         const char                   *id,
                                                         int                           delta,
                                                         GError                      **error);
/* Copies the priority with its links, title + " (copy)", status draft, placed
 * right after the original. Returns the new id. */
char                   *aimak_priority_duplicate        (AimakDb                      *db,
                                                         const char                   *id,
                                                         GError                      **error);

/* Every problem of @p as AimakProblem *, translated; an empty array means valid. */
GPtrArray              *aimak_priority_validate         (const AimakPriority          *p);
/* The marker the checklist supports (see aimak-priority.c for the scoring). */
int                     aimak_priority_suggest_marker   (const AimakPriority          *p);
/* "yes", "partly", "no" or NULL when unanswered. */
const char             *aimak_priority_get_answer       (const AimakPriority          *p,
                                                         const char                   *item_code);
void                    aimak_priority_set_answer       (AimakPriority                *p,
                                                         const char                   *item_code,
                                                         const char                   *answer);
gboolean                aimak_priority_status_is_final  (const char                   *status);
/* TRUE for statuses that need a kenesh decision: approved, in_progress, completed. */
gboolean                aimak_priority_status_needs_decision (const char              *status);

/* Translated name of a status code (English source strings); @status itself if unknown. */
const char             *aimak_priority_status_label     (const char                   *status);
/* Translated name of a change-log field ("title" → "Title"). */
const char             *aimak_priority_field_label      (const char                   *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPriority, aimak_priority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPriorityIndicator, aimak_priority_indicator_free)

G_END_DECLS
