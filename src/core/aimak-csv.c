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
  g_free (reader);
}

guint
aimak_csv_reader_get_line (AimakCsvReader *reader)
{
  return reader->record_line;
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
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
  return TRUE;
}

static int
next_byte (AimakCsvReader *reader,
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
  return reader->buffer[reader->pos++];
}

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

gboolean
aimak_csv_reader_next (AimakCsvReader *reader,
                       GPtrArray     **fields,
                       GCancellable   *cancellable,
                       GError        **error)
{
  gboolean quoted = FALSE, was_quoted = FALSE;
  int c;

  if (!reader->started)
    {
      if (!fill (reader, cancellable, error))
        return FALSE;
      if (reader->len >= 3 && memcmp (reader->buffer, "\xEF\xBB\xBF", 3) == 0)
        reader->pos = 3;
      if (reader->separator == 0)
        reader->separator = detect_separator (reader->buffer + reader->pos,
                                              reader->len - reader->pos);
      reader->started = TRUE;
    }

  g_ptr_array_set_size (reader->fields, 0);
  g_string_truncate (reader->field, 0);

  /* Skip blank lines between records. */
  for (;;)
    {
      c = peek_byte (reader, cancellable, error);
      if (c == -2)
        return FALSE;
      if (c == -1)
        return FALSE;
      if (c == '\r')
        reader->pos++;
      else if (c == '\n')
        {
          reader->pos++;
          reader->line++;
        }
      else
        break;
    }
  reader->record_line = reader->line;

  for (gsize record_bytes = 0;; record_bytes++)
    {
      if (record_bytes > AIMAK_CSV_MAX_RECORD)
        {
          g_set_error (error, AIMAK_CSV_ERROR, AIMAK_CSV_ERROR_TOO_LONG,
                       _("line %u: the record is longer than %u bytes; a quoted field is "
                         "probably not closed"),
                       reader->record_line, (guint) AIMAK_CSV_MAX_RECORD);
          return FALSE;
        }
      c = next_byte (reader, cancellable, error);
      if (c == -2)
        return FALSE;
      if (quoted)
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
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (reader->field, (char) c);
            }
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
          was_quoted = FALSE;
          continue;
        }
      if (c == '"' && reader->field->len == 0 && !was_quoted)
        {
          quoted = TRUE;
          was_quoted = TRUE;
          continue;
        }
      g_string_append_c (reader->field, (char) c);
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
