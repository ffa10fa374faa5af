#!/usr/bin/env bash
# libFuzzer harnesses for the C API (Tests/Fuzz): builds an instrumented
# libhone.so and the harnesses into .build-fuzz/, then runs each target.
#
#   scripts/fuzz.sh [--build-only | --seeds] [TARGET...]
#
# TARGET is one of: options enqueue calls mlp_load mlp_train hypervolume add_trial storage callbacks (default: all).
# FUZZ_SECONDS (default 30) bounds each target's run; FUZZ_RUNS=N runs N inputs
# instead. FUZZ_TIMEOUT (seconds per input, default 10) and FUZZ_RSS_MB (default
# 2048) turn slow inputs and memory blow-ups into failures. --seeds regenerates
# the generated part of the committed corpus (saved model files and binary
# inputs) and runs nothing.
#
# Each run fuzzes a copy of Tests/Fuzz/corpus/<target> in a temporary directory,
# so the committed corpus never changes; crash, leak, timeout and out-of-memory
# inputs go to a temporary artifact directory whose paths are printed, and the
# script exits non-zero when any target found one.
#
# How the instrumentation fits together:
# - libhone.so is built by SwiftPM from the same sources into its own scratch
#   path (.build-fuzz/swift) with `-sanitize=address` and
#   `-sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp`: the
#   coverage kinds clang's -fsanitize=fuzzer uses, so libFuzzer gets edge
#   counters, PC tables and comparison operands from the Swift code itself.
#   Not `-sanitize=fuzzer`: that would link libFuzzer (and a main) into the
#   library.
# - A Swift shared library built that way does not contain a sanitizer runtime:
#   it keeps __asan_* and __sanitizer_cov_* as undefined dynamic symbols.
# - Each harness is a C executable linked by clang with
#   -fsanitize=fuzzer,address: that links libFuzzer and the static ASan runtime
#   into the executable and exports their entry points dynamically (clang's
#   --dynamic-list of the ASan runtime, plus -rdynamic for libFuzzer's
#   __sanitizer_cov_* callbacks), so at load time libhone.so binds to the one
#   ASan runtime and the one libFuzzer of the executable. libFuzzer then reports
#   two modules ("Loaded 2 modules"): the harness and libhone.so.
# - The Swift runtime is linked statically into libhone.so (-static-stdlib)
#   and is not instrumented; OpenBLAS, LAPACKE, SQLite and libpq are the
#   system's plain libraries. ASan still checks every heap access through
#   ASan's malloc, which those libraries use too.
# - Linked with lld: gold warns about every local ASan symbol it cannot export.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh

TOOLCHAIN=$(dirname "$(readlink -f "$SWIFT")")
CLANG=${CLANG:-$TOOLCHAIN/clang}
ALL_TARGETS="options enqueue calls mlp_load mlp_train hypervolume add_trial storage callbacks"
OUT=.build-fuzz
LIB=$OUT/swift/release
BIN=$OUT/bin
SECONDS_EACH=${FUZZ_SECONDS:-30}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}

mode=run
case "${1:-}" in
  --build-only) mode=build; shift ;;
  --seeds) mode=seeds; shift ;;
esac
targets=${*:-$ALL_TARGETS}
for t in $targets; do
  case " $ALL_TARGETS " in *" $t "*) ;; *) echo "unknown target '$t' (targets: $ALL_TARGETS)" >&2; exit 2 ;; esac
done

echo "== building the instrumented libhone.so into $LIB"
"$SWIFT" build -c release --product hone --scratch-path "$OUT/swift" \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
# The harnesses link libhone.so by its SONAME.
ln -sf libhone.so "$LIB/libhone.so.0"
libdir=$(readlink -f "$LIB")

mkdir -p "$BIN"
cflags=(-std=c11 -g -O1 -Wall -Wextra -Werror -fuse-ld=lld -Iinclude -ITests/Fuzz)
link=(-L"$libdir" -lhone -Wl,-rpath,"$libdir" -rdynamic)
echo "== building the harnesses into $BIN"
for t in $ALL_TARGETS; do
  "$CLANG" "${cflags[@]}" -fsanitize=fuzzer,address "Tests/Fuzz/fuzz_$t.c" "${link[@]}" -o "$BIN/fuzz_$t"
done
"$CLANG" "${cflags[@]}" -fsanitize=fuzzer-no-link,address Tests/Fuzz/gen_seeds.c "${link[@]}" -o "$BIN/gen_seeds"

if [ $mode = build ]; then exit 0; fi
if [ $mode = seeds ]; then
  "$BIN/gen_seeds" Tests/Fuzz/corpus
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hone-fuzz.XXXXXX")
child=
cleanup() {
  if [ -n "$child" ]; then kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The outer timeout is a backstop against a hung run: libFuzzer stops itself at
# max_total_time, and a run counted in inputs gets a day.
if [ -n "${FUZZ_RUNS:-}" ]; then
  budget=(-runs="$FUZZ_RUNS")
  backstop=86400
  what="$FUZZ_RUNS runs"
else
  budget=(-max_total_time="$SECONDS_EACH")
  backstop=$((SECONDS_EACH + 10 * TIMEOUT + 120))
  what="$SECONDS_EACH s"
fi
# Leaks are errors; ten frames of allocation stack keep reports useful and mallocs cheap.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=10}
failed=0
summary=()
for t in $targets; do
  corpus=$work/$t/corpus
  mkdir -p "$corpus"
  cp Tests/Fuzz/corpus/$t/* "$corpus/"
  artifacts=$(mktemp -d "${TMPDIR:-/tmp}/hone-fuzz-$t-artifacts.XXXXXX")
  log=$work/$t/log
  echo "== fuzz_$t: $what on a copy of Tests/Fuzz/corpus/$t"
  set +e
  timeout --kill-after=10 "$backstop" \
    "$BIN/fuzz_$t" "${budget[@]}" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -print_final_stats=1 \
    -dict=Tests/Fuzz/json.dict -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 &
  child=$!
  wait $child
  rc=$?
  child=
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  found=$(find "$artifacts" -type f | sort)
  if [ $rc -ne 0 ] || [ -n "$found" ]; then
    failed=1
    echo "fuzz_$t FAILED (exit $rc); the end of its log:"
    grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|NEW_FUNC' "$log" | tail -60
    cp "$log" "$artifacts/log.txt"
    echo "fuzz_$t artifacts (log included): $artifacts"
    for f in $found; do echo "  $f"; done
    summary+=("fuzz_$t: FAILED, ${execs:-?} executions, ${rate:-?} exec/s, $cov; artifacts in $artifacts")
  else
    rmdir "$artifacts"
    summary+=("fuzz_$t: ok, ${execs:-?} executions, ${rate:-?} exec/s, $cov")
  fi
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $failed
