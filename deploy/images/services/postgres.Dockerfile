# nasorleans/dev-postgres: PostgreSQL 15 from Debian 12's packages, for podman-cluster.sh (a dev cluster on one
# machine; production uses a managed PostgreSQL). Built on the local Debian base of make-base.sh, so nothing is pulled
# but Debian's packages. First start: initdb with scram-sha-256 for every TCP connection (peer for the postgres user
# on the local socket), the superuser's password from POSTGRES_PASSWORD_FILE, and a non-superuser role nas (password
# from NAS_PASSWORD_FILE) owning the database nas. Passwords come from files or the environment (podman secrets of type
# env), never arguments (postgres-entrypoint.sh). Runs as the postgres user;
# writes only /var/lib/postgresql/data (volume) and /tmp.
ARG BASE_IMAGE=localhost/nasorleans/base-debian12
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /run/secrets /var/lib/postgresql/data && chown postgres:postgres /var/lib/postgresql/data && chmod 700 /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/nas-postgres-entrypoint
ENV PGDATA=/var/lib/postgresql/data \
    NAS_PG_PORT=5432 \
    NAS_PG_LISTEN=127.0.0.1
VOLUME ["/var/lib/postgresql/data"]
# Fast shutdown (SIGTERM would wait for every client to disconnect).
STOPSIGNAL SIGINT
USER postgres
ENTRYPOINT ["/usr/local/bin/nas-postgres-entrypoint"]
