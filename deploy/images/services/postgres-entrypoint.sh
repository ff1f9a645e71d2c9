#!/bin/sh
# The entrypoint of nasorleans/dev-postgres (postgres.Dockerfile): initializes the data directory on first start, then
# runs PostgreSQL in the foreground. The passwords come from files (POSTGRES_PASSWORD_FILE, NAS_PASSWORD_FILE) or from
# the environment (POSTGRES_PASSWORD, NAS_PASSWORD, e.g. podman secrets of type env); never from arguments. The
# environment copies are removed before PostgreSQL starts.
set -eu
bin=/usr/lib/postgresql/15/bin
data=${PGDATA:-/var/lib/postgresql/data}
umask 077
# password_file NAME: the file holding password NAME (NAME_FILE, else NAME from the environment copied to /tmp).
password_file() {
    eval "file=\${$1_FILE:-} value=\${$1:-}"
    if [ -n "$file" ]; then [ -r "$file" ] || { echo "$1_FILE ($file) is not readable" >&2; exit 1; }; echo "$file"; return; fi
    [ -n "$value" ] || { echo "set $1_FILE (a file holding the password) or $1" >&2; exit 1; }
    printf '%s' "$value" >"/tmp/$1"
    echo "/tmp/$1"
}
if [ ! -s "$data/PG_VERSION" ]; then
    superuser=$(password_file POSTGRES_PASSWORD)
    NAS_PASSWORD_FILE=$(password_file NAS_PASSWORD)
    export NAS_PASSWORD_FILE
    "$bin/initdb" -D "$data" -U postgres --pwfile="$superuser" --auth-host=scram-sha-256 --auth-local=peer \
        --encoding=UTF8 >/tmp/initdb.log 2>&1 || { cat /tmp/initdb.log >&2; exit 1; }
    "$bin/pg_ctl" -D "$data" -o "-c listen_addresses='' -k /tmp" -w -t 60 start >/dev/null
    "$bin/psql" -h /tmp -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<'SQL'
\set pw `cat "$NAS_PASSWORD_FILE"`
CREATE ROLE nas LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'pw';
CREATE DATABASE nas OWNER nas;
REVOKE ALL ON DATABASE nas FROM PUBLIC;
SQL
    "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    rm -f /tmp/POSTGRES_PASSWORD /tmp/NAS_PASSWORD
    echo "initialized $data: role nas owns database nas (scram-sha-256)"
fi
unset POSTGRES_PASSWORD NAS_PASSWORD
exec "$bin/postgres" -D "$data" -c "listen_addresses=${NAS_PG_LISTEN:-127.0.0.1}" -p "${NAS_PG_PORT:-5432}" -k /tmp
