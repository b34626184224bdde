/* aimak-activity.c — capacity-building activities: the record, its validation,
 * writes with change log, and the register's filtered query and totals.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-activity-private.h"
#include "aimak-number.h"
#include "aimak-priority.h"
#include "aimak-db-private.h"

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

AimakActivity *
aimak_activity_copy (const AimakActivity *a)
{
  AimakActivity *c;

  g_return_val_if_fail (a != NULL, NULL);

  c = g_new0 (AimakActivity, 1);
  c->id = g_strdup (a->id);
  c->area_code = g_strdup (a->area_code);
  c->date = g_strdup (a->date);
  c->type = g_strdup (a->type);
  c->topic = g_strdup (a->topic);
  c->facilitator = g_strdup (a->facilitator);
  c->pre_score = a->pre_score;
  c->post_score = a->post_score;
  c->notes = g_strdup (a->notes);
  c->is_demo = a->is_demo;
  c->created_at = g_strdup (a->created_at);
  c->updated_at = g_strdup (a->updated_at);
  c->deleted_at = g_strdup (a->deleted_at);
  c->participants = participants_new ();
  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);
      aimak_activity_set_participants (c, p->role_code, p->women, p->men);
    }
  c->priorities = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < a->priorities->len; i++)
    g_ptr_array_add (c->priorities, g_strdup (g_ptr_array_index (a->priorities, i)));
  return c;
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

int
aimak_activity_total_women (const AimakActivity *a)
{
  int sum = 0;

  for (guint i = 0; i < a->participants->len; i++)
    sum += ((AimakActivityParticipants *) g_ptr_array_index (a->participants, i))->women;
  return sum;
}

int
aimak_activity_total_men (const AimakActivity *a)
{
  int sum = 0;

  for (guint i = 0; i < a->participants->len; i++)
    sum += ((AimakActivityParticipants *) g_ptr_array_index (a->participants, i))->men;
  return sum;
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

/* ---- Validation ---- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  g_ptr_array_add (problems, aimak_problem_new_take (field, AIMAK_PROBLEM_ERROR, message));
}

gboolean
aimak_activity_date_is_valid (const char *date)
{
  return aimak_date_is_iso (date);
}

/* The latest date allowed: the same day one year from today. Planned activities
 * may be entered ahead, but not so far that a typo in the year goes unnoticed. */
static char *
latest_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);

  return g_date_time_format (later, "%Y-%m-%d");
}

static void
check_score (GPtrArray  *problems,
             const char *field,
             double      score)
{
  if (isnan (score))
    return;
  if (!isfinite (score) || score < 0 || score > 100)
    add_problem (problems, field,
                 g_strdup (g_str_equal (field, "pre_score")
                             ? _("The pre-test score must be between 0 and 100.")
                             : _("The post-test score must be between 0 and 100.")));
}

GPtrArray *
aimak_activity_validate (const AimakActivity *a)
{
  GPtrArray *problems =
    aimak_problem_list_new ();
  gint64 women = 0, men = 0;
  gboolean topic_blank;

  g_return_val_if_fail (a != NULL, problems);

  if (a->area_code == NULL || *a->area_code == '\0')
    add_problem (problems, "area_code", g_strdup (_("Choose the area of the activity.")));

  if (a->date == NULL || *a->date == '\0')
    add_problem (problems, "date", g_strdup (_("Enter the date of the activity.")));
  else if (!aimak_activity_date_is_valid (a->date))
    add_problem (problems, "date",
                 g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, "
                                    "for example 2024-03-15."), a->date));
  else
    {
      g_autofree char *latest = latest_date ();
      if (strcmp (a->date, latest) > 0)
        add_problem (problems, "date",
                     g_strdup_printf (_("The date is more than a year in the future "
                                        "(the latest allowed is %s)."), latest));
    }

  if (a->type == NULL || *a->type == '\0')
    add_problem (problems, "type", g_strdup (_("Choose the type of the activity.")));

  /* The topic is what the list and the workbook show of an activity: without it
   * two trainings on one day cannot be told apart. */
  {
    g_autofree char *topic = g_strstrip (g_strdup (a->topic ? a->topic : ""));

    topic_blank = *topic == '\0';
    if (topic_blank)
      add_problem (problems, "topic", g_strdup (_("Enter the topic of the activity.")));
  }

  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);

      if (p->women < 0)
        {
          g_autofree char *field = g_strconcat ("women.", p->role_code, NULL);
          add_problem (problems, field, g_strdup (_("The number of women cannot be negative.")));
        }
      else
        women += p->women;
      if (p->men < 0)
        {
          g_autofree char *field = g_strconcat ("men.", p->role_code, NULL);
          add_problem (problems, field, g_strdup (_("The number of men cannot be negative.")));
        }
      else
        men += p->men;
    }
  if (women + men == 0)
    add_problem (problems, "participants",
                 g_strdup (_("Enter at least one participant (women or men in some role).")));

  /* Plausible counts and clean text (aimak-number.h). */
  {
    GError *error = NULL;
    const struct { const char *field; const char *text; gboolean multiline; } texts[] = {
      { "topic", a->topic, FALSE }, { "facilitator", a->facilitator, FALSE },
      { "notes", a->notes, TRUE },
    };
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      /* A blank topic already has its problem; one problem per field is enough. */
      if (!(g_str_equal (texts[i].field, "topic") && topic_blank) &&
          !aimak_text_check (texts[i].text, -1, texts[i].multiline,
                             aimak_activity_field_label (texts[i].field), &error))
        {
          add_problem (problems, texts[i].field, g_strdup (error->message));
          g_clear_error (&error);
        }
    if (!aimak_number_check (women, AIMAK_NUMBER_COUNT, _("Women"), &error) ||
        !aimak_number_check (men, AIMAK_NUMBER_COUNT, _("Men"), &error))
      {
        add_problem (problems, "participants", g_strdup (error->message));
        g_clear_error (&error);
      }
  }
  check_score (problems, "pre_score", a->pre_score);
  check_score (problems, "post_score", a->post_score);
  if (!isnan (a->post_score) && isnan (a->pre_score))
    add_problem (problems, "post_score",
                 g_strdup (_("A post-test score needs a pre-test score to compare with.")));
  return problems;
}

const char *
aimak_activity_field_label (const char *field)
{
  if (field == NULL)
    return "";
  if (g_str_equal (field, "area_code"))
    return _("Area");
  if (g_str_equal (field, "date"))
    return _("Date");
  if (g_str_equal (field, "type"))
    return _("Type");
  if (g_str_equal (field, "topic"))
    return _("Topic");
  if (g_str_equal (field, "facilitator"))
    return _("Facilitator or organisation");
  if (g_str_equal (field, "pre_score"))
    return _("Pre-test score");
  if (g_str_equal (field, "post_score"))
    return _("Post-test score");
  if (g_str_equal (field, "notes"))
    return _("Notes");
  if (g_str_equal (field, "priorities"))
    return _("Linked priorities");
  if (g_str_has_prefix (field, "women.") || g_str_has_prefix (field, "men.") ||
      g_str_equal (field, "participants"))
    return _("Participants");
  return field;
}

static gboolean
check_valid (const AimakActivity *a,
             GError             **error)
{
  g_autoptr(GPtrArray) problems = aimak_activity_validate (a);
  g_autoptr(GString) text = NULL;

  if (problems->len == 0)
    return TRUE;
  text = g_string_new (_("The activity was not saved:"));
  for (guint i = 0; i < problems->len; i++)
    {
      AimakProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (text, " %s", p->message);
    }
  g_set_error_literal (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID, text->str);
  return FALSE;
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

static gboolean
add_priority (AimakStmt *row,
              gpointer   data,
              GError   **error)
{
  g_ptr_array_add (((AimakActivity *) data)->priorities, g_strdup (aimak_stmt_text (row, 0)));
  return TRUE;
}

static gboolean
read_activity (AimakStmt *row,
               gpointer   data,
               GError   **error)
{
  AimakActivity **a = data;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  *a = g_new0 (AimakActivity, 1);
  (*a)->participants = participants_new ();
  (*a)->priorities = g_ptr_array_new_with_free_func (g_free);
  aimak_field_read_row (fields, n, *a, row, 0);
  return TRUE;
}

AimakActivity *
aimak_activity_load (AimakDb    *db,
                     const char *id,
                     GError    **error)
{
  g_autoptr(AimakActivity) a = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  g_return_val_if_fail (db != NULL && id != NULL, NULL);

  columns = aimak_field_columns (fields, n);
  sql = g_strdup_printf ("SELECT %s FROM activity WHERE id = ?", columns);
  if (!aimak_db_foreach (db, error, read_activity, &a, sql, "t", id))
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
      !aimak_db_foreach (db, error, add_priority, a,
                         "SELECT priority_id FROM activity_priority "
                         "WHERE activity_id = ? ORDER BY priority_id", "t", id))
    return NULL;
  return g_steal_pointer (&a);
}

static gboolean
write_links (AimakDb             *db,
             const AimakActivity *a,
             GError             **error)
{
  if (!aimak_db_exec (db, error, "DELETE FROM activity_participant WHERE activity_id = ?",
                      "t", a->id) ||
      !aimak_db_exec (db, error, "DELETE FROM activity_priority WHERE activity_id = ?",
                      "t", a->id))
    return FALSE;
  for (guint i = 0; i < a->participants->len; i++)
    {
      AimakActivityParticipants *p = g_ptr_array_index (a->participants, i);
      if (!aimak_db_exec (db, error,
                          "INSERT INTO activity_participant (activity_id, role_code, women, men) "
                          "VALUES (?, ?, ?, ?)", "ttii", a->id, p->role_code, p->women, p->men))
        return FALSE;
    }
  for (guint i = 0; i < a->priorities->len; i++)
    if (!aimak_db_exec (db, error,
                        "INSERT INTO activity_priority (activity_id, priority_id) VALUES (?, ?)",
                        "tt", a->id, (const char *) g_ptr_array_index (a->priorities, i)))
      return FALSE;
  return TRUE;
}

static gboolean
create_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  AimakActivity *a = data;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  return aimak_field_insert (db, "activity", fields, n, a, error) &&
         write_links (db, a, error) &&
         aimak_db_log_change (db, AIMAK_ACTIVITY_ENTITY, a->id, "create", "", NULL, a->topic,
                              error);
}

gboolean
aimak_activity_create (AimakDb       *db,
                       AimakActivity *a,
                       GError       **error)
{
  g_autoptr(AimakActivity) work = NULL;

  g_return_val_if_fail (db != NULL && a != NULL, FALSE);

  if (!check_valid (a, error))
    return FALSE;
  /* Work on a copy so that @a is untouched when the write fails. */
  work = aimak_activity_copy (a);
  g_free (work->id);
  work->id = aimak_uuid_new ();
  g_free (work->created_at);
  work->created_at = aimak_db_now ();
  g_free (work->updated_at);
  work->updated_at = g_strdup (work->created_at);
  g_clear_pointer (&work->deleted_at, g_free);
  if (!aimak_db_run_in_transaction (db, create_body, work, error))
    return FALSE;
  g_free (a->id);
  a->id = g_steal_pointer (&work->id);
  g_free (a->created_at);
  a->created_at = g_steal_pointer (&work->created_at);
  g_free (a->updated_at);
  a->updated_at = g_steal_pointer (&work->updated_at);
  return TRUE;
}

static void
add_count_change (GPtrArray *changes,
                  char      *field,
                  int        old_value,
                  int        new_value)
{
  AimakFieldChange *c;

  if (old_value == new_value)
    {
      g_free (field);
      return;
    }
  c = g_new0 (AimakFieldChange, 1);
  c->field = field;
  c->old_text = g_strdup_printf ("%d", old_value);
  c->new_text = g_strdup_printf ("%d", new_value);
  g_ptr_array_add (changes, c);
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

typedef struct
{
  AimakActivity *a;
  gint64        *burst;
  char          *now;
} UpdateData;

static gboolean
update_body (AimakDb  *db,
             gpointer  data,
             GError  **error)
{
  UpdateData *u = data;
  AimakActivity *a = u->a;
  g_autoptr(AimakActivity) old = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint n;
  const AimakField *fields = aimak_activity_fields (&n);

  old = aimak_activity_load (db, a->id, error);
  if (old == NULL)
    return FALSE;
  changes = aimak_field_diff (fields, n, old, a);
  if (changes->len == 0)
    return TRUE;
  if (u->burst && changes->len != 1)
    *u->burst = 0;   /* several fields at once are no burst of typing */
  for (guint i = 0; i < changes->len; i++)
    {
      AimakFieldChange *c = g_ptr_array_index (changes, i);
      gboolean ok = u->burst && changes->len == 1
        ? aimak_change_log_burst (db, AIMAK_ACTIVITY_ENTITY, a->id, c->field, c->old_text,
                                  c->new_text, u->burst, error)
        : aimak_db_log_change (db, AIMAK_ACTIVITY_ENTITY, a->id, "update", c->field,
                               c->old_text, c->new_text, error);
      if (!ok)
        return FALSE;
    }
  u->now = aimak_db_now ();
  return aimak_field_update (db, "activity", fields, n, a, "updated_at", u->now, "id", a->id,
                             error) &&
         write_links (db, a, error);
}

static gboolean
update_activity (AimakDb       *db,
                 AimakActivity *a,
                 gint64        *burst,
                 GError       **error)
{
  UpdateData u = { a, burst, NULL };
  gint64 old_burst = burst ? *burst : 0;

  g_return_val_if_fail (db != NULL && a != NULL && a->id != NULL, FALSE);

  if (!check_valid (a, error))
    return FALSE;
  if (!aimak_db_run_in_transaction (db, update_body, &u, error))
    {
      if (burst)
        *burst = old_burst;
      g_free (u.now);
      return FALSE;
    }
  if (u.now)
    {
      g_free (a->updated_at);
      a->updated_at = u.now;
    }
  return TRUE;
}

gboolean
aimak_activity_update (AimakDb       *db,
                       AimakActivity *a,
                       GError       **error)
{
  return update_activity (db, a, NULL, error);
}

gboolean
aimak_activity_update_burst (AimakDb       *db,
                             AimakActivity *a,
                             gint64        *burst,
                             GError       **error)
{
  g_return_val_if_fail (burst != NULL, FALSE);
  return update_activity (db, a, burst, error);
}

typedef struct
{
  const char *id;
  gboolean    deleted;
} DeleteData;

static gboolean
set_deleted_body (AimakDb  *db,
                  gpointer  data,
                  GError  **error)
{
  DeleteData *d = data;
  g_autofree char *now = aimak_db_now ();
  g_autofree char *old = NULL;
  GError *local_error = NULL;
  gint64 exists;

  exists = aimak_db_query_int (db, 0, &local_error, "SELECT count(*) FROM activity WHERE id = ?",
                               "t", d->id);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (exists == 0)
    {
      g_set_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND,
                   _("The activity “%s” does not exist."), d->id);
      return FALSE;
    }
  old = aimak_db_query_text (db, NULL, "SELECT deleted_at FROM activity WHERE id = ?", "t",
                             d->id);
  if ((old != NULL) == d->deleted)
    return TRUE;  /* already so: nothing to record */
  return aimak_db_exec (db, error,
                        "UPDATE activity SET deleted_at = ?, updated_at = ? WHERE id = ?",
                        "ttt", d->deleted ? now : NULL, now, d->id) &&
         aimak_db_log_change (db, AIMAK_ACTIVITY_ENTITY, d->id,
                              d->deleted ? "delete" : "undelete", "deleted_at", old,
                              d->deleted ? now : NULL, error);
}

gboolean
aimak_activity_delete (AimakDb    *db,
                       const char *id,
                       GError    **error)
{
  DeleteData d = { id, TRUE };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return aimak_db_run_in_transaction (db, set_deleted_body, &d, error);
}

gboolean
aimak_activity_undelete (AimakDb    *db,
                         const char *id,
                         GError    **error)
{
  DeleteData d = { id, FALSE };

  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return aimak_db_run_in_transaction (db, set_deleted_body, &d, error);
}

GPtrArray *
aimak_activity_linkable_priorities (AimakDb    *db,
                                    const char *area_code,
                                    GError    **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_item_free);
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (area_code == NULL)
    return g_steal_pointer (&items);
  st = aimak_db_prepare (db, error,
                         "WITH RECURSIVE sub(code) AS (SELECT ?1 UNION ALL SELECT ar.code "
                         "FROM area ar JOIN sub ON ar.parent_code = sub.code) "
                         "SELECT p.id, p.rank, p.title, p.area_code = ?1, "
                         "aimak_name (ar.name_en, ar.name_ru, ar.name_ky) "
                         "FROM priority p JOIN area ar ON ar.code = p.area_code "
                         "WHERE p.deleted_at IS NULL AND p.area_code IN sub "
                         "ORDER BY p.area_code <> ?1, 5, p.rank, p.id",
                         "t", area_code);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    {
      int rank = sqlite3_column_int (st, 1);
      const char *title = aimak_stmt_text (st, 2);
      g_autofree char *label = NULL;
      AimakSummaryItem *item = g_new0 (AimakSummaryItem, 1);

      if (*title == '\0')
        title = _("(untitled)");
      if (sqlite3_column_int (st, 3))
        label = g_strdup_printf ("%d. %s", rank, title);
      else
        label = g_strdup_printf ("%d. %s (%s)", rank, title, aimak_stmt_text (st, 4));
      item->code = g_strdup (aimak_stmt_text (st, 0));
      item->label = g_steal_pointer (&label);
      item->value = rank;
      g_ptr_array_add (items, item);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&items);
}
