/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-profile-item.h — one row of the area profile's tables: an indicator
 * row, the area it belongs to (comparison table) and the sexes its indicator
 * has. */
#pragma once

#include <gio/gio.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PROFILE_ITEM (aimak_profile_item_get_type ())
G_DECLARE_FINAL_TYPE (AimakProfileItem, aimak_profile_item, AIMAK, PROFILE_ITEM, GObject)

/* Takes @row. @sexes_cache maps indicator codes to aimak_indicator_sexes(),
 * filled as rows of new indicators come. */
AimakProfileItem  *aimak_profile_item_new            (AimakIndicatorRow *row,
                                                      const char        *area_label,
                                                      AimakDb           *db,
                                                      GHashTable        *sexes_cache);
AimakIndicatorRow *aimak_profile_item_get_row        (AimakProfileItem  *self);
/* NULL in the area's own table. */
const char        *aimak_profile_item_get_area_label (AimakProfileItem  *self);
/* aimak_indicator_sexes() of the row's indicator ("" when not known). */
const char        *aimak_profile_item_get_sexes      (AimakProfileItem  *self);

G_END_DECLS
