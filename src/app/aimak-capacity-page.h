/* aimak-capacity-page.h — the Capacity Building view. */
#pragma once

#include "aimak-page.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_CAPACITY_PAGE (aimak_capacity_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakCapacityPage, aimak_capacity_page, AIMAK, CAPACITY_PAGE, AimakPage)

G_END_DECLS
