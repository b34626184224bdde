/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-editor-private.h — the instance of the priority editor and
 * what its parts share. The editor is split by concern:
 *   aimak-priority-editor.c           the class, template and lifecycle, loading
 *   aimak-priority-editor-fields.c    the record's fields ⇄ the widgets that edit them
 *   aimak-priority-editor-history.c   saving one field at a time, undo, the History group
 *   aimak-priority-editor-problems.c  the problems beside the fields and in the bar
 *   aimak-priority-editor-choices.c   the code lists: dropdowns, check lists, checklist
 * Only the editor's own files and the tests include this header.
 */
#pragma once

#include <adwaita.h>

#include "aimak-field.h"
#include "aimak-marker-badge.h"
#include "aimak-editor-common.h"
#include "aimak-priority-editor.h"
#include "aimak-priority-indicator-row.h"

G_BEGIN_DECLS

typedef struct
{
  char          *field;
  AimakPriority *before;
} AimakPriorityEditorStep;

struct _AimakPriorityEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *prefs_page;
  GtkWidget           *problem_bar;
  GtkLabel            *bar_label;
  GtkMenuButton       *problems_button;
  GtkPopover          *problems_popover;
  GtkListBox          *problems_list;
  AdwButtonContent    *problems_content;
  GtkBox              *problem_caption;
  GtkBox              *description_caption;
  GtkBox              *justification_caption;
  GtkBox              *indicators_header;
  AdwPreferencesGroup *basics_group;
  AdwPreferencesGroup *gender_group;
  AdwPreferencesGroup *checklist_group;
  AdwPreferencesGroup *alignment_group;
  AdwPreferencesGroup *budget_group;
  AdwPreferencesGroup *hearing_group;
  AdwPreferencesGroup *indicators_group;
  AdwPreferencesGroup *history_group;
  AdwEntryRow         *title_row;
  AdwPreferencesRow   *problem_row;
  GtkTextView         *problem_view;
  AdwPreferencesRow   *description_row;
  GtkTextView         *description_view;
  AdwComboRow         *sector_row;
  AdwActionRow        *area_row;
  GtkWidget           *move_area_button;
  GtkLabel            *move_area_label;
  AdwComboRow         *marker_row;
  AdwPreferencesRow   *justification_row;
  GtkTextView         *justification_view;
  AdwExpanderRow      *groups_row;
  AdwActionRow        *suggested_row;
  AimakMarkerBadge    *suggested_badge;
  AdwExpanderRow      *gcm_row;
  AdwExpanderRow      *sdg_row;
  AdwEntryRow         *budget_row;
  AdwComboRow         *funding_row;
  AdwEntryRow         *responsible_row;
  AdwEntryRow         *partners_row;
  AdwEntryRow         *start_year_row;
  AdwEntryRow         *end_year_row;
  AdwEntryRow         *hearing_date_row;
  AdwEntryRow         *participants_f_row;
  AdwEntryRow         *participants_m_row;
  AdwEntryRow         *decision_no_row;
  AdwEntryRow         *decision_date_row;
  AdwComboRow         *status_row;
  GtkWidget           *no_indicators_row;
  GtkWidget           *add_indicator_button;
  GtkWidget           *no_history_row;

  /* Code lists of the check lists, declared in the template (aimak-code-list.h);
   * the dropdowns' lists are their models */
  AimakCodeList       *groups_list;
  AimakCodeList       *gcm_list;
  AimakCodeList       *sdg_list;
  AimakCodeList       *checklist_list;

  /* Owned references */
  AimakDb             *db;
  AimakPriority       *saved;
  AimakPriority       *current;
  char                *pending;         /* the field waiting for its pause */
  guint                pending_id;
  gboolean             pending_typed;   /* FALSE for a choice, saved at once */
  gint64               burst;           /* change_log row of the burst of typing */
  char                *burst_field;
  gint64               burst_time;      /* monotonic µs of the burst's last save */
  GPtrArray           *undo;            /* AimakPriorityEditorStep * */
  GHashTable          *code_lists;      /* choice field → its AimakCodeList */
  GPtrArray           *own_lists;       /* lists of check lists not in the template */
  GHashTable          *checks;          /* "field:code" → GtkCheckButton */
  GHashTable          *answer_buttons;  /* "item:answer" → GtkToggleButton */
  GPtrArray           *dynamic_rows;    /* check and checklist rows, removed on set_db */
  GPtrArray           *indicator_rows;
  GPtrArray           *summary_rows;    /* rows of problems_list */
  GPtrArray           *history_rows;
  GHashTable          *field_widgets;   /* field → the editing widget */
  GHashTable          *field_rows;      /* field → the row that gets .error */
  GHashTable          *problem_icons;   /* field → GtkImage beside the field */
  GHashTable          *problem_texts;   /* field → its problems as shown, one a line */
  GHashTable          *parse_errors;    /* field → message (text that is not a number) */
  char                *refusal;
  char                *target_area;     /* the window's area, where "Move to" goes */
  char                *problems_signature;  /* what the problem rows show now */
  gboolean             refusal_is_status;
  gboolean             refusal_is_area;  /* the refusal says the area may only be read */
  guint                filling;
  guint                n_problems;
  gboolean             read_only;
};

/* aimak-priority-editor.c */
void        _aimak_priority_editor_emit_saved      (AimakPriorityEditor *self);
void        _aimak_priority_editor_update_area_row (AimakPriorityEditor *self);
char       *_aimak_priority_editor_area_label      (AimakPriorityEditor *self,
                                                    const char          *code,
                                                    gboolean             with_type);

/* aimak-priority-editor-fields.c */
gboolean    _aimak_priority_editor_is_field        (const char          *field,
                                                    const char          *name);
const AimakField *_aimak_priority_editor_field     (const char          *field);
void        _aimak_priority_editor_copy_field      (AimakPriority       *dst,
                                                    const AimakPriority *src,
                                                    const char          *field);
gboolean    _aimak_priority_editor_field_equal     (const AimakPriority *a,
                                                    const AimakPriority *b,
                                                    const char          *field);
GPtrArray **_aimak_priority_editor_codes_slot      (AimakPriority       *p,
                                                    const char          *field);
void        _aimak_priority_editor_fill_field      (AimakPriorityEditor *self,
                                                    const char          *field);
void        _aimak_priority_editor_fill_all        (AimakPriorityEditor *self);
void        _aimak_priority_editor_fill_indicators (AimakPriorityEditor *self);
void        _aimak_priority_editor_watch_focus     (AimakPriorityEditor *self,
                                                    GtkWidget           *widget);
void        _aimak_priority_editor_init_fields     (AimakPriorityEditor *self);
void        _aimak_priority_editor_class_init_fields (GtkWidgetClass    *widget_class);

/* aimak-priority-editor-history.c */
void        _aimak_priority_editor_step_free       (AimakPriorityEditorStep *step);
void        _aimak_priority_editor_end_burst       (AimakPriorityEditor *self);
void        _aimak_priority_editor_field_changed   (AimakPriorityEditor *self,
                                                    const char          *field,
                                                    gboolean             at_once);
gboolean    _aimak_priority_editor_undo            (AimakPriorityEditor *self);
void        _aimak_priority_editor_refresh_history (AimakPriorityEditor *self);
void        _aimak_priority_editor_class_init_history (GtkWidgetClass   *widget_class);

/* aimak-priority-editor-problems.c */
void        _aimak_priority_editor_attach_problem_icon (AimakPriorityEditor *self,
                                                        const char          *field,
                                                        GtkWidget           *field_row,
                                                        GtkWidget           *icon_parent);
void        _aimak_priority_editor_set_refusal     (AimakPriorityEditor *self,
                                                    const char          *message,
                                                    gboolean             is_status);
void        _aimak_priority_editor_update_bar      (AimakPriorityEditor *self);
void        _aimak_priority_editor_update_problems (AimakPriorityEditor *self);
void        _aimak_priority_editor_class_init_problems (GtkWidgetClass  *widget_class);

/* aimak-priority-editor-choices.c */
AimakCodeList *_aimak_priority_editor_code_list    (AimakPriorityEditor *self,
                                                    const char          *field);
void        _aimak_priority_editor_fill_choice     (AimakPriorityEditor *self,
                                                    const char          *field);
void        _aimak_priority_editor_add_choice      (AimakPriorityEditor *self,
                                                    const char          *field,
                                                    GtkWidget           *widget);
void        _aimak_priority_editor_load_choices    (AimakPriorityEditor *self);
void        _aimak_priority_editor_clear_choices   (AimakPriorityEditor *self);
void        _aimak_priority_editor_class_init_choices (GtkWidgetClass   *widget_class);

/* Test hooks: called only from tests/. */

/* The widget that edits @field (a column name of DESIGN.md, e.g. "title",
 * "problem", "gender_marker", "status", "target_groups"), for focus and tests. */
GtkWidget       *aimak_priority_editor_get_field_widget   (AimakPriorityEditor *self,
                                                           const char          *field);
/* The check button of @code in the list @field ("target_groups", "gcm", "sdg"). */
GtkCheckButton  *aimak_priority_editor_get_check          (AimakPriorityEditor *self,
                                                           const char          *field,
                                                           const char          *code);
/* The toggle of @answer ("yes", "partly", "no") for checklist item @item. */
GtkToggleButton *aimak_priority_editor_get_answer_button  (AimakPriorityEditor *self,
                                                           const char          *item,
                                                           const char          *answer);
/* Indicator rows, in order. */
guint            aimak_priority_editor_get_n_indicators   (AimakPriorityEditor *self);
GtkWidget       *aimak_priority_editor_get_indicator_row  (AimakPriorityEditor *self,
                                                           guint                index);
/* The inline problem shown under the field of @field, or NULL when none. */
const char      *aimak_priority_editor_get_inline_problem (AimakPriorityEditor *self,
                                                           const char          *field);
/* The number of problems in the summary at the top. */
guint            aimak_priority_editor_get_n_problems     (AimakPriorityEditor *self);
/* The list of problems in the popover of the problem button. */
GtkListBox      *aimak_priority_editor_get_problem_list   (AimakPriorityEditor *self);
/* Opens the expander of @field, focuses it and scrolls it into view. */
void             aimak_priority_editor_reveal_field       (AimakPriorityEditor *self,
                                                           const char          *field);
/* The explanation shown after a refused status change, or NULL. */
const char      *aimak_priority_editor_get_refusal        (AimakPriorityEditor *self);
/* The title of history row @index, newest first. */
const char      *aimak_priority_editor_get_history_title  (AimakPriorityEditor *self,
                                                           guint                index);

G_END_DECLS
