/* aimak-summary-page.h — the Summary view. */
#pragma once

#include "aimak-page.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_SUMMARY_PAGE (aimak_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakSummaryPage, aimak_summary_page, AIMAK, SUMMARY_PAGE, AimakPage)

G_END_DECLS
