/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile-private.h — the area profile's instance and the
 * functions its parts share: aimak-area-profile.c (header, key figures,
 * filter, reload), -charts.c (the two charts), -table.c (the value table and
 * the comparison table), -editing.c (actions, undo, history, import). */
#pragma once

#include "aimak-area-priorities.h"
#include "aimak-area-profile.h"
#include "aimak-profile-item.h"

G_BEGIN_DECLS

struct _AimakAreaProfile
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  AimakAreaPriorities *priorities;
  GtkBox             *chain_box;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkWidget          *pilot_badge;
  AdwActionRow       *name_en_row;
  AdwActionRow       *name_ru_row;
  AdwActionRow       *name_ky_row;
  AdwActionRow       *type_row;
  AdwActionRow       *code_row;
  AdwActionRow       *pilot_row;
  GtkFlowBox         *key_box;
  AimakMap           *map;
  AimakChart         *sex_chart;
  AimakChart         *trend_chart;
  GtkDropDown        *indicator_dropdown;
  GtkSpinButton      *year_from;
  GtkSpinButton      *year_to;
  GtkStack           *table_stack;
  GtkLabel           *table_empty_label;
  GtkColumnView      *table_view;
  GtkWidget          *history_button;
  GtkPopover         *history_popover;
  GtkBox             *history_box;
  GtkWidget          *trend_card;
  GtkWidget          *compare_group;
  GtkLabel           *compare_caption;
  GtkColumnView      *compare_view;
  GtkListBox         *changes_list;

  /* Owned references */
  AimakDb            *db;
  char               *code;
  GListStore         *rows;
  GtkSingleSelection *selection;
  GListStore         *compare_rows;
  GPtrArray          *filter_codes;    /* char *, parallel to the dropdown after "All" */
  char               *filter_code;     /* NULL = all indicators */
  gboolean            updating_filter;
};


/* aimak-area-profile.c */
gboolean           aimak_area_profile_read_only       (AimakAreaProfile *self);
/* "%" for percent; counts and rates carry their unit in the unit column. */
const char        *aimak_area_profile_value_suffix    (const char       *unit);
char              *aimak_area_profile_format_number   (double            value,
                                                       const char       *unit);
void               aimak_area_profile_clear_box       (GtkBox           *box);
const char        *aimak_area_profile_comparison_label (AimakArea       *area,
                                                        const char      *lang,
                                                        char           **owned);
gboolean           aimak_area_profile_is_key_indicator (GHashTable      *catalogue,
                                                        const char      *code);

/* aimak-area-profile-charts.c */
void               aimak_area_profile_fill_sex_chart  (AimakAreaProfile *self,
                                                       GPtrArray        *chain,
                                                       GPtrArray        *all_rows,
                                                       GHashTable       *catalogue);
void               aimak_area_profile_fill_trend_chart (AimakAreaProfile        *self,
                                                        const AimakIndicatorRow *row);
void               aimak_area_profile_init_charts     (AimakAreaProfile *self);

/* aimak-area-profile-table.c */
void               aimak_area_profile_init_tables     (AimakAreaProfile *self);
AimakIndicatorRow *aimak_area_profile_selected_row    (AimakAreaProfile *self);
void               aimak_area_profile_reload_table    (AimakAreaProfile *self);
void               aimak_area_profile_fill_comparison (AimakAreaProfile *self,
                                                       GPtrArray        *chain,
                                                       GPtrArray        *all_rows,
                                                       GHashTable       *catalogue);
void               aimak_area_profile_fill_filter     (AimakAreaProfile *self,
                                                       GPtrArray        *all_rows);

/* aimak-area-profile-editing.c */
void               aimak_area_profile_update_actions  (AimakAreaProfile *self);
void               aimak_area_profile_class_init_editing (GtkWidgetClass *widget_class);
void               aimak_area_profile_on_table_activate (GtkColumnView    *view,
                                                         guint             position,
                                                         AimakAreaProfile *self);
void               aimak_area_profile_on_history_show (GtkPopover       *popover,
                                                       AimakAreaProfile *self);

/* aimak-area-profile-changes.c: successors, predecessors, sums of former areas. */
void               aimak_area_profile_fill_changes    (AimakAreaProfile *self);

/* For tests: the parts. */
AimakMap   *aimak_area_profile_get_map         (AimakAreaProfile *self);
AimakChart *aimak_area_profile_get_sex_chart   (AimakAreaProfile *self);
AimakChart *aimak_area_profile_get_trend_chart (AimakAreaProfile *self);
/* Row items of the table and of the comparison table; use
 * aimak_area_profile_item_get_row () / _get_area_label () on them. */
GListModel *aimak_area_profile_get_rows        (AimakAreaProfile *self);
GListModel *aimak_area_profile_get_comparison  (AimakAreaProfile *self);
const AimakIndicatorRow *aimak_area_profile_item_get_row        (gpointer item);
const char              *aimak_area_profile_item_get_area_label (gpointer item);
/* Selects the table row at @position (shows its trend). */
void        aimak_area_profile_select_row      (AimakAreaProfile *self,
                                                guint             position);
/* Fills the history popover for the selected row and returns its content. */
GtkWidget  *aimak_area_profile_build_history   (AimakAreaProfile *self);
/* The list of territorial changes (rows: links, the move button, sums). */
GtkListBox *aimak_area_profile_get_changes     (AimakAreaProfile *self);
/* Sets the indicator filter (NULL = all) and the year range (0 = open). */
void        aimak_area_profile_set_filter      (AimakAreaProfile *self,
                                                const char       *indicator_code,
                                                int               year_from,
                                                int               year_to);

G_END_DECLS
