/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package-private.h — what the package writer and receiver share:
 * the entities that travel, generic record reading, statement helpers. */
#pragma once

#include <json-glib/json-glib.h>
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
/* Sets the error that the package being received is damaged (@detail says
 * how); returns FALSE. */
gboolean          _aimak_package_damaged         (GError                 **error,
                                                  const char              *detail);
/* Sets @r's fields from @json (a package's or the server's fields): FALSE
 * unless it is an object whose members are all strings. */
gboolean          _aimak_package_record_set_fields (AimakMergeRecord      *r,
                                                    const char            *json);
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
guint32           _aimak_package_file_application_id (const char          *path);

/* Stores @r (insert or update) with its revision, base and children; a
 * deleted @r gets @deleted_at when not NULL, else its changed_at. Shared with
 * the office server's sync, which stores records as a package does. */
gboolean          _aimak_package_store_record    (AimakDb                 *db,
                                                  const EntityDef         *def,
                                                  GPtrArray               *columns,
                                                  const AimakMergeRecord  *r,
                                                  const char              *deleted_at,
                                                  GError                 **error);

/* aimak-package-receipt.c: the package_receipt row of a receive, and the
 * before-image (@mine, NULL when new) of each record it writes as @result. */
gboolean          _aimak_package_receipt_begin   (AimakDb                 *db,
                                                  AimakPackagePreview     *preview,
                                                  gint64                  *receipt_id,
                                                  GError                 **error);
gboolean          _aimak_package_receipt_before  (AimakDb                 *db,
                                                  gint64                   receipt_id,
                                                  const EntityDef         *def,
                                                  const AimakMergeRecord  *mine,
                                                  const AimakMergeRecord  *result,
                                                  GError                 **error);

/* aimak-package-areas.c: the area changes a package carries. */
extern const char _aimak_package_areas_schema[];
/* Writes every change list applied in @db to @out; sets @m's count and
 * area-change checksum. */
gboolean          _aimak_package_areas_write     (AimakDb                 *db,
                                                  sqlite3                 *out,
                                                  AimakPackageManifest    *m,
                                                  GError                 **error);
/* Reads them back (AimakAreaChangeBatch *), checked against @m: none when @m
 * has no area-change checksum (an older package). */
gboolean          _aimak_package_areas_read      (sqlite3                 *pkg,
                                                  const AimakPackageManifest *m,
                                                  GPtrArray              **batches_out,
                                                  GError                 **error);

G_END_DECLS
