/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-packed.h — a struct and copies of its strings in one allocation, for
 * the small structs that are never edited once made (a code of a code table, a
 * field change): one g_free() frees it all. Core only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A zeroed block of @struct_size bytes followed by copies of the @n_strings
 * strings of @strings; the char * member at byte @offsets[i] of the struct
 * points to the copy of @strings[i], or stays NULL when that string is NULL. */
G_GNUC_INTERNAL gpointer _aimak_packed_new (gsize              struct_size,
                                            guint              n_strings,
                                            const gsize       *offsets,
                                            const char *const *strings);

G_END_DECLS
