/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-card.h — one figure of the Summary view: a heading, an optional
 * note, a chart and the same numbers as a small table that can be copied. */
#pragma once

#include <gtk/gtk.h>

#include "aimak-chart.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_SUMMARY_CARD (aimak_summary_card_get_type ())
G_DECLARE_FINAL_TYPE (AimakSummaryCard, aimak_summary_card, AIMAK, SUMMARY_CARD, GtkWidget)

const char *aimak_summary_card_get_title      (AimakSummaryCard   *self);
AimakChart *aimak_summary_card_get_chart      (AimakSummaryCard   *self);
/* A sentence above the chart (e.g. the gender budget share); NULL hides it. */
void        aimak_summary_card_set_note       (AimakSummaryCard   *self,
                                               const char         *note);
/* Replaces the table: @headers (NULL-terminated) and rows of as many cells. The
 * first column is a name, the others numbers (right-aligned). @copy_rows holds the
 * same rows with numbers written without digit grouping, for the clipboard. */
void        aimak_summary_card_set_table      (AimakSummaryCard   *self,
                                               const char * const *headers,
                                               GPtrArray          *rows,
                                               GPtrArray          *copy_rows);
/* The table as tab-separated lines with the heading first; what Copy puts on
 * the clipboard. */
char       *aimak_summary_card_get_table_text (AimakSummaryCard   *self);

/* Test hooks are in aimak-summary-card-private.h. */

G_END_DECLS
