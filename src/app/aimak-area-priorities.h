/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-priorities.h — the Priorities section of an area's profile: how
 * many priorities the area (with the areas in it) has by status and marker,
 * the first ones by rank, and buttons that open the Priorities view on it. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_PRIORITIES (aimak_area_priorities_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaPriorities, aimak_area_priorities, AIMAK, AREA_PRIORITIES,
                      GtkWidget)

/* How many priorities the section lists at most. */
#define AIMAK_AREA_PRIORITIES_TOP 3

void        aimak_area_priorities_set_area     (AimakAreaPriorities *self,
                                                AimakDb             *db,
                                                const char          *code);

/* Test hooks are in aimak-area-priorities-private.h. */

G_END_DECLS
