/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-odt-private.h — shared by the ODT writer's files:
 * aimak-programme-odt.c (the package, styles, metadata) and
 * aimak-programme-odt-content.c (content.xml and the chart).
 */
#pragma once

#include "aimak-programme.h"

G_BEGIN_DECLS

/* Text width of a page in cm: A4 with 2 cm margins left and right. */
#define AIMAK_ODT_PORTRAIT_WIDTH  17.0
#define AIMAK_ODT_LANDSCAPE_WIDTH 25.7

typedef struct
{
  const AimakProgramme *p;
  GCancellable         *cancellable;
  GString              *styles;    /* automatic styles of content.xml */
  GString              *body;      /* inside <office:text> */
  GString              *svg;       /* Pictures/chart.svg, or NULL when there is no chart */
  guint                 n_tables;
} AimakOdtContent;

/* Appends @text escaped for XML, line breaks as <text:line-break/>, tabs as
 * <text:tab/>, runs of spaces as <text:s/>. */
void      aimak_odt_append_text (GString         *out,
                                 const char      *text);
/* Fills c->styles, c->body and c->svg. FALSE only when cancelled. */
gboolean  aimak_odt_content     (AimakOdtContent *c,
                                 GError         **error);
/* The chart as an SVG document (c->p->chart must not be empty). */
GString  *aimak_odt_chart_svg   (const AimakProgramme *p);

G_END_DECLS
