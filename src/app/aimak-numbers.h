/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-numbers.h — how the app shows and reads numbers and times, in
 * one place so the list, the editor and the history agree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* These keep their names for the app's callers and delegate to core's one
 * formatter and one grammar (src/core/aimak-number.h), in the interface language.
 * @value with @decimals decimals, grouped as the interface language writes it
 * ("63 900" with a narrow no-break space in ru/ky, "63,900" in en); "" for NaN. */
char     *aimak_numbers_format_grouped    (double      value,
                                           int         decimals);
/* @value (already × 100) as a percentage in the interface language: "30.3%" in
 * English, "30,3 %" (no-break space) in Russian and Kyrgyz; "" for NaN. */
char     *aimak_numbers_format_percent    (double      value,
                                           int         decimals);
/* A budget with digit grouping ("1 250 000"); "" for NaN. */
char     *aimak_numbers_format_budget     (double      value);
/* A number for editing: no grouping, no trailing zeros, the interface's decimal
 * mark where it cannot be misread (aimak_number_format_plain()); "" for NaN. */
char     *aimak_numbers_format_number     (double      value);
/* aimak_number_parse(): "1 250 000", "1250000,5", "1,250,000.5"; "" gives NaN.
 * FALSE when the text is not a number ("15.03.2026", "1.234,5", "1,234"). */
gboolean  aimak_numbers_parse_number      (const char *text,
                                   double     *value);
/* A whole number from 0 to 10^9, or "" → @empty. FALSE otherwise. */
gboolean  aimak_numbers_parse_count       (const char *text,
                                   int         empty,
                                   int        *value);
/* A date as typed ("15.03.2026", "2026-03-15") in its stored ISO form; when it
 * is not a date, the stripped text itself, so that validation names the problem. */
char     *aimak_numbers_parse_date        (const char *text);
/* A stored ISO date as the interface language writes it ("15.03.2026" in ru/ky,
 * "2026-03-15" in en); other text unchanged. */
char     *aimak_numbers_format_date       (const char *iso);
/* TRUE when @typed already reads as @iso, so a refill keeps what the user typed. */
gboolean  aimak_numbers_date_matches      (const char *typed,
                                           const char *iso);
/* A stored UTC timestamp ("2025-03-01T10:00:00.000Z") in local time; "" if unreadable. */
char     *aimak_numbers_format_timestamp  (const char *iso);

G_END_DECLS
