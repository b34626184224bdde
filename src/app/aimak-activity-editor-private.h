/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity-editor-private.h — the instance of the activity editor and
 * what its parts share. The editor is split by concern:
 *   aimak-activity-editor.c           the class, template and lifecycle, saving
 *   aimak-activity-editor-fields.c    the record ⇄ the widgets, linked priorities
 *   aimak-activity-editor-problems.c  the problems beside the fields and in the list
 *   aimak-activity-editor-choices.c   the code lists: activity types, participants by role
 * Only the editor's own files and the tests include this header.
 */
#pragma once

#include <adwaita.h>

#include "aimak-editor-common.h"
#include "aimak-activity-editor.h"

G_BEGIN_DECLS

struct _AimakActivityEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesPage  *prefs_page;
  GtkLabel            *state_label;
  GtkMenuButton       *problems_button;
  GtkPopover          *problems_popover;
  GtkListBox          *problems_list;
  AdwButtonContent    *problems_content;
  GtkBox              *participants_header;
  AdwPreferencesGroup *basics_group;
  AdwActionRow        *area_row;
  GtkButton           *area_button;
  AdwEntryRow         *date_row;
  GtkCalendar         *calendar;
  AdwComboRow         *type_row;
  AdwEntryRow         *topic_row;
  AdwEntryRow         *facilitator_row;
  AdwPreferencesGroup *participants_group;
  AdwPreferencesGroup *scores_group;
  AdwEntryRow         *pre_row;
  AdwEntryRow         *post_row;
  AdwExpanderRow      *priorities_row;
  GtkTextView         *notes_view;
  GtkButton           *delete_button;

  /* Code lists, declared in the template (aimak-code-list.h) */
  AimakCodeList       *type_list;
  AimakCodeList       *role_list;

  /* Built from the database */
  GHashTable          *field_widgets;    /* field id → the widget named after it */
  GHashTable          *problem_icons;    /* field → warning icon inside its row */
  GHashTable          *problem_texts;    /* field → its problems, one a line */
  GPtrArray           *problem_rows;     /* rows of problems_list */
  guint                n_linkable;       /* priorities of the area that can be linked */
  GPtrArray           *role_rows;        /* AdwActionRow *, one per role */
  GtkWidget           *totals_row;       /* after the roles: the sums as they are typed */
  GPtrArray           *priority_rows;    /* rows inside priorities_row */
  GHashTable          *spins;            /* "women.<role>" / "men.<role>" → GtkSpinButton */
  GHashTable          *priority_checks;  /* priority id → GtkCheckButton */

  /* Owned references */
  AimakDb             *db;
  AimakActivity       *current;
  char                *selected_area;
  char                *refusal;          /* why its area may only be read, or NULL */
  GHashTable          *parse_errors;     /* field → message for text that is not a number */
  guint                save_id;
  guint                filling;
  guint                n_problems;
  gboolean             dirty;
  gboolean             touched;          /* the user changed something since it was shown */
  gint64               burst;            /* change_log row of the burst of typing */
  gboolean             burst_break;      /* a choice was made: no part of a burst */
  gboolean             read_only;
  gboolean             disposing;
};

/* aimak-activity-editor.c */
void       _aimak_activity_editor_changed         (AimakActivityEditor  *self);
void       _aimak_activity_editor_watch_focus     (AimakActivityEditor  *self,
                                                   GtkWidget            *widget);

/* aimak-activity-editor-fields.c */
void       _aimak_activity_editor_fill            (AimakActivityEditor  *self);
void       _aimak_activity_editor_update_area_row (AimakActivityEditor  *self);
void       _aimak_activity_editor_class_init_fields (GtkWidgetClass     *widget_class);
void       _aimak_activity_editor_init_fields     (AimakActivityEditor  *self);

/* aimak-activity-editor-problems.c */
void       _aimak_activity_editor_update_problems (AimakActivityEditor  *self);
void       _aimak_activity_editor_update_state    (AimakActivityEditor  *self);
GtkWidget *_aimak_activity_editor_field_row       (AimakActivityEditor  *self,
                                                   const char           *field);
void       _aimak_activity_editor_class_init_problems (GtkWidgetClass   *widget_class);
void       _aimak_activity_editor_init_problems   (AimakActivityEditor  *self);

/* aimak-activity-editor-choices.c */
void       _aimak_activity_editor_update_totals   (AimakActivityEditor  *self);
void       _aimak_activity_editor_fill_counts     (AimakActivityEditor  *self);
void       _aimak_activity_editor_load_choices    (AimakActivityEditor  *self);
const char *_aimak_activity_editor_type_code      (AimakActivityEditor  *self,
                                                   guint                 position);
void       _aimak_activity_editor_class_init_choices (GtkWidgetClass    *widget_class);

/* Test hooks: called only from tests/. */

/* The widget of @field ("date", "type", "topic", "facilitator", "pre_score",
 * "post_score", "notes", "area_code"). */
GtkWidget      *aimak_activity_editor_get_field_widget   (AimakActivityEditor *self,
                                                          const char          *field);
/* The spin button for the women (or men) of @role_code. */
GtkSpinButton  *aimak_activity_editor_get_count_spin     (AimakActivityEditor *self,
                                                          const char          *role_code,
                                                          gboolean             women);
/* The check button linking priority @id. */
GtkCheckButton *aimak_activity_editor_get_priority_check (AimakActivityEditor *self,
                                                          const char          *id);
/* Number of problems in the summary, and the inline text shown for @field's group. */
guint           aimak_activity_editor_get_n_problems     (AimakActivityEditor *self);
const char     *aimak_activity_editor_get_inline_problem (AimakActivityEditor *self,
                                                          const char          *field);
const char     *aimak_activity_editor_get_state_text     (AimakActivityEditor *self);
/* The list of problems in the popover of the problem button. */
GtkListBox     *aimak_activity_editor_get_problem_list   (AimakActivityEditor *self);

G_END_DECLS
