#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the CSV reader, the indicator import and opening a database file with
# libFuzzer (clang, AddressSanitizer + UndefinedBehaviorSanitizer), each for a
# bounded time. Builds the core library with clang in its own build directory,
# separately from the normal (gcc) build.
#
#   tests/fuzz/run-fuzz.sh [SECONDS-PER-HARNESS] [HARNESS...]
#
# SECONDS defaults to $FUZZ_SECONDS or 60; harnesses: csv import db-open number package
# (all by default). Exits 0 when nothing was found (or clang is missing: then it says so
# and skips), 1 when a harness crashed: the input is in $FUZZ_BUILD/artifacts/;
# fix the bug, then keep the input as tests/fuzz/regressions/<harness>/<name> so
# the meson test fuzz-<harness> replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-${FUZZ_SECONDS:-60}}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(csv import db-open number package)
build=${FUZZ_BUILD:-_build-fuzz}

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzz: clang is not installed; skipping the fuzzers"
  exit 0
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" \
    -Dgui=disabled -Dtests=false \
    -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
    >/dev/null
fi
meson compile -C "$build" aimak-core >/dev/null

deps="gio-2.0 json-glib-1.0 sqlite3 xlsxwriter zlib libpq"
# shellcheck disable=SC2086
cflags=$(pkg-config --cflags $deps)
# shellcheck disable=SC2086
libs=$(pkg-config --libs $deps)

mkdir -p "$build/artifacts"
# GLib 2.74's slice allocator would hide heap errors from ASan. Leaks are
# checked (GLib's one-time caches stay reachable, so they are not reported).
export G_SLICE=always-malloc G_DEBUG=gc-friendly LANGUAGE=en LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for h in "${harnesses[@]}"; do
  exe="$build/fuzz-$h"
  # shellcheck disable=SC2086
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
    -I"$build" -Isrc/core -I"$build/src/core" -Itests/fuzz $cflags \
    "tests/fuzz/fuzz-$h.c" "$build/src/core/libaimak-core.a" $libs -lm -o "$exe"

  case $h in
    db-open|package) max_len=65536 ;;
    number) max_len=256 ;;
    *) max_len=8192 ;;
  esac
  corpus="$build/corpus/$h"
  mkdir -p "$corpus"
  seeds=(tests/fuzz/corpus/"$h")
  [ -d "tests/fuzz/regressions/$h" ] && seeds+=("tests/fuzz/regressions/$h")

  echo "run-fuzz: $h for ${seconds}s"
  log="$build/fuzz-$h.log"
  # A fixed seed (FUZZ_SEED, default 1) makes a CI run repeatable; FUZZ_SEED=0 picks one.
  if "$exe" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$max_len" \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
       "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" | sed "s/^/run-fuzz: $h: /"
    echo "run-fuzz: $h: no crash; corpus $(find "$corpus" -type f | wc -l) inputs"
  else
    status=1
    echo "run-fuzz: $h: FAILED — see $log; crashing input(s):"
    find "$build/artifacts" -name "$h-*" -printf "  %p\n"
    tail -n 40 "$log"
  fi
done
exit $status
