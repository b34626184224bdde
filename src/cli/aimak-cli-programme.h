/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-programme.h — `aimak-cli programme` (aimak-cli-programme.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int aimak_cli_programme (int argc, char **argv);

G_END_DECLS
