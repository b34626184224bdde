/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-travel.c — applied change lists as they travel between
 * desks, in exchange packages and through the office server: read back from
 * the area_change rows, carried as JSON, and received through the same
 * checks and apply as a list read from a file (aimak_area_change_apply()).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-area-change-private.h"
#include "aimak-lang.h"
#include "aimak-problem.h"

void
aimak_area_change_batch_free (AimakAreaChangeBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->uuid);
  g_free (batch->list_name);
  g_free (batch->applied_at);
  g_clear_pointer (&batch->list, aimak_area_change_list_free);
  g_free (batch->reason);
  g_free (batch->summary);
  g_free (batch);
}

const char *
aimak_area_batch_status_label (AimakAreaBatchStatus status)
{
  switch (status)
    {
    case AIMAK_AREA_BATCH_NEW:
      return C_("merge", "New");
    case AIMAK_AREA_BATCH_UNCHANGED:
      return C_("merge", "Unchanged");
    case AIMAK_AREA_BATCH_REFUSED:
    default:
      return C_("merge", "Refused");
    }
}

guint
aimak_area_change_batches_count (GPtrArray            *batches,
                                 AimakAreaBatchStatus  status)
{
  guint n = 0;

  for (guint i = 0; batches != NULL && i < batches->len; i++)
    n += ((AimakAreaChangeBatch *) g_ptr_array_index (batches, i))->status == status;
  return n;
}

AimakAreaChangeBatch *
aimak_area_change_batch_new (const char *uuid,
                             const char *list_name,
                             const char *applied_at,
                             GPtrArray  *rows)
{
  AimakAreaChangeBatch *b = g_new0 (AimakAreaChangeBatch, 1);

  b->uuid = g_strdup (uuid);
  b->list_name = g_strdup (list_name ? list_name : "");
  b->applied_at = g_strdup (applied_at ? applied_at : "");
  b->list = g_new0 (AimakAreaChangeList, 1);
  b->list->source_name = g_strdup (b->list_name);
  b->list->batch_uuid = g_strdup (uuid);
  b->list->rows = rows ? g_ptr_array_ref (rows)
                       : g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_change_row_free);
  return b;
}

/* ---- Reading the applied batches back ---- */

static gboolean
add_row (AimakStmt  *st,
         gpointer    user_data,
         GError    **error)
{
  AimakAreaChangeList *list = user_data;
  AimakAreaChangeRow *row = g_new0 (AimakAreaChangeRow, 1);

  row->line = (guint) aimak_stmt_int (st, 0);
  row->effective_date = g_strdup (aimak_stmt_text (st, 1));
  if (!aimak_area_change_kind_from_string (aimak_stmt_text (st, 2), &row->kind))
    row->kind = AIMAK_AREA_CHANGE_MERGED_INTO;
  row->old_codes = g_strsplit (aimak_stmt_text (st, 3), ";", -1);
  row->new_code = g_strdup (aimak_stmt_text (st, 4));
  row->legal_act = g_strdup (aimak_stmt_text (st, 5));
  row->name_en = g_strdup (aimak_stmt_is_null (st, 6) ? "" : aimak_stmt_text (st, 6));
  row->name_ru = g_strdup (aimak_stmt_is_null (st, 7) ? "" : aimak_stmt_text (st, 7));
  row->name_ky = g_strdup (aimak_stmt_is_null (st, 8) ? "" : aimak_stmt_text (st, 8));
  row->parent_code = g_strdup (aimak_stmt_is_null (st, 9) ? "" : aimak_stmt_text (st, 9));
  g_ptr_array_add (list->rows, row);
  return TRUE;
}

/* The names a row gave: the new area's, or for a rename the names the area
 * had until its next rename (its current ones when there was none). */
#define NAME_SQL(col) \
  "CASE WHEN c.kind = 'renamed' THEN coalesce ((SELECT n.old_name_" col " FROM area_change n " \
  "WHERE n.kind = 'renamed' AND n.old_code = c.old_code AND n.undone = 0 AND n.id > c.id " \
  "ORDER BY n.id LIMIT 1), a.name_" col ") ELSE a.name_" col " END"

static gboolean
read_rows (AimakDb               *db,
           gint64                 batch,
           AimakAreaChangeBatch  *b,
           GError               **error)
{
  return aimak_db_foreach (db, error, add_row, b->list,
                           "SELECT c.line, c.effective_date, c.kind, "
                           "group_concat (c.old_code, ';'), c.new_code, c.legal_act, "
                           NAME_SQL ("en") ", " NAME_SQL ("ru") ", " NAME_SQL ("ky") ", "
                           "a.parent_code FROM area_change c LEFT JOIN area a "
                           "ON a.code = c.new_code WHERE c.batch = ? "
                           "GROUP BY c.line, c.kind, c.new_code, c.effective_date "
                           "ORDER BY min (c.id)", "I", batch);
}

typedef struct
{
  AimakDb   *db;
  GPtrArray *batches;
  GArray    *numbers;
} Applied;

static gboolean
add_batch (AimakStmt  *st,
           gpointer    user_data,
           GError    **error)
{
  Applied *a = user_data;
  gint64 number = aimak_stmt_int64 (st, 0);

  g_array_append_val (a->numbers, number);
  g_ptr_array_add (a->batches,
                   aimak_area_change_batch_new (aimak_stmt_is_null (st, 1) ? NULL
                                                : aimak_stmt_text (st, 1),
                                                aimak_stmt_text (st, 2), aimak_stmt_text (st, 3),
                                                NULL));
  return TRUE;
}

GPtrArray *
aimak_area_change_batches_applied (AimakDb  *db,
                                   GError  **error)
{
  g_autoptr(GPtrArray) batches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_change_batch_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  Applied a = { db, batches, numbers };

  if (!aimak_db_foreach (db, error, add_batch, &a,
                         "SELECT batch, max (batch_uuid), min (source_file), min (applied_at) "
                         "FROM area_change WHERE undone = 0 GROUP BY batch ORDER BY batch",
                         NULL))
    return NULL;
  for (guint i = 0; i < batches->len; i++)
    {
      AimakAreaChangeBatch *b = batches->pdata[i];
      gint64 number = g_array_index (numbers, gint64, i);

      if (b->uuid == NULL)
        {
          /* Applied before schema 8: it gets its identity when it first travels. */
          b->uuid = g_uuid_string_random ();
          b->list->batch_uuid = g_strdup (b->uuid);
          if (!aimak_db_exec (db, error, "UPDATE area_change SET batch_uuid = ? WHERE batch = ?",
                              "tI", b->uuid, number))
            return NULL;
        }
      if (!read_rows (db, number, b, error))
        return NULL;
    }
  return g_steal_pointer (&batches);
}

/* ---- JSON ---- */

char *
aimak_area_change_batch_rows_json (const AimakAreaChangeBatch *batch)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < batch->list->rows->len; i++)
    {
      const AimakAreaChangeRow *row = batch->list->rows->pdata[i];
      const char *const texts[][2] = {
        { "effective_date", row->effective_date },
        { "kind", aimak_area_change_kind_to_string (row->kind) },
        { "new_code", row->new_code }, { "name_en", row->name_en },
        { "name_ru", row->name_ru }, { "name_ky", row->name_ky },
        { "parent_code", row->parent_code }, { "legal_act", row->legal_act },
      };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, row->line);
      json_builder_set_member_name (b, "old_codes");
      json_builder_begin_array (b);
      for (guint k = 0; row->old_codes[k]; k++)
        json_builder_add_string_value (b, row->old_codes[k]);
      json_builder_end_array (b);
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          json_builder_set_member_name (b, texts[k][0]);
          json_builder_add_string_value (b, texts[k][1] ? texts[k][1] : "");
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static AimakAreaChangeRow *
row_from_json (JsonNode *node)
{
  g_autoptr(AimakAreaChangeRow) row = g_new0 (AimakAreaChangeRow, 1);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  const char *names[] = { "effective_date", "kind", "new_code", "name_en", "name_ru",
                          "name_ky", "parent_code", "legal_act" };
  const char *v[G_N_ELEMENTS (names)];
  JsonObject *o;
  JsonArray *old;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if ((v[k] = member_string (o, names[k])) == NULL)
      return NULL;
  if (!json_object_has_member (o, "old_codes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "old_codes")) ||
      !aimak_area_change_date_is_valid (v[0]) ||
      !aimak_area_change_kind_from_string (v[1], &row->kind))
    return NULL;
  old = json_object_get_array_member (o, "old_codes");
  for (guint k = 0; k < json_array_get_length (old); k++)
    {
      JsonNode *c = json_array_get_element (old, k);

      if (!JSON_NODE_HOLDS_VALUE (c) || json_node_get_value_type (c) != G_TYPE_STRING ||
          *json_node_get_string (c) == '\0')
        return NULL;
      g_strv_builder_add (codes, json_node_get_string (c));
    }
  if (json_array_get_length (old) == 0)
    return NULL;
  row->line = json_object_has_member (o, "line")
              ? (guint) CLAMP (json_object_get_int_member (o, "line"), 0, G_MAXINT) : 0;
  row->old_codes = g_strv_builder_end (codes);
  row->effective_date = g_strdup (v[0]);
  row->new_code = g_strdup (v[2]);
  row->name_en = g_strdup (v[3]);
  row->name_ru = g_strdup (v[4]);
  row->name_ky = g_strdup (v[5]);
  row->parent_code = g_strdup (v[6]);
  row->legal_act = g_strdup (v[7]);
  return g_steal_pointer (&row);
}

AimakAreaChangeBatch *
aimak_area_change_batch_new_from_json (const char  *uuid,
                                       const char  *list_name,
                                       const char  *applied_at,
                                       const char  *rows_json,
                                       GError     **error)
{
  g_autoptr(AimakAreaChangeBatch) b = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *rows;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid) || rows_json == NULL ||
      !json_parser_load_from_data (parser, rows_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root) ||
      json_array_get_length (json_node_get_array (root)) == 0)
    goto bad;
  b = aimak_area_change_batch_new (uuid, list_name, applied_at, NULL);
  rows = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      AimakAreaChangeRow *row = row_from_json (json_array_get_element (rows, i));

      if (row == NULL)
        goto bad;
      g_ptr_array_add (b->list->rows, row);
    }
  return g_steal_pointer (&b);
bad:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("An area change list it carries cannot be read."));
  return NULL;
}

/* ---- Receiving ---- */

static char *
area_name (AimakDb    *db,
           const char *code,
           const char *en,
           const char *ru,
           const char *ky)
{
  g_autoptr(AimakArea) a = aimak_area_get (db, code, NULL);
  const char *given = en ? aimak_lang_pick (aimak_db_get_language (db), en, ru, ky) : "";

  if (a != NULL)
    return g_strdup (aimak_area_name (a, aimak_db_get_language (db)));
  return g_strdup (*given ? given : code);
}

static char *
row_summary (AimakDb                  *db,
             const AimakAreaChangeRow *row)
{
  g_autoptr(GString) olds = g_string_new (NULL);
  g_autofree char *to = NULL;

  for (guint k = 0; row->old_codes[k]; k++)
    {
      g_autofree char *name = area_name (db, row->old_codes[k], NULL, NULL, NULL);

      g_string_append_printf (olds, "%s%s", k ? ", " : "", name);
    }
  if (row->kind == AIMAK_AREA_CHANGE_RENAMED)
    to = g_strdup (aimak_lang_pick (aimak_db_get_language (db), row->name_en, row->name_ru,
                                    row->name_ky));
  else
    to = area_name (db, row->new_code, row->name_en, row->name_ru, row->name_ky);
  switch (row->kind)
    {
    case AIMAK_AREA_CHANGE_MERGED_INTO:
      /* Translators: "Lyuksemburg merged into Kant on 2024-07-01". */
      return g_strdup_printf (_("%s merged into %s on %s"), olds->str, to, row->effective_date);
    case AIMAK_AREA_CHANGE_SPLIT_FROM:
      /* Translators: the new area, the area it split from, the date. */
      return g_strdup_printf (_("%s split from %s on %s"), to, olds->str, row->effective_date);
    case AIMAK_AREA_CHANGE_RENAMED:
      return g_strdup_printf (_("%s renamed %s on %s"), olds->str, to, row->effective_date);
    case AIMAK_AREA_CHANGE_CODE_CHANGED:
      return g_strdup_printf (_("%s became %s on %s"), olds->str, to, row->effective_date);
    case AIMAK_AREA_CHANGE_PART_TRANSFERRED:
    default:
      return g_strdup_printf (_("Part of %s transferred to %s on %s"), olds->str, to,
                              row->effective_date);
    }
}

static char *
batch_summary (AimakDb                    *db,
               const AimakAreaChangeBatch *b)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < b->list->rows->len; i++)
    {
      g_autofree char *line = row_summary (db, b->list->rows->pdata[i]);

      g_string_append_printf (s, "%s%s", i ? "; " : "", line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The same changes applied here under another identity (both desks applied
 * the same official list from its file). */
static gboolean
same_changes_here (AimakDb                    *db,
                   const AimakAreaChangeBatch *b)
{
  for (guint i = 0; i < b->list->rows->len; i++)
    {
      const AimakAreaChangeRow *row = b->list->rows->pdata[i];

      for (guint k = 0; row->old_codes[k]; k++)
        if (aimak_db_query_int (db, 0, NULL,
                                "SELECT count(*) FROM area_change WHERE undone = 0 AND "
                                "kind = ? AND old_code = ? AND new_code = ? AND "
                                "effective_date = ?", "tttt",
                                aimak_area_change_kind_to_string (row->kind), row->old_codes[k],
                                row->kind == AIMAK_AREA_CHANGE_RENAMED ? row->old_codes[k]
                                                                        : row->new_code,
                                row->effective_date) == 0)
          return FALSE;
    }
  return TRUE;
}

static gboolean
classify (AimakDb               *db,
          AimakAreaChangeBatch  *b,
          GError               **error)
{
  gint64 applied, undone;

  if (!aimak_db_query_count (db, &applied, error,
                             "SELECT count(*) FROM area_change WHERE batch_uuid = ? "
                             "AND undone = 0", "t", b->uuid) ||
      /* Undone here by hand; a batch whose receive was undone may come again. */
      !aimak_db_query_count (db, &undone, error,
                             "SELECT count(*) FROM area_change c WHERE "
                             "batch_uuid = ? AND undone = 1 AND NOT coalesce ("
                             "(SELECT r.undone FROM package_receipt r "
                             "WHERE r.id = c.receipt_id), 0)", "t", b->uuid))
    return FALSE;
  if (applied > 0 || (undone == 0 && same_changes_here (db, b)))
    b->status = AIMAK_AREA_BATCH_UNCHANGED;
  else if (undone > 0)
    {
      b->status = AIMAK_AREA_BATCH_REFUSED;
      b->reason = g_strdup (_("These changes were undone on this desk, so they are not "
                              "applied again."));
    }
  else
    b->status = AIMAK_AREA_BATCH_NEW;
  return TRUE;
}

static gboolean
receive_one (AimakDb               *db,
             AimakAreaChangeBatch  *b,
             gint64                 receipt_id,
             gboolean               from_server,
             GError               **error)
{
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *joined = NULL;

  g_clear_pointer (&b->reason, g_free);
  g_free (b->summary);
  b->summary = batch_summary (db, b);
  if (!classify (db, b, error))
    return FALSE;
  if (b->status != AIMAK_AREA_BATCH_NEW)
    return TRUE;
  if (aimak_area_change_apply (db, b->list, problems, &local_error) > 0)
    return aimak_db_exec (db, error, "UPDATE area_change SET receipt_id = nullif (?, 0), "
                          "from_server = ? WHERE batch_uuid = ? AND undone = 0", "Ibt",
                          receipt_id, from_server, b->uuid);
  if (!g_error_matches (local_error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  b->status = AIMAK_AREA_BATCH_REFUSED;
  joined = aimak_problem_list_join (problems);
  if (joined != NULL)
    g_strdelimit (joined, "\n", ' ');
  b->reason = g_strdup_printf (_("It contradicts this desk’s list of areas: %s"),
                               joined ? joined : local_error->message);
  return TRUE;
}

gboolean
aimak_area_change_batches_receive (AimakDb    *db,
                                   GPtrArray  *batches,
                                   gint64      receipt_id,
                                   gboolean    from_server,
                                   GError    **error)
{
  g_return_val_if_fail (aimak_db_in_transaction (db), FALSE);
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    if (!receive_one (db, batches->pdata[i], receipt_id, from_server, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_number (AimakStmt  *st,
            gpointer    user_data,
            GError    **error)
{
  gint64 n = aimak_stmt_int64 (st, 0);

  g_array_append_val ((GArray *) user_data, n);
  return TRUE;
}

gboolean
aimak_area_change_undo_receipt (AimakDb  *db,
                                gint64    receipt_id,
                                GError  **error)
{
  g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!aimak_db_foreach (db, error, add_number, batches,
                         "SELECT DISTINCT batch FROM area_change WHERE receipt_id = ? "
                         "AND undone = 0 ORDER BY batch DESC", "I", receipt_id))
    return FALSE;
  for (guint i = 0; i < batches->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!aimak_area_change_undo (db, g_array_index (batches, gint64, i), &local_error))
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                       _("The area changes this receive brought cannot be undone: %s"),
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}
