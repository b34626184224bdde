/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server.c — connecting to the office server, telling apart what can
 * fail, and its administration: the versioned server schema
 * (server/NNNN-*.sql in the core resources) and desk roles (aimak-server.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-server-private.h"
#include "aimak-task.h"

G_DEFINE_QUARK (aimak-server-error-quark, aimak_server_error)

/* ---- Connecting ---- */

static PGconn *
connect_with (const AimakServerConfig *config,
              const char              *password,
              const char              *sslmode)
{
  g_autofree char *port = g_strdup_printf ("%u", config->port ? config->port
                                                              : AIMAK_SERVER_DEFAULT_PORT);
  const char *keys[] = { "host", "port", "dbname", "user", "sslmode", "connect_timeout",
                         "application_name", "client_encoding", "keepalives",
                         "keepalives_idle", "keepalives_interval", "keepalives_count",
                         "password", "sslrootcert", NULL };
  const char *values[G_N_ELEMENTS (keys)] = {
    config->host, port, config->dbname, config->user, sslmode, "10", "Aimak", "UTF8", "1",
    "30", "10", "3", NULL, NULL, NULL
  };
  guint n = 12;

  if (password != NULL)
    {
      keys[n] = "password";
      values[n++] = password;
    }
  if (config->sslrootcert != NULL && *config->sslrootcert != '\0')
    {
      keys[n] = "sslrootcert";
      values[n++] = config->sslrootcert;
    }
  keys[n] = NULL;
  values[n] = NULL;
  return PQconnectdbParams (keys, values, 0);
}

/* Server notices (such as "role is already a member") go to the debug log,
 * not to stderr. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("server: %s", message);
}

static gboolean
mentions_tls (const char *message)
{
  return message != NULL && (strstr (message, "SSL") != NULL || strstr (message, "TLS") != NULL ||
                             strstr (message, "certificate") != NULL);
}

/* Why @conn failed: the password (the server asked for one and refused it),
 * the certificate (the same server is reachable without checking it), or the
 * network. The probe sends no password. */
static int
classify_failure (const AimakServerConfig *config,
                  PGconn                  *conn)
{
  const char *message = PQerrorMessage (conn);
  g_autoptr(PGconn) probe = NULL;

  if (PQconnectionNeedsPassword (conn) || PQconnectionUsedPassword (conn))
    {
      if (strstr (message, "database") != NULL && strstr (message, "does not exist") != NULL)
        return AIMAK_SERVER_ERROR_CONFIG;
      return AIMAK_SERVER_ERROR_BAD_PASSWORD;
    }
  if (config->sslmode != NULL && g_str_has_prefix (config->sslmode, "verify-"))
    {
      probe = connect_with (config, NULL, "require");
      if (PQstatus (probe) == CONNECTION_OK || PQconnectionNeedsPassword (probe))
        return AIMAK_SERVER_ERROR_CERTIFICATE;
      message = PQerrorMessage (probe);
    }
  if (g_strcmp0 (config->sslmode, "disable") != 0 && g_strcmp0 (config->sslmode, "allow") != 0 &&
      g_strcmp0 (config->sslmode, "prefer") != 0 && mentions_tls (message))
    return AIMAK_SERVER_ERROR_CERTIFICATE;
  return AIMAK_SERVER_ERROR_UNREACHABLE;
}

/* libpq's messages span lines, the second indented with a tab ("…failed:
 * Connection refused\n\tIs the server running…?"): one line, each line a
 * sentence of it. */
static char *
one_line (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message ? message : "", "\n", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, strchr (".?!:;", text->str[text->len - 1]) ? " " : ". ");
      g_string_append (text, lines[i]);
    }
  return g_string_free (text, FALSE);
}

PGconn *
_aimak_server_connect (const AimakServerConfig  *config,
                       const char               *password,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *url = NULL;
  g_autofree char *detail = NULL;
  int code;

  if (!aimak_server_config_validate (config, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  conn = connect_with (config, password, config->sslmode);
  if (PQstatus (conn) == CONNECTION_OK)
    {
      PQsetNoticeProcessor (conn, log_notice, NULL);
      return g_steal_pointer (&conn);
    }
  code = classify_failure (config, conn);
  url = aimak_server_config_to_url (config);
  detail = one_line (PQerrorMessage (conn));
  switch (code)
    {
    case AIMAK_SERVER_ERROR_BAD_PASSWORD:
      g_set_error (error, AIMAK_SERVER_ERROR, code,
                   _("The server %s refused user “%s”: the password is wrong, or the user "
                     "does not exist."), url, config->user);
      break;
    case AIMAK_SERVER_ERROR_CERTIFICATE:
      g_set_error (error, AIMAK_SERVER_ERROR, code,
                   _("The server %s could not prove who it is: its TLS certificate is not "
                     "trusted here or is for another name, or it offers no TLS (%s)."),
                   url, detail);
      break;
    case AIMAK_SERVER_ERROR_CONFIG:
      g_set_error (error, AIMAK_SERVER_ERROR, code,
                   _("The server %s has no database “%s”."), url, config->dbname);
      break;
    default:
      g_set_error (error, AIMAK_SERVER_ERROR, code,
                   _("The server %s cannot be reached; working offline (%s)."), url, detail);
      break;
    }
  return NULL;
}

void
_aimak_server_set_error (PGconn          *conn,
                         const PGresult  *result,
                         GError         **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result ? PQresultErrorMessage (result) : NULL;
  g_autofree char *detail = NULL;
  int code = AIMAK_SERVER_ERROR_FAILED;

  if (message == NULL || *message == '\0')
    message = PQerrorMessage (conn);
  detail = one_line (message);
  /* Every error the server sends has an SQLSTATE; one without came from libpq
   * itself: the connection broke (the server closed it, the network went). */
  if (PQstatus (conn) != CONNECTION_OK || state == NULL || g_str_has_prefix (state, "08") ||
      g_str_has_prefix (state, "57P"))
    code = AIMAK_SERVER_ERROR_CONNECTION_LOST;
  else if (state && (g_str_equal (state, "42501") || g_str_has_prefix (state, "23")))
    code = AIMAK_SERVER_ERROR_REFUSED;
  if (code == AIMAK_SERVER_ERROR_CONNECTION_LOST)
    g_set_error (error, AIMAK_SERVER_ERROR, code,
                 _("The connection to the server was lost; what was not finished was undone "
                   "and the next sync completes it (%s)."), detail);
  else if (code == AIMAK_SERVER_ERROR_REFUSED)
    g_set_error (error, AIMAK_SERVER_ERROR, code, _("The server refused the change: %s"), detail);
  else
    g_set_error (error, AIMAK_SERVER_ERROR, code, _("The server reported an error: %s"), detail);
}

PGresult *
_aimak_server_exec (PGconn              *conn,
                    GError             **error,
                    const char          *sql,
                    int                  n,
                    const char * const  *values)
{
  PGresult *result = PQexecParams (conn, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  _aimak_server_set_error (conn, result, error);
  PQclear (result);
  return NULL;
}

gboolean
_aimak_server_exec_simple (PGconn      *conn,
                           const char  *sql,
                           GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  _aimak_server_set_error (conn, result, error);
  return FALSE;
}

/* ---- Schema version ---- */

int
_aimak_server_schema_version (PGconn  *conn,
                              GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) version = NULL;

  exists = _aimak_server_exec (conn, error, "SELECT to_regnamespace ('aimak') IS NOT NULL", 0,
                               NULL);
  if (exists == NULL)
    return -1;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return 0;
  version = _aimak_server_exec (conn, error, "SELECT max (version) FROM aimak.schema_version",
                                0, NULL);
  if (version == NULL)
    return -1;
  return atoi (PQgetvalue (version, 0, 0));
}

gboolean
_aimak_server_check_schema (PGconn  *conn,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = _aimak_server_schema_version (conn, &local_error);

  if (version < 0)
    {
      if (g_error_matches (local_error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_REFUSED))
        {
          g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_NO_GRANT,
                       _("User “%s” is not a desk of this server; ask its administrator to "
                         "add it (aimak-cli server add-desk)."), PQuser (conn));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (version > AIMAK_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_SCHEMA_TOO_NEW,
                   _("The server was set up by a newer version of Aimak (server schema %d; this "
                     "version knows %d). Update Aimak on this desk."),
                   version, AIMAK_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < AIMAK_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_SCHEMA_TOO_OLD,
                   version == 0
                   ? _("The server has no Aimak data yet; its administrator sets it up with "
                       "“aimak-cli server init”.")
                   : _("The server’s Aimak schema is older than this version’s; its "
                       "administrator upgrades it with “aimak-cli server init”."));
      return FALSE;
    }
  return TRUE;
}

/* ---- Connection test ---- */

void
aimak_server_info_free (AimakServerInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->server_version);
  g_free (info->role);
  g_strfreev (info->granted_areas);
  g_free (info);
}

/* Parses a PostgreSQL text[] of simple codes ({a,b}). */
static char **
parse_code_array (const char *text)
{
  g_autofree char *inner = NULL;
  size_t len = text ? strlen (text) : 0;

  if (len < 2 || text[0] != '{' || text[len - 1] != '}' || len == 2)
    return g_new0 (char *, 1);
  inner = g_strndup (text + 1, len - 2);
  return g_strsplit (inner, ",", -1);
}

PGconn *
_aimak_server_open_desk (const AimakServerConfig  *config,
                         const char               *password,
                         AimakServerInfo         **info_out,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(PGconn) conn = _aimak_server_connect (config, password, cancellable, error);
  g_autoptr(PGresult) who = NULL;
  g_autoptr(AimakServerInfo) info = g_new0 (AimakServerInfo, 1);

  if (conn == NULL || !_aimak_server_check_schema (conn, error))
    return NULL;
  who = _aimak_server_exec (conn, error, "SELECT is_desk, ministry, areas FROM aimak.whoami ()",
                            0, NULL);
  if (who == NULL)
    return NULL;
  info->schema_version = AIMAK_SERVER_SCHEMA_VERSION;
  info->server_version = g_strdup (PQparameterStatus (conn, "server_version"));
  info->role = g_strdup (PQuser (conn));
  info->ministry = g_strcmp0 (PQgetvalue (who, 0, 1), "t") == 0;
  info->granted_areas = parse_code_array (PQgetvalue (who, 0, 2));
  if (g_strcmp0 (PQgetvalue (who, 0, 0), "t") != 0)
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_NO_GRANT,
                   _("User “%s” is not a desk of this server; ask its administrator to add it "
                     "(aimak-cli server add-desk)."), info->role);
      return NULL;
    }
  for (guint i = 0; config->areas != NULL && config->areas[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) info->granted_areas, config->areas[i]))
      {
        g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_NO_GRANT,
                     _("User “%s” may not write area %s on this server; ask its administrator "
                       "for the grant or remove the area from this desk’s settings."),
                     info->role, config->areas[i]);
        return NULL;
      }
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return g_steal_pointer (&conn);
}

gboolean
aimak_server_test_connection (const AimakServerConfig  *config,
                              const char               *password,
                              AimakServerInfo         **info_out,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(PGconn) conn = _aimak_server_open_desk (config, password, info_out, cancellable,
                                                    error);

  return conn != NULL;
}

typedef struct
{
  AimakServerConfig *config;
  char              *password;
} TestData;

static void
test_data_free (TestData *data)
{
  aimak_server_config_free (data->config);
  aimak_server_password_free (data->password);
  g_free (data);
}

static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *data = task_data;
  AimakServerInfo *info = NULL;
  GError *error = NULL;

  aimak_server_test_connection (data->config, data->password, &info, cancellable, &error);
  aimak_task_return_result (task, info, (GDestroyNotify) aimak_server_info_free, error);
}

void
aimak_server_test_connection_async (const AimakServerConfig *config,
                                    const char              *password,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TestData *data = g_new0 (TestData, 1);

  data->config = aimak_server_config_copy (config);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, aimak_server_test_connection_async);
  g_task_set_task_data (task, data, (GDestroyNotify) test_data_free);
  g_task_run_in_thread (task, test_thread);
}

gboolean
aimak_server_test_connection_finish (GAsyncResult     *result,
                                     AimakServerInfo **info_out,
                                     GError          **error)
{
  return aimak_task_finish_result (result, (gpointer *) info_out,
                                   (GDestroyNotify) aimak_server_info_free, error);
}
