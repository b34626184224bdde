/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field.c — what every field table shares: values as text, comparison,
 * copying, the field's own rules, and reading and writing the columns. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-field-private.h"
#include "aimak-problem.h"
#include "aimak-db-private.h"
#include "aimak-packed.h"

#define MEMBER(type, record, field) G_STRUCT_MEMBER (type, record, (field)->offset)
#define MEMBER_P(type, record, field) ((type *) G_STRUCT_MEMBER_P (record, (field)->offset))

const AimakField *
aimak_field_find (const AimakField *fields,
                  guint             n_fields,
                  const char       *id)
{
  for (guint i = 0; id && i < n_fields; i++)
    if (g_str_equal (fields[i].id, id))
      return &fields[i];
  return NULL;
}

const char *
aimak_field_get_label (const AimakField *field)
{
  g_return_val_if_fail (field != NULL, "");
  return field->label ? _(field->label) : field->id;
}

static gboolean
is_text_kind (AimakFieldKind kind)
{
  return kind == AIMAK_FIELD_TEXT || kind == AIMAK_FIELD_LONG_TEXT ||
         kind == AIMAK_FIELD_CODE || kind == AIMAK_FIELD_DATE;
}

gboolean
aimak_field_text_is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

char **
aimak_field_text_slot (const AimakField *field,
                       gpointer          record)
{
  return is_text_kind (field->kind) ? MEMBER_P (char *, record, field) : NULL;
}

int *
aimak_field_int_slot (const AimakField *field,
                      gpointer          record)
{
  return field->kind == AIMAK_FIELD_INT || field->kind == AIMAK_FIELD_BOOL
         ? MEMBER_P (int, record, field) : NULL;
}

double *
aimak_field_double_slot (const AimakField *field,
                         gpointer          record)
{
  return field->kind == AIMAK_FIELD_DOUBLE ? MEMBER_P (double, record, field) : NULL;
}

GPtrArray **
aimak_field_codes_slot (const AimakField *field,
                        gpointer          record)
{
  return field->kind == AIMAK_FIELD_CODES ? MEMBER_P (GPtrArray *, record, field) : NULL;
}

static int
compare_str_ptr (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that the order in which codes were picked is not a change;
 * a code twice is once unless @exact. */
static char *
codes_text (const GPtrArray *codes,
            gboolean         exact)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; codes && i < codes->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (codes, i));
  g_ptr_array_sort (sorted, compare_str_ptr);
  for (guint i = 0; i < sorted->len; i++)
    {
      if (!exact && i > 0 && g_strcmp0 (g_ptr_array_index (sorted, i),
                                        g_ptr_array_index (sorted, i - 1)) == 0)
        continue;
      if (s->len)
        g_string_append_c (s, ',');
      g_string_append (s, g_ptr_array_index (sorted, i));
    }
  return g_string_free (s, FALSE);
}

static char *
double_text (double   v,
             gboolean round_trip)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return NULL;
  if (round_trip)
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, v));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

static char *
field_text (const AimakField *field,
            gconstpointer     record,
            gboolean          exact)
{
  if (field->to_text)
    return field->to_text (record);
  switch (field->kind)
    {
    case AIMAK_FIELD_TEXT:
    case AIMAK_FIELD_LONG_TEXT:
    case AIMAK_FIELD_CODE:
    case AIMAK_FIELD_DATE:
      {
        const char *s = MEMBER (const char *, record, field);

        if ((field->flags & AIMAK_FIELD_NULLABLE) && !exact)
          return aimak_field_text_is_blank (s) ? NULL : g_strdup (s);
        return g_strdup (s ? s : "");
      }
    case AIMAK_FIELD_INT:
      {
        int v = MEMBER (int, record, field);
        return v == field->empty_int ? NULL : g_strdup_printf ("%d", v);
      }
    case AIMAK_FIELD_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, MEMBER (gint64, record, field));
    case AIMAK_FIELD_DOUBLE:
      return double_text (MEMBER (double, record, field),
                          exact || (field->flags & AIMAK_FIELD_ROUND_TRIP) != 0);
    case AIMAK_FIELD_BOOL:
      return g_strdup (MEMBER (gboolean, record, field) ? "1" : "0");
    case AIMAK_FIELD_SEX:
      return g_strndup (&MEMBER (char, record, field), 1);
    case AIMAK_FIELD_CODES:
      return codes_text (MEMBER (GPtrArray *, record, field), exact);
    case AIMAK_FIELD_CUSTOM:
    default:
      return NULL;
    }
}

char *
aimak_field_get_text (const AimakField *field,
                      gconstpointer     record)
{
  g_return_val_if_fail (field != NULL && record != NULL, NULL);

  return field_text (field, record, FALSE);
}

char *
aimak_field_get_exact_text (const AimakField *field,
                            gconstpointer     record)
{
  g_return_val_if_fail (field != NULL && record != NULL, NULL);

  return field_text (field, record, TRUE);
}

static gboolean
invalid_text (const AimakField *field,
              const char       *text,
              GError          **error)
{
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
               _("%s: “%s” is not a valid value."), aimak_field_get_label (field), text);
  return FALSE;
}

static gboolean
parse_int64 (const char *text,
             gint64      min,
             gint64      max,
             gint64     *out)
{
  guint64 u;
  gboolean negative = text[0] == '-';

  if (!g_ascii_string_to_unsigned (negative ? text + 1 : text, 10, 0, G_MAXINT64, &u, NULL))
    return FALSE;
  *out = negative ? -(gint64) u : (gint64) u;
  return *out >= min && *out <= max;
}

gboolean
aimak_field_set_text (const AimakField *field,
                      gpointer          record,
                      const char       *text,
                      GError          **error)
{
  g_return_val_if_fail (field != NULL && record != NULL, FALSE);

  switch (field->kind)
    {
    case AIMAK_FIELD_TEXT:
    case AIMAK_FIELD_LONG_TEXT:
    case AIMAK_FIELD_CODE:
    case AIMAK_FIELD_DATE:
      {
        char **slot = MEMBER_P (char *, record, field);

        g_free (*slot);
        *slot = text || (field->flags & AIMAK_FIELD_NULLABLE) ? g_strdup (text) : g_strdup ("");
        return TRUE;
      }
    case AIMAK_FIELD_INT:
    case AIMAK_FIELD_INT64:
      {
        gint64 v = field->kind == AIMAK_FIELD_INT ? field->empty_int : 0;

        if (text && !parse_int64 (text, field->kind == AIMAK_FIELD_INT ? G_MININT : G_MININT64,
                                  field->kind == AIMAK_FIELD_INT ? G_MAXINT : G_MAXINT64, &v))
          return invalid_text (field, text, error);
        if (field->kind == AIMAK_FIELD_INT)
          MEMBER (int, record, field) = (int) v;
        else
          MEMBER (gint64, record, field) = v;
        return TRUE;
      }
    case AIMAK_FIELD_DOUBLE:
      {
        char *end = NULL;
        double v = text ? g_ascii_strtod (text, &end) : NAN;

        if (text && (end == text || *end != '\0'))
          return invalid_text (field, text, error);
        MEMBER (double, record, field) = v;
        return TRUE;
      }
    case AIMAK_FIELD_BOOL:
      if (g_strcmp0 (text, "1") != 0 && g_strcmp0 (text, "0") != 0)
        return invalid_text (field, text ? text : "", error);
      MEMBER (gboolean, record, field) = g_str_equal (text, "1");
      return TRUE;
    case AIMAK_FIELD_SEX:
      if (text == NULL || strlen (text) != 1 || strchr ("FMT", text[0]) == NULL)
        return invalid_text (field, text ? text : "", error);
      MEMBER (char, record, field) = text[0];
      return TRUE;
    case AIMAK_FIELD_CODES:
      {
        GPtrArray **slot = MEMBER_P (GPtrArray *, record, field);
        g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

        if (*slot == NULL)
          *slot = g_ptr_array_new_with_free_func (g_free);
        g_ptr_array_set_size (*slot, 0);
        for (guint i = 0; parts[i]; i++)
          if (*parts[i])
            g_ptr_array_add (*slot, g_strdup (parts[i]));
        return TRUE;
      }
    case AIMAK_FIELD_CUSTOM:
    default:
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_INVALID,
                   "Field “%s” cannot be set from text", field->id);
      return FALSE;
    }
}

gboolean
aimak_field_equal (const AimakField *field,
                   gconstpointer     a,
                   gconstpointer     b)
{
  g_autofree char *ta = aimak_field_get_text (field, a);
  g_autofree char *tb = aimak_field_get_text (field, b);

  return g_strcmp0 (ta, tb) == 0;
}

/* The size of a plain value (a number, a flag, a sex), which is copied as it is. */
static gsize
value_size (AimakFieldKind kind)
{
  switch (kind)
    {
    case AIMAK_FIELD_INT:
      return sizeof (int);
    case AIMAK_FIELD_INT64:
      return sizeof (gint64);
    case AIMAK_FIELD_DOUBLE:
      return sizeof (double);
    case AIMAK_FIELD_BOOL:
      return sizeof (gboolean);
    case AIMAK_FIELD_SEX:
      return sizeof (char);
    default:
      g_return_val_if_reached (0);
    }
}

void
aimak_field_copy_value (const AimakField *field,
                        gpointer          dst,
                        gconstpointer     src)
{
  g_return_if_fail (field != NULL && dst != NULL && src != NULL);

  if (field->copy)
    {
      field->copy (dst, src);
      return;
    }
  switch (field->kind)
    {
    case AIMAK_FIELD_TEXT:
    case AIMAK_FIELD_LONG_TEXT:
    case AIMAK_FIELD_CODE:
    case AIMAK_FIELD_DATE:
      {
        char **slot = MEMBER_P (char *, dst, field);
        char *copy = g_strdup (MEMBER (const char *, src, field));

        g_free (*slot);
        *slot = copy;
        break;
      }
    case AIMAK_FIELD_INT:
    case AIMAK_FIELD_INT64:
    case AIMAK_FIELD_DOUBLE:
    case AIMAK_FIELD_BOOL:
    case AIMAK_FIELD_SEX:
      memcpy (MEMBER_P (char, dst, field), MEMBER_P (const char, src, field),
              value_size (field->kind));
      break;
    case AIMAK_FIELD_CODES:
      {
        GPtrArray **slot = MEMBER_P (GPtrArray *, dst, field);
        GPtrArray *from = MEMBER (GPtrArray *, src, field);
        GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; from && i < from->len; i++)
          g_ptr_array_add (copy, g_strdup (g_ptr_array_index (from, i)));
        g_clear_pointer (slot, g_ptr_array_unref);
        *slot = copy;
        break;
      }
    case AIMAK_FIELD_CUSTOM:
    default:
      g_critical ("Field “%s” has no copy function", field->id);
    }
}

gpointer
aimak_field_copy_record (const AimakField *fields,
                         guint             n_fields,
                         AimakFieldNewFunc new_record,
                         gconstpointer     record)
{
  gpointer copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = new_record ();
  for (guint i = 0; i < n_fields; i++)
    aimak_field_copy_value (&fields[i], copy, record);
  return copy;
}

AimakFieldChange *
aimak_field_change_new (const char *field,
                        const char *old_text,
                        const char *new_text)
{
  static const gsize offsets[] = {
    G_STRUCT_OFFSET (AimakFieldChange, field),
    G_STRUCT_OFFSET (AimakFieldChange, old_text),
    G_STRUCT_OFFSET (AimakFieldChange, new_text),
  };
  const char *strings[] = { field, old_text, new_text };

  g_return_val_if_fail (field != NULL, NULL);

  return _aimak_packed_new (sizeof (AimakFieldChange), G_N_ELEMENTS (strings), offsets, strings);
}

/* The strings live in the change's own block (aimak_field_change_new()). */
void
aimak_field_change_free (AimakFieldChange *change)
{
  g_free (change);
}

GPtrArray *
aimak_field_diff (const AimakField *fields,
                  guint             n_fields,
                  gconstpointer     old_record,
                  gconstpointer     new_record)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_field_change_free);

  for (guint i = 0; i < n_fields; i++)
    {
      const AimakField *f = &fields[i];
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (!(f->flags & AIMAK_FIELD_EDITABLE) || (f->flags & AIMAK_FIELD_UNLOGGED))
        continue;
      if (f->diff)
        {
          f->diff (old_record, new_record, changes);
          continue;
        }
      old_text = aimak_field_get_text (f, old_record);
      new_text = aimak_field_get_text (f, new_record);
      if (g_strcmp0 (old_text, new_text) != 0)
        g_ptr_array_add (changes, aimak_field_change_new (f->id, old_text, new_text));
    }
  return changes;
}

gboolean
aimak_change_log_burst (AimakDb     *db,
                        const char  *entity,
                        const char  *entity_id,
                        const char  *field,
                        const char  *old_value,
                        const char  *new_value,
                        gint64      *burst,
                        GError     **error)
{
  gint64 newest = 0;
  g_autofree char *newest_field = NULL;
  g_autofree char *first_value = NULL;

  g_return_val_if_fail (db != NULL && burst != NULL, FALSE);

  if (*burst > 0 &&
      !aimak_db_query_count (db, &newest, error, "SELECT max(id) FROM change_log "
                             "WHERE entity = ? AND entity_id = ?", "tt", entity, entity_id))
    return FALSE;
  if (newest > 0 && newest == *burst)
    newest_field = aimak_db_query_text (db, NULL, "SELECT field FROM change_log WHERE id = ? "
                                        "AND action = 'update'", "j", newest);
  if (newest_field && g_strcmp0 (newest_field, field) == 0)
    {
      g_autofree char *now = aimak_db_now ();

      /* Still the same burst of typing in the same field: one row for all of it. */
      first_value = aimak_db_query_text (db, NULL, "SELECT old_value FROM change_log "
                                         "WHERE id = ?", "j", newest);
      if (g_strcmp0 (first_value ? first_value : "", new_value ? new_value : "") == 0)
        {
          *burst = 0;
          return aimak_db_exec (db, error, "DELETE FROM change_log WHERE id = ?", "j", newest);
        }
      return aimak_db_exec (db, error, "UPDATE change_log SET new_value = ?, ts = ? "
                            "WHERE id = ?", "ttj", new_value, now, newest);
    }
  if (!aimak_db_log_change (db, entity, entity_id, "update", field, old_value, new_value, error))
    return FALSE;
  *burst = aimak_db_query_int (db, 0, NULL, "SELECT last_insert_rowid()", "");
  return TRUE;
}

gboolean
aimak_field_log_changes (AimakDb     *db,
                         const char  *entity,
                         const char  *entity_id,
                         GPtrArray   *changes,
                         gint64      *burst,
                         GError     **error)
{
  gboolean folded = burst != NULL && changes->len == 1;

  /* A change of several fields at once is no part of a burst of typing. */
  if (burst && !folded)
    *burst = 0;
  for (guint i = 0; i < changes->len; i++)
    {
      AimakFieldChange *c = g_ptr_array_index (changes, i);
      gboolean ok = folded
        ? aimak_change_log_burst (db, entity, entity_id, c->field, c->old_text, c->new_text,
                                  burst, error)
        : aimak_db_log_change (db, entity, entity_id, "update", c->field, c->old_text,
                               c->new_text, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
set_text (const AimakField *fields,
          guint             n_fields,
          const char       *id,
          gpointer          record,
          char             *value)
{
  char **slot = aimak_field_text_slot (aimak_field_find (fields, n_fields, id), record);

  g_free (*slot);
  *slot = value;
}

/* A record about to be created, through its fields "id", "created_at",
 * "updated_at" and "deleted_at": a new UUID, created and updated now, not
 * deleted. */
static void
aimak_field_stamp_new (const AimakField *fields,
                       guint             n_fields,
                       gpointer          record)
{
  g_autofree char *now = aimak_db_now ();

  set_text (fields, n_fields, "id", record, aimak_uuid_new ());
  set_text (fields, n_fields, "created_at", record, g_strdup (now));
  set_text (fields, n_fields, "updated_at", record, g_strdup (now));
  set_text (fields, n_fields, "deleted_at", record, NULL);
}

/* After the create: moves the id and the two times of @from to @to. */
static void
aimak_field_take_stamps (const AimakField *fields,
                         guint             n_fields,
                         gpointer          to,
                         gpointer          from)
{
  static const char * const ids[] = { "id", "created_at", "updated_at" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      char **slot = aimak_field_text_slot (aimak_field_find (fields, n_fields, ids[i]), from);

      set_text (fields, n_fields, ids[i], to, g_steal_pointer (slot));
    }
}

gboolean
aimak_field_run_create (AimakDb          *db,
                        const AimakField *fields,
                        guint             n_fields,
                        gpointer          record,
                        gpointer          work,
                        AimakDbWorkFunc   body,
                        GError          **error)
{
  aimak_field_stamp_new (fields, n_fields, work);
  if (!aimak_db_run_in_transaction (db, body, work, error))
    return FALSE;
  aimak_field_take_stamps (fields, n_fields, record, work);
  return TRUE;
}

gboolean
aimak_field_run_update (AimakDb          *db,
                        const AimakField *fields,
                        guint             n_fields,
                        gpointer          record,
                        gint64           *burst,
                        AimakDbWorkFunc   body,
                        GError          **error)
{
  AimakFieldUpdate u = { record, burst, aimak_db_now (), FALSE };
  gint64 old_burst = burst ? *burst : 0;

  if (!aimak_db_run_in_transaction (db, body, &u, error))
    {
      if (burst)
        *burst = old_burst;
      g_free (u.now);
      return FALSE;
    }
  if (u.changed)
    set_text (fields, n_fields, "updated_at", record, g_steal_pointer (&u.now));
  g_free (u.now);
  return TRUE;
}

static int
compare_export_order (gconstpointer a,
                      gconstpointer b)
{
  const AimakField *fa = *(const AimakField * const *) a;
  const AimakField *fb = *(const AimakField * const *) b;

  return fa->export_order - fb->export_order;
}

GPtrArray *
aimak_field_exported (const AimakField *fields,
                      guint             n_fields)
{
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].export_cell != AIMAK_FIELD_CELL_NONE)
      g_ptr_array_add (sorted, (gpointer) &fields[i]);
  g_ptr_array_sort (sorted, compare_export_order);
  return sorted;
}

/* ------------------------------------------------------------------------ */
/* The field's own rules                                                     */

static void
add_error (GPtrArray  *problems,
           const char *field,
           GError    **error)
{
  aimak_problem_list_add (problems, field, (*error)->message);
  g_clear_error (error);
}

static void
check_int (const AimakField *f,
           int               v,
           GPtrArray        *problems)
{
  GError *error = NULL;

  if (v == f->empty_int)
    return;
  if (f->min != f->max && (v < f->min || v > f->max))
    {
      aimak_problem_list_add (problems, f->id, _(f->invalid));
      return;
    }
  if (v >= 0 && f->number_kind != AIMAK_NUMBER_ANY &&
      !aimak_number_check (v, f->number_kind, aimak_field_get_label (f), &error))
    add_error (problems, f->id, &error);
}

static void
check_double (const AimakField *f,
              double            v,
              GPtrArray        *problems)
{
  GError *error = NULL;

  if (isnan (v))
    return;
  if (f->min != f->max)
    {
      if (!isfinite (v) || v < f->min || v > f->max)
        aimak_problem_list_add (problems, f->id, _(f->invalid));
      return;
    }
  if (f->invalid && (v < 0 || isinf (v)))
    {
      aimak_problem_list_add (problems, f->id, _(f->invalid));
      return;
    }
  if (!aimak_number_check (v, f->number_kind, aimak_field_get_label (f), &error))
    add_error (problems, f->id, &error);
}

void
aimak_field_check (const AimakField *f,
                   gconstpointer     record,
                   GPtrArray        *problems)
{
  GError *error = NULL;

  g_return_if_fail (f != NULL && record != NULL && problems != NULL);

  if (is_text_kind (f->kind))
    {
      const char *s = MEMBER (const char *, record, f);
      gboolean blank = aimak_field_text_is_blank (s);

      if (blank && f->required)
        {
          aimak_problem_list_add (problems, f->id, _(f->required));
          if (f->flags & AIMAK_FIELD_ONE_PROBLEM)
            return;
        }
      if (f->kind == AIMAK_FIELD_DATE)
        {
          if (!blank && f->invalid && !aimak_date_is_iso (s))
            aimak_problem_list_add (problems, f->id, _(f->invalid));
        }
      else if ((f->kind != AIMAK_FIELD_CODE || (f->flags & AIMAK_FIELD_CHECK_TEXT)) &&
               !aimak_text_check (s, -1, f->kind == AIMAK_FIELD_LONG_TEXT,
                                  aimak_field_get_label (f), &error))
        add_error (problems, f->id, &error);
    }
  else if (f->kind == AIMAK_FIELD_INT)
    check_int (f, MEMBER (int, record, f), problems);
  else if (f->kind == AIMAK_FIELD_DOUBLE)
    check_double (f, MEMBER (double, record, f), problems);
}

GPtrArray *
aimak_field_check_editable (const AimakField *fields,
                            guint             n_fields,
                            gconstpointer     record)
{
  GPtrArray *problems = aimak_problem_list_new ();

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & AIMAK_FIELD_EDITABLE)
      aimak_field_check (&fields[i], record, problems);
  return problems;
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */

static gboolean
has_column (const AimakField *f)
{
  return f->column != NULL;
}

static gboolean
is_updated (const AimakField *f)
{
  return has_column (f) && (f->flags & AIMAK_FIELD_EDITABLE) &&
         !(f->flags & AIMAK_FIELD_INSERT_ONLY);
}

/* The columns of @fields ("id, area_code, ..."): every field with a column. */
static char *
aimak_field_columns (const AimakField *fields,
                     guint             n_fields)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    if (has_column (&fields[i]))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", fields[i].column);
  return g_string_free (s, FALSE);
}

/* Fills @record from the current row of @row, whose columns are those of
 * aimak_field_columns() from @first_col on. */
static void
aimak_field_read_row (const AimakField *fields,
                      guint             n_fields,
                      gpointer          record,
                      AimakStmt        *row,
                      int               first_col)
{
  int col = first_col;

  for (guint i = 0; i < n_fields; i++)
    {
      const AimakField *f = &fields[i];

      if (!has_column (f))
        continue;
      switch (f->kind)
        {
        case AIMAK_FIELD_TEXT:
        case AIMAK_FIELD_LONG_TEXT:
        case AIMAK_FIELD_CODE:
        case AIMAK_FIELD_DATE:
          {
            char **slot = MEMBER_P (char *, record, f);

            g_free (*slot);
            *slot = (f->flags & AIMAK_FIELD_NULLABLE) && aimak_stmt_is_null (row, col)
                    ? NULL : g_strdup (aimak_stmt_text (row, col));
            break;
          }
        case AIMAK_FIELD_INT:
          MEMBER (int, record, f) = aimak_stmt_int_or (row, col, f->empty_int);
          break;
        case AIMAK_FIELD_INT64:
          MEMBER (gint64, record, f) = aimak_stmt_int64 (row, col);
          break;
        case AIMAK_FIELD_DOUBLE:
          MEMBER (double, record, f) = aimak_stmt_double_or_nan (row, col);
          break;
        case AIMAK_FIELD_BOOL:
          MEMBER (gboolean, record, f) = aimak_stmt_int (row, col) != 0;
          break;
        case AIMAK_FIELD_SEX:
          MEMBER (char, record, f) = aimak_stmt_text (row, col)[0];
          break;
        case AIMAK_FIELD_CODES:
        case AIMAK_FIELD_CUSTOM:
        default:
          break;
        }
      col++;
    }
}

/* Binds the value of @f in @record to parameter @col of @st. */
static int
bind_field (sqlite3_stmt     *st,
            int               col,
            const AimakField *f,
            gconstpointer     record)
{
  switch (f->kind)
    {
    case AIMAK_FIELD_TEXT:
    case AIMAK_FIELD_LONG_TEXT:
    case AIMAK_FIELD_CODE:
    case AIMAK_FIELD_DATE:
      {
        g_autofree char *text = aimak_field_get_text (f, record);

        if (text && (f->flags & AIMAK_FIELD_TRIM))
          g_strstrip (text);
        return text ? sqlite3_bind_text (st, col, text, -1, SQLITE_TRANSIENT)
                    : sqlite3_bind_null (st, col);
      }
    case AIMAK_FIELD_INT:
      {
        int v = MEMBER (int, record, f);
        return v == f->empty_int ? sqlite3_bind_null (st, col) : sqlite3_bind_int (st, col, v);
      }
    case AIMAK_FIELD_INT64:
      return sqlite3_bind_int64 (st, col, MEMBER (gint64, record, f));
    case AIMAK_FIELD_DOUBLE:
      {
        double v = MEMBER (double, record, f);
        return isnan (v) ? sqlite3_bind_null (st, col) : sqlite3_bind_double (st, col, v);
      }
    case AIMAK_FIELD_BOOL:
      return sqlite3_bind_int (st, col, MEMBER (gboolean, record, f) ? 1 : 0);
    case AIMAK_FIELD_SEX:
      return sqlite3_bind_text (st, col, &MEMBER (char, record, f), 1, SQLITE_TRANSIENT);
    case AIMAK_FIELD_CODES:
    case AIMAK_FIELD_CUSTOM:
    default:
      return sqlite3_bind_null (st, col);
    }
}

/* Prepares @sql, binds @fields selected by @pick, then @extra (texts), runs it. */
static gboolean
run_bound (AimakDb           *db,
           const char        *sql,
           const AimakField  *fields,
           guint              n_fields,
           gboolean         (*pick) (const AimakField *f),
           gconstpointer      record,
           const char * const *extra,
           guint              n_extra,
           GError           **error)
{
  g_autoptr(AimakStmt) st = aimak_db_prepare (db, error, sql, "");
  int col = 1, rc = SQLITE_OK;

  if (st == NULL)
    return FALSE;
  for (guint i = 0; i < n_fields && rc == SQLITE_OK; i++)
    if (pick (&fields[i]))
      rc = bind_field (st, col++, &fields[i], record);
  for (guint i = 0; i < n_extra && rc == SQLITE_OK; i++)
    rc = extra[i] ? sqlite3_bind_text (st, col++, extra[i], -1, SQLITE_TRANSIENT)
                  : sqlite3_bind_null (st, col++);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_SQL, "bind: %s",
                   sqlite3_errmsg (aimak_db_get_handle (db)));
      return FALSE;
    }
  return aimak_stmt_run (st, error);
}

gboolean
aimak_field_load_row (AimakDb          *db,
                      const char       *table,
                      const AimakField *fields,
                      guint             n_fields,
                      AimakFieldNewFunc new_record,
                      gpointer         *record,
                      GError          **error,
                      const char       *types,
                      ...)
{
  g_autofree char *columns = aimak_field_columns (fields, n_fields);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, table);
  g_autoptr(AimakStmt) st = NULL;
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = aimak_db_first_row_va (db, &st, error, sql, types, args);
  va_end (args);
  if (!ok)
    return FALSE;
  if (st != NULL)
    {
      *record = new_record ();
      aimak_field_read_row (fields, n_fields, *record, st, 0);
    }
  return TRUE;
}

gboolean
aimak_field_insert (AimakDb          *db,
                    const char       *table,
                    const AimakField *fields,
                    guint             n_fields,
                    gconstpointer     record,
                    GError          **error)
{
  g_autofree char *columns = aimak_field_columns (fields, n_fields);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < n_fields; i++)
    n += has_column (&fields[i]);
  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", table, columns);
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append_c (sql, ')');
  return run_bound (db, sql->str, fields, n_fields, has_column, record, NULL, 0, error);
}

gboolean
aimak_field_update (AimakDb          *db,
                    const char       *table,
                    const AimakField *fields,
                    guint             n_fields,
                    gconstpointer     record,
                    const char       *extra_column,
                    const char       *extra_value,
                    const char       *key_column,
                    const char       *key,
                    GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *extra[2];
  guint n_extra = 0;

  g_string_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; i < n_fields; i++)
    if (is_updated (&fields[i]))
      g_string_append_printf (sql, "%s%s = ?", n_extra++ ? ", " : "", fields[i].column);
  n_extra = 0;
  if (extra_column)
    {
      g_string_append_printf (sql, ", %s = ?", extra_column);
      extra[n_extra++] = extra_value;
    }
  g_string_append_printf (sql, " WHERE %s = ?", key_column);
  extra[n_extra++] = key;
  return run_bound (db, sql->str, fields, n_fields, is_updated, record, extra, n_extra, error);
}

/* ------------------------------------------------------------------------ */
/* Test hooks                                                                */

GPtrArray *
_aimak_field_table_columns (AimakDb    *db,
                            const char *table,
                            GError    **error)
{
  return aimak_db_list (db, error, aimak_db_row_add_text, g_free,
                        "SELECT name FROM pragma_table_info(?)", "t", table);
}
