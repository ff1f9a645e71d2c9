#!/usr/bin/env bash
# Starts a private PostgreSQL (trial store and grain state) and Redis (Orleans clustering and reminders) for a local
# NasOrleans cluster, both listening on 127.0.0.1 only, with their data under DIR. Idempotent: a service already
# running is left alone. Works as root without systemd (PostgreSQL then runs as the postgres user and Redis as the
# redis user, or nobody, so DIR must be reachable by them, e.g. under /tmp).
#
# Secure by default: passwords are generated into DIR/secrets/ (mode 0600, kept across restarts); PostgreSQL takes
# only TCP connections on 127.0.0.1 with SCRAM-SHA-256 passwords (no trust, no Unix socket), and the product connects
# as the role nas, which is no superuser (so no COPY ... FROM PROGRAM) and owns the database nas; Redis requires its
# password (requirepass, in a config file of mode 0600, not on the command line). No password is put on a command line.
#
# Usage: scripts/cluster/start-services.sh DIR
#   NAS_PG_PORT     PostgreSQL port (default 55432)
#   NAS_REDIS_PORT  Redis port (default 56379)
#   NAS_PG_BIN      directory of initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin)
# Writes the connection strings to DIR/services.env and DIR/secrets/{pg,redis}-connection (mode 0600) and prints them
# without their passwords.
# Stop with stop-services.sh DIR.
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
secrets="$dir/secrets"
pg_admin_password=$(nas_secret "$secrets/pg-superuser-password")
pg_password=$(nas_secret "$secrets/pg-password")
redis_password=$(nas_secret "$secrets/redis-password")

# --- PostgreSQL ---
pg_dir="$dir/pg"
# A data directory of an older start-services.sh trusts every local connection as superuser: refuse it, running or not.
if [ -s "$pg_dir/PG_VERSION" ] && grep -Eq '^[[:space:]]*(local|host)[^#]*[[:space:]](trust|peer|ident)([[:space:]]|$)' "$pg_dir/pg_hba.conf"; then
    echo "$pg_dir was made by an older start-services.sh that trusted every local connection: stop it" \
        "(stop-services.sh $dir) and delete $pg_dir (its trials are lost) to recreate it with passwords" >&2
    exit 1
fi
nas_pg_refresh_pid "$dir"
if nas_pid_alive "$dir/postgres.pid"; then
    echo "PostgreSQL already running (pid $(head -1 "$dir/postgres.pid"))"
    pg_port=$(sed -n 4p "$pg_dir/postmaster.pid" 2>/dev/null || echo "$pg_port")
else
    if [ ! -s "$pg_dir/PG_VERSION" ]; then
        mkdir -p "$pg_dir"
        pwfile="$dir/.pg-initdb-password"
        (umask 077 && printf '%s\n' "$pg_admin_password" >"$pwfile")
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres:postgres "$pg_dir" "$pwfile"
            chmod 700 "$pg_dir"
            runuser -u postgres -- test -x "$dir" || {
                rm -f "$pwfile"; echo "the postgres user cannot reach $dir: choose a directory it can enter (e.g. under /tmp)" >&2; exit 1; }
        fi
        nas_as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" --encoding=UTF8 \
            >"$dir/initdb.log" 2>&1 || { rm -f "$pwfile"; cat "$dir/initdb.log" >&2; exit 1; }
        rm -f "$pwfile"
        # TCP on loopback only, SCRAM passwords only: no trust, no peer, no Unix-socket logins.
        nas_as_pg tee "$pg_dir/pg_hba.conf" >/dev/null <<'HBA'
# Written by scripts/cluster/start-services.sh: TCP connections from this machine only, every one with a SCRAM password.
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
HBA
    fi
    nas_as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c password_encryption=scram-sha-256" start >/dev/null \
        || { tail -20 "$pg_dir/server.log" >&2; exit 1; }
    nas_record_pid "$(head -1 "$pg_dir/postmaster.pid")" "$dir/postgres.pid"
    echo "PostgreSQL started (pid $(head -1 "$dir/postgres.pid"), port $pg_port, data $pg_dir)"
fi
psql_bin="$pg_bin/psql"; [ -x "$psql_bin" ] || psql_bin=psql
# The superuser's password reaches psql through a password file (mode 0600), never argv or the environment.
(umask 077 && printf '127.0.0.1:%s:*:postgres:%s\n' "$pg_port" "$pg_admin_password" >"$secrets/pgpass")
admin() { PGPASSFILE="$secrets/pgpass" "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
# The role nas: the product's login, no superuser (COPY ... FROM PROGRAM, reading server files, creating roles or
# databases are refused), owner of the database nas. SQL on standard input, so the password is on no command line.
admin >/dev/null <<SQL
SELECT 'CREATE ROLE nas LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nas') \gexec
ALTER ROLE nas WITH LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS PASSWORD '$pg_password';
SELECT 'CREATE DATABASE nas OWNER nas' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'nas') \gexec
ALTER DATABASE nas OWNER TO nas;
REVOKE ALL ON DATABASE nas FROM PUBLIC;
REVOKE ALL ON DATABASE postgres FROM PUBLIC;
SQL

# --- Redis ---
redis_dir="$dir/redis"
redis_user=""
if [ "$(id -u)" -eq 0 ]; then
    if id redis >/dev/null 2>&1; then redis_user=redis; else redis_user=nobody; fi
fi
as_redis() { if [ -n "$redis_user" ]; then runuser -u "$redis_user" -- "$@"; else "$@"; fi; }
if nas_pid_alive "$dir/redis.pid"; then
    echo "Redis already running (pid $(head -1 "$dir/redis.pid"))"
else
    (umask 077 && mkdir -p "$redis_dir")
    chmod 700 "$redis_dir"
    conf="$redis_dir/redis.conf"
    (umask 077 && cat >"$conf" <<CONF
# Written by scripts/cluster/start-services.sh (mode 0600: it holds the password).
bind 127.0.0.1
port $redis_port
protected-mode yes
requirepass $redis_password
appendonly yes
dir $redis_dir
daemonize yes
pidfile $redis_dir/redis-server.pid
logfile $redis_dir/redis.log
enable-protected-configs no
enable-debug-command no
enable-module-command no
CONF
    )
    rm -f "$redis_dir/redis-server.pid"
    if [ -n "$redis_user" ]; then
        chown -R "$redis_user:" "$redis_dir"
        as_redis test -x "$dir" || {
            echo "the $redis_user user cannot reach $dir: choose a directory it can enter (e.g. under /tmp)" >&2; exit 1; }
    fi
    as_redis redis-server "$conf"
    ping() { REDISCLI_AUTH="$redis_password" redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null; }
    for _ in $(seq 1 100); do
        [ "$(ping)" = "PONG" ] && [ -s "$redis_dir/redis-server.pid" ] && break
        sleep 0.1
    done
    [ "$(ping)" = "PONG" ] && [ -s "$redis_dir/redis-server.pid" ] || { tail -20 "$redis_dir/redis.log" >&2; exit 1; }
    nas_record_pid "$(head -1 "$redis_dir/redis-server.pid")" "$dir/redis.pid"
    echo "Redis started (pid $(head -1 "$dir/redis.pid"), port $redis_port, data $redis_dir${redis_user:+, user $redis_user})"
fi

pg_connection="Host=127.0.0.1;Port=$pg_port;Database=nas;Username=nas"
redis_connection="127.0.0.1:$redis_port"
(umask 077 && cat >"$dir/services.env.new" <<ENV
NAS_PG_CONNECTION='$pg_connection;Password=$pg_password'
NAS_REDIS_CONNECTION='$redis_connection,password=$redis_password'
ENV
)
mv "$dir/services.env.new" "$dir/services.env"
# The bare connection strings too, for `nas ... --postgres @DIR/secrets/pg-connection` (nothing on the command line).
(umask 077 && printf '%s\n' "$pg_connection;Password=$pg_password" >"$secrets/pg-connection" \
    && printf '%s\n' "$redis_connection,password=$redis_password" >"$secrets/redis-connection")
echo "PostgreSQL: $pg_connection;Password=<$secrets/pg-password>"
echo "Redis:      $redis_connection,password=<$secrets/redis-password>"
echo "Connection strings with their passwords: $dir/services.env, $secrets/pg-connection, $secrets/redis-connection (mode 0600)"
