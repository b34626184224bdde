/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-dialog-private.h — test hooks of the import dialog. */
#pragma once

#include "aimak-import-dialog.h"

G_BEGIN_DECLS

/* Checks @file and shows its preview (what choosing it in the file chooser does). */
void                     aimak_import_dialog_load_file   (AimakImportDialog *self,
                                                          GFile             *file);
/* The visible step: "choose", "progress", "preview" or "error". */
const char              *aimak_import_dialog_get_step    (AimakImportDialog *self);
/* AimakImportPreviewRow * of the checked file (the first rows). */
GPtrArray               *aimak_import_dialog_get_preview (AimakImportDialog *self);
/* The report of the check: every bad row with its reason. */
const AimakImportReport *aimak_import_dialog_get_report  (AimakImportDialog *self);

G_END_DECLS
