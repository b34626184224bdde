/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-merge-review.h — reviewing conflicts field by field (mine against
 * theirs) before applying what came from another desk. It works on
 * AimakMergeItem (aimak-merge.h) only, so exchange packages and the office
 * server share it. A conflict is decided when every differing field of it has
 * a choice; "all-decided" says when every conflict is. The choices are written
 * into the items as they are made (aimak_merge_item_choose()). */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_MERGE_REVIEW (aimak_merge_review_get_type ())
G_DECLARE_FINAL_TYPE (AimakMergeReview, aimak_merge_review, AIMAK, MERGE_REVIEW, GtkBox)

/* A readable name for a record, or for a field of a record's entity. */
typedef char *(*AimakMergeRecordLabelFunc) (const AimakMergeItem *item);
typedef char *(*AimakMergeFieldLabelFunc)  (const char           *entity,
                                            const char           *field);

GtkWidget *aimak_merge_review_new            (void);
void       aimak_merge_review_set_label_funcs (AimakMergeReview          *self,
                                               AimakMergeRecordLabelFunc  record_label,
                                               AimakMergeFieldLabelFunc   field_label);
/* Shows the conflicts among @items (AimakMergeItem *; the array is kept, the
 * other kinds are skipped), none of them decided. */
void       aimak_merge_review_set_items      (AimakMergeReview          *self,
                                              GPtrArray                 *items);
guint      aimak_merge_review_get_n_conflicts (AimakMergeReview         *self);
guint      aimak_merge_review_get_n_undecided (AimakMergeReview         *self);
gboolean   aimak_merge_review_get_all_decided (AimakMergeReview         *self);
/* The button that chooses @choice for @field of the conflict @uuid, or, with
 * @field NULL, its Keep Mine / Take Theirs button (for tests). */
GtkWidget *aimak_merge_review_get_button     (AimakMergeReview          *self,
                                              const char                *uuid,
                                              const char                *field,
                                              AimakMergeChoice           choice);

char             *aimak_merge_review_field_label (const char *entity,
                                                 const char *field);

G_END_DECLS
