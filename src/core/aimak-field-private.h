/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field-private.h — test hooks of the field tables. */
#pragma once

#include "aimak-field.h"

G_BEGIN_DECLS

/* The column names of @table (PRAGMA table_info), char *; NULL with @error. */
GPtrArray *_aimak_field_table_columns (AimakDb     *db,
                                       const char  *table,
                                       GError     **error);

G_END_DECLS
