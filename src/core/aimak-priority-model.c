/* aimak-priority-model.c — the priorities list as a GListModel over SQL.
 *
 * A GListStore of 100,000 full rows takes seconds to fill and hundreds of
 * megabytes; a list only ever shows a few dozen. So set_filter() asks SQLite for
 * the rowids that match, in order (an array of 8-byte integers), and get_item()
 * builds an AimakPriorityRow for one rowid when the view asks for it, keeping the
 * recently built ones in a small cache.
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

/* ------------------------------------------------------------------------ */
/* AimakPriorityRow                                                          */

struct _AimakPriorityRow
{
  GObject   parent_instance;

  char     *id;
  char     *area_code;
  char     *area_name;
  int       rank;
  char     *title;
  int       marker;
  char     *target_groups;
  double    budget;
  char     *status;
  char     *status_label;
  char     *updated_at;
  gboolean  is_demo;
};

G_DEFINE_FINAL_TYPE (AimakPriorityRow, aimak_priority_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_AREA_CODE,
  ROW_PROP_AREA_NAME,
  ROW_PROP_RANK,
  ROW_PROP_TITLE,
  ROW_PROP_MARKER,
  ROW_PROP_TARGET_GROUPS,
  ROW_PROP_BUDGET,
  ROW_PROP_STATUS,
  ROW_PROP_STATUS_LABEL,
  ROW_PROP_UPDATED_AT,
  ROW_PROP_IS_DEMO,
  ROW_N_PROPS
};

static GParamSpec *row_props[ROW_N_PROPS];

static void
aimak_priority_row_finalize (GObject *object)
{
  AimakPriorityRow *self = AIMAK_PRIORITY_ROW (object);

  g_free (self->id);
  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->title);
  g_free (self->target_groups);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->updated_at);
  G_OBJECT_CLASS (aimak_priority_row_parent_class)->finalize (object);
}

static void
aimak_priority_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakPriorityRow *self = AIMAK_PRIORITY_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:            g_value_set_string (value, self->id); break;
    case ROW_PROP_AREA_CODE:     g_value_set_string (value, self->area_code); break;
    case ROW_PROP_AREA_NAME:     g_value_set_string (value, self->area_name); break;
    case ROW_PROP_RANK:          g_value_set_int (value, self->rank); break;
    case ROW_PROP_TITLE:         g_value_set_string (value, self->title); break;
    case ROW_PROP_MARKER:        g_value_set_int (value, self->marker); break;
    case ROW_PROP_TARGET_GROUPS: g_value_set_string (value, self->target_groups); break;
    case ROW_PROP_BUDGET:        g_value_set_double (value, self->budget); break;
    case ROW_PROP_STATUS:        g_value_set_string (value, self->status); break;
    case ROW_PROP_STATUS_LABEL:  g_value_set_string (value, self->status_label); break;
    case ROW_PROP_UPDATED_AT:    g_value_set_string (value, self->updated_at); break;
    case ROW_PROP_IS_DEMO:       g_value_set_boolean (value, self->is_demo); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_priority_row_class_init (AimakPriorityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aimak_priority_row_finalize;
  object_class->get_property = aimak_priority_row_get_property;

  row_props[ROW_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0, flags);
  row_props[ROW_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_MARKER] = g_param_spec_int ("marker", NULL, NULL, 0, 2, 0, flags);
  row_props[ROW_PROP_TARGET_GROUPS] = g_param_spec_string ("target-groups", NULL, NULL, NULL,
                                                           flags);
  /* NaN (no budget) is a valid value of this read-only property; the default cannot be NaN. */
  row_props[ROW_PROP_BUDGET] = g_param_spec_double ("budget", NULL, NULL, -G_MAXDOUBLE,
                                                    G_MAXDOUBLE, 0, flags);
  row_props[ROW_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                          flags);
  row_props[ROW_PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_props);
}

static void
aimak_priority_row_init (AimakPriorityRow *self)
{
  self->budget = NAN;
}

const char *
aimak_priority_row_get_id (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->id;
}

const char *
aimak_priority_row_get_area_code (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->area_code;
}

const char *
aimak_priority_row_get_area_name (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->area_name;
}

int
aimak_priority_row_get_rank (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), 0);
  return self->rank;
}

const char *
aimak_priority_row_get_title (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->title;
}

int
aimak_priority_row_get_marker (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), 0);
  return self->marker;
}

const char *
aimak_priority_row_get_target_groups (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->target_groups;
}

double
aimak_priority_row_get_budget (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NAN);
  return self->budget;
}

const char *
aimak_priority_row_get_status (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->status;
}

const char *
aimak_priority_row_get_status_label (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->status_label;
}

const char *
aimak_priority_row_get_updated_at (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), NULL);
  return self->updated_at;
}

gboolean
aimak_priority_row_get_is_demo (AimakPriorityRow *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_ROW (self), FALSE);
  return self->is_demo;
}

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
  GArray              *rowids;   /* gint64, in display order */
  GHashTable          *cache;    /* position → AimakPriorityRow */
  guint                total;
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
  "p.budget_kgs, p.status, aimak_name(s.name_en, s.name_ru, s.name_ky), p.updated_at, p.is_demo "
  "FROM priority p LEFT JOIN area a ON a.code = p.area_code "
  "LEFT JOIN status s ON s.code = p.status WHERE p.rowid = ?";

static AimakPriorityRow *
build_row (AimakPriorityModel *self,
           gint64              rowid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakStmt) st = aimak_db_prepare (self->db, &error, row_sql, "I", rowid);
  AimakPriorityRow *row;

  row = g_object_new (AIMAK_TYPE_PRIORITY_ROW, NULL);
  if (st == NULL || !aimak_stmt_next (st, &error))
    {
      /* The row vanished under us (deleted elsewhere): show an empty line rather
       * than break the list's contract; the next reload drops it. */
      if (error)
        g_warning ("Cannot read priority %" G_GINT64_FORMAT ": %s", rowid, error->message);
      row->id = g_strdup ("");
      row->title = g_strdup ("");
      return row;
    }
  row->id = g_strdup (aimak_stmt_text (st, 0));
  row->area_code = g_strdup (aimak_stmt_text (st, 1));
  row->area_name = g_strdup (aimak_stmt_text (st, 2));
  row->rank = sqlite3_column_int (st, 3);
  row->title = g_strdup (aimak_stmt_text (st, 4));
  row->marker = sqlite3_column_int (st, 5);
  row->target_groups = g_strdup (aimak_stmt_text (st, 6));
  row->budget = aimak_stmt_double_or_nan (st, 7);
  row->status = g_strdup (aimak_stmt_text (st, 8));
  row->status_label = g_strdup (aimak_stmt_text (st, 9));
  row->updated_at = g_strdup (aimak_stmt_text (st, 10));
  row->is_demo = sqlite3_column_int (st, 11) != 0;
  return row;
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

AimakDb *
aimak_priority_model_get_db (AimakPriorityModel *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (self), NULL);
  return self->db;
}

/* ORDER BY clauses, ascending and descending; ties keep the programme order
 * (area, rank) so that the list is stable. */
static const char * const order_sql[][2] = {
  [AIMAK_PRIORITY_SORT_RANK] = {
    " ORDER BY p.area_code, p.rank",
    " ORDER BY p.area_code DESC, p.rank DESC" },
  [AIMAK_PRIORITY_SORT_AREA] = {
    " ORDER BY aimak_name(a.name_en, a.name_ru, a.name_ky), p.area_code, p.rank",
    " ORDER BY aimak_name(a.name_en, a.name_ru, a.name_ky) DESC, p.area_code, p.rank" },
  [AIMAK_PRIORITY_SORT_TITLE] = {
    " ORDER BY p.title COLLATE NOCASE, p.area_code, p.rank",
    " ORDER BY p.title COLLATE NOCASE DESC, p.area_code, p.rank" },
  [AIMAK_PRIORITY_SORT_MARKER] = {
    " ORDER BY p.gender_marker, p.area_code, p.rank",
    " ORDER BY p.gender_marker DESC, p.area_code, p.rank" },
  /* Priorities without a budget come last either way. */
  [AIMAK_PRIORITY_SORT_BUDGET] = {
    " ORDER BY p.budget_kgs IS NULL, p.budget_kgs, p.area_code, p.rank",
    " ORDER BY p.budget_kgs IS NULL, p.budget_kgs DESC, p.area_code, p.rank" },
  [AIMAK_PRIORITY_SORT_STATUS] = {
    " ORDER BY s.sort, p.area_code, p.rank",
    " ORDER BY s.sort DESC, p.area_code, p.rank" },
  [AIMAK_PRIORITY_SORT_UPDATED] = {
    " ORDER BY p.updated_at, p.area_code, p.rank",
    " ORDER BY p.updated_at DESC, p.area_code, p.rank" },
};

/* Builds the query of @filter from constant fragments; @values gets the
 * parameters to bind, in order. */
static char *
build_query (const AimakPriorityFilter *filter,
             const char                *fts,
             GPtrArray                 *values,
             int                       *marker_index)
{
  GString *sql = g_string_new ("SELECT p.rowid FROM priority p");
  AimakPrioritySort sort = filter->sort;

  if ((guint) sort >= G_N_ELEMENTS (order_sql))
    sort = AIMAK_PRIORITY_SORT_RANK;
  if (sort == AIMAK_PRIORITY_SORT_AREA)
    g_string_append (sql, " JOIN area a ON a.code = p.area_code");
  else if (sort == AIMAK_PRIORITY_SORT_STATUS)
    g_string_append (sql, " LEFT JOIN status s ON s.code = p.status");
  g_string_append (sql, " WHERE p.deleted_at IS NULL");

  *marker_index = 0;
  if (fts)
    {
      g_string_append (sql, " AND p.rowid IN (SELECT rowid FROM priority_fts "
                            "WHERE priority_fts MATCH ?)");
      g_ptr_array_add (values, (gpointer) fts);
    }
  if (filter->area_code)
    {
      g_string_append (sql, " AND p.area_code IN (WITH RECURSIVE t(code) AS (SELECT ? "
                            "UNION ALL SELECT c.code FROM area c JOIN t ON c.parent_code = t.code)"
                            " SELECT code FROM t)");
      g_ptr_array_add (values, filter->area_code);
    }
  if (filter->status)
    {
      g_string_append (sql, " AND p.status = ?");
      g_ptr_array_add (values, filter->status);
    }
  if (filter->marker >= 0)
    {
      g_string_append (sql, " AND p.gender_marker = ?");
      g_ptr_array_add (values, NULL);
      *marker_index = values->len;
    }
  if (filter->target_group)
    {
      g_string_append (sql, " AND p.id IN (SELECT priority_id FROM priority_target_group "
                            "WHERE group_code = ?)");
      g_ptr_array_add (values, filter->target_group);
    }
  if (filter->sector_code)
    {
      g_string_append (sql, " AND p.sector_code = ?");
      g_ptr_array_add (values, filter->sector_code);
    }
  g_string_append (sql, order_sql[sort][filter->descending ? 1 : 0]);
  return g_string_free (sql, FALSE);
}

static gboolean
query_rowids (AimakPriorityModel *self,
              GArray             *into,
              GError            **error)
{
  g_autofree char *fts = aimak_priority_fts_query (self->filter.search);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *sql = NULL;
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;
  int marker_index;

  sql = build_query (&self->filter, fts, values, &marker_index);
  st = aimak_db_prepare (self->db, error, sql, NULL);
  if (st == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      int rc = (int) i + 1 == marker_index
               ? sqlite3_bind_int (st, (int) i + 1, self->filter.marker)
               : sqlite3_bind_text (st, (int) i + 1, g_ptr_array_index (values, i), -1,
                                    SQLITE_TRANSIENT);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL, "bind: %s",
                       sqlite3_errstr (rc));
          return FALSE;
        }
    }
  while (aimak_stmt_next (st, &local_error))
    {
      gint64 rowid = sqlite3_column_int64 (st, 0);
      g_array_append_val (into, rowid);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
count_total (AimakPriorityModel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (self->db, 0, &error,
                                 "SELECT count(*) FROM priority WHERE deleted_at IS NULL", NULL);

  if (error)
    g_warning ("Cannot count priorities: %s", error->message);
  self->total = (guint) n;
}

/* Runs the current filter and tells the views. */
static gboolean
refresh (AimakPriorityModel *self,
         GError            **error)
{
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                MAX (self->rowids->len, 64));
  guint old_len;

  if (!query_rowids (self, rowids, error))
    return FALSE;
  count_total (self);
  old_len = self->rowids->len;
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
  AimakPriorityFilter previous;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Keep the old filter until the new one has run, so a failure changes nothing. */
  previous = self->filter;
  aimak_priority_filter_init (&self->filter);
  filter_copy_into (&self->filter, filter);
  if (!refresh (self, error))
    {
      aimak_priority_filter_clear (&self->filter);
      self->filter = previous;
      return FALSE;
    }
  aimak_priority_filter_clear (&previous);
  return TRUE;
}

void
aimak_priority_model_reload (AimakPriorityModel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AIMAK_IS_PRIORITY_MODEL (self));
  if (!refresh (self, &error))
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
