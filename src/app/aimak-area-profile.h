/* aimak-area-profile.h — the profile of one area: names, type, parent chain,
 * pilot status. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_PROFILE (aimak_area_profile_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, AIMAK, AREA_PROFILE, GtkWidget)

void        aimak_area_profile_set_area (AimakAreaProfile *self,
                                         AimakDb          *db,
                                         const char       *code);
const char *aimak_area_profile_get_area (AimakAreaProfile *self);

G_END_DECLS
