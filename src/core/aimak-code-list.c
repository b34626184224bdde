/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-code-list.c — see aimak-code-list.h. The list names map to fixed SQL
 * below; a name never becomes part of SQL text. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-code-list.h"
#include "aimak-props.h"

struct _AimakCodeItem
{
  GObject  parent_instance;
  char    *code;
  char    *name;
  char    *label;
  char    *description;
  int      sort;
};

G_DEFINE_FINAL_TYPE (AimakCodeItem, aimak_code_item, G_TYPE_OBJECT)

#define ITEM_STRING(name, member) AIMAK_PROP_STRING (name, AimakCodeItem, member)

static const AimakProp item_props[] = {
  ITEM_STRING ("code", code),
  ITEM_STRING ("name", name),
  ITEM_STRING ("label", label),
  ITEM_STRING ("description", description),
  AIMAK_PROP_NUMBER ("sort", G_TYPE_INT, AimakCodeItem, sort, 0, 0),
};

static void
aimak_code_item_finalize (GObject *object)
{
  aimak_props_free_strings (object, item_props, G_N_ELEMENTS (item_props));
  G_OBJECT_CLASS (aimak_code_item_parent_class)->finalize (object);
}

static void
aimak_code_item_class_init (AimakCodeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_code_item_finalize;
  aimak_props_install (object_class, item_props, G_N_ELEMENTS (item_props));
}

static void
aimak_code_item_init (AimakCodeItem *self)
{
}

static AimakCodeItem *
code_item_new (const char *code,
               const char *name,
               const char *description,
               int         sort,
               gboolean    code_in_label)
{
  AimakCodeItem *item = g_object_new (AIMAK_TYPE_CODE_ITEM, NULL);

  item->code = g_strdup (code);
  item->name = g_strdup (name);
  item->description = g_strdup (description ? description : "");
  item->sort = sort;
  /* An em dash, as the workbook writes "5.5 — Women's participation…". */
  item->label = code_in_label ? g_strdup_printf ("%s — %s", code, name) : g_strdup (name);
  return item;
}

const char *
aimak_code_item_get_code (AimakCodeItem *item)
{
  g_return_val_if_fail (AIMAK_IS_CODE_ITEM (item), NULL);
  return item->code;
}

const char *
aimak_code_item_get_name (AimakCodeItem *item)
{
  g_return_val_if_fail (AIMAK_IS_CODE_ITEM (item), NULL);
  return item->name;
}

const char *
aimak_code_item_get_label (AimakCodeItem *item)
{
  g_return_val_if_fail (AIMAK_IS_CODE_ITEM (item), NULL);
  return item->label;
}

const char *
aimak_code_item_get_description (AimakCodeItem *item)
{
  g_return_val_if_fail (AIMAK_IS_CODE_ITEM (item), NULL);
  return item->description;
}

/* ---- The lists ---- */

typedef struct
{
  const char *name;
  const char *select;        /* code, name, description, sort; in the list's order */
  const char *contains;      /* count(*) of rows with code = ?1 */
  gboolean    code_in_label;
} ListDef;

#define SIMPLE_LIST(table, in_label) \
  { table, "SELECT code, aimak_name (name_en, name_ru, name_ky), '', sort FROM " table \
           " ORDER BY sort, code", \
    "SELECT count(*) FROM " table " WHERE code = ?", in_label }

static const ListDef lists[] = {
  SIMPLE_LIST ("status", FALSE),
  SIMPLE_LIST ("sector", FALSE),
  SIMPLE_LIST ("target_group", FALSE),
  SIMPLE_LIST ("funding_source", FALSE),
  SIMPLE_LIST ("gcm_objective", TRUE),
  SIMPLE_LIST ("sdg_target", TRUE),
  SIMPLE_LIST ("checklist_item", FALSE),
  SIMPLE_LIST ("role", FALSE),
  SIMPLE_LIST ("activity_type", FALSE),
  { "gender_marker",
    "SELECT CAST (code AS TEXT), aimak_name (name_en, name_ru, name_ky), "
    "aimak_name (definition_en, definition_ru, definition_ky), code FROM gender_marker "
    "ORDER BY code",
    "SELECT count(*) FROM gender_marker WHERE CAST (code AS TEXT) = ?", FALSE },
};

static const char * const list_names[] = {
  "status", "sector", "target_group", "funding_source", "gcm_objective", "sdg_target",
  "checklist_item", "role", "activity_type", "gender_marker", NULL
};

G_DEFINE_QUARK (aimak-code-list-error-quark, aimak_code_list_error)

const char * const *
aimak_code_list_names (void)
{
  return list_names;
}

static const ListDef *
find_list (const char  *name,
           GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].name, name) == 0)
      return &lists[i];
  g_set_error (error, AIMAK_CODE_LIST_ERROR, AIMAK_CODE_LIST_ERROR_UNKNOWN_LIST,
               _("There is no code list “%s”."), name ? name : "");
  return NULL;
}

struct _AimakCodeList
{
  GObject    parent_instance;
  char      *name;
  char      *all_label;
  GPtrArray *items;   /* AimakCodeItem *, the all-item first when there is one */
};

static void aimak_code_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AimakCodeList, aimak_code_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      aimak_code_list_model_init))

enum { PROP_0, PROP_NAME, PROP_ALL_LABEL, PROP_N_ITEMS, N_PROPS };
static GParamSpec *props[N_PROPS];

static GType
model_get_item_type (GListModel *model)
{
  return AIMAK_TYPE_CODE_ITEM;
}

static guint
model_get_n_items (GListModel *model)
{
  return AIMAK_CODE_LIST (model)->items->len;
}

static gpointer
model_get_item (GListModel *model,
                guint       position)
{
  AimakCodeList *self = AIMAK_CODE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
aimak_code_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

static void
aimak_code_list_finalize (GObject *object)
{
  AimakCodeList *self = AIMAK_CODE_LIST (object);

  g_free (self->name);
  g_free (self->all_label);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (aimak_code_list_parent_class)->finalize (object);
}

static void
aimak_code_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AimakCodeList *self = AIMAK_CODE_LIST (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ALL_LABEL: g_value_set_string (value, self->all_label); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_code_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AimakCodeList *self = AIMAK_CODE_LIST (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_ALL_LABEL:
      aimak_code_list_set_all_label (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_code_list_class_init (AimakCodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aimak_code_list_finalize;
  object_class->get_property = aimak_code_list_get_property;
  object_class->set_property = aimak_code_list_set_property;
  props[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                          G_PARAM_STATIC_STRINGS);
  props[PROP_ALL_LABEL] = g_param_spec_string ("all-label", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  props[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aimak_code_list_init (AimakCodeList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

AimakCodeList *
aimak_code_list_new (const char *name)
{
  return g_object_new (AIMAK_TYPE_CODE_LIST, "name", name, NULL);
}

AimakCodeList *
aimak_code_list_new_loaded (AimakDb     *db,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(AimakCodeList) self = aimak_code_list_new (name);

  if (!aimak_code_list_load (self, db, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
aimak_code_list_get_name (AimakCodeList *self)
{
  g_return_val_if_fail (AIMAK_IS_CODE_LIST (self), NULL);
  return self->name;
}

const char *
aimak_code_list_get_all_label (AimakCodeList *self)
{
  g_return_val_if_fail (AIMAK_IS_CODE_LIST (self), NULL);
  return self->all_label;
}

static gboolean
has_all_item (AimakCodeList *self)
{
  return self->items->len > 0 &&
         *aimak_code_item_get_code (g_ptr_array_index (self->items, 0)) == '\0';
}

void
aimak_code_list_set_all_label (AimakCodeList *self,
                               const char    *label)
{
  gboolean had;

  g_return_if_fail (AIMAK_IS_CODE_LIST (self));
  if (g_strcmp0 (label, self->all_label) == 0)
    return;
  g_free (self->all_label);
  self->all_label = g_strdup (label);
  had = has_all_item (self);
  if (had)
    g_ptr_array_remove_index (self->items, 0);
  if (label != NULL)
    g_ptr_array_insert (self->items, 0, code_item_new ("", label, "", G_MININT, FALSE));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, had ? 1 : 0, label != NULL ? 1 : 0);
  if (had != (label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ALL_LABEL]);
}

typedef struct
{
  GPtrArray *items;
  gboolean   code_in_label;
} LoadData;

static gboolean
add_row (AimakStmt  *row,
         gpointer    user_data,
         GError    **error)
{
  LoadData *data = user_data;

  g_ptr_array_add (data->items, code_item_new (aimak_stmt_text (row, 0),
                                               aimak_stmt_text (row, 1),
                                               aimak_stmt_text (row, 2),
                                               aimak_stmt_int (row, 3),
                                               data->code_in_label));
  return TRUE;
}

gboolean
aimak_code_list_load (AimakCodeList *self,
                      AimakDb       *db,
                      GError       **error)
{
  const ListDef *def;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  LoadData data = { items, FALSE };
  guint removed, added;

  g_return_val_if_fail (AIMAK_IS_CODE_LIST (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  def = find_list (self->name, error);
  if (def == NULL)
    return FALSE;
  data.code_in_label = def->code_in_label;
  if (self->all_label != NULL)
    g_ptr_array_add (items, code_item_new ("", self->all_label, "", G_MININT, FALSE));
  if (!aimak_db_foreach (db, error, add_row, &data, def->select, NULL))
    return FALSE;
  removed = self->items->len;
  added = items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
  return TRUE;
}

guint
aimak_code_list_find (AimakCodeList *self,
                      const char    *code)
{
  g_return_val_if_fail (AIMAK_IS_CODE_LIST (self), G_MAXUINT);
  for (guint i = 0; code != NULL && i < self->items->len; i++)
    if (g_strcmp0 (aimak_code_item_get_code (g_ptr_array_index (self->items, i)), code) == 0)
      return i;
  return G_MAXUINT;
}

const char *
aimak_code_list_get_code (AimakCodeList *self,
                          guint          position)
{
  g_return_val_if_fail (AIMAK_IS_CODE_LIST (self), NULL);
  if (position >= self->items->len)
    return NULL;
  return aimak_code_item_get_code (g_ptr_array_index (self->items, position));
}

const char *
aimak_code_list_name_for (AimakCodeList *self,
                          const char    *code)
{
  guint pos = aimak_code_list_find (self, code);

  if (pos == G_MAXUINT)
    return code;
  return aimak_code_item_get_name (g_ptr_array_index (self->items, pos));
}

gboolean
aimak_code_list_contains (AimakDb     *db,
                          const char  *name,
                          const char  *code,
                          GError     **error)
{
  const ListDef *def = find_list (name, error);
  gint64 n;

  if (def == NULL)
    return FALSE;
  if (code == NULL)
    return FALSE;
  return aimak_db_query_count (db, &n, error, def->contains, "t", code) && n > 0;
}

const char *
aimak_code_label_msgid (const AimakCodeLabel *labels,
                        gsize                 n_labels,
                        const char           *code)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_strcmp0 (code, labels[i].code) == 0)
      return labels[i].label;
  return NULL;
}

const char *
aimak_code_label_lookup (const AimakCodeLabel *labels,
                         gsize                 n_labels,
                         const char           *code)
{
  const char *msgid = aimak_code_label_msgid (labels, n_labels, code);

  if (msgid)
    return _(msgid);
  return code ? code : "";
}
