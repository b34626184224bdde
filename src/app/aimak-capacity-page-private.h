/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-capacity-page-private.h — test hooks of aimak-capacity-page.h. */
#pragma once

#include "aimak-capacity-page.h"

G_BEGIN_DECLS

/* aimak-capacity-page-cells.c: the table's cells, in the columns' order of
 * the template (Date, Area, Type, Topic, Women, Men, Total). */
void                 aimak_capacity_page_set_cell_factories (GtkColumnView *view);

/* For tests. */
/* The listed activities (AimakActivityRow), in the list's order. */
GListModel          *aimak_capacity_page_get_model       (AimakCapacityPage *self);
const char          *aimak_capacity_page_get_totals_text (AimakCapacityPage *self);
const char          *aimak_capacity_page_get_roles_text  (AimakCapacityPage *self);
/* Types into the search entry and filters at once. */
void                 aimak_capacity_page_set_search      (AimakCapacityPage *self,
                                                          const char        *text);

G_END_DECLS
