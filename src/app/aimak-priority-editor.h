/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor.h — the editor of one priority beside the list. It
 * saves as you type: each field change is written after a short pause, as one
 * step that Ctrl+Z takes back. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PRIORITY_EDITOR (aimak_priority_editor_get_type ())
G_DECLARE_FINAL_TYPE (AimakPriorityEditor, aimak_priority_editor,
                      AIMAK, PRIORITY_EDITOR, GtkWidget)

/* How long a field waits after the last keystroke before it is saved. */
#define AIMAK_PRIORITY_EDITOR_DELAY_MS 400
/* Saves of one field by typing are one burst, one entry of the history, until
 * the focus leaves the field, another field is saved, or this long has passed
 * since the burst's last save. */
#define AIMAK_PRIORITY_EDITOR_BURST_SECONDS 120

GtkWidget           *aimak_priority_editor_new          (void);
/* Loads the code lists of @db for the choices. */
void                 aimak_priority_editor_set_db       (AimakPriorityEditor *self,
                                                         AimakDb             *db);
/* Saves what is pending, then shows priority @id (NULL shows nothing). */
gboolean             aimak_priority_editor_load         (AimakPriorityEditor *self,
                                                         const char          *id,
                                                         GError             **error);
/* Re-reads the shown priority after a change made elsewhere (rank moves). */
void                 aimak_priority_editor_reload       (AimakPriorityEditor *self);
const char          *aimak_priority_editor_get_id       (AimakPriorityEditor *self);
/* The priority as stored. */
const AimakPriority *aimak_priority_editor_get_priority (AimakPriorityEditor *self);
/* Writes the field that waits for its pause now; FALSE if it could not be saved. */
gboolean             aimak_priority_editor_flush        (AimakPriorityEditor *self);
void                 aimak_priority_editor_set_read_only (AimakPriorityEditor *self,
                                                          gboolean             read_only);
void                 aimak_priority_editor_focus_title  (AimakPriorityEditor *self);
/* Saves the field waiting for its pause at once: TRUE when nothing is left
 * unsaved; FALSE with @error naming each field whose text cannot be stored
 * (not a number), for the window to ask whether to keep editing or discard. */
gboolean             aimak_priority_editor_save_pending (AimakPriorityEditor  *self,
                                                         GError              **error);
/* Forgets what could not be saved, so that closing does not try again. */
void                 aimak_priority_editor_discard      (AimakPriorityEditor *self);
/* The area chosen in the window: the Area row offers to move the priority there. */
void                 aimak_priority_editor_set_target_area (AimakPriorityEditor *self,
                                                            const char          *code);

/* Test hooks are in aimak-priority-editor-private.h. */

G_END_DECLS
