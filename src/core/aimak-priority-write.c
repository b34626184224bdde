/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-write.c — every write of a priority (create, update, soft
 * delete, undelete, rank moves, duplicate) as one transaction that leaves a
 * trace in the change log, so the history panel can show who changed what and
 * deletion can be undone (the change log's reader is aimak-change-log.c). The columns written
 * and the fields compared come from the field table (aimak-priority-fields.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-priority-private.h"
#include "aimak-server.h"

#define ENTITY AIMAK_PRIORITY_ENTITY

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static gboolean
write_codes (AimakDb         *db,
             const char      *delete_sql,
             const char      *insert_sql,
             const char      *id,
             const GPtrArray *codes,
             GError         **error)
{
  if (!aimak_db_exec (db, error, delete_sql, "t", id))
    return FALSE;
  for (guint i = 0; codes && i < codes->len; i++)
    if (!aimak_db_exec (db, error, insert_sql, "tt", id, g_ptr_array_index (codes, i)))
      return FALSE;
  return TRUE;
}

/* The link table of a CODES field: delete, then insert every code. */
static gboolean
write_link_codes (AimakDb             *db,
                  const AimakField    *f,
                  const AimakPriority *p,
                  GError             **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE priority_id = ?",
                                                 f->link_table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (priority_id, %s) "
                                                 "VALUES (?, ?)", f->link_table,
                                                 f->link_column);

  return write_codes (db, delete_sql, insert_sql, p->id,
                      *aimak_field_codes_slot (f, (gpointer) p), error);
}

static gboolean
write_checklist (AimakDb *db, const AimakPriority *p, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!aimak_db_exec (db, error, "DELETE FROM priority_checklist WHERE priority_id = ?",
                      "t", p->id))
    return FALSE;
  g_hash_table_iter_init (&iter, p->checklist);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!aimak_db_exec (db, error,
                        "INSERT INTO priority_checklist (priority_id, item_code, answer) "
                        "VALUES (?, ?, ?)", "ttt", p->id, key, value))
      return FALSE;
  return TRUE;
}

static gboolean
write_indicators (AimakDb *db, const AimakPriority *p, GError **error)
{
  if (!aimak_db_exec (db, error, "DELETE FROM priority_indicator WHERE priority_id = ?",
                      "t", p->id))
    return FALSE;
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);

      if (!aimak_db_exec (db, error,
                          "INSERT INTO priority_indicator (priority_id, position, name, unit, "
                          "baseline_f, baseline_m, target_f, target_m, actual_f, actual_m) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "tittdddddd",
                          p->id, (int) i, ind->name ? ind->name : "",
                          ind->unit ? ind->unit : "",
                          ind->baseline_f, ind->baseline_m, ind->target_f, ind->target_m,
                          ind->actual_f, ind->actual_m))
        return FALSE;
    }
  return TRUE;
}

/* The links of @field (every link when NULL) from @p. */
static gboolean
write_links (AimakDb             *db,
             const AimakPriority *p,
             const char          *field,
             GError             **error)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      const AimakField *f = &fields[i];
      gboolean ok = TRUE;

      if (f->link_table == NULL || (field && !g_str_equal (field, f->id)))
        continue;
      if (f->kind == AIMAK_FIELD_CODES)
        ok = write_link_codes (db, f, p, error);
      else if (g_str_equal (f->id, "checklist"))
        ok = write_checklist (db, p, error);
      else if (g_str_equal (f->id, "indicators"))
        ok = write_indicators (db, p, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_row (AimakDb             *db,
            const AimakPriority *p,
            GError             **error)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  return aimak_field_insert (db, "priority", fields, n, p, error);
}

/* Sets *@n to the number of live priorities in @area_code. */
static gboolean
count_in_area (AimakDb    *db,
               const char *area_code,
               int        *n,
               GError    **error)
{
  gint64 count;
  gboolean ok = aimak_db_query_count (db, &count, error,
                                      "SELECT count(*) FROM priority "
                                      "WHERE area_code = ? AND deleted_at IS NULL",
                                      "t", area_code);

  *n = (int) count;
  return ok;
}

static gboolean
create_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakPriority *p = data;
  int n;

  if (!aimak_server_check_writable (db, p->area_code, error) ||
      !_aimak_priority_check_storable (db, p, error) || !_aimak_priority_check_status_gate (p, error) ||
      !count_in_area (db, p->area_code, &n, error))
    return FALSE;
  p->rank = n + 1;
  return insert_row (db, p, error) && write_links (db, p, NULL, error) &&
         aimak_db_log_change (db, ENTITY, p->id, "create", "", NULL, p->title, error);
}

gboolean
aimak_priority_create (AimakDb       *db,
                       AimakPriority *p,
                       GError       **error)
{
  g_autoptr(AimakPriority) work = NULL;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  g_return_val_if_fail (db != NULL && p != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = aimak_priority_copy (p);
  if (work->status == NULL)
    work->status = g_strdup ("draft");
  if (!aimak_field_run_create (db, fields, n, p, work, create_body, error))
    return FALSE;
  p->rank = work->rank;
  g_clear_pointer (&p->deleted_at, g_free);
  if (p->status == NULL)
    p->status = g_strdup ("draft");
  return TRUE;
}

/* A priority that changes area leaves a gap there and joins the end of the new one. */
static gboolean
change_area (AimakDb             *db,
             const AimakPriority *old,
             AimakPriority       *p,
             GError             **error)
{
  int n;

  if (!count_in_area (db, p->area_code, &n, error) ||
      !aimak_db_exec (db, error,
                      "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                      "AND deleted_at IS NULL AND rank > ?", "ti", old->area_code, old->rank))
    return FALSE;
  p->rank = n + 1;
  return TRUE;
}

static gboolean
update_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakFieldUpdate *u = data;
  AimakPriority *p = u->record;
  g_autoptr(AimakPriority) old = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean area_changed;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  old = aimak_priority_load (db, p->id, error);
  if (old == NULL)
    return FALSE;
  if (old->deleted_at != NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority “%s” has been deleted: restore it before editing."),
                   old->title);
      return FALSE;
    }
  changes = aimak_field_diff (fields, n, old, p);
  if (changes->len == 0)
    return TRUE;
  if (!aimak_server_check_writable (db, old->area_code, error) ||
      !aimak_server_check_writable (db, p->area_code, error) ||
      !_aimak_priority_check_storable (db, p, error) ||
      !_aimak_priority_check_status_gate (p, error))
    return FALSE;

  area_changed = g_strcmp0 (old->area_code, p->area_code) != 0;
  if (area_changed)
    {
      if (!change_area (db, old, p, error))
        return FALSE;
    }
  else
    p->rank = old->rank;

  if (!aimak_field_update (db, "priority", fields, n, p, "updated_at", u->now, "id", p->id,
                           error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    if (!write_links (db, p, ((AimakFieldChange *) g_ptr_array_index (changes, i))->field, error))
      return FALSE;
  /* A move to another area is no part of a burst of typing. */
  if (u->burst && area_changed)
    *u->burst = 0;
  if (!aimak_field_log_changes (db, ENTITY, p->id, changes, area_changed ? NULL : u->burst, error))
    return FALSE;
  if (area_changed)
    {
      g_autofree char *old_rank = g_strdup_printf ("%d", old->rank);
      g_autofree char *new_rank = g_strdup_printf ("%d", p->rank);

      if (!aimak_db_log_change (db, ENTITY, p->id, "update", "rank", old_rank, new_rank, error))
        return FALSE;
    }
  u->changed = TRUE;
  return TRUE;
}

static gboolean
update_priority (AimakDb       *db,
                 AimakPriority *p,
                 gint64        *burst,
                 GError       **error)
{
  int old_rank;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  g_return_val_if_fail (db != NULL && p != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (p->id == NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has not been saved yet."));
      return FALSE;
    }

  old_rank = p->rank;
  if (!aimak_field_run_update (db, fields, n, p, burst, update_body, error))
    {
      p->rank = old_rank;
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_priority_update (AimakDb       *db,
                       AimakPriority *p,
                       GError       **error)
{
  return update_priority (db, p, NULL, error);
}

gboolean
aimak_priority_update_burst (AimakDb       *db,
                             AimakPriority *p,
                             gint64        *burst,
                             GError       **error)
{
  g_return_val_if_fail (burst != NULL, FALSE);
  return update_priority (db, p, burst, error);
}

typedef struct
{
  const char *id;
  int         delta;
  char       *new_id;
} RankData;

/* Reads area and rank of @id, checks that its area may be written and that the
 * priority is deleted when @want_deleted, live otherwise; @wrong_state is the
 * message (and @wrong_code the error code) when it is not. */
static gboolean
get_place (AimakDb     *db,
           const char  *id,
           gboolean     want_deleted,
           int          wrong_code,
           const char  *wrong_state,
           char       **area_code,
           int         *rank,
           GError     **error)
{
  g_autoptr(AimakStmt) st = NULL;

  if (!aimak_db_first_row (db, &st, error, "SELECT area_code, rank, deleted_at IS NOT NULL "
                           "FROM priority WHERE id = ?", "t", id))
    return FALSE;
  if (st == NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority “%s” does not exist."), id);
      return FALSE;
    }
  *area_code = g_strdup (aimak_stmt_text (st, 0));
  *rank = aimak_stmt_int (st, 1);
  if (!aimak_server_check_writable (db, *area_code, error))
    return FALSE;
  if ((aimak_stmt_int (st, 2) != 0) != want_deleted)
    {
      g_set_error_literal (error, AIMAK_PRIORITY_ERROR, wrong_code, wrong_state);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *now = aimak_db_now ();
  int rank;

  if (!get_place (db, r->id, FALSE, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                  _("The priority has already been deleted."), &area, &rank, error))
    return FALSE;
  /* The deleted row keeps its rank, which is where undelete puts it back. */
  return aimak_db_exec (db, error, "UPDATE priority SET deleted_at = ?, updated_at = ? "
                        "WHERE id = ?", "ttt", now, now, r->id) &&
         aimak_db_exec (db, error, "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                        "AND deleted_at IS NULL AND rank > ?", "ti", area, rank) &&
         aimak_db_log_change (db, ENTITY, r->id, "delete", "deleted_at", NULL, now, error);
}

static gboolean
undelete_body (AimakDb  *db,
               gpointer  data,
               GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *old_deleted = NULL;
  g_autofree char *now = aimak_db_now ();
  int rank, n;

  if (!get_place (db, r->id, TRUE, AIMAK_PRIORITY_ERROR_INVALID,
                  _("The priority is not deleted."), &area, &rank, error) ||
      !count_in_area (db, area, &n, error))
    return FALSE;
  rank = CLAMP (rank, 1, n + 1);
  old_deleted = aimak_db_query_text (db, NULL, "SELECT deleted_at FROM priority WHERE id = ?",
                                     "t", r->id);
  return aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                        "AND deleted_at IS NULL AND rank >= ?", "ti", area, rank) &&
         aimak_db_exec (db, error, "UPDATE priority SET deleted_at = NULL, rank = ?, "
                        "updated_at = ? WHERE id = ?", "itt", rank, now, r->id) &&
         aimak_db_log_change (db, ENTITY, r->id, "undelete", "deleted_at", old_deleted, NULL,
                              error);
}

static gboolean
move_body (AimakDb  *db,
           gpointer  data,
           GError  **error)
{
  RankData *r = data;
  g_autofree char *area = NULL;
  g_autofree char *now = aimak_db_now ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  int rank, n, target;

  if (!get_place (db, r->id, FALSE, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                  _("The priority has been deleted: restore it before moving it."),
                  &area, &rank, error) ||
      !count_in_area (db, area, &n, error))
    return FALSE;
  target = (int) CLAMP ((gint64) rank + r->delta, 1, n);
  if (target == rank)
    return TRUE;
  if (target < rank)
    {
      if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                          "AND deleted_at IS NULL AND rank >= ? AND rank < ?", "tii",
                          area, target, rank))
        return FALSE;
    }
  else if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank - 1 WHERE area_code = ? "
                           "AND deleted_at IS NULL AND rank > ? AND rank <= ?", "tii",
                           area, rank, target))
    return FALSE;
  old_text = g_strdup_printf ("%d", rank);
  new_text = g_strdup_printf ("%d", target);
  return aimak_db_exec (db, error, "UPDATE priority SET rank = ?, updated_at = ? WHERE id = ?",
                        "itt", target, now, r->id) &&
         aimak_db_log_change (db, ENTITY, r->id, "update", "rank", old_text, new_text, error);
}

/* Runs @body in a transaction on the priority @id. */
static gboolean
run_on (AimakDb            *db,
        const char         *id,
        int                 delta,
        AimakDbWorkFunc     body,
        GError            **error)
{
  RankData r = { id, delta, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return aimak_db_run_in_transaction (db, body, &r, error);
}

gboolean
aimak_priority_delete (AimakDb    *db,
                       const char *id,
                       GError    **error)
{
  return run_on (db, id, 0, delete_body, error);
}

gboolean
aimak_priority_undelete (AimakDb    *db,
                         const char *id,
                         GError    **error)
{
  return run_on (db, id, 0, undelete_body, error);
}

gboolean
aimak_priority_move (AimakDb    *db,
                     const char *id,
                     int         delta,
                     GError    **error)
{
  return run_on (db, id, delta, move_body, error);
}

static gboolean
duplicate_body (AimakDb  *db,
                gpointer  data,
                GError  **error)
{
  RankData *r = data;
  g_autoptr(AimakPriority) p = aimak_priority_load (db, r->id, error);
  char *title;

  if (p == NULL || !aimak_server_check_writable (db, p->area_code, error))
    return FALSE;
  if (p->deleted_at)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority has been deleted: restore it before duplicating it."));
      return FALSE;
    }
  /* Translators: the title of a duplicated priority; %s is the original title. */
  title = g_strdup_printf (_("%s (copy)"), p->title);
  g_free (p->title);
  p->title = title;
  g_free (p->status);
  p->status = g_strdup ("draft");
  /* The copy is the user's own record, even when made from a demo one. */
  p->is_demo = FALSE;
  g_free (p->id);
  p->id = aimak_uuid_new ();
  g_free (p->created_at);
  p->created_at = aimak_db_now ();
  g_free (p->updated_at);
  p->updated_at = g_strdup (p->created_at);
  p->rank += 1;
  if (!aimak_db_exec (db, error, "UPDATE priority SET rank = rank + 1 WHERE area_code = ? "
                      "AND deleted_at IS NULL AND rank >= ?", "ti", p->area_code, p->rank) ||
      !insert_row (db, p, error) || !write_links (db, p, NULL, error) ||
      !aimak_db_log_change (db, ENTITY, p->id, "create", "", r->id, p->title, error))
    return FALSE;
  r->new_id = g_steal_pointer (&p->id);
  return TRUE;
}

char *
aimak_priority_duplicate (AimakDb    *db,
                          const char *id,
                          GError    **error)
{
  RankData r = { id, 0, NULL };

  g_return_val_if_fail (db != NULL && id != NULL, NULL);
  if (!aimak_db_run_in_transaction (db, duplicate_body, &r, error))
    {
      g_free (r.new_id);
      return NULL;
    }
  return r.new_id;
}
