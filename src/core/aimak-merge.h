/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-merge.h — the one merge engine that exchange packages and the office
 * server share (DESIGN.md, "Data that travels"). Given a desk's own version of
 * a record and an incoming one, it says what applying the incoming one would
 * do — New, Unchanged, Updated, Conflict or Rejected — and, for a conflict,
 * which fields differ. It knows records only as field id → text maps with
 * their identity (UUID, revision, base revision, deletion), so priorities,
 * activities and indicator values all go through it alike. It writes nothing.
 *
 * Revisions: a record's revision goes up by one at every change on any desk.
 * Each desk keeps, per record, the base revision: the revision both sides had
 * when it last sent or received that record. A local record changed since then
 * has revision > base. An incoming revision at or below the base is one this
 * desk has already seen (a package sent twice or received out of order), so
 * applying packages is idempotent.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AIMAK_MERGE_NEW,        /* not here yet: it will be added */
  AIMAK_MERGE_UNCHANGED,  /* the same, or already seen: nothing to do */
  AIMAK_MERGE_UPDATED,    /* changed there only: theirs replaces mine */
  AIMAK_MERGE_CONFLICT,   /* changed on both sides since the base: the user decides */
  AIMAK_MERGE_REJECTED,   /* cannot be applied (see reason) */
} AimakMergeKind;

typedef enum
{
  AIMAK_MERGE_KEEP_MINE,
  AIMAK_MERGE_TAKE_THEIRS,
} AimakMergeChoice;

typedef struct
{
  char       *uuid;
  char       *entity;      /* "priority", "activity", "indicator_value" */
  char       *area_code;
  gint64      revision;    /* ≥ 1 */
  gint64      base;        /* mine only: the revision at the last exchange; 0 = never */
  char       *origin;      /* desk UUID of the desk that created it */
  char       *changed_by;  /* desk UUID of the last change */
  char       *changed_at;  /* ISO 8601 UTC */
  gboolean    deleted;     /* a tombstone: deletions travel, never absence */
  GHashTable *fields;      /* field id → value as text ("" for empty) */
} AimakMergeRecord;

/* A field that differs; its texts live in the struct's own block. */
typedef struct
{
  char             *field;
  char             *mine;    /* NULL when mine lacks the field or is deleted */
  char             *theirs;
  AimakMergeChoice  choice;  /* per field, for a conflict; default keep mine */
} AimakMergeField;

typedef struct
{
  AimakMergeKind    kind;
  AimakMergeRecord *mine;    /* NULL for New (and for some Rejected) */
  AimakMergeRecord *theirs;
  char             *reason;  /* translated, for Rejected */
  GPtrArray        *fields;  /* AimakMergeField *, the fields that differ (Updated, Conflict) */
} AimakMergeItem;

AimakMergeRecord *aimak_merge_record_new      (const char             *entity,
                                               const char             *uuid,
                                               const char             *area_code,
                                               gint64                  revision);
void              aimak_merge_record_set      (AimakMergeRecord       *record,
                                               const char             *field,
                                               const char             *value);
const char       *aimak_merge_record_get      (const AimakMergeRecord *record,
                                               const char             *field);
AimakMergeRecord *aimak_merge_record_copy     (const AimakMergeRecord *record);
void              aimak_merge_record_free     (AimakMergeRecord       *record);
/* TRUE when both have the same deletion state and the same fields and values. */
gboolean          aimak_merge_record_same     (const AimakMergeRecord *a,
                                               const AimakMergeRecord *b);

/* Classifies applying @theirs over @mine (NULL when this desk has no record
 * with that UUID). Takes copies of both. @reject_reason, when not NULL, makes
 * the item Rejected with that (translated) reason — the caller's own checks:
 * an unknown area, a failed validation, an area this desk may not write. */
AimakMergeItem   *aimak_merge_classify        (const AimakMergeRecord *mine,
                                               const AimakMergeRecord *theirs,
                                               const char             *reject_reason);
void              aimak_merge_item_free       (AimakMergeItem         *item);
/* Sets every field's choice of a conflict (keep mine / take theirs). */
void              aimak_merge_item_choose_all (AimakMergeItem         *item,
                                               AimakMergeChoice        choice);
/* Sets one field's choice; FALSE when @field is not among the differing ones. */
gboolean          aimak_merge_item_choose     (AimakMergeItem         *item,
                                               const char             *field,
                                               AimakMergeChoice        choice);
/* The record to store after applying @item as resolved, or NULL when nothing
 * changes (Unchanged, Rejected, or a conflict resolved wholly as mine, which
 * still gets a new revision so that the other side sees it: see the result's
 * revision). For a conflict the result has revision max (mine, theirs) + 1
 * when any field keeps mine, else theirs' revision; its base is theirs'
 * revision. A deletion conflict resolved as theirs deletes; as mine keeps. */
AimakMergeRecord *aimak_merge_item_result     (const AimakMergeItem   *item);

const char       *aimak_merge_kind_to_string  (AimakMergeKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakMergeRecord, aimak_merge_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakMergeItem, aimak_merge_item_free)

G_END_DECLS
