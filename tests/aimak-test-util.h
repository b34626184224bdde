/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-test-util.h — helpers shared by the test programs. */
#pragma once

#include "aimak-core.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its contents by aimak_test_rmdir(). */
char     *aimak_test_tmpdir      (void);
void      aimak_test_rmdir       (const char *path);
/* Opens (creating) a database in @dir; aborts the test on error. */
AimakDb  *aimak_test_open_db     (const char *dir);
/* A new folder @name in @dir, with a database opened in it (one desk of a test). */
AimakDb  *aimak_test_open_db_in  (const char *dir,
                                  const char *name);
char     *aimak_test_file_digest (const char *path);

/* The {dir, db} fixture: a fresh temporary folder with a database opened in it
 * (aimak_test_open_db()). Teardown closes the database, then removes the folder with
 * everything in it.
 *
 * As a g_test_add() fixture:
 *   g_test_add ("/x/y", AimakTestDb, NULL, aimak_test_db_set_up, test_y,
 *               aimak_test_db_tear_down);
 * as the first member ("base") of a test's own fixture, whose set-up and tear-down call
 * these; or inside one test:
 *   g_autoptr(AimakTestDb) tdb = aimak_test_db_new ();  ... tdb->db, tdb->dir ... */
typedef struct
{
  char    *dir;
  AimakDb *db;
} AimakTestDb;

void         aimak_test_db_set_up    (AimakTestDb   *fixture,
                                      gconstpointer  data);
void         aimak_test_db_tear_down (AimakTestDb   *fixture,
                                      gconstpointer  data);
AimakTestDb *aimak_test_db_new       (void);
void         aimak_test_db_free      (AimakTestDb   *fixture);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimakTestDb, aimak_test_db_free)

/* Two desks of an exchange test, each with its own database in its own folder
 * of @dir: an ayil okmotu that sends (@n_priorities and @n_activities demo
 * records, seed 3) and a rayon that receives; @package is a path in @dir. */
typedef struct
{
  char    *dir;
  AimakDb *okmotu;
  AimakDb *rayon;
  char    *package;
} AimakTestDesks;

void         aimak_test_desks_set_up    (AimakTestDesks *desks,
                                         guint           n_priorities,
                                         guint           n_activities);
void         aimak_test_desks_tear_down (AimakTestDesks *desks);

/* Copies the shipped reference data (from the resource) into @dir. */
void      aimak_test_copy_reference (const char *dir);

G_END_DECLS

G_BEGIN_DECLS
/* SQL that takes a current database back to schema 3 (before record identity,
 * migration 0004), for tests that make "old" databases. Ends with user_version 3. */
extern const char aimak_test_undo_identity_sql[];
/* A TCP port on this computer where nothing listens (a socket bound to it and closed). */
guint     aimak_test_dead_port   (void);

G_END_DECLS
