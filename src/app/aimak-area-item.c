/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-item.c — an area row for the Areas tree and area pickers. */
#include "config.h"

#include "aimak-area-item.h"

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

enum { PROP_0, PROP_CODE, PROP_NAME, PROP_SUBTITLE, PROP_LEVEL, PROP_IS_PILOT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
aimak_area_item_finalize (GObject *object)
{
  AimakAreaItem *self = AIMAK_AREA_ITEM (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->subtitle);
  g_free (self->valid_to);
  G_OBJECT_CLASS (aimak_area_item_parent_class)->finalize (object);
}

static void
aimak_area_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AimakAreaItem *self = AIMAK_AREA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_LEVEL: g_value_set_int (value, self->level); break;
    case PROP_IS_PILOT: g_value_set_boolean (value, self->is_pilot); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_area_item_class_init (AimakAreaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_area_item_finalize;
  object_class->get_property = aimak_area_item_get_property;
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] = g_param_spec_int ("level", NULL, NULL, 0, 3, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_PILOT] = g_param_spec_boolean ("is-pilot", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
