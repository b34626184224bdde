/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-apply.c — previewing, applying and undoing a change list. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"
#include "aimak-lang.h"
#include "aimak-problem.h"

void
aimak_area_change_preview_free (AimakAreaChangePreview *preview)
{
  if (preview == NULL)
    return;
  g_ptr_array_unref (preview->ending);
  g_ptr_array_unref (preview->beginning);
  g_ptr_array_unref (preview->renamed);
  g_free (preview);
}

static char *
current_name (AimakDb    *db,
              const char *code)
{
  g_autoptr(AimakArea) a = aimak_area_get (db, code, NULL);

  return g_strdup (a ? aimak_area_name (a, aimak_db_get_language (db)) : code);
}

static gboolean
count_records (AimakDb                *db,
               const char             *code,
               AimakAreaChangePreview *p,
               GError                **error)
{
  g_autoptr(AimakStmt) st =
    aimak_db_prepare (db, error, "SELECT "
                      "(SELECT count(*) FROM priority WHERE area_code = ?1 "
                      "AND deleted_at IS NULL), "
                      "(SELECT count(*) FROM activity WHERE area_code = ?1 "
                      "AND deleted_at IS NULL), "
                      "(SELECT count(*) FROM indicator_value WHERE area_code = ?1 "
                      "AND deleted_at IS NULL)", "t", code);

  /* One row, always. */
  if (st == NULL || !aimak_stmt_next (st, error))
    return FALSE;
  p->n_priorities += (guint) aimak_stmt_int64 (st, 0);
  p->n_activities += (guint) aimak_stmt_int64 (st, 1);
  p->n_values += (guint) aimak_stmt_int64 (st, 2);
  return TRUE;
}

static char *
preview_line (const char *code,
              const char *name,
              const char *date)
{
  return g_strdup_printf ("%s\t%s\t%s", code, name, date);
}

static gboolean
preview_row (AimakDb                *db,
             AimakAreaChangeRow     *row,
             GHashTable             *seen,
             AimakAreaChangePreview *p,
             GError                **error)
{
  for (guint k = 0; row->old_codes[k]; k++)
    {
      const char *old = row->old_codes[k];
      g_autofree char *name = current_name (db, old);

      if (row->kind == AIMAK_AREA_CHANGE_RENAMED)
        g_ptr_array_add (p->renamed, g_strdup_printf ("%s\t%s\t%s", old, name,
                                                      *row->name_en ? row->name_en
                                                      : *row->name_ru ? row->name_ru
                                                      : row->name_ky));
      else if (aimak_area_change_ends_old (row->kind) && g_hash_table_add (seen, (char *) old))
        {
          const char *to_name = aimak_lang_pick (aimak_db_get_language (db), row->name_en,
                                                 row->name_ru, row->name_ky);
          g_autofree char *to_db = *to_name ? NULL : current_name (db, row->new_code);

          /* CODE, name, date, then what it becomes: "Merged into Kant (city) (CODE)". */
          g_ptr_array_add (p->ending, g_strdup_printf ("%s\t%s\t%s\t%s %s (%s)", old, name,
                                                       row->effective_date,
                                                       aimak_area_change_kind_label (row->kind),
                                                       to_db ? to_db : to_name,
                                                       row->new_code));
          if (!count_records (db, old, p, error))
            return FALSE;
        }
    }
  if (row->kind != AIMAK_AREA_CHANGE_RENAMED && *row->new_code &&
      aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?", "t",
                          row->new_code) == 0 &&
      g_hash_table_add (seen, row->new_code))
    g_ptr_array_add (p->beginning, preview_line (row->new_code,
                                                 aimak_lang_pick (aimak_db_get_language (db),
                                                                  row->name_en, row->name_ru,
                                                                  row->name_ky),
                                                 row->effective_date));
  return TRUE;
}

AimakAreaChangePreview *
aimak_area_change_preview (AimakDb              *db,
                           AimakAreaChangeList  *list,
                           GError              **error)
{
  g_autoptr(AimakAreaChangePreview) p = g_new0 (AimakAreaChangePreview, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  p->ending = g_ptr_array_new_with_free_func (g_free);
  p->beginning = g_ptr_array_new_with_free_func (g_free);
  p->renamed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < list->rows->len; i++)
    if (!preview_row (db, g_ptr_array_index (list->rows, i), seen, p, error))
      return NULL;
  return g_steal_pointer (&p);
}

typedef struct
{
  AimakAreaChangeList *list;
  GPtrArray           *problems;
  gint64               batch;
  char                *now;
  char                *uuid;
} Apply;

static gboolean
create_area (AimakDb             *db,
             AimakAreaChangeRow  *row,
             GError             **error)
{
  g_autoptr(AimakArea) parent = aimak_area_get (db, row->parent_code, error);
  g_autoptr(AimakArea) old = aimak_area_get (db, row->old_codes[0], error);

  if (parent == NULL || old == NULL)
    return FALSE;
  return aimak_db_exec (db, error,
                        "INSERT INTO area (code, level, type, parent_code, name_en, name_ru, "
                        "name_ky, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        "titttttt", row->new_code, parent->level + 1,
                        old->level == parent->level + 1 ? old->type : "ayil_aimak",
                        row->parent_code, row->name_en, row->name_ru, row->name_ky,
                        row->effective_date);
}

static gboolean
apply_one (AimakDb             *db,
           Apply               *a,
           AimakAreaChangeRow  *row,
           const char          *old_code,
           gboolean             create,
           GError             **error)
{
  g_autoptr(AimakArea) old = aimak_area_get (db, old_code, error);
  const char *new_code = row->kind == AIMAK_AREA_CHANGE_RENAMED ? old_code : row->new_code;
  gboolean renamed = row->kind == AIMAK_AREA_CHANGE_RENAMED;

  if (old == NULL)
    return FALSE;
  if (!aimak_db_exec (db, error,
                      "INSERT INTO area_change (batch, line, effective_date, kind, old_code, "
                      "new_code, legal_act, old_name_en, old_name_ru, old_name_ky, "
                      "old_valid_to, created_new, source_file, applied_at, batch_uuid) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "Iitttttttttbttt", a->batch, (int) row->line, row->effective_date,
                      aimak_area_change_kind_to_string (row->kind), old_code, new_code,
                      row->legal_act, renamed ? old->name_en : NULL,
                      renamed ? old->name_ru : NULL, renamed ? old->name_ky : NULL,
                      old->valid_to, create, a->list->source_name, a->now, a->uuid))
    return FALSE;
  if (renamed)
    return aimak_db_exec (db, error,
                          "UPDATE area SET name_en = coalesce (nullif (?2, ''), name_en), "
                          "name_ru = coalesce (nullif (?3, ''), name_ru), "
                          "name_ky = coalesce (nullif (?4, ''), name_ky) WHERE code = ?1",
                          "tttt", old_code, row->name_en, row->name_ru, row->name_ky);
  if (aimak_area_change_ends_old (row->kind) && old->valid_to == NULL)
    return aimak_db_exec (db, error, "UPDATE area SET valid_to = ? WHERE code = ?", "tt",
                          row->effective_date, old_code);
  return TRUE;
}

static gboolean
apply_row (AimakDb             *db,
           Apply               *a,
           AimakAreaChangeRow  *row,
           GError             **error)
{
  gboolean create = FALSE;

  if (row->kind != AIMAK_AREA_CHANGE_RENAMED &&
      aimak_db_query_int (db, 0, NULL, "SELECT count(*) FROM area WHERE code = ?", "t",
                          row->new_code) == 0)
    {
      if (!create_area (db, row, error))
        return FALSE;
      create = TRUE;
    }
  for (guint k = 0; row->old_codes[k]; k++)
    if (!apply_one (db, a, row, row->old_codes[k], create && k == 0, error))
      return FALSE;
  return TRUE;
}

static char *
as_of_text (AimakDb *db)
{
  g_autofree char *name = aimak_db_query_text (db, NULL, "SELECT value FROM app_meta "
                                               "WHERE key = 'area_list_name'", NULL);
  g_autofree char *date = aimak_db_query_text (db, NULL, "SELECT value FROM app_meta "
                                               "WHERE key = 'area_list_date'", NULL);

  return g_strdup_printf ("%s\t%s", date ? date : "", name ? name : "");
}

static gboolean
set_as_of (AimakDb     *db,
           const char  *date,
           const char  *name,
           GError     **error)
{
  return aimak_db_exec (db, error, "INSERT OR REPLACE INTO app_meta (key, value) "
                        "VALUES ('area_list_date', ?), ('area_list_name', ?)", "tt",
                        date, name);
}

static gboolean
apply_work (AimakDb  *db,
            gpointer  user_data,
            GError  **error)
{
  Apply *a = user_data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *batch_id = NULL;
  const char *last = "";

  if (!aimak_area_change_list_check (db, a->list, a->problems, error))
    return FALSE;
  if (aimak_problem_list_has_errors (a->problems))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   _("The change list has problems: nothing was changed."));
      return FALSE;
    }
  if (a->list->rows->len == 0)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   _("The change list has no changes."));
      return FALSE;
    }
  a->batch = aimak_db_query_int (db, 0, NULL, "SELECT coalesce (max (batch), 0) + 1 "
                                 "FROM area_change", NULL);
  for (guint i = 0; i < a->list->rows->len; i++)
    {
      AimakAreaChangeRow *row = g_ptr_array_index (a->list->rows, i);
      if (!apply_row (db, a, row, error))
        return FALSE;
      if (strcmp (row->effective_date, last) > 0)
        last = row->effective_date;
    }
  before = as_of_text (db);
  if (!set_as_of (db, last, a->list->source_name, error))
    return FALSE;
  after = as_of_text (db);
  batch_id = g_strdup_printf ("%" G_GINT64_FORMAT, a->batch);
  return aimak_db_log_change (db, "area_change", batch_id, "apply", "area_list", before,
                              after, error);
}

gint64
aimak_area_change_apply (AimakDb              *db,
                         AimakAreaChangeList  *list,
                         GPtrArray            *problems,
                         GError              **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autofree char *uuid = list->batch_uuid ? g_strdup (list->batch_uuid)
                                           : g_uuid_string_random ();
  Apply a = { list, problems, 0, now, uuid };

  if (!aimak_db_run_in_transaction (db, apply_work, &a, error))
    return 0;
  return a.batch;
}

gint64
aimak_area_change_last_batch (AimakDb *db,
                              GError **error)
{
  return aimak_db_query_int (db, 0, error, "SELECT coalesce (max (batch), 0) FROM area_change "
                             "WHERE undone = 0", NULL);
}
