# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak_workbook_fixture.py — a database with known priorities, indicator values and
activities for the workbook read-back tests (check-workbook.py and
check-workbook-openpyxl.py), made with `aimak-cli demo` plus rows inserted with SQL,
so that the tests know every value the workbook must contain."""
import sqlite3

import aimak_tap as tap

JETI_OGUZ = "KG02210000000"     # rayon, pilot
BARSKOON = "KG02210815000"      # ayil aimak in Jeti-Oguz, pilot, level 3
EQ_TITLE = "=1+2 Clean water for women-headed households"
PLUS_TITLE = "+20 places in the Barskoon kindergarten"


def run_cli(cli, *args, timeout=600):
    return tap.run_cli(cli, *args, timeout=timeout)


def make_database(cli, folder, demo_priorities=40, demo_activities=10):
    """Creates folder/aimak.db with demo data and the fixture rows; returns its path."""
    db = tap.make_database(cli, folder, demo=["--priorities", str(demo_priorities),
                                              "--activities", str(demo_activities),
                                              "--seed", "7"])
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    sector = con.execute("SELECT code FROM sector ORDER BY sort, code LIMIT 1").fetchone()[0]
    rank = con.execute("SELECT coalesce(max(rank), 0) FROM priority WHERE area_code = ?",
                       (BARSKOON,)).fetchone()[0]
    con.execute(
        "INSERT INTO priority (id, area_code, rank, title, problem, sector_code, gender_marker,"
        " marker_justification, status, budget_kgs, funding_source, responsible, partners,"
        " start_year, end_year, hearing_date, hearing_participants_f, hearing_participants_m,"
        " kenesh_decision_no, kenesh_decision_date, is_demo, created_at, updated_at)"
        " VALUES ('fixture-1', ?, ?, ?, 'Water', ?, 2, 'Women decide where the taps go.',"
        " 'approved', 1250000.5, 'local_budget', 'Ayil okmotu', 'Women''s council', 2025, 2027,"
        " '2025-03-14', 23, 17, '12/3', '2025-04-01', 0, '2025-01-01T00:00:00Z',"
        " '2025-01-01T00:00:00Z')",
        (BARSKOON, rank + 1, EQ_TITLE, sector))
    con.execute(
        "INSERT INTO priority (id, area_code, rank, title, status, gender_marker, is_demo,"
        " created_at, updated_at) VALUES ('fixture-2', ?, ?, ?, 'draft', 0, 0,"
        " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        (BARSKOON, rank + 2, PLUS_TITLE))
    # A soft-deleted priority must not be exported.
    con.execute(
        "INSERT INTO priority (id, area_code, rank, title, status, gender_marker, budget_kgs,"
        " is_demo, created_at, updated_at, deleted_at) VALUES ('fixture-3', ?, ?,"
        " 'Deleted priority', 'draft', 1, 999, 0, 'x', 'x', '2025-02-01')",
        (BARSKOON, rank + 3))
    for group in ("returning_women_migrants", "women_left_behind"):
        con.execute("INSERT INTO priority_target_group VALUES ('fixture-1', ?)", (group,))
    for objective in ("7", "2"):
        con.execute("INSERT INTO priority_gcm VALUES ('fixture-1', ?)", (objective,))
    con.execute("INSERT INTO priority_sdg VALUES ('fixture-1', '5.1')")
    con.execute("UPDATE priority SET description = 'Taps within 200 m of every home'"
                " WHERE id = 'fixture-1'")
    con.execute("INSERT INTO priority_checklist VALUES ('fixture-1', 'women_consulted', 'yes')")
    con.execute("INSERT INTO priority_checklist VALUES ('fixture-1', 'sex_disaggregated_data',"
                " 'partly')")
    con.execute("INSERT INTO priority_indicator (priority_id, position, name, unit, baseline_f,"
                " baseline_m, target_f, target_m) VALUES ('fixture-1', 0, 'Women trained',"
                " 'persons', 10, 4, 40, 20)")
    con.execute("INSERT INTO priority_indicator (priority_id, position, name, unit, baseline_f,"
                " baseline_m, target_f, target_m) VALUES ('fixture-1', 1, 'Share of women',"
                " '%', 30, 70, 50, 50)")
    for sex, value in (("F", 3), ("M", 12), ("T", 15)):
        con.execute("INSERT INTO indicator_value (area_code, indicator_code, year, sex, value,"
                    " source) VALUES (?, 'RETURNEES', 2023, ?, ?, 'Ayil okmotu register')",
                    (BARSKOON, sex, value))
    con.execute("INSERT INTO indicator_value (area_code, indicator_code, year, sex, value,"
                " source) VALUES (?, 'MIGR_ABROAD', 2023, 'F', 40, 'Ayil okmotu register')",
                (BARSKOON,))
    con.execute("INSERT INTO activity (id, area_code, date, type, topic, facilitator, is_demo,"
                " created_at, updated_at) VALUES ('fixture-a1', ?, '2025-05-20', 'training',"
                " 'Gender budgeting', 'Rayon gender focal point', 0, 'x', 'x')", (BARSKOON,))
    con.execute("INSERT INTO activity_participant VALUES ('fixture-a1', 'local_authority', 3, 2)")
    con.execute("INSERT INTO activity_participant VALUES ('fixture-a1', 'women_group', 8, 0)")
    con.execute("INSERT INTO activity_priority VALUES ('fixture-a1', 'fixture-1')")
    con.commit()
    con.close()
    return db


def column_letter(index):
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def priorities_last_column(con):
    """The Priorities sheet: 25 fixed columns, one per gender checklist item, then the
    source desk."""
    return column_letter(25 + con.execute("SELECT count(*) FROM checklist_item").fetchone()[0])


def name(con, table, code, lang, column="name"):
    """A code-list name in @lang with Aimak's fallback rule (ky → ru → en, ru → ky → en)."""
    row = con.execute(f"SELECT {column}_en, {column}_ru, {column}_ky FROM {table} "
                      "WHERE code = ?", (code,)).fetchone()
    en, ru, ky = row
    if lang == "ky":
        return ky or ru or en
    if lang == "ru":
        return ru or ky or en
    return en or ru or ky
