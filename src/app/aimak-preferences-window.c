/* aimak-preferences-window.c — settings bound to GSettings. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-preferences-window.h"

struct _AimakPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkSwitch            *suppress_switch;
  GtkSpinButton        *threshold_spin;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AimakPreferencesWindow, aimak_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static const char * const languages[] = { "en", "ru", "ky" };

static gboolean
language_to_index (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *lang = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (lang, languages[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_language (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (languages[i < G_N_ELEMENTS (languages) ? i : 0]);
}

static void
aimak_preferences_window_dispose (GObject *object)
{
  AimakPreferencesWindow *self = AIMAK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMAK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (aimak_preferences_window_parent_class)->dispose (object);
}

static void
aimak_preferences_window_class_init (AimakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aimak_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, suppress_switch);
  gtk_widget_class_bind_template_child (widget_class, AimakPreferencesWindow, threshold_spin);
}

static void
aimak_preferences_window_init (AimakPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "export-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, language_to_index,
                                index_to_language, NULL, NULL);
  g_settings_bind (self->settings, "export-suppress-small", self->suppress_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-threshold", self->threshold_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

AimakPreferencesWindow *
aimak_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (AIMAK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
