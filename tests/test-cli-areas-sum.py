#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbook and the sum of former areas (issue 17), read back with openpyxl in
English and Russian: after an area formed from former areas, the Profile sheet shows
the sum of their counts for a year before the change only where every former area
has a value from one source that year ("sum of former areas (A + B)", with that
source); otherwise each former area on its own row marked not comparable; rates and
shares are never summed. Barskoon merged with Jeti-Oguz is TEST DATA (TAP)."""
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

CLI = sys.argv[1]
SRC = sys.argv[2]
KANT, LYUKSEMBURG = "KG08206600010", "KG08206839000"
BARSKOON, JETI_OGUZ, MERGED = "KG02210815000", "KG02210830000", "KG02210900000"
HEADER = "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"

TEXT = {
    "en": {"sum": "Barskoon-Jeti-Oguz: sum of former areas (Barskoon + ",
           "now": " (now Barskoon-Jeti-Oguz)", "not_comparable": "not comparable, not summed",
           "rate": "rates and shares are never summed", "note": "Note", "area": "Area"},
    "ru": {"sum": "Барскоон-Жети-Огуз: сумма бывших территорий (Барскоон + ",
           "now": " (ныне Барскоон-Жети-Огуз)", "not_comparable": "несопоставимо, не суммируется",
           "rate": "коэффициенты и доли никогда не суммируются", "note": "Примечание",
           "area": "Территория"},
}


def run(*args, lang="en"):
    return tap.run_cli(CLI, *args, lang=lang, timeout=300)


def profile_rows(path):
    """The Profile sheet's data rows as dicts keyed by header."""
    ws = openpyxl.load_workbook(path).worksheets[1]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


with tap.temp_dir(prefix="aimak-cli-areas-sum-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)
    tap.ok("a database is created", r.returncode == 0, r.stderr)
    merge = os.path.join(tmp, "merge.csv")
    with open(merge, "w", encoding="utf-8") as f:
        f.write(HEADER + "2024-07-01,merged_into,%s;%s,%s,Barskoon-Jeti-Oguz,"
                "Барскоон-Жети-Огуз,Барскоон-Жети-Өгүз,KG02210000000,Test law (test data)\n"
                % (BARSKOON, JETI_OGUZ, MERGED))
    r = run("areas", "apply-changes", merge, "--database", db)
    tap.ok("the test merge is applied", r.returncode == 0, r.stderr)

    con = sqlite3.connect(db)
    con.executemany(
        "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
        "VALUES (?, ?, ?, ?, ?, ?)", [
            # 2020: both former areas, one source: summed (women, men, total).
            (BARSKOON, "POP", 2020, "T", 1000, "Census"), (BARSKOON, "POP", 2020, "F", 510, "Census"),
            (BARSKOON, "POP", 2020, "M", 490, "Census"), (JETI_OGUZ, "POP", 2020, "T", 2500, "Census"),
            (JETI_OGUZ, "POP", 2020, "F", 1300, "Census"), (JETI_OGUZ, "POP", 2020, "M", 1200, "Census"),
            # 2021: Barskoon has none: not comparable, shown per former area.
            (JETI_OGUZ, "POP", 2021, "T", 2600, "Census"),
            # The same year from different sources: never added together.
            (BARSKOON, "MIGR_ABROAD", 2022, "T", 40, "Ayil okmotu register"),
            (JETI_OGUZ, "MIGR_ABROAD", 2022, "T", 60, "Rayon statistics"),
            # A rate: never summed.
            (BARSKOON, "SI_POV_NAHC", 2020, "T", 20, "Survey"),
            (JETI_OGUZ, "SI_POV_NAHC", 2020, "T", 30, "Survey"),
            # After the change the successor has its own figures: no sum for them.
            (MERGED, "POP", 2025, "T", 3700, "Census"),
        ])
    con.commit()
    con.close()

    for lang in ("en", "ru"):
        t = TEXT[lang]
        xlsx = os.path.join(tmp, "merged-%s.xlsx" % lang)
        # The interface in English, the workbook in @lang: the marks follow the workbook.
        r = run("export", "--area", MERGED, "--lang", lang, "-o", xlsx, "--database", db)
        tap.ok(f"{lang}: the successor's workbook is written", r.returncode == 0, r.stderr)
        if r.returncode != 0:
            continue
        header, rows = profile_rows(xlsx)
        area, note = t["area"], t["note"]
        tap.ok(f"{lang}: the Profile sheet has a note column", note in header, header)
        sums = [x for x in rows if x[area] and x[area].startswith(t["sum"])]
        tap.ok(f"{lang}: one row says 'sum of former areas (A + B)'", len(sums) == 1, rows)
        if sums:
            s = list(sums[0].values())
            tap.ok(f"{lang}: the sum adds women, men and total of one source and year",
                   s[4] == 2020 and s[5] == 1810 and s[6] == 1690 and s[7] == 3500
                   and s[8] == "Census" and "2024-07-01" in (s[10] or ""), s)
        own = [list(x.values()) for x in rows if x[area] == ("Barskoon-Jeti-Oguz" if lang == "en"
                                                            else "Барскоон-Жети-Огуз")]
        tap.ok(f"{lang}: the successor's own figures stay as they are", len(own) == 1
               and own[0][4] == 2025 and own[0][7] == 3700, own)
        per_area = [list(x.values()) for x in rows if x[area] and x[area].endswith(t["now"])]
        not_comp = [v for v in per_area if t["not_comparable"] in (v[10] or "")]
        tap.ok(f"{lang}: a year with one former area's value is not summed, shown per area",
               any(v[1] == JETI_OGUZ and v[4] == 2021 and v[7] == 2600 for v in not_comp),
               per_area)
        tap.ok(f"{lang}: values of different sources are shown apart, never added",
               any(v[1] == BARSKOON and v[7] == 40 and v[8] == "Ayil okmotu register"
                   for v in not_comp)
               and any(v[1] == JETI_OGUZ and v[7] == 60 and v[8] == "Rayon statistics"
                       for v in not_comp)
               and not any(v[7] == 100 for v in map(lambda x: list(x.values()), rows)), per_area)
        rates = [v for v in per_area if t["rate"] in (v[10] or "")]
        tap.ok(f"{lang}: a rate is shown per former area, never summed",
               sorted(v[7] for v in rates) == [20, 30]
               and not any(v[7] == 50 for v in map(lambda x: list(x.values()), rows)), rates)

    # With small counts hidden, a sum of women below the threshold is hidden too.
    con = sqlite3.connect(db)
    con.executemany(
        "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
        "VALUES (?, 'RETURNEES', 2022, ?, ?, 'Census')",
        [(BARSKOON, "F", 1), (BARSKOON, "M", 7), (BARSKOON, "T", 8),
         (JETI_OGUZ, "F", 2), (JETI_OGUZ, "M", 7), (JETI_OGUZ, "T", 9)])
    con.commit()
    con.close()
    xlsx = os.path.join(tmp, "small.xlsx")
    r = run("export", "--area", MERGED, "--suppress-small", "5", "-o", xlsx, "--database", db)
    header, rows = profile_rows(xlsx) if r.returncode == 0 else ([], [])
    ret = [list(x.values()) for x in rows if x["Area"] and x["Area"].startswith(TEXT["en"]["sum"])
           and x["Indicator"] and "return" in x["Indicator"].lower()]
    tap.ok("a sum of women below the threshold is hidden, and the total with it",
           len(ret) == 1 and ret[0][5] == "<5" and ret[0][6] == 14 and ret[0][7] != 17, ret)

    # The shipped example: an ayil aimak joins the city of Kant, which goes on. The
    # city's own figures before the change are part of the sum, and it says so.
    example = os.path.join(SRC, "data", "reference", "area-changes-example.csv")
    r = run("areas", "apply-changes", example, "--database", db)
    tap.ok("the example change list is applied", r.returncode == 0, r.stderr)
    con = sqlite3.connect(db)
    con.executemany(
        "INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
        "VALUES (?, ?, 2022, 'T', ?, ?)", [(KANT, "POP", 24000, "Census"),
                                           (LYUKSEMBURG, "POP", 6100, "Census"),
                                           (KANT, "SI_POV_NAHC", 18, "Survey"),
                                           (LYUKSEMBURG, "SI_POV_NAHC", 25, "Survey")])
    con.commit()
    con.close()
    for lang, label in (("en", "Kant (city): sum of former areas (Kant (city) + Lyuksemburg)"),
                        ("ru", "Кант: сумма бывших территорий (Кант + Люксембург)")):
        xlsx = os.path.join(tmp, "kant-%s.xlsx" % lang)
        r = run("export", "--area", KANT, "--lang", lang, "-o", xlsx, "--database", db)
        header, rows = profile_rows(xlsx) if r.returncode == 0 else ([], [])
        values = [list(x.values()) for x in rows]
        sums = [v for v in values if v[0] and v[0].startswith(label)]
        tap.ok(f"{lang}: a city that took an ayil aimak in: its own count is in the sum, named",
               len(sums) == 1 and sums[0][7] == 30100 and sums[0][1] == KANT, values)
        tap.ok(f"{lang}: the city's own figure stays on its own row",
               any(v[1] == KANT and v[7] == 24000 and not (v[0] or "").startswith(label)
                   for v in values), values)
        tap.ok(f"{lang}: the ayil aimak's rate is shown as a former area's, the city's as its own",
               any(v[1] == LYUKSEMBURG and v[7] == 25 and v[10] for v in values)
               and [v[10] for v in values if v[1] == KANT and v[7] == 18] == [None], values)

tap.done()
