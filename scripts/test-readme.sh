#!/usr/bin/env bash
# The README's getting-started blocks, as a newcomer meets them: each shell block
# marked `<!-- run -->` runs as written from the repository root with a scratch
# HOME (so `~/venvs` and `$HOME/.local` are throwaway), and each program block
# marked `<!-- file: PATH -->` must be PATH byte for byte (`make examples` and
# the C tests build and run those files).
#
#   scripts/test-readme.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f quickstart' EXIT
python3 - "$work" <<'PY'
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
text = pathlib.Path("README.md").read_text()
blocks = re.findall(r"<!-- (run|file: [^ ]+) -->\n```[a-z]*\n(.*?)```\n", text, re.S)
runs = files = 0
for marker, body in blocks:
    if marker == "run":
        runs += 1
        (work / f"block{runs}.sh").write_text(body)
    else:
        path = marker[len("file: "):]
        if pathlib.Path(path).read_text() != body:
            sys.exit(f"README.md: the block marked {path} is not that file; copy the file into the README")
        files += 1
if runs < 2 or files < 3:
    sys.exit(f"README.md: expected the Python and C run blocks and three programs, found {runs} and {files}")
print(f"readme: {files} program blocks match their files")
PY
for block in "$work"/block*.sh; do
  printf '== README block:\n%s' "$(cat "$block")"; echo
  mkdir -p "$work/home"
  HOME=$work/home bash -euo pipefail "$block"
done
echo "readme: every block ran"
