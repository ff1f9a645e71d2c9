#!/usr/bin/env bash
# Stops the silos that start-silos.sh DIR started, by their pids: trainer silos first (they hand their leases back),
# then control silos. SIGTERM asks for a graceful shutdown (the silo leaves the membership table); a silo still
# running after 60 s is killed.
# Usage: scripts/cluster/stop-silos.sh DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
[ -d "$1/silos" ] || { echo "no silos under $1"; exit 0; }
dir=$(cd "$1" && pwd)
shopt -s nullglob
for kind in trainer control; do
    files=("$dir/silos/$kind"-*.pid)
    pids=()
    for f in "${files[@]}"; do
        if nas_pid_alive "$f"; then kill -TERM "$(head -1 "$f")" 2>/dev/null || true; pids+=("$f"); else rm -f "$f"; fi
    done
    for f in "${pids[@]}"; do
        name=$(basename "$f" .pid)
        nas_stop_pid "$f" TERM 60 || true   # returns 1 when it already exited after the signal
        echo "$name stopped"
    done
done
