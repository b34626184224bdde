/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-private.h — what the files of the programme model share while
 * building it (aimak-programme.c, aimak-programme-situation.c). Not for writers.
 */
#pragma once

#include "aimak-area.h"
#include "aimak-programme.h"

G_BEGIN_DECLS

typedef struct
{
  AimakDb                     *db;
  const AimakProgrammeOptions *opts;
  const char                  *lang;
  AimakProgramme              *p;
  GCancellable                *cancellable;
  AimakArea                   *area;          /* the programme's area */
  GPtrArray                   *area_codes;    /* char *: the area, and those below when asked */
  AimakCodeTables              codes;         /* the code lists in the document language */
} AimakProgrammeBuild;

#define AIMAK_PROGRAMME_T(b, msgid) aimak_lang_gettext ((b)->lang, (msgid))

/* has_value and text set from @value (NaN = no data) with @decimals decimals. */
void        aimak_programme_value_set     (AimakProgrammeValue *v,
                                           double               value,
                                           int                  decimals,
                                           const char          *lang);
/* As value_set, the text a percentage ("30.3%", "30,3 %"). */
void        aimak_programme_value_percent (AimakProgrammeValue *v,
                                           double               percent,
                                           const char          *lang);
/* The translated label of an area type ("Rayon", "Ayil aimak"). */
const char *aimak_programme_type_label    (const char          *type,
                                           const char          *lang);

void        aimak_programme_fill_labels   (AimakProgramme      *p);
void        aimak_programme_money_free    (AimakProgrammeMoney *m);
void        aimak_programme_field_free    (AimakProgrammeField *f);
void        aimak_programme_priority_free (AimakProgrammePriority *p);
void        aimak_programme_sector_free   (AimakProgrammeSector *s);
AimakProgrammeIndicator *aimak_programme_indicator_new (void);
GPtrArray  *aimak_programme_indicators_new (void);
GPtrArray  *aimak_programme_answers_new   (void);

/* Section 2 (figures, chart) and sections 6–7 (participation, monitoring). */
gboolean    aimak_programme_build_situation     (AimakProgrammeBuild *b,
                                                 GError             **error);
gboolean    aimak_programme_build_participation (AimakProgrammeBuild *b,
                                                 GError             **error);
void        aimak_programme_build_monitoring    (AimakProgrammeBuild *b);

void        aimak_programme_figure_free         (AimakProgrammeFigure *f);
void        aimak_programme_chart_point_free    (AimakProgrammeChartPoint *pt);
void        aimak_programme_hearing_free        (AimakProgrammeHearing *h);
void        aimak_programme_activity_free       (AimakProgrammeActivity *a);
void        aimak_programme_monitoring_row_free (AimakProgrammeMonitoringRow *row);

G_END_DECLS
