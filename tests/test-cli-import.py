#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli import-indicators: exit codes, stdout/stderr and the database (TAP).

Arguments: the aimak-cli binary and the directory of the CSV fixtures."""
import hashlib
import os
import pty
import select
import sqlite3
import subprocess
import sys

import aimak_tap as tap

CLI = sys.argv[1]
DATA = sys.argv[2]


def run(*args, stderr_tty=False, **kwargs):
    if not stderr_tty:
        kwargs.setdefault("timeout", 300)
        return tap.run_cli(CLI, *args, **kwargs)
    env = tap.cli_env()
    # stderr on a pseudo-terminal, as when a person runs the command.
    master, slave = pty.openpty()
    p = subprocess.Popen([CLI, *args], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    err = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out = p.stdout.read().decode()
    p.wait(timeout=300)
    os.close(master)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err.decode(errors="replace"))


def fixture(name):
    return os.path.join(DATA, name)


def state(db):
    """Number of values, of change-log rows, and a digest of every value."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT * FROM indicator_value ORDER BY id").fetchall()
        log = con.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        con.close()
    return len(rows), log, hashlib.sha256(repr(rows).encode()).hexdigest()


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


with tap.temp_dir(prefix="aimak-cli-import-") as tmp:
    db = os.path.join(tmp, "aimak.db")
    r = run("migrate", "--database", db)   # creates the database
    tap.ok("database created", r.returncode == 0, r.stderr)

    r = run("--help")
    tap.ok("--help lists import-indicators", "import-indicators" in r.stdout)
    r = run("import-indicators", "--help")
    tap.ok("import-indicators --help documents the options",
           r.returncode == 0 and "--skip-bad-rows" in r.stdout and "--dry-run" in r.stdout, r.stdout)

    # Bad arguments: exit 2, nothing on stdout.
    r = run("import-indicators", "--database", db)
    tap.ok("no file exits 2", r.returncode == 2 and r.stdout == "" and "CSV" in r.stderr, r.stderr)
    r = run("import-indicators", fixture("import-good.csv"), fixture("import-good.csv"), "--database", db)
    tap.ok("two files exit 2", r.returncode == 2 and r.stdout == "", r.stderr)
    r = run("import-indicators", "--frobnicate", fixture("import-good.csv"), "--database", db)
    tap.ok("unknown option exits 2", r.returncode == 2 and r.stdout == "", r.stderr)
    r = run("import-indicators", "--dry-run", "--skip-bad-rows", fixture("import-good.csv"), "--database", db)
    tap.ok("--dry-run with --skip-bad-rows exits 2", r.returncode == 2 and r.stdout == "", r.stderr)

    # A dry run of a good file: exit 0, says so, changes nothing.
    before = state(db)
    r = run("import-indicators", "--dry-run", fixture("import-good.csv"), "--database", db)
    tap.ok("--dry-run of a good file exits 0",
           r.returncode == 0 and r.stdout.startswith("Checked 4 rows: all good") and r.stderr == "",
           r.stdout + r.stderr)
    tap.ok("--dry-run changes nothing", state(db) == before)

    # A good file.
    r = run("import-indicators", fixture("import-good.csv"), "--database", db)
    tap.ok("good file exits 0", r.returncode == 0, r.stderr)
    tap.ok("good file prints the summary on stdout",
           r.stdout == "Imported 4 values (4 new, 0 updated, 0 unchanged)\n", repr(r.stdout))
    tap.ok("no progress when stderr is not a terminal", r.stderr == "", repr(r.stderr))
    tap.ok("good file values are in the database",
           query(db, "SELECT value FROM indicator_value WHERE area_code = 'KG02210815000' AND "
                     "indicator_code = 'POP' AND sex = 'F' AND year = 2023") == [(5120.0,)])
    tap.ok("import is in the change log",
           query(db, "SELECT count(*) FROM change_log WHERE entity = 'import'") == [(1,)])

    # Again: updates nothing, still succeeds.
    r = run("import-indicators", fixture("import-good.csv"), "--database", db)
    tap.ok("same file again: 4 unchanged",
           r.returncode == 0 and "(0 new, 0 updated, 4 unchanged)" in r.stdout, r.stdout + r.stderr)

    # Semicolons, BOM, CRLF, decimal comma.
    r = run("import-indicators", fixture("import-semicolon-bom-crlf.csv"), "--database", db)
    tap.ok("semicolon/BOM/CRLF file imports", r.returncode == 0 and "Imported 3 values" in r.stdout,
           r.stdout + r.stderr)

    # Bad rows: one line each on stderr, exit 1, nothing changed.
    bad = fixture("import-bad-rows.csv")
    before = state(db)
    r = run("import-indicators", bad, "--database", db)
    lines = [l for l in r.stderr.splitlines() if l.startswith(bad + ":")]
    tap.ok("bad rows exit 1", r.returncode == 1, r.stderr)
    tap.ok("bad rows print nothing on stdout", r.stdout == "", r.stdout)
    tap.ok("one FILE:LINE: line per bad row (16)", len(lines) == 16, r.stderr)
    tap.ok("lines name the right line numbers",
           [int(l[len(bad) + 1:].split(":")[0]) for l in lines] == list(range(3, 19)), r.stderr)
    tap.ok("unknown area reported", f"{bad}:3: Unknown area “KG99999999999”." in r.stderr, r.stderr)
    tap.ok("bad number reported", f"{bad}:5: “12.5.3” is not a number" in r.stderr, r.stderr)
    tap.ok("bad sex reported", f"{bad}:8: Unknown sex “X”" in r.stderr, r.stderr)
    tap.ok("empty source reported", f"{bad}:9: The source is empty" in r.stderr, r.stderr)
    tap.ok("field count reported", f"{bad}:10: The row has 6 fields where the header has 7." in r.stderr, r.stderr)
    tap.ok("the summary says nothing was imported and how to skip",
           "nothing was imported" in r.stderr and "--skip-bad-rows" in r.stderr, r.stderr)
    tap.ok("bad rows change nothing", state(db) == before)

    r = run("import-indicators", "--dry-run", bad, "--database", db)
    tap.ok("--dry-run of a bad file exits 1 and lists the rows",
           r.returncode == 1 and r.stderr.count(bad + ":") == 16 and r.stdout == "", r.stderr)
    tap.ok("--dry-run of a bad file changes nothing", state(db) == before)

    # The bad row in the middle: all or nothing.
    middle = fixture("import-bad-middle.csv")
    r = run("import-indicators", middle, "--database", db)
    tap.ok("bad row in the middle exits 1", r.returncode == 1 and f"{middle}:5:" in r.stderr, r.stderr)
    tap.ok("bad row in the middle changes nothing", state(db) == before)

    # --skip-bad-rows imports the good ones and exits 0.
    r = run("import-indicators", "--skip-bad-rows", bad, "--database", db)
    tap.ok("--skip-bad-rows exits 0", r.returncode == 0, r.stderr)
    tap.ok("--skip-bad-rows summary",
           r.stdout == "Imported 2 values (2 new, 0 updated, 0 unchanged); skipped 16 bad rows\n",
           repr(r.stdout))
    tap.ok("--skip-bad-rows still reports the bad rows", r.stderr.count(bad + ":") == 16, r.stderr)
    tap.ok("--skip-bad-rows wrote the two good rows", state(db)[0] == before[0] + 2)

    # Bad files.
    cp1251 = os.path.join(tmp, "cp1251.csv")
    with open(cp1251, "wb") as f:
        f.write("area,indicator,year,sex,value,source,note\n"
                "KG02210815000,POP,2024,женщины,100,Тест,\n".encode("cp1251"))
    before = state(db)
    r = run("import-indicators", cp1251, "--database", db)
    tap.ok("Windows-1251 file exits 1", r.returncode == 1 and r.stdout == "", r.stderr)
    tap.ok("Windows-1251 message says to save as UTF-8",
           "cp1251.csv:2:" in r.stderr and "Save it as UTF-8" in r.stderr, r.stderr)
    tap.ok("Windows-1251 file changes nothing", state(db) == before)

    r = run("import-indicators", fixture("import-unclosed-quote.csv"), "--database", db)
    tap.ok("unclosed quote exits 1 naming file and line",
           r.returncode == 1 and "import-unclosed-quote.csv:3:" in r.stderr, r.stderr)
    r = run("import-indicators", fixture("import-no-header.csv"), "--database", db)
    tap.ok("file without a header is refused", r.returncode == 1 and "not a header" in r.stderr, r.stderr)
    r = run("import-indicators", os.path.join(tmp, "missing.csv"), "--database", db)
    tap.ok("missing file exits 1 naming it", r.returncode == 1 and "missing.csv" in r.stderr, r.stderr)
    tap.ok("bad files change nothing", state(db) == before)

    # Standard input ("-") and a pipe given as /dev/stdin are read once: the
    # first bytes are not lost to a second look at the encoding (issue 11).
    env = tap.cli_env()
    piped = ("area,indicator,year,sex,value,source\n"
             "KG02210815000,RETURNEES,2019,F,17,Piped source\n"
             "KG02210815000,RETURNEES,2019,M,1e308,Piped source\n")
    r = run("import-indicators", "--skip-bad-rows", "-", "--database", db, input=piped, timeout=60)
    tap.ok("'-' reads standard input", r.returncode == 0 and "Imported 1 value" in r.stdout,
           r.stdout + r.stderr)
    tap.ok("a bad row from standard input is named <stdin>:LINE",
           "<stdin>:3: “1e308” is not a number" in r.stderr, r.stderr)
    con = sqlite3.connect(db)
    got = con.execute("SELECT value FROM indicator_value WHERE source = 'Piped source'").fetchall()
    con.close()
    tap.ok("the piped value is stored", got == [(17.0,)], got)
    r = subprocess.run(["sh", "-c", 'cat | "$0" import-indicators --dry-run /dev/stdin --database "$1"',
                        CLI, db], input=piped.replace("1e308", "5"), capture_output=True,
                       text=True, env=env, timeout=60)
    tap.ok("/dev/stdin from a pipe keeps its first bytes",
           r.returncode == 0 and "Checked 2 rows: all good" in r.stdout, r.stdout + r.stderr)
    dup = os.path.join(tmp, "dup.csv")
    with open(dup, "w", encoding="utf-8") as f:
        f.write("area,indicator,year,sex,value,source\n"
                "KG02210815000,POP,2024,F,1,S\nKG02210815000,POP,2024,F,2,S\n")
    rel = os.path.relpath(dup)
    r = run("import-indicators", rel, "--database", db)
    tap.ok("duplicate rows refuse the file, naming both lines and the path as given",
           r.returncode == 1 and f"{rel}:3: this row repeats line 2" in r.stderr, r.stderr)

    # Progress only on a terminal.
    big = os.path.join(tmp, "big.csv")
    with open(big, "w", encoding="utf-8") as f:
        f.write("area,indicator,year,sex,value,source,note\n")
        for i in range(60000):
            f.write(f"KG02210815000,POP,{1990 + i % 111},{'FMT'[(i // 111) % 3]},{i},"
                    f"Test fixture {i // 333},row {i}\n")
    r = run("import-indicators", "--dry-run", big, "--database", db, stderr_tty=True)
    tap.ok("progress on a terminal", r.returncode == 0 and "Importing…" in r.stderr and "%" in r.stderr,
           repr(r.stderr[:200]))
    tap.ok("progress keeps stdout clean", r.stdout.startswith("Checked 60000 rows"), r.stdout)

sys.exit(tap.done())
