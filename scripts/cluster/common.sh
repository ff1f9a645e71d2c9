# Shared by the scripts in scripts/cluster/ (sourced, not run).
# The services run as private instances under one directory DIR, started as root without systemd:
#   DIR/pg/            PostgreSQL data directory (owned by the postgres user when run as root; its socket lives there too)
#   DIR/redis/         Redis append-only file and log
#   DIR/postgres.pid   DIR/redis.pid   the servers' process ids
#   DIR/services.env   the connection strings (sourced by start-silos.sh)
#   DIR/silos/         silo logs and pids (start-silos.sh)

nas_abs_dir() { mkdir -p "$1" && (cd "$1" && pwd); }

# The newest PostgreSQL server binaries (Debian puts them in /usr/lib/postgresql/VERSION/bin), or $NAS_PG_BIN.
nas_pg_bin() {
    if [ -n "${NAS_PG_BIN:-}" ]; then echo "$NAS_PG_BIN"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$found" ] && command -v pg_ctl >/dev/null; then found=$(dirname "$(command -v pg_ctl)"); fi
    echo "$found"
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root), else as ourselves.
nas_as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# PostgreSQL's own pid file (DIR/pg/postmaster.pid) is the truth after a restart (pg_ctl restart changes the pid):
# copies its pid into DIR/postgres.pid when it names a live process.
nas_pg_refresh_pid() {
    local own="$1/pg/postmaster.pid"
    if [ -s "$own" ] && kill -0 "$(head -1 "$own")" 2>/dev/null; then head -1 "$own" >"$1/postgres.pid"; fi
}

# Whether the pid in file $1 is a live process.
nas_pid_alive() { [ -s "$1" ] && kill -0 "$(head -1 "$1")" 2>/dev/null; }

# Sends signal $2 to the pid in file $1 and waits up to $3 seconds for it to exit; removes the file.
nas_stop_pid() {
    local file=$1 signal=$2 wait_s=${3:-30} pid
    if ! nas_pid_alive "$file"; then rm -f "$file"; return 1; fi
    pid=$(head -1 "$file")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait_s * 10))); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$file"; return 0; }
        sleep 0.1
    done
    echo "process $pid ($file) did not stop within ${wait_s}s; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
}
