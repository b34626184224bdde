/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c — feeds a harness every file in the directories given (the seed
 * corpus and the inputs that once crashed it), as a TAP test built with the
 * normal compiler. A crash or a sanitizer report fails the test. */
#include "config.h"

#include <stdio.h>

#include <glib.h>

#include "aimak-fuzz.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) d = g_dir_open (argv[i], 0, NULL);
      const char *name;

      /* A directory that does not exist yet (no regressions) is fine. */
      while (d && (name = g_dir_read_name (d)))
        if (name[0] != '.' && g_strcmp0 (name, "README.md") != 0)
          g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
    }
  g_ptr_array_sort (files, compare);
  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%u\n", files->len ? files->len : 1);
  if (files->len == 0)
    printf ("ok 1 # SKIP no inputs\n");
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &data, &len, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      LLVMFuzzerTestOneInput ((const guint8 *) data, len);
      printf ("ok %u - %s (%" G_GSIZE_FORMAT " bytes)\n", i + 1, path, len);
      fflush (stdout);
    }
  return 0;
}
