/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priorities-page-private.h — the Priorities view's instance and the
 * functions its parts share: aimak-priorities-page.c (state, selection, the
 * editor, the object), -cells.c (the table's cells), -filters.c (filters,
 * sorting, the area scope, column widths), -actions.c (new, delete, move,
 * duplicate). */
#pragma once

#include "aimak-marker-badge.h"
#include "aimak-priorities-page.h"
#include "aimak-priority-slots.h"

G_BEGIN_DECLS

/* What a column's sorter stands for, see on_sort_changed(). */
typedef struct
{
  AimakPrioritiesPage *page;
  AimakPrioritySort    sort;
} SortProbe;

struct _AimakPrioritiesPage
{
  AimakPage            parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *scope_dropdown;
  GtkBox              *filter_box;
  GtkMenuButton       *filter_button;
  GtkBox              *filter_popover_box;
  GtkScrolledWindow   *list_scroller;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *marker_dropdown;
  GtkDropDown         *group_dropdown;
  GtkDropDown         *sector_dropdown;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_button;
  GtkWidget           *new_button;
  GtkStack            *editor_stack;
  AimakPriorityEditor *editor;
  GtkLabel            *editor_title;
  AimakMarkerBadge    *editor_badge;
  GtkWidget           *back_button;
  GtkColumnViewColumn *area_column;
  GtkColumnViewColumn *marker_column;
  GtkCustomSorter     *rank_sorter;
  GtkCustomSorter     *area_sorter;
  GtkCustomSorter     *title_sorter;
  GtkCustomSorter     *marker_sorter;
  GtkCustomSorter     *budget_sorter;
  GtkCustomSorter     *status_sorter;
  GtkCustomSorter     *updated_sorter;

  /* Owned references */
  AimakPriorityModel  *model;
  AimakPrioritySlots  *slots;          /* what the view shows: stable items over model */
  char                *selected_id;
  GtkColumnViewColumn *area_column_ref;
  AimakPrioritySort    sort;
  gboolean             descending;
  int                  probed;
  guint                updating;
  guint                reload_id;
  char                *scope_code;     /* the listed area with its children; NULL = all */
  GListStore          *scope_items;    /* AimakAreaItem, "All Areas" first (code "") */
  guint                fold_id;
};

/* aimak-priorities-page.c */
void aimak_priorities_page_update_list_state (AimakPrioritiesPage *self);
void aimak_priorities_page_update_banners (AimakPrioritiesPage *self);
void aimak_priorities_page_scroll_to (AimakPrioritiesPage *self, guint pos);
void aimak_priorities_page_select_quietly (AimakPrioritiesPage *self, const char *id);
void aimak_priorities_page_open_priority (AimakPrioritiesPage *self, const char *id);
gboolean aimak_priorities_page_requery (AimakPrioritiesPage *self, const AimakPriorityFilter *filter, GError **error);
void aimak_priorities_page_show_editor (AimakPrioritiesPage *self);

/* aimak-priorities-page-cells.c */
/* Gives each column of the table (the .ui's, in order) the factory of its cells. */
void aimak_priorities_page_set_cell_factories (AimakPrioritiesPage *self);

/* aimak-priorities-page-filters.c */
void aimak_priorities_page_apply_filter (AimakPrioritiesPage *self);
void aimak_priorities_page_on_filter_changed (AimakPrioritiesPage *self);
int aimak_priorities_page_sort_probe (gconstpointer a, gconstpointer b, gpointer data);
void aimak_priorities_page_on_sort_changed (GtkSorter *sorter, GtkSorterChange change, AimakPrioritiesPage *self);
void aimak_priorities_page_on_search_activate (AimakPrioritiesPage *self);
void aimak_priorities_page_on_stop_search (AimakPrioritiesPage *self);
void aimak_priorities_page_fill_filters (AimakPrioritiesPage *self);
void aimak_priorities_page_init_marker_filter (AimakPrioritiesPage *self);
void aimak_priorities_page_update_area_column (AimakPrioritiesPage *self);
void aimak_priorities_page_fill_scope (AimakPrioritiesPage *self);
void aimak_priorities_page_on_scope_changed (AimakPrioritiesPage *self);
void aimak_priorities_page_fit_columns (AimakPrioritiesPage *self);
void aimak_priorities_page_note_budget (AimakPrioritiesPage *self, const char *text);
void aimak_priorities_page_fit_popover_list (GtkDropDown *dropdown);

/* aimak-priorities-page-actions.c */
void aimak_priorities_page_update_actions (AimakPrioritiesPage *self);
void aimak_priorities_page_action_search (GtkWidget *widget, const char *action_name, GVariant *parameter);
void aimak_priorities_page_clear_filters (AimakPrioritiesPage *self);
void aimak_priorities_page_action_clear_filters (GtkWidget *widget, const char *action_name, GVariant *parameter);
void aimak_priorities_page_action_new (GtkWidget *widget, const char *action_name, GVariant *parameter);
void aimak_priorities_page_action_delete (GtkWidget *widget, const char *action_name, GVariant *parameter);
void aimak_priorities_page_action_move (GtkWidget *widget, const char *action_name, GVariant *parameter);
void aimak_priorities_page_action_duplicate (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* For tests. */
/* The rows shown (a GtkSingleSelection over the AimakPriorityModel). */
GtkSingleSelection  *aimak_priorities_page_get_selection (AimakPrioritiesPage *self);
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

const char          *aimak_priorities_page_get_scope     (AimakPrioritiesPage *self);

G_END_DECLS
