/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-changes-dialog.h — "Apply Area Changes…": choose a change list,
 * see its problems (with their lines) or what it does, apply it. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_CHANGES_DIALOG (aimak_area_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaChangesDialog, aimak_area_changes_dialog, AIMAK,
                      AREA_CHANGES_DIALOG, AdwWindow)

/* ::applied (gint64 batch) is emitted after a list was applied; the dialog closes. */
AimakAreaChangesDialog *aimak_area_changes_dialog_new       (GtkWindow              *parent,
                                                             AimakDb                *db);
/* Reads @file and shows its problems or its preview (also for tests). */
void                    aimak_area_changes_dialog_load_file (AimakAreaChangesDialog *self,
                                                             GFile                  *file);
/* For tests: "apply", "problems", "preview", "summary". */
GtkWidget              *aimak_area_changes_dialog_get_widget (AimakAreaChangesDialog *self,
                                                              const char             *name);

G_END_DECLS
