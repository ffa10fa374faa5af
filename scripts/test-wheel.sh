#!/usr/bin/env bash
# The wheel anyone can install: builds and repairs it (scripts/build-wheel.sh),
# installs it into a fresh virtualenv without the system's site packages, checks
# that every shared object in the installed package resolves inside the package
# or to the few system libraries manylinux allows, and runs a GP study and an
# MLP training there without HONE_LIBRARY, LD_LIBRARY_PATH or the source tree.
#
#   scripts/test-wheel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
step() { printf '== %s\n' "$*"; }
ok() { passed=$((passed + 1)); }

step "build and repair the wheel"
wheel=$(bash scripts/build-wheel.sh "$work/wheelhouse" | tail -n 1)
case $(basename "$wheel") in
  hone_hpo-*-py3-none-manylinux_*.whl) ;;
  *) echo "not a manylinux wheel of hone-hpo: $wheel"; exit 1 ;;
esac
metadata=$(unzip -p "$wheel" '*.dist-info/METADATA')
for field in 'Name: hone-hpo' 'License-Expression: Apache-2.0' 'License-File: LICENSE'; do
  grep -qx "$field" <<<"$metadata" || { echo "METADATA lacks '$field'"; exit 1; }
done
cmp -s <(unzip -p "$wheel" '*.dist-info/licenses/LICENSE') LICENSE || { echo "the wheel's LICENSE is not the repository's"; exit 1; }
ok

step "install it into a fresh virtualenv"
"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$wheel[mlp]"
site=$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')
[ -f "$site/hone/libhone.so" ] || { echo "no hone/libhone.so in $site"; exit 1; }
ok

step "every shared object resolves inside the package or to an allowed system library"
# manylinux's own list, less what no library here needs: the glibc family,
# libgcc_s and libstdc++. Everything else must have come with the wheel.
allowed='libc.so.6 libm.so.6 libdl.so.2 librt.so.1 libpthread.so.0 libresolv.so.2 libutil.so.1
         libgcc_s.so.1 libstdc++.so.6'
objects=$(find "$site/hone" "$site"/hone_hpo.libs -type f -name '*.so*' | sort)
count=0
bad=0
for object in $objects; do
  count=$((count + 1))
  while read -r name arrow path _; do
    case $name in linux-vdso.so.1 | /*ld-linux*) continue ;; esac
    if [ "$arrow" != "=>" ] || [ "$path" = not ]; then
      echo "$object: $name not found"; bad=1
    elif [ "${path#"$site"/hone/}" != "$path" ] || [ "${path#"$site"/hone_hpo.libs/}" != "$path" ]; then
      :
    elif [[ " $(echo $allowed) " == *" $name "* ]] && [[ $path == /lib/* || $path == /usr/lib/* || $path == /lib64/* ]]; then
      :
    else
      echo "$object: $name resolves outside the package, to $path"; bad=1
    fi
  done < <(env -u LD_LIBRARY_PATH ldd "$object")
done
[ $bad = 0 ] || exit 1
# libhone, OpenBLAS, LAPACKE and what grafting brought: fewer means the bundle broke.
[ $count -ge 6 ] || { echo "only $count shared objects in the package"; exit 1; }
echo "$count shared objects"
ok

step "a GP study and an MLP training from outside the repository"
cd "$work"
env -u HONE_LIBRARY -u LD_LIBRARY_PATH -u PYTHONPATH HONE_SITE="$site" "$work/venv/bin/python" - <<'EOF'
import json
import math
import os

import hone

site = os.environ["HONE_SITE"]
package = os.path.join(site, "hone")
assert os.path.dirname(os.path.realpath(hone.__file__)) == os.path.realpath(package), hone.__file__

info = hone.blas_info()
print("blas:", json.dumps(info))
for key in ("library", "lapacke"):
    # The copies inside the package, not the system's.
    assert os.path.dirname(os.path.realpath(info[key])) == os.path.realpath(package), (key, info[key])

def quadratic(trial):
    x = trial.suggest_float("x", -3.0, 3.0)
    y = trial.suggest_float("y", -3.0, 3.0)
    return (x - 1.0) ** 2 + (y + 0.5) ** 2

study = hone.create_study(direction="minimize", sampler=hone.samplers.GPSampler(seed=0))
study.optimize(quadratic, n_trials=15)
complete = [t for t in study.trials if t.state == hone.TrialState.COMPLETE]
assert len(complete) == 15, [t.state for t in study.trials]
assert math.isfinite(study.best_value) and study.best_value >= 0.0, study.best_value
assert study.best_value == min(t.value for t in complete)
print(f"GP: 15 trials, best {study.best_value:.4g}")

import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(64, 3)).astype(np.float32)
y = (X[:, 0] + X[:, 1] > 0).astype(np.int64)
model, history = hone.mlp.train(X, y, task="binary", hidden_layers=[8], epochs=20, learning_rate=0.01, seed=0)
assert history["epochs"] >= 1, history
labels = model.predict(X)
assert labels.shape == (64,) and labels.dtype == np.int64 and set(labels.tolist()) <= {0, 1}, labels
proba = model.predict_proba(X)
assert proba.shape == (64, 2) and np.allclose(proba.sum(axis=1), 1.0, atol=1e-5), proba
model.close()
print(f"MLP: {history['epochs']} epochs, status {history['status']}")
EOF
ok
echo "wheel: $passed passed, 0 failed"
