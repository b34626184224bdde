/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crash-child.c — the victim of test-crash: makes a stream of edits through
 * the core API and, after each call returns successfully, reports the edit
 * on stdout with one write(2), until it is killed.
 * Usage: crash-child DB FIRST-NUMBER
 * Also "another program" for test-backup: crash-child --read DB opens the
 * database with plain SQLite, reads it, and closes it. */
#include "config.h"

#include <sqlite3.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aimak-core.h"

static void
report (const char *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  size_t len = strlen (text);

  /* Shorter than PIPE_BUF: the line arrives whole or not at all. */
  if (write (STDOUT_FILENO, text, len) != (ssize_t) len)
    exit (3);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakDb) db = NULL;
  gint64 n;

  if (argc != 3)
    return 2;
  if (g_strcmp0 (argv[1], "--read") == 0)
    {
      sqlite3 *handle = NULL;
      int rc = sqlite3_open_v2 (argv[2], &handle, SQLITE_OPEN_READWRITE, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_exec (handle, "SELECT count(*) FROM change_log", NULL, NULL, NULL);
      sqlite3_close (handle);
      return rc == SQLITE_OK ? 0 : 1;
    }
  n = g_ascii_strtoll (argv[2], NULL, 10);
  db = aimak_db_open (argv[1], AIMAK_DB_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      g_autofree char *line = NULL;

      if (n % 2 == 0)
        {
          /* A priority, through its API: several tables in one transaction. */
          g_autoptr(AimakPriority) p = aimak_priority_new ("KG02210815000");

          g_free (p->title);
          p->title = g_strdup_printf ("Crash edit %s", id);
          if (!aimak_priority_create (db, p, &error))
            break;
          line = g_strdup_printf ("P %s %s", id, p->id);
        }
      else
        {
          /* A change-log entry inside an explicit transaction. */
          if (!aimak_db_begin (db, &error))
            break;
          if (!aimak_db_log_change (db, "crash", id, "create", "n", NULL, id, &error))
            {
              aimak_db_rollback (db);
              break;
            }
          if (!aimak_db_commit (db, &error))
            break;
          line = g_strdup_printf ("L %s", id);
        }
      report (line);
    }
  g_printerr ("%s\n", error->message);
  return 1;
}
