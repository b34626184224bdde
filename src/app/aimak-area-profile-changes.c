/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-profile-changes.c — the profile's territorial changes (issue 17): a
 * former area says what it became (a link that opens it) and offers to move its
 * open priorities and activities there; a successor lists its predecessors and,
 * for years before the change, the sum of their counts, marked "sum of former
 * areas" (rates and shares are never summed). */
#include "config.h"

#include <glib/gi18n.h>

#include "aimak-area-profile-private.h"
#include "aimak-ask.h"
#include "aimak-toast.h"
#include "aimak-widget-util.h"

static void
on_link_activated (AdwActionRow     *row,
                   AimakAreaProfile *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "area-code");

  g_signal_emit_by_name (self, "area-activated", code);
}

static char *
area_label (AimakDb    *db,
            const char *code)
{
  g_autoptr(AimakArea) a = aimak_area_get (db, code, NULL);

  return g_strdup (a ? aimak_area_name (a, aimak_db_get_language (db)) : code);
}

static GtkWidget *
link_row (AimakAreaProfile *self,
          const char       *title,
          const char       *subtitle,
          const char       *code)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *tip = NULL;
  g_autofree char *name = area_label (self->db, code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  tip = g_strdup_printf (_("Show %s"), name);
  gtk_widget_set_tooltip_text (row, tip);
  g_object_set_data_full (G_OBJECT (row), "area-code", g_strdup (code), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_link_activated), self);
  return row;
}

static char *
successor_title (AimakAreaChange *c,
                 const char      *name)
{
  switch (c->kind)
    {
    case AIMAK_AREA_CHANGE_MERGED_INTO:
      /* TRANSLATORS: "Merged into Kant on 2024-07-01". */
      return g_strdup_printf (_("Merged into %s on %s"), name, c->effective_date);
    case AIMAK_AREA_CHANGE_SPLIT_FROM:
      return g_strdup_printf (_("Split: part became %s on %s"), name, c->effective_date);
    case AIMAK_AREA_CHANGE_CODE_CHANGED:
      return g_strdup_printf (_("Code changed: became %s on %s"), name, c->effective_date);
    case AIMAK_AREA_CHANGE_PART_TRANSFERRED:
    case AIMAK_AREA_CHANGE_RENAMED:
    default:
      return g_strdup_printf (_("Part transferred to %s on %s"), name, c->effective_date);
    }
}

/* ---- moving open work ---- */

static void
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AimakAreaProfile *self)
{
  g_autoptr(GError) error = NULL;
  guint np = 0, na = 0;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "move") != 0 || self->db == NULL || self->code == NULL)
    return;
  if (!aimak_area_move_open_to_successor (self->db, self->code, &np, &na, &error))
    {
      aimak_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (_("Moved to the successor — priorities: %u, activities: %u"),
                             np, na);
  aimak_toast_add (GTK_WIDGET (self), adw_toast_new (message));
  aimak_area_profile_reload (self);
}

static void
on_move_clicked (GtkButton        *button,
                 AimakAreaProfile *self)
{
  const char *to = g_object_get_data (G_OBJECT (button), "area-code");
  g_autofree char *to_name = area_label (self->db, to);
  g_autofree char *from_name = area_label (self->db, self->code);
  g_autofree char *body = NULL;
  guint np = 0, na = 0;
  AdwMessageDialog *dialog;

  if (!aimak_area_count_open (self->db, self->code, &np, &na, NULL))
    return;
  body = g_strdup_printf (_("Priorities not completed or rejected: %u. Activities dated on or "
                            "after the change: %u. They move from %s to %s, each move "
                            "recorded in its history. Completed and rejected priorities and "
                            "earlier activities stay with %s."),
                          np, na, from_name, to_name, from_name);
  dialog = aimak_ask_new (aimak_widget_get_window (GTK_WIDGET (self)),
                          _("Move Open Work to the Successor?"), body,
                          "move", _("_Move"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_move_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_move_row (AimakAreaProfile *self,
              const char       *to)
{
  guint np = 0, na = 0;
  GtkWidget *row, *button;
  g_autofree char *subtitle = NULL;

  if (aimak_area_profile_read_only (self) ||
      !aimak_area_count_open (self->db, self->code, &np, &na, NULL) || np + na == 0)
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Open priorities and activities"));
  subtitle = g_strdup_printf (_("Priorities: %u, activities: %u (they stay here until moved)"),
                              np, na);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  button = gtk_button_new_with_mnemonic (_("_Move to Successor…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "area-code", g_strdup (to), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->changes_list, row);
}

/* ---- the sum of former areas ---- */

/* "2020: 3,500 (Census) · 2021: not comparable (…)"; TRUE if any year is summed. */
static gboolean
sum_text (GPtrArray  *sums,
          const char *unit,
          const char *lang,
          GString    *text)
{
  gboolean any = FALSE;

  for (guint k = 0; k < sums->len; k++)
    {
      AimakAreaPredecessorSum *s = g_ptr_array_index (sums, k);

      if (text->len)
        g_string_append (text, " · ");
      if (s->comparable)
        {
          g_autofree char *value = aimak_area_profile_format_number (s->sum, unit);

          /* TRANSLATORS: a year, a sum of former areas' values and its one source:
           * "2020: 3,500 (Census 2022)". */
          g_string_append_printf (text, _("%d: %s (%s)"), s->year, value,
                                  aimak_indicator_source_label (s->sources, lang));
          any = TRUE;
        }
      else if (s->n_areas < s->n_former)
        /* TRANSLATORS: a year that is not summed: only 1 of the 2 former areas has a value. */
        g_string_append_printf (text, _("%d: not comparable (values of %u of %u former areas)"),
                                s->year, s->n_areas, s->n_former);
      else
        /* TRANSLATORS: a year that is not summed: the former areas' values come from
         * different sources, named after the colon. */
        g_string_append_printf (text, _("%d: not comparable (different sources: %s)"),
                                s->year, s->sources);
    }
  return any;
}

/* "Barskoon + Djeti-Oguz": the areas summed, by their names before the change; a
 * city that took an ayil aimak in is one of them. */
static char *
sum_parts (AimakAreaProfile *self,
           const char       *lang)
{
  g_autofree char *first_date = NULL;
  g_auto(GStrv) members = aimak_area_sum_members (self->db, self->code, &first_date, NULL);
  g_autoptr(GString) parts = g_string_new (NULL);

  for (guint i = 0; members && members[i]; i++)
    {
      g_autofree char *name = aimak_area_name_on (self->db, members[i], first_date, lang, NULL);

      g_string_append_printf (parts, "%s%s", i ? " + " : "", name ? name : members[i]);
    }
  return g_string_free (g_steal_pointer (&parts), FALSE);
}

static void
add_sum_rows (AimakAreaProfile *self)
{
  g_autoptr(GPtrArray) catalogue = aimak_indicator_catalogue (self->db, NULL);
  const char *lang = aimak_db_get_language (self->db);
  g_autofree char *parts = sum_parts (self, lang);
  gboolean any_rate = FALSE;

  for (guint i = 0; catalogue && i < catalogue->len; i++)
    {
      AimakIndicator *ind = g_ptr_array_index (catalogue, i);
      g_autoptr(GPtrArray) sums = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = NULL;
      const char *name;
      GtkWidget *row;

      if (!aimak_area_indicator_is_count (self->db, ind->code, NULL))
        {
          any_rate = TRUE;
          continue;
        }
      sums = aimak_area_predecessor_sums (self->db, self->code, ind->code, "T", NULL);
      if (sums == NULL || sums->len == 0)
        continue;
      name = aimak_lang_pick (lang, ind->name_en, ind->name_ru, ind->name_ky);
      if (sum_text (sums, ind->unit, lang, text))
        /* TRANSLATORS: "Population — sum of former areas (Barskoon + Djeti-Oguz)". */
        title = g_strdup_printf (_("%s — sum of former areas (%s)"), name, parts);
      else
        /* TRANSLATORS: "Population — former areas: not comparable" (never summed). */
        title = g_strdup_printf (_("%s — former areas: not comparable"), name);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
      gtk_widget_add_css_class (row, "property");
      gtk_list_box_append (self->changes_list, row);
    }
  if (any_rate)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Rates and shares: not comparable"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("They are never summed across areas: see each former "
                                     "area above."));
      gtk_list_box_append (self->changes_list, row);
    }
}

void
aimak_area_profile_fill_changes (AimakAreaProfile *self)
{
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(AimakArea) self_area = aimak_area_get (self->db, self->code, NULL);
  const char *move_to = NULL;

  while (gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)))
    gtk_list_box_remove (self->changes_list,
                         gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)));
  next = aimak_area_successors (self->db, self->code, NULL);
  before = aimak_area_predecessors (self->db, self->code, NULL);
  for (guint i = 0; next && i < next->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (next, i);
      g_autofree char *name = area_label (self->db, c->new_code);
      g_autofree char *title = successor_title (c, name);

      gtk_list_box_append (self->changes_list, link_row (self, title, c->legal_act,
                                                         c->new_code));
      if (c->kind != AIMAK_AREA_CHANGE_PART_TRANSFERRED)
        move_to = c->new_code;
    }
  if (move_to)
    add_move_row (self, move_to);
  for (guint i = 0; before && i < before->len; i++)
    {
      AimakAreaChange *c = g_ptr_array_index (before, i);
      g_autofree char *name = area_label (self->db, c->old_code);
      g_autofree char *title = NULL;

      if (c->kind == AIMAK_AREA_CHANGE_PART_TRANSFERRED)
        /* TRANSLATORS: "Took in part of Lyuksemburg on 2024-07-01". */
        title = g_strdup_printf (_("Took in part of %s on %s"), name, c->effective_date);
      else if (self_area && (self_area->valid_from == NULL ||
                        g_strcmp0 (self_area->valid_from, c->effective_date) < 0))
        /* TRANSLATORS: on the profile of an area that went on and took another in (a
         * city taking in an ayil aimak): "Took in Lyuksemburg on 2024-07-01". */
        title = g_strdup_printf (_("Took in %s on %s"), name, c->effective_date);
      else
        /* TRANSLATORS: on a successor's profile: "Formed from Barskoon on 2024-07-01". */
        title = g_strdup_printf (_("Formed from %s on %s"), name, c->effective_date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   aimak_area_change_kind_label (c->kind),
                                                   c->legal_act);

      gtk_list_box_append (self->changes_list, link_row (self, title, subtitle, c->old_code));
    }
  if (before && before->len)
    add_sum_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)) != NULL);
}
