/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator.h — the indicator catalogue and the values of an area by
 * year and sex, each with its source: the queries behind the profile page
 * (table, key figures, trend series), validation shared by the editor and the
 * importer, and every write as one transaction recorded in the change log.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-change-log.h"
#include "aimak-db.h"
#include "aimak-problem.h"

G_BEGIN_DECLS

#define AIMAK_INDICATOR_ERROR (aimak_indicator_error_quark ())

typedef enum
{
  AIMAK_INDICATOR_ERROR_INVALID,
  AIMAK_INDICATOR_ERROR_NOT_FOUND,
  AIMAK_INDICATOR_ERROR_EXISTS,
} AimakIndicatorError;

/* Units of the catalogue that validation knows about. */
#define AIMAK_UNIT_PERCENT "PT"
#define AIMAK_UNIT_PERSONS "PERSONS"
#define AIMAK_UNIT_NUMBER  "NUMBER"

typedef struct
{
  char     *code;
  char     *name_en, *name_ru, *name_ky;
  char     *unit;
  gboolean  by_sex;
  gboolean  is_key;
  char     *description;
  gboolean  is_reference;      /* from data/reference (read only in the catalogue) */
} AimakIndicator;

typedef struct
{
  gint64    id;                /* 0 = not stored yet */
  char     *area_code;
  char     *indicator_code;
  int       year;
  char      sex;               /* 'F', 'M', 'T' */
  double    value;
  char     *source;
  char     *note;              /* never NULL after load; NULL is saved as "" */
  gboolean  is_reference;
  double    original_value;    /* NaN if never corrected */
  char     *original_source;   /* NULL if never corrected */
  char     *deleted_at;        /* NULL unless soft-deleted */
} AimakIndicatorValue;

/* One validation problem. @field is one of "year", "value", "source", "sex",
 * "indicator_code", "area_code", "code", "name_en", "unit"; @message is translated. */

/* One row of the profile table: an indicator in a year, women/men/total with
 * their sources. NaN = no value. */
typedef struct
{
  char     *indicator_code;
  char     *name;              /* in the db's language, with fallback */
  char     *unit;              /* the catalogue code, e.g. "PT"; see aimak_indicator_unit_label() */
  int       year;
  double    women, men, total;
  char     *source;            /* the one source of every value of the row */
  guint     n_differing;       /* other sources of the same indicator and year whose
                                * values differ from this row's */
  gint64    id_f, id_m, id_t;  /* value ids, or 0 */
  gboolean  by_sex;            /* the indicator is split by sex */
  gboolean  is_reference;      /* at least one of the values comes from the reference data */
} AimakIndicatorRow;

typedef struct
{
  char   *indicator_code;      /* the indicator the figure comes from (MIGR_LABOUR when
                                * it stands in for MIGR_ABROAD) */
  char   *key;                 /* the card it belongs to: one of aimak_indicator_key_codes() */
  char   *name;
  char   *unit;
  int     year;
  double  women, men, total;   /* NaN = none */
  char   *source;
  guint   n_differing;         /* other sources of that year with different values */
} AimakKeyFigure;

/* One change-log entry of a value: a row of the change log, whose action may
 * also be "import" or "reference". */
typedef AimakChange AimakIndicatorChange;

GQuark                aimak_indicator_error_quark    (void);

/* ---- the catalogue ---- */

/* AimakIndicator *, ordered by name in the db's language. */
GPtrArray            *aimak_indicator_catalogue      (AimakDb                    *db,
                                                      GError                    **error);
AimakIndicator       *aimak_indicator_get            (AimakDb                    *db,
                                                      const char                 *code,
                                                      GError                    **error);
/* Validates (code A-Z, 0-9, _; English name required; unit required, A-Z0-9_),
 * refuses an existing code (AIMAK_INDICATOR_ERROR_EXISTS, also reported in @problems
 * on field "code"), inserts and logs "create". On a validation failure *@problems
 * (if @problems is not NULL) receives a new array of AimakProblem * and @error is
 * AIMAK_INDICATOR_ERROR_INVALID, its message all the problems' messages; on success
 * *@problems is NULL. */
gboolean              aimak_indicator_add            (AimakDb                    *db,
                                                      const AimakIndicator       *indicator,
                                                      GPtrArray                 **problems,
                                                      GError                    **error);
/* AimakProblem * (empty = valid); does not look at the database. */
GPtrArray            *aimak_indicator_validate       (const AimakIndicator       *indicator);
const char           *aimak_indicator_name           (const AimakIndicator       *indicator,
                                                      const char                 *lang);
/* Units known to the catalogue, NULL-terminated ("PERSONS", "NUMBER", "PT", ...). */
const char * const   *aimak_indicator_units          (void);
/* Readable, translated unit ("PT" → "%", "PERSONS" → "persons"); @unit if unknown. */
const char           *aimak_indicator_unit_label     (const char                 *unit);

/* ---- the profile ---- */

/* AimakIndicatorRow *: non-deleted values of @area_code, indicators by name, newest
 * year first per indicator; one row per source, so that values of different sources
 * are never combined in one row (n_differing says how many other sources of the same
 * indicator and year give different values). @indicator_code NULL = all; @year_from /
 * @year_to 0 = open. */
GPtrArray            *aimak_indicator_rows           (AimakDb                    *db,
                                                      const char                 *area_code,
                                                      const char                 *indicator_code,
                                                      int                         year_from,
                                                      int                         year_to,
                                                      GError                    **error);
/* The key cards, in this order, NULL-terminated:
 * POP, MIGR_ABROAD (MIGR_LABOUR stands in), RETURNEES, SI_POV_NAHC, SL_TLF_UEM. */
const char * const   *aimak_indicator_key_codes      (void);
/* AimakKeyFigure *, one per key card the area HAS, at the latest year that has a
 * value; absent ones are not returned. */
GPtrArray            *aimak_indicator_key_figures    (AimakDb                    *db,
                                                      const char                 *area_code,
                                                      GError                    **error);
/* AimakIndicatorRow * by year ascending, one row per year for the trend chart and the
 * key cards. When several sources give a year, one of them is shown whole (never a
 * mix or an average), chosen by this rule: a source with both women and men first,
 * then a planner's own figure before reference data, then the source with more of
 * women/men/total, then the first by name. The row's n_differing counts the other
 * sources of that year whose values differ ("1 other source differs"). */
GPtrArray            *aimak_indicator_series         (AimakDb                    *db,
                                                      const char                 *area_code,
                                                      const char                 *indicator_code,
                                                      GError                    **error);

/* @source as shown in @lang: the sources of the reference data that have an official
 * Russian or Kyrgyz name (the National Statistical Committee, WFP PRISM, the National
 * Bank) are translated; any other source, a planner's above all, is shown as written. */
const char           *aimak_indicator_source_label   (const char                 *source,
                                                      const char                 *lang);

/* Which sexes @indicator_code has values for anywhere in the database: a string of
 * "F", "M", "T" in that order ("F" alone for a women-only indicator such as the
 * adolescent birth rate). "" when it has none or on error. */
char                 *aimak_indicator_sexes          (AimakDb                    *db,
                                                      const char                 *indicator_code);

/* TRUE when @a is shown rather than @b, two sources of one indicator and year, by
 * the rule of aimak_indicator_series(). */
gboolean              aimak_indicator_row_preferred  (const AimakIndicatorRow    *a,
                                                      const AimakIndicatorRow    *b);

/* ---- values ---- */

/* A blank value: id 0, sex 'T', value and original_value NaN, strings "". */
AimakIndicatorValue  *aimak_indicator_value_new      (void);
AimakIndicatorValue  *aimak_indicator_value_copy     (const AimakIndicatorValue  *value);
/* AimakProblem *: year 1990–2100; value inside the plausible range of the
 * indicator's unit (aimak_number_kind_for_unit(): counts whole 0–10^9, percent 0–100,
 * rates 0–10^9, money 0 to < 10^13, others |x| < 10^13); source not empty, one line
 * and note without control characters (field "note"); sex F/M/T and F/M only when the indicator
 * is split by sex; area and indicator exist. Empty array = valid. */
GPtrArray            *aimak_indicator_validate_value (AimakDb                    *db,
                                                      const AimakIndicatorValue  *value);
/* Inserts (id == 0, then sets v->id) or updates; refuses invalid values
 * (AIMAK_INDICATOR_ERROR_INVALID with @problems) and a second value with the same
 * (area, indicator, year, sex, source) (AIMAK_INDICATOR_ERROR_EXISTS, field "source").
 * *@problems as for aimak_indicator_add(). Saving a new value whose identity matches a
 * soft-deleted one brings that record back (same id). Correcting a reference value
 * keeps its first original_value/original_source; its area, indicator, year and sex
 * cannot change. The source is saved trimmed. change_log: "create" (field "value"),
 * then one "update" row per changed field with old and new. One transaction. */
gboolean              aimak_indicator_value_save     (AimakDb                    *db,
                                                      AimakIndicatorValue        *value,
                                                      GPtrArray                 **problems,
                                                      GError                    **error);
/* Soft delete / undo, logged. */
gboolean              aimak_indicator_value_delete   (AimakDb                    *db,
                                                      gint64                      id,
                                                      GError                    **error);
gboolean              aimak_indicator_value_undelete (AimakDb                    *db,
                                                      gint64                      id,
                                                      GError                    **error);
/* Also loads a soft-deleted value (deleted_at set). */
AimakIndicatorValue  *aimak_indicator_value_load     (AimakDb                    *db,
                                                      gint64                      id,
                                                      GError                    **error);
/* AimakIndicatorChange *, oldest first. A reference value starts with two entries of
 * action "reference" (ts ""), field "value" and field "source", whose new_value is what
 * the reference data said (original_value/original_source once corrected), so the
 * reference figure stays visible whatever was edited since. */
GPtrArray            *aimak_indicator_value_history  (AimakDb                    *db,
                                                      gint64                      id,
                                                      GError                    **error);

/* ---- parsing helpers shared by the importer and the editor ---- */

/* 'F', 'M', 'T' for F/M/T, women/men/total, женщины/мужчины/всего,
 * аялдар/эркектер/бардыгы and their short forms (ж, м, а, э ...); 0 if unknown. */
char                  aimak_indicator_parse_sex      (const char                 *text);
/* Translated "Women", "Men", "Total". */
const char           *aimak_indicator_sex_label      (char                        sex);

void                  aimak_indicator_free           (AimakIndicator             *indicator);
void                  aimak_indicator_value_free     (AimakIndicatorValue        *value);
void                  aimak_indicator_row_free       (AimakIndicatorRow          *row);
void                  aimak_key_figure_free          (AimakKeyFigure             *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakIndicator, aimak_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakIndicatorValue, aimak_indicator_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakIndicatorRow, aimak_indicator_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakKeyFigure, aimak_key_figure_free)

G_END_DECLS
