/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-cli.h — shared pieces of the aimak-cli sub-commands. */
#pragma once

#include "aimak-core.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 the command found a problem (bad data, unclean
 * check), 2 bad arguments. */
#define AIMAK_CLI_OK        0
#define AIMAK_CLI_FAILED    1
#define AIMAK_CLI_USAGE     2

typedef int (*AimakCliCommand) (int argc, char **argv);

/* How commands that only read open the database: never created, upgraded or
 * changed in any way (an older schema is refused with the command to upgrade it). */
#define AIMAK_CLI_OPEN_READ (AIMAK_DB_OPEN_READ_ONLY | AIMAK_DB_OPEN_NO_CREATE | \
                             AIMAK_DB_OPEN_CURRENT_SCHEMA)

/* Parses @entries plus --database; prints the error and returns FALSE on bad arguments. */
gboolean  aimak_cli_parse        (const char    *command,
                                  const char    *parameter_string,
                                  const char    *summary,
                                  GOptionEntry  *entries,
                                  int           *argc,
                                  char        ***argv);
/* aimak_cli_parse() for a command that takes options only: an argument left
 * after them is printed as unexpected and FALSE returned. */
gboolean  aimak_cli_parse_options (const char    *command,
                                   const char    *parameter_string,
                                   const char    *summary,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv);
/* TRUE when @lang is NULL or a language Aimak speaks; otherwise prints so. */
gboolean  aimak_cli_lang_ok      (const char    *lang);
/* The --area CODE, --pilots and --all options of a command that works on one
 * scope (summary, export). */
typedef struct
{
  char     *area;
  gboolean  pilots;
  gboolean  all;
} AimakCliScope;

/* The three options, into @entries[0] to @entries[2]. */
void      aimak_cli_scope_options (GOptionEntry  entries[3],
                                   AimakCliScope *scope);
/* TRUE, with the kind of scope in @kind, when exactly one of the options is
 * given; otherwise prints so. */
gboolean  aimak_cli_scope_ok     (const AimakCliScope *scope,
                                  AimakScopeKind      *kind);
void      aimak_cli_scope_clear  (AimakCliScope *scope);
/* Opens the database, or prints why it could not and returns NULL: the one
 * way every command opens it. */
AimakDb  *aimak_cli_open_db      (AimakDbFlags   flags);
/* aimak_cli_open_db (AIMAK_CLI_OPEN_READ) with names in @lang (the interface's
 * language when NULL). */
AimakDb  *aimak_cli_open_db_read (const char    *lang);
/* --database, or the default path. */
char     *aimak_cli_get_database_path (void);
/* Prints "aimak-cli: " and the message, and returns @status: through
 * aimak_cli_fail() (AIMAK_CLI_FAILED) or aimak_cli_usage() (AIMAK_CLI_USAGE,
 * for bad arguments). */
int       aimak_cli_fail_as      (int            status,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (2, 3);
#define   aimak_cli_fail(...)    aimak_cli_fail_as (AIMAK_CLI_FAILED, __VA_ARGS__)
#define   aimak_cli_usage(...)   aimak_cli_fail_as (AIMAK_CLI_USAGE, __VA_ARGS__)
int       aimak_cli_fail_error   (GError        *error);
/* Prints each of @problems (AimakProblem *) as "FILE:LINE: message" of @file,
 * then fails with @message. */
int       aimak_cli_fail_problems (GPtrArray    *problems,
                                   const char   *file,
                                   const char   *message);
/* As aimak_cli_fail_error(), the message naming @file (an absolute path, or NULL)
 * as @file_given and the database, and its folder, as given with --database. */
int       aimak_cli_fail_error_as_given (GError     *error,
                                         const char *file,
                                         const char *file_given);
/* @message with the absolute path @resolved shown as the user gave it (@given). */
char     *aimak_cli_as_given     (const char    *message,
                                  const char    *resolved,
                                  const char    *given);

/* "Exporting…  42 %" on standard error, redrawn in place as the work goes on. */
typedef struct
{
  const char *what;  /* translated, e.g. "Exporting…" */
  int         last;  /* the percent shown; -1 before the first */
} AimakCliProgress;

#define AIMAK_CLI_PROGRESS_INIT(what) { (what), -1 }

/* A progress callback (@fraction from 0 to 1) for an AimakCliProgress. */
void      aimak_cli_progress_show (double        fraction,
                                   gpointer      progress);
/* Ends the progress line, when one was shown. */
void      aimak_cli_progress_end  (AimakCliProgress *progress);

int       aimak_cli_check        (int argc, char **argv);
int       aimak_cli_areas        (int argc, char **argv);
int       aimak_cli_migrate      (int argc, char **argv);
int       aimak_cli_backup       (int argc, char **argv);
int       aimak_cli_restore      (int argc, char **argv);
int       aimak_cli_summary      (int argc, char **argv);
int       aimak_cli_import_indicators (int argc, char **argv);
int       aimak_cli_demo         (int argc, char **argv);
int       aimak_cli_export       (int argc, char **argv);
int       aimak_cli_package      (int argc, char **argv);
int       aimak_cli_receive      (int argc, char **argv);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AimakCliScope, aimak_cli_scope_clear)

G_END_DECLS
