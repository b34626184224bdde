/* aimak-capacity-page.c — the Capacity Building view (not built yet: an honest empty state). */
#include "config.h"

#include "aimak-capacity-page.h"

struct _AimakCapacityPage
{
  AimakPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AimakCapacityPage, aimak_capacity_page, AIMAK_TYPE_PAGE)

static void
aimak_capacity_page_class_init (AimakCapacityPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/aimak-capacity-page.ui");
}

static void
aimak_capacity_page_init (AimakCapacityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
