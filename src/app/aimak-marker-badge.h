/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-marker-badge.h — the gender equality marker as a coloured badge that
 * always carries its number and name, so the colour is never the only cue. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_MARKER_BADGE (aimak_marker_badge_get_type ())
G_DECLARE_FINAL_TYPE (AimakMarkerBadge, aimak_marker_badge, AIMAK, MARKER_BADGE, GtkWidget)

GtkWidget  *aimak_marker_badge_new        (void);
/* -1 shows nothing. */
void        aimak_marker_badge_set_marker (AimakMarkerBadge *self,
                                           int               marker);

/* Reads the marker names of the code list in the database's language; badges
 * created before or after show them. */
void        aimak_marker_names_load       (AimakDb          *db);
/* "2 Principal". */
char       *aimak_marker_label            (int               marker);

G_END_DECLS
