/* aimak-export.c — the Excel workbook for ministries (DESIGN.md "Excel workbook").
 *
 * How it is written, and why:
 * - The database is read in one read transaction with one query per sheet (the
 *   priorities query feeds the Priorities and the Alignment sheets together), so a
 *   workbook is a consistent snapshot and 100,000 priorities need one pass.
 * - Rows are written strictly in order, so the same code runs in libxlsxwriter's
 *   constant_memory mode, which large workbooks need to stay within a flat memory
 *   budget. That mode cannot write Excel table objects; the priorities then carry a
 *   plain autofilter (said on the cover). Small workbooks get the real table.
 * - Figures that Excel recomputes (totals, SUMIFS, shares) are formulas with the
 *   value Aimak computed cached beside them, so viewers that do not recalculate show
 *   the same numbers as the Summary view.
 * - The file goes to a temporary name in the target folder and is renamed over the
 *   target only after libxlsxwriter closed it without error.
 * - libxlsxwriter formats numbers with snprintf, which follows LC_NUMERIC: the export
 *   switches this thread to the C numeric locale, or a Russian desktop would write
 *   "3,5" into the XML and break the file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "aimak-area.h"
#include "aimak-export.h"
#include "aimak-export-strings.h"
#include "aimak-file-safety.h"
#include "aimak-indicator.h"
#include "aimak-lang.h"
#include "aimak-summary.h"
#include "aimak-db-private.h"

G_DEFINE_QUARK (aimak-export-error-quark, aimak_export_error)

/* About 100 bytes per cell in libxlsxwriter's normal mode: 400,000 cells stay well
 * under 100 MB, and any real programme (tens of priorities per ayil aimak) fits. */
static guint64 memory_limit = 400000;

#define MAX_COLS        64
#define CELL_CHARS_MAX  32767   /* Excel's limit for one cell */
#define WIDTH_CAP_TEXT  44
#define WIDTH_CAP_WRAP  36
#define HEADER_WIDTH    14      /* headers wrap at this width unless the column is wider */
#define LINE_HEIGHT     15.0    /* points per line of Calibri 11 */
#define FIRST_DATA_ROW  2       /* row 0 title, row 1 header */
#define CHART_MAX_ROWS  25

enum
{
  SHEET_COVER,
  SHEET_PROFILE,
  SHEET_PRIORITIES,
  SHEET_INDICATORS,
  SHEET_CAPACITY,
  SHEET_BUDGET,
  SHEET_ALIGNMENT,
  N_SHEETS
};

/* Columns of the Priorities sheet; the gender budget's SUMIFS refer to them. */
enum
{
  PC_RANK, PC_AREA, PC_PCODE, PC_TITLE, PC_SECTOR, PC_TARGET_GROUPS, PC_MARKER,
  PC_JUSTIFICATION, PC_GCM, PC_SDG, PC_BUDGET, PC_FUNDING, PC_RESPONSIBLE, PC_PARTNERS,
  PC_START, PC_END, PC_STATUS, PC_HEARING_DATE, PC_HEARING_F, PC_HEARING_M,
  PC_DECISION_NO, PC_DECISION_DATE, PC_DEMO, PC_PROBLEM, PC_DESCRIPTION, PC_N
  /* then one column per gender checklist item (PC_N + item index) */
};

static const AimakExportString priority_headers[PC_N] = {
  AIMAK_XS_COL_RANK, AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_TITLE,
  AIMAK_XS_COL_SECTOR, AIMAK_XS_COL_TARGET_GROUPS, AIMAK_XS_COL_MARKER,
  AIMAK_XS_COL_JUSTIFICATION, AIMAK_XS_COL_GCM, AIMAK_XS_COL_SDG, AIMAK_XS_COL_BUDGET,
  AIMAK_XS_COL_FUNDING, AIMAK_XS_COL_RESPONSIBLE, AIMAK_XS_COL_PARTNERS,
  AIMAK_XS_COL_START_YEAR, AIMAK_XS_COL_END_YEAR, AIMAK_XS_COL_STATUS,
  AIMAK_XS_COL_HEARING_DATE, AIMAK_XS_COL_HEARING_WOMEN, AIMAK_XS_COL_HEARING_MEN,
  AIMAK_XS_COL_DECISION_NO, AIMAK_XS_COL_DECISION_DATE, AIMAK_XS_COL_DEMO,
  AIMAK_XS_COL_PROBLEM, AIMAK_XS_COL_DESCRIPTION,
};

typedef struct
{
  lxw_worksheet *ws;
  const char    *name;
  guint          n_cols;
  lxw_row_t      last_row;             /* last row written */
  guint16        width[MAX_COLS];      /* widest content seen, in characters */
  guint16        cap[MAX_COLS];        /* widest a column may get; wrapped text wraps here */
  guint16        fixed[MAX_COLS];      /* a width set in advance, 0 = fit the content */
  lxw_row_t      height_row;           /* the row whose wrapped lines are being counted */
  guint          lines;
  const char    *header[MAX_COLS];     /* column headers, for the Cover's list of cut texts */
} Sheet;

typedef struct
{
  char *code;
  char *name;
  char *definition;
  guint index;
} Code;

typedef struct
{
  GPtrArray  *list;      /* Code *, in list order */
  GHashTable *by_code;   /* code → Code * */
} CodeList;

typedef struct
{
  char *name;
  int   level;
} AreaInfo;

/* The codes linked to one priority, each list joined by \x1f; checklist entries are
 * "item\x1eanswer". */
typedef struct
{
  char *groups;
  char *gcm;
  char *sdg;
  char *checklist;
} Links;

typedef struct
{
  AimakDb              *db;
  const char           *lang;
  const AimakScope     *scope;
  gboolean              suppress_small;
  int                   threshold;
  char                 *scope_json;     /* JSON array of area codes; NULL = every area */
  char                 *scope_label;
  char                 *scope_note;
  GDateTime            *now;
  char                 *footer;

  lxw_workbook         *wb;
  gboolean              constant_memory;
  Sheet                 sheets[N_SHEETS];

  /* Formats, created once per workbook */
  lxw_format           *f_title, *f_header, *f_text, *f_wrap, *f_int, *f_count, *f_number,
                       *f_kgs, *f_date, *f_percent, *f_check, *f_bold, *f_total_label,
                       *f_total_count, *f_total_kgs, *f_total_number, *f_suppressed;

  /* Code lists in the workbook language */
  CodeList              sectors, target_groups, gcm, sdg, statuses, funding, roles,
                        activity_types, markers, checklist;
  GPtrArray            *priority_headers; /* char *, the Priorities sheet's headers */
  GHashTable           *areas;          /* code → AreaInfo * */
  GHashTable           *links;          /* priority id → Links * */

  /* Progress and cancellation */
  GCancellable         *cancellable;
  AimakExportProgress   progress;
  gpointer              progress_data;
  guint64               work_total;
  guint64               work_done;
  double                reported;

  /* What the sheets found, for the cover and the gender budget */
  guint                 n_priorities;
  guint                 n_activities;
  int                   first_year;
  int                   last_year;
  gboolean              has_demo;
  GPtrArray            *sources;        /* char *, first-seen order */
  GHashTable           *source_set;
  double                budget_marker[3];   /* rejected priorities excluded */
  double                budget_adopted;     /* approved, in progress, completed */
  double                gender_adopted;     /* the same with marker 1–2 */
  double               *budget_funding; /* per funding source, then "none" last */
  lxw_row_t             priorities_last_row;
  gboolean              status_list_by_name;

  GPtrArray            *hidden;         /* Noted *: cells hidden on the Profile sheet */
  GPtrArray            *cut;            /* Noted *: texts cut at Excel's cell limit */

  AimakExportStats      stats;
  GError               *error;
} Export;

/* A cell the Cover lists: where it is, what it holds, why it is as it is. */
typedef struct
{
  char *where;   /* "'Profile'!H5" */
  char *what;
  char *why;
} Noted;

static void
noted_free (gpointer data)
{
  Noted *n = data;

  g_free (n->where);
  g_free (n->what);
  g_free (n->why);
  g_free (n);
}

static void
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

/* ---------------------------------------------------------------- helpers */

static void
code_free (gpointer data)
{
  Code *c = data;

  g_free (c->code);
  g_free (c->name);
  g_free (c->definition);
  g_free (c);
}

static void
area_info_free (gpointer data)
{
  AreaInfo *a = data;

  g_free (a->name);
  g_free (a);
}

static void
links_free (gpointer data)
{
  Links *l = data;

  g_free (l->groups);
  g_free (l->gcm);
  g_free (l->sdg);
  g_free (l->checklist);
  g_free (l);
}

static void
code_list_clear (CodeList *cl)
{
  g_clear_pointer (&cl->by_code, g_hash_table_unref);
  g_clear_pointer (&cl->list, g_ptr_array_unref);
}

static const char *
code_name (CodeList   *cl,
           const char *code)
{
  Code *c;

  if (code == NULL || *code == '\0')
    return "";
  c = g_hash_table_lookup (cl->by_code, code);
  /* A code missing from its list (a user-extended database) still shows something. */
  return c ? c->name : code;
}

static gboolean
set_lxw_error (Export     *x,
               lxw_error   err,
               const char *what)
{
  if (x->error == NULL)
    g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                 _("Could not write the workbook (%s): %s"), what, lxw_strerror (err));
  return FALSE;
}

static gboolean
check (Export     *x,
       lxw_error   err,
       const char *what)
{
  return err == LXW_NO_ERROR ? TRUE : set_lxw_error (x, err, what);
}

static gboolean
set_null_error (Export     *x,
                const char *what)
{
  if (x->error == NULL)
    g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                 _("Could not write the workbook (%s): out of memory or invalid name"), what);
  return FALSE;
}

#define TRY(expr) G_STMT_START { if (!(expr)) return FALSE; } G_STMT_END

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
static gboolean
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
static gboolean
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
static gboolean
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

static gboolean
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

static gboolean
cell_formula_str (Export     *x,
                  Sheet      *s,
                  lxw_row_t   row,
                  lxw_col_t   col,
                  const char *formula,
                  const char *cached,
                  lxw_format *format)
{
  lxw_error err;

  TRY (flush_height (x, s, row));
  err = worksheet_write_formula_str (s->ws, row, col, formula, format, cached);
  if (err != LXW_NO_ERROR)
    return cell_failed (x, s, row, col, err);
  x->stats.n_formulas++;
  return TRUE;
}

static gboolean
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

static void
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
static gboolean
row_done (Export *x)
{
  if (g_cancellable_set_error_if_cancelled (x->cancellable, &x->error))
    return FALSE;
  x->work_done++;
  if ((x->work_done & 63) == 0 && x->work_total > 0)
    report (x, 0.9 * (double) x->work_done / (double) x->work_total);
  return TRUE;
}

/* A total of women and men only means something for counts: two percentages or two
 * average incomes do not add up. Units are free text, so this knows the usual words
 * for counted things in the three languages; an empty unit is taken as a count. */
static gboolean
is_count_unit (const char *unit)
{
  static const char * const words[] = {
    "person", "people", "household", "participant", "number", "count", "pcs",
    "чел", "домохоз", "хозяйств", "участник", "число", "семей", "семьи", "шт",
    "адам", "үй-бүлө", "үй чарба", "катышуучу", "саны", "даана",
  };
  g_autofree char *folded = NULL;

  if (unit == NULL || *unit == '\0')
    return TRUE;
  if (strchr (unit, '%'))
    return FALSE;
  folded = g_utf8_casefold (unit, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* Codes joined by \x1f, shown by name in list order, separated by "; ". */
static char *
join_names (CodeList   *cl,
            const char *codes,
            gboolean    with_code)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GString *out;

  if (codes == NULL || *codes == '\0')
    return NULL;
  parts = g_strsplit (codes, "\x1f", -1);
  found = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    {
      Code *c = g_hash_table_lookup (cl->by_code, parts[i]);
      if (c)
        g_ptr_array_add (found, c);
    }
  /* Sorted by position in the code list, not by the code's text ("10" after "9"). */
  for (guint i = 1; i < found->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Code *a = g_ptr_array_index (found, j - 1), *b = g_ptr_array_index (found, j);
        if (a->index <= b->index)
          break;
        found->pdata[j - 1] = b;
        found->pdata[j] = a;
      }
  out = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      Code *c = g_ptr_array_index (found, i);
      if (out->len)
        g_string_append (out, "; ");
      if (with_code)
        g_string_append_printf (out, "%s %s", c->code, c->name);
      else
        g_string_append (out, c->name);
    }
  /* Codes that are not in the list are kept rather than silently lost. */
  for (guint i = 0; parts[i]; i++)
    if (!g_hash_table_contains (cl->by_code, parts[i]))
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", parts[i]);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------ reading lists */

static gboolean
load_codes (Export     *x,
            CodeList   *cl,
            const char *sql,
            gboolean    with_definition)
{
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  cl->list = g_ptr_array_new_with_free_func (code_free);
  cl->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  st = aimak_db_prepare (x->db, &x->error, sql, NULL);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      Code *c = g_new0 (Code, 1);

      c->code = g_strdup (aimak_stmt_text (st, 0));
      c->name = g_strdup (aimak_lang_pick (x->lang, aimak_stmt_text (st, 1),
                                           aimak_stmt_text (st, 2), aimak_stmt_text (st, 3)));
      if (*c->name == '\0')
        {
          g_free (c->name);
          c->name = g_strdup (c->code);   /* never an empty header */
        }
      if (with_definition)
        c->definition = g_strdup (aimak_lang_pick (x->lang, aimak_stmt_text (st, 4),
                                                   aimak_stmt_text (st, 5),
                                                   aimak_stmt_text (st, 6)));
      c->index = cl->list->len;
      g_ptr_array_add (cl->list, c);
      g_hash_table_insert (cl->by_code, c->code, c);
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_lists (Export *x)
{
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

#define LIST(table) "SELECT code, name_en, name_ru, name_ky FROM " table " ORDER BY sort, code"
  TRY (load_codes (x, &x->sectors, LIST ("sector"), FALSE));
  TRY (load_codes (x, &x->target_groups, LIST ("target_group"), FALSE));
  TRY (load_codes (x, &x->gcm, LIST ("gcm_objective"), FALSE));
  TRY (load_codes (x, &x->sdg, LIST ("sdg_target"), FALSE));
  TRY (load_codes (x, &x->statuses, LIST ("status"), FALSE));
  TRY (load_codes (x, &x->funding, LIST ("funding_source"), FALSE));
  TRY (load_codes (x, &x->roles, LIST ("role"), FALSE));
  TRY (load_codes (x, &x->activity_types, LIST ("activity_type"), FALSE));
  TRY (load_codes (x, &x->checklist, LIST ("checklist_item"), FALSE));
#undef LIST
  TRY (load_codes (x, &x->markers,
                   "SELECT code, name_en, name_ru, name_ky, definition_en, definition_ru, "
                   "definition_ky FROM gender_marker ORDER BY code", TRUE));

  x->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, area_info_free);
  st = aimak_db_prepare (x->db, &x->error,
                         "SELECT code, name_en, name_ru, name_ky, level FROM area", NULL);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      AreaInfo *a = g_new0 (AreaInfo, 1);

      a->name = g_strdup (aimak_lang_pick (x->lang, aimak_stmt_text (st, 1),
                                           aimak_stmt_text (st, 2), aimak_stmt_text (st, 3)));
      a->level = sqlite3_column_int (st, 4);
      g_hash_table_insert (x->areas, g_strdup (aimak_stmt_text (st, 0)), a);
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  x->budget_funding = g_new0 (double, x->funding.list->len + 1);
  return TRUE;
}

static const char *
area_name (Export     *x,
           const char *code)
{
  AreaInfo *a = g_hash_table_lookup (x->areas, code);

  return a && *a->name ? a->name : code;
}

static gboolean
resolve_scope (Export *x)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  switch (x->scope->kind)
    {
    case AIMAK_SCOPE_AREA:
      if (x->scope->area_code == NULL || !g_hash_table_contains (x->areas, x->scope->area_code))
        {
          g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID,
                       _("There is no area with the code “%s”."),
                       x->scope->area_code ? x->scope->area_code : "");
          return FALSE;
        }
      x->scope_label = g_strdup (area_name (x, x->scope->area_code));
      x->scope_note = g_strdup (x->scope->area_code);
      break;
    case AIMAK_SCOPE_PILOTS:
      {
        g_autoptr(AimakStmt) st = NULL;
        g_autoptr(GString) names = g_string_new (NULL);
        GError *local_error = NULL;

        x->scope_label = g_strdup (aimak_export_string (x->lang, AIMAK_XS_SCOPE_PILOTS));
        st = aimak_db_prepare (x->db, &x->error,
                               "SELECT code FROM area WHERE is_pilot = 1 ORDER BY code", NULL);
        if (st == NULL)
          return FALSE;
        while (aimak_stmt_next (st, &local_error))
          g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                                  area_name (x, aimak_stmt_text (st, 0)));
        if (local_error)
          {
            g_propagate_error (&x->error, local_error);
            return FALSE;
          }
        x->scope_note = g_string_free (g_steal_pointer (&names), FALSE);
      }
      break;
    case AIMAK_SCOPE_ALL:
    default:
      x->scope_label = g_strdup (aimak_export_string (x->lang, AIMAK_XS_SCOPE_ALL));
      x->scope_note = NULL;
      return TRUE;   /* no filter at all */
    }

  codes = aimak_scope_area_codes (x->db, x->scope, &x->error);
  if (codes == NULL)
    return FALSE;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < codes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (codes, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  x->scope_json = json_generator_to_data (generator, NULL);
  return TRUE;
}

#define IN_SCOPE(col) "(?1 IS NULL OR " col " IN (SELECT value FROM json_each(?1)))"

static gboolean
count_work (Export *x)
{
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  st = aimak_db_prepare (x->db, &x->error,
                         "SELECT "
                         " (SELECT count(*) FROM priority p WHERE p.deleted_at IS NULL AND "
                         IN_SCOPE ("p.area_code") "),"
                         " (SELECT count(*) FROM priority_indicator pi JOIN priority p ON "
                         "  p.id = pi.priority_id WHERE p.deleted_at IS NULL AND "
                         IN_SCOPE ("p.area_code") "),"
                         " (SELECT count(*) FROM activity a WHERE a.deleted_at IS NULL AND "
                         IN_SCOPE ("a.area_code") "),"
                         " (SELECT count(*) FROM indicator_value v WHERE v.deleted_at IS NULL AND "
                         IN_SCOPE ("v.area_code") ")",
                         "t", x->scope_json);
  if (st == NULL)
    return FALSE;
  if (!aimak_stmt_next (st, &local_error))
    {
      if (local_error)
        g_propagate_error (&x->error, local_error);
      return local_error == NULL;
    }
  {
    gint64 n_pri = sqlite3_column_int64 (st, 0);
    gint64 n_ind = sqlite3_column_int64 (st, 1);
    gint64 n_act = sqlite3_column_int64 (st, 2);
    gint64 n_val = sqlite3_column_int64 (st, 3);
    guint64 cells = (guint64) n_pri * (PC_N + 8) + (guint64) n_ind * 14 +
                    (guint64) n_act * (12 + 2 * x->roles.list->len) + (guint64) n_val * 3;

    x->work_total = (guint64) (n_pri + n_ind + n_act) + (guint64) n_val / 3 + 1;
    x->constant_memory = cells > memory_limit;
  }
  return TRUE;
}

/* Target groups, GCM objectives and SDG targets of every priority in scope, read
 * with one scan of each link table. A subquery per priority would seek the three
 * tables 300,000 times for 100,000 priorities, comparing text keys each time. */
static gboolean
load_links (Export *x)
{
  static const char * const sql[] = {
    "SELECT priority_id, group_code FROM priority_target_group",
    "SELECT priority_id, objective_code FROM priority_gcm",
    "SELECT priority_id, target_code FROM priority_sdg",
    "SELECT priority_id, item_code || char(30) || answer FROM priority_checklist",
  };

  x->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, links_free);
  for (guint t = 0; t < G_N_ELEMENTS (sql); t++)
    {
      g_autofree char *query = g_strconcat (sql[t],
                                            " WHERE ?1 IS NULL OR priority_id IN"
                                            " (SELECT id FROM priority WHERE area_code IN"
                                            "  (SELECT value FROM json_each(?1)))", NULL);
      g_autoptr(AimakStmt) st = aimak_db_prepare (x->db, &x->error, query, "t", x->scope_json);
      GError *local_error = NULL;

      if (st == NULL)
        return FALSE;
      while (aimak_stmt_next (st, &local_error))
        {
          const char *id = aimak_stmt_text (st, 0);
          const char *code = aimak_stmt_text (st, 1);
          Links *l = g_hash_table_lookup (x->links, id);
          char **field;

          if (l == NULL)
            {
              l = g_new0 (Links, 1);
              g_hash_table_insert (x->links, g_strdup (id), l);
            }
          field = t == 0 ? &l->groups : t == 1 ? &l->gcm : t == 2 ? &l->sdg : &l->checklist;
          if (*field == NULL)
            *field = g_strdup (code);
          else
            {
              char *joined = g_strconcat (*field, "\x1f", code, NULL);
              g_free (*field);
              *field = joined;
            }
        }
      if (local_error)
        {
          g_propagate_error (&x->error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------- sheets, formats */

static gboolean
create_formats (Export *x)
{
  lxw_workbook *wb = x->wb;
  g_autofree char *kgs = g_strdup_printf ("#,##0\" %s\"",
                                          aimak_export_string (x->lang, AIMAK_XS_CURRENCY));
  const char *date = g_strcmp0 (x->lang, "en") == 0 ? "yyyy-mm-dd" : "dd.mm.yyyy";
  lxw_format **all[] = {
    &x->f_title, &x->f_header, &x->f_text, &x->f_wrap, &x->f_int, &x->f_count, &x->f_number,
    &x->f_kgs, &x->f_date, &x->f_percent, &x->f_check, &x->f_bold, &x->f_total_label,
    &x->f_total_count, &x->f_total_kgs, &x->f_total_number, &x->f_suppressed,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if ((*all[i] = workbook_add_format (wb)) == NULL)
      return set_null_error (x, "format");

  format_set_bold (x->f_title);
  format_set_font_size (x->f_title, 14);

  format_set_bold (x->f_header);
  format_set_text_wrap (x->f_header);
  format_set_align (x->f_header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (x->f_header, 0xDDE5F0);
  format_set_bottom (x->f_header, LXW_BORDER_THIN);

  format_set_align (x->f_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (x->f_wrap);
  format_set_align (x->f_wrap, LXW_ALIGN_VERTICAL_TOP);

  format_set_num_format (x->f_int, "0");
  format_set_align (x->f_int, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (x->f_count, "#,##0");
  format_set_align (x->f_count, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (x->f_number, "#,##0.##########");
  format_set_align (x->f_number, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (x->f_kgs, kgs);
  format_set_align (x->f_kgs, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (x->f_date, date);
  format_set_align (x->f_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (x->f_date, LXW_ALIGN_LEFT);
  format_set_num_format (x->f_percent, "0.0%");
  /* A covered cell holds 1 (so that SUM counts it) and shows a check mark. */
  format_set_num_format (x->f_check, "\"✓\";\"✓\";\"\"");
  format_set_align (x->f_check, LXW_ALIGN_CENTER);

  format_set_bold (x->f_bold);
  format_set_align (x->f_bold, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (x->f_total_label);
  format_set_top (x->f_total_label, LXW_BORDER_THIN);
  format_set_bold (x->f_total_count);
  format_set_top (x->f_total_count, LXW_BORDER_THIN);
  format_set_num_format (x->f_total_count, "#,##0");
  format_set_bold (x->f_total_kgs);
  format_set_top (x->f_total_kgs, LXW_BORDER_THIN);
  format_set_num_format (x->f_total_kgs, kgs);
  format_set_bold (x->f_total_number);
  format_set_num_format (x->f_total_number, "#,##0.##########");
  format_set_align (x->f_suppressed, LXW_ALIGN_RIGHT);
  format_set_align (x->f_suppressed, LXW_ALIGN_VERTICAL_TOP);
  return TRUE;
}

/* Adds every sheet at once so that the cover can link to all of them and the gender
 * budget can refer to the priorities whatever order they are filled in. */
static gboolean
add_sheets (Export *x)
{
  static const AimakExportString names[N_SHEETS] = {
    AIMAK_XS_SHEET_COVER, AIMAK_XS_SHEET_PROFILE, AIMAK_XS_SHEET_PRIORITIES,
    AIMAK_XS_SHEET_INDICATORS, AIMAK_XS_SHEET_CAPACITY, AIMAK_XS_SHEET_BUDGET,
    AIMAK_XS_SHEET_ALIGNMENT,
  };

  for (guint i = 0; i < N_SHEETS; i++)
    {
      Sheet *s = &x->sheets[i];

      s->name = aimak_export_string (x->lang, names[i]);
      s->ws = workbook_add_worksheet (x->wb, s->name);
      if (s->ws == NULL)
        return set_null_error (x, s->name);
      for (guint c = 0; c < MAX_COLS; c++)
        s->cap[c] = WIDTH_CAP_TEXT;
    }
  return TRUE;
}

static gboolean
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
static gboolean
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
      s->header[c] = g_intern_string (headers[c]);  /* the caller may free headers first */
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
static gboolean
sheet_filter (Export    *x,
              Sheet     *s,
              lxw_row_t  last_row)
{
  return check (x, worksheet_autofilter (s->ws, FIRST_DATA_ROW - 1, 0,
                                         MAX (last_row, FIRST_DATA_ROW), s->n_cols - 1),
                s->name);
}

/* Print setup, frozen header and column widths: the same for every sheet. */
static gboolean
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

static char *
build_footer (Export *x)
{
  g_autofree char *label = NULL;
  g_autofree char *date = g_date_time_format (x->now, "%Y-%m-%d");
  GString *footer = g_string_new ("&L");

  /* Excel limits a footer to 255 characters; "&" is its escape character. */
  label = g_utf8_substring (x->scope_label, 0, MIN (g_utf8_strlen (x->scope_label, -1), 80));
  for (const char *p = label; *p; p++)
    {
      if (*p == '&')
        g_string_append_c (footer, '&');
      g_string_append_c (footer, *p);
    }
  g_string_append_printf (footer, "&C%s&R%s", date,
                          aimak_export_string (x->lang, AIMAK_XS_FOOTER_PAGE));
  return g_string_free (footer, FALSE);
}

/* ------------------------------------------------------------------ Profile */

static gboolean
is_small_count_indicator (const char *code)
{
  return g_strcmp0 (code, "MIGR_ABROAD") == 0 || g_strcmp0 (code, "MIGR_LABOUR") == 0 ||
         g_strcmp0 (code, "RETURNEES") == 0;
}

static void
note_sources (Export     *x,
              const char *joined,
              GString    *cell)
{
  g_auto(GStrv) parts = g_strsplit (joined ? joined : "", "\x1f", -1);

  /* Reference sources with an official name in the workbook's language use it. */
  for (guint i = 0; parts[i]; i++)
    {
      const char *label = aimak_indicator_source_label (parts[i], x->lang);
      if (label != parts[i])
        {
          g_free (parts[i]);
          parts[i] = g_strdup (label);
        }
    }
  for (guint i = 0; parts[i]; i++)
    {
      gboolean dup = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint j = 0; j < i; j++)
        dup = dup || g_strcmp0 (parts[j], parts[i]) == 0;
      if (dup)
        continue;
      g_string_append_printf (cell, "%s%s", cell->len ? "; " : "", parts[i]);
      if (!g_hash_table_contains (x->source_set, parts[i]))
        {
          char *copy = g_strdup (parts[i]);
          g_hash_table_add (x->source_set, copy);
          g_ptr_array_add (x->sources, copy);
        }
    }
}

/* Complementary suppression. Where a women's count is hidden (below the threshold)
 * or a women's or men's count is missing, showing the two other figures of
 * women + men = total would give it away by subtraction; the total is hidden then as
 * well. A missing total gives nothing away (women and men are shown themselves).
 * Each source has its own row, but a reader subtracts across rows as readily as
 * along one (one source's total minus another's men), so the rule looks at every
 * source of the same area, indicator and year together: @group says what they show. */
typedef struct
{
  gboolean hide_women;      /* below the threshold: "<n" */
  gboolean hide_total;      /* would reveal a hidden or missing count */
} Hiding;

typedef struct
{
  double min_f, max_f;      /* the smallest and largest women's count of all sources */
  int    n_f, n_m;          /* how many sources give the women's, the men's count */
} Group;

static Hiding
profile_hiding (Export      *x,
                const char  *area,
                const char  *code,
                double       f,
                double       t,
                const Group *group)
{
  AreaInfo *info = g_hash_table_lookup (x->areas, area);
  Hiding h = { FALSE, FALSE };
  gboolean women_protected, any_men, any_women_shown;

  if (!x->suppress_small || info == NULL || info->level != 3 || !is_small_count_indicator (code))
    return h;
  h.hide_women = isfinite (f) && f < x->threshold;
  women_protected = group->n_f == 0 || (isfinite (group->min_f) && group->min_f < x->threshold);
  any_men = group->n_m > 0;
  any_women_shown = isfinite (group->max_f) && group->max_f >= x->threshold;
  /* With women protected, men and a total shown would give the women; with men
   * missing everywhere, women and a total would give the men. */
  h.hide_total = isfinite (t) && ((women_protected && any_men) || (!any_men && any_women_shown));
  return h;
}

static gboolean
write_profile (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PROFILE];
  enum { C_AREA, C_PCODE, C_INDICATOR, C_UNIT, C_YEAR, C_WOMEN, C_MEN, C_TOTAL, C_SOURCE,
         C_OTHERS, C_N };
  /* The chart reads women and men from two hidden columns right of the chart, where
   * a hidden value is an empty cell: a text such as "<5" would be drawn as 0. */
  enum { C_CHART_WOMEN = C_N + 20, C_CHART_MEN };
  const char *headers[C_N];
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_PCODE, AIMAK_XS_COL_INDICATOR, AIMAK_XS_COL_UNIT,
    AIMAK_XS_COL_YEAR, AIMAK_XS_COL_WOMEN, AIMAK_XS_COL_MEN, AIMAK_XS_COL_TOTAL,
    AIMAK_XS_COL_SOURCE, AIMAK_XS_COL_SOURCES_DIFFER,
  };
  g_autoptr(AimakStmt) st = NULL;
  g_autofree char *chart_area = NULL;
  g_autofree char *chart_unit = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GArray) chart_hidden = g_array_new (FALSE, TRUE, sizeof (gboolean));
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW;
  lxw_row_t chart_first = 0, chart_last = 0;
  gboolean chart_open = TRUE, any_hidden_in_chart = FALSE;
  g_autofree char *threshold_text = g_strdup_printf ("<%d", x->threshold);
  g_autofree char *n_text = g_strdup_printf ("%d", x->threshold);
  g_autofree char *why_small = aimak_export_string_subst (x->lang, AIMAK_XS_HIDDEN_SMALL, "n",
                                                         n_text);
  g_autofree char *hidden_label = NULL;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options chart_opts = { .x_offset = 10, .x_scale = 1.4, .y_scale = 1.6 };
  lxw_row_col_options hidden_col = { .hidden = LXW_TRUE };
  g_autofree char *chart_title = NULL;

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  hidden_label = g_strdup_printf ("%s (%s)", threshold_text,
                                  aimak_export_string (x->lang, AIMAK_XS_SUPPRESSED_TOTAL));
  s->cap[C_INDICATOR] = WIDTH_CAP_WRAP;
  s->cap[C_SOURCE] = WIDTH_CAP_WRAP;
  s->cap[C_OTHERS] = 24;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_PROFILE));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));

  /* The latest year of each indicator in each area, women, men and total side by side,
   * one row per source: values of different sources are never combined (see
   * aimak_indicator_rows()), and a row says how many other sources of the same figure
   * give different values — the partition by (area, indicator, year) counts the
   * sources, the one by the values too counts those that agree.
   * Key indicators first, then grouped by unit, so that the chart (the first run of
   * one unit in the first area) compares like with like. */
  st = aimak_db_prepare (x->db, &x->error,
    "WITH v AS ("
    "  SELECT area_code, indicator_code, year, sex, value, source, is_demo"
    "  FROM indicator_value WHERE deleted_at IS NULL AND " IN_SCOPE ("area_code") "),"
    " latest AS (SELECT area_code, indicator_code, max(year) AS year FROM v"
    "  GROUP BY area_code, indicator_code),"
    " g AS (SELECT v.area_code AS a, v.indicator_code AS c, v.year AS y, v.source AS src,"
    "  max(CASE WHEN v.sex = 'F' THEN v.value END) AS f,"
    "  max(CASE WHEN v.sex = 'M' THEN v.value END) AS m,"
    "  max(CASE WHEN v.sex = 'T' THEN v.value END) AS t, max(v.is_demo) AS demo"
    "  FROM v JOIN latest l ON l.area_code = v.area_code AND"
    "   l.indicator_code = v.indicator_code AND l.year = v.year"
    "  GROUP BY v.area_code, v.indicator_code, v.year, v.source)"
    " SELECT g.a, g.c, i.name_en, i.name_ru, i.name_ky, i.unit, g.y, g.f, g.m, g.t, g.src,"
    "  g.demo, count(*) OVER (PARTITION BY g.a, g.c, g.y)"
    "   - count(*) OVER (PARTITION BY g.a, g.c, g.y, g.f, g.m, g.t),"
    "  min(g.f) OVER w, max(g.f) OVER w, count(g.f) OVER w, count(g.m) OVER w"
    " FROM g JOIN indicator i ON i.code = g.c"
    " WINDOW w AS (PARTITION BY g.a, g.c, g.y)"
    " ORDER BY g.a, i.is_key DESC, i.unit, g.c, g.src",
    "t", x->scope_json);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      const char *area = aimak_stmt_text (st, 0);
      const char *code = aimak_stmt_text (st, 1);
      const char *unit = aimak_stmt_text (st, 5);
      int year = sqlite3_column_int (st, 6);
      double f = aimak_stmt_double_or_nan (st, 7);
      double m = aimak_stmt_double_or_nan (st, 8);
      double t = aimak_stmt_double_or_nan (st, 9);
      int differing = sqlite3_column_int (st, 12);
      Group group = { aimak_stmt_double_or_nan (st, 13), aimak_stmt_double_or_nan (st, 14),
                      sqlite3_column_int (st, 15), sqlite3_column_int (st, 16) };
      Hiding h = profile_hiding (x, area, code, f, t, &group);
      lxw_format *fmt = g_strcmp0 (unit, "PERSONS") == 0 || g_strcmp0 (unit, "NUMBER") == 0
                        ? x->f_count : x->f_number;
      const char *name = aimak_lang_pick (x->lang, aimak_stmt_text (st, 2),
                                          aimak_stmt_text (st, 3), aimak_stmt_text (st, 4));
      gboolean in_chart;

      if (*name == '\0')
        name = code;
      TRY (cell_string (x, s, row, C_AREA, area_name (x, area), x->f_text));
      TRY (cell_string (x, s, row, C_PCODE, area, x->f_text));
      TRY (cell_string (x, s, row, C_INDICATOR, name, x->f_wrap));
      TRY (cell_string (x, s, row, C_UNIT, aimak_export_unit_label (x->lang, unit), x->f_text));
      TRY (cell_number (x, s, row, C_YEAR, year, x->f_int));
      if (h.hide_women)
        TRY (cell_string (x, s, row, C_WOMEN, threshold_text, x->f_suppressed));
      else
        TRY (cell_number (x, s, row, C_WOMEN, f, fmt));
      TRY (cell_number (x, s, row, C_MEN, m, fmt));
      if (h.hide_total)
        TRY (cell_string (x, s, row, C_TOTAL,
                          aimak_export_string (x->lang, AIMAK_XS_SUPPRESSED_TOTAL),
                          x->f_suppressed));
      else
        TRY (cell_number (x, s, row, C_TOTAL, t, fmt));
      if (h.hide_women || h.hide_total)
        {
          g_autofree char *year_text = g_strdup_printf ("%d", year);
          const struct { gboolean on; lxw_col_t col; AimakExportString sex; const char *why; }
            hid[] = {
              { h.hide_women, C_WOMEN, AIMAK_XS_COL_WOMEN, why_small },
              { h.hide_total, C_TOTAL, AIMAK_XS_COL_TOTAL,
                aimak_export_string (x->lang, AIMAK_XS_HIDDEN_COMPLEMENT) },
            };

          for (guint k = 0; k < G_N_ELEMENTS (hid); k++)
            {
              g_autofree char *what = NULL;
              const char *keys[] = { "what", "indicator", "area", "year" };
              const char *values[] = { aimak_export_string (x->lang, hid[k].sex), name,
                                       area_name (x, area), year_text };

              if (!hid[k].on)
                continue;
              what = g_strdup (aimak_export_string (x->lang, AIMAK_XS_HIDDEN_WHAT));
              for (guint v = 0; v < G_N_ELEMENTS (keys); v++)
                {
                  g_autofree char *key = g_strdup_printf ("{%s}", keys[v]);
                  g_auto(GStrv) parts = g_strsplit (what, key, -1);
                  g_free (what);
                  what = g_strjoinv (values[v], parts);
                }
              note_cell (x->hidden, s->name, row, hid[k].col, what, hid[k].why);
            }
        }
      g_string_truncate (sources, 0);
      note_sources (x, aimak_stmt_text (st, 10), sources);
      TRY (cell_string (x, s, row, C_SOURCE, sources->str, x->f_wrap));
      if (differing > 0)
        {
          g_autofree char *n = g_strdup_printf ("%d", differing);
          g_autofree char *note = aimak_export_string_subst (x->lang, AIMAK_XS_SOURCES_DIFFER,
                                                             "n", n);
          TRY (cell_string (x, s, row, C_OTHERS, note, x->f_wrap));
        }
      if (sqlite3_column_int (st, 11))
        x->has_demo = TRUE;

      in_chart = FALSE;
      if (chart_open)
        {
          if (chart_area == NULL && (isfinite (f) || isfinite (m) || h.hide_women))
            {
              chart_area = g_strdup (area);
              chart_unit = g_strdup (unit);
              chart_first = chart_last = row;
              in_chart = TRUE;
            }
          else if (chart_area != NULL && g_strcmp0 (chart_area, area) == 0 &&
                   g_strcmp0 (chart_unit, unit) == 0 && row - chart_first < CHART_MAX_ROWS)
            {
              chart_last = row;
              in_chart = TRUE;
            }
          else if (chart_area != NULL)
            chart_open = FALSE;
        }
      if (in_chart)
        {
          gboolean hidden = h.hide_women;

          TRY (cell_number (x, s, row, C_CHART_WOMEN, h.hide_women ? NAN : f, fmt));
          TRY (cell_number (x, s, row, C_CHART_MEN, m, fmt));
          g_array_set_size (chart_hidden, row - chart_first + 1);
          g_array_index (chart_hidden, gboolean, row - chart_first) = hidden;
          any_hidden_in_chart |= hidden;
        }
      s->last_row = row++;
      TRY (row_done (x));
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  if (row == FIRST_DATA_ROW)
    {
      TRY (cell_string (x, s, row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_INDICATORS), NULL));
      s->last_row = row;
    }
  x->stats.n_profile_rows = row - FIRST_DATA_ROW;
  TRY (check (x, worksheet_set_column_opt (s->ws, C_CHART_WOMEN, C_CHART_MEN, 10, NULL,
                                           &hidden_col), s->name));

  /* Women against men; on an empty sheet the chart points at the empty first row. */
  if (chart_area == NULL)
    chart_first = chart_last = FIRST_DATA_ROW;
  chart = workbook_add_chart (x->wb, LXW_CHART_BAR);
  if (chart == NULL)
    return set_null_error (x, "chart");
  {
    g_autofree char *with_area = aimak_export_string_subst (x->lang, AIMAK_XS_CHART_PROFILE,
                                                            "area",
                                                            chart_area
                                                            ? area_name (x, chart_area)
                                                            : x->scope_label);
    g_autofree char *unit_label = g_strdup (chart_unit
                                            ? aimak_export_unit_label (x->lang, chart_unit)
                                            : "");
    g_auto(GStrv) parts = g_strsplit (with_area, "{unit}", -1);
    chart_title = g_strjoinv (unit_label, parts);
    if (chart_unit == NULL)
      {
        /* No unit: drop the empty brackets. */
        char *bracket = strstr (chart_title, " ()");
        if (bracket)
          *bracket = '\0';
      }
  }
  chart_title_set_name (chart, chart_title);
  /* A hidden value is a gap (an empty cell), never a bar of 0. */
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  for (guint i = 0; i < 2; i++)
    {
      series = chart_add_series (chart, NULL, NULL);
      if (series == NULL)
        return set_null_error (x, "chart");
      chart_series_set_categories (series, s->name, chart_first, C_INDICATOR,
                                   chart_last, C_INDICATOR);
      chart_series_set_values (series, s->name, chart_first, i == 0 ? C_CHART_WOMEN
                                                                    : C_CHART_MEN,
                               chart_last, i == 0 ? C_CHART_WOMEN : C_CHART_MEN);
      chart_series_set_name (series, headers[i == 0 ? C_WOMEN : C_MEN]);
      if (i == 0 && any_hidden_in_chart)
        {
          /* The gap says what it is: "<5 (hidden)"; the other bars carry no label. */
          guint n = chart_hidden->len;
          g_autofree lxw_chart_data_label *labels = g_new0 (lxw_chart_data_label, n);
          g_autofree lxw_chart_data_label **list = g_new0 (lxw_chart_data_label *, n + 1);

          for (guint k = 0; k < n; k++)
            {
              if (g_array_index (chart_hidden, gboolean, k))
                labels[k].value = hidden_label;
              else
                labels[k].hide = LXW_TRUE;
              list[k] = &labels[k];
            }
          chart_series_set_labels (series);
          TRY (check (x, chart_series_set_labels_custom (series, list), s->name));
        }
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  TRY (check (x, worksheet_insert_chart_opt (s->ws, FIRST_DATA_ROW, C_N + 1, chart,
                                             &chart_opts), s->name));
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, MAX (s->last_row, FIRST_DATA_ROW + 23), C_N + 9);
}

/* ---------------------------------------------------- Priorities + Alignment */

typedef struct
{
  lxw_col_t first_gcm;
  lxw_col_t first_sdg;
  lxw_col_t count_col;
  guint64  *covered;     /* per GCM then SDG column: priorities linked */
} Alignment;

static gboolean
write_priority_headers (Export    *x,
                        Alignment *al)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  g_autoptr(GPtrArray) align_headers = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *headers;

  /* The fixed columns, then one per checklist item; the strings live as long as the
   * export, because the table and the Cover's list of cut texts refer to them. */
  x->priority_headers = headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < PC_N; c++)
    g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, priority_headers[c])));
  for (guint i = 0; i < x->checklist.list->len; i++)
    {
      Code *item = g_ptr_array_index (x->checklist.list, i);
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_CHECKLIST_COL,
                                                           "item", item->name));
    }
  if (headers->len > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many gender checklist items for one sheet (%u)."),
                   x->checklist.list->len);
      return FALSE;
    }
  for (guint c = PC_N; c < headers->len; c++)
    s->cap[c] = 20;
  s->cap[PC_PROBLEM] = WIDTH_CAP_WRAP;
  s->cap[PC_DESCRIPTION] = WIDTH_CAP_WRAP;
  s->cap[PC_TITLE] = WIDTH_CAP_WRAP;
  s->cap[PC_TARGET_GROUPS] = 36;
  s->cap[PC_JUSTIFICATION] = WIDTH_CAP_WRAP;
  s->cap[PC_GCM] = WIDTH_CAP_WRAP;
  s->cap[PC_SDG] = WIDTH_CAP_WRAP;
  s->cap[PC_PARTNERS] = 36;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_PRIORITIES));
  /* With a table, libxlsxwriter writes the header cells itself from the table's columns. */
  TRY (sheet_headers (x, s, (const char * const *) headers->pdata, headers->len,
                      x->constant_memory));

  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_AREA)));
  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_RANK)));
  g_ptr_array_add (align_headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PRIORITY)));
  al->first_gcm = 3;
  for (guint i = 0; i < x->gcm.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->gcm.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_GCM_SHORT, "code", c->code));
    }
  al->first_sdg = al->first_gcm + x->gcm.list->len;
  for (guint i = 0; i < x->sdg.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->sdg.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_SDG_SHORT, "code", c->code));
    }
  al->count_col = al->first_sdg + x->sdg.list->len;
  g_ptr_array_add (align_headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_N_LINKS)));
  if (align_headers->len > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many GCM objectives and SDG targets for one sheet (%u)."),
                   align_headers->len);
      return FALSE;
    }
  al->covered = g_new0 (guint64, al->count_col - al->first_gcm);
  a->cap[2] = WIDTH_CAP_WRAP;
  TRY (sheet_title (x, a, AIMAK_XS_TITLE_ALIGNMENT));
  for (lxw_col_t c = al->first_gcm; c < al->count_col; c++)
    a->fixed[c] = 8;
  a->fixed[al->count_col] = 12;
  TRY (sheet_headers (x, a, (const char * const *) align_headers->pdata, align_headers->len,
                      TRUE));
  return TRUE;
}

static gboolean
write_alignment_links (Export     *x,
                       Alignment  *al,
                       lxw_row_t   row,
                       CodeList   *cl,
                       lxw_col_t   first,
                       const char *codes,
                       guint      *n_links)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  g_auto(GStrv) parts = NULL;

  if (codes == NULL || *codes == '\0')
    return TRUE;
  parts = g_strsplit (codes, "\x1f", -1);
  for (guint i = 0; parts[i]; i++)
    {
      Code *c = g_hash_table_lookup (cl->by_code, parts[i]);

      if (c == NULL)
        continue;
      TRY (cell_number (x, a, row, first + c->index, 1, x->f_check));
      al->covered[first + c->index - al->first_gcm]++;
      (*n_links)++;
    }
  return TRUE;
}

static gboolean
add_priority_table (Export    *x,
                    lxw_row_t  last_row)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  guint n = x->priority_headers->len;
  lxw_table_column columns[MAX_COLS];
  lxw_table_column *column_ptrs[MAX_COLS + 1];
  lxw_table_options options = {
    .name = (char *) "Priorities",
    .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
    .style_type_number = 9,
    .columns = column_ptrs,
  };

  memset (columns, 0, sizeof columns);
  for (guint c = 0; c < n; c++)
    {
      columns[c].header = g_ptr_array_index (x->priority_headers, c);
      columns[c].header_format = x->f_header;
      column_ptrs[c] = &columns[c];
    }
  column_ptrs[n] = NULL;
  return check (x, worksheet_add_table (s->ws, FIRST_DATA_ROW - 1, 0, last_row, n - 1,
                                        &options), s->name);
}

static gboolean
add_priority_validation (Export    *x,
                         lxw_row_t  last_row)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  char *marker_list[] = { (char *) "0", (char *) "1", (char *) "2", NULL };
  g_autofree char **status_list = g_new0 (char *, x->statuses.list->len + 1);
  lxw_data_validation marker = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = marker_list,
    .input_title = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_MARKER_TITLE),
    .input_message = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_MARKER),
  };
  lxw_data_validation status = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = status_list,
    .input_title = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_STATUS_TITLE),
    .input_message = (char *) aimak_export_string (x->lang, AIMAK_XS_VALIDATION_STATUS),
  };
  gsize list_chars = 0;
  gboolean list_ok = TRUE;

  TRY (check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, PC_MARKER, last_row,
                                                  PC_MARKER, &marker), s->name));
  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);
      status_list[i] = c->name;
      list_chars += g_utf8_strlen (c->name, -1) + 1;
      if (strchr (c->name, ',') || strchr (c->name, '"'))
        list_ok = FALSE;
    }
  /* Excel allows 255 characters in a literal list; a longer one (a user-extended status
   * list) refers to the status names on the cover through a defined name instead. */
  if (!list_ok || list_chars > 255)
    {
      status.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      status.value_list = NULL;
      status.value_formula = (char *) "=AimakStatuses";
      x->status_list_by_name = TRUE;
    }
  return check (x, worksheet_data_validation_range (s->ws, FIRST_DATA_ROW, PC_STATUS, last_row,
                                                    PC_STATUS, &status), s->name);
}

/* The checklist answers of one priority, one column per item, "yes"/"partly"/"no" in
 * the workbook's language; an item not answered stays empty. */
static gboolean
write_checklist (Export     *x,
                 Sheet      *s,
                 lxw_row_t   row,
                 const char *answers)
{
  g_auto(GStrv) parts = NULL;

  if (answers == NULL)
    return TRUE;
  parts = g_strsplit (answers, "\x1f", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *sep = strchr (parts[i], '\x1e');
      Code *item;
      AimakExportString word;

      if (sep == NULL)
        continue;
      *sep = '\0';
      item = g_hash_table_lookup (x->checklist.by_code, parts[i]);
      if (item == NULL)
        continue;
      word = g_str_equal (sep + 1, "yes") ? AIMAK_XS_ANSWER_YES
             : g_str_equal (sep + 1, "partly") ? AIMAK_XS_ANSWER_PARTLY : AIMAK_XS_ANSWER_NO;
      TRY (cell_string (x, s, row, PC_N + item->index, aimak_export_string (x->lang, word),
                        x->f_text));
    }
  return TRUE;
}

static gboolean
write_priorities (Export *x)
{
  Sheet *s = &x->sheets[SHEET_PRIORITIES];
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  Alignment al = { 0 };
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW;
  const char *yes = aimak_export_string (x->lang, AIMAK_XS_YES);
  char formula[96], c1[16], c2[16];
  gboolean ok = FALSE;

  if (!write_priority_headers (x, &al))
    goto out;

  st = aimak_db_prepare (x->db, &x->error,
    "SELECT p.area_code, p.rank, p.title, p.sector_code, p.gender_marker,"
    " p.marker_justification, p.budget_kgs, p.funding_source, p.responsible, p.partners,"
    " p.start_year, p.end_year, p.status, p.hearing_date, p.hearing_participants_f,"
    " p.hearing_participants_m, p.kenesh_decision_no, p.kenesh_decision_date, p.is_demo,"
    " p.id, p.problem, p.description"
    " FROM priority p WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
    " ORDER BY p.area_code, p.rank, p.id",
    "t", x->scope_json);
  if (st == NULL)
    goto out;
  while (aimak_stmt_next (st, &local_error))
    {
      const char *area = aimak_stmt_text (st, 0);
      int marker = sqlite3_column_int (st, 4);
      double budget = aimak_stmt_double_or_nan (st, 6);
      const char *funding = (const char *) sqlite3_column_text (st, 7);
      int start = aimak_stmt_int_or (st, 10, 0);
      int end = aimak_stmt_int_or (st, 11, 0);
      gboolean demo = sqlite3_column_int (st, 18) != 0;
      Links *links = g_hash_table_lookup (x->links, aimak_stmt_text (st, 19));
      const char *group_codes = links ? links->groups : NULL;
      const char *gcm_codes = links ? links->gcm : NULL;
      const char *sdg_codes = links ? links->sdg : NULL;
      g_autofree char *groups = join_names (&x->target_groups, group_codes, FALSE);
      g_autofree char *gcm = join_names (&x->gcm, gcm_codes, TRUE);
      g_autofree char *sdg = join_names (&x->sdg, sdg_codes, TRUE);
      guint n_links = 0;

      if (!cell_number (x, s, row, PC_RANK, sqlite3_column_int (st, 1), x->f_int) ||
          !cell_string (x, s, row, PC_AREA, area_name (x, area), x->f_text) ||
          !cell_string (x, s, row, PC_PCODE, area, x->f_text) ||
          !cell_string (x, s, row, PC_TITLE, aimak_stmt_text (st, 2), x->f_wrap) ||
          !cell_string (x, s, row, PC_SECTOR,
                        code_name (&x->sectors, aimak_stmt_text (st, 3)), x->f_text) ||
          !cell_string (x, s, row, PC_TARGET_GROUPS, groups, x->f_wrap) ||
          !cell_number (x, s, row, PC_MARKER, marker, x->f_int) ||
          !cell_string (x, s, row, PC_JUSTIFICATION, aimak_stmt_text (st, 5), x->f_wrap) ||
          !cell_string (x, s, row, PC_GCM, gcm, x->f_wrap) ||
          !cell_string (x, s, row, PC_SDG, sdg, x->f_wrap) ||
          !cell_number (x, s, row, PC_BUDGET, budget, x->f_kgs) ||
          !cell_string (x, s, row, PC_FUNDING, code_name (&x->funding, funding), x->f_text) ||
          !cell_string (x, s, row, PC_RESPONSIBLE, aimak_stmt_text (st, 8), x->f_text) ||
          !cell_string (x, s, row, PC_PARTNERS, aimak_stmt_text (st, 9), x->f_wrap) ||
          !cell_number (x, s, row, PC_START, start ? start : NAN, x->f_int) ||
          !cell_number (x, s, row, PC_END, end ? end : NAN, x->f_int) ||
          !cell_string (x, s, row, PC_STATUS,
                        code_name (&x->statuses, aimak_stmt_text (st, 12)), x->f_text) ||
          !cell_date (x, s, row, PC_HEARING_DATE, aimak_stmt_text (st, 13), x->f_date) ||
          !cell_number (x, s, row, PC_HEARING_F, aimak_stmt_double_or_nan (st, 14), x->f_int) ||
          !cell_number (x, s, row, PC_HEARING_M, aimak_stmt_double_or_nan (st, 15), x->f_int) ||
          !cell_string (x, s, row, PC_DECISION_NO, aimak_stmt_text (st, 16), x->f_text) ||
          !cell_date (x, s, row, PC_DECISION_DATE, aimak_stmt_text (st, 17), x->f_date) ||
          !cell_string (x, s, row, PC_DEMO, demo ? yes : NULL, x->f_text) ||
          !cell_string (x, s, row, PC_PROBLEM, aimak_stmt_text (st, 20), x->f_wrap) ||
          !cell_string (x, s, row, PC_DESCRIPTION, aimak_stmt_text (st, 21), x->f_wrap) ||
          !write_checklist (x, s, row, links ? links->checklist : NULL))
        goto out;

      /* The same row on the Alignment sheet: 1 where the priority supports the objective. */
      if (!cell_string (x, a, row, 0, area_name (x, area), x->f_text) ||
          !cell_number (x, a, row, 1, sqlite3_column_int (st, 1), x->f_int) ||
          !cell_string (x, a, row, 2, aimak_stmt_text (st, 2), x->f_wrap) ||
          !write_alignment_links (x, &al, row, &x->gcm, al.first_gcm, gcm_codes, &n_links) ||
          !write_alignment_links (x, &al, row, &x->sdg, al.first_sdg, sdg_codes, &n_links))
        goto out;
      lxw_rowcol_to_cell (c1, row, al.first_gcm);
      lxw_rowcol_to_cell (c2, row, al.count_col - 1);
      g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", c1, c2);
      if (!cell_formula (x, a, row, al.count_col, formula, n_links, x->f_int))
        goto out;

      /* Figures for the cover and the gender budget. */
      x->n_priorities++;
      if (demo)
        x->has_demo = TRUE;
      if (start && (x->first_year == 0 || start < x->first_year))
        x->first_year = start;
      if (end && end > x->last_year)
        x->last_year = end;
      /* The rule of aimak_summary_status_class(): rejected priorities count in no
       * total, and the adopted programme is approved, in progress or completed. */
      if (isfinite (budget) &&
          aimak_summary_status_class (aimak_stmt_text (st, 12)) != AIMAK_STATUS_CLASS_REJECTED)
        {
          Code *fc = funding ? g_hash_table_lookup (x->funding.by_code, funding) : NULL;

          if (marker >= 0 && marker <= 2)
            x->budget_marker[marker] += budget;
          x->budget_funding[fc ? fc->index : x->funding.list->len] += budget;
          if (aimak_summary_status_class (aimak_stmt_text (st, 12)) == AIMAK_STATUS_CLASS_ADOPTED)
            {
              x->budget_adopted += budget;
              if (marker == 1 || marker == 2)
                x->gender_adopted += budget;
            }
        }
      s->last_row = a->last_row = row++;
      if (!row_done (x))
        goto out;
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      goto out;
    }
  x->stats.n_priorities = x->n_priorities;

  if (row == FIRST_DATA_ROW)
    {
      /* A table needs one data row; an empty one says why it is empty. */
      if (!cell_string (x, s, row, PC_TITLE,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap) ||
          !cell_string (x, a, row, 2,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITIES), x->f_wrap))
        goto out;
      s->last_row = a->last_row = row++;
    }
  x->priorities_last_row = s->last_row;

  if (!add_priority_validation (x, s->last_row))
    goto out;
  if (x->constant_memory)
    {
      if (!sheet_filter (x, s, s->last_row) ||
          !sheet_finish (x, s, s->last_row, s->n_cols - 1))
        goto out;
    }
  else if (!add_priority_table (x, s->last_row) ||
           !sheet_finish (x, s, s->last_row, s->n_cols - 1))
    goto out;

  /* Alignment: how many priorities support each objective, then what the codes mean. */
  {
    lxw_row_t filter_last = a->last_row;
    lxw_row_t r = a->last_row + 1;
    const char *sum_label = aimak_export_string (x->lang, AIMAK_XS_COVERAGE_ROW);

    if (!sheet_filter (x, a, filter_last) ||
        !cell_string (x, a, r, 2, sum_label, x->f_total_label))
      goto out;
    for (lxw_col_t c = al.first_gcm; c <= al.count_col; c++)
      {
        guint64 n = 0;

        if (c < al.count_col)
          n = al.covered[c - al.first_gcm];
        else
          for (lxw_col_t k = 0; k < al.count_col - al.first_gcm; k++)
            n += al.covered[k];
        lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, c);
        lxw_rowcol_to_cell (c2, filter_last, c);
        g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", c1, c2);
        if (!cell_formula (x, a, r, c, formula, n, x->f_total_count))
          goto out;
      }
    r += 2;
    if (!cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_LEGEND), x->f_bold) ||
        !cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_GCM_LONG), NULL))
      goto out;
    for (guint i = 0; i < x->gcm.list->len; i++, r++)
      {
        Code *c = g_ptr_array_index (x->gcm.list, i);
        g_autofree char *label = aimak_export_string_subst (x->lang, AIMAK_XS_GCM_SHORT,
                                                            "code", c->code);
        if (!cell_string (x, a, r, 1, label, NULL) || !cell_string (x, a, r, 2, c->name, NULL))
          goto out;
      }
    if (!cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_SDG_LONG), NULL))
      goto out;
    for (guint i = 0; i < x->sdg.list->len; i++, r++)
      {
        Code *c = g_ptr_array_index (x->sdg.list, i);
        g_autofree char *label = aimak_export_string_subst (x->lang, AIMAK_XS_SDG_SHORT,
                                                            "code", c->code);
        if (!cell_string (x, a, r, 1, label, NULL) || !cell_string (x, a, r, 2, c->name, NULL))
          goto out;
      }
    /* The legend's long texts must not widen the area column. */
    a->width[0] = MIN (a->width[0], 30);
    a->width[1] = MIN (a->width[1], 10);
    if (!sheet_finish (x, a, r - 1, al.count_col))
      goto out;
  }
  ok = TRUE;

out:
  g_free (al.covered);
  return ok;
}

/* --------------------------------------------------------------- Indicators */

static gboolean
total_formula (Export    *x,
               Sheet     *s,
               lxw_row_t  row,
               lxw_col_t  col,
               double     women,
               double     men,
               gboolean   additive)
{
  char formula[64], a[16], b[16];

  /* A missing half would make a false total. */
  if (!additive || isnan (women) || isnan (men))
    return TRUE;
  lxw_rowcol_to_cell (a, row, col - 2);
  lxw_rowcol_to_cell (b, row, col - 1);
  g_snprintf (formula, sizeof formula, "=%s+%s", a, b);
  return cell_formula (x, s, row, col, formula, women + men, x->f_number);
}

static gboolean
write_indicators (Export *x)
{
  Sheet *s = &x->sheets[SHEET_INDICATORS];
  enum { C_AREA, C_RANK, C_PRIORITY, C_INDICATOR, C_UNIT, C_BW, C_BM, C_BT, C_TW, C_TM, C_TT,
         C_AW, C_AM, C_AT, C_N };
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_AREA, AIMAK_XS_COL_RANK, AIMAK_XS_COL_PRIORITY, AIMAK_XS_COL_INDICATOR,
    AIMAK_XS_COL_UNIT, AIMAK_XS_COL_BASELINE_WOMEN, AIMAK_XS_COL_BASELINE_MEN,
    AIMAK_XS_COL_BASELINE_TOTAL, AIMAK_XS_COL_TARGET_WOMEN, AIMAK_XS_COL_TARGET_MEN,
    AIMAK_XS_COL_TARGET_TOTAL, AIMAK_XS_COL_ACTUAL_WOMEN, AIMAK_XS_COL_ACTUAL_MEN,
    AIMAK_XS_COL_ACTUAL_TOTAL,
  };
  const char *headers[C_N];
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW;

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  s->cap[C_PRIORITY] = WIDTH_CAP_WRAP;
  s->cap[C_INDICATOR] = 40;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_INDICATORS));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));

  st = aimak_db_prepare (x->db, &x->error,
    "SELECT p.area_code, p.rank, p.title, pi.name, pi.unit, pi.baseline_f, pi.baseline_m,"
    " pi.target_f, pi.target_m, pi.actual_f, pi.actual_m"
    " FROM priority p JOIN priority_indicator pi ON pi.priority_id = p.id"
    " WHERE p.deleted_at IS NULL AND " IN_SCOPE ("p.area_code")
    " ORDER BY p.area_code, p.rank, p.id, pi.position, pi.id",
    "t", x->scope_json);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      const char *unit = aimak_stmt_text (st, 4);
      gboolean additive = is_count_unit (unit);
      double v[6];

      for (guint i = 0; i < 6; i++)
        v[i] = aimak_stmt_double_or_nan (st, 5 + i);
      TRY (cell_string (x, s, row, C_AREA, area_name (x, aimak_stmt_text (st, 0)), x->f_text));
      TRY (cell_number (x, s, row, C_RANK, sqlite3_column_int (st, 1), x->f_int));
      TRY (cell_string (x, s, row, C_PRIORITY, aimak_stmt_text (st, 2), x->f_wrap));
      TRY (cell_string (x, s, row, C_INDICATOR, aimak_stmt_text (st, 3), x->f_wrap));
      TRY (cell_string (x, s, row, C_UNIT, unit, x->f_text));
      for (guint i = 0; i < 3; i++)
        {
          lxw_col_t col = C_BW + 3 * i;

          TRY (cell_number (x, s, row, col, v[2 * i], x->f_number));
          TRY (cell_number (x, s, row, col + 1, v[2 * i + 1], x->f_number));
          TRY (total_formula (x, s, row, col + 2, v[2 * i], v[2 * i + 1], additive));
        }
      s->last_row = row++;
      TRY (row_done (x));
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  x->stats.n_indicator_rows = row - FIRST_DATA_ROW;
  if (row == FIRST_DATA_ROW)
    {
      TRY (cell_string (x, s, row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_PRIORITY_INDICATORS), NULL));
      s->last_row = row;
      s->width[C_AREA] = 12;
    }
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, s->last_row, C_N - 1);
}

/* -------------------------------------------------------- Capacity building */

static gboolean
write_capacity (Export *x)
{
  Sheet *s = &x->sheets[SHEET_CAPACITY];
  enum { C_AREA, C_DATE, C_TYPE, C_TOPIC, C_FACILITATOR, C_FIRST_ROLE };
  guint n_roles = x->roles.list->len;
  lxw_col_t c_women = C_FIRST_ROLE + 2 * n_roles;
  lxw_col_t c_men = c_women + 1, c_total = c_women + 2, c_pre = c_women + 3;
  lxw_col_t c_post = c_women + 4, c_demo = c_women + 5, c_linked = c_women + 6;
  lxw_col_t n_cols = c_women + 7;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint64 *sums = g_new0 (guint64, 2 * n_roles);
  g_autofree guint *row_values = g_new0 (guint, 2 * n_roles);
  g_autoptr(AimakStmt) st = NULL;
  g_autoptr(GString) formula = g_string_new (NULL);
  GError *local_error = NULL;
  lxw_row_t row = FIRST_DATA_ROW, last_data, total_row, block_first, r;
  const char *yes = aimak_export_string (x->lang, AIMAK_XS_YES);
  char c1[16], c2[16];
  lxw_chart *chart;
  lxw_chart_options chart_opts = { .x_offset = 10, .y_offset = 10, .x_scale = 1.3,
                                   .y_scale = 1.3 };

  if (n_cols > MAX_COLS)
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Too many participant roles for one sheet (%u)."), n_roles);
      return FALSE;
    }
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_AREA)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_DATE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TYPE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOPIC)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_FACILITATOR)));
  for (guint i = 0; i < n_roles; i++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_WOMEN,
                                                           "role", role->name));
      g_ptr_array_add (headers, aimak_export_string_subst (x->lang, AIMAK_XS_COL_ROLE_MEN,
                                                           "role", role->name));
    }
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_WOMEN)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_MEN)));
  g_ptr_array_add (headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL_PARTICIPANTS)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PRE_SCORE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_POST_SCORE)));
  g_ptr_array_add (headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_DEMO)));
  g_ptr_array_add (headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_LINKED_PRIORITIES)));
  s->cap[C_TOPIC] = WIDTH_CAP_WRAP;
  s->cap[c_linked] = WIDTH_CAP_WRAP;
  for (lxw_col_t c = C_FIRST_ROLE; c < c_pre; c++)
    s->fixed[c] = 12;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_CAPACITY));
  TRY (sheet_headers (x, s, (const char * const *) headers->pdata, n_cols, TRUE));

  st = aimak_db_prepare (x->db, &x->error,
    "SELECT a.area_code, a.date, a.type, a.topic, a.facilitator, a.pre_score, a.post_score,"
    " a.is_demo,"
    " (SELECT group_concat(role_code || char(30) || women || char(30) || men, char(31))"
    "   FROM activity_participant WHERE activity_id = a.id),"
    /* The priorities the activity serves, by rank and title, live ones only. */
    " (SELECT group_concat(t, char(31)) FROM (SELECT p.rank || '. ' || p.title AS t"
    "   FROM activity_priority ap JOIN priority p ON p.id = ap.priority_id"
    "   WHERE ap.activity_id = a.id AND p.deleted_at IS NULL ORDER BY p.rank, p.id))"
    " FROM activity a WHERE a.deleted_at IS NULL AND " IN_SCOPE ("a.area_code")
    " ORDER BY a.area_code, a.date, a.id",
    "t", x->scope_json);
  if (st == NULL)
    return FALSE;
  while (aimak_stmt_next (st, &local_error))
    {
      g_auto(GStrv) parts = NULL;
      guint women = 0, men = 0;

      memset (row_values, 0, 2 * n_roles * sizeof (guint));
      parts = g_strsplit (aimak_stmt_text (st, 8), "\x1f", -1);
      for (guint i = 0; parts[i]; i++)
        {
          g_auto(GStrv) f = g_strsplit (parts[i], "\x1e", 3);
          Code *role;

          if (g_strv_length (f) != 3)
            continue;
          role = g_hash_table_lookup (x->roles.by_code, f[0]);
          if (role == NULL)
            continue;
          row_values[2 * role->index] += (guint) g_ascii_strtoull (f[1], NULL, 10);
          row_values[2 * role->index + 1] += (guint) g_ascii_strtoull (f[2], NULL, 10);
        }
      TRY (cell_string (x, s, row, C_AREA, area_name (x, aimak_stmt_text (st, 0)), x->f_text));
      TRY (cell_date (x, s, row, C_DATE, aimak_stmt_text (st, 1), x->f_date));
      TRY (cell_string (x, s, row, C_TYPE, code_name (&x->activity_types, aimak_stmt_text (st, 2)),
                        x->f_text));
      TRY (cell_string (x, s, row, C_TOPIC, aimak_stmt_text (st, 3), x->f_wrap));
      TRY (cell_string (x, s, row, C_FACILITATOR, aimak_stmt_text (st, 4), x->f_text));
      for (guint i = 0; i < 2 * n_roles; i++)
        {
          TRY (cell_number (x, s, row, C_FIRST_ROLE + i, row_values[i], x->f_count));
          sums[i] += row_values[i];
          if (i % 2 == 0)
            women += row_values[i];
          else
            men += row_values[i];
        }
      /* Women total = every second cell from the first role's women. */
      for (guint sex = 0; sex < 2; sex++)
        {
          g_string_assign (formula, "=");
          for (guint i = 0; i < n_roles; i++)
            {
              lxw_rowcol_to_cell (c1, row, C_FIRST_ROLE + 2 * i + sex);
              g_string_append_printf (formula, "%s%s", i ? "+" : "", c1);
            }
          if (n_roles == 0)
            g_string_append_c (formula, '0');
          TRY (cell_formula (x, s, row, sex ? c_men : c_women, formula->str,
                             sex ? men : women, x->f_count));
        }
      lxw_rowcol_to_cell (c1, row, c_women);
      lxw_rowcol_to_cell (c2, row, c_men);
      g_string_printf (formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, row, c_total, formula->str, women + men, x->f_count));
      TRY (cell_number (x, s, row, c_pre, aimak_stmt_double_or_nan (st, 5), x->f_number));
      TRY (cell_number (x, s, row, c_post, aimak_stmt_double_or_nan (st, 6), x->f_number));
      {
        g_auto(GStrv) linked = g_strsplit (aimak_stmt_text (st, 9), "\x1f", -1);
        g_autofree char *joined = g_strjoinv ("; ", linked);
        TRY (cell_string (x, s, row, c_linked, joined, x->f_wrap));
      }
      if (sqlite3_column_int (st, 7))
        {
          x->has_demo = TRUE;
          TRY (cell_string (x, s, row, c_demo, yes, x->f_text));
        }
      x->n_activities++;
      s->last_row = row++;
      TRY (row_done (x));
    }
  if (local_error)
    {
      g_propagate_error (&x->error, local_error);
      return FALSE;
    }
  x->stats.n_activities = x->n_activities;
  if (row == FIRST_DATA_ROW)
    {
      /* No activities: the sheet, its totals and its chart are still complete (zeros). */
      TRY (cell_string (x, s, row, C_AREA,
                        aimak_export_string (x->lang, AIMAK_XS_NO_ACTIVITIES), NULL));
      s->last_row = row++;
      s->width[C_AREA] = 14;
    }
  last_data = s->last_row;
  TRY (sheet_filter (x, s, last_data));

  /* Totals row. */
  total_row = last_data + 1;
  TRY (cell_string (x, s, total_row, C_AREA, aimak_export_string (x->lang, AIMAK_XS_TOTAL_ROW),
                    x->f_total_label));
  for (lxw_col_t c = C_FIRST_ROLE; c <= c_total; c++)
    {
      guint64 sum = 0;

      if (c < c_women)
        sum = sums[c - C_FIRST_ROLE];
      else
        for (guint i = 0; i < 2 * n_roles; i++)
          if (c == c_total || (guint) (c - c_women) == i % 2)
            sum += sums[i];
      lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, c);
      lxw_rowcol_to_cell (c2, last_data, c);
      g_string_printf (formula, "=SUM(%s:%s)", c1, c2);
      TRY (cell_formula (x, s, total_row, c, formula->str, sum, x->f_total_count));
    }

  /* Participants by role: the totals row again, one role per line, for the chart. */
  r = total_row + 2;
  TRY (cell_string (x, s, r++, C_AREA,
                    aimak_export_string (x->lang, AIMAK_XS_PARTICIPANTS_BY_ROLE), x->f_bold));
  TRY (cell_string (x, s, r, C_AREA, aimak_export_string (x->lang, AIMAK_XS_COL_ROLE),
                    x->f_header));
  TRY (cell_string (x, s, r, C_DATE, aimak_export_string (x->lang, AIMAK_XS_COL_WOMEN),
                    x->f_header));
  TRY (cell_string (x, s, r, C_TYPE, aimak_export_string (x->lang, AIMAK_XS_COL_MEN),
                    x->f_header));
  TRY (cell_string (x, s, r, C_TOPIC, aimak_export_string (x->lang, AIMAK_XS_COL_TOTAL),
                    x->f_header));
  block_first = ++r;
  for (guint i = 0; i < n_roles; i++, r++)
    {
      Code *role = g_ptr_array_index (x->roles.list, i);

      TRY (cell_string (x, s, r, C_AREA, role->name, x->f_wrap));
      for (guint sex = 0; sex < 2; sex++)
        {
          lxw_rowcol_to_cell (c1, total_row, C_FIRST_ROLE + 2 * i + sex);
          g_string_printf (formula, "=%s", c1);
          TRY (cell_formula (x, s, r, sex ? C_TYPE : C_DATE, formula->str,
                             sums[2 * i + sex], x->f_count));
        }
      lxw_rowcol_to_cell (c1, r, C_DATE);
      lxw_rowcol_to_cell (c2, r, C_TYPE);
      g_string_printf (formula, "=%s+%s", c1, c2);
      TRY (cell_formula (x, s, r, C_TOPIC, formula->str, sums[2 * i] + sums[2 * i + 1],
                         x->f_count));
    }

  chart = workbook_add_chart (x->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    return set_null_error (x, "chart");
  chart_title_set_name (chart, aimak_export_string (x->lang, AIMAK_XS_CHART_CAPACITY));
  for (guint sex = 0; sex < 2; sex++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        return set_null_error (x, "chart");
      chart_series_set_categories (series, s->name, block_first, C_AREA,
                                   MAX (r, block_first + 1) - 1, C_AREA);
      chart_series_set_values (series, s->name, block_first, sex ? C_TYPE : C_DATE,
                               MAX (r, block_first + 1) - 1, sex ? C_TYPE : C_DATE);
      chart_series_set_name (series, aimak_export_string (x->lang, sex ? AIMAK_XS_COL_MEN
                                                                       : AIMAK_XS_COL_WOMEN));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  TRY (check (x, worksheet_insert_chart_opt (s->ws, block_first - 1, C_TOPIC + 2, chart,
                                             &chart_opts), s->name));
  return sheet_finish (x, s, MAX (r, block_first + 20), n_cols - 1);
}

/* ------------------------------------------------------------- Gender budget */

/* @text as an Excel string literal with @prefix ("<>" for "not"), quotes doubled. */
static void
append_criterion (GString    *out,
                  const char *prefix,
                  const char *text)
{
  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* ",<status range>,\"<>Rejected\"" for each rejected status, so that SUMIFS leaves
 * rejected priorities out of every total (the rule of aimak_summary_status_class()). */
static char *
not_rejected (Export     *x,
              const char *status_range)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);

      if (aimak_summary_status_class (c->code) != AIMAK_STATUS_CLASS_REJECTED)
        continue;
      g_string_append_printf (out, ",%s,", status_range);
      append_criterion (out, "<>", c->name);
    }
  return g_string_free (out, FALSE);
}

/* "SUMIFS(...)+SUMIFS(...)" over the adopted statuses, with @extra criteria; "0" when
 * the status list has none. */
static char *
sum_adopted (Export     *x,
             const char *budget_range,
             const char *status_range,
             const char *extra)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < x->statuses.list->len; i++)
    {
      Code *c = g_ptr_array_index (x->statuses.list, i);

      if (aimak_summary_status_class (c->code) != AIMAK_STATUS_CLASS_ADOPTED)
        continue;
      g_string_append_printf (out, "%sSUMIFS(%s,%s,", out->len ? "+" : "", budget_range,
                              status_range);
      append_criterion (out, "", c->name);
      g_string_append_printf (out, "%s)", extra);
    }
  if (out->len == 0)
    g_string_append_c (out, '0');
  return g_string_free (out, FALSE);
}

static gboolean
write_budget (Export *x)
{
  Sheet *s = &x->sheets[SHEET_BUDGET];
  Sheet *p = &x->sheets[SHEET_PRIORITIES];
  enum { C_BREAKDOWN, C_CODE, C_CATEGORY, C_BUDGET, C_SHARE, C_N };
  static const AimakExportString header_ids[C_N] = {
    AIMAK_XS_COL_BREAKDOWN, AIMAK_XS_COL_CODE, AIMAK_XS_COL_CATEGORY,
    AIMAK_XS_COL_BUDGET, AIMAK_XS_COL_SHARE,
  };
  const char *headers[C_N];
  char budget_range[96], marker_range[96], funding_range[96], status_range[96];
  char c1[16], c2[16], total_cell[16], adopted_cell[16], gender_cell[16];
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autofree char *live = NULL;
  double total = x->budget_marker[0] + x->budget_marker[1] + x->budget_marker[2];
  guint n_funding = x->funding.list->len;
  lxw_row_t row = FIRST_DATA_ROW, total_row, adopted_row, gender_row, share_row, share_all_row;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options chart_opts = { .x_offset = 10, .x_scale = 1.1, .y_scale = 1.2 };

  for (guint c = 0; c < C_N; c++)
    headers[c] = aimak_export_string (x->lang, header_ids[c]);
  s->cap[C_CATEGORY] = 40;
  s->cap[C_SHARE] = WIDTH_CAP_WRAP;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_BUDGET));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));

#define COLUMN_RANGE(buf, col) G_STMT_START {                                    \
    lxw_rowcol_to_cell_abs (c1, FIRST_DATA_ROW, col, TRUE, TRUE);                 \
    lxw_rowcol_to_cell_abs (c2, x->priorities_last_row, col, TRUE, TRUE);         \
    g_snprintf (buf, sizeof buf, "'%s'!%s:%s", p->name, c1, c2);                  \
  } G_STMT_END
  COLUMN_RANGE (budget_range, PC_BUDGET);
  COLUMN_RANGE (marker_range, PC_MARKER);
  COLUMN_RANGE (funding_range, PC_FUNDING);
  COLUMN_RANGE (status_range, PC_STATUS);
#undef COLUMN_RANGE
  live = not_rejected (x, status_range);

  /* The total (three marker rows + funding rows + a blank row) is below the list,
   * then the adopted programme and the two shares, each with its definition. */
  total_row = FIRST_DATA_ROW + 3 + n_funding + 1 + 1;
  adopted_row = total_row + 1;
  gender_row = total_row + 2;
  share_row = total_row + 3;
  share_all_row = total_row + 4;
  lxw_rowcol_to_cell_abs (total_cell, total_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (adopted_cell, adopted_row, C_BUDGET, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (gender_cell, gender_row, C_BUDGET, TRUE, TRUE);

  for (guint i = 0; i < 3; i++, row++)
    {
      Code *m = i < x->markers.list->len ? g_ptr_array_index (x->markers.list, i) : NULL;

      TRY (cell_string (x, s, row, C_BREAKDOWN, aimak_export_string (x->lang, AIMAK_XS_BY_MARKER),
                        x->f_text));
      TRY (cell_number (x, s, row, C_CODE, i, x->f_int));
      TRY (cell_string (x, s, row, C_CATEGORY, m ? m->name : "", x->f_text));
      lxw_rowcol_to_cell (c1, row, C_CODE);
      g_string_printf (formula, "=SUMIFS(%s,%s,%s%s)", budget_range, marker_range, c1, live);
      TRY (cell_formula (x, s, row, C_BUDGET, formula->str, x->budget_marker[i], x->f_kgs));
      lxw_rowcol_to_cell (c1, row, C_BUDGET);
      g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", total_cell, c1, total_cell);
      if (total > 0)
        TRY (cell_formula (x, s, row, C_SHARE, formula->str, x->budget_marker[i] / total,
                           x->f_percent));
      else
        TRY (cell_formula_str (x, s, row, C_SHARE, formula->str, "", x->f_percent));
    }
  for (guint i = 0; i <= n_funding; i++, row++)
    {
      Code *f = i < n_funding ? g_ptr_array_index (x->funding.list, i) : NULL;

      TRY (cell_string (x, s, row, C_BREAKDOWN,
                        aimak_export_string (x->lang, AIMAK_XS_BY_FUNDING), x->f_text));
      TRY (cell_string (x, s, row, C_CODE, f ? f->code : NULL, x->f_text));
      TRY (cell_string (x, s, row, C_CATEGORY,
                        f ? f->name : aimak_export_string (x->lang, AIMAK_XS_NO_FUNDING),
                        x->f_text));
      /* The priorities show funding by name; no source is an empty cell. */
      lxw_rowcol_to_cell (c1, row, C_CATEGORY);
      if (f)
        g_string_printf (formula, "=SUMIFS(%s,%s,%s%s)", budget_range, funding_range, c1, live);
      else
        g_string_printf (formula, "=SUMIFS(%s,%s,\"\"%s)", budget_range, funding_range, live);
      TRY (cell_formula (x, s, row, C_BUDGET, formula->str, x->budget_funding[i], x->f_kgs));
      lxw_rowcol_to_cell (c1, row, C_BUDGET);
      g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", total_cell, c1, total_cell);
      if (total > 0)
        TRY (cell_formula (x, s, row, C_SHARE, formula->str, x->budget_funding[i] / total,
                           x->f_percent));
      else
        TRY (cell_formula_str (x, s, row, C_SHARE, formula->str, "", x->f_percent));
    }
  s->last_row = row - 1;
  TRY (sheet_filter (x, s, s->last_row));

  TRY (cell_string (x, s, total_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_TOTAL_BUDGET), x->f_total_label));
  lxw_rowcol_to_cell (c1, FIRST_DATA_ROW, C_BUDGET);
  lxw_rowcol_to_cell (c2, FIRST_DATA_ROW + 2, C_BUDGET);
  g_string_printf (formula, "=SUM(%s:%s)", c1, c2);
  TRY (cell_formula (x, s, total_row, C_BUDGET, formula->str, total, x->f_total_kgs));
  TRY (cell_string (x, s, adopted_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *sum = sum_adopted (x, budget_range, status_range, "");
    g_string_printf (formula, "=%s", sum);
    TRY (cell_formula (x, s, adopted_row, C_BUDGET, formula->str, x->budget_adopted, x->f_kgs));
  }
  TRY (cell_string (x, s, gender_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_GENDER_BUDGET_ADOPTED), x->f_text));
  {
    g_autofree char *m1 = g_strdup_printf (",%s,1", marker_range);
    g_autofree char *m2 = g_strdup_printf (",%s,2", marker_range);
    g_autofree char *sum1 = sum_adopted (x, budget_range, status_range, m1);
    g_autofree char *sum2 = sum_adopted (x, budget_range, status_range, m2);
    g_string_printf (formula, "=%s+%s", sum1, sum2);
    TRY (cell_formula (x, s, gender_row, C_BUDGET, formula->str, x->gender_adopted, x->f_kgs));
  }
  TRY (cell_string (x, s, share_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED), x->f_bold));
  g_string_printf (formula, "=IF(%s=0,\"\",%s/%s)", adopted_cell, gender_cell, adopted_cell);
  if (x->budget_adopted > 0)
    TRY (cell_formula (x, s, share_row, C_BUDGET, formula->str,
                       x->gender_adopted / x->budget_adopted, x->f_percent));
  else
    TRY (cell_formula_str (x, s, share_row, C_BUDGET, formula->str, "", x->f_percent));
  TRY (cell_string (x, s, share_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_ADOPTED_DEF), x->f_wrap));
  TRY (cell_string (x, s, share_all_row, C_CATEGORY,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS), x->f_bold));
  lxw_rowcol_to_cell (c1, FIRST_DATA_ROW + 1, C_BUDGET);
  lxw_rowcol_to_cell (c2, FIRST_DATA_ROW + 2, C_BUDGET);
  g_string_printf (formula, "=IF(%s=0,\"\",(%s+%s)/%s)", total_cell, c1, c2, total_cell);
  if (total > 0)
    TRY (cell_formula (x, s, share_all_row, C_BUDGET, formula->str,
                       (x->budget_marker[1] + x->budget_marker[2]) / total, x->f_percent));
  else
    TRY (cell_formula_str (x, s, share_all_row, C_BUDGET, formula->str, "", x->f_percent));
  TRY (cell_string (x, s, share_all_row, C_SHARE,
                    aimak_export_string (x->lang, AIMAK_XS_SHARE_PROPOSALS_DEF), x->f_wrap));
  s->width[C_CATEGORY] = MAX (s->width[C_CATEGORY], 30);

  chart = workbook_add_chart (x->wb, LXW_CHART_PIE);
  if (chart == NULL)
    return set_null_error (x, "chart");
  chart_title_set_name (chart, aimak_export_string (x->lang, AIMAK_XS_CHART_BUDGET));
  series = chart_add_series (chart, NULL, NULL);
  if (series == NULL)
    return set_null_error (x, "chart");
  chart_series_set_categories (series, s->name, FIRST_DATA_ROW, C_CATEGORY,
                               FIRST_DATA_ROW + 2, C_CATEGORY);
  chart_series_set_values (series, s->name, FIRST_DATA_ROW, C_BUDGET,
                           FIRST_DATA_ROW + 2, C_BUDGET);
  chart_series_set_name (series, aimak_export_string (x->lang, AIMAK_XS_COL_BUDGET));
  chart_series_set_labels (series);
  chart_series_set_labels_percentage (series);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  TRY (check (x, worksheet_insert_chart_opt (s->ws, FIRST_DATA_ROW, C_N + 1, chart,
                                             &chart_opts), s->name));
  return sheet_finish (x, s, MAX (share_all_row, FIRST_DATA_ROW + 18), C_N + 10);
}

/* -------------------------------------------------------------------- Cover */

static gboolean
write_cover (Export *x)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  enum { C_SECTION, C_ITEM, C_VALUE, C_NOTE, C_N };
  const char *headers[C_N] = {
    aimak_export_string (x->lang, AIMAK_XS_COL_SECTION),
    aimak_export_string (x->lang, AIMAK_XS_COL_ITEM),
    aimak_export_string (x->lang, AIMAK_XS_COL_VALUE),
    aimak_export_string (x->lang, AIMAK_XS_COL_NOTE),
  };
  static const struct { guint sheet; AimakExportString about; } contents[] = {
    { SHEET_PROFILE, AIMAK_XS_ABOUT_PROFILE },
    { SHEET_PRIORITIES, AIMAK_XS_ABOUT_PRIORITIES },
    { SHEET_INDICATORS, AIMAK_XS_ABOUT_INDICATORS },
    { SHEET_CAPACITY, AIMAK_XS_ABOUT_CAPACITY },
    { SHEET_BUDGET, AIMAK_XS_ABOUT_BUDGET },
    { SHEET_ALIGNMENT, AIMAK_XS_ABOUT_ALIGNMENT },
  };
  const char *section;
  const char *who = g_get_real_name ();
  g_autofree char *date = g_date_time_format (x->now, "%Y-%m-%d");
  g_autofree char *version = g_strdup_printf ("Aimak %s", PACKAGE_VERSION);
  lxw_row_t row = FIRST_DATA_ROW, status_first, status_last;

#define STR(s) aimak_export_string (x->lang, s)
  s->cap[C_SECTION] = 28;
  s->cap[C_ITEM] = 36;
  s->cap[C_VALUE] = WIDTH_CAP_TEXT;
  s->cap[C_NOTE] = WIDTH_CAP_TEXT;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_COVER));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));

  section = STR (AIMAK_XS_SECTION_ABOUT);
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_AREAS), x->f_text));
  TRY (cell_string (x, s, row, C_VALUE, x->scope_label, x->f_wrap));
  TRY (cell_string (x, s, row++, C_NOTE, x->scope_note, x->f_wrap));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_PROGRAMME_START), x->f_text));
  TRY (cell_number (x, s, row++, C_VALUE, x->first_year ? x->first_year : NAN, x->f_int));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_PROGRAMME_END), x->f_text));
  TRY (cell_number (x, s, row++, C_VALUE, x->last_year ? x->last_year : NAN, x->f_int));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_PREPARED_BY), x->f_text));
  /* GLib says "Unknown" when the account has no real name. */
  if (who == NULL || *who == '\0' || g_strcmp0 (who, "Unknown") == 0)
    who = g_get_user_name ();
  TRY (cell_string (x, s, row, C_VALUE, who, x->f_text));
  TRY (cell_string (x, s, row++, C_NOTE, version, x->f_text));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_PREPARED_ON), x->f_text));
  TRY (cell_date (x, s, row++, C_VALUE, date, x->f_date));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_LANGUAGE), x->f_text));
  TRY (cell_string (x, s, row++, C_VALUE, STR (AIMAK_XS_LANGUAGE_NAME), x->f_text));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_N_PRIORITIES), x->f_text));
  TRY (cell_number (x, s, row++, C_VALUE, x->n_priorities, x->f_count));
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row, C_ITEM, STR (AIMAK_XS_ITEM_N_ACTIVITIES), x->f_text));
  TRY (cell_number (x, s, row++, C_VALUE, x->n_activities, x->f_count));

  section = STR (AIMAK_XS_SECTION_CONTENTS);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++, row++)
    {
      const char *name = x->sheets[contents[i].sheet].name;

      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_link (x, s, row, C_ITEM, name, name));
      TRY (cell_string (x, s, row, C_VALUE, STR (contents[i].about), x->f_wrap));
    }

  section = STR (AIMAK_XS_SECTION_SOURCES);
  for (guint i = 0; i < x->sources->len; i++, row++)
    {
      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_number (x, s, row, C_ITEM, i + 1, x->f_int));
      TRY (cell_string (x, s, row, C_VALUE, g_ptr_array_index (x->sources, i), x->f_wrap));
    }
  if (x->sources->len == 0)
    {
      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_string (x, s, row++, C_VALUE, STR (AIMAK_XS_SOURCE_NONE), x->f_wrap));
    }
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_number (x, s, row, C_ITEM, x->sources->len + 1, x->f_int));
  TRY (cell_string (x, s, row++, C_VALUE, STR (AIMAK_XS_SOURCE_PLANNERS), x->f_wrap));

  section = STR (AIMAK_XS_SECTION_MARKER);
  for (guint i = 0; i < x->markers.list->len; i++, row++)
    {
      Code *m = g_ptr_array_index (x->markers.list, i);

      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_number (x, s, row, C_ITEM, g_ascii_strtod (m->code, NULL), x->f_int));
      TRY (cell_string (x, s, row, C_VALUE, m->name, x->f_wrap));
      TRY (cell_string (x, s, row, C_NOTE, m->definition, x->f_wrap));
    }

  section = STR (AIMAK_XS_SECTION_STATUS);
  status_first = row;
  for (guint i = 0; i < x->statuses.list->len; i++, row++)
    {
      Code *st = g_ptr_array_index (x->statuses.list, i);

      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_number (x, s, row, C_ITEM, i + 1, x->f_int));
      TRY (cell_string (x, s, row, C_VALUE, st->name, x->f_wrap));
    }
  status_last = row - 1;
  if (x->status_list_by_name && x->statuses.list->len > 0)
    {
      char first[16], last[16];
      g_autofree char *formula = NULL;

      lxw_rowcol_to_cell_abs (first, status_first, C_VALUE, TRUE, TRUE);
      lxw_rowcol_to_cell_abs (last, status_last, C_VALUE, TRUE, TRUE);
      formula = g_strdup_printf ("='%s'!%s:%s", s->name, first, last);
      TRY (check (x, workbook_define_name (x->wb, "AimakStatuses", formula), s->name));
    }

  section = STR (AIMAK_XS_SECTION_NOTES);
  TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
  TRY (cell_string (x, s, row++, C_VALUE,
                    STR (x->has_demo ? AIMAK_XS_NOTE_DEMO : AIMAK_XS_NOTE_NO_DEMO), x->f_wrap));
  if (x->suppress_small)
    {
      g_autofree char *n = g_strdup_printf ("%d", x->threshold);
      g_autofree char *note = aimak_export_string_subst (x->lang, AIMAK_XS_NOTE_SUPPRESSED,
                                                         "n", n);
      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_string (x, s, row++, C_VALUE, note, x->f_wrap));
    }
  if (x->constant_memory)
    {
      TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
      TRY (cell_string (x, s, row++, C_VALUE, STR (AIMAK_XS_NOTE_LARGE), x->f_wrap));
    }

  /* What was hidden and why, and which texts were cut: cell by cell, so that a reader
   * can find each one. */
  {
    const struct { GPtrArray *list; AimakExportString title; } noted[] = {
      { x->hidden, AIMAK_XS_SECTION_HIDDEN },
      { x->cut, AIMAK_XS_SECTION_CUT },
    };

    for (guint k = 0; k < G_N_ELEMENTS (noted); k++)
      {
        section = STR (noted[k].title);
        for (guint i = 0; i < noted[k].list->len; i++, row++)
          {
            Noted *n = g_ptr_array_index (noted[k].list, i);

            TRY (cell_string (x, s, row, C_SECTION, section, x->f_bold));
            TRY (cell_string (x, s, row, C_ITEM, n->where, x->f_text));
            TRY (cell_string (x, s, row, C_VALUE, n->what, x->f_wrap));
            TRY (cell_string (x, s, row, C_NOTE, n->why, x->f_wrap));
          }
      }
  }
  s->last_row = row - 1;
#undef STR
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, s->last_row, C_N - 1);
}

/* ------------------------------------------------------------- the file */

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* Refuses what cannot be replaced before any work is done: the database itself,
 * a backup, a file that is not a workbook, a folder, a read-only file, a missing
 * folder, and an existing workbook unless the caller asked to replace it. */
static gboolean
check_target (AimakDb     *db,
              const char  *path,
              gboolean     replace,
              char       **dir_out,
              GError     **error)
{
  return aimak_file_check_workbook_target (path, db ? aimak_db_get_path (db) : NULL, replace,
                                           dir_out, error);
}

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *dir,
                 const char *path)
{
  g_autofree char *dir_shown = display_name (dir);
  g_autofree char *shown = display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_NO_SPACE,
                   _("There is not enough space on the disk to save “%s”."), shown);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_PATH,
                   _("You do not have permission to save files in the folder “%s” (%s)."),
                   dir_shown, g_strerror (saved_errno));
      break;
    default:
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Could not save “%s”: %s"), shown, g_strerror (saved_errno));
    }
}

/* An empty, hidden file beside the target: proves the folder is writable before the
 * export starts, and is where libxlsxwriter writes. The mode follows the umask like
 * any new file. */
static char *
create_temp (const char  *dir,
             const char  *path,
             GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.aimak-", base);
  g_autofree char *tmp = aimak_file_temp_template (dir, prefix, NULL);
  int fd;

  /* What a killed export left here goes first (see aimak-file-safety.h). */
  aimak_file_clean_stale_temps (dir);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      set_errno_error (error, errno, dir, path);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

static gboolean
sync_file (const char  *tmp,
           const char  *dir,
           const char  *path,
           GError     **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    {
      set_errno_error (error, errno, dir, path);
      return FALSE;
    }
  /* The data must be on disk before the rename makes it the file people open. */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved = errno;
      close (fd);
      set_errno_error (error, saved, dir, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
export_clear (Export *x)
{
  CodeList *lists[] = { &x->sectors, &x->target_groups, &x->gcm, &x->sdg, &x->statuses,
                        &x->funding, &x->roles, &x->activity_types, &x->markers,
                        &x->checklist };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    code_list_clear (lists[i]);
  g_clear_pointer (&x->areas, g_hash_table_unref);
  g_clear_pointer (&x->links, g_hash_table_unref);
  g_clear_pointer (&x->sources, g_ptr_array_unref);
  g_clear_pointer (&x->source_set, g_hash_table_unref);
  g_clear_pointer (&x->hidden, g_ptr_array_unref);
  g_clear_pointer (&x->priority_headers, g_ptr_array_unref);
  g_clear_pointer (&x->cut, g_ptr_array_unref);
  g_clear_pointer (&x->now, g_date_time_unref);
  g_clear_pointer (&x->scope_json, g_free);
  g_clear_pointer (&x->scope_label, g_free);
  g_clear_pointer (&x->scope_note, g_free);
  g_clear_pointer (&x->footer, g_free);
  g_clear_pointer (&x->budget_funding, g_free);
}

static gboolean
write_workbook (Export     *x,
                const char *tmp,
                const char *dir)
{
  lxw_workbook_options options = {
    .constant_memory = x->constant_memory ? LXW_TRUE : LXW_FALSE,
    /* libxlsxwriter's own scratch files go beside the target, not to a /tmp that may
     * be in memory: a large export must not eat RAM through tmpfs. */
    .tmpdir = (char *) dir,
  };
  g_autofree char *title = g_strdup (aimak_export_string (x->lang, AIMAK_XS_TITLE_COVER));
  g_autofree char *comments = g_strdup_printf ("Aimak %s", PACKAGE_VERSION);
  lxw_doc_properties properties = {
    .title = title,
    .subject = x->scope_label,
    .author = (char *) "Aimak",
    .company = (char *) "Aimak",
    .comments = comments,
    .keywords = (char *) "migration, gender, development priorities",
    .created = (time_t) g_date_time_to_unix (x->now),
  };

  aimak_file_quiet_stderr_begin ();
  x->wb = workbook_new_opt (tmp, &options);
  aimak_file_quiet_stderr_end ();
  if (x->wb == NULL)
    return set_null_error (x, "workbook");
  TRY (check (x, workbook_set_properties (x->wb, &properties), "properties"));
  TRY (create_formats (x));
  TRY (add_sheets (x));
  x->footer = build_footer (x);
  TRY (write_profile (x));
  TRY (write_priorities (x));
  TRY (write_indicators (x));
  TRY (write_capacity (x));
  TRY (write_budget (x));
  TRY (write_cover (x));
  return !g_cancellable_set_error_if_cancelled (x->cancellable, &x->error);
}

gboolean
aimak_export_workbook_full (AimakDb                   *db,
                            const AimakExportOptions  *opts,
                            const char                *path,
                            GCancellable              *cancellable,
                            AimakExportProgress        progress,
                            gpointer                   progress_data,
                            AimakExportStats          *stats,
                            GError                   **error)
{
  Export x = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  locale_t c_numeric, previous_locale = (locale_t) 0;
  gboolean own_transaction = FALSE, ok = FALSE;
  gint64 saved_cache = 0;
  lxw_error err;
  int saved_errno;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  x.db = db;
  x.lang = opts->lang ? opts->lang : "en";
  x.scope = &opts->scope;
  x.suppress_small = opts->suppress_small;
  x.threshold = opts->threshold > 0 ? opts->threshold : AIMAK_EXPORT_DEFAULT_THRESHOLD;
  x.cancellable = cancellable;
  x.progress = progress;
  x.progress_data = progress_data;
  if (!aimak_lang_is_valid (x.lang))
    {
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID,
                   _("Unknown workbook language “%s”: use en, ru or ky."), x.lang);
      return FALSE;
    }
  if (opts->threshold < 0)
    {
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID,
                   _("The small-count threshold must be a positive number, not %d."),
                   opts->threshold);
      return FALSE;
    }
  if (!check_target (db, path, opts->replace, &dir, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  x.now = g_date_time_new_now_local ();
  x.sources = g_ptr_array_new ();
  x.source_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.hidden = g_ptr_array_new_with_free_func (noted_free);
  x.cut = g_ptr_array_new_with_free_func (noted_free);
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  if (c_numeric != (locale_t) 0)
    previous_locale = uselocale (c_numeric);

  /* One read transaction: every sheet sees the same state of the database. */
  if (!aimak_db_in_transaction (db))
    {
      if (!aimak_db_exec_script (db, "BEGIN DEFERRED", &x.error))
        goto out;
      own_transaction = TRUE;
    }
  /* SQLite's default 2 MB page cache makes the one pass over 100,000 priorities
   * re-read the same pages from the kernel many times; 64 MB holds the working set. */
  saved_cache = aimak_db_query_int (db, -2000, NULL, "PRAGMA cache_size", NULL);
  aimak_db_exec_script (db, "PRAGMA cache_size = -65536", NULL);
  report (&x, 0);
  if (!load_lists (&x) || !resolve_scope (&x) || !count_work (&x) || !load_links (&x))
    goto out;
  tmp = create_temp (dir, path, &x.error);
  if (tmp == NULL)
    goto out;
  if (!write_workbook (&x, tmp, dir))
    goto out;

  report (&x, 0.9);
  /* libxlsxwriter says what failed on stderr in English; the message below says it
   * in the user's language. */
  aimak_file_quiet_stderr_begin ();
  errno = 0;
  err = workbook_close (x.wb);
  saved_errno = errno;
  aimak_file_quiet_stderr_end ();
  x.wb = NULL;
  if (err != LXW_NO_ERROR)
    {
      int saved = saved_errno;
      /* The system's reason (disk full, file too large, permission) says more
       * than libxlsxwriter's "Zip generic error". */
      if (saved != 0)
        set_errno_error (&x.error, saved, dir, path);
      else
        {
          g_autofree char *shown = display_name (path);
          g_set_error (&x.error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                       _("Could not write the workbook “%s”: %s"), shown, lxw_strerror (err));
        }
      goto out;
    }
  if (!sync_file (tmp, dir, path, &x.error))
    goto out;
  /* libxlsxwriter does not notice when its scratch files are cut short (a file
   * size limit, a full disk) and zips what it got: read the result back. */
  {
    g_autoptr(GError) bad = NULL;

    if (!aimak_file_verify_workbook (tmp, &bad))
      {
        g_autofree char *shown = display_name (path);
        g_set_error (&x.error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                     _("Could not write the workbook “%s”: the written file does not read "
                       "back correctly (%s). The disk may be full or a file size limit "
                       "reached. Nothing was saved."), shown, bad->message);
        goto out;
      }
  }
  /* Checked again: the target may have become a folder or read-only meanwhile. */
  {
    g_autofree char *ignored = NULL;
    if (!check_target (db, path, opts->replace, &ignored, &x.error))
      goto out;
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, &x.error))
    goto out;
  if (g_rename (tmp, path) != 0)
    {
      set_errno_error (&x.error, errno, dir, path);
      goto out;
    }
  g_clear_pointer (&tmp, g_free);
  x.stats.constant_memory = x.constant_memory;
  if (stats)
    *stats = x.stats;
  report (&x, 1.0);
  ok = TRUE;

out:
  if (x.wb)
    lxw_workbook_free (x.wb);   /* abandons the workbook without writing it */
  if (tmp)
    g_unlink (tmp);
  if (own_transaction)
    aimak_db_exec_script (db, ok ? "COMMIT" : "ROLLBACK", NULL);
  if (saved_cache != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                 saved_cache);
      aimak_db_exec_script (db, pragma, NULL);
    }
  if (c_numeric != (locale_t) 0)
    {
      uselocale (previous_locale);
      freelocale (c_numeric);
    }
  export_clear (&x);
  if (!ok)
    {
      if (x.error == NULL)
        g_set_error_literal (&x.error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                             _("The workbook could not be written."));
      g_propagate_error (error, x.error);
    }
  return ok;
}

gboolean
aimak_export_workbook (AimakDb                   *db,
                       const AimakExportOptions  *opts,
                       const char                *path,
                       GCancellable              *cancellable,
                       AimakExportProgress        progress,
                       gpointer                   progress_data,
                       GError                   **error)
{
  return aimak_export_workbook_full (db, opts, path, cancellable, progress, progress_data,
                                     NULL, error);
}

char *
aimak_export_default_filename (AimakDb          *db,
                               const AimakScope *scope,
                               GDateTime        *date)
{
  g_autoptr(GDateTime) now = date ? g_date_time_ref (date) : g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *label = NULL;
  GString *safe = g_string_new (NULL);

  g_return_val_if_fail (scope != NULL, NULL);

  if (scope->kind == AIMAK_SCOPE_AREA && scope->area_code)
    {
      g_autoptr(AimakArea) area = db ? aimak_area_get (db, scope->area_code, NULL) : NULL;
      label = g_strdup (area ? aimak_area_name (area, "en") : scope->area_code);
    }
  else
    label = g_strdup (scope->kind == AIMAK_SCOPE_PILOTS ? "pilot areas" : "all areas");

  /* Letters and digits stay, anything else becomes one "-": safe on every file system
   * and in an e-mail attachment. */
  for (const char *p = label; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (safe, c);
      else if (safe->len && safe->str[safe->len - 1] != '-')
        g_string_append_c (safe, '-');
    }
  while (safe->len && safe->str[safe->len - 1] == '-')
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_append (safe, "area");
  g_string_prepend (safe, "Aimak-");
  g_string_append_printf (safe, "-%s.xlsx", day);
  return g_string_free (safe, FALSE);
}

guint64
aimak_export_set_memory_limit (guint64 n_cells)
{
  guint64 previous = memory_limit;

  memory_limit = n_cells;
  return previous;
}
