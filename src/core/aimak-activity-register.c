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

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_DATE,
  ROW_PROP_DATE_SHOWN,
  ROW_PROP_AREA_CODE,
  ROW_PROP_AREA_NAME,
  ROW_PROP_TYPE,
  ROW_PROP_TYPE_LABEL,
  ROW_PROP_TOPIC,
  ROW_PROP_FACILITATOR,
  ROW_PROP_WOMEN,
  ROW_PROP_MEN,
  ROW_PROP_TOTAL,
  ROW_PROP_IS_DEMO,
  ROW_N_PROPS
};
static GParamSpec *row_properties[ROW_N_PROPS];

static void
aimak_activity_row_finalize (GObject *object)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  g_free (self->id);
  g_free (self->date);
  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->type);
  g_free (self->type_label);
  g_free (self->topic);
  g_free (self->facilitator);
  g_free (self->haystack);
  g_hash_table_unref (self->roles);
  G_OBJECT_CLASS (aimak_activity_row_parent_class)->finalize (object);
}

static void
aimak_activity_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID: g_value_set_string (value, self->id); break;
    case ROW_PROP_DATE: g_value_set_string (value, self->date); break;
    /* As the interface language writes dates; the stored ISO form sorts. */
    case ROW_PROP_DATE_SHOWN: g_value_take_string (value, aimak_date_format (self->date, NULL)); break;
    case ROW_PROP_AREA_CODE: g_value_set_string (value, self->area_code); break;
    case ROW_PROP_AREA_NAME: g_value_set_string (value, self->area_name); break;
    case ROW_PROP_TYPE: g_value_set_string (value, self->type); break;
    case ROW_PROP_TYPE_LABEL: g_value_set_string (value, self->type_label); break;
    case ROW_PROP_TOPIC: g_value_set_string (value, self->topic); break;
    case ROW_PROP_FACILITATOR: g_value_set_string (value, self->facilitator); break;
    case ROW_PROP_WOMEN: g_value_set_uint (value, self->women); break;
    case ROW_PROP_MEN: g_value_set_uint (value, self->men); break;
    case ROW_PROP_TOTAL: g_value_set_uint (value, self->women + self->men); break;
    case ROW_PROP_IS_DEMO: g_value_set_boolean (value, self->is_demo); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_activity_row_class_init (AimakActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aimak_activity_row_finalize;
  object_class->get_property = aimak_activity_row_get_property;
  row_properties[ROW_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DATE_SHOWN] = g_param_spec_string ("date-shown", NULL, NULL, NULL,
                                                             flags);
  row_properties[ROW_PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL,
                                                             flags);
  row_properties[ROW_PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_FACILITATOR] = g_param_spec_string ("facilitator", NULL, NULL, NULL,
                                                              flags);
  row_properties[ROW_PROP_WOMEN] = g_param_spec_uint ("women", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_MEN] = g_param_spec_uint ("men", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
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

GPtrArray *
aimak_activity_query (AimakDb                   *db,
                      const AimakActivityFilter *filter,
                      GError                   **error)
{
  static const AimakActivityFilter no_filter = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) words = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (filter->search && *filter->search)
    {
      g_autofree char *folded = g_utf8_casefold (filter->search, -1);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      words = g_strsplit_set (g_strstrip (normal), " \t\n", -1);
    }

  {
    g_autoptr(AimakStmt) st =
      aimak_db_prepare (db, error,
                        QUERY_FILTER
                        "SELECT a.id, a.date, a.area_code, "
                        "aimak_name (ar.name_en, ar.name_ru, ar.name_ky), a.type, "
                        "aimak_name (t.name_en, t.name_ru, t.name_ky), a.topic, a.facilitator, "
                        "a.notes, ar.name_en, ar.name_ru, ar.name_ky, a.is_demo "
                        "FROM activity a JOIN area ar ON ar.code = a.area_code "
                        "LEFT JOIN activity_type t ON t.code = a.type "
                        "WHERE a.deleted_at IS NULL "
                        "AND (?1 IS NULL OR a.area_code IN sub) "
                        "AND (?2 IS NULL OR a.type = ?2) "
                        "AND (?3 IS NULL OR a.date >= ?3) "
                        "AND (?4 IS NULL OR a.date <= ?4) "
                        "ORDER BY a.date DESC, a.created_at DESC, a.id",
                        "tttt", filter->area_code, filter->type, filter->date_from,
                        filter->date_to);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      {
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
        if (words && !matches_words (row->haystack, words))
          {
            g_object_unref (row);
            continue;
          }
        g_hash_table_insert (by_id, row->id, row);
        g_ptr_array_add (rows, row);
      }
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }

  if (rows->len == 0)
    return g_steal_pointer (&rows);
  {
    g_autoptr(AimakStmt) st =
      aimak_db_prepare (db, error,
                        QUERY_FILTER
                        "SELECT ap.activity_id, ap.role_code, ap.women, ap.men "
                        "FROM activity_participant ap JOIN activity a ON a.id = ap.activity_id "
                        "WHERE a.deleted_at IS NULL "
                        "AND (?1 IS NULL OR a.area_code IN sub) "
                        "AND (?2 IS NULL OR a.type = ?2) "
                        "AND (?3 IS NULL OR a.date >= ?3) "
                        "AND (?4 IS NULL OR a.date <= ?4)",
                        "tttt", filter->area_code, filter->type, filter->date_from,
                        filter->date_to);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      {
        AimakActivityRow *row = g_hash_table_lookup (by_id, aimak_stmt_text (st, 0));
        guint *counts;

        if (row == NULL)
          continue;  /* left out by the search words */
        counts = g_new (guint, 2);
        counts[0] = (guint) MAX (0, sqlite3_column_int (st, 2));
        counts[1] = (guint) MAX (0, sqlite3_column_int (st, 3));
        row->women += counts[0];
        row->men += counts[1];
        g_hash_table_replace (row->roles, g_strdup (aimak_stmt_text (st, 1)), counts);
      }
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
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

/* A row (code, name) of the roles, with nobody counted yet. */
static gboolean
add_role_item (AimakStmt *row,
               gpointer   data,
               GError   **error)
{
  AimakSummaryRoleItem *item = g_new0 (AimakSummaryRoleItem, 1);

  item->code = g_strdup (aimak_stmt_text (row, 0));
  item->label = g_strdup (aimak_stmt_text (row, 1));
  g_ptr_array_add (data, item);
  return TRUE;
}

AimakActivityTotals *
aimak_activity_totals (AimakDb   *db,
                       GPtrArray *rows,
                       GError   **error)
{
  g_autoptr(AimakActivityTotals) totals = g_new0 (AimakActivityTotals, 1);

  g_return_val_if_fail (db != NULL, NULL);

  totals->by_role = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_role_item_free);
  if (!aimak_db_foreach (db, error, add_role_item, totals->by_role,
                         "SELECT code, aimak_name (name_en, name_ru, name_ky) FROM role "
                         "ORDER BY sort, code", NULL))
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
