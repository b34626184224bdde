/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-server.h — `aimak-cli server` (aimak-cli-server.c) and
 * `aimak-cli sync` (aimak-cli-sync.c). */
#pragma once

#include "aimak-server.h"

G_BEGIN_DECLS

int aimak_cli_server (int argc, char **argv);
int aimak_cli_sync   (int argc, char **argv);
/* `server publish-area-changes` (aimak-cli-server-areas.c). */
int aimak_cli_server_publish_area_changes (int argc, char **argv);
/* Prints change lists of areas received (AimakAreaChangeBatch *), with their
 * outcome; with @all FALSE, not the Unchanged ones. */
void aimak_cli_print_area_changes (GPtrArray *batches,
                                   gboolean   all);
/* One line of how many lists were applied, unchanged and refused (would be,
 * for a dry run); nothing when there is none (aimak-cli-sync.c). */
void aimak_cli_print_area_change_counts (GPtrArray *batches,
                                         gboolean   dry_run);
/* The --url and --password-file options of the commands the server database's
 * owner runs, into @entries[0] and @entries[1]. */
void aimak_cli_owner_options (GOptionEntry  entries[2],
                              char        **url,
                              char        **password_file);
/* The config from --url; its password (from the URL, --password-file or
 * AIMAK_SERVER_PASSWORD) goes to @password. */
AimakServerConfig *aimak_cli_server_config (const char  *url,
                                            char       **password,
                                            const char  *password_file,
                                            GError     **error);
/* The password in @file (its first line), or from AIMAK_SERVER_PASSWORD when
 * @file is NULL. */
char *aimak_cli_read_password (const char  *file,
                               GError     **error);
/* Opens the database with @flags and reads this desk's server settings; FALSE
 * after printing why not (the database or the settings could not be read, or
 * no server is set). */
gboolean aimak_cli_open_desk (AimakDbFlags        flags,
                              AimakDb           **db,
                              AimakServerConfig **config);
/* The --password-file option (aimak_cli_read_password()) into @entry. */
void aimak_cli_password_file_option (GOptionEntry  *entry,
                                     char         **password_file);

G_END_DECLS
