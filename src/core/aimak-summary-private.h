/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-private.h — the Summary's two ways of counting links, for the tests. */
#pragma once

#include "aimak-summary.h"

G_BEGIN_DECLS

typedef enum
{
  AIMAK_SUMMARY_PATH_AUTO,        /* what aimak_summary_compute() does */
  AIMAK_SUMMARY_PATH_BY_LIVE,     /* look up the links of every live priority */
  AIMAK_SUMMARY_PATH_BY_OTHERS,   /* all links, less those of the other priorities */
} AimakSummaryPath;

/* aimak_summary_compute() with the way of counting the links forced. */
AimakSummary *aimak_summary_compute_by (AimakDb            *db,
                                        const AimakScope   *scope,
                                        AimakSummaryPath    path,
                                        GError            **error);

G_END_DECLS
