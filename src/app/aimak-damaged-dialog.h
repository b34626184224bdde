/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-damaged-dialog.h — shown at start-up when the database cannot be
 * opened (damaged, not an Aimak database, from a newer Aimak, unreadable): it
 * names the file, says what happened, and offers the ways out. The file itself
 * is never changed. Responses: "restore" (the newest good backup; disabled
 * when there is none), "open" (another file) and "quit". */
#pragma once

#include <adwaita.h>

#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_DAMAGED_DIALOG (aimak_damaged_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakDamagedDialog, aimak_damaged_dialog, AIMAK, DAMAGED_DIALOG,
                      AdwMessageDialog)

/* @newest_good: the backup "restore" would put in place, or NULL. */
AimakDamagedDialog *aimak_damaged_dialog_new         (GtkWindow             *parent,
                                                      const char            *db_path,
                                                      const GError          *error,
                                                      const AimakBackupInfo *newest_good);
const char         *aimak_damaged_dialog_get_db_path (AimakDamagedDialog    *self);
const char         *aimak_damaged_dialog_get_backup  (AimakDamagedDialog    *self);

G_END_DECLS
