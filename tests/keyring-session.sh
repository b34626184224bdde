#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test ("$@") in a D-Bus session of its own with a GNOME Keyring of its
# own, unlocked with a throw-away password, so that libsecret stores and finds
# real passwords without touching the user's keyring or prompting anyone.
# Skips (TAP) only when gnome-keyring or dbus is not installed.
if ! command -v gnome-keyring-daemon >/dev/null 2>&1 \
   || ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "1..0 # SKIP gnome-keyring-daemon or dbus-run-session is not installed" \
       "(Debian packages gnome-keyring and dbus)"
  exit 0
fi
tmp=$(mktemp -d) || exit 1
mkdir -p "$tmp/data" "$tmp/run" && chmod 700 "$tmp/run"
# Only the test writes to stdout (TAP); services that the session bus starts
# (the accessibility registry says hello) write to /dev/null.
exec 3>&1
HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" \
  dbus-run-session -- sh -c '
    printf "aimak-test" | gnome-keyring-daemon --daemonize --unlock --components=secrets \
      >/dev/null 2>&1 || { echo "Bail out! gnome-keyring-daemon did not start" >&3; exit 1; }
    # The daemon takes its bus name after it forks.
    i=0
    while [ $i -lt 50 ] && ! dbus-send --session --print-reply --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetNameOwner \
        string:org.freedesktop.secrets >/dev/null 2>&1; do
      sleep 0.1; i=$((i + 1))
    done
    exec "$@" >&3' sh "$@" >/dev/null
status=$?
rm -rf "$tmp"
exit $status
