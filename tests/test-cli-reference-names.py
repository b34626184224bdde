#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Corrected reference names reach existing databases (TAP): a database of schema 2
holding the names the previous release shipped (tests/data/reference-names-v2.csv:
the Russian GCM 13 "Содержание под стражей…", SDG 17.18 «полу», Kyrgyz «Тоӊ» with
the wrong letter…) is refused by the commands that only read, with the command that
upgrades it; `aimak-cli migrate` then gives it the names of data/reference, and
changes nothing else: not the codes, not the priorities, activities and indicator
values the user made, not an indicator the user added."""
import csv
import os
import sqlite3
import sys
import tempfile

import aimak_tap as tap

CLI = os.path.abspath(sys.argv[1])
DATA = os.path.abspath(sys.argv[2])          # tests/data
REFERENCE = os.path.join(os.path.dirname(os.path.dirname(DATA)), "data", "reference")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimak_schema  # noqa: E402




def run(*args, lang="en"):
    return tap.run_cli(CLI, *args, lang=lang, timeout=300)


def dump(path):
    """Schema and every row, sorted; the search index's shadow tables left out."""
    con = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    try:
        lines = []
        tables = []
        # Record identity (schema 4) is made anew when an old database is upgraded:
        # a new desk UUID, value UUIDs and revisions from 1; leave it out.
        for typ, name, sql in con.execute("SELECT type, name, sql FROM sqlite_master "
                                          "WHERE name NOT LIKE 'priority_fts%' "
                                          "AND name <> 'desk'"):
            lines.append(("schema", typ, name, sql))
            if typ == "table" and not name.startswith("sqlite_"):
                tables.append(name)
        for t in tables:
            cur = con.execute('SELECT * FROM "%s"' % t.replace('"', '""'))
            keep = [i for i, d in enumerate(cur.description)
                    if d[0] not in aimak_schema.IDENTITY_COLUMNS]
            for row in cur:
                lines.append((t,) + tuple(repr(row[i]) for i in keep))
        return sorted(lines, key=repr)
    finally:
        con.close()


def one(path, sql, *args):
    con = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    try:
        row = con.execute(sql, args).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def write_old_names(path):
    """The names the previous release's reference data had, where they have changed."""
    con = sqlite3.connect(path)
    n = 0
    bad = []
    with open(os.path.join(DATA, "reference-names-v2.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cur = con.execute('UPDATE "%s" SET "%s" = ? WHERE code = ? AND "%s" <> ?'
                              % (row["table"], row["column"], row["column"]),
                              (row["value"], row["code"], row["value"]))
            if cur.rowcount != 1:
                bad.append(row)
            n += 1
    con.commit()
    con.executescript(aimak_schema.UNDO_IDENTITY_SQL + "PRAGMA user_version = 2;")
    con.close()
    return n, bad


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-cli-names-")
    try:
        db = os.path.join(tmp, "aimak.db")
        r = run("migrate", "--database", db)
        tap.ok("migrate creates a database", r.returncode == 0, r.stderr)
        r = run("demo", "--database", db, "--priorities", "20", "--activities", "4",
                "--seed", "3")
        tap.ok("demo data made", r.returncode == 0, r.stderr)
        con = sqlite3.connect(db)
        con.execute("INSERT INTO indicator (code, name_en, name_ru, name_ky, unit, is_reference) "
                    "VALUES ('WELLS_TON', 'Wells in Ton', 'Колодцы', 'Тоӊдогу кудуктар', "
                    "'NUMBER', 0)")
        con.commit()
        con.close()
        current = dump(db)

        n, bad = write_old_names(db)
        tap.ok("the previous release's names written (each names one row that differs)",
               n >= 50 and not bad, (n, bad[:3]))
        tap.ok("the old database says Тоӊ (U+04CA)",
               one(db, "SELECT name_ky FROM area WHERE code = 'KG02220000000'") == "Тоӊ")
        tap.ok("the old database says «Содержание под стражей» for GCM 13",
               one(db, "SELECT name_ru FROM gcm_objective WHERE code = '13'")
               .startswith("Содержание под стражей"))

        with open(db, "rb") as f:
            before = f.read()
        for args in (["areas", "--level", "2"], ["summary", "--all"], ["check"]):
            r = run(*args, "--database", db)
            tap.ok(f"{args[0]} refuses schema 2 and says how to upgrade",
                   r.returncode == 1 and "must be upgraded" in r.stderr
                   and "aimak-cli migrate" in r.stderr, (r.returncode, r.stderr))
        with open(db, "rb") as f:
            tap.ok("the commands that only read did not change it", f.read() == before)

        r = run("migrate", "--database", db)
        tap.ok("migrate upgrades it", r.returncode == 0 and "Upgraded" in r.stdout,
               (r.returncode, r.stdout, r.stderr))
        tap.ok("schema 3 or later after migrate", one(db, "PRAGMA user_version") >= 3)
        backups = os.path.join(tmp, "backups")
        tap.ok("a backup was made first", os.path.isdir(backups) and os.listdir(backups))

        r = run("areas", "--level", "2", "--database", db, lang="ky")
        tap.ok("areas in Kyrgyz: Тоң with ң (U+04A3)",
               r.returncode == 0 and "KG02220000000\tТоң\n" in r.stdout, r.stdout[:300])
        tap.ok("areas in Kyrgyz: Чоң-Алай with ң",
               "KG06259000000\tЧоң-Алай\n" in r.stdout, r.stdout[:300])
        tap.ok("no ӊ left in any area name",
               one(db, "SELECT count(*) FROM area WHERE name_ky LIKE '%ӊ%'") == 0)
        tap.ok("the user's own indicator keeps what the user typed",
               one(db, "SELECT name_ky FROM indicator WHERE code = 'WELLS_TON'")
               == "Тоӊдогу кудуктар")
        tap.ok("SDG 17.18 in Russian says «гендерной принадлежности»",
               "гендерной принадлежности" in one(db, "SELECT name_ru FROM sdg_target "
                                                     "WHERE code = '17.18'"))

        # Every GCM and SDG title as data/reference says it.
        for name, table in (("gcm_objectives.csv", "gcm_objective"),
                            ("sdg_targets.csv", "sdg_target")):
            wrong = []
            with open(os.path.join(REFERENCE, "codelists", name), encoding="utf-8",
                      newline="") as f:
                for row in csv.DictReader(f):
                    got = (one(db, f"SELECT name_en FROM {table} WHERE code = ?", row["code"]),
                           one(db, f"SELECT name_ru FROM {table} WHERE code = ?", row["code"]),
                           one(db, f"SELECT name_ky FROM {table} WHERE code = ?", row["code"]))
                    if got != (row["short_en"], row["short_ru"], row["short_ky"]):
                        wrong.append((row["code"], got))
            tap.ok(f"every {table} name as {name} says", not wrong, wrong[:2])

        after = dump(db)
        diff = [l for l in after if l not in set(current)][:3]
        tap.ok("nothing but the names changed: the database is as a new one with the same data",
               after == current, diff)

        r = run("migrate", "--database", db)
        tap.ok("migrate again: up to date", r.returncode == 0 and "up to date" in r.stdout,
               r.stdout)
    except Exception as e:  # a crash is a failure, not a missing test
        tap.ok("ran to the end", False, repr(e))
    finally:
        tap.remove_tree(tmp)

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
