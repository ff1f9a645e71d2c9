#!/usr/bin/env bash
# Starts N control silos (nas-silo) and M trainer silos (nas-trainer) as background processes on this machine, over
# the PostgreSQL store and Redis clustering that start-services.sh DIR started (their connection strings, with
# passwords, are read from DIR/services.env and given to the silos by environment, never on their command lines). Every silo advertises 127.0.0.1 and its own ports:
#   control silo i: silo port 11111+i, gateway port 30000+i   (clients connect to the gateways)
#   trainer silo j: silo port 11211+j, no gateway
# Pids go to DIR/silos/NAME.pid, logs to DIR/silos/NAME.log (NAME: control-i, trainer-j). A silo whose pid is alive
# is left alone; one just killed (a zombie, or still exiting) is waited for and started again. Builds the hosts (Release) when their dlls are missing.
#
# Usage: scripts/cluster/start-silos.sh DIR N M [extra configuration arguments for every silo, e.g. --Nas:Silo:TrainerSlots=2]
#   NAS_BUILD_CONFIG           Release (default) or Debug: which build to run
#   NAS_SILO_PORT_BASE         first control silo port (default 11111; trainers start 100 above)
#   NAS_GATEWAY_PORT_BASE      first gateway port (default 30000)
#   NAS_CLUSTER_ID             cluster and service id (default nas)
#   NAS_FAST_FAILURE_DETECTION true (default) or false: the tuned membership timings (DESIGN.md)
#   NAS_TLS_DIR                what scripts/cluster/make-certs.sh DIR made: mutual TLS between silos and from clients
#   NAS_HTTP_PORT_BASE         when set, each silo serves /healthz, /readyz and /metrics on 127.0.0.1 (control i on
#                              BASE+i, with the Orleans Dashboard at /dashboard; trainer j on BASE+100+j)
# Stop with stop-silos.sh DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
root=$(cd "$here/../.." && pwd)

[ $# -ge 3 ] || { echo "usage: $0 DIR N M [extra args]" >&2; exit 2; }
dir=$(nas_abs_dir "$1"); controls=$2; trainers=$3; shift 3
[ -f "$dir/services.env" ] || { echo "$dir/services.env not found: run scripts/cluster/start-services.sh $dir first" >&2; exit 1; }
. "$dir/services.env"
config=${NAS_BUILD_CONFIG:-Release}
silo_base=${NAS_SILO_PORT_BASE:-11111}
gateway_base=${NAS_GATEWAY_PORT_BASE:-30000}
cluster_id=${NAS_CLUSTER_ID:-nas}
silo_dll="$root/src/Silo/bin/$config/net10.0/nas-silo.dll"
trainer_dll="$root/src/TrainerHost/bin/$config/net10.0/nas-trainer.dll"
if [ ! -f "$silo_dll" ] || [ ! -f "$trainer_dll" ]; then
    echo "Building the silo hosts ($config)..."
    dotnet build "$root/src/Silo/Silo.csproj" -c "$config" -nologo -v quiet >/dev/null
    dotnet build "$root/src/TrainerHost/TrainerHost.csproj" -c "$config" -nologo -v quiet >/dev/null
fi
mkdir -p "$dir/silos"
# The cluster key (mode 0600, kept across restarts): silos refuse grain calls without it, so reaching a gateway is not
# enough to read or change studies; trusted clients (nas --gateway, nas chaos) read it through NAS_CLUSTER_KEY_FILE.
key_file="$dir/secrets/cluster.key"
nas_secret "$key_file" >/dev/null

common=(
    --Nas:Cluster:Clustering=Redis
    "--Nas:Cluster:ClusterId=$cluster_id" "--Nas:Cluster:ServiceId=$cluster_id"
    "--Nas:Cluster:FastFailureDetection=${NAS_FAST_FAILURE_DETECTION:-true}"
    --Nas:Silo:Store=Postgres
    "--Nas:Cluster:KeyFile=$key_file"
)
# TLS between the silos and from clients when NAS_TLS_DIR names what make-certs.sh DIR made (silo.crt, silo.key, ca.crt).
tls_env=()
if [ -n "${NAS_TLS_DIR:-}" ]; then
    tls=$(cd "$NAS_TLS_DIR" && pwd)
    for f in silo.crt silo.key ca.crt; do
        [ -r "$tls/$f" ] || { echo "$tls/$f not found: run scripts/cluster/make-certs.sh $tls first" >&2; exit 1; }
    done
    tls_env=(Nas__Cluster__Tls__Enabled=true "Nas__Cluster__Tls__CertificateFile=$tls/silo.crt"
        "Nas__Cluster__Tls__KeyFile=$tls/silo.key" "Nas__Cluster__Tls__CaFile=$tls/ca.crt")
fi
# The connection strings hold passwords: they reach the silos by environment (readable only by their user and root),
# never on a command line (which every local user sees in ps and /proc/PID/cmdline).
for arg in "$@"; do
    case "$arg" in
        *ConnectionString=* | *[Pp]assword=*)
            echo "a connection string or password on the command line ('${arg%%=*}=...') would be visible in ps:" \
                "set it by environment (Nas__Silo__PostgresConnectionString, Nas__Cluster__RedisConnectionString) instead" >&2
            exit 2 ;;
    esac
done

# Waits until the silo in pid file $1 has joined the cluster (its log $2 says "Orleans Silo started."), or exits.
wait_started() {
    local pid_file=$1 log=$2
    for _ in $(seq 1 1200); do
        if grep -q "Orleans Silo started" "$log" 2>/dev/null; then return 0; fi
        if ! nas_pid_alive "$pid_file"; then
            echo "silo $(basename "$pid_file" .pid) exited while starting; last lines of $log:" >&2
            tail -30 "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "silo $(basename "$pid_file" .pid) not started after 120 s; see $log" >&2
    return 1
}

http_base=${NAS_HTTP_PORT_BASE:-}

# start NAME DLL SILO_PORT GATEWAY_PORT HTTP_PORT (0: none) [args]
start() {
    local name=$1 dll=$2 silo_port=$3 gateway_port=$4 http_port=$5 pid_file="$dir/silos/$1.pid" log="$dir/silos/$1.log"
    shift 5
    local http=()
    if [ "$http_port" -ne 0 ]; then
        http=("--Nas:Silo:HttpPort=$http_port" --Nas:Silo:HttpAddress=127.0.0.1)
        if [ "$gateway_port" -ne 0 ]; then http+=(--Nas:Silo:Dashboard=true); fi
    fi
    nas_pid_wait_exit "$pid_file" 10 || return 1 # a silo just killed: its ports are free once it is gone
    if nas_pid_alive "$pid_file"; then
        echo "$name already running (pid $(head -1 "$pid_file"))"
        return 0
    fi
    (cd "$root" && export Nas__Silo__PostgresConnectionString="$NAS_PG_CONNECTION" \
        Nas__Cluster__RedisConnectionString="$NAS_REDIS_CONNECTION" && for v in "${tls_env[@]}"; do export "$v"; done \
        && exec nohup dotnet "$dll" "${common[@]}" \
        "--Nas:Cluster:SiloPort=$silo_port" "--Nas:Cluster:GatewayPort=$gateway_port" "${http[@]}" "$@" >"$log" 2>&1 </dev/null) &
    nas_record_pid $! "$pid_file"
    wait_started "$pid_file" "$log"
    if [ "$http_port" -ne 0 ]; then echo "$name serves http://127.0.0.1:$http_port/healthz, /readyz, /metrics"; fi
    if [ "$gateway_port" -ne 0 ]; then
        echo "$name started (pid $(head -1 "$pid_file"), silo port $silo_port, gateway 127.0.0.1:$gateway_port, log $log)"
    else
        echo "$name started (pid $(head -1 "$pid_file"), silo port $silo_port, no gateway, log $log)"
    fi
}

gateways=()
for i in $(seq 0 $((controls - 1))); do
    start "control-$i" "$silo_dll" $((silo_base + i)) $((gateway_base + i)) $([ -n "$http_base" ] && echo $((http_base + i)) || echo 0) "$@"
    gateways+=("127.0.0.1:$((gateway_base + i))")
done
for j in $(seq 0 $((trainers - 1))); do
    start "trainer-$j" "$trainer_dll" $((silo_base + 100 + j)) 0 $([ -n "$http_base" ] && echo $((http_base + 100 + j)) || echo 0) "$@"
done
if [ ${#gateways[@]} -gt 0 ]; then
    list=$(IFS=,; echo "${gateways[*]}")
    echo "Gateways: $list"
    if [ -n "${NAS_TLS_DIR:-}" ]; then
        echo "Client:   NAS_CLUSTER_ID=$cluster_id NAS_SERVICE_ID=$cluster_id NAS_CLUSTER_KEY_FILE=$key_file NAS_TLS_CERT=$tls/client.crt NAS_TLS_KEY=$tls/client.key NAS_TLS_CA=$tls/ca.crt dotnet run --project src/Client -- <command> --gateway $list"
    else
        echo "Client:   NAS_CLUSTER_ID=$cluster_id NAS_SERVICE_ID=$cluster_id NAS_CLUSTER_KEY_FILE=$key_file dotnet run --project src/Client -- <command> --gateway $list"
    fi
fi
