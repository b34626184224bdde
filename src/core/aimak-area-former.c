/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-former.c — former areas in area choosers: those that still hold
 * records stay choosable (history is never rewritten), marked as former, and
 * new records go to the successor. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"

static gboolean
add_area (AimakStmt *row,
          gpointer   user_data,
          GError   **error)
{
  AimakDb *db = ((gpointer *) user_data)[0];
  GPtrArray *list = ((gpointer *) user_data)[1];
  AimakArea *area = aimak_area_get (db, aimak_stmt_text (row, 0), error);

  if (area == NULL)
    return FALSE;
  g_ptr_array_add (list, area);
  return TRUE;
}

GPtrArray *
aimak_area_former_with_records (AimakDb *db,
                                GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_free);
  gpointer data[2] = { db, list };

  g_return_val_if_fail (db != NULL, NULL);
  if (!aimak_db_foreach (db, error, add_area, data,
                         "SELECT code FROM area WHERE valid_to IS NOT NULL AND "
                         "(EXISTS (SELECT 1 FROM priority p WHERE p.area_code = area.code "
                         "AND p.deleted_at IS NULL) OR EXISTS (SELECT 1 FROM activity a "
                         "WHERE a.area_code = area.code AND a.deleted_at IS NULL)) "
                         "ORDER BY aimak_name (name_en, name_ru, name_ky), code", NULL))
    return NULL;
  return g_steal_pointer (&list);
}

#define RECORDS(t) "(SELECT count(*) FROM " t " WHERE area_code = pred.code AND deleted_at IS NULL)"

typedef struct
{
  AimakDb   *db;
  GPtrArray *list;
  guint      n_priorities;
  guint      n_activities;
} FormerRecords;

static gboolean
add_former (AimakStmt *row,
            gpointer   user_data,
            GError   **error)
{
  FormerRecords *fr = user_data;
  AimakArea *area = aimak_area_get (fr->db, aimak_stmt_text (row, 0), error);

  if (area == NULL)
    return FALSE;
  fr->n_priorities += aimak_stmt_int (row, 1);
  fr->n_activities += aimak_stmt_int (row, 2);
  g_ptr_array_add (fr->list, area);
  return TRUE;
}

GPtrArray *
aimak_area_former_records (AimakDb    *db,
                           const char *code,
                           guint      *n_priorities,
                           guint      *n_activities,
                           GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_free);
  FormerRecords fr = { db, list, 0, 0 };

  g_return_val_if_fail (db != NULL && code != NULL, NULL);
  if (!aimak_db_foreach (db, error, add_former, &fr,
                         "WITH RECURSIVE pred (code) AS ("
                         " SELECT old_code FROM area_change WHERE new_code = ?1 AND undone = 0"
                         " AND kind <> 'renamed' AND old_code <> ?1"
                         " UNION SELECT c.old_code FROM area_change c JOIN pred"
                         " ON c.new_code = pred.code WHERE c.undone = 0 AND c.kind <> 'renamed') "
                         "SELECT pred.code, " RECORDS ("priority") ", " RECORDS ("activity")
                         " FROM pred JOIN area ON area.code = pred.code "
                         "WHERE area.valid_to IS NOT NULL AND (" RECORDS ("priority") " > 0 OR "
                         RECORDS ("activity") " > 0) "
                         "ORDER BY aimak_name (area.name_en, area.name_ru, area.name_ky), pred.code",
                         "t", code))
    return NULL;
  if (n_priorities)
    *n_priorities = fr.n_priorities;
  if (n_activities)
    *n_activities = fr.n_activities;
  return g_steal_pointer (&list);
}

char *
aimak_area_former_label (const char *name)
{
  /* TRANSLATORS: an area that ended in a territorial change, in an area list. */
  return g_strdup_printf (_("%s (former)"), name);
}

gboolean
aimak_area_check_open_for_new (AimakDb    *db,
                               const char *code,
                               GError    **error)
{
  g_autoptr(AimakArea) area = NULL;
  g_autoptr(AimakArea) now = NULL;
  g_autofree char *succ = NULL;
  const char *lang;

  g_return_val_if_fail (db != NULL && code != NULL, FALSE);
  area = aimak_area_get (db, code, error);
  if (area == NULL)
    return FALSE;
  if (aimak_area_is_current (area))
    return TRUE;
  lang = aimak_db_get_language (db);
  succ = aimak_area_current_successor (db, code);
  if (g_strcmp0 (succ, code) != 0)
    now = aimak_area_get (db, succ, NULL);
  if (now != NULL)
    g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                 /* TRANSLATORS: former area, the day it ended, its successor. */
                 _("%s is a former area (it ended on %s): create new priorities and "
                   "activities in %s, the area it is part of now"),
                 aimak_area_name (area, lang), area->valid_to, aimak_area_name (now, lang));
  else
    g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                 /* TRANSLATORS: former area, the day it ended. */
                 _("%s is a former area (it ended on %s): create new priorities and "
                   "activities in a current area"),
                 aimak_area_name (area, lang), area->valid_to);
  return FALSE;
}
