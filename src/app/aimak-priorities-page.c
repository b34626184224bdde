/* aimak-priorities-page.c — the Priorities Register view (not built yet: an honest empty state). */
#include "config.h"

#include "aimak-priorities-page.h"

struct _AimakPrioritiesPage
{
  AimakPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AimakPrioritiesPage, aimak_priorities_page, AIMAK_TYPE_PAGE)

static void
aimak_priorities_page_class_init (AimakPrioritiesPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/aimak-priorities-page.ui");
}

static void
aimak_priorities_page_init (AimakPrioritiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
