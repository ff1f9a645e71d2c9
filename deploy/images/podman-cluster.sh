#!/usr/bin/env bash
# Runs a NasOrleans cluster from the images on this machine with podman, runs one study through its gateway with the
# nas image, prints the result and tears everything down (--keep leaves it running; --down removes a kept one):
#   nas-pc-net        holds the cluster's private network namespace (every other container joins it, so they reach
#                     each other on 127.0.0.1 as scripts/cluster does, and no port is taken on the host)
#   nas-pc-postgres   nasorleans/dev-postgres (Debian's PostgreSQL 15): trial store and grain state; scram-sha-256,
#                     role nas (no superuser), generated passwords
#   nas-pc-redis      nasorleans/dev-redis (Debian's Redis 7): Orleans clustering and reminders; requirepass
#   nas-pc-control    nasorleans/control-silo: silo port 11111, gateway 30000, HTTP 8080
#   nas-pc-trainer-J  nasorleans/trainer-cpu: silo port 11200+J, HTTP 8080+J, Nas__Silo__TrainerSlots slots
#                     (Fashion-MNIST is in the image; the shared folder and scikit-learn's CSV sets are mounted
#                     read-only when present)
# Silos take everything from Nas__... environment variables; the connection strings are podman secrets of type env
# (never on a command line, so not in ps; root's podman inspect does show them, as it shows any environment). Every
# container runs with --read-only, --cap-drop ALL and no-new-privileges; the silos and the client as uid 10001. The passwords are kept in WORK/secrets
# (0600, root) while the cluster runs.
#
# Usage: deploy/images/podman-cluster.sh [--spec FILE] [--trainers N] [--slots N] [--tag TAG] [--keep] [--down]
#   --spec FILE    the study to run (default examples/fashion-mnist-quick.yaml); its folder is mounted read-only
#   --trainers N   trainer silos (default 2)          --slots N   trainer slots per trainer silo (default 1)
#   --tag TAG      image tag (default dev)            --keep      leave the cluster running after the study
#   --down         only remove the cluster a --keep left (containers, volumes, secrets)
#   NAS_IMAGES_WORK          scratch folder (default /var/tmp/nasorleans-images; WORK/cluster holds logs and secrets)
#   NAS_FASHION_MNIST_DIR    a Fashion-MNIST folder on the host to mount read-only over the images' own copy
#   NAS_SHARED_DIR           the shared data folder (default ../shared beside the repository; mounted read-only as
#                            /shared with Nas__Silo__SharedDirectory=/shared, when it exists)
#   NAS_SKLEARN_DATA         scikit-learn's CSV sets (default ~/.cache/nasorleans/sklearn; mounted when it exists)
#   NAS_PODMAN_GLOBAL, NAS_PODMAN_LIMITS   podman's flags (podman-flags.sh: --runtime runc, ulimits under the hard limits)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/podman-flags.sh"

spec="$root/examples/fashion-mnist-quick.yaml" trainers=2 slots=1 tag=dev keep=0 down=0
while [ $# -gt 0 ]; do
    case "$1" in --spec | --trainers | --slots | --tag) [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; } ;; esac
    case "$1" in
        --spec) spec=$2; shift ;;
        --trainers) trainers=$2; shift ;;
        --slots) slots=$2; shift ;;
        --tag) tag=$2; shift ;;
        --keep) keep=1 ;;
        --down) down=1 ;;
        -h | --help) sed -n '2,29p' "$0"; exit 0 ;;
        *) echo "unknown argument '$1' (see $0 --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$trainers$slots" in *[!0-9]*) echo "--trainers and --slots take whole numbers" >&2; exit 2 ;; esac
[ "$trainers" -ge 1 ] && [ "$slots" -ge 1 ] || { echo "--trainers and --slots must be at least 1" >&2; exit 2; }

work=${NAS_IMAGES_WORK:-/var/tmp/nasorleans-images}/cluster
prefix=nas-pc
# As deploy/k8s runs them: read-only root, no capabilities, no privilege escalation.
run=(nas_podman run $NAS_PODMAN_LIMITS --read-only --cap-drop ALL --security-opt no-new-privileges --network "container:$prefix-net")

teardown() {
    local names ordered=()
    names=$(nas_podman ps -a --format '{{.Names}}' | grep "^$prefix-" || true)
    # Trainers first (they hand back their leases), then the control silo, the databases, and the network holder last
    # (the others live in its namespace).
    for pattern in "^$prefix-trainer-" "^$prefix-control$" "^$prefix-(postgres|redis)$" "^$prefix-net$"; do
        ordered+=($(echo "$names" | grep -E "$pattern" || true))
    done
    for name in "${ordered[@]}"; do
        # sleep, the holder's process 1, ignores SIGTERM: no wait for it.
        if [ "$name" = "$prefix-net" ]; then nas_podman rm -f -t 0 "$name" >/dev/null; else nas_podman rm -f -t 30 "$name" >/dev/null; fi
    done
    for volume in $(nas_podman volume ls --format '{{.Name}}' | grep "^$prefix-" || true); do nas_podman volume rm -f "$volume" >/dev/null; done
    for secret in $(nas_podman secret ls --format '{{.Name}}' | grep "^$prefix-" || true); do nas_podman secret rm "$secret" >/dev/null; done
    rm -rf "$work/secrets"
}

if [ $down -eq 1 ]; then teardown; echo "removed the podman cluster ($prefix-*)"; exit 0; fi
if nas_podman ps -a --format '{{.Names}}' | grep -q "^$prefix-"; then
    echo "a cluster from an earlier run is still there: removing it first (deploy/images/podman-cluster.sh --down)"
    teardown
fi
[ -f "$spec" ] || { echo "spec $spec not found" >&2; exit 1; }
spec=$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")

# --- images ---
for image in control-silo trainer-cpu nas; do
    nas_podman image exists "nasorleans/$image:$tag" || { echo "image nasorleans/$image:$tag missing: run deploy/images/build.sh first" >&2; exit 1; }
done
for service in postgres redis; do
    if ! nas_podman image exists "nasorleans/dev-$service:dev"; then
        "$here/make-base.sh" >/dev/null
        # shellcheck disable=SC2086
        nas_podman build $NAS_PODMAN_LIMITS -q -f "$here/services/$service.Dockerfile" -t "nasorleans/dev-$service:dev" "$here/services" >/dev/null
        echo "built nasorleans/dev-$service:dev"
    fi
done

# --- secrets: generated passwords, kept in files, handed to the containers as podman secrets ---
mkdir -p "$work" && rm -rf "$work/secrets" && mkdir -m 700 "$work/secrets"
password() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
(
    umask 077
    password >"$work/secrets/postgres-superuser-password"
    password >"$work/secrets/postgres-nas-password"
    password >"$work/secrets/redis-password"
    password >"$work/secrets/cluster-key"
    printf 'Host=127.0.0.1;Port=5432;Database=nas;Username=nas;Password=%s' "$(cat "$work/secrets/postgres-nas-password")" >"$work/secrets/postgres-connection"
    printf '127.0.0.1:6379,password=%s,abortConnect=false' "$(cat "$work/secrets/redis-password")" >"$work/secrets/redis-connection"
)
for s in postgres-superuser-password postgres-nas-password redis-password postgres-connection redis-connection; do
    nas_podman secret create "$prefix-$s" "$work/secrets/$s" >/dev/null
done
[ $keep -eq 1 ] || trap 'echo "tearing down..."; teardown' EXIT

# Waits up to $2 seconds until the command "$3..." succeeds, else prints the logs of container $1 and fails.
wait_for() {
    local container=$1 seconds=$2; shift 2
    for _ in $(seq 1 $((seconds * 2))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        if [ "$(nas_podman inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" != true ]; then break; fi
        sleep 0.5
    done
    echo "$container did not become ready; its last lines:" >&2
    nas_podman logs --tail 40 "$container" >&2 || true
    return 1
}
logs_say() { nas_podman logs "$1" 2>&1 | grep -q "$2"; }

started=$(date +%s)
# shellcheck disable=SC2086
nas_podman run -d $NAS_PODMAN_LIMITS --read-only --name "$prefix-net" --entrypoint sleep "nasorleans/dev-redis:dev" infinity >/dev/null

"${run[@]}" -d --name "$prefix-postgres" -v "$prefix-pgdata:/var/lib/postgresql/data" \
    --secret "$prefix-postgres-superuser-password,type=env,target=POSTGRES_PASSWORD" \
    --secret "$prefix-postgres-nas-password,type=env,target=NAS_PASSWORD" "nasorleans/dev-postgres:dev" >/dev/null
"${run[@]}" -d --name "$prefix-redis" -v "$prefix-redisdata:/data" \
    --secret "$prefix-redis-password,type=env,target=REDIS_PASSWORD" "nasorleans/dev-redis:dev" >/dev/null
wait_for "$prefix-postgres" 60 nas_podman exec "$prefix-postgres" /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1
wait_for "$prefix-redis" 30 logs_say "$prefix-redis" "Ready to accept connections"
echo "PostgreSQL and Redis up ($(($(date +%s) - started)) s)"

# The cluster key, a file readable by uid 10001 only: silos refuse grain calls without it, and the nas client sends it.
# A bind mount of a copy owned by 10001: podman cannot mount a secret file into a --read-only container's /run.
install -m 0400 -o 10001 -g 10001 "$work/secrets/cluster-key" "$work/secrets/cluster-key.10001"
cluster_key=(-v "$work/secrets/cluster-key.10001:/etc/nas/cluster-key:ro")
silo_env=(
    --user 10001:10001
    -e Nas__Cluster__Clustering=Redis -e Nas__Cluster__ClusterId=nas -e Nas__Cluster__ServiceId=nas
    -e Nas__Cluster__FastFailureDetection=true -e Nas__Silo__Store=Postgres
    --secret "$prefix-postgres-connection,type=env,target=Nas__Silo__PostgresConnectionString"
    --secret "$prefix-redis-connection,type=env,target=Nas__Cluster__RedisConnectionString"
    "${cluster_key[@]}" -e Nas__Cluster__KeyFile=/etc/nas/cluster-key
)
# The datasets, read-only: the trainers read them, and the control silo checks a spec's data at submit.
data_mounts=()
# The silo images carry Fashion-MNIST (DATASETS); NAS_FASHION_MNIST_DIR mounts another copy over it.
[ -z "${NAS_FASHION_MNIST_DIR:-}" ] || data_mounts+=(-v "$NAS_FASHION_MNIST_DIR:/usr/share/datasets/fashion-mnist:ro")
shared=${NAS_SHARED_DIR:-$root/../shared}
[ ! -d "$shared" ] || data_mounts+=(-v "$(cd "$shared" && pwd):/shared:ro" -e Nas__Silo__SharedDirectory=/shared)
sklearn=${NAS_SKLEARN_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/nasorleans/sklearn}
[ ! -d "$sklearn" ] || data_mounts+=(-v "$sklearn:/datasets/sklearn:ro" -e NAS_SKLEARN_DATA=/datasets/sklearn)
"${run[@]}" -d --name "$prefix-control" -v "$prefix-control-data:/data" "${silo_env[@]}" "${data_mounts[@]}" -e Nas__Cluster__SiloPort=11111 -e Nas__Cluster__GatewayPort=30000 \
    -e Nas__Silo__HttpPort=8080 "nasorleans/control-silo:$tag" >/dev/null

for j in $(seq 1 "$trainers"); do
    "${run[@]}" -d --name "$prefix-trainer-$j" -v "$prefix-trainer-$j-data:/data" "${silo_env[@]}" "${data_mounts[@]}" \
        -e Nas__Cluster__SiloPort=$((11200 + j)) -e Nas__Cluster__GatewayPort=0 -e Nas__Silo__TrainerSlots="$slots" \
        -e Nas__Silo__HttpPort=$((8080 + j)) "nasorleans/trainer-cpu:$tag" >/dev/null
done
wait_for "$prefix-control" 180 logs_say "$prefix-control" "Orleans Silo started"
for j in $(seq 1 "$trainers"); do wait_for "$prefix-trainer-$j" 180 logs_say "$prefix-trainer-$j" "Orleans Silo started"; done
echo "silos up: 1 control, $trainers trainer(s) x $slots slot(s) ($(($(date +%s) - started)) s)"

# --- the study, through the gateway, with the nas image ---
nas=("${run[@]}" --rm --user 10001:10001 -v "$prefix-client-data:/data" -v "$(dirname "$spec"):/specs:ro"
    "${cluster_key[@]}" -e NAS_CLUSTER_KEY_FILE=/etc/nas/cluster-key
    "nasorleans/nas:$tag")
gateway=(--gateway 127.0.0.1:30000)
study_started=$(date +%s)
name=$(sed -n 's/^name:[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$spec" | head -1)
echo "nas submit /specs/$(basename "$spec") --gateway 127.0.0.1:30000; nas watch $name --gateway 127.0.0.1:30000"
"${nas[@]}" submit "/specs/$(basename "$spec")" "${gateway[@]}"
status=0
"${nas[@]}" watch "$name" "${gateway[@]}" || status=$?
echo "study $name ended (exit $status) after $(($(date +%s) - study_started)) s"
"${nas[@]}" best "$name" "${gateway[@]}" || true

# Each silo's HTTP server (Nas__Silo__HttpPort: /healthz, /readyz, Prometheus /metrics), asked from inside the
# cluster's namespace with bash's /dev/tcp; a build without the HTTP server answers nothing, which is only reported.
http_get() {
    nas_podman exec "$prefix-net" bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3; cat <&3' _ "$1" "$2" 2>/dev/null
}
for port in 8080 $(seq 8081 $((8080 + trainers))); do
    if ! answer=$(http_get "$port" /readyz) || [ -z "$answer" ]; then echo "silo HTTP $port: not served by this build"; continue; fi
    pending=$(http_get "$port" /metrics | grep -E '^nas_cluster_trials_(pending|running)' | tr '\n' ' ' || true)
    echo "silo HTTP $port: /readyz $(echo "$answer" | head -1 | tr -d '\r')${pending:+; $pending}"
done

if [ $keep -eq 1 ]; then
    echo "left running (--keep): nas_podman ps; the gateway: podman --runtime runc run --rm --network container:$prefix-net nasorleans/nas:$tag list --gateway 127.0.0.1:30000"
    echo "remove it with: $0 --down"
fi
exit "$status"
