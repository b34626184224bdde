#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Right letters in Russian and Kyrgyz names (TAP).

Kyrgyz writes ң (U+04A3), ү and ө. Sources copied from other systems sometimes carry a
letter that looks the same but is another one: ӊ (U+04CA, en with tail, Khanty), ӈ
(U+04C8, en with hook), ұ (U+04B1, Kazakh), or a Latin letter typed in a Cyrillic word
(Latin o, e, a, c, p, x, y, Ɵ…). Such a name looks right, but does not sort, search or
match the same: a search for «Тоң» does not find «Тоӊ».

Checked: every name, short name, definition and description of the reference data
(data/reference/admin/areas.csv, codelists/*.csv, indicators/indicator_catalogue.csv,
the map's ADM2_* names), the country's own name in src/core/aimak-reference.c, and the
translations in po/ru.po and po/ky.po. A word that mixes Latin and Cyrillic letters, or
any of the wrong letters, fails. Whole Latin words (HBsAg, the B of hepatitis B) are
fine. Last, the checker is run on known bad names and must flag each.
"""
import csv
import glob
import json
import os
import re
import sys
import unicodedata

import aimak_tap as tap

src = os.path.abspath(sys.argv[1])

# Letters that are never right in a Russian or Kyrgyz text, with the letter meant.
WRONG = {
    "\u04c9": "Ӊ for Ң (U+04A2)", "\u04ca": "ӊ for ң (U+04A3)",
    "\u04c7": "Ӈ for Ң (U+04A2)", "\u04c8": "ӈ for ң (U+04A3)",
    "\u04b0": "Ұ for Ү (U+04AE)", "\u04b1": "ұ for ү (U+04AF)",
}


def script(ch):
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return None


def problems(text):
    """What is wrong with the letters of @text, as readable strings."""
    found = []
    for ch in sorted(set(text)):
        if WRONG.get(ch):
            found.append("%s (U+%04X, %s)" % (ch, ord(ch), WRONG[ch]))
    for word in re.findall(r"\w+", text):
        scripts = {script(c) for c in word if c.isalpha()} - {None}
        if scripts == {"cyrillic", "latin"}:
            latin = "".join(c for c in word if script(c) == "latin")
            found.append("«%s» mixes Latin (%s) and Cyrillic letters" % (word, latin))
    return found


def reference_texts():
    """(where, text) for every name-like field of the reference data."""
    files = [os.path.join(src, "data", "reference", "admin", "areas.csv"),
             os.path.join(src, "data", "reference", "indicators", "indicator_catalogue.csv")]
    files += sorted(glob.glob(os.path.join(src, "data", "reference", "codelists", "*.csv")))
    for path in files:
        rel = os.path.relpath(path, src)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for col, value in row.items():
                    if col.split("_")[0] in ("name", "short", "definition", "description"):
                        yield ("%s %s %s" % (rel, row.get("code"), col), value or "")
    path = os.path.join(src, "data", "reference", "maps", "kgz_adm2_ocha_codab.geojson")
    with open(path, encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            props = feature["properties"]
            for key in ("ADM2_EN", "ADM2_RU", "ADM2_KY", "ADM1_EN", "ADM1_RU", "ADM1_KY"):
                if props.get(key):
                    yield ("%s %s %s" % (os.path.relpath(path, src), props.get("ADM2_PCODE"), key),
                           props[key])
    c = open(os.path.join(src, "src", "core", "aimak-reference.c"), encoding="utf-8").read()
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', c):
        if any(script(ch) == "cyrillic" for ch in m.group(1)):
            yield ("src/core/aimak-reference.c string", m.group(1))


def po_texts(lang):
    text = open(os.path.join(src, "po", lang + ".po"), encoding="utf-8").read()
    for block in re.split(r"\n\s*\n", text):
        strs = []
        field = None
        for line in block.splitlines():
            m = re.match(r'^(msg\w+(?:\[\d+\])?) "(.*)"$', line)
            if m:
                field = m.group(1)
                if field.startswith("msgstr"):
                    strs.append(m.group(2))
            elif line.startswith('"') and field and field.startswith("msgstr"):
                strs[-1] += line[1:-1]
        for s in strs:
            # \n, \t and \" are escapes, not letters next to a word.
            s = re.sub(r"\\.", " ", s)
            if s:
                yield ("po/%s.po %s" % (lang, s[:40]), s)


def main():
    by_file = {}
    for where, text in reference_texts():
        bad = by_file.setdefault(where.split(" ")[0], [])
        for p in problems(text):
            bad.append("%s: %s" % (where, p))
    for path, bad in sorted(by_file.items()):
        tap.ok("%s: no wrong letter and no word mixing Latin and Cyrillic" % path, not bad, bad[:5])
    tap.ok("every reference file was read", len(by_file) >= 14, sorted(by_file))
    for lang in ("ru", "ky"):
        bad = [(w, problems(t)) for w, t in po_texts(lang) if problems(t)]
        tap.ok("po/%s.po: no wrong letter and no word mixing Latin and Cyrillic" % lang,
               not bad, bad[:5])

    # The checker itself: each known mistake is flagged, the right forms are not.
    for bad in ("Тоӊ", "Чоӈ-Алай", "Ысык-Көл облусу\u04c9", "Кыргыз Pеспубликасы",
                "Тoң", "Жалал-Абаd", "үй-бүлө ұй", "Ɵзгөн"):
        tap.ok("the checker flags «%s»" % bad, problems(bad))
    for good in ("Тоң", "Ысык-Көл", "B гепатити", "антиген (HBsAg)", "Aimak тиркемеси",
                 "Өзгөн", "ЦУР 17.18"):
        tap.ok("the checker accepts «%s»" % good, not problems(good), problems(good))

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
