/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-file-safety.c — guards around the files Aimak writes (see the header).
 *
 * The workbook check reads the zip itself (central directory, local headers,
 * zlib for the deflated parts) instead of trusting libxlsxwriter: with a file
 * size limit or a full disk, libxlsxwriter's scratch files are cut short
 * without an error and it zips the truncated XML into a valid-looking file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "aimak-export.h"
#include "aimak-file-safety-private.h"

#define SQLITE_MAGIC "SQLite format 3"

char *
aimak_file_absolute (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  /* g_canonicalize_filename() asks getcwd(), which works in a folder we may
   * neither read nor write; "." and ".." are resolved textually. */
  return g_canonicalize_filename (path, NULL);
}

/* TRUE if @a and @b are the same file (same device and inode: another path, a
 * symbolic or a hard link). FALSE if either is missing. */
gboolean
aimak_file_same (const char *a,
                 const char *b)
{
  GStatBuf sa, sb;

  if (a == NULL || b == NULL || g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* ------------------------------------------------------------------ zip */

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  const guint8 *cd;            /* central directory */
  gsize         cd_size;
  guint         n_entries;
} Zip;

static gboolean
zip_open (Zip          *zip,
          const guint8 *data,
          gsize         size)
{
  gsize floor = size > 65535 + 22 ? size - 65535 - 22 : 0;
  guint32 cd_offset;

  zip->data = data;
  zip->size = size;
  if (size < 22)
    return FALSE;
  /* The end-of-central-directory record is in the last 64 KiB (after a comment). */
  for (gsize i = size - 22 + 1; i-- > floor;)
    {
      const guint8 *e = data + i;

      if (le32 (e) != 0x06054b50)
        continue;
      zip->n_entries = le16 (e + 10);
      zip->cd_size = le32 (e + 12);
      cd_offset = le32 (e + 16);
      if ((guint64) cd_offset + zip->cd_size > i)
        return FALSE;
      zip->cd = data + cd_offset;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  char         *name;
  guint16       method;
  guint32       crc;
  guint32       csize;
  guint32       usize;
  const guint8 *payload;       /* csize bytes */
} ZipEntry;

/* The entry at *@pos of the central directory, which moves on to the next;
 * FALSE if the entry or its local header is damaged or out of the file. */
static gboolean
zip_next (Zip      *zip,
          gsize    *pos,
          ZipEntry *entry)
{
  const guint8 *h = zip->cd + *pos;
  guint16 nlen, xlen, clen;
  guint32 local;
  const guint8 *l;

  if (*pos + 46 > zip->cd_size || le32 (h) != 0x02014b50)
    return FALSE;
  entry->method = le16 (h + 10);
  entry->crc = le32 (h + 16);
  entry->csize = le32 (h + 20);
  entry->usize = le32 (h + 24);
  nlen = le16 (h + 28);
  xlen = le16 (h + 30);
  clen = le16 (h + 32);
  local = le32 (h + 42);
  if (*pos + 46 + nlen + xlen + clen > zip->cd_size)
    return FALSE;
  g_free (entry->name);
  entry->name = g_strndup ((const char *) h + 46, nlen);
  *pos += 46 + nlen + xlen + clen;
  if ((guint64) local + 30 > zip->size)
    return FALSE;
  l = zip->data + local;
  if (le32 (l) != 0x04034b50)
    return FALSE;
  if ((guint64) local + 30 + le16 (l + 26) + le16 (l + 28) + entry->csize > zip->size)
    return FALSE;
  entry->payload = l + 30 + le16 (l + 26) + le16 (l + 28);
  return TRUE;
}

/* The name of the root element from the start of an XML document. */
static char *
xml_root_name (const char *head,
               gsize       len)
{
  const char *p = head, *end = head + len;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *q;

      if (lt == NULL || lt + 1 >= end)
        return NULL;
      if (lt[1] == '?' || lt[1] == '!')
        {
          p = lt + 2;
          continue;
        }
      q = lt + 1;
      while (q < end && !g_ascii_isspace (*q) && *q != '>' && *q != '/')
        q++;
      return q < end ? g_strndup (lt + 1, q - lt - 1) : NULL;
    }
  return NULL;
}

#define HEAD_BYTES 512
#define TAIL_BYTES 128

typedef struct
{
  char   head[HEAD_BYTES];
  gsize  head_len;
  char   tail[TAIL_BYTES];
  gsize  tail_len;
  guint32 crc;
  guint64 size;
} Output;

static void
output_add (Output       *out,
            const guint8 *buf,
            gsize         len)
{
  gsize take;

  out->crc = crc32 (out->crc, buf, len);
  out->size += len;
  if (out->head_len < HEAD_BYTES)
    {
      take = MIN (len, HEAD_BYTES - out->head_len);
      memcpy (out->head + out->head_len, buf, take);
      out->head_len += take;
    }
  if (len >= TAIL_BYTES)
    {
      memcpy (out->tail, buf + len - TAIL_BYTES, TAIL_BYTES);
      out->tail_len = TAIL_BYTES;
    }
  else
    {
      gsize keep = MIN (out->tail_len, TAIL_BYTES - len);

      memmove (out->tail, out->tail + out->tail_len - keep, keep);
      memcpy (out->tail + keep, buf, len);
      out->tail_len = keep + len;
    }
}

static gboolean
inflate_entry (const ZipEntry *entry,
               Output         *out)
{
  z_stream zs = { 0 };
  guint8 buf[64 * 1024];
  int rc;

  out->crc = crc32 (0, Z_NULL, 0);
  if (entry->method == 0)
    {
      output_add (out, entry->payload, entry->csize);
      return TRUE;
    }
  if (entry->method != 8 || inflateInit2 (&zs, -MAX_WBITS) != Z_OK)
    return FALSE;
  zs.next_in = (Bytef *) entry->payload;
  zs.avail_in = entry->csize;
  do
    {
      zs.next_out = buf;
      zs.avail_out = sizeof buf;
      rc = inflate (&zs, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END)
        break;
      output_add (out, buf, sizeof buf - zs.avail_out);
    }
  while (rc != Z_STREAM_END && (zs.avail_in > 0 || zs.avail_out == 0));
  inflateEnd (&zs);
  return rc == Z_STREAM_END;
}

static gboolean
xml_complete (const Output *out)
{
  g_autofree char *root = xml_root_name (out->head, out->head_len);
  g_autofree char *end_tag = NULL;
  gsize n = out->tail_len;

  if (root == NULL)
    return FALSE;
  while (n > 0 && g_ascii_isspace (out->tail[n - 1]))
    n--;
  end_tag = g_strdup_printf ("</%s>", root);
  return n >= strlen (end_tag) &&
         memcmp (out->tail + n - strlen (end_tag), end_tag, strlen (end_tag)) == 0;
}

static gboolean
is_xml_part (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

static gboolean
verify_zip (const guint8  *data,
            gsize          size,
            gboolean       deep,
            GError       **error)
{
  Zip zip = { 0 };
  ZipEntry entry = { 0 };
  gsize pos = 0;
  gboolean has_workbook = FALSE;

  if (!zip_open (&zip, data, size))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("it is not a complete zip file"));
      return FALSE;
    }
  for (guint i = 0; i < zip.n_entries; i++)
    {
      Output out = { 0 };

      if (!zip_next (&zip, &pos, &entry))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("its list of parts is damaged"));
          g_free (entry.name);
          return FALSE;
        }
      if (g_strcmp0 (entry.name, "xl/workbook.xml") == 0)
        has_workbook = TRUE;
      if (!deep)
        continue;
      if (!inflate_entry (&entry, &out) || out.size != entry.usize || out.crc != entry.crc ||
          (is_xml_part (entry.name) && !xml_complete (&out)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("its part “%s” is incomplete"), entry.name);
          g_free (entry.name);
          return FALSE;
        }
    }
  g_free (entry.name);
  if (!has_workbook)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("it has no workbook part (xl/workbook.xml)"));
      return FALSE;
    }
  return TRUE;
}

gboolean
aimak_file_verify_workbook (const char  *path,
                            GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, local_error->message);
      return FALSE;
    }
  return verify_zip ((const guint8 *) g_mapped_file_get_contents (mapped),
                     g_mapped_file_get_length (mapped), TRUE, error);
}

AimakFileKind
aimak_file_sniff (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;
  const guint8 *data;
  gsize size;

  if (g_stat (path, &st) != 0)
    return AIMAK_FILE_KIND_MISSING;
  if (!S_ISREG (st.st_mode) || st.st_size == 0)
    return AIMAK_FILE_KIND_OTHER;
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return AIMAK_FILE_KIND_OTHER;
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  if (size >= sizeof SQLITE_MAGIC && memcmp (data, SQLITE_MAGIC, sizeof SQLITE_MAGIC) == 0)
    return AIMAK_FILE_KIND_SQLITE;
  if (size >= 4 && le32 (data) == 0x04034b50 && verify_zip (data, size, FALSE, NULL))
    return AIMAK_FILE_KIND_WORKBOOK;
  return AIMAK_FILE_KIND_OTHER;
}

/* ------------------------------------------------------- temporary files */

char *
aimak_file_temp_template (const char *dir,
                          const char *base,
                          const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("%s%d-XXXXXX%s", base, (int) getpid (),
                                           suffix ? suffix : "");

  return g_build_filename (dir, name, NULL);
}

char *
aimak_file_create_temp_beside (const char *dir,
                               const char *path,
                               int        *saved_errno)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.aimak-", base);
  g_autofree char *tmp = aimak_file_temp_template (dir, prefix, NULL);
  int fd;

  /* What a killed writer left here goes first. */
  aimak_file_clean_stale_temps (dir);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      *saved_errno = errno;
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* Names Aimak gives its temporary files, now and in earlier versions. Groups
 * 1–3 hold the owner's process id where the name has one; group 4 matches an
 * old workbook name and group 5 an old new-database name, which carry none. */
static GRegex *
stale_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(?:"
                               "\\.aimak-incomplete-(?:(\\d+)-)?[A-Za-z0-9]{6}\\.db"
                               "|\\..+\\.aimak-(\\d+)-[A-Za-z0-9]{6}"
                               "|.+\\.new-(\\d+)-[0-9a-f]{8}"
                               "|\\..+\\.xlsx\\.([A-Za-z0-9]{6})"
                               "|.+\\.new-([0-9a-f]{8})"
                               ")$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

static gboolean
starts_with_zip (const char *path)
{
  char magic[2] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean zip;

  if (f == NULL)
    return FALSE;
  zip = fread (magic, 1, 2, f) == 2 && magic[0] == 'P' && magic[1] == 'K';
  fclose (f);
  return zip;
}

static gboolean
process_gone (const char *pid_text)
{
  gint64 pid;

  if (pid_text == NULL || *pid_text == '\0')
    return FALSE;
  pid = g_ascii_strtoll (pid_text, NULL, 10);
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (pid == getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

guint
aimak_file_clean_stale_temps (const char *dir)
{
  static const char * const side[] = { "-journal", "-wal", "-shm" };
  g_autoptr(GDir) d = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)))
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *path = NULL;
      g_autofree char *old_xlsx = NULL;
      g_autofree char *old_db = NULL;
      gboolean gone = FALSE;
      GStatBuf st;

      if (!g_regex_match (stale_regex (), name, 0, &match))
        continue;
      old_xlsx = g_match_info_fetch (match, 4);
      old_db = g_match_info_fetch (match, 5);
      for (int group = 1; group <= 3 && !gone; group++)
        {
          g_autofree char *pid = g_match_info_fetch (match, group);
          gone = process_gone (pid);
        }
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      /* Names without an owner could be somebody's own file: only what an
       * interrupted write leaves (nothing yet, or the start of a zip or of a
       * database, but not a whole workbook). */
      if (old_xlsx && *old_xlsx && (aimak_file_sniff (path) == AIMAK_FILE_KIND_WORKBOOK ||
                                    (st.st_size > 0 && !starts_with_zip (path))))
        continue;
      if (old_db && *old_db && st.st_size > 0 &&
          aimak_file_sniff (path) != AIMAK_FILE_KIND_SQLITE)
        continue;
      if (!gone && now - st.st_mtime <= AIMAK_STALE_TEMP_SECONDS)
        continue;
      if (g_unlink (path) == 0)
        removed++;
      /* A half-written SQLite file may have its journal beside it. */
      for (guint i = 0; i < G_N_ELEMENTS (side); i++)
        {
          g_autofree char *s = g_strconcat (path, side[i], NULL);
          g_unlink (s);
        }
    }
  return removed;
}

/* ---------------------------------------------------------------- stderr */

static GMutex quiet_lock;
static int quiet_saved_fd = -1;
static FILE *quiet_capture;

void
aimak_file_quiet_stderr_begin (void)
{
  g_mutex_lock (&quiet_lock);
  fflush (stderr);
  quiet_capture = tmpfile ();
  quiet_saved_fd = quiet_capture ? dup (STDERR_FILENO) : -1;
  if (quiet_saved_fd < 0 || dup2 (fileno (quiet_capture), STDERR_FILENO) < 0)
    {
      if (quiet_saved_fd >= 0)
        close (quiet_saved_fd);
      quiet_saved_fd = -1;
      g_clear_pointer (&quiet_capture, fclose);
    }
}

void
aimak_file_quiet_stderr_end (void)
{
  if (quiet_saved_fd >= 0)
    {
      char line[4096];

      fflush (stderr);
      dup2 (quiet_saved_fd, STDERR_FILENO);
      close (quiet_saved_fd);
      quiet_saved_fd = -1;
      rewind (quiet_capture);
      while (fgets (line, sizeof line, quiet_capture))
        {
          /* The capture is a file, so a file-size limit can cut libxlsxwriter's
           * line to "[E": an unterminated start of its prefix is its too. */
          gboolean cut = *line != '\0' && strchr (line, '\n') == NULL &&
                         (g_str_has_prefix ("[ERROR]", line) ||
                          g_str_has_prefix ("[WARNING]", line));

          if (cut || g_str_has_prefix (line, "[ERROR]") || g_str_has_prefix (line, "[WARNING]"))
            g_debug ("libxlsxwriter: %s", g_strchomp (line));
          else
            fputs (line, stderr);   /* another thread's, passed on */
        }
      g_clear_pointer (&quiet_capture, fclose);
    }
  g_mutex_unlock (&quiet_lock);
}

/* ---------------------------------------------------------------- target */

gboolean
aimak_file_in_backups_folder (const char *dir)
{
  g_autofree char *real = realpath (dir, NULL);
  g_autofree char *p = g_strdup (real ? real : dir);

  while (p && strcmp (p, "/") != 0 && strcmp (p, ".") != 0)
    {
      g_autofree char *base = g_path_get_basename (p);
      char *parent;

      if (g_strcmp0 (base, "backups") == 0)
        return TRUE;
      parent = g_path_get_dirname (p);
      g_free (p);
      p = parent;
    }
  return FALSE;
}

/* @path names the database or a side file of it (its WAL, shared memory or
 * journal), which may not exist at this moment. */
gboolean
aimak_file_is_database_file (const char *path,
                             const char *db_path)
{
  static const char * const side[] = { "-wal", "-shm", "-journal" };
  g_autofree char *dir = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *db_base = NULL;

  if (db_path == NULL)
    return FALSE;
  if (aimak_file_same (path, db_path))
    return TRUE;
  dir = g_path_get_dirname (path);
  db_dir = g_path_get_dirname (db_path);
  if (!aimak_file_same (dir, db_dir))
    return FALSE;
  base = g_path_get_basename (path);
  db_base = g_path_get_basename (db_path);
  if (g_strcmp0 (base, db_base) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (side); i++)
    {
      g_autofree char *s = g_strconcat (db_base, side[i], NULL);
      if (g_strcmp0 (base, s) == 0)
        return TRUE;
    }
  return FALSE;
}

AimakTargetVerdict
aimak_file_judge_target (const char          *path,
                         const char          *db_path,
                         gboolean             replace,
                         AimakTargetKindFunc  kind,
                         char               **dir_out)
{
  g_autofree char *dir = NULL;
  GStatBuf st;

  if (path == NULL || *path == '\0')
    return AIMAK_TARGET_NO_NAME;
  dir = g_path_get_dirname (path);
  if (aimak_file_is_database_file (path, db_path))
    return AIMAK_TARGET_DATABASE;
  if (g_file_test (dir, G_FILE_TEST_IS_DIR) && aimak_file_in_backups_folder (dir))
    return AIMAK_TARGET_IN_BACKUPS;
  if (g_stat (path, &st) == 0)
    {
      AimakTargetVerdict verdict;

      if (S_ISDIR (st.st_mode))
        return AIMAK_TARGET_FOLDER;
      if (!S_ISREG (st.st_mode))
        return AIMAK_TARGET_SPECIAL;
      /* Mode bits as well as access(): root may write anything, but a file someone
       * made read-only is not meant to be replaced. */
      if ((st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0)
        return AIMAK_TARGET_READ_ONLY;
      verdict = kind (path);
      if (verdict != AIMAK_TARGET_OK)
        return verdict;
      if (!replace)
        return AIMAK_TARGET_EXISTS;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return AIMAK_TARGET_NO_FOLDER;
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return AIMAK_TARGET_OK;
}

gboolean
aimak_file_check_target (const char               *path,
                         const char               *db_path,
                         gboolean                  replace,
                         AimakTargetKindFunc       kind,
                         GQuark                    domain,
                         const AimakTargetMessage *messages,
                         char                    **dir_out,
                         GError                  **error)
{
  AimakTargetVerdict verdict = aimak_file_judge_target (path, db_path, replace, kind, dir_out);
  g_autofree char *dir = NULL;
  g_autofree char *shown = NULL;
  const AimakTargetMessage *m = messages;

  if (verdict == AIMAK_TARGET_OK)
    return TRUE;
  while (m->verdict != verdict && m->verdict != AIMAK_TARGET_OK)
    m++;
  g_return_val_if_fail (m->message != NULL, FALSE);
  /* The folder's name where the folder is missing, otherwise the file's. */
  if (verdict == AIMAK_TARGET_NO_FOLDER)
    path = dir = g_path_get_dirname (path);
  shown = path ? g_filename_display_name (path) : NULL;
  /* The messages are N_() literals of the callers' tables, each with at most one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, domain, m->code, _(m->message), shown);
#pragma GCC diagnostic pop
  return FALSE;
}

static AimakTargetVerdict
workbook_kind (const char *path)
{
  switch (aimak_file_sniff (path))
    {
    case AIMAK_FILE_KIND_WORKBOOK:
      return AIMAK_TARGET_OK;
    case AIMAK_FILE_KIND_SQLITE:
      return AIMAK_TARGET_SQLITE;
    case AIMAK_FILE_KIND_MISSING:
    case AIMAK_FILE_KIND_OTHER:
    default:
      return AIMAK_TARGET_OTHER_KIND;
    }
}

static const AimakTargetMessage workbook_messages[] = {
  { AIMAK_TARGET_NO_NAME, AIMAK_EXPORT_ERROR_INVALID,
    N_("No file name was given for the workbook.") },
  { AIMAK_TARGET_DATABASE, AIMAK_EXPORT_ERROR_REFUSED,
    N_("“%s” is the database being exported; a workbook must not replace it. "
       "Choose another file name ending in .xlsx.") },
  { AIMAK_TARGET_IN_BACKUPS, AIMAK_EXPORT_ERROR_REFUSED,
    N_("“%s” is in a backups folder, which holds database backups only. "
       "Choose another folder for the workbook.") },
  { AIMAK_TARGET_FOLDER, AIMAK_EXPORT_ERROR_PATH,
    N_("“%s” is a folder. Choose a file name for the workbook.") },
  { AIMAK_TARGET_SPECIAL, AIMAK_EXPORT_ERROR_PATH,
    N_("“%s” is not a regular file and cannot be replaced by a workbook.") },
  { AIMAK_TARGET_READ_ONLY, AIMAK_EXPORT_ERROR_PATH, AIMAK_TARGET_READ_ONLY_MESSAGE },
  { AIMAK_TARGET_SQLITE, AIMAK_EXPORT_ERROR_REFUSED,
    N_("“%s” is a database, not a workbook; it was not replaced. Choose "
       "another file name ending in .xlsx.") },
  { AIMAK_TARGET_OTHER_KIND, AIMAK_EXPORT_ERROR_REFUSED,
    N_("“%s” exists and is not an Excel workbook; it was not replaced. "
       "Choose another file name.") },
  { AIMAK_TARGET_EXISTS, AIMAK_EXPORT_ERROR_EXISTS,
    N_("The workbook “%s” exists already; it was not replaced.") },
  { AIMAK_TARGET_NO_FOLDER, AIMAK_EXPORT_ERROR_PATH, AIMAK_TARGET_NO_FOLDER_MESSAGE },
  { AIMAK_TARGET_OK, 0, NULL },
};

gboolean
aimak_file_check_workbook_target (const char  *path,
                                  const char  *db_path,
                                  gboolean     replace,
                                  char       **dir_out,
                                  GError     **error)
{
  return aimak_file_check_target (path, db_path, replace, workbook_kind, AIMAK_EXPORT_ERROR,
                                  workbook_messages, dir_out, error);
}
