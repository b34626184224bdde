/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-export.c — the Excel workbook for ministries (DESIGN.md "Excel workbook").
 *
 * How it is written, and why:
 * - The database is read in one read transaction with one query per sheet (the
 *   priorities query feeds the Priorities and the Alignment sheets together), so a
 *   workbook is a consistent snapshot and 100,000 priorities need one pass.
 * - Rows are written strictly in order, so the same code runs in libxlsxwriter's
 *   constant_memory mode, which large workbooks need to stay within a flat memory
 *   budget. That mode cannot write Excel table objects; the priorities then carry a
 *   plain autofilter (said on the cover). Small workbooks get the real table.
 * - Figures that Excel recomputes (totals, SUMIFS, shares) are formulas with the
 *   value Aimak computed cached beside them, so viewers that do not recalculate show
 *   the same numbers as the Summary view.
 * - The file goes to a temporary name in the target folder and is renamed over the
 *   target only after libxlsxwriter closed it without error.
 * - libxlsxwriter formats numbers with snprintf, which follows LC_NUMERIC: the export
 *   switches this thread to the C numeric locale, or a Russian desktop would write
 *   "3,5" into the XML and break the file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-area.h"
#include "aimak-export-private.h"
#include "aimak-file-safety.h"
#include "aimak-lang.h"
#include "aimak-save-error.h"

G_DEFINE_QUARK (aimak-export-error-quark, aimak_export_error)

/* About 100 bytes per cell in libxlsxwriter's normal mode: 400,000 cells stay well
 * under 100 MB, and any real programme (tens of priorities per ayil aimak) fits. */
static guint64 memory_limit = 400000;

static gboolean
add_work (AimakStmt  *st,
          gpointer    user_data,
          GError    **error)
{
  Export *x = user_data;
  gint64 n_pri = aimak_stmt_int64 (st, 0);
  gint64 n_ind = aimak_stmt_int64 (st, 1);
  gint64 n_act = aimak_stmt_int64 (st, 2);
  gint64 n_val = aimak_stmt_int64 (st, 3);
  guint64 cells = (guint64) n_pri * (x->playout.n_fixed + 8) + (guint64) n_ind * 14 +
                  (guint64) n_act * (12 + 2 * x->codes.roles.list->len) + (guint64) n_val * 3;

  x->work_total = (guint64) (n_pri + n_ind + n_act) + (guint64) n_val / 3 + 1;
  x->constant_memory = cells > memory_limit;
  return TRUE;
}

/* How many rows the sheets will have (for the progress bar) and whether the workbook
 * is large enough for constant_memory mode. */
static gboolean
count_work (Export *x)
{
  return aimak_db_foreach (x->db, &x->error, add_work, x,
                           "SELECT "
                           " (SELECT count(*) FROM priority p WHERE p.deleted_at IS NULL AND "
                           IN_SCOPE ("p.area_code") "),"
                           " (SELECT count(*) FROM priority_indicator pi JOIN priority p ON "
                           "  p.id = pi.priority_id WHERE p.deleted_at IS NULL AND "
                           IN_SCOPE ("p.area_code") "),"
                           " (SELECT count(*) FROM activity a WHERE a.deleted_at IS NULL AND "
                           IN_SCOPE ("a.area_code") "),"
                           " (SELECT count(*) FROM indicator_value v WHERE "
                           "v.deleted_at IS NULL AND " IN_SCOPE ("v.area_code") ")",
                           "t", x->scope_json);
}

/* ------------------------------------------------------------- the file */

/* Refuses what cannot be replaced before any work is done: the database itself,
 * a backup, a file that is not a workbook, a folder, a read-only file, a missing
 * folder, and an existing workbook unless the caller asked to replace it. */
static gboolean
check_target (AimakDb     *db,
              const char  *path,
              gboolean     replace,
              char       **dir_out,
              GError     **error)
{
  return aimak_file_check_workbook_target (path, db ? aimak_db_get_path (db) : NULL, replace,
                                           dir_out, error);
}

/* The workbook's codes for a failed save (aimak-save-error.h). */
static const AimakSaveErrors save_errors = {
  aimak_export_error_quark, AIMAK_EXPORT_ERROR_NO_SPACE, AIMAK_EXPORT_ERROR_PATH,
  AIMAK_EXPORT_ERROR_WRITE
};

static gboolean
sync_file (const char  *tmp,
           const char  *dir,
           const char  *path,
           GError     **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    {
      aimak_save_set_errno_error (error, &save_errors, errno, dir, path);
      return FALSE;
    }
  /* The data must be on disk before the rename makes it the file people open. */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved = errno;
      close (fd);
      aimak_save_set_errno_error (error, &save_errors, saved, dir, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
write_workbook (Export     *x,
                const char *tmp,
                const char *dir)
{
  lxw_workbook_options options = {
    .constant_memory = x->constant_memory ? LXW_TRUE : LXW_FALSE,
    /* libxlsxwriter's own scratch files go beside the target, not to a /tmp that may
     * be in memory: a large export must not eat RAM through tmpfs. */
    .tmpdir = (char *) dir,
  };
  g_autofree char *title = g_strdup (aimak_export_string (x->lang, AIMAK_XS_TITLE_COVER));
  g_autofree char *comments = g_strdup_printf ("Aimak %s", PACKAGE_VERSION);
  lxw_doc_properties properties = {
    .title = title,
    .subject = x->scope_label,
    .author = (char *) "Aimak",
    .company = (char *) "Aimak",
    .comments = comments,
    .keywords = (char *) "migration, gender, development priorities",
    .created = (time_t) g_date_time_to_unix (x->now),
  };

  aimak_file_quiet_stderr_begin ();
  x->wb = workbook_new_opt (tmp, &options);
  aimak_file_quiet_stderr_end ();
  if (x->wb == NULL)
    return set_null_error (x, "workbook");
  TRY (check (x, workbook_set_properties (x->wb, &properties), "properties"));
  TRY (create_formats (x));
  TRY (add_sheets (x));
  x->footer = build_footer (x);
  TRY (write_profile (x));
  TRY (write_priorities (x));
  TRY (write_indicators (x));
  TRY (write_capacity (x));
  TRY (write_budget (x));
  if (x->consolidated)
    {
      TRY (write_areas (x));
      TRY (write_received (x));
    }
  TRY (write_cover (x));
  return !g_cancellable_set_error_if_cancelled (x->cancellable, &x->error);
}

static gboolean
check_options (const AimakExportOptions  *opts,
               const char                *lang,
               GError                   **error)
{
  if (!aimak_lang_is_valid (lang))
    {
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID,
                   _("Unknown workbook language “%s”: use en, ru or ky."), lang);
      return FALSE;
    }
  if (opts->threshold < 0)
    {
      g_set_error (error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_INVALID,
                   _("The small-count threshold must be a positive number, not %d."),
                   opts->threshold);
      return FALSE;
    }
  return TRUE;
}

/* Where the workbook goes: the target, its folder and the temporary file. */
typedef struct
{
  Export     *x;
  const char *path;
  const char *dir;
  char       *tmp;
} Target;

/* Everything that reads the database, inside one read transaction: every sheet sees
 * the same state of the database. */
static gboolean
read_and_write (AimakDb   *db,
                gpointer   user_data,
                GError   **error)
{
  Target *t = user_data;
  Export *x = t->x;
  gint64 saved_cache;
  gboolean ok;

  /* SQLite's default 2 MB page cache makes the one pass over 100,000 priorities
   * re-read the same pages from the kernel many times; 64 MB holds that working
   * set. The cache is sized to the data: never more than the file itself. */
  saved_cache = aimak_db_query_int (db, -2000, NULL, "PRAGMA cache_size", NULL);
  {
    gint64 kib = aimak_db_query_int (db, 0, NULL, "SELECT page_count * page_size / 1024 "
                                     "FROM pragma_page_count, pragma_page_size", NULL);
    g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%" G_GINT64_FORMAT,
                                               CLAMP (kib, 2000, 65536));

    aimak_db_exec_script (db, pragma, NULL);
  }
  report (x, 0);
  /* The temporary file proves the folder writable before the sheets are written, and
   * is where libxlsxwriter writes. */
  ok = load_lists (x) && resolve_scope (x) && load_desks (x) && count_work (x) &&
       load_links (x) &&
       (t->tmp = aimak_save_create_temp (t->dir, t->path, &save_errors,
                                         &x->error)) != NULL &&
       write_workbook (x, t->tmp, t->dir);
  if (saved_cache != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                 saved_cache);
      aimak_db_exec_script (db, pragma, NULL);
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&x->error));
  return ok;
}

/* Closes the workbook (libxlsxwriter zips it only now), makes sure it is on disk and
 * reads back, and renames it over the target. */
static gboolean
close_and_rename (Target   *t,
                  AimakDb  *db,
                  gboolean  replace)
{
  Export *x = t->x;
  g_autofree char *shown = g_filename_display_name (t->path);
  g_autofree char *ignored = NULL;
  g_autoptr(GError) bad = NULL;
  lxw_error err;
  int saved_errno;

  /* libxlsxwriter says what failed on stderr in English; the message below says it
   * in the user's language. */
  aimak_file_quiet_stderr_begin ();
  errno = 0;
  err = workbook_close (x->wb);
  saved_errno = errno;
  aimak_file_quiet_stderr_end ();
  x->wb = NULL;
  if (err != LXW_NO_ERROR)
    {
      /* The system's reason (disk full, file too large, permission) says more
       * than libxlsxwriter's "Zip generic error". */
      if (saved_errno != 0)
        aimak_save_set_errno_error (&x->error, &save_errors, saved_errno, t->dir, t->path);
      else
        g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                     _("Could not write the workbook “%s”: %s"), shown, lxw_strerror (err));
      return FALSE;
    }
  if (!sync_file (t->tmp, t->dir, t->path, &x->error))
    return FALSE;
  /* libxlsxwriter does not notice when its scratch files are cut short (a file
   * size limit, a full disk) and zips what it got: read the result back. */
  if (!aimak_file_verify_workbook (t->tmp, &bad))
    {
      g_set_error (&x->error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook “%s”: the written file does not read "
                     "back correctly (%s). The disk may be full or a file size limit "
                     "reached. Nothing was saved."), shown, bad->message);
      return FALSE;
    }
  /* Checked again: the target may have become a folder or read-only meanwhile. */
  if (!check_target (db, t->path, replace, &ignored, &x->error) ||
      g_cancellable_set_error_if_cancelled (x->cancellable, &x->error))
    return FALSE;
  if (g_rename (t->tmp, t->path) != 0)
    {
      aimak_save_set_errno_error (&x->error, &save_errors, errno, t->dir, t->path);
      return FALSE;
    }
  g_clear_pointer (&t->tmp, g_free);
  return TRUE;
}

/* libxlsxwriter formats numbers with snprintf, which follows LC_NUMERIC: this thread
 * writes with the C numeric locale while the export runs. */
static gboolean
export_in_c_locale (Export                   *x,
                    const AimakExportOptions *opts,
                    Target                   *t)
{
  locale_t c_numeric, previous_locale = (locale_t) 0;
  gboolean ok;

  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  if (c_numeric != (locale_t) 0)
    previous_locale = uselocale (c_numeric);
  ok = aimak_db_run_in_read_transaction (x->db, read_and_write, t, &x->error);
  if (ok)
    {
      report (x, 0.9);
      ok = close_and_rename (t, x->db, opts->replace);
    }
  if (c_numeric != (locale_t) 0)
    {
      uselocale (previous_locale);
      freelocale (c_numeric);
    }
  return ok;
}

gboolean
aimak_export_workbook_full (AimakDb                   *db,
                            const AimakExportOptions  *opts,
                            const char                *path,
                            GCancellable              *cancellable,
                            AimakExportProgress        progress,
                            gpointer                   progress_data,
                            AimakExportStats          *stats,
                            GError                   **error)
{
  Export x = { 0 };
  g_autofree char *dir = NULL;
  Target t = { &x, path, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  x.db = db;
  x.lang = opts->lang ? opts->lang : "en";
  x.scope = &opts->scope;
  x.suppress_small = opts->suppress_small;
  x.threshold = opts->threshold > 0 ? opts->threshold : AIMAK_EXPORT_DEFAULT_THRESHOLD;
  x.cancellable = cancellable;
  x.progress = progress;
  x.progress_data = progress_data;
  if (!check_options (opts, x.lang, error) ||
      !check_target (db, path, opts->replace, &dir, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  t.dir = dir;
  x.now = g_date_time_new_now_local ();
  x.sources = g_ptr_array_new ();
  x.source_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.hidden = g_ptr_array_new_with_free_func (noted_free);
  x.cut = g_ptr_array_new_with_free_func (noted_free);
  ok = export_in_c_locale (&x, opts, &t);
  if (x.wb)
    lxw_workbook_free (x.wb);   /* abandons the workbook without writing it */
  if (t.tmp)
    g_unlink (t.tmp);
  g_free (t.tmp);
  if (ok)
    {
      x.stats.constant_memory = x.constant_memory;
      if (stats)
        *stats = x.stats;
      report (&x, 1.0);
    }
  export_clear (&x);
  if (!ok)
    {
      if (x.error == NULL)
        g_set_error_literal (&x.error, AIMAK_EXPORT_ERROR, AIMAK_EXPORT_ERROR_WRITE,
                             _("The workbook could not be written."));
      g_propagate_error (error, x.error);
    }
  return ok;
}

gboolean
aimak_export_workbook (AimakDb                   *db,
                       const AimakExportOptions  *opts,
                       const char                *path,
                       GCancellable              *cancellable,
                       AimakExportProgress        progress,
                       gpointer                   progress_data,
                       GError                   **error)
{
  return aimak_export_workbook_full (db, opts, path, cancellable, progress, progress_data,
                                     NULL, error);
}

char *
aimak_export_default_filename (AimakDb          *db,
                               const AimakScope *scope,
                               GDateTime        *date)
{
  g_autoptr(GDateTime) now = date ? g_date_time_ref (date) : g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *label = NULL;
  GString *safe = g_string_new (NULL);

  g_return_val_if_fail (scope != NULL, NULL);

  if (scope->kind == AIMAK_SCOPE_AREA && scope->area_code)
    {
      g_autoptr(AimakArea) area = db ? aimak_area_get (db, scope->area_code, NULL) : NULL;
      label = g_strdup (area ? aimak_area_name (area, "en") : scope->area_code);
    }
  else
    label = g_strdup (scope->kind == AIMAK_SCOPE_PILOTS ? "pilot areas" : "all areas");

  /* Letters and digits stay, anything else becomes one "-": safe on every file system
   * and in an e-mail attachment. */
  for (const char *p = label; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (safe, c);
      else if (safe->len && safe->str[safe->len - 1] != '-')
        g_string_append_c (safe, '-');
    }
  while (safe->len && safe->str[safe->len - 1] == '-')
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_append (safe, "area");
  g_string_prepend (safe, "Aimak-");
  g_string_append_printf (safe, "-%s.xlsx", day);
  return g_string_free (safe, FALSE);
}

guint64
aimak_export_set_memory_limit (guint64 n_cells)
{
  guint64 previous = memory_limit;

  memory_limit = n_cells;
  return previous;
}
