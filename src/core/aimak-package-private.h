/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-private.h — what the package writer and receiver share:
 * the entities that travel, generic record reading, statement helpers. */
#pragma once

#include <sqlite3.h>

#include "aimak-package.h"

G_BEGIN_DECLS

/* A child table of a record, carried as one canonical JSON field. ?1 is the
 * record's id; ?2 the JSON for insert_sql. */
typedef struct
{
  const char *name;
  const char *read_sql;
  const char *delete_sql;
  const char *insert_sql;
} ChildDef;

typedef struct
{
  const char     *entity;     /* the name in packages */
  const char     *table;
  const char     *id_column;  /* the UUID column */
  const char     *where;      /* extra condition for the records that travel */
  const ChildDef *children;
} EntityDef;

extern const EntityDef aimak_package_entities[];

const EntityDef  *_aimak_package_entity          (const char              *entity);
gboolean          _aimak_package_sqlite_fail     (sqlite3                 *handle,
                                                  int                      rc,
                                                  GError                 **error);
sqlite3_stmt     *_aimak_package_prepare         (sqlite3                 *handle,
                                                  const char              *sql,
                                                  GPtrArray               *values,
                                                  GError                 **error);
gboolean          _aimak_package_exec            (sqlite3                 *handle,
                                                  const char              *sql,
                                                  GPtrArray               *values,
                                                  GError                 **error);
GPtrArray        *_aimak_package_field_columns   (AimakDb                 *db,
                                                  const EntityDef         *def,
                                                  GError                 **error);
AimakMergeRecord *_aimak_package_load_record     (AimakDb                 *db,
                                                  const EntityDef         *def,
                                                  GPtrArray               *columns,
                                                  const char              *uuid,
                                                  GError                 **error);
char             *_aimak_package_fields_json     (const AimakMergeRecord  *r);
void              _aimak_package_checksum_add    (GChecksum               *sum,
                                                  const AimakMergeRecord  *r,
                                                  const char              *fields_json);

/* Reads every record of the open package @pkg in canonical order (entities in
 * the order of aimak_package_entities, unknown ones last, then by UUID),
 * computing their checksum. @records_out (may be NULL) gets the records
 * (AimakMergeRecord *). A record whose fields are not a JSON object of
 * strings is AIMAK_PACKAGE_ERROR_DAMAGED. */
gboolean          _aimak_package_read_checksum   (sqlite3                 *pkg,
                                                  char                   **checksum_out,
                                                  GPtrArray              **records_out,
                                                  GError                 **error);
/* Stores @r (its revision and base as they are) with its child rows, as
 * applying a package does; shared with the office server's sync. */
gboolean          _aimak_package_store_record    (AimakDb                 *db,
                                                  const EntityDef         *def,
                                                  GPtrArray               *columns,
                                                  const AimakMergeRecord  *r,
                                                  GError                 **error);
guint32           _aimak_package_file_application_id (const char          *path);

G_END_DECLS
