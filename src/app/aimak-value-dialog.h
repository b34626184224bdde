/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-value-dialog.h — adds or edits an indicator value of an area
 * (indicator, year, sex, value, source, note), or adds an indicator to the
 * catalogue. Problems found by the core validation are shown under the row
 * they concern; nothing is saved until every field is valid. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_VALUE_DIALOG (aimak_value_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakValueDialog, aimak_value_dialog, AIMAK, VALUE_DIALOG, AdwWindow)

/* A new value of @area_code; @indicator_code preselects an indicator (may be NULL). */
AimakValueDialog *aimak_value_dialog_new_value     (GtkWindow               *parent,
                                                    AimakDb                 *db,
                                                    const char              *area_code,
                                                    const char              *indicator_code);
/* The values of one table row (one indicator, year and source): the sex row
 * switches between the row's women, men and total values; a sex the row has no
 * value for becomes a new value with the same indicator, year and source. */
AimakValueDialog *aimak_value_dialog_new_edit      (GtkWindow               *parent,
                                                    AimakDb                 *db,
                                                    const char              *area_code,
                                                    const AimakIndicatorRow *row);
/* A new indicator for the catalogue. */
AimakValueDialog *aimak_value_dialog_new_indicator (GtkWindow               *parent,
                                                    AimakDb                 *db);

/* Test hooks are in aimak-value-dialog-private.h. */

G_END_DECLS
