/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area.c — reading areas. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-private.h"
#include "aimak-code-list.h"
#include "aimak-lang.h"

#define AREA_COLUMNS "code, level, type, parent_code, name_en, name_ru, name_ky, lat, lon, is_pilot, valid_from, valid_to"

void
aimak_area_free (AimakArea *area)
{
  if (area == NULL)
    return;
  g_free (area->code);
  g_free (area->type);
  g_free (area->parent_code);
  g_free (area->name_en);
  g_free (area->name_ru);
  g_free (area->name_ky);
  g_free (area->valid_from);
  g_free (area->valid_to);
  g_free (area);
}

const char *
aimak_area_name (AimakArea  *area,
                 const char *lang)
{
  return aimak_lang_pick (lang ? lang : aimak_lang_current (),
                          area->name_en, area->name_ru, area->name_ky);
}

static const AimakCodeLabel area_types[] = {
  { "country", N_("Country") },
  { "oblast", N_("Oblast") },
  { "rayon", N_("Rayon") },
  { "city", N_("City of oblast significance") },
  { "city of republican significance", N_("City of republican significance") },
  { "ayil_aimak", N_("Ayil aimak") },
};

const char *
aimak_area_type_msgid (const char *type)
{
  return aimak_code_label_msgid (area_types, G_N_ELEMENTS (area_types), type);
}

const char *
aimak_area_type_label (const char *type)
{
  return aimak_code_label_lookup (area_types, G_N_ELEMENTS (area_types), type);
}

static AimakArea *
area_from_row (AimakStmt *st)
{
  AimakArea *a = g_new0 (AimakArea, 1);

  a->code = g_strdup (aimak_stmt_text (st, 0));
  a->level = aimak_stmt_int (st, 1);
  a->type = g_strdup (aimak_stmt_text (st, 2));
  a->parent_code = aimak_stmt_is_null (st, 3) ? NULL : g_strdup (aimak_stmt_text (st, 3));
  a->name_en = g_strdup (aimak_stmt_text (st, 4));
  a->name_ru = g_strdup (aimak_stmt_text (st, 5));
  a->name_ky = g_strdup (aimak_stmt_text (st, 6));
  a->lat = aimak_stmt_double_or_nan (st, 7);
  a->lon = aimak_stmt_double_or_nan (st, 8);
  a->is_pilot = aimak_stmt_int (st, 9) != 0;
  a->valid_from = aimak_stmt_is_null (st, 10) ? NULL : g_strdup (aimak_stmt_text (st, 10));
  a->valid_to = aimak_stmt_is_null (st, 11) ? NULL : g_strdup (aimak_stmt_text (st, 11));
  return a;
}

static gboolean
add_area (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  g_ptr_array_add (user_data, area_from_row (st));
  return TRUE;
}

static GPtrArray *
areas_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_free);
}

AimakArea *
aimak_area_get (AimakDb    *db,
                const char *code,
                GError    **error)
{
  g_autoptr(AimakStmt) st = NULL;

  if (!aimak_db_first_row (db, &st, error, "SELECT " AREA_COLUMNS " FROM area WHERE code = ?",
                           "t", code))
    return NULL;
  if (st != NULL)
    return area_from_row (st);
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_NOT_FOUND,
               _("There is no area with the code “%s”."), code);
  return NULL;
}

GPtrArray *
aimak_area_list (AimakDb *db,
                 int      level,
                 GError **error)
{
  return aimak_area_list_full (db, level, TRUE, error);
}

GPtrArray *
aimak_area_list_full (AimakDb  *db,
                      int       level,
                      gboolean  include_former,
                      GError  **error)
{
  return aimak_db_list (db, error, add_area, (GDestroyNotify) aimak_area_free,
                        "SELECT " AREA_COLUMNS " FROM area "
                        "WHERE ((?1 < 0 AND level > 0) OR level = ?1) "
                        "AND (?2 OR valid_to IS NULL) "
                        "ORDER BY level, aimak_name (name_en, name_ru, "
                        "name_ky) COLLATE NOCASE, code",
                        "ib", level, include_former);
}

gboolean
aimak_area_is_current (AimakArea *area)
{
  return area->valid_to == NULL;
}

GPtrArray *
aimak_area_children (AimakDb    *db,
                     const char *parent_code,
                     GError    **error)
{
  return aimak_db_list (db, error, add_area, (GDestroyNotify) aimak_area_free,
                        "SELECT " AREA_COLUMNS " FROM area "
                        "WHERE parent_code IS ?1 AND level > 0 "
                        "ORDER BY aimak_name (name_en, name_ru, name_ky) "
                        "COLLATE NOCASE, code",
                        "t", parent_code);
}

GPtrArray *
aimak_area_pilots (AimakDb *db,
                   GError **error)
{
  return aimak_db_list (db, error, add_area, (GDestroyNotify) aimak_area_free,
                        "SELECT " AREA_COLUMNS " FROM area "
                        "WHERE is_pilot = 1 ORDER BY level, code", NULL);
}

GPtrArray *
aimak_area_chain (AimakDb    *db,
                  const char *code,
                  GError    **error)
{
  g_autoptr(GPtrArray) chain = areas_new ();
  g_autofree char *current = g_strdup (code);

  while (current != NULL)
    {
      AimakArea *a = aimak_area_get (db, current, error);
      if (a == NULL)
        return NULL;
      g_ptr_array_insert (chain, 0, a);
      g_free (current);
      current = g_strdup (a->parent_code);
    }
  return g_steal_pointer (&chain);
}

GPtrArray *
aimak_area_descendants (AimakDb    *db,
                        const char *code,
                        GError    **error)
{
  return aimak_db_list (db, error, aimak_db_row_add_text, g_free,
                        "WITH RECURSIVE t(code) AS (SELECT ?1 "
                        "UNION ALL SELECT a.code FROM area a JOIN t "
                        "ON a.parent_code = t.code) SELECT code FROM t",
                        "t", code);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

gboolean
aimak_area_matches (AimakArea  *area,
                    const char *needle)
{
  if (needle == NULL || *needle == '\0')
    return TRUE;
  return contains_folded (area->name_en, needle) || contains_folded (area->name_ru, needle) ||
         contains_folded (area->name_ky, needle) || contains_folded (area->code, needle);
}
