/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-query.c — successors and predecessors, names as they were,
 * the sum of former areas' counts, and moving open work to the successor. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"
#include "aimak-lang.h"
#include "aimak-number.h"

#define CHANGE_COLUMNS "id, batch, effective_date, kind, old_code, new_code, legal_act, applied_at"
/* The changes, in order, that link an area to another (a renaming does not, nor an
 * undone change) and have @column = ?: its successors by old_code, its
 * predecessors by new_code. */
#define LINKS_WHERE(column) "SELECT " CHANGE_COLUMNS " FROM area_change WHERE " column \
                            " = ? AND undone = 0 AND kind <> 'renamed' ORDER BY effective_date, id"

void
aimak_area_change_free (AimakAreaChange *change)
{
  if (change == NULL)
    return;
  g_free (change->effective_date);
  g_free (change->old_code);
  g_free (change->new_code);
  g_free (change->legal_act);
  g_free (change->applied_at);
  g_free (change);
}

void
aimak_area_predecessor_sum_free (AimakAreaPredecessorSum *sum)
{
  if (sum == NULL)
    return;
  g_free (sum->sources);
  g_free (sum);
}

static gboolean
add_change (AimakStmt  *st,
            gpointer    user_data,
            GError    **error)
{
  AimakAreaChange *c = g_new0 (AimakAreaChange, 1);

  c->id = aimak_stmt_int64 (st, 0);
  c->batch = aimak_stmt_int64 (st, 1);
  c->effective_date = g_strdup (aimak_stmt_text (st, 2));
  aimak_area_change_kind_from_string (aimak_stmt_text (st, 3), &c->kind);
  c->old_code = g_strdup (aimak_stmt_text (st, 4));
  c->new_code = g_strdup (aimak_stmt_text (st, 5));
  c->legal_act = g_strdup (aimak_stmt_text (st, 6));
  c->applied_at = g_strdup (aimak_stmt_text (st, 7));
  g_ptr_array_add (user_data, c);
  return TRUE;
}

static GPtrArray *
changes_where (AimakDb    *db,
               const char *sql,
               const char *code,
               GError    **error)
{
  return aimak_db_list (db, error, add_change, (GDestroyNotify) aimak_area_change_free, sql,
                        "t", code);
}

GPtrArray *
aimak_area_successors (AimakDb    *db,
                       const char *code,
                       GError    **error)
{
  return changes_where (db, LINKS_WHERE ("old_code"), code, error);
}

GPtrArray *
aimak_area_predecessors (AimakDb    *db,
                         const char *code,
                         GError    **error)
{
  return changes_where (db, LINKS_WHERE ("new_code"), code, error);
}

char *
aimak_area_name_on (AimakDb    *db,
                    const char *code,
                    const char *date,
                    const char *lang,
                    GError    **error)
{
  g_autoptr(AimakArea) area = aimak_area_get (db, code, error);
  g_autoptr(AimakStmt) st = NULL;

  if (area == NULL)
    return NULL;
  lang = lang ? lang : aimak_db_get_language (db);
  /* The first rename after @date holds the names it had then. */
  st = aimak_db_prepare (db, error, "SELECT old_name_en, old_name_ru, old_name_ky FROM "
                         "area_change WHERE old_code = ? AND kind = 'renamed' AND undone = 0 "
                         "AND effective_date > ? ORDER BY effective_date, id LIMIT 1",
                         "tt", code, date);
  if (st == NULL)
    return NULL;
  if (aimak_stmt_next (st, NULL))
    return g_strdup (aimak_lang_pick (lang, aimak_stmt_text (st, 0), aimak_stmt_text (st, 1),
                                      aimak_stmt_text (st, 2)));
  return g_strdup (aimak_area_name (area, lang));
}

/* The area that @code is part of today, following mergers and code changes. */
char *
aimak_area_current_successor (AimakDb    *db,
                              const char *code)
{
  g_autofree char *at = g_strdup (code);

  for (int depth = 0; depth < 32; depth++)
    {
      g_autoptr(GPtrArray) next = aimak_area_successors (db, at, NULL);
      AimakAreaChange *c;

      if (next == NULL || next->len != 1)
        break;
      c = g_ptr_array_index (next, 0);
      if (c->kind == AIMAK_AREA_CHANGE_PART_TRANSFERRED)
        break;
      g_free (at);
      at = g_strdup (c->new_code);
    }
  return g_steal_pointer (&at);
}

char *
aimak_area_period_name (AimakDb    *db,
                        const char *code,
                        int         year,
                        const char *lang)
{
  if (code == NULL ||
      aimak_db_query_int (db, 0, NULL, "SELECT EXISTS (SELECT 1 FROM area_change WHERE "
                          "old_code = ? AND undone = 0)", "t", code) == 0)
    return NULL;
  return aimak_area_name_for_period (db, code, year, lang);
}

char *
aimak_area_name_for_period (AimakDb    *db,
                            const char *code,
                            int         year,
                            const char *lang)
{
  g_autofree char *date = year > 0 ? g_strdup_printf ("%04d-12-31", year)
                                   : g_strdup ("9999-12-31");
  g_autofree char *then = aimak_area_name_on (db, code, date, lang, NULL);
  g_autofree char *succ = NULL;
  g_autoptr(AimakArea) now = NULL;
  const char *now_name;

  if (then == NULL)
    return g_strdup (code);
  succ = aimak_area_current_successor (db, code);
  now = aimak_area_get (db, succ, NULL);
  if (now == NULL)
    return g_steal_pointer (&then);
  now_name = aimak_area_name (now, lang ? lang : aimak_db_get_language (db));
  if (g_strcmp0 (now_name, then) == 0)
    return g_steal_pointer (&then);
  {
    /* In @lang, the document's, whatever the interface's language. */
    /* TRANSLATORS: an area's name in a period, and the name of the area it is (part of) now. */
    const char *format = lang ? aimak_lang_gettext (lang, N_("%s (now %s)")) : _("%s (now %s)");
    g_auto(GStrv) parts = g_strsplit (format, "%s", 3);

    if (g_strv_length (parts) != 3)
      return g_strdup_printf ("%s (%s)", then, now_name);
    return g_strconcat (parts[0], then, parts[1], now_name, parts[2], NULL);
  }
}

gboolean
aimak_area_indicator_is_count (AimakDb    *db,
                               const char *indicator_code,
                               GError    **error)
{
  g_autofree char *unit = aimak_db_query_text (db, error, "SELECT unit FROM indicator "
                                               "WHERE code = ?", "t", indicator_code);

  return unit != NULL && aimak_number_kind_for_unit (unit) == AIMAK_NUMBER_COUNT;
}

static gboolean
add_sum (AimakStmt  *st,
         gpointer    user_data,
         GError    **error)
{
  GPtrArray *sums = user_data;
  AimakAreaPredecessorSum *s = g_new0 (AimakAreaPredecessorSum, 1);

  s->year = aimak_stmt_int (st, 0);
  s->sum = aimak_stmt_double_or_nan (st, 1);
  s->n_areas = aimak_stmt_int (st, 2);
  s->sources = g_strdup (aimak_stmt_text (st, 3));
  s->comparable = aimak_stmt_int (st, 4) != 0;
  g_ptr_array_add (sums, s);
  return TRUE;
}

/* The former areas whose counts add up to @code's, as a JSON array, or NULL
 * when a split or a transferred part makes them not comparable. */
static char *
summable_members (AimakDb    *db,
                  const char *code,
                  GPtrArray  *preds,
                  char      **first_date,
                  guint      *n_members)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(AimakArea) self = aimak_area_get (db, code, NULL);

  *n_members = 0;
  for (guint i = 0; i < preds->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (preds, i);
      g_autofree char *quoted = g_strescape (c->old_code, NULL);

      if (c->kind != AIMAK_AREA_CHANGE_MERGED_INTO && c->kind != AIMAK_AREA_CHANGE_CODE_CHANGED)
        return NULL;
      if (*first_date == NULL || strcmp (c->effective_date, *first_date) < 0)
        {
          g_free (*first_date);
          *first_date = g_strdup (c->effective_date);
        }
      g_string_append_printf (json, "%s\"%s\"", *n_members ? "," : "", quoted);
      (*n_members)++;
    }
  /* A city that took ayil aimaks in: its own figures are part of the sum. */
  if (self && (self->valid_from == NULL || g_strcmp0 (self->valid_from, *first_date) < 0))
    {
      g_autofree char *quoted = g_strescape (code, NULL);
      g_string_append_printf (json, ",\"%s\"", quoted);
      (*n_members)++;
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

GStrv
aimak_area_sum_members (AimakDb    *db,
                        const char *code,
                        char      **first_date,
                        GError    **error)
{
  g_autoptr(GPtrArray) preds = aimak_area_predecessors (db, code, error);
  g_autofree char *date = NULL;
  g_autofree char *members = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 0;

  if (preds == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  if (preds->len > 0 && (members = summable_members (db, code, preds, &date, &n)) != NULL)
    {
      /* A city that took ayil aimaks in first, then what it took in. */
      if (n > preds->len)
        g_strv_builder_add (builder, code);
      for (guint i = 0; i < preds->len; i++)
        g_strv_builder_add (builder, ((AimakAreaChange *) g_ptr_array_index (preds, i))->old_code);
    }
  if (first_date)
    *first_date = g_steal_pointer (&date);
  return g_strv_builder_end (builder);
}

/* Per year: one sum per source that every former area has a value from (the
 * one value of each area, year and source), or, when no source covers them
 * all, one row "not comparable" with the sources found. Values of different
 * sources are never added together. */
static const char sums_sql[] =
    "WITH v AS (SELECT area_code, year, source, value FROM indicator_value"
    " WHERE indicator_code = ?1 AND sex = ?2 AND year < ?3 AND deleted_at IS NULL"
    " AND area_code IN (SELECT value FROM json_each (?4))),"
    " s AS (SELECT year, source, sum (value) AS total, count (*) AS n FROM v"
    " GROUP BY year, source),"
    " y AS (SELECT year, count (DISTINCT area_code) AS n FROM v GROUP BY year) "
    "SELECT year, total, n, source, 1 FROM s WHERE n = ?5 "
    "UNION ALL SELECT y.year, NULL, y.n, (SELECT group_concat (source, '; ') FROM"
    " (SELECT DISTINCT source FROM v WHERE v.year = y.year ORDER BY source)), 0 FROM y"
    " WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.year = y.year AND s.n = ?5) "
    "ORDER BY 1, 4";

GPtrArray *
aimak_area_predecessor_sums (AimakDb    *db,
                             const char *code,
                             const char *indicator_code,
                             const char *sex,
                             GError    **error)
{
  g_autoptr(GPtrArray) preds = aimak_area_predecessors (db, code, error);
  g_autoptr(GPtrArray) sums =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_predecessor_sum_free);
  g_autofree char *first_date = NULL;
  g_autofree char *members = NULL;
  GError *local_error = NULL;
  guint n_members = 0;

  if (preds == NULL)
    return NULL;
  if (preds->len == 0)
    return g_steal_pointer (&sums);
  if (!aimak_area_indicator_is_count (db, indicator_code, &local_error) ||
      (members = summable_members (db, code, preds, &first_date, &n_members)) == NULL)
    {
      if (local_error)
        g_propagate_error (error, local_error);
      else
        g_set_error_literal (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                             _("Not comparable: only counts of whole former areas are "
                               "summed; see each former area."));
      return NULL;
    }
  if (!aimak_db_foreach (db, error, add_sum, sums, sums_sql, "ttiti", indicator_code, sex,
                         atoi (first_date), members, (int) n_members))
    return NULL;
  for (guint i = 0; i < sums->len; i++)
    ((AimakAreaPredecessorSum *) g_ptr_array_index (sums, i))->n_former = n_members;
  return g_steal_pointer (&sums);
}

char *
aimak_area_list_as_of (AimakDb *db)
{
  g_autofree char *name = aimak_db_query_text (db, NULL, "SELECT value FROM app_meta "
                                               "WHERE key = 'area_list_name'", NULL);
  g_autofree char *date = aimak_db_query_text (db, NULL, "SELECT value FROM app_meta "
                                               "WHERE key = 'area_list_date'", NULL);

  if (date == NULL || *date == '\0')
    return g_strdup (_("Areas as of: not recorded"));
  /* TRANSLATORS: "Areas as of 2024-07-01 (area-changes.csv)": the list they reflect. */
  return g_strdup_printf (_("Areas as of %s (%s)"), date, name ? name : "");
}
