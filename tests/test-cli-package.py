#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli package / receive (TAP): an ayil okmotu and its rayon as two databases.

The okmotu sends; the rayon receives and corrects one budget; the okmotu edits the
same priority and sends again; the rayon sees the conflict field by field, is refused
without --prefer, resolves it, and its Summary then counts the okmotu's priorities.
Sending again changes nothing; bad arguments and damaged packages are refused with
a reason and change nothing.
"""
import json
import os
import shutil
import sqlite3
import sys
import tempfile

import aimak_tap as tap

CLI = sys.argv[1]
RAYON = "KG02210000000"      # Jeti-Oguz
BARSKOON = "KG02210815000"


def run(*args):
    return tap.run_cli(CLI, *args, timeout=600)


def one(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


def execute(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()


AREAS_HEADER = ("effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,"
                "legal_act\n")
JETI_OGUZ = "KG02210830000"
MERGED = "KG02210900000"     # test data, not an official code


def area_changes(tmp):
    """Issue 17: a package carries the sender's lists of area changes; receive says, in a
    line each, what it applied, found unchanged or refused (with the reason)."""
    sender, receiver, other = (os.path.join(tmp, n + ".db") for n in ("s", "r", "o"))
    merge, own = os.path.join(tmp, "merge.csv"), os.path.join(tmp, "own.csv")
    with open(merge, "w") as f:
        f.write(AREAS_HEADER + "2024-07-01,merged_into,%s;%s,%s,Barskoon-Jeti-Oguz (test),,,%s,"
                "Test law (test data)\n" % (BARSKOON, JETI_OGUZ, MERGED, RAYON))
    with open(own, "w") as f:
        f.write(AREAS_HEADER + "2024-05-01,merged_into,%s,KG02210815001,Other (test),,,%s,"
                "Other law (test data)\n" % (BARSKOON, RAYON))
    for db in (sender, receiver, other):
        run("migrate", "--database", db)
    r = run("areas", "apply-changes", "--database", sender, merge)
    tap.ok("areas: the sender applied a change list", r.returncode == 0, r.stderr)
    r = run("areas", "apply-changes", "--database", other, own)
    tap.ok("areas: another desk merged Barskoon elsewhere", r.returncode == 0, r.stderr)
    pkg = os.path.join(tmp, "merged.aimak")
    r = run("package", "--database", sender, "--area", MERGED, "-o", pkg)
    tap.ok("areas: a package of the new area", r.returncode == 0, r.stderr)
    summary = "merged into Barskoon-Jeti-Oguz (test) on 2024-07-01"
    r = run("receive", "--database", receiver, "--dry-run", pkg)
    tap.ok("areas: receive --dry-run lists the list as New and would apply it",
           r.returncode == 0 and "New" in r.stdout and summary in r.stdout
           and "Dry run: area changes: would apply 1, unchanged 0, refused 0\n" in r.stdout
           and one(receiver, "SELECT count(*) FROM area WHERE code = ?", MERGED) == 0,
           r.stdout + r.stderr)
    r = run("receive", "--database", receiver, pkg)
    tap.ok("areas: receive applies it and says so",
           r.returncode == 0 and "Area changes: applied 1, unchanged 0, refused 0\n" in r.stdout
           and one(receiver, "SELECT valid_from FROM area WHERE code = ?", MERGED)
           == "2024-07-01", r.stdout + r.stderr)
    r = run("receive", "--database", receiver, pkg)
    tap.ok("areas: received again, it is Unchanged",
           r.returncode == 0 and "Area changes: applied 0, unchanged 1, refused 0\n" in r.stdout
           and one(receiver, "SELECT count(DISTINCT batch) FROM area_change") == 1,
           r.stdout + r.stderr)
    r = run("receive", "--database", other, pkg)
    tap.ok("areas: a desk whose list contradicts it refuses it with the reason",
           r.returncode == 0 and "Area changes: applied 0, unchanged 0, refused 1\n" in r.stdout
           and "Refused" in r.stdout and "already ended on 2024-05-01" in r.stdout
           and one(other, "SELECT count(*) FROM area WHERE code = ?", MERGED) == 0,
           r.stdout + r.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-cli-package-")
    try:
        okmotu = os.path.join(tmp, "okmotu.db")
        rayon = os.path.join(tmp, "rayon.db")
        pkg = os.path.join(tmp, "barskoon.aimak")
        r = run("demo", "--database", okmotu, "--priorities", "400", "--activities", "40")
        tap.ok("okmotu has demo data", r.returncode == 0, r.stderr)
        r = run("migrate", "--database", rayon)
        tap.ok("rayon database created", r.returncode == 0, r.stderr)
        n_barskoon = one(okmotu, "SELECT count(*) FROM priority WHERE area_code = ?", BARSKOON)
        tap.ok("the okmotu has Barskoon priorities", n_barskoon > 0, n_barskoon)

        # Bad arguments: exit 2, a reason, no file.
        for name, args, words in [
                ("no area", ["-o", pkg], "--area CODE"),
                ("no output", ["--area", BARSKOON], "-o FILE.aimak"),
                ("unknown area", ["--area", "KG99", "-o", pkg], "KG99"),
                ("extra argument", ["--area", BARSKOON, "-o", pkg, "x"], "“x”")]:
            r = run("package", "--database", okmotu, *args)
            tap.ok(f"package {name}: exit 2", r.returncode == 2, (r.returncode, r.stderr))
            tap.ok(f"package {name}: says why", words in r.stderr, r.stderr)
            tap.ok(f"package {name}: nothing written", not os.path.exists(pkg))
        r = run("package", "--database", okmotu, "--area", BARSKOON, "-o", okmotu)
        tap.ok("the database is never the package", r.returncode == 1 and "database" in r.stderr,
              r.stderr)

        r = run("package", "--database", okmotu, "--area", BARSKOON, "-o", pkg)
        tap.ok("package: exit 0", r.returncode == 0, r.stderr)
        tap.ok("package: prints the path", r.stdout.strip() == pkg, r.stdout)
        tap.ok("package: counts on stderr", f"{n_barskoon} priorities" in r.stderr, r.stderr)
        tap.ok("package is an SQLite file with the AIMP id",
              one(pkg, "PRAGMA application_id") == 0x41494D50)
        r = run("package", "--database", okmotu, "--area", BARSKOON, "-o", pkg)
        tap.ok("an existing package needs --force", r.returncode == 1 and "--force" in r.stderr,
              r.stderr)

        r = run("receive", "--database", rayon, pkg, "--dry-run")
        tap.ok("dry run: exit 0", r.returncode == 0, r.stderr)
        tap.ok("dry run: counts", f"New {one(pkg, 'SELECT count(*) FROM record')}" in r.stdout,
              r.stdout)
        tap.ok("dry run: writes nothing", one(rayon, "SELECT count(*) FROM priority") == 0)
        r = run("receive", "--database", rayon, pkg)
        tap.ok("receive: exit 0", r.returncode == 0, r.stderr)
        tap.ok("receive: the rayon has Barskoon's priorities",
              one(rayon, "SELECT count(*) FROM priority WHERE area_code = ?", BARSKOON)
              == n_barskoon)
        r = run("receive", "--database", rayon, pkg)
        tap.ok("receive again: nothing changes", "0 records received" in r.stdout, r.stdout)

        # The rayon corrects a budget; the okmotu changes the same one and resends.
        pid = one(okmotu, "SELECT id FROM priority WHERE area_code = ? AND deleted_at IS NULL "
                  "ORDER BY rank LIMIT 1", BARSKOON)
        execute(rayon, "UPDATE priority SET budget_kgs = 150000 WHERE id = ?", pid)
        execute(okmotu, "UPDATE priority SET budget_kgs = 175000 WHERE id = ?", pid)
        r = run("package", "--database", okmotu, "--area", BARSKOON, "-o", pkg, "--force")
        tap.ok("resend: exit 0", r.returncode == 0, r.stderr)
        r = run("receive", "--database", rayon, pkg)
        tap.ok("conflict: exit 1", r.returncode == 1, (r.returncode, r.stderr))
        tap.ok("conflict: listed field by field",
              "budget_kgs: mine “150000.0”, theirs “175000.0”" in r.stdout, r.stdout)
        tap.ok("conflict: says how to resolve", "--prefer" in r.stderr, r.stderr)
        tap.ok("conflict: nothing applied",
              one(rayon, "SELECT budget_kgs FROM priority WHERE id = ?", pid) == 150000)
        r = run("receive", "--database", rayon, pkg, "--prefer", "sideways")
        tap.ok("--prefer sideways: exit 2", r.returncode == 2, r.stderr)
        r = run("receive", "--database", rayon, pkg, "--prefer", "theirs")
        tap.ok("--prefer theirs: exit 0", r.returncode == 0, r.stderr)
        resolved = one(rayon, "SELECT max(id) FROM package_receipt")
        tap.ok("--prefer theirs: names its receive number",
              f"receive --undo {resolved}" in r.stderr, r.stderr)
        tap.ok("--prefer theirs: their budget",
              one(rayon, "SELECT budget_kgs FROM priority WHERE id = ?", pid) == 175000)
        r = run("receive", "--database", rayon, pkg)
        tap.ok("after resolving: no conflict", r.returncode == 0, r.stdout)

        # The rayon's Summary includes the ayil aimak's priorities.
        r = run("summary", "--database", rayon, "--area", RAYON, "--json")
        live = one(okmotu, "SELECT count(*) FROM priority WHERE area_code = ? AND "
                   "deleted_at IS NULL", BARSKOON)
        total = json.loads(r.stdout)["priorities_total"] if r.returncode == 0 else None
        tap.ok("rayon summary counts the received priorities", total == live, (total, live))

        # Damaged packages: refused with the reason, nothing changes.
        before = one(rayon, "SELECT group_concat(revision) FROM priority")
        half = os.path.join(tmp, "half.aimak")
        with open(pkg, "rb") as f:
            data = f.read()
        with open(half, "wb") as f:
            f.write(data[:len(data) // 2])
        r = run("receive", "--database", rayon, half)
        tap.ok("truncated: exit 1", r.returncode == 1, r.stderr)
        tap.ok("truncated: damaged", "damaged" in r.stderr, r.stderr)
        edited = os.path.join(tmp, "edited.aimak")
        shutil.copy(pkg, edited)
        execute(edited, "UPDATE record SET revision = revision + 5 WHERE rowid = 1")
        r = run("receive", "--database", rayon, edited)
        tap.ok("altered: checksum", r.returncode == 1 and "checksum" in r.stderr, r.stderr)
        text = os.path.join(tmp, "letter.txt")
        with open(text, "w") as f:
            f.write("not a package")
        r = run("receive", "--database", rayon, text)
        tap.ok("a text file: not a package",
              r.returncode == 1 and "not an Aimak exchange package" in r.stderr, r.stderr)
        newer = os.path.join(tmp, "newer.aimak")
        shutil.copy(pkg, newer)
        execute(newer, "PRAGMA user_version = 99")
        r = run("receive", "--database", rayon, newer)
        tap.ok("newer format: refused by name",
              r.returncode == 1 and "format 9" in r.stderr and "Update Aimak" in r.stderr,
              r.stderr)
        tap.ok("refused packages changed nothing",
              one(rayon, "SELECT group_concat(revision) FROM priority") == before)
        r = run("receive", "--database", rayon)
        tap.ok("receive without a file: exit 2", r.returncode == 2, r.stderr)

        # What was received, and taking a receive back.
        r = run("receive", "--database", rayon, "--list")
        n_receipts = one(rayon, "SELECT count(*) FROM package_receipt")
        tap.ok("--list: one entry per receive", r.returncode == 0 and
              r.stdout.count("\tnew ") == n_receipts and n_receipts >= 3, (n_receipts, r.stdout))
        r = run("receive", "--database", rayon, "--undo", "x1")
        tap.ok("--undo x1: exit 2", r.returncode == 2, r.stderr)
        r = run("receive", "--database", rayon, "--undo", str(resolved))
        tap.ok("--undo: exit 0", r.returncode == 0, r.stderr)
        tap.ok("--undo: the rayon's own budget is back",
              one(rayon, "SELECT budget_kgs FROM priority WHERE id = ?", pid) == 150000)
        tap.ok("--undo: one entry in the history",
              one(rayon, "SELECT count(*) FROM change_log WHERE action = 'undo-receive'") == 1)
        r = run("receive", "--database", rayon, "--undo", str(resolved))
        tap.ok("--undo twice: refused", r.returncode == 1 and "already" in r.stderr, r.stderr)
        r = run("receive", "--database", rayon, "--list")
        tap.ok("--list: marks the undone receive", "undone" in r.stdout, r.stdout)
        first = one(rayon, "SELECT min(id) FROM package_receipt")
        title = one(rayon, "SELECT title FROM priority WHERE id = ?", pid)
        before = one(rayon, "SELECT group_concat(revision) FROM priority")
        r = run("receive", "--database", rayon, "--undo", str(first))
        tap.ok("--undo after a local edit: refused, naming the record",
              r.returncode == 1 and title in r.stderr, r.stderr)
        tap.ok("--undo refused: nothing changed",
              one(rayon, "SELECT group_concat(revision) FROM priority") == before)
        area_changes(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
