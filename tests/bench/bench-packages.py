#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exchange packages at national scale (issue 15): 235 packages, one per ayil aimak
(the number of enlarged ayil aimaks after the 2024 reform), about 100 priorities each,
received one after another into one empty database, then the national workbook.

Prints the time to write the packages, to receive them (preview + apply, one process
each, as a ministry desk would run them), to export everything, and the largest peak
memory of any of those processes. A benchmark, not a test: it reports, it does not
judge (there is no agreed goal yet).

Usage: bench-packages.py AIMAK-CLI [N_AREAS [PRIORITIES_PER_AREA]]
"""
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1]
N_AREAS = int(sys.argv[2]) if len(sys.argv) > 2 else 235
PER_AREA = int(sys.argv[3]) if len(sys.argv) > 3 else 100


def run(*args):
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    r = subprocess.run([CLI, *args], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit("aimak-cli %s failed: %s" % (args[0], r.stderr))
    return r


def peak_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


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

        t = time.monotonic()
        packages = []
        for code in areas:
            path = os.path.join(tmp, code + ".aimak")
            run("package", "--database", source, "--area", code, "-o", path)
            packages.append(path)
        write_s = time.monotonic() - t
        size = sum(os.path.getsize(p) for p in packages)

        t = time.monotonic()
        for path in packages:
            run("receive", "--database", national, path)
        receive_s = time.monotonic() - t

        con = sqlite3.connect(national)
        received = con.execute("SELECT count(*) FROM priority").fetchone()[0]
        con.close()
        t = time.monotonic()
        run("export", "--database", national, "--all", "-o", os.path.join(tmp, "national.xlsx"))
        export_s = time.monotonic() - t

        print("packages written: %d in %.1f s (%.0f ms each), %.1f MB in all"
              % (len(packages), write_s, 1000 * write_s / len(packages), size / 1e6))
        print("packages received: %d priorities in %.1f s (%.0f ms a package)"
              % (received, receive_s, 1000 * receive_s / len(packages)))
        print("national workbook: %.1f s" % export_s)
        print("largest peak memory of any process: %.0f MB" % peak_mb())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
