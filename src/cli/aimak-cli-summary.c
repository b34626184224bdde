/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli-summary.c — `aimak-cli summary`: the figures of the Summary view for an
 * area, the pilot areas or everything, as a readable table or as JSON for scripts.
 * Exit status: 0 printed, 1 the database could not be read, 2 bad arguments
 * (including an unknown area code).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "aimak-cli.h"

/* Headings follow --lang like the code-list names do, so one table has one language. */
#define T(msgid) aimak_lang_gettext (lang, msgid)  /* use with N_() */

/* Every number through the one formatter: "1 750 000" and "85,7 %" in Russian and
 * Kyrgyz (narrow no-break spaces, decimal comma), "1,750,000" and "85.7%" in English. */
static char *
format_amount (double      value,
               const char *lang)
{
  return aimak_number_format (round (value), 0, lang);
}

/* Right-aligns @text in @width characters (not bytes: headings may be Cyrillic). */
static char *
pad_left (const char *text,
          int         width)
{
  glong chars = g_utf8_strlen (text, -1);
  g_autofree char *spaces = g_strnfill (MAX (0, width - chars), ' ');

  return g_strconcat (spaces, text, NULL);
}

/* Pads by characters, not bytes, so that Cyrillic labels line up. */
static void
print_row (const char *label,
           const char *value,
           int         width)
{
  glong chars = g_utf8_strlen (label, -1);

  g_print ("    %s", label);
  for (glong i = chars; i < width; i++)
    g_print (" ");
  g_print ("  %s\n", value);
}

static void
print_items (const char *heading,
             GPtrArray  *items,
             const char *none,
             const char *lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  int width = 0, value_width = 0;

  for (guint i = 0; i < items->len; i++)
    {
      char *label = aimak_summary_item_name (g_ptr_array_index (items, i));
      width = MAX (width, (int) g_utf8_strlen (label, -1));
      g_ptr_array_add (labels, label);
    }
  g_print ("  %s\n", heading);
  if (items->len == 0 && none)
    g_print ("    %s\n", none);
  for (guint i = 0; i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);
      char *value = format_amount (item->value, lang);
      value_width = MAX (value_width, (int) g_utf8_strlen (value, -1));
      g_ptr_array_add (values, value);
    }
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *value = pad_left (g_ptr_array_index (values, i), value_width);
      print_row (g_ptr_array_index (labels, i), value, width);
    }
}

static void
print_text (const AimakSummary *s,
            const AimakScope   *scope,
            const char         *lang)
{
  g_autofree char *total = format_amount (s->budget_total, lang);
  int width = 0;

  if (scope->kind == AIMAK_SCOPE_AREA)
    g_print ("%s: %s (%s)\n\n", T (N_("Summary")), s->scope_label, scope->area_code);
  else
    g_print ("%s: %s\n\n", T (N_("Summary")), s->scope_label);

  {
    g_autofree char *n = format_amount (s->priorities_total, lang);
    g_print ("%s: %s\n", T (N_("Priorities")), n);
  }
  print_items (T (N_("By status")), s->priorities_by_status, NULL, lang);
  print_items (T (N_("By gender marker")), s->priorities_by_marker, NULL, lang);
  print_items (T (N_("Per target group")), s->priorities_by_target_group, NULL, lang);
  g_print ("\n");

  g_print ("%s: %s\n", T (N_("Budget (KGS)")), total);
  print_items (T (N_("By gender marker")), s->budget_by_marker, NULL, lang);
  print_items (T (N_("By funding source")), s->budget_by_funding, NULL, lang);
  /* Both shares, each with its definition: a share without saying what it is a
   * share of is how the old figure came to count drafts and rejections. */
  for (int k = AIMAK_SHARE_ADOPTED; k <= AIMAK_SHARE_PROPOSALS; k++)
    {
      double share = k == AIMAK_SHARE_ADOPTED ? s->gender_share_adopted
                                              : s->gender_share_proposals;

      if (isnan (share))
        g_print ("  %s: %s\n", aimak_summary_share_label (k, lang), T (N_("no budget entered")));
      else
        {
          g_autofree char *percent = aimak_number_format_percent (100.0 * share, 1, lang);
          g_print ("  %s: %s\n", aimak_summary_share_label (k, lang), percent);
        }
      g_print ("    %s\n", aimak_summary_share_definition (k, lang));
    }
  g_print ("\n");

  g_print ("%s: %u\n", T (N_("GCM objectives covered")), s->gcm_covered->len);
  print_items (T (N_("Priorities per objective")), s->gcm_covered, T (N_("none")), lang);
  g_print ("%s: %u\n", T (N_("SDG targets covered")), s->sdg_covered->len);
  print_items (T (N_("Priorities per target")), s->sdg_covered, T (N_("none")), lang);
  g_print ("\n");

  {
    g_autofree char *all = format_amount ((double) s->participants_women + s->participants_men,
                                          lang);
    g_autofree char *women = format_amount (s->participants_women, lang);
    g_autofree char *men = format_amount (s->participants_men, lang);
    g_print ("%s: %s (%s %s, %s %s)\n", T (N_("Capacity building participants")), all,
             T (N_("women")), women, T (N_("men")), men);
  }
  for (guint i = 0; i < s->participants_by_role->len; i++)
    width = MAX (width, (int) g_utf8_strlen (((AimakSummaryRoleItem *)
                                               s->participants_by_role->pdata[i])->label, -1));
  {
    g_autofree char *w = pad_left (T (N_("Women")), 7);
    g_autofree char *m = pad_left (T (N_("Men")), 7);
    g_autofree char *t = pad_left (T (N_("Total")), 7);
    g_autofree char *head = g_strdup_printf ("%s %s %s", w, m, t);
    g_print ("  %s\n", T (N_("By role")));
    print_row ("", head, width);
  }
  for (guint i = 0; i < s->participants_by_role->len; i++)
    {
      AimakSummaryRoleItem *r = g_ptr_array_index (s->participants_by_role, i);
      g_autofree char *women = format_amount (r->women, lang);
      g_autofree char *men = format_amount (r->men, lang);
      g_autofree char *all = format_amount ((double) r->women + r->men, lang);
      g_autofree char *w = pad_left (women, 7);
      g_autofree char *m = pad_left (men, 7);
      g_autofree char *t = pad_left (all, 7);
      g_autofree char *values = g_strdup_printf ("%s %s %s", w, m, t);
      print_row (r->label, values, width);
    }
  g_print ("\n");

  {
    g_autofree char *n = format_amount (s->activities_total, lang);
    g_print ("%s: %s\n", T (N_("Activities")), n);
  }
  print_items (T (N_("By type")), s->activities_by_type, NULL, lang);
}

int
aimak_cli_summary (int argc, char **argv)
{
  g_auto(AimakCliScope) options = { 0 };
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  AimakScopeKind kind;
  GOptionEntry entries[] = {
    { NULL }, { NULL }, { NULL },  /* --area, --pilots, --all: aimak_cli_scope_options() */
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON with stable keys"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Names in LANG (en, ru or ky)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(AimakDb) db = NULL;
  g_autoptr(AimakScope) scope = NULL;
  g_autoptr(AimakSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  aimak_cli_scope_options (entries, &options);
  if (!aimak_cli_parse_options ("summary", "",
                                _("Prints the figures of the Summary view — priorities by "
                                  "status, gender marker and target group, budget by marker and "
                                  "funding source, the gender budget share, GCM objectives and "
                                  "SDG targets covered, capacity-building participants by role "
                                  "and sex and activities by type — for one scope: --area CODE, "
                                  "--pilots or --all. Exit status: 0 success, 1 the database "
                                  "could not be read, 2 bad arguments or an unknown area code."),
                                entries, &argc, &argv))
    return AIMAK_CLI_USAGE;
  if (!aimak_cli_scope_ok (&options, &kind))
    return AIMAK_CLI_USAGE;
  if (!aimak_cli_lang_ok (lang))
    return AIMAK_CLI_USAGE;

  db = aimak_cli_open_db_read (lang);
  if (db == NULL)
    return AIMAK_CLI_FAILED;
  scope = aimak_scope_new (kind, options.area);
  summary = aimak_summary_compute (db, scope, &error);
  if (summary == NULL)
    {
      gboolean usage = g_error_matches (error, AIMAK_SUMMARY_ERROR,
                                        AIMAK_SUMMARY_ERROR_UNKNOWN_AREA);
      aimak_cli_fail ("%s", error->message);
      return usage ? AIMAK_CLI_USAGE : AIMAK_CLI_FAILED;
    }

  if (json)
    {
      g_autofree char *text = aimak_summary_to_json (summary, scope);
      g_print ("%s\n", text);
    }
  else
    print_text (summary, scope, aimak_db_get_language (db));
  return AIMAK_CLI_OK;
}
