/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor.h — the editor of one capacity-building activity beside
 * the list. It saves as you type: after a short pause the activity is written if it
 * is valid; a new activity is created the first time it is valid. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_ACTIVITY_EDITOR (aimak_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (AimakActivityEditor, aimak_activity_editor, AIMAK, ACTIVITY_EDITOR,
                      GtkWidget)

/* How long the editor waits after the last change before it saves. */
#define AIMAK_ACTIVITY_EDITOR_DELAY_MS 400

GtkWidget           *aimak_activity_editor_new            (void);
/* Loads the code lists (types, roles) of @db. */
void                 aimak_activity_editor_set_db         (AimakActivityEditor *self,
                                                           AimakDb             *db);
void                 aimak_activity_editor_set_read_only  (AimakActivityEditor *self,
                                                           gboolean             read_only);
/* The area selected in the window, offered by "Use Selected Area". */
void                 aimak_activity_editor_set_selected_area (AimakActivityEditor *self,
                                                              const char          *area_code);
/* Shows activity @id (NULL shows nothing). Call flush() first to keep pending edits. */
gboolean             aimak_activity_editor_load           (AimakActivityEditor *self,
                                                           const char          *id,
                                                           GError             **error);
/* Shows a new, unsaved activity in @area_code. */
void                 aimak_activity_editor_new_activity   (AimakActivityEditor *self,
                                                           const char          *area_code);
/* The id of the shown activity; NULL when nothing is shown or it is not created yet. */
const char          *aimak_activity_editor_get_id         (AimakActivityEditor *self);
gboolean             aimak_activity_editor_is_shown       (AimakActivityEditor *self);
/* TRUE when the shown activity has changes that are not saved. */
gboolean             aimak_activity_editor_has_unsaved    (AimakActivityEditor *self);
/* Saves now what waits for its pause; FALSE (with @error) when it cannot be saved,
 * e.g. because of problems, which then stay shown. */
gboolean             aimak_activity_editor_flush          (AimakActivityEditor *self,
                                                           GError             **error);
void                 aimak_activity_editor_focus          (AimakActivityEditor *self);
/* Saves what the user changed and is still waiting (at once, without the pause):
 * TRUE when nothing is left unsaved; FALSE with @error when it cannot be saved
 * because it has problems (the window then asks to keep editing or discard).
 * A new activity that was never typed into counts as nothing to save. */
gboolean             aimak_activity_editor_save_pending   (AimakActivityEditor  *self,
                                                           GError              **error);
/* Forgets the unsaved changes, so that closing does not try to save them again. */
void                 aimak_activity_editor_discard        (AimakActivityEditor *self);
/* Test hooks are in aimak-activity-editor-private.h. */

G_END_DECLS
