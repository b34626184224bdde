/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server-config.c — the office server's connection settings
 * (aimak-server.h): defaults, URLs (never with the password), checks, and
 * their place in the local database (table sync_setting, schema 0007).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-server.h"

static const char *const sslmodes[] = {
  "disable", "allow", "prefer", "require", "verify-ca", "verify-full", NULL
};

AimakServerConfig *
aimak_server_config_new (void)
{
  AimakServerConfig *config = g_new0 (AimakServerConfig, 1);

  config->port = AIMAK_SERVER_DEFAULT_PORT;
  config->sslmode = g_strdup (AIMAK_SERVER_DEFAULT_SSLMODE);
  config->areas = g_new0 (char *, 1);
  return config;
}

AimakServerConfig *
aimak_server_config_copy (const AimakServerConfig *config)
{
  AimakServerConfig *copy;

  if (config == NULL)
    return NULL;
  copy = g_new0 (AimakServerConfig, 1);
  copy->host = g_strdup (config->host);
  copy->port = config->port;
  copy->dbname = g_strdup (config->dbname);
  copy->user = g_strdup (config->user);
  copy->sslmode = g_strdup (config->sslmode);
  copy->sslrootcert = g_strdup (config->sslrootcert);
  copy->areas = config->areas ? g_strdupv (config->areas) : g_new0 (char *, 1);
  return copy;
}

void
aimak_server_password_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

void
aimak_server_config_free (AimakServerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->host);
  g_free (config->dbname);
  g_free (config->user);
  g_free (config->sslmode);
  g_free (config->sslrootcert);
  g_strfreev (config->areas);
  g_free (config);
}

static gboolean
config_error (GError    **error,
              const char *message)
{
  g_set_error_literal (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG, message);
  return FALSE;
}

/* Applies one query parameter of a URL. */
static gboolean
apply_param (AimakServerConfig  *config,
             const char         *key,
             const char         *value,
             GError            **error)
{
  char **slot = NULL;

  if (g_str_equal (key, "sslmode"))
    slot = &config->sslmode;
  else if (g_str_equal (key, "sslrootcert"))
    slot = &config->sslrootcert;
  else if (g_str_equal (key, "host"))
    slot = &config->host;
  else if (g_str_equal (key, "dbname"))
    slot = &config->dbname;
  else if (g_str_equal (key, "user"))
    slot = &config->user;
  else if (g_str_equal (key, "port"))
    {
      char *end = NULL;
      guint64 port = g_ascii_strtoull (value, &end, 10);

      if (end == value || *end != '\0' || port == 0 || port > 65535)
        return config_error (error, _("The server port must be a number from 1 to 65535."));
      config->port = (guint16) port;
      return TRUE;
    }
  if (slot == NULL)
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG,
                   _("The server address has an unknown setting “%s”."), key);
      return FALSE;
    }
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

#define NO_HOST "aimak-no-host.invalid"

/* GUri refuses a user without a host (postgresql://desk@/db?host=/socket),
 * which libpq allows: such a URL is parsed with a placeholder host. */
static GUri *
parse_uri (const char *url)
{
  const char *authority = strstr (url, "://");
  g_autofree char *fixed = NULL;
  size_t end;

  if (authority == NULL)
    return NULL;
  authority += 3;
  end = strcspn (authority, "/?#");
  if (end == 0 || authority[end - 1] == '@')
    fixed = g_strdup_printf ("%.*s%s%s", (int) (authority - url + end), url, NO_HOST,
                             authority + end);
  return g_uri_parse (fixed ? fixed : url, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY,
                      NULL);
}

AimakServerConfig *
aimak_server_config_from_url (const char  *url,
                              char       **password_out,
                              GError     **error)
{
  g_autoptr(AimakServerConfig) config = aimak_server_config_new ();
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *scheme;
  const char *path;
  const char *query;

  if (password_out != NULL)
    *password_out = NULL;
  uri = parse_uri (url ? url : "");
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "postgresql") != 0 && g_strcmp0 (scheme, "postgres") != 0))
    {
      config_error (error, _("The server address must look like "
                             "postgresql://user@host:port/database."));
      return NULL;
    }
  if (g_strcmp0 (g_uri_get_host (uri), NO_HOST) != 0)
    config->host = g_strdup (g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    config->port = (guint16) g_uri_get_port (uri);
  config->user = g_strdup (g_uri_get_user (uri));
  path = g_uri_get_path (uri);
  if (path != NULL && *path == '/')
    path++;
  config->dbname = path && *path ? g_strdup (path) : NULL;
  query = g_uri_get_query (uri);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
      if (params == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!apply_param (config, key, value, error))
          return NULL;
    }
  if (password_out != NULL && g_uri_get_password (uri) != NULL)
    *password_out = g_strdup (g_uri_get_password (uri));
  return g_steal_pointer (&config);
}

char *
aimak_server_config_to_url (const AimakServerConfig *config)
{
  GString *url = g_string_new ("postgresql://");
  gboolean socket = config->host != NULL && config->host[0] == '/';
  g_autofree char *user = config->user ? g_uri_escape_string (config->user, NULL, FALSE) : NULL;
  g_autofree char *db = config->dbname ? g_uri_escape_string (config->dbname, NULL, FALSE) : NULL;

  if (user != NULL && *user != '\0')
    g_string_append_printf (url, "%s@", user);
  if (!socket && config->host != NULL)
    g_string_append (url, config->host);
  if (!socket && config->port != 0 && config->port != AIMAK_SERVER_DEFAULT_PORT)
    g_string_append_printf (url, ":%u", config->port);
  g_string_append_printf (url, "/%s", db ? db : "");
  g_string_append_printf (url, "?sslmode=%s", config->sslmode ? config->sslmode
                                                               : AIMAK_SERVER_DEFAULT_SSLMODE);
  if (socket)
    {
      g_autofree char *h = g_uri_escape_string (config->host, "/", FALSE);

      g_string_append_printf (url, "&host=%s", h);
      if (config->port != 0 && config->port != AIMAK_SERVER_DEFAULT_PORT)
        g_string_append_printf (url, "&port=%u", config->port);
    }
  if (config->sslrootcert != NULL && *config->sslrootcert != '\0')
    {
      g_autofree char *c = g_uri_escape_string (config->sslrootcert, "/", FALSE);

      g_string_append_printf (url, "&sslrootcert=%s", c);
    }
  return g_string_free (url, FALSE);
}

static gboolean
valid_name (const char *s)
{
  if (s == NULL || *s == '\0' || strlen (s) > 200)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static gboolean
valid_area_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 32)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
aimak_server_config_validate (const AimakServerConfig  *config,
                              GError                  **error)
{
  if (config == NULL || !valid_name (config->host))
    return config_error (error, _("Enter the server’s host name."));
  if (!valid_name (config->dbname))
    return config_error (error, _("Enter the server’s database name."));
  if (!valid_name (config->user))
    return config_error (error, _("Enter this desk’s user name on the server."));
  if (config->sslmode == NULL || !g_strv_contains (sslmodes, config->sslmode))
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG,
                   _("Unknown TLS mode “%s”; use verify-full, verify-ca, require or disable."),
                   config->sslmode ? config->sslmode : "");
      return FALSE;
    }
  for (guint i = 0; config->areas != NULL && config->areas[i] != NULL; i++)
    if (!valid_area_code (config->areas[i]))
      {
        g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG,
                     _("“%s” is not an area code."), config->areas[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_row (AimakStmt  *row,
          gpointer    user_data,
          GError    **error)
{
  AimakServerConfig *config = user_data;
  const char *key = aimak_stmt_text (row, 0);
  const char *value = aimak_stmt_text (row, 1);

  if (g_str_equal (key, "areas"))
    {
      g_strfreev (config->areas);
      config->areas = *value ? g_strsplit (value, ",", -1) : g_new0 (char *, 1);
      return TRUE;
    }
  if (g_str_equal (key, "port"))
    {
      guint64 port = g_ascii_strtoull (value, NULL, 10);

      config->port = port > 0 && port <= 65535 ? (guint16) port : AIMAK_SERVER_DEFAULT_PORT;
      return TRUE;
    }
  /* Unknown keys (a newer version's) are left alone. */
  if (apply_param (config, key, value, NULL))
    return TRUE;
  return TRUE;
}

AimakServerConfig *
aimak_server_config_load (AimakDb  *db,
                          GError  **error)
{
  g_autoptr(AimakServerConfig) config = aimak_server_config_new ();

  if (!aimak_db_foreach (db, error, load_row, config,
                         "SELECT key, value FROM sync_setting ORDER BY key", NULL))
    return NULL;
  return g_steal_pointer (&config);
}

static gboolean
save_work (AimakDb   *db,
           gpointer   user_data,
           GError   **error)
{
  const AimakServerConfig *config = user_data;
  g_autofree char *port = g_strdup_printf ("%u", config->port ? config->port
                                                              : AIMAK_SERVER_DEFAULT_PORT);
  g_autofree char *areas = g_strjoinv (",", config->areas ? config->areas : (char *[]) { NULL });
  const char *keys[] = { "host", "port", "dbname", "user", "sslmode", "sslrootcert", "areas" };
  const char *values[] = { config->host, port, config->dbname, config->user, config->sslmode,
                           config->sslrootcert, areas };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean ok = values[i] != NULL
        ? aimak_db_exec (db, error, "INSERT INTO sync_setting (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "tt",
                         keys[i], values[i])
        : aimak_db_exec (db, error, "DELETE FROM sync_setting WHERE key = ?", "t", keys[i]);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
aimak_server_config_save (AimakDb                 *db,
                          const AimakServerConfig *config,
                          GError                 **error)
{
  if (!aimak_server_config_validate (config, error))
    return FALSE;
  return aimak_db_run_in_transaction (db, save_work, (gpointer) config, error);
}

gboolean
aimak_server_is_configured (AimakDb *db)
{
  g_autofree char *host = aimak_db_query_text (db, NULL, "SELECT value FROM sync_setting "
                                               "WHERE key = 'host'", NULL);

  return host != NULL && *host != '\0';
}
