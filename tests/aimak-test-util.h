/* aimak-test-util.h — helpers shared by the test programs. */
#pragma once

#include "aimak-core.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its contents by aimak_test_rmdir(). */
char     *aimak_test_tmpdir      (void);
void      aimak_test_rmdir       (const char *path);
/* Opens (creating) a database in @dir; aborts the test on error. */
AimakDb  *aimak_test_open_db     (const char *dir);
char     *aimak_test_file_digest (const char *path);
/* Copies the shipped reference data (from the resource) into @dir. */
void      aimak_test_copy_reference (const char *dir);

G_END_DECLS

G_BEGIN_DECLS
/* SQL that takes a current database back to schema 3 (before record identity,
 * migration 0004), for tests that make "old" databases. Ends with user_version 3. */
extern const char aimak_test_undo_identity_sql[];
G_END_DECLS
