/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority-indicator-row.c — an indicator of a priority as an expander row. The
 * row only reads and shows values; the editor decides when to save. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aimak-numbers.h"
#include "aimak-priority-indicator-row.h"

struct _AimakPriorityIndicatorRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwEntryRow    *unit_row;
  GtkEntry       *entries[6];       /* in the order of values[] */

  guint           filling;
};

G_DEFINE_FINAL_TYPE (AimakPriorityIndicatorRow, aimak_priority_indicator_row,
                     ADW_TYPE_EXPANDER_ROW)

enum { CHANGED, REMOVE_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The indicator's numbers and the entries of the template that edit them. */
static const struct
{
  const char *entry;
  gsize       offset;
} values[6] = {
  { "baseline_f_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, baseline_f) },
  { "baseline_m_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, baseline_m) },
  { "target_f_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, target_f) },
  { "target_m_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, target_m) },
  { "actual_f_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, actual_f) },
  { "actual_m_entry", G_STRUCT_OFFSET (AimakPriorityIndicator, actual_m) },
};

static char *
pair_text (double women,
           double men)
{
  g_autofree char *w = aimak_numbers_format_budget (women);
  g_autofree char *m = aimak_numbers_format_budget (men);

  /* Translators: values of an indicator for women and men, e.g. "W 12 / M 15" */
  return g_strdup_printf (_("W %s / M %s"), *w ? w : "–", *m ? m : "–");
}

static AdwActionRow *
find_action_row (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwActionRow *found;

      if (ADW_IS_ACTION_ROW (c))
        return ADW_ACTION_ROW (c);
      if ((found = find_action_row (c)))
        return found;
    }
  return NULL;
}

static void
on_header_text_changed (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_expander_row_get_subtitle (row);
  g_autofree char *tip = subtitle && *subtitle ? g_strdup_printf ("%s\n%s", title, subtitle)
                                               : g_strdup (title);

  gtk_widget_set_tooltip_text (GTK_WIDGET (find_action_row (GTK_WIDGET (row))), tip);
}

void
aimak_expander_row_limit_lines (AdwExpanderRow *row)
{
  AdwActionRow *header = find_action_row (GTK_WIDGET (row));

  g_return_if_fail (header != NULL);
  adw_action_row_set_title_lines (header, 1);
  adw_action_row_set_subtitle_lines (header, 1);
  g_signal_connect (row, "notify::title", G_CALLBACK (on_header_text_changed), NULL);
  g_signal_connect (row, "notify::subtitle", G_CALLBACK (on_header_text_changed), NULL);
  on_header_text_changed (row);
}

static void
update_header (AimakPriorityIndicatorRow            *self,
               const AimakPriorityIndicator *ind)
{
  g_autofree char *baseline = pair_text (ind->baseline_f, ind->baseline_m);
  g_autofree char *target = pair_text (ind->target_f, ind->target_m);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 ind->name && *ind->name ? ind->name : _("Unnamed indicator"));
  /* Translators: summary of an indicator: baseline and target by sex */
  subtitle = g_strdup_printf (_("Baseline %s · Target %s"), baseline, target);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

AimakPriorityIndicator *
aimak_priority_indicator_row_get_indicator (AimakPriorityIndicatorRow *self,
                                            gboolean          *valid)
{
  AimakPriorityIndicator *ind;
  gboolean ok = TRUE;

  g_return_val_if_fail (AIMAK_IS_PRIORITY_INDICATOR_ROW (self), NULL);

  ind = aimak_priority_indicator_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entries[i]));
      double *value = &G_STRUCT_MEMBER (double, ind, values[i].offset);

      if (aimak_numbers_parse_number (text, value))
        gtk_widget_remove_css_class (GTK_WIDGET (self->entries[i]), "error");
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->entries[i]), "error");
          *value = NAN;
          ok = FALSE;
        }
    }
  if (valid)
    *valid = ok;
  return ind;
}

void
aimak_priority_indicator_row_set_indicator (AimakPriorityIndicatorRow            *self,
                                            const AimakPriorityIndicator *ind)
{
  g_return_if_fail (AIMAK_IS_PRIORITY_INDICATOR_ROW (self));
  g_return_if_fail (ind != NULL);

  self->filling++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ind->name ? ind->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), ind->unit ? ind->unit : "");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text =
        aimak_numbers_format_number (G_STRUCT_MEMBER (double, ind, values[i].offset));

      gtk_editable_set_text (GTK_EDITABLE (self->entries[i]), text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->entries[i]), "error");
    }
  self->filling--;
  update_header (self, ind);
}

GtkEditable *
aimak_priority_indicator_row_get_field (AimakPriorityIndicatorRow *self,
                                        guint              index)
{
  g_return_val_if_fail (AIMAK_IS_PRIORITY_INDICATOR_ROW (self), NULL);
  if (index == 0)
    return GTK_EDITABLE (self->name_row);
  if (index == 1)
    return GTK_EDITABLE (self->unit_row);
  g_return_val_if_fail (index < 2 + G_N_ELEMENTS (values), NULL);
  return GTK_EDITABLE (self->entries[index - 2]);
}

static void
on_field_changed (AimakPriorityIndicatorRow *self)
{
  g_autoptr(AimakPriorityIndicator) ind = NULL;

  if (self->filling)
    return;
  ind = aimak_priority_indicator_row_get_indicator (self, NULL);
  update_header (self, ind);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (AimakPriorityIndicatorRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
aimak_priority_indicator_row_class_init (AimakPriorityIndicatorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/aimak-priority-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakPriorityIndicatorRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPriorityIndicatorRow, unit_row);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_widget_class_bind_template_child_full (widget_class, values[i].entry, FALSE,
                                               G_STRUCT_OFFSET (AimakPriorityIndicatorRow,
                                                                entries) +
                                               i * sizeof (GtkEntry *));
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
aimak_priority_indicator_row_init (AimakPriorityIndicatorRow *self)
{
  g_autoptr(AimakPriorityIndicator) empty = aimak_priority_indicator_new ("", "");

  gtk_widget_init_template (GTK_WIDGET (self));
  aimak_expander_row_limit_lines (ADW_EXPANDER_ROW (self));
  update_header (self, empty);
}

GtkWidget *
aimak_priority_indicator_row_new (void)
{
  return g_object_new (AIMAK_TYPE_PRIORITY_INDICATOR_ROW, NULL);
}
