/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-test-util.c — helpers shared by the test programs. */
#include "config.h"

#include <glib/gstdio.h>

#include "aimak-test-util.h"

char *
aimak_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("aimak-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
aimak_test_rmdir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        aimak_test_rmdir (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_dir_close (dir);
  g_chmod (path, 0700);
  g_rmdir (path);
}

AimakDb *
aimak_test_open_db (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "aimak.db", NULL);
  g_autoptr(GError) error = NULL;
  AimakDb *db = aimak_db_open (path, AIMAK_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  aimak_db_set_language (db, "en");
  return db;
}

AimakDb *
aimak_test_open_db_in (const char *dir,
                       const char *name)
{
  g_autofree char *sub = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  return aimak_test_open_db (sub);
}

void
aimak_test_desks_set_up (AimakTestDesks *desks,
                         guint           n_priorities,
                         guint           n_activities)
{
  g_autoptr(GError) error = NULL;

  desks->dir = aimak_test_tmpdir ();
  desks->okmotu = aimak_test_open_db_in (desks->dir, "okmotu");
  desks->rayon = aimak_test_open_db_in (desks->dir, "rayon");
  desks->package = g_build_filename (desks->dir, "jeti-oguz.aimak", NULL);
  g_assert_true (aimak_demo_create (desks->okmotu, n_priorities, n_activities, 3, &error));
  g_assert_no_error (error);
}

void
aimak_test_desks_tear_down (AimakTestDesks *desks)
{
  g_clear_pointer (&desks->okmotu, aimak_db_unref);
  g_clear_pointer (&desks->rayon, aimak_db_unref);
  aimak_test_rmdir (desks->dir);
  g_clear_pointer (&desks->dir, g_free);
  g_clear_pointer (&desks->package, g_free);
}

void
aimak_test_db_set_up (AimakTestDb   *fixture,
                      gconstpointer  data)
{
  fixture->dir = aimak_test_tmpdir ();
  fixture->db = aimak_test_open_db (fixture->dir);
}

void
aimak_test_db_tear_down (AimakTestDb   *fixture,
                         gconstpointer  data)
{
  /* Closed first: the folder goes with the database's WAL and lock files. */
  g_clear_pointer (&fixture->db, aimak_db_unref);
  if (fixture->dir != NULL)
    aimak_test_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

AimakTestDb *
aimak_test_db_new (void)
{
  AimakTestDb *fixture = g_new0 (AimakTestDb, 1);

  aimak_test_db_set_up (fixture, NULL);
  return fixture;
}

void
aimak_test_db_free (AimakTestDb *fixture)
{
  if (fixture == NULL)
    return;
  aimak_test_db_tear_down (fixture, NULL);
  g_free (fixture);
}

char *
aimak_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
copy_tree (GFile      *from,
           const char *to)
{
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (from, "standard::name,standard::type",
                                                             0, NULL, NULL);
  GFileInfo *info;

  g_assert_nonnull (en);
  g_mkdir_with_parents (to, 0700);
  while ((info = g_file_enumerator_next_file (en, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (from, g_file_info_get_name (info));
      g_autofree char *target = g_build_filename (to, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (child, target);
      else
        {
          g_autoptr(GFile) dest = g_file_new_for_path (target);
          g_autoptr(GError) error = NULL;
          g_file_copy (child, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      g_object_unref (info);
    }
}

void
aimak_test_copy_reference (const char *dir)
{
  g_autoptr(GFile) ref = aimak_reference_default_dir ();

  copy_tree (ref, dir);
}

const char aimak_test_undo_identity_sql[] =
  /* schema 5 and later first, newest first */
  "DROP INDEX priority_sdg_code; DROP INDEX priority_gcm_code; DROP INDEX priority_summary; "
  "DROP INDEX area_change_uuid; "
  "DROP INDEX indicator_value_changed; DROP TABLE sync_state; DROP TABLE sync_setting; "
  "DROP TABLE area_change; DROP INDEX area_valid_to; "
  "ALTER TABLE area DROP COLUMN valid_from; ALTER TABLE area DROP COLUMN valid_to; "
  "DELETE FROM app_meta WHERE key IN ('area_list_name', 'area_list_date'); "
  "DROP TABLE package_receipt_before; DROP TABLE package_receipt; "
  "DROP TRIGGER priority_identity_ai; DROP TRIGGER priority_revision_au; "
  "DROP TRIGGER activity_identity_ai; DROP TRIGGER activity_revision_au; "
  "DROP TRIGGER indicator_value_identity_ai; DROP TRIGGER indicator_value_revision_au; "
  "DROP INDEX indicator_value_uuid; DROP INDEX priority_changed; DROP INDEX activity_changed; "
  "ALTER TABLE priority DROP COLUMN origin_desk; ALTER TABLE priority DROP COLUMN revision; "
  "ALTER TABLE priority DROP COLUMN base_revision; "
  "ALTER TABLE priority DROP COLUMN changed_by_desk; "
  "ALTER TABLE activity DROP COLUMN origin_desk; ALTER TABLE activity DROP COLUMN revision; "
  "ALTER TABLE activity DROP COLUMN base_revision; "
  "ALTER TABLE activity DROP COLUMN changed_by_desk; "
  "ALTER TABLE indicator_value DROP COLUMN uuid; "
  "ALTER TABLE indicator_value DROP COLUMN origin_desk; "
  "ALTER TABLE indicator_value DROP COLUMN revision; "
  "ALTER TABLE indicator_value DROP COLUMN base_revision; "
  "ALTER TABLE indicator_value DROP COLUMN changed_by_desk; "
  "DROP TABLE desk; PRAGMA user_version = 3;";

guint
aimak_test_dead_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}
