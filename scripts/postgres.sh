#!/usr/bin/env bash
# A private PostgreSQL 15 for habar: tests, benchmarks and a single-machine setup (docs/scaling.md).
#
#   scripts/postgres.sh install              install Debian's postgresql-15 and postgresql-15-rum when missing
#   scripts/postgres.sh start DIR PORT       initdb in DIR/data on first use, start (unless running); prints the URL
#   scripts/postgres.sh stop DIR [MODE]      stop the server whose PID file is DIR/data/postmaster.pid
#                                            (MODE: fast by default; immediate simulates a crash)
#   scripts/postgres.sh url DIR              the URL of a started server
#
# The server listens on 127.0.0.1 only (and on a Unix socket inside DIR), trusts local connections and has one
# database, habar, owned by the user habar: a disposable server for one user. For shared use, run a real server.
# synchronous_commit is off: a crash may lose the last fraction of a second of commits, never consistency, and an
# ingest re-run writes them again. PG_FSYNC=off (tests only) skips fsync altogether, at `start` of a new DIR.
set -euo pipefail

PG_VERSION=${PG_VERSION:-15}
BIN=/usr/lib/postgresql/$PG_VERSION/bin
RUM_CONTROL=/usr/share/postgresql/$PG_VERSION/extension/rum.control

die() { echo "postgres.sh: $*" >&2; exit 2; }

as_owner() {
    # initdb and postgres refuse to run as root: as root, run them as the postgres user Debian creates
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install() {
    if [ -x "$BIN/initdb" ] && [ -f "$RUM_CONTROL" ]; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "postgresql-$PG_VERSION is missing; run as root or install sudo, then re-run"
        sudo=sudo
    fi
    local pkgs="postgresql-$PG_VERSION postgresql-$PG_VERSION-rum"
    # the packages' own cluster is not used: every server here lives in a directory given to `start`
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pkgs \
        || { $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pkgs; } \
        || die "apt-get could not install $pkgs; install them (or PostgreSQL $PG_VERSION with RUM) by hand"
}

start() {
    local dir=$1 port=$2
    [ -x "$BIN/initdb" ] || die "$BIN/initdb is missing; run 'scripts/postgres.sh install' first"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local data=$dir/data
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$dir"
        chmod 700 "$dir"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        as_owner "$BIN/initdb" -D "$data" -U habar -E UTF8 --locale=C.UTF-8 --auth=trust >"$dir/initdb.log" 2>&1 \
            || die "initdb failed in $data; see $dir/initdb.log"
        cat >>"$data/postgresql.conf" <<EOF
# habar: loopback only, the socket inside this directory, small and fast (a disposable server)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = ${PG_FSYNC:-on}
synchronous_commit = off
shared_buffers = 256MB
maintenance_work_mem = 512MB  # a load that deferred the lemma index builds it in one pass
max_connections = 60
EOF
    fi
    if [ -f "$dir/port" ] && as_owner "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        url "$dir"  # already running (a run that was killed before it could stop it): resume on it
        return 0
    fi
    sed -i "s/^port = .*/port = $port/" "$data/postgresql.conf"
    as_owner "$BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || die "the server did not start; see $dir/server.log"
    if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$port" -U habar -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = 'habar'" | grep -q 1; then
        as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U habar habar
    fi
    echo "$port" >"$dir/port"
    url "$dir"
}

stop() {
    local dir=$1 mode=${2:-fast}
    local data
    data=$(cd "$dir" && pwd)/data
    [ -f "$data/postmaster.pid" ] || { echo "postgres.sh: no server running in $data" >&2; return 0; }
    as_owner "$BIN/pg_ctl" -D "$data" -m "$mode" -w -t 60 stop >/dev/null \
        || die "pg_ctl could not stop the server in $data (PID $(head -1 "$data/postmaster.pid"))"
}

url() {
    local dir=$1
    [ -f "$dir/port" ] || die "$dir has no started server; run 'scripts/postgres.sh start $dir PORT'"
    echo "postgresql://habar@127.0.0.1:$(cat "$dir/port")/habar"
}

case "${1:-}" in
    install) install ;;
    start) [ $# -eq 3 ] || die "usage: postgres.sh start DIR PORT"; install; start "$2" "$3" ;;
    stop) [ $# -ge 2 ] || die "usage: postgres.sh stop DIR [fast|immediate|smart]"; stop "$2" "${3:-fast}" ;;
    url) [ $# -eq 2 ] || die "usage: postgres.sh url DIR"; url "$2" ;;
    *) die "usage: postgres.sh install | start DIR PORT | stop DIR [MODE] | url DIR" ;;
esac
