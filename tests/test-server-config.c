/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-config.c — the office server's settings without a server
 * (aimak-server.h, aimak-sync.h): URLs in and out (never a password out),
 * checks with their error code, the settings stored in the database, the
 * changes waiting, and a connection test that cannot reach anything. The
 * sync itself runs against a real PostgreSQL in test-server.py. */
#include "config.h"

#include <string.h>

#include "aimak-core.h"
#include "aimak-test-util.h"

static void
test_url_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *url = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://jeti%5Foguz:s3cr%40t@db.example.kg:6543/"
                                  "aimak?sslmode=verify-ca&sslrootcert=/etc/ca.pem",
                                  &password, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (c->host, ==, "db.example.kg");
  g_assert_cmpuint (c->port, ==, 6543);
  g_assert_cmpstr (c->user, ==, "jeti_oguz");
  g_assert_cmpstr (c->dbname, ==, "aimak");
  g_assert_cmpstr (c->sslmode, ==, "verify-ca");
  g_assert_cmpstr (c->sslrootcert, ==, "/etc/ca.pem");
  g_assert_cmpstr (password, ==, "s3cr@t");
  url = aimak_server_config_to_url (c);
  g_assert_null (strstr (url, "s3cr"));
  g_assert_cmpstr (url, ==, "postgresql://jeti_oguz@db.example.kg:6543/aimak?sslmode=verify-ca"
                            "&sslrootcert=/etc/ca.pem");
}

static void
test_url_socket_and_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgres://desk@/aimak?host=/run/pg&port=5999", NULL, &error);
  g_autoptr(AimakServerConfig) d = aimak_server_config_from_url ("postgresql://h/db", NULL,
                                                                 &error);
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (c->host, ==, "/run/pg");
  g_assert_cmpuint (c->port, ==, 5999);
  g_assert_cmpstr (c->sslmode, ==, "verify-full");
  url = aimak_server_config_to_url (c);
  g_assert_cmpstr (url, ==, "postgresql://desk@/aimak?sslmode=verify-full&host=/run/pg&port=5999");
  g_assert_cmpuint (d->port, ==, AIMAK_SERVER_DEFAULT_PORT);
  g_assert_cmpstr (d->sslmode, ==, AIMAK_SERVER_DEFAULT_SSLMODE);
}

static void
test_bad_settings (void)
{
  const char *bad_urls[] = { "mysql://a@b/c", "postgresql://a@b:99999/c", "not a url",
                             "postgresql://a@b/c?colour=red" };
  g_autoptr(AimakServerConfig) c = aimak_server_config_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(AimakServerConfig) r = aimak_server_config_from_url (bad_urls[i], NULL, &error);

      g_assert_null (r);
      g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG);
      g_clear_error (&error);
    }
  g_assert_false (aimak_server_config_validate (c, &error));
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG);
  g_clear_error (&error);
  c->host = g_strdup ("h");
  c->dbname = g_strdup ("d");
  c->user = g_strdup ("u");
  g_assert_true (aimak_server_config_validate (c, NULL));
  g_free (c->sslmode);
  c->sslmode = g_strdup ("maybe");
  g_assert_false (aimak_server_config_validate (c, &error));
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG);
  g_clear_error (&error);
  g_free (c->sslmode);
  c->sslmode = g_strdup ("require");
  g_strfreev (c->areas);
  c->areas = g_strsplit ("KG02205000000,x'; DROP", ",", -1);
  g_assert_false (aimak_server_config_validate (c, &error));
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_CONFIG);
}

static void
test_stored (AimakTestDb   *tdb,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) empty = aimak_server_config_load (tdb->db, &error);
  g_autoptr(AimakServerConfig) c = aimak_server_config_from_url (
    "postgresql://desk_a@server.kg/aimak", NULL, &error);
  g_autoptr(AimakServerConfig) back = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (empty);
  g_assert_null (empty->host);
  g_assert_false (aimak_server_is_configured (tdb->db));
  g_assert_cmpint (aimak_sync_pending_count (tdb->db, NULL), ==, 0);
  g_strfreev (c->areas);
  c->areas = g_strsplit ("KG02205000000", ",", -1);
  g_assert_true (aimak_server_config_save (tdb->db, c, &error));
  g_assert_no_error (error);
  back = aimak_server_config_load (tdb->db, &error);
  g_assert_cmpstr (back->host, ==, "server.kg");
  g_assert_cmpstr (back->user, ==, "desk_a");
  g_assert_cmpstr (back->sslmode, ==, "verify-full");
  g_assert_cmpstrv (back->areas, ((const char *[]) { "KG02205000000", NULL }));
  g_assert_true (aimak_server_is_configured (tdb->db));
  /* Two new priorities of the area wait; one of another area does not count. */
  g_assert_true (aimak_db_exec (tdb->db, &error,
                                "INSERT INTO priority (id, area_code, rank, created_at, "
                                "updated_at) VALUES ('p1', 'KG02205000000', 1, 'x', 'x'), "
                                "('p2', 'KG02205000000', 2, 'x', 'x'), "
                                "('p3', 'KG02210000000', 1, 'x', 'x')", NULL));
  g_assert_cmpint (aimak_sync_pending_count (tdb->db, &error), ==, 2);
  last = aimak_sync_last_synced (tdb->db);
  g_assert_null (last);
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://desk@127.0.0.1:1/aimak?sslmode=disable", NULL,
                                  &error);

  g_assert_false (aimak_server_test_connection (c, "pw", NULL, NULL, &error));
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_UNREACHABLE);
  g_assert_null (strstr (error->message, "pw"));
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (aimak_server_test_connection_finish (result, NULL, error));
}

static void
test_unreachable_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://desk@127.0.0.1:1/aimak?sslmode=disable", NULL,
                                  &error);

  aimak_server_test_connection_async (c, "pw", NULL, on_tested, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_UNREACHABLE);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (aimak_sync_run_finish (result, NULL, error));
}

/* The background sync opens its own connection to the database and reports
 * an unreachable server as such; nothing waits less than before. */
static void
test_sync_async_offline (AimakTestDb   *tdb,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimakServerConfig) c =
    aimak_server_config_from_url ("postgresql://desk@127.0.0.1:1/aimak?sslmode=disable", NULL,
                                  &error);

  g_assert_true (aimak_db_exec (tdb->db, &error,
                                "INSERT INTO priority (id, area_code, rank, created_at, "
                                "updated_at) VALUES ('p1', 'KG02205000000', 1, 'x', 'x')", NULL));
  g_strfreev (c->areas);
  c->areas = g_strsplit ("KG02205000000", ",", -1);
  g_assert_true (aimak_server_config_save (tdb->db, c, &error));
  aimak_sync_run_async (tdb->db, c, "pw", FALSE, NULL, on_synced, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, AIMAK_SERVER_ERROR, AIMAK_SERVER_ERROR_UNREACHABLE);
  g_assert_cmpint (aimak_sync_pending_count (tdb->db, NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/url-round-trip", test_url_round_trip);
  g_test_add_func ("/server/url-socket-and-defaults", test_url_socket_and_defaults);
  g_test_add_func ("/server/bad-settings", test_bad_settings);
  g_test_add ("/server/stored", AimakTestDb, NULL, aimak_test_db_set_up, test_stored,
              aimak_test_db_tear_down);
  g_test_add_func ("/server/unreachable", test_unreachable);
  g_test_add_func ("/server/unreachable-async", test_unreachable_async);
  g_test_add ("/server/sync-async-offline", AimakTestDb, NULL, aimak_test_db_set_up,
              test_sync_async_offline, aimak_test_db_tear_down);
  return g_test_run ();
}
