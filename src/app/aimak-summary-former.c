/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-former.c — a successor area's Summary counts its own records
 * only; the records of the former areas it came from stay theirs (issue 17), and
 * this line says how many there are, with a link to each former area. A former
 * area's Summary says so, with a link to the area(s) it became part of. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aimak-summary-former.h"

static gboolean
on_activate_link (GtkLabel   *label,
                  const char *uri,
                  gpointer    data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  if (!g_str_has_prefix (uri, "area:") || root == NULL ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (root), "area-code") == NULL)
    return FALSE;
  g_object_set (root, "area-code", uri + strlen ("area:"), NULL);
  return TRUE;
}

GtkLabel *
aimak_summary_former_label_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  /* Wraps rather than widening the header: its buttons stay beside it. */
  gtk_label_set_max_width_chars (label, 70);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), NULL);
  return label;
}

/* "Former area since DATE, now part of <a>X</a>": TRUE if @area_code ended. */
static gboolean
update_for_former (GtkLabel   *label,
                   AimakDb    *db,
                   const char *area_code)
{
  g_autoptr(AimakArea) area = aimak_area_get (db, area_code, NULL);
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (area == NULL || aimak_area_is_current (area))
    return FALSE;
  next = aimak_area_successors (db, area_code, NULL);
  for (guint i = 0; next && i < next->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (next, i);
      g_autoptr(AimakArea) to = aimak_area_get (db, c->new_code, NULL);
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"area:%s\">%s</a>", c->new_code,
                                                       to ? aimak_area_name (to,
                                                         aimak_db_get_language (db))
                                                       : c->new_code);

      g_string_append_printf (links, "%s%s", i ? ", " : "", link);
    }
  date = g_markup_escape_text (area->valid_to ? area->valid_to : "", -1);
  if (links->len)
    /* TRANSLATORS: on a former area's Summary: the day it ended, links to its successors. */
    text = g_strdup_printf (_("Former area since %s, now part of %s: its records stay and "
                              "are counted here"), date, links->str);
  else
    text = g_strdup_printf (_("Former area since %s: its records stay and are counted here"),
                            date);
  gtk_label_set_markup (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  return TRUE;
}

void
aimak_summary_former_label_update (GtkLabel   *label,
                                   AimakDb    *db,
                                   const char *area_code)
{
  g_autoptr(GPtrArray) former = NULL;
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *p = NULL;
  g_autofree char *a = NULL;
  guint n_priorities = 0, n_activities = 0;

  if (db && area_code && update_for_former (label, db, area_code))
    return;
  if (db && area_code)
    former = aimak_area_former_records (db, area_code, &n_priorities, &n_activities, NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), former && former->len > 0);
  if (former == NULL || former->len == 0)
    return;
  for (guint i = 0; i < former->len; i++)
    {
      AimakArea *area = g_ptr_array_index (former, i);
      const char *name = aimak_area_name (area, aimak_db_get_language (db));
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"area:%s\">%s</a>",
                                                       area->code, name);

      g_string_append_printf (links, "%s%s", i ? ", " : "", link);
    }
  p = g_strdup_printf (ngettext ("%u priority", "%u priorities", n_priorities), n_priorities);
  a = g_strdup_printf (ngettext ("%u activity", "%u activities", n_activities), n_activities);
  counts = g_markup_printf_escaped ("%s, %s", p, a);
  /* TRANSLATORS: "2 priorities, 1 activity", then links to the former areas. */
  text = g_strdup_printf (_("Not counted here, they stay with the former areas: %s in %s"),
                          counts, links->str);
  gtk_label_set_markup (label, text);
}
