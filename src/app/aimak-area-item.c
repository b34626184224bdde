/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-item.c — an area row for the Areas tree and area pickers. */
#include "config.h"

#include "aimak-area-item.h"
#include "aimak-props.h"

struct _AimakAreaItem
{
  GObject   parent_instance;
  char     *code;
  char     *name;
  char     *subtitle;
  int       level;
  gboolean  is_pilot;
  char     *valid_to;
};

G_DEFINE_FINAL_TYPE (AimakAreaItem, aimak_area_item, G_TYPE_OBJECT)

static const AimakProp item_props[] = {
  AIMAK_PROP_STRING ("code", AimakAreaItem, code),
  AIMAK_PROP_STRING ("name", AimakAreaItem, name),
  AIMAK_PROP_STRING ("subtitle", AimakAreaItem, subtitle),
  AIMAK_PROP_NUMBER ("level", G_TYPE_INT, AimakAreaItem, level, 0, 3),
  AIMAK_PROP_BOOLEAN ("is-pilot", AimakAreaItem, is_pilot),
};

static void
aimak_area_item_finalize (GObject *object)
{
  AimakAreaItem *self = AIMAK_AREA_ITEM (object);

  aimak_props_free_strings (object, item_props, G_N_ELEMENTS (item_props));
  g_free (self->valid_to);
  G_OBJECT_CLASS (aimak_area_item_parent_class)->finalize (object);
}

static void
aimak_area_item_class_init (AimakAreaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_area_item_finalize;
  aimak_props_install (object_class, item_props, G_N_ELEMENTS (item_props));
}

static void
aimak_area_item_init (AimakAreaItem *self)
{
}

AimakAreaItem *
aimak_area_item_new (const AimakArea *area,
                     const char      *lang,
                     const char      *subtitle)
{
  AimakAreaItem *self = g_object_new (AIMAK_TYPE_AREA_ITEM, NULL);

  self->code = g_strdup (area->code);
  self->name = g_strdup (aimak_area_name ((AimakArea *) area, lang));
  self->subtitle = g_strdup (subtitle);
  self->level = area->level;
  self->is_pilot = area->is_pilot;
  self->valid_to = g_strdup (area->valid_to);
  return self;
}

const char *
aimak_area_item_get_code (AimakAreaItem *self)
{
  return self->code;
}

const char *
aimak_area_item_get_name (AimakAreaItem *self)
{
  return self->name;
}

const char *
aimak_area_item_get_subtitle (AimakAreaItem *self)
{
  return self->subtitle;
}

int
aimak_area_item_get_level (AimakAreaItem *self)
{
  return self->level;
}

gboolean
aimak_area_item_get_is_pilot (AimakAreaItem *self)
{
  return self->is_pilot;
}

const char *
aimak_area_item_get_valid_to (AimakAreaItem *self)
{
  return self->valid_to;
}
