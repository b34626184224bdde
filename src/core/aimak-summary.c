/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-summary.c — the figures of the Summary view, `aimak-cli summary` and the
 * workbook. Every figure is one SQL aggregate over the scope's areas, so that the
 * three places cannot drift apart; all of them are read in one transaction so that
 * the figures agree with each other even while another process writes.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-area.h"
#include "aimak-code-list.h"
#include "aimak-lang.h"
#include "aimak-summary.h"
#include "aimak-summary-private.h"

G_DEFINE_QUARK (aimak-summary-error-quark, aimak_summary_error)

/* The scope's area codes: ?1 is the kind (0 area, 1 pilots, 2 all), ?2 the area code.
 * UNION (not UNION ALL) so that a pilot rayon and its pilot ayil aimak count once. */
#define SCOPE_CTE \
  "WITH RECURSIVE scope(code) AS (" \
  "  SELECT code FROM area WHERE (?1 = 0 AND code = ?2) OR (?1 = 1 AND is_pilot = 1) OR ?1 = 2" \
  "  UNION SELECT a.code FROM area a JOIN scope s ON a.parent_code = s.code) "

#define LIVE_ACTIVITY "a.deleted_at IS NULL AND a.area_code IN scope"

/* The live priorities of the scope by status, marker and funding source;
 * @plus is "" or "+" (see compute_priorities()). */
#define PRIORITY_GROUPS(plus) \
  SCOPE_CTE "SELECT p.status, p.gender_marker, p.funding_source, count(*), " \
  "total (CASE WHEN p.budget_kgs - p.budget_kgs = 0 THEN p.budget_kgs END) " \
  "FROM priority p WHERE p.deleted_at IS NULL AND " plus "p.area_code IN scope " \
  "GROUP BY p.status, p.gender_marker, p.funding_source"

/* The links of the scope's live priorities, looked up priority by priority:
 * for a scope that holds few of the priorities. The set of live ids is built
 * once (MATERIALIZED) instead of reading the priority rows per link table; with
 * @plus "+", from the covering index priority_summary rather than by area
 * through priority_area_rank and the table (quicker beyond a few thousand). */
#define LINKS_OF_LIVE(plus) \
  SCOPE_CTE ", live AS MATERIALIZED (SELECT p.id FROM priority p " \
  "WHERE p.deleted_at IS NULL AND " plus "p.area_code IN scope) " \
  "SELECT 0, group_code, count(*) FROM priority_target_group " \
  "WHERE priority_id IN live GROUP BY group_code " \
  "UNION ALL SELECT 1, objective_code, count(*) FROM priority_gcm " \
  "WHERE priority_id IN live GROUP BY objective_code " \
  "UNION ALL SELECT 2, target_code, count(*) FROM priority_sdg " \
  "WHERE priority_id IN live GROUP BY target_code"

/* Every link by code: three scans of the indexes by code, no lookups. */
#define LINKS_ALL \
  "SELECT 0, group_code, count(*) FROM priority_target_group GROUP BY group_code " \
  "UNION ALL SELECT 1, objective_code, count(*) FROM priority_gcm " \
  "GROUP BY objective_code " \
  "UNION ALL SELECT 2, target_code, count(*) FROM priority_sdg GROUP BY target_code"

/* The links of the priorities that are not live in the scope (deleted, or in
 * another area), negated: LINKS_ALL plus these is LINKS_OF_LIVE, because every
 * link's priority exists (foreign keys, enforced on every connection since
 * schema 1; `aimak-cli check` reports a violation). priority_area_rank holds
 * deleted_at, so the deleted ones are found without reading the table. */
#define LINKS_OF_OTHERS \
  SCOPE_CTE ", other AS MATERIALIZED (" \
  "SELECT p.id FROM priority p WHERE p.deleted_at IS NULL AND NOT (+p.area_code IN scope) " \
  "UNION ALL SELECT p.id FROM priority p INDEXED BY priority_area_rank " \
  "WHERE p.deleted_at IS NOT NULL) " \
  "SELECT 0, group_code, -count(*) FROM priority_target_group " \
  "WHERE priority_id IN other GROUP BY group_code " \
  "UNION ALL SELECT 1, objective_code, -count(*) FROM priority_gcm " \
  "WHERE priority_id IN other GROUP BY objective_code " \
  "UNION ALL SELECT 2, target_code, -count(*) FROM priority_sdg " \
  "WHERE priority_id IN other GROUP BY target_code"

AimakScope *
aimak_scope_new (AimakScopeKind  kind,
                 const char     *area_code)
{
  AimakScope *scope = g_new0 (AimakScope, 1);

  scope->kind = kind;
  scope->area_code = kind == AIMAK_SCOPE_AREA ? g_strdup (area_code) : NULL;
  return scope;
}

void
aimak_scope_free (AimakScope *scope)
{
  if (scope == NULL)
    return;
  g_free (scope->area_code);
  g_free (scope);
}

void
aimak_summary_item_free (AimakSummaryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->label);
  g_free (item);
}

char *
aimak_summary_item_name (const AimakSummaryItem *item)
{
  if (item->code && g_ascii_isdigit (item->code[0]))
    return g_strdup_printf ("%s %s", item->code, item->label);
  return g_strdup (item->label);
}

void
aimak_summary_role_item_free (AimakSummaryRoleItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->label);
  g_free (item);
}

void
aimak_summary_free (AimakSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->priorities_by_status, g_ptr_array_unref);
  g_clear_pointer (&summary->priorities_by_marker, g_ptr_array_unref);
  g_clear_pointer (&summary->budget_by_marker, g_ptr_array_unref);
  g_clear_pointer (&summary->budget_by_funding, g_ptr_array_unref);
  g_clear_pointer (&summary->priorities_by_target_group, g_ptr_array_unref);
  g_clear_pointer (&summary->gcm_covered, g_ptr_array_unref);
  g_clear_pointer (&summary->sdg_covered, g_ptr_array_unref);
  g_clear_pointer (&summary->participants_by_role, g_ptr_array_unref);
  g_clear_pointer (&summary->activities_by_type, g_ptr_array_unref);
  g_free (summary->scope_label);
  g_free (summary->language);
  g_free (summary);
}

/* An area scope needs an area that exists; the others need nothing. */
static gboolean
check_scope (AimakDb          *db,
             const AimakScope *scope,
             GError          **error)
{
  gint64 found;

  if (scope->kind != AIMAK_SCOPE_AREA)
    return TRUE;
  if (scope->area_code == NULL || *scope->area_code == '\0')
    {
      g_set_error_literal (error, AIMAK_SUMMARY_ERROR, AIMAK_SUMMARY_ERROR_UNKNOWN_AREA,
                           _("No area was given."));
      return FALSE;
    }
  if (!aimak_db_query_count (db, &found, error, "SELECT count(*) FROM area WHERE code = ?",
                             "t", scope->area_code))
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, AIMAK_SUMMARY_ERROR, AIMAK_SUMMARY_ERROR_UNKNOWN_AREA,
                   _("There is no area with the code “%s”."), scope->area_code);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
aimak_scope_area_codes (AimakDb          *db,
                        const AimakScope *scope,
                        GError          **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (db != NULL && scope != NULL, NULL);

  if (!check_scope (db, scope, error) ||
      !aimak_db_foreach (db, error, aimak_db_row_add_text, codes,
                         SCOPE_CTE "SELECT code FROM scope ORDER BY code",
                         "it", (int) scope->kind, scope->area_code))
    return NULL;
  return g_steal_pointer (&codes);
}

char *
aimak_scope_describe (AimakDb          *db,
                      const AimakScope *scope)
{
  const char *lang;

  g_return_val_if_fail (db != NULL && scope != NULL, NULL);

  lang = aimak_db_get_language (db);
  switch (scope->kind)
    {
    case AIMAK_SCOPE_AREA:
      {
        g_autoptr(AimakArea) area = aimak_area_get (db, scope->area_code, NULL);
        if (area)
          return g_strdup (aimak_area_name (area, lang));
        return g_strdup (scope->area_code ? scope->area_code : "");
      }
    case AIMAK_SCOPE_PILOTS:
      return g_strdup (aimak_lang_gettext (lang, N_("Pilot areas")));
    case AIMAK_SCOPE_ALL:
    default:
      return g_strdup (aimak_lang_gettext (lang, N_("All areas")));
    }
}

/* The rule for budget figures, in one place: a rejected priority is not part of
 * the programme, so it counts in no total or share; the adopted programme is what
 * the local kenesh approved (approved, in progress, completed); "all proposals" adds
 * drafts and priorities proposed for the public hearing. A status code unknown to
 * this rule is treated as a proposal, never as adopted. */
AimakStatusClass
aimak_summary_status_class (const char *status_code)
{
  if (g_strcmp0 (status_code, "rejected") == 0)
    return AIMAK_STATUS_CLASS_REJECTED;
  if (g_strcmp0 (status_code, "approved") == 0 || g_strcmp0 (status_code, "in_progress") == 0 ||
      g_strcmp0 (status_code, "completed") == 0)
    return AIMAK_STATUS_CLASS_ADOPTED;
  return AIMAK_STATUS_CLASS_PROPOSAL;
}

const char *
aimak_summary_share_label (AimakShareKind  kind,
                           const char     *lang)
{
  if (kind == AIMAK_SHARE_ADOPTED)
    return aimak_lang_gettext (lang, N_("Gender budget share, adopted programme"));
  return aimak_lang_gettext (lang, N_("Gender budget share, all proposals"));
}

const char *
aimak_summary_share_definition (AimakShareKind  kind,
                                const char     *lang)
{
  if (kind == AIMAK_SHARE_ADOPTED)
    return aimak_lang_gettext (lang, N_("Budget of priorities with gender marker 1 or 2 as a "
                                        "share of the budget of approved, in-progress and "
                                        "completed priorities. Rejected priorities never "
                                        "count."));
  return aimak_lang_gettext (lang, N_("Budget of priorities with gender marker 1 or 2 as a "
                                      "share of the budget of all priorities, drafts and "
                                      "those proposed for the public hearing included. "
                                      "Rejected priorities never count."));
}

static AimakSummaryItem *
item_new (const char *code,
          const char *label,
          double      value)
{
  AimakSummaryItem *item = g_new0 (AimakSummaryItem, 1);

  item->code = g_strdup (code);
  item->label = g_strdup (label);
  item->value = value;
  return item;
}

static gpointer
zero_item_new (const char *code,
               const char *label)
{
  return item_new (code, label, 0);
}

static gpointer
role_item_new (const char *code,
               const char *label)
{
  AimakSummaryRoleItem *item = g_new0 (AimakSummaryRoleItem, 1);

  item->code = g_strdup (code);
  item->label = g_strdup (label);
  return item;
}

static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_item_free);
}

/* Appends an item made by @make for every entry of code list @name to @out, in
 * list order and named in the database's language. */
static gboolean
load_code_list_items (AimakDb      *db,
                      const char   *name,
                      GPtrArray    *out,
                      gpointer    (*make) (const char *code,
                                           const char *label),
                      GError      **error)
{
  g_autoptr(AimakCodeList) list = aimak_code_list_new_loaded (db, name, error);
  guint n;

  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimakCodeItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (out, make (aimak_code_item_get_code (item),
                                  aimak_code_item_get_name (item)));
    }
  return TRUE;
}

/* Every entry of code list @name with value 0. */
static gboolean
load_code_list (AimakDb     *db,
                const char  *name,
                GPtrArray   *out,
                GError     **error)
{
  return load_code_list_items (db, name, out, zero_item_new, error);
}

gboolean
aimak_summary_roles_load (AimakDb    *db,
                          GPtrArray  *roles,
                          GError    **error)
{
  g_return_val_if_fail (db != NULL && roles != NULL, FALSE);
  return load_code_list_items (db, "role", roles, role_item_new, error);
}

/* Adds @value to the item of @code; the lists are short (at most a few dozen). */
static void
add_to (GPtrArray  *items,
        const char *code,
        double      value)
{
  for (guint i = 0; i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);
      if (g_strcmp0 (item->code, code) == 0)
        {
          item->value += value;
          return;
        }
    }
}

/* Moves the items with a value above 0 from @from to @to, keeping their order. */
static void
move_covered (GPtrArray *from,
              GPtrArray *to)
{
  guint i = 0;

  while (i < from->len)
    {
      if (((AimakSummaryItem *) g_ptr_array_index (from, i))->value > 0)
        g_ptr_array_add (to, g_ptr_array_steal_index (from, i));
      else
        i++;
    }
}

/* Items of @items with the code in column 0 get the value of column @col added. */
typedef struct
{
  GPtrArray *items;
  int        col;
} AddTo;

static gboolean
add_row_to (AimakStmt  *st,
            gpointer    user_data,
            GError    **error)
{
  AddTo *to = user_data;

  add_to (to->items, aimak_stmt_text (st, 0), aimak_stmt_double_or_nan (st, to->col));
  return TRUE;
}

static gboolean
add_role_row (AimakStmt  *st,
              gpointer    user_data,
              GError    **error)
{
  GPtrArray *roles = user_data;

  for (guint i = 0; i < roles->len; i++)
    {
      AimakSummaryRoleItem *item = g_ptr_array_index (roles, i);

      if (g_strcmp0 (item->code, aimak_stmt_text (st, 0)) == 0)
        {
          item->women += (guint) aimak_stmt_int64 (st, 1);
          item->men += (guint) aimak_stmt_int64 (st, 2);
          return TRUE;
        }
    }
  return TRUE;
}

/* Participants by role and sex, every role of the list in its order. */
static gboolean
collect_roles (AimakDb          *db,
               const AimakScope *scope,
               AimakSummary     *summary,
               GError          **error)
{
  if (!aimak_summary_roles_load (db, summary->participants_by_role, error) ||
      !aimak_db_foreach (db, error, add_role_row, summary->participants_by_role,
                         SCOPE_CTE "SELECT ap.role_code, total (ap.women), total (ap.men) "
                         "FROM activity_participant ap "
                         "JOIN activity a ON a.id = ap.activity_id WHERE " LIVE_ACTIVITY " "
                         "GROUP BY ap.role_code",
                         "it", (int) scope->kind, scope->area_code))
    return FALSE;
  for (guint i = 0; i < summary->participants_by_role->len; i++)
    {
      AimakSummaryRoleItem *item = g_ptr_array_index (summary->participants_by_role, i);

      summary->participants_women += item->women;
      summary->participants_men += item->men;
    }
  return TRUE;
}

static gboolean
add_priority_group (AimakStmt  *st,
                    gpointer    user_data,
                    GError    **error)
{
  AimakSummary *s = user_data;
  const char *status = aimak_stmt_text (st, 0);
  const char *marker = aimak_stmt_text (st, 1);
  guint n = (guint) aimak_stmt_int64 (st, 3);
  double budget = aimak_stmt_double_or_nan (st, 4);
  AimakStatusClass cls = aimak_summary_status_class (status);
  gboolean gender = g_strcmp0 (marker, "0") != 0;

  s->priorities_total += n;
  add_to (s->priorities_by_status, status, n);
  add_to (s->priorities_by_marker, marker, n);
  if (cls == AIMAK_STATUS_CLASS_REJECTED)
    return TRUE;
  add_to (s->budget_by_marker, marker, budget);
  add_to (s->budget_by_funding,
          aimak_stmt_text (st, 2) ? aimak_stmt_text (st, 2) : "", budget);
  s->budget_total += budget;
  if (gender)
    s->gender_budget_total += budget;
  if (cls == AIMAK_STATUS_CLASS_ADOPTED)
    {
      s->budget_adopted += budget;
      if (gender)
        s->gender_budget_adopted += budget;
    }
  return TRUE;
}

/* The code lists with zeros, then one pass over the priorities fills status,
 * marker, budget and funding at once: the priority table is the big one. */
static gboolean
compute_priorities (AimakDb          *db,
                    const AimakScope *scope,
                    AimakSummary     *s,
                    GError          **error)
{
  const char *lang = aimak_db_get_language (db);

  if (!load_code_list (db, "status", s->priorities_by_status, error) ||
      !load_code_list (db, "gender_marker", s->priorities_by_marker, error) ||
      !load_code_list (db, "gender_marker", s->budget_by_marker, error) ||
      !load_code_list (db, "funding_source", s->budget_by_funding, error))
    return FALSE;
  g_ptr_array_add (s->budget_by_funding,
                   item_new ("", aimak_lang_gettext (lang, N_("No funding source")), 0));
  /* A non-finite budget (a database written before values were checked) counts in
   * no figure, as in the workbook, where it is an empty cell: inf - inf is NaN,
   * which SQLite reads as NULL. The GROUP BY is the order of the covering index
   * priority_summary (schema 9), so "All areas" and "Pilot areas" are one pass
   * over it, no sort and no table read (the unary + keeps SQLite from seeking the
   * priorities area by area through priority_area_rank, which reads every row);
   * an area lets SQLite choose, as a small one is quicker by its areas. No
   * funding source (NULL, or '' written by an old version) is one item, "". */
  if (!aimak_db_foreach (db, error, add_priority_group, s,
                         scope->kind == AIMAK_SCOPE_AREA ? PRIORITY_GROUPS ("")
                                                         : PRIORITY_GROUPS ("+"),
                         "it", (int) scope->kind, scope->area_code))
    return FALSE;
  s->gender_share_proposals = s->budget_total > 0 ? s->gender_budget_total / s->budget_total
                                                 : NAN;
  s->gender_share_adopted = s->budget_adopted > 0 ? s->gender_budget_adopted / s->budget_adopted
                                                  : NAN;
  return TRUE;
}

static gboolean
add_link_count (AimakStmt  *st,
                gpointer    user_data,
                GError    **error)
{
  GPtrArray **lists = user_data;
  int which = aimak_stmt_int (st, 0);

  if (which >= 0 && which < 3)
    add_to (lists[which], aimak_stmt_text (st, 1), aimak_stmt_double_or_nan (st, 2));
  return TRUE;
}

/* The links of the live priorities by code. When the scope holds most of the
 * priorities ("All areas"), every link is counted from the indexes by code and
 * those of the other priorities taken away, which reads a few link rows instead
 * of looking up every live priority's links; otherwise the live ones are looked
 * up. @path forces one way (the tests compare them). */
static gboolean
compute_links (AimakDb          *db,
               const AimakScope *scope,
               AimakSummary     *s,
               AimakSummaryPath  path,
               GError          **error)
{
  g_autoptr(GPtrArray) gcm = items_new ();
  g_autoptr(GPtrArray) sdg = items_new ();
  GPtrArray *lists[] = { s->priorities_by_target_group, gcm, sdg };
  gboolean by_others;

  if (!load_code_list (db, "target_group", s->priorities_by_target_group, error) ||
      !load_code_list (db, "gcm_objective", gcm, error) ||
      !load_code_list (db, "sdg_target", sdg, error))
    return FALSE;
  s->gcm_objectives_total = gcm->len;
  s->sdg_targets_total = sdg->len;
  if (path == AIMAK_SUMMARY_PATH_AUTO)
    {
      gint64 all;

      if (!aimak_db_query_count (db, &all, error, "SELECT count(*) FROM priority", NULL))
        return FALSE;
      by_others = all - (gint64) s->priorities_total < (gint64) s->priorities_total;
    }
  else
    by_others = path == AIMAK_SUMMARY_PATH_BY_OTHERS;
  if (by_others)
    {
      if (!aimak_db_foreach (db, error, add_link_count, lists, LINKS_ALL, NULL) ||
          !aimak_db_foreach (db, error, add_link_count, lists, LINKS_OF_OTHERS,
                             "it", (int) scope->kind, scope->area_code))
        return FALSE;
    }
  else if (!aimak_db_foreach (db, error, add_link_count, lists,
                              s->priorities_total > 2000 ? LINKS_OF_LIVE ("+")
                                                         : LINKS_OF_LIVE (""),
                              "it", (int) scope->kind, scope->area_code))
    return FALSE;
  /* Covered = at least one live priority; the list order stays. */
  move_covered (gcm, s->gcm_covered);
  move_covered (sdg, s->sdg_covered);
  return TRUE;
}

/* Activities by type, every type of the list in its order. */
static gboolean
compute_activities (AimakDb          *db,
                    const AimakScope *scope,
                    AimakSummary     *s,
                    GError          **error)
{
  AddTo to = { s->activities_by_type, 1 };

  if (!load_code_list (db, "activity_type", s->activities_by_type, error) ||
      !aimak_db_foreach (db, error, add_row_to, &to,
                         SCOPE_CTE "SELECT a.type, count(*) FROM activity a "
                         "WHERE " LIVE_ACTIVITY " GROUP BY a.type",
                         "it", (int) scope->kind, scope->area_code))
    return FALSE;
  for (guint i = 0; i < s->activities_by_type->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (s->activities_by_type, i);

      s->activities_total += (guint) item->value;
    }
  return TRUE;
}

typedef struct
{
  const AimakScope *scope;
  AimakSummary     *summary;
  AimakSummaryPath  path;
} Compute;

static gboolean
compute (AimakDb   *db,
         gpointer   user_data,
         GError   **error)
{
  Compute *c = user_data;

  if (!check_scope (db, c->scope, error) ||
      !compute_priorities (db, c->scope, c->summary, error) ||
      !compute_links (db, c->scope, c->summary, c->path, error) ||
      !collect_roles (db, c->scope, c->summary, error) ||
      !compute_activities (db, c->scope, c->summary, error))
    return FALSE;
  c->summary->scope_label = aimak_scope_describe (db, c->scope);
  return TRUE;
}

AimakSummary *
aimak_summary_compute (AimakDb          *db,
                       const AimakScope *scope,
                       GError          **error)
{
  return aimak_summary_compute_by (db, scope, AIMAK_SUMMARY_PATH_AUTO, error);
}

AimakSummary *
aimak_summary_compute_by (AimakDb          *db,
                          const AimakScope *scope,
                          AimakSummaryPath  path,
                          GError          **error)
{
  g_autoptr(AimakSummary) s = NULL;
  Compute c;

  g_return_val_if_fail (db != NULL && scope != NULL, NULL);

  s = g_new0 (AimakSummary, 1);
  s->priorities_by_status = items_new ();
  s->priorities_by_marker = items_new ();
  s->budget_by_marker = items_new ();
  s->budget_by_funding = items_new ();
  s->priorities_by_target_group = items_new ();
  s->gcm_covered = items_new ();
  s->sdg_covered = items_new ();
  s->participants_by_role =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_role_item_free);
  s->activities_by_type = items_new ();
  s->language = g_strdup (aimak_db_get_language (db));
  c.scope = scope;
  c.summary = s;
  c.path = path;
  /* All figures from one snapshot: they agree with each other even while another
   * process writes. */
  if (!aimak_db_run_in_read_transaction (db, compute, &c, error))
    return NULL;
  return g_steal_pointer (&s);
}

static const char *
scope_kind_name (AimakScopeKind kind)
{
  switch (kind)
    {
    case AIMAK_SCOPE_AREA: return "area";
    case AIMAK_SCOPE_PILOTS: return "pilots";
    case AIMAK_SCOPE_ALL:
    default: return "all";
    }
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

/* Counts are written as integers so that scripts need not round. */
static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

/* JSON has no infinity: a sum that overflowed is null, never "inf". */
static void
add_double (JsonBuilder *b,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (b, key);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_items (JsonBuilder *b,
           const char  *key,
           GPtrArray   *items,
           gboolean     counts)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      AimakSummaryItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (b);
      add_string (b, "code", item->code);
      add_string (b, "label", item->label);
      if (counts)
        add_int (b, "value", llround (item->value));
      else
        add_double (b, "value", item->value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
aimak_summary_to_json (const AimakSummary *s,
                       const AimakScope   *scope)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (s != NULL && scope != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scope");
  json_builder_begin_object (b);
  add_string (b, "kind", scope_kind_name (scope->kind));
  json_builder_set_member_name (b, "area_code");
  if (scope->kind == AIMAK_SCOPE_AREA)
    json_builder_add_string_value (b, scope->area_code);
  else
    json_builder_add_null_value (b);
  add_string (b, "label", s->scope_label ? s->scope_label : "");
  json_builder_end_object (b);

  add_string (b, "language", s->language ? s->language : "en");

  add_int (b, "priorities_total", s->priorities_total);
  add_items (b, "priorities_by_status", s->priorities_by_status, TRUE);
  add_items (b, "priorities_by_marker", s->priorities_by_marker, TRUE);
  add_items (b, "budget_by_marker", s->budget_by_marker, FALSE);
  add_items (b, "budget_by_funding", s->budget_by_funding, FALSE);
  add_double (b, "budget_total", s->budget_total);
  add_double (b, "budget_adopted", s->budget_adopted);
  json_builder_set_member_name (b, "gender_budget_shares");
  json_builder_begin_array (b);
  for (int k = AIMAK_SHARE_ADOPTED; k <= AIMAK_SHARE_PROPOSALS; k++)
    {
      gboolean adopted = k == AIMAK_SHARE_ADOPTED;
      double share = adopted ? s->gender_share_adopted : s->gender_share_proposals;
      const char *lang = s->language ? s->language : "en";

      json_builder_begin_object (b);
      add_string (b, "code", adopted ? "adopted" : "all_proposals");
      add_string (b, "label", aimak_summary_share_label (k, lang));
      add_string (b, "definition", aimak_summary_share_definition (k, lang));
      add_double (b, "value", share);
      add_double (b, "gender_budget", adopted ? s->gender_budget_adopted : s->gender_budget_total);
      add_double (b, "budget", adopted ? s->budget_adopted : s->budget_total);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_items (b, "priorities_by_target_group", s->priorities_by_target_group, TRUE);
  add_items (b, "gcm_covered", s->gcm_covered, TRUE);
  add_items (b, "sdg_covered", s->sdg_covered, TRUE);

  json_builder_set_member_name (b, "participants_by_role_and_sex");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->participants_by_role->len; i++)
    {
      AimakSummaryRoleItem *item = g_ptr_array_index (s->participants_by_role, i);

      json_builder_begin_object (b);
      add_string (b, "code", item->code);
      add_string (b, "label", item->label);
      add_int (b, "women", item->women);
      add_int (b, "men", item->men);
      add_int (b, "total", item->women + item->men);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_int (b, "participants_women", s->participants_women);
  add_int (b, "participants_men", s->participants_men);
  add_items (b, "activities_by_type", s->activities_by_type, TRUE);
  add_int (b, "activities_total", s->activities_total);
  add_int (b, "gcm_objectives_total", s->gcm_objectives_total);
  add_int (b, "sdg_targets_total", s->sdg_targets_total);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

gboolean
aimak_summary_is_large (AimakDb *db,
                        gint64   max_priorities)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return aimak_db_query_int (db, 0, NULL, "SELECT max(rowid) FROM priority", NULL) >
         max_priorities;
}
