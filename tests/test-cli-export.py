#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak-cli export: exit codes and messages for good and bad arguments, stdout carrying
only the path, progress on stderr only when stderr is a terminal, and nothing left in
the folder when the export fails (TAP)."""
import os
import pty
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimak_tap as tap  # noqa: E402
import aimak_workbook_fixture as fx  # noqa: E402

CLI = sys.argv[1]


def run(*args):
    return fx.run_cli(CLI, *args)


def main():
    with tap.temp_dir(prefix="aimak-cli-export-") as tmp:
        db = fx.make_database(CLI, tmp, demo_priorities=20, demo_activities=3)
        out_dir = os.path.join(tmp, "out")
        os.mkdir(out_dir)
        out = os.path.join(out_dir, "w.xlsx")

        def bad(name, args, words, code=2):
            r = run("export", "--database", db, *args)
            tap.ok(f"{name}: exit {code}", r.returncode == code, (r.returncode, r.stderr))
            tap.ok(f"{name}: says why", words in r.stderr, r.stderr)
            tap.ok(f"{name}: nothing on stdout", r.stdout == "", r.stdout)
            tap.ok(f"{name}: nothing written", os.listdir(out_dir) == [], os.listdir(out_dir))

        bad("missing scope", ["-o", out], "--area CODE, --pilots or --all")
        bad("two scopes", ["--all", "--pilots", "-o", out], "exactly one")
        bad("unknown area", ["--area", "KG99999999999", "-o", out], "KG99999999999")
        bad("bad language", ["--all", "--lang", "kg", "-o", out], "unknown language")
        bad("missing -o", ["--all"], "-o FILE.xlsx")
        bad("bad threshold", ["--all", "--suppress-small", "0", "-o", out], "--suppress-small")
        bad("unknown option", ["--all", "--colour", "-o", out], "--colour")
        bad("extra argument", ["--all", "-o", out, "extra"], "extra")
        bad("output is a folder", ["--all", "-o", out_dir], "is a folder", code=1)
        bad("folder missing", ["--all", "-o", os.path.join(tmp, "nope", "w.xlsx")],
            "does not exist", code=1)

        r = run("export", "--database", os.path.join(tmp, "missing.db"), "--all", "-o", out)
        tap.ok("missing database: exit 1", r.returncode == 1, (r.returncode, r.stderr))
        tap.ok("missing database: not created", not os.path.exists(os.path.join(tmp, "missing.db")))

        r = run("export", "--help")
        tap.ok("--help: exit 0", r.returncode == 0 and "--suppress-small" in r.stdout, r.stdout)

        r = run("export", "--database", db, "--area", fx.JETI_OGUZ, "--lang", "ru",
                "--suppress-small", "5", "-o", out)
        tap.ok("good export: exit 0", r.returncode == 0, r.stderr)
        tap.ok("good export: stdout is the path", r.stdout == out + "\n", r.stdout)
        tap.ok("good export: no progress when stderr is not a terminal", r.stderr == "", r.stderr)
        tap.ok("good export: only the workbook in the folder", os.listdir(out_dir) == ["w.xlsx"],
               os.listdir(out_dir))
        with open(out, "rb") as f:
            tap.ok("good export: a zip file", f.read(2) == b"PK")

        # Progress goes to stderr when it is a terminal.
        master, slave = pty.openpty()
        p = tap.run_cli(CLI, "export", "--database", db, "--all", "--force", "-o", out,
                        capture_output=False, text=False, stdout=subprocess.PIPE, stderr=slave,
                        timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        err = b"".join(chunks).decode("utf-8", "replace")
        tap.ok("terminal: exit 0", p.returncode == 0)
        tap.ok("terminal: progress shown on stderr", "100 %" in err, err)
        tap.ok("terminal: stdout still only the path", p.stdout.decode() == out + "\n")

        # A read-only existing file is not replaced.
        os.chmod(out, 0o444)
        before = open(out, "rb").read()
        r = run("export", "--database", db, "--all", "-o", out)
        tap.ok("read-only target: exit 1", r.returncode == 1, r.stderr)
        tap.ok("read-only target: says so", "read-only" in r.stderr, r.stderr)
        tap.ok("read-only target: unchanged", open(out, "rb").read() == before)
        tap.ok("read-only target: no temporary file", os.listdir(out_dir) == ["w.xlsx"],
               os.listdir(out_dir))
        os.chmod(out, 0o644)

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
