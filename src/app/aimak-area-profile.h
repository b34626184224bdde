/* aimak-area-profile.h — the profile of one area: names, type, parent chain,
 * pilot status, key figures, the indicator table with its trend, charts, the
 * map, values of the oblast and the country for comparison, and editing. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"
#include "aimak-chart.h"
#include "aimak-map.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_AREA_PROFILE (aimak_area_profile_get_type ())
G_DECLARE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, AIMAK, AREA_PROFILE, GtkWidget)

void        aimak_area_profile_set_area (AimakAreaProfile *self,
                                         AimakDb          *db,
                                         const char       *code);
const char *aimak_area_profile_get_area (AimakAreaProfile *self);
/* Re-reads everything shown from the database. */
void        aimak_area_profile_reload   (AimakAreaProfile *self);

/* The profile inside @ancestor's widget tree (for the window's menu). */
AimakAreaProfile *aimak_area_profile_find (GtkWidget      *ancestor);
/* Opens the CSV import dialog on @db; the profile refreshes after an import. */
void        aimak_area_profile_import_csv (AimakAreaProfile *self,
                                           AimakDb          *db);

/* The parts, for tests. */
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
/* Sets the indicator filter (NULL = all) and the year range (0 = open). */
void        aimak_area_profile_set_filter      (AimakAreaProfile *self,
                                                const char       *indicator_code,
                                                int               year_from,
                                                int               year_to);

G_END_DECLS
