/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-page-flow.c — see the header. Every block is laid out with Pango when it
 * is added and placed at once on the current page (or the next); a page is a list
 * of placements, each one a block or a vertical slice of it (a paragraph that
 * goes on over the page break, a row taller than a page). Drawing a page replays
 * its placements, then its header and footer.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "aimak-bar-chart.h"
#include "aimak-page-flow.h"

#define BODY_SIZE    10.0
#define SMALL_SIZE   8.5
#define CELL_SIZE    8.0
#define CELL_PAD_X   3.0
#define CELL_PAD_Y   2.5
#define PARA_AFTER   5.0
#define RULE_WIDTH   0.5

typedef enum
{
  ITEM_TEXT,
  ITEM_ROW,
  ITEM_CHART,
} ItemKind;

typedef struct _Table Table;

typedef struct
{
  ItemKind           kind;
  double             height;
  /* ITEM_TEXT */
  PangoLayout       *layout;
  /* ITEM_ROW */
  Table             *table;
  PangoLayout      **cells;      /* table->n of them; one for a group row */
  guint              n_cells;
  AimakFlowRowFlags  flags;
  gboolean           is_header;
  /* ITEM_CHART */
  AimakBarChart     *chart;
} Item;

struct _Table
{
  guint      n;
  double    *x;         /* column left edges, from the body's left */
  double    *w;
  char      *align;
  GPtrArray *headers;   /* Item *, borrowed from flow->items */
  double     header_h;
  int        header_page;   /* page the headers were last placed on, -1 none */
  gboolean   landscape;
};

typedef struct
{
  Item   *item;
  double  y;          /* on the page */
  double  from, to;   /* the slice of the item shown, in the item's coordinates */
} Placed;

typedef struct
{
  gboolean  landscape;
  GArray   *placed;   /* Placed */
} Page;

typedef struct
{
  int    level;
  char  *text;
  guint  page;
  double y;
} Heading;

struct _AimakPageFlow
{
  PangoFontMap *fontmap;
  PangoContext *context;
  GPtrArray    *items;      /* Item *, owned */
  GPtrArray    *tables;     /* Table *, owned */
  GPtrArray    *charts;     /* AimakBarChart *, owned */
  GPtrArray    *pages;      /* Page *, owned */
  GPtrArray    *pending;    /* heading Items waiting for the block they belong to */
  GArray       *pending_levels;
  GArray       *headings;   /* Heading */
  Table        *table;      /* the open table */
  double        y;
  char         *header;
  char         *mark;
  char         *page_of;
  gboolean      finished;
};

/* ------------------------------------------------------------- geometry */

static void
page_size (gboolean landscape,
           double  *w,
           double  *h)
{
  *w = landscape ? AIMAK_PAGE_A4_LONG : AIMAK_PAGE_A4_SHORT;
  *h = landscape ? AIMAK_PAGE_A4_SHORT : AIMAK_PAGE_A4_LONG;
}

/* Portrait pages keep a wider left margin for binding (25 mm); landscape ones 15 mm
 * all round so that the action plan's columns have room. */
static double
margin_left (gboolean landscape)
{
  return landscape ? 42.52 : 70.87;
}

static double
margin_right (gboolean landscape)
{
  return 42.52;
}

static double
margin_top (gboolean landscape)
{
  return landscape ? 48.0 : 62.0;
}

static double
margin_bottom (gboolean landscape)
{
  return landscape ? 42.0 : 56.0;
}

static double
body_width (gboolean landscape)
{
  double w, h;

  page_size (landscape, &w, &h);
  return w - margin_left (landscape) - margin_right (landscape);
}

static double
body_bottom (gboolean landscape)
{
  double w, h;

  page_size (landscape, &w, &h);
  return h - margin_bottom (landscape);
}

static Page *
current_page (AimakPageFlow *flow)
{
  return g_ptr_array_index (flow->pages, flow->pages->len - 1);
}

static gboolean
page_empty (AimakPageFlow *flow)
{
  return current_page (flow)->placed->len == 0;
}

static void
start_page (AimakPageFlow *flow,
            gboolean       landscape)
{
  Page *page = g_new0 (Page, 1);

  page->landscape = landscape;
  page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (flow->pages, page);
  flow->y = margin_top (landscape);
}

static void
page_free (Page *page)
{
  g_array_unref (page->placed);
  g_free (page);
}

static void
place (AimakPageFlow *flow,
       Item          *item,
       double         from,
       double         to)
{
  Placed p = { item, flow->y, from, to };

  g_array_append_val (current_page (flow)->placed, p);
  flow->y += to - from;
}

/* ------------------------------------------------------------- items */

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  for (guint i = 0; i < item->n_cells; i++)
    g_object_unref (item->cells[i]);
  g_free (item->cells);
  g_free (item);
}

static void
table_free (Table *table)
{
  g_free (table->x);
  g_free (table->w);
  g_free (table->align);
  g_ptr_array_unref (table->headers);
  g_free (table);
}

static void
heading_clear (Heading *h)
{
  g_free (h->text);
}

static Item *
item_new (AimakPageFlow *flow,
          ItemKind       kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  g_ptr_array_add (flow->items, item);
  return item;
}

static PangoLayout *
new_layout (AimakPageFlow *flow,
            double         size,
            gboolean       bold,
            double         width,
            char           align)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoFontDescription *font = pango_font_description_from_string (AIMAK_PAGE_FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align == 'r' ? PANGO_ALIGN_RIGHT
                                      : align == 'c' ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The largest line boundary of @layout (drawn at @top in its item) at or above
 * @limit, or -1 when none is below @after. */
static double
line_break_before (PangoLayout *layout,
                   double       top,
                   double       after,
                   double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = -1;

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = top + (double) y1 / PANGO_SCALE;
      if (bottom > limit + 0.01)
        break;
      if (bottom > after + 0.01)
        best = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return best;
}

/* ------------------------------------------------------------- placing */

static gboolean
landscape_now (AimakPageFlow *flow)
{
  return current_page (flow)->landscape;
}

static double
pending_height (AimakPageFlow *flow)
{
  double h = 0;

  for (guint i = 0; i < flow->pending->len; i++)
    h += ((Item *) g_ptr_array_index (flow->pending, i))->height;
  return h;
}

/* Makes room for @need points (after the waiting headings), starting a new page if
 * they do not fit on this one, then places the waiting headings. */
static void
ensure_room (AimakPageFlow *flow,
             double         need)
{
  gboolean landscape = landscape_now (flow);

  if (!page_empty (flow) && flow->y + pending_height (flow) + need > body_bottom (landscape))
    start_page (flow, landscape);
  for (guint i = 0; i < flow->pending->len; i++)
    {
      Item *item = g_ptr_array_index (flow->pending, i);
      int level = g_array_index (flow->pending_levels, int, i);
      Heading h = { level, NULL, flow->pages->len - 1, flow->y };

      if (level > 0)
        {
          h.text = g_strdup (pango_layout_get_text (item->layout));
          g_array_append_val (flow->headings, h);
        }
      place (flow, item, 0, item->height);
    }
  g_ptr_array_set_size (flow->pending, 0);
  g_array_set_size (flow->pending_levels, 0);
}

/* Places a text item, split at line boundaries across pages when it must be. */
static void
place_text (AimakPageFlow *flow,
            Item          *item)
{
  double first = line_break_before (item->layout, 0, 0, 2.5 * BODY_SIZE * 1.3);
  double from = 0;

  ensure_room (flow, first > 0 ? MIN (first, item->height) : item->height);
  while (from < item->height)
    {
      gboolean landscape = landscape_now (flow);
      double avail = body_bottom (landscape) - flow->y, cut;

      if (item->height - from <= avail)
        {
          place (flow, item, from, item->height);
          return;
        }
      cut = line_break_before (item->layout, 0, from, from + avail);
      if (cut < 0 && page_empty (flow))
        cut = from + avail;   /* one line higher than a page: clipped */
      if (cut > 0)
        {
          place (flow, item, from, cut);
          from = cut;
        }
      start_page (flow, landscape);
    }
}

static void
add_text (AimakPageFlow *flow,
          AimakFlowStyle style,
          const char    *text,
          gboolean       markup)
{
  gboolean landscape = landscape_now (flow);
  Item *item = item_new (flow, ITEM_TEXT);
  double size = style == AIMAK_FLOW_TITLE ? 17 : style == AIMAK_FLOW_SUBTITLE ? 12
                : style == AIMAK_FLOW_SMALL ? SMALL_SIZE : BODY_SIZE;

  g_return_if_fail (!flow->finished && flow->table == NULL);
  item->layout = new_layout (flow, size, style == AIMAK_FLOW_TITLE, body_width (landscape),
                             style == AIMAK_FLOW_TITLE || style == AIMAK_FLOW_SUBTITLE ? 'c' : 'l');
  if (markup)
    pango_layout_set_markup (item->layout, text, -1);
  else
    pango_layout_set_text (item->layout, text, -1);
  item->height = layout_height (item->layout);
  place_text (flow, item);
  flow->y += style == AIMAK_FLOW_TITLE ? 14 : PARA_AFTER;
}

void
aimak_page_flow_paragraph (AimakPageFlow  *flow,
                           AimakFlowStyle  style,
                           const char     *text)
{
  add_text (flow, style, text ? text : "", FALSE);
}

void
aimak_page_flow_markup (AimakPageFlow  *flow,
                        AimakFlowStyle  style,
                        const char     *markup)
{
  add_text (flow, style, markup ? markup : "", TRUE);
}

void
aimak_page_flow_space (AimakPageFlow *flow,
                       double         points)
{
  if (!page_empty (flow))
    flow->y += points;
}

void
aimak_page_flow_heading (AimakPageFlow *flow,
                         int            level,
                         const char    *text)
{
  gboolean landscape = landscape_now (flow);
  Item *item = item_new (flow, ITEM_TEXT);
  double before = level <= 1 ? 10 : 6, after = level <= 1 ? 6 : 3;

  g_return_if_fail (!flow->finished && flow->table == NULL);
  item->layout = new_layout (flow, level <= 1 ? 13.5 : 11, TRUE, body_width (landscape), 'l');
  pango_layout_set_text (item->layout, text, -1);
  /* The space around a heading belongs to it, so it goes with it to the next page;
   * at the top of a page the space before is dropped. */
  if (!page_empty (flow) || flow->pending->len)
    flow->y += before;
  item->height = layout_height (item->layout) + after;
  g_ptr_array_add (flow->pending, item);
  g_array_append_val (flow->pending_levels, level);
}

void
aimak_page_flow_caption (AimakPageFlow *flow,
                         const char    *markup)
{
  gboolean landscape = landscape_now (flow);
  Item *item = item_new (flow, ITEM_TEXT);
  int level = 0;

  g_return_if_fail (!flow->finished && flow->table == NULL);
  item->layout = new_layout (flow, BODY_SIZE, FALSE, body_width (landscape), 'l');
  pango_layout_set_markup (item->layout, markup, -1);
  item->height = layout_height (item->layout) + 3;
  g_ptr_array_add (flow->pending, item);
  g_array_append_val (flow->pending_levels, level);
}

void
aimak_page_flow_new_page (AimakPageFlow *flow,
                          gboolean       landscape)
{
  g_return_if_fail (!flow->finished && flow->table == NULL);
  /* Headings still waiting belong to this page, even with nothing after them. */
  if (flow->pending->len)
    ensure_room (flow, 0);
  if (page_empty (flow) && landscape_now (flow) == landscape)
    return;
  if (page_empty (flow))
    {
      current_page (flow)->landscape = landscape;
      flow->y = margin_top (landscape);
      return;
    }
  start_page (flow, landscape);
}

/* ------------------------------------------------------------- tables */

void
aimak_page_flow_table_begin (AimakPageFlow *flow,
                             guint          n_columns,
                             const double  *weights,
                             const char    *align)
{
  Table *table;
  double total = 0, x = 0, width;

  g_return_if_fail (!flow->finished && flow->table == NULL && n_columns > 0);
  table = g_new0 (Table, 1);
  table->n = n_columns;
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  table->align = g_new0 (char, n_columns + 1);
  table->headers = g_ptr_array_new ();
  table->header_page = -1;
  table->landscape = landscape_now (flow);
  width = body_width (table->landscape);
  for (guint i = 0; i < n_columns; i++)
    total += weights ? weights[i] : 1;
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->w[i] = width * (weights ? weights[i] : 1) / total;
      table->align[i] = align && i < strlen (align) ? align[i] : 'l';
      x += table->w[i];
    }
  g_ptr_array_add (flow->tables, table);
  flow->table = table;
}

static Item *
row_new (AimakPageFlow      *flow,
         const char * const *cells,
         AimakFlowRowFlags   flags,
         gboolean            header)
{
  Table *table = flow->table;
  Item *item = item_new (flow, ITEM_ROW);
  gboolean group = (flags & AIMAK_FLOW_ROW_GROUP) != 0;
  double h = 0;

  item->table = table;
  item->flags = flags;
  item->is_header = header;
  item->n_cells = group ? 1 : table->n;
  item->cells = g_new0 (PangoLayout *, item->n_cells);
  for (guint i = 0; i < item->n_cells; i++)
    {
      double w = group ? table->x[table->n - 1] + table->w[table->n - 1] : table->w[i];
      PangoLayout *cell = new_layout (flow, CELL_SIZE, header || group || (flags & AIMAK_FLOW_ROW_BOLD),
                                      MAX (w - 2 * CELL_PAD_X, 4),
                                      header ? 'c' : group ? 'l' : table->align[i]);

      pango_layout_set_text (cell, cells && cells[i] ? cells[i] : "", -1);
      h = MAX (h, layout_height (cell));
      item->cells[i] = cell;
    }
  item->height = h + 2 * CELL_PAD_Y;
  return item;
}

void
aimak_page_flow_table_header (AimakPageFlow      *flow,
                              const char * const *cells)
{
  Item *item;

  g_return_if_fail (flow->table != NULL);
  item = row_new (flow, cells, AIMAK_FLOW_ROW_PLAIN, TRUE);
  g_ptr_array_add (flow->table->headers, item);
  flow->table->header_h += item->height;
}

static void
place_headers (AimakPageFlow *flow,
               Table         *table)
{
  for (guint i = 0; i < table->headers->len; i++)
    {
      Item *h = g_ptr_array_index (table->headers, i);
      place (flow, h, 0, h->height);
    }
  table->header_page = flow->pages->len - 1;
}

/* Where a row that does not fit is cut: at a line boundary of its tallest cell. */
static double
row_break_before (Item   *row,
                  double  after,
                  double  limit)
{
  guint tallest = 0;
  double cut;

  for (guint i = 1; i < row->n_cells; i++)
    if (layout_height (row->cells[i]) > layout_height (row->cells[tallest]))
      tallest = i;
  cut = line_break_before (row->cells[tallest], CELL_PAD_Y, after, limit);
  return cut > after ? cut : limit;
}

void
aimak_page_flow_table_row (AimakPageFlow      *flow,
                           const char * const *cells,
                           AimakFlowRowFlags   flags)
{
  Table *table = flow->table;
  Item *item;
  double from = 0;

  g_return_if_fail (table != NULL);
  item = row_new (flow, cells, flags, FALSE);
  ensure_room (flow, item->height + (table->header_page == (int) flow->pages->len - 1
                                     ? 0 : table->header_h));
  /* A row taller than what is left of an otherwise empty page goes on over the
   * break; every other row moves whole to the next page. */
  while (from < item->height)
    {
      double avail;

      if (table->header_page != (int) flow->pages->len - 1)
        place_headers (flow, table);
      avail = body_bottom (table->landscape) - flow->y;
      if (item->height - from <= avail)
        {
          place (flow, item, from, item->height);
          return;
        }
      {
        double cut = row_break_before (item, from, from + avail);

        place (flow, item, from, cut);
        from = cut;
      }
      start_page (flow, table->landscape);
    }
}

void
aimak_page_flow_table_end (AimakPageFlow *flow)
{
  g_return_if_fail (flow->table != NULL);
  flow->table = NULL;
  flow->y += PARA_AFTER + 3;
}

/* ------------------------------------------------------------- chart */

void
aimak_page_flow_bar_chart (AimakPageFlow      *flow,
                           const char         *women_label,
                           const char         *men_label,
                           const AimakFlowBar *bars,
                           guint               n_bars)
{
  Item *item;

  g_return_if_fail (!flow->finished && flow->table == NULL);
  item = item_new (flow, ITEM_CHART);
  item->chart = aimak_bar_chart_new (women_label, men_label, bars, n_bars,
                                     body_width (landscape_now (flow)));
  g_ptr_array_add (flow->charts, item->chart);
  item->height = aimak_bar_chart_get_height (item->chart);
  ensure_room (flow, item->height);
  place (flow, item, 0, item->height);
  flow->y += PARA_AFTER + 4;
}

/* ------------------------------------------------------------- drawing */

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (cairo_t      *cr,
          const Placed *p,
          double        left)
{
  Item *row = p->item;
  Table *t = row->table;
  gboolean group = (row->flags & AIMAK_FLOW_ROW_GROUP) != 0;
  double total = t->x[t->n - 1] + t->w[t->n - 1];
  double top = p->y - p->from, slice = p->to - p->from;

  cairo_save (cr);
  cairo_rectangle (cr, left - 1, p->y, total + 2, slice);
  cairo_clip (cr);
  if (row->is_header || group)
    {
      set_grey (cr, row->is_header ? 0.88 : 0.94);
      cairo_rectangle (cr, left, p->y, total, slice);
      cairo_fill (cr);
    }
  set_grey (cr, 0);
  for (guint i = 0; i < row->n_cells; i++)
    show_at (cr, row->cells[i], left + t->x[i] + CELL_PAD_X, top + CELL_PAD_Y);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  set_grey (cr, 0.45);
  if (group)
    cairo_rectangle (cr, left, p->y, total, slice);
  else
    for (guint i = 0; i < t->n; i++)
      cairo_rectangle (cr, left + t->x[i], p->y, t->w[i], slice);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static void
draw_decorations (AimakPageFlow *flow,
                  cairo_t       *cr,
                  guint          index,
                  const Page    *page)
{
  gboolean landscape = page->landscape;
  double w, h, left = margin_left (landscape), width = body_width (landscape), mark_w = 0;
  double line_y = margin_top (landscape) - 14;
  g_autoptr(PangoLayout) text = new_layout (flow, 7.5, FALSE, width, 'l');

  page_size (landscape, &w, &h);
  if (flow->mark && *flow->mark)
    {
      g_autoptr(PangoLayout) mark = new_layout (flow, 8, TRUE, -1, 'l');

      pango_layout_set_width (mark, -1);
      pango_layout_set_text (mark, flow->mark, -1);
      mark_w = text_width (mark, flow->mark);
      cairo_set_source_rgb (cr, 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0);
      show_at (cr, mark, left + width - mark_w, line_y - 13);
    }
  if (flow->header && *flow->header)
    {
      pango_layout_set_width (text, (int) ((width - mark_w - 12) * PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (text, flow->header, -1);
      set_grey (cr, 0.35);
      show_at (cr, text, left, line_y - 12);
    }
  cairo_save (cr);
  set_grey (cr, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, line_y);
  cairo_line_to (cr, left + width, line_y);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (flow->page_of && *flow->page_of)
    {
      g_autofree char *n = g_strdup_printf ("%u", index + 1);
      g_autofree char *m = g_strdup_printf ("%u", flow->pages->len);
      GString *footer = g_string_new (flow->page_of);

      g_string_replace (footer, "{n}", n, 0);
      g_string_replace (footer, "{m}", m, 0);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (text, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      pango_layout_set_text (text, footer->str, -1);
      set_grey (cr, 0.25);
      show_at (cr, text, left, h - margin_bottom (landscape) + 18);
      g_string_free (footer, TRUE);
    }
}

void
aimak_page_flow_draw_page (AimakPageFlow *flow,
                           guint          index,
                           cairo_t       *cr)
{
  const Page *page;
  double left;

  g_return_if_fail (index < flow->pages->len);
  page = g_ptr_array_index (flow->pages, index);
  left = margin_left (page->landscape);
  cairo_save (cr);
  for (guint i = 0; i < page->placed->len; i++)
    {
      const Placed *p = &g_array_index (page->placed, Placed, i);

      switch (p->item->kind)
        {
        case ITEM_TEXT:
          cairo_save (cr);
          if (p->from > 0 || p->to < p->item->height)
            {
              cairo_rectangle (cr, 0, p->y, 10000, p->to - p->from);
              cairo_clip (cr);
            }
          set_grey (cr, 0);
          show_at (cr, p->item->layout, left, p->y - p->from);
          cairo_restore (cr);
          break;
        case ITEM_ROW:
          draw_row (cr, p, left);
          break;
        case ITEM_CHART:
          aimak_bar_chart_draw (p->item->chart, cr, flow->context, left, p->y);
          break;
        default:
          break;
        }
    }
  draw_decorations (flow, cr, index, page);
  cairo_restore (cr);
}

/* ------------------------------------------------------------- the flow */

AimakPageFlow *
aimak_page_flow_new (const char *lang)
{
  AimakPageFlow *flow = g_new0 (AimakPageFlow, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* A font map of its own: the default one belongs to the thread that asks for it,
   * and the layout may be drawn in another thread than the one that built it. */
  flow->fontmap = pango_cairo_font_map_new ();
  flow->context = pango_font_map_create_context (flow->fontmap);
  pango_cairo_context_set_resolution (flow->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (flow->context, FALSE);
  pango_context_set_language (flow->context, pango_language_from_string (lang ? lang : "en"));
  flow->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  flow->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  flow->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_bar_chart_free);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  flow->pending = g_ptr_array_new ();
  flow->pending_levels = g_array_new (FALSE, FALSE, sizeof (int));
  flow->headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (flow->headings, (GDestroyNotify) heading_clear);
  start_page (flow, FALSE);
  return flow;
}

void
aimak_page_flow_free (AimakPageFlow *flow)
{
  if (flow == NULL)
    return;
  g_ptr_array_unref (flow->pages);
  g_ptr_array_unref (flow->pending);
  g_array_unref (flow->pending_levels);
  g_array_unref (flow->headings);
  g_ptr_array_unref (flow->items);
  g_ptr_array_unref (flow->tables);
  g_ptr_array_unref (flow->charts);
  g_object_unref (flow->context);
  g_object_unref (flow->fontmap);
  g_free (flow->header);
  g_free (flow->mark);
  g_free (flow->page_of);
  g_free (flow);
}

void
aimak_page_flow_set_decorations (AimakPageFlow *flow,
                                 const char    *header,
                                 const char    *mark,
                                 const char    *page_of)
{
  g_free (flow->header);
  g_free (flow->mark);
  g_free (flow->page_of);
  flow->header = g_strdup (header);
  flow->mark = g_strdup (mark);
  flow->page_of = g_strdup (page_of);
}

void
aimak_page_flow_finish (AimakPageFlow *flow)
{
  if (flow->table)
    aimak_page_flow_table_end (flow);
  if (flow->pending->len)
    ensure_room (flow, 0);
  /* A trailing empty page (a new_page() with nothing after it) is dropped. */
  if (page_empty (flow) && flow->pages->len > 1)
    g_ptr_array_set_size (flow->pages, flow->pages->len - 1);
  flow->finished = TRUE;
}

guint
aimak_page_flow_get_n_pages (AimakPageFlow *flow)
{
  return flow->pages->len;
}

void
aimak_page_flow_get_page_size (AimakPageFlow *flow,
                               guint          index,
                               double        *width,
                               double        *height)
{
  double w, h;

  g_return_if_fail (index < flow->pages->len);
  page_size (((Page *) g_ptr_array_index (flow->pages, index))->landscape, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

guint
aimak_page_flow_get_n_headings (AimakPageFlow *flow)
{
  return flow->headings->len;
}

void
aimak_page_flow_get_heading (AimakPageFlow *flow,
                             guint          index,
                             int           *level,
                             const char   **text,
                             guint         *page,
                             double        *y)
{
  const Heading *h;

  g_return_if_fail (index < flow->headings->len);
  h = &g_array_index (flow->headings, Heading, index);
  if (level)
    *level = h->level;
  if (text)
    *text = h->text;
  if (page)
    *page = h->page;
  if (y)
    *y = h->y;
}
