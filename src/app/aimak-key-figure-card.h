/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-key-figure-card.h — one card of the area profile's key figures: the
 * latest value of a key indicator by sex, with its year and source, or "No
 * data" and a button that adds a value (action profile.add-value-for). */
#pragma once

#include <gtk/gtk.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_KEY_FIGURE_CARD (aimak_key_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (AimakKeyFigureCard, aimak_key_figure_card, AIMAK, KEY_FIGURE_CARD, GtkBox)

/* @key: the key indicator's code; @figure: its figure, or NULL for none;
 * @full_name: the indicator's full name, the title's tooltip. */
GtkWidget *aimak_key_figure_card_new         (const char           *key,
                                              const AimakKeyFigure *figure,
                                              const char           *full_name);
/* "1 other source differs": beside a figure chosen among sources that
 * disagree (the rule is aimak_indicator_series()'s). */
char      *aimak_key_figure_card_differ_text (guint                 n);

G_END_DECLS
