/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-json.h — small JSON texts the SQL of several modules binds (a list of
 * area codes for json_each(), ...).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The @n strings of @strings (NULL-terminated when @n is -1) as a JSON array of
 * strings, e.g. ["41702", "41703"]. */
char     *aimak_json_string_array (const char * const *strings,
                                   gssize              n);

/* The text of the JSON that @builder built. */
char     *aimak_json_builder_text (JsonBuilder        *builder);

G_END_DECLS
