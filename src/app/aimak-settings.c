/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-settings.c — see aimak-settings.h. */
#include "config.h"

#include "aimak-settings.h"

GSettings *
aimak_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}
