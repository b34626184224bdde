/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-private.h — what the parts of the priority module share
 * (aimak-priority.c the record, aimak-priority-validate.c the rules,
 * aimak-priority-write.c the writes and the change log, aimak-priority-fields.c
 * the field table). Never included outside src/core and tests. */
#pragma once

#include "aimak-field.h"
#include "aimak-priority.h"

G_BEGIN_DECLS

#define AIMAK_PRIORITY_ENTITY "priority"

/* The change log's text of a checklist ("item=answer,..." sorted by item) and of
 * the indicators ("name [unit] F baseline→target/actual M ...; next"). */
char     *_aimak_priority_checklist_text  (GHashTable       *checklist);
char     *_aimak_priority_indicators_text (const GPtrArray  *indicators);

/* What the database would refuse (an unknown area or code), in words. */
gboolean  _aimak_priority_check_storable    (AimakDb             *db,
                                             const AimakPriority *p,
                                             GError             **error);
/* Refuses a status past draft while aimak_priority_validate() has problems. */
gboolean  _aimak_priority_check_status_gate (const AimakPriority *p,
                                             GError             **error);

/* Test hooks. */
/* The problems of one field only (a convenience for inline messages). */
GPtrArray              *aimak_priority_validate_field   (const AimakPriority          *p,
                                                         const char                   *field);
/* TRUE when @date is a real calendar date written "YYYY-MM-DD". */
gboolean                aimak_date_is_valid             (const char                   *date);

G_END_DECLS
