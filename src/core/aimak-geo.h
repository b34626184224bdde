/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-geo.h — the district map of Kyrgyzstan (OCHA COD-AB, 53 level-2
 * polygons) loaded from the reference GeoJSON, with the geometry queries the
 * map widget needs (bounds, projection, hit testing). No GTK here, so the
 * geometry can be tested without a display. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMAK_GEO_ERROR (aimak_geo_error_quark ())

typedef enum
{
  AIMAK_GEO_ERROR_PARSE,
  AIMAK_GEO_ERROR_INVALID,
} AimakGeoError;

typedef struct
{
  double x;   /* longitude */
  double y;   /* latitude */
} AimakGeoPoint;

typedef struct
{
  char    *code;          /* ADM2_PCODE, matches area.code */
  char    *parent_code;   /* ADM1_PCODE */
  char    *name_en;
  char    *name_ru;
  char    *name_ky;
  /* All rings of all polygons, concatenated; filled with the even-odd rule
   * the holes stay holes. */
  GArray  *points;        /* AimakGeoPoint */
  GArray  *ring_starts;   /* guint: index in @points of each ring's first point */
  double   min_x, min_y, max_x, max_y;
  double   center_x, center_y;  /* a point inside the largest ring, for labels */
} AimakGeoFeature;

typedef struct _AimakGeo AimakGeo;

GQuark                 aimak_geo_error_quark   (void);
GType                  aimak_geo_get_type      (void) G_GNUC_CONST;
#define AIMAK_TYPE_GEO (aimak_geo_get_type ())

/* The shipped map (resource reference/maps/kgz_adm2_ocha_codab.geojson), parsed
 * once per process and shared. */
AimakGeo              *aimak_geo_get_default   (GError         **error);
AimakGeo              *aimak_geo_ref           (AimakGeo        *geo);
void                   aimak_geo_unref         (AimakGeo        *geo);

guint                  aimak_geo_get_n_features (AimakGeo       *geo);
const AimakGeoFeature *aimak_geo_get_feature   (AimakGeo        *geo,
                                                guint            index);
const AimakGeoFeature *aimak_geo_lookup        (AimakGeo        *geo,
                                                const char      *code);
void                   aimak_geo_get_bounds    (AimakGeo        *geo,
                                                double          *min_x,
                                                double          *min_y,
                                                double          *max_x,
                                                double          *max_y);
/* Longitude is scaled by cos(mid latitude) so that shapes keep their proportions
 * (an equirectangular projection centred on the country). */
double                 aimak_geo_x_scale       (AimakGeo        *geo);
/* The feature containing (@lon, @lat), or NULL. */
const AimakGeoFeature *aimak_geo_hit           (AimakGeo        *geo,
                                                double           lon,
                                                double           lat);
const char            *aimak_geo_feature_name  (const AimakGeoFeature *feature,
                                                const char            *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakGeo, aimak_geo_unref)

G_END_DECLS
