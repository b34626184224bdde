/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-geo.c — the district map: every polygon of the shipped GeoJSON is a
 * known level-2 area, the pilot rayons are on it, the geometry is sane, and
 * bad GeoJSON is refused with a message. */
#include "config.h"

#include <math.h>

#include "aimak-geo.h"
#include "aimak-geo-private.h"
#include "aimak-test-util.h"

static void
test_geo_default (void)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(AimakGeo) geo = aimak_geo_get_default (&error);
  gint64 parsed = g_get_monotonic_time ();
  g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();
  AimakDb *db = tdb->db;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double min_x, min_y, max_x, max_y;

  g_assert_no_error (error);
  g_assert_nonnull (geo);
  g_assert_cmpuint (aimak_geo_get_n_features (geo), ==, 53);
  {
    guint points = 0;
    for (guint i = 0; i < aimak_geo_get_n_features (geo); i++)
      points += aimak_geo_get_feature (geo, i)->points->len;
    g_test_message ("map parsed in %.1f ms: %u points", (parsed - start) / 1000.0, points);
  }

  for (guint i = 0; i < aimak_geo_get_n_features (geo); i++)
    {
      const AimakGeoFeature *f = aimak_geo_get_feature (geo, i);
      g_autoptr(AimakArea) area = aimak_area_get (db, f->code, &error);

      g_assert_no_error (error);
      g_assert_nonnull (area);
      /* Every polygon is a rayon or city of oblast significance of its oblast. */
      g_assert_cmpint (area->level, ==, 2);
      g_assert_cmpstr (area->parent_code, ==, f->parent_code);
      g_assert_false (g_hash_table_contains (seen, f->code));
      g_hash_table_add (seen, f->code);
      g_assert_cmpuint (f->ring_starts->len, >=, 1);
      g_assert_cmpuint (f->points->len, >=, 3 * f->ring_starts->len);
      g_assert_cmpstr (f->name_en, !=, "");
      g_assert_cmpstr (f->name_ru, !=, "");
      /* The label point lies inside the district. */
      g_assert_true (aimak_geo_feature_contains (f, f->center_x, f->center_y));
      g_assert_true (aimak_geo_hit (geo, f->center_x, f->center_y) == f);
      g_assert_true (aimak_geo_lookup (geo, f->code) == f);
    }

  /* And every level-2 area of the database has its polygon. */
  {
    g_autoptr(GPtrArray) rayons = aimak_area_list (db, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rayons->len, ==, 53);
    for (guint i = 0; i < rayons->len; i++)
      {
        AimakArea *a = g_ptr_array_index (rayons, i);
        g_assert_true (g_hash_table_contains (seen, a->code));
      }
  }

  /* Pilot rayons. */
  g_assert_nonnull (aimak_geo_lookup (geo, "KG02210000000"));  /* Jeti-Oguz */
  g_assert_nonnull (aimak_geo_lookup (geo, "KG03220000000"));  /* Suzak */
  g_assert_null (aimak_geo_lookup (geo, "KG11000000000"));     /* Bishkek is a hole */
  g_assert_null (aimak_geo_lookup (geo, NULL));

  /* The bounding box is Kyrgyzstan's: about 69.2–80.3 E, 39.2–43.3 N. */
  aimak_geo_get_bounds (geo, &min_x, &min_y, &max_x, &max_y);
  g_assert_cmpfloat (min_x, >, 69.0);
  g_assert_cmpfloat (min_x, <, 69.5);
  g_assert_cmpfloat (max_x, >, 80.0);
  g_assert_cmpfloat (max_x, <, 80.5);
  g_assert_cmpfloat (min_y, >, 39.0);
  g_assert_cmpfloat (min_y, <, 39.5);
  g_assert_cmpfloat (max_y, >, 43.0);
  g_assert_cmpfloat (max_y, <, 43.5);
  g_assert_cmpfloat (aimak_geo_x_scale (geo), >, 0.7);
  g_assert_cmpfloat (aimak_geo_x_scale (geo), <, 0.8);

  /* Hit testing: the city centres of Karakol and Bishkek; Bishkek is a hole. */
  {
    const AimakGeoFeature *f = aimak_geo_hit (geo, 78.394, 42.49);
    g_assert_nonnull (f);
    g_assert_cmpstr (f->code, ==, "KG02410000010");
    g_assert_null (aimak_geo_hit (geo, 74.6, 42.871));
    g_assert_null (aimak_geo_hit (geo, 60.0, 42.0));
  }

  /* Names follow the language with fallback. */
  {
    const AimakGeoFeature *f = aimak_geo_lookup (geo, "KG03220000000");
    g_assert_cmpstr (aimak_geo_feature_name (f, "en"), ==, "Suzak");
    g_assert_cmpstr (aimak_geo_feature_name (f, "ky"), ==, "Сузак");
  }

  /* The shared map is parsed once. */
  {
    g_autoptr(AimakGeo) again = aimak_geo_get_default (NULL);
    g_assert_true (again == geo);
  }
}

static void
test_geo_bad (void)
{
  static const char * const bad[] = {
    "not json",
    "{\"type\": \"FeatureCollection\"}",
    "{\"features\": []}",
    "{\"features\": [{\"properties\": {}, \"geometry\": {\"type\": \"Polygon\", "
    "\"coordinates\": [[[0,0],[1,0],[1,1]]]}}]}",
    "{\"features\": [{\"properties\": {\"ADM2_PCODE\": \"X\"}, \"geometry\": {\"type\": \"Point\", "
    "\"coordinates\": [0, 0]}}]}",
    "{\"features\": [{\"properties\": {\"ADM2_PCODE\": \"X\"}, \"geometry\": {\"type\": \"Polygon\", "
    "\"coordinates\": [[[0,0],[1,0]]]}}]}",
    "{\"features\": [{\"properties\": {\"ADM2_PCODE\": \"X\"}, \"geometry\": {\"type\": \"Polygon\", "
    "\"coordinates\": [[[0,0],[1,\"a\"],[1,1]]]}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(AimakGeo) geo = aimak_geo_load_bytes (bytes, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(none)");
      g_assert_null (geo);
      g_assert_true (error != NULL && error->domain == AIMAK_GEO_ERROR);
    }

  /* A minimal good one with a hole: the hole is outside. */
  {
    static const char good[] =
      "{\"features\": [{\"properties\": {\"ADM2_PCODE\": \"X\", \"ADM2_EN\": \"Ex\"}, "
      "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
      "[[[0,0],[10,0],[10,10],[0,10],[0,0]], [[4,4],[6,4],[6,6],[4,6],[4,4]]]}}]}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
    g_autoptr(GError) error = NULL;
    g_autoptr(AimakGeo) geo = aimak_geo_load_bytes (bytes, &error);
    const AimakGeoFeature *f;

    g_assert_no_error (error);
    f = aimak_geo_get_feature (geo, 0);
    g_assert_true (aimak_geo_hit (geo, 2, 2) == f);
    g_assert_null (aimak_geo_hit (geo, 5, 5));
    g_assert_true (aimak_geo_feature_contains (f, f->center_x, f->center_y));
    g_assert_cmpstr (aimak_geo_feature_name (f, "ky"), ==, "Ex");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo/default", test_geo_default);
  g_test_add_func ("/geo/bad", test_geo_bad);
  return g_test_run ();
}
