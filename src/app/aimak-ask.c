/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-ask.c — see aimak-ask.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-ask.h"

void
aimak_ask_add_answers (AdwMessageDialog      *dialog,
                       const char            *back_id,
                       const char            *back_label,
                       const char            *action_id,
                       const char            *action_label,
                       AdwResponseAppearance  appearance)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_add_responses (dialog, back_id, back_label, action_id, action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, action_id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_SUGGESTED
                                                   ? action_id : back_id);
  adw_message_dialog_set_close_response (dialog, back_id);
}

AdwMessageDialog *
aimak_ask_new (GtkWindow             *parent,
               const char            *heading,
               const char            *body,
               const char            *act_id,
               const char            *act_label,
               AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  aimak_ask_add_answers (dialog, "cancel", _("_Cancel"), act_id, act_label, appearance);
  return dialog;
}
