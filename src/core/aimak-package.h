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
  AIMAK_PACKAGE_ERROR_UNDO,         /* a receive cannot be undone (changed since, unknown) */
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
  guint   n_area_changes;    /* applied change lists carried (0 in older packages) */
  char   *area_change_checksum; /* SHA-256 of them; NULL when the package has none */
} AimakPackageManifest;

typedef struct
{
  AimakPackageManifest *manifest;
  GPtrArray            *items;        /* AimakMergeItem *, in package order */
  guint                 counts[AIMAK_MERGE_REJECTED + 1];
  /* The change lists of areas the sender applied (AimakAreaChangeBatch *, in
   * the order it applied them), each New, Unchanged or Refused with the
   * reason: applying the package applies the New ones first. */
  GPtrArray            *area_changes;
} AimakPackagePreview;

/* One package applied here (schema 5, table package_receipt). */
typedef struct
{
  gint64    id;
  char     *checksum;         /* the manifest's content checksum */
  char     *origin_desk;      /* UUID of the sending desk */
  char     *desk_name;        /* its name as the package gave it ("" when none) */
  char    **areas;            /* the area codes the package covered */
  char     *created_at;       /* when it was written, ISO 8601 UTC */
  char     *received_at;      /* when it was applied here, ISO 8601 UTC */
  guint     n_new;
  guint     n_updated;
  guint     n_unchanged;
  guint     n_conflicts;
  guint     n_rejected;
  gboolean  undone;           /* taken back with aimak_package_undo_receive() */
} AimakPackageReceipt;

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

/* What aimak_package_write() would send for the same area: @counts gets the
 * number of priorities, activities and indicator values (deleted records
 * included: deletions travel). */
gboolean              aimak_package_count           (AimakDb              *db,
                                                     const char           *area_code,
                                                     gboolean              include_below,
                                                     guint                 counts[3],
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

/* Like aimak_package_apply(), and @receipt_id (may be NULL) gets the id of
 * the package_receipt row it recorded. Every apply records one, also when
 * nothing changed (a package received again), with the before-image of each
 * record it wrote. */
gboolean              aimak_package_apply_full      (AimakDb              *db,
                                                     AimakPackagePreview  *preview,
                                                     gboolean              conflicts_decided,
                                                     guint                *n_written,
                                                     gint64               *receipt_id,
                                                     GError              **error);

/* Every package received here, newest first (received_at, then id,
 * descending): AimakPackageReceipt *, freed with the array. With
 * @include_undone FALSE, receives that were undone are left out. */
GPtrArray            *aimak_package_list_receipts   (AimakDb              *db,
                                                     gboolean              include_undone,
                                                     GError              **error);

/* Takes back the receive @receipt_id as a whole, in one transaction: every
 * record it wrote gets its before-image back (records it added are deleted with
 * their child rows), the receipt is marked undone, and one change_log entry is
 * written. Refuses (AIMAK_PACKAGE_ERROR_UNDO, naming the record) when a record
 * was changed here, or by a later receive, after it; nothing is changed then. */
gboolean              aimak_package_undo_receive    (AimakDb              *db,
                                                     gint64                receipt_id,
                                                     GError              **error);

/* The name of desk @desk_id: from the desk table, else from the newest
 * receipt of that desk; NULL when unknown. */
char                 *aimak_package_desk_name       (AimakDb              *db,
                                                     const char           *desk_id);

/* The name of the desk a received priority came from (its origin is not this
 * desk), or NULL for this desk's own. */
char                 *aimak_package_origin_name     (AimakDb              *db,
                                                     const char           *priority_id);
/* The same for a received activity. */
char                 *aimak_package_activity_origin_name (AimakDb         *db,
                                                          const char      *activity_id);
/* Every received priority: id → the name of its origin desk. For list badges;
 * read it again when aimak_package_receive_stamp() changes (it changes with
 * every receive and undo). */
GHashTable           *aimak_package_received_priorities (AimakDb          *db,
                                                         GError          **error);
gint64                aimak_package_receive_stamp   (AimakDb              *db);

/* A one-line description of @item's record: its title, topic or indicator. */
char                 *aimak_package_item_label      (const AimakMergeItem *item);

void                  aimak_package_manifest_free   (AimakPackageManifest *manifest);
void                  aimak_package_preview_free    (AimakPackagePreview  *preview);
void                  aimak_package_receipt_free    (AimakPackageReceipt  *receipt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPackageManifest, aimak_package_manifest_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPackagePreview, aimak_package_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPackageReceipt, aimak_package_receipt_free)

G_END_DECLS
