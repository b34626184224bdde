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
} AimakArea;

void        aimak_area_free        (AimakArea  *area);
const char *aimak_area_name        (AimakArea  *area,
                                    const char *lang);
const char *aimak_area_type_label  (const char *type);
AimakArea  *aimak_area_get         (AimakDb    *db,
                                    const char *code,
                                    GError    **error);
/* Areas of @level (or all levels 1–3 when -1), ordered by name in the db's language. */
GPtrArray  *aimak_area_list        (AimakDb    *db,
                                    int         level,
                                    GError    **error);
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
