/* aimak-priorities-page.h — the Priorities view: the register of an area's
 * development priorities as a sortable, filterable table beside the editor. */
#pragma once

#include "aimak-page.h"
#include "aimak-priority-editor.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITIES_PAGE (aimak_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page,
                      AIMAK, PRIORITIES_PAGE, AimakPage)

/* The rows shown (a GtkSingleSelection over the AimakPriorityModel). */
GtkSingleSelection  *aimak_priorities_page_get_selection (AimakPrioritiesPage *self);
AimakPriorityEditor *aimak_priorities_page_get_editor    (AimakPrioritiesPage *self);
/* Id of the selected priority, or NULL. */
const char          *aimak_priorities_page_get_selected_id (AimakPrioritiesPage *self);
gboolean             aimak_priorities_page_select_id     (AimakPrioritiesPage *self,
                                                          const char          *id);
/* The row shown at @position (a new reference), or NULL. */
AimakPriorityRow    *aimak_priorities_page_get_row       (AimakPrioritiesPage *self,
                                                          guint                position);
/* "N of M priorities", as shown. */
const char          *aimak_priorities_page_get_count_text (AimakPrioritiesPage *self);
/* The name of the visible page of the list: "list", "empty" or "no-match". */
const char          *aimak_priorities_page_get_list_state (AimakPrioritiesPage *self);
/* The filter widgets, for tests and focus: "search", "status", "marker",
 * "target-group", "sector", "area-scope", "all-areas", "column-view", "new-button",
 * "empty-page", "editor-title". */
GtkWidget           *aimak_priorities_page_get_widget    (AimakPrioritiesPage *self,
                                                          const char          *name);

/* The listed area (with the areas in it); NULL or "" lists every area. */
void                 aimak_priorities_page_set_scope     (AimakPrioritiesPage *self,
                                                          const char          *code);
const char          *aimak_priorities_page_get_scope     (AimakPrioritiesPage *self);
/* Lists @code and opens priority @id, or a new priority in @code when @id is NULL. */
void                 aimak_priorities_page_open          (AimakPrioritiesPage *self,
                                                          const char          *code,
                                                          const char          *id);

G_END_DECLS
