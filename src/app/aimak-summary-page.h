/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-page.h — the Summary view: priorities, budget, alignment and
 * capacity building at a glance for the selected area, the pilots or all areas. */
#pragma once

#include "aimak-page.h"
#include "aimak-summary-card.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_SUMMARY_PAGE (aimak_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakSummaryPage, aimak_summary_page, AIMAK, SUMMARY_PAGE, AimakPage)

/* Every table, tab-separated: what "Copy All" puts on the clipboard. */
char               *aimak_summary_page_get_text    (AimakSummaryPage *self);

/* Test hooks are in aimak-summary-page-private.h. */

G_END_DECLS
