/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-code-table.c — code lists as plain structs for the document writers. See
 * aimak-code-table.h.
 */
#include "config.h"

#include "aimak-code-list.h"
#include "aimak-code-table.h"
#include "aimak-packed.h"

/* The strings live in the same block as the struct, after it: a code never
 * changes once made, and one g_free() frees it all. */
AimakCode *
aimak_code_new (const char *code,
                const char *name,
                const char *definition)
{
  static const gsize offsets[] = {
    G_STRUCT_OFFSET (AimakCode, code),
    G_STRUCT_OFFSET (AimakCode, name),
    G_STRUCT_OFFSET (AimakCode, definition),
  };
  const char *strings[] = { code, name, definition != NULL ? definition : "" };

  g_return_val_if_fail (code != NULL && name != NULL, NULL);

  return _aimak_packed_new (sizeof (AimakCode), G_N_ELEMENTS (strings), offsets, strings);
}

void
aimak_code_free (AimakCode *c)
{
  g_free (c);
}

gboolean
aimak_code_table_load (AimakCodeTable *table,
                       AimakDb        *db,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(AimakCodeList) list = NULL;
  guint n;

  g_return_val_if_fail (table != NULL && db != NULL, FALSE);

  table->list = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_code_free);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  list = aimak_code_list_new_loaded (db, name, error);
  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *code = aimak_code_item_get_code (item);
      const char *item_name = aimak_code_item_get_name (item);
      /* Never an empty header or label: the code stands in for a missing name. */
      AimakCode *c = aimak_code_new (code, *item_name ? item_name : code,
                                     aimak_code_item_get_description (item));

      c->index = table->list->len;
      g_ptr_array_add (table->list, c);
      g_hash_table_insert (table->by_code, c->code, c);
    }
  return TRUE;
}

void
aimak_code_table_clear (AimakCodeTable *table)
{
  g_clear_pointer (&table->by_code, g_hash_table_unref);
  g_clear_pointer (&table->list, g_ptr_array_unref);
}

const char *
aimak_code_table_name (AimakCodeTable *table,
                       const char     *code)
{
  AimakCode *c;

  if (code == NULL || *code == '\0')
    return "";
  c = table->by_code ? g_hash_table_lookup (table->by_code, code) : NULL;
  return c ? c->name : code;
}

/* The lists of AimakCodeTables, by their names in aimak-code-list.h. */
static const struct
{
  gsize       offset;
  const char *name;
} table_lists[] = {
  { G_STRUCT_OFFSET (AimakCodeTables, sectors), "sector" },
  { G_STRUCT_OFFSET (AimakCodeTables, target_groups), "target_group" },
  { G_STRUCT_OFFSET (AimakCodeTables, gcm), "gcm_objective" },
  { G_STRUCT_OFFSET (AimakCodeTables, sdg), "sdg_target" },
  { G_STRUCT_OFFSET (AimakCodeTables, statuses), "status" },
  { G_STRUCT_OFFSET (AimakCodeTables, funding), "funding_source" },
  { G_STRUCT_OFFSET (AimakCodeTables, roles), "role" },
  { G_STRUCT_OFFSET (AimakCodeTables, activity_types), "activity_type" },
  { G_STRUCT_OFFSET (AimakCodeTables, checklist), "checklist_item" },
  { G_STRUCT_OFFSET (AimakCodeTables, markers), "gender_marker" },
};

gboolean
aimak_code_tables_load (AimakCodeTables *tables,
                        AimakDb         *db,
                        GError         **error)
{
  g_return_val_if_fail (tables != NULL && db != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (table_lists); i++)
    if (!aimak_code_table_load (G_STRUCT_MEMBER_P (tables, table_lists[i].offset), db,
                                table_lists[i].name, error))
      return FALSE;
  return TRUE;
}

void
aimak_code_tables_clear (AimakCodeTables *tables)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_lists); i++)
    aimak_code_table_clear (G_STRUCT_MEMBER_P (tables, table_lists[i].offset));
}

AimakCodeTable *
aimak_code_tables_find (AimakCodeTables *tables,
                        const char      *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_lists); i++)
    if (g_strcmp0 (table_lists[i].name, name) == 0)
      return G_STRUCT_MEMBER_P (tables, table_lists[i].offset);
  return NULL;
}
