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
/* The listed activities (AimakActivityRow), in the list's order. */
GListModel          *aimak_capacity_page_get_model       (AimakCapacityPage *self);
const char          *aimak_capacity_page_get_totals_text (AimakCapacityPage *self);
const char          *aimak_capacity_page_get_roles_text  (AimakCapacityPage *self);
/* Types into the search entry and filters at once. */
void                 aimak_capacity_page_set_search      (AimakCapacityPage *self,
                                                          const char        *text);
void                 aimak_capacity_page_set_all_areas   (AimakCapacityPage *self,
                                                          gboolean           all);

G_END_DECLS
