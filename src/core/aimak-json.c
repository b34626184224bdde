/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-json.c — small JSON texts, see aimak-json.h. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "aimak-json.h"

char *
aimak_json_string_array (const char * const *strings,
                         gssize              n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (gssize i = 0; n < 0 ? strings != NULL && strings[i] != NULL : i < n; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
  return aimak_json_builder_text (builder);
}

char *
aimak_json_builder_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
