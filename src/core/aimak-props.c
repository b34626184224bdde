/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-props.c — see aimak-props.h. */
#include "config.h"

#include "aimak-props.h"

typedef struct
{
  const AimakProp *props;
  guint            n_props;
} PropTable;

static GQuark
table_quark (void)
{
  return g_quark_from_static_string ("aimak-props-table");
}

static void
aimak_props_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  const PropTable *table = g_type_get_qdata (pspec->owner_type, table_quark ());
  const AimakProp *prop;
  gconstpointer member;

  if (table == NULL || prop_id == 0 || prop_id > table->n_props)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  prop = &table->props[prop_id - 1];
  if (prop->get)
    {
      prop->get (object, value);
      return;
    }
  member = G_STRUCT_MEMBER_P (object, prop->offset);
  switch (prop->type)
    {
    case G_TYPE_STRING: g_value_set_string (value, *(char * const *) member); break;
    case G_TYPE_INT: g_value_set_int (value, *(const int *) member); break;
    case G_TYPE_UINT: g_value_set_uint (value, *(const guint *) member); break;
    case G_TYPE_DOUBLE: g_value_set_double (value, *(const double *) member); break;
    case G_TYPE_BOOLEAN: g_value_set_boolean (value, *(const gboolean *) member); break;
    default: g_assert_not_reached ();
    }
}

static GParamSpec *
prop_spec (const AimakProp *prop)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  gboolean whole = prop->minimum == 0 && prop->maximum == 0;

  switch (prop->type)
    {
    case G_TYPE_STRING:
      return g_param_spec_string (prop->name, NULL, NULL, NULL, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (prop->name, NULL, NULL, FALSE, flags);
    case G_TYPE_INT:
      return g_param_spec_int (prop->name, NULL, NULL, whole ? G_MININT : (int) prop->minimum,
                               whole ? G_MAXINT : (int) prop->maximum, 0, flags);
    case G_TYPE_UINT:
      return g_param_spec_uint (prop->name, NULL, NULL, whole ? 0 : (guint) prop->minimum,
                                whole ? G_MAXUINT : (guint) prop->maximum, 0, flags);
    case G_TYPE_DOUBLE:
      /* The default is 0 even where NaN (no value) is a valid value. */
      return g_param_spec_double (prop->name, NULL, NULL, whole ? -G_MAXDOUBLE : prop->minimum,
                                  whole ? G_MAXDOUBLE : prop->maximum, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
aimak_props_install (GObjectClass    *klass,
                     const AimakProp *props,
                     guint            n_props)
{
  PropTable *table = g_new (PropTable, 1);

  table->props = props;
  table->n_props = n_props;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), table_quark (), table);
  klass->get_property = aimak_props_get_property;
  for (guint i = 0; i < n_props; i++)
    g_object_class_install_property (klass, i + 1, prop_spec (&props[i]));
}

void
aimak_props_free_strings (gpointer         object,
                          const AimakProp *props,
                          guint            n_props)
{
  for (guint i = 0; i < n_props; i++)
    if (props[i].type == G_TYPE_STRING && props[i].get == NULL)
      g_clear_pointer ((char **) G_STRUCT_MEMBER_P (object, props[i].offset), g_free);
}
