/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-code-table.h — code lists read once into plain structs for the document
 * writers: AimakCode (code, name, definition, order) in list order and by code, and
 * every list a document uses, as the workbook export and the programme document
 * hold them.
 */
#pragma once

#include <glib.h>

#include "aimak-db.h"

G_BEGIN_DECLS

/* A code with its name in the document language (sector, target group, GCM
 * objective, SDG target, funding source...). */
typedef struct
{
  char  *code;
  char  *name;         /* never empty when read from a list: the code stands in */
  char  *definition;   /* "" when the list gives none */
  guint  index;        /* position in its list; 0 for a code not read from one */
} AimakCode;

/* A code list: its codes in list order and by code. */
typedef struct
{
  GPtrArray  *list;      /* AimakCode *, in list order */
  GHashTable *by_code;   /* code → AimakCode * (owned by list) */
} AimakCodeTable;

/* A code named @name; @definition NULL for none (""). */
AimakCode  *aimak_code_new           (const char     *code,
                                      const char     *name,
                                      const char     *definition);
void        aimak_code_free          (AimakCode      *c);

/* Reads code list @name (see aimak_code_list_names()) of @db into @table, named
 * in the database's language. @table is set up even when this fails, so that
 * aimak_code_table_clear() frees what was read. */
gboolean    aimak_code_table_load    (AimakCodeTable *table,
                                      AimakDb        *db,
                                      const char     *name,
                                      GError        **error);
void        aimak_code_table_clear   (AimakCodeTable *table);
/* The name of @code: "" for no code, the code itself when it is not in the
 * list (a user-extended database still shows something). */
const char *aimak_code_table_name    (AimakCodeTable *table,
                                      const char     *code);

/* Every code list a document names its codes from, each in its table. */
typedef struct
{
  AimakCodeTable sectors, target_groups, gcm, sdg, statuses, funding, roles,
                 activity_types, checklist, markers;
} AimakCodeTables;

/* Reads every list into @tables with aimak_code_table_load(), stopping at the
 * first that fails; aimak_code_tables_clear() frees what was read. */
gboolean        aimak_code_tables_load  (AimakCodeTables *tables,
                                         AimakDb         *db,
                                         GError         **error);
void            aimak_code_tables_clear (AimakCodeTables *tables);
/* The table of code list @name (see aimak_code_list_names()), or NULL. */
AimakCodeTable *aimak_code_tables_find  (AimakCodeTables *tables,
                                         const char      *name);

G_END_DECLS
