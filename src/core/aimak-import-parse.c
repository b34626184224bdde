/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-parse.c — reading an indicator CSV: the header in any of the three
 * languages, the lookups of areas (by code or name) and indicators, every row checked
 * with the editor's rules, and the preview the import dialog shows. Nothing here
 * writes. See aimak-import-private.h.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-import-private.h"
#include "aimak-indicator-private.h"
#include "aimak-number.h"
#include "aimak-server.h"

/* ---- the header ---- */

/* Accepted names, normalised as header_key() does (casefolded, without
 * spaces, '_', '-', '.'). Documented in aimak-import.h. */
static const char * const header_names[AIMAK_IMPORT_N_COLS][16] = {
  [AIMAK_IMPORT_COL_AREA] = { "area", "areacode", "code", "areaname", "territory",
                              "территория", "кодтерритории", "район", "аймак", "код",
                              "аймаккоду", "аймактынкоду", NULL },
  [AIMAK_IMPORT_COL_INDICATOR] = { "indicator", "indicatorcode", "показатель",
                                   "кодпоказателя", "көрсөткүч", "көрсөткүчтүнкоду",
                                   "көрсөткүчкоду", NULL },
  [AIMAK_IMPORT_COL_YEAR] = { "year", "год", "жыл", NULL },
  [AIMAK_IMPORT_COL_SEX] = { "sex", "gender", "пол", "жынысы", "жыныс", NULL },
  [AIMAK_IMPORT_COL_VALUE] = { "value", "значение", "маани", "мааниси", NULL },
  [AIMAK_IMPORT_COL_SOURCE] = { "source", "источник", "булак", "булагы", NULL },
  [AIMAK_IMPORT_COL_NOTE] = { "note", "notes", "comment", "comments", "примечание",
                              "комментарий", "эскертүү", "эскертме", NULL },
};

static const char * const column_labels[AIMAK_IMPORT_N_COLS] = {
  "area", "indicator", "year", "sex", "value", "source", "note"
};

static char *
header_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (!g_ascii_isspace (*p) && *p != '_' && *p != '-' && *p != '.')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

static int
header_column (const char *name)
{
  g_autofree char *key = header_key (name);

  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    for (guint i = 0; header_names[c][i]; i++)
      if (g_str_equal (key, header_names[c][i]))
        return c;
  return -1;
}


/* ---- the importer ---- */

void
importer_clear (Importer *imp)
{
  g_clear_pointer (&imp->display, g_free);
  g_clear_pointer (&imp->reader, aimak_csv_reader_free);
  g_clear_pointer (&imp->area_codes, g_hash_table_unref);
  g_clear_pointer (&imp->area_names, g_hash_table_unref);
  g_clear_pointer (&imp->area_refusals, g_hash_table_unref);
  g_clear_pointer (&imp->indicators, g_hash_table_unref);
}

static void
add_area_name (GHashTable *names,
               const char *name,
               const char *code)
{
  g_autofree char *stripped = NULL;
  char *key;
  const char *had;

  if (name == NULL || *name == '\0')
    return;
  stripped = g_strstrip (g_strdup (name));
  key = g_utf8_casefold (stripped, -1);
  had = g_hash_table_lookup (names, key);
  /* The three names of one area may coincide; only different areas make a
   * name ambiguous. An ambiguous name maps to AMBIGUOUS and the codes. */
  if (had == NULL)
    g_hash_table_replace (names, key, g_strdup (code));
  else if (had[0] != AMBIGUOUS && g_str_equal (had, code))
    g_free (key);
  else if (had[0] != AMBIGUOUS)
    g_hash_table_replace (names, key, g_strdup_printf ("%c%s, %s", AMBIGUOUS, had, code));
  else if (strstr (had, code) == NULL)
    g_hash_table_replace (names, key, g_strdup_printf ("%s, %s", had, code));
  else
    g_free (key);
}

/* A row (code, name_en, name_ru, name_ky) of the areas. */
static gboolean
add_area_lookup (AimakStmt *row,
                 gpointer   data,
                 GError   **error)
{
  Importer *imp = data;
  const char *code = aimak_stmt_text (row, 0);

  g_hash_table_replace (imp->area_codes, g_ascii_strup (code, -1), g_strdup (code));
  for (int i = 1; i <= 3; i++)
    add_area_name (imp->area_names, aimak_stmt_text (row, i), code);
  return TRUE;
}

static gboolean
load_lookups (Importer  *imp,
              GError   **error)
{
  imp->area_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->area_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) aimak_indicator_free);
  if (!aimak_db_foreach (imp->db, error, add_area_lookup, imp,
                         "SELECT code, name_en, name_ru, name_ky FROM area", NULL))
    return FALSE;
  {
    g_autoptr(GPtrArray) list = aimak_indicator_catalogue (imp->db, error);
    if (list == NULL)
      return FALSE;
    g_ptr_array_set_free_func (list, NULL);
    for (guint i = 0; i < list->len; i++)
      {
        AimakIndicator *ind = g_ptr_array_index (list, i);
        g_hash_table_replace (imp->indicators, g_strdup (ind->code), ind);
      }
  }
  return TRUE;
}

/* Turns an error of the CSV reader into one that names the file and line
 * and tells the user what to do. */
void
import_reader_error (Importer  *imp,
              GError    *cause,
              GError   **error)
{
  guint line = imp->reader ? aimak_csv_reader_get_line (imp->reader) : 0;

  if (line == 0)
    line = 1;
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The import of “%s” was cancelled; nothing was changed."), imp->display);
    }
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_ENCODING))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_ENCODING,
                 _("%s:%u: the file is not in UTF-8 (it is probably in Windows-1251). "
                   "Save it as UTF-8 (in Excel: Save As → “CSV UTF-8”; in LibreOffice: "
                   "character set “Unicode (UTF-8)”) and import it again."),
                 imp->display, line);
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_SYNTAX))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_SYNTAX,
                 _("%s:%u: a quoted field starts here and is not closed before the end "
                   "of the file."), imp->display, line);
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF16))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_ENCODING,
                 _("%s:1: the file is in UTF-16 (“Unicode text”), not UTF-8. Save it as "
                   "UTF-8 (in Excel: Save As → “CSV UTF-8”) and import it again."),
                 imp->display);
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF32))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_ENCODING,
                 _("%s:1: the file is in UTF-32, not UTF-8. Save it as UTF-8 (in Excel: "
                   "Save As → “CSV UTF-8”) and import it again."), imp->display);
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_NUL))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_ENCODING,
                 _("%s:%u: the file contains a NUL byte (character 0), which a text file "
                   "never has: it is not a CSV text file, or it is damaged."),
                 imp->display, aimak_csv_reader_get_current_line (imp->reader));
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_LINE_TOO_LONG))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_SYNTAX,
                 _("%s:%u: the line is longer than %u bytes without a quote open: this is "
                   "not a CSV table of values."), imp->display, line,
                 (guint) AIMAK_CSV_MAX_RECORD);
  else if (g_error_matches (cause, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_TOO_LONG))
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_SYNTAX,
                 _("%s:%u: the row is longer than %u bytes; a quoted field is probably "
                   "not closed."), imp->display, line, (guint) AIMAK_CSV_MAX_RECORD);
  else
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_IO,
                 _("Could not read “%s”: %s"), imp->display, cause->message);
  g_error_free (cause);
}

/* The next line of the header; a file that ends before it is empty. */
static gboolean
read_header_line (Importer      *imp,
                  GPtrArray    **fields,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GError *local_error = NULL;

  if (aimak_csv_reader_next (imp->reader, fields, cancellable, &local_error))
    return TRUE;
  if (local_error)
    import_reader_error (imp, local_error, error);
  else
    g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_EMPTY,
                 _("%s: the file is empty."), imp->display);
  return FALSE;
}

static gboolean
read_header (Importer      *imp,
             GCancellable  *cancellable,
             GError       **error)
{
  GPtrArray *fields = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint recognised = 0;

  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    imp->cols[c] = -1;

  if (!read_header_line (imp, &fields, cancellable, error))
    return FALSE;
  /* Excel writes "sep=;" before the header when asked to. */
  if (fields->len <= 2 && g_str_has_prefix (g_ptr_array_index (fields, 0), "sep=") &&
      (fields->len == 1 || *(const char *) g_ptr_array_index (fields, 1) == '\0') &&
      !read_header_line (imp, &fields, cancellable, error))
    return FALSE;

  imp->n_header = fields->len;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      int c = header_column (name);

      if (c < 0)
        continue;
      if (imp->cols[c] >= 0)
        {
          g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_HEADER,
                       _("%s:%u: the header has two columns for “%s” (columns %d and %u)."),
                       imp->display, aimak_csv_reader_get_line (imp->reader),
                       column_labels[c], imp->cols[c] + 1, i + 1);
          return FALSE;
        }
      imp->cols[c] = (int) i;
      recognised++;
    }
  if (recognised == 0)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_HEADER,
                   _("%s:%u: the first line is not a header. The file must start with a "
                     "line naming the columns: area, indicator, year, sex, value, source "
                     "and (optionally) note."),
                   imp->display, aimak_csv_reader_get_line (imp->reader));
      return FALSE;
    }
  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    if (imp->cols[c] < 0 && c != AIMAK_IMPORT_COL_NOTE)
      {
        if (missing->len)
          g_string_append (missing, ", ");
        g_string_append (missing, column_labels[c]);
      }
  if (missing->len)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_HEADER,
                   _("%s:%u: the header has no column for: %s. The columns are area, "
                     "indicator, year, sex, value, source and (optionally) note."),
                   imp->display, aimak_csv_reader_get_line (imp->reader), missing->str);
      return FALSE;
    }
  imp->decimal_comma = aimak_csv_reader_get_separator (imp->reader) == ';';
  return TRUE;
}

/* The stream is read once, from its start (no second open to sniff the
 * encoding: a pipe would lose what was sniffed). */
gboolean
importer_open (Importer      *imp,
               AimakDb       *db,
               GInputStream  *in,
               const char    *display,
               guint64        total_bytes,
               GCancellable  *cancellable,
               GError       **error)
{
  memset (imp, 0, sizeof *imp);
  imp->db = db;
  imp->display = g_strdup (display);
  imp->total_bytes = total_bytes;
  imp->reader = aimak_csv_reader_new (in, 0);
  return read_header (imp, cancellable, error) && load_lookups (imp, error);
}

/* Opens @file for reading once; *@display is how messages name it. */
GInputStream *
import_open_file (GFile         *file,
           char         **display,
           guint64       *total_bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GFileInputStream *in;
  GError *local_error = NULL;

  *display = g_file_get_parse_name (file);
  *total_bytes = 0;
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_IO,
                   _("Could not open “%s”: %s"), *display, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    *total_bytes = g_file_info_get_size (info);
  return G_INPUT_STREAM (in);
}


/* ---- rows ---- */

void
import_row_clear (Row *row)
{
  g_clear_pointer (&row->source, g_free);
  g_clear_pointer (&row->note, g_free);
}

static const char *
import_field (Importer  *imp,
       GPtrArray *fields,
       int        col)
{
  return aimak_csv_field (fields, imp->cols[col]);
}

gboolean
import_all_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *s = g_ptr_array_index (fields, i);
      for (; *s; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  gsize n = strlen (s);

  if (n == 0 || n > 6)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  *year = atoi (s);
  return TRUE;
}

/* Reasons are kept per column so that a row's message reads in the order of
 * the file's columns whichever check found them. */
typedef struct
{
  GString *by_col[AIMAK_IMPORT_N_COLS];
} Reasons;

static void
reasons_clear (Reasons *r)
{
  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    if (r->by_col[c])
      g_string_free (r->by_col[c], TRUE);
}

static void
add_reason (Reasons    *r,
            int         col,
            const char *reason)
{
  if (r->by_col[col] == NULL)
    r->by_col[col] = g_string_new (reason);
  else
    {
      g_string_append_c (r->by_col[col], ' ');
      g_string_append (r->by_col[col], reason);
    }
}

static gboolean
has_reason (Reasons *r,
            int      col)
{
  return r->by_col[col] != NULL;
}

static char *
reasons_join (Reasons *r)
{
  GString *all = NULL;

  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    if (r->by_col[c])
      {
        if (all == NULL)
          all = g_string_new (r->by_col[c]->str);
        else
          {
            g_string_append_c (all, ' ');
            g_string_append (all, r->by_col[c]->str);
          }
      }
  return all ? g_string_free (all, FALSE) : NULL;
}

static int
column_of_field (const char *field_name)
{
  static const char * const names[AIMAK_IMPORT_N_COLS] = {
    "area_code", "indicator_code", "year", "sex", "value", "source", "note"
  };

  for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
    if (g_str_equal (field_name, names[c]))
      return c;
  return AIMAK_IMPORT_COL_NOTE;
}

/* Checks one record; returns the reasons (translated, joined) or NULL when
 * the row is good, in which case @row is filled. */
/* Why this desk may not write values of @code (an office server takes its
 * changes only for its own areas, aimak_server_check_writable()), or NULL:
 * such a row is refused like any bad row instead of being kept where no sync
 * would ever send it. Asked once per area of the file. */
static const char *
area_refusal (Importer   *imp,
              const char *code)
{
  const char *known;

  if (imp->area_refusals == NULL)
    imp->area_refusals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  known = g_hash_table_lookup (imp->area_refusals, code);
  if (known == NULL)
    {
      g_autoptr(GError) error = NULL;

      aimak_server_check_writable (imp->db, code, &error);
      known = error ? g_strdup (error->message) : g_strdup ("");
      /* @code is the importer's own string (area_codes), alive as long. */
      g_hash_table_insert (imp->area_refusals, (char *) code, (char *) known);
    }
  return *known ? known : NULL;
}

static char *
check_row (Importer  *imp,
           GPtrArray *fields,
           Row       *row)
{
  Reasons reasons = { { NULL } };
  g_autoptr(GPtrArray) problems = aimak_problem_list_new ();
  g_autofree char *area_text = NULL, *indicator_text = NULL, *sex_text = NULL;
  g_autofree char *value_text = NULL, *year_text = NULL;
  AimakIndicatorValue v = { 0 };
  char *joined;

  memset (row, 0, sizeof *row);
  if (fields->len != imp->n_header)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The row has %u field where the header has %u.",
                                         "The row has %u fields where the header has %u.",
                                         fields->len),
                            fields->len, imp->n_header);

  area_text = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_AREA)));
  if (*area_text == '\0')
    add_reason (&reasons, AIMAK_IMPORT_COL_AREA, _("The area is empty."));
  else
    {
      g_autofree char *upper = g_ascii_strup (area_text, -1);
      row->area_code = g_hash_table_lookup (imp->area_codes, upper);
      if (row->area_code == NULL)
        {
          g_autofree char *key = g_utf8_casefold (area_text, -1);
          row->area_code = g_hash_table_lookup (imp->area_names, key);
          if (row->area_code && row->area_code[0] == AMBIGUOUS)
            {
              g_autofree char *msg = NULL;
              /* TRANSLATORS: the second %s is a list of area codes */
              msg = g_strdup_printf (_("Several areas are called “%s” (%s): use the area "
                                       "code."), area_text, row->area_code + 1);
              add_reason (&reasons, AIMAK_IMPORT_COL_AREA, msg);
              row->area_code = NULL;
            }
        }
      if (row->area_code != NULL && area_refusal (imp, row->area_code) != NULL)
        add_reason (&reasons, AIMAK_IMPORT_COL_AREA, area_refusal (imp, row->area_code));
    }

  indicator_text = g_strstrip (g_ascii_strup (import_field (imp, fields, AIMAK_IMPORT_COL_INDICATOR),
                                              -1));
  if (*indicator_text == '\0')
    add_reason (&reasons, AIMAK_IMPORT_COL_INDICATOR, _("The indicator is empty."));
  else
    row->indicator = g_hash_table_lookup (imp->indicators, indicator_text);

  year_text = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_YEAR)));
  if (!parse_year (year_text, &row->year))
    {
      g_autofree char *msg = NULL;
      msg = *year_text ? g_strdup_printf (_("“%s” is not a year."), year_text)
                       : g_strdup (_("The year is empty."));
      add_reason (&reasons, AIMAK_IMPORT_COL_YEAR, msg);
    }

  sex_text = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_SEX)));
  row->sex = aimak_indicator_parse_sex (sex_text);
  if (row->sex == 0)
    {
      g_autofree char *msg = NULL;
      msg = *sex_text ? g_strdup_printf (_("Unknown sex “%s”: use F, M or T (women, men, "
                                           "total)."), sex_text)
                      : g_strdup (_("The sex is empty: use F, M or T (women, men, total)."));
      add_reason (&reasons, AIMAK_IMPORT_COL_SEX, msg);
    }

  value_text = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_VALUE)));
  {
    /* The one grammar of every import_field (aimak-number.h); a ';' file writes a
     * decimal comma. */
    g_autoptr(GError) parse_error = NULL;
    if (!aimak_number_parse (value_text,
                             imp->decimal_comma ? AIMAK_NUMBER_COMMA_IS_DECIMAL : 0,
                             &row->value, &parse_error))
      {
        add_reason (&reasons, AIMAK_IMPORT_COL_VALUE,
                    *value_text ? parse_error->message : _("The value is empty."));
        row->value = NAN;
      }
  }

  row->source = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_SOURCE)));
  if (row->source[0] == '\0')
    add_reason (&reasons, AIMAK_IMPORT_COL_SOURCE,
                _("The source is empty: every figure needs its source."));
  if (imp->cols[AIMAK_IMPORT_COL_NOTE] >= 0)
    row->note = g_strstrip (g_strdup (import_field (imp, fields, AIMAK_IMPORT_COL_NOTE)));

  /* The rules themselves are the editor's; what could not even be parsed
   * was reported above and is not reported twice. */
  v.area_code = row->area_code ? (char *) row->area_code : area_text;
  v.indicator_code = row->indicator ? row->indicator->code : indicator_text;
  v.year = has_reason (&reasons, AIMAK_IMPORT_COL_YEAR) ? 2000 : row->year;
  v.sex = has_reason (&reasons, AIMAK_IMPORT_COL_SEX) ? 'T' : row->sex;
  v.value = has_reason (&reasons, AIMAK_IMPORT_COL_VALUE) ? 0 : row->value;
  v.source = row->source[0] ? row->source : (char *) "-";
  _aimak_indicator_check_value (&v, row->area_code != NULL, row->indicator, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      int col = column_of_field (p->field);
      if (!has_reason (&reasons, col))
        add_reason (&reasons, col, p->message);
    }
  joined = reasons_join (&reasons);
  reasons_clear (&reasons);
  if (joined)
    import_row_clear (row);
  return joined;
}


/* The key of a value's identity, for finding a row that repeats another. */
char *
import_row_key (const Row *row)
{
  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%c\x1f%s", row->area_code, row->indicator->code,
                          row->year, row->sex, row->source);
}

/* A record the reader could read but found malformed (stray quotes). */
char *
import_check_record (Importer  *imp,
              GPtrArray *fields,
              Row       *row)
{
  const char *problem = aimak_csv_reader_get_problem (imp->reader);

  if (problem)
    {
      memset (row, 0, sizeof *row);
      return g_strdup (problem);
    }
  return check_row (imp, fields, row);
}


GPtrArray *
aimak_import_preview (AimakDb   *db,
                      GFile     *file,
                      guint      max_rows,
                      GError   **error)
{
  g_auto(Importer) imp = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *display = NULL;
  guint64 total_bytes = 0;
  GPtrArray *fields = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  in = import_open_file (file, &display, &total_bytes, NULL, error);
  if (in == NULL || !importer_open (&imp, db, in, display, total_bytes, NULL, error))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_import_preview_row_free);
  while (rows->len < max_rows &&
         aimak_csv_reader_next (imp.reader, &fields, NULL, &local_error))
    {
      AimakImportPreviewRow *p;
      Row row;

      if (import_all_blank (fields))
        continue;
      p = g_new0 (AimakImportPreviewRow, 1);
      p->line = aimak_csv_reader_get_line (imp.reader);
      for (int c = 0; c < AIMAK_IMPORT_N_COLS; c++)
        p->fields[c] = g_strdup (imp.cols[c] >= 0 ? import_field (&imp, fields, c) : "");
      p->reason = import_check_record (&imp, fields, &row);
      if (p->reason == NULL)
        {
          char *key = import_row_key (&row);
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));

          if (first)
            {
              p->reason = g_strdup_printf (_("This row repeats line %u (the same area, "
                                             "indicator, year, sex and source): the file "
                                             "cannot be imported until one is removed."),
                                           first);
              g_free (key);
            }
          else
            g_hash_table_insert (seen, key, GUINT_TO_POINTER (p->line));
          import_row_clear (&row);
        }
      g_ptr_array_add (rows, p);
    }
  if (local_error)
    {
      import_reader_error (&imp, local_error, error);
      return NULL;
    }
  if (rows->len == 0 && max_rows > 0)
    {
      g_set_error (error, AIMAK_IMPORT_ERROR, AIMAK_IMPORT_ERROR_EMPTY,
                   _("%s: the file has a header but no data rows."), imp.display);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
