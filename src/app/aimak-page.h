/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-page.h — base class of the window's views: each has the database and
 * the selected area, and reacts when either changes. */
#pragma once

#include <adwaita.h>
#include "aimak-core.h"

G_BEGIN_DECLS

#define AIMAK_TYPE_PAGE (aimak_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (AimakPage, aimak_page, AIMAK, PAGE, GtkWidget)

struct _AimakPageClass
{
  GtkWidgetClass parent_class;

  void (*db_changed)   (AimakPage *self);
  void (*area_changed) (AimakPage *self);
};

AimakDb    *aimak_page_get_db        (AimakPage  *self);
const char *aimak_page_get_area_code (AimakPage  *self);
void        aimak_page_set_area_code (AimakPage  *self,
                                      const char *code);
gboolean    aimak_page_is_read_only  (AimakPage  *self);
/* Shows @toast (taken; one with a button) in the window the page is in (no-op
 * outside a window); plain messages: aimak_toast_show(). */
void        aimak_page_add_toast     (AimakPage  *self,
                                      AdwToast   *toast);
void        aimak_page_show_error    (AimakPage  *self,
                                      const GError *error);
/* When an action needs an area and none is chosen: a dialog saying @message
 * (translated) that takes the focus and, on Enter ("Choose Area"), opens the
 * Areas view with the caret in its search. */
void        aimak_page_ask_for_area  (AimakPage  *self,
                                      const char *message);
/* Whether a new record may go into @area: without an area, asks for one
 * with @ask_message as aimak_page_ask_for_area() does; in an area closed to
 * new records, says why in a toast. */
gboolean    aimak_page_check_area_for_new (AimakPage  *self,
                                           const char *area,
                                           const char *ask_message);

G_END_DECLS
