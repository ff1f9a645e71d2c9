# Sourced by the scripts in deploy/images/: podman as podman 4.3 needs it on machines like these (Debian 12 in a
# sandbox): Debian's runc as the OCI runtime (global flag, before the command) and ulimits under the machine's hard
# limits (podman's defaults may ask for more, and the container then fails to start); podman build needs both too.
#   NAS_PODMAN_GLOBAL   global flags (default: --runtime runc)
#   NAS_PODMAN_LIMITS   flags of podman build and podman run (default: --ulimit nofile=N:N --ulimit nproc=M:M, with
#                       N = min(20000, hard nofile limit) and M = min(32768, hard nproc limit))
# Set either to an empty string on a workstation whose podman runs containers as it is.
nas_nofile=$(ulimit -Hn); nas_nproc=$(ulimit -Hu)
[ "$nas_nofile" = unlimited ] && nas_nofile=20000
[ "$nas_nproc" = unlimited ] && nas_nproc=32768
[ "$nas_nofile" -gt 20000 ] && nas_nofile=20000
[ "$nas_nproc" -gt 32768 ] && nas_nproc=32768
NAS_PODMAN_GLOBAL=${NAS_PODMAN_GLOBAL-"--runtime runc"}
NAS_PODMAN_LIMITS=${NAS_PODMAN_LIMITS-"--ulimit nofile=$nas_nofile:$nas_nofile --ulimit nproc=$nas_nproc:$nas_nproc"}
unset nas_nofile nas_nproc

# podman with the global flags: nas_podman build ..., nas_podman run ... (add $NAS_PODMAN_LIMITS to build and run).
# shellcheck disable=SC2086
nas_podman() { podman $NAS_PODMAN_GLOBAL "$@"; }
