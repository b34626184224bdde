/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-priorities-private.h — test hooks of aimak-area-priorities.h. */
#pragma once

#include "aimak-area-priorities.h"

G_BEGIN_DECLS

/* For tests. */
/* For tests: the counts line, the number of top rows, and the buttons. */
const char *aimak_area_priorities_get_summary  (AimakAreaPriorities *self);
guint       aimak_area_priorities_get_n_top    (AimakAreaPriorities *self);
GtkWidget  *aimak_area_priorities_get_widget   (AimakAreaPriorities *self,
                                                const char          *name);

G_END_DECLS
