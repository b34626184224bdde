/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-csv.c — the streaming CSV reader. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-csv.h"

#define BUFFER_SIZE 65536

struct _AimakCsvReader
{
  GInputStream *stream;
  guint8        buffer[BUFFER_SIZE];
  gsize         len;
  gsize         pos;
  guint64       offset;       /* bytes consumed before buffer[0] */
  guint         line;         /* current physical line */
  guint         record_line;  /* line where the last record started */
  char          separator;
  gboolean      started;
  gboolean      eof;
  GPtrArray    *fields;
  GString      *field;
  char         *problem;      /* why the last record is malformed, or NULL */
};

G_DEFINE_QUARK (aimak-csv-error-quark, aimak_csv_error)

AimakCsvReader *
aimak_csv_reader_new (GInputStream *stream,
                      char          separator)
{
  AimakCsvReader *reader = g_new0 (AimakCsvReader, 1);

  reader->stream = g_object_ref (stream);
  reader->separator = separator;
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->field = g_string_new (NULL);
  return reader;
}

void
aimak_csv_reader_free (AimakCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_ptr_array_free (reader->fields, TRUE);
  g_string_free (reader->field, TRUE);
  g_free (reader->problem);
  g_free (reader);
}

guint
aimak_csv_reader_get_line (AimakCsvReader *reader)
{
  return reader->record_line;
}

guint
aimak_csv_reader_get_current_line (AimakCsvReader *reader)
{
  return reader->line;
}

const char *
aimak_csv_reader_get_problem (AimakCsvReader *reader)
{
  return reader->problem;
}

guint64
aimak_csv_reader_get_offset (AimakCsvReader *reader)
{
  return reader->offset + reader->pos;
}

char
aimak_csv_reader_get_separator (AimakCsvReader *reader)
{
  return reader->separator;
}

static gboolean
fill (AimakCsvReader *reader,
      GCancellable   *cancellable,
      GError        **error)
{
  gssize n;
  GError *local_error = NULL;

  if (reader->eof)
    return TRUE;
  reader->offset += reader->pos;
  memmove (reader->buffer, reader->buffer + reader->pos, reader->len - reader->pos);
  reader->len -= reader->pos;
  reader->pos = 0;
  n = g_input_stream_read (reader->stream, reader->buffer + reader->len,
                           BUFFER_SIZE - reader->len, cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_IO,
                       _("Could not read the file: %s"), local_error->message);
          g_error_free (local_error);
        }
      return FALSE;
    }
  if (n == 0)
    reader->eof = TRUE;
  reader->len += n;
  return TRUE;
}

/* Looks at the first line in the buffer: the separator is whichever of ';'
 * and ',' appears more often outside quotes. */
static char
detect_separator (const guint8 *p,
                  gsize         len)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (p[i] == '"')
        quoted = !quoted;
      else if (!quoted && (p[i] == '\n' || p[i] == '\r'))
        break;
      else if (!quoted && p[i] == ',')
        commas++;
      else if (!quoted && p[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
finish_field (AimakCsvReader *reader,
              GError        **error)
{
  if (!g_utf8_validate_len (reader->field->str, reader->field->len, NULL))
    {
      g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_ENCODING,
                   _("line %u: the file is not in UTF-8 (perhaps Windows-1251). "
                     "Save it as “CSV UTF-8” and try again."),
                   reader->line);
      return FALSE;
    }
  /* A byte order mark inside the file (two files joined) is invisible and
   * means nothing; left in, it would leak into names and messages. */
  for (char *bom; (bom = strstr (reader->field->str, "\xEF\xBB\xBF"));)
    g_string_erase (reader->field, bom - reader->field->str, 3);
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
  return TRUE;
}

static void
set_problem (AimakCsvReader *reader,
             char           *problem)
{
  if (reader->problem == NULL)
    reader->problem = problem;
  else
    g_free (problem);
}

/* UTF-16 of text in one script other than Latin (a Russian or Kyrgyz header) has
 * few zeros, only for the commas and line ends, but the high byte of every pair is
 * the same few values (0x04 for Cyrillic, 0 for ASCII): zeros at one parity only,
 * and that parity holds at most three different bytes. A stray NUL in UTF-8 text
 * sits among varied bytes. */
static gboolean
one_script_utf16 (const guint8 *b,
                  gsize         n,
                  guint         zero_odd,
                  guint         zero_even)
{
  guint8 seen[3];
  guint n_seen = 0;
  gsize first;

  if (n < 16 || (zero_odd > 0) == (zero_even > 0))
    return FALSE;
  first = zero_odd > 0 ? 1 : 0;
  for (gsize i = first; i < n; i += 2)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < n_seen; k++)
        known = known || seen[k] == b[i];
      if (known)
        continue;
      if (n_seen == G_N_ELEMENTS (seen))
        return FALSE;
      seen[n_seen++] = b[i];
    }
  return TRUE;
}

/* Looks at the first bytes: UTF-32 and UTF-16 (with or without a byte order
 * mark: ASCII text in UTF-16 has a zero in every other byte) are refused by
 * name, and leading UTF-8 byte order marks, even doubled, are skipped. */
static gboolean
check_start (AimakCsvReader *reader,
             GError        **error)
{
  const guint8 *b = reader->buffer;
  gsize n = reader->len;
  guint zero_even = 0, zero_odd = 0;

  if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
                 (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
    {
      g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF32,
                   _("line 1: the file is in UTF-32, not UTF-8"));
      return FALSE;
    }
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
    {
      g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF16,
                   _("line 1: the file is in UTF-16, not UTF-8"));
      return FALSE;
    }
  for (gsize i = 0; i < MIN (n, 64); i++)
    if (b[i] == 0)
      {
        if (i % 2)
          zero_odd++;
        else
          zero_even++;
      }
  if (n >= 4 && zero_odd + zero_even > 0)
    {
      guint pairs = MIN (n, 64) / 2;
      /* "a\0\0\0b\0\0\0": three zeros in four. */
      if (zero_even >= pairs / 2 && zero_odd >= pairs * 3 / 4 && zero_even < pairs)
        {
          g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF32,
                       _("line 1: the file is in UTF-32, not UTF-8"));
          return FALSE;
        }
      if (zero_odd >= pairs * 3 / 4 || zero_even >= pairs * 3 / 4 ||
          one_script_utf16 (b, MIN (n, 64), zero_odd, zero_even))
        {
          g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_UTF16,
                       _("line 1: the file is in UTF-16, not UTF-8"));
          return FALSE;
        }
    }
  while (reader->len - reader->pos >= 3 && memcmp (b + reader->pos, "\xEF\xBB\xBF", 3) == 0)
    reader->pos += 3;
  return TRUE;
}

/* The next byte without taking it: -1 at the end, -2 on error. */
static int
peek_byte (AimakCsvReader *reader,
           GCancellable   *cancellable,
           GError        **error)
{
  if (reader->pos >= reader->len)
    {
      if (!fill (reader, cancellable, error))
        return -2;
      if (reader->pos >= reader->len)
        return -1;
    }
  return reader->buffer[reader->pos];
}

/* The next byte, taken: -1 at the end, -2 on error. */
static int
next_byte (AimakCsvReader *reader,
           GCancellable   *cancellable,
           GError        **error)
{
  int c = peek_byte (reader, cancellable, error);

  if (c >= 0)
    reader->pos++;
  return c;
}

/* The first call: waits for enough bytes to recognise the encoding and the
 * separator. */
static gboolean
start_reading (AimakCsvReader *reader,
               GCancellable   *cancellable,
               GError        **error)
{
  /* A pipe may give the first bytes a few at a time. */
  do
    if (!fill (reader, cancellable, error))
      return FALSE;
  while (!reader->eof && reader->len < 64);
  if (!check_start (reader, error))
    return FALSE;
  if (reader->separator == 0)
    reader->separator = detect_separator (reader->buffer + reader->pos,
                                          reader->len - reader->pos);
  reader->started = TRUE;
  return TRUE;
}

/* Skips blank lines between records; FALSE at the end of the file or on error. */
static gboolean
skip_blank_lines (AimakCsvReader *reader,
                  GCancellable   *cancellable,
                  GError        **error)
{
  for (;;)
    {
      int c = peek_byte (reader, cancellable, error);

      if (c == -2 || c == -1)
        return FALSE;
      if (c != '\r' && c != '\n')
        return TRUE;
      reader->pos++;
      if (c == '\r' && peek_byte (reader, cancellable, error) == '\n')
        reader->pos++;
      reader->line++;
    }
}

static gboolean
record_too_long (AimakCsvReader *reader,
                 gboolean        quoted,
                 GError        **error)
{
  if (quoted)
    g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_TOO_LONG,
                 _("line %u: the record is longer than %u bytes; a quoted field is "
                   "probably not closed"),
                 reader->record_line, (guint) AIMAK_CSV_MAX_RECORD);
  else
    g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_LINE_TOO_LONG,
                 _("line %u: the line is longer than %u bytes; this is not a table "
                   "of values"),
                 reader->record_line, (guint) AIMAK_CSV_MAX_RECORD);
  return FALSE;
}

/* Where the reader is in a field's quotes. */
typedef struct
{
  gboolean quoted;       /* inside quotes */
  gboolean was_quoted;   /* the field started with a quote */
  gboolean closed;       /* just after the closing quote */
} Quoting;

/* A byte inside quotes: a doubled quote is a quote, a single one closes them. */
static gboolean
quoted_byte (AimakCsvReader *reader,
             Quoting        *q,
             int             c,
             GCancellable   *cancellable,
             GError        **error)
{
  if (c == -1)
    {
      g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_SYNTAX,
                   _("line %u: a quoted field is not closed before the end of the file"),
                   reader->record_line);
      return FALSE;
    }
  if (c == '"')
    {
      int d = peek_byte (reader, cancellable, error);
      if (d == -2)
        return FALSE;
      if (d == '"')
        {
          reader->pos++;
          g_string_append_c (reader->field, '"');
        }
      else
        {
          q->quoted = FALSE;
          q->closed = TRUE;
        }
      return TRUE;
    }
  /* A line break inside quotes is part of the field, and a line. */
  if (c == '\n' || (c == '\r' && peek_byte (reader, cancellable, error) != '\n'))
    reader->line++;
  g_string_append_c (reader->field, (char) c);
  return TRUE;
}

/* A byte outside quotes that ends neither the field nor the record. */
static void
plain_byte (AimakCsvReader *reader,
            Quoting        *q,
            int             c)
{
  if (c == '"' && reader->field->len == 0 && !q->was_quoted)
    {
      q->quoted = TRUE;
      q->was_quoted = TRUE;
      return;
    }
  if (q->closed)
    {
      /* Spaces after the closing quote are tolerated and dropped. */
      if (c == ' ' || c == '\t')
        return;
      set_problem (reader,
                   g_strdup_printf (_("Field %u: text follows the closing quote; a quote "
                                      "inside a field is written twice (\"\")."),
                                    reader->fields->len + 1));
      q->closed = FALSE;
    }
  else if (c == '"')
    set_problem (reader,
                 g_strdup_printf (_("Field %u: a quote inside a field that does not start "
                                    "with one; put the field in quotes and write the "
                                    "quote twice (\"\")."),
                                  reader->fields->len + 1));
  g_string_append_c (reader->field, (char) c);
}

gboolean
aimak_csv_reader_next (AimakCsvReader *reader,
                       GPtrArray     **fields,
                       GCancellable   *cancellable,
                       GError        **error)
{
  Quoting q = { FALSE, FALSE, FALSE };
  int c;

  if (!reader->started && !start_reading (reader, cancellable, error))
    return FALSE;

  g_ptr_array_set_size (reader->fields, 0);
  g_string_truncate (reader->field, 0);
  g_clear_pointer (&reader->problem, g_free);
  if (!skip_blank_lines (reader, cancellable, error))
    return FALSE;
  reader->record_line = reader->line;

  for (gsize record_bytes = 0;; record_bytes++)
    {
      if (record_bytes > AIMAK_CSV_MAX_RECORD)
        return record_too_long (reader, q.quoted, error);
      c = next_byte (reader, cancellable, error);
      if (c == -2)
        return FALSE;
      if (c == 0)
        {
          g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_NUL,
                       _("line %u: the file contains a NUL byte (character 0)"), reader->line);
          return FALSE;
        }
      if (q.quoted)
        {
          if (!quoted_byte (reader, &q, c, cancellable, error))
            return FALSE;
          continue;
        }
      if (c == -1 || c == '\n' || c == '\r')
        {
          if (c == '\r' && peek_byte (reader, cancellable, error) == '\n')
            reader->pos++;
          if (c != -1)
            reader->line++;
          if (!finish_field (reader, error))
            return FALSE;
          *fields = reader->fields;
          return TRUE;
        }
      if (c == reader->separator)
        {
          if (!finish_field (reader, error))
            return FALSE;
          q.was_quoted = FALSE;
          q.closed = FALSE;
          continue;
        }
      plain_byte (reader, &q, c);
    }
}

int
aimak_csv_column (GPtrArray  *header,
                  const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *h = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, i), -1));
      if (g_strcmp0 (h, name) == 0)
        return (int) i;
    }
  return -1;
}

const char *
aimak_csv_field (GPtrArray *fields,
                 int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return "";
  return g_ptr_array_index (fields, column);
}
