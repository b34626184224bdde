/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-areas-page-private.h — test hooks of aimak-areas-page.h. */
#pragma once

#include "aimak-areas-page.h"

G_BEGIN_DECLS

/* For tests. */
void         aimak_areas_page_set_search  (AimakAreasPage *self,
                                           const char     *text);
GListModel  *aimak_areas_page_get_model   (AimakAreasPage *self);
const char     *aimak_areas_page_get_pane   (AimakAreasPage *self);
/* For tests: "search", "list", "profile", "back". */
GtkWidget      *aimak_areas_page_get_widget (AimakAreasPage *self,
                                             const char     *name);

G_END_DECLS
