/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-question.h — a message dialog that asks whether to act: Cancel, or
 * the act. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A dialog over @parent (may be NULL) saying @heading (may be NULL) and @body,
 * with the answers "cancel" (_Cancel), which closing it gives too, and
 * @act_id (@act_label) shown with @appearance. Enter gives the act when it is
 * ADW_RESPONSE_SUGGESTED, else Cancel: a destructive answer is never the
 * default. Connect to "response" and present it. */
AdwMessageDialog *aimak_question_new (GtkWindow             *parent,
                                      const char            *heading,
                                      const char            *body,
                                      const char            *act_id,
                                      const char            *act_label,
                                      AdwResponseAppearance  appearance);

G_END_DECLS
