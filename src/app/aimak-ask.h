/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-ask.h — the answers of a confirmation: one that goes back (also what
 * closing the question means) and one that goes on, suggested or
 * destructive. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @dialog the answers @back_id (its close response) and @action_id
 * with @appearance. The default is @action_id when it is suggested, else
 * @back_id: Enter never does a destructive thing. */
void aimak_ask_add_answers (AdwMessageDialog      *dialog,
                            const char            *back_id,
                            const char            *back_label,
                            const char            *action_id,
                            const char            *action_label,
                            AdwResponseAppearance  appearance);

G_END_DECLS
