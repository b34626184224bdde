/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change.c — reading a change list and checking it against the database. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"
#include "aimak-csv.h"
#include "aimak-problem.h"

static const char *const kind_names[] = {
  "merged_into", "split_from", "renamed", "code_changed", "part_transferred",
};

static const char *const columns[] = {
  "effective_date", "kind", "old_codes", "new_code", "name_en", "name_ru", "name_ky",
  "parent_code", "legal_act",
};

const char *
aimak_area_change_kind_to_string (AimakAreaChangeKind kind)
{
  g_return_val_if_fail (kind <= AIMAK_AREA_CHANGE_PART_TRANSFERRED, NULL);
  return kind_names[kind];
}

gboolean
aimak_area_change_kind_from_string (const char          *text,
                                    AimakAreaChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (AimakAreaChangeKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
aimak_area_change_kind_label (AimakAreaChangeKind kind)
{
  switch (kind)
    {
    case AIMAK_AREA_CHANGE_MERGED_INTO:
      return _("Merged into");
    case AIMAK_AREA_CHANGE_SPLIT_FROM:
      return _("Split from");
    case AIMAK_AREA_CHANGE_RENAMED:
      return _("Renamed");
    case AIMAK_AREA_CHANGE_CODE_CHANGED:
      return _("Code changed");
    case AIMAK_AREA_CHANGE_PART_TRANSFERRED:
    default:
      return _("Part transferred to");
    }
}

gboolean
aimak_area_change_ends_old (AimakAreaChangeKind kind)
{
  return kind == AIMAK_AREA_CHANGE_MERGED_INTO || kind == AIMAK_AREA_CHANGE_SPLIT_FROM ||
         kind == AIMAK_AREA_CHANGE_CODE_CHANGED;
}

void
aimak_area_change_row_free (AimakAreaChangeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->effective_date);
  g_strfreev (row->old_codes);
  g_free (row->new_code);
  g_free (row->name_en);
  g_free (row->name_ru);
  g_free (row->name_ky);
  g_free (row->parent_code);
  g_free (row->legal_act);
  g_free (row);
}

void
aimak_area_change_list_free (AimakAreaChangeList *list)
{
  if (list == NULL)
    return;
  g_free (list->source_name);
  g_free (list->batch_uuid);
  g_ptr_array_unref (list->rows);
  g_free (list);
}

gboolean
aimak_area_change_date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return y >= 1990 && y <= 2100 && g_date_valid_dmy (d, m, y);
}

static char *
field_text (GPtrArray *fields,
            int        column)
{
  return g_strstrip (g_strdup (aimak_csv_field (fields, column)));
}

static GStrv
split_codes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_strv_builder_add (b, parts[i]);
    }
  return g_strv_builder_end (b);
}

/* What each kind needs, checked without the database. */
static void
check_row_shape (AimakAreaChangeRow *row,
                 GPtrArray          *problems)
{
  guint n_old = g_strv_length (row->old_codes);
  gboolean same = n_old == 1 && g_strcmp0 (row->old_codes[0], row->new_code) == 0;

  if (n_old == 0)
    aimak_problem_at (problems, row->line, "old_codes", g_strdup (_("No old area code is given.")));
  if (n_old > 1 && row->kind != AIMAK_AREA_CHANGE_MERGED_INTO)
    aimak_problem_at (problems, row->line, "old_codes",
                      g_strdup (_("Only a merger may name several old areas.")));
  if (row->kind == AIMAK_AREA_CHANGE_RENAMED)
    {
      if (*row->new_code && !same)
        aimak_problem_at (problems, row->line, "new_code",
                          g_strdup (_("A renamed area keeps its code: use “code_changed” for a new "
                                      "code.")));
      if (!*row->name_en && !*row->name_ru && !*row->name_ky)
        aimak_problem_at (problems, row->line, "name_en",
                          g_strdup (_("A renamed area needs its new name.")));
      return;
    }
  if (*row->new_code == '\0')
    aimak_problem_at (problems, row->line, "new_code", g_strdup (_("No new area code is given.")));
  else if (row->old_codes && g_strv_contains ((const char * const *) row->old_codes,
                                              row->new_code))
    aimak_problem_at (problems, row->line, "new_code",
                      g_strdup_printf (_("The area “%s” cannot change into itself (a cycle)."),
                                       row->new_code));
}

static AimakAreaChangeRow *
read_row (GPtrArray  *fields,
          const int  *col,
          guint       line,
          GPtrArray  *problems)
{
  g_autoptr(AimakAreaChangeRow) row = g_new0 (AimakAreaChangeRow, 1);
  g_autofree char *kind = field_text (fields, col[1]);
  g_autofree char *old = field_text (fields, col[2]);
  guint before = problems->len;

  row->line = line;
  row->effective_date = field_text (fields, col[0]);
  row->old_codes = split_codes (old);
  row->new_code = field_text (fields, col[3]);
  row->name_en = field_text (fields, col[4]);
  row->name_ru = field_text (fields, col[5]);
  row->name_ky = field_text (fields, col[6]);
  row->parent_code = field_text (fields, col[7]);
  row->legal_act = field_text (fields, col[8]);
  if (!aimak_area_change_date_is_valid (row->effective_date))
    aimak_problem_at (problems, line, "effective_date",
                      g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. "
                                         "2024-07-01."), row->effective_date));
  if (!aimak_area_change_kind_from_string (kind, &row->kind))
    aimak_problem_at (problems, line, "kind",
                      g_strdup_printf (_("“%s” is not a kind of change: use merged_into, "
                                         "split_from, renamed, code_changed or "
                                         "part_transferred."), kind));
  else
    check_row_shape (row, problems);
  if (*row->legal_act == '\0')
    aimak_problem_at (problems, line, "legal_act",
                      g_strdup (_("No legal act is given: name the law or decree of the change.")));
  return problems->len == before ? g_steal_pointer (&row) : NULL;
}

static gboolean
read_header (GPtrArray  *fields,
             int        *col,
             GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      col[i] = aimak_csv_column (fields, columns[i]);
      if (col[i] < 0)
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                       _("The change list has no column “%s” (see "
                         "area-changes-template.csv)."), columns[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_comment_or_blank (GPtrArray *fields)
{
  const char *first = fields->len ? g_ptr_array_index (fields, 0) : "";

  if (first && first[0] == '#')
    return TRUE;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      if (f && *f)
        return FALSE;
    }
  return TRUE;
}

AimakAreaChangeList *
aimak_area_change_list_read (GInputStream  *stream,
                             const char    *source_name,
                             GPtrArray     *problems,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(AimakCsvReader) reader = aimak_csv_reader_new (stream, ',');
  g_autoptr(AimakAreaChangeList) list = g_new0 (AimakAreaChangeList, 1);
  GPtrArray *fields = NULL;
  GError *local_error = NULL;
  int col[G_N_ELEMENTS (columns)];
  gboolean have_header = FALSE;

  list->source_name = g_strdup (source_name ? source_name : "");
  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_area_change_row_free);
  while (aimak_csv_reader_next (reader, &fields, cancellable, &local_error))
    {
      guint line = aimak_csv_reader_get_line (reader);
      AimakAreaChangeRow *row;

      if (is_comment_or_blank (fields))
        continue;
      if (!have_header)
        {
          if (!read_header (fields, col, error))
            return NULL;
          have_header = TRUE;
          continue;
        }
      row = read_row (fields, col, line, problems);
      if (row)
        g_ptr_array_add (list->rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!have_header)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   _("The change list is empty: it needs the header of "
                     "area-changes-template.csv and one change a line."));
      return NULL;
    }
  return g_steal_pointer (&list);
}

AimakAreaChangeList *
aimak_area_change_list_load (GFile         *file,
                             GPtrArray     *problems,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autofree char *name = g_file_get_basename (file);

  if (in == NULL)
    return NULL;
  return aimak_area_change_list_read (G_INPUT_STREAM (in), name, problems, cancellable, error);
}
