/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-priority.c — the priority record: memory, labels, the checklist's
 * answers, the change log's text forms and the loader. The rules live in
 * aimak-priority-validate.c, the writes in aimak-priority-write.c and the
 * fields in aimak-priority-fields.c. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-code-list.h"
#include "aimak-number.h"
#include "aimak-priority-private.h"

G_DEFINE_QUARK (aimak-priority-error-quark, aimak_priority_error)

/* ------------------------------------------------------------------------ */
/* Memory                                                                    */

AimakPriorityIndicator *
aimak_priority_indicator_new (const char *name,
                              const char *unit)
{
  AimakPriorityIndicator *ind = g_new0 (AimakPriorityIndicator, 1);

  ind->name = g_strdup (name ? name : "");
  ind->unit = g_strdup (unit ? unit : "");
  ind->baseline_f = ind->baseline_m = NAN;
  ind->target_f = ind->target_m = NAN;
  ind->actual_f = ind->actual_m = NAN;
  return ind;
}

AimakPriorityIndicator *
aimak_priority_indicator_copy (const AimakPriorityIndicator *ind)
{
  AimakPriorityIndicator *copy;

  g_return_val_if_fail (ind != NULL, NULL);
  copy = g_memdup2 (ind, sizeof *ind);
  copy->name = g_strdup (ind->name);
  copy->unit = g_strdup (ind->unit);
  return copy;
}

void
aimak_priority_indicator_free (AimakPriorityIndicator *ind)
{
  if (ind == NULL)
    return;
  g_free (ind->name);
  g_free (ind->unit);
  g_free (ind);
}

static GHashTable *
checklist_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

AimakPriority *
aimak_priority_new (const char *area_code)
{
  AimakPriority *p = g_new0 (AimakPriority, 1);

  p->area_code = g_strdup (area_code);
  p->title = g_strdup ("");
  p->problem = g_strdup ("");
  p->description = g_strdup ("");
  p->marker_justification = g_strdup ("");
  p->status = g_strdup ("draft");
  p->budget_kgs = NAN;
  p->responsible = g_strdup ("");
  p->partners = g_strdup ("");
  p->hearing_participants_f = -1;
  p->hearing_participants_m = -1;
  p->kenesh_decision_no = g_strdup ("");
  p->target_groups = g_ptr_array_new_with_free_func (g_free);
  p->gcm = g_ptr_array_new_with_free_func (g_free);
  p->sdg = g_ptr_array_new_with_free_func (g_free);
  p->checklist = checklist_new ();
  p->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) aimak_priority_indicator_free);
  return p;
}

static gpointer
priority_new (void)
{
  return aimak_priority_new (NULL);
}

AimakPriority *
aimak_priority_copy (const AimakPriority *p)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  return aimak_field_copy_record (fields, n, priority_new, p);
}

void
aimak_priority_free (AimakPriority *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->area_code);
  g_free (p->title);
  g_free (p->problem);
  g_free (p->description);
  g_free (p->sector_code);
  g_free (p->marker_justification);
  g_free (p->status);
  g_free (p->funding_source);
  g_free (p->responsible);
  g_free (p->partners);
  g_free (p->hearing_date);
  g_free (p->kenesh_decision_no);
  g_free (p->kenesh_decision_date);
  g_free (p->created_at);
  g_free (p->updated_at);
  g_free (p->deleted_at);
  g_clear_pointer (&p->target_groups, g_ptr_array_unref);
  g_clear_pointer (&p->gcm, g_ptr_array_unref);
  g_clear_pointer (&p->sdg, g_ptr_array_unref);
  g_clear_pointer (&p->checklist, g_hash_table_unref);
  g_clear_pointer (&p->indicators, g_ptr_array_unref);
  g_free (p);
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

gboolean
aimak_date_is_valid (const char *date)
{
  return aimak_date_is_iso (date);
}

const char *
aimak_priority_get_answer (const AimakPriority *p,
                           const char          *item_code)
{
  g_return_val_if_fail (p != NULL, NULL);
  return p->checklist ? g_hash_table_lookup (p->checklist, item_code) : NULL;
}

void
aimak_priority_set_answer (AimakPriority *p,
                           const char    *item_code,
                           const char    *answer)
{
  g_return_if_fail (p != NULL && item_code != NULL);
  if (answer == NULL || *answer == '\0')
    g_hash_table_remove (p->checklist, item_code);
  else
    g_hash_table_replace (p->checklist, g_strdup (item_code), g_strdup (answer));
}

gboolean
aimak_priority_status_needs_decision (const char *status)
{
  return g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "in_progress") == 0 ||
         g_strcmp0 (status, "completed") == 0;
}

/* Draft and rejected may hold problems; every other status is a promise that
 * the priority is complete. */
gboolean
aimak_priority_status_is_final (const char *status)
{
  return g_strcmp0 (status, "draft") != 0 && g_strcmp0 (status, "rejected") != 0;
}

const char *
aimak_priority_status_label (const char *status)
{
  static const AimakCodeLabel labels[] = {
    { "draft", N_("Draft") },
    { "proposed", N_("Proposed for public hearing") },
    { "approved", N_("Approved by local kenesh") },
    { "in_progress", N_("In progress") },
    { "completed", N_("Completed") },
    { "rejected", N_("Rejected") },
  };

  return aimak_code_label_lookup (labels, G_N_ELEMENTS (labels), status);
}

const char *
aimak_priority_field_label (const char *field)
{
  const AimakField *f = aimak_priority_field_by_id (field);

  if (f && f->label)
    return aimak_field_get_label (f);
  return field ? field : "";
}

/* ------------------------------------------------------------------------ */
/* Text forms for the change log                                            */

static int
compare_str_ptr (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
_aimak_priority_checklist_text (GHashTable *checklist)
{
  GString *s = g_string_new (NULL);
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  if (checklist)
    keys = g_hash_table_get_keys_as_array (checklist, &n);
  if (keys)
    qsort (keys, n, sizeof (gpointer), compare_str_ptr);
  for (guint i = 0; i < n; i++)
    {
      if (s->len)
        g_string_append_c (s, ',');
      g_string_append_printf (s, "%s=%s", (char *) keys[i],
                              (char *) g_hash_table_lookup (checklist, keys[i]));
    }
  return g_string_free (s, FALSE);
}

static char *
double_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return NULL;
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

static void
append_number (GString    *s,
               const char *sep,
               double      v)
{
  g_autofree char *t = double_text (v);

  g_string_append_printf (s, "%s%s", sep, t ? t : "");
}

/* "name [unit] F baseline→target (actual), M ...; next", readable in the history. */
char *
_aimak_priority_indicators_text (const GPtrArray *indicators)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; indicators && i < indicators->len; i++)
    {
      AimakPriorityIndicator *ind = g_ptr_array_index (indicators, i);

      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, ind->name);
      if (*ind->unit)
        g_string_append_printf (s, " [%s]", ind->unit);
      append_number (s, " F ", ind->baseline_f);
      append_number (s, "→", ind->target_f);
      append_number (s, "/", ind->actual_f);
      append_number (s, " M ", ind->baseline_m);
      append_number (s, "→", ind->target_m);
      append_number (s, "/", ind->actual_m);
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static gboolean
add_answer (AimakStmt *row,
            gpointer   data,
            GError   **error)
{
  aimak_priority_set_answer (data, aimak_stmt_text (row, 0), aimak_stmt_text (row, 1));
  return TRUE;
}

static gboolean
add_indicator (AimakStmt *row,
               gpointer   data,
               GError   **error)
{
  AimakPriority *p = data;
  AimakPriorityIndicator *ind = aimak_priority_indicator_new (aimak_stmt_text (row, 0),
                                                              aimak_stmt_text (row, 1));
  ind->baseline_f = aimak_stmt_double_or_nan (row, 2);
  ind->baseline_m = aimak_stmt_double_or_nan (row, 3);
  ind->target_f = aimak_stmt_double_or_nan (row, 4);
  ind->target_m = aimak_stmt_double_or_nan (row, 5);
  ind->actual_f = aimak_stmt_double_or_nan (row, 6);
  ind->actual_m = aimak_stmt_double_or_nan (row, 7);
  g_ptr_array_add (p->indicators, ind);
  return TRUE;
}

/* The code lists of the table's CODES fields, in their lists' order. */
static gboolean
load_links (AimakDb       *db,
            AimakPriority *p,
            GError       **error)
{
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      const AimakField *f = &fields[i];
      g_autofree char *sql = NULL;

      if (f->kind != AIMAK_FIELD_CODES)
        continue;
      sql = g_strdup_printf ("SELECT l.%s FROM %s l LEFT JOIN %s t ON t.code = l.%s "
                             "WHERE l.priority_id = ? ORDER BY t.sort, l.%s",
                             f->link_column, f->link_table, f->link_order_table,
                             f->link_column, f->link_column);
      if (!aimak_db_foreach (db, error, aimak_db_row_add_text, *aimak_field_codes_slot (f, p),
                             sql, "t", p->id))
        return FALSE;
    }
  return aimak_db_foreach (db, error, add_answer, p,
                           "SELECT item_code, answer FROM priority_checklist "
                           "WHERE priority_id = ?", "t", p->id) &&
         aimak_db_foreach (db, error, add_indicator, p,
                           "SELECT name, unit, baseline_f, baseline_m, "
                           "target_f, target_m, actual_f, actual_m "
                           "FROM priority_indicator WHERE priority_id = ? "
                           "ORDER BY position, id", "t", p->id);
}

AimakPriority *
aimak_priority_load (AimakDb    *db,
                     const char *id,
                     GError    **error)
{
  g_autoptr(AimakPriority) p = NULL;
  guint n;
  const AimakField *fields = aimak_priority_fields (&n);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id != NULL && !aimak_field_load_row (db, "priority", fields, n, priority_new,
                                           (gpointer *) &p, error, "t", id))
    return NULL;
  if (p == NULL)
    {
      g_set_error (error, AIMAK_PRIORITY_ERROR, AIMAK_PRIORITY_ERROR_NOT_FOUND,
                   _("The priority “%s” does not exist."), id ? id : "");
      return NULL;
    }
  if (!load_links (db, p, error))
    return NULL;
  return g_steal_pointer (&p);
}
