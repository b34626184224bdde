/* aimak-reference.c — the reference data of data/reference/, shipped as a
 * GResource, loaded in the transaction that creates the schema. A failure
 * names the file and line and leaves nothing half-loaded (the caller rolls
 * back). */
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

gboolean
aimak_reference_is_pilot (const char *code)
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
row_error (Table       *t,
           GError     **error,
           GError      *cause)
{
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
               _("Reference data %s, line %u: %s"), t->name,
               aimak_csv_reader_get_line (t->reader), cause->message);
  g_error_free (cause);
  return FALSE;
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

static gboolean
number_error (Table      *t,
              GError    **error,
              const char *what)
{
  g_set_error (error, AIMAK_DB_ERROR, AIMAK_DB_ERROR_REFERENCE,
               _("Reference data %s, line %u: “%s” is not a number"), t->name,
               aimak_csv_reader_get_line (t->reader), what);
  return FALSE;
}

static gboolean
load_areas (AimakDb  *db,
            GFile    *dir,
            GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  if (!aimak_db_exec (db, error,
                      "INSERT INTO area (code, level, type, parent_code, name_en, name_ru, "
                      "name_ky) VALUES (?, 0, 'country', NULL, ?, ?, ?)", "tttt",
                      AIMAK_NATIONAL_CODE, "Kyrgyz Republic", "Кыргызская Республика",
                      "Кыргыз Республикасы"))
    return FALSE;
  if (!table_open (&t, dir, "admin/areas.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      const char *code = col (&t, f, "code");
      const char *parent = col (&t, f, "parent_code");
      double lat = NAN, lon = NAN;

      parse_number (col (&t, f, "lat"), &lat);
      parse_number (col (&t, f, "lon"), &lon);
      if (!aimak_db_exec (db, &local_error,
                          "INSERT INTO area (code, level, type, parent_code, name_en, name_ru, "
                          "name_ky, lat, lon, is_pilot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "titttttddb", code, atoi (col (&t, f, "level")), col (&t, f, "type"),
                          *parent ? parent : NULL, col (&t, f, "name_en"),
                          col (&t, f, "name_ru"), col (&t, f, "name_ky"), lat, lon,
                          aimak_reference_is_pilot (code)))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

/* Code lists share one shape; the English, Russian and Kyrgyz columns are
 * called name_* or short_*. */
static gboolean
load_codelist (AimakDb    *db,
               GFile      *dir,
               const char *file,
               const char *table,
               GError    **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;
  g_autofree char *path = g_strconcat ("codelists/", file, NULL);
  g_autofree char *sql = NULL;
  int sort = 0;

  sql = g_strdup_printf ("INSERT INTO %s (code, sort, name_en, name_ru, name_ky) "
                         "VALUES (?, ?, ?, ?, ?)", table);
  if (!table_open (&t, dir, path, error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      gboolean is_short = aimak_csv_column (t.header, "short_en") >= 0;
      const char *order = col (&t, f, "order");

      sort++;
      if (!aimak_db_exec (db, &local_error, sql, "tittt", col (&t, f, "code"),
                          *order ? atoi (order) : sort,
                          col (&t, f, is_short ? "short_en" : "name_en"),
                          col (&t, f, is_short ? "short_ru" : "name_ru"),
                          col (&t, f, is_short ? "short_ky" : "name_ky")))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

static gboolean
load_gender_marker (AimakDb  *db,
                    GFile    *dir,
                    GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  if (!table_open (&t, dir, "codelists/gender_marker.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      if (!aimak_db_exec (db, &local_error,
                          "INSERT INTO gender_marker (code, name_en, name_ru, name_ky, "
                          "definition_en, definition_ru, definition_ky) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)", "itttttt",
                          atoi (col (&t, f, "code")), col (&t, f, "name_en"),
                          col (&t, f, "name_ru"), col (&t, f, "name_ky"),
                          col (&t, f, "definition_en"), col (&t, f, "definition_ru"),
                          col (&t, f, "definition_ky")))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

static gboolean
load_catalogue (AimakDb  *db,
                GFile    *dir,
                GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  if (!table_open (&t, dir, "indicators/indicator_catalogue.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      if (!aimak_db_exec (db, &local_error,
                          "INSERT INTO indicator (code, name_en, name_ru, name_ky, unit, by_sex, "
                          "is_key, description, is_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                          "tttttiit", col (&t, f, "code"), col (&t, f, "name_en"),
                          col (&t, f, "name_ru"), col (&t, f, "name_ky"), col (&t, f, "unit"),
                          atoi (col (&t, f, "by_sex")), atoi (col (&t, f, "is_key")),
                          col (&t, f, "description")))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
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
 * the catalogue lists, at every age band the series is published for. */
static gboolean
load_nsc (AimakDb  *db,
          GFile    *dir,
          GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  {
    g_autoptr(AimakStmt) st = aimak_db_prepare (db, error, "SELECT code FROM indicator", NULL);
    if (st == NULL)
      return FALSE;
    while (aimak_stmt_next (st, NULL))
      g_hash_table_add (known, g_strdup (aimak_stmt_text (st, 0)));
  }
  if (!table_open (&t, dir, "indicators/nsc_sdg_oblast_observations.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      const char *series = col (&t, f, "series");
      const char *sex = col (&t, f, "sex");
      const char *ref_area = col (&t, f, "ref_area");
      g_autofree char *area = NULL;
      double value;

      if (!g_hash_table_contains (known, series) ||
          g_strcmp0 (col (&t, f, "urbanisation"), "_T") != 0)
        continue;
      if (!parse_number (col (&t, f, "value"), &value))
        {
          ok = number_error (&t, error, col (&t, f, "value"));
          goto out;
        }
      area = g_strconcat (ref_area, "000000000", NULL);
      if (!insert_value (db, area, series, atoi (col (&t, f, "year")),
                         g_strcmp0 (sex, "_T") == 0 ? "T" : sex, value,
                         AIMAK_SOURCE_NSC, "", &local_error))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

static gboolean
load_wfp (AimakDb  *db,
          GFile    *dir,
          GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  if (!table_open (&t, dir, "indicators/wfp_prism_rayon_indicators.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      const char *area = col (&t, f, "pcode_ocha");
      double population, poverty;

      if (!parse_number (col (&t, f, "population_2021"), &population))
        {
          ok = number_error (&t, error, col (&t, f, "population_2021"));
          goto out;
        }
      if (!insert_value (db, area, "POP", 2021, "T", population, AIMAK_SOURCE_WFP, "",
                         &local_error))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
      if (parse_number (col (&t, f, "poverty"), &poverty) &&
          !insert_value (db, area, "SI_POV_NAHC", 2020, "T", poverty,
                         "WFP PRISM (attributed there to the Ministry of Labour and Social "
                         "Development, 2020)", col (&t, f, "qa_note"), &local_error))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

static gboolean
load_facts (AimakDb  *db,
            GFile    *dir,
            GError  **error)
{
  Table t = { 0 };
  GPtrArray *f;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  if (!table_open (&t, dir, "indicators/national_facts.csv", error))
    goto out;
  while (table_next (&t, &f, &local_error))
    {
      double value;

      if (!parse_number (col (&t, f, "value"), &value))
        {
          ok = number_error (&t, error, col (&t, f, "value"));
          goto out;
        }
      if (!insert_value (db, col (&t, f, "area_code"), col (&t, f, "indicator_code"),
                         atoi (col (&t, f, "year")), col (&t, f, "sex"), value,
                         col (&t, f, "source"), col (&t, f, "note"), &local_error))
        {
          ok = row_error (&t, error, local_error);
          goto out;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  ok = TRUE;
out:
  table_clear (&t);
  return ok;
}

gboolean
aimak_reference_load (AimakDb  *db,
                      GFile    *dir,
                      GError  **error)
{
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

  g_return_val_if_fail (aimak_db_in_transaction (db), FALSE);

  if (!load_areas (db, dir, error) || !load_gender_marker (db, dir, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (!load_codelist (db, dir, lists[i].file, lists[i].table, error))
      return FALSE;
  if (!load_catalogue (db, dir, error) || !load_nsc (db, dir, error) ||
      !load_wfp (db, dir, error) || !load_facts (db, dir, error))
    return FALSE;
  return aimak_db_exec (db, error,
                        "INSERT INTO app_meta (key, value) VALUES ('reference_loaded', ?)",
                        "t", PACKAGE_VERSION);
}
