/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-capacity-page.h — the Capacity building view: the register of trainings,
 * workshops and dialogues with participants by sex and role. */
#pragma once

#include "aimak-activity-editor.h"
#include "aimak-page.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_CAPACITY_PAGE (aimak_capacity_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakCapacityPage, aimak_capacity_page, AIMAK, CAPACITY_PAGE, AimakPage)

/* For tests: the real widgets' state. */
AimakActivityEditor *aimak_capacity_page_get_editor      (AimakCapacityPage *self);

/* Test hooks are in aimak-capacity-page-private.h. */

G_END_DECLS
