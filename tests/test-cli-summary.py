#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli summary: figures as a table and as JSON on a database with known
contents, and exit codes for bad arguments (TAP)."""
import json
import os
import sqlite3
import sys

import aimak_tap as tap

CLI = sys.argv[1]
SUZAK = "KG03220856000"
BARSKOON = "KG02210815000"


def run(*args):
    return tap.run_cli(CLI, *args, timeout=120)


def item(items, code):
    return next((i for i in items if i["code"] == code), None)


with tap.temp_dir(prefix="aimak-cli-summary-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)  # creates the database
    tap.ok("database created", r.returncode == 0, r.stderr)

    con = sqlite3.connect(db)
    rows = [
        # id, area, status, marker, budget, funding, deleted
        ("p1", SUZAK, "draft", 2, 1000000, "local_budget", None),
        ("p2", SUZAK, "approved", 1, 500000, "donor", None),
        ("p3", SUZAK, "approved", 0, 250000, None, None),
        ("p4", SUZAK, "completed", 2, 9999999, "donor", "2024-02-01"),
        ("p5", BARSKOON, "proposed", 0, 2000000, "local_budget", None),
        # Rejected: in the count by status, in no budget figure (issue 11).
        ("p6", SUZAK, "rejected", 2, 4000000, "donor", None),
    ]
    for pid, area, status, marker, budget, funding, deleted in rows:
        con.execute("INSERT INTO priority (id, area_code, rank, title, status, gender_marker, "
                    "budget_kgs, funding_source, created_at, updated_at, deleted_at) "
                    "VALUES (?, ?, 1, 'P', ?, ?, ?, ?, 'x', 'x', ?)",
                    (pid, area, status, marker, budget, funding, deleted))
    con.execute("INSERT INTO priority_target_group VALUES ('p1', 'returning_women_migrants')")
    con.execute("INSERT INTO priority_target_group VALUES ('p2', 'returning_women_migrants')")
    con.execute("INSERT INTO priority_gcm VALUES ('p1', '7')")
    con.execute("INSERT INTO priority_sdg VALUES ('p2', '5.1')")
    con.execute("INSERT INTO activity (id, area_code, date, type, created_at, updated_at) "
                "VALUES ('a1', ?, '2024-06-01', 'training', 'x', 'x')", (SUZAK,))
    con.execute("INSERT INTO activity_participant VALUES ('a1', 'local_authority', 12, 5)")
    con.execute("INSERT INTO activity_participant VALUES ('a1', 'kenesh_deputy', 3, 0)")
    con.commit()
    con.close()

    r = run("summary", "--area", SUZAK, "--json", "--database", db)
    tap.ok("summary --area --json exits 0", r.returncode == 0, r.stderr)
    try:
        data = json.loads(r.stdout)
    except ValueError as e:
        data = {}
        tap.ok("JSON parses", False, str(e) + r.stdout[:500])
    keys = ["scope", "language", "priorities_total", "priorities_by_status",
            "priorities_by_marker", "budget_by_marker", "budget_by_funding", "budget_total",
            "budget_adopted", "gender_budget_shares", "priorities_by_target_group", "gcm_covered", "sdg_covered",
            "participants_by_role_and_sex", "participants_women", "participants_men",
            "activities_by_type", "activities_total", "gcm_objectives_total",
            "sdg_targets_total"]
    tap.ok("JSON has every stable key", all(k in data for k in keys), sorted(data))
    if data:
        tap.ok("scope is the area", data["scope"] == {"kind": "area", "area_code": SUZAK,
                                                      "label": "Suzak"}, data["scope"])
        tap.ok("priorities_total counts live priorities only", data["priorities_total"] == 4,
               data["priorities_total"])
        tap.ok("by status", item(data["priorities_by_status"], "approved")["value"] == 2
               and item(data["priorities_by_status"], "completed")["value"] == 0
               and item(data["priorities_by_status"], "rejected")["value"] == 1)
        tap.ok("by marker", [i["value"] for i in data["priorities_by_marker"]] == [1, 1, 2],
               data["priorities_by_marker"])
        tap.ok("budget by marker", [i["value"] for i in data["budget_by_marker"]]
               == [250000, 500000, 1000000], data["budget_by_marker"])
        tap.ok("budget by funding, none last",
               data["budget_by_funding"][-1]["code"] == ""
               and data["budget_by_funding"][-1]["value"] == 250000
               and item(data["budget_by_funding"], "donor")["value"] == 500000,
               data["budget_by_funding"])
        tap.ok("budget total", data["budget_total"] == 1750000)
        shares = {i["code"]: i for i in data["gender_budget_shares"]}
        tap.ok("two gender budget shares, rejected never counted",
               sorted(shares) == ["adopted", "all_proposals"]
               and abs(shares["all_proposals"]["value"] - 1500000 / 1750000) < 1e-9
               and abs(shares["adopted"]["value"] - 500000 / 750000) < 1e-9
               and data["budget_adopted"] == 750000, data["gender_budget_shares"])
        tap.ok("each share is labelled with its definition",
               shares["adopted"]["label"] == "Gender budget share, adopted programme"
               and "approved" in shares["adopted"]["definition"]
               and "Rejected" in shares["adopted"]["definition"]
               and shares["all_proposals"]["label"] == "Gender budget share, all proposals"
               and "drafts" in shares["all_proposals"]["definition"], shares)
        tap.ok("target groups", item(data["priorities_by_target_group"],
                                     "returning_women_migrants")["value"] == 2)
        tap.ok("GCM and SDG covered", [i["code"] for i in data["gcm_covered"]] == ["7"]
               and [i["code"] for i in data["sdg_covered"]] == ["5.1"])
        la = item(data["participants_by_role_and_sex"], "local_authority")
        tap.ok("participants by role and sex", la == {"code": "local_authority", "label": la["label"],
                                                      "women": 12, "men": 5, "total": 17}, la)
        tap.ok("participants totals", data["participants_women"] == 15
               and data["participants_men"] == 5)
        tap.ok("activities by type", item(data["activities_by_type"], "training")["value"] == 1
               and data["activities_total"] == 1)

    r = run("summary", "--area", SUZAK, "--database", db)
    tap.ok("summary as a table exits 0", r.returncode == 0, r.stderr)
    tap.ok("table names the scope", r.stdout.startswith("Summary: Suzak (%s)" % SUZAK), r.stdout[:200])
    # Numbers through the one formatter (issue 12): English groups with commas.
    tap.ok("table shows the budget and the share",
           "Budget (KGS): 1,750,000" in r.stdout
           and "Gender budget share, all proposals: 85.7%" in r.stdout
           and "Gender budget share, adopted programme: 66.7%" in r.stdout, r.stdout)
    tap.ok("table shows participants", "Capacity building participants: 20 (women 15, men 5)"
           in r.stdout, r.stdout)

    # Russian: narrow no-break space for thousands, a decimal comma, "85,7 %".
    r = run("summary", "--area", SUZAK, "--lang", "ru", "--database", db)
    tap.ok("Russian table writes numbers as Russian does",
           r.returncode == 0 and ": 1\u202f750\u202f000\n" in r.stdout
           and ": 85,7\u00a0%\n" in r.stdout and ": 66,7\u00a0%\n" in r.stdout
           and "85.7" not in r.stdout and "1 750 000" not in r.stdout, r.stdout)

    r = run("summary", "--pilots", "--json", "--lang", "ru", "--database", db)
    data = json.loads(r.stdout) if r.returncode == 0 else {}
    tap.ok("--pilots --lang ru", r.returncode == 0 and data.get("priorities_total") == 5
           and data["scope"]["kind"] == "pilots" and data["scope"]["area_code"] is None
           and data["language"] == "ru"
           and data["priorities_by_status"][0]["label"] == "Черновик", r.stderr + r.stdout[:300])

    r = run("summary", "--all", "--json", "--database", db)
    data = json.loads(r.stdout) if r.returncode == 0 else {}
    tap.ok("--all", r.returncode == 0 and data.get("budget_total") == 3750000, r.stderr)

    # An area without priorities: no share (null), not 0.
    r = run("summary", "--area", "KG08000000000", "--json", "--database", db)
    data = json.loads(r.stdout) if r.returncode == 0 else {}
    tap.ok("empty area gives a null share", r.returncode == 0 and data.get("priorities_total") == 0
           and [i["value"] for i in data.get("gender_budget_shares", [])] == [None, None],
           r.stderr + r.stdout[:200])

    # A database written before values were checked may hold an infinite budget: it
    # counts in no figure (the workbook writes it as an empty cell), and the JSON stays
    # JSON (no "inf").
    con = sqlite3.connect(db)
    con.execute("INSERT INTO priority (id, area_code, rank, title, status, gender_marker, "
                "budget_kgs, created_at, updated_at) "
                "VALUES ('p9', 'KG08206848000', 1, 'P', 'approved', 2, ?, 'x', 'x')",
                (float("inf"),))
    con.commit()
    con.close()
    r = run("summary", "--all", "--json", "--database", db)
    try:
        data = json.loads(r.stdout, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except ValueError:
        data = {}
    tap.ok("an infinite budget leaves valid JSON and the figures unchanged",
           r.returncode == 0 and data.get("budget_total") == 3750000
           and data.get("budget_adopted") == 750000, r.stdout[:3000])
    r = run("summary", "--all", "--database", db)
    tap.ok("... and the table's budget", "Budget (KGS): 3,750,000\n" in r.stdout, r.stdout)

    # Bad arguments: exit 2, a message on stderr, nothing on stdout.
    for name, args in [
        ("no scope", []),
        ("two scopes", ["--all", "--pilots"]),
        ("area and all", ["--area", SUZAK, "--all"]),
        ("unknown area code", ["--area", "KG99"]),
        ("bad language", ["--all", "--lang", "kg"]),
        ("unknown option", ["--all", "--frobnicate"]),
        ("stray argument", ["--all", "extra"]),
    ]:
        r = run("summary", *args, "--database", db)
        tap.ok("bad arguments (%s) exit 2" % name,
               r.returncode == 2 and r.stdout == "" and r.stderr.strip() != "",
               "rc=%d out=%r err=%r" % (r.returncode, r.stdout[:100], r.stderr))
    r = run("summary", "--area", "KG99", "--database", db)
    tap.ok("unknown area is named", "KG99" in r.stderr, r.stderr)

    missing = os.path.join(tmp, "missing.db")
    r = run("summary", "--all", "--database", missing)
    tap.ok("missing database exits 1 and creates nothing",
           r.returncode == 1 and not os.path.exists(missing), r.stderr)

    r = run("summary", "--help")
    tap.ok("--help documents the exit status", r.returncode == 0 and "Exit status" in r.stdout)

sys.exit(tap.done())
