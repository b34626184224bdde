#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli demo: creating and removing demo data, exit codes and messages (TAP)."""
import os
import sqlite3
import sys

import aimak_tap as tap

CLI = sys.argv[1]


def run(*args):
    return tap.run_cli(CLI, *args, timeout=300)


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def user_rows(db):
    """Everything that is not demo data, as text, to compare before and after."""
    tables = [
        "SELECT * FROM priority WHERE is_demo = 0 ORDER BY id",
        "SELECT * FROM priority_target_group WHERE priority_id IN "
        "(SELECT id FROM priority WHERE is_demo = 0) ORDER BY 1, 2",
        "SELECT * FROM activity WHERE is_demo = 0 ORDER BY id",
        "SELECT * FROM activity_participant WHERE activity_id IN "
        "(SELECT id FROM activity WHERE is_demo = 0) ORDER BY 1, 2",
        "SELECT * FROM activity_priority ORDER BY 1, 2",
        "SELECT count(*), total(value) FROM indicator_value WHERE is_demo = 0",
        "SELECT count(*) FROM area",
    ]
    return [query(db, sql) for sql in tables]


with tap.temp_dir(prefix="aimak-cli-demo-") as tmp:
    db = os.path.join(tmp, "aimak.db")

    r = run("--help")
    tap.ok("help lists the demo command", r.returncode == 0 and "demo" in r.stdout, r.stdout)

    r = run("demo", "--database", db)
    tap.ok("demo without a count exits 2 and says what to give",
           r.returncode == 2 and "--priorities" in r.stderr and r.stdout == "", r.stderr)
    tap.ok("a refused demo command creates no database", not os.path.exists(db))
    r = run("demo", "--priorities", "-5", "--database", db)
    tap.ok("negative --priorities exits 2", r.returncode == 2 and "--priorities" in r.stderr, r.stderr)
    r = run("demo", "--priorities", "many", "--database", db)
    tap.ok("non-numeric --priorities exits 2", r.returncode == 2 and r.stdout == "", r.stderr)
    r = run("demo", "--priorities", "10", "--remove", "--database", db)
    tap.ok("--remove with --priorities exits 2", r.returncode == 2 and "--remove" in r.stderr, r.stderr)
    r = run("demo", "--priorities", "10", "extra", "--database", db)
    tap.ok("an extra argument exits 2", r.returncode == 2 and "extra" in r.stderr, r.stderr)
    r = run("demo", "--priorities", "10", "--seed", "-1", "--database", db)
    tap.ok("negative --seed exits 2", r.returncode == 2 and "--seed" in r.stderr, r.stderr)

    missing = os.path.join(tmp, "missing.db")
    r = run("demo", "--remove", "--database", missing)
    tap.ok("--remove on a missing database exits 1 and creates nothing",
           r.returncode == 1 and not os.path.exists(missing) and "missing.db" in r.stderr, r.stderr)

    # The user's own records, made before the demo data.
    r = run("migrate", "--database", db)
    tap.ok("a database is created for the test", r.returncode == 0, r.stderr)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("INSERT INTO priority (id, area_code, rank, title, status, created_at, updated_at) "
                "VALUES ('mine-1', 'KG02210815000', 1, 'Our own water project', 'draft', "
                "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")
    con.execute("INSERT INTO priority_target_group VALUES ('mine-1', 'women_left_behind')")
    con.execute("INSERT INTO activity (id, area_code, date, type, topic, created_at, updated_at) "
                "VALUES ('act-1', 'KG02210815000', '2025-02-01', 'training', 'Planning', "
                "'2025-02-01', '2025-02-01')")
    con.execute("INSERT INTO activity_participant VALUES ('act-1', 'women_group', 9, 1)")
    con.execute("INSERT INTO activity_priority VALUES ('act-1', 'mine-1')")
    con.commit()
    con.close()
    before = user_rows(db)

    r = run("demo", "--priorities", "250", "--activities", "30", "--seed", "3", "--database", db)
    tap.ok("demo --priorities 250 --activities 30 exits 0", r.returncode == 0, r.stderr)
    tap.ok("demo prints what it created",
           r.stdout == "Created 250 demo priorities.\nCreated 30 demo activities.\n", r.stdout)
    tap.ok("demo writes nothing on stderr", r.stderr == "", r.stderr)
    tap.ok("250 demo priorities, all flagged",
           query(db, "SELECT count(*) FROM priority WHERE is_demo = 1") == [(250,)])
    tap.ok("30 demo activities with participants",
           query(db, "SELECT count(*) FROM activity WHERE is_demo = 1") == [(30,)] and
           query(db, "SELECT count(DISTINCT activity_id) FROM activity_participant WHERE "
                     "activity_id IN (SELECT id FROM activity WHERE is_demo = 1)") == [(30,)])
    tap.ok("demo priorities spread over areas, markers and statuses",
           query(db, "SELECT count(DISTINCT area_code) > 50, count(DISTINCT gender_marker), "
                     "count(DISTINCT status) >= 5 FROM priority WHERE is_demo = 1") == [(1, 3, 1)])
    tap.ok("demo priorities have links",
           query(db, "SELECT count(*) FROM priority p WHERE is_demo = 1 AND (NOT EXISTS "
                     "(SELECT 1 FROM priority_target_group g WHERE g.priority_id = p.id) OR "
                     "NOT EXISTS (SELECT 1 FROM priority_gcm g WHERE g.priority_id = p.id) OR "
                     "NOT EXISTS (SELECT 1 FROM priority_sdg g WHERE g.priority_id = p.id))") == [(0,)])
    tap.ok("demo data are searchable",
           query(db, "SELECT count(*) > 0 FROM priority_fts WHERE priority_fts MATCH 'women'") == [(1,)])
    tap.ok("the user's priority keeps rank 1 in Barskoon",
           query(db, "SELECT rank FROM priority WHERE id = 'mine-1'") == [(1,)])
    r = run("check", "--database", db)
    tap.ok("the database checks clean with demo data", r.returncode == 0, r.stdout + r.stderr)

    r = run("demo", "--remove", "--database", db)
    tap.ok("demo --remove exits 0", r.returncode == 0, r.stderr)
    tap.ok("demo --remove prints the counts",
           r.stdout == "Removed 250 demo priorities.\nRemoved 30 demo activities.\n"
                       "Removed 0 demo indicator values.\n", r.stdout)
    tap.ok("no demo rows are left",
           query(db, "SELECT (SELECT count(*) FROM priority WHERE is_demo = 1) + "
                     "(SELECT count(*) FROM activity WHERE is_demo = 1)") == [(0,)])
    tap.ok("no orphan links are left",
           query(db, "SELECT count(*) FROM priority_checklist WHERE priority_id NOT IN "
                     "(SELECT id FROM priority)") == [(0,)])
    tap.ok("the user's records are exactly as before", user_rows(db) == before)
    r = run("check", "--database", db)
    tap.ok("the database checks clean after removal", r.returncode == 0, r.stdout + r.stderr)
    r = run("demo", "--remove", "--database", db)
    tap.ok("removing again removes nothing",
           r.returncode == 0 and r.stdout.startswith("Removed 0 demo priorities."), r.stdout)

    # The same seed gives the same data.
    db2 = os.path.join(tmp, "other.db")
    db3 = os.path.join(tmp, "third.db")
    r2 = run("demo", "--priorities", "40", "--seed", "11", "--database", db2)
    r3 = run("demo", "-p", "40", "-s", "11", "-d", db3)
    sql = "SELECT area_code, rank, title, gender_marker, status FROM priority ORDER BY 1, 2"
    tap.ok("the same seed gives the same priorities",
           r2.returncode == 0 and r3.returncode == 0 and query(db2, sql) == query(db3, sql))

sys.exit(tap.done())
