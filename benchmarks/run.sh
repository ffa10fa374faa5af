#!/usr/bin/env bash
# Runs the benchmarks beside their peers. The peers live in a virtualenv outside
# the repository (HONE_BENCH_VENV, default ~/.cache/hone-bench-venv); CI never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${HONE_BENCH_VENV:-$HOME/.cache/hone-bench-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q optuna scipy greenlet cmaes torch scikit-learn "psycopg[binary]"
fi
"$venv/bin/pip" install -q ./bindings/python
echo "== blas_info: the BLAS every benchmark below runs on"
"$venv/bin/python" -c 'import json, hone; print(json.dumps(hone.blas_info()))'
sh scripts/fetch-digits.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The library's SONAME is libhone.so.0, which the build folder does not hold.
mkdir -p "$out/lib"
ln -s "$PWD/.build/release/libhone.so" "$out/lib/libhone.so.0"
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude benchmarks/ask_tell.c -L.build/release -lhone \
  -Wl,-rpath,"$out/lib" -o "$out/ask_tell_c"
echo "== ask_tell: ask + 5 suggest_float + tell, random sampler (µs per trial)"
"$venv/bin/python" benchmarks/ask_tell.py "$out/ask_tell_c"
echo "== gp: GPSampler ask latency and sample efficiency beside Optuna"
"$venv/bin/python" benchmarks/gp.py
echo "== gp_batch: GPSampler with 4 workers that ask before they tell, beside Optuna's"
batch_json=$(mktemp -d)
"$venv/bin/python" benchmarks/gp_batch.py run --label hone-batch --side hone --json "$batch_json/batch.json"
"$venv/bin/python" benchmarks/gp_batch.py run --label hone-seq --side hone --workers 1 --json "$batch_json/seq.json"
"$venv/bin/python" benchmarks/gp_batch.py run --label optuna --side optuna --json "$batch_json/optuna.json"
"$venv/bin/python" benchmarks/gp_batch.py report --extra --json "$batch_json"/*.json
rm -rf "$batch_json"
echo "== tpe_latency: an ask with its suggests beside Optuna's TPESampler"
"$venv/bin/python" benchmarks/tpe_latency.py
echo "== cmaes_latency: an ask with its suggests beside Optuna's CmaEsSampler"
"$venv/bin/python" benchmarks/cmaes_latency.py
echo "== nsga_latency: an NSGA-II ask with its suggests at 1,000 trials beside Optuna's NSGAIISampler"
"$venv/bin/python" benchmarks/nsga_latency.py
echo "== gp_multiobjective_latency: a two-objective GP ask at 200 trials beside Optuna's GPSampler"
"$venv/bin/python" benchmarks/gp_multiobjective_latency.py
echo "== multiobjective_quality: NSGA-II, NSGA-III and MOTPE hypervolumes beside Optuna's"
"$venv/bin/python" benchmarks/multiobjective_quality.py
echo "== sampler_quality: each sampler's median simple regret beside Optuna's of the same kind"
"$venv/bin/python" benchmarks/sampler_quality.py
echo "== bounded_cost: the GP sampler's first ask on a loaded study, study creation with a large search space"
"$venv/bin/python" benchmarks/bounded_cost.py
echo "== mlp: a training step and a digits training beside PyTorch and scikit-learn"
cc -O2 -std=c99 -Wall -Wextra -Werror benchmarks/sgemm_peak.c -lopenblas -o "$out/sgemm_peak"
# sgemm_peak links OpenBLAS itself, so it is given the kernel Hone runs on: the
# peak is that kernel's, the yardstick for Hone's GEMM rate.
kernel=$("$venv/bin/python" -c 'import hone; print(hone.blas_info()["kernel"])')
peak=$(OPENBLAS_CORETYPE=$kernel "$out/sgemm_peak" | tee /dev/stderr | sed -n 's/.*1024^3 \([0-9.]*\);.*/\1/p')
"$venv/bin/python" benchmarks/mlp.py "$peak"
echo "== pruning: the MLP on digits tuned with no pruner, median, ASHA and Hyperband"
"$venv/bin/python" benchmarks/pruning.py
echo "== storage: SQLite and PostgreSQL beside Optuna's RDB storage on the same servers"
eval "$(bash scripts/pg-start.sh)"
trap 'bash scripts/pg-stop.sh "$HONE_PG_DIR"; rm -rf "$out"' EXIT
# Optuna gets a database of its own on the same server.
psql_as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u hone-pg -- "$@"; else "$@"; fi
}
psql_as_server "$(cat "$HONE_PG_DIR/bin")/psql" -h "$HONE_PG_DIR/socket" -p "$(cat "$HONE_PG_DIR/port")" \
  -U postgres -qc "CREATE DATABASE optuna OWNER hone"
"$venv/bin/python" benchmarks/storage.py --postgres-hone "$HONE_TEST_POSTGRES_URL" \
  --postgres-optuna "${HONE_TEST_POSTGRES_URL%/hone}/optuna"
