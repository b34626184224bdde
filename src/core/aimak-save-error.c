/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-save-error.c — the message of a failed save, see aimak-save-error.h. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "aimak-file-safety.h"
#include "aimak-save-error.h"

void
aimak_save_set_errno_error (GError                **error,
                            const AimakSaveErrors  *codes,
                            int                     saved_errno,
                            const char             *dir,
                            const char             *path)
{
  g_autofree char *dir_shown = g_filename_display_name (dir);
  g_autofree char *shown = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, codes->domain (), codes->no_space,
                   _("There is not enough space on the disk to save “%s”."), shown);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, codes->domain (), codes->path,
                   _("You do not have permission to save files in the folder “%s” (%s)."),
                   dir_shown, g_strerror (saved_errno));
      break;
    default:
      g_set_error (error, codes->domain (), codes->write,
                   _("Could not save “%s”: %s"), shown, g_strerror (saved_errno));
    }
}

char *
aimak_save_create_temp (const char             *dir,
                        const char             *path,
                        const AimakSaveErrors  *codes,
                        GError                **error)
{
  int saved = 0;
  char *tmp = aimak_file_create_temp_beside (dir, path, &saved);

  if (tmp == NULL)
    aimak_save_set_errno_error (error, codes, saved, dir, path);
  return tmp;
}
