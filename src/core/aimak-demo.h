/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-demo.h — demo data on request: plausible priorities and activities, every
 * row flagged is_demo so that the window can say so and remove() deletes exactly them.
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"

G_BEGIN_DECLS

/* Creates @n_priorities priorities and @n_activities activities in one
 * transaction; the same @seed gives the same data. */
gboolean  aimak_demo_create  (AimakDb   *db,
                              guint      n_priorities,
                              guint      n_activities,
                              guint32    seed,
                              GError   **error);
/* Deletes every demo row (priorities with their links and history, activities,
 * indicator values) in one transaction, and nothing else; the counts (each
 * optional) get how many priorities, activities and indicator values went. */
gboolean  aimak_demo_remove_counts (AimakDb  *db,
                                    guint    *n_priorities,
                                    guint    *n_activities,
                                    guint    *n_indicator_values,
                                    GError  **error);
/* How many demo records there are (priorities, activities and indicator values
 * together), for the window's banner; -1 with @error when it cannot be read. */
gint64    aimak_demo_count_records (AimakDb  *db,
                                    GError  **error);

/* TRUE when any demo record exists (the window's demo banner). */
gboolean  aimak_demo_present (AimakDb   *db);

G_END_DECLS
