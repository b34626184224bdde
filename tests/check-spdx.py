#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file carries the licence line "SPDX-License-Identifier: GPL-3.0-or-later"
near its top (TAP): C files as a comment on the first line or after the first header
comment, Python and shell scripts after the shebang.

Usage: check-spdx.py SOURCE-ROOT [--dirs DIR...]

DIRs are relative to SOURCE-ROOT (default: src tests); every *.c, *.h, *.py and *.sh
file under them, at any depth, is checked.
"""

import argparse
import os
import sys

import aimak_tap as tap

LINE = "SPDX-License-Identifier: GPL-3.0-or-later"
EXTENSIONS = (".c", ".h", ".py", ".sh")
# The line must come before the code: within the first lines of the file.
HEAD_LINES = 12


def sources(root, folder):
    for parent, dirs, files in os.walk(os.path.join(root, folder)):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_build")))
        for name in sorted(files):
            if name.endswith(EXTENSIONS):
                yield os.path.join(parent, name)


def has_line(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = [f.readline() for _ in range(HEAD_LINES)]
    except OSError:
        return False
    return any(LINE in line for line in head)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--dirs", nargs="+", default=["src", "tests"])
    args = parser.parse_args(argv[1:])

    for folder in args.dirs:
        files = list(sources(args.root, folder))
        tap.ok(f"{folder}/ has source files", files, os.path.join(args.root, folder))
        missing = [os.path.relpath(p, args.root) for p in files if not has_line(p)]
        for p in missing:
            print(f"{p}: no “{LINE}” line in its first {HEAD_LINES} lines", file=sys.stderr)
        tap.ok(f"every source file under {folder}/ has an SPDX licence line ({len(files)} files)",
               not missing, "missing in: " + ", ".join(missing))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
