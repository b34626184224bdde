/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-preferences-window-private.h — shared by the preferences window
 * (aimak-preferences-window.c: general settings, backups) and its Office
 * Server page (aimak-preferences-server.c). */
#pragma once

#include "aimak-core.h"
#include "aimak-preferences-window.h"

G_BEGIN_DECLS

struct _AimakPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkSwitch            *suppress_switch;
  GtkSpinButton        *threshold_spin;
  GtkSpinButton        *keep_spin;
  AdwActionRow         *folder_row;
  GtkButton            *backup_now_button;
  GtkListBox           *backups_list;
  AdwEntryRow          *host_row;
  GtkSpinButton        *port_spin;
  AdwEntryRow          *database_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  AdwComboRow          *tls_row;
  AdwEntryRow          *ca_row;
  GtkButton            *ca_button;
  AdwActionRow         *test_row;
  GtkImage             *test_icon;
  GtkSpinner           *test_spinner;
  GtkButton            *test_button;
  GtkPopover           *area_popover;
  GtkSearchEntry       *area_search;
  GtkListBox           *area_choices;
  GtkListBox           *areas_list;
  AdwPreferencesGroup  *stop_group;
  GtkButton            *stop_button;

  /* Owned references */
  GSettings            *settings;
  GWeakRef              window;        /* the AimakWindow whose database is shown */
  GCancellable         *server_cancellable; /* keyring and connection test */
  GtkFileChooserNative *ca_chooser;   /* the certificate authority file's chooser, while up */
  GPtrArray            *all_areas;    /* AimakArea *, for the area search */
  guint                 save_id;      /* saves the server settings a moment after a change */
  guint                 password_id;  /* stores the password a moment after a change */
  gboolean              loading;      /* filling the server fields: no saving */
  gboolean              save_problem; /* the test row shows why the settings were not saved */
};

/* aimak-preferences-window.c */
AimakDb *_aimak_preferences_window_get_db (AimakPreferencesWindow *self);

/* aimak-preferences-server.c */
void     _aimak_preferences_server_init    (AimakPreferencesWindow *self);
void     _aimak_preferences_server_load    (AimakPreferencesWindow *self);
void     _aimak_preferences_server_dispose (AimakPreferencesWindow *self);
void     _aimak_preferences_server_class_init (GtkWidgetClass      *widget_class);
/* The certificate authority file chosen in its chooser (tests: the portal
 * cannot be driven): its path goes into the field, saved as any change. */
void     _aimak_preferences_server_ca_chosen (gpointer             owner,
                                              GFile               *file);

G_END_DECLS
