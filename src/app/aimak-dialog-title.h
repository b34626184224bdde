/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-dialog-title.h — the title of a dialog's header bar: the window's title
 * in a label that ellipsizes down to "…" and goes when even that does not fit, so
 * that a narrow window (360 px) keeps room for the labelled buttons beside it in
 * every language. The header bar's own title keeps five characters and the
 * .title padding. Used as the header bar's title-widget. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMAK_TYPE_DIALOG_TITLE (aimak_dialog_title_get_type ())
G_DECLARE_FINAL_TYPE (AimakDialogTitle, aimak_dialog_title, AIMAK, DIALOG_TITLE, GtkWidget)

G_END_DECLS
