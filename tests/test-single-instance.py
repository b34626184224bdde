#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One aimak per session (TAP): a second start with the same database raises the
running window and exits 0 at once; with another database it does the same and
says on stderr which database is open; only one process and one window remain.
aimak-cli reads and backs up the database the app has open. The app started on
a damaged database shows its dialog and leaves the file untouched.
Needs a display and a session bus: run under xvfb-run and dbus-run-session."""
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time

import aimak_tap as tap

AIMAK, CLI = sys.argv[1], sys.argv[2]
APP_ID = "io.github.aimakplanner.Aimak"
APP_PATH = "/io/github/aimakplanner/Aimak"


if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    tap.skip_all("needs a display and a session bus (xvfb-run dbus-run-session)")

tmp = tempfile.mkdtemp(prefix="aimak-single-")
env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(tmp, "xdg"),
           GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1")
env.pop("G_DEBUG", None)


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", *args], capture_output=True, text=True,
                          env=env, timeout=30)


def name_owned():
    r = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
              "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID)
    return "true" in r.stdout


def windows():
    """The application windows the running instance exports on the bus."""
    r = subprocess.run(["gdbus", "introspect", "--session", "--dest", APP_ID,
                        "--object-path", APP_PATH + "/window"],
                       capture_output=True, text=True, env=env, timeout=30)
    # "node /…/window {" then one "node N {" per window.
    return [l for l in r.stdout.splitlines() if re.match(r"\s+node \d+ ", l)]


def wait_for(cond, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.2)
    return False


def quit_app(proc):
    gdbus("--dest", APP_ID, "--object-path", APP_PATH, "--method",
          "org.gtk.Actions.Activate", "quit", "[]", "{}")
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return None


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


first = None
try:
    db = os.path.join(tmp, "plan.db")
    other = os.path.join(tmp, "other.db")

    first = subprocess.Popen([AIMAK, "--database", db], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    up = wait_for(lambda: name_owned() and len(windows()) == 1)
    tap.ok("the first aimak starts, owns the name and shows one window", up,
           "" if up else first.stderr.read() if first.poll() is not None else "")

    start = time.monotonic()
    second = subprocess.run([AIMAK, "--database", db], env=env, capture_output=True, text=True,
                            timeout=60)
    took = time.monotonic() - start
    tap.ok("a second start with the same database exits 0", second.returncode == 0,
           second.stderr)
    tap.ok("...quickly (%.1f s)" % took, took < 10)
    tap.ok("...silently", second.stderr.strip() == "", second.stderr)
    tap.ok("the first is still running with one window",
           first.poll() is None and len(windows()) == 1)

    third = subprocess.run([AIMAK, "--database", other], env=env, capture_output=True,
                           text=True, timeout=60)
    tap.ok("a start with another database exits 0", third.returncode == 0, third.stderr)
    tap.ok("...and says which database is open and what to do",
           "already running" in third.stderr and db in third.stderr and other in third.stderr
           and "close Aimak first" in third.stderr, third.stderr)
    tap.ok("...without opening or creating the other database",
           not os.path.exists(other) and len(windows()) == 1 and first.poll() is None)

    fourth = subprocess.run([AIMAK], env=env, capture_output=True, text=True, timeout=60)
    tap.ok("a start without --database also goes to the running instance",
           fourth.returncode == 0 and "already running" in fourth.stderr
           and len(windows()) == 1, fourth.stderr)

    r = subprocess.run([CLI, "areas", "--level", "1", "--database", db], env=env,
                       capture_output=True, text=True, timeout=60)
    tap.ok("aimak-cli reads the database the app has open",
           r.returncode == 0 and len(r.stdout.strip().split("\n")) == 9, r.stderr)
    tap.ok("...and leaves the app's WAL in place when it closes",
           os.path.exists(db + "-wal") and os.path.exists(db + "-shm"))
    copy = os.path.join(tmp, "copy.db")
    r = subprocess.run([CLI, "backup", "--database", db, copy], env=env, capture_output=True,
                       text=True, timeout=60)
    tap.ok("aimak-cli backs it up meanwhile", r.returncode == 0 and os.path.exists(copy), r.stderr)
    r = subprocess.run([CLI, "restore", "--database", db, copy], env=env, capture_output=True,
                       text=True, timeout=60)
    tap.ok("aimak-cli refuses to restore over the open database",
           r.returncode == 1 and "open in another program" in r.stderr, r.stderr)

    status = quit_app(first)
    tap.ok("the app quits cleanly", status == 0, status)
    first = None
    tap.ok("...closing the database properly (no WAL left)", not os.path.exists(db + "-wal"))
    backups = os.path.join(tmp, "backups")
    tap.ok("the start made today's backup beside the database",
           os.path.isdir(backups) and any(n.startswith("plan-") for n in os.listdir(backups)))

    # A damaged database: the dialog, and the file stays as it is.
    with open(db, "rb") as f:
        data = bytearray(f.read())
    mid = len(data) // 3
    data[mid:mid + 50000] = bytes((i * 31) % 251 for i in range(50000))
    with open(db, "wb") as f:
        f.write(data)
    before = digest(db)
    first = subprocess.Popen([AIMAK, "--database", db], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    up = wait_for(name_owned)
    # The check runs after the first frame: the window gives way to the dialog.
    time.sleep(2)
    gone = wait_for(lambda: len(windows()) == 0)
    tap.ok("on a damaged database the app keeps running (its dialog is up)",
           up and gone and first.poll() is None and len(windows()) == 0,
           first.stderr.read() if first.poll() is not None else "windows: %d" % len(windows()))
    again = subprocess.run([AIMAK, "--database", db], env=env, capture_output=True, text=True,
                           timeout=60)
    tap.ok("a second start then also just exits 0", again.returncode == 0, again.stderr)
    status = quit_app(first)
    first = None
    tap.ok("the damaged file was not changed", digest(db) == before)
finally:
    if first is not None and first.poll() is None:
        first.kill()
    tap.remove_tree(tmp)

sys.exit(tap.done())
