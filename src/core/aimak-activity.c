/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-activity.c — a capacity-building activity: the record, its participants
 * and linked priorities, the change log's text forms and the loader. The rules
 * live in aimak-activity-validate.c, the writes in aimak-activity-write.c, the
 * fields in aimak-activity-fields.c and the register in aimak-activity-register.c.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity-private.h"
#include "aimak-number.h"
#include "aimak-priority.h"

G_DEFINE_QUARK (aimak-activity-error-quark, aimak_activity_error)

/* ---- The record ---- */

static void
participants_free (AimakActivityParticipants *p)
{
  g_free (p->role_code);
  g_free (p);
}

static GPtrArray *
participants_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) participants_free);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

AimakActivity *
aimak_activity_new (const char *area_code)
{
  AimakActivity *a = g_new0 (AimakActivity, 1);

  a->area_code = g_strdup (area_code);
  a->date = today_iso ();
  a->type = g_strdup ("training");
  a->topic = g_strdup ("");
  a->facilitator = g_strdup ("");
  a->notes = g_strdup ("");
  a->pre_score = NAN;
  a->post_score = NAN;
  a->participants = participants_new ();
  a->priorities = g_ptr_array_new_with_free_func (g_free);
  return a;
}

/* An empty activity for the loader and the copy to fill (no defaults, unlike
 * aimak_activity_new()). */
static gpointer
activity_blank (void)
{
  AimakActivity *a = g_new0 (AimakActivity, 1);

  a->participants = participants_new ();
  a->priorities = g_ptr_array_new_with_free_func (g_free);
  return a;
}

AimakActivity *
aimak_activity_copy (const AimakActivity *a)
{
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  return aimak_field_copy_record (fields, n, activity_blank, a);
}

void
aimak_activity_free (AimakActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  g_free (a->area_code);
  g_free (a->date);
  g_free (a->type);
  g_free (a->topic);
  g_free (a->facilitator);
  g_free (a->notes);
  g_free (a->created_at);
  g_free (a->updated_at);
  g_free (a->deleted_at);
  g_clear_pointer (&a->participants, g_ptr_array_unref);
  g_clear_pointer (&a->priorities, g_ptr_array_unref);
  g_free (a);
}

static AimakActivityParticipants *
find_role (const AimakActivity *a,
           const char          *role_code)
{
  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);
      if (g_strcmp0 (p->role_code, role_code) == 0)
        return p;
    }
  return NULL;
}

int
aimak_activity_get_women (const AimakActivity *a,
                          const char          *role_code)
{
  AimakActivityParticipants *p = find_role (a, role_code);

  return p ? p->women : 0;
}

int
aimak_activity_get_men (const AimakActivity *a,
                        const char          *role_code)
{
  AimakActivityParticipants *p = find_role (a, role_code);

  return p ? p->men : 0;
}

void
aimak_activity_set_participants (AimakActivity *a,
                                 const char    *role_code,
                                 int            women,
                                 int            men)
{
  AimakActivityParticipants *p;

  g_return_if_fail (a != NULL && role_code != NULL);

  p = find_role (a, role_code);
  /* A role with nobody is no row at all, so that "0 and 0" and "absent" compare equal. */
  if (women == 0 && men == 0)
    {
      if (p)
        g_ptr_array_remove (a->participants, p);
      return;
    }
  if (p == NULL)
    {
      p = g_new0 (AimakActivityParticipants, 1);
      p->role_code = g_strdup (role_code);
      g_ptr_array_add (a->participants, p);
    }
  p->women = women;
  p->men = men;
}

/* The women (or the men) of every role. */
static int
total (const AimakActivity *a,
       gboolean             women)
{
  int sum = 0;

  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);

      sum += women ? p->women : p->men;
    }
  return sum;
}

int
aimak_activity_total_women (const AimakActivity *a)
{
  return total (a, TRUE);
}

int
aimak_activity_total_men (const AimakActivity *a)
{
  return total (a, FALSE);
}

gboolean
aimak_activity_has_priority (const AimakActivity *a,
                             const char          *priority_id)
{
  for (guint i = 0; i < a->priorities->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->priorities, i), priority_id) == 0)
      return TRUE;
  return FALSE;
}

void
aimak_activity_set_priority (AimakActivity *a,
                             const char    *priority_id,
                             gboolean       linked)
{
  g_return_if_fail (a != NULL && priority_id != NULL);

  for (guint i = 0; i < a->priorities->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->priorities, i), priority_id) == 0)
      {
        if (!linked)
          g_ptr_array_remove_index (a->priorities, i);
        return;
      }
  if (linked)
    g_ptr_array_add (a->priorities, g_strdup (priority_id));
}

/* ---- Reading and writing ---- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Sorted so that the change log compares sets, not orders. */
char *
_aimak_activity_priorities_text (const GPtrArray *ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (ids, i));
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

static gboolean
add_participants (AimakStmt *row,
                  gpointer   data,
                  GError   **error)
{
  aimak_activity_set_participants (data, aimak_stmt_text (row, 0), aimak_stmt_int (row, 1),
                                   aimak_stmt_int (row, 2));
  return TRUE;
}

AimakActivity *
aimak_activity_load (AimakDb    *db,
                     const char *id,
                     GError    **error)
{
  g_autoptr(AimakActivity) a = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  g_return_val_if_fail (db != NULL && id != NULL, NULL);

  if (!aimak_field_load_row (db, "activity", fields, n, activity_blank, (gpointer *) &a,
                             error, "t", id))
    return NULL;
  if (a == NULL)
    {
      g_set_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND,
                   _("The activity “%s” does not exist."), id);
      return NULL;
    }
  if (!aimak_db_foreach (db, error, add_participants, a,
                         "SELECT ap.role_code, ap.women, ap.men "
                         "FROM activity_participant ap "
                         "LEFT JOIN role r ON r.code = ap.role_code "
                         "WHERE ap.activity_id = ? "
                         "ORDER BY r.sort, ap.role_code", "t", id) ||
      !aimak_db_foreach (db, error, aimak_db_row_add_text, a->priorities,
                         "SELECT priority_id FROM activity_priority "
                         "WHERE activity_id = ? ORDER BY priority_id", "t", id))
    return NULL;
  return g_steal_pointer (&a);
}

static void
add_count_change (GPtrArray *changes,
                  char      *field,
                  int        old_value,
                  int        new_value)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (old_value != new_value)
    {
      old_text = g_strdup_printf ("%d", old_value);
      new_text = g_strdup_printf ("%d", new_value);
      g_ptr_array_add (changes, aimak_field_change_new (field, old_text, new_text));
    }
  g_free (field);
}

void
_aimak_activity_participants_diff (gconstpointer old_record,
                                   gconstpointer new_record,
                                   GPtrArray    *changes)
{
  const AimakActivity *old = old_record;
  const AimakActivity *a = new_record;
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();

  /* Every role in either version, each compared by sex. */
  for (guint i = 0; i < old->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (old->participants, i);
      g_ptr_array_add (roles, p->role_code);
    }
  for (guint i = 0; i < a->participants->len; i++)
    {
      char *role = ((AimakActivityParticipants *) a->participants->pdata[i])->role_code;
      if (find_role (old, role) == NULL)
        g_ptr_array_add (roles, role);
    }
  for (guint i = 0; i < roles->len; i++)
    {
      const char *role = g_ptr_array_index (roles, i);

      add_count_change (changes, g_strconcat ("women.", role, NULL),
                        aimak_activity_get_women (old, role),
                        aimak_activity_get_women (a, role));
      add_count_change (changes, g_strconcat ("men.", role, NULL),
                        aimak_activity_get_men (old, role), aimak_activity_get_men (a, role));
    }
}

static gboolean
add_linkable (AimakStmt *row,
              gpointer   data,
              GError   **error)
{
  int rank = aimak_stmt_int (row, 1);
  const char *title = aimak_stmt_text (row, 2);
  AimakSummaryItem *item = g_new0 (AimakSummaryItem, 1);

  if (*title == '\0')
    title = _("(untitled)");
  if (aimak_stmt_int (row, 3))
    item->label = g_strdup_printf ("%d. %s", rank, title);
  else
    item->label = g_strdup_printf ("%d. %s (%s)", rank, title, aimak_stmt_text (row, 4));
  item->code = g_strdup (aimak_stmt_text (row, 0));
  item->value = rank;
  g_ptr_array_add (data, item);
  return TRUE;
}

GPtrArray *
aimak_activity_linkable_priorities (AimakDb    *db,
                                    const char *area_code,
                                    GError    **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_item_free);

  g_return_val_if_fail (db != NULL, NULL);

  if (area_code == NULL)
    return g_steal_pointer (&items);
  if (!aimak_db_foreach (db, error, add_linkable, items,
                         "WITH RECURSIVE sub(code) AS (SELECT ?1 UNION ALL SELECT ar.code "
                         "FROM area ar JOIN sub ON ar.parent_code = sub.code) "
                         "SELECT p.id, p.rank, p.title, p.area_code = ?1, "
                         "aimak_name (ar.name_en, ar.name_ru, ar.name_ky) "
                         "FROM priority p JOIN area ar ON ar.code = p.area_code "
                         "WHERE p.deleted_at IS NULL AND p.area_code IN sub "
                         "ORDER BY p.area_code <> ?1, 5, p.rank, p.id",
                         "t", area_code))
    return NULL;
  return g_steal_pointer (&items);
}
