/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-areas.c — the area changes an exchange package carries: every
 * change list the sending desk applied and did not undo, in the order it
 * applied them, each with its identity (a UUID shared by every desk), in the
 * package's `area_change` table with a checksum of its own in the manifest.
 * A package without them (older senders) reads as one with none.
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change.h"
#include "aimak-package-private.h"

const char _aimak_package_areas_schema[] =
  "CREATE TABLE area_change ("
  "  position INTEGER PRIMARY KEY, batch_uuid TEXT NOT NULL UNIQUE,"
  "  list_name TEXT NOT NULL, applied_at TEXT NOT NULL, rows TEXT NOT NULL);";

static void
checksum_add (GChecksum  *sum,
              const char *position,
              const char *uuid,
              const char *list_name,
              const char *applied_at,
              const char *rows)
{
  const char *parts[] = { position, uuid, list_name, applied_at, rows };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (sum, (const guchar *) parts[i], -1);
      g_checksum_update (sum, (const guchar *) (i + 1 < G_N_ELEMENTS (parts) ? "\t" : "\n"), 1);
    }
}

gboolean
_aimak_package_areas_write (AimakDb               *db,
                            sqlite3               *out,
                            AimakPackageManifest  *m,
                            GError               **error)
{
  g_autoptr(GPtrArray) batches = aimak_area_change_batches_applied (db, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  if (batches == NULL)
    return FALSE;
  for (guint i = 0; i < batches->len; i++)
    {
      AimakAreaChangeBatch *b = batches->pdata[i];
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *rows = aimak_area_change_batch_rows_json (b);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      g_ptr_array_add (values, position);
      g_ptr_array_add (values, b->uuid);
      g_ptr_array_add (values, b->list_name);
      g_ptr_array_add (values, b->applied_at);
      g_ptr_array_add (values, rows);
      if (!_aimak_package_exec (out, "INSERT INTO area_change VALUES (CAST (?1 AS INTEGER), "
                                "?2, ?3, ?4, ?5)", values, error))
        return FALSE;
      checksum_add (sum, position, b->uuid, b->list_name, b->applied_at, rows);
    }
  m->n_area_changes = batches->len;
  m->area_change_checksum = g_strdup (g_checksum_get_string (sum));
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *st,
             int           i)
{
  return sqlite3_column_type (st, i) == SQLITE_TEXT ? (const char *) sqlite3_column_text (st, i)
                                                    : NULL;
}

gboolean
_aimak_package_areas_read (sqlite3                     *pkg,
                           const AimakPackageManifest  *m,
                           GPtrArray                  **batches_out,
                           GError                     **error)
{
  g_autoptr(GPtrArray) batches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_change_batch_free);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *st;
  int rc;

  if (m->area_change_checksum == NULL)
    {
      *batches_out = g_steal_pointer (&batches);
      return TRUE;
    }
  st = _aimak_package_prepare (pkg, "SELECT CAST (position AS TEXT), batch_uuid, list_name, "
                               "applied_at, rows FROM area_change ORDER BY position",
                               NULL, NULL);
  if (st == NULL)
    return _aimak_package_damaged (error, _("its area changes are missing"));
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      const char *t[5];
      AimakAreaChangeBatch *b;

      for (int i = 0; i < 5; i++)
        t[i] = column_text (st, i);
      b = t[0] && t[2] && t[3]
          ? aimak_area_change_batch_new_from_json (t[1], t[2], t[3], t[4], &local_error)
          : NULL;
      if (b == NULL)
        {
          sqlite3_finalize (st);
          return _aimak_package_damaged (error, _("an area change cannot be read"));
        }
      checksum_add (sum, t[0], t[1], t[2], t[3], t[4]);
      g_ptr_array_add (batches, b);
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return _aimak_package_damaged (error, sqlite3_errstr (rc));
  if (g_strcmp0 (g_checksum_get_string (sum), m->area_change_checksum) != 0 ||
      batches->len != m->n_area_changes)
    return _aimak_package_damaged (error, _("its area changes do not match its manifest"));
  *batches_out = g_steal_pointer (&batches);
  return TRUE;
}
