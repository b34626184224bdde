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

#define ACTIVITY_COLUMNS "id, area_code, date, type, topic, facilitator, pre_score, post_score, " \
                         "notes, is_demo, created_at, updated_at, deleted_at"

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

static char *
score_text (double score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (score))
    return NULL;
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, score));
}

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

AimakActivity *
aimak_activity_load (AimakDb    *db,
                     const char *id,
                     GError    **error)
{
  g_autoptr(AimakActivity) a = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL && id != NULL, NULL);

  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT " ACTIVITY_COLUMNS " FROM activity "
                                                "WHERE id = ?", "t", id);
    if (st == NULL)
      return NULL;
    if (!aimak_stmt_next (st, &local_error))
      {
        if (local_error)
          g_propagate_error (error, local_error);
        else
          g_set_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND,
                       _("The activity “%s” does not exist."), id);
        return NULL;
      }
    a = g_new0 (AimakActivity, 1);
    a->id = g_strdup (aimak_stmt_text (st, 0));
    a->area_code = g_strdup (aimak_stmt_text (st, 1));
    a->date = g_strdup (aimak_stmt_text (st, 2));
    a->type = g_strdup (aimak_stmt_text (st, 3));
    a->topic = g_strdup (aimak_stmt_text (st, 4));
    a->facilitator = g_strdup (aimak_stmt_text (st, 5));
    a->pre_score = aimak_stmt_double_or_nan (st, 6);
    a->post_score = aimak_stmt_double_or_nan (st, 7);
    a->notes = g_strdup (aimak_stmt_text (st, 8));
    a->is_demo = sqlite3_column_int (st, 9) != 0;
    a->created_at = g_strdup (aimak_stmt_text (st, 10));
    a->updated_at = g_strdup (aimak_stmt_text (st, 11));
    a->deleted_at = g_strdup ((const char *) sqlite3_column_text (st, 12));
    a->participants = participants_new ();
    a->priorities = g_ptr_array_new_with_free_func (g_free);
  }
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT ap.role_code, ap.women, ap.men "
                                                "FROM activity_participant ap "
                                                "LEFT JOIN role r ON r.code = ap.role_code "
                                                "WHERE ap.activity_id = ? "
                                                "ORDER BY r.sort, ap.role_code", "t", id);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      aimak_activity_set_participants (a, aimak_stmt_text (st, 0), sqlite3_column_int (st, 1),
                                       sqlite3_column_int (st, 2));
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error,
                                                "SELECT priority_id FROM activity_priority "
                                                "WHERE activity_id = ? ORDER BY priority_id",
                                                "t", id);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      g_ptr_array_add (a->priorities, g_strdup (aimak_stmt_text (st, 0)));
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
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

gboolean
aimak_activity_create (AimakDb       *db,
                       AimakActivity *a,
                       GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (db != NULL && a != NULL, FALSE);

  if (!check_valid (a, error))
    return FALSE;
  id = aimak_uuid_new ();
  now = aimak_db_now ();
  if (!aimak_db_begin (db, error))
    return FALSE;
  g_free (a->id);
  a->id = g_strdup (id);
  if (!aimak_db_exec (db, error,
                      "INSERT INTO activity (id, area_code, date, type, topic, facilitator, "
                      "pre_score, post_score, notes, is_demo, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "ttttttddtbtt", id, a->area_code, a->date, a->type,
                      a->topic ? a->topic : "", a->facilitator ? a->facilitator : "",
                      a->pre_score, a->post_score, a->notes ? a->notes : "", a->is_demo,
                      now, now) ||
      !write_links (db, a, error) ||
      !aimak_db_log_change (db, "activity", id, "create", "", NULL, a->topic, error) ||
      !aimak_db_commit (db, error))
    {
      if (aimak_db_in_transaction (db))
        aimak_db_rollback (db);
      g_clear_pointer (&a->id, g_free);
      return FALSE;
    }
  g_free (a->created_at);
  g_free (a->updated_at);
  a->created_at = g_strdup (now);
  a->updated_at = g_strdup (now);
  return TRUE;
}

/* A changed field, to be logged once all are known (a burst needs to know
 * whether it is the only one). */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} FieldChange;

static void
field_change_free (gpointer data)
{
  FieldChange *c = data;

  g_free (c->field);
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c);
}

/* Notes @field in @changes when its text changed; *changed tells whether anything did. */
static gboolean
log_text (GPtrArray  *changes,
          const char *id,
          const char *field,
          const char *old_value,
          const char *new_value,
          gboolean   *changed,
          GError    **error)
{
  FieldChange *c;

  if (g_strcmp0 (old_value ? old_value : "", new_value ? new_value : "") == 0)
    return TRUE;
  *changed = TRUE;
  c = g_new0 (FieldChange, 1);
  c->field = g_strdup (field);
  c->old_value = g_strdup (old_value);
  c->new_value = g_strdup (new_value);
  g_ptr_array_add (changes, c);
  return TRUE;
}

static gboolean
log_int (GPtrArray  *changes,
         const char *id,
         const char *field,
         int         old_value,
         int         new_value,
         gboolean   *changed,
         GError    **error)
{
  g_autofree char *o = g_strdup_printf ("%d", old_value);
  g_autofree char *n = g_strdup_printf ("%d", new_value);

  return log_text (changes, id, field, o, n, changed, error);
}

static gboolean
log_differences (GPtrArray           *changes,
                 const AimakActivity *old,
                 const AimakActivity *a,
                 gboolean            *changed,
                 GError             **error)
{
  g_autofree char *old_pre = score_text (old->pre_score);
  g_autofree char *new_pre = score_text (a->pre_score);
  g_autofree char *old_post = score_text (old->post_score);
  g_autofree char *new_post = score_text (a->post_score);
  g_autofree char *old_links = _aimak_activity_priorities_text (old->priorities);
  g_autofree char *new_links = _aimak_activity_priorities_text (a->priorities);
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  const char *id = a->id;

  if (!log_text (changes, id, "area_code", old->area_code, a->area_code, changed, error) ||
      !log_text (changes, id, "date", old->date, a->date, changed, error) ||
      !log_text (changes, id, "type", old->type, a->type, changed, error) ||
      !log_text (changes, id, "topic", old->topic, a->topic, changed, error) ||
      !log_text (changes, id, "facilitator", old->facilitator, a->facilitator, changed, error) ||
      !log_text (changes, id, "pre_score", old_pre, new_pre, changed, error) ||
      !log_text (changes, id, "post_score", old_post, new_post, changed, error) ||
      !log_text (changes, id, "notes", old->notes, a->notes, changed, error) ||
      !log_text (changes, id, "priorities", old_links, new_links, changed, error))
    return FALSE;

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
      g_autofree char *wf = g_strconcat ("women.", role, NULL);
      g_autofree char *mf = g_strconcat ("men.", role, NULL);

      if (!log_int (changes, id, wf, aimak_activity_get_women (old, role),
                    aimak_activity_get_women (a, role), changed, error) ||
          !log_int (changes, id, mf, aimak_activity_get_men (old, role),
                    aimak_activity_get_men (a, role), changed, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_change (GPtrArray  *changes,
            char       *field,
            int         old_value,
            int         new_value)
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

      add_change (changes, g_strconcat ("women.", role, NULL),
                  aimak_activity_get_women (old, role), aimak_activity_get_women (a, role));
      add_change (changes, g_strconcat ("men.", role, NULL),
                  aimak_activity_get_men (old, role), aimak_activity_get_men (a, role));
    }
}

static gboolean
update_activity (AimakDb       *db,
                 AimakActivity *a,
                 gint64        *burst,
                 GError       **error)
{
  g_autoptr(AimakActivity) old = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (field_change_free);
  g_autofree char *now = NULL;
  gboolean changed = FALSE;
  gint64 old_burst = burst ? *burst : 0;

  g_return_val_if_fail (db != NULL && a != NULL && a->id != NULL, FALSE);

  if (!check_valid (a, error))
    return FALSE;
  if (!aimak_db_begin (db, error))
    return FALSE;
  old = aimak_activity_load (db, a->id, error);
  if (old == NULL || !log_differences (changes, old, a, &changed, error))
    goto fail;
  if (!changed)
    return aimak_db_commit (db, error);
  if (burst && changes->len != 1)
    *burst = 0;   /* several fields at once are no burst of typing */
  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *c = g_ptr_array_index (changes, i);
      gboolean ok = burst && changes->len == 1
        ? aimak_change_log_burst (db, "activity", a->id, c->field, c->old_value, c->new_value,
                                  burst, error)
        : aimak_db_log_change (db, "activity", a->id, "update", c->field, c->old_value,
                               c->new_value, error);
      if (!ok)
        goto fail;
    }

  now = aimak_db_now ();
  if (!aimak_db_exec (db, error,
                      "UPDATE activity SET area_code = ?, date = ?, type = ?, topic = ?, "
                      "facilitator = ?, pre_score = ?, post_score = ?, notes = ?, updated_at = ? "
                      "WHERE id = ?",
                      "tttttddttt", a->area_code, a->date, a->type,
                      a->topic ? a->topic : "", a->facilitator ? a->facilitator : "",
                      a->pre_score, a->post_score, a->notes ? a->notes : "", now, a->id) ||
      !write_links (db, a, error) ||
      !aimak_db_commit (db, error))
    goto fail;
  g_free (a->updated_at);
  a->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  if (aimak_db_in_transaction (db))
    aimak_db_rollback (db);
  if (burst)
    *burst = old_burst;
  return FALSE;
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

static gboolean
set_deleted (AimakDb    *db,
             const char *id,
             gboolean    deleted,
             GError    **error)
{
  g_autofree char *now = aimak_db_now ();
  g_autofree char *old = NULL;
  GError *local_error = NULL;
  gint64 exists;

  if (!aimak_db_begin (db, error))
    return FALSE;
  exists = aimak_db_query_int (db, 0, &local_error, "SELECT count(*) FROM activity WHERE id = ?",
                               "t", id);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  if (exists == 0)
    {
      g_set_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND,
                   _("The activity “%s” does not exist."), id);
      goto fail;
    }
  old = aimak_db_query_text (db, NULL, "SELECT deleted_at FROM activity WHERE id = ?", "t", id);
  if ((old != NULL) == deleted)
    return aimak_db_commit (db, error);  /* already so: nothing to record */
  if (!aimak_db_exec (db, error, "UPDATE activity SET deleted_at = ?, updated_at = ? WHERE id = ?",
                      "ttt", deleted ? now : NULL, now, id) ||
      !aimak_db_log_change (db, "activity", id, deleted ? "delete" : "undelete", "deleted_at",
                            old, deleted ? now : NULL, error) ||
      !aimak_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  if (aimak_db_in_transaction (db))
    aimak_db_rollback (db);
  return FALSE;
}

gboolean
aimak_activity_delete (AimakDb    *db,
                       const char *id,
                       GError    **error)
{
  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return set_deleted (db, id, TRUE, error);
}

gboolean
aimak_activity_undelete (AimakDb    *db,
                         const char *id,
                         GError    **error)
{
  g_return_val_if_fail (db != NULL && id != NULL, FALSE);
  return set_deleted (db, id, FALSE, error);
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

/* ---- The register ---- */

void
aimak_activity_filter_clear (AimakActivityFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->area_code, g_free);
  g_clear_pointer (&filter->type, g_free);
  g_clear_pointer (&filter->date_from, g_free);
  g_clear_pointer (&filter->date_to, g_free);
}

struct _AimakActivityRow
{
  GObject     parent_instance;

  char       *id;
  char       *date;
  char       *area_code;
  char       *area_name;
  char       *type;
  char       *type_label;
  char       *topic;
  char       *facilitator;
  char       *haystack;   /* casefolded words for search */
  guint       women;
  guint       men;
  gboolean    is_demo;
  GHashTable *roles;      /* role code → guint[2] { women, men } */
};

G_DEFINE_FINAL_TYPE (AimakActivityRow, aimak_activity_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_DATE,
  ROW_PROP_DATE_SHOWN,
  ROW_PROP_AREA_CODE,
  ROW_PROP_AREA_NAME,
  ROW_PROP_TYPE,
  ROW_PROP_TYPE_LABEL,
  ROW_PROP_TOPIC,
  ROW_PROP_FACILITATOR,
  ROW_PROP_WOMEN,
  ROW_PROP_MEN,
  ROW_PROP_TOTAL,
  ROW_PROP_IS_DEMO,
  ROW_N_PROPS
};
static GParamSpec *row_properties[ROW_N_PROPS];

static void
aimak_activity_row_finalize (GObject *object)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  g_free (self->id);
  g_free (self->date);
  g_free (self->area_code);
  g_free (self->area_name);
  g_free (self->type);
  g_free (self->type_label);
  g_free (self->topic);
  g_free (self->facilitator);
  g_free (self->haystack);
  g_hash_table_unref (self->roles);
  G_OBJECT_CLASS (aimak_activity_row_parent_class)->finalize (object);
}

static void
aimak_activity_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimakActivityRow *self = AIMAK_ACTIVITY_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID: g_value_set_string (value, self->id); break;
    case ROW_PROP_DATE: g_value_set_string (value, self->date); break;
    /* As the interface language writes dates; the stored ISO form sorts. */
    case ROW_PROP_DATE_SHOWN: g_value_take_string (value, aimak_date_format (self->date, NULL)); break;
    case ROW_PROP_AREA_CODE: g_value_set_string (value, self->area_code); break;
    case ROW_PROP_AREA_NAME: g_value_set_string (value, self->area_name); break;
    case ROW_PROP_TYPE: g_value_set_string (value, self->type); break;
    case ROW_PROP_TYPE_LABEL: g_value_set_string (value, self->type_label); break;
    case ROW_PROP_TOPIC: g_value_set_string (value, self->topic); break;
    case ROW_PROP_FACILITATOR: g_value_set_string (value, self->facilitator); break;
    case ROW_PROP_WOMEN: g_value_set_uint (value, self->women); break;
    case ROW_PROP_MEN: g_value_set_uint (value, self->men); break;
    case ROW_PROP_TOTAL: g_value_set_uint (value, self->women + self->men); break;
    case ROW_PROP_IS_DEMO: g_value_set_boolean (value, self->is_demo); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aimak_activity_row_class_init (AimakActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aimak_activity_row_finalize;
  object_class->get_property = aimak_activity_row_get_property;
  row_properties[ROW_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DATE_SHOWN] = g_param_spec_string ("date-shown", NULL, NULL, NULL,
                                                             flags);
  row_properties[ROW_PROP_AREA_CODE] = g_param_spec_string ("area-code", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL,
                                                             flags);
  row_properties[ROW_PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_FACILITATOR] = g_param_spec_string ("facilitator", NULL, NULL, NULL,
                                                              flags);
  row_properties[ROW_PROP_WOMEN] = g_param_spec_uint ("women", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_MEN] = g_param_spec_uint ("men", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
aimak_activity_row_init (AimakActivityRow *self)
{
  self->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

const char *
aimak_activity_row_get_id (AimakActivityRow *self)
{
  return self->id;
}

gboolean
aimak_activity_row_get_is_demo (AimakActivityRow *self)
{
  return self->is_demo;
}

const char *
aimak_activity_row_get_date (AimakActivityRow *self)
{
  return self->date;
}

const char *
aimak_activity_row_get_area_code (AimakActivityRow *self)
{
  return self->area_code;
}

const char *
aimak_activity_row_get_area_name (AimakActivityRow *self)
{
  return self->area_name;
}

const char *
aimak_activity_row_get_type_label (AimakActivityRow *self)
{
  return self->type_label;
}

const char *
aimak_activity_row_get_topic (AimakActivityRow *self)
{
  return self->topic;
}

guint
aimak_activity_row_get_women (AimakActivityRow *self)
{
  return self->women;
}

guint
aimak_activity_row_get_men (AimakActivityRow *self)
{
  return self->men;
}

void
aimak_activity_row_get_role (AimakActivityRow *self,
                             const char       *role_code,
                             guint            *women,
                             guint            *men)
{
  guint *counts = g_hash_table_lookup (self->roles, role_code);

  if (women)
    *women = counts ? counts[0] : 0;
  if (men)
    *men = counts ? counts[1] : 0;
}

static gboolean
matches_words (const char  *haystack,
               char       **words)
{
  for (guint i = 0; words && words[i]; i++)
    if (*words[i] && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Area and type filters and the date range go to SQL; the words are matched here on
 * casefolded text, because SQLite's LIKE folds ASCII only and names are Cyrillic. */
#define QUERY_FILTER \
  "WITH RECURSIVE sub(code) AS (SELECT ?1 WHERE ?1 IS NOT NULL " \
  "  UNION ALL SELECT ar.code FROM area ar JOIN sub ON ar.parent_code = sub.code) "

GPtrArray *
aimak_activity_query (AimakDb                   *db,
                      const AimakActivityFilter *filter,
                      GError                   **error)
{
  static const AimakActivityFilter no_filter = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) words = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (filter->search && *filter->search)
    {
      g_autofree char *folded = g_utf8_casefold (filter->search, -1);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      words = g_strsplit_set (g_strstrip (normal), " \t\n", -1);
    }

  {
    g_autoptr(AimakStmt) st =
      aimak_db_prepare (db, error,
                        QUERY_FILTER
                        "SELECT a.id, a.date, a.area_code, "
                        "aimak_name (ar.name_en, ar.name_ru, ar.name_ky), a.type, "
                        "aimak_name (t.name_en, t.name_ru, t.name_ky), a.topic, a.facilitator, "
                        "a.notes, ar.name_en, ar.name_ru, ar.name_ky, a.is_demo "
                        "FROM activity a JOIN area ar ON ar.code = a.area_code "
                        "LEFT JOIN activity_type t ON t.code = a.type "
                        "WHERE a.deleted_at IS NULL "
                        "AND (?1 IS NULL OR a.area_code IN sub) "
                        "AND (?2 IS NULL OR a.type = ?2) "
                        "AND (?3 IS NULL OR a.date >= ?3) "
                        "AND (?4 IS NULL OR a.date <= ?4) "
                        "ORDER BY a.date DESC, a.created_at DESC, a.id",
                        "tttt", filter->area_code, filter->type, filter->date_from,
                        filter->date_to);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      {
        AimakActivityRow *row = g_object_new (AIMAK_TYPE_ACTIVITY_ROW, NULL);
        g_autofree char *text = NULL;
        g_autofree char *folded = NULL;

        row->id = g_strdup (aimak_stmt_text (st, 0));
        row->date = g_strdup (aimak_stmt_text (st, 1));
        row->area_code = g_strdup (aimak_stmt_text (st, 2));
        row->area_name = g_strdup (aimak_stmt_text (st, 3));
        row->type = g_strdup (aimak_stmt_text (st, 4));
        row->type_label = g_strdup (aimak_stmt_text (st, 5));
        row->topic = g_strdup (aimak_stmt_text (st, 6));
        row->facilitator = g_strdup (aimak_stmt_text (st, 7));
        row->is_demo = sqlite3_column_int (st, 12) != 0;
        /* Area names in every language, so that a search in Russian finds a Kyrgyz
         * spelling too. */
        text = g_strjoin ("\n", row->topic, row->facilitator, aimak_stmt_text (st, 8),
                          row->type_label, aimak_stmt_text (st, 9), aimak_stmt_text (st, 10),
                          aimak_stmt_text (st, 11), row->area_code, row->date, NULL);
        folded = g_utf8_casefold (text, -1);
        row->haystack = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
        if (words && !matches_words (row->haystack, words))
          {
            g_object_unref (row);
            continue;
          }
        g_hash_table_insert (by_id, row->id, row);
        g_ptr_array_add (rows, row);
      }
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }

  if (rows->len == 0)
    return g_steal_pointer (&rows);
  {
    g_autoptr(AimakStmt) st =
      aimak_db_prepare (db, error,
                        QUERY_FILTER
                        "SELECT ap.activity_id, ap.role_code, ap.women, ap.men "
                        "FROM activity_participant ap JOIN activity a ON a.id = ap.activity_id "
                        "WHERE a.deleted_at IS NULL "
                        "AND (?1 IS NULL OR a.area_code IN sub) "
                        "AND (?2 IS NULL OR a.type = ?2) "
                        "AND (?3 IS NULL OR a.date >= ?3) "
                        "AND (?4 IS NULL OR a.date <= ?4)",
                        "tttt", filter->area_code, filter->type, filter->date_from,
                        filter->date_to);
    if (st == NULL)
      return NULL;
    while (aimak_stmt_next (st, &local_error))
      {
        AimakActivityRow *row = g_hash_table_lookup (by_id, aimak_stmt_text (st, 0));
        guint *counts;

        if (row == NULL)
          continue;  /* left out by the search words */
        counts = g_new (guint, 2);
        counts[0] = (guint) MAX (0, sqlite3_column_int (st, 2));
        counts[1] = (guint) MAX (0, sqlite3_column_int (st, 3));
        row->women += counts[0];
        row->men += counts[1];
        g_hash_table_replace (row->roles, g_strdup (aimak_stmt_text (st, 1)), counts);
      }
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  return g_steal_pointer (&rows);
}

void
aimak_activity_totals_free (AimakActivityTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->by_role, g_ptr_array_unref);
  g_free (totals);
}

AimakActivityTotals *
aimak_activity_totals (AimakDb   *db,
                       GPtrArray *rows,
                       GError   **error)
{
  g_autoptr(AimakActivityTotals) totals = g_new0 (AimakActivityTotals, 1);
  g_autoptr(AimakStmt) st = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  totals->by_role = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_summary_role_item_free);
  st = aimak_db_prepare (db, error,
                         "SELECT code, aimak_name (name_en, name_ru, name_ky) FROM role "
                         "ORDER BY sort, code", NULL);
  if (st == NULL)
    return NULL;
  while (aimak_stmt_next (st, &local_error))
    {
      AimakSummaryRoleItem *item = g_new0 (AimakSummaryRoleItem, 1);

      item->code = g_strdup (aimak_stmt_text (st, 0));
      item->label = g_strdup (aimak_stmt_text (st, 1));
      g_ptr_array_add (totals->by_role, item);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  for (guint i = 0; rows && i < rows->len; i++)
    {
      AimakActivityRow *row = g_ptr_array_index (rows, i);

      totals->count++;
      totals->women += row->women;
      totals->men += row->men;
      for (guint r = 0; r < totals->by_role->len; r++)
        {
          AimakSummaryRoleItem *item = g_ptr_array_index (totals->by_role, r);
          guint w, m;

          aimak_activity_row_get_role (row, item->code, &w, &m);
          item->women += w;
          item->men += m;
        }
    }
  totals->women_share = totals->women + totals->men > 0
                          ? (double) totals->women / (totals->women + totals->men)
                          : NAN;
  return g_steal_pointer (&totals);
}
