/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-page-flow.h — a flow of headings, paragraphs, tables and a bar chart laid
 * out with Pango into A4 pages (portrait or landscape), then drawn page by page
 * onto any cairo_t: a PDF surface, a print context, a preview. Pagination happens
 * as blocks are added: a table row is never split across pages (unless it is
 * taller than a page), table header rows repeat on each page, a heading stays
 * with what follows it. Units are PostScript points; no GTK.
 *
 * Layout is independent of the device: its own font map at 72 dpi with unhinted
 * metrics, so the page count is the same for the PDF, the printer and the preview.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "aimak-bar-chart.h"

G_BEGIN_DECLS

/* Families in order of preference: DejaVu is in every Debian and GNOME runtime and
 * covers Kyrgyz Cyrillic (ң, ө, ү). */
#define AIMAK_PAGE_FONT "DejaVu Sans, Liberation Sans, Sans"

#define AIMAK_PAGE_A4_SHORT 595.2756   /* 210 mm in points */
#define AIMAK_PAGE_A4_LONG  841.8898   /* 297 mm */

typedef struct _AimakPageFlow AimakPageFlow;

typedef enum
{
  AIMAK_FLOW_BODY,
  AIMAK_FLOW_SMALL,    /* notes, sources */
  AIMAK_FLOW_TITLE,    /* the document title */
  AIMAK_FLOW_SUBTITLE,
} AimakFlowStyle;

typedef enum
{
  AIMAK_FLOW_ROW_PLAIN = 0,
  AIMAK_FLOW_ROW_BOLD  = 1 << 0,   /* totals */
  AIMAK_FLOW_ROW_GROUP = 1 << 1,   /* one cell across all columns (a sector) */
} AimakFlowRowFlags;

/* @lang: the document language (hyphenation and shaping). */
AimakPageFlow *aimak_page_flow_new          (const char        *lang);
void           aimak_page_flow_free         (AimakPageFlow     *flow);

/* Page decorations: @header at the top left of every page, @mark (or NULL) at the
 * top right in red (demo data), @page_of ("Page {n} of {m}") at the bottom. */
void           aimak_page_flow_set_decorations (AimakPageFlow  *flow,
                                                const char     *header,
                                                const char     *mark,
                                                const char     *page_of);

/* Ends the current page unless it is empty and already of that orientation. */
void           aimak_page_flow_new_page     (AimakPageFlow     *flow,
                                             gboolean           landscape);
/* @level 1 or 2; also an outline (bookmark) entry. */
void           aimak_page_flow_heading      (AimakPageFlow     *flow,
                                             int                level,
                                             const char        *text);
void           aimak_page_flow_paragraph    (AimakPageFlow     *flow,
                                             AimakFlowStyle     style,
                                             const char        *text);
/* As paragraph(), the text being Pango markup. */
void           aimak_page_flow_markup       (AimakPageFlow     *flow,
                                             AimakFlowStyle     style,
                                             const char        *markup);
/* Pango markup kept on the same page as the block that follows (a table's or a
 * chart's title); not a bookmark. */
void           aimak_page_flow_caption      (AimakPageFlow     *flow,
                                             const char        *markup);
void           aimak_page_flow_space        (AimakPageFlow     *flow,
                                             double             points);

/* A table of @n_columns whose widths are proportional to @weights; @align holds one
 * of 'l', 'r', 'c' per column (NULL = all left). Header rows are repeated on each
 * page the table reaches. */
void           aimak_page_flow_table_begin  (AimakPageFlow     *flow,
                                             guint              n_columns,
                                             const double      *weights,
                                             const char        *align);
void           aimak_page_flow_table_header (AimakPageFlow     *flow,
                                             const char * const *cells);
/* @cells: n_columns texts (NULL = empty), or one text for AIMAK_FLOW_ROW_GROUP. */
void           aimak_page_flow_table_row    (AimakPageFlow     *flow,
                                             const char * const *cells,
                                             AimakFlowRowFlags  flags);
void           aimak_page_flow_table_end    (AimakPageFlow     *flow);

/* Women and men side by side for each category, values written at the bars,
 * "no data" written where a value is missing (never a bar of 0). */
void           aimak_page_flow_bar_chart    (AimakPageFlow     *flow,
                                             const char        *women_label,
                                             const char        *men_label,
                                             const AimakFlowBar *bars,
                                             guint              n_bars);

/* Closes the last page; no more blocks after this. */
void           aimak_page_flow_finish       (AimakPageFlow     *flow);

guint          aimak_page_flow_get_n_pages  (AimakPageFlow     *flow);
/* The page's size in points as it is oriented (landscape: width > height). */
void           aimak_page_flow_get_page_size (AimakPageFlow    *flow,
                                              guint             page,
                                              double           *width,
                                              double           *height);
/* Draws @page (0-based) with its top left corner at the origin of @cr, in points. */
void           aimak_page_flow_draw_page    (AimakPageFlow     *flow,
                                             guint              page,
                                             cairo_t           *cr);

/* The headings in order, for bookmarks: each one's level, text, page and y. */
guint          aimak_page_flow_get_n_headings (AimakPageFlow   *flow);
void           aimak_page_flow_get_heading  (AimakPageFlow     *flow,
                                             guint              index,
                                             int               *level,
                                             const char       **text,
                                             guint             *page,
                                             double            *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakPageFlow, aimak_page_flow_free)

G_END_DECLS
