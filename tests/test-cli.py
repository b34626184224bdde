#!/usr/bin/env python3
"""aimak-cli: exit codes, output and messages for good and bad arguments (TAP)."""
import os
import shutil
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(*args, env_extra=None):
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    if env_extra:
        env.update(env_extra)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


tmp = tempfile.mkdtemp(prefix="aimak-cli-")
try:
    db = os.path.join(tmp, "aimak.db")

    r = run("--version")
    check("--version prints the version", r.returncode == 0 and r.stdout.startswith("aimak-cli "), r.stdout)

    r = run("areas", "--level", "1", "--database", db)
    check("areas does not create a missing database",
          r.returncode == 1 and "no database at" in r.stderr and not os.path.exists(db), r.stderr)
    r = run("migrate", "--database", db)
    check("migrate creates it", r.returncode == 0 and os.path.exists(db) and "Created" in r.stdout,
          r.stderr)

    r = run("areas", "--level", "1", "--database", db)
    lines = r.stdout.strip().split("\n")
    check("areas --level 1 lists 9 units", r.returncode == 0 and len(lines) == 9, r.stderr)
    check("areas output is code<TAB>name", all(len(l.split("\t")) == 2 and l.startswith("KG") for l in lines))
    check("areas --level 1 contains Issyk-Kul", "KG02000000000\tIssyk-Kul" in lines)

    r = run("areas", "--level", "3", "--lang", "ky", "--database", db)
    check("areas --level 3 lists 460", r.returncode == 0 and len(r.stdout.strip().split("\n")) == 460)
    check("areas --lang ky gives Kyrgyz names", "KG02210815000\tБарскоон" in r.stdout)

    r = run("areas", "--level", "7", "--database", db)
    check("bad --level exits 2 with a message", r.returncode == 2 and "--level" in r.stderr, r.stderr)
    r = run("areas", "--lang", "kg", "--database", db)
    check("language kg is refused", r.returncode == 2 and "kg" in r.stderr, r.stderr)
    r = run("frobnicate")
    check("unknown command exits 2", r.returncode == 2 and "frobnicate" in r.stderr)
    r = run("areas", "--no-such-option")
    check("unknown option exits 2", r.returncode == 2 and r.stdout == "")
    # An empty --database (a script's unset variable) is not "a folder".
    for command in (["check"], ["backup", "--list"], ["migrate"]):
        r = run(*command, "--database", "")
        check(f"{command[0]} --database '' exits 2 saying a path is needed",
              r.returncode == 2 and "--database" in r.stderr and "folder" not in r.stderr
              and r.stdout == "", (r.returncode, r.stdout, r.stderr))

    r = run("check", "--database", db)
    check("check on a good database exits 0", r.returncode == 0, r.stderr)
    check("check prints integrity ok and counts", "integrity_check\tok" in r.stdout and "area\t523" in r.stdout, r.stdout)

    missing = os.path.join(tmp, "missing.db")
    r = run("check", "--database", missing)
    check("check on a missing database fails and creates nothing",
          r.returncode == 1 and not os.path.exists(missing) and "missing.db" in r.stderr, r.stderr)

    bad = os.path.join(tmp, "corrupt.db")
    with open(db, "rb") as f:
        data = bytearray(f.read())
    # WAL may hold recent pages; the checkpointed main file is what we damage.
    mid = len(data) // 3
    data[mid:mid + 50000] = bytes((i * 31) % 251 for i in range(50000))
    with open(bad, "wb") as f:
        f.write(data)
    before = open(bad, "rb").read()
    r = run("check", "--database", bad)
    check("check on a corrupt database exits non-zero", r.returncode != 0, r.stdout + r.stderr)
    check("corrupt database is named in the message", "corrupt.db" in r.stderr, r.stderr)
    check("corrupt database is not modified", open(bad, "rb").read() == before)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        for line in str(detail).splitlines()[:10]:
            print("# " + line)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
