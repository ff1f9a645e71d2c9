#!/usr/bin/env bash
# Starts a private PostgreSQL (trial store and grain state) and Redis (Orleans clustering and reminders) for a local
# NasOrleans cluster, both listening on 127.0.0.1 only, with their data under DIR. Idempotent: a service already
# running is left alone. Works as root without systemd (PostgreSQL then runs as the postgres user, so DIR must be
# reachable by that user, e.g. under /tmp).
#
# Usage: scripts/cluster/start-services.sh DIR
#   NAS_PG_PORT     PostgreSQL port (default 55432)
#   NAS_REDIS_PORT  Redis port (default 56379)
#   NAS_PG_BIN      directory of initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin)
# Prints the connection strings and writes them to DIR/services.env. Stop with stop-services.sh DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$(nas_abs_dir "$1")
pg_port=${NAS_PG_PORT:-55432}
redis_port=${NAS_REDIS_PORT:-56379}
pg_bin=$(nas_pg_bin)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql, or run scripts/setup.sh)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server, or run scripts/setup.sh)" >&2; exit 1; }

# --- PostgreSQL ---
pg_dir="$dir/pg"
nas_pg_refresh_pid "$dir"
if nas_pid_alive "$dir/postgres.pid"; then
    echo "PostgreSQL already running (pid $(head -1 "$dir/postgres.pid"))"
    pg_port=$(sed -n 4p "$pg_dir/postmaster.pid" 2>/dev/null || echo "$pg_port")
else
    if [ ! -s "$pg_dir/PG_VERSION" ]; then
        mkdir -p "$pg_dir"
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres:postgres "$pg_dir"
            chmod 700 "$pg_dir"
            runuser -u postgres -- test -x "$dir" || {
                echo "the postgres user cannot reach $dir: choose a directory it can enter (e.g. under /tmp)" >&2; exit 1; }
        fi
        nas_as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth=trust --encoding=UTF8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    nas_as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir" start >/dev/null \
        || { tail -20 "$pg_dir/server.log" >&2; exit 1; }
    nas_record_pid "$(head -1 "$pg_dir/postmaster.pid")" "$dir/postgres.pid"
    echo "PostgreSQL started (pid $(head -1 "$dir/postgres.pid"), port $pg_port, data $pg_dir)"
fi
psql_bin="$pg_bin/psql"; [ -x "$psql_bin" ] || psql_bin=psql
if [ "$("$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'nas'")" != "1" ]; then
    "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE nas" >/dev/null
    echo "Created database nas"
fi

# --- Redis ---
redis_dir="$dir/redis"
if nas_pid_alive "$dir/redis.pid"; then
    echo "Redis already running (pid $(head -1 "$dir/redis.pid"))"
else
    mkdir -p "$redis_dir"
    redis-server --port "$redis_port" --bind 127.0.0.1 --appendonly yes --dir "$redis_dir" --daemonize yes \
        --pidfile "$dir/redis.pid" --logfile "$redis_dir/redis.log"
    for _ in $(seq 1 100); do
        [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = "PONG" ] && break
        sleep 0.1
    done
    [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = "PONG" ] || { tail -20 "$redis_dir/redis.log" >&2; exit 1; }
    nas_record_pid "$(head -1 "$dir/redis.pid")" "$dir/redis.pid"
    echo "Redis started (pid $(head -1 "$dir/redis.pid"), port $redis_port, data $redis_dir)"
fi

pg_connection="Host=127.0.0.1;Port=$pg_port;Database=nas;Username=postgres"
redis_connection="127.0.0.1:$redis_port"
cat >"$dir/services.env" <<ENV
NAS_PG_CONNECTION='$pg_connection'
NAS_REDIS_CONNECTION='$redis_connection'
ENV
echo "PostgreSQL: $pg_connection"
echo "Redis:      $redis_connection"
