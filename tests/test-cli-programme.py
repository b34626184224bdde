#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli programme (issue 14): the ODT package read back (mimetype first and
stored, content.xml with every included priority and the passport's figures, the
page styles), bad arguments and refused targets with their exit codes, and
LibreOffice converting the document to PDF and DOCX, whose text holds the section
titles in English, Russian and Kyrgyz (TAP). The LibreOffice part is skipped with
a message when soffice is not installed."""
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

CLI = sys.argv[1]
BARSKOON = "KG02210815000"
results = []
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SECTIONS = {
    "en": ["1. Programme passport", "2. Current situation", "3. Problems and priorities",
           "4. Action plan", "5. Gender and migration annex", "6. Public participation",
           "7. Monitoring"],
    "ru": ["1. Паспорт программы", "2. Текущее положение", "3. Проблемы и приоритеты",
           "4. План действий", "5. Приложение: гендер и миграция", "6. Участие населения",
           "7. Мониторинг"],
    "ky": ["1. Программанын паспорту", "2. Учурдагы абал", "3. Көйгөйлөр жана артыкчылыктар",
           "4. Иш-аракеттер планы", "5. Тиркеме: гендер жана миграция", "6. Калктын катышуусу",
           "7. Мониторинг"],
}


def run(*args):
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail, None))


def skip(name, why):
    results.append((name, True, "", why))


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def all_text(elem):
    return squash(" ".join(elem.itertext()))


def passport(content):
    """Label → value of the first table after the passport heading."""
    body = content.find("office:body/office:text", NS)
    seen = False
    for child in body:
        if child.tag == "{%s}h" % NS["text"] and all_text(child).startswith("1. "):
            seen = True
        elif seen and child.tag == "{%s}table" % NS["table"]:
            rows = {}
            for row in child.iter("{%s}table-row" % NS["table"]):
                cells = [all_text(c) for c in row.findall("table:table-cell", NS)]
                if len(cells) == 2:
                    rows[cells[0]] = cells[1]
            return rows
    return {}


def programme(db, out, lang="en", *extra):
    return run("programme", "--database", db, "--area", BARSKOON, "--from", "2026", "--to",
               "2028", "--lang", lang, "-o", out, *extra)


def set_up(tmp):
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)
    check("database created", r.returncode == 0, r.stderr)
    r = run("demo", "--database", db, "--priorities", "600", "--activities", "60")
    check("demo data created", r.returncode == 0, r.stderr)
    con = sqlite3.connect(db)
    rows = [
        # id, title, status, budget, funding, years, deleted
        ("k1", "Проект: вода & дороги <2026>", "approved", 2500000, "local_budget", (2026, 2027), None),
        ("k2", "Greenhouses for returning women", "proposed", 1200000, "donor", (2027, 2028), None),
        ("k3", "Draft only — never printed", "draft", 999000, "donor", (2026, 2026), None),
        ("k4", "Rejected — never printed", "rejected", 777000, "donor", (2026, 2026), None),
        ("k5", "Deleted — never printed", "approved", 555000, "donor", (2026, 2026), "2026-01-01"),
        ("k6", "Finished before — never printed", "approved", 333000, "donor", (2020, 2024), None),
    ]
    for pid, title, status, budget, funding, (start, end), deleted in rows:
        con.execute("INSERT INTO priority (id, area_code, rank, title, status, gender_marker, "
                    "budget_kgs, funding_source, start_year, end_year, created_at, updated_at, "
                    "deleted_at) VALUES (?, ?, 900, ?, ?, 2, ?, ?, ?, ?, 'x', 'x', ?)",
                    (pid, BARSKOON, title, status, budget, funding, start, end, deleted))
    con.commit()
    included = con.execute(
        "SELECT title, budget_kgs FROM priority WHERE area_code = ? AND deleted_at IS NULL "
        "AND status IN ('proposed', 'approved') AND (start_year IS NULL OR start_year <= 2028) "
        "AND (end_year IS NULL OR end_year >= 2026)", (BARSKOON,)).fetchall()
    con.close()
    return db, included


def check_package(path, included):
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        check("mimetype is the first entry", infos[0].filename == "mimetype",
              [i.filename for i in infos])
        check("mimetype is stored, not compressed", infos[0].compress_type == zipfile.ZIP_STORED)
        check("mimetype says ODT",
              z.read("mimetype") == b"application/vnd.oasis.opendocument.text")
        names = z.namelist()
        check("manifest, content, styles and meta are there",
              all(n in names for n in ("META-INF/manifest.xml", "content.xml", "styles.xml",
                                       "meta.xml")), names)
        manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
        entries = [e.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path")
                   for e in manifest]
        check("the manifest lists every part", all(n in entries for n in names if n not in
                                                   ("mimetype", "META-INF/manifest.xml")),
              entries)
        content = ET.fromstring(z.read("content.xml"))
        styles = ET.fromstring(z.read("styles.xml"))
        meta = ET.fromstring(z.read("meta.xml"))
    text = all_text(content)
    for title, _ in included:
        check("content.xml holds the priority “%s”" % title, title in text)
    for never in ("Draft only", "Rejected —", "Deleted —", "Finished before"):
        check("content.xml leaves out “%s”" % never, never not in text)
    rows = passport(content)
    total = sum(b for _, b in included if b is not None) / 1000.0
    check("passport: code", rows.get("Code") == BARSKOON, rows)
    check("passport: period", rows.get("Period") == "2026–2028", rows)
    check("passport: total budget of the included priorities",
          rows.get("Total budget, thousand som") == "{:,.1f}".format(total),
          (rows.get("Total budget, thousand som"), total))
    check("passport: decision blank to fill in",
          "___" in rows.get("Kenesh decision (number, date)", ""), rows)
    headings = [all_text(h) for h in content.iter("{%s}h" % NS["text"])]
    check("every section is a heading", all(s in headings for s in SECTIONS["en"]), headings)
    levels = {all_text(h): h.get("{%s}outline-level" % NS["text"])
              for h in content.iter("{%s}h" % NS["text"])}
    check("sections are outline level 1", all(levels.get(s) == "1" for s in SECTIONS["en"]))
    check("a table-of-contents field",
          content.find(".//text:table-of-content/text:table-of-content-source", NS) is not None)
    check("tables repeat their header rows",
          len(content.findall(".//table:table/table:table-header-rows", NS)) >= 5)
    keep = [s for s in content.iter("{%s}table-row-properties" % NS["style"])
            if s.get("{%s}keep-together" % NS["fo"]) == "always"]
    check("table rows are kept together", len(keep) >= 1)
    landscape = [p for p in styles.iter("{%s}page-layout-properties" % NS["style"])
                 if p.get("{%s}print-orientation" % NS["style"]) == "landscape"]
    check("a landscape page style", len(landscape) == 1)
    switch = [s for s in content.iter("{%s}style" % NS["style"])
              if s.get("{%s}master-page-name" % NS["style"]) == "Landscape"]
    check("the action plan switches to the landscape page", len(switch) == 1)
    footers = list(styles.iter("{%s}footer" % NS["style"]))
    check("every page style has a footer with page N of M",
          len(footers) == 2 and all(f.find(".//text:page-number", NS) is not None and
                                    f.find(".//text:page-count", NS) is not None for f in footers))
    check("demo data marked in every page header",
          all("DEMO DATA" in all_text(h) for h in styles.iter("{%s}header" % NS["style"])))
    title = meta.find(".//dc:title", NS)
    check("metadata: title", title is not None and "Барскоон" not in title.text and
          "Barskoon" in title.text, title.text if title is not None else None)
    lang = meta.find(".//dc:language", NS)
    check("metadata: language", lang is not None and lang.text == "en-GB")


def check_arguments(tmp, db):
    out = os.path.join(tmp, "x.odt")
    cases = [
        (["programme", "--database", db, "--from", "2026", "-o", out], 2, "--area"),
        (["programme", "--database", db, "--area", "KG99", "-o", out], 2, "no area"),
        (["programme", "--database", db, "--area", BARSKOON, "--from", "1980", "-o", out], 2,
         "1990"),
        (["programme", "--database", db, "--area", BARSKOON, "--from", "2028", "--to", "2026",
          "-o", out], 2, "2028–2026"),
        (["programme", "--database", db, "--area", BARSKOON, "--from", "twenty", "-o", out], 2,
         "twenty"),
        (["programme", "--database", db, "--area", BARSKOON, "--lang", "de", "-o", out], 2, "de"),
        (["programme", "--database", db, "--area", BARSKOON, "--status", "rejected", "-o", out],
         2, "Rejected"),
        (["programme", "--database", db, "--area", BARSKOON, "--status", "done", "-o", out], 2,
         "done"),
        (["programme", "--database", db, "--area", BARSKOON, "--format", "docx", "-o", out], 2,
         "docx"),
        (["programme", "--database", db, "--area", BARSKOON], 2, "-o"),
    ]
    for args, code, word in cases:
        r = run(*args)
        check("%s → exit %d" % (" ".join(args[3:]), code),
              r.returncode == code and word in r.stderr and not os.path.exists(out),
              (r.returncode, r.stderr))
    r = programme(db, out)
    check("writes the document and prints its path", r.returncode == 0 and
          r.stdout.strip() == out, (r.returncode, r.stdout, r.stderr))
    before = digest(out)
    r = programme(db, out)
    check("an existing document needs --force (exit 1, unchanged)", r.returncode == 1 and
          "--force" in r.stderr and digest(out) == before, (r.returncode, r.stderr))
    r = programme(db, out, "en", "--force")
    check("--force replaces it", r.returncode == 0, r.stderr)
    notes = os.path.join(tmp, "notes.odt")
    with open(notes, "w") as f:
        f.write("my notes")
    r = programme(db, notes, "en", "--force")
    check("a file that is not a document is never replaced", r.returncode == 1 and
          open(notes).read() == "my notes" and "not an ODT" in r.stderr, r.stderr)
    db_digest = digest(db)
    r = programme(db, db, "en", "--force")
    check("the database is never replaced", r.returncode == 1 and digest(db) == db_digest,
          r.stderr)
    leftovers = [n for n in os.listdir(tmp) if ".aimak-" in n]
    check("no temporary files left", not leftovers, leftovers)


def soffice_convert(soffice, profile, path, fmt, outdir):
    r = subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless",
                        "--convert-to", fmt, "--outdir", outdir, path],
                       capture_output=True, text=True, timeout=240)
    noise = [line for line in (r.stderr + r.stdout).splitlines()
             if line.strip() and "javaldx" not in line and not line.startswith("convert ")]
    base = os.path.splitext(os.path.basename(path))[0]
    return r.returncode, os.path.join(outdir, base + "." + fmt.split(":")[0]), noise


def check_libreoffice(tmp, db, included):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        skip("LibreOffice converts the document", "soffice is not installed "
             "(apt install libreoffice-writer-nogui)")
        return
    if shutil.which("pdftotext") is None:
        skip("pdftotext reads the PDF", "pdftotext is not installed (apt install poppler-utils)")
        return
    profile = os.path.join(tmp, "lo-profile")
    conv = os.path.join(tmp, "converted")
    os.mkdir(conv)
    pages = {}
    for lang in ("en", "ru", "ky"):
        odt = os.path.join(tmp, "programme-%s.odt" % lang)
        r = programme(db, odt, lang)
        check("%s: ODT written" % lang, r.returncode == 0, r.stderr)
        code, pdf, noise = soffice_convert(soffice, profile, odt, "pdf", conv)
        check("%s: LibreOffice converts to PDF without warnings" % lang,
              code == 0 and os.path.exists(pdf) and not noise, (code, noise))
        if not os.path.exists(pdf):
            continue
        text = squash(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                     text=True).stdout)
        missing = [s for s in SECTIONS[lang] if s not in text]
        check("%s: the PDF holds every section title" % lang, not missing, missing)
        missing = [t for t, _ in included if squash(t) not in text]
        check("%s: the PDF holds every included priority title" % lang, not missing, missing)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages[lang] = re.search(r"Pages:\s+(\d+)", info).group(1) if "Pages:" in info else None
        sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "200", pdf], capture_output=True,
                               text=True).stdout
        check("%s: the action plan is on landscape pages" % lang,
              re.search(r"size:\s+841\.\d+ x 595", sizes) is not None)
    code, docx, noise = soffice_convert(soffice, profile, os.path.join(tmp, "programme-ru.odt"),
                                        "docx:MS Word 2007 XML", conv)
    ok = code == 0 and os.path.exists(docx) and not noise
    if ok:
        with zipfile.ZipFile(docx) as z:
            ok = "word/document.xml" in z.namelist()
    check("ru: LibreOffice converts to DOCX without warnings", ok, (code, noise))
    # The page count is stable: the same document converted again.
    again = os.path.join(tmp, "again")
    os.mkdir(again)
    code, pdf, _ = soffice_convert(soffice, profile, os.path.join(tmp, "programme-ru.odt"),
                                   "pdf", again)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    again_pages = re.search(r"Pages:\s+(\d+)", info)
    check("the page count is stable", pages.get("ru") is not None and again_pages is not None and
          again_pages.group(1) == pages["ru"], (pages, info))


def check_pdf(tmp, db):
    pdf = os.path.join(tmp, "programme.pdf")
    r = programme(db, pdf, "ru", "--format", "pdf")
    if r.returncode != 0 and "not available" in r.stderr:
        skip("--format pdf writes a PDF", "the PDF writer is not in this build")
        check("--format pdf without the writer fails clearly", r.returncode == 1 and
              not os.path.exists(pdf), r.stderr)
        return
    check("--format pdf writes a PDF", r.returncode == 0 and open(pdf, "rb").read(5) == b"%PDF-",
          r.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-cli-programme-")
    try:
        db, included = set_up(tmp)
        check("some priorities are included", len(included) >= 2, included)
        out = os.path.join(tmp, "programme.odt")
        r = programme(db, out)
        check("programme exits 0", r.returncode == 0, r.stderr)
        if r.returncode == 0:
            check_package(out, included)
        check_arguments(tmp, db)
        check_pdf(tmp, db)
        check_libreoffice(tmp, db, included)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail, why) in enumerate(results, 1):
        if why:
            print("ok %d - %s # SKIP %s" % (i, name, why))
            continue
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            print("# " + repr(detail)[:1500])
    return 1 if failed else 0


sys.exit(main())
