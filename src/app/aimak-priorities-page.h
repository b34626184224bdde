/* aimak-priorities-page.h — the Priorities Register view. */
#pragma once

#include "aimak-page.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITIES_PAGE (aimak_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page, AIMAK, PRIORITIES_PAGE, AimakPage)

G_END_DECLS
