/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme.h — the local development programme document (issue 14): one
 * model built in core from the same computations as the Summary and the workbook,
 * written by two writers, ODT (aimak_programme_write_odt(), below) and PDF/print
 * (aimak-programme-pdf.h). The model holds every text the writers print, already
 * translated into the document's language, so that the writers only lay it out.
 *
 * Sections, in the order of Kyrgyzstan's methodology: 1 passport, 2 current
 * situation, 3 problems and priorities, 4 action plan, 5 gender and migration
 * annex, 6 public participation, 7 monitoring.
 *
 * "No data" is a state of its own (AimakProgrammeValue.has_value FALSE, its text
 * the translated "no data"), never 0. Plain C structs, no GTK; the model is
 * immutable once built and may be handed to another thread.
 *
 * Stability: the pdf writer and the GUI dialog are written against this header;
 * change it by additions only.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-code-table.h"
#include "aimak-db.h"
#include "aimak-summary.h"

G_BEGIN_DECLS

#define AIMAK_PROGRAMME_ERROR (aimak_programme_error_quark ())

typedef enum
{
  AIMAK_PROGRAMME_ERROR_INVALID,       /* bad options: language, years, statuses */
  AIMAK_PROGRAMME_ERROR_UNKNOWN_AREA,  /* no area with that code */
  AIMAK_PROGRAMME_ERROR_PATH,          /* the target cannot be written (folder, read-only...) */
  AIMAK_PROGRAMME_ERROR_REFUSED,       /* the target is a database, a backup or another kind of file */
  AIMAK_PROGRAMME_ERROR_EXISTS,        /* the target is a document and replace was not asked for */
  AIMAK_PROGRAMME_ERROR_WRITE,         /* writing failed (disk full, ...) */
} AimakProgrammeError;

/* Called from the building thread with 0 ≤ @fraction ≤ 1. */
typedef void (*AimakProgrammeProgress) (double   fraction,
                                        gpointer user_data);

/* What to build. Initialise with aimak_programme_options_init(), release with
 * aimak_programme_options_clear(). */
typedef struct
{
  char                   *area_code;      /* the area of the programme (required) */
  gboolean                include_below;  /* also the areas below it (a rayon with its ayil aimaks) */
  int                     year_from;      /* first year of the period, e.g. 2026 */
  int                     year_to;        /* last year, ≥ year_from, at most 10 years after */
  char                   *lang;           /* "en", "ru" or "ky"; NULL = "en" */
  char                  **statuses;       /* NULL-terminated status codes of the priorities to
                                           * include; NULL = proposed + approved. "rejected" is
                                           * never included, even when listed. */
  AimakProgrammeProgress  progress;       /* optional */
  gpointer                progress_data;
} AimakProgrammeOptions;

/* A figure that may be missing. */
typedef struct
{
  gboolean  has_value;   /* FALSE = no data (never shown as 0) */
  double    value;       /* NaN when !has_value */
  char     *text;        /* formatted in the document language (aimak_number_format()),
                          * or the translated "no data" when !has_value */
} AimakProgrammeValue;

/* One line of the passport: a label and its value. */
typedef struct
{
  char     *key;         /* stable key: "name", "area", "code", "period", "developer",
                          * "approver", "decision", "budget_total", "budget.<source code>"
                          * ("budget." alone = no source), "gender_share_adopted",
                          * "gender_share_proposals", "gender_share_document" */
  char     *label;       /* translated */
  char     *value;       /* translated / formatted; "" when @fill_in */
  gboolean  fill_in;     /* blank with a line to fill in by hand (decision not yet taken) */
} AimakProgrammeField;

/* An amount of money: KGS and its text in thousand som. */
typedef struct
{
  char                *code;       /* funding source or marker code; "" = none */
  char                *label;      /* its name */
  double               kgs;        /* in som */
  AimakProgrammeValue  thousand;   /* kgs / 1000, formatted with one decimal */
  AimakProgrammeValue  share;      /* percent of the included priorities' budget; no data
                                    * when that is 0 */
} AimakProgrammeMoney;

/* One key figure of the area or of an area above it, by sex, with year and source. */
typedef struct
{
  char                *level_label;    /* comparisons: "Rayon", "Oblast", "Kyrgyzstan"; the
                                        * area's own figure: the area's type label */
  char                *area_code;
  char                *area_name;
  int                  year;           /* 0 = no data at all */
  AimakProgrammeValue  women;
  AimakProgrammeValue  men;
  AimakProgrammeValue  total;
  char                *source;         /* translated source (aimak_indicator_source_label());
                                        * "" when no data */
  gboolean             is_demo;        /* one of its values is demo data */
} AimakProgrammeFigureValue;

/* One key figure (population, migrants abroad, returnees, poverty, unemployment). */
typedef struct
{
  char                       *key;           /* key card code (aimak_indicator_key_codes()) */
  char                       *indicator_code;/* indicator the value comes from */
  char                       *name;          /* indicator name in the document language */
  char                       *unit;          /* translated unit ("persons", "%") */
  AimakProgrammeFigureValue  *own;           /* the programme area */
  GPtrArray                  *comparisons;   /* AimakProgrammeFigureValue *, the areas above:
                                              * rayon, oblast, national (those that exist) */
} AimakProgrammeFigure;

/* One point of the women-vs-men chart. */
typedef struct
{
  char                *label;   /* e.g. the year "2024" */
  AimakProgrammeValue  women;
  AimakProgrammeValue  men;
} AimakProgrammeChartPoint;

/* A sex-disaggregated indicator of a priority, with baseline and target. */
typedef struct
{
  char                *name;
  char                *unit;
  AimakProgrammeValue  baseline_women, baseline_men;
  AimakProgrammeValue  target_women, target_men;
  char                *text;   /* one line: "Name (unit): 10 / 12 → 20 / 22" (women / men),
                                * for the action plan cell */
} AimakProgrammeIndicator;

/* A gender checklist answer. */
typedef struct
{
  char *item_code;
  char *question;     /* the checklist item in the document language */
  char *answer;       /* "yes", "partly", "no" or NULL = not answered */
  char *answer_label; /* translated answer, or translated "not answered" */
} AimakProgrammeAnswer;

/* A priority included in the document (and its row in the action plan). */
typedef struct
{
  char                *id;
  guint                number;           /* No. in the document, 1..n in document order */
  char                *area_code;
  char                *area_name;
  int                  rank;
  char                *title;
  char                *problem;          /* "" when empty */
  char                *description;      /* "" when empty */
  char                *sector_code;      /* "" = none */
  char                *sector_name;      /* translated "No sector" when none */
  char                *status;           /* status code */
  char                *status_label;
  int                  marker;           /* 0, 1, 2 */
  char                *marker_label;     /* the marker's name */
  char                *marker_justification;
  GPtrArray           *target_groups;    /* AimakCode * */
  char                *target_groups_text; /* names joined by ", " ("" when none) */
  double               budget_kgs;       /* NaN = empty */
  AimakProgrammeValue  budget_thousand;  /* thousand som, one decimal */
  char                *funding_code;     /* "" = none */
  char                *funding_label;
  char                *responsible;
  char                *partners;
  int                  start_year;       /* 0 = empty */
  int                  end_year;         /* 0 = empty */
  char                *period;           /* "2026–2027", or translated "not set" */
  GPtrArray           *indicators;       /* AimakProgrammeIndicator * */
  GPtrArray           *checklist;        /* AimakProgrammeAnswer *, every checklist item */
  GPtrArray           *gcm;              /* AimakCode *, "GCM 2: name" style names */
  GPtrArray           *sdg;              /* AimakCode * */
  char                *gcm_text;         /* the GCM names, one per line ("" when none) */
  char                *sdg_text;         /* the SDG names, one per line ("" when none) */
  char                *hearing_date;     /* formatted date, "" when none */
  int                  hearing_women;    /* -1 = empty */
  int                  hearing_men;      /* -1 = empty */
  char                *decision_no;      /* "" when none */
  char                *decision_date;    /* formatted, "" when none */
  gboolean             is_demo;
  char                *indicators_text;  /* every indicator's text, one per line ("\n") */
  char                *marker_text;      /* "1 — Significant" */
} AimakProgrammePriority;

/* Priorities of one sector, in document order. */
typedef struct
{
  char      *code;        /* "" = no sector */
  char      *name;
  GPtrArray *priorities;  /* AimakProgrammePriority *, borrowed from AimakProgramme.priorities */
} AimakProgrammeSector;

/* One public hearing: the priorities heard on one date in one area. */
typedef struct
{
  char                *date;        /* formatted */
  char                *area_name;
  AimakProgrammeValue  women;       /* no data when not recorded */
  AimakProgrammeValue  men;
  GPtrArray           *priorities;  /* AimakProgrammePriority *, borrowed */
} AimakProgrammeHearing;

/* One capacity-building activity of the period. */
typedef struct
{
  char      *date;          /* formatted */
  char      *area_name;
  char      *type_label;
  char      *topic;
  guint      women;
  guint      men;
  GPtrArray *roles;         /* AimakSummaryRoleItem *, only roles with participants */
  gboolean   is_demo;
} AimakProgrammeActivity;

/* One row of the monitoring table: an indicator of a priority. */
typedef struct
{
  AimakProgrammePriority  *priority;   /* borrowed */
  AimakProgrammeIndicator *indicator;  /* borrowed from priority->indicators */
  char                    *reporter;   /* who reports: the priority's responsible body, or
                                        * the translated developer when empty */
  char                    *frequency;  /* translated "Half-yearly" */
  char                    *report_to;  /* translated "Ayil kenesh" */
} AimakProgrammeMonitoringRow;

/* Every label of the document, translated. Additions go at the end. */
typedef enum
{
  AIMAK_PL_DOC_TITLE,            /* "Local socio-economic development programme" */
  AIMAK_PL_CONTENTS,             /* "Contents" */
  AIMAK_PL_DEMO_MARK,            /* "DEMO DATA — not for approval" */
  AIMAK_PL_PAGE_OF,              /* "Page {n} of {m}"; "{n}", "{m}" are replaced by the writer */
  AIMAK_PL_NO_DATA,              /* "no data" */
  AIMAK_PL_SECTION_PASSPORT,     /* "1. Programme passport" */
  AIMAK_PL_SECTION_SITUATION,
  AIMAK_PL_SECTION_PRIORITIES,
  AIMAK_PL_SECTION_PLAN,
  AIMAK_PL_SECTION_ANNEX,
  AIMAK_PL_SECTION_PARTICIPATION,
  AIMAK_PL_SECTION_MONITORING,
  AIMAK_PL_SUB_KEY_FIGURES,      /* "Key figures by sex" */
  AIMAK_PL_SUB_COMPARISON,       /* "Comparison with the rayon, oblast and country" */
  AIMAK_PL_SUB_CHART,            /* chart heading */
  AIMAK_PL_SUB_HEARINGS,
  AIMAK_PL_SUB_CAPACITY,
  AIMAK_PL_SUB_GENDER_BUDGET,
  AIMAK_PL_COL_NO,
  AIMAK_PL_COL_INDICATOR,
  AIMAK_PL_COL_UNIT,
  AIMAK_PL_COL_YEAR,
  AIMAK_PL_COL_WOMEN,
  AIMAK_PL_COL_MEN,
  AIMAK_PL_COL_TOTAL,
  AIMAK_PL_COL_SOURCE,
  AIMAK_PL_COL_AREA,
  AIMAK_PL_COL_LEVEL,
  AIMAK_PL_COL_PRIORITY,
  AIMAK_PL_COL_ACTIVITY,         /* "Activity / description" */
  AIMAK_PL_COL_TARGET_GROUPS,
  AIMAK_PL_COL_RESPONSIBLE,
  AIMAK_PL_COL_PARTNERS,
  AIMAK_PL_COL_PERIOD,
  AIMAK_PL_COL_COST,             /* "Cost, thousand som" */
  AIMAK_PL_COL_INDICATORS,       /* "Indicator: baseline → target (women / men)" */
  AIMAK_PL_COL_MARKER,
  AIMAK_PL_COL_JUSTIFICATION,
  AIMAK_PL_COL_CHECKLIST,
  AIMAK_PL_COL_GCM,
  AIMAK_PL_COL_SDG,
  AIMAK_PL_COL_DATE,
  AIMAK_PL_COL_TYPE,
  AIMAK_PL_COL_TOPIC,
  AIMAK_PL_COL_ROLES,            /* "Participants by role (women / men)" */
  AIMAK_PL_COL_BASELINE,         /* "Baseline (women / men)" */
  AIMAK_PL_COL_TARGET,           /* "Target (women / men)" */
  AIMAK_PL_COL_REPORTER,         /* "Who reports" */
  AIMAK_PL_COL_FREQUENCY,        /* "When" */
  AIMAK_PL_COL_REPORT_TO,        /* "To whom" */
  AIMAK_PL_COL_STATUS,
  AIMAK_PL_COL_BUDGET,           /* "Budget, thousand som" */
  AIMAK_PL_COL_SHARE,
  AIMAK_PL_LABEL_PROBLEM,        /* "Problem statement" */
  AIMAK_PL_LABEL_DESCRIPTION,    /* "Description" */
  AIMAK_PL_TOTAL,                /* "Total" */
  AIMAK_PL_NO_PRIORITIES,        /* "No priorities with the chosen statuses." */
  AIMAK_PL_NO_HEARINGS,
  AIMAK_PL_NO_ACTIVITIES,
  AIMAK_PL_NO_INDICATORS,
  AIMAK_PL_MONITORING_NOTE,      /* the half-yearly reporting rule */
  AIMAK_PL_SITUATION_NOTE,       /* "Latest year with data, ..." */
  AIMAK_PL_STATUSES_NOTE,        /* "Included: priorities with the status ..." (filled) */
  AIMAK_PL_COL_FUNDING,          /* "Funding source" */
  AIMAK_PL_SUB_BUDGET_BY_SOURCE, /* "Budget by funding source" */
  AIMAK_PL_N_LABELS
} AimakProgrammeLabel;

typedef struct
{
  /* What was asked for (a copy of the options, statuses resolved to the default). */
  char       *area_code;
  gboolean    include_below;
  int         year_from, year_to;
  char       *lang;                 /* "en", "ru" or "ky" */
  char      **statuses;             /* NULL-terminated, never "rejected" */

  /* Document */
  char       *title;                /* "Local socio-economic development programme of
                                     * Barskoon ayil aimak for 2026–2028" */
  char       *area_name;            /* in the document language */
  char       *area_type;            /* translated type label */
  char       *period;               /* "2026–2028" */
  char       *generated_on;         /* today, formatted */
  gboolean    is_demo;              /* any included priority, activity or figure is demo data:
                                     * every page carries labels[AIMAK_PL_DEMO_MARK] */
  char       *labels[AIMAK_PL_N_LABELS]; /* see AimakProgrammeLabel; never NULL */

  /* 1. Passport */
  GPtrArray  *passport;             /* AimakProgrammeField *, in print order */
  GPtrArray  *budget_by_source;     /* AimakProgrammeMoney *, included priorities, every source
                                     * in list order (zeros included), then code "" = none
                                     * when any priority has no source */
  AimakProgrammeMoney *budget_total;/* included priorities */
  AimakProgrammeValue  gender_share;          /* marker 1–2 budget / budget of the included
                                               * priorities, as a percentage 0–100; no data
                                               * when their budget is 0 */
  AimakProgrammeValue  gender_share_adopted;  /* aimak_summary_compute(): share of the adopted
                                               * programme of the area (percent) */
  AimakProgrammeValue  gender_share_proposals;/* aimak_summary_compute(): all proposals */

  /* 2. Current situation */
  GPtrArray  *figures;              /* AimakProgrammeFigure *, every key card in order, also
                                     * those without data (own->year 0) */
  char       *chart_title;          /* "Labour migrants abroad by sex, persons" */
  char       *chart_unit;
  char       *chart_source;         /* source(s) of the chart values, "" if none */
  GPtrArray  *chart;                /* AimakProgrammeChartPoint *, by year ascending; empty when
                                     * no indicator has values for women and men */

  /* 3. Problems and priorities */
  GPtrArray  *priorities;           /* AimakProgrammePriority *, document order: area, rank */
  GPtrArray  *sectors;              /* AimakProgrammeSector *, sector list order, "" last */

  /* 4. Action plan: one row per priority (AimakProgramme.priorities) */
  GPtrArray  *plan_sources;         /* AimakCode *: the cost columns, one per funding
                                     * source used by an included priority ("" = none) */
  GPtrArray  *plan_totals;          /* AimakProgrammeMoney *, one per plan_sources entry */

  /* 5. Gender and migration annex: per priority (AimakProgramme.priorities) and */
  GPtrArray  *budget_by_marker;     /* AimakProgrammeMoney *, codes "0", "1", "2", labels
                                     * the markers' names; included priorities */
  AimakProgrammeMoney *gender_budget; /* marker 1 + 2 of the included priorities */

  /* 6. Public participation */
  GPtrArray  *hearings;             /* AimakProgrammeHearing *, by date */
  GPtrArray  *activities;           /* AimakProgrammeActivity *, by date: those of the
                                     * programme's areas dated from 1 January of the year
                                     * before the period (its preparation) to its end */
  GPtrArray  *activity_roles;       /* AimakSummaryRoleItem *, totals by role over activities */
  guint       activity_women, activity_men;

  /* 7. Monitoring */
  GPtrArray  *monitoring;           /* AimakProgrammeMonitoringRow * */
} AimakProgramme;

GQuark          aimak_programme_error_quark    (void);

void            aimak_programme_options_init   (AimakProgrammeOptions       *opts);
void            aimak_programme_options_clear  (AimakProgrammeOptions       *opts);

/* Builds the model. Checks the options (AIMAK_PROGRAMME_ERROR_INVALID with a
 * translated message: language, years 1990–2100 with from ≤ to and at most 10
 * years, unknown status codes; UNKNOWN_AREA). Reads the database in one read
 * transaction; @db must not be used by another thread meanwhile. Cancellable
 * (G_IO_ERROR_CANCELLED). */
AimakProgramme *aimak_programme_build          (AimakDb                     *db,
                                                const AimakProgrammeOptions *opts,
                                                GCancellable                *cancellable,
                                                GError                     **error);
void            aimak_programme_free           (AimakProgramme              *programme);

/* labels[@id]. */
const char     *aimak_programme_label          (const AimakProgramme        *programme,
                                                AimakProgrammeLabel          id);

/* Refuses a target that must not be replaced: the database @db_path (may be NULL)
 * or a side file of it, any SQLite database, anything in a "backups" folder, a
 * folder, a read-only file, an existing file that is not an ODF or PDF document.
 * An existing document is refused with AIMAK_PROGRAMME_ERROR_EXISTS unless
 * @replace. On success *@dir_out (may be NULL) gets the folder. */
gboolean        aimak_programme_check_target   (const char                  *path,
                                                const char                  *db_path,
                                                gboolean                     replace,
                                                char                       **dir_out,
                                                GError                     **error);

/* Writes the programme as an OpenDocument text (ODF 1.2 package, libgsf) to @path:
 * a temporary file beside it renamed over it only when complete; on failure or
 * cancellation nothing is left. Checks the target with
 * aimak_programme_check_target(). */
gboolean        aimak_programme_write_odt      (const AimakProgramme        *programme,
                                                const char                  *path,
                                                const char                  *db_path,
                                                gboolean                     replace,
                                                GCancellable                *cancellable,
                                                GError                     **error);

/* The cost cell of @priority in the action plan column @source_index (an index of
 * programme->plan_sources): its budget in thousand som when it is funded from that
 * source, else "". */
const char     *aimak_programme_plan_cost      (const AimakProgramme        *programme,
                                                const AimakProgrammePriority *priority,
                                                guint                        source_index);

void            aimak_programme_value_clear    (AimakProgrammeValue         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakProgramme, aimak_programme_free)

/* Text that the ODT and the PDF writer print alike (free with g_free()): the
 * priorities heard at a hearing, one "3. Title" a line; participants by role,
 * one "Role: women / men" a line; an indicator's name with its unit,
 * "Name (unit)". */
char *aimak_programme_hearing_titles  (const AimakProgrammeHearing   *hearing);
char *aimak_programme_roles_text      (GPtrArray                     *roles);
char *aimak_programme_indicator_label (const AimakProgrammeIndicator *indicator);
/* The AIMAK_PROGRAMME_ACTIVITY_CELLS cells of an activity's row in the
 * capacity-building table: date, area, type, topic, women, men (numbers),
 * participants by role. Free with g_strfreev(). */
#define AIMAK_PROGRAMME_ACTIVITY_CELLS 7
char **aimak_programme_activity_row   (const AimakProgrammeActivity  *activity);

/* "Barskoon (Ayil aimak)", but only the name when it already says its kind
 * ("Жети-Огузский район", not "Жети-Огузский район (Район)"). */
char *aimak_programme_area_with_kind (const char *name,
                                      const char *kind);

G_END_DECLS
