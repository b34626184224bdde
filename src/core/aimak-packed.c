/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-packed.c — a struct and its strings in one allocation. See aimak-packed.h. */
#include "config.h"

#include <string.h>

#include "aimak-packed.h"

gpointer
_aimak_packed_new (gsize              struct_size,
                   guint              n_strings,
                   const gsize       *offsets,
                   const char *const *strings)
{
  gsize size = struct_size;
  char *block;
  char *at;

  for (guint i = 0; i < n_strings; i++)
    size += strings[i] != NULL ? strlen (strings[i]) + 1 : 0;
  block = g_malloc0 (size);
  at = block + struct_size;
  for (guint i = 0; i < n_strings; i++)
    {
      gsize string_size;

      if (strings[i] == NULL)
        continue;
      string_size = strlen (strings[i]) + 1;
      *(char **) (block + offsets[i]) = memcpy (at, strings[i], string_size);
      at += string_size;
    }
  return block;
}
