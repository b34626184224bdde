/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-areas-page.h — the Areas view: a searchable tree of areas beside the
 * selected area's profile. */
#pragma once

#include "aimak-page.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREAS_PAGE (aimak_areas_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreasPage, aimak_areas_page, AIMAK, AREAS_PAGE, AimakPage)

/* Selects @code in the tree, expanding its parents. */
gboolean     aimak_areas_page_select      (AimakAreasPage *self,
                                           const char     *code);
void         aimak_areas_page_focus_search (AimakAreasPage *self);
/* Reads the areas again (after a change list was applied or undone). */
void         aimak_areas_page_reload      (AimakAreasPage *self);


/* Test hooks are in aimak-areas-page-private.h. */

G_END_DECLS
