#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest for the rules in DESIGN.md; report in TAP.

Usage: check-flatpak-manifest.py MANIFEST.json
"""

import json
import re
import shlex
import sys

import aimak_tap as tap

APP_ID = "io.github.aimakplanner.Aimak"
RUNTIME_VERSION = "50"
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
               "--share=network"]
# Permissions beyond a plain GNOME window's, each with its reason in x-finish-args.
EXPLAINED_ARGS = ["--share=network"]
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
APP_MODULE = "aimak"
# The build sandbox has no display: its test step runs these meson suites, never "gui".
TEST_SUITES = {"core", "cli", "fuzz"}


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


def check_finish_arg_reasons(m):
    reasons = m.get("x-finish-args")
    if not isinstance(reasons, dict):
        return ["no x-finish-args saying why each extra permission is needed"]
    return [f"x-finish-args gives no reason for {a}" for a in EXPLAINED_ARGS
            if not isinstance(reasons.get(a), str) or len(reasons.get(a)) < 20]


def check_libpq(m):
    """libpq (the office server's client) is built as a module, saying why."""
    mods = [mod for mod in all_modules(m.get("modules")) if mod.get("name") == "libpq"]
    if len(mods) != 1:
        return ["no libpq module (the GNOME runtime lacks it)"]
    if not isinstance(mods[0].get("x-why"), str):
        return ["the libpq module does not say why it is there (x-why)"]
    return []


def meson_test_suites(command):
    """The --suite arguments of a `meson test` command, or None when it is not one."""
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    if words[:2] != ["meson", "test"]:
        return None
    suites = set()
    for i, w in enumerate(words):
        if w == "--suite" and i + 1 < len(words):
            suites.add(words[i + 1])
        elif w.startswith("--suite="):
            suites.add(w.split("=", 1)[1])
    return suites


def check_test_step(m):
    """run-tests: the default rule (ninja test) would run the GUI tests without a display;
    the module runs the non-GUI suites itself and says so in x-tests."""
    modules = [mod for mod in all_modules(m.get("modules")) if mod.get("name") == APP_MODULE]
    if len(modules) != 1:
        return [f"expected one module named {APP_MODULE!r}, found {len(modules)}"]
    mod = modules[0]
    problems = []
    if mod.get("run-tests") is not True:
        problems.append(f"module {APP_MODULE} does not run its tests (run-tests: true)")
    if mod.get("test-rule") != "":
        problems.append(f"module {APP_MODULE}: test-rule must be \"\" (the default runs every "
                        "suite, the GUI ones too)")
    commands = mod.get("test-commands")
    if not isinstance(commands, list) or not commands:
        problems.append(f"module {APP_MODULE} has no test-commands")
        commands = []
    suites = set()
    for command in commands:
        got = meson_test_suites(str(command))
        if got is None:
            problems.append(f"test command {command!r} is not a `meson test` command")
        elif not got:
            problems.append(f"test command {command!r} names no --suite (it would run the GUI "
                            "tests)")
        else:
            suites |= got
    if commands and suites != TEST_SUITES:
        problems.append(f"the test step runs the suites {sorted(suites)}, expected "
                        f"{sorted(TEST_SUITES)}")
    note = mod.get("x-tests")
    if not isinstance(note, str) or not all(s in note for s in TEST_SUITES):
        problems.append(f"module {APP_MODULE}: x-tests must say which suites the test step runs")
    return problems


CHECKS = [
    ("app-id is " + APP_ID, check_app_id),
    ("runtime-version is \"" + RUNTIME_VERSION + "\"", check_runtime_version),
    ("every module has a source", check_sources),
    ("every git source is pinned by tag and commit", check_git_pins),
    ("no --filesystem finish-arg", check_no_filesystem),
    ("finish-args are exactly ipc, wayland, fallback-x11, dri, network", check_finish_args),
    ("every extra permission says why", check_finish_arg_reasons),
    ("libpq is a module, with its reason", check_libpq),
    ("the test step runs the non-GUI suites and says so", check_test_step),
]


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2

    tap.plan(len(CHECKS) + 1)
    manifest, problems = check_parses(argv[1])
    for p in problems:
        print(f"{argv[1]}: {p}", file=sys.stderr)
    if not tap.ok("manifest parses as JSON", not problems, "\n".join(problems)):
        for title, _ in CHECKS:
            tap.ok(f"{title} # manifest unreadable", False)
        return tap.done()

    for title, check in CHECKS:
        problems = check(manifest)
        for p in problems:
            print(f"{argv[1]}: {p}", file=sys.stderr)
        tap.ok(title, not problems, "\n".join(problems))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
