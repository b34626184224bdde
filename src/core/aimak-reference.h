/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-reference.h — loads Kyrgyzstan's reference data (areas, code lists,
 * indicator series with their sources) into a new database, and refreshes the
 * names in an existing one. */
#pragma once

#include "aimak-db.h"

G_BEGIN_DECLS

#define AIMAK_SOURCE_NSC "National Statistical Committee of the Kyrgyz Republic"
#define AIMAK_SOURCE_WFP "WFP PRISM (original source not stated)"
#define AIMAK_NATIONAL_CODE "KG"

GFile    *aimak_reference_default_dir (void);
gboolean  aimak_reference_load        (AimakDb  *db,
                                       GFile    *dir,
                                       GError  **error);
/* Inside a transaction: the English, Russian and Kyrgyz names (and gender
 * marker definitions, indicator descriptions) of the areas, code lists and
 * built-in indicators, as the files in @dir say. Codes, order, indicators a
 * user added and all user data stay as they are; a code not in the database
 * is not added. */
gboolean  aimak_reference_refresh_names (AimakDb  *db,
                                         GFile    *dir,
                                         GError  **error);

G_END_DECLS
