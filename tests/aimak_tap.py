# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak_tap.py — what the Python tests share: TAP output, running aimak-cli, and a
temporary folder with a database in it.

    import aimak_tap as tap

    with tap.temp_database(cli, "aimak-cli-") as (tmp, db):   # made by migrate
        r = tap.run_cli(cli, "check", "--database", db)
        tap.ok("check passes", r.returncode == 0, r.stderr)
    sys.exit(tap.done())      # prints the plan, returns the exit status

Each ok() line is printed as soon as it is known (a crash later still shows what
passed); the plan "1..N" comes at the end, which TAP allows. A test that needs
something missing calls skip_all(reason). The tests find this module beside them:
meson test sets PYTHONPATH to tests/, and Python puts a script's own folder first on
sys.path anyway.
"""

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

_count = 0
_failed = 0
_planned = None


def plan(n):
    """Prints the plan up front (otherwise done() prints it at the end)."""
    global _planned
    _planned = n
    print(f"1..{n}", flush=True)


def diag(text, max_lines=40, max_chars=2000):
    """Prints TEXT as TAP diagnostics ("# " lines), shortened."""
    text = str(text)
    if len(text) > max_chars:
        text = text[:max_chars] + " …"
    for line in text.splitlines()[:max_lines]:
        print(f"# {line}")


def ok(name, cond, detail=""):
    """One subtest: "ok N - NAME" or "not ok N - NAME" with DETAIL as diagnostics.
    Returns whether it passed."""
    global _count, _failed
    _count += 1
    passed = bool(cond)
    print(f"{'ok' if passed else 'not ok'} {_count} - {name}")
    if not passed:
        _failed += 1
        if detail:
            diag(detail)
    sys.stdout.flush()
    return passed


def skip(name, reason):
    """One subtest skipped for REASON."""
    global _count
    _count += 1
    print(f"ok {_count} - {name} # SKIP {reason}", flush=True)


def skip_all(reason):
    """The whole test is skipped: an empty plan with the reason, exit 0."""
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(0)


def count():
    """Subtests so far."""
    return _count


def failed():
    """Failed subtests so far."""
    return _failed


def done():
    """Ends the test: prints the plan unless plan() did; returns the exit status
    (0 when every subtest passed)."""
    if _planned is None:
        print(f"1..{_count}", flush=True)
    elif _planned != _count:
        diag(f"planned {_planned} subtests but ran {_count}")
        return 1
    return 1 if _failed else 0


def cli_env(lang="en", extra=None):
    """The environment the CLI runs in: the caller's, in LANGUAGE, with a C.UTF-8 locale."""
    env = dict(os.environ, LANGUAGE=lang, LC_ALL="C.UTF-8")
    if extra:
        env.update(extra)
    return env


def run_cli(cli, *args, lang="en", env_extra=None, timeout=300, **kwargs):
    """Runs CLI with ARGS (text, output captured); more subprocess.run() arguments
    (cwd, input, preexec_fn, ...) pass through."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run([cli, *args], env=cli_env(lang, env_extra), timeout=timeout, **kwargs)


def remove_tree(path):
    """Removes PATH and everything in it, also folders a test made read-only."""
    try:
        os.chmod(path, stat.S_IRWXU)
    except OSError:
        pass
    for root, dirs, _ in os.walk(path):
        for d in dirs:
            try:
                os.chmod(os.path.join(root, d), stat.S_IRWXU)
            except OSError:
                pass
    shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def temp_dir(prefix="aimak-test-"):
    """A fresh temporary folder, removed with everything in it at the end."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        yield tmp
    finally:
        remove_tree(tmp)


def make_database(cli, folder, name="aimak.db", demo=None, timeout=600):
    """Creates FOLDER/NAME: with `aimak-cli demo DEMO...` when DEMO is a list of
    arguments (e.g. ["--priorities", "20", "--seed", "5"]; demo creates the database),
    otherwise with `aimak-cli migrate` (the reference data only). Returns the path;
    raises RuntimeError when the CLI fails."""
    db = os.path.join(folder, name)
    if demo is not None:
        r = run_cli(cli, "demo", "--database", db, *demo, timeout=timeout)
    else:
        r = run_cli(cli, "migrate", "--database", db, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"aimak-cli {'demo' if demo is not None else 'migrate'} failed: "
                           + r.stderr)
    return db


@contextlib.contextmanager
def temp_database(cli, prefix="aimak-test-", demo=None):
    """A temporary folder with a database made by make_database(); yields
    (folder, database path) and removes the folder at the end."""
    with temp_dir(prefix) as tmp:
        yield tmp, make_database(cli, tmp, demo=demo)
