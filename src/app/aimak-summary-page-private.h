/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-page-private.h — test hooks of aimak-summary-page.h. */
#pragma once

#include "aimak-summary-page.h"

G_BEGIN_DECLS

/* For tests. */
void                aimak_summary_page_set_scope   (AimakSummaryPage *self,
                                                    AimakScopeKind    kind);
/* The figures shown, or NULL before the first refresh. */
const AimakSummary *aimak_summary_page_get_summary (AimakSummaryPage *self);
/* The card of a figure, named like its JSON key ("priorities_by_status",
 * "participants_by_role_and_sex", ...). */
AimakSummaryCard   *aimak_summary_page_get_card    (AimakSummaryPage *self,
                                                    const char       *name);
/* The key-figure tiles: "priorities", "budget", "share", "participants", "activities". */
const char         *aimak_summary_page_get_tile    (AimakSummaryPage *self,
                                                    const char       *name);
/* The line about former areas' records left out of a successor's figures. */
GtkLabel           *aimak_summary_page_get_former_label (AimakSummaryPage *self);

G_END_DECLS
