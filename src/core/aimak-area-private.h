/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-private.h — test hooks of aimak-area.c: functions only the tests call. */
#pragma once

#include "aimak-area.h"

G_BEGIN_DECLS


G_END_DECLS
