#!/bin/sh
# The entrypoint of nasorleans/dev-redis (redis.Dockerfile): writes a configuration with the password (from the file
# REDIS_PASSWORD_FILE, or REDIS_PASSWORD from the environment, e.g. a podman secret of type env) into /tmp, so that
# the password is in no argument, then runs Redis in the foreground on it, without the password in its environment.
set -eu
if [ -n "${REDIS_PASSWORD_FILE:-}" ]; then
    [ -r "$REDIS_PASSWORD_FILE" ] || { echo "REDIS_PASSWORD_FILE ($REDIS_PASSWORD_FILE) is not readable" >&2; exit 1; }
    password=$(cat "$REDIS_PASSWORD_FILE")
else
    password=${REDIS_PASSWORD:-}
fi
[ -n "$password" ] || { echo "set REDIS_PASSWORD_FILE (a file holding the password) or REDIS_PASSWORD" >&2; exit 1; }
conf=/tmp/redis.conf
umask 077
{
    echo "bind ${NAS_REDIS_BIND:-127.0.0.1}"
    echo "port ${NAS_REDIS_PORT:-6379}"
    echo "dir /data"
    echo "appendonly yes"
    echo "protected-mode yes"
    printf 'requirepass "%s"\n' "$password"
} >"$conf"
unset REDIS_PASSWORD password
exec redis-server "$conf"
