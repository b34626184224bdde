/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-dialog.h — imports indicator values from a CSV file: choose
 * the file, see a preview with every bad row and why, then import all rows
 * (only if none is bad) or only the good ones. Checking and importing run in
 * a thread on a connection of their own, with progress and Cancel. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_IMPORT_DIALOG (aimak_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakImportDialog, aimak_import_dialog, AIMAK, IMPORT_DIALOG, AdwWindow)

AimakImportDialog *aimak_import_dialog_new        (GtkWindow         *parent,
                                                   AimakDb           *db);
/* Test hooks are in aimak-import-dialog-private.h. */

G_END_DECLS
