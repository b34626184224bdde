#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-workbook-openpyxl.py — reads the workbook `aimak-cli export` writes with an
independent reader (openpyxl, Debian's python3-openpyxl) and compares the Priorities
sheet cell by cell with the database rows read with Python's sqlite3: every priority of
the scope in order, names in the workbook's language, numbers as numbers, dates as
dates. Also checks the gender budget figures openpyxl sees. Prints TAP.

Usage: check-workbook-openpyxl.py AIMAK-CLI
"""
import datetime
import os
import sqlite3
import sys

import aimak_tap as tap

try:
    import openpyxl
except ImportError:
    # The python3 on PATH may not be Debian's (a pyenv shim, a venv): use Debian's.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    tap.skip_all("python3-openpyxl is not installed")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimak_workbook_fixture as fx  # noqa: E402

CLI = sys.argv[1]
YES = {"en": "Yes", "ru": "Да", "ky": "Ооба"}


def code_names(con, table, lang, with_code):
    out = {}
    for i, (code,) in enumerate(con.execute(f"SELECT code FROM {table} ORDER BY sort, code")):
        label = fx.name(con, table, code, lang)
        out[code] = (i, f"{code} {label}" if with_code else label)
    return out


def joined(con, table, link_table, link_column, priority_id, names):
    codes = [c for (c,) in con.execute(f"SELECT {link_column} FROM {link_table} "
                                       "WHERE priority_id = ?", (priority_id,))]
    ordered = sorted((names[c] for c in codes if c in names), key=lambda n: n[0])
    return "; ".join(n[1] for n in ordered) or None


def date_or_none(iso):
    if not iso:
        return None
    return datetime.datetime.fromisoformat(iso[:10])


def expected_rows(con, lang, area_codes):
    sectors = code_names(con, "sector", lang, False)
    groups = code_names(con, "target_group", lang, False)
    gcm = code_names(con, "gcm_objective", lang, True)
    sdg = code_names(con, "sdg_target", lang, True)
    statuses = code_names(con, "status", lang, False)
    funding = code_names(con, "funding_source", lang, False)
    marks = ",".join("?" * len(area_codes))
    rows = []
    for p in con.execute(
            "SELECT id, area_code, rank, title, sector_code, gender_marker, marker_justification,"
            " budget_kgs, funding_source, responsible, partners, start_year, end_year, status,"
            " hearing_date, hearing_participants_f, hearing_participants_m, kenesh_decision_no,"
            f" kenesh_decision_date, is_demo FROM priority WHERE deleted_at IS NULL AND"
            f" area_code IN ({marks}) ORDER BY area_code, rank, id", area_codes).fetchall():
        (pid, area, rank, title, sector, marker, justification, budget, fund, responsible,
         partners, start, end, status, hearing, hf, hm, decision_no, decision_date, demo) = p
        rows.append((
            rank, fx.name(con, "area", area, lang), area, title or None,
            sectors[sector][1] if sector else None,
            joined(con, "target_group", "priority_target_group", "group_code", pid, groups),
            marker, justification or None,
            joined(con, "gcm_objective", "priority_gcm", "objective_code", pid, gcm),
            joined(con, "sdg_target", "priority_sdg", "target_code", pid, sdg),
            budget, funding[fund][1] if fund else None, responsible or None, partners or None,
            start, end, statuses[status][1], date_or_none(hearing), hf, hm, decision_no or None,
            date_or_none(decision_date), YES[lang] if demo else None,
        ))
    return rows


def scope_codes(con, root):
    codes, todo = [], [root]
    while todo:
        code = todo.pop()
        codes.append(code)
        todo += [c for (c,) in con.execute("SELECT code FROM area WHERE parent_code = ?",
                                           (code,))]
    return codes


def main():
    with tap.temp_dir(prefix="aimak-check-openpyxl-") as tmp:
        db = fx.make_database(CLI, tmp, demo_priorities=300, demo_activities=20)
        con = sqlite3.connect(db)
        cases = [("en", ["--all"], [c for (c,) in con.execute("SELECT code FROM area")]),
                 ("ky", ["--area", fx.JETI_OGUZ], scope_codes(con, fx.JETI_OGUZ)),
                 ("ru", ["--pilots"], None)]
        for lang, scope, codes in cases:
            if codes is None:
                codes = set()
                for (pilot,) in con.execute("SELECT code FROM area WHERE is_pilot = 1"):
                    codes.update(scope_codes(con, pilot))
                codes = sorted(codes)
            out = os.path.join(tmp, f"wb-{lang}.xlsx")
            r = fx.run_cli(CLI, "export", "--database", db, *scope, "--lang", lang, "-o", out)
            tag = f"{lang} {' '.join(scope)}"
            if not tap.ok(f"{tag}: exported", r.returncode == 0, r.stderr):
                continue
            wb = openpyxl.load_workbook(out)
            ws = wb.worksheets[2]
            expected = expected_rows(con, lang, codes)
            got = [tuple(row) for row in ws.iter_rows(min_row=3, max_col=23, values_only=True)]
            tap.ok(f"{tag}: one row per priority", len(got) == len(expected),
                   (len(got), len(expected)))
            mismatches = [(i + 3, g, e) for i, (g, e) in enumerate(zip(got, expected)) if g != e]
            tap.ok(f"{tag}: every cell of the Priorities sheet equals the database",
                   not mismatches, mismatches[:3])
            numeric = all(isinstance(g[0], int) and isinstance(g[6], int)
                          and (g[10] is None or isinstance(g[10], (int, float)))
                          for g in got)
            tap.ok(f"{tag}: rank, marker and budget are numbers", numeric)
            tap.ok(f"{tag}: the table is there", "Priorities" in ws.tables)
            validations = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
            tap.ok(f"{tag}: marker validation", validations.get(f"G3:G{len(got) + 2}") == '"0,1,2"',
                   validations)

            budget = wb.worksheets[5]
            # Rejected priorities count in no total (issue 11).
            rejected = fx.name(con, "status", "rejected", lang)
            live = [e for e in expected if e[10] is not None and e[16] != rejected]
            tap.ok(f"{tag}: the demo data has rejected priorities with a budget",
                   any(e[10] and e[16] == rejected for e in expected))
            total = sum(e[10] for e in live)
            by_marker = [sum(e[10] for e in live if e[6] == m) for m in range(3)]
            formulas = [budget.cell(row=3 + m, column=4).value for m in range(3)]
            tap.ok(f"{tag}: budget by marker are SUMIFS formulas",
                   all(str(f).startswith("=SUMIFS(") for f in formulas), formulas)
            cached = openpyxl.load_workbook(out, data_only=True).worksheets[5]
            values = [cached.cell(row=3 + m, column=4).value for m in range(3)]
            tap.ok(f"{tag}: budget by marker values (cached for viewers) equal the database",
                   all(abs(v - b) < 0.01 for v, b in zip(values, by_marker)), (values, by_marker))
            share_row = next(r for r in range(3, 40)
                             if str(budget.cell(row=r, column=4).value).startswith("=IF(")
                             and "(D4+D5)" in str(budget.cell(row=r, column=4).value))
            share = cached.cell(row=share_row, column=4).value
            expected_share = (by_marker[1] + by_marker[2]) / total if total else ""
            tap.ok(f"{tag}: gender budget share", share == expected_share
                   or abs(share - expected_share) < 1e-9, (share, expected_share))
            tap.ok(f"{tag}: print titles repeat the title and header rows",
                   all(s.print_title_rows in ("1:2", "$1:$2") for s in wb.worksheets),
                   [s.print_title_rows for s in wb.worksheets])
            tap.ok(f"{tag}: frozen header on every sheet",
                   all(s.freeze_panes == "A3" for s in wb.worksheets))
            tap.ok(f"{tag}: document properties",
                   wb.properties.creator == "Aimak" and wb.properties.created is not None)
        con.close()

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
