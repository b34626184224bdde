/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-lang.h — the three languages of Aimak's data names (en, ru, ky) and
 * the fallback rule of DESIGN.md. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *aimak_lang_current   (void);
const char *aimak_lang_normalize (const char *lang);
gboolean    aimak_lang_is_valid  (const char *lang);
const char *aimak_lang_pick      (const char *lang,
                                  const char *en,
                                  const char *ru,
                                  const char *ky);
/* Translates @msgid into @lang regardless of the UI language. */
const char *aimak_lang_gettext   (const char *lang,
                                  const char *msgid);

G_END_DECLS
