# nasorleans/dev-redis: Redis 7 from Debian 12's packages, for podman-cluster.sh (Orleans clustering and reminders of a
# dev cluster on one machine). Built on the local Debian base of make-base.sh. Runs as the redis user, with a password
# (requirepass, from REDIS_PASSWORD_FILE or REDIS_PASSWORD at start), append-only persistence in /data (volume); writes only /data
# and /tmp.
ARG BASE_IMAGE=localhost/nasorleans/base-debian12
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /data /run/secrets && chown redis:redis /data
COPY redis-entrypoint.sh /usr/local/bin/nas-redis-entrypoint
ENV NAS_REDIS_PORT=6379 \
    NAS_REDIS_BIND=127.0.0.1
VOLUME ["/data"]
USER redis
ENTRYPOINT ["/usr/local/bin/nas-redis-entrypoint"]
