/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-merge.c — see aimak-merge.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-merge.h"
#include "aimak-packed.h"

/* The pseudo-field that carries a difference in deletion in a conflict, so that
 * "deleted there, edited here" is chosen like any other field. */
#define DELETED_FIELD "deleted"

AimakMergeRecord *
aimak_merge_record_new (const char *entity,
                        const char *uuid,
                        const char *area_code,
                        gint64      revision)
{
  AimakMergeRecord *r = g_new0 (AimakMergeRecord, 1);

  r->entity = g_strdup (entity);
  r->uuid = g_strdup (uuid);
  r->area_code = g_strdup (area_code);
  r->revision = revision;
  r->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return r;
}

void
aimak_merge_record_set (AimakMergeRecord *record,
                        const char       *field,
                        const char       *value)
{
  g_return_if_fail (record != NULL && field != NULL);
  g_hash_table_replace (record->fields, g_strdup (field), g_strdup (value ? value : ""));
}

const char *
aimak_merge_record_get (const AimakMergeRecord *record,
                        const char             *field)
{
  g_return_val_if_fail (record != NULL, NULL);
  return g_hash_table_lookup (record->fields, field);
}

AimakMergeRecord *
aimak_merge_record_copy (const AimakMergeRecord *record)
{
  AimakMergeRecord *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (record == NULL)
    return NULL;
  copy = aimak_merge_record_new (record->entity, record->uuid, record->area_code,
                                 record->revision);
  copy->base = record->base;
  copy->origin = g_strdup (record->origin);
  copy->changed_by = g_strdup (record->changed_by);
  copy->changed_at = g_strdup (record->changed_at);
  copy->deleted = record->deleted;
  g_hash_table_iter_init (&iter, record->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    aimak_merge_record_set (copy, key, value);
  return copy;
}

void
aimak_merge_record_free (AimakMergeRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->entity);
  g_free (record->uuid);
  g_free (record->area_code);
  g_free (record->origin);
  g_free (record->changed_by);
  g_free (record->changed_at);
  g_hash_table_unref (record->fields);
  g_free (record);
}

/* The sorted union of both records' field ids. */
static GPtrArray *
field_union (const AimakMergeRecord *a,
             const AimakMergeRecord *b)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new ();
  const AimakMergeRecord *both[] = { a, b };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, both[i]->fields);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (seen, key))
          g_ptr_array_add (ids, key);
    }
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
differing_fields (const AimakMergeRecord *mine,
                  const AimakMergeRecord *theirs)
{
  g_autoptr(GPtrArray) ids = field_union (mine, theirs);
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *m = aimak_merge_record_get (mine, id);
      const char *t = aimak_merge_record_get (theirs, id);

      if (g_strcmp0 (m, t) != 0)
        g_ptr_array_add (out, (gpointer) id);
    }
  return out;
}

gboolean
aimak_merge_record_same (const AimakMergeRecord *a,
                         const AimakMergeRecord *b)
{
  g_autoptr(GPtrArray) diff = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  if (a->deleted != b->deleted || g_strcmp0 (a->area_code, b->area_code) != 0)
    return FALSE;
  diff = differing_fields (a, b);
  return diff->len == 0;
}

static void
add_field (AimakMergeItem *item,
           const char     *id,
           const char     *mine,
           const char     *theirs)
{
  static const gsize offsets[] = {
    G_STRUCT_OFFSET (AimakMergeField, field),
    G_STRUCT_OFFSET (AimakMergeField, mine),
    G_STRUCT_OFFSET (AimakMergeField, theirs),
  };
  const char *texts[] = { id, mine, theirs };
  AimakMergeField *f = _aimak_packed_new (sizeof (AimakMergeField), G_N_ELEMENTS (texts),
                                          offsets, texts);

  f->choice = AIMAK_MERGE_KEEP_MINE;
  g_ptr_array_add (item->fields, f);
}

static void
fill_fields (AimakMergeItem *item)
{
  g_autoptr(GPtrArray) ids = differing_fields (item->mine, item->theirs);

  if (item->mine->deleted != item->theirs->deleted)
    add_field (item, DELETED_FIELD, item->mine->deleted ? "yes" : "no",
               item->theirs->deleted ? "yes" : "no");
  if (g_strcmp0 (item->mine->area_code, item->theirs->area_code) != 0)
    add_field (item, "area_code", item->mine->area_code, item->theirs->area_code);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      add_field (item, id, aimak_merge_record_get (item->mine, id),
                 aimak_merge_record_get (item->theirs, id));
    }
}

static AimakMergeKind
classify (const AimakMergeRecord  *mine,
          const AimakMergeRecord  *theirs,
          char                   **reason)
{
  if (theirs->uuid == NULL || *theirs->uuid == '\0' || theirs->revision < 1 ||
      theirs->entity == NULL)
    {
      *reason = g_strdup (_("The record has no identity or revision: the package is damaged."));
      return AIMAK_MERGE_REJECTED;
    }
  if (mine == NULL)
    /* A tombstone of a record never seen here is stored too, so that an older
     * package received later cannot bring the record back. */
    return AIMAK_MERGE_NEW;
  if (g_strcmp0 (mine->entity, theirs->entity) != 0)
    {
      *reason = g_strdup (_("The record’s identity belongs to another kind of record here."));
      return AIMAK_MERGE_REJECTED;
    }
  if (theirs->revision <= mine->base || aimak_merge_record_same (mine, theirs))
    return AIMAK_MERGE_UNCHANGED;
  if (mine->revision <= mine->base)
    return AIMAK_MERGE_UPDATED;
  return AIMAK_MERGE_CONFLICT;
}

AimakMergeItem *
aimak_merge_classify (const AimakMergeRecord *mine,
                      const AimakMergeRecord *theirs,
                      const char             *reject_reason)
{
  AimakMergeItem *item;
  char *reason = NULL;

  g_return_val_if_fail (theirs != NULL, NULL);
  item = g_new0 (AimakMergeItem, 1);
  item->mine = aimak_merge_record_copy (mine);
  item->theirs = aimak_merge_record_copy (theirs);
  item->fields = g_ptr_array_new_with_free_func (g_free);   /* _aimak_packed_new() */
  if (reject_reason != NULL)
    {
      item->kind = AIMAK_MERGE_REJECTED;
      item->reason = g_strdup (reject_reason);
      return item;
    }
  item->kind = classify (mine, theirs, &reason);
  item->reason = reason;
  if (item->kind == AIMAK_MERGE_UPDATED || item->kind == AIMAK_MERGE_CONFLICT)
    fill_fields (item);
  return item;
}

void
aimak_merge_item_free (AimakMergeItem *item)
{
  if (item == NULL)
    return;
  aimak_merge_record_free (item->mine);
  aimak_merge_record_free (item->theirs);
  g_free (item->reason);
  g_ptr_array_unref (item->fields);
  g_free (item);
}

void
aimak_merge_item_choose_all (AimakMergeItem   *item,
                             AimakMergeChoice  choice)
{
  g_return_if_fail (item != NULL);
  for (guint i = 0; i < item->fields->len; i++)
    ((AimakMergeField *) g_ptr_array_index (item->fields, i))->choice = choice;
}

gboolean
aimak_merge_item_choose (AimakMergeItem   *item,
                         const char       *field,
                         AimakMergeChoice  choice)
{
  g_return_val_if_fail (item != NULL, FALSE);
  for (guint i = 0; i < item->fields->len; i++)
    {
      AimakMergeField *f = g_ptr_array_index (item->fields, i);

      if (g_strcmp0 (f->field, field) == 0)
        {
          f->choice = choice;
          return TRUE;
        }
    }
  return FALSE;
}

static AimakMergeRecord *
resolve_conflict (const AimakMergeItem *item)
{
  AimakMergeRecord *r = aimak_merge_record_copy (item->mine);
  gboolean any_mine = FALSE;

  for (guint i = 0; i < item->fields->len; i++)
    {
      const AimakMergeField *f = g_ptr_array_index (item->fields, i);

      if (f->choice == AIMAK_MERGE_KEEP_MINE)
        {
          any_mine = TRUE;
          continue;
        }
      if (g_str_equal (f->field, DELETED_FIELD))
        r->deleted = item->theirs->deleted;
      else if (g_str_equal (f->field, "area_code"))
        {
          g_free (r->area_code);
          r->area_code = g_strdup (item->theirs->area_code);
        }
      else if (f->theirs == NULL)
        g_hash_table_remove (r->fields, f->field);
      else
        aimak_merge_record_set (r, f->field, f->theirs);
    }
  if (any_mine)
    r->revision = MAX (item->mine->revision, item->theirs->revision) + 1;
  else
    {
      r->revision = item->theirs->revision;
      g_free (r->changed_by);
      g_free (r->changed_at);
      r->changed_by = g_strdup (item->theirs->changed_by);
      r->changed_at = g_strdup (item->theirs->changed_at);
    }
  r->base = item->theirs->revision;
  return r;
}

AimakMergeRecord *
aimak_merge_item_result (const AimakMergeItem *item)
{
  AimakMergeRecord *r;

  g_return_val_if_fail (item != NULL, NULL);
  switch (item->kind)
    {
    case AIMAK_MERGE_NEW:
    case AIMAK_MERGE_UPDATED:
      r = aimak_merge_record_copy (item->theirs);
      r->base = item->theirs->revision;
      return r;
    case AIMAK_MERGE_CONFLICT:
      return resolve_conflict (item);
    case AIMAK_MERGE_UNCHANGED:
    case AIMAK_MERGE_REJECTED:
    default:
      return NULL;
    }
}

const char *
aimak_merge_kind_to_string (AimakMergeKind kind)
{
  switch (kind)
    {
    case AIMAK_MERGE_NEW: return C_("merge", "New");
    case AIMAK_MERGE_UNCHANGED: return C_("merge", "Unchanged");
    case AIMAK_MERGE_UPDATED: return C_("merge", "Updated");
    case AIMAK_MERGE_CONFLICT: return C_("merge", "Conflict");
    case AIMAK_MERGE_REJECTED: return C_("merge", "Rejected");
    default: g_return_val_if_reached (NULL);
    }
}
