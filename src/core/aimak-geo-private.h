/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-geo-private.h — test hooks of aimak-geo.c: functions only the tests call. */
#pragma once

#include "aimak-geo.h"

G_BEGIN_DECLS

gboolean               aimak_geo_feature_contains (const AimakGeoFeature *feature,
                                                   double                 lon,
                                                   double                 lat);
AimakGeo              *aimak_geo_load_bytes    (GBytes          *bytes,
                                                GError         **error);

G_END_DECLS
