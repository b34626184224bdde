/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-row-private.h — how AimakPriorityModel builds its rows. */
#pragma once

#include "aimak-priority-model.h"

G_BEGIN_DECLS

/* A row from the current row of the model's row query (columns: id, area_code,
 * area name, rank, title, marker, target groups, budget, status, status label,
 * updated_at, is_demo); an empty row (id and title "") when @st is NULL. */
AimakPriorityRow *_aimak_priority_row_new_from_stmt (AimakStmt *st);

/* Test hook. */
const char       *aimak_priority_row_get_status     (AimakPriorityRow *self);

G_END_DECLS
