/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-number.c — the one grammar for numbers and dates, the plausibility
 * ranges and the text check (aimak-number.c) on arbitrary text. Whatever the
 * input: an accepted number is finite, reads back from its edit form in every
 * language, and passes the range check only inside its range; an accepted date
 * is a real ISO date that reads back from its displayed form; text that passes
 * the check has no control character. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-core.h"
#include "aimak-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  return 0;
}

static void
check_number (const char       *text,
              AimakNumberFlags  flags)
{
  static const char * const langs[] = { "en", "ru", "ky" };
  g_autoptr(GError) error = NULL;
  double v = NAN;

  if (!aimak_number_parse (text, flags, &v, &error))
    {
      if (error == NULL || *error->message == '\0' || !isnan (v))
        __builtin_trap ();
      return;
    }
  if (!isfinite (v))
    __builtin_trap ();
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *plain = aimak_number_format_plain (v, langs[l]);
      g_autofree char *shown = aimak_number_format (v, 2, langs[l]);
      double back = NAN;

      if (!aimak_number_parse (plain, 0, &back, NULL) || back != v)
        __builtin_trap ();
      if (*shown == '\0')
        __builtin_trap ();
    }
  for (int kind = AIMAK_NUMBER_ANY; kind <= AIMAK_NUMBER_MONEY; kind++)
    {
      g_autoptr(GError) range_error = NULL;
      gboolean ok = aimak_number_check (v, kind, "Value", &range_error);
      gboolean inside;

      switch (kind)
        {
        case AIMAK_NUMBER_COUNT:
          inside = v >= 0 && v <= 1e9 && v == floor (v);
          break;
        case AIMAK_NUMBER_PERCENT:
          inside = v >= 0 && v <= 100;
          break;
        case AIMAK_NUMBER_RATE:
          inside = v >= 0 && v <= 1e9;
          break;
        case AIMAK_NUMBER_MONEY:
          inside = v >= 0 && v < 1e13;
          break;
        default:
          inside = fabs (v) < 1e13;
        }
      if (ok != inside || (!ok && (range_error == NULL || *range_error->message == '\0')))
        __builtin_trap ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);   /* stops at a NUL */
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  check_number (text, AIMAK_NUMBER_FLAGS_NONE);
  check_number (text, AIMAK_NUMBER_COMMA_IS_DECIMAL);

  if (aimak_date_parse (text, &iso, &error))
    {
      g_autofree char *ru = aimak_date_format (iso, "ru");
      g_autofree char *en = aimak_date_format (iso, "en");
      g_autofree char *again = NULL, *again_en = NULL;

      if (!aimak_date_is_iso (iso) || !aimak_date_parse (ru, &again, NULL) ||
          !aimak_date_parse (en, &again_en, NULL) || strcmp (again, iso) != 0 ||
          strcmp (again_en, iso) != 0)
        __builtin_trap ();
    }
  else if (error == NULL || iso != NULL)
    __builtin_trap ();

  /* The raw bytes, NULs included, for the text check. */
  for (int multiline = 0; multiline <= 1; multiline++)
    if (aimak_text_check ((const char *) data, (gssize) size, multiline, "Title", NULL))
      for (size_t i = 0; i < size; i++)
        if (data[i] == 0 || (data[i] < 0x20 && !(multiline && (data[i] == '\t' ||
                                                               data[i] == '\n' ||
                                                               data[i] == '\r'))) ||
            data[i] == 0x7f)
          __builtin_trap ();
  return 0;
}
