/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-pdf.h — the programme document (aimak-programme.h) as pages: A4,
 * portrait with landscape pages for the action plan, laid out once by
 * AimakProgrammeLayout and drawn page by page onto any cairo_t. The PDF writer and
 * printing (GtkPrintOperation in the app) draw the same pages. No GTK.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "aimak-programme.h"

G_BEGIN_DECLS

typedef struct _AimakProgrammeLayout AimakProgrammeLayout;

/* Lays out every page of @programme. @progress (may be NULL) gets 0..1 from the
 * calling thread. Cancellable (G_IO_ERROR_CANCELLED). The layout does not keep a
 * pointer to @programme. It may be built in one thread and drawn in another, but
 * not used by two threads at once. */
AimakProgrammeLayout *aimak_programme_layout_new          (const AimakProgramme   *programme,
                                                           AimakProgrammeProgress  progress,
                                                           gpointer                progress_data,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
void                  aimak_programme_layout_free         (AimakProgrammeLayout   *layout);
guint                 aimak_programme_layout_get_n_pages  (AimakProgrammeLayout   *layout);
/* Size in points as the page is oriented: landscape pages are wider than high. */
void                  aimak_programme_layout_get_page_size (AimakProgrammeLayout  *layout,
                                                            guint                  page,
                                                            double                *width,
                                                            double                *height);
gboolean              aimak_programme_layout_page_is_landscape (AimakProgrammeLayout *layout,
                                                                guint                 page);
/* Draws @page (0-based) with its top left corner at the origin of @cr, one unit a
 * point; scale @cr for a preview. */
void                  aimak_programme_layout_draw_page    (AimakProgrammeLayout   *layout,
                                                           guint                   page,
                                                           cairo_t                *cr);

/* Writes the PDF to @path through a temporary file beside it, renamed over @path
 * only when complete (nothing is left behind on failure or cancellation): fonts
 * embedded, text searchable, metadata (title; subject: area and period; keywords:
 * language), a bookmark per section. Does not check the target: callers use
 * aimak_programme_check_target() first, or aimak_programme_write_pdf_full(). */
gboolean              aimak_programme_write_pdf           (const AimakProgramme   *programme,
                                                           const char             *path,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
/* As above, with aimak_programme_check_target (@path, @db_path, @replace) before
 * and just before the rename, and progress (layout then drawing). */
gboolean              aimak_programme_write_pdf_full      (const AimakProgramme   *programme,
                                                           const char             *path,
                                                           const char             *db_path,
                                                           gboolean                replace,
                                                           AimakProgrammeProgress  progress,
                                                           gpointer                progress_data,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
/* Writes an already laid-out document (the GUI lays out once for preview and save). */
gboolean              aimak_programme_layout_write_pdf    (AimakProgrammeLayout   *layout,
                                                           const char             *path,
                                                           GCancellable           *cancellable,
                                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakProgrammeLayout, aimak_programme_layout_free)

G_END_DECLS
