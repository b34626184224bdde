/* aimak-area-private.h — test hooks of aimak-area.c: functions only the tests call. */
#pragma once

#include "aimak-area.h"

G_BEGIN_DECLS

GPtrArray  *aimak_area_pilots      (AimakDb    *db,
                                    GError    **error);
/* @code and everything below it, as codes. */
GPtrArray  *aimak_area_descendants (AimakDb    *db,
                                    const char *code,
                                    GError    **error);

G_END_DECLS
