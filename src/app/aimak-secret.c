/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-secret.c — the office server password in the keyring through
 * libsecret 0.20 (secret_password_*v_*), with libsecret's and D-Bus's errors
 * turned into a few translated ones that tell the user what to do. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "aimak-secret.h"

G_DEFINE_QUARK (aimak-secret-error-quark, aimak_secret_error)

/* The schema name is the application ID, so that Passwords and Keys (Seahorse)
 * shows whose passwords they are; the attributes find one server account. */
static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.aimakplanner.Aimak.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

AimakSecretAccount
aimak_secret_account_of (const AimakServerConfig *config)
{
  return (AimakSecretAccount) {
    config->host,
    config->port ? config->port : AIMAK_SERVER_DEFAULT_PORT,
    config->user,
    config->dbname,
  };
}

static gboolean
account_is_valid (const AimakSecretAccount *account,
                  GError                  **error)
{
  if (account == NULL
      || account->host == NULL || account->host[0] == '\0'
      || account->user == NULL || account->user[0] == '\0'
      || account->database == NULL || account->database[0] == '\0')
    {
      g_set_error_literal (error, AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_INVALID,
                           _("Enter the server’s host, database and user name before "
                             "its password."));
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
account_attributes (const AimakSecretAccount *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "host", g_strdup (account->host));
  g_hash_table_insert (attributes, (gpointer) "port", g_strdup_printf ("%u", account->port));
  g_hash_table_insert (attributes, (gpointer) "user", g_strdup (account->user));
  g_hash_table_insert (attributes, (gpointer) "database", g_strdup (account->database));
  return attributes;
}

/* libsecret passes on whatever D-Bus or the keyring said; the user needs to
 * know only whether a keyring is there and unlocked. */
static GError *
translate_error (GError *error)
{
  GError *translated;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    translated = g_error_new_literal (AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_LOCKED,
                                      _("The keyring is locked, so the server password "
                                        "cannot be kept. Unlock the keyring (for example in "
                                        "Passwords and Keys) and try again."));
  else if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR
           || error->domain == G_SPAWN_ERROR)
    translated = g_error_new_literal (AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_NO_KEYRING,
                                      _("No keyring is running, so the server password "
                                        "cannot be kept. Start GNOME Keyring or another "
                                        "password store and try again."));
  else
    translated = g_error_new (AIMAK_SECRET_ERROR, AIMAK_SECRET_ERROR_FAILED,
                              _("The keyring could not be used: %s"), error->message);
  g_debug ("keyring: %s", error->message);
  g_error_free (error);
  return translated;
}

/* A task for the password of @account with its attributes in *@attributes,
 * or NULL when @account is incomplete (the task has then returned the
 * error). */
static GTask *
account_task (const AimakSecretAccount  *account,
              gpointer                   source_tag,
              GCancellable              *cancellable,
              GAsyncReadyCallback        callback,
              gpointer                   user_data,
              GHashTable               **attributes)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  if (!account_is_valid (account, &error))
    {
      g_task_return_error (task, error);
      return NULL;
    }
  *attributes = account_attributes (account);
  return g_steal_pointer (&task);
}

/* Ends the task of aimak_secret_store_async() (taken) with libsecret's
 * @error (taken) of storing or clearing, or TRUE when there is none. */
static void
return_written (GTask  *task,
                GError *error)
{
  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError *error = NULL;

  secret_password_store_finish (result, &error);
  return_written (user_data, error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError *error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  return_written (user_data, error);
}

void
aimak_secret_store_async (const AimakSecretAccount *account,
                          const char               *password,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task = account_task (account, aimak_secret_store_async, cancellable, callback,
                              user_data, &attributes);

  if (task == NULL)
    return;
  if (password == NULL || password[0] == '\0')
    {
      secret_password_clearv (server_schema (), attributes, cancellable, on_cleared, task);
      return;
    }
  /* Translators: the label of the password in the keyring, e.g. "Aimak office
   * server: desk_naryn@db.example.kg:5432/aimak" */
  label = g_strdup_printf (_("Aimak office server: %s@%s:%u/%s"), account->user,
                           account->host, account->port, account->database);
  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          password, cancellable, on_stored, task);
}

gboolean
aimak_secret_store_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
aimak_secret_lookup_async (const AimakSecretAccount *account,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task = account_task (account, aimak_secret_lookup_async, cancellable, callback,
                              user_data, &attributes);

  if (task != NULL)
    secret_password_lookupv (server_schema (), attributes, cancellable, on_looked_up, task);
}

char *
aimak_secret_lookup_finish (GAsyncResult *result,
                            GError      **error)
{
  char *secret;
  char *copy;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  secret = g_task_propagate_pointer (G_TASK (result), error);
  if (secret == NULL)
    return NULL;
  /* libsecret's string lives in its secure memory and must go back through
   * secret_password_free(), which wipes it; callers get a plain copy. */
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

void
aimak_secret_clear_async (const AimakSecretAccount *account,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  aimak_secret_store_async (account, NULL, cancellable, callback, user_data);
}

gboolean
aimak_secret_clear_finish (GAsyncResult *result,
                           GError      **error)
{
  return aimak_secret_store_finish (result, error);
}
