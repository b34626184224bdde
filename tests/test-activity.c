/* test-activity.c — the capacity-building register in core: every validation rule
 * both ways, writes with change log and undo, the filtered query and its totals. */
#include "config.h"

#include <sqlite3.h>

#include <math.h>

#include "aimak-test-util.h"
#include "aimak-activity-private.h"

#define SUZAK_AA     "KG03220856000"   /* Suzak ayil aimak */
#define SUZAK_RAYON  "KG03220000000"
#define BARSKOON_AA  "KG02210815000"

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((AimakProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

static AimakActivity *
valid_activity (void)
{
  AimakActivity *a = aimak_activity_new (SUZAK_AA);

  g_free (a->topic);
  a->topic = g_strdup ("Gender-responsive budgeting");
  aimak_activity_set_participants (a, "local_authority", 1, 0);
  return a;
}

static char *
date_from_now (int years,
               int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) t1 = g_date_time_add_years (now, years);
  g_autoptr(GDateTime) t2 = g_date_time_add_days (t1, days);

  return g_date_time_format (t2, "%Y-%m-%d");
}

static void
test_validate (void)
{
  g_autoptr(AimakActivity) a = valid_activity ();
  g_autoptr(GPtrArray) problems = aimak_activity_validate (a);

  g_assert_cmpuint (problems->len, ==, 0);

  /* Date: a real calendar date... */
  g_free (a->date);
  a->date = g_strdup ("2024-02-30");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "date"));
  g_assert_cmpuint (problems->len, ==, 1);

  g_free (a->date);
  a->date = g_strdup ("2024-02-29");  /* a leap day is real */
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);

  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "15.03.2024", "2024-3-15", "", "2024-03-15x" };
      g_free (a->date);
      a->date = g_strdup (bad[i]);
      g_clear_pointer (&problems, g_ptr_array_unref);
      problems = aimak_activity_validate (a);
      g_assert_true (has_problem (problems, "date"));
    }

  /* ...not more than a year in the future. */
  g_free (a->date);
  a->date = date_from_now (1, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "date"));
  g_free (a->date);
  a->date = date_from_now (1, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_false (has_problem (problems, "date"));
  g_free (a->date);
  a->date = date_from_now (0, 200);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Counts ≥ 0, each named by role and sex. */
  aimak_activity_set_participants (a, "kenesh_deputy", -1, 2);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "women.kenesh_deputy"));
  g_assert_false (has_problem (problems, "men.kenesh_deputy"));
  aimak_activity_set_participants (a, "kenesh_deputy", 2, -3);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "men.kenesh_deputy"));
  g_assert_false (has_problem (problems, "women.kenesh_deputy"));
  aimak_activity_set_participants (a, "kenesh_deputy", 0, 0);

  /* At least one participant. */
  aimak_activity_set_participants (a, "local_authority", 0, 0);
  g_assert_cmpuint (a->participants->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "participants"));
  aimak_activity_set_participants (a, "other", 0, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Scores 0–100, bounds included. */
  a->pre_score = 0;
  a->post_score = 100;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);
  a->pre_score = -0.5;
  a->post_score = 100.5;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "pre_score"));
  g_assert_true (has_problem (problems, "post_score"));
  a->pre_score = INFINITY;
  a->post_score = NAN;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "pre_score"));

  /* A post-test only with a pre-test. */
  a->pre_score = NAN;
  a->post_score = 80;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "post_score"));
  g_assert_cmpuint (problems->len, ==, 1);
  a->pre_score = 40;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);
  a->pre_score = 40;
  a->post_score = NAN;  /* a pre-test alone is fine */
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Type and area are required. */
  g_free (a->type);
  a->type = g_strdup ("");
  g_free (a->area_code);
  a->area_code = NULL;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = aimak_activity_validate (a);
  g_assert_true (has_problem (problems, "type"));
  g_assert_true (has_problem (problems, "area_code"));
  g_assert_cmpuint (problems->len, ==, 2);

  /* Messages are sentences for people, not codes. */
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (strlen (((AimakProblem *) problems->pdata[i])->message), >, 10);
}

static gint64
count (AimakDb    *db,
       const char *sql,
       const char *id)
{
  g_autoptr(GError) error = NULL;
  gint64 n = aimak_db_query_int (db, -1, &error, sql, id ? "t" : NULL, id);

  g_assert_no_error (error);
  return n;
}

static char *
insert_priority (AimakDb    *db,
                 const char *area)
{
  g_autoptr(GError) error = NULL;
  char *id = aimak_uuid_new ();

  aimak_db_exec (db, &error,
                 "INSERT INTO priority (id, area_code, rank, title, created_at, updated_at) "
                 "VALUES (?, ?, 1, 'Water', '2024-01-01', '2024-01-01')", "tt", id, area);
  g_assert_no_error (error);
  return id;
}

/* An activity needs a topic, as a priority needs a title: blank or only spaces
 * is a problem of the field "topic", and the core refuses to store it. */
static void
test_topic_required (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(AimakActivity) a = valid_activity ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *blank[] = { "", "   ", "\t\n" };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_free (a->topic);
      a->topic = g_strdup (blank[i]);
      g_clear_pointer (&problems, g_ptr_array_unref);
      problems = aimak_activity_validate (a);
      g_assert_true (has_problem (problems, "topic"));
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (((AimakProblem *) g_ptr_array_index (problems, 0))->message, ==,
                       "Enter the topic of the activity.");
      g_assert_false (aimak_activity_create (db, a, &error));
      g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "topic"));
      g_clear_error (&error);
      g_assert_null (a->id);
    }
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity", NULL), ==, 0);

  g_free (a->topic);
  a->topic = g_strdup ("Women in local budgets");
  g_assert_true (aimak_activity_create (db, a, &error));
  g_assert_no_error (error);
  /* An update that empties the topic is refused and the stored one stays. */
  g_free (a->topic);
  a->topic = g_strdup (" ");
  g_assert_false (aimak_activity_update (db, a, &error));
  g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID);
  {
    g_autoptr(AimakActivity) stored = aimak_activity_load (db, a->id, NULL);
    g_assert_cmpstr (stored->topic, ==, "Women in local budgets");
  }
}

/* Saves of one field while typing fold into one change_log row; another
 * field, or a plain update, gets its own. */
static void
test_update_burst (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(AimakActivity) a = valid_activity ();
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "Women", "Women in local", "Women in local budgets" };
  const char *sql = "SELECT count(*) FROM change_log WHERE entity = 'activity' AND field = ?";
  gint64 burst = 0;

  g_assert_true (aimak_activity_create (db, a, &error));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_free (a->topic);
      a->topic = g_strdup (typed[i]);
      g_assert_true (aimak_activity_update_burst (db, a, &burst, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (db, sql, "topic"), ==, 1);
    }
  {
    g_autoptr(GPtrArray) log = aimak_change_log_list (db, "activity", a->id, &error);
    AimakChange *c = g_ptr_array_index (log, 0);

    g_assert_cmpstr (c->old_value, ==, "Gender-responsive budgeting");
    g_assert_cmpstr (c->new_value, ==, "Women in local budgets");
  }
  g_free (a->facilitator);
  a->facilitator = g_strdup ("Suzak ayil okmotu");
  g_assert_true (aimak_activity_update_burst (db, a, &burst, &error));
  g_assert_cmpint (count (db, sql, "facilitator"), ==, 1);
  g_free (a->topic);
  a->topic = g_strdup ("Women in local budgets, part 2");
  g_assert_true (aimak_activity_update_burst (db, a, &burst, &error));
  g_assert_cmpint (count (db, sql, "topic"), ==, 2);
  g_free (a->topic);
  a->topic = g_strdup ("Women in local budgets, part 3");
  g_assert_true (aimak_activity_update (db, a, &error));
  g_assert_cmpint (count (db, sql, "topic"), ==, 3);
}

static void
test_crud (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(AimakActivity) a = aimak_activity_new (SUZAK_AA);
  g_autoptr(AimakActivity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prio = insert_priority (db, SUZAK_AA);
  g_autofree char *id = NULL;

  /* An invalid activity is refused and writes nothing. */
  g_assert_false (aimak_activity_create (db, a, &error));
  g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "participant"));
  g_clear_error (&error);
  g_assert_null (a->id);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity", NULL), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log", NULL), ==, 0);

  g_free (a->date);
  a->date = g_strdup ("2024-05-20");
  g_free (a->topic);
  a->topic = g_strdup ("Gender-responsive budgeting");
  g_free (a->facilitator);
  a->facilitator = g_strdup ("Suzak ayil okmotu");
  a->pre_score = 42.5;
  a->post_score = 77;
  aimak_activity_set_participants (a, "local_authority", 12, 5);
  aimak_activity_set_participants (a, "kenesh_deputy", 0, 3);
  aimak_activity_set_priority (a, prio, TRUE);
  g_assert_true (aimak_activity_create (db, a, &error));
  g_assert_no_error (error);
  g_assert_nonnull (a->id);
  id = g_strdup (a->id);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity_participant WHERE activity_id = ?",
                          id), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity_priority WHERE activity_id = ?",
                          id), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE entity = 'activity' AND "
                              "entity_id = ? AND action = 'create'", id), ==, 1);

  loaded = aimak_activity_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->date, ==, "2024-05-20");
  g_assert_cmpstr (loaded->topic, ==, "Gender-responsive budgeting");
  g_assert_cmpstr (loaded->type, ==, "training");
  g_assert_cmpfloat (loaded->pre_score, ==, 42.5);
  g_assert_cmpfloat (loaded->post_score, ==, 77);
  g_assert_cmpint (aimak_activity_get_women (loaded, "local_authority"), ==, 12);
  g_assert_cmpint (aimak_activity_get_men (loaded, "local_authority"), ==, 5);
  g_assert_cmpint (aimak_activity_get_men (loaded, "kenesh_deputy"), ==, 3);
  g_assert_cmpint (aimak_activity_total_women (loaded), ==, 12);
  g_assert_cmpint (aimak_activity_total_men (loaded), ==, 8);
  g_assert_true (aimak_activity_has_priority (loaded, prio));
  g_assert_null (loaded->deleted_at);

  /* An update logs each changed field with old and new values. */
  g_free (loaded->topic);
  loaded->topic = g_strdup ("GRB, second round");
  aimak_activity_set_participants (loaded, "local_authority", 14, 5);
  aimak_activity_set_participants (loaded, "kenesh_deputy", 0, 0);
  aimak_activity_set_priority (loaded, prio, FALSE);
  loaded->post_score = NAN;
  g_assert_true (aimak_activity_update (db, loaded, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, &error,
                                                "SELECT field, old_value, new_value FROM change_log "
                                                "WHERE entity_id = ? AND action = 'update' "
                                                "ORDER BY field", "t", id);
    const char *expect[][3] = {
      { "men.kenesh_deputy", "3", "0" },
      { "post_score", "77", NULL },
      { "priorities", prio, "" },
      { "topic", "Gender-responsive budgeting", "GRB, second round" },
      { "women.local_authority", "12", "14" },
    };
    guint n = 0;

    while (aimak_stmt_next (st, &error))
      {
        g_assert_cmpuint (n, <, G_N_ELEMENTS (expect));
        g_assert_cmpstr (aimak_stmt_text (st, 0), ==, expect[n][0]);
        g_assert_cmpstr ((const char *) sqlite3_column_text (st, 1), ==, expect[n][1]);
        g_assert_cmpstr ((const char *) sqlite3_column_text (st, 2), ==, expect[n][2]);
        n++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (expect));
  }
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity_participant WHERE activity_id = ?",
                          id), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM activity_priority WHERE activity_id = ?",
                          id), ==, 0);

  /* Saving unchanged data logs nothing. */
  {
    gint64 before = count (db, "SELECT count(*) FROM change_log", NULL);
    g_assert_true (aimak_activity_update (db, loaded, &error));
    g_assert_cmpint (count (db, "SELECT count(*) FROM change_log", NULL), ==, before);
  }

  /* An invalid update is refused and changes nothing. */
  {
    gint64 before = count (db, "SELECT count(*) FROM change_log", NULL);
    g_autoptr(AimakActivity) bad = aimak_activity_copy (loaded);
    g_autoptr(AimakActivity) again = NULL;

    g_free (bad->topic);
    bad->topic = g_strdup ("changed");
    bad->pre_score = 140;
    g_assert_false (aimak_activity_update (db, bad, &error));
    g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_INVALID);
    g_clear_error (&error);
    again = aimak_activity_load (db, id, &error);
    g_assert_cmpstr (again->topic, ==, "GRB, second round");
    g_assert_cmpint (count (db, "SELECT count(*) FROM change_log", NULL), ==, before);
  }

  /* Soft delete and undo. */
  g_assert_true (aimak_activity_delete (db, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AimakActivity) gone = aimak_activity_load (db, id, &error);
    g_autoptr(GPtrArray) rows = aimak_activity_query (db, NULL, &error);
    g_assert_nonnull (gone->deleted_at);
    g_assert_cmpuint (rows->len, ==, 0);
  }
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE entity_id = ? AND "
                              "action = 'delete'", id), ==, 1);
  g_assert_true (aimak_activity_undelete (db, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AimakActivity) back = aimak_activity_load (db, id, &error);
    g_autoptr(GPtrArray) rows = aimak_activity_query (db, NULL, &error);
    g_assert_null (back->deleted_at);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpint (aimak_activity_get_women (back, "local_authority"), ==, 14);
  }
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE entity_id = ? AND "
                              "action = 'undelete'", id), ==, 1);

  /* Unknown ids. */
  g_assert_false (aimak_activity_delete (db, "no-such-id", &error));
  g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (aimak_activity_load (db, "no-such-id", &error));
  g_assert_error (error, AIMAK_ACTIVITY_ERROR, AIMAK_ACTIVITY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A foreign-key failure (unknown type) rolls the whole create back. */
  {
    g_autoptr(AimakActivity) b = valid_activity ();
    gint64 before = count (db, "SELECT count(*) FROM change_log", NULL);

    g_free (b->type);
    b->type = g_strdup ("no_such_type");
    g_assert_false (aimak_activity_create (db, b, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_null (b->id);
    g_assert_cmpint (count (db, "SELECT count(*) FROM activity", NULL), ==, 1);
    g_assert_cmpint (count (db, "SELECT count(*) FROM change_log", NULL), ==, before);
    g_assert_false (aimak_db_in_transaction (db));
  }

  aimak_test_rmdir (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  {
    g_autoptr(AimakDb) db = aimak_test_open_db (dir);
    g_autoptr(AimakActivity) a = valid_activity ();
    g_assert_true (aimak_activity_create (db, a, &error));
    id = g_strdup (a->id);
  }
  {
    g_autoptr(AimakDb) ro = aimak_db_open (path, AIMAK_DB_OPEN_READ_ONLY, &error);
    g_autoptr(AimakActivity) a = valid_activity ();
    g_autoptr(GPtrArray) rows = NULL;

    g_assert_no_error (error);
    g_assert_false (aimak_activity_create (ro, a, &error));
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (aimak_activity_delete (ro, id, &error));
    g_assert_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_READ_ONLY);
    g_clear_error (&error);
    rows = aimak_activity_query (ro, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
  }
  aimak_test_rmdir (dir);
}

static void
add (AimakDb    *db,
     const char *area,
     const char *date,
     const char *type,
     const char *topic,
     const char *role,
     int         women,
     int         men)
{
  g_autoptr(AimakActivity) a = aimak_activity_new (area);
  g_autoptr(GError) error = NULL;

  g_free (a->date);
  a->date = g_strdup (date);
  g_free (a->type);
  a->type = g_strdup (type);
  g_free (a->topic);
  a->topic = g_strdup (topic);
  aimak_activity_set_participants (a, role, women, men);
  g_assert_true (aimak_activity_create (db, a, &error));
  g_assert_no_error (error);
}

static guint
query_len (AimakDb    *db,
           const char *search,
           const char *area,
           const char *type,
           const char *from,
           const char *to)
{
  AimakActivityFilter f = { (char *) search, (char *) area, (char *) type, (char *) from,
                            (char *) to };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = aimak_activity_query (db, &f, &error);

  g_assert_no_error (error);
  return rows->len;
}

static void
test_query_totals (void)
{
  g_autofree char *dir = aimak_test_tmpdir ();
  g_autoptr(AimakDb) db = aimak_test_open_db (dir);
  g_autoptr(GError) error = NULL;

  add (db, SUZAK_AA, "2024-03-01", "training", "Гендерное бюджетирование", "local_authority",
       12, 5);
  add (db, SUZAK_AA, "2024-04-15", "workshop", "Migration and remittances", "cbo_member", 3, 0);
  add (db, BARSKOON_AA, "2024-05-10", "training", "Water user associations", "kenesh_deputy",
       0, 4);

  /* Search: words, case-insensitive also in Cyrillic, over topic and names. */
  g_assert_cmpuint (query_len (db, NULL, NULL, NULL, NULL, NULL), ==, 3);
  g_assert_cmpuint (query_len (db, "", NULL, NULL, NULL, NULL), ==, 3);
  g_assert_cmpuint (query_len (db, "ГЕНДЕРНОЕ", NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (query_len (db, "migration REMIT", NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (query_len (db, "migration water", NULL, NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (query_len (db, "barskoon", NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (query_len (db, "workshop", NULL, NULL, NULL, NULL), ==, 1);

  /* Area with its children. */
  g_assert_cmpuint (query_len (db, NULL, SUZAK_AA, NULL, NULL, NULL), ==, 2);
  g_assert_cmpuint (query_len (db, NULL, SUZAK_RAYON, NULL, NULL, NULL), ==, 2);
  g_assert_cmpuint (query_len (db, NULL, "KG02000000000", NULL, NULL, NULL), ==, 1);

  /* Type and date range (inclusive). */
  g_assert_cmpuint (query_len (db, NULL, NULL, "training", NULL, NULL), ==, 2);
  g_assert_cmpuint (query_len (db, NULL, SUZAK_AA, "training", NULL, NULL), ==, 1);
  g_assert_cmpuint (query_len (db, NULL, NULL, NULL, "2024-04-15", NULL), ==, 2);
  g_assert_cmpuint (query_len (db, NULL, NULL, NULL, NULL, "2024-04-15"), ==, 2);
  g_assert_cmpuint (query_len (db, NULL, NULL, NULL, "2024-03-02", "2024-05-09"), ==, 1);

  /* Newest first; rows carry their participants. */
  {
    g_autoptr(GPtrArray) rows = aimak_activity_query (db, NULL, &error);
    g_autoptr(AimakActivityTotals) t = NULL;
    AimakActivityRow *first = g_ptr_array_index (rows, 0);
    AimakActivityRow *last = g_ptr_array_index (rows, 2);
    guint w, m;
    g_autofree char *area_name = NULL;
    guint total = 0;

    g_assert_cmpstr (aimak_activity_row_get_date (first), ==, "2024-05-10");
    g_assert_cmpstr (aimak_activity_row_get_area_name (first), ==, "Barskoon");
    g_assert_cmpuint (aimak_activity_row_get_women (last), ==, 12);
    g_assert_cmpuint (aimak_activity_row_get_men (last), ==, 5);
    g_assert_cmpstr (aimak_activity_row_get_type_label (last), ==, "Training");
    aimak_activity_row_get_role (last, "local_authority", &w, &m);
    g_assert_cmpuint (w, ==, 12);
    g_assert_cmpuint (m, ==, 5);
    g_object_get (last, "total", &total, "area-name", &area_name, NULL);
    g_assert_cmpuint (total, ==, 17);
    g_assert_cmpstr (area_name, ==, "Suzak");

    t = aimak_activity_totals (db, rows, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (t->count, ==, 3);
    g_assert_cmpuint (t->women, ==, 15);
    g_assert_cmpuint (t->men, ==, 9);
    g_assert_cmpfloat_with_epsilon (t->women_share, 15.0 / 24.0, 1e-9);
    g_assert_cmpuint (t->by_role->len, ==, 8);
    {
      AimakSummaryRoleItem *r0 = g_ptr_array_index (t->by_role, 0);
      AimakSummaryRoleItem *r1 = g_ptr_array_index (t->by_role, 1);
      AimakSummaryRoleItem *r2 = g_ptr_array_index (t->by_role, 2);
      g_assert_cmpstr (r0->code, ==, "local_authority");
      g_assert_cmpuint (r0->women, ==, 12);
      g_assert_cmpuint (r0->men, ==, 5);
      g_assert_cmpstr (r1->code, ==, "kenesh_deputy");
      g_assert_cmpuint (r1->men, ==, 4);
      g_assert_cmpstr (r2->code, ==, "cbo_member");
      g_assert_cmpuint (r2->women, ==, 3);
    }
  }

  /* Totals of the Suzak filter: 15 women, 5 men = 75 %. */
  {
    AimakActivityFilter f = { NULL, (char *) SUZAK_AA, NULL, NULL, NULL };
    g_autoptr(GPtrArray) rows = aimak_activity_query (db, &f, &error);
    g_autoptr(AimakActivityTotals) t = aimak_activity_totals (db, rows, &error);
    g_assert_cmpuint (t->women, ==, 15);
    g_assert_cmpuint (t->men, ==, 5);
    g_assert_cmpfloat_with_epsilon (t->women_share, 0.75, 1e-9);
  }

  /* Empty list: nothing, and no share rather than 0 %. */
  {
    AimakActivityFilter f = { (char *) "nothing-matches", NULL, NULL, NULL, NULL };
    g_autoptr(GPtrArray) rows = aimak_activity_query (db, &f, &error);
    g_autoptr(AimakActivityTotals) t = aimak_activity_totals (db, rows, &error);
    g_assert_cmpuint (t->count, ==, 0);
    g_assert_cmpuint (t->women + t->men, ==, 0);
    g_assert_true (isnan (t->women_share));
  }
  aimak_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/activity/validate", test_validate);
  g_test_add_func ("/activity/crud", test_crud);
  g_test_add_func ("/activity/topic-required", test_topic_required);
  g_test_add_func ("/activity/update-burst", test_update_burst);
  g_test_add_func ("/activity/read-only", test_read_only);
  g_test_add_func ("/activity/query-totals", test_query_totals);
  return g_test_run ();
}
