#!/bin/sh
# Fetches the UCI optical-recognition digits (1,797 x 64, CC BY 4.0) as
# scikit-learn ships them, into examples/data/digits.csv.gz.
#
# We did not make this data, so it is not committed: it comes from Debian's
# python3-sklearn package (or, failing that, scikit-learn's wheel on PyPI) and is
# accepted only if its content matches the known checksum. Attribution:
# examples/data/README.md.
set -eu
cd "$(dirname "$0")/.."
out=examples/data/digits.csv.gz
want=6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8
member=sklearn/datasets/data/digits.csv.gz

ok() { [ -f "$1" ] && [ "$(gzip -dc "$1" | sha256sum | cut -d' ' -f1)" = "$want" ]; }
ok "$out" && exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A fresh machine may have empty package lists; refresh them once if the download fails.
download() { (cd "$tmp" && apt-get download python3-sklearn >/dev/null 2>&1); }
if command -v apt-get >/dev/null; then
  if ! download; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true
    elif command -v sudo >/dev/null; then sudo apt-get update -qq >/dev/null 2>&1 || true; fi
    download || true
  fi
  if ls "$tmp"/python3-sklearn_*.deb >/dev/null 2>&1; then
    dpkg-deb -x "$tmp"/python3-sklearn_*.deb "$tmp/x"
    cp "$tmp/x/usr/lib/python3/dist-packages/$member" "$tmp/digits.csv.gz"
  fi
fi
if ! ok "$tmp/digits.csv.gz"; then
  # The project's virtualenv has pip even where the system Python does not.
  py=python3
  [ -x .venv/bin/python ] && py=.venv/bin/python
  "$py" -m pip download --quiet --no-deps --only-binary :all: scikit-learn -d "$tmp/pypi"
  "$py" - "$tmp" "$member" <<'PY'
import glob, sys, zipfile
tmp, member = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(glob.glob(f"{tmp}/pypi/*.whl")[0]) as z, open(f"{tmp}/digits.csv.gz", "wb") as f:
    f.write(z.read(member))
PY
fi
ok "$tmp/digits.csv.gz" || { echo "fetch-digits: checksum mismatch" >&2; exit 1; }
mkdir -p examples/data
mv "$tmp/digits.csv.gz" "$out"
echo "fetched $out"
