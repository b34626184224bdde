/* aimak-summary-page.h — the Summary view: priorities, budget, alignment and
 * capacity building at a glance for the selected area, the pilots or all areas. */
#pragma once

#include "aimak-page.h"
#include "aimak-summary-card.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_SUMMARY_PAGE (aimak_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakSummaryPage, aimak_summary_page, AIMAK, SUMMARY_PAGE, AimakPage)

/* Re-reads the figures now (if the view is shown; else when it is next shown). */
void                aimak_summary_page_refresh     (AimakSummaryPage *self);
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
/* Every table, tab-separated: what "Copy All" puts on the clipboard. */
char               *aimak_summary_page_get_text    (AimakSummaryPage *self);

G_END_DECLS
