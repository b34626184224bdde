/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-key-figure-card.c — a key figure card of the area profile. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-chart.h"
#include "aimak-key-figure-card.h"

struct _AimakKeyFigureCard
{
  GtkBox     parent_instance;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *none_label;
  GtkButton *add_button;
  GtkBox    *values_box;
  GtkLabel  *caption_label;
  GtkLabel  *differs_label;
};

G_DEFINE_FINAL_TYPE (AimakKeyFigureCard, aimak_key_figure_card, GTK_TYPE_BOX)

char *
aimak_key_figure_card_differ_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other source differs",
                                       "%u other sources differ", n), n);
}

/* Short card titles; the indicator's full name is the tooltip. */
static const struct
{
  const char *key;
  const char *title;
} card_titles[] = {
  { "POP", N_("Population") },
  { "MIGR_ABROAD", N_("Labour migrants abroad") },
  { "RETURNEES", N_("Returned migrants") },
  { "SI_POV_NAHC", N_("Poverty rate") },
  { "SL_TLF_UEM", N_("Unemployment rate") },
};

static const char *
card_title (const char           *key,
            const AimakKeyFigure *figure)
{
  /* The census figure of residents away for work stands in when "abroad"
   * is not published; the title must not claim more. */
  if (g_strcmp0 (key, "MIGR_ABROAD") == 0 && figure &&
      g_strcmp0 (figure->indicator_code, key) != 0)
    return _("Away in labour migration");
  for (guint i = 0; i < G_N_ELEMENTS (card_titles); i++)
    if (g_strcmp0 (key, card_titles[i].key) == 0)
      return _(card_titles[i].title);
  return figure ? figure->name : key;
}

static GtkWidget *
figure_line (const char *label,
             const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *l = gtk_label_new (label);
  GtkWidget *v = gtk_label_new (value);

  gtk_widget_add_css_class (l, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_set_hexpand (l, TRUE);
  gtk_widget_add_css_class (v, "key-figure-value");
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_label_set_selectable (GTK_LABEL (v), TRUE);
  gtk_box_append (GTK_BOX (box), l);
  gtk_box_append (GTK_BOX (box), v);
  return box;
}

/* "12.5%", "5,120", "3.1 per 1,000": percent and persons need no unit word. */
static char *
value_text (double      value,
            const char *unit)
{
  gboolean percent = g_strcmp0 (unit, AIMAK_UNIT_PERCENT) == 0;
  char *text = aimak_chart_format_value (value, percent ? "%" : "");
  char *with_unit;

  if (percent || g_strcmp0 (unit, AIMAK_UNIT_PERSONS) == 0 || isnan (value))
    return text;
  with_unit = g_strdup_printf ("%s %s", text, aimak_indicator_unit_label (unit));
  g_free (text);
  return with_unit;
}

static void
show_none (AimakKeyFigureCard *self,
           const char         *key,
           const char         *name,
           GString            *a11y)
{
  g_autofree char *tip = g_strdup_printf (_("Add a value of “%s” for this area"), name);

  gtk_widget_set_visible (GTK_WIDGET (self->none_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "profile.add-value-for");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", key);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tip);
  g_string_append_printf (a11y, ": %s", _("No data"));
}

static void
show_figure (AimakKeyFigureCard   *self,
             const AimakKeyFigure *figure,
             GString              *a11y)
{
  g_autofree char *year_source = NULL;
  struct { char sex; double v; } parts[] = {
    { 'F', figure->women }, { 'M', figure->men }, { 'T', figure->total },
  };
  gboolean split = !isnan (figure->women) || !isnan (figure->men);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *text = NULL;

      /* With a split, women and men always show ("—" when one is missing);
       * the total only if it was published. */
      if (isnan (parts[i].v) && (!split || parts[i].sex == 'T'))
        continue;
      text = value_text (parts[i].v, figure->unit);
      gtk_box_append (self->values_box,
                      figure_line (aimak_indicator_sex_label (parts[i].sex), text));
      g_string_append_printf (a11y, ", %s %s", aimak_indicator_sex_label (parts[i].sex), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->values_box), TRUE);
  year_source = g_strdup_printf ("%d · %s", figure->year,
                                 aimak_indicator_source_label (figure->source,
                                                               aimak_lang_current ()));
  gtk_label_set_text (self->caption_label, year_source);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->caption_label), year_source);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), TRUE);
  g_string_append_printf (a11y, ". %s", year_source);
  if (figure->n_differing > 0)
    {
      g_autofree char *differ = aimak_key_figure_card_differ_text (figure->n_differing);

      gtk_label_set_text (self->differs_label, differ);
      gtk_widget_set_visible (GTK_WIDGET (self->differs_label), TRUE);
      g_string_append_printf (a11y, ". %s", differ);
    }
}

GtkWidget *
aimak_key_figure_card_new (const char           *key,
                           const AimakKeyFigure *figure,
                           const char           *full_name)
{
  AimakKeyFigureCard *self = g_object_new (AIMAK_TYPE_KEY_FIGURE_CARD, NULL);
  const char *name = card_title (key, figure);
  g_autoptr(GString) a11y = g_string_new (name);

  gtk_label_set_text (self->title_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), full_name);
  if (figure == NULL)
    show_none (self, key, name, a11y);
  else
    show_figure (self, figure, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y->str, -1);
  return GTK_WIDGET (self);
}

static void
aimak_key_figure_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_KEY_FIGURE_CARD);
  G_OBJECT_CLASS (aimak_key_figure_card_parent_class)->dispose (object);
}

static void
aimak_key_figure_card_class_init (AimakKeyFigureCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aimak_key_figure_card_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-key-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, none_label);
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, values_box);
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AimakKeyFigureCard, differs_label);
}

static void
aimak_key_figure_card_init (AimakKeyFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
