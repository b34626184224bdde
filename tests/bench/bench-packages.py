#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exchange packages at national scale (issue 15): 235 packages, one per ayil aimak
(the number of enlarged ayil aimaks after the 2024 reform), about 100 priorities each,
received one after another into one empty database, then the national workbook.

Prints the time to write the packages, to receive them (preview + apply, one process
each, as a ministry desk would run them: per package and in all), to export the
national workbook (with its By area and Data received sheets), and the peak memory of
the largest process of each step (wait4's ru_maxrss), then the same as a Markdown table
for the README. The demo data are marked demo (is_demo) and stay so when received. A benchmark, not a test: it reports, it does not
judge (there is no agreed goal yet).

Usage: bench-packages.py AIMAK-CLI [N_AREAS [PRIORITIES_PER_AREA]]
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1]
N_AREAS = int(sys.argv[2]) if len(sys.argv) > 2 else 235
PER_AREA = int(sys.argv[3]) if len(sys.argv) > 3 else 100


PEAK = {}   # command → largest peak resident memory of one process, MB


def run(*args):
    """Runs aimak-cli; returns its wall time in seconds. Its own peak memory (wait4's
    rusage, not the children's running maximum) goes to PEAK[command]."""
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    t = time.monotonic()
    p = subprocess.Popen([CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=env)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        sys.exit("aimak-cli %s failed: %s" % (args[0], err.decode(errors="replace")))
    PEAK[args[0]] = max(PEAK.get(args[0], 0), usage.ru_maxrss / 1024)
    return time.monotonic() - t


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-bench-packages-")
    try:
        source = os.path.join(tmp, "okmotus.db")
        national = os.path.join(tmp, "ministry.db")
        run("migrate", "--database", source)
        con = sqlite3.connect(source)
        level3 = con.execute("SELECT count(*) FROM area WHERE level = 3").fetchone()[0]
        con.close()
        # Demo priorities fall on every level-3 area alike.
        t = time.monotonic()
        run("demo", "--database", source, "--priorities", str(level3 * PER_AREA),
            "--activities", str(level3 * 4), "--seed", "11")
        print("demo data: %d priorities over %d ayil aimaks in %.1f s"
              % (level3 * PER_AREA, level3, time.monotonic() - t))
        con = sqlite3.connect(source)
        areas = [r[0] for r in con.execute(
            "SELECT area_code FROM priority GROUP BY area_code ORDER BY area_code LIMIT ?",
            (N_AREAS,))]
        con.close()
        run("migrate", "--database", national)

        packages = []
        write_times = []
        for code in areas:
            path = os.path.join(tmp, code + ".aimak")
            write_times.append(run("package", "--database", source, "--area", code, "-o", path))
            packages.append(path)
        size = sum(os.path.getsize(p) for p in packages)

        receive_times = [run("receive", "--database", national, path) for path in packages]

        con = sqlite3.connect(national)
        received, demo = con.execute("SELECT count(*), total (is_demo) FROM priority "
                                     "WHERE deleted_at IS NULL").fetchone()
        receipts = con.execute("SELECT count(*) FROM package_receipt").fetchone()[0]
        con.close()
        workbook = os.path.join(tmp, "national.xlsx")
        export_s = run("export", "--database", national, "--all", "-o", workbook)

        n = len(packages)
        print("packages written: %d in %.1f s (%.0f ms each), %.1f MB in all"
              % (n, sum(write_times), 1000 * sum(write_times) / n, size / 1e6))
        print("packages received: %d priorities (%d marked demo), %d receipts, in %.1f s "
              "(%.0f ms a package on average, first %.0f ms, last %.0f ms, slowest %.0f ms)"
              % (received, demo, receipts, sum(receive_times), 1000 * sum(receive_times) / n,
                 1000 * receive_times[0], 1000 * receive_times[-1], 1000 * max(receive_times)))
        print("national workbook: %.1f s, %.1f MB" % (export_s, os.path.getsize(workbook) / 1e6))
        print("peak memory (largest single process): package %.0f MB, receive %.0f MB, "
              "export %.0f MB" % (PEAK["package"], PEAK["receive"], PEAK["export"]))
        print()
        print("| step | count | total | per package | peak memory |")
        print("|---|---|---|---|---|")
        print("| package (write) | %d | %.1f s | %.0f ms | %.0f MB |"
              % (n, sum(write_times), 1000 * sum(write_times) / n, PEAK["package"]))
        print("| receive (preview + apply) | %d (%d priorities) | %.1f s | %.0f ms | %.0f MB |"
              % (n, received, sum(receive_times), 1000 * sum(receive_times) / n,
                 PEAK["receive"]))
        print("| national workbook | 1 | %.1f s | | %.0f MB |" % (export_s, PEAK["export"]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
