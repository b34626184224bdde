/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-number-private.h — test hooks of aimak-number.c: functions only the tests call. */
#pragma once

#include "aimak-number.h"

G_BEGIN_DECLS

/* aimak_number_parse() then aimak_number_check(). */
gboolean         aimak_number_parse_kind   (const char        *text,
                                            AimakNumberFlags   flags,
                                            AimakNumberKind    kind,
                                            const char        *field,
                                            double            *out,
                                            GError           **error);

G_END_DECLS
