/* aimak-summary-page.c — the Summary view (not built yet: an honest empty state). */
#include "config.h"

#include "aimak-summary-page.h"

struct _AimakSummaryPage
{
  AimakPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AimakSummaryPage, aimak_summary_page, AIMAK_TYPE_PAGE)

static void
aimak_summary_page_class_init (AimakSummaryPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/aimak-summary-page.ui");
}

static void
aimak_summary_page_init (AimakSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
