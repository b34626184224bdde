/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-cells.c — writing cells: every text, number, date, formula and link
 * of the workbook goes through here (widths, row heights, Excel's limits, the
 * Cover's notes), and the frame every sheet shares (title, headers, filter, print
 * setup). See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"

void
noted_free (gpointer data)
{
  Noted *n = data;

  g_free (n->where);
  g_free (n->what);
  g_free (n->why);
  g_free (n);
}

void
note_cell (GPtrArray  *list,
           const char *sheet,
           lxw_row_t   row,
           lxw_col_t   col,
           const char *what,
           const char *why)
{
  Noted *n = g_new0 (Noted, 1);
  char cell[16];

  lxw_rowcol_to_cell (cell, row, col);
  n->where = g_strdup_printf ("'%s'!%s", sheet, cell);
  n->what = g_strdup (what);
  n->why = g_strdup (why);
  g_ptr_array_add (list, n);
}

gboolean
set_lxw_error (Export     *x,
               lxw_error   err,
               const char *what)
{
  if (x->error == NULL)
    g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                 _("Could not write the workbook (%s): %s"), what, lxw_strerror (err));
  return FALSE;
}

gboolean
check (Export     *x,
       lxw_error   err,
       const char *what)
{
  return err == LXW_NO_ERROR ? TRUE : set_lxw_error (x, err, what);
}

gboolean
set_null_error (Export     *x,
                const char *what)
{
  if (x->error == NULL)
    g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                 _("Could not write the workbook (%s): out of memory or invalid name"), what);
  return FALSE;
}

static gboolean
cell_failed (Export    *x,
             Sheet     *s,
             lxw_row_t  row,
             lxw_col_t  col,
             lxw_error  err)
{
  char cell[16];

  if (x->error == NULL)
    {
      lxw_rowcol_to_cell (cell, row, col);
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Could not write cell %s of the sheet “%s”: %s"),
                   cell, s->name, lxw_strerror (err));
    }
  return FALSE;
}

static void
note_width (Sheet     *s,
            lxw_col_t  col,
            guint      chars)
{
  if (col < MAX_COLS && chars > s->width[col])
    s->width[col] = MIN (chars, G_MAXUINT16);
}

/* Characters of the longest line of @text, counting no further than @cap. */
static guint
text_width (const char *text,
            guint       cap)
{
  guint line = 0, widest = 0;

  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if (*p == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else if ((*p & 0xC0) != 0x80)
        {
          if (++line >= cap)
            return cap;
        }
    }
  return MAX (widest, line);
}

/* Lines that @text takes when wrapped at @width characters. */
static guint
wrapped_lines (const char *text,
               guint       width)
{
  guint lines = 0, line = 0;

  width = MAX (width, 4);
  for (const guchar *p = (const guchar *) text; ; p++)
    {
      if (*p == '\n' || *p == '\0')
        {
          lines += MAX (1, (line + width - 1) / width);
          line = 0;
          if (*p == '\0')
            break;
        }
      else if ((*p & 0xC0) != 0x80)
        line++;
    }
  return lines;
}

/* Row heights for wrapped text. Excel fits them when it opens a file but other
 * spreadsheets do not, so Aimak sets them; and in constant_memory mode a row's height
 * has to be set before the next row is started, which is why every cell writer calls
 * this first. */
static gboolean
flush_height (Export    *x,
              Sheet     *s,
              lxw_row_t  row)
{
  lxw_error err;

  if (row == s->height_row)
    return TRUE;
  if (s->lines > 1)
    {
      err = worksheet_set_row (s->ws, s->height_row, MIN (LINE_HEIGHT * s->lines, 409), NULL);
      if (err != LXW_NO_ERROR)
        return set_lxw_error (x, err, s->name);
    }
  s->height_row = row;
  s->lines = 1;
  return TRUE;
}

/* Length of @text in UTF-16 code units, which is how Excel counts a cell's characters
 * (a character outside the Basic Multilingual Plane, such as an emoji, counts 2). */
static gsize
utf16_units (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
  return n;
}

/* @text cut so that with @mark it takes at most @limit UTF-16 units; the cut
 * falls between characters, so a surrogate pair is never split. */
static char *
cut_text (const char *text,
          const char *mark,
          gsize       limit)
{
  gsize budget = limit - utf16_units (mark);
  gsize n = 0;
  const char *p = text;
  g_autofree char *kept = NULL;

  while (*p)
    {
      gsize w = g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
      if (n + w > budget)
        break;
      n += w;
      p = g_utf8_next_char (p);
    }
  kept = g_strndup (text, p - text);
  return g_strconcat (kept, mark, NULL);
}

/* The file format writes characters that XML cannot hold as "_xHHHH_", so a reader
 * turns a literal "_x000D_" that a planner typed into a line break. Such literals are
 * escaped the way Excel does: the leading "_" becomes "_x005F_". NULL when @text has
 * none. */
static char *
escape_ooxml_literals (const char *text)
{
  GString *out = NULL;
  const char *start = text;

  if (strchr (text, '_') == NULL)
    return NULL;
  for (const char *p = strstr (text, "_x"); p; p = strstr (p + 1, "_x"))
    {
      if (g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) &&
          g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          if (out == NULL)
            out = g_string_new (NULL);
          g_string_append_len (out, start, p - start);
          g_string_append (out, "_x005F");
          start = p;
        }
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, start);
  return g_string_free (out, FALSE);
}

/* Every text cell goes through here: written as a string whatever it looks like, so
 * a title starting with "=" or "+" stays text. Invalid UTF-8 is repaired; a text
 * over Excel's limit is cut at the limit with a visible mark and listed on the Cover
 * rather than failing the export or being cut silently. */
gboolean
cell_string (Export     *x,
             Sheet      *s,
             lxw_row_t   row,
             lxw_col_t   col,
             const char *text,
             lxw_format *format)
{
  g_autofree char *fixed = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *escaped = NULL;
  size_t len;
  lxw_error err;

  if (text == NULL || *text == '\0')
    return TRUE;
  TRY (flush_height (x, s, row));
  len = strlen (text);
  if (!g_utf8_validate (text, len, NULL))
    {
      fixed = g_utf8_make_valid (text, len);
      text = fixed;
      len = strlen (text);
    }
  /* A UTF-8 byte count at or under the limit cannot be over it in UTF-16 units. The
   * escapes of literal "_xHHHH_" count against libxlsxwriter's limit (not Excel's), so
   * a text they push over it is cut a little further. */
  {
    const char *whole = text;
    gsize limit = CELL_CHARS_MAX;

    for (;;)
      {
        glong n;

        if (len > limit && utf16_units (whole) > limit)
          {
            g_free (cut);
            cut = cut_text (whole, aimak_export_string (x->lang, AIMAK_XS_CUT_MARK), limit);
            text = cut;
          }
        g_free (escaped);
        escaped = escape_ooxml_literals (text);
        /* Characters never outnumber bytes: a short text needs no counting. */
        if (escaped == NULL && cut == NULL && len <= CELL_CHARS_MAX)
          break;
        n = g_utf8_strlen (escaped ? escaped : text, -1);
        if (n <= CELL_CHARS_MAX || limit < 1000)
          break;
        limit -= n - CELL_CHARS_MAX;
      }
    len = strlen (text);
    if (cut && x->cut)
      note_cell (x->cut, s->name, row, col,
                 col < MAX_COLS && s->header[col] ? s->header[col] : "",
                 aimak_export_string (x->lang, AIMAK_XS_NOTE_CUT));
  }
  err = worksheet_write_string (s->ws, row, col, escaped ? escaped : text, format);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_strings++;
  x->stats.string_bytes += len;
  if (col < MAX_COLS)
    {
      note_width (s, col, text_width (text, s->cap[col]));
      /* A column's final width is the widest text up to its cap, so wrapping at the
       * cap counts the lines the text will really take. */
      if (format == x->f_wrap)
        s->lines = MAX (s->lines, wrapped_lines (text, s->fixed[col] ? s->fixed[col]
                                                                      : s->cap[col]));
    }
  return TRUE;
}

static guint
number_width (double value)
{
  double a = fabs (value);
  guint digits = a < 10 ? 1 : (guint) floor (log10 (a)) + 1;

  /* digits, thousands separators, sign, two decimals, currency */
  return MIN (digits + digits / 3 + 3, 24);
}

/* NaN = no value: the cell stays empty. An infinite value is no figure either and
 * would make the file unreadable to Excel, so it is never written. */
gboolean
cell_number (Export     *x,
             Sheet      *s,
             lxw_row_t   row,
             lxw_col_t   col,
             double      value,
             lxw_format *format)
{
  lxw_error err;

  if (!isfinite (value))
    return TRUE;
  TRY (flush_height (x, s, row));
  err = worksheet_write_number (s->ws, row, col, value, format);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_numbers++;
  note_width (s, col, number_width (value));
  return TRUE;
}

/* A "YYYY-MM-DD" (optionally followed by a time) as a real Excel date; anything that
 * is not a valid date is kept as the text it is, never dropped. */
gboolean
cell_date (Export     *x,
           Sheet      *s,
           lxw_row_t   row,
           lxw_col_t   col,
           const char *iso,
           lxw_format *format)
{
  int y, m, d;
  lxw_datetime dt = { 0 };
  lxw_error err;

  if (iso == NULL || *iso == '\0')
    return TRUE;
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900 || y > 9999 ||
      !g_date_valid_dmy (d, m, y))
    return cell_string (x, s, row, col, iso, x->f_text);
  TRY (flush_height (x, s, row));
  dt.year = y;
  dt.month = m;
  dt.day = d;
  err = worksheet_write_datetime (s->ws, row, col, &dt, format);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_numbers++;
  note_width (s, col, 11);
  return TRUE;
}

gboolean
cell_formula (Export     *x,
              Sheet      *s,
              lxw_row_t   row,
              lxw_col_t   col,
              const char *formula,
              double      cached,
              lxw_format *format)
{
  lxw_error err;

  TRY (flush_height (x, s, row));
  err = worksheet_write_formula_num (s->ws, row, col, formula, format,
                                     isfinite (cached) ? cached : 0);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_formulas++;
  note_width (s, col, isfinite (cached) ? number_width (cached) : 6);
  return TRUE;
}

/* A share as a percentage: @formula with @numerator / @denominator cached, or an
 * empty text when @denominator is 0 (where the formula's IF shows nothing too). */
gboolean
cell_share (Export     *x,
            Sheet      *s,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *formula,
            double      numerator,
            double      denominator)
{
  lxw_error err;

  if (denominator > 0)
    return cell_formula (x, s, row, col, formula, numerator / denominator, x->f_percent);
  TRY (flush_height (x, s, row));
  err = worksheet_write_formula_str (s->ws, row, col, formula, x->f_percent, "");
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_formulas++;
  return TRUE;
}

/* The SUM of the data rows (FIRST_DATA_ROW to @last_data) of column @col, written
 * at @row of that column with @cached as its value. */
gboolean
cell_column_sum (Export     *x,
                 Sheet      *s,
                 lxw_row_t   row,
                 lxw_col_t   col,
                 lxw_row_t   last_data,
                 double      cached,
                 lxw_format *format)
{
  char first[16], last[16], formula[48];

  lxw_rowcol_to_cell (first, FIRST_DATA_ROW, col);
  lxw_rowcol_to_cell (last, last_data, col);
  g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", first, last);
  return cell_formula (x, s, row, col, formula, cached, format);
}

gboolean
cell_link (Export     *x,
           Sheet      *s,
           lxw_row_t   row,
           lxw_col_t   col,
           const char *sheet_name,
           const char *text)
{
  g_autofree char *url = g_strdup_printf ("internal:'%s'!A1", sheet_name);
  lxw_error err;

  TRY (flush_height (x, s, row));
  err = worksheet_write_url_opt (s->ws, row, col, url, NULL, text, NULL);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_strings++;
  note_width (s, col, text_width (text, WIDTH_CAP_TEXT));
  return TRUE;
}

/* For an aimak_db_foreach() row function whose cell writer failed: hands the error
 * it left in x->error to the loop, which stops and hands it back. */
gboolean
row_failed (Export  *x,
            GError **error)
{
  if (x->error == NULL)
    g_set_error_literal (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                         _("The workbook could not be written."));
  g_propagate_error (error, g_steal_pointer (&x->error));
  return FALSE;
}

typedef struct
{
  Export       *x;
  SheetRowFunc  write;
  gpointer      data;
} SheetRows;

static gboolean
sheet_row (AimakStmt  *st,
           gpointer    user_data,
           GError    **error)
{
  SheetRows *rows = user_data;

  return rows->write (rows->data, st) || row_failed (rows->x, error);
}

gboolean
sheet_rows (Export       *x,
            const char   *sql,
            SheetRowFunc  write,
            gpointer      data)
{
  SheetRows rows = { x, write, data };

  return aimak_db_foreach (x->db, &x->error, sheet_row, &rows, sql, "t", x->scope_json);
}

void
report (Export *x,
        double  fraction)
{
  if (x->progress == NULL)
    return;
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction < 1.0 && fraction - x->reported < 0.005)
    return;
  x->reported = fraction;
  x->progress (fraction, x->progress_data);
}

/* Called once per row: checks for cancellation and moves the progress bar. Writing the
 * rows is 90 % of the work; libxlsxwriter's closing (zipping) the rest. */
gboolean
row_done (Export *x)
{
  if (g_cancellable_set_error_if_cancelled (x->cancellable, &x->error))
    return FALSE;
  x->work_done++;
  if ((x->work_done & 63) == 0 && x->work_total > 0)
    report (x, 0.9 * (double) x->work_done / (double) x->work_total);
  return TRUE;
}

gboolean
sheet_title (Export           *x,
             Sheet            *s,
             AimakExportString title)
{
  lxw_error err = worksheet_set_row (s->ws, 0, 21, NULL);

  TRY (check (x, err, s->name));
  return cell_string (x, s, 0, 0, aimak_export_string (x->lang, title), x->f_title);
}

/* The header row: bold, wrapped, as high as its longest header needs. With @write
 * FALSE only the widths and the height are set (an Excel table writes its own header
 * cells). Columns with a fixed width must have it before this is called. */
gboolean
sheet_headers (Export            *x,
               Sheet             *s,
               const char * const *headers,
               guint              n,
               gboolean           write)
{
  guint lines = 1;

  s->n_cols = n;
  for (guint c = 0; c < n && c < MAX_COLS; c++)
    {
      guint width = s->fixed[c] ? s->fixed[c] : MIN (HEADER_WIDTH, s->cap[c]);

      /* Bold text is wider: count a little less per line. */
      lines = MAX (lines, wrapped_lines (headers[c], MAX (width * 9 / 10, 4)));
      if (write && !cell_string (x, s, 1, c, headers[c], x->f_header))
        return FALSE;
      s->header[c] = g_intern_string (headers[c]);
      /* Headers wrap, so a long header does not make its column wide on its own. */
      s->width[c] = MIN (text_width (headers[c], WIDTH_CAP_TEXT), HEADER_WIDTH);
    }
  if (lines > 1)
    TRY (check (x, worksheet_set_row (s->ws, 1, MIN (LINE_HEIGHT * lines, 409), NULL),
                s->name));
  return TRUE;
}

/* The autofilter over the header and the data rows. In constant_memory mode it has to
 * be set before any row below @last_row is written (libxlsxwriter refuses ranges that
 * end above the row it is writing), so each sheet calls this right after its data. */
gboolean
sheet_filter (Export    *x,
              Sheet     *s,
              lxw_row_t  last_row)
{
  return check (x, worksheet_autofilter (s->ws, FIRST_DATA_ROW - 1, 0,
                                         MAX (last_row, FIRST_DATA_ROW), s->n_cols - 1),
                s->name);
}

/* Notes below a sheet's data, one a row from @row down in column @col. They run
 * across the empty cells to their right: they do not widen the column. */
gboolean
sheet_notes (Export                  *x,
             Sheet                   *s,
             lxw_row_t                row,
             lxw_col_t                col,
             const AimakExportString *notes,
             guint                    n)
{
  guint16 width = s->width[col];

  for (guint i = 0; i < n; i++)
    TRY (cell_string (x, s, row + i, col, aimak_export_string (x->lang, notes[i]), x->f_text));
  s->width[col] = width;
  return TRUE;
}

/* Print setup, frozen header and column widths: the same for every sheet. */
gboolean
sheet_finish (Export    *x,
              Sheet     *s,
              lxw_row_t  print_last_row,
              lxw_col_t  print_last_col)
{
  worksheet_freeze_panes (s->ws, FIRST_DATA_ROW, 0);
  TRY (flush_height (x, s, G_MAXUINT32));
  for (guint c = 0; c < s->n_cols && c < MAX_COLS; c++)
    {
      double width = s->fixed[c] ? s->fixed[c] : CLAMP (s->width[c], 6, s->cap[c]) + 1.5;
      TRY (check (x, worksheet_set_column (s->ws, c, c, width, NULL), s->name));
    }
  worksheet_set_landscape (s->ws);
  worksheet_set_paper (s->ws, 9);   /* A4 */
  worksheet_fit_to_pages (s->ws, 1, 0);
  TRY (check (x, worksheet_repeat_rows (s->ws, 0, FIRST_DATA_ROW - 1), s->name));
  TRY (check (x, worksheet_print_area (s->ws, 0, 0, MAX (print_last_row, FIRST_DATA_ROW),
                                       MAX (print_last_col, s->n_cols ? s->n_cols - 1 : 0)),
              s->name));
  TRY (check (x, worksheet_set_footer (s->ws, x->footer), s->name));
  return TRUE;
}
