#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-workbook.py — reads back the workbooks `aimak-cli export` writes, at the level
of the file format: unzips the .xlsx and checks the XML parts a ministry's Excel reads —
sheet names in en/ru/ky, header cells, a priority's cells by value AND type (numbers
are not strings, dates carry a date format), formulas, the Excel table with its
autofilter, the data-validation lists, print areas and titles, charts, footers,
document properties, small-count suppression, and the constant_memory variant of a
large workbook. Prints TAP.

Usage: check-workbook.py AIMAK-CLI
"""
import datetime
import json
import os
import re
import sqlite3
import sys
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimak_tap as tap  # noqa: E402
import aimak_workbook_fixture as fx  # noqa: E402

CLI = sys.argv[1]
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# A workbook of more than one area (every one here) ends with By area and Data received.
SHEETS = {
    "en": ["Cover", "Profile", "Priorities", "Indicators", "Capacity building",
           "Gender budget", "Alignment", "By area", "Data received"],
    "ru": ["Титульный лист", "Профиль", "Приоритеты", "Показатели", "Наращивание потенциала",
           "Гендерный бюджет", "Связь с ГДМ и ЦУР", "По территориям", "Полученные данные"],
    "ky": ["Титулдук барак", "Профиль", "Артыкчылыктар", "Көрсөткүчтөр",
           "Потенциалды өнүктүрүү", "Гендердик бюджет", "МГК жана ТӨМ менен байланыш",
           "Аймактар боюнча", "Алынган маалыматтар"],
}
# Priorities headers A..D, G, K, R
HEADERS = {
    "en": {"A": "Rank", "B": "Area", "C": "P-code", "D": "Title", "G": "Gender marker",
           "K": "Budget, KGS", "R": "Public hearing date"},
    "ru": {"A": "Ранг", "B": "Территория", "C": "P-код", "D": "Название",
           "G": "Гендерный маркер", "K": "Бюджет, сом", "R": "Дата публичных слушаний"},
    "ky": {"A": "Орду", "B": "Аймак", "C": "P-код", "D": "Аталышы", "G": "Гендердик маркер",
           "K": "Бюджет, сом", "R": "Коомдук угуунун датасы"},
}
COVER_TITLE = {
    "en": "Local development priorities: migration and gender",
    "ru": "Приоритеты местного развития: миграция и гендер",
    "ky": "Жергиликтүү өнүгүүнүн артыкчылыктары: миграция жана гендер",
}
SUPPRESSED_TOTAL = {"en": "hidden", "ru": "скрыто", "ky": "жашырылган"}
YES = {"en": "Yes", "ru": "Да", "ky": "Ооба"}



def excel_serial(iso):
    d = datetime.date.fromisoformat(iso)
    return (d - datetime.date(1899, 12, 30)).days


class Cell:
    def __init__(self, kind, value, style, formula):
        self.kind = kind          # "n" number, "s" string, "f" formula, "b" boolean
        self.value = value
        self.style = style
        self.formula = formula

    def __repr__(self):
        return f"Cell({self.kind!r}, {self.value!r}, s={self.style}, f={self.formula!r})"


class Workbook:
    """Just enough of SpreadsheetML to check what Aimak writes."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())
        self.shared = []
        if "xl/sharedStrings.xml" in self.names:
            root = self.xml("xl/sharedStrings.xml")
            for si in root.iter(M + "si"):
                self.shared.append("".join(t.text or "" for t in si.iter(M + "t")))
        wb = self.xml("xl/workbook.xml")
        rels = self.xml("xl/_rels/workbook.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(PR + "Relationship")}
        self.sheets = []
        for sheet in wb.iter(M + "sheet"):
            self.sheets.append((sheet.get("name"), "xl/" + targets[sheet.get(R + "id")]))
        self.defined = {}
        for dn in wb.iter(M + "definedName"):
            self.defined[(dn.get("name"), dn.get("localSheetId"))] = dn.text
        styles = self.xml("xl/styles.xml")
        self.num_formats = {int(n.get("numFmtId")): n.get("formatCode")
                            for n in styles.iter(M + "numFmt")}
        xfs = styles.find(M + "cellXfs")
        self.xf_numfmt = [int(xf.get("numFmtId", "0")) for xf in xfs.iter(M + "xf")]
        self._cells = {}

    def xml(self, name):
        return ET.fromstring(self.zip.read(name))

    def sheet_path(self, index):
        return self.sheets[index][1]

    def sheet_xml(self, index):
        return self.xml(self.sheet_path(index))

    def cells(self, index):
        if index in self._cells:
            return self._cells[index]
        out = {}
        for c in self.sheet_xml(index).iter(M + "c"):
            ref, t, s = c.get("r"), c.get("t"), int(c.get("s", "0"))
            f = c.find(M + "f")
            v = c.find(M + "v")
            formula = f.text if f is not None else None
            if t == "s":
                out[ref] = Cell("s", self.shared[int(v.text)], s, formula)
            elif t == "inlineStr":
                out[ref] = Cell("s", "".join(x.text or "" for x in c.iter(M + "t")), s, formula)
            elif t == "str":
                out[ref] = Cell("f" if formula else "s", v.text if v is not None else "", s,
                                formula)
            elif t == "b":
                out[ref] = Cell("b", v.text == "1", s, formula)
            else:
                value = float(v.text) if v is not None and v.text is not None else None
                out[ref] = Cell("f" if formula else "n", value, s, formula)
        self._cells[index] = out
        return out

    def is_date_style(self, style):
        fmt_id = self.xf_numfmt[style]
        if 14 <= fmt_id <= 22 or 45 <= fmt_id <= 47:
            return True
        code = re.sub(r'"[^"]*"', "", self.num_formats.get(fmt_id, ""))
        return bool(re.search(r"[dy]", code)) and "m" in code

    def number_format(self, style):
        fmt_id = self.xf_numfmt[style]
        return self.num_formats.get(fmt_id, str(fmt_id))

    def find_row(self, index, column, value):
        for ref, cell in self.cells(index).items():
            m = re.match(r"([A-Z]+)(\d+)$", ref)
            if m.group(1) == column and cell.value == value:
                return int(m.group(2))
        return None


def export(db, out, *args):
    r = fx.run_cli(CLI, "export", "--database", db, *args, "-o", out)
    tap.ok(f"export {' '.join(args)}: exit 0", r.returncode == 0, r.stderr)
    tap.ok(f"export {' '.join(args)}: stdout is only the path", r.stdout == out + "\n",
           repr(r.stdout))
    return r


def check_common(wb, lang, tag, table_mode=True):
    names = [n for n, _ in wb.sheets]
    tap.ok(f"{tag}: sheet names", names == SHEETS[lang], names)
    for i, (name, path) in enumerate(wb.sheets):
        root = wb.sheet_xml(i)
        setup = root.find(M + "pageSetup")
        tap.ok(f"{tag}: {name}: landscape A4",
               setup is not None and setup.get("orientation") == "landscape"
               and setup.get("paperSize") == "9", ET.tostring(setup) if setup is not None else "")
        tap.ok(f"{tag}: {name}: fit to one page wide",
               setup is not None and setup.get("fitToHeight") == "0"
               and root.find(f"{M}sheetPr/{M}pageSetUpPr").get("fitToPage") == "1")
        footer = root.find(f"{M}headerFooter/{M}oddFooter")
        tap.ok(f"{tag}: {name}: footer with area, date and page",
               footer is not None and "&P" in footer.text and "&N" in footer.text
               and re.search(r"&C\d{4}-\d{2}-\d{2}", footer.text), footer.text if footer is not None else "")
        pane = root.find(f"{M}sheetViews/{M}sheetView/{M}pane")
        tap.ok(f"{tag}: {name}: header frozen",
               pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "2")
        # Excel quotes sheet names only where needed.
        prefix = (f"'{name}'!", f"{name}!")
        titles = wb.defined.get(("_xlnm.Print_Titles", str(i)))
        tap.ok(f"{tag}: {name}: print titles", titles in (p + "$1:$2" for p in prefix), titles)
        area = wb.defined.get(("_xlnm.Print_Area", str(i)))
        tap.ok(f"{tag}: {name}: print area",
               area and any(area.startswith(p + "$A$1:") for p in prefix), area)
        has_filter = root.find(M + "autoFilter") is not None
        if table_mode and i == 2:
            tap.ok(f"{tag}: {name}: no sheet autofilter beside the table", not has_filter)
        else:
            tap.ok(f"{tag}: {name}: autofilter", has_filter and
                   ("_xlnm._FilterDatabase", str(i)) in wb.defined)
        title = wb.cells(i).get("A1")
        tap.ok(f"{tag}: {name}: title row", title is not None and title.kind == "s"
               and len(title.value) > 5, title)
        widths = [float(c.get("width")) for c in root.iter(M + "col")]
        tap.ok(f"{tag}: {name}: column widths set", widths and all(3 < w < 70 for w in widths),
               widths)

    core = wb.xml("docProps/core.xml")
    dc = "{http://purl.org/dc/elements/1.1/}"
    terms = "{http://purl.org/dc/terms/}"
    tap.ok(f"{tag}: document title", core.findtext(dc + "title") == COVER_TITLE[lang],
           core.findtext(dc + "title"))
    tap.ok(f"{tag}: document author", core.findtext(dc + "creator") == "Aimak")
    tap.ok(f"{tag}: document created", re.match(r"\d{4}-\d\d-\d\dT", core.findtext(terms + "created") or ""))
    app = wb.xml("docProps/app.xml")
    tap.ok(f"{tag}: document company",
           app.findtext("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company") == "Aimak")

    # Contents: an internal link from the cover to every other sheet.
    links = {h.get("location") for h in wb.sheet_xml(0).iter(M + "hyperlink")}
    for name in SHEETS[lang][1:]:
        tap.ok(f"{tag}: cover links to {name}", f"'{name}'!A1" in links, links)

    charts = sorted(n for n in wb.names if re.match(r"xl/charts/chart\d+\.xml$", n))
    tap.ok(f"{tag}: three charts", len(charts) == 3, charts)
    kinds = set()
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    for part in charts:
        root = wb.xml(part)
        for bar in root.iter(C + "barChart"):
            kinds.add("bar-" + bar.find(C + "barDir").get("val"))
        if root.find(f".//{C}pieChart") is not None:
            kinds.add("pie")
        refs = [f.text for f in root.iter(C + "f")]
        tap.ok(f"{tag}: {part} refers to the workbook's sheets",
               refs and all(any(r.startswith(f"'{n}'!") or r.startswith(f"{n}!")
                                for n in SHEETS[lang]) for r in refs), refs)
    tap.ok(f"{tag}: women-vs-men bars, capacity columns and a budget pie",
           kinds == {"bar-bar", "bar-col", "pie"}, kinds)


def check_priorities(wb, con, lang, tag, table_mode=True):
    cells = wb.cells(2)
    last_col = fx.priorities_last_column(con)
    n_cols = 26 + con.execute("SELECT count(*) FROM checklist_item").fetchone()[0]
    for col, text in HEADERS[lang].items():
        cell = cells.get(f"{col}2")
        tap.ok(f"{tag}: header {col}2 = {text}", cell and cell.kind == "s" and cell.value == text,
               cell)
    r = wb.find_row(2, "D", fx.EQ_TITLE)
    if not tap.ok(f"{tag}: the fixture priority is there", r is not None):
        return None
    row = {k[:-len(str(r))]: v for k, v in cells.items() if k.endswith(str(r))
           and re.match(r"[A-Z]+$", k[:-len(str(r))])}
    expected_rank = con.execute("SELECT rank FROM priority WHERE id = 'fixture-1'").fetchone()[0]
    title = row.get("D")
    tap.ok(f"{tag}: a title beginning with '=' is a string, not a formula",
           title.kind == "s" and title.formula is None and title.value == fx.EQ_TITLE, title)
    tap.ok(f"{tag}: rank is a number", row["A"].kind == "n" and row["A"].value == expected_rank,
           row["A"])
    tap.ok(f"{tag}: area name in the language",
           row["B"].value == fx.name(con, "area", fx.BARSKOON, lang), row["B"])
    tap.ok(f"{tag}: P-code", row["C"].kind == "s" and row["C"].value == fx.BARSKOON)
    groups = "; ".join(fx.name(con, "target_group", g, lang)
                       for g in ("returning_women_migrants", "women_left_behind"))
    tap.ok(f"{tag}: target groups by name in list order", row["F"].value == groups, row["F"])
    tap.ok(f"{tag}: marker is the number 2", row["G"].kind == "n" and row["G"].value == 2, row["G"])
    gcm = f"2 {fx.name(con, 'gcm_objective', '2', lang)}; 7 {fx.name(con, 'gcm_objective', '7', lang)}"
    tap.ok(f"{tag}: GCM objectives in list order", row["I"].value == gcm, row["I"])
    tap.ok(f"{tag}: SDG target", row["J"].value == "5.1 " + fx.name(con, "sdg_target", "5.1", lang),
           row["J"])
    tap.ok(f"{tag}: budget is a number", row["K"].kind == "n" and row["K"].value == 1250000.5,
           row["K"])
    tap.ok(f"{tag}: budget in a KGS number format",
           "#,##0" in wb.number_format(row["K"].style), wb.number_format(row["K"].style))
    tap.ok(f"{tag}: funding source by name",
           row["L"].value == fx.name(con, "funding_source", "local_budget", lang), row["L"])
    tap.ok(f"{tag}: years are integers",
           row["O"].kind == "n" and row["O"].value == 2025 and row["P"].value == 2027
           and wb.number_format(row["O"].style) == "0", (row["O"], row["P"]))
    tap.ok(f"{tag}: status name in the language",
           row["Q"].value == fx.name(con, "status", "approved", lang), row["Q"])
    tap.ok(f"{tag}: hearing date is a real date",
           row["R"].kind == "n" and row["R"].value == excel_serial("2025-03-14")
           and wb.is_date_style(row["R"].style), (row["R"], wb.number_format(row["R"].style)))
    tap.ok(f"{tag}: hearing participants are numbers",
           row["S"].kind == "n" and row["S"].value == 23 and row["T"].value == 17)
    tap.ok(f"{tag}: kenesh decision number stays text", row["U"].kind == "s" and row["U"].value == "12/3")
    tap.ok(f"{tag}: kenesh decision date is a real date",
           row["V"].value == excel_serial("2025-04-01") and wb.is_date_style(row["V"].style))
    tap.ok(f"{tag}: not marked as demo", "W" not in row)
    tap.ok(f"{tag}: problem statement and description (issue 12)",
           row.get("X") and row["X"].value == "Water" and row.get("Y")
           and row["Y"].value == "Taps within 200 m of every home", (row.get("X"), row.get("Y")))
    items = con.execute("SELECT code FROM checklist_item ORDER BY sort, code").fetchall()
    answers = {}
    for i, (code,) in enumerate(items):
        answers[code] = row.get(fx.column_letter(25 + i))
    yes = {"en": "yes", "ru": "да", "ky": "ооба"}[lang]
    partly = {"en": "partly", "ru": "частично", "ky": "жарым-жартылай"}[lang]
    tap.ok(f"{tag}: checklist answers, one column per item (issue 12)",
           answers["women_consulted"] and answers["women_consulted"].value == yes
           and answers["sex_disaggregated_data"].value == partly
           and sum(1 for v in answers.values() if v) == 2, answers)
    header = cells.get(f"{fx.column_letter(25 + [c for (c,) in items].index('women_consulted'))}2")
    tap.ok(f"{tag}: a checklist column names its item",
           header and fx.name(con, "checklist_item", "women_consulted", lang) in header.value,
           header)
    r2 = wb.find_row(2, "D", fx.PLUS_TITLE)
    tap.ok(f"{tag}: a title beginning with '+' is a string", r2 and cells[f"D{r2}"].kind == "s")
    tap.ok(f"{tag}: no budget → empty cell", r2 and f"K{r2}" not in cells)
    tap.ok(f"{tag}: a deleted priority is not exported", wb.find_row(2, "D", "Deleted priority") is None)

    last = max(int(re.match(r"[A-Z]+(\d+)", k).group(1)) for k in cells)
    statuses = [fx.name(con, "status", c, lang) for (c,) in
                con.execute("SELECT code FROM status ORDER BY sort, code")]
    root = wb.sheet_xml(2)
    validations = {dv.get("sqref"): dv.findtext(M + "formula1")
                   for dv in root.iter(M + "dataValidation") if dv.get("type") == "list"}
    tap.ok(f"{tag}: marker validation list", validations.get(f"G3:G{last}") == '"0,1,2"',
           validations)
    tap.ok(f"{tag}: status validation list in the language",
           validations.get(f"Q3:Q{last}") == '"' + ",".join(statuses) + '"', validations)
    rels_name = wb.sheet_path(2).replace("worksheets/", "worksheets/_rels/") + ".rels"
    if table_mode:
        tap.ok(f"{tag}: table part", "xl/tables/table1.xml" in wb.names)
        table = wb.xml("xl/tables/table1.xml")
        tap.ok(f"{tag}: table covers header and data", table.get("ref") == f"A2:{last_col}{last}",
               table.get("ref"))
        tap.ok(f"{tag}: table has its autofilter",
               table.find(M + "autoFilter") is not None
               and table.find(M + "autoFilter").get("ref") == f"A2:{last_col}{last}")
        tap.ok(f"{tag}: table named Priorities", table.get("name") == "Priorities")
        columns = [c.get("name") for c in table.iter(M + "tableColumn")]
        tap.ok(f"{tag}: table columns are the headers",
               len(columns) == n_cols and columns[0] == HEADERS[lang]["A"]
               and columns[3] == HEADERS[lang]["D"], columns)
        tap.ok(f"{tag}: sheet refers to the table", rels_name in wb.names
               and b"table1.xml" in wb.zip.read(rels_name))
    else:
        tap.ok(f"{tag}: large workbook: no table part", "xl/tables/table1.xml" not in wb.names)
        af = root.find(M + "autoFilter")
        tap.ok(f"{tag}: large workbook: autofilter over the priorities",
               af is not None and af.get("ref") == f"A2:{last_col}{last}", af.get("ref") if af is not None else None)
    return last


def check_formulas(wb, con, lang, tag, last, summary):
    ind = wb.cells(3)
    r = wb.find_row(3, "D", "Women trained")
    tap.ok(f"{tag}: indicator total is a formula",
           r and ind[f"H{r}"].formula == f"F{r}+G{r}" and ind[f"H{r}"].value == 14,
           r and ind.get(f"H{r}"))
    tap.ok(f"{tag}: target total is a formula",
           r and ind[f"K{r}"].formula == f"I{r}+J{r}" and ind[f"K{r}"].value == 60)
    r = wb.find_row(3, "D", "Share of women")
    tap.ok(f"{tag}: no total of two percentages", r and f"H{r}" not in ind)

    budget = wb.cells(5)
    pri = f"'{SHEETS[lang][2]}'"
    tap.ok(f"{tag}: budget by marker is SUMIFS over the priorities",
           budget["D3"].formula == f"SUMIFS({pri}!$K$3:$K${last},{pri}!$G$3:$G${last},B3,"
           f"{pri}!$Q$3:$Q${last},\"<>{fx.name(con, 'status', 'rejected', lang)}\")",
           budget["D3"].formula)
    by_marker = {i["code"]: i["value"] for i in summary["budget_by_marker"]}
    for i, code in enumerate(("0", "1", "2")):
        cell = budget[f"D{3 + i}"]
        tap.ok(f"{tag}: budget marker {code} agrees with aimak-cli summary",
               abs(cell.value - by_marker[code]) < 0.01, (cell.value, by_marker[code]))
    funding = {i["code"]: i["value"] for i in summary["budget_by_funding"]}
    rows = {}
    for ref, cell in budget.items():
        m = re.match(r"B(\d+)$", ref)
        if m and cell.kind == "s":
            rows[cell.value] = int(m.group(1))
    for code, value in funding.items():
        if code == "":
            r = max(int(re.match(r"[A-Z]+(\d+)", k).group(1)) for k, c in budget.items()
                    if c.formula and '""' in c.formula and c.formula.startswith("SUMIFS"))
        else:
            r = rows.get(code)
        tap.ok(f"{tag}: budget of funding '{code or 'none'}' agrees with aimak-cli summary",
               r and abs(budget[f"D{r}"].value - value) < 0.01
               and budget[f"D{r}"].formula.startswith("SUMIFS("),
               (r, r and budget.get(f"D{r}"), value))
    shares = {i["code"]: i for i in summary["gender_budget_shares"]}
    share = [c for c in budget.values() if c.formula and "(D4+D5)" in c.formula]
    expected_share = shares["all_proposals"]["value"]
    tap.ok(f"{tag}: gender budget share of all proposals is a formula agreeing with aimak-cli summary",
           len(share) == 1 and (expected_share is None and share[0].value in ("", None)
                                or abs(share[0].value - expected_share) < 1e-9),
           (share, expected_share))
    adopted = [c for ref, c in budget.items() if ref.startswith("D") and c.formula
               and c.formula.startswith("IF(") and "(D4+D5)" not in c.formula]
    expected_share = shares["adopted"]["value"]
    tap.ok(f"{tag}: gender budget share of the adopted programme agrees with aimak-cli summary",
           len(adopted) == 1 and (expected_share is None and adopted[0].value in ("", None)
                                  or abs(adopted[0].value - expected_share) < 1e-9),
           (adopted, expected_share))

    cap = wb.cells(4)
    totals = [c for c in cap.values() if c.formula and c.formula.startswith("SUM(F3:")]
    women_role = {i["code"]: i for i in summary["participants_by_role_and_sex"]}
    tap.ok(f"{tag}: capacity totals row sums the activities",
           len(totals) == 1 and totals[0].value == women_role["local_authority"]["women"],
           (totals, women_role.get("local_authority")))
    r = wb.find_row(4, "D", "Gender budgeting")
    if tap.ok(f"{tag}: the fixture activity is there", r is not None):
        tap.ok(f"{tag}: activity date is a real date",
               cap[f"B{r}"].value == excel_serial("2025-05-20") and wb.is_date_style(cap[f"B{r}"].style))
        women = [c for ref, c in cap.items() if ref.endswith(str(r)) and c.formula
                 and c.value == 11]
        tap.ok(f"{tag}: women participants total is a formula (3 + 8)", women, cap)
        linked_header = {c.value: re.match(r"[A-Z]+", ref).group(0) for ref, c in cap.items()
                         if re.match(r"[A-Z]+2$", ref)}
        col = linked_header.get({"en": "Linked priorities", "ru": "Связанные приоритеты",
                                 "ky": "Байланышкан артыкчылыктар"}[lang])
        rank = con.execute("SELECT rank FROM priority WHERE id = 'fixture-1'").fetchone()[0]
        tap.ok(f"{tag}: the activity names its linked priority (issue 12)",
               col and cap.get(f"{col}{r}") and cap[f"{col}{r}"].value == f"{rank}. {fx.EQ_TITLE}",
               (col, col and cap.get(f"{col}{r}")))

    align = wb.cells(6)
    r = wb.find_row(6, "C", fx.EQ_TITLE)
    header = {c.value: re.match(r"[A-Z]+", ref).group(0) for ref, c in align.items()
              if ref.endswith("2") and re.match(r"[A-Z]+2$", ref)}
    gcm7 = [col for text, col in header.items() if isinstance(text, str) and text.endswith(" 7")
            and not text.endswith(".7")]
    tap.ok(f"{tag}: alignment marks GCM 7 for the fixture",
           r and gcm7 and align.get(f"{gcm7[0]}{r}") and align[f"{gcm7[0]}{r}"].value == 1,
           (r, gcm7))
    counts = [c for ref, c in align.items() if ref.endswith(str(r)) and c.formula
              and c.formula.startswith("SUM(")]
    tap.ok(f"{tag}: alignment counts the links with a formula", counts and counts[0].value == 3,
           counts)


def check_profile(wb, con, lang, tag, suppressed):
    prof = wb.cells(1)
    rows = [int(re.match(r"B(\d+)", k).group(1)) for k, c in prof.items()
            if re.match(r"B\d+$", k) and c.value == fx.BARSKOON]
    returnees = fx.name(con, "indicator", "RETURNEES", lang)
    migr = fx.name(con, "indicator", "MIGR_ABROAD", lang)
    r = next((x for x in rows if prof.get(f"C{x}") and prof[f"C{x}"].value == returnees),
             None)
    if not tap.ok(f"{tag}: returnees of the ayil aimak on the profile", r is not None, rows):
        return
    women, men, total = prof.get(f"F{r}"), prof.get(f"G{r}"), prof.get(f"H{r}")
    tap.ok(f"{tag}: year is an integer", prof[f"E{r}"].kind == "n" and prof[f"E{r}"].value == 2023)
    tap.ok(f"{tag}: men are a number", men.kind == "n" and men.value == 12, men)
    if suppressed:
        tap.ok(f"{tag}: 3 returnee women shown as <5", women.kind == "s" and women.value == "<5",
               women)
        tap.ok(f"{tag}: their total is hidden too", total.kind == "s"
               and total.value == SUPPRESSED_TOTAL[lang], total)
    else:
        tap.ok(f"{tag}: without the option the 3 women are a number",
               women.kind == "n" and women.value == 3, women)
        tap.ok(f"{tag}: without the option the total is a number",
               total.kind == "n" and total.value == 15, total)
    r = next((x for x in rows if prof.get(f"C{x}") and prof[f"C{x}"].value == migr), None)
    tap.ok(f"{tag}: 40 migrant women are not small", r and prof[f"F{r}"].kind == "n"
           and prof[f"F{r}"].value == 40)
    sources = [c.value for c in wb.cells(0).values() if c.kind == "s"]
    tap.ok(f"{tag}: the source is listed on the cover", "Ayil okmotu register" in sources)


def main():
    with tap.temp_dir(prefix="aimak-check-workbook-") as tmp:
        db = fx.make_database(CLI, tmp)
        con = sqlite3.connect(db)
        for lang in ("en", "ru", "ky"):
            out = os.path.join(tmp, f"Aimak-{lang}.xlsx")
            export(db, out, "--area", fx.JETI_OGUZ, "--lang", lang, "--suppress-small", "5")
            summary = json.loads(fx.run_cli(CLI, "summary", "--database", db, "--area",
                                            fx.JETI_OGUZ, "--json").stdout)
            wb = Workbook(out)
            tag = f"{lang} Jeti-Oguz"
            check_common(wb, lang, tag)
            subject = wb.xml("docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}subject")
            tap.ok(f"{tag}: document subject is the area",
                   subject == fx.name(con, "area", fx.JETI_OGUZ, lang), subject)
            tap.ok(f"{tag}: headers are shared strings", "xl/sharedStrings.xml" in wb.names)
            last = check_priorities(wb, con, lang, tag)
            if last:
                check_formulas(wb, con, lang, tag, last, summary)
            check_profile(wb, con, lang, tag, suppressed=True)

        # Every area, no suppression: demo data present and flagged.
        out = os.path.join(tmp, "all.xlsx")
        export(db, out, "--all", "--lang", "en")
        wb = Workbook(out)
        check_common(wb, "en", "en all")
        check_profile(wb, con, "en", "en all", suppressed=False)
        cover = [c.value for c in wb.cells(0).values() if c.kind == "s"]
        tap.ok("en all: the cover says the workbook contains demo data",
               any("contains demo data" in v for v in cover))
        demo = [c for ref, c in wb.cells(2).items() if ref.startswith("W") and c.value == YES["en"]]
        n_demo = con.execute("SELECT count(*) FROM priority WHERE is_demo = 1 AND"
                             " deleted_at IS NULL").fetchone()[0]
        tap.ok("en all: every demo priority is marked", len(demo) == n_demo, (len(demo), n_demo))
        n_live = con.execute("SELECT count(*) FROM priority WHERE deleted_at IS NULL").fetchone()[0]
        ranks = [c for ref, c in wb.cells(2).items() if re.match(r"A\d+$", ref)
                 and int(ref[1:]) > 2]
        tap.ok("en all: one row per priority", len(ranks) == n_live, (len(ranks), n_live))

        # A workbook large enough for constant_memory mode (no table, inline strings).
        con.close()
        r = fx.run_cli(CLI, "demo", "--database", db, "--priorities", "15000", "--seed", "8")
        tap.ok("large: demo priorities created", r.returncode == 0, r.stderr)
        con = sqlite3.connect(db)
        out = os.path.join(tmp, "large.xlsx")
        export(db, out, "--all", "--lang", "ru")
        summary = json.loads(fx.run_cli(CLI, "summary", "--database", db, "--all",
                                        "--json").stdout)
        wb = Workbook(out)
        check_common(wb, "ru", "ru large", table_mode=False)
        last = check_priorities(wb, con, "ru", "ru large", table_mode=False)
        if last:
            tap.ok("ru large: every priority has a row",
                   last - 2 == con.execute("SELECT count(*) FROM priority WHERE deleted_at IS NULL")
                   .fetchone()[0], last)
            check_formulas(wb, con, "ru", "ru large", last, summary)
        cover = [c.value for c in wb.cells(0).values() if c.kind == "s"]
        tap.ok("ru large: the cover explains the autofilter",
               any("автофильтр" in v for v in cover))
        leftovers = [n for n in os.listdir(tmp) if n.startswith(".")]
        tap.ok("no temporary files left in the folder", not leftovers, leftovers)

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
