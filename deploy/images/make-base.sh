#!/usr/bin/env bash
# Makes the local base images that stand in for mcr.microsoft.com/dotnet/{aspnet,sdk}:10.0 where no registry image
# can be pulled (only Debian's packages are reachable), with podman:
#   localhost/nasorleans/base-debian12   Debian 12 (bookworm) made by debootstrap --variant=minbase, plus the
#                                        libraries .NET and libtorch need (libicu72 libssl3 ca-certificates tzdata
#                                        libgomp1), imported with podman import
#   localhost/nasorleans/dotnet-runtime  + the .NET and ASP.NET Core shared runtimes and the dotnet host, copied
#                                        from this machine's .NET install (base/runtime.Dockerfile)
#   localhost/nasorleans/dotnet-sdk      + this machine's whole .NET SDK and its extra CA certificates, for the
#                                        build stages of the Dockerfiles (base/sdk.Dockerfile)
# Idempotent: an image that exists is kept (--force makes all three again). Needs root (debootstrap), podman, runc
# and debootstrap (apt-get install podman runc debootstrap). Optional in CI: nothing else depends on it; on a
# machine that can pull from mcr.microsoft.com, build.sh needs no base of its own (build.sh --official).
#
# Usage: deploy/images/make-base.sh [--force]
#   NAS_DEBIAN_MIRROR   Debian mirror (default http://deb.debian.org/debian)
#   NAS_IMAGES_WORK     scratch folder for the rootfs and build contexts (default /var/tmp/nasorleans-images)
#   NAS_DOTNET_ROOT     the .NET install to copy (default: the folder of `dotnet` on PATH, symlinks resolved)
#   NAS_PODMAN_GLOBAL, NAS_PODMAN_LIMITS   podman's flags (podman-flags.sh: --runtime runc, ulimits under the hard limits)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/podman-flags.sh"

force=0
case "${1:-}" in
    --force) force=1 ;;
    "") ;;
    *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "make-base.sh needs root (debootstrap, podman import); run it with sudo" >&2; exit 1; }
for tool in podman debootstrap; do
    command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install podman runc debootstrap" >&2; exit 1; }
done

mirror=${NAS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=${NAS_IMAGES_WORK:-/var/tmp/nasorleans-images}
dotnet_root=${NAS_DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
base=localhost/nasorleans/base-debian12
runtime=localhost/nasorleans/dotnet-runtime
sdk=localhost/nasorleans/dotnet-sdk
mkdir -p "$work"

# The newest version folder under $1 (e.g. shared/Microsoft.NETCore.App/10.0.12).
newest() { ls -d "$1"/10.* 2>/dev/null | sort -V | tail -1; }

needs() { [ $force -eq 1 ] || ! nas_podman image exists "$1"; }

if needs "$base"; then
    rootfs="$work/rootfs-debian12"
    rm -rf "$rootfs"
    echo "debootstrap bookworm (minbase) into $rootfs ..."
    debootstrap --variant=minbase --include=libicu72,libssl3,ca-certificates,tzdata,libgomp1 \
        bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    # Nothing a container needs: package caches and lists, documentation, man pages, locales but C.
    chroot "$rootfs" apt-get clean
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
        "$rootfs"/var/log/*.log "$rootfs"/tmp/* "$rootfs"/var/tmp/*
    tar --numeric-owner -C "$rootfs" -c . | nas_podman import \
        --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' \
        --message "Debian 12 minbase (debootstrap) with libicu72 libssl3 ca-certificates tzdata libgomp1" - "$base" >/dev/null
    rm -rf "$rootfs"
    echo "made $base"
fi

if needs "$runtime"; then
    netcore=$(newest "$dotnet_root/shared/Microsoft.NETCore.App")
    aspnet=$(newest "$dotnet_root/shared/Microsoft.AspNetCore.App")
    fxr=$(newest "$dotnet_root/host/fxr")
    [ -n "$netcore" ] && [ -n "$aspnet" ] && [ -n "$fxr" ] || {
        echo "no .NET 10 runtime (shared/Microsoft.NETCore.App, Microsoft.AspNetCore.App, host/fxr) under $dotnet_root; set NAS_DOTNET_ROOT" >&2; exit 1; }
    ctx="$work/ctx-runtime"
    rm -rf "$ctx"
    mkdir -p "$ctx/dotnet/shared/Microsoft.NETCore.App" "$ctx/dotnet/shared/Microsoft.AspNetCore.App" "$ctx/dotnet/host/fxr"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$ctx/dotnet/"
    cp -a "$netcore" "$ctx/dotnet/shared/Microsoft.NETCore.App/"
    cp -a "$aspnet" "$ctx/dotnet/shared/Microsoft.AspNetCore.App/"
    cp -a "$fxr" "$ctx/dotnet/host/fxr/"
    # shellcheck disable=SC2086
    nas_podman build $NAS_PODMAN_LIMITS --build-arg "BASE_IMAGE=$base" -f "$here/base/runtime.Dockerfile" -t "$runtime" "$ctx"
    rm -rf "$ctx"
    echo "made $runtime ($(basename "$netcore"), ASP.NET Core $(basename "$aspnet"))"
fi

if needs "$sdk"; then
    [ -n "$(ls -d "$dotnet_root"/sdk/10.* 2>/dev/null)" ] || { echo "no .NET 10 SDK under $dotnet_root/sdk; set NAS_DOTNET_ROOT" >&2; exit 1; }
    ctx="$work/ctx-sdk"
    rm -rf "$ctx"
    mkdir -p "$ctx/ca"
    cp -a "$dotnet_root" "$ctx/dotnet"
    cp /usr/local/share/ca-certificates/*.crt "$ctx/ca/" 2>/dev/null || true
    # shellcheck disable=SC2086
    nas_podman build $NAS_PODMAN_LIMITS --build-arg "RUNTIME_IMAGE=$runtime" \
        --build-arg "NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}" \
        -f "$here/base/sdk.Dockerfile" -t "$sdk" "$ctx"
    rm -rf "$ctx"
    echo "made $sdk"
fi

nas_podman images --filter "reference=$base" --filter "reference=$runtime" --filter "reference=$sdk" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
