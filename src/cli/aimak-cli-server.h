/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-server.h — `aimak-cli server` (aimak-cli-server.c) and
 * `aimak-cli sync` (aimak-cli-sync.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int aimak_cli_server (int argc, char **argv);
int aimak_cli_sync   (int argc, char **argv);

G_END_DECLS
