#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translations are complete and well-formed (TAP).

- every file with translatable strings is in po/POTFILES.in;
- every user-visible string in a .ui file is marked translatable (or explicitly not);
- for each language in po/LINGUAS, the .po file, merged with the strings extracted from the
  sources right now, has no untranslated and no fuzzy message, and `msgfmt -c` accepts it
  (format strings match their translations, plural forms are well-formed).
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import aimak_tap as tap

src = os.path.abspath(sys.argv[1])


potfiles = [l.strip() for l in open(os.path.join(src, "po", "POTFILES.in"), encoding="utf-8")
            if l.strip() and not l.startswith("#")]
linguas = [l.strip() for l in open(os.path.join(src, "po", "LINGUAS"), encoding="utf-8")
           if l.strip() and not l.startswith("#")]

# 1. Every file with strings is listed.
missing = []
for root, _, files in os.walk(src):
    rel_root = os.path.relpath(root, src)
    if rel_root.startswith(("_build", "build", ".git", "tests", "flatpak")):
        continue
    for f in files:
        rel = os.path.normpath(os.path.join(rel_root, f))
        path = os.path.join(root, f)
        if f.endswith(".c"):
            text = open(path, encoding="utf-8", errors="replace").read()
            if re.search(r'\b(N?_|C_|ngettext|g_dngettext)\s*\(\s*"', text) and rel not in potfiles:
                missing.append(rel)
        elif f.endswith(".ui"):
            text = open(path, encoding="utf-8").read()
            if 'translatable="yes"' in text and rel not in potfiles:
                missing.append(rel)
tap.ok("every file with translatable strings is in POTFILES.in", not missing, "\n".join(missing))
gone = [p for p in potfiles if not os.path.exists(os.path.join(src, p))]
tap.ok("every file in POTFILES.in exists", not gone, "\n".join(gone))

# 2. .ui strings are marked.
VISIBLE = {"label", "title", "subtitle", "description", "placeholder-text", "tooltip-text",
           "text", "secondary-text", "heading", "body", "button-label", "accessible-name"}
unmarked = []
for p in potfiles:
    if not p.endswith(".ui"):
        continue
    tree = ET.parse(os.path.join(src, p))
    for el in tree.iter():
        name = el.get("name")
        is_visible = ((el.tag == "property" and name in VISIBLE) or
                      (el.tag == "attribute" and name == "label") or el.tag == "item")
        if not is_visible or not (el.text or "").strip():
            continue
        if el.tag == "property" and (el.get("bind-source") or len(el)):
            continue
        if el.get("translatable") not in ("yes", "no"):
            unmarked.append("%s: <%s name=%r>%s" % (p, el.tag, name, el.text.strip()[:50]))
tap.ok("every user-visible .ui string is marked translatable", not unmarked, "\n".join(unmarked))

# 3. Complete, well-formed catalogues.
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "aimak.pot")
    cmd = ["xgettext", "--package-name=aimak", "--from-code=UTF-8", "--add-comments",
           "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
           "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
           "--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format",
           "--directory=" + src, "--output=" + pot] + potfiles
    r = subprocess.run(cmd, capture_output=True, text=True)
    tap.ok("xgettext extracts the strings", r.returncode == 0 and os.path.exists(pot), r.stderr)
    for lang in linguas:
        po = os.path.join(src, "po", lang + ".po")
        if not os.path.exists(po):
            tap.ok("po/%s.po exists" % lang, False)
            continue
        merged = os.path.join(tmp, lang + ".po")
        r = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                           capture_output=True, text=True)
        tap.ok("%s: msgmerge" % lang, r.returncode == 0, r.stderr)
        r = subprocess.run(["msgfmt", "-c", "--statistics", "-o", os.devnull, merged],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        stats = r.stderr.strip()
        tap.ok("%s: msgfmt -c accepts the catalogue (formats match)" % lang, r.returncode == 0, stats)
        untranslated = re.search(r"(\d+) untranslated", stats)
        fuzzy = re.search(r"(\d+) fuzzy", stats)
        detail = stats
        if untranslated or fuzzy:
            r2 = subprocess.run(["msgattrib", "--untranslated", "--no-wrap", merged],
                                capture_output=True, text=True)
            ids = re.findall(r'^msgid "(.+)"$', r2.stdout, re.M)[:15]
            detail += "\n" + "\n".join(ids)
        tap.ok("%s: every string translated, none fuzzy (%s)" % (lang, stats),
               not untranslated and not fuzzy, detail)

sys.exit(tap.done())
