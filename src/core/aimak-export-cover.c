/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-cover.c — the Cover sheet, written last: what the workbook covers, its
 * contents, sources, the gender marker and status lists, and notes on every hidden or
 * cut cell. See aimak-export-private.h.
 */
#include "config.h"

#include <math.h>

#include "aimak-area-change.h"
#include "aimak-export-private.h"

enum { C_SECTION, C_ITEM, C_VALUE, C_NOTE, C_N };

#define STR(s) aimak_export_string (x->lang, s)

/* Starts row @r of the About section: its section and the label of @item. */
static gboolean
about_item (Export            *x,
            lxw_row_t          r,
            const char        *section,
            AimakExportString  item)
{
  Sheet *s = &x->sheets[SHEET_COVER];

  TRY (cell_string (x, s, r, C_SECTION, section, x->f_bold));
  return cell_string (x, s, r, C_ITEM, STR (item), x->f_text);
}

/* Row @r of @section with only @text, in the value column. */
static gboolean
note_row (Export     *x,
          lxw_row_t   r,
          const char *section,
          const char *text)
{
  Sheet *s = &x->sheets[SHEET_COVER];

  TRY (cell_string (x, s, r, C_SECTION, section, x->f_bold));
  return cell_string (x, s, r, C_VALUE, text, x->f_wrap);
}

/* Row @r of @section: item @n of a list, @text. */
static gboolean
numbered_row (Export     *x,
              lxw_row_t   r,
              const char *section,
              double      n,
              const char *text)
{
  Sheet *s = &x->sheets[SHEET_COVER];

  TRY (cell_string (x, s, r, C_SECTION, section, x->f_bold));
  TRY (cell_number (x, s, r, C_ITEM, n, x->f_int));
  return cell_string (x, s, r, C_VALUE, text, x->f_wrap);
}

/* What the workbook covers, who made it when, and how many records it holds. */
static gboolean
write_about (Export    *x,
             lxw_row_t *r)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  const char *section = STR (AIMAK_XS_SECTION_ABOUT);
  const char *who = g_get_real_name ();
  g_autofree char *date = g_date_time_format (x->now, "%Y-%m-%d");
  g_autofree char *version = g_strdup_printf ("Aimak %s", PACKAGE_VERSION);

  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_AREAS));
  /* An area that changed since: its name then, and now (issue 17). */
  g_autofree char *then = x->scope->kind == AIMAK_SCOPE_AREA
                          ? aimak_area_period_name (x->db, x->scope->area_code, x->last_year,
                                                    x->lang)
                          : NULL;

  TRY (cell_string (x, s, *r, C_VALUE, then ? then : x->scope_label, x->f_wrap));
  TRY (cell_string (x, s, (*r)++, C_NOTE, x->scope_note, x->f_wrap));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_PROGRAMME_START));
  TRY (cell_number (x, s, (*r)++, C_VALUE, x->first_year ? x->first_year : NAN, x->f_int));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_PROGRAMME_END));
  TRY (cell_number (x, s, (*r)++, C_VALUE, x->last_year ? x->last_year : NAN, x->f_int));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_PREPARED_BY));
  /* GLib says "Unknown" when the account has no real name. */
  if (who == NULL || *who == '\0' || g_strcmp0 (who, "Unknown") == 0)
    who = g_get_user_name ();
  TRY (cell_string (x, s, *r, C_VALUE, who, x->f_text));
  TRY (cell_string (x, s, (*r)++, C_NOTE, version, x->f_text));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_PREPARED_ON));
  TRY (cell_date (x, s, (*r)++, C_VALUE, date, x->f_date));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_LANGUAGE));
  TRY (cell_string (x, s, (*r)++, C_VALUE, STR (AIMAK_XS_LANGUAGE_NAME), x->f_text));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_N_PRIORITIES));
  TRY (cell_number (x, s, (*r)++, C_VALUE, x->n_priorities, x->f_count));
  TRY (about_item (x, *r, section, AIMAK_XS_ITEM_N_ACTIVITIES));
  TRY (cell_number (x, s, (*r)++, C_VALUE, x->n_activities, x->f_count));
  return TRUE;
}

/* A link to every sheet with what it holds, then the sources of the figures. */
static gboolean
write_contents (Export    *x,
                lxw_row_t *r)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  static const struct { guint sheet; AimakExportString about; } contents[] = {
    { SHEET_PROFILE, AIMAK_XS_ABOUT_PROFILE },
    { SHEET_PRIORITIES, AIMAK_XS_ABOUT_PRIORITIES },
    { SHEET_INDICATORS, AIMAK_XS_ABOUT_INDICATORS },
    { SHEET_CAPACITY, AIMAK_XS_ABOUT_CAPACITY },
    { SHEET_BUDGET, AIMAK_XS_ABOUT_BUDGET },
    { SHEET_ALIGNMENT, AIMAK_XS_ABOUT_ALIGNMENT },
    { SHEET_AREAS, AIMAK_XS_ABOUT_AREAS },
    { SHEET_RECEIVED, AIMAK_XS_ABOUT_RECEIVED },
  };
  const char *section;

  section = STR (AIMAK_XS_SECTION_CONTENTS);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      const char *name = x->sheets[contents[i].sheet].name;

      if (x->sheets[contents[i].sheet].ws == NULL)
        continue;
      TRY (cell_string (x, s, *r, C_SECTION, section, x->f_bold));
      TRY (cell_link (x, s, *r, C_ITEM, name, name));
      TRY (cell_string (x, s, (*r)++, C_VALUE, STR (contents[i].about), x->f_wrap));
    }

  section = STR (AIMAK_XS_SECTION_SOURCES);
  for (guint i = 0; i < x->sources->len; i++)
    TRY (numbered_row (x, (*r)++, section, i + 1, g_ptr_array_index (x->sources, i)));
  if (x->sources->len == 0)
    TRY (note_row (x, (*r)++, section, STR (AIMAK_XS_SOURCE_NONE)));
  return numbered_row (x, (*r)++, section, x->sources->len + 1, STR (AIMAK_XS_SOURCE_PLANNERS));
}

/* The gender markers with their definitions and the statuses; a long status list is
 * a defined name that the Priorities sheet's validation refers to. */
static gboolean
write_code_lists (Export    *x,
                  lxw_row_t *r)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  const char *section;
  lxw_row_t status_first, status_last;

  section = STR (AIMAK_XS_SECTION_MARKER);
  for (guint i = 0; i < x->codes.markers.list->len; i++, (*r)++)
    {
      AimakCode *m = g_ptr_array_index (x->codes.markers.list, i);

      TRY (numbered_row (x, *r, section, g_ascii_strtod (m->code, NULL), m->name));
      TRY (cell_string (x, s, *r, C_NOTE, m->definition, x->f_wrap));
    }

  section = STR (AIMAK_XS_SECTION_STATUS);
  status_first = *r;
  for (guint i = 0; i < x->codes.statuses.list->len; i++)
    {
      AimakCode *st = g_ptr_array_index (x->codes.statuses.list, i);

      TRY (numbered_row (x, (*r)++, section, i + 1, st->name));
    }
  status_last = *r - 1;
  if (x->status_list_by_name && x->codes.statuses.list->len > 0)
    {
      char first[16], last[16];
      g_autofree char *formula = NULL;

      lxw_rowcol_to_cell_abs (first, status_first, C_VALUE, TRUE, TRUE);
      lxw_rowcol_to_cell_abs (last, status_last, C_VALUE, TRUE, TRUE);
      formula = g_strdup_printf ("='%s'!%s:%s", s->name, first, last);
      TRY (check (x, workbook_define_name (x->wb, "AimakStatuses", formula), s->name));
    }
  return TRUE;
}

/* Notes, then what was hidden and why, and which texts were cut. */
static gboolean
write_notes (Export    *x,
             lxw_row_t *r)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  const char *section;

  section = STR (AIMAK_XS_SECTION_NOTES);
  TRY (note_row (x, (*r)++, section, STR (x->has_demo ? AIMAK_XS_NOTE_DEMO : AIMAK_XS_NOTE_NO_DEMO)));
  if (x->suppress_small)
    {
      g_autofree char *n = g_strdup_printf ("%d", x->threshold);
      g_autofree char *note = aimak_export_string_subst (x->lang, AIMAK_XS_NOTE_SUPPRESSED,
                                                         "n", n);
      TRY (note_row (x, (*r)++, section, note));
    }
  if (x->constant_memory)
    TRY (note_row (x, (*r)++, section, STR (AIMAK_XS_NOTE_LARGE)));

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
        for (guint i = 0; i < noted[k].list->len; i++, (*r)++)
          {
            Noted *n = g_ptr_array_index (noted[k].list, i);

            TRY (cell_string (x, s, *r, C_SECTION, section, x->f_bold));
            TRY (cell_string (x, s, *r, C_ITEM, n->where, x->f_text));
            TRY (cell_string (x, s, *r, C_VALUE, n->what, x->f_wrap));
            TRY (cell_string (x, s, *r, C_NOTE, n->why, x->f_wrap));
          }
      }
  }
  return TRUE;
}

gboolean
write_cover (Export *x)
{
  Sheet *s = &x->sheets[SHEET_COVER];
  const char *headers[C_N] = {
    STR (AIMAK_XS_COL_SECTION), STR (AIMAK_XS_COL_ITEM), STR (AIMAK_XS_COL_VALUE),
    STR (AIMAK_XS_COL_NOTE),
  };
  lxw_row_t row = FIRST_DATA_ROW;

  s->cap[C_SECTION] = 28;
  s->cap[C_ITEM] = 48;   /* "Number of capacity-building activities" whole, in ru and ky too */
  s->cap[C_VALUE] = WIDTH_CAP_TEXT;
  s->cap[C_NOTE] = WIDTH_CAP_TEXT;
  TRY (sheet_title (x, s, AIMAK_XS_TITLE_COVER));
  TRY (sheet_headers (x, s, headers, C_N, TRUE));
  TRY (write_about (x, &row));
  TRY (write_contents (x, &row));
  TRY (write_code_lists (x, &row));
  TRY (write_notes (x, &row));
  s->last_row = row - 1;
  TRY (sheet_filter (x, s, s->last_row));
  return sheet_finish (x, s, s->last_row, C_N - 1);
}

#undef STR
