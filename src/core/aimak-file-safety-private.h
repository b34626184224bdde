/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-safety-private.h — test hooks of aimak-file-safety.c: functions only the tests call. */
#pragma once

#include "aimak-file-safety.h"

G_BEGIN_DECLS

AimakFileKind  aimak_file_sniff             (const char   *path);

G_END_DECLS
