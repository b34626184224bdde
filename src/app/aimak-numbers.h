/* aimak-numbers.h — how the app shows and reads numbers and times, in
 * one place so the list, the editor and the history agree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @value with @decimals decimals, digits grouped as the user's locale does, or with
 * a narrow no-break space where the locale groups nothing ("63 900"); "" for NaN. */
char     *aimak_numbers_format_grouped    (double      value,
                                           int         decimals);
/* A budget in the user's locale with digit grouping ("1 250 000"); "" for NaN. */
char     *aimak_numbers_format_budget     (double      value);
/* A number for editing: no grouping, no trailing zeros; "" for NaN. */
char     *aimak_numbers_format_number     (double      value);
/* Accepts "", "1 250 000", "1250000,5", "1,250,000.5"; "" gives NaN.
 * FALSE when the text is not a number. */
gboolean  aimak_numbers_parse_number      (const char *text,
                                   double     *value);
/* A whole number ≥ 0, or "" → @empty. FALSE when not a whole number ≥ 0. */
gboolean  aimak_numbers_parse_count       (const char *text,
                                   int         empty,
                                   int        *value);
/* A stored UTC timestamp ("2025-03-01T10:00:00.000Z") in local time; "" if unreadable. */
char     *aimak_numbers_format_timestamp  (const char *iso);

G_END_DECLS
