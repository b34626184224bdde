/* aimak-reveal.h — bring a field of an editor to the user: open the expander
 * rows that hide it, focus it and scroll it into view. Both editors use it
 * when a problem is clicked, so that they behave alike. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Expands every AdwExpanderRow around (and at) @widget, focuses it (or its
 * first focusable child) and, after the next layout — when what was opened
 * has its size — scrolls its GtkScrolledWindow so that it is in view. */
void aimak_reveal_widget (GtkWidget *widget);

G_END_DECLS
