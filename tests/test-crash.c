/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c — crash safety: a child process (crash-child) makes a stream of
 * edits through the core API and reports each one after its call returned; it
 * is killed with SIGKILL at a random moment, 25 times over. After every kill
 * the database passes PRAGMA integrity_check and holds every reported edit. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "aimak-test-util.h"

#define ROUNDS 25

/* Runs the child for @ms milliseconds, kills it, and returns what it reported. */
static char *
run_and_kill (const char *child,
              const char *db_path,
              gint64      first,
              int         ms,
              int        *status)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *first_s = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  int fds[2];
  pid_t pid;
  gint64 deadline;
  char buf[4096];
  ssize_t n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execl (child, child, db_path, first_s, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  deadline = g_get_monotonic_time () + (gint64) ms * 1000;
  for (;;)
    {
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      struct pollfd pfd = { fds[0], POLLIN, 0 };

      if (left <= 0)
        break;
      if (poll (&pfd, 1, (int) left) > 0)
        {
          n = read (fds[0], buf, sizeof buf);
          if (n <= 0)
            break;   /* the child ended by itself: a failure, seen below */
          g_string_append_len (out, buf, n);
        }
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, status, 0), ==, pid);
  /* Whatever it wrote before it died is still in the pipe. */
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fds[0]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_crash_sigkill (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autofree char *child = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_true (g_file_test (child, G_FILE_TEST_IS_EXECUTABLE));
  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  }

  for (int round = 0; round < ROUNDS; round++)
    {
      /* Short and long runs: killed while opening, or deep in a stream. */
      int ms = g_test_rand_int_range (20, 700);
      int status = 0;
      gint64 first = (gint64) round * 1000000;
      g_autofree char *out = run_and_kill (child, path, first, ms, &status);
      g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
      g_autoptr(AimakDb) db = NULL;
      g_autofree char *check = NULL;
      guint reported = 0;

      /* It was killed, not ended by an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      check = aimak_db_query_text (db, &error, "PRAGMA integrity_check", NULL);
      g_assert_no_error (error);
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpint (aimak_db_query_int (db, -1, NULL,
                                           "SELECT count(*) FROM pragma_foreign_key_check",
                                           NULL), ==, 0);

      for (guint i = 0; lines[i] && *lines[i]; i++)
        {
          g_auto(GStrv) f = g_strsplit (lines[i], " ", 3);

          reported++;
          if (g_strcmp0 (f[0], "L") == 0)
            g_assert_cmpint (aimak_db_query_int (db, -1, NULL,
                                                 "SELECT count(*) FROM change_log "
                                                 "WHERE entity = 'crash' AND entity_id = ?",
                                                 "t", f[1]), ==, 1);
          else
            {
              g_autofree char *title = g_strdup_printf ("Crash edit %s", f[1]);
              g_autofree char *stored = NULL;

              g_assert_cmpstr (f[0], ==, "P");
              stored = aimak_db_query_text (db, &error, "SELECT title FROM priority WHERE id = ?",
                                            "t", f[2]);
              g_assert_no_error (error);
              g_assert_cmpstr (stored, ==, title);
              /* Its creation is in the change log too (same transaction). */
              g_assert_cmpint (aimak_db_query_int (db, -1, NULL,
                                                   "SELECT count(*) FROM change_log WHERE "
                                                   "entity = 'priority' AND entity_id = ?",
                                                   "t", f[2]), >=, 1);
            }
        }
      total += reported;
      g_test_message ("round %d: killed after %d ms, %u edits reported and present",
                      round + 1, ms, reported);
    }
  g_test_message ("%u edits in %d rounds", total, ROUNDS);
  /* The kills landed in real streams of edits, not only during start-up. */
  g_assert_cmpuint (total, >, 100);
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill", test_crash_sigkill);
  return g_test_run ();
}
