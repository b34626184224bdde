/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-programme-odt-content.c — content.xml of the programme document: the title,
 * a table-of-contents field, the seven sections as Heading 1/2 with tables whose
 * header rows repeat on every page and whose rows are never split, the action plan
 * on landscape pages (a paragraph style that switches the master page), and the
 * women-vs-men chart as an SVG picture.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aimak-number.h"
#include "aimak-programme-odt-private.h"

#define L(id) aimak_programme_label (c->p, (id))

void
aimak_odt_append_text (GString    *out,
                       const char *text)
{
  guint spaces = 0;

  for (const char *s = text ? text : ""; *s; s++)
    {
      if (*s == ' ')
        {
          spaces++;
          continue;
        }
      if (spaces > 0)
        {
          g_string_append_c (out, ' ');
          if (spaces > 1)
            g_string_append_printf (out, "<text:s text:c=\"%u\"/>", spaces - 1);
          spaces = 0;
        }
      switch (*s)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "<text:line-break/>"); break;
        case '\t': g_string_append (out, "<text:tab/>"); break;
        case '\r': break;
        default:
          /* Control characters are not allowed in XML 1.0. */
          if ((guchar) *s >= 0x20)
            g_string_append_c (out, *s);
        }
    }
  if (spaces > 0)
    {
      g_string_append_c (out, ' ');
      if (spaces > 1)
        g_string_append_printf (out, "<text:s text:c=\"%u\"/>", spaces - 1);
    }
}

static void
para (AimakOdtContent *c,
      const char      *style,
      const char      *text)
{
  g_string_append_printf (c->body, "<text:p text:style-name=\"%s\">", style);
  aimak_odt_append_text (c->body, text);
  g_string_append (c->body, "</text:p>\n");
}

/* "<b>Label:</b> text" */
static void
para_labelled (AimakOdtContent *c,
               const char      *label,
               const char      *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (c->body, "<text:p text:style-name=\"Text_20_body\">"
                            "<text:span text:style-name=\"Strong_20_Emphasis\">");
  aimak_odt_append_text (c->body, label);
  g_string_append (c->body, ":</text:span> ");
  aimak_odt_append_text (c->body, text);
  g_string_append (c->body, "</text:p>\n");
}

/* A heading of outline @level; @style NULL = "Heading_20_<level>"; @bookmark
 * (may be NULL) marks it for the page numbers of the contents. */
static void
heading (AimakOdtContent *c,
         int              level,
         const char      *style,
         const char      *text,
         const char      *bookmark)
{
  static const char * const styles[] = { "Heading_20_1", "Heading_20_2", "Heading_20_3" };

  g_string_append_printf (c->body, "<text:h text:style-name=\"%s\" text:outline-level=\"%d\">",
                          style ? style : styles[CLAMP (level, 1, 3) - 1], level);
  if (bookmark)
    g_string_append_printf (c->body, "<text:bookmark text:name=\"%s\"/>", bookmark);
  aimak_odt_append_text (c->body, text);
  g_string_append (c->body, "</text:h>\n");
}

/* ------------------------------------------------------------ tables */

/* Starts a table with columns of @widths (relative; scaled to @page_width cm).
 * A long table may break between rows (never inside one: rows keep together); a
 * short one (@keep) is kept on one page. */
static void
table_begin_full (AimakOdtContent *c,
                  const double    *widths,
                  guint            n,
                  double           page_width,
                  gboolean         keep)
{
  double sum = 0;
  guint t = ++c->n_tables;

  for (guint i = 0; i < n; i++)
    sum += widths[i];
  g_string_append_printf (c->styles,
                          "<style:style style:name=\"Tbl%u\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%.2fcm\" table:align=\"margins\" "
                          "style:may-break-between-rows=\"%s\" fo:margin-top=\"0.1cm\" "
                          "fo:margin-bottom=\"0.25cm\"/></style:style>\n", t, page_width,
                          keep ? "false" : "true");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (c->styles,
                            "<style:style style:name=\"Tbl%u.C%u\" style:family=\"table-column\">"
                            "<style:table-column-properties style:column-width=\"%.2fcm\"/>"
                            "</style:style>\n", t, i, page_width * widths[i] / sum);
  g_string_append_printf (c->body, "<table:table table:name=\"Table%u\" table:style-name=\"Tbl%u\">\n",
                          t, t);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (c->body, "<table:table-column table:style-name=\"Tbl%u.C%u\"/>\n", t, i);
}

static void
table_begin (AimakOdtContent *c,
             const double    *widths,
             guint            n,
             double           page_width)
{
  table_begin_full (c, widths, n, page_width, FALSE);
}

/* A short table of fixed size, kept on one page. */
static void
table_begin_short (AimakOdtContent *c,
                   const double    *widths,
                   guint            n)
{
  table_begin_full (c, widths, n, AIMAK_ODT_PORTRAIT_WIDTH, TRUE);
}

static void
table_end (AimakOdtContent *c)
{
  g_string_append (c->body, "</table:table>\n");
}

static void
row_begin (AimakOdtContent *c)
{
  g_string_append (c->body, "<table:table-row table:style-name=\"Row\">");
}

static void
row_end (AimakOdtContent *c)
{
  g_string_append (c->body, "</table:table-row>\n");
}

/* A cell of one paragraph of @style ("Table_20_Contents", "Table_20_Number"...). */
static void
cell (AimakOdtContent *c,
      const char      *text,
      const char      *style)
{
  g_string_append (c->body, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                            "<text:p text:style-name=\"");
  g_string_append (c->body, style ? style : "Table_20_Contents");
  g_string_append (c->body, "\">");
  aimak_odt_append_text (c->body, text);
  g_string_append (c->body, "</text:p></table:table-cell>");
}

static void
cell_number (AimakOdtContent *c,
             const char      *text)
{
  cell (c, text, "Table_20_Number");
}

/* The header row, repeated on every page the table runs onto. */
static void
header_row (AimakOdtContent    *c,
            const char * const *labels,
            guint               n)
{
  g_string_append (c->body, "<table:table-header-rows><table:table-row table:style-name=\"Row\">");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (c->body, "<table:table-cell table:style-name=\"CellHead\" "
                                "office:value-type=\"string\"><text:p text:style-name=\"Table_20_Heading\">");
      aimak_odt_append_text (c->body, labels[i]);
      g_string_append (c->body, "</text:p></table:table-cell>");
    }
  g_string_append (c->body, "</table:table-row></table:table-header-rows>\n");
}

/* ------------------------------------------------------------ front */

static void
write_contents (AimakOdtContent *c)
{
  static const AimakProgrammeLabel sections[] = {
    AIMAK_PL_SECTION_PASSPORT, AIMAK_PL_SECTION_SITUATION, AIMAK_PL_SECTION_PRIORITIES,
    AIMAK_PL_SECTION_PLAN, AIMAK_PL_SECTION_ANNEX, AIMAK_PL_SECTION_PARTICIPATION,
    AIMAK_PL_SECTION_MONITORING,
  };

  g_string_append (c->body, "<text:table-of-content text:style-name=\"Sect_TOC\" text:protected=\"true\" "
                            "text:name=\"Contents\"><text:table-of-content-source text:outline-level=\"1\">"
                            "<text:index-title-template text:style-name=\"Contents_20_Heading\">");
  aimak_odt_append_text (c->body, L (AIMAK_PL_CONTENTS));
  g_string_append (c->body, "</text:index-title-template>"
                            "<text:table-of-content-entry-template text:outline-level=\"1\" "
                            "text:style-name=\"Contents_20_1\"><text:index-entry-link-start/>"
                            "<text:index-entry-text/><text:index-entry-tab-stop style:type=\"right\" "
                            "style:leader-char=\".\"/><text:index-entry-page-number/>"
                            "<text:index-entry-link-end/></text:table-of-content-entry-template>"
                            "</text:table-of-content-source><text:index-body>"
                            "<text:index-title text:style-name=\"Sect_TOC\" text:name=\"Contents_Head\">"
                            "<text:p text:style-name=\"Contents_20_Heading\">");
  aimak_odt_append_text (c->body, L (AIMAK_PL_CONTENTS));
  g_string_append (c->body, "</text:p></text:index-title>\n");
  /* Entries as the field would write them; the page numbers are references to the
   * headings' bookmarks, which the word processor fills in when it lays out. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_string_append_printf (c->body, "<text:p text:style-name=\"Contents_20_1\">"
                                       "<text:a xlink:type=\"simple\" xlink:href=\"#_sec%u\" "
                                       "text:style-name=\"Index_20_Link\" "
                                       "text:visited-style-name=\"Index_20_Link\">", i + 1);
      aimak_odt_append_text (c->body, L (sections[i]));
      g_string_append_printf (c->body, "<text:tab/><text:bookmark-ref text:reference-format=\"page\" "
                                       "text:ref-name=\"_sec%u\">%u</text:bookmark-ref></text:a></text:p>\n",
                              i + 1, i + 1);
    }
  g_string_append (c->body, "</text:index-body></text:table-of-content>\n");
}

static void
write_front (AimakOdtContent *c)
{
  const AimakProgramme *p = c->p;
  g_autofree char *area = aimak_programme_area_with_kind (p->area_name, p->area_type);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", area, p->period);

  para (c, "Title", L (AIMAK_PL_DOC_TITLE));
  para (c, "Subtitle", subtitle);
  if (p->is_demo)
    para (c, "Demo", L (AIMAK_PL_DEMO_MARK));
  para (c, "Text_20_body", L (AIMAK_PL_STATUSES_NOTE));
  write_contents (c);
}

/* ------------------------------------------------------------ 1. passport */

static void
write_passport (AimakOdtContent *c)
{
  static const double widths[] = { 6, 11 };

  heading (c, 1, "P_Break", L (AIMAK_PL_SECTION_PASSPORT), "_sec1");
  table_begin_short (c, widths, 2);
  for (guint i = 0; i < c->p->passport->len; i++)
    {
      AimakProgrammeField *f = g_ptr_array_index (c->p->passport, i);

      row_begin (c);
      cell (c, f->label, "Table_20_Label");
      cell (c, f->fill_in ? "________________________________" : f->value, NULL);
      row_end (c);
    }
  table_end (c);
}

/* ------------------------------------------------------------ 2. situation */

static void
figure_row (AimakOdtContent                 *c,
            const AimakProgrammeFigure      *f,
            const AimakProgrammeFigureValue *v,
            gboolean                         comparison)
{
  g_autofree char *year = v->year > 0 ? g_strdup_printf ("%d", v->year) : g_strdup ("");
  g_autofree char *area = g_strdup_printf ("%s (%s)", v->area_name, v->level_label);

  row_begin (c);
  cell (c, comparison ? area : f->name, NULL);
  if (!comparison)
    cell (c, f->unit, NULL);
  cell_number (c, year);
  cell_number (c, v->women.text);
  cell_number (c, v->men.text);
  cell_number (c, v->total.text);
  cell (c, v->source, NULL);
  row_end (c);
}

static void
write_chart (AimakOdtContent *c)
{
  const AimakProgramme *p = c->p;
  double height = 7.0;

  heading (c, 2, NULL, L (AIMAK_PL_SUB_CHART), NULL);
  if (p->chart->len == 0)
    {
      para (c, "Text_20_body", L (AIMAK_PL_NO_DATA));
      return;
    }
  para (c, "Caption", p->chart_title);
  c->svg = aimak_odt_chart_svg (p);
  g_string_append_printf (c->body, "<text:p text:style-name=\"Figure\"><draw:frame draw:style-name=\"Chart\" "
                                   "draw:name=\"Chart\" text:anchor-type=\"as-char\" svg:width=\"16cm\" "
                                   "svg:height=\"%.1fcm\" draw:z-index=\"0\"><draw:image "
                                   "xlink:href=\"Pictures/chart.svg\" xlink:type=\"simple\" "
                                   "xlink:show=\"embed\" xlink:actuate=\"onLoad\"/><svg:title>", height);
  aimak_odt_append_text (c->body, p->chart_title);
  g_string_append (c->body, "</svg:title></draw:frame></text:p>\n");
  para_labelled (c, L (AIMAK_PL_COL_SOURCE), p->chart_source);
}

static void
write_situation (AimakOdtContent *c)
{
  static const double key_widths[] = { 4.4, 1.6, 1.1, 2.2, 2.2, 2.2, 3.3 };
  static const double cmp_widths[] = { 4.6, 1.1, 2.2, 2.2, 2.2, 4.7 };
  const char *key_heads[] = { L (AIMAK_PL_COL_INDICATOR), L (AIMAK_PL_COL_UNIT), L (AIMAK_PL_COL_YEAR),
                              L (AIMAK_PL_COL_WOMEN), L (AIMAK_PL_COL_MEN), L (AIMAK_PL_COL_TOTAL),
                              L (AIMAK_PL_COL_SOURCE) };
  const char *cmp_heads[] = { L (AIMAK_PL_COL_AREA), L (AIMAK_PL_COL_YEAR), L (AIMAK_PL_COL_WOMEN),
                              L (AIMAK_PL_COL_MEN), L (AIMAK_PL_COL_TOTAL), L (AIMAK_PL_COL_SOURCE) };
  GPtrArray *figures = c->p->figures;

  heading (c, 1, "P_Break", L (AIMAK_PL_SECTION_SITUATION), "_sec2");
  heading (c, 2, NULL, L (AIMAK_PL_SUB_KEY_FIGURES), NULL);
  para (c, "Text_20_body", L (AIMAK_PL_SITUATION_NOTE));
  table_begin (c, key_widths, G_N_ELEMENTS (key_widths), AIMAK_ODT_PORTRAIT_WIDTH);
  header_row (c, key_heads, G_N_ELEMENTS (key_heads));
  for (guint i = 0; i < figures->len; i++)
    {
      AimakProgrammeFigure *f = g_ptr_array_index (figures, i);
      figure_row (c, f, f->own, FALSE);
    }
  table_end (c);

  heading (c, 2, NULL, L (AIMAK_PL_SUB_COMPARISON), NULL);
  for (guint i = 0; i < figures->len; i++)
    {
      AimakProgrammeFigure *f = g_ptr_array_index (figures, i);
      g_autofree char *title = g_strdup_printf ("%s, %s", f->name, f->unit);

      para (c, "Table_20_Caption", title);
      table_begin_short (c, cmp_widths, G_N_ELEMENTS (cmp_widths));
      header_row (c, cmp_heads, G_N_ELEMENTS (cmp_heads));
      figure_row (c, f, f->own, TRUE);
      for (guint j = 0; j < f->comparisons->len; j++)
        figure_row (c, f, g_ptr_array_index (f->comparisons, j), TRUE);
      table_end (c);
    }
  write_chart (c);
}

/* ------------------------------------------------------------ 3. priorities */

static void
write_priorities (AimakOdtContent *c)
{
  heading (c, 1, "P_Break", L (AIMAK_PL_SECTION_PRIORITIES), "_sec3");
  if (c->p->priorities->len == 0)
    para (c, "Text_20_body", L (AIMAK_PL_NO_PRIORITIES));
  for (guint s = 0; s < c->p->sectors->len; s++)
    {
      AimakProgrammeSector *sector = g_ptr_array_index (c->p->sectors, s);

      heading (c, 2, NULL, sector->name, NULL);
      for (guint i = 0; i < sector->priorities->len; i++)
        {
          AimakProgrammePriority *pp = g_ptr_array_index (sector->priorities, i);
          g_autofree char *title = g_strdup_printf ("%u. %s", pp->number, pp->title);

          heading (c, 3, NULL, title, NULL);
          if (c->p->include_below)
            para_labelled (c, L (AIMAK_PL_COL_AREA), pp->area_name);
          para_labelled (c, L (AIMAK_PL_LABEL_PROBLEM), pp->problem);
          para_labelled (c, L (AIMAK_PL_LABEL_DESCRIPTION), pp->description);
          para_labelled (c, L (AIMAK_PL_COL_TARGET_GROUPS), pp->target_groups_text);
          para_labelled (c, L (AIMAK_PL_COL_STATUS), pp->status_label);
        }
    }
}

/* ------------------------------------------------------------ 4. action plan */

/* The totals of the plan by funding source, below it. */
/* A row of a money table: what, thousand KGS, share. */
static void
money_row (AimakOdtContent *c,
           const char      *label,
           const char      *label_style,
           const char      *thousand,
           const char      *share)
{
  row_begin (c);
  cell (c, label, label_style);
  cell_number (c, thousand);
  cell_number (c, share);
  row_end (c);
}

static void
plan_totals (AimakOdtContent *c)
{
  static const double widths[] = { 11, 3.5, 2.5 };
  const char *heads[] = { L (AIMAK_PL_COL_FUNDING), L (AIMAK_PL_COL_COST), L (AIMAK_PL_COL_SHARE) };
  const AimakProgramme *p = c->p;

  para (c, "Table_20_Caption", L (AIMAK_PL_SUB_BUDGET_BY_SOURCE));
  table_begin_short (c, widths, 3);
  header_row (c, heads, 3);
  for (guint i = 0; i < p->plan_totals->len; i++)
    {
      AimakProgrammeMoney *m = g_ptr_array_index (p->plan_totals, i);

      money_row (c, m->label, NULL, m->thousand.text, m->share.text);
    }
  money_row (c, p->budget_total->label, "Table_20_Label", p->budget_total->thousand.text,
             p->budget_total->share.text);
  table_end (c);
}

/* One row per priority; the cost with its funding source (a priority has one),
 * the totals by source in a table below. */
#define SMALL "Table_20_Small"
#define SMALL_NUMBER "Table_20_Small_20_Number"

static gboolean
write_plan (AimakOdtContent *c,
            GError         **error)
{
  static const double widths[] = { 0.7, 2.8, 3.1, 2.7, 2.8, 2.2, 1.5, 2.0, 2.9, 3.1, 1.9 };
  const char *heads[] = { L (AIMAK_PL_COL_NO), L (AIMAK_PL_COL_PRIORITY), L (AIMAK_PL_COL_ACTIVITY),
                          L (AIMAK_PL_COL_TARGET_GROUPS), L (AIMAK_PL_COL_RESPONSIBLE),
                          L (AIMAK_PL_COL_PARTNERS), L (AIMAK_PL_COL_PERIOD), L (AIMAK_PL_COL_COST),
                          L (AIMAK_PL_COL_FUNDING), L (AIMAK_PL_COL_INDICATORS), L (AIMAK_PL_COL_MARKER) };
  const AimakProgramme *p = c->p;

  /* The paragraph style of this heading switches to the landscape master page. */
  heading (c, 1, "P_Landscape", L (AIMAK_PL_SECTION_PLAN), "_sec4");
  if (p->priorities->len == 0)
    {
      para (c, "Text_20_body", L (AIMAK_PL_NO_PRIORITIES));
      return TRUE;
    }
  table_begin (c, widths, G_N_ELEMENTS (widths), AIMAK_ODT_LANDSCAPE_WIDTH);
  header_row (c, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < p->priorities->len; i++)
    {
      AimakProgrammePriority *pp = g_ptr_array_index (p->priorities, i);
      g_autofree char *number = g_strdup_printf ("%u", pp->number);

      if (i % 64 == 0 && g_cancellable_set_error_if_cancelled (c->cancellable, error))
        return FALSE;
      /* 8 pt: eleven columns across a landscape page. */
      row_begin (c);
      cell (c, number, SMALL_NUMBER);
      cell (c, pp->title, SMALL);
      cell (c, pp->description, SMALL);
      cell (c, pp->target_groups_text, SMALL);
      cell (c, pp->responsible, SMALL);
      cell (c, pp->partners, SMALL);
      cell (c, pp->period, SMALL);
      cell (c, pp->budget_thousand.text, SMALL_NUMBER);
      cell (c, pp->budget_thousand.has_value ? pp->funding_label : "", SMALL);
      cell (c, pp->indicators_text, SMALL);
      cell (c, pp->marker_text, SMALL);
      row_end (c);
    }
  row_begin (c);
  cell (c, "", NULL);
  cell (c, L (AIMAK_PL_TOTAL), "Table_20_Label");
  for (guint i = 0; i < 5; i++)
    cell (c, "", NULL);
  cell (c, p->budget_total->thousand.text, SMALL_NUMBER);
  for (guint i = 0; i < 3; i++)
    cell (c, "", NULL);
  row_end (c);
  table_end (c);
  plan_totals (c);
  return TRUE;
}

#undef SMALL
#undef SMALL_NUMBER

/* ------------------------------------------------------------ 5. annex */

static void
annex_priority (AimakOdtContent              *c,
                const AimakProgrammePriority *pp)
{
  static const double widths[] = { 5, 12 };
  g_autofree char *title = g_strdup_printf ("%u. %s", pp->number, pp->title);
  g_autoptr(GString) checklist = g_string_new (NULL);

  for (guint i = 0; i < pp->checklist->len; i++)
    {
      AimakProgrammeAnswer *a = g_ptr_array_index (pp->checklist, i);
      g_string_append_printf (checklist, "%s%s — %s", i ? "\n" : "", a->question, a->answer_label);
    }

  heading (c, 3, NULL, title, NULL);
  table_begin_short (c, widths, 2);
#define ROW(label, text) G_STMT_START { row_begin (c); cell (c, label, "Table_20_Label"); \
    cell (c, text, NULL); row_end (c); } G_STMT_END
  ROW (L (AIMAK_PL_COL_MARKER), pp->marker_text);
  ROW (L (AIMAK_PL_COL_JUSTIFICATION), pp->marker_justification);
  ROW (L (AIMAK_PL_COL_CHECKLIST), checklist->str);
  ROW (L (AIMAK_PL_COL_GCM), pp->gcm_text);
  ROW (L (AIMAK_PL_COL_SDG), pp->sdg_text);
  ROW (L (AIMAK_PL_COL_BUDGET), pp->budget_thousand.text);
#undef ROW
  table_end (c);
}

static void
write_annex (AimakOdtContent *c)
{
  static const double widths[] = { 8, 5, 4 };
  const char *heads[] = { L (AIMAK_PL_COL_MARKER), L (AIMAK_PL_COL_BUDGET), L (AIMAK_PL_COL_SHARE) };
  const AimakProgramme *p = c->p;

  heading (c, 1, "P_Portrait", L (AIMAK_PL_SECTION_ANNEX), "_sec5");
  heading (c, 2, NULL, L (AIMAK_PL_SUB_GENDER_BUDGET), NULL);
  table_begin_short (c, widths, 3);
  header_row (c, heads, 3);
  for (guint i = 0; i < p->budget_by_marker->len; i++)
    {
      AimakProgrammeMoney *m = g_ptr_array_index (p->budget_by_marker, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", m->code, m->label);

      money_row (c, label, NULL, m->thousand.text, m->share.text);
    }
  money_row (c, p->gender_budget->label, "Table_20_Label", p->gender_budget->thousand.text,
             p->gender_share.text);
  money_row (c, p->budget_total->label, "Table_20_Label", p->budget_total->thousand.text,
             p->budget_total->share.text);
  table_end (c);
  for (guint i = 0; i < p->priorities->len; i++)
    annex_priority (c, g_ptr_array_index (p->priorities, i));
}

/* ------------------------------------------------------------ 6. participation */

/* Begins a portrait-wide table of @n_rows rows with its header row; or, when
 * there are no rows, says @none instead and returns FALSE. */
static gboolean
table_or_none (AimakOdtContent    *c,
               guint               n_rows,
               const char         *none,
               const double       *widths,
               const char * const *heads,
               guint               n_columns)
{
  if (n_rows == 0)
    {
      para (c, "Text_20_body", none);
      return FALSE;
    }
  table_begin (c, widths, n_columns, AIMAK_ODT_PORTRAIT_WIDTH);
  header_row (c, heads, n_columns);
  return TRUE;
}

static void
write_hearings (AimakOdtContent *c)
{
  static const double widths[] = { 2.2, 2.8, 8.2, 1.9, 1.9 };
  const char *heads[] = { L (AIMAK_PL_COL_DATE), L (AIMAK_PL_COL_AREA), L (AIMAK_PL_COL_PRIORITY),
                          L (AIMAK_PL_COL_WOMEN), L (AIMAK_PL_COL_MEN) };

  heading (c, 2, NULL, L (AIMAK_PL_SUB_HEARINGS), NULL);
  if (!table_or_none (c, c->p->hearings->len, L (AIMAK_PL_NO_HEARINGS), widths, heads,
                      G_N_ELEMENTS (heads)))
    return;
  for (guint i = 0; i < c->p->hearings->len; i++)
    {
      AimakProgrammeHearing *h = g_ptr_array_index (c->p->hearings, i);
      g_autofree char *titles = aimak_programme_hearing_titles (h);

      row_begin (c);
      cell (c, h->date, NULL);
      cell (c, h->area_name, NULL);
      cell (c, titles, NULL);
      cell_number (c, h->women.text);
      cell_number (c, h->men.text);
      row_end (c);
    }
  table_end (c);
}

static void
write_activities (AimakOdtContent *c)
{
  static const double widths[] = { 2.1, 2.3, 2.3, 3.8, 1.7, 1.7, 3.1 };
  static const double role_widths[] = { 8, 3, 3, 3 };
  const char *heads[] = { L (AIMAK_PL_COL_DATE), L (AIMAK_PL_COL_AREA), L (AIMAK_PL_COL_TYPE),
                          L (AIMAK_PL_COL_TOPIC), L (AIMAK_PL_COL_WOMEN), L (AIMAK_PL_COL_MEN),
                          L (AIMAK_PL_COL_ROLES) };
  const char *role_heads[] = { L (AIMAK_PL_COL_ROLES), L (AIMAK_PL_COL_WOMEN), L (AIMAK_PL_COL_MEN),
                               L (AIMAK_PL_COL_TOTAL) };
  const AimakProgramme *p = c->p;

  heading (c, 2, NULL, L (AIMAK_PL_SUB_CAPACITY), NULL);
  if (!table_or_none (c, p->activities->len, L (AIMAK_PL_NO_ACTIVITIES), widths, heads,
                      G_N_ELEMENTS (heads)))
    return;
  for (guint i = 0; i < p->activities->len; i++)
    {
      g_auto(GStrv) row = aimak_programme_activity_row (g_ptr_array_index (p->activities, i));

      row_begin (c);
      for (guint j = 0; j < AIMAK_PROGRAMME_ACTIVITY_CELLS; j++)
        {
          if (j == 4 || j == 5)   /* women, men */
            cell_number (c, row[j]);
          else
            cell (c, row[j], NULL);
        }
      row_end (c);
    }
  table_end (c);
  table_begin_short (c, role_widths, 4);
  header_row (c, role_heads, 4);
  for (guint i = 0; i < p->activity_roles->len; i++)
    {
      AimakSummaryRoleItem *r = g_ptr_array_index (p->activity_roles, i);
      g_autofree char *w = aimak_number_format (r->women, 0, p->lang);
      g_autofree char *m = aimak_number_format (r->men, 0, p->lang);
      g_autofree char *t = aimak_number_format ((double) r->women + r->men, 0, p->lang);

      row_begin (c);
      cell (c, r->label, NULL);
      cell_number (c, w);
      cell_number (c, m);
      cell_number (c, t);
      row_end (c);
    }
  table_end (c);
}

/* ------------------------------------------------------------ 7. monitoring */

static void
write_monitoring (AimakOdtContent *c)
{
  /* Every row reports to the same kenesh, which the note names: no column for it. */
  static const double widths[] = { 0.8, 3.4, 3.4, 2.3, 2.3, 2.7, 2.1 };
  const char *heads[] = { L (AIMAK_PL_COL_NO), L (AIMAK_PL_COL_PRIORITY), L (AIMAK_PL_COL_INDICATOR),
                          L (AIMAK_PL_COL_BASELINE), L (AIMAK_PL_COL_TARGET), L (AIMAK_PL_COL_REPORTER),
                          L (AIMAK_PL_COL_FREQUENCY) };

  heading (c, 1, "P_Break", L (AIMAK_PL_SECTION_MONITORING), "_sec7");
  para (c, "Text_20_body", L (AIMAK_PL_MONITORING_NOTE));
  if (!table_or_none (c, c->p->monitoring->len, L (AIMAK_PL_NO_INDICATORS), widths, heads,
                      G_N_ELEMENTS (heads)))
    return;
  for (guint i = 0; i < c->p->monitoring->len; i++)
    {
      AimakProgrammeMonitoringRow *r = g_ptr_array_index (c->p->monitoring, i);
      AimakProgrammeIndicator *ind = r->indicator;
      g_autofree char *number = g_strdup_printf ("%u", r->priority->number);
      g_autofree char *name = aimak_programme_indicator_label (ind);
      g_autofree char *base = g_strdup_printf ("%s / %s", ind->baseline_women.text, ind->baseline_men.text);
      g_autofree char *target = g_strdup_printf ("%s / %s", ind->target_women.text, ind->target_men.text);

      row_begin (c);
      cell_number (c, number);
      cell (c, r->priority->title, NULL);
      cell (c, name, NULL);
      cell_number (c, base);
      cell_number (c, target);
      cell (c, r->reporter, NULL);
      cell (c, r->frequency, NULL);
      row_end (c);
    }
  table_end (c);
}

gboolean
aimak_odt_content (AimakOdtContent *c,
                   GError         **error)
{
  write_front (c);
  write_passport (c);
  write_situation (c);
  write_priorities (c);
  if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
    return FALSE;
  if (!write_plan (c, error))
    return FALSE;
  write_annex (c);
  heading (c, 1, "P_Break", L (AIMAK_PL_SECTION_PARTICIPATION), "_sec6");
  write_hearings (c);
  write_activities (c);
  write_monitoring (c);
  return !g_cancellable_set_error_if_cancelled (c->cancellable, error);
}
