/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Reads areas (names, parents, pilots, city points) from @db. */
void        aimak_map_set_db                (AimakMap   *self,
                                             AimakDb    *db);
void        aimak_map_set_selected          (AimakMap   *self,
                                             const char *code);

/* Test hooks are in aimak-map-private.h. */

G_END_DECLS
