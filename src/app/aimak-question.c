/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-question.c — see aimak-question.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-question.h"

AdwMessageDialog *
aimak_question_new (GtkWindow             *parent,
                    const char            *heading,
                    const char            *body,
                    const char            *act_id,
                    const char            *act_label,
                    AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), act_id, act_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, act_id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_SUGGESTED
                                                   ? act_id : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}
