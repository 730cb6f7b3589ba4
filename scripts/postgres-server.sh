#!/usr/bin/env bash
# A throwaway PostgreSQL for castform's tests: initdb + pg_ctl in a directory of its own,
# listening on 127.0.0.1 on a free port, with password authentication.
#
#   url=$(scripts/postgres-server.sh start DIR)   # prints postgres://castform:PASSWORD@127.0.0.1:PORT/postgres
#   scripts/postgres-server.sh stop DIR           # stops it (DIR can then be removed)
#
# PostgreSQL refuses to run as root: when this script runs as root, the server runs as the
# `postgres` user (runuser -u postgres --), which owns DIR. initdb and pg_ctl are looked for
# on PATH and in /usr/lib/postgresql/*/bin; as root with apt-get, Debian's postgresql
# package is installed when they are missing.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z $command || -z $dir ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

find_tool() {
  local tool=$1 candidate
  if command -v "$tool" >/dev/null; then command -v "$tool"; return; fi
  for candidate in /usr/lib/postgresql/*/bin/"$tool"; do
    if [[ -x $candidate ]]; then echo "$candidate"; return; fi
  done
  return 1
}

as_server_user() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! find_tool pg_ctl >/dev/null || ! find_tool initdb >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "postgres-server.sh: installing postgresql" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "postgres-server.sh: initdb/pg_ctl not found: install PostgreSQL (sudo apt-get install postgresql)" >&2
    exit 1
  fi
fi
initdb=$(find_tool initdb)
pg_ctl=$(find_tool pg_ctl)

case $command in
start)
  mkdir -p "$dir"
  if [[ $(id -u) == 0 ]]; then chown postgres: "$dir"; fi
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  if [[ $(id -u) == 0 ]]; then chown postgres: "$dir/pwfile"; fi
  chmod 600 "$dir/pwfile"
  as_server_user "$initdb" -D "$dir/data" -U castform --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # A free port: ask the kernel for one, then let PostgreSQL take it (retried if taken meanwhile).
  for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
      echo $((20000 + RANDOM % 20000)))
    if as_server_user "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=on" start >/dev/null; then
      echo "$port" >"$dir/port"
      echo "postgres://castform:$password@127.0.0.1:$port/postgres"
      exit 0
    fi
  done
  echo "postgres-server.sh: the server did not start; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
  ;;
stop)
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_server_user "$pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ||
      as_server_user "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  fi
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
