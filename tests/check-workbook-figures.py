#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Figures a ministry can trust (issue 11), read back from exported workbooks with
openpyxl and from the chart XML (TAP):
- values of different sources are never combined: one row per source, each saying how
  many other sources differ;
- complementary suppression: when a women's count is hidden or missing, the total is
  hidden too, so that nothing can be worked out by subtraction; the chart draws a
  hidden value as a labelled gap, never as 0; the Cover lists every hidden cell;
- text limits: a literal "_x000D_" comes back as typed; a text over 32,767 UTF-16
  units is cut at the limit with a visible mark and listed on the Cover;
- a non-finite number never reaches the workbook."""
import os
import re
import sqlite3
import sys
import zipfile
import xml.etree.ElementTree as ET

import aimak_tap as tap

try:
    import openpyxl
    import openpyxl.utils
except ImportError:
    # The python3 on PATH may not be Debian's (a pyenv shim, a venv): use Debian's.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    tap.skip_all("python3-openpyxl is not installed")

CLI = sys.argv[1]
BARSKOON = "KG02210815000"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def run(*args):
    return tap.run_cli(CLI, *args, timeout=300)


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def rows_of(ws, first=3):
    return [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]


with tap.temp_dir(prefix="aimak-figures-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)
    tap.ok("database created", r.returncode == 0, r.stderr)
    con = sqlite3.connect(db)

    def value(area, code, year, sex, v, source):
        con.execute("INSERT INTO indicator_value (area_code, indicator_code, year, sex, value,"
                    " source) VALUES (?, ?, ?, ?, ?, ?)", (area, code, year, sex, v, source))

    # Women missing, men 25, total 27: the women's 2 must not be derivable.
    value(BARSKOON, "RETURNEES", 2024, "M", 25, "Ayil okmotu register")
    value(BARSKOON, "RETURNEES", 2024, "T", 27, "Ayil okmotu register")
    # Women 3 (below 5), men 10, total 13: women "<5", total hidden.
    value(BARSKOON, "MIGR_ABROAD", 2024, "F", 3, "Ayil okmotu register")
    value(BARSKOON, "MIGR_ABROAD", 2024, "M", 10, "Ayil okmotu register")
    value(BARSKOON, "MIGR_ABROAD", 2024, "T", 13, "Ayil okmotu register")
    # Women 3 and men 40 from one source, total 43 from another: 43 - 40 would give
    # the women across the two rows.
    value(BARSKOON, "MIGR_LABOUR", 2024, "F", 3, "Ayil okmotu register")
    value(BARSKOON, "MIGR_LABOUR", 2024, "M", 40, "Ayil okmotu register")
    value(BARSKOON, "MIGR_LABOUR", 2024, "T", 43, "Rayon statistics")
    # Two sources disagree on the population; a third agrees with the first.
    for source, (f, m, t) in (("Ayil okmotu register", (2600, 2500, 5100)),
                              ("Rayon statistics", (2700, 2550, 5250)),
                              ("Village health post", (2600, 2500, 5100))):
        for sex, v in (("F", f), ("M", m), ("T", t)):
            value(BARSKOON, "POP", 2024, sex, v, source)

    literal = "Water _x000D_ taps and _x0041_ wells"
    long_title = "Long " + "\U0001F642" * 17000          # 34,005 UTF-16 units, 17,005 code points
    long_problem = "Problem " + "ж" * 40000
    many_literals = "_x000D_" * 4700                  # 32,900 characters as typed
    for pid, rank, title, budget, problem in (
            ("p1", 1, literal, 1000, ""),
            ("p2", 2, long_title, float("inf"), long_problem),
            ("p3", 3, many_literals, 5, "")):
        con.execute("INSERT INTO priority (id, area_code, rank, title, problem, status,"
                    " gender_marker, budget_kgs, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, 'approved', 1, ?, 'x', 'x')",
                    (pid, BARSKOON, rank, title, problem, budget))
    con.commit()
    tap.ok("the database holds an infinite budget",
           con.execute("SELECT budget_kgs FROM priority WHERE id = 'p2'").fetchone()[0]
           == float("inf"))

    out = os.path.join(tmp, "barskoon.xlsx")
    r = run("export", "--database", db, "--area", BARSKOON, "--lang", "en",
            "--suppress-small", "5", "-o", out)
    if not tap.ok("export of the ayil aimak exits 0", r.returncode == 0, r.stderr):
        sys.exit(tap.done())    # no workbook to read back
    wb = openpyxl.load_workbook(out)
    cover, profile, pri = wb["Cover"], wb["Profile"], wb["Priorities"]
    headers = [c.value for c in profile[2]]
    col = {h: i for i, h in enumerate(headers)}

    # ---- disagreeing sources
    prof = rows_of(profile)
    pop = [r for r in prof if r[col["Indicator"]] == "Population"]
    tap.ok("one Profile row per source of the population",
           sorted(r[col["Source"]] for r in pop)
           == ["Ayil okmotu register", "Rayon statistics", "Village health post"], pop)
    by_source = {r[col["Source"]]: r for r in pop}
    tap.ok("each row keeps its own source's values, never the larger",
           by_source["Ayil okmotu register"][col["Women"]] == 2600
           and by_source["Rayon statistics"][col["Women"]] == 2700
           and by_source["Ayil okmotu register"][col["Total"]] == 5100, pop)
    tap.ok("no row cites two sources", all("; " not in (r[col["Source"]] or "") for r in prof))
    tap.ok("each row says how many other sources differ",
           "Other sources" in col
           and "1" in (by_source["Ayil okmotu register"][col["Other sources"]] or "")
           and "2" in (by_source["Rayon statistics"][col["Other sources"]] or "")
           and "1" in (by_source["Village health post"][col["Other sources"]] or ""), pop)

    # ---- complementary suppression
    ret = next((r for r in prof if r[col["Indicator"]].startswith("Migrants returned")
                or "return" in r[col["Indicator"]].lower()), None)
    tap.ok("returnees row present", ret is not None, [r[col["Indicator"]] for r in prof])
    if ret:
        tap.ok("women missing, men shown, total hidden (27 - 25 would give the women)",
               ret[col["Women"]] is None and ret[col["Men"]] == 25
               and ret[col["Total"]] == "hidden", ret)
    mig = next((r for r in prof if r[col["Men"]] == 10), None)
    tap.ok("women below the threshold shown as <5 and the total hidden",
           mig and mig[col["Women"]] == "<5" and mig[col["Total"]] == "hidden", mig)
    derivable = []
    for r in prof:
        shown = [r[col[k]] for k in ("Women", "Men", "Total")]
        numbers = [v for v in shown if isinstance(v, (int, float))]
        if r[col["Area"]] and len(numbers) == 2 and any(v is None or isinstance(v, str)
                                                        for v in shown):
            if r[col["Indicator"]] != "Population":
                derivable.append(r)
    tap.ok("no small-count row shows two of women/men/total beside a hidden or missing one",
           not derivable, derivable)
    labour = [r for r in prof if r[col["Indicator"]] == "Residents away in labour migration"]
    tap.ok("a total from another source is hidden too when it would give a hidden count",
           len(labour) == 2
           and not any(isinstance(r[col["Total"]], (int, float)) for r in labour)
           and any(r[col["Total"]] == "hidden" for r in labour)
           and any(r[col["Women"]] == "<5" for r in labour), labour)
    cover_rows = rows_of(cover)
    hidden = [r for r in cover_rows if r[0] == "Hidden values"]
    where = {r[1] for r in hidden}
    total_col = openpyxl.utils.get_column_letter(col["Total"] + 1)
    women_col = openpyxl.utils.get_column_letter(col["Women"] + 1)
    ret_row = prof.index(ret) + 3 if ret else 0
    mig_row = prof.index(mig) + 3 if mig else 0
    tap.ok("the Cover lists each hidden cell with the reason",
           f"'Profile'!{total_col}{ret_row}" in where and f"'Profile'!{total_col}{mig_row}" in where
           and f"'Profile'!{women_col}{mig_row}" in where
           and any("subtraction" in (r[3] or "") for r in hidden)
           and any("below 5" in (r[3] or "") for r in hidden), hidden)

    # ---- the chart: a hidden value is a labelled gap, never 0
    z = zipfile.ZipFile(out)
    charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
    chart = ET.fromstring(z.read(charts[0]))
    blanks = chart.find(f".//{C}dispBlanksAs")
    # libxlsxwriter leaves the element out for gaps, Excel's default.
    tap.ok("the profile chart shows blanks as gaps",
           blanks is None or blanks.get("val") == "gap")
    series = chart.findall(f".//{C}ser")
    women_ref = series[0].find(f"{C}val/{C}numRef/{C}f").text if series else ""
    tap.ok("the women's series reads numbers, not the '<5' text column",
           f"${women_col}$" not in women_ref, women_ref)
    m = re.search(r"\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", women_ref)
    if m:
        cells = [profile[f"{m.group(1)}{n}"].value for n in range(int(m.group(2)),
                                                                  int(m.group(4)) + 1)]
        mig_index = mig_row - int(m.group(2))
        tap.ok("the hidden women's value is an empty cell in the chart data, not 0",
               0 <= mig_index < len(cells) and cells[mig_index] is None
               and all(v is None or isinstance(v, (int, float)) for v in cells), cells)
        tap.ok("the chart data columns are hidden",
               profile.column_dimensions[m.group(1)].hidden)
        labels = [t.text for t in series[0].iter(f"{A}t")] + \
                 [t.text for t in series[0].iter(f"{C}v")]
        tap.ok("the gap carries a label saying it is hidden",
               any(l and "<5" in l for l in labels), labels)
    else:
        tap.ok("chart values reference", False, women_ref)

    # ---- text limits
    pheads = [c.value for c in pri[2]]
    title = pri.cell(row=3, column=pheads.index("Title") + 1).value
    tap.ok("a literal _x000D_ comes back as typed", title == literal, repr(title))
    cut = pri.cell(row=4, column=pheads.index("Title") + 1).value
    tap.ok("an over-long title is cut within 32,767 UTF-16 units, marked",
           utf16_len(cut) <= 32767 and cut.endswith("… [cut]")
           and cut.startswith("Long \U0001F642"), (utf16_len(cut), cut[-12:]))
    tap.ok("the cut splits no surrogate pair", "\ufffd" not in cut
           and cut[:-len("… [cut]")].endswith("\U0001F642"))
    many = pri.cell(row=5, column=pheads.index("Title") + 1).value
    tap.ok("a long text of literal escapes is cut, marked and comes back as typed",
           many and utf16_len(many) <= 32767 and many.endswith("… [cut]")
           and many.startswith("_x000D__x000D_") and "\r" not in many,
           (many and utf16_len(many), many and many[-20:]))
    cut_rows = [r for r in cover_rows if r[0] == "Shortened texts"]
    tap.ok("the Cover lists the cut cell and its field",
           any(r[1] == "'Priorities'!D4" and r[2] == "Title" for r in cut_rows), cut_rows)
    problem = pri.cell(row=4, column=pheads.index("Problem statement") + 1).value
    tap.ok("an over-long problem statement is cut, marked and listed",
           utf16_len(problem) == 32767 and problem.endswith("… [cut]")
           and any(r[2] == "Problem statement" for r in cut_rows), (utf16_len(problem), cut_rows))

    # ---- non-finite numbers
    budget = pri.cell(row=4, column=pheads.index("Budget, KGS") + 1).value
    tap.ok("an infinite budget is written as an empty cell", budget is None, budget)
    for name in z.namelist():
        if name.endswith(".xml"):
            text = z.read(name).decode("utf-8", "replace")
            if re.search(r"<v>-?(inf|nan)</v>", text, re.I):
                tap.ok(f"no inf/nan in {name}", False)
                break
    else:
        tap.ok("no inf or nan anywhere in the workbook's XML", True)

    # ---- the national figures: returnees from two sources are two rows
    out = os.path.join(tmp, "all.xlsx")
    r = run("export", "--database", db, "--all", "--lang", "en", "-o", out)
    tap.ok("export of all areas exits 0", r.returncode == 0, r.stderr)
    ws = openpyxl.load_workbook(out)["Profile"]
    prof = rows_of(ws)
    national = [r for r in prof if r[1] == "KG" and r[2] and "return" in r[2].lower()
                and r[4] == 2024 and r[col["Total"]] in (48000, 110977)]
    tap.ok("national returnees 2024: one row per source, each citing only itself",
           sorted(r[col["Total"]] for r in national) == [48000, 110977]
           and all("; " not in r[col["Source"]] for r in national)
           and all("1" in (r[col["Other sources"]] or "") for r in national), national)

sys.exit(tap.done())
