/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area.h — administrative areas: oblast → rayon/city → ayil aimak. */
#pragma once

#include "aimak-db.h"

G_BEGIN_DECLS

typedef struct
{
  char     *code;
  int       level;
  char     *type;
  char     *parent_code;
  char     *name_en;
  char     *name_ru;
  char     *name_ky;
  double    lat;
  double    lon;
  gboolean  is_pilot;
  char     *valid_from;  /* YYYY-MM-DD, NULL: since before the reference list */
  char     *valid_to;    /* YYYY-MM-DD (the first day it no longer exists), NULL: current */
} AimakArea;

void        aimak_area_free        (AimakArea  *area);
const char *aimak_area_name        (AimakArea  *area,
                                    const char *lang);
/* The label of area type @type untranslated (a msgid), NULL for a type it
 * does not know; the programme translates it into its own language. */
const char *aimak_area_type_msgid  (const char *type);
/* That label in the interface language; @type itself when unknown ("" for NULL). */
const char *aimak_area_type_label  (const char *type);
AimakArea  *aimak_area_get         (AimakDb    *db,
                                    const char *code,
                                    GError    **error);
/* Areas of @level (or all levels 1–3 when -1), ordered by name in the db's
 * language, former ones included. */
GPtrArray  *aimak_area_list        (AimakDb    *db,
                                    int         level,
                                    GError    **error);
/* As aimak_area_list(), former areas only with @include_former. */
GPtrArray  *aimak_area_list_full   (AimakDb    *db,
                                    int         level,
                                    gboolean    include_former,
                                    GError    **error);
/* FALSE for a former area (one that ended in a territorial change). */
gboolean    aimak_area_is_current  (AimakArea  *area);
GPtrArray  *aimak_area_children    (AimakDb    *db,
                                    const char *parent_code,
                                    GError    **error);
/* From the top-level unit down to @code itself. */
GPtrArray  *aimak_area_chain       (AimakDb    *db,
                                    const char *code,
                                    GError    **error);
gboolean    aimak_area_matches     (AimakArea  *area,
                                    const char *needle_casefolded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakArea, aimak_area_free)

/* @code and everything below it, as codes. */
GPtrArray  *aimak_area_descendants (AimakDb    *db,
                                    const char *code,
                                    GError    **error);

/* The pilot areas (AimakArea *). */
GPtrArray  *aimak_area_pilots      (AimakDb    *db,
                                    GError    **error);

G_END_DECLS

#include "aimak-area-change.h"
