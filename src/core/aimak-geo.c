/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-geo.c — GeoJSON district polygons for the map. The file is parsed
 * once with json-glib; the features keep only what drawing and hit testing
 * need: the rings as flat point arrays, bounding boxes and a label point. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "aimak-geo-private.h"
#include "aimak-lang.h"

#define MAP_RESOURCE RESOURCE_PREFIX "/reference/maps/kgz_adm2_ocha_codab.geojson"

struct _AimakGeo
{
  gatomicrefcount  ref_count;
  GPtrArray       *features;   /* AimakGeoFeature * */
  GHashTable      *by_code;    /* code → feature (borrowed) */
  double           min_x, min_y, max_x, max_y;
};

G_DEFINE_QUARK (aimak-geo-error-quark, aimak_geo_error)
G_DEFINE_BOXED_TYPE (AimakGeo, aimak_geo, aimak_geo_ref, aimak_geo_unref)

static void
feature_free (AimakGeoFeature *f)
{
  g_free (f->code);
  g_free (f->parent_code);
  g_free (f->name_en);
  g_free (f->name_ru);
  g_free (f->name_ky);
  g_array_unref (f->points);
  g_array_unref (f->ring_starts);
  g_free (f);
}

/* json-glib's typed getters complain about missing members; bad files must
 * give an error, not a critical. */
static JsonArray *
array_member (JsonObject *obj,
              const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
dup_member (JsonObject *props,
            const char *name)
{
  JsonNode *node = json_object_get_member (props, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup ("");
  return g_strstrip (g_strdup (json_node_get_string (node)));
}

static gboolean
is_number (JsonNode *node)
{
  GType t;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_DOUBLE || t == G_TYPE_INT64;
}

static gboolean
add_ring (AimakGeoFeature *f,
          JsonArray       *ring,
          GError         **error)
{
  guint n = json_array_get_length (ring);
  guint start = f->points->len;

  if (n < 3)
    {
      g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                   _("District %s has a ring with fewer than three points"), f->code);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *pn = json_array_get_element (ring, i);
      JsonArray *pa = JSON_NODE_HOLDS_ARRAY (pn) ? json_node_get_array (pn) : NULL;
      AimakGeoPoint p;

      if (pa == NULL || json_array_get_length (pa) < 2)
        {
          g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                       _("District %s has a point that is not a coordinate pair"), f->code);
          return FALSE;
        }
      if (!is_number (json_array_get_element (pa, 0)) ||
          !is_number (json_array_get_element (pa, 1)))
        p.x = p.y = NAN;
      else
        {
          p.x = json_array_get_double_element (pa, 0);
          p.y = json_array_get_double_element (pa, 1);
        }
      if (!isfinite (p.x) || !isfinite (p.y))
        {
          g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                       _("District %s has a coordinate that is not a number"), f->code);
          return FALSE;
        }
      g_array_append_val (f->points, p);
      f->min_x = MIN (f->min_x, p.x);
      f->min_y = MIN (f->min_y, p.y);
      f->max_x = MAX (f->max_x, p.x);
      f->max_y = MAX (f->max_y, p.y);
    }
  g_array_append_val (f->ring_starts, start);
  return TRUE;
}

static guint
ring_end (const AimakGeoFeature *f,
          guint                  ring)
{
  return ring + 1 < f->ring_starts->len ? g_array_index (f->ring_starts, guint, ring + 1)
                                        : f->points->len;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Crossings of the horizontal line at @y with every edge of @f, sorted. With
 * the even-odd rule, consecutive pairs of crossings bound the inside. */
static GArray *
crossings (const AimakGeoFeature *f,
           double                 y)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < f->ring_starts->len; r++)
    {
      guint s = g_array_index (f->ring_starts, guint, r), e = ring_end (f, r);

      for (guint i = s; i < e; i++)
        {
          const AimakGeoPoint *a = &g_array_index (f->points, AimakGeoPoint, i);
          const AimakGeoPoint *b = &g_array_index (f->points, AimakGeoPoint,
                                                   i + 1 < e ? i + 1 : s);

          if ((a->y > y) != (b->y > y))
            {
              double x = a->x + (y - a->y) * (b->x - a->x) / (b->y - a->y);
              g_array_append_val (xs, x);
            }
        }
    }
  g_array_sort (xs, compare_double);
  return xs;
}

/* A label point: the middle of the widest inside span on a few horizontal
 * lines through the feature; centroids fall outside concave districts. */
static void
find_label_point (AimakGeoFeature *f)
{
  double best = -1;

  f->center_x = (f->min_x + f->max_x) / 2;
  f->center_y = (f->min_y + f->max_y) / 2;
  for (int k = 1; k < 8; k++)
    {
      double y = f->min_y + (f->max_y - f->min_y) * k / 8.0;
      g_autoptr(GArray) xs = crossings (f, y);
      /* Lines near the middle win ties, so labels sit centrally. */
      double weight = 1.0 - abs (k - 4) / 8.0;

      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double w = (g_array_index (xs, double, i + 1) - g_array_index (xs, double, i)) * weight;

          if (w > best)
            {
              best = w;
              f->center_x = (g_array_index (xs, double, i) + g_array_index (xs, double, i + 1)) / 2;
              f->center_y = y;
            }
        }
    }
}

static gboolean
add_polygon (AimakGeoFeature *f,
             JsonArray       *polygon,
             GError         **error)
{
  for (guint i = 0; i < json_array_get_length (polygon); i++)
    {
      JsonNode *rn = json_array_get_element (polygon, i);

      if (!JSON_NODE_HOLDS_ARRAY (rn) || !add_ring (f, json_node_get_array (rn), error))
        {
          if (error && *error == NULL)
            g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                         _("District %s has a ring that is not a list of points"), f->code);
          return FALSE;
        }
    }
  return TRUE;
}

static AimakGeoFeature *
parse_feature (JsonObject *feature,
               GError    **error)
{
  JsonObject *props = object_member (feature, "properties");
  JsonObject *geometry = object_member (feature, "geometry");
  g_autofree char *code = NULL;
  AimakGeoFeature *f;
  g_autofree char *type_owned = NULL;
  const char *type;
  JsonArray *coords;
  gboolean ok = TRUE;

  if (props == NULL || geometry == NULL)
    {
      g_set_error_literal (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                           _("A map feature has no properties or no geometry"));
      return NULL;
    }
  code = dup_member (props, "ADM2_PCODE");
  if (*code == '\0')
    {
      g_set_error_literal (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                           _("A map feature has no ADM2_PCODE"));
      return NULL;
    }
  type_owned = dup_member (geometry, "type");
  type = type_owned;
  coords = array_member (geometry, "coordinates");
  if (coords == NULL || (strcmp (type, "Polygon") != 0 && strcmp (type, "MultiPolygon") != 0))
    {
      g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                   _("District %s is not a polygon"), code);
      return NULL;
    }

  f = g_new0 (AimakGeoFeature, 1);
  f->code = g_steal_pointer (&code);
  f->parent_code = dup_member (props, "ADM1_PCODE");
  f->name_en = dup_member (props, "ADM2_EN");
  f->name_ru = dup_member (props, "ADM2_RU");
  f->name_ky = dup_member (props, "ADM2_KY");
  f->points = g_array_new (FALSE, FALSE, sizeof (AimakGeoPoint));
  f->ring_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  f->min_x = f->min_y = INFINITY;
  f->max_x = f->max_y = -INFINITY;

  if (strcmp (type, "Polygon") == 0)
    ok = add_polygon (f, coords, error);
  else
    for (guint i = 0; ok && i < json_array_get_length (coords); i++)
      {
        JsonNode *pn = json_array_get_element (coords, i);

        if (!JSON_NODE_HOLDS_ARRAY (pn))
          {
            g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                         _("District %s has a polygon that is not a list of rings"), f->code);
            ok = FALSE;
          }
        else
          ok = add_polygon (f, json_node_get_array (pn), error);
      }
  if (ok && f->ring_starts->len == 0)
    {
      g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                   _("District %s has no polygon"), f->code);
      ok = FALSE;
    }
  if (!ok)
    {
      feature_free (f);
      return NULL;
    }
  find_label_point (f);
  return f;
}

AimakGeo *
aimak_geo_load_bytes (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AimakGeo) geo = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *obj;
  JsonArray *features;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_PARSE,
                   _("The map is not valid GeoJSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  obj = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  features = array_member (obj, "features");
  if (features == NULL)
    {
      g_set_error_literal (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                           _("The map has no list of features"));
      return NULL;
    }

  geo = g_new0 (AimakGeo, 1);
  g_atomic_ref_count_init (&geo->ref_count);
  geo->features = g_ptr_array_new_with_free_func ((GDestroyNotify) feature_free);
  geo->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  geo->min_x = geo->min_y = INFINITY;
  geo->max_x = geo->max_y = -INFINITY;
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonNode *fn = json_array_get_element (features, i);
      AimakGeoFeature *f;

      if (!JSON_NODE_HOLDS_OBJECT (fn))
        {
          g_set_error_literal (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                               _("A map feature is not an object"));
          return NULL;
        }
      if ((f = parse_feature (json_node_get_object (fn), error)) == NULL)
        return NULL;
      if (g_hash_table_contains (geo->by_code, f->code))
        {
          g_set_error (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                       _("District %s appears twice in the map"), f->code);
          feature_free (f);
          return NULL;
        }
      g_ptr_array_add (geo->features, f);
      g_hash_table_insert (geo->by_code, f->code, f);
      geo->min_x = MIN (geo->min_x, f->min_x);
      geo->min_y = MIN (geo->min_y, f->min_y);
      geo->max_x = MAX (geo->max_x, f->max_x);
      geo->max_y = MAX (geo->max_y, f->max_y);
    }
  if (geo->features->len == 0)
    {
      g_set_error_literal (error, AIMAK_GEO_ERROR, AIMAK_GEO_ERROR_INVALID,
                           _("The map has no districts"));
      return NULL;
    }
  return g_steal_pointer (&geo);
}

AimakGeo *
aimak_geo_get_default (GError **error)
{
  static GMutex lock;
  static AimakGeo *shared;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GBytes) bytes = NULL;

  if (shared == NULL)
    {
      bytes = g_resources_lookup_data (MAP_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      shared = aimak_geo_load_bytes (bytes, error);
      if (shared == NULL)
        return NULL;
    }
  return aimak_geo_ref (shared);
}

AimakGeo *
aimak_geo_ref (AimakGeo *geo)
{
  g_return_val_if_fail (geo != NULL, NULL);
  g_atomic_ref_count_inc (&geo->ref_count);
  return geo;
}

void
aimak_geo_unref (AimakGeo *geo)
{
  g_return_if_fail (geo != NULL);
  if (!g_atomic_ref_count_dec (&geo->ref_count))
    return;
  g_clear_pointer (&geo->by_code, g_hash_table_unref);
  g_clear_pointer (&geo->features, g_ptr_array_unref);
  g_free (geo);
}

guint
aimak_geo_get_n_features (AimakGeo *geo)
{
  return geo->features->len;
}

const AimakGeoFeature *
aimak_geo_get_feature (AimakGeo *geo,
                       guint     index)
{
  g_return_val_if_fail (index < geo->features->len, NULL);
  return g_ptr_array_index (geo->features, index);
}

const AimakGeoFeature *
aimak_geo_lookup (AimakGeo   *geo,
                  const char *code)
{
  return code ? g_hash_table_lookup (geo->by_code, code) : NULL;
}

void
aimak_geo_get_bounds (AimakGeo *geo,
                      double   *min_x,
                      double   *min_y,
                      double   *max_x,
                      double   *max_y)
{
  if (min_x) *min_x = geo->min_x;
  if (min_y) *min_y = geo->min_y;
  if (max_x) *max_x = geo->max_x;
  if (max_y) *max_y = geo->max_y;
}

double
aimak_geo_x_scale (AimakGeo *geo)
{
  return cos ((geo->min_y + geo->max_y) / 2 * G_PI / 180.0);
}

gboolean
aimak_geo_feature_contains (const AimakGeoFeature *f,
                            double                 lon,
                            double                 lat)
{
  gboolean inside = FALSE;

  if (lon < f->min_x || lon > f->max_x || lat < f->min_y || lat > f->max_y)
    return FALSE;
  for (guint r = 0; r < f->ring_starts->len; r++)
    {
      guint s = g_array_index (f->ring_starts, guint, r), e = ring_end (f, r);

      for (guint i = s, j = e - 1; i < e; j = i++)
        {
          const AimakGeoPoint *a = &g_array_index (f->points, AimakGeoPoint, i);
          const AimakGeoPoint *b = &g_array_index (f->points, AimakGeoPoint, j);

          if ((a->y > lat) != (b->y > lat) &&
              lon < (b->x - a->x) * (lat - a->y) / (b->y - a->y) + a->x)
            inside = !inside;
        }
    }
  return inside;
}

const AimakGeoFeature *
aimak_geo_hit (AimakGeo *geo,
               double    lon,
               double    lat)
{
  for (guint i = 0; i < geo->features->len; i++)
    {
      const AimakGeoFeature *f = g_ptr_array_index (geo->features, i);

      if (aimak_geo_feature_contains (f, lon, lat))
        return f;
    }
  return NULL;
}

const char *
aimak_geo_feature_name (const AimakGeoFeature *feature,
                        const char            *lang)
{
  return aimak_lang_pick (lang, feature->name_en, feature->name_ru, feature->name_ky);
}
