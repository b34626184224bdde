/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-item.h — an area as a GObject, for list models. */
#pragma once

#include <gio/gio.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_ITEM (aimak_area_item_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaItem, aimak_area_item, AIMAK, AREA_ITEM, GObject)

AimakAreaItem *aimak_area_item_new          (const AimakArea *area,
                                             const char      *lang,
                                             const char      *subtitle);
const char    *aimak_area_item_get_code     (AimakAreaItem   *self);
const char    *aimak_area_item_get_name     (AimakAreaItem   *self);
const char    *aimak_area_item_get_subtitle (AimakAreaItem   *self);
int            aimak_area_item_get_level    (AimakAreaItem   *self);
gboolean       aimak_area_item_get_is_pilot (AimakAreaItem   *self);
/* The day a former area ended (YYYY-MM-DD), NULL for a current one. */
const char    *aimak_area_item_get_valid_to (AimakAreaItem   *self);

G_END_DECLS
