/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-field.h — one table per record type (priority, activity, indicator
 * value) describing each of its fields once: its id, its column, its label,
 * its kind, its rules, how it reads as text in the change log and how the
 * workbook shows it. The record loader, the validation, the change log, the
 * UPDATE/INSERT statements, the editors' bindings and the export iterate
 * these tables instead of listing every field by hand.
 *
 * Adding a field to a priority: the migration (src/core/migrations), one row in
 * the table of aimak-field-tables.c, one widget in the editor's .ui (named after
 * the field's id) and, for the workbook, its header string (aimak-export-strings).
 */
#pragma once

#include <gio/gio.h>

#include "aimak-db.h"
#include "aimak-number.h"

G_BEGIN_DECLS

/* What a field holds, and so how it is stored in the record, read from and
 * bound to SQL, shown as text and checked. */
typedef enum
{
  AIMAK_FIELD_TEXT,       /* char *, one line; "" when empty (NULL with NULLABLE) */
  AIMAK_FIELD_LONG_TEXT,  /* char *, several lines (tabs and line breaks allowed) */
  AIMAK_FIELD_CODE,       /* char *, a code of code list @code_list */
  AIMAK_FIELD_DATE,       /* char *, "YYYY-MM-DD" (aimak_date_is_iso()) */
  AIMAK_FIELD_INT,        /* int; @empty_int means empty (text NULL, SQL NULL) */
  AIMAK_FIELD_INT64,      /* gint64 (a row id) */
  AIMAK_FIELD_DOUBLE,     /* double; NaN = empty; plausible by @number_kind */
  AIMAK_FIELD_BOOL,       /* gboolean */
  AIMAK_FIELD_SEX,        /* char 'F', 'M' or 'T' */
  AIMAK_FIELD_CODES,      /* GPtrArray * of char * codes of @code_list, in @link_table */
  AIMAK_FIELD_CUSTOM,     /* the record's own structure (checklist, indicators,
                           * participants): @to_text, @copy and @diff say how */
} AimakFieldKind;

typedef enum
{
  AIMAK_FIELD_NONE         = 0,
  /* Blank text is stored (and read back, and logged) as NULL. */
  AIMAK_FIELD_NULLABLE     = 1 << 0,
  /* The user edits it: compared for the change log and written by UPDATE. */
  AIMAK_FIELD_EDITABLE     = 1 << 1,
  /* Checked by aimak_text_check() even though it is a code. */
  AIMAK_FIELD_CHECK_TEXT   = 1 << 2,
  /* Written by INSERT but not by UPDATE (id, is_demo, created_at ...). */
  AIMAK_FIELD_INSERT_ONLY  = 1 << 3,
  /* Doubles: the change log writes the shortest round-trip form
   * (g_ascii_dtostr()) rather than 15 significant digits. */
  AIMAK_FIELD_ROUND_TRIP   = 1 << 4,
  /* Text: the value is trimmed of spaces before it is stored. */
  AIMAK_FIELD_TRIM         = 1 << 5,
  /* Written by UPDATE like an EDITABLE field, but not compared for the change
   * log (the rank, which has its own log rows). */
  AIMAK_FIELD_UNLOGGED     = 1 << 6,
  /* A blank required field gets the required problem only, not also one for
   * unreadable text (a line break alone). */
  AIMAK_FIELD_ONE_PROBLEM  = 1 << 7,
} AimakFieldFlags;

/* How the workbook writes a field's cell (aimak-export). */
typedef enum
{
  AIMAK_FIELD_CELL_NONE,       /* not on the sheet */
  AIMAK_FIELD_CELL_TEXT,       /* a string */
  AIMAK_FIELD_CELL_WRAP,       /* a string that wraps (long text) */
  AIMAK_FIELD_CELL_INT,        /* a whole number; empty stays empty */
  AIMAK_FIELD_CELL_MONEY,      /* a number in the KGS format */
  AIMAK_FIELD_CELL_NUMBER,     /* a number with decimals */
  AIMAK_FIELD_CELL_DATE,       /* a date cell */
  AIMAK_FIELD_CELL_CODE_NAME,  /* the code's name in the workbook's language */
  AIMAK_FIELD_CELL_CODE_NAMES, /* the codes' names, joined, wrapped */
  AIMAK_FIELD_CELL_CODE_LABELS,/* "CODE — name" of each code, joined, wrapped (GCM, SDG) */
  AIMAK_FIELD_CELL_AREA,       /* the area's name (the Priorities sheet adds its P-code) */
  AIMAK_FIELD_CELL_YES,        /* "yes" in the workbook's language, or empty */
  AIMAK_FIELD_CELL_CUSTOM,     /* several columns, written by the sheet itself */
} AimakFieldCell;

typedef struct _AimakField AimakField;

/* One changed field: @field is the field's id, or a sub-field of a CUSTOM
 * field ("women.<role>"); the texts are those of aimak_field_get_text(). Made
 * by aimak_field_change_new(), with its strings in the one block of the
 * struct: a change is not edited once made. */
typedef struct
{
  char *field;
  char *old_text;
  char *new_text;
} AimakFieldChange;

struct _AimakField
{
  const char      *id;           /* "title": the change log's field, a problem's field,
                                  * the editor's widget name */
  const char      *column;       /* the column of the record's table; NULL when the
                                  * field lives in a link table or in @link_table */
  const char      *label;        /* N_(): use aimak_field_get_label() */
  AimakFieldKind   kind;
  AimakFieldFlags  flags;
  gsize            offset;       /* G_STRUCT_OFFSET of the member in the record */

  /* Rules (aimak_field_check()). */
  const char      *code_list;    /* CODE, CODES: the aimak-code-list name */
  int              empty_int;    /* INT: the value that means "empty" */
  int              min, max;     /* INT, DOUBLE: the range when not empty (min == max: none) */
  AimakNumberKind  number_kind;  /* INT, DOUBLE: aimak_number_check() when ≥ 0 */
  const char      *required;     /* N_(): the problem when blank; NULL = optional */
  const char      *invalid;      /* N_(): the problem when out of @min..@max, negative
                                  * (DOUBLE) or not a date (DATE) */

  /* CODES: link table, its code column and the order of reading. */
  const char      *link_table;
  const char      *link_column;
  const char      *link_order_table;  /* the code list's table, sorted by its "sort" */

  /* The workbook. */
  int              export_header; /* AimakExportString of the column's header */
  AimakFieldCell   export_cell;   /* AIMAK_FIELD_CELL_NONE: not exported */
  int              export_order;  /* place among the exported fields (1, 2, ...) */
  int              export_width;  /* widest the column may get in characters, 0 = fit */

  /* CUSTOM (optional for other kinds). */
  char          *(*to_text) (gconstpointer record);
  void           (*copy)    (gpointer      dst,
                             gconstpointer src);
  /* Appends AimakFieldChange * for every sub-field that differs. */
  void           (*diff)    (gconstpointer old_record,
                             gconstpointer new_record,
                             GPtrArray    *changes);
};

/* The tables, in change-log order (the order in which changes are logged).
 * Each array has *@n_fields entries. */
const AimakField *aimak_priority_fields           (guint            *n_fields);
const AimakField *aimak_activity_fields           (guint            *n_fields);
const AimakField *aimak_indicator_value_fields    (guint            *n_fields);

/* The field of that id, or NULL. */
const AimakField *aimak_priority_field_by_id      (const char       *id);
const AimakField *aimak_activity_field_by_id      (const char       *id);
const AimakField *aimak_indicator_value_field_by_id (const char     *id);
const AimakField *aimak_field_find                (const AimakField *fields,
                                                   guint             n_fields,
                                                   const char       *id);

/* TRUE for NULL or text of white space only: what "empty" means for text. */
gboolean          aimak_field_text_is_blank       (const char       *s);

/* The translated label ("Title"). */
const char       *aimak_field_get_label           (const AimakField *field);

/* The value of @field in @record as text, as the change log records it: NULL
 * for an empty nullable text, an empty number or an empty int; integers in
 * decimal; doubles with 15 significant digits (C locale) or the round-trip form;
 * booleans "1"/"0"; codes sorted, without duplicates, joined by ","; CUSTOM by
 * @to_text. */
char             *aimak_field_get_text            (const AimakField *field,
                                                   gconstpointer     record);
/* As aimak_field_get_text(), but two values read alike only when they are the
 * same value, for an editor to tell whether an edit changed anything: text as
 * it is (NULL and "" alike, blank kept), doubles with 17 significant digits,
 * codes sorted with repeats kept. CUSTOM fields by @to_text all the same. */
char             *aimak_field_get_exact_text      (const AimakField *field,
                                                   gconstpointer     record);
/* Sets @field of @record from @text in the form get_text() writes (NULL =
 * empty). FALSE (AIMAK_DB_ERROR_INVALID) when @text does not read as the
 * field's kind; CUSTOM fields are not set from text. */
gboolean          aimak_field_set_text            (const AimakField *field,
                                                   gpointer          record,
                                                   const char       *text,
                                                   GError          **error);
/* TRUE when @field has the same value in @a and @b (their texts are equal). */
gboolean          aimak_field_equal               (const AimakField *field,
                                                   gconstpointer     a,
                                                   gconstpointer     b);
/* Copies the value of @field from @src to @dst (deep). */
void              aimak_field_copy_value          (const AimakField *field,
                                                   gpointer          dst,
                                                   gconstpointer     src);

/* Addresses of a member, for the editors' bindings; NULL when @field is of
 * another kind. */
char            **aimak_field_text_slot           (const AimakField *field,
                                                   gpointer          record);
int              *aimak_field_int_slot            (const AimakField *field,
                                                   gpointer          record);
double           *aimak_field_double_slot         (const AimakField *field,
                                                   gpointer          record);
GPtrArray       **aimak_field_codes_slot          (const AimakField *field,
                                                   gpointer          record);

/* AimakFieldChange * for every EDITABLE field (of @fields) that differs between
 * @old and @new, in table order; CUSTOM fields through their @diff or @to_text. */
GPtrArray        *aimak_field_diff                (const AimakField *fields,
                                                   guint             n_fields,
                                                   gconstpointer     old_record,
                                                   gconstpointer     new_record);
/* A change of @field from @old_text to @new_text (either text may be NULL),
 * the three copied. */
AimakFieldChange *aimak_field_change_new          (const char       *field,
                                                   const char       *old_text,
                                                   const char       *new_text);
void              aimak_field_change_free         (AimakFieldChange *change);

/* Appends the field's own problems (AimakProblem *) to @problems: required,
 * out of range, negative, not a date, implausible (aimak_number_check()),
 * unreadable text (aimak_text_check()). Rules across fields (an end year before
 * the start year) stay with the record's validation. */
void              aimak_field_check               (const AimakField *field,
                                                   gconstpointer     record,
                                                   GPtrArray        *problems);

/* A new list (aimak_problem_list_new()) of the problems aimak_field_check()
 * finds in every editable field of @record. */
GPtrArray        *aimak_field_check_editable      (const AimakField *fields,
                                                   guint             n_fields,
                                                   gconstpointer     record);

/* Makes an empty record for aimak_field_load_row() or
 * aimak_field_copy_record() to fill. */
typedef gpointer  (*AimakFieldNewFunc)            (void);
/* A deep copy of @record: a new record from @new_record with every field of
 * @fields copied into it (aimak_field_copy_value()). */
gpointer          aimak_field_copy_record         (const AimakField *fields,
                                                   guint             n_fields,
                                                   AimakFieldNewFunc new_record,
                                                   gconstpointer     record);
/* SELECT (every column of @fields) FROM @table WHERE id = ? with the id bound
 * by @types and the arguments as aimak_db_prepare() binds them. When the row
 * exists, *@record is a new record from @new_record filled from it; otherwise
 * it stays NULL. FALSE with @error when the query fails. The one loader of a
 * record by its id (priorities, activities, indicator values). */
gboolean          aimak_field_load_row            (AimakDb          *db,
                                                   const char       *table,
                                                   const AimakField *fields,
                                                   guint             n_fields,
                                                   AimakFieldNewFunc new_record,
                                                   gpointer         *record,
                                                   GError          **error,
                                                   const char       *types,
                                                   ...);
/* INSERT INTO @table (every column) VALUES (...) from @record. */
gboolean          aimak_field_insert              (AimakDb          *db,
                                                   const char       *table,
                                                   const AimakField *fields,
                                                   guint             n_fields,
                                                   gconstpointer     record,
                                                   GError          **error);
/* UPDATE @table SET (every EDITABLE column of a non-link field) plus
 * @extra_column = @extra_value (e.g. "updated_at", may be NULL) WHERE
 * @key_column = @key. */
gboolean          aimak_field_update              (AimakDb          *db,
                                                   const char       *table,
                                                   const AimakField *fields,
                                                   guint             n_fields,
                                                   gconstpointer     record,
                                                   const char       *extra_column,
                                                   const char       *extra_value,
                                                   const char       *key_column,
                                                   const char       *key,
                                                   GError          **error);

/* Logs an update of @field like aimak_db_log_change(), folding it into row
 * *@burst while the same field is typed into (aimak_priority_update_burst()
 * describes it); *@burst becomes the row written (0 when none is left). */
gboolean          aimak_change_log_burst          (AimakDb          *db,
                                                   const char       *entity,
                                                   const char       *entity_id,
                                                   const char       *field,
                                                   const char       *old_value,
                                                   const char       *new_value,
                                                   gint64           *burst,
                                                   GError          **error);
/* Creates @record through its copy @work: stamps @work as new (its fields "id",
 * "created_at", "updated_at" and "deleted_at": a new UUID, created and updated
 * now, not deleted), runs @body on @work in a transaction and, when it
 * succeeds, moves the id and the two times of @work to @record, so that
 * @record is untouched when the write fails. */
gboolean          aimak_field_run_create          (AimakDb          *db,
                                                   const AimakField *fields,
                                                   guint             n_fields,
                                                   gpointer          record,
                                                   gpointer          work,
                                                   AimakDbWorkFunc   body,
                                                   GError          **error);

/* One update of a record that aimak_field_run_update() hands to the record's
 * own body inside the transaction. */
typedef struct
{
  gpointer  record;
  gint64   *burst;    /* NULL: every change gets its own change_log row */
  char     *now;      /* the time of the update: the new updated_at */
  gboolean  changed;  /* the body sets it when it wrote the record */
} AimakFieldUpdate;

/* Runs @body (its data an AimakFieldUpdate *) in a transaction. When it fails,
 * *@burst is what it was before (what the rolled-back transaction wrote is
 * gone); when the body wrote, the "updated_at" field of @record becomes the
 * time of the update. */
gboolean          aimak_field_run_update          (AimakDb          *db,
                                                   const AimakField *fields,
                                                   guint             n_fields,
                                                   gpointer          record,
                                                   gint64           *burst,
                                                   AimakDbWorkFunc   body,
                                                   GError          **error);

/* The fields of @fields that have an export cell (a workbook column), in
 * export order; the array holds pointers into @fields. */
GPtrArray        *aimak_field_exported            (const AimakField *fields,
                                                   guint             n_fields);

/* One change_log row per AimakFieldChange of @changes (an "update" of @entity
 * @entity_id). With @burst, a single change is folded into the burst's row
 * (aimak_change_log_burst()) and several at once end the burst (*@burst = 0). */
gboolean          aimak_field_log_changes         (AimakDb          *db,
                                                   const char       *entity,
                                                   const char       *entity_id,
                                                   GPtrArray        *changes,
                                                   gint64           *burst,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakFieldChange, aimak_field_change_free)

G_END_DECLS
