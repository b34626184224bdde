#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli areas (issue 17): current areas by default, --all with former ones,
apply-changes (preview, --dry-run, line-numbered problems, nothing changed on
bad input), undo-change, and the workbook and programme naming an area as it
was with its name now beside it. Barskoon merged with Jeti-Oguz is TEST DATA,
not an official change (TAP)."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import aimak_tap as tap

CLI = sys.argv[1]
SRC = sys.argv[2]
BARSKOON, JETI_OGUZ, MERGED = "KG02210815000", "KG02210830000", "KG02210900000"
HEADER = "effective_date,kind,old_codes,new_code,name_en,name_ru,name_ky,parent_code,legal_act\n"


def run(*args, lang="en"):
    return tap.run_cli(CLI, *args, lang=lang, timeout=300)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def zip_text(path):
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                       if n.endswith(".xml"))


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def sheet_strings(path, name):
    """The text cells of the workbook sheet called @name, read back from the file."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        rels = {r.get("Id"): r.get("Target") for r in
                ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", NS)}
        for sh in ET.fromstring(z.read("xl/workbook.xml")).iter("{%s}sheet" % NS["m"]):
            if sh.get("name") != name:
                continue
            target = rels[sh.get("{%s}id" % NS["r"])].lstrip("/")
            target = target if target.startswith("xl/") else "xl/" + target
            out = []
            for c in ET.fromstring(z.read(target)).iter("{%s}c" % NS["m"]):
                v = c.find("m:v", NS)
                if c.get("t") == "s" and v is not None:
                    out.append(shared[int(v.text)])
                elif c.get("t") == "inlineStr":
                    out.append("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
                elif c.get("t") == "str" and v is not None:
                    out.append(v.text or "")
            return out
    return []


with tap.temp_dir(prefix="aimak-cli-areas-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)
    tap.ok("a database is created", r.returncode == 0, r.stderr)

    merge = os.path.join(tmp, "merge.csv")
    write(merge, HEADER + "# test data: not an official change\n"
          "2024-07-01,merged_into,%s;%s,%s,Barskoon-Jeti-Oguz,Барскоон-Жети-Огуз,"
          "Барскоон-Жети-Өгүз,KG02210000000,Test law (test data)\n" % (BARSKOON, JETI_OGUZ, MERGED))
    bad = os.path.join(tmp, "bad.csv")
    write(bad, HEADER +
          "2024-02-30,merged_into,%s,%s,X,,,KG02210000000,Test\n" % (BARSKOON, MERGED) +
          "2024-07-01,merged_into,KG99999999999,%s,X,,,KG02210000000,Test\n" % MERGED +
          "2024-07-01,merged_into,%s,%s,,,,,Test\n" % (BARSKOON, BARSKOON))

    before = digest(db)
    r = run("areas", "apply-changes", bad, "--database", db)
    tap.ok("an invalid list exits 1", r.returncode == 1, r.stderr)
    tap.ok("each problem is named with its line",
           "bad.csv:2:" in r.stderr and "bad.csv:3:" in r.stderr and "bad.csv:4:" in r.stderr
           and "KG99999999999" in r.stderr, r.stderr)
    tap.ok("an invalid list changes nothing", digest(db) == before and r.stdout == "")
    r = run("areas", "apply-changes", bad, "--database", db, lang="ru")
    tap.ok("problems are translated", r.returncode == 1 and "bad.csv:3:" in r.stderr
           and "KG99999999999" in r.stderr and "There is no area" not in r.stderr
           and "is not a date" not in r.stderr, r.stderr)

    r = run("areas", "apply-changes", merge, "--dry-run", "--database", db)
    tap.ok("--dry-run previews the areas that end and begin",
           r.returncode == 0 and BARSKOON in r.stdout and JETI_OGUZ in r.stdout
           and MERGED in r.stdout and "--dry-run" in r.stdout, r.stdout + r.stderr)
    tap.ok("--dry-run changes nothing", digest(db) == before)
    # Options before the subcommand, as people type them.
    r = run("areas", "--database", db, "apply-changes", "--dry-run", merge)
    tap.ok("options may come before apply-changes",
           r.returncode == 0 and MERGED in r.stdout and digest(db) == before, r.stdout + r.stderr)

    r = run("areas", "--level", "3", "--database", db)
    n_before = len(r.stdout.splitlines())
    r = run("areas", "apply-changes", merge, "--database", db)
    tap.ok("the list is applied as change list 1",
           r.returncode == 0 and "undo-change 1" in r.stdout, r.stdout + r.stderr)
    r = run("areas", "--level", "3", "--database", db)
    lines = r.stdout.splitlines()
    tap.ok("areas lists current areas only: the successor, not the former ones",
           len(lines) == n_before - 1 and any(l.startswith(MERGED + "\t") for l in lines)
           and not any(l.startswith(BARSKOON) for l in lines), r.stdout[-500:])
    r = run("areas", "--all", "--level", "3", "--database", db)
    former = [l for l in r.stdout.splitlines() if l.startswith(BARSKOON)]
    tap.ok("areas --all lists former areas with when they ended",
           len(former) == 1 and "2024-07-01" in former[0], "\n".join(former))
    r = run("areas", "apply-changes", merge, "--database", db)
    tap.ok("the same list again is refused: the periods overlap",
           r.returncode == 1 and "merge.csv:3:" in r.stderr, r.stderr)

    # Exports name the area as it was, with its name now beside it.
    con = sqlite3.connect(db)
    con.execute("INSERT INTO priority (id, area_code, rank, title, status, start_year, end_year, "
                "created_at, updated_at) VALUES ('p1', ?, 1, 'Water', 'approved', 2021, 2022, "
                "'x', 'x')", (BARSKOON,))
    con.execute("INSERT INTO activity (id, area_code, date, type, created_at, updated_at) "
                "SELECT 'a1', ?, '2022-03-01', code, 'x', 'x' FROM activity_type LIMIT 1",
                (BARSKOON,))
    con.execute("INSERT INTO indicator_value (area_code, indicator_code, year, sex, value, source) "
                "VALUES (?, 'POP', 2020, 'T', 1000, 'Test')", (BARSKOON,))
    con.commit()
    con.close()
    xlsx = os.path.join(tmp, "b.xlsx")
    r = run("export", "--area", BARSKOON, "-o", xlsx, "--database", db)
    text = zip_text(xlsx) if r.returncode == 0 else ""
    tap.ok("the workbook names Barskoon with the area it is part of now",
           "Barskoon (now Barskoon-Jeti-Oguz)" in text, r.stderr)
    for sheet in ("Priorities", "Capacity building"):
        cells = sheet_strings(xlsx, sheet) if r.returncode == 0 else []
        tap.ok("the %s sheet names Barskoon as it was, with its successor" % sheet,
               "Barskoon (now Barskoon-Jeti-Oguz)" in cells, repr(cells[:40]))
    odt = os.path.join(tmp, "b.odt")
    r = run("programme", "--area", BARSKOON, "--from", "2021", "--to", "2022", "-o", odt,
            "--database", db)
    text = zip_text(odt) if r.returncode == 0 else ""
    tap.ok("the programme document names both areas",
           "Barskoon (now Barskoon-Jeti-Oguz)" in text, r.stderr)
    # In the document's language, whatever the interface's: a Russian PDF made from an
    # English interface says "ныне", read back with pdftotext.
    pdf = os.path.join(tmp, "b-ru.pdf")
    r = run("programme", "--area", BARSKOON, "--from", "2021", "--to", "2022", "--lang", "ru",
            "-o", pdf, "--database", db, lang="en")
    if shutil.which("pdftotext") is None:
        tap.skip("the Russian programme names both areas in Russian", "pdftotext is not installed")
    else:
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                              text=True).stdout if r.returncode == 0 else ""
        text = " ".join(text.split())
        tap.ok("the Russian programme names both areas in Russian",
               "Барскоон (ныне Барскоон-Жети-Огуз)" in text and "(now" not in text,
               r.stderr + text[:600])
    xlsx_ru = os.path.join(tmp, "b-ru.xlsx")
    r = run("export", "--area", BARSKOON, "--lang", "ru", "-o", xlsx_ru, "--database", db, lang="en")
    cells = sheet_strings(xlsx_ru, "Приоритеты") if r.returncode == 0 else []
    tap.ok("a Russian workbook from an English interface says 'ныне'",
           "Барскоон (ныне Барскоон-Жети-Огуз)" in cells, repr(cells[:40]) + r.stderr)

    r = run("areas", "undo-change", "2", "--database", db)
    tap.ok("undoing a change list that was never applied exits 1", r.returncode == 1, r.stderr)
    r = run("areas", "undo-change", "x", "--database", db)
    tap.ok("undo-change needs a number", r.returncode == 2, r.stderr)
    r = run("areas", "undo-change", "1", "--database", db)
    tap.ok("undo-change 1 takes the list back", r.returncode == 0, r.stdout + r.stderr)
    rows = query(db, "SELECT count(*) FROM area WHERE valid_to IS NOT NULL OR code = ?", MERGED)
    tap.ok("after undo the former areas are current and the successor is gone", rows == [(0,)])

    example = os.path.join(SRC, "data", "reference", "area-changes-example.csv")
    r = run("areas", "apply-changes", example, "--dry-run", "--database", db)
    tap.ok("the shipped example is valid (Lyuksemburg joins Kant)",
           r.returncode == 0 and "KG08206839000" in r.stdout, r.stdout + r.stderr)
    template = os.path.join(SRC, "data", "reference", "area-changes-template.csv")
    r = run("areas", "apply-changes", template, "--database", db)
    tap.ok("the template alone has no changes to apply", r.returncode == 1, r.stderr)

sys.exit(tap.done())
