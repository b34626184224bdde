/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-pdf.c — the seven sections of the programme (aimak-programme.h) as
 * a page flow (aimak-page-flow.h), and the PDF written from it. Every text comes
 * translated from the model; this file only decides what goes where.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "aimak-file-safety.h"
#include "aimak-number.h"
#include "aimak-page-flow.h"
#include "aimak-programme-pdf.h"
#include "aimak-save-error.h"

struct _AimakProgrammeLayout
{
  AimakPageFlow *flow;
  char          *title;
  char          *subject;
  char          *keywords;
};

typedef struct
{
  const AimakProgramme   *p;
  AimakPageFlow          *flow;
  AimakProgrammeProgress  progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
} Build;

#define L(b, id) aimak_programme_label ((b)->p, (id))

static void
report (Build  *b,
        double  fraction)
{
  if (b->progress)
    b->progress (CLAMP (fraction, 0, 1), b->progress_data);
}

/* Every 25 priorities: progress through a section spanning @from..@to, and
 * whether to stop. */
static gboolean
step (Build  *b,
      guint   i,
      guint   n,
      double  from,
      double  to)
{
  if (i % 25 != 0)
    return TRUE;
  report (b, from + (to - from) * i / MAX (n, 1));
  return !g_cancellable_is_cancelled (b->cancellable);
}

static const char *
nonempty (const char *text)
{
  return text ? text : "";
}

static void
key_value_row (Build      *b,
               const char *key,
               const char *value)
{
  const char *cells[] = { key, value };

  aimak_page_flow_table_row (b->flow, cells, AIMAK_FLOW_ROW_PLAIN);
}

/* ------------------------------------------------------------- 1. passport */

static void
write_passport (Build *b)
{
  static const double weights[] = { 0.38, 0.62 };

  aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_TITLE, b->p->title);
  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_PASSPORT));
  aimak_page_flow_table_begin (b->flow, 2, weights, "ll");
  for (guint i = 0; i < b->p->passport->len; i++)
    {
      AimakProgrammeField *f = g_ptr_array_index (b->p->passport, i);

      /* A decision not yet taken: a line to write on by hand. */
      key_value_row (b, f->label, f->fill_in ? "\n________________________________"
                                             : nonempty (f->value));
    }
  aimak_page_flow_table_end (b->flow);
  aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_SMALL, L (b, AIMAK_PL_STATUSES_NOTE));
  if (b->p->generated_on && *b->p->generated_on)
    aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_SMALL, b->p->generated_on);
}

/* ------------------------------------------------------------- 2. situation */

static void
figure_row (Build                           *b,
            const char                      *first,
            const char                      *level,
            const AimakProgrammeFigure      *f,
            const AimakProgrammeFigureValue *v)
{
  g_autofree char *year = v->year > 0 ? g_strdup_printf ("%d", v->year) : g_strdup ("");
  const char *own[] = { first, f->unit, year, v->women.text, v->men.text, v->total.text,
                        v->year > 0 ? v->source : L (b, AIMAK_PL_NO_DATA) };
  const char *comparison[] = { first, level, v->area_name, year, v->women.text, v->men.text,
                               v->total.text, v->year > 0 ? v->source : L (b, AIMAK_PL_NO_DATA) };

  aimak_page_flow_table_row (b->flow, level ? comparison : own, AIMAK_FLOW_ROW_PLAIN);
}

static void
write_chart (Build *b)
{
  const AimakProgramme *p = b->p;
  g_autofree AimakFlowBar *bars = g_new0 (AimakFlowBar, MAX (p->chart->len, 1));

  aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_CHART));
  if (p->chart_title && *p->chart_title)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", p->chart_title);
      aimak_page_flow_caption (b->flow, markup);
    }
  if (p->chart->len == 0)
    {
      aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_BODY, L (b, AIMAK_PL_NO_DATA));
      return;
    }
  for (guint i = 0; i < p->chart->len; i++)
    {
      AimakProgrammeChartPoint *pt = g_ptr_array_index (p->chart, i);

      bars[i].label = pt->label;
      bars[i].women = pt->women.has_value ? pt->women.value : NAN;
      bars[i].men = pt->men.has_value ? pt->men.value : NAN;
      bars[i].women_text = pt->women.has_value ? pt->women.text : L (b, AIMAK_PL_NO_DATA);
      bars[i].men_text = pt->men.has_value ? pt->men.text : L (b, AIMAK_PL_NO_DATA);
    }
  aimak_page_flow_bar_chart (b->flow, L (b, AIMAK_PL_COL_WOMEN), L (b, AIMAK_PL_COL_MEN),
                             bars, p->chart->len);
  if (p->chart_source && *p->chart_source)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", L (b, AIMAK_PL_COL_SOURCE),
                                               p->chart_source);
      aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_SMALL, text);
    }
}

static void
write_situation (Build *b)
{
  static const double own_w[] = { 2.0, 0.75, 0.5, 0.95, 0.95, 0.95, 1.5 };
  static const double cmp_w[] = { 1.35, 0.8, 1.2, 0.5, 0.9, 0.9, 0.9, 1.25 };
  const AimakProgramme *p = b->p;
  gboolean any_comparison = FALSE;

  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_SITUATION));
  aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_BODY, L (b, AIMAK_PL_SITUATION_NOTE));
  aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_KEY_FIGURES));
  aimak_page_flow_table_begin (b->flow, 7, own_w, "llcrrrl");
  {
    const char *head[] = { L (b, AIMAK_PL_COL_INDICATOR), L (b, AIMAK_PL_COL_UNIT),
                           L (b, AIMAK_PL_COL_YEAR), L (b, AIMAK_PL_COL_WOMEN),
                           L (b, AIMAK_PL_COL_MEN), L (b, AIMAK_PL_COL_TOTAL),
                           L (b, AIMAK_PL_COL_SOURCE) };
    aimak_page_flow_table_header (b->flow, head);
  }
  for (guint i = 0; i < p->figures->len; i++)
    {
      AimakProgrammeFigure *f = g_ptr_array_index (p->figures, i);

      figure_row (b, f->name, NULL, f, f->own);
      any_comparison |= f->comparisons && f->comparisons->len > 0;
    }
  aimak_page_flow_table_end (b->flow);

  if (any_comparison)
    {
      const char *head[] = { L (b, AIMAK_PL_COL_INDICATOR), L (b, AIMAK_PL_COL_LEVEL),
                             L (b, AIMAK_PL_COL_AREA), L (b, AIMAK_PL_COL_YEAR),
                             L (b, AIMAK_PL_COL_WOMEN), L (b, AIMAK_PL_COL_MEN),
                             L (b, AIMAK_PL_COL_TOTAL), L (b, AIMAK_PL_COL_SOURCE) };

      aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_COMPARISON));
      aimak_page_flow_table_begin (b->flow, 8, cmp_w, "lllcrrrl");
      aimak_page_flow_table_header (b->flow, head);
      for (guint i = 0; i < p->figures->len; i++)
        {
          AimakProgrammeFigure *f = g_ptr_array_index (p->figures, i);

          if (f->comparisons == NULL || f->comparisons->len == 0)
            continue;
          figure_row (b, f->name, f->own->level_label, f, f->own);
          for (guint j = 0; j < f->comparisons->len; j++)
            {
              AimakProgrammeFigureValue *v = g_ptr_array_index (f->comparisons, j);
              figure_row (b, "", v->level_label, f, v);
            }
        }
      aimak_page_flow_table_end (b->flow);
    }
  write_chart (b);
}

/* ------------------------------------------------------------- 3. priorities */

static void
labelled (Build      *b,
          const char *label,
          const char *text)
{
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    return;
  markup = g_markup_printf_escaped ("<b>%s:</b> %s", label, text);
  aimak_page_flow_markup (b->flow, AIMAK_FLOW_BODY, markup);
}

static gboolean
write_priorities (Build *b)
{
  const AimakProgramme *p = b->p;
  guint done = 0;

  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_PRIORITIES));
  if (p->priorities->len == 0)
    aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_BODY, L (b, AIMAK_PL_NO_PRIORITIES));
  for (guint s = 0; s < p->sectors->len; s++)
    {
      AimakProgrammeSector *sector = g_ptr_array_index (p->sectors, s);

      aimak_page_flow_heading (b->flow, 2, sector->name);
      for (guint i = 0; i < sector->priorities->len; i++)
        {
          AimakProgrammePriority *pr = g_ptr_array_index (sector->priorities, i);
          g_autofree char *title = g_markup_printf_escaped ("<b>%u. %s</b>", pr->number,
                                                            pr->title);

          if (!step (b, done++, p->priorities->len, 0.15, 0.35))
            return FALSE;
          aimak_page_flow_space (b->flow, 3);
          aimak_page_flow_caption (b->flow, title);
          labelled (b, L (b, AIMAK_PL_LABEL_PROBLEM), pr->problem);
          labelled (b, L (b, AIMAK_PL_LABEL_DESCRIPTION), pr->description);
          labelled (b, L (b, AIMAK_PL_COL_TARGET_GROUPS), pr->target_groups_text);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------- 4. action plan */

/* Up to this many funding sources get a cost column each; with more, one cost
 * column names the source in each row and the totals by source follow the table. */
#define MAX_COST_COLUMNS 3

static void
plan_header (Build       *b,
             guint        n,
             guint        n_cost,
             gboolean     by_column,
             const char **cells,
             GPtrArray   *owned)
{
  const AimakProgramme *p = b->p;

  cells[0] = L (b, AIMAK_PL_COL_NO);
  cells[1] = L (b, AIMAK_PL_COL_PRIORITY);
  cells[2] = L (b, AIMAK_PL_COL_ACTIVITY);
  cells[3] = L (b, AIMAK_PL_COL_TARGET_GROUPS);
  cells[4] = L (b, AIMAK_PL_COL_RESPONSIBLE);
  cells[5] = L (b, AIMAK_PL_COL_PARTNERS);
  cells[6] = L (b, AIMAK_PL_COL_PERIOD);
  for (guint s = 0; s < n_cost; s++)
    {
      AimakCode *src = by_column && s < p->plan_sources->len
                       ? g_ptr_array_index (p->plan_sources, s) : NULL;
      char *head = src ? g_strdup_printf ("%s:\n%s", L (b, AIMAK_PL_COL_COST), src->name)
                       : g_strdup (L (b, AIMAK_PL_COL_COST));

      g_ptr_array_add (owned, head);
      cells[7 + s] = head;
    }
  cells[n - 2] = L (b, AIMAK_PL_COL_INDICATORS);
  cells[n - 1] = L (b, AIMAK_PL_COL_MARKER);
  aimak_page_flow_table_header (b->flow, cells);
}

static void
plan_totals (Build       *b,
             guint        n,
             gboolean     by_column,
             const char **cells)
{
  const AimakProgramme *p = b->p;

  for (guint c = 0; c < n; c++)
    cells[c] = NULL;
  if (by_column)
    {
      cells[1] = L (b, AIMAK_PL_TOTAL);
      for (guint s = 0; s < p->plan_sources->len && s < p->plan_totals->len; s++)
        cells[7 + s] = ((AimakProgrammeMoney *) g_ptr_array_index (p->plan_totals, s))
                         ->thousand.text;
      aimak_page_flow_table_row (b->flow, cells, AIMAK_FLOW_ROW_BOLD);
      return;
    }
  for (guint s = 0; s < p->plan_totals->len; s++)
    {
      AimakProgrammeMoney *m = g_ptr_array_index (p->plan_totals, s);
      g_autofree char *label = g_strdup_printf ("%s: %s", L (b, AIMAK_PL_TOTAL), m->label);

      cells[1] = label;
      cells[7] = m->thousand.text;
      aimak_page_flow_table_row (b->flow, cells, AIMAK_FLOW_ROW_PLAIN);
    }
  if (p->budget_total)
    {
      cells[1] = L (b, AIMAK_PL_TOTAL);
      cells[7] = p->budget_total->thousand.text;
      aimak_page_flow_table_row (b->flow, cells, AIMAK_FLOW_ROW_BOLD);
    }
}

static gboolean
write_plan (Build *b)
{
  const AimakProgramme *p = b->p;
  gboolean by_column = p->plan_sources->len <= MAX_COST_COLUMNS;
  guint n_cost = by_column ? MAX (p->plan_sources->len, 1) : 1, n = 9 + n_cost;
  g_autofree double *weights = g_new0 (double, n);
  g_autofree char *align = g_new0 (char, n + 1);
  g_autofree const char **cells = g_new0 (const char *, n);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const double fixed[] = { 0.42, 1.5, 2.1, 1.45, 1.1, 1.0, 0.7 };

  aimak_page_flow_new_page (b->flow, TRUE);
  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_PLAN));
  for (guint c = 0; c < n; c++)
    {
      gboolean cost = c >= 7 && c < 7 + n_cost;

      weights[c] = c < 7 ? fixed[c] : cost ? (by_column ? 0.85 : 1.3) : c == n - 2 ? 2.0 : 0.95;
      align[c] = c == 0 || c == 6 ? 'c' : cost ? 'r' : 'l';
    }
  aimak_page_flow_table_begin (b->flow, n, weights, align);
  plan_header (b, n, n_cost, by_column, cells, owned);
  for (guint i = 0; i < p->priorities->len; i++)
    {
      AimakProgrammePriority *pr = g_ptr_array_index (p->priorities, i);
      g_autofree char *no = g_strdup_printf ("%u", pr->number);
      g_autofree char *cost = NULL;

      if (!step (b, i, p->priorities->len, 0.35, 0.6))
        return FALSE;
      cells[0] = no;
      cells[1] = pr->title;
      /* The plan says what will be done: the description, else the problem it solves. */
      cells[2] = *nonempty (pr->description) ? pr->description : nonempty (pr->problem);
      cells[3] = pr->target_groups_text;
      cells[4] = pr->responsible;
      cells[5] = pr->partners;
      cells[6] = pr->period;
      if (by_column)
        for (guint s = 0; s < p->plan_sources->len; s++)
          cells[7 + s] = aimak_programme_plan_cost (p, pr, s);
      else
        {
          cost = pr->budget_thousand.has_value
                 ? g_strdup_printf ("%s\n(%s)", pr->budget_thousand.text, nonempty (pr->funding_label))
                 : g_strdup ("");
          cells[7] = cost;
        }
      cells[n - 2] = pr->indicators_text;
      cells[n - 1] = pr->marker_text;
      aimak_page_flow_table_row (b->flow, cells, AIMAK_FLOW_ROW_PLAIN);
    }
  if (p->priorities->len)
    plan_totals (b, n, by_column, cells);
  aimak_page_flow_table_end (b->flow);
  if (p->priorities->len == 0)
    aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_BODY, L (b, AIMAK_PL_NO_PRIORITIES));
  return TRUE;
}

/* ------------------------------------------------------------- 5. annex */

static void
write_budget_by_marker (Build *b)
{
  static const double weights[] = { 2.2, 1.0, 0.8 };
  const AimakProgramme *p = b->p;
  const char *head[] = { L (b, AIMAK_PL_COL_MARKER), L (b, AIMAK_PL_COL_BUDGET),
                         L (b, AIMAK_PL_COL_SHARE) };
  double total = p->budget_total ? p->budget_total->kgs : NAN;

  aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_GENDER_BUDGET));
  aimak_page_flow_table_begin (b->flow, 3, weights, "lrr");
  aimak_page_flow_table_header (b->flow, head);
  for (guint i = 0; i < p->budget_by_marker->len; i++)
    {
      AimakProgrammeMoney *m = g_ptr_array_index (p->budget_by_marker, i);
      g_autofree char *share = total > 0 ? aimak_number_format_percent (m->kgs / total * 100,
                                                                        1, p->lang)
                                         : g_strdup (L (b, AIMAK_PL_NO_DATA));
      const char *row[] = { m->label, m->thousand.text, share };

      aimak_page_flow_table_row (b->flow, row, AIMAK_FLOW_ROW_PLAIN);
    }
  if (p->gender_budget)
    {
      const char *row[] = { p->gender_budget->label, p->gender_budget->thousand.text,
                            p->gender_share.text };
      aimak_page_flow_table_row (b->flow, row, AIMAK_FLOW_ROW_BOLD);
    }
  aimak_page_flow_table_end (b->flow);
}

static void
write_annex_priority (Build                  *b,
                      AimakProgrammePriority *pr)
{
  static const double weights[] = { 0.45, 0.55 };
  g_autofree char *title = g_markup_printf_escaped ("<b>%u. %s</b>", pr->number, pr->title);

  aimak_page_flow_space (b->flow, 4);
  aimak_page_flow_caption (b->flow, title);
  aimak_page_flow_table_begin (b->flow, 2, weights, "ll");
  key_value_row (b, L (b, AIMAK_PL_COL_MARKER), pr->marker_text);
  if (pr->marker_justification && *pr->marker_justification)
    key_value_row (b, L (b, AIMAK_PL_COL_JUSTIFICATION), pr->marker_justification);
  for (guint i = 0; pr->checklist && i < pr->checklist->len; i++)
    {
      AimakProgrammeAnswer *a = g_ptr_array_index (pr->checklist, i);
      key_value_row (b, a->question, a->answer_label);
    }
  key_value_row (b, L (b, AIMAK_PL_COL_GCM), *pr->gcm_text ? pr->gcm_text : "—");
  key_value_row (b, L (b, AIMAK_PL_COL_SDG), *pr->sdg_text ? pr->sdg_text : "—");
  aimak_page_flow_table_end (b->flow);
}

static gboolean
write_annex (Build *b)
{
  const AimakProgramme *p = b->p;

  aimak_page_flow_new_page (b->flow, FALSE);
  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_ANNEX));
  write_budget_by_marker (b);
  for (guint i = 0; i < p->priorities->len; i++)
    {
      if (!step (b, i, p->priorities->len, 0.6, 0.85))
        return FALSE;
      write_annex_priority (b, g_ptr_array_index (p->priorities, i));
    }
  return TRUE;
}

/* ------------------------------------------------------------- 6. participation */

/* Begins a table of @n_rows rows with its header row; or, when there are no
 * rows, says @none instead and returns FALSE. */
static gboolean
table_or_none (Build              *b,
               guint               n_rows,
               const char         *none,
               guint               n_columns,
               const double       *weights,
               const char         *align,
               const char * const *head)
{
  if (n_rows == 0)
    {
      aimak_page_flow_paragraph (b->flow, AIMAK_FLOW_BODY, none);
      return FALSE;
    }
  aimak_page_flow_table_begin (b->flow, n_columns, weights, align);
  aimak_page_flow_table_header (b->flow, head);
  return TRUE;
}

static void
write_hearings (Build *b)
{
  static const double weights[] = { 0.8, 1.2, 0.75, 0.75, 2.3 };
  const AimakProgramme *p = b->p;
  const char *head[] = { L (b, AIMAK_PL_COL_DATE), L (b, AIMAK_PL_COL_AREA),
                         L (b, AIMAK_PL_COL_WOMEN), L (b, AIMAK_PL_COL_MEN),
                         L (b, AIMAK_PL_COL_PRIORITY) };

  aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_HEARINGS));
  if (!table_or_none (b, p->hearings->len, L (b, AIMAK_PL_NO_HEARINGS), 5, weights, "llrrl",
                      head))
    return;
  for (guint i = 0; i < p->hearings->len; i++)
    {
      AimakProgrammeHearing *h = g_ptr_array_index (p->hearings, i);
      g_autofree char *heard = aimak_programme_hearing_titles (h);
      const char *row[] = { h->date, h->area_name, h->women.text, h->men.text, heard };

      aimak_page_flow_table_row (b->flow, row, AIMAK_FLOW_ROW_PLAIN);
    }
  aimak_page_flow_table_end (b->flow);
}

static void
write_activities (Build *b)
{
  static const double weights[] = { 0.75, 0.95, 0.95, 1.4, 0.75, 0.75, 1.4 };
  const AimakProgramme *p = b->p;
  const char *head[] = { L (b, AIMAK_PL_COL_DATE), L (b, AIMAK_PL_COL_AREA),
                         L (b, AIMAK_PL_COL_TYPE), L (b, AIMAK_PL_COL_TOPIC),
                         L (b, AIMAK_PL_COL_WOMEN), L (b, AIMAK_PL_COL_MEN),
                         L (b, AIMAK_PL_COL_ROLES) };

  aimak_page_flow_heading (b->flow, 2, L (b, AIMAK_PL_SUB_CAPACITY));
  if (!table_or_none (b, p->activities->len, L (b, AIMAK_PL_NO_ACTIVITIES), 7, weights,
                      "llllrrl", head))
    return;
  for (guint i = 0; i < p->activities->len; i++)
    {
      g_auto(GStrv) row = aimak_programme_activity_row (g_ptr_array_index (p->activities, i));

      aimak_page_flow_table_row (b->flow, (const char * const *) row, AIMAK_FLOW_ROW_PLAIN);
    }
  {
    g_autofree char *women = g_strdup_printf ("%u", p->activity_women);
    g_autofree char *men = g_strdup_printf ("%u", p->activity_men);
    g_autofree char *roles = aimak_programme_roles_text (p->activity_roles);
    const char *row[] = { L (b, AIMAK_PL_TOTAL), "", "", "", women, men, roles };

    aimak_page_flow_table_row (b->flow, row, AIMAK_FLOW_ROW_BOLD);
  }
  aimak_page_flow_table_end (b->flow);
}

/* ------------------------------------------------------------- 7. monitoring */

static gboolean
write_monitoring (Build *b)
{
  static const double weights[] = { 0.4, 1.25, 1.3, 1.05, 1.05, 1.05, 0.8, 0.85 };
  const AimakProgramme *p = b->p;
  const char *head[] = { L (b, AIMAK_PL_COL_NO), L (b, AIMAK_PL_COL_PRIORITY),
                         L (b, AIMAK_PL_COL_INDICATOR), L (b, AIMAK_PL_COL_BASELINE),
                         L (b, AIMAK_PL_COL_TARGET), L (b, AIMAK_PL_COL_REPORTER),
                         L (b, AIMAK_PL_COL_FREQUENCY), L (b, AIMAK_PL_COL_REPORT_TO) };

  aimak_page_flow_heading (b->flow, 1, L (b, AIMAK_PL_SECTION_MONITORING));
  {
    /* The rule goes with the table it introduces. */
    g_autofree char *note = g_markup_escape_text (L (b, AIMAK_PL_MONITORING_NOTE), -1);
    aimak_page_flow_caption (b->flow, note);
  }
  if (!table_or_none (b, p->monitoring->len, L (b, AIMAK_PL_NO_INDICATORS), 8, weights,
                      "clllllll", head))
    return TRUE;
  for (guint i = 0; i < p->monitoring->len; i++)
    {
      AimakProgrammeMonitoringRow *m = g_ptr_array_index (p->monitoring, i);
      AimakProgrammeIndicator *ind = m->indicator;
      g_autofree char *no = g_strdup_printf ("%u", m->priority->number);
      g_autofree char *name = aimak_programme_indicator_label (ind);
      g_autofree char *base = g_strdup_printf ("%s / %s", ind->baseline_women.text,
                                               ind->baseline_men.text);
      g_autofree char *target = g_strdup_printf ("%s / %s", ind->target_women.text,
                                                 ind->target_men.text);
      const char *row[] = { no, m->priority->title, name, base, target, m->reporter,
                            m->frequency, m->report_to };

      if (!step (b, i, p->monitoring->len, 0.85, 0.95))
        return FALSE;
      aimak_page_flow_table_row (b->flow, row, AIMAK_FLOW_ROW_PLAIN);
    }
  aimak_page_flow_table_end (b->flow);
  return TRUE;
}

/* ------------------------------------------------------------- the layout */

AimakProgrammeLayout *
aimak_programme_layout_new (const AimakProgramme   *programme,
                            AimakProgrammeProgress  progress,
                            gpointer                progress_data,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_autoptr(AimakPageFlow) flow = NULL;
  AimakProgrammeLayout *layout;
  Build b = { programme, NULL, progress, progress_data, cancellable };
  gboolean ok;

  g_return_val_if_fail (programme != NULL, NULL);
  flow = aimak_page_flow_new (programme->lang);
  b.flow = flow;
  aimak_page_flow_set_decorations (flow, programme->title,
                                   programme->is_demo ? L (&b, AIMAK_PL_DEMO_MARK) : NULL,
                                   L (&b, AIMAK_PL_PAGE_OF));
  report (&b, 0);
  write_passport (&b);
  write_situation (&b);
  ok = write_priorities (&b) && write_plan (&b) && write_annex (&b);
  if (ok)
    {
      aimak_page_flow_heading (flow, 1, L (&b, AIMAK_PL_SECTION_PARTICIPATION));
      write_hearings (&b);
      write_activities (&b);
      ok = write_monitoring (&b);
    }
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error && *error == NULL)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  aimak_page_flow_finish (flow);
  report (&b, 1);

  layout = g_new0 (AimakProgrammeLayout, 1);
  layout->flow = g_steal_pointer (&flow);
  layout->title = g_strdup (programme->title);
  layout->subject = g_strdup_printf ("%s, %s", programme->area_name, programme->period);
  layout->keywords = g_strdup_printf ("lang=%s, %s, %s", programme->lang, programme->area_name,
                                      programme->period);
  return layout;
}

void
aimak_programme_layout_free (AimakProgrammeLayout *layout)
{
  if (layout == NULL)
    return;
  aimak_page_flow_free (layout->flow);
  g_free (layout->title);
  g_free (layout->subject);
  g_free (layout->keywords);
  g_free (layout);
}

guint
aimak_programme_layout_get_n_pages (AimakProgrammeLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return aimak_page_flow_get_n_pages (layout->flow);
}

void
aimak_programme_layout_get_page_size (AimakProgrammeLayout *layout,
                                      guint                 page,
                                      double               *width,
                                      double               *height)
{
  g_return_if_fail (layout != NULL);
  aimak_page_flow_get_page_size (layout->flow, page, width, height);
}

gboolean
aimak_programme_layout_page_is_landscape (AimakProgrammeLayout *layout,
                                          guint                 page)
{
  double w, h;

  aimak_programme_layout_get_page_size (layout, page, &w, &h);
  return w > h;
}

void
aimak_programme_layout_draw_page (AimakProgrammeLayout *layout,
                                  guint                 page,
                                  cairo_t              *cr)
{
  g_return_if_fail (layout != NULL && cr != NULL);
  aimak_page_flow_draw_page (layout->flow, page, cr);
}

/* ------------------------------------------------------------- the PDF */

/* The workbook export's messages (aimak-save-error.h): one wording for one failure;
 * this domain has no code of its own for a full disk. */
static const AimakSaveErrors save_errors = {
  aimak_programme_error_quark, AIMAK_PROGRAMME_ERROR_WRITE, AIMAK_PROGRAMME_ERROR_PATH,
  AIMAK_PROGRAMME_ERROR_WRITE
};

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks: sections at the top level, their sub-headings below them. The link
 * attributes are parsed by cairo in the C locale: whole numbers only. */
static void
add_outlines (AimakProgrammeLayout *layout,
              cairo_surface_t      *surface,
              guint                 page,
              guint                *next,
              int                  *parent)
{
  guint n = aimak_page_flow_get_n_headings (layout->flow);

  while (*next < n)
    {
      int level, id;
      const char *text;
      guint on;
      double y;
      g_autofree char *link = NULL;

      aimak_page_flow_get_heading (layout->flow, *next, &level, &text, &on, &y);
      if (on != page)
        break;
      link = g_strdup_printf ("page=%u pos=[0 %d]", page + 1, (int) MAX (y - 6, 0));
      id = cairo_pdf_surface_add_outline (surface,
                                          level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : *parent,
                                          text, link, 0);
      if (level <= 1)
        *parent = id;
      (*next)++;
    }
}

static gboolean
draw_pdf (AimakProgrammeLayout    *layout,
          cairo_surface_t         *surface,
          AimakProgrammeProgress   progress,
          gpointer                 progress_data,
          GCancellable            *cancellable)
{
  guint n = aimak_programme_layout_get_n_pages (layout), next = 0;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, layout->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, layout->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, layout->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Aimak " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n; page++)
    {
      double w, h;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      aimak_programme_layout_get_page_size (layout, page, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      aimak_programme_layout_draw_page (layout, page, cr);
      add_outlines (layout, surface, page, &next, &parent);
      cairo_show_page (cr);
      if (progress && page % 10 == 0)
        progress ((double) page / n, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  return !g_cancellable_is_cancelled (cancellable);
}

/* Where a PDF goes: @path, checked with aimak_programme_check_target (@path,
 * @db_path, @replace) before anything is written and just before the rename when
 * @check. */
typedef struct
{
  const char *path;
  gboolean    check;
  const char *db_path;
  gboolean    replace;
} Target;

static gboolean
write_file (AimakProgrammeLayout    *layout,
            const Target            *target,
            AimakProgrammeProgress   progress,
            gpointer                 progress_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  const char *path = target->path;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.aimak-", base);
  cairo_surface_t *surface;
  Sink sink = { -1, 0 };
  gboolean ok = FALSE;

  if (target->check &&
      !aimak_programme_check_target (path, target->db_path, target->replace, &dir, error))
    return FALSE;
  if (dir == NULL)
    dir = g_path_get_dirname (path);
  aimak_file_clean_stale_temps (dir);
  tmp = aimak_file_temp_template (dir, prefix, NULL);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      aimak_save_set_errno_error (error, &save_errors, errno, dir, path);
      return FALSE;
    }
  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, AIMAK_PAGE_A4_SHORT,
                                                 AIMAK_PAGE_A4_LONG);
  if (!draw_pdf (layout, surface, progress, progress_data, cancellable))
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      if (sink.saved_errno)
        aimak_save_set_errno_error (error, &save_errors, sink.saved_errno, dir, path);
      else
        {
          g_autofree char *shown = g_filename_display_name (path);
          g_set_error (error, AIMAK_PROGRAMME_ERROR, AIMAK_PROGRAMME_ERROR_WRITE,
                       _("Could not save “%s”: %s"), shown,
                       cairo_status_to_string (cairo_surface_status (surface)));
        }
    }
  /* The data must be on disk before the rename makes it the file people open. */
  else if (fsync (sink.fd) != 0 && errno != EINVAL)
    aimak_save_set_errno_error (error, &save_errors, errno, dir, path);
  /* Checked again: the target may have become a folder or read-only meanwhile. */
  else if (target->check &&
           !aimak_programme_check_target (path, target->db_path, target->replace, NULL, error))
    ;
  else if (g_rename (tmp, path) != 0)
    aimak_save_set_errno_error (error, &save_errors, errno, dir, path);
  else
    ok = TRUE;
  cairo_surface_destroy (surface);
  close (sink.fd);
  if (!ok)
    g_unlink (tmp);
  else if (progress)
    progress (1, progress_data);
  return ok;
}

gboolean
aimak_programme_layout_write_pdf (AimakProgrammeLayout  *layout,
                                  const char            *path,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  const Target target = { path, FALSE, NULL, FALSE };

  g_return_val_if_fail (layout != NULL && path != NULL, FALSE);
  return write_file (layout, &target, NULL, NULL, cancellable, error);
}

/* Layout takes most of the time: 0–0.7 of the progress, drawing the rest. */
typedef struct
{
  AimakProgrammeProgress progress;
  gpointer               data;
  double                 from, span;
} Scaled;

static void
scaled_progress (double   fraction,
                 gpointer user_data)
{
  Scaled *s = user_data;

  s->progress (s->from + s->span * fraction, s->data);
}

gboolean
aimak_programme_write_pdf_full (const AimakProgramme   *programme,
                                const char             *path,
                                const char             *db_path,
                                gboolean                replace,
                                AimakProgrammeProgress  progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                GError                **error)
{
  const Target target = { path, TRUE, db_path, replace };
  g_autoptr(AimakProgrammeLayout) layout = NULL;
  Scaled first = { progress, progress_data, 0, 0.7 }, second = { progress, progress_data, 0.7, 0.3 };

  g_return_val_if_fail (programme != NULL && path != NULL, FALSE);
  if (!aimak_programme_check_target (path, db_path, replace, NULL, error))
    return FALSE;
  layout = aimak_programme_layout_new (programme, progress ? scaled_progress : NULL, &first,
                                       cancellable, error);
  if (layout == NULL)
    return FALSE;
  return write_file (layout, &target, progress ? scaled_progress : NULL, &second, cancellable,
                     error);
}

gboolean
aimak_programme_write_pdf (const AimakProgramme  *programme,
                           const char            *path,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(AimakProgrammeLayout) layout = NULL;

  g_return_val_if_fail (programme != NULL && path != NULL, FALSE);
  layout = aimak_programme_layout_new (programme, NULL, NULL, cancellable, error);
  return layout != NULL && aimak_programme_layout_write_pdf (layout, path, cancellable, error);
}
