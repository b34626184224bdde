/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary-page.c — the Summary view: "where do we stand" for the selected
 * area (with the areas below it), the pilot areas or everything. Every number comes
 * from aimak_summary_compute(), the function the workbook export and
 * `aimak-cli summary` use, so the three always agree.
 *
 * The figures are re-read whenever the view is shown, and while it is shown when
 * the area or the scope changes or the database is replaced.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "aimak-db-job.h"
#include "aimak-numbers.h"
#include "aimak-summary-card.h"
#include "aimak-summary-former.h"
#include "aimak-summary-page-private.h"
#include "aimak-toast.h"
#include "aimak-widget-util.h"

struct _AimakSummaryPage
{
  AimakPage          parent_instance;

  /* Template widgets */
  GtkLabel          *scope_title;
  GtkLabel          *scope_subtitle;
  GtkToggleButton   *area_toggle;
  GtkToggleButton   *pilots_toggle;
  GtkToggleButton   *all_toggle;
  GtkLabel          *tile_priorities;
  GtkLabel          *tile_budget;
  GtkLabel          *tile_share;
  GtkLabel          *tile_share_all;
  GtkLabel          *tile_participants;
  GtkLabel          *tile_activities;
  GtkScrolledWindow *scroller;
  GtkGrid           *cards_grid;
  AimakSummaryCard  *status_card;
  AimakSummaryCard  *marker_card;
  AimakSummaryCard  *budget_marker_card;
  AimakSummaryCard  *funding_card;
  AimakSummaryCard  *groups_card;
  AimakSummaryCard  *types_card;
  AimakSummaryCard  *roles_card;
  AimakSummaryCard  *gcm_card;
  AimakSummaryCard  *sdg_card;

  /* State */
  GtkSpinner        *spinner;      /* while a large database's figures are counted */
  GtkLabel          *former_label; /* the former areas' records not counted (issue 17) */
  GCancellable      *computing;    /* the count under way in a thread, or NULL */
  AimakSummary      *summary;      /* what is shown */
  guint              updating;
  guint              card_columns; /* 1 or 2 */
  guint              place_id;
};

/* From this width of the page on, two cards share a line. Two columns need
 * no more than 360 px either (cards' and page's margins are set for that),
 * so the switch never widens a window. */
#define TWO_COLUMNS_WIDTH 700

G_DEFINE_FINAL_TYPE (AimakSummaryPage, aimak_summary_page, AIMAK_TYPE_PAGE)

/* A card or a tile of the view, by the name the tests ask for it by. */
typedef struct
{
  const char *name;
  gsize       offset;  /* of the member of AimakSummaryPage */
} Member;

#define MEMBER(name, member) { name, G_STRUCT_OFFSET (AimakSummaryPage, member) }

/* The cards in the order of the view and of Copy All. */
static const Member cards[] = {
  MEMBER ("priorities_by_status", status_card),
  MEMBER ("priorities_by_marker", marker_card),
  MEMBER ("budget_by_marker", budget_marker_card),
  MEMBER ("budget_by_funding", funding_card),
  MEMBER ("priorities_by_target_group", groups_card),
  MEMBER ("activities_by_type", types_card),
  MEMBER ("participants_by_role_and_sex", roles_card),
  MEMBER ("gcm_covered", gcm_card),
  MEMBER ("sdg_covered", sdg_card),
};

static const Member tiles[] = {
  MEMBER ("priorities", tile_priorities),
  MEMBER ("budget", tile_budget),
  MEMBER ("share", tile_share),
  MEMBER ("share-all", tile_share_all),
  MEMBER ("participants", tile_participants),
  MEMBER ("activities", tile_activities),
};

#undef MEMBER

static gpointer
member_widget (AimakSummaryPage *self,
               const Member     *member)
{
  return G_STRUCT_MEMBER (gpointer, self, member->offset);
}

static gpointer
member_named (AimakSummaryPage *self,
              const Member     *members,
              guint             n_members,
              const char       *name)
{
  for (guint i = 0; i < n_members; i++)
    if (g_strcmp0 (members[i].name, name) == 0)
      return member_widget (self, &members[i]);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */

/* Shown with digit grouping like the rest of the app ("1 250 000"). */
static char *
fmt_shown (double value)
{
  return aimak_numbers_format_budget (value);
}

/* Copied without grouping, so that a spreadsheet reads a number. */
static char *
fmt_count (double value)
{
  return g_strdup_printf ("%.0f", value);
}

static char *
fmt_share (double part,
           double whole)
{
  if (whole <= 0)
    return g_strdup ("—");
  return aimak_numbers_format_percent (100.0 * part / whole, 1);
}

/* A row of the table as shown and as copied (numbers without digit grouping, so a
 * spreadsheet reads them as numbers). The arrays own their strings. */
typedef struct
{
  GPtrArray *shown;   /* char ** rows */
  GPtrArray *copied;
} Table;

static void
table_init (Table *t)
{
  t->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->copied = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->shown, g_ptr_array_unref);
  g_clear_pointer (&t->copied, g_ptr_array_unref);
}

/* Takes ownership of the cells; NULL-terminated lists of equal length. */
static void
table_add (Table *t,
           char **shown,
           char **copied)
{
  g_ptr_array_add (t->shown, shown);
  g_ptr_array_add (t->copied, copied);
}

static char **
strv (const char *first,
      ...)
{
  GStrvBuilder *b = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s; s = va_arg (args, const char *))
    g_strv_builder_add (b, s);
  va_end (args);
  return g_strv_builder_end (b);
}

/* ------------------------------------------------------------------------ */
/* Cards                                                                     */

/* One series of counts or amounts over @items; the table gets a share column when
 * @share_of is positive and a total row when @total_label is given. */
static void
fill_items_card (AimakSummaryCard *card,
                 GPtrArray        *items,
                 AimakChartKind    kind,
                 gboolean          horizontal,
                 const char       *series_name,
                 const char       *name_header,
                 const char       *value_header,
                 double            share_of,
                 const char       *total_label,
                 const char       *empty_text)
{
  AimakChart *chart = aimak_summary_card_get_chart (card);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean any = FALSE;
  double total = 0;
  Table t;

  table_init (&t);
  for (guint i = 0; i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);
      g_autofree char *shown = fmt_shown (item->value);
      g_autofree char *copied = fmt_count (item->value);
      char *name = aimak_summary_item_name (item);

      g_ptr_array_add (names, name);
      g_array_append_val (values, item->value);
      any |= item->value != 0;
      total += item->value;
      if (share_of > 0)
        {
          g_autofree char *share = fmt_share (item->value, share_of);
          table_add (&t, strv (name, shown, share, NULL), strv (name, copied, share, NULL));
        }
      else
        table_add (&t, strv (name, shown, NULL), strv (name, copied, NULL));
    }
  if (total_label)
    {
      g_autofree char *shown = fmt_shown (total);
      g_autofree char *copied = fmt_count (total);
      if (share_of > 0)
        table_add (&t, strv (total_label, shown, "100 %", NULL),
                   strv (total_label, copied, "100 %", NULL));
      else
        table_add (&t, strv (total_label, shown, NULL), strv (total_label, copied, NULL));
    }
  {
    const char *with_share[] = { name_header, value_header, _("Share"), NULL };
    const char *without[] = { name_header, value_header, NULL };
    aimak_summary_card_set_table (card, share_of > 0 ? with_share : without, t.shown, t.copied);
  }

  aimak_chart_clear (chart);
  aimak_chart_set_kind (chart, kind);
  aimak_chart_set_horizontal (chart, horizontal);
  aimak_chart_set_empty_text (chart, empty_text);
  if (any)
    {
      g_ptr_array_add (names, NULL);
      aimak_chart_set_categories (chart, (const char * const *) names->pdata);
      /* One series needs no name beside each bar: the card's heading says what it is. */
      aimak_chart_add_series (chart, kind == AIMAK_CHART_DONUT ? series_name : "",
                              (double *) (void *) values->data, values->len);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  aimak_summary_card_get_title (card), -1);
  table_clear (&t);
}

static void
fill_roles_card (AimakSummaryPage   *self,
                 const AimakSummary *s)
{
  AimakChart *chart = aimak_summary_card_get_chart (self->roles_card);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) women = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) men = g_array_new (FALSE, FALSE, sizeof (double));
  guint total = s->participants_women + s->participants_men;
  const char *headers[] = { _("Role"), _("Women"), _("Men"), _("Total"), _("Women, %"), NULL };
  g_autofree char *note = NULL;
  g_autofree char *n_all = NULL, *n_women = NULL, *n_share = NULL, *n_men = NULL;
  Table t;

  table_init (&t);
  for (guint i = 0; i < s->participants_by_role->len; i++)
    {
      AimakSummaryRoleItem *r = g_ptr_array_index (s->participants_by_role, i);
      double w = r->women, m = r->men;
      g_autofree char *ws = fmt_count (w), *ms = fmt_count (m), *ts = fmt_count (w + m);
      g_autofree char *ws_shown = fmt_shown (w), *ms_shown = fmt_shown (m);
      g_autofree char *ts_shown = fmt_shown (w + m);
      g_autofree char *share = fmt_share (w, w + m);

      g_ptr_array_add (names, r->label);
      g_array_append_val (women, w);
      g_array_append_val (men, m);
      table_add (&t, strv (r->label, ws_shown, ms_shown, ts_shown, share, NULL),
                 strv (r->label, ws, ms, ts, share, NULL));
    }
  {
    g_autofree char *ws = fmt_count (s->participants_women);
    g_autofree char *ms = fmt_count (s->participants_men);
    g_autofree char *ts = fmt_count (total);
    g_autofree char *ws_shown = fmt_shown (s->participants_women);
    g_autofree char *ms_shown = fmt_shown (s->participants_men);
    g_autofree char *ts_shown = fmt_shown (total);
    g_autofree char *share = fmt_share (s->participants_women, total);
    table_add (&t, strv (_("Total"), ws_shown, ms_shown, ts_shown, share, NULL),
               strv (_("Total"), ws, ms, ts, share, NULL));
  }
  aimak_summary_card_set_table (self->roles_card, headers, t.shown, t.copied);
  table_clear (&t);

  if (total > 0)
    /* Translators: note of the participants card: total, women, share, men. */
    note = g_strdup_printf (_("%s participants in capacity building: %s women (%s) and %s men"),
                            n_all = fmt_shown (total), n_women = fmt_shown (s->participants_women),
                            n_share = fmt_share (s->participants_women, total),
                            n_men = fmt_shown (s->participants_men));
  aimak_summary_card_set_note (self->roles_card, note);

  aimak_chart_clear (chart);
  aimak_chart_set_kind (chart, AIMAK_CHART_STACKED_BARS);
  aimak_chart_set_horizontal (chart, TRUE);
  aimak_chart_set_empty_text (chart, _("No participants recorded for this scope yet"));
  if (total > 0)
    {
      guint sw, sm;
      g_ptr_array_add (names, NULL);
      aimak_chart_set_categories (chart, (const char * const *) names->pdata);
      sw = aimak_chart_add_series (chart, _("Women"), (double *) (void *) women->data, women->len);
      sm = aimak_chart_add_series (chart, _("Men"), (double *) (void *) men->data, men->len);
      aimak_chart_set_series_style (chart, sw, NULL, AIMAK_CHART_PATTERN_SOLID);
      aimak_chart_set_series_style (chart, sm, NULL, AIMAK_CHART_PATTERN_HATCH);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  aimak_summary_card_get_title (self->roles_card), -1);
}

/* Bars counting the priorities of each item (a target group, an objective),
 * with no total row, and @note (NULL: none) above them. */
static void
fill_priorities_card (AimakSummaryCard *card,
                      GPtrArray        *items,
                      const char       *name_header,
                      const char       *empty_text,
                      const char       *note)
{
  fill_items_card (card, items, AIMAK_CHART_GROUPED_BARS, TRUE, _("Priorities"), name_header,
                   _("Priorities"), 0, NULL, empty_text);
  aimak_summary_card_set_note (card, note);
}

static void
show_summary (AimakSummaryPage   *self,
              const AimakSummary *s)
{
  g_autofree char *budget = fmt_shown (s->budget_total);
  g_autofree char *share = fmt_share (s->gender_budget_adopted, s->budget_adopted);
  g_autofree char *share_all = fmt_share (s->gender_budget_total, s->budget_total);
  guint people = s->participants_women + s->participants_men;
  g_autofree char *participants = fmt_shown (people);
  g_autofree char *priorities = fmt_shown (s->priorities_total);
  g_autofree char *activities = fmt_shown (s->activities_total);
  g_autofree char *share_note = NULL;
  g_autofree char *gcm_note = NULL;
  g_autofree char *sdg_note = NULL;
  g_autofree char *people_tooltip = NULL, *ws_count = NULL, *ws_share = NULL, *ms_count = NULL;
  const char *lang = aimak_lang_current ();
  const char *no_priorities = _("No priorities in this scope yet");
  const char *no_budget = _("No budget entered for this scope yet");

  gtk_label_set_text (self->tile_priorities, priorities);
  gtk_label_set_text (self->tile_budget, budget);
  gtk_label_set_text (self->tile_share, share);
  gtk_label_set_text (self->tile_share_all, share_all);
  /* Each share says what it is a share of (the definitions come from core, so the
   * command line and the workbook say the same). */
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->tile_share)),
                               aimak_summary_share_definition (AIMAK_SHARE_ADOPTED, lang));
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->tile_share_all)),
                               aimak_summary_share_definition (AIMAK_SHARE_PROPOSALS, lang));
  gtk_label_set_text (self->tile_participants, participants);
  gtk_label_set_text (self->tile_activities, activities);
  if (people > 0)
    people_tooltip = g_strdup_printf (_("%s women (%s), %s men"), ws_count = fmt_shown (s->participants_women),
                                      ws_share = fmt_share (s->participants_women, people),
                                      ms_count = fmt_shown (s->participants_men));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tile_participants), people_tooltip);

  fill_items_card (self->status_card, s->priorities_by_status, AIMAK_CHART_GROUPED_BARS, TRUE,
                   _("Priorities"), _("Status"), _("Priorities"), 0, _("Total"),
                   no_priorities);
  fill_items_card (self->marker_card, s->priorities_by_marker, AIMAK_CHART_DONUT, FALSE,
                   _("Priorities"), _("Gender marker"), _("Priorities"),
                   s->priorities_total, _("Total"), no_priorities);
  fill_items_card (self->budget_marker_card, s->budget_by_marker, AIMAK_CHART_DONUT, FALSE,
                   _("Budget, KGS"), _("Gender marker"), _("Budget, KGS"),
                   s->budget_total, _("Total"), no_budget);
  if (s->budget_total > 0)
    /* Translators: the gender budget note of the Summary view: label, share,
     * definition; twice (adopted programme, all proposals). */
    share_note = g_strdup_printf (_("%s: %s. %s\n%s: %s. %s"),
                                  aimak_summary_share_label (AIMAK_SHARE_ADOPTED, lang), share,
                                  aimak_summary_share_definition (AIMAK_SHARE_ADOPTED, lang),
                                  aimak_summary_share_label (AIMAK_SHARE_PROPOSALS, lang),
                                  share_all,
                                  aimak_summary_share_definition (AIMAK_SHARE_PROPOSALS, lang));
  aimak_summary_card_set_note (self->budget_marker_card, share_note);
  fill_items_card (self->funding_card, s->budget_by_funding, AIMAK_CHART_GROUPED_BARS, TRUE,
                   _("Budget, KGS"), _("Funding source"), _("Budget, KGS"),
                   s->budget_total, _("Total"), no_budget);
  fill_priorities_card (self->groups_card, s->priorities_by_target_group, _("Target group"),
                        _("No priority names a target group yet"), NULL);
  fill_items_card (self->types_card, s->activities_by_type, AIMAK_CHART_GROUPED_BARS, TRUE,
                   _("Activities"), _("Type"), _("Activities"), 0, _("Total"),
                   _("No activities recorded for this scope yet"));
  fill_roles_card (self, s);
  gcm_note = g_strdup_printf (_("%u of %u objectives covered"), s->gcm_covered->len,
                              s->gcm_objectives_total);
  fill_priorities_card (self->gcm_card, s->gcm_covered, _("GCM objective"),
                        _("No priority is aligned with a GCM objective yet"), gcm_note);
  sdg_note = g_strdup_printf (_("%u of %u targets covered"), s->sdg_covered->len,
                              s->sdg_targets_total);
  fill_priorities_card (self->sdg_card, s->sdg_covered, _("SDG target"),
                        _("No priority is aligned with an SDG target yet"), sdg_note);
}

/* ------------------------------------------------------------------------ */
/* Scope and refresh                                                         */

static AimakScope *
current_scope (AimakSummaryPage *self)
{
  const char *area = aimak_page_get_area_code (AIMAK_PAGE (self));

  if (gtk_toggle_button_get_active (self->pilots_toggle))
    return aimak_scope_new (AIMAK_SCOPE_PILOTS, NULL);
  if (gtk_toggle_button_get_active (self->area_toggle) && area)
    return aimak_scope_new (AIMAK_SCOPE_AREA, area);
  return aimak_scope_new (AIMAK_SCOPE_ALL, NULL);
}

/* Up to this many priorities (by the highest row id) the figures are counted
 * on the main thread, in well under a frame's budget at 10,000; above it, in a
 * thread of their own on a read-only connection, with the spinner meanwhile:
 * "All areas" at 100,000 priorities takes over a second. */
#define SYNC_MAX_PRIORITIES 20000

typedef struct
{
  char       *lang;
  AimakScope *scope;
} Job;

static void
job_free (Job *job)
{
  g_free (job->lang);
  aimak_scope_free (job->scope);
  g_free (job);
}

static void
show_scope (AimakSummaryPage *self,
            AimakScope       *scope,
            AimakSummary     *s)
{
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->summary, aimak_summary_free);
  self->summary = s;

  gtk_label_set_text (self->scope_title, s->scope_label);
  switch (scope->kind)
    {
    case AIMAK_SCOPE_AREA:
      subtitle = g_strdup_printf (_("%s and the areas below it · priorities and capacity "
                                    "building"), scope->area_code);
      break;
    case AIMAK_SCOPE_PILOTS:
      subtitle = g_strdup (_("The pilot ayil aimaks and rayons with the areas below them"));
      break;
    case AIMAK_SCOPE_ALL:
    default:
      subtitle = g_strdup (_("Every area in the database"));
    }
  gtk_label_set_text (self->scope_subtitle, subtitle);
  aimak_summary_former_label_update (self->former_label, aimak_page_get_db (AIMAK_PAGE (self)),
                                     scope->kind == AIMAK_SCOPE_AREA ? scope->area_code : NULL);
  show_summary (self, s);
}

/* In the thread, on its own read-only connection. */
static gboolean
compute_work (AimakDb       *db,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;

  aimak_db_set_language (db, job->lang);
  *result = aimak_summary_compute (db, job->scope, error);
  return *result != NULL;
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;
  AimakSummary *s = NULL;
  AimakSummaryPage *self;
  Job *job;

  aimak_db_job_finish (result, (gpointer *) &s, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = AIMAK_SUMMARY_PAGE (source);
  g_clear_object (&self->computing);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (s == NULL)
    {
      aimak_page_show_error (AIMAK_PAGE (self), error);
      return;
    }
  job = aimak_db_job_get_data (result);
  show_scope (self, job->scope, s);
}

static void
refresh (AimakSummaryPage *self)
{
  AimakDb *db = aimak_page_get_db (AIMAK_PAGE (self));
  g_autoptr(AimakScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  AimakSummary *s;
  Job *job;

  if (db == NULL)
    return;
  /* A hidden view is brought up to date when it is shown (map). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  scope = current_scope (self);
  aimak_cancellable_clear (&self->computing);
  if (!aimak_summary_is_large (db, SYNC_MAX_PRIORITIES))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      s = aimak_summary_compute (db, scope, &error);
      if (s == NULL)
        aimak_page_show_error (AIMAK_PAGE (self), error);
      else
        show_scope (self, scope, s);
      return;
    }
  job = g_new0 (Job, 1);
  job->lang = g_strdup (aimak_db_get_language (db));
  job->scope = g_steal_pointer (&scope);
  self->computing = g_cancellable_new ();
  task = g_task_new (self, self->computing, on_computed, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  aimak_db_job_run (task, db, AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE |
                    AIMAK_DB_OPEN_NO_QUICK_CHECK, compute_work, job,
                    (GDestroyNotify) job_free, (GDestroyNotify) aimak_summary_free);
}

static void
on_scope_toggled (AimakSummaryPage *self,
                  GtkToggleButton  *button)
{
  /* Each switch toggles two buttons; react to the one switched on. */
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  refresh (self);
}

static void
sync_area_toggle (AimakSummaryPage *self)
{
  gboolean have_area = aimak_page_get_area_code (AIMAK_PAGE (self)) != NULL;

  self->updating++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_toggle), have_area);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->area_toggle),
                               have_area ? _("The area chosen in the Areas view, with the "
                                             "areas below it")
                                         : _("Choose an area in the Areas view first"));
  /* A newly chosen area is what the user wants to see; without one, show everything. */
  if (have_area)
    gtk_toggle_button_set_active (self->area_toggle, TRUE);
  else if (gtk_toggle_button_get_active (self->area_toggle) ||
           !gtk_toggle_button_get_active (self->pilots_toggle))
    gtk_toggle_button_set_active (self->all_toggle, TRUE);
  self->updating--;
}

static void
on_copy_all_clicked (AimakSummaryPage *self)
{
  g_autofree char *text = aimak_summary_page_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  aimak_toast_show (GTK_WIDGET (self), _("Summary tables copied"));
}

static void
aimak_summary_page_db_changed (AimakPage *page)
{
  refresh (AIMAK_SUMMARY_PAGE (page));
}

static void
aimak_summary_page_area_changed (AimakPage *page)
{
  AimakSummaryPage *self = AIMAK_SUMMARY_PAGE (page);

  sync_area_toggle (self);
  refresh (self);
}

/* Other views change priorities and activities: re-read each time the view shows. */
static void
aimak_summary_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aimak_summary_page_parent_class)->map (widget);
  refresh (AIMAK_SUMMARY_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                    */

/* One card a line on a narrow window, two on a wide one; the participants
 * card has many columns and always has a line of its own. */
static void
place_cards (AimakSummaryPage *self,
             guint             columns)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->cards_grid));
  int row = 0, column = 0;

  self->card_columns = columns;
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      AimakSummaryCard *card = member_widget (self, &cards[i]);
      GtkGridLayoutChild *child = GTK_GRID_LAYOUT_CHILD (
        gtk_layout_manager_get_layout_child (layout, GTK_WIDGET (card)));
      gboolean whole_line = card == self->roles_card;

      if (whole_line && column > 0)
        row++, column = 0;
      gtk_grid_layout_child_set_row (child, row);
      gtk_grid_layout_child_set_column (child, column);
      gtk_grid_layout_child_set_column_span (child, whole_line ? (int) columns : 1);
      if (whole_line || ++column == (int) columns)
        row++, column = 0;
    }
}

static gboolean
place_cards_idle (gpointer data)
{
  AimakSummaryPage *self = data;
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double width = gtk_adjustment_get_page_size (h);

  self->place_id = 0;
  place_cards (self, width >= TWO_COLUMNS_WIDTH ? 2 : 1);
  return G_SOURCE_REMOVE;
}

/* The cards move from an idle: they must not change places while the page
 * is being allocated. The scroller's page size is the width it shows. */
static void
on_width_changed (AimakSummaryPage *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double width = gtk_adjustment_get_page_size (h);
  guint columns = width >= TWO_COLUMNS_WIDTH ? 2 : 1;

  if (columns != self->card_columns && self->place_id == 0)
    self->place_id = g_idle_add (place_cards_idle, self);
}

/* ------------------------------------------------------------------------ */
/* Public                                                                    */

void
aimak_summary_page_set_scope (AimakSummaryPage *self,
                              AimakScopeKind    kind)
{
  g_return_if_fail (AIMAK_IS_SUMMARY_PAGE (self));

  switch (kind)
    {
    case AIMAK_SCOPE_AREA: gtk_toggle_button_set_active (self->area_toggle, TRUE); break;
    case AIMAK_SCOPE_PILOTS: gtk_toggle_button_set_active (self->pilots_toggle, TRUE); break;
    case AIMAK_SCOPE_ALL:
    default: gtk_toggle_button_set_active (self->all_toggle, TRUE); break;
    }
}

const AimakSummary *
aimak_summary_page_get_summary (AimakSummaryPage *self)
{
  return self->summary;
}

AimakSummaryCard *
aimak_summary_page_get_card (AimakSummaryPage *self,
                             const char       *name)
{
  return member_named (self, cards, G_N_ELEMENTS (cards), name);
}

char *
aimak_summary_page_get_text (AimakSummaryPage *self)
{
  const char *lang = aimak_lang_current ();
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n", gtk_label_get_text (self->scope_title));
  g_string_append_printf (text, "%s\t%s\n", _("Priorities"),
                          gtk_label_get_text (self->tile_priorities));
  if (self->summary)
    {
      g_string_append_printf (text, "%s\t%.0f\n", _("Budget, KGS"), self->summary->budget_total);
      g_string_append_printf (text, "%s\t%s\n",
                              aimak_summary_share_label (AIMAK_SHARE_ADOPTED, lang),
                              gtk_label_get_text (self->tile_share));
      g_string_append_printf (text, "%s\t%s\n",
                              aimak_summary_share_label (AIMAK_SHARE_PROPOSALS, lang),
                              gtk_label_get_text (self->tile_share_all));
    }
  g_string_append_printf (text, "%s\t%s\n", _("Participants"),
                          gtk_label_get_text (self->tile_participants));
  g_string_append_printf (text, "%s\t%s\n", _("Activities"),
                          gtk_label_get_text (self->tile_activities));
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *table = aimak_summary_card_get_table_text (member_widget (self, &cards[i]));
      g_string_append_printf (text, "\n%s", table);
    }
  return g_string_free (text, FALSE);
}

GtkLabel *
aimak_summary_page_get_former_label (AimakSummaryPage *self)
{
  return self->former_label;
}

const char *
aimak_summary_page_get_tile (AimakSummaryPage *self,
                             const char       *name)
{
  GtkLabel *tile = member_named (self, tiles, G_N_ELEMENTS (tiles), name);

  return tile ? gtk_label_get_text (tile) : NULL;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
aimak_summary_page_dispose (GObject *object)
{
  AimakSummaryPage *self = AIMAK_SUMMARY_PAGE (object);

  g_clear_handle_id (&self->place_id, g_source_remove);
  aimak_cancellable_clear (&self->computing);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMAK_TYPE_SUMMARY_PAGE);
  G_OBJECT_CLASS (aimak_summary_page_parent_class)->dispose (object);
}

static void
aimak_summary_page_finalize (GObject *object)
{
  AimakSummaryPage *self = AIMAK_SUMMARY_PAGE (object);

  g_clear_pointer (&self->summary, aimak_summary_free);
  G_OBJECT_CLASS (aimak_summary_page_parent_class)->finalize (object);
}

static void
aimak_summary_page_class_init (AimakSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AimakPageClass *page_class = AIMAK_PAGE_CLASS (klass);

  object_class->dispose = aimak_summary_page_dispose;
  object_class->finalize = aimak_summary_page_finalize;
  widget_class->map = aimak_summary_page_map;
  page_class->db_changed = aimak_summary_page_db_changed;
  page_class->area_changed = aimak_summary_page_area_changed;

  g_type_ensure (AIMAK_TYPE_SUMMARY_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/aimak-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, scope_title);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, scope_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, area_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, pilots_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_priorities);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_budget);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_share);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_share_all);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_participants);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, tile_activities);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, cards_grid);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, status_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, marker_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, budget_marker_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, funding_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, groups_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, types_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, roles_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, gcm_card);
  gtk_widget_class_bind_template_child (widget_class, AimakSummaryPage, sdg_card);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_all_clicked);
}

static void
aimak_summary_page_init (AimakSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Below the scope's title while the figures of a large database are counted. */
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Counting the figures…"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Counting the figures…"));
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->scope_title))),
                  GTK_WIDGET (self->spinner));
  self->former_label = aimak_summary_former_label_new ();
  gtk_widget_insert_after (GTK_WIDGET (self->former_label),
                           gtk_widget_get_parent (GTK_WIDGET (self->scope_subtitle)),
                           GTK_WIDGET (self->scope_subtitle));
  /* Narrow until allocated wider: a page must not widen a small window. */
  place_cards (self, 1);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (on_width_changed), self,
                           G_CONNECT_SWAPPED);
  sync_area_toggle (self);
}
