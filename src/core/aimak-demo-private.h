/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-demo-private.h — test hooks of aimak-demo.c. */
#pragma once

#include "aimak-demo.h"

G_BEGIN_DECLS

/* aimak_demo_remove_counts() with the total in @n_removed (optional). */
gboolean  aimak_demo_remove  (AimakDb   *db,
                              guint     *n_removed,
                              GError   **error);

G_END_DECLS
