#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the core, the CLI and the fuzz replay harnesses with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (no GUI) into its own build directory, then runs the non-GUI
# test suites: core (the C unit tests), cli (the CLI and workbook checks) and fuzz (every
# fuzzer's seed corpus and regression inputs, once).
#
#   tests/sanitize.sh [MESON-TEST-ARGS...]
#
# SANITIZE_BUILD names the build directory (default _build-sanitize). Exits 0 when the
# suites pass, 77 (skipped) when clang is missing, otherwise meson test's status.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${SANITIZE_BUILD:-_build-sanitize}

if ! command -v clang >/dev/null 2>&1; then
  echo "sanitize: clang is not installed; skipping"
  exit 77
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" \
    -Dgui=disabled -Dtests=true \
    -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fno-omit-frame-pointer -fno-sanitize-recover=undefined"
fi
meson compile -C "$build"

# GLib 2.74's slice allocator would hide heap errors from ASan; leaks are reported
# (LeakSanitizer), with GLib's and fontconfig's one-time caches suppressed.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:print_summary=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Sanitized code runs two to three times slower: more time per test.
meson test -C "$build" --print-errorlogs --timeout-multiplier 3 \
  --suite core --suite cli --suite fuzz "$@"
