/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-code-list.h — every code list (statuses, sectors, target groups,
 * funding sources, GCM objectives, SDG targets, checklist items, gender
 * markers, participant roles, activity types) as a GListModel of
 * AimakCodeItem, named in the database's language. Dropdowns declare one in
 * their .ui and call aimak_code_list_load(); the export, the Summary and the
 * validators read the same lists through it, so no code-list SQL lives
 * anywhere else.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_CODE_LIST_ERROR (aimak_code_list_error_quark ())

typedef enum
{
  AIMAK_CODE_LIST_ERROR_UNKNOWN_LIST,
} AimakCodeListError;

#define AIMAK_TYPE_CODE_ITEM (aimak_code_item_get_type ())
G_DECLARE_FINAL_TYPE (AimakCodeItem, aimak_code_item, AIMAK, CODE_ITEM, GObject)

#define AIMAK_TYPE_CODE_LIST (aimak_code_list_get_type ())
G_DECLARE_FINAL_TYPE (AimakCodeList, aimak_code_list, AIMAK, CODE_LIST, GObject)

GQuark         aimak_code_list_error_quark     (void);

/* The list names: "status", "sector", "target_group", "funding_source",
 * "gcm_objective", "sdg_target", "checklist_item", "gender_marker", "role",
 * "activity_type". NULL-terminated. */
const char * const *aimak_code_list_names      (void);

const char    *aimak_code_item_get_code        (AimakCodeItem *item);
const char    *aimak_code_item_get_name        (AimakCodeItem *item);
/* "CODE — name" for lists whose codes readers know (GCM, SDG), else the name. */
const char    *aimak_code_item_get_label       (AimakCodeItem *item);
const char    *aimak_code_item_get_description (AimakCodeItem *item);

/* An empty list of @name; aimak_code_list_load() fills it. */
AimakCodeList *aimak_code_list_new             (const char    *name);
/* A list of @name loaded from @db; NULL with @error for an unknown name or a
 * database error. */
AimakCodeList *aimak_code_list_new_loaded      (AimakDb       *db,
                                                const char    *name,
                                                GError       **error);
/* (Re)reads the list from @db in the database's language, in the list's
 * order; on error the list keeps its items. Emits items-changed. */
gboolean       aimak_code_list_load            (AimakCodeList *self,
                                                AimakDb       *db,
                                                GError       **error);
const char    *aimak_code_list_get_name        (AimakCodeList *self);
/* With an "all label" the first item has an empty code and that name: the
 * "All statuses" entry of a filter. */
void           aimak_code_list_set_all_label   (AimakCodeList *self,
                                                const char    *label);
const char    *aimak_code_list_get_all_label   (AimakCodeList *self);
/* The position of @code, or G_MAXUINT when it is not in the list. */
guint          aimak_code_list_find            (AimakCodeList *self,
                                                const char    *code);
/* The code at @position, or NULL past the end. */
const char    *aimak_code_list_get_code        (AimakCodeList *self,
                                                guint          position);
/* The name of @code, or @code itself when it is not in the list. */
const char    *aimak_code_list_name_for        (AimakCodeList *self,
                                                const char    *code);

/* A label that the program, not the database, gives a code (statuses,
 * indicator units): tables of these stay with their module. */
typedef struct
{
  const char *code;
  const char *label; /* N_() */
} AimakCodeLabel;

/* The untranslated label (msgid) of @code in @labels, NULL when it is not there. */
const char    *aimak_code_label_msgid          (const AimakCodeLabel *labels,
                                                gsize                 n_labels,
                                                const char           *code);
/* The translated label of @code in @labels, or @code itself ("" for NULL)
 * when it is not there. */
const char    *aimak_code_label_lookup         (const AimakCodeLabel *labels,
                                                gsize                 n_labels,
                                                const char           *code);

/* TRUE when @code is in list @name of @db (for validators). */
gboolean       aimak_code_list_contains        (AimakDb       *db,
                                                const char    *name,
                                                const char    *code,
                                                GError       **error);

G_END_DECLS
