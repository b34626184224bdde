/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-former.h — the Summary's line about former areas' records. */
#pragma once

#include <gtk/gtk.h>
#include "aimak-core.h"

G_BEGIN_DECLS

/* A label, hidden until it has something to say, whose links show a former
 * area's own Summary (they set the window's "area-code"). */
GtkLabel *aimak_summary_former_label_new    (void);
/* Says how many priorities and activities of the former areas that @area_code
 * came from are not counted in its figures (history is never merged), with a
 * link to each; hidden when there are none or @area_code is NULL. */
void      aimak_summary_former_label_update (GtkLabel   *label,
                                             AimakDb    *db,
                                             const char *area_code);

G_END_DECLS
