/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server-private.h — what the server administration (aimak-server.c)
 * and the sync engine (aimak-sync.c) share: a libpq connection made from an
 * AimakServerConfig, and turning libpq failures into AIMAK_SERVER_ERROR codes.
 * Only parameterised statements (PQexecParams) carry values; PQexec runs only
 * the static migration scripts and transaction control. Never included by the
 * app or the CLI.
 */
#pragma once

#include <libpq-fe.h>

#include "aimak-server.h"

G_BEGIN_DECLS

/* Connects; on failure one of UNREACHABLE, BAD_PASSWORD, CERTIFICATE (or
 * CONFIG for settings libpq refuses). */
PGconn    *_aimak_server_connect        (const AimakServerConfig  *config,
                                         const char               *password,
                                         GCancellable             *cancellable,
                                         GError                  **error);
/* Runs @sql with @n text parameters (NULL binds NULL); NULL with @error
 * (CONNECTION_LOST when the connection broke, REFUSED for a row-level
 * security or privilege refusal, FAILED otherwise) unless the result is
 * PGRES_COMMAND_OK or PGRES_TUPLES_OK. */
PGresult  *_aimak_server_exec           (PGconn                   *conn,
                                         GError                  **error,
                                         const char               *sql,
                                         int                       n,
                                         const char * const       *values);
/* Runs a statement without parameters (transaction control, a migration). */
gboolean   _aimak_server_exec_simple    (PGconn                   *conn,
                                         const char               *sql,
                                         GError                  **error);
/* Sets @error from a failed @result (or from @conn when @result is NULL). */
void       _aimak_server_set_error      (PGconn                   *conn,
                                         const PGresult           *result,
                                         GError                  **error);
/* The server's schema version: 0 when it has no Aimak schema. -1 on error. */
int        _aimak_server_schema_version (PGconn                   *conn,
                                         GError                  **error);
/* Checks the schema version (SCHEMA_TOO_OLD / SCHEMA_TOO_NEW). */
gboolean   _aimak_server_check_schema   (PGconn                   *conn,
                                         GError                  **error);
/* Connects and checks the schema and that the role may write every area of
 * @config (NO_GRANT): what a sync does before anything else. */
PGconn    *_aimak_server_open_desk      (const AimakServerConfig  *config,
                                         const char               *password,
                                         AimakServerInfo         **info_out,
                                         GCancellable             *cancellable,
                                         GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
