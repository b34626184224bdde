#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The second export row of issue 18: `aimak-cli export --all` of a database against a
plain libxlsxwriter program (floor-xlsx) writing the same number of cells as 12 short
mixed cells per row (6 strings of 8 bytes, 6 numbers), constant_memory as the export.
Each program runs RUNS times, alternately, so that a busy machine slows them alike;
prints the medians of CPU time (user + system, from wait4) and wall time and the ratios.
More than one aimak-cli may be named (e.g. a build of the start commit as the baseline),
each with its own database of the same data.

    python3 tests/bench/bench-export-plain.py FLOOR-XLSX RUNS AIMAK-CLI:DB [AIMAK-CLI:DB...]
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile


def run(argv):
    start = time.monotonic()
    before = os.times()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user - before.children_user) + \
          (after.children_system - before.children_system)
    return cpu, time.monotonic() - start


def count_cells(path):
    with zipfile.ZipFile(path) as z:
        return sum(len(re.findall(rb"<c ", z.read(n))) for n in z.namelist()
                   if n.startswith("xl/worksheets/sheet"))


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    floor, runs = sys.argv[1], int(sys.argv[2])
    exports = [arg.rsplit(":", 1) for arg in sys.argv[3:]]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "export.xlsx")
        floor_out = os.path.join(tmp, "floor.xlsx")
        cmds = [[cli, "export", "--database", db, "--all", "--lang", "en", "--force",
                 "-o", out] for cli, db in exports]
        run(cmds[0])
        cells = count_cells(out)
        rows = (cells + 11) // 12
        floor_cmd = [floor, floor_out, str(rows), "6", "6", "8", "1"]
        results = {i: [] for i in range(len(cmds) + 1)}
        for _ in range(runs):
            for i, cmd in enumerate(cmds + [floor_cmd]):
                results[i].append(run(cmd))
    med = {i: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
           for i, r in results.items()}
    fcpu, fwall = med[len(cmds)]
    print(f"cells: {cells}; plain program: {rows} rows x 12 (6 strings of 8 bytes, 6 numbers)")
    print(f"| program | CPU (median of {runs}) | wall | CPU ratio | wall ratio |")
    print("|---|---|---|---|---|")
    for i, (cli, db) in enumerate(exports):
        cpu, wall = med[i]
        print(f"| {cli} export --all ({os.path.basename(db)}) | {cpu:.2f} s | {wall:.2f} s "
              f"| {cpu / fcpu:.2f}x | {wall / fwall:.2f}x |")
    print(f"| floor-xlsx | {fcpu:.2f} s | {fwall:.2f} s | 1 | 1 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
