/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-map-private.h — the map's instance and its parts: aimak-map.c (data,
 * loading, the object and its API), aimak-map-render.c (projection, the
 * cached render, outlines, the legend, size), aimak-map-input.c (picking,
 * pointer and keyboard). */
#pragma once

#include "aimak-map.h"

G_BEGIN_DECLS

#define MAP_PAD        6.0
#define LEGEND_H       26.0
#define REBUILD_DELAY  180   /* ms after the last resize */

typedef struct
{
  char   *code;
  double  lon, lat;
  gboolean is_city;      /* Bishkek / Osh: holes in the district map */
  gboolean is_pilot;
} MapPoint;

struct _AimakMap
{
  GtkWidget      parent_instance;

  /* Owned references */
  AimakDb       *db;
  AimakGeo      *geo;           /* NULL until parsed (in a thread, at start-up) */
  GHashTable    *areas;         /* code → AimakArea */
  GHashTable    *pilot_features;/* code → code (districts that are or hold a pilot) */
  GPtrArray     *points;        /* MapPoint * */
  char          *lang;
  char          *selected;
  GPtrArray     *highlighted;   /* char * */
  char          *selected_point;/* an ayil aimak inside its highlighted rayon */
  char          *hover;
  char          *cursor;        /* keyboard focus */

  /* The cache */
  GskRenderNode *cache;
  double         cache_w, cache_h;
  GdkRGBA        cache_colors[3];  /* fg, accent, background the cache was drawn with */
  guint          rebuild_id;
  guint          n_renders;
};


typedef struct
{
  double k, ox, oy, xs;
  double min_x, max_y;
} Transform;

/* aimak-map.c */
gboolean aimak_map_ensure_geo (AimakMap *self);

/* aimak-map-render.c */
void aimak_map_map_point_free (MapPoint *p);
void aimak_map_to_screen (const Transform *t, double lon, double lat, double *x, double *y);
void aimak_map_to_geo (const Transform *t, double x, double y, double *lon, double *lat);
void aimak_map_current_transform (AimakMap *self, Transform *t);
const char * aimak_map_area_name (AimakMap *self, const char *code);
void aimak_map_invalidate (AimakMap *self);
void aimak_map_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);
void aimak_map_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural, int *minimum_baseline, int *natural_baseline);
GtkSizeRequestMode aimak_map_get_request_mode (GtkWidget *widget);

/* aimak-map-input.c */
gboolean aimak_map_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip);
void aimak_map_on_motion (GtkEventControllerMotion *motion, double x, double y, AimakMap *self);
void aimak_map_on_leave (GtkEventControllerMotion *motion, AimakMap *self);
void aimak_map_on_click (GtkGestureClick *gesture, int n_press, double x, double y, AimakMap *self);
void aimak_map_update_accessible (AimakMap *self);
gboolean aimak_map_on_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, AimakMap *self);
void aimak_map_on_focus_enter (GtkEventControllerFocus *focus, AimakMap *self);
void aimak_map_on_focus_leave (GtkEventControllerFocus *focus, AimakMap *self);

/* For tests. */
GtkWidget  *aimak_map_new                   (void);
const char *aimak_map_get_selected_code     (AimakMap   *self);
/* Codes drawn as selected: map districts, or Bishkek/Osh city. (transfer full) */
GPtrArray  *aimak_map_get_highlighted_codes (AimakMap   *self);
/* Codes marked as pilot on the map (districts and point markers). (transfer full) */
GPtrArray  *aimak_map_get_pilot_codes       (AimakMap   *self);

/* The area under a widget point (a district or a city point), or NULL. */
const char *aimak_map_get_code_at           (AimakMap   *self,
                                             double      x,
                                             double      y);
/* Where @code is drawn, in widget coordinates; FALSE if it is not on the map. */
gboolean    aimak_map_get_area_point        (AimakMap   *self,
                                             const char *code,
                                             double     *x,
                                             double     *y);
/* What a click at (@x, @y) does: emits ::area-activated for the area there. */
gboolean    aimak_map_activate_at           (AimakMap   *self,
                                             double      x,
                                             double      y);
/* How many times the map was drawn into its cached render node. */
guint       aimak_map_get_n_renders         (AimakMap   *self);

G_END_DECLS
