/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-change-log.h — the rows of the change log as the history panels read
 * them (priorities, activities, indicator values): one row type, one reader. */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

/* One row of the change log. */
typedef struct
{
  char *ts;
  char *action;      /* "create", "update", "delete", "undelete", "import", ... */
  char *field;       /* the field's id, or "" */
  char *old_value;   /* NULL when there was none */
  char *new_value;
} AimakChange;

/* A row of copies of the texts (each may be NULL), in the one block of the
 * struct: a row is not edited once made. */
AimakChange *aimak_change_new      (const char  *ts,
                                    const char  *action,
                                    const char  *field,
                                    const char  *old_value,
                                    const char  *new_value);
void         aimak_change_free     (AimakChange *change);

/* The change log of one entity (@entity, @entity_id) as AimakChange *, newest
 * first when @newest_first, oldest first otherwise. */
GPtrArray   *aimak_change_log_read (AimakDb     *db,
                                    const char  *entity,
                                    const char  *entity_id,
                                    gboolean     newest_first,
                                    GError     **error);

/* The change log of one entity ("priority", id), newest first, AimakChange *. */
GPtrArray   *aimak_change_log_list (AimakDb     *db,
                                    const char  *entity,
                                    const char  *entity_id,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakChange, aimak_change_free)

G_END_DECLS
