/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-received.c — the desks a workbook names, and the Data received sheet:
 * for each area of the export and each desk that sent it exchange packages, the last
 * package (written, received), how many were received, and how many of the area's
 * records this database holds from that desk now; an area of the lowest level that
 * nothing was received for says so. Read from package_receipt (schema 5), undone
 * receipts left out. See aimak-export-private.h.
 */
#include "config.h"

#include <string.h>

#include "aimak-export-private.h"

static gboolean
add_desk (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  Export *x = user_data;
  const char *id = aimak_stmt_text (st, 0);

  /* The first name seen wins: the desk table's, then the newest package's. */
  if (id != NULL && !g_hash_table_contains (x->desks, id))
    g_hash_table_insert (x->desks, g_strdup (id), g_strdup (aimak_stmt_text (st, 1)));
  return TRUE;
}

gboolean
load_desks (Export *x)
{
  x->desks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->self_desk = aimak_db_query_text (x->db, &x->error,
                                      "SELECT id FROM desk WHERE is_self = 1", NULL);
  if (x->error != NULL)
    return FALSE;
  return aimak_db_foreach (x->db, &x->error, add_desk, x,
                           "SELECT id, name, 0, '' FROM desk WHERE name <> '' "
                           "UNION ALL SELECT origin_desk, desk_name, 1, received_at "
                           "FROM package_receipt WHERE desk_name <> '' ORDER BY 3, 4 DESC",
                           NULL);
}

const char *
desk_name (Export     *x,
           const char *uuid)
{
  const char *name;

  if (uuid == NULL || g_strcmp0 (uuid, x->self_desk) == 0)
    return aimak_export_string (x->lang, AIMAK_XS_THIS_DESK);
  name = g_hash_table_lookup (x->desks, uuid);
  if (name == NULL)
    {
      /* A desk without a name: the start of its UUID tells desks apart. */
      g_autofree char *id = g_strndup (uuid, 8);
      char *made = aimak_export_string_subst (x->lang, AIMAK_XS_DESK_UNNAMED, "id", id);

      g_hash_table_insert (x->desks, g_strdup (uuid), made);
      name = made;
    }
  return name;
}

/* ---- the Data received sheet ---- */

enum
{
  C_AREA, C_PCODE, C_DESK, C_WRITTEN, C_RECEIVED, C_N_PACKAGES, C_PRIORITIES, C_ACTIVITIES,
  C_VALUES, C_NOTE, C_N
};

/* Per area of the scope and sending desk; then the lowest-level areas of the scope
 * that no package covered, neither for themselves nor for an area above them. */
static const char received_sql[] =
  "WITH rc AS (SELECT r.id, r.origin_desk, r.created_at, r.received_at, j.value AS area "
  "  FROM package_receipt r, json_each (r.areas) j WHERE r.undone = 0), "
  "pairs AS (SELECT area, origin_desk, max (received_at) AS last, count(*) AS n FROM rc "
  "  GROUP BY area, origin_desk) "
  "SELECT p.area, p.origin_desk, "
  " (SELECT rc.created_at FROM rc WHERE rc.area = p.area AND rc.origin_desk = p.origin_desk "
  "  ORDER BY rc.received_at DESC, rc.id DESC LIMIT 1), p.last, p.n, "
  " (SELECT count(*) FROM priority WHERE area_code = p.area AND origin_desk = p.origin_desk "
  "  AND deleted_at IS NULL), "
  " (SELECT count(*) FROM activity WHERE area_code = p.area AND origin_desk = p.origin_desk "
  "  AND deleted_at IS NULL), "
  " (SELECT count(*) FROM indicator_value WHERE area_code = p.area "
  "  AND origin_desk = p.origin_desk AND deleted_at IS NULL AND is_reference = 0) "
  "FROM pairs p WHERE " IN_SCOPE ("p.area") " "
  "UNION ALL "
  "SELECT l.code, NULL, NULL, NULL, 0, 0, 0, 0 FROM area l "
  "WHERE " IN_SCOPE ("l.code") " "
  "AND NOT EXISTS (SELECT 1 FROM area c WHERE c.parent_code = l.code) "
  "AND NOT EXISTS (SELECT 1 FROM pairs q WHERE q.area IN (l.code, l.parent_code, "
  "  (SELECT g.parent_code FROM area g WHERE g.code = l.parent_code))) "
  "ORDER BY 1, 4 DESC";

typedef struct
{
  Export    *x;
  Sheet     *s;
  lxw_row_t  row;
  guint64    sums[C_N];
} Received;

/* "2026-12-02T16:59:31Z" as "2026-12-02 16:59". */
static char *
short_time (const char *iso)
{
  char *t;

  if (iso == NULL)
    return NULL;
  t = g_strndup (iso, 16);
  if (strlen (t) > 10 && t[10] == 'T')
    t[10] = ' ';
  return t;
}

static gboolean
received_row (gpointer   data,
              AimakStmt *st)
{
  Received *rv = data;
  Export *x = rv->x;
  Sheet *s = rv->s;
  const char *code = aimak_stmt_text (st, 0);
  gboolean nothing = aimak_stmt_is_null (st, 1);
  g_autofree char *written = short_time (aimak_stmt_text (st, 2));
  g_autofree char *received = short_time (aimak_stmt_text (st, 3));

  TRY (cell_string (x, s, rv->row, C_AREA, area_name (x, code), x->f_text));
  TRY (cell_string (x, s, rv->row, C_PCODE, code, x->f_text));
  if (nothing)
    TRY (cell_string (x, s, rv->row, C_NOTE,
                      aimak_export_string (x->lang, AIMAK_XS_NOTHING_RECEIVED), x->f_text));
  else
    {
      TRY (cell_string (x, s, rv->row, C_DESK, desk_name (x, aimak_stmt_text (st, 1)),
                        x->f_text));
      TRY (cell_string (x, s, rv->row, C_WRITTEN, written, x->f_text));
      TRY (cell_string (x, s, rv->row, C_RECEIVED, received, x->f_text));
    }
  /* Nothing received: no package, and no desk to hold records from. */
  for (lxw_col_t c = C_N_PACKAGES; c <= (nothing ? C_N_PACKAGES : C_VALUES); c++)
    {
      gint64 n = aimak_stmt_int64 (st, 4 + (c - C_N_PACKAGES));

      rv->sums[c] += (guint64) n;
      TRY (cell_number (x, s, rv->row, c, (double) n, x->f_count));
    }
  s->last_row = rv->row++;
  return TRUE;
}

gboolean
write_received (Export *x)
{
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_DESK, AIMAK_XS_COL_PACKAGE_WRITTEN,
    AIMAK_XS_COL_PACKAGE_RECEIVED, AIMAK_XS_COL_N_PACKAGES, AIMAK_XS_COL_HELD_PRIORITIES,
    AIMAK_XS_COL_HELD_ACTIVITIES, AIMAK_XS_COL_HELD_VALUES, AIMAK_XS_COL_NOTE,
  };
  static const AimakExportString note = AIMAK_XS_NOTE_RECEIVED;
  const char *headers[C_N];
  Received rv = { .x = x, .s = &x->sheets[SHEET_RECEIVED], .row = FIRST_DATA_ROW };
  lxw_row_t last_data;

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  rv.s->cap[C_DESK] = 30;
  TRY (sheet_title (x, rv.s, AIMAK_XS_TITLE_RECEIVED));
  TRY (sheet_headers (x, rv.s, headers, C_N, TRUE));
  TRY (sheet_rows (x, received_sql, received_row, &rv));
  if (rv.row == FIRST_DATA_ROW)
    rv.s->last_row = rv.row++;   /* no area at all: an empty row keeps the frame */
  last_data = rv.s->last_row;
  TRY (sheet_filter (x, rv.s, last_data));
  /* The totals: a SUM over the data rows of each count, then what the sheet counts. */
  TRY (cell_string (x, rv.s, last_data + 1, C_AREA,
                    aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW), x->f_total_label));
  for (lxw_col_t c = C_N_PACKAGES; c <= C_VALUES; c++)
    TRY (cell_column_sum (x, rv.s, last_data + 1, c, last_data, (double) rv.sums[c],
                          x->f_total_count));
  TRY (sheet_notes (x, rv.s, last_data + 3, C_AREA, &note, 1));
  rv.s->last_row = last_data + 3;
  return sheet_finish (x, rv.s, rv.s->last_row, C_N - 1);
}
