/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-ask.h — confirmations: a question dialog, and the answers of one: one that goes back (also what
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

/* A dialog over @parent (may be NULL) saying @heading (may be NULL) and @body,
 * with the answers "cancel" (_Cancel) and @act_id (@act_label), given by
 * aimak_ask_add_answers(). Connect to "response" and present it. */
AdwMessageDialog *aimak_ask_new (GtkWindow             *parent,
                                 const char            *heading,
                                 const char            *body,
                                 const char            *act_id,
                                 const char            *act_label,
                                 AdwResponseAppearance  appearance);

G_END_DECLS
