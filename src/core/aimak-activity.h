/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity.h — the capacity-building register: trainings, workshops and
 * dialogues with their participants by role and sex. Validation, every write as
 * one transaction recorded in the change log (deletion is soft), and a filtered
 * query with totals for the Capacity building view.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-problem.h"
#include "aimak-summary.h"

G_BEGIN_DECLS

#define AIMAK_ACTIVITY_ERROR (aimak_activity_error_quark ())

typedef enum
{
  AIMAK_ACTIVITY_ERROR_INVALID,
  AIMAK_ACTIVITY_ERROR_NOT_FOUND,
} AimakActivityError;

/* Participants of one role. Signed so that validation can name a negative count. */
typedef struct
{
  char *role_code;
  int   women;
  int   men;
} AimakActivityParticipants;

typedef struct
{
  char       *id;             /* NULL until created */
  char       *area_code;
  char       *date;           /* "YYYY-MM-DD" */
  char       *type;           /* code of table activity_type */
  char       *topic;
  char       *facilitator;
  double      pre_score;      /* average pre-test score 0–100, NaN = none */
  double      post_score;     /* average post-test score 0–100, NaN = none */
  char       *notes;
  gboolean    is_demo;
  char       *created_at, *updated_at, *deleted_at;

  GPtrArray  *participants;   /* AimakActivityParticipants *, at most one per role */
  GPtrArray  *priorities;     /* char * ids of linked priorities */
} AimakActivity;

/* One validation problem; @field is "date", "type", "area_code", "participants",
 * "women.<role>", "men.<role>", "pre_score" or "post_score". */

GQuark          aimak_activity_error_quark       (void);

/* A new, unsaved activity in @area_code dated today, of type "training". */
AimakActivity  *aimak_activity_new               (const char          *area_code);
AimakActivity  *aimak_activity_copy              (const AimakActivity *a);
void            aimak_activity_free              (AimakActivity       *a);

/* Participants of @role_code (0 when the role has none). */
int             aimak_activity_get_women         (const AimakActivity *a,
                                                  const char          *role_code);
int             aimak_activity_get_men           (const AimakActivity *a,
                                                  const char          *role_code);
void            aimak_activity_set_participants  (AimakActivity       *a,
                                                  const char          *role_code,
                                                  int                  women,
                                                  int                  men);
/* Sums over every role. */
int             aimak_activity_total_women       (const AimakActivity *a);
int             aimak_activity_total_men         (const AimakActivity *a);
gboolean        aimak_activity_has_priority      (const AimakActivity *a,
                                                  const char          *priority_id);
void            aimak_activity_set_priority      (AimakActivity       *a,
                                                  const char          *priority_id,
                                                  gboolean             linked);

/* Loads an activity, also a soft-deleted one (deleted_at is then set). */
AimakActivity  *aimak_activity_load              (AimakDb             *db,
                                                  const char          *id,
                                                  GError             **error);
/* Refuses (AIMAK_ACTIVITY_ERROR_INVALID, the message lists the problems) while
 * validate() reports problems, and then writes nothing. Sets id and timestamps;
 * logs action "create". */
gboolean        aimak_activity_create            (AimakDb             *db,
                                                  AimakActivity       *a,
                                                  GError             **error);
/* Writes the differences from the stored record, one change_log row per changed
 * field ("women.<role>", "men.<role>", "priorities" as comma-joined ids); refuses
 * invalid data like create(); updates a->updated_at. For the editor, which saves
 * as the user types: a save that changes one field folds into the change_log row
 * *@burst of the same field (see aimak_priority_update_burst()); *@burst is set to
 * the row written, or 0. With @burst NULL, every change gets its own row
 * (aimak_activity_update()). */
gboolean        aimak_activity_update_burst      (AimakDb             *db,
                                                  AimakActivity       *a,
                                                  gint64              *burst,
                                                  GError             **error);
/* Soft delete: sets deleted_at; logs "delete". */
gboolean        aimak_activity_delete            (AimakDb             *db,
                                                  const char          *id,
                                                  GError             **error);
/* Clears deleted_at; logs "undelete". */
gboolean        aimak_activity_undelete          (AimakDb             *db,
                                                  const char          *id,
                                                  GError             **error);

/* Every problem of @a as AimakProblem *, translated; empty = valid. */
GPtrArray      *aimak_activity_validate          (const AimakActivity *a);
/* TRUE when @date is a real calendar date written "YYYY-MM-DD". */
gboolean        aimak_activity_date_is_valid     (const char          *date);
/* The translated name of a change-log field of an activity. */
const char     *aimak_activity_field_label       (const char          *field);

/* Non-deleted priorities of @area_code and the areas below it, to link an activity
 * to: AimakSummaryItem * with code = priority id, label = "rank. title" (with the
 * area's name when it is a child area), value = rank; ordered by area, then rank. */
GPtrArray      *aimak_activity_linkable_priorities (AimakDb           *db,
                                                    const char        *area_code,
                                                    GError           **error);

/* ---- The register: a filtered list and its totals ---- */

typedef struct
{
  char *search;      /* words, each must occur (case-insensitively) in topic, facilitator,
                      * notes, area name or type name; NULL or "" = no search */
  char *area_code;   /* the area with all its children; NULL = all */
  char *type;        /* NULL = any */
  char *date_from;   /* "YYYY-MM-DD", inclusive; NULL = open */
  char *date_to;     /* "YYYY-MM-DD", inclusive; NULL = open */
} AimakActivityFilter;

void            aimak_activity_filter_clear      (AimakActivityFilter *filter);

#define AIMAK_TYPE_ACTIVITY_ROW (aimak_activity_row_get_type ())
G_DECLARE_FINAL_TYPE (AimakActivityRow, aimak_activity_row, AIMAK, ACTIVITY_ROW, GObject)

/* Read-only properties for list columns: "id", "date", "area-code", "area-name",
 * "type", "type-label", "topic", "facilitator", "women", "men", "total" (uint). */
const char     *aimak_activity_row_get_id        (AimakActivityRow    *self);
const char     *aimak_activity_row_get_date      (AimakActivityRow    *self);
const char     *aimak_activity_row_get_area_name (AimakActivityRow    *self);
const char     *aimak_activity_row_get_type_label (AimakActivityRow   *self);
const char     *aimak_activity_row_get_topic     (AimakActivityRow    *self);
guint           aimak_activity_row_get_women     (AimakActivityRow    *self);
guint           aimak_activity_row_get_men       (AimakActivityRow    *self);
const char     *aimak_activity_row_get_area_code (AimakActivityRow    *self);
gboolean        aimak_activity_row_get_is_demo   (AimakActivityRow    *self);
/* Participants of @role_code in this activity. */
void            aimak_activity_row_get_role      (AimakActivityRow    *self,
                                                  const char          *role_code,
                                                  guint               *women,
                                                  guint               *men);

/* Non-deleted activities matching @filter (NULL = all), newest first,
 * as AimakActivityRow *. */
GPtrArray      *aimak_activity_query             (AimakDb                   *db,
                                                  const AimakActivityFilter *filter,
                                                  GError                   **error);

typedef struct
{
  guint      count;
  guint      women;
  guint      men;
  double     women_share;   /* women / (women + men), 0..1; NaN when nobody took part */
  GPtrArray *by_role;       /* AimakSummaryRoleItem *, every role in list order */
} AimakActivityTotals;

/* Totals over @rows (AimakActivityRow *), role names in the db's language. */
AimakActivityTotals *aimak_activity_totals       (AimakDb             *db,
                                                  GPtrArray           *rows,
                                                  GError             **error);
void            aimak_activity_totals_free       (AimakActivityTotals *totals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakActivity, aimak_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakActivityTotals, aimak_activity_totals_free)

G_END_DECLS
