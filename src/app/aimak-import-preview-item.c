/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-import-preview-item.c — see aimak-import-preview-item.h. */

#include "config.h"

#include "aimak-import-preview-item.h"

struct _AimakImportPreviewItem
{
  GObject                parent_instance;
  AimakImportPreviewRow *row;   /* borrowed from the dialog's preview array */
};

G_DEFINE_FINAL_TYPE (AimakImportPreviewItem, aimak_import_preview_item, G_TYPE_OBJECT)

static void
aimak_import_preview_item_class_init (AimakImportPreviewItemClass *klass)
{
}

static void
aimak_import_preview_item_init (AimakImportPreviewItem *self)
{
}

AimakImportPreviewItem *
aimak_import_preview_item_new (AimakImportPreviewRow *row)
{
  AimakImportPreviewItem *self = g_object_new (AIMAK_TYPE_IMPORT_PREVIEW_ITEM, NULL);

  self->row = row;
  return self;
}

AimakImportPreviewRow *
aimak_import_preview_item_get_row (AimakImportPreviewItem *self)
{
  g_return_val_if_fail (AIMAK_IS_IMPORT_PREVIEW_ITEM (self), NULL);
  return self->row;
}
