#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli: exit codes, output and messages for good and bad arguments (TAP)."""
import os
import sys

import aimak_tap as tap

CLI = sys.argv[1]


def run(*args, env_extra=None):
    return tap.run_cli(CLI, *args, env_extra=env_extra, timeout=120)


with tap.temp_dir(prefix="aimak-cli-") as tmp:
    db = os.path.join(tmp, "aimak.db")

    r = run("--version")
    tap.ok("--version prints the version", r.returncode == 0 and r.stdout.startswith("aimak-cli "), r.stdout)

    r = run("areas", "--level", "1", "--database", db)
    tap.ok("areas does not create a missing database",
           r.returncode == 1 and "no database at" in r.stderr and not os.path.exists(db), r.stderr)
    r = run("migrate", "--database", db)
    tap.ok("migrate creates it", r.returncode == 0 and os.path.exists(db) and "Created" in r.stdout,
           r.stderr)

    r = run("areas", "--level", "1", "--database", db)
    lines = r.stdout.strip().split("\n")
    tap.ok("areas --level 1 lists 9 units", r.returncode == 0 and len(lines) == 9, r.stderr)
    tap.ok("areas output is code<TAB>name", all(len(l.split("\t")) == 2 and l.startswith("KG") for l in lines))
    tap.ok("areas --level 1 contains Issyk-Kul", "KG02000000000\tIssyk-Kul" in lines)

    r = run("areas", "--level", "3", "--lang", "ky", "--database", db)
    tap.ok("areas --level 3 lists 460", r.returncode == 0 and len(r.stdout.strip().split("\n")) == 460)
    tap.ok("areas --lang ky gives Kyrgyz names", "KG02210815000\tБарскоон" in r.stdout)

    r = run("areas", "--level", "7", "--database", db)
    tap.ok("bad --level exits 2 with a message", r.returncode == 2 and "--level" in r.stderr, r.stderr)
    r = run("areas", "--lang", "kg", "--database", db)
    tap.ok("language kg is refused", r.returncode == 2 and "kg" in r.stderr, r.stderr)
    r = run("frobnicate")
    tap.ok("unknown command exits 2", r.returncode == 2 and "frobnicate" in r.stderr)
    r = run("areas", "--no-such-option")
    tap.ok("unknown option exits 2", r.returncode == 2 and r.stdout == "")
    # An empty --database (a script's unset variable) is not "a folder".
    for command in (["check"], ["backup", "--list"], ["migrate"]):
        r = run(*command, "--database", "")
        tap.ok(f"{command[0]} --database '' exits 2 saying a path is needed",
               r.returncode == 2 and "--database" in r.stderr and "folder" not in r.stderr
               and r.stdout == "", (r.returncode, r.stdout, r.stderr))

    r = run("check", "--database", db)
    tap.ok("check on a good database exits 0", r.returncode == 0, r.stderr)
    tap.ok("check prints integrity ok and counts", "integrity_check\tok" in r.stdout and "area\t523" in r.stdout, r.stdout)

    missing = os.path.join(tmp, "missing.db")
    r = run("check", "--database", missing)
    tap.ok("check on a missing database fails and creates nothing",
           r.returncode == 1 and not os.path.exists(missing) and "missing.db" in r.stderr, r.stderr)

    bad = os.path.join(tmp, "corrupt.db")
    with open(db, "rb") as f:
        data = bytearray(f.read())
    # WAL may hold recent pages; the checkpointed main file is what we damage.
    mid = len(data) // 3
    data[mid:mid + 50000] = bytes((i * 31) % 251 for i in range(50000))
    with open(bad, "wb") as f:
        f.write(data)
    before = open(bad, "rb").read()
    r = run("check", "--database", bad)
    tap.ok("check on a corrupt database exits non-zero", r.returncode != 0, r.stdout + r.stderr)
    tap.ok("corrupt database is named in the message", "corrupt.db" in r.stderr, r.stderr)
    tap.ok("corrupt database is not modified", open(bad, "rb").read() == before)

sys.exit(tap.done())
