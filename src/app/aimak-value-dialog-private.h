/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-value-dialog-private.h — test hooks of the value dialog. */
#pragma once

#include "aimak-value-dialog.h"

G_BEGIN_DECLS

/* Saves what the fields say, as the default button does; FALSE shows the problems. */
gboolean aimak_value_dialog_save (AimakValueDialog *self);

G_END_DECLS
