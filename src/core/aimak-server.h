/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server.h — the optional office server: a PostgreSQL database that
 * desks sync with when they are online (issue 16; DESIGN.md, "Data that
 * travels"). Every desk keeps working on its own SQLite database; the server
 * only holds the records that travel (priorities with their links and
 * indicators, activities, the indicator values desks entered), keyed by UUID,
 * with the identity columns of schema 4.
 *
 * Security: each desk is its own PostgreSQL role (aimak_server_add_desk()).
 * Row-level security on the server lets a desk read the areas it is granted
 * and every area below them (a rayon desk reads its ayil aimaks), write only
 * records of the areas it is granted, and delete nothing (deletions travel as
 * tombstones); a ministry role reads all. Every query is parameterised. The
 * password is never stored by core (the app keeps it in the keyring, the CLI
 * reads it from the environment or a file) and never appears in a URL that
 * core writes to a log (aimak_server_config_to_url()).
 *
 * This header: the connection settings, the connection test with a distinct
 * error for each thing that can fail, and the administration that the CLI's
 * `server init` and `server add-desk` run. Syncing is aimak-sync.h.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_SERVER_ERROR (aimak_server_error_quark ())

/* What went wrong, one code per thing the user can act on. Messages are
 * translated and never carry the password. Cancellation is
 * G_IO_ERROR_CANCELLED. */
typedef enum
{
  AIMAK_SERVER_ERROR_CONFIG,          /* settings incomplete or invalid (no host, bad URL, bad area code) */
  AIMAK_SERVER_ERROR_UNREACHABLE,     /* host unknown, connection refused or timed out: offline */
  AIMAK_SERVER_ERROR_BAD_PASSWORD,    /* the server refused the user name or password */
  AIMAK_SERVER_ERROR_CERTIFICATE,     /* TLS: certificate not trusted or not for this host, or no TLS */
  AIMAK_SERVER_ERROR_SCHEMA_TOO_OLD,  /* no Aimak schema yet, or older than this version: run `server init` */
  AIMAK_SERVER_ERROR_SCHEMA_TOO_NEW,  /* made by a newer Aimak: update this app */
  AIMAK_SERVER_ERROR_NO_GRANT,        /* the user is not a desk, or not granted one of the configured areas */
  AIMAK_SERVER_ERROR_CONNECTION_LOST, /* the connection broke during the work; nothing was left half-done */
  AIMAK_SERVER_ERROR_REFUSED,         /* the server refused a write (row-level security, a check) */
  AIMAK_SERVER_ERROR_FAILED,          /* any other server error (message from the server) */
  AIMAK_SERVER_ERROR_READ_ONLY_AREA,  /* a local change to an area this desk may only read */
} AimakServerError;

/* The newest server schema this version creates and understands. */
#define AIMAK_SERVER_SCHEMA_VERSION 2
/* The default PostgreSQL port and TLS mode. */
#define AIMAK_SERVER_DEFAULT_PORT 5432
#define AIMAK_SERVER_DEFAULT_SSLMODE "verify-full"

/* Connection settings of one desk. Never holds the password. */
typedef struct
{
  char    *host;         /* name, address, or an absolute folder of a unix socket */
  guint16  port;         /* 0 means AIMAK_SERVER_DEFAULT_PORT */
  char    *dbname;
  char    *user;         /* the desk's PostgreSQL role */
  char    *sslmode;      /* libpq sslmode: "verify-full" (default), "verify-ca", "require", "prefer", "disable" */
  char    *sslrootcert;  /* file of trusted CA certificates, or NULL for libpq's default */
  char   **areas;        /* the area codes this desk works on (NULL-terminated; may be empty) */
} AimakServerConfig;

/* What a successful connection test found. */
typedef struct
{
  int     schema_version;   /* the server's schema version */
  char   *server_version;   /* PostgreSQL's version, e.g. "15.5" */
  char   *role;             /* the role connected as */
  gboolean ministry;        /* the role reads every area */
  char  **granted_areas;    /* the areas the role may write (NULL-terminated) */
} AimakServerInfo;

GQuark             aimak_server_error_quark       (void);

/* A config with the defaults: port 5432, sslmode "verify-full", no areas. */
AimakServerConfig *aimak_server_config_new        (void);
AimakServerConfig *aimak_server_config_copy       (const AimakServerConfig *config);
void               aimak_server_config_free       (AimakServerConfig       *config);
/* Overwrites @password (may be NULL) with zeros, then frees it: a password
 * does not stay in freed memory. */
void               aimak_server_password_free     (char                    *password);

/* Parses postgresql://[user[:password]@]host[:port]/dbname[?sslmode=…&sslrootcert=…&host=/socket]
 * (also "postgres://"). The password, when the URL has one, goes to
 * @password_out (may be NULL; then a password in the URL is ignored).
 * AIMAK_SERVER_ERROR_CONFIG for anything else. */
AimakServerConfig *aimak_server_config_from_url   (const char              *url,
                                                   char                   **password_out,
                                                   GError                 **error);
/* The URL of @config, without any password: safe for logs and messages. */
char              *aimak_server_config_to_url     (const AimakServerConfig *config);
/* Checks that @config is complete (host, dbname, user, a known sslmode, area
 * codes of the right form); AIMAK_SERVER_ERROR_CONFIG with a translated
 * message naming the field when not. */
gboolean           aimak_server_config_validate   (const AimakServerConfig *config,
                                                   GError                 **error);

/* The settings stored in the local database (table sync_setting, schema
 * 0007), so that they travel with the desk's database and its UUID. Load
 * returns a config with the defaults when nothing is stored yet; save
 * validates first and writes in one transaction. No password, ever. */
AimakServerConfig *aimak_server_config_load       (AimakDb                 *db,
                                                   GError                 **error);
gboolean           aimak_server_config_save       (AimakDb                 *db,
                                                   const AimakServerConfig *config,
                                                   GError                 **error);
/* TRUE when a server is configured in @db (a host is stored). */
gboolean           aimak_server_is_configured     (AimakDb                 *db);
/* Stops using the server: removes the stored settings in one transaction, so
 * that aimak_server_is_configured() is FALSE and nothing syncs. The records
 * stay; local changes not sent yet stay queued (revision > base_revision) and
 * the sync state stays, so that a desk set to the same server again sends
 * them and resumes where it stopped. The password is not core's: the app
 * forgets it in the keyring. */
gboolean           aimak_server_config_clear      (AimakDb                 *db,
                                                   GError                 **error);

/* What a desk with a server may change (aimak-server-scope.c): a record of
 * @area_code, when no server is configured or @area_code is one of the
 * configured areas (the only ones it sends, and the only ones the server lets
 * it write). Otherwise FALSE with AIMAK_SERVER_ERROR_READ_ONLY_AREA and a
 * translated message naming the area and why. The write layer of priorities,
 * activities and indicator values calls it inside its transaction. */
gboolean           aimak_server_check_writable    (AimakDb                 *db,
                                                   const char              *area_code,
                                                   GError                 **error);
/* The local changes that no sync sends because their area is not one of the
 * areas of @config (NULL: the stored settings) — made before the check
 * above, while no server was set, by an older version, or outside Aimak:
 * records that travel with revision > base_revision. 0 when no server is
 * configured; -1 with @error on a database error. @areas_out (may be NULL)
 * gets their area codes (NULL-terminated, free with g_strfreev()). */
gint64             aimak_server_read_only_changes (AimakDb                 *db,
                                                   const AimakServerConfig *config,
                                                   char                  ***areas_out,
                                                   GError                 **error);

/* Connects, checks the server's schema version and the role's grants (every
 * area of @config must be granted, unless the role is a ministry role), and
 * disconnects. Blocking (seconds at most: connect_timeout is 10 s); call it
 * from a thread, or use the _async variant. On failure one of the error codes
 * above: UNREACHABLE, BAD_PASSWORD, CERTIFICATE, SCHEMA_TOO_OLD,
 * SCHEMA_TOO_NEW, NO_GRANT, CONFIG. @info_out (may be NULL) gets what the
 * server said. */
gboolean           aimak_server_test_connection   (const AimakServerConfig *config,
                                                   const char              *password,
                                                   AimakServerInfo        **info_out,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
/* Runs aimak_server_test_connection() in a worker thread (copies @config
 * and @password). */
void               aimak_server_test_connection_async  (const AimakServerConfig *config,
                                                        const char              *password,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
gboolean           aimak_server_test_connection_finish (GAsyncResult            *result,
                                                        AimakServerInfo        **info_out,
                                                        GError                 **error);
void               aimak_server_info_free         (AimakServerInfo         *info);

/* Administration (the CLI's `server init` and `server add-desk`), run as the
 * owner of the server database. */

/* Creates the server schema, or upgrades it to AIMAK_SERVER_SCHEMA_VERSION,
 * each migration in one transaction. Loads the area hierarchy from @db's
 * reference areas (the server checks grants against it). Refuses a server
 * whose schema is newer (SCHEMA_TOO_NEW). @from_out / @to_out (may be NULL)
 * get the versions before and after. */
gboolean           aimak_server_init              (const AimakServerConfig *config,
                                                   const char              *password,
                                                   AimakDb                 *db,
                                                   int                     *from_out,
                                                   int                     *to_out,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
/* Creates (or updates) the LOGIN role @name (lower-case letters, digits and
 * '_', 1–50 characters, starting with a letter) with @desk_password and
 * grants it @areas (existing area codes); with @ministry the role reads every
 * area. The password travels only as a SCRAM verifier computed here. An
 * existing desk gets its grants replaced by @areas and, when @desk_password
 * is not NULL, its password changed. */
gboolean           aimak_server_add_desk          (const AimakServerConfig *config,
                                                   const char              *password,
                                                   const char              *name,
                                                   const char              *desk_password,
                                                   const char * const      *areas,
                                                   gboolean                 ministry,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakServerConfig, aimak_server_config_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakServerInfo, aimak_server_info_free)

G_END_DECLS
