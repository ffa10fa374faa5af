#!/usr/bin/env bash
# The same seed gives the same trials in C, Python and Swift: each host prints
# the parameters of 24 trials and the values must agree exactly.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lib=$(cd "${1:-.build/release}" && pwd)
py=${2:-python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The library's SONAME is libhone.so.0, which the build folder does not hold.
mkdir -p "$out/lib"
ln -s "$lib/libhone.so" "$out/lib/libhone.so.0"
cc -std=c99 -Wall -Wextra -Werror -Iinclude Tests/CrossHost/trials.c -L"$lib" -lhone -lm \
  -Wl,-rpath,"$out/lib" -o "$out/trials"
"$SWIFT" build -c release --product cross-host-swift >/dev/null
passed=0
for sampler in random qmc tpe cmaes nsgaii nsgaiii brute_force partial_fixed; do
  "$out/trials" $sampler >"$out/c.txt"
  HONE_LIBRARY="$lib/libhone.so" "$py" Tests/CrossHost/trials.py $sampler >"$out/py.txt"
  "$SWIFT" run -c release --skip-build cross-host-swift $sampler >"$out/swift.txt"
  "$py" - "$out" "$sampler" <<'PY'
import json, sys
out, sampler = sys.argv[1], sys.argv[2]
runs = {h: [json.loads(l) for l in open(f"{out}/{h}.txt")] for h in ("c", "py", "swift")}
assert len(runs["c"]) == 24, runs["c"]
for host in ("py", "swift"):
    if runs[host] != runs["c"]:
        for i, (a, b) in enumerate(zip(runs["c"], runs[host])):
            if a != b:
                sys.exit(f"{sampler}: trial {i} differs between C and {host}: {a} != {b}")
        sys.exit(f"{sampler}: {host} printed {len(runs[host])} trials")
print(f"{sampler}: C, Python and Swift agree on 24 trials")
PY
  passed=$((passed + 1))
done
echo "cross-host: $passed passed, 0 failed"
