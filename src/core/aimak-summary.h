/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary.h — the figures of the Summary view, `aimak-cli summary` and the
 * workbook export. One function computes them so that all three show the same numbers.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_SUMMARY_ERROR (aimak_summary_error_quark ())

typedef enum
{
  AIMAK_SUMMARY_ERROR_UNKNOWN_AREA,
} AimakSummaryError;

typedef enum
{
  AIMAK_SCOPE_AREA,
  AIMAK_SCOPE_PILOTS,
  AIMAK_SCOPE_ALL,
} AimakScopeKind;

typedef struct
{
  AimakScopeKind  kind;
  char           *area_code;   /* only for AIMAK_SCOPE_AREA */
} AimakScope;

/* A figure with its code and its label in the db language. */
typedef struct
{
  char   *code;
  char   *label;
  double  value;
} AimakSummaryItem;

/* Participants of one role, by sex. */
typedef struct
{
  char  *code;
  char  *label;
  guint  women;
  guint  men;
} AimakSummaryRoleItem;

typedef struct
{
  guint      priorities_total;
  /* Lists of AimakSummaryItem *. Every code of a code list appears, in list order,
   * zeros included — except gcm_covered and sdg_covered, which hold only the
   * objectives and targets with at least one priority (value = their count). */
  GPtrArray *priorities_by_status;
  GPtrArray *priorities_by_marker;        /* codes "0", "1", "2" */
  GPtrArray *budget_by_marker;            /* KGS, codes "0", "1", "2" */
  GPtrArray *budget_by_funding;           /* KGS, the sources, then code "" = none */
  /* Budgets never include rejected priorities (see aimak_summary_status_class()):
   * budget_by_marker, budget_by_funding and budget_total are the budget of all
   * proposals, that is every priority that is not rejected. */
  double     budget_total;                /* KGS, all proposals */
  double     budget_adopted;              /* KGS, approved + in progress + completed */
  double     gender_budget_total;         /* KGS, marker 1–2 among all proposals */
  double     gender_budget_adopted;       /* KGS, marker 1–2 in the adopted programme */
  /* Marker 1–2 budget / budget, 0..1; NaN when that budget is 0. */
  double     gender_share_adopted;
  double     gender_share_proposals;
  GPtrArray *priorities_by_target_group;
  GPtrArray *gcm_covered;
  GPtrArray *sdg_covered;
  GPtrArray *participants_by_role;        /* AimakSummaryRoleItem *, every role */
  guint      participants_women;
  guint      participants_men;
  GPtrArray *activities_by_type;
  guint      activities_total;
  guint      gcm_objectives_total;        /* objectives in the code list, for "n of N" */
  guint      sdg_targets_total;           /* targets in the code list */
  char      *scope_label;                 /* aimak_scope_describe() at compute time */
  char      *language;                    /* language of the labels: "en", "ru" or "ky" */
} AimakSummary;

/* How a priority's status counts in the budget figures. */
typedef enum
{
  AIMAK_STATUS_CLASS_PROPOSAL,   /* draft, proposed (and unknown codes) */
  AIMAK_STATUS_CLASS_ADOPTED,    /* approved, in_progress, completed */
  AIMAK_STATUS_CLASS_REJECTED,   /* rejected: never in any total */
} AimakStatusClass;

/* The two gender budget shares. */
typedef enum
{
  AIMAK_SHARE_ADOPTED,
  AIMAK_SHARE_PROPOSALS,
} AimakShareKind;

GQuark        aimak_summary_error_quark  (void);

AimakStatusClass aimak_summary_status_class (const char *status_code);
/* Short label and one-sentence definition of a share, translated into @lang
 * ("en", "ru", "ky"). The Summary view, `summary` and the workbook show both. */
const char   *aimak_summary_share_label      (AimakShareKind kind,
                                              const char    *lang);
const char   *aimak_summary_share_definition (AimakShareKind kind,
                                              const char    *lang);

void          aimak_summary_item_free      (AimakSummaryItem     *item);
/* How the Summary view and `summary` name @item: an entry of a code list with
 * numeric codes (markers, GCM objectives, SDG targets) is known by its number,
 * which goes in front of its label ("2 Principal"); others by their label. */
char         *aimak_summary_item_name      (const AimakSummaryItem *item);
void          aimak_summary_role_item_free (AimakSummaryRoleItem *item);
/* Appends every role of the code list, in its order and with nobody counted
 * yet, to @roles (of AimakSummaryRoleItem *); FALSE with @error when the list
 * cannot be read. */
gboolean      aimak_summary_roles_load     (AimakDb              *db,
                                            GPtrArray            *roles,
                                            GError              **error);

AimakScope   *aimak_scope_new            (AimakScopeKind      kind,
                                          const char         *area_code);
void          aimak_scope_free           (AimakScope         *scope);

/* The area codes of @scope: an area with all its descendants; the pilot areas with
 * their descendants; or every area. Fails (AIMAK_SUMMARY_ERROR_UNKNOWN_AREA) for an
 * unknown area code. Returns char * codes. */
GPtrArray    *aimak_scope_area_codes     (AimakDb            *db,
                                          const AimakScope   *scope,
                                          GError            **error);
/* "Barskoon", "Pilot areas", "All areas" — in the db's language. */
char         *aimak_scope_describe       (AimakDb            *db,
                                          const AimakScope   *scope);

/* Counts only rows that are not soft-deleted; reads in one transaction. */
AimakSummary *aimak_summary_compute      (AimakDb            *db,
                                          const AimakScope   *scope,
                                          GError            **error);
/* TRUE when the database holds more than @max_priorities priorities (by the
 * highest row id, which needs no scan): the Summary view then counts in a
 * thread rather than on the main thread. */
gboolean      aimak_summary_is_large     (AimakDb           *db,
                                          gint64             max_priorities);
void          aimak_summary_free         (AimakSummary       *summary);

/* JSON with stable keys: scope ({"kind": "area"|"pilots"|"all", "area_code", "label"}),
 * language, priorities_total, priorities_by_status,
 * priorities_by_marker, budget_by_marker, budget_by_funding, budget_total,
 * budget_adopted, gender_budget_shares (two objects {"code": "adopted"|"all_proposals",
 * "label", "definition", "value" (0..1, null when there is no budget), "gender_budget",
 * "budget"}), priorities_by_target_group,
 * gcm_covered, sdg_covered, participants_by_role_and_sex, participants_women,
 * participants_men, activities_by_type, activities_total, gcm_objectives_total,
 * sdg_targets_total. Lists are arrays of objects
 * {"code", "label", "value"} (roles: {"code", "label", "women", "men", "total"}). */
char         *aimak_summary_to_json      (const AimakSummary *summary,
                                          const AimakScope   *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakScope, aimak_scope_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakSummary, aimak_summary_free)

G_END_DECLS
