/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-indicator-value.c — the values of an area by indicator, year and sex,
 * each with its source: validation shared with the importer, load, save (a
 * reference value keeps what was published), soft delete and history, every
 * write one transaction recorded in the change log. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-lang.h"
#include "aimak-db-private.h"
#include "aimak-server.h"

/* ---- validation of values ---- */

void
_aimak_indicator_check_value (const AimakIndicatorValue *v,
                              gboolean                   area_known,
                              const AimakIndicator      *ind,
                              GPtrArray                 *problems)
{
  if (aimak_field_text_is_blank (v->area_code))
    aimak_problem_list_add (problems, "area_code", _("Choose an area."));
  else if (!area_known)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown area “%s”."), v->area_code);
      aimak_problem_list_add (problems, "area_code", msg);
    }

  if (aimak_field_text_is_blank (v->indicator_code))
    aimak_problem_list_add (problems, "indicator_code", _("Choose an indicator."));
  else if (ind == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown indicator “%s”."), v->indicator_code);
      aimak_problem_list_add (problems, "indicator_code", msg);
    }

  if (v->year < 1990 || v->year > 2100)
    aimak_problem_list_add (problems, "year", _("The year must be between 1990 and 2100."));

  if (v->sex != 'F' && v->sex != 'M' && v->sex != 'T')
    aimak_problem_list_add (problems, "sex", _("Choose women, men or total."));
  else if (ind && !ind->by_sex && v->sex != 'T')
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not split by sex: enter a total."),
                                              aimak_indicator_name (ind, NULL));
      aimak_problem_list_add (problems, "sex", msg);
    }

  if (!isfinite (v->value))
    aimak_problem_list_add (problems, "value", _("Enter a number."));
  else
    {
      /* Each unit has its plausible range (aimak-number.h): a count is whole,
       * a share 0–100, nothing is 1e308. */
      g_autoptr(GError) range_error = NULL;
      if (!aimak_number_check (v->value, aimak_number_kind_for_unit (ind ? ind->unit : NULL),
                               _("The value"), &range_error))
        aimak_problem_list_add (problems, "value", range_error->message);
    }

  if (aimak_field_text_is_blank (v->source))
    aimak_problem_list_add (problems, "source",
                             _("Enter the source of the figure (who published it, and when)."));
  else
    {
      g_autoptr(GError) text_error = NULL;
      if (!aimak_text_check (v->source, -1, FALSE, _("The source"), &text_error))
        aimak_problem_list_add (problems, "source", text_error->message);
    }
  {
    g_autoptr(GError) text_error = NULL;
    if (!aimak_text_check (v->note, -1, TRUE, _("The note"), &text_error))
      aimak_problem_list_add (problems, "note", text_error->message);
  }
}

GPtrArray *
aimak_indicator_validate_value (AimakDb                   *db,
                                const AimakIndicatorValue *value)
{
  GPtrArray *problems = aimak_problem_list_new ();
  g_autoptr(AimakIndicator) ind = NULL;
  gboolean area_known = FALSE;

  g_return_val_if_fail (db != NULL, problems);
  g_return_val_if_fail (value != NULL, problems);

  if (!aimak_field_text_is_blank (value->area_code))
    area_known = aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?",
                                     "t", value->area_code) > 0;
  if (!aimak_field_text_is_blank (value->indicator_code))
    ind = aimak_indicator_get (db, value->indicator_code, NULL);
  _aimak_indicator_check_value (value, area_known, ind, problems);
  return problems;
}

/* ---- values ---- */

AimakIndicatorValue *
aimak_indicator_value_new (void)
{
  AimakIndicatorValue *v = g_new0 (AimakIndicatorValue, 1);

  v->area_code = g_strdup ("");
  v->indicator_code = g_strdup ("");
  v->sex = 'T';
  v->value = NAN;
  v->source = g_strdup ("");
  v->note = g_strdup ("");
  v->original_value = NAN;
  return v;
}

AimakIndicatorValue *
aimak_indicator_value_copy (const AimakIndicatorValue *value)
{
  guint n;
  const AimakField *fields = aimak_indicator_value_fields (&n);

  return aimak_field_copy_record (fields, n, (AimakFieldNewFunc) aimak_indicator_value_new, value);
}

AimakIndicatorValue *
aimak_indicator_value_load (AimakDb  *db,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(AimakIndicatorValue) v = NULL;
  guint n;
  const AimakField *fields = aimak_indicator_value_fields (&n);

  g_return_val_if_fail (db != NULL, NULL);

  if (!aimak_field_load_row (db, "indicator_value", fields, n,
                             (AimakFieldNewFunc) aimak_indicator_value_new, (gpointer *) &v,
                             error, "I", id))
    return NULL;
  if (v == NULL)
    g_set_error (error, AIMAK_INDICATOR_ERROR, AIMAK_INDICATOR_ERROR_NOT_FOUND,
                 _("The indicator value %lld does not exist."), (long long) id);
  return g_steal_pointer (&v);
}

gboolean
_aimak_indicator_log_value (AimakDb     *db,
                            const char  *ts,
                            gint64       id,
                            const char  *action,
                            const char  *field,
                            const char  *old_value,
                            const char  *new_value,
                            GError     **error)
{
  g_autofree char *now = ts == NULL ? aimak_db_now () : NULL;
  char entity_id[32];

  g_snprintf (entity_id, sizeof entity_id, "%" G_GINT64_FORMAT, id);
  return aimak_db_log_change_at (db, ts != NULL ? ts : now, AIMAK_INDICATOR_ENTITY_VALUE,
                                 entity_id, action, field, old_value, new_value, error);
}

static char *
sex_text (char sex)
{
  return g_strndup (&sex, 1);
}

/* Id of the value with the same identity as @v (not @v itself), 0 if none;
 * *@deleted tells whether it is soft-deleted. -1 on error. */
static gint64
find_same_key (AimakDb                   *db,
               const AimakIndicatorValue *v,
               gboolean                  *deleted,
               GError                   **error)
{
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *sex = sex_text (v->sex);

  *deleted = FALSE;
  if (!aimak_db_first_row (db, &st, error,
                           "SELECT id, deleted_at IS NOT NULL FROM indicator_value "
                           "WHERE area_code = ? AND indicator_code = ? AND year = ? AND sex = ? "
                           "AND source = ? AND id <> ?",
                           "ttittI", v->area_code, v->indicator_code, v->year, sex, v->source,
                           v->id))
    return -1;
  if (st == NULL)
    return 0;
  *deleted = aimak_stmt_int (st, 1) != 0;
  return aimak_stmt_int64 (st, 0);
}

static gboolean
set_deleted (AimakDb  *db,
             gint64    id,
             gboolean  deleted,
             GError  **error)
{
  g_autofree char *now = aimak_db_now ();

  return aimak_db_exec (db, error,
                        "UPDATE indicator_value SET deleted_at = ?, updated_at = ? WHERE id = ?",
                        "ttI", deleted ? now : NULL, now, id) &&
         _aimak_indicator_log_value (db, NULL, id, deleted ? "delete" : "undelete", "", NULL, NULL,
                                     error);
}

/* Writes @v over the stored @old (same id), one change-log row per changed field
 * of the table (aimak-indicator-fields.c). */
static gboolean
update_value (AimakDb                   *db,
              const AimakIndicatorValue *old,
              AimakIndicatorValue       *v,
              GError                   **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autoptr(AimakIndicatorValue) work = aimak_indicator_value_copy (v);
  g_autoptr(GPtrArray) changes = NULL;
  guint n;
  const AimakField *fields = aimak_indicator_value_fields (&n);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, old->id);

  g_free (work->source);
  work->source = g_strstrip (g_strdup (v->source));
  if (work->note == NULL)
    work->note = g_strdup ("");
  work->is_reference = old->is_reference;
  work->original_value = old->original_value;
  g_free (work->original_source);
  work->original_source = g_strdup (old->original_source);
  changes = aimak_field_diff (fields, n, old, work);
  /* The reference figure is kept the first time it is corrected, never again,
   * so a chain of corrections still leads back to what was published. */
  if (old->is_reference && isnan (old->original_value) &&
      (!aimak_field_equal (aimak_indicator_value_field_by_id ("value"), old, work) ||
       g_strcmp0 (old->source, work->source) != 0))
    {
      work->original_value = old->value;
      g_free (work->original_source);
      work->original_source = g_strdup (old->source);
    }

  if (!aimak_field_update (db, "indicator_value", fields, n, work, "updated_at", now, "id", id,
                           error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      AimakFieldChange *c = g_ptr_array_index (changes, i);

      if (!_aimak_indicator_log_value (db, NULL, old->id, "update", c->field, c->old_text,
                                       c->new_text, error))
        return FALSE;
    }

  g_free (v->source);
  v->source = g_steal_pointer (&work->source);
  v->is_reference = old->is_reference;
  v->original_value = work->original_value;
  g_free (v->original_source);
  v->original_source = g_steal_pointer (&work->original_source);
  g_clear_pointer (&v->deleted_at, g_free);
  return TRUE;
}

static gboolean
insert_value (AimakDb             *db,
              AimakIndicatorValue *v,
              GError             **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autofree char *sex = sex_text (v->sex);
  g_autofree char *source = g_strstrip (g_strdup (v->source));
  g_autofree char *text = _aimak_indicator_format_value (v->value);

  if (!aimak_db_exec (db, error,
                      "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, "
                      "source, note, is_reference, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                      "ttitdttt", v->area_code, v->indicator_code, v->year, sex, v->value,
                      source, v->note ? v->note : "", now))
    return FALSE;
  v->id = sqlite3_last_insert_rowid (aimak_db_get_handle (db));
  g_free (v->source);
  v->source = g_steal_pointer (&source);
  v->is_reference = FALSE;
  v->original_value = NAN;
  g_clear_pointer (&v->original_source, g_free);
  return _aimak_indicator_log_value (db, NULL, v->id, "create", "value", NULL, text, error);
}

typedef struct
{
  AimakIndicatorValue *value;
  AimakIndicatorValue *old;       /* the stored value of value->id, or NULL */
  gint64               other;     /* a soft-deleted value of the same identity, or 0 */
  gint64               old_id;
} SaveData;

static gboolean
save_body (AimakDb  *db,
           gpointer  data,
           GError  **error)
{
  SaveData *d = data;
  AimakIndicatorValue *value = d->value;
  g_autoptr(AimakIndicatorValue) revived = NULL;

  /* Corrections of reference figures never travel; everything else does. */
  if (!(d->old && d->old->is_reference) &&
      (!aimak_server_check_writable (db, value->area_code, error) ||
       (d->old && !aimak_server_check_writable (db, d->old->area_code, error))))
    return FALSE;

  if (d->other > 0 && value->id == 0)
    {
      /* A deleted value with the same identity comes back rather than
       * colliding with the unique key: its history stays in one place. */
      revived = aimak_indicator_value_load (db, d->other, error);
      if (revived == NULL || !set_deleted (db, d->other, FALSE, error))
        return FALSE;
      value->id = d->other;
      return update_value (db, revived, value, error);
    }
  if (d->other > 0)
    {
      /* Editing a value into the identity of a deleted one: the deleted one
       * cannot be restored any more (the key would collide), so it goes. */
      if (!aimak_db_exec (db, error, "DELETE FROM indicator_value WHERE id = ?", "I",
                          d->other) ||
          !_aimak_indicator_log_value (db, NULL, d->other, "purge", "", NULL, NULL, error))
        return FALSE;
    }
  return d->old ? update_value (db, d->old, value, error) : insert_value (db, value, error);
}

gboolean
aimak_indicator_value_save (AimakDb              *db,
                            AimakIndicatorValue  *value,
                            GPtrArray           **problems,
                            GError              **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(AimakIndicatorValue) old = NULL;
  gboolean other_deleted = FALSE;
  gint64 other;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (problems)
    *problems = NULL;
  found = aimak_indicator_validate_value (db, value);
  if (value->id != 0)
    {
      old = aimak_indicator_value_load (db, value->id, error);
      if (old == NULL)
        return FALSE;
      /* A reference figure belongs to its series: correct it, do not move it. */
      if (old->is_reference && found->len == 0)
        {
          const char *moved = NULL;
          if (g_strcmp0 (old->area_code, value->area_code) != 0)
            moved = "area_code";
          else if (g_strcmp0 (old->indicator_code, value->indicator_code) != 0)
            moved = "indicator_code";
          else if (old->year != value->year)
            moved = "year";
          else if (old->sex != value->sex)
            moved = "sex";
          if (moved)
            aimak_problem_list_add (found, moved,
                                     _("The area, indicator, year and sex of a reference "
                                       "value cannot be changed; add a new value instead."));
        }
    }
  if (found->len > 0)
    return _aimak_indicator_fail_with_problems (g_steal_pointer (&found), problems,
                               AIMAK_INDICATOR_ERROR_INVALID, error);

  {
    g_autoptr(AimakIndicatorValue) key = aimak_indicator_value_copy (value);
    g_free (key->source);
    key->source = g_strstrip (g_strdup (value->source));
    other = find_same_key (db, key, &other_deleted, error);
  }
  if (other < 0)
    return FALSE;
  if (other > 0 && !other_deleted)
    {
      aimak_problem_list_add (found, "source",
                               _("This area already has a value of this indicator for this "
                                 "year and sex from this source: edit that value instead."));
      return _aimak_indicator_fail_with_problems (g_steal_pointer (&found), problems,
                                 AIMAK_INDICATOR_ERROR_EXISTS, error);
    }

  {
    SaveData d = { value, old, other, value->id };

    if (!aimak_db_run_in_transaction (db, save_body, &d, error))
      {
        value->id = d.old_id;
        return FALSE;
      }
  }
  return TRUE;
}

typedef struct
{
  gint64      id;
  gboolean    deleted;
  const char *area_code;
  gboolean    is_reference;
} DeletedData;

static gboolean
set_deleted_body (AimakDb  *db,
                  gpointer  data,
                  GError  **error)
{
  DeletedData *d = data;

  if (!d->is_reference && !aimak_server_check_writable (db, d->area_code, error))
    return FALSE;
  return set_deleted (db, d->id, d->deleted, error);
}

static gboolean
change_deleted (AimakDb  *db,
                gint64    id,
                gboolean  deleted,
                GError  **error)
{
  g_autoptr(AimakIndicatorValue) v = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  v = aimak_indicator_value_load (db, id, error);
  if (v == NULL)
    return FALSE;
  if ((v->deleted_at != NULL) == deleted)
    return TRUE;
  {
    DeletedData d = { id, deleted, v->area_code, v->is_reference };
    return aimak_db_run_in_transaction (db, set_deleted_body, &d, error);
  }
}

gboolean
aimak_indicator_value_delete (AimakDb  *db,
                              gint64    id,
                              GError  **error)
{
  return change_deleted (db, id, TRUE, error);
}

gboolean
aimak_indicator_value_undelete (AimakDb  *db,
                                gint64    id,
                                GError  **error)
{
  return change_deleted (db, id, FALSE, error);
}

GPtrArray *
aimak_indicator_value_history (AimakDb  *db,
                               gint64    id,
                               GError  **error)
{
  g_autoptr(AimakIndicatorValue) v = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (db != NULL, NULL);

  v = aimak_indicator_value_load (db, id, error);
  if (v == NULL)
    return NULL;
  list = aimak_change_log_read (db, AIMAK_INDICATOR_ENTITY_VALUE, entity_id, FALSE, error);
  if (list == NULL)
    return NULL;
  if (v->is_reference)
    {
      gboolean corrected = !isnan (v->original_value);
      g_autofree char *text = _aimak_indicator_format_value (corrected ? v->original_value
                                                                       : v->value);
      /* The reference figure comes first, before any edit of it. */
      g_ptr_array_insert (list, 0, aimak_change_new ("", "reference", "value", NULL, text));
      g_ptr_array_insert (list, 1, aimak_change_new ("", "reference", "source", NULL,
                                                     corrected && v->original_source
                                                       ? v->original_source : v->source));
    }
  return g_steal_pointer (&list);
}

