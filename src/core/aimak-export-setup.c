/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export-setup.c — what an export reads before its first sheet: the code lists
 * and area names in the workbook's language, the scope, the links of every priority;
 * the formats and the sheets; and what it frees at the end. See aimak-export-private.h.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change.h"
#include "aimak-export-private.h"
#include "aimak-json.h"
#include "aimak-lang.h"

static void
area_info_free (gpointer data)
{
  AreaInfo *a = data;

  g_free (a->name);
  g_free (a->period_name);
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

/* Looks up the code @code of @len bytes: codes are short, so the key is copied
 * onto the stack rather than allocated. */
static AimakCode *
lookup_code (AimakCodeTable *cl,
             const char     *code,
             gsize           len)
{
  char key[64];
  g_autofree char *long_key = NULL;

  if (len < sizeof key)
    {
      memcpy (key, code, len);
      key[len] = '\0';
      return g_hash_table_lookup (cl->by_code, key);
    }
  long_key = g_strndup (code, len);
  return g_hash_table_lookup (cl->by_code, long_key);
}

/* Codes joined by \x1f, shown by name in list order, separated by "; ". The
 * codes are read in place: this runs three times for every priority. */
char *
join_names (AimakCodeTable *cl,
            const char     *codes,
            gboolean        with_code)
{
  AimakCode *stack[32];
  g_autoptr(GPtrArray) many = NULL;
  AimakCode **found = stack;
  guint n_found = 0, n_missing = 0;
  GString *out;

  if (codes == NULL || *codes == '\0')
    return NULL;
  for (const char *p = codes; ; )
    {
      const char *end = strchr (p, '\x1f');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      AimakCode *c = lookup_code (cl, p, len);

      if (c && n_found == G_N_ELEMENTS (stack) && many == NULL)
        {
          many = g_ptr_array_new ();
          for (guint i = 0; i < n_found; i++)
            g_ptr_array_add (many, stack[i]);
        }
      if (c && many)
        {
          g_ptr_array_add (many, c);
          found = (AimakCode **) many->pdata;
          n_found++;
        }
      else if (c)
        found[n_found++] = c;
      else
        n_missing++;
      if (end == NULL)
        break;
      p = end + 1;
    }
  /* Sorted by position in the code list, not by the code's text ("10" after "9"). */
  for (guint i = 1; i < n_found; i++)
    for (guint j = i; j > 0 && found[j - 1]->index > found[j]->index; j--)
      {
        AimakCode *t = found[j - 1];

        found[j - 1] = found[j];
        found[j] = t;
      }
  out = g_string_sized_new (64);
  for (guint i = 0; i < n_found; i++)
    {
      if (out->len)
        g_string_append (out, "; ");
      if (with_code)
        {
          g_string_append (out, found[i]->code);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, found[i]->name);
    }
  /* Codes that are not in the list are kept rather than silently lost. */
  for (const char *p = codes; n_missing > 0; )
    {
      const char *end = strchr (p, '\x1f');
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (lookup_code (cl, p, len) == NULL)
        {
          if (out->len)
            g_string_append (out, "; ");
          g_string_append_len (out, p, len);
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

static gboolean
add_area (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  Export *x = user_data;
  AreaInfo *a = g_new0 (AreaInfo, 1);

  a->name = g_strdup (aimak_lang_pick (x->lang, aimak_stmt_text (st, 1),
                                       aimak_stmt_text (st, 2), aimak_stmt_text (st, 3)));
  a->level = aimak_stmt_int (st, 4);
  g_hash_table_insert (x->areas, g_strdup (aimak_stmt_text (st, 0)), a);
  return TRUE;
}

/* The code lists and the area names in the workbook's language, which need not be
 * the database connection's. */
gboolean
load_lists (Export *x)
{
  g_autofree char *db_lang = g_strdup (aimak_db_get_language (x->db));
  gboolean ok;

  aimak_db_set_language (x->db, x->lang);
  ok = aimak_code_tables_load (&x->codes, x->db, &x->error);
  aimak_db_set_language (x->db, db_lang);
  TRY (ok);
  x->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, area_info_free);
  TRY (aimak_db_foreach (x->db, &x->error, add_area, x,
                         "SELECT code, name_en, name_ru, name_ky, level FROM area", NULL));
  x->budget_funding = g_new0 (double, x->codes.funding.list->len + 1);
  return priority_layout_init (x);
}

const char *
area_name (Export     *x,
           const char *code)
{
  AreaInfo *a = g_hash_table_lookup (x->areas, code);

  return a && *a->name ? a->name : code;
}

const char *
area_period_name (Export     *x,
                  const char *code)
{
  AreaInfo *a = code ? g_hash_table_lookup (x->areas, code) : NULL;

  if (a == NULL)
    return area_name (x, code);
  if (!a->period_done)
    {
      a->period_name = aimak_area_period_name (x->db, code, x->last_year, x->lang);
      a->period_done = TRUE;
    }
  return a->period_name ? a->period_name : area_name (x, code);
}

typedef struct
{
  Export  *x;
  GString *names;
} PilotNames;

static gboolean
add_pilot_name (AimakStmt  *st,
                gpointer    user_data,
                GError    **error)
{
  PilotNames *pn = user_data;

  g_string_append_printf (pn->names, "%s%s", pn->names->len ? ", " : "",
                          area_name (pn->x, aimak_stmt_text (st, 0)));
  return TRUE;
}

gboolean
resolve_scope (Export *x)
{
  g_autoptr(GPtrArray) codes = NULL;

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
        g_autoptr(GString) names = g_string_new (NULL);
        PilotNames pn = { x, names };

        x->scope_label = g_strdup (aimak_export_string (x->lang, AIMAK_XS_SCOPE_PILOTS));
        TRY (aimak_db_foreach (x->db, &x->error, add_pilot_name, &pn,
                               "SELECT code FROM area WHERE is_pilot = 1 ORDER BY code", NULL));
        x->scope_note = g_string_free (g_steal_pointer (&names), FALSE);
      }
      break;
    case AIMAK_SCOPE_ALL:
    default:
      x->scope_label = g_strdup (aimak_export_string (x->lang, AIMAK_XS_SCOPE_ALL));
      x->scope_note = NULL;
      x->consolidated = TRUE;
      return TRUE;   /* no filter at all */
    }

  codes = aimak_scope_area_codes (x->db, x->scope, &x->error);
  if (codes == NULL)
    return FALSE;
  x->consolidated = codes->len > 1;
  x->scope_json = aimak_json_string_array ((const char * const *) codes->pdata, codes->len);
  return TRUE;
}

typedef struct
{
  Export *x;
  guint   table;     /* which of the link tables: groups, GCM, SDG, checklist */
  char   *last_id;   /* the previous row's priority (the key in x->links) */
  Links  *last;      /* and its links */
} LinkLoad;

static gboolean
add_link (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  LinkLoad *ll = user_data;
  const char *id = aimak_stmt_text (st, 0);
  const char *code = aimak_stmt_text (st, 1);
  Links *l;
  char **field;

  /* The rows come by priority (ORDER BY priority_id, the tables' key order, so no
   * sort): most rows are the previous row's priority's, found without hashing. */
  if (ll->last == NULL || strcmp (ll->last_id, id) != 0)
    {
      gpointer key = NULL, value = NULL;

      if (!g_hash_table_lookup_extended (ll->x->links, id, &key, &value))
        {
          key = g_strdup (id);
          value = g_new0 (Links, 1);
          g_hash_table_insert (ll->x->links, key, value);
        }
      ll->last_id = key;
      ll->last = value;
    }
  l = ll->last;
  field = ll->table == 0 ? &l->groups : ll->table == 1 ? &l->gcm
        : ll->table == 2 ? &l->sdg : &l->checklist;
  if (*field == NULL)
    *field = g_strdup (code);
  else
    {
      char *joined = g_strconcat (*field, "\x1f", code, NULL);
      g_free (*field);
      *field = joined;
    }
  return TRUE;
}

/* Target groups, GCM objectives and SDG targets of every priority in scope, read
 * with one scan of each link table. A subquery per priority would seek the three
 * tables 300,000 times for 100,000 priorities, comparing text keys each time. */
gboolean
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
                                            "  (SELECT value FROM json_each(?1)))"
                                            " ORDER BY priority_id", NULL);
      LinkLoad ll = { x, t, NULL, NULL };

      TRY (aimak_db_foreach (x->db, &x->error, add_link, &ll, query, "t", x->scope_json));
    }
  return TRUE;
}

gboolean
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
gboolean
add_sheets (Export *x)
{
  static const AimakExportString names[N_SHEETS] = {
    AIMAK_XS_SHEET_COVER, AIMAK_XS_SHEET_PROFILE, AIMAK_XS_SHEET_PRIORITIES,
    AIMAK_XS_SHEET_INDICATORS, AIMAK_XS_SHEET_CAPACITY, AIMAK_XS_SHEET_BUDGET,
    AIMAK_XS_SHEET_ALIGNMENT, AIMAK_XS_SHEET_AREAS, AIMAK_XS_SHEET_RECEIVED,
  };

  for (guint i = 0; i < N_SHEETS; i++)
    {
      Sheet *s = &x->sheets[i];

      s->name = aimak_export_string (x->lang, names[i]);
      /* One area alone has nothing to break down or to consolidate. */
      if ((i == SHEET_AREAS || i == SHEET_RECEIVED) && !x->consolidated)
        continue;
      s->ws = workbook_add_worksheet (x->wb, s->name);
      if (s->ws == NULL)
        return set_null_error (x, s->name);
      for (guint c = 0; c < MAX_COLS; c++)
        s->cap[c] = WIDTH_CAP_TEXT;
    }
  return TRUE;
}

char *
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

void
export_clear (Export *x)
{
  aimak_code_tables_clear (&x->codes);
  g_clear_pointer (&x->areas, g_hash_table_unref);
  g_clear_pointer (&x->links, g_hash_table_unref);
  g_clear_pointer (&x->desks, g_hash_table_unref);
  g_clear_pointer (&x->self_desk, g_free);
  g_clear_pointer (&x->sources, g_ptr_array_unref);
  g_clear_pointer (&x->source_set, g_hash_table_unref);
  g_clear_pointer (&x->hidden, g_ptr_array_unref);
  g_clear_pointer (&x->priority_headers, g_ptr_array_unref);
  g_clear_pointer (&x->playout.sql, g_free);
  g_clear_pointer (&x->cut, g_ptr_array_unref);
  g_clear_pointer (&x->now, g_date_time_unref);
  g_clear_pointer (&x->scope_json, g_free);
  g_clear_pointer (&x->scope_label, g_free);
  g_clear_pointer (&x->scope_note, g_free);
  g_clear_pointer (&x->footer, g_free);
  g_clear_pointer (&x->budget_funding, g_free);
}
