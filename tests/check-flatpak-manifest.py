#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest for the rules in DESIGN.md; report in TAP.

Usage: check-flatpak-manifest.py MANIFEST.json
"""

import json
import re
import sys

APP_ID = "io.github.aimakplanner.Aimak"
RUNTIME_VERSION = "50"
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def all_modules(modules):
    """Yield every module, nested ones too; string entries name external files."""
    for module in modules or []:
        if isinstance(module, dict):
            yield module
            yield from all_modules(module.get("modules"))


def check_parses(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return None, [f"cannot read {path}: {e}"]
    if not isinstance(data, dict):
        return None, ["top level is not a JSON object"]
    return data, []


def check_app_id(m):
    got = m.get("app-id", m.get("id"))
    return [] if got == APP_ID else [f"app-id is {got!r}, expected {APP_ID!r}"]


def check_runtime_version(m):
    got = m.get("runtime-version")
    if got != RUNTIME_VERSION:
        return [f"runtime-version is {got!r}, expected the string {RUNTIME_VERSION!r}"]
    return []


def check_sources(m):
    problems = []
    modules = list(all_modules(m.get("modules")))
    if not modules:
        problems.append("no modules")
    for module in modules:
        name = module.get("name", "<unnamed>")
        sources = module.get("sources")
        if not isinstance(sources, list) or not sources:
            problems.append(f"module {name} has no sources")
    return problems


def check_git_pins(m):
    problems = []
    for module in all_modules(m.get("modules")):
        name = module.get("name", "<unnamed>")
        for source in module.get("sources") or []:
            if not isinstance(source, dict) or source.get("type") != "git":
                continue
            url = source.get("url", "?")
            if not source.get("tag"):
                problems.append(f"module {name}: git source {url} has no tag")
            commit = source.get("commit", "")
            if not COMMIT_RE.match(str(commit)):
                problems.append(f"module {name}: git source {url} has no 40-hex commit "
                                f"(got {commit!r})")
    return problems


def check_no_filesystem(m):
    bad = [a for a in m.get("finish-args", []) if str(a).startswith("--filesystem")]
    if bad:
        return [f"finish-args grant file-system access ({', '.join(bad)}); "
                "use the file-chooser portal"]
    return []


def check_finish_args(m):
    got = m.get("finish-args")
    if not isinstance(got, list) or sorted(got) != sorted(FINISH_ARGS) or len(got) != len(set(got)):
        return [f"finish-args are {got!r}, expected exactly {FINISH_ARGS!r}"]
    return []


CHECKS = [
    ("app-id is " + APP_ID, check_app_id),
    ("runtime-version is \"" + RUNTIME_VERSION + "\"", check_runtime_version),
    ("every module has a source", check_sources),
    ("every git source is pinned by tag and commit", check_git_pins),
    ("no --filesystem finish-arg", check_no_filesystem),
    ("finish-args are exactly ipc, wayland, fallback-x11, dri", check_finish_args),
]


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2

    print(f"1..{len(CHECKS) + 1}")
    manifest, problems = check_parses(argv[1])
    failed = 0
    if problems:
        print("not ok 1 - manifest parses as JSON")
        for p in problems:
            print(f"# {p}")
            print(f"{argv[1]}: {p}", file=sys.stderr)
        for n, (title, _) in enumerate(CHECKS, start=2):
            print(f"not ok {n} - {title} # manifest unreadable")
        return 1
    print("ok 1 - manifest parses as JSON")

    for n, (title, check) in enumerate(CHECKS, start=2):
        problems = check(manifest)
        if problems:
            failed += 1
            print(f"not ok {n} - {title}")
            for p in problems:
                print(f"# {p}")
                print(f"{argv[1]}: {p}", file=sys.stderr)
        else:
            print(f"ok {n} - {title}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
