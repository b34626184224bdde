/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-alignment.c — the Alignment sheet: one row per priority (written with
 * its row of the Priorities sheet, from the same query) with a check mark under each
 * GCM objective and SDG target it supports, how many priorities support each, and
 * what the codes mean. See aimak-export-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "aimak-export-private.h"

gboolean
write_alignment_headers (Export    *x,
                         Alignment *al)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  g_autoptr(GPtrArray) align_headers = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_AREA)));
  g_ptr_array_add (align_headers, g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_RANK)));
  g_ptr_array_add (align_headers,
                   g_strdup (aimak_export_string (x->lang, AIMAK_XS_COL_PRIORITY)));
  al->first_gcm = 3;
  for (guint i = 0; i < x->codes.gcm.list->len; i++)
    {
      AimakCode *c = g_ptr_array_index (x->codes.gcm.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_GCM_SHORT, "code", c->code));
    }
  al->first_sdg = al->first_gcm + x->codes.gcm.list->len;
  for (guint i = 0; i < x->codes.sdg.list->len; i++)
    {
      AimakCode *c = g_ptr_array_index (x->codes.sdg.list, i);
      g_ptr_array_add (align_headers,
                       aimak_export_string_subst (x->lang, AIMAK_XS_SDG_SHORT, "code", c->code));
    }
  al->count_col = al->first_sdg + x->codes.sdg.list->len;
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
                       AimakCodeTable   *cl,
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
      AimakCode *c = g_hash_table_lookup (cl->by_code, parts[i]);

      if (c == NULL)
        continue;
      TRY (cell_number (x, a, row, first + c->index, 1, x->f_check));
      al->covered[first + c->index - al->first_gcm]++;
      (*n_links)++;
    }
  return TRUE;
}

/* The row of one priority: area, rank, title, 1 where the priority supports the
 * objective, and how many it supports. */
gboolean
write_alignment_row (Export     *x,
                     Alignment  *al,
                     lxw_row_t   row,
                     const char *area,
                     int         rank,
                     const char *title,
                     Links      *links)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  char formula[96], c1[16], c2[16];
  guint n_links = 0;

  TRY (cell_string (x, a, row, 0, area_name (x, area), x->f_text));
  TRY (cell_number (x, a, row, 1, rank, x->f_int));
  TRY (cell_string (x, a, row, 2, title, x->f_wrap));
  TRY (write_alignment_links (x, al, row, &x->codes.gcm, al->first_gcm, links ? links->gcm : NULL,
                              &n_links));
  TRY (write_alignment_links (x, al, row, &x->codes.sdg, al->first_sdg, links ? links->sdg : NULL,
                              &n_links));
  lxw_rowcol_to_cell (c1, row, al->first_gcm);
  lxw_rowcol_to_cell (c2, row, al->count_col - 1);
  g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", c1, c2);
  return cell_formula (x, a, row, al->count_col, formula, n_links, x->f_int);
}

/* "GCM 5" — the objective's name, one per row. */
static gboolean
write_legend (Export            *x,
              lxw_row_t         *r,
              AimakCodeTable          *cl,
              AimakExportString  long_name,
              AimakExportString  short_name)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];

  TRY (cell_string (x, a, (*r)++, 0, aimak_export_string (x->lang, long_name), NULL));
  for (guint i = 0; i < cl->list->len; i++, (*r)++)
    {
      AimakCode *c = g_ptr_array_index (cl->list, i);
      g_autofree char *label = aimak_export_string_subst (x->lang, short_name, "code", c->code);

      TRY (cell_string (x, a, *r, 1, label, NULL));
      TRY (cell_string (x, a, *r, 2, c->name, NULL));
    }
  return TRUE;
}

/* How many priorities support each objective, then what the codes mean. */
gboolean
finish_alignment (Export    *x,
                  Alignment *al)
{
  Sheet *a = &x->sheets[SHEET_ALIGNMENT];
  lxw_row_t filter_last = a->last_row;
  lxw_row_t r = a->last_row + 1;
  const char *sum_label = aimak_export_string (x->lang, AIMAK_XS_COVERAGE_ROW);

  TRY (sheet_filter (x, a, filter_last));
  TRY (cell_string (x, a, r, 2, sum_label, x->f_total_label));
  for (lxw_col_t c = al->first_gcm; c <= al->count_col; c++)
    {
      guint64 n = 0;

      if (c < al->count_col)
        n = al->covered[c - al->first_gcm];
      else
        for (lxw_col_t k = 0; k < al->count_col - al->first_gcm; k++)
          n += al->covered[k];
      TRY (cell_column_sum (x, a, r, c, filter_last, n, x->f_total_count));
    }
  r += 2;
  TRY (cell_string (x, a, r++, 0, aimak_export_string (x->lang, AIMAK_XS_LEGEND), x->f_bold));
  TRY (write_legend (x, &r, &x->codes.gcm, AIMAK_XS_GCM_LONG, AIMAK_XS_GCM_SHORT));
  TRY (write_legend (x, &r, &x->codes.sdg, AIMAK_XS_SDG_LONG, AIMAK_XS_SDG_SHORT));
  /* The legend's long texts must not widen the area column. */
  a->width[0] = MIN (a->width[0], 30);
  a->width[1] = MIN (a->width[1], 10);
  return sheet_finish (x, a, r - 1, al->count_col);
}
