/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-card-private.h — test hooks of aimak-summary-card.h. */
#pragma once

#include "aimak-summary-card.h"

G_BEGIN_DECLS

/* For tests. */
const char *aimak_summary_card_get_note       (AimakSummaryCard   *self);
/* The text of cell (@row, @column) as shown; row 0 is the header. */
const char *aimak_summary_card_get_cell       (AimakSummaryCard   *self,
                                               guint               row,
                                               guint               column);

G_END_DECLS
