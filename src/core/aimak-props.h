/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-props.h — read-only GObject properties described by a table: a list
 * row class (a priority row, an activity row, a code item, an area item) lists
 * its properties once, each read straight from a member of the instance or
 * computed by a small function, instead of an enum, a switch and a
 * g_param_spec_*() call per property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef void (*AimakPropGetFunc) (GObject *object,
                                  GValue  *value);

typedef struct
{
  const char      *name;     /* the property's name */
  GType            type;     /* G_TYPE_STRING, _INT, _UINT, _DOUBLE or _BOOLEAN */
  gsize            offset;   /* of the member of the instance that holds it */
  AimakPropGetFunc get;      /* when set, computes the value; @offset is not used */
  double           minimum;  /* numbers: the range; both 0 means the type's whole range */
  double           maximum;
} AimakProp;

#define AIMAK_PROP_STRING(name, type, member) \
  { name, G_TYPE_STRING, G_STRUCT_OFFSET (type, member), NULL, 0, 0 }
#define AIMAK_PROP_BOOLEAN(name, type, member) \
  { name, G_TYPE_BOOLEAN, G_STRUCT_OFFSET (type, member), NULL, 0, 0 }
#define AIMAK_PROP_NUMBER(name, gtype, type, member, min, max) \
  { name, gtype, G_STRUCT_OFFSET (type, member), NULL, min, max }

/* Installs @props (which must outlive the class) as the read-only properties
 * 1 to @n_props of @klass and makes aimak_props_get_property() its
 * get_property. */
void aimak_props_install      (GObjectClass    *klass,
                               const AimakProp *props,
                               guint            n_props);

/* Frees the string members of @object that @props name. */
void aimak_props_free_strings (gpointer         object,
                               const AimakProp *props,
                               guint            n_props);

G_END_DECLS
