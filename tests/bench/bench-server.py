#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The office server at national scale (issue 16): 235 desks, one per ayil aimak
(the number of enlarged ayil aimaks after the 2024 reform, as bench-packages.py
counts them), 100 priorities each, syncing into one PostgreSQL server (started
by tests/pg-server.sh), CONCURRENCY desks at a time; then one oblast desk
pulling its whole oblast into an empty database.

Prints the time of the whole push and of each desk's sync (median, slowest),
the server's rows and size, the oblast pull's time, and peak memory (largest
resident set of any one aimak-cli process). A benchmark, not a test: it
reports, it does not judge.

Usage: bench-server.py AIMAK-CLI [N_DESKS [PRIORITIES_PER_DESK [CONCURRENCY]]]
"""
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

CLI = sys.argv[1]
N_DESKS = int(sys.argv[2]) if len(sys.argv) > 2 else 235
PER_DESK = int(sys.argv[3]) if len(sys.argv) > 3 else 100
CONCURRENCY = int(sys.argv[4]) if len(sys.argv) > 4 else 4
PG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg-server.sh")
NOW = "2026-01-01T00:00:00Z"


def env(password=None):
    e = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    if password is not None:
        e["AIMAK_SERVER_PASSWORD"] = password
    return e


def run(*args, password=None):
    r = subprocess.run([CLI, *args], capture_output=True, text=True, env=env(password))
    if r.returncode != 0:
        sys.exit("aimak-cli %s failed: %s" % (" ".join(args[:2]), r.stderr))
    return r


def start(args, password):
    return subprocess.Popen([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env(password))


def wait(proc):
    """Waits for PROC; returns (returncode, peak RSS in MB, stderr)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    proc.stdout.read()
    return proc.returncode, usage.ru_maxrss / 1024, err


def fill(db, area, n):
    con = sqlite3.connect(db)
    con.execute("UPDATE desk SET id = ? WHERE is_self = 1", (str(uuid.uuid4()),))
    grp = con.execute("SELECT code FROM target_group ORDER BY code").fetchone()[0]
    for i in range(n):
        pid = str(uuid.uuid4())
        con.execute("INSERT INTO priority (id, area_code, rank, title, problem, budget_kgs, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (pid, area, i + 1, "Priority %d of %s" % (i + 1, area),
                     "Simulated for the server benchmark", 100000 + i, NOW, NOW))
        con.execute("INSERT INTO priority_target_group (priority_id, group_code) VALUES (?, ?)",
                    (pid, grp))
        con.execute("INSERT INTO priority_indicator (priority_id, position, name, unit, "
                    "baseline_f, baseline_m, target_f, target_m) VALUES (?, 0, 'Households "
                    "with water', '%', 40, 42, 80, 80)", (pid,))
    con.commit()
    con.close()


def main():
    tmp = tempfile.mkdtemp(prefix="aimak-bench-server-")
    pgdir = os.path.join(tmp, "pg")
    try:
        r = subprocess.run([PG, "start", pgdir], capture_output=True, text=True)
        if r.returncode == 77:
            print("SKIP: PostgreSQL (initdb) is not installed")
            return 0
        if r.returncode != 0:
            sys.exit(r.stderr)
        admin_url = r.stdout.strip()
        admin_pw = open(os.path.join(pgdir, "admin.pw")).read().strip()
        template = os.path.join(tmp, "template.db")
        run("migrate", "--database", template)
        run("server", "init", "--database", template, "--url", admin_url, password=admin_pw)
        con = sqlite3.connect(template)
        areas = con.execute("SELECT a.code, o.code FROM area a JOIN area r ON r.code = "
                            "a.parent_code JOIN area o ON o.code = r.parent_code "
                            "WHERE a.level = 3 ORDER BY a.code LIMIT ?", (N_DESKS,)).fetchall()
        con.close()
        pwfile = os.path.join(tmp, "desk.pw")
        with open(pwfile, "w") as f:
            f.write("desk-password\n")
        t = time.monotonic()
        dbs = []
        for i, (area, _) in enumerate(areas):
            name = "desk_%03d" % i
            run("server", "add-desk", name, "--areas", area, "--url", admin_url,
                "--desk-password-file", pwfile, password=admin_pw)
            db = os.path.join(tmp, name + ".db")
            shutil.copyfile(template, db)
            fill(db, area, PER_DESK)
            run("server", "set", "--database", db, "--url",
                admin_url.replace("aimak_admin@", name + "@"), "--areas", area)
            dbs.append(db)
        print("set-up: %d desks × %d priorities in %.1f s"
              % (len(dbs), PER_DESK, time.monotonic() - t))

        times, peaks = [], []
        t = time.monotonic()
        pending = list(dbs)
        running = []
        while pending or running:
            while pending and len(running) < CONCURRENCY:
                running.append((start(["sync", "--database", pending.pop(0)],
                                      "desk-password"), time.monotonic()))
            proc, began = running.pop(0)
            code, peak, err = wait(proc)
            if code != 0:
                sys.exit("a desk's sync failed: " + err)
            times.append(time.monotonic() - began)
            peaks.append(peak)
        push_total = time.monotonic() - t
        rows = subprocess.run(
            [os.path.join(subprocess.run([PG, "find"], capture_output=True, text=True)
                          .stdout.strip(), "psql"), "-X", "-A", "-t", "-h", pgdir, "-p",
             open(os.path.join(pgdir, "port")).read().strip(), "-U", "aimak_admin", "-d",
             "aimak", "-c", "SELECT count(*) || ' rows, ' || pg_size_pretty "
             "(pg_total_relation_size ('aimak.record')) FROM aimak.record"],
            capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=admin_pw))
        print("push: %d desks, %d at a time, in %.1f s; one desk's sync: median %.2f s, "
              "slowest %.2f s; peak memory of a desk's sync %.1f MB"
              % (len(dbs), CONCURRENCY, push_total, statistics.median(times), max(times),
                 max(peaks)))
        print("server: %s" % rows.stdout.strip())

        oblast = max(set(o for _, o in areas), key=lambda o: sum(1 for _, x in areas if x == o))
        n_oblast = sum(1 for _, o in areas if o == oblast)
        run("server", "add-desk", "oblast_desk", "--areas", oblast, "--url", admin_url,
            "--desk-password-file", pwfile, password=admin_pw)
        odb = os.path.join(tmp, "oblast.db")
        shutil.copyfile(template, odb)
        run("server", "set", "--database", odb, "--url",
            admin_url.replace("aimak_admin@", "oblast_desk@"), "--areas", oblast)
        t = time.monotonic()
        code, peak, err = wait(start(["sync", "--database", odb], "desk-password"))
        if code != 0:
            sys.exit("the oblast pull failed: " + err)
        pulled = sqlite3.connect(odb).execute("SELECT count(*) FROM priority").fetchone()[0]
        print("oblast pull: %s (%d ayil aimaks), %d priorities in %.1f s, peak memory %.1f MB"
              % (oblast, n_oblast, pulled, time.monotonic() - t, peak))
        t = time.monotonic()
        code, peak, err = wait(start(["sync", "--database", odb], "desk-password"))
        print("oblast sync again (nothing new): %.2f s" % (time.monotonic() - t))
    finally:
        subprocess.run([PG, "stop", pgdir], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
