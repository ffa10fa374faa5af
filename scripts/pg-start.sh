#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests and prints shell assignments:
#
#   eval "$(scripts/pg-start.sh)"
#   trap 'scripts/pg-stop.sh "$HONE_PG_DIR"' EXIT
#
# sets HONE_TEST_POSTGRES_URL (postgresql://hone:hone@127.0.0.1:PORT/hone) and
# HONE_PG_DIR, the temporary directory holding the cluster, its socket, its log
# and a copy of the URL in $HONE_PG_DIR/url. Everything else goes to stderr.
#
# The server listens on 127.0.0.1 only, on a free port, with its Unix socket
# inside the temporary directory; TCP logins need the role's password. It runs
# without fsync: it is for tests, never for data worth keeping. PostgreSQL
# refuses to run as root, so as root the server runs as the system user hone-pg,
# created when missing. On a machine without PostgreSQL it is installed through apt.
set -euo pipefail

say() { echo "pg-start: $*" >&2; }

# The server binaries: PostgreSQL 15 (Debian bookworm's), else the newest installed.
find_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
bin=${HONE_PG_BIN:-$(find_bin || true)}
if [ -z "$bin" ]; then
  say "no PostgreSQL server binaries: installing the postgresql package"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  bin=$(find_bin) || { say "apt installed no PostgreSQL server under /usr/lib/postgresql"; exit 1; }
fi

# Run server commands as an unprivileged user when we are root.
if [ "$(id -u)" = 0 ]; then
  runner=hone-pg
  if ! id -u "$runner" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$runner"
  fi
  as_server() { runuser -u "$runner" -- "$@"; }
else
  runner=$(id -un)
  as_server() { "$@"; }
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/hone-postgres.XXXXXX")
touch "$dir/.hone-postgres"   # pg-stop.sh removes only directories carrying this mark
echo "$bin" >"$dir/bin"
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then chown "$runner" "$dir"; fi
fail() { say "$*"; [ -f "$dir/log" ] && tail -n 20 "$dir/log" >&2; bash "$(dirname "$0")/pg-stop.sh" "$dir" >&2 || true; exit 1; }

# Local (socket) logins are trusted so that this script can create the test role;
# the socket lives in $dir, which only the server user can enter.
as_server "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
  || fail "initdb failed: $(tail -n 5 "$dir/initdb.log")"
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 40
deadlock_timeout = 100ms
CONF
as_server mkdir -m 700 "$dir/socket"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 30000))
}

# Another process may take the port between the probe and the bind: try a few.
port=
for _ in 1 2 3 4 5; do
  candidate=$(free_port)
  if as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $candidate" -w -t 30 start >/dev/null 2>&1; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || fail "the server did not start"
echo "$port" >"$dir/port"

as_server "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE hone LOGIN PASSWORD 'hone'" -c "CREATE DATABASE hone OWNER hone" >&2 \
  || fail "could not create the test role and database"

url="postgresql://hone:hone@127.0.0.1:$port/hone"
echo "$url" >"$dir/url"
say "PostgreSQL $("$bin/postgres" -V | sed "s/^postgres (PostgreSQL) //") on 127.0.0.1:$port, data in $dir"
echo "export HONE_TEST_POSTGRES_URL='$url'"
echo "export HONE_PG_DIR='$dir'"
