/* aimak-areas-page.h — the Areas view: a searchable tree of areas beside the
 * selected area's profile. */
#pragma once

#include <gtk/gtk.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREAS_PAGE (aimak_areas_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreasPage, aimak_areas_page, AIMAK, AREAS_PAGE, GtkWidget)

/* Selects @code in the tree, expanding its parents. */
gboolean     aimak_areas_page_select      (AimakAreasPage *self,
                                           const char     *code);
void         aimak_areas_page_set_search  (AimakAreasPage *self,
                                           const char     *text);
GListModel  *aimak_areas_page_get_model   (AimakAreasPage *self);
void         aimak_areas_page_focus_search (AimakAreasPage *self);

const char     *aimak_areas_page_get_pane   (AimakAreasPage *self);
/* For tests: "search", "list", "profile", "back". */
GtkWidget      *aimak_areas_page_get_widget (AimakAreasPage *self,
                                             const char     *name);

G_END_DECLS
