/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-preview-item.h — one row of an import's preview as a list item,
 * for the column view of the import dialog. */
#pragma once

#include <glib-object.h>

#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_IMPORT_PREVIEW_ITEM (aimak_import_preview_item_get_type ())
G_DECLARE_FINAL_TYPE (AimakImportPreviewItem, aimak_import_preview_item, AIMAK,
                      IMPORT_PREVIEW_ITEM, GObject)

/* @row is borrowed: it must outlive the item (the dialog's preview array). */
AimakImportPreviewItem *aimak_import_preview_item_new     (AimakImportPreviewRow  *row);
AimakImportPreviewRow  *aimak_import_preview_item_get_row (AimakImportPreviewItem *self);

G_END_DECLS
