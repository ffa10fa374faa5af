#!/usr/bin/env bash
# Stops a server started by scripts/pg-start.sh and removes its directory.
#
#   scripts/pg-stop.sh [DIR]    # DIR defaults to $HONE_PG_DIR
#
# Safe to call from an EXIT trap whatever state the server is in: a directory
# that pg-start.sh did not create is left alone.
set -euo pipefail

dir=${1:-${HONE_PG_DIR:-}}
if [ -z "$dir" ]; then echo "pg-stop: no directory given and HONE_PG_DIR is unset" >&2; exit 1; fi
if [ ! -d "$dir" ]; then exit 0; fi
if [ ! -f "$dir/.hone-postgres" ]; then
  echo "pg-stop: $dir was not made by pg-start.sh; leaving it alone" >&2
  exit 1
fi

if [ -f "$dir/data/postmaster.pid" ] && [ -f "$dir/bin" ]; then
  bin=$(cat "$dir/bin")
  owner=$(stat -c %U "$dir/data")
  if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then
    runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
fi
rm -rf "$dir"
