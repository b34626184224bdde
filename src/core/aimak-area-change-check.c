/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-area-change-check.c — a change list against the database: unknown codes,
 * cycles, overlapping periods, changes dated before an area began. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-area-change-private.h"
#include "aimak-problem.h"

static void
state_free (AimakAreaState *s)
{
  g_free (s->code);
  g_free (s->valid_from);
  g_free (s->valid_to);
  g_free (s->ended_by);
  g_free (s->type);
  g_free (s);
}

GHashTable *
aimak_area_states_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) state_free);
}

AimakAreaState *
aimak_area_state_get (AimakDb     *db,
                      GHashTable  *states,
                      const char  *code,
                      GError     **error)
{
  AimakAreaState *s = g_hash_table_lookup (states, code);
  g_autoptr(AimakStmt) st = NULL;

  if (s)
    return s;
  if (!aimak_db_first_row (db, &st, error, "SELECT level, type, valid_from, valid_to FROM area "
                           "WHERE code = ?", "t", code))
    return NULL;
  s = g_new0 (AimakAreaState, 1);
  s->code = g_strdup (code);
  if (st != NULL)
    {
      s->exists = TRUE;
      s->level = aimak_stmt_int (st, 0);
      s->type = g_strdup (aimak_stmt_text (st, 1));
      s->valid_from = aimak_stmt_is_null (st, 2) ? NULL : g_strdup (aimak_stmt_text (st, 2));
      s->valid_to = aimak_stmt_is_null (st, 3) ? NULL : g_strdup (aimak_stmt_text (st, 3));
    }
  g_hash_table_insert (states, s->code, s);
  return s;
}

/* Successor edges old → new of the changes applied so far, and of the list. */
static gboolean
add_edge (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  GHashTable *edges = user_data;
  GPtrArray *to = g_hash_table_lookup (edges, aimak_stmt_text (st, 0));

  if (to == NULL)
    {
      to = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (edges, g_strdup (aimak_stmt_text (st, 0)), to);
    }
  g_ptr_array_add (to, g_strdup (aimak_stmt_text (st, 1)));
  return TRUE;
}

static gboolean
reaches (GHashTable *edges,
         const char *from,
         const char *target,
         GHashTable *seen)
{
  GPtrArray *to;

  if (g_strcmp0 (from, target) == 0)
    return TRUE;
  if (!g_hash_table_add (seen, (gpointer) from))
    return FALSE;
  to = g_hash_table_lookup (edges, from);
  for (guint i = 0; to && i < to->len; i++)
    if (reaches (edges, g_ptr_array_index (to, i), target, seen))
      return TRUE;
  return FALSE;
}

static void
check_cycle (GHashTable         *edges,
             AimakAreaChangeRow *row,
             const char         *old,
             GPtrArray          *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *to;

  if (row->kind == AIMAK_AREA_CHANGE_RENAMED)
    return;
  if (reaches (edges, row->new_code, old, seen))
    aimak_problem_at (problems, row->line, "new_code",
                      g_strdup_printf (_("“%s” already came from “%s”: this change would make a "
                                         "cycle."), old, row->new_code));
  to = g_hash_table_lookup (edges, old);
  if (to == NULL)
    {
      to = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (edges, g_strdup (old), to);
    }
  g_ptr_array_add (to, g_strdup (row->new_code));
}

/* The old area: it must exist and still exist on the date. */
static void
check_old (AimakAreaState     *s,
           AimakAreaChangeRow *row,
           GPtrArray          *problems)
{
  g_autofree char *ended_here = g_strdup_printf ("split_from@%s", row->effective_date);

  if (!s->exists)
    {
      aimak_problem_at (problems, row->line, "old_codes",
                        g_strdup_printf (_("There is no area with the code “%s”."), s->code));
      return;
    }
  if (s->valid_from && strcmp (row->effective_date, s->valid_from) <= 0)
    aimak_problem_at (problems, row->line, "effective_date",
                      g_strdup_printf (_("“%s” began on %s: a change on %s overlaps its "
                                         "beginning."), s->code, s->valid_from,
                                       row->effective_date));
  /* A split names its old area once per part, on the same date. */
  if (s->valid_to && !(row->kind == AIMAK_AREA_CHANGE_SPLIT_FROM &&
                       g_strcmp0 (s->ended_by, ended_here) == 0))
    aimak_problem_at (problems, row->line, "old_codes",
                      g_strdup_printf (_("“%s” already ended on %s: the periods overlap."),
                                       s->code, s->valid_to));
  else if (aimak_area_change_ends_old (row->kind) && s->valid_to == NULL)
    {
      s->valid_to = g_strdup (row->effective_date);
      s->ended_by = g_strdup_printf ("%s@%s", aimak_area_change_kind_to_string (row->kind),
                                     row->effective_date);
    }
}

static gboolean
check_parent (AimakDb             *db,
              GHashTable          *states,
              AimakAreaChangeRow  *row,
              AimakAreaState      *n,
              GPtrArray           *problems,
              GError             **error)
{
  AimakAreaState *parent;

  if (*row->name_en == '\0')
    aimak_problem_at (problems, row->line, "name_en",
                      g_strdup_printf (_("The new area “%s” needs its English name."),
                                       row->new_code));
  if (*row->parent_code == '\0')
    {
      aimak_problem_at (problems, row->line, "parent_code",
                        g_strdup_printf (_("The new area “%s” needs the code of the area it "
                                           "belongs to."), row->new_code));
      return TRUE;
    }
  parent = aimak_area_state_get (db, states, row->parent_code, error);
  if (parent == NULL)
    return FALSE;
  if (!parent->exists || parent->valid_to != NULL || parent->level >= 3)
    aimak_problem_at (problems, row->line, "parent_code",
                      g_strdup_printf (_("“%s” is not a current oblast, rayon or city that an area "
                                         "can belong to."), row->parent_code));
  n->level = parent->level + 1;
  return TRUE;
}

/* The new area: created by this row, or an existing current one that takes
 * the old areas in (a merger into a city, a part transferred). */
static gboolean
check_new (AimakDb             *db,
           GHashTable          *states,
           AimakAreaChangeRow  *row,
           GPtrArray           *problems,
           GError             **error)
{
  AimakAreaState *n = aimak_area_state_get (db, states, row->new_code, error);
  gboolean may_exist = row->kind == AIMAK_AREA_CHANGE_MERGED_INTO ||
                       row->kind == AIMAK_AREA_CHANGE_PART_TRANSFERRED;

  if (n == NULL)
    return FALSE;
  if (n->exists && n->created && g_strcmp0 (n->valid_from, row->effective_date) == 0)
    return TRUE; /* created by an earlier row of the same change */
  if (n->exists && !may_exist)
    aimak_problem_at (problems, row->line, "new_code",
                      g_strdup_printf (_("The area “%s” already exists: the periods overlap."),
                                       row->new_code));
  else if (n->exists && n->valid_to)
    aimak_problem_at (problems, row->line, "new_code",
                      g_strdup_printf (_("“%s” already ended on %s: the periods overlap."),
                                       row->new_code, n->valid_to));
  else if (!n->exists && row->kind == AIMAK_AREA_CHANGE_PART_TRANSFERRED)
    aimak_problem_at (problems, row->line, "new_code",
                      g_strdup_printf (_("There is no area with the code “%s”."), row->new_code));
  else if (!n->exists)
    {
      if (!check_parent (db, states, row, n, problems, error))
        return FALSE;
      n->exists = n->created = TRUE;
      n->valid_from = g_strdup (row->effective_date);
    }
  return TRUE;
}

static int
by_line (gconstpointer a,
         gconstpointer b)
{
  const AimakProblem *pa = *(AimakProblem * const *) a;
  const AimakProblem *pb = *(AimakProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

gboolean
aimak_area_change_list_check (AimakDb              *db,
                              AimakAreaChangeList  *list,
                              GPtrArray            *problems,
                              GError              **error)
{
  g_autoptr(GHashTable) states = aimak_area_states_new ();
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);

  if (!aimak_db_foreach (db, error, add_edge, edges,
                         "SELECT old_code, new_code FROM area_change WHERE undone = 0 "
                         "AND kind <> 'renamed'", NULL))
    return FALSE;
  for (guint i = 0; i < list->rows->len; i++)
    {
      AimakAreaChangeRow *row = g_ptr_array_index (list->rows, i);

      for (guint k = 0; row->old_codes[k]; k++)
        {
          AimakAreaState *s = aimak_area_state_get (db, states, row->old_codes[k], error);
          if (s == NULL)
            return FALSE;
          check_old (s, row, problems);
          if (s->exists)
            check_cycle (edges, row, row->old_codes[k], problems);
        }
      if (row->kind != AIMAK_AREA_CHANGE_RENAMED &&
          !check_new (db, states, row, problems, error))
        return FALSE;
    }
  /* By line (a stable sort: the problems of one line stay in column order). */
  g_ptr_array_sort (problems, by_line);
  return TRUE;
}
