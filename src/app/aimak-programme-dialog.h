/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-dialog.h — Programme Document…: area, period, language, the
 * statuses of the priorities to include and the format; a preview of the first
 * pages; Save (ODT or PDF, through the file chooser portal) or Print. Building runs
 * in a background thread with progress and Cancel. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"
#include "aimak-save-dialog.h"
#include "aimak-programme-pdf.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PROGRAMME_DIALOG (aimak_programme_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakProgrammeDialog, aimak_programme_dialog, AIMAK, PROGRAMME_DIALOG,
                      AimakSaveDialog)

/* @area_code: the area shown in the window (the default), or NULL. */
AimakProgrammeDialog *aimak_programme_dialog_new        (GtkWindow            *parent,
                                                         AimakDb              *db,
                                                         const char           *area_code);
/* The options as chosen; clear with aimak_programme_options_clear(). */
void                  aimak_programme_dialog_get_options (AimakProgrammeDialog *self,
                                                          AimakProgrammeOptions *opts);
/* Saves in the chosen format to @file as if it had been picked in the file chooser
 * (for tests and scripts: the portal cannot be driven). Emits "finished". */
void                  aimak_programme_dialog_save_to    (AimakProgrammeDialog *self,
                                                         GFile                *file);
/* The laid-out preview, or NULL while it is being prepared. */
AimakProgrammeLayout *aimak_programme_dialog_get_preview (AimakProgrammeDialog *self);

/* The print operation of @layout (taken over: freed with the operation): A4,
 * landscape pages turned, one page of the layout a printed page. Also runs with
 * GTK_PRINT_OPERATION_ACTION_EXPORT. */
GtkPrintOperation    *aimak_programme_print_operation_new (AimakProgrammeLayout *layout,
                                                           const char           *job_name);

G_END_DECLS
