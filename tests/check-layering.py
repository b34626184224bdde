#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers hold (TAP): src/app and src/cli reach the database only through core.

- no SQL text (SELECT/INSERT/UPDATE/DELETE/CREATE/PRAGMA statements) in src/app or src/cli;
- no sqlite3 symbol or header there, and src/core/aimak-db.h does not include sqlite3.h;
- core includes no GTK or libadwaita header;
- no source file of src/ is over 1,000 lines, and no function over 120 lines.
Last, each check is run on a known-bad text and must flag it.
"""
import os
import re
import sys

import aimak_tap as tap

src = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()

SQL = re.compile(r'"\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+'
                 r'(TABLE|INDEX|VIEW)|PRAGMA\s|BEGIN\b|COMMIT\b|SAVEPOINT\s)')
SQLITE = re.compile(r'\bsqlite3_\w+|\bsqlite3\s*\*|\bSQLITE_[A-Z_]+|<sqlite3\.h>')
GTK = re.compile(r'#\s*include\s*<(gtk/|adwaita\.h|gdk/)')
FILE_LIMIT = 1000
FUNC_LIMIT = 120


def sources(sub):
    root = os.path.join(src, 'src', sub)
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(('.c', '.h')):
                yield os.path.join(dirpath, f)


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)


def hits(pattern, text):
    out = []
    for n, line in enumerate(strip_comments(text).split('\n'), 1):
        if pattern.search(line):
            out.append('%d: %s' % (n, line.strip()[:80]))
    return out


def long_functions(text):
    """GNU style: a function body opens with '{' and closes with '}' in column 0."""
    lines = text.split('\n')
    out, start = [], None
    for i, line in enumerate(lines):
        if line == '{':
            start = i
        elif line.startswith('}') and start is not None:
            if i - start + 1 > FUNC_LIMIT:
                j = start - 1
                while j > 0 and '(' not in lines[j]:
                    j -= 1
                out.append('%s (%d lines)' % (lines[j].split('(')[0].strip(), i - start + 1))
            start = None
    return out


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def rel(path):
    return os.path.relpath(path, src)


for layer in ('app', 'cli'):
    for path in sources(layer):
        text = read(path)
        sql = hits(SQL, text)
        tap.ok('%s has no SQL' % rel(path), not sql, '; '.join(sql[:3]))
        lite = hits(SQLITE, text)
        tap.ok('%s does not use sqlite3' % rel(path), not lite, '; '.join(lite[:3]))

tap.ok('aimak-db.h does not expose sqlite3',
      '<sqlite3.h>' not in read(os.path.join(src, 'src', 'core', 'aimak-db.h')))

for path in sources('core'):
    text = read(path)
    gtk = hits(GTK, text)
    tap.ok('%s uses no GTK' % rel(path), not gtk, '; '.join(gtk))

for layer in ('core', 'app', 'cli'):
    for path in sources(layer):
        text = read(path)
        n = text.count('\n')
        tap.ok('%s has at most %d lines' % (rel(path), FILE_LIMIT), n <= FILE_LIMIT, '%d lines' % n)
        if path.endswith('.c'):
            long = long_functions(text)
            tap.ok('%s has no function over %d lines' % (rel(path), FUNC_LIMIT), not long,
                  '; '.join(long))

# The checks themselves must catch what they are for.
bad_c = ('static void\nf (void)\n{\n' + '  x ();\n' * 130 + '}\n'
         '  st = prepare (db, "SELECT code FROM status");\n  sqlite3_column_int (st, 0);\n')
tap.ok('self-test: SQL is found', hits(SQL, bad_c))
tap.ok('self-test: sqlite3 is found', hits(SQLITE, bad_c))
tap.ok('self-test: a long function is found', long_functions(bad_c))
tap.ok('self-test: GTK is found', hits(GTK, '#include <gtk/gtk.h>\n'))
tap.ok('self-test: comments are not code', not hits(SQL, '/* "SELECT x FROM y" */\n'))
tap.ok('self-test: words are not SQL', not hits(SQL, '_("Select an area");\n') and
      not hits(SQLITE, '"application/vnd.sqlite3"\n'))

sys.exit(tap.done())
