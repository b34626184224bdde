/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-strings.h — the words of the exported workbook in English, Russian
 * and Kyrgyz. The workbook's language is chosen at export time, independently of
 * the interface language, and has to work where no message catalogue is installed
 * (tests from the build tree, a CLI on a server), so the labels live in a table
 * rather than in gettext.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Sheet names: at most 31 characters, none of []:*?/\ */
  AIMAK_XS_SHEET_COVER,
  AIMAK_XS_SHEET_PROFILE,
  AIMAK_XS_SHEET_PRIORITIES,
  AIMAK_XS_SHEET_INDICATORS,
  AIMAK_XS_SHEET_CAPACITY,
  AIMAK_XS_SHEET_BUDGET,
  AIMAK_XS_SHEET_ALIGNMENT,

  /* Sheet titles (row 1) */
  AIMAK_XS_TITLE_COVER,
  AIMAK_XS_TITLE_PROFILE,
  AIMAK_XS_TITLE_PRIORITIES,
  AIMAK_XS_TITLE_INDICATORS,
  AIMAK_XS_TITLE_CAPACITY,
  AIMAK_XS_TITLE_BUDGET,
  AIMAK_XS_TITLE_ALIGNMENT,

  /* What each sheet holds, for the contents on the cover */
  AIMAK_XS_ABOUT_PROFILE,
  AIMAK_XS_ABOUT_PRIORITIES,
  AIMAK_XS_ABOUT_INDICATORS,
  AIMAK_XS_ABOUT_CAPACITY,
  AIMAK_XS_ABOUT_BUDGET,
  AIMAK_XS_ABOUT_ALIGNMENT,

  /* Cover */
  AIMAK_XS_COL_SECTION,
  AIMAK_XS_COL_ITEM,
  AIMAK_XS_COL_VALUE,
  AIMAK_XS_COL_NOTE,
  AIMAK_XS_SECTION_ABOUT,
  AIMAK_XS_SECTION_CONTENTS,
  AIMAK_XS_SECTION_SOURCES,
  AIMAK_XS_SECTION_MARKER,
  AIMAK_XS_SECTION_STATUS,
  AIMAK_XS_SECTION_NOTES,
  AIMAK_XS_ITEM_AREAS,
  AIMAK_XS_ITEM_PROGRAMME_START,
  AIMAK_XS_ITEM_PROGRAMME_END,
  AIMAK_XS_ITEM_PREPARED_BY,
  AIMAK_XS_ITEM_PREPARED_ON,
  AIMAK_XS_ITEM_N_PRIORITIES,
  AIMAK_XS_ITEM_N_ACTIVITIES,
  AIMAK_XS_ITEM_LANGUAGE,
  AIMAK_XS_LANGUAGE_NAME,
  AIMAK_XS_SOURCE_PLANNERS,
  AIMAK_XS_SOURCE_NONE,
  AIMAK_XS_NOTE_DEMO,
  AIMAK_XS_NOTE_NO_DEMO,
  AIMAK_XS_NOTE_SUPPRESSED,       /* "{n}" = the threshold */
  AIMAK_XS_NOTE_LARGE,
  AIMAK_XS_SCOPE_PILOTS,
  AIMAK_XS_SCOPE_ALL,
  AIMAK_XS_FOOTER_PAGE,           /* "&P" and "&N" are Excel's page codes */

  /* Common column headers */
  AIMAK_XS_COL_AREA,
  AIMAK_XS_COL_PCODE,
  AIMAK_XS_COL_RANK,
  AIMAK_XS_COL_TITLE,
  AIMAK_XS_COL_PRIORITY,
  AIMAK_XS_COL_WOMEN,
  AIMAK_XS_COL_MEN,
  AIMAK_XS_COL_TOTAL,
  AIMAK_XS_COL_UNIT,
  AIMAK_XS_COL_YEAR,
  AIMAK_XS_COL_SOURCE,
  AIMAK_XS_COL_INDICATOR,
  AIMAK_XS_COL_CODE,
  AIMAK_XS_COL_NAME,
  AIMAK_XS_YES,
  AIMAK_XS_TOTAL_ROW,

  /* Priorities */
  AIMAK_XS_COL_SECTOR,
  AIMAK_XS_COL_TARGET_GROUPS,
  AIMAK_XS_COL_MARKER,
  AIMAK_XS_COL_JUSTIFICATION,
  AIMAK_XS_COL_GCM,
  AIMAK_XS_COL_SDG,
  AIMAK_XS_COL_BUDGET,
  AIMAK_XS_COL_FUNDING,
  AIMAK_XS_COL_RESPONSIBLE,
  AIMAK_XS_COL_PARTNERS,
  AIMAK_XS_COL_START_YEAR,
  AIMAK_XS_COL_END_YEAR,
  AIMAK_XS_COL_STATUS,
  AIMAK_XS_COL_HEARING_DATE,
  AIMAK_XS_COL_HEARING_WOMEN,
  AIMAK_XS_COL_HEARING_MEN,
  AIMAK_XS_COL_DECISION_NO,
  AIMAK_XS_COL_DECISION_DATE,
  AIMAK_XS_COL_DEMO,
  AIMAK_XS_VALIDATION_MARKER_TITLE,
  AIMAK_XS_VALIDATION_MARKER,
  AIMAK_XS_VALIDATION_STATUS_TITLE,
  AIMAK_XS_VALIDATION_STATUS,
  AIMAK_XS_NO_PRIORITIES,

  /* Profile */
  AIMAK_XS_CHART_PROFILE,         /* "{area}", "{unit}" */
  AIMAK_XS_SUPPRESSED_TOTAL,
  AIMAK_XS_NO_INDICATORS,

  /* Indicators */
  AIMAK_XS_COL_BASELINE_WOMEN,
  AIMAK_XS_COL_BASELINE_MEN,
  AIMAK_XS_COL_BASELINE_TOTAL,
  AIMAK_XS_COL_TARGET_WOMEN,
  AIMAK_XS_COL_TARGET_MEN,
  AIMAK_XS_COL_TARGET_TOTAL,
  AIMAK_XS_COL_ACTUAL_WOMEN,
  AIMAK_XS_COL_ACTUAL_MEN,
  AIMAK_XS_COL_ACTUAL_TOTAL,
  AIMAK_XS_NO_PRIORITY_INDICATORS,

  /* Capacity building */
  AIMAK_XS_COL_DATE,
  AIMAK_XS_COL_TYPE,
  AIMAK_XS_COL_TOPIC,
  AIMAK_XS_COL_FACILITATOR,
  AIMAK_XS_COL_ROLE_WOMEN,        /* "{role}" */
  AIMAK_XS_COL_ROLE_MEN,          /* "{role}" */
  AIMAK_XS_COL_TOTAL_WOMEN,
  AIMAK_XS_COL_TOTAL_MEN,
  AIMAK_XS_COL_TOTAL_PARTICIPANTS,
  AIMAK_XS_COL_PRE_SCORE,
  AIMAK_XS_COL_POST_SCORE,
  AIMAK_XS_COL_ROLE,
  AIMAK_XS_PARTICIPANTS_BY_ROLE,
  AIMAK_XS_CHART_CAPACITY,
  AIMAK_XS_NO_ACTIVITIES,

  /* Gender budget */
  AIMAK_XS_COL_BREAKDOWN,
  AIMAK_XS_COL_CATEGORY,
  AIMAK_XS_COL_SHARE,
  AIMAK_XS_BY_MARKER,
  AIMAK_XS_BY_FUNDING,
  AIMAK_XS_NO_FUNDING,
  AIMAK_XS_TOTAL_BUDGET,
  AIMAK_XS_BUDGET_ADOPTED,
  AIMAK_XS_GENDER_BUDGET_ADOPTED,
  AIMAK_XS_SHARE_ADOPTED,
  AIMAK_XS_SHARE_ADOPTED_DEF,
  AIMAK_XS_SHARE_PROPOSALS,
  AIMAK_XS_SHARE_PROPOSALS_DEF,
  AIMAK_XS_CHART_BUDGET,
  AIMAK_XS_CURRENCY,

  /* Alignment */
  AIMAK_XS_GCM_SHORT,             /* "{code}" */
  AIMAK_XS_SDG_SHORT,             /* "{code}" */
  AIMAK_XS_GCM_LONG,
  AIMAK_XS_SDG_LONG,
  AIMAK_XS_COVERAGE_ROW,
  AIMAK_XS_COL_N_LINKS,
  AIMAK_XS_LEGEND,

  /* Units of the indicator catalogue */
  AIMAK_XS_UNIT_PERSONS,
  AIMAK_XS_UNIT_PERCENT,
  AIMAK_XS_UNIT_NUMBER,
  AIMAK_XS_UNIT_PER_1000_WOMEN,
  AIMAK_XS_UNIT_PER_1000_POP,
  AIMAK_XS_UNIT_PER_10000_POP,
  AIMAK_XS_UNIT_PER_100000_POP,
  AIMAK_XS_UNIT_PER_1000_LIVE_BIRTHS,
  AIMAK_XS_UNIT_PER_100000_LIVE_BIRTHS,
  AIMAK_XS_UNIT_PER_1000_UNINFECTED_POP,
  AIMAK_XS_UNIT_PER_100000_WKRS_EMP,

  /* Values that disagree, values hidden, texts cut (Profile and Cover) */
  AIMAK_XS_COL_SOURCES_DIFFER,
  AIMAK_XS_SOURCES_DIFFER,        /* "{n}" = how many other sources differ */
  AIMAK_XS_SECTION_HIDDEN,
  AIMAK_XS_HIDDEN_SMALL,          /* "{n}" = the threshold */
  AIMAK_XS_HIDDEN_COMPLEMENT,
  AIMAK_XS_HIDDEN_WHAT,           /* "{what}", "{indicator}", "{area}", "{year}" */
  AIMAK_XS_CUT_MARK,
  AIMAK_XS_SECTION_CUT,
  AIMAK_XS_NOTE_CUT,

  /* Priorities and Capacity building: texts, checklist, links */
  AIMAK_XS_COL_PROBLEM,
  AIMAK_XS_COL_DESCRIPTION,
  AIMAK_XS_CHECKLIST_COL,         /* "{item}" = the checklist item */
  AIMAK_XS_ANSWER_YES,
  AIMAK_XS_ANSWER_PARTLY,
  AIMAK_XS_ANSWER_NO,
  AIMAK_XS_COL_LINKED_PRIORITIES,

  /* Consolidation: the Source desk column, the Areas and Data received sheets */
  AIMAK_XS_COL_SOURCE_DESK,
  AIMAK_XS_THIS_DESK,
  AIMAK_XS_DESK_UNNAMED,          /* "{id}" = the first characters of the desk's UUID */
  AIMAK_XS_SHEET_AREAS,
  AIMAK_XS_SHEET_RECEIVED,
  AIMAK_XS_TITLE_AREAS,
  AIMAK_XS_TITLE_RECEIVED,
  AIMAK_XS_ABOUT_AREAS,
  AIMAK_XS_ABOUT_RECEIVED,
  AIMAK_XS_COL_N_PRIORITIES,
  AIMAK_XS_COL_BUDGET_PROPOSALS,
  AIMAK_XS_COL_GENDER_BUDGET,
  AIMAK_XS_COL_N_ACTIVITIES,
  AIMAK_XS_NOTE_AREAS,
  AIMAK_XS_NO_AREA_DATA,
  AIMAK_XS_COL_DESK,
  AIMAK_XS_COL_PACKAGE_WRITTEN,
  AIMAK_XS_COL_PACKAGE_RECEIVED,
  AIMAK_XS_COL_N_PACKAGES,
  AIMAK_XS_COL_HELD_PRIORITIES,
  AIMAK_XS_COL_HELD_ACTIVITIES,
  AIMAK_XS_COL_HELD_VALUES,
  AIMAK_XS_NOTHING_RECEIVED,
  AIMAK_XS_NOTE_RECEIVED,

  /* Profile: the sum of former areas (issue 17) */
  AIMAK_XS_FORMER_SUM,            /* "{area}" = the successor, "{parts}" = "A + B" */
  AIMAK_XS_FORMER_SUM_NOTE,       /* "{date}" = the day of the change */
  AIMAK_XS_FORMER_NOT_COMPARABLE, /* "{area}" = the successor */
  AIMAK_XS_FORMER_RATE,           /* "{area}" */
  AIMAK_XS_FORMER_PART,           /* "{area}" */

  AIMAK_XS_N_STRINGS
} AimakExportString;

/* The label @id in @lang ("en", "ru" or "ky"; anything else is English). */
const char *aimak_export_string       (const char        *lang,
                                       AimakExportString  id);
/* @id with every "{@key}" replaced by @value. */
char       *aimak_export_string_subst (const char        *lang,
                                       AimakExportString  id,
                                       const char        *key,
                                       const char        *value);
/* A catalogue unit code (PERSONS, PT, PER_1000_WOMEN...) in @lang; an unknown
 * unit comes back as it is. */
const char *aimak_export_unit_label   (const char        *lang,
                                       const char        *unit);

G_END_DECLS
