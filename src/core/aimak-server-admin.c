/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server-admin.c — what the server's owner runs (aimak-server.h):
 * creating and upgrading the server schema, one migration per transaction,
 * and creating desk roles with their grants.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-server-private.h"

#define SERVER_MIGRATIONS_PATH "/io/github/aimakplanner/Aimak/server/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The server migrations in order (server/0001-….sql, …). */
static char **
server_migrations (GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SERVER_MIGRATIONS_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  GPtrArray *sorted;

  if (names == NULL)
    return NULL;
  sorted = g_ptr_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return (char **) g_ptr_array_free (sorted, FALSE);
}

static gboolean
run_migration (PGconn      *conn,
               const char  *name,
               int          version,
               GError     **error)
{
  g_autofree char *path = g_strconcat (SERVER_MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *script = NULL;
  g_autofree char *v = g_strdup_printf ("%d", version);
  const char *values[] = { v };
  g_autoptr(PGresult) set = NULL;

  if (bytes == NULL)
    return FALSE;
  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!_aimak_server_exec_simple (conn, "BEGIN", error))
    return FALSE;
  if (!_aimak_server_exec_simple (conn, script, error) ||
      (set = _aimak_server_exec (conn, error, "UPDATE aimak.schema_version SET version = $1",
                                 1, values)) == NULL ||
      !_aimak_server_exec_simple (conn, "COMMIT", error))
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  PGconn  *conn;
  guint    n;
} AreaLoad;

static gboolean
load_area (AimakStmt  *row,
           gpointer    user_data,
           GError    **error)
{
  AreaLoad *load = user_data;
  g_autofree char *level = g_strdup_printf ("%d", aimak_stmt_int (row, 2));
  const char *values[] = { aimak_stmt_text (row, 0),
                           aimak_stmt_is_null (row, 1) ? NULL : aimak_stmt_text (row, 1),
                           level, aimak_stmt_text (row, 3) };
  g_autoptr(PGresult) result =
    _aimak_server_exec (load->conn, error,
                        "INSERT INTO aimak.area (code, parent_code, level, name_en) "
                        "VALUES ($1, $2, $3::integer, $4) ON CONFLICT (code) DO UPDATE SET "
                        "parent_code = excluded.parent_code, level = excluded.level, "
                        "name_en = excluded.name_en", 4, values);

  load->n++;
  return result != NULL;
}

/* Copies the area hierarchy of @db to the server, parents first, in one
 * transaction. */
static gboolean
load_areas (PGconn   *conn,
            AimakDb  *db,
            GError  **error)
{
  AreaLoad load = { conn, 0 };

  if (!_aimak_server_exec_simple (conn, "BEGIN", error))
    return FALSE;
  if (!aimak_db_foreach (db, error, load_area, &load,
                         "SELECT code, parent_code, level, name_en FROM area "
                         "ORDER BY level, code", NULL) ||
      !_aimak_server_exec_simple (conn, "COMMIT", error))
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_server_init (const AimakServerConfig  *config,
                   const char               *password,
                   AimakDb                  *db,
                   int                      *from_out,
                   int                      *to_out,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(PGconn) conn = _aimak_server_connect (config, password, cancellable, error);
  g_auto(GStrv) migrations = NULL;
  int version;

  if (conn == NULL)
    return FALSE;
  version = _aimak_server_schema_version (conn, error);
  if (version < 0)
    return FALSE;
  if (from_out != NULL)
    *from_out = version;
  if (version > AIMAK_SERVER_SCHEMA_VERSION)
    return _aimak_server_check_schema (conn, error);
  migrations = server_migrations (error);
  if (migrations == NULL)
    return FALSE;
  g_assert (g_strv_length (migrations) == AIMAK_SERVER_SCHEMA_VERSION);
  /* One server at a time: a second init waits for the first. */
  PQclear (PQexec (conn, "SET lock_timeout = '60s'"));
  for (int v = version + 1; v <= AIMAK_SERVER_SCHEMA_VERSION; v++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !run_migration (conn, migrations[v - 1], v, error))
        return FALSE;
    }
  if (!load_areas (conn, db, error))
    return FALSE;
  if (to_out != NULL)
    *to_out = AIMAK_SERVER_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
valid_role_name (const char *name)
{
  size_t len = name ? strlen (name) : 0;

  if (len == 0 || len > 50 || !g_ascii_islower (name[0]) || g_str_has_prefix (name, "pg_"))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return !g_str_equal (name, "aimak_desk");
}

/* {"a","b"}: the codes are checked to be plain (letters, digits, '-', '_', '.'). */
static char *
code_array_literal (const char * const  *areas,
                    GError             **error)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      for (const char *p = areas[i]; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
          {
            g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG,
                         _("“%s” is not an area code."), areas[i]);
            g_string_free (s, TRUE);
            return NULL;
          }
      g_string_append_printf (s, "%s\"%s\"", i ? "," : "", areas[i]);
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

gboolean
aimak_server_add_desk (const AimakServerConfig  *config,
                       const char               *password,
                       const char               *name,
                       const char               *desk_password,
                       const char * const       *areas,
                       gboolean                  ministry,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *array = NULL;
  char *verifier = NULL;
  GError *local_error = NULL;

  if (!valid_role_name (name))
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG,
                   _("A desk name is 1 to 50 lower-case Latin letters, digits and “_”, "
                     "starting with a letter: “%s” is not."), name ? name : "");
      return FALSE;
    }
  array = code_array_literal (areas, error);
  if (array == NULL)
    return FALSE;
  conn = _aimak_server_connect (config, password, cancellable, error);
  if (conn == NULL || !_aimak_server_check_schema (conn, error))
    return FALSE;
  if (desk_password != NULL)
    {
      verifier = PQencryptPasswordConn (conn, desk_password, name, "scram-sha-256");
      if (verifier == NULL)
        {
          _aimak_server_set_error (conn, NULL, error);
          return FALSE;
        }
    }
  {
    const char *values[] = { name, verifier, array, ministry ? "true" : "false" };

    result = _aimak_server_exec (conn, &local_error,
                                 "SELECT aimak.add_desk ($1, $2, $3::text[], $4::boolean)",
                                 4, values);
  }
  if (verifier != NULL)
    PQfreemem (verifier);
  if (result == NULL)
    {
      if (g_error_matches (local_error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_REFUSED))
        local_error->code = AIMAK_SERVER_ERROR_CONFIG;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
