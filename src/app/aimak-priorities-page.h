/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page.h — the Priorities view: the register of an area's
 * development priorities as a sortable, filterable table beside the editor. */
#pragma once

#include "aimak-page.h"
#include "aimak-priority-editor.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITIES_PAGE (aimak_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page,
                      AIMAK, PRIORITIES_PAGE, AimakPage)

AimakPriorityEditor *aimak_priorities_page_get_editor    (AimakPrioritiesPage *self);

/* The listed area (with the areas in it); NULL or "" lists every area. */
void                 aimak_priorities_page_set_scope     (AimakPrioritiesPage *self,
                                                          const char          *code);
/* Lists @code and opens priority @id, or a new priority in @code when @id is NULL. */
void                 aimak_priorities_page_open          (AimakPrioritiesPage *self,
                                                          const char          *code,
                                                          const char          *id);

/* Test hooks are in aimak-priorities-page-private.h. */

/* Re-reads the list (after records arrived), keeping the open priority. */
void                  aimak_priorities_page_reload      (AimakPrioritiesPage *self);
/* Re-reads the list of areas of the scope (after area changes arrived),
 * keeping the area chosen. */
void                  aimak_priorities_page_reload_areas (AimakPrioritiesPage *self);

G_END_DECLS
