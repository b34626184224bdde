/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-private.h — what the parts of the activity module share
 * (the record, its validation, its writes, the field table, the register). */
#pragma once

#include "aimak-field.h"
#include "aimak-activity.h"

G_BEGIN_DECLS

#define AIMAK_ACTIVITY_ENTITY "activity"

/* The linked priorities' ids sorted and joined by ",": the change log's text. */
char     *_aimak_activity_priorities_text   (const GPtrArray *ids);
/* AimakFieldChange "women.<role>" and "men.<role>" for every role whose count
 * differs between @old_record and @new_record (AimakActivity *). */
void      _aimak_activity_participants_diff (gconstpointer    old_record,
                                             gconstpointer    new_record,
                                             GPtrArray       *changes);

/* Refuses (AIMAK_ACTIVITY_ERROR_INVALID, the problems' messages) an activity
 * that validate() finds problems in. */
gboolean  _aimak_activity_check_valid       (const AimakActivity *a,
                                             GError             **error);

/* Test hooks. */
/* Writes the differences from the stored record, one change_log row per changed
 * field ("women.<role>", "men.<role>", "priorities" as comma-joined ids). Refuses
 * invalid data like create(). Updates a->updated_at. */
gboolean        aimak_activity_update            (AimakDb             *db,
                                                  AimakActivity       *a,
                                                  GError             **error);

G_END_DECLS
