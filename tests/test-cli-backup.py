#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli backup and restore: exit codes, messages, what is written and what
is left untouched; and aimak-cli reading, backing up and exporting a database
that another program (the app) has open and is writing to (TAP)."""
import hashlib
import os
import re
import shutil
import sqlite3
import sys
import time

import aimak_tap as tap

CLI = sys.argv[1]


def run(*args):
    return tap.run_cli(CLI, *args, timeout=120)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def markers(path, marker):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return con.execute("SELECT count(*) FROM change_log WHERE entity = 'marker' "
                           "AND entity_id = ?", (marker,)).fetchone()[0]
    finally:
        con.close()


def add_marker(path, marker):
    con = sqlite3.connect(path)
    con.execute("INSERT INTO change_log (ts, entity, entity_id) VALUES ('t', 'marker', ?)",
                (marker,))
    con.commit()
    con.close()


def damage(src, dst):
    with open(src, "rb") as f:
        data = bytearray(f.read())
    mid = len(data) // 3
    data[mid:mid + 50000] = bytes((i * 31) % 251 for i in range(50000))
    with open(dst, "wb") as f:
        f.write(data)


with tap.temp_dir(prefix="aimak-cli-backup-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    backups = os.path.join(tmp, "backups")
    copy = os.path.join(tmp, "copy.db")

    r = run("backup", "--database", db, copy)
    tap.ok("backup of a missing database fails and creates nothing",
           r.returncode == 1 and not os.path.exists(db) and not os.path.exists(copy)
           and "no database at" in r.stderr, r.stderr)

    r = run("migrate", "--database", db)   # creates it
    add_marker(db, "first")

    r = run("backup", "--database", db, copy)
    tap.ok("backup FILE exits 0 and prints the file", r.returncode == 0 and r.stdout.strip() == copy,
           r.stdout + r.stderr)
    with open(copy, "rb") as f:
        header = f.read(100)
    tap.ok("the copy is a self-contained rollback-journal database",
           header[18] == 1 and header[19] == 1 and not os.path.exists(copy + "-wal"))
    r = run("check", "--database", copy)
    tap.ok("the copy passes aimak-cli check", r.returncode == 0, r.stdout + r.stderr)
    tap.ok("the copy holds the data", markers(copy, "first") == 1)

    r = run("backup", "--database", db, copy)
    tap.ok("backup onto an existing file is refused (exit 1)",
           r.returncode == 1 and "exists already" in r.stderr and r.stdout == "", r.stderr)
    r = run("backup", "--force", "--database", db, copy)
    tap.ok("backup --force replaces it", r.returncode == 0, r.stderr)
    r = run("backup", "--database", db, os.path.join(tmp, "no-such-folder", "x.db"))
    tap.ok("backup into a missing folder says which (exit 1)",
           r.returncode == 1 and "no-such-folder" in r.stderr and "does not exist" in r.stderr,
           r.stderr)
    r = run("backup", "--database", db, "a.db", "b.db")
    tap.ok("backup with two files is a usage error (exit 2)", r.returncode == 2, r.stderr)

    r = run("backup", "--database", db)
    made = r.stdout.strip()
    tap.ok("backup without FILE writes a dated backup beside the database",
           r.returncode == 0 and re.search(r"/backups/aimak-\d{4}-\d\d-\d\d-\d{6}(-\d+)?\.db$", made)
           and os.path.exists(made), r.stdout + r.stderr)
    r = run("backup", "--list", "--database", db)
    fields = r.stdout.strip().split("\t")
    tap.ok("backup --list shows date, size and file",
           r.returncode == 0 and len(fields) == 3 and fields[2] == made
           and int(fields[1]) == os.path.getsize(made)
           and re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", fields[0]), r.stdout)

    # --- restore -------------------------------------------------------------
    add_marker(db, "second")
    before = digest(db)
    garbage = os.path.join(tmp, "garbage.db")
    with open(garbage, "wb") as f:
        f.write(b"this is a spreadsheet, honestly" * 100)
    foreign = os.path.join(tmp, "foreign.db")
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    newer = os.path.join(tmp, "newer.db")
    shutil.copy(copy, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    damaged = os.path.join(tmp, "damaged.db")
    damage(copy, damaged)
    n_backups = len(os.listdir(backups))
    for name, path, words in (("a file that is not a database", garbage, "not an Aimak database"),
                              ("another program's database", foreign, "not an Aimak database"),
                              ("a database of a newer Aimak", newer, "newer version of Aimak"),
                              ("a damaged database", damaged, "is damaged"),
                              ("a missing file", os.path.join(tmp, "gone.db"), "does not exist")):
        r = run("restore", "--database", db, path)
        tap.ok("restore refuses %s (exit 1) with a clear message" % name,
               r.returncode == 1 and words in r.stderr
               and "The current database was not changed" in r.stderr and r.stdout == "",
               r.stderr)
    tap.ok("refused restores left the database as it was", digest(db) == before)
    tap.ok("refused restores made no backup", len(os.listdir(backups)) == n_backups)
    r = run("restore", "--database", db)
    tap.ok("restore without FILE is a usage error (exit 2)", r.returncode == 2, r.stderr)

    # Another program has it open: refused, unchanged.
    holder = sqlite3.connect(db)
    holder.execute("SELECT count(*) FROM area").fetchone()
    r = run("restore", "--database", db, copy)
    tap.ok("restore while another program has the database open is refused",
           r.returncode == 1 and "open in another program" in r.stderr, r.stderr)
    holder.close()
    tap.ok("...and the database is unchanged", markers(db, "second") == 1)

    r = run("restore", "--database", db, copy)
    out = r.stdout
    tap.ok("restore FILE exits 0 and says where the previous state went",
           r.returncode == 0 and "Restored" in out and "previous database was kept" in out,
           out + r.stderr)
    tap.ok("no stale -wal or -shm beside the restored database",
           not os.path.exists(db + "-wal") and not os.path.exists(db + "-shm"))
    tap.ok("the restored database has the backup's data",
           markers(db, "first") == 1 and markers(db, "second") == 0)
    prev = re.search(r"kept as “(.*)”", out)
    tap.ok("the previous state was backed up first",
           prev is not None and os.path.exists(prev.group(1)) and markers(prev.group(1), "second") == 1,
           out)
    tap.ok("no temporary file left behind",
           not [n for n in os.listdir(tmp) + os.listdir(backups) if n.startswith(".aimak-incomplete")])
    r = run("check", "--database", db)
    tap.ok("the restored database checks clean", r.returncode == 0, r.stdout + r.stderr)

    # The current database is damaged: --newest puts the newest good backup in
    # place and keeps the damaged file aside, byte for byte.
    damage(db, db)
    damaged_digest = digest(db)
    r = run("restore", "--newest", "--database", db)
    aside = [n for n in os.listdir(tmp)
             if n.startswith("aimak.db.damaged-") and not n.endswith(("-wal", "-shm"))]
    tap.ok("restore --newest replaces a damaged database", r.returncode == 0, r.stdout + r.stderr)
    tap.ok("the damaged database is kept aside unchanged",
           len(aside) == 1 and digest(os.path.join(tmp, aside[0])) == damaged_digest, aside)
    tap.ok("the newest backup was restored", markers(db, "second") == 1, r.stdout)

    # --- reading a database the app has open and is writing to (WAL) ------------
    writer = sqlite3.connect(db, timeout=0, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO change_log (ts, entity, entity_id) VALUES ('t', 'marker', 'pending')")
    # Each would wait 2.5 s (the busy timeout) if it needed the lock.
    start = time.monotonic()
    r = run("areas", "--level", "1", "--database", db)
    tap.ok("areas works at once while another program holds the write lock",
           r.returncode == 0 and len(r.stdout.strip().split("\n")) == 9
           and time.monotonic() - start < 2.0, r.stderr)
    start = time.monotonic()
    r = run("check", "--database", db)
    tap.ok("check works at once meanwhile", r.returncode == 0 and time.monotonic() - start < 2.0,
           r.stderr)
    live = os.path.join(tmp, "live.db")
    start = time.monotonic()
    r = run("backup", "--database", db, live)
    tap.ok("backup works at once meanwhile, without the uncommitted change",
           r.returncode == 0 and markers(live, "second") == 1 and markers(live, "pending") == 0
           and time.monotonic() - start < 2.0, r.stderr)
    if run("export", "--help").returncode == 0:
        xlsx = os.path.join(tmp, "live.xlsx")
        r = run("export", "--pilots", "--lang", "en", "-o", xlsx, "--database", db)
        tap.ok("export works meanwhile", r.returncode == 0 and os.path.getsize(xlsx) > 1000,
               r.stderr)
    writer.execute("ROLLBACK")
    writer.close()

sys.exit(tap.done())
