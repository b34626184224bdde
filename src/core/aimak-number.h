/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-number.h — how Aimak reads and writes numbers, dates and plain text
 * typed or imported by people: one grammar for numbers, one for dates, the
 * plausible range of each kind of figure, and one formatter, so that every
 * field of the app, the CSV import and the CLI agree.
 *
 * Numbers (aimak_number_parse()), as people write them in Russian, Kyrgyz and
 * English:
 *   - an optional sign: "+", "-" or "−" (U+2212);
 *   - digits, grouped by threes with spaces (also no-break U+00A0, narrow
 *     no-break U+202F, thin U+2009) or apostrophes ("1 234 567", "1'234"), or
 *     with commas when a point is the decimal mark ("1,234,567.5");
 *   - a decimal mark, "." or ",", followed by digits: "1234.5", "1234,5",
 *     "1 234,5", "1,234.5".
 *   A point is always a decimal mark (ru/ky/en never group with points), so
 *   "1.234,5", "1.2.3" and dates such as "15.03.2026" are refused. A single comma
 *   followed by exactly three digits after one to three digits ("1,234",
 *   "12,500") is ambiguous — one thousand two hundred and thirty-four in
 *   English, one point two three four in Russian — and refused unless the
 *   caller knows the comma is decimal (AIMAK_NUMBER_COMMA_IS_DECIMAL, e.g. a
 *   semicolon-separated CSV file). Exponents, "inf", "nan" and more than 15
 *   significant digits (which a double cannot hold exactly) are refused.
 *
 * Dates (aimak_date_parse()): "dd.mm.yyyy" (also "d.m.yyyy"), what planners in
 * Kyrgyzstan write, and ISO "yyyy-mm-dd"; only real calendar dates. Stored as
 * ISO; shown by aimak_date_format() as dd.mm.yyyy in Russian and Kyrgyz and as
 * ISO yyyy-mm-dd in English (unambiguous whatever English the reader learnt).
 *
 * Formatting (aimak_number_format()) follows the interface language: ru/ky
 * group thousands with a narrow no-break space (U+202F) and write a decimal
 * comma, "30,3 %" with a no-break space; en groups with commas, writes a
 * decimal point and "30.3%".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AIMAK_NUMBER_ERROR (aimak_number_error_quark ())

typedef enum
{
  AIMAK_NUMBER_ERROR_EMPTY,
  AIMAK_NUMBER_ERROR_SYNTAX,
  AIMAK_NUMBER_ERROR_AMBIGUOUS,
  AIMAK_NUMBER_ERROR_PRECISION,   /* more digits than a double holds exactly */
  AIMAK_NUMBER_ERROR_RANGE,       /* outside the plausible range of its kind */
  AIMAK_NUMBER_ERROR_DATE,        /* not a date, or not a real one */
  AIMAK_NUMBER_ERROR_TEXT,        /* a control character in text */
} AimakNumberError;

typedef enum
{
  AIMAK_NUMBER_FLAGS_NONE       = 0,
  AIMAK_NUMBER_COMMA_IS_DECIMAL = 1 << 0,  /* a comma is never a thousands separator */
} AimakNumberFlags;

/* What a figure measures, and so which values are plausible. */
typedef enum
{
  AIMAK_NUMBER_ANY,       /* finite, more than −10^13 and less than 10^13 */
  AIMAK_NUMBER_COUNT,     /* a whole number from 0 to 10^9 */
  AIMAK_NUMBER_PERCENT,   /* from 0 to 100 */
  AIMAK_NUMBER_RATE,      /* from 0 to 10^9 (per 1,000, per 100,000 ...) */
  AIMAK_NUMBER_MONEY,     /* at least 0 and less than 10^13 */
} AimakNumberKind;

#define AIMAK_NUMBER_MAX_COUNT 1e9
#define AIMAK_NUMBER_MAX_MONEY 1e13
#define AIMAK_NUMBER_MAX_DIGITS 15

GQuark           aimak_number_error_quark  (void);

/* Reads @text by the grammar above into *@out. Leading and trailing spaces are
 * ignored; blank text is AIMAK_NUMBER_ERROR_EMPTY. On failure *@out is untouched
 * and @error (translated) quotes @text and says what is wrong. */
gboolean         aimak_number_parse        (const char        *text,
                                            AimakNumberFlags   flags,
                                            double            *out,
                                            GError           **error);
/* The kind of an indicator unit: a catalogue code ("PERSONS", "NUMBER" → count,
 * "PT" → percent, "PER_..." → rate, "KGS", "USD" → money) or free text as typed
 * for a priority's indicator ("%", "persons", "человек", "адам", "сом" ...);
 * AIMAK_NUMBER_ANY when unknown. */
AimakNumberKind  aimak_number_kind_for_unit (const char       *unit);
/* TRUE when @value is finite and inside the range of @kind. Otherwise
 * AIMAK_NUMBER_ERROR_RANGE, the message naming @field (translated label,
 * e.g. "Value", "Budget (KGS)") and the range. */
gboolean         aimak_number_check        (double             value,
                                            AimakNumberKind    kind,
                                            const char        *field,
                                            GError           **error);

/* @value with @decimals decimals (0–6), grouped and punctuated as @lang writes
 * it (NULL = the interface language, aimak_lang_current()); "−" for negatives;
 * "" for NaN or infinity. */
char            *aimak_number_format        (double            value,
                                             int               decimals,
                                             const char       *lang);
/* As aimak_number_format(), then "%" as @lang writes it: "30.3%", "30,3 %". */
char            *aimak_number_format_percent (double           value,
                                              int              decimals,
                                              const char      *lang);
/* The shortest form that reads back to @value (at most 15 significant digits),
 * without grouping, with @lang's decimal mark unless that would read as a
 * thousands separator ("1.234" stays with a point); "" for NaN. For edit fields. */
char            *aimak_number_format_plain  (double            value,
                                             const char       *lang);

/* Reads "dd.mm.yyyy", "d.m.yyyy" or "yyyy-mm-dd" (spaces around ignored); on
 * success *@iso (if not NULL) is the date as "yyyy-mm-dd". Blank text is
 * AIMAK_NUMBER_ERROR_EMPTY; other failures AIMAK_NUMBER_ERROR_DATE. */
gboolean         aimak_date_parse          (const char        *text,
                                            char             **iso,
                                            GError           **error);
/* TRUE when @iso is exactly "yyyy-mm-dd" and a real date: the stored form. */
gboolean         aimak_date_is_iso         (const char        *iso);
/* A stored ISO date as @lang writes it (NULL = the interface language):
 * "31.12.2026" in ru/ky, "2026-12-31" in en. Text that is not an ISO date is
 * returned unchanged; NULL gives "". */
char            *aimak_date_format         (const char        *iso,
                                            const char        *lang);

/* Refuses text that people cannot see or type: control characters (U+0000 to
 * U+001F, U+007F to U+009F) other than tab and line breaks in multi-line
 * fields (@multiline), and invalid UTF-8. A NUL byte would otherwise silently
 * cut the text. The message names @field and the position (in characters,
 * from 1). NULL text is fine. */
gboolean         aimak_text_check          (const char        *text,
                                            gssize             length,
                                            gboolean           multiline,
                                            const char        *field,
                                            GError           **error);

G_END_DECLS
