/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-register.c — the capacity-building register: the filter, the
 * AimakActivityRow of a list column, the filtered query and its totals for the
 * Capacity building view. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity-private.h"
#include "aimak-db-private.h"
#include "aimak-props.h"

/* ---- The register ---- */

void
aimak_activity_filter_clear (AimakActivityFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->area_code, g_free);
  g_clear_pointer (&filter->type, g_free);
  g_clear_pointer (&filter->date_from, g_free);
  g_clear_pointer (&filter->date_to, g_free);
}

struct _AimakActivityRow
{
  GObject     parent_instance;

  char       *id;
  char       *date;
  char       *area_code;
  char       *area_name;
  char       *type;
  char       *type_label;
  char       *topic;
  char       *facilitator;
  char       *haystack;   /* casefolded words for search */
  guint       women;
  guint       men;
  gboolean    is_demo;
  GHashTable *roles;      /* role code → guint[2] { women, men } */
};

G_DEFINE_FINAL_TYPE (AimakActivityRow, aimak_activity_row, G_TYPE_OBJECT)

/* As the interface language writes dates; the stored ISO form sorts. */
static void
get_date_shown (GObject *object,
                GValue  *value)
{
  g_value_take_string (value, aimak_date_format (AIMAK_ACTIVITY_ROW (object)->date, NULL));
}

static void
get_total (GObject *object,
           GValue  *value)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  g_value_set_uint (value, self->women + self->men);
}

#define ROW_STRING(name, member) AIMAK_PROP_STRING (name, AimakActivityRow, member)

static const AimakProp row_props[] = {
  ROW_STRING ("id", id),
  ROW_STRING ("date", date),
  { "date-shown", G_TYPE_STRING, 0, get_date_shown, 0, 0 },
  ROW_STRING ("area-code", area_code),
  ROW_STRING ("area-name", area_name),
  ROW_STRING ("type", type),
  ROW_STRING ("type-label", type_label),
  ROW_STRING ("topic", topic),
  ROW_STRING ("facilitator", facilitator),
  AIMAK_PROP_NUMBER ("women", G_TYPE_UINT, AimakActivityRow, women, 0, 0),
  AIMAK_PROP_NUMBER ("men", G_TYPE_UINT, AimakActivityRow, men, 0, 0),
  { "total", G_TYPE_UINT, 0, get_total, 0, 0 },
  AIMAK_PROP_BOOLEAN ("is-demo", AimakActivityRow, is_demo),
};

static void
aimak_activity_row_finalize (GObject *object)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  aimak_props_free_strings (object, row_props, G_N_ELEMENTS (row_props));
  g_free (self->haystack);
  g_hash_table_unref (self->roles);
  G_OBJECT_CLASS (aimak_activity_row_parent_class)->finalize (object);
}

static void
aimak_activity_row_class_init (AimakActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_activity_row_finalize;
  aimak_props_install (object_class, row_props, G_N_ELEMENTS (row_props));
}

static void
aimak_activity_row_init (AimakActivityRow *self)
{
  self->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

const char *
aimak_activity_row_get_id (AimakActivityRow *self)
{
  return self->id;
}

const char *
aimak_activity_row_get_date (AimakActivityRow *self)
{
  return self->date;
}

const char *
aimak_activity_row_get_area_name (AimakActivityRow *self)
{
  return self->area_name;
}

const char *
aimak_activity_row_get_type_label (AimakActivityRow *self)
{
  return self->type_label;
}

const char *
aimak_activity_row_get_topic (AimakActivityRow *self)
{
  return self->topic;
}

guint
aimak_activity_row_get_women (AimakActivityRow *self)
{
  return self->women;
}

const char *
aimak_activity_row_get_area_code (AimakActivityRow *self)
{
  return self->area_code;
}

gboolean
aimak_activity_row_get_is_demo (AimakActivityRow *self)
{
  return self->is_demo;
}

guint
aimak_activity_row_get_men (AimakActivityRow *self)
{
  return self->men;
}

void
aimak_activity_row_get_role (AimakActivityRow *self,
                             const char       *role_code,
                             guint            *women,
                             guint            *men)
{
  guint *counts = g_hash_table_lookup (self->roles, role_code);

  if (women)
    *women = counts ? counts[0] : 0;
  if (men)
    *men = counts ? counts[1] : 0;
}

static gboolean
matches_words (const char  *haystack,
               char       **words)
{
  for (guint i = 0; words && words[i]; i++)
    if (*words[i] && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Area and type filters and the date range go to SQL; the words are matched here on
 * casefolded text, because SQLite's LIKE folds ASCII only and names are Cyrillic. */
#define QUERY_FILTER \
  "WITH RECURSIVE sub(code) AS (SELECT ?1 WHERE ?1 IS NOT NULL " \
  "  UNION ALL SELECT ar.code FROM area ar JOIN sub ON ar.parent_code = sub.code) "
/* The rows of the filter (of activity a), bound as "tttt": area, type, from, to. */
#define QUERY_WHERE \
  "WHERE a.deleted_at IS NULL " \
  "AND (?1 IS NULL OR a.area_code IN sub) " \
  "AND (?2 IS NULL OR a.type = ?2) " \
  "AND (?3 IS NULL OR a.date >= ?3) " \
  "AND (?4 IS NULL OR a.date <= ?4) "

typedef struct
{
  char       **words;
  GPtrArray   *rows;
  GHashTable  *by_id;
} Query;

/* A row of the activity query, unless the search words leave it out. */
static gboolean
add_activity_row (AimakStmt *st,
                  gpointer   user_data,
                  GError   **error)
{
  Query *q = user_data;
  AimakActivityRow *row = g_object_new (AIMAK_TYPE_ACTIVITY_ROW, NULL);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  row->id = g_strdup (aimak_stmt_text (st, 0));
  row->date = g_strdup (aimak_stmt_text (st, 1));
  row->area_code = g_strdup (aimak_stmt_text (st, 2));
  row->area_name = g_strdup (aimak_stmt_text (st, 3));
  row->type = g_strdup (aimak_stmt_text (st, 4));
  row->type_label = g_strdup (aimak_stmt_text (st, 5));
  row->topic = g_strdup (aimak_stmt_text (st, 6));
  row->facilitator = g_strdup (aimak_stmt_text (st, 7));
  row->is_demo = sqlite3_column_int (st, 12) != 0;
  /* Area names in every language, so that a search in Russian finds a Kyrgyz
   * spelling too. */
  text = g_strjoin ("\n", row->topic, row->facilitator, aimak_stmt_text (st, 8),
                    row->type_label, aimak_stmt_text (st, 9), aimak_stmt_text (st, 10),
                    aimak_stmt_text (st, 11), row->area_code, row->date, NULL);
  folded = g_utf8_casefold (text, -1);
  row->haystack = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  if (q->words && !matches_words (row->haystack, q->words))
    {
      g_object_unref (row);
      return TRUE;
    }
  g_hash_table_insert (q->by_id, row->id, row);
  g_ptr_array_add (q->rows, row);
  return TRUE;
}

/* A role's participants of an activity, added to its row. */
static gboolean
add_participants_row (AimakStmt *st,
                      gpointer   user_data,
                      GError   **error)
{
  Query *q = user_data;
  AimakActivityRow *row = g_hash_table_lookup (q->by_id, aimak_stmt_text (st, 0));
  guint *counts;

  if (row == NULL)
    return TRUE;  /* left out by the search words */
  counts = g_new (guint, 2);
  counts[0] = (guint) MAX (0, sqlite3_column_int (st, 2));
  counts[1] = (guint) MAX (0, sqlite3_column_int (st, 3));
  row->women += counts[0];
  row->men += counts[1];
  g_hash_table_replace (row->roles, g_strdup (aimak_stmt_text (st, 1)), counts);
  return TRUE;
}

GPtrArray *
aimak_activity_query (AimakDb                   *db,
                      const AimakActivityFilter *filter,
                      GError                   **error)
{
  static const AimakActivityFilter no_filter = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) words = NULL;
  Query q;

  g_return_val_if_fail (db != NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (filter->search && *filter->search)
    {
      g_autofree char *folded = g_utf8_casefold (filter->search, -1);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      words = g_strsplit_set (g_strstrip (normal), " \t\n", -1);
    }
  q = (Query) { words, rows, by_id };

  if (!aimak_db_foreach (db, error, add_activity_row, &q,
                         QUERY_FILTER
                         "SELECT a.id, a.date, a.area_code, "
                         "aimak_name (ar.name_en, ar.name_ru, ar.name_ky), a.type, "
                         "aimak_name (t.name_en, t.name_ru, t.name_ky), a.topic, a.facilitator, "
                         "a.notes, ar.name_en, ar.name_ru, ar.name_ky, a.is_demo "
                         "FROM activity a JOIN area ar ON ar.code = a.area_code "
                         "LEFT JOIN activity_type t ON t.code = a.type "
                         QUERY_WHERE
                         "ORDER BY a.date DESC, a.created_at DESC, a.id",
                         "tttt", filter->area_code, filter->type, filter->date_from,
                         filter->date_to))
    return NULL;
  if (rows->len == 0)
    return g_steal_pointer (&rows);
  if (!aimak_db_foreach (db, error, add_participants_row, &q,
                         QUERY_FILTER
                         "SELECT ap.activity_id, ap.role_code, ap.women, ap.men "
                         "FROM activity_participant ap JOIN activity a ON a.id = ap.activity_id "
                         QUERY_WHERE,
                         "tttt", filter->area_code, filter->type, filter->date_from,
                         filter->date_to))
    return NULL;
  return g_steal_pointer (&rows);
}

void
aimak_activity_totals_free (AimakActivityTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->by_role, g_ptr_array_unref);
  g_free (totals);
}

AimakActivityTotals *
aimak_activity_totals (AimakDb   *db,
                       GPtrArray *rows,
                       GError   **error)
{
  g_autoptr(AimakActivityTotals) totals = g_new0 (AimakActivityTotals, 1);

  g_return_val_if_fail (db != NULL, NULL);

  totals->by_role = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_role_item_free);
  if (!aimak_summary_roles_load (db, totals->by_role, error))
    return NULL;

  for (guint i = 0; rows && i < rows->len; i++)
    {
      AimakActivityRow *row = g_ptr_array_index (rows, i);

      totals->count++;
      totals->women += row->women;
      totals->men += row->men;
      for (guint r = 0; r < totals->by_role->len; r++)
        {
          AimakSummaryRoleItem *item = g_ptr_array_index (totals->by_role, r);
          guint w, m;

          aimak_activity_row_get_role (row, item->code, &w, &m);
          item->women += w;
          item->men += m;
        }
    }
  totals->women_share = totals->women + totals->men > 0
                          ? (double) totals->women / (totals->women + totals->men)
                          : NAN;
  return g_steal_pointer (&totals);
}
