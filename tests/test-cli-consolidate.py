#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Consolidation (issue 15) through aimak-cli, read back with openpyxl (TAP).

Two ayil okmotu desks (one named, one not) each send the package of their own ayil
aimak; a rayon desk receives both and exports the rayon's, the oblast's and the
national workbook. Each holds both areas: the Priorities sheet names the source desk of
every row, the By area sheet has each area's priorities, budget, gender budget, share
and participants by sex (formulas with the right cached figures, and a total row that
agrees with `aimak-cli summary`), and the Data received sheet names the desk, the
package and the records held from it, and says which ayil aimaks sent nothing. A
workbook of one ayil aimak has neither sheet.
"""
import json
import math
import os
import shutil
import sqlite3
import sys
import tempfile

import aimak_tap as tap

try:
    import openpyxl
except ImportError:
    # The python3 on PATH may not be Debian's (a pyenv shim, a venv): use Debian's.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    tap.skip_all("python3-openpyxl is not installed")

CLI = sys.argv[1]
RAYON = "KG02210000000"      # Jeti-Oguz
NAMED = "Barskoon ayil okmotu (test)"


def run(*args):
    return tap.run_cli(CLI, *args, timeout=600)


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def one(db, sql, *params):
    return query(db, sql, *params)[0][0]


def expected(db, area):
    """What the sending desk holds for @area, by the Summary's rules."""
    pri = one(db, "SELECT count(*) FROM priority WHERE area_code = ? AND deleted_at IS NULL",
              area)
    budget = one(db, "SELECT total (budget_kgs) FROM priority WHERE area_code = ? AND "
                 "deleted_at IS NULL AND status <> 'rejected'", area)
    gender = one(db, "SELECT total (budget_kgs) FROM priority WHERE area_code = ? AND "
                 "deleted_at IS NULL AND status <> 'rejected' AND gender_marker IN (1, 2)",
                 area)
    act = one(db, "SELECT count(*) FROM activity WHERE area_code = ? AND deleted_at IS NULL",
              area)
    women, men = query(db, "SELECT total (ap.women), total (ap.men) FROM activity_participant "
                       "ap JOIN activity a ON a.id = ap.activity_id WHERE a.area_code = ? AND "
                       "a.deleted_at IS NULL", area)[0]
    return {"priorities": pri, "budget": budget, "gender": gender, "activities": act,
            "women": women, "men": men}


def rows_of(ws):
    """Data rows (from row 3) as lists of values, up to the first empty row."""
    out = []
    for row in ws.iter_rows(min_row=3, values_only=True):
        if row[0] is None:
            break
        out.append(list(row))
    return out


def headers(ws):
    return [c.value for c in ws[2]]


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=0.01)


def check_by_area(path, tag, areas, sent):
    """The By area sheet: one row per area, cached figures and formulas, the total."""
    wb = openpyxl.load_workbook(path, data_only=True)
    wf = openpyxl.load_workbook(path)
    ws, fs = wb["By area"], wf["By area"]
    h = headers(ws)
    tap.ok(f"{tag}: By area headers", h[:10] == [
        "Area", "P-code", "Priorities", "Budget of all proposals, KGS",
        "Gender budget (marker 1 or 2), KGS", "Gender budget share, all proposals",
        "Capacity-building activities", "Women, total", "Men, total",
        "Participants, total"], h)
    rows = rows_of(ws)
    by_code = {r[1]: (i, r) for i, r in enumerate(rows) if r[1]}
    tap.ok(f"{tag}: By area has exactly the two areas",
           sorted(by_code) == sorted(areas), list(by_code))
    for i, code in enumerate(areas):
        if code not in by_code:
            continue
        n, r = by_code[code]
        e = sent[i]
        share = e["gender"] / e["budget"] if e["budget"] else ""
        tap.ok(f"{tag}: {code}: priorities, budget, gender budget",
               r[2] == e["priorities"] and close(r[3], e["budget"]) and close(r[4], e["gender"]),
               (r[2:5], e))
        tap.ok(f"{tag}: {code}: gender budget share", share == "" and r[5] in ("", None)
               or close(r[5], share), (r[5], share))
        tap.ok(f"{tag}: {code}: activities and participants by sex",
               r[6] == e["activities"] and r[7] == e["women"] and r[8] == e["men"]
               and r[9] == e["women"] + e["men"], (r[6:10], e))
        f = [c.value for c in fs[3 + n]]
        tap.ok(f"{tag}: {code}: figures are formulas over the Priorities sheet",
               str(f[2]).startswith("=COUNTIF('Priorities'!")
               and str(f[3]).startswith("=SUMIFS('Priorities'!")
               and "<>Rejected" in str(f[3]) and str(f[4]).count("SUMIFS(") == 2
               and str(f[5]).startswith("=IF("), f[2:6])
    total = next((r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == "Total"), None)
    want = {k: sum(e[k] for e in sent) for k in sent[0]}
    tap.ok(f"{tag}: total row", total is not None and total[2] == want["priorities"]
           and close(total[3], want["budget"]) and close(total[4], want["gender"])
           and total[6] == want["activities"] and total[7] == want["women"]
           and total[8] == want["men"], (total, want))
    note = [c.value for c in ws["A"] if isinstance(c.value, str)]
    tap.ok(f"{tag}: By area says what it counts",
           any("not rejected" in v for v in note)
           and any("gender marker 1 or 2" in v for v in note), note[-3:])
    return total


def check_received(path, tag, areas, desk_names, n_leaves):
    ws = openpyxl.load_workbook(path, data_only=True)["Data received"]
    h = headers(ws)
    tap.ok(f"{tag}: Data received headers", h[:10] == [
        "Area", "P-code", "Desk", "Last package written (UTC)", "Last package received (UTC)",
        "Packages received", "Priorities held from this desk", "Activities held from this desk",
        "Indicator values held from this desk", "Note"], h)
    rows = rows_of(ws)
    got = {r[1]: r for r in rows if r[2]}
    nothing = [r for r in rows if r[9] == "Nothing received"]
    tap.ok(f"{tag}: a row for each area received", sorted(got) == sorted(areas), list(got))
    for i, code in enumerate(areas):
        r = got.get(code)
        tap.ok(f"{tag}: {code}: desk, package, times",
               r is not None and r[2] == desk_names[i] and r[5] == 1
               and len(r[3] or "") == 16 and len(r[4] or "") == 16, r)
    return got, nothing


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-cli-consolidate-")
    try:
        dbs = [os.path.join(tmp, f"okmotu-{i}.db") for i in range(2)]
        rayon = os.path.join(tmp, "rayon.db")
        for i, db in enumerate(dbs):
            r = run("demo", "--database", db, "--priorities", "2000", "--activities", "1500",
                    "--seed", str(3 + 2 * i))
            tap.ok(f"okmotu {i}: demo data", r.returncode == 0, r.stderr)
        r = run("migrate", "--database", rayon)
        tap.ok("rayon database created", r.returncode == 0, r.stderr)
        con = sqlite3.connect(dbs[0])
        con.execute("UPDATE desk SET name = ? WHERE is_self = 1", (NAMED,))
        con.commit()
        con.close()
        desk_b = one(dbs[1], "SELECT id FROM desk WHERE is_self = 1")
        desk_names = [NAMED, f"Desk {desk_b[:8]}"]

        areas = []
        for i, db in enumerate(dbs):
            code = one(db, "SELECT p.area_code FROM priority p JOIN area a ON a.code = "
                       "p.area_code WHERE a.parent_code = ? AND p.area_code NOT IN (%s) "
                       "AND p.deleted_at IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
                       % ",".join("?" * (len(areas) or 1)), RAYON, *(areas or [""]))
            areas.append(code)
        sent = [expected(db, code) for db, code in zip(dbs, areas)]
        tap.ok("each okmotu has priorities, activities and participants",
               all(e["priorities"] > 0 for e in sent)
               and sum(e["activities"] for e in sent) > 0
               and sum(e["women"] for e in sent) > 0, sent)

        for i, (db, code) in enumerate(zip(dbs, areas)):
            pkg = os.path.join(tmp, f"{code}.aimak")
            r = run("package", "--database", db, "--area", code, "-o", pkg)
            tap.ok(f"okmotu {i}: package written", r.returncode == 0, r.stderr)
            r = run("receive", "--database", rayon, pkg)
            tap.ok(f"okmotu {i}: rayon receives it", r.returncode == 0, r.stderr)

        oblast = one(rayon, "SELECT parent_code FROM area WHERE code = ?", RAYON)
        leaves = one(rayon, "SELECT count(*) FROM area WHERE parent_code = ? AND code NOT IN "
                     "(SELECT parent_code FROM area WHERE parent_code IS NOT NULL)", RAYON)
        for scope, args in [("rayon", ["--area", RAYON]), ("oblast", ["--area", oblast]),
                            ("national", ["--all"])]:
            out = os.path.join(tmp, f"{scope}.xlsx")
            r = run("export", "--database", rayon, *args, "-o", out)
            tap.ok(f"{scope}: export", r.returncode == 0, r.stderr)
            if r.returncode != 0:
                continue
            wb = openpyxl.load_workbook(out, data_only=True)
            pri = wb["Priorities"]
            h = headers(pri)
            col = h.index("Source desk") if "Source desk" in h else None
            tap.ok(f"{scope}: Priorities has the Source desk column last",
                   col == len([x for x in h if x is not None]) - 1, h[-3:])
            if col is not None:
                desks = {}
                for row in pri.iter_rows(min_row=3, values_only=True):
                    desks.setdefault(row[2], set()).add(row[col])
                tap.ok(f"{scope}: each priority names its source desk",
                       desks == {areas[0]: {desk_names[0]}, areas[1]: {desk_names[1]}},
                       desks)
            total = check_by_area(out, scope, areas, sent)
            got, nothing = check_received(out, scope, areas, desk_names, leaves)
            for i, code in enumerate(areas):
                r = got.get(code)
                tap.ok(f"{scope}: {code}: records held from the desk",
                       r is not None and r[6] == sent[i]["priorities"]
                       and r[7] == sent[i]["activities"], (r, sent[i]))
            if scope == "rayon":
                tap.ok("rayon: every other ayil aimak says nothing was received",
                       len(nothing) == leaves - 2 and all(r[2] is None for r in nothing),
                       (len(nothing), leaves))
                s = json.loads(run("summary", "--database", rayon, "--area", RAYON,
                                   "--json").stdout)
                share = next(x for x in s["gender_budget_shares"]
                             if x["code"] == "all_proposals")
                tap.ok("rayon: By area total agrees with the Summary",
                       total is not None and total[2] == s["priorities_total"]
                       and close(total[3], s["budget_total"])
                       and close(total[5], share["value"])
                       and total[7] == s["participants_women"]
                       and total[8] == s["participants_men"], (total, s["budget_total"]))

        # A receive taken back counts nowhere: the second area is gone from both sheets.
        last = one(rayon, "SELECT max (id) FROM package_receipt")
        r = run("receive", "--database", rayon, "--undo", str(last))
        tap.ok("the second receive is undone", r.returncode == 0, r.stderr)
        out = os.path.join(tmp, "rayon-undone.xlsx")
        r = run("export", "--database", rayon, "--area", RAYON, "-o", out)
        wb = openpyxl.load_workbook(out, data_only=True) if r.returncode == 0 else None
        if wb is not None:
            codes = [r[1] for r in rows_of(wb["By area"]) if r[1]]
            tap.ok("undone: By area has the first area only", codes == [areas[0]], codes)
            rec = {r[1]: r for r in rows_of(wb["Data received"])}
            tap.ok("undone: Data received says nothing was received for the second area",
                   rec.get(areas[1], [None] * 10)[9] == "Nothing received"
                   and rec.get(areas[0], [None] * 10)[2] == NAMED, rec.get(areas[1]))
        else:
            tap.ok("undone: export", False, r.stderr)

        # Russian headers; one ayil aimak alone: no breakdown, nothing consolidated.
        out = os.path.join(tmp, "rayon-ru.xlsx")
        r = run("export", "--database", rayon, "--area", RAYON, "--lang", "ru", "-o", out)
        wb = openpyxl.load_workbook(out, data_only=True) if r.returncode == 0 else None
        tap.ok("ru: sheets and Source desk localised", wb is not None
               and "По территориям" in wb.sheetnames and "Полученные данные" in wb.sheetnames
               and "Рабочее место-источник" in headers(wb["Приоритеты"]),
               wb.sheetnames if wb else r.stderr)
        out = os.path.join(tmp, "one.xlsx")
        r = run("export", "--database", rayon, "--area", areas[0], "-o", out)
        wb = openpyxl.load_workbook(out, data_only=True) if r.returncode == 0 else None
        tap.ok("one ayil aimak: no By area or Data received sheet",
               wb is not None and "By area" not in wb.sheetnames
               and "Data received" not in wb.sheetnames, wb.sheetnames if wb else r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
