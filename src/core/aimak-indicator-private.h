/* aimak-indicator-private.h — pieces of aimak-indicator.c that the importer
 * shares, so that a row of a CSV file and a value typed in the editor are
 * judged by the same rules in the same words. */
#pragma once

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
GPtrArray *_aimak_field_errors_new      (void);
void      _aimak_field_errors_add       (GPtrArray                 *problems,
                                         const char                *field,
                                         const char                *message);

G_END_DECLS
