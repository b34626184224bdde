/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-profile-item.c — row items of the area profile's two tables. */
#include "config.h"

#include "aimak-profile-item.h"

struct _AimakProfileItem
{
  GObject            parent_instance;
  AimakIndicatorRow *row;
  char              *area_label;
  char              *sexes;        /* aimak_indicator_sexes() of the row's indicator */
};

G_DEFINE_FINAL_TYPE (AimakProfileItem, aimak_profile_item, G_TYPE_OBJECT)

static void
aimak_profile_item_finalize (GObject *object)
{
  AimakProfileItem *self = AIMAK_PROFILE_ITEM (object);

  g_clear_pointer (&self->row, aimak_indicator_row_free);
  g_free (self->sexes);
  g_free (self->area_label);
  G_OBJECT_CLASS (aimak_profile_item_parent_class)->finalize (object);
}

static void
aimak_profile_item_class_init (AimakProfileItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aimak_profile_item_finalize;
}

static void
aimak_profile_item_init (AimakProfileItem *self)
{
}

AimakProfileItem *
aimak_profile_item_new (AimakIndicatorRow *row,
                        const char        *area_label,
                        AimakDb           *db,
                        GHashTable        *sexes_cache)
{
  AimakProfileItem *item = g_object_new (AIMAK_TYPE_PROFILE_ITEM, NULL);
  const char *sexes = g_hash_table_lookup (sexes_cache, row->indicator_code);

  if (sexes == NULL)
    {
      sexes = aimak_indicator_sexes (db, row->indicator_code);
      g_hash_table_insert (sexes_cache, g_strdup (row->indicator_code), (char *) sexes);
    }
  item->row = row;
  item->area_label = g_strdup (area_label);
  item->sexes = g_strdup (sexes);
  return item;
}

AimakIndicatorRow *
aimak_profile_item_get_row (AimakProfileItem *self)
{
  g_return_val_if_fail (AIMAK_IS_PROFILE_ITEM (self), NULL);
  return self->row;
}

const char *
aimak_profile_item_get_area_label (AimakProfileItem *self)
{
  g_return_val_if_fail (AIMAK_IS_PROFILE_ITEM (self), NULL);
  return self->area_label;
}

const char *
aimak_profile_item_get_sexes (AimakProfileItem *self)
{
  g_return_val_if_fail (AIMAK_IS_PROFILE_ITEM (self), NULL);
  return self->sexes;
}
