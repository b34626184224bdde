/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-model.c — the priorities list as a GListModel over SQL.
 *
 * A GListStore of 100,000 full rows takes seconds to fill and hundreds of
 * megabytes; a list only ever shows a few dozen. So the model keeps only the
 * rowids that match, in display order (8 bytes each), and get_item() builds an
 * AimakPriorityRow for one rowid when the view asks for it, keeping the recently
 * built ones in a small cache.
 *
 * How a filter runs, so that each keystroke stays well under 50 ms at 100,000:
 *  - the "base" list (area with its children, status, marker, sector, sort order)
 *    comes from one query over a narrow partial index (migration 0002) that holds
 *    every column those filters and sorts need, so the wide table rows are never
 *    read; INDEXED BY pins the plan. The base list is cached: typing in the search
 *    box does not run it again;
 *  - search words go to FTS5 (prefix indexes for one- and two-letter prefixes) and
 *    a target group to its link table; both give rowid sets, kept as bitmaps, and
 *    the base list is filtered by them in C. An IN (subquery) over 100,000 rowids
 *    costs SQLite more than the whole rest of the query;
 *  - sorts by a small set of values (marker, status in workflow order, area name)
 *    regroup the programme-ordered base list in C instead of sorting in SQL.
 *
 * The SQL is assembled from constant fragments only (one per filter and one per
 * sort order); the user's values are bound as parameters, and the search words
 * become a quoted FTS5 query, so no user text ever reaches the SQL itself.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-priority-model.h"
#include "aimak-priority-row-private.h"
#include "aimak-db-private.h"

/* ------------------------------------------------------------------------ */
/* Filter                                                                    */

void
aimak_priority_filter_init (AimakPriorityFilter *filter)
{
  g_return_if_fail (filter != NULL);
  memset (filter, 0, sizeof *filter);
  filter->marker = -1;
  filter->sort = AIMAK_PRIORITY_SORT_RANK;
}

void
aimak_priority_filter_clear (AimakPriorityFilter *filter)
{
  g_return_if_fail (filter != NULL);
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->area_code, g_free);
  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->target_group, g_free);
  g_clear_pointer (&filter->sector_code, g_free);
  aimak_priority_filter_init (filter);
}

/* Empty strings mean "any", like NULL. */
static char *
dup_nonempty (const char *s)
{
  return s && *s ? g_strdup (s) : NULL;
}

static void
filter_copy_into (AimakPriorityFilter       *dst,
                  const AimakPriorityFilter *src)
{
  aimak_priority_filter_clear (dst);
  if (src == NULL)
    return;
  dst->search = dup_nonempty (src->search);
  dst->area_code = dup_nonempty (src->area_code);
  dst->status = dup_nonempty (src->status);
  dst->marker = src->marker;
  dst->target_group = dup_nonempty (src->target_group);
  dst->sector_code = dup_nonempty (src->sector_code);
  dst->sort = src->sort;
  dst->descending = src->descending;
}

char *
aimak_priority_fts_query (const char *search)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  const char *s = search;

  /* Words are runs of letters and digits (with their combining marks); all
   * else separates them. Quoting each word keeps FTS5 operators (AND, NEAR,
   * "*", ":", "^") in the user's text from meaning anything; the trailing *
   * makes every word a prefix, so "вод" finds "водоснабжение" as it is typed. */
  for (;; s = g_utf8_next_char (s))
    {
      gunichar c = (s && *s) ? g_utf8_get_char_validated (s, -1) : 0;
      gboolean at_end = c == 0 || c == (gunichar) -1 || c == (gunichar) -2;
      gboolean in_word = !at_end && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (in_word)
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          if (query->len)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (at_end)
        break;
    }
  g_string_free (word, TRUE);
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/* ------------------------------------------------------------------------ */
/* AimakPriorityModel                                                        */

/* Rows kept built; a list shows far fewer, so a full cache is simply emptied. */
#define ROW_CACHE_SIZE 512

struct _AimakPriorityModel
{
  GObject              parent_instance;

  AimakDb             *db;
  AimakPriorityFilter  filter;
  GArray              *rowids;    /* gint64, in display order */
  GHashTable          *cache;     /* position → AimakPriorityRow */
  guint                total;
  gboolean             total_valid;

  /* The base list of the last filter without search and target group. */
  GArray              *base;      /* gint64 */
  char                *base_key;  /* NULL = not valid */
  /* Rowids of the last target group, as a bitmap. */
  GByteArray          *group_bits;
  char                *group_key;
  /* What the database looked like when those were made (see data_stamp()). */
  gint64               stamp_changes;
  gint64               stamp_version;
  /* A database older than schema 2 opened read-only lacks the list indexes. */
  int                  has_indexes;  /* -1 unknown */
  /* What the last refresh really changed (aimak_priority_model_get_changed_span). */
  gboolean             rows_stale;   /* the database changed: every row may differ */
  guint                span_position;
  guint                span_removed;
  guint                span_added;
};

static void aimak_priority_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AimakPriorityModel, aimak_priority_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      aimak_priority_model_list_init))

static const char row_sql[] =
  "SELECT p.id, p.area_code, aimak_name(a.name_en, a.name_ru, a.name_ky), p.rank, p.title, "
  "p.gender_marker, "
  "(SELECT group_concat(n, ', ') FROM (SELECT aimak_name(t.name_en, t.name_ru, t.name_ky) AS n "
  "  FROM priority_target_group g JOIN target_group t ON t.code = g.group_code "
  "  WHERE g.priority_id = p.id ORDER BY t.sort, t.code)), "
  "p.budget_kgs, p.status, aimak_name(s.name_en, s.name_ru, s.name_ky), p.updated_at, p.is_demo, "
  "a.valid_to IS NOT NULL "
  "FROM priority p LEFT JOIN area a ON a.code = p.area_code "
  "LEFT JOIN status s ON s.code = p.status WHERE p.rowid = ?";

static AimakPriorityRow *
build_row (AimakPriorityModel *self,
           gint64              rowid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakStmt) st = aimak_db_prepare (self->db, &error, row_sql, "I", rowid);

  if (st == NULL || !aimak_stmt_next (st, &error))
    {
      /* The row vanished under us (deleted elsewhere): show an empty line rather
       * than break the list's contract; the next reload drops it. */
      if (error)
        g_warning ("Cannot read priority %" G_GINT64_FORMAT ": %s", rowid, error->message);
      return _aimak_priority_row_new_from_stmt (NULL);
    }
  return _aimak_priority_row_new_from_stmt (st);
}

static GType
aimak_priority_model_get_item_type (GListModel *list)
{
  return AIMAK_TYPE_PRIORITY_ROW;
}

static guint
aimak_priority_model_get_n_items (GListModel *list)
{
  return AIMAK_PRIORITY_MODEL (list)->rowids->len;
}

static gpointer
aimak_priority_model_get_item (GListModel *list,
                               guint       position)
{
  AimakPriorityModel *self = AIMAK_PRIORITY_MODEL (list);
  AimakPriorityRow *row;

  if (position >= self->rowids->len)
    return NULL;
  row = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (row == NULL)
    {
      if (g_hash_table_size (self->cache) >= ROW_CACHE_SIZE)
        g_hash_table_remove_all (self->cache);
      row = build_row (self, g_array_index (self->rowids, gint64, position));
      g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), row);
    }
  return g_object_ref (row);
}

static void
aimak_priority_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = aimak_priority_model_get_item_type;
  iface->get_n_items = aimak_priority_model_get_n_items;
  iface->get_item = aimak_priority_model_get_item;
}

static void
aimak_priority_model_finalize (GObject *object)
{
  AimakPriorityModel *self = AIMAK_PRIORITY_MODEL (object);

  aimak_priority_filter_clear (&self->filter);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->base_key, g_free);
  g_clear_pointer (&self->group_bits, g_byte_array_unref);
  g_clear_pointer (&self->group_key, g_free);
  g_clear_pointer (&self->db, aimak_db_unref);
  G_OBJECT_CLASS (aimak_priority_model_parent_class)->finalize (object);
}

static void
aimak_priority_model_class_init (AimakPriorityModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aimak_priority_model_finalize;
}

static void
aimak_priority_model_init (AimakPriorityModel *self)
{
  aimak_priority_filter_init (&self->filter);
  self->has_indexes = -1;
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
}

AimakPriorityModel *
aimak_priority_model_new (AimakDb *db)
{
  AimakPriorityModel *self;

  g_return_val_if_fail (db != NULL, NULL);
  self = g_object_new (AIMAK_TYPE_PRIORITY_MODEL, NULL);
  self->db = aimak_db_ref (db);
  return self;
}

/* How each sort order is read from SQL. Sorts by a few values (marker, status,
 * area name) read the programme order plus that value and regroup in C. */
typedef enum
{
  REGROUP_NONE,
  REGROUP_MARKER,
  REGROUP_STATUS,
  REGROUP_AREA,
  REGROUP_NULLS_LAST,  /* move the leading rows with an empty key to the end */
} Regroup;

static const struct
{
  const char *from;      /* FROM with the pinned index */
  const char *column;    /* second column read, or "0" */
  const char *order[2];  /* ascending, descending */
  Regroup     regroup;
} sorts[] = {
  /* By area name, then rank: codes mean nothing to a reader of the list. */
  [AIMAK_PRIORITY_SORT_RANK] = {
    " FROM priority p INDEXED BY priority_list", "p.area_code",
    { " ORDER BY p.area_code, p.rank", " ORDER BY p.area_code, p.rank DESC" },
    REGROUP_AREA },
  [AIMAK_PRIORITY_SORT_AREA] = {
    " FROM priority p INDEXED BY priority_list", "p.area_code",
    { " ORDER BY p.area_code, p.rank", " ORDER BY p.area_code, p.rank" },
    REGROUP_AREA },
  [AIMAK_PRIORITY_SORT_TITLE] = {
    " FROM priority p INDEXED BY priority_list_title", "0",
    { " ORDER BY p.title COLLATE NOCASE, p.area_code, p.rank",
      " ORDER BY p.title COLLATE NOCASE DESC, p.area_code DESC, p.rank DESC" },
    REGROUP_NONE },
  [AIMAK_PRIORITY_SORT_MARKER] = {
    " FROM priority p INDEXED BY priority_list", "p.gender_marker",
    { " ORDER BY p.area_code, p.rank", " ORDER BY p.area_code, p.rank" },
    REGROUP_MARKER },
  /* Empty budgets come last both ways: SQLite sorts NULL first ascending. */
  [AIMAK_PRIORITY_SORT_BUDGET] = {
    " FROM priority p INDEXED BY priority_list_budget", "p.budget_kgs IS NULL",
    { " ORDER BY p.budget_kgs, p.area_code, p.rank",
      " ORDER BY p.budget_kgs DESC, p.area_code DESC, p.rank DESC" },
    REGROUP_NULLS_LAST },
  [AIMAK_PRIORITY_SORT_STATUS] = {
    " FROM priority p INDEXED BY priority_list", "p.status",
    { " ORDER BY p.area_code, p.rank", " ORDER BY p.area_code, p.rank" },
    REGROUP_STATUS },
  [AIMAK_PRIORITY_SORT_UPDATED] = {
    " FROM priority p INDEXED BY priority_list_updated", "0",
    { " ORDER BY p.updated_at, p.area_code, p.rank",
      " ORDER BY p.updated_at DESC, p.area_code DESC, p.rank DESC" },
    REGROUP_NONE },
};

static AimakPrioritySort
valid_sort (AimakPrioritySort sort)
{
  return (guint) sort < G_N_ELEMENTS (sorts) ? sort : AIMAK_PRIORITY_SORT_RANK;
}

/* Identifies the base list of @filter (everything but search and target group). */
static char *
base_key (AimakDb                   *db,
          const AimakPriorityFilter *filter)
{
  /* The language orders the areas by name. */
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%d\x1f%d", aimak_db_get_language (db),
                          filter->area_code ? filter->area_code : "",
                          filter->status ? filter->status : "", filter->marker,
                          filter->sector_code ? filter->sector_code : "",
                          valid_sort (filter->sort), filter->descending ? 1 : 0);
}

/* A rowid and the value it is regrouped by. */
typedef struct
{
  gint64  rowid;
  char   *key;     /* area code, on the first row of each area's run only */
  int     number;  /* marker, status position, or 1 for an empty budget */
} Keyed;

static void
keyed_clear (gpointer data)
{
  g_free (((Keyed *) data)->key);
}

/* Stable regrouping by a small integer 0..n_groups-1 (anything else goes last,
 * in the order met). */
static void
regroup_by (GArray   *into,
            GArray   *keyed,
            int       n_groups,
            gboolean  descending)
{
  g_autoptr(GPtrArray) buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (int i = 0; i <= n_groups; i++)
    g_ptr_array_add (buckets, g_array_new (FALSE, FALSE, sizeof (gint64)));
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);
      int g = k->number;

      if (g < 0 || g >= n_groups)
        g = n_groups;
      else if (descending)
        g = n_groups - 1 - g;
      g_array_append_val (g_ptr_array_index (buckets, g), k->rowid);
    }
  for (int i = 0; i <= n_groups; i++)
    {
      GArray *b = g_ptr_array_index (buckets, i);
      g_array_append_vals (into, b->data, b->len);
    }
}

/* Positions of the statuses in workflow order (table status). */
static GHashTable *
status_order (AimakDb  *db,
              int      *n,
              GError  **error)
{
  g_autoptr(GHashTable) order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                              "SELECT code FROM status ORDER BY sort, code", NULL);
  GError *local_error = NULL;

  *n = 0;
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    g_hash_table_insert (order, g_strdup (aimak_stmt_text (st, 0)), GINT_TO_POINTER (++*n));
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&order);
}

typedef struct
{
  char  *code;
  char  *name;
  guint  start, len;  /* a run of the programme-ordered list */
} AreaRun;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const AreaRun *x = a, *y = b;
  int c = g_utf8_collate (x->name, y->name);

  return c ? c : strcmp (x->code, y->code);
}

/* The programme order groups each area's priorities in one run: sorting the
 * runs by area name sorts the list. */
static gboolean
regroup_by_area (AimakDb   *db,
                 GArray    *into,
                 GArray    *keyed,
                 gboolean   descending,
                 GError   **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (AreaRun));
  GError *local_error = NULL;

  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT code, aimak_name(name_en, name_ru, "
                                                "name_ky) FROM area", NULL);
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, &local_error))
      g_hash_table_insert (names, g_strdup (aimak_stmt_text (st, 0)),
                           g_strdup (aimak_stmt_text (st, 1)));
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
  }
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      if (k->key != NULL || runs->len == 0)
        {
          const char *code = k->key ? k->key : "";
          const char *name = g_hash_table_lookup (names, code);
          AreaRun run = { (char *) code, (char *) (name ? name : code), i, 1 };
          g_array_append_val (runs, run);
        }
      else
        g_array_index (runs, AreaRun, runs->len - 1).len++;
    }
  g_array_sort (runs, compare_runs);
  for (guint r = 0; r < runs->len; r++)
    {
      AreaRun *run = &g_array_index (runs, AreaRun, descending ? runs->len - 1 - r : r);

      for (guint i = run->start; i < run->start + run->len; i++)
        g_array_append_val (into, g_array_index (keyed, Keyed, i).rowid);
    }
  return TRUE;
}

/* Runs the SQL of the base list of @filter into @into. */
static gboolean
query_base (AimakPriorityModel        *self,
            const AimakPriorityFilter *filter,
            GArray                    *into,
            GError                   **error)
{
  AimakPrioritySort sort = valid_sort (filter->sort);
  Regroup regroup = sorts[sort].regroup;
  g_autoptr(GString) sql = g_string_new ("SELECT p.rowid, ");
  g_autoptr(AimakStmt) st = NULL;
  g_autoptr(GArray) keyed = NULL;
  GError *local_error = NULL;
  int n = 0;

  if (self->has_indexes < 0)
    self->has_indexes = aimak_db_query_int (self->db, 0, NULL,
                                            "SELECT count(*) FROM sqlite_master WHERE "
                                            "type = 'index' AND name = 'priority_list'",
                                            NULL) > 0;
  g_string_append (sql, sorts[sort].column);
  /* Without the indexes the same query works, only slower at scale. */
  g_string_append (sql, self->has_indexes ? sorts[sort].from : " FROM priority p");
  g_string_append (sql, " WHERE p.deleted_at IS NULL");
  if (filter->area_code)
    g_string_append (sql, " AND p.area_code IN (WITH RECURSIVE t(code) AS (SELECT ?1 "
                          "UNION ALL SELECT c.code FROM area c JOIN t ON c.parent_code = t.code)"
                          " SELECT code FROM t)");
  if (filter->status)
    g_string_append (sql, " AND p.status = ?2");
  if (filter->marker >= 0)
    g_string_append (sql, " AND p.gender_marker = ?3");
  if (filter->sector_code)
    g_string_append (sql, " AND p.sector_code = ?4");
  g_string_append (sql, sorts[sort].order[filter->descending ? 1 : 0]);

  st = aimak_db_prepare (self->db, error, sql->str, NULL);
  if (st == NULL)
    return FALSE;
  /* Numbered parameters: the ones a fragment does not use are simply unbound. */
  if ((filter->area_code && sqlite3_bind_text (st, 1, filter->area_code, -1,
                                               SQLITE_TRANSIENT) != SQLITE_OK) ||
      (filter->status && sqlite3_bind_text (st, 2, filter->status, -1,
                                            SQLITE_TRANSIENT) != SQLITE_OK) ||
      (filter->marker >= 0 && sqlite3_bind_int (st, 3, filter->marker) != SQLITE_OK) ||
      (filter->sector_code && sqlite3_bind_text (st, 4, filter->sector_code, -1,
                                                 SQLITE_TRANSIENT) != SQLITE_OK))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL, "bind: %s",
                   sqlite3_errmsg (aimak_db_get_handle (self->db)));
      return FALSE;
    }

  if (regroup == REGROUP_NONE)
    {
      while (aimak_stmt_next (st, &local_error))
        {
          gint64 rowid = sqlite3_column_int64 (st, 0);
          g_array_append_val (into, rowid);
        }
    }
  else
    {
      g_autoptr(GHashTable) order = NULL;
      const char *last_code = NULL;

      if (regroup == REGROUP_STATUS)
        {
          order = status_order (self->db, &n, error);
          if (order == NULL)
            return FALSE;
        }
      keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
      g_array_set_clear_func (keyed, keyed_clear);
      while (aimak_stmt_next (st, &local_error))
        {
          Keyed k = { sqlite3_column_int64 (st, 0), NULL, sqlite3_column_int (st, 1) };

          /* Strings are looked up as they come, not copied: 100,000 copies
           * would cost more than the query. */
          if (regroup == REGROUP_STATUS)
            k.number = GPOINTER_TO_INT (g_hash_table_lookup (order, aimak_stmt_text (st, 1))) - 1;
          else if (regroup == REGROUP_AREA &&
                   (last_code == NULL || strcmp (last_code, aimak_stmt_text (st, 1)) != 0))
            last_code = k.key = g_strdup (aimak_stmt_text (st, 1));
          g_array_append_val (keyed, k);
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  aimak_stmt_release (g_steal_pointer (&st));

  switch (regroup)
    {
    case REGROUP_NONE:
      break;
    case REGROUP_MARKER:
      regroup_by (into, keyed, 3, filter->descending);
      break;
    case REGROUP_NULLS_LAST:
      /* Numbers are 0 for a budget, 1 for none: two groups in that order. */
      regroup_by (into, keyed, 2, FALSE);
      break;
    case REGROUP_STATUS:
      regroup_by (into, keyed, n, filter->descending);
      break;
    case REGROUP_AREA:
      if (!regroup_by_area (self->db, into, keyed, filter->descending, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Rowids of @sql (one text parameter) as a bitmap over 0..max rowid. */
static GByteArray *
query_bits (AimakDb     *db,
            const char  *sql,
            const char  *value,
            GError     **error)
{
  GError *local_error = NULL;
  gint64 max;
  g_autoptr(GByteArray) bits = NULL;
  g_autoptr(AimakStmt) st = NULL;

  if (!aimak_db_query_count (db, &max, error, "SELECT max(rowid) FROM priority", NULL))
    return NULL;
  bits = g_byte_array_sized_new ((guint) (max / 8 + 1));
  g_byte_array_set_size (bits, (guint) (max / 8 + 1));
  memset (bits->data, 0, bits->len);
  st = aimak_db_prepare (db, error, sql, "t", value);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    {
      gint64 rowid = sqlite3_column_int64 (st, 0);

      if (rowid >= 0 && rowid <= max)
        bits->data[rowid / 8] |= 1 << (rowid % 8);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&bits);
}

static gboolean
bit_is_set (GByteArray *bits,
            gint64      rowid)
{
  return rowid >= 0 && (guint64) rowid / 8 < bits->len &&
         (bits->data[rowid / 8] & (1 << (rowid % 8))) != 0;
}

static void
invalidate (AimakPriorityModel *self)
{
  g_clear_pointer (&self->base_key, g_free);
  g_clear_pointer (&self->group_key, g_free);
  self->total_valid = FALSE;
  self->rows_stale = TRUE;
}

/* The cached lists are dropped when the database changed since they were made:
 * by this connection (sqlite3_total_changes) or by another (data_version), so
 * set_filter() after an edit is right even without reload(). */
static void
check_stamp (AimakPriorityModel *self)
{
  sqlite3 *handle = aimak_db_get_handle (self->db);
  gint64 changes = sqlite3_total_changes64 (handle);
  gint64 version = aimak_db_query_int (self->db, 0, NULL, "PRAGMA data_version", NULL);

  if (changes != self->stamp_changes || version != self->stamp_version)
    invalidate (self);
  self->stamp_changes = changes;
  self->stamp_version = version;
}

/* The rowids of @filter, in display order. */
static gboolean
query_rowids (AimakPriorityModel        *self,
              const AimakPriorityFilter *filter,
              GArray                    *into,
              GError                   **error)
{
  g_autofree char *key = base_key (self->db, filter);
  g_autofree char *fts = aimak_priority_fts_query (filter->search);
  g_autoptr(GByteArray) search_bits = NULL;

  check_stamp (self);

  if (self->base_key == NULL || strcmp (key, self->base_key) != 0)
    {
      g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!query_base (self, filter, base, error))
        return FALSE;
      g_clear_pointer (&self->base, g_array_unref);
      self->base = g_steal_pointer (&base);
      g_free (self->base_key);
      self->base_key = g_steal_pointer (&key);
    }
  if (filter->target_group &&
      (self->group_key == NULL || strcmp (filter->target_group, self->group_key) != 0))
    {
      GByteArray *bits = query_bits (self->db,
                                     "SELECT q.rowid FROM priority_target_group g "
                                     "JOIN priority q ON q.id = g.priority_id "
                                     "WHERE g.group_code = ?", filter->target_group, error);
      if (bits == NULL)
        return FALSE;
      g_clear_pointer (&self->group_bits, g_byte_array_unref);
      self->group_bits = bits;
      g_free (self->group_key);
      self->group_key = g_strdup (filter->target_group);
    }
  if (fts)
    {
      search_bits = query_bits (self->db, "SELECT rowid FROM priority_fts "
                                          "WHERE priority_fts MATCH ?", fts, error);
      if (search_bits == NULL)
        return FALSE;
    }

  if (search_bits == NULL && filter->target_group == NULL)
    {
      g_array_append_vals (into, self->base->data, self->base->len);
      return TRUE;
    }
  for (guint i = 0; i < self->base->len; i++)
    {
      gint64 rowid = g_array_index (self->base, gint64, i);

      if ((search_bits == NULL || bit_is_set (search_bits, rowid)) &&
          (filter->target_group == NULL || bit_is_set (self->group_bits, rowid)))
        g_array_append_val (into, rowid);
    }
  return TRUE;
}

static void
count_total (AimakPriorityModel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  if (self->total_valid)
    return;
  n = aimak_db_query_int (self->db, 0, &error,
                          "SELECT count(*) FROM priority WHERE deleted_at IS NULL", NULL);
  if (error)
    g_warning ("Cannot count priorities: %s", error->message);
  self->total = (guint) n;
  self->total_valid = error == NULL;
}

/* Where @rowids differs from the current list: the common head and tail are
 * the same rows, unless the database changed under them. */
static void
set_changed_span (AimakPriorityModel *self,
                  GArray             *rowids)
{
  const gint64 *a = (const gint64 *) (gpointer) self->rowids->data;
  const gint64 *b = (const gint64 *) (gpointer) rowids->data;
  guint old_len = self->rowids->len, new_len = rowids->len;
  guint head = 0, tail = 0;

  if (!self->rows_stale)
    {
      while (head < old_len && head < new_len && a[head] == b[head])
        head++;
      while (tail < old_len - head && tail < new_len - head &&
             a[old_len - 1 - tail] == b[new_len - 1 - tail])
        tail++;
    }
  self->rows_stale = FALSE;
  self->span_position = head;
  self->span_removed = old_len - head - tail;
  self->span_added = new_len - head - tail;
}

/* Runs @filter and tells the views. */
static gboolean
refresh (AimakPriorityModel        *self,
         const AimakPriorityFilter *filter,
         GError                   **error)
{
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                MAX (self->rowids->len, 64));
  guint old_len;

  if (!query_rowids (self, filter, rowids, error))
    return FALSE;
  count_total (self);
  old_len = self->rowids->len;
  set_changed_span (self, rowids);
  g_array_unref (self->rowids);
  self->rowids = g_steal_pointer (&rowids);
  g_hash_table_remove_all (self->cache);
  if (old_len > 0 || self->rowids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rowids->len);
  return TRUE;
}

gboolean
aimak_priority_model_set_filter (AimakPriorityModel        *self,
                                 const AimakPriorityFilter *filter,
                                 GError                   **error)
{
  AimakPriorityFilter next;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The old filter stays until the new one has run, so a failure changes nothing. */
  aimak_priority_filter_init (&next);
  filter_copy_into (&next, filter);
  if (!refresh (self, &next, error))
    {
      aimak_priority_filter_clear (&next);
      return FALSE;
    }
  aimak_priority_filter_clear (&self->filter);
  self->filter = next;
  return TRUE;
}

void
aimak_priority_model_reload (AimakPriorityModel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AIMAK_IS_PRIORITY_MODEL (self));
  invalidate (self);
  if (!refresh (self, &self->filter, &error))
    g_warning ("Cannot reload the priorities: %s", error->message);
}

guint
aimak_priority_model_get_total (AimakPriorityModel *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (self), 0);
  return self->total;
}

int
aimak_priority_model_find (AimakPriorityModel *self,
                           const char         *id)
{
  gint64 rowid;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (self), -1);
  if (id == NULL)
    return -1;
  rowid = aimak_db_query_int (self->db, -1, NULL, "SELECT rowid FROM priority WHERE id = ?",
                              "t", id);
  if (rowid < 0)
    return -1;
  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return (int) i;
  return -1;
}

void
aimak_priority_model_get_changed_span (AimakPriorityModel *self,
                                       guint              *position,
                                       guint              *removed,
                                       guint              *added)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_MODEL (self));
  *position = self->span_position;
  *removed = self->span_removed;
  *added = self->span_added;
}
