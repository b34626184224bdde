/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-secret.h — the office server password in the desktop keyring
 * (libsecret, the Secret Service), never in GSettings or a file. One password
 * per server account, found by host, port, user and database. */
#pragma once

#include <gio/gio.h>

#include "aimak-server.h"

G_BEGIN_DECLS

#define AIMAK_SECRET_ERROR (aimak_secret_error_quark ())

/* Every error these functions return is in this domain with a translated
 * message, except cancellation (G_IO_ERROR_CANCELLED). */
typedef enum
{
  AIMAK_SECRET_ERROR_NO_KEYRING, /* no Secret Service is running, or no session bus */
  AIMAK_SECRET_ERROR_LOCKED,     /* the keyring is locked and was not unlocked */
  AIMAK_SECRET_ERROR_INVALID,    /* no host, user or database to file the password under */
  AIMAK_SECRET_ERROR_FAILED,     /* anything else the keyring said */
} AimakSecretError;

/* The account a password belongs to. */
typedef struct
{
  const char *host;
  guint       port;
  const char *user;
  const char *database;
} AimakSecretAccount;

GQuark   aimak_secret_error_quark   (void);

/* The account of @config's server (its strings stay @config's). */
AimakSecretAccount aimak_secret_account_of (const AimakServerConfig *config);

/* Stores @password (replacing any earlier one) for @account. An empty
 * @password removes the stored one. */
void     aimak_secret_store_async   (const AimakSecretAccount *account,
                                     const char               *password,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
gboolean aimak_secret_store_finish  (GAsyncResult             *result,
                                     GError                  **error);

/* Looks up the password of @account. The finish function returns NULL with
 * no error set when none is stored; free the password with g_free(). */
void     aimak_secret_lookup_async  (const AimakSecretAccount *account,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
char    *aimak_secret_lookup_finish (GAsyncResult             *result,
                                     GError                  **error);

/* Removes the password of @account; TRUE also when none was stored. */
void     aimak_secret_clear_async   (const AimakSecretAccount *account,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
gboolean aimak_secret_clear_finish  (GAsyncResult             *result,
                                     GError                  **error);

G_END_DECLS
