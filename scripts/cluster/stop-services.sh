#!/usr/bin/env bash
# Stops the PostgreSQL and Redis that start-services.sh started under DIR, by their process ids (PostgreSQL with a
# fast shutdown, SIGINT; Redis with SIGTERM, which flushes its append-only file). The data stays in DIR.
# Usage: scripts/cluster/stop-services.sh DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
[ -d "$1" ] || { echo "no such directory: $1" >&2; exit 1; }
dir=$(cd "$1" && pwd)
nas_pg_refresh_pid "$dir"
if nas_stop_pid "$dir/postgres.pid" INT 60; then echo "PostgreSQL stopped"; else echo "PostgreSQL was not running"; fi
if nas_stop_pid "$dir/redis.pid" TERM 30; then echo "Redis stopped"; else echo "Redis was not running"; fi
