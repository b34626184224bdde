/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-indicator-row.h — one sex-disaggregated indicator of a
 * priority in the editor: name, unit, and baseline, target and actual values
 * for women and men. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITY_INDICATOR_ROW (aimak_priority_indicator_row_get_type ())
G_DECLARE_FINAL_TYPE (AimakPriorityIndicatorRow, aimak_priority_indicator_row,
                      AIMAK, PRIORITY_INDICATOR_ROW, AdwExpanderRow)

GtkWidget              *aimak_priority_indicator_row_new           (void);
/* Fills the fields without emitting ::changed. */
void                    aimak_priority_indicator_row_set_indicator
                                                    (AimakPriorityIndicatorRow    *self,
                                                     const AimakPriorityIndicator *ind);
/* What the fields say; a value that is not a number is left empty (NaN) and
 * its field marked, and @valid (optional) becomes FALSE. */
AimakPriorityIndicator *aimak_priority_indicator_row_get_indicator
                                                    (AimakPriorityIndicatorRow    *self,
                                                     gboolean                     *valid);
/* The entries in the order name, unit, baseline women, baseline men, target
 * women, target men, actual women, actual men (for tests and focus). */
GtkEditable            *aimak_priority_indicator_row_get_field
                                                    (AimakPriorityIndicatorRow    *self,
                                                     guint                         index);
/* Keeps the header of @row (title and subtitle) to one line each, ellipsized,
 * with the full text in its tooltip: a header that wraps while the user types or
 * ticks would move the rows below it under the pointer. libadwaita 1.2 has no
 * title-lines on expander rows, so this reaches its header action row. */
void                    aimak_expander_row_limit_lines (AdwExpanderRow *row);

G_END_DECLS
