#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, in a folder of its own (packaging/test.sh starts one for a run).
#
#   bash packaging/pgtest.sh start DIR     makes DIR, initdb, starts the server on a free port of 127.0.0.1 and
#                                          prints its URL: postgresql://postgres@127.0.0.1:PORT/postgres
#   bash packaging/pgtest.sh restart DIR   restarts it (fast shutdown) on the same port; prints the URL again
#   bash packaging/pgtest.sh stop DIR      stops it and removes DIR (nothing to do when DIR is gone)
#
# Only the URL goes to stdout; progress and errors go to stderr. As root the server runs as the `postgres` user
# (initdb and pg_ctl refuse root). Debian's packaged cluster (pg_lsclusters) is never touched. Authentication is
# `trust` for the socket and for the `postgres` user; any other login (a project member, tst_roles) needs its password
# over TCP (scram-sha-256), so a test can show that a password matters. The server listens on 127.0.0.1 and a socket
# in DIR only: it is for tests, never for data.
set -euo pipefail
bin=${NSFW_PG_BIN:-/usr/lib/postgresql/15/bin}
marker=.nsfw-pgtest # written by start: stop removes only a folder that has it

die() {
  echo "pgtest: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|restart|stop DIR" >&2
  exit 2
}

# Runs a PostgreSQL program as the user that owns the server: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A TCP port of 127.0.0.1 that nothing listens on now: the kernel's choice for port 0, or else random tries.
free_port() {
  local py port
  for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null 2>&1 &&
      port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
        2>/dev/null) && [[ $port =~ ^[0-9]+$ ]]; then
      echo "$port"
      return
    fi
  done
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

url() {
  echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
}

# pg_ctl's -o string: the socket in DIR, the port, loopback only; fsync on, so a benchmark measures real commits.
server_options() {
  echo "-k $dir -p $1 -c listen_addresses=127.0.0.1 -c fsync=on"
}

log_tail() {
  echo "---- last lines of $dir/log ----" >&2
  tail -n 30 "$dir/log" >&2 2>/dev/null || echo "(no log)" >&2
  echo "----" >&2
}

start() {
  if [[ -e $dir ]]; then
    [[ -d $dir && -z $(ls -A "$dir") ]] || die "$dir exists and is not an empty folder: give a fresh one"
  fi
  mkdir -p "$dir"
  touch "$dir/$marker" # first, so that `stop DIR` cleans up whatever fails below
  [[ -x $bin/initdb && -x $bin/pg_ctl ]] ||
    die "PostgreSQL 15 is not installed ($bin/initdb missing): run packaging/setup.sh (Debian package postgresql)"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "there is no user 'postgres' to run the server as (initdb refuses root)"
    chown postgres: "$dir"
    as_owner test -w "$dir" ||
      die "the user postgres cannot write to $dir (a parent folder closed to it?): use a folder under /tmp"
  fi

  local begun=$SECONDS
  # C locale: the same byte order as SQLite's default collation, whatever the machine's locale. --no-sync: a
  # throwaway cluster need not survive a power cut (the server itself still runs with fsync on).
  if ! as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed in $dir/data"
  fi

  # Every other login proves itself with its password over TCP (written after initdb, read when the server starts).
  cat >"$dir/data/pg_hba.conf" <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all postgres ::1/128 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
HBA

  local attempt port
  for attempt in 1 2 3; do
    port=$(free_port) || die "found no free TCP port on 127.0.0.1"
    echo "$port" >"$dir/port"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -o "$(server_options "$port")" -l "$dir/log" -w -t 60 start \
      >/dev/null; then
      echo "pgtest: PostgreSQL started on 127.0.0.1:$port in $((SECONDS - begun)) s (folder $dir)" >&2
      url
      return
    fi
    # Another program took the port between our look and the server's bind: try another one.
    grep -qE 'could not bind|Address already in use' "$dir/log" 2>/dev/null || break
    echo "pgtest: port $port was taken meanwhile; trying another" >&2
  done
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  log_tail
  die "the PostgreSQL server did not start in $dir (see the log above)"
}

restart() {
  [[ -f $dir/$marker && -f $dir/port ]] || die "$dir holds no server started by '$0 start'"
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -o "$(server_options "$(cat "$dir/port")")" -l "$dir/log" \
    -m fast -w -t 60 restart >/dev/null; then
    log_tail
    die "the PostgreSQL server in $dir did not restart"
  fi
  url
}

stop() {
  [[ -e $dir ]] || return 0
  [[ -f $dir/$marker ]] || die "$dir was not made by '$0 start': not removing it"
  if [[ -f $dir/data/postmaster.pid ]]; then
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      echo "pgtest: fast shutdown failed; stopping immediately" >&2
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    # Still there (pg_ctl could not even signal it): end our own postmaster by the pid it wrote.
    local pid
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]]; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

(($# == 2)) || usage
[[ -n $2 ]] || usage
dir=$(realpath -m "$2")
# pg_ctl hands -o to a shell, and a Unix socket path has at most 107 bytes.
[[ $dir =~ ^[A-Za-z0-9_./-]+$ ]] || die "DIR may hold only letters, digits and _ . / - ($dir)"
((${#dir} <= 80)) || die "DIR is too long for the server's socket path ($dir): use a short one such as under /tmp"
cd / # the server user may not enter our working directory

case "$1" in
  start) start ;;
  restart) restart ;;
  stop) stop ;;
  *) usage ;;
esac
