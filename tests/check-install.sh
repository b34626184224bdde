#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Aimak into a temporary prefix (a separate build of the same source)
# and runs the installed programs from there: the installed aimak-cli must
# report its version and speak Russian from the installed catalogue, and the
# installed GUI must start with the installed schema. TAP output.
set -u
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
echo "1..6"

if meson setup "$tmp/build" "$src" --prefix="$tmp/prefix" -Dtests=false >"$tmp/setup.log" 2>&1 &&
   meson compile -C "$tmp/build" >"$tmp/compile.log" 2>&1 &&
   meson install -C "$tmp/build" >"$tmp/install.log" 2>&1; then
  ok "meson install into a temporary prefix"
else
  not_ok "meson install into a temporary prefix"
  tail -20 "$tmp"/*.log | sed 's/^/# /'
  for i in 2 3 4 5 6; do not_ok "skipped after failed install"; done
  exit 1
fi

prefix="$tmp/prefix"
bin="$prefix/bin"
data="$prefix/share"
unset AIMAK_LOCALEDIR GSETTINGS_SCHEMA_DIR

v=$("$bin/aimak-cli" --version 2>&1)
if [ "$v" = "aimak-cli $(meson introspect --projectinfo "$tmp/build" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')" ]; then
  ok "installed aimak-cli --version: $v"
else
  not_ok "installed aimak-cli --version: $v"
fi

if [ -f "$data/locale/ru/LC_MESSAGES/aimak.mo" ] && [ -f "$data/locale/ky/LC_MESSAGES/aimak.mo" ]; then
  ok "catalogues installed for ru and ky"
else
  not_ok "catalogues installed for ru and ky"
fi

out=$(LANGUAGE=ru LC_ALL=C.UTF-8 "$bin/aimak-cli" areas --level 7 --database "$tmp/x.db" 2>&1)
if echo "$out" | grep -q -- "--level" && ! echo "$out" | grep -q "must be"; then
  ok "installed aimak-cli finds its Russian catalogue"
else
  not_ok "installed aimak-cli finds its Russian catalogue: $out"
fi

if [ -f "$data/glib-2.0/schemas/gschemas.compiled" ] &&
   [ -f "$data/applications/io.github.aimakplanner.Aimak.desktop" ] &&
   [ -f "$data/metainfo/io.github.aimakplanner.Aimak.metainfo.xml" ] &&
   [ -f "$data/icons/hicolor/scalable/apps/io.github.aimakplanner.Aimak.svg" ]; then
  ok "schema compiled, desktop file, metainfo and icon installed"
else
  not_ok "schema compiled, desktop file, metainfo and icon installed"
fi

# GUI smoke start from the prefix: it must stay up (no missing resource or schema) until killed.
XDG_DATA_DIRS="$data:/usr/share" GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/home" \
  "$bin/aimak" --database "$tmp/gui.db" >"$tmp/gui.log" 2>&1 &
pid=$!
sleep 5
if kill -0 "$pid" 2>/dev/null && [ -f "$tmp/gui.db" ] && ! grep -qiE "critical|error" "$tmp/gui.log"; then
  ok "installed aimak starts and creates its database"
  kill "$pid"
else
  not_ok "installed aimak starts and creates its database"
  sed 's/^/# /' "$tmp/gui.log" | head -20
  kill "$pid" 2>/dev/null
fi
wait "$pid" 2>/dev/null
exit $fail
