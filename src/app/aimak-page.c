/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-page.c — shared state of the views. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-page.h"
#include "aimak-ask.h"
#include "aimak-toast.h"
#include "aimak-widget-util.h"

typedef struct
{
  AimakDb *db;
  char    *area_code;
} AimakPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AimakPage, aimak_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DB, PROP_AREA_CODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

AimakDb *
aimak_page_get_db (AimakPage *self)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (self);

  return priv->db;
}

const char *
aimak_page_get_area_code (AimakPage *self)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (self);

  return priv->area_code;
}

gboolean
aimak_page_is_read_only (AimakPage *self)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (self);

  return priv->db == NULL || aimak_db_is_read_only (priv->db);
}

void
aimak_page_set_area_code (AimakPage  *self,
                          const char *code)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (self);

  if (g_strcmp0 (priv->area_code, code) == 0)
    return;
  g_free (priv->area_code);
  priv->area_code = g_strdup (code);
  if (AIMAK_PAGE_GET_CLASS (self)->area_changed)
    AIMAK_PAGE_GET_CLASS (self)->area_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_CODE]);
}

void
aimak_page_add_toast (AimakPage *self,
                      AdwToast  *toast)
{
  aimak_toast_add (GTK_WIDGET (self), toast);
}

void
aimak_page_show_error (AimakPage    *self,
                       const GError *error)
{
  aimak_toast_show_error (GTK_WIDGET (self), error);
}

static void
on_choose_area (AimakPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "areas");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-search", NULL);
}

void
aimak_page_ask_for_area (AimakPage  *self,
                         const char *message)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (AIMAK_IS_PAGE (self));
  /* Not only a toast: a toast's button cannot be reached by the keyboard
   * before it goes away. */
  dialog = aimak_ask_new (aimak_widget_get_window (GTK_WIDGET (self)), NULL, message,
                          "choose", _("_Choose Area"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response::choose", G_CALLBACK (on_choose_area),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
aimak_page_check_area_for_new (AimakPage  *self,
                               const char *area,
                               const char *ask_message)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AIMAK_IS_PAGE (self), FALSE);
  if (area == NULL)
    {
      aimak_page_ask_for_area (self, ask_message);
      return FALSE;
    }
  if (!aimak_area_check_open_for_new (aimak_page_get_db (self), area, &error))
    {
      g_autofree char *text = g_markup_escape_text (error->message, -1);

      aimak_page_add_toast (self, adw_toast_new (text));
      return FALSE;
    }
  return TRUE;
}

static void
aimak_page_finalize (GObject *object)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (AIMAK_PAGE (object));

  g_clear_pointer (&priv->db, aimak_db_unref);
  g_free (priv->area_code);
  G_OBJECT_CLASS (aimak_page_parent_class)->finalize (object);
}

static void
aimak_page_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AimakPagePrivate *priv = aimak_page_get_instance_private (AIMAK_PAGE (object));

  switch (prop_id)
    {
    case PROP_DB: g_value_set_boxed (value, priv->db); break;
    case PROP_AREA_CODE: g_value_set_string (value, priv->area_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_page_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AimakPage *self = AIMAK_PAGE (object);
  AimakPagePrivate *priv = aimak_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      g_clear_pointer (&priv->db, aimak_db_unref);
      priv->db = g_value_dup_boxed (value);
      if (AIMAK_PAGE_GET_CLASS (self)->db_changed)
        AIMAK_PAGE_GET_CLASS (self)->db_changed (self);
      break;
    case PROP_AREA_CODE:
      aimak_page_set_area_code (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_page_dispose (GObject *object)
{
  aimak_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (aimak_page_parent_class)->dispose (object);
}

static void
aimak_page_class_init (AimakPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_page_dispose;
  object_class->finalize = aimak_page_finalize;
  object_class->get_property = aimak_page_get_property;
  object_class->set_property = aimak_page_set_property;
  properties[PROP_DB] = g_param_spec_boxed ("db", NULL, NULL, AIMAK_TYPE_DB,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE |
                                                    G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aimak_page_init (AimakPage *self)
{
}
