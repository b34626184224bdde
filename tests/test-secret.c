/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-secret.c — the office server password in a real keyring: run by
 * keyring-session.sh in a D-Bus session with its own GNOME Keyring. Stored,
 * found, replaced, kept apart per account, removed; and a clear error when no
 * keyring is there. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "aimak-secret.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  char      *password;
  GError    *error;
} Wait;

static void
on_store (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = aimak_secret_store_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->password = aimak_secret_lookup_finish (result, &wait->error);
  wait->ok = wait->error == NULL;
  g_main_loop_quit (wait->loop);
}

static void
on_clear (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = aimak_secret_clear_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
wait_clear (Wait *wait)
{
  g_clear_pointer (&wait->loop, g_main_loop_unref);
  g_clear_pointer (&wait->password, g_free);
  g_clear_error (&wait->error);
  wait->ok = FALSE;
}

static gboolean
store (const AimakSecretAccount *account,
       const char               *password,
       GError                  **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL, NULL };
  gboolean ok;

  aimak_secret_store_async (account, password, NULL, on_store, &wait);
  g_main_loop_run (wait.loop);
  ok = wait.ok;
  if (wait.error)
    g_propagate_error (error, g_steal_pointer (&wait.error));
  wait_clear (&wait);
  return ok;
}

static char *
lookup (const AimakSecretAccount *account,
        GError                  **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL, NULL };
  char *password;

  aimak_secret_lookup_async (account, NULL, on_lookup, &wait);
  g_main_loop_run (wait.loop);
  password = g_steal_pointer (&wait.password);
  if (wait.error)
    g_propagate_error (error, g_steal_pointer (&wait.error));
  wait_clear (&wait);
  return password;
}

static gboolean
clear (const AimakSecretAccount *account,
       GError                  **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL, NULL };
  gboolean ok;

  aimak_secret_clear_async (account, NULL, on_clear, &wait);
  g_main_loop_run (wait.loop);
  ok = wait.ok;
  if (wait.error)
    g_propagate_error (error, g_steal_pointer (&wait.error));
  wait_clear (&wait);
  return ok;
}

static void
test_store_lookup (void)
{
  AimakSecretAccount naryn = { "db.example.kg", 5432, "desk_naryn", "aimak" };
  AimakSecretAccount other_port = { "db.example.kg", 6432, "desk_naryn", "aimak" };
  AimakSecretAccount other_user = { "db.example.kg", 5432, "desk_osh", "aimak" };
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *none = NULL;
  g_autofree char *osh = NULL;
  g_autofree char *after_clear = NULL;
  g_autofree char *osh_after = NULL;

  /* Nothing stored yet: no password and no error. */
  none = lookup (&naryn, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (store (&naryn, "s3cret “ключ”", &error));
  g_assert_no_error (error);
  found = lookup (&naryn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "s3cret “ключ”");

  /* Another port or user is another account. */
  g_clear_pointer (&none, g_free);
  none = lookup (&other_port, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (store (&other_user, "osh-password", &error));
  g_assert_no_error (error);

  /* Storing again replaces, it does not add a second item. */
  g_assert_true (store (&naryn, "new password", &error));
  g_assert_no_error (error);
  replaced = lookup (&naryn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced, ==, "new password");

  /* Clearing removes only that account; clearing twice is fine; an empty
   * password clears too. */
  g_assert_true (clear (&naryn, &error));
  g_assert_no_error (error);
  g_assert_true (clear (&naryn, &error));
  g_assert_no_error (error);
  after_clear = lookup (&naryn, &error);
  g_assert_no_error (error);
  g_assert_null (after_clear);
  osh = lookup (&other_user, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (osh, ==, "osh-password");
  g_assert_true (store (&other_user, "", &error));
  g_assert_no_error (error);
  osh_after = lookup (&other_user, &error);
  g_assert_no_error (error);
  g_assert_null (osh_after);
}

static void
test_invalid_account (void)
{
  AimakSecretAccount no_host = { "", 5432, "desk_naryn", "aimak" };
  AimakSecretAccount no_user = { "db.example.kg", 5432, NULL, "aimak" };
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_assert_false (store (&no_host, "x", &error));
  g_assert_error (error, AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_INVALID);
  g_clear_error (&error);
  found = lookup (&no_user, &error);
  g_assert_null (found);
  g_assert_error (error, AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_INVALID);
}

/* With no session bus at all (a bare console, a broken session), the user
 * reads that no keyring runs, not a D-Bus error. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      AimakSecretAccount naryn = { "db.example.kg", 5432, "desk_naryn", "aimak" };
      g_autoptr(GError) error = NULL;
      g_autofree char *found = NULL;

      found = lookup (&naryn, &error);
      g_assert_null (found);
      g_assert_error (error, AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_NO_KEYRING);
      g_assert_nonnull (strstr (error->message, "No keyring is running"));
      g_clear_error (&error);
      g_assert_false (store (&naryn, "x", &error));
      g_assert_error (error, AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_NO_KEYRING);
      return;
    }
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/aimak-test-bus", TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/secret/store-lookup", test_store_lookup);
  g_test_add_func ("/secret/invalid-account", test_invalid_account);
  g_test_add_func ("/secret/no-keyring", test_no_keyring);
  return g_test_run ();
}
