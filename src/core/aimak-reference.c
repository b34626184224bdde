/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-reference.c — the reference data of data/reference/, shipped as a
 * GResource, loaded in the transaction that creates the schema, and its names
 * refreshed in an existing database by a later migration. A failure names the
 * file and line and leaves nothing half-loaded (the caller rolls back). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "aimak-csv.h"
#include "aimak-reference.h"

static const char * const pilot_codes[] = {
  "KG02210815000",  /* Barskoon ayil aimak */
  "KG03220856000",  /* Suzak ayil aimak */
  "KG02210000000",  /* Jeti-Oguz rayon */
  "KG03220000000",  /* Suzak rayon */
  NULL
};

static gboolean
is_pilot (const char *code)
{
  return g_strv_contains (pilot_codes, code);
}

GFile *
aimak_reference_default_dir (void)
{
  return g_file_new_for_uri ("resource://" RESOURCE_PREFIX "/reference/");
}

typedef struct
{
  const char     *name;
  AimakCsvReader *reader;
  GPtrArray      *header;
} Table;

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->reader, aimak_csv_reader_free);
  g_clear_pointer (&t->header, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static gboolean
table_open (Table      *t,
            GFile      *dir,
            const char *name,
            GError    **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (dir, name);
  g_autoptr(GFileInputStream) in = NULL;
  GPtrArray *fields = NULL;
  GError *local_error = NULL;

  t->name = name;
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                   _("Reference data %s: %s"), name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  t->reader = aimak_csv_reader_new (G_INPUT_STREAM (in), ',');
  if (!aimak_csv_reader_next (t->reader, &fields, NULL, &local_error))
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                   _("Reference data %s: %s"), name,
                   local_error ? local_error->message : _("the file is empty"));
      g_clear_error (&local_error);
      return FALSE;
    }
  t->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (t->header, g_strdup (g_ptr_array_index (fields, i)));
  return TRUE;
}

static gboolean
table_next (Table      *t,
            GPtrArray **fields,
            GError    **error)
{
  GError *local_error = NULL;

  if (aimak_csv_reader_next (t->reader, fields, NULL, &local_error))
    {
      if ((*fields)->len != t->header->len)
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                       _("Reference data %s, line %u: %u fields where the header has %u"),
                       t->name, aimak_csv_reader_get_line (t->reader),
                       (*fields)->len, t->header->len);
          return FALSE;
        }
      return TRUE;
    }
  if (local_error)
    {
      g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                   _("Reference data %s: %s"), t->name, local_error->message);
      g_error_free (local_error);
    }
  return FALSE;
}

static const char *
col (Table      *t,
     GPtrArray  *fields,
     const char *name)
{
  return aimak_csv_field (fields, aimak_csv_column (t->header, name));
}

static gboolean
parse_number (const char *s,
              double     *out)
{
  char *end = NULL;

  if (s == NULL || *s == '\0')
    return FALSE;
  *out = g_ascii_strtod (s, &end);
  return end && *end == '\0' && isfinite (*out);
}

/* One row of a reference file: insert it, or fail with @error (the caller
 * adds the file name and line). */
typedef gboolean (*RowFunc) (AimakDb    *db,
                             Table      *t,
                             GPtrArray  *fields,
                             gpointer    data,
                             GError    **error);

static gboolean
load_table (AimakDb    *db,
            GFile      *dir,
            const char *path,
            RowFunc     row,
            gpointer    data,
            GError    **error)
{
  g_auto(Table) t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;

  if (!table_open (&t, dir, path, error))
    return FALSE;
  while (table_next (&t, &f, &local_error))
    {
      if (!row (db, &t, f, data, &local_error))
        {
          g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
                       _("Reference data %s, line %u: %s"), t.name,
                       aimak_csv_reader_get_line (t.reader), local_error->message);
          g_clear_error (&local_error);
          return FALSE;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
number_in (Table      *t,
           GPtrArray  *fields,
           const char *column,
           double     *out,
           GError    **error)
{
  const char *text = col (t, fields, column);

  if (parse_number (text, out))
    return TRUE;
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
               _("“%s” is not a number"), text);
  return FALSE;
}

/* A table's rows are read by load_table() in the same way whether they are
 * inserted into a new database or refresh the names of an existing one: the
 * row functions get the statement (@data), and the INSERT and the UPDATE of a
 * table take the same numbered parameters, the UPDATE using those it needs
 * (areas bind fewer for the UPDATE: see area_row()). */

static const char area_insert[] =
  "INSERT INTO area (code, level, type, parent_code, name_en, name_ru, "
  "name_ky, lat, lon, is_pilot) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char area_refresh[] =
  "UPDATE area SET name_en = ?2, name_ru = ?3, name_ky = ?4 WHERE code = ?1";

static gboolean
area_row (AimakDb    *db,
          Table      *t,
          GPtrArray  *f,
          gpointer    data,
          GError    **error)
{
  const char *code = col (t, f, "code");
  const char *parent = col (t, f, "parent_code");
  double lat = NAN, lon = NAN;

  /* SQLite refuses to bind a parameter past the last one a statement names. */
  if (data == area_refresh)
    return aimak_db_exec (db, error, area_refresh, "tttt", code, col (t, f, "name_en"),
                          col (t, f, "name_ru"), col (t, f, "name_ky"));
  parse_number (col (t, f, "lat"), &lat);
  parse_number (col (t, f, "lon"), &lon);
  return aimak_db_exec (db, error, area_insert,
                        "titttttddb", code, atoi (col (t, f, "level")), col (t, f, "type"),
                        *parent ? parent : NULL, col (t, f, "name_en"),
                        col (t, f, "name_ru"), col (t, f, "name_ky"), lat, lon,
                        is_pilot (code));
}

typedef struct
{
  const char *sql;
  int         sort;
} CodelistLoad;

/* Code lists share one shape; the English, Russian and Kyrgyz columns are
 * called name_* or short_*. */
static gboolean
codelist_row (AimakDb    *db,
              Table      *t,
              GPtrArray  *f,
              gpointer    data,
              GError    **error)
{
  CodelistLoad *load = data;
  gboolean is_short = aimak_csv_column (t->header, "short_en") >= 0;
  const char *order = col (t, f, "order");

  load->sort++;
  return aimak_db_exec (db, error, load->sql, "tittt", col (t, f, "code"),
                        *order ? atoi (order) : load->sort,
                        col (t, f, is_short ? "short_en" : "name_en"),
                        col (t, f, is_short ? "short_ru" : "name_ru"),
                        col (t, f, is_short ? "short_ky" : "name_ky"));
}

static const char gender_marker_insert[] =
  "INSERT INTO gender_marker (code, name_en, name_ru, name_ky, "
  "definition_en, definition_ru, definition_ky) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char gender_marker_refresh[] =
  "UPDATE gender_marker SET name_en = ?2, name_ru = ?3, name_ky = ?4, "
  "definition_en = ?5, definition_ru = ?6, definition_ky = ?7 WHERE code = ?1";

static gboolean
gender_marker_row (AimakDb    *db,
                   Table      *t,
                   GPtrArray  *f,
                   gpointer    data,
                   GError    **error)
{
  return aimak_db_exec (db, error, data, "itttttt",
                        atoi (col (t, f, "code")), col (t, f, "name_en"),
                        col (t, f, "name_ru"), col (t, f, "name_ky"),
                        col (t, f, "definition_en"), col (t, f, "definition_ru"),
                        col (t, f, "definition_ky"));
}

static const char catalogue_insert[] =
  "INSERT INTO indicator (code, name_en, name_ru, name_ky, unit, by_sex, "
  "is_key, description, is_reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)";
/* Only the built-in indicators: those a user added keep what the user typed.
 * Unit, by-sex and key flags are not names, and values depend on them. */
static const char catalogue_refresh[] =
  "UPDATE indicator SET name_en = ?2, name_ru = ?3, name_ky = ?4, description = ?8 "
  "WHERE code = ?1 AND is_reference = 1";

static gboolean
catalogue_row (AimakDb    *db,
               Table      *t,
               GPtrArray  *f,
               gpointer    data,
               GError    **error)
{
  return aimak_db_exec (db, error, data, "tttttiit", col (t, f, "code"), col (t, f, "name_en"),
                        col (t, f, "name_ru"), col (t, f, "name_ky"), col (t, f, "unit"),
                        atoi (col (t, f, "by_sex")), atoi (col (t, f, "is_key")),
                        col (t, f, "description"));
}

static gboolean
insert_value (AimakDb    *db,
              const char *area,
              const char *indicator,
              int         year,
              const char *sex,
              double      value,
              const char *source,
              const char *note,
              GError    **error)
{
  /* The NSC files repeat a series under several SDG indicators: keep one. */
  return aimak_db_exec (db, error,
                        "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, "
                        "source, note, is_reference) VALUES (?, ?, ?, ?, ?, ?, ?, 1) "
                        "ON CONFLICT DO NOTHING",
                        "ttitdtt", area, indicator, year, sex, value, source, note);
}

/* National SDG data of the NSC, oblast level: the series split by sex that
 * the catalogue lists (@data, a set of codes), at every age band the series
 * is published for. */
static gboolean
nsc_row (AimakDb    *db,
         Table      *t,
         GPtrArray  *f,
         gpointer    data,
         GError    **error)
{
  GHashTable *known = data;
  const char *sex = col (t, f, "sex");
  g_autofree char *area = NULL;
  double value;

  if (!g_hash_table_contains (known, col (t, f, "series")) ||
      g_strcmp0 (col (t, f, "urbanisation"), "_T") != 0)
    return TRUE;
  if (!number_in (t, f, "value", &value, error))
    return FALSE;
  area = g_strconcat (col (t, f, "ref_area"), "000000000", NULL);
  return insert_value (db, area, col (t, f, "series"), atoi (col (t, f, "year")),
                       g_strcmp0 (sex, "_T") == 0 ? "T" : sex, value,
                       AIMAK_SOURCE_NSC, "", error);
}

static gboolean
wfp_row (AimakDb    *db,
         Table      *t,
         GPtrArray  *f,
         gpointer    data,
         GError    **error)
{
  const char *area = col (t, f, "pcode_ocha");
  double population, poverty;

  if (!number_in (t, f, "population_2021", &population, error) ||
      !insert_value (db, area, "POP", 2021, "T", population, AIMAK_SOURCE_WFP, "", error))
    return FALSE;
  return !parse_number (col (t, f, "poverty"), &poverty) ||
         insert_value (db, area, "SI_POV_NAHC", 2020, "T", poverty,
                       "WFP PRISM (attributed there to the Ministry of Labour and Social "
                       "Development, 2020)", col (t, f, "qa_note"), error);
}

static gboolean
fact_row (AimakDb    *db,
          Table      *t,
          GPtrArray  *f,
          gpointer    data,
          GError    **error)
{
  double value;

  return number_in (t, f, "value", &value, error) &&
         insert_value (db, col (t, f, "area_code"), col (t, f, "indicator_code"),
                       atoi (col (t, f, "year")), col (t, f, "sex"), value,
                       col (t, f, "source"), col (t, f, "note"), error);
}

static gboolean
add_indicator_code (AimakStmt  *st,
                    gpointer    user_data,
                    GError    **error)
{
  g_hash_table_add (user_data, g_strdup (aimak_stmt_text (st, 0)));
  return TRUE;
}

static GHashTable *
indicator_codes (AimakDb  *db,
                 GError  **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!aimak_db_foreach (db, error, add_indicator_code, known, "SELECT code FROM indicator",
                         NULL))
    return NULL;
  return g_steal_pointer (&known);
}

/* The code lists that share one shape (code, sort, names), and their tables. */
static const struct { const char *file; const char *table; } lists[] = {
  { "gcm_objectives.csv", "gcm_objective" },
  { "sdg_targets.csv", "sdg_target" },
  { "dac_sectors.csv", "sector" },
  { "target_groups.csv", "target_group" },
  { "priority_status.csv", "status" },
  { "participant_roles.csv", "role" },
  { "funding_sources.csv", "funding_source" },
  { "activity_types.csv", "activity_type" },
  { "gender_checklist.csv", "checklist_item" },
};

/* The country itself is not in areas.csv: P-codes start below it. */
static gboolean
national_area (AimakDb   *db,
               gboolean   refresh,
               GError   **error)
{
  static const char * const names[] = {
    "Kyrgyz Republic", "Кыргызская Республика", "Кыргыз Республикасы"
  };

  if (refresh)
    return aimak_db_exec (db, error, area_refresh, "tttt", AIMAK_NATIONAL_CODE,
                          names[0], names[1], names[2]);
  return aimak_db_exec (db, error,
                        "INSERT INTO area (code, level, type, parent_code, name_en, name_ru, "
                        "name_ky) VALUES (?, 0, 'country', NULL, ?, ?, ?)", "tttt",
                        AIMAK_NATIONAL_CODE, names[0], names[1], names[2]);
}

/* Areas, gender marker, code lists and the indicator catalogue: each row
 * inserted (a new database) or, with @refresh, only its names written again
 * (an existing one). */
static gboolean
load_names (AimakDb   *db,
            GFile     *dir,
            gboolean   refresh,
            GError   **error)
{
  if (!national_area (db, refresh, error) ||
      !load_table (db, dir, "admin/areas.csv", area_row,
                   (gpointer) (refresh ? area_refresh : area_insert), error) ||
      !load_table (db, dir, "codelists/gender_marker.csv", gender_marker_row,
                   (gpointer) (refresh ? gender_marker_refresh : gender_marker_insert), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *path = g_strconcat ("codelists/", lists[i].file, NULL);
      /* The order stays as it is: only the names are refreshed. */
      g_autofree char *sql = refresh
        ? g_strdup_printf ("UPDATE %s SET name_en = ?3, name_ru = ?4, name_ky = ?5 "
                           "WHERE code = ?1", lists[i].table)
        : g_strdup_printf ("INSERT INTO %s (code, sort, name_en, name_ru, name_ky) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", lists[i].table);
      CodelistLoad load = { sql, 0 };

      if (!load_table (db, dir, path, codelist_row, &load, error))
        return FALSE;
    }
  return load_table (db, dir, "indicators/indicator_catalogue.csv", catalogue_row,
                     (gpointer) (refresh ? catalogue_refresh : catalogue_insert), error);
}

gboolean
aimak_reference_load (AimakDb  *db,
                      GFile    *dir,
                      GError  **error)
{
  g_autoptr(GHashTable) known = NULL;

  g_return_val_if_fail (aimak_db_in_transaction (db), FALSE);

  if (!load_names (db, dir, FALSE, error) ||
      (known = indicator_codes (db, error)) == NULL ||
      !load_table (db, dir, "indicators/nsc_sdg_oblast_observations.csv", nsc_row, known,
                   error) ||
      !load_table (db, dir, "indicators/wfp_prism_rayon_indicators.csv", wfp_row, NULL, error) ||
      !load_table (db, dir, "indicators/national_facts.csv", fact_row, NULL, error))
    return FALSE;
  return aimak_db_exec (db, error,
                        "INSERT INTO app_meta (key, value) VALUES ('reference_loaded', ?)",
                        "t", PACKAGE_VERSION);
}

gboolean
aimak_reference_refresh_names (AimakDb  *db,
                               GFile    *dir,
                               GError  **error)
{
  g_return_val_if_fail (aimak_db_in_transaction (db), FALSE);

  return load_names (db, dir, TRUE, error);
}
