/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-server-scope.c — what a desk with an office server may change
 * (aimak-server.h): the records of its own areas, the ones it sends. The
 * server's row-level security refuses the rest, so the write layer
 * (priorities, activities, indicator values) refuses them here first, with a
 * message that names the area, instead of keeping an edit that no sync would
 * ever send. Also: stopping to use a server, and the changes a sync leaves
 * behind because they belong to areas this desk may only read.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-area.h"
#include "aimak-package-private.h"
#include "aimak-server.h"

/* The configured areas, or NULL when no server is configured. */
static char **
own_areas (AimakDb  *db,
           GError  **error)
{
  g_autoptr(AimakServerConfig) config = NULL;

  if (!aimak_server_is_configured (db))
    return NULL;
  config = aimak_server_config_load (db, error);
  if (config == NULL)
    return NULL;
  return g_steal_pointer (&config->areas);
}

/* The name of @code in the database's language, or the code. */
static char *
area_label (AimakDb    *db,
            const char *code)
{
  g_autoptr(AimakArea) area = aimak_area_get (db, code, NULL);

  return g_strdup (area ? aimak_area_name (area, aimak_db_get_language (db)) : code);
}

gboolean
aimak_server_check_writable (AimakDb     *db,
                             const char  *area_code,
                             GError     **error)
{
  g_auto(GStrv) areas = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) own = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  areas = own_areas (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (areas == NULL || area_code == NULL || g_strv_contains ((const char * const *) areas,
                                                             area_code))
    return TRUE;
  name = area_label (db, area_code);
  if (areas[0] == NULL)
    {
      g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_READ_ONLY_AREA,
                   _("“%s” cannot be changed on this desk: it has no areas of its own on the "
                     "office server, so the change would never be sent. Add this desk’s areas "
                     "in Preferences → Office Server."), name);
      return FALSE;
    }
  own = g_string_new (NULL);
  for (guint i = 0; areas[i] != NULL; i++)
    {
      g_autofree char *label = area_label (db, areas[i]);

      if (i > 0)
        g_string_append (own, ", ");
      g_string_append (own, label);
    }
  /* Translators: the first %s is an area (e.g. "Ak-Suu ayil aimak"), the second
   * the desk's own areas, separated by commas. */
  g_set_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_READ_ONLY_AREA,
               _("This desk may only read “%s”: the office server takes its changes only for "
                 "%s. Ask the desk of that area to make this change."), name, own->str);
  return FALSE;
}

static gboolean
clear_work (AimakDb   *db,
            gpointer   user_data,
            GError   **error)
{
  return aimak_db_exec (db, error, "DELETE FROM sync_setting", NULL);
}

gboolean
aimak_server_config_clear (AimakDb  *db,
                           GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  /* The sync state (the server last synced with, the position pulled up to,
   * the last sync) stays, so that a desk set to the same server again
   * resumes where it stopped and sends what waited. */
  return aimak_db_run_in_transaction (db, clear_work, NULL, error);
}

typedef struct
{
  gint64      count;
  GPtrArray  *areas;   /* area codes, each once */
} Unsent;

static gboolean
add_unsent (AimakStmt  *row,
            gpointer    user_data,
            GError    **error)
{
  Unsent *u = user_data;
  const char *code = aimak_stmt_text (row, 0);

  u->count += aimak_stmt_int64 (row, 1);
  if (!g_ptr_array_find_with_equal_func (u->areas, code, g_str_equal, NULL))
    g_ptr_array_add (u->areas, g_strdup (code));
  return TRUE;
}

gint64
aimak_server_read_only_changes (AimakDb                   *db,
                                const AimakServerConfig   *config,
                                char                    ***areas_out,
                                GError                   **error)
{
  g_auto(GStrv) areas = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *json = NULL;
  Unsent u = { 0, codes };
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, -1);
  if (areas_out != NULL)
    *areas_out = NULL;
  areas = config ? g_strdupv (config->areas) : own_areas (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  if (areas == NULL)
    return 0;
  {
    g_autoptr(GString) list = g_string_new ("[");

    for (guint i = 0; areas[i] != NULL; i++)
      {
        g_autofree char *quoted = g_strescape (areas[i], NULL);

        g_string_append_printf (list, "%s\"%s\"", i > 0 ? "," : "", quoted);
      }
    g_string_append_c (list, ']');
    json = g_string_free (g_steal_pointer (&list), FALSE);
  }
  for (guint e = 0; aimak_package_entities[e].entity != NULL; e++)
    {
      const EntityDef *def = &aimak_package_entities[e];
      g_autofree char *sql = g_strdup_printf ("SELECT area_code, count(*) FROM \"%s\" WHERE "
                                              "revision > base_revision AND area_code NOT IN "
                                              "(SELECT value FROM json_each (?))%s "
                                              "GROUP BY area_code ORDER BY area_code",
                                              def->table, def->where);

      if (!aimak_db_foreach (db, error, add_unsent, &u, sql, "t", json))
        return -1;
    }
  if (areas_out != NULL)
    {
      g_ptr_array_add (codes, NULL);
      *areas_out = (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
    }
  return u.count;
}
