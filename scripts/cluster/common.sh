# Shared by the scripts in scripts/cluster/ (sourced, not run).
# The services run as private instances under one directory DIR, started as root without systemd:
#   DIR/pg/            PostgreSQL data directory (owned by the postgres user when run as root; its socket lives there too)
#   DIR/redis/         Redis append-only file and log
#   DIR/postgres.pid   DIR/redis.pid   the servers' process ids
#   DIR/secrets/       generated passwords, one per file (mode 0600, directory 0700), kept across restarts:
#                      pg-superuser-password (the postgres superuser, for administration only), pg-password (the
#                      product's role nas: no superuser, owner of database nas), redis-password (Redis requirepass),
#                      pg-connection and redis-connection (the connection strings, for `nas ... --postgres
#                      @DIR/secrets/pg-connection`), pgpass (the superuser's, for psql)
#   DIR/services.env   the connection strings with their passwords (mode 0600; sourced by start-silos.sh, which passes
#                      them to the silos by environment, never on a command line)
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

# Prints the secret in file $1, creating it first (24 random bytes as 48 hex digits, mode 0600) when it is missing or
# empty. Hex needs no quoting in a connection string, a config file or SQL.
nas_secret() {
    local file=$1
    if [ ! -s "$file" ]; then
        mkdir -p "$(dirname "$file")"
        chmod 700 "$(dirname "$file")"
        if command -v openssl >/dev/null; then
            (umask 077 && openssl rand -hex 24 >"$file.new")
        else
            (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file.new" && echo >>"$file.new")
        fi
        mv "$file.new" "$file"
    fi
    chmod 600 "$file"
    tr -d '\n' <"$file"
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root), else as ourselves.
nas_as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# PostgreSQL's own pid file (DIR/pg/postmaster.pid) is the truth after a restart (pg_ctl restart changes the pid):
# copies its pid into DIR/postgres.pid when it names a live process.
nas_pg_refresh_pid() {
    local own="$1/pg/postmaster.pid"
    if [ -s "$own" ] && kill -0 "$(head -1 "$own")" 2>/dev/null; then nas_record_pid "$(head -1 "$own")" "$1/postgres.pid"; fi
}

# Pid files hold the pid on line 1 and, when the scripts wrote them, the process's start time on line 2 (clock ticks
# after boot, field 22 of /proc/PID/stat), so that a pid the kernel reused for another program is not taken for ours.

# The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): the state first.
nas_proc_stat() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; echo "${s##*) }"; }

# The start time of process $1 (empty without /proc).
nas_pid_start() {
    local f
    f=$(nas_proc_stat "$1") || return 0
    set -- $f
    echo "${20}"
}

# Writes pid $1 and its start time into pid file $2.
nas_record_pid() {
    local start
    start=$(nas_pid_start "$1")
    if [ -n "$start" ]; then printf '%s\n%s\n' "$1" "$start" >"$2"; else printf '%s\n' "$1" >"$2"; fi
}

# What became of the process in pid file $1: "running"; "exiting" (killed, in its last exit steps, where it may still
# hold its ports and still answers kill -0); or "gone": no such process, a zombie its parent has not reaped (state Z
# or X in /proc/PID/stat: it also answers kill -0), or the pid now names another process (its start time is not the
# one saved in the file). Without /proc, kill -0 decides between running and gone.
nas_pid_state() {
    local file=$1 pid saved f
    [ -s "$file" ] || { echo gone; return; }
    pid=$(head -1 "$file")
    saved=$(sed -n 2p "$file")
    case "$pid" in '' | *[!0-9]*) echo gone; return ;; esac
    if [ ! -r /proc/self/stat ]; then
        if kill -0 "$pid" 2>/dev/null; then echo running; else echo gone; fi
        return
    fi
    f=$(nas_proc_stat "$pid") || { echo gone; return; }
    set -- $f
    case "$1" in Z | X | x) echo gone; return ;; esac
    if [ -n "$saved" ] && [ "${20}" != "$saved" ]; then echo gone; return; fi
    # PF_EXITING (0x4) in the flags (field 9), or a SIGKILL (bit 0x100) pending for the process or its thread.
    if [ $(($7 & 4)) -ne 0 ] || grep -Eqi '^(SigPnd|ShdPnd):[[:space:]]*[0-9a-f]*[13579bdf][0-9a-f]{2}$' "/proc/$pid/status" 2>/dev/null; then
        echo exiting
        return
    fi
    echo running
}

# Whether the pid in file $1 is a live process (not a zombie, not one being killed, not a reused pid).
nas_pid_alive() { [ "$(nas_pid_state "$1")" = running ]; }

# Waits up to $2 seconds (default 10) while the process in pid file $1 is exiting (a SIGKILL just sent to it); fails
# when it is still exiting then. Call it before nas_pid_alive when starting a process again.
nas_pid_wait_exit() {
    local file=$1 wait_s=${2:-10}
    for _ in $(seq 1 $((wait_s * 10))); do
        [ "$(nas_pid_state "$file")" = exiting ] || return 0
        sleep 0.1
    done
    echo "process $(head -1 "$file") ($file) is still exiting after ${wait_s}s" >&2
    return 1
}

# Sends signal $2 to the pid in file $1 and waits up to $3 seconds for it to exit; removes the file.
nas_stop_pid() {
    local file=$1 signal=$2 wait_s=${3:-30} pid
    if [ "$(nas_pid_state "$file")" = gone ]; then rm -f "$file"; return 1; fi
    pid=$(head -1 "$file")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait_s * 10))); do
        [ "$(nas_pid_state "$file")" = gone ] && { rm -f "$file"; return 0; }
        sleep 0.1
    done
    echo "process $pid ($file) did not stop within ${wait_s}s; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
}
