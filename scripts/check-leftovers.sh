#!/usr/bin/env bash
# Fails when a process started by one `make test` run is still alive, and ends it.
#
#   scripts/check-leftovers.sh RUN_ID
#
# `make test` exports HONE_TEST_RUN=RUN_ID to everything it starts, and every
# child inherits it: servers (PostgreSQL keeps its starter's environment through
# runuser and pg_ctl), worker processes, fuzzers. Any process other than this
# script's own ancestors that still carries the mark outlived its test. Processes
# get a few seconds to finish exiting before they count.
set -uo pipefail
run=${1:?usage: check-leftovers.sh RUN_ID}
mark="HONE_TEST_RUN=$run"

ancestors() {
  local pid=$$
  while [ "$pid" -gt 1 ]; do
    echo "$pid"
    pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || break
    [ -n "$pid" ] || break
  done
}

leftovers() {
  local mine pid
  mine=" $(ancestors | tr '\n' ' ') "
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    case $mine in *" $pid "*) continue ;; esac
    # A zombie has no environment left to read; its parent reaps it.
    if tr '\0' '\n' <"$dir/environ" 2>/dev/null | grep -qxF "$mark"; then echo "$pid"; fi
  done
}

for _ in $(seq 1 20); do
  left=$(leftovers)
  [ -z "$left" ] && { echo "leftovers: no process of this test run is still running"; exit 0; }
  sleep 0.5
done
echo "leftovers: these processes of this test run outlived it; ending them:" >&2
for pid in $left; do
  printf '  %s %s\n' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-200)" >&2
done
kill -9 $left 2>/dev/null
exit 1
