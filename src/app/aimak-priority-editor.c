/* aimak-priority-editor.c — the priority editor.
 *
 * Two copies of the record are kept: "saved" is what the database holds and
 * "current" what the widgets show. A change updates "current" at once (so the
 * problems shown follow every keystroke) and marks its field pending; after
 * AIMAK_PRIORITY_EDITOR_DELAY_MS, or as soon as another field changes, only
 * that field is copied onto "saved" and written with aimak_priority_update().
 * So every save is one field, and the undo stack holds the record as it was
 * before each save. Choices (lists, toggles) are saved at once.
 *
 * The history gets one entry per field per burst of typing, not one per pause:
 * the saves of a typed field fold into the change_log row of the burst's first
 * save (aimak_priority_update_burst()) until the focus leaves the field, another
 * field is saved, a choice is made, undo is used, another priority is shown, or
 * AIMAK_PRIORITY_EDITOR_BURST_SECONDS pass without a save. Choices are one entry
 * each, as a status change must stay in the history.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aimak-priority-indicator-row.h"
#include "aimak-marker-badge.h"
#include "aimak-numbers.h"
#include "aimak-priority-editor.h"
#include "aimak-field-problem.h"

/* A code list of the database: codes and names in the database's language. */
typedef struct
{
  GPtrArray *codes;
  GPtrArray *names;
} CodeList;

typedef struct
{
  char          *field;
  AimakPriority *before;
} UndoStep;

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
  GPtrArray           *undo;            /* UndoStep * */
  CodeList             sectors;
  CodeList             funding;
  CodeList             statuses;
  CodeList             groups;
  CodeList             gcm;
  CodeList             sdg;
  CodeList             checklist;
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
  guint                filling;
  guint                n_problems;
  gboolean             read_only;
};

G_DEFINE_FINAL_TYPE (AimakPriorityEditor, aimak_priority_editor, GTK_TYPE_WIDGET)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_problems (AimakPriorityEditor *self);
static void update_area_row (AimakPriorityEditor *self);
static char *area_label     (AimakPriorityEditor *self,
                             const char          *code,
                             gboolean             with_type);
static void fill_field      (AimakPriorityEditor *self,
                             const char          *field);

/* Every field the editor writes, in the order of the form. */
static const char * const all_fields[] = {
  "area_code", "title", "problem", "description", "sector_code", "gender_marker",
  "marker_justification", "target_groups", "checklist", "gcm", "sdg", "budget_kgs",
  "funding_source", "responsible", "partners", "start_year", "end_year", "hearing_date",
  "hearing_participants_f", "hearing_participants_m", "kenesh_decision_no",
  "kenesh_decision_date", "status", "indicators", NULL
};

/* ------------------------------------------------------------------------ */
/* Code lists                                                                */

static void
code_list_clear (CodeList *list)
{
  g_clear_pointer (&list->codes, g_ptr_array_unref);
  g_clear_pointer (&list->names, g_ptr_array_unref);
}

/* @sql is one of the fixed queries below, never built from user text. */
static void
code_list_load (CodeList   *list,
                AimakDb    *db,
                const char *sql)
{
  g_autoptr(AimakStmt) st = NULL;

  code_list_clear (list);
  list->codes = g_ptr_array_new_with_free_func (g_free);
  list->names = g_ptr_array_new_with_free_func (g_free);
  st = aimak_db_prepare (db, NULL, sql, NULL);
  while (st && aimak_stmt_next (st, NULL))
    {
      g_ptr_array_add (list->codes, g_strdup (aimak_stmt_text (st, 0)));
      g_ptr_array_add (list->names, g_strdup (aimak_stmt_text (st, 1)));
    }
}

static int
code_list_index (const CodeList *list,
                 const char     *code)
{
  for (guint i = 0; code && list->codes && i < list->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (list->codes, i), code) == 0)
      return (int) i;
  return -1;
}

static const char *
code_list_name (const CodeList *list,
                const char     *code)
{
  int i = code_list_index (list, code);

  return i >= 0 ? g_ptr_array_index (list->names, i) : code;
}

/* ------------------------------------------------------------------------ */
/* Fields of the record                                                      */

static gboolean
is_field (const char *field,
          const char *name)
{
  return g_strcmp0 (field, name) == 0;
}

static void
replace_str (char       **dst,
             const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dst);
  *dst = copy;
}

static GPtrArray *
codes_copy (const GPtrArray *src)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; src && i < src->len; i++)
    g_ptr_array_add (dst, g_strdup (g_ptr_array_index (src, i)));
  return dst;
}

/* The address of a text field of @p, or NULL when @field is not text. */
static char **
text_slot (AimakPriority *p,
           const char    *field)
{
  static const struct { const char *field; gsize offset; } slots[] = {
    { "area_code", G_STRUCT_OFFSET (AimakPriority, area_code) },
    { "title", G_STRUCT_OFFSET (AimakPriority, title) },
    { "problem", G_STRUCT_OFFSET (AimakPriority, problem) },
    { "description", G_STRUCT_OFFSET (AimakPriority, description) },
    { "sector_code", G_STRUCT_OFFSET (AimakPriority, sector_code) },
    { "marker_justification", G_STRUCT_OFFSET (AimakPriority, marker_justification) },
    { "status", G_STRUCT_OFFSET (AimakPriority, status) },
    { "funding_source", G_STRUCT_OFFSET (AimakPriority, funding_source) },
    { "responsible", G_STRUCT_OFFSET (AimakPriority, responsible) },
    { "partners", G_STRUCT_OFFSET (AimakPriority, partners) },
    { "hearing_date", G_STRUCT_OFFSET (AimakPriority, hearing_date) },
    { "kenesh_decision_no", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_no) },
    { "kenesh_decision_date", G_STRUCT_OFFSET (AimakPriority, kenesh_decision_date) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (is_field (field, slots[i].field))
      return G_STRUCT_MEMBER_P (p, slots[i].offset);
  return NULL;
}

/* The address of an int field of @p, or NULL. */
static int *
int_slot (AimakPriority *p,
          const char    *field)
{
  if (is_field (field, "gender_marker"))
    return &p->gender_marker;
  if (is_field (field, "start_year"))
    return &p->start_year;
  if (is_field (field, "end_year"))
    return &p->end_year;
  if (is_field (field, "hearing_participants_f"))
    return &p->hearing_participants_f;
  if (is_field (field, "hearing_participants_m"))
    return &p->hearing_participants_m;
  return NULL;
}

static GPtrArray **
codes_slot (AimakPriority *p,
            const char    *field)
{
  if (is_field (field, "target_groups"))
    return &p->target_groups;
  if (is_field (field, "gcm"))
    return &p->gcm;
  if (is_field (field, "sdg"))
    return &p->sdg;
  return NULL;
}

/* Copies one field from @src to @dst. */
static void
copy_field (AimakPriority       *dst,
            const AimakPriority *src,
            const char          *field)
{
  AimakPriority *s = (AimakPriority *) src;
  char **text;
  int *num;
  GPtrArray **codes;

  if ((text = text_slot (dst, field)))
    replace_str (text, *text_slot (s, field));
  else if ((num = int_slot (dst, field)))
    *num = *int_slot (s, field);
  else if ((codes = codes_slot (dst, field)))
    {
      g_ptr_array_unref (*codes);
      *codes = codes_copy (*codes_slot (s, field));
    }
  else if (is_field (field, "budget_kgs"))
    dst->budget_kgs = src->budget_kgs;
  else if (is_field (field, "checklist"))
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_remove_all (dst->checklist);
      g_hash_table_iter_init (&iter, src->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        aimak_priority_set_answer (dst, key, value);
    }
  else if (is_field (field, "indicators"))
    {
      g_ptr_array_set_size (dst->indicators, 0);
      for (guint i = 0; i < src->indicators->len; i++)
        g_ptr_array_add (dst->indicators,
                         aimak_priority_indicator_copy (g_ptr_array_index (src->indicators, i)));
    }
  else
    g_warn_if_reached ();
}

static char *
number_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return isnan (v) ? g_strdup ("") : g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", v));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* A canonical text of one field, to tell whether a change changes anything. */
static char *
field_text (const AimakPriority *p,
            const char          *field)
{
  AimakPriority *q = (AimakPriority *) p;
  GString *s = g_string_new (NULL);
  char **text;
  int *num;
  GPtrArray **codes;

  if ((text = text_slot (q, field)))
    g_string_append (s, *text ? *text : "");   /* NULL and "" are one value, as stored */
  else if ((num = int_slot (q, field)))
    g_string_append_printf (s, "%d", *num);
  else if ((codes = codes_slot (q, field)))
    {
      g_autoptr(GPtrArray) sorted = codes_copy (*codes);

      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf (s, "%s,", (char *) g_ptr_array_index (sorted, i));
    }
  else if (is_field (field, "budget_kgs"))
    {
      g_autofree char *t = number_text (p->budget_kgs);
      g_string_append (s, t);
    }
  else if (is_field (field, "checklist"))
    {
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

      g_hash_table_iter_init (&iter, p->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_ptr_array_add (pairs, g_strdup_printf ("%s=%s", (char *) key, (char *) value));
      g_ptr_array_sort (pairs, compare_strings);
      for (guint j = 0; j < pairs->len; j++)
        g_string_append_printf (s, "%s,", (char *) g_ptr_array_index (pairs, j));
    }
  else if (is_field (field, "indicators"))
    {
      for (guint i = 0; i < p->indicators->len; i++)
        {
          AimakPriorityIndicator *ind = g_ptr_array_index (p->indicators, i);
          double v[6] = { ind->baseline_f, ind->baseline_m, ind->target_f, ind->target_m,
                          ind->actual_f, ind->actual_m };

          g_string_append_printf (s, "%s\x1f%s", ind->name ? ind->name : "",
                                  ind->unit ? ind->unit : "");
          for (guint j = 0; j < 6; j++)
            {
              g_autofree char *t = number_text (v[j]);
              g_string_append_printf (s, "\x1f%s", t);
            }
          g_string_append_c (s, '\x1e');
        }
    }
  return g_string_free (s, FALSE);
}

static void
undo_step_free (UndoStep *step)
{
  g_free (step->field);
  aimak_priority_free (step->before);
  g_free (step);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                    */

static void update_bar (AimakPriorityEditor *self);

/* A refused status change is explained on the status row itself, where the user
 * is; any other refusal in the fixed-height bar above the form. Neither moves a
 * field above the one being edited. */
static void
set_refusal (AimakPriorityEditor *self,
             const char          *message,
             gboolean             is_status)
{
  self->refusal_is_status = message != NULL && is_status;
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               self->refusal_is_status ? message : "");
  if (self->refusal_is_status)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "refused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "refused");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->refusal_is_status ? message : "", -1);
  update_bar (self);
}

static void refresh_history (AimakPriorityEditor *self);

/* Writes @field of "current" onto the stored record. */
static void
end_burst (AimakPriorityEditor *self)
{
  self->burst = 0;
  g_clear_pointer (&self->burst_field, g_free);
}

static gboolean
save_field (AimakPriorityEditor *self,
            const char          *field,
            gboolean             record_undo,
            gboolean             typed)
{
  g_autoptr(AimakPriority) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (self->saved == NULL || self->db == NULL)
    return FALSE;
  next = aimak_priority_copy (self->saved);
  copy_field (next, self->current, field);
  old_text = field_text (self->saved, field);
  new_text = field_text (next, field);
  if (g_strcmp0 (old_text, new_text) == 0)
    return TRUE;

  if (!typed || !is_field (self->burst_field, field) ||
      g_get_monotonic_time () - self->burst_time > AIMAK_PRIORITY_EDITOR_BURST_SECONDS * G_USEC_PER_SEC)
    end_burst (self);
  if (!aimak_priority_update_burst (self->db, next, &self->burst, &error))
    {
      if (is_field (field, "status"))
        {
          /* The core refuses a status past draft while there are problems:
           * the status stays, every other field is already saved. */
          copy_field (self->current, self->saved, "status");
          fill_field (self, "status");
          set_refusal (self, error->message, TRUE);
        }
      else
        {
          g_autofree char *msg = g_strdup_printf (_("Could not save “%s”: %s"),
                                                  aimak_priority_field_label (field),
                                                  error->message);
          set_refusal (self, msg, FALSE);
        }
      update_problems (self);
      return FALSE;
    }

  if (typed)
    {
      replace_str (&self->burst_field, field);
      self->burst_time = g_get_monotonic_time ();
    }
  else
    end_burst (self);
  if (record_undo)
    {
      UndoStep *step = g_new0 (UndoStep, 1);

      step->field = g_strdup (field);
      step->before = g_steal_pointer (&self->saved);
      g_ptr_array_add (self->undo, step);
    }
  else
    g_clear_pointer (&self->saved, aimak_priority_free);
  self->saved = g_steal_pointer (&next);
  /* updated_at follows the record */
  replace_str (&self->current->updated_at, self->saved->updated_at);
  if (is_field (field, "status") || self->refusal)
    set_refusal (self, NULL, FALSE);
  update_problems (self);
  refresh_history (self);
  g_signal_emit (self, signals[SAVED], 0, self->saved->id);
  return TRUE;
}

gboolean
aimak_priority_editor_flush (AimakPriorityEditor *self)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  field = g_steal_pointer (&self->pending);
  if (field == NULL)
    return TRUE;
  /* Text that is not a number is not saved; the field shows why. */
  if (g_hash_table_contains (self->parse_errors, field))
    return FALSE;
  return save_field (self, field, TRUE, self->pending_typed);
}

static gboolean
on_pause (gpointer data)
{
  AimakPriorityEditor *self = data;

  self->pending_id = 0;
  aimak_priority_editor_flush (self);
  return G_SOURCE_REMOVE;
}

/* "current" has changed in @field: show its problems now, save after a pause
 * (typing) or at once (a choice). */
static void
field_changed (AimakPriorityEditor *self,
               const char          *field,
               gboolean             at_once)
{
  if (self->filling || self->saved == NULL || self->read_only)
    return;
  if (self->pending && !is_field (self->pending, field))
    aimak_priority_editor_flush (self);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  replace_str (&self->pending, field);
  self->pending_typed = !at_once;
  update_problems (self);
  if (at_once)
    aimak_priority_editor_flush (self);
  else
    self->pending_id = g_timeout_add (AIMAK_PRIORITY_EDITOR_DELAY_MS, on_pause, self);
}

gboolean
aimak_priority_editor_undo (AimakPriorityEditor *self)
{
  UndoStep *step;
  g_autoptr(AimakPriority) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  if (self->saved == NULL || self->read_only)
    return FALSE;
  aimak_priority_editor_flush (self);
  end_burst (self);
  /* A field with text that is not a number goes back to what is stored. */
  if (g_hash_table_size (self->parse_errors) > 0)
    {
      g_autoptr(GList) keys = g_hash_table_get_keys (self->parse_errors);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (GList *l = keys; l; l = l->next)
        g_ptr_array_add (fields, g_strdup (l->data));
      g_hash_table_remove_all (self->parse_errors);
      for (guint i = 0; i < fields->len; i++)
        {
          copy_field (self->current, self->saved, g_ptr_array_index (fields, i));
          fill_field (self, g_ptr_array_index (fields, i));
        }
      update_problems (self);
      return TRUE;
    }
  if (self->undo->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  field = g_strdup (step->field);
  next = aimak_priority_copy (self->saved);
  copy_field (next, step->before, field);
  undo_step_free (step);
  if (!aimak_priority_update (self->db, next, &error))
    {
      set_refusal (self, error->message, FALSE);
      update_problems (self);
      return FALSE;
    }
  aimak_priority_free (self->saved);
  self->saved = g_steal_pointer (&next);
  copy_field (self->current, self->saved, field);
  replace_str (&self->current->updated_at, self->saved->updated_at);
  fill_field (self, field);
  set_refusal (self, NULL, FALSE);
  update_problems (self);
  refresh_history (self);
  g_signal_emit (self, signals[SAVED], 0, self->saved->id);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Widgets ⇄ record                                                          */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *old = buffer_text (view);

  if (g_strcmp0 (old, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
set_entry_text (gpointer    editable,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* A stored ISO date in the interface's form, unless the entry already says it. */
static void
set_date_text (gpointer    editable,
               const char *iso)
{
  g_autofree char *shown = aimak_numbers_format_date (iso);

  if (!aimak_numbers_date_matches (gtk_editable_get_text (GTK_EDITABLE (editable)), iso))
    set_entry_text (editable, shown);
}

static void
set_entry_int (gpointer editable,
               int      value,
               int      empty)
{
  g_autofree char *text = value == empty ? g_strdup ("") : g_strdup_printf ("%d", value);

  set_entry_text (editable, text);
}

static void
set_combo_code (AdwComboRow    *row,
                const CodeList *list,
                const char     *code,
                gboolean        with_none)
{
  int i = code_list_index (list, code);

  if (with_none)
    adw_combo_row_set_selected (row, i < 0 ? 0 : (guint) i + 1);
  else if (i >= 0)
    adw_combo_row_set_selected (row, (guint) i);
}

static void
update_codes_subtitle (AimakPriorityEditor *self,
                       AdwExpanderRow      *row,
                       const CodeList      *list,
                       const GPtrArray     *codes)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->codes->len; i++)
    {
      gboolean on = FALSE;

      for (guint j = 0; codes && j < codes->len && !on; j++)
        on = g_strcmp0 (g_ptr_array_index (codes, j), g_ptr_array_index (list->codes, i)) == 0;
      if (!on)
        continue;
      if (s->len)
        g_string_append (s, ", ");
      g_string_append (s, g_ptr_array_index (list->names, i));
    }
  adw_expander_row_set_subtitle (row, s->len ? s->str : _("None chosen"));
}

static void
fill_checks (AimakPriorityEditor *self,
             const char          *field,
             const GPtrArray     *codes)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *code;
      gboolean on = FALSE;

      if (!g_str_has_prefix (key, prefix))
        continue;
      code = (const char *) key + strlen (prefix);
      for (guint i = 0; codes && i < codes->len && !on; i++)
        on = g_strcmp0 (g_ptr_array_index (codes, i), code) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (value), on);
    }
}

/* Leaving a typed field ends its burst: what is typed there later is a new entry
 * of the history. What waits for its pause is saved now, as part of the burst. */
static void
on_field_focus_leave (GtkEventControllerFocus *controller,
                      AimakPriorityEditor     *self)
{
  if (self->pending && self->pending_typed)
    aimak_priority_editor_flush (self);
  end_burst (self);
}

static void
watch_focus (AimakPriorityEditor *self,
             GtkWidget           *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
}

static void on_indicator_changed (AimakPriorityIndicatorRow *row, AimakPriorityEditor *self);
static void on_indicator_remove  (AimakPriorityIndicatorRow *row, AimakPriorityEditor *self);

static AimakPriorityIndicatorRow *
add_indicator_row (AimakPriorityEditor          *self,
                   const AimakPriorityIndicator *ind)
{
  AimakPriorityIndicatorRow *row =
    AIMAK_PRIORITY_INDICATOR_ROW (aimak_priority_indicator_row_new ());

  aimak_priority_indicator_row_set_indicator (row, ind);
  g_signal_connect (row, "changed", G_CALLBACK (on_indicator_changed), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_indicator_remove), self);
  watch_focus (self, GTK_WIDGET (row));
  adw_preferences_group_add (self->indicators_group, GTK_WIDGET (row));
  g_ptr_array_add (self->indicator_rows, row);
  gtk_widget_set_visible (self->no_indicators_row, FALSE);
  return row;
}

static void
fill_indicators (AimakPriorityEditor *self)
{
  for (guint i = 0; i < self->indicator_rows->len; i++)
    adw_preferences_group_remove (self->indicators_group,
                                  g_ptr_array_index (self->indicator_rows, i));
  g_ptr_array_set_size (self->indicator_rows, 0);
  for (guint i = 0; self->current && i < self->current->indicators->len; i++)
    add_indicator_row (self, g_ptr_array_index (self->current->indicators, i));
  gtk_widget_set_visible (self->no_indicators_row, self->indicator_rows->len == 0);
}

static void
fill_checklist (AimakPriorityEditor *self)
{
  for (guint i = 0; self->checklist.codes && i < self->checklist.codes->len; i++)
    {
      const char *item = g_ptr_array_index (self->checklist.codes, i);
      const char *answer = aimak_priority_get_answer (self->current, item);
      static const char * const answers[] = {
        AIMAK_CHECKLIST_YES, AIMAK_CHECKLIST_PARTLY, AIMAK_CHECKLIST_NO,
      };

      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          g_autofree char *key = g_strdup_printf ("%s:%s", item, answers[a]);
          GtkToggleButton *button = g_hash_table_lookup (self->answer_buttons, key);

          if (button)
            gtk_toggle_button_set_active (button, g_strcmp0 (answer, answers[a]) == 0);
        }
    }
}

/* Shows field @field of "current" in its widget. */
static void
fill_field (AimakPriorityEditor *self,
            const char          *field)
{
  AimakPriority *p = self->current;

  if (p == NULL)
    return;
  self->filling++;
  if (is_field (field, "area_code"))
    update_area_row (self);
  else if (is_field (field, "title"))
    set_entry_text (self->title_row, p->title);
  else if (is_field (field, "problem"))
    set_buffer_text (self->problem_view, p->problem);
  else if (is_field (field, "description"))
    set_buffer_text (self->description_view, p->description);
  else if (is_field (field, "sector_code"))
    set_combo_code (self->sector_row, &self->sectors, p->sector_code, TRUE);
  else if (is_field (field, "gender_marker"))
    adw_combo_row_set_selected (self->marker_row, (guint) CLAMP (p->gender_marker, 0, 2));
  else if (is_field (field, "marker_justification"))
    set_buffer_text (self->justification_view, p->marker_justification);
  else if (is_field (field, "target_groups"))
    {
      fill_checks (self, field, p->target_groups);
      update_codes_subtitle (self, self->groups_row, &self->groups, p->target_groups);
    }
  else if (is_field (field, "gcm"))
    {
      fill_checks (self, field, p->gcm);
      update_codes_subtitle (self, self->gcm_row, &self->gcm, p->gcm);
    }
  else if (is_field (field, "sdg"))
    {
      fill_checks (self, field, p->sdg);
      update_codes_subtitle (self, self->sdg_row, &self->sdg, p->sdg);
    }
  else if (is_field (field, "checklist"))
    fill_checklist (self);
  else if (is_field (field, "budget_kgs"))
    {
      g_autofree char *text = aimak_numbers_format_number (p->budget_kgs);
      set_entry_text (self->budget_row, text);
    }
  else if (is_field (field, "funding_source"))
    set_combo_code (self->funding_row, &self->funding, p->funding_source, TRUE);
  else if (is_field (field, "responsible"))
    set_entry_text (self->responsible_row, p->responsible);
  else if (is_field (field, "partners"))
    set_entry_text (self->partners_row, p->partners);
  else if (is_field (field, "start_year"))
    set_entry_int (self->start_year_row, p->start_year, 0);
  else if (is_field (field, "end_year"))
    set_entry_int (self->end_year_row, p->end_year, 0);
  else if (is_field (field, "hearing_date"))
    set_date_text (self->hearing_date_row, p->hearing_date);
  else if (is_field (field, "hearing_participants_f"))
    set_entry_int (self->participants_f_row, p->hearing_participants_f, -1);
  else if (is_field (field, "hearing_participants_m"))
    set_entry_int (self->participants_m_row, p->hearing_participants_m, -1);
  else if (is_field (field, "kenesh_decision_no"))
    set_entry_text (self->decision_no_row, p->kenesh_decision_no);
  else if (is_field (field, "kenesh_decision_date"))
    set_date_text (self->decision_date_row, p->kenesh_decision_date);
  else if (is_field (field, "status"))
    set_combo_code (self->status_row, &self->statuses, p->status, FALSE);
  else if (is_field (field, "indicators"))
    fill_indicators (self);
  self->filling--;
}

static void
fill_all (AimakPriorityEditor *self)
{
  for (guint i = 0; all_fields[i]; i++)
    fill_field (self, all_fields[i]);
}

/* Entry rows: which field, and how its text becomes a value. */
static void
on_entry_changed (GtkEditable         *editable,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "aimak-field");
  const char *text = gtk_editable_get_text (editable);
  char **slot;
  gboolean ok = TRUE;
  const char *message = NULL;

  if (self->filling || self->current == NULL || field == NULL)
    return;

  if ((slot = text_slot (self->current, field)))
    {
      /* Dates are typed dd.mm.yyyy or ISO and stored ISO (aimak-number.h). */
      g_autofree char *date = g_str_has_suffix (field, "_date") ? aimak_numbers_parse_date (text)
                                                                : NULL;
      replace_str (slot, date ? date : text);
    }
  else if (is_field (field, "budget_kgs"))
    {
      double v;

      ok = aimak_numbers_parse_number (text, &v);
      if (ok)
        self->current->budget_kgs = v;
      message = _("Enter an amount in som, for example 150000.");
    }
  else if (is_field (field, "start_year") || is_field (field, "end_year"))
    {
      int v;

      ok = aimak_numbers_parse_count (text, 0, &v);
      if (ok)
        *int_slot (self->current, field) = v;
      message = _("Enter a year, for example 2026.");
    }
  else if (is_field (field, "hearing_participants_f") ||
           is_field (field, "hearing_participants_m"))
    {
      int v;

      ok = aimak_numbers_parse_count (text, -1, &v);
      if (ok)
        *int_slot (self->current, field) = v;
      message = _("Enter a whole number of people, 0 or more.");
    }

  if (ok)
    g_hash_table_remove (self->parse_errors, field);
  else
    g_hash_table_insert (self->parse_errors, g_strdup (field), g_strdup (message));
  field_changed (self, field, FALSE);
}

static void
on_buffer_changed (GtkTextBuffer       *buffer,
                   AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "aimak-field");
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "aimak-view");
  g_autofree char *text = NULL;

  if (self->filling || self->current == NULL)
    return;
  text = buffer_text (view);
  replace_str (text_slot (self->current, field), text);
  field_changed (self, field, FALSE);
}

static const char *
combo_code (AdwComboRow    *row,
            const CodeList *list,
            gboolean        with_none)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (with_none)
    {
      if (i == 0)
        return NULL;
      i--;
    }
  return i < list->codes->len ? g_ptr_array_index (list->codes, i) : NULL;
}

static void
on_combo_changed (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "aimak-field");

  if (self->filling || self->current == NULL || field == NULL)
    return;
  if (row == self->marker_row)
    self->current->gender_marker = (int) adw_combo_row_get_selected (row);
  else if (row == self->sector_row)
    replace_str (&self->current->sector_code, combo_code (row, &self->sectors, TRUE));
  else if (row == self->funding_row)
    replace_str (&self->current->funding_source, combo_code (row, &self->funding, TRUE));
  else if (row == self->status_row)
    {
      const char *code = combo_code (row, &self->statuses, FALSE);

      if (code == NULL)
        return;
      replace_str (&self->current->status, code);
    }
  field_changed (self, field, TRUE);
}

static void
on_check_toggled (GtkCheckButton      *check,
                  AimakPriorityEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (check), "aimak-field");
  const char *code = g_object_get_data (G_OBJECT (check), "aimak-code");
  GPtrArray *codes;
  gboolean active = gtk_check_button_get_active (check);

  if (self->filling || self->current == NULL)
    return;
  codes = *codes_slot (self->current, field);
  for (guint i = codes->len; i > 0; i--)
    if (g_strcmp0 (g_ptr_array_index (codes, i - 1), code) == 0)
      g_ptr_array_remove_index (codes, i - 1);
  if (active)
    g_ptr_array_add (codes, g_strdup (code));

  if (is_field (field, "target_groups"))
    update_codes_subtitle (self, self->groups_row, &self->groups, codes);
  else if (is_field (field, "gcm"))
    update_codes_subtitle (self, self->gcm_row, &self->gcm, codes);
  else
    update_codes_subtitle (self, self->sdg_row, &self->sdg, codes);
  field_changed (self, field, TRUE);
}

static void
on_answer_toggled (GtkToggleButton     *button,
                   AimakPriorityEditor *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "aimak-item");
  const char *answer = g_object_get_data (G_OBJECT (button), "aimak-answer");

  if (self->filling || self->current == NULL || !gtk_toggle_button_get_active (button))
    return;
  aimak_priority_set_answer (self->current, item, answer);
  field_changed (self, "checklist", TRUE);
}

/* Indicators are one field: the whole list as the rows show it. */
static void
read_indicators (AimakPriorityEditor *self)
{
  gboolean all_ok = TRUE;

  g_ptr_array_set_size (self->current->indicators, 0);
  for (guint i = 0; i < self->indicator_rows->len; i++)
    {
      gboolean ok = TRUE;
      AimakPriorityIndicatorRow *row = g_ptr_array_index (self->indicator_rows, i);
      AimakPriorityIndicator *ind = aimak_priority_indicator_row_get_indicator (row, &ok);

      g_ptr_array_add (self->current->indicators, ind);
      all_ok &= ok;
    }
  if (all_ok)
    g_hash_table_remove (self->parse_errors, "indicators");
  else
    g_hash_table_insert (self->parse_errors, g_strdup ("indicators"),
                         g_strdup (_("Indicator values must be numbers, "
                                     "for example 120 or 12.5.")));
}

static void
on_indicator_changed (AimakPriorityIndicatorRow   *row,
                      AimakPriorityEditor *self)
{
  if (self->filling || self->current == NULL)
    return;
  read_indicators (self);
  field_changed (self, "indicators", FALSE);
}

static void
on_indicator_remove (AimakPriorityIndicatorRow   *row,
                     AimakPriorityEditor *self)
{
  if (self->current == NULL || self->read_only)
    return;
  aimak_priority_editor_flush (self);
  g_ptr_array_remove (self->indicator_rows, row);
  adw_preferences_group_remove (self->indicators_group, GTK_WIDGET (row));
  gtk_widget_set_visible (self->no_indicators_row, self->indicator_rows->len == 0);
  read_indicators (self);
  field_changed (self, "indicators", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->indicators_group));
}

static void
editor_add_indicator (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (widget);
  g_autoptr(AimakPriorityIndicator) ind = NULL;
  AimakPriorityIndicatorRow *row;

  if (self->current == NULL || self->read_only)
    return;
  aimak_priority_editor_flush (self);
  ind = aimak_priority_indicator_new ("", "");
  row = add_indicator_row (self, ind);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  read_indicators (self);
  field_changed (self, "indicators", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (aimak_priority_indicator_row_get_field (row, 0)));
}

static void
editor_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (widget);

  if (!aimak_priority_editor_undo (self))
    gtk_widget_error_bell (widget);
}

/* ------------------------------------------------------------------------ */
/* Problems                                                                  */

/* The problems of @field are shown by a warning icon (with the text as its
 * tooltip) inside the field's own row and by the row's error style: neither
 * changes any height, so no field moves while the user types. @field_row is the
 * row that gets .error; the icon goes into @icon_parent, or into the row. */
static void
attach_problem_icon (AimakPriorityEditor *self,
                     const char          *field,
                     GtkWidget           *field_row,
                     GtkWidget           *icon_parent)
{
  GtkWidget *icon = aimak_field_problem_icon_new ();

  if (icon_parent && GTK_IS_BOX (icon_parent))
    gtk_box_append (GTK_BOX (icon_parent), icon);
  else if (ADW_IS_ENTRY_ROW (field_row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field_row), icon);
  else if (ADW_IS_EXPANDER_ROW (field_row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (field_row), icon);
  else if (ADW_IS_ACTION_ROW (field_row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (field_row), icon);
  else
    g_return_if_reached ();
  g_hash_table_replace (self->problem_icons, g_strdup (field), icon);
  if (field_row)
    g_hash_table_replace (self->field_rows, g_strdup (field), field_row);
}

/* Opens what hides @field, focuses it and scrolls it into view. */
static void
reveal_field (AimakPriorityEditor *self,
              const char          *field)
{
  GtkWidget *widget = aimak_priority_editor_get_field_widget (self, field);

  if (widget)
    aimak_field_problem_reveal (widget);
}

static void
on_problem_activated (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      AimakPriorityEditor *self)
{
  g_autofree char *field = g_strdup (g_object_get_data (G_OBJECT (row), "aimak-field"));

  gtk_popover_popdown (self->problems_popover);
  reveal_field (self, field);
}

/* The fixed-height bar: a refusal that has no row of its own, else what the
 * problems mean; and the button that lists them. */
static void
update_bar (AimakPriorityEditor *self)
{
  const char *text = "";

  if (self->refusal && !self->refusal_is_status)
    text = self->refusal;
  else if (self->n_problems > 0)
    text = _("A draft can be saved with problems, but it cannot move past draft until "
             "they are solved");
  gtk_label_set_text (self->bar_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bar_label), *text ? text : NULL);
  if (self->refusal && !self->refusal_is_status)
    gtk_widget_add_css_class (GTK_WIDGET (self->bar_label), "problem-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->bar_label), "problem-label");

  aimak_field_problem_show_count (GTK_WIDGET (self->problems_button), self->problems_content,
                                  self->n_problems);
}

static void
update_problems (AimakPriorityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GString) signature = g_string_new (NULL);

  if (self->current == NULL)
    problems = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_problem_free);
  else
    problems = aimak_priority_validate (self->current);

  /* Text that could not be read comes first: it is what the user just typed. */
  g_hash_table_iter_init (&iter, self->parse_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AimakProblem *problem = g_new0 (AimakProblem, 1);

      problem->field = g_strdup (key);
      problem->message = g_strdup (value);
      g_ptr_array_insert (problems, 0, problem);
    }

  if (self->current)
    aimak_marker_badge_set_marker (self->suggested_badge,
                                   aimak_priority_suggest_marker (self->current));

  /* This runs on every keystroke: rebuild the rows only when the problems change. */
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *problem = g_ptr_array_index (problems, i);
      g_string_append_printf (signature, "%s\x1f%s\x1e", problem->field, problem->message);
    }
  if (self->problems_signature && g_str_equal (self->problems_signature, signature->str))
    return;
  g_free (self->problems_signature);
  self->problems_signature = g_strdup (signature->str);

  for (guint i = 0; i < self->summary_rows->len; i++)
    gtk_list_box_remove (self->problems_list, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);
  g_hash_table_remove_all (self->problem_texts);

  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *problem = g_ptr_array_index (problems, i);
      const char *old = g_hash_table_lookup (texts, problem->field);
      char *text = old ? g_strconcat (old, "\n", problem->message, NULL)
                       : g_strdup (problem->message);
      AdwActionRow *row;
      GtkWidget *icon;

      g_ptr_array_add (strings, text);
      g_hash_table_replace (texts, problem->field, text);
      g_hash_table_replace (self->problem_texts, g_strdup (problem->field), g_strdup (text));

      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_subtitle (row, aimak_priority_field_label (problem->field));
      adw_action_row_set_title_lines (row, 0);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "problem-icon");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problem"), -1);
      adw_action_row_add_prefix (row, icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "aimak-field", g_strdup (problem->field), g_free);
      gtk_list_box_append (self->problems_list, GTK_WIDGET (row));
      g_ptr_array_add (self->summary_rows, row);
    }

  g_hash_table_iter_init (&iter, self->problem_icons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_hash_table_lookup (texts, key);
      GtkWidget *field_row = g_hash_table_lookup (self->field_rows, key);

      aimak_field_problem_icon_show (value, text);
      if (field_row && text)
        gtk_widget_add_css_class (field_row, "error");
      else if (field_row)
        gtk_widget_remove_css_class (field_row, "error");
      if (field_row)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field_row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        text ? text : "", -1);
    }

  self->n_problems = problems->len;
  update_bar (self);

  /* A refusal explains a status change that was not made; once the problems
   * behind it are solved it has nothing left to say. */
  if (self->refusal_is_status && problems->len == 0)
    set_refusal (self, NULL, FALSE);
}

/* ------------------------------------------------------------------------ */
/* History                                                                   */

static char *
shorten (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  if (g_utf8_strlen (text, -1) > 80)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 79);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (text);
}

static char *
logged_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  return aimak_numbers_format_number (g_ascii_strtod (text, NULL));
}

/* The change log keeps indicators as "name [unit] F 4→40/ M 11→40/12; …";
 * the history says it in the interface's words: women and men, not F and M. */
static char *
indicators_words (const char *value)
{
  g_autoptr(GRegex) re = g_regex_new ("^(.*?) F ([^→ ]*)→([^/ ]*)/(\\S*) M ([^→ ]*)→([^/ ]*)/(\\S*)$",
                                      0, 0, NULL);
  g_auto(GStrv) parts = g_strsplit (value, "; ", -1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (s->len)
        g_string_append (s, "; ");
      if (!g_regex_match (re, parts[i], 0, &match))
        {
          g_string_append (s, parts[i]);
          continue;
        }
      {
        g_autofree char *name = g_match_info_fetch (match, 1);
        char *raw[6] = { NULL };
        char *n[6] = { NULL };

        for (guint j = 0; j < 6; j++)
          {
            raw[j] = g_match_info_fetch (match, (int) j + 2);
            n[j] = logged_number (raw[j]);
          }
        /* Translators: an indicator in the history: name, then baseline → target
         * for women and for men */
        g_string_append_printf (s, _("%s: women %s → %s, men %s → %s"),
                                *name ? name : "—", n[0], n[1], n[3], n[4]);
        if (*raw[2] || *raw[5])
          /* Translators: appended to an indicator in the history: actual values */
          g_string_append_printf (s, _(" (actual: women %s, men %s)"), n[2], n[5]);
        for (guint j = 0; j < 6; j++)
          {
            g_free (raw[j]);
            g_free (n[j]);
          }
      }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A stored value of @field in words: names instead of codes. */
static char *
display_value (AimakPriorityEditor *self,
               const char          *field,
               const char          *value)
{
  const CodeList *list = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup ("");
  if (is_field (field, "status"))
    return g_strdup (aimak_priority_status_label (value));
  if (is_field (field, "area_code"))
    return area_label (self, value, FALSE);
  if (is_field (field, "gender_marker"))
    return aimak_marker_label (atoi (value));
  if (is_field (field, "budget_kgs"))
    return aimak_numbers_format_budget (g_ascii_strtod (value, NULL));
  if (is_field (field, "indicators"))
    return indicators_words (value);
  if (is_field (field, "sector_code"))
    list = &self->sectors;
  else if (is_field (field, "funding_source"))
    list = &self->funding;
  else if (is_field (field, "target_groups"))
    list = &self->groups;
  else if (is_field (field, "gcm"))
    list = &self->gcm;
  else if (is_field (field, "sdg"))
    list = &self->sdg;
  else if (is_field (field, "checklist"))
    list = &self->checklist;
  if (list && list->codes)
    {
      g_auto(GStrv) parts = g_strsplit (value, ",", -1);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; parts[i]; i++)
        {
          char *eq = strchr (parts[i], '=');

          if (s->len)
            g_string_append (s, ", ");
          if (eq)
            {
              *eq = '\0';
              g_string_append_printf (s, "%s: %s", code_list_name (list, parts[i]), eq + 1);
            }
          else
            g_string_append (s, code_list_name (list, parts[i]));
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  return g_strdup (value);
}

/* The checklist is stored as a whole; the history names only the answers that changed. */
static void
checklist_difference (const char  *old_value,
                      const char  *new_value,
                      char       **old_out,
                      char       **new_out)
{
  g_auto(GStrv) olds = g_strsplit (old_value ? old_value : "", ",", -1);
  g_auto(GStrv) news = g_strsplit (new_value ? new_value : "", ",", -1);
  g_autoptr(GString) o = g_string_new (NULL);
  g_autoptr(GString) n = g_string_new (NULL);

  for (guint i = 0; news[i]; i++)
    if (*news[i] && !g_strv_contains ((const char * const *) olds, news[i]))
      g_string_append_printf (n, "%s%s", n->len ? "," : "", news[i]);
  for (guint i = 0; olds[i]; i++)
    if (*olds[i] && !g_strv_contains ((const char * const *) news, olds[i]))
      g_string_append_printf (o, "%s%s", o->len ? "," : "", olds[i]);
  *old_out = g_string_free (g_steal_pointer (&o), FALSE);
  *new_out = g_string_free (g_steal_pointer (&n), FALSE);
}

static void
refresh_history (AimakPriorityEditor *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  if (self->db && self->saved)
    changes = aimak_change_log_list (self->db, "priority", self->saved->id, NULL);

  for (guint i = 0; changes && i < changes->len && shown < 100; i++, shown++)
    {
      AimakChange *c = g_ptr_array_index (changes, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *when = aimak_numbers_format_timestamp (c->ts);
      g_autofree char *title = NULL;

      if (g_strcmp0 (c->action, "create") == 0)
        title = g_strdup (_("Created"));
      else if (g_strcmp0 (c->action, "delete") == 0)
        title = g_strdup (_("Deleted"));
      else if (g_strcmp0 (c->action, "undelete") == 0)
        title = g_strdup (_("Restored"));
      else
        {
          g_autofree char *old_raw = NULL, *new_raw = NULL;
          g_autofree char *old_words = NULL, *new_words = NULL;
          g_autofree char *old_short = NULL, *new_short = NULL;

          if (is_field (c->field, "checklist"))
            checklist_difference (c->old_value, c->new_value, &old_raw, &new_raw);
          else
            {
              old_raw = g_strdup (c->old_value);
              new_raw = g_strdup (c->new_value);
            }
          old_words = display_value (self, c->field, old_raw);
          new_words = display_value (self, c->field, new_raw);
          old_short = shorten (old_words);
          new_short = shorten (new_words);
          /* Translators: a change in the history: "Title: old → new" */
          title = g_strdup_printf (_("%s: %s → %s"), aimak_priority_field_label (c->field),
                                   old_short, new_short);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (row, 0);
      adw_action_row_set_subtitle (row, when);
      adw_preferences_group_add (self->history_group, GTK_WIDGET (row));
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (self->no_history_row, self->history_rows->len == 0);
}

/* ------------------------------------------------------------------------ */
/* Choices from the code lists                                               */

static void
set_string_model (AdwComboRow     *row,
                  const char      *first,
                  const GPtrArray *names)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first)
    gtk_string_list_append (list, first);
  for (guint i = 0; names && i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
add_check_rows (AimakPriorityEditor *self,
                AdwExpanderRow      *expander,
                const char          *field,
                const CodeList      *list,
                gboolean             show_code)
{
  for (guint i = 0; i < list->codes->len; i++)
    {
      const char *code = g_ptr_array_index (list->codes, i);
      const char *name = g_ptr_array_index (list->names, i);
      g_autofree char *title = show_code ? g_strdup_printf ("%s · %s", code, name)
                                         : g_strdup (name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "aimak-field", g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (check), "aimak-code", g_strdup (code), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->dynamic_rows, row);
      g_hash_table_replace (self->checks, g_strdup_printf ("%s:%s", field, code), check);
    }
}

static void
add_checklist_rows (AimakPriorityEditor *self)
{
  static const struct { const char *answer; const char *label; } answers[] = {
    { AIMAK_CHECKLIST_YES, N_("Yes") },
    { AIMAK_CHECKLIST_PARTLY, N_("Partly") },
    { AIMAK_CHECKLIST_NO, N_("No") },
  };

  for (guint i = 0; i < self->checklist.codes->len; i++)
    {
      const char *item = g_ptr_array_index (self->checklist.codes, i);
      const char *name = g_ptr_array_index (self->checklist.names, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkToggleButton *group = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (_(answers[a].label));
          /* Translators: accessible name of an answer, "<checklist item>: Yes" */
          g_autofree char *label = g_strdup_printf (_("%s: %s"), name, _(answers[a].label));

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          if (group)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
          else
            group = GTK_TOGGLE_BUTTON (button);
          g_object_set_data_full (G_OBJECT (button), "aimak-item", g_strdup (item), g_free);
          g_object_set_data (G_OBJECT (button), "aimak-answer", (gpointer) answers[a].answer);
          g_signal_connect (button, "toggled", G_CALLBACK (on_answer_toggled), self);
          gtk_box_append (GTK_BOX (box), button);
          g_hash_table_replace (self->answer_buttons,
                                g_strdup_printf ("%s:%s", item, answers[a].answer), button);
        }
      if (g_strcmp0 (item, "women_consulted") == 0)
        attach_problem_icon (self, "checklist", row, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->checklist_group, row);
      g_ptr_array_add (self->dynamic_rows, row);
    }
  /* The suggestion closes the list: it follows from the answers above. */
  g_object_ref (self->suggested_row);
  adw_preferences_group_remove (self->checklist_group, GTK_WIDGET (self->suggested_row));
  adw_preferences_group_add (self->checklist_group, GTK_WIDGET (self->suggested_row));
  g_object_unref (self->suggested_row);
}

static void
remove_dynamic_rows (AimakPriorityEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *parent = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  /* The new rows show no problem yet: let update_problems() fill them. */
  g_clear_pointer (&self->problems_signature, g_free);
  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->answer_buttons);
  /* The checklist's icon went with its row. */
  g_hash_table_remove (self->problem_icons, "checklist");
  g_hash_table_remove (self->field_rows, "checklist");
}

void
aimak_priority_editor_set_db (AimakPriorityEditor *self,
                              AimakDb             *db)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));

  aimak_priority_editor_load (self, NULL, NULL);
  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
    }
  remove_dynamic_rows (self);
  if (db == NULL)
    return;

  code_list_load (&self->sectors, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM sector "
                  "ORDER BY sort, code");
  code_list_load (&self->funding, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM funding_source "
                  "ORDER BY sort, code");
  code_list_load (&self->statuses, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM status "
                  "ORDER BY sort, code");
  code_list_load (&self->groups, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM target_group "
                  "ORDER BY sort, code");
  code_list_load (&self->gcm, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM gcm_objective "
                  "ORDER BY sort, code");
  code_list_load (&self->sdg, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM sdg_target "
                  "ORDER BY sort, code");
  code_list_load (&self->checklist, db,
                  "SELECT code, aimak_name(name_en, name_ru, name_ky) FROM checklist_item "
                  "ORDER BY sort, code");
  aimak_marker_names_load (db);

  self->filling++;
  set_string_model (self->sector_row, _("None"), self->sectors.names);
  set_string_model (self->funding_row, _("Not decided"), self->funding.names);
  set_string_model (self->status_row, NULL, self->statuses.names);
  for (int m = 0; m <= 2; m++)
    g_ptr_array_add (markers, aimak_marker_label (m));
  set_string_model (self->marker_row, NULL, markers);
  add_check_rows (self, self->groups_row, "target_groups", &self->groups, FALSE);
  add_check_rows (self, self->gcm_row, "gcm", &self->gcm, TRUE);
  add_check_rows (self, self->sdg_row, "sdg", &self->sdg, TRUE);
  add_checklist_rows (self);
  self->filling--;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

static void
update_sensitivity (AimakPriorityEditor *self)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->basics_group), GTK_WIDGET (self->gender_group),
    GTK_WIDGET (self->checklist_group), GTK_WIDGET (self->alignment_group),
    GTK_WIDGET (self->budget_group), GTK_WIDGET (self->hearing_group),
    GTK_WIDGET (self->indicators_group),
  };
  gboolean editable = !self->read_only && self->saved != NULL && self->saved->deleted_at == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-indicator", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", editable);
}

static char *
area_label (AimakPriorityEditor *self,
            const char          *code,
            gboolean             with_type)
{
  g_autoptr(AimakArea) area = NULL;

  if (self->db && code)
    area = aimak_area_get (self->db, code, NULL);
  if (area == NULL)
    return g_strdup (code ? code : "");
  if (!with_type)
    return g_strdup (aimak_area_name (area, aimak_db_get_language (self->db)));
  return g_strdup_printf ("%s · %s", aimak_area_name (area, aimak_db_get_language (self->db)),
                          aimak_area_type_label (area->type));
}

static void
update_area_row (AimakPriorityEditor *self)
{
  g_autofree char *subtitle = NULL;
  gboolean can_move;

  subtitle = self->current ? area_label (self, self->current->area_code, TRUE) : g_strdup ("");
  adw_action_row_set_subtitle (self->area_row, subtitle);
  can_move = self->current && self->target_area &&
             g_strcmp0 (self->target_area, self->current->area_code) != 0;
  if (can_move)
    {
      g_autofree char *name = area_label (self, self->target_area, FALSE);
      /* Translators: a button that moves the priority to another area */
      g_autofree char *label = g_strdup_printf (_("Move to %s"), name);

      gtk_label_set_text (self->move_area_label, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->move_area_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (self->move_area_button, can_move);
}

static void
on_move_area_clicked (AimakPriorityEditor *self)
{
  if (self->current == NULL || self->target_area == NULL || self->read_only)
    return;
  replace_str (&self->current->area_code, self->target_area);
  update_area_row (self);
  field_changed (self, "area_code", TRUE);
}

void
aimak_priority_editor_set_target_area (AimakPriorityEditor *self,
                                       const char          *code)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  replace_str (&self->target_area, code);
  update_area_row (self);
}

gboolean
aimak_priority_editor_load (AimakPriorityEditor *self,
                            const char          *id,
                            GError             **error)
{
  g_autoptr(AimakPriority) p = NULL;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);

  aimak_priority_editor_flush (self);
  end_burst (self);
  if (id && self->db)
    {
      p = aimak_priority_load (self->db, id, error);
      if (p == NULL)
        return FALSE;
    }
  if (self->saved == NULL || p == NULL || g_strcmp0 (self->saved->id, p->id) != 0)
    {
      g_ptr_array_set_size (self->undo, 0);
      g_hash_table_remove_all (self->parse_errors);
      set_refusal (self, NULL, FALSE);
    }
  g_clear_pointer (&self->saved, aimak_priority_free);
  g_clear_pointer (&self->current, aimak_priority_free);
  if (p)
    {
      self->current = aimak_priority_copy (p);
      self->saved = g_steal_pointer (&p);
      fill_all (self);
    }
  else
    fill_indicators (self);
  update_area_row (self);
  update_problems (self);
  refresh_history (self);
  update_sensitivity (self);
  return TRUE;
}

void
aimak_priority_editor_reload (AimakPriorityEditor *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  if (self->saved == NULL)
    return;
  aimak_priority_editor_flush (self);
  id = g_strdup (self->saved->id);
  if (!aimak_priority_editor_load (self, id, NULL))
    aimak_priority_editor_load (self, NULL, NULL);
}

const char *
aimak_priority_editor_get_id (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->saved ? self->saved->id : NULL;
}

const AimakPriority *
aimak_priority_editor_get_priority (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->saved;
}

void
aimak_priority_editor_set_read_only (AimakPriorityEditor *self,
                                     gboolean             read_only)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  self->read_only = read_only;
  update_sensitivity (self);
}

gboolean
aimak_priority_editor_save_pending (AimakPriorityEditor  *self,
                                    GError              **error)
{
  g_autoptr(GString) text = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), FALSE);
  if (self->saved == NULL || self->read_only)
    return TRUE;
  aimak_priority_editor_flush (self);
  /* Problems of a draft do not stop a save; only text that is no value does. */
  if (g_hash_table_size (self->parse_errors) == 0)
    return TRUE;
  text = g_string_new (NULL);
  g_hash_table_iter_init (&iter, self->parse_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (text->len)
        g_string_append_c (text, '\n');
      /* Translators: a field that cannot be saved, "Budget (KGS): Enter an amount…" */
      g_string_append_printf (text, _("%s: %s"), aimak_priority_field_label (key),
                              (char *) value);
    }
  g_set_error_literal (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_INVALID, text->str);
  return FALSE;
}

void
aimak_priority_editor_discard (AimakPriorityEditor *self)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_free);
  g_hash_table_remove_all (self->parse_errors);
}

void
aimak_priority_editor_reveal_field (AimakPriorityEditor *self,
                                    const char          *field)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  reveal_field (self, field);
}

GtkListBox *
aimak_priority_editor_get_problem_list (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->problems_list;
}

void
aimak_priority_editor_focus_title (AimakPriorityEditor *self)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

GtkWidget *
aimak_priority_editor_get_field_widget (AimakPriorityEditor *self,
                                        const char          *field)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  if (is_field (field, "checklist"))
    {
      GtkToggleButton *yes = aimak_priority_editor_get_answer_button (self, "women_consulted",
                                                                       AIMAK_CHECKLIST_YES);
      return yes ? GTK_WIDGET (yes) : NULL;
    }
  if (is_field (field, "indicators"))
    return self->indicator_rows->len > 0 ? g_ptr_array_index (self->indicator_rows, 0)
                                          : self->add_indicator_button;
  return g_hash_table_lookup (self->field_widgets, field);
}

GtkCheckButton *
aimak_priority_editor_get_check (AimakPriorityEditor *self,
                                 const char          *field,
                                 const char          *code)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, code);

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->checks, key);
}

GtkToggleButton *
aimak_priority_editor_get_answer_button (AimakPriorityEditor *self,
                                         const char          *item,
                                         const char          *answer)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", item, answer);

  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->answer_buttons, key);
}

guint
aimak_priority_editor_get_n_indicators (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), 0);
  return self->indicator_rows->len;
}

GtkWidget *
aimak_priority_editor_get_indicator_row (AimakPriorityEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->indicator_rows->len, NULL);
  return g_ptr_array_index (self->indicator_rows, index);
}

const char *
aimak_priority_editor_get_inline_problem (AimakPriorityEditor *self,
                                          const char          *field)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return g_hash_table_lookup (self->problem_texts, field);
}

guint
aimak_priority_editor_get_n_problems (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), 0);
  return self->n_problems;
}

const char *
aimak_priority_editor_get_refusal (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  return self->refusal;
}

guint
aimak_priority_editor_get_n_history (AimakPriorityEditor *self)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), 0);
  return self->history_rows->len;
}

const char *
aimak_priority_editor_get_history_title (AimakPriorityEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->history_rows->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->history_rows, index));
}

/* ------------------------------------------------------------------------ */
/* Object                                                                    */

static void
aimak_priority_editor_dispose (GObject *object)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (object);

  /* What was typed in the last pause is not lost when the window closes. */
  if (self->pending && !self->read_only)
    aimak_priority_editor_flush (self);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PRIORITY_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (aimak_priority_editor_parent_class)->dispose (object);
}

static void
aimak_priority_editor_finalize (GObject *object)
{
  AimakPriorityEditor *self = AIMAK_PRIORITY_EDITOR (object);

  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->saved, aimak_priority_free);
  g_clear_pointer (&self->current, aimak_priority_free);
  g_free (self->pending);
  g_free (self->burst_field);
  g_free (self->refusal);
  g_free (self->target_area);
  g_free (self->problems_signature);
  g_ptr_array_unref (self->undo);
  code_list_clear (&self->sectors);
  code_list_clear (&self->funding);
  code_list_clear (&self->statuses);
  code_list_clear (&self->groups);
  code_list_clear (&self->gcm);
  code_list_clear (&self->sdg);
  code_list_clear (&self->checklist);
  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->answer_buttons);
  g_ptr_array_unref (self->dynamic_rows);
  g_ptr_array_unref (self->indicator_rows);
  g_ptr_array_unref (self->summary_rows);
  g_ptr_array_unref (self->history_rows);
  g_hash_table_unref (self->field_widgets);
  g_hash_table_unref (self->field_rows);
  g_hash_table_unref (self->problem_icons);
  g_hash_table_unref (self->problem_texts);
  g_hash_table_unref (self->parse_errors);
  G_OBJECT_CLASS (aimak_priority_editor_parent_class)->finalize (object);
}

static void
aimak_priority_editor_class_init (AimakPriorityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_priority_editor_dispose;
  object_class->finalize = aimak_priority_editor_finalize;

  /* ::saved (id): a field has been written to the database. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AIMAK_TYPE_MARKER_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-priority-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimakPriorityEditor, name)
  BIND (prefs_page);
  BIND (problem_bar);
  BIND (bar_label);
  BIND (problems_button);
  BIND (problems_popover);
  BIND (problems_list);
  BIND (problems_content);
  BIND (problem_caption);
  BIND (description_caption);
  BIND (justification_caption);
  BIND (indicators_header);
  BIND (basics_group);
  BIND (gender_group);
  BIND (checklist_group);
  BIND (alignment_group);
  BIND (budget_group);
  BIND (hearing_group);
  BIND (indicators_group);
  BIND (history_group);
  BIND (title_row);
  BIND (problem_row);
  BIND (problem_view);
  BIND (description_row);
  BIND (description_view);
  BIND (sector_row);
  BIND (area_row);
  BIND (move_area_button);
  BIND (move_area_label);
  BIND (marker_row);
  BIND (justification_row);
  BIND (justification_view);
  BIND (groups_row);
  BIND (suggested_row);
  BIND (suggested_badge);
  BIND (gcm_row);
  BIND (sdg_row);
  BIND (budget_row);
  BIND (funding_row);
  BIND (responsible_row);
  BIND (partners_row);
  BIND (start_year_row);
  BIND (end_year_row);
  BIND (hearing_date_row);
  BIND (participants_f_row);
  BIND (participants_m_row);
  BIND (decision_no_row);
  BIND (decision_date_row);
  BIND (status_row);
  BIND (no_indicators_row);
  BIND (add_indicator_button);
  BIND (no_history_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_move_area_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, editor_undo);
  gtk_widget_class_install_action (widget_class, "editor.add-indicator", NULL,
                                   editor_add_indicator);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_priority_editor_init (AimakPriorityEditor *self)
{
  struct { const char *field; gpointer widget; gpointer row; gpointer icon_parent; } fields[] = {
    { "area_code", NULL, NULL, NULL },
    { "title", NULL, NULL, NULL },
    { "problem", NULL, NULL, NULL },
    { "description", NULL, NULL, NULL },
    { "sector_code", NULL, NULL, NULL },
    { "gender_marker", NULL, NULL, NULL },
    { "marker_justification", NULL, NULL, NULL },
    { "target_groups", NULL, NULL, NULL },
    { "gcm", NULL, NULL, NULL },
    { "sdg", NULL, NULL, NULL },
    { "budget_kgs", NULL, NULL, NULL },
    { "funding_source", NULL, NULL, NULL },
    { "responsible", NULL, NULL, NULL },
    { "partners", NULL, NULL, NULL },
    { "start_year", NULL, NULL, NULL },
    { "end_year", NULL, NULL, NULL },
    { "hearing_date", NULL, NULL, NULL },
    { "hearing_participants_f", NULL, NULL, NULL },
    { "hearing_participants_m", NULL, NULL, NULL },
    { "kenesh_decision_no", NULL, NULL, NULL },
    { "kenesh_decision_date", NULL, NULL, NULL },
    { "status", NULL, NULL, NULL },
  };
  GtkTextView *views[] = { NULL, NULL, NULL };
  const char *view_fields[] = { "problem", "description", "marker_justification" };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->answer_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dynamic_rows = g_ptr_array_new ();
  self->indicator_rows = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->field_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  fields[0].widget = self->move_area_button;
  fields[0].row = self->area_row;
  fields[1].widget = fields[1].row = self->title_row;
  fields[2].widget = self->problem_view;
  fields[2].row = self->problem_row;
  fields[2].icon_parent = self->problem_caption;
  fields[3].widget = self->description_view;
  fields[3].row = self->description_row;
  fields[3].icon_parent = self->description_caption;
  fields[4].widget = fields[4].row = self->sector_row;
  fields[5].widget = fields[5].row = self->marker_row;
  fields[6].widget = self->justification_view;
  fields[6].row = self->justification_row;
  fields[6].icon_parent = self->justification_caption;
  fields[7].widget = fields[7].row = self->groups_row;
  fields[8].widget = fields[8].row = self->gcm_row;
  fields[9].widget = fields[9].row = self->sdg_row;
  fields[10].widget = fields[10].row = self->budget_row;
  fields[11].widget = fields[11].row = self->funding_row;
  fields[12].widget = fields[12].row = self->responsible_row;
  fields[13].widget = fields[13].row = self->partners_row;
  fields[14].widget = fields[14].row = self->start_year_row;
  fields[15].widget = fields[15].row = self->end_year_row;
  fields[16].widget = fields[16].row = self->hearing_date_row;
  fields[17].widget = fields[17].row = self->participants_f_row;
  fields[18].widget = fields[18].row = self->participants_m_row;
  fields[19].widget = fields[19].row = self->decision_no_row;
  fields[20].widget = fields[20].row = self->decision_date_row;
  fields[21].widget = fields[21].row = self->status_row;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (GTK_IS_EDITABLE (fields[i].widget) || GTK_IS_TEXT_VIEW (fields[i].widget))
        watch_focus (self, fields[i].widget);
      g_object_set_data (G_OBJECT (fields[i].widget), "aimak-field", (gpointer) fields[i].field);
      g_hash_table_replace (self->field_widgets, g_strdup (fields[i].field), fields[i].widget);
      attach_problem_icon (self, fields[i].field, fields[i].row, fields[i].icon_parent);
    }

  views[0] = self->problem_view;
  views[1] = self->description_view;
  views[2] = self->justification_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

      /* Ctrl+Z undoes whole fields of the priority, not keystrokes. */
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_object_set_data (G_OBJECT (buffer), "aimak-field", (gpointer) view_fields[i]);
      g_object_set_data (G_OBJECT (buffer), "aimak-view", views[i]);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
    }

  aimak_expander_row_limit_lines (self->groups_row);
  aimak_expander_row_limit_lines (self->gcm_row);
  aimak_expander_row_limit_lines (self->sdg_row);

  /* Problems of the indicator list as a whole: beside its Add button. */
  {
    GtkWidget *icon = aimak_field_problem_icon_new ();

    gtk_box_prepend (self->indicators_header, icon);
    g_hash_table_replace (self->problem_icons, g_strdup ("indicators"), icon);
  }
  update_bar (self);

  update_sensitivity (self);
}

GtkWidget *
aimak_priority_editor_new (void)
{
  return g_object_new (AIMAK_TYPE_PRIORITY_EDITOR, NULL);
}
