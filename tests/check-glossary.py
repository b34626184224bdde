#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One term per concept (TAP): po/glossary.csv against every Russian and Kyrgyz text.

The texts are read as (English, Russian, Kyrgyz) triples from the interface catalogues
(po/ru.po and po/ky.po joined by msgid), the code lists (data/reference/codelists/*.csv),
the indicator catalogue and the workbook labels (src/core/aimak-export-strings.c).
For each glossary concept:
- every triple whose English matches en_pattern has one of ru_match in its Russian and
  one of ky_match in its Kyrgyz (case-insensitive), so the concept is said with its term;
- no Russian text contains a ru_avoid variant and no Kyrgyz text a ky_avoid variant.
Last, the checker is run on a triple that holds a known variant, and must flag it.
"""
import csv
import glob
import os
import re
import sys

import aimak_tap as tap

src = os.path.abspath(sys.argv[1])


def unquote(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def po_entries(path):
    """msgid (with msgctxt) -> concatenated msgstr(s)."""
    out = {}
    text = open(path, encoding="utf-8").read()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        field, parts = None, {}
        for l in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', l)
            if m:
                field = m.group(1)
                parts[field] = unquote(m.group(2))
            elif l.startswith('"') and field:
                parts[field] += unquote(l[1:-1])
        if "msgid" not in parts or parts["msgid"] == "":
            continue
        key = parts.get("msgctxt", "") + "\x04" + parts["msgid"] + "\x00" + parts.get("msgid_plural", "")
        out[key] = " ".join(v for k, v in sorted(parts.items()) if k.startswith("msgstr"))
    return out


def triples():
    ru = po_entries(os.path.join(src, "po", "ru.po"))
    ky = po_entries(os.path.join(src, "po", "ky.po"))
    for key, ru_text in ru.items():
        en = key.split("\x04", 1)[1].replace("\x00", " ").strip()
        yield ("po " + en[:50], en, ru_text, ky.get(key, ""))

    files = sorted(glob.glob(os.path.join(src, "data", "reference", "codelists", "*.csv")))
    files.append(os.path.join(src, "data", "reference", "indicators", "indicator_catalogue.csv"))
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for stem in ("name", "short", "definition"):
                    if stem + "_en" in row and stem + "_ru" in row:
                        yield ("%s %s %s" % (os.path.basename(path), row.get("code"), stem),
                               row[stem + "_en"], row[stem + "_ru"], row.get(stem + "_ky", ""))

    c = open(os.path.join(src, "src", "core", "aimak-export-strings.c"), encoding="utf-8").read()
    table = c[c.index("labels[AIMAK_XS_N_STRINGS]"):c.index("static const struct")]
    for m in re.finditer(r"\[(AIMAK_XS_\w+)\]\s*=\s*\{(.*?)\}\s*,", table, re.S):
        values, current = [], None
        for tok in re.finditer(r'"((?:[^"\\]|\\.)*)"|(,)', m.group(2)):
            if tok.group(2):
                values.append(current)
                current = None
            else:
                current = (current or "") + unquote(tok.group(1))
        values.append(current)
        if len(values) == 3 and all(v is not None for v in values):
            yield ("workbook " + m.group(1), values[0], values[1], values[2])


glossary = list(csv.DictReader(open(os.path.join(src, "po", "glossary.csv"), encoding="utf-8")))


def split_list(s):
    return [x.strip() for x in s.split(",")]


def split(s):
    return [x.strip().lower() for x in s.split(";") if x.strip()]


def problems(entry, items):
    pattern = re.compile(entry["en_pattern"])
    out = []
    for where, en, ru, ky in items:
        if pattern.search(en):
            if not any(t in ru.lower() for t in split(entry["ru_match"])):
                out.append("%s: ru «%s» lacks %s" % (where, ru, entry["ru"]))
            if not any(t in ky.lower() for t in split(entry["ky_match"])):
                out.append("%s: ky «%s» lacks %s" % (where, ky, entry["ky"]))
        for v in split(entry["ru_avoid"]):
            if v in ru.lower():
                out.append("%s: ru «%s» uses the variant «%s»" % (where, ru, v))
        for v in split(entry["ky_avoid"]):
            if v in ky.lower():
                out.append("%s: ky «%s» uses the variant «%s»" % (where, ky, v))
    return out


items = list(triples())
tap.ok("texts were read from the catalogues, code lists, indicators and workbook labels",
       len(items) > 500 and any(w.startswith("workbook") for w, *_ in items)
       and any(w.startswith("gcm_objectives") for w, *_ in items)
       and any(w.startswith("indicator_catalogue") for w, *_ in items),
       "%d texts" % len(items))
tap.ok("the glossary has 40 to 60 concepts, each with en, ru, ky and a source",
       40 <= len(glossary) <= 60 and all(e["en"] and e["ru"] and e["ky"] and e["source"]
                                         for e in glossary), "%d concepts" % len(glossary))
for entry in glossary:
    p = problems(entry, items)
    tap.ok("concept %s: «%s» / «%s»" % (entry["concept"], entry["ru"], entry["ky"]),
           not p, "\n".join(p[:20]))

# Official titles and single wordings that a term list cannot express.
def codelist(name, key="code"):
    with open(os.path.join(src, "data", "reference", "codelists", name), encoding="utf-8",
              newline="") as f:
        return {row[key]: row for row in csv.DictReader(f)}


sdg = codelist("sdg_targets.csv")
gcm = codelist("gcm_objectives.csv")
tap.ok("SDG 17.18 in Russian says «гендерной принадлежности», as the official text, not «полу»",
       "гендерной принадлежности" in sdg["17.18"]["short_ru"]
       and not re.search(r"\bполу\b", sdg["17.18"]["short_ru"]), sdg["17.18"]["short_ru"])
tap.ok("SDG 10.c keeps both parts of the target (3 and 5 per cent) in Russian and Kyrgyz",
       all("3 " in sdg["10.c"][k] and "5 " in sdg["10.c"][k] for k in ("short_ru", "short_ky")),
       sdg["10.c"]["short_ru"] + " / " + sdg["10.c"]["short_ky"])
tap.ok("GCM 13 speaks of detention centres as a last resort and alternatives, not criminal custody",
       "крайней меры" in gcm["13"]["short_ru"] and "альтернатив" in gcm["13"]["short_ru"]
       and "центры содержания" in gcm["13"]["short_ru"]
       and not gcm["13"]["short_ru"].startswith("Содержание под стражей"), gcm["13"]["short_ru"])
tap.ok("GCM 6 and SDG 8.5 say «достойная работа», as the UN Russian texts",
       "достойной работы" in gcm["6"]["short_ru"] and "достойная работа" in sdg["8.5"]["short_ru"]
       and "достойный труд" not in gcm["6"]["short_ru"], gcm["6"]["short_ru"])
tap.ok("GCM 4 is worded as SDG 16.9 («законные удостоверения личности»)",
       "законные удостоверения личности" in gcm["4"]["short_ru"].lower()
       and "законных удостоверений личности" in sdg["16.9"]["short_ru"], gcm["4"]["short_ru"])
tap.ok("GCM 8 is about saving lives and coordinated efforts on missing migrants, not a search",
       "скоординированные" in gcm["8"]["short_ru"] and "розыск" not in gcm["8"]["short_ru"],
       gcm["8"]["short_ru"])
sources_md = open(os.path.join(src, "data", "reference", "SOURCES.md"), encoding="utf-8").read()


def source_rows(heading_prefix):
    """code -> (title, source) of the first table after the paragraph starting heading_prefix."""
    part = sources_md[sources_md.index(heading_prefix):]
    rows = {}
    for line in part.splitlines():
        if line.startswith("| ") and not line.startswith("| GCM |") and not line.startswith("| SDG |"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = (cells[1], cells[2])
        elif rows and not line.startswith("|"):
            break
    return rows


gcm_src = source_rows("**GCM (A/RES/73/195), Russian")
sdg_src = source_rows("**SDG targets, Russian.**")
ky_src = source_rows("**Kyrgyz titles (GCM and SDG).**")
tap.ok("SOURCES.md says for every GCM objective where its Russian title comes from, with today's title",
       sorted(gcm_src, key=int) == sorted(gcm, key=int)
       and all(gcm_src[c][0] == gcm[c]["short_ru"] and gcm_src[c][1] for c in gcm),
       str([c for c in gcm if c not in gcm_src or gcm_src[c][0] != gcm[c]["short_ru"]]))
tap.ok("SOURCES.md says for every SDG target where its Russian title comes from, with today's title",
       set(sdg_src) == set(sdg)
       and all(sdg_src[c][0] == sdg[c]["short_ru"] and sdg_src[c][1] for c in sdg),
       str([c for c in sdg if c not in sdg_src or sdg_src[c][0] != sdg[c]["short_ru"]]))
tap.ok("the Kyrgyz SDG titles SOURCES.md takes from UN Kyrgyzstan are today's titles",
       ky_src and all(c in sdg and ky_src[c][0] == sdg[c]["short_ky"] for c in ky_src),
       str(ky_src))
ru_po = po_entries(os.path.join(src, "po", "ru.po"))
ky_po = po_entries(os.path.join(src, "po", "ky.po"))
checklist = codelist("gender_checklist.csv")["women_consulted"]
consulted_msg = [k for k in ru_po if "were consulted\u201d" in k]
tap.ok("the consulted checklist item has one wording: its problem message quotes the checklist label",
       consulted_msg
       and all("\u00ab" + checklist["name_ru"][0].upper() + checklist["name_ru"][1:] + "\u00bb"
               in ru_po[k] for k in consulted_msg)
       and all("\u00ab" + checklist["name_ky"] + "\u00bb" in ky_po[k] for k in consulted_msg),
       "%s / %s" % (checklist["name_ru"], [ru_po[k] for k in consulted_msg]))

# The CLI help's metavariables (FILE, PATH…): each one is translated, with the word of the
# glossary, wherever the English uses it; none is left in Latin letters.
meta = next(e for e in glossary if e["concept"] == "cli_metavariables")
metavars = list(zip(*(split_list(meta[k]) for k in ("en", "ru", "ky"))))


def stem(word):
    return word[:-1] if len(word) > 3 and word[-1] in "ЬАЯ" else word


def metavar_problems(items_):
    out = []
    for where, en, ru, ky in items_:
        for var, ru_var, ky_var in metavars:
            if not re.search(r"\b%s\b" % var, en):
                continue
            for lang, text, word in (("ru", ru, ru_var), ("ky", ky, ky_var)):
                if stem(word) not in text or re.search(r"\b%s\b" % var, text):
                    out.append("%s: %s «%s» does not say %s as %s" % (where, lang, text, var, word))
    return out


tap.ok("CLI metavariables are translated with the glossary's word ("
      + ", ".join("%s = %s / %s" % m for m in metavars) + ")",
      len(metavars) == 8 and not metavar_problems(items),
      "\n".join(metavar_problems(items)[:20]))
tap.ok("a metavariable left in Latin letters is flagged (ky «PATH»)",
      metavar_problems([("probe", "Use the database at PATH", "по ПУТИ", "PATH жолундагы")]))

credits = {"ru": ru_po.get("\x04translator-credits\x00", ""),
           "ky": ky_po.get("\x04translator-credits\x00", "")}
tap.ok("translator-credits name the roles (translation, terminology review) and keep the name Aimak",
       "перевод" in credits["ru"] and "термин" in credits["ru"]
       and "котормо" in credits["ky"] and "термин" in credits["ky"]
       and all("Aimak" in v for v in credits.values()), str(credits))

# The workbook and the interface name units, dates, years and the alignment columns alike.
same = {"Public hearing date", "Kenesh decision date", "Date", "Start year", "End year",
        "GCM objectives", "SDG targets", "By funding source", "persons", "per 1,000 women",
        "per 1,000 population", "per 10,000 population", "per 100,000 population",
        "per 1,000 live births", "per 100,000 live births", "per 1,000 uninfected population"}
workbook = {en: (ru, ky) for where, en, ru, ky in items if where.startswith("workbook")}
# Where the English labels of the two differ, the pairs that say the same thing.
pairs = {en: en for en in same}
pairs.update({"per 100,000 employees": "per 100,000 employees", "KGS": "som",
              "Budget, KGS": "Budget (KGS)", "yes": "Yes", "partly": "Partly", "no": "No",
              "Status": "Status", "Funding source": "Funding source", "Sector": "Sector",
              "Target groups": "Target groups", "Gender marker": "Gender marker",
              "Public hearing date": "Public hearing date"})
differ = []
for wb_en, en in sorted(pairs.items()):
    key = "\x04" + en + "\x00"
    if wb_en not in workbook or key not in ru_po:
        differ.append("%s: missing in the workbook labels or the catalogue" % en)
    elif tuple(s.casefold() for s in workbook[wb_en]) != (ru_po[key].casefold(),
                                                            ky_po.get(key, "").casefold()):
        differ.append("%s: workbook %s, interface %s" % (en, workbook[wb_en],
                                                          (ru_po[key], ky_po.get(key))))
tap.ok("the workbook says units, dates, columns and checklist answers as the interface does",
       not differ, "\n".join(differ))

# The checker itself: a known variant must be flagged.
by_name = {e["concept"]: e for e in glossary}
tap.ok("a known variant is flagged (ky «ВИЧ» for HIV)",
       problems(by_name["hiv"], [("probe", "HIV cases", "Случаи ВИЧ", "ВИЧ учурлары")]))
tap.ok("a known variant is flagged (ru «общественных слушаний»)",
       problems(by_name["public_hearing"],
                [("probe", "Public hearing date", "Дата общественных слушаний",
                  "Коомдук угуунун датасы")]))
tap.ok("a missing term is flagged (the app's name as a common noun)",
       problems(by_name["app_name"],
                [("probe", "Language of Aimak", "Язык Аймака", "Аймактын тили")]))

sys.exit(tap.done())
