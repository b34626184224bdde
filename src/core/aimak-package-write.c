/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-write.c — writing an exchange package (aimak-package.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-db-private.h"
#include "aimak-file-safety.h"
#include "aimak-package-private.h"

static const char package_schema[] =
  "PRAGMA journal_mode = OFF;"
  "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE record ("
  "  entity TEXT NOT NULL, uuid TEXT NOT NULL, area_code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL, deleted INTEGER NOT NULL,"
  "  origin_desk TEXT, changed_by_desk TEXT, changed_at TEXT,"
  "  fields TEXT NOT NULL, PRIMARY KEY (entity, uuid));";

/* The application id in an SQLite file's header, or 0. */
guint32
_aimak_package_file_application_id (const char *path)
{
  guchar header[72];
  FILE *f = g_fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return 0;
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return 0;
  return (guint32) header[68] << 24 | (guint32) header[69] << 16 |
         (guint32) header[70] << 8 | header[71];
}

static gboolean
check_target (AimakDb     *db,
              const char  *path,
              gboolean     replace,
              GError     **error)
{
  if (aimak_file_is_database_file (path, aimak_db_get_path (db)))
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET,
                   _("“%s” is the database itself: a package is written to another file."),
                   path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET,
                   _("“%s” is a folder: give a file name for the package."), path);
      return FALSE;
    }
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_file_test (dir, G_FILE_TEST_IS_DIR) && aimak_file_in_backups_folder (dir))
      {
        g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET,
                     _("“%s” is in a backups folder, which holds database backups only. "
                       "Choose another folder for the package."), path);
        return FALSE;
      }
  }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (_aimak_package_file_application_id (path) != AIMAK_PACKAGE_APPLICATION_ID)
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_TARGET,
                   _("“%s” exists and is not an Aimak exchange package: it is not replaced."),
                   path);
      return FALSE;
    }
  if (!replace)
    {
      g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_EXISTS,
                   _("The package “%s” exists; give --force to replace it."), path);
      return FALSE;
    }
  return TRUE;
}

/* The codes of @area_code and, with @below, of every area under it, as JSON. */
static char *
scope_json (AimakDb     *db,
            const char  *area_code,
            gboolean     below,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *json = aimak_db_query_text (db, &local_error,
                                    "WITH RECURSIVE scope (code) AS ("
                                    "  SELECT code FROM area WHERE code = ?1 "
                                    "  UNION SELECT a.code FROM area a JOIN scope s "
                                    "  ON a.parent_code = s.code WHERE ?2) "
                                    "SELECT CASE WHEN count(*) > 0 THEN json_group_array (code) END "
                                    "FROM scope", "tb", area_code, below);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (json == NULL)
    g_set_error (error, AIMAK_PACKAGE_ERROR, AIMAK_PACKAGE_ERROR_NO_AREA,
                 _("There is no area with the code “%s”."), area_code);
  return json;
}

static gboolean
insert_record (sqlite3                *out,
               const AimakMergeRecord *r,
               GError                **error)
{
  g_autofree char *fields = _aimak_package_fields_json (r);
  g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, r->revision);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  g_ptr_array_add (values, r->entity);
  g_ptr_array_add (values, r->uuid);
  g_ptr_array_add (values, r->area_code);
  g_ptr_array_add (values, revision);
  g_ptr_array_add (values, r->deleted ? "1" : "0");
  g_ptr_array_add (values, r->origin);
  g_ptr_array_add (values, r->changed_by);
  g_ptr_array_add (values, r->changed_at);
  g_ptr_array_add (values, fields);
  return _aimak_package_exec (out, "INSERT INTO record VALUES (?1, ?2, ?3, CAST (?4 AS INTEGER), "
                              "CAST (?5 AS INTEGER), ?6, ?7, ?8, ?9)", values, error);
}

typedef struct
{
  sqlite3   *out;
  char      *scope;
  guint      counts[3];
} WriteState;

static gboolean
write_entity (AimakDb          *db,
              WriteState       *w,
              guint             index,
              GError          **error)
{
  const EntityDef *def = &aimak_package_entities[index];
  g_autoptr(GPtrArray) columns = _aimak_package_field_columns (db, def, error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *sql = NULL;

  if (columns == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE area_code IN "
                         "(SELECT value FROM json_each (?))%s ORDER BY 1",
                         def->id_column, def->table, def->where);
  ids = aimak_db_list (db, error, aimak_db_row_add_text, g_free, sql, "t", w->scope);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AimakMergeRecord) r = _aimak_package_load_record (db, def, columns,
                                                                  ids->pdata[i], error);

      if (r == NULL || !insert_record (w->out, r, error))
        return FALSE;
    }
  w->counts[index] = ids->len;
  return TRUE;
}

static gboolean
write_manifest (sqlite3               *out,
                AimakPackageManifest  *m,
                GError               **error)
{
  g_autofree char *format = g_strdup_printf ("%d", m->format);
  g_autofree char *areas = g_strjoinv (",", m->areas);
  g_autofree char *np = g_strdup_printf ("%u", m->n_priorities);
  g_autofree char *na = g_strdup_printf ("%u", m->n_activities);
  g_autofree char *nv = g_strdup_printf ("%u", m->n_values);
  g_autofree char *nc = g_strdup_printf ("%u", m->n_area_changes);
  const char *rows[][2] = {
    { "format", format }, { "app_version", m->app_version },
    { "origin_desk", m->origin_desk }, { "origin_desk_name", m->origin_desk_name },
    { "areas", areas }, { "created_at", m->created_at },
    { "count.priority", np }, { "count.activity", na }, { "count.indicator_value", nv },
    { "checksum", m->checksum },
    { "count.area_change", nc }, { "area_change_checksum", m->area_change_checksum },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      g_ptr_array_add (values, (gpointer) rows[i][0]);
      g_ptr_array_add (values, (gpointer) (rows[i][1] ? rows[i][1] : ""));
      if (!_aimak_package_exec (out, "INSERT INTO manifest VALUES (?1, ?2)", values, error))
        return FALSE;
    }
  return TRUE;
}

/* Sending makes what was sent the base of the next exchange. Changing
 * base_revision keeps the revision triggers from counting this as an edit. */
static gboolean
mark_sent (AimakDb     *db,
           const char  *scope,
           GError     **error)
{
  for (guint i = 0; aimak_package_entities[i].entity != NULL; i++)
    {
      const EntityDef *def = &aimak_package_entities[i];
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET base_revision = revision "
                                              "WHERE area_code IN (SELECT value FROM "
                                              "json_each (?))%s AND base_revision <> revision",
                                              def->table, def->where);

      if (!aimak_db_exec (db, error, sql, "t", scope))
        return FALSE;
    }
  return TRUE;
}

static gboolean
exec_script (sqlite3     *out,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (out, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _aimak_package_sqlite_fail (out, rc, error);
  return TRUE;
}

typedef struct
{
  const char           *area_code;
  gboolean              below;
  const char           *path;
  char                 *tmp;
  AimakPackageManifest *manifest;
} WriteJob;

static gboolean
fill_package (AimakDb   *db,
              WriteJob  *job,
              sqlite3   *out,
              GError   **error)
{
  WriteState w = { out, NULL, { 0 } };
  gboolean ok = FALSE;
  AimakPackageManifest *m = job->manifest;

  w.scope = scope_json (db, job->area_code, job->below, error);
  if (w.scope == NULL)
    return FALSE;
  if (exec_script (out, package_schema, error) &&
      _aimak_package_exec (out, "BEGIN", NULL, error))
    {
      ok = TRUE;
      for (guint i = 0; ok && aimak_package_entities[i].entity != NULL; i++)
        ok = write_entity (db, &w, i, error);
      m->n_priorities = w.counts[0];
      m->n_activities = w.counts[1];
      m->n_values = w.counts[2];
      m->areas = g_new0 (char *, 2);
      m->areas[0] = g_strdup (job->area_code);
      ok = ok && exec_script (out, _aimak_package_areas_schema, error) &&
           _aimak_package_areas_write (db, out, m, error) &&
           _aimak_package_read_checksum (out, &m->checksum, NULL, error) &&
           write_manifest (out, m, error) &&
           _aimak_package_exec (out, "COMMIT", NULL, error) &&
           mark_sent (db, w.scope, error);
    }
  g_free (w.scope);
  return ok;
}

static gboolean
write_work (AimakDb   *db,
            gpointer   user_data,
            GError   **error)
{
  WriteJob *job = user_data;
  sqlite3 *out = NULL;
  char header[64];
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (job->tmp, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _aimak_package_sqlite_fail (out, rc, error);
      sqlite3_close (out);
      return FALSE;
    }
  g_snprintf (header, sizeof header, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
              AIMAK_PACKAGE_APPLICATION_ID, AIMAK_PACKAGE_FORMAT);
  ok = exec_script (out, header, error) && fill_package (db, job, out, error);
  rc = sqlite3_close (out);
  if (ok && rc != SQLITE_OK)
    ok = _aimak_package_sqlite_fail (NULL, rc, error);
  /* The rename is the last step before the commit: a package that is not
   * where it was asked for is not counted as sent. */
  if (ok && g_rename (job->tmp, job->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), job->path, g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}

AimakPackageManifest *
aimak_package_write (AimakDb     *db,
                     const char  *area_code,
                     gboolean     include_below,
                     const char  *path,
                     gboolean     replace,
                     GError     **error)
{
  g_autoptr(AimakPackageManifest) m = g_new0 (AimakPackageManifest, 1);
  g_autofree char *abs = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  WriteJob job = { area_code, include_below, NULL, NULL, NULL };
  gboolean ok;
  int fd;

  g_return_val_if_fail (db != NULL && area_code != NULL && path != NULL, NULL);
  abs = aimak_file_absolute (path);
  if (!check_target (db, abs, replace, error))
    return NULL;
  m->format = AIMAK_PACKAGE_FORMAT;
  m->app_version = g_strdup (PACKAGE_VERSION);
  m->origin_desk = aimak_package_desk_id (db, error);
  if (m->origin_desk == NULL)
    return NULL;
  m->origin_desk_name = aimak_db_query_text (db, NULL, "SELECT name FROM desk WHERE is_self = 1",
                                             NULL);
  m->created_at = aimak_db_now ();
  dir = g_path_get_dirname (abs);
  base = g_path_get_basename (abs);
  template = aimak_file_temp_template (dir, base, ".aimak");
  fd = g_mkstemp (template);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), abs, g_strerror (saved));
      return NULL;
    }
  close (fd);
  /* mkstemp makes it private; a package is a document to send (umask applies
   * only at creation, so say it plainly). */
  g_chmod (template, 0644);
  job.path = abs;
  job.tmp = template;
  job.manifest = m;
  ok = aimak_db_run_in_transaction (db, write_work, &job, error);
  if (!ok)
    {
      g_unlink (template);
      return NULL;
    }
  return g_steal_pointer (&m);
}

gboolean
aimak_package_count (AimakDb     *db,
                     const char  *area_code,
                     gboolean     include_below,
                     guint        counts[3],
                     GError     **error)
{
  g_autofree char *scope = NULL;

  g_return_val_if_fail (db != NULL && area_code != NULL && counts != NULL, FALSE);
  scope = scope_json (db, area_code, include_below, error);
  if (scope == NULL)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      const EntityDef *def = &aimak_package_entities[i];
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE area_code IN "
                                              "(SELECT value FROM json_each (?))%s",
                                              def->table, def->where);
      gint64 count;

      if (!aimak_db_query_count (db, &count, error, sql, "t", scope))
        return FALSE;
      counts[i] = (guint) count;
    }
  return TRUE;
}
