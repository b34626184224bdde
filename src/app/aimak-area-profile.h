/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile.h — the profile of one area: names, type, parent chain,
 * pilot status, key figures, the indicator table with its trend, charts, the
 * map, values of the oblast and the country for comparison, and editing. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"
#include "aimak-chart.h"
#include "aimak-map.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_PROFILE (aimak_area_profile_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, AIMAK, AREA_PROFILE, GtkWidget)

void        aimak_area_profile_set_area (AimakAreaProfile *self,
                                         AimakDb          *db,
                                         const char       *code);
/* Re-reads everything shown from the database. */
void        aimak_area_profile_reload   (AimakAreaProfile *self);

/* The profile inside @ancestor's widget tree (for the window's menu). */
AimakAreaProfile *aimak_area_profile_find (GtkWidget      *ancestor);
/* Opens the CSV import dialog on @db; the profile refreshes after an import. */
void        aimak_area_profile_import_csv (AimakAreaProfile *self,
                                           AimakDb          *db);

/* Test hooks are in aimak-area-profile-private.h. */

G_END_DECLS
