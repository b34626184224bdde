#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares two workbooks part by part (every sheet's XML, shared strings, styles...),
ignoring docProps/core.xml, which holds the time of writing. Used to show that a change
to the export's speed leaves the workbook identical (issue 18):

    python3 tests/bench/compare-xlsx.py before.xlsx after.xlsx

Exit status 0 when every other part is byte for byte the same, else 1 with the parts
that differ."""
import sys
import zipfile


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
    names_a, names_b = sorted(a.namelist()), sorted(b.namelist())
    if names_a != names_b:
        print("different parts:", sorted(set(names_a) ^ set(names_b)))
        return 1
    differ = [n for n in names_a if n != "docProps/core.xml" and a.read(n) != b.read(n)]
    print(f"{len(names_a)} parts, {len(differ)} differ{': ' if differ else ''}"
          f"{', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
