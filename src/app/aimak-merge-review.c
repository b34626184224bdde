/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-merge-review.c — see aimak-merge-review.h. Each conflict is a card:
 * its name, Keep Mine and Take Theirs, and one line per differing field with
 * two toggle buttons (the value here, the value received) of which one is
 * chosen. Nothing is chosen at first: the user decides every field. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-field.h"
#include "aimak-merge-review.h"
#include "aimak-numbers.h"

typedef struct
{
  AimakMergeItem *item;       /* borrowed from the items array */
  GtkWidget     **mine;       /* per field: the toggle buttons */
  GtkWidget     **theirs;
  int            *state;      /* per field: -1 undecided, else AimakMergeChoice */
  GtkWidget      *keep_mine;
  GtkWidget      *take_theirs;
} Record;

struct _AimakMergeReview
{
  GtkBox                     parent_instance;

  GtkLabel                  *status_label;
  GtkBox                    *records_box;

  GPtrArray                 *items;
  GPtrArray                 *records;   /* Record * */
  AimakMergeRecordLabelFunc  record_label;
  AimakMergeFieldLabelFunc   field_label;
  GtkSizeGroup              *name_group;  /* the field names of every card line up, */
  GtkSizeGroup              *value_group; /* and mine and theirs are as wide */
  gboolean                   updating;
};

G_DEFINE_FINAL_TYPE (AimakMergeReview, aimak_merge_review, GTK_TYPE_BOX)

enum { PROP_0, PROP_ALL_DECIDED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
record_free (Record *r)
{
  g_free (r->mine);
  g_free (r->theirs);
  g_free (r->state);
  g_free (r);
}

guint
aimak_merge_review_get_n_conflicts (AimakMergeReview *self)
{
  g_return_val_if_fail (AIMAK_IS_MERGE_REVIEW (self), 0);
  return self->records ? self->records->len : 0;
}

static gboolean
record_decided (const Record *r)
{
  for (guint f = 0; f < r->item->fields->len; f++)
    if (r->state[f] < 0)
      return FALSE;
  return TRUE;
}

guint
aimak_merge_review_get_n_undecided (AimakMergeReview *self)
{
  guint n = 0;

  g_return_val_if_fail (AIMAK_IS_MERGE_REVIEW (self), 0);
  for (guint i = 0; self->records && i < self->records->len; i++)
    if (!record_decided (self->records->pdata[i]))
      n++;
  return n;
}

gboolean
aimak_merge_review_get_all_decided (AimakMergeReview *self)
{
  return aimak_merge_review_get_n_undecided (self) == 0;
}

static void
update_status (AimakMergeReview *self)
{
  guint n = aimak_merge_review_get_n_conflicts (self);
  guint undecided = aimak_merge_review_get_n_undecided (self);
  g_autofree char *text = NULL;

  if (undecided > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u record was changed both here and in what was "
                                         "received. Choose, field by field, which value to "
                                         "keep: %u still to decide.",
                                         "%u records were changed both here and in what was "
                                         "received. Choose, field by field, which value to "
                                         "keep: %u still to decide.", n), n, undecided);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u conflict is decided.",
                                         "All %u conflicts are decided.", n), n);
  gtk_label_set_text (self->status_label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DECIDED]);
}

static void
set_field (AimakMergeReview *self,
           Record           *r,
           guint             f,
           AimakMergeChoice  choice)
{
  const AimakMergeField *field = g_ptr_array_index (r->item->fields, f);

  r->state[f] = choice;
  aimak_merge_item_choose (r->item, field->field, choice);
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (r->mine[f]), choice == AIMAK_MERGE_KEEP_MINE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (r->theirs[f]),
                                choice == AIMAK_MERGE_TAKE_THEIRS);
  /* The chosen value stands out, not only by the pressed look. */
  if (choice == AIMAK_MERGE_KEEP_MINE)
    {
      gtk_widget_add_css_class (r->mine[f], "suggested-action");
      gtk_widget_remove_css_class (r->theirs[f], "suggested-action");
    }
  else
    {
      gtk_widget_add_css_class (r->theirs[f], "suggested-action");
      gtk_widget_remove_css_class (r->mine[f], "suggested-action");
    }
  self->updating = FALSE;
}

static void
on_field_toggled (GtkToggleButton  *button,
                  AimakMergeReview *self)
{
  Record *r = g_object_get_data (G_OBJECT (button), "aimak-record");
  guint f = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aimak-field"));
  gboolean is_mine = button == GTK_TOGGLE_BUTTON (r->mine[f]);

  if (self->updating)
    return;
  if (!gtk_toggle_button_get_active (button))
    {
      /* A chosen value stays chosen until the other one is. */
      if (r->state[f] == (is_mine ? AIMAK_MERGE_KEEP_MINE : AIMAK_MERGE_TAKE_THEIRS))
        set_field (self, r, f, r->state[f]);
      return;
    }
  set_field (self, r, f, is_mine ? AIMAK_MERGE_KEEP_MINE : AIMAK_MERGE_TAKE_THEIRS);
  update_status (self);
}

static void
on_record_clicked (GtkButton        *button,
                   AimakMergeReview *self)
{
  Record *r = g_object_get_data (G_OBJECT (button), "aimak-record");
  AimakMergeChoice choice = GTK_WIDGET (button) == r->keep_mine ? AIMAK_MERGE_KEEP_MINE
                                                                : AIMAK_MERGE_TAKE_THEIRS;

  for (guint f = 0; f < r->item->fields->len; f++)
    set_field (self, r, f, choice);
  update_status (self);
}

/* The descriptor of @field (its column or its id) in a record of @entity
 * (a priority, an activity, else an indicator value); NULL when none. */
static const AimakField *
entity_field (const char *entity,
              const char *field)
{
  const AimakField *fields;
  guint n = 0;

  if (g_strcmp0 (entity, "priority") == 0)
    fields = aimak_priority_fields (&n);
  else if (g_strcmp0 (entity, "activity") == 0)
    fields = aimak_activity_fields (&n);
  else
    fields = aimak_indicator_value_fields (&n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fields[i].column, field) == 0 || g_strcmp0 (fields[i].id, field) == 0)
      return &fields[i];
  return NULL;
}

/* The default field names: the labels of the editors' fields (the field
 * descriptors), "Deleted" for a deletion, else the column itself. */
char *
aimak_merge_review_field_label (const char *entity,
                                const char *field)
{
  const AimakField *f;

  if (g_strcmp0 (field, "deleted") == 0)
    return g_strdup (_("Deleted"));
  f = entity_field (entity, field);
  return g_strdup (f ? aimak_field_get_label (f) : field);
}

static char *
field_label (AimakMergeReview *self,
             const Record     *r,
             const char       *field)
{
  const AimakMergeRecord *rec = r->item->theirs ? r->item->theirs : r->item->mine;

  if (self->field_label != NULL)
    return self->field_label (rec->entity, field);
  return g_strdup (field);
}

/* A value as the editors show it: the merge engine's own field "deleted" (a
 * record deleted on one side and edited on the other) in words, numbers grouped
 * in the interface language ("111 000", not "111000.0"), dates as dates. */
static char *
shown_value (const char *entity,
             const char *field,
             const char *value)
{
  const AimakField *f;
  char *end = NULL;
  double number;

  if (g_strcmp0 (field, "deleted") == 0)
    return g_strdup (g_strcmp0 (value, "yes") == 0 ? _("Deleted") : _("Kept (not deleted)"));
  if (value == NULL || *value == '\0')
    return g_strdup (value);
  f = entity_field (entity, field);
  if (f != NULL && f->kind == AIMAK_FIELD_DATE)
    return aimak_numbers_format_date (value);
  if (f == NULL || (f->kind != AIMAK_FIELD_DOUBLE && f->kind != AIMAK_FIELD_INT))
    return g_strdup (value);
  number = g_ascii_strtod (value, &end);
  if (end != NULL && *end == '\0')
    return aimak_numbers_format_grouped (number, number == (gint64) number ? 0 : 2);
  return g_strdup (value);
}

static GtkWidget *
value_button (const char *value,
              const char *accessible)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (value && *value ? value : _("(empty)"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
record_fields (AimakMergeReview *self,
               Record           *r)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *entity = r->item->mine ? r->item->mine->entity
                                      : r->item->theirs ? r->item->theirs->entity : NULL;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), FALSE);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Field")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Here (mine)")), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Received (theirs)")), 2, 0, 1, 1);
  for (guint f = 0; f < r->item->fields->len; f++)
    {
      const AimakMergeField *field = g_ptr_array_index (r->item->fields, f);
      g_autofree char *name = field_label (self, r, field->field);
      g_autofree char *mine = shown_value (entity, field->field, field->mine);
      g_autofree char *theirs = shown_value (entity, field->field, field->theirs);
      /* TRANSLATORS: accessible names of the two choices: field, value. */
      g_autofree char *a_mine = g_strdup_printf (_("Keep mine for %s: %s"), name,
                                                 mine ? mine : "");
      g_autofree char *a_theirs = g_strdup_printf (_("Take theirs for %s: %s"), name,
                                                   theirs ? theirs : "");
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_size_group_add_widget (self->name_group, label);
      r->mine[f] = value_button (mine, a_mine);
      r->theirs[f] = value_button (theirs, a_theirs);
      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *b = k ? r->theirs[f] : r->mine[f];

          g_object_set_data (G_OBJECT (b), "aimak-record", r);
          g_object_set_data (G_OBJECT (b), "aimak-field", GUINT_TO_POINTER (f));
          g_signal_connect (b, "toggled", G_CALLBACK (on_field_toggled), self);
        }
      gtk_size_group_add_widget (self->value_group, r->mine[f]);
      gtk_size_group_add_widget (self->value_group, r->theirs[f]);
      gtk_grid_attach (GTK_GRID (grid), label, 0, f + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), r->mine[f], 1, f + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), r->theirs[f], 2, f + 1, 1, 1);
    }
  return grid;
}

static GtkWidget *
record_card (AimakMergeReview *self,
             Record           *r)
{
  const AimakMergeRecord *rec = r->item->theirs ? r->item->theirs : r->item->mine;
  g_autofree char *title = self->record_label ? self->record_label (r->item)
                                              : g_strdup (rec->uuid);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *area = gtk_label_new (rec->area_code);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (area, "dim-label");
  gtk_widget_add_css_class (area, "caption");
  r->keep_mine = gtk_button_new_with_mnemonic (_("Keep _Mine"));
  r->take_theirs = gtk_button_new_with_mnemonic (_("Take _Theirs"));
  for (guint k = 0; k < 2; k++)
    {
      GtkWidget *b = k ? r->take_theirs : r->keep_mine;
      /* TRANSLATORS: accessible name: "Keep Mine: <record title>". */
      g_autofree char *a = g_strdup_printf (k ? _("Take theirs for all of “%s”")
                                              : _("Keep mine for all of “%s”"), title);

      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, a, -1);
      g_object_set_data (G_OBJECT (b), "aimak-record", r);
      g_signal_connect (b, "clicked", G_CALLBACK (on_record_clicked), self);
    }
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (head), area);
  gtk_box_append (GTK_BOX (head), r->keep_mine);
  gtk_box_append (GTK_BOX (head), r->take_theirs);
  gtk_box_append (GTK_BOX (card), head);
  gtk_box_append (GTK_BOX (card), record_fields (self, r));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (head, 12);
  gtk_widget_set_margin_end (head, 12);
  gtk_widget_set_margin_top (head, 12);
  gtk_widget_set_margin_start (gtk_widget_get_last_child (card), 12);
  gtk_widget_set_margin_end (gtk_widget_get_last_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  return card;
}

void
aimak_merge_review_set_items (AimakMergeReview *self,
                              GPtrArray        *items)
{
  GtkWidget *child;

  g_return_if_fail (AIMAK_IS_MERGE_REVIEW (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records_box))) != NULL)
    gtk_box_remove (self->records_box, child);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->items = items ? g_ptr_array_ref (items) : NULL;
  for (guint i = 0; items && i < items->len; i++)
    {
      AimakMergeItem *item = g_ptr_array_index (items, i);
      Record *r;

      if (item->kind != AIMAK_MERGE_CONFLICT)
        continue;
      r = g_new0 (Record, 1);
      r->item = item;
      r->mine = g_new0 (GtkWidget *, item->fields->len);
      r->theirs = g_new0 (GtkWidget *, item->fields->len);
      r->state = g_new (int, item->fields->len);
      for (guint f = 0; f < item->fields->len; f++)
        r->state[f] = -1;
      g_ptr_array_add (self->records, r);
      gtk_box_append (self->records_box, record_card (self, r));
    }
  update_status (self);
}

GtkWidget *
aimak_merge_review_get_button (AimakMergeReview *self,
                               const char       *uuid,
                               const char       *field,
                               AimakMergeChoice  choice)
{
  g_return_val_if_fail (AIMAK_IS_MERGE_REVIEW (self), NULL);
  for (guint i = 0; self->records && i < self->records->len; i++)
    {
      Record *r = self->records->pdata[i];
      const AimakMergeRecord *rec = r->item->theirs ? r->item->theirs : r->item->mine;

      if (g_strcmp0 (rec->uuid, uuid) != 0)
        continue;
      if (field == NULL)
        return choice == AIMAK_MERGE_KEEP_MINE ? r->keep_mine : r->take_theirs;
      for (guint f = 0; f < r->item->fields->len; f++)
        if (g_str_equal (((AimakMergeField *) r->item->fields->pdata[f])->field, field))
          return choice == AIMAK_MERGE_KEEP_MINE ? r->mine[f] : r->theirs[f];
    }
  return NULL;
}

void
aimak_merge_review_set_label_funcs (AimakMergeReview          *self,
                                    AimakMergeRecordLabelFunc  record_label,
                                    AimakMergeFieldLabelFunc   field_label_func)
{
  g_return_if_fail (AIMAK_IS_MERGE_REVIEW (self));
  self->record_label = record_label;
  self->field_label = field_label_func;
}

GtkWidget *
aimak_merge_review_new (void)
{
  return g_object_new (AIMAK_TYPE_MERGE_REVIEW, NULL);
}

static void
aimak_merge_review_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakMergeReview *self = AIMAK_MERGE_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ALL_DECIDED:
      g_value_set_boolean (value, aimak_merge_review_get_all_decided (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_merge_review_dispose (GObject *object)
{
  AimakMergeReview *self = AIMAK_MERGE_REVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_MERGE_REVIEW);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->name_group);
  g_clear_object (&self->value_group);
  G_OBJECT_CLASS (aimak_merge_review_parent_class)->dispose (object);
}

static void
aimak_merge_review_class_init (AimakMergeReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_merge_review_dispose;
  object_class->get_property = aimak_merge_review_get_property;
  properties[PROP_ALL_DECIDED] = g_param_spec_boolean ("all-decided", NULL, NULL, TRUE,
                                                       G_PARAM_READABLE |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-merge-review.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakMergeReview, status_label);
  gtk_widget_class_bind_template_child (widget_class, AimakMergeReview, records_box);
}

static void
aimak_merge_review_init (AimakMergeReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->value_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}
