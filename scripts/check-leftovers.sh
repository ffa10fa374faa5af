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

self=$$

parent() { awk '/^PPid:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# Whether $1 is this script, one of its ancestors (make, the shell that runs the
# tests) or one of its own short-lived children (its pipelines carry the mark too).
related() {
  local pid=$1 up
  up=$self
  while [ -n "$up" ] && [ "$up" -gt 1 ]; do
    [ "$up" = "$pid" ] && return 0
    up=$(parent "$up")
  done
  up=$pid
  while [ -n "$up" ] && [ "$up" -gt 1 ]; do
    [ "$up" = "$self" ] && return 0
    up=$(parent "$up")
  done
  return 1
}

leftovers() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    # A zombie or a process that just ended has no environment left to read.
    { tr '\0' '\n' <"$dir/environ" | grep -qxF "$mark"; } 2>/dev/null || continue
    related "$pid" || echo "$pid"
  done
}

for _ in $(seq 1 20); do
  left=$(leftovers)
  [ -z "$left" ] && { echo "leftovers: no process of this test run is still running"; exit 0; }
  sleep 0.5
done
echo "leftovers: these processes of this test run outlived it; ending them:" >&2
for pid in $left; do
  printf '  %s %s\n' "$pid" "$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-200)" >&2
done
kill -9 $left 2>/dev/null
exit 1
