/* aimak-map.h — the district map of Kyrgyzstan: the selected area highlighted
 * (its rayon for an ayil aimak, all its rayons for an oblast), pilot areas
 * hatched, Bishkek and Osh as marked points, names on hover; a click or Enter
 * emits ::area-activated with the area's code. */
#pragma once

#include <gtk/gtk.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_MAP (aimak_map_get_type ())
G_DECLARE_FINAL_TYPE (AimakMap, aimak_map, AIMAK, MAP, GtkWidget)

GtkWidget  *aimak_map_new                   (void);
/* Reads areas (names, parents, pilots, city points) from @db. */
void        aimak_map_set_db                (AimakMap   *self,
                                             AimakDb    *db);
void        aimak_map_set_selected          (AimakMap   *self,
                                             const char *code);
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
