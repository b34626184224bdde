#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-contrast.py SRCDIR — the chart and map colours against the cards they are
drawn on, in the light and dark styles (WCAG 2.1: graphics 3:1, text 4.5:1).

The colours are read where the code takes them: the names in the palette of
src/app/aimak-chart-draw.c and in the color() calls of src/app/aimak-map-render.c,
looked up in ui/style.css (light, high contrast) and ui/style-dark.css (dark, high
contrast dark), which libadwaita loads in that order; the fallbacks in the C code
(a widget without the application's style) are checked against the light cards.
The badges' white text is checked against their backgrounds in style.css."""

import os
import re
import sys

import aimak_tap as tap

# libadwaita 1.2: card_bg_color over window_bg_color, and view_bg_color (the chart
# falls back to the view's colour when the card's is translucent).
LIGHT_BACKGROUNDS = {"light card": "#ffffff", "light window": "#fafafa"}
DARK_BACKGROUNDS = {"dark card": "#363636", "dark view": "#1e1e1e"}


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def defines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return dict(re.findall(r"@define-color\s+(\w+)\s+(#[0-9a-fA-F]{6})\s*;", text))


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    light = defines(os.path.join(src, "ui", "style.css"))
    dark = dict(light)
    dark.update(defines(os.path.join(src, "ui", "style-dark.css")))

    with open(os.path.join(src, "src", "app", "aimak-chart-draw.c"), encoding="utf-8") as f:
        chart = f.read()
    block = chart[chart.index("palette[] = {"):]
    block = block[:block.index("};")]
    palette = re.findall(r'\{\s*"(\w+)",\s*"(#[0-9a-fA-F]{6})"\s*\}', block)
    tap.ok("the chart palette has at least six colours", len(palette) >= 6, str(palette))

    with open(os.path.join(src, "src", "app", "aimak-map-render.c"), encoding="utf-8") as f:
        map_code = f.read()
    map_colours = sorted(set(re.findall(r'color \(widget, "(aimak_\w+)", "(#[0-9a-fA-F]{6})"',
                                        map_code)))
    tap.ok("the map takes its land, boundaries and pilot colour from the style",
           {n for n, _ in map_colours} >= {"aimak_map_land", "aimak_map_border", "aimak_map_pilot"},
           str(map_colours))

    # Graphics: every chart colour, the map's boundaries and pilot marks, 3:1.
    graphics = palette + [(n, f) for n, f in map_colours if n != "aimak_map_land"]
    for name, fallback in graphics:
        for style, table, backgrounds in (("light", light, LIGHT_BACKGROUNDS),
                                          ("dark", dark, DARK_BACKGROUNDS)):
            colour = table.get(name)
            if colour is None:
                tap.ok(f"{name} is defined for the {style} style", False)
                continue
            worst = min((ratio(colour, bg), where) for where, bg in backgrounds.items())
            tap.ok(f"{name} {colour} in the {style} style: {worst[0]:.2f}:1 on the {worst[1]} "
                   f"(at least 3:1)", worst[0] >= 3.0)
        worst = min(ratio(fallback, bg) for bg in LIGHT_BACKGROUNDS.values())
        tap.ok(f"{name}'s fallback {fallback}: {worst:.2f}:1 on light cards", worst >= 3.0)

    # The land is an area told apart by its boundaries; it must still differ from the card.
    for style, table, backgrounds in (("light", light, LIGHT_BACKGROUNDS),
                                      ("dark", dark, DARK_BACKGROUNDS)):
        land = table["aimak_map_land"]
        worst = min(ratio(land, bg) for bg in backgrounds.values())
        tap.ok(f"map land {land} in the {style} style differs from the card: {worst:.2f}:1 "
               f"(at least 1.5:1; its boundaries carry 3:1)", worst >= 1.5)
        border = table["aimak_map_border"]
        tap.ok(f"map boundaries {border} on land {land}: {ratio(border, land):.2f}:1",
               ratio(border, land) >= 3.0)

    # Badges: white text on their background, 4.5:1.
    for name in ("aimak_badge_pilot_bg", "aimak_badge_principal_bg"):
        for style, table in (("light", light), ("dark", dark)):
            r = ratio(table["aimak_badge_fg"], table[name])
            tap.ok(f"badge text on {name} {table[name]} in the {style} style: {r:.2f}:1 "
                   f"(at least 4.5:1)", r >= 4.5)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
