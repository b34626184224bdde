/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-save-error.h — the one wording of a failed save (disk full, no permission,
 * the system's reason), shared by the workbook export and the programme PDF, each
 * with the codes of its own error domain.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The codes of a caller's error domain for the failures of a save. */
typedef struct
{
  GQuark (*domain) (void);   /* its quark function */
  int    no_space;   /* the disk is full */
  int    path;       /* no permission to write in the folder */
  int    write;      /* anything else */
} AimakSaveErrors;

/* Sets @error for saving @path in the folder @dir failing with @saved_errno. */
void      aimak_save_set_errno_error (GError                **error,
                                      const AimakSaveErrors  *codes,
                                      int                     saved_errno,
                                      const char             *dir,
                                      const char             *path);
/* aimak_file_create_temp_beside() (an empty, hidden file beside @path in @dir: it
 * proves the folder writable), its failure said as above. */
char     *aimak_save_create_temp     (const char             *dir,
                                      const char             *path,
                                      const AimakSaveErrors  *codes,
                                      GError                **error);

G_END_DECLS
