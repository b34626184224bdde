/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator-private.h — pieces of aimak-indicator.c that the importer
 * shares, so that a row of a CSV file and a value typed in the editor are
 * judged by the same rules in the same words. */
#pragma once

#include "aimak-field.h"
#include "aimak-indicator.h"

G_BEGIN_DECLS

/* Appends AimakProblem * to @problems. @indicator NULL = unknown indicator;
 * @area_known FALSE = unknown area. Does not touch the database. */
void      _aimak_indicator_check_value  (const AimakIndicatorValue *value,
                                         gboolean                   area_known,
                                         const AimakIndicator      *indicator,
                                         GPtrArray                 *problems);
/* The value as stored in the change log ("%.15g", C locale). */
char     *_aimak_indicator_format_value (double                     value);

#define AIMAK_INDICATOR_ENTITY_VALUE     "indicator_value"
#define AIMAK_INDICATOR_ENTITY           "indicator"

/* Logs a change of value @id (entity AIMAK_INDICATOR_ENTITY_VALUE), stamped @ts,
 * or now when @ts is NULL (an import's rows share the time it began). */
gboolean  _aimak_indicator_log_value    (AimakDb                   *db,
                                         const char                *ts,
                                         gint64                     id,
                                         const char                *action,
                                         const char                *field,
                                         const char                *old_value,
                                         const char                *new_value,
                                         GError                   **error);

/* Hands @problems to *@out (or frees it) and sets error @code whose message
 * lists them, so a caller that shows only the GError still tells everything. */
gboolean  _aimak_indicator_fail_with_problems (GPtrArray           *problems,
                                               GPtrArray          **out,
                                               int                  code,
                                               GError             **error);

/* Test hook. */
/* aimak_number_parse() (the grammar of aimak-number.h); @decimal_comma: a comma is
 * always the decimal mark (semicolon-separated files). */
gboolean              aimak_indicator_parse_number   (const char                 *text,
                                                      gboolean                    decimal_comma,
                                                      double                     *out);

G_END_DECLS
