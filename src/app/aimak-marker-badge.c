/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-marker-badge.c — marker badge. The names come from the gender_marker
 * code list, so the badge, the filters and the export use the same words. */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-marker-badge.h"
#include "aimak-props.h"

struct _AimakMarkerBadge
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  int        marker;
};

G_DEFINE_FINAL_TYPE (AimakMarkerBadge, aimak_marker_badge, GTK_TYPE_WIDGET)

/* "marker" (int, -1 for none): what the badge shows, for tests and inspectors;
 * set with aimak_marker_badge_set_marker(). */
static const AimakProp props[] = {
  AIMAK_PROP_NUMBER ("marker", G_TYPE_INT, AimakMarkerBadge, marker, -1, 2),
};

/* Names in the database's language; the code list is the source of truth and
 * the gettext strings are only a fallback before a database is open. */
static char *marker_names[3];

void
aimak_marker_names_load (AimakDb *db)
{
  g_autoptr(AimakCodeList) list = NULL;
  guint n;

  if (db == NULL || (list = aimak_code_list_new_loaded (db, "gender_marker", NULL)) == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *code = aimak_code_item_get_code (item);
      int marker = code[0] >= '0' && code[0] <= '2' && code[1] == '\0' ? code[0] - '0' : -1;

      if (marker >= 0)
        {
          g_free (marker_names[marker]);
          marker_names[marker] = g_strdup (aimak_code_item_get_name (item));
        }
    }
}

static const char *
aimak_marker_name (int marker)
{
  static const char * const fallback[] = {
    N_("Not targeted"), N_("Significant"), N_("Principal"),
  };

  if (marker < 0 || marker > 2)
    return "";
  if (marker_names[marker] && *marker_names[marker])
    return marker_names[marker];
  return _(fallback[marker]);
}

char *
aimak_marker_label (int marker)
{
  if (marker < 0 || marker > 2)
    return g_strdup ("");
  /* Translators: a gender equality marker, e.g. "2 Principal" */
  return g_strdup_printf (_("%d %s"), marker, aimak_marker_name (marker));
}

void
aimak_marker_badge_set_marker (AimakMarkerBadge *self,
                               int               marker)
{
  g_autofree char *text = NULL;
  g_autofree char *css = NULL;

  g_return_if_fail (AIMAK_IS_MARKER_BADGE (self));

  if (marker < -1 || marker > 2)
    marker = -1;
  /* Badges in the list are bound again on every search: skip the restyling. */
  if (marker == self->marker)
    return;
  for (int i = 0; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("marker-%d", i);
      gtk_widget_remove_css_class (self->label, name);
    }
  self->marker = marker;
  text = aimak_marker_label (marker);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_visible (self->label, marker >= 0);
  if (marker >= 0)
    {
      css = g_strdup_printf ("marker-%d", marker);
      gtk_widget_add_css_class (self->label, css);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  g_object_notify (G_OBJECT (self), "marker");
}

static void
aimak_marker_badge_dispose (GObject *object)
{
  AimakMarkerBadge *self = AIMAK_MARKER_BADGE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (aimak_marker_badge_parent_class)->dispose (object);
}

static void
aimak_marker_badge_class_init (AimakMarkerBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aimak_marker_badge_dispose;
  aimak_props_install (object_class, props, G_N_ELEMENTS (props));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markerbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aimak_marker_badge_init (AimakMarkerBadge *self)
{
  /* A single label: a template would add nothing but a file. */
  self->marker = -1;
  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "marker-badge");
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
aimak_marker_badge_new (void)
{
  return g_object_new (AIMAK_TYPE_MARKER_BADGE, NULL);
}
