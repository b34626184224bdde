#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files that never get hurt (issue 11, "Files"), through aimak-cli (TAP):
export refuses targets it must never replace; a failed write is never reported as
success; commands that only read never write; relative paths work from a read-only
folder; no leftovers of killed writes and no side files beside files we only read;
backups keep the source's mode; two databases in one folder keep their own backups;
libxlsxwriter's own "[ERROR]" lines never reach the user."""
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimak_schema  # noqa: E402
import aimak_tap as tap

CLI = os.path.abspath(sys.argv[1])


def run(*args, cwd=None, preexec_fn=None, user=None, cli=None):
    def pre():
        if user is not None:
            os.setgid(user)
            os.setuid(user)
        if preexec_fn:
            preexec_fn()
    return tap.run_cli(cli or CLI, *args, timeout=300, cwd=cwd,
                       preexec_fn=pre if (user is not None or preexec_fn) else None)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def snapshot(folder):
    """Every file under @folder with its content digest, mode and mtime."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            out[os.path.relpath(p, folder)] = (
                digest(p) if stat.S_ISREG(st.st_mode) else None, st.st_mode, st.st_mtime_ns)
    return out


def make_db(path, priorities=30):
    r = run("demo", "--database", path, "--priorities", str(priorities), "--activities", "3",
            "--seed", "5")
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return path


def make_old_schema(path):
    """A database of schema version 1 (before the list indexes), in WAL mode and closed,
    as the previous release left it."""
    make_db(path, 10)
    con = sqlite3.connect(path)
    con.executescript(
        aimak_schema.UNDO_IDENTITY_SQL +
        "DROP INDEX priority_list; DROP INDEX priority_list_title; "
        "DROP INDEX priority_list_budget; DROP INDEX priority_list_updated; "
        "DROP TABLE priority_fts; "
        "CREATE VIRTUAL TABLE priority_fts USING fts5 (title, problem, description, "
        "content = 'priority', content_rowid = 'rowid', "
        "tokenize = 'unicode61 remove_diacritics 2'); "
        "INSERT INTO priority_fts (priority_fts) VALUES ('rebuild'); "
        "PRAGMA user_version = 1;")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()


def priority_count(path):
    con = sqlite3.connect("file:" + path + "?mode=ro&immutable=1", uri=True)
    try:
        return con.execute("SELECT count(*) FROM priority").fetchone()[0]
    finally:
        con.close()


def dead_pid():
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def test_export_targets(tmp):
    folder = os.path.join(tmp, "targets")
    os.mkdir(folder)
    db = make_db(os.path.join(folder, "live.db"))
    before = digest(db)

    def refused(name, target, words, extra=()):
        existed = os.path.exists(target)
        old = digest(target) if existed and os.path.isfile(target) else None
        listing = sorted(os.listdir(os.path.dirname(target)))
        r = run("export", "--database", db, "--all", *extra, "-o", target)
        tap.ok(f"{name}: exit 1", r.returncode == 1, (r.returncode, r.stderr))
        tap.ok(f"{name}: says why", words in r.stderr, r.stderr)
        tap.ok(f"{name}: nothing on stdout", r.stdout == "", r.stdout)
        if old is not None:
            tap.ok(f"{name}: file unchanged", digest(target) == old)
        tap.ok(f"{name}: folder unchanged", sorted(os.listdir(os.path.dirname(target))) == listing,
               os.listdir(os.path.dirname(target)))
        tap.ok(f"{name}: database intact", digest(db) == before)

    refused("the open database", db, "is the database being exported")
    refused("the open database with --force", db, "is the database being exported", ["--force"])
    os.symlink(db, os.path.join(folder, "link.xlsx"))
    refused("a symbolic link to the database", os.path.join(folder, "link.xlsx"),
            "is the database being exported", ["--force"])
    os.link(db, os.path.join(folder, "hard.xlsx"))
    refused("a hard link to the database", os.path.join(folder, "hard.xlsx"),
            "is the database being exported", ["--force"])
    refused("the database by another path", os.path.join(folder, "..", "targets", "live.db"),
            "is the database being exported")
    refused("the database's WAL name", db + "-wal", "is the database being exported")
    other = make_db(os.path.join(folder, "other.db"), 3)
    refused("another SQLite database", other, "is a database, not a workbook", ["--force"])
    backups = os.path.join(folder, "backups")
    os.mkdir(backups)
    refused("a file in a backups folder", os.path.join(backups, "w.xlsx"),
            "backups folder")
    notes = os.path.join(folder, "notes.xlsx")
    with open(notes, "w") as f:
        f.write("my notes")
    refused("an existing file that is not a workbook", notes, "is not an Excel workbook",
            ["--force"])

    good = os.path.join(folder, "w.xlsx")
    r = run("export", "--database", db, "--all", "-o", good)
    tap.ok("a new workbook is written", r.returncode == 0 and zipfile.is_zipfile(good), r.stderr)
    refused("an existing workbook without --force", good, "--force")
    r = run("export", "--database", db, "--all", "--lang", "ru", "--force", "-o", good)
    tap.ok("--force replaces an existing workbook", r.returncode == 0, r.stderr)
    with zipfile.ZipFile(good) as z:
        tap.ok("the replaced workbook is the new one",
               "Приоритеты" in z.read("xl/workbook.xml").decode())


def limited(limit):
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


def test_failed_write(tmp):
    folder = os.path.join(tmp, "limit")
    out = os.path.join(folder, "out")
    os.makedirs(out)
    db = make_db(os.path.join(folder, "aimak.db"), 300)
    probe = os.path.join(tmp, "probe.xlsx")
    r = run("export", "--database", db, "--all", "-o", probe)
    tap.ok("file size limit: a normal export works", r.returncode == 0, r.stderr)
    zipped = os.path.getsize(probe)
    with zipfile.ZipFile(probe) as z:
        largest = max(i.file_size for i in z.infolist())
    os.unlink(probe)
    # Between the two, only libxlsxwriter's scratch copy of the largest sheet is cut
    # short (the case that used to exit 0); below the zip's size, the zip itself fails.
    cases = [("scratch files cut short", (zipped + largest) // 2),
             ("the workbook itself cut short", zipped // 2),
             # So small that even libxlsxwriter's "[ERROR]" line, captured in a
             # scratch file, is cut to "[E".
             ("a limit of two bytes", 2)]
    tap.ok("file size limit: the sheets are larger than the zip", largest > zipped * 1.2,
           (largest, zipped))
    for name, limit in cases:
        r = run("export", "--database", db, "--all", "-o", "out/w.xlsx", cwd=folder,
                preexec_fn=limited(limit))
        tap.ok(f"{name}: exit 1", r.returncode == 1, (r.returncode, r.stdout, r.stderr))
        tap.ok(f"{name}: nothing on stdout", r.stdout == "", r.stdout)
        tap.ok(f"{name}: says the workbook could not be written and why",
               ("Could not write the workbook" in r.stderr or "File too large" in r.stderr),
               r.stderr)
        tap.ok(f"{name}: names the file as given", "“out/w.xlsx”" in r.stderr, r.stderr)
        tap.ok(f"{name}: no raw libxlsxwriter lines", "[ERROR]" not in r.stderr
               and "[WARNING]" not in r.stderr
               and all(l.startswith("aimak-cli") for l in r.stderr.splitlines()), r.stderr)
        tap.ok(f"{name}: no target and no temporary file", os.listdir(out) == [], os.listdir(out))


def test_read_only_commands(tmp):
    folder = os.path.join(tmp, "readonly")
    os.mkdir(folder)
    old = os.path.join(folder, "old.db")
    make_old_schema(old)
    csv = os.path.join(tmp, "values.csv")
    with open(csv, "w") as f:
        f.write("area,indicator,year,sex,value,source\n"
                "KG02210815000,POP,2024,F,100,Test fixture\n")
    out = os.path.join(tmp, "ro-out")
    os.mkdir(out)
    missing = os.path.join(folder, "typo.db")
    commands = [
        ("check", ["check"]),
        ("areas", ["areas", "--level", "1"]),
        ("summary", ["summary", "--all"]),
        ("export", ["export", "--all", "-o", os.path.join(out, "w.xlsx")]),
        ("import --dry-run", ["import-indicators", "--dry-run", csv]),
    ]
    for name, args in commands:
        before = snapshot(folder)
        time.sleep(0.01)
        r = run(*args, "--database", old)
        tap.ok(f"{name} on an older schema: exit 1", r.returncode == 1, (r.returncode, r.stderr))
        tap.ok(f"{name} on an older schema: says to upgrade and how",
               "must be upgraded" in r.stderr and "aimak-cli migrate" in r.stderr, r.stderr)
        tap.ok(f"{name} on an older schema: folder, bytes and times unchanged",
               snapshot(folder) == before, (sorted(before), sorted(snapshot(folder))))
        r = run(*args, "--database", missing)
        tap.ok(f"{name} on a missing path: exit 1", r.returncode == 1, (r.returncode, r.stderr))
        tap.ok(f"{name} on a missing path: says there is no database",
               "no database at" in r.stderr and "typo.db" in r.stderr, r.stderr)
        tap.ok(f"{name} on a missing path: nothing created", snapshot(folder) == before,
               sorted(snapshot(folder)))
    tap.ok("nothing exported from an older schema", os.listdir(out) == [], os.listdir(out))
    r = run("check", "--database", "typo.db", cwd=folder)
    tap.ok("a missing database is named as given", "“typo.db”" in r.stderr, r.stderr)

    # The same commands on a current database still leave it exactly as it was.
    current = make_db(os.path.join(folder, "current.db"), 10)
    for name, args in commands:
        before = snapshot(folder)
        r = run(*args, "--database", current)
        tap.ok(f"{name} on a current database: works", r.returncode == 0, r.stderr)
        tap.ok(f"{name} on a current database: no side files, bytes and times unchanged",
               snapshot(folder) == before, (sorted(before), sorted(snapshot(folder))))
        for f in os.listdir(out):
            os.unlink(os.path.join(out, f))

    # A backup copies it as it is: nothing beside it changes, the copy has the old schema.
    before = snapshot(folder)
    copy = os.path.join(tmp, "old-copy.db")
    r = run("backup", "--database", old, copy)
    tap.ok("backup of an older schema works", r.returncode == 0, r.stderr)
    tap.ok("backup of an older schema does not upgrade or touch it", snapshot(folder) == before,
           (sorted(before), sorted(snapshot(folder))))
    con = sqlite3.connect(copy)
    tap.ok("the copy keeps the older schema",
           con.execute("PRAGMA user_version").fetchone()[0] == 1)
    con.close()

    r = run("migrate", "--database", old)
    tap.ok("migrate upgrades the older schema", r.returncode == 0 and "Upgraded" in r.stdout,
           r.stderr)
    tap.ok("migrate made a backup first", os.path.isdir(os.path.join(folder, "backups"))
           and any(n.startswith("old-") for n in os.listdir(os.path.join(folder, "backups"))))
    r = run("check", "--database", old)
    tap.ok("after migrate, check reads it", r.returncode == 0, r.stderr)
    r = run("migrate", "--database", old)
    tap.ok("migrate again: up to date", r.returncode == 0 and "up to date" in r.stdout, r.stdout)


def test_relative_paths(tmp):
    base = os.path.join(tmp, "relative")
    ro = os.path.join(base, "ro")
    out = os.path.join(base, "out")
    os.makedirs(ro)
    os.mkdir(out)
    make_db(os.path.join(ro, "live.db"), 10)
    con = sqlite3.connect(os.path.join(ro, "live.db"))
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    user = cli = None
    if os.geteuid() == 0:
        # root writes into read-only folders: run as nobody so that the folder is,
        # with a copy of the program where nobody may run it (it needs nothing else
        # from the build tree).
        user = 65534
        for p in (os.path.dirname(tmp), tmp, base, out):
            os.chmod(p, 0o777 if p == out else 0o755)
        os.chmod(os.path.join(ro, "live.db"), 0o644)
        cli = os.path.join(base, "aimak-cli")
        shutil.copy(CLI, cli)
        os.chmod(cli, 0o755)
    os.chmod(ro, 0o555)
    try:
        r = run("check", "--database", "live.db", cwd=ro, user=user, cli=cli)
        tap.ok("relative --database in a read-only folder: check works", r.returncode == 0,
               r.stderr)
        tap.ok("relative --database: no 'not an absolute path'",
               "absolute" not in r.stderr, r.stderr)
        r = run("summary", "--all", "--database", "./live.db", cwd=ro, user=user, cli=cli)
        tap.ok("relative --database in a read-only folder: summary works", r.returncode == 0,
               r.stderr)
        r = run("export", "--all", "--database", "live.db", "-o", "../out/w.xlsx", cwd=ro,
                user=user, cli=cli)
        tap.ok("relative -o from a read-only folder: export works",
               r.returncode == 0 and os.listdir(out) == ["w.xlsx"], (r.stderr, os.listdir(out)))
        tap.ok("relative -o: stdout names the file as given", r.stdout == "../out/w.xlsx\n",
               r.stdout)
        tap.ok("nothing was written into the read-only folder", sorted(os.listdir(ro)) ==
               ["live.db"], os.listdir(ro))
    finally:
        os.chmod(ro, 0o755)


def test_leftovers(tmp):
    folder = os.path.join(tmp, "leftovers")
    os.mkdir(folder)
    db = make_db(os.path.join(folder, "aimak.db"), 10)
    backups = os.path.join(folder, "backups")
    out = os.path.join(tmp, "leftover-out")
    os.makedirs(backups)
    os.mkdir(out)
    gone = dead_pid()
    alive = os.getpid()
    old_time = time.time() - 2 * 3600

    def touch(path, content=b"", mtime=None):
        with open(path, "wb") as f:
            f.write(content)
        if mtime:
            os.utime(path, (mtime, mtime))
        return path

    killed_backup = touch(os.path.join(backups, f".aimak-incomplete-{gone}-Ab12Cd.db"), b"x" * 4096)
    killed_journal = touch(killed_backup + "-journal", b"j")
    old_style = touch(os.path.join(backups, ".aimak-incomplete-Zz9Yy8.db"), b"x", old_time)
    running = touch(os.path.join(backups, f".aimak-incomplete-{alive}-Qq1Ww2.db"), b"x")
    in_db_dir = touch(os.path.join(folder, f".aimak-incomplete-{gone}-Rr3Tt4.db"), b"x")
    new_db = touch(os.path.join(folder, f"aimak.db.new-{gone}-0a1b2c3d"), b"")
    killed_export = touch(os.path.join(out, f".w.xlsx.aimak-{gone}-Xx5Yy6"), b"PK")
    old_export = touch(os.path.join(out, ".w.xlsx.Mm7Nn8"), b"PK", old_time)
    users_file = touch(os.path.join(out, ".notes.xlsx.backup"), b"mine", old_time)

    r = run("backup", "--database", db)
    tap.ok("leftovers: backup works", r.returncode == 0, r.stderr)
    tap.ok("a killed backup's temporary file is removed", not os.path.exists(killed_backup))
    tap.ok("... with its journal", not os.path.exists(killed_journal))
    tap.ok("an old-style temporary file older than an hour is removed",
           not os.path.exists(old_style))
    tap.ok("the temporary file of a running process is kept", os.path.exists(running))

    r = run("migrate", "--database", db)
    tap.ok("leftovers: a read-write open works", r.returncode == 0, r.stderr)
    tap.ok("a killed restore's temporary file beside the database is removed",
           not os.path.exists(in_db_dir))
    tap.ok("a killed database creation's temporary file is removed", not os.path.exists(new_db))

    r = run("export", "--database", db, "--all", "-o", os.path.join(out, "w.xlsx"))
    tap.ok("leftovers: export works", r.returncode == 0, r.stderr)
    tap.ok("a killed export's temporary file is removed", not os.path.exists(killed_export))
    tap.ok("an old export temporary file is removed", not os.path.exists(old_export))
    tap.ok("a user's own file is kept", os.path.exists(users_file))
    os.unlink(running)

    # Opening a damaged WAL database leaves nothing beside it.
    damaged = os.path.join(folder, "damaged.db")
    shutil.copy(db, damaged)
    con = sqlite3.connect(damaged)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    with open(damaged, "r+b") as f:
        size = os.path.getsize(damaged)
        for offset in range(4096 * 3, size, 4096 * 2):
            f.seek(offset + 8)
            f.write(b"\xff" * 200)
    before = sorted(os.listdir(folder))
    for args in (["check"], ["backup", os.path.join(tmp, "copy-of-damaged.db")]):
        r = run(*args, "--database", damaged)
        tap.ok(f"damaged database ({args[0]}): refused", r.returncode == 1, r.stderr)
        tap.ok(f"damaged database ({args[0]}): no -wal or -shm beside it",
               sorted(os.listdir(folder)) == before, sorted(os.listdir(folder)))

    # Restoring from a file the user chose leaves nothing beside that file.
    chosen_dir = os.path.join(tmp, "chosen")
    os.mkdir(chosen_dir)
    chosen = os.path.join(chosen_dir, "copy.db")
    shutil.copy(db, chosen)
    con = sqlite3.connect(chosen)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    r = run("restore", "--database", db, chosen)
    tap.ok("restore from a chosen WAL file works", r.returncode == 0, r.stderr)
    tap.ok("restore leaves no side files beside the chosen file",
           os.listdir(chosen_dir) == ["copy.db"], os.listdir(chosen_dir))

    # A backup keeps the database's file mode.
    os.chmod(db, 0o640)
    r = run("backup", "--database", db)
    made = r.stdout.strip()
    tap.ok("a dated backup keeps the database's mode",
           r.returncode == 0 and stat.S_IMODE(os.stat(made).st_mode) == 0o640,
           (r.stderr, oct(os.stat(made).st_mode) if os.path.exists(made) else None))
    copy = os.path.join(tmp, "mode-copy.db")
    r = run("backup", "--database", db, copy)
    tap.ok("backup FILE keeps the database's mode",
           r.returncode == 0 and stat.S_IMODE(os.stat(copy).st_mode) == 0o640, r.stderr)


def test_two_databases(tmp):
    folder = os.path.join(tmp, "two")
    os.mkdir(folder)
    a = make_db(os.path.join(folder, "a.db"), 5)
    b = make_db(os.path.join(folder, "b.db"), 12)
    count_a, count_b = priority_count(a), priority_count(b)
    tap.ok("two databases: different contents", count_a != count_b, (count_a, count_b))
    r1 = run("backup", "--database", a)
    r2 = run("backup", "--database", b)
    tap.ok("two databases: both backed up", r1.returncode == 0 and r2.returncode == 0,
           r1.stderr + r2.stderr)
    names = sorted(os.listdir(os.path.join(folder, "backups")))
    tap.ok("backups are named after their database",
           len(names) == 2 and names[0].startswith("a-") and names[1].startswith("b-"), names)
    r = run("backup", "--list", "--database", a)
    tap.ok("backup --list shows only the database's own backups",
           r.returncode == 0 and len(r.stdout.splitlines()) == 1 and "/a-" in r.stdout, r.stdout)
    # b's backup is newer; a must still get its own back.
    time.sleep(1.1)
    run("backup", "--database", b)
    con = sqlite3.connect(a)
    con.execute("DELETE FROM priority")
    con.commit()
    con.close()
    r = run("restore", "--newest", "--database", a)
    tap.ok("restore --newest takes the database's own backup",
           r.returncode == 0 and "/a-" in r.stdout and priority_count(a) == count_a,
           (r.stdout, r.stderr, priority_count(a)))
    tap.ok("the other database is untouched", priority_count(b) == count_b)


def test_backup_messages(tmp):
    """backup and restore name files as the user gave them, never as absolute paths."""
    make_db(os.path.join(tmp, "live.db"), 3)
    with open(os.path.join(tmp, "notes.txt"), "w") as f:
        f.write("not a database\n")
    r = run("restore", "notes.txt", "--database", "live.db", cwd=tmp)
    tap.ok("restore of a non-database names FILE as given",
           r.returncode == 1 and "“notes.txt”" in r.stderr and tmp not in r.stderr, r.stderr)
    r = run("restore", "--newest", "--database", "live.db", cwd=tmp)
    tap.ok("restore --newest without backups names the database as given",
           r.returncode == 1 and "“live.db”" in r.stderr and "“backups”" in r.stderr
           and tmp not in r.stderr, r.stderr)
    r = run("export", "--all", "--database", "live.db", "-o", "nofolder/w.xlsx", cwd=tmp)
    tap.ok("export into a missing folder names the folder as given",
           r.returncode == 1 and "“nofolder”" in r.stderr and tmp not in r.stderr, r.stderr)


def main():
    with tap.temp_dir(prefix="aimak-cli-files-") as tmp:
        for test in (test_export_targets, test_failed_write, test_read_only_commands,
                     test_relative_paths, test_leftovers, test_two_databases,
                     test_backup_messages):
            sub = os.path.join(tmp, test.__name__)
            os.mkdir(sub)
            try:
                test(sub)
            except Exception as e:  # a crash is a failure, not a missing test
                tap.ok(f"{test.__name__} ran to the end", False, repr(e))

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
