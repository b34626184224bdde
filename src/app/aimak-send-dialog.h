/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-send-dialog.h — Send Data: an exchange package of the window's area
 * (and, if chosen, the areas below it) for the desk above, saved through the
 * file chooser (the portal in a sandbox). The package is written off the main
 * thread; what was sent becomes the base of the next exchange. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_SEND_DIALOG (aimak_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimakSendDialog, aimak_send_dialog, AIMAK, SEND_DIALOG, AdwWindow)

AimakSendDialog *aimak_send_dialog_new        (GtkWindow       *parent,
                                               AimakDb         *db,
                                               const char      *area_code);
/* Writes the package to @file without asking (tests; Send asks with the file
 * chooser, then calls this). "finished" is emitted when done. */
void             aimak_send_dialog_send_to    (AimakSendDialog *self,
                                               GFile           *file);
/* The counts shown: priorities, activities, indicator values. */
void             aimak_send_dialog_get_counts (AimakSendDialog *self,
                                               guint            counts[3]);
void             aimak_send_dialog_set_include_below (AimakSendDialog *self,
                                                      gboolean         below);

G_END_DECLS
