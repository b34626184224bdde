/* aimak-area-profile.c — the right-hand side of the Areas view. Parent areas
 * are links; activating one emits ::area-activated so the tree follows. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-profile.h"

struct _AimakAreaProfile
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkBox       *chain_box;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkWidget    *pilot_badge;
  AdwActionRow *name_en_row;
  AdwActionRow *name_ru_row;
  AdwActionRow *name_ky_row;
  AdwActionRow *type_row;
  AdwActionRow *code_row;
  AdwActionRow *pilot_row;

  /* Owned references */
  AimakDb      *db;
  char         *code;
};

G_DEFINE_FINAL_TYPE (AimakAreaProfile, aimak_area_profile, GTK_TYPE_WIDGET)

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_chain_link (GtkButton        *button,
               AimakAreaProfile *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "area-code");

  g_signal_emit (self, signals[AREA_ACTIVATED], 0, code);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text && *text ? text : _("not given"));
}

void
aimak_area_profile_set_area (AimakAreaProfile *self,
                             AimakDb          *db,
                             const char       *code)
{
  g_autoptr(GPtrArray) chain = NULL;
  AimakArea *area;
  const char *lang;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (AIMAK_IS_AREA_PROFILE (self));

  if (db != self->db)
    {
      g_clear_pointer (&self->db, aimak_db_unref);
      self->db = db ? aimak_db_ref (db) : NULL;
    }
  g_free (self->code);
  self->code = g_strdup (code);
  clear_box (self->chain_box);
  if (db == NULL || code == NULL || (chain = aimak_area_chain (db, code, NULL)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  lang = aimak_db_get_language (db);
  area = g_ptr_array_index (chain, chain->len - 1);
  for (guint i = 0; i + 1 < chain->len; i++)
    {
      AimakArea *parent = g_ptr_array_index (chain, i);
      GtkWidget *link = gtk_button_new_with_label (aimak_area_name (parent, lang));
      g_autofree char *tip = g_strdup_printf (_("Show %s"), aimak_area_name (parent, lang));

      gtk_widget_add_css_class (link, "flat");
      gtk_widget_add_css_class (link, "chain-link");
      gtk_widget_set_tooltip_text (link, tip);
      g_object_set_data_full (G_OBJECT (link), "area-code", g_strdup (parent->code), g_free);
      g_signal_connect (link, "clicked", G_CALLBACK (on_chain_link), self);
      if (i > 0)
        gtk_box_append (self->chain_box, gtk_label_new ("›"));
      gtk_box_append (self->chain_box, link);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chain_box), chain->len > 1);

  gtk_label_set_text (self->title_label, aimak_area_name (area, lang));
  subtitle = g_strdup_printf ("%s · %s", aimak_area_type_label (area->type), area->code);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (self->pilot_badge, area->is_pilot);
  set_subtitle (self->name_en_row, area->name_en);
  set_subtitle (self->name_ru_row, area->name_ru);
  set_subtitle (self->name_ky_row, area->name_ky);
  set_subtitle (self->type_row, aimak_area_type_label (area->type));
  set_subtitle (self->code_row, area->code);
  set_subtitle (self->pilot_row, area->is_pilot ? _("Pilot area of the gender and migration "
                                                    "project (2019)")
                                                : _("Not a pilot area"));
  gtk_stack_set_visible_child_name (self->stack, "profile");
}

const char *
aimak_area_profile_get_area (AimakAreaProfile *self)
{
  return self->code;
}

static void
aimak_area_profile_dispose (GObject *object)
{
  AimakAreaProfile *self = AIMAK_AREA_PROFILE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_AREA_PROFILE);
  g_clear_pointer (&self->db, aimak_db_unref);
  g_clear_pointer (&self->code, g_free);
  G_OBJECT_CLASS (aimak_area_profile_parent_class)->dispose (object);
}

static void
aimak_area_profile_class_init (AimakAreaProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_area_profile_dispose;
  signals[AREA_ACTIVATED] = g_signal_new ("area-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-area-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, stack);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, chain_box);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, pilot_badge);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_ru_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, name_ky_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, type_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, code_row);
  gtk_widget_class_bind_template_child (widget_class, AimakAreaProfile, pilot_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_area_profile_init (AimakAreaProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
