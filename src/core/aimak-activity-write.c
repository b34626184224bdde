/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-write.c — every write of an activity (create, update, soft
 * delete, undelete) as one transaction recorded in the change log; the columns
 * written and the fields compared come from the field table. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity-private.h"
#include "aimak-number.h"
#include "aimak-priority.h"
#include "aimak-server.h"

static gboolean
write_links (AimakDb             *db,
             const AimakActivity *a,
             GError             **error)
{
  if (!aimak_db_exec (db, error, "DELETE FROM activity_participant WHERE activity_id = ?",
                      "t", a->id) ||
      !aimak_db_exec (db, error, "DELETE FROM activity_priority WHERE activity_id = ?",
                      "t", a->id))
    return FALSE;
  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);
      if (!aimak_db_exec (db, error,
                          "INSERT INTO activity_participant (activity_id, role_code, women, men) "
                          "VALUES (?, ?, ?, ?)", "ttii", a->id, p->role_code, p->women, p->men))
        return FALSE;
    }
  for (guint i = 0; i < a->priorities->len; i++)
    if (!aimak_db_exec (db, error,
                        "INSERT INTO activity_priority (activity_id, priority_id) VALUES (?, ?)",
                        "tt", a->id, (const char *) g_ptr_array_index (a->priorities, i)))
      return FALSE;
  return TRUE;
}

static gboolean
create_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakActivity *a = data;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  return aimak_server_check_writable (db, a->area_code, error) &&
         aimak_field_insert (db, "activity", fields, n, a, error) &&
         write_links (db, a, error) &&
         aimak_db_log_change (db, AIMAK_ACTIVITY_ENTITY, a->id, "create", "", NULL, a->topic,
                              error);
}

gboolean
aimak_activity_create (AimakDb       *db,
                       AimakActivity *a,
                       GError       **error)
{
  g_autoptr(AimakActivity) work = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  g_return_val_if_fail (db != NULL && a != NULL, FALSE);

  if (!_aimak_activity_check_valid (a, error))
    return FALSE;
  work = aimak_activity_copy (a);
  return aimak_field_run_create (db, fields, n, a, work, create_body, error);
}

static gboolean
update_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakFieldUpdate *u = data;
  AimakActivity *a = u->record;
  g_autoptr(AimakActivity) old = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  old = aimak_activity_load (db, a->id, error);
  if (old == NULL)
    return FALSE;
  changes = aimak_field_diff (fields, n, old, a);
  if (changes->len == 0)
    return TRUE;
  if (!aimak_server_check_writable (db, old->area_code, error) ||
      !aimak_server_check_writable (db, a->area_code, error) ||
      !aimak_field_log_changes (db, AIMAK_ACTIVITY_ENTITY, a->id, changes, u->burst, error))
    return FALSE;
  u->changed = TRUE;
  return aimak_field_update (db, "activity", fields, n, a, "updated_at", u->now, "id", a->id,
                             error) &&
         write_links (db, a, error);
}

gboolean
aimak_activity_update (AimakDb       *db,
                       AimakActivity *a,
                       GError       **error)
{
  return aimak_activity_update_burst (db, a, NULL, error);
}

gboolean
aimak_activity_update_burst (AimakDb       *db,
                             AimakActivity *a,
                             gint64        *burst,
                             GError       **error)
{
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  g_return_val_if_fail (db != NULL && a != NULL && a->id != NULL, FALSE);

  return _aimak_activity_check_valid (a, error) &&
         aimak_field_run_update (db, fields, n, a, burst, update_body, error);
}

typedef struct
{
  const char *id;
  gboolean    deleted;
} DeleteData;

static gboolean
set_deleted_body (AimakDb  *db,
                  gpointer  data,
                  GError  **error)
{
  DeleteData *d = data;
  g_autofree char *now = aimak_db_now ();
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *old = NULL;
  g_autofree char *area = NULL;

  if (!aimak_db_first_row (db, &st, error, "SELECT deleted_at, area_code FROM activity "
                           "WHERE id = ?", "t", d->id))
    return FALSE;
  if (st == NULL)
    {
      g_set_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND,
                   _("The activity “%s” does not exist."), d->id);
      return FALSE;
    }
  old = aimak_stmt_is_null (st, 0) ? NULL : g_strdup (aimak_stmt_text (st, 0));
  area = aimak_stmt_is_null (st, 1) ? NULL : g_strdup (aimak_stmt_text (st, 1));
  g_clear_pointer (&st, aimak_stmt_release);
  if ((old != NULL) == d->deleted)
    return TRUE;  /* already so: nothing to record */
  if (!aimak_server_check_writable (db, area, error))
    return FALSE;
  return aimak_db_exec (db, error,
                        "UPDATE activity SET deleted_at = ?, updated_at = ? WHERE id = ?",
                        "ttt", d->deleted ? now : NULL, now, d->id) &&
         aimak_db_log_change (db, AIMAK_ACTIVITY_ENTITY, d->id,
                              d->deleted ? "delete" : "undelete", "deleted_at", old,
                              d->deleted ? now : NULL, error);
}

static gboolean
set_deleted (AimakDb    *db,
             const char *id,
             gboolean    deleted,
             GError    **error)
{
  DeleteData d = { id, deleted };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return aimak_db_run_in_transaction (db, set_deleted_body, &d, error);
}

gboolean
aimak_activity_delete (AimakDb    *db,
                       const char *id,
                       GError    **error)
{
  return set_deleted (db, id, TRUE, error);
}

gboolean
aimak_activity_undelete (AimakDb    *db,
                         const char *id,
                         GError    **error)
{
  return set_deleted (db, id, FALSE, error);
}

