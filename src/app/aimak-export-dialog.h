/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-dialog.h — Export Workbook (Ctrl+E): scope, language, small-count
 * suppression, file name and folder; writes the workbook in a background thread with
 * a progress bar and Cancel, then offers to open it or show it in its folder. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"
#include "aimak-save-dialog.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_EXPORT_DIALOG (aimak_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakExportDialog, aimak_export_dialog, AIMAK, EXPORT_DIALOG,
                      AimakSaveDialog)

/* @area_code: the area selected in the window (the default scope), or NULL. */
AimakExportDialog *aimak_export_dialog_new         (GtkWindow         *parent,
                                                    AimakDb           *db,
                                                    const char        *area_code);
void               aimak_export_dialog_set_folder  (AimakExportDialog *self,
                                                    GFile             *folder);

G_END_DECLS
