/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c — the streaming CSV reader on arbitrary bytes, with each
 * separator (detected, ',' and ';'), read through a small-chunk stream so
 * records cross buffer refills. */
#include "config.h"

#include "aimak-core.h"
#include "aimak-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { 0, ',', ';' };

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
      g_autoptr(AimakCsvReader) reader = aimak_csv_reader_new (in, separators[s]);
      g_autoptr(GError) error = NULL;
      GPtrArray *fields = NULL;
      int column = -1;

      while (aimak_csv_reader_next (reader, &fields, NULL, &error))
        {
          /* Look things up the way the importer does. */
          if (column < 0)
            column = aimak_csv_column (fields, "value");
          (void) aimak_csv_field (fields, column);
          (void) aimak_csv_field (fields, (int) fields->len);
          (void) aimak_csv_reader_get_line (reader);
          (void) aimak_csv_reader_get_offset (reader);
        }
      /* An error must come with a message to show. */
      if (error != NULL && (error->message == NULL || *error->message == '\0'))
        __builtin_trap ();
    }
  return 0;
}
