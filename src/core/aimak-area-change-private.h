/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-private.h — shared between the aimak-area-change*.c files. */
#pragma once

#include "aimak-area-change.h"
#include "aimak-db.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakAreaChangeRow, aimak_area_change_row_free)

/* TRUE for the kinds after which the old area no longer exists. */
gboolean aimak_area_change_ends_old     (AimakAreaChangeKind kind);
gboolean aimak_area_change_date_is_valid (const char        *text);
/* The area that @code is part of today, following mergers and code changes
 * (@code itself when it has no single successor). Newly allocated. */
char    *aimak_area_current_successor  (AimakDb            *db,
                                        const char        *code);

/* The state of one area while a list is checked row by row. */
typedef struct
{
  char     *code;
  gboolean  exists;      /* in the database or created by an earlier row */
  gboolean  created;     /* created by an earlier row of this list */
  char     *valid_from;
  char     *valid_to;
  char     *ended_by;    /* "kind@date" of the row of this list that ended it */
  int       level;
  char     *type;
} AimakAreaState;

/* Code → AimakAreaState, filled from the database as codes come up. */
GHashTable     *aimak_area_states_new (void);
AimakAreaState *aimak_area_state_get (AimakDb     *db,
                                      GHashTable  *states,
                                      const char  *code,
                                      GError     **error);

G_END_DECLS
