/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-package.h — exchange packages: the records of one or more areas,
 * written by one desk and received by another (docs/exchange-format.md).
 *
 * A package is an SQLite file (application id "AIMP") with a manifest and one
 * row per record: priorities with their links and indicators, activities with
 * their participants, and the indicator values a desk entered itself. Records
 * are compared and applied through the merge engine (aimak-merge.h): receiving
 * first builds a preview — each record New, Unchanged, Updated, Conflict or
 * Rejected, with reasons — and nothing is written until the preview is applied,
 * in one transaction.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-merge.h"

G_BEGIN_DECLS

#define AIMAK_PACKAGE_ERROR (aimak_package_error_quark ())

typedef enum
{
  AIMAK_PACKAGE_ERROR_NOT_PACKAGE,  /* not an Aimak package at all */
  AIMAK_PACKAGE_ERROR_DAMAGED,      /* unreadable, truncated, or the checksum does not match */
  AIMAK_PACKAGE_ERROR_NEWER,        /* written in a newer format than this version reads */
  AIMAK_PACKAGE_ERROR_EXISTS,       /* the target exists (without replace) */
  AIMAK_PACKAGE_ERROR_TARGET,       /* the target must not be replaced (the database...) */
  AIMAK_PACKAGE_ERROR_NO_AREA,      /* unknown area, or nothing to send */
  AIMAK_PACKAGE_ERROR_CONFLICTS,    /* applying needs a decision on conflicts */
} AimakPackageError;

/* The format this version writes and the newest it reads. */
#define AIMAK_PACKAGE_FORMAT 1
/* "AIMP" in the SQLite header. */
#define AIMAK_PACKAGE_APPLICATION_ID 0x41494D50

typedef struct
{
  int     format;
  char   *app_version;
  char   *origin_desk;       /* UUID of the sending desk */
  char   *origin_desk_name;
  char  **areas;             /* the area codes covered */
  char   *created_at;        /* ISO 8601 UTC */
  guint   n_priorities;
  guint   n_activities;
  guint   n_values;
  char   *checksum;          /* SHA-256 of the records in canonical form */
} AimakPackageManifest;

typedef struct
{
  AimakPackageManifest *manifest;
  GPtrArray            *items;        /* AimakMergeItem *, in package order */
  guint                 counts[AIMAK_MERGE_REJECTED + 1];
} AimakPackagePreview;

GQuark                aimak_package_error_quark     (void);

/* This desk's UUID (created with the database, migration 0004). */
char                 *aimak_package_desk_id         (AimakDb              *db,
                                                     GError              **error);

/* Writes the records of @area_code (and, with @include_below, of every area
 * under it) to @path through a temporary file. Refuses the database itself,
 * any file that is not a package, and an existing package unless @replace.
 * Marks what was sent as the base for later exchanges (revision = base). */
AimakPackageManifest *aimak_package_write           (AimakDb              *db,
                                                     const char           *area_code,
                                                     gboolean              include_below,
                                                     const char           *path,
                                                     gboolean              replace,
                                                     GError              **error);

/* Reads and checks @path (format, checksum) and classifies every record
 * against @db; writes nothing. A record that could not be stored here (an
 * unknown area or code, a failed check of the database) is Rejected with the
 * reason. */
AimakPackagePreview  *aimak_package_preview         (AimakDb              *db,
                                                     const char           *path,
                                                     GError              **error);

/* Applies @preview in one transaction: New and Updated records, and conflicts
 * as their fields were chosen (aimak_merge_item_choose()). With
 * @conflicts_decided FALSE, any conflict refuses the whole package
 * (AIMAK_PACKAGE_ERROR_CONFLICTS) and nothing is written. Returns the number
 * of records written. */
gboolean              aimak_package_apply           (AimakDb              *db,
                                                     AimakPackagePreview  *preview,
                                                     gboolean              conflicts_decided,
                                                     guint                *n_written,
                                                     GError              **error);

/* A one-line description of @item's record: its title, topic or indicator. */
char                 *aimak_package_item_label      (const AimakMergeItem *item);

void                  aimak_package_manifest_free   (AimakPackageManifest *manifest);
void                  aimak_package_preview_free    (AimakPackagePreview  *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPackageManifest, aimak_package_manifest_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPackagePreview, aimak_package_preview_free)

G_END_DECLS
